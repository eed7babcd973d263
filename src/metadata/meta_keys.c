/*
 * metadata/meta_keys.c — which <meta> names and properties fill which
 * slot.
 *
 * One table from key to field, kind of source and how several values
 * combine (set once, people joined with "; ", tags with ", "), so that a
 * vendor's tag is a row rather than code. Keys are read in lower case,
 * "dc:" and "dcterms:" as "dc." and "dcterms.", and an attribute holding
 * several keys (property="og:title twitter:title") fills each.
 */
#include <string.h>

#include "internal.h"

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
    /* The first byte first: most <meta> names of a page (viewport,
     * robots, theme-color) are in no row, and were compared with all. */
    for (size_t i = 0; i < sizeof meta_keys / sizeof meta_keys[0]; i++)
        if (meta_keys[i].key[0] == lower[0] && strcmp(meta_keys[i].key, lower) == 0)
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

void meta_keys_store(meta_candidates *c, const char *keys, const char *content,
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
