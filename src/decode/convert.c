/*
 * decode/convert.c — a page's bytes in the chosen encoding into UTF-8 (step
 * 3 of decode.c), with glibc's iconv. Each invalid sequence becomes U+FFFD
 * and decoding resumes one byte later (one code unit for UTF-16), as
 * browsers do. UTF-8 input skips iconv: utf8.c checks it, and copies it
 * with repairs only where broken; iconv's own output goes through the same
 * check, for NUL bytes pass through iconv.
 *
 * An encoding iconv does not know falls back to uchardet's guess, then to
 * windows-1252, where every byte is some character: the page is read
 * somehow rather than refused.
 */
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "decode/internal.h"

/* Output room kept free before each iconv call: one character of any
 * charset, or one U+FFFD, always fits. */
#define ICONV_MIN_ROOM 16u

/* A growing output; cap > len always, so the NUL always fits. */
typedef struct outbuf {
    char *data;
    size_t len, cap;
} outbuf;

static bool outbuf_reserve(outbuf *o, size_t extra) {
    if (extra > SIZE_MAX - 1 - o->len)
        return false;
    size_t need = o->len + extra + 1;
    if (need <= o->cap)
        return true;
    size_t cap = o->cap ? o->cap : 64;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    char *p = realloc(o->data, cap);
    if (!p)
        return false;
    o->data = p;
    o->cap = cap;
    return true;
}

static bool outbuf_replacement(outbuf *o) {
    if (!outbuf_reserve(o, sizeof UTF8_REPLACEMENT))
        return false;
    memcpy(o->data + o->len, UTF8_REPLACEMENT, sizeof UTF8_REPLACEMENT);
    o->len += sizeof UTF8_REPLACEMENT;
    return true;
}

static size_t iconv_unit(const char *charset) {
    return is_utf16(charset) ? 2 : 1;
}

/* Run CD over all of IN into O. A broken sequence becomes U+FFFD and UNIT
 * bytes are skipped (one, or one UTF-16 code unit so as not to lose step);
 * a sequence cut off by the end becomes one U+FFFD. */
static lede_status iconv_all(iconv_t cd, const unsigned char *in, size_t len, size_t unit,
                             outbuf *o) {
    /* iconv takes char ** for its input but does not write through it. */
    char *inp = (char *)in;
    size_t left = len;
    /* Mostly ASCII markup: a little over the input size usually suffices. */
    if (!outbuf_reserve(o, len / 2 < SIZE_MAX - len ? len + len / 2 : len))
        return LEDE_ERR_NOMEM;
    while (left > 0) {
        if (!outbuf_reserve(o, ICONV_MIN_ROOM))
            return LEDE_ERR_NOMEM;
        char *outp = o->data + o->len;
        size_t room = o->cap - o->len - 1;
        size_t r = iconv(cd, &inp, &left, &outp, &room);
        o->len = (size_t)(outp - o->data);
        if (r != (size_t)-1)
            break;
        if (errno == E2BIG) {
            if (!outbuf_reserve(o, o->cap)) /* doubles */
                return LEDE_ERR_NOMEM;
            continue;
        }
        if (!outbuf_replacement(o))
            return LEDE_ERR_NOMEM;
        if (errno == EINVAL)
            break;
        size_t skip = unit < left ? unit : left;
        inp += skip;
        left -= skip;
    }
    /* Stateful charsets (ISO-2022-JP) may owe output at the end. */
    for (;;) {
        if (!outbuf_reserve(o, ICONV_MIN_ROOM))
            return LEDE_ERR_NOMEM;
        char *outp = o->data + o->len;
        size_t room = o->cap - o->len - 1;
        size_t r = iconv(cd, NULL, NULL, &outp, &room);
        o->len = (size_t)(outp - o->data);
        if (r != (size_t)-1 || errno != E2BIG)
            break;
        if (!outbuf_reserve(o, o->cap))
            return LEDE_ERR_NOMEM;
    }
    o->data[o->len] = '\0';
    return LEDE_OK;
}

/* An iconv descriptor for ENC; when iconv does not know its charset, for
 * uchardet's guess, then windows-1252 (every byte is some character there).
 * *CD stays (iconv_t)-1 when the answer is UTF-8, or when iconv has no
 * tables at all; the caller then repairs the bytes as UTF-8. */
static lede_status open_decoder(const source *src, const encoding *enc, iconv_t *cd,
                                size_t *unit) {
    *unit = iconv_unit(enc->charset);
    *cd = iconv_open(CS_UTF8, encoding_name(enc));
    if (*cd != (iconv_t)-1)
        return LEDE_OK;
    *unit = 1;
    if (!enc->detected) {
        encoding guess;
        bool found;
        lede_status st = detect_encoding(src, &guess, &found);
        if (st != LEDE_OK)
            return st;
        if (found && same_charset(guess.charset, CS_UTF8))
            return LEDE_OK;
        if (found) {
            *unit = iconv_unit(guess.charset);
            *cd = iconv_open(CS_UTF8, encoding_name(&guess));
            if (*cd != (iconv_t)-1)
                return LEDE_OK;
        }
    }
    *unit = 1;
    *cd = iconv_open(CS_UTF8, CS_1252);
    return LEDE_OK;
}

/* SRC's bytes in ENC into *OUT. INFLATED (or NULL) holds them and is
 * consumed. */
lede_status convert_to_utf8(source *src, const encoding *enc, char *inflated, char **out,
                            size_t *out_len) {
    iconv_t cd = (iconv_t)-1;
    size_t unit = 1;
    if (!same_charset(enc->charset, CS_UTF8)) {
        lede_status st = open_decoder(src, enc, &cd, &unit);
        if (st != LEDE_OK) {
            free(inflated);
            return st;
        }
    }
    if (cd == (iconv_t)-1)
        return emit_utf8(src->bytes, src->len, src->scanned ? &src->stats : NULL, inflated, out,
                         out_len);
    outbuf o = {0};
    lede_status st = iconv_all(cd, src->bytes, src->len, unit, &o);
    iconv_close(cd);
    free(inflated);
    if (st != LEDE_OK) {
        free(o.data);
        return st;
    }
    /* iconv's UTF-8 is valid, but NUL bytes pass through it. */
    return emit_utf8((const unsigned char *)o.data, o.len, NULL, o.data, out, out_len);
}
