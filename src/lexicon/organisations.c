/*
 * lexicon/organisations.c — how the names of organisations look in a
 * byline: news agencies, and the legal forms that end a company's name.
 *
 * names.c cuts an agency that follows a reporter's name ("Jane Doe
 * Associated Press"), and takes an author ending in a legal form ("Example
 * GmbH") for a stand-in, not a person. ASCII in any case.
 */
#include "sets.h"

static const char *const news_agencies[] = {"associated press", "the associated press",
                                            "reuters", "afp", "ap", "dpa", "upi", "ansa",
                                            "efe"};
const lexicon_set lexicon_news_agencies = LEXICON_SET(news_agencies, LEXICON_ANY_CASE);

static const char *const legal_forms[] = {
    /* German */
    "gmbh", "ag", "se", "e.v", "kg",
    /* English */
    "inc", "ltd", "llc", "plc", "corp", "co",
    /* French, Spanish, Italian */
    "s.a", "sa", "s.p.a", "spa", "s.l", "sarl", "s.a.r.l",
    /* Dutch */
    "bv", "nv",
};
const lexicon_set lexicon_legal_forms = LEXICON_SET(legal_forms, LEXICON_ANY_CASE);
