/*
 * metadata/choose_date.c — the publication and modification dates from
 * their slots.
 *
 * The most trusted declared date is taken unless more of the page's
 * voices agree on another day that it shows (agreed_date), since a CMS's
 * field may hold a draft's date or the last save; a declared time is read
 * as the page's own day. Without one, the date in the address, a line that
 * announces the date, and at last a shown update date stand in. A
 * modification date is never taken for the publication date.
 */
#include <stdio.h>
#include <string.h>

#include "internal.h"

/* The first of ORDER's slots of F that holds a date, in ISO 8601. */
static pick first_date(meta_candidates *c, enum meta_field f, const enum meta_source *order,
                       size_t count) {
    char date[META_DATE_CAP];
    for (size_t i = 0; i < count; i++)
        if (date_normalise(c->value[f][order[i]], date)) {
            const char *d = arena_strdup(&c->mem, date);
            if (!d)
                c->failed = true;
            return (pick){d, c->origin[f][order[i]]};
        }
    return (pick){NULL, NULL};
}

/* A date the page states in its own zone as a calendar day: the date in
 * its address, or a date line it shows. */
static pick local_day(meta_candidates *c, const char *url, const char *page_url) {
    char date[META_DATE_CAP];
    if (date_from_url(url, date) || date_from_url(page_url, date) ||
        date_digits_in_url(url, date) || date_digits_in_url(page_url, date)) {
        const char *d = arena_strdup(&c->mem, date);
        if (!d)
            c->failed = true;
        return (pick){d, "url"};
    }
    /* Only a line marked as the date line: an unmarked date under the
     * headline (SRC_HEADLINE) may be written by a script in the zone of
     * whoever saved the page. */
    if (date_normalise(c->value[F_DATE][SRC_TEXT], date)) {
        const char *d = arena_strdup(&c->mem, date);
        if (!d)
            c->failed = true;
        return (pick){d, c->origin[F_DATE][SRC_TEXT]};
    }
    return (pick){NULL, NULL};
}

/* The zone the page writes its times in, as a declared date or
 * modification date with a local offset shows it; false when every
 * declared time is in UTC or has no zone. */
static bool declared_zone(const meta_candidates *c, int *offset) {
    static const enum meta_field fields[] = {F_DATE, F_MODIFIED};
    char date[META_DATE_CAP];
    for (size_t f = 0; f < sizeof fields / sizeof fields[0]; f++)
        for (size_t s = 0; s < SRC_COUNT; s++)
            if (date_normalise(c->value[fields[f]][s], date) && date_offset(date, offset) &&
                *offset != 0)
                return true;
    return false;
}

/* How far from UTC a newsroom's clock may be, in minutes: Hawaii to New
 * Zealand in summer, rounded out. A day the page states that its declared
 * time cannot fall on in any such zone is another event's day (the draft's,
 * in an address), not the same moment seen from another zone. */
enum { ZONE_MOST_WEST = 10 * 60, ZONE_MOST_EAST = 13 * 60 };

/* Whether the UTC time ISO falls on day DAY (YYYY-MM-DD) in some zone. */
static bool same_moment(const char *iso, const char *day) {
    int apart = date_days_between(iso, day);
    if (apart == 0)
        return true;
    if (apart != 1 && apart != -1)
        return false;
    int hour = 0, minute = 0;
    if (sscanf(iso + 10, "T%2d:%2d", &hour, &minute) != 2)
        return false;
    int minute_of_day = hour * 60 + minute;
    return apart == 1 ? 24 * 60 - minute_of_day <= ZONE_MOST_EAST
                      : minute_of_day < ZONE_MOST_WEST;
}

/* P, a declared time, as the page's own day. A time in UTC is an instant;
 * its day is the page's only when the page is written in UTC, and a page
 * dated 22:04 UTC in Vienna was published on the next day. The page's
 * zone is read, most direct first, from a day the page states itself (its
 * address, its date line) that the instant falls on in some zone, from
 * another declared time that carries a local offset, and from its language
 * or country. Without any of these the UTC day stands. */
static pick in_page_zone(meta_candidates *c, pick p, const char *lang, const char *url,
                         const char *page_url) {
    if (!p.value || !date_is_utc(p.value))
        return p;
    pick day = local_day(c, url, page_url);
    if (day.value && same_moment(p.value, day.value))
        return date_days_between(p.value, day.value) == 0 ? p : day;
    int offset;
    char date[META_DATE_CAP];
    /* The value is kept as the page wrote it unless its day changes. */
    if ((!declared_zone(c, &offset) && !zone_of_language(lang, p.value, &offset)) ||
        offset == 0 || !date_in_zone(p.value, offset, date) ||
        date_days_between(p.value, date) == 0)
        return p;
    const char *d = arena_strdup(&c->mem, date);
    if (!d)
        c->failed = true;
    return (pick){d, p.origin};
}

/* The date in the page's address (the canonical one, else the one it was
 * fetched from), into DATE. */
static bool url_date(const char *url, const char *page_url, char date[META_DATE_CAP]) {
    return date_from_url(url, date) || date_from_url(page_url, date) ||
           date_slug_in_url(url, date) || date_slug_in_url(page_url, date);
}

/* The voices that vote on the page's day: each declared source, the
 * address, and what the page shows (its <time>s and date lines, which
 * often repeat one element, so they are one voice). The page's chrome
 * does not vote: it shows other pages' days too. */
enum date_voice {
    VOICE_JSONLD,
    VOICE_OPENGRAPH,
    VOICE_ITEMPROP,
    VOICE_DUBLIN_CORE,
    VOICE_NAMED,
    VOICE_VENDOR,
    VOICE_SHOWN,
    VOICE_URL,
    VOICE_COUNT
};

static const struct {
    enum meta_source source;
    enum date_voice voice;
} date_voters[] = {
    {SRC_JSONLD, VOICE_JSONLD},       {SRC_OPENGRAPH, VOICE_OPENGRAPH},
    {SRC_ITEMPROP, VOICE_ITEMPROP},   {SRC_DUBLIN_CORE, VOICE_DUBLIN_CORE},
    {SRC_NAMED, VOICE_NAMED},         {SRC_VENDOR, VOICE_VENDOR},
    {SRC_VISIBLE, VOICE_SHOWN},       {SRC_WEAK, VOICE_SHOWN},
    {SRC_TEXT, VOICE_SHOWN},          {SRC_HEADLINE, VOICE_SHOWN},
};

/* Generic fields a CMS fills with whatever date it holds, often the last
 * save: microdata, Dublin Core, <meta name=date>, vendors' tags. */
#define GENERIC_VOICES                                                                     \
    ((1u << VOICE_ITEMPROP) | (1u << VOICE_DUBLIN_CORE) | (1u << VOICE_NAMED) |             \
     (1u << VOICE_VENDOR))

/* P's day, a day for each voter and the address's. */
enum { DATE_VOTES = sizeof date_voters / sizeof date_voters[0] + 2, DAY_LEN = 10 };

typedef struct day_vote {
    char date[META_DATE_CAP]; /* the most trusted value stating the day */
    const char *origin;
    unsigned voices; /* bits of enum date_voice */
} day_vote;

static unsigned voice_count(unsigned voices) {
    unsigned n = 0;
    for (; voices; voices &= voices - 1)
        n++;
    return n;
}

/* Add DATE, stated by the VOICES (bits of enum date_voice), to the COUNT
 * days of VOTES (room for DATE_VOTES). */
static void cast_vote(day_vote *votes, size_t *count, const char *date, unsigned voices,
                      const char *origin) {
    for (size_t i = 0; i < *count; i++)
        if (strncmp(votes[i].date, date, DAY_LEN) == 0) {
            votes[i].voices |= voices;
            return;
        }
    if (*count >= DATE_VOTES)
        return;
    day_vote *v = &votes[(*count)++];
    memcpy(v->date, date, META_DATE_CAP);
    v->origin = origin;
    v->voices = voices;
}

/* P, the most trusted date, or the day the page shows when more of its
 * voices agree on that. A CMS's field can hold another day than the page
 * shows (a draft's date in the microdata, a "date" meta that is the last
 * save, a template's JSON-LD): the day shown wins when more voices state
 * it than state P's day, or as many when only generic fields
 * (GENERIC_VOICES) state P's. A day that ties with another is no
 * answer, and P stands. */
static pick agreed_date(meta_candidates *c, pick p, const char *url, const char *page_url) {
    day_vote votes[DATE_VOTES];
    size_t count = 0;
    char date[META_DATE_CAP];
    if (!date_normalise(p.value, date))
        return p;
    cast_vote(votes, &count, date, 0, p.origin); /* P's day first, its voices below */
    for (size_t i = 0; i < sizeof date_voters / sizeof date_voters[0]; i++)
        if (date_normalise(c->value[F_DATE][date_voters[i].source], date))
            cast_vote(votes, &count, date, 1u << date_voters[i].voice,
                      c->origin[F_DATE][date_voters[i].source]);
    if (url_date(url, page_url, date))
        cast_vote(votes, &count, date, 1u << VOICE_URL, "url");
    const day_vote *best = NULL;
    bool tie = false;
    for (size_t i = 1; i < count; i++) {
        if (!best || voice_count(votes[i].voices) > voice_count(best->voices))
            best = &votes[i], tie = false;
        else if (voice_count(votes[i].voices) == voice_count(best->voices))
            tie = true;
    }
    if (!best || tie || !(best->voices & (1u << VOICE_SHOWN)))
        return p;
    unsigned for_p = votes[0].voices, for_best = best->voices;
    bool wins = voice_count(for_best) > voice_count(for_p) ||
                (voice_count(for_best) == voice_count(for_p) && !(for_p & ~GENERIC_VOICES));
    if (!wins)
        return p;
    const char *d = arena_strdup(&c->mem, best->date);
    if (!d)
        c->failed = true;
    return (pick){d, best->origin};
}

/* The publication date: what the page declares, then what it shows (a
 * <time>, a date line), then the date in its address; a declared time is
 * read as the page's own day (in_page_zone). Never the modification date:
 * those live in their own slots (F_MODIFIED). */
pick choose_date(meta_candidates *c, const char *url, const char *page_url, const char *lang) {
    static const enum meta_source order[] = {SRC_JSONLD, SRC_OPENGRAPH, SRC_ITEMPROP,
                                             SRC_DUBLIN_CORE, SRC_NAMED, SRC_VENDOR,
                                             SRC_VISIBLE, SRC_WEAK, SRC_TEXT, SRC_HEADLINE};
    static const enum meta_source created_order[] = {SRC_OPENGRAPH, SRC_ITEMPROP,
                                                     SRC_DUBLIN_CORE, SRC_NAMED, SRC_VENDOR,
                                                     SRC_JSONLD, SRC_VISIBLE, SRC_WEAK, SRC_TEXT,
                                                     SRC_HEADLINE};
    /* A marked date line further down the page than the date under the
     * headline is a teaser's ("Related: ... December 17, 2019"): the line
     * closest after the headline dates the article. */
    const char *text_line = c->value[F_DATE][SRC_TEXT];
    if (text_line && c->value[F_DATE][SRC_HEADLINE] &&
        c->headline_date_order < c->date_line_order)
        c->value[F_DATE][SRC_TEXT] = NULL;
    pick p = c->jsonld_date_created
                 ? first_date(c, F_DATE, created_order, sizeof created_order / sizeof *created_order)
                 : first_date(c, F_DATE, order, sizeof order / sizeof order[0]);
    /* The teaser's line has no vote either. */
    if (p.value)
        p = agreed_date(c, p, url, page_url);
    c->value[F_DATE][SRC_TEXT] = text_line;
    if (p.value)
        return in_page_zone(c, p, lang, url, page_url);
    char date[META_DATE_CAP];
    if (url_date(url, page_url, date)) {
        const char *d = arena_strdup(&c->mem, date);
        if (!d)
            c->failed = true;
        return (pick){d, "url"};
    }
    /* A line elsewhere that announces the date ("Erschienen am"), then a
     * date line in the chrome, then a date standing alone on a line. */
    static const enum meta_source elsewhere[] = {SRC_LABELLED, SRC_CHROME, SRC_STANDALONE};
    p = first_date(c, F_DATE, elsewhere, sizeof elsewhere / sizeof elsewhere[0]);
    if (p.value)
        return p;
    /* A page that only shows readers when it was last changed
     * ("Aktualisiert am 3. März 2021") dates itself by that: the one date a
     * reader would cite. A declared modification time alone is no such
     * statement (a CMS stamps it on every save) and gives no date. */
    static const enum meta_source updates[] = {SRC_TEXT, SRC_HEADLINE, SRC_LABELLED};
    return first_date(c, F_MODIFIED, updates, sizeof updates / sizeof updates[0]);
}

pick choose_modified(meta_candidates *c) {
    static const enum meta_source order[] = {SRC_JSONLD, SRC_OPENGRAPH, SRC_ITEMPROP,
                                             SRC_DUBLIN_CORE, SRC_NAMED};
    return first_date(c, F_MODIFIED, order, sizeof order / sizeof order[0]);
}
