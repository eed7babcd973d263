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

#endif
