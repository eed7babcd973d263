/*
 * code.c — blocks of code with and without <pre>; see code.h.
 */
#include "code.h"

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
