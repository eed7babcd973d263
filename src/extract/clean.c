/*
 * clean.c — drop what is never article text, in one walk before scoring.
 *
 * Three kinds of evidence, from strongest to weakest:
 *   1. the element: scripts, styles, forms controls and media (K_SKIP), <nav>,
 *      <aside>, <footer>, hidden elements, ARIA roles of page chrome;
 *   2. the class/id vocabulary (vocab.c): share bars, related links,
 *      newsletter boxes, comments, ads, screen-reader-only labels;
 *   3. for <header>, <form> and elements named both as boilerplate and as
 *      content ("entry-meta"), the text itself: they go only when short or
 *      made mostly of links.
 * The walk is bottom-up, so each element is judged on what is left inside
 * it. A removal never takes out most of the page: an element holding more than
 * half of the page's text with few links is a wrapper with an unlucky name
 * ("page has-sidebar"), not boilerplate, and stays. Removed subtrees are
 * flagged, not unlinked, so metadata can still read them, and their text is
 * taken out of their ancestors' sums so that scoring sees the cleaned page.
 * The thresholds, and whether figures stay, are the tuning table's
 * (tuning.h).
 */
#include "clean.h"

#include <string.h>
#include <strings.h>

#include "vocab.h"

/* Lists, headings and paragraphs hold one kind of thing, never a page. */
static bool can_wrap_page(enum tag t) {
    switch (t) {
    case TAG_UL:
    case TAG_OL:
    case TAG_LI:
    case TAG_DL:
    case TAG_P:
    case TAG_H1:
    case TAG_H2:
    case TAG_H3:
    case TAG_H4:
    case TAG_H5:
    case TAG_H6:
    case TAG_BLOCKQUOTE:
        return false;
    default:
        return true;
    }
}

/* The page's text (as cleaning goes) and its paragraph prose (as cleaning
 * began). */
typedef struct page_size {
    uint32_t chars, prose;
} page_size;

/* Never removed for its name or tag alone: it holds most of the page. */
static bool is_wrapper(const node *n, uint32_t page_chars, const clean_tuning *tuning) {
    return can_wrap_page((enum tag)n->tag) &&
           n->text_chars > tuning->wrapper_text_share * page_chars &&
           node_link_density(n) < tuning->wrapper_max_link_density;
}

/* Chrome by its tag and by its name or role at once (<aside id="sidebar">,
 * <aside role="complementary">): two signs that do not both come by chance,
 * so the element goes whatever its size. A live feed in a sidebar can hold
 * more text than the article beside it. */
static bool chrome_twice(const node *n) {
    enum tag t = (enum tag)n->tag;
    if (t != TAG_ASIDE && t != TAG_NAV && t != TAG_FOOTER)
        return false;
    return (n->vocab & (VOCAB_ROLE_CHROME | VOCAB_BOILERPLATE)) && !(n->vocab & VOCAB_CONTENT);
}

static bool small_or_linky(const node *n, const clean_tuning *tuning) {
    return n->text_chars < tuning->small_block_chars ||
           node_link_density(n) > tuning->linky_block_density;
}

/* N's paragraph prose, in characters outside links: the text of its long
 * <p>s that are mostly not links. */
static uint32_t paragraph_prose(const node *n, const clean_tuning *tuning) {
    uint32_t prose = 0;
    for (const node *k = n->first_child; k;) {
        bool skip = (k->flags & (NODE_REMOVED | NODE_HIDDEN)) != 0;
        if (!skip && k->tag == TAG_P) {
            if (k->text_chars >= tuning->prose_paragraph_chars &&
                node_link_density(k) < tuning->prose_max_link_density)
                prose += k->text_chars - k->link_chars;
            skip = true;
        }
        k = tree_next(n, k, skip);
    }
    return prose;
}

/* Whether N, chrome by its tag alone, holds most of the page's prose
 * (PAGE_PROSE): a site that sets its article in an <aside>. */
static bool holds_the_prose(const node *n, uint32_t page_prose, const clean_tuning *tuning) {
    if (page_prose < tuning->small_block_chars)
        return false;
    return paragraph_prose(n, tuning) > tuning->wrapper_text_share * page_prose;
}

/* A <figure> that sets a table (CKEditor's "figure.table") shows data, not
 * a picture: it is the story's. */
static bool figure_holds_table(const node *n) {
    for (const node *k = n->first_child; k; k = tree_next(n, k, false))
        if (k->tag == TAG_TABLE)
            return true;
    return false;
}

static bool removed_by_tag(const node *n, const page_size *page, const clean_tuning *tuning) {
    uint32_t page_chars = page->chars;
    switch ((enum tag)n->tag) {
    case TAG_NAV:
    case TAG_ASIDE:
    case TAG_FOOTER:
    case TAG_MENU:
    case TAG_DIALOG:
        return chrome_twice(n) ||
               (!is_wrapper(n, page_chars, tuning) && !holds_the_prose(n, page->prose, tuning));
    case TAG_FIGURE:
        if (figure_holds_table(n))
            return false;
        /* fall through */
    case TAG_FIGCAPTION:
        /* captions describe pictures, not the story */
        return !tuning->keep_figures && !is_wrapper(n, page_chars, tuning);
    case TAG_HEADER:
    case TAG_FORM:
    case TAG_FIELDSET:
        return small_or_linky(n, tuning) && !is_wrapper(n, page_chars, tuning);
    default:
        return false;
    }
}

/* An inline element that is part of a paragraph's sentence: the paragraph
 * says more than it does. */
static bool in_running_text(const node *n, const clean_tuning *tuning) {
    return !node_is_block(n) && n->parent && n->parent->tag == TAG_P &&
           n->parent->text_chars > tuning->running_text_ratio * n->text_chars;
}

static bool is_code_tag(enum tag t) {
    return t == TAG_PRE || t == TAG_CODE;
}

/* Content whose name describes its words, not its place on the page: a
 * code token named "comment", a heading whose id holds "share", a term
 * styled "subheader", a table cell. A name alone never removes it, but
 * for a heading named as a byline or dateline: that name says what the
 * heading's words are. */
static bool is_protected(const node *n) {
    if (tag_is_heading((enum tag)n->tag))
        return !(n->vocab & VOCAB_BYLINE);
    switch ((enum tag)n->tag) {
    case TAG_BODY:
    case TAG_HTML:
    case TAG_MAIN:
    case TAG_ARTICLE:
    case TAG_TEXT:
    case TAG_DT:
    case TAG_DD:
    case TAG_TD:
    case TAG_TH:
    case TAG_PRE:
    case TAG_CODE:
        return true;
    default:
        break;
    }
    return (n->flags & NODE_IN_CODE) != 0;
}

/* Whether N's style makes it unselectable (user-select: none). */
static bool unselectable(const node *n) {
    const char *style = node_attr(n, "style");
    static const char prop[] = "user-select";
    for (const char *p = style ? strstr(style, prop) : NULL; p; p = strstr(p + 1, prop)) {
        const char *v = p + sizeof prop - 1;
        v += strspn(v, " \t");
        if (*v != ':')
            continue;
        v += 1 + strspn(v + 1, " \t");
        if (strncasecmp(v, "none", 4) == 0)
            return true;
    }
    return false;
}

static bool holds_code(const node *n) {
    for (const node *k = n->first_child; k; k = tree_next(n, k, false))
        if (is_code_tag((enum tag)k->tag))
            return true;
    return false;
}

/* A line-number gutter of a code listing, named so or made unselectable
 * (what a reader cannot copy is not code): inside its <pre>, or a table
 * cell holding a <pre> of numbers beside the code's. */
static bool is_line_numbers(const node *n) {
    if (!n->attr_count)
        return false;
    if (n->flags & NODE_IN_CODE)
        return vocab_names_line_number(n) || unselectable(n);
    /* a gutter cell: named so, and holding a <pre> of numbers */
    return n->cls && n->tag == TAG_TD && vocab_names_line_number(n) && holds_code(n);
}

/* Whether the visible text of N is numbers alone (digits and whitespace,
 * one digit at least). */
static bool only_numbers(const document *doc, const node *n) {
    bool digit = false, skip = false;
    for (const node *k = n; (k = tree_next(n, k, skip)) != NULL;) {
        skip = (k->flags & (NODE_REMOVED | NODE_HIDDEN)) != 0;
        if (skip || k->tag != TAG_TEXT)
            continue;
        const char *s = node_text(doc, k);
        for (uint32_t i = 0; i < k->text_len; i++) {
            unsigned char c = (unsigned char)s[i];
            if (c >= '0' && c <= '9')
                digit = true;
            else if (c != ' ' && c != '\n' && c != '\t' && c != '\r')
                return false;
        }
    }
    return digit;
}

/* An unnamed gutter: a table cell holding code that is numbers alone,
 * beside a cell holding the code they number, which is not (Hugo's and
 * Pygments' tables). */
static bool is_gutter_cell(const document *doc, const node *n) {
    if (n->tag != TAG_TD)
        return false;
    const node *next = n->next;
    while (next && next->tag == TAG_TEXT)
        next = next->next;
    /* the numbers first: most cells hold a letter early on */
    return next && next->tag == TAG_TD && only_numbers(doc, n) && holds_code(n) &&
           holds_code(next) && !only_numbers(doc, next);
}

/* The line number the text of N is, digits alone (hidden parts left out,
 * removed ones read: a line's number before this one may be gone), or -1. */
static long line_number_of(const document *doc, const node *n) {
    enum { MAX_DIGITS = 6 };
    long number = 0;
    int digits = 0;
    bool skip = false;
    for (const node *k = n; (k = tree_next(n, k, skip)) != NULL;) {
        skip = (k->flags & NODE_HIDDEN) != 0;
        if (skip || k->tag != TAG_TEXT)
            continue;
        const char *s = node_text(doc, k);
        for (uint32_t i = 0; i < k->text_len; i++) {
            if (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r')
                continue;
            if (s[i] < '0' || s[i] > '9' || ++digits > MAX_DIGITS)
                return -1;
            number = number * 10 + (s[i] - '0');
        }
    }
    return digits ? number : -1;
}

/* The first element among the children of N, or NULL. */
static const node *first_element(const node *n) {
    for (const node *c = n ? n->first_child : NULL; c; c = c->next)
        if (c->tag != TAG_TEXT)
            return c;
    return NULL;
}

/* The element next to N before it (BEFORE) or after it, with nothing but
 * whitespace between them, or NULL: the next line of a code block written
 * an element a line. */
static const node *element_beside(const document *doc, const node *n, bool before) {
    for (const node *s = before ? n->prev : n->next; s; s = before ? s->prev : s->next) {
        if (s->tag != TAG_TEXT)
            return s;
        const char *t = node_text(doc, s);
        for (uint32_t i = 0; i < s->text_len; i++)
            if (t[i] != ' ' && t[i] != '\n' && t[i] != '\t' && t[i] != '\r')
                return NULL;
    }
    return NULL;
}

/* A gutter written line by line, unnamed: in a code block whose lines are
 * elements, the first element of a line that holds its number alone and
 * the code after it, where the line before or after opens with the number
 * before or after ("<div><span>1</span><div>AGENTS.md</div></div>" a line,
 * as Tailwind-styled highlighters write them). */
static bool is_line_number_cell(const document *doc, const node *n) {
    if (!(n->flags & NODE_IN_CODE) || is_code_tag((enum tag)n->tag) || !n->parent ||
        first_element(n->parent) != n || n->parent->text_chars <= n->text_chars)
        return false;
    long number = line_number_of(doc, n);
    if (number < 0)
        return false;
    const node *before = element_beside(doc, n->parent, true);
    const node *after = element_beside(doc, n->parent, false);
    const node *before_cell = first_element(before), *after_cell = first_element(after);
    return (before_cell && line_number_of(doc, before_cell) == number - 1) ||
           (after_cell && line_number_of(doc, after_cell) == number + 1);
}

/* Whether N holds a <button>, kept or already removed. */
static bool holds_button(const node *n) {
    for (const node *k = n->first_child; k; k = tree_next(n, k, false))
        if (k->tag == TAG_BUTTON)
            return true;
    return false;
}

/* Whether the <pre> around N shows no text before N. */
static bool opens_its_pre(const document *doc, const node *n) {
    const node *pre = n->parent;
    while (pre && pre->tag != TAG_PRE)
        pre = pre->parent;
    if (!pre)
        return false;
    bool skip = false;
    for (const node *k = pre; (k = tree_next(pre, k, skip)) != NULL && k != n;) {
        skip = (k->flags & (NODE_REMOVED | NODE_HIDDEN)) != 0;
        if (skip || k->tag != TAG_TEXT)
            continue;
        const char *s = node_text(doc, k);
        for (uint32_t i = 0; i < k->text_len; i++)
            if (s[i] != ' ' && s[i] != '\n' && s[i] != '\t' && s[i] != '\r')
                return false;
    }
    return true;
}

/* A code block's toolbar, set inside its <pre> by the highlighter: at the
 * top, holding the buttons ("Copy", "Run") and at most a short label
 * beside them. The buttons go as controls; the label would read as the
 * code's first line. */
static bool is_code_toolbar(const document *doc, const node *n, const clean_tuning *tuning) {
    return (n->flags & NODE_IN_CODE) && !is_code_tag((enum tag)n->tag) &&
           n->text_chars <= tuning->code_toolbar_label_chars && holds_button(n) &&
           opens_its_pre(doc, n);
}

static bool removed_by_name(const node *n, uint32_t page_chars, clean_pruning pruning,
                            const clean_tuning *tuning) {
    if (is_line_numbers(n) || ((n->flags & NODE_IN_CODE) && vocab_names_hover_box(n)))
        return true;
    unsigned bits = n->vocab;
    if (!bits || is_protected(n) || is_wrapper(n, page_chars, tuning))
        return false;
    if (pruning == PRUNE_TWO_SIGNS)
        return (bits & VOCAB_ROLE_CHROME) != 0; /* an explicit role is a sign of its own */
    if (bits & VOCAB_ROLE_CHROME)
        return true;
    if ((bits & VOCAB_EMBED) && !(bits & VOCAB_COMMENTS))
        return false;
    bool chrome = bits & (VOCAB_BOILERPLATE | VOCAB_COMMENTS);
    if (chrome && !(bits & VOCAB_CONTENT))
        return true;
    if (!chrome && in_running_text(n, tuning))
        return false; /* "<p><span class=dateline>CAIRO —</span> Gunmen opened ..." */
    if (!chrome && (bits & VOCAB_LEAD))
        return node_link_density(n) > tuning->linky_block_density; /* a lead, or a card of links */
    if (chrome || (bits & (VOCAB_HEADER | VOCAB_BYLINE)))
        return small_or_linky(n, tuning);
    return false;
}

static bool is_figure(const node *n) {
    return n->tag == TAG_FIGURE || n->tag == TAG_FIGCAPTION;
}

/* The flags N's removal sets, or 0 when it stays. A figure removed for
 * being one and nothing else is flagged NODE_FIGURE too: out of the text,
 * but a picture the Markdown and HTML outputs show (walk.h). */
static uint16_t removal_flags(const document *doc, const node *n, const page_size *page,
                              const clean_tuning *tuning, clean_pruning pruning) {
    if ((n->flags & NODE_HIDDEN) || tag_kind((enum tag)n->tag) == K_SKIP ||
        removed_by_name(n, page->chars, pruning, tuning) || is_gutter_cell(doc, n) ||
        is_line_number_cell(doc, n))
        return NODE_REMOVED;
    if (removed_by_tag(n, page, tuning))
        return is_figure(n) ? NODE_REMOVED | NODE_FIGURE : NODE_REMOVED;
    if (is_code_toolbar(doc, n, tuning))
        return NODE_REMOVED | NODE_CODE_TOOLBAR;
    return 0;
}

static node *first_leaf(node *n) {
    while (n->first_child)
        n = n->first_child;
    return n;
}

/* Post-order, so that an element is judged on its text after the chrome
 * inside it is gone: a <form> that wraps a whole page is link-heavy only
 * until its navigation is removed. */
void clean_document(document *doc, const lede_tuning *tuning, clean_pruning pruning) {
    node *root = doc->root;
    if (!root->first_child)
        return;
    page_size page = {root->text_chars, 0};
    node *n = first_leaf(root->first_child);
    page.prose = paragraph_prose(root, &tuning->clean);
    while (n && n != root) {
        page.chars = root->text_chars;
        uint16_t flags = n->tag != TAG_TEXT && !(n->flags & NODE_REMOVED)
                             ? removal_flags(doc, n, &page, &tuning->clean, pruning)
                             : 0;
        if (flags) {
            tree_remove(n);
            n->flags |= flags;
        }
        n = n->next ? first_leaf(n->next) : n->parent;
    }
}

/* A comments section holds at least this much text; less is a counter
 * ("12 comments") or an empty form. */
#define MIN_COMMENTS_CHARS 50

/* The class and id words of a comment section's reply form, as WordPress,
 * its themes and most CMSes name it: its heading ("Leave a Reply"), its
 * notes and its fields. */
static const char *const reply_form_names[] = {
    "respond", "comment-respond", "reply-title", "comment-reply-title", "comment-form",
    "commentform", "comment-notes", "logged-in-as", "form-submit", "comment-form-wrap",
};

static bool is_reply_form(const node *n) {
    if (n->tag == TAG_FORM || n->tag == TAG_LABEL)
        return true;
    const char *id = node_attr(n, "id"), *cls = node_attr(n, "class");
    for (size_t i = 0; i < sizeof reply_form_names / sizeof reply_form_names[0]; i++)
        if ((id && strcasecmp(id, reply_form_names[i]) == 0) ||
            (cls && attr_list_has(cls, reply_form_names[i])))
            return true;
    return false;
}

/* Flag the reply form inside the comments SECTION removed, so that their
 * text is the readers' words only. Only the flag: the sums stay, because
 * cleaning removes the whole section, sums and all, and the article's
 * choice must not depend on whether comments were asked for. */
static void drop_reply_form(node *section) {
    for (node *n = section->first_child; n;) {
        bool form = n->tag != TAG_TEXT && is_reply_form(n);
        if (form)
            n->flags |= NODE_REMOVED;
        n = tree_next(section, n, form);
    }
}

node *clean_find_comments(const document *doc) {
    node *best = NULL;
    node *n = doc->root->first_child;
    while (n) {
        bool found = false;
        if (n->tag != TAG_TEXT && !(n->flags & NODE_HIDDEN) && n->text_chars >= MIN_COMMENTS_CHARS &&
            (n->vocab & VOCAB_COMMENTS)) {
            found = true;
            if (!best || n->text_chars > best->text_chars)
                best = n;
        }
        n = tree_next(doc->root, n, found);
    }
    if (best)
        drop_reply_form(best);
    return best;
}
