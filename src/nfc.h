/*
 * nfc.h — text in Unicode Normalization Form C.
 *
 * Pages write "é" as one code point or as "e" and a combining accent, and
 * the two look the same but compare, search and count differently; lede's
 * output is NFC, as most of the web's text already is. Normalising is done
 * by libutf8proc, and only for the text that needs it: ASCII and the common
 * precomposed letters are NFC already and are left untouched.
 */
#ifndef LEDE_NFC_H
#define LEDE_NFC_H

#include <stdbool.h>
#include <stddef.h>

/* Whether the UTF-8 text S (LEN bytes) may change under NFC: it holds a
 * combining mark, a conjoining Hangul letter or a character with a
 * canonical decomposition (then NFC decides). */
bool nfc_needed(const char *s, size_t len);

/* S in NFC, malloc'd and NUL-terminated, its length in *OUT_LEN; NULL when
 * memory ran out or S is not UTF-8. */
char *nfc_copy(const char *s, size_t len, size_t *out_len);

#endif
