/*
 * fuzz_parse.c — libFuzzer target over parse_html_limited(), against
 * itself: the parse of the markup as cut before libxml2 reads it (bodies
 * of scripts, styles, inert SVG pictures and comments cut, plain
 * attributes and text taken out; markup.c) must build the tree libxml2 builds from the
 * whole markup, node for node, whatever the bytes. That pass is a guess at
 * how libxml2 tokenizes, confirmed while it parses; this target looks for
 * the markup where the guess and its confirmation both go wrong.
 *
 * Inputs are what the parse is given: UTF-8 without a NUL (decode.h's
 * promise, which fuzz_decode checks); others are passed over. The first
 * byte picks whether hidden elements are revealed and whether tiny bounds
 * on depth and attributes apply (not on the node count: the nodes of an
 * SVG body left out would move where that bound stops).
 *
 *   cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DLEDE_FUZZ=ON
 *   cmake --build build-fuzz --target fuzz_parse
 *   build-fuzz/fuzz/fuzz_parse CORPUS_DIR tests/fixtures -max_total_time=60
 */
#include <stddef.h>
#include <stdint.h>

#include <string.h>

#include "parse.h"
#include "utf8_check.h"

/* Larger inputs add nothing a small one cannot show, and slow the search. */
#define MAX_FUZZ_PAGE ((size_t)256 << 10)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size > MAX_FUZZ_PAGE || memchr(data, '\0', size) || !utf8_is_valid(data, size))
        return 0;
    unsigned flags = size ? data[0] : 0;
    parse_limits cut = {.reveal_hidden = flags & 1};
    if (flags & 2) {
        cut.max_depth = 6;
        cut.max_attrs = 2;
        cut.max_attr_len = 7;
    }
    parse_limits whole = cut;
    whole.keep_raw_text = true;
    document a = {0}, b = {0};
    lede_status sa = parse_html_limited((const char *)data, size, &cut, &a);
    lede_status sb = parse_html_limited((const char *)data, size, &whole, &b);
    if (sa != sb || (sa == LEDE_OK && tree_difference(&a, &b, true) != TREE_SAME))
        __builtin_trap();
    if (sa == LEDE_OK) {
        document_free(&a);
        document_free(&b);
    }
    return 0;
}
