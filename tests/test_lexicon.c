/*
 * test_lexicon.c — the lexicon's lookups, as the stages rely on them.
 *
 * names.c, dates.c and trim.c ask the lexicon instead of keeping their own
 * lists, so what they rely on is pinned here: months in several languages
 * and scripts with their capitals folded, English months alone for
 * bylines, whole-text matches that are no prefix matches, ASCII case
 * folded for raw-text concepts and not for normalised-text ones, openings
 * and rows inside a text bounded by the length given, and every concept
 * holding rows.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include <cmocka.h>

#include "lexicon/lexicon.h"

static int month(const char *word, lexicon_months among) {
    return lexicon_month(word, strlen(word), among);
}

static void test_months_in_many_languages(void **state) {
    (void)state;
    assert_int_equal(month("November", LEXICON_MONTHS_ALL), 11);
    assert_int_equal(month("novembre", LEXICON_MONTHS_ALL), 11);
    assert_int_equal(month("MÄRZ", LEXICON_MONTHS_ALL), 3);        /* Latin-1 capital */
    assert_int_equal(month("НОЯБРЯ", LEXICON_MONTHS_ALL), 11);     /* Cyrillic capitals */
    assert_int_equal(month("Σεπτεμβρίου", LEXICON_MONTHS_ALL), 9); /* Greek capital */
    assert_int_equal(month("października", LEXICON_MONTHS_ALL), 10);
    assert_int_equal(month("أغسطس", LEXICON_MONTHS_ALL), 8);
    assert_int_equal(month("Sept", LEXICON_MONTHS_ALL), 9);
}

/* The other languages' names are searched in byte order: the first and the
 * last of that order, both sides of its middle, and words just beside
 * names (before the first, after the last, between two) are pinned. */
static void test_month_search_reaches_both_ends(void **state) {
    (void)state;
    assert_int_equal(month("abr", LEXICON_MONTHS_ALL), 4);
    assert_int_equal(month("ABRIL", LEXICON_MONTHS_ALL), 4);
    assert_int_equal(month("noviembre", LEXICON_MONTHS_ALL), 11);
    assert_int_equal(month("ocak", LEXICON_MONTHS_ALL), 1);
    assert_int_equal(month("octobre", LEXICON_MONTHS_ALL), 10);
    assert_int_equal(month("يونيو", LEXICON_MONTHS_ALL), 6);
    assert_int_equal(month("aaa", LEXICON_MONTHS_ALL), 0);
    assert_int_equal(month("abra", LEXICON_MONTHS_ALL), 0);
    assert_int_equal(month("ocaklar", LEXICON_MONTHS_ALL), 0);
    assert_int_equal(month("يونيوز", LEXICON_MONTHS_ALL), 0);
}

static void test_bylines_ask_for_english_months_alone(void **state) {
    (void)state;
    assert_int_equal(month("Mai", LEXICON_MONTHS_ALL), 5);
    assert_int_equal(month("Mai", LEXICON_MONTHS_ENGLISH), 0);
    assert_int_equal(month("Set", LEXICON_MONTHS_ENGLISH), 0);
    assert_int_equal(month("MAY", LEXICON_MONTHS_ENGLISH), 5);
    assert_int_equal(month("dec", LEXICON_MONTHS_ENGLISH), 12);
}

static void test_month_is_the_whole_word_given(void **state) {
    (void)state;
    assert_int_equal(month("Novembers", LEXICON_MONTHS_ALL), 0);
    assert_int_equal(month("Mayor", LEXICON_MONTHS_ENGLISH), 0);
    assert_int_equal(lexicon_month("November 2020", 8, LEXICON_MONTHS_ALL), 11);
    assert_int_equal(lexicon_month("Nov", 2, LEXICON_MONTHS_ALL), 0);
    assert_int_equal(lexicon_month("", 0, LEXICON_MONTHS_ALL), 0);
}

static bool is(lexicon_concept concept, const char *text) {
    return lexicon_is(concept, text, strlen(text));
}

static void test_raw_text_concepts_fold_ascii_case(void **state) {
    (void)state;
    assert_true(is(LEXICON_WEEKDAYS, "MONDAY"));
    assert_true(is(LEXICON_WEEKDAYS, "Mittwoch"));
    assert_true(is(LEXICON_WEEKDAYS, "الجمعة"));
    assert_true(is(LEXICON_BYLINE_LEAD_WORDS, "Von"));
    assert_true(is(LEXICON_BYLINE_LEAD_WORDS, "Автор"));
    /* other scripts are compared as written: the rows carry both cases */
    assert_false(is(LEXICON_BYLINE_LEAD_WORDS, "АВТОР"));
    assert_true(is(LEXICON_NEWS_AGENCIES, "The Associated Press"));
    assert_true(is(LEXICON_SLUG_FUNCTION_WORDS, "THE"));
}

static void test_normalised_text_concepts_match_as_written(void **state) {
    (void)state;
    assert_true(is(LEXICON_PAGE_LABELS, "werbung"));
    assert_false(is(LEXICON_PAGE_LABELS, "Werbung"));
    assert_true(is(LEXICON_TAIL_LABELS, "mehr zum thema"));
    assert_true(is(LEXICON_CLOSING_LABELS, "об авторе"));
    assert_true(is(LEXICON_READ_ALSO_LABELS, "lesen sie auch"));
    assert_true(is(LEXICON_CREDIT_LABELS, "图片来源"));
}

static void test_a_whole_text_is_no_prefix(void **state) {
    (void)state;
    assert_false(is(LEXICON_WEEKDAYS, "Mondays"));
    assert_false(is(LEXICON_WEEKDAYS, "Mon"));
    assert_false(is(LEXICON_TAIL_LABELS, "related stories of the week"));
    assert_true(lexicon_is(LEXICON_TAIL_LABELS, "related stories", 7));
    assert_false(is(LEXICON_PAGE_LABELS, ""));
}

static void test_openings_give_the_row_length(void **state) {
    (void)state;
    const char *byline = "von jane doe";
    assert_int_equal(lexicon_opening(LEXICON_BYLINE_BLOCK_OPENINGS, byline, strlen(byline)), 4);
    assert_int_equal(lexicon_opening(LEXICON_BYLINE_BLOCK_OPENINGS, "vonjane", 7), 0);
    assert_int_equal(lexicon_opening(LEXICON_BYLINE_BLOCK_OPENINGS, "by jane", 2), 0);
    const char *note = "aktualisiert am 17 01 2021";
    assert_int_equal(lexicon_opening(LEXICON_PUBLICATION_NOTE_OPENINGS, note, strlen(note)), 16);
    assert_int_equal(lexicon_opening(LEXICON_PAGE_LABEL_OPENINGS, "标签 经济", strlen("标签 经济")),
                     strlen("标签 "));
}

static bool holds(lexicon_concept concept, const char *text) {
    return lexicon_holds(concept, text, strlen(text));
}

static void test_rows_held_inside_a_text(void **state) {
    (void)state;
    assert_true(holds(LEXICON_UPDATE_WORDS, "Zuletzt AKTUALISIERT: 3. Mai"));
    assert_true(holds(LEXICON_UPDATE_WORDS, "Mis à jour le"));
    assert_true(holds(LEXICON_PUBLICATION_WORDS, "Опубликовано"));
    assert_false(holds(LEXICON_PUBLICATION_WORDS, "Posted 3 May"));
    /* a row that runs past the length given is not held */
    assert_false(lexicon_holds(LEXICON_PUBLICATION_WORDS, "published", 8));
    assert_true(holds(LEXICON_BYLINE_BLOCK_PHRASES, "05 10 2018 publicado por ana lima"));
    assert_false(holds(LEXICON_BYLINE_BLOCK_PHRASES, "Publicado por Ana Lima"));
    assert_true(holds(LEXICON_ROLE_WORDS, "Senior Staff Writer"));
}

static void test_rows_in_file_order(void **state) {
    (void)state;
    lexicon_rows leads = lexicon_rows_of(LEXICON_TIME_LEADS);
    assert_int_equal(leads.count, 8);
    assert_string_equal(leads.row[0], "at");
    assert_string_equal(leads.row[leads.count - 1], "-");
    lexicon_rows joints = lexicon_rows_of(LEXICON_NAME_JOINTS);
    for (size_t i = 0; i < joints.count; i++) /* names.c skips the leading space */
        assert_true(joints.row[i][0] == ' ' && joints.row[i][strlen(joints.row[i]) - 1] == ' ');
}

static void test_every_concept_has_rows(void **state) {
    (void)state;
    for (int c = 0; c < LEXICON_CONCEPTS; c++) {
        lexicon_rows rows = lexicon_rows_of((lexicon_concept)c);
        assert_true(rows.count > 0);
        for (size_t i = 0; i < rows.count; i++) {
            assert_non_null(rows.row[i]);
            assert_true(rows.row[i][0] != '\0');
            assert_true(lexicon_is((lexicon_concept)c, rows.row[i], strlen(rows.row[i])));
        }
    }
}

/* lexicon_holds() in a set read in any case (the update words) compares
 * bytes in a loop of its own (lexicon.c): on random lines of the rows'
 * pieces, in mixed case, it finds what strncasecmp at every offset finds. */
static void test_holds_in_any_case_matches_the_obvious_search(void **state) {
    (void)state;
    lexicon_rows rows = lexicon_rows_of(LEXICON_UPDATE_WORDS);
    static const char *const glue[] = {" ", "", "am ", ": ", "\xC3\xA4", "x"};
    uint32_t seed = 31;
    for (int round = 0; round < 3000; round++) {
        char line[512] = "";
        size_t count = (size_t)(round % 6);
        for (size_t k = 0; k < count; k++) {
            seed = seed * 1103515245u + 12345u;
            const char *row = rows.row[(seed >> 16) % rows.count];
            size_t cut = strlen(row) - (seed >> 8) % 3; /* whole, or short of its end */
            size_t at = strlen(line);
            if (at + cut + 8 >= sizeof line)
                break;
            memcpy(line + at, row, cut);
            line[at + cut] = '\0';
            for (size_t c = at; c < at + cut; c++)
                if ((seed >> (c % 16)) & 1)
                    line[c] = (char)toupper((unsigned char)line[c]);
            strcat(line, glue[(seed >> 4) % (sizeof glue / sizeof glue[0])]);
        }
        size_t len = strlen(line);
        bool want = false;
        for (size_t r = 0; r < rows.count && !want; r++)
            for (size_t at = 0; at + strlen(rows.row[r]) <= len && !want; at++)
                want = strncasecmp(line + at, rows.row[r], strlen(rows.row[r])) == 0;
        if (lexicon_holds(LEXICON_UPDATE_WORDS, line, len) != want)
            fail_msg("\"%s\": holds %d, want %d", line, !want, want);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_holds_in_any_case_matches_the_obvious_search),
        cmocka_unit_test(test_months_in_many_languages),
        cmocka_unit_test(test_month_search_reaches_both_ends),
        cmocka_unit_test(test_bylines_ask_for_english_months_alone),
        cmocka_unit_test(test_month_is_the_whole_word_given),
        cmocka_unit_test(test_raw_text_concepts_fold_ascii_case),
        cmocka_unit_test(test_normalised_text_concepts_match_as_written),
        cmocka_unit_test(test_a_whole_text_is_no_prefix),
        cmocka_unit_test(test_openings_give_the_row_length),
        cmocka_unit_test(test_rows_held_inside_a_text),
        cmocka_unit_test(test_rows_in_file_order),
        cmocka_unit_test(test_every_concept_has_rows),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
