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
 *
 * The words a byline is read by (leads, roles, weekdays, months, credits)
 * are the lexicon's (src/lexicon/), shared with the body's trimmer.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "internal.h"
#include "lexicon/lexicon.h"

/* A name longer than this (bytes) or of more words is a sentence. */
#define NAME_MAX_BYTES 100u
#define NAME_MAX_WORDS 8u

typedef struct word {
    char *start;
    size_t len;
} word;

/* The length of W without the '.', ',' and ':' that end it. */
static size_t bare_len(const word *w) {
    size_t len = w->len;
    while (len && (w->start[len - 1] == '.' || w->start[len - 1] == ',' ||
                   w->start[len - 1] == ':'))
        len--;
    return len;
}

static bool word_is(const word *w, lexicon_concept concept) {
    return lexicon_is(concept, w->start, bare_len(w));
}

static bool word_has_digit(const word *w) {
    for (size_t i = 0; i < w->len; i++)
        if (isdigit((unsigned char)w->start[i]))
            return true;
    return false;
}

/* English alone: lexicon/months.c says why. */
static bool word_is_month(const word *w) {
    return lexicon_month(w->start, bare_len(w), LEXICON_MONTHS_ENGLISH) != 0;
}

/* Whether W is a weekday that opens a date: a full name, or an English
 * abbreviation followed by a comma. */
static bool word_opens_date(const word *w) {
    return word_is(w, LEXICON_WEEKDAYS) ||
           (w->len > 1 && w->start[w->len - 1] == ',' &&
            word_is(w, LEXICON_WEEKDAY_ABBREVIATIONS));
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

/* Longest number that ends a name rather than starts a date: handles and
 * generated names carry one ("Person 0", "user 42"), while a date alone at
 * the end has a four-digit year or punctuation ("2020", "3.5.", "12:30"). */
#define NAME_NUMBER_MAX_DIGITS 3u

/* A short bare number as the last word, after a name: part of the name. */
static bool is_name_number(const word *words, size_t i, size_t count) {
    if (i == 0 || i + 1 != count || words[i].len > NAME_NUMBER_MAX_DIGITS)
        return false;
    for (size_t k = 0; k < words[i].len; k++)
        if (!isdigit((unsigned char)words[i].start[k]))
            return false;
    return true;
}

/* Cut S where a date starts: a word with a digit (but a name's own number,
 * is_name_number), a month followed by a number, "on"/"updated" followed
 * by either, or a weekday after the name that ends it or is followed by
 * either. */
static void cut_date(char *s) {
    enum { MAX_WORDS = 32 };
    word words[MAX_WORDS];
    size_t count = split_words(s, words, MAX_WORDS);
    for (size_t i = 0; i < count; i++) {
        bool next_dateish = i + 1 < count &&
                            (word_has_digit(&words[i + 1]) || word_is_month(&words[i + 1]) ||
                             word_is(&words[i + 1], LEXICON_DATE_LEAD_WORDS));
        bool weekday = i > 0 && word_is(&words[i], LEXICON_WEEKDAYS);
        bool digit = word_has_digit(&words[i]) && !is_name_number(words, i, count);
        if (digit || (word_is_month(&words[i]) && next_dateish) ||
            (weekday && (next_dateish || i + 1 == count)) ||
            (word_is(&words[i], LEXICON_DATE_LEAD_WORDS) &&
             next_dateish)) {
            /* Lower-case words just before a date belong to it in any
             * language ("před 2 hodinami", "il 3 maggio"), and so do the
             * words that announce one ("Stand:", "Hace") and its weekday
             * ("on Mon, 24 July"). */
            while (i > 0 && (islower((unsigned char)*words[i - 1].start) ||
                             word_is(&words[i - 1], LEXICON_DATE_LEAD_WORDS) ||
                             word_opens_date(&words[i - 1])))
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

/* Cut S where the credits of other people's work begin. */
static void cut_other_credits(char *s) {
    lexicon_rows credits = lexicon_rows_of(LEXICON_OTHER_CREDITS);
    for (size_t i = 0; i < credits.count; i++) {
        size_t len = strlen(credits.row[i]);
        for (char *p = s; *p; p++)
            if ((p == s || p[-1] == ' ') && strncasecmp(p, credits.row[i], len) == 0 &&
                (p[len] == ' ' || p[len] == ':' || !p[len])) {
                *p = '\0';
                break;
            }
    }
}

/* The words of S, split in COPY (NAME_MAX_BYTES + 1 bytes) into WORDS (MAX
 * of them), their number in *COUNT; false when S is too long to be a name. */
static bool words_of_copy(const char *s, char *copy, word *words, size_t max, size_t *count) {
    size_t len = strlen(s);
    if (len > NAME_MAX_BYTES)
        return false;
    memcpy(copy, s, len + 1);
    *count = split_words(copy, words, max);
    return true;
}

/* Whether S holds a word of navigation ("Follow", "View"). */
static bool has_navigation_word(char *s) {
    enum { MAX_WORDS = 16 };
    word words[MAX_WORDS];
    char copy[NAME_MAX_BYTES + 1];
    size_t count;
    if (!words_of_copy(s, copy, words, MAX_WORDS, &count))
        return false;
    for (size_t i = 0; i < count; i++)
        if (word_is(&words[i], LEXICON_NAVIGATION_WORDS))
            return true;
    return false;
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
        /* "[at]" and "(at)" are '@' hidden from harvesters. */
        bool address = end > w && (strchr(w, '@') || strstr(w, "[at]") || strstr(w, "(at)") ||
                                   looks_like_url(w));
        *end = saved;
        if (address)
            memmove(w, end, strlen(end) + 1);
        else
            w = end;
    }
}

/* The length of an em or en dash ending the LEN bytes at S, or 0. */
static size_t trailing_dash(const char *s, size_t len) {
    if (len >= 3 && (unsigned char)s[len - 3] == 0xE2 && (unsigned char)s[len - 2] == 0x80 &&
        ((unsigned char)s[len - 1] == 0x93 || (unsigned char)s[len - 1] == 0x94))
        return 3;
    return 0;
}

/* Trim spaces and punctuation bylines leave at their ends, dashes and
 * tildes included ("erstellt von Jane —", "~ Jane Doe"). */
static char *trim_name(char *s) {
    while (*s && strchr(" .,;:|-*~", *s))
        s++;
    size_t len = strlen(s);
    for (size_t dash; (dash = trailing_dash(s, len)) != 0;) {
        len -= dash;
        while (len && s[len - 1] == ' ')
            len--;
        s[len] = '\0';
    }
    while (len && strchr(" .,;:|-*", s[len - 1]) &&
           !(s[len - 1] == '.' && len >= 2 && isupper((unsigned char)s[len - 2]) &&
             (len < 3 || s[len - 3] == ' ')))
        s[--len] = '\0';
    return s;
}

/* Past the kind of piece that a byline may open with ("Analysis by",
 * "Opinion by", "Story and photos by"): up to three words, then "by". */
static char *skip_piece_kind(char *s) {
    enum { MAX_KIND_WORDS = 3 };
    char *p = s;
    for (size_t i = 0; i <= MAX_KIND_WORDS; i++) {
        p += strspn(p, " ");
        size_t len = strcspn(p, " ");
        if (!len)
            return s;
        if (i > 0 && len == 2 && strncasecmp(p, "by", 2) == 0)
            return p[len] ? p + len : s;
        for (size_t k = 0; k < len; k++)
            if (!isalpha((unsigned char)p[k]))
                return s;
        p += len;
    }
    return s;
}

/* Past a byline lead phrase at the start of S ("View all posts by"). */
static char *skip_lead_phrase(char *s) {
    s += strspn(s, " ");
    lexicon_rows phrases = lexicon_rows_of(LEXICON_BYLINE_LEAD_PHRASES);
    for (size_t i = 0; i < phrases.count; i++) {
        size_t len = strlen(phrases.row[i]);
        if (strncasecmp(s, phrases.row[i], len) == 0 && s[len] == ' ')
            return s + len;
    }
    return s;
}

/* Drop the words that introduce a byline ("By", "Written by", "Von"). */
static char *strip_lead(char *s) {
    s = skip_piece_kind(skip_lead_phrase(s));
    for (;;) {
        while (*s == ' ')
            s++;
        word w = {s, strcspn(s, " ")};
        while (w.len && w.start[w.len - 1] == ':')
            w.len--;
        if (!w.len || !word_is(&w, LEXICON_BYLINE_LEAD_WORDS))
            return s;
        /* "By" alone is not a byline lead when nothing follows it. */
        if (!s[strcspn(s, " ")])
            return s;
        s += strcspn(s, " ");
    }
}

static bool piece_is_role(const char *piece) {
    word w = {(char *)piece, strlen(piece)};
    if (word_is(&w, LEXICON_CREDENTIALS))
        return true;
    return lexicon_holds(LEXICON_ROLE_WORDS, piece, strlen(piece));
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
        !word_is(&words[count - 1], LEXICON_TRAILING_ROLES))
        return;
    size_t keep = count - 1;
    /* Its qualifiers go with it ("Senior Staff Writer"); without any, the
     * word before is taken for one ("Games Editor"). */
    bool qualified = false;
    while (keep > NAME_WORDS &&
           word_is(&words[keep - 1], LEXICON_ROLE_QUALIFIERS))
        keep--, qualified = true;
    if (!qualified && keep > NAME_WORDS)
        keep--;
    *words[keep].start = '\0';
}

/* Cut S where it goes on from the name to the person's workplace ("Jane
 * Doe in Valve", "Jane Doe ist Redakteurin bei Example"): at an
 * affiliation word after a name of two words or more. */
static void cut_affiliation(char *s) {
    enum { MAX_WORDS = 16, NAME_WORDS = 2 };
    word words[MAX_WORDS];
    size_t count = split_words(s, words, MAX_WORDS);
    for (size_t i = NAME_WORDS; i + 1 < count; i++)
        if (word_is(&words[i], LEXICON_AFFILIATION_WORDS)) {
            *words[i].start = '\0';
            return;
        }
}

/* Past a word that joins people, left at a name's start by a list with a
 * comma before its last joint ("Jane Doe, John Roe, and Max Muster"). */
static char *skip_joint_word(char *s) {
    s += strspn(s, " ");
    lexicon_rows joints = lexicon_rows_of(LEXICON_NAME_JOINTS);
    for (size_t i = 0; i < joints.count; i++) {
        const char *joint = joints.row[i] + 1; /* without its leading space */
        size_t len = strlen(joint);
        if (strncasecmp(s, joint, len) == 0)
            return s + len;
    }
    return s;
}

static bool is_roman_numeral(const word *w) {
    for (size_t i = 0; i < w->len; i++)
        if (!strchr("IVX", w->start[i]))
            return false;
    return true;
}

static bool word_in_capitals(const word *w) {
    size_t letters = 0;
    for (size_t i = 0; i < w->len; i++) {
        if (islower((unsigned char)w->start[i]) || (unsigned char)w->start[i] >= 0x80)
            return false;
        letters += isupper((unsigned char)w->start[i]) != 0;
    }
    return letters >= 2 && !is_roman_numeral(w);
}

/* Drop the publication that follows a name without a comma: a news agency
 * ("Tom Davies Associated Press"), or words in capitals after a name that
 * is not ("Kevin McCoy USA TODAY"). Two words of the name always stay. */
static void cut_trailing_publication(char *s) {
    enum { MAX_WORDS = 16, NAME_WORDS = 2 };
    word words[MAX_WORDS];
    char copy[NAME_MAX_BYTES + 1];
    if (strlen(s) > NAME_MAX_BYTES)
        return;
    memcpy(copy, s, strlen(s) + 1);
    size_t count = split_words(copy, words, MAX_WORDS);
    for (size_t keep = NAME_WORDS; keep < count; keep++) {
        const char *rest = s + (words[keep].start - copy);
        if (lexicon_is(LEXICON_NEWS_AGENCIES, rest, strlen(rest))) {
            s[words[keep].start - copy] = '\0';
            return;
        }
    }
    if (count <= NAME_WORDS || word_in_capitals(&words[0]))
        return;
    size_t keep = count;
    while (keep > NAME_WORDS && word_in_capitals(&words[keep - 1]))
        keep--;
    if (keep < count)
        s[words[keep].start - copy] = '\0';
}

/* Whether every word of S is a byline's word around a name, or a month:
 * what is left of a byline whose name is elsewhere. */
static bool only_byline_words(const char *s) {
    enum { MAX_WORDS = 8 };
    word words[MAX_WORDS];
    char copy[NAME_MAX_BYTES + 1];
    size_t count;
    if (!words_of_copy(s, copy, words, MAX_WORDS, &count))
        return false;
    for (size_t i = 0; i < count; i++) {
        size_t month_len = 0;
        if (!word_is(&words[i], LEXICON_NOT_NAME_WORDS) &&
            !(month_from_word(words[i].start, &month_len) && month_len >= words[i].len))
            return false;
    }
    return count > 0;
}

/* Past a title before a name: a first word ending in a role noun, when
 * a name of two words or more follows. */
static char *skip_leading_role(char *s) {
    enum { NAME_WORDS = 2 };
    s += strspn(s, " ");
    size_t len = strcspn(s, " ");
    if (!s[len] || word_count(s + len) < NAME_WORDS)
        return s;
    lexicon_rows roles = lexicon_rows_of(LEXICON_LEADING_ROLES);
    for (size_t i = 0; i < roles.count; i++) {
        size_t rl = strlen(roles.row[i]);
        if (len >= rl && strncasecmp(s + len - rl, roles.row[i], rl) == 0)
            return s + len;
    }
    return s;
}

/* Clean one person's name and add it unless it is no name or a repeat. */
static void add_name(name_list *list, char *s) {
    s = trim_name(skip_leading_role(strip_lead(skip_joint_word(s))));
    cut_date(s);
    cut_affiliation(s);
    cut_trailing_role(s);
    cut_trailing_publication(s);
    s = trim_name(s);
    if (!*s || !has_letter(s) || strlen(s) > NAME_MAX_BYTES || word_count(s) > NAME_MAX_WORDS ||
        looks_like_url(s) || (list->sitename && text_same(s, list->sitename)) ||
        has_navigation_word(s) || only_byline_words(s))
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
    lexicon_rows joints = lexicon_rows_of(LEXICON_NAME_JOINTS);
    int depth = 0;
    for (char *p = s; *p; p++) {
        if (*p == '(')
            depth++;
        else if (*p == ')' && depth > 0)
            depth--;
        if (depth || *p != ' ')
            continue;
        for (size_t i = 0; i < joints.count; i++) {
            size_t jl = strlen(joints.row[i]);
            if (strncasecmp(p, joints.row[i], jl) != 0)
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

/* Whether WORD of LEN bytes is a host name ("Cleveland.com"): letters,
 * digits and hyphens, with a dot inside followed by two letters or more. */
static bool word_is_host(const char *w, size_t len) {
    const char *dot = memchr(w, '.', len);
    if (!dot || dot == w)
        return false;
    size_t after = len - (size_t)(dot + 1 - w);
    if (after < 2 || !isalpha((unsigned char)dot[1]) || !isalpha((unsigned char)dot[2]))
        return false;
    for (size_t i = 0; i < len; i++)
        if (!isalnum((unsigned char)w[i]) && w[i] != '.' && w[i] != '-')
            return false;
    return true;
}

/* Whether a piece after a comma names an organisation rather than a
 * person: a host name ("Cleveland.com"), or an acronym ("ACLU Speech")
 * unless the name itself is in capitals. */
static bool piece_is_organisation(const char *piece, bool name_in_capitals) {
    size_t first = strcspn(piece, " ");
    if (!piece[first] && word_is_host(piece, first))
        return true;
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
    /* "Doe, Jane": one person, the family name first as in a catalogue;
     * readers and the other sources write "Jane Doe". */
    if (count == 2 && word_count(pieces[0]) == 1 && word_count(pieces[1]) == 1) {
        size_t first_len = strlen(pieces[1]), last_len = strlen(pieces[0]);
        char *name = arena_alloc(list->mem, first_len + last_len + 2);
        if (!name) {
            *list->failed = true;
            return;
        }
        memcpy(name, pieces[1], first_len);
        name[first_len] = ' ';
        memcpy(name + first_len + 1, pieces[0], last_len + 1);
        add_name(list, name);
        return;
    }
    /* Otherwise put the pieces back together. */
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

bool opens_byline(const char *line) {
    if (!line)
        return false;
    lexicon_rows openings = lexicon_rows_of(LEXICON_BYLINE_LINE_OPENINGS);
    for (size_t i = 0; i < openings.count; i++) {
        size_t len = strlen(openings.row[i]);
        if (strncasecmp(line, openings.row[i], len) == 0 && has_letter(line + len))
            return true;
    }
    return false;
}

/* Whether NAME is a user name ("arianschlichenmayer", "jdoe_1"): one
 * word with no capital, as a CMS account is written, not a person's name. */
static bool name_is_account(const char *name) {
    if (strchr(name, ' '))
        return false;
    for (const char *p = name; *p; p++)
        if (isupper((unsigned char)*p))
            return false;
    return true;
}

bool name_is_stand_in(const char *name) {
    if (!name || strchr(name, ';'))
        return false;
    size_t len = strlen(name);
    if (!strchr(name, ' ') && (word_is_host(name, len) || name_is_account(name)))
        return true;
    const char *last = strrchr(name, ' ');
    if (!last)
        return false;
    word w = {(char *)last + 1, strlen(last + 1)};
    return word_is(&w, LEXICON_LEGAL_FORMS);
}

const char *author_clean(arena *a, const char *raw, const char *sitename, bool *failed) {
    /* A profile address stands for a person but names none; an address
     * after a name ("Jane Doe (https://...)") is dropped below. */
    if (!raw || (looks_like_url(raw) && !strchr(raw, ' ')))
        return NULL;
    char *s = arena_strdup(a, raw);
    if (!s) {
        *failed = true;
        return NULL;
    }
    name_list list = {.sitename = sitename, .mem = a, .failed = failed};
    /* A no-break space is a space between words here ("\u00a0von\u00a0"). */
    for (char *nb = strstr(s, "\xC2\xA0"); nb; nb = strstr(nb, "\xC2\xA0")) {
        *nb = ' ';
        memmove(nb + 1, nb + 2, strlen(nb + 2) + 1);
    }
    drop_addresses(s);
    cut_other_credits(s);
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

/* What sites put between headline and site name; the full-width bar and
 * colon stand without spaces in CJK titles ("标题｜网站"), and " : " is
 * French typography's colon. */
static const char *const title_separators[] = {" | ", " - ", " – ", " — ", " :: ", " · ",
                                               " » ", " › ", " // ", " _ ", " : ",
                                               "\xEF\xBD\x9C", /* ｜ */
                                               "\xEF\xBC\x9A", /* ： */
                                               "_"};

/* Whether the separator SEP at P in TITLE stands where it separates: a
 * bare low line only after a CJK character ("标题_网站"), since in Latin
 * script it joins words ("my_file"). */
static bool separates(const char *title, const char *p, const char *sep) {
    if (strcmp(sep, "_") != 0)
        return true;
    return p - title >= 3 && (unsigned char)p[-3] >= 0xE3 && (unsigned char)p[-3] <= 0xEF;
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

/* The LEN bytes at S, ASCII letters and digits only, lower case, into OUT
 * of CAP bytes; the length, or 0 when it does not fit. */
static size_t squash(const char *s, size_t len, char *out, size_t cap) {
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!isalnum(c))
            continue;
        if (n + 1 >= cap)
            return 0;
        out[n++] = (char)tolower(c);
    }
    out[n] = '\0';
    return n;
}

/* Whether the LEN bytes at SIDE name the site at HOST: its letters are
 * one label of the host ("ACME" on acme.example), the labels before the
 * TLD together ("Jane Doe" on jane.doe.example) or the whole host
 * ("Acme.example"). */
static bool names_host(const char *side, size_t len, const char *host) {
    enum { SITE_CAP = 64, MIN_LETTERS = 2 };
    char site[SITE_CAP], whole[SITE_CAP];
    if (!host || squash(side, len, site, sizeof site) < MIN_LETTERS)
        return false;
    if (squash(host, strlen(host), whole, sizeof whole) && strcmp(site, whole) == 0)
        return true;
    /* The labels before the TLD read together ("Jane Doe" on jane.doe.example). */
    const char *tld = strrchr(host, '.');
    if (tld && squash(host, (size_t)(tld - host), whole, sizeof whole) && strcmp(site, whole) == 0)
        return true;
    for (const char *label = host; *label;) {
        size_t label_len = strcspn(label, ".");
        if (label[label_len] && label_len == strlen(site) &&
            strncasecmp(label, site, label_len) == 0)
            return true; /* the last label, the TLD, never counts */
        label += label_len;
        if (*label)
            label++;
    }
    return false;
}

/* Whether another of the OTHERS titles ends with the same separator and
 * SUFFIX but says something else before it: the suffix is a template's. */
static bool suffix_repeated(const char *title, const char *suffix, const char *const *others,
                            size_t count) {
    size_t suffix_len = strlen(suffix), head_len = (size_t)(suffix - title);
    for (size_t i = 0; i < count; i++) {
        const char *o = others[i];
        size_t len = o ? strlen(o) : 0;
        if (!o || o == title || len <= suffix_len + 3 || strcmp(o + len - suffix_len, suffix) != 0)
            continue;
        size_t other_head = len - suffix_len;
        if (other_head != head_len || strncmp(o, title, head_len) != 0)
            return true;
    }
    return false;
}

/* The last (AT_START: first) separator in TITLE, its length in *LEN. */
static const char *find_separator(const char *title, bool first, size_t *len) {
    const char *found = NULL;
    for (size_t i = 0; i < sizeof title_separators / sizeof title_separators[0]; i++) {
        size_t sl = strlen(title_separators[i]);
        for (const char *p = strstr(title, title_separators[i]); p;
             p = strstr(p + 1, title_separators[i]))
            if ((!found || (first ? p < found : p > found)) &&
                separates(title, p, title_separators[i]))
                found = p, *len = sl;
    }
    return found;
}

/* The separator in TITLE after which the site's name begins, when the
 * name is followed by more words of the site ("Headline | Site - Slogan",
 * "Headline - Site - Yoga Lifestyle"): the leftmost separator whose next
 * part, or whole remainder, is SITENAME or names HOST. NULL when none. */
static const char *site_tail(const char *title, const char *sitename, const char *host,
                             size_t *sep_len) {
    enum { PART_CAP = 256 };
    const char *best = NULL;
    for (size_t i = 0; i < sizeof title_separators / sizeof title_separators[0]; i++) {
        size_t sl = strlen(title_separators[i]);
        for (const char *p = strstr(title, title_separators[i]); p;
             p = strstr(p + 1, title_separators[i])) {
            if (p == title || (best && p >= best) || !separates(title, p, title_separators[i]))
                continue;
            const char *rest = p + sl;
            size_t next_len = 0;
            const char *next = find_separator(rest, true, &next_len);
            size_t part_len = next ? (size_t)(next - rest) : strlen(rest);
            char part[PART_CAP];
            if (part_len >= sizeof part)
                continue;
            memcpy(part, rest, part_len);
            part[part_len] = '\0';
            if (text_same(rest, sitename) || text_same(part, sitename) ||
                names_host(part, part_len, host)) {
                best = p;
                *sep_len = sl;
            }
        }
    }
    return best;
}

/* TITLE without a template label and what comes before it ("Site » Blog
 * Archive » Headline", "Blog Archive » Headline"), in A. */
static const char *strip_template_label(arena *a, const char *title, bool *failed) {
    if (!title)
        return NULL;
    for (const char *part = title; *part;) {
        size_t sep_len = 0;
        const char *next = find_separator(part, true, &sep_len);
        if (!next)
            break;
        size_t part_len = (size_t)(next - part);
        /* a template label is never a headline's start */
        if (lexicon_is(LEXICON_TEMPLATE_LABELS, part, part_len) && next[sep_len])
            return copy_trimmed(a, next + sep_len, strlen(next + sep_len), failed);
        part = next + sep_len;
    }
    return title;
}

static const char *strip_site(arena *a, const char *title, const char *sitename,
                              const char *host, const char *headline,
                              const char *const *others, size_t count, bool *failed);

const char *title_strip_site(arena *a, const char *title, const char *sitename, const char *host,
                             const char *headline, const char *const *others, size_t count,
                             bool *failed) {
    const char *stripped = strip_site(a, title, sitename, host, headline, others, count, failed);
    return strip_template_label(a, stripped, failed);
}

static const char *strip_site(arena *a, const char *title, const char *sitename,
                              const char *host, const char *headline,
                              const char *const *others, size_t count, bool *failed) {
    if (!title)
        return NULL;
    size_t len = strlen(title), sep_len = 0;
    const char *tail = site_tail(title, sitename, host, &sep_len);
    if (tail && (size_t)(tail - title) * 2 >= len - (size_t)(tail - title))
        return copy_trimmed(a, title, (size_t)(tail - title), failed);
    const char *last = find_separator(title, false, &sep_len);
    if (last && last > title) {
        const char *right = last + sep_len;
        size_t left_len = (size_t)(last - title), right_len = len - (size_t)(right - title);
        char *left_copy = arena_strndup(a, title, left_len);
        if (!left_copy) {
            *failed = true;
            return title;
        }
        /* Guided by the <h1>, only when the side it keeps is the longer:
         * an <h1> holding the site's name must not make it the title. */
        if (text_same(right, sitename) || names_host(right, right_len, host) ||
            (left_len >= right_len && text_same(left_copy, headline)) ||
            suffix_repeated(title, last, others, count))
            return copy_trimmed(a, title, left_len, failed);
    }
    /* "Site: Headline", "Site | Headline". */
    size_t first_len = 0;
    const char *first = find_separator(title, true, &first_len);
    const char *colon = strstr(title, ": ");
    if (colon && (!first || colon < first))
        first = colon, first_len = 2;
    if (first && first > title) {
        size_t left_len = (size_t)(first - title);
        char *left_copy = arena_strndup(a, title, left_len);
        if (!left_copy) {
            *failed = true;
            return title;
        }
        const char *rest = first + first_len;
        if (text_same(left_copy, sitename) || names_host(title, left_len, host) ||
            (strlen(rest) >= left_len && text_same(rest, headline)))
            return copy_trimmed(a, rest, strlen(rest), failed);
    }
    return title;
}

const char *title_strip_owner(arena *a, const char *title, const char *owner, bool *failed) {
    if (!title || !owner)
        return title;
    size_t sep_len = 0;
    const char *last = find_separator(title, false, &sep_len);
    if (!last || last == title || !text_same(last + sep_len, owner))
        return title;
    return copy_trimmed(a, title, (size_t)(last - title), failed);
}
