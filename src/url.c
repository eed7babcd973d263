/* url.c — see url.h. The steps and their names follow RFC 3986 §5.2. */
#include "url.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* One component of a URI reference: its bytes, and whether it is defined at
 * all (an empty query "?" differs from none). */
typedef struct part {
    const char *s;
    size_t len;
    bool defined;
} part;

typedef struct uri_parts {
    part scheme, authority, path, query, fragment;
} uri_parts;

bool url_has_scheme(const char *s, size_t len) {
    if (len == 0 || !isalpha((unsigned char)s[0]))
        return false;
    for (size_t i = 1; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ':')
            return true;
        if (!isalnum(c) && c != '+' && c != '-' && c != '.')
            return false;
    }
    return false;
}

/* The components of S (LEN bytes), as the regular expression of Appendix B
 * splits them, except that a scheme must be a valid one: "a b:c" is a path. */
static void split(const char *s, size_t len, uri_parts *u) {
    memset(u, 0, sizeof *u);
    size_t i = 0;
    if (url_has_scheme(s, len)) {
        i = (size_t)((const char *)memchr(s, ':', len) - s);
        u->scheme = (part){s, i, true};
        i++;
    }
    if (len - i >= 2 && s[i] == '/' && s[i + 1] == '/') {
        size_t start = i + 2, end = start;
        while (end < len && s[end] != '/' && s[end] != '?' && s[end] != '#')
            end++;
        u->authority = (part){s + start, end - start, true};
        i = end;
    }
    size_t start = i;
    while (i < len && s[i] != '?' && s[i] != '#')
        i++;
    u->path = (part){s + start, i - start, true};
    if (i < len && s[i] == '?') {
        start = ++i;
        while (i < len && s[i] != '#')
            i++;
        u->query = (part){s + start, i - start, true};
    }
    if (i < len && s[i] == '#')
        u->fragment = (part){s + i + 1, len - i - 1, true};
}

static bool starts(const char *s, size_t len, const char *prefix) {
    size_t n = strlen(prefix);
    return len >= n && memcmp(s, prefix, n) == 0;
}

static bool equals(const char *s, size_t len, const char *word) {
    return len == strlen(word) && memcmp(s, word, len) == 0;
}

/* Drop the last segment of OUT[0..*olen) and its preceding '/'. */
static void drop_last_segment(const char *out, size_t *olen) {
    while (*olen > 0 && out[*olen - 1] != '/')
        (*olen)--;
    if (*olen > 0)
        (*olen)--;
}

/* §5.2.4 remove_dot_segments of IN (LEN bytes) into OUT, which has room for
 * LEN bytes (the result is never longer); the result's length. */
static size_t remove_dot_segments(const char *in, size_t len, char *out) {
    size_t olen = 0;
    while (len > 0) {
        if (starts(in, len, "../")) { /* A */
            in += 3, len -= 3;
        } else if (starts(in, len, "./")) {
            in += 2, len -= 2;
        } else if (starts(in, len, "/./")) { /* B: "/./" becomes "/" */
            in += 2, len -= 2;
        } else if (equals(in, len, "/.")) {
            out[olen++] = '/';
            break;
        } else if (starts(in, len, "/../")) { /* C */
            in += 3, len -= 3;
            drop_last_segment(out, &olen);
        } else if (equals(in, len, "/..")) {
            drop_last_segment(out, &olen);
            out[olen++] = '/';
            break;
        } else if (equals(in, len, ".") || equals(in, len, "..")) { /* D */
            break;
        } else { /* E: the first segment, with its leading '/' if any */
            size_t n = in[0] == '/' ? 1 : 0;
            while (n < len && in[n] != '/')
                n++;
            memcpy(out + olen, in, n);
            olen += n;
            in += n, len -= n;
        }
    }
    return olen;
}

/* Append PATH (LEN bytes) to OUT with its dot segments removed. */
static void put_path(buf *out, const char *path, size_t len) {
    if (len == 0)
        return;
    char *clean = malloc(len);
    if (!clean) {
        out->failed = true;
        return;
    }
    buf_append(out, clean, remove_dot_segments(path, len, clean));
    free(clean);
}

/* §5.2.3 merge: the base path up to its last '/', then the reference's,
 * into the malloc'd *MERGED; false when out of memory. */
static bool merge(const uri_parts *base, const part *ref_path, char **merged, size_t *len) {
    size_t keep = 0;
    bool root = base->authority.defined && base->path.len == 0;
    if (!root)
        for (size_t i = 0; i < base->path.len; i++)
            if (base->path.s[i] == '/')
                keep = i + 1;
    size_t n = (root ? 1 : keep) + ref_path->len;
    char *m = malloc(n ? n : 1);
    if (!m)
        return false;
    if (root)
        m[0] = '/';
    else
        memcpy(m, base->path.s, keep);
    memcpy(m + (root ? 1 : keep), ref_path->s, ref_path->len);
    *merged = m;
    *len = n;
    return true;
}

bool url_resolve_into(buf *out, const char *base, const char *ref, size_t len) {
    if (!base || !url_has_scheme(base, strlen(base)))
        return false;
    uri_parts b, r;
    split(base, strlen(base), &b);
    split(ref, len, &r);
    /* §5.2.2: T's scheme, authority and query; its path as a (possibly
     * merged) string whose dot segments put_path removes. */
    part scheme = r.scheme.defined ? r.scheme : b.scheme;
    part authority = b.authority, query = r.query, path = r.path;
    char *merged = NULL;
    bool dots = true; /* the base's own path is taken as it is */
    if (r.scheme.defined) {
        authority = r.authority;
    } else if (r.authority.defined) {
        authority = r.authority;
    } else if (r.path.len == 0) {
        path = b.path;
        dots = false;
        if (!r.query.defined)
            query = b.query;
    } else if (r.path.s[0] != '/') {
        size_t mlen;
        if (!merge(&b, &r.path, &merged, &mlen)) {
            out->failed = true;
            return true;
        }
        path = (part){merged, mlen, true};
    }
    /* §5.3 recomposition */
    buf_append(out, scheme.s, scheme.len);
    buf_putc(out, ':');
    if (authority.defined) {
        buf_append(out, "//", 2);
        buf_append(out, authority.s, authority.len);
    }
    if (dots)
        put_path(out, path.s, path.len);
    else
        buf_append(out, path.s, path.len);
    free(merged);
    if (query.defined) {
        buf_putc(out, '?');
        buf_append(out, query.s, query.len);
    }
    if (r.fragment.defined) {
        buf_putc(out, '#');
        buf_append(out, r.fragment.s, r.fragment.len);
    }
    return true;
}
