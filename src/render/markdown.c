/*
 * markdown.c — the article as CommonMark (with GFM pipe tables).
 *
 * Markdown is line-oriented where HTML is a tree, so three pieces of state
 * carry the tree's shape into lines:
 *
 * - The pending separator (none < space < hard break < line < end of list <
 *   paragraph), as in text.c: boundaries only raise it and the strongest is
 *   written when the next visible character comes, so empty elements,
 *   whitespace and leading or trailing breaks never reach the output.
 *
 * - The container frames (block quotes, lists, list items): every new line
 *   starts with their prefixes, "> " for a quote, the item's marker on its
 *   first line and as many spaces on the others. A blank line carries only
 *   the prefixes of containers already begun, so a blank line never splits a
 *   quote and never opens one early. Frames nest at most MD_MAX_NESTING
 *   deep; deeper containers are written flat at that depth.
 *
 * - The inline marks (**strong**, *em*, `code`, [link](href)), at most one
 *   of each kind open since nested repeats are dropped. A mark is opened
 *   lazily, just before the first character of its content, so an empty
 *   <em> or a link around nothing writes nothing; it is closed at the end of
 *   its element, and closed and reopened around a paragraph break, since
 *   emphasis cannot span blocks in Markdown.
 *
 * Text is escaped minimally: the characters that open inline syntax (\ ` *
 * [ ], _ at a word boundary, < before a tag, & before an entity) and, at the
 * start of a line, what would open a block (#, >, -, +, =, ~~~, "1.").
 *
 * Where Markdown would misread what HTML allows, the text wins over the
 * markup: emphasis that could not open here ("word*(x)*", or right after
 * another "**") is left out, and two adjacent code spans get a space between
 * them. Not handled: a closing * run after punctuation and directly before
 * a letter ("**a.**b") stays literal, which would need a look-ahead past the
 * element's end.
 *
 * Footnotes (notes.h) are written as [^n] references and "[^n]: ..."
 * definitions after the article, each on one line. A heading left without
 * a body because its section was cleaned away (or was the notes) is taken
 * back out, as is a rule that ends the article: the output is cut back to
 * where they began, which the lazy separators make exact. A heading over
 * what lede cannot write (a formula drawn without its TeX, a video) and
 * over hidden content stays: a reader sees a body there.
 *
 * A formula is written as TeX where the page carries its source: MathML's
 * alttext or TeX annotation (KaTeX, Wikipedia), MathJax's <script
 * type="math/tex">, a data-math attribute; inline as $...$, a display
 * formula as a $$ block. The TeX is written raw, as Markdown's math
 * extensions read it; a formula without TeX source writes nothing.
 *
 * A block of code (a <pre>, or code a page shows as a block without one:
 * code.h) becomes a fenced block whose fence is longer than any run of
 * backticks inside it; other <code> a span delimited the same way. Blocks
 * of code with nothing between them share one fence, which stays open
 * after a block until the next is entered. A data table
 * becomes a pipe table: its first row is the header, every row is padded to
 * the widest, a cell spanning columns is repeated across them in the header
 * and followed by empty cells below it, | is escaped in cells. table.h
 * states which tables fit a grid; the others, laid out around paragraphs,
 * are written as those paragraphs.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "code.h"
#include "notes.h"
#include "render.h"
#include "table.h"
#include "walk.h"

/* Deepest nesting of quotes and lists written as such. Every line repeats
 * the prefixes of its containers, so output would grow with the square of a
 * hostile page's nesting; no article quotes or nests lists 16 deep. */
#define MD_MAX_NESTING 16

/* CommonMark ordered list numbers have at most nine digits. */
#define MD_MAX_LIST_NUMBER 999999999u

/* Consecutive backticks inside a <pre> or <code> counted beyond this are
 * not told apart: a fence of 32 backticks is longer than any real run. */
#define MD_MAX_TICKS 31u

typedef enum md_sep {
    SEP_NONE,
    SEP_SPACE,
    SEP_BREAK,    /* hard line break inside a paragraph */
    SEP_LINE,     /* a new line: the next list item, the next table row */
    SEP_LIST_END, /* a new line if a list item follows, else a paragraph */
    SEP_PARA
} md_sep;

enum frame_kind { FRAME_QUOTE, FRAME_LIST, FRAME_ITEM };

typedef struct md_frame {
    const node *n;
    uint8_t kind;
    bool ordered;    /* FRAME_LIST */
    bool started;    /* FRAME_QUOTE, FRAME_ITEM: a line was written in it */
    uint8_t indent;  /* FRAME_ITEM: width of its marker */
    int list;        /* FRAME_ITEM: index of its list's frame, or -1 */
    uint32_t number; /* FRAME_LIST: the next item's number */
} md_frame;

enum mark_kind { MARK_STRONG, MARK_EM, MARK_CODE, MARK_LINK, MARK_KINDS };

typedef struct md_mark {
    const node *n;
    uint8_t kind;
    uint8_t ticks; /* MARK_CODE: backticks of its delimiter */
    bool opened;   /* its opening was written */
    bool dead;     /* emphasis that could not open here: never written */
} md_mark;

typedef struct md_out {
    const document *doc;
    buf out;
    md_sep pending;
    bool need_prefix; /* at a new line whose prefixes are not written yet */
    bool line_start;  /* the next text is the first of its line */

    md_frame frames[MD_MAX_NESTING];
    int frame_count;
    md_mark marks[MARK_KINDS];
    int mark_count;

    const node *flat;    /* heading or table cell: everything on one line */
    int heading;         /* level of the heading whose "#" waits, or 0 */
    const node *pre;     /* the block of code being fenced (code.h), or NULL */
    bool pre_started;    /* its fence is written */
    unsigned fence;      /* backticks of its fence */
    size_t dedent;       /* indentation of the page's source to drop from its lines */
    const node *joined;  /* the block of code that continues the fenced listing */
    code_cache code;     /* what code.h learnt of the parent of the last <code> */
    buf pre_space;       /* whitespace in it, held until content follows */
    buf link;            /* a link target being resolved */
    const node *table;   /* the pipe table being written, or NULL */
    unsigned columns;    /* of the pipe table */
    const node *muted;   /* an element written already (a formula, a note): its content is not */
    notes notes;         /* the article's footnotes */
    const node *note;    /* the note being written after the article */
    /* headings outside containers with nothing written after them yet,
     * levels rising: where each began and ended in out */
    struct {
        int level;
        bool emptied; /* content of its section was cleaned away */
        size_t start, end;
    } bare[6];
    int bare_count;
    size_t heading_start; /* where the open heading began in out */
    size_t heading_link_open, heading_link_close; /* its last link's [ and ) in out */
    size_t rule_start, rule_end; /* the last rule outside containers */
    buf tex;             /* a formula's TeX being gathered */
    unsigned rows, cells; /* of the pipe table: rows written, cells in row */
    size_t cell_start;   /* where the open cell's content starts in out */
} md_out;

static bool is_alnum(unsigned char c) {
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

static bool is_punct(unsigned char c) {
    return c < 0x80 && c > ' ' && c != 0x7f && !is_alnum(c);
}

static bool is_digit(unsigned char c) {
    return c >= '0' && c <= '9';
}

static bool has_mark(const md_out *m, enum mark_kind kind) {
    for (int i = 0; i < m->mark_count; i++)
        if (m->marks[i].kind == kind)
            return true;
    return false;
}

/* ---- separators, prefixes and marks ------------------------------------ */

static void request(md_out *m, md_sep sep) {
    if (m->flat && sep > SEP_SPACE)
        sep = SEP_SPACE;
    if (sep == SEP_SPACE) {
        /* After a prefix, a cell's "| " or at the start: nothing to part. */
        if (m->out.len == 0 || m->out.data[m->out.len - 1] == ' ' ||
            m->out.data[m->out.len - 1] == '\n')
            return;
    }
    if (sep == SEP_BREAK && m->pending == SEP_BREAK)
        sep = SEP_PARA; /* <br><br> ends a paragraph */
    if (sep > m->pending)
        m->pending = sep;
}

/* Whether the next line opens a list item: its marker is not written yet. */
static bool starts_item(const md_out *m) {
    for (int i = 0; i < m->frame_count; i++)
        if (m->frames[i].kind == FRAME_ITEM && !m->frames[i].started)
            return true;
    return false;
}

static void put_item_marker(md_out *m, md_frame *item) {
    md_frame *list = item->list >= 0 ? &m->frames[item->list] : NULL;
    if (list && list->ordered) {
        char num[16];
        int len = snprintf(num, sizeof num, "%u. ", (unsigned)list->number);
        if (list->number < MD_MAX_LIST_NUMBER)
            list->number++;
        buf_append(&m->out, num, (size_t)len);
        item->indent = (uint8_t)len;
    } else {
        buf_append(&m->out, "- ", 2);
        item->indent = 2;
    }
}

/* The prefixes of the containers for a new line. A BLANK line carries only
 * those of containers already begun, without trailing spaces. */
static void put_prefix(md_out *m, bool blank) {
    static const char spaces[] = "            ";
    for (int i = 0; i < m->frame_count; i++) {
        md_frame *f = &m->frames[i];
        if (f->kind == FRAME_LIST)
            continue;
        if (blank && !f->started)
            break;
        if (f->kind == FRAME_QUOTE)
            buf_append(&m->out, "> ", 2);
        else if (f->started)
            buf_append(&m->out, spaces, f->indent);
        else
            put_item_marker(m, f);
        f->started = true;
    }
    if (blank)
        buf_rtrim(&m->out, " ");
}

static void put_newline(md_out *m, bool blank) {
    buf_putc(&m->out, '\n');
    put_prefix(m, blank);
}

static void put_ticks(md_out *m, unsigned count) {
    static const char ticks[] = "````````````````````````````````";
    buf_append(&m->out, ticks, count);
}

/* Characters of a link destination that would end or break it. */
static void put_url(md_out *m, const char *href) {
    size_t len;
    const char *url = walk_link_target(m->doc, href, &m->link, &len);
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)url[i];
        if (c <= 0x20 || c == 0x7f || c == '<' || c == '>' || c == '\\' || c == '|') {
            char hex[4];
            snprintf(hex, sizeof hex, "%%%02X", c);
            buf_append(&m->out, hex, 3);
        } else if (c == '(' || c == ')') {
            buf_putc(&m->out, '\\');
            buf_putc(&m->out, (char)c);
        } else {
            buf_putc(&m->out, (char)c);
        }
    }
}

/* Whether the last byte written is C and not backslash-escaped. */
static bool ends_with_syntax(const md_out *m, char c) {
    size_t len = m->out.len;
    if (len == 0 || m->out.data[len - 1] != c)
        return false;
    size_t slashes = 0;
    while (slashes + 1 < len && m->out.data[len - 2 - slashes] == '\\')
        slashes++;
    return slashes % 2 == 0;
}

/* A '!' just written would make the link that follows an image. */
static void unescape_bang(md_out *m) {
    if (!ends_with_syntax(m, '!'))
        return;
    m->out.len--;
    buf_append(&m->out, "\\!", 2);
}

static void open_mark(md_out *m, md_mark *k) {
    switch (k->kind) {
    case MARK_STRONG: buf_append(&m->out, "**", 2); break;
    case MARK_EM: buf_putc(&m->out, '*'); break;
    case MARK_LINK:
        unescape_bang(m);
        m->heading_link_open = m->out.len;
        buf_putc(&m->out, '[');
        break;
    case MARK_CODE:
        put_ticks(m, k->ticks);
        if (k->ticks > 1) /* the content holds backticks: pad it */
            buf_putc(&m->out, ' ');
        break;
    }
    k->opened = true;
}

static void close_mark(md_out *m, md_mark *k) {
    switch (k->kind) {
    case MARK_STRONG: buf_append(&m->out, "**", 2); break;
    case MARK_EM: buf_putc(&m->out, '*'); break;
    case MARK_LINK:
        buf_append(&m->out, "](", 2);
        put_url(m, node_attr(k->n, "href"));
        buf_putc(&m->out, ')');
        m->heading_link_close = m->out.len;
        break;
    case MARK_CODE:
        if (k->ticks > 1)
            buf_putc(&m->out, ' ');
        put_ticks(m, k->ticks);
        break;
    }
    k->opened = false;
}

/* Write the pending separator and, at a new line, the prefixes and the
 * waiting heading marker; no inline marks. */
static void flush_separator(md_out *m) {
    md_sep sep = m->pending;
    m->pending = SEP_NONE;
    if (sep == SEP_LIST_END)
        sep = starts_item(m) ? SEP_LINE : SEP_PARA;
    if (sep >= SEP_LINE) {
        for (int i = m->mark_count - 1; i >= 0; i--)
            if (m->marks[i].opened)
                close_mark(m, &m->marks[i]);
        if (m->out.len > 0) {
            buf_putc(&m->out, '\n');
            if (sep == SEP_PARA) {
                put_prefix(m, true);
                buf_putc(&m->out, '\n');
            }
            m->need_prefix = true;
        }
    } else if (sep == SEP_BREAK && !m->need_prefix) {
        buf_append(&m->out, "\\\n", 2);
        m->need_prefix = true;
    } else if (sep == SEP_SPACE && !m->need_prefix) {
        buf_putc(&m->out, ' ');
    }
    if (m->need_prefix) {
        put_prefix(m, false);
        m->need_prefix = false;
        m->line_start = true;
    }
    if (m->heading) {
        static const char hashes[] = "###### ";
        buf_append(&m->out, hashes + 6 - m->heading, (size_t)m->heading + 1);
        m->heading = 0;
        m->line_start = false;
    }
}

static unsigned char last_byte(const md_out *m) {
    return m->out.len ? (unsigned char)m->out.data[m->out.len - 1] : '\n';
}

/* Whether a * run written now, before NEXT, can open emphasis. CommonMark
 * wants it left-flanking, so before punctuation only after a space or
 * punctuation ("word*(x)*" stays literal), and not right after another *
 * run, which it would join ("**a****b**"). */
static bool can_open_emphasis(const md_out *m, unsigned char next) {
    unsigned char prev = last_byte(m);
    if (prev == '*')
        return false;
    return !is_punct(next) || prev == ' ' || prev == '\n' || is_punct(prev);
}

/* Before inline content whose first written byte is FIRST: the separator,
 * then the marks not yet open. Emphasis that could not open is dropped, its
 * text kept. */
static void flush(md_out *m, char first) {
    flush_separator(m);
    for (int i = 0; i < m->mark_count; i++) {
        md_mark *k = &m->marks[i];
        if (k->opened || k->dead)
            continue;
        if ((k->kind == MARK_EM || k->kind == MARK_STRONG) &&
            !can_open_emphasis(m, (unsigned char)first)) {
            k->dead = true;
            continue;
        }
        if (k->kind == MARK_CODE && ends_with_syntax(m, '`'))
            buf_putc(&m->out, ' '); /* two code spans in a row stay two */
        open_mark(m, k);
        m->line_start = false;
    }
}

static void push_mark(md_out *m, const node *n, enum mark_kind kind, unsigned ticks) {
    if (m->mark_count == MARK_KINDS)
        return;
    m->marks[m->mark_count++] = (md_mark){.n = n, .kind = (uint8_t)kind, .ticks = (uint8_t)ticks};
}

static void pop_mark(md_out *m, const node *n) {
    if (m->mark_count == 0 || m->marks[m->mark_count - 1].n != n)
        return;
    md_mark *k = &m->marks[--m->mark_count];
    if (k->opened)
        close_mark(m, k);
}

static void push_frame(md_out *m, const node *n, enum frame_kind kind) {
    if (m->frame_count == MD_MAX_NESTING)
        return;
    md_frame f = {.n = n, .kind = (uint8_t)kind, .list = -1};
    if (kind == FRAME_LIST) {
        f.ordered = n->tag == TAG_OL;
        f.number = 1;
        const char *start = f.ordered ? node_attr(n, "start") : NULL;
        if (start && is_digit((unsigned char)*start)) {
            uint32_t v = 0;
            for (; is_digit((unsigned char)*start) && v <= MD_MAX_LIST_NUMBER; start++)
                v = v * 10 + (uint32_t)(*start - '0');
            f.number = v <= MD_MAX_LIST_NUMBER ? v : MD_MAX_LIST_NUMBER;
        }
    } else if (kind == FRAME_ITEM && m->frame_count > 0 &&
               m->frames[m->frame_count - 1].kind == FRAME_LIST) {
        /* An item nested in another item without a list of its own is a
         * bullet: a number other than 1 could not start a list there. */
        f.list = m->frame_count - 1;
    }
    m->frames[m->frame_count++] = f;
}

static void pop_frame(md_out *m, const node *n) {
    if (m->frame_count > 0 && m->frames[m->frame_count - 1].n == n)
        m->frame_count--;
}

/* ---- text --------------------------------------------------------------- */

/* Whether S starts an entity reference (&name; or &#...;) that would be
 * decoded if written as is. */
static bool starts_entity(const char *s, size_t len) {
    size_t i = 1;
    if (i < len && s[i] == '#')
        i++;
    size_t name = i;
    while (i < len && i < 40 && is_alnum((unsigned char)s[i]))
        i++;
    return i > name && i < len && s[i] == ';';
}

/* The index in the run S (no whitespace in it, first on its line) of a
 * character to escape so that the line does not open a block, or LEN. */
static size_t block_escape_at(const char *s, size_t len) {
    size_t i = 0;
    switch (s[0]) {
    case '>':
        return 0;
    case '#': /* "#" to "######" alone: a heading */
        while (i < len && s[i] == '#')
            i++;
        return i == len && len <= 6 ? 0 : len;
    case '-': /* a bullet, a thematic break or a setext underline */
    case '=':
        while (i < len && s[i] == s[0])
            i++;
        return i == len ? 0 : len;
    case '+':
        return len == 1 ? 0 : len;
    case '~':
        return len >= 3 && s[1] == '~' && s[2] == '~' ? 0 : len;
    default: /* "1." or "1)" alone: an ordered list item */
        while (i < len && i < 10 && is_digit((unsigned char)s[i]))
            i++;
        if (i > 0 && i < 10 && i + 1 == len && (s[i] == '.' || s[i] == ')'))
            return i;
        return len;
    }
}

static bool needs_escape(const md_out *m, const char *s, size_t len, size_t i, bool code) {
    unsigned char c = (unsigned char)s[i];
    if (c == '|')
        return m->table != NULL;
    if (code)
        return false;
    switch (c) {
    case '\\': case '`': case '*': case '[': case ']':
        return true;
    case '_': /* intraword underscores never emphasise */
        return !(i > 0 && i + 1 < len && is_alnum((unsigned char)s[i - 1]) &&
                 is_alnum((unsigned char)s[i + 1]));
    case '<':
        return i + 1 < len && (((s[i + 1] | 0x20) >= 'a' && (s[i + 1] | 0x20) <= 'z') ||
                               s[i + 1] == '/' || s[i + 1] == '!' || s[i + 1] == '?');
    case '&':
        return starts_entity(s + i, len - i);
    default:
        return false;
    }
}

/* Whether the run S is all '#': at the end of a heading it would be read as
 * the heading's closing sequence. */
static bool all_hashes(const char *s, size_t len) {
    for (size_t i = 0; i < len; i++)
        if (s[i] != '#')
            return false;
    return true;
}

/* Write a run of non-whitespace text, escaped, after the separator and the
 * marks before it. */
static void put_run(md_out *m, const char *s, size_t len) {
    bool code = has_mark(m, MARK_CODE);
    flush_separator(m);
    flush(m, needs_escape(m, s, len, 0, code) ? '\\' : s[0]);
    size_t block_at = len;
    if (m->line_start && !code)
        block_at = block_escape_at(s, len);
    else if (m->flat && walk_heading_level((enum tag)m->flat->tag) && !code && all_hashes(s, len))
        block_at = 0;
    m->line_start = false;
    size_t start = 0;
    for (size_t i = 0; i < len; i++) {
        if (i != block_at && !needs_escape(m, s, len, i, code))
            continue;
        buf_append(&m->out, s + start, i - start);
        buf_putc(&m->out, '\\');
        start = i;
    }
    buf_append(&m->out, s + start, len - start);
}

static void put_collapsed(md_out *m, const char *s, size_t len) {
    size_t i = 0;
    while (i < len) {
        if (walk_is_space((unsigned char)s[i])) {
            while (i < len && walk_is_space((unsigned char)s[i]))
                i++;
            request(m, SEP_SPACE);
            continue;
        }
        size_t start = i;
        while (i < len && !walk_is_space((unsigned char)s[i]))
            i++;
        put_run(m, s + start, i - start);
    }
}

/* ---- <pre> -------------------------------------------------------------- */

/* The longest run of backticks in the text of TOP's subtree. */
static unsigned longest_tick_run(const document *doc, const node *top) {
    unsigned longest = 0, run = 0;
    bool skip = false;
    for (const node *n = top; (n = tree_next(top, n, skip)) != NULL;) {
        skip = walk_skips(n, true);
        if (skip || n->tag != TAG_TEXT)
            continue;
        const char *s = node_text(doc, n);
        for (uint32_t i = 0; i < n->text_len; i++) {
            run = s[i] == '`' ? run + 1 : 0;
            if (run > longest)
                longest = run < MD_MAX_TICKS ? run : MD_MAX_TICKS;
        }
    }
    return longest;
}

static void open_fence(md_out *m) {
    flush_separator(m);
    put_ticks(m, m->fence);
    char lang[32];
    buf_append(&m->out, lang, code_language(m->doc, m->pre, lang, sizeof lang));
    put_newline(m, false);
    m->pre_started = true;
}

/* Whitespace WS up to content: its newlines as lines of the fence, less
 * the source's indentation after each. */
static void put_code_space(md_out *m, const char *ws, size_t ws_len, size_t dedent) {
    for (size_t k = 0; k < ws_len; k++) {
        if (ws[k] == '\n') {
            put_newline(m, k + 1 < ws_len && ws[k + 1] == '\n');
            dedent = m->dedent;
        } else if (dedent) {
            dedent--;
        } else {
            buf_putc(&m->out, ws[k]);
        }
    }
}

/* Whitespace waits in pre_space for content: before the first, only the
 * indentation of its line is kept; after the last, none. */
static void put_verbatim(md_out *m, const char *s, size_t len) {
    size_t i = 0;
    while (i < len) {
        size_t start = i;
        while (i < len && walk_is_space((unsigned char)s[i]))
            i++;
        buf_append(&m->pre_space, s + start, i - start);
        if (i == len)
            break;
        start = i;
        while (i < len && !walk_is_space((unsigned char)s[i]))
            i++;
        const char *ws = m->pre_space.data;
        size_t ws_len = m->pre_space.len;
        bool first = !m->pre_started; /* WS ends in its line's indentation */
        if (first) {
            open_fence(m);
            for (size_t k = ws_len; k > 0; k--)
                if (ws[k - 1] == '\n') {
                    ws += k;
                    ws_len -= k;
                    break;
                }
        }
        put_code_space(m, ws, ws_len, first ? m->dedent : 0);
        m->pre_space.len = 0;
        buf_append(&m->out, s + start, i - start);
    }
}

/* A block or <br> inside the <pre>: a new line unless one is waiting. */
static void pre_line(md_out *m) {
    if (m->pre_started &&
        !(m->pre_space.len > 0 && memchr(m->pre_space.data, '\n', m->pre_space.len)))
        put_verbatim(m, "\n", 1);
}

/* N opens a fence, or goes on in the one the block before it opened; its
 * fence is longer than any backtick run in the listing's blocks. */
static void start_pre(md_out *m, const node *n) {
    m->pre = n;
    m->dedent = code_is_verbatim(n) ? 0 : code_shared_indent(m->doc, n);
    if (m->joined == n) {
        m->joined = NULL;
        return;
    }
    request(m, SEP_PARA);
    m->pre_started = false;
    m->pre_space.len = 0;
    unsigned run = 0;
    for (const node *k = n; k; k = code_continuation(&m->code, m->doc, k)) {
        unsigned own = longest_tick_run(m->doc, k);
        run = own > run ? own : run;
    }
    m->fence = run >= 3 ? run + 1 : 3;
}

static void close_fence(md_out *m) {
    if (m->pre_started) {
        put_newline(m, false);
        put_ticks(m, m->fence);
    }
    m->pre_space.len = 0;
    request(m, SEP_PARA);
}

/* The fence stays open for the block that continues the listing; what
 * comes instead of it (the next root of the article, the end) closes it. */
static void end_pre(md_out *m) {
    m->joined = code_continuation(&m->code, m->doc, m->pre);
    if (m->joined)
        pre_line(m);
    else
        close_fence(m);
    m->pre = NULL;
}

static void end_listing(md_out *m) {
    if (m->joined) {
        m->joined = NULL;
        close_fence(m);
    }
}

/* Whether N, not a <pre>, starts a block of code here: outside one, and
 * where a block can be written (not in a heading's or a cell's line). */
static bool opens_listing(md_out *m, const node *n) {
    return !m->pre && !m->flat && !m->table && !has_mark(m, MARK_CODE) && n->tag != TAG_PRE &&
           code_is_block(&m->code, m->doc, n);
}

/* ---- tables ------------------------------------------------------------- */

static void start_table(md_out *m, const node *n) {
    request(m, SEP_PARA);
    /* Marks open around a table would have to span its rows. */
    unsigned columns = m->mark_count == 0 ? table_pipe_columns(m->doc, n) : 0;
    if (columns) {
        m->table = n;
        m->columns = columns;
        m->rows = 0;
        m->cells = 0;
    }
}

static void end_table(md_out *m, const node *n) {
    if (m->table == n)
        m->table = NULL;
    request(m, SEP_PARA);
}

static void start_row(md_out *m) {
    request(m, m->rows ? SEP_LINE : SEP_PARA);
    m->cells = 0;
}

static void start_cell(md_out *m, const node *n) {
    if (m->cells++ == 0) {
        flush_separator(m);
        buf_append(&m->out, "| ", 2);
    } else {
        m->pending = SEP_NONE;
        buf_append(&m->out, " | ", 3);
    }
    m->line_start = false;
    m->flat = n;
    m->cell_start = m->out.len;
}

static void end_row(md_out *m) {
    if (m->cells > 0) {
        for (; m->cells < m->columns; m->cells++)
            buf_append(&m->out, " | ", 3);
        buf_append(&m->out, " |", 2);
        if (m->rows++ == 0) {
            put_newline(m, false);
            buf_putc(&m->out, '|');
            for (unsigned i = 0; i < m->columns; i++)
                buf_append(&m->out, " --- |", 6);
        }
    }
    m->pending = SEP_NONE;
    m->cells = 0;
}

/* A cell spanning columns: in the header its name stands over each of
 * them, below it empty cells follow. */
static void end_cell(md_out *m, const node *n) {
    size_t content = m->out.len - m->cell_start;
    for (unsigned i = table_cell_span(n); i > 1 && m->cells < m->columns; i--, m->cells++) {
        buf_append(&m->out, " | ", 3);
        if (m->rows == 0)
            buf_append_self(&m->out, m->cell_start, content);
    }
    m->pending = SEP_NONE;
    if (table_cell_closes_row(n))
        end_row(m);
}

/* ---- headings without a body -------------------------------------------- */

/* Before a heading of LEVEL (or at the end, LEVEL 1): the sections of
 * LEVEL and below are over. Their headings with nothing after them whose
 * content was cleaned away have no body; they are cut away. */
static void drop_bare_headings(md_out *m, int level) {
    while (m->bare_count > 0) {
        size_t i = (size_t)m->bare_count - 1;
        if (m->bare[i].end != m->out.len) {
            m->bare_count = 0; /* a body follows them all */
            return;
        }
        if (m->bare[i].level < level)
            return;
        if (m->bare[i].emptied)
            buf_truncate(&m->out, m->bare[i].start);
        m->bare_count--;
    }
}

static void section_emptied(md_out *m) {
    for (int i = 0; i < m->bare_count; i++)
        m->bare[i].emptied = true;
}

static void end_heading(md_out *m, int level) {
    if (m->frame_count || m->out.len == m->heading_start)
        return;
    drop_bare_headings(m, level);
    if (m->bare_count == (int)(sizeof m->bare / sizeof m->bare[0]))
        return;
    m->bare[m->bare_count].level = level;
    m->bare[m->bare_count].emptied = false;
    m->bare[m->bare_count].start = m->heading_start;
    m->bare[m->bare_count].end = m->out.len;
    m->bare_count++;
}

/* ---- math --------------------------------------------------------------- */

/* Write the formula whose TeX is m->tex: a $$ block for a DISPLAY formula
 * where a block may stand, else inline. */
static void put_formula(md_out *m, bool display) {
    buf_rtrim(&m->tex, " ");
    if (m->tex.len == 0 || m->pre || has_mark(m, MARK_CODE))
        return;
    if (display && !m->flat) {
        request(m, SEP_PARA);
        flush_separator(m);
        buf_append(&m->out, "$$", 2);
        put_newline(m, false);
        buf_append(&m->out, m->tex.data, m->tex.len);
        put_newline(m, false);
        buf_append(&m->out, "$$", 2);
        request(m, SEP_PARA);
        return;
    }
    flush(m, '$');
    m->line_start = false;
    buf_putc(&m->out, '$');
    for (size_t i = 0; i < m->tex.len; i++) {
        if (m->tex.data[i] == '|' && m->table)
            buf_putc(&m->out, '\\');
        buf_putc(&m->out, m->tex.data[i]);
    }
    buf_putc(&m->out, '$');
}

/* Append S to m->tex with whitespace runs made one space. */
static void gather_tex(md_out *m, const char *s, size_t len) {
    for (size_t i = 0; i < len; i++) {
        if (!walk_is_space((unsigned char)s[i]))
            buf_putc(&m->tex, s[i]);
        else if (m->tex.len && m->tex.data[m->tex.len - 1] != ' ')
            buf_putc(&m->tex, ' ');
    }
}

/* The text of N's TeX-holding child (N is a <script> or <annotation>). */
static void gather_tex_text(md_out *m, const node *n) {
    for (const node *k = n->first_child; k; k = k->next)
        if (k->tag == TAG_TEXT)
            gather_tex(m, node_text(m->doc, k), k->text_len);
}

/* A <math>: its alttext, else its TeX annotation. */
static void put_mathml(md_out *m, const node *math) {
    m->tex.len = 0;
    const char *alt = node_attr(math, "alttext");
    if (alt) {
        gather_tex(m, alt, strlen(alt));
    } else {
        for (const node *k = math; (k = tree_next(math, k, false)) != NULL;)
            if (k->flags & NODE_TEX) {
                gather_tex_text(m, k);
                break;
            }
    }
    const char *display = node_attr(math, "display");
    put_formula(m, display && strcmp(display, "block") == 0);
}

static void stepped_over(void *ctx, const node *n) {
    md_out *m = ctx;
    if (m->muted || (n->flags & NODE_HIDDEN))
        return;
    if (tag_kind((enum tag)n->tag) != K_SKIP) { /* cleaned away */
        if (n->text_chars) /* words, not a drawing lede cannot write */
            section_emptied(m);
        return;
    }
    if (n->tag == TAG_MATH) {
        put_mathml(m, n);
    } else if (n->flags & NODE_TEX) {
        m->tex.len = 0;
        gather_tex_text(m, n);
        const char *type = node_attr(n, "type");
        put_formula(m, type && strstr(type, "mode=display"));
    }
}

/* Whether S reads as TeX: a control word (\frac) or a braced super- or
 * subscript (x^{2}). A picture of a formula has its TeX as alt text. */
static bool looks_like_tex(const char *s) {
    for (; *s; s++) {
        if (s[0] == '\\' && is_alnum((unsigned char)s[1]) && !is_digit((unsigned char)s[1]) &&
            is_alnum((unsigned char)s[2]) && !is_digit((unsigned char)s[2]))
            return true;
        if ((s[0] == '^' || s[0] == '_') && s[1] == '{')
            return true;
    }
    return false;
}

/* An element standing for a formula whose TeX it names (data-math, as
 * KaTeX's wrappers have it): the formula, not its rendering, is written. */
static bool put_data_math(md_out *m, const node *n) {
    const char *tex = n->attr_count ? node_attr(n, "data-math") : NULL;
    if (!tex)
        return false;
    m->tex.len = 0;
    gather_tex(m, tex, strlen(tex));
    put_formula(m, node_is_block(n) || node_class_has(n, "display"));
    m->muted = n;
    return true;
}

/* ---- the walk ----------------------------------------------------------- */

static void put_image(md_out *m, const node *n) {
    const char *src = node_attr(n, "src");
    if (!src || !*src || walk_url_is_script(src) || m->pre || has_mark(m, MARK_CODE))
        return;
    const char *alt = node_attr(n, "alt");
    if (alt && looks_like_tex(alt)) { /* a picture of a formula */
        m->tex.len = 0;
        gather_tex(m, alt, strlen(alt));
        put_formula(m, node_class_has(n, "display"));
        return;
    }
    flush(m, '!');
    m->line_start = false;
    buf_append(&m->out, "![", 2);
    bool space = false, any = false;
    for (const char *s = alt ? alt : ""; *s; s++) {
        if (walk_is_space((unsigned char)*s)) {
            space = true;
            continue;
        }
        if (space && any)
            buf_putc(&m->out, ' ');
        space = false;
        any = true;
        if (*s == '\\' || *s == '[' || *s == ']' || (*s == '|' && m->table))
            buf_putc(&m->out, '\\');
        buf_putc(&m->out, *s);
    }
    buf_append(&m->out, "](", 2);
    put_url(m, src);
    buf_putc(&m->out, ')');
}

static void put_rule(md_out *m) {
    request(m, SEP_PARA);
    m->rule_start = m->out.len;
    flush_separator(m);
    buf_append(&m->out, "---", 3);
    m->rule_end = m->frame_count ? 0 : m->out.len;
    request(m, SEP_PARA);
}

static bool in_heading(const md_out *m) {
    return m->flat && walk_heading_level((enum tag)m->flat->tag);
}

/* Whether C leads the UTF-8 of a letter of another script: Latin-1 to
 * Arabic (C3-DF), Indic to Hangul (E0-EF but for E2, punctuation, arrows
 * and symbols); emoji (F0) and C2 (no-break space, ¶, §) are none. */
static bool starts_letter(unsigned char c) {
    return c >= 0xC3 && c <= 0xEF && c != 0xE2;
}

/* Whether the text of link A has no letter or digit: a symbol or an icon. */
static bool is_symbol_link(const document *doc, const node *a) {
    bool skip = false;
    for (const node *n = a; (n = tree_next(a, n, skip)) != NULL;) {
        skip = walk_skips(n, true);
        if (skip || n->tag != TAG_TEXT)
            continue;
        const char *s = node_text(doc, n);
        for (uint32_t i = 0; i < n->text_len; i++)
            if (is_alnum((unsigned char)s[i]) || starts_letter((unsigned char)s[i]))
                return false;
    }
    return true;
}

/* At the end of a heading: a link in brackets closing it ("History [edit]")
 * is an action on the page, not its title; it is cut back out. */
static void drop_action_link(md_out *m) {
    size_t open = m->heading_link_open, len = m->out.len;
    if (!m->heading_link_close || m->heading_link_close + 2 != len || open < 2 ||
        memcmp(m->out.data + len - 2, "\\]", 2) != 0 ||
        memcmp(m->out.data + open - 2, "\\[", 2) != 0)
        return;
    buf_truncate(&m->out, open - 2);
    buf_rtrim(&m->out, " ");
}

static void enter_inline(md_out *m, const node *n) {
    if (m->pre || has_mark(m, MARK_CODE))
        return;
    switch ((enum tag)n->tag) {
    case TAG_STRONG:
    case TAG_B:
        if (!has_mark(m, MARK_STRONG))
            push_mark(m, n, MARK_STRONG, 0);
        break;
    case TAG_EM:
    case TAG_I:
        if (!has_mark(m, MARK_EM))
            push_mark(m, n, MARK_EM, 0);
        break;
    case TAG_CODE:
    case TAG_KBD:
    case TAG_SAMP:
    case TAG_TT:
        push_mark(m, n, MARK_CODE, longest_tick_run(m->doc, n) + 1);
        break;
    case TAG_A: {
        const char *href = node_attr(n, "href");
        if (in_heading(m) && is_symbol_link(m->doc, n)) {
            m->muted = n; /* a heading's permalink: "#", "¶", an icon */
            break;
        }
        if (href && !walk_url_is_script(href) && !has_mark(m, MARK_LINK) &&
            !(m->doc->omit & LEDE_OMIT_LINKS)) {
            while (walk_is_space((unsigned char)*href))
                href++;
            /* a heading linked to itself (#its-id), inside or around it,
             * is only its title */
            bool permalink = *href == '#' && (in_heading(m) || (n->flags & NODE_HAS_BLOCK));
            if (*href && !permalink)
                push_mark(m, n, MARK_LINK, 0);
        }
        break;
    }
    default:
        break;
    }
}

/* A callout (a note, tip or warning box: Obsidian's "callout", the
 * "admonition" of Markdown tools, Bootstrap's "alert") is set off from
 * the text as a block quote. */
static bool is_callout(const node *n) {
    return n->cls && (attr_list_has(n->cls, "callout") || attr_list_has(n->cls, "admonition") ||
                      attr_list_has(n->cls, "alert"));
}

static void enter_block(md_out *m, const node *n) {
    enum tag t = (enum tag)n->tag;
    if (m->pre) {
        pre_line(m);
        return;
    }
    if (m->flat) {
        request(m, SEP_SPACE);
        return;
    }
    if (m->table) {
        if (t == TAG_TR) {
            start_row(m);
        } else if (t == TAG_TD || t == TAG_TH) {
            if (table_cell_opens_row(n))
                start_row(m);
            start_cell(m, n);
        } else if (t == TAG_CAPTION) {
            request(m, SEP_PARA);
        }
        return;
    }
    int level = walk_heading_level(t);
    if (level) {
        if (!m->frame_count)
            drop_bare_headings(m, level);
        m->heading_start = m->out.len;
        m->heading_link_close = 0;
        request(m, SEP_PARA);
        m->heading = level;
        m->flat = n;
        return;
    }
    switch (t) {
    case TAG_BLOCKQUOTE:
        request(m, SEP_PARA);
        push_frame(m, n, FRAME_QUOTE);
        break;
    case TAG_UL:
    case TAG_OL: {
        bool in_item = m->frame_count > 0 && m->frames[m->frame_count - 1].kind == FRAME_ITEM;
        push_frame(m, n, FRAME_LIST);
        /* Only a bullet or "1." may interrupt the item's paragraph. */
        const md_frame *list = &m->frames[m->frame_count - 1];
        bool interrupts = list->n == n && (!list->ordered || list->number == 1);
        request(m, in_item && interrupts ? SEP_LINE : SEP_PARA);
        break;
    }
    case TAG_LI:
        request(m, SEP_LINE);
        push_frame(m, n, FRAME_ITEM);
        break;
    case TAG_PRE:
        start_pre(m, n);
        break;
    case TAG_TABLE:
        start_table(m, n);
        break;
    default:
        request(m, SEP_PARA);
        if (is_callout(n))
            push_frame(m, n, FRAME_QUOTE);
    }
}

static void leave_block(md_out *m, const node *n) {
    enum tag t = (enum tag)n->tag;
    if (m->pre) {
        pre_line(m);
        return;
    }
    if (m->flat && m->flat != n) {
        request(m, SEP_SPACE);
        return;
    }
    if (m->flat == n) { /* a heading, a pipe table's cell or a note */
        if (walk_heading_level(t))
            drop_action_link(m);
        m->flat = NULL;
        m->heading = 0;
        if (m->table)
            end_cell(m, n);
        else
            request(m, SEP_PARA);
        if (walk_heading_level(t))
            end_heading(m, walk_heading_level(t));
        return;
    }
    if (m->table && t != TAG_TABLE) {
        if (t == TAG_TR)
            end_row(m);
        else if (t == TAG_CAPTION)
            request(m, SEP_PARA);
        return;
    }
    switch (t) {
    case TAG_BLOCKQUOTE:
        pop_frame(m, n);
        request(m, SEP_PARA);
        break;
    case TAG_UL:
    case TAG_OL:
        pop_frame(m, n);
        request(m, SEP_LIST_END);
        break;
    case TAG_LI:
        pop_frame(m, n);
        request(m, SEP_LINE);
        break;
    case TAG_TABLE:
        end_table(m, n);
        break;
    default:
        pop_frame(m, n); /* a callout's quote; no-op for other blocks */
        request(m, SEP_PARA);
    }
}

/* A footnote's reference, its body in the text, a link back from it: the
 * first is written [^n], the others are muted. */
static bool put_note_part(md_out *m, const node *n) {
    uint32_t number;
    switch (notes_role(&m->notes, n, &number)) {
    case NOTE_REFERENCE: {
        char ref[24];
        int len = snprintf(ref, sizeof ref, "[^%u]", (unsigned)number);
        flush(m, '[');
        m->line_start = false;
        buf_append(&m->out, ref, (size_t)len);
        break;
    }
    case NOTE_BODY:
        if (n == m->note)
            return false;
        section_emptied(m);
        break;
    case NOTE_BACKLINK:
        break;
    default:
        return false;
    }
    m->muted = n;
    return true;
}

static void enter(void *ctx, const node *n) {
    md_out *m = ctx;
    if (m->joined && n != m->joined && !(n->tag == TAG_TEXT && walk_is_blank_text(m->doc, n)))
        end_listing(m);
    if (m->muted || (n->tag != TAG_TEXT && (put_note_part(m, n) || put_data_math(m, n))))
        return;
    if (m->pre && code_is_line_number(n)) { /* a numbered line's number */
        m->muted = n;
        return;
    }
    switch ((enum tag)n->tag) {
    case TAG_TEXT:
        /* blank, between the pieces of a listing or the cells of its lines */
        if (m->joined || (m->pre && code_text_between_cells(n)))
            return;
        if (m->pre)
            put_verbatim(m, node_text(m->doc, n), n->text_len);
        else
            put_collapsed(m, node_text(m->doc, n), n->text_len);
        return;
    case TAG_BR:
        if (m->pre)
            put_verbatim(m, "\n", 1);
        else
            request(m, has_mark(m, MARK_CODE) ? SEP_SPACE : SEP_BREAK);
        return;
    case TAG_IMG:
        put_image(m, n);
        return;
    case TAG_HR:
        if (m->pre)
            pre_line(m);
        else if (m->flat)
            request(m, SEP_SPACE);
        else
            put_rule(m);
        return;
    default:
        if (opens_listing(m, n))
            start_pre(m, n);
        else if (node_is_block(n))
            enter_block(m, n);
        else
            enter_inline(m, n);
    }
}

static void leave(void *ctx, const node *n) {
    md_out *m = ctx;
    if (m->joined && n->tag != TAG_TEXT) /* the listing's parent: no piece follows */
        end_listing(m);
    if (m->muted) {
        if (m->muted == n)
            m->muted = NULL;
        return;
    }
    if (n->tag == TAG_TEXT || tag_kind((enum tag)n->tag) == K_VOID)
        return;
    if (m->pre == n)
        end_pre(m);
    else if (node_is_block(n))
        leave_block(m, n);
    else
        pop_mark(m, n);
}

/* The notes after the article, "[^n]: " and the note on one line. */
static void put_notes(md_out *m, const walk_visitor *visitor) {
    for (uint32_t i = 0; i < m->notes.count; i++) {
        request(m, SEP_PARA);
        flush_separator(m);
        size_t start = m->out.len;
        char label[24];
        int len = snprintf(label, sizeof label, "[^%u]: ", (unsigned)i + 1);
        buf_append(&m->out, label, (size_t)len);
        m->line_start = false;
        size_t content = m->out.len;
        m->note = m->flat = m->notes.bodies[i];
        /* the note itself may be flagged removed (notes.h): entered here */
        enter(m, m->note);
        for (const node *k = m->note->first_child; k; k = k->next)
            walk_subtree(k, visitor, m);
        leave(m, m->note);
        m->note = NULL;
        if (m->out.len == content) /* nothing but its way back */
            buf_truncate(&m->out, start);
    }
}

char *render_markdown(const document *doc, const article *art) {
    md_out m = {.doc = doc, .need_prefix = true};
    buf_init(&m.out);
    buf_init(&m.pre_space);
    buf_init(&m.link);
    buf_init(&m.tex);
    static const walk_visitor visitor = {enter, leave, true, stepped_over};
    bool failed = !notes_find(&m.notes, doc, art);
    if (!failed) {
        walk_article(art, &visitor, &m);
        end_listing(&m);
        if (m.rule_end && m.out.len == m.rule_end) /* a rule ends nothing */
            buf_truncate(&m.out, m.rule_start);
        drop_bare_headings(&m, 1);
        put_notes(&m, &visitor);
    }
    notes_free(&m.notes);
    failed = failed || m.pre_space.failed || m.link.failed || m.tex.failed;
    buf_free(&m.pre_space);
    buf_free(&m.link);
    buf_free(&m.tex);
    if (failed) {
        buf_free(&m.out);
        return NULL;
    }
    return buf_take(&m.out);
}
