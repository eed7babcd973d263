/*
 * fuzz_decode.c — libFuzzer target over decode_to_utf8(), the one place
 * where bytes of any encoding become the UTF-8 every later stage trusts.
 *
 * The first byte picks the charset hint (none for most values). The output
 * must be what decode.h promises whatever the bytes: LEDE_OK (only memory
 * may fail), NUL-terminated, valid UTF-8 (no overlong forms, surrogates or
 * code points above U+10FFFF) and no NUL byte inside.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "decode.h"
#include "lede_limits.h"
#include "utf8_check.h"

static const char *const hints[] = {
    "utf-8",    "windows-1252", "shift_jis", "euc-jp",      "utf-16le",      "utf-16be",
    "gb18030",  "koi8-r",       "euc-kr",    "big5",        "iso-2022-jp",   "iso-8859-2",
    "windows-1251", "x-user-defined", "utf-7", "no-such-charset",
};
enum { HINTS = sizeof hints / sizeof hints[0] };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    unsigned pick = size ? data[0] & 0x3F : 0xFF;
    const char *hint = pick < HINTS ? hints[pick] : NULL;
    char *out = NULL;
    size_t out_len = 0;
    lede_status st = decode_to_utf8((const char *)data, size, hint, &out, &out_len);
    if (st == LEDE_ERR_NOMEM)
        return 0;
    if (st != LEDE_OK || !out || out[out_len] != '\0' ||
        !utf8_is_valid((const unsigned char *)out, out_len))
        __builtin_trap();
    free(out);
    return 0;
}
