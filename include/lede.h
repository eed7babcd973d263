/*
 * lede.h — the whole public contract of liblede.
 *
 * lede turns the bytes of a news or article web page into the article: a clean
 * body (plain text, Markdown or HTML) and its metadata. One call does all of
 * it:
 *
 *     lede_options opt;
 *     lede_options_init(&opt);
 *     lede_result *res = NULL;
 *     lede_status st = lede_extract(bytes, len, &opt, &res);
 *     if (st == LEDE_OK) puts(res->body);
 *     else fprintf(stderr, "%s\n", lede_strerror(st));
 *     lede_result_free(res);
 *
 * The library keeps no global mutable state: any number of threads may call
 * lede_extract() at once, each with its own options and result. The one-time
 * initialisation of the HTML parser happens behind pthread_once.
 *
 * Every string in a result is UTF-8, NUL-terminated and owned by the result;
 * a field the page does not carry is NULL.
 */
#ifndef LEDE_H
#define LEDE_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define LEDE_VERSION "0.1.0"

#if defined(__GNUC__)
#define LEDE_API __attribute__((visibility("default")))
#else
#define LEDE_API
#endif

typedef enum lede_status {
    LEDE_OK = 0,
    LEDE_ERR_INVALID_ARG, /* a NULL pointer or an option out of range */
    LEDE_ERR_NOMEM,       /* an allocation failed */
    LEDE_ERR_EMPTY,       /* the input has no bytes, or only whitespace */
    LEDE_ERR_TOO_LARGE,   /* the input is larger than options.max_input */
    LEDE_ERR_NOT_HTML,    /* the bytes are binary, not a markup document */
    LEDE_ERR_PARSE,       /* the HTML parser could not build a document */
    LEDE_ERR_NO_ARTICLE,  /* the page parsed, but carries no article text */
    LEDE_STATUS_COUNT
} lede_status;

/* What lede_result.body holds. */
typedef enum lede_format {
    LEDE_FORMAT_TEXT = 0, /* paragraphs separated by one blank line */
    LEDE_FORMAT_MARKDOWN, /* CommonMark with pipe tables */
    LEDE_FORMAT_HTML      /* the article subtree, semantic tags only */
} lede_format;

typedef struct lede_options {
    lede_format format;    /* format of result->body; result->text is always plain text */
    const char *url;       /* the page's own address if known, or NULL */
    const char *encoding;  /* a charset hint (HTTP header), or NULL to detect */
    size_t max_input;      /* bytes; larger inputs fail with LEDE_ERR_TOO_LARGE */
    unsigned max_depth;    /* deeper elements are attached at this depth */
} lede_options;

typedef struct lede_result {
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
} lede_result;

/* Fill OPT with the defaults: text body, no hints, the limits of limits.h. */
LEDE_API void lede_options_init(lede_options *opt);

/* Extract the article from LEN bytes of HTML. On LEDE_OK *RESULT is set and
 * must be released with lede_result_free(); on any other status *RESULT is
 * NULL. OPT may be NULL for the defaults. */
LEDE_API lede_status lede_extract(const char *html, size_t len, const lede_options *opt,
                         lede_result **result);

LEDE_API void lede_result_free(lede_result *result);

/* A sentence that names the cause of STATUS; never NULL. */
LEDE_API const char *lede_strerror(lede_status status);

#ifdef __cplusplus
}
#endif

#endif
