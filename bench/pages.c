/* pages.c — see pages.h. */
#include "pages.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int page_read(const char *path, page *p) {
    FILE *f = fopen(path, "rb");
    if (!f)
        return errno;
    size_t cap = 1 << 16, len = 0;
    char *bytes = malloc(cap);
    for (;;) {
        if (!bytes) {
            fclose(f);
            return ENOMEM;
        }
        len += fread(bytes + len, 1, cap - len, f);
        if (len < cap)
            break;
        char *grown = realloc(bytes, cap * 2);
        if (!grown)
            free(bytes);
        bytes = grown;
        cap *= 2;
    }
    int err = ferror(f) ? EIO : 0;
    fclose(f);
    if (err) {
        free(bytes);
        return err;
    }
    p->bytes = bytes;
    p->len = len;
    return 0;
}

double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

double cpu_now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}
