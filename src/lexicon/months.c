/*
 * lexicon/months.c — month names, with the month each names.
 *
 * dates.c reads the dates written for people ("20. November 2019", "le 20
 * novembre 2019", "20 ноября 2019") in every language below; names.c cuts
 * a byline where a date starts, and there asks for the English names
 * alone, because in other languages short month names are also words of
 * a name or a byline ("Mai", "Set", "Di").
 *
 * Names are matched as whole words, lower case after fold_word: the
 * nominative and, where dates inflect it, the genitive or partitive, with
 * the abbreviations dates use. Words that are also ordinary words ("mar",
 * "set", "out") are harmless to dates.c, because there a month only counts
 * between a day and a year.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "lexicon.h"

typedef struct month_row {
    const char *word; /* lower case, UTF-8 */
    unsigned char month;
} month_row;

/* English: the one language names.c asks for alone */
static const month_row english[] = {
    {"january", 1}, {"february", 2}, {"march", 3}, {"april", 4}, {"may", 5}, {"june", 6},
    {"july", 7}, {"august", 8}, {"september", 9}, {"october", 10}, {"november", 11},
    {"december", 12}, {"jan", 1}, {"feb", 2}, {"mar", 3}, {"apr", 4}, {"jun", 6}, {"jul", 7},
    {"aug", 8}, {"sep", 9}, {"sept", 9}, {"oct", 10}, {"nov", 11}, {"dec", 12},
};

static const month_row other_languages[] = {
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
    /* Arabic: the names of Egypt and the Maghreb-to-Gulf press, with the
     * spellings with and without hamza, and the Levant's one-word names */
    {"يناير", 1}, {"فبراير", 2}, {"مارس", 3}, {"أبريل", 4}, {"ابريل", 4}, {"إبريل", 4},
    {"مايو", 5}, {"يونيو", 6}, {"يونيه", 6}, {"يوليو", 7}, {"يوليه", 7}, {"أغسطس", 8},
    {"اغسطس", 8}, {"سبتمبر", 9}, {"أكتوبر", 10}, {"اكتوبر", 10}, {"نوفمبر", 11},
    {"ديسمبر", 12}, {"شباط", 2}, {"آذار", 3}, {"نيسان", 4}, {"أيار", 5}, {"حزيران", 6},
    {"تموز", 7}, {"آب", 8}, {"أيلول", 9},
    /* Romanian */
    {"ianuarie", 1}, {"februarie", 2}, {"martie", 3}, {"aprilie", 4}, {"iunie", 6},
    {"iulie", 7}, {"septembrie", 9}, {"octombrie", 10}, {"noiembrie", 11}, {"decembrie", 12},
    /* Polish: the genitive of dates ("3 maja 2020") and the nominative */
    {"stycznia", 1}, {"lutego", 2}, {"marca", 3}, {"kwietnia", 4}, {"maja", 5},
    {"czerwca", 6}, {"lipca", 7}, {"sierpnia", 8}, {"września", 9}, {"października", 10},
    {"listopada", 11}, {"grudnia", 12}, {"styczeń", 1}, {"luty", 2}, {"marzec", 3},
    {"kwiecień", 4}, {"maj", 5}, {"czerwiec", 6}, {"lipiec", 7}, {"sierpień", 8},
    {"wrzesień", 9}, {"październik", 10}, {"listopad", 11}, {"grudzień", 12},
    /* Czech, genitive ("listopadu" and "listopad" as in Polish) */
    {"ledna", 1}, {"února", 2}, {"března", 3}, {"dubna", 4}, {"května", 5}, {"června", 6},
    {"července", 7}, {"srpna", 8}, {"září", 9}, {"října", 10}, {"listopadu", 11},
    {"prosince", 12},
    /* Scandinavian (with the Dutch and German forms above) */
    {"marts", 3}, {"augusti", 8}, {"desember", 12},
    /* Finnish: the partitive of dates ("3. helmikuuta 2020") */
    {"tammikuuta", 1}, {"helmikuuta", 2}, {"maaliskuuta", 3}, {"huhtikuuta", 4},
    {"toukokuuta", 5}, {"kesäkuuta", 6}, {"heinäkuuta", 7}, {"elokuuta", 8},
    {"syyskuuta", 9}, {"lokakuuta", 10}, {"marraskuuta", 11}, {"joulukuuta", 12},
    /* Turkish */
    {"ocak", 1}, {"şubat", 2}, {"nisan", 4}, {"mayıs", 5}, {"haziran", 6}, {"temmuz", 7},
    {"ağustos", 8}, {"eylül", 9}, {"ekim", 10}, {"kasım", 11}, {"aralık", 12},
    /* Indonesian and Malay */
    {"maret", 3}, {"agustus", 8},
    /* Ukrainian, genitive */
    {"січня", 1}, {"лютого", 2}, {"березня", 3}, {"квітня", 4}, {"травня", 5},
    {"червня", 6}, {"липня", 7}, {"серпня", 8}, {"вересня", 9}, {"жовтня", 10},
    {"листопада", 11}, {"грудня", 12},
    /* Greek, genitive, lower case as dates write it */
    {"ιανουαρίου", 1}, {"φεβρουαρίου", 2}, {"μαρτίου", 3}, {"απριλίου", 4}, {"μαΐου", 5},
    {"ιουνίου", 6}, {"ιουλίου", 7}, {"αυγούστου", 8}, {"σεπτεμβρίου", 9},
    {"οκτωβρίου", 10}, {"νοεμβρίου", 11}, {"δεκεμβρίου", 12},
};

/* The longest month word in bytes ("σεπτεμβρίου", 22), with room to
 * spare. */
#define MONTH_WORD_CAP 32

/* Lower-case the UTF-8 word at S (LEN bytes) into OUT: ASCII, Latin-1
 * capitals (U+00C0..U+00DE), basic Cyrillic capitals (U+0410..U+042F) and
 * unaccented Greek capitals (U+0391..U+03A9), which is all the month table
 * needs. */
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
        } else if (c == 0xCE && next >= 0x91 && next <= 0x9F) {
            out[i] = (char)c;
            out[++i] = (char)(next + 0x20);
        } else if (c == 0xCE && next >= 0xA0 && next <= 0xA9 && next != 0xA2) {
            out[i] = (char)0xCF;
            out[++i] = (char)(next - 0x20);
        } else {
            out[i] = ascii_lower((char)c);
        }
    }
    out[len] = '\0';
}

/* The month of FOLDED among the COUNT ROWS, or 0. The first byte first:
 * most words are no month, and most months do not start like the word
 * (dates.c asks for every word of a date-like run). */
static int month_among(const char *folded, const month_row *rows, size_t count) {
    for (size_t i = 0; i < count; i++)
        if (rows[i].word[0] == folded[0] && strcmp(rows[i].word, folded) == 0)
            return rows[i].month;
    return 0;
}

/* The other languages' rows in strcmp order, for a binary search: scanned
 * in turn, their 243 rows cost about 1,700 instructions a word, and dates.c
 * asks for every word of every line that may hold a date (2 % of all of
 * lede's work on aeb). No word is in the table twice, so the order of the
 * file, which a reader keeps by language, decides nothing. Built once,
 * then only read (as vocab.c's index): shared by all threads. */
enum { OTHER_ROWS = sizeof other_languages / sizeof other_languages[0] };
_Static_assert(OTHER_ROWS <= UINT8_MAX + 1, "row numbers are bytes");
static uint8_t by_spelling[OTHER_ROWS];
static pthread_once_t by_spelling_once = PTHREAD_ONCE_INIT;

static int spelling_order(const void *a, const void *b) {
    return strcmp(other_languages[*(const uint8_t *)a].word,
                  other_languages[*(const uint8_t *)b].word);
}

static void sort_by_spelling(void) {
    for (size_t i = 0; i < OTHER_ROWS; i++)
        by_spelling[i] = (uint8_t)i;
    qsort(by_spelling, OTHER_ROWS, sizeof by_spelling[0], spelling_order);
}

void lexicon_preload(void) {
    pthread_once(&by_spelling_once, sort_by_spelling);
}

static int other_month(const char *folded) {
    lexicon_preload();
    size_t lo = 0, hi = OTHER_ROWS;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const month_row *row = &other_languages[by_spelling[mid]];
        int c = strcmp(folded, row->word);
        if (c == 0)
            return row->month;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return 0;
}

int lexicon_month(const char *word, size_t len, lexicon_months among) {
    if (len < 3 || len >= MONTH_WORD_CAP)
        return 0;
    char folded[MONTH_WORD_CAP];
    fold_word(word, len, folded);
    int month = month_among(folded, english, sizeof english / sizeof english[0]);
    if (month || among == LEXICON_MONTHS_ENGLISH)
        return month;
    return other_month(folded);
}
