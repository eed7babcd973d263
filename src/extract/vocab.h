/*
 * vocab.h — what an element's class, id and role attributes say it is.
 *
 * Sites name their boilerplate in the same few words everywhere ("sidebar",
 * "share", "related", "comment", "newsletter"), in English whatever the
 * page's language, so the class/id vocabulary is the cheapest strong signal
 * there is. clean.c removes by it, score.c weighs by it.
 */
#ifndef LEDE_VOCAB_H
#define LEDE_VOCAB_H

#include <stdbool.h>

#include "tree.h"

enum vocab_bits {
    VOCAB_BOILERPLATE = 1u << 0, /* navigation, share, related, ads, ... */
    VOCAB_COMMENTS = 1u << 1,    /* reader comments */
    VOCAB_CONTENT = 1u << 2,     /* article, body, content, entry, post, story */
    VOCAB_HEADER = 1u << 3,      /* page or article header */
    VOCAB_BYLINE = 1u << 4,      /* author and date lines */
    VOCAB_ROLE_CHROME = 1u << 5, /* role=navigation, complementary, dialog, ... */
    VOCAB_EMBED = 1u << 6,       /* a quoted post (tweet, Instagram) in the story */
    VOCAB_LEAD = 1u << 7         /* the standfirst: lead, intro, abstract, summary, dek */
};

/* The vocab_bits of N's class, id and role; vocab_mark stores them in
 * node.vocab, which the stages read. */
unsigned vocab_classify(const node *n);

/* The vocabulary phase, right after the parse: every element of DOC gets
 * its vocab_bits in node.vocab, each class and id token read once a
 * document (vocab_memo). Metadata, clean, score, select and trim read them. */
void vocab_mark(document *doc);

/* The class and id tokens already read in one document, with their bits: a
 * page repeats the same few tokens on hundreds of elements ("post-item",
 * "col-md-4", "card"), and each is split into words and looked up once. A
 * zeroed vocab_memo is empty; the tokens it holds are pointers into the
 * values of the nodes classified, so it must be freed before their
 * document is, and the values must not change while it holds them. */
typedef struct vocab_memo_entry vocab_memo_entry;
typedef struct vocab_memo {
    vocab_memo_entry *slots; /* open addressing, capacity a power of two */
    size_t capacity, count;
} vocab_memo;

/* vocab_classify(N), with the bits of each token of its class and id
 * looked up in MEMO first and added to it after. Out of memory or with MEMO
 * full, a token is classified without it: the answer is the same. */
unsigned vocab_classify_memo(const node *n, vocab_memo *memo);

void vocab_memo_free(vocab_memo *memo);

/* Whether N's class names the line numbers of a code listing (clean.c
 * removes them inside <pre> and <code>, where nothing else goes by name). */
bool vocab_names_line_number(const node *n);

/* Whether N's class names a box shown on hover (a tooltip, a popup): inside
 * code, a token's type or documentation (clean.c removes it there). */
bool vocab_names_hover_box(const node *n);

/* Build the pattern index now rather than at the first classification. */
void vocab_preload(void);

#endif
