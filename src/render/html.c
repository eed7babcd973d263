/*
 * html.c — the article as clean HTML: <article> holding the subtrees with
 * only semantic tags and the attributes href, src, alt (colspan and rowspan
 * on cells).
 *
 * Presentational wrappers (div, span, section, font, unknown elements, ...)
 * are unwrapped: their content stays, their tags go. Unwrapping a div must
 * not glue the text of two divs together, so an unwrapped block still ends
 * the run of text before it: directly in <article> or <blockquote> a run of
 * loose text (a div's own text, text between blocks) is wrapped in an
 * implicit <p>; inside list items, cells and other containers the runs are
 * separated by <br>. The same rules give the same paragraphs as text.c.
 *
 * Output is always well nested: a kept block element inside phrasing content
 * (a <p> inside <a>, a <ul> inside <h2>) is unwrapped like a div, so no <p>
 * ever holds a block. Whitespace runs collapse to one space and whitespace
 * that only separates blocks is dropped, except in blocks of code. Links whose
 * href runs script (javascript:, vbscript:, data:) lose their tag and keep
 * their text; an <a> without href is unwrapped too.
 *
 * The start tag of a kept block waits until content arrives inside it, so
 * blocks left empty by cleaning (<p></p>, an <li> whose link was removed)
 * write nothing; table parts are written at once to keep rows and columns.
 *
 * A block of code (a <pre>, or code a page shows as a block without one:
 * code.h) is written <pre><code>, with class="language-x" when code.h
 * finds its language, as the Markdown output fences it: its text as the
 * page has it, less leading blank lines, trailing whitespace and the
 * source's indentation code.h says all its lines share; a block inside it
 * starts a line; tags other than kept inline ones are dropped. Blocks of
 * code with nothing between them are one <pre>.
 *
 * Every element entered pushes one byte on a stack (a buf, so growing it is
 * amortised O(1)) recording what its start tag did and which context its
 * content is in; its end tag pops it. That keeps start and end in agreement
 * however the context changed in between, without recursion.
 */
#include <stddef.h>
#include <string.h>

#include "buf.h"
#include "code.h"
#include "render.h"
#include "walk.h"

/* What an element's content is: how a boundary between two runs of text
 * inside it is written. */
enum html_ctx {
    CTX_FLOW_P,  /* runs become implicit <p> (article, blockquote) */
    CTX_FLOW_BR, /* runs are separated by <br> (li, td, dd, ...) */
    CTX_PHRASING /* text only: <br> between runs, blocks unwrapped */
};

/* What an element's start tag did. */
enum html_act {
    ACT_NONE,   /* dropped inline wrapper: nothing written */
    ACT_UNWRAP, /* dropped block: a boundary on both sides */
    ACT_BLOCK,  /* kept block element */
    ACT_INLINE  /* kept inline element */
};

#define STACK_BYTE(act, ctx) ((char)((act) | ((ctx) << 2)))
#define STACK_ACT(b) ((enum html_act)((unsigned char)(b) & 3u))
#define STACK_CTX(b) ((enum html_ctx)((unsigned char)(b) >> 2))

/* The most <br> written for consecutive <br>s: more are spacing, not text. */
enum { MAX_BREAKS = 2 };

typedef struct html_out {
    const document *doc;
    buf out;
    buf stack;         /* one byte per open element, see STACK_BYTE */
    buf waiting;       /* kept blocks (const node *) whose start tag waits */
    buf link;          /* a link target being resolved */
    buf code_space;    /* whitespace in the listing, held until content follows */
    code_cache code;   /* what code.h learnt of the parent of the last <code> */
    const node *listing; /* the block of code being written, or NULL */
    const node *joined;  /* the block of code that continues the open listing */
    const node *muted;   /* a listing's line number: not written */
    size_t dedent;       /* the source's indentation to drop from the listing's lines */
    bool listing_open;   /* its <pre><code> is written */
    unsigned links;    /* open kept <a>: no link inside a link */
    bool implicit_p;   /* an implicit <p> is open */
    bool inline_open;  /* text was written since the last boundary */
    bool boundary;     /* a dropped block ended the run before */
    bool space;        /* collapsed whitespace waits for more text */
    unsigned breaks;   /* <br>s wait for more text */
} html_out;

static enum html_ctx context(const html_out *h) {
    return h->stack.len ? STACK_CTX(h->stack.data[h->stack.len - 1]) : CTX_FLOW_P;
}

/* Append S escaped for text and attribute values alike. */
static void put_escaped(buf *out, const char *s, size_t len) {
    size_t start = 0;
    for (size_t i = 0; i < len; i++) {
        const char *rep;
        switch (s[i]) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        default: continue;
        }
        buf_append(out, s + start, i - start);
        buf_puts(out, rep);
        start = i + 1;
    }
    buf_append(out, s + start, len - start);
}

static void put_attr(buf *out, const char *name, const char *value) {
    buf_putc(out, ' ');
    buf_puts(out, name);
    buf_append(out, "=\"", 2);
    put_escaped(out, value, strlen(value));
    buf_putc(out, '"');
}

/* An href or src, made absolute against the page's base URL when known. */
static void put_url_attr(html_out *h, const char *name, const char *url) {
    size_t len;
    const char *target = walk_link_target(h->doc, url, &h->link, &len);
    buf_putc(&h->out, ' ');
    buf_puts(&h->out, name);
    buf_append(&h->out, "=\"", 2);
    put_escaped(&h->out, target, len);
    buf_putc(&h->out, '"');
}

static bool all_digits(const char *s) {
    if (!*s)
        return false;
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return false;
    return true;
}

/* The tags kept, by what they are; every other element is unwrapped. */
static bool kept_block(enum tag t) {
    switch (t) {
    case TAG_P: case TAG_H1: case TAG_H2: case TAG_H3: case TAG_H4: case TAG_H5:
    case TAG_H6: case TAG_UL: case TAG_OL: case TAG_LI: case TAG_BLOCKQUOTE:
    case TAG_FIGURE: case TAG_FIGCAPTION: case TAG_TABLE:
    case TAG_CAPTION: case TAG_THEAD: case TAG_TBODY: case TAG_TFOOT: case TAG_TR:
    case TAG_TH: case TAG_TD: case TAG_DL: case TAG_DT: case TAG_DD:
        return true;
    default:
        return false;
    }
}

static bool kept_inline(enum tag t) {
    switch (t) {
    case TAG_A: case TAG_CODE: case TAG_EM: case TAG_STRONG: case TAG_B: case TAG_I:
    case TAG_SUP: case TAG_SUB: case TAG_Q: case TAG_CITE: case TAG_ABBR:
    case TAG_TIME: case TAG_DEL: case TAG_INS: case TAG_MARK: case TAG_SMALL:
    case TAG_S: case TAG_U:
        return true;
    default:
        return false;
    }
}

/* The context inside a kept block. */
static enum html_ctx block_ctx(enum tag t) {
    switch (t) {
    case TAG_BLOCKQUOTE: return CTX_FLOW_P;
    case TAG_P: case TAG_H1: case TAG_H2: case TAG_H3: case TAG_H4: case TAG_H5:
    case TAG_H6: case TAG_DT: case TAG_CAPTION:
        return CTX_PHRASING;
    default:
        return CTX_FLOW_BR;
    }
}

/* Blocks whose start tag is followed by a newline: they hold blocks. */
static bool holds_blocks(enum tag t) {
    switch (t) {
    case TAG_UL: case TAG_OL: case TAG_DL: case TAG_BLOCKQUOTE: case TAG_FIGURE:
    case TAG_TABLE: case TAG_THEAD: case TAG_TBODY: case TAG_TFOOT: case TAG_TR:
        return true;
    default:
        return false;
    }
}

static const char *link_href(const node *n) {
    const char *href = node_attr(n, "href");
    return href && !walk_url_is_script(href) ? href : NULL;
}

static void start_tag(html_out *h, const node *n);

/* Write the start tags that wait, outermost first. */
static void write_waiting(html_out *h) {
    const node *const *waiting = (const node *const *)(const void *)h->waiting.data;
    size_t count = h->waiting.len / sizeof *waiting;
    for (size_t i = 0; i < count; i++) {
        start_tag(h, waiting[i]);
        if (holds_blocks((enum tag)waiting[i]->tag))
            buf_putc(&h->out, '\n');
    }
    h->waiting.len = 0;
    /* The run before ended with the start tags. */
    h->inline_open = h->boundary = h->space = false;
    h->breaks = 0;
}

/* Whether the start tag of N still waits; if so it is dropped. */
static bool drop_waiting(html_out *h, const node *n) {
    const node *last;
    if (h->waiting.len < sizeof last)
        return false;
    memcpy(&last, h->waiting.data + h->waiting.len - sizeof last, sizeof last);
    if (last != n)
        return false;
    h->waiting.len -= sizeof last;
    return true;
}

/* Table parts: written even when empty, to keep rows and columns. */
static bool written_at_once(enum tag t) {
    return t == TAG_TABLE || t == TAG_THEAD || t == TAG_TBODY || t == TAG_TFOOT ||
           t == TAG_TR || t == TAG_TD || t == TAG_TH;
}

/* Before inline content: open an implicit <p> or write what separates this
 * run from the one before. A start tag is not text yet: a block right
 * inside it is no boundary after text. */
static void inline_start(html_out *h, bool text) {
    if (h->waiting.len)
        write_waiting(h);
    unsigned breaks = h->breaks;
    if (h->boundary && breaks == 0)
        breaks = 1;
    if (context(h) == CTX_FLOW_P && !h->implicit_p) {
        buf_append(&h->out, "<p>", 3);
        h->implicit_p = true;
    } else if (breaks) {
        for (unsigned i = 0; i < breaks; i++)
            buf_append(&h->out, "<br>", 4);
        if (h->boundary)
            buf_putc(&h->out, '\n');
    } else if (h->space) {
        buf_putc(&h->out, ' ');
    }
    h->boundary = h->space = false;
    h->breaks = 0;
    h->inline_open |= text;
}

/* A block starts or ends: the run of text before it is over. */
static void end_run(html_out *h, bool kept) {
    /* Inside an inline element the implicit <p> around it stays open. */
    if (h->implicit_p && context(h) == CTX_FLOW_P) {
        buf_append(&h->out, "</p>\n", 5);
        h->implicit_p = false;
        h->inline_open = false;
    }
    h->boundary = !kept && h->inline_open;
    if (kept)
        h->inline_open = false;
    h->space = false;
    h->breaks = 0;
}

static void put_text(html_out *h, const node *n) {
    const char *s = node_text(h->doc, n);
    size_t len = n->text_len, i = 0;
    while (i < len) {
        if (walk_is_space((unsigned char)s[i])) {
            while (i < len && walk_is_space((unsigned char)s[i]))
                i++;
            if (h->inline_open)
                h->space = true;
            continue;
        }
        size_t start = i;
        while (i < len && !walk_is_space((unsigned char)s[i]))
            i++;
        inline_start(h, true);
        put_escaped(&h->out, s + start, i - start);
    }
}

static void put_image(html_out *h, const node *n) {
    const char *src = node_attr(n, "src");
    if (!src || !*src || walk_url_is_script(src))
        return;
    inline_start(h, true);
    buf_append(&h->out, "<img", 4);
    put_url_attr(h, "src", src);
    const char *alt = node_attr(n, "alt");
    if (alt)
        put_attr(&h->out, "alt", alt);
    buf_putc(&h->out, '>');
}

static void start_tag(html_out *h, const node *n) {
    enum tag t = (enum tag)n->tag;
    buf_putc(&h->out, '<');
    buf_puts(&h->out, tag_name(t));
    if (t == TAG_A) {
        put_url_attr(h, "href", link_href(n));
    } else if (t == TAG_TD || t == TAG_TH) {
        const char *span = node_attr(n, "colspan");
        if (span && all_digits(span))
            put_attr(&h->out, "colspan", span);
        span = node_attr(n, "rowspan");
        if (span && all_digits(span))
            put_attr(&h->out, "rowspan", span);
    }
    buf_putc(&h->out, '>');
}

static void enter_void(html_out *h, const node *n) {
    switch ((enum tag)n->tag) {
    case TAG_IMG:
        put_image(h, n);
        break;
    case TAG_BR:
        if (h->inline_open && h->breaks < MAX_BREAKS)
            h->breaks++;
        break;
    case TAG_HR:
        if (context(h) == CTX_PHRASING) {
            end_run(h, false);
        } else {
            end_run(h, true);
            if (h->waiting.len)
                write_waiting(h);
            buf_append(&h->out, "<hr>\n", 5);
        }
        break;
    default:
        break;
    }
}

/* ---- blocks of code ------------------------------------------------------ */

/* Content arrives in the listing: its <pre><code> is written first, then
 * the whitespace held before the content, less the source's indentation
 * after each newline. Before the first content only the indentation of
 * its line is kept. */
static void listing_content(html_out *h) {
    const char *ws = h->code_space.data;
    size_t ws_len = h->code_space.len, dedent = 0;
    if (!h->listing_open) {
        if (h->waiting.len)
            write_waiting(h);
        char lang[32];
        size_t lang_len = code_language(h->doc, h->listing, lang, sizeof lang);
        buf_append(&h->out, "<pre><code", 10);
        if (lang_len) {
            buf_puts(&h->out, " class=\"language-");
            put_escaped(&h->out, lang, lang_len);
            buf_putc(&h->out, '"');
        }
        buf_putc(&h->out, '>');
        h->listing_open = true;
        for (size_t k = ws_len; k > 0; k--)
            if (ws[k - 1] == '\n') {
                ws += k;
                ws_len -= k;
                break;
            }
        dedent = h->dedent;
    }
    for (size_t k = 0; k < ws_len; k++) {
        if (ws[k] == '\n') {
            buf_putc(&h->out, '\n');
            dedent = h->dedent;
        } else if (dedent) {
            dedent--;
        } else {
            buf_putc(&h->out, ws[k]);
        }
    }
    h->code_space.len = 0;
}

/* The listing's text, its whitespace held until content follows it. */
static void listing_text(html_out *h, const char *s, size_t len) {
    size_t i = 0;
    while (i < len) {
        size_t start = i;
        while (i < len && walk_is_space((unsigned char)s[i]))
            i++;
        buf_append(&h->code_space, s + start, i - start);
        if (i == len)
            break;
        start = i;
        while (i < len && !walk_is_space((unsigned char)s[i]))
            i++;
        listing_content(h);
        put_escaped(&h->out, s + start, i - start);
    }
}

/* A block or <br> inside the listing: a new line unless one is waiting. */
static void listing_line(html_out *h) {
    if (h->listing_open &&
        (h->code_space.len == 0 || !memchr(h->code_space.data, '\n', h->code_space.len)))
        buf_putc(&h->code_space, '\n');
}

/* Whether N starts a block of code here: where a block can be written. */
static bool opens_listing(html_out *h, const node *n) {
    return context(h) != CTX_PHRASING && code_is_block(&h->code, h->doc, n);
}

/* N opens a listing, or goes on in the one the block before it opened. */
static void start_listing(html_out *h, const node *n) {
    h->listing = n;
    h->dedent = code_is_verbatim(n) ? 0 : code_shared_indent(h->doc, n);
    if (h->joined == n) {
        h->joined = NULL;
        return;
    }
    end_run(h, true);
    h->listing_open = false;
    h->code_space.len = 0;
}

static void close_listing(html_out *h) {
    if (h->listing_open)
        buf_append(&h->out, "</code></pre>\n", 14);
    h->listing_open = false;
    h->code_space.len = 0;
}

/* The listing stays open for the block that continues it; what comes
 * instead (the next root of the article, the end) closes it. */
static void end_listing_block(html_out *h) {
    h->joined = code_continuation(&h->code, h->doc, h->listing);
    if (h->joined)
        listing_line(h);
    else
        close_listing(h);
    h->listing = NULL;
}

static void end_listing(html_out *h) {
    if (h->joined) {
        h->joined = NULL;
        close_listing(h);
    }
}

/* An element or text inside the listing; a kept inline element but a
 * <code> (the listing is one) keeps its tags. */
static void enter_listing_part(html_out *h, const node *n) {
    enum tag t = (enum tag)n->tag;
    if (code_is_line_number(n)) {
        h->muted = n;
        return;
    }
    if (t == TAG_TEXT) {
        if (!code_text_between_cells(n))
            listing_text(h, node_text(h->doc, n), n->text_len);
        return;
    }
    if (t == TAG_BR) {
        buf_putc(&h->code_space, '\n');
        return;
    }
    if (tag_kind(t) == K_VOID) {
        if (t == TAG_HR)
            listing_line(h);
        return;
    }
    char byte = STACK_BYTE(ACT_NONE, CTX_PHRASING);
    if (node_is_block(n)) {
        listing_line(h);
    } else if (kept_inline(t) && t != TAG_CODE &&
               (t != TAG_A ||
                (!h->links && link_href(n) && !(h->doc->omit & LEDE_OMIT_LINKS)))) {
        listing_content(h);
        start_tag(h, n);
        byte = STACK_BYTE(ACT_INLINE, CTX_PHRASING);
        h->links += t == TAG_A;
    }
    buf_putc(&h->stack, byte);
}

static void leave_listing_part(html_out *h, const node *n) {
    enum tag t = (enum tag)n->tag;
    if (t == TAG_TEXT || tag_kind(t) == K_VOID || h->stack.len == 0)
        return;
    enum html_act act = STACK_ACT(h->stack.data[--h->stack.len]);
    if (node_is_block(n)) {
        listing_line(h);
    } else if (act == ACT_INLINE) {
        buf_append(&h->out, "</", 2);
        buf_puts(&h->out, tag_name(t));
        buf_putc(&h->out, '>');
        h->links -= t == TAG_A;
    }
}

/* ---- the walk -------------------------------------------------------------- */

static void enter(void *ctx, const node *n) {
    html_out *h = ctx;
    enum tag t = (enum tag)n->tag;
    if (h->joined && n != h->joined && !(t == TAG_TEXT && walk_is_blank_text(h->doc, n)))
        end_listing(h);
    if (h->muted)
        return;
    if (h->listing) {
        enter_listing_part(h, n);
        return;
    }
    if (t == TAG_TEXT) {
        if (!h->joined) /* blank, between the pieces of a listing */
            put_text(h, n);
        return;
    }
    if (tag_kind(t) == K_VOID) {
        enter_void(h, n);
        return;
    }
    if (opens_listing(h, n)) {
        start_listing(h, n);
        return;
    }
    enum html_ctx outer = context(h);
    char byte = STACK_BYTE(ACT_NONE, outer);
    if (kept_block(t) && outer != CTX_PHRASING) {
        /* Until its start tag is written, the block is only a boundary. */
        end_run(h, written_at_once(t));
        buf_append(&h->waiting, (const char *)&n, sizeof n);
        if (written_at_once(t))
            write_waiting(h);
        byte = STACK_BYTE(ACT_BLOCK, block_ctx(t));
    } else if (node_is_block(n)) {
        end_run(h, false);
        byte = STACK_BYTE(ACT_UNWRAP, outer);
    } else if (kept_inline(t) &&
               (t != TAG_A ||
                (!h->links && link_href(n) && !(h->doc->omit & LEDE_OMIT_LINKS)))) {
        inline_start(h, false);
        start_tag(h, n);
        byte = STACK_BYTE(ACT_INLINE, CTX_PHRASING);
        h->links += t == TAG_A;
    }
    buf_putc(&h->stack, byte);
}

static void leave(void *ctx, const node *n) {
    html_out *h = ctx;
    enum tag t = (enum tag)n->tag;
    if (h->joined && t != TAG_TEXT) /* the listing's parent: no piece follows */
        end_listing(h);
    if (h->muted) {
        if (h->muted == n)
            h->muted = NULL;
        return;
    }
    if (h->listing == n) {
        end_listing_block(h);
        return;
    }
    if (h->listing) {
        leave_listing_part(h, n);
        return;
    }
    if (t == TAG_TEXT || tag_kind(t) == K_VOID || h->stack.len == 0)
        return;
    /* The run ends in the element's own context, then it is popped. */
    enum html_act act = STACK_ACT(h->stack.data[h->stack.len - 1]);
    bool dropped = act == ACT_BLOCK && drop_waiting(h, n);
    if (act == ACT_UNWRAP || act == ACT_BLOCK)
        end_run(h, act == ACT_BLOCK && !dropped);
    h->stack.len--;
    switch (act) {
    case ACT_NONE:
    case ACT_UNWRAP:
        break;
    case ACT_BLOCK:
        if (dropped)
            break;
        buf_append(&h->out, "</", 2);
        buf_puts(&h->out, tag_name(t));
        buf_append(&h->out, ">\n", 2);
        break;
    case ACT_INLINE:
        buf_append(&h->out, "</", 2);
        buf_puts(&h->out, tag_name(t));
        buf_putc(&h->out, '>');
        h->links -= t == TAG_A;
        break;
    }
}

char *render_html(const document *doc, const article *art) {
    html_out h = {.doc = doc};
    buf_init(&h.out);
    buf_init(&h.stack);
    buf_init(&h.waiting);
    buf_init(&h.link);
    buf_init(&h.code_space);
    buf_append(&h.out, "<article>\n", 10);
    static const walk_visitor visitor = {enter, leave, true, NULL};
    walk_article(art, &visitor, &h);
    end_listing(&h);
    end_run(&h, true);
    buf_puts(&h.out, "</article>");
    bool failed = h.stack.failed || h.waiting.failed || h.link.failed || h.code_space.failed;
    buf_free(&h.code_space);
    buf_free(&h.stack);
    buf_free(&h.waiting);
    buf_free(&h.link);
    if (failed) {
        buf_free(&h.out);
        return NULL;
    }
    return buf_take(&h.out);
}
