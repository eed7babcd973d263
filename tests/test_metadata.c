/*
 * test_metadata.c — the metadata stage on small pages built for one
 * behaviour each: parse_html and vocab_mark, then metadata_extract, then the
 * fields.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmocka.h>

#include "lede.h"
#include "metadata/internal.h"
#include "metadata/metadata.h"
#include "parse.h"
#include "extract/vocab.h"

/* Parse HTML and extract its metadata into a fresh result. */
static lede_result *extract(const char *html) {
    document doc = {0};
    assert_int_equal(parse_html(html, strlen(html), 0, &doc), LEDE_OK);
    vocab_mark(&doc);
    lede_result *res = calloc(1, sizeof *res);
    assert_non_null(res);
    assert_int_equal(metadata_extract(&doc, NULL, res), LEDE_OK);
    document_free(&doc);
    return res;
}

#define PAGE(head, body) "<!DOCTYPE html><html><head>" head "</head><body>" body "</body></html>"
#define LD(json) "<script type=\"application/ld+json\">" json "</script>"

static void test_jsonld_news_article_with_author_object(void **state) {
    (void)state;
    lede_result *r = extract(PAGE(
        "<title>Storm hits coast | Daily Planet</title>"
        LD("{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\","
           "\"headline\":\"Storm hits coast\",\"author\":{\"@type\":\"Person\",\"name\":\"Jane Doe\"},"
           "\"datePublished\":\"2019-11-20T05:30:00Z\",\"dateModified\":\"2019-11-21T00:00:00Z\","
           "\"publisher\":{\"@type\":\"Organization\",\"name\":\"Daily Planet\"},"
           "\"description\":\"Winds of 100 km/h.\",\"articleSection\":\"Weather\","
           "\"image\":{\"@type\":\"ImageObject\",\"url\":\"https://example.com/a.jpg\"},"
           "\"inLanguage\":\"en_GB\"}"),
        "<p>text</p>"));
    assert_string_equal(r->title, "Storm hits coast");
    assert_string_equal(r->author, "Jane Doe");
    assert_string_equal(r->date, "2019-11-20T05:30:00Z");
    assert_string_equal(r->sitename, "Daily Planet");
    assert_string_equal(r->description, "Winds of 100 km/h.");
    assert_string_equal(r->section, "Weather");
    assert_string_equal(r->image, "https://example.com/a.jpg");
    assert_string_equal(r->language, "en-GB");
    lede_result_free(r);
}

static void test_jsonld_author_array_is_joined(void **state) {
    (void)state;
    lede_result *r = extract(PAGE(
        LD("{\"@type\":\"Article\",\"headline\":\"H\",\"author\":["
           "{\"@type\":\"Person\",\"name\":\"Jane Doe\"},\"John Roe\","
           "{\"@type\":\"Person\",\"name\":\"Jane Doe\"}]}"),
        ""));
    assert_string_equal(r->author, "Jane Doe; John Roe");
    lede_result_free(r);
}

/* A page whose JSON-LD declares no article but another work (a HowTo, a
 * Recipe) is dated by that work; an article's date comes first. */
static void test_jsonld_other_work_gives_the_date(void **state) {
    (void)state;
    lede_result *r = extract(PAGE(LD("{\"@context\":\"https://schema.org\",\"@type\":\"HowTo\","
                                     "\"name\":\"Round tablecloth\",\"datePublished\":"
                                     "\"2022-01-10T12:06:08:684Z\"}"),
                                  "<p>Body.</p>"));
    assert_string_equal(r->date, "2022-01-10T12:06:08.684Z");
    assert_string_equal(r->sources.date, "json-ld");
    lede_result_free(r);
    r = extract(PAGE(LD("[{\"@type\":\"Recipe\",\"datePublished\":\"2018-07-25\"},"
                        "{\"@type\":\"BlogPosting\",\"datePublished\":\"2019-01-02\"}]"),
                     "<p>Body.</p>"));
    assert_string_equal(r->date, "2019-01-02");
    lede_result_free(r);
}

static void test_jsonld_graph_resolves_references(void **state) {
    (void)state;
    lede_result *r = extract(PAGE(
        LD("{\"@context\":\"https://schema.org\",\"@graph\":["
           "{\"@type\":\"Organization\",\"@id\":\"#org\",\"name\":\"The Gazette\"},"
           "{\"@type\":\"WebSite\",\"@id\":\"#site\",\"name\":\"Gazette site\"},"
           "{\"@type\":\"Person\",\"@id\":\"#p1\",\"name\":\"Ann Smith\"},"
           "{\"@type\":\"WebPage\",\"@id\":\"#page\",\"name\":\"Page name - The Gazette\"},"
           "{\"@type\":[\"Article\",\"NewsArticle\"],\"headline\":\"Graph headline\","
           "\"author\":{\"@id\":\"#p1\"},\"publisher\":{\"@id\":\"#org\"},"
           "\"datePublished\":\"2020-01-02\",\"keywords\":[\"politics\",\"europe\"]}]}"),
        ""));
    assert_string_equal(r->title, "Graph headline");
    assert_string_equal(r->author, "Ann Smith");
    assert_string_equal(r->sitename, "The Gazette");
    assert_string_equal(r->date, "2020-01-02");
    assert_int_equal(r->tag_count, 2);
    assert_string_equal(r->tags[0], "politics");
    assert_string_equal(r->tags[1], "europe");
    lede_result_free(r);
}

static void test_jsonld_with_trailing_comma_is_repaired(void **state) {
    (void)state;
    lede_result *r = extract(PAGE(
        LD("<!--\n[{\"@type\":\"BlogPosting\",\"headline\":\"Fixed &amp; read\","
           "\"description\":\"line one\nline two\",\"author\":\"Jo Bloggs\",}]\n-->"),
        ""));
    assert_string_equal(r->title, "Fixed & read");
    assert_string_equal(r->description, "line one line two");
    assert_string_equal(r->author, "Jo Bloggs");
    lede_result_free(r);
}

static void test_jsonld_lone_surrogates_are_repaired(void **state) {
    (void)state;
    lede_result *r = extract(PAGE(
        LD("{\"@type\":\"NewsArticle\",\"headline\":\"Cut emoji \\ud83d\","
           "\"description\":\"low \\uDC00 then pair \\ud83d\\ude00 then high \\uD83D\\u0041\","
           "\"author\":\"Jo Bloggs\"}"),
        ""));
    assert_non_null(r->title);
    assert_string_equal(r->title, "Cut emoji \xEF\xBF\xBD");
    assert_string_equal(r->description,
                        "low \xEF\xBF\xBD then pair \xF0\x9F\x98\x80 then high \xEF\xBF\xBD" "A");
    assert_string_equal(r->author, "Jo Bloggs");
    assert_int_equal(r->truncated, 0);
    lede_result_free(r);
}

/* A page with one JSON-LD article whose articleBody is BODY_LEN bytes. */
static char *page_with_long_jsonld(size_t body_len) {
    static const char head[] = "<!DOCTYPE html><html><head>"
                               "<meta property=\"og:title\" content=\"OG headline\">"
                               "<script type=\"application/ld+json\">"
                               "{\"@type\":\"NewsArticle\",\"headline\":\"Long one\","
                               "\"author\":\"Jo Bloggs\",\"articleBody\":\"";
    static const char tail[] = "\"}</script></head><body><p>text</p></body></html>";
    char *html = malloc(sizeof head - 1 + body_len + sizeof tail);
    assert_non_null(html);
    memcpy(html, head, sizeof head - 1);
    for (size_t i = 0; i < body_len; i++)
        html[sizeof head - 1 + i] = i % 7 == 6 ? ' ' : 'w';
    memcpy(html + sizeof head - 1 + body_len, tail, sizeof tail);
    return html;
}

static void test_jsonld_block_over_2_mib_is_read(void **state) {
    (void)state;
    char *html = page_with_long_jsonld((size_t)3 << 20);
    lede_result *r = extract(html);
    assert_string_equal(r->title, "Long one");
    assert_string_equal(r->author, "Jo Bloggs");
    assert_int_equal(r->truncated & LEDE_TRUNCATED_JSONLD, 0);
    lede_result_free(r);
    free(html);
}

static void test_jsonld_block_over_the_limit_sets_truncated(void **state) {
    (void)state;
    char *html = page_with_long_jsonld((size_t)17 << 20);
    lede_result *r = extract(html);
    assert_true(r->truncated & LEDE_TRUNCATED_JSONLD);
    assert_string_equal(r->title, "OG headline"); /* the rest of the page still speaks */
    assert_null(r->author);
    lede_result_free(r);
    free(html);
}

static void test_jsonld_blocks_past_the_count_set_truncated(void **state) {
    (void)state;
    char html[8192] = "<!DOCTYPE html><html><head>";
    for (int i = 0; i < 17; i++)
        strcat(html, LD("{\"@type\":\"WebSite\",\"name\":\"Site\"}"));
    strcat(html, "</head><body><p>text</p></body></html>");
    lede_result *r = extract(html);
    assert_true(r->truncated & LEDE_TRUNCATED_JSONLD);
    lede_result_free(r);
}

static void test_jsonld_blocks_are_read_together(void **state) {
    (void)state;
    lede_result *r = extract(PAGE(
        LD("{\"@type\":\"WebPage\",\"name\":\"Page title\"}")
        LD("{\"@type\":\"ReportageNewsArticle\",\"headline\":\"Article title\"}"),
        ""));
    assert_string_equal(r->title, "Article title");
    lede_result_free(r);
}

static void test_opengraph_only_page(void **state) {
    (void)state;
    lede_result *r = extract(PAGE(
        "<meta property=\"og:title\" content=\"OG headline\">"
        "<meta property=\"og:site_name\" content=\"OG Site\">"
        "<meta property=\"og:description\" content=\"OG summary\">"
        "<meta property=\"og:image\" content=\"https://example.org/i.png\">"
        "<meta property=\"og:url\" content=\"https://example.org/story\">"
        "<meta property=\"og:locale\" content=\"pt_BR\">"
        "<meta property=\"article:published_time\" content=\"2021-03-04T10:11:12+01:00\">"
        "<meta property=\"article:author\" content=\"https://facebook.com/someone\">"
        "<meta property=\"article:section\" content=\"Sport\">"
        "<meta property=\"article:tag\" content=\"football\">"
        "<meta property=\"article:tag\" content=\"cup\">",
        ""));
    assert_string_equal(r->title, "OG headline");
    assert_string_equal(r->sitename, "OG Site");
    assert_string_equal(r->description, "OG summary");
    assert_string_equal(r->image, "https://example.org/i.png");
    assert_string_equal(r->url, "https://example.org/story");
    assert_string_equal(r->language, "pt-BR");
    assert_string_equal(r->date, "2021-03-04T10:11:12+01:00");
    assert_null(r->author); /* a profile URL is no name */
    assert_string_equal(r->section, "Sport");
    assert_int_equal(r->tag_count, 2);
    assert_string_equal(r->tags[1], "cup");
    lede_result_free(r);
}

static void test_meta_names_only_page(void **state) {
    (void)state;
    lede_result *r = extract(PAGE(
        "<title>Plain page</title>"
        "<meta name=\"author\" content=\"By Mary Major, Staff Writer\">"
        "<meta name=\"description\" content=\"  A   plain   summary \">"
        "<meta name=\"date\" content=\"Wed, 20 Nov 2019 10:00:00 GMT\">"
        "<meta http-equiv=\"content-language\" content=\"de\">"
        "<link rel=\"canonical\" href=\"https://example.net/plain\">",
        ""));
    assert_string_equal(r->title, "Plain page");
    assert_string_equal(r->author, "Mary Major");
    assert_string_equal(r->description, "A plain summary");
    assert_string_equal(r->date, "2019-11-20T10:00:00Z");
    assert_string_equal(r->language, "de");
    assert_string_equal(r->url, "https://example.net/plain");
    lede_result_free(r);
}

static void test_dublin_core_property_wins_over_name(void **state) {
    (void)state;
    lede_result *r = extract(PAGE(
        "<meta name=\"DC.title\" content=\"Name title\">"
        "<meta property=\"dc:title\" content=\"Property title\">"
        "<meta property=\"og:title twitter:title\" content=\"Other title\">",
        ""));
    assert_string_equal(r->title, "Property title");
    lede_result_free(r);
}

static void test_title_suffix_is_stripped_with_known_sitename(void **state) {
    (void)state;
    lede_result *r = extract(PAGE(
        "<title>Council approves new budget — The Town Crier</title>"
        "<meta property=\"og:site_name\" content=\"The Town Crier\">",
        ""));
    assert_string_equal(r->title, "Council approves new budget");
    lede_result_free(r);
    r = extract(PAGE("<title>The Town Crier: Council approves new budget</title>"
                     "<meta name=\"application-name\" content=\"The Town Crier\">",
                     ""));
    assert_string_equal(r->title, "Council approves new budget");
    lede_result_free(r);
}

static void test_title_keeps_colon_without_sitename(void **state) {
    (void)state;
    lede_result *r = extract(PAGE("<title>Review: a long title with a colon</title>", ""));
    assert_string_equal(r->title, "Review: a long title with a colon");
    lede_result_free(r);
}

static void test_declared_title_over_title_with_site_suffix(void **state) {
    (void)state;
    lede_result *r = extract(PAGE(
        "<title>Rates rise again | Money Desk</title>"
        "<meta property=\"og:title\" content=\"Rates rise again\">",
        "<h1>Money Desk</h1>"));
    assert_string_equal(r->title, "Rates rise again");
    lede_result_free(r);
}

static void test_h1_decides_between_declared_titles(void **state) {
    (void)state;
    lede_result *r = extract(PAGE(
        "<meta property=\"og:title\" content=\"Short share title\">"
        "<meta name=\"twitter:title\" content=\"The full headline of the story\">",
        "<h1 style=\"display:none\">Hidden</h1><h1>The full headline of the story</h1>"));
    assert_string_equal(r->title, "The full headline of the story");
    lede_result_free(r);
}

static void test_h1_is_title_fallback(void **state) {
    (void)state;
    lede_result *r = extract(PAGE("", "<h1>Only  a heading</h1><p>x</p>"));
    assert_string_equal(r->title, "Only a heading");
    lede_result_free(r);
    /* Blocks and line breaks inside are word breaks, inline elements not. */
    r = extract(PAGE("", "<h1><div>Council</div><div>approves</div>new<br>bud<b>get</b></h1>"));
    assert_string_equal(r->title, "Council approves new budget");
    lede_result_free(r);
}

static void test_visible_byline_by_prefix_is_stripped(void **state) {
    (void)state;
    lede_result *r = extract(PAGE(
        "",
        "<article><h1>Headline</h1><div class=\"article-byline\">By Jane Doe | "
        "November 20, 2019</div><p>Body.</p></article>"));
    assert_string_equal(r->author, "Jane Doe");
    lede_result_free(r);
}

static void test_byline_names_joined_by_and_are_split(void **state) {
    (void)state;
    lede_result *r = extract(PAGE(
        "", "<p class=\"byline\">Von Anna Berg und Otto Klein, 3. Mai 2020</p>"));
    assert_string_equal(r->author, "Anna Berg; Otto Klein");
    lede_result_free(r);
    r = extract(PAGE("", "<span rel=\"author\">Par Luc Martin &amp; Zoé Petit</span>"));
    assert_string_equal(r->author, "Luc Martin; Zoé Petit");
    lede_result_free(r);
}

static void test_author_equal_to_sitename_is_rejected(void **state) {
    (void)state;
    lede_result *r = extract(PAGE(
        "<meta property=\"og:site_name\" content=\"Example News\">"
        "<meta name=\"author\" content=\"Example News\">",
        "<span class=\"byline\">By Real Person</span>"));
    assert_string_equal(r->author, "Real Person");
    lede_result_free(r);
}

static void test_itemprop_author_name(void **state) {
    (void)state;
    lede_result *r = extract(PAGE(
        "",
        "<div itemprop=\"author\" itemscope><img src=x><span itemprop=\"name\">Kim Lee</span>"
        "<span itemprop=\"jobTitle\">Reporter</span></div>"
        "<meta itemprop=\"datePublished\" content=\"2018-02-03\">"));
    assert_string_equal(r->author, "Kim Lee");
    assert_string_equal(r->date, "2018-02-03");
    lede_result_free(r);
}

/* Pins walk.c collect_standalone_date(): a page that marks its date
 * nowhere is dated by the first short element that is a date and no more
 * (a table cell under an old page's title); not by a record's field in a
 * <dd> or an archive's <li>, which date the item, nor by a footer. */
static void test_a_date_standing_alone_dates_an_unmarked_page(void **state) {
    (void)state;
    lede_result *r = extract(PAGE(
        "<title>Provincial fair opens</title>",
        "<table><tr><td><b>Provincial fair opens</b></td></tr>"
        "<tr><td>2012-06-04 09:20:26</td></tr>"
        "<tr><td><p>The provincial fair opened on Monday with four hundred exhibitors from "
        "eleven cities, the organisers said.</p></td></tr></table>"
        "<footer><span>2024-01-01</span></footer>"));
    assert_non_null(r->date);
    assert_string_equal(r->date, "2012-06-04T09:20:26");
    lede_result_free(r);
    r = extract(PAGE(
        "<title>Murrays Mowing LLC</title>",
        "<p>Murrays Mowing LLC, a limited liability company of the county.</p>"
        "<dl><dt>Effective Date</dt><dd>Saturday, July 25, 2020</dd>"
        "</dl><ul><li><a href='/a'>Older record</a></li><li>03.02.2019</li></ul>"
        "<footer><p>2024-01-01</p></footer>"));
    assert_null(r->date);
    lede_result_free(r);
}

static void test_time_datetime_gives_date(void **state) {
    (void)state;
    lede_result *r = extract(PAGE(
        "", "<p>Posted <time datetime=\"2017-11-03 03:01:00\">Nov 3</time></p>"));
    assert_string_equal(r->date, "2017-11-03T03:01:00");
    lede_result_free(r);
}

static void test_pubdate_time_wins_over_other_time(void **state) {
    (void)state;
    lede_result *r = extract(PAGE(
        "", "<time datetime=\"2001-01-01\">x</time>"
            "<time pubdate datetime=\"2016-05-06T07:08:09-04:00\">y</time>"));
    assert_string_equal(r->date, "2016-05-06T07:08:09-04:00");
    lede_result_free(r);
}

static void test_modification_date_is_not_publication(void **state) {
    (void)state;
    lede_result *r = extract(PAGE(
        "<meta property=\"article:modified_time\" content=\"2022-02-02\">"
        "<meta property=\"article:published_time\" content=\"2021-01-01\">",
        ""));
    assert_string_equal(r->date, "2021-01-01");
    assert_string_equal(r->modified, "2022-02-02");
    lede_result_free(r);
    /* A page that declares only a modification has no publication date. */
    r = extract(PAGE("<meta property=\"article:modified_time\" content=\"2022-02-02\">", ""));
    assert_null(r->date);
    assert_string_equal(r->modified, "2022-02-02");
    lede_result_free(r);
}

/* JSON-LD's dateCreated is when the draft was begun: a publication date
 * declared elsewhere wins over it, and it still serves when alone; its
 * datePublished wins over the others. */
static void test_jsonld_date_created_yields_to_published_time(void **state) {
    (void)state;
    lede_result *r = extract(PAGE(
        "<meta property=\"article:published_time\" content=\"2017-02-23T17:18:13-08:00\">"
        LD("{\"@type\":\"NewsArticle\",\"dateCreated\":\"2017-02-20T09:00:00Z\"}"),
        ""));
    assert_string_equal(r->date, "2017-02-23T17:18:13-08:00");
    lede_result_free(r);
    r = extract(PAGE(LD("{\"@type\":\"NewsArticle\",\"dateCreated\":\"2017-02-20\"}"), ""));
    assert_string_equal(r->date, "2017-02-20");
    lede_result_free(r);
    r = extract(PAGE(
        "<meta property=\"article:published_time\" content=\"2017-02-23\">"
        LD("{\"@type\":\"NewsArticle\",\"datePublished\":\"2017-02-22\"}"),
        ""));
    assert_string_equal(r->date, "2017-02-22");
    lede_result_free(r);
}

/* The date of a page whose only declaration is <meta name=date content=V>. */
static char *date_of(const char *value) {
    char html[512];
    snprintf(html, sizeof html, PAGE("<meta name=\"date\" content=\"%s\">", ""), value);
    lede_result *r = extract(html);
    char *date = r->date ? strdup(r->date) : NULL;
    lede_result_free(r);
    return date;
}

static void test_dates_in_common_forms_are_normalised(void **state) {
    (void)state;
    static const char *const cases[][2] = {
        {"2019-11-20", "2019-11-20"},
        {"2019-11-20T05:30:00.123+0530", "2019-11-20T05:30:00.123+05:30"},
        {"2019/11/20", "2019-11-20"},
        {"20191120", "2019-11-20"},
        {"Wed, 20 Nov 2019 10:00:00 +0100", "2019-11-20T10:00:00+01:00"},
        {"November 20th, 2019 at 6:01 pm", "2019-11-20T18:01:00"},
        {"20.11.2019", "2019-11-20"},
        {"11/20/2019", "2019-11-20"},
        /* Two-digit years where the order is certain, in a window. */
        {"28.01.22", "2022-01-28"},
        {"28/01/22", "2022-01-28"},
        {"3.4.98", "1998-04-03"},
        /* C's and Java's form, its zone named. */
        {"Mon Aug 03 12:45:00 EDT 2015", "2015-08-03T12:45:00-04:00"},
        {"December 12, 2016 09:22 AM", "2016-12-12T09:22:00"},
        {"20191120T05:30:00Z", "2019-11-20T05:30:00Z"},
        {"2020-12-05T23:15:0Z", "2020-12-05T23:15:00Z"},
        /* Milliseconds after a colon: the zone after them still counts. */
        {"2019-03-05T22:06:08:684Z", "2019-03-05T22:06:08.684Z"},
        /* German typography's space after each dot, thin or no-break. */
        {"4. 2. 2022", "2022-02-04"},
        {"4.\xe2\x80\x89" "2.\xe2\x80\x89" "2022", "2022-02-04"},
        /* No-break spaces between the parts of a date. */
        {"11. November\xc2\xa0" "2021", "2021-11-11"},
        {"Montag,\xc2\xa0" "3.\xc2\xa0" "Mai 2021", "2021-05-03"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *date = date_of(cases[i][0]);
        assert_non_null(date);
        assert_string_equal(date, cases[i][1]);
        free(date);
    }
    static const char *const not_dates[] = {"03/04/2019", "2019-13-01", "2019-02-30", "soon",
                                            "12345",      "03/04/19",   "1.2.3.4",
                                            "4. 2. 22"};
    for (size_t i = 0; i < sizeof not_dates / sizeof not_dates[0]; i++)
        assert_null(date_of(not_dates[i]));
}

static void test_lang_is_normalised(void **state) {
    (void)state;
    lede_result *r = extract("<html lang=\"EN_us\"><head></head><body></body></html>");
    assert_string_equal(r->language, "en-US");
    lede_result_free(r);
    r = extract(PAGE("<meta property=\"og:locale\" content=\"zh_hant_tw\">", ""));
    assert_string_equal(r->language, "zh-Hant-TW");
    lede_result_free(r);
    r = extract("<html lang=\"no language!\"><head></head><body></body></html>");
    assert_null(r->language);
    lede_result_free(r);
}

/* The url and image fields resolve by RFC 3986 (src/url.c, as the bodies'
 * links do): dot segments go; a reference that is no web address, none. */
static void test_url_fields_resolve_by_rfc3986(void **state) {
    (void)state;
    lede_result *r = extract(PAGE(
        "<meta property=\"og:url\" content=\"https://example.org/news/a/story\">"
        "<link rel=\"canonical\" href=\"../b/./story?x=1\">"
        "<meta property=\"og:image\" content=\"img/../i.png\">",
        ""));
    assert_string_equal(r->url, "https://example.org/news/b/story?x=1");
    assert_string_equal(r->image, "https://example.org/news/b/i.png");
    lede_result_free(r);
    r = extract(PAGE("<meta property=\"og:url\" content=\"https://example.org/s\">"
                     "<meta property=\"og:image\" content=\"mailto:x@example.org\">",
                     ""));
    assert_null(r->image);
    lede_result_free(r);
}

static void test_tags_from_keywords(void **state) {
    (void)state;
    lede_result *r = extract(PAGE(
        "<meta name=\"keywords\" content=\"climate, Energy ,energy,, wind power\">", ""));
    assert_int_equal(r->tag_count, 3);
    assert_string_equal(r->tags[0], "climate");
    assert_string_equal(r->tags[1], "Energy");
    assert_string_equal(r->tags[2], "wind power");
    lede_result_free(r);
}

static void test_page_without_metadata_leaves_fields_null(void **state) {
    (void)state;
    lede_result *r = extract(PAGE("", "<nav><p>Home</p></nav>"));
    assert_null(r->title);
    assert_null(r->author);
    assert_null(r->date);
    assert_null(r->sitename);
    assert_null(r->description);
    assert_null(r->language);
    assert_null(r->url);
    assert_null(r->tags);
    lede_result_free(r);
}

static void test_first_paragraph_is_description_fallback(void **state) {
    (void)state;
    lede_result *r = extract(PAGE(
        "", "<header><p>Site slogan</p></header><p><a href=/x>Just a link</a></p>"
            "<p hidden>Hidden text</p><p><span aria-hidden=\"true\">[icon]</span>The  first "
            "paragraph of prose.</p><p>Second.</p>"));
    assert_string_equal(r->description, "The first paragraph of prose.");
    lede_result_free(r);
    r = extract(PAGE("<meta name=\"description\" content=\"Declared\">", "<p>Prose.</p>"));
    assert_string_equal(r->description, "Declared");
    lede_result_free(r);
}

static void test_hostile_jsonld_is_survived(void **state) {
    (void)state;
    /* Deep nesting, a huge array, and garbage: nothing crashes or hangs. */
    enum { DEPTH = 5000 };
    size_t cap = DEPTH * 24 + 256;
    char *html = malloc(cap);
    assert_non_null(html);
    size_t n = (size_t)snprintf(html, cap, "<html><head><script type=\"application/ld+json\">");
    for (int i = 0; i < DEPTH; i++)
        n += (size_t)snprintf(html + n, cap - n, "{\"mainEntity\":");
    n += (size_t)snprintf(html + n, cap - n, "1}}}</script>" LD("[,,,{\"@type\":") LD("\"\\u0000\"")
                          "</head><body></body></html>");
    lede_result *r = extract(html);
    assert_null(r->title);
    lede_result_free(r);
    free(html);
}

static void test_jsonld_creator_in_graph_gives_authors_modified_and_type(void **state) {
    (void)state;
    lede_result *r = extract(PAGE(
        LD("{\"@graph\":[{\"@type\":\"Person\",\"@id\":\"#a\",\"name\":\"Ana Ruiz\"},"
           "{\"@type\":\"BlogPosting\",\"headline\":\"It&#8217;s here\","
           "\"creator\":[{\"@id\":\"#a\"},{\"@type\":\"Person\",\"name\":\"Pedro Gil\"}],"
           "\"datePublished\":\"2020-05-03T08:00:00+02:00\",\"dateModified\":\"2020-05-04\"}]}"),
        ""));
    assert_string_equal(r->title, "It\u2019s here");
    assert_string_equal(r->author, "Ana Ruiz; Pedro Gil");
    assert_int_equal(r->author_count, 2);
    assert_string_equal(r->authors[0], "Ana Ruiz");
    assert_string_equal(r->authors[1], "Pedro Gil");
    assert_string_equal(r->date, "2020-05-03T08:00:00+02:00");
    assert_string_equal(r->modified, "2020-05-04");
    assert_string_equal(r->type, "blog post");
    assert_string_equal(r->sources.title, "json-ld");
    assert_string_equal(r->sources.author, "json-ld");
    assert_string_equal(r->sources.modified, "json-ld");
    assert_string_equal(r->sources.type, "json-ld");
    lede_result_free(r);
}

static void test_sources_name_each_field(void **state) {
    (void)state;
    lede_result *r = extract(
        "<html lang=\"fr\"><head><title>Le titre</title>"
        "<meta property=\"og:type\" content=\"article\">"
        "<meta property=\"article:modified_time\" content=\"2021-02-03T04:05:06Z\">"
        "<meta name=\"dc.creator\" content=\"Luc Martin\">"
        "<meta property=\"og:site_name\" content=\"Le Site\">"
        "<meta name=\"twitter:description\" content=\"R\u00e9sum\u00e9\">"
        "</head><body><p>x</p></body></html>");
    assert_string_equal(r->sources.title, "title");
    assert_string_equal(r->sources.author, "dc");
    assert_string_equal(r->sources.modified, "og");
    assert_string_equal(r->sources.sitename, "og");
    assert_string_equal(r->sources.description, "twitter");
    assert_string_equal(r->sources.language, "html");
    assert_string_equal(r->type, "article");
    assert_string_equal(r->sources.type, "og");
    assert_null(r->date);
    assert_null(r->sources.date);
    assert_null(r->sources.url);
    lede_result_free(r);
}

static void test_microdata_item_type_publisher_and_modified(void **state) {
    (void)state;
    lede_result *r = extract(PAGE(
        "", "<body itemscope itemtype=\"https://schema.org/WebPage\">"
            "<article itemscope itemtype=\"https://schema.org/NewsArticle\">"
            "<h1 itemprop=\"headline\">Micro headline</h1>"
            "<div itemprop=\"publisher\" itemscope><span itemprop=\"name\">Micro Times</span></div>"
            "<meta itemprop=\"dateModified\" content=\"2018-02-04\">"
            "<time itemprop=\"datePublished\" datetime=\"2018-02-03\">3 Feb</time>"
            "</article></body>"));
    assert_string_equal(r->title, "Micro headline");
    assert_string_equal(r->sitename, "Micro Times");
    assert_string_equal(r->sources.sitename, "microdata");
    assert_string_equal(r->date, "2018-02-03");
    assert_string_equal(r->modified, "2018-02-04");
    assert_string_equal(r->type, "article");
    assert_string_equal(r->sources.type, "microdata");
    lede_result_free(r);
}

/* The author of a page whose only byline is LINE (in a class=byline). */
static char *byline_of(const char *line) {
    char html[512];
    snprintf(html, sizeof html, PAGE("", "<p class=\"byline\">%s</p>"), line);
    lede_result *r = extract(html);
    char *author = r->author ? strdup(r->author) : NULL;
    lede_result_free(r);
    return author;
}

/* A generated name's number is the name's ("Person 0"), in a meta as in
 * a byline; a date after a name still goes. */
static void test_author_keeps_its_own_number(void **state) {
    (void)state;
    lede_result *r = extract(PAGE("<meta name=\"author\" content=\"Person 0\">", "<p>text</p>"));
    assert_string_equal(r->author, "Person 0");
    lede_result_free(r);
    char *author = byline_of("By User 42");
    assert_string_equal(author, "User 42");
    free(author);
}

static void test_bylines_are_cleaned_to_people(void **state) {
    (void)state;
    static const char *const cases[][2] = {
        {"Por Ana Ruiz y Pedro Gil", "Ana Ruiz; Pedro Gil"},
        {"Di Marco Rossi e Giulia Bianchi", "Marco Rossi; Giulia Bianchi"},
        {"Door Jan de Vries en Piet Jansen", "Jan de Vries; Piet Jansen"},
        {"Written by Rob Ewaschuk Edited by Betsy Beyer", "Rob Ewaschuk"},
        {"Jane Doe (https://example.org/jd) @janedoe jane@example.org", "Jane Doe"},
        {"By Jane Doe, Staff Writer | Updated May 3, 2020", "Jane Doe"},
        {"Jane Doe and John Roe Monday", "Jane Doe; John Roe"},
        {"John Roe Friday, May 8", "John Roe"},
        {"Jane Doe, Example.com", "Jane Doe"},
        {"\xd0\xa2\xd0\xb5\xd0\xba\xd1\x81\xd1\x82: \xd0\x90\xd0\xbd\xd0\xbd\xd0\xb0 "
         "\xd0\x9f\xd0\xb5\xd1\x82\xd1\x80\xd0\xbe\xd0\xb2\xd0\xb0",
         "\xd0\x90\xd0\xbd\xd0\xbd\xd0\xb0 \xd0\x9f\xd0\xb5\xd1\x82\xd1\x80\xd0\xbe\xd0\xb2\xd0\xb0"},
        {"Texto: Ana Ruiz", "Ana Ruiz"},
        {"Analysis by Jane Doe", "Jane Doe"},
        {"Opinion by Jane Doe", "Jane Doe"},
        {"Jane Doe and John Roe Associated Press", "Jane Doe; John Roe"},
        {"Jane Doe; John Roe USA TODAY", "Jane Doe; John Roe"},
        {"JANE DOE; JOHN ROE", "JANE DOE; JOHN ROE"},
        {"John Roe III", "John Roe III"},
        {"Jane Doe 2020", "Jane Doe"},
        {"Jane Doe 12:30", "Jane Doe"},
        {"Jane Doe 5 hours ago", "Jane Doe"},
        /* Phrases of navigation and words of publishing around a name. */
        {"Zeige alle Beitr\xc3\xa4ge von Petra Ruland", "Petra Ruland"},
        {"View all posts by Jane Doe", "Jane Doe"},
        {"Ver\xc3\xb6""ffentlicht von HansG", "HansG"},
        {"erstellt von Dominique \xe2\x80\x94", "Dominique"},
        {"Interview: Julia Lauter", "Julia Lauter"},
        {"~ Cem Basman", "Cem Basman"},
        {"Isabel Caro, Roc\xc3\xado Latorre, Jos\xc3\xa9 Wilson Hace 2 horas",
         "Isabel Caro; Roc\xc3\xado Latorre; Jos\xc3\xa9 Wilson"},
        {"Sara Zinnecker Stand: 03.11.2021", "Sara Zinnecker"},
        {"Tomas Spahn Fr, 03.11.2023", "Tomas Spahn"},
        /* A catalogue's "Last, First" reads as the person's name. */
        {"Doe, Jane", "Jane Doe"},
        {"By Doe, Jane; Roe, John", "Jane Doe; John Roe"},
        {"Jane Doe, John Roe", "Jane Doe; John Roe"},
        /* Job titles, workplaces, a list's last "and", a photographer. */
        {"By Jane Doe Senior Staff Writer", "Jane Doe"},
        {"Jane Doe in Valve", "Jane Doe"},
        {"Jane Doe ist Redakteurin bei Example", "Jane Doe"},
        {"Jane Doe, John Roe, and Max Mustermann", "Jane Doe; John Roe; Max Mustermann"},
        {"Jane Doe Photographer: John Roe", "Jane Doe"},
        {"Jane Doe jane[at]example.org", "Jane Doe"},
        {"FOCUS-Online-Experte Robin Doe", "Robin Doe"},
        {"Chefredakteurin Jane Doe", "Jane Doe"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *author = byline_of(cases[i][0]);
        assert_non_null(author);
        assert_string_equal(author, cases[i][1]);
        free(author);
    }
    static const char *const not_people[] = {"Follow author", "View all posts", "@handle",
                                             "Posted",        "Publiziert am", "Beitrag",
                                             "Datum",         "Dezember",
                                             "\xc2\xa0von\xc2\xa0"};
    for (size_t i = 0; i < sizeof not_people / sizeof not_people[0]; i++)
        assert_null(byline_of(not_people[i]));
}

static void test_organisation_is_author_when_no_person_is_named(void **state) {
    (void)state;
    lede_result *r = extract(PAGE(
        "<meta property=\"og:site_name\" content=\"Daily Planet\">"
        "<meta property=\"og:article:author\" content=\"Daily Planet\">",
        ""));
    assert_string_equal(r->author, "Daily Planet");
    assert_string_equal(r->sources.author, "og");
    lede_result_free(r);
    /* A company or a host in the author field yields to a person named
     * elsewhere, and stands when none is. */
    r = extract(PAGE("<meta name=\"author\" content=\"Web Commerce GmbH\">",
                     "<div class=\"byline\">By Alexandra Weber</div>"));
    assert_string_equal(r->author, "Alexandra Weber");
    lede_result_free(r);
    r = extract(PAGE("<meta name=\"author\" content=\"example.de\">",
                     "<div class=\"byline\">Jane Doe</div>"));
    assert_string_equal(r->author, "Jane Doe");
    lede_result_free(r);
    r = extract(PAGE("<meta name=\"author\" content=\"Web Commerce GmbH\">", ""));
    assert_string_equal(r->author, "Web Commerce GmbH");
    lede_result_free(r);
    /* So does an account's user name; a form's "Name" label is nobody. */
    r = extract(PAGE(LD("{\"@type\":\"Article\",\"author\":\"arianschlichenmayer\"}"),
                     "<div class=\"byline\">Arian Schlichenmayer</div>"));
    assert_string_equal(r->author, "Arian Schlichenmayer");
    lede_result_free(r);
    r = extract(PAGE(LD("{\"@type\":\"Article\",\"author\":\"oradmin\"}"),
                     "<div class=\"author\">Name</div>"));
    assert_string_equal(r->author, "oradmin");
    lede_result_free(r);
}

/* The date of a page whose only date is LINE, in an element whose class
 * marks a date line. */
static char *date_line_of(const char *line) {
    char html[512];
    snprintf(html, sizeof html, PAGE("", "<div class=\"post-date\">%s</div><p>Body.</p>"),
             line);
    lede_result *r = extract(html);
    char *date = r->date ? strdup(r->date) : NULL;
    if (date)
        assert_string_equal(r->sources.date, "visible");
    lede_result_free(r);
    return date;
}

static void test_date_lines_in_several_languages(void **state) {
    (void)state;
    static const char *const cases[][2] = {
        {"Published May 3, 2020", "2020-05-03"},
        {"Veröffentlicht am 20. November 2019, 10:00 Uhr", "2019-11-20T10:00:00"},
        {"Publié le 20 novembre 2019 à 10:30", "2019-11-20T10:30:00"},
        {"Publicado el 20 de noviembre de 2019", "2019-11-20"},
        {"Pubblicato il 3 maggio 2020", "2020-05-03"},
        {"Publicado em 20 de novembro de 2019", "2019-11-20"},
        {"Gepubliceerd op 3 mei 2020", "2020-05-03"},
        {"Опубликовано 20 ноября 2019 г.", "2019-11-20"},
        {"Mittwoch, 3. März 2021", "2021-03-03"},
        {"2019年11月20日 10:00", "2019-11-20"},
        {"April 28, 2019 at 6:01 am Updated April 29, 2019 at 3:33 pm", "2019-04-28T06:01:00"},
        {"le 07 Mai 2020", "2020-05-07"},
        {"2019.03.05", "2019-03-05"},
        {"2019/3/5", "2019-03-05"},
        {"Kultur, 2.11.22", "2022-11-02"},
        {"Datum: 03.11.2021", "2021-11-03"},
        {"duminic\xc4\x83, 20 septembrie 2020", "2020-09-20"},
        {"3 maja 2020", "2020-05-03"},
        {"3. helmikuuta 2020", "2020-02-03"},
        {"12 Ekim 2021", "2021-10-12"},
        {"3 \xd0\xbb\xd0\xb8\xd1\x81\xd1\x82\xd0\xbe\xd0\xbf\xd0\xb0\xd0\xb4\xd0\xb0 2021",
         "2021-11-03"}, /* 3 листопада 2021 */
        {"5 \xce\x9c\xce\xb1\xce\x90\xce\xbf\xcf\x85 2020", "2020-05-05"}, /* 5 Μαΐου 2020 */
        {"\xd8\xa7\xd9\x84\xd8\xa3\xd8\xb1\xd8\xa8\xd8\xb9\xd8\xa7\xd8\xa1\xd8\x8c 07 "
         "\xd8\xa3\xd9\x83\xd8\xaa\xd9\x88\xd8\xa8\xd8\xb1 2020 - 12:09",
         "2020-10-07T12:09:00"}, /* الأربعاء، 07 أكتوبر 2020 */
        {"24 \xd9\x86\xd9\x8a\xd8\xb3\xd8\xa7\xd9\x86 / \xd8\xa3\xd8\xa8\xd8\xb1\xd9\x8a\xd9\x84 2020",
         "2020-04-24"}, /* 24 نيسان / أبريل 2020: the Levant's name and Egypt's */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *date = date_line_of(cases[i][0]);
        assert_non_null(date);
        assert_string_equal(date, cases[i][1]);
        free(date);
    }
    /* More words that announce an update. */
    char *date = date_line_of("Letzte \xc3\x84nderung: 31.10.2023 | Erschienen am: 01.11.2023");
    assert_string_equal(date, "2023-11-01");
    free(date);
    /* Prose is no date line. */
    assert_null(date_line_of("Call 20191120 now"));
    /* An update is no publication: it dates a page only when nothing
     * else does, and never beats a publication date. */
    date = date_line_of("Aktualisiert am 3. M\xc3\xa4rz 2021");
    assert_non_null(date);
    assert_string_equal(date, "2021-03-03");
    free(date);
    lede_result *r = extract(PAGE("", "<h1>Head</h1><div class=\"post-date\">Last updated: January 7, "
                                      "2025</div><p>Body.</p><footer><time class=\"publish\" "
                                      "datetime=\"2024-12-30\">30 Dec</time></footer>"));
    assert_string_equal(r->date, "2024-12-30");
    lede_result_free(r);
}

static void test_date_from_url_is_the_last_resort(void **state) {
    (void)state;
    lede_result *r = extract(PAGE(
        "<link rel=\"canonical\" href=\"https://example.com/news/2019/11/20/storm-hits\">", ""));
    assert_string_equal(r->date, "2019-11-20");
    assert_string_equal(r->sources.date, "url");
    lede_result_free(r);
    r = extract(PAGE("<link rel=\"canonical\" href=\"https://example.com/2019-11-20-storm\">"
                     "<meta property=\"article:published_time\" content=\"2019-11-19\">",
                     ""));
    assert_string_equal(r->date, "2019-11-19");
    lede_result_free(r);
    static const char *const slugs[] = {"https://example.com/world/storm-hits-20191120",
                                        "https://example.com/texte/20191120-storm-hits.html",
                                        "https://example.com/newsroom/20-11-2019-storm-hits/17",
                                        "https://example.com/meldungen/20-11-2019"};
    for (size_t i = 0; i < sizeof slugs / sizeof slugs[0]; i++) {
        char html[512];
        snprintf(html, sizeof html, PAGE("<link rel=\"canonical\" href=\"%s\">", ""), slugs[i]);
        r = extract(html);
        assert_string_equal(r->date, "2019-11-20");
        lede_result_free(r);
    }
    static const char *const no_date[] = {"https://example.com/2019/11/storm",
                                          "https://example.com/2019/13/40/storm",
                                          "https://example.com/id/20191120/storm",
                                          "https://example.com/2019/11/20storm",
                                          "https://example.com/v/1-2-2019x",
                                          "https://example.com/p/123-45-2019"};
    for (size_t i = 0; i < sizeof no_date / sizeof no_date[0]; i++) {
        char html[512];
        snprintf(html, sizeof html, PAGE("<link rel=\"canonical\" href=\"%s\">", ""), no_date[i]);
        r = extract(html);
        assert_null(r->date);
        lede_result_free(r);
    }
}

/* A time declared in UTC is the page's day only in the page's own zone:
 * the language, a stated day, or another declared offset tells the zone. */
static void test_utc_time_is_read_in_the_pages_zone(void **state) {
    (void)state;
    /* A German page at 22:04 UTC in October (summer time, +02:00). */
    lede_result *r = extract("<html lang=\"de\"><head><meta property=\"article:published_time\" "
                             "content=\"2019-10-18T22:04:00Z\"></head><body></body></html>");
    assert_string_equal(r->date, "2019-10-19T00:04:00+02:00");
    lede_result_free(r);
    /* The country over the language: Brazil is three hours west. */
    r = extract("<html lang=\"pt-BR\"><head><meta property=\"article:published_time\" "
                "content=\"2022-05-04T00:44:52.000Z\"></head><body></body></html>");
    assert_string_equal(r->date, "2022-05-03T21:44:52.000-03:00");
    lede_result_free(r);
    /* English names no zone: the UTC day stands. */
    r = extract("<html lang=\"en\"><head><meta property=\"article:published_time\" "
                "content=\"2020-05-02T02:54:29Z\"></head><body></body></html>");
    assert_string_equal(r->date, "2020-05-02T02:54:29Z");
    lede_result_free(r);
    /* The OpenGraph locale names the country the language leaves out,
     * when it is the same language. */
    r = extract("<html lang=\"en\"><head><meta property=\"og:locale\" content=\"en_US\">"
                "<meta property=\"article:published_time\" content=\"2020-05-02T02:54:29Z\">"
                "</head><body></body></html>");
    assert_string_equal(r->date, "2020-05-01T22:54:29-04:00");
    assert_string_equal(r->language, "en");
    lede_result_free(r);
    r = extract("<html lang=\"de\"><head><meta property=\"og:locale\" content=\"en_US\">"
                "<meta property=\"article:published_time\" content=\"2020-05-02T02:54:29Z\">"
                "</head><body></body></html>");
    assert_string_equal(r->date, "2020-05-02T02:54:29Z");
    lede_result_free(r);
    /* Another declared time with a local offset names the zone. */
    r = extract(PAGE("<meta property=\"article:published_time\" content=\"2020-12-05T23:15:0Z\">"
                     "<meta property=\"article:modified_time\" content=\"2020-12-06T00:20:00+01:00\">",
                     ""));
    assert_string_equal(r->date, "2020-12-06T00:15:00+01:00");
    lede_result_free(r);
}

/* The day a page states in its address or date line decides the day of a
 * UTC time near midnight, but only when the moment can fall on it. */
static void test_stated_day_decides_a_utc_time(void **state) {
    (void)state;
    document doc = {0};
    const char *html = PAGE("<meta property=\"article:published_time\" content=\"20200414T00:38:07Z\">", "");
    assert_int_equal(parse_html(html, strlen(html), 0, &doc), LEDE_OK);
    lede_result *r = calloc(1, sizeof *r);
    assert_int_equal(metadata_extract(&doc, "https://example.com/news/20200413/storm", r), LEDE_OK);
    assert_string_equal(r->date, "2020-04-13");
    lede_result_free(r);
    document_free(&doc);
    /* 10:04 UTC is the 9th everywhere from Hawaii east: the address's 8th
     * is the draft's day. */
    html = PAGE("<meta property=\"article:published_time\" content=\"2020-07-09T10:04:04Z\">", "");
    assert_int_equal(parse_html(html, strlen(html), 0, &doc), LEDE_OK);
    r = calloc(1, sizeof *r);
    assert_int_equal(metadata_extract(&doc, "https://example.com/2020/07/08/storm", r), LEDE_OK);
    assert_string_equal(r->date, "2020-07-09T10:04:04Z");
    lede_result_free(r);
    document_free(&doc);
}

/* A date line under the headline counts whatever element holds it; a long
 * caption that mentions a date, a masthead's today and a date beyond the
 * reach of the headline do not. */
static void test_unmarked_date_under_headline(void **state) {
    (void)state;
    lede_result *r = extract(PAGE("", "<h1>Storm hits coast</h1><p>By Jane Doe</p>"
                                      "<p>Pressemitteilung vom 25.01.2022</p><p>Text.</p>"));
    assert_string_equal(r->date, "2022-01-25");
    assert_string_equal(r->sources.date, "visible");
    lede_result_free(r);
    r = extract(PAGE("", "<h1>Storm hits coast</h1><div><img src=\"a.jpg\">FILE PHOTO: the "
                         "president speaks at an air base near Orleans, France, January 16, "
                         "2020. Julien Doe/Pool via an agency, with more words to be long.</div>"
                         "<p>January 18, 2020</p>"));
    assert_string_equal(r->date, "2020-01-18");
    lede_result_free(r);
    r = extract(PAGE("", "<h1>Daily Legal News</h1><div class=\"today\">Wednesday, August 19, "
                         "2020</div><nav><span>20.08.2020</span></nav>"));
    assert_null(r->date);
    lede_result_free(r);
    /* A logo's <h1> first, then the article's; a headline set as <h2>
     * known by the <title>. */
    r = extract(PAGE("", "<h1><a href=\"/\">Site</a></h1><ul><li>USD 1.7</li><li>EUR 2.05</li>"
                         "<li>menu words enough to fill</li></ul><div>"
                         "<div>xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                         "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx "
                         "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx "
                         "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx "
                         "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx "
                         "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                         "</div></div><h1>Storm hits the coast</h1><ul><li><a>13 Oct 2020 18:29</a></li></ul>"));
    assert_string_equal(r->date, "2020-10-13T18:29:00");
    lede_result_free(r);
    r = extract(PAGE("<title>Daily :: Storm hits the coast</title>",
                     "<h2>Storm hits the coast</h2><div><span>Jane Doe | </span>2020-03-04 16:52:59</div>"));
    assert_string_equal(r->date, "2020-03-04T16:52:59");
    lede_result_free(r);
    /* A logo's <h1>, and the headline as an <h2> that the <title> names
     * far below it: the date line follows the headline. */
    r = extract(PAGE("<title>Remembrance day in the city</title>",
                     "<h1><a href=\"/\">Site</a></h1><ul><li>menu words enough to fill "
                     "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx "
                     "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx "
                     "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx "
                     "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx "
                     "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx "
                     "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
                     "</li></ul><h2>Remembrance day in the city</h2><p>By Jane Doe</p><p>27.1.2022 "
                     "- At the memorial of the victims of the regime, speakers recalled the many "
                     "who were persecuted for who they loved and who they were.</p>"));
    assert_string_equal(r->date, "2022-01-27");
    lede_result_free(r);
    /* A kicker just above the headline; a linked heading above is no
     * date line. */
    r = extract(PAGE("", "<figcaption><small>31.01.2022 &nbsp;2. Liga</small><h1>New coach</h1>"
                         "</figcaption><p>Body.</p>"));
    assert_string_equal(r->date, "2022-01-31");
    lede_result_free(r);
    r = extract(PAGE("", "<h2><a href=\"/x\">Results of 3 May 2020</a></h2><h1>New coach</h1><p>Body.</p>"));
    assert_null(r->date);
    lede_result_free(r);
    /* A dateline opening the first paragraph; a date further into it is
     * the story's subject. */
    r = extract(PAGE("", "<h1>Remembrance</h1><p>27.1.2022 - At the memorial of the victims of the "
                         "regime, speakers recalled the many who were persecuted for who they loved "
                         "and who they were.</p>"));
    assert_string_equal(r->date, "2022-01-27");
    lede_result_free(r);
    r = extract(PAGE("", "<h1>Remembrance</h1><p>At the memorial of the victims of the regime, held "
                         "on 27.1.2022, speakers recalled the many who were persecuted for who "
                         "they loved and who they were.</p>"));
    assert_null(r->date);
    lede_result_free(r);
    char html[2048], filler[600];
    memset(filler, 'x', sizeof filler - 1);
    for (size_t i = 40; i < sizeof filler - 1; i += 40)
        filler[i] = ' ';
    filler[sizeof filler - 1] = '\0';
    snprintf(html, sizeof html, PAGE("", "<h1>Head</h1><div>%s</div><div>%s</div><p>3 May 2020</p>"),
             filler, filler);
    r = extract(html);
    assert_null(r->date);
    lede_result_free(r);
}

/* The date line closest under the headline dates the article: a teaser's
 * marked date further down loses to it, and a date in a linked heading is
 * the subject of a headline, not its date. */
static void test_teaser_date_loses_to_the_articles(void **state) {
    (void)state;
    lede_result *r = extract(PAGE("", "<h1>Tax capital inflows</h1><ul><li><div>August 06, 2019</div>"
                                      "</li></ul><p>Body.</p><ul><li><h5><a href=\"/b\">Another "
                                      "piece</a></h5><div class=\"meta\">December 17, 2019</div></li></ul>"));
    assert_string_equal(r->date, "2019-08-06");
    lede_result_free(r);
    r = extract(PAGE("", "<h1>Race results</h1><h3><a href=\"/e/1\">Winners of 2020/7/11-12</a></h3>"
                         "<div><span>2020-07-12</span></div>"));
    assert_string_equal(r->date, "2020-07-12");
    lede_result_free(r);
    r = extract(PAGE("", "<h1>Supplements</h1><h4><strong>16.10.2019</strong> Programme</h4>"));
    assert_string_equal(r->date, "2019-10-16");
    lede_result_free(r);
    /* A <time> in another <article> than the headline's is a related
     * post's; one in the headline's counts. */
    r = extract(PAGE("", "<article><h1>Desoldering</h1><span class=\"published\">22. Oktober 2019"
                         "</span><p>Body.</p></article><article><h2><a href=\"/b\">Workstations"
                         "</a></h2><time class=\"published\" datetime=\"2009-04-11\">11. April "
                         "2009</time></article>"));
    assert_string_equal(r->date, "2019-10-22");
    lede_result_free(r);
    r = extract(PAGE("", "<article><h1>Desoldering</h1><div><article><time class=\"published\" "
                         "datetime=\"2019-10-21\">21. Oktober 2019</time></article></div><p>Body."
                         "</p></article>"));
    assert_string_equal(r->date, "2019-10-21");
    lede_result_free(r);
}

/* Page chrome is known by class words, not substrings: an article tagged
 * "coronavirus" is not navigation, and its date line counts. */
static void test_chrome_words_are_whole_words(void **state) {
    (void)state;
    lede_result *r = extract(PAGE("", "<article class=\"post tag-coronavirus\"><div class=\"meta-date\">"
                                      "19.11.2021</div><p>Body.</p></article>"));
    assert_string_equal(r->date, "2021-11-19");
    lede_result_free(r);
    r = extract(PAGE("", "<div class=\"site-nav\"><span class=\"date\">19.11.2021</span></div>"
                         "<article><div class=\"meta-date\">20.11.2021</div></article>"));
    assert_string_equal(r->date, "2021-11-20");
    lede_result_free(r);
}

/* A date line in an article's own <header> dates the page that declares
 * nothing, but neither outranks nor re-zones a declared time; a masthead's
 * today is no date of the page. */
static void test_date_in_articles_header(void **state) {
    (void)state;
    lede_result *r = extract(PAGE("", "<article><header><div class=\"head-meta\">Topic // "
                                      "<span class=\"meta-date\">02.11.2021</span></div></header>"
                                      "<p>Body.</p></article>"));
    assert_string_equal(r->date, "2021-11-02");
    lede_result_free(r);
    r = extract("<html lang=\"en-US\"><head><meta property=\"article:published_time\" "
                "content=\"2018-06-12T23:00:00.000Z\"></head><body><article><header>"
                "<span class=\"date\">6/13/2018</span></header><p>Body.</p></article></body></html>");
    assert_string_equal(r->date, "2018-06-12T23:00:00.000Z");
    lede_result_free(r);
    r = extract(PAGE("", "<header class=\"masthead\"><span class=\"today\">02.11.2021</span></header>"
                         "<p>Body.</p>"));
    assert_null(r->date);
    lede_result_free(r);
    /* A date line in the page's chrome dates a page that nothing else
     * dates, and only then. */
    r = extract(PAGE("", "<p>Body.</p><footer><span class=\"post-date\">veröffentlicht 28.01.2022"
                         "</span></footer>"));
    assert_string_equal(r->date, "2022-01-28");
    lede_result_free(r);
    r = extract(PAGE("", "<p>Body.</p><div class=\"entry-date\">30.01.2022</div><footer>"
                         "<span class=\"post-date\">28.01.2022</span></footer>"));
    assert_string_equal(r->date, "2022-01-30");
    lede_result_free(r);
}

/* A line anywhere that announces the page's date dates a page that
 * nothing else dates: a publication after its label, else an update. */
static void test_labelled_date_anywhere(void **state) {
    (void)state;
    /* Far below the headline, where no date line is looked for. */
    char filler[600], html[2048];
    memset(filler, 'x', sizeof filler - 1);
    for (size_t i = 40; i < sizeof filler - 1; i += 40)
        filler[i] = ' ';
    filler[sizeof filler - 1] = '\0';
    snprintf(html, sizeof html,
             PAGE("", "<h1>Review</h1><p>%s</p><p>Permalink: https://example.com/review.php?"
                      "id=30063 and more words of the footer<br>Letzte \xc3\x84nderung: "
                      "31.10.2023 - 14:49:39<br>Erschienen am: 01.11.2023<br>Lesungen: 61</p>"),
             filler);
    lede_result *r = extract(html);
    assert_string_equal(r->date, "2023-11-01");
    lede_result_free(r);
    snprintf(html, sizeof html,
             PAGE("", "<h1>News</h1><p>%s</p><p><b>Aktualisiert am </b>17.01.2021.</p>"), filler);
    r = extract(html);
    assert_string_equal(r->date, "2021-01-17");
    lede_result_free(r);
    /* Words of a sentence are no label, and a declared date comes first. */
    snprintf(html, sizeof html,
             PAGE("", "<h1>Quarter</h1><p>%s</p><p>This text is based on the article <a "
                      "href=\"/w\">Westviertel</a> (Stand vom 15.11.2008) from the free "
                      "encyclopaedia and is available under its licence, as the page says at "
                      "length.</p>"),
             filler);
    r = extract(html);
    assert_null(r->date);
    lede_result_free(r);
    snprintf(html, sizeof html,
             PAGE("<meta property=\"article:published_time\" content=\"2023-10-30\">",
                  "<h1>News</h1><p>%s</p><p>Published on 01.11.2023</p>"),
             filler);
    r = extract(html);
    assert_string_equal(r->date, "2023-10-30");
    lede_result_free(r);
}

/* The day the page shows wins when more of the page's voices state it
 * than the most trusted field's day, or as many when only a generic field
 * (microdata, Dublin Core, <meta name=date>) states that one. */
static void test_shown_day_outvotes_a_lone_field(void **state) {
    (void)state;
    lede_result *r = extract(PAGE("<meta name=\"date\" content=\"2022-02-04 15:33\">"
                                  "<meta name=\"DC.date.issued\" content=\"2022-02-04T15:33:00+01:00\">",
                                  "<meta itemprop=\"datePublished\" content=\"2021-12-14T15:41:07+01:00\">"
                                  "<h1>Why waiting pays</h1><p class=\"byline\">04.02.2022 | 15:33 Uhr"
                                  "</p><p>Body.</p>"));
    assert_string_equal(r->date, "2022-02-04T15:33:00+01:00");
    lede_result_free(r);
    r = extract(PAGE("<meta name=\"date\" content=\"2020-02-12\">",
                     "<h1>Fair supply chains</h1><div class=\"news-date\">05.02.2020</div><p>Body.</p>"));
    assert_string_equal(r->date, "2020-02-05");
    assert_string_equal(r->sources.date, "visible");
    lede_result_free(r);
    /* A standard declaration against the day shown alone stands, and so
     * does a day that more declarations state. */
    r = extract(PAGE("<meta property=\"article:published_time\" content=\"2015-09-17T16:57:43+01:00\">",
                     "<h1>Hotel secrets</h1><div class=\"date\">Friday 25 December 2015</div><p>Body.</p>"));
    assert_string_equal(r->date, "2015-09-17T16:57:43+01:00");
    lede_result_free(r);
    r = extract(PAGE("<meta property=\"article:published_time\" content=\"2017-12-15T08:50:02-05:00\">"
                     LD("{\"@type\":\"NewsArticle\",\"datePublished\":\"2017-12-15T08:50:02-05:00\"}"),
                     "<h1>Best films</h1><time class=\"byline\" datetime=\"2018-07-24T18:15:58+00:00\">"
                     "Jul 24, 2018</time><p>Body.</p>"));
    assert_string_equal(r->date, "2017-12-15T08:50:02-05:00");
    lede_result_free(r);
}

/* Drupal's "submitted" line holds the byline and the date, in the site's
 * language: both are read from it. */
static void test_drupal_submitted_line(void **state) {
    (void)state;
    lede_result *r = extract(PAGE("", "<p>Body.</p><div class=\"submitted\">Submitted by <span "
                                      "class=\"username\">Jane Doe</span> on Mon, 24 July 2017 - "
                                      "18:55</div>"));
    assert_string_equal(r->date, "2017-07-24T18:55:00");
    assert_string_equal(r->author, "Jane Doe");
    lede_result_free(r);
    r = extract(PAGE("", "<p>Body.</p><div class=\"submitted\">Gespeichert von Erika Muster am "
                         "24. Juli 2017 - 18:55</div>"));
    assert_string_equal(r->date, "2017-07-24T18:55:00");
    assert_string_equal(r->author, "Erika Muster");
    lede_result_free(r);
    /* The words and the weekday that announce the date are no part of
     * the name, nor a name when no one is named. */
    r = extract(PAGE("", "<p>Body.</p><div class=\"submitted\"><span>Erika Muster</span><span>"
                         "Ver\xc3\xb6""ffentlicht am 06.10.2023</span></div>"));
    assert_string_equal(r->author, "Erika Muster");
    lede_result_free(r);
    r = extract(PAGE("", "<p>Body.</p><div class=\"byline\">Wednesday, 08 Apr 2020 11:39 PM</div>"));
    assert_null(r->author);
    lede_result_free(r);
}

/* A short line under the headline that opens as a byline is one, marked or
 * not; a paragraph that happens to start with "By" is not. */
static void test_unmarked_byline_under_headline(void **state) {
    (void)state;
    lede_result *r = extract(PAGE("", "<h1>Remembrance day</h1><p class=\"bodytext\">Von Claudia "
                                      "Lindner</p><p>Body of the article, long enough to be prose.</p>"));
    assert_string_equal(r->author, "Claudia Lindner");
    lede_result_free(r);
    r = extract(PAGE("", "<h1>Remembrance day</h1><div class=\"metaInfo\">Ein Artikel von "
                         "<strong>Pamela Sladky</strong> | 27.01.2022 - 12:45</div><p>Body.</p>"));
    assert_string_equal(r->author, "Pamela Sladky");
    lede_result_free(r);
    r = extract(PAGE("", "<h1>Remembrance day</h1><p>By the end of the day the memorial was full of "
                         "people who had come from every corner of the country to remember the "
                         "victims and to hear the speakers.</p>"));
    assert_null(r->author);
    lede_result_free(r);
}

static void test_title_site_suffix_needs_confirmation(void **state) {
    (void)state;
    /* Confirmed by the page's host. */
    lede_result *r = extract(PAGE("<title>Rates rise again | Example</title>"
                                  "<link rel=\"canonical\" href=\"https://www.example.com/r\">",
                                  ""));
    assert_string_equal(r->title, "Rates rise again");
    lede_result_free(r);
    /* Confirmed by the host's labels read together. */
    r = extract(PAGE("<title>Rates rise again | Jane Doe</title>"
                     "<link rel=\"canonical\" href=\"https://jane.doe.example/r\">",
                     ""));
    assert_string_equal(r->title, "Rates rise again");
    lede_result_free(r);
    /* Confirmed by the same suffix after another headline. */
    r = extract(PAGE("<title>Rates rise again - Money Desk</title>"
                     "<meta property=\"og:title\" content=\"Rates rise - Money Desk\">",
                     ""));
    assert_string_equal(r->title, "Rates rise");
    lede_result_free(r);
    /* The site's name followed by its slogan, or itself holding a
     * separator. */
    r = extract(PAGE("<title>Retirement is archaic | AOC media - Analyse Opinion Critique</title>"
                     "<meta property=\"og:site_name\" content=\"AOC media\">",
                     ""));
    assert_string_equal(r->title, "Retirement is archaic");
    lede_result_free(r);
    r = extract(PAGE("<title>Energy Rising - 33 days of yoga - Mady Morrison - Yoga Lifestyle</title>"
                     "<meta property=\"og:site_name\" content=\"Mady Morrison - Yoga Lifestyle\">",
                     ""));
    assert_string_equal(r->title, "Energy Rising - 33 days of yoga");
    lede_result_free(r);
    /* A blog template's label, and the site before it. */
    r = extract(PAGE("<title>Four Years Remaining \xc2\xbb Blog Archive \xc2\xbb Interning of "
                     "Small Integers</title>", ""));
    assert_string_equal(r->title, "Interning of Small Integers");
    lede_result_free(r);
    r = extract(PAGE("<title>Blog Archiv \xc2\xbb Podcasts in Plex einbinden</title>", ""));
    assert_string_equal(r->title, "Podcasts in Plex einbinden");
    lede_result_free(r);
    /* Not confirmed: kept whole. */
    r = extract(PAGE("<title>Lorem ipsum dolor sit amet \u2013 My website</title>", ""));
    assert_string_equal(r->title, "Lorem ipsum dolor sit amet \u2013 My website");
    assert_string_equal(r->sources.title, "title");
    lede_result_free(r);
}

/* The headline is the <h1> that the titles name, not a logo's <h1> before
 * it; it confirms the site name after the headline. */
static void test_headline_h1_is_the_one_the_title_names(void **state) {
    (void)state;
    lede_result *r = extract(PAGE("<title>Paris Haute Couture SS14: Serkan Cura | modabot</title>",
                                  "<h1><span>modabot</span></h1><h1><a href=\"/p\">Paris Haute "
                                  "Couture SS14: Serkan Cura</a></h1><p>Body.</p>"));
    assert_string_equal(r->title, "Paris Haute Couture SS14: Serkan Cura");
    lede_result_free(r);
    /* A logo's <h1> alone names the site that ends the title. */
    r = extract(PAGE("<title>Was ist Virales Marketing? | DimidoBlog</title>",
                     "<h1><a href=\"/\">DimidoBlog</a></h1><h2>Was ist Virales Marketing?</h2>"
                     "<p>Body.</p>"));
    assert_string_equal(r->title, "Was ist Virales Marketing?");
    lede_result_free(r);
    /* A headline set in capitals is the headline, not a logo. */
    r = extract(PAGE("<title>Storm hits the coast: Site</title>",
                     "<h1>STORM HITS THE COAST</h1><p>Body.</p>"));
    assert_string_equal(r->title, "Storm hits the coast: Site");
    lede_result_free(r);
}

/* Site names after the separators of other scripts and typographies. */
static void test_title_separators_of_other_scripts(void **state) {
    (void)state;
    static const char *const cases[][2] = {
        {"<title>Lockdown: services stay open \xe2\x80\xba example.at</title>",
         "Lockdown: services stay open"},
        {"<title>Muffin Grundrezept : Example</title>", "Muffin Grundrezept"},
        {"<title>\xe6\x96\xb0\xe9\x97\xbb\xe6\xa0\x87\xe9\xa2\x98\xef\xbd\x9c"
         "Example</title>",
         "\xe6\x96\xb0\xe9\x97\xbb\xe6\xa0\x87\xe9\xa2\x98"}, /* 新闻标题｜Example */
        {"<title>\xe6\x96\xb0\xe9\x97\xbb\xe6\xa0\x87\xe9\xa2\x98_Example</title>",
         "\xe6\x96\xb0\xe9\x97\xbb\xe6\xa0\x87\xe9\xa2\x98"}, /* 新闻标题_Example */
        {"<title>my_file_Example</title>", "my_file_Example"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char html[512];
        snprintf(html, sizeof html,
                 PAGE("%s<link rel=\"canonical\" href=\"https://www.example.at/a\">", ""),
                 cases[i][0]);
        lede_result *r = extract(html);
        assert_string_equal(r->title, cases[i][1]);
        lede_result_free(r);
    }
}

/* A declared title that is the headline typed again with a hyphen for its
 * dash, or in another case, gives way to the headline as shown; quotes
 * are left as declared. */
static void test_headline_as_shown_over_retyped_title(void **state) {
    (void)state;
    lede_result *r = extract(PAGE("<meta property=\"og:title\" content=\"Hope - Iceland frees itself\">",
                                  "<h1>Hope \xe2\x80\x93 Iceland frees itself</h1><p>Body.</p>"));
    assert_string_equal(r->title, "Hope \xe2\x80\x93 Iceland frees itself");
    assert_string_equal(r->sources.title, "visible");
    lede_result_free(r);
    r = extract(PAGE("<meta property=\"og:title\" content=\"makrophotos von insekten\">",
                     "<h1>Makrophotos von Insekten</h1><p>Body.</p>"));
    assert_string_equal(r->title, "Makrophotos von Insekten");
    lede_result_free(r);
    r = extract(PAGE("<meta property=\"og:title\" content=\"Student says &quot;it burned&quot;\">",
                     "<h1>Student says \xe2\x80\x9cit burned\xe2\x80\x9d</h1><p>Body.</p>"));
    assert_string_equal(r->title, "Student says \"it burned\"");
    lede_result_free(r);
}

/* A declared title cut by a quote left unescaped in its attribute is
 * the <title> cut short: the <title> is read instead; a title that goes
 * on after a « goes on with the site's name. */
static void test_title_cut_by_an_unescaped_quote(void **state) {
    (void)state;
    lede_result *r = extract(PAGE("<title>Senator calls the president \"unfit\"</title>"
                                  "<meta property=\"og:title\" content=\"Senator calls the "
                                  "president \"unfit\"\">",
                                  "<p>Body.</p>"));
    assert_string_equal(r->title, "Senator calls the president \"unfit\"");
    lede_result_free(r);
    r = extract(PAGE("<title>Three odd places in Berlin \xc2\xab Blog Off</title>"
                     "<meta property=\"og:title\" content=\"Three odd places in Berlin\">",
                     "<p>Body.</p>"));
    assert_string_equal(r->title, "Three odd places in Berlin");
    lede_result_free(r);
}

static void test_title_drops_author_name_of_personal_site(void **state) {
    (void)state;
    /* No declared site name: a title ending with the page's author is the
     * author's own site, and the name is dropped; the inner part stays. */
    lede_result *r = extract(PAGE("<title>Testing my code | Code | Jane Doe</title>",
                                  "<article><p><span itemprop=\"author\" itemscope "
                                  "itemtype=\"http://schema.org/Person\"><span "
                                  "itemprop=\"name\">Jane Doe</span></span></p></article>"));
    assert_string_equal(r->author, "Jane Doe");
    assert_string_equal(r->title, "Testing my code | Code");
    lede_result_free(r);
    /* A declared site name of its own: the author's name is kept. */
    r = extract(PAGE("<title>Testing my code | Jane Doe</title>"
                     "<meta name=\"author\" content=\"Jane Doe\">"
                     "<meta property=\"og:site_name\" content=\"Code Weekly\">",
                     ""));
    assert_string_equal(r->title, "Testing my code | Jane Doe");
    lede_result_free(r);
    /* Only a last part: an author's name leading the title stays. */
    r = extract(PAGE("<title>Jane Doe: why I test my code</title>"
                     "<meta name=\"author\" content=\"Jane Doe\">",
                     ""));
    assert_string_equal(r->title, "Jane Doe: why I test my code");
    lede_result_free(r);
}

static void test_language_is_detected_only_when_undeclared(void **state) {
    (void)state;
    static const char german[] =
        "Die Bundesregierung hat am Mittwoch einen neuen Entwurf für das Gesetz vorgelegt, "
        "mit dem die Speicherung von Verbindungsdaten neu geregelt werden soll. Kritiker "
        "sehen darin einen Eingriff in die Grundrechte der Bürgerinnen und Bürger.";
    lede_result *r = calloc(1, sizeof *r);
    assert_non_null(r);
    assert_int_equal(metadata_detect_language(german, r), LEDE_OK);
    assert_string_equal(r->language, "de");
    assert_string_equal(r->sources.language, "detected");
    lede_result_free(r);
    /* A declaration wins; a short text gives nothing. */
    r = calloc(1, sizeof *r);
    assert_non_null(r);
    r->language = strdup("fr");
    assert_int_equal(metadata_detect_language(german, r), LEDE_OK);
    assert_string_equal(r->language, "fr");
    free(r->language);
    r->language = NULL;
    assert_int_equal(metadata_detect_language("Kurzer Text.", r), LEDE_OK);
    assert_null(r->language);
    lede_result_free(r);
}

/* meta_marks_in() passes over bytes by pairs of letters (walk.c): on random
 * class lists it finds what searching for each word finds. */
static void test_class_marks_match_the_obvious_search(void **state) {
    (void)state;
    static const struct {
        const char *word;
        unsigned marks;
    } words[] = {
        {"byline", MARK_BYLINE | MARK_DATELINE}, {"submitted", MARK_BYLINE | MARK_DATELINE},
        {"writtenby", MARK_BYLINE}, {"author", MARK_AUTHOR}, {"comment", MARK_COMMENT},
        {"date", MARK_DATELINE}, {"time", MARK_DATELINE}, {"publish", MARK_DATELINE},
        {"posted", MARK_DATELINE}, {"meta", MARK_DATELINE},
    };
    static const char *const pieces[] = {
        "by", "line", "Byl", "INE", "sub", "mitted", "written", "By", "auth", "or", "com",
        "ment", "da", "te", "DATE", "ti", "me", "publ", "ish", "po", "sted", "met", "a", "-",
        " ", "\t", "x", "\xC3\xA9", "post", "media", "content", "ad"};
    uint32_t seed = 7;
    for (int round = 0; round < 5000; round++) {
        char list[256] = "";
        size_t count = (size_t)(round % 12);
        for (size_t k = 0; k < count; k++) {
            seed = seed * 1103515245u + 12345u;
            strcat(list, pieces[(seed >> 16) % (sizeof pieces / sizeof pieces[0])]);
        }
        unsigned want = 0;
        for (size_t w = 0; w < sizeof words / sizeof words[0]; w++)
            for (const char *s = list; *s; s++)
                if (strncasecmp(s, words[w].word, strlen(words[w].word)) == 0)
                    want |= words[w].marks;
        if (meta_marks_in(list) != want)
            fail_msg("\"%s\": marks %u, want %u", list, meta_marks_in(list), want);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_class_marks_match_the_obvious_search),
        cmocka_unit_test(test_jsonld_news_article_with_author_object),
        cmocka_unit_test(test_jsonld_author_array_is_joined),
        cmocka_unit_test(test_jsonld_graph_resolves_references),
        cmocka_unit_test(test_jsonld_with_trailing_comma_is_repaired),
        cmocka_unit_test(test_jsonld_lone_surrogates_are_repaired),
        cmocka_unit_test(test_jsonld_block_over_2_mib_is_read),
        cmocka_unit_test(test_jsonld_block_over_the_limit_sets_truncated),
        cmocka_unit_test(test_jsonld_blocks_past_the_count_set_truncated),
        cmocka_unit_test(test_jsonld_blocks_are_read_together),
        cmocka_unit_test(test_opengraph_only_page),
        cmocka_unit_test(test_meta_names_only_page),
        cmocka_unit_test(test_dublin_core_property_wins_over_name),
        cmocka_unit_test(test_title_suffix_is_stripped_with_known_sitename),
        cmocka_unit_test(test_title_keeps_colon_without_sitename),
        cmocka_unit_test(test_declared_title_over_title_with_site_suffix),
        cmocka_unit_test(test_h1_decides_between_declared_titles),
        cmocka_unit_test(test_h1_is_title_fallback),
        cmocka_unit_test(test_visible_byline_by_prefix_is_stripped),
        cmocka_unit_test(test_byline_names_joined_by_and_are_split),
        cmocka_unit_test(test_author_equal_to_sitename_is_rejected),
        cmocka_unit_test(test_itemprop_author_name),
        cmocka_unit_test(test_a_date_standing_alone_dates_an_unmarked_page),
        cmocka_unit_test(test_time_datetime_gives_date),
        cmocka_unit_test(test_pubdate_time_wins_over_other_time),
        cmocka_unit_test(test_modification_date_is_not_publication),
        cmocka_unit_test(test_jsonld_date_created_yields_to_published_time),
        cmocka_unit_test(test_dates_in_common_forms_are_normalised),
        cmocka_unit_test(test_lang_is_normalised),
        cmocka_unit_test(test_url_fields_resolve_by_rfc3986),
        cmocka_unit_test(test_tags_from_keywords),
        cmocka_unit_test(test_page_without_metadata_leaves_fields_null),
        cmocka_unit_test(test_first_paragraph_is_description_fallback),
        cmocka_unit_test(test_hostile_jsonld_is_survived),
        cmocka_unit_test(test_jsonld_creator_in_graph_gives_authors_modified_and_type),
        cmocka_unit_test(test_sources_name_each_field),
        cmocka_unit_test(test_microdata_item_type_publisher_and_modified),
        cmocka_unit_test(test_bylines_are_cleaned_to_people),
        cmocka_unit_test(test_author_keeps_its_own_number),
        cmocka_unit_test(test_organisation_is_author_when_no_person_is_named),
        cmocka_unit_test(test_date_lines_in_several_languages),
        cmocka_unit_test(test_date_from_url_is_the_last_resort),
        cmocka_unit_test(test_utc_time_is_read_in_the_pages_zone),
        cmocka_unit_test(test_stated_day_decides_a_utc_time),
        cmocka_unit_test(test_unmarked_date_under_headline),
        cmocka_unit_test(test_teaser_date_loses_to_the_articles),
        cmocka_unit_test(test_chrome_words_are_whole_words),
        cmocka_unit_test(test_date_in_articles_header),
        cmocka_unit_test(test_unmarked_byline_under_headline),
        cmocka_unit_test(test_drupal_submitted_line),
        cmocka_unit_test(test_title_cut_by_an_unescaped_quote),
        cmocka_unit_test(test_jsonld_other_work_gives_the_date),
        cmocka_unit_test(test_shown_day_outvotes_a_lone_field),
        cmocka_unit_test(test_labelled_date_anywhere),
        cmocka_unit_test(test_title_site_suffix_needs_confirmation),
        cmocka_unit_test(test_headline_h1_is_the_one_the_title_names),
        cmocka_unit_test(test_title_separators_of_other_scripts),
        cmocka_unit_test(test_headline_as_shown_over_retyped_title),
        cmocka_unit_test(test_title_drops_author_name_of_personal_site),
        cmocka_unit_test(test_language_is_detected_only_when_undeclared),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
