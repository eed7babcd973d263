/*
 * code.c — blocks of code with and without <pre>; see code.h.
 */
#include "code.h"

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

bool code_is_block(code_cache *cache, const document *doc, const node *n) {
    if (n->tag == TAG_PRE)
        return true;
    if (n->tag == TAG_TEXT || (n->flags & NODE_IN_CODE)) /* inside one: its part */
        return false;
    if (n->tag == TAG_CODE) /* around a <pre>, a wrapper: the <pre> is the block */
        return !(n->flags & NODE_HAS_BLOCK) && stands_alone(cache, doc, n);
    return node_is_block(n) && names_language(n) && holds_text_alone(n);
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
        skip = walk_skips(k, true);
        if (skip)
            continue;
        if (k->tag == TAG_TEXT)
            scan_indent(&sc, node_text(doc, k), k->text_len);
        else if (k->tag == TAG_BR)
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
