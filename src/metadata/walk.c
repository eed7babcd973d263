/*
 * metadata/walk.c — the one walk over the page that collects what it says
 * about itself.
 *
 * Declared values (<meta>, <link>, microdata) and visible ones (the
 * headline, bylines, <time>, date lines under the headline or labelled
 * anywhere) go into their slots as they are met; nothing is decided here,
 * because the right answer often needs values later in the page. Where a
 * visible value stands (in the page's chrome, in comments, in another
 * <article>) is read from its ancestors while walking, and decides its
 * kind of source. JSON-LD blocks are only gathered here and read after
 * the walk (jsonld.c).
 */
#include <ctype.h>
#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include "ascii.h"
#include "buf.h"
#include "internal.h"
#include "tree.h"
#include "extract/vocab.h"

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
        meta_keys_store(w->c, property, content, true);
    if (name)
        meta_keys_store(w->c, name, content, false);
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

/* The words behind each mark (internal.h), lower case. */
static const struct {
    const char *word;
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

/* Whether S opens with LOWER in any case. A plain loop: this runs where a
 * pair of letters opens a word, where a call to strncasecmp costs more
 * than the few bytes it compares. */
static bool opens_with_ci(const char *s, const char *lower) {
    for (; *lower; s++, lower++)
        if (ascii_lower(*s) != *lower)
            return false;
    return true;
}

/* The pairs of letters mark_words open with: for each first letter, a bit
 * for each second. A class is scanned at every byte, and most bytes of a
 * class open no such pair ("de" opens "date", "ad" nothing): they are
 * passed over at the cost of one test, where a table of first letters
 * alone let through most bytes of "content", "post" or "media". Built
 * once, then only read: shared by all threads. */
static uint32_t mark_pairs[26];
static pthread_once_t mark_pairs_once = PTHREAD_ONCE_INIT;

static void build_mark_pairs(void) {
    for (size_t i = 0; i < sizeof mark_words / sizeof mark_words[0]; i++)
        mark_pairs[mark_words[i].word[0] - 'a'] |= 1u << (mark_words[i].word[1] - 'a');
}

unsigned meta_marks_in(const char *s) {
    pthread_once(&mark_pairs_once, build_mark_pairs);
    unsigned marks = 0;
    /* Every word has two letters or more: a match starts before the last
     * byte. A byte ORed with 0x20 falls in 'a'..'z' exactly when it is a
     * letter, then lower-cased: one OR where ascii_lower compares twice. */
    for (; s[0] && s[1]; s++) {
        unsigned first = (unsigned)((s[0] | 0x20) - 'a');
        unsigned second = (unsigned)((s[1] | 0x20) - 'a');
        if (first >= 26 || second >= 26 || !(mark_pairs[first] & (1u << second)))
            continue;
        for (size_t i = 0; i < sizeof mark_words / sizeof mark_words[0]; i++)
            if (mark_words[i].word[0] == (char)('a' + first) &&
                opens_with_ci(s, mark_words[i].word))
                marks |= mark_words[i].marks;
    }
    return marks;
}

static unsigned class_marks(const node *n) {
    return (n->cls ? meta_marks_in(n->cls) : 0) | (n->id ? meta_marks_in(n->id) : 0);
}

/* Whether a marked byline may still be stored: one of its slots is free. */
static bool byline_wanted(const meta_candidates *c) {
    return !c->value[F_AUTHOR][SRC_VISIBLE] || !c->value[F_AUTHOR][SRC_WEAK];
}

/* A byline: rel=author or a class or id that says byline; "author" alone
 * is weaker because it also names author boxes, author menus and comment
 * authors. MARKS are N's class_marks. */
static void collect_byline(walk_state *w, const node *n, unsigned marks) {
    meta_candidates *c = w->c;
    if (!byline_wanted(c))
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

/* Whether N may still give the date line: none was found, and N is short
 * enough to be one. */
static bool date_line_wanted(const meta_candidates *c, const node *n) {
    return !c->value[F_DATE][SRC_TEXT] && n->text_chars <= META_MAX_DATELINE;
}

/* A date written where the page puts its date line: a short element
 * marked as date, time or post meta, or a <time> without datetime=. The
 * first such date counts; chrome and comments carry other pages' dates. */
static void collect_date_line(walk_state *w, const node *n, unsigned marks) {
    meta_candidates *c = w->c;
    if (!date_line_wanted(c, n))
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
    /* The classes are scanned only while they may still tell something:
     * once both byline slots and the date line are filled, the scan of
     * every short element's class and id would go for nothing. */
    if (!byline_wanted(w->c) && !date_line_wanted(w->c, n))
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

/* Whether N is in a list item or a definition list's value, whose date
 * (an archive's entry, a record's "Effective Date") is the item's, or in a
 * heading or a link, whose date is what it is about or another page's. */
static bool in_item(const node *n) {
    for (; n; n = n->parent)
        if (n->tag == TAG_LI || n->tag == TAG_DD || n->tag == TAG_A ||
            tag_is_heading((enum tag)n->tag))
            return true;
    return false;
}

/* A short element LINE whose words WORDS are a date and little else, the
 * first on a page without a headline, or above it, outside its chrome, its
 * comments, list items, headings, links and other stories' cards: the date
 * of a page that marks its date line in no other way (a table cell under
 * an old page's title set in bold, a <span> beside a news item's heading
 * that the <title> does not name). It dates the page only when nothing
 * else does. */
static void collect_standalone_date(walk_state *w, const node *line, const char *words) {
    char date[META_DATE_CAP], update[META_DATE_CAP];
    /* Below a headline, its reach decides (collect_headline_date): further
     * down, a date is what the text is about, not when it was written. */
    if (w->after_headline || in_page_chrome(line) || in_other_article(w, line) || in_item(line) ||
        says_today(line) || !date_from_text(words, date, update))
        return;
    store_value(w->c, F_DATE, SRC_STANDALONE, date);
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
    bool want_alone = !c->value[F_DATE][SRC_STANDALONE];
    if ((!want_date && !want_update && !want_alone) || text->text_chars == 0 ||
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
    } else if (want_alone && line && line->text_chars <= META_MAX_STANDALONE_DATE) {
        collect_standalone_date(w, line, words);
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


void meta_collect(meta_candidates *c, const document *doc) {
    walk_state w = {.doc = doc, .c = c};
    buf_init(&w.text);
    if (doc->title_text)
        c->doc_title = cand_clean(c, doc->title_text, strlen(doc->title_text), false);
    collect(&w);
    buf_free(&w.text);
    jsonld_read(c, w.blocks, w.block_count);
}
