/*
 * test_parse.c — the tree parse.c builds from libxml2's events.
 *
 * Pins close_like_a_browser(): an end tag of an HTML5 block element
 * ("</nav>", "</header>", "</pre>") closes the <div>s still open inside it, as
 * browsers do, where libxml2 alone would ignore it and leave the rest of
 * the page inside the <nav>. The tests check where an element landed by
 * the chain of its ancestors' tags.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "parse.h"

/* The first element with id ID in DOC. */
static node *by_id(document *doc, const char *id) {
    for (node *n = doc->root; n; n = tree_next(doc->root, n, false))
        if (n->id && strcmp(n->id, id) == 0)
            return n;
    return NULL;
}

/* "body>main>p": the tags from N's outermost ancestor below the root to N. */
static void expect_path(document *doc, const char *id, const char *want) {
    node *n = by_id(doc, id);
    if (!n)
        fail_msg("no element with id %s", id);
    const node *chain[64];
    size_t depth = 0;
    for (const node *a = n; a && a != doc->root && depth < 64; a = a->parent)
        chain[depth++] = a;
    char path[512] = "";
    while (depth--) {
        strcat(path, tag_name((enum tag)chain[depth]->tag));
        if (depth)
            strcat(path, ">");
    }
    if (strcmp(path, want) != 0)
        fail_msg("#%s at %s, want %s", id, path, want);
}

static void parse(const char *html, document *doc) {
    memset(doc, 0, sizeof *doc);
    assert_int_equal(parse_html(html, strlen(html), 0, doc), LEDE_OK);
}

/* Characters and commas of TEXT as parse.c's count_chars() defines them,
 * the slow and obvious way: a code point a character, a whitespace run one,
 * and the whitespace before the text taken as a run's start. */
static void naive_count(const char *text, uint32_t *chars, uint32_t *commas) {
    bool prev_space = true;
    *chars = *commas = 0;
    for (const unsigned char *c = (const unsigned char *)text; *c; c++) {
        if ((*c & 0xC0) == 0x80)
            continue;
        bool space = strchr(" \n\t\r\f", *c) != NULL;
        *chars += !(space && prev_space);
        prev_space = space;
        *commas += *c == ',' || strncmp((const char *)c, "\xEF\xBC\x8C", 3) == 0 ||
                   strncmp((const char *)c, "\xE3\x80\x81", 3) == 0;
    }
}

/* Pins count_chars(), which takes text eight bytes at a time: on texts of
 * every length from a few bytes that matter (spaces, doubled spaces at any
 * offset, commas, tabs, letters of two, three and four bytes, the CJK
 * commas), its counts equal the byte-at-a-time ones. */
static void test_text_chars_match_the_obvious_count(void **state) {
    (void)state;
    static const char *const pieces[] = {
        "a", "b", " ", "  ", ",", "\t", "\xC3\xA9", "xyz",
        "\xD0\xB4",         /* Cyrillic */
        "\xE4\xB8\xAD",     /* CJK */
        "\xE3\x81\x82",     /* hiragana, led by 0xE3 as the ideographic comma */
        "\xE3\x80\x81",     /* ideographic comma */
        "\xEF\xBC\x8C",     /* fullwidth comma */
        "\xF0\x9F\x93\xB0", /* four bytes */
    };
    uint32_t seed = 12345;
    for (int round = 0; round < 600; round++) {
        char text[300] = "", html[400];
        size_t n = (size_t)(round % 60);
        for (size_t k = 0; k < n; k++) {
            seed = seed * 1103515245u + 12345u;
            strcat(text, pieces[(seed >> 16) % (sizeof pieces / sizeof pieces[0])]);
        }
        snprintf(html, sizeof html, "<html><body><p id=t>x%s</p></body></html>", text);
        document doc;
        parse(html, &doc);
        uint32_t chars, commas;
        char counted[310];
        snprintf(counted, sizeof counted, "x%s", text);
        naive_count(counted, &chars, &commas);
        const node *p = by_id(&doc, "t");
        assert_non_null(p);
        if (p->text_chars != chars || p->commas != commas)
            fail_msg("\"x%s\": %u chars, %u commas; want %u, %u", text, p->text_chars,
                     p->commas, chars, commas);
        document_free(&doc);
    }
}

/* "</nav>" and "</header>" close the unclosed <div>s of a menu; the article
 * after them is the body's, not the menu's. */
static void test_block_end_tag_closes_open_divs(void **state) {
    (void)state;
    static const char html[] =
        "<html><body><header><nav class=\"navbar\"><div class=\"container\">"
        "<a href=\"/\">Home</a><div class=\"search\"><form><input name=q></form>"
        "</nav></header>\n<main id=\"main\"><article><p id=\"first\">The harbour board voted "
        "on Tuesday.</p></article></main><footer id=\"foot\">About</footer></body></html>";
    document doc;
    parse(html, &doc);
    expect_path(&doc, "main", "html>body>main");
    expect_path(&doc, "first", "html>body>main>article>p");
    expect_path(&doc, "foot", "html>body>footer");
    document_free(&doc);
}

/* libxml2 later closes the <div>s it kept open; those end tags must not
 * close the elements opened since. */
static void test_stray_end_tags_after_the_repair_close_nothing_real(void **state) {
    (void)state;
    static const char html[] =
        "<html><body><nav><div>Menu</nav><section id=\"story\"><div id=\"inner\">"
        "<p id=\"p1\">One.</p></div><p id=\"p2\">Two.</p></section></div>"
        "<p id=\"after\">After.</p></body></html>";
    document doc;
    parse(html, &doc);
    expect_path(&doc, "story", "html>body>section");
    expect_path(&doc, "p1", "html>body>section>div>p");
    expect_path(&doc, "p2", "html>body>section>p");
    expect_path(&doc, "after", "html>body>p");
    document_free(&doc);
}

/* "</pre>" closes what is left open inside it, as it does in a browser:
 * the paragraph after a code block whose editor markup is short of a
 * "</div>" is not code. */
static void test_pre_end_tag_closes_open_divs(void **state) {
    (void)state;
    static const char html[] =
        "<html><body><pre><div class=\"editor\"><div id=\"code\">x = 1</pre>"
        "<p id=\"after\">After.</p></body></html>";
    document doc;
    parse(html, &doc);
    expect_path(&doc, "code", "html>body>pre>div>div");
    expect_path(&doc, "after", "html>body>p");
    document_free(&doc);
}

/* HTML5 does not reach across an open table: "</section>" inside a cell
 * leaves the cell, and the text after it, where they are. */
static void test_end_tag_does_not_reach_across_a_table(void **state) {
    (void)state;
    static const char html[] =
        "<html><body><section><table><tr><td><div id=\"cell\">Cell</section>"
        "<p id=\"late\">Still in the cell.</p></td></tr></table></section></body></html>";
    document doc;
    parse(html, &doc);
    expect_path(&doc, "cell", "html>body>section>table>tr>td>div");
    expect_path(&doc, "late", "html>body>section>table>tr>td>div>p");
    document_free(&doc);
}

/* Pins parse.c style_hides(): display:none and visibility:hidden hide, a
 * custom property whose name ends in "display" does not. */
static void test_style_hides_by_declaration(void **state) {
    (void)state;
    static const char html[] =
        "<html><body><div id=\"custom\" style=\"--footer-display: none; color: red\">A</div>"
        "<div id=\"none\" style=\"color: red; DISPLAY : none !important\">B</div>"
        "<div id=\"vis\" style=\"visibility:hidden\">C</div>"
        "<div id=\"block\" style=\"display: block; --x: none\">D</div></body></html>";
    document doc;
    parse(html, &doc);
    assert_false(by_id(&doc, "custom")->flags & NODE_HIDDEN);
    assert_true(by_id(&doc, "none")->flags & NODE_HIDDEN);
    assert_true(by_id(&doc, "vis")->flags & NODE_HIDDEN);
    assert_false(by_id(&doc, "block")->flags & NODE_HIDDEN);
    document_free(&doc);
}

/* Pins parse.c folds(): the body of a block that folds, hidden by style
 * until the reader opens it, is content, as a closed <details>'s is; the
 * hidden attribute still hides, and so does display:none elsewhere. */
static void test_folded_body_is_not_hidden(void **state) {
    (void)state;
    static const char html[] =
        "<html><body><div class=\"callout is-collapsible is-collapsed\"><div>Tip</div>"
        "<div id=\"folded\" style=\"display: none\">Body.</div>"
        "<div id=\"gone\" hidden>Never.</div></div>"
        "<div class=\"callout\"><div id=\"shut\" style=\"display: none\">Off.</div></div>"
        "</body></html>";
    document doc;
    parse(html, &doc);
    assert_false(by_id(&doc, "folded")->flags & NODE_HIDDEN);
    assert_true(by_id(&doc, "gone")->flags & NODE_HIDDEN);
    assert_true(by_id(&doc, "shut")->flags & NODE_HIDDEN);
    document_free(&doc);
}

/* Pins NODE_ELLIPSIS: an element whose text ends in "…", "..." or "[…]",
 * with any whitespace after it, in its own run or in runs of its own
 * (the end of the text before the whitespace is kept as the text grows);
 * not one whose text only has an ellipsis before its end, nor one with
 * no text of its own after the ellipsis of an earlier element. */
static void test_ellipsis_is_seen_past_trailing_whitespace(void **state) {
    (void)state;
    static const char html[] =
        "<html><body><div id=teaser><p id=a>Read the full story...</p>\n\n      </div>"
        "<p id=b>Cut off mid \xE2\x80\xA6<b> </b>\n   <i>\n</i> </p>"
        "<p id=c>Gone [\xE2\x80\xA6]\t</p><p id=d>Wait... then the whole sentence.</p>"
        "<p id=e></p></body></html>";
    document doc;
    parse(html, &doc);
    assert_true(by_id(&doc, "a")->flags & NODE_ELLIPSIS);
    assert_true(by_id(&doc, "teaser")->flags & NODE_ELLIPSIS);
    assert_true(by_id(&doc, "b")->flags & NODE_ELLIPSIS);
    assert_true(by_id(&doc, "c")->flags & NODE_ELLIPSIS);
    assert_false(by_id(&doc, "d")->flags & NODE_ELLIPSIS);
    assert_false(by_id(&doc, "e")->flags & NODE_ELLIPSIS);
    document_free(&doc);
}

/* ---- scripts and styles cut out before the parse --------------------------- */

/* That the trees A and B are the same (tree_difference()); with PAST_SVG,
 * but for what is below an <svg> left empty in A. */
static void expect_trees(const document *a, const document *b, const char *page, bool past_svg) {
    uint32_t at = tree_difference(a, b, past_svg);
    if (at == TREE_DIFFERS_AS_DOCUMENT)
        fail_msg("%s: %u nodes, truncated %#x, title \"%s\"; uncut %u, %#x, \"%s\"", page,
                 a->node_count, a->truncated, a->title_text ? a->title_text : "", b->node_count,
                 b->truncated, b->title_text ? b->title_text : "");
    if (at != TREE_SAME)
        fail_msg("%s: node %u differs from the uncut parse's", page, at);
}

static void expect_same_tree(const document *a, const document *b, const char *page) {
    expect_trees(a, b, page, false);
}

#define LONG_CODE "var settings = {theme: 'dark', items: [1, 2, 3], url: 'https://example.org/a'};"
#define SVG_PATH "M12 2L2 7l10 5 10-5-10-5zM2 17l10 5 10-5M2 12l10 5 10-5 1.5-3.25 0.75-1.5z"

/* Pages where the bodies of scripts and styles are cut, and pages where a
 * cut would change what libxml2 reads: a "<script>" libxml2 does not see as
 * a tag (in a processing instruction, a textarea, an attribute, a comment
 * closed the short ways, a self-closed tag), a body that is kept (JSON-LD, a script in
 * a <title>), a body libxml2 reads as markup or reports on. Each parses to
 * the same tree as with the bodies handed to libxml2. */
static void test_cut_raw_text_same_tree(void **state) {
    (void)state;
    static const char *const pages[] = {
        "<html><head><title>Harbour</title><script>" LONG_CODE " if (a </b) x = '</div>';"
        "</script><style>p { color: red; } " LONG_CODE "</style></head><body><p id=a>The "
        "harbour board voted, again.</p><SCRIPT async>" LONG_CODE "</SCRIPT ></body></html>",
        "<body><p>Before</p><?php echo '<script>'; ?> Text the PI leaves " LONG_CODE
        "</script><p>After</p></body>",
        "<html><head><title>Hi <script>" LONG_CODE "</script> there</title></head>"
        "<body><p>x</p></body></html>",
        "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": \"" LONG_CODE
        "\"}</script><script type=\"application/ld&#43;json\">{\"name\": \"" LONG_CODE "\"}</script>",
        "<body><script><p>A paragraph " LONG_CODE "</p></script><p>after</p></body>",
        "<body><!--> <script>" LONG_CODE "</script><p>a</p><!-- a --!> <script>x = '-->';"
        "</script><script>" LONG_CODE "</script><p>b</p></body>",
        "<body><script src=a/>" LONG_CODE "<p>para</p></script><script/>" LONG_CODE
        "<p>more</p></script></body>",
        "<body><script>\x01 " LONG_CODE "</script><script>\xEF\xBF\xBE " LONG_CODE
        "</script><p>x</p></body>",
        "<body><textarea><script>" LONG_CODE "</script></textarea><p>x</p></body>",
        "<body><style media=\"a>b\">" LONG_CODE "</style><script data-x='</script>'>" LONG_CODE
        "</script><p>x</p></body>",
        "<body><p>open <script>" LONG_CODE " never closed",
        "<body><div data-html=\"<script>" LONG_CODE "</script>\"><p>x</p></div></body>",
        /* <svg> bodies that are kept: an HTML element, another <svg>, a
         * comment, a stray end tag, a longer name, the <title>, none */
        "<body><p>x <svg><a href=\"/x\"><path d=\"" SVG_PATH "\"/></a></svg> y</p></body>",
        "<body><p>x <svg><svg><path d=\"M1 1\"/></svg><g><path d=\"" SVG_PATH "\"/></g></svg>"
        " y</p></body>",
        "<body><p>x <svg><!-- </svg> --><path d=\"" SVG_PATH "\"/></svg> y</p></body>",
        "<body><p>x <svg><path d=\"" SVG_PATH "\"></path></p></svg> y</p><p>z</p></body>",
        "<body><p>x <svg><path d=\"" SVG_PATH "\"></path></svgs></svg> y</p></body>",
        "<html><head><title>A <svg><path d=\"" SVG_PATH "\"/></svg> B</title></head></html>",
        "<body><p>x <svg/><path d=\"" SVG_PATH "\"/></svg> y</p></body>",
        "<body><p>x <svg><path d=\"" SVG_PATH "\"> never closed</p></body>",
        "<body><p>x <svg><foreignObject><div>Text " SVG_PATH "</div></foreignObject></svg>"
        "</p></body>",
        "<body><p>x <svg><g><script>" LONG_CODE "</script></g></svg> y</p></body>",
    };
    for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
        for (int reveal = 0; reveal < 2; reveal++) {
            parse_limits cut = {.reveal_hidden = reveal}, uncut = cut;
            uncut.keep_raw_text = true;
            document a = {0}, b = {0};
            assert_int_equal(parse_html_limited(pages[i], strlen(pages[i]), &cut, &a), LEDE_OK);
            assert_int_equal(parse_html_limited(pages[i], strlen(pages[i]), &uncut, &b), LEDE_OK);
            char name[32];
            snprintf(name, sizeof name, "page %zu%s", i, reveal ? " revealed" : "");
            expect_same_tree(&a, &b, name);
            document_free(&a);
            document_free(&b);
        }
    }
}

/* The bodies most pages carry, <script type="text/javascript"> and <style
 * type="text/css">, are cut: their types hold "tex" but are not MathJax's
 * "math/tex", whose body is kept (and so is JSON-LD). */
static void test_cut_raw_text_skips_typed_scripts_and_styles(void **state) {
    (void)state;
    static const char page[] =
        "<html><head><script type=\"text/javascript\">" LONG_CODE "</script>"
        "<style type=\"text/css\">" LONG_CODE "</style></head><body><p>Text.</p></body></html>";
    static const char tex[] = "<html><body><p>The sum is <script type=\"math/tex\">\\sum_{i=1}^{n} "
                              "i = \\frac{n(n+1)}{2} " LONG_CODE "</script>.</p></body></html>";
    document a = {0}, b = {0};
    assert_int_equal(parse_html_limited(page, strlen(page), NULL, &a), LEDE_OK);
    assert_true(a.raw_text_cut >= 2 * (strlen(LONG_CODE) - 2));
    assert_int_equal(parse_html_limited(tex, strlen(tex), NULL, &b), LEDE_OK);
    assert_int_equal(b.raw_text_cut, 0);
    document_free(&a);
    document_free(&b);
}

/* An icon's <svg> body of SVG elements alone (a <title> among them) is left
 * out: the tree is the uncut one but for the nodes below the <svg>. */
static void test_cut_raw_text_skips_inert_svg_bodies(void **state) {
    (void)state;
    static const char *const pages[] = {
        "<body><p id=a>Share <svg viewBox=\"0 0 24 24\" class=\"icon\"><title>Share</title>"
        "<g fill=\"none\" stroke=\"currentColor\"><path d=\"" SVG_PATH "\"></path>"
        "<circle cx=\"12\" cy=\"12\" r=\"3\"/></g></svg> this story</p><p>After.</p></body>",
        "<body><div><SVG width=24><Path D='" SVG_PATH "'/><use href=\"#i\"/></SVG >"
        "<a href=\"/x\">Next</a></div></body>",
    };
    for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
        parse_limits cut = {0}, uncut = {.keep_raw_text = true};
        document a = {0}, b = {0};
        assert_int_equal(parse_html_limited(pages[i], strlen(pages[i]), &cut, &a), LEDE_OK);
        assert_int_equal(parse_html_limited(pages[i], strlen(pages[i]), &uncut, &b), LEDE_OK);
        assert_true(a.raw_text_cut > strlen(SVG_PATH));
        char name[32];
        snprintf(name, sizeof name, "svg page %zu", i);
        expect_trees(&a, &b, name, true);
        document_free(&a);
        document_free(&b);
    }
}

/* Parse HTML (LEN bytes) with LIMITS, once as usual and once with the
 * markup handed to libxml2 whole, and expect the same tree (but for the
 * bodies of inert <svg>s); the usual parse's document is left in *CUT. */
static void expect_as_whole(const char *html, size_t len, parse_limits limits, const char *page,
                            document *cut) {
    parse_limits whole = limits;
    whole.keep_raw_text = true;
    document b = {0};
    assert_int_equal(parse_html_limited(html, len, &limits, cut), LEDE_OK);
    assert_int_equal(parse_html_limited(html, len, &whole, &b), LEDE_OK);
    assert_int_equal(b.attrs_cut, 0);
    expect_trees(cut, &b, page, true);
    document_free(&b);
}

#define LONG_URL "https://example.org/news/2026/12/02/harbour-board-votes-again.html"

/* Start tags whose attributes lede takes out of the markup and reads
 * itself, some beside ones left to libxml2 (a value with a reference), and
 * tags that libxml2 reads otherwise than the scan (names it cannot read,
 * a '/' or a form feed between attributes, repeated names in any case,
 * tags it drops or reads for a charset, places where it sees no tag, a
 * NUL). Each page parses to the tree libxml2 alone makes; where a page is
 * marked FAST, lede took attributes (ORDINARY's at least) or text and did
 * not have to parse it again whole. */
#define ORDINARY "<p class=\"ordinary-class\">o</p>"
static void test_taken_attrs_same_tree(void **state) {
    (void)state;
    static const struct {
        const char *html;
        bool fast;
    } pages[] = {
        {"<div class=\"story-body article-content\" id=\"main\" data-track='{\"a\": [1, 2]}'>"
         "<a href=\"" LONG_URL "\" title=\"Read the whole story\">Read</a>"
         "<img src=" LONG_URL " alt=\"The harbour at dawn, caf\xC3\xA9\"/></div>",
         true},
        {"<p class=\"first-class\" class=\"second-class\" data-x=\"\" data-x=\"later value\">x</p>"
         ORDINARY, true},
        {"<p title=\"Title one\" title=\"Title two\" lang=\"en-GB\">y</p>" ORDINARY, true},
        {"<p title=\"Title\" TITLE=\"Upper title\">z</p>", false},
        {"<P CLASS=\"Upper-Case\" Data-Track=\"Value\">u</P>"
         "<input disabled class=\"field\" value=\"a &lt; b\" checked>", true},
        {"<a title=\"a&amp;b\" href=\"" LONG_URL "\" rel=\"a&#38;b\">l</a>", true},
        /* references libxml2 replaces quietly, and ones it reads otherwise */
        {"<a title=\"&lt;b&gt; &quot;q&quot; &apos;&nbsp;caf&eacute; &#39;&#x2019;&#X1F600;\" "
         "href=\"/x?a=1&amp;b=2\" data-n=\"&#0000065;&#x0d;&#9;&hellip;\">r</a>", true},
        {"<p title=\"&amp\" class=\"a&ampb;\" data-a=\"&AMP;\" data-b=\"&foo;\">u</p>"
         "<p data-c=\"&#;\" data-d=\"&#x;\" data-e=\"&#0;\" data-f=\"&#xD800;\">v</p>"
         "<p data-g=\"&#1114112;\" data-h=\"&#99999999999;\" data-i=\"&#12a;\" "
         "data-j=\"&#xFFFE;\" data-k=\"& x\" data-l=\"&;\">w</p>" ORDINARY, true},
        {"<p title=a&amp;b&lt;c data-x=&#34;q>x</p><p title=&amp>y</p>", true},
        /* a tag inside a processing instruction or a DOCTYPE's bogus
         * content at the top, after which libxml2 skips blanks */
        {"<?S<m>\neS\n<", false},
        {"<!doctype h<meta name=\"viewport\" content=\"width=device-width\">\neS\">\n"
         "<title>zette</title>\nJ<meta name=\"robots\" content=\"index\">", false},
        {"<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" "
         "\"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\">\n<?xml-stylesheet href=\"a\"?>"
         "\n<html><body>" ORDINARY "</body></html>", true},
        {"<div @click=\"open = true\" :class=\"{ active: isOpen }\" class=\"menu-panel\">m</div>"
         ORDINARY, true},
        {"<a/href=\"" LONG_URL " x\" class=\"link-style\">l</a>" ORDINARY, true},
        {"<p class=\"aaaa\"\fdata-y=\"bbbb\">f</p>" ORDINARY, true},
        {"<p class=cccc\fdata-z=\"dddd\">g</p>" ORDINARY, true},
        {"<p class=\"eeee\" / data-w=\"ffff\">h</p><br class=\"gggg\" />" ORDINARY, true},
        {"<p data-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
         "aaaaaaaaaaaaaaaaaaaa=\"long name value\" class=\"after-long-name\">n</p>" ORDINARY,
         true},
        {"<p title=\"&#127;\" title=\"second value\">r</p>" ORDINARY, true},
        {"<p title=\"&#x7f;\" class=\"some-class\">s</p>" ORDINARY, true},
        {"<p title=\"a&amp;b and more\" class=\"next-class\">t</p>", true},
        {"<p class=\"a\x7f" "b\" title=\"plain title here\">d</p>" ORDINARY, true},
        {"<p class=\"\x7f\">e</p>" ORDINARY, true},
        {"<p title=\"\x7f\" title=\"later title\">e</p>" ORDINARY, true},
        {"<html lang=\"en-GB\" class=\"no-js page\"><head class=\"head-class\"><title>T</title>"
         "</head><body class=\"first-body\"><body class=\"second-body\">" ORDINARY "</body></html>",
         true},
        {"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">"
         "<meta charset=\"windows-1252\"></head><body>" ORDINARY "<p>caf\xC3\xA9</p></body></html>",
         true},
        {"<body></a title=\"<p class='in an end tag'>\">" ORDINARY "</body>", true},
        {"<body><?pi <p class=\"in a pi\"> ?>" ORDINARY "</body>", true},
        {"<body><textarea><p class=\"in a textarea\"></textarea><title><b class=\"in the title\">"
         "t</b></title>" ORDINARY "</body>", true},
        {"<body><!-- a --!><p class=\"after a comment\">c</p>" ORDINARY "</body>", false},
        /* libxml2 ends <me at "</b>", the scan at "hota>"; libxml2's <saide>
         * then reads the <meta> as its values, and ends at its '>' */
        {"<body><me{ \"t=\"x </b> <saide class=\"hota>\n<meta property=\"article:tag\" "
         "content=\"Town Council\"></body>", false},
        {"<body><!-- a <p class='in a comment'> -->" ORDINARY "</body>", true},
        {"<p class=\"noncharacter \xEF\xBF\xBE here\" title=\"\xF0\x9F\x98\x80 smile\">u</p>"
         "<p class=\"bad \xC3 byte\">v</p><p class=\"tab\there\">w</p>"
         "<p title=\"caf\xC3\xA9 au lait\">x</p>", true},
        {"<script src=\"" LONG_URL "\" type=\"text/javascript\">" LONG_CODE "</script>"
         "<svg class=\"icon icon-share\" viewBox=\"0 0 24 24\"><path d=\"" SVG_PATH "\"/></svg>",
         true},
        {ORDINARY "<p class=\"never closed><p>x</p>", true},
        /* text runs: line ends of both kinds, after end tags and empty
         * elements, where libxml2 implies a <p>, a '<' that opens no tag */
        {"<html><head>\n      <title>The title</title>\n</head>\n<body><p>Text here.</p></body></html>",
         true},
        {"<html>Text before the head<head><title>The title</title></head><body>\r\n"
         "<p>First line,\r\nsecond line.<br/>After the break</p>\n<p><b>Bold</b> after bold "
         "</p>a &lt; b and a < b, 3<4 too</body></html>", true},
        {"<p class=\"story\">a <p class=\"unquoted\" data-v=abc&amp;def>b", true},
    };
    for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
        for (int reveal = 0; reveal < 2; reveal++) {
            char name[32];
            snprintf(name, sizeof name, "page %zu%s", i, reveal ? " revealed" : "");
            document a = {0};
            expect_as_whole(pages[i].html, strlen(pages[i].html),
                            (parse_limits){.reveal_hidden = reveal}, name, &a);
            if ((a.attrs_cut + a.text_cut > 0) != pages[i].fast)
                fail_msg("%s: %zu bytes of attributes and %zu of text taken", name,
                         a.attrs_cut, a.text_cut);
            document_free(&a);
        }
    }
    /* with the bounds on attributes, and with a NUL, which ends a value to
     * libxml2 */
    const char *page = pages[0].html;
    document a = {0};
    expect_as_whole(page, strlen(page), (parse_limits){.max_attr_len = 8}, "short", &a);
    assert_true(a.truncated & LEDE_TRUNCATED_ATTRS);
    document_free(&a);
    expect_as_whole(page, strlen(page), (parse_limits){.max_attrs = 1}, "few", &a);
    document_free(&a);
    /* a script flattened beyond max_depth inside a <title> never closed:
     * its text is the title's, so its body is not left out */
    static const char deep[] = "<html><head><title>Open title<div><div><div><script>" LONG_CODE
                               "</script></div></div></div></head></html>";
    expect_as_whole(deep, strlen(deep), (parse_limits){.max_depth = 4}, "deep title", &a);
    document_free(&a);
    static const char nul[] = "<p class=\"before\0after\" title=\"a title\">x</p>" ORDINARY;
    expect_as_whole(nul, sizeof nul - 1, (parse_limits){0}, "nul", &a);
    document_free(&a);
}

/* Comments whose bodies go, and comments libxml2 reads otherwise than
 * the scan or reports on: each page parses to the tree libxml2 alone
 * makes; CUT says whether a body went. */
static void test_comments_cut(void **state) {
    (void)state;
    static const struct {
        const char *html;
        bool cut;
    } pages[] = {
        {"<!DOCTYPE html>\n<!-- a comment at the top of the page -->\n  <html><head>"
         "<title>T<!-- a comment inside the title here --></title></head><body><p>a"
         "<!-- [if IE]><p class=\"old\">old browsers</p><![endif] -->b</p></body></html>", true},
        {"<p>a<!-- closed the short way, long enough --!> still text -->b</p>", false},
        {"<p>a<!-- a control \x01 byte in a long comment -->b</p>", false},
        {"<p>a<!-- a noncharacter \xEF\xBF\xBE in a long comment -->b</p>", false},
        {"<p title=\"<!-- not a comment: inside a value -->\">x</p>", false},
        {"<script>var a = '<!-- not a comment: inside a script body -->';</script><p>x</p>",
         false},
        {"<p>x<!--> <p class=a>text after the short form --> y</p>", true},
        {"<p>x<!---> <p>text after the other short form here --> y</p>", true},
        {"<p>x<!-- never closed, and long enough to be cut", false},
        {"<?pi <!-- in an instruction, long enough --> ?><p>x</p>", false},
        {"<p>x<!---->y<!-- - -- --- a body of dashes --- -->z</p>", true},
    };
    for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
        char name[32];
        snprintf(name, sizeof name, "comments %zu", i);
        document a = {0};
        expect_as_whole(pages[i].html, strlen(pages[i].html), (parse_limits){0}, name, &a);
        if ((a.comments_cut > 0) != pages[i].cut)
            fail_msg("%s: %zu bytes of comments cut", name, a.comments_cut);
        document_free(&a);
    }
}

/* libxml2 hands a long text over in pieces of 1000 bytes, and lede makes
 * each piece NFC on its own: a run lede reads itself goes in the same
 * pieces, here with the combining accent of an 'e' at the start of the
 * second. */
static void test_taken_text_goes_in_libxml2s_pieces(void **state) {
    (void)state;
    enum { PIECE = 1000 };
    char page[PIECE + 64];
    int n = snprintf(page, sizeof page, "<p>");
    memset(page + n, 'a', PIECE - 1);
    n += PIECE - 1;
    n += snprintf(page + n, sizeof page - (size_t)n, "e\xCC\x81 and more</p>");
    document a = {0};
    expect_as_whole(page, (size_t)n, (parse_limits){0}, "pieces", &a);
    assert_true(a.text_cut >= PIECE);
    document_free(&a);
}

/* On an ordinary page the attributes and the text are taken: most of its
 * bytes never pass through libxml2 a character at a time. */
static void test_taken_attrs_are_taken(void **state) {
    (void)state;
    static const char page[] =
        "<html><head>\n    <title>T</title></head><body><div class=\"story-body article-content\">"
        "\n      <a href=\"" LONG_URL "\" title=\"Read the whole story\">Read</a></div></body></html>";
    document a = {0};
    expect_as_whole(page, strlen(page), (parse_limits){0}, "ordinary", &a);
    /* each attribute whole, with the spaces before the next */
    size_t attrs = strlen("class=\"story-body article-content\"") +
                   strlen("href=\"" LONG_URL "\" ") + strlen("title=\"Read the whole story\"");
    assert_int_equal(a.attrs_cut, attrs);
    /* and the blank run in the <body>, not the one in the <head> */
    assert_int_equal(a.text_cut, strlen("Read") - 1 + strlen("\n      ") - 1);
    document_free(&a);
    /* a JSON-LD body, which stays, goes as raw text; one with a "</" not */
#define JSONLD "{\"@type\": \"NewsArticle\", \"headline\": \"Harbour board votes again\"}"
    static const char jsonld[] = "<html><head><script type=\"application/ld+json\">" JSONLD
                                 "</script><script type=\"application/ld+json\">{\"a\": \"<\\/p></p>\"}"
                                 "</script></head></html>";
    expect_as_whole(jsonld, strlen(jsonld), (parse_limits){0}, "json-ld", &a);
    assert_int_equal(a.text_cut, strlen(JSONLD) - 1);
    document_free(&a);
}

/* libxml2 reports each "</" inside a script that does not end it, and each
 * report is a repair charged against LEDE_MAX_REPAIR_WORK at the depth of
 * the stack: a cut body must cost the same. Here the reports inside one
 * script, under 20,000 open elements, pass the bound, and the paragraph
 * after the script is never read, cut or uncut. */
static void test_cut_raw_text_keeps_repair_count(void **state) {
    (void)state;
    enum { DEPTH = 20000, STRAY_END_TAGS = 20000 };
    static const char head[] = "<html><body><p>The council met.</p>";
    static const char late[] = "</script><p id=late>Read after the script.</p></body></html>";
    static const char stray[] = "var a = 1; </";
    size_t len = strlen(head) + 5 * DEPTH + strlen("<script>") + strlen(stray) * STRAY_END_TAGS +
                 strlen(late);
    char *html = malloc(len + 1);
    assert_non_null(html);
    char *p = html;
    p += sprintf(p, "%s", head);
    for (int i = 0; i < DEPTH; i++)
        p += sprintf(p, "<div>");
    p += sprintf(p, "<script>");
    for (int i = 0; i < STRAY_END_TAGS; i++)
        p += sprintf(p, "%s", stray);
    p += sprintf(p, "%s", late);
    assert_int_equal((size_t)(p - html), len);
    /* deep enough for the script to be an element (flattened, its text
     * would be kept and nothing cut) */
    parse_limits cut = {.max_depth = 2 * DEPTH}, uncut = {.max_depth = 2 * DEPTH,
                                                         .keep_raw_text = true};
    document a = {0}, b = {0};
    assert_int_equal(parse_html_limited(html, len, &cut, &a), LEDE_OK);
    assert_int_equal(parse_html_limited(html, len, &uncut, &b), LEDE_OK);
    assert_true(b.truncated & LEDE_TRUNCATED_REPAIRS);
    assert_null(by_id(&b, "late"));
    expect_same_tree(&a, &b, "stray end tags in a script");
    document_free(&a);
    document_free(&b);
    free(html);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_chars_match_the_obvious_count),
        cmocka_unit_test(test_block_end_tag_closes_open_divs),
        cmocka_unit_test(test_stray_end_tags_after_the_repair_close_nothing_real),
        cmocka_unit_test(test_pre_end_tag_closes_open_divs),
        cmocka_unit_test(test_end_tag_does_not_reach_across_a_table),
        cmocka_unit_test(test_style_hides_by_declaration),
        cmocka_unit_test(test_folded_body_is_not_hidden),
        cmocka_unit_test(test_ellipsis_is_seen_past_trailing_whitespace),
        cmocka_unit_test(test_cut_raw_text_same_tree),
        cmocka_unit_test(test_cut_raw_text_keeps_repair_count),
        cmocka_unit_test(test_cut_raw_text_skips_typed_scripts_and_styles),
        cmocka_unit_test(test_cut_raw_text_skips_inert_svg_bodies),
        cmocka_unit_test(test_taken_attrs_same_tree),
        cmocka_unit_test(test_taken_attrs_are_taken),
        cmocka_unit_test(test_comments_cut),
        cmocka_unit_test(test_taken_text_goes_in_libxml2s_pieces),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
