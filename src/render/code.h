/*
 * code.h — which elements are blocks of code, and in which language, as a
 * renderer that sets them apart needs to know: Markdown's fenced blocks,
 * HTML's <pre><code>, alike.
 *
 * A <pre> is one. So is code that a page shows as a block without a <pre>:
 *
 * - a <code> standing alone where blocks go: the only thing in a <div>,
 *   <section>, <article>, <main>, <body> or <figure> besides blank text,
 *   blocks and other such <code>s. Highlighters that write "code.block"
 *   and style it white-space: pre (Lean's Verso), and a <code> styled so
 *   in place, are shown as listings. A <code> inside a paragraph, a list
 *   item or a cell has words or a bullet beside it and stays inline.
 * - an element that names its language (data-lang, data-language) and
 *   holds text alone, no elements: the listing as the page's highlighter
 *   receives it before a script colours it (Writerside's API samples).
 * - a table of numbered lines: every row a cell that says it numbers the
 *   line (data-line-number, a class naming line numbers) and one cell of
 *   code, as GitHub sets a permalink's lines. The numbers are no code (a
 *   <pre>'s gutter is taken out by clean.c; these cells by the renderer).
 *
 * These keep their text as a <pre> does, less the indentation of the
 * page's source that all their lines share (a <pre> is written as it
 * stands: its indentation is the code's). A block inside one (a table's
 * row or cell) starts a line.
 *
 * Blocks of code that follow each other with nothing between them, not a
 * word, are one listing: a page that splits a listing into pieces (a
 * command and its output, a fragment per definition) shows them as one
 * box, and two fences in a row would set apart what the page does not.
 */
#ifndef LEDE_RENDER_CODE_H
#define LEDE_RENDER_CODE_H

#include <stdbool.h>
#include <stddef.h>

#include "tree.h"

/* What was learnt of the last parent whose <code>s were asked about: a
 * page's <code>s are asked about one after another, and a parent of many
 * is looked over once, not once for each. Zeroed before the first use. */
typedef struct code_cache {
    const node *parent;
    bool alone; /* its <code>s stand alone */
} code_cache;

/* Whether N is a block of code: a <pre>, or code shown as one (above). */
bool code_is_block(code_cache *cache, const document *doc, const node *n);

/* Whether the block of code N is written as its text stands (a <pre>),
 * rather than less its shared indentation. */
static inline bool code_is_verbatim(const node *n) {
    return n->tag == TAG_PRE;
}

/* Whether N is a cell numbering a line of a table of numbered lines. */
bool code_is_line_number(const node *n);

/* Whether the text node N is between a table's parts (a row and its
 * cells), where browsers show no whitespace: none of a listing's code. */
bool code_text_between_cells(const node *n);

/* The indentation all lines of N's text with content share, in whitespace
 * characters; a line starts at N's start, after a newline, at a <br> or a
 * block. */
size_t code_shared_indent(const document *doc, const node *n);

/* The block of code that continues the listing N ends: its next sibling
 * past blank text and nodes no renderer shows, when that is a block of
 * code; else NULL. */
const node *code_continuation(code_cache *cache, const document *doc, const node *n);

/* The language the block of code N is written in, into OUT (SIZE bytes,
 * NUL-terminated): the one N or its <code> names, else one its wrappers
 * name (a highlighter's <div> or <figure> around the block alone), else
 * its toolbar's label; as far as it is a plain word. Its length, 0 when
 * none is named. */
size_t code_language(const document *doc, const node *n, char *out, size_t size);

#endif
