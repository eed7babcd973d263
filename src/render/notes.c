/*
 * notes.c — an article's footnotes; see notes.h.
 *
 * Linked notes take three walks over the article: the names in-page links
 * can reach (ids and <a name>), sorted for binary search; the references,
 * in document order, each numbering its note the first time; the links
 * inside the notes that lead back up. A target is judged once: roles
 * remember the rejected. Notes numbered by <sup>s without links take two
 * more, after them: the blocks that open with a number, then the <sup>s
 * in the text that those numbers answer.
 */
#include "notes.h"

#include <stdlib.h>
#include <string.h>

#include "walk.h"

/* Longest label of a reference, brackets left out: "12", "iv", "†". */
#define NOTE_MAX_LABEL_BYTES 4

/* The roles array holds number << ROLE_BITS | role; NOTE_REJECTED marks a
 * target already found not to be a note. */
#define ROLE_BITS 3
#define ROLE_MASK ((1u << ROLE_BITS) - 1)
#define NOTE_REJECTED 4u

typedef struct anchor {
    const char *name;
    const node *n;
} anchor;

typedef struct anchors {
    anchor *items;
    size_t len, cap;
} anchors;

/* Room for one more of the LEN items of SIZE bytes at *ITEMS (capacity
 * *CAP, FIRST when it grows from none), doubling; false when out of memory. */
static bool room_for_one(void **items, size_t *cap, size_t len, size_t size, size_t first) {
    if (len < *cap)
        return true;
    size_t grown = *cap ? *cap * 2 : first;
    void *p = realloc(*items, grown * size);
    if (!p)
        return false;
    *items = p;
    *cap = grown;
    return true;
}

static bool push_anchor(anchors *a, const char *name, const node *n) {
    void *items = a->items;
    bool ok = room_for_one(&items, &a->cap, a->len, sizeof *a->items, 64);
    a->items = items;
    if (ok)
        a->items[a->len++] = (anchor){name, n};
    return ok;
}

/* By name, then in document order: a browser goes to the first. */
static int by_name(const void *x, const void *y) {
    const anchor *a = x, *b = y;
    int c = strcmp(a->name, b->name);
    if (c)
        return c;
    return a->n->order < b->n->order ? -1 : a->n->order > b->n->order;
}

static const node *find_anchor(const anchors *a, const char *name) {
    size_t lo = 0, hi = a->len;
    while (lo < hi) { /* the first entry not below NAME */
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(a->items[mid].name, name) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < a->len && strcmp(a->items[lo].name, name) == 0 ? a->items[lo].n : NULL;
}

/* The fragment an in-page link names ("#fn1" gives "fn1"), or NULL. */
static const char *fragment(const node *n) {
    if (n->tag != TAG_A)
        return NULL;
    const char *href = node_attr(n, "href");
    if (!href)
        return NULL;
    while (walk_is_space((unsigned char)*href))
        href++;
    return href[0] == '#' && href[1] ? href + 1 : NULL;
}

static bool is_alpha(unsigned char c) {
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/* Whether the link text of A is a note's label: a number, one or two
 * letters or a symbol, in brackets or not. */
static bool has_note_label(const document *doc, const node *a) {
    char label[16];
    size_t len = 0;
    bool skip = false;
    for (const node *n = a; (n = tree_next(a, n, skip)) != NULL;) {
        skip = walk_skips(n, true);
        if (skip || n->tag != TAG_TEXT)
            continue;
        const char *s = node_text(doc, n);
        for (uint32_t i = 0; i < n->text_len; i++) {
            if (walk_is_space((unsigned char)s[i]))
                continue;
            if (len == sizeof label)
                return false;
            label[len++] = s[i];
        }
    }
    size_t start = 0;
    while (start < len && (label[start] == '[' || label[start] == '('))
        start++;
    while (len > start && (label[len - 1] == ']' || label[len - 1] == ')'))
        len--;
    len -= start;
    const char *l = label + start;
    if (len == 0 || len > NOTE_MAX_LABEL_BYTES)
        return false;
    size_t digits = 0, letters = 0;
    for (size_t i = 0; i < len; i++) {
        digits += l[i] >= '0' && l[i] <= '9';
        letters += is_alpha((unsigned char)l[i]);
    }
    if (digits == len)
        return true;
    if (letters == len)
        return len <= 2;
    return digits + letters == 0; /* "*", "†", "‡" */
}

static bool is_inside(const node *n, const node *top) {
    for (const node *a = n; a; a = a->parent)
        if (a == top)
            return true;
    return false;
}

/* Blocks that are navigation targets, never notes. */
static bool can_be_note(const node *b) {
    switch ((enum tag)b->tag) {
    case TAG_ROOT: case TAG_HTML: case TAG_BODY: case TAG_MAIN: case TAG_ARTICLE:
    case TAG_SECTION: case TAG_TABLE: case TAG_THEAD: case TAG_TBODY: case TAG_TFOOT:
    case TAG_TR: case TAG_UL: case TAG_OL: case TAG_DL:
        return false;
    default:
        return !tag_is_heading((enum tag)b->tag);
    }
}

static bool holds_heading(const node *b) {
    for (const node *n = b; (n = tree_next(b, n, false)) != NULL;)
        if (tag_is_heading((enum tag)n->tag))
            return true;
    return false;
}

/* The note TARGET stands for: itself when a block with text, else the block
 * holding it; NULL when that is no note. */
static const node *note_of(const node *target) {
    const node *b = target;
    if (!node_is_block(b) || b->text_chars == 0)
        for (b = target->parent; b && !node_is_block(b); b = b->parent)
            ;
    if (!b || b->text_chars == 0 || b->text_chars > NOTE_MAX_CHARS || !can_be_note(b))
        return NULL;
    return b;
}

/* Whether TARGET is a heading, sits in one or holds one: a section, a
 * theorem, an equation's title, which a number links to as a cross
 * reference. */
static bool is_heading_target(const node *target) {
    for (const node *n = target; n; n = n->parent)
        if (tag_is_heading((enum tag)n->tag))
            return true;
    return holds_heading(target);
}

/* Number the note REF (an in-page link) leads to, or leave REF alone; a
 * label that leads to a heading sets *CROSS_REFERENCES. */
static bool take_reference(notes *ns, const anchors *ids, const document *doc, const node *ref,
                           bool *cross_references) {
    const char *name = fragment(ref);
    if (!name || !has_note_label(doc, ref))
        return true;
    const node *target = find_anchor(ids, name);
    if (!target || target->order <= ref->order)
        return true;
    if (is_heading_target(target)) {
        *cross_references = true;
        return true;
    }
    const node *body = note_of(target);
    uint32_t role = body ? ns->roles[body->order] : NOTE_REJECTED;
    if ((role & ROLE_MASK) == NOTE_REJECTED)
        return true;
    if ((role & ROLE_MASK) != NOTE_BODY) {
        if (is_inside(ref, body) || holds_heading(body)) {
            ns->roles[body->order] = NOTE_REJECTED;
            return true;
        }
        const node **p = realloc(ns->bodies, (ns->count + 1) * sizeof *p);
        if (!p)
            return false;
        ns->bodies = p;
        ns->bodies[ns->count++] = body;
        role = ns->count << ROLE_BITS | NOTE_BODY;
        ns->roles[body->order] = role;
    }
    ns->roles[ref->order] = (role & ~ROLE_MASK) | NOTE_REFERENCE;
    return true;
}

/* Links in BODY that lead back up the article. */
static void mark_backlinks(notes *ns, const anchors *ids, const node *body) {
    bool skip = false;
    for (const node *n = body; (n = tree_next(body, n, skip)) != NULL;) {
        skip = walk_skips(n, true);
        const char *name = skip ? NULL : fragment(n);
        const node *target = name ? find_anchor(ids, name) : NULL;
        if (target && target->order < body->order)
            ns->roles[n->order] = NOTE_BACKLINK;
    }
}

/* The names of the whole page but its hidden parts: a note the article
 * refers to is the article's wherever the page set it, even in a part
 * cleaning removed (an <aside>, a "footnotes" box). */
static bool collect_anchors(const document *doc, anchors *ids, bool *links) {
    const node *top = doc->root;
    bool skip = false;
    for (const node *n = top; n; n = tree_next(top, n, skip)) {
        skip = n->tag != TAG_TEXT &&
               ((n->flags & NODE_HIDDEN) || tag_kind((enum tag)n->tag) == K_SKIP);
        if (skip || n->tag == TAG_TEXT)
            continue;
        const char *name = n->id;
        if (!name && n->tag == TAG_A)
            name = node_attr(n, "name");
        if (name && *name && !push_anchor(ids, name, n))
            return false;
        *links |= fragment(n) != NULL;
    }
    return true;
}

/* ---- notes without links ------------------------------------------------
 * Some pages number their notes without linking them: a <sup>1</sup> in
 * the text and, further down, a paragraph or list item that opens with
 * <sup>1</sup> (after a "Notes" heading or a rule, or right under the
 * paragraph). A reference and a note are paired by that number; a <sup>
 * that no later block opens with is an exponent or an ordinal and stays
 * text. The notes may be in parts cleaning removed, as linked ones may. */

/* The highest number a loose note is read with: more is a year or a
 * figure, not a note's label. */
#define LOOSE_NOTE_MAX_NUMBER 999

/* A note that opens with its number: the block and the <sup> it opens with. */
typedef struct loose_note {
    unsigned number;
    const node *body, *label;
} loose_note;

typedef struct loose_notes {
    loose_note *items;
    size_t len, cap;
} loose_notes;

/* The number a <sup> SUP shows and nothing else ("1", "12"), or 0; a
 * linked one is left to find_linked_notes(). */
static unsigned sup_number(const document *doc, const node *sup) {
    unsigned number = 0, digits = 0;
    bool skip = false;
    for (const node *n = sup; (n = tree_next(sup, n, skip)) != NULL;) {
        skip = walk_skips(n, true);
        if (n->tag == TAG_A)
            return 0;
        if (skip || n->tag != TAG_TEXT)
            continue;
        const char *s = node_text(doc, n);
        for (uint32_t i = 0; i < n->text_len; i++) {
            unsigned char c = (unsigned char)s[i];
            if (walk_is_space(c))
                continue;
            if (c < '0' || c > '9' || ++digits > 3)
                return 0;
            number = number * 10 + (c - '0');
        }
    }
    return number <= LOOSE_NOTE_MAX_NUMBER ? number : 0;
}

/* The block around N, or NULL. */
static const node *block_of(const node *n) {
    for (n = n->parent; n && !node_is_block(n); n = n->parent)
        ;
    return n;
}

/* Whether N comes first in block B: no text of B before it. */
static bool opens_block(const document *doc, const node *b, const node *n) {
    bool skip = false;
    for (const node *k = b; (k = tree_next(b, k, skip)) != NULL && k != n;) {
        skip = walk_skips(k, true) && !(k->flags & NODE_REMOVED);
        if (skip || k->tag != TAG_TEXT)
            continue;
        const char *s = node_text(doc, k);
        for (uint32_t i = 0; i < k->text_len; i++)
            if (!walk_is_space((unsigned char)s[i]))
                return false;
    }
    return true;
}

static bool push_loose(loose_notes *l, loose_note note) {
    void *items = l->items;
    bool ok = room_for_one(&items, &l->cap, l->len, sizeof *l->items, 16);
    l->items = items;
    if (ok)
        l->items[l->len++] = note;
    return ok;
}

/* The blocks of the article, removed ones too, that open with a numbered
 * <sup> and may be notes, in document order. */
static bool collect_loose_notes(const document *doc, const article *art, loose_notes *out) {
    for (size_t i = 0; i < art->count; i++) {
        const node *top = art->roots[i];
        bool skip = false;
        for (const node *n = top; n; n = tree_next(top, n, skip)) {
            skip = (n->flags & NODE_HIDDEN) ||
                   (n->tag != TAG_TEXT && tag_kind((enum tag)n->tag) == K_SKIP);
            if (skip || n->tag != TAG_SUP)
                continue;
            unsigned number = sup_number(doc, n);
            const node *b = number ? block_of(n) : NULL;
            if (b && b->text_chars <= NOTE_MAX_CHARS && can_be_note(b) && !holds_heading(b) &&
                opens_block(doc, b, n) && !push_loose(out, (loose_note){number, b, n}))
                return false;
        }
    }
    return true;
}

/* The first of CANDIDATES numbered NUMBER after REF, or NULL. */
static const loose_note *loose_note_for(const loose_notes *candidates, unsigned number,
                                        const node *ref) {
    for (size_t i = 0; i < candidates->len; i++) {
        const loose_note *note = &candidates->items[i];
        if (note->number == number && note->body->order > ref->order && !is_inside(ref, note->body))
            return note;
    }
    return NULL;
}

/* Number the loose note the <sup> REF refers to, or leave REF alone. */
static bool take_loose_reference(notes *ns, const document *doc,
                                 const loose_notes *candidates, const node *ref) {
    if ((ns->roles[ref->order] & ROLE_MASK) != NOTE_NONE)
        return true;
    unsigned number = sup_number(doc, ref);
    const loose_note *note = number ? loose_note_for(candidates, number, ref) : NULL;
    if (!note || (ns->roles[note->body->order] & ROLE_MASK) == NOTE_REJECTED)
        return true;
    uint32_t role = ns->roles[note->body->order];
    if ((role & ROLE_MASK) != NOTE_BODY) {
        const node **p = realloc(ns->bodies, (ns->count + 1) * sizeof *p);
        if (!p)
            return false;
        ns->bodies = p;
        ns->bodies[ns->count++] = note->body;
        role = ns->count << ROLE_BITS | NOTE_BODY;
        ns->roles[note->body->order] = role;
        ns->roles[note->label->order] = NOTE_BACKLINK; /* its number, muted */
    }
    ns->roles[ref->order] = (role & ~ROLE_MASK) | NOTE_REFERENCE;
    return true;
}

/* The notes numbered by <sup>s alone, after the linked ones. */
static bool find_loose_notes(notes *ns, const document *doc, const article *art) {
    loose_notes candidates = {0};
    bool ok = collect_loose_notes(doc, art, &candidates);
    for (size_t i = 0; ok && candidates.len && i < art->count; i++) {
        const node *top = art->roots[i];
        bool skip = false;
        for (const node *n = top; ok && n; n = tree_next(top, n, skip)) {
            skip = walk_skips(n, true) || (ns->roles[n->order] & ROLE_MASK) == NOTE_BODY;
            if (skip || n->tag != TAG_SUP)
                continue;
            const node *b = block_of(n);
            if (!b || !opens_block(doc, b, n))
                ok = take_loose_reference(ns, doc, &candidates, n);
        }
    }
    free(candidates.items);
    return ok;
}

/* The notes whose references are in-page links (see notes.h). */
static bool find_linked_notes(notes *ns, const document *doc, const article *art) {
    anchors ids = {0};
    bool links = false;
    if (!collect_anchors(doc, &ids, &links)) {
        free(ids.items);
        return false;
    }
    if (!links || ids.len == 0) {
        free(ids.items);
        return true;
    }
    qsort(ids.items, ids.len, sizeof *ids.items, by_name);
    bool ok = true, cross_references = false;
    for (size_t i = 0; ok && i < art->count; i++) {
        const node *top = art->roots[i];
        bool skip = false;
        for (const node *n = top; ok && n; n = tree_next(top, n, skip)) {
            skip = walk_skips(n, true);
            if (!skip && n->tag == TAG_A)
                ok = take_reference(ns, &ids, doc, n, &cross_references);
        }
    }
    /* Labels that lead to headings number the page's sections, theorems
     * or equations: its other numbered links are cross references too,
     * to a list item or a paragraph, and no notes. */
    if (cross_references) {
        memset(ns->roles, 0, doc->node_count * sizeof *ns->roles);
        ns->count = 0;
    }
    for (uint32_t i = 0; ok && i < ns->count; i++)
        mark_backlinks(ns, &ids, ns->bodies[i]);
    free(ids.items);
    return ok;
}

bool notes_find(notes *ns, const document *doc, const article *art) {
    memset(ns, 0, sizeof *ns);
    ns->roles = calloc(doc->node_count, sizeof *ns->roles);
    bool ok = ns->roles && find_linked_notes(ns, doc, art) && find_loose_notes(ns, doc, art);
    if (!ok || ns->count == 0)
        notes_free(ns); /* without notes, no role need be asked */
    return ok;
}

enum note_role notes_role(const notes *ns, const node *n, uint32_t *number) {
    if (!ns->roles)
        return NOTE_NONE;
    uint32_t role = ns->roles[n->order];
    *number = role >> ROLE_BITS;
    role &= ROLE_MASK;
    return role == NOTE_REJECTED ? NOTE_NONE : (enum note_role)role;
}

void notes_free(notes *ns) {
    free(ns->roles);
    free(ns->bodies);
    memset(ns, 0, sizeof *ns);
}
