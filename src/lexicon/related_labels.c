/*
 * lexicon/related_labels.c — the labels over other stories: "Read also",
 * "Related", "More on this topic", and the biography and press contact
 * that close a story.
 *
 * trim.c reads them on its normalised text (lower case, punctuation a
 * space). A "read also" label alone, or opening a link to another story,
 * is dropped where it stands. In the last part of the article a tail label
 * standing alone cuts it and all that follows, when no prose follows; a
 * closing label cuts it whether prose follows or not, because what it
 * heads (a biography, teasers with excerpts) may be prose.
 */
#include "sets.h"

static const char *const read_also_labels[] = {
    /* German */
    "lesen sie auch", "lies auch", "auch interessant",
    /* French */
    "à lire aussi", "a lire aussi", "lire aussi", "voir aussi",
    /* Portuguese */
    "veja também", "leia também", "leia mais",
    /* Spanish */
    "lee también", "lea también", "mira también", "te puede interesar",
    /* Italian */
    "leggi anche",
    /* Dutch */
    "lees ook",
    /* Polish */
    "czytaj także", "czytaj też", "czytaj również", "zobacz też", "zobacz także",
    /* Russian */
    "читайте также",
};
const lexicon_set lexicon_read_also_labels = LEXICON_SET(read_also_labels, LEXICON_AS_WRITTEN);

static const char *const tail_labels[] = {
    /* English */
    "related", "related content", "read more", "read next", "more on this topic",
    "more on this story", "see also", "recommended", "more from",
    /* German */
    "mehr zum thema", "weitere informationen", "weiterführende informationen",
    "weiterführende links", "weiterführender link", "das thema könnte dich auch interessieren",
    "schon gelesen",
    /* Spanish, Portuguese, French, Russian */
    "temas relacionados", "saiba mais", "sur le même sujet", "по теме",
};
const lexicon_set lexicon_tail_labels = LEXICON_SET(tail_labels, LEXICON_AS_WRITTEN);

/* In each language the author and the press contact first, then the
 * page's other stories named as such. */
static const char *const closing_labels[] = {
    /* English */
    "about the author", "about the authors", "press contact", "press contacts",
    "media contact", "media contacts", "media inquiries",
    "related articles", "related stories", "related posts", "more stories",
    "you may also like", "you might also like",
    /* German */
    "über den autor", "über die autorin", "über die autoren", "zum autor", "zur autorin",
    "pressekontakt", "ansprechpartner", "ihr ansprechpartner",
    "ihr ansprechpartner für pressefragen",
    "ähnliche beiträge", "ähnliche artikel", "weitere artikel", "weitere themen",
    "verwandte artikel", "weitere beiträge", "das könnte sie auch interessieren",
    "das könnte dich auch interessieren",
    /* Spanish */
    "sobre el autor", "sobre la autora", "contacto de prensa", "noticias relacionadas",
    /* Portuguese */
    "sobre o autor",
    /* French */
    "à propos de l auteur", "a propos de l auteur", "contact presse",
    /* Italian */
    "sull autore", "articoli correlati",
    /* Dutch */
    "over de auteur", "gerelateerde artikelen",
    /* Polish, Russian */
    "o autorze", "об авторе",
};
const lexicon_set lexicon_closing_labels = LEXICON_SET(closing_labels, LEXICON_AS_WRITTEN);
