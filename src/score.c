/*
 * score.c — how much each element looks like the article's container.
 *
 * The scheme is Readability's, which years of Firefox reader view have
 * tuned: every paragraph long enough to be prose gives points for its
 * length and its commas (prose has commas, menus do not) to the elements
 * above it, fully to its parent and less and less further up, so the
 * element that holds most prose paragraphs collects most points. An element
 * starts from a base that its tag and its class/id vocabulary set.
 *
 * What counts as a paragraph: <p>, <pre>, <td>, sub-headings, any block
 * element with no block inside it (sites write paragraphs as <div>s), and
 * the loose text that sits directly in a block beside block children. The
 * text statistics come from the tree (parse.c), already net of what clean.c
 * removed, so this is one walk with a few steps up from each paragraph.
 *
 * The link density discount is applied by select.c, which reads the scores.
 */
#include "score.h"

#include "vocab.h"

/* A paragraph shorter than this (in characters) is a label, not prose. */
#define MIN_PARAGRAPH_CHARS 25
/* Each full CHARS_PER_POINT characters give a point, at most LENGTH_POINTS_MAX. */
#define CHARS_PER_POINT 100
#define LENGTH_POINTS_MAX 3
/* How many ancestors a paragraph's points reach. */
#define SCORE_ANCESTOR_LEVELS 5
/* Beyond the grandparent, level L gets points / (L * FAR_LEVEL_DIVIDER). */
#define FAR_LEVEL_DIVIDER 3
/* A paragraph cut off with an ellipsis is a teaser: its points shrink by
 * this much and it counts as no prose. */
#define TEASER_DIVIDER 4.0f
/* Class/id vocabulary weight, as large as a long paragraph's points. */
#define CLASS_WEIGHT 25.0f

/* Tag bases: containers of prose start ahead, lists, forms and headings
 * start behind. */
static float tag_base(enum tag t) {
    switch (t) {
    case TAG_DIV:
    case TAG_ARTICLE:
    case TAG_MAIN:
        return 5;
    case TAG_PRE:
    case TAG_TD:
    case TAG_BLOCKQUOTE:
        return 3;
    case TAG_ADDRESS:
    case TAG_OL:
    case TAG_UL:
    case TAG_DL:
    case TAG_DD:
    case TAG_DT:
    case TAG_LI:
    case TAG_FORM:
        return -3;
    case TAG_H1:
    case TAG_H2:
    case TAG_H3:
    case TAG_H4:
    case TAG_H5:
    case TAG_H6:
    case TAG_TH:
        return -5;
    default:
        return 0;
    }
}

static float class_weight(const node *n) {
    unsigned bits = n->vocab;
    float w = 0;
    if (bits & VOCAB_CONTENT)
        w += CLASS_WEIGHT;
    if (bits & (VOCAB_BOILERPLATE | VOCAB_COMMENTS | VOCAB_ROLE_CHROME))
        w -= CLASS_WEIGHT;
    return w;
}

static void init_candidate(node *n) {
    if (n->flags & NODE_CANDIDATE)
        return;
    n->flags |= NODE_CANDIDATE;
    n->score = tag_base((enum tag)n->tag) + class_weight(n);
}

static float paragraph_points(uint32_t chars, uint32_t commas) {
    uint32_t length_points = chars / CHARS_PER_POINT;
    if (length_points > LENGTH_POINTS_MAX)
        length_points = LENGTH_POINTS_MAX;
    return 1.0f + (float)commas + (float)length_points;
}

/* Give POINTS to FIRST and the ancestors above it. */
static void spread_points(node *first, float points) {
    int level = 0;
    for (node *a = first; a && a->tag != TAG_ROOT && level < SCORE_ANCESTOR_LEVELS;
         a = a->parent, level++) {
        init_candidate(a);
        float divider = level == 0 ? 1.0f : level == 1 ? 2.0f : (float)(level * FAR_LEVEL_DIVIDER);
        a->score += points / divider;
    }
}

static bool is_paragraph_tag(enum tag t) {
    switch (t) {
    case TAG_P:
    case TAG_PRE:
    case TAG_TD:
    case TAG_H2:
    case TAG_H3:
    case TAG_H4:
    case TAG_H5:
    case TAG_H6:
        return true;
    default:
        return false;
    }
}

/* Text of N that is not inside one of its block children: the inline
 * elements and text runs between them. Runs of one character are the
 * whitespace between block children, not text. */
static uint32_t loose_chars(const node *n, uint32_t *commas) {
    uint32_t chars = 0;
    *commas = 0;
    for (const node *c = n->first_child; c; c = c->next) {
        /* an inline element around blocks (a link around a card) is
         * counted through its blocks */
        if ((c->flags & (NODE_REMOVED | NODE_HAS_BLOCK)) || node_is_block(c) || c->text_chars <= 1)
            continue;
        chars += c->text_chars;
        *commas += c->commas;
    }
    return chars;
}

/* A paragraph with more link text than this is a link list, not prose. */
#define PROSE_MAX_LINK_DENSITY 0.5

static uint32_t prose_of(uint32_t chars, uint32_t link_chars) {
    return link_density(link_chars, chars) < PROSE_MAX_LINK_DENSITY ? chars - link_chars : 0;
}

/* Score N if it is a paragraph; returns true when its subtree is done. */
static bool score_node(node *n) {
    enum tag t = (enum tag)n->tag;
    if (t == TAG_TEXT || !node_is_block(n))
        return false;
    bool leaf = !(n->flags & NODE_HAS_BLOCK);
    if (t == TAG_H1)
        return true; /* the headline: it sits above the article, not in it */
    if (is_paragraph_tag(t) || leaf) {
        if (n->text_chars >= MIN_PARAGRAPH_CHARS && n->parent && (n->flags & NODE_ELLIPSIS)) {
            /* cut off with an ellipsis: the excerpt of another story */
            spread_points(n->parent, paragraph_points(n->text_chars, n->commas) / TEASER_DIVIDER);
        } else if (n->text_chars >= MIN_PARAGRAPH_CHARS && n->parent) {
            spread_points(n->parent, paragraph_points(n->text_chars, n->commas));
            n->prose_chars = prose_of(n->text_chars, n->link_chars);
        }
        return leaf || t == TAG_P || t == TAG_PRE;
    }
    uint32_t commas = 0, chars = loose_chars(n, &commas);
    if (chars >= MIN_PARAGRAPH_CHARS) {
        spread_points(n, paragraph_points(chars, commas));
        n->prose_chars = chars;
    }
    return false;
}

/* Pre-order to score paragraphs; on the way back up, each element adds its
 * prose to its parent's, so every element knows the prose it holds. */
void score_document(document *doc) {
    node *root = doc->root, *n = root->first_child;
    while (n) {
        bool skip = (n->flags & NODE_REMOVED) != 0;
        if (!skip)
            skip = score_node(n);
        if (!skip && n->first_child) {
            n = n->first_child;
            continue;
        }
        while (n != root) {
            if (!(n->flags & NODE_REMOVED))
                n->parent->prose_chars += n->prose_chars;
            if (n->next)
                break;
            n = n->parent;
        }
        n = n == root ? NULL : n->next;
    }
}
