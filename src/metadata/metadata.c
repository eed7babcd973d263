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

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "internal.h"
#include "vocab.h"

/* --- storing candidates --- */

/* What each kind of source is called in result_sources. */
static const char *const source_names[SRC_COUNT] = {
    [SRC_JSONLD] = "json-ld", [SRC_DUBLIN_CORE] = "dc",  [SRC_OPENGRAPH] = "og",
    [SRC_ITEMPROP] = "microdata", [SRC_NAMED] = "meta", [SRC_TWITTER] = "twitter",
    [SRC_VENDOR] = "vendor",  [SRC_LINK] = "link",       [SRC_VISIBLE] = "visible",
    [SRC_WEAK] = "visible",   [SRC_TEXT] = "visible",    [SRC_HEADLINE] = "visible",
    [SRC_LABELLED] = "visible", [SRC_CHROME] = "visible",
};

void cand_origin(meta_candidates *c, enum meta_field f, enum meta_source s, const char *origin) {
    if (c->value[f][s])
        c->origin[f][s] = origin;
}

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
    c->origin[f][s] = source_names[s];
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
        c->origin[f][s] = source_names[s];
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
    {"og:article:published_time", F_DATE, SRC_OPENGRAPH, SET},
    {"article:author", F_AUTHOR, SRC_OPENGRAPH, APPEND_PEOPLE},
    {"og:article:author", F_AUTHOR, SRC_OPENGRAPH, APPEND_PEOPLE},
    {"article:section", F_SECTION, SRC_OPENGRAPH, SET},
    {"og:article:section", F_SECTION, SRC_OPENGRAPH, SET},
    {"article:tag", F_TAGS, SRC_OPENGRAPH, APPEND_TAGS},
    {"og:article:tag", F_TAGS, SRC_OPENGRAPH, APPEND_TAGS},
    {"article:modified_time", F_MODIFIED, SRC_OPENGRAPH, SET},
    {"og:article:modified_time", F_MODIFIED, SRC_OPENGRAPH, SET},
    {"og:updated_time", F_MODIFIED, SRC_OPENGRAPH, SET},
    {"og:type", F_TYPE, SRC_OPENGRAPH, SET},

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
    {"dcterms.modified", F_MODIFIED, SRC_DUBLIN_CORE, SET},
    {"dc.date.modified", F_MODIFIED, SRC_DUBLIN_CORE, SET},
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
    {"last-modified", F_MODIFIED, SRC_NAMED, SET},
    {"lastmod", F_MODIFIED, SRC_NAMED, SET},
    {"revised", F_MODIFIED, SRC_NAMED, SET},
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

/* --- the walk --- */

typedef struct walk_state {
    const document *doc;
    meta_candidates *c;
    jsonld_block blocks[META_MAX_JSONLD_BLOCKS];
    size_t block_count;
    buf text; /* scratch for element text */
    /* The first node after the headline (the first visible <h1>), where
     * the search for an unmarked date line starts, and how many characters
     * of text it may still read (META_HEADLINE_REACH). */
    const node *after_headline;
    bool under_headline;
    uint32_t headline_reach;
    bool lower_headline; /* an <h2> or <h3> that the titles name was met */
    /* The <article> that holds the headline, when one does: a <time> in
     * another <article> is a teaser's. */
    const node *headline_article;
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

/* Whether T only styles a run of words, so that its edges are not word
 * breaks ("<b>J</b>ohn"). */
static bool styles_words(enum tag t) {
    return t == TAG_B || t == TAG_I || t == TAG_EM || t == TAG_STRONG || t == TAG_U ||
           t == TAG_SUP || t == TAG_SUB || t == TAG_MARK;
}

/* As element_text, but every other element edge is a word break: bylines
 * and date lines are often pieces set side by side with no space between
 * them ("<span>Jane Doe</span><span>3 May 2020</span>"). */
static const char *element_words(walk_state *w, const node *top) {
    buf *b = &w->text;
    b->len = 0;
    for (const node *n = top; n;) {
        bool skip = (n->flags & (NODE_REMOVED | NODE_HIDDEN)) ||
                    (n != top && tag_kind((enum tag)n->tag) == K_SKIP);
        if (!skip && n->tag == TAG_TEXT) {
            const node *before = n->prev;
            if (before && before->tag != TAG_TEXT && !styles_words((enum tag)before->tag))
                buf_putc(b, ' ');
            buf_append(b, node_text(w->doc, n), n->text_len);
        } else if (!skip && n != top && !styles_words((enum tag)n->tag)) {
            buf_putc(b, ' ');
        }
        n = tree_next(top, n, skip);
    }
    if (b->failed) {
        w->c->failed = true;
        return NULL;
    }
    return b->len ? cand_clean(w->c, b->data, b->len, false) : NULL;
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
    if (equiv && strcasecmp(equiv, "content-language") == 0) {
        cand_set(w->c, F_LANGUAGE, SRC_LINK, content, strlen(content), false);
        cand_origin(w->c, F_LANGUAGE, SRC_LINK, "meta");
    }
}

static void collect_link(walk_state *w, const node *n) {
    const char *rel = node_attr(n, "rel"), *href = node_attr(n, "href");
    if (!rel || !href || !*href)
        return;
    if (attr_list_has(rel, "canonical"))
        cand_set(w->c, F_URL, SRC_LINK, href, strlen(href), false);
    else if (attr_list_has(rel, "image_src"))
        cand_set(w->c, F_IMAGE, SRC_LINK, href, strlen(href), false);
}

/* A block over the bound is not read at all, rather than cut: cut JSON
 * does not parse, and the page is told (LEDE_TRUNCATED_JSONLD). */
static void collect_jsonld(walk_state *w, const node *script) {
    size_t total = 0;
    for (const node *t = script->first_child; t && total <= META_MAX_JSONLD; t = t->next)
        if (t->tag == TAG_TEXT)
            total += t->text_len; /* stops past the bound: no overflow */
    if (total == 0)
        return;
    if (w->block_count >= META_MAX_JSONLD_BLOCKS || total > META_MAX_JSONLD) {
        w->c->skipped_jsonld = true;
        return;
    }
    buf json;
    buf_init(&json);
    for (const node *t = script->first_child; t; t = t->next)
        if (t->tag == TAG_TEXT)
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
        if (attr_list_has(node_attr(n, "itemprop"), name))
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
    if (attr_list_has(itemprop, "headline") && !c->value[F_TITLE][SRC_ITEMPROP])
        store_value(c, F_TITLE, SRC_ITEMPROP, itemprop_value(w, n));
    if (attr_list_has(itemprop, "datePublished") && !c->value[F_DATE][SRC_ITEMPROP])
        store_value(c, F_DATE, SRC_ITEMPROP, itemprop_value(w, n));
    if (attr_list_has(itemprop, "dateModified") && !c->value[F_MODIFIED][SRC_ITEMPROP])
        store_value(c, F_MODIFIED, SRC_ITEMPROP, itemprop_value(w, n));
    if (attr_list_has(itemprop, "publisher") && !c->value[F_SITENAME][SRC_ITEMPROP]) {
        const node *name = find_itemprop(n, "name");
        if (name)
            store_value(c, F_SITENAME, SRC_ITEMPROP, itemprop_value(w, name));
    }
    if (attr_list_has(itemprop, "author") && !c->value[F_AUTHOR][SRC_ITEMPROP]) {
        const node *name = find_itemprop(n, "name");
        const char *v = itemprop_value(w, name ? name : n);
        if (v && strlen(v) <= META_MAX_BYLINE)
            store_value(c, F_AUTHOR, SRC_ITEMPROP, v);
    }
    if (attr_list_has(itemprop, "description") && n->tag == TAG_META)
        store_value(c, F_DESCRIPTION, SRC_ITEMPROP, itemprop_value(w, n));
}

static bool in_page_chrome(const node *n);
static bool says_today(const node *n);
static bool in_page_chrome_beside(const node *n, const node **article_header);

/* What the class and id words of an element say to the walk. They are
 * found in one scan of each attribute, because the walk asks for every
 * small element and asking word by word costs more than the rest of the
 * stage. Like node_class_has, a word counts inside longer ones
 * ("article-byline", "postDate"). */
enum mark {
    MARK_BYLINE = 1u << 0,
    MARK_AUTHOR = 1u << 1,   /* weaker: author boxes and menus say it too */
    MARK_COMMENT = 1u << 2,
    MARK_DATELINE = 1u << 3, /* date, time, publish, posted, post meta */
};

static const struct {
    const char *word; /* lower case */
    unsigned marks;
} mark_words[] = {
    {"byline", MARK_BYLINE | MARK_DATELINE},
    /* Drupal's "Submitted by NAME on DATE" line, in any language */
    {"submitted", MARK_BYLINE | MARK_DATELINE},
    {"writtenby", MARK_BYLINE},
    {"author", MARK_AUTHOR},
    {"comment", MARK_COMMENT},
    {"date", MARK_DATELINE},
    {"time", MARK_DATELINE},
    {"publish", MARK_DATELINE},
    {"posted", MARK_DATELINE},
    {"meta", MARK_DATELINE},
};

static unsigned marks_in(const char *s) {
    unsigned marks = 0;
    for (; *s; s++) {
        char first = (char)tolower((unsigned char)*s);
        for (size_t i = 0; i < sizeof mark_words / sizeof mark_words[0]; i++)
            if (mark_words[i].word[0] == first &&
                strncasecmp(s, mark_words[i].word, strlen(mark_words[i].word)) == 0)
                marks |= mark_words[i].marks;
    }
    return marks;
}

static unsigned class_marks(const node *n) {
    return (n->cls ? marks_in(n->cls) : 0) | (n->id ? marks_in(n->id) : 0);
}

/* A byline: rel=author or a class or id that says byline; "author" alone
 * is weaker because it also names author boxes, author menus and comment
 * authors. MARKS are N's class_marks. */
static void collect_byline(walk_state *w, const node *n, unsigned marks) {
    meta_candidates *c = w->c;
    if (c->value[F_AUTHOR][SRC_VISIBLE] && c->value[F_AUTHOR][SRC_WEAK])
        return;
    bool strong = (marks & MARK_BYLINE) || attr_list_has(node_attr(n, "rel"), "author");
    bool weak = !strong && (marks & MARK_AUTHOR);
    if ((!strong && !weak) || (marks & MARK_COMMENT))
        return;
    enum meta_source s = strong ? SRC_VISIBLE : SRC_WEAK;
    if (c->value[F_AUTHOR][s] || !node_shown(n))
        return;
    const char *byline = element_words(w, n);
    store_value(c, F_AUTHOR, s, byline);
    char date[META_DATE_CAP];
    if (!c->value[F_DATE][SRC_TEXT] && date_from_text(byline, date, NULL))
        store_value(c, F_DATE, SRC_TEXT, date);
}

/* Whether N is inside the readers' comments, whose dates are theirs. */
static bool in_comments(const node *n) {
    for (; n; n = n->parent)
        if (node_class_has(n, "comment"))
            return true;
    return false;
}

/* A date written where the page puts its date line: a short element
 * marked as date, time or post meta, or a <time> without datetime=. The
 * first such date counts; chrome and comments carry other pages' dates. */
static void collect_date_line(walk_state *w, const node *n, unsigned marks) {
    meta_candidates *c = w->c;
    if (c->value[F_DATE][SRC_TEXT] || n->text_chars > META_MAX_DATELINE)
        return;
    bool time_text = n->tag == TAG_TIME && !node_attr(n, "datetime");
    if ((!time_text && !(marks & MARK_DATELINE)) || (marks & MARK_COMMENT) || !node_shown(n) ||
        in_comments(n))
        return;
    /* A date line in an article's own <header> is the article's, but is
     * read as a date beside the headline (SRC_HEADLINE): such headers are
     * often written by a script in the zone of whoever saved the page, so
     * it must not outrank nor re-zone a declared time. */
    enum meta_source s = SRC_TEXT;
    const node *header = NULL;
    if (in_page_chrome_beside(n, &header)) {
        /* Elsewhere in the chrome (a breadcrumb, a footer's "published"
         * line), the date is kept apart: it dates a page only when
         * nothing else on it does. */
        s = header ? SRC_HEADLINE : SRC_CHROME;
        if (c->value[F_DATE][s] || says_today(n))
            return;
    }
    char date[META_DATE_CAP], update[META_DATE_CAP];
    if (date_from_text(element_words(w, n), date, update)) {
        store_value(c, F_DATE, s, date);
        if (s == SRC_TEXT)
            c->date_line_order = n->order;
        else
            c->headline_date_order = n->order;
    } else if (update[0] && !c->value[F_MODIFIED][s]) {
        store_value(c, F_MODIFIED, s, update);
    }
}

/* The type of a microdata item (itemscope itemtype=...): the first article
 * type wins over a page type found before it (<body itemtype=WebPage>). */
static void collect_item_type(walk_state *w, const node *n) {
    const char *type = type_from_schema(node_attr(n, "itemtype"));
    const char *held = w->c->value[F_TYPE][SRC_ITEMPROP];
    if (type && (!held || strcmp(held, "page") == 0 || strcmp(held, "listing") == 0)) {
        w->c->value[F_TYPE][SRC_ITEMPROP] = type;
        w->c->origin[F_TYPE][SRC_ITEMPROP] = "microdata";
    }
}

/* The nearest <article> around N, or NULL. */
static const node *enclosing_article(const node *n) {
    for (n = n->parent; n; n = n->parent)
        if (n->tag == TAG_ARTICLE)
            return n;
    return NULL;
}

/* Whether N sits in an <article> other than the headline's: a teaser's
 * card after the story ("Related posts"), whose dates are other pages'.
 * An <article> inside the headline's, or around it, is the story's own. */
static bool in_other_article(const walk_state *w, const node *n) {
    if (!w->headline_article)
        return false;
    const node *article = enclosing_article(n);
    if (!article)
        return false;
    for (const node *a = article; a; a = a->parent)
        if (a == w->headline_article)
            return false;
    for (const node *a = w->headline_article; a; a = a->parent)
        if (a == article)
            return false;
    return true;
}

static void collect_time(walk_state *w, const node *n) {
    const char *datetime = node_attr(n, "datetime");
    if (!datetime || !*datetime || in_other_article(w, n))
        return;
    bool published = node_attr(n, "pubdate") || attr_list_has(node_attr(n, "itemprop"), "datePublished") ||
                     node_class_has(n, "publish") || node_class_has(n, "pubdate");
    cand_set(w->c, F_DATE, published ? SRC_VISIBLE : SRC_WEAK, datetime, strlen(datetime), false);
}

/* Whether N sits in the page's chrome: navigation, header, footer, aside
 * or a form, by element or by class. */
static bool in_page_chrome(const node *n) {
    return in_page_chrome_beside(n, NULL);
}

/* Whether HEADER, a <header>, is an article's own (headline, date line,
 * byline) rather than the page's masthead: it sits in an <article>. */
static bool header_is_articles(const node *header) {
    for (const node *a = header->parent; a; a = a->parent)
        if (a->tag == TAG_ARTICLE)
            return true;
    return false;
}

/* Whether N itself is chrome: a navigation, footer, aside or form
 * element, or named so by vocabulary read as words (vocab.c; "nav" searched
 * for as a substring finds "coronavirus" in an article's tag classes). */
static bool is_chrome(const node *n) {
    return n->tag == TAG_NAV || n->tag == TAG_FOOTER || n->tag == TAG_ASIDE ||
           n->tag == TAG_FORM || (n->vocab & (VOCAB_BOILERPLATE | VOCAB_ROLE_CHROME));
}

/* As in_page_chrome; with ARTICLE_HEADER, an article's own <header>
 * (header_is_articles) counts as chrome only when nothing else does, and
 * is then set in *ARTICLE_HEADER (else NULL). */
static bool in_page_chrome_beside(const node *n, const node **article_header) {
    const node *header = NULL;
    for (; n; n = n->parent) {
        if (n->tag == TAG_HEADER && article_header && header_is_articles(n))
            header = n;
        else if (n->tag == TAG_HEADER || is_chrome(n))
            return true;
    }
    if (article_header)
        *article_header = header;
    return header != NULL;
}

/* The first paragraph of prose, the summary of a page that declares none:
 * visible, outside the page's chrome, not mostly link text. */
static void collect_first_paragraph(walk_state *w, const node *n) {
    const meta_candidates *c = w->c;
    /* A <meta> description, read in <head> before any paragraph, always
     * wins over this one: then there is no need to look (asking where a
     * paragraph sits is the dearest question of the walk). */
    if (c->value[F_DESCRIPTION][SRC_OPENGRAPH] || c->value[F_DESCRIPTION][SRC_NAMED] ||
        c->value[F_DESCRIPTION][SRC_TWITTER] || c->value[F_DESCRIPTION][SRC_DUBLIN_CORE] ||
        c->value[F_DESCRIPTION][SRC_VENDOR])
        return;
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

/* Whether N is part of a headline: an <h1>, or a heading that is mostly
 * a link (a permalink or a teaser's), whose dates are what it is about
 * ("Results of 2020/7/11-12"), not when it was written. A sub-heading of
 * plain text is often the date line itself ("<h4>16.10.2019 ∙ Sendung</h4>"). */
static bool in_heading(const node *n) {
    for (; n; n = n->parent)
        switch ((enum tag)n->tag) {
        case TAG_H1:
            return true;
        case TAG_H2:
        case TAG_H3:
        case TAG_H4:
        case TAG_H5:
        case TAG_H6:
            return n->link_chars * 2 > n->text_chars;
        default:
            break;
        }
    return false;
}

/* Whether N's class or id says it shows today's date: a masthead's clock,
 * which a site's logo <h1> is often followed by. */
static bool says_today(const node *n) {
    return node_class_has(n, "today") || node_class_has(n, "current-date") ||
           node_class_has(n, "currentdate");
}

/* Elements just before a headline looked at for a date line set above it
 * ("<small>31.01.2022 · Sport</small><h1>…"): the kicker and one more. */
enum { HEADLINE_LINES_ABOVE = 2 };

/* Search the text after HEADLINE for an unmarked date line, and first the
 * short lines just above it. */
static void start_headline_reach(walk_state *w, const node *headline) {
    meta_candidates *c = w->c;
    if (c->value[F_DATE][SRC_HEADLINE])
        return;
    const node *above = headline->prev;
    for (unsigned seen = 0; above && seen < HEADLINE_LINES_ABOVE; above = above->prev) {
        if (above->tag == TAG_TEXT || above->text_chars == 0)
            continue;
        seen++;
        if (above->text_chars > META_MAX_DATELINE || !node_shown(above) || in_heading(above) ||
            says_today(above))
            continue;
        char date[META_DATE_CAP];
        if (date_from_text(element_words(w, above), date, NULL)) {
            store_value(c, F_DATE, SRC_HEADLINE, date);
            c->headline_date_order = above->order;
            return;
        }
    }
    w->after_headline = tree_next(w->doc->root, headline, true);
    w->under_headline = false;
    w->headline_reach = META_HEADLINE_REACH;
}

static bool names_the_page_as(walk_state *w, const node *n, const char **text);

/* Whether heading N says what the page's <title> or a declared title
 * says, a site name before or after it aside: then it is the headline,
 * whatever its level. */
static bool names_the_page(walk_state *w, const node *n) {
    return names_the_page_as(w, n, NULL);
}

/* As names_the_page; the heading's text in *TEXT (may be NULL). */
static bool names_the_page_as(walk_state *w, const node *n, const char **text) {
    const meta_candidates *c = w->c;
    const char *heading = element_text(w, n);
    if (text)
        *text = heading;
    if (!heading || strlen(heading) < META_MIN_HEADLINE)
        return false;
    const char *titles[] = {c->doc_title, c->value[F_TITLE][SRC_OPENGRAPH],
                            c->value[F_TITLE][SRC_TWITTER], c->value[F_TITLE][SRC_NAMED]};
    for (size_t i = 0; i < sizeof titles / sizeof titles[0]; i++)
        if (text_contains(titles[i], heading))
            return true;
    return false;
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
        /* The headline is the first <h1>, or a later one that the page's
         * titles name when the first does not (a site's logo). */
        if (n->text_chars && (!w->c->h1 || !w->c->h1_names_page) && node_shown(n)) {
            const char *text;
            bool names = names_the_page_as(w, n, &text);
            if (!w->c->h1 || names) {
                w->c->h1 = text;
                w->c->h1_names_page = names;
                w->headline_article = enclosing_article(n);
            }
            /* An <h1> the titles do not name is the site's logo: its
             * words are the site's name, which titles carry too. */
            if (!names && !w->c->site_h1)
                w->c->site_h1 = text;
        }
        /* Every <h1> restarts the search: the first is often the site's
         * logo, and the date line follows the article's. */
        if (n->text_chars && node_shown(n))
            start_headline_reach(w, n);
        break;
    case TAG_H2:
    case TAG_H3:
        /* A page without an <h1> may set its headline lower, and so may a
         * page whose only <h1> is its logo; it is known by its words,
         * which are the page's title. */
        if ((!w->after_headline || (!w->c->h1_names_page && !w->lower_headline)) &&
            n->text_chars && node_shown(n) && names_the_page(w, n)) {
            w->lower_headline = true;
            start_headline_reach(w, n);
        }
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
    else if (n->attr_count && node_attr(n, "itemtype"))
        collect_item_type(w, n);
    /* Bylines and date lines are short: the length is asked first because
     * it is free and rules out most elements. */
    if (n->text_chars == 0 || n->text_chars > META_MAX_BYLINE || n->tag == TAG_META ||
        n->tag == TAG_LINK || (!n->attr_count && n->tag != TAG_TIME))
        return;
    unsigned marks = class_marks(n);
    collect_byline(w, n, marks);
    collect_date_line(w, n, marks);
}

/* Whether N sits in navigation, a footer, an aside or a form by element:
 * a class that says "nav" or "meta" beside the headline is often the
 * article's own date line, so only the elements count here. */
static bool in_site_element(const node *n) {
    for (; n; n = n->parent)
        if (n->tag == TAG_NAV || n->tag == TAG_FOOTER || n->tag == TAG_ASIDE ||
            n->tag == TAG_FORM)
            return true;
    return false;
}

/* The bytes of TEXT read for a date line: all of a short one; of a
 * paragraph, only its opening, where a dateline stands ("27.1.2022 – Bei
 * der Erinnerung …", "BERLIN, 3. Mai 2020 (dpa) –"): dates further in are
 * what the story is about. Cut at a UTF-8 boundary. */
static size_t lead_bytes(const document *doc, const node *text) {
    if (text->text_chars <= META_MAX_DATELINE)
        return text->text_len;
    const char *s = node_text(doc, text);
    size_t len = text->text_len < META_DATELINE_LEAD ? text->text_len : META_DATELINE_LEAD;
    while (len && len < text->text_len && ((unsigned char)s[len] & 0xC0) == 0x80)
        len--;
    return len;
}

/* A date in the text just under the headline, whatever element holds it:
 * many pages set their date line in a plain <p>, <span> or <em>, or after a
 * label of their own ("Datum:", "Pressemitteilung vom"). TEXT is one text
 * node after the headline; the line read is its element when that is short
 * enough to be a date line, else the text node alone. */
static void collect_headline_date(walk_state *w, const node *text) {
    meta_candidates *c = w->c;
    if (text->text_chars == 0 || (text->flags & NODE_HIDDEN))
        return;
    w->headline_reach = text->text_chars >= w->headline_reach
                            ? 0
                            : w->headline_reach - text->text_chars;
    bool want_date = !c->value[F_DATE][SRC_HEADLINE];
    bool want_byline = !c->value[F_AUTHOR][SRC_HEADLINE];
    if ((!want_date && !want_byline) || !node_shown(text) || in_site_element(text) ||
        in_comments(text) || in_heading(text))
        return;
    const node *line = text->parent;
    const char *words = NULL;
    if (line && says_today(line))
        return;
    if (line && line->text_chars <= META_MAX_DATELINE)
        words = element_words(w, line);
    else
        words = cand_clean(c, node_text(w->doc, text), lead_bytes(w->doc, text), false);
    /* A short line under the headline that opens as a byline is one,
     * marked or not ("<p>Von Claudia Lindner</p>"). */
    if (want_byline && words && line && line->text_chars <= META_MAX_BYLINE &&
        opens_byline(words))
        store_value(c, F_AUTHOR, SRC_HEADLINE, words);
    if (!want_date)
        return;
    char date[META_DATE_CAP], update[META_DATE_CAP];
    if (words && date_from_text(words, date, update)) {
        store_value(c, F_DATE, SRC_HEADLINE, date);
        c->headline_date_order = text->order;
    } else if (words && update[0] && !c->value[F_MODIFIED][SRC_HEADLINE]) {
        store_value(c, F_MODIFIED, SRC_HEADLINE, update);
    }
}

/* A short line anywhere on the page that announces its date: "Erschienen
 * am: 01.11.2023" in a footer, "Aktualisiert am 17.01.2021" under the
 * text. TEXT is one text node; the line read is its element when that is
 * short, else the text node alone when it opens with a word, as a line
 * set off by <br> does ("(Stand vom 15.11.2008) aus der" is a piece of a
 * sentence). Only a text node with a digit can hold or end such a line,
 * which keeps the look cheap. */
static void collect_labelled_date(walk_state *w, const node *text) {
    meta_candidates *c = w->c;
    bool want_date = !c->value[F_DATE][SRC_LABELLED];
    bool want_update = !c->value[F_MODIFIED][SRC_LABELLED];
    if ((!want_date && !want_update) || text->text_chars == 0 ||
        text->text_chars > META_MAX_DATELINE)
        return;
    const char *s = node_text(w->doc, text);
    bool has_digit = false;
    for (size_t i = 0; i < text->text_len && !has_digit; i++)
        has_digit = isdigit((unsigned char)s[i]) != 0;
    if (!has_digit || !node_shown(text) || in_comments(text))
        return;
    const node *line = text->parent;
    const char *words = NULL;
    if (line && line->text_chars <= META_MAX_DATELINE) {
        words = element_words(w, line);
    } else {
        size_t lead = 0;
        while (lead < text->text_len && isspace((unsigned char)s[lead]))
            lead++;
        unsigned char first = lead < text->text_len ? (unsigned char)s[lead] : 0;
        if (isalpha(first) || first >= 0x80)
            words = cand_clean(c, s, text->text_len, false);
    }
    char date[META_DATE_CAP], update[META_DATE_CAP];
    if (!words)
        return;
    if (date_from_label(words, date, update)) {
        if (want_date)
            store_value(c, F_DATE, SRC_LABELLED, date);
    } else if (update[0] && want_update) {
        store_value(c, F_MODIFIED, SRC_LABELLED, update);
    }
}

static void collect(walk_state *w) {
    const node *root = w->doc->root;
    for (const node *n = root; n;) {
        bool skip = (n->flags & NODE_REMOVED) != 0;
        if (n == w->after_headline)
            w->under_headline = true;
        if (!skip && n->tag == TAG_TEXT && w->under_headline && w->headline_reach)
            collect_headline_date(w, n);
        if (!skip && n->tag == TAG_TEXT)
            collect_labelled_date(w, n);
        if (!skip && n->tag != TAG_TEXT && n != root)
            collect_node(w, n);
        /* Script, style and SVG hold no metadata below them. */
        if (n->tag == TAG_SCRIPT || n->tag == TAG_STYLE || n->tag == TAG_SVG)
            skip = true;
        n = tree_next(root, n, skip);
    }
}

/* --- deciding --- */

/* A chosen value and what it was read from (a result_sources name). */
typedef struct pick {
    const char *value;
    const char *origin;
} pick;

static pick slot(const meta_candidates *c, enum meta_field f, enum meta_source s) {
    return (pick){c->value[f][s], c->value[f][s] ? c->origin[f][s] : NULL};
}

/* The first of ORDER's slots of F that holds a value. */
static pick first_of(const meta_candidates *c, enum meta_field f, const enum meta_source *order,
                     size_t count) {
    for (size_t i = 0; i < count; i++)
        if (c->value[f][order[i]])
            return slot(c, f, order[i]);
    return (pick){NULL, NULL};
}

#define FIRST_OF(c, f, ...)                                                                    \
    first_of((c), (f), (const enum meta_source[]){__VA_ARGS__},                                 \
             sizeof((const enum meta_source[]){__VA_ARGS__}) / sizeof(enum meta_source))

static pick choose_sitename(const meta_candidates *c) {
    return FIRST_OF(c, F_SITENAME, SRC_OPENGRAPH, SRC_JSONLD, SRC_ITEMPROP, SRC_NAMED, SRC_LINK,
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

static const char *title_origin(const meta_candidates *c, size_t candidate) {
    if (candidate == TITLE_SOURCES)
        return "title";
    if (candidate > TITLE_SOURCES)
        return "visible";
    return c->origin[F_TITLE][title_order[candidate]];
}

/* The title by agreement. The candidates are the declared titles (a site
 * name appended by the declaration removed), the <title> without its site
 * name and the first visible <h1>; each is supported by every other hand
 * that writes the same (the raw <title> votes with the cleaned one). The
 * most supported wins, ties going to the most trusted: so the <h1> picks
 * among declared titles that differ, a declaration beats a <title> that is
 * the same plus a site name, and a lone odd declaration loses to a <title>
 * and <h1> that agree. A site name is only removed when it is confirmed
 * (title_strip_site): by the declared site name, by the page's host, or by
 * the same end on two candidates that differ before it; on a site without
 * a declared name, an end naming the page's author (title_strip_owner). */
/* TITLE, a declared title, or the <title> when TITLE is the <title> cut
 * short where it opens a quotation: a quote left unescaped inside an
 * attribute ends its value (content="Biden de "incapacitado"" holds
 * "Biden de "). */
static const char *title_uncut(const meta_candidates *c, const char *title) {
    /* Not «, which titles also set between headline and site name. */
    static const char *const quotes[] = {"\"", "\xE2\x80\x9C", "\xE2\x80\x9E"};
    const char *doc = c->doc_title;
    size_t len = title ? strlen(title) : 0;
    if (!doc || !len || strncmp(doc, title, len) != 0 || doc[len] != ' ')
        return title;
    for (size_t i = 0; i < sizeof quotes / sizeof quotes[0]; i++)
        if (strncmp(doc + len + 1, quotes[i], strlen(quotes[i])) == 0)
            return doc;
    return title;
}

static pick choose_title(meta_candidates *c, const char *sitename, const char *host,
                         const char *author) {
    const char *raw[TITLE_CANDIDATES];
    for (size_t i = 0; i < TITLE_SOURCES; i++)
        raw[i] = title_uncut(c, c->value[F_TITLE][title_order[i]]);
    raw[TITLE_SOURCES] = c->doc_title;
    /* A site that declares no name of its own and ends its titles with the
     * name of the page's one author is that person's site ("Post | Jane
     * Doe"): the author's name is its site name, confirmed by the page. */
    if (!sitename && author && !strchr(author, ';'))
        for (size_t i = 0; i < TITLE_SOURCES + 1; i++)
            raw[i] = title_strip_owner(&c->mem, raw[i], author, &c->failed);
    raw[TITLE_SOURCES + 1] = NULL;
    const char *cand[TITLE_CANDIDATES];
    /* Without a declared site name, a logo's <h1> names the site. */
    const char *site = sitename ? sitename : c->site_h1;
    for (size_t i = 0; i < TITLE_SOURCES + 1; i++)
        cand[i] = title_strip_site(&c->mem, raw[i], site, host, c->h1, raw, TITLE_SOURCES + 1,
                                   &c->failed);
    cand[TITLE_SOURCES + 1] = c->h1;
    size_t best = TITLE_CANDIDATES;
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
        if (best == TITLE_CANDIDATES || support > best_support)
            best = i, best_support = support;
    }
    if (best == TITLE_CANDIDATES)
        return (pick){NULL, NULL};
    /* The headline above the article typed again for another field, with
     * a hyphen for its dash or in another case: readers cite the headline
     * as shown. (Quotes are left as declared: a headline's curly quotes
     * and a declaration's straight ones are both the publisher's.) */
    if (best != TITLE_SOURCES + 1 && c->h1 && strcmp(cand[best], c->h1) != 0 &&
        text_retyped(cand[best], c->h1))
        return (pick){c->h1, "visible"};
    return (pick){cand[best], title_origin(c, best)};
}

/* Author sources, most trusted first. */
static const enum meta_source author_order[] = {SRC_JSONLD,   SRC_DUBLIN_CORE, SRC_NAMED,
                                                SRC_ITEMPROP, SRC_OPENGRAPH,   SRC_VENDOR,
                                                SRC_VISIBLE,  SRC_WEAK,        SRC_HEADLINE};

/* The people who wrote the page. A name equal to the site's, or one that
 * stands in for a person (a company, a host, a user name:
 * name_is_stand_in), is passed over while any source names a person; when none does, the page says by
 * every author field it has that the organisation wrote it ("BBC News",
 * a one-person blog named after its author), and the organisation is the
 * author. */
static pick choose_author(meta_candidates *c, const char *sitename) {
    const size_t count = sizeof author_order / sizeof author_order[0];
    for (size_t pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < count; i++) {
            enum meta_source s = author_order[i];
            const char *a = author_clean(&c->mem, c->value[F_AUTHOR][s],
                                         pass == 0 ? sitename : NULL, &c->failed);
            if (a && (pass == 1 || !name_is_stand_in(a)))
                return (pick){a, c->origin[F_AUTHOR][s]};
        }
    return (pick){NULL, NULL};
}

/* The first of ORDER's slots of F that holds a date, in ISO 8601. */
static pick first_date(meta_candidates *c, enum meta_field f, const enum meta_source *order,
                       size_t count) {
    char date[META_DATE_CAP];
    for (size_t i = 0; i < count; i++)
        if (date_normalise(c->value[f][order[i]], date)) {
            const char *d = arena_strdup(&c->mem, date);
            if (!d)
                c->failed = true;
            return (pick){d, c->origin[f][order[i]]};
        }
    return (pick){NULL, NULL};
}

/* A date the page states in its own zone as a calendar day: the date in
 * its address, or a date line it shows. */
static pick local_day(meta_candidates *c, const char *url, const char *page_url) {
    char date[META_DATE_CAP];
    if (date_from_url(url, date) || date_from_url(page_url, date) ||
        date_digits_in_url(url, date) || date_digits_in_url(page_url, date)) {
        const char *d = arena_strdup(&c->mem, date);
        if (!d)
            c->failed = true;
        return (pick){d, "url"};
    }
    /* Only a line marked as the date line: an unmarked date under the
     * headline (SRC_HEADLINE) may be written by a script in the zone of
     * whoever saved the page. */
    if (date_normalise(c->value[F_DATE][SRC_TEXT], date)) {
        const char *d = arena_strdup(&c->mem, date);
        if (!d)
            c->failed = true;
        return (pick){d, c->origin[F_DATE][SRC_TEXT]};
    }
    return (pick){NULL, NULL};
}

/* The zone the page writes its times in, as a declared date or
 * modification date with a local offset shows it; false when every
 * declared time is in UTC or has no zone. */
static bool declared_zone(const meta_candidates *c, int *offset) {
    static const enum meta_field fields[] = {F_DATE, F_MODIFIED};
    char date[META_DATE_CAP];
    for (size_t f = 0; f < sizeof fields / sizeof fields[0]; f++)
        for (size_t s = 0; s < SRC_COUNT; s++)
            if (date_normalise(c->value[fields[f]][s], date) && date_offset(date, offset) &&
                *offset != 0)
                return true;
    return false;
}

/* How far from UTC a newsroom's clock may be, in minutes: Hawaii to New
 * Zealand in summer, rounded out. A day the page states that its declared
 * time cannot fall on in any such zone is another event's day (the draft's,
 * in an address), not the same moment seen from another zone. */
enum { ZONE_MOST_WEST = 10 * 60, ZONE_MOST_EAST = 13 * 60 };

/* Whether the UTC time ISO falls on day DAY (YYYY-MM-DD) in some zone. */
static bool same_moment(const char *iso, const char *day) {
    int apart = date_days_between(iso, day);
    if (apart == 0)
        return true;
    if (apart != 1 && apart != -1)
        return false;
    int hour = 0, minute = 0;
    if (sscanf(iso + 10, "T%2d:%2d", &hour, &minute) != 2)
        return false;
    int minute_of_day = hour * 60 + minute;
    return apart == 1 ? 24 * 60 - minute_of_day <= ZONE_MOST_EAST
                      : minute_of_day < ZONE_MOST_WEST;
}

/* P, a declared time, as the page's own day. A time in UTC is an instant;
 * its day is the page's only when the page is written in UTC, and a page
 * dated 22:04 UTC in Vienna was published on the next day. The page's
 * zone is read, most direct first, from a day the page states itself (its
 * address, its date line) that the instant falls on in some zone, from
 * another declared time that carries a local offset, and from its language
 * or country. Without any of these the UTC day stands. */
static pick in_page_zone(meta_candidates *c, pick p, const char *lang, const char *url,
                         const char *page_url) {
    if (!p.value || !date_is_utc(p.value))
        return p;
    pick day = local_day(c, url, page_url);
    if (day.value && same_moment(p.value, day.value))
        return date_days_between(p.value, day.value) == 0 ? p : day;
    int offset;
    char date[META_DATE_CAP];
    /* The value is kept as the page wrote it unless its day changes. */
    if ((!declared_zone(c, &offset) && !zone_of_language(lang, p.value, &offset)) ||
        offset == 0 || !date_in_zone(p.value, offset, date) ||
        date_days_between(p.value, date) == 0)
        return p;
    const char *d = arena_strdup(&c->mem, date);
    if (!d)
        c->failed = true;
    return (pick){d, p.origin};
}

/* The date in the page's address (the canonical one, else the one it was
 * fetched from), into DATE. */
static bool url_date(const char *url, const char *page_url, char date[META_DATE_CAP]) {
    return date_from_url(url, date) || date_from_url(page_url, date) ||
           date_slug_in_url(url, date) || date_slug_in_url(page_url, date);
}

/* The voices that vote on the page's day: each declared source, the
 * address, and what the page shows (its <time>s and date lines, which
 * often repeat one element, so they are one voice). The page's chrome
 * does not vote: it shows other pages' days too. */
enum date_voice {
    VOICE_JSONLD,
    VOICE_OPENGRAPH,
    VOICE_ITEMPROP,
    VOICE_DUBLIN_CORE,
    VOICE_NAMED,
    VOICE_VENDOR,
    VOICE_SHOWN,
    VOICE_URL,
    VOICE_COUNT
};

static const struct {
    enum meta_source source;
    enum date_voice voice;
} date_voters[] = {
    {SRC_JSONLD, VOICE_JSONLD},       {SRC_OPENGRAPH, VOICE_OPENGRAPH},
    {SRC_ITEMPROP, VOICE_ITEMPROP},   {SRC_DUBLIN_CORE, VOICE_DUBLIN_CORE},
    {SRC_NAMED, VOICE_NAMED},         {SRC_VENDOR, VOICE_VENDOR},
    {SRC_VISIBLE, VOICE_SHOWN},       {SRC_WEAK, VOICE_SHOWN},
    {SRC_TEXT, VOICE_SHOWN},          {SRC_HEADLINE, VOICE_SHOWN},
};

/* Generic fields a CMS fills with whatever date it holds, often the last
 * save: microdata, Dublin Core, <meta name=date>, vendors' tags. */
#define GENERIC_VOICES                                                                     \
    ((1u << VOICE_ITEMPROP) | (1u << VOICE_DUBLIN_CORE) | (1u << VOICE_NAMED) |             \
     (1u << VOICE_VENDOR))

/* P's day, a day for each voter and the address's. */
enum { DATE_VOTES = sizeof date_voters / sizeof date_voters[0] + 2, DAY_LEN = 10 };

typedef struct day_vote {
    char date[META_DATE_CAP]; /* the most trusted value stating the day */
    const char *origin;
    unsigned voices; /* bits of enum date_voice */
} day_vote;

static unsigned voice_count(unsigned voices) {
    unsigned n = 0;
    for (; voices; voices &= voices - 1)
        n++;
    return n;
}

/* Add DATE, stated by the VOICES (bits of enum date_voice), to the COUNT
 * days of VOTES (room for DATE_VOTES). */
static void cast_vote(day_vote *votes, size_t *count, const char *date, unsigned voices,
                      const char *origin) {
    for (size_t i = 0; i < *count; i++)
        if (strncmp(votes[i].date, date, DAY_LEN) == 0) {
            votes[i].voices |= voices;
            return;
        }
    if (*count >= DATE_VOTES)
        return;
    day_vote *v = &votes[(*count)++];
    memcpy(v->date, date, META_DATE_CAP);
    v->origin = origin;
    v->voices = voices;
}

/* P, the most trusted date, or the day the page shows when more of its
 * voices agree on that. A CMS's field can hold another day than the page
 * shows (a draft's date in the microdata, a "date" meta that is the last
 * save, a template's JSON-LD): the day shown wins when more voices state
 * it than state P's day, or as many when only generic fields
 * (GENERIC_VOICES) state P's. A day that ties with another is no
 * answer, and P stands. */
static pick agreed_date(meta_candidates *c, pick p, const char *url, const char *page_url) {
    day_vote votes[DATE_VOTES];
    size_t count = 0;
    char date[META_DATE_CAP];
    if (!date_normalise(p.value, date))
        return p;
    cast_vote(votes, &count, date, 0, p.origin); /* P's day first, its voices below */
    for (size_t i = 0; i < sizeof date_voters / sizeof date_voters[0]; i++)
        if (date_normalise(c->value[F_DATE][date_voters[i].source], date))
            cast_vote(votes, &count, date, 1u << date_voters[i].voice,
                      c->origin[F_DATE][date_voters[i].source]);
    if (url_date(url, page_url, date))
        cast_vote(votes, &count, date, 1u << VOICE_URL, "url");
    const day_vote *best = NULL;
    bool tie = false;
    for (size_t i = 1; i < count; i++) {
        if (!best || voice_count(votes[i].voices) > voice_count(best->voices))
            best = &votes[i], tie = false;
        else if (voice_count(votes[i].voices) == voice_count(best->voices))
            tie = true;
    }
    if (!best || tie || !(best->voices & (1u << VOICE_SHOWN)))
        return p;
    unsigned for_p = votes[0].voices, for_best = best->voices;
    bool wins = voice_count(for_best) > voice_count(for_p) ||
                (voice_count(for_best) == voice_count(for_p) && !(for_p & ~GENERIC_VOICES));
    if (!wins)
        return p;
    const char *d = arena_strdup(&c->mem, best->date);
    if (!d)
        c->failed = true;
    return (pick){d, best->origin};
}

/* The publication date: what the page declares, then what it shows (a
 * <time>, a date line), then the date in its address; a declared time is
 * read as the page's own day (in_page_zone). Never the modification date:
 * those live in their own slots (F_MODIFIED). */
static pick choose_date(meta_candidates *c, const char *url, const char *page_url,
                        const char *lang) {
    static const enum meta_source order[] = {SRC_JSONLD, SRC_OPENGRAPH, SRC_ITEMPROP,
                                             SRC_DUBLIN_CORE, SRC_NAMED, SRC_VENDOR,
                                             SRC_VISIBLE, SRC_WEAK, SRC_TEXT, SRC_HEADLINE};
    static const enum meta_source created_order[] = {SRC_OPENGRAPH, SRC_ITEMPROP,
                                                     SRC_DUBLIN_CORE, SRC_NAMED, SRC_VENDOR,
                                                     SRC_JSONLD, SRC_VISIBLE, SRC_WEAK, SRC_TEXT,
                                                     SRC_HEADLINE};
    /* A marked date line further down the page than the date under the
     * headline is a teaser's ("Related: ... December 17, 2019"): the line
     * closest after the headline dates the article. */
    const char *text_line = c->value[F_DATE][SRC_TEXT];
    if (text_line && c->value[F_DATE][SRC_HEADLINE] &&
        c->headline_date_order < c->date_line_order)
        c->value[F_DATE][SRC_TEXT] = NULL;
    pick p = c->jsonld_date_created
                 ? first_date(c, F_DATE, created_order, sizeof created_order / sizeof *created_order)
                 : first_date(c, F_DATE, order, sizeof order / sizeof order[0]);
    /* The teaser's line has no vote either. */
    if (p.value)
        p = agreed_date(c, p, url, page_url);
    c->value[F_DATE][SRC_TEXT] = text_line;
    if (p.value)
        return in_page_zone(c, p, lang, url, page_url);
    char date[META_DATE_CAP];
    if (url_date(url, page_url, date)) {
        const char *d = arena_strdup(&c->mem, date);
        if (!d)
            c->failed = true;
        return (pick){d, "url"};
    }
    /* A line elsewhere that announces the date ("Erschienen am"), then a
     * date line in the chrome. */
    static const enum meta_source elsewhere[] = {SRC_LABELLED, SRC_CHROME};
    p = first_date(c, F_DATE, elsewhere, sizeof elsewhere / sizeof elsewhere[0]);
    if (p.value)
        return p;
    /* A page that only shows readers when it was last changed
     * ("Aktualisiert am 3. März 2021") dates itself by that: the one date a
     * reader would cite. A declared modification time alone is no such
     * statement (a CMS stamps it on every save) and gives no date. */
    static const enum meta_source updates[] = {SRC_TEXT, SRC_HEADLINE, SRC_LABELLED};
    return first_date(c, F_MODIFIED, updates, sizeof updates / sizeof updates[0]);
}

static pick choose_modified(meta_candidates *c) {
    static const enum meta_source order[] = {SRC_JSONLD, SRC_OPENGRAPH, SRC_ITEMPROP,
                                             SRC_DUBLIN_CORE, SRC_NAMED};
    return first_date(c, F_MODIFIED, order, sizeof order / sizeof order[0]);
}

static pick choose_language(meta_candidates *c, const char *html_lang) {
    static const enum meta_source order[] = {SRC_LINK,      SRC_NAMED,  SRC_DUBLIN_CORE,
                                             SRC_OPENGRAPH, SRC_JSONLD, SRC_VENDOR};
    enum { LANG_CAP = 36 };
    char lang[LANG_CAP];
    pick p = {NULL, NULL};
    if (lang_normalise(html_lang, lang, sizeof lang))
        p.origin = "html";
    for (size_t i = 0; !p.origin && i < sizeof order / sizeof order[0]; i++)
        if (lang_normalise(c->value[F_LANGUAGE][order[i]], lang, sizeof lang))
            p.origin = c->origin[F_LANGUAGE][order[i]];
    if (p.origin && !(p.value = arena_strdup(&c->mem, lang)))
        c->failed = true;
    return p;
}

static pick choose_url(meta_candidates *c, const char *page_url) {
    const char *base = page_url ? page_url : c->value[F_URL][SRC_OPENGRAPH];
    static const enum meta_source order[] = {SRC_LINK, SRC_OPENGRAPH, SRC_JSONLD, SRC_VENDOR};
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
        const char *u = url_resolve(&c->mem, c->value[F_URL][order[i]], base);
        if (u)
            return (pick){u, c->origin[F_URL][order[i]]};
    }
    const char *u = url_resolve(&c->mem, page_url, NULL);
    return (pick){u, u ? "url" : NULL};
}

static pick choose_image(meta_candidates *c, const char *base) {
    static const enum meta_source order[] = {SRC_OPENGRAPH, SRC_TWITTER, SRC_JSONLD, SRC_LINK,
                                             SRC_VENDOR};
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++) {
        const char *u = url_resolve(&c->mem, c->value[F_IMAGE][order[i]], base);
        if (u)
            return (pick){u, c->origin[F_IMAGE][order[i]]};
    }
    return (pick){NULL, NULL};
}

/* JSON-LD and microdata types are mapped when read; og:type here. */
static pick choose_type(const meta_candidates *c) {
    pick p = FIRST_OF(c, F_TYPE, SRC_JSONLD, SRC_ITEMPROP);
    if (!p.value)
        p = (pick){type_from_opengraph(c->value[F_TYPE][SRC_OPENGRAPH]), "og"};
    return p.value ? p : (pick){NULL, NULL};
}

/* The host of an absolute http(s) address, in A, without "www."; NULL
 * for anything else. */
static const char *url_host(arena *a, const char *url, bool *failed) {
    const char *start = url ? strstr(url, "://") : NULL;
    if (!start)
        return NULL;
    start += 3;
    size_t len = strcspn(start, "/?#:");
    if (len > 4 && strncasecmp(start, "www.", 4) == 0)
        start += 4, len -= 4;
    char *host = len ? arena_strndup(a, start, len) : NULL;
    if (len && !host)
        *failed = true;
    return host;
}

/* --- the result --- */

static bool copy_out(char **to, const char **source, pick from) {
    if (!from.value)
        return true;
    *to = strdup(from.value);
    *source = from.origin;
    return *to != NULL;
}

/* Split LIST at SEPARATORS into a malloc'd array of trimmed, distinct
 * entries of at most MAX_BYTES, at most CAP of them; NULL and *COUNT 0
 * when none is left. */
static bool split_list(const char *list, const char *separators, size_t cap, size_t max_bytes,
                       char ***out, size_t *count) {
    *count = 0;
    *out = NULL;
    if (!list)
        return true;
    char **items = calloc(cap, sizeof *items);
    if (!items)
        return false;
    for (const char *p = list; *p && *count < cap;) {
        size_t len = strcspn(p, separators);
        const char *start = p;
        p += len;
        if (*p)
            p++;
        while (len && *start == ' ')
            start++, len--;
        while (len && start[len - 1] == ' ')
            len--;
        if (!len || len > max_bytes)
            continue;
        bool repeat = false;
        for (size_t i = 0; i < *count && !repeat; i++)
            repeat = strlen(items[i]) == len && strncasecmp(items[i], start, len) == 0;
        if (repeat)
            continue;
        char *copy = strndup(start, len);
        if (!copy) {
            for (size_t i = 0; i < *count; i++)
                free(items[i]);
            free(items);
            *count = 0;
            return false;
        }
        items[(*count)++] = copy;
    }
    if (!*count) {
        free(items);
        return true;
    }
    *out = items;
    return true;
}

/* The language tag that tells the page's zone: LANG, or the OpenGraph
 * locale when LANG names no country and the locale names one for the same
 * language ("en" and "en_US"). */
static const char *zone_language(meta_candidates *c, const char *lang) {
    enum { LOCALE_CAP = 36 };
    char locale[LOCALE_CAP];
    size_t lang_len = lang ? strcspn(lang, "-_") : 0;
    if (!lang || lang[lang_len] ||
        !lang_normalise(c->value[F_LANGUAGE][SRC_OPENGRAPH], locale, sizeof locale) ||
        strncasecmp(locale, lang, lang_len) != 0 || locale[lang_len] != '-')
        return lang;
    const char *copy = arena_strdup(&c->mem, locale);
    if (!copy)
        c->failed = true;
    return copy ? copy : lang;
}

static lede_status decide(meta_candidates *c, const document *doc, const char *page_url,
                          lede_result *res) {
    pick sitename = choose_sitename(c);
    pick url = choose_url(c, page_url);
    const char *host = url_host(&c->mem, url.value ? url.value : page_url, &c->failed);
    pick author = choose_author(c, sitename.value);
    pick title = choose_title(c, sitename.value, host, author.value);
    pick language = choose_language(c, doc->lang);
    pick date = choose_date(c, url.value, page_url, zone_language(c, language.value));
    pick modified = choose_modified(c);
    pick description = FIRST_OF(c, F_DESCRIPTION, SRC_JSONLD, SRC_DUBLIN_CORE, SRC_OPENGRAPH,
                                SRC_NAMED, SRC_TWITTER, SRC_VENDOR, SRC_ITEMPROP, SRC_WEAK);
    pick image = choose_image(c, url.value ? url.value : page_url);
    pick section = FIRST_OF(c, F_SECTION, SRC_OPENGRAPH, SRC_JSONLD, SRC_VENDOR, SRC_NAMED);
    pick tags = FIRST_OF(c, F_TAGS, SRC_JSONLD, SRC_OPENGRAPH, SRC_NAMED, SRC_VENDOR,
                         SRC_DUBLIN_CORE);
    pick type = choose_type(c);
    if (c->failed)
        return LEDE_ERR_NOMEM;
    result_sources *src = &res->sources;
    bool ok = copy_out(&res->title, &src->title, title) &&
              copy_out(&res->author, &src->author, author) &&
              copy_out(&res->date, &src->date, date) &&
              copy_out(&res->modified, &src->modified, modified) &&
              copy_out(&res->sitename, &src->sitename, sitename) &&
              copy_out(&res->description, &src->description, description) &&
              copy_out(&res->language, &src->language, language) &&
              copy_out(&res->url, &src->url, url) && copy_out(&res->image, &src->image, image) &&
              copy_out(&res->section, &src->section, section) &&
              copy_out(&res->type, &src->type, type) &&
              split_list(author.value, ";", META_MAX_AUTHORS, META_MAX_VALUE, &res->authors,
                         &res->author_count) &&
              split_list(tags.value, ",;", META_MAX_TAGS, META_MAX_TAG_BYTES, &res->tags,
                         &res->tag_count);
    if (ok && res->tag_count)
        src->tags = tags.origin;
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
    if (c->skipped_jsonld)
        res->truncated |= LEDE_TRUNCATED_JSONLD;
    lede_status st = decide(c, doc, page_url, res);
    arena_free(&c->mem);
    free(c);
    return st;
}
