/*
 * output.c — the lede command's writers: text bodies and JSON records.
 *
 * Text, Markdown and HTML print result->body and nothing else, so that the
 * output of one page can be piped straight into another tool; several pages
 * are told apart by one blank line between bodies, and failures go to stderr
 * where they cannot be mistaken for article text.
 *
 * The JSON formats are for machines and batches: every input gives exactly
 * one record, in input order, an article or {"source", "error"}, so a caller
 * can match records to inputs by "source" without counting stderr lines.
 * Records are written with jansson straight into stdout through a dump
 * callback — no copy of the serialised record — and the callback also
 * indents the records of a pretty array, so the array is streamed record by
 * record rather than built in memory for the whole batch.
 *
 * jansson refuses strings that are not UTF-8. The library's fields are
 * UTF-8, but a path given on the command line may be any bytes; such a
 * string is written with U+FFFD for each invalid sequence rather than
 * dropped, so the record still names its input recognisably.
 */
#include "output.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

/* Pretty records: two spaces a level, keys in the order written. */
#define JSON_PRETTY_FLAGS (JSON_INDENT(2) | JSON_PRESERVE_ORDER)
/* JSON Lines: no spaces, no newlines inside a record. */
#define JSON_LINE_FLAGS (JSON_COMPACT | JSON_PRESERVE_ORDER)

static const char *const format_names[] = {
    [OUTPUT_TEXT] = "text",
    [OUTPUT_MARKDOWN] = "markdown",
    [OUTPUT_HTML] = "html",
    [OUTPUT_JSON] = "json",
    [OUTPUT_JSONL] = "jsonl",
};

bool output_format_parse(const char *name, output_format *format) {
    for (size_t i = 0; i < sizeof format_names / sizeof format_names[0]; i++) {
        if (strcmp(name, format_names[i]) == 0) {
            *format = (output_format)i;
            return true;
        }
    }
    return false;
}

lede_format output_library_format(output_format format) {
    switch (format) {
    case OUTPUT_MARKDOWN:
        return LEDE_FORMAT_MARKDOWN;
    case OUTPUT_HTML:
        return LEDE_FORMAT_HTML;
    default:
        return LEDE_FORMAT_TEXT;
    }
}

void output_begin(output *out, output_format format, bool as_array) {
    memset(out, 0, sizeof *out);
    out->format = format;
    out->as_array = format == OUTPUT_JSON && as_array;
    if (out->as_array && fputs("[", stdout) == EOF) {
        out->write_failed = true;
        out->write_errno = errno;
    }
}

static void write_bytes(output *out, const char *bytes, size_t len) {
    if (out->write_failed || len == 0)
        return;
    if (fwrite(bytes, 1, len, stdout) != len) {
        out->write_failed = true;
        out->write_errno = errno;
    }
}

static void write_string(output *out, const char *s) {
    write_bytes(out, s, strlen(s));
}

/* ---- UTF-8 repair for strings jansson would refuse ---- */

/* Length of the valid UTF-8 sequence at S (at most AVAIL bytes), or 0 when
 * it is not one: overlong forms, surrogates and code points above U+10FFFF
 * are invalid, as jansson and RFC 3629 have it. */
static size_t utf8_sequence_length(const unsigned char *s, size_t avail) {
    unsigned char c = s[0];
    size_t need;
    unsigned long cp;
    if (c < 0x80)
        return 1;
    if (c >= 0xc2 && c <= 0xdf) {
        need = 2;
        cp = c & 0x1f;
    } else if (c >= 0xe0 && c <= 0xef) {
        need = 3;
        cp = c & 0x0f;
    } else if (c >= 0xf0 && c <= 0xf4) {
        need = 4;
        cp = c & 0x07;
    } else {
        return 0;
    }
    if (avail < need)
        return 0;
    for (size_t i = 1; i < need; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3f);
    }
    if ((need == 3 && cp < 0x800) || (need == 4 && cp < 0x10000) || cp > 0x10ffff ||
        (cp >= 0xd800 && cp <= 0xdfff))
        return 0;
    return need;
}

/* S with every invalid byte replaced by U+FFFD (3 bytes), malloc'd; NULL
 * when out of memory. */
static char *utf8_repair(const char *s) {
    static const char replacement[] = "\xef\xbf\xbd";
    size_t len = strlen(s);
    if (len > (SIZE_MAX - 1) / 3)
        return NULL;
    char *fixed = malloc(len * 3 + 1);
    if (!fixed)
        return NULL;
    const unsigned char *in = (const unsigned char *)s;
    size_t i = 0, o = 0;
    while (i < len) {
        size_t n = utf8_sequence_length(in + i, len - i);
        if (n) {
            memcpy(fixed + o, in + i, n);
            o += n;
            i += n;
        } else {
            memcpy(fixed + o, replacement, 3);
            o += 3;
            i++;
        }
    }
    fixed[o] = '\0';
    return fixed;
}

/* A JSON string for S, null when S is NULL; NULL only when out of memory. */
static json_t *string_or_null(const char *s) {
    if (!s)
        return json_null();
    json_t *value = json_string(s);
    if (value)
        return value;
    char *fixed = utf8_repair(s);
    if (!fixed)
        return NULL;
    value = json_string(fixed);
    free(fixed);
    return value;
}

/* Set KEY of OBJECT to VALUE (which it takes); false when VALUE is NULL or
 * the set fails, both out of memory. */
static bool set_field(json_t *object, const char *key, json_t *value) {
    return value && json_object_set_new(object, key, value) == 0;
}

static json_t *tags_or_null(const lede_result *res) {
    if (!res->tags || res->tag_count == 0)
        return json_null();
    json_t *tags = json_array();
    if (!tags)
        return NULL;
    for (size_t i = 0; i < res->tag_count; i++) {
        json_t *tag = string_or_null(res->tags[i]);
        if (!tag || json_array_append_new(tags, tag) != 0) {
            json_decref(tags);
            return NULL;
        }
    }
    return tags;
}

static json_t *article_record(const char *source, const lede_result *res) {
    json_t *record = json_object();
    if (!record)
        return NULL;
    bool ok = set_field(record, "source", string_or_null(source)) &&
              set_field(record, "text", string_or_null(res->text)) &&
              set_field(record, "title", string_or_null(res->title)) &&
              set_field(record, "author", string_or_null(res->author)) &&
              set_field(record, "date", string_or_null(res->date)) &&
              set_field(record, "sitename", string_or_null(res->sitename)) &&
              set_field(record, "description", string_or_null(res->description)) &&
              set_field(record, "language", string_or_null(res->language)) &&
              set_field(record, "url", string_or_null(res->url)) &&
              set_field(record, "image", string_or_null(res->image)) &&
              set_field(record, "section", string_or_null(res->section)) &&
              set_field(record, "tags", tags_or_null(res));
    if (!ok) {
        json_decref(record);
        return NULL;
    }
    return record;
}

static json_t *error_record(const char *source, const char *message) {
    json_t *record = json_object();
    if (!record)
        return NULL;
    if (!set_field(record, "source", string_or_null(source)) ||
        !set_field(record, "error", string_or_null(message))) {
        json_decref(record);
        return NULL;
    }
    return record;
}

/* jansson's dump callback. Inside a pretty array every line of a record is
 * indented one more level; jansson escapes newlines inside strings, so each
 * raw '\n' it hands over is a line break of the layout. */
static int dump_to_stdout(const char *buffer, size_t size, void *data) {
    output *out = data;
    if (!out->as_array) {
        write_bytes(out, buffer, size);
        return out->write_failed ? -1 : 0;
    }
    const char *end = buffer + size;
    while (buffer < end && !out->write_failed) {
        const char *newline = memchr(buffer, '\n', (size_t)(end - buffer));
        size_t chunk = newline ? (size_t)(newline - buffer) + 1 : (size_t)(end - buffer);
        write_bytes(out, buffer, chunk);
        if (newline)
            write_string(out, "  ");
        buffer += chunk;
    }
    return out->write_failed ? -1 : 0;
}

/* Write RECORD (which this takes) in the current JSON layout. */
static void write_record(output *out, json_t *record) {
    if (out->format == OUTPUT_JSONL) {
        if (json_dump_callback(record, dump_to_stdout, out, JSON_LINE_FLAGS) == 0)
            write_string(out, "\n");
    } else {
        if (out->as_array)
            write_string(out, out->written ? ",\n  " : "\n  ");
        if (json_dump_callback(record, dump_to_stdout, out, JSON_PRETTY_FLAGS) == 0 &&
            !out->as_array)
            write_string(out, "\n");
    }
    json_decref(record);
    out->written++;
}

static bool is_json(const output *out) {
    return out->format == OUTPUT_JSON || out->format == OUTPUT_JSONL;
}

bool output_article(output *out, const char *source, const lede_result *res) {
    if (out->write_failed)
        return true;
    if (is_json(out)) {
        json_t *record = article_record(source, res);
        if (!record)
            return false;
        write_record(out, record);
        return true;
    }
    /* The body without its trailing newlines, then exactly one: a body ends
     * the same way whatever the renderer left at its end. */
    const char *body = res->body ? res->body : "";
    size_t len = strlen(body);
    while (len > 0 && (body[len - 1] == '\n' || body[len - 1] == '\r'))
        len--;
    if (out->written)
        write_string(out, "\n");
    write_bytes(out, body, len);
    write_string(out, "\n");
    out->written++;
    return true;
}

void output_error(output *out, const char *source, const char *message) {
    if (out->write_failed)
        return;
    if (is_json(out)) {
        json_t *record = error_record(source, message);
        if (record) {
            write_record(out, record);
            return;
        }
        /* Out of memory even for two strings: say so where it can be said. */
    }
    /* stdout is block-buffered; flush it first so that on a terminal the
     * error shows up between the bodies it came between. */
    if (fflush(stdout) == EOF) {
        out->write_failed = true;
        out->write_errno = errno;
    }
    fprintf(stderr, "lede: %s: %s\n", source, message);
}

bool output_end(output *out) {
    if (out->as_array)
        write_string(out, out->written ? "\n]\n" : "]\n");
    if (!out->write_failed && fflush(stdout) == EOF) {
        out->write_failed = true;
        out->write_errno = errno;
    }
    if (!out->write_failed && ferror(stdout)) {
        out->write_failed = true;
        out->write_errno = EIO;
    }
    return !out->write_failed;
}
