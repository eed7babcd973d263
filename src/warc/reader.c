/*
 * warc/reader.c — the HTML responses of a WARC file, one at a time: the
 * reader's life, and its loop over records in a plain file and in a
 * .warc.gz.
 *
 * Three layers, each with one job (internal.h names the file of each):
 *
 *   source   the bytes of the current *segment*: for a plain .warc the whole
 *            file; for a .warc.gz one gzip member, inflated (zlib,
 *            windowBits 15+32), so that a member's end and a member's damage
 *            are seen where they happen. A .warc.gz is a series of members,
 *            Common Crawl's one per record, and a member is the unit of
 *            recovery: a record's offset there is its member's offset, which
 *            is what a reader needs to seek straight to it.
 *   window   the unconsumed bytes of the segment, in one buffer that grows to
 *            one record's header and block and no further (header at most
 *            WARC_MAX_HEADER, block at most about max_payload; a larger block
 *            is skipped through the window without being held). Offsets into
 *            a record are kept relative to its start, so they survive the
 *            buffer being moved or grown.
 *   records  the WARC header, the block framed by Content-Length and the
 *            CRLF CRLF after it, and for a `response` the HTTP message inside:
 *            status line, headers, chunked transfer coding, gzip or deflate
 *            content coding.
 *
 * Recovery. What is damaged is reported once and skipped: in a plain file,
 * reading resumes at the next version line ("WARC/1.0" or "1.1" and a line
 * break, looked for anywhere, since a record cut short leaves the next one
 * starting mid-line; after the damaged record's header when its block was
 * wrong, since the next record may sit inside a block that claims too
 * much; and after the header of a record whose Content-Length is too large
 * to hold when no record end stands where it says — a length that lies
 * would otherwise skip every later record: in a plain file that can be
 * seeked the end is checked with pread before the block is skipped by
 * seeking; on a pipe, where skipped bytes are gone, the skip stops at a
 * record end and version line inside the claimed block);
 * in a .warc.gz, at the next member —
 * the one that follows if the damaged member inflated to its end, else the
 * next gzip magic (1f 8b 08) after the damaged member's start whose first
 * bytes inflate to "WARC/1.", so that a magic that happens to occur inside
 * compressed data does not start a phantom record. Going back to the
 * damaged member's start needs a seekable file; on a pipe the scan starts
 * where the damage was found.
 *
 * A record of a .warc.gz counts as read only once its member ended with a
 * good CRC: a member whose checksum is wrong gives one damaged record and
 * no page, even when its bytes happened to parse.
 */
#include "warc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "inflate.h"
#include "warc/internal.h"

/* The window's first allocation: most records (one page and its headers)
 * fit; larger ones grow it to their own size. */
#define WINDOW_INITIAL_SIZE ((size_t)256 << 10)

/* Bytes of chunked-coding framing allowed on top of the payload: a chunk
 * header is a few bytes, and servers send chunks of kilobytes. */
#define CHUNK_OVERHEAD_DIVISOR 8

/* A reader of FD, or of READ with CTX when FD is -1, whose first LEN bytes
 * were already read into PREFIX. */
static warc_reader *reader_new(int fd, lede_warc_read_fn read_fn, void *ctx, size_t max_payload,
                               const unsigned char *prefix, size_t len) {
    if (len > WARC_SNIFF_SIZE || (fd < 0 && !read_fn))
        return NULL;
    warc_reader *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->fd = fd;
    r->read = read_fn;
    r->read_ctx = ctx;
    r->max_payload = max_payload;
    size_t slack = max_payload / CHUNK_OVERHEAD_DIVISOR + HTTP_MAX_HEADER;
    r->max_block = max_payload <= SIZE_MAX - slack - WARC_MAX_HEADER - 4 ? max_payload + slack
                                                                          : max_payload;
    r->raw = malloc(RAW_BUFFER_SIZE);
    r->win = malloc(WINDOW_INITIAL_SIZE);
    r->win_cap = WINDOW_INITIAL_SIZE;
    if (!r->raw || !r->win || inflateInit2(&r->z, 15 + 32) != Z_OK) {
        free(r->raw);
        free(r->win);
        free(r);
        return NULL;
    }
    r->z_ready = true;
    struct stat st;
    r->seekable = fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
                  lseek(fd, 0, SEEK_CUR) != (off_t)-1;
    if (len) {
        memcpy(r->raw, prefix, len);
        r->raw_len = len;
    }
    return r;
}

warc_reader *warc_open(int fd, size_t max_payload) {
    return fd < 0 ? NULL : reader_new(fd, NULL, NULL, max_payload, NULL, 0);
}

warc_reader *warc_open_prefixed(int fd, size_t max_payload, const unsigned char *prefix,
                                size_t len) {
    return fd < 0 ? NULL : reader_new(fd, NULL, NULL, max_payload, prefix, len);
}

warc_reader *warc_open_read(lede_warc_read_fn read_fn, void *ctx, size_t max_payload,
                            const unsigned char *prefix, size_t len) {
    return reader_new(-1, read_fn, ctx, max_payload, prefix, len);
}

/* The first bytes tell a .warc.gz from a .warc. Bytes already in raw (a
 * caller's sniff) come before the file's position. */
static void reader_start(warc_reader *r) {
    r->started = true;
    off_t at = r->seekable ? lseek(r->fd, 0, SEEK_CUR) : 0;
    r->raw_offset = at >= (off_t)r->raw_len ? (uint64_t)at - r->raw_len : 0;
    while (r->raw_len < 2 && raw_refill(r))
        ;
    r->gzip = r->raw_len >= 2 && r->raw[0] == 0x1f && r->raw[1] == 0x8b;
    r->segment = r->gzip ? SEGMENT_END : SEGMENT_OPEN;
    r->win_offset = r->raw_offset;
    if (!r->gzip && r->raw_errno)
        segment_fail(r, "cannot read file", strerror(r->raw_errno));
}

static warc_outcome next_plain(warc_reader *r, warc_page *page) {
    for (;;) {
        read_outcome o = read_record(r, page);
        uint64_t start = page->offset; /* the record's first byte */
        switch (o) {
        case READ_PAGE:
            return WARC_PAGE;
        case READ_SKIPPED:
            continue;
        case READ_SEGMENT_OVER:
            return WARC_END;
        case READ_DAMAGED_HEADER:
            r->win_pos = (size_t)(start - r->win_offset) + 1;
            break;
        case READ_DAMAGED_BLOCK: {
            /* Past the header: the next record may be inside the block. */
            size_t head = 0;
            header_end(r->win + r->win_pos, win_avail(r), &head);
            r->win_pos += head ? head : 1;
            break;
        }
        case READ_DAMAGED_AFTER:
            break;
        }
        page->offset = start;
        if (r->segment == SEGMENT_FAILED) {
            r->win_pos = r->win_len;
            r->segment = SEGMENT_END; /* a read error ends the file */
        } else if (o != READ_DAMAGED_AFTER) {
            plain_resync(r);
        }
        warc_page_release(page);
        return WARC_DAMAGED;
    }
}

static warc_outcome next_gzip(warc_reader *r, warc_page *page) {
    for (;;) {
        if (!r->member_open) {
            warc_outcome opened = member_next(r, page);
            if (opened != WARC_PAGE)
                return opened;
        }
        page->offset = r->member_offset;
        read_outcome o = read_record(r, page);
        if (o == READ_SEGMENT_OVER) {
            r->member_open = false;
            continue;
        }
        if (o == READ_SKIPPED)
            continue;
        if (o == READ_DAMAGED_AFTER && r->segment != SEGMENT_FAILED) {
            /* Damage inside a well-framed record: the member goes on. */
            warc_page_release(page);
            return WARC_DAMAGED;
        }
        if (o == READ_PAGE) {
            /* A page counts once its member ended whole (CRC and length). */
            if (win_avail(r) > 0 || win_fill(r, 1) || r->segment != SEGMENT_FAILED)
                return WARC_PAGE;
            snprintf(page->message, sizeof page->message, "%s", r->segment_message);
        }
        member_abandon(r);
        warc_page_release(page);
        page->offset = r->member_offset;
        return WARC_DAMAGED;
    }
}

warc_outcome warc_next(warc_reader *r, warc_page *page) {
    memset(page, 0, sizeof *page);
    if (!r->started)
        reader_start(r);
    return r->gzip ? next_gzip(r, page) : next_plain(r, page);
}

void warc_page_release(warc_page *page) {
    free(page->html);
    free(page->target_uri);
    free(page->record_id);
    free(page->date);
    free(page->charset);
    page->html = page->target_uri = page->record_id = page->date = page->charset = NULL;
    page->len = 0;
}

void warc_close(warc_reader *r) {
    if (!r)
        return;
    if (r->z_ready)
        inflateEnd(&r->z);
    free(r->raw);
    free(r->win);
    free(r);
}

/* ---- detection ---- */

bool warc_file_looks_like_warc(const char *path) {
    /* Only a regular file can be looked at and then read again from its
     * start: a look into a pipe or a FIFO would eat the page's first bytes. */
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
        return false;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    unsigned char head[WARC_SNIFF_SIZE];
    size_t len = 0;
    while (len < sizeof head) {
        ssize_t got = read(fd, head + len, sizeof head - len);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            break;
        len += (size_t)got;
    }
    close(fd);
    return warc_bytes_look_like_warc(head, len);
}

bool warc_bytes_look_like_warc(const unsigned char *head, size_t len) {
    if (len >= WARC_MAGIC_LEN && memcmp(head, WARC_MAGIC, WARC_MAGIC_LEN) == 0)
        return true;
    if (len < 2 || head[0] != 0x1f || head[1] != 0x8b)
        return false;
    /* The first member's start is enough: inflate the magic's length. */
    inflate_request req = {.window_bits = INFLATE_GZIP_ZLIB, .limit = WARC_MAGIC_LEN};
    char *out = NULL;
    size_t out_len = 0;
    inflate_end end;
    if (inflate_bounded(head, len < WARC_SNIFF_SIZE ? len : WARC_SNIFF_SIZE, &req, &out,
                        &out_len, &end) != LEDE_OK)
        return false;
    bool warc = out_len >= WARC_MAGIC_LEN && memcmp(out, WARC_MAGIC, WARC_MAGIC_LEN) == 0;
    free(out);
    return warc;
}
