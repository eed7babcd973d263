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

#endif
