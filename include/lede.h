/*
 * lede.h — the whole public contract of liblede.
 *
 * lede turns the bytes of a news or article web page into the article: a clean
 * body (plain text, Markdown or HTML) and its metadata. One call does all of
 * it:
 *
 *     lede_options opt;
 *     lede_options_init(&opt);   (sets opt.size, then the defaults)
 *     lede_result *res = NULL;
 *     lede_status st = lede_extract(bytes, len, &opt, &res);
 *     if (st == LEDE_OK) puts(lede_result_string(res, LEDE_FIELD_BODY));
 *     else fprintf(stderr, "%s\n", lede_strerror(st));
 *     lede_result_free(res);
 *
 * The library keeps no global mutable state: any number of threads may call
 * lede_extract() at once, each with its own options and result. The one-time
 * initialisation of the HTML parser happens behind pthread_once.
 *
 * A result is opaque: its fields are read with lede_result_string() and
 * its neighbours. Every string in it is UTF-8, NUL-terminated and owned by
 * the result; a field the page does not carry is NULL.
 *
 * Growing without breaking callers: each options structure opens with its
 * own size, which its _init function fills in from the caller's header.
 * A library newer than the caller reads only the members the caller knew
 * and takes its defaults for the rest; a library older than the caller
 * accepts members it does not know only while they are zero (their
 * defaults), and answers LEDE_ERR_INVALID_ARG otherwise. LEDE_VERSION_NUM
 * is the version a program was compiled against, lede_version() the one it
 * runs with.
 *
 * Web archives: lede_warc_open_*() reads a WARC file (plain, or gzip'ed a
 * record a member as Common Crawl ships them) and hands out its HTML
 * responses one at a time, each extracted with lede_warc_record_extract().
 */
#ifndef LEDE_H
#define LEDE_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define LEDE_VERSION "0.1.0"
#define LEDE_VERSION_MAJOR 0
#define LEDE_VERSION_MINOR 1
#define LEDE_VERSION_PATCH 0
/* One number that grows with each release: MAJOR * 10000 + MINOR * 100 +
 * PATCH, 100 for 0.1.0. */
#define LEDE_VERSION_NUM \
    (LEDE_VERSION_MAJOR * 10000 + LEDE_VERSION_MINOR * 100 + LEDE_VERSION_PATCH)

#if defined(__GNUC__)
#define LEDE_API __attribute__((visibility("default")))
#else
#define LEDE_API
#endif

typedef enum lede_status {
    LEDE_OK = 0,
    LEDE_ERR_INVALID_ARG, /* a NULL pointer or an option out of range */
    LEDE_ERR_NOMEM,       /* an allocation failed */
    LEDE_ERR_EMPTY,       /* the input has no bytes, or only whitespace */
    LEDE_ERR_TOO_LARGE,   /* the input is larger than options.max_input */
    LEDE_ERR_NOT_HTML,    /* the bytes are binary, not a markup document */
    LEDE_ERR_PARSE,       /* the HTML parser could not build a document */
    LEDE_ERR_NO_ARTICLE,  /* the page parsed, but carries no article text */
    LEDE_ERR_IO,          /* a file could not be opened or read (errno says why) */
    LEDE_STATUS_COUNT
} lede_status;

/* What a result's LEDE_FIELD_BODY holds. */
typedef enum lede_format {
    LEDE_FORMAT_TEXT = 0, /* paragraphs separated by one blank line */
    LEDE_FORMAT_MARKDOWN, /* CommonMark with pipe tables */
    LEDE_FORMAT_HTML      /* the article subtree, semantic tags only */
} lede_format;

/* What to favour when the page leaves a choice (trafilatura's switches). */
typedef enum lede_focus {
    LEDE_FOCUS_BALANCED = 0,
    LEDE_FOCUS_PRECISION, /* leave out anything doubtful: less noise, maybe less text */
    LEDE_FOCUS_RECALL     /* keep anything plausible: all the text, maybe some noise */
} lede_focus;

typedef struct lede_options {
    size_t size;           /* sizeof(lede_options) as the caller compiled it:
                              lede_options_init() sets it; keep it first */
    lede_format format;    /* format of LEDE_FIELD_BODY; LEDE_FIELD_TEXT is plain text */
    const char *url;       /* the page's own address if known, or NULL */
    const char *encoding;  /* a charset hint (HTTP header), or NULL to detect */
    size_t max_input;      /* bytes; larger inputs fail with LEDE_ERR_TOO_LARGE, and so
                              do gzip'ed ones that inflate to more */
    unsigned max_depth;    /* deeper elements are flattened into the one at this depth */
    lede_focus focus;      /* precision or recall, balanced by default */
    int comments;          /* nonzero: the reader comments in LEDE_FIELD_COMMENTS */
    /* Limits (src/lede_limits.h says why each default is what it is; 0 means
     * the default). Going over one sets a LEDE_TRUNCATED_* bit in
     * lede_result_truncated() and keeps what fits. */
    size_t max_nodes;      /* elements and text runs; parsing stops there */
    unsigned max_attrs;    /* attributes per element; later ones are dropped */
    size_t max_attr_len;   /* bytes of an attribute value; longer ones are cut */
    size_t max_output;     /* bytes of any result string; body and text are cut */
    /* Nonzero: encoding is a transport's label (an HTTP Content-Type, a
     * WARC record's) rather than the user's choice. A Latin default there
     * (iso-8859-1, windows-1252, us-ascii) then yields to bytes that are
     * plainly UTF-8; a user's encoding always wins. */
    int encoding_from_transport;
    /* LEDE_OMIT_* bits: what the body leaves out, for corpora that want
     * prose alone. 0 (the default) leaves nothing out. */
    unsigned omit;
} lede_options;

/* Bits of lede_options.omit. */
enum {
    LEDE_OMIT_LINKS = 1u << 0,  /* links become their text (markdown, html) */
    LEDE_OMIT_IMAGES = 1u << 1, /* no pictures, and no figures (markdown, html) */
    LEDE_OMIT_TABLES = 1u << 2  /* no tables, their text neither (every format, text too) */
};

/* Bits of lede_result_truncated(): which limit cut the page. */
enum {
    LEDE_TRUNCATED_NODES = 1u << 0,   /* more than max_nodes: the rest was not read */
    LEDE_TRUNCATED_OUTPUT = 1u << 1,  /* a string of the result was cut at max_output */
    LEDE_TRUNCATED_DEPTH = 1u << 2,   /* nested deeper than max_depth: flattened, text kept */
    LEDE_TRUNCATED_ATTRS = 1u << 3,   /* attributes over max_attrs dropped or over
                                         max_attr_len cut */
    LEDE_TRUNCATED_REPAIRS = 1u << 4, /* so much broken markup that repairing it would
                                         take minutes: the rest was not read */
    LEDE_TRUNCATED_JSONLD = 1u << 5   /* a JSON-LD block over 16 MB, or past the 16th,
                                         was not read: its metadata may be missing */
};

/* A result: the article and the page's metadata, read through the
 * functions below. Its layout is private, so that fields can be added
 * without breaking programs built against an older lede.h. */
typedef struct lede_result lede_result;

/* The fields of a result. Each is named after its key in `lede --format
 * json` (lede_field_name()). New fields are only ever added before
 * LEDE_FIELD_COUNT, so a field's number never changes. */
typedef enum lede_field {
    LEDE_FIELD_BODY = 0,    /* the article in options.format */
    LEDE_FIELD_TEXT,        /* the article as plain text */
    LEDE_FIELD_TITLE,       /* the headline */
    LEDE_FIELD_AUTHOR,      /* the people who wrote it: a string, the names
                               "; "-joined, and a list, the names one by one */
    LEDE_FIELD_DATE,        /* publication date, ISO 8601 */
    LEDE_FIELD_MODIFIED,    /* last modification date, ISO 8601 */
    LEDE_FIELD_SITENAME,    /* the publisher */
    LEDE_FIELD_DESCRIPTION, /* the page's summary of itself */
    LEDE_FIELD_LANGUAGE,    /* BCP 47 tag, e.g. "en" or "pt-BR" */
    LEDE_FIELD_URL,         /* canonical address */
    LEDE_FIELD_IMAGE,       /* lead image address */
    LEDE_FIELD_SECTION,     /* section or category */
    LEDE_FIELD_TAGS,        /* keywords: a list only */
    LEDE_FIELD_TYPE,        /* what the page is: "article", "blog post", "video",
                               "listing", ... */
    LEDE_FIELD_COMMENTS,    /* reader comments as plain text (options.comments) */
    LEDE_FIELD_COUNT
} lede_field;

/* The key of FIELD in `lede --format json` ("body", "title", "sitename",
 * ...); NULL for a number that is not a field. */
LEDE_API const char *lede_field_name(lede_field field);

/* The field whose key is NAME, or -1 when this lede has no such field: a
 * binding looks its fields up by name, and so works with a library older
 * or newer than itself. */
LEDE_API int lede_field_lookup(const char *name);

/* The string FIELD of RESULT: UTF-8, NUL-terminated, owned by the result;
 * NULL when the page does not carry it, for a list-only field
 * (LEDE_FIELD_TAGS), and when RESULT is NULL. */
LEDE_API const char *lede_result_string(const lede_result *result, lede_field field);

/* The list FIELD of RESULT (LEDE_FIELD_AUTHOR, LEDE_FIELD_TAGS): how many
 * entries, and entry INDEX (owned by the result; NULL past the end). A
 * field that is not a list has none. */
LEDE_API size_t lede_result_count(const lede_result *result, lede_field field);
LEDE_API const char *lede_result_item(const lede_result *result, lede_field field,
                                      size_t index);

/* Where metadata FIELD of RESULT was read from, for callers that weigh
 * fields by their provenance: NULL when the field is empty or is not
 * metadata (body, text, comments), else one of these static strings:
 *   "json-ld"    schema.org JSON-LD        "og"        OpenGraph, article:*
 *   "microdata"  itemprop                  "dc"        Dublin Core
 *   "meta"       <meta name>, http-equiv   "twitter"   twitter:*
 *   "vendor"     parsely-*, sailthru.*, citation_*
 *   "link"       <link rel=...>            "title"     the <title> element
 *   "html"       <html lang>               "visible"   headline, byline, <time>,
 *                                                      a date line in the text
 *   "url"        the page's address        "detected"  guessed from the text */
LEDE_API const char *lede_result_source(const lede_result *result, lede_field field);

/* 0..1: how sure lede is that the body is the article (0 without one). */
LEDE_API double lede_result_confidence(const lede_result *result);

/* 0, or the LEDE_TRUNCATED_* bits of the limits the page hit. */
LEDE_API unsigned lede_result_truncated(const lede_result *result);

/* Fill OPT with the defaults: its size, text body, no hints, the limits of
 * lede_limits.h. A static inline function, so that the size is the
 * caller's sizeof; the defaults themselves come from the library.
 * lede_options_defaults() is what it calls, for bindings that cannot call
 * an inline function (ctypes, cffi): SIZE is the size of their structure,
 * at least that of lede 0.1.0's (nothing is written otherwise). */
LEDE_API void lede_options_defaults(lede_options *opt, size_t size);
static inline void lede_options_init(lede_options *opt) {
    lede_options_defaults(opt, sizeof *opt);
}

/* LEDE_VERSION_NUM of the library the program runs with. */
LEDE_API int lede_version(void);

/* Extract the article from LEN bytes of HTML. On LEDE_OK *RESULT is set and
 * must be released with lede_result_free(). On LEDE_ERR_NO_ARTICLE it is set
 * too, and must be released as well: the page's metadata (title, site name,
 * type "listing" for an index page, or "page"), with body and text NULL and
 * confidence 0. On any other status *RESULT is NULL. OPT may be NULL for the
 * defaults. */
LEDE_API lede_status lede_extract(const char *html, size_t len, const lede_options *opt,
                         lede_result **result);

LEDE_API void lede_result_free(lede_result *result);

/* Optional. lede loads some data on first use, once per process: the
 * language profiles (libexttextcat, some tens of milliseconds) when a page
 * declares no language, its vocabulary index and the index of month
 * names in other languages than English. This loads them now, so
 * that a batch on several threads can load them on a thread of its own
 * while the first pages are extracted, rather than having every thread
 * wait for the one that loads. Thread-safe; later calls do nothing. */
LEDE_API void lede_preload(void);

/* Nonzero when lede can decode the encoding LABEL names (a WHATWG label
 * such as "utf-8", "latin1" or "shift_jis", a charset iconv knows, or a
 * Content-Type value with a charset= parameter naming one); for callers
 * that check a user's lede_options.encoding before a batch, since
 * lede_extract() itself falls back to detection on a label it cannot use. */
LEDE_API int lede_encoding_known(const char *label);

/* A sentence that names the cause of STATUS; never NULL. */
LEDE_API const char *lede_strerror(lede_status status);

/* ---- web archives ----------------------------------------------------------
 *
 * A reader goes through a WARC file (WARC/1.0 or 1.1, ISO 28500) once, front
 * to back, holding one record in memory whatever the file's size, and hands
 * out a record for each HTML page — a `response` whose HTTP status is 200
 * and whose Content-Type is HTML (or absent, over bytes that open with
 * markup), the chunked transfer coding and any gzip or deflate content
 * coding undone — and for each damaged record or stretch of the file.
 * Requests, metadata, redirects, errors and non-HTML responses are passed
 * over in silence. A damaged record (a header that is not WARC, a record
 * cut short, bytes between records, a gzip member that does not inflate or
 * fails its CRC) is reported once, with its offset, and reading goes on at
 * the next record: the next gzip member of a .warc.gz, the next "WARC/1.x"
 * version line of a plain file.
 *
 *     lede_warc *warc;
 *     if (lede_warc_open_path("crawl.warc.gz", NULL, &warc) != LEDE_OK) ...
 *     lede_warc_record *rec;
 *     while (lede_warc_next(warc, &rec) == LEDE_OK && rec) {
 *         if (lede_warc_record_error(rec))
 *             fprintf(stderr, "%s: %s\n", lede_warc_record_source(rec),
 *                     lede_warc_record_error(rec));
 *         else if (lede_warc_record_extract(rec, NULL, &res) == LEDE_OK) ...
 *         lede_warc_record_free(rec);
 *     }
 *     lede_warc_close(warc);
 *
 * A reader is used by one thread at a time; a record is independent of its
 * reader (it may outlive it) and may go to any thread. */

/* How many first bytes lede_warc_sniff() needs: enough for a gzip header
 * with a file name and the first deflate block's start. */
#define LEDE_WARC_SNIFF_SIZE 4096

typedef struct lede_warc lede_warc;
typedef struct lede_warc_record lede_warc_record;

typedef struct lede_warc_options {
    size_t size;        /* sizeof(lede_warc_options): lede_warc_options_init()
                           sets it; keep it first */
    size_t max_payload; /* bytes; a larger HTTP payload, before or after
                           inflating, is a damaged record, and no record is
                           held beyond about this size. 0: the default of
                           lede_options.max_input */
    const char *name;   /* how records name the input in their source,
                           "NAME:OFFSET"; NULL: the path given to
                           lede_warc_open_path(), else "-". Copied. */
    const void *head;   /* bytes already read from the stream (to sniff it),
                           at most LEDE_WARC_SNIFF_SIZE, taken as its first
                           bytes; or NULL. Copied. */
    size_t head_len;
} lede_warc_options;

/* Fill OPT with the defaults (as lede_options_init; the function is for
 * bindings). */
LEDE_API void lede_warc_options_defaults(lede_warc_options *opt, size_t size);
static inline void lede_warc_options_init(lede_warc_options *opt) {
    lede_warc_options_defaults(opt, sizeof *opt);
}

/* The reader's source of bytes: up to CAP bytes into BUF; the count read,
 * 0 at the end of the stream, or -1 on an error with errno set. */
typedef long long (*lede_warc_read_fn)(void *ctx, void *buf, size_t cap);

/* Open a reader on the file at PATH (closed by lede_warc_close), on the
 * descriptor FD (which stays the caller's to close; a regular file is
 * read from its current position), or on READ called with CTX. A plain
 * file and a .warc.gz are told apart by the first bytes. OPT may be NULL
 * for the defaults. LEDE_ERR_IO (errno set) when PATH cannot be opened;
 * LEDE_ERR_INVALID_ARG, LEDE_ERR_NOMEM. On success *READER must be closed
 * with lede_warc_close(); otherwise it is NULL. A plain file that can be
 * seeked (a path, or an FD of a regular file) also recovers from a record
 * whose Content-Length lies, by looking where it says the record ends. */
LEDE_API lede_status lede_warc_open_path(const char *path, const lede_warc_options *opt,
                                         lede_warc **reader);
LEDE_API lede_status lede_warc_open_fd(int fd, const lede_warc_options *opt,
                                       lede_warc **reader);
LEDE_API lede_status lede_warc_open_read(lede_warc_read_fn read, void *ctx,
                                         const lede_warc_options *opt, lede_warc **reader);

/* The next HTML response or damaged record into *RECORD, to be released
 * with lede_warc_record_free(); *RECORD is NULL at the end of the file.
 * LEDE_OK, or LEDE_ERR_INVALID_ARG, LEDE_ERR_NOMEM (with *RECORD NULL). */
LEDE_API lede_status lede_warc_next(lede_warc *reader, lede_warc_record **record);

LEDE_API void lede_warc_close(lede_warc *reader);

/* What is wrong with a damaged record, a sentence; NULL for a page. */
LEDE_API const char *lede_warc_record_error(const lede_warc_record *record);
/* "NAME:OFFSET": the input (lede_warc_options.name) and the offset. */
LEDE_API const char *lede_warc_record_source(const lede_warc_record *record);
/* The byte offset in the file of the record, or in a .warc.gz of its gzip
 * member, which is where a reader can seek straight to it. */
LEDE_API unsigned long long lede_warc_record_offset(const lede_warc_record *record);
/* The WARC-Target-URI (without the <> some WARC/1.0 writers put around
 * it), WARC-Date, WARC-Record-ID, and the charset parameter of the HTTP
 * Content-Type; NULL when the record does not carry it (and for a
 * damaged record). */
LEDE_API const char *lede_warc_record_target_uri(const lede_warc_record *record);
LEDE_API const char *lede_warc_record_date(const lede_warc_record *record);
LEDE_API const char *lede_warc_record_id(const lede_warc_record *record);
LEDE_API const char *lede_warc_record_charset(const lede_warc_record *record);
/* The page's bytes, as the server sent them once the HTTP codings are
 * undone (the charset is not), *LEN of them, not NUL-terminated; NULL for
 * a damaged record. */
LEDE_API const char *lede_warc_record_payload(const lede_warc_record *record, size_t *len);

/* lede_extract() of the record's page, with OPT (NULL for the defaults)
 * as the caller's word: the record's target URI stands in for a NULL
 * OPT->url, and its HTTP charset for a NULL OPT->encoding, as a
 * transport's label (encoding_from_transport). LEDE_ERR_INVALID_ARG for a
 * damaged record. */
LEDE_API lede_status lede_warc_record_extract(const lede_warc_record *record,
                                              const lede_options *opt, lede_result **result);

LEDE_API void lede_warc_record_free(lede_warc_record *record);

/* Do the first LEN bytes of a stream at HEAD start like a WARC file:
 * "WARC/1.", or a gzip member that inflates to it? LEN up to
 * LEDE_WARC_SNIFF_SIZE is what the answer needs. */
LEDE_API int lede_warc_sniff(const void *head, size_t len);

/* Does the regular file at PATH start like a WARC file (as above)? 0 for
 * anything else: pipes, FIFOs (a look would eat their first bytes), what
 * cannot be opened or read. */
LEDE_API int lede_warc_sniff_path(const char *path);

#ifdef __cplusplus
}
#endif

#endif
