/*
 * test_warc_api.c — the public lede_warc_* API, through include/lede.h only.
 *
 * Each test builds its archive here (pages written for the test, records
 * framed by hand), plain or one gzip member per record, and reads it by
 * path, by descriptor or through a read callback, the way a library user
 * would. Also the growth rules of the options structures (their leading
 * size) and the version.
 */
#include <errno.h>
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

#include "lede.h"

/* ---- building an archive ---- */

typedef struct bytes {
    char *data;
    size_t len, cap;
} bytes;

static void add(bytes *b, const void *data, size_t len) {
    if (b->len + len + 1 > b->cap) {
        b->cap = (b->len + len + 1) * 2;
        b->data = realloc(b->data, b->cap);
        assert_non_null(b->data);
    }
    memcpy(b->data + b->len, data, len);
    b->len += len;
    b->data[b->len] = '\0';
}

static void add_str(bytes *b, const char *s) {
    add(b, s, strlen(s));
}

/* A page with an article: a headline and paragraphs of prose, SUBJECT in
 * each so that pages differ. */
static void article_page(bytes *page, const char *subject) {
    char para[512];
    snprintf(para, sizeof para,
             "<p>The council voted on Tuesday to extend the %s programme for another three "
             "years, after a long debate in which members weighed its cost against the "
             "benefits residents had reported since it began.</p>\n",
             subject);
    add_str(page, "<!DOCTYPE html><html><head><title>");
    add_str(page, subject);
    add_str(page, " extended</title></head><body><nav><a href=/>Home</a></nav><article><h1>");
    add_str(page, subject);
    add_str(page, " extended</h1>\n");
    for (int i = 0; i < 5; i++)
        add_str(page, para);
    add_str(page, "</article><footer>Contact us</footer></body></html>\n");
}

/* One WARC record of TYPE around BLOCK; DECLARED, when not 0, is the
 * Content-Length the header claims instead of the block's own. */
static void add_record(bytes *w, const char *type, const char *uri, const char *id,
                       const bytes *block, size_t declared) {
    char header[512];
    snprintf(header, sizeof header,
             "WARC/1.0\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Date: "
             "2025-03-05T12:00:00Z\r\nWARC-Record-ID: %s\r\nContent-Length: %zu\r\n\r\n",
             type, uri, id, declared ? declared : block->len);
    add_str(w, header);
    add(w, block->data, block->len);
    add_str(w, "\r\n\r\n");
}

/* A 200 HTML response of PAGE with CONTENT_TYPE. */
static void add_response(bytes *w, const char *uri, const char *id, const char *content_type,
                         const bytes *page) {
    bytes http = {0};
    char head[256];
    snprintf(head, sizeof head, "HTTP/1.1 200 OK\r\nContent-Type: %s\r\n\r\n", content_type);
    add_str(&http, head);
    add(&http, page->data, page->len);
    add_record(w, "response", uri, id, &http, 0);
    free(http.data);
}

static void add_article(bytes *w, const char *uri, const char *id, const char *subject) {
    bytes page = {0};
    article_page(&page, subject);
    add_response(w, uri, id, "text/html; charset=utf-8", &page);
    free(page.data);
}

/* The gzip member of RECORD, appended to OUT. */
static void add_gzip_member(bytes *out, const bytes *record) {
    z_stream z;
    memset(&z, 0, sizeof z);
    assert_int_equal(deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY),
                     Z_OK);
    uLong cap = deflateBound(&z, (uLong)record->len);
    unsigned char *buf = malloc(cap);
    assert_non_null(buf);
    z.next_in = (unsigned char *)record->data;
    z.avail_in = (uInt)record->len;
    z.next_out = buf;
    z.avail_out = (uInt)cap;
    assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
    add(out, buf, z.total_out);
    deflateEnd(&z);
    free(buf);
}

/* B written to a temporary file; its path into PATH (PATH_MAX-sized). */
static void write_temp(const bytes *b, char *path, size_t cap) {
    snprintf(path, cap, "/tmp/lede-test-warc-XXXXXX");
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, b->data, b->len), (ssize_t)b->len);
    close(fd);
}

/* The next record of R, which must be there. */
static lede_warc_record *next_record(lede_warc *r) {
    lede_warc_record *rec = NULL;
    assert_int_equal(lede_warc_next(r, &rec), LEDE_OK);
    assert_non_null(rec);
    return rec;
}

static void assert_at_end(lede_warc *r) {
    lede_warc_record *rec = (lede_warc_record *)1;
    assert_int_equal(lede_warc_next(r, &rec), LEDE_OK);
    assert_null(rec);
}

/* REC is a page at OFFSET from URI whose article extracts, titled TITLE. */
static void assert_page(lede_warc_record *rec, unsigned long long offset, const char *uri,
                        const char *title) {
    assert_null(lede_warc_record_error(rec));
    assert_int_equal(lede_warc_record_offset(rec), offset);
    assert_string_equal(lede_warc_record_target_uri(rec), uri);
    assert_string_equal(lede_warc_record_date(rec), "2025-03-05T12:00:00Z");
    size_t len = 0;
    assert_non_null(lede_warc_record_payload(rec, &len));
    assert_true(len > 0);
    lede_result *res = NULL;
    assert_int_equal(lede_warc_record_extract(rec, NULL, &res), LEDE_OK);
    assert_string_equal(lede_result_string(res, LEDE_FIELD_TITLE), title);
    /* the target URI stands for the page's address */
    assert_string_equal(lede_result_string(res, LEDE_FIELD_URL), uri);
    assert_non_null(strstr(lede_result_string(res, LEDE_FIELD_TEXT), "council voted"));
    lede_result_free(res);
}

/* REC is the damaged record at OFFSET of the input named NAME. */
static void assert_damaged(lede_warc_record *rec, const char *name, unsigned long long offset) {
    assert_non_null(lede_warc_record_error(rec));
    assert_int_equal(lede_warc_record_offset(rec), offset);
    char source[512];
    snprintf(source, sizeof source, "%s:%llu", name, offset);
    assert_string_equal(lede_warc_record_source(rec), source);
    size_t len = 1;
    assert_null(lede_warc_record_payload(rec, &len));
    assert_int_equal(len, 0);
    lede_result *res = (lede_result *)1;
    assert_int_equal(lede_warc_record_extract(rec, NULL, &res), LEDE_ERR_INVALID_ARG);
    assert_null(res);
}

/* ---- plain ---- */

/* Two pages, a request and a redirect passed over, then a record cut short
 * at the end of the file: an error record naming the file and the offset,
 * and the batch goes on to the end. */
static void test_plain_by_path_with_a_record_cut_short(void **state) {
    (void)state;
    bytes w = {0}, request = {0}, redirect = {0}, cut = {0};
    add_article(&w, "http://a.example/one", "<urn:uuid:1>", "Library");
    add_str(&request, "GET /two HTTP/1.1\r\nHost: a.example\r\n\r\n");
    add_record(&w, "request", "http://a.example/two", "<urn:uuid:2>", &request, 0);
    add_str(&redirect, "HTTP/1.1 301 Moved\r\nLocation: /three\r\n\r\n");
    add_record(&w, "response", "http://a.example/two", "<urn:uuid:3>", &redirect, 0);
    size_t third = w.len;
    add_article(&w, "http://a.example/three", "<urn:uuid:4>", "Bus route");
    size_t last = w.len;
    add_str(&cut, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>cut");
    add_record(&w, "response", "http://a.example/four", "<urn:uuid:5>", &cut, 5000);
    w.len -= 4; /* the file ends inside the block */
    char path[64];
    write_temp(&w, path, sizeof path);

    lede_warc *r = NULL;
    assert_int_equal(lede_warc_open_path(path, NULL, &r), LEDE_OK);
    lede_warc_record *rec = next_record(r);
    assert_page(rec, 0, "http://a.example/one", "Library extended");
    assert_string_equal(lede_warc_record_id(rec), "<urn:uuid:1>");
    assert_string_equal(lede_warc_record_charset(rec), "utf-8");
    lede_warc_record_free(rec);
    rec = next_record(r);
    assert_page(rec, third, "http://a.example/three", "Bus route extended");
    lede_warc_record_free(rec);
    rec = next_record(r);
    assert_damaged(rec, path, last);
    assert_non_null(strstr(lede_warc_record_error(rec), "cut short"));
    lede_warc_record_free(rec);
    assert_at_end(r);
    assert_at_end(r);
    lede_warc_close(r);
    unlink(path);
    free(w.data);
    free(request.data);
    free(redirect.data);
    free(cut.data);
}

/* ---- gzip, one member a record ---- */

/* A member cut short in the middle of the file: an error record at its
 * offset, and the member after it is read. */
static void test_gzip_by_fd_with_a_member_cut_short(void **state) {
    (void)state;
    bytes w = {0}, rec1 = {0}, rec2 = {0}, rec3 = {0}, member2 = {0};
    add_article(&rec1, "http://a.example/one", "<urn:uuid:1>", "Library");
    add_article(&rec2, "http://a.example/two", "<urn:uuid:2>", "Tram line");
    add_article(&rec3, "http://a.example/three", "<urn:uuid:3>", "Bus route");
    add_gzip_member(&w, &rec1);
    size_t second = w.len;
    add_gzip_member(&member2, &rec2);
    add(&w, member2.data, member2.len / 2);
    size_t third = w.len;
    add_gzip_member(&w, &rec3);
    char path[64];
    write_temp(&w, path, sizeof path);
    FILE *f = fopen(path, "rb");
    assert_non_null(f);

    lede_warc_options opt;
    lede_warc_options_init(&opt);
    opt.name = "crawl.warc.gz";
    lede_warc *r = NULL;
    assert_int_equal(lede_warc_open_fd(fileno(f), &opt, &r), LEDE_OK);
    lede_warc_record *rec = next_record(r);
    assert_page(rec, 0, "http://a.example/one", "Library extended");
    lede_warc_record_free(rec);
    rec = next_record(r);
    assert_damaged(rec, "crawl.warc.gz", second);
    lede_warc_record_free(rec);
    rec = next_record(r);
    assert_page(rec, third, "http://a.example/three", "Bus route extended");
    lede_warc_record_free(rec);
    assert_at_end(r);
    lede_warc_close(r);
    fclose(f); /* the descriptor stayed the caller's */
    unlink(path);
    free(w.data);
    free(rec1.data);
    free(rec2.data);
    free(rec3.data);
    free(member2.data);
}

/* ---- a read callback ---- */

typedef struct memory_stream {
    const char *data;
    size_t len, at, chunk;
} memory_stream;

/* At most CHUNK bytes a call, as a pipe gives them. */
static long long memory_read(void *ctx, void *buf, size_t cap) {
    memory_stream *m = ctx;
    size_t n = m->len - m->at;
    if (n > cap)
        n = cap;
    if (n > m->chunk)
        n = m->chunk;
    memcpy(buf, m->data + m->at, n);
    m->at += n;
    return (long long)n;
}

/* A gzip'ed archive sniffed from its head, the head handed on, the rest
 * read through the callback; a Latin-1 page decoded by its HTTP charset. */
static void test_read_callback_with_sniffed_head(void **state) {
    (void)state;
    bytes plain = {0}, w = {0}, latin = {0};
    add_article(&plain, "http://a.example/one", "<urn:uuid:1>", "Library");
    add_gzip_member(&w, &plain);
    size_t second = w.len;
    plain.len = 0;
    article_page(&latin, "Caf\xe9");
    add_response(&plain, "http://a.example/cafe", "<urn:uuid:2>",
                 "text/html; charset=iso-8859-1", &latin);
    add_gzip_member(&w, &plain);

    memory_stream m = {w.data, w.len, 0, 1000};
    char head[LEDE_WARC_SNIFF_SIZE];
    long long got = memory_read(&m, head, sizeof head);
    assert_true(lede_warc_sniff(head, (size_t)got));
    lede_warc_options opt;
    lede_warc_options_init(&opt);
    opt.head = head;
    opt.head_len = (size_t)got;
    lede_warc *r = NULL;
    assert_int_equal(lede_warc_open_read(memory_read, &m, &opt, &r), LEDE_OK);
    lede_warc_record *rec = next_record(r);
    assert_page(rec, 0, "http://a.example/one", "Library extended");
    assert_string_equal(lede_warc_record_source(rec), "-:0");
    lede_warc_record_free(rec);
    rec = next_record(r);
    assert_int_equal(lede_warc_record_offset(rec), second);
    assert_string_equal(lede_warc_record_charset(rec), "iso-8859-1");
    lede_result *res = NULL;
    assert_int_equal(lede_warc_record_extract(rec, NULL, &res), LEDE_OK);
    assert_string_equal(lede_result_string(res, LEDE_FIELD_TITLE), "Caf\xc3\xa9 extended");
    lede_result_free(res);
    /* The caller's word wins over the record's. */
    lede_options o;
    lede_options_init(&o);
    o.url = "http://b.example/elsewhere";
    assert_int_equal(lede_warc_record_extract(rec, &o, &res), LEDE_OK);
    assert_string_equal(lede_result_string(res, LEDE_FIELD_URL), "http://b.example/elsewhere");
    lede_result_free(res);
    lede_warc_record_free(rec);
    assert_at_end(r);
    lede_warc_close(r);
    free(plain.data);
    free(w.data);
    free(latin.data);
}

/* ---- opening, sniffing ---- */

static void test_open_errors_and_sniffing(void **state) {
    (void)state;
    lede_warc *r = (lede_warc *)1;
    errno = 0;
    assert_int_equal(lede_warc_open_path("/nonexistent/lede/a.warc", NULL, &r), LEDE_ERR_IO);
    assert_int_equal(errno, ENOENT);
    assert_null(r);
    assert_int_equal(lede_warc_open_read(NULL, NULL, NULL, &r), LEDE_ERR_INVALID_ARG);
    assert_int_equal(lede_warc_open_fd(-1, NULL, &r), LEDE_ERR_INVALID_ARG);
    lede_warc_options opt;
    lede_warc_options_init(&opt);
    opt.head_len = LEDE_WARC_SNIFF_SIZE + 1;
    opt.head = "x";
    assert_int_equal(lede_warc_open_fd(0, &opt, &r), LEDE_ERR_INVALID_ARG);

    assert_true(lede_warc_sniff("WARC/1.1\r\n", 10));
    assert_false(lede_warc_sniff("<!DOCTYPE html>", 15));
    assert_false(lede_warc_sniff("\x1f\x8b", 2));
    bytes record = {0}, gz = {0};
    add_article(&record, "http://a.example/one", "<urn:uuid:1>", "Library");
    add_gzip_member(&gz, &record);
    assert_true(lede_warc_sniff(gz.data, gz.len));
    char path[64];
    write_temp(&gz, path, sizeof path);
    assert_true(lede_warc_sniff_path(path));
    unlink(path);
    assert_false(lede_warc_sniff_path("/nonexistent/lede/a.warc"));
    free(record.data);
    free(gz.data);
}

/* ---- options that grow, the version ---- */

static void test_options_sizes(void **state) {
    (void)state;
    static const char page[] = "<html><body><article><p>Some text of a page.</p></article></body></html>";
    /* A caller compiled against a newer header: its longer structure is
     * taken while what this library does not know is zero. */
    struct {
        lede_options known;
        long newer_member;
    } newer;
    memset(&newer, 0, sizeof newer);
    lede_options_defaults(&newer.known, sizeof newer);
    assert_int_equal(newer.known.size, sizeof newer);
    assert_true(newer.known.max_input > 0);
    lede_result *res = NULL;
    lede_status st = lede_extract(page, sizeof page - 1, &newer.known, &res);
    assert_true(st == LEDE_OK || st == LEDE_ERR_NO_ARTICLE);
    lede_result_free(res);
    newer.newer_member = 1;
    assert_int_equal(lede_extract(page, sizeof page - 1, &newer.known, &res),
                     LEDE_ERR_INVALID_ARG);
    /* A structure without its size is refused, not read. */
    lede_options none;
    memset(&none, 0, sizeof none);
    assert_int_equal(lede_extract(page, sizeof page - 1, &none, &res), LEDE_ERR_INVALID_ARG);
    assert_null(res);
    lede_warc_options wo;
    memset(&wo, 0, sizeof wo);
    lede_warc *r = NULL;
    assert_int_equal(lede_warc_open_fd(0, &wo, &r), LEDE_ERR_INVALID_ARG);
    assert_null(r);

    assert_int_equal(LEDE_VERSION_NUM, 100);
    assert_int_equal(lede_version(), LEDE_VERSION_NUM);
    assert_string_equal(lede_strerror(LEDE_ERR_IO),
                        "input/output error: a file could not be opened or read");
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain_by_path_with_a_record_cut_short),
        cmocka_unit_test(test_gzip_by_fd_with_a_member_cut_short),
        cmocka_unit_test(test_read_callback_with_sniffed_head),
        cmocka_unit_test(test_open_errors_and_sniffing),
        cmocka_unit_test(test_options_sizes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
