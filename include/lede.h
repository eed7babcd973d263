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

/* What to favour when the page leaves a choice (trafilatura's switches). */
typedef enum lede_focus {
    LEDE_FOCUS_BALANCED = 0,
    LEDE_FOCUS_PRECISION, /* leave out anything doubtful: less noise, maybe less text */
    LEDE_FOCUS_RECALL     /* keep anything plausible: all the text, maybe some noise */
} lede_focus;

typedef struct lede_options {
    lede_format format;    /* format of result->body; result->text is always plain text */
    const char *url;       /* the page's own address if known, or NULL */
    const char *encoding;  /* a charset hint (HTTP header), or NULL to detect */
    size_t max_input;      /* bytes; larger inputs fail with LEDE_ERR_TOO_LARGE, and so
                              do gzip'ed ones that inflate to more */
    unsigned max_depth;    /* deeper elements are flattened into the one at this depth */
    lede_focus focus;      /* precision or recall, balanced by default */
    int comments;          /* nonzero: put the reader comments in result->comments */
    /* Limits (src/lede_limits.h says why each default is what it is; 0 means
     * the default). Going over one sets a LEDE_TRUNCATED_* bit in
     * result->truncated and keeps what fits. */
    size_t max_nodes;      /* elements and text runs; parsing stops there */
    unsigned max_attrs;    /* attributes per element; later ones are dropped */
    size_t max_attr_len;   /* bytes of an attribute value; longer ones are cut */
    size_t max_output;     /* bytes of any result string; body and text are cut */
    /* Nonzero: encoding is a transport's label (an HTTP Content-Type, a
     * WARC record's) rather than the user's choice. A Latin default there
     * (iso-8859-1, windows-1252, us-ascii) then yields to bytes that are
     * plainly UTF-8; a user's encoding always wins. */
    int encoding_from_transport;
} lede_options;

/* Bits of lede_result.truncated: which limit cut the page. */
enum {
    LEDE_TRUNCATED_NODES = 1u << 0,   /* more than max_nodes: the rest was not read */
    LEDE_TRUNCATED_OUTPUT = 1u << 1,  /* a string of the result was cut at max_output */
    LEDE_TRUNCATED_DEPTH = 1u << 2,   /* nested deeper than max_depth: flattened, text kept */
    LEDE_TRUNCATED_ATTRS = 1u << 3,   /* attributes over max_attrs dropped or over
                                         max_attr_len cut */
    LEDE_TRUNCATED_REPAIRS = 1u << 4, /* so much broken markup that repairing it would
                                         take minutes: the rest was not read */
    LEDE_TRUNCATED_JSONLD = 1u << 5   /* a JSON-LD block over 16 MB, or past the 16th,
                                         was not read: its metadata may be missing */
};

/* Where each metadata field of a result was read from, for callers that
 * weigh fields by their provenance. Each member is NULL when its field is
 * NULL, else one of these static strings (never freed):
 *   "json-ld"    schema.org JSON-LD        "og"        OpenGraph, article:*
 *   "microdata"  itemprop                  "dc"        Dublin Core
 *   "meta"       <meta name>, http-equiv   "twitter"   twitter:*
 *   "vendor"     parsely-*, sailthru.*, citation_*
 *   "link"       <link rel=...>            "title"     the <title> element
 *   "html"       <html lang>               "visible"   headline, byline, <time>,
 *                                                      a date line in the text
 *   "url"        the page's address        "detected"  guessed from the text */
typedef struct lede_sources {
    const char *title, *author, *date, *modified, *sitename, *description, *language, *url,
        *image, *section, *tags, *type;
} lede_sources;

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
    double confidence; /* 0..1: how sure lede is that body is the article */
    char *comments;    /* reader comments as plain text (options.comments), or NULL */
    char **authors;      /* the people of author one by one; author_count entries */
    size_t author_count;
    char *modified;      /* last modification date, ISO 8601 */
    char *type;          /* what the page is: "article", "blog post", "video", ... */
    lede_sources sources; /* where each metadata field was read from */
    unsigned truncated;  /* 0, or the LEDE_TRUNCATED_* bits of the limits the page hit */
} lede_result;

/* Fill OPT with the defaults: text body, no hints, the limits of limits.h. */
LEDE_API void lede_options_init(lede_options *opt);

/* Extract the article from LEN bytes of HTML. On LEDE_OK *RESULT is set and
 * must be released with lede_result_free(). On LEDE_ERR_NO_ARTICLE it is set
 * too, and must be released as well: the page's metadata (title, site name,
 * type "listing" for an index page, or "page"), with body and text NULL and
 * confidence 0. On any other status *RESULT is NULL. OPT may be NULL for the
 * defaults. */
LEDE_API lede_status lede_extract(const char *html, size_t len, const lede_options *opt,
                         lede_result **result);

LEDE_API void lede_result_free(lede_result *result);

/* Optional. lede loads some data on first use, once per process: the
 * language profiles (libexttextcat, some tens of milliseconds) when a page
 * declares no language, and its vocabulary index. This loads both now, so
 * that a batch on several threads can load them on a thread of its own
 * while the first pages are extracted, rather than having every thread
 * wait for the one that loads. Thread-safe; later calls do nothing. */
LEDE_API void lede_preload(void);

/* Nonzero when lede can decode the encoding LABEL names (a WHATWG label
 * such as "utf-8", "latin1" or "shift_jis", a charset iconv knows, or a
 * Content-Type value with a charset= parameter naming one); for callers
 * that check a user's lede_options.encoding before a batch, since
 * lede_extract() itself falls back to detection on a label it cannot use. */
LEDE_API int lede_encoding_known(const char *label);

/* A sentence that names the cause of STATUS; never NULL. */
LEDE_API const char *lede_strerror(lede_status status);

#ifdef __cplusplus
}
#endif

#endif
