/*
 * metadata/internal.h — what the files of the metadata stage share.
 *
 * The stage works in two steps. The walk (walk.c, with meta_keys.c for the
 * <meta> tags and jsonld.c for the JSON-LD blocks) only collects: every value
 * the page declares is cleaned and stored (candidates.c) in a slot named by
 * the field it speaks for and the kind of source it came from. Nothing is
 * decided while walking, because the right answer often needs values that
 * come later in the page (the sitename decides how to clean the <title>, the
 * <h1> decides between two declared titles). The decision (choose.c and
 * choose_date.c, with names.c for titles and bylines) then reads the slots in
 * an order per field, or by agreement between them for the title.
 * metadata.c runs the two.
 *
 * Every stored string lives in the stage's own arena (candidates.mem), freed
 * when the stage ends; only the chosen fields are copied out with malloc for
 * lede_result.
 */
#ifndef LEDE_METADATA_INTERNAL_H
#define LEDE_METADATA_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "lede.h"
#include "lede_limits.h"

struct document; /* tree.h's, which is not included: its names would shadow locals */

/* Bytes kept of one declared value. The longest honest values are
 * descriptions of a few hundred bytes and keyword lists of a few KB; a
 * longer value is cut at a UTF-8 boundary rather than dropped. */
#define META_MAX_VALUE 4096u

/* Bytes of one JSON-LD block handed to jansson (lede_limits.h says why);
 * a longer block is not read and sets skipped_jsonld. */
#define META_MAX_JSONLD LEDE_MAX_JSONLD

/* How deep the JSON-LD walk goes. Articles sit at most three levels down
 * (array > @graph > WebPage.mainEntity); 8 leaves room without letting the
 * input choose the depth. */
#define META_JSONLD_DEPTH 8

/* Elements of one JSON array looked at; an article is never the 257th. */
#define META_JSONLD_ARRAY 256u

/* Objects with an @id remembered for resolving references in @graph. */
#define META_JSONLD_IDS 64u

/* People named in one author field, and tags kept; more are noise. */
#define META_MAX_AUTHORS 16u
#define META_MAX_TAGS 64u
#define META_MAX_TAG_BYTES 128u

/* A visible byline longer than this (bytes) is a paragraph about the author,
 * not a byline. */
#define META_MAX_BYLINE 160u

/* A date line longer than this (characters) is prose that mentions a
 * date, not the line that dates the page. */
#define META_MAX_DATELINE 120u
/* A line this short that holds a date says nothing else ("2012-06-04
 * 09:20:26", "01.02.2022", "Kultur, 2.11.22"): a date standing alone. */
#define META_MAX_STANDALONE_DATE 32u

/* Characters of visible text after the headline searched for a date
 * written in an element with no date vocabulary ("<p>3 May 2020</p>",
 * "Datum: 03.11.2021"): room for a kicker, a byline and a standfirst of a
 * few lines, which often come first; an article's first paragraphs, which
 * mention other dates, mostly lie beyond. */
#define META_HEADLINE_REACH 400u

/* Bytes of a paragraph's opening read for a dateline ("BERLIN, 27. Januar
 * 2022 (dpa) –"): a place, a date and an agency, no more. */
#define META_DATELINE_LEAD 40u

/* Bytes a heading needs for its being part of the <title> to name it the
 * headline: shorter ones ("News", "Home") are part of many titles. */
#define META_MIN_HEADLINE 12u

/* Characters a <div> of bare text needs to stand in for the first
 * paragraph: shorter ones are labels and buttons written as divs. */
#define META_MIN_DIV_PARAGRAPH 80u

/* The longest normalised date: "2019-11-20T05:30:00.123456789+05:30". */
#define META_DATE_CAP 48u

enum meta_field {
    F_TITLE,
    F_AUTHOR,
    F_DATE,
    F_SITENAME,
    F_DESCRIPTION,
    F_LANGUAGE,
    F_URL,
    F_IMAGE,
    F_SECTION,
    F_TAGS,
    F_MODIFIED,
    F_TYPE,
    F_COUNT
};

/* Kinds of source. Each field reads them in its own order (metadata.c). */
enum meta_source {
    SRC_JSONLD,      /* schema.org objects in <script type=application/ld+json> */
    SRC_DUBLIN_CORE, /* dc.* and dcterms.* */
    SRC_OPENGRAPH,   /* og:* and article:* */
    SRC_ITEMPROP,    /* schema.org microdata */
    SRC_NAMED,       /* plain <meta name=author|description|keywords...> */
    SRC_TWITTER,     /* twitter:* */
    SRC_VENDOR,      /* parsely-*, sailthru.*, citation_* */
    SRC_LINK,        /* <link rel=...>, <meta http-equiv>, JSON-LD WebSite */
    SRC_VISIBLE,     /* what a reader sees: byline, <time>, <h1> */
    SRC_WEAK,        /* visible but unmarked: the first <time datetime> */
    SRC_TEXT,        /* a date written in a dateline or byline, any language */
    SRC_HEADLINE,    /* a date written just under the headline, in any element */
    SRC_LABELLED,    /* a line anywhere that announces its date ("Erschienen am") */
    SRC_CHROME,      /* a date line in navigation, a footer or a masthead */
    SRC_STANDALONE,  /* the first short element that is a date and no more */
    SRC_COUNT
};

typedef struct meta_candidates {
    arena mem;
    const char *value[F_COUNT][SRC_COUNT];
    /* The value came from property= (RDFa, what OpenGraph and DC specify);
     * a later name= value for the same slot does not replace it, a later
     * property= value replaces a name= one. */
    bool from_property[F_COUNT][SRC_COUNT];
    /* What each value was read from, as result_sources names it; a slot may
     * hold another kind than its source says (http-equiv in SRC_LINK). */
    const char *origin[F_COUNT][SRC_COUNT];
    const char *doc_title; /* <title> */
    const char *h1;        /* the headline: the first visible <h1>, or a
                            * later one the titles name (h1_names_page) */
    bool h1_names_page;
    const char *site_h1;   /* the first <h1> the titles do not name: a logo */
    /* The JSON-LD date is a dateCreated, not a datePublished: when the
     * draft was begun, so a declared publication date elsewhere beats it. */
    bool jsonld_date_created;
    bool skipped_jsonld;   /* a JSON-LD block was not read: over a bound */
    /* Where in the document (node order) the SRC_TEXT and SRC_HEADLINE
     * dates were written. */
    uint32_t date_line_order, headline_date_order;
    bool failed;           /* out of memory somewhere */
} meta_candidates;

/* --- storing (candidates.c) --- */

/* Store LEN bytes of VALUE, cleaned (meta_clean), in slot F/S unless the
 * slot holds a value already (see from_property). Character references are
 * decoded once more: JSON-LD carries them raw, and CMSes double-escape
 * attribute values ("&amp;#8217;"). */
void cand_set(meta_candidates *c, enum meta_field f, enum meta_source s, const char *value,
              size_t len, bool from_property);
/* As cand_set, but for a field that collects several values (authors,
 * tags): appends to the slot, separated by SEP; a property= value replaces
 * name= values instead. */
void cand_append(meta_candidates *c, enum meta_field f, enum meta_source s, const char *value,
                 size_t len, const char *sep, bool from_property);
/* Say that slot F/S, when set, was read from ORIGIN (a static string). */
void cand_origin(meta_candidates *c, enum meta_field f, enum meta_source s, const char *origin);
/* A string as cand_set cleans it, in the candidates' arena. */
const char *cand_clean(meta_candidates *c, const char *value, size_t len, bool decode);

/* --- the <meta> keys (meta_keys.c) --- */

/* Store CONTENT in the slot of each space-separated word of KEYS (a
 * property= or name= value) that names a known key; FROM_PROPERTY as for
 * cand_set. */
void meta_keys_store(meta_candidates *c, const char *keys, const char *content,
                     bool from_property);

/* --- JSON-LD (jsonld.c) --- */

/* JSON-LD blocks handed to jsonld_read; later ones are not read (and set
 * skipped_jsonld). */
#define META_MAX_JSONLD_BLOCKS 16u

typedef struct jsonld_block {
    const char *text;
    size_t len;
} jsonld_block;

/* Read the page's JSON-LD blocks into C, all together so that the article
 * object is found wherever it is; a block that does not parse, even after
 * repair, is ignored. */
void jsonld_read(meta_candidates *c, const jsonld_block *blocks, size_t count);

/* --- the walk (walk.c) --- */

/* Store in C's slots every value DOC declares or shows (NODE_REMOVED
 * ignored), its <title> in doc_title, and its JSON-LD blocks, read after
 * the walk. */
void meta_collect(meta_candidates *c, const struct document *doc);

/* What the class and id words of an element say to the walk. They are
 * found in one scan of each attribute, because the walk asks for every
 * small element and asking word by word costs more than the rest of the
 * stage. Like node_class_has, a word counts inside longer ones
 * ("article-byline", "postDate"), in any ASCII case. */
enum meta_mark {
    MARK_BYLINE = 1u << 0,   /* byline, submitted, writtenby */
    MARK_AUTHOR = 1u << 1,   /* author; weaker: author boxes and menus say it too */
    MARK_COMMENT = 1u << 2,  /* comment */
    MARK_DATELINE = 1u << 3, /* date, time, publish, posted, meta; byline, submitted */
};

/* The marks the class list or id S holds. */
unsigned meta_marks_in(const char *s);

/* --- deciding (choose.c, choose_date.c) --- */

/* A chosen value and what it was read from (a result_sources name). */
typedef struct pick {
    const char *value;
    const char *origin;
} pick;

/* The publication date, in ISO 8601, from C's slots; URL is the page's
 * declared address, PAGE_URL the caller's, LANG the page's language tag
 * (for its zone). */
pick choose_date(meta_candidates *c, const char *url, const char *page_url, const char *lang);
/* The modification date the page declares, in ISO 8601. */
pick choose_modified(meta_candidates *c);

/* Fill RES's metadata fields and their sources from C's slots. Returns
 * LEDE_ERR_NOMEM or LEDE_OK. */
lede_status meta_decide(meta_candidates *c, const struct document *doc, const char *page_url,
                        lede_result *res);

/* --- text helpers (normalize.c) --- */

/* LEN bytes of S with whitespace runs collapsed to one space, control
 * characters dropped, ends trimmed, cut to META_MAX_VALUE at a UTF-8
 * boundary; with DECODE, HTML character references decoded too. NULL when
 * nothing is left (*FAILED set when the arena is exhausted). */
char *meta_clean(arena *a, const char *s, size_t len, bool decode, bool *failed);

/* Whether A and B are the same text to a reader: ASCII case, whitespace and
 * punctuation (ASCII and U+2000..U+206F) ignored. */
bool text_same(const char *a, const char *b);

/* Whether HAYSTACK holds NEEDLE as text_same compares (case, spaces and
 * punctuation aside); false for texts over 1 KB. */
bool text_contains(const char *haystack, const char *needle);

/* Whether A and B are one text typed twice: they differ only in which
 * dash stands for a dash, in ASCII case and in spacing. Quotes and other
 * punctuation must match. */
bool text_retyped(const char *a, const char *b);

/* Whether S is an address rather than words. */
bool looks_like_url(const char *s);

/* ISO 8601 form of a date written as ISO, RFC 2822 or a common textual
 * form (month names in several languages, dates.c), into OUT; false when S
 * is not a date. */
bool date_normalise(const char *s, char out[META_DATE_CAP]);

/* The bytes of the space at S that may stand between the parts of a
 * date: an ASCII space, or a no-break, thin or narrow no-break space,
 * which typography sets there ("11. November 2021", "4. 2. 2022"); 0
 * when S holds none. */
size_t date_space_len(const char *s);

/* --- dates in prose and addresses (dates.c) --- */

/* The month (1..12) named by the word at S — in the languages of dates.c's
 * month_table (Western and Central European, Russian, Ukrainian, Greek,
 * Turkish, Arabic, Indonesian), full or abbreviated, any case — and in *LEN
 * the bytes it takes; 0 when it names none. */
int month_from_word(const char *s, size_t *len);

/* The first publication date written in a line of text ("Published 3 May
 * 2020", "20. November 2019, 10:00 Uhr", "le 20 novembre 2019"), into OUT;
 * a date announced as an update is passed over, the first such into UPDATE
 * (may be NULL; "" when none). False when no publication date is written. */
bool date_from_text(const char *s, char out[META_DATE_CAP], char update[META_DATE_CAP]);

/* As date_from_text, for a line anywhere on the page: a publication date
 * counts only when words before it announce one ("Erschienen am:
 * 01.11.2023", "Published on 3 May 2020"); an update date, as there. */
bool date_from_label(const char *s, char out[META_DATE_CAP], char update[META_DATE_CAP]);

/* The date in an address's path (/2019/11/20/, /2019-11-20/), into OUT;
 * false when the path holds no full date. */
bool date_from_url(const char *url, char out[META_DATE_CAP]);

/* --- the page's own day (dates.c) --- */

/* Whether ISO (normalised) is a time declared in UTC ("Z", "+00:00"). */
bool date_is_utc(const char *iso);

/* The offset in minutes east of UTC that ISO (normalised) carries; false
 * when it has no time or no zone. */
bool date_offset(const char *iso, int *offset);

/* The offset east of UTC of the zone that pages in LANG (a BCP 47 tag) are
 * written in at the instant ISO, summer time included, when the language
 * or its country names one zone; false otherwise. */
bool zone_of_language(const char *lang, const char *iso, int *offset);

/* The instant ISO (normalised, with a time and a zone) written in the
 * zone OFFSET minutes east of UTC, into OUT. */
bool date_in_zone(const char *iso, int offset, char out[META_DATE_CAP]);

/* Days from the calendar day of A to that of B (both starting YYYY-MM-DD);
 * INT_MAX when either is not a date. */
int date_days_between(const char *a, const char *b);

/* A date in the address's path written compact or day first, where a
 * slug puts it: closing a word ("/storm-hits-20191120", "-20191120.html")
 * or opening a segment ("/20220127-storm", "/23-01-2022-storm",
 * "/29-10-2021"), into OUT. */
bool date_slug_in_url(const char *url, char out[META_DATE_CAP]);

/* As date_slug_in_url, and a path segment of eight digits too
 * ("/news/20191120/"), which alone is as often an id as a date: only good
 * for confirming a day found otherwise. */
bool date_digits_in_url(const char *url, char out[META_DATE_CAP]);

/* BCP 47 form ("en-US") of a language tag or locale ("en_us"), into OUT of
 * CAP bytes; false when S is not one. */
bool lang_normalise(const char *s, char *out, size_t cap);

/* S made absolute against BASE (an absolute http(s) address or NULL), in A;
 * NULL when S is not an http(s) address or cannot be resolved. */
const char *url_resolve(arena *a, const char *s, const char *base);

/* Count of words (runs of non-space) in S. */
size_t word_count(const char *s);

/* The page type ("article", "blog post", "video", ...) that a schema.org
 * @type or an og:type names, or NULL when it names none lede reports. */
const char *type_from_schema(const char *type);
const char *type_from_opengraph(const char *type);

/* --- names.c --- */

/* The people named by RAW ("By Jane Doe and John Roe, Staff Writers | May
 * 3"), cleaned and "; "-joined, in A; NULL when none is left. Names equal to
 * SITENAME (may be NULL) are dropped. */
const char *author_clean(arena *a, const char *raw, const char *sitename, bool *failed);

/* Whether LINE opens as a byline does ("By Jane Doe", "Von Jane Doe",
 * "Verfasst von: jdoe"), with words after the opening. */
bool opens_byline(const char *line);

/* Whether NAME, one cleaned name, stands in for a person rather than
 * naming one: a host name ("example.de"), a name ending in a legal form
 * ("Example GmbH", "Example Inc."), a user name ("jdoe"). */
bool name_is_stand_in(const char *name);

/* TITLE without a site name before or after it ("Headline | Site"), in A.
 * The side is removed only when it is confirmed as the site's: it matches
 * SITENAME (may be NULL), it spells a label of HOST (the page's host, may
 * be NULL), another of the COUNT titles in OTHERS ends with the same
 * suffix after a different headline, or what is left matches HEADLINE
 * (the <h1>; may be NULL). Otherwise TITLE is kept whole. */
const char *title_strip_site(arena *a, const char *title, const char *sitename, const char *host,
                             const char *headline, const char *const *others, size_t count,
                             bool *failed);

/* TITLE without a last part ("Post | Jane Doe") that is OWNER, in A; TITLE
 * itself when it does not end so or nothing would be left. */
const char *title_strip_owner(arena *a, const char *title, const char *owner, bool *failed);

#endif
