/*
 * warc/internal.h — what the files of the WARC reader share: the reader's
 * state and the functions one layer offers the next. reader.c's opening
 * comment explains the layers and the recovery; the files are
 *
 *   stream.c   the source and the window: raw bytes, a plain file's or a
 *              gzip member's inflated bytes, the window over them
 *   members.c  a .warc.gz's gzip members: opening the next, resyncing
 *              after damage
 *   headers.c  the syntax of a header block, WARC's and HTTP's alike
 *   record.c   one WARC record: its header, its block, a block too large
 *   http.c     the HTTP response inside a record, down to its HTML
 *   reader.c   the reader's life and its loop over records (warc.h)
 *   api.c      lede_warc_* (include/lede.h) around it
 */
#ifndef LEDE_WARC_INTERNAL_H
#define LEDE_WARC_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <zlib.h>

#include "warc.h"

/* Compressed bytes read from the file at a time (.warc.gz): large enough
 * for few system calls, small next to a record. */
#define RAW_BUFFER_SIZE ((size_t)64 << 10)

/* Longest WARC header and longest HTTP header block accepted. Real ones are
 * well under 4 KiB (a dozen fields and a URI); 64 KiB leaves room for long
 * cookies and URIs while keeping a header that never ends from being read
 * into memory. */
#define WARC_MAX_HEADER ((size_t)64 << 10)
#define HTTP_MAX_HEADER ((size_t)64 << 10)

/* What every record, and so every WARC file, starts with. */
#define WARC_MAGIC "WARC/1."
#define WARC_MAGIC_LEN (sizeof WARC_MAGIC - 1)

/* The longest version line: "WARC/1.0\r\n". */
#define VERSION_LINE_MAX (WARC_MAGIC_LEN + 3)

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

/* A span of a record: START bytes after the record's first byte. */
typedef struct span {
    size_t start, len;
} span;

/* What a record turned out to be. */
typedef enum record_kind { RECORD_PAGE, RECORD_SKIPPED, RECORD_DAMAGED } record_kind;

/* The outcome of reading at the window's position. */
typedef enum read_outcome {
    READ_PAGE,
    READ_SKIPPED,
    READ_DAMAGED_HEADER, /* resume the scan after the record's first byte */
    READ_DAMAGED_BLOCK,  /* resume the scan after the record's header */
    READ_DAMAGED_AFTER,  /* the record was consumed; resume where we are */
    READ_SEGMENT_OVER
} read_outcome;

/* ---- stream.c ---- */

/* Read more of the file into raw, keeping raw[raw_pos..]; false at the end
 * of the file or on a read error (raw_errno). */
bool raw_refill(warc_reader *r);

/* Put the raw read position at file offset OFFSET, at or before where it
 * is; on a pipe it stays. */
void raw_seek_back(warc_reader *r, uint64_t offset);

/* The segment failed: WHAT, and DETAIL after a colon when there is one. */
void segment_fail(warc_reader *r, const char *what, const char *detail);

static inline size_t win_avail(const warc_reader *r) {
    return r->win_len - r->win_pos;
}

/* Make NEED bytes of the segment available at win + win_pos; false when
 * the segment ends (or fails, or memory runs out) first. */
bool win_fill(warc_reader *r, size_t need);

/* Let go of the window's bytes; the next ones come from the segment. */
void win_drop(warc_reader *r);

/* Consume N bytes of the segment without holding them; false when the
 * segment ends first. */
bool win_skip(warc_reader *r, uint64_t n);

/* Is B (with N bytes after it) a WARC version line? */
bool is_version_line(const unsigned char *b, size_t n);

/* Plain file: consume up to the next WARC version line, or to the end. */
void plain_resync(warc_reader *r);

/* ---- members.c ---- */

/* Open the next gzip member. WARC_PAGE when one is open, WARC_END at the
 * end of the file, WARC_DAMAGED (PAGE says why) when bytes that are no
 * member stand between. */
warc_outcome member_next(warc_reader *r, warc_page *page);

/* Leave the damaged member: drain it, or resync from just after its start. */
void member_abandon(warc_reader *r);

/* ---- headers.c ---- */

/* The length of B's header block, through the blank line that ends it;
 * false when N bytes hold no blank line. */
bool header_end(const unsigned char *b, size_t n, size_t *end);

/* Whether the LEN bytes at NAME are LITERAL, in any letter case. */
bool name_is(const unsigned char *name, size_t len, const char *literal);

/* Called for each "Name: value" line of a header, the value trimmed and
 * given by its offset VALUE_AT in the header and its length. */
typedef void field_fn(void *ctx, const unsigned char *name, size_t name_len, size_t value_at,
                      size_t value_len);

void each_field(const unsigned char *b, size_t n, field_fn *field, void *ctx);

/* ---- http.c ---- */

/* The HTML page inside the HTTP response B[0, N), into PAGE->html. */
record_kind http_response(const warc_reader *r, const unsigned char *b, size_t n,
                          warc_page *page);

/* ---- record.c ---- */

/* Read the record at the window's position into PAGE. */
read_outcome read_record(warc_reader *r, warc_page *page);

#endif
