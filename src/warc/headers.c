/*
 * warc/headers.c — the syntax a WARC header and an HTTP header share:
 * lines of "Name: value" up to a blank line, CRLF or bare LF.
 *
 * Fields are handed to a callback as offsets into the header rather than
 * copied, so a record's header is read in place in the window; names are
 * compared without case, as both standards say.
 */
#include <string.h>
#include <strings.h>

#include "warc/internal.h"

/* The length of B's header block, through the blank line that ends it
 * (CRLF CRLF, or bare LFs); false when N bytes hold no blank line. */
bool header_end(const unsigned char *b, size_t n, size_t *end) {
    for (const unsigned char *nl = b; (nl = memchr(nl, '\n', n - (size_t)(nl - b))); nl++) {
        size_t at = (size_t)(nl - b) + 1;
        if (at < n && b[at] == '\n') {
            *end = at + 1;
            return true;
        }
        if (at + 1 < n && b[at] == '\r' && b[at + 1] == '\n') {
            *end = at + 2;
            return true;
        }
        if (at >= n)
            break;
    }
    return false;
}

bool name_is(const unsigned char *name, size_t len, const char *literal) {
    return len == strlen(literal) && strncasecmp((const char *)name, literal, len) == 0;
}

/* Call FIELD for each "Name: value" line of the header B[0, N) after its
 * first line, with the value trimmed; continuation lines are passed over. */
void each_field(const unsigned char *b, size_t n, field_fn *field, void *ctx) {
    const unsigned char *nl = memchr(b, '\n', n);
    size_t at = nl ? (size_t)(nl - b) + 1 : n;
    while (at < n) {
        const unsigned char *line = b + at;
        const unsigned char *eol = memchr(line, '\n', n - at);
        size_t len = eol ? (size_t)(eol - line) : n - at;
        size_t next = at + len + 1;
        if (len > 0 && line[len - 1] == '\r')
            len--;
        const unsigned char *colon = len && line[0] != ' ' && line[0] != '\t'
                                         ? memchr(line, ':', len)
                                         : NULL;
        if (colon) {
            size_t name_len = (size_t)(colon - line);
            size_t v = name_len + 1, v_end = len;
            while (v < v_end && (line[v] == ' ' || line[v] == '\t'))
                v++;
            while (v_end > v && (line[v_end - 1] == ' ' || line[v_end - 1] == '\t'))
                v_end--;
            field(ctx, line, name_len, at + v, v_end - v);
        }
        at = next;
    }
}
