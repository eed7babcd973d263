/*
 * arena.h — a bump allocator that owns everything one extraction builds.
 *
 * A page's tree has tens of thousands of small nodes and strings that all die
 * together when the extraction ends, so they come from large blocks that are
 * freed at once: no per-node malloc, no per-node free, no leak to chase.
 */
#ifndef LEDE_ARENA_H
#define LEDE_ARENA_H

#include <stddef.h>

typedef struct arena_block arena_block;

typedef struct arena {
    arena_block *head; /* the block being filled; older ones follow */
    size_t total;      /* bytes obtained from malloc, for limits and stats */
} arena;

void arena_init(arena *a);
void arena_free(arena *a);

/* Zeroed, 16-byte aligned memory of SIZE bytes, or NULL when out of memory. */
void *arena_alloc(arena *a, size_t size);

/* A NUL-terminated copy of LEN bytes of S. */
char *arena_strndup(arena *a, const char *s, size_t len);
char *arena_strdup(arena *a, const char *s);

#endif
