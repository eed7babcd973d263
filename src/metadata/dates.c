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
 * Month names, and the words that announce an update or a publication,
 * are the lexicon's (lexicon/months.c, lexicon/update_words.c).
 */
#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "internal.h"
#include "lexicon/lexicon.h"

int month_from_word(const char *s, size_t *len) {
    size_t n = 0;
    while ((isalpha((unsigned char)s[n]) || (unsigned char)s[n] >= 0x80) && !date_space_len(s + n))
        n++;
    int month = lexicon_month(s, n, LEXICON_MONTHS_ALL);
    if (month)
        *len = n + (s[n] == '.');
    return month;
}

static bool announces_update(const char *s, size_t len) {
    return lexicon_holds(LEXICON_UPDATE_WORDS, s, len);
}

static bool announces_publication(const char *s, size_t len) {
    return lexicon_holds(LEXICON_PUBLICATION_WORDS, s, len);
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

/* As date_from_text; with LABELLED, a publication date counts only when
 * the words before it in its clause announce one. */
static bool find_date_in_line(const char *s, bool labelled, char out[META_DATE_CAP],
                              char update[META_DATE_CAP]) {
    if (update)
        update[0] = '\0';
    if (!s)
        return false;
    /* Every date read here has a year of ASCII digits (date_valid()), so
     * none starts past the last digit, and a line without one holds none. */
    const char *last_digit = NULL;
    for (const char *p = s; *p; p++)
        if (isdigit((unsigned char)*p))
            last_digit = p;
    const char *clause = s; /* where the words before a date start */
    for (const char *p = s; last_digit && p <= last_digit; p++) {
        if (!date_may_start(s, p))
            continue;
        char date[META_DATE_CAP];
        if (!cjk_date(p, date) && !date_normalise(p, date))
            continue;
        size_t before = (size_t)(p - clause);
        if (!announces_update(clause, before)) {
            if (labelled && !announces_publication(clause, before))
                return false;
            memcpy(out, date, META_DATE_CAP);
            return true;
        }
        if (update && !update[0])
            memcpy(update, date, META_DATE_CAP);
        /* Skip the update's date; the words after it start a new clause. */
        while (*p && *p != ',' && *p != '|' && *p != ';' && *p != '\n')
            p++;
        if (!*p)
            break;
        clause = p + 1;
    }
    return false;
}

bool date_from_text(const char *s, char out[META_DATE_CAP], char update[META_DATE_CAP]) {
    return find_date_in_line(s, false, out, update);
}

bool date_from_label(const char *s, char out[META_DATE_CAP], char update[META_DATE_CAP]) {
    return find_date_in_line(s, true, out, update);
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

/* Whether the eight digits at P, standing alone (no digit before or
 * after), are a date YYYYMMDD of the web's years. */
static bool compact_date(const char *p, char out[META_DATE_CAP]) {
    if (strspn(p, "0123456789") != 8 || !number_in(p, 4, URL_YEAR_MIN, URL_YEAR_MAX))
        return false;
    return digits_to_date(p, p + 4, 2, p + 6, 2, out);
}

/* Whether C ends a date inside an address: the end of a segment, of the
 * path, or the word after it ("-storm", ".html"). */
static bool ends_url_date(const char *c) {
    return *c == '/' || *c == '\0' || *c == '?' || *c == '#' || *c == '-' || *c == '_' ||
           (*c == '.' && !isdigit((unsigned char)c[1]));
}

/* A date starting a path segment written day first, as European sites
 * name their pages: "/23-01-2022-headline", "/meldungen/29-10-2021". */
static bool day_first_url_date(const char *p, char out[META_DATE_CAP]) {
    size_t dl = strspn(p, "0123456789");
    if (dl < 1 || dl > 2 || (p[dl] != '-' && p[dl] != '.'))
        return false;
    char sep = p[dl];
    const char *m = p + dl + 1;
    size_t ml = strspn(m, "0123456789");
    if (ml < 1 || ml > 2 || m[ml] != sep)
        return false;
    const char *y = m + ml + 1;
    if (strspn(y, "0123456789") != 4 || !number_in(y, 4, URL_YEAR_MIN, URL_YEAR_MAX) ||
        !ends_url_date(y + 4))
        return false;
    return digits_to_date(y, m, ml, p, dl, out);
}

/* A compact date (YYYYMMDD) or a day-first date in the address's path:
 * one that closes a word of a segment ("/storm-hits-20191120",
 * "-20191120.html") or opens one before more words ("/20220127-storm",
 * "/23-01-2022-storm", "/29-10-2021"); with WHOLE_SEGMENT, a segment of
 * eight digits alone too ("/news/20191120/"). */
static bool compact_url_date(const char *url, bool whole_segment, char out[META_DATE_CAP]) {
    if (!url)
        return false;
    const char *host = strstr(url, "://");
    const char *path = host ? strchr(host + 3, '/') : strchr(url, '/');
    if (!path)
        return false;
    for (const char *p = path + 1; *p && *p != '?' && *p != '#'; p++) {
        char before = p[-1];
        if (before == '/' && day_first_url_date(p, out))
            return true;
        if (!isdigit((unsigned char)*p) || strspn(p, "0123456789") != 8)
            continue;
        bool closes_word = (before == '-' || before == '_') &&
                           (ends_url_date(p + 8) && p[8] != '-' && p[8] != '_');
        bool opens_words = before == '/' && (p[8] == '-' || p[8] == '_');
        bool alone = before == '/' && whole_segment && ends_url_date(p + 8);
        if ((closes_word || opens_words || alone) && compact_date(p, out))
            return true;
    }
    return false;
}

bool date_slug_in_url(const char *url, char out[META_DATE_CAP]) {
    return compact_url_date(url, false, out);
}

bool date_digits_in_url(const char *url, char out[META_DATE_CAP]) {
    return compact_url_date(url, true, out);
}

/* --- the page's own calendar day ---
 *
 * A declared instant in UTC ("2019-10-18T22:04:00Z") names the right
 * moment but, for a page written two hours east of Greenwich, the wrong
 * day: the publication date is the day the page states to its readers, in
 * its own zone. date_local_day moves such an instant into the page's zone
 * when the page tells it; every caller keeps a value that already carries
 * a local offset, or none, as it is. */

/* Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
 * days_from_civil), and back. */
static long days_from_civil(int y, int m, int d) {
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d) {
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400 + (*m <= 2));
}

/* The day of the month of the Nth (1-based; 5 for the last) Sunday of
 * month M of year Y. */
static int nth_sunday(int y, int m, int n) {
    static const int month_days[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    long first = days_from_civil(y, m, 1);
    int weekday = (int)((first + 4) % 7); /* 1970-01-01 was a Thursday; 0 is Sunday */
    if (weekday < 0)
        weekday += 7;
    int day = 1 + (7 - weekday) % 7 + 7 * (n - 1);
    int last = month_days[m - 1] + (m == 2 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0));
    while (day > last)
        day -= 7;
    return day;
}

/* The summer-time rules of the zones in zone_table: the European Union's
 * (last Sunday of March to last Sunday of October, at 01:00 UTC) and North
 * America's (second Sunday of March to first Sunday of November, at 02:00
 * local; taken at 07:00 UTC, Eastern time, which the table uses). */
enum dst_rule { DST_NONE, DST_EU, DST_US };

/* Whether summer time is in force at minute MINUTES (since 1970, UTC)
 * under RULE. */
static bool summer_time(enum dst_rule rule, long minutes) {
    if (rule == DST_NONE)
        return false;
    int y, m, d;
    civil_from_days(minutes / (24 * 60), &y, &m, &d);
    long start, end;
    if (rule == DST_EU) {
        start = days_from_civil(y, 3, nth_sunday(y, 3, 5)) * 24 * 60 + 60;
        end = days_from_civil(y, 10, nth_sunday(y, 10, 5)) * 24 * 60 + 60;
    } else {
        start = days_from_civil(y, 3, nth_sunday(y, 3, 2)) * 24 * 60 + 7 * 60;
        end = days_from_civil(y, 11, nth_sunday(y, 11, 1)) * 24 * 60 + 6 * 60;
    }
    return minutes >= start && minutes < end;
}

/* The zone most pages in a language, or of a country, are written in.
 * Only languages whose pages come overwhelmingly from one zone are here:
 * English, Spanish, Portuguese, French and Arabic span continents, so they
 * count only with a country ("en-US", "pt-BR", "fr-CA"). A country that
 * spans zones is given the one of its largest newsrooms and of the least
 * shift (the US Eastern zone): a UTC time near midnight moves back a day
 * under any of them. */
static const struct {
    const char *tag; /* language, or "-" and a country */
    short minutes;   /* standard offset east of UTC */
    unsigned char dst;
} zone_table[] = {
    /* languages */
    {"de", 60, DST_EU}, {"it", 60, DST_EU}, {"nl", 60, DST_EU}, {"pl", 60, DST_EU},
    {"cs", 60, DST_EU}, {"sk", 60, DST_EU}, {"sl", 60, DST_EU}, {"hr", 60, DST_EU},
    {"sr", 60, DST_EU}, {"bs", 60, DST_EU}, {"hu", 60, DST_EU}, {"sv", 60, DST_EU},
    {"da", 60, DST_EU}, {"nb", 60, DST_EU}, {"nn", 60, DST_EU}, {"no", 60, DST_EU},
    {"ca", 60, DST_EU}, {"fi", 120, DST_EU}, {"et", 120, DST_EU}, {"lv", 120, DST_EU},
    {"lt", 120, DST_EU}, {"el", 120, DST_EU}, {"ro", 120, DST_EU}, {"bg", 120, DST_EU},
    {"uk", 120, DST_EU}, {"he", 120, DST_EU}, {"ru", 180, DST_NONE}, {"tr", 180, DST_NONE},
    {"fa", 210, DST_NONE}, {"hi", 330, DST_NONE}, {"bn", 360, DST_NONE},
    {"th", 420, DST_NONE}, {"vi", 420, DST_NONE}, {"zh", 480, DST_NONE},
    {"ja", 540, DST_NONE}, {"ko", 540, DST_NONE},
    /* countries */
    {"-us", -300, DST_US}, {"-ca", -300, DST_US}, {"-mx", -360, DST_NONE},
    {"-br", -180, DST_NONE}, {"-ar", -180, DST_NONE}, {"-cl", -240, DST_NONE},
    {"-co", -300, DST_NONE}, {"-pe", -300, DST_NONE}, {"-ve", -240, DST_NONE},
    {"-gb", 0, DST_EU}, {"-ie", 0, DST_EU}, {"-pt", 0, DST_EU}, {"-es", 60, DST_EU},
    {"-fr", 60, DST_EU}, {"-be", 60, DST_EU}, {"-ch", 60, DST_EU}, {"-at", 60, DST_EU},
    {"-de", 60, DST_EU}, {"-it", 60, DST_EU}, {"-in", 330, DST_NONE},
    {"-pk", 300, DST_NONE}, {"-sg", 480, DST_NONE}, {"-my", 480, DST_NONE},
    {"-ph", 480, DST_NONE}, {"-hk", 480, DST_NONE}, {"-tw", 480, DST_NONE},
    {"-jp", 540, DST_NONE}, {"-kr", 540, DST_NONE}, {"-eg", 120, DST_NONE},
    {"-za", 120, DST_NONE}, {"-ng", 60, DST_NONE}, {"-ke", 180, DST_NONE},
    {"-sa", 180, DST_NONE}, {"-ae", 240, DST_NONE},
};

/* The zone entry for the language or country CODE (LEN bytes), or -1. */
static int zone_entry(const char *code, size_t len, bool country) {
    for (size_t i = 0; i < sizeof zone_table / sizeof zone_table[0]; i++) {
        const char *tag = zone_table[i].tag;
        if ((tag[0] == '-') != country)
            continue;
        tag += country;
        if (strlen(tag) == len && strncasecmp(tag, code, len) == 0)
            return (int)i;
    }
    return -1;
}

/* A normalised date's instant in minutes since 1970 (UTC) and its offset,
 * when it carries a time and a zone. */
static bool date_instant(const char *iso, long *minutes, int *offset) {
    int y, mo, d, h, mi;
    char rest[META_DATE_CAP];
    if (!iso || sscanf(iso, "%4d-%2d-%2dT%2d:%2d%47s", &y, &mo, &d, &h, &mi, rest) != 6)
        return false;
    const char *zone = rest + strcspn(rest, "Z+-");
    if (*zone == 'Z')
        *offset = 0;
    else if (*zone && isdigit((unsigned char)zone[1]) && strlen(zone) >= 6)
        *offset = (zone[0] == '-' ? -1 : 1) *
                  ((zone[1] - '0') * 600 + (zone[2] - '0') * 60 + (zone[4] - '0') * 10 +
                   (zone[5] - '0'));
    else
        return false;
    *minutes = days_from_civil(y, mo, d) * 24 * 60 + h * 60 + mi - *offset;
    return true;
}

bool date_is_utc(const char *iso) {
    long minutes;
    int offset;
    return date_instant(iso, &minutes, &offset) && offset == 0;
}

bool date_offset(const char *iso, int *offset) {
    long minutes;
    return date_instant(iso, &minutes, offset);
}

bool zone_of_language(const char *lang, const char *iso, int *offset) {
    long minutes;
    int utc;
    if (!lang || !date_instant(iso, &minutes, &utc))
        return false;
    size_t len = strcspn(lang, "-_");
    int entry = -1;
    /* The country, when named, says more than the language. */
    for (const char *sub = lang + len; *sub && entry < 0;) {
        sub++;
        size_t sub_len = strcspn(sub, "-_");
        if (sub_len == 2)
            entry = zone_entry(sub, sub_len, true);
        sub += sub_len;
    }
    if (entry < 0)
        entry = zone_entry(lang, len, false);
    if (entry < 0)
        return false;
    *offset = zone_table[entry].minutes;
    if (summer_time((enum dst_rule)zone_table[entry].dst, minutes))
        *offset += 60;
    return true;
}

bool date_in_zone(const char *iso, int offset, char out[META_DATE_CAP]) {
    long minutes;
    int from;
    if (!date_instant(iso, &minutes, &from))
        return false;
    long local = minutes + offset;
    long day = local / (24 * 60), minute_of_day = local % (24 * 60);
    if (minute_of_day < 0)
        minute_of_day += 24 * 60, day--;
    int y, m, d;
    civil_from_days(day, &y, &m, &d);
    const char *seconds = iso + 16; /* ":ss" and a fraction, when given */
    size_t seconds_len = strcspn(seconds, "Z+-");
    int magnitude = offset < 0 ? -offset : offset;
    snprintf(out, META_DATE_CAP, "%04d-%02d-%02dT%02ld:%02ld%.*s%c%02d:%02d", y % 10000, m, d,
             minute_of_day / 60, minute_of_day % 60, (int)(seconds_len < 13 ? seconds_len : 13),
             seconds, offset < 0 ? '-' : '+', magnitude / 60 % 100, magnitude % 60);
    return true;
}

int date_days_between(const char *a, const char *b) {
    int ya, ma, da, yb, mb, db;
    if (!a || !b || sscanf(a, "%4d-%2d-%2d", &ya, &ma, &da) != 3 ||
        sscanf(b, "%4d-%2d-%2d", &yb, &mb, &db) != 3)
        return INT_MAX;
    return (int)(days_from_civil(yb, mb, db) - days_from_civil(ya, ma, da));
}
