/*
 * text.c — the article as plain text.
 *
 * Every block (p, headings, list items, quotes, pre, dt/dd, figcaption, table
 * rows, and the loose text of a div between its block children) becomes one
 * paragraph; paragraphs are separated by exactly one blank line.
 *
 * Nothing is written eagerly between pieces of content. Each boundary only
 * raises the separator that is pending (none < space < cell < line break <
 * paragraph), and the strongest one is written when the next visible
 * character arrives. Empty blocks, whitespace-only text, leading and
 * trailing breaks therefore cost nothing and can never leave two blank lines
 * or trailing spaces: there is no output to undo.
 *
 * Choices: a <br> is one newline inside its paragraph, two in a row end the
 * paragraph (pages use <br><br> as paragraph breaks); table cells of a row are
 * joined by " | ", but a block inside a cell still breaks the paragraph, so
 * layout tables read as paragraphs; images and other media produce nothing;
 * only ASCII whitespace collapses (a no-break space is content, as in HTML).
 * <pre> keeps its text verbatim except leading blank lines and trailing
 * whitespace.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "ascii.h"
#include "buf.h"
#include "render.h"
#include "walk.h"

typedef enum text_sep { SEP_NONE, SEP_SPACE, SEP_CELL, SEP_BREAK, SEP_PARA } text_sep;

typedef struct text_out {
    const document *doc;
    buf out;
    text_sep pending;
    unsigned pre_depth; /* open <pre> elements: text verbatim */
    bool pre_started;   /* the open <pre> has written content */
    buf pre_space;      /* whitespace of a <pre> held until content follows */
} text_out;

static void request(text_out *t, text_sep sep) {
    /* A second <br> in a row is a paragraph break. */
    if (sep == SEP_BREAK && t->pending == SEP_BREAK)
        sep = SEP_PARA;
    if (sep > t->pending)
        t->pending = sep;
}

/* Write the pending separator before content; none at the very start. */
static void flush(text_out *t) {
    if (t->out.len > 0) {
        switch (t->pending) {
        case SEP_NONE: break;
        case SEP_SPACE: buf_putc(&t->out, ' '); break;
        case SEP_CELL: buf_append(&t->out, " | ", 3); break;
        case SEP_BREAK: buf_putc(&t->out, '\n'); break;
        case SEP_PARA: buf_append(&t->out, "\n\n", 2); break;
        }
    }
    t->pending = SEP_NONE;
}

static bool has_newline(const buf *b) {
    return b->len > 0 && memchr(b->data, '\n', b->len) != NULL;
}

/* How many bytes from S (LEN bytes, S[0] no whitespace) are, eight at a
 * time, words with one plain space between them: no control byte (the
 * other whitespace is among them), no two spaces side by side, no space
 * at a word's end before whitespace. Where a word fails, the byte loop
 * of put_collapsed() takes over; the article's text is most of what this
 * output writes, and a test a byte cost more than the copy. */
static size_t single_spaced_run(const char *s, size_t len) {
    size_t i = 0;
    for (; i + 8 < len; i += 8) {
        uint64_t x;
        memcpy(&x, s + i, 8);
        uint64_t spaces = ascii_bytes_equal(x, ' ');
        if (ascii_has_below(x, ' ') || (spaces & (spaces << 8)) ||
            ((x >> 56) == ' ' && walk_is_space((unsigned char)s[i + 8])))
            break;
    }
    return i;
}

static void put_collapsed(text_out *t, const char *s, size_t len) {
    size_t i = 0;
    while (i < len) {
        if (walk_is_space((unsigned char)s[i])) {
            while (i < len && walk_is_space((unsigned char)s[i]))
                i++;
            request(t, SEP_SPACE);
            continue;
        }
        /* Words with one plain space between them go out as they are, in
         * one piece: what collapsing would write is what is there. */
        size_t start = i;
        i += single_spaced_run(s + i, len - i);
        while (i < len && (!walk_is_space((unsigned char)s[i]) ||
                           (s[i] == ' ' && i + 1 < len && !walk_is_space((unsigned char)s[i + 1]))))
            i++;
        flush(t);
        buf_append(&t->out, s + start, i - start);
    }
}

/* Whitespace of a <pre> waits in pre_space: before the first content only
 * the indentation of its line survives, at the end none of it does. */
static void put_verbatim(text_out *t, const char *s, size_t len) {
    size_t i = 0;
    while (i < len) {
        size_t start = i;
        while (i < len && walk_is_space((unsigned char)s[i]))
            i++;
        buf_append(&t->pre_space, s + start, i - start);
        if (i == len)
            break;
        start = i;
        while (i < len && !walk_is_space((unsigned char)s[i]))
            i++;
        const char *ws = t->pre_space.data;
        size_t ws_len = t->pre_space.len;
        if (!t->pre_started) {
            flush(t);
            t->pre_started = true;
            for (size_t k = ws_len; k > 0; k--)
                if (ws[k - 1] == '\n') {
                    ws += k;
                    ws_len -= k;
                    break;
                }
        }
        if (ws_len > 0)
            buf_append(&t->out, ws, ws_len);
        t->pre_space.len = 0;
        buf_append(&t->out, s + start, i - start);
    }
}

/* A block inside <pre> (one <div> a line, as some highlighters emit)
 * starts and ends a line unless its text already did. */
static void pre_line(text_out *t) {
    if (t->pre_started && !has_newline(&t->pre_space))
        put_verbatim(t, "\n", 1);
}

static void enter(void *ctx, const node *n) {
    text_out *t = ctx;
    enum tag element = (enum tag)n->tag;
    if (element == TAG_TEXT) {
        if (t->pre_depth)
            put_verbatim(t, node_text(t->doc, n), n->text_len);
        else
            put_collapsed(t, node_text(t->doc, n), n->text_len);
        return;
    }
    if (element == TAG_BR) {
        if (t->pre_depth)
            put_verbatim(t, "\n", 1);
        else
            request(t, SEP_BREAK);
        return;
    }
    bool block = node_is_block(n) || element == TAG_HR;
    if (t->pre_depth && block) {
        pre_line(t);
        t->pre_depth += element == TAG_PRE;
        return;
    }
    if (element == TAG_TD || element == TAG_TH) {
        request(t, SEP_CELL);
        return;
    }
    if (block)
        request(t, SEP_PARA);
    if (element == TAG_PRE) {
        t->pre_depth = 1;
        t->pre_started = false;
        t->pre_space.len = 0;
    }
}

static void leave(void *ctx, const node *n) {
    text_out *t = ctx;
    enum tag element = (enum tag)n->tag;
    if (element == TAG_TEXT || !node_is_block(n))
        return;
    if (t->pre_depth) {
        if (element != TAG_PRE || --t->pre_depth > 0) {
            pre_line(t);
            return;
        }
        t->pre_space.len = 0; /* trailing whitespace of the block */
    }
    request(t, element == TAG_TD || element == TAG_TH ? SEP_CELL : SEP_PARA);
}

char *render_text(const document *doc, const article *art) {
    text_out t = {.doc = doc};
    buf_init(&t.out);
    buf_init(&t.pre_space);
    static const walk_visitor visitor = {enter, leave, false, NULL};
    walk_article(art, &visitor, &t);
    bool failed = t.pre_space.failed;
    buf_free(&t.pre_space);
    if (failed) {
        buf_free(&t.out);
        return NULL;
    }
    return buf_take(&t.out);
}
