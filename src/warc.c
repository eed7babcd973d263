/*
 * warc.c — the HTML responses of a WARC file, one at a time.
 *
 * Three layers, each with one job:
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
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include <fcntl.h>

#include <zlib.h>

#include "inflate.h"
#include "lede.h"
#include "options.h"

/* Compressed bytes read from the file at a time (.warc.gz): large enough
 * for few system calls, small next to a record. */
#define RAW_BUFFER_SIZE ((size_t)64 << 10)

/* The window's first allocation: most records (one page and its headers)
 * fit; larger ones grow it to their own size. */
#define WINDOW_INITIAL_SIZE ((size_t)256 << 10)

/* Longest WARC header and longest HTTP header block accepted. Real ones are
 * well under 4 KiB (a dozen fields and a URI); 64 KiB leaves room for long
 * cookies and URIs while keeping a header that never ends from being read
 * into memory. */
#define WARC_MAX_HEADER ((size_t)64 << 10)
#define HTTP_MAX_HEADER ((size_t)64 << 10)

/* Bytes of chunked-coding framing allowed on top of the payload: a chunk
 * header is a few bytes, and servers send chunks of kilobytes. */
#define CHUNK_OVERHEAD_DIVISOR 8


static const char warc_magic[] = "WARC/1.";
#define WARC_MAGIC_LEN (sizeof warc_magic - 1)

typedef enum segment_state { SEGMENT_OPEN, SEGMENT_END, SEGMENT_FAILED } segment_state;

struct warc_reader {
    int fd; /* -1 when READ gives the bytes */
    lede_warc_read_fn read;
    void *read_ctx;
    size_t max_payload;
    size_t max_block; /* largest block held in the window */
    bool started, gzip, seekable;

    /* Bytes read from the file and not yet used: the detector's look at
     * the start, and the compressed input of a .warc.gz. */
    unsigned char *raw;
    size_t raw_pos, raw_len;
    uint64_t raw_offset; /* file offset of raw[0] */
    bool raw_eof;
    int raw_errno;

    /* The segment: the file, or the gzip member being inflated. */
    segment_state segment;
    char segment_message[WARC_MESSAGE_SIZE];
    z_stream z;
    bool z_ready;
    bool member_open;   /* a member is being read */
    bool resync;        /* after damage: look for the next good member */
    uint64_t resync_from;
    uint64_t member_offset;

    /* The window: win[win_pos, win_len) is unconsumed. */
    unsigned char *win;
    size_t win_pos, win_len, win_cap;
    uint64_t win_offset; /* plain: file offset of win[0] */
};

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
static bool raw_refill(warc_reader *r) {
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
static void raw_seek_back(warc_reader *r, uint64_t offset) {
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

static void segment_fail(warc_reader *r, const char *what, const char *detail) {
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

static size_t win_avail(const warc_reader *r) {
    return r->win_len - r->win_pos;
}

/* Make NEED bytes of the segment available at win + win_pos; false when
 * the segment ends (or fails, or memory runs out) first. */
static bool win_fill(warc_reader *r, size_t need) {
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
static void win_drop(warc_reader *r) {
    r->win_offset += r->win_len;
    r->win_pos = r->win_len = 0;
}

/* Consume N bytes of the segment without holding them; false when the
 * segment ends first. */
static bool win_skip(warc_reader *r, uint64_t n) {
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
static bool is_version_line(const unsigned char *b, size_t n) {
    return n >= WARC_MAGIC_LEN + 2 && memcmp(b, warc_magic, WARC_MAGIC_LEN) == 0 &&
           b[WARC_MAGIC_LEN] >= '0' && b[WARC_MAGIC_LEN] <= '9' &&
           (b[WARC_MAGIC_LEN + 1] == '\n' ||
            (b[WARC_MAGIC_LEN + 1] == '\r' && n >= WARC_MAGIC_LEN + 3 &&
             b[WARC_MAGIC_LEN + 2] == '\n'));
}

/* The longest version line: "WARC/1.0\r\n". */
#define VERSION_LINE_MAX (WARC_MAGIC_LEN + 3)

/* Plain file: consume up to the next WARC version line, or to the end of
 * the file. The line is looked for anywhere, not only at a line's start:
 * after a record cut short the next one starts mid-line. */
static void plain_resync(warc_reader *r) {
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

/* ---- headers ---- */

/* The length of B's header block, through the blank line that ends it
 * (CRLF CRLF, or bare LFs); false when N bytes hold no blank line. */
static bool header_end(const unsigned char *b, size_t n, size_t *end) {
    for (const unsigned char *nl = b; (nl = memchr(nl, '\n', n - (size_t)(nl - b))); nl++) {
        size_t at = (size_t)(nl - b) + 1;
        if (at < n && b[at] == '\n') {
            *end = at + 1;
            return true;
        }
        if (at + 1 < n && b[at] == '\r' && b[at + 1] == '\n') {
            *end = at + 2;
            return true;
        }
        if (at >= n)
            break;
    }
    return false;
}

/* A span of a record: START bytes after the record's first byte. */
typedef struct span {
    size_t start, len;
} span;

static bool name_is(const unsigned char *name, size_t len, const char *literal) {
    return len == strlen(literal) && strncasecmp((const char *)name, literal, len) == 0;
}

/* Call FIELD for each "Name: value" line of the header B[0, N) after its
 * first line, with the value trimmed; continuation lines are passed over. */
typedef void field_fn(void *ctx, const unsigned char *name, size_t name_len, size_t value_at,
                      size_t value_len);

static void each_field(const unsigned char *b, size_t n, field_fn *field, void *ctx) {
    const unsigned char *nl = memchr(b, '\n', n);
    size_t at = nl ? (size_t)(nl - b) + 1 : n;
    while (at < n) {
        const unsigned char *line = b + at;
        const unsigned char *eol = memchr(line, '\n', n - at);
        size_t len = eol ? (size_t)(eol - line) : n - at;
        size_t next = at + len + 1;
        if (len > 0 && line[len - 1] == '\r')
            len--;
        const unsigned char *colon = len && line[0] != ' ' && line[0] != '\t'
                                         ? memchr(line, ':', len)
                                         : NULL;
        if (colon) {
            size_t name_len = (size_t)(colon - line);
            size_t v = name_len + 1, v_end = len;
            while (v < v_end && (line[v] == ' ' || line[v] == '\t'))
                v++;
            while (v_end > v && (line[v_end - 1] == ' ' || line[v_end - 1] == '\t'))
                v_end--;
            field(ctx, line, name_len, at + v, v_end - v);
        }
        at = next;
    }
}

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

typedef struct http_header {
    span content_type, transfer_encoding, content_encoding;
} http_header;

static void http_field(void *ctx, const unsigned char *name, size_t name_len, size_t at,
                       size_t len) {
    http_header *h = ctx;
    span value = {at, len};
    if (name_is(name, name_len, "Content-Type"))
        h->content_type = value;
    else if (name_is(name, name_len, "Transfer-Encoding"))
        h->transfer_encoding = value;
    else if (name_is(name, name_len, "Content-Encoding"))
        h->content_encoding = value;
}

/* Does S[0, N) contain WORD, in any letter case? */
static bool contains_word(const unsigned char *s, size_t n, const char *word) {
    size_t w = strlen(word);
    for (size_t i = 0; i + w <= n; i++)
        if (strncasecmp((const char *)s + i, word, w) == 0)
            return true;
    return false;
}

/* The media type of a Content-Type value, without parameters, is HTML. */
static bool is_html_type(const unsigned char *s, size_t n) {
    size_t end = 0;
    while (end < n && s[end] != ';' && s[end] != ' ' && s[end] != '\t')
        end++;
    return name_is(s, end, "text/html") || name_is(s, end, "application/xhtml+xml");
}

/* The charset parameter of a Content-Type value, malloc'd; NULL when it
 * has none or one that is no charset name (letters, digits, ._:-). */
static char *charset_of(const unsigned char *s, size_t n) {
    static const char key[] = "charset=";
    for (size_t i = 0; i + sizeof key - 1 <= n; i++) {
        if (strncasecmp((const char *)s + i, key, sizeof key - 1) != 0)
            continue;
        size_t at = i + sizeof key - 1, end;
        if (at < n && s[at] == '"')
            at++;
        for (end = at; end < n && end - at < 64; end++) {
            unsigned char c = s[end];
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '-' || c == '_' || c == '.' || c == ':'))
                break;
        }
        return end > at ? strndup((const char *)s + at, end - at) : NULL;
    }
    return NULL;
}

/* ---- HTTP payloads ---- */

/* Undo the chunked transfer coding of B[0, N) into *OUT. A message cut
 * short (crawlers cut long payloads) keeps what arrived; a chunk size that
 * is no hex number is damage. */
static bool dechunk(const unsigned char *b, size_t n, unsigned char **out, size_t *out_len) {
    unsigned char *body = malloc(n ? n : 1);
    if (!body)
        return false;
    size_t at = 0, len = 0;
    while (at < n) {
        uint64_t size = 0;
        size_t digits = 0;
        for (; at < n && digits < 16; at++, digits++) {
            unsigned char c = b[at];
            int v = c >= '0' && c <= '9'   ? c - '0'
                    : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                           : -1;
            if (v < 0)
                break;
            size = size * 16 + (uint64_t)v;
        }
        if (digits == 0 || (at < n && b[at] != '\r' && b[at] != '\n' && b[at] != ';' &&
                            b[at] != ' ' && b[at] != '\t')) {
            free(body);
            return false;
        }
        const unsigned char *eol = memchr(b + at, '\n', n - at);
        if (!eol || size == 0)
            break;
        at = (size_t)(eol - b) + 1;
        size_t take = size < n - at ? (size_t)size : n - at;
        memcpy(body + len, b + at, take);
        len += take;
        at += take;
        if (at < n && b[at] == '\r')
            at++;
        if (at < n && b[at] == '\n')
            at++;
    }
    *out = body;
    *out_len = len;
    return true;
}

/* What a record turned out to be. */
typedef enum record_kind { RECORD_PAGE, RECORD_SKIPPED, RECORD_DAMAGED } record_kind;

/* PAGE is damaged: WHAT, and DETAIL in quotes when there is one. */
static record_kind damaged(warc_page *page, const char *what, const char *detail) {
    if (detail)
        snprintf(page->message, sizeof page->message, "%s '%s'", what, detail);
    else
        snprintf(page->message, sizeof page->message, "%s", what);
    return RECORD_DAMAGED;
}

/* Undo the content coding named by CODING of the body *BODY (owned when
 * *OWNED); on success *BODY is the decoded body. */
static record_kind decode_content(const warc_reader *r, const unsigned char *coding,
                                  size_t coding_len, unsigned char **body, size_t *len,
                                  bool *owned, warc_page *page) {
    bool gzip = name_is(coding, coding_len, "gzip") || name_is(coding, coding_len, "x-gzip");
    bool deflate = name_is(coding, coding_len, "deflate");
    if (coding_len == 0 || name_is(coding, coding_len, "identity"))
        return RECORD_PAGE;
    if (!gzip && !deflate) {
        char name[32];
        snprintf(name, sizeof name, "%.*s", (int)(coding_len < 31 ? coding_len : 31), coding);
        return damaged(page, "unsupported HTTP Content-Encoding", name);
    }
    /* Some archives store the payload decoded but keep the header: a gzip
     * body without the gzip magic is taken as it is. */
    if (gzip && !(*len >= 2 && (*body)[0] == 0x1f && (*body)[1] == 0x8b))
        return RECORD_PAGE;
    inflate_request req = {.window_bits = gzip ? INFLATE_GZIP_ZLIB : INFLATE_ZLIB,
                           .limit = r->max_payload};
    char *out = NULL;
    size_t out_len = 0;
    inflate_end end = INFLATE_DAMAGED;
    lede_status st = inflate_bounded(*body, *len, &req, &out, &out_len, &end);
    if (st == LEDE_OK && end == INFLATE_DAMAGED && deflate) { /* "deflate" is often raw */
        free(out);
        req.window_bits = INFLATE_RAW;
        st = inflate_bounded(*body, *len, &req, &out, &out_len, &end);
    }
    if (st == LEDE_OK && end != INFLATE_DONE && end != INFLATE_CUT)
        free(out); /* a stream cut short keeps what inflated; the rest is refused */
    if (st != LEDE_OK)
        return damaged(page, lede_strerror(st), NULL);
    if (end == INFLATE_OVER)
        return damaged(page, lede_strerror(LEDE_ERR_TOO_LARGE), NULL);
    if (end == INFLATE_DAMAGED)
        return damaged(page, "HTTP body does not inflate; Content-Encoding",
                       gzip ? "gzip" : "deflate");
    if (*owned)
        free(*body);
    *body = (unsigned char *)out;
    *len = out_len;
    *owned = true;
    return RECORD_PAGE;
}

/* Does BODY open like markup: '<' after any BOM and white space? For a
 * response without a Content-Type. */
static bool looks_like_markup(const unsigned char *b, size_t n) {
    size_t i = n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? 3 : 0;
    while (i < n && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n'))
        i++;
    return i < n && b[i] == '<';
}

/* The HTML page inside the HTTP response B[0, N), into PAGE->html. */
static record_kind http_response(const warc_reader *r, const unsigned char *b, size_t n,
                                 warc_page *page) {
    if (n < 5 || memcmp(b, "HTTP/", 5) != 0)
        return RECORD_SKIPPED; /* dns:, ftp: and other non-HTTP responses */
    size_t head;
    if (!header_end(b, n < HTTP_MAX_HEADER ? n : HTTP_MAX_HEADER, &head))
        return damaged(page, "HTTP header does not end", NULL);
    const unsigned char *sp = memchr(b, ' ', head);
    if (!sp || (size_t)(sp - b) + 4 > head || sp[1] < '0' || sp[1] > '9' || sp[2] < '0' ||
        sp[2] > '9' || sp[3] < '0' || sp[3] > '9')
        return damaged(page, "bad HTTP status line", NULL);
    if (memcmp(sp + 1, "200", 3) != 0)
        return RECORD_SKIPPED;
    http_header h = {{0, 0}, {0, 0}, {0, 0}};
    each_field(b, head, http_field, &h);
    if (h.content_type.len && !is_html_type(b + h.content_type.start, h.content_type.len))
        return RECORD_SKIPPED;

    unsigned char *body = (unsigned char *)b + head;
    size_t len = n - head;
    bool owned = false;
    record_kind kind = RECORD_PAGE;
    if (h.transfer_encoding.len &&
        contains_word(b + h.transfer_encoding.start, h.transfer_encoding.len, "chunked")) {
        if (!dechunk(b + head, n - head, &body, &len))
            return damaged(page, "bad chunked transfer coding", NULL);
        owned = true;
    }
    kind = decode_content(r, b + h.content_encoding.start, h.content_encoding.len, &body, &len,
                          &owned, page);
    if (kind == RECORD_PAGE && !h.content_type.len && !looks_like_markup(body, len))
        kind = RECORD_SKIPPED;
    if (kind == RECORD_PAGE && len > r->max_payload)
        kind = damaged(page, lede_strerror(LEDE_ERR_TOO_LARGE), NULL);
    if (kind == RECORD_PAGE && !owned) {
        unsigned char *copy = malloc(len ? len : 1);
        if (copy)
            memcpy(copy, body, len);
        else
            kind = damaged(page, lede_strerror(LEDE_ERR_NOMEM), NULL);
        body = copy;
        owned = true;
    }
    if (kind != RECORD_PAGE) {
        if (owned)
            free(body);
        return kind;
    }
    page->html = (char *)body;
    page->len = len;
    if (h.content_type.len)
        page->charset = charset_of(b + h.content_type.start, h.content_type.len);
    return RECORD_PAGE;
}

/* ---- records ---- */

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

/* The outcome of reading at the window's position. */
typedef enum read_outcome {
    READ_PAGE,
    READ_SKIPPED,
    READ_DAMAGED_HEADER, /* resume the scan after the record's first byte */
    READ_DAMAGED_BLOCK,  /* resume the scan after the record's header */
    READ_DAMAGED_AFTER,  /* the record was consumed; resume where we are */
    READ_SEGMENT_OVER
} read_outcome;

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
    return memcmp(b + i, warc_magic, cmp) == 0;
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
static read_outcome read_record(warc_reader *r, warc_page *page) {
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
        memcmp(r->win + r->win_pos, warc_magic, WARC_MAGIC_LEN) != 0) {
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

/* ---- gzip members ---- */

/* Start inflating the member at the raw position. */
static void member_begin(warc_reader *r) {
    r->member_offset = r->raw_offset + r->raw_pos;
    inflateReset(&r->z);
    r->segment = SEGMENT_OPEN;
    r->member_open = true;
    r->win_pos = r->win_len = 0;
}

/* After damage: find the next gzip magic from resync_from on whose member
 * starts with "WARC/1." and open it; false at the end of the file. */
static bool member_resync(warc_reader *r) {
    uint64_t from = r->resync_from;
    for (;;) {
        raw_seek_back(r, from);
        for (;;) {
            unsigned char *at = NULL;
            for (size_t i = r->raw_pos; i + 3 <= r->raw_len; i++)
                if (r->raw[i] == 0x1f && r->raw[i + 1] == 0x8b && r->raw[i + 2] == 0x08) {
                    at = r->raw + i;
                    break;
                }
            if (at) {
                r->raw_pos = (size_t)(at - r->raw);
                break;
            }
            if (r->raw_len - r->raw_pos > 2)
                r->raw_pos = r->raw_len - 2;
            if (!raw_refill(r))
                return false;
        }
        uint64_t candidate = r->raw_offset + r->raw_pos;
        member_begin(r);
        if (win_fill(r, WARC_MAGIC_LEN) && memcmp(r->win, warc_magic, WARC_MAGIC_LEN) == 0) {
            r->resync = false;
            return true;
        }
        r->member_open = false;
        from = candidate + 1;
    }
}

/* Open the next member: the one right after the last, or after damage the
 * next good one. WARC_DAMAGED when bytes that are no member stand between. */
static warc_outcome member_next(warc_reader *r, warc_page *page) {
    if (r->resync)
        return member_resync(r) ? WARC_PAGE : WARC_END;
    if (r->raw_len - r->raw_pos < 2)
        raw_refill(r);
    if (r->raw_pos == r->raw_len) {
        if (r->raw_errno) {
            page->offset = r->raw_offset + r->raw_pos;
            snprintf(page->message, sizeof page->message, "cannot read file: %s",
                     strerror(r->raw_errno));
            r->raw_errno = 0;
            return WARC_DAMAGED;
        }
        return WARC_END;
    }
    if (r->raw_len - r->raw_pos < 2 || r->raw[r->raw_pos] != 0x1f ||
        r->raw[r->raw_pos + 1] != 0x8b) {
        page->offset = r->raw_offset + r->raw_pos;
        snprintf(page->message, sizeof page->message, "bytes that are no gzip member");
        r->resync = true;
        r->resync_from = page->offset + 1;
        return WARC_DAMAGED;
    }
    member_begin(r);
    return WARC_PAGE;
}

/* The member is damaged: drain what is left of it if it inflates to its
 * end, else look for the next one from just after its start. */
static void member_abandon(warc_reader *r) {
    win_drop(r);
    while (r->segment == SEGMENT_OPEN && win_skip(r, r->win_cap))
        ;
    if (r->segment == SEGMENT_FAILED) {
        r->resync = true;
        r->resync_from = r->member_offset + 1;
    }
    r->member_open = false;
}

/* ---- the reader ---- */

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
    if (len >= WARC_MAGIC_LEN && memcmp(head, warc_magic, WARC_MAGIC_LEN) == 0)
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
    bool warc = out_len >= WARC_MAGIC_LEN && memcmp(out, warc_magic, WARC_MAGIC_LEN) == 0;
    free(out);
    return warc;
}

/* ---- the public API (lede_warc_*, include/lede.h) ---- */

struct lede_warc {
    warc_reader *reader;
    char *name;   /* what record sources start with */
    int owned_fd; /* the descriptor lede_warc_open_path opened, or -1 */
};

struct lede_warc_record {
    warc_page page;
    bool damaged;
    char *source; /* "NAME:OFFSET" */
};

/* A reader around READER (taken; closed on failure) named NAME. */
static lede_status warc_wrap(warc_reader *reader, const char *name, int owned_fd,
                             lede_warc **out) {
    lede_warc *w = reader ? calloc(1, sizeof *w) : NULL;
    char *copy = w ? strdup(name) : NULL;
    if (!copy) {
        warc_close(reader);
        free(w);
        return LEDE_ERR_NOMEM;
    }
    w->reader = reader;
    w->name = copy;
    w->owned_fd = owned_fd;
    *out = w;
    return LEDE_OK;
}

/* The name records are given when the options give none. */
#define WARC_STREAM_NAME "-"

lede_status lede_warc_open_fd(int fd, const lede_warc_options *opt, lede_warc **reader) {
    if (!reader)
        return LEDE_ERR_INVALID_ARG;
    *reader = NULL;
    lede_warc_options o;
    lede_status st = warc_options_resolve(opt, &o);
    if (st != LEDE_OK)
        return st;
    if (fd < 0)
        return LEDE_ERR_INVALID_ARG;
    warc_reader *r = warc_open_prefixed(fd, o.max_payload, o.head, o.head_len);
    return warc_wrap(r, o.name ? o.name : WARC_STREAM_NAME, -1, reader);
}

lede_status lede_warc_open_read(lede_warc_read_fn read_fn, void *ctx,
                                const lede_warc_options *opt, lede_warc **reader) {
    if (!reader)
        return LEDE_ERR_INVALID_ARG;
    *reader = NULL;
    lede_warc_options o;
    lede_status st = warc_options_resolve(opt, &o);
    if (st != LEDE_OK)
        return st;
    if (!read_fn)
        return LEDE_ERR_INVALID_ARG;
    warc_reader *r = warc_open_read(read_fn, ctx, o.max_payload, o.head, o.head_len);
    return warc_wrap(r, o.name ? o.name : WARC_STREAM_NAME, -1, reader);
}

lede_status lede_warc_open_path(const char *path, const lede_warc_options *opt,
                                lede_warc **reader) {
    if (!reader)
        return LEDE_ERR_INVALID_ARG;
    *reader = NULL;
    lede_warc_options o;
    lede_status st = warc_options_resolve(opt, &o);
    if (st != LEDE_OK)
        return st;
    if (!path)
        return LEDE_ERR_INVALID_ARG;
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return LEDE_ERR_IO;
    /* The head of lede_warc_options is for streams already read from; a
     * file opened here starts at its first byte. */
    warc_reader *r = warc_open(fd, o.max_payload);
    st = warc_wrap(r, o.name ? o.name : path, fd, reader);
    if (st != LEDE_OK)
        close(fd);
    return st;
}

/* "NAME:OFFSET", malloc'd. */
static char *record_source(const char *name, uint64_t offset) {
    enum { OFFSET_DIGITS = 20 }; /* UINT64_MAX has 20 */
    size_t size = strlen(name) + 1 + OFFSET_DIGITS + 1;
    char *source = malloc(size);
    if (source)
        snprintf(source, size, "%s:%" PRIu64, name, offset);
    return source;
}

lede_status lede_warc_next(lede_warc *w, lede_warc_record **record) {
    if (!record)
        return LEDE_ERR_INVALID_ARG;
    *record = NULL;
    if (!w)
        return LEDE_ERR_INVALID_ARG;
    warc_page page;
    warc_outcome outcome = warc_next(w->reader, &page);
    if (outcome == WARC_END)
        return LEDE_OK;
    lede_warc_record *rec = calloc(1, sizeof *rec);
    char *source = rec ? record_source(w->name, page.offset) : NULL;
    if (!source) {
        free(rec);
        warc_page_release(&page);
        return LEDE_ERR_NOMEM;
    }
    rec->page = page;
    rec->damaged = outcome == WARC_DAMAGED;
    rec->source = source;
    *record = rec;
    return LEDE_OK;
}

void lede_warc_close(lede_warc *w) {
    if (!w)
        return;
    warc_close(w->reader);
    if (w->owned_fd >= 0)
        close(w->owned_fd);
    free(w->name);
    free(w);
}

const char *lede_warc_record_error(const lede_warc_record *rec) {
    return rec && rec->damaged ? rec->page.message : NULL;
}

const char *lede_warc_record_source(const lede_warc_record *rec) {
    return rec ? rec->source : NULL;
}

unsigned long long lede_warc_record_offset(const lede_warc_record *rec) {
    return rec ? rec->page.offset : 0;
}

const char *lede_warc_record_target_uri(const lede_warc_record *rec) {
    return rec ? rec->page.target_uri : NULL;
}

const char *lede_warc_record_date(const lede_warc_record *rec) {
    return rec ? rec->page.date : NULL;
}

const char *lede_warc_record_id(const lede_warc_record *rec) {
    return rec ? rec->page.record_id : NULL;
}

const char *lede_warc_record_charset(const lede_warc_record *rec) {
    return rec ? rec->page.charset : NULL;
}

const char *lede_warc_record_payload(const lede_warc_record *rec, size_t *len) {
    if (len)
        *len = rec && !rec->damaged ? rec->page.len : 0;
    return rec && !rec->damaged ? rec->page.html : NULL;
}

lede_status lede_warc_record_extract(const lede_warc_record *rec, const lede_options *opt,
                                     lede_result **result) {
    if (!result)
        return LEDE_ERR_INVALID_ARG;
    *result = NULL;
    if (!rec || rec->damaged)
        return LEDE_ERR_INVALID_ARG;
    lede_options o;
    lede_status st = options_resolve(opt, &o);
    if (st != LEDE_OK)
        return st;
    /* The caller's url and encoding are the user's word and win. The
     * record's charset is the server's label, which may be a default it
     * sent unasked: the decoder weighs it against the bytes, as it never
     * does a caller's encoding. */
    if (!o.url)
        o.url = rec->page.target_uri;
    if (!o.encoding) {
        o.encoding = rec->page.charset;
        o.encoding_from_transport = 1;
    }
    return lede_extract(rec->page.html, rec->page.len, &o, result);
}

void lede_warc_record_free(lede_warc_record *rec) {
    if (!rec)
        return;
    warc_page_release(&rec->page);
    free(rec->source);
    free(rec);
}

int lede_warc_sniff(const void *head, size_t len) {
    return head && warc_bytes_look_like_warc(head, len);
}

int lede_warc_sniff_path(const char *path) {
    return path && warc_file_looks_like_warc(path);
}
