/*
 * trim.h — remove what is left of boilerplate inside the chosen article.
 */
#ifndef LEDE_TRIM_H
#define LEDE_TRIM_H

#include "select.h"
#include "tuning.h"

/* What trim knows of the page besides its tree, to drop the copies of the
 * headline, the byline and teasers from the body. Any may be NULL. */
typedef struct page_hints {
    const char *title;
    const char *author;
    const char *description;
    const char *sitename;
    const char *section;
} page_hints;

/* Inside ART's subtrees, flag NODE_REMOVED on link lists, galleries, forms
 * and embeds that read as boilerplate, and on copies of the headline, the
 * byline, teasers cut off with an ellipsis and player or ad labels, by
 * TUNING's thresholds. */
lede_status trim_article(document *doc, const page_hints *hints, const lede_tuning *tuning,
                         article *art);

#endif
