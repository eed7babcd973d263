/*
 * select.h — choose the article among the scored candidates.
 */
#ifndef LEDE_SELECT_H
#define LEDE_SELECT_H

#include <stdbool.h>
#include <stddef.h>

#include "lede.h"
#include "tree.h"
#include "tuning.h"

/* The article: subtrees of the document, in document order. Nodes inside
 * them flagged NODE_REMOVED are not part of it. */
typedef struct article {
    node **roots;
    size_t count;
    double confidence; /* 0..1, see select.c */
    bool listing;      /* no article because the page is a list of stories */
} article;

/* The text ART shows, summed over its parts. */
static inline uint32_t article_chars(const article *art) {
    uint32_t chars = 0;
    for (size_t i = 0; i < art->count; i++)
        if (!(art->roots[i]->flags & NODE_REMOVED))
            chars += art->roots[i]->text_chars;
    return chars;
}

/* What select_article or select_baseline saw besides its choice, for
 * select_verdict; in DOC's arena. */
typedef struct selection selection;

/* Pick the article of DOC (cleaned and scored) by TUNING's thresholds into
 * OUT, to be trimmed (trim.h) and then judged by select_verdict with *SEEN.
 * LEDE_ERR_NOMEM on failure. */
lede_status select_article(document *doc, const lede_tuning *tuning, article *out,
                           selection **seen);

/* Whether OUT, the choice SEEN was made for, trimmed, is an article by
 * TUNING's thresholds: LEDE_ERR_NO_ARTICLE when too little is left of it
 * or it is a listing (OUT->listing), else LEDE_OK with OUT->confidence set. */
lede_status select_verdict(const document *doc, const lede_tuning *tuning, const selection *seen,
                           article *out);

/* The prose of DOC's paragraphs outside page chrome, in characters without
 * link text: how much article text the page can give at most. */
uint32_t select_page_prose(document *doc, const lede_tuning *tuning);

/* The paragraph-level baseline: DOC's paragraphs outside page chrome, in
 * document order, into OUT, to be trimmed and judged like an article.
 * LEDE_ERR_NO_ARTICLE when the page has no prose. */
lede_status select_baseline(document *doc, const lede_tuning *tuning, article *out,
                            selection **seen);

#endif
