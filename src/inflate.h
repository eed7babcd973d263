/*
 * inflate.h — one bounded inflate of bytes held in memory.
 *
 * A gzip'ed page (decode.c) and a gzip'ed or deflated HTTP body inside a
 * web archive (warc/http.c) are both inflated here, so that the bound that
 * keeps a zip bomb from costing more than the largest accepted page, and
 * the handling of a stream cut short or damaged, are written once.
 */
#ifndef LEDE_INFLATE_H
#define LEDE_INFLATE_H

#include <stdbool.h>
#include <stddef.h>

#include "lede.h"

/* zlib's windowBits for each wrapper inflate_bounded is asked for. */
#define INFLATE_GZIP (16 + 15)      /* gzip only */
#define INFLATE_GZIP_ZLIB (32 + 15) /* gzip or zlib, told by the header */
#define INFLATE_ZLIB 15             /* zlib */
#define INFLATE_RAW (-15)           /* raw deflate, no header */

/* How the inflating stopped. */
typedef enum inflate_end {
    INFLATE_DONE,    /* the stream ended (and every gzip member after it, with
                        follow_members) */
    INFLATE_CUT,     /* the input ended first: what inflated is kept */
    INFLATE_DAMAGED, /* bytes that do not inflate: what inflated before is kept */
    INFLATE_OVER     /* more than limit bytes came out: *OUT holds limit + 1 */
} inflate_end;

typedef struct inflate_request {
    int window_bits;    /* one of INFLATE_* above */
    size_t limit;       /* the most bytes wanted (at most SIZE_MAX - 2 is heeded) */
    bool follow_members; /* after a gzip member's end, inflate the gzip member
                            that follows (concatenated members are one gzip
                            file); other trailing bytes are ignored */
} inflate_request;

/* Inflate LEN bytes at IN as REQ says into *OUT (malloc'd, the caller
 * frees it, with room for *OUT_LEN + 1 bytes so that a NUL can follow),
 * and say in *END how it stopped. Never allocates more than limit + 2
 * bytes, whatever the stream claims. LEDE_OK, or LEDE_ERR_NOMEM with *OUT
 * NULL. */
lede_status inflate_bounded(const unsigned char *in, size_t len, const inflate_request *req,
                            char **out, size_t *out_len, inflate_end *end);

#endif
