/*
 * lexicon/weekdays.c — the names of the days of the week.
 *
 * names.c cuts a byline where its date starts, and a weekday after the
 * name starts one ("Jane Doe Monday, May 4", "Jane Doe Fr, 03.11.").
 * Matched as whole words, ASCII in any case, a trailing '.', ',' or ':'
 * ignored.
 */
#include "sets.h"

static const char *const weekdays[] = {
    /* English */
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    /* German */
    "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
    /* French */
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    /* German abbreviations, as date lines write them ("Fr, 03.11.") */
    "mo", "di", "mi", "do", "fr", "sa", "so",
    /* Arabic, which has no capitals to tell a name from a weekday */
    "\xd8\xa7\xd9\x84\xd8\xa3\xd8\xad\xd8\xaf",                         /* الأحد */
    "\xd8\xa7\xd9\x84\xd8\xa7\xd8\xab\xd9\x86\xd9\x8a\xd9\x86",             /* الاثنين */
    "\xd8\xa7\xd9\x84\xd8\xab\xd9\x84\xd8\xa7\xd8\xab\xd8\xa7\xd8\xa1",     /* الثلاثاء */
    "\xd8\xa7\xd9\x84\xd8\xa3\xd8\xb1\xd8\xa8\xd8\xb9\xd8\xa7\xd8\xa1",     /* الأربعاء */
    "\xd8\xa7\xd9\x84\xd8\xae\xd9\x85\xd9\x8a\xd8\xb3",                 /* الخميس */
    "\xd8\xa7\xd9\x84\xd8\xac\xd9\x85\xd8\xb9\xd8\xa9",                 /* الجمعة */
    "\xd8\xa7\xd9\x84\xd8\xb3\xd8\xa8\xd8\xaa",                         /* السبت */
};
const lexicon_set lexicon_weekdays = LEXICON_SET(weekdays, LEXICON_ANY_CASE);

/* English weekdays as dates abbreviate them before a comma ("Mon, 24
 * July 2017"); on their own they are also names, so names.c counts them
 * only so. */
static const char *const weekday_abbreviations[] = {"mon", "tue", "wed", "thu",
                                                    "fri", "sat", "sun"};
const lexicon_set lexicon_weekday_abbreviations =
    LEXICON_SET(weekday_abbreviations, LEXICON_ANY_CASE);
