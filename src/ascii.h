/*
 * ascii.h — how far a run of plain ASCII goes, eight bytes at a time.
 *
 * Most bytes of most pages are printable ASCII that the code scanning them
 * only has to step over: the parser counting characters, the JSON writer
 * looking for what to escape. Asking each byte costs a handful of
 * compares; asking a 64-bit word whether any of its eight bytes is out of
 * the plain range costs about as much as asking one byte. The word tests
 * are the usual ones ("Bit Twiddling Hacks", haszero/hasless): exact as
 * yes-or-no answers for the word as a whole, which is all they are used for.
 */
#ifndef LEDE_ASCII_H
#define LEDE_ASCII_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define ASCII_ONES UINT64_C(0x0101010101010101)
#define ASCII_HIGHS UINT64_C(0x8080808080808080)

/* Whether some byte of X is below N (N at most 128). */
static inline uint64_t ascii_has_below(uint64_t x, unsigned n) {
    return (x - ASCII_ONES * n) & ~x & ASCII_HIGHS;
}

/* Whether some byte of X is C. */
static inline uint64_t ascii_has_byte(uint64_t x, unsigned char c) {
    return ascii_has_below(x ^ (ASCII_ONES * c), 1);
}

/* A mask with the high bit of each byte of X that is C, and no other bit
 * (exact per byte: no carry crosses from one byte into the next). */
static inline uint64_t ascii_bytes_equal(uint64_t x, unsigned char c) {
    uint64_t y = x ^ (ASCII_ONES * c);
    uint64_t low7 = ASCII_ONES * 0x7F;
    return ~(((y & low7) + low7) | y) & ASCII_HIGHS;
}

/* How many bytes a mask of high bits (ascii_bytes_equal()) marks. */
static inline unsigned ascii_marked(uint64_t mask) {
    return (unsigned)(((mask >> 7) * ASCII_ONES) >> 56);
}

/* C lower-cased if it is an ASCII capital: what tolower() does in the C
 * locale, without its call, for loops that fold every byte of a name. */
static inline char ascii_lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char)(c + ('a' - 'A')) : c;
}

/* Whether C is an ASCII letter; an ASCII letter or digit. */
static inline bool ascii_is_alpha(char c) {
    return (unsigned char)((c | 0x20) - 'a') < 26;
}

static inline bool ascii_is_alnum(char c) {
    return ascii_is_alpha(c) || (unsigned char)(c - '0') < 10;
}

/* The length of the run at S (LEN bytes) of bytes from MIN to 0x7F that
 * are neither STOP1 nor STOP2. */
static inline size_t ascii_plain_run(const unsigned char *s, size_t len, unsigned char min,
                                     unsigned char stop1, unsigned char stop2) {
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t x;
        memcpy(&x, s + i, 8);
        if ((x & ASCII_HIGHS) || ascii_has_below(x, min) || ascii_has_byte(x, stop1) ||
            ascii_has_byte(x, stop2))
            break;
    }
    while (i < len && s[i] >= min && s[i] < 0x80 && s[i] != stop1 && s[i] != stop2)
        i++;
    return i;
}

#endif
