/*
 * score.h — how much each element looks like the container of the article.
 */
#ifndef LEDE_SCORE_H
#define LEDE_SCORE_H

#include "tree.h"
#include "tuning.h"

/* Give every paragraph-bearing element a score (node.score) and flag it
 * NODE_CANDIDATE, by TUNING's weights. */
void score_document(document *doc, const lede_tuning *tuning);

#endif
