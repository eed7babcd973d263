/*
 * warc/stream.c — the first two layers of the reader (reader.c): the
 * bytes of the current segment, and the window over them.
 *
 * A segment is a plain file whole, or one gzip member inflated, so that
 * where a member ends or breaks is seen where it happens. Raw bytes are
 * read in RAW_BUFFER_SIZE blocks; the window holds the unconsumed bytes of
 * the segment and grows to one record's header and block, no further.
 * Failures are kept in the reader (segment, segment_message) for the
 * record layer to report, after the bytes that came before them.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "warc/internal.h"

/* ---- raw bytes ---- */

/* Up to CAP bytes of the stream: from the descriptor, or the caller's
 * read function; -1 with errno on an error. */
static ssize_t source_read(warc_reader *r, void *buf, size_t cap) {
    if (r->fd >= 0)
        return read(r->fd, buf, cap);
    long long got = r->read(r->read_ctx, buf, cap);
    if (got > (long long)cap) { /* a read function that lies is a read error */
        errno = EIO;
        return -1;
    }
    return got < 0 ? -1 : (ssize_t)got;
}

/* Read more of the file into raw, keeping raw[raw_pos..]; false at the end
 * of the file or on a read error (raw_errno). */
bool raw_refill(warc_reader *r) {
    if (r->raw_eof)
        return false;
    if (r->raw_pos > 0) {
        memmove(r->raw, r->raw + r->raw_pos, r->raw_len - r->raw_pos);
        r->raw_offset += r->raw_pos;
        r->raw_len -= r->raw_pos;
        r->raw_pos = 0;
    }
    for (;;) {
        ssize_t got = source_read(r, r->raw + r->raw_len, RAW_BUFFER_SIZE - r->raw_len);
        if (got > 0) {
            r->raw_len += (size_t)got;
            return true;
        }
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            r->raw_errno = errno;
        r->raw_eof = true;
        return false;
    }
}

/* Put the raw read position at file offset OFFSET, at or before where it
 * is: inside the buffer if it is still there, else by seeking. On a pipe,
 * bytes gone are gone, and the position stays. */
void raw_seek_back(warc_reader *r, uint64_t offset) {
    if (offset >= r->raw_offset && offset <= r->raw_offset + r->raw_len) {
        r->raw_pos = (size_t)(offset - r->raw_offset);
        return;
    }
    if (offset < r->raw_offset && r->seekable &&
        lseek(r->fd, (off_t)offset, SEEK_SET) == (off_t)offset) {
        r->raw_offset = offset;
        r->raw_pos = r->raw_len = 0;
        r->raw_eof = false;
    }
}

/* ---- the segment's bytes ---- */

void segment_fail(warc_reader *r, const char *what, const char *detail) {
    r->segment = SEGMENT_FAILED;
    snprintf(r->segment_message, sizeof r->segment_message, "%s%s%s", what,
             detail ? ": " : "", detail ? detail : "");
}

/* Up to CAP bytes of a plain file: what the detector read first, then the
 * file. 0 at the end (SEGMENT_END), -1 on a read error (SEGMENT_FAILED). */
static long plain_more(warc_reader *r, unsigned char *dst, size_t cap) {
    if (r->raw_pos < r->raw_len) {
        size_t n = r->raw_len - r->raw_pos;
        if (n > cap)
            n = cap;
        memcpy(dst, r->raw + r->raw_pos, n);
        r->raw_pos += n;
        return (long)n;
    }
    for (;;) {
        ssize_t got = source_read(r, dst, cap);
        if (got > 0)
            return (long)got;
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            segment_fail(r, "cannot read file", strerror(errno));
            return -1;
        }
        r->segment = SEGMENT_END;
        return 0;
    }
}

/* Up to CAP inflated bytes of the current gzip member; at least one unless
 * the member ended (0, SEGMENT_END) or is damaged (-1, SEGMENT_FAILED).
 * Bytes inflated before the damage are handed out first, and the damage
 * is reported by the next call: whether a member's start is seen must not
 * depend on whether its damage happens to come in the same read (a member
 * inflated whole at once, then failing its CRC, would otherwise look like
 * no member at all to the resync). */
static long gzip_more(warc_reader *r, unsigned char *dst, size_t cap) {
    z_stream *z = &r->z;
    z->next_out = dst;
    z->avail_out = cap > UINT32_MAX ? UINT32_MAX : (uInt)cap;
    uInt asked = z->avail_out;
    while (z->avail_out == asked) {
        if (r->raw_pos == r->raw_len && !raw_refill(r)) {
            if (r->raw_errno)
                segment_fail(r, "cannot read file", strerror(r->raw_errno));
            else
                segment_fail(r, "gzip member cut short", NULL);
            break;
        }
        z->next_in = r->raw + r->raw_pos;
        z->avail_in = (uInt)(r->raw_len - r->raw_pos);
        int zr = inflate(z, Z_NO_FLUSH);
        r->raw_pos = r->raw_len - z->avail_in;
        if (zr == Z_STREAM_END) {
            r->segment = SEGMENT_END;
            break;
        }
        if (zr != Z_OK && zr != Z_BUF_ERROR) {
            segment_fail(r, "damaged gzip member", z->msg ? z->msg : zError(zr));
            break;
        }
    }
    long produced = (long)(asked - z->avail_out);
    return r->segment == SEGMENT_FAILED && produced == 0 ? -1 : produced;
}

static long source_more(warc_reader *r, unsigned char *dst, size_t cap) {
    if (r->segment != SEGMENT_OPEN)
        return r->segment == SEGMENT_END ? 0 : -1;
    return r->gzip ? gzip_more(r, dst, cap) : plain_more(r, dst, cap);
}

/* ---- the window ---- */

/* Make NEED bytes of the segment available at win + win_pos; false when
 * the segment ends (or fails, or memory runs out) first. */
bool win_fill(warc_reader *r, size_t need) {
    while (win_avail(r) < need) {
        if (r->segment != SEGMENT_OPEN)
            return false;
        if (r->win_cap - r->win_pos < need) {
            memmove(r->win, r->win + r->win_pos, win_avail(r));
            r->win_offset += r->win_pos;
            r->win_len -= r->win_pos;
            r->win_pos = 0;
        }
        if (r->win_cap < need) {
            size_t cap = r->win_cap * 2 > need ? r->win_cap * 2 : need;
            unsigned char *grown = realloc(r->win, cap);
            if (!grown) {
                segment_fail(r, lede_strerror(LEDE_ERR_NOMEM), NULL);
                return false;
            }
            r->win = grown;
            r->win_cap = cap;
        }
        long got = source_more(r, r->win + r->win_len, r->win_cap - r->win_len);
        if (got <= 0)
            return false;
        r->win_len += (size_t)got;
    }
    return true;
}

/* Let go of the window's bytes; the next ones come from the segment. */
void win_drop(warc_reader *r) {
    r->win_offset += r->win_len;
    r->win_pos = r->win_len = 0;
}

/* Consume N bytes of the segment without holding them; false when the
 * segment ends first. */
bool win_skip(warc_reader *r, uint64_t n) {
    if (n <= win_avail(r)) {
        r->win_pos += (size_t)n;
        return true;
    }
    n -= win_avail(r);
    win_drop(r);
    while (n > 0) {
        size_t want = n < r->win_cap ? (size_t)n : r->win_cap;
        long got = source_more(r, r->win, want);
        if (got <= 0)
            return false;
        r->win_offset += (uint64_t)got;
        n -= (uint64_t)got;
    }
    return true;
}

/* Is B (with N bytes after it) a WARC version line: "WARC/1.", a digit,
 * and the line's end? */
bool is_version_line(const unsigned char *b, size_t n) {
    return n >= WARC_MAGIC_LEN + 2 && memcmp(b, WARC_MAGIC, WARC_MAGIC_LEN) == 0 &&
           b[WARC_MAGIC_LEN] >= '0' && b[WARC_MAGIC_LEN] <= '9' &&
           (b[WARC_MAGIC_LEN + 1] == '\n' ||
            (b[WARC_MAGIC_LEN + 1] == '\r' && n >= WARC_MAGIC_LEN + 3 &&
             b[WARC_MAGIC_LEN + 2] == '\n'));
}

/* Plain file: consume up to the next WARC version line, or to the end of
 * the file. The line is looked for anywhere, not only at a line's start:
 * after a record cut short the next one starts mid-line. */
void plain_resync(warc_reader *r) {
    for (;;) {
        const unsigned char *b = r->win + r->win_pos;
        size_t n = win_avail(r);
        for (const unsigned char *w = b; (w = memchr(w, 'W', n - (size_t)(w - b))); w++) {
            size_t rest = n - (size_t)(w - b);
            if (rest < VERSION_LINE_MAX)
                break;
            if (is_version_line(w, rest)) {
                r->win_pos += (size_t)(w - b);
                return;
            }
        }
        /* Keep the tail that may be a version line cut short. */
        if (n > VERSION_LINE_MAX)
            r->win_pos = r->win_len - VERSION_LINE_MAX;
        if (!win_fill(r, win_avail(r) + 1)) {
            r->win_pos = r->win_len;
            return;
        }
    }
}
