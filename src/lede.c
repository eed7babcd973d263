/*
 * lede.c — the pipeline behind include/lede.h. run_pass() reads as its
 * phases, each in a file of its own:
 *
 *   decode      bytes -> UTF-8 (decode/); once a page, in lede_extract()
 *   parse       UTF-8 -> the tree, with each subtree's text statistics (parse.c)
 *   vocabulary  what each element's class, id and role say (vocab.c)
 *   metadata    title, author, date, ... (metadata/), and the comments
 *   clean       remove what is never article (clean.c)
 *   score       Readability's points (score.c)
 *   select      the article among the candidates (select.c)
 *   trim        boilerplate left inside the choice (trim.c), then select's
 *               verdict on what remains: long enough, not a listing
 *   render      text, Markdown or HTML within max_output (render/)
 *   language    the text's language where the page declares none
 *               (metadata/language.c)
 *
 * Metadata is read before cleaning because trim needs the headline, the
 * byline and the description to recognise their copies in the body, and
 * the comments are found before cleaning removes them; metadata reads the
 * whole tree, so the order costs nothing.
 *
 * The second look (extract_cascade()): a strict pass can miss an article
 * that its rules cleaned away, or take a part of it. When the first choice
 * is short or missing, the page is parsed and extracted again with looser
 * rules, each pass only when the one before still falls short: recall's,
 * then the page's paragraphs, then those paragraphs with hidden text shown.
 * A looser result is kept only when clearly longer. Precision answers what
 * its strict rules find, or nothing.
 *
 * This file only checks the input, calls the phases in turn and owns the
 * result.
 */
#include "lede.h"

#include <stdlib.h>
#include <string.h>

#include "extract/clean.h"
#include "decode.h"
#include "buf.h"
#include "lede_limits.h"
#include "lexicon/lexicon.h"
#include "metadata/metadata.h"
#include "options.h"
#include "parse.h"
#include "render/budget.h"
#include "render/render.h"
#include "render/walk.h"
#include "result.h"
#include "extract/score.h"
#include "extract/select.h"
#include "extract/trim.h"
#include "extract/tuning.h"
#include "url.h"
#include "extract/vocab.h"

static const char *const status_messages[LEDE_STATUS_COUNT] = {
    [LEDE_OK] = "success",
    [LEDE_ERR_INVALID_ARG] = "invalid argument: a required pointer is NULL or an option is out of range",
    [LEDE_ERR_NOMEM] = "out of memory",
    [LEDE_ERR_EMPTY] = "empty input: the page has no content",
    [LEDE_ERR_TOO_LARGE] = "input too large: the page exceeds the maximum input size",
    [LEDE_ERR_NOT_HTML] = "not HTML: the input is binary data, not a web page",
    [LEDE_ERR_PARSE] = "parse error: the HTML parser could not read the page",
    [LEDE_ERR_NO_ARTICLE] = "no article found: the page is a listing or index, or carries no article text",
    [LEDE_ERR_IO] = "input/output error: a file could not be opened or read",
};

const char *lede_strerror(lede_status status) {
    if ((unsigned)status < LEDE_STATUS_COUNT && status_messages[status])
        return status_messages[status];
    return "unknown error";
}

void lede_preload(void) {
    vocab_preload();
    lexicon_preload();
    metadata_preload();
}

int lede_version(void) {
    return LEDE_VERSION_NUM;
}

static bool only_whitespace(const char *s, size_t len) {
    for (size_t i = 0; i < len; i++)
        if (!strchr(" \t\r\n\f\v", s[i]))
            return false;
    return true;
}

/* Binary data (images, archives, executables) has many control bytes in
 * its first kilobytes; text in any encoding has almost none. UTF-16 is the
 * exception: half its bytes are NUL, on one side of each pair; gzip input is
 * inflated by decode and checked there. */
static bool looks_binary(const unsigned char *s, size_t len) {
    size_t n = len < 4096 ? len : 4096, control = 0, nul_even = 0, nul_odd = 0;
    if (n >= 2 && s[0] == 0x1f && s[1] == 0x8b)
        return false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = s[i];
        if (c == 0 && i % 2)
            nul_odd++;
        else if (c == 0)
            nul_even++;
        else if (c < 0x09 || (c > 0x0d && c < 0x20 && c != 0x1b))
            control++;
    }
    bool utf16 = (nul_odd > n / 4 && nul_even < n / 64) || (nul_even > n / 4 && nul_odd < n / 64);
    if (utf16)
        return control * 10 > n;
    return (control + nul_even + nul_odd) * 10 > n;
}

/* The comments are found and rendered before cleaning, which removes them
 * (and, inside them, each comment by its name). */
static lede_status extract_comments(document *doc, lede_result *res) {
    node *section = clean_find_comments(doc);
    if (!section)
        return LEDE_OK;
    article comments = {.roots = &section, .count = 1};
    res->comments = render_text(doc, &comments);
    return res->comments ? LEDE_OK : LEDE_ERR_NOMEM;
}

/* The declared types that promise article text. */
static bool is_text_type(const char *type) {
    static const char *const text_types[] = {"article", "blog post", "live blog", "forum post",
                                             "social media post"};
    for (size_t i = 0; i < sizeof text_types / sizeof text_types[0]; i++)
        if (strcmp(type, text_types[i]) == 0)
            return true;
    return false;
}

/* A page without an article keeps its metadata, and its type says what it
 * is instead: a listing when select saw one (whatever og:type claimed),
 * else what the page declared (a video, a product) unless that promised
 * article text, else a page. */
static lede_status type_without_article(lede_result *res, bool listing) {
    const char *declared = res->type;
    if (!listing && declared && !is_text_type(declared))
        return LEDE_ERR_NO_ARTICLE;
    char *type = strdup(listing ? "listing" : "page");
    if (!type)
        return LEDE_ERR_NOMEM;
    free(res->type);
    res->type = type;
    res->sources.type = "visible";
    return LEDE_ERR_NO_ARTICLE;
}

/* The passes of the fallback cascade, strictest first. */
typedef enum pass_kind {
    PASS_FIRST,    /* the caller's focus */
    PASS_RECALL,   /* recall's rules: figures kept, less trimming, wider prose */
    PASS_BASELINE, /* the page's paragraphs outside page chrome (select.h), where
                      names only weigh (clean.h) */
    PASS_HIDDEN    /* the baseline over hidden text, <noscript> and <template>
                      too: a page whose article a script would show */
} pass_kind;

/* What one pass saw of the page besides its result. */
typedef struct pass_report {
    uint32_t page_prose; /* select_page_prose() before cleaning */
} pass_report;

/* HTML's document base URL: the first <base href> in tree order (as
 * browsers take it, wherever it stands), itself resolved against URL, else
 * URL; left NULL when neither gives an absolute address, so that the bodies
 * keep relative links rather than invent a host. */
static lede_status set_base_url(document *doc, const char *url) {
    const char *href = NULL;
    for (node *n = doc->root; n && !href; n = tree_next(doc->root, n, false))
        if (n->tag == TAG_BASE)
            href = node_attr(n, "href");
    if (url && !url_has_scheme(url, strlen(url)))
        url = NULL;
    doc->base_url = url;
    if (!href)
        return LEDE_OK;
    while (walk_is_space((unsigned char)*href))
        href++;
    size_t len = strlen(href);
    while (len > 0 && walk_is_space((unsigned char)href[len - 1]))
        len--;
    if (len == 0 || walk_url_is_script(href))
        return LEDE_OK;
    buf out;
    buf_init(&out);
    if (url_has_scheme(href, len))
        buf_append(&out, href, len);
    else if (!url_resolve_into(&out, url, href, len))
        return LEDE_OK; /* a relative <base> and no URL: nothing absolute */
    const char *base = out.failed ? NULL : arena_strdup(&doc->mem, out.data);
    buf_free(&out);
    if (!base)
        return LEDE_ERR_NOMEM;
    doc->base_url = base;
    return LEDE_OK;
}

/* The parse of one pass: the caller's bounds, hidden text read as shown in
 * the hidden pass, and the base URL the bodies' links resolve against. */
static lede_status parse_page(const char *utf8, size_t len, const lede_options *opt,
                              pass_kind kind, document *doc) {
    parse_limits limits = {.max_depth = opt->max_depth,
                           .max_nodes = opt->max_nodes,
                           .max_attrs = opt->max_attrs,
                           .max_attr_len = opt->max_attr_len,
                           .reveal_hidden = kind == PASS_HIDDEN};
    lede_status st = parse_html_limited(utf8, len, &limits, doc);
    return st == LEDE_OK ? set_base_url(doc, opt->url) : st;
}

/* The metadata fields, and the comments when asked for. */
static lede_status read_metadata(document *doc, const lede_options *opt, lede_result *res) {
    lede_status st = metadata_extract(doc, opt->url, res);
    if (st != LEDE_OK || !opt->comments)
        return st;
    return extract_comments(doc, res);
}

/* The bound on every string of the result. */
static size_t output_bound(const lede_options *opt) {
    return opt->max_output ? opt->max_output : LEDE_MAX_OUTPUT;
}

/* The parse of a pass and what the stages read of it unchanged: the
 * vocabulary of its class and id names. */
static lede_status parse_and_mark(const char *utf8, size_t len, const lede_options *opt,
                                  pass_kind kind, document *doc) {
    lede_status st = parse_page(utf8, len, opt, kind, doc);
    if (st == LEDE_OK)
        vocab_mark(doc);
    return st;
}

/* One pass of the pipeline over DOC (parsed for pass KIND) into RES; the
 * phases in their order (see the top of this file). */
static lede_status run_pass(document *doc, const lede_options *opt, pass_kind kind,
                            lede_result *res, pass_report *report) {
    lede_status st = read_metadata(doc, opt, res);
    if (st != LEDE_OK)
        return st;
    const lede_tuning *tuning = tuning_for_focus(opt->focus);
    if (report) /* the second look's measure, taken before cleaning */
        report->page_prose = select_page_prose(doc, tuning);
    bool baseline = kind == PASS_BASELINE || kind == PASS_HIDDEN;
    clean_document(doc, tuning, baseline ? PRUNE_TWO_SIGNS : PRUNE_BY_NAME);
    if (!baseline) /* the baseline takes the paragraphs as they stand */
        score_document(doc, tuning);
    article art = {0};
    selection *seen = NULL;
    st = baseline ? select_baseline(doc, tuning, &art, &seen)
                  : select_article(doc, tuning, &art, &seen);
    page_hints hints = {res->title, res->author, res->description, res->sitename, res->section};
    if (st == LEDE_OK)
        st = trim_article(doc, &hints, tuning, &art);
    if (st == LEDE_OK)
        st = select_verdict(doc, tuning, seen, &art);
    if (st == LEDE_ERR_NO_ARTICLE)
        return type_without_article(res, art.listing);
    if (st != LEDE_OK)
        return st;
    res->confidence = art.confidence;
    render_omit(doc, &art, opt->omit);
    st = render_within_budget(doc, &art, opt->format, output_bound(opt), res);
    if (st != LEDE_OK)
        return st;
    return metadata_detect_language(res->text, res);
}

/* One pass as KIND over DOC, parsed for it; *OUT is set on LEDE_OK and on
 * LEDE_ERR_NO_ARTICLE (then with the metadata only), and REPORT, when not
 * NULL, with what the pass saw of the page. The pass changes DOC. */
static lede_status extract_pass(document *doc, const lede_options *opt, pass_kind kind,
                                lede_result **out, pass_report *report) {
    lede_result *res = calloc(1, sizeof *res);
    if (!res)
        return LEDE_ERR_NOMEM;
    lede_options pass = *opt;
    if (kind == PASS_RECALL)
        pass.focus = LEDE_FOCUS_RECALL;
    lede_status st = run_pass(doc, &pass, kind, res, report);
    res->truncated |= doc->truncated;
    if (st != LEDE_OK && st != LEDE_ERR_NO_ARTICLE) {
        lede_result_free(res);
        return st;
    }
    render_cut_fields(res, output_bound(opt));
    *out = res;
    return st;
}

/* A choice this short, or none, is worth recall's pass... */
#define SECOND_LOOK_CHARS 500
/* ...and one this short, or with less than this share of the page's prose,
 * is worth the baseline... */
#define BASELINE_LOOK_CHARS 100
#define BASELINE_LOOK_PROSE_SHARE 0.1
/* ...and a looser result replaces it when this many times longer. */
#define LOOK_GAIN 1.5

/* Pages larger than this are not looked at twice: the second pass costs a
 * whole parse, and such pages (floods, generated dumps) are not articles
 * that a looser rule would find. Real article pages stay far below it. */
#define SECOND_LOOK_MAX_INPUT ((size_t)4 << 20)

/* Whether the result of a pass (status ST) is worth pass KIND. */
static bool needs_look(pass_kind kind, lede_status st, const lede_result *res,
                       uint32_t page_prose) {
    if (st == LEDE_ERR_NO_ARTICLE)
        return true;
    /* a page cut by a bound of the parse is cut the same in every pass */
    if (st != LEDE_OK || (res->truncated & ~(unsigned)LEDE_TRUNCATED_JSONLD))
        return false;
    size_t chars = strlen(res->text);
    if (kind == PASS_HIDDEN) /* hidden text is the answer only where nothing shows */
        return chars < BASELINE_LOOK_CHARS && page_prose < BASELINE_LOOK_CHARS;
    if (kind == PASS_RECALL)
        return chars < SECOND_LOOK_CHARS;
    return chars < BASELINE_LOOK_CHARS || chars < BASELINE_LOOK_PROSE_SHARE * page_prose;
}

/* The parse the cascade's passes read: the first pass's, saved as the
 * parse left it for recall's and the baseline's, which read the page as
 * it does (only the hidden pass reads it otherwise, and parses again). */
typedef struct cascade_parse {
    const char *utf8;
    size_t len;
    document doc;
    tree_saved saved;
} cascade_parse;

/* The document pass KIND reads: the first pass's, given back as parsed, or
 * for the hidden pass a parse of its own into *OWN. */
static lede_status document_for(cascade_parse *cp, const lede_options *opt, pass_kind kind,
                                document *own, document **doc) {
    if (kind != PASS_HIDDEN) {
        tree_restore(&cp->doc, &cp->saved);
        *doc = &cp->doc;
        return LEDE_OK;
    }
    *doc = own;
    return parse_and_mark(cp->utf8, cp->len, opt, kind, own);
}

/* Run pass KIND and keep its result when it finds an article where *RES
 * (status *ST) has none, or one LOOK_GAIN times longer. */
static lede_status try_pass(cascade_parse *cp, const lede_options *opt, pass_kind kind,
                            lede_status *st, lede_result **res) {
    document own = {0}, *doc = NULL;
    lede_result *next = NULL;
    lede_status got = document_for(cp, opt, kind, &own, &doc);
    if (got == LEDE_OK)
        got = extract_pass(doc, opt, kind, &next, NULL);
    document_free(&own);
    if (got == LEDE_ERR_NOMEM)
        return got;
    if (got == LEDE_OK &&
        (*st != LEDE_OK || strlen(next->text) >= LOOK_GAIN * strlen((*res)->text))) {
        lede_result_free(*res);
        *res = next;
        *st = LEDE_OK;
    } else if (got == LEDE_OK || got == LEDE_ERR_NO_ARTICLE) {
        lede_result_free(next);
    }
    return LEDE_OK;
}

/* The looser passes after the first (status *ST, result *RES), each when
 * the result so far needs it. */
static lede_status look_again(cascade_parse *cp, const lede_options *opt, uint32_t page_prose,
                              lede_status *st, lede_result **res) {
    static const pass_kind looser[] = {PASS_RECALL, PASS_BASELINE, PASS_HIDDEN};
    for (size_t i = 0; i < sizeof looser / sizeof looser[0]; i++) {
        if (looser[i] == PASS_RECALL && opt->focus == LEDE_FOCUS_RECALL)
            continue; /* the first pass was recall's */
        if (!needs_look(looser[i], *st, *res, page_prose))
            continue;
        if (try_pass(cp, opt, looser[i], st, res) == LEDE_ERR_NOMEM)
            return LEDE_ERR_NOMEM;
    }
    return LEDE_OK;
}

/* The fallback cascade of the best peers: when the first choice is short
 * or missing, extract again with recall's looser rules; when it is still
 * very short, missing, or far shorter than the page's prose, take the
 * page's paragraphs; when there are none, the paragraphs a script would
 * show (hidden, <noscript>, <template>). A looser result is kept only when
 * clearly longer. "No article" is left only for pages without prose
 * (teaser lists, app shells). */
static lede_status extract_cascade(const char *utf8, size_t len, const lede_options *opt,
                                   lede_result **res) {
    /* precision answers what its strict rules find, or nothing */
    bool cascade = opt->focus != LEDE_FOCUS_PRECISION && len <= SECOND_LOOK_MAX_INPUT;
    cascade_parse cp = {.utf8 = utf8, .len = len};
    lede_status st = parse_and_mark(utf8, len, opt, PASS_FIRST, &cp.doc);
    if (st == LEDE_OK && cascade && !tree_save(&cp.doc, &cp.saved))
        st = LEDE_ERR_NOMEM;
    pass_report report = {0};
    if (st == LEDE_OK)
        st = extract_pass(&cp.doc, opt, PASS_FIRST, res, cascade ? &report : NULL);
    if (cascade && (st == LEDE_OK || st == LEDE_ERR_NO_ARTICLE) &&
        look_again(&cp, opt, report.page_prose, &st, res) == LEDE_ERR_NOMEM) {
        lede_result_free(*res);
        *res = NULL;
        st = LEDE_ERR_NOMEM;
    }
    tree_saved_free(&cp.saved);
    document_free(&cp.doc);
    return st;
}

lede_status lede_extract(const char *html, size_t len, const lede_options *opt,
                         lede_result **result) {
    if (!result)
        return LEDE_ERR_INVALID_ARG;
    *result = NULL;
    lede_options resolved;
    lede_status checked = options_resolve(opt, &resolved);
    if (checked != LEDE_OK)
        return checked;
    opt = &resolved;
    if (!html && len)
        return LEDE_ERR_INVALID_ARG;
    if (len > opt->max_input)
        return LEDE_ERR_TOO_LARGE;
    if (len == 0 || only_whitespace(html, len))
        return LEDE_ERR_EMPTY;

    if (looks_binary((const unsigned char *)html, len))
        return LEDE_ERR_NOT_HTML;
    const char *utf8 = NULL;
    char *decoded = NULL;
    size_t utf8_len = 0;
    lede_status st = decode_page_view(html, len, opt, &utf8, &utf8_len, &decoded);
    if (st != LEDE_OK)
        return st;
    /* bytes that decoding changed: binary that was gzip-compressed? */
    if (decoded && looks_binary((const unsigned char *)utf8, utf8_len)) {
        free(decoded);
        return LEDE_ERR_NOT_HTML;
    }
    lede_result *res = NULL;
    st = extract_cascade(utf8, utf8_len, opt, &res);
    free(decoded);
    if (st == LEDE_OK || st == LEDE_ERR_NO_ARTICLE)
        *result = res;
    return st;
}
