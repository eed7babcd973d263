/*
 * warc/http.c — the HTML page inside a `response` record's HTTP message.
 *
 * Only a 200 whose Content-Type is HTML (or, without one, whose body opens
 * like markup) is a page; everything else is passed over in silence. The
 * body is undone as the message says: chunked transfer coding, then gzip
 * or deflate content coding, inflated no further than max_payload. A
 * message cut short keeps what arrived, since crawlers cut long payloads;
 * framing that is wrong is damage, said once with what was wrong.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "inflate.h"
#include "warc/internal.h"

typedef struct http_header {
    span content_type, transfer_encoding, content_encoding;
} http_header;

static void http_field(void *ctx, const unsigned char *name, size_t name_len, size_t at,
                       size_t len) {
    http_header *h = ctx;
    span value = {at, len};
    if (name_is(name, name_len, "Content-Type"))
        h->content_type = value;
    else if (name_is(name, name_len, "Transfer-Encoding"))
        h->transfer_encoding = value;
    else if (name_is(name, name_len, "Content-Encoding"))
        h->content_encoding = value;
}

/* Does S[0, N) contain WORD, in any letter case? */
static bool contains_word(const unsigned char *s, size_t n, const char *word) {
    size_t w = strlen(word);
    for (size_t i = 0; i + w <= n; i++)
        if (strncasecmp((const char *)s + i, word, w) == 0)
            return true;
    return false;
}

/* The media type of a Content-Type value, without parameters, is HTML. */
static bool is_html_type(const unsigned char *s, size_t n) {
    size_t end = 0;
    while (end < n && s[end] != ';' && s[end] != ' ' && s[end] != '\t')
        end++;
    return name_is(s, end, "text/html") || name_is(s, end, "application/xhtml+xml");
}

/* The charset parameter of a Content-Type value, malloc'd; NULL when it
 * has none or one that is no charset name (letters, digits, ._:-). */
static char *charset_of(const unsigned char *s, size_t n) {
    static const char key[] = "charset=";
    for (size_t i = 0; i + sizeof key - 1 <= n; i++) {
        if (strncasecmp((const char *)s + i, key, sizeof key - 1) != 0)
            continue;
        size_t at = i + sizeof key - 1, end;
        if (at < n && s[at] == '"')
            at++;
        for (end = at; end < n && end - at < 64; end++) {
            unsigned char c = s[end];
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '-' || c == '_' || c == '.' || c == ':'))
                break;
        }
        return end > at ? strndup((const char *)s + at, end - at) : NULL;
    }
    return NULL;
}

/* Undo the chunked transfer coding of B[0, N) into *OUT. A message cut
 * short (crawlers cut long payloads) keeps what arrived; a chunk size that
 * is no hex number is damage. */
static bool dechunk(const unsigned char *b, size_t n, unsigned char **out, size_t *out_len) {
    unsigned char *body = malloc(n ? n : 1);
    if (!body)
        return false;
    size_t at = 0, len = 0;
    while (at < n) {
        uint64_t size = 0;
        size_t digits = 0;
        for (; at < n && digits < 16; at++, digits++) {
            unsigned char c = b[at];
            int v = c >= '0' && c <= '9'   ? c - '0'
                    : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                           : -1;
            if (v < 0)
                break;
            size = size * 16 + (uint64_t)v;
        }
        if (digits == 0 || (at < n && b[at] != '\r' && b[at] != '\n' && b[at] != ';' &&
                            b[at] != ' ' && b[at] != '\t')) {
            free(body);
            return false;
        }
        const unsigned char *eol = memchr(b + at, '\n', n - at);
        if (!eol || size == 0)
            break;
        at = (size_t)(eol - b) + 1;
        size_t take = size < n - at ? (size_t)size : n - at;
        memcpy(body + len, b + at, take);
        len += take;
        at += take;
        if (at < n && b[at] == '\r')
            at++;
        if (at < n && b[at] == '\n')
            at++;
    }
    *out = body;
    *out_len = len;
    return true;
}

/* PAGE is damaged: WHAT, and DETAIL in quotes when there is one. */
static record_kind damaged(warc_page *page, const char *what, const char *detail) {
    if (detail)
        snprintf(page->message, sizeof page->message, "%s '%s'", what, detail);
    else
        snprintf(page->message, sizeof page->message, "%s", what);
    return RECORD_DAMAGED;
}

/* Undo the content coding named by CODING of the body *BODY (owned when
 * *OWNED); on success *BODY is the decoded body. */
static record_kind decode_content(const warc_reader *r, const unsigned char *coding,
                                  size_t coding_len, unsigned char **body, size_t *len,
                                  bool *owned, warc_page *page) {
    bool gzip = name_is(coding, coding_len, "gzip") || name_is(coding, coding_len, "x-gzip");
    bool deflate = name_is(coding, coding_len, "deflate");
    if (coding_len == 0 || name_is(coding, coding_len, "identity"))
        return RECORD_PAGE;
    if (!gzip && !deflate) {
        char name[32];
        snprintf(name, sizeof name, "%.*s", (int)(coding_len < 31 ? coding_len : 31), coding);
        return damaged(page, "unsupported HTTP Content-Encoding", name);
    }
    /* Some archives store the payload decoded but keep the header: a gzip
     * body without the gzip magic is taken as it is. */
    if (gzip && !(*len >= 2 && (*body)[0] == 0x1f && (*body)[1] == 0x8b))
        return RECORD_PAGE;
    inflate_request req = {.window_bits = gzip ? INFLATE_GZIP_ZLIB : INFLATE_ZLIB,
                           .limit = r->max_payload};
    char *out = NULL;
    size_t out_len = 0;
    inflate_end end = INFLATE_DAMAGED;
    lede_status st = inflate_bounded(*body, *len, &req, &out, &out_len, &end);
    if (st == LEDE_OK && end == INFLATE_DAMAGED && deflate) { /* "deflate" is often raw */
        free(out);
        req.window_bits = INFLATE_RAW;
        st = inflate_bounded(*body, *len, &req, &out, &out_len, &end);
    }
    if (st == LEDE_OK && end != INFLATE_DONE && end != INFLATE_CUT)
        free(out); /* a stream cut short keeps what inflated; the rest is refused */
    if (st != LEDE_OK)
        return damaged(page, lede_strerror(st), NULL);
    if (end == INFLATE_OVER)
        return damaged(page, lede_strerror(LEDE_ERR_TOO_LARGE), NULL);
    if (end == INFLATE_DAMAGED)
        return damaged(page, "HTTP body does not inflate; Content-Encoding",
                       gzip ? "gzip" : "deflate");
    if (*owned)
        free(*body);
    *body = (unsigned char *)out;
    *len = out_len;
    *owned = true;
    return RECORD_PAGE;
}

/* Does BODY open like markup: '<' after any BOM and white space? For a
 * response without a Content-Type. */
static bool looks_like_markup(const unsigned char *b, size_t n) {
    size_t i = n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF ? 3 : 0;
    while (i < n && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n'))
        i++;
    return i < n && b[i] == '<';
}

/* The HTML page inside the HTTP response B[0, N), into PAGE->html. */
record_kind http_response(const warc_reader *r, const unsigned char *b, size_t n,
                          warc_page *page) {
    if (n < 5 || memcmp(b, "HTTP/", 5) != 0)
        return RECORD_SKIPPED; /* dns:, ftp: and other non-HTTP responses */
    size_t head;
    if (!header_end(b, n < HTTP_MAX_HEADER ? n : HTTP_MAX_HEADER, &head))
        return damaged(page, "HTTP header does not end", NULL);
    const unsigned char *sp = memchr(b, ' ', head);
    if (!sp || (size_t)(sp - b) + 4 > head || sp[1] < '0' || sp[1] > '9' || sp[2] < '0' ||
        sp[2] > '9' || sp[3] < '0' || sp[3] > '9')
        return damaged(page, "bad HTTP status line", NULL);
    if (memcmp(sp + 1, "200", 3) != 0)
        return RECORD_SKIPPED;
    http_header h = {{0, 0}, {0, 0}, {0, 0}};
    each_field(b, head, http_field, &h);
    if (h.content_type.len && !is_html_type(b + h.content_type.start, h.content_type.len))
        return RECORD_SKIPPED;

    unsigned char *body = (unsigned char *)b + head;
    size_t len = n - head;
    bool owned = false;
    record_kind kind = RECORD_PAGE;
    if (h.transfer_encoding.len &&
        contains_word(b + h.transfer_encoding.start, h.transfer_encoding.len, "chunked")) {
        if (!dechunk(b + head, n - head, &body, &len))
            return damaged(page, "bad chunked transfer coding", NULL);
        owned = true;
    }
    kind = decode_content(r, b + h.content_encoding.start, h.content_encoding.len, &body, &len,
                          &owned, page);
    if (kind == RECORD_PAGE && !h.content_type.len && !looks_like_markup(body, len))
        kind = RECORD_SKIPPED;
    if (kind == RECORD_PAGE && len > r->max_payload)
        kind = damaged(page, lede_strerror(LEDE_ERR_TOO_LARGE), NULL);
    if (kind == RECORD_PAGE && !owned) {
        unsigned char *copy = malloc(len ? len : 1);
        if (copy)
            memcpy(copy, body, len);
        else
            kind = damaged(page, lede_strerror(LEDE_ERR_NOMEM), NULL);
        body = copy;
        owned = true;
    }
    if (kind != RECORD_PAGE) {
        if (owned)
            free(body);
        return kind;
    }
    page->html = (char *)body;
    page->len = len;
    if (h.content_type.len)
        page->charset = charset_of(b + h.content_type.start, h.content_type.len);
    return RECORD_PAGE;
}
