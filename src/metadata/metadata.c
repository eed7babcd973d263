/*
 * metadata.c — what the page says about itself, collected in one walk and
 * decided afterwards.
 *
 * A page declares its title, author and date several times over: JSON-LD,
 * OpenGraph, Dublin Core, plain <meta name>, vendor tags (Parse.ly,
 * Sailthru, Highwire citation_*), microdata, and what a reader sees (the
 * <h1>, the byline, <time>). They disagree often enough — a <title> with the
 * site name appended, an og:title shortened for sharing, an author tag that
 * holds the site's name or a profile URL — that no fixed order of sources
 * is right for every field. So the walk (collect_*) only stores every value
 * in a slot per field and kind of source (internal.h), and the decision
 * (choose_*) then reads the slots: in a per-field order of trust for most
 * fields, skipping values that do not survive cleaning (a URL as author, a
 * date that is no date), and by agreement between sources for the title.
 */
#include "metadata.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "internal.h"

/* --- storing candidates --- */

const char *cand_clean(meta_candidates *c, const char *value, size_t len, bool decode) {
    return meta_clean(&c->mem, value, len, decode, &c->failed);
}

void cand_set(meta_candidates *c, enum meta_field f, enum meta_source s, const char *value,
              size_t len, bool from_property) {
    if (!value || (c->value[f][s] && (c->from_property[f][s] || !from_property)))
        return;
    const char *v = cand_clean(c, value, len, true);
    if (!v)
        return;
    c->value[f][s] = v;
    c->from_property[f][s] = from_property;
}

void cand_append(meta_candidates *c, enum meta_field f, enum meta_source s, const char *value,
                 size_t len, const char *sep, bool from_property) {
    if (c->value[f][s] && c->from_property[f][s] && !from_property)
        return;
    const char *v = value ? cand_clean(c, value, len, true) : NULL;
    if (!v)
        return;
    const char *old = c->value[f][s];
    if (!old || (from_property && !c->from_property[f][s])) {
        c->value[f][s] = v;
        c->from_property[f][s] = from_property;
        return;
    }
    size_t old_len = strlen(old), sep_len = strlen(sep), v_len = strlen(v);
    if (old_len + sep_len + v_len > META_MAX_VALUE)
        return;
    char *joined = arena_alloc(&c->mem, old_len + sep_len + v_len + 1);
    if (!joined) {
        c->failed = true;
        return;
    }
    memcpy(joined, old, old_len);
    memcpy(joined + old_len, sep, sep_len);
    memcpy(joined + old_len + sep_len, v, v_len + 1);
    c->value[f][s] = joined;
}

/* --- the <meta> vocabulary --- */

enum meta_how { SET, APPEND_PEOPLE, APPEND_TAGS };

typedef struct meta_key {
    const char *key; /* lower case */
    unsigned char field, source, how;
} meta_key;

static const meta_key meta_keys[] = {
    {"og:title", F_TITLE, SRC_OPENGRAPH, SET},
    {"og:site_name", F_SITENAME, SRC_OPENGRAPH, SET},
    {"og:description", F_DESCRIPTION, SRC_OPENGRAPH, SET},
    {"og:image", F_IMAGE, SRC_OPENGRAPH, SET},
    {"og:image:url", F_IMAGE, SRC_OPENGRAPH, SET},
    {"og:image:secure_url", F_IMAGE, SRC_OPENGRAPH, SET},
    {"og:url", F_URL, SRC_OPENGRAPH, SET},
    {"og:locale", F_LANGUAGE, SRC_OPENGRAPH, SET},
    {"article:published_time", F_DATE, SRC_OPENGRAPH, SET},
    {"article:published", F_DATE, SRC_OPENGRAPH, SET},
    {"og:published_time", F_DATE, SRC_OPENGRAPH, SET},
    {"article:author", F_AUTHOR, SRC_OPENGRAPH, APPEND_PEOPLE},
    {"article:section", F_SECTION, SRC_OPENGRAPH, SET},
    {"article:tag", F_TAGS, SRC_OPENGRAPH, APPEND_TAGS},

    {"dc.title", F_TITLE, SRC_DUBLIN_CORE, SET},
    {"dcterms.title", F_TITLE, SRC_DUBLIN_CORE, SET},
    {"dc.creator", F_AUTHOR, SRC_DUBLIN_CORE, APPEND_PEOPLE},
    {"dcterms.creator", F_AUTHOR, SRC_DUBLIN_CORE, APPEND_PEOPLE},
    {"dc.description", F_DESCRIPTION, SRC_DUBLIN_CORE, SET},
    {"dcterms.description", F_DESCRIPTION, SRC_DUBLIN_CORE, SET},
    {"dcterms.abstract", F_DESCRIPTION, SRC_DUBLIN_CORE, SET},
    {"dc.date", F_DATE, SRC_DUBLIN_CORE, SET},
    {"dc.date.issued", F_DATE, SRC_DUBLIN_CORE, SET},
    {"dc.date.created", F_DATE, SRC_DUBLIN_CORE, SET},
    {"dcterms.issued", F_DATE, SRC_DUBLIN_CORE, SET},
    {"dcterms.created", F_DATE, SRC_DUBLIN_CORE, SET},
    {"dcterms.date", F_DATE, SRC_DUBLIN_CORE, SET},
    {"dc.language", F_LANGUAGE, SRC_DUBLIN_CORE, SET},
    {"dcterms.language", F_LANGUAGE, SRC_DUBLIN_CORE, SET},
    {"dc.subject", F_TAGS, SRC_DUBLIN_CORE, APPEND_TAGS},
    {"dc.publisher", F_SITENAME, SRC_DUBLIN_CORE, SET},

    {"title", F_TITLE, SRC_NAMED, SET},
    {"author", F_AUTHOR, SRC_NAMED, SET},
    {"byl", F_AUTHOR, SRC_NAMED, SET},
    {"description", F_DESCRIPTION, SRC_NAMED, SET},
    {"news_keywords", F_TAGS, SRC_NAMED, SET},
    {"keywords", F_TAGS, SRC_NAMED, SET},
    {"date", F_DATE, SRC_NAMED, SET},
    {"pubdate", F_DATE, SRC_NAMED, SET},
    {"publish-date", F_DATE, SRC_NAMED, SET},
    {"publish_date", F_DATE, SRC_NAMED, SET},
    {"publishdate", F_DATE, SRC_NAMED, SET},
    {"publication_date", F_DATE, SRC_NAMED, SET},
    {"datepublished", F_DATE, SRC_NAMED, SET},
    {"article.published", F_DATE, SRC_NAMED, SET},
    {"article_date_original", F_DATE, SRC_NAMED, SET},
    {"original-publish-date", F_DATE, SRC_NAMED, SET},
    {"application-name", F_SITENAME, SRC_NAMED, SET},
    {"language", F_LANGUAGE, SRC_NAMED, SET},
    {"section", F_SECTION, SRC_NAMED, SET},

    {"twitter:title", F_TITLE, SRC_TWITTER, SET},
    {"twitter:description", F_DESCRIPTION, SRC_TWITTER, SET},
    {"twitter:image", F_IMAGE, SRC_TWITTER, SET},
    {"twitter:image:src", F_IMAGE, SRC_TWITTER, SET},

    {"parsely-title", F_TITLE, SRC_VENDOR, SET},
    {"parsely-author", F_AUTHOR, SRC_VENDOR, APPEND_PEOPLE},
    {"parsely-pub-date", F_DATE, SRC_VENDOR, SET},
    {"parsely-section", F_SECTION, SRC_VENDOR, SET},
    {"parsely-tags", F_TAGS, SRC_VENDOR, SET},
    {"parsely-image-url", F_IMAGE, SRC_VENDOR, SET},
    {"parsely-link", F_URL, SRC_VENDOR, SET},
    {"sailthru.title", F_TITLE, SRC_VENDOR, SET},
    {"sailthru.author", F_AUTHOR, SRC_VENDOR, APPEND_PEOPLE},
    {"sailthru.date", F_DATE, SRC_VENDOR, SET},
    {"sailthru.description", F_DESCRIPTION, SRC_VENDOR, SET},
    {"sailthru.tags", F_TAGS, SRC_VENDOR, SET},
    {"sailthru.image.full", F_IMAGE, SRC_VENDOR, SET},
    {"citation_title", F_TITLE, SRC_VENDOR, SET},
    {"citation_author", F_AUTHOR, SRC_VENDOR, APPEND_PEOPLE},
    {"citation_publication_date", F_DATE, SRC_VENDOR, SET},
    {"citation_date", F_DATE, SRC_VENDOR, SET},
    {"citation_online_date", F_DATE, SRC_VENDOR, SET},
    {"citation_keywords", F_TAGS, SRC_VENDOR, APPEND_TAGS},
    {"citation_language", F_LANGUAGE, SRC_VENDOR, SET},
};

/* The entry for KEY (LEN bytes, any case; "dc:" and "dcterms:" read as
 * "dc." and "dcterms."), or NULL. */
static const meta_key *lookup_meta_key(const char *key, size_t len) {
    enum { KEY_CAP = 48 };
    char lower[KEY_CAP];
    if (len == 0 || len >= KEY_CAP)
        return NULL;
    for (size_t i = 0; i < len; i++) {
        char ch = key[i];
        lower[i] = (char)(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
    }
    lower[len] = '\0';
    if (strncmp(lower, "dc:", 3) == 0)
        lower[2] = '.';
    else if (strncmp(lower, "dcterms:", 8) == 0)
        lower[7] = '.';
    for (size_t i = 0; i < sizeof meta_keys / sizeof meta_keys[0]; i++)
        if (strcmp(meta_keys[i].key, lower) == 0)
            return &meta_keys[i];
    return NULL;
}

static void store_meta(meta_candidates *c, const meta_key *k, const char *content,
                       bool from_property) {
    size_t len = strlen(content);
    switch (k->how) {
    case APPEND_PEOPLE:
        cand_append(c, k->field, k->source, content, len, "; ", from_property);
        break;
    case APPEND_TAGS:
        cand_append(c, k->field, k->source, content, len, ", ", from_property);
        break;
    default:
        cand_set(c, k->field, k->source, content, len, from_property);
        break;
    }
}

/* Each space-separated word of ATTR_VALUE that names a known key. */
static void store_meta_keys(meta_candidates *c, const char *keys, const char *content,
                            bool from_property) {
    for (const char *p = keys; *p;) {
        p += strspn(p, " \t\n\r");
        size_t len = strcspn(p, " \t\n\r");
        const meta_key *k = lookup_meta_key(p, len);
        if (k)
            store_meta(c, k, content, from_property);
        p += len;
    }
}

/* Whether the space-separated list LIST holds WORD (ASCII, any case). */
static bool list_has(const char *list, const char *word) {
    size_t wl = strlen(word);
    for (const char *p = list; p && *p;) {
        p += strspn(p, " \t\n\r");
        size_t len = strcspn(p, " \t\n\r");
        if (len == wl && strncasecmp(p, word, wl) == 0)
            return true;
        p += len;
    }
    return false;
}

/* --- the walk --- */

typedef struct walk_state {
    const document *doc;
    meta_candidates *c;
    jsonld_block blocks[META_MAX_JSONLD_BLOCKS];
    size_t block_count;
    buf text; /* scratch for element text */
} walk_state;

/* Whether a reader sees N: no hidden, removed or non-content ancestor. */
static bool node_shown(const node *n) {
    for (; n; n = n->parent)
        if ((n->flags & (NODE_HIDDEN | NODE_REMOVED)) || tag_kind((enum tag)n->tag) == K_SKIP)
            return false;
    return true;
}

/* N's visible text, whitespace collapsed, in the candidates' arena. */
static const char *element_text(walk_state *w, const node *n) {
    w->text.len = 0;
    if (w->text.data)
        w->text.data[0] = '\0';
    node_collect_text(w->doc, n, &w->text);
    if (w->text.failed) {
        w->c->failed = true;
        return NULL;
    }
    return w->text.len ? cand_clean(w->c, w->text.data, w->text.len, false) : NULL;
}

static void collect_meta(walk_state *w, const node *n) {
    const char *content = node_attr(n, "content");
    if (!content || !*content)
        return;
    const char *property = node_attr(n, "property");
    const char *name = node_attr(n, "name");
    const char *equiv = node_attr(n, "http-equiv");
    if (property)
        store_meta_keys(w->c, property, content, true);
    if (name)
        store_meta_keys(w->c, name, content, false);
    if (equiv && strcasecmp(equiv, "content-language") == 0)
        cand_set(w->c, F_LANGUAGE, SRC_LINK, content, strlen(content), false);
}

static void collect_link(walk_state *w, const node *n) {
    const char *rel = node_attr(n, "rel"), *href = node_attr(n, "href");
    if (!rel || !href || !*href)
        return;
    if (list_has(rel, "canonical"))
        cand_set(w->c, F_URL, SRC_LINK, href, strlen(href), false);
    else if (list_has(rel, "image_src"))
        cand_set(w->c, F_IMAGE, SRC_LINK, href, strlen(href), false);
}

static void collect_jsonld(walk_state *w, const node *script) {
    if (w->block_count >= META_MAX_JSONLD_BLOCKS)
        return;
    buf json;
    buf_init(&json);
    for (const node *t = script->first_child; t; t = t->next)
        if (t->tag == TAG_TEXT && json.len + t->text_len <= META_MAX_JSONLD)
            buf_append(&json, node_text(w->doc, t), t->text_len);
    if (json.failed)
        w->c->failed = true;
    if (json.len) {
        char *copy = arena_strndup(&w->c->mem, json.data, json.len);
        if (copy)
            w->blocks[w->block_count++] = (jsonld_block){copy, json.len};
        else
            w->c->failed = true;
    }
    buf_free(&json);
}

/* Within TOP, the first element whose itemprop holds NAME; bounded because
 * an author element is small and a wrong one may not be. */
static const node *find_itemprop(const node *top, const char *name) {
    enum { SEARCH_NODES = 64 };
    unsigned seen = 0;
    for (const node *n = tree_next(top, top, false); n && seen < SEARCH_NODES;
         n = tree_next(top, n, false), seen++)
        if (list_has(node_attr(n, "itemprop"), name))
            return n;
    return NULL;
}

/* The value of microdata on N: content=, datetime=, or its text. */
static const char *itemprop_value(walk_state *w, const node *n) {
    const char *v = node_attr(n, "content");
    if (!v)
        v = node_attr(n, "datetime");
    if (v)
        return cand_clean(w->c, v, strlen(v), false);
    return n->tag == TAG_META ? NULL : element_text(w, n);
}

static void store_value(meta_candidates *c, enum meta_field f, enum meta_source s,
                        const char *v) {
    if (v)
        cand_set(c, f, s, v, strlen(v), false);
}

static void collect_itemprop(walk_state *w, const node *n, const char *itemprop) {
    meta_candidates *c = w->c;
    if (list_has(itemprop, "headline") && !c->value[F_TITLE][SRC_ITEMPROP])
        store_value(c, F_TITLE, SRC_ITEMPROP, itemprop_value(w, n));
    if (list_has(itemprop, "datePublished") && !c->value[F_DATE][SRC_ITEMPROP])
        store_value(c, F_DATE, SRC_ITEMPROP, itemprop_value(w, n));
    if (list_has(itemprop, "author") && !c->value[F_AUTHOR][SRC_ITEMPROP]) {
        const node *name = find_itemprop(n, "name");
        const char *v = itemprop_value(w, name ? name : n);
        if (v && strlen(v) <= META_MAX_BYLINE)
            store_value(c, F_AUTHOR, SRC_ITEMPROP, v);
    }
    if (list_has(itemprop, "description") && n->tag == TAG_META)
        store_value(c, F_DESCRIPTION, SRC_ITEMPROP, itemprop_value(w, n));
}

/* Class and id words that mark a byline; "author" alone is weaker because
 * it also names author boxes, author menus and comment authors. */
static void collect_byline(walk_state *w, const node *n) {
    meta_candidates *c = w->c;
    if (c->value[F_AUTHOR][SRC_VISIBLE] && c->value[F_AUTHOR][SRC_WEAK])
        return;
    bool strong = list_has(node_attr(n, "rel"), "author") || node_class_has(n, "byline") ||
                  node_class_has(n, "writtenby");
    bool weak = !strong && node_class_has(n, "author");
    if ((!strong && !weak) || node_class_has(n, "comment"))
        return;
    enum meta_source s = strong ? SRC_VISIBLE : SRC_WEAK;
    if (c->value[F_AUTHOR][s] || n->text_chars == 0 || n->text_chars > META_MAX_BYLINE ||
        !node_shown(n))
        return;
    store_value(c, F_AUTHOR, s, element_text(w, n));
}

static void collect_time(walk_state *w, const node *n) {
    const char *datetime = node_attr(n, "datetime");
    if (!datetime || !*datetime)
        return;
    bool published = node_attr(n, "pubdate") || list_has(node_attr(n, "itemprop"), "datePublished") ||
                     node_class_has(n, "publish") || node_class_has(n, "pubdate");
    cand_set(w->c, F_DATE, published ? SRC_VISIBLE : SRC_WEAK, datetime, strlen(datetime), false);
}

/* Whether N sits in the page's chrome: navigation, header, footer, aside
 * or a form, by element or by class. */
static bool in_page_chrome(const node *n) {
    for (; n; n = n->parent) {
        switch ((enum tag)n->tag) {
        case TAG_NAV:
        case TAG_HEADER:
        case TAG_FOOTER:
        case TAG_ASIDE:
        case TAG_FORM:
            return true;
        default:
            break;
        }
        if (node_class_has(n, "nav") || node_class_has(n, "menu") ||
            node_class_has(n, "footer") || node_class_has(n, "sidebar") ||
            node_class_has(n, "cookie") || node_class_has(n, "banner"))
            return true;
    }
    return false;
}

/* The first paragraph of prose, the summary of a page that declares none:
 * visible, outside the page's chrome, not mostly link text. */
static void collect_first_paragraph(walk_state *w, const node *n) {
    if (w->c->value[F_DESCRIPTION][SRC_WEAK] || n->text_chars == 0 ||
        n->link_chars * 2 >= n->text_chars || !node_shown(n) || in_page_chrome(n))
        return;
    store_value(w->c, F_DESCRIPTION, SRC_WEAK, element_text(w, n));
}

/* A <div> that holds text and no block: a paragraph written as a div. */
static bool div_is_paragraph(const node *n) {
    bool text = false;
    for (const node *child = n->first_child; child; child = child->next) {
        if (child->tag == TAG_TEXT)
            text = text || child->text_chars > 1;
        else if (node_is_block(child))
            return false;
    }
    return text && n->text_chars >= META_MIN_DIV_PARAGRAPH;
}

static void collect_node(walk_state *w, const node *n) {
    switch ((enum tag)n->tag) {
    case TAG_META:
        collect_meta(w, n);
        break;
    case TAG_LINK:
        collect_link(w, n);
        break;
    case TAG_SCRIPT:
        if (n->flags & NODE_KEEP_TEXT)
            collect_jsonld(w, n);
        return;
    case TAG_H1:
        if (!w->c->h1 && n->text_chars && node_shown(n))
            w->c->h1 = element_text(w, n);
        break;
    case TAG_TIME:
        collect_time(w, n);
        break;
    case TAG_P:
        collect_first_paragraph(w, n);
        break;
    case TAG_DIV:
        if (!w->c->value[F_DESCRIPTION][SRC_WEAK] && div_is_paragraph(n))
            collect_first_paragraph(w, n);
        break;
    default:
        break;
    }
    const char *itemprop = node_attr(n, "itemprop");
    if (itemprop)
        collect_itemprop(w, n, itemprop);
    if (n->tag != TAG_META && n->tag != TAG_LINK && (n->cls || n->id || n->attr_count))
        collect_byline(w, n);
}

static void collect(walk_state *w) {
    const node *root = w->doc->root;
    for (const node *n = root; n;) {
        bool skip = (n->flags & NODE_REMOVED) != 0;
        if (!skip && n->tag != TAG_TEXT && n != root)
            collect_node(w, n);
        /* Script, style and SVG hold no metadata below them. */
        if (n->tag == TAG_SCRIPT || n->tag == TAG_STYLE || n->tag == TAG_SVG)
            skip = true;
        n = tree_next(root, n, skip);
    }
}

/* --- deciding --- */

/* The first of ORDER's slots of F that holds a value. */
static const char *first_of(const meta_candidates *c, enum meta_field f,
                            const enum meta_source *order, size_t count) {
    for (size_t i = 0; i < count; i++)
        if (c->value[f][order[i]])
            return c->value[f][order[i]];
    return NULL;
}

#define FIRST_OF(c, f, ...)                                                                    \
    first_of((c), (f), (const enum meta_source[]){__VA_ARGS__},                                 \
             sizeof((const enum meta_source[]){__VA_ARGS__}) / sizeof(enum meta_source))

static const char *choose_sitename(const meta_candidates *c) {
    return FIRST_OF(c, F_SITENAME, SRC_OPENGRAPH, SRC_JSONLD, SRC_NAMED, SRC_LINK,
                    SRC_DUBLIN_CORE);
}

/* The declared titles, most trusted first. */
static const enum meta_source title_order[] = {SRC_JSONLD, SRC_DUBLIN_CORE, SRC_OPENGRAPH,
                                               SRC_ITEMPROP, SRC_NAMED, SRC_TWITTER,
                                               SRC_VENDOR};
enum {
    TITLE_SOURCES = sizeof title_order / sizeof title_order[0],
    /* The declared titles, the cleaned <title> and the <h1>. */
    TITLE_CANDIDATES = TITLE_SOURCES + 2
};

/* Who wrote a title candidate. og:title, twitter:title and the vendor tags
 * come from one "social headline" field of the CMS, often one <meta>
 * element, so their agreeing is one opinion, not three. */
enum title_hand { HAND_JSONLD, HAND_DC, HAND_SOCIAL, HAND_ITEMPROP, HAND_NAMED, HAND_DOC, HAND_H1 };

static enum title_hand title_hand(size_t candidate) {
    if (candidate == TITLE_SOURCES)
        return HAND_DOC;
    if (candidate > TITLE_SOURCES)
        return HAND_H1;
    switch (title_order[candidate]) {
    case SRC_JSONLD:
        return HAND_JSONLD;
    case SRC_DUBLIN_CORE:
        return HAND_DC;
    case SRC_ITEMPROP:
        return HAND_ITEMPROP;
    case SRC_NAMED:
        return HAND_NAMED;
    default:
        return HAND_SOCIAL;
    }
}

/* The title by agreement. The candidates are the declared titles (a site
 * name appended by the declaration removed), the <title> without its site
 * name and the first visible <h1>; each is supported by every other hand
 * that writes the same (the raw <title> votes with the cleaned one). The
 * most supported wins, ties going to the most trusted: so the <h1> picks
 * among declared titles that differ, a declaration beats a <title> that is
 * the same plus a site name, and a lone odd declaration loses to a <title>
 * and <h1> that agree. */
static const char *choose_title(meta_candidates *c, const char *sitename) {
    const char *cand[TITLE_CANDIDATES];
    for (size_t i = 0; i < TITLE_SOURCES; i++)
        cand[i] = title_strip_site(&c->mem, c->value[F_TITLE][title_order[i]], sitename, NULL,
                                   false, &c->failed);
    cand[TITLE_SOURCES] =
        title_strip_site(&c->mem, c->doc_title, sitename, c->h1, true, &c->failed);
    cand[TITLE_SOURCES + 1] = c->h1;
    const char *best = NULL;
    unsigned best_support = 0;
    for (size_t i = 0; i < TITLE_CANDIDATES; i++) {
        if (!cand[i])
            continue;
        bool agrees[HAND_H1 + 1] = {false};
        agrees[HAND_DOC] = text_same(c->doc_title, cand[i]);
        for (size_t j = 0; j < TITLE_CANDIDATES; j++)
            if (j != i && text_same(cand[j], cand[i]))
                agrees[title_hand(j)] = true;
        agrees[title_hand(i)] = false;
        unsigned support = 0;
        for (size_t h = 0; h <= HAND_H1; h++)
            support += agrees[h];
        if (!best || support > best_support)
            best = cand[i], best_support = support;
    }
    return best;
}

static const char *choose_author(meta_candidates *c, const char *sitename) {
    static const enum meta_source order[] = {SRC_JSONLD, SRC_DUBLIN_CORE, SRC_NAMED,
                                             SRC_ITEMPROP, SRC_OPENGRAPH, SRC_VENDOR,
                                             SRC_VISIBLE, SRC_WEAK};
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
        const char *a = author_clean(&c->mem, c->value[F_AUTHOR][order[i]], sitename, &c->failed);
        if (a)
            return a;
    }
    return NULL;
}

static const char *choose_date(meta_candidates *c) {
    static const enum meta_source order[] = {SRC_JSONLD, SRC_OPENGRAPH, SRC_ITEMPROP,
                                             SRC_DUBLIN_CORE, SRC_NAMED, SRC_VENDOR,
                                             SRC_VISIBLE, SRC_WEAK};
    char date[META_DATE_CAP];
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++)
        if (date_normalise(c->value[F_DATE][order[i]], date)) {
            const char *d = arena_strdup(&c->mem, date);
            if (!d)
                c->failed = true;
            return d;
        }
    return NULL;
}

static const char *choose_language(meta_candidates *c, const char *html_lang) {
    const char *tries[] = {html_lang,
                           c->value[F_LANGUAGE][SRC_LINK],
                           c->value[F_LANGUAGE][SRC_NAMED],
                           c->value[F_LANGUAGE][SRC_DUBLIN_CORE],
                           c->value[F_LANGUAGE][SRC_OPENGRAPH],
                           c->value[F_LANGUAGE][SRC_JSONLD],
                           c->value[F_LANGUAGE][SRC_VENDOR]};
    enum { LANG_CAP = 36 };
    char lang[LANG_CAP];
    for (size_t i = 0; i < sizeof tries / sizeof tries[0]; i++)
        if (lang_normalise(tries[i], lang, sizeof lang)) {
            const char *l = arena_strdup(&c->mem, lang);
            if (!l)
                c->failed = true;
            return l;
        }
    return NULL;
}

static const char *choose_url(meta_candidates *c, const char *page_url) {
    const char *base = page_url ? page_url : c->value[F_URL][SRC_OPENGRAPH];
    const enum meta_source order[] = {SRC_LINK, SRC_OPENGRAPH, SRC_JSONLD, SRC_VENDOR};
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
        const char *u = url_resolve(&c->mem, c->value[F_URL][order[i]], base);
        if (u)
            return u;
    }
    return url_resolve(&c->mem, page_url, NULL);
}

static const char *choose_image(meta_candidates *c, const char *base) {
    const enum meta_source order[] = {SRC_OPENGRAPH, SRC_TWITTER, SRC_JSONLD,
                                      SRC_LINK, SRC_VENDOR};
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
        const char *u = url_resolve(&c->mem, c->value[F_IMAGE][order[i]], base);
        if (u)
            return u;
    }
    return NULL;
}

/* --- the result --- */

static bool copy_out(char **to, const char *from) {
    if (!from)
        return true;
    *to = strdup(from);
    return *to != NULL;
}

/* Split the chosen comma-separated keywords into RES->tags, trimmed and
 * without repeats. */
static bool copy_tags(lede_result *res, const char *list) {
    if (!list)
        return true;
    res->tags = calloc(META_MAX_TAGS, sizeof *res->tags);
    if (!res->tags)
        return false;
    for (const char *p = list; *p && res->tag_count < META_MAX_TAGS;) {
        size_t len = strcspn(p, ",;");
        const char *start = p;
        p += len;
        if (*p)
            p++;
        while (len && *start == ' ')
            start++, len--;
        while (len && start[len - 1] == ' ')
            len--;
        if (!len || len > META_MAX_TAG_BYTES)
            continue;
        bool repeat = false;
        for (size_t i = 0; i < res->tag_count && !repeat; i++)
            repeat = strlen(res->tags[i]) == len && strncasecmp(res->tags[i], start, len) == 0;
        if (repeat)
            continue;
        char *copy = strndup(start, len);
        if (!copy)
            return false;
        res->tags[res->tag_count++] = copy;
    }
    if (!res->tag_count) {
        free(res->tags);
        res->tags = NULL;
    }
    return true;
}

static lede_status decide(meta_candidates *c, const document *doc, const char *page_url,
                          lede_result *res) {
    const char *sitename = choose_sitename(c);
    const char *title = choose_title(c, sitename);
    const char *author = choose_author(c, sitename);
    const char *date = choose_date(c);
    const char *description = FIRST_OF(c, F_DESCRIPTION, SRC_JSONLD, SRC_DUBLIN_CORE,
                                       SRC_OPENGRAPH, SRC_NAMED, SRC_TWITTER, SRC_VENDOR,
                                       SRC_ITEMPROP, SRC_WEAK);
    const char *language = choose_language(c, doc->lang);
    const char *url = choose_url(c, page_url);
    const char *image = choose_image(c, url ? url : page_url);
    const char *section = FIRST_OF(c, F_SECTION, SRC_OPENGRAPH, SRC_JSONLD, SRC_VENDOR,
                                   SRC_NAMED);
    const char *tags = FIRST_OF(c, F_TAGS, SRC_JSONLD, SRC_OPENGRAPH, SRC_NAMED, SRC_VENDOR,
                                SRC_DUBLIN_CORE);
    if (c->failed)
        return LEDE_ERR_NOMEM;
    bool ok = copy_out(&res->title, title) && copy_out(&res->author, author) &&
              copy_out(&res->date, date) && copy_out(&res->sitename, sitename) &&
              copy_out(&res->description, description) &&
              copy_out(&res->language, language) && copy_out(&res->url, url) &&
              copy_out(&res->image, image) && copy_out(&res->section, section) &&
              copy_tags(res, tags);
    return ok ? LEDE_OK : LEDE_ERR_NOMEM;
}

lede_status metadata_extract(const document *doc, const char *page_url, lede_result *res) {
    if (!doc || !doc->root || !res)
        return LEDE_ERR_INVALID_ARG;
    meta_candidates *c = calloc(1, sizeof *c);
    if (!c)
        return LEDE_ERR_NOMEM;
    arena_init(&c->mem);
    walk_state w = {.doc = doc, .c = c};
    buf_init(&w.text);
    if (doc->title_text)
        c->doc_title = cand_clean(c, doc->title_text, strlen(doc->title_text), false);
    collect(&w);
    buf_free(&w.text);
    jsonld_read(c, w.blocks, w.block_count);
    lede_status st = decide(c, doc, page_url, res);
    arena_free(&c->mem);
    free(c);
    return st;
}
