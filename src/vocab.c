/*
 * vocab.c — class/id/role vocabulary, see vocab.h.
 *
 * Class and id are lower-cased into one small buffer and searched for each
 * pattern. Patterns long enough to be unambiguous match anywhere
 * ("newsletter" in "inline-newsletter-box"); short ones ("ad", "nav",
 * "tags") match only whole tokens, split at space, '-' and '_', because as
 * substrings they hide in "head", "canvas" and "stage".
 */
#include "vocab.h"

#include <ctype.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

typedef struct pattern {
    const char *text;
    unsigned bits;
} pattern;

static const pattern substring_patterns[] = {
    /* navigation and page chrome */
    {"sidebar", VOCAB_BOILERPLATE}, {"navbar", VOCAB_BOILERPLATE},
    {"navigation", VOCAB_BOILERPLATE}, {"menu", VOCAB_BOILERPLATE},
    {"breadcrumb", VOCAB_BOILERPLATE}, {"footer", VOCAB_BOILERPLATE},
    {"masthead", VOCAB_BOILERPLATE}, {"skip-link", VOCAB_BOILERPLATE},
    {"skiplink", VOCAB_BOILERPLATE}, {"toolbar", VOCAB_BOILERPLATE},
    {"pagination", VOCAB_BOILERPLATE}, {"pager", VOCAB_BOILERPLATE},
    {"post-nav", VOCAB_BOILERPLATE}, {"nav-links", VOCAB_BOILERPLATE},
    {"next-article", VOCAB_BOILERPLATE}, {"widget", VOCAB_BOILERPLATE},
    {"login", VOCAB_BOILERPLATE}, {"search-form", VOCAB_BOILERPLATE},
    /* sharing and following */
    {"share", VOCAB_BOILERPLATE}, {"sharing", VOCAB_BOILERPLATE},
    {"social", VOCAB_BOILERPLATE}, {"follow-us", VOCAB_BOILERPLATE},
    {"print-", VOCAB_BOILERPLATE},
    /* other stories */
    {"related", VOCAB_BOILERPLATE}, {"recommend", VOCAB_BOILERPLATE},
    {"more-stories", VOCAB_BOILERPLATE}, {"morestories", VOCAB_BOILERPLATE},
    {"more-news", VOCAB_BOILERPLATE}, {"morenews", VOCAB_BOILERPLATE},
    {"more-posts", VOCAB_BOILERPLATE}, {"more-articles", VOCAB_BOILERPLATE},
    {"more-from", VOCAB_BOILERPLATE}, {"latest-news", VOCAB_BOILERPLATE},
    {"most-read", VOCAB_BOILERPLATE}, {"mostread", VOCAB_BOILERPLATE},
    {"most-popular", VOCAB_BOILERPLATE}, {"popular", VOCAB_BOILERPLATE},
    {"trending", VOCAB_BOILERPLATE}, {"read-more", VOCAB_BOILERPLATE},
    {"readmore", VOCAB_BOILERPLATE}, {"see-also", VOCAB_BOILERPLATE},
    {"also-read", VOCAB_BOILERPLATE}, {"outbrain", VOCAB_BOILERPLATE},
    {"taboola", VOCAB_BOILERPLATE}, {"teaser", VOCAB_BOILERPLATE},
    /* selling */
    {"newsletter", VOCAB_BOILERPLATE}, {"subscri", VOCAB_BOILERPLATE},
    {"signup", VOCAB_BOILERPLATE}, {"sign-up", VOCAB_BOILERPLATE},
    {"promo", VOCAB_BOILERPLATE}, {"advert", VOCAB_BOILERPLATE},
    {"sponsor", VOCAB_BOILERPLATE}, {"banner", VOCAB_BOILERPLATE},
    {"skyscraper", VOCAB_BOILERPLATE}, {"ad-slot", VOCAB_BOILERPLATE},
    {"adslot", VOCAB_BOILERPLATE}, {"ad-container", VOCAB_BOILERPLATE},
    {"ad-wrapper", VOCAB_BOILERPLATE}, {"ad-unit", VOCAB_BOILERPLATE},
    {"donate", VOCAB_BOILERPLATE}, {"shopping", VOCAB_BOILERPLATE},
    /* notices and overlays */
    {"cookie", VOCAB_BOILERPLATE}, {"consent", VOCAB_BOILERPLATE},
    {"gdpr", VOCAB_BOILERPLATE}, {"popup", VOCAB_BOILERPLATE},
    {"modal", VOCAB_BOILERPLATE}, {"overlay", VOCAB_BOILERPLATE},
    {"agegate", VOCAB_BOILERPLATE}, {"tooltip", VOCAB_BOILERPLATE},
    {"hovercard", VOCAB_BOILERPLATE}, {"rollover", VOCAB_BOILERPLATE},
    {"popover", VOCAB_BOILERPLATE},
    /* text for screen readers only, players, credits */
    {"sr-only", VOCAB_BOILERPLATE}, {"screen-reader", VOCAB_BOILERPLATE},
    {"visually-hidden", VOCAB_BOILERPLATE}, {"visuallyhidden", VOCAB_BOILERPLATE},
    {"offscreen", VOCAB_BOILERPLATE}, {"audio", VOCAB_BOILERPLATE},
    {"player", VOCAB_BOILERPLATE}, {"podcast", VOCAB_BOILERPLATE},
    {"credit", VOCAB_BOILERPLATE}, {"caption", VOCAB_BOILERPLATE}, {"copyright", VOCAB_BOILERPLATE},
    {"author-bio", VOCAB_BOILERPLATE}, {"authorbio", VOCAB_BOILERPLATE},
    {"post-tags", VOCAB_BOILERPLATE}, {"tag-list", VOCAB_BOILERPLATE},
    {"taglist", VOCAB_BOILERPLATE}, {"shoutbox", VOCAB_BOILERPLATE},
    {"combx", VOCAB_BOILERPLATE}, {"legends", VOCAB_BOILERPLATE},
    /* author and date lines */
    {"byline", VOCAB_BYLINE}, {"dateline", VOCAB_BYLINE},
    {"post-meta", VOCAB_BYLINE}, {"entry-meta", VOCAB_BYLINE},
    {"article-meta", VOCAB_BYLINE}, {"author", VOCAB_BYLINE},
    {"timestamp", VOCAB_BYLINE}, {"publish", VOCAB_BYLINE},
    /* comments */
    {"comment", VOCAB_COMMENTS}, {"disqus", VOCAB_COMMENTS},
    {"respond", VOCAB_COMMENTS}, {"replies", VOCAB_COMMENTS},
    /* the article */
    {"article", VOCAB_CONTENT}, {"content", VOCAB_CONTENT},
    {"entry", VOCAB_CONTENT}, {"story", VOCAB_CONTENT},
    {"body", VOCAB_CONTENT}, {"prose", VOCAB_CONTENT},
    {"richtext", VOCAB_CONTENT}, {"rich-text", VOCAB_CONTENT},
    {"hentry", VOCAB_CONTENT}, {"blog", VOCAB_CONTENT},
    /* quoted posts: "social-embed" is a tweet the story quotes, not a share bar */
    {"embed", VOCAB_EMBED}, {"tweet", VOCAB_EMBED},
    /* headers */
    {"header", VOCAB_HEADER},
};

static const pattern token_patterns[] = {
    {"ad", VOCAB_BOILERPLATE},   {"ads", VOCAB_BOILERPLATE},
    {"nav", VOCAB_BOILERPLATE},  {"tags", VOCAB_BOILERPLATE},
    {"meta", VOCAB_BYLINE},      {"date", VOCAB_BYLINE},
    {"main", VOCAB_CONTENT},     {"post", VOCAB_CONTENT},
    {"text", VOCAB_CONTENT},     {"hidden", VOCAB_BOILERPLATE},
    {"print", VOCAB_BOILERPLATE},
};

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
    NAMES_MAX = 256,
    SUBSTRING_COUNT = sizeof substring_patterns / sizeof substring_patterns[0],
    PATTERNS_PER_BUCKET = 16,
    BUCKETS = 1024
};

/* Substring patterns by their first two bytes, so that each position of a
 * name is compared with the one or two patterns that can start there
 * instead of every pattern being searched through the whole name. The
 * bucket keeps the low five bits of each byte: letters stay apart, and a
 * rare collision costs one comparison more, never a wrong answer. Built
 * once, then only read: shared by all threads. */
static struct {
    uint8_t count[BUCKETS];
    uint8_t pattern[BUCKETS][PATTERNS_PER_BUCKET];
} by_first_bytes;

static unsigned bucket_of(const char *s) {
    return ((unsigned)(s[0] & 0x1f) << 5) | (unsigned)(s[1] & 0x1f);
}
static pthread_once_t index_once = PTHREAD_ONCE_INIT;

/* Whether S starts with PREFIX; stops at the end of S. */
static bool starts_with(const char *s, const char *prefix) {
    while (*prefix && *s == *prefix) {
        s++;
        prefix++;
    }
    return *prefix == '\0';
}

static void build_index(void) {
    for (size_t i = 0; i < SUBSTRING_COUNT; i++) {
        unsigned b = bucket_of(substring_patterns[i].text); /* every pattern has 2+ bytes */
        if (by_first_bytes.count[b] < PATTERNS_PER_BUCKET)
            by_first_bytes.pattern[b][by_first_bytes.count[b]++] = (uint8_t)i;
    }
}

/* Function words of headings, in the languages of the label lists. */
static const char *const slug_function_words[] = {
    "a",   "an",  "the", "of",  "to",  "in",  "on",  "with", "and", "or",  "is",  "are",
    "how", "what", "why", "when", "vs", "de",  "la",  "le",   "les", "des", "du",  "et",
    "el",  "los", "las", "y",   "con", "der", "die", "das",  "und", "mit", "von", "il",
    "di",  "e",   "o",   "het", "een", "van", "um",  "da",   "do",
};

/* Whether ID is the slug of a heading ("sharing-with-a-single-developer",
 * as documentation generators and Markdown renderers write them): four
 * words or more, one of them a function word. Such an id names what the
 * section says, not what the element is, so its words ("sharing",
 * "comments") are no vocabulary. */
static bool is_function_word(const char *w, size_t len) {
    for (size_t i = 0; i < sizeof slug_function_words / sizeof slug_function_words[0]; i++)
        if (strlen(slug_function_words[i]) == len && strncasecmp(w, slug_function_words[i], len) == 0)
            return true;
    return false;
}

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
        if (is_function_word(w, len))
            return true;
        w += len + (w[len] != '\0');
    }
    return false;
}

/* Lower-cased "class id" of N into OUT; returns its length. An id that is
 * a heading's slug is left out. */
static size_t lower_names(const node *n, char out[NAMES_MAX]) {
    size_t len = 0;
    const char *parts[2] = {n->cls, n->id && !id_is_heading_slug(n->id) ? n->id : NULL};
    for (int i = 0; i < 2; i++) {
        if (!parts[i])
            continue;
        for (const char *s = parts[i]; *s && len < NAMES_MAX - 2; s++)
            out[len++] = (char)tolower((unsigned char)*s);
        if (len < NAMES_MAX - 1)
            out[len++] = ' ';
    }
    out[len] = '\0';
    return len;
}

static bool is_token_break(char c) {
    return c == ' ' || c == '-' || c == '_' || c == '\0' || c == '\t' || c == '\n';
}

static bool has_token(const char *names, const char *token) {
    size_t tl = strlen(token);
    for (const char *s = strstr(names, token); s; s = strstr(s + 1, token)) {
        bool starts = s == names || is_token_break(s[-1]);
        if (starts && is_token_break(s[tl]))
            return true;
    }
    return false;
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

void vocab_preload(void) {
    pthread_once(&index_once, build_index);
}

unsigned vocab_classify(const node *n) {
    unsigned bits = n->attr_count ? role_bits(n) : 0;
    if (!n->cls && !n->id)
        return bits;
    char names[NAMES_MAX];
    if (lower_names(n, names) == 0)
        return bits;
    pthread_once(&index_once, build_index);
    for (const char *p = names; p[0] && p[1]; p++) {
        unsigned b = bucket_of(p);
        for (unsigned k = 0; k < by_first_bytes.count[b]; k++) {
            const pattern *pat = &substring_patterns[by_first_bytes.pattern[b][k]];
            if (!(bits & pat->bits) && starts_with(p, pat->text))
                bits |= pat->bits;
        }
    }
    for (size_t i = 0; i < sizeof token_patterns / sizeof token_patterns[0]; i++)
        if (!(bits & token_patterns[i].bits) && has_token(names, token_patterns[i].text))
            bits |= token_patterns[i].bits;
    return bits;
}
