/*
 * score.h — how much each element looks like the container of the article.
 */
#ifndef LEDE_SCORE_H
#define LEDE_SCORE_H

#include "tree.h"

/* Give every paragraph-bearing element a score (node.score) and flag it
 * NODE_CANDIDATE. */
void score_document(document *doc);

#endif
