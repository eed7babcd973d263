/*
 * dates.c — dates written for people: month names in the languages lede
 * meets most, the date line under a headline, the date in an address.
 *
 * Declared dates (JSON-LD, article:published_time) are machine forms and
 * normalize.c reads them. A page that declares none still shows its date to
 * readers — "Published 3 May 2020", "20. November 2019, 10:00 Uhr", "le 20
 * novembre 2019" — and often carries it in its address (/2019/11/20/). Both
 * are weaker evidence, so metadata.c reads them last, and both are read
 * strictly: a line's first date wins unless the words before it announce an
 * update (a modification date is never the publication date), and an
 * address counts only with a full year, month and day. Anything else gives
 * no date rather than a guess.
 *
 * Month names are matched as whole words against one table. Words of the
 * table that are also ordinary words ("mar", "set", "out") are harmless,
 * because a month only counts between a day and a year.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "internal.h"

static const struct {
    const char *word; /* lower case, UTF-8 */
    unsigned char month;
} month_table[] = {
    /* English */
    {"january", 1}, {"february", 2}, {"march", 3}, {"april", 4}, {"may", 5}, {"june", 6},
    {"july", 7}, {"august", 8}, {"september", 9}, {"october", 10}, {"november", 11},
    {"december", 12}, {"jan", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4}, {"jun", 6}, {"jul", 7},
    {"aug", 8}, {"sep", 9}, {"sept", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12},
    /* German */
    {"januar", 1}, {"jänner", 1}, {"februar", 2}, {"märz", 3}, {"maerz", 3}, {"mai", 5},
    {"juni", 6}, {"juli", 7}, {"oktober", 10}, {"dezember", 12}, {"mär", 3}, {"mrz", 3},
    {"okt", 10}, {"dez", 12},
    /* French */
    {"janvier", 1}, {"février", 2}, {"fevrier", 2}, {"mars", 3}, {"avril", 4}, {"juin", 6},
    {"juillet", 7}, {"août", 8}, {"aout", 8}, {"septembre", 9}, {"octobre", 10},
    {"novembre", 11}, {"décembre", 12}, {"decembre", 12}, {"janv", 1}, {"févr", 2},
    {"fév", 2}, {"avr", 4}, {"juil", 7}, {"déc", 12},
    /* Spanish */
    {"enero", 1}, {"febrero", 2}, {"marzo", 3}, {"abril", 4}, {"mayo", 5}, {"junio", 6},
    {"julio", 7}, {"agosto", 8}, {"septiembre", 9}, {"setiembre", 9}, {"octubre", 10},
    {"noviembre", 11}, {"diciembre", 12}, {"ene", 1}, {"abr", 4}, {"ago", 8}, {"dic", 12},
    /* Italian */
    {"gennaio", 1}, {"febbraio", 2}, {"aprile", 4}, {"maggio", 5}, {"giugno", 6},
    {"luglio", 7}, {"settembre", 9}, {"ottobre", 10}, {"dicembre", 12}, {"gen", 1},
    {"mag", 5}, {"giu", 6}, {"lug", 7}, {"set", 9}, {"ott", 10},
    /* Portuguese */
    {"janeiro", 1}, {"fevereiro", 2}, {"março", 3}, {"maio", 5}, {"junho", 6}, {"julho", 7},
    {"setembro", 9}, {"outubro", 10}, {"novembro", 11}, {"dezembro", 12}, {"fev", 2},
    {"out", 10},
    /* Dutch */
    {"januari", 1}, {"februari", 2}, {"maart", 3}, {"mei", 5}, {"augustus", 8},
    {"mrt", 3},
    /* Russian: the genitive of dates ("20 ноября"), the nominative, abbreviations */
    {"января", 1}, {"февраля", 2}, {"марта", 3}, {"апреля", 4}, {"мая", 5}, {"июня", 6},
    {"июля", 7}, {"августа", 8}, {"сентября", 9}, {"октября", 10}, {"ноября", 11},
    {"декабря", 12}, {"январь", 1}, {"февраль", 2}, {"март", 3}, {"апрель", 4}, {"май", 5},
    {"июнь", 6}, {"июль", 7}, {"август", 8}, {"сентябрь", 9}, {"октябрь", 10},
    {"ноябрь", 11}, {"декабрь", 12}, {"янв", 1}, {"фев", 2}, {"мар", 3}, {"апр", 4},
    {"июн", 6}, {"июл", 7}, {"авг", 8}, {"сен", 9}, {"окт", 10}, {"ноя", 11}, {"дек", 12},
};

/* The longest month word in bytes, with room to spare. */
#define MONTH_WORD_CAP 24

/* Lower-case the UTF-8 word at S (LEN bytes) into OUT: ASCII, Latin-1
 * capitals (U+00C0..U+00DE) and basic Cyrillic capitals (U+0410..U+042F),
 * which is all the month table needs. */
static void fold_word(const char *s, size_t len, char *out) {
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        unsigned char next = i + 1 < len ? (unsigned char)s[i + 1] : 0;
        if (c == 0xC3 && next >= 0x80 && next <= 0x9E && next != 0x97) {
            out[i] = (char)c;
            out[++i] = (char)(next + 0x20);
        } else if (c == 0xD0 && next >= 0x90 && next <= 0x9F) {
            out[i] = (char)c;
            out[++i] = (char)(next + 0x20);
        } else if (c == 0xD0 && next >= 0xA0 && next <= 0xAF) {
            out[i] = (char)0xD1;
            out[++i] = (char)(next - 0x20);
        } else {
            out[i] = (char)tolower(c);
        }
    }
    out[len] = '\0';
}

int month_from_word(const char *s, size_t *len) {
    size_t n = 0;
    while (isalpha((unsigned char)s[n]) || (unsigned char)s[n] >= 0x80)
        n++;
    if (n < 3 || n >= MONTH_WORD_CAP)
        return 0;
    char folded[MONTH_WORD_CAP];
    fold_word(s, n, folded);
    for (size_t i = 0; i < sizeof month_table / sizeof month_table[0]; i++)
        if (strcmp(month_table[i].word, folded) == 0) {
            *len = n + (s[n] == '.');
            return month_table[i].month;
        }
    return 0;
}

/* Words that announce a modification date, lower case (ASCII matched in
 * any case, others as written). */
static const char *const update_words[] = {
    "updated",     "update",     "modified",  "aktualisiert", "geändert", "mis à jour",
    "màj",         "actualizado", "actualización", "aggiornato", "atualizado",
    "atualização", "bijgewerkt", "gewijzigd", "обновлено",   "изменено", "edited",
};

/* Whether the LEN bytes at S hold a word of update_words. */
static bool announces_update(const char *s, size_t len) {
    for (size_t i = 0; i < sizeof update_words / sizeof update_words[0]; i++) {
        size_t wl = strlen(update_words[i]);
        for (size_t at = 0; at + wl <= len; at++)
            if (strncasecmp(s + at, update_words[i], wl) == 0)
                return true;
    }
    return false;
}

/* Whether a date may start at P (inside S): at a word's start, and not an
 * eight-digit run, which in prose is more often a number than a date. */
static bool date_may_start(const char *s, const char *p) {
    unsigned char c = (unsigned char)*p;
    if (p > s && (isalnum((unsigned char)p[-1]) || (unsigned char)p[-1] >= 0x80))
        return false;
    if (isdigit(c)) {
        size_t digits = strspn(p, "0123456789");
        return digits <= 4 && digits != 3;
    }
    return isalpha(c) || c >= 0x80;
}

/* A date from the digits of a year (4 at Y), a month (ML at M) and a day
 * (DL at D), each month and day of one or two digits. */
static bool digits_to_date(const char *y, const char *m, size_t ml, const char *d, size_t dl,
                           char out[META_DATE_CAP]) {
    char iso[16];
    memcpy(iso, y, 4);
    iso[4] = '-';
    iso[5] = ml == 2 ? m[0] : '0';
    iso[6] = m[ml - 1];
    iso[7] = '-';
    iso[8] = dl == 2 ? d[0] : '0';
    iso[9] = d[dl - 1];
    iso[10] = '\0';
    return date_normalise(iso, out);
}

/* Year, month and day written the East Asian way: 2019年11月20日. */
static bool cjk_date(const char *p, char out[META_DATE_CAP]) {
    static const char year_mark[] = "\xE5\xB9\xB4", month_mark[] = "\xE6\x9C\x88";
    size_t y = strspn(p, "0123456789");
    if (y != 4 || strncmp(p + y, year_mark, 3) != 0)
        return false;
    const char *m = p + y + 3;
    size_t ml = strspn(m, "0123456789");
    if (ml < 1 || ml > 2 || strncmp(m + ml, month_mark, 3) != 0)
        return false;
    const char *d = m + ml + 3;
    size_t dl = strspn(d, "0123456789");
    if (dl < 1 || dl > 2)
        return false;
    return digits_to_date(p, m, ml, d, dl, out);
}

bool date_from_text(const char *s, char out[META_DATE_CAP]) {
    if (!s)
        return false;
    const char *clause = s; /* where the words before a date start */
    for (const char *p = s; *p; p++) {
        if (!date_may_start(s, p))
            continue;
        char date[META_DATE_CAP];
        if (!cjk_date(p, date) && !date_normalise(p, date))
            continue;
        if (!announces_update(clause, (size_t)(p - clause))) {
            memcpy(out, date, META_DATE_CAP);
            return true;
        }
        /* Skip the update's date; the words after it start a new clause. */
        while (*p && *p != ',' && *p != '|' && *p != ';' && *p != '\n')
            p++;
        if (!*p)
            break;
        clause = p + 1;
    }
    return false;
}

/* --- addresses --- */

/* Whether the LEN digits at S are a number from LO to HI. */
static bool number_in(const char *s, size_t len, int lo, int hi) {
    int v = 0;
    for (size_t i = 0; i < len; i++) {
        if (!isdigit((unsigned char)s[i]))
            return false;
        v = v * 10 + (s[i] - '0');
    }
    return len > 0 && v >= lo && v <= hi;
}

/* Years an address may carry: the web's. */
enum { URL_YEAR_MIN = 1990, URL_YEAR_MAX = 2099 };

/* A date at P, the start of a path segment: YYYY/MM/DD followed by '/',
 * the end or a query, or YYYY-MM-DD followed by anything but a digit. */
static bool url_segment_date(const char *p, char out[META_DATE_CAP]) {
    if (!number_in(p, 4, URL_YEAR_MIN, URL_YEAR_MAX) || (p[4] != '/' && p[4] != '-'))
        return false;
    char sep = p[4];
    const char *m = p + 5;
    size_t ml = strspn(m, "0123456789");
    if (ml < 1 || ml > 2 || m[ml] != sep)
        return false;
    const char *d = m + ml + 1;
    size_t dl = strspn(d, "0123456789");
    if (dl < 1 || dl > 2)
        return false;
    char end = d[dl];
    if (sep == '/' && end && end != '/' && end != '?' && end != '#')
        return false;
    return digits_to_date(p, m, ml, d, dl, out);
}

bool date_from_url(const char *url, char out[META_DATE_CAP]) {
    if (!url)
        return false;
    const char *host = strstr(url, "://");
    const char *path = host ? strchr(host + 3, '/') : url;
    for (const char *p = path; p && *p && *p != '?' && *p != '#'; p++)
        if (*p == '/' && url_segment_date(p + 1, out))
            return true;
    return false;
}
