/*
 * test_extract.c — one regression test per extraction rule, through the
 * public API.
 *
 * Each test is a small synthetic page built the way news sites build theirs
 * (a header with navigation, a sidebar, a footer, an article of several
 * paragraphs of prose) with one trap in it: the thing a rule of clean.c,
 * score.c, select.c or trim.c exists for. The page goes through
 * lede_extract() and the test checks, with strstr on the text (LEDE_FIELD_TEXT), what must
 * be there and what must not. The comment above each test names the rule it
 * pins; every test was seen to fail with that rule disabled.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "lede.h"

/* ---------------------------------------------------------------------------
 * Page parts shared by the tests.
 * ------------------------------------------------------------------------ */

#define DOCTYPE "<!doctype html>\n<html lang=\"en\">\n"

#define HEAD(extra)                                                                          \
    "<head>\n<meta charset=\"utf-8\">\n"                                                     \
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"             \
    "<title>Harbour board keeps winter ferry to the outer islands | Daily Courier</title>\n" \
    "<meta property=\"og:site_name\" content=\"Daily Courier\">\n"                           \
    "<meta property=\"og:type\" content=\"article\">\n"                                      \
    "<link rel=\"stylesheet\" href=\"/static/css/site.css?v=20241003\">\n"                   \
    "<script src=\"/static/js/site.js\" defer></script>\n" extra "</head>\n"

#define SITE_HEADER                                                                           \
    "<header class=\"site-header\">\n"                                                        \
    "  <a class=\"site-logo\" href=\"/\"><img src=\"/static/img/courier-logo.svg\" "           \
    "alt=\"Daily Courier\"></a>\n"                                                            \
    "  <p class=\"tagline\">News for Port Alden and the outer islands since 1887</p>\n"       \
    "  <nav class=\"main-nav\" aria-label=\"Main\"><ul>\n"                                     \
    "    <li><a href=\"/news/\">News</a></li><li><a href=\"/news/harbour/\">Harbour</a></li>\n" \
    "    <li><a href=\"/news/islands/\">Islands</a></li><li><a href=\"/sport/\">Sport</a></li>\n" \
    "    <li><a href=\"/business/\">Business</a></li><li><a href=\"/opinion/\">Opinion</a></li>\n" \
    "    <li><a href=\"/weather/\">Weather</a></li><li><a href=\"/subscribe/\">Subscribe</a></li>\n" \
    "  </ul></nav>\n"                                                                         \
    "</header>\n"

#define SIDEBAR                                                                               \
    "<aside class=\"sidebar\">\n"                                                             \
    "  <section class=\"most-read\"><h3>Most read</h3><ol>\n"                                 \
    "    <li><a href=\"/news/2024/10/01/lighthouse-keepers-cottage-sold\">Lighthouse keeper's "   \
    "cottage sold at auction for twice its estimate</a></li>\n"                               \
    "    <li><a href=\"/news/2024/09/30/storm-damage-east-pier\">Storm damage closes the east "  \
    "pier until the end of the month</a></li>\n"                                              \
    "    <li><a href=\"/sport/2024/09/29/rowing-club-regatta\">Rowing club takes four titles at " \
    "the autumn regatta</a></li>\n"                                                           \
    "  </ol></section>\n"                                                                     \
    "  <div class=\"ad-slot\" data-slot=\"rail_1\"><span>Advertisement</span></div>\n"        \
    "</aside>\n"

#define SITE_FOOTER                                                                           \
    "<footer class=\"site-footer\">\n"                                                        \
    "  <ul><li><a href=\"/about/\">About us</a></li><li><a href=\"/contact/\">Contact</a></li>" \
    "<li><a href=\"/privacy/\">Privacy policy</a></li><li><a href=\"/terms/\">Terms of use</a>" \
    "</li><li><a href=\"/advertise/\">Advertise with us</a></li></ul>\n"                     \
    "  <p class=\"copyright\">&copy; 2024 Daily Courier Media Ltd. All rights reserved.</p>\n" \
    "</footer>\n"

/* The article: five paragraphs of prose, each with a phrase of its own that
 * the tests look for. */
#define FERRY_P1                                                                              \
    "<p>The harbour board voted on Tuesday evening to keep the winter ferry running between " \
    "Port Alden and the two outer islands, reversing a decision made in the spring that "     \
    "would have left about 900 residents without a daily crossing from November until "      \
    "March.</p>\n"
#define FERRY_P2                                                                              \
    "<p>Board chair Miriam Okafor said the reversal followed three public meetings, a "       \
    "petition signed by more than 2,000 people, and a revised budget from the operator that " \
    "trims fuel costs by running the smaller vessel, the Tern, on weekdays and the larger "   \
    "one only at weekends.</p>\n"
#define FERRY_P3                                                                              \
    "<p>Islanders had argued that the cut would have forced families to choose between "      \
    "moving to the mainland for the winter or sending children to school by water taxi, "     \
    "which costs about $40 a trip, and that the island clinic, staffed two days a week, "     \
    "could not replace the hospital in town.</p>\n"
#define FERRY_P4                                                                              \
    "<p>The operator, Coastline Marine, will receive an extra $310,000 from the harbour fund " \
    "this year, drawn from mooring fees that rose in January. Its contract, which runs until " \
    "2027, now includes a penalty for cancelled sailings that are not caused by weather, a "  \
    "clause the islanders had asked for.</p>\n"
#define FERRY_P5                                                                              \
    "<p>Not everyone was pleased. Two board members, both from mainland wards, voted against " \
    "the plan, saying the fund should pay for dredging the inner harbour first, and the "     \
    "fishermen's association warned that higher mooring fees, if they rise again, would push " \
    "boats to moor in Kettle Bay instead.</p>\n"

#define FERRY_H1 "<h1>Harbour board keeps winter ferry to the outer islands</h1>\n"

/* A page in the common layout: header, MAIN beside the sidebar, footer. */
#define PAGE(head_extra, main)                                                                \
    DOCTYPE HEAD(head_extra) "<body class=\"article-page\">\n" SITE_HEADER                    \
    "<div class=\"container\">\n<main id=\"main\">\n" main "</main>\n" SIDEBAR "</div>\n"     \
    SITE_FOOTER "</body>\n</html>\n"

/* ---------------------------------------------------------------------------
 * Helpers.
 * ------------------------------------------------------------------------ */

static lede_result *extract_with(const char *html, lede_focus focus, int comments) {
    lede_options opt;
    lede_options_init(&opt);
    opt.format = LEDE_FORMAT_TEXT;
    opt.focus = focus;
    opt.comments = comments;
    lede_result *res = NULL;
    lede_status st = lede_extract(html, strlen(html), &opt, &res);
    if (st != LEDE_OK)
        fail_msg("lede_extract: %s", lede_strerror(st));
    assert_non_null(res);
    assert_non_null(lede_result_string(res, LEDE_FIELD_TEXT));
    return res;
}

static lede_result *extract(const char *html) {
    return extract_with(html, LEDE_FOCUS_BALANCED, 0);
}

/* NEEDLE must (or must not) occur in FIELD of RES. On failure the field is
 * printed and RES freed, since the failure does not return. */
static void expect_field(lede_result *res, const char *field, const char *needle,
                         int present) {
    if (!!(field && strstr(field, needle)) == !!present)
        return;
    print_error("--- result ---\n%s\n--------------\n", field ? field : "(null)");
    lede_result_free(res);
    fail_msg("%s: \"%s\"", present ? "missing" : "not expected", needle);
}

static void expect_text(lede_result *res, const char *needle) {
    expect_field(res, lede_result_string(res, LEDE_FIELD_TEXT), needle, 1);
}

static void expect_no_text(lede_result *res, const char *needle) {
    expect_field(res, lede_result_string(res, LEDE_FIELD_TEXT), needle, 0);
}

static void expect_comments(lede_result *res, const char *needle) {
    expect_field(res, lede_result_string(res, LEDE_FIELD_COMMENTS), needle, 1);
}

/* The five paragraphs of the ferry story are all there. */
static void expect_ferry_story(lede_result *res) {
    expect_text(res, "keep the winter ferry running");
    expect_text(res, "Board chair Miriam Okafor");
    expect_text(res, "school by water taxi");
    expect_text(res, "Coastline Marine");
    expect_text(res, "moor in Kettle Bay instead");
}

/* ---------------------------------------------------------------------------
 * clean.c
 * ------------------------------------------------------------------------ */

/* A mega menu whose links outweigh the article until it is removed. */
#define MEGA_MENU_COLUMN(section)                                                              \
    "<div class=\"mega-col\"><h4>" section "</h4><ul>"                                        \
    "<li><a href=\"/" section "/1\">" section " headlines and the latest updates</a></li>"    \
    "<li><a href=\"/" section "/2\">" section " analysis from our reporters</a></li>"         \
    "<li><a href=\"/" section "/3\">" section " pictures, video and podcasts</a></li>"        \
    "<li><a href=\"/" section "/4\">" section " archive of past coverage</a></li>"            \
    "<li><a href=\"/" section "/5\">" section " letters from our readers</a></li>"            \
    "<li><a href=\"/" section "/6\">" section " events and community notices</a></li>"       \
    "</ul></div>\n"

/* Pins clean.c clean_document(): the walk is post-order, so the page
 * wrapper named "body_overlay" (boilerplate by "overlay", content by "body")
 * is judged after its navigation went, when it is no longer mostly links;
 * judged before, it would go with the whole page (removed_by_name ->
 * small_or_linky). */
static void test_page_wrapper_with_boilerplate_name_is_kept(void **state) {
    (void)state;
    static const char html[] =
        DOCTYPE HEAD("") "<body>\n<div id=\"body_overlay\">\n" SITE_HEADER
        "<nav class=\"mega-menu\" aria-label=\"All sections\">\n"
        MEGA_MENU_COLUMN("News") MEGA_MENU_COLUMN("Harbour") MEGA_MENU_COLUMN("Islands")
        MEGA_MENU_COLUMN("Sport") MEGA_MENU_COLUMN("Business") MEGA_MENU_COLUMN("Opinion")
        MEGA_MENU_COLUMN("Culture") MEGA_MENU_COLUMN("Property")
        "</nav>\n"
        "<div class=\"container\">\n<article>\n" FERRY_H1 FERRY_P1 FERRY_P2 FERRY_P3 FERRY_P4
        FERRY_P5 "</article>\n" SIDEBAR "</div>\n" SITE_FOOTER "</div>\n</body>\n</html>\n";
    lede_result *res = extract(html);
    expect_ferry_story(res);
    expect_no_text(res, "analysis from our reporters");
    lede_result_free(res);
}

#define GALLERY_ITEM(n, caption)                                                              \
    "<li><img src=\"/media/2024/10/harvest-fair-" #n ".jpg\" alt=\"\"><span>" caption          \
    "</span></li>\n"

/* Pins vocab.c's "legends" pattern (Readability's) and clean.c
 * can_wrap_page(): a list holding most of the page's text is a caption
 * gallery, never a page wrapper, so it goes by its name. */
static void test_caption_gallery_list_is_dropped(void **state) {
    (void)state;
    static const char html[] = PAGE(
        "",
        "<article class=\"story\">\n"
        "<h1>Harvest fair returns to the quay after a five-year pause</h1>\n"
        "<div class=\"story-body\">\n"
        "<p>The harvest fair came back to Port Alden quay on Saturday for the first time in "
        "five years, drawing growers from all three islands, a brass band from the mainland, "
        "and a crowd the organisers put at close to 6,000 people over the day.</p>\n"
        "<p>The fair was suspended after the storm of 2019, which flooded the quay sheds, and "
        "organisers said at the time that the cost of insurance, which had doubled, made it "
        "impossible to stage without a sponsor. This year the harbour board waived the fee "
        "for the quay.</p>\n"
        "<p>Stallholder Ruth Penhallow, who has grown squash on the north island for forty "
        "years, said she sold out before noon. Others complained that the parking, which was "
        "moved to the old rope works, was too far from the quay for older visitors.</p>\n"
        "<p>The organisers, a committee of volunteers, said they would meet in November to "
        "decide whether the fair becomes an annual event again, and that a shuttle bus, paid "
        "for by the growers, would run from the car park next year if it does.</p>\n"
        "<ul class=\"legends\">\n"
        GALLERY_ITEM(1, "Photo 1 of 20: Growers unload crates of squash, apples and pumpkins "
                        "from the early ferry before the gates open on the quay.")
        GALLERY_ITEM(2, "Photo 2 of 20: The mainland brass band, in red jackets, marches along "
                        "the harbour wall to open the fair at ten o'clock.")
        GALLERY_ITEM(3, "Photo 3 of 20: Children queue for the apple press, which the north "
                        "island school brought over on a borrowed fishing boat.")
        GALLERY_ITEM(4, "Photo 4 of 20: Ruth Penhallow, centre, weighs the winning squash, "
                        "which came in at just under forty kilograms this year.")
        GALLERY_ITEM(5, "Photo 5 of 20: Volunteers in yellow vests direct visitors from the "
                        "rope works car park, a walk of about fifteen minutes.")
        GALLERY_ITEM(6, "Photo 6 of 20: A stall of island honey, jams and chutneys does brisk "
                        "trade in the shelter of the old customs house.")
        GALLERY_ITEM(7, "Photo 7 of 20: The judges of the vegetable show confer over a table "
                        "of onions, leeks and beetroot in the quay shed.")
        GALLERY_ITEM(8, "Photo 8 of 20: Dancers from the south island folk club perform on "
                        "the slipway as the tide comes in during the afternoon.")
        GALLERY_ITEM(9, "Photo 9 of 20: A sheepdog trial on the green behind the harbour "
                        "office, with sheep borrowed from a mainland farm.")
        GALLERY_ITEM(10, "Photo 10 of 20: Fishermen sell crab sandwiches from the deck of the "
                         "Morwenna, moored alongside the quay for the day.")
        GALLERY_ITEM(11, "Photo 11 of 20: The tug of war between the two outer islands ends, "
                         "as it did five years ago, in a muddy draw.")
        GALLERY_ITEM(12, "Photo 12 of 20: Visitors crowd the quay wall to watch the gig race, "
                         "rowed from the lighthouse to the harbour mouth.")
        GALLERY_ITEM(13, "Photo 13 of 20: A blacksmith from the mainland shoes a pony in front "
                         "of a crowd of children outside the chandlery.")
        GALLERY_ITEM(14, "Photo 14 of 20: The lifeboat crew shows visitors around the station "
                         "and collects donations in a bucket by the slipway.")
        GALLERY_ITEM(15, "Photo 15 of 20: Stalls pack up as the light fades, with most of the "
                         "produce gone and the band playing its last tune.")
        GALLERY_ITEM(16, "Photo 16 of 20: A cider tent, run by the north island growers, keeps "
                         "serving until the last ferry leaves at seven.")
        GALLERY_ITEM(17, "Photo 17 of 20: Rain showers in the early afternoon send visitors "
                         "under the awnings of the fish market for an hour.")
        GALLERY_ITEM(18, "Photo 18 of 20: A display of old photographs of the fair, from the "
                         "1950s onwards, hangs inside the harbour office.")
        GALLERY_ITEM(19, "Photo 19 of 20: The mayor presents the cup for the best island "
                         "garden to a couple from the south island.")
        GALLERY_ITEM(20, "Photo 20 of 20: Fireworks over the harbour close the fair, watched "
                         "from the decks of boats moored in the outer basin.")
        "</ul>\n"
        "</div>\n</article>\n");
    lede_result *res = extract(html);
    expect_text(res, "harvest fair came back to Port Alden quay");
    expect_text(res, "Ruth Penhallow, who has grown squash");
    expect_text(res, "a shuttle bus, paid for by the growers");
    expect_no_text(res, "Photo 1 of 20");
    expect_no_text(res, "sheepdog trial");
    expect_no_text(res, "Fireworks over the harbour");
    lede_result_free(res);
}

#define FIGURE_PAGE                                                                          \
    PAGE("",                                                                                  \
         "<article class=\"story\">\n" FERRY_H1 FERRY_P1 FERRY_P2                             \
         "<figure>\n<img src=\"/media/2024/10/ferry-tern-1200.jpg\" alt=\"The ferry Tern\">\n" \
         "<figcaption>The Tern, the smaller of the two ferries, leaves Port Alden for the "     \
         "north island on a calm morning in September.</figcaption>\n</figure>\n"             \
         FERRY_P3 FERRY_P4 FERRY_P5 "</article>\n")

/* Pins clean.c removed_by_tag(), case TAG_FIGURE/TAG_FIGCAPTION: captions
 * describe pictures, not the story. */
static void test_figure_captions_are_dropped(void **state) {
    (void)state;
    static const char html[] = FIGURE_PAGE;
    lede_result *res = extract(html);
    expect_ferry_story(res);
    expect_no_text(res, "the smaller of the two ferries");
    lede_result_free(res);
}

/* Pins clean.c figure_holds_table(): a <figure> that sets a table
 * (CKEditor's "figure.table") is data, not a picture, and stays. */
static void test_figure_of_a_table_stays(void **state) {
    (void)state;
    static const char html[] = PAGE(
        "",
        "<article class=\"story\">\n" FERRY_H1 FERRY_P1 FERRY_P2
        "<figure class=\"table\"><table><tr><th>Day</th><th>First</th><th>Vessel</th></tr>"
        "<tr><td>Weekdays</td><td>07:10</td><td>Tern</td></tr></table></figure>\n"
        FERRY_P3 FERRY_P4 FERRY_P5 "</article>\n");
    lede_result *res = extract(html);
    expect_ferry_story(res);
    expect_text(res, "Weekdays | 07:10 | Tern");
    lede_result_free(res);
}

/* Pins clean.c removed_by_tag(): the figure rule stands aside for
 * LEDE_FOCUS_RECALL. */
static void test_recall_keeps_figure_captions(void **state) {
    (void)state;
    static const char html[] = FIGURE_PAGE;
    lede_result *res = extract_with(html, LEDE_FOCUS_RECALL, 0);
    expect_ferry_story(res);
    expect_text(res, "the smaller of the two ferries");
    lede_result_free(res);
}

static lede_result *extract_as(const char *html, lede_format format) {
    lede_options opt;
    lede_options_init(&opt);
    opt.format = format;
    lede_result *res = NULL;
    lede_status st = lede_extract(html, strlen(html), &opt, &res);
    if (st != LEDE_OK)
        fail_msg("lede_extract: %s", lede_strerror(st));
    assert_non_null(res);
    assert_non_null(lede_result_string(res, LEDE_FIELD_BODY));
    return res;
}

/* Pins notes.c take_reference(): numbered links to headings (a theorem, a
 * lemma) make the page's numbered links cross references, so the one that
 * leads to a list item does not become a note either. */
static void test_numbered_cross_references_are_no_notes(void **state) {
    (void)state;
    const char *html =
        "<html><head><title>Bounding the contour integral</title></head><body><article>"
        "<h1>Bounding the contour integral</h1>"
        "<p>By the residue theorem (see <a href='#thm'>1</a>), the contour integral can be "
        "evaluated, and with the expansion (<a href='#lem'>2</a>) this yields the bound we "
        "need for the rest of the argument.</p>"
        "<p>A stronger result follows from the triangle inequality (<a href='#ex'>3</a>) applied "
        "to the decomposition below, term by term.</p>"
        "<h3><a name='thm'></a>Theorem 1 (Residue Theorem)</h3>"
        "<p>For any meromorphic function f and a contour C the integral is a sum of residues.</p>"
        "<h3><a name='lem'></a>Lemma 2 (Expansion)</h3>"
        "<p>Let P be a polynomial of degree n; then for any z on the unit circle it is bounded.</p>"
        "<ul><li><a name='ex'></a>Exercise 3. Use the triangle inequality to show that the sum "
        "is bounded.</li></ul>"
        "</article></body></html>";
    lede_result *res = extract_as(html, LEDE_FORMAT_MARKDOWN);
    expect_field(res, lede_result_string(res, LEDE_FIELD_BODY), "[^", 0);
    expect_field(res, lede_result_string(res, LEDE_FIELD_BODY), "Exercise 3. Use the triangle", 1);
    lede_result_free(res);
}

/* Pins notes.c find_loose_notes(): notes numbered by <sup>s with no
 * links, paired with the paragraphs under "Notes" that open with the same
 * number, become [^n] references and definitions; a <sup> no paragraph
 * opens with (an exponent) stays text. */
static void test_unlinked_numbered_notes_are_footnotes(void **state) {
    (void)state;
    const char *html =
        "<html><head><title>Counting the harbour seals</title></head><body><article>"
        "<h1>Counting the harbour seals</h1>"
        "<p>Volunteers counted 10<sup>3</sup> seals on the sandbanks this spring, the most "
        "since the survey began, and the count was checked from the air.<sup>1</sup></p>"
        "<p>The colony grows by about a tenth a year, as it has since the ban on hunting "
        "came into force and the fishing nets were changed.<sup>2</sup></p>"
        "<p>Boats are asked to keep their distance while the pups are young in June.</p>"
        "<h2>Notes</h2>"
        "<p><sup>1</sup> The survey flight is flown each year at low tide in May.</p>"
        "<p><sup>2</sup> Figures from the wardens' annual report for the estuary.</p>"
        "</article></body></html>";
    lede_result *res = extract_as(html, LEDE_FORMAT_MARKDOWN);
    const char *body = lede_result_string(res, LEDE_FIELD_BODY);
    expect_field(res, body, "checked from the air.[^1]", 1);
    expect_field(res, body, "nets were changed.[^2]", 1);
    expect_field(res, body, "[^1]: The survey flight", 1);
    expect_field(res, body, "[^2]: Figures from the wardens", 1);
    expect_field(res, body, "## Notes", 0);
    expect_field(res, body, "[^3]", 0);
    expect_field(res, body, "103 seals", 1);
    lede_result_free(res);
}

/* Pins trim.c collect_blocks(): a line of code that ends with the
 * headline's words is code, not a copy of the headline. */
static void test_code_ending_like_the_headline_stays(void **state) {
    (void)state;
    const char *html =
        "<html><head><title>Sample Plugin</title></head><body><article>"
        "<h1>Sample Plugin</h1>"
        "<p>The plugin formats configuration files as you save them, and it never blocks "
        "the editor while an external formatter runs in the background.</p>"
        "<p>Install it with your preferred package manager:</p>"
        "<pre><code>use 'user/sample-plugin'</code></pre>"
        "<p>Then call the setup function once from your configuration, with a table of the "
        "options you want to change; every other option keeps its default value.</p>"
        "</article></body></html>";
    lede_result *res = extract_as(html, LEDE_FORMAT_TEXT);
    expect_text(res, "use 'user/sample-plugin'");
    lede_result_free(res);
}

/* Pins clean.c is_code_toolbar() and markdown.c toolbar_language(): the
 * bar a highlighter sets at the top of a <pre>, its "Copy" button and its
 * language's name, is not the code's first line in any format, and its
 * label names the Markdown fence's language. */
static void test_code_toolbar_is_no_code(void **state) {
    (void)state;
    const char *html =
        "<html><head><title>Generators in Python</title></head><body><article>"
        "<h1>Generators in Python</h1>"
        "<p>A generator hands out one value at a time, so a sequence that would not fit "
        "in memory can still be walked from one end to the other without a list.</p>"
        "<pre><div class='bar'><div><span>Python</span></div><div><button>Copy code</button>"
        "</div></div><div class='editor'>def count(n):\n    i = 0\n    while i &lt; n:\n"
        "        yield i\n        i += 1</div></pre>"
        "<p>Each call to next() runs the body until the following yield, and the local "
        "variables keep their values between the calls, which is what makes it cheap.</p>"
        "</article></body></html>";
    lede_result *res = extract_as(html, LEDE_FORMAT_MARKDOWN);
    expect_field(res, lede_result_string(res, LEDE_FIELD_BODY), "```python\ndef count(n):", 1);
    expect_field(res, lede_result_string(res, LEDE_FIELD_BODY), "Python\ndef", 0);
    expect_field(res, lede_result_string(res, LEDE_FIELD_TEXT), "Python\ndef", 0);
    expect_text(res, "def count(n):");
    expect_no_text(res, "Copy code");
    lede_result_free(res);
}

/* The page of code whose names link to their documentation, as Lean's
 * Verso writes it: a command in a <code>, its answer in a <pre>. HOVER is
 * the box of the type shown over the command's name. */
#define LINKED_CODE_PAGE(hover)                                                              \
    "<html><head><title>Types</title></head><body><main><article>"                        \
    "<h1>Dependent Type Theory</h1>"                                                       \
    "<p>Every expression in Lean has a type, and the checker tells it when asked. The "    \
    "commands below ask for the types of a few of the basic ones, and each answer "        \
    "follows its command.</p><div class='example'><code class='hl lean block'>" hover      \
    "<a href='#check-doc'>#check</a> <a href='#nat-doc'>Nat</a></code>"                   \
    "<pre class='hl lean lean-output'>Nat : Type</pre><code class='hl lean block'>"        \
    "<a href='#check-doc'>#check</a> <a href='#bool-doc'>Bool</a></code>"                 \
    "<pre class='hl lean lean-output'>Bool : Type</pre></div>"                             \
    "<p>Types are themselves expressions, so they have types as well, which is where the " \
    "hierarchy of universes begins and where the next chapter takes up the story.</p>"    \
    "</article></main></body></html>"

/* Pins parse.c's link sums: a name in code linked to its definition is
 * code, not a link away, and code of such names is no list of links. */
static void test_code_of_linked_names_stays(void **state) {
    (void)state;
    lede_result *res = extract_as(LINKED_CODE_PAGE(""), LEDE_FORMAT_MARKDOWN);
    expect_field(res, lede_result_string(res, LEDE_FIELD_BODY),
                 "```\n#check Nat\nNat : Type\n#check Bool\nBool : Type\n```", 1);
    expect_text(res, "#check Nat");
    lede_result_free(res);
}

/* Pins clean.c removed_by_name() inside code: the box a highlighter shows
 * over a name on hover (its type) is no part of the code. */
static void test_hover_box_inside_code_is_no_code(void **state) {
    (void)state;
    lede_result *res = extract_as(
        LINKED_CODE_PAGE("<span class='hover-container'><span class='hover-info'><code>Nat : "
                         "Type</code></span></span>"),
        LEDE_FORMAT_MARKDOWN);
    expect_field(res, lede_result_string(res, LEDE_FIELD_BODY), "```\n#check Nat\nNat : Type\n", 1);
    lede_result_free(res);
}

/* Pins clean.c removal_flags() and walk_skips(): the figure the text leaves
 * out is a picture with its caption in Markdown and HTML, while a figure
 * named as an advert stays out of every output. */
static void test_figures_show_in_markdown_and_html(void **state) {
    (void)state;
    static const char html[] = PAGE("",
        "<article class=\"story\">\n" FERRY_H1 FERRY_P1 FERRY_P2
        "<figure>\n<img src=\"/media/2024/10/ferry-tern-1200.jpg\" alt=\"The ferry Tern\">\n"
        "<figcaption>The Tern, the smaller of the two ferries, leaves Port Alden for the "
        "north island on a calm morning in September.</figcaption>\n</figure>\n"
        FERRY_P3 "<figure class=\"advert\"><img src=\"/ads/banner.png\" alt=\"Buy\">"
        "<figcaption>Sponsored by the harbour bakery</figcaption></figure>\n"
        FERRY_P4 FERRY_P5 "</article>\n");
    lede_result *res = extract_as(html, LEDE_FORMAT_MARKDOWN);
    expect_ferry_story(res);
    expect_no_text(res, "the smaller of the two ferries");
    expect_field(res, lede_result_string(res, LEDE_FIELD_BODY),
                 "![The ferry Tern](/media/2024/10/ferry-tern-1200.jpg)", 1);
    expect_field(res, lede_result_string(res, LEDE_FIELD_BODY),
                 "\n\nThe Tern, the smaller of the two ferries", 1);
    expect_field(res, lede_result_string(res, LEDE_FIELD_BODY), "harbour bakery", 0);
    expect_field(res, lede_result_string(res, LEDE_FIELD_BODY), "banner.png", 0);
    lede_result_free(res);
    res = extract_as(html, LEDE_FORMAT_HTML);
    expect_no_text(res, "the smaller of the two ferries");
    expect_field(res, lede_result_string(res, LEDE_FIELD_BODY),
                 "<figure>\n<img src=\"/media/2024/10/ferry-tern-1200.jpg\"", 1);
    expect_field(res, lede_result_string(res, LEDE_FIELD_BODY), "<figcaption>The Tern, the smaller",
                 1);
    expect_field(res, lede_result_string(res, LEDE_FIELD_BODY), "harbour bakery", 0);
    lede_result_free(res);
}

#define TIMETABLE_ROW(file, size)                                                              \
    "<tr><td><a href=\"/files/" file "\">" file "</a></td><td>" size "</td></tr>\n"

/* Pins trim.c link_density_outside_tables(): a data table whose first
 * column is all links is data, so the division around it is not judged a
 * list of links by the table's links (it was dropped with the table). */
static void test_division_around_table_of_links_is_kept(void **state) {
    (void)state;
    static const char html[] = PAGE("",
        "<article class=\"story\">\n" FERRY_H1 FERRY_P1 FERRY_P2 FERRY_P3
        "<div class=\"timetables\"><p>Timetables:</p>\n<table>\n"
        "<tr><th>Timetable</th><th>Size</th></tr>\n"
        TIMETABLE_ROW("winter-north-island-2024.pdf", "120 kB")
        TIMETABLE_ROW("winter-south-island-2024.pdf", "118 kB")
        TIMETABLE_ROW("summer-north-island-2025.pdf", "131 kB")
        TIMETABLE_ROW("summer-south-island-2025.pdf", "127 kB")
        "</table></div>\n" FERRY_P4 FERRY_P5 "</article>\n");
    lede_result *res = extract(html);
    expect_ferry_story(res);
    expect_text(res, "winter-north-island-2024.pdf | 120 kB");
    expect_text(res, "summer-south-island-2025.pdf | 127 kB");
    lede_result_free(res);
}

/* Pins clean.c removed_by_name(): an element named as an embed ("tweet",
 * "embed") is kept though also named "social", and trim.c
 * is_boilerplate_container(), which spares it though it is links and
 * handles; either alone drops the tweet. The share bar still goes (by its
 * name, and by its links in trim.c). */
static void test_quoted_tweet_is_kept(void **state) {
    (void)state;
    static const char html[] = PAGE(
        "",
        "<article class=\"story\">\n" FERRY_H1
        "<div class=\"share-buttons\"><a href=\"https://www.facebook.com/sharer/sharer.php?u=x\">"
        "Share on Facebook</a> <a href=\"https://twitter.com/intent/tweet?url=x\">Share on X</a> "
        "<a href=\"mailto:?subject=Winter%20ferry\">Email this story</a></div>\n"
        FERRY_P1 FERRY_P2
        "<div class=\"social-media-embed\"><blockquote class=\"twitter-tweet\">"
        "<p lang=\"en\" dir=\"ltr\">Winter timetable confirmed: weekday sailings on the Tern "
        "from 4 November <a href=\"https://t.co/x7Fq2Lr\">https://t.co/x7Fq2Lr</a> "
        "<a href=\"https://twitter.com/hashtag/PortAlden\">#PortAlden</a> "
        "<a href=\"https://t.co/pZ81kd\">pic.twitter.com/pZ81kd</a></p>&mdash; Coastline Marine "
        "(@CoastlineFerry) <a href=\"https://twitter.com/CoastlineFerry/status/1841\">"
        "October 2, 2024</a></blockquote></div>\n"
        FERRY_P3 FERRY_P4 FERRY_P5 "</article>\n");
    lede_result *res = extract(html);
    expect_ferry_story(res);
    expect_text(res, "Winter timetable confirmed");
    expect_text(res, "@CoastlineFerry");
    expect_no_text(res, "Share on Facebook");
    expect_no_text(res, "Email this story");
    lede_result_free(res);
}

/* Pins vocab.c's "rollover" pattern: a hover card of a person, with a
 * picture and other stories' headlines, goes from inside the paragraph
 * that holds it, and the paragraph's own words stay. */
static void test_hover_card_is_dropped(void **state) {
    (void)state;
    static const char html[] = PAGE(
        "",
        "<article class=\"story\">\n" FERRY_H1 FERRY_P1
        "<p>The vote was a personal win for <a class=\"person-link\" href=\"/people/miriam-"
        "okafor\">Miriam Okafor</a><span class=\"rollover-people-block\"><img src=\"/people/"
        "miriam-okafor-64.jpg\" alt=\"\"><a href=\"/news/2023/05/02/okafor-elected-chair\">"
        "Okafor elected harbour board chair after a tied first ballot</a><a href=\"/news/2024/02/"
        "14/mooring-fees\">Mooring fees to rise by a fifth from January</a><a href=\"/news/2024/"
        "06/09/ferry-cut\">Islanders fear for winter crossings as board weighs cuts</a></span>, who "
        "chairs the board and had promised, at the last of the public meetings, that no "
        "islander would be left without a crossing, whatever the budget said.</p>\n"
        FERRY_P3 FERRY_P4 FERRY_P5 "</article>\n");
    lede_result *res = extract(html);
    expect_text(res, "The vote was a personal win for Miriam Okafor");
    expect_text(res, "no islander would be left without a crossing");
    expect_no_text(res, "Okafor elected harbour board chair");
    expect_no_text(res, "Mooring fees to rise by a fifth");
    expect_no_text(res, "Islanders fear for winter crossings");
    lede_result_free(res);
}

/* Pins tree.c tree_remove() as clean.c uses it: the share box inside a
 * display:none dropdown is removed first (the walk is bottom-up), and the
 * sums above the hidden dropdown, which never counted the box's text, must
 * not lose it. When they did, the section holding the dropdown lost more
 * commas than the box had given it and looked like a link list to trim.c,
 * which dropped two paragraphs of the story. */
static void test_hidden_subtree_does_not_break_sums(void **state) {
    (void)state;
    static const char html[] = PAGE(
        "",
        "<article class=\"story\">\n" FERRY_H1
        "<div class=\"story-body\">\n" FERRY_P1 FERRY_P2 FERRY_P3
        "<div class=\"wp-block-group\">\n"
        "<p>The money will come from the <a href=\"/topics/harbour-fund\">harbour fund</a>, "
        "which was set up in 1998, topped up by <a href=\"/news/2024/01/09/mooring-fees\">"
        "January's rise in mooring fees</a>, and last used, in 2021, to repair the "
        "<a href=\"/news/2021/02/11/east-pier\">east pier</a> after a winter storm.</p>\n"
        "<p>The board's treasurer, <a href=\"/people/tom-hosking\">Tom Hosking</a>, said the "
        "fund holds about 1.2 million pounds, enough, he said, for the ferry and for the "
        "<a href=\"/news/2024/05/19/dredging\">dredging of the inner harbour</a>, though not "
        "for both in the same year.</p>\n"
        "<div class=\"dropdown\" style=\"display:none\"><div class=\"share\">Send this "
        "story to a friend on Facebook, X, WhatsApp, LinkedIn or by email, or copy its link, "
        "and they can read it free.</div></div>\n"
        "</div>\n"
        FERRY_P4 FERRY_P5 "</div>\n</article>\n");
    lede_result *res = extract(html);
    expect_ferry_story(res);
    expect_text(res, "The money will come from the harbour fund");
    expect_text(res, "The board's treasurer, Tom Hosking");
    expect_no_text(res, "Send this story to a friend");
    lede_result_free(res);
}

/* Pins clean.c clean_find_comments() (with lede.c extract_comments()) and
 * vocab.c's "comment" pattern: with options.comments the comments land in
 * lede_result_string(result, LEDE_FIELD_COMMENTS); in either case they are not article text. */
#define COMMENTS_PAGE                                                                         \
    PAGE("",                                                                                  \
         "<article class=\"story\">\n" FERRY_H1 FERRY_P1 FERRY_P2 FERRY_P3 FERRY_P4 FERRY_P5   \
         "</article>\n"                                                                       \
         "<div id=\"comments\" class=\"comments-area\">\n<h2>2 comments</h2>\n"               \
         "<ol class=\"comment-list\">\n"                                                      \
         "<li class=\"comment\"><div class=\"comment-author\">Peter Trewin</div>"              \
         "<p>About time. My daughter boards on the mainland every winter because of the "     \
         "timetable, and a daily boat means she can finally come home at weekends, which "     \
         "matters more than the board seems to understand.</p></li>\n"                       \
         "<li class=\"comment\"><div class=\"comment-author\">Sally from Kettle Bay</div>"     \
         "<p>Who pays when the mooring fees go up again next year? The fishermen, as "         \
         "usual.</p></li>\n"                                                                  \
         "</ol>\n</div>\n")

static void test_comments_go_to_their_own_field(void **state) {
    (void)state;
    static const char html[] = COMMENTS_PAGE;
    lede_result *res = extract_with(html, LEDE_FOCUS_BALANCED, 1);
    expect_ferry_story(res);
    expect_no_text(res, "My daughter boards on the mainland");
    expect_comments(res, "My daughter boards on the mainland");
    expect_comments(res, "The fishermen, as usual");
    lede_result_free(res);

    res = extract_with(html, LEDE_FOCUS_BALANCED, 0);
    expect_ferry_story(res);
    assert_null(lede_result_string(res, LEDE_FIELD_COMMENTS));
    expect_no_text(res, "My daughter boards on the mainland");
    lede_result_free(res);
}

/* The reply form under the comments (WordPress's markup) is not comment
 * text: its heading, notes and labels stay out of LEDE_FIELD_COMMENTS. */
static void test_comment_form_labels_are_not_comments(void **state) {
    (void)state;
    static const char html[] = PAGE(
        "", "<article class=\"story\">\n" FERRY_H1 FERRY_P1 FERRY_P2 FERRY_P3 FERRY_P4 FERRY_P5
            "</article>\n"
            "<div id=\"comments\" class=\"comments-area\">\n<h2>2 comments</h2>\n"
            "<ol class=\"comment-list\">\n"
            "<li class=\"comment\"><p>About time. My daughter boards on the mainland every "
            "winter because of the timetable.</p></li>\n"
            "<li class=\"comment\"><p>Who pays when the mooring fees go up again next year? "
            "The fishermen, as usual.</p></li>\n</ol>\n"
            "<div id=\"respond\" class=\"comment-respond\">"
            "<h3 id=\"reply-title\" class=\"comment-reply-title\">Leave a Reply "
            "<small><a href=\"#\">Cancel reply</a></small></h3>"
            "<form id=\"commentform\" class=\"comment-form\">"
            "<p class=\"comment-notes\">Your email address will not be published. Required "
            "fields are marked *</p>"
            "<p class=\"comment-form-comment\"><label for=\"c\">Comment</label>"
            "<textarea id=\"c\"></textarea></p>"
            "<p class=\"comment-form-email\"><label for=\"e\">Email *</label>"
            "<input id=\"e\"></p></form></div>\n</div>\n");
    lede_result *res = extract_with(html, LEDE_FOCUS_BALANCED, 1);
    expect_comments(res, "My daughter boards on the mainland");
    expect_comments(res, "The fishermen, as usual");
    expect_field(res, lede_result_string(res, LEDE_FIELD_COMMENTS), "Leave a Reply", 0);
    expect_field(res, lede_result_string(res, LEDE_FIELD_COMMENTS), "Email *", 0);
    expect_field(res, lede_result_string(res, LEDE_FIELD_COMMENTS), "will not be published", 0);
    expect_no_text(res, "Leave a Reply");
    expect_text(res, "Board chair Miriam Okafor");
    lede_result_free(res);
}

/* ---------------------------------------------------------------------------
 * select.c
 * ------------------------------------------------------------------------ */

/* Pins select.c widen_to_prose(): the article comes in chunks, each in its
 * own wrapper, with ads between. The later chunks are single paragraphs with
 * few commas, too weak for the sibling rule (gather()), so only the climb to
 * the element that adds their prose takes them in. */
static void test_article_split_into_chunk_wrappers_is_joined(void **state) {
    (void)state;
    static const char html[] =
        DOCTYPE HEAD("") "<body class=\"article-page\">\n" SITE_HEADER
        "<div class=\"container\">\n<div class=\"l-col l-col--8\">\n" FERRY_H1
        "<div class=\"chunk\"><div class=\"inner\">\n" FERRY_P1 FERRY_P2 FERRY_P3
        "</div></div>\n"
        "<div class=\"inline-ad\"><span>Advertisement</span></div>\n"
        "<div class=\"chunk\"><div class=\"inner\">\n"
        "<p>Coastline Marine will be paid more from the harbour fund this year to cover the "
        "cost of the extra sailings. The money comes from the mooring fees that rose in January "
        "and is meant to last until the contract ends in 2027.</p>\n</div></div>\n"
        "<div class=\"inline-ad\"><span>Advertisement</span></div>\n"
        "<div class=\"chunk\"><div class=\"inner\">\n"
        "<p>Not everyone was pleased. Two board members from mainland wards voted against the "
        "plan and said the fund should have paid for dredging the inner harbour first. The "
        "fishermen warned that boats would moor in Kettle Bay instead if the fees rise again."
        "</p>\n</div></div>\n"
        "</div>\n" SIDEBAR "</div>\n" SITE_FOOTER "</body>\n</html>\n";
    lede_result *res = extract(html);
    expect_text(res, "keep the winter ferry running");
    expect_text(res, "school by water taxi");
    expect_text(res, "Coastline Marine will be paid more");
    expect_text(res, "boats would moor in Kettle Bay");
    expect_no_text(res, "Advertisement");
    lede_result_free(res);
}

/* Pins select.c WIDEN_MIN_GAIN (a fifth): the story's opening chunk, a
 * fifth of its prose, sits in a wrapper of its own with a related-coverage
 * box; the long second chunk is chosen, and the climb to the story must take
 * the opening in although it adds under a quarter. */
static void test_short_opening_chunk_is_joined(void **state) {
    (void)state;
    static const char html[] =
        DOCTYPE HEAD("") "<body class=\"article-page\">\n" SITE_HEADER
        "<div class=\"container\">\n<main>\n<article class=\"story\">\n" FERRY_H1
        "<div class=\"story-body-wrapper\"><div class=\"story-body\">\n"
        "<p>The ferry will also call at Gull Rock on Fridays from December, the board said, "
        "after the island school asked for a later crossing at the end of each week for the "
        "pupils who board in town during the term, when the tide allows it.</p>\n</div>\n"
        "<aside class=\"related-coverage\"><h3>More on the ferry</h3><ul>"
        "<li><a href=\"/news/1\">Islanders petition the board</a></li>"
        "<li><a href=\"/news/2\">Operator cuts fuel costs</a></li></ul></aside>\n</div>\n"
        "<div class=\"story-body-wrapper\"><div class=\"story-body\">\n"
        FERRY_P1 FERRY_P2 FERRY_P3 FERRY_P4 "</div>\n</div>\n"
        "</article>\n</main>\n" SIDEBAR "</div>\n" SITE_FOOTER "</body>\n</html>\n";
    lede_result *res = extract(html);
    expect_text(res, "call at Gull Rock on Fridays");
    expect_text(res, "keep the winter ferry running");
    expect_text(res, "clause the islanders had asked for");
    expect_no_text(res, "Islanders petition the board");
    lede_result_free(res);
}

#define TEASER(slug, headline, excerpt)                                                       \
    "<article class=\"card\"><h3><a href=\"/news/2024/10/" slug "\">" headline "</a></h3>"     \
    "<p>" excerpt "</p></article>\n"

/* Pins vocab.c's "more-news" pattern: a list of other stories' teasers
 * after the article (linked headlines, prose excerpts) is not part of it.
 * Without the pattern the list scores 17.5 against the article's 68 and
 * gather()'s sibling rule (20%) takes it in; widen_to_prose()'s link limit
 * does not come into it. */
static void test_teaser_list_beside_article_is_not_joined(void **state) {
    (void)state;
    static const char html[] = PAGE(
        "",
        "<article class=\"story\">\n" FERRY_H1 FERRY_P1 FERRY_P2 FERRY_P3 FERRY_P4 FERRY_P5
        "</article>\n"
        "<div class=\"more-news\">\n<h2>More news</h2>\n"
        TEASER("01/quay-sheds", "Quay sheds to be rebuilt after storm damage, council says",
               "The two sheds on the east side of the quay, which flooded in the storm of "
               "2019, will be rebuilt in timber by the spring, the council said, at a cost "
               "that will be shared with the harbour board and the fishermen's association.")
        TEASER("02/school-roll", "North island school roll rises for the first time in a decade",
               "Eleven children started at the north island school this term, up from seven, "
               "and the head teacher, who has run the school alone since 2016, says she will "
               "need a second teacher next year if the numbers hold.")
        TEASER("03/lifeboat", "Lifeboat crew called out twice in one night to yachts in trouble",
               "The volunteer crew launched at midnight to a yacht with a fouled propeller off "
               "the lighthouse, and again at four in the morning, when a second yacht, caught "
               "by the same squall, dragged its anchor in the outer basin.")
        TEASER("04/bakery", "Bakery on Fore Street closes after sixty years in the same family",
               "The Pascoe family, who have baked on Fore Street since 1964, sold their last "
               "loaf on Saturday, saying that the cost of flour, power and rent, which have "
               "all risen sharply, had made the shop impossible to keep open.")
        "</div>\n");
    lede_result *res = extract(html);
    expect_ferry_story(res);
    expect_no_text(res, "Quay sheds to be rebuilt");
    expect_no_text(res, "which flooded in the storm of 2019");
    expect_no_text(res, "Eleven children started");
    expect_no_text(res, "dragged its anchor");
    expect_no_text(res, "sold their last loaf");
    lede_result_free(res);
}

/* Pins select.c sibling_joins(): an <article> is self-contained, so a
 * sibling <article> (the next story of an endless-scroll page) is another
 * story, whatever it scores; widen_to_prose() stops at an ancestor that
 * holds another <article> (has_other_article()), else the second story,
 * 91% prose, would come back through widening. */
static void test_sibling_article_is_another_story(void **state) {
    (void)state;
    static const char html[] = PAGE(
        "",
        "<article class=\"story\">\n" FERRY_H1 FERRY_P1 FERRY_P2 FERRY_P3 FERRY_P4 FERRY_P5
        "</article>\n"
        "<article class=\"story\">\n"
        "<h2><a href=\"/news/2024/10/03/lifeboat-callouts\">Lifeboat crew called out twice in "
        "one night</a></h2>\n"
        "<p>The volunteer lifeboat crew launched at midnight on Wednesday to a yacht with a "
        "fouled propeller drifting towards the rocks off the lighthouse, and towed it, with its "
        "crew of three, back to the inner harbour by two in the morning.</p>\n"
        "<p>The crew was called out again at four, when a second yacht, caught by the same "
        "squall, dragged its anchor in the outer basin. Its owner, who was alone on board, was "
        "unhurt, and the yacht was made fast to a mooring buoy.</p>\n"
        "</article>\n");
    lede_result *res = extract(html);
    expect_ferry_story(res);
    expect_no_text(res, "fouled propeller");
    expect_no_text(res, "dragged its anchor");
    lede_result_free(res);
}

#define CARD(slug, headline, excerpt, when)                                                    \
    "<article class=\"card\">"                                                                \
    "<a class=\"card-image\" href=\"/news/2024/10/" slug "\"><img src=\"/media/" slug ".jpg\" " \
    "alt=\"\"></a><h3 class=\"card-title\"><a href=\"/news/2024/10/" slug "\">" headline       \
    "</a></h3><p class=\"card-excerpt\">" excerpt "</p><span class=\"card-time\">" when       \
    "</span></article>\n"

#define LISTING_PAGE \
        DOCTYPE \
        "<head>\n<meta charset=\"utf-8\">\n<title>Daily Courier | News for Port Alden and the " \
        "outer islands</title>\n<meta property=\"og:type\" content=\"website\">\n" \
        "<meta property=\"og:site_name\" content=\"Daily Courier\">\n</head>\n" \
        "<body class=\"home\">\n" SITE_HEADER "<div class=\"container\">\n<main id=\"main\">\n" \
        "<section class=\"top-stories\">\n<h2>Top stories</h2>\n" \
        CARD("03/winter-ferry", "Harbour board keeps winter ferry to the outer islands", \
             "The board reversed its spring decision after three public meetings, a petition " \
             "and a revised budget from the operator, Coastline Marine.", "2 hours ago") \
        CARD("03/lifeboat", "Lifeboat crew called out twice in one night", \
             "A yacht with a fouled propeller, then a second one dragging its anchor in the " \
             "outer basin, kept the volunteers busy until dawn.", "5 hours ago") \
        CARD("02/quay-sheds", "Quay sheds to be rebuilt after storm damage", \
             "The two sheds on the east side of the quay will be rebuilt in timber by spring, " \
             "with the cost shared between the council and the harbour board.", "Yesterday") \
        CARD("02/school-roll", "North island school roll rises for the first time in a decade", \
             "Eleven children started this term, up from seven, and the head teacher says she " \
             "will need a second teacher next year if the numbers hold.", "Yesterday") \
        CARD("01/bakery", "Bakery on Fore Street closes after sixty years", \
             "The Pascoe family sold their last loaf on Saturday, saying that flour, power and " \
             "rent had all risen too far to keep the shop open.", "2 days ago") \
        CARD("01/mooring-fees", "Mooring fees may rise again, board warns", \
             "A second rise in a year is possible if dredging the inner harbour costs more " \
             "than expected, the board's treasurer told members on Tuesday.", "2 days ago") \
        "</section>\n<section class=\"local\">\n<h2>Around the islands</h2>\n" \
        CARD("01/regatta", "Rowing club takes four titles at the autumn regatta", \
             "The club's women's four won by two lengths in a rising wind, and the juniors, " \
             "racing for the first time, took the other three titles.", "3 days ago") \
        CARD("30/pier", "Storm damage closes the east pier until the end of the month", \
             "Engineers found cracks in two of the pier's timber piles after the gale, and " \
             "anglers and walkers will have to use the west pier instead.", "4 days ago") \
        CARD("29/lighthouse", "Lighthouse keeper's cottage sold at auction", \
             "The cottage, empty since the light was automated in 1991, went for twice its " \
             "estimate to a buyer from the mainland who plans to live in it.", "5 days ago") \
        CARD("28/clinic", "Island clinic adds a third day each week from November", \
             "The health board will fund a nurse for Wednesdays, after islanders said two days " \
             "a week left them crossing to town for simple appointments.", "6 days ago") \
        CARD("27/folk-club", "South island folk club celebrates fifty years", \
             "Founder members, some now in their eighties, danced on the slipway on Saturday, " \
             "as they did at the club's first show in the summer of 1974.", "1 week ago") \
        CARD("26/harvest-fair", "Harvest fair returns to the quay after five years", \
             "Growers from all three islands, a brass band and about 6,000 visitors came to " \
             "the first fair since the storm of 2019 flooded the quay sheds.", "1 week ago") \
        "</section>\n</main>\n" SIDEBAR "</div>\n" SITE_FOOTER "</body>\n</html>\n"

static void expect_no_article(const char *html, const char *want_type) {
    lede_options opt;
    lede_options_init(&opt);
    lede_result *res = NULL;
    lede_status st = lede_extract(html, strlen(html), &opt, &res);
    if (st == LEDE_OK) {
        print_error("--- text ---\n%s\n------------\n", lede_result_string(res, LEDE_FIELD_TEXT));
        lede_result_free(res);
        fail_msg("expected no article, got one");
    }
    assert_int_equal(st, LEDE_ERR_NO_ARTICLE);
    /* answered with the page's metadata and what the page is instead */
    assert_non_null(res);
    assert_null(lede_result_string(res, LEDE_FIELD_TEXT));
    assert_null(lede_result_string(res, LEDE_FIELD_BODY));
    assert_non_null(lede_result_string(res, LEDE_FIELD_TITLE));
    assert_non_null(lede_result_string(res, LEDE_FIELD_TYPE));
    assert_string_equal(lede_result_string(res, LEDE_FIELD_TYPE), want_type);
    lede_result_free(res);
}

#define LI_STORY(slug, headline, dek)                                                         \
    "<li class=\"story\"><h3><a href=\"/news/2024/10/" slug "\">" headline "</a></h3><p>" dek \
    "</p></li>\n"

/* Pins select.c is_listing(): a front page has no article. The lead story's
 * teaser is the best candidate; it is short and the other teasers score at
 * least half as well without being part of it. */
static void test_listing_page_has_no_article(void **state) {
    (void)state;
    static const char html[] =
        DOCTYPE
        "<head>\n<meta charset=\"utf-8\">\n<title>Daily Courier | News for Port Alden and the "
        "outer islands</title>\n<meta property=\"og:type\" content=\"website\">\n</head>\n"
        "<body class=\"home\">\n" SITE_HEADER "<div class=\"container\">\n"
        "<main class=\"front\">\n<section class=\"zone zone-top\">\n"
        "<div class=\"lead-story\"><a href=\"/news/2024/10/03/winter-ferry\"><img src=\"/media/"
        "ferry-960.jpg\" alt=\"The ferry Tern\"></a><span class=\"label\">Harbour</span>"
        "<h2><a href=\"/news/2024/10/03/winter-ferry\">Harbour board keeps winter ferry to the "
        "outer islands</a></h2><p>The board reversed its spring decision after three public "
        "meetings, a petition signed by 2,000 people and a revised budget from the operator, "
        "which will run the smaller boat on weekdays.</p><p class=\"byline\">By Kate Rowe "
        "&middot; 2 hours ago</p></div>\n"
        "<ul class=\"top-stories\">\n"
        LI_STORY("03/lifeboat", "Lifeboat crew called out twice in one night",
                 "A yacht with a fouled propeller, then another dragging its anchor.")
        LI_STORY("02/quay-sheds", "Quay sheds to be rebuilt after storm damage",
                 "Timber sheds by spring, with the cost shared by council and board.")
        LI_STORY("02/school-roll", "North island school roll rises for the first time in a decade",
                 "Eleven children started this term, up from seven last year.")
        LI_STORY("01/bakery", "Bakery on Fore Street closes after sixty years",
                 "The Pascoe family, bakers since 1964, sold their last loaf.")
        "</ul>\n</section>\n"
        "<section class=\"zone\"><h2><a href=\"/news/islands/\">Around the islands</a></h2>\n"
        "<ul class=\"story-list\">\n"
        LI_STORY("01/regatta", "Rowing club takes four titles at the autumn regatta",
                 "The women's four won by two lengths, in a rising wind.")
        LI_STORY("30/pier", "Storm damage closes the east pier until the end of the month",
                 "Engineers found cracks, they say, in two of the timber piles.")
        LI_STORY("29/lighthouse", "Lighthouse keeper's cottage sold at auction",
                 "Empty since 1991, it went for twice its estimate.")
        LI_STORY("28/clinic", "Island clinic adds a third day each week from November",
                 "The health board will fund a nurse, for now, on Wednesdays.")
        "</ul>\n</section>\n"
        "<section class=\"zone\"><h2><a href=\"/sport/\">Sport</a></h2>\n"
        "<ul class=\"story-list\">\n"
        LI_STORY("27/gig-racing", "Gig racing season ends with a win for the south island",
                 "The Kettle Bay crew held off the harbour club, just, by a length.")
        LI_STORY("26/football", "Port Alden reserves reach the county cup semi-final",
                 "A late header settled a wet, scrappy game on Saturday.")
        LI_STORY("25/swim", "Sea swimmers raise money for the lifeboat station",
                 "Forty swimmers, the oldest 81, crossed the harbour mouth at dawn.")
        "</ul>\n</section>\n</main>\n" SIDEBAR "</div>\n" SITE_FOOTER "</body>\n</html>\n";
    expect_no_article(html, "listing");
}

/* A front page of twelve equal cards (picture, linked headline, a deck of
 * one or two sentences, a time) in <main id="main">: "main" is content
 * vocabulary, so <main> outscores each card and is chosen, and it is long;
 * what tells it from an article is that it holds the cards as <article>s
 * of their own (select.c other_articles(), is_listing()). */
static void test_listing_page_of_plain_cards_has_no_article(void **state) {
    (void)state;
    static const char html[] = LISTING_PAGE;
    expect_no_article(html, "listing");
}

/* Pins select.c confidence(): a long article with few links in a clear
 * container is surer than a short, link-heavy one. */
static void test_confidence_is_higher_for_clear_article(void **state) {
    (void)state;
    static const char clear[] = PAGE(
        "", "<article class=\"story\">\n" FERRY_H1 FERRY_P1 FERRY_P2 FERRY_P3 FERRY_P4 FERRY_P5
            "</article>\n");
    static const char linky[] = PAGE(
        "",
        "<article class=\"story\">\n<h1>Ferry timetable: what changes in November</h1>\n"
        "<p>From 4 November the <a href=\"/ferries/tern\">Tern</a> sails on weekdays and the "
        "<a href=\"/ferries/morwenna\">Morwenna</a> at weekends, as <a href=\"/news/2024/10/03/"
        "winter-ferry\">the harbour board decided on Tuesday</a>; see the <a href=\"/ferries/"
        "timetable\">full winter timetable</a> and <a href=\"/ferries/fares\">the fares</a>.</p>\n"
        "<p>Tickets are sold at the <a href=\"/ferries/office\">harbour office</a>, on board, or "
        "through <a href=\"https://coastline.example/app\">the Coastline Marine app</a>, and "
        "<a href=\"/ferries/season-tickets\">season tickets for islanders</a> keep their "
        "price.</p>\n"
        "</article>\n");
    lede_result *linky_res = extract(linky);
    expect_text(linky_res, "Tickets are sold at the harbour office");
    lede_result *clear_res = extract(clear);
    double clear_confidence = lede_result_confidence(clear_res),
           linky_confidence = lede_result_confidence(linky_res);
    lede_result_free(clear_res);
    lede_result_free(linky_res);
    assert_true(clear_confidence >= 0.0 && clear_confidence <= 1.0);
    assert_true(linky_confidence >= 0.0 && linky_confidence <= 1.0);
    if (!(clear_confidence > linky_confidence))
        fail_msg("confidence: clear article %.3f, short link-heavy page %.3f",
                 clear_confidence, linky_confidence);
}

/* ---------------------------------------------------------------------------
 * trim.c
 * ------------------------------------------------------------------------ */

/* Pins trim.c is_link_paragraph(): a paragraph that is one link is a link
 * to another story; list items and headings that are links stay, they are
 * the story's own. */
static void test_link_only_paragraph_is_dropped(void **state) {
    (void)state;
    static const char html[] = PAGE(
        "",
        "<article class=\"story\">\n" FERRY_H1 FERRY_P1 FERRY_P2
        "<p><a href=\"/news/2024/09/30/storm-damage-east-pier\">STORM DAMAGE CLOSES THE EAST "
        "PIER UNTIL THE END OF THE MONTH</a></p>\n"
        FERRY_P3
        "<h2><a href=\"#what-changes\">What changes for passengers</a></h2>\n"
        "<p>The operator published the main points of the new winter service on Wednesday, "
        "ahead of the full timetable, which it says will be posted at the harbour office and "
        "on board both ferries by the end of the month:</p>\n"
        "<ul>\n<li>Weekday sailings on the Tern leave Port Alden at 7.15, 12.30 and 17.45, "
        "calling at both islands.</li>\n"
        "<li>Weekend sailings on the larger Morwenna carry vehicles and freight as well as "
        "passengers.</li>\n"
        "<li><a href=\"/ferries/winter-timetable.pdf\">The full winter timetable (PDF)</a></li>\n"
        "</ul>\n"
        FERRY_P4 FERRY_P5 "</article>\n");
    lede_result *res = extract(html);
    expect_ferry_story(res);
    expect_no_text(res, "STORM DAMAGE CLOSES THE EAST PIER");
    expect_text(res, "What changes for passengers");
    expect_text(res, "The full winter timetable (PDF)");
    expect_text(res, "Weekday sailings on the Tern");
    lede_result_free(res);
}

/* Pins trim.c is_caption_copy(): a caption not marked as one (a <div>
 * under the picture) repeats the picture's alt text, with a credit after
 * it, and goes; a paragraph that opens with the same words and goes on
 * about them is prose and stays, as does a two-word alt repeated (a name). */
static void test_unmarked_caption_repeating_alt_is_dropped(void **state) {
    (void)state;
    static const char html[] = PAGE(
        "",
        "<article class=\"story\">\n" FERRY_H1 FERRY_P1 FERRY_P2
        "<div class=\"pic\"><img src=\"/media/tern.jpg\" alt=\"The Tern leaving Port Alden\">"
        "<div>The Tern leaving Port Alden. | &copy; Harbour Board/Jo Penrose</div></div>\n"
        "<div class=\"pic\"><img src=\"/media/quay.jpg\" alt=\"The north quay at low tide\">"
        "</div>\n"
        "<p>The north quay at low tide is where the trouble starts: the Tern cannot berth "
        "there for three hours either side of the ebb, whatever the timetable says.</p>\n"
        "<p><img src=\"/media/ruth.jpg\" alt=\"Ruth Penhallow\"></p>\n<p>Ruth Penhallow</p>\n"
        FERRY_P3 FERRY_P4 FERRY_P5 "</article>\n");
    lede_result *res = extract(html);
    expect_ferry_story(res);
    expect_no_text(res, "Jo Penrose");
    expect_text(res, "The north quay at low tide is where the trouble starts");
    expect_text(res, "Ruth Penhallow");
    lede_result_free(res);
}

/* Pins trim.c is_credit_line(): "Quelle: …" and "Foto: …" lines name who
 * supplied the story or its picture and go; a sentence that merely has a
 * colon stays, and so does a "Sources:" heading over its list. */
static void test_credit_line_is_dropped(void **state) {
    (void)state;
    static const char html[] = PAGE(
        "",
        "<article class=\"story\">\n" FERRY_H1 FERRY_P1 FERRY_P2
        "<p>Foto: Harbour Board/Jo Penrose</p>\n"
        FERRY_P3
        "<p>Source: the island councils' joint survey, 2023</p>\n"
        "<p>The source of the trouble, one councillor said: a timetable drawn up on the "
        "mainland.</p>\n"
        FERRY_P4 FERRY_P5 "</article>\n");
    lede_result *res = extract(html);
    expect_ferry_story(res);
    expect_no_text(res, "Jo Penrose");
    expect_no_text(res, "joint survey");
    expect_text(res, "The source of the trouble, one councillor said");
    lede_result_free(res);
}

/* Pins trim.c is_publication_note(): "Aktualisiert am 17.01.2021." under the
 * story is the date field's, not the story's; a sentence that mentions an
 * update in passing stays. */
static void test_publication_note_is_dropped(void **state) {
    (void)state;
    static const char html[] = PAGE(
        "",
        "<article class=\"story\">\n" FERRY_H1 FERRY_P1 FERRY_P2 FERRY_P3
        "<p>The timetable was last updated in 2019, before the Morwenna joined.</p>\n"
        FERRY_P4 FERRY_P5 "<p>Aktualisiert am 17.01.2021.</p>\n</article>\n");
    lede_result *res = extract(html);
    expect_ferry_story(res);
    expect_no_text(res, "Aktualisiert am");
    expect_text(res, "The timetable was last updated in 2019");
    lede_result_free(res);
}

/* Pins trim.c is_label() with the "related " prefix label: a label that
 * opens a link to another story goes, headline and all. */
static void test_related_label_with_link_is_dropped(void **state) {
    (void)state;
    static const char html[] = PAGE(
        "",
        "<article class=\"story\">\n" FERRY_H1 FERRY_P1 FERRY_P2 FERRY_P3
        "<p>Related: <a href=\"/news/2024/06/09/islanders-fear-for-winter-crossings\">Islanders "
        "fear for winter crossings as the board weighs cuts</a></p>\n"
        FERRY_P4 FERRY_P5 "</article>\n");
    lede_result *res = extract(html);
    expect_ferry_story(res);
    expect_no_text(res, "Related:");
    expect_no_text(res, "Islanders fear for winter crossings");
    lede_result_free(res);
}

/* Pins trim.c is_byline() with the byline_phrases list: "Publicado por"
 * makes a short line a byline wherever it stands in it. */
static void test_byline_phrase_line_is_dropped(void **state) {
    (void)state;
    static const char html[] =
        "<!doctype html>\n<html lang=\"pt-BR\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<title>Campanha de vacinação contra a gripe começa segunda-feira | Jornal do "
        "Litoral</title>\n<meta property=\"og:site_name\" content=\"Jornal do Litoral\">\n"
        "</head>\n<body>\n"
        "<header class=\"site-header\"><a class=\"logo\" href=\"/\">Jornal do Litoral</a>"
        "<nav class=\"menu-principal\"><ul><li><a href=\"/cidade/\">Cidade</a></li>"
        "<li><a href=\"/saude/\">Saúde</a></li><li><a href=\"/esportes/\">Esportes</a></li>"
        "<li><a href=\"/economia/\">Economia</a></li><li><a href=\"/contato/\">Contato</a></li>"
        "</ul></nav></header>\n"
        "<div class=\"container\">\n<main>\n<div class=\"post\">\n"
        "<h1>Campanha de vacinação contra a gripe começa segunda-feira</h1>\n"
        "<div class=\"conteudo\">\n"
        "<p>05/10/2018 - Publicado por: Ana Lima - Categoria: Saúde</p>\n"
        "<p>A campanha de vacinação contra a gripe começa na próxima segunda-feira em todos os "
        "postos de saúde do município, e a prefeitura espera imunizar, até o fim de novembro, "
        "cerca de 40 mil pessoas dos grupos prioritários, como idosos, gestantes e crianças.</p>\n"
        "<p>Segundo a secretária de Saúde, Marta Figueiredo, as doses chegaram na sexta-feira e "
        "já foram distribuídas aos postos, que vão funcionar em horário estendido, das 7h às "
        "19h, durante as duas primeiras semanas da campanha, inclusive aos sábados.</p>\n"
        "<p>Quem for se vacinar deve levar um documento com foto, o cartão do SUS e, se tiver, "
        "a caderneta de vacinação. Pessoas com febre no dia devem esperar a melhora dos "
        "sintomas antes de procurar o posto, orienta a secretaria.</p>\n"
        "<p>No ano passado, a cobertura ficou abaixo da meta, em torno de 70%, e a prefeitura "
        "atribuiu o resultado à chuva, que afastou o público nos primeiros dias, e à falta de "
        "informação sobre os locais de vacinação nos bairros mais afastados.</p>\n"
        "</div>\n</div>\n</main>\n"
        "<aside class=\"sidebar\"><h3>Mais lidas</h3><ul><li><a href=\"/cidade/1\">Prefeitura "
        "anuncia obras na avenida da praia</a></li><li><a href=\"/esportes/2\">Time da cidade "
        "vence o clássico no domingo</a></li></ul></aside>\n</div>\n"
        "<footer class=\"site-footer\"><p>&copy; 2018 Jornal do Litoral. Todos os direitos "
        "reservados.</p></footer>\n</body>\n</html>\n";
    lede_result *res = extract(html);
    expect_text(res, "A campanha de vacinação contra a gripe começa");
    expect_text(res, "Marta Figueiredo");
    expect_text(res, "caderneta de vacinação");
    expect_text(res, "bairros mais afastados");
    expect_no_text(res, "Publicado por");
    expect_no_text(res, "05/10/2018");
    lede_result_free(res);
}

/* Pins trim.c is_name_label(): the kicker above the headline is the
 * page's section standing alone; the standfirst beside it is article text. */
static void test_kicker_equal_to_section_is_dropped(void **state) {
    (void)state;
    static const char html[] = PAGE(
        "<meta property=\"article:section\" content=\"Explainers\">\n",
        "<article class=\"story\">\n<header class=\"story-header\">\n"
        "<a class=\"kicker\" href=\"/explainers/\">Explainers</a>\n"
        "<h1>What the winter ferry deal means for islanders</h1>\n"
        "<p class=\"standfirst\">The harbour board found the money to keep the boats running "
        "until March. Here is who pays, what changes on the water and what could still go "
        "wrong.</p>\n"
        "<div class=\"story-byline\">Kate Rowe, harbour reporter. <time datetime=\"2024-10-03\">"
        "October 3, 2024</time></div>\n"
        "</header>\n"
        FERRY_P1 FERRY_P2 FERRY_P3 FERRY_P4 FERRY_P5 "</article>\n");
    lede_result *res = extract(html);
    expect_ferry_story(res);
    expect_text(res, "found the money to keep the boats running");
    expect_no_text(res, "Explainers");
    lede_result_free(res);
}

/* Pins trim.c is_boilerplate_container(): commas inside links are
 * headlines' commas, not prose, so a list of linked headlines with ten or
 * more commas is still a link list. */
static void test_headline_list_with_commas_is_dropped(void **state) {
    (void)state;
    static const char html[] = PAGE(
        "",
        "<article class=\"story\">\n" FERRY_H1 FERRY_P1 FERRY_P2 FERRY_P3 FERRY_P4
        "<ul>\n"
        "<li><a href=\"/news/2024/06/09/a\">Ferries, fares and fuel: the board's budget, line by "
        "line</a></li>\n"
        "<li><a href=\"/news/2024/06/02/b\">Islanders, fishermen and the council, divided over "
        "the harbour fund</a></li>\n"
        "<li><a href=\"/news/2024/05/26/c\">The Tern, the Morwenna and the ferries before them, "
        "in pictures</a></li>\n"
        "<li><a href=\"/news/2024/05/19/d\">Mooring fees, dredging and the inner harbour, "
        "explained</a></li>\n"
        "<li><a href=\"/news/2024/05/12/e\">School, clinic, shop: what a winter without a ferry "
        "would mean</a></li>\n"
        "<li><a href=\"/news/2024/05/05/f\">Petition, meetings, vote: how the reversal came "
        "about</a></li>\n"
        "</ul>\n"
        FERRY_P5 "</article>\n");
    lede_result *res = extract(html);
    expect_ferry_story(res);
    expect_no_text(res, "the board's budget, line by line");
    expect_no_text(res, "divided over the harbour fund");
    expect_no_text(res, "how the reversal came about");
    lede_result_free(res);
}

/* A WordPress post whose entry-content carries the copies news sites add:
 * a player label, a headline with the publisher in front, a byline and a
 * teaser of the first paragraph cut off with an ellipsis. */
#define WP_PAGE                                                                               \
    DOCTYPE                                                                                   \
    "<head>\n<meta charset=\"utf-8\">\n"                                                      \
    "<title>Harbour board keeps winter ferry to the outer islands &#8211; Daily Courier"     \
    "</title>\n"                                                                              \
    "<meta name=\"description\" content=\"Islanders had campaigned since the spring for a "   \
    "daily winter crossing.\">\n"                                                            \
    "<meta property=\"og:title\" content=\"Harbour board keeps winter ferry to the outer "    \
    "islands\">\n"                                                                            \
    "<meta property=\"og:site_name\" content=\"Daily Courier\">\n"                           \
    "<meta property=\"og:type\" content=\"article\">\n"                                      \
    "<meta name=\"generator\" content=\"WordPress 6.6.2\">\n"                                \
    "</head>\n"                                                                               \
    "<body class=\"post-template-default single single-post postid-5512 has-sidebar\">\n"    \
    "<div id=\"page\" class=\"site\">\n" SITE_HEADER                                          \
    "<div id=\"content\" class=\"site-content\">\n<div id=\"primary\" class=\"content-area\">" \
    "\n<main id=\"main\" class=\"site-main\">\n"                                              \
    "<article id=\"post-5512\" class=\"post-5512 post type-post status-publish hentry\">\n"   \
    "<header class=\"entry-header\">\n<h1 class=\"entry-title\">Harbour board keeps winter "  \
    "ferry to the outer islands</h1>\n</header>\n"                                            \
    "<div class=\"entry-content\">\n"                                                         \
    "<p>Audio By Carbonatix</p>\n"                                                            \
    "<p>Listen to this article</p>\n"                                                         \
    "<p><strong>Daily Courier: Harbour board keeps winter ferry to the outer islands"         \
    "</strong></p>\n"                                                                         \
    "<p>By Jane Doe</p>\n"                                                                    \
    "<p><em>The harbour board voted on Tuesday evening to keep the winter ferry running "    \
    "between Port Alden and the two outer islands, reversing a decision [&hellip;]</em></p>\n" \
    FERRY_P1 FERRY_P2 FERRY_P3 FERRY_P4 FERRY_P5                                              \
    "</div>\n</article>\n</main>\n</div>\n" SIDEBAR "</div>\n" SITE_FOOTER "</div>\n"        \
    "</body>\n</html>\n"

/* Pins trim.c is_teaser(): a block cut off with an ellipsis that is the
 * start of another block is a teaser copy. */
static void test_teaser_copy_with_ellipsis_is_dropped(void **state) {
    (void)state;
    static const char html[] = WP_PAGE;
    lede_result *res = extract(html);
    expect_ferry_story(res);
    expect_no_text(res, "reversing a decision [");
    expect_no_text(res, "\xE2\x80\xA6");
    lede_result_free(res);
}

/* Pins trim.c is_label(): "Audio By ..." (a prefix label) and "Listen to
 * this article" (an exact label) are a player's, not the story's. */
static void test_audio_player_label_is_dropped(void **state) {
    (void)state;
    static const char html[] = WP_PAGE;
    lede_result *res = extract(html);
    expect_ferry_story(res);
    expect_no_text(res, "Carbonatix");
    expect_no_text(res, "Listen to this article");
    lede_result_free(res);
}

/* Pins vocab.c id_is_heading_slug(): a documentation page's sections carry
 * their heading's slug as id ("sharing-with-a-single-developer"); words of
 * the heading that are also vocabulary ("sharing", "comments") do not make
 * the section a share bar or a comment thread. A share bar's own id still
 * does. */
static void test_section_named_by_heading_slug_is_kept(void **state) {
    (void)state;
    static const char html[] = PAGE(
        "",
        "<article class=\"docs\">\n<h1>Working with shared history</h1>\n"
        "<div class=\"section\" id=\"introduction\"><h2>Introduction</h2>"
        "<p>Once you have mastered history in one repository, you can move on to history "
        "that several repositories share, with every draft changeset carried between them "
        "along with the markers that say which changesets replaced which.</p></div>\n"
        "<div class=\"section\" id=\"sharing-with-a-single-developer\"><h2>Sharing with a "
        "single developer</h2><p>The simplest case is one developer working on two "
        "computers: the laptop where the code is written and a test server that can only be "
        "reached over SSH, where the changes must be tried before anyone sees them.</p></div>\n"
        "<div class=\"section\" id=\"comments-on-the-review-process\"><h2>Comments on the "
        "review process</h2><p>Reviewers pull the draft changesets, comment on them, and "
        "the author amends them until the review is done; only then are they published to "
        "the public repository, where they can no longer change.</p></div>\n"
        "<div id=\"share-buttons\"><p>Share this page on <a href=\"/s/t\">Twitter</a> and "
        "<a href=\"/s/f\">Facebook</a></p></div>\n"
        "</article>\n");
    lede_result *res = extract(html);
    expect_text(res, "The simplest case is one developer working on two computers");
    expect_text(res, "Reviewers pull the draft changesets");
    expect_no_text(res, "Share this page on");
    lede_result_free(res);
}

/* Pins clean.c in_running_text(): inline elements inside a sentence keep
 * their words whatever their names say ("dateline", "meta-org"); a byline
 * paragraph of its own still goes. */
static void test_named_words_inside_a_sentence_stay(void **state) {
    (void)state;
    static const char html[] = PAGE(
        "",
        "<article>\n" FERRY_H1 "<p class=\"byline\">By Kate Rowe</p>\n"
        "<p><span class=\"dateline\">PORT ALDEN \xE2\x80\x94</span> The harbour board voted on "
        "Tuesday evening to keep the winter ferry running to the outer islands, and "
        "<a class=\"meta-org\" href=\"/topic/coastline-marine\">Coastline Marine</a> will run "
        "the smaller boat on weekdays.</p>\n" FERRY_P2 FERRY_P3 FERRY_P4 FERRY_P5 "</article>\n");
    lede_result *res = extract(html);
    expect_text(res, "PORT ALDEN \xE2\x80\x94 The harbour board voted");
    expect_text(res, "and Coastline Marine will run the smaller boat");
    expect_no_text(res, "By Kate Rowe");
    lede_result_free(res);
}

#define LIVE_ITEM(time, text) "<li class=\"live-item\"><span class=\"time\">" time "</span><p>" text "</p></li>\n"

/* Pins clean.c chrome_twice(): a sidebar that is an <aside> and says so by
 * its role holds a live feed longer than the article beside it. The guard
 * that keeps page-wide wrappers with unlucky names must not keep it. */
static void test_sidebar_live_feed_longer_than_story_goes(void **state) {
    (void)state;
    static const char html[] =
        DOCTYPE HEAD("") "<body>\n" SITE_HEADER "<div class=\"wrapper\">\n"
        "<div class=\"main-content\"><article>\n" FERRY_H1 FERRY_P1 FERRY_P2 FERRY_P3
        "</article></div>\n"
        "<aside id=\"sidebar\" class=\"mod\" role=\"complementary\"><div class=\"live\">"
        "<h3>Live</h3><ul class=\"live-flux\">\n"
        LIVE_ITEM("16:02", "The council confirmed this afternoon that the library on Fore Street "
                  "will reopen on Monday, after three weeks of repairs to its flooded basement, "
                  "with shorter hours until the end of the month.")
        LIVE_ITEM("15:40", "Police closed the coast road between the quay and the lighthouse for an "
                  "hour after a lorry lost part of its load of timber on the bend above the "
                  "harbour; no one was hurt and the road is open again.")
        LIVE_ITEM("15:12", "The weather service has warned of gales on the outer islands tonight, "
                  "with gusts of up to 110 km/h expected on the exposed western coasts, and "
                  "advises boat owners to check their moorings before dark.")
        LIVE_ITEM("14:55", "Tickets for the winter concert at the church hall went on sale this "
                  "morning and sold out in less than an hour; the choir says it will add a "
                  "second evening if the hall can be booked for the Saturday.")
        LIVE_ITEM("14:20", "The school board has chosen a new head teacher for the north island "
                  "school, who starts in January after twelve years at a primary school on the "
                  "mainland, the board said in a statement.")
        "</ul></div></aside>\n</div>\n" SITE_FOOTER "</body>\n</html>\n";
    lede_result *res = extract(html);
    expect_text(res, "keep the winter ferry running");
    expect_text(res, "Board chair Miriam Okafor");
    expect_text(res, "school by water taxi");
    expect_no_text(res, "library on Fore Street");
    expect_no_text(res, "gales on the outer islands");
    lede_result_free(res);
}

/* Pins trim.c is_headline_copy(): the headline again in the body, with the
 * publisher's name in front of it. */
static void test_headline_copy_with_publisher_prefix_is_dropped(void **state) {
    (void)state;
    static const char html[] = WP_PAGE;
    lede_result *res = extract(html);
    expect_ferry_story(res);
    expect_no_text(res, "Daily Courier: Harbour board");
    lede_result_free(res);
}

/* Pins trim.c is_byline() with the byline_openings list ("by "). */
static void test_byline_is_dropped(void **state) {
    (void)state;
    static const char html[] = WP_PAGE;
    lede_result *res = extract(html);
    expect_ferry_story(res);
    expect_no_text(res, "By Jane Doe");
    lede_result_free(res);
}

/* Pins clean.c is_protected(): code inside <pre>, headings, definition
 * terms and table cells are content whatever their class says ("token
 * comment" is a syntax highlighter's, "related" a heading's style). */
static void test_protected_content_keeps_its_names(void **state) {
    (void)state;
    static const char html[] = PAGE(
        "",
        "<article>\n" FERRY_H1 FERRY_P1 FERRY_P2
        "<h2 class=\"related\">How the harbour fund pays for the crossing</h2>\n" FERRY_P3
        "<dl><dt class=\"share\">Mooring fee</dt><dd>Raised in January to pay for the winter "
        "crossings and the dredging of the inner harbour.</dd></dl>\n"
        "<table><tr><td class=\"ad\">Weekday vessel</td><td>The Tern</td></tr></table>\n"
        "<pre><code><span class=\"token comment\"># timetable check run by the operator</span>\n"
        "check --route outer-islands</code></pre>\n" FERRY_P4 FERRY_P5 "</article>\n");
    lede_result *res = extract(html);
    expect_ferry_story(res);
    expect_text(res, "How the harbour fund pays for the crossing");
    expect_text(res, "Mooring fee");
    expect_text(res, "Weekday vessel");
    expect_text(res, "timetable check run by the operator");
    lede_result_free(res);
}

#define FORUM_POST(who, text)                                                                 \
    "<div class=\"comment\"><div class=\"comment-author\">" who "</div>"                      \
    "<div class=\"comment-body\"><p>" text "</p></div></div>\n"

/* Pins lede.c extract_cascade() and select.c select_baseline() with
 * comments_are_prose(): a forum thread's posts are named "comment", so the
 * first passes remove all but the last, a few words; the paragraph-level
 * baseline answers the thread, since the page has no other prose. */
static void test_baseline_answers_when_names_remove_the_prose(void **state) {
    (void)state;
    static const char html[] =
        DOCTYPE HEAD("") "<body>\n" SITE_HEADER "<div class=\"container\">\n"
        "<div class=\"thread\"><h1>Winter ferry timetable for the outer islands</h1>\n"
        FORUM_POST("islander_77", "Does anyone know whether the winter ferry keeps the early "
                   "sailing on weekdays? The operator's page still shows last year's timetable "
                   "and the harbour office was closed when I called on Friday afternoon.")
        FORUM_POST("kettlebay", "The board's decision says the smaller vessel runs on weekdays "
                   "and the larger one only at weekends, so I would expect the early sailing "
                   "to stay, but the times may move by a quarter of an hour in December.")
        FORUM_POST("mharris", "I asked at the quay this morning: the first boat still leaves at "
                   "ten past seven from Monday to Friday, and the last one back leaves the north "
                   "island at half past five, weather permitting.")
        FORUM_POST("islander_77", "Thanks, that settles it.")
        "</div>\n</div>\n" SITE_FOOTER "</body>\n</html>\n";
    lede_result *res = extract(html);
    expect_text(res, "Does anyone know whether the winter ferry");
    expect_text(res, "the first boat still leaves at ten past seven");
    expect_no_text(res, "Privacy policy");
    lede_result_free(res);
    /* recall falls back as well (lede.c extract_cascade) */
    res = extract_with(html, LEDE_FOCUS_RECALL, 0);
    expect_text(res, "Does anyone know whether the winter ferry");
    lede_result_free(res);
}

/* Pins select.c is_data_table() in the baseline: a table of words is read
 * whole, as a table, so its short cells stay ("Tern", "07:10"); a calendar
 * of numbers is still read cell by cell, and its cells are too short to be
 * prose. */
static void test_baseline_reads_a_data_table_whole(void **state) {
    (void)state;
    static const char html[] =
        DOCTYPE HEAD("") "<body>\n" SITE_HEADER "<div class=\"container\">\n"
        "<div class=\"thread\"><h1>Winter ferry timetable for the outer islands</h1>\n"
        FORUM_POST("islander_77", "Does anyone know whether the winter ferry keeps the early "
                   "sailing on weekdays? The operator's page still shows last year's timetable "
                   "and the harbour office was closed when I called on Friday afternoon.")
        FORUM_POST("mharris", "I asked at the quay this morning: the first boat still leaves at "
                   "ten past seven from Monday to Friday, and the last one back leaves the north "
                   "island at half past five, weather permitting.")
        "<div class=\"comment\"><div class=\"comment-author\">kettlebay</div>"
        "<div class=\"comment-body\"><table><tr><th>Day</th><th>First</th><th>Vessel</th></tr>"
        "<tr><td>Weekdays</td><td>07:10</td><td>Tern</td></tr>"
        "<tr><td>Weekends</td><td>08:30</td><td>Morwenna</td></tr></table></div></div>\n"
        "<div class=\"comment\"><div class=\"comment-author\">almanac</div>"
        "<div class=\"comment-body\"><table><tr><th>M</th><th>T</th><th>W</th></tr>"
        "<tr><td>1</td><td>2</td><td>3</td></tr><tr><td>4</td><td>5</td><td>6</td></tr>"
        "<tr><td>7</td><td>8</td><td>9</td></tr></table></div></div>\n"
        FORUM_POST("islander_77", "Thanks, that settles it.")
        "</div>\n</div>\n" SITE_FOOTER "</body>\n</html>\n";
    lede_result *res = extract(html);
    expect_text(res, "Does anyone know whether the winter ferry");
    expect_text(res, "Weekdays | 07:10 | Tern");
    expect_no_text(res, "4 | 5 | 6");
    lede_result_free(res);
}

/* Pins trim.c remove_orphan_labels(): the "More on this topic" heading of
 * a link list that clean removed, and a "Share this page" label after it,
 * end the text with nothing to title; they go, the story's last sentence
 * and a heading over a picture stay. */
static void test_trailing_orphan_labels_are_dropped(void **state) {
    (void)state;
    static const char html[] = PAGE(
        "",
        "<article>\n" FERRY_H1 FERRY_P1 FERRY_P2 FERRY_P3 FERRY_P4 FERRY_P5
        "<p>The board meets again in March.</p>\n"
        "<h3>More on this topic</h3>\n<ul class=\"links\">"
        "<li><a href=\"/news/2024/09/12/ferry-fares\">Ferry fares to rise by four per cent in "
        "the new year</a></li><li><a href=\"/news/2024/08/30/tern-refit\">The Tern returns "
        "from her refit a month late</a></li><li><a href=\"/news/2024/08/02/harbour-fund\">"
        "Harbour fund posts its first surplus in a decade</a></li></ul>\n"
        "<p>Share this page</p>\n</article>\n");
    lede_result *res = extract(html);
    expect_ferry_story(res);
    expect_text(res, "The board meets again in March.");
    expect_no_text(res, "More on this topic");
    expect_no_text(res, "Share this page");
    lede_result_free(res);
}

/* Pins lede.c PASS_HIDDEN and parse.c reveal_hidden: an app shell whose
 * story a script moves out of a hidden element (streamed server rendering)
 * or that only <noscript> carries has no visible prose; the last look
 * reads those, where lede answered nothing. */
static void test_story_only_in_hidden_or_noscript_is_read(void **state) {
    (void)state;
    static const char streamed[] =
        DOCTYPE HEAD("") "<body>\n<div id=\"root\">" SITE_HEADER "<main><article>" FERRY_H1
        "<div class=\"article-body\"><template id=\"B:0\"></template><div class=\"skeleton\">"
        "</div></div></article></main></div>\n"
        "<div hidden id=\"S:0\">" FERRY_P1 FERRY_P2 FERRY_P3 "</div>\n"
        "<script>swap(\"B:0\", \"S:0\")</script>\n</body>\n</html>\n";
    lede_result *res = extract(streamed);
    expect_text(res, "keep the winter ferry running");
    expect_text(res, "school by water taxi");
    lede_result_free(res);

    static const char noscript[] =
        DOCTYPE HEAD("") "<body>\n" SITE_HEADER "<div id=\"app\"></div>\n<noscript>"
        FERRY_H1 FERRY_P1 FERRY_P2 "</noscript>\n" SITE_FOOTER "</body>\n</html>\n";
    res = extract(noscript);
    expect_text(res, "keep the winter ferry running");
    expect_text(res, "Board chair Miriam Okafor");
    lede_result_free(res);

    /* a few visible words (a counter) are nothing shown either */
    static const char aria_hidden[] =
        DOCTYPE HEAD("") "<body>\n<div class=\"fps\">FPS: --</div>\n"
        "<main aria-hidden=\"true\"><article>" FERRY_H1 FERRY_P1 FERRY_P2
        "</article></main>\n</body>\n</html>\n";
    res = extract(aria_hidden);
    expect_text(res, "keep the winter ferry running");
    expect_no_text(res, "FPS");
    lede_result_free(res);
}

/* Pins tags.def (rt, rp skipped) and parse.c on_text() with nfc.h: ruby
 * readings stay out of the text they annotate, and text written with
 * combining accents comes out composed (NFC), in the body and the title. */
static void test_ruby_readings_dropped_and_text_composed(void **state) {
    (void)state;
    static const char html[] =
        DOCTYPE "<head><meta charset=\"utf-8\"><title>Cafe\xCC\x81 society keeps the winter "
        "ferry</title></head>\n<body>\n<main>"
        "<article>\n<h1>Cafe\xCC\x81 society keeps the winter ferry</h1>\n"
        "<p>The \xE6\xBC\xA2<rp>(</rp><rt>\xE3\x81\x8B\xE3\x82\x93</rt><rp>)</rp>\xE5\xAD\x97 "
        "sign at the quay cafe\xCC\x81 was repainted, and the ferry crossing to the islands "
        "will run all winter after the harbour board reversed its decision.</p>\n"
        FERRY_P2 FERRY_P3 "</article>\n</main></body></html>\n";
    lede_result *res = extract(html);
    expect_text(res, "The \xE6\xBC\xA2\xE5\xAD\x97 sign at the quay caf\xC3\xA9 was repainted");
    expect_no_text(res, "\xE3\x81\x8B\xE3\x82\x93");
    expect_field(res, lede_result_string(res, LEDE_FIELD_TITLE), "Caf\xC3\xA9 society", 1);
    lede_result_free(res);
}

/* Pins select.c join_lead(): the standfirst stands under the headline,
 * apart from the body's container; it is the story's first paragraph and
 * joins before the body. */
static void test_standfirst_before_the_body_joins(void **state) {
    (void)state;
    static const char html[] = PAGE(
        "",
        "<article>\n<div class=\"articleTop\"><div class=\"co\"><div class=\"co__container\">"
        FERRY_H1 "<div class=\"articleTop__abstract\">Islanders win a reprieve: the crossing "
        "will run every day this winter after all, at a cost the harbour fund says it can "
        "carry.</div><div class=\"meta\"><span>1 October 2024</span></div></div></div></div>\n"
        "<div class=\"articleTop__media\"><figure><img src=\"/img/tern.jpg\" alt=\"\">"
        "<figcaption>The Tern at the north quay.</figcaption></figure></div>\n"
        "<div class=\"articleMain\"><div class=\"co\"><div class=\"co__container\">"
        "<div class=\"rte\">" FERRY_P1 FERRY_P2 FERRY_P3 FERRY_P4 FERRY_P5
        "</div></div></div><div class=\"toolbar\"><a href=\"/print\">Print</a></div></div>\n"
        "<div class=\"more\"><ul><li><a href=\"/news/2024/09/12/ferry-fares\">Ferry fares to rise "
        "by four per cent in the new year</a></li><li><a href=\"/news/2024/08/30/tern-refit\">"
        "The Tern returns from her refit a month late</a></li></ul></div>\n</article>\n");
    lede_result *res = extract(html);
    expect_ferry_story(res);
    expect_text(res, "Islanders win a reprieve: the crossing will run every day this winter "
                     "after all, at a cost the harbour fund says it can carry.\n\nThe harbour "
                     "board voted");
    lede_result_free(res);
}

/* Pins trim.c remove_tail(): "Mehr zum Thema" near the end of the article,
 * with only short lines and links under it, opens the page's other stories
 * and its contact box; it and they go. A subheading with prose under it
 * ("Further information" and a paragraph) stays. */
static void test_tail_of_other_stories_goes(void **state) {
    (void)state;
    static const char html[] = PAGE(
        "",
        "<article>\n" FERRY_H1 FERRY_P1 FERRY_P2 FERRY_P3 FERRY_P4
        "<h3>Weitere Informationen</h3>" FERRY_P5
        "<h3>Mehr zum Thema</h3>\n<p><a href=\"/news/2024/09/12/ferry-fares\">Ferry fares to "
        "rise</a></p>\n<p>Press office: Harbour Board, Quay Street 4</p>\n"
        "<p>Phone 01234 567 890</p>\n</article>\n");
    lede_result *res = extract(html);
    expect_ferry_story(res);
    expect_text(res, "Weitere Informationen");
    expect_no_text(res, "Mehr zum Thema");
    expect_no_text(res, "Press office");
    expect_no_text(res, "01234 567 890");
    lede_result_free(res);
}

/* Pins trim.c tail_label_kind() with closing_labels: "About the author" near the end heads the
 * writer's biography, prose or not, and it goes with what follows; the same
 * words early in the story (a subheading) do not cut it. */
static void test_author_box_at_the_end_goes(void **state) {
    (void)state;
    static const char html[] = PAGE(
        "",
        "<article>\n" FERRY_H1 FERRY_P1 "<h3>About the author</h3>\n" FERRY_P2 FERRY_P3
        FERRY_P4 FERRY_P5 "<h3>About the author</h3>\n<p>Jo Penrose has covered the islands "
        "and their harbours for the Gazette since 2009, and before that reported on fisheries "
        "for the regional radio station in Port Alden for a decade and more.</p>\n"
        "</article>\n");
    lede_result *res = extract(html);
    expect_ferry_story(res);
    expect_no_text(res, "Jo Penrose has covered");
    lede_result_free(res);
}

/* Pins trim.c closing_labels' other-stories part: "Ähnliche Beiträge" near
 * the end heads other stories even when their teasers are long prose. */
static void test_similar_posts_with_prose_teasers_go(void **state) {
    (void)state;
    static const char html[] = PAGE(
        "",
        "<article>\n" FERRY_H1 FERRY_P1 FERRY_P2 FERRY_P3 FERRY_P4 FERRY_P5
        "<h3>Ähnliche Beiträge</h3>\n<p>The lighthouse keepers of the outer islands kept a "
        "log of every ship for a hundred years, and the museum at Port Alden has now put all "
        "of it online for anyone who wants to read it, page by page.</p>\n</article>\n");
    lede_result *res = extract(html);
    expect_ferry_story(res);
    expect_no_text(res, "Ähnliche Beiträge");
    expect_no_text(res, "lighthouse keepers");
    lede_result_free(res);
}

/* Pins vocab.c ("teaser" is a lead word) and clean.c removed_by_name() for
 * VOCAB_LEAD: a news CMS names the story's own lead "teaser-text"; it stays,
 * while a "teaser" that is a card of links still goes. */
static void test_teaser_text_lead_stays_teaser_card_goes(void **state) {
    (void)state;
    static const char html[] = PAGE(
        "",
        "<div class=\"news\"><div class=\"article\">" FERRY_H1
        "<div class=\"teaser-text\"><p>Islanders win a reprieve: the crossing will run every "
        "day this winter after all.</p></div>\n"
        "<div class=\"news-text-wrap\">" FERRY_P1 FERRY_P2 FERRY_P3 FERRY_P4 FERRY_P5 "</div>\n"
        "<div class=\"teaser\"><a href=\"/news/2024/09/12/ferry-fares\">Ferry fares to rise by "
        "four per cent in the new year</a></div>\n</div></div>\n");
    lede_result *res = extract(html);
    expect_ferry_story(res);
    expect_text(res, "Islanders win a reprieve");
    expect_no_text(res, "Ferry fares to rise");
    lede_result_free(res);
}

/* Pins clean.c is_line_numbers(): a highlighter's line numbers, inside the
 * <pre> (named or made unselectable) or in a gutter cell beside it, are
 * not code; the code stays. */
static void test_code_line_numbers_are_dropped(void **state) {
    (void)state;
    static const char html[] = PAGE(
        "",
        "<article>\n" FERRY_H1 FERRY_P1 FERRY_P2
        "<div class=\"highlight\"><pre><span class=\"lineno\">17</span>fares = load_fares()\n"
        "<span class=\"lineno\">18</span>print(fares.winter)</pre></div>\n"
        "<table class=\"highlighttable\"><tr><td class=\"linenos\"><pre>41\n42</pre></td>"
        "<td class=\"code\"><pre>route = &quot;outer-islands&quot;\ncheck(route)</pre></td>"
        "</tr></table>\n"
        "<pre><code><span style=\"display:flex\"><span style=\"-webkit-user-select:none; "
        "user-select: none\"> 7</span><span>sail(tern)</span></span></code></pre>\n"
        FERRY_P3 "</article>\n");
    lede_result *res = extract(html);
    expect_text(res, "sail(tern)");
    expect_no_text(res, "7sail");
    expect_text(res, "fares = load_fares()\nprint(fares.winter)");
    expect_no_text(res, "17fares");
    expect_text(res, "check(route)");
    expect_no_text(res, "41");
    lede_result_free(res);
}

/* Pins clean.c is_gutter_cell(): a gutter cell with no name, numbers alone
 * beside the code, goes too; a table of numbers with no code beside stays. */
static void test_unnamed_gutter_cell_is_dropped(void **state) {
    (void)state;
    static const char html[] = PAGE(
        "",
        "<article>\n" FERRY_H1 FERRY_P1 FERRY_P2
        "<table class=\"lntable\"><tr><td class=\"lntd\"><pre><code>"
        "<span>61\n</span><span>62\n</span></code></pre></td><td class=\"lntd\"><pre><code>"
        "depart(tern)\nreturn_by(noon)</code></pre></td></tr></table>\n"
        "<table><tr><td><code>2024</code></td><td><code>3100</code></td></tr></table>\n"
        FERRY_P3 "</article>\n");
    lede_result *res = extract(html);
    expect_text(res, "depart(tern)\nreturn_by(noon)");
    expect_no_text(res, "61");
    expect_text(res, "2024 | 3100");
    lede_result_free(res);
}

/* Pins trim.c prefix_labels in other languages: "Lesen Sie auch:" and
 * "À lire aussi :" opening a link to another story go like "Read more:". */
static void test_read_also_labels_in_other_languages_are_dropped(void **state) {
    (void)state;
    static const char html[] = PAGE(
        "",
        "<article>\n" FERRY_H1 FERRY_P1 FERRY_P2
        "<p>Lesen Sie auch: <a href=\"/news/2024/09/12/ferry-fares\">F\xC3\xA4hrpreise steigen im "
        "neuen Jahr um vier Prozent</a></p>\n" FERRY_P3
        "<p><strong>\xC3\x80 lire aussi :</strong> <a href=\"/news/2024/08/30/tern-refit\">Le Tern "
        "revient de carénage avec un mois de retard</a></p>\n" FERRY_P4 FERRY_P5 "</article>\n");
    lede_result *res = extract(html);
    expect_ferry_story(res);
    expect_no_text(res, "Lesen Sie auch");
    expect_no_text(res, "lire aussi");
    lede_result_free(res);
}

/* Pins clean.c holds_the_prose(): a site sets its whole article in an
 * <aside> (a "direct content" panel) before a long site index; chrome by
 * tag alone and less than half the page's text, it holds most of the
 * page's prose and stays. */
static void test_article_set_in_an_aside_is_kept(void **state) {
    (void)state;
    static const char html[] =
        DOCTYPE HEAD("") "<body>\n" SITE_HEADER
        "<main><aside class=\"panel direct-content\"><section itemscope "
        "itemtype=\"http://schema.org/Article\">" FERRY_H1 FERRY_P1 FERRY_P2 FERRY_P3 FERRY_P4
        FERRY_P5 "</section></aside></main>\n<div class=\"site-index\">\n"
        MEGA_MENU_COLUMN("News") MEGA_MENU_COLUMN("Harbour") MEGA_MENU_COLUMN("Islands")
        MEGA_MENU_COLUMN("Sport") MEGA_MENU_COLUMN("Business") MEGA_MENU_COLUMN("Opinion")
        MEGA_MENU_COLUMN("Culture") MEGA_MENU_COLUMN("Property") MEGA_MENU_COLUMN("Travel")
        "</div>\n" SITE_FOOTER "</body>\n</html>\n";
    lede_result *res = extract(html);
    expect_ferry_story(res);
    expect_no_text(res, "analysis from our reporters");
    lede_result_free(res);
}

/* Pins trim.c is_call_to_action(): prompts to subscribe, to log in and
 * comment, or to share, set as short paragraphs in the story, go. */
static void test_calls_to_action_are_dropped(void **state) {
    (void)state;
    static const char html[] = PAGE(
        "",
        "<article>\n" FERRY_H1 FERRY_P1 FERRY_P2
        "<p>Sign up for the Courier's free morning newsletter.</p>\n"
        "<p>Mara Quick started the Harbour Newsletter in 2019, and it now goes to most of "
        "the islands' households.</p>\n" FERRY_P3 FERRY_P4 FERRY_P5
        "<p>You must be logged in to post a comment.</p>\n"
        "<p>Like it? Share it!</p>\n"
        "<p>Immer informiert bleiben mit dem Hafen-Newsletter. Jetzt anmelden!</p>\n"

        "<p>For the latest stories download the Courier apps for iOS and Android.</p>\n"
        "<p>If you are already a subscriber, log in for immediate access.</p>\n</article>\n");
    lede_result *res = extract(html);
    expect_ferry_story(res);
    expect_no_text(res, "morning newsletter");
    expect_no_text(res, "logged in to post");
    expect_no_text(res, "Share it");
    expect_no_text(res, "Hafen-Newsletter");
    expect_text(res, "Mara Quick started the Harbour Newsletter in 2019");
    expect_no_text(res, "Courier apps");
    expect_no_text(res, "already a subscriber");
    lede_result_free(res);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_page_wrapper_with_boilerplate_name_is_kept),
        cmocka_unit_test(test_caption_gallery_list_is_dropped),
        cmocka_unit_test(test_figure_captions_are_dropped),
        cmocka_unit_test(test_figure_of_a_table_stays),
        cmocka_unit_test(test_recall_keeps_figure_captions),
        cmocka_unit_test(test_code_of_linked_names_stays),
        cmocka_unit_test(test_hover_box_inside_code_is_no_code),
        cmocka_unit_test(test_figures_show_in_markdown_and_html),
        cmocka_unit_test(test_code_toolbar_is_no_code),
        cmocka_unit_test(test_unlinked_numbered_notes_are_footnotes),
        cmocka_unit_test(test_numbered_cross_references_are_no_notes),
        cmocka_unit_test(test_code_ending_like_the_headline_stays),
        cmocka_unit_test(test_division_around_table_of_links_is_kept),
        cmocka_unit_test(test_quoted_tweet_is_kept),
        cmocka_unit_test(test_hover_card_is_dropped),
        cmocka_unit_test(test_hidden_subtree_does_not_break_sums),
        cmocka_unit_test(test_comments_go_to_their_own_field),
        cmocka_unit_test(test_comment_form_labels_are_not_comments),
        cmocka_unit_test(test_article_split_into_chunk_wrappers_is_joined),
        cmocka_unit_test(test_teaser_list_beside_article_is_not_joined),
        cmocka_unit_test(test_sibling_article_is_another_story),
        cmocka_unit_test(test_listing_page_has_no_article),
        cmocka_unit_test(test_listing_page_of_plain_cards_has_no_article),
        cmocka_unit_test(test_confidence_is_higher_for_clear_article),
        cmocka_unit_test(test_link_only_paragraph_is_dropped),
        cmocka_unit_test(test_unmarked_caption_repeating_alt_is_dropped),
        cmocka_unit_test(test_credit_line_is_dropped),
        cmocka_unit_test(test_publication_note_is_dropped),
        cmocka_unit_test(test_related_label_with_link_is_dropped),
        cmocka_unit_test(test_byline_phrase_line_is_dropped),
        cmocka_unit_test(test_kicker_equal_to_section_is_dropped),
        cmocka_unit_test(test_headline_list_with_commas_is_dropped),
        cmocka_unit_test(test_teaser_copy_with_ellipsis_is_dropped),
        cmocka_unit_test(test_audio_player_label_is_dropped),
        cmocka_unit_test(test_headline_copy_with_publisher_prefix_is_dropped),
        cmocka_unit_test(test_byline_is_dropped),
        cmocka_unit_test(test_section_named_by_heading_slug_is_kept),
        cmocka_unit_test(test_short_opening_chunk_is_joined),
        cmocka_unit_test(test_sidebar_live_feed_longer_than_story_goes),
        cmocka_unit_test(test_named_words_inside_a_sentence_stay),
        cmocka_unit_test(test_protected_content_keeps_its_names),
        cmocka_unit_test(test_baseline_answers_when_names_remove_the_prose),
        cmocka_unit_test(test_baseline_reads_a_data_table_whole),
        cmocka_unit_test(test_trailing_orphan_labels_are_dropped),
        cmocka_unit_test(test_story_only_in_hidden_or_noscript_is_read),
        cmocka_unit_test(test_ruby_readings_dropped_and_text_composed),
        cmocka_unit_test(test_standfirst_before_the_body_joins),
        cmocka_unit_test(test_tail_of_other_stories_goes),
        cmocka_unit_test(test_author_box_at_the_end_goes),
        cmocka_unit_test(test_similar_posts_with_prose_teasers_go),
        cmocka_unit_test(test_teaser_text_lead_stays_teaser_card_goes),
        cmocka_unit_test(test_code_line_numbers_are_dropped),
        cmocka_unit_test(test_unnamed_gutter_cell_is_dropped),
        cmocka_unit_test(test_read_also_labels_in_other_languages_are_dropped),
        cmocka_unit_test(test_article_set_in_an_aside_is_kept),
        cmocka_unit_test(test_calls_to_action_are_dropped),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
