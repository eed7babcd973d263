/*
 * url.h — RFC 3986 reference resolution, the one place lede makes a link
 * absolute: the metadata's url and image fields and every href and src of
 * the Markdown and HTML bodies go through it.
 */
#ifndef LEDE_URL_H
#define LEDE_URL_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

/* Whether S begins with a scheme and ':' (RFC 3986 §3.1: ALPHA followed by
 * ALPHA, DIGIT, '+', '-' or '.'), i.e. is an absolute URI. */
bool url_has_scheme(const char *s, size_t len);

/* Append to OUT the reference REF (LEN bytes) resolved against BASE, an
 * absolute URI, by RFC 3986 §5.2 in its strict form (a reference with a
 * scheme is taken as it is, dot segments removed). Nothing is escaped or
 * normalised beyond that. False, with OUT untouched, when BASE is NULL or
 * has no scheme; OUT's own failed flag reports a failed allocation. */
bool url_resolve_into(buf *out, const char *base, const char *ref, size_t len);

#endif
