/*
 * output.c — the lede command's writers: text bodies and JSON records.
 *
 * Text, Markdown and HTML print result->body and nothing else, so that the
 * output of one page can be piped straight into another tool; several pages
 * are told apart by one blank line between bodies, and failures go to stderr
 * where they cannot be mistaken for article text.
 *
 * The JSON formats are for machines and batches: every input gives exactly
 * one record, in input order, an article or {"source", "error"} (a page
 * without an article: the error and the page's metadata), so a caller
 * can match records to inputs by "source" without counting stderr lines.
 * A record is serialised by jansson, through a dump callback, into a string
 * of its own — on the thread that extracted the page, so that with -j the
 * serialising is parallel too — and the callback also indents the records
 * of a pretty array, so the array is streamed record by record rather than
 * built in memory for the whole batch. What depends on the records before
 * (the blank line between bodies, the comma between array elements) is
 * added when the record is written, in input order.
 *
 * jansson refuses strings that are not UTF-8. The library's fields are
 * UTF-8, but a path given on the command line may be any bytes; such a
 * string is written with U+FFFD for each invalid sequence rather than
 * dropped, so the record still names its input recognisably, and the
 * record's "source_bytes" gives the path's bytes in hex, so that it can be
 * matched back to the file exactly.
 */
#include "output.h"

#include "ascii.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <stddef.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <jansson.h>

/* Pretty records: two spaces a level, keys in the order written. */
#define JSON_PRETTY_FLAGS (JSON_INDENT(2) | JSON_PRESERVE_ORDER)
/* JSON Lines: no spaces, no newlines inside a record. */
#define JSON_LINE_FLAGS (JSON_COMPACT | JSON_PRESERVE_ORDER)

/* First allocation of a record's string: most records (the article text and
 * a dozen short fields) fit, and a larger one doubles a few times. */
#define RECORD_INITIAL_CAPACITY ((size_t)16 << 10)

static const char *const format_names[] = {
    [OUTPUT_TEXT] = "text",
    [OUTPUT_MARKDOWN] = "markdown",
    [OUTPUT_HTML] = "html",
    [OUTPUT_JSON] = "json",
    [OUTPUT_JSONL] = "jsonl",
};

/* The names the peers (trafilatura, pandoc) give the same formats, so that
 * a command line written for them works here. */
static const struct {
    const char *name;
    output_format format;
} format_aliases[] = {
    {"txt", OUTPUT_TEXT},
    {"md", OUTPUT_MARKDOWN},
};

bool output_format_parse(const char *name, output_format *format) {
    for (size_t i = 0; i < sizeof format_names / sizeof format_names[0]; i++) {
        if (strcmp(name, format_names[i]) == 0) {
            *format = (output_format)i;
            return true;
        }
    }
    for (size_t i = 0; i < sizeof format_aliases / sizeof format_aliases[0]; i++) {
        if (strcmp(name, format_aliases[i].name) == 0) {
            *format = format_aliases[i].format;
            return true;
        }
    }
    return false;
}

lede_format output_library_format(output_format format, output_format body) {
    if (format == OUTPUT_JSON || format == OUTPUT_JSONL)
        format = body;
    switch (format) {
    case OUTPUT_MARKDOWN:
        return LEDE_FORMAT_MARKDOWN;
    case OUTPUT_HTML:
        return LEDE_FORMAT_HTML;
    default:
        return LEDE_FORMAT_TEXT;
    }
}

void output_begin(output *out, output_format format, bool batch) {
    memset(out, 0, sizeof *out);
    out->layout.format = format;
    out->layout.as_array = format == OUTPUT_JSON && batch;
    out->layout.named = format != OUTPUT_JSON && format != OUTPUT_JSONL && batch;
    if (out->layout.as_array && fputs("[", stdout) == EOF) {
        out->write_failed = true;
        out->write_errno = errno;
    }
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

static bool is_utf8(const char *s) {
    const unsigned char *in = (const unsigned char *)s;
    size_t len = strlen(s);
    for (size_t i = 0, n; i < len; i += n)
        if (!(n = utf8_sequence_length(in + i, len - i)))
            return false;
    return true;
}

/* "source" of RECORD; for a SOURCE that is not UTF-8 (a file name in a
 * legacy encoding), also "source_bytes": the bytes in lower-case hex, which
 * the U+FFFD in "source" no longer tell. False when out of memory. */
static bool set_source(json_t *record, const char *source) {
    static const char hex_digits[] = "0123456789abcdef";
    if (!set_field(record, "source", string_or_null(source)))
        return false;
    if (!source || is_utf8(source))
        return true;
    size_t len = strlen(source);
    if (len > (SIZE_MAX - 1) / 2)
        return false;
    char *hex = malloc(2 * len + 1);
    if (!hex)
        return false;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)source[i];
        hex[2 * i] = hex_digits[c >> 4];
        hex[2 * i + 1] = hex_digits[c & 0x0f];
    }
    hex[2 * len] = '\0';
    bool ok = set_field(record, "source_bytes", json_string(hex));
    free(hex);
    return ok;
}

/* A JSON array of the COUNT strings of ITEMS, null when there are none. */
static json_t *list_or_null(const lede_result *res, lede_field field) {
    size_t count = lede_result_count(res, field);
    if (count == 0)
        return json_null();
    json_t *array = json_array();
    if (!array)
        return NULL;
    for (size_t i = 0; i < count; i++) {
        json_t *item = string_or_null(lede_result_item(res, field, i));
        if (!item || json_array_append_new(array, item) != 0) {
            json_decref(array);
            return NULL;
        }
    }
    return array;
}

/* {"title": "json-ld", "author": "meta", ...}: where each metadata field
 * that has a value was read from; NULL only when out of memory. */
static json_t *sources_object(const lede_result *res) {
    json_t *object = json_object();
    if (!object)
        return NULL;
    for (int field = 0; field < LEDE_FIELD_COUNT; field++) {
        const char *source = lede_result_source(res, field);
        if (source && !set_field(object, lede_field_name(field), json_string(source))) {
            json_decref(object);
            return NULL;
        }
    }
    return object;
}


/* The metadata keys of an article's record, in the order it prints them:
 * each a string field of the result or, for "authors" and "tags", a list. */
typedef struct record_key {
    const char *key;
    lede_field field;
    bool list;
} record_key;

static const record_key metadata_keys[] = {
    {"title", LEDE_FIELD_TITLE, false},
    {"author", LEDE_FIELD_AUTHOR, false},
    {"authors", LEDE_FIELD_AUTHOR, true},
    {"date", LEDE_FIELD_DATE, false},
    {"modified", LEDE_FIELD_MODIFIED, false},
    {"sitename", LEDE_FIELD_SITENAME, false},
    {"description", LEDE_FIELD_DESCRIPTION, false},
    {"language", LEDE_FIELD_LANGUAGE, false},
    {"url", LEDE_FIELD_URL, false},
    {"image", LEDE_FIELD_IMAGE, false},
    {"section", LEDE_FIELD_SECTION, false},
    {"tags", LEDE_FIELD_TAGS, true},
    {"type", LEDE_FIELD_TYPE, false},
};

static bool set_metadata_fields(json_t *record, const lede_result *res) {
    for (size_t i = 0; i < sizeof metadata_keys / sizeof metadata_keys[0]; i++) {
        const record_key *k = &metadata_keys[i];
        json_t *value = k->list ? list_or_null(res, k->field)
                                : string_or_null(lede_result_string(res, k->field));
        if (!set_field(record, k->key, value))
            return false;
    }
    return true;
}

/* The record of an article (or, with ERROR, of a page without one: its
 * metadata and the error); the pretty format (--format json, read by
 * people) also says where each metadata field came from, and a page from a
 * WARC file (WARC not NULL) says where in the archive it was. */
static json_t *article_record(output_layout layout, const char *source, const lede_result *res,
                              const output_warc *warc, const char *error) {
    json_t *record = json_object();
    if (!record)
        return NULL;
    const char *text = lede_result_string(res, LEDE_FIELD_TEXT);
    const char *body = lede_result_string(res, LEDE_FIELD_BODY);
    const char *comments = lede_result_string(res, LEDE_FIELD_COMMENTS);
    bool ok = set_source(record, source) &&
              (!error || set_field(record, "error", json_string(error))) &&
              set_field(record, "text", string_or_null(error ? NULL : text)) &&
              (error || layout.body == OUTPUT_TEXT ||
               (set_field(record, "body", string_or_null(body)) &&
                set_field(record, "body_format", json_string(format_names[layout.body])))) &&
              set_metadata_fields(record, res) &&
              set_field(record, "confidence", json_real(lede_result_confidence(res))) &&
              (!comments || set_field(record, "comments", json_string(comments))) &&
              (!lede_result_truncated(res) || set_field(record, "truncated", json_true())) &&
              (layout.format != OUTPUT_JSON ||
               set_field(record, "metadata_source", sources_object(res))) &&
              (!warc ||
               (set_field(record, "warc_target_uri", string_or_null(warc->target_uri)) &&
                set_field(record, "warc_record_id", string_or_null(warc->record_id)) &&
                set_field(record, "warc_date", string_or_null(warc->date))));
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
    if (!set_source(record, source) ||
        !set_field(record, "error", string_or_null(message))) {
        json_decref(record);
        return NULL;
    }
    return record;
}

/* ---- building a record ---- */

/* A growing string; FAILED once an allocation failed, and then it stays so. */
typedef struct string_builder {
    char *bytes;
    size_t len, cap;
    bool failed;
} string_builder;

static void append(string_builder *sb, const char *bytes, size_t len) {
    if (sb->failed)
        return;
    if (len > SIZE_MAX - 1 - sb->len) {
        sb->failed = true;
        return;
    }
    if (sb->len + len + 1 > sb->cap) {
        size_t cap = sb->cap ? sb->cap : RECORD_INITIAL_CAPACITY;
        while (cap < sb->len + len + 1)
            cap = cap <= SIZE_MAX / 2 ? cap * 2 : SIZE_MAX;
        char *grown = realloc(sb->bytes, cap);
        if (!grown) {
            sb->failed = true;
            return;
        }
        sb->bytes = grown;
        sb->cap = cap;
    }
    memcpy(sb->bytes + sb->len, bytes, len);
    sb->len += len;
    sb->bytes[sb->len] = '\0';
}

/* jansson's dump callback, into the target's string. Inside a pretty array every line of a record is indented one
 * more level; jansson escapes newlines inside strings, so each raw '\n' it
 * hands over is a line break of the layout. */
typedef struct dump_target {
    string_builder sb;
    bool indent;
} dump_target;

static int dump_to_builder(const char *buffer, size_t size, void *data) {
    dump_target *target = data;
    if (!target->indent) {
        append(&target->sb, buffer, size);
        return target->sb.failed ? -1 : 0;
    }
    const char *end = buffer + size;
    while (buffer < end && !target->sb.failed) {
        const char *newline = memchr(buffer, '\n', (size_t)(end - buffer));
        size_t chunk = newline ? (size_t)(newline - buffer) + 1 : (size_t)(end - buffer);
        append(&target->sb, buffer, chunk);
        if (newline)
            append(&target->sb, "  ", 2);
        buffer += chunk;
    }
    return target->sb.failed ? -1 : 0;
}

/* Serialise RECORD (which this takes) in LAYOUT's shape into REC's bytes;
 * false when out of memory, with REC untouched. */
static bool dump_record(output_layout layout, json_t *record, output_record *rec) {
    if (!record)
        return false;
    dump_target target = {.indent = layout.as_array};
    size_t flags = layout.format == OUTPUT_JSONL ? JSON_LINE_FLAGS : JSON_PRETTY_FLAGS;
    if (json_dump_callback(record, dump_to_builder, &target, flags) != 0)
        target.sb.failed = true;
    json_decref(record);
    /* An element of the array gets its separator when written; every other
     * record ends its line. */
    if (!layout.as_array)
        append(&target.sb, "\n", 1);
    if (target.sb.failed) {
        free(target.sb.bytes);
        return false;
    }
    rec->bytes = target.sb.bytes;
    rec->len = target.sb.len;
    return true;
}

/* ---- front matter (--with-metadata) ---- */

/* VALUE (a JSON string or array, which this takes) as YAML: JSON's own
 * double-quoted strings and flow sequences are YAML too. */
static void append_yaml_value(string_builder *sb, json_t *value) {
    char *dumped = value ? json_dumps(value, JSON_ENCODE_ANY | JSON_COMPACT) : NULL;
    json_decref(value);
    if (!dumped) {
        sb->failed = true;
        return;
    }
    append(sb, dumped, strlen(dumped));
    free(dumped);
}

static void append_yaml_field(string_builder *sb, const char *key, json_t *value) {
    append(sb, key, strlen(key));
    append(sb, ": ", 2);
    append_yaml_value(sb, value);
    append(sb, "\n", 1);
}

/* The headline on one line: a title that runs over lines would end the
 * heading early. */
static void append_one_line(string_builder *sb, const char *s) {
    for (; *s; s++)
        append(sb, *s == '\n' || *s == '\r' ? " " : s, 1);
}

/* The YAML front matter of RES (the fields it has, in a fixed order), then
 * its headline: a "# " heading in Markdown, a line of its own in text. */
static void append_front_matter(string_builder *sb, const lede_result *res,
                                output_format format) {
    static const lede_field fields[] = {
        LEDE_FIELD_TITLE,    LEDE_FIELD_AUTHOR,   LEDE_FIELD_DATE,        LEDE_FIELD_URL,
        LEDE_FIELD_SITENAME, LEDE_FIELD_LANGUAGE, LEDE_FIELD_DESCRIPTION,
    };
    append(sb, "---\n", 4);
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        const char *value = lede_result_string(res, fields[i]);
        if (value)
            append_yaml_field(sb, lede_field_name(fields[i]), string_or_null(value));
    }
    if (lede_result_count(res, LEDE_FIELD_TAGS))
        append_yaml_field(sb, "tags", list_or_null(res, LEDE_FIELD_TAGS));
    append(sb, "---\n\n", 5);
    const char *title = lede_result_string(res, LEDE_FIELD_TITLE);
    if (!title)
        return;
    if (format == OUTPUT_MARKDOWN)
        append(sb, "# ", 2);
    append_one_line(sb, title);
    append(sb, "\n\n", 2);
}

/* ---- JSON Lines records by hand ----
 * jansson builds a tree of values, copies and checks every string into it,
 * and escapes through a callback per run of plain bytes: on a large page
 * that is a fifth of lede's work, for the one string of the article text.
 * A JSON Lines record is flat (strings, arrays of strings, a number, true),
 * so it is written here directly, byte for byte as jansson's compact dump
 * of article_record() is (test_output.c compares the two). The pretty
 * format, with its indentation and metadata_source, stays with jansson. */

/* What a byte below 0x80 becomes inside a JSON string, as jansson writes
 * it: NULL for itself. */
static const char *json_escape_of(unsigned char c, char seq[7]) {
    switch (c) {
    case '\\':
        return "\\\\";
    case '"':
        return "\\\"";
    case '\b':
        return "\\b";
    case '\f':
        return "\\f";
    case '\n':
        return "\\n";
    case '\r':
        return "\\r";
    case '\t':
        return "\\t";
    default:
        if (c >= 0x20)
            return NULL;
        snprintf(seq, 7, "\\u%04X", c);
        return seq;
    }
}

/* S as a JSON string. Bytes that are not UTF-8 become U+FFFD when REPAIR
 * (as string_or_null() does); without it they fail the record, as
 * json_string() would. */
static bool put_json_string(string_builder *sb, const char *s, bool repair) {
    static const char replacement[] = "\xef\xbf\xbd";
    const unsigned char *in = (const unsigned char *)s;
    size_t len = strlen(s), run = 0;
    append(sb, "\"", 1);
    for (size_t i = 0; i < len;) {
        /* Most of a text is printable ASCII, copied as it is: skip it in a
         * tight loop before asking anything dearer of a byte. */
        i += ascii_plain_run(in + i, len - i, 0x20, '"', '\\');
        if (i == len)
            break;
        char seq[7];
        const char *escape = NULL;
        size_t n = 1;
        if (in[i] >= 0x80) {
            n = utf8_sequence_length(in + i, len - i);
            if (!n && !repair)
                return false;
            if (!n) {
                escape = replacement;
                n = 1;
            }
        } else {
            escape = json_escape_of(in[i], seq);
        }
        if (!escape) {
            i += n;
            continue;
        }
        append(sb, s + run, i - run);
        append(sb, escape, strlen(escape));
        i += n;
        run = i;
    }
    append(sb, s + run, len - run);
    append(sb, "\"", 1);
    return !sb->failed;
}

/* ,"KEY": (the first key of a record without its comma). */
static void put_json_key(string_builder *sb, const char *key) {
    if (sb->len > 1)
        append(sb, ",", 1);
    append(sb, "\"", 1);
    append(sb, key, strlen(key));
    append(sb, "\":", 2);
}

/* "KEY":S, null when S is NULL (string_or_null()). */
static bool put_json_field(string_builder *sb, const char *key, const char *s) {
    put_json_key(sb, key);
    if (!s) {
        append(sb, "null", 4);
        return !sb->failed;
    }
    return put_json_string(sb, s, true);
}

/* "KEY":[...] of the list FIELD of RES, null when empty (list_or_null()). */
static bool put_json_list(string_builder *sb, const char *key, const lede_result *res,
                          lede_field field) {
    put_json_key(sb, key);
    size_t count = lede_result_count(res, field);
    if (count == 0) {
        append(sb, "null", 4);
        return !sb->failed;
    }
    append(sb, "[", 1);
    for (size_t i = 0; i < count; i++) {
        const char *item = lede_result_item(res, field, i);
        if (i)
            append(sb, ",", 1);
        if (!item)
            append(sb, "null", 4);
        else if (!put_json_string(sb, item, true))
            return false;
    }
    append(sb, "]", 1);
    return !sb->failed;
}

/* set_metadata_fields() as JSON text. */
static bool put_metadata_fields(string_builder *sb, const lede_result *res) {
    for (size_t i = 0; i < sizeof metadata_keys / sizeof metadata_keys[0]; i++) {
        const record_key *k = &metadata_keys[i];
        bool ok = k->list ? put_json_list(sb, k->key, res, k->field)
                          : put_json_field(sb, k->key, lede_result_string(res, k->field));
        if (!ok)
            return false;
    }
    return true;
}

/* "KEY":X as jansson writes a real (its own formatting, which this asks
 * it for). */
static bool put_json_real(string_builder *sb, const char *key, double x) {
    json_t *real = json_real(x);
    char *text = real ? json_dumps(real, JSON_ENCODE_ANY | JSON_LINE_FLAGS) : NULL;
    json_decref(real);
    if (!text)
        return false;
    put_json_key(sb, key);
    append(sb, text, strlen(text));
    free(text);
    return !sb->failed;
}

/* set_source() by hand. */
static bool put_json_source(string_builder *sb, const char *source) {
    static const char hex_digits[] = "0123456789abcdef";
    if (!put_json_field(sb, "source", source))
        return false;
    if (!source || is_utf8(source))
        return true;
    put_json_key(sb, "source_bytes");
    append(sb, "\"", 1);
    for (const unsigned char *c = (const unsigned char *)source; *c; c++) {
        char pair[2] = {hex_digits[*c >> 4], hex_digits[*c & 0x0f]};
        append(sb, pair, 2);
    }
    append(sb, "\"", 1);
    return !sb->failed;
}

/* article_record() as one JSON line into REC; false when out of memory or
 * when a string jansson would refuse makes the record fail. */
static bool put_article_line(output_layout layout, const char *source, const lede_result *res,
                             const output_warc *warc, const char *error, output_record *rec) {
    const char *text = lede_result_string(res, LEDE_FIELD_TEXT);
    const char *comments = lede_result_string(res, LEDE_FIELD_COMMENTS);
    string_builder sb = {0};
    append(&sb, "{", 1);
    bool ok =
        put_json_source(&sb, source) &&
        (!error || (put_json_key(&sb, "error"), put_json_string(&sb, error, false))) &&
        put_json_field(&sb, "text", error ? NULL : text) &&
        (error || layout.body == OUTPUT_TEXT ||
         (put_json_field(&sb, "body", lede_result_string(res, LEDE_FIELD_BODY)) &&
          put_json_field(&sb, "body_format", format_names[layout.body]))) &&
        put_metadata_fields(&sb, res) &&
        put_json_real(&sb, "confidence", lede_result_confidence(res)) &&
        (!comments || (put_json_key(&sb, "comments"), put_json_string(&sb, comments, false))) &&
        (!lede_result_truncated(res) ||
         (put_json_key(&sb, "truncated"), append(&sb, "true", 4), true)) &&
        (!warc || (put_json_field(&sb, "warc_target_uri", warc->target_uri) &&
                   put_json_field(&sb, "warc_record_id", warc->record_id) &&
                   put_json_field(&sb, "warc_date", warc->date)));
    append(&sb, "}\n", 2);
    if (!ok || sb.failed) {
        free(sb.bytes);
        return false;
    }
    rec->bytes = sb.bytes;
    rec->len = sb.len;
    return true;
}

/* The record of an article (or of a page without one, with ERROR) in
 * LAYOUT's JSON shape into REC; false when out of memory. */
static bool build_json_article(output_layout layout, const char *source, const lede_result *res,
                               const output_warc *warc, const char *error, output_record *rec) {
    if (layout.format == OUTPUT_JSONL && !layout.as_array)
        return put_article_line(layout, source, res, warc, error, rec);
    return dump_record(layout, article_record(layout, source, res, warc, error), rec);
}

static bool is_json(output_layout layout) {
    return layout.format == OUTPUT_JSON || layout.format == OUTPUT_JSONL;
}

void output_build_article(output_layout layout, const char *source, const lede_result *res,
                          output_record *rec) {
    output_build_warc_article(layout, source, res, NULL, rec);
}

void output_build_warc_article(output_layout layout, const char *source, const lede_result *res,
                               const output_warc *warc, output_record *rec) {
    memset(rec, 0, sizeof *rec);
    if (is_json(layout)) {
        if (!build_json_article(layout, source, res, warc, NULL, rec))
            output_build_error(layout, source, lede_strerror(LEDE_ERR_NOMEM), rec);
        return;
    }
    /* The body without its trailing newlines, then exactly one: a body ends
     * the same way whatever the renderer left at its end. */
    const char *body = lede_result_string(res, LEDE_FIELD_BODY);
    if (!body)
        body = "";
    size_t len = strlen(body);
    while (len > 0 && (body[len - 1] == '\n' || body[len - 1] == '\r'))
        len--;
    string_builder sb = {0};
    if (layout.with_metadata)
        append_front_matter(&sb, res, layout.format);
    append(&sb, body, len);
    append(&sb, "\n", 1);
    if (sb.failed) {
        free(sb.bytes);
        output_build_error(layout, source, lede_strerror(LEDE_ERR_NOMEM), rec);
        return;
    }
    rec->bytes = sb.bytes;
    rec->len = sb.len;
}

void output_build_no_article(output_layout layout, const char *source, const lede_result *res,
                             const output_warc *warc, output_record *rec) {
    output_build_rejected(layout, source, res, warc, lede_strerror(LEDE_ERR_NO_ARTICLE), rec);
}

void output_build_rejected(output_layout layout, const char *source, const lede_result *res,
                           const output_warc *warc, const char *message, output_record *rec) {
    memset(rec, 0, sizeof *rec);
    if (is_json(layout) && !build_json_article(layout, source, res, warc, message, rec)) {
        output_build_error(layout, source, lede_strerror(LEDE_ERR_NOMEM), rec);
        return;
    }
    rec->no_article = true;
    snprintf(rec->message, sizeof rec->message, "%s", message);
}

void output_build_error(output_layout layout, const char *source, const char *message,
                        output_record *rec) {
    memset(rec, 0, sizeof *rec);
    rec->failed = true;
    snprintf(rec->message, sizeof rec->message, "%s", message);
    /* Out of memory even for two strings: the record stays bytes-less and
     * the error is said where it can be said, on stderr. */
    if (is_json(layout))
        dump_record(layout, error_record(source, message), rec);
}

void output_record_free(output_record *rec) {
    free(rec->bytes);
    free(rec->file_name);
    rec->bytes = NULL;
    rec->file_name = NULL;
    rec->len = 0;
}

/* ---- one file per article ---- */

/* Files an output directory gets: readable and writable as the umask lets. */
#define FILE_MODE 0666

void output_to_dir(output *out, const char *dir, bool force) {
    out->dir = dir;
    out->force = force;
}

static const char *const format_extensions[] = {
    [OUTPUT_TEXT] = ".txt",
    [OUTPUT_MARKDOWN] = ".md",
    [OUTPUT_HTML] = ".html",
    [OUTPUT_JSON] = ".json",
    [OUTPUT_JSONL] = ".json", /* one record alone is a JSON document */
};

/* The page extensions a name loses, longest first. */
static const char *const page_extensions[] = {".html.gz", ".htm.gz", ".html", ".htm"};

static bool name_byte_ok(unsigned char c) {
    return c >= 0x80 || (c > 0x20 && c != 0x7f && !strchr("/\\:*?\"<>|", c));
}

char *output_file_name(const char *source, const char *warc_uri, output_format format) {
    const char *stem = source, *offset = NULL;
    size_t len;
    if (warc_uri) {
        const char *colon = strrchr(source, ':');
        offset = colon ? colon + 1 : NULL;
        const char *scheme_end = strstr(warc_uri, "://");
        stem = scheme_end ? scheme_end + 3 : warc_uri;
        len = strlen(stem);
    } else if (strcmp(source, "-") == 0) {
        stem = "stdin";
        len = strlen(stem);
    } else {
        while (*stem == '/' || (stem[0] == '.' && stem[1] == '/'))
            stem += *stem == '/' ? 1 : 2;
        len = strlen(stem);
        for (size_t i = 0; i < sizeof page_extensions / sizeof page_extensions[0]; i++) {
            size_t n = strlen(page_extensions[i]);
            if (len > n && strcasecmp(stem + len - n, page_extensions[i]) == 0) {
                len -= n;
                break;
            }
        }
    }
    if (len > OUTPUT_NAME_STEM) {
        len = OUTPUT_NAME_STEM;
        while (len > 0 && ((unsigned char)stem[len] & 0xC0) == 0x80)
            len--; /* not inside a UTF-8 sequence */
    }
    const char *ext = format_extensions[format];
    size_t offset_len = offset ? strspn(offset, "0123456789") : 0;
    char *name = malloc(len + offset_len + strlen(ext) + 3);
    if (!name)
        return NULL;
    size_t n = 0;
    if (len == 0 || stem[0] == '.')
        name[n++] = '_'; /* no hidden file, no "." or ".." */
    for (size_t i = 0; i < len; i++)
        name[n++] = name_byte_ok((unsigned char)stem[i]) ? stem[i] : '_';
    if (offset_len) {
        name[n++] = '-';
        memcpy(name + n, offset, offset_len);
        n += offset_len;
    }
    strcpy(name + n, ext);
    return name;
}

/* Write REC's bytes to its file in OUT's directory; false, with the reason
 * in REC's message, when they could not be. */
static bool write_file(const output *out, output_record *rec) {
    if (!rec->file_name) {
        snprintf(rec->message, sizeof rec->message, "%s", lede_strerror(LEDE_ERR_NOMEM));
        return false;
    }
    int dir = open(out->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    int flags = O_WRONLY | O_CREAT | O_CLOEXEC | (out->force ? O_TRUNC : O_EXCL);
    int fd = dir < 0 ? -1 : openat(dir, rec->file_name, flags, FILE_MODE);
    int err = errno;
    if (dir >= 0)
        close(dir);
    if (fd < 0) {
        if (err == EEXIST)
            snprintf(rec->message, sizeof rec->message,
                     "%s/%s exists, left as it is (--force overwrites it)", out->dir,
                     rec->file_name);
        else
            snprintf(rec->message, sizeof rec->message, "cannot write %s/%s: %s", out->dir,
                     rec->file_name, strerror(err));
        return false;
    }
    const char *p = rec->bytes;
    size_t left = rec->len;
    while (left > 0) {
        ssize_t done = write(fd, p, left);
        if (done < 0 && errno == EINTR)
            continue;
        if (done <= 0) {
            err = done < 0 ? errno : EIO;
            close(fd);
            snprintf(rec->message, sizeof rec->message, "cannot write %s/%s: %s", out->dir,
                     rec->file_name, strerror(err));
            return false;
        }
        p += done;
        left -= (size_t)done;
    }
    if (close(fd) != 0) {
        snprintf(rec->message, sizeof rec->message, "cannot write %s/%s: %s", out->dir,
                 rec->file_name, strerror(errno));
        return false;
    }
    return true;
}

/* ---- writing, in input order ---- */

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

/* The header naming SOURCE before its body in a batch. A byte that would
 * end the header's line (a control character in a file name) is written
 * '?', and in an HTML comment a '>', which could end the comment, "%3E":
 * the header stays one line, or one comment, whatever the name. */
static void write_header(output *out, const char *source) {
    bool html = out->layout.format == OUTPUT_HTML;
    write_string(out, html ? "<!-- ==> " : "==> ");
    for (const char *p = source; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (c < 0x20 || c == 0x7f)
            write_bytes(out, "?", 1);
        else if (html && c == '>')
            write_bytes(out, "%3E", 3);
        else
            write_bytes(out, p, 1);
    }
    write_string(out, html ? " <== -->\n" : " <==\n");
}

void output_write(output *out, const char *source, output_record *rec) {
    if (out->write_failed) {
        output_record_free(rec);
        return;
    }
    if (out->dir) {
        /* Only articles make files; everything else is said on stderr. */
        if (rec->failed || rec->no_article) {
            fprintf(stderr, "lede: %s: %s\n", source, rec->message);
        } else if (rec->bytes && !write_file(out, rec)) {
            out->files_failed++;
            fprintf(stderr, "lede: %s: %s\n", source, rec->message);
        } else {
            out->written++;
        }
    } else if (rec->bytes) {
        if (out->layout.as_array)
            write_string(out, out->written ? ",\n  " : "\n  ");
        else if (!is_json(out->layout) && out->written)
            write_string(out, "\n");
        if (out->layout.named)
            write_header(out, source);
        write_bytes(out, rec->bytes, rec->len);
        out->written++;
    } else if (rec->failed || rec->no_article) {
        /* stdout is block-buffered; flush it first so that on a terminal the
         * error shows up between the bodies it came between. */
        if (fflush(stdout) == EOF) {
            out->write_failed = true;
            out->write_errno = errno;
        }
        fprintf(stderr, "lede: %s: %s\n", source, rec->message);
    }
    output_record_free(rec);
}

bool output_end(output *out) {
    if (out->layout.as_array)
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
