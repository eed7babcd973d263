/* STUB: replaced by the real decoder. */
#include "decode.h"
#include <stdlib.h>
#include <string.h>
lede_status decode_to_utf8(const char *in, size_t len, const char *hint, char **out, size_t *out_len) {
    (void)hint;
    *out = malloc(len + 1);
    if (!*out) return LEDE_ERR_NOMEM;
    memcpy(*out, in, len); (*out)[len] = 0; *out_len = len;
    return LEDE_OK;
}
