/*
 * lexicon/page_labels.c — what the page says around the story: the labels
 * of players, ad slots and links, and the words of its navigation.
 *
 * trim.c drops a short block that is one of the labels, or that opens with
 * a label opening ("Audio By Carbonatix"), matched on its normalised text
 * (lower case, punctuation a space), in the languages lede is scored on.
 * names.c takes a byline holding a navigation word ("Follow author", "View
 * all posts") for no name, and drops a blog template's label from a title
 * ("Site » Blog Archive » Headline"); both ASCII in any case.
 */
#include "sets.h"

static const char *const page_labels[] = {
    /* English */
    "listen to this article", "listen to this story", "listen", "listen now",
    "advertisement", "advertising", "advert", "ad", "sponsored", "sponsored content",
    "read more", "continue reading", "share this article", "share", "skip advertisement",
    /* German */
    "anzeige", "werbung", "artikel anhoren", "artikel anhören", "weiterlesen",
    /* French */
    "publicite", "publicité", "ecouter cet article", "écouter cet article", "lire la suite",
    /* Spanish */
    "publicidad", "escuchar este articulo", "escuchar este artículo", "leer mas", "leer más",
    /* Italian */
    "pubblicita", "pubblicità", "ascolta l articolo", "ascolta larticolo", "leggi anche",
    /* Portuguese */
    "publicidade", "ouvir este artigo", "ouca este artigo", "ouça este artigo", "leia mais",
    /* Dutch */
    "advertentie", "luister naar dit artikel", "lees meer",
    /* Russian */
    "реклама", "слушать статью", "прослушать статью", "читать также",
    /* Chinese */
    "广告", "收听本文", "听文章", "广告 广告",
    /* Japanese */
    "広告", "この記事を聞く", "音声で聞く",
};
const lexicon_set lexicon_page_labels = LEXICON_SET(page_labels, LEXICON_AS_WRITTEN);

static const char *const page_label_openings[] = {
    /* English */
    "audio by ", "listen to this article ", "listen to the article ", "powered by ",
    "read more ", "related ", "see also ", "also read ", "more from ", "tags ", "tag ",
    /* German */
    "schlagworte ", "schlagwörter ",
    /* Spanish */
    "etiquetas ",
    /* French */
    "étiquettes ", "mots clés ",
    /* Russian, Chinese */
    "теги ", "标签 ",
};
const lexicon_set lexicon_page_label_openings =
    LEXICON_SET(page_label_openings, LEXICON_AS_WRITTEN);

/* English, as themes write them whatever the page's language. */
static const char *const navigation_words[] = {
    "follow", "subscribe", "share", "menu", "login", "logout", "sign", "contact", "view",
    "posts", "articles", "profile", "comments", "home", "search", "tweet", "print", "bio",
    "more", "updated", "published", "unknown", "admin", "anonymous",
};
const lexicon_set lexicon_navigation_words = LEXICON_SET(navigation_words, LEXICON_ANY_CASE);

/* WordPress's label and its German translation. */
static const char *const template_labels[] = {"blog archive", "blog archiv"};
const lexicon_set lexicon_template_labels = LEXICON_SET(template_labels, LEXICON_ANY_CASE);
