/*
 * test_stages.c — clean, score, select and trim, each on its own.
 *
 * Each test builds a small page, runs the phases before the one it pins as
 * lede.c's run_pass() does (parse, vocabulary, clean, score, select, trim),
 * and looks at the tree that stage leaves: which nodes it flagged, how it
 * scored them, which roots it chose. test_extract.c holds the same rules
 * end to end, through lede_extract(); these say which stage owns each.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "extract/clean.h"
#include "extract/score.h"
#include "extract/select.h"
#include "extract/trim.h"
#include "extract/tuning.h"
#include "extract/vocab.h"
#include "parse.h"

/* Prose enough to count as a paragraph of an article anywhere. */
#define PROSE                                                                                  \
    "The council met on Tuesday evening to decide on the new water plan, which has been "     \
    "discussed for more than a year, and the vote was closer than anyone had expected."

static const lede_tuning *balanced(void) {
    return tuning_for_focus(LEDE_FOCUS_BALANCED);
}

/* DOC parsed from HTML, its vocabulary read: what clean is given. */
static void parsed(const char *html, document *doc) {
    memset(doc, 0, sizeof *doc);
    assert_int_equal(parse_html(html, strlen(html), 0, doc), LEDE_OK);
    vocab_mark(doc);
}

static node *by_id(const document *doc, const char *id) {
    for (node *n = doc->root; n; n = tree_next(doc->root, n, false))
        if (n->id && strcmp(n->id, id) == 0)
            return n;
    fail_msg("no element with id %s", id);
    return NULL;
}

static bool removed(const document *doc, const char *id) {
    return (by_id(doc, id)->flags & NODE_REMOVED) != 0;
}

/* DOC cleaned, scored and its article selected into ART, as the first
 * pass does; the selection's notes in *SEEN. */
static lede_status selected(const char *html, document *doc, article *art, selection **seen) {
    parsed(html, doc);
    clean_document(doc, balanced(), PRUNE_BY_NAME);
    score_document(doc, balanced());
    memset(art, 0, sizeof *art);
    return select_article(doc, balanced(), art, seen);
}

/* Whether N is one of ART's roots or inside one. */
static bool in_article(const article *art, const node *n) {
    for (size_t i = 0; i < art->count; i++)
        for (const node *a = n; a; a = a->parent)
            if (a == art->roots[i])
                return true;
    return false;
}

/* clean_document(): navigation, a share bar named so and a footer go, and
 * their text leaves the page's sums; the story's wrapper stays although
 * its name holds a chrome word, since it holds most of the page's text. */
static void test_clean_removes_chrome_and_keeps_the_story(void **state) {
    (void)state;
    document doc;
    parsed("<html><body><nav id=nav><a href=/>Home</a> <a href=/news>News</a></nav>"
           "<div id=share class=share-bar>Share on social media</div>"
           "<div id=story class='page has-sidebar'><p>" PROSE "</p><p>" PROSE "</p></div>"
           "<footer id=foot>Contact us, imprint and privacy</footer></body></html>",
           &doc);
    uint32_t before = doc.root->text_chars;
    clean_document(&doc, balanced(), PRUNE_BY_NAME);
    assert_true(removed(&doc, "nav"));
    assert_true(removed(&doc, "share"));
    assert_true(removed(&doc, "foot"));
    assert_false(removed(&doc, "story"));
    assert_int_equal(doc.root->text_chars, by_id(&doc, "story")->text_chars);
    assert_true(doc.root->text_chars < before);
    document_free(&doc);
}

/* clean_document() with PRUNE_TWO_SIGNS, the baseline's pruning: a name
 * alone no longer removes (the share bar stays), an element that is chrome
 * by its tag still goes. */
static void test_clean_by_two_signs_spares_a_name_alone(void **state) {
    (void)state;
    document doc;
    parsed("<html><body><nav id=nav><a href=/>Home</a></nav>"
           "<div id=share class=share-bar>Share on social media</div>"
           "<div id=story><p>" PROSE "</p></div></body></html>",
           &doc);
    clean_document(&doc, balanced(), PRUNE_TWO_SIGNS);
    assert_true(removed(&doc, "nav"));
    assert_false(removed(&doc, "share"));
    document_free(&doc);
}

/* clean_document(): a code block written a line an element, each line
 * opening with its number in an element of its own, loses the numbers;
 * numbered headings in a preformatted document, with text between them,
 * keep theirs. */
static void test_clean_removes_an_unnamed_gutter_written_line_by_line(void **state) {
    (void)state;
    document doc;
    parsed("<html><body><p>" PROSE "</p><pre>"
           "<div><span id=n1>1</span><div>AGENTS.md</div></div>\n"
           "<div><span id=n2>2</span><div>docs/</div></div>\n"
           "<div><span id=n3>3</span><div>src/</div></div></pre>"
           "<pre><span><a id=s16>16</a>. Acknowledgements</span>\n   Thanks to all.\n"
           "<span><a id=s17>17</a>. References</span>\n   RFC 2119.</pre></body></html>",
           &doc);
    clean_document(&doc, balanced(), PRUNE_BY_NAME);
    assert_true(removed(&doc, "n1"));
    assert_true(removed(&doc, "n2"));
    assert_true(removed(&doc, "n3"));
    assert_false(removed(&doc, "s16"));
    assert_false(removed(&doc, "s17"));
    document_free(&doc);
}

/* score_document(): a paragraph's points go to its parent in full and to
 * its grandparent in part, and a longer paragraph with more commas gives
 * more than a short line. */
static void test_score_spreads_paragraph_points_to_ancestors(void **state) {
    (void)state;
    document doc;
    parsed("<html><body><div id=outer><div id=inner><p>" PROSE "</p><p>" PROSE "</p></div></div>"
           "<div id=other><p>A short line, but still a line.</p></div></body></html>",
           &doc);
    clean_document(&doc, balanced(), PRUNE_BY_NAME);
    score_document(&doc, balanced());
    const node *inner = by_id(&doc, "inner"), *outer = by_id(&doc, "outer");
    const node *other = by_id(&doc, "other");
    assert_true(inner->flags & NODE_CANDIDATE);
    assert_true(outer->flags & NODE_CANDIDATE);
    assert_true(outer->score > 0);
    assert_true(inner->score > outer->score);
    assert_true(inner->score > other->score);
    assert_true(inner->prose_chars > other->prose_chars);
    document_free(&doc);
}

/* select_article() and select_verdict(): the container of the prose is
 * the article, not the link list beside it, and the verdict gives it a
 * confidence. */
static void test_select_picks_the_prose_over_the_links(void **state) {
    (void)state;
    document doc;
    article art;
    selection *seen = NULL;
    assert_int_equal(
        selected("<html><body><div id=side><ul><li><a href=/a>Budget report</a></li>"
                 "<li><a href=/b>River levels rise again this week</a></li>"
                 "<li><a href=/c>School term dates for the coming year</a></li></ul></div>"
                 "<div id=main><p>" PROSE "</p><p>" PROSE "</p><p>" PROSE "</p></div>"
                 "</body></html>",
                 &doc, &art, &seen),
        LEDE_OK);
    assert_true(in_article(&art, by_id(&doc, "main")->first_child));
    assert_false(in_article(&art, by_id(&doc, "side")));
    assert_int_equal(select_verdict(&doc, balanced(), seen, &art), LEDE_OK);
    assert_true(art.confidence > 0.0 && art.confidence <= 1.0);
    assert_false(art.listing);
    document_free(&doc);
}

/* select_verdict(): a page of story cards, each an <article> with a linked
 * heading and a line, and no story of its own, is a listing. */
static void test_select_calls_a_page_of_cards_a_listing(void **state) {
    (void)state;
    char html[4096] = "<html><body><main id=cards>";
    for (int i = 0; i < 6; i++)
        strcat(html, "<article><h2><a href=/story>A story on the front page today</a></h2>"
                     "<p>The first line of the story, to make a reader click.</p></article>");
    strcat(html, "</main></body></html>");
    document doc;
    article art;
    selection *seen = NULL;
    lede_status st = selected(html, &doc, &art, &seen);
    if (st == LEDE_OK)
        st = select_verdict(&doc, balanced(), seen, &art);
    assert_int_equal(st, LEDE_ERR_NO_ARTICLE);
    assert_true(art.listing);
    document_free(&doc);
}

/* trim_article(): inside the chosen article, a copy of the headline (the
 * page's title) and a "Related:" line that opens a link to another story
 * go; the story's paragraphs stay. */
static void test_trim_drops_the_headline_copy_and_a_related_line(void **state) {
    (void)state;
    document doc;
    article art;
    selection *seen = NULL;
    assert_int_equal(
        selected("<html><body><div id=main><p id=copy>Council approves the new water plan</p>"
                 "<p id=first>" PROSE "</p><p id=related>Related: <a href=/b>River levels "
                 "rise again</a></p><p>" PROSE "</p><p>" PROSE "</p></div></body></html>",
                 &doc, &art, &seen),
        LEDE_OK);
    page_hints hints = {.title = "Council approves the new water plan"};
    assert_false(removed(&doc, "copy"));
    assert_int_equal(trim_article(&doc, &hints, balanced(), &art), LEDE_OK);
    assert_true(removed(&doc, "copy"));
    assert_true(removed(&doc, "related"));
    assert_false(removed(&doc, "first"));
    document_free(&doc);
}

/* tree_save()/tree_restore(): a page cleaned, scored, selected and trimmed
 * (as a first pass leaves it) is given back node for node as the parse
 * left it, sums and flags and scores, so that a second pass can read it. */
static void test_restored_tree_is_the_parse(void **state) {
    (void)state;
    static const char html[] =
        "<html><body><nav id=nav><a href=/a>Home</a> <a href=/b>World</a></nav>"
        "<div id=main><p id=copy>Council approves the new water plan</p><p>" PROSE "</p>"
        "<p id=related>Related: <a href=/c>River levels rise</a></p><p>" PROSE "</p></div>"
        "<footer id=foot>About us</footer></body></html>";
    document fresh, doc;
    parsed(html, &fresh);
    article art;
    selection *seen = NULL;
    parsed(html, &doc);
    tree_saved saved;
    assert_true(tree_save(&doc, &saved));
    clean_document(&doc, balanced(), PRUNE_BY_NAME);
    score_document(&doc, balanced());
    memset(&art, 0, sizeof art);
    assert_int_equal(select_article(&doc, balanced(), &art, &seen), LEDE_OK);
    page_hints hints = {.title = "Council approves the new water plan"};
    assert_int_equal(trim_article(&doc, &hints, balanced(), &art), LEDE_OK);
    assert_true(removed(&doc, "nav") && removed(&doc, "copy"));
    tree_restore(&doc, &saved);
    tree_saved_free(&saved);
    const node *m = fresh.root, *n = doc.root;
    for (; m && n; m = tree_next(fresh.root, m, false), n = tree_next(doc.root, n, false))
        if (m->flags != n->flags || m->text_chars != n->text_chars ||
            m->link_chars != n->link_chars || m->commas != n->commas ||
            m->text_len != n->text_len || m->score != n->score ||
            m->prose_chars != n->prose_chars || m->order != n->order)
            fail_msg("node %u (<%s>) is not as parsed", n->order, tag_name((enum tag)n->tag));
    assert_null(m);
    assert_null(n);
    document_free(&fresh);
    document_free(&doc);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_clean_removes_chrome_and_keeps_the_story),
        cmocka_unit_test(test_clean_by_two_signs_spares_a_name_alone),
        cmocka_unit_test(test_clean_removes_an_unnamed_gutter_written_line_by_line),
        cmocka_unit_test(test_score_spreads_paragraph_points_to_ancestors),
        cmocka_unit_test(test_select_picks_the_prose_over_the_links),
        cmocka_unit_test(test_select_calls_a_page_of_cards_a_listing),
        cmocka_unit_test(test_trim_drops_the_headline_copy_and_a_related_line),
        cmocka_unit_test(test_restored_tree_is_the_parse),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
