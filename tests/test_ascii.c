/*
 * test_ascii.c — the word tests of ascii.h against the byte-at-a-time
 * answer, for every byte value at every place in a word among neighbours
 * of every kind (a borrow or carry from one byte must never reach the
 * next), and the two steps of utf8.h.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "ascii.h"
#include "utf8.h"

/* The word whose bytes are FILL but byte AT, which is B. */
static uint64_t word_with(unsigned char fill, size_t at, unsigned char b) {
    unsigned char bytes[8];
    memset(bytes, fill, sizeof bytes);
    bytes[at] = b;
    uint64_t w;
    memcpy(&w, bytes, sizeof w);
    return w;
}

/* The high-bit mask of the bytes of W for which KEEP(byte) holds. */
static uint64_t mask_where(uint64_t w, int (*keep)(unsigned char, unsigned), unsigned arg) {
    unsigned char bytes[8], out[8];
    memcpy(bytes, &w, sizeof bytes);
    for (size_t k = 0; k < 8; k++)
        out[k] = keep(bytes[k], arg) ? 0x80 : 0;
    uint64_t m;
    memcpy(&m, out, sizeof m);
    return m;
}

static int is_below(unsigned char b, unsigned n) {
    return b < n;
}

static int is_equal(unsigned char b, unsigned c) {
    return b == c;
}

static void test_word_masks_are_exact(void **state) {
    (void)state;
    static const unsigned char fills[] = {0x00, 0x01, 0x1F, 0x20, '<', 0x7F, 0x80, 0xFF};
    static const unsigned bounds[] = {1, 0x0A, 0x20, 0x7F, 0x80};
    for (size_t f = 0; f < sizeof fills; f++)
        for (size_t at = 0; at < 8; at++)
            for (unsigned b = 0; b < 256; b++) {
                uint64_t w = word_with(fills[f], at, (unsigned char)b);
                for (size_t n = 0; n < sizeof bounds / sizeof bounds[0]; n++)
                    assert_true((ascii_has_below(w, bounds[n]) != 0) ==
                                (mask_where(w, is_below, bounds[n]) != 0));
                assert_true(ascii_bytes_equal(w, '<') == mask_where(w, is_equal, '<'));
                assert_true((ascii_has_byte(w, 0x7F) != 0) == (mask_where(w, is_equal, 0x7F) != 0));
            }
}

static void test_letters_and_digits(void **state) {
    (void)state;
    for (unsigned c = 0; c < 256; c++) {
        int alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        int digit = c >= '0' && c <= '9';
        assert_int_equal(ascii_is_alpha((char)c), alpha);
        assert_int_equal(ascii_is_alnum((char)c), alpha || digit);
    }
}

static void test_utf8_steps(void **state) {
    (void)state;
    char out[4];
    assert_int_equal(utf8_encode('A', out), 1);
    assert_int_equal(utf8_encode(0xA0, out), 2);
    assert_memory_equal(out, "\xC2\xA0", 2);
    assert_int_equal(utf8_encode(0x2019, out), 3);
    assert_memory_equal(out, "\xE2\x80\x99", 3);
    assert_int_equal(utf8_encode(0x1F600, out), 4);
    assert_memory_equal(out, "\xF0\x9F\x98\x80", 4);
    assert_int_equal(utf8_encode(0, out), 0);
    assert_int_equal(utf8_encode(0xD800, out), 0);
    assert_int_equal(utf8_encode(0x110000, out), 0);
    /* "caf\u00e9!" cut at 4 bytes would split the e-acute */
    assert_int_equal(utf8_cut("caf\xC3\xA9!", 4), 3);
    assert_int_equal(utf8_cut("caf\xC3\xA9!", 5), 5);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_word_masks_are_exact),
        cmocka_unit_test(test_letters_and_digits),
        cmocka_unit_test(test_utf8_steps),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
