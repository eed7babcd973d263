/*
 * inflate.c — one bounded inflate of bytes held in memory (inflate.h).
 */
#include "inflate.h"

#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

/* The first buffer for a small stream; larger ones start at four times
 * their compressed size, since HTML inflates to four to ten times it. */
#define INFLATE_FIRST_CAP ((size_t)4096)
#define INFLATE_EXPECTED_RATIO 4u

static size_t min_size(size_t a, size_t b) {
    return a < b ? a : b;
}

static bool is_gzip_magic(const unsigned char *b, size_t len) {
    return len >= 2 && b[0] == 0x1F && b[1] == 0x8B;
}

/* After a member's end, go on if another gzip member follows. */
static bool next_member(z_stream *zs, const unsigned char *in, size_t len) {
    size_t used = (size_t)((const unsigned char *)zs->next_in - in);
    return is_gzip_magic(in + used, len - used) && inflateReset(zs) == Z_OK;
}

/* The loop: grow the buffer by doubling up to the bound (limit + 1, the
 * byte past the limit being what tells), feed the input in chunks zlib's
 * counters can hold. */
static lede_status inflate_loop(z_stream *zs, const unsigned char *in, size_t len,
                                const inflate_request *req, char **out, size_t *out_len,
                                inflate_end *end) {
    size_t bound = req->limit + 1;
    size_t cap = len < bound / INFLATE_EXPECTED_RATIO ? len * INFLATE_EXPECTED_RATIO : bound;
    cap = cap < INFLATE_FIRST_CAP ? min_size(INFLATE_FIRST_CAP, bound) : cap;
    size_t used = 0, fed = 0;
    char *buf = malloc(cap + 1);
    if (!buf)
        return LEDE_ERR_NOMEM;
    for (;;) {
        if (zs->avail_in == 0 && fed < len) {
            size_t chunk = min_size(len - fed, UINT_MAX);
            zs->next_in = (Bytef *)(in + fed); /* zlib does not write input */
            zs->avail_in = (uInt)chunk;
            fed += chunk;
        }
        if (used == cap) {
            if (cap >= bound) {
                *end = INFLATE_OVER;
                break;
            }
            cap = cap < bound / 2 ? cap * 2 : bound;
            char *grown = realloc(buf, cap + 1);
            if (!grown) {
                free(buf);
                return LEDE_ERR_NOMEM;
            }
            buf = grown;
        }
        size_t room = min_size(cap - used, UINT_MAX);
        zs->next_out = (Bytef *)buf + used;
        zs->avail_out = (uInt)room;
        int ret = inflate(zs, Z_NO_FLUSH);
        used += room - zs->avail_out;
        if (ret == Z_MEM_ERROR) {
            free(buf);
            return LEDE_ERR_NOMEM;
        }
        if (ret == Z_STREAM_END) {
            if (req->follow_members && next_member(zs, in, len))
                continue;
            *end = INFLATE_DONE;
            break;
        }
        if (ret == Z_OK)
            continue;
        if (ret == Z_BUF_ERROR && zs->avail_in == 0) {
            if (fed < len)
                continue; /* the next chunk of a large input */
            *end = INFLATE_CUT;
            break;
        }
        *end = INFLATE_DAMAGED;
        break;
    }
    if (*end != INFLATE_OVER && used > req->limit)
        *end = INFLATE_OVER;
    *out = buf;
    *out_len = used;
    return LEDE_OK;
}

lede_status inflate_bounded(const unsigned char *in, size_t len, const inflate_request *req,
                            char **out, size_t *out_len, inflate_end *end) {
    *out = NULL;
    *out_len = 0;
    *end = INFLATE_DAMAGED;
    inflate_request bounded = *req;
    if (bounded.limit > SIZE_MAX - 2) /* the buffer holds limit + 1 bytes and a NUL */
        bounded.limit = SIZE_MAX - 2;
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    int ret = inflateInit2(&zs, req->window_bits);
    if (ret == Z_MEM_ERROR)
        return LEDE_ERR_NOMEM;
    if (ret != Z_OK) {
        /* A zlib that refuses the request inflates nothing: say so with an
         * empty buffer, as for a stream damaged from its first byte. */
        *out = malloc(1);
        return *out ? LEDE_OK : LEDE_ERR_NOMEM;
    }
    lede_status st = inflate_loop(&zs, in, len, &bounded, out, out_len, end);
    inflateEnd(&zs);
    return st;
}
