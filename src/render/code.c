/*
 * code.c — blocks of code with and without <pre>; see code.h.
 */
#include "code.h"

#include <stdint.h>
#include <string.h>

#include "ascii.h"
#include "extract/vocab.h"
#include "walk.h"

/* Where blocks go and a <code> alone is a listing; paragraphs, items,
 * cells and headings give their <code>s words or a marker to sit beside. */
static bool holds_blocks(enum tag t) {
    return t == TAG_DIV || t == TAG_SECTION || t == TAG_ARTICLE || t == TAG_MAIN ||
           t == TAG_BODY || t == TAG_FIGURE;
}

/* Whether the <code>s in PARENT stand alone: no words, no other inline
 * element beside them. */
static bool code_stands_alone_in(const document *doc, const node *parent) {
    if (!holds_blocks((enum tag)parent->tag))
        return false;
    for (const node *s = parent->first_child; s; s = s->next) {
        if (walk_skips(s, true))
            continue;
        if (s->tag == TAG_TEXT ? !walk_is_blank_text(doc, s)
                               : !node_is_block(s) && s->tag != TAG_CODE && s->tag != TAG_BR)
            return false;
    }
    return true;
}

static bool stands_alone(code_cache *cache, const document *doc, const node *code) {
    if (!code->parent)
        return false;
    if (cache->parent != code->parent) {
        cache->parent = code->parent;
        cache->alone = code_stands_alone_in(doc, code->parent);
    }
    return cache->alone;
}

static bool names_language(const node *n) {
    return node_attr(n, "data-lang") || node_attr(n, "data-language");
}

static bool holds_text_alone(const node *n) {
    if (!n->first_child)
        return false;
    for (const node *c = n->first_child; c; c = c->next)
        if (c->tag != TAG_TEXT)
            return false;
    return true;
}

bool code_is_line_number(const node *n) {
    return (n->tag == TAG_TD || n->tag == TAG_TH) &&
           (node_attr(n, "data-line-number") || vocab_names_line_number(n));
}

/* Whether the row TR is cells numbering its line and one cell of code
 * without blocks in it. */
static bool is_numbered_line(const document *doc, const node *tr) {
    unsigned numbers = 0, lines = 0;
    for (const node *c = tr->first_child; c; c = c->next) {
        if (walk_skips(c, true) || (c->tag == TAG_TEXT && walk_is_blank_text(doc, c)))
            continue;
        if (c->tag != TAG_TD && c->tag != TAG_TH)
            return false;
        if (code_is_line_number(c))
            numbers++;
        else if ((c->flags & NODE_HAS_BLOCK) || ++lines > 1)
            return false;
    }
    return numbers > 0 && lines == 1;
}

/* Whether TABLE's rows (in it or its sections) are all numbered lines. */
static bool is_numbered_listing(const document *doc, const node *table) {
    unsigned rows = 0;
    bool skip = false;
    for (const node *k = table; (k = tree_next(table, k, skip)) != NULL;) {
        skip = true;
        if (walk_skips(k, true) || (k->tag == TAG_TEXT && walk_is_blank_text(doc, k)))
            continue;
        if (k->tag == TAG_TBODY || k->tag == TAG_THEAD || k->tag == TAG_TFOOT) {
            skip = false;
            continue;
        }
        if (k->tag != TAG_TR || !is_numbered_line(doc, k))
            return false;
        rows++;
    }
    return rows > 0;
}

bool code_is_block(code_cache *cache, const document *doc, const node *n) {
    if (n->tag == TAG_PRE)
        return true;
    if (n->tag == TAG_TEXT || (n->flags & NODE_IN_CODE)) /* inside one: its part */
        return false;
    if (n->tag == TAG_CODE) /* around a <pre>, a wrapper: the <pre> is the block */
        return !(n->flags & NODE_HAS_BLOCK) && stands_alone(cache, doc, n);
    if (n->tag == TAG_TABLE)
        return is_numbered_listing(doc, n);
    return node_is_block(n) && names_language(n) && holds_text_alone(n);
}

bool code_text_between_cells(const node *n) {
    enum tag parent = n->parent ? (enum tag)n->parent->tag : TAG_TEXT;
    return parent == TAG_TABLE || parent == TAG_TBODY || parent == TAG_THEAD ||
           parent == TAG_TFOOT || parent == TAG_TR;
}

/* The shared indentation, a line at a time: SEEN is whether a line with
 * content was met, INDENT the least indentation of those. */
typedef struct indent_scan {
    bool line_start, seen;
    size_t column, least;
} indent_scan;

static void scan_indent(indent_scan *sc, const char *s, size_t len) {
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '\n') {
            sc->line_start = true;
            sc->column = 0;
        } else if (sc->line_start && walk_is_space((unsigned char)s[i])) {
            sc->column++;
        } else if (sc->line_start) {
            sc->line_start = false;
            if (!sc->seen || sc->column < sc->least)
                sc->least = sc->column;
            sc->seen = true;
        }
    }
}

size_t code_shared_indent(const document *doc, const node *n) {
    indent_scan sc = {.line_start = true};
    bool skip = false;
    for (const node *k = n; (k = tree_next(n, k, skip)) != NULL;) {
        skip = walk_skips(k, true) || code_is_line_number(k);
        if (skip)
            continue;
        if (k->tag == TAG_TEXT && !code_text_between_cells(k))
            scan_indent(&sc, node_text(doc, k), k->text_len);
        else if (k->tag == TAG_BR || node_is_block(k))
            scan_indent(&sc, "\n", 1);
    }
    return sc.seen ? sc.least : 0;
}

const node *code_continuation(code_cache *cache, const document *doc, const node *n) {
    for (const node *s = n->next; s; s = s->next) {
        if (walk_skips(s, true) || (s->tag == TAG_TEXT && walk_is_blank_text(doc, s)))
            continue;
        return code_is_block(cache, doc, s) ? s : NULL;
    }
    return NULL;
}

/* How much more text than the code a wrapper of a code block may hold and
 * still be the block's own: a file name, a "Copy" label, and a gutter of
 * line numbers, a few characters a line (the share of the code's length).
 * More is a section of the page, whose classes say nothing of the code.
 * The levels reach past the table that sets a gutter beside the code (td,
 * tr, tbody, table), a <code> around it and a highlighter's two <div>s or
 * its <figure>. */
enum { CODE_WRAPPER_SLACK = 40, CODE_WRAPPER_GUTTER_SHARE = 4, CODE_WRAPPER_LEVELS = 8 };

/* Room for a code toolbar's label (clean.c keeps them to 40 characters). */
enum { CODE_LABEL_CAP = 48 };

/* Whether C may be part of a language name ("c++", "objective-c", "c#"). */
static bool language_char(unsigned char c) {
    bool alnum = (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
    return alnum || c == '+' || c == '#' || c == '-' || c == '_';
}

/* The plain word at S into OUT (SIZE bytes, NUL-terminated); its length,
 * 0 when S does not start one. */
static size_t language_word(const char *s, char *out, size_t size) {
    size_t len = 0;
    while (s && len + 1 < size && language_char((unsigned char)s[len]))
        len++;
    if (s && language_char((unsigned char)s[len]))
        return 0; /* longer than any language's name */
    if (len)
        memcpy(out, s, len);
    out[len] = '\0';
    return len;
}

/* The class at AT (a whitespace-separated list): its length, with *AT
 * moved past the whitespace before it. */
static size_t class_token(const char **at) {
    while (walk_is_space((unsigned char)**at))
        (*at)++;
    size_t len = 0;
    while ((*at)[len] && !walk_is_space((unsigned char)(*at)[len]))
        len++;
    return len;
}

/* The language a class list CLS names: a "language-x" or "lang-x" class,
 * GitHub's "highlight-source-x", else the class after Hexo's "highlight"
 * when it ends the list ("highlight sh"; in "highlight tab-size mb-0" the
 * classes after it are of layout). */
static size_t class_language(const char *cls, char *out, size_t size) {
    static const char *const prefixes[] = {"language-", "lang-", "highlight-source-"};
    const char *at = cls;
    for (size_t len; (len = class_token(&at)) > 0; at += len)
        for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
            size_t pl = strlen(prefixes[i]);
            if (len > pl && strncmp(at, prefixes[i], pl) == 0)
                return language_word(at + pl, out, size);
        }
    at = cls;
    for (size_t len; (len = class_token(&at)) > 0; at += len)
        if (len == 9 && strncmp(at, "highlight", 9) == 0) {
            at += len;
            len = class_token(&at);
            const char *after = at + len;
            bool last = class_token(&after) == 0;
            return len && last && strncmp(at, "notranslate", len) != 0
                       ? language_word(at, out, size)
                       : 0;
        }
    return 0;
}

/* The language N itself names: a data-language, data-lang or language
 * attribute (rehype-pretty-code, Hugo's Chroma, Mintlify), else its class. */
static size_t node_language(const node *n, char *out, size_t size) {
    static const char *const attrs[] = {"data-language", "data-lang", "language"};
    for (size_t i = 0; i < sizeof attrs / sizeof attrs[0]; i++) {
        size_t len = language_word(node_attr(n, attrs[i]), out, size);
        if (len)
            return len;
    }
    return n->cls ? class_language(n->cls, out, size) : 0;
}

/* The <code> a <pre> is written in: its first element child, when that is
 * one. */
static const node *pre_code(const node *pre) {
    for (const node *c = pre->first_child; c; c = c->next)
        if (c->tag != TAG_TEXT)
            return c->tag == TAG_CODE ? c : NULL;
    return NULL;
}

/* The label of the toolbar clean.c took out of PRE (NODE_CODE_TOOLBAR),
 * when it is one plain word: the language's name ("Python"), lower-cased
 * as info strings are written. A file's name ("main.py") is no language. */
static size_t toolbar_language(const document *doc, const node *pre, char *out, size_t size) {
    const node *bar = pre;
    while ((bar = tree_next(pre, bar, false)) != NULL && !(bar->flags & NODE_CODE_TOOLBAR))
        ;
    if (!bar)
        return 0;
    char label[CODE_LABEL_CAP];
    size_t len = 0;
    bool skip = false, ended = false; /* ENDED: a space after the word */
    for (const node *k = bar; (k = tree_next(bar, k, skip)) != NULL;) {
        skip = (k->flags & NODE_HIDDEN) ||
               (k->tag != TAG_TEXT && tag_kind((enum tag)k->tag) == K_SKIP);
        const char *s = k->tag == TAG_TEXT && !skip ? node_text(doc, k) : NULL;
        for (uint32_t i = 0; s && i < k->text_len; i++) {
            if (walk_is_space((unsigned char)s[i])) {
                ended = len > 0;
                continue;
            }
            if (ended || len + 1 >= sizeof label)
                return 0; /* two words, or more than a label */
            label[len++] = s[i];
        }
    }
    label[len] = '\0';
    if (!len || language_word(label, out, size) != len)
        return 0;
    for (size_t i = 0; i < len; i++)
        out[i] = ascii_lower(out[i]);
    return len;
}

size_t code_language(const document *doc, const node *pre, char *out, size_t size) {
    const node *code = pre_code(pre);
    size_t len = node_language(pre, out, size);
    if (!len && code)
        len = node_language(code, out, size);
    const node *wrapper = pre->parent;
    for (unsigned level = 0; !len && wrapper && level < CODE_WRAPPER_LEVELS; level++) {
        if (wrapper->text_chars >
            pre->text_chars + CODE_WRAPPER_SLACK + pre->text_chars / CODE_WRAPPER_GUTTER_SHARE)
            break;
        len = node_language(wrapper, out, size);
        wrapper = wrapper->parent;
    }
    return len ? len : toolbar_language(doc, pre, out, size);
}
