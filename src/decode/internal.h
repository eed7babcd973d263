/*
 * decode/internal.h — what the files of the decode stage share.
 *
 * decode.c is the entry and inflates (step 1); choose.c decides the
 * encoding (step 2) with labels.c (the WHATWG label table), prescan.c (the
 * meta prescan) and utf8.c (what the bytes look like as UTF-8); convert.c
 * turns the bytes into UTF-8 (step 3) with iconv, or with utf8.c's repair.
 * decode.c's opening comment says why in this order.
 */
#ifndef LEDE_DECODE_INTERNAL_H
#define LEDE_DECODE_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "lede.h"

/* Longest charset label passed to iconv as given; real labels are short. */
#define LABEL_MAX 40u

/* iconv names of the charsets the code treats specially. */
#define CS_UTF8 "UTF-8"
#define CS_UTF16LE "UTF-16LE"
#define CS_UTF16BE "UTF-16BE"
#define CS_1252 "CP1252"

/* U+FFFD in UTF-8: what each broken sequence and each NUL becomes. */
extern const char UTF8_REPLACEMENT[3];

static inline bool is_space(unsigned char c) {
    return c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D || c == 0x20;
}

/* ASCII only: labels and tag names are ASCII, and the C library's tolower
 * depends on the locale. */
static inline unsigned char ascii_lower(unsigned char c) {
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c + ('a' - 'A')) : c;
}

static inline bool equal_nocase(const unsigned char *s, size_t len, const char *word) {
    size_t n = strlen(word);
    if (len != n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (ascii_lower(s[i]) != (unsigned char)word[i])
            return false;
    return true;
}

static inline bool same_charset(const char *a, const char *b) {
    return a && b && strcmp(a, b) == 0;
}

static inline bool is_utf16(const char *charset) {
    return same_charset(charset, CS_UTF16LE) || same_charset(charset, CS_UTF16BE);
}

/* What the bytes look like as UTF-8, from one pass. */
typedef struct utf8_stats {
    size_t bad;       /* broken sequences, each one U+FFFD (maximal subparts) */
    size_t multibyte; /* valid sequences of two to four bytes */
    size_t nul;       /* NUL bytes */
    bool cut;         /* the last broken sequence is one cut off by the end */
} utf8_stats;

/* The page's bytes once inflated and past any BOM, and their UTF-8 stats,
 * computed when first needed since a labelled legacy page never needs them. */
typedef struct source {
    const unsigned char *bytes;
    size_t len;
    utf8_stats stats;
    bool scanned;
} source;

/* The charset chosen: an iconv name from the table, or a label the table
 * does not know, kept for iconv to try. */
typedef struct encoding {
    const char *charset; /* NULL: use label */
    char label[LABEL_MAX + 1];
    bool detected; /* uchardet's answer, so no use asking it again */
} encoding;

static inline const char *encoding_name(const encoding *e) {
    return e->charset ? e->charset : e->label;
}

/* labels.c: the iconv name for the label in LEN bytes at S (surrounding
 * whitespace ignored, as the standard says), or NULL when the table does
 * not know it. */
const char *charset_for_label(const unsigned char *s, size_t len);

/* prescan.c: the charset declared by a meta in the first END bytes, or
 * NULL. */
const char *meta_prescan(const unsigned char *b, size_t end);

/* prescan.c: the label after "charset=" in a Content-Type value V (a meta's
 * content attribute, or a hint), in *LABEL and *LABEL_LEN; false when V
 * names none. */
bool charset_in_content(const unsigned char *v, size_t len, const unsigned char **label,
                        size_t *label_len);

/* utf8.c: the counts of one pass over LEN bytes at P. */
utf8_stats utf8_scan(const unsigned char *p, size_t len);

/* utf8.c: UTF-8 but for a little damage (MOSTLY_UTF8_RATIO); UTF-8 with
 * non-ASCII text and no damage, which no legacy encoding forms. */
bool mostly_utf8(const utf8_stats *s);
bool surely_utf8(const utf8_stats *s);

/* utf8.c: LEN bytes of would-be UTF-8 at P as the result, repaired where
 * broken (see there for OWNED and STATS). */
lede_status emit_utf8(const unsigned char *p, size_t len, const utf8_stats *stats,
                      char *owned, char **out, size_t *out_len);

/* choose.c: the encoding of SRC's bytes into ENC (a BOM is dropped from
 * SRC); HINT is the caller's label or NULL, TRANSPORT whether it came with
 * the bytes. LEDE_ERR_NOMEM only. */
lede_status choose_encoding(source *src, const char *hint, bool transport, encoding *enc);

/* choose.c: uchardet's guess into ENC; *FOUND is false when it has none. */
lede_status detect_encoding(const source *src, encoding *enc, bool *found);

/* convert.c: SRC's bytes in ENC into *OUT (malloc'd, NUL-terminated).
 * INFLATED (or NULL) holds them and is consumed. */
lede_status convert_to_utf8(source *src, const encoding *enc, char *inflated, char **out,
                            size_t *out_len);

#endif
