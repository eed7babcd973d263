/*
 * metadata/choose.c — deciding: each field's value from its slots, and
 * the result.
 *
 * Most fields take the first slot that holds a value in a per-field order
 * of trust; the title is chosen by agreement between its sources, and the
 * author passes over values that stand in for a person while any source
 * names one (names.c). The dates are choose_date.c's. The chosen values
 * are copied out with malloc into lede_result, so the stage's arena can go.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"
#include "result.h"
#include "tree.h"

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

lede_status meta_decide(meta_candidates *c, const document *doc, const char *page_url,
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
