/*
 * clean.h — drop what is never article text before scoring.
 */
#ifndef LEDE_CLEAN_H
#define LEDE_CLEAN_H

#include "tree.h"
#include "tuning.h"

/* How much a class/id name alone may remove before the article is found. */
typedef enum clean_pruning {
    PRUNE_BY_NAME,  /* boilerplate names remove (the first pass) */
    PRUNE_TWO_SIGNS /* names only weigh in scoring; removal takes two signs that
                       agree (tag and name, tag and role), a role or hiding */
} clean_pruning;

/* Flag NODE_REMOVED on the subtrees that are boilerplate by their element or
 * their class/id vocabulary (navigation, headers and footers, share bars,
 * comments, ads, related links, newsletter boxes, hidden elements), by
 * TUNING's thresholds, and take their text out of their ancestors' sums. */
void clean_document(document *doc, const lede_tuning *tuning, clean_pruning pruning);

/* The reader comments section: the outermost element named as comments that
 * holds the most text, or NULL. Reads the tree before cleaning, and flags
 * the section's reply form (its <form>, labels and the elements named as
 * one: "Leave a Reply", "Email *") NODE_REMOVED, so that a rendering of the
 * section holds the comments alone. */
node *clean_find_comments(const document *doc);

#endif
