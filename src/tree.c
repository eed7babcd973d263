/*
 * tree.c — names of tags, attribute access and the iterative walk over the
 * tree built by parse.c. See tree.h for why the tree looks as it does.
 */
#include "tree.h"

#include <stdlib.h>
#include <string.h>

#include "ascii.h"
#include "buf.h"
#include "lede.h"

static const struct {
    const char *name;
    unsigned char kind;
} tag_table[TAG_COUNT] = {
    [TAG_ROOT] = {"#root", K_BLOCK},
    [TAG_TEXT] = {"#text", K_INLINE},
    [TAG_OTHER] = {"#other", K_INLINE},
#define X(e, n, k) [TAG_##e] = {n, k},
#include "tags.def"
#undef X
};

/* The first named tag: tags.def is sorted, so names from here on are too. */
enum { FIRST_NAMED = TAG_OTHER + 1 };

enum tag_kind tag_kind(enum tag t) {
    return t < TAG_COUNT ? (enum tag_kind)tag_table[t].kind : K_INLINE;
}

const char *tag_name(enum tag t) {
    return t < TAG_COUNT ? tag_table[t].name : "#other";
}

/* strcmp's order for two tag names. Names are a few bytes, and the parser
 * looks one up for every element with about seven compares: a plain loop
 * costs a fraction of a call to the library's vectorised strcmp. */
static int name_order(const char *a, const char *b) {
    while (*a && *a == *b) {
        a++;
        b++;
    }
    return (unsigned char)*a - (unsigned char)*b;
}

enum tag tag_lookup(const char *name) {
    int lo = FIRST_NAMED, hi = TAG_COUNT - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        int c = name_order(name, tag_table[mid].name);
        if (c == 0)
            return (enum tag)mid;
        if (c < 0)
            hi = mid - 1;
        else
            lo = mid + 1;
    }
    return TAG_OTHER;
}

const char *node_attr(const node *n, const char *name) {
    for (unsigned i = 0; i < n->attr_count; i++)
        if (n->attrs[i].name[0] == name[0] && strcmp(n->attrs[i].name, name) == 0)
            return n->attrs[i].value;
    return NULL;
}

static bool is_space(unsigned char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
}

/* Whether S opens with WORD in any ASCII letter case. A plain loop, as in
 * the two searches below: they run for every class, id and rel the
 * stages ask about, on values of a few bytes, where calls to strlen and
 * strncasecmp cost more than the compare. */
static bool opens_with_ci(const char *s, const char *word) {
    for (; *word; s++, word++)
        if (ascii_lower(*s) != ascii_lower(*word))
            return false; /* also at the end of S: its NUL matches no letter */
    return true;
}

bool attr_list_has(const char *list, const char *word) {
    for (const char *p = list; p && *p;) {
        while (is_space((unsigned char)*p))
            p++;
        const char *token = p;
        while (*p && !is_space((unsigned char)*p))
            p++;
        if (token < p && opens_with_ci(token, word) && token + strlen(word) == p)
            return true;
    }
    return false;
}

/* The last node of N's subtree that a backward walk reaches. */
static node *last_reached(const node *n) {
    while (n->last_child && !(n->flags & (NODE_REMOVED | NODE_HIDDEN)) &&
           tag_kind((enum tag)n->tag) != K_SKIP)
        n = n->last_child;
    return (node *)n;
}

node *tree_last(const node *top) {
    return top->last_child && !(top->flags & (NODE_REMOVED | NODE_HIDDEN)) ? last_reached(top)
                                                                          : NULL;
}

node *tree_prev(const node *top, const node *n) {
    if (n == top)
        return NULL;
    if (n->prev)
        return last_reached(n->prev);
    return n->parent == top ? NULL : n->parent;
}

node *tree_next(const node *top, const node *n, bool skip_children) {
    if (!skip_children && n->first_child)
        return n->first_child;
    while (n && n != top) {
        if (n->next)
            return n->next;
        n = n->parent;
    }
    return NULL;
}

/* Append S collapsing whitespace runs; a leading run becomes one space only
 * when OUT does not already end in one. One pass writing into room made
 * once: this collects the text of every short block trim.c compares, and a
 * call to buf_append a word cost more than the copy. */
static void append_collapsed(buf *out, const char *s, size_t len) {
    if (len == 0 || !buf_reserve(out, len))
        return;
    char *w = out->data;
    size_t n = out->len;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!is_space(c))
            w[n++] = (char)c;
        else if (n > 0 && w[n - 1] != ' ')
            w[n++] = ' ';
    }
    w[n] = '\0';
    out->len = n;
}

/* Whether the text before N and N's own are apart for a reader: N is a
 * line break or a block, or text right after a block. */
static bool breaks_before(const node *n) {
    if (n->tag == TAG_TEXT)
        return n->prev && n->prev->tag != TAG_TEXT && node_is_block(n->prev);
    return n->tag == TAG_BR || node_is_block(n);
}

void node_collect_text(const document *d, const node *top, buf *out) {
    for (const node *n = top; n; ) {
        bool skip = (n->flags & NODE_REMOVED) ||
                    (n != top && ((n->flags & NODE_HIDDEN) || tag_kind(n->tag) == K_SKIP));
        if (!skip && n != top && breaks_before(n) && out->len && out->data[out->len - 1] != ' ')
            buf_putc(out, ' ');
        if (!skip && n->tag == TAG_TEXT)
            append_collapsed(out, node_text(d, n), n->text_len);
        n = tree_next(top, n, skip);
    }
}

/* ASCII case-insensitive search for WORD in S. */
static bool contains_word(const char *s, const char *word) {
    /* The first byte is compared alone, most offsets fail on it, and with
     * one OR: a byte ORed with 0x20 is a lower-case letter exactly when it
     * is that letter in either case, so a letter needs no lower-casing. */
    char first = ascii_lower(word[0]);
    char fold = first >= 'a' && first <= 'z' ? 0x20 : 0;
    for (; *s; s++)
        if ((char)(*s | fold) == first && opens_with_ci(s + 1, word + 1))
            return true;
    return false;
}

bool node_class_has(const node *n, const char *word) {
    return (n->cls && contains_word(n->cls, word)) || (n->id && contains_word(n->id, word));
}

void tree_remove(node *n) {
    if (n->flags & NODE_REMOVED)
        return;
    n->flags |= NODE_REMOVED;
    if ((n->flags & NODE_HIDDEN) || tag_kind((enum tag)n->tag) == K_SKIP)
        return; /* parse.c never counted their text */
    for (node *a = n->parent; a; a = a->parent) {
        a->text_chars -= n->text_chars < a->text_chars ? n->text_chars : a->text_chars;
        a->link_chars -= n->link_chars < a->link_chars ? n->link_chars : a->link_chars;
        a->commas -= n->commas < a->commas ? n->commas : a->commas;
        /* the sums above a removed, hidden or skipped element never held
         * its text */
        if ((a->flags & (NODE_REMOVED | NODE_HIDDEN)) || tag_kind((enum tag)a->tag) == K_SKIP)
            break;
    }
}

void document_free(document *d) {
    if (!d)
        return;
    free(d->text);
    arena_free(&d->mem);
    d->text = NULL;
    d->root = NULL;
}

struct saved_node {
    uint32_t text_chars, link_chars, commas, text_len;
    uint16_t flags;
};

bool tree_save(const document *doc, tree_saved *saved) {
    *saved = (tree_saved){.omit = doc->omit, .count = doc->node_count};
    saved->nodes = malloc((doc->node_count ? doc->node_count : 1) * sizeof *saved->nodes);
    if (!saved->nodes)
        return false;
    for (const node *n = doc->root; n; n = tree_next(doc->root, n, false))
        saved->nodes[n->order] = (saved_node){n->text_chars, n->link_chars, n->commas,
                                              n->text_len, n->flags};
    return true;
}

void tree_restore(document *doc, const tree_saved *saved) {
    for (node *n = doc->root; n; n = tree_next(doc->root, n, false)) {
        const saved_node *s = &saved->nodes[n->order];
        n->text_chars = s->text_chars;
        n->link_chars = s->link_chars;
        n->commas = s->commas;
        n->text_len = s->text_len;
        n->flags = s->flags;
        n->score = 0; /* as new_node() left them: only score.c sets them */
        n->prose_chars = 0;
    }
    doc->omit = saved->omit;
}

void tree_saved_free(tree_saved *saved) {
    free(saved->nodes);
    saved->nodes = NULL;
}

static bool same_strings(const char *a, const char *b) {
    return a == b || (a && b && strcmp(a, b) == 0);
}

static bool same_node(const document *a, const node *m, const document *b, const node *n) {
    bool same = m->tag == n->tag && m->flags == n->flags && m->depth == n->depth &&
                m->attr_count == n->attr_count && m->vocab == n->vocab &&
                m->text_len == n->text_len && m->text_chars == n->text_chars &&
                m->link_chars == n->link_chars && m->commas == n->commas &&
                memcmp(node_text(a, m), node_text(b, n), m->text_len) == 0;
    for (uint16_t i = 0; same && i < m->attr_count; i++)
        same = strcmp(m->attrs[i].name, n->attrs[i].name) == 0 &&
               strcmp(m->attrs[i].value, n->attrs[i].value) == 0;
    return same;
}

uint32_t tree_difference(const document *a, const document *b, bool past_svg) {
    /* the bounds on nodes, depth, attributes and repairs count what an SVG
     * body holds */
    unsigned by_count = LEDE_TRUNCATED_NODES | LEDE_TRUNCATED_DEPTH | LEDE_TRUNCATED_ATTRS |
                        LEDE_TRUNCATED_REPAIRS;
    unsigned compared = past_svg ? ~by_count : ~0u;
    if ((!past_svg && a->node_count != b->node_count) ||
        ((a->truncated ^ b->truncated) & compared) ||
        a->cut_off != b->cut_off || !same_strings(a->title_text, b->title_text))
        return TREE_DIFFERS_AS_DOCUMENT;
    const node *m = a->root, *n = b->root;
    for (bool cut_svg = false; m && n;
         m = tree_next(a->root, m, cut_svg), n = tree_next(b->root, n, cut_svg)) {
        cut_svg = past_svg && m->tag == TAG_SVG && !m->first_child;
        if (!same_node(a, m, b, n))
            return m->order;
    }
    return m || n ? TREE_DIFFERS_AS_DOCUMENT : TREE_SAME;
}
