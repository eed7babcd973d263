/*
 * metadata/candidates.c — the slots the walk fills: one value per field and
 * kind of source (internal.h says why nothing is decided while walking).
 *
 * A value is cleaned once, when it is stored, into the stage's arena. The
 * first value of a slot stays, except that a value read from property=
 * (RDFa, what OpenGraph and Dublin Core specify) replaces one read from
 * name=; people and tags from several tags of one kind are joined instead
 * (cand_append), up to META_MAX_VALUE.
 */
#include <string.h>

#include "internal.h"

/* What each kind of source is called in result_sources. */
static const char *const source_names[SRC_COUNT] = {
    [SRC_JSONLD] = "json-ld", [SRC_DUBLIN_CORE] = "dc",  [SRC_OPENGRAPH] = "og",
    [SRC_ITEMPROP] = "microdata", [SRC_NAMED] = "meta", [SRC_TWITTER] = "twitter",
    [SRC_VENDOR] = "vendor",  [SRC_LINK] = "link",       [SRC_VISIBLE] = "visible",
    [SRC_WEAK] = "visible",   [SRC_TEXT] = "visible",    [SRC_HEADLINE] = "visible",
    [SRC_LABELLED] = "visible", [SRC_CHROME] = "visible",
    [SRC_STANDALONE] = "visible",
};

void cand_origin(meta_candidates *c, enum meta_field f, enum meta_source s, const char *origin) {
    if (c->value[f][s])
        c->origin[f][s] = origin;
}

const char *cand_clean(meta_candidates *c, const char *value, size_t len, bool decode) {
    return meta_clean(&c->mem, value, len, decode, &c->failed);
}

void cand_set(meta_candidates *c, enum meta_field f, enum meta_source s, const char *value,
              size_t len, bool from_property) {
    if (!value || (c->value[f][s] && (c->from_property[f][s] || !from_property)))
        return;
    const char *v = cand_clean(c, value, len, true);
    if (!v)
        return;
    c->value[f][s] = v;
    c->from_property[f][s] = from_property;
    c->origin[f][s] = source_names[s];
}

void cand_append(meta_candidates *c, enum meta_field f, enum meta_source s, const char *value,
                 size_t len, const char *sep, bool from_property) {
    if (c->value[f][s] && c->from_property[f][s] && !from_property)
        return;
    const char *v = value ? cand_clean(c, value, len, true) : NULL;
    if (!v)
        return;
    const char *old = c->value[f][s];
    if (!old || (from_property && !c->from_property[f][s])) {
        c->value[f][s] = v;
        c->from_property[f][s] = from_property;
        c->origin[f][s] = source_names[s];
        return;
    }
    size_t old_len = strlen(old), sep_len = strlen(sep), v_len = strlen(v);
    if (old_len + sep_len + v_len > META_MAX_VALUE)
        return;
    char *joined = arena_alloc(&c->mem, old_len + sep_len + v_len + 1);
    if (!joined) {
        c->failed = true;
        return;
    }
    memcpy(joined, old, old_len);
    memcpy(joined + old_len, sep, sep_len);
    memcpy(joined + old_len + sep_len, v, v_len + 1);
    c->value[f][s] = joined;
}
