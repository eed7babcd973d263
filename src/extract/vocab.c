/*
 * vocab.c — class/id/role vocabulary, see vocab.h.
 *
 * Names are read as words, never searched for substrings: "menu" hides in
 * "taxomenu", "pager" in "APageRoot", "header" in "table-header", and a
 * substring match removed whole articles for them. Each class token (split
 * at spaces) is split into words at '-', '_', ':', '.', camelCase and digit
 * boundaries and lower-cased; a word counts when it is in the table below,
 * or when it is a compound of table words written without a separator
 * ("sidebar", "commentlist", "relatedposts", "topnav"): a prefix that is a
 * table word, then a table word, optionally then a part noun ("list",
 * "box", "posts"). Two neighbouring words are also read as one
 * ("read-more" as "readmore", "sr-only" as "sronly"), so a name reads the
 * same however it is spelled.
 *
 * A modifier in a class token ("has-sidebar", "no-print", "section--has-ads",
 * "hidden-xs", "visible-print") says what an element contains, lacks or how
 * it shows at one screen size, not what it is: the words from it on are no
 * vocabulary. "hidden" counts only as a whole class ("hidden", "is-hidden").
 * "header" counts only first in its class token or after a word that
 * places it ("site-header", "article-header"): "card-header" and
 * "table-header" are parts of a card and a table.
 */
#include "vocab.h"

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "lexicon/lexicon.h"

/* How a table word may combine with others inside one written word. */
enum word_kind {
    W_STEM,      /* a vocabulary word: alone, or at the end of a compound */
    W_QUALIFIER, /* places a stem ("top", "left", "site"): only before one */
    W_PART       /* a part noun ("list", "box"): only after a stem */
};

/* VOCAB_* bits of a stem, plus lede's own marks. */
enum {
    MARK_HEADER = 1u << 8,       /* the word "header": checked for its placement */
    MARK_WHOLE_CLASS = 1u << 9,  /* counts only as a whole class token ("hidden") */
    MARK_FIRST = 1u << 10,       /* counts only first in its class token ("widget") */
    MARK_BITS = MARK_HEADER | MARK_WHOLE_CLASS | MARK_FIRST
};

typedef struct word {
    const char *text;
    unsigned bits;
    enum word_kind kind;
} word;

#define B(w) {w, VOCAB_BOILERPLATE, W_STEM}
#define C(w) {w, VOCAB_CONTENT, W_STEM}
#define M(w) {w, VOCAB_COMMENTS, W_STEM}
#define L(w) {w, VOCAB_BYLINE, W_STEM}
#define E(w) {w, VOCAB_EMBED, W_STEM}
#define D(w) {w, VOCAB_LEAD, W_STEM}
#define Q(w) {w, 0, W_QUALIFIER}
#define P(w) {w, 0, W_PART}

static const word words[] = {
    /* navigation and page chrome */
    B("sidebar"), B("sidebars"), B("navbar"), B("nav"), B("navigation"), B("menu"),
    B("menus"), B("submenu"), B("breadcrumb"), B("breadcrumbs"), B("footer"), B("masthead"),
    B("skiplink"), B("skiplinks"), B("skip"), B("toolbar"), B("pagination"), B("pager"),
    B("postnav"), B("navlinks"), B("nextarticle"), B("login"), B("searchform"),
    B("search"), {"widget", VOCAB_BOILERPLATE | MARK_FIRST, W_STEM},
    {"widgets", VOCAB_BOILERPLATE | MARK_FIRST, W_STEM}, B("offcanvas"), B("cta"),
    /* sharing and following */
    B("share"), B("shares"), B("sharing"), B("sharethis"), B("addthis"), B("addtoany"),
    B("social"), B("followus"), B("print"), B("likes"), B("sharedaddy"),
    /* other stories */
    B("related"), B("recommend"), B("recommended"), B("recommendation"),
    B("recommendations"), B("morestories"), B("morenews"), B("moreposts"),
    B("morearticles"), B("morefrom"), B("latestnews"), B("mostread"), B("mostpopular"),
    B("popular"), B("trending"), B("readmore"), B("seealso"), B("alsoread"), B("outbrain"),
    B("taboola"), B("teasers"),
    /* selling */
    B("newsletter"), B("newsletters"), B("subscribe"), B("subscriber"), B("subscription"),
    B("subscriptions"), B("signup"), B("promo"), B("promos"), B("promotion"), B("advert"),
    B("adverts"), B("advertisement"), B("advertisements"), B("advertising"), B("sponsor"),
    B("sponsors"), B("sponsored"), B("banner"), B("skyscraper"), B("ad"), B("ads"),
    B("adslot"), B("adcontainer"), B("adwrapper"), B("adunit"), B("donate"),
    B("donation"), B("shopping"),
    /* notices and overlays */
    B("cookie"), B("cookies"), B("consent"), B("gdpr"), B("popup"), B("modal"),
    B("overlay"), B("agegate"), B("tooltip"), B("hovercard"), B("rollover"), B("popover"),
    /* text for screen readers only, players, credits */
    B("sronly"), B("screenreader"), B("visuallyhidden"), B("offscreen"), B("audio"),
    B("player"), B("podcast"), B("credit"), B("credits"), B("caption"), B("captions"),
    B("copyright"), B("authorbio"), B("authorbox"), B("aboutauthor"), B("authorinfo"),
    B("authorprofile"), B("authordescription"), B("posttags"), B("taglist"), B("tagcloud"), B("tags"),
    B("shoutbox"), B("combx"), B("legends"),
    {"hidden", VOCAB_BOILERPLATE | MARK_WHOLE_CLASS, W_STEM},
    /* author and date lines */
    L("byline"), L("bylines"), L("dateline"), L("postmeta"), L("entrymeta"),
    L("articlemeta"), L("meta"), L("author"), L("authors"), L("timestamp"), L("date"),
    L("published"), L("updated"), L("pubdate"), L("publishdate"), L("postdate"),
    /* comments */
    M("comment"), M("comments"), M("disqus"), M("respond"), M("replies"),
    /* the article */
    C("article"), C("content"), C("contents"), C("entry"), C("story"), C("body"),
    C("prose"), C("richtext"), C("hentry"), C("blog"), C("main"), C("post"), C("text"),
    /* the standfirst between headline and body, in the words of several
     * languages' newsrooms (sapo, chapo, chapeau: French; perex: Czech) */
    D("lead"), D("lede"), D("intro"), D("standfirst"), D("abstract"), D("summary"),
    D("excerpt"), D("subtitle"), D("subheadline"), D("subhead"), D("dek"), D("deck"),
    D("sapo"), D("chapo"), D("chapeau"), D("perex"), D("strapline"), D("description"),
    D("teaser"), /* a story's own lead in German newsrooms; a card of links goes by them */
    /* quoted posts: "social-embed" is a tweet the story quotes, not a share bar */
    E("embed"), E("embedded"), E("tweet"),
    /* headers */
    {"header", VOCAB_HEADER | MARK_HEADER, W_STEM},
    /* words that place a stem */
    Q("top"), Q("bottom"), Q("left"), Q("right"), Q("side"), Q("site"), Q("page"),
    Q("global"), Q("primary"), Q("secondary"), Q("mobile"), Q("sub"), Q("mega"), Q("off"),
    Q("inline"), Q("sticky"), Q("single"), Q("in"), Q("more"), Q("next"), Q("prev"),
    /* part nouns */
    P("list"), P("box"), P("bar"), P("form"), P("area"), P("section"), P("wrapper"),
    P("wrap"), P("container"), P("block"), P("links"), P("link"), P("buttons"),
    P("button"), P("tools"), P("icons"), P("count"), P("posts"),
    P("articles"), P("stories"), P("news"), P("items"), P("module"), P("info"),
    P("name"), P("panel"), P("holder"),
};

#undef B
#undef C
#undef M
#undef L
#undef E
#undef D
#undef Q
#undef P

/* Words that say what an element has or lacks or where it shows, not what
 * it is: the words after one in a class token are no vocabulary. */
static const char *const modifiers[] = {"has", "with", "without", "no", "not",
                                        "hidden", "visible", "show", "hide"};

/* Words that place a "header" as the page's or the article's own. */
static const char *const header_places[] = {"site", "page", "main", "global", "top",
                                            "article", "entry", "post", "story", "masthead"};

static const struct {
    const char *role;
    unsigned bits;
} role_patterns[] = {
    {"navigation", VOCAB_ROLE_CHROME}, {"menu", VOCAB_ROLE_CHROME},
    {"menubar", VOCAB_ROLE_CHROME},    {"complementary", VOCAB_ROLE_CHROME},
    {"alert", VOCAB_ROLE_CHROME},      {"alertdialog", VOCAB_ROLE_CHROME},
    {"dialog", VOCAB_ROLE_CHROME},     {"banner", VOCAB_ROLE_CHROME},
    {"contentinfo", VOCAB_ROLE_CHROME}, {"search", VOCAB_ROLE_CHROME},
    {"main", VOCAB_CONTENT},           {"article", VOCAB_CONTENT},
};

enum {
    WORD_COUNT = sizeof words / sizeof words[0],
    MAX_WORD = 48,          /* longer written words are no vocabulary */
    MAX_WORDS_PER_CLASS = 16,
    WORDS_PER_BUCKET = 24,
    BUCKETS = 1024
};

/* Table words by their first two bytes: a word is compared with the few
 * that can start it. Built once, then only read: shared by all threads. */
static struct {
    uint8_t count[BUCKETS];
    uint8_t index[BUCKETS][WORDS_PER_BUCKET];
} by_first_bytes;
static pthread_once_t index_once = PTHREAD_ONCE_INIT;

static unsigned bucket_of(const char *s) {
    return ((unsigned)(s[0] & 0x1f) << 5) | (unsigned)(s[1] & 0x1f);
}

static void build_index(void) {
    for (size_t i = 0; i < WORD_COUNT; i++) {
        unsigned b = bucket_of(words[i].text); /* every table word has 2+ bytes */
        if (by_first_bytes.count[b] < WORDS_PER_BUCKET)
            by_first_bytes.index[b][by_first_bytes.count[b]++] = (uint8_t)i;
    }
}

void vocab_preload(void) {
    pthread_once(&index_once, build_index);
}

/* The length of table word TEXT when it opens S[0, LEN) (S holds no NUL),
 * else 0. Table words are a few bytes and this runs for every word of
 * every class token, several times: a plain loop beats strlen + strncmp. */
static size_t opening_len(const char *text, const char *s, size_t len) {
    size_t i = 0;
    for (; text[i]; i++)
        if (i == len || text[i] != s[i])
            return 0;
    return i;
}

/* The table entry spelled exactly S[0, LEN), or NULL. */
static const word *lookup(const char *s, size_t len) {
    if (len < 2)
        return NULL;
    unsigned b = bucket_of(s);
    for (unsigned k = 0; k < by_first_bytes.count[b]; k++) {
        const word *w = &words[by_first_bytes.index[b][k]];
        if (opening_len(w->text, s, len) == len)
            return w;
    }
    return NULL;
}

/* The bits of a stem, optionally followed by a part noun. */
static unsigned stem_with_part(const char *s, size_t len) {
    const word *w = lookup(s, len);
    if (w)
        return w->kind == W_STEM ? w->bits : 0;
    unsigned b = len >= 2 ? bucket_of(s) : 0;
    for (unsigned k = 0; len >= 4 && k < by_first_bytes.count[b]; k++) {
        const word *stem = &words[by_first_bytes.index[b][k]];
        size_t sl = stem->kind == W_STEM ? opening_len(stem->text, s, len) : 0;
        if (sl == 0 || sl >= len)
            continue;
        const word *part = lookup(s + sl, len - sl);
        if (part && part->kind == W_PART)
            return stem->bits;
    }
    return 0;
}

/* The bits of a written word: a table stem, or a compound of a stem or a
 * qualifier and a stem, or either of those and a part noun; a plural in
 * 's' reads as its singular ("timestamps", "bylines"). */
static unsigned word_bits(const char *s, size_t len) {
    unsigned bits = stem_with_part(s, len);
    if (!bits && len > 3 && s[len - 1] == 's')
        bits = stem_with_part(s, len - 1);
    if (bits || len < 5)
        return bits;
    unsigned b = bucket_of(s);
    for (unsigned k = 0; k < by_first_bytes.count[b]; k++) {
        const word *lead = &words[by_first_bytes.index[b][k]];
        bool leads = lead->kind == W_STEM || lead->kind == W_QUALIFIER;
        size_t ll = leads ? opening_len(lead->text, s, len) : 0;
        if (ll == 0 || ll + 2 > len)
            continue;
        unsigned rest = stem_with_part(s + ll, len - ll);
        if (rest)
            return rest | (lead->kind == W_STEM ? lead->bits : 0);
    }
    return 0;
}

/* ---- splitting names into words ---------------------------------------- */

typedef struct words_of_class {
    char text[MAX_WORDS_PER_CLASS][MAX_WORD + 1];
    size_t len[MAX_WORDS_PER_CLASS];
    size_t count;
} words_of_class;

static bool is_separator(char c) {
    return c == '-' || c == '_' || c == ':' || c == '.' || c == '/';
}

/* ASCII classes of a byte, as <ctype.h> gives them in the C locale and for
 * the bytes of UTF-8 in any: this runs at every byte of every class token
 * of a page, where a call per byte cost a third of the split. */
static bool is_lower(char c) {
    return c >= 'a' && c <= 'z';
}

static bool is_upper(char c) {
    return c >= 'A' && c <= 'Z';
}

static bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

/* Whether a word ends between A and B: camelCase ("mainNav"), an acronym
 * before a word ("HTMLParser", at the P), letters against digits. */
static bool word_breaks(const char *s, size_t i) {
    char a = s[i - 1], b = s[i];
    if (is_lower(a) && is_upper(b))
        return true;
    if (is_upper(a) && is_upper(b) && is_lower(s[i + 1]))
        return true;
    bool a_letter = is_lower(a) || is_upper(a), b_letter = is_lower(b) || is_upper(b);
    return (is_digit(a) && b_letter) || (a_letter && is_digit(b));
}

static void push_word(words_of_class *w, const char *s, size_t len) {
    if (len == 0 || len > MAX_WORD || w->count == MAX_WORDS_PER_CLASS)
        return;
    for (size_t i = 0; i < len; i++)
        w->text[w->count][i] = ascii_lower(s[i]);
    w->text[w->count][len] = '\0';
    w->len[w->count++] = len;
}

/* The words of one class token S[0, LEN). */
static void split_words(const char *s, size_t len, words_of_class *w) {
    w->count = 0;
    size_t start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i == len || is_separator(s[i])) {
            push_word(w, s + start, i - start);
            start = i + 1;
        } else if (i > start && word_breaks(s, i)) {
            push_word(w, s + start, i - start);
            start = i;
        }
    }
}

/* Whether the word S is one of the COUNT words of LIST (the first byte
 * compared first: this runs for every word of every class token). */
static bool word_in(const char *s, const char *const list[], size_t count) {
    for (size_t i = 0; i < count; i++)
        if (s[0] == list[i][0] && strcmp(s, list[i]) == 0)
            return true;
    return false;
}

static bool is_modifier(const char *s) {
    return word_in(s, modifiers, sizeof modifiers / sizeof modifiers[0]);
}

static bool places_header(const char *s) {
    return word_in(s, header_places, sizeof header_places / sizeof header_places[0]);
}

/* A stem's bits as they count at word I of the class token W. */
static unsigned placed_bits(const words_of_class *w, size_t i, unsigned bits) {
    if ((bits & MARK_WHOLE_CLASS) &&
        !(w->count == 1 || (w->count == 2 && i == 1 && strcmp(w->text[0], "is") == 0)))
        return 0;
    if ((bits & MARK_FIRST) && i > 0)
        return 0;
    if ((bits & MARK_HEADER) && i > 0 && !places_header(w->text[i - 1]))
        bits &= ~(unsigned)VOCAB_HEADER;
    return bits & ~(unsigned)MARK_BITS;
}

/* Words I and I + 1 of W written together into PAIR (2 * MAX_WORD + 1
 * bytes): their length, or 0 when there is no next word or the two would
 * not fit one word. */
static size_t join_pair(const words_of_class *w, size_t i, char *pair) {
    if (i + 1 >= w->count || w->len[i] + w->len[i + 1] > MAX_WORD)
        return 0;
    memcpy(pair, w->text[i], w->len[i]);
    memcpy(pair + w->len[i], w->text[i + 1], w->len[i + 1] + 1);
    return w->len[i] + w->len[i + 1];
}

/* The vocabulary of one class token: each word, and each pair of
 * neighbouring words read as one. */
static unsigned class_token_bits(const char *s, size_t len) {
    words_of_class w;
    split_words(s, len, &w);
    unsigned bits = 0;
    for (size_t i = 0; i < w.count; i++) {
        if (w.count > 1 && is_modifier(w.text[i]) && !(i == 1 && strcmp(w.text[0], "is") == 0))
            break; /* what follows is what it has, lacks or how it shows */
        bits |= placed_bits(&w, i, word_bits(w.text[i], w.len[i]));
        char pair[2 * MAX_WORD + 1];
        size_t pair_len = join_pair(&w, i, pair);
        if (pair_len) {
            const word *joined = lookup(pair, pair_len);
            if (joined && joined->kind == W_STEM)
                bits |= joined->bits & ~(unsigned)MARK_BITS;
        }
    }
    return bits;
}

/* ---- ids that are headings' slugs --------------------------------------- */

/* Whether ID is the slug of a heading ("sharing-with-a-single-developer",
 * as documentation generators and Markdown renderers write them): four
 * words or more, one of them a function word (lexicon/function_words.c).
 * Such an id names what the section says, not what the element is, so its
 * words ("sharing", "comments") are no vocabulary. */
static bool id_is_heading_slug(const char *id) {
    enum { MIN_SLUG_WORDS = 4 };
    size_t separators = 0;
    for (const char *p = id; *p; p++)
        separators += *p == '-' || *p == '_';
    /* most ids are one to three words: they end here */
    if (separators + 1 < MIN_SLUG_WORDS || strchr(id, ' '))
        return false;
    for (const char *w = id; *w;) {
        size_t len = strcspn(w, "-_");
        if (lexicon_is(LEXICON_SLUG_FUNCTION_WORDS, w, len))
            return true;
        w += len + (w[len] != '\0');
    }
    return false;
}

/* The class token at *AT (a whitespace-separated list): its length, 0 at
 * the list's end, with *AT moved past the whitespace before it. Plain
 * loops: tokens are a few bytes, for which strspn and strcspn cost more
 * than the bytes they step over. */
static bool is_space(unsigned char c) {
    /* most bytes are letters, above the space: one test for them */
    return c <= ' ' && (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f');
}

static size_t class_token(const char **at) {
    const unsigned char *s = (const unsigned char *)*at;
    while (is_space(*s))
        s++;
    *at = (const char *)s;
    size_t len = 0;
    while (s[len] > ' ' || (s[len] != '\0' && !is_space(s[len])))
        len++;
    return len;
}

/* The vocabulary of an attribute value: its class tokens, split at
 * whitespace. */
static unsigned names_bits(const char *names) {
    unsigned bits = 0;
    const char *s = names;
    for (size_t len; (len = class_token(&s)) > 0; s += len)
        bits |= class_token_bits(s, len);
    return bits;
}

static unsigned role_bits(const node *n) {
    const char *role = node_attr(n, "role");
    if (!role)
        return 0;
    for (size_t i = 0; i < sizeof role_patterns / sizeof role_patterns[0]; i++)
        if (strcmp(role, role_patterns[i].role) == 0)
            return role_patterns[i].bits;
    return 0;
}

/* ---- the memo of one parse --------------------------------------------- */

struct vocab_memo_entry {
    const char *names; /* a class token (LEN bytes, in a node's value); NULL: a free slot */
    size_t len;
    uint32_t hash;
    unsigned bits;
};

enum {
    MEMO_FIRST_CAPACITY = 64,
    /* Past this many distinct tokens (a page of generated class names) the
     * rest are classified each time: the memo's memory stays bounded. */
    MEMO_MAX_ENTRIES = 2048
};

/* FNV-1a of S[0, LEN). */
static uint32_t token_hash(const char *s, size_t len) {
    enum { FNV_OFFSET = 2166136261u, FNV_PRIME = 16777619u };
    uint32_t h = FNV_OFFSET;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * FNV_PRIME;
    return h;
}

/* The slot of NAMES in MEMO: its entry, or the free slot it would take. */
static vocab_memo_entry *memo_slot(const vocab_memo *memo, const char *names, size_t len,
                                   uint32_t hash) {
    size_t mask = memo->capacity - 1;
    for (size_t i = hash & mask;; i = (i + 1) & mask) {
        vocab_memo_entry *e = &memo->slots[i];
        if (!e->names)
            return e;
        if (e->hash == hash && e->len == len && memcmp(e->names, names, len) == 0)
            return e;
    }
}

/* Make room for one more entry, keeping the table at most half full;
 * false when MEMO is full or memory ran out. */
static bool memo_reserve(vocab_memo *memo) {
    if (memo->count >= MEMO_MAX_ENTRIES)
        return false;
    if (2 * (memo->count + 1) <= memo->capacity)
        return true;
    size_t capacity = memo->capacity ? 2 * memo->capacity : MEMO_FIRST_CAPACITY;
    vocab_memo_entry *slots = calloc(capacity, sizeof *slots);
    if (!slots)
        return false;
    vocab_memo grown = {.slots = slots, .capacity = capacity, .count = memo->count};
    for (size_t i = 0; i < memo->capacity; i++) {
        const vocab_memo_entry *e = &memo->slots[i];
        if (e->names)
            *memo_slot(&grown, e->names, e->len, e->hash) = *e;
    }
    free(memo->slots);
    *memo = grown;
    return true;
}

/* class_token_bits(S, LEN), through MEMO. */
static unsigned token_bits_memo(const char *s, size_t len, vocab_memo *memo) {
    uint32_t hash = token_hash(s, len);
    if (memo->capacity) {
        const vocab_memo_entry *known = memo_slot(memo, s, len, hash);
        if (known->names)
            return known->bits;
    }
    unsigned bits = class_token_bits(s, len);
    if (memo_reserve(memo)) {
        vocab_memo_entry *e = memo_slot(memo, s, len, hash);
        *e = (vocab_memo_entry){.names = s, .len = len, .hash = hash, .bits = bits};
        memo->count++;
    }
    return bits;
}

/* names_bits(NAMES), each class token through MEMO when there is one. */
static unsigned names_bits_memo(const char *names, vocab_memo *memo) {
    if (!memo)
        return names_bits(names);
    unsigned bits = 0;
    const char *s = names;
    for (size_t len; (len = class_token(&s)) > 0; s += len)
        bits |= token_bits_memo(s, len, memo);
    return bits;
}

void vocab_memo_free(vocab_memo *memo) {
    free(memo->slots);
    *memo = (vocab_memo){0};
}

/* A walk of its own rather than a step of parse.c's element callback: the
 * tokens are the same ones either way, and the walk cost 0.27% more
 * instructions on 60 of the aeb pages (callgrind) than classifying while
 * parsing, for a parse that only parses and a phase that lede.c shows. */
void vocab_mark(document *doc) {
    vocab_memo memo = {0};
    for (node *n = doc->root; n; n = tree_next(doc->root, n, false))
        if (n->tag != TAG_TEXT)
            n->vocab = (uint8_t)vocab_classify_memo(n, &memo);
    vocab_memo_free(&memo);
}

unsigned vocab_classify_memo(const node *n, vocab_memo *memo) {
    unsigned bits = n->attr_count ? role_bits(n) : 0;
    if (!n->cls && !n->id)
        return bits;
    pthread_once(&index_once, build_index);
    if (n->cls)
        bits |= names_bits_memo(n->cls, memo);
    if (n->id && !id_is_heading_slug(n->id))
        bits |= names_bits_memo(n->id, memo);
    return bits;
}

unsigned vocab_classify(const node *n) {
    return vocab_classify_memo(n, NULL);
}

/* ---- what is inside code and not code ------------------------------------
 * Highlighters number the lines of a listing in elements of their own
 * ("lineno", "linenos", "line-number", "gutter", "hljs-ln-numbers"): the
 * numbers are not code. Those that know the code's types show a token's
 * type or documentation in a box on hover ("hover-info" in Lean's Verso,
 * "twoslash-popup-container" in Shiki's Twoslash), written beside the
 * token: not code either. */

static const char *const line_number_words[] = {"lineno", "linenos", "linenumber",
                                                "linenumbers", "gutter", "ln"};

static const char *const hover_box_words[] = {"tooltip", "popup", "popover", "hovercard",
                                              "hoverinfo"};

typedef struct word_list {
    const char *const *words;
    size_t count;
} word_list;

static bool token_names_one_of(const char *s, size_t len, word_list list) {
    words_of_class w;
    split_words(s, len, &w);
    for (size_t i = 0; i < w.count; i++) {
        char pair[2 * MAX_WORD + 1];
        const char *candidates[2] = {w.text[i], NULL};
        if (join_pair(&w, i, pair))
            candidates[1] = pair; /* "line-number" */
        for (size_t c = 0; c < 2 && candidates[c]; c++)
            for (size_t k = 0; k < list.count; k++)
                if (strcmp(candidates[c], list.words[k]) == 0)
                    return true;
    }
    return false;
}

static bool class_names_one_of(const node *n, word_list list) {
    if (!n->cls)
        return false;
    const char *s = n->cls;
    for (size_t len; (len = class_token(&s)) > 0; s += len)
        if (token_names_one_of(s, len, list))
            return true;
    return false;
}

bool vocab_names_line_number(const node *n) {
    word_list list = {line_number_words, sizeof line_number_words / sizeof line_number_words[0]};
    return class_names_one_of(n, list);
}

bool vocab_names_hover_box(const node *n) {
    word_list list = {hover_box_words, sizeof hover_box_words / sizeof hover_box_words[0]};
    return class_names_one_of(n, list);
}
