/*
 * fuzz_warc.c — libFuzzer target over the library's WARC reader
 * (src/warc/, lede_warc_*), which reads archives from anywhere, damaged
 * or not.
 *
 * The last byte (so that a seed archive stays one from its first byte)
 * also chooses how the bytes are read: from a seekable file (the
 * plain-file recovery that checks record ends with pread and seeks) or
 * from a pipe (the recovery that cannot look back), and a small or a
 * large max_payload (so that the too-large paths run on small inputs).
 * Whatever the bytes, the reader must end, and what it hands out must be
 * what warc.h promises: a page no larger than max_payload, a damaged
 * record with a sentence that says why, offsets inside the file.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "warc.h"

/* A pipe holds at least this much without a reader (POSIX guarantees only
 * 512 bytes for an atomic write, Linux buffers 64 KiB): larger inputs go
 * through the file. */
#define PIPE_INPUT_MAX 60000u

/* max_payload when the first byte asks for a small one: below the size of
 * most seeds' pages, so their records are too large. */
#define SMALL_PAYLOAD 512u
#define LARGE_PAYLOAD ((size_t)1 << 20)

/* Most outcomes one input may give: each record or damaged stretch moves
 * the reader on by at least a byte; a loop would go past this. */
#define MAX_OUTCOMES(size) (2 * (size) + 16)

static void check(int ok) {
    if (!ok)
        __builtin_trap();
}

static void read_all_records(int fd, size_t max_payload, size_t size) {
    warc_reader *r = warc_open(fd, max_payload);
    if (!r)
        return; /* out of memory */
    warc_page page;
    size_t outcomes = 0;
    for (;;) {
        warc_outcome o = warc_next(r, &page);
        if (o == WARC_END)
            break;
        check(++outcomes <= MAX_OUTCOMES(size));
        check(page.offset <= size);
        if (o == WARC_PAGE) {
            check(page.html != NULL && page.len <= max_payload);
        } else {
            check(o == WARC_DAMAGED && page.message[0] != '\0' &&
                  memchr(page.message, '\0', sizeof page.message) != NULL);
        }
        warc_page_release(&page);
    }
    check(warc_next(r, &page) == WARC_END);
    warc_close(r);
}

static int file_fd = -1;
static FILE *file;

static void from_file(const uint8_t *data, size_t size, size_t max_payload) {
    if (!file) {
        file = tmpfile();
        if (!file)
            return;
        file_fd = fileno(file);
    }
    if (ftruncate(file_fd, 0) != 0 || pwrite(file_fd, data, size, 0) != (ssize_t)size ||
        lseek(file_fd, 0, SEEK_SET) != 0)
        return;
    read_all_records(file_fd, max_payload, size);
}

static void from_pipe(const uint8_t *data, size_t size, size_t max_payload) {
    int fds[2];
    if (pipe(fds) != 0)
        return;
    size_t done = 0;
    while (done < size) {
        ssize_t n = write(fds[1], data + done, size - done);
        if (n <= 0)
            break;
        done += (size_t)n;
    }
    close(fds[1]);
    if (done == size)
        read_all_records(fds[0], max_payload, size);
    close(fds[0]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    if (size == 0)
        return 0;
    unsigned how = data[size - 1];
    size_t max_payload = how & 1 ? SMALL_PAYLOAD : LARGE_PAYLOAD;
    if ((how & 2) && size <= PIPE_INPUT_MAX)
        from_pipe(data, size, max_payload);
    else
        from_file(data, size, max_payload);
    return 0;
}
