/*
 * render.h — the chosen article as text, Markdown or HTML.
 *
 * Each renderer walks the article's subtrees once, iteratively, skipping
 * nodes flagged NODE_REMOVED or NODE_HIDDEN and the K_SKIP elements (but
 * Markdown and HTML show the figures flagged NODE_FIGURE, see walk.h), and
 * returns a malloc'd NUL-terminated string (NULL when out of memory).
 */
#ifndef LEDE_RENDER_H
#define LEDE_RENDER_H

#include "extract/select.h"
#include "tree.h"

/* Leave out of every rendering of ART what OMIT (LEDE_OMIT_* bits) names:
 * tables and pictures are flagged removed (figures are not shown back),
 * and links are read as their text by the renderers through DOC->omit. */
void render_omit(document *doc, const article *art, unsigned omit);

/* Paragraphs (blocks: p, headings, list items, quotes, table rows, ...)
 * separated by one blank line; whitespace collapsed; no leading or trailing
 * blank line. */
char *render_text(const document *doc, const article *art);

/* CommonMark: #-headings, - and 1. lists, **strong**, *em*, [links](href),
 * > quotes, fenced code, pipe tables. */
char *render_markdown(const document *doc, const article *art);

/* <article> holding the subtrees with only semantic tags and the attributes
 * href, src and alt; text escaped. */
char *render_html(const document *doc, const article *art);

#endif
