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
 */
#include "parse.h"

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "vocab.h"
#include "lede_limits.h"

typedef struct builder {
    document *doc;
    node *cur;
    unsigned max_depth;
    unsigned overflow; /* open elements not made into nodes (too deep) */
    unsigned skip;     /* open K_SKIP elements: their text is not stored */
    unsigned links;    /* open <a> elements */
    unsigned in_svg;   /* open <svg> elements */
    node *last_text;   /* the text node that received the latest characters */
    bool in_title;
    bool failed;
    buf title;
} builder;

static pthread_once_t parser_once = PTHREAD_ONCE_INIT;

static void parser_init(void) {
    xmlInitParser();
}

static bool is_space(unsigned char c) {
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
}

/* Whether a style attribute hides its element. */
static bool style_hides(const char *style) {
    for (const char *s = style; *s; s++) {
        if (strncasecmp(s, "display", 7) == 0 || strncasecmp(s, "visibility", 10) == 0) {
            const char *v = strchr(s, ':');
            if (!v)
                return false;
            v++;
            while (is_space((unsigned char)*v))
                v++;
            if (strncasecmp(v, "none", 4) == 0 || strncasecmp(v, "hidden", 6) == 0)
                return true;
            s = v - 1;
        }
    }
    return false;
}

static bool attrs_hide(const node *n) {
    if (node_attr(n, "hidden"))
        return true;
    const char *aria = node_attr(n, "aria-hidden");
    if (aria && strcasecmp(aria, "true") == 0)
        return true;
    const char *style = node_attr(n, "style");
    return style && style_hides(style);
}

static bool copy_attrs(builder *b, node *n, const xmlChar **atts) {
    if (!atts)
        return true;
    unsigned count = 0;
    while (atts[2 * count] && count < LEDE_MAX_ATTRS)
        count++;
    if (!count)
        return true;
    n->attrs = arena_alloc(&b->doc->mem, count * sizeof(attr));
    if (!n->attrs)
        return false;
    for (unsigned i = 0; i < count; i++) {
        const char *name = (const char *)atts[2 * i];
        const char *value = atts[2 * i + 1] ? (const char *)atts[2 * i + 1] : "";
        n->attrs[i].name = arena_strdup(&b->doc->mem, name);
        n->attrs[i].value = arena_strdup(&b->doc->mem, value);
        if (!n->attrs[i].name || !n->attrs[i].value)
            return false;
        if (strcmp(name, "id") == 0)
            n->id = n->attrs[i].value;
        else if (strcmp(name, "class") == 0)
            n->cls = n->attrs[i].value;
    }
    n->attr_count = (uint16_t)count;
    return true;
}

static node *new_node(builder *b, enum tag t) {
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

static void on_start(void *ctx, const xmlChar *name, const xmlChar **atts) {
    builder *b = ctx;
    if (b->failed)
        return;
    if (b->cur->depth >= b->max_depth) {
        b->overflow++;
        return;
    }
    enum tag t = tag_lookup((const char *)name);
    node *n = new_node(b, t);
    if (!n)
        return;
    if (!copy_attrs(b, n, atts)) {
        b->failed = true;
        return;
    }
    append_child(b->cur, n);
    b->cur = n;
    n->vocab = (uint8_t)vocab_classify(n);
    if (attrs_hide(n))
        n->flags |= NODE_HIDDEN;
    if (t == TAG_SCRIPT && keeps_script_text(n))
        n->flags |= NODE_KEEP_TEXT;
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
static bool ends_in_ellipsis(const document *d) {
    size_t end = d->text_len;
    while (end > 0 && is_space((unsigned char)d->text[end - 1]))
        end--;
    const char *t = d->text;
    if (end >= 2 && t[end - 1] == ']')
        end--; /* "[…]" */
    return end >= 3 && (memcmp(t + end - 3, "\xE2\x80\xA6", 3) == 0 || memcmp(t + end - 3, "...", 3) == 0);
}

static void add_sums(node *to, const node *from) {
    to->text_chars += from->text_chars;
    to->link_chars += from->link_chars;
    to->commas += from->commas;
}

static void on_end(void *ctx, const xmlChar *name) {
    builder *b = ctx;
    (void)name;
    if (b->failed)
        return;
    if (b->overflow) {
        b->overflow--;
        return;
    }
    node *n = b->cur;
    if (n == b->doc->root)
        return;
    enum tag t = (enum tag)n->tag;
    if (tag_kind(t) == K_SKIP && b->skip)
        b->skip--;
    if (t == TAG_SVG && b->in_svg)
        b->in_svg--;
    if (t == TAG_A) {
        if (b->links)
            b->links--;
        n->link_chars = n->text_chars;
    }
    if (t == TAG_TITLE && b->in_title) {
        b->in_title = false;
        char *title = buf_take(&b->title);
        /* an empty <title></title> is no title: a later one may say more */
        if (title && title[strspn(title, " \t\r\n")])
            b->doc->title_text = arena_strdup(&b->doc->mem, title);
        free(title);
    }
    if (b->last_text && b->last_text->order > n->order && ends_in_ellipsis(b->doc))
        n->flags |= NODE_ELLIPSIS;
    if (!(n->flags & NODE_HIDDEN) && tag_kind(t) != K_SKIP)
        add_sums(n->parent, n);
    if (tag_kind(t) == K_BLOCK || t == TAG_IMG || (n->flags & NODE_HAS_BLOCK))
        n->parent->flags |= NODE_HAS_BLOCK;
    b->cur = n->parent;
}

/* Code points in S, counting each whitespace run as one; PREV_SPACE says
 * whether the text before S ended in whitespace. */
static uint32_t count_chars(const unsigned char *s, size_t len, bool prev_space,
                            uint32_t *commas) {
    uint32_t count = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = s[i];
        if ((c & 0xC0) == 0x80)
            continue;
        bool space = is_space(c);
        if (!(space && prev_space))
            count++;
        prev_space = space;
        if (c == ',')
            (*commas)++;
        /* U+FF0C fullwidth comma and U+3001 ideographic comma */
        else if (i + 2 < len && ((c == 0xEF && s[i + 1] == 0xBC && s[i + 2] == 0x8C) ||
                                 (c == 0xE3 && s[i + 1] == 0x80 && s[i + 2] == 0x81)))
            (*commas)++;
    }
    return count;
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

static void on_text(void *ctx, const xmlChar *ch, int len) {
    builder *b = ctx;
    if (b->failed || len <= 0)
        return;
    if (b->in_title) {
        buf_append(&b->title, (const char *)ch, (size_t)len);
        return;
    }
    node *parent = b->cur;
    if (b->skip && !(parent->flags & NODE_KEEP_TEXT))
        return;
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

static void close_open_elements(builder *b) {
    while (b->cur && b->cur != b->doc->root)
        on_end(b, NULL);
}

lede_status parse_html(const char *utf8, size_t len, unsigned max_depth, document *doc) {
    pthread_once(&parser_once, parser_init);
    if (len > INT_MAX)
        return LEDE_ERR_TOO_LARGE;
    arena_init(&doc->mem);
    builder b = {.doc = doc, .max_depth = max_depth ? max_depth : LEDE_MAX_DEPTH};
    buf_init(&b.title);
    if (b.max_depth > UINT16_MAX - 1)
        b.max_depth = UINT16_MAX - 1;
    doc->root = new_node(&b, TAG_ROOT);
    if (!doc->root) {
        document_free(doc);
        return LEDE_ERR_NOMEM;
    }
    b.cur = doc->root;

    htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(utf8, (int)len);
    if (!ctxt) {
        document_free(doc);
        return LEDE_ERR_NOMEM;
    }
    htmlSAXHandler sax;
    memset(&sax, 0, sizeof sax);
    sax.startElement = on_start;
    sax.endElement = on_end;
    sax.characters = on_text;
    sax.ignorableWhitespace = on_text;
    sax.cdataBlock = on_text;
    htmlSAXHandlerPtr saved_sax = ctxt->sax;
    ctxt->sax = &sax;
    ctxt->userData = &b;
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
    htmlParseDocument(ctxt);
    ctxt->sax = saved_sax;
    if (ctxt->myDoc)
        xmlFreeDoc(ctxt->myDoc);
    htmlFreeParserCtxt(ctxt);

    close_open_elements(&b);
    buf_free(&b.title);
    if (b.failed) {
        document_free(doc);
        return LEDE_ERR_NOMEM;
    }
    if (!doc->text && !text_reserve(doc, 0)) {
        document_free(doc);
        return LEDE_ERR_NOMEM;
    }
    return LEDE_OK;
}
