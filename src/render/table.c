/*
 * table.c — the shape of a table for a pipe table; see table.h.
 */
#include "table.h"

#include "walk.h"

static bool is_cell(const node *n) {
    return n->tag == TAG_TD || n->tag == TAG_TH;
}

/* Where rows and implied rows may stand. */
static bool is_table_part(enum tag t) {
    return t == TAG_TABLE || t == TAG_THEAD || t == TAG_TBODY || t == TAG_TFOOT;
}

/* What a cell's single line cannot hold, or a page laid out in a table. */
static bool breaks_grid(enum tag t) {
    return t == TAG_TABLE || tag_is_heading(t) || t == TAG_BLOCKQUOTE || t == TAG_HR ||
           t == TAG_PRE;
}

static bool has_visible_text(const document *doc, const node *n) {
    const char *s = node_text(doc, n);
    for (uint32_t i = 0; i < n->text_len; i++)
        if (!walk_is_space((unsigned char)s[i]))
            return true;
    return false;
}

unsigned table_cell_span(const node *cell) {
    const char *span = node_attr(cell, "colspan");
    unsigned value = 0;
    for (; span && *span >= '0' && *span <= '9' && value <= TABLE_MAX_COLUMNS; span++)
        value = value * 10 + (unsigned)(*span - '0');
    if (value < 1)
        return 1;
    return value < TABLE_MAX_COLUMNS ? value : TABLE_MAX_COLUMNS;
}

/* The element sibling before (or after) N that the walk shows, or NULL. */
static const node *shown_sibling(const node *n, bool after) {
    for (const node *s = after ? n->next : n->prev; s; s = after ? s->next : s->prev)
        if (s->tag != TAG_TEXT && !walk_skips(s, true))
            return s;
    return NULL;
}

bool table_cell_opens_row(const node *cell) {
    if (cell->parent->tag == TAG_TR)
        return false;
    const node *prev = shown_sibling(cell, false);
    return !prev || !is_cell(prev);
}

bool table_cell_closes_row(const node *cell) {
    if (cell->parent->tag == TAG_TR)
        return false;
    const node *next = shown_sibling(cell, true);
    return !next || !is_cell(next);
}

unsigned table_pipe_columns(const document *doc, const node *table) {
    unsigned columns = 0, row_columns = 0;
    const node *row = NULL; /* the <tr> of the row being counted */
    bool skip = false;
    for (const node *n = table; (n = tree_next(table, n, skip)) != NULL;) {
        skip = walk_skips(n, true);
        if (skip)
            continue;
        enum tag t = (enum tag)n->tag;
        enum tag parent = (enum tag)n->parent->tag;
        if (is_cell(n)) {
            if (parent != TAG_TR && !is_table_part(parent))
                return 0; /* a cell loose in a cell or a division: no grid */
            if (parent == TAG_TR ? n->parent != row : table_cell_opens_row(n)) {
                row = parent == TAG_TR ? n->parent : NULL;
                row_columns = 0;
            }
            row_columns += table_cell_span(n);
            if (row_columns > columns)
                columns = row_columns;
            if (columns > TABLE_MAX_COLUMNS)
                return 0;
        } else if (t == TAG_TEXT) {
            if ((is_table_part(parent) || parent == TAG_TR) && has_visible_text(doc, n))
                return 0;
        } else if (breaks_grid(t) || (t == TAG_TR && !is_table_part(parent))) {
            return 0;
        }
    }
    return columns >= 2 ? columns : 0;
}
