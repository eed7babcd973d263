/*
 * lexicon/lexicon.h — the words lede reads pages by, one concept a file.
 *
 * The body stages (trim.c, vocab.c) and the metadata stage (names.c,
 * dates.c, normalize.c) look for the same kinds of words: the "By" that
 * leads to a byline, the month of a date, the "Updated" before a
 * modification date, the "Related" over other stories. Each kind lives in
 * one file of src/lexicon/ with its rows grouped by language, so that adding
 * a language is editing one file per concept, and a stage asks for a
 * concept by name instead of keeping a copy that drifts out of step.
 *
 * A concept knows how it is compared, because its rows are written for
 * one kind of text: rows for the trimmer's normalised text (lower case,
 * punctuation a space) are compared byte for byte; rows for raw text
 * (bylines, date lines, ids) fold ASCII case, while other letters are
 * compared as written — which is why some rows appear in two cases.
 *
 * The lookups cover the rules the callers share: a whole text, a text's
 * opening, a row anywhere inside. A caller with a boundary rule of its
 * own (a row that must be followed by a space, a suffix of a word) walks
 * the rows with lexicon_rows_of. Months carry their number and have their
 * own lookup.
 */
#ifndef LEDE_LEXICON_H
#define LEDE_LEXICON_H

#include <stdbool.h>
#include <stddef.h>

typedef enum lexicon_concept {
    /* byline_leads.c */
    LEXICON_BYLINE_LEAD_WORDS,
    LEXICON_BYLINE_LEAD_PHRASES,
    LEXICON_BYLINE_LINE_OPENINGS,
    LEXICON_BYLINE_BLOCK_OPENINGS,
    LEXICON_BYLINE_BLOCK_PHRASES,
    LEXICON_NOT_NAME_WORDS,
    /* roles.c */
    LEXICON_ROLE_WORDS,
    LEXICON_CREDENTIALS,
    LEXICON_TRAILING_ROLES,
    LEXICON_ROLE_QUALIFIERS,
    LEXICON_LEADING_ROLES,
    LEXICON_AFFILIATION_WORDS,
    /* organisations.c */
    LEXICON_NEWS_AGENCIES,
    LEXICON_LEGAL_FORMS,
    /* credits.c */
    LEXICON_OTHER_CREDITS,
    LEXICON_CREDIT_LABELS,
    /* weekdays.c */
    LEXICON_WEEKDAYS,
    LEXICON_WEEKDAY_ABBREVIATIONS,
    /* update_words.c */
    LEXICON_UPDATE_WORDS,
    LEXICON_PUBLICATION_WORDS,
    LEXICON_PUBLICATION_NOTE_OPENINGS,
    /* date_leads.c */
    LEXICON_DATE_LEAD_WORDS,
    LEXICON_TIME_LEADS,
    /* related_labels.c */
    LEXICON_READ_ALSO_LABELS,
    LEXICON_TAIL_LABELS,
    LEXICON_CLOSING_LABELS,
    /* page_labels.c */
    LEXICON_PAGE_LABELS,
    LEXICON_PAGE_LABEL_OPENINGS,
    LEXICON_NAVIGATION_WORDS,
    LEXICON_TEMPLATE_LABELS,
    /* calls_to_action.c */
    LEXICON_CALLS_TO_ACTION,
    /* function_words.c */
    LEXICON_SLUG_FUNCTION_WORDS,
    LEXICON_NAME_JOINTS,
    LEXICON_CONCEPTS
} lexicon_concept;

/* The rows of a concept, in their file's order. */
typedef struct lexicon_rows {
    const char *const *row;
    size_t count;
} lexicon_rows;

lexicon_rows lexicon_rows_of(lexicon_concept concept);

/* Whether the LEN bytes at TEXT are one row of CONCEPT. */
bool lexicon_is(lexicon_concept concept, const char *text, size_t len);

/* The length of the first row of CONCEPT that the LEN bytes at TEXT open
 * with, or 0. */
size_t lexicon_opening(lexicon_concept concept, const char *text, size_t len);

/* Whether a row of CONCEPT stands anywhere in the LEN bytes at TEXT. */
bool lexicon_holds(lexicon_concept concept, const char *text, size_t len);

/* Which month names lexicon_month looks among: all languages', or the
 * English ones alone, for bylines, where "mai" or "set" may be a name. */
typedef enum lexicon_months { LEXICON_MONTHS_ALL, LEXICON_MONTHS_ENGLISH } lexicon_months;

/* The month (1 to 12) the word of LEN bytes at WORD names in any case, or
 * 0. Folds the capitals of the scripts months.c holds. */
int lexicon_month(const char *word, size_t len, lexicon_months among);

/* Builds lexicon_month's index now rather than at its first use (it is
 * built once per process, whichever thread asks first). */
void lexicon_preload(void);

#endif
