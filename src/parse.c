/*
 * parse.c — libxml2's HTML parser driven through SAX into lede's own tree.
 *
 * libxml2 does all of the tokenizing, entity decoding and the repairs of tag
 * nesting that browsers do (implied </p>, stray end tags, unclosed elements);
 * it reports the repaired structure as start/end events, and this file turns
 * them into nodes. Building libxml2's own tree (xmlDoc) would cost more than
 * the rest of lede together, so it is never built. What libxml2 would read
 * a character at a time for nothing, or hand over as it is, it does not
 * read at all: markup.c leaves it out of the copy libxml2 parses (bodies
 * of scripts, styles, icons and comments; plain attributes whole; plain
 * text, for a mark), and the builder confirms each cut and puts attributes
 * and text back from the page itself.
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
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ascii.h"
#include "buf.h"
#include "nfc.h"
#include "lede_limits.h"
#include "markup.h"
#include "utf8.h"

/* What one repair of misnested markup costs libxml2 besides the scan of its
 * stack: formatting and storing the error it reports, about 100 steps of
 * the scan (measured: 10 million unmatched end tags take 2.8 s). */
#define REPAIR_BASE_COST 100u

/* The bytes of text libxml2 hands over at most in one piece, but for the
 * character that fills them (HTML_PARSER_BIG_BUFFER_SIZE in its
 * HTMLparser.c, not in its headers). */
#define LIBXML_TEXT_PIECE 1000u

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
    /* The attributes, text and comments taken out of the markup (see
     * taken_markup), the markup they were taken from, and how many tags,
     * runs and comments libxml2 has confirmed. */
    const taken_markup *taken;
    const char *given;
    size_t tags_confirmed, runs_confirmed, comments_confirmed;
    /* where libxml2 was at the latest start tag (SIZE_MAX: none yet):
     * where it implied a <p> for a blank run's mark, if it did */
    size_t opened_at;
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

/* libxml2 read the markup otherwise than prepare_markup() did: the tree
 * is thrown away and the markup parsed whole. */
static void cuts_were_wrong(builder *b) {
    b->cuts_wrong = true;
    stop_parser(b, 0);
}

/* Called at each start tag NAME: the attributes taken out of it, when it is
 * the next tag noted, else NULL. It is when libxml2 is at its '>' (or the
 * "/>" ending at it) and the names agree; having passed the tag, or
 * reached its '>' with another name, means libxml2 read it otherwise. */
static const taken_tag *confirm_taken(builder *b, const char *name) {
    const taken_markup *t = b->taken;
    if (!t || !b->ctxt || b->tags_confirmed >= t->tag_count)
        return NULL;
    const taken_tag *next = &t->tags[b->tags_confirmed];
    size_t here = parser_offset(b->ctxt);
    const xmlChar *cur = b->ctxt->input->cur;
    bool at_gt = (here == next->gt && cur[0] == '>') ||
                 (here + 1 == next->gt && cur[0] == '/' && cur[1] == '>');
    if (at_gt && strlen(name) == next->name_len &&
        strncasecmp(b->given + next->name, name, next->name_len) == 0) {
        b->tags_confirmed++;
        return next;
    }
    if (here >= next->gt)
        cuts_were_wrong(b);
    return NULL;
}

/* Copy attribute I of N, NAME (NAME_LEN bytes) with VALUE (VALUE_LEN
 * bytes; NULL: none), into N, cut to the bound, and note it in H. */
static bool copy_attr(builder *b, node *n, unsigned i, const char *name, size_t name_len,
                      const char *value, size_t value_len, hiding_attrs *h) {
    if (!value)
        value = "";
    if (value_len > b->max_attr_len) {
        value_len = utf8_cut(value, b->max_attr_len);
        b->doc->truncated |= LEDE_TRUNCATED_ATTRS;
    }
    char *lower = arena_alloc(&b->doc->mem, name_len + 1);
    n->attrs[i].name = lower;
    n->attrs[i].value = arena_strndup(&b->doc->mem, value, value_len);
    if (!lower || !n->attrs[i].value)
        return false;
    /* libxml2 lowercases the names it reads; the names taken are as given */
    for (size_t k = 0; k < name_len; k++)
        lower[k] = ascii_lower(name[k]);
    lower[name_len] = '\0';
    note_attr(n, h, lower, n->attrs[i].value);
    return true;
}

/* Copy the attributes of the start tag whose attributes TAKEN were taken
 * out of the markup, with those left to libxml2, which it reports as ATTS,
 * into N, in the order of the tag. ATTS must be exactly those left, by name
 * and in order: else libxml2 read the tag otherwise (cuts_were_wrong()). */
static bool copy_taken_attrs(builder *b, node *n, const xmlChar **atts, const taken_tag *taken,
                             hiding_attrs *h) {
    /* a tag past the bound on attributes is never taken (prepare_markup()) */
    unsigned count = (unsigned)taken->count, reported = 0;
    n->attrs = arena_alloc(&b->doc->mem, count * sizeof(attr));
    if (!n->attrs)
        return false;
    for (unsigned i = 0; i < count; i++) {
        const taken_attr *a = &b->taken->attrs[taken->first + i];
        const char *name = b->given + a->name;
        if (!a->left) {
            const char *value = a->value ? b->given + a->value : NULL;
            size_t value_len = a->value_len;
            if (a->refs) {
                char *decoded = arena_alloc(&b->doc->mem, value_len);
                if (!decoded)
                    return false;
                value_len = markup_value_decode(value, value_len, decoded);
                value = decoded;
            }
            if (!copy_attr(b, n, i, name, a->name_len, value, value_len, h))
                return false;
            continue;
        }
        const char *seen = atts ? (const char *)atts[2 * reported] : NULL;
        if (!seen || strlen(seen) != a->name_len || strncasecmp(seen, name, a->name_len) != 0) {
            cuts_were_wrong(b);
            return true;
        }
        const char *value = (const char *)atts[2 * reported + 1];
        if (!copy_attr(b, n, i, seen, a->name_len, value, value ? strlen(value) : 0, h))
            return false;
        reported++;
    }
    if (atts && atts[2 * reported]) {
        cuts_were_wrong(b);
        return true;
    }
    n->attr_count = (uint16_t)count;
    return true;
}

/* Copy the attributes libxml2 reports, ATTS, into N; those taken out of
 * its tag (TAKEN, or NULL) put back. */
static bool copy_attrs(builder *b, node *n, const xmlChar **atts, const taken_tag *taken,
                       hiding_attrs *h) {
    if (taken)
        return copy_taken_attrs(b, n, atts, taken, h);
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
        const char *name = (const char *)atts[2 * i], *value = (const char *)atts[2 * i + 1];
        if (!copy_attr(b, n, i, name, strlen(name), value, value ? strlen(value) : 0, h))
            return false;
    }
    n->attr_count = (uint16_t)count;
    return true;
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

/* Whether text arriving now is stored: not under a <script>, <style> or
 * other K_SKIP element (but for a JSON-LD script's), unless it is the
 * page's <title>. */
static bool text_is_kept(const builder *b) {
    return b->in_title || !b->skip || (b->cur->flags & (NODE_KEEP_TEXT | NODE_TEX));
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
    const taken_tag *taken = confirm_taken(b, (const char *)name);
    b->opened_at = b->ctxt ? parser_offset(b->ctxt) : SIZE_MAX;
    if (b->stopped)
        return;
    if (b->cur->depth >= b->max_depth) {
        b->overflow++;
        b->doc->truncated |= LEDE_TRUNCATED_DEPTH;
        if (b->cuts) /* its text goes where the text before it went */
            confirm_cuts(b, t, text_is_kept(b));
        return;
    }
    node *n = new_node(b, t);
    if (!n)
        return;
    hiding_attrs hiding = {0};
    if (!copy_attrs(b, n, atts, taken, &hiding)) {
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

/* Whether libxml2 reads raw text now: the body of a script or style, the
 * only elements it reads so (htmlParseScript()). */
static bool reads_raw_text(const htmlParserCtxtPtr ctxt) {
    const char *name = (const char *)ctxt->name;
    return name && (strcmp(name, "script") == 0 || strcmp(name, "style") == 0);
}

/* Called at each piece of text: the run taken out of the markup (see
 * taken_run) when CH is the mark alone and libxml2 is at the '<' after the
 * next run's, else NULL; a run passed, or reached with other text, means
 * libxml2 read the markup otherwise. */
static const taken_run *confirm_run(builder *b, const xmlChar *ch, int len) {
    const taken_markup *t = b->taken;
    if (!b->ctxt || b->stopped || b->runs_confirmed >= t->run_count)
        return NULL;
    const taken_run *next = &t->runs[b->runs_confirmed];
    size_t here = parser_offset(b->ctxt);
    if (here == next->lt && len == 1 && ch[0] == TAKEN_TEXT_MARK &&
        !(next->blank && b->opened_at == here) && (!next->raw || reads_raw_text(b->ctxt))) {
        b->runs_confirmed++;
        return next;
    }
    if (here >= next->lt)
        cuts_were_wrong(b);
    return NULL;
}

static void take_text(builder *b, const xmlChar *ch, int len);

/* Called at each comment: the next one whose body went (taken_markup's
 * comments) is confirmed when libxml2 reports it empty and just past its
 * "-->"; having passed it means libxml2 read the markup otherwise. */
static void on_comment(void *ctx, const xmlChar *value) {
    builder *b = ctx;
    const taken_markup *t = b->taken;
    if (!t || !b->ctxt || b->stopped || b->comments_confirmed >= t->comment_count)
        return;
    size_t here = parser_offset(b->ctxt), next = t->comments[b->comments_confirmed];
    if (here == next && value && value[0] == '\0')
        b->comments_confirmed++;
    else if (here >= next)
        cuts_were_wrong(b);
}

/* libxml2 hands text over in pieces of its buffer's size, cut after the
 * character that fills it: RUN goes to take_text() in the same pieces, so
 * that what is done a piece at a time (NFC) is done alike. */
static void hand_run_over(builder *b, const taken_run *run) {
    const char *s = b->given + run->at;
    size_t done = 0;
    while (done < run->len) {
        size_t end = done + LIBXML_TEXT_PIECE;
        if (end >= run->len) {
            end = run->len;
        } else {
            while (end < run->len && ((unsigned char)s[end] & 0xC0) == 0x80)
                end++;
        }
        take_text(b, (const xmlChar *)s + done, (int)(end - done));
        done = end;
    }
}

static void on_text(void *ctx, const xmlChar *ch, int len) {
    builder *b = ctx;
    const taken_run *run = b->taken ? confirm_run(b, ch, len) : NULL;
    if (run)
        hand_run_over(b, run);
    else
        take_text(b, ch, len);
}

/* Store the text CH (LEN bytes) libxml2 hands over, where it is kept, as
 * NFC (nfc.h): a run that needs it is normalised before it is stored, so
 * that every stage and every output sees one form. Text that is dropped
 * (scripts and styles, often most of a page's bytes) is not looked at. */
static void take_text(builder *b, const xmlChar *ch, int len) {
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
    sax.comment = on_comment;
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
    if (b->taken && b->tags_confirmed < b->taken->tag_count &&
        (!b->stopped || b->stop_offset > b->taken->tags[b->tags_confirmed].gt))
        b->cuts_wrong = true;
    if (b->taken && b->runs_confirmed < b->taken->run_count &&
        (!b->stopped || b->stop_offset > b->taken->runs[b->runs_confirmed].lt))
        b->cuts_wrong = true;
    if (b->taken && b->comments_confirmed < b->taken->comment_count &&
        (!b->stopped || b->stop_offset > b->taken->comments[b->comments_confirmed]))
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

/* Parse MARKUP (LEN bytes) into DOC: the markup as given, or, with P, P's
 * cut copy of GIVEN; *CUTS_WRONG when libxml2 did not confirm the cuts,
 * and then DOC is to be thrown away. On failure DOC is freed. */
static lede_status build_tree(const char *markup, size_t len, const parse_limits *limits,
                              const prepared_markup *p, const char *given, document *doc,
                              bool *cuts_wrong) {
    *doc = (document){0};
    arena_init(&doc->mem);
    builder b = {.doc = doc,
                 .opened_at = SIZE_MAX,
                 .cuts = p ? &p->cuts : NULL,
                 .taken = p ? &p->taken : NULL,
                 .given = given};
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

/* Parse UTF8 (LEN bytes) into DOC with the markup cut before libxml2
 * reads it (CUT), or whole: then only the attributes past the bound are
 * blanked, by a pass that reads every tag, cut bodies included.
 * *CUTS_WRONG as for build_tree(). */
static lede_status parse_markup(const char *utf8, size_t len, const parse_limits *limits,
                                bool cut, document *doc, bool *cuts_wrong) {
    builder bounds = {0};
    limits_or_defaults(limits, &bounds);
    prepared_markup p = {0};
    if (!prepare_markup(utf8, len, bounds.max_attrs, cut, &p)) {
        prepared_free(&p);
        return LEDE_ERR_NOMEM;
    }
    const char *markup = p.limited ? p.limited : utf8;
    lede_status st = build_tree(p.cut ? p.cut : markup, p.cut ? p.cut_len : len, limits,
                                p.cut ? &p : NULL, utf8, doc, cuts_wrong);
    if (st == LEDE_OK && !*cuts_wrong) {
        doc->raw_text_cut = p.bodies_cut;
        doc->attrs_cut = p.attrs_cut;
        doc->text_cut = p.text_cut;
        doc->comments_cut = p.comments_cut;
        if (p.limited)
            doc->truncated |= LEDE_TRUNCATED_ATTRS;
    }
    prepared_free(&p);
    return st;
}

lede_status parse_html_limited(const char *utf8, size_t len, const parse_limits *limits,
                               document *doc) {
    pthread_once(&parser_once, parser_init);
    if (len > INT_MAX)
        return LEDE_ERR_TOO_LARGE;
    bool cut = !(limits && limits->keep_raw_text), cuts_wrong = false;
    lede_status st = parse_markup(utf8, len, limits, cut, doc, &cuts_wrong);
    if (st == LEDE_OK && cuts_wrong) {
        document_free(doc);
        st = parse_markup(utf8, len, limits, false, doc, &cuts_wrong);
    }
    if (st != LEDE_OK)
        return st;
    doc->cut_off = ends_in_text(utf8, len);
    return LEDE_OK;
}

lede_status parse_html(const char *utf8, size_t len, unsigned max_depth, document *doc) {
    parse_limits limits = {.max_depth = max_depth};
    return parse_html_limited(utf8, len, &limits, doc);
}
