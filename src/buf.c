/* buf.c — see buf.h. */
#include "buf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void buf_init(buf *b) {
    b->data = NULL;
    b->len = b->cap = 0;
    b->failed = false;
}

void buf_free(buf *b) {
    free(b->data);
    buf_init(b);
}

bool buf_reserve(buf *b, size_t extra) {
    if (b->failed)
        return false;
    if (extra >= SIZE_MAX / 2 - b->len) {
        b->failed = true;
        return false;
    }
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return true;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < need)
        cap *= 2;
    char *p = realloc(b->data, cap);
    if (!p) {
        b->failed = true;
        return false;
    }
    b->data = p;
    b->cap = cap;
    return true;
}

void buf_append(buf *b, const char *s, size_t len) {
    if (!buf_reserve(b, len))
        return;
    memcpy(b->data + b->len, s, len);
    b->len += len;
    b->data[b->len] = '\0';
}

void buf_puts(buf *b, const char *s) {
    buf_append(b, s, strlen(s));
}

void buf_putc(buf *b, char c) {
    /* the renderers write separators and escapes a byte at a time: a byte
     * that fits is stored without buf_append()'s memcpy */
    if (!b->failed && b->len + 2 <= b->cap) {
        b->data[b->len++] = c;
        b->data[b->len] = '\0';
        return;
    }
    buf_append(b, &c, 1);
}

char *buf_take(buf *b) {
    if (b->failed) {
        buf_free(b);
        return NULL;
    }
    char *s = b->data;
    if (!s) {
        s = malloc(1);
        if (s)
            s[0] = '\0';
    }
    buf_init(b);
    return s;
}

void buf_rtrim(buf *b, const char *set) {
    while (b->len > 0 && strchr(set, b->data[b->len - 1]))
        b->len--;
    if (b->data)
        b->data[b->len] = '\0';
}

void buf_append_self(buf *b, size_t off, size_t len) {
    if (off > b->len || len > b->len - off || !buf_reserve(b, len))
        return;
    /* after the reserve: realloc may have moved the bytes */
    memcpy(b->data + b->len, b->data + off, len);
    b->len += len;
    b->data[b->len] = '\0';
}

void buf_truncate(buf *b, size_t len) {
    if (len >= b->len)
        return;
    b->len = len;
    b->data[len] = '\0';
}
