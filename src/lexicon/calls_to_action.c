/*
 * lexicon/calls_to_action.c — the publisher asking the reader for
 * something: to subscribe, sign up, follow, comment, share, get the app,
 * support the newsroom.
 *
 * trim.c drops a short paragraph holding one of these phrases from the
 * start of a word, on its normalised text (lower case, punctuation a
 * space, hence "abonnez vous" for "abonnez-vous"): such a paragraph is the
 * publisher talking, not the story.
 */
#include "sets.h"

static const char *const calls_to_action[] = {
    /* English */
    "sign up for", "sign up to", "sign up now", "sign up here", "subscribe to",
    "subscribe now", "subscribe for", "subscribe today", "follow us", "click here",
    "our newsletter", "daily newsletter", "weekly newsletter", "already a subscriber",
    "first time subscribers", "download our app", "get our app", "download the app",
    "download our", "for ios and android", "share it", "must be logged in",
    "log in to comment", "logged in to post", "leave a comment", "help us continue",
    "support our journalism", "write to us",
    /* German */
    "newsletter abonnieren", "abonnieren sie", "folgen sie uns", "jetzt anmelden",
    "jetzt registrieren", "hier klicken", "in den kommentaren", "kommentare zu schreiben",
    "müssen sich einloggen", "teilen sie dies", "lade die app", "für ios und android",
    "unterstützen sie uns", "schreiben sie uns",
    /* French */
    "abonnez vous", "inscrivez vous", "suivez nous", "laisser un commentaire",
    /* Spanish */
    "suscríbete", "suscribete", "síguenos", "siguenos", "deja un comentario",
    "puede escribirnos",
    /* Italian */
    "iscriviti", "seguici", "lascia un commento",
    /* Portuguese */
    "assine a", "inscreva se", "siga nos",
    /* Dutch */
    "abonneer je", "meld je aan", "volg ons",
    /* Russian */
    "подпишитесь", "подписывайтесь",
    /* Chinese, Japanese */
    "订阅我们", "关注我们", "購読する", "フォローして",
};
const lexicon_set lexicon_calls_to_action = LEXICON_SET(calls_to_action, LEXICON_AS_WRITTEN);
