/*
 * tree.h — lede's own document tree, built by parse.c from libxml2's SAX
 * events and read by every later stage.
 *
 * Why not libxml2's tree: building xmlDoc costs more than the whole of lede
 * may spend on a page. This tree is compact (one arena, nodes of fixed size,
 * tags as an enum, all text in one contiguous buffer) and carries what the
 * stages need without another walk: per element the text length and the
 * length of text inside links of its whole subtree, its comma count and its
 * paragraph count, summed while the parser closes elements.
 *
 * Walks are iterative (tree_next) so that no stage recurses as deep as the
 * input nests.
 */
#ifndef LEDE_TREE_H
#define LEDE_TREE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"

typedef enum tag {
    TAG_ROOT = 0, /* the document node above <html> */
    TAG_TEXT,     /* a run of character data */
    TAG_OTHER,    /* an element lede has no name for */
#define X(e, name, kind) TAG_##e,
#include "tags.def"
#undef X
    TAG_COUNT
} tag;

enum tag_kind { K_INLINE, K_BLOCK, K_VOID, K_SKIP };

/* Flags set by parse (hidden, ...) and by later stages (removed, ...). */
enum node_flag {
    NODE_HIDDEN = 1u << 0,    /* hidden, aria-hidden, display:none */
    NODE_REMOVED = 1u << 1,   /* dropped by clean or select: never rendered */
    NODE_KEEP_TEXT = 1u << 2, /* a <script> whose text is kept (JSON-LD) */
    NODE_IN_LINK = 1u << 3,   /* inside an <a> */
    NODE_CANDIDATE = 1u << 4, /* score.c gave it a score */
    NODE_SELECTED = 1u << 5,  /* a root of the chosen article */
    NODE_HAS_BLOCK = 1u << 6, /* some descendant is a block element or an image */
    NODE_ELLIPSIS = 1u << 7,  /* its text ends in "…" or "...": cut off, a teaser */
    NODE_IN_CODE = 1u << 8,   /* inside a <pre> or <code> (set by parse.c) */
    /* with NODE_REMOVED: a <figure> or <figcaption> clean.c took out of the
     * text for being one; Markdown and HTML still show it (walk.h) */
    NODE_FIGURE = 1u << 9,
    /* the TeX source of a formula (a MathJax <script type="math/tex">, a
     * MathML <annotation encoding="application/x-tex">): its text is kept,
     * uncounted, for the Markdown output (set by parse.c) */
    NODE_TEX = 1u << 10,
    /* with NODE_REMOVED: a code block's toolbar (clean.c), whose label may
     * name the code's language for the Markdown fence */
    NODE_CODE_TOOLBAR = 1u << 11
};

typedef struct attr {
    const char *name; /* lower case */
    const char *value;
} attr;

typedef struct node node;
struct node {
    node *parent, *first_child, *last_child, *prev, *next;
    uint16_t tag;   /* enum tag */
    uint16_t flags; /* enum node_flag */
    uint16_t depth;
    uint16_t attr_count;
    uint8_t vocab; /* enum vocab_bits of its class, id and role (vocab.h) */
    attr *attrs;
    const char *id;  /* the id attribute, or NULL */
    const char *cls; /* the class attribute, or NULL */
    /* TAG_TEXT: the bytes [text_off, text_off + text_len) of document.text;
     * elements: unused. */
    uint32_t text_off, text_len;
    /* Sums over the subtree, visible text only, whitespace runs counted as
     * one character, in code points. */
    uint32_t text_chars;
    uint32_t link_chars; /* of text_chars, the part inside <a> */
    uint32_t commas;     /* ',' and its CJK forms */
    uint32_t order;      /* position in document order */
    uint32_t prose_chars; /* set by score.c: text of its prose paragraphs */
    float score;         /* set by score.c */
};

typedef struct document {
    arena mem;
    node *root;
    char *text; /* all character data, contiguous; nodes point into it */
    size_t text_len, text_cap;
    uint32_t node_count;
    const char *title_text; /* content of <title>, or NULL */
    const char *lang;       /* <html lang>, or NULL */
    /* The absolute address relative links resolve against (lede.c sets it
     * from <base href> and the page's URL), or NULL to leave them as they are. */
    const char *base_url;
    unsigned truncated;     /* LEDE_TRUNCATED_* bits: limits parse.c hit */
    bool cut_off;           /* the input ends in text, not a tag: the page was cut */
    size_t raw_text_cut;    /* bytes of script and style bodies libxml2 never read */
    size_t attrs_cut;       /* bytes of attributes lede read for it */
    size_t text_cut;        /* bytes of text lede read for it */
    size_t comments_cut;    /* bytes of comments libxml2 never read */
    unsigned omit;          /* LEDE_OMIT_* bits the body leaves out (render_omit()) */
} document;

enum tag_kind tag_kind(enum tag t);
enum tag tag_lookup(const char *name);
const char *tag_name(enum tag t);

/* <h1> to <h6> (tags.def lists them in a row). */
static inline bool tag_is_heading(enum tag t) {
    return t >= TAG_H1 && t <= TAG_H6;
}

static inline bool node_is_block(const node *n) {
    return tag_kind((enum tag)n->tag) == K_BLOCK;
}

/* The share of CHARS that is LINK_CHARS, text inside links; 0 without
 * text. The one measure of links every stage reads. In double, so that it
 * is exact for any count a node can hold; the stages that score in float
 * round it to float, which for counts below 2^24 is the float quotient of
 * the counts: double's 53 bits are more than twice float's 24 plus two, so
 * rounding the quotient twice is rounding it once. */
static inline double link_density(uint32_t link_chars, uint32_t chars) {
    return chars ? (double)link_chars / chars : 0;
}

/* The link density of N's visible text (N's subtree, what is left of it). */
static inline double node_link_density(const node *n) {
    return link_density(n->link_chars, n->text_chars);
}

/* The value of attribute NAME (lower case), or NULL. */
const char *node_attr(const node *n, const char *name);

/* Whether the space-separated attribute value LIST (class, rel, itemprop;
 * may be NULL) holds WORD, in any ASCII letter case. */
bool attr_list_has(const char *list, const char *word);

/* The next node in document order below TOP (pre-order), or NULL at the end
 * of TOP's subtree. With SKIP_CHILDREN, steps over N's subtree. */
node *tree_next(const node *top, const node *n, bool skip_children);

/* Backwards: the node before N in document order below TOP (TOP itself
 * excluded), or NULL; tree_last(TOP) starts the walk. Neither enters a
 * removed, hidden or skipped element (the element itself is reached). */
node *tree_prev(const node *top, const node *n);
node *tree_last(const node *top);

/* Pointer to a text node's bytes in its document. */
static inline const char *node_text(const document *d, const node *n) {
    return d->text + n->text_off;
}

/* Append the visible text of N's subtree, whitespace collapsed to single
 * spaces, to OUT (a buf). Skips removed nodes, and hidden and K_SKIP ones
 * below N: what a reader of N sees. */
struct buf;
void node_collect_text(const document *d, const node *n, struct buf *out);

/* Whether N's class or id attribute contains WORD (ASCII, case-insensitive). */
bool node_class_has(const node *n, const char *word);

/* Flag N removed and take its text out of its ancestors' sums. */
void tree_remove(node *n);

void document_free(document *d);

/* Where the trees of two parses of one page differ, node for node (shape,
 * tags, flags, attributes, text and its sums), and in what the document
 * holds besides (bounds hit, title, cut-off end): the order in A of the
 * first node that differs, TREE_DIFFERS_AS_DOCUMENT, or TREE_SAME. With
 * PAST_SVG, what is below an <svg> that is empty in A is not compared (A
 * is the parse with the inert SVG bodies cut out, parse.c), nor are the
 * bounds that count nodes, depth, attributes or repairs, which such a body
 * adds to. */
enum { TREE_SAME = UINT32_MAX, TREE_DIFFERS_AS_DOCUMENT = UINT32_MAX - 1 };
uint32_t tree_difference(const document *a, const document *b, bool past_svg);

/* What the stages after the parse change in a tree: each node's flags,
 * score and prose (score.c), the text sums tree_remove() lowers, a text
 * cut for the output budget; and the document's omit bits. Saved once,
 * they give a tree back as the parse left it, so that lede.c's looser
 * passes read the parse of the first instead of parsing again. */
typedef struct saved_node saved_node;
typedef struct tree_saved {
    saved_node *nodes; /* by node order */
    uint32_t count;
    unsigned omit;
} tree_saved;

/* Save DOC's state into SAVED (freed with tree_saved_free()); false when
 * memory ran out. */
bool tree_save(const document *doc, tree_saved *saved);
/* Put DOC back in the state SAVED from it. */
void tree_restore(document *doc, const tree_saved *saved);
void tree_saved_free(tree_saved *saved);

#endif
