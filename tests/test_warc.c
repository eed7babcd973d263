/*
 * test_warc.c — the WARC reader's bounds and edge cases (src/warc/).
 *
 * tests/cli/warc.sh drives the whole command over WARC files built from the
 * fixtures; these pin what the command line cannot reach: a payload over
 * max_payload, a huge block passed over without being held, the <uri> form
 * of WARC/1.0 targets, and an empty file.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>
#include <zlib.h>

#include "warc.h"

/* A temporary file holding the records, open for reading at its start. */
typedef struct warc_file {
    FILE *f;
    char *text;
    size_t len, cap;
} warc_file;

static void add_bytes(warc_file *w, const char *bytes, size_t len) {
    if (w->len + len + 1 > w->cap) {
        w->cap = (w->len + len + 1) * 2;
        w->text = realloc(w->text, w->cap);
        assert_non_null(w->text);
    }
    memcpy(w->text + w->len, bytes, len);
    w->len += len;
}

/* One response record: HTTP 200 with CONTENT_TYPE and BODY_LEN bytes of
 * BODY_BYTE (inside a minimal page when CONTENT_TYPE is HTML). */
static void add_response(warc_file *w, const char *uri, const char *content_type,
                         size_t body_len) {
    char *body = malloc(body_len + 1);
    assert_non_null(body);
    memset(body, 'x', body_len);
    if (body_len >= 7)
        memcpy(body, "<p>", 3);
    char http[256];
    int http_len = snprintf(http, sizeof http,
                            "HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Length: %zu\r\n\r\n",
                            content_type, body_len);
    char header[512];
    int header_len = snprintf(header, sizeof header,
                              "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\n"
                              "WARC-Record-ID: <urn:uuid:1>\r\nContent-Length: %zu\r\n\r\n",
                              uri, (size_t)http_len + body_len);
    add_bytes(w, header, (size_t)header_len);
    add_bytes(w, http, (size_t)http_len);
    add_bytes(w, body, body_len);
    add_bytes(w, "\r\n\r\n", 4);
    free(body);
}

static int open_file(warc_file *w) {
    w->f = tmpfile();
    assert_non_null(w->f);
    if (w->len)
        assert_int_equal(fwrite(w->text, 1, w->len, w->f), w->len);
    assert_int_equal(fflush(w->f), 0);
    int fd = fileno(w->f);
    assert_int_equal(lseek(fd, 0, SEEK_SET), 0);
    return fd;
}

static void close_file(warc_file *w) {
    fclose(w->f);
    free(w->text);
}

static void test_payload_over_max_is_an_error_and_reading_goes_on(void **state) {
    (void)state;
    warc_file w = {0};
    add_response(&w, "http://a.example/big", "text/html", 5000);
    size_t second = w.len;
    add_response(&w, "http://a.example/small", "text/html", 500);
    warc_reader *r = warc_open(open_file(&w), 1000);
    warc_page page;
    assert_int_equal(warc_next(r, &page), WARC_DAMAGED);
    assert_int_equal(page.offset, 0);
    assert_non_null(strstr(page.message, "too large"));
    warc_page_release(&page);
    assert_int_equal(warc_next(r, &page), WARC_PAGE);
    assert_int_equal(page.offset, second);
    assert_int_equal(page.len, 500);
    assert_string_equal(page.target_uri, "http://a.example/small");
    warc_page_release(&page);
    assert_int_equal(warc_next(r, &page), WARC_END);
    warc_close(r);
    close_file(&w);
}

static void test_huge_non_html_block_is_passed_over(void **state) {
    (void)state;
    warc_file w = {0};
    add_response(&w, "http://a.example/video.mp4", "video/mp4", (size_t)4 << 20);
    add_response(&w, "http://a.example/page", "text/html; charset=ISO-8859-1", 300);
    /* The block is 4000 times max_payload: skipped through the window. */
    warc_reader *r = warc_open(open_file(&w), 1000);
    warc_page page;
    assert_int_equal(warc_next(r, &page), WARC_PAGE);
    assert_string_equal(page.target_uri, "http://a.example/page");
    assert_string_equal(page.charset, "ISO-8859-1");
    assert_string_equal(page.record_id, "<urn:uuid:1>");
    warc_page_release(&page);
    assert_int_equal(warc_next(r, &page), WARC_END);
    warc_close(r);
    close_file(&w);
}

static void test_bracketed_target_uri_is_unwrapped(void **state) {
    (void)state;
    warc_file w = {0};
    add_response(&w, "<http://a.example/old-style>", "application/xhtml+xml", 200);
    warc_reader *r = warc_open(open_file(&w), 1000);
    warc_page page;
    assert_int_equal(warc_next(r, &page), WARC_PAGE);
    assert_string_equal(page.target_uri, "http://a.example/old-style");
    warc_page_release(&page);
    warc_close(r);
    close_file(&w);
}

static void test_empty_file_has_no_records(void **state) {
    (void)state;
    warc_file w = {0};
    warc_reader *r = warc_open(open_file(&w), 1000);
    warc_page page;
    assert_int_equal(warc_next(r, &page), WARC_END);
    assert_int_equal(warc_next(r, &page), WARC_END);
    warc_close(r);
    close_file(&w);
}

static void test_only_garbage_is_one_error(void **state) {
    (void)state;
    warc_file w = {0};
    add_bytes(&w, "<html>not a warc</html>\n", 24);
    warc_reader *r = warc_open(open_file(&w), 1000);
    warc_page page;
    assert_int_equal(warc_next(r, &page), WARC_DAMAGED);
    assert_string_equal(page.message, "not a WARC record");
    assert_int_equal(warc_next(r, &page), WARC_END);
    warc_close(r);
    close_file(&w);
}

/* A response record whose header declares LENGTH for a block that holds
 * a small page: a Content-Length that lies. */
static void add_lying_record(warc_file *w, const char *length) {
    static const char http[] = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>cut</p>";
    char header[256];
    int header_len = snprintf(header, sizeof header,
                              "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: "
                              "http://a.example/liar\r\nContent-Length: %s\r\n\r\n",
                              length);
    add_bytes(w, header, (size_t)header_len);
    add_bytes(w, http, sizeof http - 1);
    add_bytes(w, "\r\n\r\n", 4);
}

/* The records after one whose Content-Length runs past the end of the file
 * are read: the scan resumes after its header. */
static void test_length_past_the_file_loses_no_later_record(void **state) {
    (void)state;
    warc_file w = {0};
    add_lying_record(&w, "999999999999");
    size_t second = w.len;
    add_response(&w, "http://a.example/b", "text/html", 500);
    size_t third = w.len;
    add_response(&w, "http://a.example/c", "text/html", 300);
    warc_reader *r = warc_open(open_file(&w), 1000);
    warc_page page;
    assert_int_equal(warc_next(r, &page), WARC_DAMAGED);
    assert_int_equal(page.offset, 0);
    assert_non_null(strstr(page.message, "Content-Length"));
    assert_int_equal(warc_next(r, &page), WARC_PAGE);
    assert_int_equal(page.offset, second);
    assert_string_equal(page.target_uri, "http://a.example/b");
    warc_page_release(&page);
    assert_int_equal(warc_next(r, &page), WARC_PAGE);
    assert_int_equal(page.offset, third);
    warc_page_release(&page);
    assert_int_equal(warc_next(r, &page), WARC_END);
    warc_close(r);
    close_file(&w);
}

/* A length too large to hold that ends inside the file, but not at a record
 * end, is no more trusted; a true one still skips its block. */
static void test_length_not_ending_a_record_is_not_followed(void **state) {
    (void)state;
    warc_file w = {0};
    add_lying_record(&w, "70000");
    add_response(&w, "http://a.example/b", "text/html", 500);
    add_response(&w, "http://a.example/video.mp4", "video/mp4", 100000);
    add_response(&w, "http://a.example/d", "text/html", 300);
    warc_reader *r = warc_open(open_file(&w), 1000);
    warc_page page;
    assert_int_equal(warc_next(r, &page), WARC_DAMAGED);
    assert_int_equal(warc_next(r, &page), WARC_PAGE);
    assert_string_equal(page.target_uri, "http://a.example/b");
    warc_page_release(&page);
    assert_int_equal(warc_next(r, &page), WARC_PAGE);
    assert_string_equal(page.target_uri, "http://a.example/d");
    warc_page_release(&page);
    assert_int_equal(warc_next(r, &page), WARC_END);
    warc_close(r);
    close_file(&w);
}

/* The gzip member of W's records from FROM on, in place of them. */
static void gzip_records_from(warc_file *w, size_t from) {
    size_t len = w->len - from;
    z_stream z;
    memset(&z, 0, sizeof z);
    assert_int_equal(deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
    uLong cap = deflateBound(&z, (uLong)len);
    unsigned char *out = malloc(cap);
    assert_non_null(out);
    z.next_in = (unsigned char *)w->text + from;
    z.avail_in = (uInt)len;
    z.next_out = out;
    z.avail_out = (uInt)cap;
    assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
    size_t out_len = z.total_out;
    deflateEnd(&z);
    w->len = from;
    add_bytes(w, (const char *)out, out_len);
    free(out);
}

/* A damaged member whose start inflates to a record is reported, whether
 * its damage (here a wrong CRC) shows in the same read as its start or a
 * later one; and reading goes on after it. */
static void test_member_failing_its_crc_after_resync_is_reported(void **state) {
    (void)state;
    warc_file w = {0};
    /* A member whose deflate data breaks: the reader resyncs after it. */
    add_response(&w, "http://a.example/broken", "text/html", 20000);
    for (size_t i = 200; i < w.len; i++) /* vary it, so that it does not compress to nothing */
        w.text[i] = (char)('a' + (i * 7919) % 26);
    gzip_records_from(&w, 0);
    for (size_t i = 40; i + 40 < w.len; i += 97)
        w.text[i] ^= 0x5A;
    /* A small member, inflated in one read, then its CRC is wrong. */
    size_t crc_member = w.len;
    add_response(&w, "http://a.example/bad-crc", "text/html", 300);
    gzip_records_from(&w, crc_member);
    w.text[w.len - 8] ^= 0x01;
    size_t good = w.len;
    add_response(&w, "http://a.example/good", "text/html", 300);
    gzip_records_from(&w, good);

    warc_reader *r = warc_open(open_file(&w), 1000);
    warc_page page;
    assert_int_equal(warc_next(r, &page), WARC_DAMAGED);
    assert_int_equal(page.offset, 0);
    warc_outcome o;
    while ((o = warc_next(r, &page)) == WARC_DAMAGED && page.offset < crc_member)
        ; /* stretches inside the broken member that happen to look like members */
    assert_int_equal(o, WARC_DAMAGED);
    assert_int_equal(page.offset, crc_member);
    assert_non_null(strstr(page.message, "data check"));
    assert_int_equal(warc_next(r, &page), WARC_PAGE);
    assert_int_equal(page.offset, good);
    assert_string_equal(page.target_uri, "http://a.example/good");
    warc_page_release(&page);
    assert_int_equal(warc_next(r, &page), WARC_END);
    assert_int_equal(warc_next(r, &page), WARC_END);
    warc_close(r);
    close_file(&w);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_payload_over_max_is_an_error_and_reading_goes_on),
        cmocka_unit_test(test_huge_non_html_block_is_passed_over),
        cmocka_unit_test(test_bracketed_target_uri_is_unwrapped),
        cmocka_unit_test(test_empty_file_has_no_records),
        cmocka_unit_test(test_only_garbage_is_one_error),
        cmocka_unit_test(test_length_past_the_file_loses_no_later_record),
        cmocka_unit_test(test_length_not_ending_a_record_is_not_followed),
        cmocka_unit_test(test_member_failing_its_crc_after_resync_is_reported),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
