/*
 * trim.c — the last pass over the chosen article (Readability's
 * post-processing, and what news sites add on top of it).
 *
 * Conditional cleaning: containers (div, section, list, table, form) inside
 * the article go when their own numbers say they are not prose: more links
 * than text, more list items or images or inputs than paragraphs, an embed
 * with hardly any text. The numbers are gathered bottom-up in one reverse
 * walk, so inner containers are judged (and removed) before the ones that
 * hold them, and each is judged on what is left.
 *
 * Copies: news pages repeat things the reader has already seen or that
 * belong in metadata: the headline (alone, or after "Publisher: "), the
 * byline, a teaser of the first paragraph cut off with "…" or "[…]", and
 * labels of audio players or ad slots. Each block's text is compared with
 * the page's declared headline, author and description and with the other
 * blocks; the label vocabulary is short phrases in several languages,
 * kept in the lexicon (src/lexicon/) with the metadata stage's words.
 * Every threshold, and how strict conditional cleaning is, are the tuning
 * table's (tuning.h).
 */
#include "trim.h"

#include <ctype.h>
#include <utf8proc.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "lexicon/lexicon.h"
#include "tuning.h"
#include "vocab.h"

typedef struct counts {
    uint32_t paragraphs, images, list_items, inputs, embeds, table_headers;
    uint32_t heading_chars;
    /* text and link text of the data tables kept inside: a table of links
     * (downloads, models, references) is data, not a container's links */
    uint32_t data_table_chars, data_table_link_chars;
} counts;

typedef struct node_list {
    node **items;
    size_t len, cap;
} node_list;

static bool list_push(node_list *l, node *n) {
    if (l->len == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 256;
        node **p = realloc(l->items, cap * sizeof *p);
        if (!p)
            return false;
        l->items = p;
        l->cap = cap;
    }
    l->items[l->len++] = n;
    return true;
}

/* The elements of ART in pre-order, removed subtrees left out except for
 * their root (embeds are counted although clean.c removed them). */
static bool collect(const article *art, node_list *out) {
    for (size_t i = 0; i < art->count; i++) {
        node *top = art->roots[i];
        for (node *n = top; n;) {
            bool removed = (n->flags & NODE_REMOVED) != 0;
            if (n->tag != TAG_TEXT && !list_push(out, n))
                return false;
            n = tree_next(top, n, removed);
        }
    }
    return true;
}

static void count_self(const node *n, counts *c) {
    switch ((enum tag)n->tag) {
    case TAG_P:
        c->paragraphs++;
        break;
    case TAG_IMG:
        c->images++;
        break;
    case TAG_LI:
        c->list_items++;
        break;
    case TAG_INPUT:
    case TAG_SELECT:
    case TAG_TEXTAREA:
        c->inputs++;
        break;
    case TAG_IFRAME:
    case TAG_EMBED:
    case TAG_OBJECT:
    case TAG_VIDEO:
        c->embeds++;
        break;
    case TAG_TH:
    case TAG_THEAD:
    case TAG_CAPTION:
        c->table_headers++;
        break;
    default:
        if (tag_is_heading((enum tag)n->tag))
            c->heading_chars += n->text_chars;
        break;
    }
}

static void add_counts(counts *to, const counts *from) {
    to->paragraphs += from->paragraphs;
    to->images += from->images;
    to->list_items += from->list_items;
    to->inputs += from->inputs;
    to->embeds += from->embeds;
    to->table_headers += from->table_headers;
    to->heading_chars += from->heading_chars;
    to->data_table_chars += from->data_table_chars;
    to->data_table_link_chars += from->data_table_link_chars;
}

static bool cleaned_conditionally(enum tag t) {
    switch (t) {
    case TAG_DIV:
    case TAG_SECTION:
    case TAG_UL:
    case TAG_OL:
    case TAG_TABLE:
    case TAG_FORM:
    case TAG_FIELDSET:
    case TAG_HEADER:
    case TAG_DL:
        return true;
    default:
        return false;
    }
}

static bool in_figure(const node *n) {
    for (const node *a = n->parent; a; a = a->parent)
        if (a->tag == TAG_FIGURE)
            return true;
    return false;
}

/* The link density of N's text outside the data tables it holds. */
static float link_density_outside_tables(const node *n, const counts *c) {
    uint32_t chars = n->text_chars - (c->data_table_chars < n->text_chars ? c->data_table_chars
                                                                         : n->text_chars);
    uint32_t links = n->link_chars - (c->data_table_link_chars < n->link_chars
                                          ? c->data_table_link_chars
                                          : n->link_chars);
    return (float)link_density(links, chars);
}

/* Readability's _cleanConditionally, on N's subtree numbers C. Its class
 * and id weigh score.c's class weight each way (a role does not weigh
 * here). */
static bool is_boilerplate_container(const node *n, const counts *c, const lede_tuning *tuning) {
    const trim_tuning *trimming = &tuning->trim;
    /* commas inside links are headlines' commas, not prose */
    if (n->commas >= trimming->prose_commas &&
        n->link_chars < trimming->prose_max_link_density * n->text_chars)
        return false;
    enum tag t = (enum tag)n->tag;
    if (t == TAG_TABLE && c->table_headers)
        return false; /* a data table */
    unsigned bits = n->vocab;
    if ((bits & VOCAB_EMBED) && !(bits & VOCAB_COMMENTS))
        return false; /* a quoted post: links and handles are its nature */
    float class_weight = tuning->score.class_weight;
    float weight = (bits & VOCAB_CONTENT ? class_weight : 0) -
                   (bits & (VOCAB_BOILERPLATE | VOCAB_COMMENTS) ? class_weight : 0);
    if (weight < 0)
        return true;
    bool is_list = t == TAG_UL || t == TAG_OL || t == TAG_DL;
    float chars = (float)n->text_chars;
    float ld = link_density_outside_tables(n, c);
    if (trimming->containers_by_links_only)
        return ld > trimming->container_max_link_density;
    float heading_density = chars > 0 ? (float)c->heading_chars / chars : 0;
    if (c->images > 1 &&
        (float)c->paragraphs / (float)c->images < trimming->gallery_paragraphs_per_image &&
        chars < (float)trimming->caption_chars * (float)c->images && !in_figure(n))
        return true;
    if (!is_list && c->list_items > c->paragraphs + trimming->list_item_allowance)
        return true;
    if (c->inputs > c->paragraphs / trimming->paragraphs_per_input)
        return true;
    if (!is_list && heading_density < trimming->link_container_max_heading_density &&
        chars < trimming->min_container_chars &&
        (c->images == 0 || c->images > trimming->link_container_max_images) && ld > 0)
        return true;
    if (weight < class_weight && ld > trimming->container_max_link_density &&
        !(is_list && ld < trimming->content_max_link_density))
        return true;
    if (weight >= class_weight && ld > trimming->content_max_link_density)
        return true;
    return (c->embeds == 1 && chars < trimming->embed_context_chars) || c->embeds > 1;
}

static lede_status clean_conditionally(document *doc, const article *art,
                                       const lede_tuning *tuning) {
    node_list nodes = {0};
    counts *all = calloc(doc->node_count, sizeof *all);
    if (!all || !collect(art, &nodes)) {
        free(all);
        free(nodes.items);
        return LEDE_ERR_NOMEM;
    }
    for (size_t i = nodes.len; i-- > 0;) {
        node *n = nodes.items[i];
        counts *c = &all[n->order];
        count_self(n, c);
        bool root = (n->flags & NODE_SELECTED) != 0;
        if (!root && !(n->flags & NODE_REMOVED) && cleaned_conditionally((enum tag)n->tag) &&
            is_boilerplate_container(n, c, tuning)) {
            tree_remove(n);
            continue;
        }
        if (n->tag == TAG_TABLE && c->table_headers && !(n->flags & NODE_REMOVED)) {
            /* the whole table, the data tables inside it included */
            c->data_table_chars = n->text_chars;
            c->data_table_link_chars = n->link_chars;
        }
        if (!root && n->parent && !(n->flags & NODE_REMOVED))
            add_counts(&all[n->parent->order], c);
        else if (!root && n->parent && tag_kind((enum tag)n->tag) == K_SKIP)
            all[n->parent->order].embeds += c->embeds;
    }
    free(all);
    free(nodes.items);
    return LEDE_OK;
}

/* Lower-casing a code point lengthens its UTF-8 by half at most (the
 * two-byte U+023A becomes the three-byte U+2C65): the room normalise()
 * reserves for LEN bytes. */
#define NORMALISED_ROOM(len) ((len) + (len) / 2 + 4)

/* The code point at S (LEN bytes left, not ASCII) lower-cased into OUT;
 * the bytes it took, and in *WRITTEN the bytes it wrote. A byte that
 * starts no code point is copied. */
static size_t put_lower(const char *s, size_t len, char *out, size_t *written) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)len, &cp);
    if (n <= 0) {
        out[0] = s[0];
        *written = 1;
        return 1;
    }
    *written = (size_t)utf8proc_encode_char(utf8proc_tolower(cp), (utf8proc_uint8_t *)out);
    return (size_t)n;
}

/* An ASCII letter or digit as normalise() writes it, lower-cased; 0 for
 * every other ASCII byte. */
static const unsigned char ascii_folded[128] = {
    ['0'] = '0', ['1'] = '1', ['2'] = '2', ['3'] = '3', ['4'] = '4', ['5'] = '5', ['6'] = '6',
    ['7'] = '7', ['8'] = '8', ['9'] = '9', ['a'] = 'a', ['b'] = 'b', ['c'] = 'c', ['d'] = 'd',
    ['e'] = 'e', ['f'] = 'f', ['g'] = 'g', ['h'] = 'h', ['i'] = 'i', ['j'] = 'j', ['k'] = 'k',
    ['l'] = 'l', ['m'] = 'm', ['n'] = 'n', ['o'] = 'o', ['p'] = 'p', ['q'] = 'q', ['r'] = 'r',
    ['s'] = 's', ['t'] = 't', ['u'] = 'u', ['v'] = 'v', ['w'] = 'w', ['x'] = 'x', ['y'] = 'y',
    ['z'] = 'z', ['A'] = 'a', ['B'] = 'b', ['C'] = 'c', ['D'] = 'd', ['E'] = 'e', ['F'] = 'f',
    ['G'] = 'g', ['H'] = 'h', ['I'] = 'i', ['J'] = 'j', ['K'] = 'k', ['L'] = 'l', ['M'] = 'm',
    ['N'] = 'n', ['O'] = 'o', ['P'] = 'p', ['Q'] = 'q', ['R'] = 'r', ['S'] = 's', ['T'] = 't',
    ['U'] = 'u', ['V'] = 'v', ['W'] = 'w', ['X'] = 'x', ['Y'] = 'y', ['Z'] = 'z',
};

/* Letters lower-cased (any script's, by libutf8proc), digits and other
 * non-ASCII characters kept, every other ASCII byte a single space: texts
 * that differ only in case, punctuation and spacing compare equal. It runs
 * over every short block of the article, so it writes into room reserved
 * once rather than a byte at a time. */
static void normalise(const char *s, size_t len, buf *out) {
    out->len = 0;
    if (!buf_reserve(out, NORMALISED_ROOM(len)))
        return;
    char *w = out->data;
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80) {
            size_t wrote;
            i += put_lower(s + i, len - i, w + n, &wrote) - 1;
            n += wrote;
        } else if (ascii_folded[c]) {
            w[n++] = (char)ascii_folded[c];
        } else if (n && w[n - 1] != ' ') {
            w[n++] = ' ';
        }
    }
    while (n && w[n - 1] == ' ')
        n--;
    w[n] = '\0';
    out->len = n;
}

typedef struct block {
    node *n;
    size_t raw_off, raw_len;   /* collapsed text in texts */
    size_t norm_off, norm_len; /* normalised text in texts */
} block;

typedef struct copies {
    block *blocks;
    size_t count, cap;
    buf texts;
    buf scratch;
    buf title, author, description, sitename, section;
    buf pictures; /* normalised alt and title texts of the article's images, NUL-separated */
    const trim_tuning *tuning;
} copies;

/* Blocks without blocks inside, and inline elements standing alone among
 * blocks (a kicker link, a byline <span> between heading and text). */
static bool is_text_block(const node *n) {
    enum tag t = (enum tag)n->tag;
    if (t == TAG_TEXT)
        return false;
    if (!node_is_block(n))
        return n->parent && (n->parent->flags & NODE_HAS_BLOCK) && node_is_block(n->parent);
    return t == TAG_P || tag_is_heading(t) || !(n->flags & NODE_HAS_BLOCK);
}

static bool add_block(const document *doc, copies *cp, node *n) {
    if (cp->count == cp->cap) {
        size_t cap = cp->cap ? cp->cap * 2 : 128;
        block *p = realloc(cp->blocks, cap * sizeof *p);
        if (!p)
            return false;
        cp->blocks = p;
        cp->cap = cap;
    }
    block *b = &cp->blocks[cp->count++];
    b->n = n;
    cp->scratch.len = 0;
    node_collect_text(doc, n, &cp->scratch);
    buf_rtrim(&cp->scratch, " ");
    b->raw_off = cp->texts.len;
    b->raw_len = cp->scratch.len;
    buf_append(&cp->texts, cp->scratch.data ? cp->scratch.data : "", cp->scratch.len);
    buf_putc(&cp->texts, '\0');
    buf tmp;
    buf_init(&tmp);
    normalise(cp->scratch.data ? cp->scratch.data : "", cp->scratch.len, &tmp);
    b->norm_off = cp->texts.len;
    b->norm_len = tmp.len;
    buf_append(&cp->texts, tmp.data ? tmp.data : "", tmp.len);
    buf_putc(&cp->texts, '\0');
    bool ok = !tmp.failed;
    buf_free(&tmp);
    return ok && !cp->texts.failed && !cp->scratch.failed;
}

static bool collect_blocks(const document *doc, const article *art, copies *cp) {
    for (size_t i = 0; i < art->count; i++) {
        node *top = art->roots[i];
        for (node *n = top; n;) {
            bool skip = (n->flags & NODE_REMOVED) != 0;
            /* Code is quoted as it is: a line of it that ends like the
             * headline ("use 'user/sample-plugin'") is no copy of it. */
            skip = skip || (n->flags & NODE_IN_CODE) || n->tag == TAG_PRE;
            if (!skip && is_text_block(n)) {
                if (n->text_chars && n->text_chars <= cp->tuning->max_copy_chars &&
                    !add_block(doc, cp, n))
                    return false;
                skip = !(n->flags & NODE_HAS_BLOCK) || !node_is_block(n);
            }
            n = tree_next(top, n, skip);
        }
    }
    return true;
}

/* The words of normalised text S (single spaces, no ends). */
static size_t count_words(const char *s, size_t len) {
    if (len == 0)
        return 0;
    size_t words = 1;
    for (size_t i = 0; i < len; i++)
        words += s[i] == ' ';
    return words;
}

static void add_picture_words(copies *cp, const char *words) {
    if (!words)
        return;
    normalise(words, strlen(words), &cp->scratch);
    if (cp->scratch.len < cp->tuning->min_picture_words_chars ||
        count_words(cp->scratch.data, cp->scratch.len) < cp->tuning->min_picture_words)
        return;
    buf_append(&cp->pictures, cp->scratch.data, cp->scratch.len);
    buf_putc(&cp->pictures, '\0');
}

/* Removed images too: a caption repeats its picture whether or not the
 * picture itself is shown. */
static void collect_pictures(const article *art, copies *cp) {
    for (size_t i = 0; i < art->count; i++)
        for (node *n = art->roots[i]; n; n = tree_next(art->roots[i], n, false))
            if (n->tag == TAG_IMG) {
                add_picture_words(cp, node_attr(n, "alt"));
                add_picture_words(cp, node_attr(n, "title"));
            }
}

static const char *raw_text(const copies *cp, const block *b) {
    return cp->texts.data + b->raw_off;
}

static const char *norm_text(const copies *cp, const block *b) {
    return cp->texts.data + b->norm_off;
}

static bool ends_with(const char *s, size_t len, const char *suffix, size_t sl) {
    return len >= sl && memcmp(s + len - sl, suffix, sl) == 0;
}

static bool is_headline_copy(const copies *cp, const block *b) {
    const char *t = norm_text(cp, b), *h = cp->title.data;
    size_t tl = b->norm_len, hl = cp->title.len;
    if (!hl || tl < hl || tl > hl + cp->tuning->headline_copy_extra)
        return false;
    return ends_with(t, tl, h, hl) || memcmp(t, h, hl) == 0;
}

/* The section or the site name alone: a kicker or a masthead line. */
static bool is_name_label(const copies *cp, const block *b) {
    const char *t = norm_text(cp, b);
    return (cp->section.len && strcmp(t, cp->section.data) == 0) ||
           (cp->sitename.len && strcmp(t, cp->sitename.data) == 0);
}

/* A caption: the words of a picture in the article again, with at most a
 * credit after them. Captions describe pictures, not the story (clean.c
 * drops <figcaption> for the same reason); this finds those not marked up. */
static bool is_caption_copy(const copies *cp, const block *b) {
    enum tag bt = (enum tag)b->n->tag;
    if (tag_is_heading(bt) || bt == TAG_TD || bt == TAG_TH)
        return false; /* a table's cells name its pictures as data */
    if (!cp->pictures.data)
        return false; /* the article has no picture with words */
    const char *t = norm_text(cp, b);
    const char *p = cp->pictures.data, *end = p + cp->pictures.len;
    for (; p < end; p += strlen(p) + 1) {
        size_t pl = strlen(p);
        if (b->norm_len < pl || memcmp(t, p, pl) != 0 || (t[pl] != '\0' && t[pl] != ' '))
            continue;
        const char *rest = t + pl + (t[pl] == ' ');
        if (count_words(rest, strlen(rest)) <= cp->tuning->max_caption_credit_words)
            return true;
    }
    return false;
}

static bool is_byline(const copies *cp, const block *b) {
    if (b->raw_len > cp->tuning->max_byline_chars)
        return false;
    const char *t = norm_text(cp, b);
    if (lexicon_opening(LEXICON_BYLINE_BLOCK_OPENINGS, t, b->norm_len) ||
        lexicon_holds(LEXICON_BYLINE_BLOCK_PHRASES, t, b->norm_len))
        return true;
    size_t al = cp->author.len;
    return al && b->norm_len < al + cp->tuning->byline_author_extra && strstr(t, cp->author.data);
}

/* A label alone, or a label opening a link to another story
 * ("Related: Ten things to know about the budget"). */
static bool is_label(const copies *cp, const block *b) {
    const trim_tuning *tuning = cp->tuning;
    bool linked = (float)node_link_density(b->n) >= tuning->linked_label_density;
    if (b->raw_len > (linked ? tuning->max_linked_label_chars : tuning->max_label_chars))
        return false;
    const char *t = norm_text(cp, b);
    if (lexicon_opening(LEXICON_PAGE_LABEL_OPENINGS, t, b->norm_len))
        return true;
    lexicon_rows read_also = lexicon_rows_of(LEXICON_READ_ALSO_LABELS);
    for (size_t i = 0; i < read_also.count; i++) {
        size_t len = strlen(read_also.row[i]);
        if (b->norm_len > len && t[len] == ' ' && strncmp(t, read_also.row[i], len) == 0)
            return true; /* "Lesen Sie auch: <a>…</a>" */
    }
    if (b->raw_len > tuning->max_label_chars)
        return false;
    return lexicon_is(LEXICON_PAGE_LABELS, t, b->norm_len) ||
           lexicon_is(LEXICON_READ_ALSO_LABELS, t, b->norm_len);
}

/* A credit line: a credit label, a colon and who is credited, alone in a
 * short block that is not a cell (a table's own "Source:" column) and not
 * a heading ("Quellen:" heading a reference list has nothing after it). */
static bool is_credit_line(copies *cp, const block *b) {
    enum tag bt = (enum tag)b->n->tag;
    if (b->raw_len > cp->tuning->max_credit_line_chars || bt == TAG_TD || bt == TAG_TH ||
        tag_is_heading(bt))
        return false;
    const char *raw = raw_text(cp, b);
    const char *colon = memchr(raw, ':', b->raw_len);
    if (!colon || colon == raw || colon + 1 == raw + b->raw_len)
        return false;
    normalise(raw, (size_t)(colon - raw), &cp->scratch);
    return !cp->scratch.failed &&
           lexicon_is(LEXICON_CREDIT_LABELS, cp->scratch.data, cp->scratch.len);
}

/* A short note opening with a publication phrase and holding a date. */
static bool is_publication_note(const copies *cp, const block *b) {
    enum tag bt = (enum tag)b->n->tag;
    if (b->raw_len > cp->tuning->max_publication_note_chars || bt == TAG_TD || bt == TAG_TH ||
        !strpbrk(raw_text(cp, b), "0123456789"))
        return false;
    return lexicon_opening(LEXICON_PUBLICATION_NOTE_OPENINGS, norm_text(cp, b), b->norm_len);
}

/* Does normalised text T hold PHRASE from the start of a word ("our
 * newsletter" is not in "harbour newsletter")? A word starts after a space
 * or a no-break space (U+00A0, which normalise() keeps); its end is left
 * free, for the same reason. */
static bool has_phrase(const char *t, const char *phrase) {
    for (const char *p = strstr(t, phrase); p; p = strstr(p + 1, phrase))
        if (p == t || p[-1] == ' ' || (p - t >= 2 && memcmp(p - 2, "\xC2\xA0", 2) == 0))
            return true;
    return false;
}

static bool is_call_to_action(const copies *cp, const block *b) {
    enum tag kind = (enum tag)b->n->tag;
    if (b->raw_len > cp->tuning->max_call_to_action_chars || tag_is_heading(kind) || kind == TAG_LI)
        return false;
    const char *t = norm_text(cp, b);
    lexicon_rows calls = lexicon_rows_of(LEXICON_CALLS_TO_ACTION);
    for (size_t i = 0; i < calls.count; i++)
        if (has_phrase(t, calls.row[i]))
            return true;
    return false;
}

/* A paragraph that is (nearly) one link and nothing else points to another
 * story. */
static bool is_link_paragraph(const copies *cp, const block *b) {
    enum tag t = (enum tag)b->n->tag;
    if (t == TAG_LI || t == TAG_TD || t == TAG_TH || t == TAG_DT || t == TAG_DD ||
        tag_is_heading(t) || !node_is_block(b->n))
        return false; /* list items and headings that are links are the story's own */
    return b->raw_len <= cp->tuning->max_linked_label_chars &&
           (float)node_link_density(b->n) >= cp->tuning->link_paragraph_density;
}


/* The length of RAW without a trailing ellipsis, or 0 when it has none. */
static size_t without_ellipsis(const char *raw, size_t len) {
    static const char *const marks[] = {"[\xE2\x80\xA6]", "[...]", "(\xE2\x80\xA6)",
                                        "\xE2\x80\xA6", "..."};
    for (size_t i = 0; i < sizeof marks / sizeof marks[0]; i++) {
        size_t ml = strlen(marks[i]);
        if (ends_with(raw, len, marks[i], ml))
            return len - ml;
    }
    return 0;
}

/* A teaser: cut off with an ellipsis, and the start of another block or of
 * the description. */
static bool is_teaser(copies *cp, const block *b) {
    size_t cut = without_ellipsis(raw_text(cp, b), b->raw_len);
    if (cut < cp->tuning->min_teaser_chars)
        return false;
    normalise(raw_text(cp, b), cut, &cp->scratch);
    const char *t = cp->scratch.data;
    size_t tl = cp->scratch.len;
    if (cp->description.len > tl && memcmp(cp->description.data, t, tl) == 0)
        return true;
    for (size_t i = 0; i < cp->count; i++) {
        const block *o = &cp->blocks[i];
        if (o != b && o->norm_len > tl && memcmp(norm_text(cp, o), t, tl) == 0)
            return true;
    }
    return false;
}

/* ---- orphan labels at the end ---------------------------------------------
 * A "More on this topic" heading or a "Share this page" label whose block
 * went (cleaned away as links) is left standing at the end of the text. A
 * short block that ends the article with nothing after it, and does not end
 * as a sentence does, titles nothing: it goes, and so does the one before
 * it, until a sentence ends the text. */

/* A short trailing block is a label unless it ends as sentences and quotes
 * do (or holds digits, below). */
static bool ends_a_sentence(const char *raw, size_t len) {
    static const char *const ends[] = {".", "!", "?", "\"", "'", ")", "\xE2\x80\x9D",
                                       "\xC2\xBB", "\xE3\x80\x82", "\xEF\xBC\x81",
                                       "\xEF\xBC\x9F", "\xE2\x80\xA6"};
    for (size_t i = 0; i < sizeof ends / sizeof ends[0]; i++)
        if (ends_with(raw, len, ends[i], strlen(ends[i])))
            return true;
    return false;
}

static bool is_orphan_label(const copies *cp, const block *b) {
    enum tag t = (enum tag)b->n->tag;
    if (t == TAG_LI || t == TAG_TD || t == TAG_TH || t == TAG_DD || t == TAG_DT ||
        b->norm_len == 0)
        return false; /* the last item of a list is the list's */
    size_t max = tag_is_heading(t) ? cp->tuning->max_orphan_heading_chars
                                   : cp->tuning->max_orphan_label_chars;
    const char *raw = raw_text(cp, b);
    if (!tag_is_heading(t) && strpbrk(raw, "0123456789"))
        return false; /* a price, a phone number, a date: a fact, not a label */
    return b->raw_len <= max && !ends_a_sentence(raw, b->raw_len);
}

static bool is_visible_text(const document *doc, const node *n) {
    const char *t = doc->text + n->text_off;
    for (uint32_t i = 0; i < n->text_len; i++)
        if (!isspace((unsigned char)t[i]))
            return true;
    return false;
}

static bool is_media(enum tag t) {
    return t == TAG_IMG || t == TAG_VIDEO || t == TAG_AUDIO || t == TAG_IFRAME ||
           t == TAG_EMBED || t == TAG_OBJECT || t == TAG_MATH || t == TAG_SVG || t == TAG_CANVAS;
}

/* The last text or picture of ART a reader sees: a heading over a picture
 * titles the picture, and an embed that clean took out (a player, a post)
 * is still what the line before it introduced. */
static const node *last_seen(const document *doc, const article *art) {
    for (size_t i = art->count; i-- > 0;) {
        const node *top = art->roots[i];
        for (const node *k = tree_last(top); k; k = tree_prev(top, k)) {
            if (k->flags & NODE_HIDDEN)
                continue;
            if (is_media((enum tag)k->tag))
                return k;
            if (k->tag == TAG_TEXT && !(k->flags & NODE_REMOVED) && is_visible_text(doc, k))
                return k;
        }
    }
    return NULL;
}

/* The collected block that holds text node T, or NULL. */
static const block *block_of(const copies *cp, const node *t) {
    for (size_t i = cp->count; i-- > 0;)
        for (const node *a = t->parent; a; a = a->parent)
            if (a == cp->blocks[i].n)
                return &cp->blocks[i];
    return NULL;
}

static bool is_inside(const node *n, const node *top) {
    for (const node *a = n; a; a = a->parent)
        if (a == top)
            return true;
    return false;
}

static void remove_orphan_labels(const document *doc, const article *art, const copies *cp) {
    /* a heading and the label under it, a contact line or two: more is
     * the article's own end */
    for (int round = 0; round < cp->tuning->max_orphan_labels; round++) {
        const node *last = last_seen(doc, art);
        const block *b = last && last->tag == TAG_TEXT ? block_of(cp, last) : NULL;
        if (!b || (b->n->flags & (NODE_SELECTED | NODE_HAS_BLOCK)) ||
            article_chars(art) <= b->n->text_chars || !is_orphan_label(cp, b))
            return; /* a label ends an article, it is never all of one */
        tree_remove(b->n);
    }
}

/* ---- the tail of other stories -------------------------------------------
 * A page ends its article with "Read more", "Mehr zum Thema", "Temas
 * relacionados" and the stories, contacts or promotions under it. Where
 * such a label stands alone in the last part of the article, it and all
 * that follows are the page's, not the story's. */

/* A closing label (the author's biography, the press contact) cuts the
 * tail whether prose follows or not; a tail label only where none does
 * (lexicon/related_labels.c says why). */
typedef enum tail_kind { NOT_TAIL, TAIL_LABEL, CLOSING_LABEL } tail_kind;

/* Whether B is a label that may open the article's tail, and which kind. */
static tail_kind tail_label_kind(const copies *cp, const block *b) {
    enum tag t = (enum tag)b->n->tag;
    if (t == TAG_LI || t == TAG_TD || t == TAG_TH || b->raw_len > cp->tuning->max_label_chars)
        return NOT_TAIL;
    const char *text = norm_text(cp, b);
    if (lexicon_is(LEXICON_CLOSING_LABELS, text, b->norm_len))
        return CLOSING_LABEL;
    if (lexicon_is(LEXICON_TAIL_LABELS, text, b->norm_len) ||
        lexicon_is(LEXICON_READ_ALSO_LABELS, text, b->norm_len))
        return TAIL_LABEL;
    return NOT_TAIL;
}

/* Remove N and everything after it in ART. */
static void remove_from(const article *art, node *n) {
    size_t root = 0;
    while (root < art->count && !is_inside(n, art->roots[root]))
        root++;
    for (size_t i = root + 1; i < art->count; i++)
        tree_remove(art->roots[i]);
    for (node *a = n; a && root < art->count; a = a->parent) {
        for (node *s = a->next; s && a != art->roots[root]; s = s->next)
            tree_remove(s);
        if (a == art->roots[root])
            break;
    }
    tree_remove(n);
}

/* Whether a prose block follows N in ART: the story going on under a
 * subheading, not a list of other stories. */
static bool prose_follows(const article *art, const node *n, const trim_tuning *tuning) {
    bool after = false;
    for (size_t i = 0; i < art->count; i++) {
        const node *top = art->roots[i];
        for (const node *k = top; k;) {
            bool skip = (k->flags & NODE_REMOVED) != 0;
            if (k == n) {
                after = true;
                skip = true;
            } else if (after && !skip && node_is_block(k) && !(k->flags & NODE_HAS_BLOCK) &&
                       k->text_chars >= tuning->tail_prose_chars &&
                       (float)k->link_chars <
                           tuning->tail_prose_link_density * (float)k->text_chars) {
                return true;
            }
            k = tree_next(top, k, skip);
        }
    }
    return false;
}

static uint32_t text_before(const article *art, const node *n) {
    uint32_t chars = 0;
    for (size_t i = 0; i < art->count; i++) {
        const node *top = art->roots[i];
        for (const node *k = top; k;) {
            if (k == n)
                return chars;
            bool skip = (k->flags & NODE_REMOVED) != 0;
            if (!skip && k->tag == TAG_TEXT)
                chars += k->text_chars;
            k = tree_next(top, k, skip);
        }
    }
    return chars;
}

static void remove_tail(const article *art, const copies *cp) {
    uint32_t total = article_chars(art);
    for (size_t i = 0; i < cp->count; i++) {
        const block *b = &cp->blocks[i];
        if (b->n->flags & (NODE_REMOVED | NODE_SELECTED))
            continue;
        tail_kind kind = tail_label_kind(cp, b);
        if (kind == NOT_TAIL)
            continue;
        if (text_before(art, b->n) >= cp->tuning->tail_label_position * total &&
            (kind == CLOSING_LABEL || !prose_follows(art, b->n, cp->tuning))) {
            remove_from(art, b->n);
            return;
        }
    }
}

static void normalise_hint(const char *s, buf *out) {
    if (!s) {
        normalise("", 0, out);
        return;
    }
    /* several authors: the first one is enough to recognise the line */
    const char *end = strstr(s, "; ");
    normalise(s, end ? (size_t)(end - s) : strlen(s), out);
}

static void copies_free(copies *cp) {
    free(cp->blocks);
    buf_free(&cp->texts);
    buf_free(&cp->scratch);
    buf_free(&cp->title);
    buf_free(&cp->author);
    buf_free(&cp->description);
    buf_free(&cp->sitename);
    buf_free(&cp->section);
    buf_free(&cp->pictures);
}

static lede_status remove_copies(document *doc, const page_hints *hints,
                                 const trim_tuning *tuning, const article *art) {
    copies cp = {.tuning = tuning};
    buf_init(&cp.texts);
    buf_init(&cp.scratch);
    normalise_hint(hints ? hints->title : NULL, &cp.title);
    normalise_hint(hints ? hints->author : NULL, &cp.author);
    normalise_hint(hints ? hints->description : NULL, &cp.description);
    normalise_hint(hints ? hints->sitename : NULL, &cp.sitename);
    normalise_hint(hints ? hints->section : NULL, &cp.section);
    buf_init(&cp.pictures);
    collect_pictures(art, &cp);
    if (!collect_blocks(doc, art, &cp) || cp.pictures.failed || cp.title.failed || cp.author.failed ||
        cp.description.failed || cp.sitename.failed || cp.section.failed) {
        copies_free(&cp);
        return LEDE_ERR_NOMEM;
    }
    for (size_t i = 0; i < cp.count; i++) {
        block *b = &cp.blocks[i];
        if ((b->n->flags & NODE_SELECTED) && art->count == 1)
            continue; /* never the whole article */
        if (is_headline_copy(&cp, b) || is_name_label(&cp, b) || is_byline(&cp, b) ||
            is_label(&cp, b) || is_link_paragraph(&cp, b) || is_call_to_action(&cp, b) ||
            is_teaser(&cp, b) || is_caption_copy(&cp, b) || is_credit_line(&cp, b) ||
            is_publication_note(&cp, b))
            tree_remove(b->n);
    }
    remove_tail(art, &cp);
    if (!doc->cut_off)
        remove_orphan_labels(doc, art, &cp); /* else the end is a cut sentence */
    bool failed = cp.scratch.failed;
    copies_free(&cp);
    return failed ? LEDE_ERR_NOMEM : LEDE_OK;
}

lede_status trim_article(document *doc, const page_hints *hints, const lede_tuning *tuning,
                         article *art) {
    lede_status st = clean_conditionally(doc, art, tuning);
    if (st != LEDE_OK)
        return st;
    return remove_copies(doc, hints, &tuning->trim, art);
}
