/*
 * read.c — a page read whole into memory: a file, whose size is known
 * before it is read, or standard input, whose size is not, after the
 * bytes already read from it to sniff it.
 *
 * The bound (--max-input) is checked as the bytes come, so a page too
 * large costs at most the bound and one byte, and a file that says its
 * size is refused before any of it is read.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "inputs.h"

/* First allocation when reading a stream of unknown size (stdin as a pipe);
 * doubled as needed, so a page of N bytes costs O(log N) reallocations. */
#define STREAM_INITIAL_CAPACITY ((size_t)64 << 10)

/* Read FD to its end into P, after the bytes of HEAD, expecting about
 * SIZE_HINT bytes (0: unknown). Returns 0, or an errno value; EFBIG when the
 * page exceeds MAX bytes, which is found out after reading at most MAX + 1
 * of them. */
static int read_all(int fd, size_t size_hint, size_t max, prefix head, page *p) {
    if (head.len > max)
        return EFBIG;
    size_t limit = max < SIZE_MAX ? max + 1 : SIZE_MAX; /* one byte over tells */
    size_t cap = size_hint ? size_hint + 1 : STREAM_INITIAL_CAPACITY;
    if (cap < head.len + 1)
        cap = head.len + 1;
    if (cap > limit || cap == 0)
        cap = limit;
    char *bytes = malloc(cap ? cap : 1);
    if (!bytes)
        return ENOMEM;
    if (head.len)
        memcpy(bytes, head.bytes, head.len);
    size_t len = head.len;
    for (;;) {
        if (len == cap) {
            if (cap >= limit) {
                free(bytes);
                return EFBIG;
            }
            size_t grown = cap <= limit / 2 ? cap * 2 : limit;
            char *more = realloc(bytes, grown);
            if (!more) {
                free(bytes);
                return ENOMEM;
            }
            bytes = more;
            cap = grown;
        }
        ssize_t got = read(fd, bytes + len, cap - len);
        if (got < 0) {
            if (errno == EINTR)
                continue;
            int err = errno;
            free(bytes);
            return err;
        }
        if (got == 0)
            break;
        len += (size_t)got;
    }
    if (len > max) {
        free(bytes);
        return EFBIG;
    }
    p->bytes = bytes;
    p->len = len;
    return 0;
}

/* Read the page at PATH ("-": stdin, after the bytes of HEAD) into P. On
 * failure returns false with a sentence naming the cause in MESSAGE. */
bool read_page(const char *path, size_t max, prefix head, page *p, char *message) {
    bool is_stdin = strcmp(path, "-") == 0;
    const char *what = is_stdin ? "standard input" : "file";
    int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        snprintf(message, MESSAGE_SIZE, "cannot open %s: %s", what, strerror(errno));
        return false;
    }
    struct stat st;
    int err = 0;
    size_t size_hint = 0;
    if (fstat(fd, &st) != 0) {
        err = errno;
    } else if (S_ISDIR(st.st_mode)) {
        err = EISDIR;
    } else if (S_ISREG(st.st_mode) && st.st_size > 0) {
        /* A regular file says its size: too large is known without reading. */
        if ((uintmax_t)st.st_size > (uintmax_t)max)
            err = EFBIG;
        else
            size_hint = (size_t)st.st_size;
    }
    if (!err)
        err = read_all(fd, size_hint, max, head, p);
    if (!is_stdin)
        close(fd);
    if (err == EFBIG)
        snprintf(message, MESSAGE_SIZE, "%s", lede_strerror(LEDE_ERR_TOO_LARGE));
    else if (err == ENOMEM)
        snprintf(message, MESSAGE_SIZE, "%s", lede_strerror(LEDE_ERR_NOMEM));
    else if (err)
        snprintf(message, MESSAGE_SIZE, "cannot read %s: %s", what, strerror(err));
    return err == 0;
}
