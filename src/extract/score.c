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
 * Every weight and threshold is the tuning table's (tuning.h).
 */
#include "score.h"

#include "tuning.h"
#include "vocab.h"

/* Tag bases: containers of prose start ahead, lists, forms and headings
 * start behind. */
static float tag_base(enum tag t, const score_tuning *tuning) {
    switch (t) {
    case TAG_DIV:
    case TAG_ARTICLE:
    case TAG_MAIN:
        return tuning->container_tag_base;
    case TAG_PRE:
    case TAG_TD:
    case TAG_BLOCKQUOTE:
        return tuning->block_tag_base;
    case TAG_ADDRESS:
    case TAG_OL:
    case TAG_UL:
    case TAG_DL:
    case TAG_DD:
    case TAG_DT:
    case TAG_LI:
    case TAG_FORM:
        return tuning->list_tag_base;
    case TAG_H1:
    case TAG_H2:
    case TAG_H3:
    case TAG_H4:
    case TAG_H5:
    case TAG_H6:
    case TAG_TH:
        return tuning->heading_tag_base;
    default:
        return 0;
    }
}

static float class_weight(const node *n, const score_tuning *tuning) {
    unsigned bits = n->vocab;
    float w = 0;
    if (bits & VOCAB_CONTENT)
        w += tuning->class_weight;
    if (bits & (VOCAB_BOILERPLATE | VOCAB_COMMENTS | VOCAB_ROLE_CHROME))
        w -= tuning->class_weight;
    return w;
}

static void init_candidate(node *n, const score_tuning *tuning) {
    if (n->flags & NODE_CANDIDATE)
        return;
    n->flags |= NODE_CANDIDATE;
    n->score = tag_base((enum tag)n->tag, tuning) + class_weight(n, tuning);
}

static float paragraph_points(uint32_t chars, uint32_t commas, const score_tuning *tuning) {
    uint32_t length_points = chars / tuning->chars_per_point;
    if (length_points > tuning->length_points_max)
        length_points = tuning->length_points_max;
    return tuning->paragraph_points + (float)commas + (float)length_points;
}

/* Give POINTS to FIRST and the ancestors above it: the parent all of them,
 * the ones above a share that shrinks with the distance. */
static void spread_points(node *first, float points, const score_tuning *tuning) {
    int level = 0;
    for (node *a = first; a && a->tag != TAG_ROOT && level < tuning->ancestor_levels;
         a = a->parent, level++) {
        init_candidate(a, tuning);
        if (level == 0)
            a->score += points;
        else if (level == 1)
            a->score += points / tuning->grandparent_divider;
        else
            a->score += points / (float)(level * tuning->far_level_divider);
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

static uint32_t prose_of(uint32_t chars, uint32_t link_chars, const score_tuning *tuning) {
    return link_density(link_chars, chars) < tuning->prose_max_link_density ? chars - link_chars
                                                                            : 0;
}

/* Score N if it is a paragraph; returns true when its subtree is done. */
static bool score_node(node *n, const score_tuning *tuning) {
    enum tag t = (enum tag)n->tag;
    if (t == TAG_TEXT || !node_is_block(n))
        return false;
    bool leaf = !(n->flags & NODE_HAS_BLOCK);
    if (t == TAG_H1)
        return true; /* the headline: it sits above the article, not in it */
    if (is_paragraph_tag(t) || leaf) {
        bool long_enough = n->text_chars >= tuning->min_paragraph_chars && n->parent;
        if (long_enough && (n->flags & NODE_ELLIPSIS)) {
            /* cut off with an ellipsis: the excerpt of another story */
            float points = paragraph_points(n->text_chars, n->commas, tuning);
            spread_points(n->parent, points / tuning->teaser_divider, tuning);
        } else if (long_enough) {
            spread_points(n->parent, paragraph_points(n->text_chars, n->commas, tuning), tuning);
            n->prose_chars = prose_of(n->text_chars, n->link_chars, tuning);
        }
        return leaf || t == TAG_P || t == TAG_PRE;
    }
    uint32_t commas = 0, chars = loose_chars(n, &commas);
    if (chars >= tuning->min_paragraph_chars) {
        spread_points(n, paragraph_points(chars, commas, tuning), tuning);
        n->prose_chars = chars;
    }
    return false;
}

/* Pre-order to score paragraphs; on the way back up, each element adds its
 * prose to its parent's, so every element knows the prose it holds. */
void score_document(document *doc, const lede_tuning *tuning) {
    node *root = doc->root, *n = root->first_child;
    while (n) {
        bool skip = (n->flags & NODE_REMOVED) != 0;
        if (!skip)
            skip = score_node(n, &tuning->score);
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
