/*
 * warc/api.c — lede_warc_* (include/lede.h): the reader of warc.h behind
 * opaque handles, each record with the name of its file and its offset
 * ("NAME:OFFSET"), which is what a caller needs to find it again.
 *
 * A record's extraction uses its target URI and its HTTP charset unless
 * the caller gives a url or an encoding: the caller's word wins, and the
 * server's label is weighed against the bytes (decode/choose.c).
 */
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lede.h"
#include "options.h"
#include "warc.h"

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

/* What every opening does first: *READER cleared (it is NULL on every
 * failure), OPT resolved into *O. */
static lede_status open_options(const lede_warc_options *opt, lede_warc_options *o,
                                lede_warc **reader) {
    if (!reader)
        return LEDE_ERR_INVALID_ARG;
    *reader = NULL;
    return warc_options_resolve(opt, o);
}

/* The name records are given when the options give none. */
#define WARC_STREAM_NAME "-"

lede_status lede_warc_open_fd(int fd, const lede_warc_options *opt, lede_warc **reader) {
    lede_warc_options o;
    lede_status st = open_options(opt, &o, reader);
    if (st != LEDE_OK)
        return st;
    if (fd < 0)
        return LEDE_ERR_INVALID_ARG;
    warc_reader *r = warc_open_prefixed(fd, o.max_payload, o.head, o.head_len);
    return warc_wrap(r, o.name ? o.name : WARC_STREAM_NAME, -1, reader);
}

lede_status lede_warc_open_read(lede_warc_read_fn read_fn, void *ctx,
                                const lede_warc_options *opt, lede_warc **reader) {
    lede_warc_options o;
    lede_status st = open_options(opt, &o, reader);
    if (st != LEDE_OK)
        return st;
    if (!read_fn)
        return LEDE_ERR_INVALID_ARG;
    warc_reader *r = warc_open_read(read_fn, ctx, o.max_payload, o.head, o.head_len);
    return warc_wrap(r, o.name ? o.name : WARC_STREAM_NAME, -1, reader);
}

lede_status lede_warc_open_path(const char *path, const lede_warc_options *opt,
                                lede_warc **reader) {
    lede_warc_options o;
    lede_status st = open_options(opt, &o, reader);
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
