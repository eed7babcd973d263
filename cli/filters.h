/*
 * filters.h — the corpus filters of the lede command: --min-confidence and
 * --language.
 *
 * A corpus pipeline keeps only the pages it can use; lede says which fail
 * and why, in the record of each, rather than leaving them out: every input
 * still gives exactly one record. The filters read only the result, so
 * they run on whichever thread extracted the page.
 */
#ifndef LEDE_CLI_FILTERS_H
#define LEDE_CLI_FILTERS_H

#include <stdbool.h>
#include <stddef.h>

#include "lede.h"

typedef struct filters {
    double min_confidence; /* --min-confidence; 0 lets every article through */
    const char *languages; /* --language: comma-separated tags, or NULL */
} filters;

/* Parse a --min-confidence value: a number from 0 to 1. */
bool filters_parse_confidence(const char *value, double *confidence);

/* Is VALUE a --language list: tags of letters, digits and '-', joined by
 * commas, none empty? */
bool filters_languages_valid(const char *value);

/* Does RES pass F? When not, WHY (CAP bytes) says which filter turned it
 * away and what the page had instead. A page passes --language when its
 * language tag, or the tag's primary subtag ("pt" of "pt-BR"), is one of
 * the list, in any letter case; a page whose language is unknown fails. */
bool filters_pass(const filters *f, const lede_result *res, char *why, size_t cap);

#endif
