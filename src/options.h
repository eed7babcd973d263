/*
 * options.h — the caller's options structures as the library reads them.
 *
 * Each public options structure opens with its size (include/lede.h says
 * the rule): a caller compiled against an older header hands a shorter
 * structure, one compiled against a newer header a longer one. Here the
 * caller's structure is laid over the library's defaults, so that the rest
 * of the library reads one complete, checked structure of its own version
 * and never the caller's bytes.
 */
#ifndef LEDE_OPTIONS_H
#define LEDE_OPTIONS_H

#include <stddef.h>

#include "lede.h"

/* The size of the first lede_options that had a size: the smallest a
 * caller can hand. Members added later lie past it. */
#define OPTIONS_FIRST_SIZE \
    (offsetof(lede_options, encoding_from_transport) + sizeof(int))
#define WARC_OPTIONS_FIRST_SIZE (offsetof(lede_warc_options, head_len) + sizeof(size_t))

/* GIVEN (NULL for the defaults) over the defaults into *OUT, every limit
 * that GIVEN leaves 0 made its default; LEDE_ERR_INVALID_ARG when GIVEN's
 * size is too small, when members this library does not know are not
 * zero, or when a choice is out of range. */
lede_status options_resolve(const lede_options *given, lede_options *out);

/* As options_resolve, for lede_warc_options. */
lede_status warc_options_resolve(const lede_warc_options *given, lede_warc_options *out);

#endif
