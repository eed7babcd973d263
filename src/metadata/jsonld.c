/*
 * jsonld.c — schema.org JSON-LD blocks into metadata candidates.
 *
 * JSON-LD is the most deliberate description a page gives of itself (it is
 * written for search engines), but pages ship it in every shape: one object,
 * an array of objects, a @graph of nodes that point at each other by @id,
 * the article nested as a WebPage's mainEntity, several blocks per page, and
 * JSON that a strict parser refuses (trailing commas, raw newlines in
 * strings, an HTML comment around it, half an emoji's surrogate pair). So
 * each block is parsed as it is and, when that fails, once more from a
 * repaired copy; then all blocks are walked
 * together, to a fixed depth, to find the one article object (an *Article or
 * *BlogPosting type, else a *Page) and the WebSite and Organization objects
 * that name the site. Only then are fields read, from the article first and
 * the page second, with @id references resolved through the nodes seen.
 */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* How much an object's @type says it is the page's article. */
enum ld_rank { LD_OTHER = 0, LD_PAGE, LD_ARTICLE };

typedef struct ld_walk {
    json_t *article;
    json_t *page;
    json_t *website;
    json_t *org;
    json_t *video;
    /* The first other object with a publication date: a HowTo, a Recipe,
     * a Review that is the page's content when no article is declared. */
    json_t *work;
    json_t *ids[META_JSONLD_IDS];
    size_t id_count;
} ld_walk;

/* --- parsing --- */

/* Whether the LEN bytes at S start (AT_END: end) with MARK. */
static bool has_mark(const char *s, size_t len, const char *mark, bool at_end) {
    size_t ml = strlen(mark);
    return len >= ml && memcmp(at_end ? s + len - ml : s, mark, ml) == 0;
}

/* Narrow [*START, *END) past the wrappers pages put around JSON in a
 * script: whitespace, <!-- -->, <![CDATA[ ]]>, and // comments before
 * them. */
static void strip_wrappers(const char *s, size_t *start, size_t *end) {
    static const char *const opening[] = {"<![CDATA[", "<!--"};
    static const char *const closing[] = {"]]>", "-->"};
    for (bool changed = true; changed && *start < *end;) {
        changed = false;
        while (*start < *end && strchr(" \t\r\n", s[*start]))
            (*start)++;
        while (*end > *start && strchr(" \t\r\n", s[*end - 1]))
            (*end)--;
        for (size_t i = 0; i < 2; i++) {
            if (has_mark(s + *start, *end - *start, opening[i], false)) {
                *start += strlen(opening[i]);
                changed = true;
            }
            if (has_mark(s + *start, *end - *start, closing[i], true)) {
                *end -= strlen(closing[i]);
                changed = true;
                /* "//]]>": the comment marker before the closing one */
                while (*end > *start && s[*end - 1] == '/')
                    (*end)--;
            }
        }
        if (has_mark(s + *start, *end - *start, "//", false)) {
            while (*start < *end && s[*start] != '\n')
                (*start)++;
            changed = true;
        }
    }
}

/* The value of the four hex digits at S, or -1. */
static long hex4(const char *s) {
    long v = 0;
    for (int i = 0; i < 4; i++) {
        char c = s[i];
        int d = c >= '0' && c <= '9'   ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                       : -1;
        if (d < 0)
            return -1;
        v = v * 16 + d;
    }
    return v;
}

#define UTF16_HIGH_FIRST 0xD800L
#define UTF16_LOW_FIRST 0xDC00L
#define UTF16_LOW_LAST 0xDFFFL
#define UNICODE_ESCAPE_LEN 6 /* \uXXXX */

static bool is_high_surrogate(long v) {
    return v >= UTF16_HIGH_FIRST && v < UTF16_LOW_FIRST;
}

static bool is_low_surrogate(long v) {
    return v >= UTF16_LOW_FIRST && v <= UTF16_LOW_LAST;
}

/* The \uXXXX escape at S[I] (I + 1 < END, S[I + 1] == 'u') copied to OUT,
 * or "\uFFFD" in its place when it is half a surrogate pair without the
 * other half: jansson refuses a whole block for one such escape, which
 * pages make by cutting a string inside an emoji. A pair is copied whole.
 * Returns the bytes read, which is also the bytes written; 0 when the
 * escape is no \u and four hex digits (left for the parser to judge). */
static size_t copy_unicode_escape(const char *s, size_t i, size_t end, char *out) {
    if (end - i < UNICODE_ESCAPE_LEN)
        return 0;
    long v = hex4(s + i + 2);
    if (v < 0)
        return 0;
    size_t n = UNICODE_ESCAPE_LEN;
    bool lone = is_low_surrogate(v);
    if (is_high_surrogate(v)) {
        size_t j = i + UNICODE_ESCAPE_LEN;
        lone = !(end - j >= UNICODE_ESCAPE_LEN && s[j] == '\\' && s[j + 1] == 'u' &&
                 is_low_surrogate(hex4(s + j + 2)));
        if (!lone)
            n = 2 * UNICODE_ESCAPE_LEN;
    }
    if (lone)
        memcpy(out, "\\uFFFD", UNICODE_ESCAPE_LEN);
    else
        memcpy(out, s + i, n);
    return n;
}

/* A copy of JSON that strict parsers accept more often: text before the
 * first bracket and after the last one dropped (comments, CDATA markers),
 * control characters inside strings made spaces, lone surrogate escapes
 * made U+FFFD, commas before a closing bracket dropped. The copy is never
 * longer than the text. malloc'd; NULL when out of memory or no bracket. */
static char *repair_json(const char *s, size_t len, size_t *out_len) {
    size_t start = 0, end = len;
    strip_wrappers(s, &start, &end);
    while (start < end && s[start] != '{' && s[start] != '[')
        start++;
    while (end > start && s[end - 1] != '}' && s[end - 1] != ']')
        end--;
    if (end <= start)
        return NULL;
    char *out = malloc(end - start + 1);
    if (!out)
        return NULL;
    size_t n = 0;
    bool in_string = false, escaped = false;
    for (size_t i = start; i < end; i++) {
        unsigned char c = (unsigned char)s[i];
        if (in_string) {
            if (!escaped && c == '\\' && i + 1 < end && s[i + 1] == 'u') {
                size_t used = copy_unicode_escape(s, i, end, out + n);
                if (used) {
                    n += used;
                    i += used - 1;
                    continue;
                }
            }
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                in_string = false;
            out[n++] = c < 0x20 ? ' ' : (char)c;
            continue;
        }
        if (c == '"') {
            in_string = true;
        } else if (c == ',') {
            size_t j = i + 1;
            while (j < end && strchr(" \t\r\n", s[j]))
                j++;
            if (j < end && (s[j] == '}' || s[j] == ']'))
                continue;
        }
        out[n++] = (char)c;
    }
    out[n] = '\0';
    *out_len = n;
    return out;
}

static json_t *parse_block(const char *text, size_t len) {
    const size_t flags = JSON_DECODE_ANY | JSON_ALLOW_NUL;
    json_error_t err;
    json_t *root = json_loadb(text, len, flags, &err);
    if (root)
        return root;
    size_t fixed_len = 0;
    char *fixed = repair_json(text, len, &fixed_len);
    if (!fixed)
        return NULL;
    root = json_loadb(fixed, fixed_len, flags, &err);
    /* Two objects one after the other: keep the first. */
    if (!root)
        root = json_loadb(fixed, fixed_len, flags | JSON_DISABLE_EOF_CHECK, &err);
    free(fixed);
    return root;
}

/* --- finding the objects --- */

/* The part of a type after its vocabulary ("http://schema.org/Article"). */
static const char *type_base(const char *t) {
    const char *slash = strrchr(t, '/'), *colon = strrchr(t, ':');
    const char *cut = slash > colon ? slash : colon;
    return cut ? cut + 1 : t;
}

static bool ends_with(const char *s, const char *suffix) {
    size_t sl = strlen(s), xl = strlen(suffix);
    return sl >= xl && strcmp(s + sl - xl, suffix) == 0;
}

static enum ld_rank rank_type_name(const char *t) {
    t = type_base(t);
    if (ends_with(t, "Article") || ends_with(t, "Posting") || strcmp(t, "Report") == 0)
        return LD_ARTICLE;
    if (ends_with(t, "Page"))
        return LD_PAGE;
    return LD_OTHER;
}

/* Whether OBJ's @type (a string or an array of them) satisfies TEST. */
static bool type_matches(const json_t *obj, bool (*test)(const char *)) {
    const json_t *type = json_object_get(obj, "@type");
    if (json_is_string(type))
        return test(type_base(json_string_value(type)));
    size_t count = json_array_size(type);
    for (size_t i = 0; i < count && i < META_JSONLD_ARRAY; i++) {
        const json_t *t = json_array_get(type, i);
        if (json_is_string(t) && test(type_base(json_string_value(t))))
            return true;
    }
    return false;
}

static enum ld_rank rank_object(const json_t *obj) {
    const json_t *type = json_object_get(obj, "@type");
    if (json_is_string(type))
        return rank_type_name(json_string_value(type));
    enum ld_rank best = LD_OTHER;
    size_t count = json_array_size(type);
    for (size_t i = 0; i < count && i < META_JSONLD_ARRAY; i++) {
        const json_t *t = json_array_get(type, i);
        if (json_is_string(t)) {
            enum ld_rank r = rank_type_name(json_string_value(t));
            if (r > best)
                best = r;
        }
    }
    return best;
}

static bool is_website(const char *t) {
    return strcmp(t, "WebSite") == 0;
}

static bool is_video(const char *t) {
    return strcmp(t, "VideoObject") == 0;
}

static bool is_organization(const char *t) {
    return ends_with(t, "Organization") || strcmp(t, "Corporation") == 0;
}

/* Visit V and what it contains to DEPTH, remembering the objects wanted. */
static void visit(ld_walk *w, json_t *v, int depth) {
    if (depth > META_JSONLD_DEPTH)
        return;
    if (json_is_array(v)) {
        size_t count = json_array_size(v);
        for (size_t i = 0; i < count && i < META_JSONLD_ARRAY; i++)
            visit(w, json_array_get(v, i), depth + 1);
        return;
    }
    if (!json_is_object(v))
        return;
    if (json_is_string(json_object_get(v, "@id")) && w->id_count < META_JSONLD_IDS)
        w->ids[w->id_count++] = v;
    enum ld_rank rank = rank_object(v);
    if (rank == LD_ARTICLE && !w->article)
        w->article = v;
    else if (rank == LD_PAGE && !w->page)
        w->page = v;
    else if (!w->website && type_matches(v, is_website))
        w->website = v;
    else if (!w->org && type_matches(v, is_organization))
        w->org = v;
    else if (!w->video && type_matches(v, is_video))
        w->video = v;
    else if (!w->work && json_is_string(json_object_get(v, "datePublished")))
        w->work = v;
    static const char *const nested[] = {"@graph", "mainEntity", "mainEntityOfPage"};
    for (size_t i = 0; i < sizeof nested / sizeof nested[0]; i++) {
        json_t *child = json_object_get(v, nested[i]);
        if (child)
            visit(w, child, depth + 1);
    }
}

/* The object that V stands for: itself, or for a bare {"@id": ...} the node
 * of the graph with that @id. */
static const json_t *resolve(const ld_walk *w, const json_t *v) {
    if (!json_is_object(v) || json_object_get(v, "name"))
        return v;
    const json_t *id = json_object_get(v, "@id");
    if (!json_is_string(id))
        return v;
    for (size_t i = 0; i < w->id_count; i++) {
        const json_t *other = json_object_get(w->ids[i], "@id");
        if (w->ids[i] != v && json_equal(other, id))
            return w->ids[i];
    }
    return v;
}

/* --- reading fields --- */

static void set_string(meta_candidates *c, enum meta_field f, const json_t *v) {
    if (json_is_string(v))
        cand_set(c, f, SRC_JSONLD, json_string_value(v), json_string_length(v), false);
}

/* The first of KEYS that OBJ has, or NULL. */
static const json_t *get_any(const json_t *obj, const char *const *keys, size_t count) {
    for (size_t i = 0; i < count; i++) {
        const json_t *v = json_object_get(obj, keys[i]);
        if (v && !json_is_null(v))
            return v;
    }
    return NULL;
}

/* A name: a string, or an object's "name", or the first of an array. */
static const json_t *name_of(const ld_walk *w, const json_t *v) {
    if (json_is_array(v))
        v = json_array_get(v, 0);
    v = resolve(w, v);
    if (json_is_object(v))
        v = json_object_get(v, "name");
    return json_is_string(v) ? v : NULL;
}

/* An address: a string, an object's "url" or "@id", or the first of an
 * array. */
static const json_t *url_of(const json_t *v) {
    if (json_is_array(v))
        v = json_array_get(v, 0);
    if (json_is_object(v)) {
        const json_t *u = json_object_get(v, "url");
        v = u ? u : json_object_get(v, "@id");
    }
    return json_is_string(v) ? v : NULL;
}

static void read_authors(meta_candidates *c, const ld_walk *w, const json_t *v) {
    size_t count = json_is_array(v) ? json_array_size(v) : 1;
    for (size_t i = 0; i < count && i < META_MAX_AUTHORS; i++) {
        const json_t *person = json_is_array(v) ? json_array_get(v, i) : v;
        const json_t *name = name_of(w, person);
        if (name)
            cand_append(c, F_AUTHOR, SRC_JSONLD, json_string_value(name),
                        json_string_length(name), "; ", false);
    }
}

static void read_keywords(meta_candidates *c, const json_t *v) {
    if (json_is_string(v)) {
        cand_append(c, F_TAGS, SRC_JSONLD, json_string_value(v), json_string_length(v), ", ", false);
        return;
    }
    size_t count = json_array_size(v);
    for (size_t i = 0; i < count && i < META_MAX_TAGS; i++) {
        const json_t *k = json_array_get(v, i);
        if (json_is_string(k))
            cand_append(c, F_TAGS, SRC_JSONLD, json_string_value(k), json_string_length(k),
                        ", ", false);
    }
}

/* The fields of OBJ (the article, or the page when there is none). */
static void read_object(meta_candidates *c, const ld_walk *w, const json_t *obj) {
    static const char *const title_keys[] = {"headline", "name", "alternativeHeadline"};
    static const char *const date_keys[] = {"datePublished", "uploadDate"};
    static const char *const url_keys[] = {"url", "mainEntityOfPage", "@id"};
    static const char *const image_keys[] = {"image", "thumbnailUrl", "primaryImageOfPage"};

    set_string(c, F_TITLE, get_any(obj, title_keys, 3));
    const json_t *author = get_any(obj, (const char *const[]){"author", "creator"}, 2);
    if (author && !c->value[F_AUTHOR][SRC_JSONLD])
        read_authors(c, w, author);
    const json_t *published = get_any(obj, date_keys, 2);
    bool had_date = c->value[F_DATE][SRC_JSONLD] != NULL;
    set_string(c, F_DATE, published ? published : json_object_get(obj, "dateCreated"));
    if (!had_date && !published && c->value[F_DATE][SRC_JSONLD])
        c->jsonld_date_created = true;
    set_string(c, F_MODIFIED, json_object_get(obj, "dateModified"));
    set_string(c, F_DESCRIPTION, json_object_get(obj, "description"));
    const json_t *publisher = json_object_get(obj, "publisher");
    if (publisher)
        set_string(c, F_SITENAME, name_of(w, publisher));
    const json_t *image = get_any(obj, image_keys, 3);
    if (image)
        set_string(c, F_IMAGE, url_of(image));
    const json_t *section = json_object_get(obj, "articleSection");
    set_string(c, F_SECTION, json_is_array(section) ? json_array_get(section, 0) : section);
    const json_t *keywords = json_object_get(obj, "keywords");
    if (keywords && !c->value[F_TAGS][SRC_JSONLD])
        read_keywords(c, keywords);
    const json_t *lang = json_object_get(obj, "inLanguage");
    set_string(c, F_LANGUAGE, json_is_object(lang) ? json_object_get(lang, "alternateName") : lang);
    const json_t *url = get_any(obj, url_keys, 3);
    if (url)
        set_string(c, F_URL, url_of(url));
}

/* The page type that OBJ's @type names (type_from_schema), or NULL. */
static const char *object_type(const json_t *obj) {
    const json_t *type = json_object_get(obj, "@type");
    if (json_is_string(type))
        return type_from_schema(json_string_value(type));
    size_t count = json_array_size(type);
    for (size_t i = 0; i < count && i < META_JSONLD_ARRAY; i++) {
        const json_t *t = json_array_get(type, i);
        const char *mapped = json_is_string(t) ? type_from_schema(json_string_value(t)) : NULL;
        if (mapped)
            return mapped;
    }
    return NULL;
}

/* What the page is: its article's type, else the video it shows, else its
 * page type (a CollectionPage is a listing). */
static void read_type(meta_candidates *c, const ld_walk *w) {
    const char *type = NULL;
    if (w->article)
        type = object_type(w->article);
    if (!type && w->video)
        type = object_type(w->video);
    if (!type && w->page)
        type = object_type(w->page);
    if (type) {
        c->value[F_TYPE][SRC_JSONLD] = type;
        c->origin[F_TYPE][SRC_JSONLD] = "json-ld";
    }
}

void jsonld_read(meta_candidates *c, const jsonld_block *blocks, size_t count) {
    json_t *roots[META_MAX_JSONLD_BLOCKS];
    size_t root_count = 0;
    ld_walk w = {0};
    for (size_t i = 0; i < count && i < META_MAX_JSONLD_BLOCKS; i++) {
        if (blocks[i].len > META_MAX_JSONLD)
            continue;
        json_t *root = parse_block(blocks[i].text, blocks[i].len);
        if (!root)
            continue;
        roots[root_count++] = root;
        visit(&w, root, 0);
    }
    if (w.article)
        read_object(c, &w, w.article);
    if (w.page)
        read_object(c, &w, w.page);
    /* Only the date of another work: its name and its author's are those
     * of a recipe or a product as often as of the page. */
    if (!w.article && !w.page && w.work)
        set_string(c, F_DATE, json_object_get(w.work, "datePublished"));
    read_type(c, &w);
    if (w.website) {
        const json_t *name = json_object_get(w.website, "name");
        if (json_is_string(name)) {
            cand_set(c, F_SITENAME, SRC_LINK, json_string_value(name), json_string_length(name),
                     false);
            cand_origin(c, F_SITENAME, SRC_LINK, "json-ld");
        }
        const json_t *publisher = json_object_get(w.website, "publisher");
        if (publisher)
            set_string(c, F_SITENAME, name_of(&w, publisher));
    }
    if (w.org && (w.article || w.page))
        set_string(c, F_SITENAME, name_of(&w, w.org));
    for (size_t i = 0; i < root_count; i++)
        json_decref(roots[i]);
}
