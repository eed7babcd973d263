/*
 * lexicon/credits.c — credits for the work of others than the author:
 * editing, pictures, the source of the story.
 *
 * names.c ends a byline before the credits that follow the author's name
 * ("Jane Doe. Edited by John Roe", "Jane Doe Foto: Max Muster"; ASCII in
 * any case, at a word's start). trim.c drops a short line of the article
 * that is a credit label, a colon and who is credited ("Quelle: dpa",
 * "Foto: City-Press"), matching the label on its normalised text.
 */
#include "sets.h"

static const char *const other_credits[] = {
    /* English */
    "edited by", "editing by", "photos by", "photographs by", "photography by",
    "illustrations by", "illustrated by", "translated by", "reviewed by", "fact-checked by",
    "fact checked by", "graphics by", "video by", "produced by", "design by",
    /* a photographer's credit after the author's name ("Photographer:",
     * "Foto:"): English, then German */
    "photo", "photos", "photographer", "foto", "fotos", "fotograf",
};
const lexicon_set lexicon_other_credits = LEXICON_SET(other_credits, LEXICON_ANY_CASE);

static const char *const credit_labels[] = {
    /* English */
    "source", "photo", "photos", "image", "credit", "credits", "photo credit",
    /* German */
    "quelle", "quellen", "bildquelle", "foto", "fotos", "bild", "bilder", "titelbild",
    "fotocredit",
    /* Spanish, Italian and Portuguese, Polish, Dutch */
    "fuente", "fonte", "źródło", "bron",
    /* Russian */
    "источник", "фото",
    /* Chinese, Japanese */
    "来源", "图片来源", "写真",
};
const lexicon_set lexicon_credit_labels = LEXICON_SET(credit_labels, LEXICON_AS_WRITTEN);
