/*
 * output.h — how the lede command writes what it extracted.
 *
 * The rest of the command finds the inputs, reads them and calls the
 * library (main.c names its files); everything that reaches stdout (and
 * the per-input error lines on stderr) goes through here, so the shape of
 * a batch — separators, the JSON array around several records, one record
 * per input whatever happened — lives in one place.
 *
 * Writing one input is two steps so that pages can be extracted on several
 * threads and still come out in input order: output_build_article() or
 * output_build_error() turn an input's outcome into an output_record — the
 * finished bytes, built by whichever thread extracted the page and touching
 * nothing shared — and output_write(), on the one thread that owns stdout,
 * adds what depends on the records before it (separators) and writes them.
 *
 * A write to stdout that fails (EPIPE, ENOSPC, ...) is remembered in the
 * output and turns every later write into a no-op; the caller stops the
 * batch and exits 1.
 */
#ifndef LEDE_CLI_OUTPUT_H
#define LEDE_CLI_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>

#include "lede.h"

typedef enum output_format {
    OUTPUT_TEXT,     /* result->body, plain text */
    OUTPUT_MARKDOWN, /* result->body, CommonMark */
    OUTPUT_HTML,     /* result->body, semantic HTML */
    OUTPUT_JSON,     /* one pretty object, or an array of them */
    OUTPUT_JSONL     /* one compact object per line */
} output_format;

/* What a record looks like; fixed at output_begin(), read by every thread. */
typedef struct output_layout {
    output_format format;
    bool as_array; /* OUTPUT_JSON: the records go in one array */
    bool named;    /* text, markdown, html of a batch: a header names each body */
    /* --body: OUTPUT_MARKDOWN or OUTPUT_HTML puts that body in each JSON
     * record beside "text", as "body"; OUTPUT_TEXT (the default) none */
    output_format body;
    /* --with-metadata: a text or Markdown body opens with YAML front matter
     * and the headline */
    bool with_metadata;
} output_layout;

typedef struct output {
    output_layout layout;
    size_t written;     /* articles and records written so far */
    bool write_failed;  /* a write to stdout failed; see write_errno */
    int write_errno;
    const char *dir;    /* --output-dir: one file per article there, or NULL */
    bool force;         /* --force: a file of the same name is overwritten */
    size_t files_failed; /* articles whose file could not be written */
} output;

/* Room for an error sentence: a fixed prefix and strerror()'s text. */
#define OUTPUT_MESSAGE_SIZE 256

/* One input's output, ready to write. BYTES (malloc'd) go to stdout: a body
 * with its newline, or a JSON record. When BYTES is NULL the input prints
 * nothing on stdout and, if it FAILED or had NO_ARTICLE, "lede: SOURCE:
 * MESSAGE" on stderr. */
typedef struct output_record {
    char *bytes;
    size_t len;
    bool failed;     /* the input was lost: unreadable, not HTML, too large, ... */
    bool no_article; /* the page was read and holds no article (a listing) */
    char message[OUTPUT_MESSAGE_SIZE];
    char *file_name; /* --output-dir: the file for BYTES (malloc'd), or NULL */
} output_record;

/* Parse a --format value; false when NAME is none of the five. */
bool output_format_parse(const char *name, output_format *format);

/* The body format to ask the library for: FORMAT's, or for the JSON
 * records (which carry the plain text whatever is asked) BODY's (--body). */
lede_format output_library_format(output_format format, output_format body);

/* Start the output. BATCH: the command line names several inputs, a
 * directory or a web archive; the JSON records then go in one array, and
 * each text, Markdown or HTML body follows a header naming its input:
 * "==> SOURCE <==" on a line of its own (as head(1) names files), for html
 * inside a comment, "<!-- ==> SOURCE <== -->". */
void output_begin(output *out, output_format format, bool batch);

/* The record of an input that gave an article. SOURCE is the path as given
 * ("-" for stdin). When the record cannot be built (out of memory) REC is
 * the error record of that instead. Safe to call from any thread. */
void output_build_article(output_layout layout, const char *source, const lede_result *res,
                          output_record *rec);

/* Where in a web archive a page came from (lede_warc_record_*); each may be NULL. */
typedef struct output_warc {
    const char *target_uri; /* WARC-Target-URI */
    const char *record_id;  /* WARC-Record-ID */
    const char *date;       /* WARC-Date */
} output_warc;

/* output_build_article() for a page read from a WARC file: the JSON record
 * ends with warc_target_uri, warc_record_id and warc_date. */
void output_build_warc_article(output_layout layout, const char *source, const lede_result *res,
                               const output_warc *warc, output_record *rec);

/* The record of a page that was read but holds no article (RES: its
 * metadata, text NULL; WARC may be NULL): in the JSON formats the metadata
 * record with "error" and "text": null, in the others a line for stderr.
 * Not a failure. Safe from any thread. */
void output_build_no_article(output_layout layout, const char *source, const lede_result *res,
                             const output_warc *warc, output_record *rec);

/* The same for an article that a filter (filters.h) turned away, MESSAGE
 * saying why: its metadata with "error" and "text": null. */
void output_build_rejected(output_layout layout, const char *source, const lede_result *res,
                           const output_warc *warc, const char *message, output_record *rec);

/* The record of an input that was lost (unreadable, not HTML, too large,
 * out of memory): {"source", "error"} in the JSON formats, a line for
 * stderr in the others. Safe from any thread. */
void output_build_error(output_layout layout, const char *source, const char *message,
                        output_record *rec);

/* Write every article to a file of its own in DIR (which exists) rather
 * than to stdout; with FORCE a file already there is overwritten, without
 * it that input gives an error line and its file is left as it was. Lost
 * inputs and pages without an article give their "lede: SOURCE: message"
 * line on stderr in every format. Call before the first output_write(). */
void output_to_dir(output *out, const char *dir, bool force);

/* The name of SOURCE's file in an output directory, malloc'd (NULL when out
 * of memory): for a page the path without its extension, every '/' made
 * '_' ("crawl/a/index.html" gives "crawl_a_index.md"); for a WARC record
 * (WARC_URI not NULL) the target URI without its scheme, then '-' and the
 * record's offset; "-" gives "stdin". Bytes that would not do in a file
 * name become '_', a leading '.' gets a '_' before it, the stem is cut at
 * OUTPUT_NAME_STEM bytes, and the extension is the format's. */
char *output_file_name(const char *source, const char *warc_uri, output_format format);

/* Bytes of a file name's stem: the offset and extension still fit under
 * NAME_MAX (255) after it. */
#define OUTPUT_NAME_STEM 200

/* Write REC, the next input's record in input order, and free its bytes.
 * Only from the thread that owns stdout. */
void output_write(output *out, const char *source, output_record *rec);

/* Free REC's bytes without writing them. */
void output_record_free(output_record *rec);

/* Close the array if any and flush stdout. False when any write failed. */
bool output_end(output *out);

#endif
