/*
 * nfc.c — see nfc.h. The quick test runs over every text run parse.c
 * stores, so it looks at bytes below U+0300 (ASCII, Latin-1, the Latin
 * extensions: never changed by NFC) without decoding them.
 */
#include "nfc.h"

#include <stdint.h>
#include <utf8proc.h>

/* Below this code point nothing composes with what follows or decomposes. */
#define FIRST_COMBINING 0x300
/* The conjoining Hangul letters that NFC composes into syllables. */
#define HANGUL_JAMO_FIRST 0x1100
#define HANGUL_JAMO_LAST 0x11FF

static bool may_change(utf8proc_int32_t cp) {
    if (cp >= HANGUL_JAMO_FIRST && cp <= HANGUL_JAMO_LAST)
        return true;
    const utf8proc_property_t *p = utf8proc_get_property(cp);
    return p->combining_class != 0 || p->comp_exclusion ||
           (p->decomp_seqindex != UINT16_MAX && p->decomp_type == 0);
}

bool nfc_needed(const char *s, size_t len) {
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < len) {
        /* lead bytes up to 0xCB start code points below U+0300 */
        if (p[i] < 0xCC) {
            i++;
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
