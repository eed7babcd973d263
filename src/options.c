/*
 * options.c — the caller's options over the library's defaults (options.h).
 */
#include "options.h"

#include <stdbool.h>
#include <string.h>

#include "lede_limits.h"

/* Lay the caller's structure GIVEN, of GIVEN_SIZE bytes, over DEFAULTS, of
 * the library's OWN_SIZE bytes: the members both know are copied, the
 * caller's newer members must be zero (what they would mean is unknown
 * here unless it is "the default"), the library's newer ones keep their
 * defaults. False when GIVEN_SIZE is below MIN_SIZE or a newer member is
 * set. */
static bool sized_copy(void *defaults, size_t own_size, const void *given, size_t given_size,
                       size_t min_size) {
    if (given_size < min_size)
        return false;
    const unsigned char *tail = (const unsigned char *)given + own_size;
    for (size_t i = 0; own_size + i < given_size; i++)
        if (tail[i] != 0)
            return false;
    memcpy(defaults, given, given_size < own_size ? given_size : own_size);
    return true;
}

/* Store DEFAULTS (OWN_SIZE bytes) into the caller's structure OPT of SIZE
 * bytes: a caller's newer members, unknown here, are zero, their default. */
static void sized_store(void *opt, size_t size, const void *defaults, size_t own_size) {
    if (size > own_size)
        memset((unsigned char *)opt + own_size, 0, size - own_size);
    memcpy(opt, defaults, size < own_size ? size : own_size);
}

/* Each limit of OPT left 0 (the caller's word for "the default") set to
 * its default from lede_limits.h: the one place the defaults are read. */
static void fill_default_limits(lede_options *opt) {
    if (!opt->max_input)
        opt->max_input = LEDE_MAX_INPUT;
    if (!opt->max_depth)
        opt->max_depth = LEDE_MAX_DEPTH;
    if (!opt->max_nodes)
        opt->max_nodes = LEDE_MAX_NODES;
    if (!opt->max_attrs)
        opt->max_attrs = LEDE_MAX_ATTRS;
    if (!opt->max_attr_len)
        opt->max_attr_len = LEDE_MAX_ATTR_LEN;
    if (!opt->max_output)
        opt->max_output = LEDE_MAX_OUTPUT;
}

void lede_options_defaults(lede_options *opt, size_t size) {
    if (!opt || size < OPTIONS_FIRST_SIZE)
        return;
    lede_options defaults;
    memset(&defaults, 0, sizeof defaults);
    defaults.size = size;
    defaults.format = LEDE_FORMAT_TEXT;
    fill_default_limits(&defaults);
    sized_store(opt, size, &defaults, sizeof defaults);
}

lede_status options_resolve(const lede_options *given, lede_options *out) {
    lede_options_defaults(out, sizeof *out);
    if (!given)
        return LEDE_OK;
    if (!sized_copy(out, sizeof *out, given, given->size, OPTIONS_FIRST_SIZE))
        return LEDE_ERR_INVALID_ARG;
    out->size = sizeof *out;
    if ((unsigned)out->format > LEDE_FORMAT_HTML || (unsigned)out->focus > LEDE_FOCUS_RECALL ||
        (out->omit & ~(unsigned)(LEDE_OMIT_LINKS | LEDE_OMIT_IMAGES | LEDE_OMIT_TABLES)))
        return LEDE_ERR_INVALID_ARG;
    fill_default_limits(out);
    return LEDE_OK;
}

void lede_warc_options_defaults(lede_warc_options *opt, size_t size) {
    if (!opt || size < WARC_OPTIONS_FIRST_SIZE)
        return;
    lede_warc_options defaults;
    memset(&defaults, 0, sizeof defaults);
    defaults.size = size;
    defaults.max_payload = LEDE_MAX_INPUT;
    sized_store(opt, size, &defaults, sizeof defaults);
}

lede_status warc_options_resolve(const lede_warc_options *given, lede_warc_options *out) {
    lede_warc_options_defaults(out, sizeof *out);
    if (!given)
        return LEDE_OK;
    if (!sized_copy(out, sizeof *out, given, given->size, WARC_OPTIONS_FIRST_SIZE))
        return LEDE_ERR_INVALID_ARG;
    out->size = sizeof *out;
    if (!out->max_payload)
        out->max_payload = LEDE_MAX_INPUT;
    if (out->head_len > LEDE_WARC_SNIFF_SIZE || (out->head_len && !out->head))
        return LEDE_ERR_INVALID_ARG;
    return LEDE_OK;
}
