/*
 * test_tuning.c — the three tuning tables (tuning.c) and the stages that
 * read them.
 *
 * The tables are held to what the focuses promise: recall never removes
 * more than balanced and precision never less, field by field for the
 * fields that make a focus, and the tables differ in those fields alone.
 * Swapping two values between tables, or between two fields of one table,
 * breaks the first; changing a shared number in one table breaks the
 * second. Then two stages are run on pages built here with a table, to
 * show they follow the table they are handed rather than a focus.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "extract/clean.h"
#include "parse.h"
#include "extract/score.h"
#include "extract/select.h"
#include "extract/trim.h"
#include "extract/tuning.h"
#include "extract/vocab.h"

/* Which way a field loosens: up (recall's value is the highest) or down. */
typedef enum looser_side { LOOSER_UP, LOOSER_DOWN } looser_side;

typedef struct focus_field {
    const char *name;
    double (*value)(const lede_tuning *t);
    looser_side looser;
} focus_field;

#define FOCUS_FIELD_VALUE(stage, field)                                    \
    static double stage##_##field(const lede_tuning *t) {                  \
        return (double)t->stage.field;                                     \
    }
FOCUS_FIELD_VALUE(clean, keep_figures)
FOCUS_FIELD_VALUE(select, widen_prose_share)
FOCUS_FIELD_VALUE(select, widen_max_link_density)
FOCUS_FIELD_VALUE(trim, containers_by_links_only)
FOCUS_FIELD_VALUE(trim, container_max_link_density)
FOCUS_FIELD_VALUE(trim, link_paragraph_density)

/* The fields that make a focus, and the way each loosens: figures kept,
 * widening over less prose and more links, containers judged by links
 * alone and allowed more of them, a paragraph taken for a link only when
 * more of it is links. */
static const focus_field focus_fields[] = {
    {"clean.keep_figures", clean_keep_figures, LOOSER_UP},
    {"select.widen_prose_share", select_widen_prose_share, LOOSER_DOWN},
    {"select.widen_max_link_density", select_widen_max_link_density, LOOSER_UP},
    {"trim.containers_by_links_only", trim_containers_by_links_only, LOOSER_UP},
    {"trim.container_max_link_density", trim_container_max_link_density, LOOSER_UP},
    {"trim.link_paragraph_density", trim_link_paragraph_density, LOOSER_UP},
};
#define FOCUS_FIELD_COUNT (sizeof focus_fields / sizeof focus_fields[0])

/* F's value in T, turned so that larger is looser. */
static double looseness(const focus_field *f, const lede_tuning *t) {
    return f->looser == LOOSER_UP ? f->value(t) : -f->value(t);
}

static void test_recall_never_stricter_precision_never_looser(void **state) {
    (void)state;
    const lede_tuning *balanced = tuning_for_focus(LEDE_FOCUS_BALANCED);
    const lede_tuning *precision = tuning_for_focus(LEDE_FOCUS_PRECISION);
    const lede_tuning *recall = tuning_for_focus(LEDE_FOCUS_RECALL);
    int stricter = 0, looser = 0;
    for (size_t i = 0; i < FOCUS_FIELD_COUNT; i++) {
        const focus_field *f = &focus_fields[i];
        double p = looseness(f, precision), b = looseness(f, balanced), r = looseness(f, recall);
        if (p > b)
            fail_msg("%s: precision's is looser than balanced's", f->name);
        if (r < b)
            fail_msg("%s: recall's is stricter than balanced's", f->name);
        stricter += p < b;
        looser += r > b;
    }
    /* each focus is a focus: some field moves */
    assert_true(stricter > 0);
    assert_true(looser > 0);
}

/* T with its focus fields set to FROM's. */
static lede_tuning with_focus_fields_of(const lede_tuning *t, const lede_tuning *from) {
    lede_tuning out;
    memcpy(&out, t, sizeof out);
    out.clean.keep_figures = from->clean.keep_figures;
    out.select.widen_prose_share = from->select.widen_prose_share;
    out.select.widen_max_link_density = from->select.widen_max_link_density;
    out.trim.containers_by_links_only = from->trim.containers_by_links_only;
    out.trim.container_max_link_density = from->trim.container_max_link_density;
    out.trim.link_paragraph_density = from->trim.link_paragraph_density;
    return out;
}

static void test_focuses_differ_only_in_their_fields(void **state) {
    (void)state;
    const lede_tuning *balanced = tuning_for_focus(LEDE_FOCUS_BALANCED);
    lede_focus others[] = {LEDE_FOCUS_PRECISION, LEDE_FOCUS_RECALL};
    for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
        const lede_tuning *other = tuning_for_focus(others[i]);
        assert_ptr_not_equal(other, balanced);
        lede_tuning aligned = with_focus_fields_of(other, balanced);
        /* static tables: their padding is zero in both */
        assert_memory_equal(&aligned, balanced, sizeof aligned);
    }
}

/* A node of DOC with tag T, or NULL. */
static node *find_tag(const document *doc, enum tag t) {
    for (node *n = doc->root; n; n = tree_next(doc->root, n, false))
        if (n->tag == t)
            return n;
    return NULL;
}

/* Parse HTML and read its vocabulary, as lede.c's first phases do. */
static void parse(const char *html, document *doc) {
    memset(doc, 0, sizeof *doc);
    assert_int_equal(parse_html(html, strlen(html), 0, doc), LEDE_OK);
    vocab_mark(doc);
}

#define PROSE                                                                                  \
    "<p>The council met on Tuesday, as it does every month, and the budget was the only "     \
    "thing on its agenda, which surprised nobody who had followed the long dispute.</p>"

/* clean.c removes a figure by the table's keep_figures, whatever table it
 * is: balanced's with that one field turned keeps it. */
static void test_clean_keeps_figures_when_the_table_says(void **state) {
    (void)state;
    static const char html[] = "<html><body><article>" PROSE
                               "<figure><img src=a.jpg><figcaption>The council chamber on "
                               "Tuesday</figcaption></figure>" PROSE PROSE
                               "</article></body></html>";
    lede_tuning keeping = *tuning_for_focus(LEDE_FOCUS_BALANCED);
    keeping.clean.keep_figures = true;
    const lede_tuning *tables[] = {tuning_for_focus(LEDE_FOCUS_BALANCED), &keeping};
    for (size_t i = 0; i < 2; i++) {
        document doc;
        parse(html, &doc);
        clean_document(&doc, tables[i], PRUNE_BY_NAME);
        node *figure = find_tag(&doc, TAG_FIGURE);
        assert_non_null(figure);
        assert_int_equal((figure->flags & NODE_REMOVED) != 0, !tables[i]->clean.keep_figures);
        document_free(&doc);
    }
}

/* trim.c takes a paragraph that is half a link for a link under
 * precision's table, not under balanced's. */
static void test_trim_takes_half_link_paragraphs_by_the_table(void **state) {
    (void)state;
    static const char html[] = "<html><body><article>" PROSE PROSE
                               "<p id=linked>Read <a href=/r>the committee's full report on "
                               "the budget</a> here.</p>" PROSE "</article></body></html>";
    lede_focus focuses[] = {LEDE_FOCUS_BALANCED, LEDE_FOCUS_PRECISION};
    for (size_t i = 0; i < 2; i++) {
        const lede_tuning *tuning = tuning_for_focus(focuses[i]);
        document doc;
        parse(html, &doc);
        clean_document(&doc, tuning, PRUNE_BY_NAME);
        score_document(&doc, tuning);
        article art = {0};
        selection *seen = NULL;
        assert_int_equal(select_article(&doc, tuning, &art, &seen), LEDE_OK);
        assert_int_equal(trim_article(&doc, NULL, tuning, &art), LEDE_OK);
        node *linked = NULL;
        for (node *n = doc.root; n && !linked; n = tree_next(doc.root, n, false))
            if (n->id && strcmp(n->id, "linked") == 0)
                linked = n;
        assert_non_null(linked);
        assert_int_equal((linked->flags & NODE_REMOVED) != 0,
                         focuses[i] == LEDE_FOCUS_PRECISION);
        document_free(&doc);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_recall_never_stricter_precision_never_looser),
        cmocka_unit_test(test_focuses_differ_only_in_their_fields),
        cmocka_unit_test(test_clean_keeps_figures_when_the_table_says),
        cmocka_unit_test(test_trim_takes_half_link_paragraphs_by_the_table),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
