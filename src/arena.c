/*
 * arena.c — see arena.h. Blocks grow geometrically from 64 KB so that a small
 * page costs one malloc and a 100 MB page a few dozen; a request larger than
 * a block gets a block of its own.
 */
#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum {
    ARENA_ALIGN = 16,
    ARENA_FIRST_BLOCK = 64 * 1024,
    ARENA_MAX_BLOCK = 8 * 1024 * 1024
};

struct arena_block {
    arena_block *next;
    size_t size;
    size_t used;
    _Alignas(16) unsigned char data[];
};

void arena_init(arena *a) {
    a->head = NULL;
    a->total = 0;
}

void arena_free(arena *a) {
    arena_block *b = a->head;
    while (b) {
        arena_block *next = b->next;
        free(b);
        b = next;
    }
    a->head = NULL;
    a->total = 0;
}

static arena_block *arena_grow(arena *a, size_t need) {
    size_t size = a->head ? a->head->size * 2 : ARENA_FIRST_BLOCK;
    if (size > ARENA_MAX_BLOCK)
        size = ARENA_MAX_BLOCK;
    if (size < need)
        size = need;
    if (size > SIZE_MAX - sizeof(arena_block))
        return NULL;
    arena_block *b = malloc(sizeof(arena_block) + size);
    if (!b)
        return NULL;
    b->size = size;
    b->used = 0;
    b->next = a->head;
    a->head = b;
    a->total += size;
    return b;
}

/* SIZE bytes at the next multiple of ALIGN (a power of two) in the block
 * being filled, or in a new one. */
static void *bump(arena *a, size_t size, size_t align) {
    arena_block *b = a->head;
    size_t at = b ? (b->used + align - 1) & ~(align - 1) : 0;
    if (!b || at > b->size || b->size - at < size) {
        b = arena_grow(a, size);
        if (!b)
            return NULL;
        at = 0;
    }
    b->used = at + size;
    return b->data + at;
}

void *arena_alloc(arena *a, size_t size) {
    if (size > SIZE_MAX - ARENA_ALIGN)
        return NULL;
    void *p = bump(a, size, ARENA_ALIGN);
    if (p)
        memset(p, 0, size);
    return p;
}

/* Strings are neither aligned nor zeroed: a page's attribute values are
 * most of its strings, and padding each to 16 bytes spread them over more
 * memory than they fill. */
char *arena_strndup(arena *a, const char *s, size_t len) {
    if (len == SIZE_MAX)
        return NULL;
    char *p = bump(a, len + 1, 1);
    if (!p)
        return NULL;
    memcpy(p, s, len);
    p[len] = '\0';
    return p;
}

char *arena_strdup(arena *a, const char *s) {
    return arena_strndup(a, s, strlen(s));
}
