/*
 * fuzz_decode.c — libFuzzer target over decode_page(), the one place
 * where bytes of any encoding become the UTF-8 every later stage trusts.
 *
 * The first byte picks the charset hint (none for most values); the top
 * two bits of the last (the first is a gzip input's magic) whether the
 * hint is a transport's label, which may yield to UTF-8 bytes, and a small
 * max_input, which a gzip'ed input may inflate past. The output must be
 * what decode.h promises whatever the bytes: LEDE_OK (only memory may
 * fail, and a gzip'ed input be too large), NUL-terminated, valid UTF-8 (no
 * overlong forms, surrogates or code points above U+10FFFF) and no NUL
 * byte inside.
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

/* A max_input that small gzip'ed inputs can inflate past. */
#define SMALL_MAX_INPUT ((size_t)64 << 10)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    unsigned pick = size ? data[0] & 0x3F : 0xFF;
    const char *hint = pick < HINTS ? hints[pick] : NULL;
    char *out = NULL;
    size_t out_len = 0;
    lede_options opt;
    lede_options_init(&opt);
    opt.encoding = hint;
    unsigned flags = size ? data[size - 1] : 0;
    opt.encoding_from_transport = (flags & 0x40) != 0;
    if (flags & 0x80)
        opt.max_input = SMALL_MAX_INPUT;
    lede_status st = decode_page((const char *)data, size, &opt, &out, &out_len);
    if (st == LEDE_ERR_NOMEM)
        return 0;
    if (st == LEDE_ERR_TOO_LARGE && !out && size >= 2 && data[0] == 0x1F && data[1] == 0x8B)
        return 0; /* a gzip'ed input that inflates past max_input */
    if (st != LEDE_OK || !out || out[out_len] != '\0' ||
        !utf8_is_valid((const unsigned char *)out, out_len))
        __builtin_trap();
    free(out);
    return 0;
}
