/*
 * names.c — bylines into people, titles without their site name.
 *
 * Bylines are written for readers, so they carry more than names: "By",
 * "Von" or "Par" in front, a role or credential after a comma, a date, an
 * e-mail address, several people joined with "and" or "&". The cleaner
 * works on words, in the order a byline is read: cut the trailing date and
 * whatever follows a separator bar, split into people, then clean each
 * person. A name that is too long or too wordy to be a name is dropped
 * rather than shortened, because a wrong author is worse than none.
 *
 * Titles get the same care on their ends only: "Headline | Site" loses the
 * site when the other side is the declared site name, or — when guessing is
 * allowed — when the removed side is short and the headline long.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "internal.h"

/* A name longer than this (bytes) or of more words is a sentence. */
#define NAME_MAX_BYTES 100u
#define NAME_MAX_WORDS 8u

/* Words that introduce a byline, lower case, matched a whole word at a
 * time (a trailing ':' ignored), so "Written by" goes in two steps. */
static const char *const byline_lead_words[] = {
    "by", "written", "posted", "reported", "words", "story", "text", "von", "par",
    "por", "di", "door", "от", "av", "af", "autor", "author", "authors",
};

/* In a piece after a comma, these mark a role, not a person. */
static const char *const role_words[] = {
    "writer", "reporter", "correspondent", "editor", "contributor", "columnist",
    "journalist", "photographer", "staff", "producer", "analyst", "news", "press",
    "intern", "critic", "author", "redakteur", "rédact", "journaliste", "periodista",
    "project", "institute", "university", "agency", "service", "desk", "team", "department",
    "center", "centre", "bureau",
};

/* Letters after a name and a comma that are no second person. */
static const char *const credentials[] = {"ma", "ms", "msc", "md", "m.d", "phd", "ph.d", "rn",
                                          "jr", "sr", "mba", "mph", "do", "dds", "esq", "ii",
                                          "iii", "iv", "bsc", "ba", "llm", "cpa"};

/* Roles written straight after a name, without a comma. */
static const char *const trailing_roles[] = {"editor", "writer", "reporter", "correspondent",
                                             "columnist", "redakteur", "rédacteur"};

/* Between two people. */
static const char *const name_joints[] = {" and ", " & ", " und ", " et ", " y ", " e ",
                                          " en ", " и "};

static const char *const month_words[] = {
    "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun",
    "june", "jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october",
    "nov", "november", "dec", "december",
};

/* Words that announce the date that follows a name. */
static const char *const date_lead_words[] = {"on", "updated", "published", "posted",
                                              "last", "am", "le", "el", "il"};

typedef struct word {
    char *start;
    size_t len;
} word;

static bool word_is(const word *w, const char *const *list, size_t count) {
    size_t len = w->len;
    while (len && (w->start[len - 1] == '.' || w->start[len - 1] == ','))
        len--;
    for (size_t i = 0; i < count; i++)
        if (strlen(list[i]) == len && strncasecmp(w->start, list[i], len) == 0)
            return true;
    return false;
}

static bool word_has_digit(const word *w) {
    for (size_t i = 0; i < w->len; i++)
        if (isdigit((unsigned char)w->start[i]))
            return true;
    return false;
}

static bool word_is_month(const word *w) {
    return word_is(w, month_words, sizeof month_words / sizeof month_words[0]);
}

/* Split S (modified) into at most CAP words. */
static size_t split_words(char *s, word *words, size_t cap) {
    size_t count = 0;
    while (*s && count < cap) {
        while (*s == ' ')
            s++;
        if (!*s)
            break;
        words[count].start = s;
        while (*s && *s != ' ')
            s++;
        words[count].len = (size_t)(s - words[count].start);
        count++;
    }
    return count;
}

/* Cut S where a date starts: a word with a digit, a month followed by a
 * number, or "on"/"updated" followed by either. */
static void cut_date(char *s) {
    enum { MAX_WORDS = 32 };
    word words[MAX_WORDS];
    size_t count = split_words(s, words, MAX_WORDS);
    for (size_t i = 0; i < count; i++) {
        bool next_dateish = i + 1 < count &&
                            (word_has_digit(&words[i + 1]) || word_is_month(&words[i + 1]) ||
                             word_is(&words[i + 1], date_lead_words,
                                     sizeof date_lead_words / sizeof date_lead_words[0]));
        if (word_has_digit(&words[i]) || (word_is_month(&words[i]) && next_dateish) ||
            (word_is(&words[i], date_lead_words,
                     sizeof date_lead_words / sizeof date_lead_words[0]) &&
             next_dateish)) {
            /* Lower-case words just before a date belong to it in any
             * language ("před 2 hodinami", "il 3 maggio"). */
            while (i > 0 && islower((unsigned char)*words[i - 1].start))
                i--;
            *words[i].start = '\0';
            return;
        }
    }
}

/* Cut S at the first separator after which bylines put dates or roles. */
static void cut_at_separator(char *s) {
    static const char *const separators[] = {"|", "•", "·", " — ", " – ", " - ", " / "};
    for (size_t i = 0; i < sizeof separators / sizeof separators[0]; i++) {
        char *p = strstr(s, separators[i]);
        if (p && p != s)
            *p = '\0';
    }
}

/* Remove "(...)" groups holding an address and words holding '@'. */
static void drop_addresses(char *s) {
    for (char *open = strchr(s, '('); open; open = strchr(open, '(')) {
        char *close = strchr(open, ')');
        if (!close)
            break;
        *close = '\0';
        bool address = strchr(open, '@') || looks_like_url(open + 1);
        *close = ')';
        if (address)
            memmove(open, close + 1, strlen(close + 1) + 1);
        else
            open = close;
    }
    char *w = s;
    while (*w) {
        while (*w == ' ')
            w++;
        char *end = w;
        while (*end && *end != ' ')
            end++;
        char saved = *end;
        *end = '\0';
        bool address = end > w && (strchr(w, '@') || looks_like_url(w));
        *end = saved;
        if (address)
            memmove(w, end, strlen(end) + 1);
        else
            w = end;
    }
}

/* Trim spaces and punctuation bylines leave at their ends. */
static char *trim_name(char *s) {
    while (*s && strchr(" .,;:|-*", *s))
        s++;
    size_t len = strlen(s);
    while (len && strchr(" .,;:|-*", s[len - 1]) &&
           !(s[len - 1] == '.' && len >= 2 && isupper((unsigned char)s[len - 2]) &&
             (len < 3 || s[len - 3] == ' ')))
        s[--len] = '\0';
    return s;
}

/* Drop the words that introduce a byline ("By", "Written by", "Von"). */
static char *strip_lead(char *s) {
    for (;;) {
        while (*s == ' ')
            s++;
        word w = {s, strcspn(s, " ")};
        while (w.len && w.start[w.len - 1] == ':')
            w.len--;
        if (!w.len || !word_is(&w, byline_lead_words,
                                sizeof byline_lead_words / sizeof byline_lead_words[0]))
            return s;
        /* "By" alone is not a byline lead when nothing follows it. */
        if (!s[strcspn(s, " ")])
            return s;
        s += strcspn(s, " ");
    }
}

static bool piece_is_role(const char *piece) {
    word w = {(char *)piece, strlen(piece)};
    if (word_is(&w, credentials, sizeof credentials / sizeof credentials[0]))
        return true;
    for (size_t i = 0; i < sizeof role_words / sizeof role_words[0]; i++) {
        size_t rl = strlen(role_words[i]);
        for (const char *p = piece; *p; p++)
            if (strncasecmp(p, role_words[i], rl) == 0)
                return true;
    }
    return false;
}

static bool has_letter(const char *s) {
    for (; *s; s++)
        if (isalpha((unsigned char)*s) || (unsigned char)*s >= 0x80)
            return true;
    return false;
}

typedef struct name_list {
    const char *names[META_MAX_AUTHORS];
    size_t count;
    const char *sitename;
    arena *mem;
    bool *failed;
} name_list;

/* Drop a role that follows a name without a comma ("Ben Silverman Games
 * Editor"): the role word, and the word before it when a name of two words
 * would still be left. */
static void cut_trailing_role(char *s) {
    enum { MAX_WORDS = 16, NAME_WORDS = 2 };
    word words[MAX_WORDS];
    size_t count = split_words(s, words, MAX_WORDS);
    if (count < NAME_WORDS + 1 ||
        !word_is(&words[count - 1], trailing_roles,
                 sizeof trailing_roles / sizeof trailing_roles[0]))
        return;
    size_t keep = count - 1;
    if (keep > NAME_WORDS)
        keep--;
    *words[keep].start = '\0';
}

/* Clean one person's name and add it unless it is no name or a repeat. */
static void add_name(name_list *list, char *s) {
    s = trim_name(strip_lead(s));
    cut_date(s);
    cut_trailing_role(s);
    s = trim_name(s);
    if (!*s || !has_letter(s) || strlen(s) > NAME_MAX_BYTES || word_count(s) > NAME_MAX_WORDS ||
        looks_like_url(s) || (list->sitename && text_same(s, list->sitename)))
        return;
    for (size_t i = 0; i < list->count; i++)
        if (text_same(list->names[i], s))
            return;
    if (list->count < META_MAX_AUTHORS)
        list->names[list->count++] = s;
}

/* The first joint in S outside parentheses with a name of two words or more
 * on either side; *LEN gets its length. */
static char *find_joint(char *s, size_t *len) {
    enum { NAME_WORDS = 2 };
    int depth = 0;
    for (char *p = s; *p; p++) {
        if (*p == '(')
            depth++;
        else if (*p == ')' && depth > 0)
            depth--;
        if (depth || *p != ' ')
            continue;
        for (size_t i = 0; i < sizeof name_joints / sizeof name_joints[0]; i++) {
            size_t jl = strlen(name_joints[i]);
            if (strncasecmp(p, name_joints[i], jl) != 0)
                continue;
            char saved = *p;
            *p = '\0';
            size_t left = word_count(s);
            *p = saved;
            if (left >= NAME_WORDS && word_count(p + jl) >= NAME_WORDS) {
                *len = jl;
                return p;
            }
        }
    }
    return NULL;
}

/* Split PART at the words that join two people ("and", "&", "und"). */
static void add_joined(name_list *list, char *part) {
    size_t joint_len = 0;
    for (char *joint; (joint = find_joint(part, &joint_len)) != NULL;) {
        *joint = '\0';
        add_name(list, part);
        part = joint + joint_len;
    }
    add_name(list, part);
}

/* Whether a piece after a comma names an organisation rather than a
 * person: an acronym ("ACLU Speech"), unless the name itself is in
 * capitals. */
static bool piece_is_organisation(const char *piece, bool name_in_capitals) {
    if (name_in_capitals)
        return false;
    for (const char *p = piece; *p;) {
        size_t len = strcspn(p, " ");
        size_t upper = 0;
        for (size_t i = 0; i < len; i++)
            upper += isupper((unsigned char)p[i]) != 0;
        if (len >= 2 && upper == len)
            return true;
        p += len;
        p += strspn(p, " ");
    }
    return false;
}

static bool all_capitals(const char *s) {
    bool letters = false;
    for (; *s; s++) {
        if (islower((unsigned char)*s))
            return false;
        letters |= isupper((unsigned char)*s) != 0;
    }
    return letters;
}

/* One part between ';': "Jane Doe, Staff Writer" is one person with a role,
 * "Jane Doe, John Roe" two people, "Doe, Jane" one person. A role or an
 * organisation after a comma ends the names. */
static void add_comma_part(name_list *list, char *part) {
    enum { MAX_PIECES = 8 };
    char *pieces[MAX_PIECES];
    size_t count = 0;
    for (char *p = part; p && count < MAX_PIECES;) {
        char *comma = strchr(p, ',');
        if (comma)
            *comma = '\0';
        char *piece = trim_name(strip_lead(p));
        if (count > 0 && (piece_is_role(piece) ||
                          piece_is_organisation(piece, all_capitals(pieces[0]))))
            break;
        if (*piece)
            pieces[count++] = piece;
        p = comma ? comma + 1 : NULL;
    }
    bool people = count > 1;
    for (size_t i = 0; i < count; i++)
        if (word_count(pieces[i]) < 2)
            people = false;
    if (people || count <= 1) {
        for (size_t i = 0; i < count; i++)
            add_joined(list, pieces[i]);
        return;
    }
    /* "Doe, Jane": put the pieces back together. */
    size_t total = 0;
    for (size_t i = 0; i < count; i++)
        total += strlen(pieces[i]) + 2;
    char *joined = arena_alloc(list->mem, total + 1);
    if (!joined) {
        *list->failed = true;
        return;
    }
    for (size_t i = 0; i < count; i++) {
        if (i)
            strcat(joined, ", ");
        strcat(joined, pieces[i]);
    }
    add_name(list, joined);
}

const char *author_clean(arena *a, const char *raw, const char *sitename, bool *failed) {
    if (!raw || looks_like_url(raw))
        return NULL;
    char *s = arena_strdup(a, raw);
    if (!s) {
        *failed = true;
        return NULL;
    }
    name_list list = {.sitename = sitename, .mem = a, .failed = failed};
    drop_addresses(s);
    for (char *part = s; part;) {
        char *semi = strchr(part, ';');
        if (semi)
            *semi = '\0';
        cut_at_separator(part);
        char *lead = strip_lead(part);
        cut_date(lead);
        add_comma_part(&list, lead);
        part = semi ? semi + 1 : NULL;
    }
    if (!list.count)
        return NULL;
    size_t total = 0;
    for (size_t i = 0; i < list.count; i++)
        total += strlen(list.names[i]) + 2;
    char *out = arena_alloc(a, total + 1);
    if (!out) {
        *failed = true;
        return NULL;
    }
    for (size_t i = 0; i < list.count; i++) {
        if (i)
            strcat(out, "; ");
        strcat(out, list.names[i]);
    }
    return out;
}

/* --- titles --- */

/* What sites put between headline and site name. */
static const char *const title_separators[] = {" | ", " - ", " – ", " — ", " :: ", " · ",
                                               " » ", " // ", " _ "};

/* A side that could be a site name: a few words, much shorter than the
 * headline on the other side. */
static bool site_like(const char *side, size_t side_len, size_t headline_len,
                      size_t headline_words) {
    enum { SITE_MAX_WORDS = 4, HEADLINE_MIN_WORDS = 3, LENGTH_RATIO = 2 };
    size_t words = 1;
    for (size_t i = 0; i < side_len; i++)
        if (side[i] == ' ')
            words++;
    return words <= SITE_MAX_WORDS && headline_words >= HEADLINE_MIN_WORDS &&
           side_len * LENGTH_RATIO <= headline_len;
}

static const char *copy_trimmed(arena *a, const char *s, size_t len, bool *failed) {
    while (len && s[0] == ' ')
        s++, len--;
    while (len && s[len - 1] == ' ')
        len--;
    char *out = arena_strndup(a, s, len);
    if (!out)
        *failed = true;
    return out;
}

const char *title_strip_site(arena *a, const char *title, const char *sitename,
                             const char *headline, bool guess, bool *failed) {
    if (!title)
        return NULL;
    size_t len = strlen(title);
    /* The last separator: a site name is at the end. */
    const char *last = NULL, *first = NULL;
    size_t last_len = 0, first_len = 0;
    for (size_t i = 0; i < sizeof title_separators / sizeof title_separators[0]; i++) {
        size_t sl = strlen(title_separators[i]);
        for (const char *p = strstr(title, title_separators[i]); p;
             p = strstr(p + 1, title_separators[i])) {
            if (!last || p > last)
                last = p, last_len = sl;
            if (!first || p < first)
                first = p, first_len = sl;
        }
    }
    const char *colon = strstr(title, ": ");
    if ((sitename || headline) && colon && (!first || colon < first)) {
        first = colon;
        first_len = 2;
    }
    if (last && last > title) {
        const char *right = last + last_len;
        size_t left_len = (size_t)(last - title), right_len = len - (size_t)(right - title);
        char *right_copy = arena_strndup(a, right, right_len);
        char *left_copy = arena_strndup(a, title, left_len);
        if (!right_copy || !left_copy) {
            *failed = true;
            return title;
        }
        /* Guided by the <h1>, only when the side it keeps is the longer:
         * an <h1> holding the site's name must not make it the title. */
        if ((sitename && text_same(right_copy, sitename)) ||
            (left_len >= right_len && text_same(left_copy, headline)) ||
            (guess && right_len &&
             site_like(right, right_len, left_len, word_count(left_copy))))
            return copy_trimmed(a, title, left_len, failed);
    }
    if (first && (sitename || headline)) {
        size_t left_len = (size_t)(first - title);
        char *left_copy = arena_strndup(a, title, left_len);
        if (!left_copy) {
            *failed = true;
            return title;
        }
        const char *rest = first + first_len;
        if (text_same(left_copy, sitename) ||
            (strlen(rest) >= left_len && text_same(rest, headline))) {
            return copy_trimmed(a, rest, strlen(rest), failed);
        }
    }
    return title;
}
