/*
 * decode/utf8.c — what a page's bytes look like as UTF-8, and UTF-8
 * repaired.
 *
 * One pass (utf8_scan) counts the valid multi-byte sequences, the broken
 * ones and the NUL bytes: the decision (choose.c) weighs the first two, and
 * the repair knows from all three whether any copy is needed and how large
 * it is. A broken sequence is measured as its maximal subpart (Unicode 3.9),
 * the bytes browsers replace with one U+FFFD, so an ASCII byte after a
 * broken lead byte survives. NUL becomes U+FFFD too, because the parser
 * reads NUL-terminated text.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "decode/internal.h"

/* Bytes that are UTF-8 with some damage (a pasted Latin-1 quote, a cut
 * character) still count as UTF-8 when their valid multi-byte sequences
 * outnumber the broken ones this many times: a legacy encoding forms valid
 * multi-byte UTF-8 only by rare accident, and decoding such a page as
 * anything else would garble all of it to save a few characters. */
#define MOSTLY_UTF8_RATIO 4u

const char UTF8_REPLACEMENT[3] = {(char)0xEF, (char)0xBF, (char)0xBD};

typedef enum seq_kind { SEQ_VALID, SEQ_BROKEN, SEQ_CUT } seq_kind;

/* The UTF-8 sequence at P (AVAIL > 0 bytes left): *LEN is its length when
 * valid, else the length of its maximal subpart (Unicode 3.9), the bytes one
 * U+FFFD replaces — what browsers and the Encoding standard do. */
static seq_kind utf8_sequence(const unsigned char *p, size_t avail, size_t *len) {
    unsigned char c = p[0], lo = 0x80, hi = 0xBF;
    size_t follow;
    if (c < 0x80) {
        *len = 1;
        return SEQ_VALID;
    }
    if (c >= 0xC2 && c <= 0xDF) {
        follow = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
        follow = 2;
        lo = c == 0xE0 ? 0xA0 : 0x80; /* no overlong forms */
        hi = c == 0xED ? 0x9F : 0xBF; /* no surrogates */
    } else if (c >= 0xF0 && c <= 0xF4) {
        follow = 3;
        lo = c == 0xF0 ? 0x90 : 0x80; /* no overlong forms */
        hi = c == 0xF4 ? 0x8F : 0xBF; /* nothing above U+10FFFF */
    } else {
        *len = 1;
        return SEQ_BROKEN;
    }
    for (size_t i = 1; i <= follow; i++) {
        if (i >= avail) {
            *len = i;
            return SEQ_CUT;
        }
        if (p[i] < lo || p[i] > hi) {
            *len = i;
            return SEQ_BROKEN;
        }
        lo = 0x80;
        hi = 0xBF;
    }
    *len = follow + 1;
    return SEQ_VALID;
}

/* Whether the 8 bytes at P are all ASCII and none is NUL: the common case,
 * tested a word at a time (the zero-byte test is the classic exact one). */
static bool plain_ascii_word(const unsigned char *p) {
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    uint64_t w;
    memcpy(&w, p, sizeof w);
    return ((w | ((w - ones) & ~w)) & highs) == 0;
}

/* Whether the 32 bytes at P are all ASCII and none is NUL: four words
 * tested at once, one branch for the lot (most of a page's bytes are its
 * markup, and the scan is a pass over all of them). */
static bool plain_ascii_block(const unsigned char *p) {
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    uint64_t w[4], flags = 0;
    memcpy(w, p, sizeof w);
    for (int k = 0; k < 4; k++)
        flags |= w[k] | ((w[k] - ones) & ~w[k]);
    return (flags & highs) == 0;
}

utf8_stats utf8_scan(const unsigned char *p, size_t len) {
    utf8_stats s = {0};
    size_t i = 0;
    while (i < len) {
        if (len - i >= 32 && plain_ascii_block(p + i)) {
            i += 32;
            continue;
        }
        if (len - i >= 8 && plain_ascii_word(p + i)) {
            i += 8;
            continue;
        }
        size_t n;
        seq_kind kind = utf8_sequence(p + i, len - i, &n);
        if (kind != SEQ_VALID)
            s.bad++;
        else if (n > 1)
            s.multibyte++;
        else if (p[i] == 0)
            s.nul++;
        s.cut = kind == SEQ_CUT;
        i += n;
    }
    return s;
}

/* Broken sequences that say something about the encoding: a character cut
 * off by the end of the bytes (a truncated download) says nothing. */
static size_t utf8_damage(const utf8_stats *s) {
    return s->bad - (s->cut ? 1 : 0);
}

bool mostly_utf8(const utf8_stats *s) {
    size_t damage = utf8_damage(s);
    return damage == 0 || s->multibyte / MOSTLY_UTF8_RATIO >= damage;
}

/* Valid UTF-8 with non-ASCII text in it: no legacy encoding does that. */
bool surely_utf8(const utf8_stats *s) {
    return utf8_damage(s) == 0 && s->multibyte > 0;
}

/* Copy UTF-8 with each broken sequence and each NUL as U+FFFD. Each such
 * fix grows the text by at most two bytes (one byte becomes three), so the
 * stats give the exact bound and one allocation does. */
static lede_status utf8_repair(const unsigned char *p, size_t len, const utf8_stats *s,
                               char **out, size_t *out_len) {
    size_t fixes = s->bad + s->nul;
    if (fixes > (SIZE_MAX - 1 - len) / 2)
        return LEDE_ERR_NOMEM;
    char *dst = malloc(len + 2 * fixes + 1);
    if (!dst)
        return LEDE_ERR_NOMEM;
    size_t o = 0;
    for (size_t i = 0, n; i < len; i += n) {
        if (utf8_sequence(p + i, len - i, &n) == SEQ_VALID && p[i] != 0) {
            memcpy(dst + o, p + i, n);
            o += n;
        } else {
            memcpy(dst + o, UTF8_REPLACEMENT, sizeof UTF8_REPLACEMENT);
            o += sizeof UTF8_REPLACEMENT;
        }
    }
    dst[o] = '\0';
    *out = dst;
    *out_len = o;
    return LEDE_OK;
}

/* Hand LEN bytes of would-be UTF-8 at P over as the result, repaired if
 * need be. OWNED, when not NULL, is a malloc'd buffer of at least LEN + 1
 * bytes that holds P: clean text is moved to its front and handed over
 * without a copy. OWNED is always consumed. STATS may be NULL. */
lede_status emit_utf8(const unsigned char *p, size_t len, const utf8_stats *stats, char *owned,
                      char **out, size_t *out_len) {
    utf8_stats scanned;
    if (!stats) {
        scanned = utf8_scan(p, len);
        stats = &scanned;
    }
    if (stats->bad > 0 || stats->nul > 0) {
        lede_status st = utf8_repair(p, len, stats, out, out_len);
        free(owned);
        return st;
    }
    if (!owned) {
        owned = malloc(len + 1);
        if (!owned)
            return LEDE_ERR_NOMEM;
    }
    if (len > 0)
        memmove(owned, p, len);
    owned[len] = '\0';
    *out = owned;
    *out_len = len;
    return LEDE_OK;
}
