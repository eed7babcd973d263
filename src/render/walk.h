/*
 * walk.h — what the three renderers share: the one iterative walk over an
 * article and the small predicates every output format asks.
 *
 * The walk calls ENTER when it reaches an element or text node and LEAVE once
 * its subtree is done, in document order, over every root of the article. It
 * climbs back up through parent pointers instead of recursing, so a page
 * nested as deep as the tree allows costs no stack. Nodes flagged
 * NODE_REMOVED or NODE_HIDDEN and K_SKIP elements are neither entered nor
 * descended into: no renderer can forget to drop them.
 *
 * Figures are the one exception a renderer chooses: clean.c takes <figure>
 * and <figcaption> out of the article's text (captions describe pictures,
 * not the story, and the text output has no pictures), but a Markdown or
 * HTML reader sees the picture, so those renderers walk with FIGURES set
 * and get the removed figures flagged NODE_FIGURE back.
 */
#ifndef LEDE_RENDER_WALK_H
#define LEDE_RENDER_WALK_H

#include <stdbool.h>

#include "buf.h"
#include "extract/select.h"
#include "tree.h"

typedef struct walk_visitor {
    void (*enter)(void *ctx, const node *n);
    void (*leave)(void *ctx, const node *n);
    bool figures; /* show the figures clean.c took out (NODE_FIGURE) */
    /* Optional: called for each element stepped over (removed, hidden or
     * K_SKIP), the one way a renderer can show what a <math> or <script>
     * carries (a formula's TeX, NODE_TEX) or know what was left out. */
    void (*stepped_over)(void *ctx, const node *n);
} walk_visitor;

/* Whether N and its subtree are left out of a rendering that shows the
 * removed figures or not (FIGURES). */
bool walk_skips(const node *n, bool figures);

/* Visit the roots of ART in order, each subtree in document order. */
void walk_article(const article *art, const walk_visitor *v, void *ctx);

/* Visit the subtree of TOP alone, with the same skipping; for the few
 * look-aheads a renderer makes (a code block's longest backtick run). */
void walk_subtree(const node *top, const walk_visitor *v, void *ctx);

/* HTML whitespace: space, tab, newline, carriage return, form feed. */
static inline bool walk_is_space(unsigned char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
}

/* Whether the text node N is whitespace alone. */
bool walk_is_blank_text(const document *doc, const node *n);

/* Whether URL, as a browser reads it, runs script or carries a document of
 * its own (javascript:, vbscript:, data:): such links are never emitted. */
bool walk_url_is_script(const char *url);

/* URL (an href or src) as a body writes it: HTML whitespace trimmed, then
 * resolved against DOC's base URL when it has one (into SCRATCH, emptied
 * first; its failed flag tells a failed allocation). Returns the bytes and
 * sets *LEN to their count. */
const char *walk_link_target(const document *doc, const char *url, buf *scratch, size_t *len);

/* The heading level of T (1 for <h1> ... 6 for <h6>), or 0. */
int walk_heading_level(enum tag t);

#endif
