/*
 * decode/prescan.c — the HTML standard's "prescan a byte stream to
 * determine its encoding", reading the bytes in place (names and values are
 * spans, compared without case) rather than building strings.
 *
 * It finds the <meta charset> or <meta http-equiv=Content-Type> of step d
 * (choose.c); its reading of a content attribute's value also takes the
 * charset out of a whole Content-Type given as a hint.
 */
#include <stdint.h>
#include <string.h>

#include "decode/internal.h"

static bool is_alpha(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

typedef struct attribute {
    const unsigned char *name, *value;
    size_t name_len, value_len;
} attribute;

typedef enum attr_result { ATTR_FOUND, ATTR_NONE, ATTR_END } attr_result;

/* The value of an attribute, *POS just past its '='. ATTR_END when the
 * bytes run out first, where the standard aborts the whole prescan. */
static attr_result attr_value(const unsigned char *b, size_t end, size_t *pos, attribute *a) {
    size_t i = *pos;
    while (i < end && is_space(b[i]))
        i++;
    if (i >= end)
        return ATTR_END;
    if (b[i] == '"' || b[i] == '\'') {
        unsigned char quote = b[i++];
        size_t start = i;
        while (i < end && b[i] != quote)
            i++;
        if (i >= end)
            return ATTR_END;
        a->value = b + start;
        a->value_len = i - start;
        *pos = i + 1;
        return ATTR_FOUND;
    }
    size_t start = i;
    while (i < end && !is_space(b[i]) && b[i] != '>')
        i++;
    if (i >= end)
        return ATTR_END;
    a->value = b + start;
    a->value_len = i - start;
    *pos = i;
    return ATTR_FOUND;
}

/* The standard's "get an attribute" at *POS, moving *POS past it. */
static attr_result get_attribute(const unsigned char *b, size_t end, size_t *pos, attribute *a) {
    size_t i = *pos;
    while (i < end && (is_space(b[i]) || b[i] == '/'))
        i++;
    if (i >= end)
        return ATTR_END;
    if (b[i] == '>') {
        *pos = i;
        return ATTR_NONE;
    }
    /* The first byte belongs to the name whatever it is, even '='. */
    size_t start = i++;
    while (i < end && b[i] != '=' && !is_space(b[i]) && b[i] != '/' && b[i] != '>')
        i++;
    if (i >= end)
        return ATTR_END;
    a->name = b + start;
    a->name_len = i - start;
    a->value = b + i;
    a->value_len = 0;
    while (i < end && is_space(b[i]))
        i++;
    if (i >= end)
        return ATTR_END;
    *pos = i;
    if (b[i] != '=')
        return ATTR_FOUND; /* no value */
    *pos = i + 1;
    return attr_value(b, end, pos, a);
}

static size_t find_nocase(const unsigned char *s, size_t len, size_t from, const char *word) {
    size_t n = strlen(word);
    for (size_t i = from; n <= len && i <= len - n; i++)
        if (equal_nocase(s + i, n, word))
            return i;
    return SIZE_MAX;
}

/* The standard's "extracting a character encoding from a meta element":
 * the label after "charset=" in a content attribute's value V. */
bool charset_in_content(const unsigned char *v, size_t len, const unsigned char **label,
                        size_t *label_len) {
    size_t i = 0;
    for (;;) {
        size_t at = find_nocase(v, len, i, "charset");
        if (at == SIZE_MAX)
            return false;
        i = at + strlen("charset");
        while (i < len && is_space(v[i]))
            i++;
        if (i < len && v[i] == '=')
            break;
    }
    i++;
    while (i < len && is_space(v[i]))
        i++;
    if (i >= len)
        return false;
    size_t start = i;
    if (v[i] == '"' || v[i] == '\'') {
        unsigned char quote = v[i];
        for (start = ++i; i < len && v[i] != quote; i++)
            ;
        if (i >= len)
            return false; /* an unmatched quote */
    } else {
        while (i < len && !is_space(v[i]) && v[i] != ';')
            i++;
    }
    *label = v + start;
    *label_len = i - start;
    return true;
}

/* What a <meta> declares, once its attributes are read: which of charset,
 * content and http-equiv it had (the first of each counts) and what they
 * say. need_pragma is the standard's tri-state: unset, false, true. */
typedef struct meta_state {
    bool seen_charset, seen_content, seen_http_equiv;
    bool got_pragma;
    int need_pragma;  /* -1 unset */
    bool charset_set; /* the standard's "charset is not null": maybe unknown */
    const char *charset;
} meta_state;

static void meta_attribute(meta_state *m, const attribute *a) {
    if (equal_nocase(a->name, a->name_len, "http-equiv") && !m->seen_http_equiv) {
        m->seen_http_equiv = true;
        m->got_pragma = equal_nocase(a->value, a->value_len, "content-type");
    } else if (equal_nocase(a->name, a->name_len, "content") && !m->seen_content) {
        m->seen_content = true;
        const unsigned char *label;
        size_t len;
        const char *charset = NULL;
        if (!m->charset_set && charset_in_content(a->value, a->value_len, &label, &len))
            charset = charset_for_label(label, len);
        if (charset) {
            m->charset = charset;
            m->charset_set = true;
            m->need_pragma = 1;
        }
    } else if (equal_nocase(a->name, a->name_len, "charset") && !m->seen_charset) {
        m->seen_charset = true;
        m->charset = charset_for_label(a->value, a->value_len);
        m->charset_set = true;
        m->need_pragma = 0;
    }
}

/* The charset a <meta> at *POS (just after "<meta") declares, or NULL. */
static const char *meta_charset(const unsigned char *b, size_t end, size_t *pos, bool *abort) {
    meta_state m = {.need_pragma = -1};
    attribute a;
    attr_result r;
    while ((r = get_attribute(b, end, pos, &a)) == ATTR_FOUND)
        meta_attribute(&m, &a);
    *abort = r == ATTR_END;
    if (*abort || m.need_pragma == -1 || (m.need_pragma == 1 && !m.got_pragma))
        return NULL;
    return m.charset;
}

static bool starts_with_nocase(const unsigned char *b, size_t end, size_t i, const char *word) {
    size_t n = strlen(word);
    return end - i >= n && equal_nocase(b + i, n, word);
}

/* Position after the next '>' from I, or SIZE_MAX. For "<!--", the '>' of
 * the first "-->" that ends after the "<!--" ("<!-->" is a whole comment). */
static size_t skip_markup(const unsigned char *b, size_t end, size_t i) {
    if (starts_with_nocase(b, end, i, "<!--")) {
        for (size_t j = i + 2; j + 2 < end; j++)
            if (b[j] == '-' && b[j + 1] == '-' && b[j + 2] == '>')
                return j + 3;
        return SIZE_MAX;
    }
    for (size_t j = i + 1; j < end; j++)
        if (b[j] == '>')
            return j + 1;
    return SIZE_MAX;
}

/* Past a start or end tag at I, with its attributes, so that a '<' or a
 * "<meta" inside an attribute value is not taken for markup. */
static size_t skip_tag(const unsigned char *b, size_t end, size_t i) {
    size_t pos = i + 1;
    while (pos < end && !is_space(b[pos]) && b[pos] != '>')
        pos++;
    attribute a;
    attr_result r;
    while ((r = get_attribute(b, end, &pos, &a)) == ATTR_FOUND)
        ;
    return r == ATTR_END ? SIZE_MAX : pos + 1;
}

/* The charset declared by a meta in the first END bytes, or NULL. */
const char *meta_prescan(const unsigned char *b, size_t end) {
    size_t i = 0;
    while (i < end) {
        if (b[i] != '<' || i + 1 >= end) {
            i++;
            continue;
        }
        unsigned char next = b[i + 1];
        if (starts_with_nocase(b, end, i, "<meta") && end - i > 5 &&
            (is_space(b[i + 5]) || b[i + 5] == '/')) {
            size_t pos = i + 5;
            bool abort;
            const char *charset = meta_charset(b, end, &pos, &abort);
            if (charset || abort)
                return charset;
            i = pos + 1;
        } else if (starts_with_nocase(b, end, i, "<!--")) {
            i = skip_markup(b, end, i);
        } else if (is_alpha(next) || (next == '/' && i + 2 < end && is_alpha(b[i + 2]))) {
            i = skip_tag(b, end, i);
        } else if (next == '!' || next == '/' || next == '?') {
            i = skip_markup(b, end, i);
        } else {
            i++;
        }
        if (i == SIZE_MAX)
            return NULL; /* the markup runs past the bytes read */
    }
    return NULL;
}

