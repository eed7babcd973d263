/*
 * warc.h — a streaming reader of the HTML responses in a WARC file.
 *
 * Web archives (WARC/1.0 and 1.1, ISO 28500) are how crawls are shipped:
 * Common Crawl's are files of about a gigabyte, each record gzip'ed as a
 * member of its own. The reader goes through such a file once, front to
 * back, and hands out one HTML page at a time — the payload of a `response`
 * record whose HTTP status is 200 and whose Content-Type is HTML, with the
 * chunked transfer coding and any gzip/deflate content coding undone — so
 * that memory holds one record whatever the size of the file. Requests,
 * metadata, redirects, errors and images are passed over in silence.
 *
 * A damaged record (a header that is not WARC, a record cut short, bytes
 * between records, a gzip member that does not inflate) is reported once,
 * with its offset, and reading goes on with the next record: the next gzip
 * member of a .warc.gz, the next "WARC/1.x" version line of a plain one.
 *
 * The reader is used by one thread at a time; what it hands out is owned by
 * the caller and may go to any thread. The public face of this reader is
 * lede_warc_* (include/lede.h), in warc/api.c.
 */
#ifndef LEDE_WARC_H
#define LEDE_WARC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "lede.h"

/* How many first bytes tell a WARC file: enough for a gzip header with a
 * file name and the first deflate block's start. */
#define WARC_SNIFF_SIZE LEDE_WARC_SNIFF_SIZE

/* Room for the sentence that says what is wrong with a damaged record. */
#define WARC_MESSAGE_SIZE 256

typedef enum warc_outcome {
    WARC_END = 0, /* the file is over */
    WARC_PAGE,    /* an HTML response: page->html and its headers */
    WARC_DAMAGED  /* a damaged record or stretch: page->message says what */
} warc_outcome;

/* One HTML response, or one damaged record. The strings are malloc'd, owned
 * by the caller (warc_page_release), NULL when the record does not carry
 * them. */
typedef struct warc_page {
    uint64_t offset;  /* byte offset in the file of the record, or of its
                         gzip member in a .warc.gz */
    char *html;       /* the HTTP payload, undecoded charset, not NUL-ended */
    size_t len;
    char *target_uri; /* WARC-Target-URI */
    char *record_id;  /* WARC-Record-ID, e.g. "<urn:uuid:...>" */
    char *date;       /* WARC-Date, ISO 8601 */
    char *charset;    /* the charset parameter of the HTTP Content-Type */
    char message[WARC_MESSAGE_SIZE]; /* WARC_DAMAGED: what is wrong */
} warc_page;

typedef struct warc_reader warc_reader;

/* A reader of the WARC file open on FD (which stays the caller's to close),
 * plain or gzip'ed, told apart by its first bytes. A payload larger than
 * MAX_PAYLOAD bytes, before or after inflating, is a damaged record, and
 * one record's block is never held in memory beyond about that size. NULL
 * when out of memory. */
warc_reader *warc_open(int fd, size_t max_payload);

/* As warc_open, for a stream whose first LEN bytes (at most
 * WARC_SNIFF_SIZE) were already read from FD into PREFIX, to sniff it: the
 * reader takes them as the file's start. */
warc_reader *warc_open_prefixed(int fd, size_t max_payload, const unsigned char *prefix,
                                size_t len);

/* As warc_open_prefixed, for a stream whose bytes READ gives (called with
 * CTX); such a stream is never seeked. */
warc_reader *warc_open_read(lede_warc_read_fn read, void *ctx, size_t max_payload,
                            const unsigned char *prefix, size_t len);

/* The next HTML response or damaged record into PAGE (zeroed first). */
warc_outcome warc_next(warc_reader *reader, warc_page *page);

void warc_page_release(warc_page *page);

void warc_close(warc_reader *reader);

/* Does the regular file at PATH start like a WARC file: "WARC/1.", or a
 * gzip member that inflates to it? False for anything else (pipes, FIFOs,
 * what cannot be opened or read). */
bool warc_file_looks_like_warc(const char *path);

/* Do the first LEN bytes of a stream at HEAD start like a WARC file (as
 * above)? LEN up to WARC_SNIFF_SIZE is what the answer needs. */
bool warc_bytes_look_like_warc(const unsigned char *head, size_t len);

#endif
