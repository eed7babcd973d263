/*
 * markup.c — the pass over the markup before libxml2 reads it (markup.h).
 */
#include "markup.h"

#include <libxml/HTMLparser.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "ascii.h"
#include "utf8.h"

/* ITEMS (an array of COUNT items of SIZE bytes in room for *CAP) with room
 * for one more: as it is, or moved into twice the room (FIRST_CAP at
 * first). NULL when memory ran out, and ITEMS is left as it was. */
static void *room_for_one(void *items, size_t *cap, size_t count, size_t size, size_t first_cap) {
    if (count < *cap)
        return items;
    size_t grown_cap = *cap ? 2 * *cap : first_cap;
    if (grown_cap > SIZE_MAX / size)
        return NULL;
    void *grown = realloc(items, grown_cap * size);
    if (grown)
        *cap = grown_cap;
    return grown;
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
    /* Where the attributes to take out are noted (NULL: none are), from
     * which of them the tag being read has its own, and whether it is one
     * libxml2 reads as this scan does. */
    taken_markup *taken;
    size_t first;
    bool plain;
} attr_scan;

static bool note_attr(attr_scan *sc, size_t name, size_t name_end, size_t value,
                      size_t value_end, size_t end);

/* I past the spaces at I, and past a '/' among them; a form feed (a space
 * here, a name to libxml2) or a '/' not before the '>' (libxml2 reads it
 * as a name it cannot read, and drops the characters after it up to a
 * space) makes the tag one libxml2 may read otherwise. */
static size_t skip_separators(attr_scan *sc, size_t i, bool slash) {
    const char *in = sc->in;
    for (; i < sc->len; i++) {
        unsigned char c = (unsigned char)in[i];
        if (c == '/' && slash) {
            sc->plain = sc->plain && i + 1 < sc->len && in[i + 1] == '>';
            continue;
        }
        if (!is_tag_space(c))
            break;
        sc->plain = sc->plain && c != '\f';
    }
    return i;
}

/* Read the attributes of the start tag whose name ends at I; returns the
 * offset of its '>' or LEN when it has none. */
static size_t scan_attributes(attr_scan *sc, size_t i) {
    const char *in = sc->in;
    size_t len = sc->len, cut = 0;
    unsigned count = 0;
    for (;;) {
        i = skip_separators(sc, i, true);
        if (i >= len || in[i] == '>')
            break;
        size_t start = i++;
        while (i < len && !is_tag_space((unsigned char)in[i]) && in[i] != '/' && in[i] != '>' &&
               in[i] != '=')
            i++;
        size_t name_end = i, value = 0, value_end = 0;
        size_t j = skip_separators(sc, i, false);
        if (j < len && in[j] == '=') {
            j = skip_separators(sc, j + 1, false);
            if (j < len && (in[j] == '"' || in[j] == '\'')) {
                const char *q = memchr(in + j + 1, in[j], len - j - 1);
                value = j + 1;
                j = q ? (size_t)(q - in) + 1 : len;
                value_end = q ? j - 1 : len;
            } else {
                value = j;
                while (j < len && !is_tag_space((unsigned char)in[j]) && in[j] != '>')
                    j++;
                value_end = j;
            }
            i = j;
        }
        if (++count > sc->max && !cut) {
            cut = start;
            sc->plain = false; /* a tag past the bound is never taken */
        }
        if (sc->taken && sc->plain && !note_attr(sc, start, name_end, value, value_end, i))
            return len;
    }
    if (cut && i < len) {
        sc->plain = false;
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

/* ---- taking plain attributes out (see taken_attr) -------------------------- */

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

enum {
    TEXT_MIN_TAKEN = 4,    /* shorter runs of text are left: noting them costs more */
    LIBXML_NAME_CAP = 100, /* libxml2 reads a name in a buffer of this many bytes */
    /* a tag with more attributes is left to libxml2: the check for repeated
     * names grows with the square of their number */
    TAKEN_ATTRS_CAP = 128,
    TAKEN_FIRST_CAP = 64,
    COMMENT_MIN_CUT = 16,  /* shorter comment bodies are left */
    /* Markup bytes per attribute, tag and run noted on news pages, about:
     * the notes are first made room for at the page's size, so that most
     * pages never grow (and copy) them */
    MARKUP_PER_ATTR = 128,
    MARKUP_PER_TAG = 256,
    MARKUP_PER_RUN = 256
};

/* The first room for notes of a page of LEN bytes, one every PER bytes. */
static size_t notes_first_cap(size_t len, size_t per) {
    return len / per > TAKEN_FIRST_CAP ? len / per : TAKEN_FIRST_CAP;
}

static bool is_name_char(unsigned char c) {
    return is_ascii_letter(c) || (c >= '0' && c <= '9') || c == ':' || c == '-' || c == '_' ||
           c == '.';
}

/* Whether IN[AT, AT + LEN) is a name libxml2 reads whole, as the scan does:
 * its characters are those of htmlParseHTMLName(), and it fits its buffer. */
static bool plain_name(const char *in, size_t at, size_t len) {
    unsigned char first = (unsigned char)in[at];
    if (len == 0 || len >= LIBXML_NAME_CAP ||
        !(is_ascii_letter(first) || first == '_' || first == ':' || first == '.'))
        return false;
    for (size_t k = 1; k < len; k++)
        if (!is_name_char((unsigned char)in[at + k]))
            return false;
    return true;
}

static bool has_byte(uint64_t w, unsigned char b) {
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    uint64_t x = w ^ (b * ones);
    return ((x - ones) & ~x & highs) != 0;
}

/* Whether the 8 bytes W are all printable ASCII but '&' and DEL. */
static bool quiet_ascii_word(uint64_t w) {
    const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    uint64_t below_space = (w - 0x20 * ones) & ~w & highs;
    return !((w & highs) | below_space) && !has_byte(w, '&') && !has_byte(w, 0x7F);
}

static bool is_blank(unsigned char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* What a value or a run of text holds, as far as libxml2's reading of it
 * goes. Without LOUD, REFS or MARK, libxml2 hands the bytes over as they
 * are and without a report. */
typedef struct byte_survey {
    bool loud;         /* a byte libxml2 reports on */
    bool refs;         /* an '&', which may open a reference libxml2 replaces */
    bool mark;         /* a DEL: the mark itself, in text that would carry it */
    bool line_control; /* a tab or line end (quiet in text; left in values) */
    bool ink;          /* a byte that is not blank */
} byte_survey;

static byte_survey survey_bytes(const unsigned char *s, size_t len) {
    const uint64_t spaces = 0x2020202020202020ull;
    byte_survey b = {0};
    for (size_t i = 0; i < len;) {
        uint64_t w;
        if (len - i >= sizeof w) {
            memcpy(&w, s + i, sizeof w);
            if (quiet_ascii_word(w)) {
                b.ink = b.ink || w != spaces;
                i += sizeof w;
                continue;
            }
        }
        unsigned char c = s[i];
        size_t n = c >= 0x80 ? quiet_utf8_char(s + i, len - i) : 1;
        if (n == 0 || (c < 0x20 && !is_blank(c)))
            b.loud = true;
        if (c == '&')
            b.refs = true;
        else if (c == 0x7F)
            b.mark = true;
        b.line_control = b.line_control || (c < 0x20 && is_blank(c));
        b.ink = b.ink || !is_blank(c);
        i += n ? n : 1;
    }
    return b;
}

/* ---- references in values ------------------------------------------------
 * libxml2 replaces a reference in an attribute value as it reads it: a
 * number ("&#39;", "&#x2019;") by its character, a name it knows
 * ("&amp;", "&nbsp;") by the name's character, and an '&' it cannot read
 * so (no ';', an unknown name, a number that is no XML character) it keeps
 * or drops with a report. The first two lede can replace alike; a value
 * with any of the last is left to libxml2. */

enum { REF_NAME_CAP = 32 }; /* the longest name libxml2 knows has 8 letters */

static int digit_value(char c, bool hex) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (hex && c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (hex && c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* What libxml2 takes for a character: XML's Char production. */
static bool is_xml_char(uint32_t c) {
    return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
           (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

/* The numeric reference at S[0, LEN) ("&#" seen), read as libxml2's
 * htmlParseCharRef() reads it, digits up to a ';', the number held once
 * past Unicode; its length, 0 when libxml2 reports on it. */
static size_t number_reference(const char *s, size_t len, uint32_t *cp) {
    bool hex = len > 2 && (s[2] == 'x' || s[2] == 'X');
    size_t i = hex ? 3 : 2, digits = i;
    uint32_t v = 0;
    for (; i < len && s[i] != ';'; i++) {
        int d = digit_value(s[i], hex);
        if (d < 0)
            return 0;
        if (v < 0x110000)
            v = v * (hex ? 16 : 10) + (uint32_t)d;
    }
    if (i == digits || i >= len || !is_xml_char(v))
        return 0;
    *cp = v;
    return i + 1;
}

/* The reference at S[0, LEN) (an '&') as libxml2 reads it in a value
 * without a report: its length, with its character in *CP; 0 when it
 * reads it otherwise. A name is letters and digits up to a ';', as
 * libxml2's name reader stops at the ';'. */
static size_t quiet_reference(const char *s, size_t len, uint32_t *cp) {
    if (len > 1 && s[1] == '#')
        return number_reference(s, len, cp);
    char name[REF_NAME_CAP];
    size_t i = 1;
    while (i < len && i < sizeof name && ascii_is_alnum(s[i])) {
        name[i - 1] = s[i];
        i++;
    }
    if (i == 1 || !ascii_is_alpha(s[1]) || i >= len || s[i] != ';')
        return 0;
    name[i - 1] = '\0';
    const htmlEntityDesc *e = htmlEntityLookup((const xmlChar *)name);
    if (!e)
        return 0;
    *cp = e->value;
    return i + 1;
}

/* Whether every '&' of the value V (LEN bytes) opens a reference libxml2
 * replaces without a report. */
static bool refs_quiet(const char *v, size_t len) {
    for (const char *amp = memchr(v, '&', len); amp;) {
        uint32_t cp;
        size_t n = quiet_reference(amp, len - (size_t)(amp - v), &cp);
        if (!n)
            return false;
        size_t at = (size_t)(amp - v) + n;
        amp = memchr(v + at, '&', len - at);
    }
    return true;
}

size_t markup_value_decode(const char *v, size_t len, char *out) {
    size_t o = 0;
    for (size_t i = 0; i < len;) {
        const char *amp = memchr(v + i, '&', len - i);
        size_t plain = amp ? (size_t)(amp - v) - i : len - i;
        memcpy(out + o, v + i, plain);
        o += plain;
        i += plain;
        if (!amp)
            break;
        uint32_t cp = 0;
        size_t n = quiet_reference(v + i, len - i, &cp);
        size_t w = n ? utf8_encode(cp, out + o) : 0;
        if (!w) { /* not a value refs_quiet() passed: the '&' as it is */
            out[o++] = '&';
            i++;
            continue;
        }
        o += w;
        i += n;
    }
    return o;
}

/* Whether the attribute name IN[NAME, NAME + LEN) is one of SC's tag's
 * already noted, in any letter case (libxml2 lowercases names). */
static bool name_repeated(const attr_scan *sc, size_t name, size_t len) {
    const taken_markup *t = sc->taken;
    for (size_t k = sc->first; k < t->attr_count; k++)
        if (t->attrs[k].name_len == len &&
            strncasecmp(sc->in + t->attrs[k].name, sc->in + name, len) == 0)
            return true;
    return false;
}

/* Note the attribute IN[NAME, END) of the tag being read, named IN[NAME,
 * NAME_END), its value IN[VALUE, VALUE_END) (VALUE 0: none), as one to
 * take out when libxml2 would read it quietly, else as one left to it. A
 * name libxml2 may read otherwise, or one repeated, makes the tag not
 * plain. False when memory ran out. */
static bool note_attr(attr_scan *sc, size_t name, size_t name_end, size_t value,
                      size_t value_end, size_t end) {
    const char *in = sc->in;
    uint32_t name_len = (uint32_t)(name_end - name);
    if (sc->taken->attr_count - sc->first >= TAKEN_ATTRS_CAP || !plain_name(in, name, name_len) ||
        name_repeated(sc, name, name_len)) {
        sc->plain = false;
        return true;
    }
    if (value && value_end >= sc->len)
        return true; /* a value never closed: the tag ends nowhere */
    bool left = false, refs = false;
    if (value) {
        byte_survey b = survey_bytes((const unsigned char *)in + value, value_end - value);
        refs = b.refs;
        left = b.loud || b.line_control || (refs && !refs_quiet(in + value, value_end - value));
    }
    taken_markup *t = sc->taken;
    taken_attr *attrs =
        room_for_one(t->attrs, &t->attr_cap, t->attr_count, sizeof *attrs,
                     notes_first_cap(sc->len, MARKUP_PER_ATTR));
    if (!attrs) {
        sc->failed = true;
        return false;
    }
    t->attrs = attrs;
    t->attrs[t->attr_count++] = (taken_attr){.name = name,
                                             .name_len = name_len,
                                             .value = value,
                                             .value_len = value ? value_end - value : 0,
                                             .end = end,
                                             .refs = refs,
                                             .left = left};
    return true;
}

/* Whether the attributes of the start tag named NAME (LEN bytes) may be
 * taken out at all (see taken_attr). */
static bool tag_gives_attrs(const char *name, size_t len) {
    static const char *const kept[] = {"html", "head", "body"};
    for (size_t k = 0; k < sizeof kept / sizeof kept[0]; k++)
        if (len == strlen(kept[k]) && strncasecmp(name, kept[k], len) == 0)
            return false;
    return true;
}

/* Whether the tag name IN[NAME, NAME + LEN) is WORD, in any letter case. */
static bool name_is(const char *in, size_t name, size_t len, const char *word) {
    return len == strlen(word) && strncasecmp(in + name, word, len) == 0;
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
    size_t *room = room_for_one(cuts->at, &cuts->cap, cuts->count, sizeof *room, CUTS_FIRST_CAP);
    if (!room)
        return false;
    cuts->at = room;
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
    size_t bodies_cut, attrs_cut, text_cut, comments_cut; /* bytes of each left out */
} raw_text_cutter;

/* Copy IN up to AT into OUT (made at the first cut). */
static bool copy_up_to(raw_text_cutter *c, size_t at) {
    if (!c->out) {
        c->out = malloc(c->len + 1);
        if (!c->out)
            return false;
    }
    memcpy(c->out + c->out_len, c->in + c->copied, at - c->copied);
    c->out_len += at - c->copied;
    c->copied = at;
    return true;
}

/* Leave out the body IN[BODY, END) of the element whose start tag ends at
 * IN[BODY - 1] ('>'), keeping END_TAGS "</" after a space. */
static bool cut_body(raw_text_cutter *c, size_t body, size_t end, long end_tags) {
    if (!copy_up_to(c, body) || !cuts_push(c->cuts, c->out_len - 1))
        return false;
    c->out[c->out_len++] = ' ';
    for (long k = 0; k < end_tags; k++) {
        c->out[c->out_len++] = '<';
        c->out[c->out_len++] = '/';
    }
    c->bodies_cut += (end - body) - (1 + 2 * (size_t)end_tags);
    c->copied = end;
    return true;
}

/* Take the attributes T->attrs[FIRST, count) not left to libxml2 out of
 * the start tag whose name is IN[NAME, NAME + NAME_LEN) and whose '>' is
 * at GT, each with the spaces after it when another attribute follows
 * (those before the first stay between the tag's name and the rest), and
 * note the tag. */
static bool take_attrs(raw_text_cutter *c, taken_markup *t, size_t first, size_t name,
                       size_t name_len, size_t gt) {
    for (size_t k = first; k < t->attr_count; k++) {
        const taken_attr *a = &t->attrs[k];
        if (a->left)
            continue;
        size_t to = k + 1 < t->attr_count ? t->attrs[k + 1].name : a->end;
        if (!copy_up_to(c, a->name))
            return false;
        c->attrs_cut += to - a->name;
        c->copied = to;
    }
    taken_tag *tags = room_for_one(t->tags, &t->tag_cap, t->tag_count, sizeof *tags,
                                   notes_first_cap(c->len, MARKUP_PER_TAG));
    if (!tags)
        return false;
    t->tags = tags;
    t->tags[t->tag_count++] = (taken_tag){.gt = c->out_len + (gt - c->copied),
                                          .name = name,
                                          .name_len = (uint32_t)name_len,
                                          .first = first,
                                          .count = t->attr_count - first};
    return true;
}

/* Whether any of the attributes T->attrs[FIRST, count) is to be taken. */
static bool any_taken(const taken_markup *t, size_t first) {
    for (size_t k = first; k < t->attr_count; k++)
        if (!t->attrs[k].left)
            return true;
    return false;
}

/* Take RUN out of the markup for the mark, and note it with the offset of
 * the '<' after the mark. */
static bool push_run(raw_text_cutter *c, taken_markup *t, taken_run run) {
    taken_run *runs = room_for_one(t->runs, &t->run_cap, t->run_count, sizeof *runs,
                                   notes_first_cap(c->len, MARKUP_PER_RUN));
    if (!runs)
        return false;
    t->runs = runs;
    if (!copy_up_to(c, run.at))
        return false;
    c->out[c->out_len++] = TAKEN_TEXT_MARK;
    c->text_cut += run.len - 1;
    c->copied = run.at + run.len;
    run.lt = c->out_len;
    t->runs[t->run_count++] = run;
    return true;
}

/* Take the text IN[AT, LT) out for the mark when libxml2 hands it over as
 * it is and reads the mark alike (taken_run): a blank run only IN_BODY,
 * between <body> and </body>, where libxml2 sets no blank text apart. */
static bool take_run(raw_text_cutter *c, taken_markup *t, size_t at, size_t lt, bool in_body) {
    if (lt - at < TEXT_MIN_TAKEN)
        return true;
    byte_survey b = survey_bytes((const unsigned char *)c->in + at, lt - at);
    if (b.loud || b.refs || b.mark || (!b.ink && !in_body))
        return true;
    return push_run(c, t, (taken_run){.at = at, .len = lt - at, .blank = !b.ink});
}

/* Cut the body IN[BODY, END) out of the comment it opens at BODY - 4 and
 * closes at END ("-->"), when libxml2 reads it quietly (see taken_markup's
 * comments); short ones are left, as noting them costs more. */
static bool cut_comment(raw_text_cutter *c, taken_markup *t, size_t body, size_t end) {
    if (end - body < COMMENT_MIN_CUT || find_ci(c->in, body, end, "--!>", 4) < end)
        return true;
    if (survey_bytes((const unsigned char *)c->in + body, end - body).loud)
        return true;
    size_t *comments = room_for_one(t->comments, &t->comment_cap, t->comment_count,
                                    sizeof *comments, TAKEN_FIRST_CAP);
    if (!comments || !copy_up_to(c, body))
        return false;
    t->comments = comments;
    t->comments[t->comment_count++] = c->out_len + strlen("-->");
    c->comments_cut += end - body;
    c->copied = end;
    return true;
}

/* The body IN[BODY, END) of a script or style that stays (JSON-LD, TeX,
 * one too short to cut): libxml2 reads it as raw text a character at a
 * time and hands it over in the pieces it hands text over in, so it goes
 * as a run, when libxml2 would read it quietly (body_end_tags(): nothing
 * it reports, no "</", each an error it reports) and it does not open with
 * a '<' (which libxml2 may read as a tag). The builder confirms that the
 * mark comes from libxml2's reading of a script's or style's body. */
static bool take_raw_body(raw_text_cutter *c, taken_markup *t, size_t body, size_t end) {
    if (end - body < TEXT_MIN_TAKEN || c->in[body] == '<' ||
        body_end_tags(c->in + body, end - body) != 0)
        return true;
    return push_run(c, t, (taken_run){.at = body, .len = end - body, .raw = true});
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

void prepared_free(prepared_markup *p) {
    free(p->limited);
    free(p->cut);
    free(p->cuts.at);
    free(p->taken.attrs);
    free(p->taken.tags);
    free(p->taken.runs);
    free(p->taken.comments);
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

/* The state of one pass of prepare_markup(). */
typedef struct markup_pass {
    const char *in;
    size_t len;
    bool cut;           /* cut bodies and comments out, take attributes and text out */
    attr_scan sc;       /* the attribute bound, and the attributes to take */
    raw_text_cutter c;  /* the cut copy */
    taken_markup *taken;
    /* The first "</svg" at or after the last <svg> asked about (LEN: none):
     * an <svg> kept is read on from its start tag, and every <svg> after it
     * up to there ends there too, so the search is made once, not once
     * each (a page of <svg>s that never close would cost their square). */
    size_t svg_end;
    bool svg_end_known;
    size_t run;   /* where the text after the tag just read begins, or NO_RUN */
    bool in_body; /* between <body> and </body> or </html> */
    bool failed;  /* memory ran out */
} markup_pass;

enum { NO_RUN = 0 }; /* a run never begins at 0: a tag comes first */

/* The end tag whose name starts at I ("</" before it): libxml2 reads it to
 * the first '>'. Returns the offset after it. */
static size_t read_end_tag(markup_pass *m, size_t i) {
    const char *in = m->in;
    size_t name_end = i;
    while (name_end < m->len && is_name_char((unsigned char)in[name_end]))
        name_end++;
    m->in_body = m->in_body && !name_is(in, i, name_end - i, "body") &&
                 !name_is(in, i, name_end - i, "html");
    const char *gt = memchr(in + i, '>', m->len - i);
    if (!gt)
        return m->len;
    if (m->cut)
        m->run = (size_t)(gt - in) + 1;
    return (size_t)(gt - in) + 1;
}

/* The body of the element whose start tag is IN[OPEN, GT], the element a
 * script, style or svg (SVG) one whose body ends at END_TAG: cut out when
 * it may go. Returns where the scan goes on. */
static size_t read_body(markup_pass *m, size_t open, size_t gt, const char *end_tag, bool svg) {
    const char *seen = m->c.in;
    if (svg && (!m->svg_end_known || m->svg_end < gt)) {
        m->svg_end = find_ci(seen, gt, m->len, end_tag, strlen(end_tag));
        m->svg_end_known = true;
    }
    size_t end = svg ? m->svg_end : find_ci(seen, gt, m->len, end_tag, strlen(end_tag));
    long end_tags = 0;
    bool can_go = m->cut && end < m->len &&
                  (svg ? svg_can_go(seen, m->len, gt, end)
                       : body_can_go(seen, open, gt, end, &end_tags));
    if (can_go)
        m->failed = !cut_body(&m->c, gt + 1, end, end_tags);
    else if (!svg && m->cut && end < m->len && seen[gt - 1] != '/')
        m->failed = !take_raw_body(&m->c, m->taken, gt + 1, end);
    /* an <svg> kept is markup: its tags are read on from its start tag */
    return can_go || !svg ? end : gt;
}

/* The start tag at OPEN, its name starting at OPEN + 1. Returns where the
 * scan goes on. */
static size_t read_start_tag(markup_pass *m, size_t open) {
    const char *in = m->in;
    size_t name = open + 1, i = name;
    while (i < m->len && !is_tag_space((unsigned char)in[i]) && in[i] != '/' && in[i] != '>')
        i++;
    size_t name_len = i - name;
    bool svg;
    const char *end_tag = body_end_tag(in + name, name_len, &svg);
    size_t first = m->taken->attr_count;
    m->sc.first = first;
    m->sc.plain = m->cut && plain_name(in, name, name_len) && tag_gives_attrs(in + name, name_len);
    i = scan_attributes(&m->sc, i);
    /* libxml2 reads what the bound left: so do the tests below, and the
     * copies of the markup between cuts */
    m->c.in = m->sc.copy ? m->sc.copy : in;
    if (m->sc.plain && i < m->len && any_taken(m->taken, first)) {
        if (!take_attrs(&m->c, m->taken, first, name, name_len, i))
            m->failed = true;
    } else {
        m->taken->attr_count = first;
    }
    if (m->failed || i >= m->len)
        return m->len;
    if (end_tag)
        return read_body(m, open, i, end_tag, svg);
    if (m->cut)
        m->run = i + 1;
    m->in_body = m->in_body || name_is(in, name, name_len, "body");
    return i;
}

/* What pass M made, into P: the bounded copy, and the cut copy with the
 * rest of the markup after the last cut. False when memory ran out. */
static bool finish_pass(markup_pass *m, prepared_markup *p) {
    raw_text_cutter *c = &m->c;
    p->limited = m->sc.copy;
    if (m->sc.failed || m->failed || !c->out) {
        free(c->out);
        return !m->sc.failed && !m->failed;
    }
    memcpy(c->out + c->out_len, c->in + c->copied, m->len - c->copied);
    c->out_len += m->len - c->copied;
    c->out[c->out_len] = '\0';
    p->cut = c->out;
    p->cut_len = c->out_len;
    p->bodies_cut = c->bodies_cut;
    p->attrs_cut = c->attrs_cut;
    p->text_cut = c->text_cut;
    p->comments_cut = c->comments_cut;
    return true;
}

/* Whether C may begin the target of a processing instruction: libxml2
 * reads "<?" and a name up to the next '>' as one (HTML's form, not XML's
 * "?>"), tags and all, and after one at the top of the page skips the
 * blanks that follow, so a run after a tag the scan saw inside it would
 * lose its blanks. ("<?" without a name it reads on as text; a name that
 * opens with a byte past ASCII is left to the scan as before.) */
static bool starts_pi_target(unsigned char c) {
    return is_ascii_letter(c) || c == '_' || c == ':';
}

/* The offset just past the first C in IN[I, LEN), or LEN. */
static size_t skip_past(const char *in, size_t i, size_t len, char c) {
    const char *at = memchr(in + i, c, len - i);
    return at ? (size_t)(at - in) + 1 : len;
}

/* Past the comment whose "<!--" ends at I, its body cut when it may be. */
static size_t read_comment(markup_pass *m, size_t i) {
    size_t end = find_ci(m->in, i, m->len, "-->", 3);
    if (m->cut && end < m->len && !cut_comment(&m->c, m->taken, i, end))
        m->failed = true;
    return end;
}

/* Past the DOCTYPE declaration whose keyword ends at I. libxml2 reads its
 * quoted identifiers whole and anything else in it (bogus content: a tag,
 * even) to the next '>', after which, at the top of the page, it skips
 * blanks. The scan goes to the first '>' too; where the declaration holds
 * a '<' or an unclosed quote before it, the scan cannot be sure where
 * libxml2 ends it, and nothing after is taken or cut. */
static size_t read_doctype(markup_pass *m, size_t i) {
    size_t gt = skip_past(m->in, i, m->len, '>');
    size_t quotes = 0, apostrophes = 0;
    for (size_t k = i; k < gt; k++) {
        quotes += m->in[k] == '"';
        apostrophes += m->in[k] == '\'';
        if (m->in[k] == '<')
            m->cut = false;
    }
    if (quotes % 2 || apostrophes % 2)
        m->cut = false;
    return gt;
}

/* One pass over IN for the three ends above (markup.h). Tags are found as
 * libxml2 tokenizes them: comments and processing instructions skipped,
 * quoted values read to their closing quote, the text of a script or
 * style read to its end tag. */
bool prepare_markup(const char *in, size_t len, unsigned max, bool cut, prepared_markup *p) {
    markup_pass m = {.in = in,
                     .len = len,
                     .cut = cut,
                     .sc = {.in = in, .len = len, .max = max, .taken = cut ? &p->taken : NULL},
                     .c = {.in = in, .len = len, .cuts = &p->cuts},
                     .taken = &p->taken};
    size_t i = 0;
    while (i < len && !m.sc.failed && !m.failed) {
        const char *lt = memchr(in + i, '<', len - i);
        if (!lt)
            break;
        size_t open = (size_t)(lt - in);
        if (m.run != NO_RUN && !take_run(&m.c, m.taken, m.run, open, m.in_body)) {
            m.failed = true;
            break;
        }
        m.run = NO_RUN;
        i = open + 1;
        if (i < len && is_ascii_letter((unsigned char)in[i]))
            i = read_start_tag(&m, open);
        else if (i + 1 < len && in[i] == '/' && is_ascii_letter((unsigned char)in[i + 1]))
            i = read_end_tag(&m, i + 1);
        else if (i + 3 <= len && memcmp(in + i, "!--", 3) == 0)
            i = read_comment(&m, i + 3);
        else if (i + 8 <= len && in[i] == '!' && strncasecmp(in + i + 1, "DOCTYPE", 7) == 0)
            i = read_doctype(&m, i + 8);
        else if (i + 1 < len && in[i] == '?' && starts_pi_target((unsigned char)in[i + 1]))
            i = skip_past(in, i + 2, len, '>');
    }
    return finish_pass(&m, p);
}
