/*
 * test_vocab.c — vocab.c reads class and id names as words.
 *
 * Each case is one class attribute (or id) and the vocab_bits it must give.
 * The traps are the substrings that used to decide: "menu" inside
 * "taxomenu", "pager" inside "APageRoot", "publish" in "status-publish",
 * "header" of a card or a table, "hidden" at one screen size, "ads" that a
 * section only has. Each row pins one rule of vocab.c, named in its comment.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "extract/vocab.h"

typedef struct {
    const char *cls, *id;
    unsigned want; /* exactly these bits */
} vocab_case;

static void expect_case(const vocab_case *c, unsigned got, const char *how) {
    if (got != c->want)
        fail_msg("%s: class=\"%s\" id=\"%s\": bits %#x, want %#x", how, c->cls ? c->cls : "",
                 c->id ? c->id : "", got, c->want);
}

/* Each case classified alone, then through one memo (as parse.c does) three
 * times: the first reads the value, the second finds the same pointer, the
 * third the same text in another buffer. All must give the same bits. */
static void expect_bits(const vocab_case *cases, size_t count) {
    vocab_memo memo = {0};
    for (int round = 0; round < 3; round++) {
        for (size_t i = 0; i < count; i++) {
            node n = {0};
            n.cls = cases[i].cls;
            n.id = cases[i].id;
            if (round == 0)
                expect_case(&cases[i], vocab_classify(&n), "alone");
            char cls_copy[256], id_copy[256];
            if (round == 2 && n.cls)
                n.cls = strcpy(cls_copy, n.cls);
            if (round == 2 && n.id)
                n.id = strcpy(id_copy, n.id);
            expect_case(&cases[i], vocab_classify_memo(&n, &memo), "memo");
        }
    }
    vocab_memo_free(&memo);
}

/* Words are whole tokens of the name: never a match inside another word. */
static void test_words_not_substrings(void **state) {
    (void)state;
    static const vocab_case cases[] = {
        {"taxomenu", NULL, 0},
        {NULL, "APageRoot", 0},
        {"post type-post status-publish", NULL, VOCAB_CONTENT},
        {"adsense-free", NULL, 0},
        {"menu", NULL, VOCAB_BOILERPLATE},
        {"topMenu", NULL, VOCAB_BOILERPLATE},
        {"share_bar", NULL, VOCAB_BOILERPLATE},
        {"entry-content", NULL, VOCAB_CONTENT},
        {"articleBody", NULL, VOCAB_CONTENT},
        {"token comment", NULL, VOCAB_COMMENTS},
    };
    expect_bits(cases, sizeof cases / sizeof cases[0]);
}

/* Written-together compounds and pairs read as one word ("readMore",
 * "read-more", "sharedaddy"); a plural reads as its singular. */
static void test_compounds_and_plurals(void **state) {
    (void)state;
    static const vocab_case cases[] = {
        {"readMore", NULL, VOCAB_BOILERPLATE},
        {"read-more", NULL, VOCAB_BOILERPLATE},
        {"sharedaddy", NULL, VOCAB_BOILERPLATE},
        {"row author-box", NULL, VOCAB_BOILERPLATE | VOCAB_BYLINE},
        {"about-author", NULL, VOCAB_BOILERPLATE | VOCAB_BYLINE},
        {"newsletters", NULL, VOCAB_BOILERPLATE},
        {"related-posts", NULL, VOCAB_BOILERPLATE | VOCAB_CONTENT},
    };
    expect_bits(cases, sizeof cases / sizeof cases[0]);
}

/* vocab.c placed_bits() and is_modifier(): "header" only as the page's or
 * the article's; "hidden" only whole; the words after a modifier are what an
 * element has, not what it is; "widget" only as the first word. */
static void test_placed_words(void **state) {
    (void)state;
    static const vocab_case cases[] = {
        {"site-header", NULL, VOCAB_HEADER},
        {"header", NULL, VOCAB_HEADER},
        {"card-header", NULL, 0},
        {"table-header", NULL, 0},
        {"hidden", NULL, VOCAB_BOILERPLATE},
        {"is-hidden", NULL, VOCAB_BOILERPLATE},
        {"hidden-xs", NULL, 0},
        {"field-label-hidden", NULL, 0},
        {"section--has-ads", NULL, 0},
        {"has-sidebar", NULL, 0},
        {"widget", NULL, VOCAB_BOILERPLATE},
        {"elementor-widget-text-editor", NULL, VOCAB_CONTENT},
        {"article__lead", NULL, VOCAB_CONTENT | VOCAB_LEAD},
        {"standfirst", NULL, VOCAB_LEAD},
        {"teaser-text", NULL, VOCAB_LEAD | VOCAB_CONTENT},
        {"teasers", NULL, VOCAB_BOILERPLATE},
        {"leaderboard", NULL, 0},
    };
    expect_bits(cases, sizeof cases / sizeof cases[0]);
}

/* vocab.c id_is_heading_slug(): an id made from a heading's words names the
 * section, not chrome. */
static void test_heading_slug_id(void **state) {
    (void)state;
    static const vocab_case cases[] = {
        {NULL, "comments-on-the-review-process", 0},
        {NULL, "comments", VOCAB_COMMENTS},
    };
    expect_bits(cases, sizeof cases / sizeof cases[0]);
}

/* vocab.c vocab_names_line_number(): a highlighter's line-number gutter. */
static void test_line_number_names(void **state) {
    (void)state;
    static const struct {
        const char *cls;
        bool want;
    } cases[] = {
        {"lineno", true},          {"linenos", true},   {"react-syntax-highlighter-line-number", true},
        {"hljs-ln-numbers", true}, {"ln", true},        {"code-gutter", true},
        {"line", false},           {"token comment", false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        node n = {0};
        n.cls = cases[i].cls;
        if (vocab_names_line_number(&n) != cases[i].want)
            fail_msg("class=\"%s\": want %d", cases[i].cls, cases[i].want);
    }
}

/* vocab.c vocab_names_hover_box(): the box a highlighter shows over a name
 * on hover; not a class that only mentions hovering or information. */
static void test_hover_box_names(void **state) {
    (void)state;
    static const struct {
        const char *cls;
        bool want;
    } cases[] = {
        {"hover-info messages", true}, {"twoslash-popup-container", true}, {"tooltip", true},
        {"hover-container", false},    {"has-info information", false},
        {"hover:underline", false},    {"token keyword", false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        node n = {0};
        n.cls = cases[i].cls;
        if (vocab_names_hover_box(&n) != cases[i].want)
            fail_msg("class=\"%s\": want %d", cases[i].cls, cases[i].want);
    }
}

/* vocab.c's memo: more distinct values than it keeps, each seen three times,
 * some with vocabulary and some without; every answer is the one the value
 * gets alone, whether the memo held it or was full. */
static void test_memo_same_answer(void **state) {
    (void)state;
    enum { VALUES = 5000 };
    static const char *const stems[] = {"menu", "entry-content", "card", "comment-list"};
    static char values[VALUES][32]; /* the memo points at them: they must stay */
    for (unsigned i = 0; i < VALUES; i++)
        snprintf(values[i], sizeof values[i], "%s x%u", stems[i % 4], i);
    vocab_memo memo = {0};
    for (int round = 0; round < 3; round++) {
        for (unsigned i = 0; i < VALUES; i++) {
            const char *cls = values[i];
            node n = {0};
            n.cls = cls;
            unsigned want = vocab_classify(&n);
            unsigned got = vocab_classify_memo(&n, &memo);
            if (got != want)
                fail_msg("round %d, class=\"%s\": bits %#x, want %#x", round, cls, got, want);
        }
    }
    assert_true(memo.count > 0 && memo.count < VALUES);
    vocab_memo_free(&memo);
}

/* A class list reads as its tokens read one by one, however whitespace
 * separates them (vocab.c steps over it in plain loops); camelCase and
 * digit breaks are found in any mix of cases and digits. */
static void test_class_list_reads_as_its_tokens(void **state) {
    (void)state;
    static const char *const tokens[] = {
        "sidebar", "mainNav", "HTMLParser", "post2Date", "byline", "is-hidden", "hidden",
        "site-header", "card-header", "relatedPosts", "x9", "Comment_list", "\xC3\xA9t\xC3\xA9",
        "a", "readMore", "sr-only", "noPrint", "ad300x250", "AUTHORbox"};
    static const char *const spaces[] = {" ", "  ", "\t", "\n", "\r\n", "\f "};
    uint32_t seed = 99;
    for (int round = 0; round < 2000; round++) {
        char list[512] = "";
        unsigned want = 0;
        size_t count = (size_t)(round % 7);
        for (size_t k = 0; k < count; k++) {
            seed = seed * 1103515245u + 12345u;
            const char *token = tokens[(seed >> 16) % (sizeof tokens / sizeof tokens[0])];
            strcat(list, spaces[(seed >> 8) % (sizeof spaces / sizeof spaces[0])]);
            strcat(list, token);
            node alone = {0};
            alone.cls = token;
            want |= vocab_classify(&alone);
        }
        if (round % 3 == 0)
            strcat(list, " ");
        node n = {0};
        n.cls = list;
        if (vocab_classify(&n) != want)
            fail_msg("\"%s\": bits %#x, want %#x", list, vocab_classify(&n), want);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_words_not_substrings),
        cmocka_unit_test(test_class_list_reads_as_its_tokens),
        cmocka_unit_test(test_compounds_and_plurals),
        cmocka_unit_test(test_placed_words),
        cmocka_unit_test(test_heading_slug_id),
        cmocka_unit_test(test_line_number_names),
        cmocka_unit_test(test_hover_box_names),
        cmocka_unit_test(test_memo_same_answer),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
