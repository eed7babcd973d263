/*
 * lexicon/byline_leads.c — the words that lead to a byline, and the words
 * a byline says around its name.
 *
 * Two stages meet bylines. names.c cleans the author field: it drops the
 * words that introduce a name ("By", "Written by", "Von"), the phrases of
 * navigation that lead to one ("View all posts by"), and tells a line that
 * opens as a byline (the date line's neighbour). trim.c drops a byline left
 * in the article's text, by how a short block opens or a phrase it holds.
 *
 * The two kept their own rows because they read different text: names.c
 * reads the raw line (ASCII in any case, "autor: " with its colon), trim.c
 * the normalised block (lower case, punctuation a space, so "text " stands
 * for "Text:"), and each set was tuned on its own; merging them changes
 * which lines are taken.
 */
#include "sets.h"

/* Words that introduce a byline, matched a whole word at a time (a
 * trailing ':' ignored), so "Written by" goes in two steps. */
static const char *const byline_lead_words[] = {
    /* English */
    "by", "written", "posted", "reported", "words", "story", "text", "author", "authors",
    "interview",
    /* German ("autor" also Spanish, Portuguese and Polish) */
    "von", "autor", "veröffentlicht", "erstellt", "geschrieben", "verfasst", "publiziert",
    /* French */
    "par", "texte", "publié",
    /* Spanish and Portuguese */
    "por", "texto", "publicado",
    /* Italian */
    "di", "testo", "pubblicato",
    /* Dutch, Scandinavian, Polish */
    "door", "av", "af", "tekst",
    /* Drupal's "Submitted by NAME on DATE", and its German translation
     * "Gespeichert von NAME am DATE" */
    "submitted", "gespeichert", "eingereicht",
    /* Russian: strncasecmp folds ASCII only, so Cyrillic in both cases */
    "от", "текст", "Текст", "автор", "Автор",
};
const lexicon_set lexicon_byline_lead_words = LEXICON_SET(byline_lead_words, LEXICON_ANY_CASE);

/* Phrases of navigation or of a byline that lead to a name ("View all
 * posts by Jane Doe", "Ein Artikel von Jane Doe"): the name after them is
 * the author's. */
static const char *const byline_lead_phrases[] = {
    /* English */
    "view all posts by", "all posts by", "more posts by",
    /* German */
    "zeige alle beiträge von", "alle beiträge von", "weitere beiträge von", "mehr von",
    "ein artikel von", "ein beitrag von",
    /* French */
    "tous les articles de",
};
const lexicon_set lexicon_byline_lead_phrases = LEXICON_SET(byline_lead_phrases, LEXICON_ANY_CASE);

/* How a line that is a byline opens, lower case: a preposition of
 * authorship, or a label (names.c). */
static const char *const byline_line_openings[] = {
    /* English */
    "by ", "written by ", "posted by ", "author: ", "text: ",
    /* German */
    "von ", "verfasst von ", "geschrieben von ", "erstellt von ", "veröffentlicht von ",
    "autor: ", "ein artikel von ", "ein beitrag von ",
    /* French */
    "par ", "publié par ",
    /* Spanish and Portuguese */
    "por ", "escrito por ", "texto: ",
    /* Italian */
    "di ", "scritto da ",
    /* Dutch, Scandinavian */
    "door ", "av ", "af ",
    /* Russian */
    "от ",
};
const lexicon_set lexicon_byline_line_openings =
    LEXICON_SET(byline_line_openings, LEXICON_ANY_CASE);

/* How a block of the article that is a byline opens (trim.c). */
static const char *const byline_block_openings[] = {
    /* English */
    "by ", "written by ", "words by ", "reported by ", "text ",
    /* German, French, Spanish and Portuguese, Italian, Dutch */
    "von ", "par ", "por ", "di ", "door ",
    /* Scandinavian */
    "av ", "af ",
    /* Russian */
    "от ", "автор ",
    /* Chinese */
    "文 ",
};
const lexicon_set lexicon_byline_block_openings =
    LEXICON_SET(byline_block_openings, LEXICON_AS_WRITTEN);

/* Phrases that make a short block a byline wherever they stand in it
 * ("05/10/2018 - Publicado por: Ana Lima - Categoria: Saúde"; trim.c). */
static const char *const byline_block_phrases[] = {
    /* English */
    "posted by ", "published by ", "written by ",
    /* Spanish and Portuguese */
    "publicado por ", "escrito por ",
    /* French */
    "publié par ", "publie par ", "écrit par ",
    /* German */
    "veröffentlicht von ", "geschrieben von ",
    /* Italian */
    "pubblicato da ", "scritto da ",
    /* Dutch */
    "gepubliceerd door ", "geschreven door ",
    /* Russian */
    "опубликовал",
};
const lexicon_set lexicon_byline_block_phrases =
    LEXICON_SET(byline_block_phrases, LEXICON_AS_WRITTEN);

/* Words that are never a name on their own: what a byline says around a
 * name ("Posted", "Beitrag", "Datum") when the name itself is missing
 * (names.c). */
static const char *const not_name_words[] = {
    /* English */
    "date", "author", "by", "posted", "published", "on", "name",
    /* German */
    "beitrag", "datum", "autor", "von", "publiziert", "veröffentlicht", "am", "stand",
    /* Spanish */
    "hace",
};
const lexicon_set lexicon_not_name_words = LEXICON_SET(not_name_words, LEXICON_ANY_CASE);
