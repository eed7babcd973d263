/*
 * result.h — what a lede_result holds, for the stages that fill it.
 *
 * include/lede.h keeps the structure opaque and hands its fields out
 * through lede_result_string() and its neighbours (result.c), so that a
 * field can be added here without breaking a program compiled against an
 * older header. Inside the library the stages write the members directly:
 * metadata fills the metadata and their sources, lede.c the body, text,
 * confidence and truncation bits.
 *
 * The author field is one fact with two views: author is the names
 * "; "-joined and authors the same names one by one, both made from the
 * one chosen value by metadata.c's decide().
 */
#ifndef LEDE_RESULT_H
#define LEDE_RESULT_H

#include "lede.h"

/* Where each metadata field was read from: NULL when the field is NULL,
 * else one of the static names lede.h lists under lede_result_source(). */
typedef struct result_sources {
    const char *title, *author, *date, *modified, *sitename, *description, *language, *url,
        *image, *section, *tags, *type;
} result_sources;

struct lede_result {
    char *body;        /* the article in options.format */
    char *text;        /* the article as plain text */
    char *title;       /* the headline */
    char *author;      /* one or several names, "; "-joined */
    char *date;        /* publication date, ISO 8601 */
    char *sitename;    /* the publisher */
    char *description; /* the page's summary of itself */
    char *language;    /* BCP 47 tag, e.g. "en" or "pt-BR" */
    char *url;         /* canonical address */
    char *image;       /* lead image address */
    char *section;     /* section or category */
    char **tags;       /* keywords; tag_count entries */
    size_t tag_count;
    double confidence; /* 0..1: how sure lede is that body is the article */
    char *comments;    /* reader comments as plain text (options.comments), or NULL */
    char **authors;    /* the people of author one by one; author_count entries */
    size_t author_count;
    char *modified;    /* last modification date, ISO 8601 */
    char *type;        /* what the page is: "article", "blog post", "video", ... */
    result_sources sources;
    unsigned truncated; /* 0, or the LEDE_TRUNCATED_* bits of the limits the page hit */
};

#endif
