/*
 * lexicon/function_words.c — the small words that hold a phrase together:
 * articles, prepositions, conjunctions.
 *
 * vocab.c tells a heading's slug used as an id
 * ("sharing-with-a-single-developer") from a class name by a function word
 * among four words or more: such an id names what a section says, not
 * what the element is. names.c splits an author field into people at the
 * words that join two names ("Jane Doe and John Roe"); those are written
 * with the spaces around them, and are tried in this order. ASCII in any
 * case.
 */
#include "sets.h"

static const char *const slug_function_words[] = {
    /* English */
    "a", "an", "the", "of", "to", "in", "on", "with", "and", "or", "is", "are", "how", "what",
    "why", "when", "vs",
    /* French ("de", "la" also Spanish and Italian) */
    "de", "la", "le", "les", "des", "du", "et",
    /* Spanish */
    "el", "los", "las", "y", "con",
    /* German */
    "der", "die", "das", "und", "mit", "von", "um",
    /* Italian ("e" also Portuguese) */
    "il", "di", "e",
    /* Portuguese */
    "o", "da", "do",
    /* Dutch */
    "het", "een", "van",
};
const lexicon_set lexicon_slug_function_words =
    LEXICON_SET(slug_function_words, LEXICON_ANY_CASE);

static const char *const name_joints[] = {
    " and ", " & ", /* English, any */
    " und ",        /* German */
    " et ",         /* French */
    " y ",          /* Spanish */
    " e ",          /* Italian, Portuguese */
    " en ",         /* Dutch */
    " и ",          /* Russian */
};
const lexicon_set lexicon_name_joints = LEXICON_SET(name_joints, LEXICON_ANY_CASE);
