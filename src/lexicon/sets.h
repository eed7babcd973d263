/*
 * lexicon/sets.h — how a concept file hands its rows to lexicon.c.
 *
 * Each concept file defines one const lexicon_set per concept it holds;
 * lexicon.c indexes them by lexicon_concept. The sets are const data with
 * external names only so that the index can point at them: nothing outside
 * src/lexicon/ includes this header.
 */
#ifndef LEDE_LEXICON_SETS_H
#define LEDE_LEXICON_SETS_H

#include "lexicon.h"

/* How a text is compared with a set's rows (lexicon.h says why). */
typedef enum lexicon_form {
    LEXICON_AS_WRITTEN, /* byte for byte: rows for normalised text, so written
                         * in its form (lower case in every script, no
                         * punctuation), as no other form could match */
    LEXICON_ANY_CASE    /* ASCII letters in either case: rows for raw text */
} lexicon_form;

typedef struct lexicon_set {
    const char *const *row;
    size_t count;
    lexicon_form form;
} lexicon_set;

#define LEXICON_SET(rows, form) {rows, sizeof rows / sizeof rows[0], form}

/* byline_leads.c */
extern const lexicon_set lexicon_byline_lead_words, lexicon_byline_lead_phrases,
    lexicon_byline_line_openings, lexicon_byline_block_openings, lexicon_byline_block_phrases,
    lexicon_not_name_words;
/* roles.c */
extern const lexicon_set lexicon_role_words, lexicon_credentials, lexicon_trailing_roles,
    lexicon_role_qualifiers, lexicon_leading_roles, lexicon_affiliation_words;
/* organisations.c */
extern const lexicon_set lexicon_news_agencies, lexicon_legal_forms;
/* credits.c */
extern const lexicon_set lexicon_other_credits, lexicon_credit_labels;
/* weekdays.c */
extern const lexicon_set lexicon_weekdays, lexicon_weekday_abbreviations;
/* update_words.c */
extern const lexicon_set lexicon_update_words, lexicon_publication_words,
    lexicon_publication_note_openings;
/* date_leads.c */
extern const lexicon_set lexicon_date_lead_words, lexicon_time_leads;
/* related_labels.c */
extern const lexicon_set lexicon_read_also_labels, lexicon_tail_labels, lexicon_closing_labels;
/* page_labels.c */
extern const lexicon_set lexicon_page_labels, lexicon_page_label_openings,
    lexicon_navigation_words, lexicon_template_labels;
/* calls_to_action.c */
extern const lexicon_set lexicon_calls_to_action;
/* function_words.c */
extern const lexicon_set lexicon_slug_function_words, lexicon_name_joints;

#endif
