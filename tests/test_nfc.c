/*
 * test_nfc.c — nfc.c's quick test, nfc_needed(): it must say yes for every
 * text NFC changes, wherever in the text the change is, and it says no for
 * the text it steps over without decoding (ASCII, Latin letters, the CJK
 * ideographs from U+4000 to U+9FFF).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "nfc.h"

#define E_ACUTE_DECOMPOSED "e\xCC\x81" /* "e" and U+0301 combining acute */

/* The UTF-8 of code point CP (U+0800 to U+FFFF) into OUT; its length. */
static size_t utf8_of_3byte(unsigned cp, char *out) {
    out[0] = (char)(0xE0 | (cp >> 12));
    out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
}

/* Whether NFC changes S: the slow, certain answer. */
static int nfc_changes(const char *s, size_t len) {
    size_t out_len;
    char *out = nfc_copy(s, len, &out_len);
    assert_non_null(out);
    int changed = out_len != len || memcmp(out, s, len) != 0;
    free(out);
    return changed;
}

/* A combining mark after any amount of ASCII, so that it falls at every
 * offset of the eight-byte stride and after it. */
static void test_mark_after_ascii(void **state) {
    (void)state;
    char text[64];
    for (size_t prefix = 0; prefix + sizeof E_ACUTE_DECOMPOSED <= sizeof text; prefix++) {
        memset(text, 'a', prefix);
        memcpy(text + prefix, E_ACUTE_DECOMPOSED, sizeof E_ACUTE_DECOMPOSED);
        size_t len = prefix + sizeof E_ACUTE_DECOMPOSED - 1;
        if (!nfc_needed(text, len))
            fail_msg("combining mark after %zu ASCII bytes not seen", prefix);
        assert_true(nfc_changes(text, len));
    }
}

/* Text NFC leaves alone is not flagged: ASCII of every length, precomposed
 * Latin letters. */
static void test_stable_text_not_needed(void **state) {
    (void)state;
    const char ascii[] = "The quick brown fox jumps over the lazy dog, again and again.";
    for (size_t len = 0; len < sizeof ascii; len++)
        assert_false(nfc_needed(ascii, len));
    const char latin[] = "Caf\xC3\xA9 cr\xC3\xA8me br\xC3\xBBl\xC3\xA9" "e, na\xC3\xAFve"; /* é è û é ï */
    assert_false(nfc_needed(latin, sizeof latin - 1));
}

/* Every code point from U+4000 to U+9FFF, alone and before a combining
 * mark: NFC never changes the ideograph, and the mark after it is seen. */
static void test_cjk_range(void **state) {
    (void)state;
    for (unsigned cp = 0x4000; cp <= 0x9FFF; cp++) {
        char text[8];
        size_t len = utf8_of_3byte(cp, text);
        if (nfc_changes(text, len))
            fail_msg("U+%04X changes under NFC", cp);
        assert_false(nfc_needed(text, len));
        memcpy(text + len, "\xCC\x81", 2);
        if (!nfc_needed(text, len + 2))
            fail_msg("combining mark after U+%04X not seen", cp);
    }
}

/* Just outside the range: a CJK compatibility ideograph (U+F900) has a
 * canonical decomposition, and a conjoining Hangul letter composes. */
static void test_changing_neighbours(void **state) {
    (void)state;
    const char compat[] = "\xE4\xB8\x80\xEF\xA4\x80"; /* U+4E00 U+F900 */
    assert_true(nfc_changes(compat, sizeof compat - 1));
    assert_true(nfc_needed(compat, sizeof compat - 1));
    const char jamo[] = "\xE1\x84\x80\xE1\x85\xA1"; /* U+1100 U+1161: 가 */
    assert_true(nfc_changes(jamo, sizeof jamo - 1));
    assert_true(nfc_needed(jamo, sizeof jamo - 1));
}

/* A lead byte of the CJK range cut short or followed by no continuation
 * bytes is not stepped over as an ideograph: the mark after it is seen. */
static void test_broken_cjk_sequence(void **state) {
    (void)state;
    const char cut[] = "\xE4" E_ACUTE_DECOMPOSED;
    assert_true(nfc_needed(cut, sizeof cut - 1));
    const char mark_inside[] = "\xE4\xCC\x81";
    assert_true(nfc_needed(mark_inside, sizeof mark_inside - 1));
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_mark_after_ascii),
        cmocka_unit_test(test_stable_text_not_needed),
        cmocka_unit_test(test_cjk_range),
        cmocka_unit_test(test_changing_neighbours),
        cmocka_unit_test(test_broken_cjk_sequence),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
