/*
 * decode.h — page bytes in any encoding into UTF-8.
 */
#ifndef LEDE_DECODE_H
#define LEDE_DECODE_H

#include <stddef.h>

#include "lede.h"

/* Convert LEN bytes of IN to UTF-8 into *OUT (malloc'd, NUL-terminated,
 * *OUT_LEN bytes without the NUL; the caller frees it). HINT is a charset
 * label from the caller (HTTP header, --encoding), or NULL. Never fails on
 * bad bytes: they become U+FFFD. Fails with LEDE_ERR_NOMEM only. */
lede_status decode_to_utf8(const char *in, size_t len, const char *hint, char **out,
                           size_t *out_len);

/* The page's LEN bytes at IN into UTF-8 as OPT asks, for lede_extract():
 * OPT->encoding is the hint, a transport's label that yields to plainly
 * UTF-8 bytes when OPT->encoding_from_transport is set, else the user's
 * choice; a gzip'ed page inflating to more than OPT->max_input bytes fails
 * with LEDE_ERR_TOO_LARGE, having inflated at most one byte more. Otherwise
 * as decode_to_utf8. */
lede_status decode_page(const char *in, size_t len, const lede_options *opt, char **out,
                        size_t *out_len);

/* decode_page, without a copy of a page whose bytes are UTF-8 as they
 * stand (not gzip'ed, nothing to repair, no NUL): *TEXT then points into IN
 * (past a BOM) and is not NUL-terminated, and *OWNED is NULL. Otherwise
 * *TEXT is *OWNED, malloc'd and NUL-terminated, which the caller frees.
 * Most pages are such UTF-8, and copying each cost a pass over its bytes
 * and a fresh buffer as large as the page. */
lede_status decode_page_view(const char *in, size_t len, const lede_options *opt,
                             const char **text, size_t *text_len, char **owned);

#endif
