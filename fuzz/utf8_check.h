/*
 * utf8_check.h — what the fuzz targets demand of every string lede hands
 * back: well-formed UTF-8 (no overlong forms, no surrogates, nothing above
 * U+10FFFF) with no NUL inside. A violation traps, which libFuzzer reports
 * as a crash with the input that caused it.
 */
#ifndef LEDE_FUZZ_UTF8_CHECK_H
#define LEDE_FUZZ_UTF8_CHECK_H

#include <stdbool.h>
#include <stddef.h>

static inline bool utf8_is_valid(const unsigned char *s, size_t len) {
    size_t i = 0;
    while (i < len) {
        unsigned char c = s[i];
        if (c == 0)
            return false;
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t n;
        unsigned cp;
        if (c >= 0xC2 && c <= 0xDF) {
            n = 1;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 2;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (len - i <= n)
            return false;
        for (size_t k = 1; k <= n; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return false;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if ((n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) || cp > 0x10FFFF ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += n + 1;
    }
    return true;
}

/* Trap unless S is NULL or valid UTF-8 of at most MAX bytes. */
static inline void check_string(const char *s, size_t max) {
    if (!s)
        return;
    size_t len = 0;
    while (s[len])
        len++;
    if (len > max || !utf8_is_valid((const unsigned char *)s, len))
        __builtin_trap();
}

#endif
