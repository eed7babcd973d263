/*
 * budget.h — the body rendered within the output bound (max_output), and
 * every other string of the result cut to it.
 */
#ifndef LEDE_RENDER_BUDGET_H
#define LEDE_RENDER_BUDGET_H

#include <stddef.h>

#include "lede.h"
#include "extract/select.h"
#include "tree.h"

/* RES->text and RES->body (FORMAT) of ART, each within MAX bytes: when the
 * rendering would be longer, ART is cut in DOC's tree (text runs shortened,
 * what follows flagged removed) and LEDE_TRUNCATED_OUTPUT set. */
lede_status render_within_budget(document *doc, const article *art, lede_format format,
                                 size_t max, lede_result *res);

/* Every other string of RES (metadata, tags, authors, comments) within MAX
 * bytes, cut at a character boundary; LEDE_TRUNCATED_OUTPUT when any was. */
void render_cut_fields(lede_result *res, size_t max);

#endif
