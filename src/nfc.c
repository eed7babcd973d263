/*
 * nfc.c — see nfc.h. The quick test runs over every text run parse.c
 * stores, so it looks at bytes below U+0300 (ASCII, Latin-1, the Latin
 * extensions: never changed by NFC) without decoding them, and steps over
 * ASCII eight bytes at a time and over the CJK ideographs (most of the
 * text of Chinese and Japanese pages) without asking utf8proc.
 */
#include "nfc.h"

#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

/* Below this code point nothing composes with what follows or decomposes. */
#define FIRST_COMBINING 0x300
/* The conjoining Hangul letters that NFC composes into syllables. */
#define HANGUL_JAMO_FIRST 0x1100
#define HANGUL_JAMO_LAST 0x11FF
/* U+4000 to U+9FFF (the end of CJK Extension A, the Yijing hexagrams and the
 * CJK Unified Ideographs) hold no combining mark and no character with a
 * canonical decomposition: NFC leaves them alone (test_nfc.c checks every
 * one). In UTF-8 they are the three-byte sequences led by 0xE4 to 0xE9. */
#define CJK_LEAD_FIRST 0xE4
#define CJK_LEAD_LAST 0xE9
#define ASCII_WORD_HIGH_BITS 0x8080808080808080ull

static bool may_change(utf8proc_int32_t cp) {
    if (cp >= HANGUL_JAMO_FIRST && cp <= HANGUL_JAMO_LAST)
        return true;
    const utf8proc_property_t *p = utf8proc_get_property(cp);
    return p->combining_class != 0 || p->comp_exclusion ||
           (p->decomp_seqindex != UINT16_MAX && p->decomp_type == 0);
}

static bool is_continuation(unsigned char c) {
    return (c & 0xC0) == 0x80;
}

bool nfc_needed(const char *s, size_t len) {
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        uint64_t word;
        if (len - i >= sizeof word) {
            memcpy(&word, p + i, sizeof word);
            if (!(word & ASCII_WORD_HIGH_BITS)) {
                i += sizeof word;
                continue;
            }
        }
        /* lead bytes up to 0xCB start code points below U+0300 */
        if (p[i] < 0xCC) {
            i++;
            continue;
        }
        if (p[i] >= CJK_LEAD_FIRST && p[i] <= CJK_LEAD_LAST && len - i >= 3 &&
            is_continuation(p[i + 1]) && is_continuation(p[i + 2])) {
            i += 3;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t n = utf8proc_iterate(p + i, (utf8proc_ssize_t)(len - i), &cp);
        if (n <= 0) {
            i++;
            continue;
        }
        if (cp >= FIRST_COMBINING && may_change(cp))
            return true;
        i += (size_t)n;
    }
    return false;
}

char *nfc_copy(const char *s, size_t len, size_t *out_len) {
    utf8proc_uint8_t *out = NULL;
    utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &out,
                                      UTF8PROC_STABLE | UTF8PROC_COMPOSE);
    if (n < 0)
        return NULL;
    *out_len = (size_t)n;
    return (char *)out;
}
