/*
 * parse.h — UTF-8 HTML bytes into lede's tree (tree.h).
 */
#ifndef LEDE_PARSE_H
#define LEDE_PARSE_H

#include <stddef.h>

#include "lede.h"
#include "tree.h"

/* Parse LEN bytes of UTF-8 HTML into DOC (zeroed by the caller). Elements
 * nested deeper than MAX_DEPTH are attached at that depth. On failure DOC is
 * freed. */
lede_status parse_html(const char *utf8, size_t len, unsigned max_depth, document *doc);

/* The bounds of one parse (lede_limits.h says why each default is what it
 * is); 0 in a field means its default. */
typedef struct parse_limits {
    unsigned max_depth;  /* deeper elements are flattened into the one at this depth */
    size_t max_nodes;    /* elements and text runs; parsing stops there */
    unsigned max_attrs;  /* attributes kept per element */
    size_t max_attr_len; /* bytes kept of an attribute value */
    /* Read what a reader does not see as if shown: hidden and aria-hidden
     * elements, <noscript> and <template> (the last look of lede.c, for
     * pages whose article is all in such places). */
    bool reveal_hidden;
    /* Hand libxml2 the markup whole: the bodies of scripts, styles,
     * inert SVG pictures and comments, attributes and text, which are
     * otherwise left out of what it reads (markup.h): the tree is the same
     * either way, which tests and fuzz_parse check. */
    bool keep_raw_text;
} parse_limits;

/* parse_html with every bound given (LIMITS may be NULL for the defaults).
 * The bounds the page hit are in doc->truncated (LEDE_TRUNCATED_*). */
lede_status parse_html_limited(const char *utf8, size_t len, const parse_limits *limits,
                               document *doc);

#endif
