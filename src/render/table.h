/*
 * table.h — the shape of an HTML table, as a Markdown pipe table needs it.
 *
 * A pipe table is a grid: a header line, then one line per row, every line
 * with the same number of cells and every cell one line of inline content.
 * HTML tables are looser: rows left implied (cells straight inside <table>
 * or <thead>, as hand-written pages have them), rows of uneven length,
 * cells spanning columns, paragraphs and lists inside cells. markdown.c
 * asks here, once before writing a table, whether it fits a grid and how
 * wide the grid is; rows shorter than that are padded with empty cells.
 *
 * The rule: a table is a pipe table when it is at least two and at most
 * TABLE_MAX_COLUMNS columns wide, has no text outside its cells and holds
 * no nested table, heading, block quote, rule or <pre>: those are a page
 * laid out in a table, or content a cell's one line cannot carry, and the
 * table is written as the paragraphs it holds. Other blocks in a cell
 * (paragraphs, lists, divisions, line breaks) are flattened into its line.
 *
 * A row is a <tr>, or a run of cells directly inside the table or one of
 * its sections (an implied row). The look-ahead stops at the first nested
 * table, and a pipe table holds none, so the look-aheads of a page's tables
 * cover disjoint parts of it: the whole stays linear in the page's size.
 */
#ifndef LEDE_RENDER_TABLE_H
#define LEDE_RENDER_TABLE_H

#include <stdbool.h>

#include "tree.h"

/* Wider tables are written as paragraphs: every row is padded to the
 * widest, so a hostile table of one wide row and many short ones would
 * grow with their product. Data tables a reader reads are narrower. */
#define TABLE_MAX_COLUMNS 40

/* The columns of TABLE as a pipe table, or 0 when it is not one. Nodes the
 * Markdown walk skips are not looked at. */
unsigned table_pipe_columns(const document *doc, const node *table);

/* The columns CELL spans: its colspan, at least 1 and at most
 * TABLE_MAX_COLUMNS. */
unsigned table_cell_span(const node *cell);

/* Whether CELL, outside any <tr>, opens (is the first cell of) or closes
 * (is the last cell of) an implied row. */
bool table_cell_opens_row(const node *cell);
bool table_cell_closes_row(const node *cell);

#endif
