/*
 * warc/record.c — one WARC record at the window's position: the version
 * line, the header up to WARC_MAX_HEADER, the block framed by its
 * Content-Length and the CRLF CRLF after it, and for a `response` the HTTP
 * message inside (http.c).
 *
 * A block larger than the reader holds is skipped rather than read, and
 * its length is checked before it is trusted: a Content-Length that lies
 * would otherwise skip every later record (reader.c, Recovery).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "warc/internal.h"

/* A decimal number of at most 18 digits (well past any file). */
static bool parse_length(const unsigned char *s, size_t n, uint64_t *value) {
    if (n == 0 || n > 18)
        return false;
    uint64_t v = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        v = v * 10 + (uint64_t)(s[i] - '0');
    }
    *value = v;
    return true;
}

typedef struct warc_header {
    span type, target_uri, record_id, date;
    bool has_length, bad_length;
    uint64_t length;
    const unsigned char *base; /* the record's first byte, while parsing */
} warc_header;

static void warc_field(void *ctx, const unsigned char *name, size_t name_len, size_t at,
                       size_t len) {
    warc_header *h = ctx;
    span value = {at, len};
    if (name_is(name, name_len, "WARC-Type"))
        h->type = value;
    else if (name_is(name, name_len, "WARC-Target-URI"))
        h->target_uri = value;
    else if (name_is(name, name_len, "WARC-Record-ID"))
        h->record_id = value;
    else if (name_is(name, name_len, "WARC-Date"))
        h->date = value;
    else if (name_is(name, name_len, "Content-Length")) {
        h->has_length = true;
        h->bad_length = !parse_length(h->base + at, len, &h->length);
    }
}

/* The value at S of RECORD, malloc'd; NULL when empty. UNBRACKET takes
 * the URI out of the "<uri>" form that some WARC/1.0 writers use. */
static char *span_copy(const unsigned char *record, span s, bool unbracket) {
    const unsigned char *v = record + s.start;
    size_t len = s.len;
    if (unbracket && len > 2 && v[0] == '<' && v[len - 1] == '>') {
        v++;
        len -= 2;
    }
    return len ? strndup((const char *)v, len) : NULL;
}

/* Bytes read at a declared record end: its CRLF CRLF, any blank lines,
 * and the next record's magic. */
#define RECORD_END_PROBE (4 + 4 + WARC_MAGIC_LEN)

/* Plain, seekable file: is there a record end at file offset END (where a
 * block of a Content-Length too large to hold says its record ends)? The
 * bytes must be in the file and look the part — CRLF CRLF, then the end of
 * the file or, past any blank lines, "WARC/1." — because a length that
 * lies, one wrong digit of it, would otherwise skip every record after it.
 * Read with pread, so that the reading position does not move. */
static bool record_end_at(const warc_reader *r, uint64_t end) {
    struct stat st;
    if (fstat(r->fd, &st) != 0 || st.st_size < 0 || end > (uint64_t)st.st_size ||
        (uint64_t)st.st_size - end < 4)
        return false;
    unsigned char b[RECORD_END_PROBE];
    size_t got = 0;
    while (got < sizeof b) {
        ssize_t n = pread(r->fd, b + got, sizeof b - got, (off_t)(end + got));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return false;
        if (n == 0)
            break;
        got += (size_t)n;
    }
    if (got < 4 || memcmp(b, "\r\n\r\n", 4) != 0)
        return false;
    size_t i = 4;
    while (i < got && (b[i] == '\r' || b[i] == '\n'))
        i++;
    size_t rest = got - i, cmp = rest < WARC_MAGIC_LEN ? rest : WARC_MAGIC_LEN;
    /* Fewer bytes than the magic left: they must be the file's end. */
    if (rest < WARC_MAGIC_LEN && end + got < (uint64_t)st.st_size)
        return false;
    return memcmp(b + i, WARC_MAGIC, cmp) == 0;
}

/* Plain, seekable file: go to file offset TO, dropping what is buffered. */
static bool plain_seek(warc_reader *r, uint64_t to) {
    if (lseek(r->fd, (off_t)to, SEEK_SET) != (off_t)to)
        return false;
    r->raw_pos = r->raw_len; /* the detector's bytes are behind */
    r->win_pos = r->win_len = 0;
    r->win_offset = to;
    return true;
}

/* A record end and the next record's version line, inside bytes that a
 * Content-Length says are one block. */
#define RECORD_START_PROBE (4 + VERSION_LINE_MAX)

typedef enum skip_result {
    SKIP_WHOLE,        /* N bytes consumed */
    SKIP_SHORT,        /* the segment ended (or failed) first */
    SKIP_RECORD_INSIDE /* stopped at a version line after CRLF CRLF inside them */
} skip_result;

/* Plain file on a pipe: consume N bytes of the segment, unless a record
 * end followed by a version line ("\r\n\r\nWARC/1.0\r\n") shows inside
 * them; the window is then left at that version line. A pipe cannot be
 * read again, so a Content-Length that lies is caught while skipping or
 * not at all; a true block of this size holding such bytes (an archive
 * inside an archive) is the price, and costs phantom records, not lost
 * ones. */
static skip_result stream_skip(warc_reader *r, uint64_t n) {
    while (n > 0) {
        size_t want = n < r->win_cap - RECORD_START_PROBE ? (size_t)n + RECORD_START_PROBE
                                                          : r->win_cap;
        win_fill(r, want); /* short at the segment's end: what is there is read */
        size_t avail = win_avail(r);
        if (avail == 0)
            return SKIP_SHORT;
        size_t scan = avail < n ? avail : (size_t)n;
        const unsigned char *b = r->win + r->win_pos;
        for (const unsigned char *cr = b; (cr = memchr(cr, '\r', scan - (size_t)(cr - b)));
             cr++) {
            size_t i = (size_t)(cr - b);
            if (avail - i < RECORD_START_PROBE) {
                if (r->segment == SEGMENT_OPEN) {
                    scan = i; /* decided once more bytes are in */
                    break;
                }
                continue;
            }
            if (memcmp(cr, "\r\n\r\n", 4) == 0 && is_version_line(cr + 4, avail - i - 4)) {
                r->win_pos += i + 4;
                return SKIP_RECORD_INSIDE;
            }
        }
        if (scan == 0 && r->segment != SEGMENT_OPEN)
            return SKIP_SHORT;
        r->win_pos += scan;
        n -= scan;
    }
    return SKIP_WHOLE;
}

/* A record too large to hold: an HTML response among them is reported, and
 * the block is skipped. In a plain file that can be looked into, the block
 * is skipped only when a record end stands where its length says;
 * otherwise the record is damaged and the scan for the next version line
 * starts after its header (next_plain). On a pipe the skipped bytes cannot
 * be read again: the skip stops at a record that starts inside them
 * (stream_skip). */
static read_outcome skip_large_record(warc_reader *r, const warc_header *h, size_t head,
                                      warc_page *page) {
    uint64_t start = r->win_offset + r->win_pos;
    bool checked = !r->gzip && r->seekable;
    if (checked && (h->length > UINT64_MAX - start - head ||
                    !record_end_at(r, start + head + h->length))) {
        snprintf(page->message, sizeof page->message,
                 "record cut short or longer than its Content-Length (%llu bytes)",
                 (unsigned long long)h->length);
        return READ_DAMAGED_BLOCK;
    }
    bool report = false;
    if (name_is(r->win + r->win_pos + h->type.start, h->type.len, "response")) {
        size_t peek = h->length < HTTP_MAX_HEADER ? (size_t)h->length : HTTP_MAX_HEADER;
        win_fill(r, head + peek);
        size_t have = win_avail(r) > head ? win_avail(r) - head : 0;
        warc_page probe = {0};
        /* The probe sees a cut body: a page there means an HTML 200. */
        if (http_response(r, r->win + r->win_pos + head, have < peek ? have : peek, &probe) ==
            RECORD_PAGE)
            report = true;
        warc_page_release(&probe);
    }
    bool whole = checked && plain_seek(r, start + head + h->length + 4);
    if (!whole) {
        skip_result skipped;
        if (!r->gzip && !r->seekable) {
            r->win_pos += head;
            skipped = stream_skip(r, h->length);
            if (skipped == SKIP_RECORD_INSIDE) {
                snprintf(page->message, sizeof page->message,
                         "record longer than its Content-Length: another starts inside it");
                return READ_DAMAGED_AFTER;
            }
        } else {
            /* A gzip member ends the record whatever its length says. */
            skipped = win_skip(r, head + h->length) ? SKIP_WHOLE : SKIP_SHORT;
        }
        whole = skipped == SKIP_WHOLE && win_fill(r, 4) &&
                memcmp(r->win + r->win_pos, "\r\n\r\n", 4) == 0;
        if (whole)
            r->win_pos += 4;
    }
    if (!whole) {
        snprintf(page->message, sizeof page->message, "%s",
                 r->segment == SEGMENT_FAILED ? r->segment_message
                                              : "record cut short or longer than its Content-Length");
        return READ_DAMAGED_AFTER;
    }
    if (report) {
        snprintf(page->message, sizeof page->message, "%s", lede_strerror(LEDE_ERR_TOO_LARGE));
        return READ_DAMAGED_AFTER;
    }
    return READ_SKIPPED;
}

/* Read the record at the window's position; PAGE->offset is set by the
 * caller. */
read_outcome read_record(warc_reader *r, warc_page *page) {
    /* Blank lines between records are tolerated. */
    while (win_fill(r, 1) && (r->win[r->win_pos] == '\r' || r->win[r->win_pos] == '\n'))
        r->win_pos++;
    if (!r->gzip)
        page->offset = r->win_offset + r->win_pos;
    if (win_avail(r) == 0) {
        if (r->segment != SEGMENT_FAILED)
            return READ_SEGMENT_OVER;
        snprintf(page->message, sizeof page->message, "%s", r->segment_message);
        return READ_DAMAGED_AFTER;
    }
    /* Bytes that do not open with the magic are no record: said at once,
     * without looking for the end of a header they do not have. */
    if (!win_fill(r, WARC_MAGIC_LEN) && r->segment == SEGMENT_FAILED) {
        snprintf(page->message, sizeof page->message, "%s", r->segment_message);
        return READ_DAMAGED_HEADER;
    }
    if (win_avail(r) < WARC_MAGIC_LEN ||
        memcmp(r->win + r->win_pos, WARC_MAGIC, WARC_MAGIC_LEN) != 0) {
        snprintf(page->message, sizeof page->message, "not a WARC record");
        return READ_DAMAGED_HEADER;
    }

    size_t head = 0;
    while (!header_end(r->win + r->win_pos,
                       win_avail(r) < WARC_MAX_HEADER ? win_avail(r) : WARC_MAX_HEADER, &head)) {
        if (win_avail(r) >= WARC_MAX_HEADER || !win_fill(r, win_avail(r) + 1)) {
            const char *why = r->segment == SEGMENT_FAILED ? r->segment_message
                              : win_avail(r) >= WARC_MAX_HEADER
                                  ? "WARC header longer than 64 KiB"
                                  : "WARC header cut short";
            snprintf(page->message, sizeof page->message, "%s", why);
            return READ_DAMAGED_HEADER;
        }
    }
    const unsigned char *record = r->win + r->win_pos;
    warc_header h = {.base = record};
    each_field(record, head, warc_field, &h);
    if (!h.has_length || h.bad_length) {
        snprintf(page->message, sizeof page->message, "WARC header without a valid Content-Length");
        return READ_DAMAGED_HEADER;
    }
    if (h.length > r->max_block)
        return skip_large_record(r, &h, head, page);

    size_t block = (size_t)h.length, total = head + block + 4;
    if (!win_fill(r, total)) {
        if (r->segment == SEGMENT_FAILED)
            snprintf(page->message, sizeof page->message, "%s", r->segment_message);
        else
            snprintf(page->message, sizeof page->message,
                     "record cut short: its block has %zu of %zu bytes",
                     win_avail(r) - head < block ? win_avail(r) - head : block, block);
        return READ_DAMAGED_BLOCK;
    }
    record = r->win + r->win_pos;
    if (memcmp(record + head + block, "\r\n\r\n", 4) != 0) {
        snprintf(page->message, sizeof page->message,
                 "record does not end where its Content-Length says");
        return READ_DAMAGED_BLOCK;
    }
    record_kind kind = RECORD_SKIPPED;
    if (name_is(record + h.type.start, h.type.len, "response"))
        kind = http_response(r, record + head, block, page);
    if (kind == RECORD_PAGE) {
        page->target_uri = span_copy(record, h.target_uri, true);
        page->record_id = span_copy(record, h.record_id, false);
        page->date = span_copy(record, h.date, false);
    }
    r->win_pos += total;
    return kind == RECORD_PAGE ? READ_PAGE : kind == RECORD_SKIPPED ? READ_SKIPPED
                                                                    : READ_DAMAGED_AFTER;
}
