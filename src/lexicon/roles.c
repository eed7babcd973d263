/*
 * lexicon/roles.c — what a person in a byline is, besides a name: a job,
 * a rank, a credential, the place they work.
 *
 * names.c cleans the author field with them: after a comma a role word
 * marks a role, not a second person ("Jane Doe, Staff Writer"), and so do
 * credentials ("Jane Doe, PhD"); a role written straight after a name is
 * cut with its qualifiers ("Ben Doe Senior Staff Writer"), one written
 * before it is skipped ("Chefredakteurin Jane Doe"), and an affiliation
 * word ends the name ("Jane Doe in Valve"). ASCII in any case.
 */
#include "sets.h"

/* Matched anywhere in a piece after a comma, so stems do ("rédact"). */
static const char *const role_words[] = {
    /* English: people */
    "writer", "reporter", "correspondent", "editor", "contributor", "columnist", "journalist",
    "photographer", "staff", "producer", "analyst", "news", "press", "intern", "critic",
    "author",
    /* English: the desks and bodies a byline names instead of a person */
    "project", "institute", "university", "agency", "service", "desk", "team", "department",
    "center", "centre", "bureau",
    /* German */
    "redakteur",
    /* French */
    "rédact", "journaliste",
    /* Spanish */
    "periodista",
};
const lexicon_set lexicon_role_words = LEXICON_SET(role_words, LEXICON_ANY_CASE);

/* Letters after a name and a comma that are no second person. */
static const char *const credentials[] = {"ma", "ms", "msc", "md", "m.d", "phd", "ph.d", "rn",
                                          "jr", "sr", "mba", "mph", "do", "dds", "esq", "ii",
                                          "iii", "iv", "bsc", "ba", "llm", "cpa"};
const lexicon_set lexicon_credentials = LEXICON_SET(credentials, LEXICON_ANY_CASE);

/* Roles written straight after a name, without a comma. */
static const char *const trailing_roles[] = {
    /* English */
    "editor", "writer", "reporter", "correspondent", "columnist",
    /* German, French */
    "redakteur", "rédacteur",
};
const lexicon_set lexicon_trailing_roles = LEXICON_SET(trailing_roles, LEXICON_ANY_CASE);

/* Words that rank or place a role before it ("Senior Staff Writer"),
 * English. */
static const char *const role_qualifiers[] = {"senior", "staff", "chief", "deputy", "managing",
                                              "contributing", "freelance", "lead", "executive",
                                              "associate", "political", "sports", "news"};
const lexicon_set lexicon_role_qualifiers = LEXICON_SET(role_qualifiers, LEXICON_ANY_CASE);

/* Role nouns that end a title written before a name ("FOCUS-Online-
 * Experte Robin Doe", "Chefredakteurin Jane Doe", "Reporter Jane Doe"):
 * matched at the end of the title's word. */
static const char *const leading_roles[] = {
    /* English */
    "reporter", "editor", "columnist", "correspondent",
    /* German */
    "experte", "expertin", "redakteur", "redakteurin", "korrespondent", "korrespondentin",
    "reporterin", "kolumnist", "kolumnistin",
};
const lexicon_set lexicon_leading_roles = LEXICON_SET(leading_roles, LEXICON_ANY_CASE);

/* Words after a name that lead to where the person works ("Jane Doe in
 * Valve", "at Example", "ist Redakteurin bei Example"). */
static const char *const affiliation_words[] = {
    "in", "at", "is", /* English ("in" also German) */
    "bei", "ist",     /* German */
    "chez",           /* French */
};
const lexicon_set lexicon_affiliation_words = LEXICON_SET(affiliation_words, LEXICON_ANY_CASE);
