/*
 * output.h — how the lede command writes what it extracted.
 *
 * main.c finds the inputs, reads them and calls the library; everything that
 * reaches stdout (and the per-input error lines on stderr) goes through here,
 * so the shape of a batch — separators, the JSON array around several
 * records, one record per input whatever happened — lives in one place.
 *
 * A write to stdout that fails (EPIPE, ENOSPC, ...) is remembered in the
 * output and turns every later call into a no-op; the caller stops the batch
 * and exits 1.
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

typedef struct output {
    output_format format;
    bool as_array;      /* OUTPUT_JSON: the records go in one array */
    size_t written;     /* articles and records written so far */
    bool write_failed;  /* a write to stdout failed; see write_errno */
    int write_errno;
} output;

/* Parse a --format value; false when NAME is none of the five. */
bool output_format_parse(const char *name, output_format *format);

/* The body format to ask the library for: the JSON records carry the
 * plain text whatever is asked. */
lede_format output_library_format(output_format format);

void output_begin(output *out, output_format format, bool as_array);

/* One input that gave an article. SOURCE is the path as given ("-" for
 * stdin). Returns false when the record could not be built (out of memory);
 * the caller then reports the input as an error. */
bool output_article(output *out, const char *source, const lede_result *res);

/* One input that gave no article: a record {"source", "error"} in the JSON
 * formats, a line "lede: SOURCE: MESSAGE" on stderr in the others. */
void output_error(output *out, const char *source, const char *message);

/* Close the array if any and flush stdout. False when any write failed. */
bool output_end(output *out);

#endif
