/*
 * normalize.c — the small text forms metadata values are brought into:
 * cleaned strings, ISO 8601 dates, BCP 47 language tags, absolute URLs, and
 * the loose comparison that decides whether two sources agree.
 *
 * Everything here reads a NUL-terminated or length-bounded string once from
 * left to right, never recurses and never writes past a buffer whose size it
 * was given; the date and language parsers accept a closed list of forms and
 * say false for anything else rather than guess.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"
#include "buf.h"
#include "lexicon/lexicon.h"
#include "nfc.h"
#include "url.h"
#include "utf8.h"

/* --- cleaning --- */

static bool is_ascii_space(unsigned char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* The named references that JSON-LD writers leave in strings; the HTML
 * parser has decoded everything else already. */
static const struct {
    const char *name;
    uint32_t cp;
} named_refs[] = {
    {"amp", '&'},      {"lt", '<'},       {"gt", '>'},       {"quot", '"'},
    {"apos", '\''},    {"nbsp", 0xA0},    {"ndash", 0x2013}, {"mdash", 0x2014},
    {"lsquo", 0x2018}, {"rsquo", 0x2019}, {"ldquo", 0x201C}, {"rdquo", 0x201D},
    {"hellip", 0x2026}, {"laquo", 0xAB},  {"raquo", 0xBB},   {"copy", 0xA9},
};

/* Decode the character reference at S (which starts with '&', LEN bytes
 * available) into OUT; returns the bytes consumed, or 0 if it is none. */
static size_t decode_ref(const char *s, size_t len, char out[4], size_t *out_len) {
    size_t end = 1;
    while (end < len && end < 12 && s[end] != ';')
        end++;
    if (end >= len || s[end] != ';' || end < 2)
        return 0;
    uint32_t cp = 0;
    if (s[1] == '#') {
        bool hex = end > 2 && (s[2] == 'x' || s[2] == 'X');
        size_t i = hex ? 3 : 2;
        if (i >= end)
            return 0;
        for (; i < end; i++) {
            unsigned char c = (unsigned char)s[i];
            if (hex && isxdigit(c))
                cp = cp * 16 + (uint32_t)(isdigit(c) ? c - '0' : (tolower(c) - 'a' + 10));
            else if (!hex && isdigit(c))
                cp = cp * 10 + (uint32_t)(c - '0');
            else
                return 0;
            if (cp > 0x10FFFF)
                cp = 0x110000; /* keep reading digits; replaced below */
        }
        /* As HTML does: what is no character becomes U+FFFD. */
        if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            cp = 0xFFFD;
    } else {
        size_t name_len = end - 1;
        for (size_t k = 0; k < sizeof named_refs / sizeof named_refs[0]; k++)
            if (strlen(named_refs[k].name) == name_len &&
                memcmp(named_refs[k].name, s + 1, name_len) == 0) {
                cp = named_refs[k].cp;
                break;
            }
    }
    *out_len = utf8_encode(cp, out);
    return *out_len ? end + 1 : 0;
}

/* Length of the UTF-8 sequence that starts with byte C (1 for stray bytes). */
static size_t utf8_seq_len(unsigned char c) {
    if (c >= 0xF0 && c < 0xF8)
        return 4;
    if (c >= 0xE0)
        return c < 0xF0 ? 3 : 1;
    if (c >= 0xC0)
        return 2;
    return 1;
}

/* S (LEN bytes, in arena A) in NFC: S itself when it already is. */
static char *nfc_in_arena(arena *a, char *s, size_t len, bool *failed) {
    if (!nfc_needed(s, len))
        return s;
    size_t nfc_len;
    char *nfc = nfc_copy(s, len, &nfc_len);
    if (!nfc)
        return s; /* out of memory: the text as written is still right */
    char *copy = arena_alloc(a, nfc_len + 1);
    if (copy) {
        memcpy(copy, nfc, nfc_len + 1);
    } else {
        *failed = true;
    }
    free(nfc);
    return copy;
}

char *meta_clean(arena *a, const char *s, size_t len, bool decode, bool *failed) {
    if (!s || !len)
        return NULL;
    /* Decoding only ever shrinks text, so the output fits in LEN bytes. */
    size_t cap = len < META_MAX_VALUE ? len : META_MAX_VALUE;
    char *out = arena_alloc(a, cap + 1);
    if (!out) {
        *failed = true;
        return NULL;
    }
    size_t n = 0;
    bool pending_space = false;
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        if (is_ascii_space(c) || c < 0x20 || c == 0x7F) {
            pending_space = n > 0;
            i++;
            continue;
        }
        char piece[4];
        size_t piece_len = 0, used = 0;
        if (decode && c == '&')
            used = decode_ref(s + i, len - i, piece, &piece_len);
        if (!used) {
            used = utf8_seq_len(c);
            if (used > len - i)
                break; /* a sequence cut by the end of the input */
            memcpy(piece, s + i, used);
            piece_len = used;
        }
        if (piece_len == 1 && is_ascii_space((unsigned char)piece[0])) {
            pending_space = n > 0;
            i += used;
            continue;
        }
        if (n + (pending_space ? 1 : 0) + piece_len > cap)
            break;
        if (pending_space)
            out[n++] = ' ';
        pending_space = false;
        memcpy(out + n, piece, piece_len);
        n += piece_len;
        i += used;
    }
    out[n] = '\0';
    return n ? nfc_in_arena(a, out, n, failed) : NULL;
}

/* --- comparison --- */

/* Bytes of S at P that a reader would not count as part of the words:
 * ASCII punctuation and space, and the General Punctuation block, NBSP,
 * guillemets and the middle dot. Returns how many to skip, or 0. */
static size_t ignorable(const unsigned char *p) {
    if (*p < 0x80)
        return (*p && !isalnum(*p)) ? 1 : 0;
    if (p[0] == 0xE2 && (p[1] == 0x80 || p[1] == 0x81) && p[2])
        return 3;
    if (p[0] == 0xC2 && (p[1] == 0xA0 || p[1] == 0xAB || p[1] == 0xBB || p[1] == 0xB7))
        return 2;
    return 0;
}

bool text_same(const char *a, const char *b) {
    if (!a || !b)
        return false;
    const unsigned char *p = (const unsigned char *)a, *q = (const unsigned char *)b;
    size_t compared = 0;
    for (;;) {
        size_t skip;
        while (*p && (skip = ignorable(p)))
            p += skip;
        while (*q && (skip = ignorable(q)))
            q += skip;
        if (!*p || !*q)
            return !*p && !*q && compared > 0;
        if (tolower(*p) != tolower(*q))
            return false;
        p++, q++, compared++;
    }
}

/* S as text_same compares it (ignorable bytes dropped, ASCII lower case)
 * into OUT of CAP bytes; false when it does not fit. */
static bool fold_for_compare(const char *s, char *out, size_t cap) {
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        size_t skip = ignorable(p);
        if (skip) {
            p += skip;
            continue;
        }
        if (n + 1 >= cap)
            return false;
        out[n++] = (char)tolower(*p++);
    }
    out[n] = '\0';
    return true;
}

bool text_contains(const char *haystack, const char *needle) {
    enum { FOLD_CAP = 1024 };
    char h[FOLD_CAP], n[FOLD_CAP];
    if (!haystack || !needle || !fold_for_compare(haystack, h, sizeof h) ||
        !fold_for_compare(needle, n, sizeof n) || !n[0])
        return false;
    return strstr(h, n) != NULL;
}

/* The length of a dash at P (ASCII hyphen, U+2010..U+2015, U+2212), or 0. */
static size_t dash_at(const unsigned char *p) {
    if (*p == '-')
        return 1;
    if (p[0] == 0xE2 && p[1] == 0x80 && p[2] >= 0x90 && p[2] <= 0x95)
        return 3;
    if (p[0] == 0xE2 && p[1] == 0x88 && p[2] == 0x92)
        return 3;
    return 0;
}

bool text_retyped(const char *a, const char *b) {
    if (!a || !b)
        return false;
    const unsigned char *p = (const unsigned char *)a, *q = (const unsigned char *)b;
    for (;;) {
        bool space_p = false, space_q = false;
        while (is_ascii_space(*p))
            p++, space_p = true;
        while (is_ascii_space(*q))
            q++, space_q = true;
        if (!*p || !*q)
            return !*p && !*q;
        if (space_p != space_q)
            return false;
        size_t dp = dash_at(p), dq = dash_at(q);
        if (dp || dq) {
            if (!dp || !dq)
                return false;
            p += dp, q += dq;
            continue;
        }
        if (tolower(*p) != tolower(*q))
            return false;
        p++, q++;
    }
}

bool looks_like_url(const char *s) {
    if (!s)
        return false;
    if (strncasecmp(s, "http://", 7) == 0 || strncasecmp(s, "https://", 8) == 0 ||
        strncmp(s, "//", 2) == 0 || strncasecmp(s, "www.", 4) == 0 || strstr(s, "://"))
        return true;
    return !strchr(s, ' ') && strchr(s, '/') && strchr(s, '.');
}

size_t word_count(const char *s) {
    size_t words = 0;
    bool in_word = false;
    for (; s && *s; s++) {
        bool space = is_ascii_space((unsigned char)*s);
        if (!space && !in_word)
            words++;
        in_word = !space;
    }
    return words;
}

/* --- dates --- */

typedef struct date_parts {
    int year, month, day;
    int hour, minute, second; /* hour < 0: no time */
    char frac[10];            /* fraction digits of the second, or "" */
    char zone[8];             /* "Z", "+05:30", or "" */
} date_parts;

/* Read between MIN and MAX digits at *P into *VAL. */
static bool read_number(const char **p, int min, int max, int *val) {
    int count = 0, v = 0;
    while (count < max && isdigit((unsigned char)(*p)[count])) {
        v = v * 10 + ((*p)[count] - '0');
        count++;
    }
    if (count < min)
        return false;
    *p += count;
    *val = v;
    return true;
}

size_t date_space_len(const char *s) {
    static const char *const spaces[] = {"\xC2\xA0", "\xE2\x80\x89", "\xE2\x80\xAF"};
    if (is_ascii_space((unsigned char)*s))
        return 1;
    for (size_t i = 0; i < sizeof spaces / sizeof spaces[0]; i++)
        if (strncmp(s, spaces[i], strlen(spaces[i])) == 0)
            return strlen(spaces[i]);
    return 0;
}

static void skip_spaces(const char **p) {
    for (size_t len; (len = date_space_len(*p)) != 0;)
        *p += len;
}

/* A month name or abbreviation at *P in any language of dates.c (1..12),
 * or 0. */
static int read_month_name(const char **p) {
    size_t len = 0;
    int month = month_from_word(*p, &len);
    if (month)
        *p += len;
    return month;
}

/* Skip the word W (ASCII, any case) and the spaces after it, when *P starts
 * with it as a whole word: the "de" of "20 de noviembre de 2019". */
static void skip_word(const char **p, const char *w) {
    size_t len = strlen(w);
    if (strncasecmp(*p, w, len) == 0 && (*p)[len] == ' ') {
        *p += len;
        skip_spaces(p);
    }
}

/* Zone names that name one offset, in capitals as written. IST, CST and
 * others that name two zones of different continents are not here. */
static const struct {
    const char *name;
    short minutes;
} zone_names[] = {
    {"EST", -300}, {"EDT", -240}, {"CDT", -300}, {"MST", -420}, {"MDT", -360},
    {"PST", -480}, {"PDT", -420}, {"CEST", 120}, {"CET", 60},   {"BST", 60},
    {"EEST", 180}, {"EET", 120},  {"MSK", 180},  {"JST", 540},  {"KST", 540},
    {"AEST", 600}, {"AEDT", 660},
};

/* A time zone at *P: Z, UTC, GMT, UT, +hh, +hhmm, +hh:mm, or a name of
 * zone_names. */
static void read_zone(const char **p, date_parts *d) {
    const char *s = *p;
    skip_spaces(&s);
    if (*s == 'Z' || *s == 'z') {
        strcpy(d->zone, "Z");
        *p = s + 1;
        return;
    }
    for (size_t i = 0; i < sizeof zone_names / sizeof zone_names[0]; i++) {
        size_t len = strlen(zone_names[i].name);
        if (strncmp(s, zone_names[i].name, len) == 0 && !isalpha((unsigned char)s[len])) {
            int minutes = zone_names[i].minutes, magnitude = minutes < 0 ? -minutes : minutes;
            snprintf(d->zone, sizeof d->zone, "%c%02d:%02d", minutes < 0 ? '-' : '+',
                     magnitude / 60, magnitude % 60);
            *p = s + len;
            return;
        }
    }
    if (strncasecmp(s, "UTC", 3) == 0 || strncasecmp(s, "GMT", 3) == 0) {
        strcpy(d->zone, "Z");
        s += 3;
    } else if (strncasecmp(s, "UT", 2) == 0 && !isalpha((unsigned char)s[2])) {
        strcpy(d->zone, "Z");
        s += 2;
    }
    if (*s == '+' || *s == '-') {
        char sign = *s;
        const char *t = s + 1;
        int hh, mm = 0;
        if (!read_number(&t, 2, 2, &hh))
            return;
        if (*t == ':')
            t++;
        if (isdigit((unsigned char)*t) && !read_number(&t, 2, 2, &mm))
            return;
        if (hh > 14 || mm > 59)
            return;
        d->zone[0] = sign;
        d->zone[1] = (char)('0' + hh / 10);
        d->zone[2] = (char)('0' + hh % 10);
        d->zone[3] = ':';
        d->zone[4] = (char)('0' + mm / 10);
        d->zone[5] = (char)('0' + mm % 10);
        d->zone[6] = '\0';
        s = t;
    }
    *p = s;
}

/* Digits of milliseconds written after a colon: exactly three, so that
 * a fourth colon-separated number is never taken for a fraction. */
enum { FRACTION_AFTER_COLON = 3 };

/* hh:mm[:ss[.frac]] [am|pm] [zone] at *P; leaves d->hour < 0 when absent. */
static void read_time(const char **p, date_parts *d) {
    const char *s = *p;
    int hh, mm, ss = 0;
    if (!read_number(&s, 1, 2, &hh) || *s != ':')
        return;
    s++;
    if (!read_number(&s, 2, 2, &mm))
        return;
    if (*s == ':') {
        s++;
        /* One digit too: "23:15:0Z" is a template's unpadded second,
         * and the time and zone around it are sound. */
        if (!read_number(&s, 1, 2, &ss))
            return;
        /* A fraction after '.' or ',', or after ':' as some CMSes write
         * milliseconds ("22:06:08:684Z"); the zone after it decides the
         * page's day, so it must be read past. */
        bool colon_fraction = *s == ':' && strspn(s + 1, "0123456789") == FRACTION_AFTER_COLON;
        if (*s == '.' || *s == ',' || colon_fraction) {
            size_t n = 0;
            s++;
            while (isdigit((unsigned char)*s)) {
                if (n < sizeof d->frac - 1)
                    d->frac[n++] = *s;
                s++;
            }
            d->frac[n] = '\0';
        }
    }
    const char *t = s;
    skip_spaces(&t);
    if ((tolower((unsigned char)t[0]) == 'a' || tolower((unsigned char)t[0]) == 'p') &&
        tolower((unsigned char)t[1]) == 'm' && !isalpha((unsigned char)t[2])) {
        if (hh < 1 || hh > 12)
            return;
        hh = hh % 12 + (tolower((unsigned char)t[0]) == 'p' ? 12 : 0);
        s = t + 2;
    }
    if (hh > 23 || mm > 59 || ss > 60)
        return;
    d->hour = hh, d->minute = mm, d->second = ss;
    read_zone(&s, d);
    *p = s;
}

/* 2019-11-20, 2019/11/20, 20191120, optionally with a time. */
static bool parse_iso(const char *s, date_parts *d) {
    if (!read_number(&s, 4, 4, &d->year))
        return false;
    if (isdigit((unsigned char)*s)) {
        if (!read_number(&s, 2, 2, &d->month) || !read_number(&s, 2, 2, &d->day) ||
            isdigit((unsigned char)*s))
            return false;
        /* 20191120T05:30:00Z: the compact date with an extended time,
         * which some CMSes write; its zone decides the page's day. */
        if (*s == 'T' || *s == 't') {
            s++;
            read_time(&s, d);
        }
        return true;
    }
    char sep = *s;
    if (sep != '-' && sep != '/' && sep != '.')
        return false;
    s++;
    if (!read_number(&s, 1, 2, &d->month) || *s != sep)
        return false;
    s++;
    if (!read_number(&s, 1, 2, &d->day) || isdigit((unsigned char)*s))
        return false;
    if (*s == 'T' || *s == 't' || *s == ' ') {
        s++;
        read_time(&s, d);
    }
    return true;
}

/* Two-digit years are read in a window of a century ending
 * TWO_DIGIT_YEAR_PIVOT years after 2000: "28.01.22" is 2022 and "3.4.98" is
 * 1998. Pages written before 1970 with a two-digit year are not on the web. */
enum { TWO_DIGIT_YEAR_PIVOT = 69 };

/* A two-digit year at *P after day and month A and B written with SEP:
 * only where the order is certain — dots, which are day-first, or a part
 * above 12 — because "03/04/19" could be any of three dates. */
static bool read_two_digit_year(const char **p, char sep, int a, int b, int *year) {
    const char *s = *p;
    int yy;
    if (!read_number(&s, 2, 2, &yy) || isdigit((unsigned char)*s) ||
        (*s == sep && isdigit((unsigned char)s[1])))
        return false;
    if (sep != '.' && a <= 12 && b <= 12)
        return false;
    *year = yy <= TWO_DIGIT_YEAR_PIVOT ? 2000 + yy : 1900 + yy;
    *p = s;
    return true;
}

/* 20.11.2019, 20/11/2019, 11/20/2019 (day and month told apart when one is
 * above 12; dots are the day-first convention), 28.01.22, and "4. 2. 2022"
 * with a space after each dot (then with a full year only). */
static bool parse_numeric_dmy(const char *s, date_parts *d) {
    int a, b;
    if (!read_number(&s, 1, 2, &a))
        return false;
    char sep = *s;
    if (sep != '.' && sep != '/' && sep != '-')
        return false;
    s++;
    size_t gap = sep == '.' ? date_space_len(s) : 0;
    s += gap;
    if (!read_number(&s, 1, 2, &b) || *s != sep)
        return false;
    s++;
    if (gap) {
        size_t second_gap = date_space_len(s);
        if (!second_gap)
            return false;
        s += second_gap;
    }
    if ((gap || !read_two_digit_year(&s, sep, a, b, &d->year)) && !read_number(&s, 4, 4, &d->year))
        return false;
    if (isdigit((unsigned char)*s))
        return false;
    if (sep == '.' || a > 12)
        d->day = a, d->month = b;
    else if (b > 12)
        d->month = a, d->day = b;
    else
        return false; /* 03/04/2019: which convention is unknowable */
    skip_spaces(&s);
    read_time(&s, d);
    return true;
}

/* [Weekday,] 20 Nov 2019 [10:00:00 GMT], 20. November 2019, 20 de
 * noviembre de 2019, 20 ноября 2019 г., and [Weekday,] November 20[th],
 * 2019 [at 6:01 am]. */
static bool parse_textual(const char *s, date_parts *d) {
    const char *t = s;
    while ((isalpha((unsigned char)*t) || (unsigned char)*t >= 0x80) && !date_space_len(t))
        t++;
    size_t first_len;
    if (t - s >= 3 && (*t == ',' || (date_space_len(t) && !month_from_word(s, &first_len)))) {
        s = t + (*t == ','); /* a weekday */
        skip_spaces(&s);
    }
    if (isdigit((unsigned char)*s)) {
        if (!read_number(&s, 1, 2, &d->day))
            return false;
        if (*s == '.')
            s++;
        skip_spaces(&s);
        skip_word(&s, "de");
        if (!(d->month = read_month_name(&s)))
            return false;
        skip_spaces(&s);
        /* The same month in a second calendar's name: "24 نيسان / أبريل". */
        const char *alias = s;
        if (*alias == '/') {
            alias++;
            skip_spaces(&alias);
            if (read_month_name(&alias) == d->month) {
                s = alias;
                skip_spaces(&s);
            }
        }
        skip_word(&s, "de");
    } else {
        if (!(d->month = read_month_name(&s)))
            return false;
        skip_spaces(&s);
        if (!read_number(&s, 1, 2, &d->day))
            return false;
        if (isalpha((unsigned char)s[0]) && isalpha((unsigned char)s[1]))
            s += 2; /* 1st, 2nd, 20th */
        /* C's and Java's form: "Mon Aug 03 12:45:00 EDT 2015". */
        const char *clock = s;
        skip_spaces(&clock);
        if (isdigit((unsigned char)*clock) && strchr(clock, ':') && strchr(clock, ':') - clock <= 2) {
            read_time(&clock, d);
            if (d->hour < 0)
                return false;
            skip_spaces(&clock);
            return read_number(&clock, 4, 4, &d->year) && !isdigit((unsigned char)*clock);
        }
    }
    if (*s == ',')
        s++;
    skip_spaces(&s);
    if (!read_number(&s, 4, 4, &d->year) || isdigit((unsigned char)*s))
        return false;
    if (*s == ',')
        s++;
    skip_spaces(&s);
    lexicon_rows time_leads = lexicon_rows_of(LEXICON_TIME_LEADS);
    for (size_t i = 0; i < time_leads.count; i++)
        skip_word(&s, time_leads.row[i]);
    read_time(&s, d);
    return true;
}

static bool date_valid(const date_parts *d) {
    static const int days[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return d->year >= 1000 && d->year <= 2999 && d->month >= 1 && d->month <= 12 &&
           d->day >= 1 && d->day <= days[d->month - 1];
}

bool date_normalise(const char *s, char out[META_DATE_CAP]) {
    if (!s)
        return false;
    skip_spaces(&s);
    date_parts d = {.hour = -1};
    if (!parse_iso(s, &d)) {
        d = (date_parts){.hour = -1};
        if (!parse_numeric_dmy(s, &d)) {
            d = (date_parts){.hour = -1};
            if (!parse_textual(s, &d))
                return false;
        }
    }
    if (!date_valid(&d))
        return false;
    if (d.hour < 0) {
        snprintf(out, META_DATE_CAP, "%04u-%02u-%02u", (unsigned)d.year % 10000u,
                 (unsigned)d.month % 100u, (unsigned)d.day % 100u);
        return true;
    }
    /* date_valid and read_time bound every number, so each takes its width. */
    snprintf(out, META_DATE_CAP, "%04u-%02u-%02uT%02u:%02u:%02u%s%.9s%.6s", (unsigned)d.year % 10000u,
             (unsigned)d.month % 100u, (unsigned)d.day % 100u, (unsigned)d.hour % 100u,
             (unsigned)d.minute % 100u, (unsigned)d.second % 100u, d.frac[0] ? "." : "", d.frac,
             d.zone);
    return true;
}

/* --- languages --- */

bool lang_normalise(const char *s, char *out, size_t cap) {
    if (!s || cap < 4)
        return false;
    skip_spaces(&s);
    size_t n = 0, subtag = 0;
    while (*s && !is_ascii_space((unsigned char)*s) && *s != ',' && *s != ';') {
        size_t len = 0;
        while (isalnum((unsigned char)s[len]))
            len++;
        if (len == 0 || len > 8)
            break;
        if (subtag == 0) {
            for (size_t i = 0; i < len; i++)
                if (!isalpha((unsigned char)s[i]))
                    return false;
            if (len < 2 || len > 3)
                return false;
        }
        if (n + len + 2 > cap)
            break;
        if (subtag)
            out[n++] = '-';
        for (size_t i = 0; i < len; i++) {
            unsigned char c = (unsigned char)s[i];
            bool upper = subtag && (len == 2 || (len == 4 && i == 0));
            out[n++] = (char)(upper ? toupper(c) : tolower(c));
        }
        subtag++;
        s += len;
        if (*s != '-' && *s != '_')
            break;
        s++;
    }
    out[n] = '\0';
    /* One tag, or the first of a list ("en, fr"); "no language" is words. */
    skip_spaces(&s);
    return subtag > 0 && (!*s || *s == ',' || *s == ';');
}

/* --- addresses --- */

static bool is_http(const char *s) {
    return strncasecmp(s, "http://", 7) == 0 || strncasecmp(s, "https://", 8) == 0;
}

const char *url_resolve(arena *a, const char *s, const char *base) {
    if (!s || !*s || strchr(s, ' '))
        return NULL;
    if (is_http(s))
        return s;
    if (!base || !is_http(base)) {
        /* a scheme-relative address needs no page to be one: the web's is https */
        if (s[0] != '/' || s[1] != '/')
            return NULL;
        base = "https:";
    }
    buf out;
    buf_init(&out);
    url_resolve_into(&out, base, s, strlen(s));
    /* The fields name web resources: a mailto: or data: reference is none. */
    const char *u = !out.failed && out.len && is_http(out.data) ? arena_strdup(a, out.data) : NULL;
    buf_free(&out);
    return u;
}

/* --- page types --- */

/* What a type word names, by the end of the word: schema.org types are
 * families (NewsArticle, OpinionNewsArticle, ...), so a suffix decides. */
static const struct {
    const char *suffix;
    const char *type;
} schema_types[] = {
    {"LiveBlogPosting", "live blog"},
    {"DiscussionForumPosting", "forum post"},
    {"SocialMediaPosting", "social media post"},
    {"BlogPosting", "blog post"},
    {"Article", "article"},
    {"Report", "article"},
    {"VideoObject", "video"},
    {"AudioObject", "audio"},
    {"PodcastEpisode", "podcast"},
    {"Recipe", "recipe"},
    {"Review", "review"},
    {"Product", "product"},
    {"Event", "event"},
    {"QAPage", "question"},
    {"FAQPage", "faq"},
    {"ProfilePage", "profile"},
    {"CollectionPage", "listing"},
    {"ItemList", "listing"},
    {"SearchResultsPage", "listing"},
    {"WebPage", "page"},
};

static bool has_suffix(const char *s, const char *suffix) {
    size_t sl = strlen(s), xl = strlen(suffix);
    return sl >= xl && strcmp(s + sl - xl, suffix) == 0;
}

const char *type_from_schema(const char *type) {
    if (!type)
        return NULL;
    const char *slash = strrchr(type, '/');
    if (slash)
        type = slash + 1;
    for (size_t i = 0; i < sizeof schema_types / sizeof schema_types[0]; i++)
        if (has_suffix(type, schema_types[i].suffix))
            return schema_types[i].type;
    return NULL;
}

/* og:type values (https://ogp.me/#types); "website", the default that
 * most CMSes write on every page, says nothing and gives NULL. */
const char *type_from_opengraph(const char *type) {
    static const struct {
        const char *prefix;
        const char *type;
    } og_types[] = {
        {"article", "article"}, {"blog", "blog post"}, {"video", "video"},
        {"music", "audio"},     {"profile", "profile"}, {"book", "book"},
        {"product", "product"},
    };
    if (!type)
        return NULL;
    for (size_t i = 0; i < sizeof og_types / sizeof og_types[0]; i++)
        if (strncasecmp(type, og_types[i].prefix, strlen(og_types[i].prefix)) == 0)
            return og_types[i].type;
    return NULL;
}
