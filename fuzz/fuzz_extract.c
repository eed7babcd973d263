/*
 * fuzz_extract.c — libFuzzer target over lede_extract().
 *
 * Every input is extracted in all three formats. Its first byte picks the
 * charset hint (none for most values, so the sniffing paths are fuzzed too)
 * and, when its top bit is set, tiny limits, so that the code that cuts at
 * each bound runs on every shape of page and not only on huge ones. Beyond
 * "no crash, no leak, no undefined behaviour" (the sanitizers), a result
 * must hold what the header promises: LEDE_OK with a body and a text, every
 * string valid UTF-8 within max_output; any other status with no result.
 *
 *   cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DLEDE_FUZZ=ON
 *   cmake --build build-fuzz --target fuzz_extract
 *   build-fuzz/fuzz/fuzz_extract CORPUS_DIR tests/fixtures -max_total_time=60
 */
#include <stddef.h>
#include <stdint.h>

#include "lede.h"
#include "utf8_check.h"

static const char *const hints[] = {
    "utf-8",     "windows-1252", "shift_jis", "utf-16le", "utf-16be", "gb18030",
    "koi8-r",    "euc-kr",       "big5",      "iso-2022-jp", "x-user-defined", "no-such-charset",
};
enum { HINTS = sizeof hints / sizeof hints[0] };

static void check_result(const lede_result *r, const lede_options *opt) {
    if (!lede_result_string(r, LEDE_FIELD_BODY) || !lede_result_string(r, LEDE_FIELD_TEXT))
        __builtin_trap();
    for (int field = 0; field < LEDE_FIELD_COUNT; field++) {
        check_string(lede_result_string(r, field), opt->max_output);
        for (size_t i = 0; i < lede_result_count(r, field); i++)
            check_string(lede_result_item(r, field, i), opt->max_output);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    lede_options opt;
    lede_options_init(&opt);
    unsigned first = size ? data[0] : 0;
    unsigned pick = first & 0x3F;
    opt.encoding = pick < HINTS ? hints[pick] : NULL;
    if (first & 0x80) {
        opt.max_depth = 6;
        opt.max_nodes = 60;
        opt.max_attrs = 2;
        opt.max_attr_len = 7;
        opt.max_output = 200;
    }
    if (first & 0x40)
        opt.url = "https://example.com/news/2024/story.html";
    for (int format = LEDE_FORMAT_TEXT; format <= LEDE_FORMAT_HTML; format++) {
        opt.format = (lede_format)format;
        lede_result *res = NULL;
        lede_status st = lede_extract((const char *)data, size, &opt, &res);
        if (st == LEDE_OK)
            check_result(res, &opt);
        else if (st == LEDE_ERR_NO_ARTICLE ? !res || lede_result_string(res, LEDE_FIELD_TEXT) ||
                                                 lede_result_string(res, LEDE_FIELD_BODY) ||
                                                 !lede_result_string(res, LEDE_FIELD_TYPE)
                                           : res || st >= LEDE_STATUS_COUNT)
            __builtin_trap();
        lede_result_free(res);
    }
    return 0;
}
