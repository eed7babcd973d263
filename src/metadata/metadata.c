/*
 * metadata.c — what the page says about itself, collected in one walk and
 * decided afterwards.
 *
 * A page declares its title, author and date several times over: JSON-LD,
 * OpenGraph, Dublin Core, plain <meta name>, vendor tags (Parse.ly,
 * Sailthru, Highwire citation_*), microdata, and what a reader sees (the
 * <h1>, the byline, <time>). They disagree often enough — a <title> with the
 * site name appended, an og:title shortened for sharing, an author tag that
 * holds the site's name or a profile URL — that no fixed order of sources
 * is right for every field. So the walk (walk.c) only stores every value
 * in a slot per field and kind of source (internal.h, candidates.c), and
 * the decision (choose.c, choose_date.c) then reads the slots: in a
 * per-field order of trust for most fields, skipping values that do not
 * survive cleaning (a URL as author, a date that is no date), and by
 * agreement between sources for the title. This file runs the two over
 * one set of slots, which lives only as long as the call.
 */
#include "metadata.h"

#include <stdlib.h>

#include "internal.h"

lede_status metadata_extract(const document *doc, const char *page_url, lede_result *res) {
    if (!doc || !doc->root || !res)
        return LEDE_ERR_INVALID_ARG;
    meta_candidates *c = calloc(1, sizeof *c);
    if (!c)
        return LEDE_ERR_NOMEM;
    arena_init(&c->mem);
    meta_collect(c, doc);
    if (c->skipped_jsonld)
        res->truncated |= LEDE_TRUNCATED_JSONLD;
    lede_status st = meta_decide(c, doc, page_url, res);
    arena_free(&c->mem);
    free(c);
    return st;
}
