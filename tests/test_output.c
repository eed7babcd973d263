/*
 * test_output.c — the JSON Lines record, written by hand in cli/output.c,
 * is byte for byte what jansson writes for the same record.
 *
 * Each result is built twice: as a JSON Lines record (the hand-written
 * path) and as a pretty JSON record (jansson's tree and dump). The pretty
 * one, read back, without the metadata_source only it has, and dumped
 * compact by jansson, must equal the line. The strings are the hard cases
 * of escaping: quotes, backslashes, every control character, DEL, slashes,
 * characters outside the BMP, U+2028, bytes that are not UTF-8 (repaired in
 * the fields that repair them, failing the record in those that do not).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "output.h"
#include "result.h"

static const output_layout LINES = {.format = OUTPUT_JSONL};
static const output_layout PRETTY = {.format = OUTPUT_JSON};

/* REC's pretty record as the compact line jansson writes for it. */
static char *pretty_as_line(const output_record *rec) {
    json_error_t error;
    json_t *record = json_loadb(rec->bytes, rec->len, 0, &error);
    if (!record)
        fail_msg("pretty record does not parse: %s", error.text);
    json_object_del(record, "metadata_source");
    char *line = json_dumps(record, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref(record);
    assert_non_null(line);
    size_t len = strlen(line);
    char *with_newline = realloc(line, len + 2);
    assert_non_null(with_newline);
    memcpy(with_newline + len, "\n", 2);
    return with_newline;
}

static void expect_same_records(const output_record *line, const output_record *pretty,
                                const char *what) {
    assert_non_null(line->bytes);
    assert_non_null(pretty->bytes);
    char *want = pretty_as_line(pretty);
    if (line->len != strlen(want) || memcmp(line->bytes, want, line->len) != 0)
        fail_msg("%s:\n line  %.*s want  %s", what, (int)line->len, line->bytes, want);
    free(want);
}

static void expect_same_article(const char *source, const lede_result *res,
                                const output_warc *warc, const char *what) {
    output_record line, pretty;
    output_build_warc_article(LINES, source, res, warc, &line);
    output_build_warc_article(PRETTY, source, res, warc, &pretty);
    assert_int_equal(line.failed, pretty.failed);
    expect_same_records(&line, &pretty, what);
    output_record_free(&line);
    output_record_free(&pretty);
    output_build_no_article(LINES, source, res, warc, &line);
    output_build_no_article(PRETTY, source, res, warc, &pretty);
    expect_same_records(&line, &pretty, what);
    output_record_free(&line);
    output_record_free(&pretty);
}

/* Every byte from 0x01 to 0x7F, then the hard characters. */
static char *hard_text(void) {
    static const char tail[] = " \xF0\x9F\x98\x80 \xE2\x80\xA8 caf\xC3\xA9 </script> \\\"/";
    char *text = malloc(0x80 + sizeof tail);
    assert_non_null(text);
    for (int c = 1; c < 0x80; c++)
        text[c - 1] = (char)c;
    memcpy(text + 0x7F, tail, sizeof tail);
    return text;
}

static void test_escaping_matches_jansson(void **state) {
    (void)state;
    char *text = hard_text();
    char *tags[] = {"a \"b\"", "\t", NULL};
    char *authors[] = {"Ann O\xE2\x80\x99Neil", "B\\C"};
    lede_result res = {.text = text,
                       .title = "Title \"quoted\"\n",
                       .author = "Ann; B",
                       .authors = authors,
                       .author_count = 2,
                       .date = "2024-01-02",
                       .url = "https://example.org/a/b?c=d&e=f",
                       .tags = tags,
                       .tag_count = 3,
                       .confidence = 0.123456789,
                       .comments = "first\r\nsecond",
                       .truncated = 1};
    expect_same_article("pages/a.html", &res, NULL, "every field");
    output_warc warc = {.target_uri = "https://example.org/", .record_id = "<urn:uuid:1>"};
    expect_same_article("crawl.warc.gz:1234", &res, &warc, "from a WARC file");
    free(text);
}

static void test_empty_and_null_fields(void **state) {
    (void)state;
    double confidences[] = {0.0, 1.0, 0.5, 1e-7, 0.30000000000000004};
    for (size_t i = 0; i < sizeof confidences / sizeof confidences[0]; i++) {
        lede_result res = {.text = "", .confidence = confidences[i]};
        char what[64];
        snprintf(what, sizeof what, "confidence %g", confidences[i]);
        expect_same_article("-", &res, NULL, what);
    }
}

/* Bytes that are not UTF-8: in the text and a file name they are repaired
 * (and the name's bytes given in hex); in the comments they fail the record
 * into an error record, in both paths alike. */
static void test_bytes_not_utf8(void **state) {
    (void)state;
    lede_result res = {.text = "ok \xFF\xC3( \xED\xA0\x80 end \xC3", .title = "\xC0\xAF"};
    expect_same_article("caf\xE9.html", &res, NULL, "repaired strings");
    lede_result bad_comments = {.text = "fine", .comments = "bad \xFF"};
    output_record line, pretty;
    output_build_article(LINES, "x.html", &bad_comments, &line);
    output_build_article(PRETTY, "x.html", &bad_comments, &pretty);
    assert_true(line.failed && pretty.failed);
    expect_same_records(&line, &pretty, "comments not UTF-8");
    output_record_free(&line);
    output_record_free(&pretty);
}

/* --body puts the rendered body beside the text, and a page a filter turned
 * away keeps its metadata with text null, in both writers alike. */
static void test_body_and_rejected_records(void **state) {
    (void)state;
    output_layout lines = {.format = OUTPUT_JSONL, .body = OUTPUT_MARKDOWN};
    output_layout pretty_layout = {.format = OUTPUT_JSON, .body = OUTPUT_MARKDOWN};
    lede_result res = {.text = "Plain \"text\"", .body = "# Head\n\n*Plain* text\n",
                       .title = "Head", .language = "de", .confidence = 0.5};
    output_record line, pretty;
    output_build_article(lines, "a.html", &res, &line);
    output_build_article(pretty_layout, "a.html", &res, &pretty);
    expect_same_records(&line, &pretty, "with --body");
    assert_non_null(strstr(line.bytes, "\"body\":\"# Head\\n\\n*Plain* text\\n\",\"body_format\":\"markdown\""));
    output_record_free(&line);
    output_record_free(&pretty);
    const char *why = "language 'de' is not one of --language en";
    output_build_rejected(lines, "a.html", &res, NULL, why, &line);
    output_build_rejected(pretty_layout, "a.html", &res, NULL, why, &pretty);
    expect_same_records(&line, &pretty, "turned away");
    assert_true(line.no_article && !line.failed);
    assert_non_null(strstr(line.bytes, "\"text\":null"));
    assert_null(strstr(line.bytes, "\"body\""));
    output_record_free(&line);
    output_record_free(&pretty);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_escaping_matches_jansson),
        cmocka_unit_test(test_empty_and_null_fields),
        cmocka_unit_test(test_bytes_not_utf8),
        cmocka_unit_test(test_body_and_rejected_records),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
