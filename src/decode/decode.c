/*
 * decode/decode.c — page bytes in any encoding into valid UTF-8: the
 * stage's entry and its first step.
 *
 * Every later stage reads UTF-8 and nothing else, so this stage is the one
 * place where a page's encoding is decided and where broken bytes are dealt
 * with. It never fails on bad input: what cannot be decoded becomes U+FFFD,
 * so one stray byte costs one character, not the page.
 *
 * 1. Inflate. Crawlers often store bodies as they came off the wire,
 *    gzip'ed; the gzip magic (1f 8b) cannot open a text page, so acting on it
 *    is safe. Output stops one byte past the caller's max_input (the page is
 *    then refused as too large), so a zip bomb costs no more than the
 *    largest page the caller accepts, and a broken stream keeps what
 *    inflated before the damage.
 *
 * 2. Decide the encoding, the strongest evidence first (choose.c, with the
 *    WHATWG label table in labels.c and the meta prescan in prescan.c).
 *
 * 3. Convert (convert.c: glibc's iconv, or utf8.c's repair where the bytes
 *    are UTF-8 already).
 *
 * No state outlives a call: the iconv descriptor and the uchardet object are
 * made and freed per call, and the tables are const, so any number of
 * threads may decode at once.
 */
#include "decode.h"

#include <stdint.h>
#include <stdlib.h>

#include "decode/internal.h"
#include "inflate.h"
#include "lede_limits.h"

/* ---- gzip ------------------------------------------------------------------- */

static bool is_gzip(const unsigned char *b, size_t len) {
    return len >= 2 && b[0] == 0x1F && b[1] == 0x8B;
}

/* Step 1, inflating at most LIMIT bytes (inflate.c), concatenated members
 * included, a stream cut short or damaged keeping what inflated. *OUT
 * stays NULL when nothing inflates: the bytes are then decoded as they
 * are, so that lede reports them as not HTML rather than empty. Past
 * LIMIT, *OVER is set and *OUT holds the first LIMIT bytes. */
static lede_status gunzip(const unsigned char *in, size_t len, size_t limit, char **out,
                          size_t *out_len, bool *over) {
    inflate_request req = {.window_bits = INFLATE_GZIP, .limit = limit, .follow_members = true};
    inflate_end end;
    lede_status st = inflate_bounded(in, len, &req, out, out_len, &end);
    *over = st == LEDE_OK && end == INFLATE_OVER;
    if (*over)
        *out_len = limit;
    if (st == LEDE_OK && *out_len == 0) {
        free(*out);
        *out = NULL;
    }
    return st;
}

/* ---- entry ------------------------------------------------------------------ */

/* What a call asks of the decoder besides the bytes. */
typedef struct request {
    const char *hint;   /* a charset label, or NULL */
    bool transport;     /* HINT came with the bytes (HTTP), not from a person */
    size_t max_inflate; /* the most bytes a gzip'ed page may inflate to */
    bool strict;        /* inflating past max_inflate is LEDE_ERR_TOO_LARGE,
                           rather than a page cut there */
} request;

/* Whether SRC's bytes (INFLATED when they were gzip'ed) need no copy: not
 * inflated, UTF-8 as ENC says, with nothing to repair. */
static bool usable_as_they_are(source *src, const encoding *enc, const char *inflated) {
    if (inflated || !same_charset(encoding_name(enc), CS_UTF8))
        return false;
    if (!src->scanned) {
        src->stats = utf8_scan(src->bytes, src->len);
        src->scanned = true;
    }
    return src->stats.bad == 0 && src->stats.nul == 0;
}

/* IN as UTF-8 into *OUT (malloc'd); or, when VIEW is not NULL and IN's
 * bytes are UTF-8 as they stand, into *VIEW (pointing into IN, past a BOM)
 * with *OUT NULL. */
static lede_status decode(const char *in, size_t len, const request *req, const char **view,
                          char **out, size_t *out_len) {
    if (!out || !out_len || (!in && len > 0))
        return LEDE_ERR_INVALID_ARG;
    *out = NULL;
    *out_len = 0;
    if (len == 0)
        return emit_utf8((const unsigned char *)"", 0, NULL, NULL, out, out_len);
    source src = {.bytes = (const unsigned char *)in, .len = len};
    char *inflated = NULL;
    if (is_gzip(src.bytes, src.len)) {
        size_t inflated_len;
        bool over;
        lede_status st =
            gunzip(src.bytes, src.len, req->max_inflate, &inflated, &inflated_len, &over);
        if (st != LEDE_OK)
            return st;
        if (over && req->strict) {
            free(inflated);
            return LEDE_ERR_TOO_LARGE;
        }
        if (inflated) {
            src.bytes = (const unsigned char *)inflated;
            src.len = inflated_len;
        }
    }
    encoding enc;
    lede_status st = choose_encoding(&src, req->hint, req->transport, &enc);
    if (st != LEDE_OK) {
        free(inflated);
        return st;
    }
    if (view && usable_as_they_are(&src, &enc, inflated)) {
        *view = (const char *)src.bytes;
        *out_len = src.len;
        return LEDE_OK;
    }
    return convert_to_utf8(&src, &enc, inflated, out, out_len);
}

lede_status decode_to_utf8(const char *in, size_t len, const char *hint, char **out,
                           size_t *out_len) {
    request req = {.hint = hint, .max_inflate = LEDE_MAX_INPUT};
    return decode(in, len, &req, NULL, out, out_len);
}

/* The request of decode_page and decode_page_view. */
static request page_request(const lede_options *opt) {
    size_t max = opt->max_input ? opt->max_input : LEDE_MAX_INPUT;
    /* The inflate buffer holds the bound, one byte past it and a NUL. */
    if (max > SIZE_MAX - 2)
        max = SIZE_MAX - 2;
    return (request){.hint = opt->encoding,
                     .transport = opt->encoding_from_transport != 0,
                     .max_inflate = max,
                     .strict = true};
}

lede_status decode_page(const char *in, size_t len, const lede_options *opt, char **out,
                        size_t *out_len) {
    if (!opt)
        return LEDE_ERR_INVALID_ARG;
    request req = page_request(opt);
    return decode(in, len, &req, NULL, out, out_len);
}

lede_status decode_page_view(const char *in, size_t len, const lede_options *opt,
                             const char **text, size_t *text_len, char **owned) {
    if (!opt || !text || !owned)
        return LEDE_ERR_INVALID_ARG;
    request req = page_request(opt);
    const char *view = NULL;
    lede_status st = decode(in, len, &req, &view, owned, text_len);
    *text = view ? view : *owned;
    return st;
}
