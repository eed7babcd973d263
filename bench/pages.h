/*
 * pages.h — what the bench programs share: pages read into memory before
 * any clock starts, and the clock.
 */
#ifndef LEDE_BENCH_PAGES_H
#define LEDE_BENCH_PAGES_H

#include <stddef.h>

typedef struct page {
    char *bytes;
    size_t len;
} page;

/* Read PATH whole into *P (bytes malloc'd); 0, or the errno of the failure. */
int page_read(const char *path, page *p);

/* Seconds on the monotonic clock. */
double now(void);

/* Seconds of CPU this process has used: for single-threaded runs on a
 * shared machine, where time spent waiting for a core should not count. */
double cpu_now(void);

#endif
