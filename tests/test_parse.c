/*
 * test_parse.c — the tree parse.c builds from libxml2's events.
 *
 * Pins close_like_a_browser(): an end tag of an HTML5 block element
 * ("</nav>", "</header>") closes the <div>s still open inside it, as
 * browsers do, where libxml2 alone would ignore it and leave the rest of
 * the page inside the <nav>. The tests check where an element landed by
 * the chain of its ancestors' tags.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
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

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_block_end_tag_closes_open_divs),
        cmocka_unit_test(test_stray_end_tags_after_the_repair_close_nothing_real),
        cmocka_unit_test(test_end_tag_does_not_reach_across_a_table),
        cmocka_unit_test(test_style_hides_by_declaration),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
