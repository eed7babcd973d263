/*
 * lexicon.c — the lookups over the concept files' rows.
 *
 * The sets are short (a few dozen rows at most) and most texts asked about
 * are a word or a short line, so a straight scan in the file's order is
 * both the fastest and the one whose first match is the row a reader of
 * the file would expect. A row's length is taken where it is needed, as
 * the callers did before the rows moved here; the first byte is compared
 * before the rest where a scan runs over every position of a text.
 */
#include "lexicon.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "ascii.h"
#include "sets.h"

static const lexicon_set *const sets[LEXICON_CONCEPTS] = {
    [LEXICON_BYLINE_LEAD_WORDS] = &lexicon_byline_lead_words,
    [LEXICON_BYLINE_LEAD_PHRASES] = &lexicon_byline_lead_phrases,
    [LEXICON_BYLINE_LINE_OPENINGS] = &lexicon_byline_line_openings,
    [LEXICON_BYLINE_BLOCK_OPENINGS] = &lexicon_byline_block_openings,
    [LEXICON_BYLINE_BLOCK_PHRASES] = &lexicon_byline_block_phrases,
    [LEXICON_NOT_NAME_WORDS] = &lexicon_not_name_words,
    [LEXICON_ROLE_WORDS] = &lexicon_role_words,
    [LEXICON_CREDENTIALS] = &lexicon_credentials,
    [LEXICON_TRAILING_ROLES] = &lexicon_trailing_roles,
    [LEXICON_ROLE_QUALIFIERS] = &lexicon_role_qualifiers,
    [LEXICON_LEADING_ROLES] = &lexicon_leading_roles,
    [LEXICON_AFFILIATION_WORDS] = &lexicon_affiliation_words,
    [LEXICON_NEWS_AGENCIES] = &lexicon_news_agencies,
    [LEXICON_LEGAL_FORMS] = &lexicon_legal_forms,
    [LEXICON_OTHER_CREDITS] = &lexicon_other_credits,
    [LEXICON_CREDIT_LABELS] = &lexicon_credit_labels,
    [LEXICON_WEEKDAYS] = &lexicon_weekdays,
    [LEXICON_WEEKDAY_ABBREVIATIONS] = &lexicon_weekday_abbreviations,
    [LEXICON_UPDATE_WORDS] = &lexicon_update_words,
    [LEXICON_PUBLICATION_WORDS] = &lexicon_publication_words,
    [LEXICON_PUBLICATION_NOTE_OPENINGS] = &lexicon_publication_note_openings,
    [LEXICON_DATE_LEAD_WORDS] = &lexicon_date_lead_words,
    [LEXICON_TIME_LEADS] = &lexicon_time_leads,
    [LEXICON_READ_ALSO_LABELS] = &lexicon_read_also_labels,
    [LEXICON_TAIL_LABELS] = &lexicon_tail_labels,
    [LEXICON_CLOSING_LABELS] = &lexicon_closing_labels,
    [LEXICON_PAGE_LABELS] = &lexicon_page_labels,
    [LEXICON_PAGE_LABEL_OPENINGS] = &lexicon_page_label_openings,
    [LEXICON_NAVIGATION_WORDS] = &lexicon_navigation_words,
    [LEXICON_TEMPLATE_LABELS] = &lexicon_template_labels,
    [LEXICON_CALLS_TO_ACTION] = &lexicon_calls_to_action,
    [LEXICON_SLUG_FUNCTION_WORDS] = &lexicon_slug_function_words,
    [LEXICON_NAME_JOINTS] = &lexicon_name_joints,
};

lexicon_rows lexicon_rows_of(lexicon_concept concept) {
    const lexicon_set *set = sets[concept];
    return (lexicon_rows){set->row, set->count};
}

/* Whether the LEN bytes at A and at B are the same in SET's form. */
static bool same(const lexicon_set *set, const char *a, const char *b, size_t len) {
    return set->form == LEXICON_AS_WRITTEN ? memcmp(a, b, len) == 0
                                           : strncasecmp(a, b, len) == 0;
}

/* Whether ROW may match text opening with the byte FIRST: the cheap test
 * that spares most rows the length and the compare (these lookups run for
 * every word of every line metadata reads). */
static bool may_open(const lexicon_set *set, const char *row, char first) {
    if (set->form == LEXICON_AS_WRITTEN)
        return row[0] == first;
    return tolower((unsigned char)row[0]) == tolower((unsigned char)first);
}

bool lexicon_is(lexicon_concept concept, const char *text, size_t len) {
    const lexicon_set *set = sets[concept];
    if (len == 0)
        return false;
    for (size_t i = 0; i < set->count; i++)
        if (may_open(set, set->row[i], text[0]) && strlen(set->row[i]) == len &&
            same(set, text, set->row[i], len))
            return true;
    return false;
}

size_t lexicon_opening(lexicon_concept concept, const char *text, size_t len) {
    const lexicon_set *set = sets[concept];
    for (size_t i = 0; i < set->count; i++) {
        if (len && !may_open(set, set->row[i], text[0]))
            continue;
        size_t row_len = strlen(set->row[i]);
        if (len >= row_len && same(set, text, set->row[i], row_len))
            return row_len;
    }
    return 0;
}

/* Whether ROW (ROW_LEN bytes, as written) stands in the LEN bytes at TEXT. */
static bool holds_as_written(const char *text, size_t len, const char *row, size_t row_len) {
    const char *end = text + len;
    for (const char *p = text; (size_t)(end - p) >= row_len;) {
        p = memchr(p, row[0], (size_t)(end - p) - row_len + 1);
        if (!p)
            return false;
        if (memcmp(p, row, row_len) == 0)
            return true;
        p++;
    }
    return false;
}

/* As holds_as_written, in any ASCII letter case. The first byte is
 * compared inline and the rest in a loop: this runs at every offset of a
 * line for every row, and a call to strncasecmp at each cost more than the
 * compare (dates.c asks it of every word before a date). */
static bool holds_in_any_case(const char *text, size_t len, const char *row, size_t row_len) {
    if (row_len == 0)
        return true;
    char first = ascii_lower(row[0]);
    for (size_t at = 0; at + row_len <= len; at++) {
        if (ascii_lower(text[at]) != first)
            continue;
        size_t k = 1;
        while (k < row_len && ascii_lower(text[at + k]) == ascii_lower(row[k]))
            k++;
        if (k == row_len)
            return true;
    }
    return false;
}

bool lexicon_holds(lexicon_concept concept, const char *text, size_t len) {
    const lexicon_set *set = sets[concept];
    for (size_t i = 0; i < set->count; i++) {
        size_t row_len = strlen(set->row[i]);
        if (set->form == LEXICON_AS_WRITTEN) {
            if (holds_as_written(text, len, set->row[i], row_len))
                return true;
            continue;
        }
        if (holds_in_any_case(text, len, set->row[i], row_len))
            return true;
    }
    return false;
}
