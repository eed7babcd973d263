/*
 * select.c — choose the article among the scored candidates.
 *
 * Readability's phases, on scores from score.c:
 *   1. discount every candidate by its link density and keep the best few;
 *   2. when the best candidate is one of several close runners-up that share
 *      an ancestor, the article is split across them: take the ancestor;
 *   3. climb while the parent scores higher (the candidate was a part);
 *   4. take in siblings that score close to it or read as prose paragraphs
 *      (articles split into sibling containers, an intro outside the body);
 *   5. after trim.c has removed what is left of boilerplate inside the
 *      choice (lede.c runs it between the two calls), select_verdict()
 *      judges what remains: long enough, not a listing, how sure.
 * When nothing scores (a page without paragraphs), the body is the choice
 * and trim and the verdict decide whether any article is there.
 * Every threshold is the tuning table's (tuning.h).
 */
#include "select.h"

#include <ctype.h>
#include <math.h>
#include <string.h>

#include "tuning.h"
#include "vocab.h"

static float final_score(const node *n) {
    return n->score * (1 - (float)node_link_density(n));
}

/* Phase 1: the best candidates, best first, in TOP (count returned). */
static size_t best_candidates(document *doc, node *top[TUNING_TOP_CANDIDATES]) {
    size_t count = 0;
    node *n = doc->root->first_child;
    while (n) {
        bool removed = (n->flags & NODE_REMOVED) != 0;
        if (!removed && (n->flags & NODE_CANDIDATE) && n->tag != TAG_BODY && n->tag != TAG_HTML) {
            float s = final_score(n);
            size_t i = count < TUNING_TOP_CANDIDATES ? count : TUNING_TOP_CANDIDATES;
            while (i > 0 && final_score(top[i - 1]) < s) {
                if (i < TUNING_TOP_CANDIDATES)
                    top[i] = top[i - 1];
                i--;
            }
            if (i < TUNING_TOP_CANDIDATES) {
                top[i] = n;
                if (count < TUNING_TOP_CANDIDATES)
                    count++;
            }
        }
        n = tree_next(doc->root, n, removed);
    }
    return count;
}

static bool is_ancestor(const node *a, const node *n) {
    for (; n; n = n->parent)
        if (n == a)
            return true;
    return false;
}

static bool is_page_level(const node *n) {
    return !n || n->tag == TAG_BODY || n->tag == TAG_HTML || n->tag == TAG_ROOT;
}

/* Phase 2: an ancestor of the best that holds enough close runners-up. */
static node *shared_ancestor(node *const top[], size_t count, const select_tuning *tuning) {
    node *best = top[0];
    float best_score = final_score(best);
    for (node *a = best->parent; !is_page_level(a); a = a->parent) {
        int within = 0;
        for (size_t i = 1; i < count; i++)
            if (final_score(top[i]) >= tuning->runner_up_share * best_score && top[i] != a &&
                is_ancestor(a, top[i]))
                within++;
        if (within >= tuning->runners_up_needed)
            return a;
    }
    return best;
}

/* Phase 3: climb while the parent is a better container. */
static node *climb(node *best, const select_tuning *tuning) {
    float last = final_score(best);
    float threshold = last / tuning->climb_score_divider;
    for (node *p = best->parent; !is_page_level(p); p = p->parent) {
        if (!(p->flags & NODE_CANDIDATE))
            continue;
        float s = final_score(p);
        if (s < threshold)
            break;
        if (s > last)
            return p;
        last = s;
    }
    /* an only child is the same container as its parent */
    while (!is_page_level(best->parent) && best->parent->first_child == best->parent->last_child)
        best = best->parent;
    return best;
}

/* Whether P holds, beside the branch leading to N, an <article> of its own:
 * another story (the next one of an endless scroll, a teaser), however
 * much prose it has. */
static bool has_other_article(const node *p, const node *n) {
    while (n->parent != p)
        n = n->parent;
    for (const node *c = p->first_child; c; c = c->next)
        if (c != n && c->tag == TAG_ARTICLE && !(c->flags & NODE_REMOVED))
            return true;
    return false;
}

/* Phase 3b: articles split into chunks that are not siblings (each chunk
 * in its own wrapper) are found by their prose: climb while the parent holds
 * clearly more prose than the choice and what it adds is mostly prose. */
static node *widen_to_prose(node *best, const select_tuning *tuning) {
    for (node *p = best->parent; !is_page_level(p); p = p->parent) {
        if (has_other_article(p, best))
            break;
        uint32_t more_prose = p->prose_chars - best->prose_chars;
        uint32_t more_text = p->text_chars - best->text_chars;
        if (p->prose_chars < best->prose_chars ||
            more_prose < tuning->widen_min_gain * best->prose_chars)
            continue;
        uint32_t more_links = p->link_chars - best->link_chars;
        if ((float)more_prose < tuning->widen_prose_share * (float)more_text ||
            (float)more_links > tuning->widen_max_link_density * (float)more_text)
            break;
        best = p;
    }
    return best;
}

static bool same_class(const node *a, const node *b) {
    return a->cls && b->cls && a->cls[0] && strcmp(a->cls, b->cls) == 0;
}

static bool sibling_joins(const node *sib, const node *best, const select_tuning *tuning) {
    if (sib->tag == TAG_TEXT || (sib->flags & NODE_REMOVED) || !sib->text_chars)
        return false;
    if (sib->tag == TAG_ARTICLE && best->tag == TAG_ARTICLE)
        return false; /* an <article> is self-contained: a sibling is another story */
    float share = final_score(best) * tuning->sibling_score_share;
    float bonus = same_class(sib, best) ? share : 0;
    float threshold = fmaxf(tuning->sibling_score_min, share);
    if ((sib->flags & NODE_CANDIDATE) && final_score(sib) + bonus >= threshold)
        return true;
    if (sib->tag == TAG_P)
        return sib->text_chars > tuning->sibling_prose_chars &&
               (float)node_link_density(sib) < tuning->sibling_prose_link_density;
    return false;
}

/* Phase 4: the best and the siblings that belong with it, in order. */
static lede_status gather(document *doc, node *best, const select_tuning *tuning,
                          article *out) {
    size_t count = 0;
    node *parent = best->parent;
    if (is_page_level(best) || !parent) {
        count = 1;
    } else {
        for (node *s = parent->first_child; s; s = s->next)
            if (s == best || sibling_joins(s, best, tuning))
                count++;
    }
    out->roots = arena_alloc(&doc->mem, count * sizeof(node *));
    if (!out->roots)
        return LEDE_ERR_NOMEM;
    out->count = 0;
    if (count == 1) {
        out->roots[out->count++] = best;
    } else {
        for (node *s = parent->first_child; s; s = s->next)
            if (s == best || sibling_joins(s, best, tuning))
                out->roots[out->count++] = s;
    }
    for (size_t i = 0; i < out->count; i++)
        out->roots[i]->flags |= NODE_SELECTED;
    return LEDE_OK;
}

static node *find_body(document *doc) {
    for (node *n = doc->root->first_child; n; n = tree_next(doc->root, n, false))
        if (n->tag == TAG_BODY)
            return n;
    return doc->root;
}

/* Candidates unrelated to the choice that score at least half as well: on
 * a listing page every teaser is one. */
static int count_rivals(node *const top[], size_t count, const node *best,
                        const select_tuning *tuning) {
    int rivals = 0;
    for (size_t i = 0; i < count; i++)
        if (final_score(top[i]) >= tuning->listing_rival_share * final_score(best) &&
            !is_ancestor(top[i], best) && !is_ancestor(best, top[i]))
            rivals++;
    return rivals;
}

/* The <article> that the best candidate is, or lies in, if any. */
static node *story_of(node *best) {
    for (node *a = best; !is_page_level(a); a = a->parent)
        if (a->tag == TAG_ARTICLE)
            return a;
    return NULL;
}

/* The <article>s inside the choice other than STORY and its own: when the
 * best candidate is a story, they are other stories (cards, the next story)
 * and are removed; when it is none, they are counted, for a page that is a
 * column of stories is a listing. */
static unsigned other_articles(const article *art, node *story) {
    unsigned count = 0;
    for (size_t i = 0; i < art->count; i++) {
        node *top = art->roots[i];
        for (node *n = top; n;) {
            bool skip = (n->flags & NODE_REMOVED) != 0;
            if (!skip && n != top && n->tag == TAG_ARTICLE && n != story &&
                !(story && (is_ancestor(n, story) || is_ancestor(story, n)))) {
                if (story)
                    tree_remove(n);
                else
                    count++;
                skip = true;
            }
            n = tree_next(top, n, skip);
        }
    }
    return count;
}

/* A listing: one short teaser with rivals of its size elsewhere, or a
 * choice that is a column of stories (other_articles()). */
static bool is_listing(unsigned stories, node *const top[], size_t count, const node *best,
                       uint32_t chars, const select_tuning *tuning) {
    if (chars < tuning->listing_max_chars && count &&
        count_rivals(top, count, best, tuning) >= tuning->listing_rivals)
        return true;
    return stories >= tuning->listing_inner_articles;
}

static uint32_t article_links(const article *art) {
    uint32_t links = 0;
    for (size_t i = 0; i < art->count; i++)
        if (!(art->roots[i]->flags & NODE_REMOVED))
            links += art->roots[i]->link_chars;
    return links;
}

static double clamp01(double x) {
    return x < 0 ? 0 : x > 1 ? 1 : x;
}

/* How sure the choice is, from what tells a clear article page: length,
 * a winning score, few links, and no rivals of its size elsewhere. */
static double confidence(const article *art, node *const top[], size_t count,
                         const node *best, uint32_t chars, const select_tuning *tuning) {
    double length = clamp01((double)chars / tuning->confident_chars);
    double score = count ? clamp01(final_score(top[0]) / tuning->confident_score) : 0;
    double links =
        clamp01(1 - tuning->confidence_link_penalty * article_links(art) / (chars ? chars : 1));
    double alone = count ? 1 / (double)(1 + count_rivals(top, count, best, tuning)) : 0;
    return tuning->confidence_length_weight * length + tuning->confidence_score_weight * score +
           tuning->confidence_links_weight * links + tuning->confidence_alone_weight * alone;
}

/* ---- the standfirst ------------------------------------------------------
 * Many pages set the lead paragraph (standfirst, intro, abstract) apart
 * from the body: in the article's <header> under the headline, or in a
 * block beside the body's container. It is the story's first paragraph;
 * the best container holds only the body. The nearest text block before
 * the body, within the story's <article> or <main>, joins as the first
 * part when it is named a lead (vocab.h VOCAB_LEAD, itemprop description
 * or abstract). */

/* The story's <article> or <main> around N, or else a few levels up. */
static node *lead_scope(node *n, const select_tuning *tuning) {
    for (node *a = n->parent; a; a = a->parent)
        if (a->tag == TAG_ARTICLE || a->tag == TAG_MAIN)
            return a;
    node *up = n;
    for (int i = 0; i < tuning->lead_scope_levels && up->parent; i++)
        up = up->parent;
    return up;
}

static bool is_leaf_text_block(const node *n) {
    return n->tag != TAG_TEXT && node_is_block(n) && !(n->flags & NODE_HAS_BLOCK) &&
           n->text_chars > 0 && !tag_is_heading((enum tag)n->tag);
}

/* The element named a lead from N up to (not including) SCOPE, or NULL. */
static node *named_lead(node *n, const node *scope) {
    for (; n && n != scope; n = n->parent) {
        if (n->vocab & (VOCAB_BOILERPLATE | VOCAB_BYLINE))
            return NULL;
        const char *prop = node_attr(n, "itemprop");
        if ((n->vocab & VOCAB_LEAD) || attr_list_has(prop, "description") ||
            attr_list_has(prop, "abstract"))
            return n;
    }
    return NULL;
}

static bool reads_as_lead(const node *n, const select_tuning *tuning) {
    return n->text_chars >= tuning->lead_min_chars && n->text_chars <= tuning->lead_max_chars &&
           (float)node_link_density(n) <= tuning->lead_max_link_density;
}

/* The standfirst before the body FIRST, or NULL. The headline ends the
 * search: what stands above it is not the story's. */
static node *find_lead(node *first, const select_tuning *tuning) {
    node *scope = lead_scope(first, tuning);
    int blocks = 0;
    for (node *n = tree_prev(scope, first); n && blocks < tuning->lead_max_blocks;
         n = tree_prev(scope, n)) {
        if (n->flags & (NODE_REMOVED | NODE_HIDDEN | NODE_SELECTED))
            continue;
        if (n->tag == TAG_H1)
            return NULL;
        if (!is_leaf_text_block(n))
            continue;
        blocks++;
        node *named = named_lead(n, scope);
        if (named && !is_ancestor(named, first) && reads_as_lead(named, tuning))
            return named;
    }
    return NULL;
}

/* Put the standfirst, if there is one, before the article's parts. */
static lede_status join_lead(document *doc, article *art, const select_tuning *tuning) {
    if (art->count == 0)
        return LEDE_OK;
    node *lead = find_lead(art->roots[0], tuning);
    if (!lead)
        return LEDE_OK;
    node **roots = arena_alloc(&doc->mem, (art->count + 1) * sizeof(node *));
    if (!roots)
        return LEDE_ERR_NOMEM;
    roots[0] = lead;
    memcpy(roots + 1, art->roots, art->count * sizeof(node *));
    art->roots = roots;
    art->count++;
    lead->flags |= NODE_SELECTED;
    return LEDE_OK;
}

/* What a choice was made from, which its verdict reads once trim.c has cut
 * it down: the scores of the best candidates are the trimmed ones then. */
struct selection {
    node *top[TUNING_TOP_CANDIDATES]; /* the best candidates, best first */
    size_t count;
    node *best;       /* the container the choice grew from */
    unsigned stories; /* the <article>s it holds besides its own */
    bool baseline;    /* select_baseline's: judged by its length alone */
};

static selection *new_selection(document *doc) {
    selection *seen = arena_alloc(&doc->mem, sizeof *seen);
    if (seen)
        memset(seen, 0, sizeof *seen);
    return seen;
}

lede_status select_article(document *doc, const lede_tuning *tuning, article *out,
                           selection **seen) {
    const select_tuning *selecting = &tuning->select;
    selection *s = new_selection(doc);
    if (!s)
        return LEDE_ERR_NOMEM;
    s->count = best_candidates(doc, s->top);
    node *core = s->count ? climb(shared_ancestor(s->top, s->count, selecting), selecting)
                          : find_body(doc);
    s->best = s->count ? widen_to_prose(core, selecting) : core;
    lede_status st = gather(doc, s->best, selecting, out);
    if (st != LEDE_OK)
        return st;
    s->stories = other_articles(out, story_of(core));
    *seen = s;
    return join_lead(doc, out, selecting);
}

lede_status select_verdict(const document *doc, const lede_tuning *tuning, const selection *seen,
                           article *out) {
    const select_tuning *selecting = &tuning->select;
    node *const *top = seen->top;
    size_t count = seen->count;
    const node *best = seen->best;
    unsigned stories = seen->stories;
    uint32_t chars = article_chars(out);
    if (seen->baseline) {
        if (chars == 0)
            return LEDE_ERR_NO_ARTICLE;
        out->confidence = confidence(out, NULL, 0, NULL, chars, selecting);
        return LEDE_OK;
    }
    out->listing = chars > 0 && is_listing(stories, top, count, best, chars, selecting);
    if (chars == 0 || out->listing ||
        (chars < selecting->min_article_chars &&
         doc->root->text_chars > selecting->short_article_page_share * chars))
        return LEDE_ERR_NO_ARTICLE;
    out->confidence = confidence(out, top, count, best, chars, selecting);
    return LEDE_OK;
}

/* ---- the paragraph-level baseline ---------------------------------------
 * The last step of the fallback cascade (lede.c): when no container reads
 * as the article, the page's own paragraphs in document order are. It is
 * also the measure of how much prose a page has, which tells a choice that
 * missed most of the article from one that is all there is. */

static bool is_chrome_tag(enum tag t) {
    return t == TAG_NAV || t == TAG_ASIDE || t == TAG_FOOTER || t == TAG_MENU ||
           t == TAG_DIALOG;
}

/* Subtrees no paragraph of the article sits in: removed, hidden, skipped,
 * page chrome by tag (unless it wraps most of the page), chrome by role,
 * and comments unless COMMENTS_ARE_PROSE (a forum thread's posts are named
 * "comment" and are all the prose it has). */
static bool outside_article(const node *n, uint32_t page_chars, bool comments_are_prose,
                            const select_tuning *tuning) {
    if (n->flags & (NODE_REMOVED | NODE_HIDDEN))
        return true;
    if (tag_kind((enum tag)n->tag) == K_SKIP)
        return true;
    if (is_chrome_tag((enum tag)n->tag) &&
        n->text_chars < tuning->baseline_chrome_text_share * page_chars)
        return true;
    unsigned outside = VOCAB_ROLE_CHROME | (comments_are_prose ? 0u : VOCAB_COMMENTS);
    return (n->vocab & outside) && !(n->vocab & VOCAB_CONTENT);
}

/* Whether the text of CELL holds a letter (any script's: a byte past
 * ASCII counts), not only digits and signs. */
static bool cell_has_letter(const document *doc, const node *cell) {
    for (const node *k = cell->first_child; k; k = tree_next(cell, k, false)) {
        if (k->tag != TAG_TEXT)
            continue;
        const char *s = node_text(doc, k);
        for (uint32_t i = 0; i < k->text_len; i++)
            if (isalpha((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80)
                return true;
    }
    return false;
}

/* A table of data that reads as text: its cells hold text and inline
 * elements only (a table that lays out a page holds paragraphs, lists and
 * tables in its cells), most of them words (a calendar's are numbers). */
static bool is_data_table(const document *doc, const node *n, const select_tuning *tuning) {
    unsigned cells = 0, worded = 0;
    for (const node *k = n->first_child; k; k = tree_next(n, k, false)) {
        if (k->tag == TAG_TABLE)
            return false;
        if (k->tag != TAG_TD && k->tag != TAG_TH)
            continue;
        if (k->flags & NODE_HAS_BLOCK)
            return false;
        cells += k->text_chars > 0;
        worded += k->text_chars > 0 && cell_has_letter(doc, k);
    }
    return worded > tuning->data_table_worded_share * cells;
}

/* The blocks a reader reads as paragraphs: the text blocks, and blocks
 * without blocks inside (sites write paragraphs as <div>s); a table of
 * data is read whole, as a table, not cell by cell. */
static bool is_baseline_block(const document *doc, const node *n,
                              const select_tuning *tuning) {
    switch ((enum tag)n->tag) {
    case TAG_TABLE:
        return is_data_table(doc, n, tuning);
    case TAG_P:
    case TAG_PRE:
    case TAG_BLOCKQUOTE:
    case TAG_LI:
    case TAG_DT:
    case TAG_DD:
    case TAG_TD:
    case TAG_TH:
        return true;
    default:
        return tag_is_heading((enum tag)n->tag) ||
               (node_is_block(n) && !(n->flags & NODE_HAS_BLOCK) && n->tag != TAG_TR);
    }
}

static bool is_linked_heading(const node *n, const select_tuning *tuning) {
    return tag_is_heading((enum tag)n->tag) && n->text_chars &&
           (float)node_link_density(n) > tuning->baseline_max_link_density;
}

/* Whether C is a teaser card of a listing: a short block with a linked
 * headline among its children (a list item, an <article>, a card <div>). */
static bool is_teaser_card(const node *c, const select_tuning *tuning) {
    if (!c || c->text_chars > tuning->teaser_max_chars)
        return false;
    for (const node *k = c->first_child; k; k = k->next)
        if (is_linked_heading(k, tuning))
            return true;
    return false;
}

/* Whether block N is prose: long enough, few links, not a teaser's
 * excerpt or deck. Headings count when they are not links. */
static bool is_baseline_prose(const node *n, const select_tuning *tuning) {
    if (n->text_chars == 0 || (float)node_link_density(n) > tuning->baseline_max_link_density)
        return false;
    if (tag_is_heading((enum tag)n->tag))
        return true;
    return n->text_chars >= tuning->baseline_min_chars && !(n->flags & NODE_ELLIPSIS) &&
           !is_teaser_card(n, tuning) && !is_teaser_card(n->parent, tuning);
}

/* Call VISIT on each baseline paragraph of DOC, in document order. */
static void each_baseline_block(document *doc, bool comments_are_prose,
                                const select_tuning *tuning, void (*visit)(node *, void *),
                                void *ctx) {
    uint32_t page_chars = doc->root->text_chars;
    node *n = doc->root->first_child;
    while (n) {
        bool skip = n->tag == TAG_TEXT ||
                    outside_article(n, page_chars, comments_are_prose, tuning);
        if (!skip && is_baseline_block(doc, n, tuning)) {
            if (is_baseline_prose(n, tuning))
                visit(n, ctx);
            skip = true;
        }
        n = tree_next(doc->root, n, skip);
    }
}

static void add_prose(node *n, void *ctx) {
    if (!tag_is_heading((enum tag)n->tag))
        *(uint32_t *)ctx += n->text_chars - n->link_chars;
}

static uint32_t prose_chars(document *doc, bool comments_are_prose,
                            const select_tuning *tuning) {
    uint32_t chars = 0;
    each_baseline_block(doc, comments_are_prose, tuning, add_prose, &chars);
    return chars;
}

/* Comments are prose only on a page that has none outside them. */
static bool comments_are_prose(document *doc, const select_tuning *tuning) {
    return prose_chars(doc, false, tuning) < tuning->min_article_chars;
}

uint32_t select_page_prose(document *doc, const lede_tuning *tuning) {
    const select_tuning *selecting = &tuning->select;
    return prose_chars(doc, comments_are_prose(doc, selecting), selecting);
}

typedef struct block_roots {
    article *art;
    size_t cap;
} block_roots;

static void count_block(node *n, void *ctx) {
    (void)n;
    ((block_roots *)ctx)->cap++;
}

static void add_block(node *n, void *ctx) {
    block_roots *b = ctx;
    if (b->art->count < b->cap) {
        n->flags |= NODE_SELECTED;
        b->art->roots[b->art->count++] = n;
    }
}

lede_status select_baseline(document *doc, const lede_tuning *tuning, article *out,
                            selection **seen) {
    const select_tuning *selecting = &tuning->select;
    block_roots b = {out, 0};
    out->count = 0;
    bool with_comments = comments_are_prose(doc, selecting);
    if (prose_chars(doc, with_comments, selecting) < selecting->min_article_chars)
        return LEDE_ERR_NO_ARTICLE; /* headings, labels, teasers: no prose */
    each_baseline_block(doc, with_comments, selecting, count_block, &b);
    out->roots = arena_alloc(&doc->mem, b.cap * sizeof(node *));
    selection *s = new_selection(doc);
    if (!out->roots || !s)
        return LEDE_ERR_NOMEM;
    each_baseline_block(doc, with_comments, selecting, add_block, &b);
    s->baseline = true;
    *seen = s;
    return LEDE_OK;
}
