/*
 * parse.c — libxml2's HTML parser driven through SAX into lede's own tree.
 *
 * libxml2 does all of the tokenizing, entity decoding and the repairs of tag
 * nesting that browsers do (implied </p>, stray end tags, unclosed elements);
 * it reports the repaired structure as start/end events, and this file turns
 * them into nodes. Building libxml2's own tree (xmlDoc) would cost more than
 * the rest of lede together, so it is never built.
 *
 * While elements close, their text length, link-text length and comma count
 * are added to their parent, so every stage after this one knows each
 * subtree's text statistics without a walk. Text under <script>, <style> and
 * the other K_SKIP elements is dropped here (but for JSON-LD scripts, which
 * metadata reads), and text under hidden elements is stored but not counted.
 *
 * The bounds of lede_limits.h are enforced here, where the tree is made:
 * nesting beyond max_depth is flattened (libxml2 keeps its own stack, which
 * costs 8 bytes an element and is walked only for repairs), the node count
 * stops the parser, attributes are counted and cut. libxml2 itself has two
 * shapes of input that are not linear, and both are bounded here rather
 * than trusted: the attributes of a start tag are checked against each
 * other for duplicates (quadratic in one tag's attribute count:
 * prepare_markup() blanks the excess out of the markup before libxml2
 * sees it), and each repair of misnested markup scans libxml2's stack of
 * open elements (depth times repairs: on_repair() charges each against a
 * budget and stops the parser when it runs out). HTML_PARSE_HUGE is not
 * passed and need not be: libxml2 2.9's HTML parser has no depth or
 * text-size limit to lift (1,000,000 nested elements parse in a quarter of
 * a second, a 50 MB text run or attribute in about one).
 */
#include "parse.h"

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <ctype.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ascii.h"
#include "buf.h"
#include "nfc.h"
#include "lede_limits.h"

/* What one repair of misnested markup costs libxml2 besides the scan of its
 * stack: formatting and storing the error it reports, about 100 steps of
 * the scan (measured: 10 million unmatched end tags take 2.8 s). */
#define REPAIR_BASE_COST 100u

typedef struct builder {
    document *doc;
    htmlParserCtxtPtr ctxt;
    node *cur;
    unsigned max_depth;
    uint32_t max_nodes;
    unsigned max_attrs;
    size_t max_attr_len;
    unsigned long long repair_work; /* see LEDE_MAX_REPAIR_WORK */
    bool stopped;      /* a bound stopped the parser: later events are ignored */
    unsigned overflow; /* open elements not made into nodes (too deep) */
    unsigned skip;     /* open K_SKIP elements: their text is not stored */
    unsigned links;    /* open <a> elements */
    unsigned code;     /* open <pre> and <code> elements */
    unsigned in_svg;   /* open <svg> elements */
    node *last_text;   /* the text node that received the latest characters */
    size_t text_solid; /* doc->text's length but for the whitespace it ends in */
    bool in_title;
    bool failed;
    bool reveal_hidden; /* parse_limits.reveal_hidden */
    buf title;
    /* Where the bodies of scripts and styles were cut out of the markup
     * (see raw_text_cuts), and how many libxml2 has confirmed. */
    const struct raw_text_cuts *cuts;
    size_t cuts_confirmed;
    bool cuts_wrong; /* libxml2 read the markup otherwise: parse it uncut */
    size_t stop_offset; /* where in the markup a bound stopped libxml2 */
    /* Depths in libxml2's stack (1 = outermost) of elements this builder
     * closed while libxml2 kept them open (see close_like_a_browser()),
     * innermost last: libxml2's later end events for them are no-ops. */
    int *phantoms;
    size_t phantom_count, phantom_cap;
} builder;

static pthread_once_t parser_once = PTHREAD_ONCE_INIT;

static void parser_init(void) {
    xmlInitParser();
}

static bool is_space(unsigned char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
}

/* Whether a style attribute hides its element. */
/* Whether the declaration NAME: VALUE (NAME LEN bytes) hides: display:none
 * or visibility:hidden. A custom property ("--footer-display: none") or
 * another property that ends in the word does not. */
static bool declaration_hides(const char *name, size_t len, const char *value) {
    while (is_space((unsigned char)*value))
        value++;
    if (len == 7 && strncasecmp(name, "display", 7) == 0)
        return strncasecmp(value, "none", 4) == 0 && !isalnum((unsigned char)value[4]);
    if (len == 10 && strncasecmp(name, "visibility", 10) == 0)
        return strncasecmp(value, "hidden", 6) == 0 && !isalnum((unsigned char)value[6]);
    return false;
}

static bool style_hides(const char *style) {
    for (const char *s = style; *s;) {
        while (is_space((unsigned char)*s) || *s == ';')
            s++;
        const char *name = s;
        while (*s && *s != ':' && *s != ';' && !is_space((unsigned char)*s))
            s++;
        size_t len = (size_t)(s - name);
        while (is_space((unsigned char)*s))
            s++;
        if (*s == ':' && declaration_hides(name, len, s + 1))
            return true;
        while (*s && *s != ';')
            s++;
    }
    return false;
}

/* Whether N's class says it folds (Obsidian's "callout is-collapsible"):
 * its body is hidden by style until the reader opens it, as the body of a
 * closed <details> is, and is content all the same. */
static bool folds(const node *n) {
    return n->cls &&
           (attr_list_has(n->cls, "collapsible") || attr_list_has(n->cls, "is-collapsible"));
}

/* The attributes that may hide an element, found while copying them (the
 * first of each name, as node_attr() would find it): asked of every
 * element, they cost a scan of its attributes each otherwise. */
typedef struct hiding_attrs {
    bool hidden;
    const char *aria_hidden, *style;
} hiding_attrs;

static bool attrs_hide(const node *n, const hiding_attrs *h) {
    if (h->hidden)
        return true;
    if (h->aria_hidden && strcasecmp(h->aria_hidden, "true") == 0)
        return true;
    return h->style && style_hides(h->style) && !(n->parent && folds(n->parent));
}

/* Note VALUE, of the attribute NAME just copied, in N (id, class) or in H. */
static void note_attr(node *n, hiding_attrs *h, const char *name, const char *value) {
    switch (name[0]) {
    case 'i':
        if (strcmp(name, "id") == 0)
            n->id = value;
        break;
    case 'c':
        if (strcmp(name, "class") == 0)
            n->cls = value;
        break;
    case 'h':
        h->hidden = h->hidden || strcmp(name, "hidden") == 0;
        break;
    case 'a':
        if (!h->aria_hidden && strcmp(name, "aria-hidden") == 0)
            h->aria_hidden = value;
        break;
    case 's':
        if (!h->style && strcmp(name, "style") == 0)
            h->style = value;
        break;
    default:
        break;
    }
}

/* The length of the first MAX bytes of S, or less, so that it does not end
 * inside a UTF-8 sequence. S is longer than MAX. */
static size_t utf8_cut(const char *s, size_t max) {
    while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
        max--;
    return max;
}

static bool copy_attrs(builder *b, node *n, const xmlChar **atts, hiding_attrs *h) {
    if (!atts)
        return true;
    unsigned count = 0;
    while (atts[2 * count] && count < b->max_attrs)
        count++;
    if (atts[2 * count])
        b->doc->truncated |= LEDE_TRUNCATED_ATTRS;
    if (!count)
        return true;
    n->attrs = arena_alloc(&b->doc->mem, count * sizeof(attr));
    if (!n->attrs)
        return false;
    for (unsigned i = 0; i < count; i++) {
        const char *name = (const char *)atts[2 * i];
        const char *value = atts[2 * i + 1] ? (const char *)atts[2 * i + 1] : "";
        size_t value_len = strlen(value);
        if (value_len > b->max_attr_len) {
            value_len = utf8_cut(value, b->max_attr_len);
            b->doc->truncated |= LEDE_TRUNCATED_ATTRS;
        }
        n->attrs[i].name = arena_strdup(&b->doc->mem, name);
        n->attrs[i].value = arena_strndup(&b->doc->mem, value, value_len);
        if (!n->attrs[i].name || !n->attrs[i].value)
            return false;
        note_attr(n, h, name, n->attrs[i].value);
    }
    n->attr_count = (uint16_t)count;
    return true;
}

/* Where libxml2 is in the markup it reads: an offset from its start. */
static size_t parser_offset(const htmlParserCtxtPtr ctxt) {
    const xmlParserInputPtr in = ctxt->input;
    return (size_t)in->consumed + (size_t)(in->cur - in->base);
}

/* Stop libxml2 for bound WHY: it reads no further, and whatever events it
 * still sends are ignored. The tree keeps what was read. */
static void stop_parser(builder *b, unsigned why) {
    b->doc->truncated |= why;
    if (b->stopped)
        return;
    b->stopped = true;
    if (b->ctxt) {
        b->stop_offset = parser_offset(b->ctxt); /* the stop empties the input */
        xmlStopParser(b->ctxt);
    }
}

/* Charge COST steps of libxml2's repair work; see LEDE_MAX_REPAIR_WORK. */
static void charge_repair(builder *b, unsigned long long cost) {
    b->repair_work += cost;
    if (b->repair_work > LEDE_MAX_REPAIR_WORK)
        stop_parser(b, LEDE_TRUNCATED_REPAIRS);
}

/* ---- end tags that close what libxml2 keeps open -------------------------
 * libxml2 follows HTML 4's end-tag priorities, in which <div> outranks the
 * elements HTML5 added: "</nav>" or "</header>" with a <div> still open
 * inside is ignored, and everything after it (often the whole page) ends up
 * inside the <nav> or <header>. Browsers close the <div>s and the <nav>
 * there (the "in scope" rule of HTML5 tree building), and the page's author
 * saw that. libxml2 reports the ignored end tag as a mismatch error; this
 * builder then closes its own nodes as a browser would and remembers that
 * libxml2 still has them open. Tables are a scope of their own in HTML5:
 * an end tag does not reach across an open table part. */

/* The end tags HTML5 closes across open <div>s: its block elements. */
static const char *const block_end_tags[] = {
    "address", "article", "aside",  "blockquote", "center", "details", "dialog", "dir",
    "dl",      "fieldset", "figcaption", "figure", "footer", "header", "hgroup", "main",
    "listing", "menu",    "nav",    "ol",         "pre",     "section", "summary", "ul"};

/* Elements an end tag does not reach across (HTML5 scope boundaries that
 * also outrank <div> in libxml2, which then ignores the end tag too). */
static const char *const scope_boundaries[] = {"td", "th", "tr", "thead", "tbody", "tfoot",
                                               "table", "caption", "head", "body", "html"};

static bool name_in(const char *name, const char *const list[], size_t count) {
    for (size_t i = 0; i < count; i++)
        if (strcasecmp(name, list[i]) == 0)
            return true;
    return false;
}

static bool is_phantom_depth(const builder *b, int depth) {
    return b->phantom_count && b->phantoms[b->phantom_count - 1] == depth;
}

/* The index in libxml2's stack of the innermost open END (not a phantom)
 * that libxml2 refused to close for a <div> above it, or -1. */
static int refused_end_tag(const builder *b, const char *end) {
    const htmlParserCtxtPtr ctxt = b->ctxt;
    if (!name_in(end, block_end_tags, sizeof block_end_tags / sizeof block_end_tags[0]))
        return -1;
    bool div_above = false;
    for (int i = ctxt->nameNr - 1; i >= 0; i--) {
        const char *name = (const char *)ctxt->nameTab[i];
        if (!name)
            return -1;
        if (strcasecmp(name, end) == 0) {
            for (size_t p = 0; p < b->phantom_count; p++)
                if (b->phantoms[p] == i + 1)
                    return -1;
            return div_above ? i : -1;
        }
        if (name_in(name, scope_boundaries, sizeof scope_boundaries / sizeof scope_boundaries[0]))
            return -1;
        div_above |= strcasecmp(name, "div") == 0;
    }
    return -1;
}

static void close_element(builder *b);

/* Close this builder's nodes for libxml2's stack entries from index FROM
 * up, and mark those entries phantoms. */
static void close_like_a_browser(builder *b, int from) {
    int top = b->ctxt->nameNr;
    size_t keep = b->phantom_count;
    while (keep && b->phantoms[keep - 1] > from)
        keep--;
    size_t need = keep + (size_t)(top - from);
    if (need > b->phantom_cap) {
        size_t cap = need < 16 ? 16 : 2 * need;
        int *grown = realloc(b->phantoms, cap * sizeof *grown);
        if (!grown) {
            b->failed = true;
            return;
        }
        b->phantoms = grown;
        b->phantom_cap = cap;
    }
    size_t real = (size_t)(top - from) - (b->phantom_count - keep);
    for (size_t i = 0; i < real; i++)
        close_element(b);
    b->phantom_count = keep;
    for (int depth = from + 1; depth <= top; depth++)
        b->phantoms[b->phantom_count++] = depth;
}

/* libxml2's message for an end tag it did not apply: "Opening and ending
 * tag mismatch: END and OPEN". */
static void on_mismatch(builder *b, const char *text) {
    static const char lead[] = "Opening and ending tag mismatch: ";
    if (strncmp(text, lead, sizeof lead - 1) != 0 || b->overflow)
        return;
    const char *end = text + sizeof lead - 1;
    size_t len = strcspn(end, " ");
    char name[16];
    if (len == 0 || len >= sizeof name)
        return;
    memcpy(name, end, len);
    name[len] = '\0';
    int from = refused_end_tag(b, name);
    if (from >= 0)
        close_like_a_browser(b, from);
}

/* libxml2 reports each repair it makes as an error; the scans that make
 * repairs slow walk its stack of open elements, so each costs that depth.
 * Errors reach this handler formatted, as ("%s", text). */
static void on_repair(void *ctx, const char *msg, ...) {
    builder *b = ctx;
    if (!b->ctxt || b->stopped || b->failed)
        return;
    charge_repair(b, REPAIR_BASE_COST + (unsigned)b->ctxt->nameNr);
    if (b->stopped || strcmp(msg, "%s") != 0)
        return;
    va_list ap;
    va_start(ap, msg);
    const char *text = va_arg(ap, const char *);
    va_end(ap);
    if (text)
        on_mismatch(b, text);
}

static node *new_node(builder *b, enum tag t) {
    if (b->doc->node_count >= b->max_nodes) {
        stop_parser(b, LEDE_TRUNCATED_NODES);
        return NULL;
    }
    node *n = arena_alloc(&b->doc->mem, sizeof(node));
    if (!n) {
        b->failed = true;
        return NULL;
    }
    n->tag = (uint16_t)t;
    n->order = b->doc->node_count++;
    return n;
}

static void append_child(node *parent, node *child) {
    child->parent = parent;
    child->depth = (uint16_t)(parent->depth + 1);
    child->prev = parent->last_child;
    if (parent->last_child)
        parent->last_child->next = child;
    else
        parent->first_child = child;
    parent->last_child = child;
}

static bool keeps_script_text(const node *n) {
    const char *type = node_attr(n, "type");
    return type && strcasecmp(type, "application/ld+json") == 0;
}

/* ---- the bodies of scripts and styles, out of the markup -------------------
 * More than half the bytes of a news page are scripts and styles, which
 * libxml2 reads a character at a time and lede then drops. So before the
 * parse, prepare_markup() finds the start tags of scripts and styles much as
 * libxml2 tokenizes them (comments skipped, the tag's quoted values read as
 * it reads every tag's) and leaves their bodies out of a copy of
 * the markup. What libxml2 does with a body besides
 * handing it over must still happen: it reports an error for each "</"
 * that does not end the element (each charged as a repair, see
 * on_repair()), so a cut body keeps one "</" for each, after a space (a
 * body that starts with "</" is read as an end tag and is not cut). A body
 * with a character libxml2 reports (a control character, a noncharacter,
 * bytes that are not UTF-8) is not cut, and neither is the script of a
 * JSON-LD block or any tag with an entity, which might spell one.
 *
 * The scan is a guess at libxml2's reading, which it must not change: each
 * cut is confirmed when libxml2 opens a script or style at the cut's '>'
 * (confirm_cuts()), and when a cut is passed unconfirmed, or a confirmed
 * one would have kept its text (JSON-LD, a <title>), the page is parsed
 * again uncut. */

typedef struct raw_text_cuts {
    size_t *at; /* offsets in the cut markup of the '>' before each cut body */
    size_t count, cap;
} raw_text_cuts;

/* Called at each start tag T: a script or style opened at the next cut's
 * '>' confirms it, unless its text is kept (KEEPS_TEXT: JSON-LD, inside the
 * <title>, or flattened beyond max_depth into an element that keeps it);
 * having passed a cut unconfirmed means libxml2 read the markup around it
 * otherwise. */
static void confirm_cuts(builder *b, enum tag t, bool keeps_text) {
    const raw_text_cuts *cuts = b->cuts;
    if (!b->ctxt || b->cuts_confirmed >= cuts->count)
        return;
    size_t here = parser_offset(b->ctxt), next = cuts->at[b->cuts_confirmed];
    bool raw = t == TAG_SCRIPT || t == TAG_STYLE || t == TAG_SVG;
    if (raw && here == next && *b->ctxt->input->cur == '>') {
        b->cuts_confirmed++;
        b->cuts_wrong = keeps_text;
    } else if (here >= next) {
        b->cuts_wrong = true;
    }
    if (b->cuts_wrong)
        stop_parser(b, 0);
}

/* MathJax's <script type="math/tex"> (with "; mode=display" for a display
 * formula) and MathML's TeX annotation carry a formula's TeX source. */
static bool holds_tex(const node *n, const xmlChar *name) {
    if (n->tag == TAG_SCRIPT) {
        const char *type = node_attr(n, "type");
        return type && strncasecmp(type, "math/tex", 8) == 0;
    }
    const char *encoding = node_attr(n, "encoding");
    return n->tag == TAG_OTHER && strcmp((const char *)name, "annotation") == 0 && encoding &&
           strcasecmp(encoding, "application/x-tex") == 0;
}

static void on_start(void *ctx, const xmlChar *name, const xmlChar **atts) {
    builder *b = ctx;
    if (b->failed || b->stopped)
        return;
    enum tag t = tag_lookup((const char *)name);
    if (b->reveal_hidden && (t == TAG_NOSCRIPT || t == TAG_TEMPLATE))
        t = TAG_DIV; /* what a page without scripts, or its script, would show */
    if (t == TAG_BODY && b->ctxt) {
        /* libxml2 looked for another open <body> through its whole stack */
        charge_repair(b, (unsigned)b->ctxt->nameNr);
        if (b->stopped)
            return;
    }
    if (b->cur->depth >= b->max_depth) {
        b->overflow++;
        b->doc->truncated |= LEDE_TRUNCATED_DEPTH;
        if (b->cuts)
            confirm_cuts(b, t, !b->skip);
        return;
    }
    node *n = new_node(b, t);
    if (!n)
        return;
    hiding_attrs hiding = {0};
    if (!copy_attrs(b, n, atts, &hiding)) {
        b->failed = true;
        return;
    }
    append_child(b->cur, n);
    b->cur = n;
    if (b->code)
        n->flags |= NODE_IN_CODE;
    if (t == TAG_PRE || t == TAG_CODE)
        b->code++;
    if (!b->reveal_hidden && attrs_hide(n, &hiding))
        n->flags |= NODE_HIDDEN;
    if (t == TAG_SCRIPT && keeps_script_text(n))
        n->flags |= NODE_KEEP_TEXT;
    if (holds_tex(n, name))
        n->flags |= NODE_TEX;
    if (b->cuts)
        confirm_cuts(b, t, (n->flags & (NODE_KEEP_TEXT | NODE_TEX)) || b->in_title);
    if (tag_kind(t) == K_SKIP)
        b->skip++;
    if (t == TAG_A)
        b->links++;
    /* <svg><title> names a picture, not the page */
    if (t == TAG_TITLE && !b->doc->title_text && !b->in_svg)
        b->in_title = true;
    if (t == TAG_SVG)
        b->in_svg++;
    if (t == TAG_HTML && !b->doc->lang)
        b->doc->lang = node_attr(n, "lang");
}

/* Whether the document's text so far ends in an ellipsis. When the latest
 * text came after an element opened, it is inside it, so this is how the
 * element that closes now ends. */
static bool ends_in_ellipsis(const builder *b) {
    size_t end = b->text_solid;
    const char *t = b->doc->text;
    if (end >= 2 && t[end - 1] == ']')
        end--; /* "[…]" */
    return end >= 3 && (memcmp(t + end - 3, "\xE2\x80\xA6", 3) == 0 || memcmp(t + end - 3, "...", 3) == 0);
}

static void add_sums(node *to, const node *from) {
    to->text_chars += from->text_chars;
    to->link_chars += from->link_chars;
    to->commas += from->commas;
}

/* Close the innermost open element (or one of the flattened ones). */
static void close_element(builder *b) {
    if (b->overflow) {
        b->overflow--;
        return;
    }
    node *n = b->cur;
    if (n == b->doc->root)
        return;
    enum tag t = (enum tag)n->tag;
    enum tag_kind kind = tag_kind(t);
    if (kind == K_SKIP && b->skip)
        b->skip--;
    if (t == TAG_SVG && b->in_svg)
        b->in_svg--;
    if ((t == TAG_PRE || t == TAG_CODE) && b->code)
        b->code--;
    if (t == TAG_A) {
        if (b->links)
            b->links--;
        /* a name in code linked to its definition is code, not a link away */
        n->link_chars = (n->flags & NODE_IN_CODE) ? 0 : n->text_chars;
    }
    if (t == TAG_TITLE && b->in_title) {
        b->in_title = false;
        char *title = buf_take(&b->title);
        /* an empty <title></title> is no title: a later one may say more */
        if (title && title[strspn(title, " \t\r\n")])
            b->doc->title_text = arena_strdup(&b->doc->mem, title);
        free(title);
    }
    if (b->last_text && b->last_text->order > n->order && ends_in_ellipsis(b))
        n->flags |= NODE_ELLIPSIS;
    if (!(n->flags & NODE_HIDDEN) && kind != K_SKIP)
        add_sums(n->parent, n);
    if (kind == K_BLOCK || t == TAG_IMG || (n->flags & NODE_HAS_BLOCK))
        n->parent->flags |= NODE_HAS_BLOCK;
    b->cur = n->parent;
}

static void on_end(void *ctx, const xmlChar *name) {
    builder *b = ctx;
    (void)name;
    if (b->failed || b->stopped)
        return;
    if (b->ctxt && is_phantom_depth(b, b->ctxt->nameNr)) {
        b->phantom_count--; /* closed already, where the page closed it */
        return;
    }
    close_element(b);
}

/* count_chars() of eight bytes X with no byte below the plain space, no
 * lead byte of a CJK comma (0xEF, 0xE3) and PREV_SPACE as there: a
 * character a byte but for UTF-8's continuation bytes (10xxxxxx) and a
 * space after a space, and the commas. The bytes' order in X is the
 * machine's (the first byte lowest on a little-endian machine, the only
 * kind this is used on). */
static uint32_t count_word(uint64_t x, bool *prev_space, uint32_t *commas) {
    uint64_t continuations = x & ~(x << 1) & ASCII_HIGHS;
    uint64_t spaces = ascii_bytes_equal(x, ' ');
    uint64_t after_space = (spaces << 8) | (*prev_space ? 0x80u : 0u);
    *commas += ascii_marked(ascii_bytes_equal(x, ','));
    *prev_space = (x >> 56) == ' ';
    return 8 - ascii_marked(continuations) - ascii_marked(spaces & after_space);
}

/* Whether count_word() may take the eight bytes X: the other whitespace and
 * the CJK commas (U+FF0C, U+3001) are left to the byte-at-a-time count. */
static bool word_countable(uint64_t x) {
    if (ascii_has_below(x, ' '))
        return false;
    return !(x & ASCII_HIGHS) || !(ascii_has_byte(x, 0xEF) || ascii_has_byte(x, 0xE3));
}

/* count_chars() of S[I, END) a byte at a time (S holds LEN bytes). */
static uint32_t count_bytes(const unsigned char *s, size_t i, size_t end, size_t len,
                            bool *prev_space, uint32_t *commas) {
    uint32_t count = 0;
    for (; i < end; i++) {
        unsigned char c = s[i];
        if ((c & 0xC0) == 0x80)
            continue;
        bool space = is_space(c);
        if (!(space && *prev_space))
            count++;
        *prev_space = space;
        if (c == ',')
            (*commas)++;
        /* U+FF0C fullwidth comma and U+3001 ideographic comma */
        else if (i + 2 < len && ((c == 0xEF && s[i + 1] == 0xBC && s[i + 2] == 0x8C) ||
                                 (c == 0xE3 && s[i + 1] == 0x80 && s[i + 2] == 0x81)))
            (*commas)++;
    }
    return count;
}

/* Code points in S, counting each whitespace run as one; PREV_SPACE says
 * whether the text before S ended in whitespace. Parsing calls this on
 * every byte of the page's text, so it goes eight bytes at a time where
 * the bytes allow, in any script, and a byte at a time elsewhere. */
static uint32_t count_chars(const unsigned char *s, size_t len, bool prev_space,
                            uint32_t *commas) {
    uint32_t count = 0;
    size_t i = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    for (uint64_t x; i + 8 <= len; i += 8) {
        memcpy(&x, s + i, 8);
        if (word_countable(x))
            count += count_word(x, &prev_space, commas);
        else
            count += count_bytes(s, i, i + 8, len, &prev_space, commas);
    }
#endif
    return count + count_bytes(s, i, len, len, &prev_space, commas);
}

static bool text_reserve(document *d, size_t extra) {
    if (extra > UINT32_MAX - d->text_len)
        return false;
    size_t need = d->text_len + extra + 1;
    if (need <= d->text_cap)
        return true;
    size_t cap = d->text_cap ? d->text_cap : 16384;
    while (cap < need)
        cap *= 2;
    char *p = realloc(d->text, cap);
    if (!p)
        return false;
    d->text = p;
    d->text_cap = cap;
    return true;
}

static void store_text(builder *b, const xmlChar *ch, int len);

/* Whether text arriving now is stored: not under a <script>, <style> or
 * other K_SKIP element (but for a JSON-LD script's), unless it is the
 * page's <title>. */
static bool text_is_kept(const builder *b) {
    return b->in_title || !b->skip || (b->cur->flags & (NODE_KEEP_TEXT | NODE_TEX));
}

/* Text as NFC (nfc.h): a run that needs it is normalised before it is
 * stored, so that every stage and every output sees one form. Text that is
 * dropped (scripts and styles, often most of a page's bytes) is not
 * looked at. */
static void on_text(void *ctx, const xmlChar *ch, int len) {
    builder *b = ctx;
    if (b->failed || b->stopped || len <= 0 || !text_is_kept(b))
        return;
    if (!nfc_needed((const char *)ch, (size_t)len)) {
        store_text(b, ch, len);
        return;
    }
    size_t nfc_len;
    char *nfc = nfc_copy((const char *)ch, (size_t)len, &nfc_len);
    if (nfc && nfc_len <= INT_MAX)
        store_text(b, (const xmlChar *)nfc, (int)nfc_len);
    else
        store_text(b, ch, len);
    free(nfc);
}

static void store_text(builder *b, const xmlChar *ch, int len) {
    if (len <= 0)
        return;
    if (b->in_title) {
        buf_append(&b->title, (const char *)ch, (size_t)len);
        return;
    }
    if (!text_is_kept(b))
        return;
    node *parent = b->cur;
    document *d = b->doc;
    if (!text_reserve(d, (size_t)len)) {
        b->failed = true;
        return;
    }
    node *last = parent->last_child;
    bool prev_space = d->text_len == 0 || is_space((unsigned char)d->text[d->text_len - 1]);
    node *t;
    if (last && last->tag == TAG_TEXT && last->text_off + last->text_len == d->text_len) {
        t = last;
    } else {
        t = new_node(b, TAG_TEXT);
        if (!t)
            return;
        t->text_off = (uint32_t)d->text_len;
        append_child(parent, t);
        if (b->links)
            t->flags |= NODE_IN_LINK;
        prev_space = true;
    }
    b->last_text = t;
    /* kept as the text grows, not found by a walk back at each close: the
     * whitespace between tags of an indented page is most of its runs */
    for (int k = len; k > 0; k--)
        if (!is_space(ch[k - 1])) {
            b->text_solid = d->text_len + (size_t)k;
            break;
        }
    memcpy(d->text + d->text_len, ch, (size_t)len);
    d->text_len += (size_t)len;
    d->text[d->text_len] = '\0';
    t->text_len += (uint32_t)len;
    if (b->skip)
        return; /* kept for metadata, not article text */
    uint32_t commas = 0;
    uint32_t chars = count_chars(ch, (size_t)len, prev_space, &commas);
    t->text_chars += chars;
    t->commas += commas;
    parent->text_chars += chars;
    parent->commas += commas;
}

/* At the end of the input, or where a bound stopped the parser, close what
 * is still open so that every element's sums reach its ancestors. */
static void close_open_elements(builder *b) {
    if (b->failed)
        return;
    b->overflow = 0;
    while (b->cur && b->cur != b->doc->root)
        close_element(b);
}

/* ---- attributes past the bound, out of the markup --------------------------
 * libxml2 checks each attribute of a start tag against all the earlier ones,
 * so a tag with a million attributes costs it minutes. prepare_markup()
 * (below, in the same pass that cuts bodies out) finds start tags the way
 * libxml2 tokenizes them (comments and the raw text of <script> and <style>
 * skipped, quoted values read to their closing quote) and turns the
 * attributes past MAX into spaces. Only such tags are touched, and only in
 * a copy: an ordinary page is not copied for this. */

static bool is_tag_space(unsigned char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
}

static bool is_ascii_letter(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* Offset of the first NEEDLE (NLEN bytes, ASCII case-insensitive) in S[FROM,
 * LEN), or LEN. */
static size_t find_ci(const char *s, size_t from, size_t len, const char *needle, size_t nlen) {
    for (size_t i = from; i + nlen <= len; i++) {
        const char *lt = memchr(s + i, needle[0], len - i);
        if (!lt)
            break;
        i = (size_t)(lt - s);
        if (i + nlen <= len && strncasecmp(s + i, needle, nlen) == 0)
            return i;
    }
    return len;
}

typedef struct attr_scan {
    const char *in;
    size_t len;
    unsigned max;
    char *copy; /* made at the first tag that needs blanking */
    bool failed;
} attr_scan;

/* Read the attributes of the start tag whose name ends at I; returns the
 * offset of its '>' or LEN when it has none. */
static size_t scan_attributes(attr_scan *sc, size_t i) {
    const char *in = sc->in;
    size_t len = sc->len, cut = 0;
    unsigned count = 0;
    for (;;) {
        while (i < len && (is_tag_space((unsigned char)in[i]) || in[i] == '/'))
            i++;
        if (i >= len || in[i] == '>')
            break;
        size_t start = i++;
        while (i < len && !is_tag_space((unsigned char)in[i]) && in[i] != '/' && in[i] != '>' &&
               in[i] != '=')
            i++;
        size_t j = i;
        while (j < len && is_tag_space((unsigned char)in[j]))
            j++;
        if (j < len && in[j] == '=') {
            j++;
            while (j < len && is_tag_space((unsigned char)in[j]))
                j++;
            if (j < len && (in[j] == '"' || in[j] == '\'')) {
                const char *q = memchr(in + j + 1, in[j], len - j - 1);
                j = q ? (size_t)(q - in) + 1 : len;
            } else {
                while (j < len && !is_tag_space((unsigned char)in[j]) && in[j] != '>')
                    j++;
            }
            i = j;
        }
        if (++count > sc->max && !cut)
            cut = start;
    }
    if (cut && i < len) {
        if (!sc->copy) {
            sc->copy = malloc(len + 1);
            if (!sc->copy) {
                sc->failed = true;
                return len;
            }
            memcpy(sc->copy, in, len);
            sc->copy[len] = '\0';
        }
        memset(sc->copy + cut, ' ', i - cut);
    }
    return i;
}

/* ---- cutting the bodies (see raw_text_cuts above) --------------------------- */

enum {
    RAW_TEXT_MIN_CUT = 64, /* shorter bodies are left: the copy costs more */
    CUTS_FIRST_CAP = 16
};

/* Whether the start tag START_TAG[0, LEN) may be a script whose text is
 * kept, JSON-LD or MathJax's TeX (holds_tex()): it names JSON or "math/tex",
 * or has an entity, which could spell either. Not a bare "tex": that is in
 * "text/javascript" and "text/css", and would keep nearly every body. */
static bool tag_may_keep_text(const char *start_tag, size_t len) {
    return memchr(start_tag, '&', len) || find_ci(start_tag, 0, len, "json", 4) < len ||
           find_ci(start_tag, 0, len, "math/tex", 8) < len;
}

/* The length of the UTF-8 sequence at S[0, LEN) when it is a character
 * libxml2 reads without a report (not a noncharacter U+FFFE or U+FFFF, not
 * a surrogate, not past U+10FFFF); 0 otherwise. */
static size_t quiet_utf8_char(const unsigned char *s, size_t len) {
    unsigned char c = s[0];
    size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
    if (n == 0 || c > 0xF4 || n > len)
        return 0;
    for (size_t k = 1; k < n; k++)
        if ((s[k] & 0xC0) != 0x80)
            return 0;
    if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] >= 0xA0) ||
        (c == 0xEF && s[1] == 0xBF && s[2] >= 0xBE) || (c == 0xF0 && s[1] < 0x90) ||
        (c == 0xF4 && s[1] >= 0x90))
        return 0;
    return n;
}

/* Whether the 8 bytes W are all printable ASCII other than '<': the bytes
 * of a body that need no closer look (the tests of a byte below 0x20 and of
 * a byte equal to '<' are the usual ones for a zero byte in a word). */
static bool plain_ascii_word(uint64_t w) {
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    uint64_t below_space = (w - 0x20 * ones) & ~w & highs;
    uint64_t lt = w ^ ('<' * ones);
    uint64_t has_lt = (lt - ones) & ~lt & highs;
    return !((w & highs) | below_space | has_lt);
}

/* The number of "</" in the body S[0, LEN), or -1 when libxml2 would report
 * anything else in it. */
static long body_end_tags(const char *body, size_t len) {
    const unsigned char *s = (const unsigned char *)body;
    long end_tags = 0;
    for (size_t i = 0; i < len;) {
        uint64_t w;
        if (len - i >= sizeof w) {
            memcpy(&w, s + i, sizeof w);
            if (plain_ascii_word(w)) {
                i += sizeof w;
                continue;
            }
        }
        unsigned char c = s[i];
        if (c >= 0x80) {
            size_t n = quiet_utf8_char(s + i, len - i);
            if (!n)
                return -1;
            i += n;
            continue;
        }
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
            return -1;
        if (c == '<' && i + 1 < len && s[i + 1] == '/')
            end_tags++;
        i++;
    }
    return end_tags;
}

static bool cuts_push(raw_text_cuts *cuts, size_t at) {
    if (cuts->count == cuts->cap) {
        size_t cap = cuts->cap ? 2 * cuts->cap : CUTS_FIRST_CAP;
        size_t *grown = realloc(cuts->at, cap * sizeof *grown);
        if (!grown)
            return false;
        cuts->at = grown;
        cuts->cap = cap;
    }
    cuts->at[cuts->count++] = at;
    return true;
}

typedef struct raw_text_cutter {
    const char *in;
    size_t len;
    char *out;       /* the cut copy, made at the first cut */
    size_t out_len;  /* bytes written to OUT */
    size_t copied;   /* IN is in OUT up to here */
    raw_text_cuts *cuts;
} raw_text_cutter;

/* Leave out the body IN[BODY, END) of the element whose start tag ends at
 * IN[BODY - 1] ('>'), keeping END_TAGS "</" after a space. */
static bool cut_body(raw_text_cutter *c, size_t body, size_t end, long end_tags) {
    if (!c->out) {
        c->out = malloc(c->len + 1);
        if (!c->out)
            return false;
    }
    memcpy(c->out + c->out_len, c->in + c->copied, body - c->copied);
    c->out_len += body - c->copied;
    if (!cuts_push(c->cuts, c->out_len - 1))
        return false;
    c->out[c->out_len++] = ' ';
    for (long k = 0; k < end_tags; k++) {
        c->out[c->out_len++] = '<';
        c->out[c->out_len++] = '/';
    }
    c->copied = end;
    return true;
}

/* Whether the element whose start tag is IN[OPEN, GT] and whose body is
 * IN[GT + 1, END) may lose its body; *END_TAGS: the "</" to keep. */
static bool body_can_go(const char *in, size_t open, size_t gt, size_t end, long *end_tags) {
    size_t body = gt + 1;
    if (in[gt - 1] == '/' || tag_may_keep_text(in + open, gt - open))
        return false; /* "<script/>" is empty to libxml2; JSON-LD is kept */
    if (end - body < RAW_TEXT_MIN_CUT || in[body] == '<')
        return false; /* a body opening with a tag is read as one */
    *end_tags = body_end_tags(in + body, end - body);
    return *end_tags >= 0 && 1 + 2 * (size_t)*end_tags < end - body;
}

/* ---- the bodies of inline SVG pictures ----------------------------------
 * An <svg> holds a picture's markup, paths with long coordinate
 * attributes, that libxml2 reads a character at a time and lede never
 * shows (K_SKIP: no text of it is kept, no stage looks below it); on news
 * pages its icons are 4 % of the bytes and 5 % of the parse. Unlike a
 * script's, its body is markup to libxml2, so it is cut only where reading
 * it could change nothing outside it: every tag in it is an element
 * libxml2 does not know as HTML (htmlTagLookup()), bar <title>, so none
 * closes or implies anything; every end tag closes a name opened in the
 * body; there is no comment, CDATA section, processing instruction or
 * other <svg> in it; and the </svg> after it is a whole end tag. The cut
 * is confirmed as a script's is; libxml2's reports of the unknown tags go
 * with the body, as does the work they stood for. */

enum { SVG_NAME_CAP = 32, SVG_NAMES = 16 };

static bool is_name_char(unsigned char c) {
    return is_ascii_letter(c) || (c >= '0' && c <= '9') || c == ':' || c == '-' || c == '_' ||
           c == '.';
}

/* Whether the element name IN[NAME, NAME + LEN) may stand in a body cut
 * out of an <svg>. */
static bool svg_name_inert(const char *in, size_t name, size_t len) {
    char lower[SVG_NAME_CAP];
    if (len == 0 || len >= sizeof lower)
        return false;
    for (size_t k = 0; k < len; k++)
        lower[k] = ascii_lower(in[name + k]);
    lower[len] = '\0';
    if (strcmp(lower, "title") == 0)
        return true;
    return strcmp(lower, "svg") != 0 && htmlTagLookup((const xmlChar *)lower) == NULL;
}

/* The names opened so far in an <svg>'s body, each once. */
typedef struct svg_names {
    size_t at[SVG_NAMES], len[SVG_NAMES];
    size_t count;
    const char *in;
} svg_names;

static bool svg_names_find(const svg_names *seen, size_t name, size_t len) {
    for (size_t k = 0; k < seen->count; k++)
        if (seen->len[k] == len && strncasecmp(seen->in + seen->at[k], seen->in + name, len) == 0)
            return true;
    return false;
}

static bool svg_names_add(svg_names *seen, size_t name, size_t len) {
    if (svg_names_find(seen, name, len))
        return true;
    if (seen->count == SVG_NAMES)
        return false;
    seen->at[seen->count] = name;
    seen->len[seen->count++] = len;
    return true;
}

/* Whether the body IN[BODY, END) of an <svg> may be cut (see above). */
static bool svg_body_inert(const char *in, size_t body, size_t end) {
    attr_scan reader = {.in = in, .len = end, .max = UINT_MAX};
    svg_names seen = {.in = in};
    for (size_t i = body; i < end;) {
        const char *lt = memchr(in + i, '<', end - i);
        if (!lt)
            return true;
        i = (size_t)(lt - in) + 1;
        bool closing = i < end && in[i] == '/';
        i += closing;
        size_t name = i;
        if (i >= end || !is_ascii_letter((unsigned char)in[i]))
            return false; /* "<!", "<?", a stray "<": not read as plain tags */
        while (i < end && is_name_char((unsigned char)in[i]))
            i++;
        size_t len = i - name;
        if (!svg_name_inert(in, name, len))
            return false;
        if (closing ? !svg_names_find(&seen, name, len) : !svg_names_add(&seen, name, len))
            return false;
        i = scan_attributes(&reader, i);
        if (i >= end)
            return false;
        i++;
    }
    return true;
}

/* Whether the <svg> whose start tag is IN[OPEN, GT] and whose body is
 * IN[GT + 1, END) ("</svg" at END) may lose its body. */
static bool svg_can_go(const char *in, size_t len, size_t gt, size_t end) {
    size_t after = end + strlen("</svg");
    if (in[gt - 1] == '/' || end - (gt + 1) < RAW_TEXT_MIN_CUT || after >= len ||
        !(is_tag_space((unsigned char)in[after]) || in[after] == '>'))
        return false;
    return svg_body_inert(in, gt + 1, end);
}

/* What one pass over the markup makes of it before libxml2 reads it. */
typedef struct prepared_markup {
    char *limited;      /* the markup with the attributes past the bound blanked, or NULL */
    char *cut;          /* that with bodies cut out (CUTS), or NULL */
    size_t cut_len;
    raw_text_cuts cuts;
} prepared_markup;

static void prepared_free(prepared_markup *p) {
    free(p->limited);
    free(p->cut);
    free(p->cuts.at);
}

/* The element a start tag's NAME (LEN bytes) opens, as far as the bodies
 * go: the end tag that ends its body, or NULL when it has none to cut. */
static const char *body_end_tag(const char *name, size_t len, bool *svg) {
    *svg = len == 3 && strncasecmp(name, "svg", 3) == 0;
    if (*svg)
        return "</svg";
    if (len == 6 && strncasecmp(name, "script", 6) == 0)
        return "</script";
    if (len == 5 && strncasecmp(name, "style", 5) == 0)
        return "</style";
    return NULL;
}

/* One pass over IN for both ends above: the attributes past MAX blanked out
 * of every start tag (into P->limited, a copy made at the first such tag),
 * and, with CUT_BODIES, the bodies of scripts, styles and inert SVG
 * pictures cut out (into P->cut). Tags are found as libxml2 tokenizes them:
 * comments skipped, quoted values read to their closing quote, the text of
 * a script or style read to its end tag. False when memory ran out. */
static bool prepare_markup(const char *in, size_t len, unsigned max, bool cut_bodies,
                           prepared_markup *p) {
    attr_scan sc = {.in = in, .len = len, .max = max};
    raw_text_cutter c = {.in = in, .len = len, .cuts = &p->cuts};
    size_t i = 0;
    /* The first "</svg" at or after the last <svg> asked about (LEN: none):
     * an <svg> kept is read on from its start tag, and every <svg> after it
     * up to there ends there too, so the search is made once, not once
     * each (a page of <svg>s that never close would cost their square). */
    size_t svg_end = 0;
    bool svg_end_known = false, failed = false;
    while (i < len && !sc.failed && !failed) {
        const char *lt = memchr(in + i, '<', len - i);
        if (!lt)
            break;
        size_t open = (size_t)(lt - in);
        i = open + 1;
        if (i + 3 <= len && memcmp(in + i, "!--", 3) == 0) {
            i = find_ci(in, i + 3, len, "-->", 3);
            continue;
        }
        if (i >= len || !is_ascii_letter((unsigned char)in[i]))
            continue;
        size_t name = i;
        while (i < len && !is_tag_space((unsigned char)in[i]) && in[i] != '/' && in[i] != '>')
            i++;
        bool svg;
        const char *end_tag = body_end_tag(in + name, i - name, &svg);
        i = scan_attributes(&sc, i);
        /* libxml2 reads what the bound left: so do the tests below, and
         * the copies of the markup between cuts */
        const char *seen = sc.copy ? sc.copy : in;
        c.in = seen;
        if (!end_tag || i >= len)
            continue;
        if (svg && (!svg_end_known || svg_end < i)) {
            svg_end = find_ci(seen, i, len, end_tag, strlen(end_tag));
            svg_end_known = true;
        }
        size_t end = svg ? svg_end : find_ci(seen, i, len, end_tag, strlen(end_tag));
        long end_tags = 0;
        bool can_go = cut_bodies && end < len &&
                      (svg ? svg_can_go(seen, len, i, end) : body_can_go(seen, open, i, end, &end_tags));
        failed = can_go && !cut_body(&c, i + 1, end, end_tags);
        /* an <svg> kept is markup: its tags are read on from its start tag */
        if (can_go || !svg)
            i = end;
    }
    p->limited = sc.copy;
    if (sc.failed || failed || !c.out) {
        free(c.out);
        return !sc.failed && !failed;
    }
    memcpy(c.out + c.out_len, c.in + c.copied, len - c.copied);
    c.out_len += len - c.copied;
    c.out[c.out_len] = '\0';
    p->cut = c.out;
    p->cut_len = c.out_len;
    return true;
}

/* ---- the parse ---------------------------------------------------------- */

static void limits_or_defaults(const parse_limits *limits, builder *b) {
    parse_limits none = {0};
    if (!limits)
        limits = &none;
    b->max_depth = limits->max_depth ? limits->max_depth : LEDE_MAX_DEPTH;
    if (b->max_depth > UINT16_MAX - 1)
        b->max_depth = UINT16_MAX - 1;
    size_t nodes = limits->max_nodes ? limits->max_nodes : LEDE_MAX_NODES;
    b->max_nodes = nodes < 2 ? 2 : nodes > UINT32_MAX - 1 ? UINT32_MAX - 1 : (uint32_t)nodes;
    b->max_attrs = limits->max_attrs ? limits->max_attrs : LEDE_MAX_ATTRS;
    if (b->max_attrs > UINT16_MAX)
        b->max_attrs = UINT16_MAX;
    b->max_attr_len = limits->max_attr_len ? limits->max_attr_len : LEDE_MAX_ATTR_LEN;
    b->reveal_hidden = limits->reveal_hidden;
}

/* Run libxml2 over UTF8 with B receiving the events. */
static lede_status run_parser(const char *utf8, size_t len, builder *b) {
    htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(utf8, (int)len);
    if (!ctxt)
        return LEDE_ERR_NOMEM;
    htmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.startElement = on_start;
    sax.endElement = on_end;
    sax.characters = on_text;
    sax.ignorableWhitespace = on_text;
    sax.cdataBlock = on_text;
    htmlSAXHandlerPtr saved_sax = ctxt->sax;
    ctxt->sax = &sax;
    ctxt->userData = b;
    /* The bytes are UTF-8 already (decode.c); a <meta charset> in the page
     * must not make libxml2 switch to another encoding half way. */
    xmlCharEncodingHandlerPtr utf8_handler = xmlFindCharEncodingHandler("UTF-8");
    if (utf8_handler)
        xmlSwitchToEncoding(ctxt, utf8_handler);
    if (ctxt->input->encoding)
        xmlFree((xmlChar *)ctxt->input->encoding);
    ctxt->input->encoding = xmlStrdup((const xmlChar *)"UTF-8");
    htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                 HTML_PARSE_NONET | HTML_PARSE_NOIMPLIED);
    /* after the options, which clear the error handler for NOERROR: errors
     * are not printed, but each is a repair to count */
    sax.error = on_repair;
    b->ctxt = ctxt;
    htmlParseDocument(ctxt);
    /* a cut libxml2 read past without opening its element (a stop for a
     * bound before it is no matter: the tree ends there either way) */
    if (b->cuts && b->cuts_confirmed < b->cuts->count &&
        (!b->stopped || b->stop_offset > b->cuts->at[b->cuts_confirmed]))
        b->cuts_wrong = true;
    b->ctxt = NULL;
    ctxt->sax = saved_sax;
    if (ctxt->myDoc)
        xmlFreeDoc(ctxt->myDoc);
    htmlFreeParserCtxt(ctxt);
    return LEDE_OK;
}

/* Whether the input's last byte but whitespace is not the end of a tag. */
static bool ends_in_text(const char *s, size_t len) {
    while (len && is_space((unsigned char)s[len - 1]))
        len--;
    return len && s[len - 1] != '>';
}

/* Parse MARKUP (LEN bytes; the bodies at CUTS cut out of it, or CUTS NULL)
 * into DOC; *CUTS_WRONG when libxml2 did not confirm the cuts, and then DOC
 * is to be thrown away. On failure DOC is freed. */
static lede_status build_tree(const char *markup, size_t len, const parse_limits *limits,
                              const raw_text_cuts *cuts, document *doc, bool *cuts_wrong) {
    *doc = (document){0};
    arena_init(&doc->mem);
    builder b = {.doc = doc, .cuts = cuts};
    limits_or_defaults(limits, &b);
    buf_init(&b.title);
    doc->root = new_node(&b, TAG_ROOT);
    if (!doc->root) {
        document_free(doc);
        return LEDE_ERR_NOMEM;
    }
    b.cur = doc->root;
    lede_status st = run_parser(markup, len, &b);
    close_open_elements(&b);
    buf_free(&b.title);
    free(b.phantoms);
    *cuts_wrong = b.cuts_wrong;
    if (st == LEDE_OK && b.failed)
        st = LEDE_ERR_NOMEM;
    if (st == LEDE_OK && !doc->text && !text_reserve(doc, 0))
        st = LEDE_ERR_NOMEM;
    if (st != LEDE_OK)
        document_free(doc);
    return st;
}

lede_status parse_html_limited(const char *utf8, size_t len, const parse_limits *limits,
                               document *doc) {
    pthread_once(&parser_once, parser_init);
    if (len > INT_MAX)
        return LEDE_ERR_TOO_LARGE;
    builder bounds = {0};
    limits_or_defaults(limits, &bounds);
    bool keep_raw_text = limits && limits->keep_raw_text;
    prepared_markup p = {0};
    if (!prepare_markup(utf8, len, bounds.max_attrs, !keep_raw_text, &p)) {
        prepared_free(&p);
        return LEDE_ERR_NOMEM;
    }
    const char *markup = p.limited ? p.limited : utf8;
    bool cuts_wrong = false;
    lede_status st = build_tree(p.cut ? p.cut : markup, p.cut ? p.cut_len : len, limits,
                                p.cut ? &p.cuts : NULL, doc, &cuts_wrong);
    if (st == LEDE_OK && cuts_wrong) {
        document_free(doc);
        st = build_tree(markup, len, limits, NULL, doc, &cuts_wrong);
    } else if (st == LEDE_OK && p.cut) {
        doc->raw_text_cut = len - p.cut_len;
    }
    bool limited = p.limited != NULL;
    prepared_free(&p);
    if (st != LEDE_OK)
        return st;
    if (limited)
        doc->truncated |= LEDE_TRUNCATED_ATTRS;
    doc->cut_off = ends_in_text(utf8, len);
    return LEDE_OK;
}

lede_status parse_html(const char *utf8, size_t len, unsigned max_depth, document *doc) {
    parse_limits limits = {.max_depth = max_depth};
    return parse_html_limited(utf8, len, &limits, doc);
}
