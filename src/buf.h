/*
 * buf.h — a growable byte string for building output.
 *
 * Capacity doubles, so appending N bytes in any number of pieces costs O(N).
 * A failed allocation sets `failed` and turns every later append into a
 * no-op, so callers check once at the end instead of after every append.
 */
#ifndef LEDE_BUF_H
#define LEDE_BUF_H

#include <stdbool.h>
#include <stddef.h>

typedef struct buf {
    char *data; /* NUL-terminated when len > 0 */
    size_t len;
    size_t cap;
    bool failed;
} buf;

void buf_init(buf *b);
void buf_free(buf *b);
void buf_append(buf *b, const char *s, size_t len);
void buf_puts(buf *b, const char *s);
void buf_putc(buf *b, char c);
/* Make room for EXTRA more bytes and a NUL after them, for a caller that
 * writes into data directly and then sets len; false (and failed set)
 * when that cannot be had. */
bool buf_reserve(buf *b, size_t extra);
/* Append a copy of its own bytes [OFF, OFF + LEN), which must be written. */
void buf_append_self(buf *b, size_t off, size_t len);
/* Hand the bytes over as a malloc'd NUL-terminated string ("" when empty);
 * NULL on failure. The buf is left empty. */
char *buf_take(buf *b);
/* Cut to its first LEN bytes (no-op when shorter). */
void buf_truncate(buf *b, size_t len);
/* Drop trailing bytes that are in SET. */
void buf_rtrim(buf *b, const char *set);

#endif
