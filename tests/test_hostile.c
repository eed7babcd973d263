/*
 * test_hostile.c — lede_extract() on input made to break it.
 *
 * Every case builds its page here (nothing big is checked in) and demands
 * the same thing: LEDE_OK with a well-formed result, or a clear non-OK
 * status with no result; never a crash, never a hang. Each case states the
 * statuses it accepts, the LEDE_TRUNCATED_* bits it must see, and runs
 * under a time bound far above what it takes (the times are printed, so
 * `ctest -V -R hostile` shows them), so that a page that becomes quadratic
 * fails here instead of hanging a crawler.
 *
 * Under a sanitizer the giant cases are scaled down (HOSTILE_SCALE): ASan
 * makes libxml2 and lede 3-10 times slower and every allocation larger, and
 * the shapes, not the sizes, are what the sanitizers check.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <cmocka.h>
#include <zlib.h>

#include "lede.h"
#include "lede_limits.h"

#ifndef HOSTILE_SCALE
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define HOSTILE_SCALE 8
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define HOSTILE_SCALE 8
#endif
#endif
#endif
#ifndef HOSTILE_SCALE
#define HOSTILE_SCALE 1
#endif

/* No case may take longer than this; the slowest takes about a tenth of it
 * in a release build. Under a sanitizer the sizes shrink by HOSTILE_SCALE
 * and the code slows by about as much. */
#define MAX_SECONDS 60.0

#define MB ((size_t)1 << 20)

static const char PROSE[] =
    "<p>The council met on Tuesday, after a long delay, to discuss the budget, the new "
    "library and the state of the roads, which residents say have not been repaired in "
    "years.</p>\n";

/* ---- building pages ------------------------------------------------------ */

typedef struct page {
    char *data;
    size_t len, cap;
} page;

static void put(page *p, const void *s, size_t len) {
    if (p->len + len + 1 > p->cap) {
        size_t cap = p->cap ? p->cap : 4096;
        while (cap < p->len + len + 1)
            cap *= 2;
        p->data = realloc(p->data, cap);
        assert_non_null(p->data);
        p->cap = cap;
    }
    memcpy(p->data + p->len, s, len);
    p->len += len;
    p->data[p->len] = '\0';
}

static void puts_(page *p, const char *s) {
    put(p, s, strlen(s));
}

static void repeat(page *p, const char *s, size_t times) {
    size_t len = strlen(s);
    for (size_t i = 0; i < times; i++)
        put(p, s, len);
}

static void fill(page *p, char c, size_t times) {
    if (p->len + times + 1 > p->cap) {
        p->cap = p->len + times + 1;
        p->data = realloc(p->data, p->cap);
        assert_non_null(p->data);
    }
    memset(p->data + p->len, c, times);
    p->len += times;
    p->data[p->len] = '\0';
}

static void page_free(page *p) {
    free(p->data);
    memset(p, 0, sizeof *p);
}

/* ---- what every result must be ------------------------------------------ */

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int is_valid_utf8(const char *s) {
    const unsigned char *u = (const unsigned char *)s;
    while (*u) {
        if (*u < 0x80) {
            u++;
            continue;
        }
        int n = *u >= 0xF0 ? 3 : *u >= 0xE0 ? 2 : *u >= 0xC2 ? 1 : -1;
        if (n < 0 || *u > 0xF4)
            return 0;
        for (int k = 1; k <= n; k++)
            if ((u[k] & 0xC0) != 0x80)
                return 0;
        u += n + 1;
    }
    return 1;
}

static void check_string(const char *s, size_t max) {
    if (!s)
        return;
    assert_true(strlen(s) <= max);
    assert_true(is_valid_utf8(s));
}

static void check_result(const lede_result *r, const lede_options *opt) {
    assert_non_null(lede_result_string(r, LEDE_FIELD_BODY));
    assert_non_null(lede_result_string(r, LEDE_FIELD_TEXT));
    for (int field = 0; field < LEDE_FIELD_COUNT; field++) {
        check_string(lede_result_string(r, field), opt->max_output);
        for (size_t i = 0; i < lede_result_count(r, field); i++)
            check_string(lede_result_item(r, field, i), opt->max_output);
    }
    if (opt->format == LEDE_FORMAT_HTML) {
        assert_true(strncmp(lede_result_string(r, LEDE_FIELD_BODY), "<article", 8) == 0);
        assert_non_null(strstr(lede_result_string(r, LEDE_FIELD_BODY), "</article>"));
    }
}

/* Statuses a case accepts besides LEDE_OK. */
enum {
    ALLOW_OK = 1u << 0,
    ALLOW_EMPTY = 1u << 1,
    ALLOW_NOT_HTML = 1u << 2,
    ALLOW_NO_ARTICLE = 1u << 3,
    ALLOW_TOO_LARGE = 1u << 4
};

static unsigned status_bit(lede_status st) {
    switch (st) {
    case LEDE_OK: return ALLOW_OK;
    case LEDE_ERR_EMPTY: return ALLOW_EMPTY;
    case LEDE_ERR_NOT_HTML: return ALLOW_NOT_HTML;
    case LEDE_ERR_NO_ARTICLE: return ALLOW_NO_ARTICLE;
    case LEDE_ERR_TOO_LARGE: return ALLOW_TOO_LARGE;
    default: return 0;
    }
}

/* A page without an article still gives its metadata, and no body. */
static void check_metadata_only(const lede_result *res) {
    assert_non_null(res);
    assert_null(lede_result_string(res, LEDE_FIELD_BODY));
    assert_null(lede_result_string(res, LEDE_FIELD_TEXT));
    assert_non_null(lede_result_string(res, LEDE_FIELD_TYPE));
    assert_true(lede_result_confidence(res) == 0);
}

/* Extract LEN bytes with OPT (NULL: defaults); fail unless the status is in
 * ALLOWED and the result is well formed; return the result (or NULL) for
 * the case's own checks. */
static lede_result *extract_opt(const char *what, const char *html, size_t len,
                                const lede_options *opt, unsigned allowed) {
    lede_options defaults;
    if (!opt) {
        lede_options_init(&defaults);
        opt = &defaults;
    }
    lede_result *res = NULL;
    double start = now();
    lede_status st = lede_extract(html, len, opt, &res);
    double took = now() - start;
    print_message("%-44s %9zu bytes  %6.3f s  %s%s\n", what, len, took, lede_strerror(st),
                  res && lede_result_truncated(res) ? "  (truncated)" : "");
    if (!(status_bit(st) & allowed))
        fail_msg("%s: status %d (%s) not expected", what, (int)st, lede_strerror(st));
    assert_true(took < MAX_SECONDS);
    if (st == LEDE_OK)
        check_result(res, opt);
    else if (st == LEDE_ERR_NO_ARTICLE)
        check_metadata_only(res);
    else
        assert_null(res);
    return res;
}

static lede_result *extract(const char *what, const page *p, unsigned allowed) {
    return extract_opt(what, p->data, p->len, NULL, allowed);
}

/* Extract P in every format; all must pass; none may be truncated in a way
 * other than WANT_TRUNCATED when the status is LEDE_OK. */
static void extract_all_formats(const char *what, const page *p, unsigned allowed,
                                unsigned want_truncated) {
    for (int f = LEDE_FORMAT_TEXT; f <= LEDE_FORMAT_HTML; f++) {
        lede_options opt;
        lede_options_init(&opt);
        opt.format = (lede_format)f;
        lede_result *r = extract_opt(what, p->data, p->len, &opt, allowed);
        if (r)
            assert_int_equal(lede_result_truncated(r) & want_truncated, want_truncated);
        lede_result_free(r);
    }
}

static void open_page(page *p) {
    puts_(p, "<!DOCTYPE html><html><head><title>Council meets</title></head><body>");
}

/* ---- tiny and broken ----------------------------------------------------- */

static void test_empty_input_is_empty(void **state) {
    (void)state;
    extract_opt("empty", "", 0, NULL, ALLOW_EMPTY);
    extract_opt("NULL with length 0", NULL, 0, NULL, ALLOW_EMPTY);
}

static void test_whitespace_only_is_empty(void **state) {
    (void)state;
    page p = {0};
    repeat(&p, " \t\r\n\f\v", 100000);
    extract("whitespace only", &p, ALLOW_EMPTY);
    page_free(&p);
}

static void test_random_bytes_are_not_html(void **state) {
    (void)state;
    page p = {0};
    uint32_t x = 2463534242u; /* xorshift: the same bytes every run */
    for (size_t i = 0; i < 1 * MB; i++) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        char c = (char)(x & 0xFF);
        put(&p, &c, 1);
    }
    extract("random bytes", &p, ALLOW_NOT_HTML | ALLOW_NO_ARTICLE);
    page_free(&p);
}

static void test_png_is_not_html(void **state) {
    (void)state;
    static const unsigned char png[] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13,
                                        'I',  'H', 'D', 'R', 0,    0,    1,    0,    0, 0, 1, 0,
                                        8,    6,   0,   0,   0};
    page p = {0};
    put(&p, png, sizeof png);
    for (int i = 0; i < 2000; i++) {
        unsigned char chunk[8] = {0, 0, (unsigned char)i, 0x78, 0x9C, 0xED, 0xC1, 0x01};
        put(&p, chunk, sizeof chunk);
    }
    extract("PNG image", &p, ALLOW_NOT_HTML);
    page_free(&p);
}

static void test_nul_bytes_inside_html(void **state) {
    (void)state;
    page p = {0};
    open_page(&p);
    for (int i = 0; i < 20; i++) {
        puts_(&p, "<p>The council met on Tuesday");
        put(&p, "\0\0", 2);
        puts_(&p, ", after a long delay, to discuss the budget and the roads of the town.</p>");
    }
    puts_(&p, "</body></html>");
    lede_result *r = extract("NUL bytes inside text", &p, ALLOW_OK);
    assert_non_null(strstr(lede_result_string(r, LEDE_FIELD_TEXT), "after a long delay"));
    lede_result_free(r);
    page_free(&p);
}

static void test_truncated_page(void **state) {
    (void)state;
    page p = {0};
    open_page(&p);
    repeat(&p, PROSE, 20);
    puts_(&p, "<p>And then the mayor said that the cou");
    lede_result *r = extract("page cut off mid-sentence", &p, ALLOW_OK);
    assert_non_null(strstr(lede_result_string(r, LEDE_FIELD_TEXT), "the mayor said that the cou"));
    lede_result_free(r);
    /* cut inside a tag, an attribute and an entity */
    const char *cuts[] = {"<div class=\"art", "<a href='http://x", "&am", "<", "</", "<!"};
    for (size_t i = 0; i < sizeof cuts / sizeof cuts[0]; i++) {
        page q = {0};
        open_page(&q);
        repeat(&q, PROSE, 20);
        puts_(&q, cuts[i]);
        lede_result_free(extract(cuts[i], &q, ALLOW_OK));
        page_free(&q);
    }
    page_free(&p);
}

static void test_unclosed_comment_swallows_the_rest(void **state) {
    (void)state;
    page p = {0};
    open_page(&p);
    repeat(&p, PROSE, 10);
    puts_(&p, "<!-- a comment that never ends ");
    repeat(&p, PROSE, 10000);
    lede_result_free(extract("unclosed comment", &p, ALLOW_OK | ALLOW_NO_ARTICLE));
    page_free(&p);
}

static void test_unclosed_script_and_style(void **state) {
    (void)state;
    const char *opens[] = {"<script>", "<style>", "<script type=\"application/ld+json\">{",
                           "<textarea>", "<title>", "<xmp>", "<plaintext>", "<noscript>"};
    for (size_t i = 0; i < sizeof opens / sizeof opens[0]; i++) {
        page p = {0};
        open_page(&p);
        repeat(&p, PROSE, 10);
        puts_(&p, opens[i]);
        repeat(&p, "var x = '<p>not text</p>'; if (a < b && c > d) { run(); }\n", 20000);
        lede_result_free(extract(opens[i], &p, ALLOW_OK | ALLOW_NO_ARTICLE));
        page_free(&p);
    }
}

/* ---- deep ------------------------------------------------------------------ */

static void test_million_nested_divs_are_flattened(void **state) {
    (void)state;
    size_t depth = 1000000 / HOSTILE_SCALE;
    page p = {0};
    open_page(&p);
    repeat(&p, "<div>", depth);
    puts_(&p, PROSE);
    repeat(&p, "</div>", depth);
    puts_(&p, "</body></html>");
    lede_result *r = extract("1,000,000 nested <div>", &p, ALLOW_OK);
    assert_non_null(strstr(lede_result_string(r, LEDE_FIELD_TEXT), "The council met on Tuesday"));
    assert_true(lede_result_truncated(r) & LEDE_TRUNCATED_DEPTH);
    lede_result_free(r);
    page_free(&p);

    /* never closed, text at every level */
    page q = {0};
    open_page(&q);
    for (size_t i = 0; i < depth / 4; i++)
        puts_(&q, "<div>word, ");
    r = extract("250,000 unclosed <div> with text", &q, ALLOW_OK);
    assert_true(lede_result_truncated(r) & LEDE_TRUNCATED_DEPTH);
    lede_result_free(r);
    page_free(&q);
}

static void test_deep_inline_and_table_nesting(void **state) {
    (void)state;
    const char *opens[] = {"<a href=\"/x\">", "<b>", "<table><tr><td>", "<span>", "<ul><li>",
                           "<blockquote>", "<font>", "<svg>", "<math>", "<select>",
                           "<p><em>"};
    size_t depth = 100000 / HOSTILE_SCALE;
    for (size_t i = 0; i < sizeof opens / sizeof opens[0]; i++) {
        page p = {0};
        open_page(&p);
        puts_(&p, PROSE);
        for (size_t k = 0; k < depth; k++) {
            puts_(&p, opens[i]);
            puts_(&p, "x ");
        }
        puts_(&p, PROSE);
        char what[64];
        snprintf(what, sizeof what, "100,000 nested %s", opens[i]);
        extract_all_formats(what, &p, ALLOW_OK | ALLOW_NO_ARTICLE, 0);
        page_free(&p);
    }
}

/* Each end tag that matches no open element makes libxml2 scan all the
 * open ones: quadratic unless bounded. */
static void test_repairs_under_deep_nesting_are_bounded(void **state) {
    (void)state;
    size_t depth = 100000 / HOSTILE_SCALE, repairs = 1000000 / HOSTILE_SCALE;
    const char *strays[] = {"</x>", "</span>", "</p>", "<body>", "<body></body>"};
    for (size_t i = 0; i < sizeof strays / sizeof strays[0]; i++) {
        page p = {0};
        open_page(&p);
        repeat(&p, PROSE, 5);
        repeat(&p, "<div>", depth);
        repeat(&p, strays[i], repairs);
        char what[64];
        snprintf(what, sizeof what, "100,000 <div> then 1,000,000 %s", strays[i]);
        lede_result *r = extract(what, &p, ALLOW_OK);
        assert_non_null(strstr(lede_result_string(r, LEDE_FIELD_TEXT), "The council met"));
        assert_true(lede_result_truncated(r) & LEDE_TRUNCATED_REPAIRS);
        lede_result_free(r);
        page_free(&p);
    }
}

/* ---- wide ------------------------------------------------------------------ */

static void test_huge_attribute_is_cut(void **state) {
    (void)state;
    page p = {0};
    open_page(&p);
    repeat(&p, PROSE, 5);
    puts_(&p, "<img alt=\"chart\" src=\"data:image/png;base64,");
    fill(&p, 'A', 50 * MB / HOSTILE_SCALE);
    puts_(&p, "\">");
    repeat(&p, PROSE, 5);
    puts_(&p, "</body></html>");
    extract_all_formats("50 MB attribute", &p, ALLOW_OK, LEDE_TRUNCATED_ATTRS);
    page_free(&p);
}

static void test_million_attributes_on_one_element(void **state) {
    (void)state;
    page p = {0};
    open_page(&p);
    puts_(&p, "<div class=\"article\"");
    char attr[32];
    for (size_t i = 0; i < 1000000 / HOSTILE_SCALE; i++) {
        int n = snprintf(attr, sizeof attr, " data-a%zu=\"%zu\"", i, i);
        put(&p, attr, (size_t)n);
    }
    puts_(&p, ">");
    repeat(&p, PROSE, 10);
    puts_(&p, "</div></body></html>");
    lede_result *r = extract("1,000,000 attributes on one element", &p, ALLOW_OK);
    assert_true(lede_result_truncated(r) & LEDE_TRUNCATED_ATTRS);
    assert_non_null(strstr(lede_result_string(r, LEDE_FIELD_TEXT), "The council met"));
    lede_result_free(r);
    page_free(&p);
}

static void test_one_line_of_50_mb_is_cut_at_max_output(void **state) {
    (void)state;
    page p = {0};
    open_page(&p);
    puts_(&p, "<p>");
    repeat(&p, "word, ", 50 * MB / 6 / HOSTILE_SCALE);
    puts_(&p, "</p></body></html>");
    lede_result *r = extract("one line of 50 MB", &p, ALLOW_OK);
    if (HOSTILE_SCALE == 1) {
        assert_true(lede_result_truncated(r) & LEDE_TRUNCATED_OUTPUT);
        assert_true(strlen(lede_result_string(r, LEDE_FIELD_TEXT)) > LEDE_MAX_OUTPUT / 2);
    }
    lede_result_free(r);
    page_free(&p);
}

static void test_entity_flood(void **state) {
    (void)state;
    page p = {0};
    open_page(&p);
    puts_(&p, "<p>");
    repeat(&p, "&amp;", 10000000 / HOSTILE_SCALE);
    puts_(&p, "</p>");
    repeat(&p, PROSE, 5);
    puts_(&p, "<p>");
    repeat(&p, "&#x1F600;&nbsp;&#0;&#xD800;&#99999999;&bogus;", 100000 / HOSTILE_SCALE);
    puts_(&p, "</p></body></html>");
    extract_all_formats("entity flood", &p, ALLOW_OK, 0);
    page_free(&p);
}

/* The size of the biggest real pages comes from inline state and scripts
 * around an ordinary article. */
static void test_page_of_120_mb(void **state) {
    (void)state;
    page p = {0};
    open_page(&p);
    puts_(&p, "<nav><ul>");
    repeat(&p, "<li><a href=\"/section/news\">News</a></li>", 2000);
    puts_(&p, "</ul></nav><article><h1>Council meets</h1>");
    repeat(&p, PROSE, 1000);
    puts_(&p, "</article><script>window.__STATE__ = {\"items\": [");
    size_t target = 120 * MB / HOSTILE_SCALE;
    while (p.len < target)
        puts_(&p, "{\"id\": 12345, \"title\": \"A teaser <b>headline</b>\", \"n\": [1, 2]},");
    puts_(&p, "{}]};</script></body></html>");
    lede_result *r = extract("120 MB page (inline state)", &p, ALLOW_OK);
    assert_non_null(strstr(lede_result_string(r, LEDE_FIELD_TEXT), "The council met on Tuesday"));
    assert_null(strstr(lede_result_string(r, LEDE_FIELD_TEXT), "teaser"));
    lede_result_free(r);
    page_free(&p);
}

/* A long article of paragraphs, longer than max_output. */
static void test_article_longer_than_max_output(void **state) {
    (void)state;
    page p = {0};
    open_page(&p);
    puts_(&p, "<article>");
    size_t target = LEDE_MAX_OUTPUT + LEDE_MAX_OUTPUT / 2;
    if (HOSTILE_SCALE > 1)
        target /= 4;
    while (p.len < target)
        puts_(&p, PROSE);
    puts_(&p, "</article></body></html>");
    lede_options opt;
    lede_options_init(&opt);
    if (HOSTILE_SCALE > 1)
        opt.max_output = LEDE_MAX_OUTPUT / 8;
    for (int f = LEDE_FORMAT_TEXT; f <= LEDE_FORMAT_HTML; f++) {
        opt.format = (lede_format)f;
        lede_result *r = extract_opt("article of 24 MB of paragraphs", p.data, p.len, &opt,
                                     ALLOW_OK);
        assert_true(lede_result_truncated(r) & LEDE_TRUNCATED_OUTPUT);
        assert_true(strlen(lede_result_string(r, LEDE_FIELD_BODY)) > opt.max_output / 2);
        lede_result_free(r);
    }
    page_free(&p);
}

static void test_input_over_max_input_is_refused(void **state) {
    (void)state;
    lede_options opt;
    lede_options_init(&opt);
    opt.max_input = 1000;
    page p = {0};
    open_page(&p);
    repeat(&p, PROSE, 20);
    lede_result *r = extract_opt("over max_input", p.data, p.len, &opt, ALLOW_TOO_LARGE);
    assert_null(r);
    page_free(&p);
}

static void test_node_count_stops_the_parser(void **state) {
    (void)state;
    page p = {0};
    open_page(&p);
    repeat(&p, PROSE, 10);
    repeat(&p, "<br>", 8000000 / HOSTILE_SCALE);
    repeat(&p, PROSE, 10);
    lede_options opt;
    lede_options_init(&opt);
    opt.max_nodes = 1000000 / HOSTILE_SCALE;
    lede_result *r = extract_opt("8,000,000 <br>, max_nodes 1,000,000", p.data, p.len, &opt,
                                 ALLOW_OK);
    assert_true(lede_result_truncated(r) & LEDE_TRUNCATED_NODES);
    lede_result_free(r);
    page_free(&p);
}

/* With every limit tiny, every format stays well formed. */
static void test_tiny_limits_keep_output_well_formed(void **state) {
    (void)state;
    page p = {0};
    open_page(&p);
    puts_(&p, "<article><h2>Roads</h2><ul><li>One, two</li><li>Three</li></ul>"
              "<table><tr><th>Year</th><th>Cost</th></tr><tr><td>2023</td><td>5</td></tr>"
              "</table><blockquote>Quoted, at length.</blockquote>"
              "<p>An <a href=\"https://example.com/a&amp;b\">escaped &lt;link&gt;</a> "
              "and \xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80 in UTF-8.</p>");
    repeat(&p, PROSE, 50);
    puts_(&p, "</article></body></html>");
    for (size_t max = 1; max < 3000; max = max * 3 + 1) {
        for (int f = LEDE_FORMAT_TEXT; f <= LEDE_FORMAT_HTML; f++) {
            lede_options opt;
            lede_options_init(&opt);
            opt.format = (lede_format)f;
            opt.max_output = max;
            opt.max_attr_len = max;
            opt.max_attrs = 1;
            opt.max_depth = 4;
            lede_result *r = NULL;
            lede_status st = lede_extract(p.data, p.len, &opt, &r);
            assert_true(st == LEDE_OK || st == LEDE_ERR_NO_ARTICLE);
            if (st == LEDE_OK) {
                check_string(lede_result_string(r, LEDE_FIELD_BODY), max);
                check_string(lede_result_string(r, LEDE_FIELD_TEXT), max);
                assert_true(lede_result_truncated(r) & LEDE_TRUNCATED_OUTPUT);
                if (f == LEDE_FORMAT_HTML && max >= 64)
                    assert_non_null(strstr(lede_result_string(r, LEDE_FIELD_BODY), "</article>"));
            }
            lede_result_free(r);
        }
    }
    page_free(&p);
}

/* ---- odd pages ------------------------------------------------------------ */

static void test_frameset_page(void **state) {
    (void)state;
    page p = {0};
    puts_(&p, "<html><head><title>Frames</title></head><frameset cols=\"25%,75%\">"
              "<frame src=\"menu.html\"><frameset rows=\"50%,50%\"><frame src=\"a.html\">"
              "<frame src=\"b.html\"></frameset><noframes><body>");
    repeat(&p, PROSE, 5);
    puts_(&p, "</body></noframes></frameset></html>");
    extract_all_formats("frameset", &p, ALLOW_OK | ALLOW_NO_ARTICLE, 0);
    page_free(&p);
}

static void test_svg_and_mathml_heavy_page(void **state) {
    (void)state;
    page p = {0};
    open_page(&p);
    for (int i = 0; i < 2000; i++) {
        puts_(&p, "<svg viewBox=\"0 0 10 10\"><title>icon</title><g><path d=\"M0 0L10 10\"/>"
                  "<text x=\"1\">label</text><foreignObject><p>inside svg</p></foreignObject>"
                  "</g></svg><math><mrow><mi>x</mi><mo>=</mo><mfrac><mn>1</mn><mn>2</mn>"
                  "</mfrac></mrow></math>");
        if (i % 100 == 0)
            puts_(&p, PROSE);
    }
    puts_(&p, "</body></html>");
    extract_all_formats("SVG and MathML", &p, ALLOW_OK | ALLOW_NO_ARTICLE, 0);
    page_free(&p);
}

static void test_many_html_and_body_tags(void **state) {
    (void)state;
    page p = {0};
    for (int i = 0; i < 100000 / HOSTILE_SCALE; i++) {
        puts_(&p, "<html lang=\"en\"><head><title>T</title></head><body class=\"b\">");
        if (i % 1000 == 0)
            puts_(&p, PROSE);
        puts_(&p, "</body></html>");
    }
    extract_all_formats("100,000 <html>/<body>", &p, ALLOW_OK | ALLOW_NO_ARTICLE, 0);
    page_free(&p);
}

static void test_malformed_json_ld(void **state) {
    (void)state;
    const char *scripts[] = {
        "{\"@type\": \"NewsArticle\", \"headline\": ",
        "{\"@type\": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
        "[{\"@graph\": {\"@graph\": {\"@graph\": null}}}, 1, \"x\", true]",
        ("{\"@type\": \"NewsArticle\", \"author\": {\"name\": {\"name\": [1, {}, null]}}, "
         "\"datePublished\": 20240101, \"headline\": [\"a\", \"b\"], \"image\": {\"url\": {}}}"),
        "{\"headline\": \"\\ud800\\u0000 bad escapes \\x \", \"@type\": \"Article\"}",
        "\xFF\xFE not json at all </p> <!--",
    };
    for (size_t i = 0; i < sizeof scripts / sizeof scripts[0]; i++) {
        page p = {0};
        puts_(&p, "<html><head><script type=\"application/ld+json\">");
        puts_(&p, scripts[i]);
        puts_(&p, "</script></head><body>");
        repeat(&p, PROSE, 5);
        puts_(&p, "</body></html>");
        lede_result_free(extract("malformed JSON-LD", &p, ALLOW_OK));
        page_free(&p);
    }
    /* deep JSON: a parser that recurses would overflow its stack */
    page p = {0};
    puts_(&p, "<html><head><script type=\"application/ld+json\">");
    repeat(&p, "[", 1000000 / HOSTILE_SCALE);
    repeat(&p, "{\"@type\":", 100000 / HOSTILE_SCALE);
    puts_(&p, "</script></head><body>");
    repeat(&p, PROSE, 5);
    puts_(&p, "</body></html>");
    lede_result_free(extract("JSON-LD nested 1,000,000 deep", &p, ALLOW_OK));
    page_free(&p);
}

static void test_gzip_bomb_is_bounded(void **state) {
    (void)state;
    /* 1 GB of spaces and a paragraph, gzip'ed to about 1 MB */
    size_t inflated = ((size_t)1 << 30) / HOSTILE_SCALE;
    z_stream z;
    memset(&z, 0, sizeof z);
    assert_int_equal(deflateInit2(&z, 9, Z_DEFLATED, 16 + 15, 9, Z_DEFAULT_STRATEGY), Z_OK);
    size_t cap = inflated / 500 + 4096;
    unsigned char *out = malloc(cap);
    assert_non_null(out);
    z.next_out = out;
    z.avail_out = (uInt)cap;
    static unsigned char chunk[1 << 20];
    memset(chunk, ' ', sizeof chunk);
    memcpy(chunk, "<html><body><p>bomb</p>", 23);
    for (size_t done = 0; done < inflated; done += sizeof chunk) {
        z.next_in = chunk;
        z.avail_in = sizeof chunk;
        assert_int_equal(deflate(&z, Z_NO_FLUSH), Z_OK);
        memset(chunk, ' ', 23);
    }
    assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
    size_t len = cap - z.avail_out;
    deflateEnd(&z);
    /* Inflating stops one byte past max_input and refuses the page. */
    unsigned allowed = inflated > LEDE_MAX_INPUT ? ALLOW_TOO_LARGE
                                                 : ALLOW_OK | ALLOW_NO_ARTICLE | ALLOW_EMPTY;
    lede_result_free(extract_opt("gzip bomb (1 GB inflated)", (char *)out, len, NULL, allowed));
    /* So does a small bound on a small bomb, at the bound's cost. */
    lede_options small;
    lede_options_init(&small);
    small.max_input = (size_t)1 << 20;
    lede_result_free(extract_opt("gzip bomb, max_input 1 MB", (char *)out, len, &small,
                                 ALLOW_TOO_LARGE));
    free(out);
}

/* A UTF-8 page is read in place, not copied: bytes that end without a NUL,
 * in a buffer exactly their size (under the sanitizer, a read past the
 * end fails), give the article in every format, tags open at the end too. */
static void test_page_without_a_nul_is_read_in_place(void **state) {
    (void)state;
    static const char *const endings[] = {"</p></body></html>", "", "<p>and more <a href=\"/x"};
    for (size_t e = 0; e < sizeof endings / sizeof endings[0]; e++) {
        page p = {0};
        puts_(&p, "<html><head><title>Roads</title><script>var a = 1; var b = '<p>not text</p>';"
                  " var c = [1, 2, 3];</script></head><body><article><h1>Roads</h1>");
        for (int i = 0; i < 6; i++)
            puts_(&p, PROSE);
        puts_(&p, "<p>Caf\xC3\xA9 owners agreed.");
        puts_(&p, endings[e]);
        char *exact = malloc(p.len);
        assert_non_null(exact);
        memcpy(exact, p.data, p.len);
        for (int f = LEDE_FORMAT_TEXT; f <= LEDE_FORMAT_HTML; f++) {
            lede_options opt;
            lede_options_init(&opt);
            opt.format = (lede_format)f;
            lede_result_free(extract_opt("page without a NUL", exact, p.len, &opt, ALLOW_OK));
        }
        free(exact);
        free(p.data);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_empty_input_is_empty),
        cmocka_unit_test(test_page_without_a_nul_is_read_in_place),
        cmocka_unit_test(test_whitespace_only_is_empty),
        cmocka_unit_test(test_random_bytes_are_not_html),
        cmocka_unit_test(test_png_is_not_html),
        cmocka_unit_test(test_nul_bytes_inside_html),
        cmocka_unit_test(test_truncated_page),
        cmocka_unit_test(test_unclosed_comment_swallows_the_rest),
        cmocka_unit_test(test_unclosed_script_and_style),
        cmocka_unit_test(test_million_nested_divs_are_flattened),
        cmocka_unit_test(test_deep_inline_and_table_nesting),
        cmocka_unit_test(test_repairs_under_deep_nesting_are_bounded),
        cmocka_unit_test(test_huge_attribute_is_cut),
        cmocka_unit_test(test_million_attributes_on_one_element),
        cmocka_unit_test(test_one_line_of_50_mb_is_cut_at_max_output),
        cmocka_unit_test(test_entity_flood),
        cmocka_unit_test(test_page_of_120_mb),
        cmocka_unit_test(test_article_longer_than_max_output),
        cmocka_unit_test(test_input_over_max_input_is_refused),
        cmocka_unit_test(test_node_count_stops_the_parser),
        cmocka_unit_test(test_tiny_limits_keep_output_well_formed),
        cmocka_unit_test(test_frameset_page),
        cmocka_unit_test(test_svg_and_mathml_heavy_page),
        cmocka_unit_test(test_many_html_and_body_tags),
        cmocka_unit_test(test_malformed_json_ld),
        cmocka_unit_test(test_gzip_bomb_is_bounded),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
