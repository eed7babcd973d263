/*
 * lexicon/update_words.c — the words that say which date a date is: its
 * publication or its last change.
 *
 * dates.c reads a date line's words before its date: a modification date
 * is never the publication date, so a date announced by an update word is
 * passed over, and one announced by a publication word is taken even from
 * the page's footer. trim.c drops a short note that opens with a
 * publication or update phrase and holds a date ("Aktualisiert am
 * 17.01.2021."), since the date field carries it.
 *
 * The words are matched anywhere in the words before a date, ASCII in any
 * case and other letters as written, hence the rows in two cases; the
 * openings are matched on trim.c's normalised text, lower case.
 */
#include "sets.h"

static const char *const update_words[] = {
    /* English */
    "updated", "update", "modified", "edited", "last modified", "last edited",
    /* German */
    "aktualisiert", "geändert", "änderung", "Änderung", "aktualisierung", "Aktualisierung",
    "zuletzt", "stand:", "stand vom",
    /* French */
    "mis à jour", "mise à jour", "màj",
    /* Spanish */
    "actualizado", "actualización",
    /* Italian */
    "aggiornato",
    /* Portuguese */
    "atualizado", "atualização",
    /* Dutch */
    "bijgewerkt", "gewijzigd",
    /* Russian */
    "обновлено", "изменено",
};
const lexicon_set lexicon_update_words = LEXICON_SET(update_words, LEXICON_ANY_CASE);

/* A line anywhere on the page that holds one of these before a date
 * states the page's date ("Erschienen am: 01.11.2023"). */
static const char *const publication_words[] = {
    /* English */
    "published",
    /* German */
    "publiziert", "veröffentlicht", "Veröffentlicht", "erschienen",
    /* French */
    "publié", "publiée",
    /* Spanish and Portuguese */
    "publicado", "publicada",
    /* Italian */
    "pubblicato", "pubblicata",
    /* Dutch */
    "gepubliceerd",
    /* Polish */
    "opublikowano",
    /* Russian */
    "опубликовано", "Опубликовано",
    /* Swedish, Danish, Finnish, Turkish */
    "publicerad", "udgivet", "julkaistu", "yayınlanma",
};
const lexicon_set lexicon_publication_words = LEXICON_SET(publication_words, LEXICON_ANY_CASE);

static const char *const publication_note_openings[] = {
    /* English */
    "last updated ", "updated on ", "published on ", "first published ",
    /* German */
    "aktualisiert am ", "zuletzt aktualisiert ", "letzte aktualisierung ", "veröffentlicht am ",
    "der beitrag wurde am ", "dieser beitrag wurde am ",
    /* Spanish */
    "publicado el ", "actualizado el ",
    /* French */
    "publié le ", "mis à jour le ", "article mis à jour le ",
    /* Italian */
    "pubblicato il ", "aggiornato il ",
    /* Portuguese */
    "publicado em ", "atualizado em ",
};
const lexicon_set lexicon_publication_note_openings =
    LEXICON_SET(publication_note_openings, LEXICON_AS_WRITTEN);
