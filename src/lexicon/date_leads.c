/*
 * lexicon/date_leads.c — the words that lead into a date or its time.
 *
 * names.c cuts a byline where its date starts, and the words that announce
 * a date ("Stand:", "hace 2 horas", "vor 3 Stunden", "on") belong to the
 * date, not to the name: they are cut with it. normalize.c reads "3 May
 * 2020 at 10:00" and "20. November 2019 um 10:00" by skipping the word
 * between the date and its time.
 *
 * Both are matched as whole words, ASCII in any case. The time leads are
 * skipped one after the other in this order, so their order is kept.
 */
#include "sets.h"

static const char *const date_lead_words[] = {
    /* English */
    "on", "updated", "published", "posted", "last",
    /* German */
    "am", "stand", "vor", "veröffentlicht", "publiziert", "erschienen", "aktualisiert",
    /* French */
    "le", "publié",
    /* Spanish */
    "el", "hace", "publicado",
    /* Italian */
    "il", "pubblicato",
};
const lexicon_set lexicon_date_lead_words = LEXICON_SET(date_lead_words, LEXICON_ANY_CASE);

static const char *const time_leads[] = {
    "at",    /* English */
    "um",    /* German */
    "a las", /* Spanish */
    "alle",  /* Italian */
    "om",    /* Dutch */
    "à",     /* French */
    "às",    /* Portuguese */
    "-",     /* any: "3 May 2020 - 10:00" */
};
const lexicon_set lexicon_time_leads = LEXICON_SET(time_leads, LEXICON_ANY_CASE);
