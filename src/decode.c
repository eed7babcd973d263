/*
 * decode.c — page bytes in any encoding into valid UTF-8.
 *
 * Every later stage reads UTF-8 and nothing else, so this file is the one
 * place where a page's encoding is decided and where broken bytes are dealt
 * with. It never fails on bad input: what cannot be decoded becomes U+FFFD,
 * so one stray byte costs one character, not the page.
 *
 * 1. Inflate. Crawlers often store bodies as they came off the wire,
 *    gzip'ed; the gzip magic (1f 8b) cannot open a text page, so acting on it
 *    is safe. Output stops one byte past the caller's max_input (the page is
 *    then refused as too large), so a zip bomb costs no more than the
 *    largest page the caller accepts, and a broken stream keeps what
 *    inflated before the damage.
 *
 * 2. Decide the encoding, the strongest evidence first (the order of the
 *    HTML standard's encoding sniffing):
 *      a. a byte-order mark: it is part of the bytes and never there by
 *         accident;
 *      b. the caller's hint (HTTP Content-Type, --encoding): the standard
 *         ranks the transport above the document, and a caller who passes
 *         --encoding means it. A transport label of the Latin default
 *         (iso-8859-1, windows-1252, us-ascii: what HTTP/1.1 servers and
 *         crawlers fill in when they know nothing) is the one exception: it
 *         yields when the bytes are valid UTF-8 with non-ASCII text, or
 *         mostly so and the page's meta says UTF-8 — a Latin page forms
 *         such bytes only by rare accident, and trusting the label would
 *         garble every non-ASCII character of the page;
 *      c. UTF-16 without a BOM, seen from the NUL bytes its ASCII markup
 *         carries; it comes before the meta prescan, which reads only
 *         ASCII-compatible bytes and would find nothing;
 *      d. <meta charset> or <meta http-equiv=Content-Type> in the first 1024
 *         bytes (4096 if not found), found with the standard's prescan so
 *         that comments, other tags' attributes and odd quoting do not fool
 *         it;
 *      e. valid UTF-8: most pages are UTF-8 and legacy encodings almost
 *         never form valid multi-byte UTF-8 by chance, so one fast pass
 *         settles most pages without running a detector;
 *      f. uchardet's statistical guess, for the unlabelled legacy rest;
 *      g. UTF-8, with the bad bytes replaced.
 *    Labels mean what the WHATWG Encoding standard says browsers decode them
 *    as (iso-8859-1 is windows-1252, gb2312 is gb18030, ...): pages are
 *    written and checked against browsers, not against the IANA registry.
 *    Two kinds of label are checked against the bytes, because templates
 *    often carry them wrongly: "utf-8" on bytes far from UTF-8 (a legacy
 *    page) is handed to the detector, and a meta naming a legacy encoding on
 *    bytes that are valid multi-byte UTF-8 (a page converted to UTF-8 whose
 *    template kept the old meta) is read as UTF-8.
 *
 * 3. Convert with glibc's iconv. Each invalid sequence becomes U+FFFD and
 *    decoding resumes one byte later (one code unit for UTF-16), as browsers
 *    do, so an ASCII byte after a broken lead byte survives. UTF-8 input
 *    skips iconv: it is checked, and copied with repairs only where broken.
 *    A last pass over the result turns NUL bytes into U+FFFD too, because
 *    the parser reads NUL-terminated text.
 *
 * No state outlives a call: the iconv descriptor and the uchardet object are
 * made and freed per call, and the tables are const, so any number of
 * threads may decode at once.
 */
#include "decode.h"

#include <errno.h>
#include <iconv.h>
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <uchardet.h>

#include "inflate.h"
#include "lede_limits.h"

/* The HTML standard's prescan reads 1024 bytes. Heads that open with long
 * scripts, styles or comments push the meta further, so a second look reads
 * up to 4096, still a negligible cost. */
#define PRESCAN_FIRST 1024u
#define PRESCAN_MAX 4096u

/* uchardet settles within a few kilobytes of text but reads only about
 * 2-5 MB a second; 256 KB leaves room for heads full of scripts and styles
 * and holds detection to tens of milliseconds on any page. */
#define DETECT_MAX ((size_t)256 << 10)

/* UTF-16 sniffing reads this many bytes: a page opens with markup, which in
 * UTF-16 has a NUL in every other byte. */
#define UTF16_SNIFF_BYTES 512u

/* Bytes that are UTF-8 with some damage (a pasted Latin-1 quote, a cut
 * character) still count as UTF-8 when their valid multi-byte sequences
 * outnumber the broken ones this many times: a legacy encoding forms valid
 * multi-byte UTF-8 only by rare accident, and decoding such a page as
 * anything else would garble all of it to save a few characters. */
#define MOSTLY_UTF8_RATIO 4u

/* Longest charset label passed to iconv as given; real labels are short. */
#define LABEL_MAX 40u

/* Output room kept free before each iconv call: one character of any
 * charset, or one U+FFFD, always fits. */
#define ICONV_MIN_ROOM 16u

/* iconv names of the charsets the code treats specially. */
#define CS_UTF8 "UTF-8"
#define CS_UTF16LE "UTF-16LE"
#define CS_UTF16BE "UTF-16BE"
#define CS_1252 "CP1252"

static const char REPLACEMENT[3] = {(char)0xEF, (char)0xBF, (char)0xBD};

/* ---- labels -------------------------------------------------------------
 * The WHATWG label table, each label mapped to the glibc iconv name of what
 * browsers decode it as. Where glibc's charset of the same name differs from
 * the browsers', the closer glibc one is used: CP932 for Shift_JIS (glibc's
 * SHIFT_JIS turns '\' and '~' into yen and overline and lacks the NEC
 * symbols like circled digits), EUC-JP-MS for EUC-JP (the same symbols),
 * CP949 for EUC-KR (browsers decode the UHC superset), BIG5-HKSCS for Big5.
 * The "replacement" labels (iso-2022-kr, hz-gb-2312, ...) are left out:
 * browsers refuse them for security reasons that do not apply to reading. */
typedef struct label_entry {
    const char *label;
    const char *charset;
} label_entry;

static const label_entry LABELS[] = {
    {"utf-8", CS_UTF8}, {"utf8", CS_UTF8}, {"unicode-1-1-utf-8", CS_UTF8},
    {"unicode11utf8", CS_UTF8}, {"unicode20utf8", CS_UTF8}, {"x-unicode20utf8", CS_UTF8},
    {"windows-1252", CS_1252}, {"iso-8859-1", CS_1252}, {"latin1", CS_1252},
    {"us-ascii", CS_1252}, {"ascii", CS_1252}, {"ansi_x3.4-1968", CS_1252},
    {"cp1252", CS_1252}, {"cp819", CS_1252}, {"csisolatin1", CS_1252}, {"ibm819", CS_1252},
    {"iso-ir-100", CS_1252}, {"iso8859-1", CS_1252}, {"iso88591", CS_1252},
    {"iso_8859-1", CS_1252}, {"iso_8859-1:1987", CS_1252}, {"l1", CS_1252},
    {"x-cp1252", CS_1252}, {"x-user-defined", CS_1252},
    {"windows-1250", "CP1250"}, {"cp1250", "CP1250"}, {"x-cp1250", "CP1250"},
    {"windows-1251", "CP1251"}, {"cp1251", "CP1251"}, {"x-cp1251", "CP1251"},
    {"windows-1253", "CP1253"}, {"cp1253", "CP1253"}, {"x-cp1253", "CP1253"},
    {"windows-1254", "CP1254"}, {"cp1254", "CP1254"}, {"x-cp1254", "CP1254"},
    {"iso-8859-9", "CP1254"}, {"csisolatin5", "CP1254"}, {"iso-ir-148", "CP1254"},
    {"iso8859-9", "CP1254"}, {"iso88599", "CP1254"}, {"iso_8859-9", "CP1254"},
    {"iso_8859-9:1989", "CP1254"}, {"l5", "CP1254"}, {"latin5", "CP1254"},
    {"windows-1255", "CP1255"}, {"cp1255", "CP1255"}, {"x-cp1255", "CP1255"},
    {"windows-1256", "CP1256"}, {"cp1256", "CP1256"}, {"x-cp1256", "CP1256"},
    {"windows-1257", "CP1257"}, {"cp1257", "CP1257"}, {"x-cp1257", "CP1257"},
    {"windows-1258", "CP1258"}, {"cp1258", "CP1258"}, {"x-cp1258", "CP1258"},
    {"windows-874", "CP874"}, {"dos-874", "CP874"}, {"iso-8859-11", "CP874"},
    {"iso8859-11", "CP874"}, {"iso885911", "CP874"}, {"tis-620", "CP874"},
    {"iso-8859-2", "ISO-8859-2"}, {"latin2", "ISO-8859-2"}, {"l2", "ISO-8859-2"},
    {"csisolatin2", "ISO-8859-2"}, {"iso-ir-101", "ISO-8859-2"}, {"iso8859-2", "ISO-8859-2"},
    {"iso88592", "ISO-8859-2"}, {"iso_8859-2", "ISO-8859-2"}, {"iso_8859-2:1987", "ISO-8859-2"},
    {"iso-8859-3", "ISO-8859-3"}, {"latin3", "ISO-8859-3"}, {"l3", "ISO-8859-3"},
    {"csisolatin3", "ISO-8859-3"}, {"iso-ir-109", "ISO-8859-3"}, {"iso8859-3", "ISO-8859-3"},
    {"iso88593", "ISO-8859-3"}, {"iso_8859-3", "ISO-8859-3"}, {"iso_8859-3:1988", "ISO-8859-3"},
    {"iso-8859-4", "ISO-8859-4"}, {"latin4", "ISO-8859-4"}, {"l4", "ISO-8859-4"},
    {"csisolatin4", "ISO-8859-4"}, {"iso-ir-110", "ISO-8859-4"}, {"iso8859-4", "ISO-8859-4"},
    {"iso88594", "ISO-8859-4"}, {"iso_8859-4", "ISO-8859-4"}, {"iso_8859-4:1988", "ISO-8859-4"},
    {"iso-8859-5", "ISO-8859-5"}, {"cyrillic", "ISO-8859-5"}, {"csisolatincyrillic", "ISO-8859-5"},
    {"iso-ir-144", "ISO-8859-5"}, {"iso8859-5", "ISO-8859-5"}, {"iso88595", "ISO-8859-5"},
    {"iso_8859-5", "ISO-8859-5"}, {"iso_8859-5:1988", "ISO-8859-5"},
    {"iso-8859-6", "ISO-8859-6"}, {"arabic", "ISO-8859-6"}, {"asmo-708", "ISO-8859-6"},
    {"csiso88596e", "ISO-8859-6"}, {"csiso88596i", "ISO-8859-6"},
    {"csisolatinarabic", "ISO-8859-6"}, {"ecma-114", "ISO-8859-6"},
    {"iso-8859-6-e", "ISO-8859-6"}, {"iso-8859-6-i", "ISO-8859-6"}, {"iso-ir-127", "ISO-8859-6"},
    {"iso8859-6", "ISO-8859-6"}, {"iso88596", "ISO-8859-6"}, {"iso_8859-6", "ISO-8859-6"},
    {"iso_8859-6:1987", "ISO-8859-6"},
    {"iso-8859-7", "ISO-8859-7"}, {"greek", "ISO-8859-7"}, {"greek8", "ISO-8859-7"},
    {"csisolatingreek", "ISO-8859-7"}, {"ecma-118", "ISO-8859-7"}, {"elot_928", "ISO-8859-7"},
    {"iso-ir-126", "ISO-8859-7"}, {"iso8859-7", "ISO-8859-7"}, {"iso88597", "ISO-8859-7"},
    {"iso_8859-7", "ISO-8859-7"}, {"iso_8859-7:1987", "ISO-8859-7"}, {"sun_eu_greek", "ISO-8859-7"},
    {"iso-8859-8", "ISO-8859-8"}, {"hebrew", "ISO-8859-8"}, {"visual", "ISO-8859-8"},
    {"csiso88598e", "ISO-8859-8"}, {"csisolatinhebrew", "ISO-8859-8"},
    {"iso-8859-8-e", "ISO-8859-8"}, {"iso-ir-138", "ISO-8859-8"}, {"iso8859-8", "ISO-8859-8"},
    {"iso88598", "ISO-8859-8"}, {"iso_8859-8", "ISO-8859-8"}, {"iso_8859-8:1988", "ISO-8859-8"},
    {"iso-8859-8-i", "ISO-8859-8"}, {"csiso88598i", "ISO-8859-8"}, {"logical", "ISO-8859-8"},
    {"iso-8859-10", "ISO-8859-10"}, {"latin6", "ISO-8859-10"}, {"l6", "ISO-8859-10"},
    {"csisolatin6", "ISO-8859-10"}, {"iso-ir-157", "ISO-8859-10"},
    {"iso8859-10", "ISO-8859-10"}, {"iso885910", "ISO-8859-10"},
    {"iso-8859-13", "ISO-8859-13"}, {"iso8859-13", "ISO-8859-13"}, {"iso885913", "ISO-8859-13"},
    {"iso-8859-14", "ISO-8859-14"}, {"iso8859-14", "ISO-8859-14"}, {"iso885914", "ISO-8859-14"},
    {"iso-8859-15", "ISO-8859-15"}, {"latin9", "ISO-8859-15"}, {"l9", "ISO-8859-15"},
    {"csisolatin9", "ISO-8859-15"}, {"iso8859-15", "ISO-8859-15"},
    {"iso885915", "ISO-8859-15"}, {"iso_8859-15", "ISO-8859-15"},
    {"iso-8859-16", "ISO-8859-16"},
    {"koi8-r", "KOI8-R"}, {"koi8_r", "KOI8-R"}, {"koi8", "KOI8-R"}, {"koi", "KOI8-R"},
    {"cskoi8r", "KOI8-R"}, {"koi8-u", "KOI8-U"}, {"koi8-ru", "KOI8-U"},
    {"ibm866", "IBM866"}, {"866", "IBM866"}, {"cp866", "IBM866"}, {"csibm866", "IBM866"},
    {"macintosh", "MACINTOSH"}, {"mac", "MACINTOSH"}, {"csmacintosh", "MACINTOSH"},
    {"x-mac-roman", "MACINTOSH"},
    {"x-mac-cyrillic", "MAC-CYRILLIC"}, {"x-mac-ukrainian", "MAC-CYRILLIC"},
    {"gbk", "GB18030"}, {"gb2312", "GB18030"}, {"gb18030", "GB18030"}, {"x-gbk", "GB18030"},
    {"chinese", "GB18030"}, {"csgb2312", "GB18030"}, {"csiso58gb231280", "GB18030"},
    {"gb_2312", "GB18030"}, {"gb_2312-80", "GB18030"}, {"iso-ir-58", "GB18030"},
    {"big5", "BIG5-HKSCS"}, {"big5-hkscs", "BIG5-HKSCS"}, {"cn-big5", "BIG5-HKSCS"},
    {"csbig5", "BIG5-HKSCS"}, {"x-x-big5", "BIG5-HKSCS"},
    {"euc-jp", "EUC-JP-MS"}, {"x-euc-jp", "EUC-JP-MS"}, {"cseucpkdfmtjapanese", "EUC-JP-MS"},
    {"iso-2022-jp", "ISO-2022-JP"}, {"csiso2022jp", "ISO-2022-JP"},
    {"shift_jis", "CP932"}, {"shift-jis", "CP932"}, {"sjis", "CP932"}, {"x-sjis", "CP932"},
    {"ms932", "CP932"}, {"ms_kanji", "CP932"}, {"windows-31j", "CP932"}, {"csshiftjis", "CP932"},
    {"euc-kr", "CP949"}, {"cseuckr", "CP949"}, {"csksc56011987", "CP949"},
    {"iso-ir-149", "CP949"}, {"korean", "CP949"}, {"ks_c_5601-1987", "CP949"},
    {"ks_c_5601-1989", "CP949"}, {"ksc5601", "CP949"}, {"ksc_5601", "CP949"},
    {"windows-949", "CP949"}, {"uhc", "CP949"},
    {"utf-16le", CS_UTF16LE}, {"utf-16", CS_UTF16LE}, {"unicode", CS_UTF16LE},
    {"unicodefeff", CS_UTF16LE}, {"csunicode", CS_UTF16LE}, {"iso-10646-ucs-2", CS_UTF16LE},
    {"ucs-2", CS_UTF16LE}, {"utf-16be", CS_UTF16BE}, {"unicodefffe", CS_UTF16BE},
};

static size_t min_size(size_t a, size_t b) {
    return a < b ? a : b;
}

static bool is_space(unsigned char c) {
    return c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D || c == 0x20;
}

static bool is_alpha(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* ASCII only: labels and tag names are ASCII, and the C library's tolower
 * depends on the locale. */
static unsigned char ascii_lower(unsigned char c) {
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c + ('a' - 'A')) : c;
}

static bool equal_nocase(const unsigned char *s, size_t len, const char *word) {
    size_t n = strlen(word);
    if (len != n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (ascii_lower(s[i]) != (unsigned char)word[i])
            return false;
    return true;
}

/* The iconv name for the label in LEN bytes at S (surrounding whitespace
 * ignored, as the standard says), or NULL when the table does not know it. */
static const char *charset_for_label(const unsigned char *s, size_t len) {
    while (len > 0 && is_space(s[0])) {
        s++;
        len--;
    }
    while (len > 0 && is_space(s[len - 1]))
        len--;
    for (size_t i = 0; i < sizeof LABELS / sizeof LABELS[0]; i++)
        if (equal_nocase(s, len, LABELS[i].label))
            return LABELS[i].charset;
    return NULL;
}

static bool same_charset(const char *a, const char *b) {
    return a && b && strcmp(a, b) == 0;
}

static bool is_utf16(const char *charset) {
    return same_charset(charset, CS_UTF16LE) || same_charset(charset, CS_UTF16BE);
}

/* ---- the decision -------------------------------------------------------- */

/* Defined with the meta prescan further down. */
static const char *prescan(const unsigned char *b, size_t end);
static bool charset_in_content(const unsigned char *v, size_t len, const unsigned char **label,
                               size_t *label_len);

/* What the bytes look like as UTF-8, from one pass. */
typedef struct utf8_stats {
    size_t bad;       /* broken sequences, each one U+FFFD (maximal subparts) */
    size_t multibyte; /* valid sequences of two to four bytes */
    size_t nul;       /* NUL bytes */
    bool cut;         /* the last broken sequence is one cut off by the end */
} utf8_stats;

/* The page's bytes once inflated and past any BOM, and their UTF-8 stats,
 * computed when first needed since a labelled legacy page never needs them. */
typedef struct source {
    const unsigned char *bytes;
    size_t len;
    utf8_stats stats;
    bool scanned;
} source;

/* The charset chosen: an iconv name from the table, or a label the table
 * does not know, kept for iconv to try. */
typedef struct encoding {
    const char *charset; /* NULL: use label */
    char label[LABEL_MAX + 1];
    bool detected; /* uchardet's answer, so no use asking it again */
} encoding;

static const char *encoding_name(const encoding *e) {
    return e->charset ? e->charset : e->label;
}

static void set_charset(encoding *e, const char *charset) {
    e->charset = charset;
    e->label[0] = '\0';
}

/* Set E from the label in LEN bytes at S: the table's charset, or the
 * label itself when it is unknown but short enough to be one. */
static bool set_label(encoding *e, const unsigned char *s, size_t len) {
    const char *charset = charset_for_label(s, len);
    if (charset) {
        set_charset(e, charset);
        return true;
    }
    if (len == 0 || len > LABEL_MAX)
        return false;
    memcpy(e->label, s, len);
    e->label[len] = '\0';
    e->charset = NULL;
    return true;
}

typedef enum seq_kind { SEQ_VALID, SEQ_BROKEN, SEQ_CUT } seq_kind;

/* The UTF-8 sequence at P (AVAIL > 0 bytes left): *LEN is its length when
 * valid, else the length of its maximal subpart (Unicode 3.9), the bytes one
 * U+FFFD replaces — what browsers and the Encoding standard do. */
static seq_kind utf8_sequence(const unsigned char *p, size_t avail, size_t *len) {
    unsigned char c = p[0], lo = 0x80, hi = 0xBF;
    size_t follow;
    if (c < 0x80) {
        *len = 1;
        return SEQ_VALID;
    }
    if (c >= 0xC2 && c <= 0xDF) {
        follow = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
        follow = 2;
        lo = c == 0xE0 ? 0xA0 : 0x80; /* no overlong forms */
        hi = c == 0xED ? 0x9F : 0xBF; /* no surrogates */
    } else if (c >= 0xF0 && c <= 0xF4) {
        follow = 3;
        lo = c == 0xF0 ? 0x90 : 0x80; /* no overlong forms */
        hi = c == 0xF4 ? 0x8F : 0xBF; /* nothing above U+10FFFF */
    } else {
        *len = 1;
        return SEQ_BROKEN;
    }
    for (size_t i = 1; i <= follow; i++) {
        if (i >= avail) {
            *len = i;
            return SEQ_CUT;
        }
        if (p[i] < lo || p[i] > hi) {
            *len = i;
            return SEQ_BROKEN;
        }
        lo = 0x80;
        hi = 0xBF;
    }
    *len = follow + 1;
    return SEQ_VALID;
}

/* Whether the 8 bytes at P are all ASCII and none is NUL: the common case,
 * tested a word at a time (the zero-byte test is the classic exact one). */
static bool plain_ascii_word(const unsigned char *p) {
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    uint64_t w;
    memcpy(&w, p, sizeof w);
    return ((w | ((w - ones) & ~w)) & highs) == 0;
}

static utf8_stats utf8_scan(const unsigned char *p, size_t len) {
    utf8_stats s = {0};
    size_t i = 0;
    while (i < len) {
        if (len - i >= 8 && plain_ascii_word(p + i)) {
            i += 8;
            continue;
        }
        size_t n;
        seq_kind kind = utf8_sequence(p + i, len - i, &n);
        if (kind != SEQ_VALID)
            s.bad++;
        else if (n > 1)
            s.multibyte++;
        else if (p[i] == 0)
            s.nul++;
        s.cut = kind == SEQ_CUT;
        i += n;
    }
    return s;
}

static const utf8_stats *source_stats(source *src) {
    if (!src->scanned) {
        src->stats = utf8_scan(src->bytes, src->len);
        src->scanned = true;
    }
    return &src->stats;
}

/* Broken sequences that say something about the encoding: a character cut
 * off by the end of the bytes (a truncated download) says nothing. */
static size_t utf8_damage(const utf8_stats *s) {
    return s->bad - (s->cut ? 1 : 0);
}

static bool mostly_utf8(const utf8_stats *s) {
    size_t damage = utf8_damage(s);
    return damage == 0 || s->multibyte / MOSTLY_UTF8_RATIO >= damage;
}

/* Valid UTF-8 with non-ASCII text in it: no legacy encoding does that. */
static bool surely_utf8(const utf8_stats *s) {
    return utf8_damage(s) == 0 && s->multibyte > 0;
}

/* Step a: a BOM decides alone; it is dropped from the bytes. */
static bool take_bom(source *src, encoding *enc) {
    const unsigned char *b = src->bytes;
    size_t skip = 0;
    if (src->len >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF) {
        set_charset(enc, CS_UTF8);
        skip = 3;
    } else if (src->len >= 2 && b[0] == 0xFF && b[1] == 0xFE) {
        set_charset(enc, CS_UTF16LE);
        skip = 2;
    } else if (src->len >= 2 && b[0] == 0xFE && b[1] == 0xFF) {
        set_charset(enc, CS_UTF16BE);
        skip = 2;
    }
    src->bytes += skip;
    src->len -= skip;
    return skip > 0;
}

/* Step c: UTF-16 without a BOM. Markup in UTF-16LE is "x\0" pairs and in
 * UTF-16BE "\0x"; CJK text between has no NULs, so a majority is enough,
 * while the other order must be rare (U+XX00 characters make a few). */
static const char *utf16_sniff(const source *src) {
    size_t n = min_size(src->len, UTF16_SNIFF_BYTES);
    size_t pairs = n / 2, le = 0, be = 0;
    if (pairs < 2)
        return NULL;
    for (size_t i = 0; i + 1 < n; i += 2) {
        bool low_nul = src->bytes[i] == 0, high_nul = src->bytes[i + 1] == 0;
        if (!low_nul && high_nul)
            le++;
        else if (low_nul && !high_nul)
            be++;
    }
    if (le * 2 > pairs && be * 4 < le)
        return CS_UTF16LE;
    if (be * 2 > pairs && le * 4 < be)
        return CS_UTF16BE;
    return NULL;
}

/* Steps f and g: uchardet's guess; *FOUND is false when it has none. One
 * detector per call, freed before returning. */
static lede_status detect(const source *src, encoding *enc, bool *found) {
    *found = false;
    uchardet_t detector = uchardet_new();
    if (!detector)
        return LEDE_ERR_NOMEM;
    size_t n = min_size(src->len, DETECT_MAX);
    if (uchardet_handle_data(detector, (const char *)src->bytes, n) != 0) {
        uchardet_delete(detector); /* its only failure is an allocation */
        return LEDE_ERR_NOMEM;
    }
    uchardet_data_end(detector);
    const char *name = uchardet_get_charset(detector);
    *found = set_label(enc, (const unsigned char *)name, strlen(name));
    enc->detected = true;
    uchardet_delete(detector);
    return LEDE_OK;
}

static lede_status detect_or_utf8(const source *src, encoding *enc) {
    bool found;
    lede_status st = detect(src, enc, &found);
    if (st == LEDE_OK && !found)
        set_charset(enc, CS_UTF8);
    return st;
}

/* Step d's prescan: the charset a meta of the first bytes declares, or
 * NULL. */
static const char *meta_declared(const source *src) {
    const char *charset = prescan(src->bytes, min_size(src->len, PRESCAN_FIRST));
    if (!charset && src->len > PRESCAN_FIRST)
        charset = prescan(src->bytes, min_size(src->len, PRESCAN_MAX));
    return charset;
}

/* Whether a transport label naming CHARSET should give way to the page:
 * CHARSET is the Latin default that HTTP/1.1 made implicit and servers
 * still send unasked, and the bytes say UTF-8 plainly (see step b). */
static bool transport_yields(source *src, const char *charset) {
    if (!same_charset(charset, CS_1252))
        return false;
    const utf8_stats *stats = source_stats(src);
    if (surely_utf8(stats))
        return true;
    return stats->multibyte > 0 && mostly_utf8(stats) &&
           same_charset(meta_declared(src), CS_UTF8);
}

/* A label from the hint or a meta, checked against the bytes where labels
 * are known to lie. *SETTLED is false when the label is to be ignored. */
static lede_status follow_label(source *src, const char *charset, bool from_meta, encoding *enc,
                                bool *settled) {
    *settled = true;
    if (is_utf16(charset)) {
        /* The byte order comes from the bytes. A meta can only be read in
         * ASCII-compatible bytes, so the standard reads it as UTF-8; a hint
         * on such bytes is simply wrong. */
        const char *sniffed = utf16_sniff(src);
        if (sniffed) {
            set_charset(enc, sniffed);
            return LEDE_OK;
        }
        if (!from_meta) {
            *settled = false;
            return LEDE_OK;
        }
        charset = CS_UTF8;
    }
    if (same_charset(charset, CS_UTF8)) {
        if (!mostly_utf8(source_stats(src)))
            return detect_or_utf8(src, enc);
    } else if (from_meta && surely_utf8(source_stats(src))) {
        charset = CS_UTF8;
    }
    set_charset(enc, charset);
    return LEDE_OK;
}

/* Step b. Besides bare labels, takes a whole Content-Type value
 * ("text/html; charset=koi8-r"), which callers easily pass instead.
 * TRANSPORT: the hint came with the bytes (an HTTP header), not from a
 * person who chose it. */
static lede_status follow_hint(source *src, const char *hint, bool transport, encoding *enc,
                               bool *settled) {
    const unsigned char *label = (const unsigned char *)hint;
    size_t len = strlen(hint);
    const char *charset = charset_for_label(label, len);
    *settled = false;
    if (!charset && charset_in_content(label, len, &label, &len))
        charset = charset_for_label(label, len);
    if (charset && transport && transport_yields(src, charset))
        return LEDE_OK;
    if (charset)
        return follow_label(src, charset, false, enc, settled);
    *settled = set_label(enc, label, len);
    return LEDE_OK;
}

static lede_status choose_encoding(source *src, const char *hint, bool transport,
                                   encoding *enc) {
    memset(enc, 0, sizeof *enc);
    if (take_bom(src, enc))
        return LEDE_OK;
    bool settled = false;
    lede_status st;
    if (hint && hint[0]) {
        st = follow_hint(src, hint, transport, enc, &settled);
        if (st != LEDE_OK || settled)
            return st;
    }
    const char *charset = utf16_sniff(src);
    if (charset) {
        set_charset(enc, charset);
        return LEDE_OK;
    }
    charset = meta_declared(src);
    if (charset) {
        st = follow_label(src, charset, true, enc, &settled);
        if (st != LEDE_OK || settled)
            return st;
    }
    if (mostly_utf8(source_stats(src))) {
        set_charset(enc, CS_UTF8);
        return LEDE_OK;
    }
    return detect_or_utf8(src, enc);
}

/* ---- the meta prescan -----------------------------------------------------
 * The HTML standard's "prescan a byte stream to determine its encoding",
 * reading the bytes in place (names and values are spans, compared without
 * case) rather than building strings. */

typedef struct attribute {
    const unsigned char *name, *value;
    size_t name_len, value_len;
} attribute;

typedef enum attr_result { ATTR_FOUND, ATTR_NONE, ATTR_END } attr_result;

/* The value of an attribute, *POS just past its '='. ATTR_END when the
 * bytes run out first, where the standard aborts the whole prescan. */
static attr_result attr_value(const unsigned char *b, size_t end, size_t *pos, attribute *a) {
    size_t i = *pos;
    while (i < end && is_space(b[i]))
        i++;
    if (i >= end)
        return ATTR_END;
    if (b[i] == '"' || b[i] == '\'') {
        unsigned char quote = b[i++];
        size_t start = i;
        while (i < end && b[i] != quote)
            i++;
        if (i >= end)
            return ATTR_END;
        a->value = b + start;
        a->value_len = i - start;
        *pos = i + 1;
        return ATTR_FOUND;
    }
    size_t start = i;
    while (i < end && !is_space(b[i]) && b[i] != '>')
        i++;
    if (i >= end)
        return ATTR_END;
    a->value = b + start;
    a->value_len = i - start;
    *pos = i;
    return ATTR_FOUND;
}

/* The standard's "get an attribute" at *POS, moving *POS past it. */
static attr_result get_attribute(const unsigned char *b, size_t end, size_t *pos, attribute *a) {
    size_t i = *pos;
    while (i < end && (is_space(b[i]) || b[i] == '/'))
        i++;
    if (i >= end)
        return ATTR_END;
    if (b[i] == '>') {
        *pos = i;
        return ATTR_NONE;
    }
    /* The first byte belongs to the name whatever it is, even '='. */
    size_t start = i++;
    while (i < end && b[i] != '=' && !is_space(b[i]) && b[i] != '/' && b[i] != '>')
        i++;
    if (i >= end)
        return ATTR_END;
    a->name = b + start;
    a->name_len = i - start;
    a->value = b + i;
    a->value_len = 0;
    while (i < end && is_space(b[i]))
        i++;
    if (i >= end)
        return ATTR_END;
    *pos = i;
    if (b[i] != '=')
        return ATTR_FOUND; /* no value */
    *pos = i + 1;
    return attr_value(b, end, pos, a);
}

static size_t find_nocase(const unsigned char *s, size_t len, size_t from, const char *word) {
    size_t n = strlen(word);
    for (size_t i = from; n <= len && i <= len - n; i++)
        if (equal_nocase(s + i, n, word))
            return i;
    return SIZE_MAX;
}

/* The standard's "extracting a character encoding from a meta element":
 * the label after "charset=" in a content attribute's value V. */
static bool charset_in_content(const unsigned char *v, size_t len, const unsigned char **label,
                               size_t *label_len) {
    size_t i = 0;
    for (;;) {
        size_t at = find_nocase(v, len, i, "charset");
        if (at == SIZE_MAX)
            return false;
        i = at + strlen("charset");
        while (i < len && is_space(v[i]))
            i++;
        if (i < len && v[i] == '=')
            break;
    }
    i++;
    while (i < len && is_space(v[i]))
        i++;
    if (i >= len)
        return false;
    size_t start = i;
    if (v[i] == '"' || v[i] == '\'') {
        unsigned char quote = v[i];
        for (start = ++i; i < len && v[i] != quote; i++)
            ;
        if (i >= len)
            return false; /* an unmatched quote */
    } else {
        while (i < len && !is_space(v[i]) && v[i] != ';')
            i++;
    }
    *label = v + start;
    *label_len = i - start;
    return true;
}

/* What a <meta> declares, once its attributes are read: which of charset,
 * content and http-equiv it had (the first of each counts) and what they
 * say. need_pragma is the standard's tri-state: unset, false, true. */
typedef struct meta_state {
    bool seen_charset, seen_content, seen_http_equiv;
    bool got_pragma;
    int need_pragma;  /* -1 unset */
    bool charset_set; /* the standard's "charset is not null": maybe unknown */
    const char *charset;
} meta_state;

static void meta_attribute(meta_state *m, const attribute *a) {
    if (equal_nocase(a->name, a->name_len, "http-equiv") && !m->seen_http_equiv) {
        m->seen_http_equiv = true;
        m->got_pragma = equal_nocase(a->value, a->value_len, "content-type");
    } else if (equal_nocase(a->name, a->name_len, "content") && !m->seen_content) {
        m->seen_content = true;
        const unsigned char *label;
        size_t len;
        const char *charset = NULL;
        if (!m->charset_set && charset_in_content(a->value, a->value_len, &label, &len))
            charset = charset_for_label(label, len);
        if (charset) {
            m->charset = charset;
            m->charset_set = true;
            m->need_pragma = 1;
        }
    } else if (equal_nocase(a->name, a->name_len, "charset") && !m->seen_charset) {
        m->seen_charset = true;
        m->charset = charset_for_label(a->value, a->value_len);
        m->charset_set = true;
        m->need_pragma = 0;
    }
}

/* The charset a <meta> at *POS (just after "<meta") declares, or NULL. */
static const char *meta_charset(const unsigned char *b, size_t end, size_t *pos, bool *abort) {
    meta_state m = {.need_pragma = -1};
    attribute a;
    attr_result r;
    while ((r = get_attribute(b, end, pos, &a)) == ATTR_FOUND)
        meta_attribute(&m, &a);
    *abort = r == ATTR_END;
    if (*abort || m.need_pragma == -1 || (m.need_pragma == 1 && !m.got_pragma))
        return NULL;
    return m.charset;
}

static bool starts_with_nocase(const unsigned char *b, size_t end, size_t i, const char *word) {
    size_t n = strlen(word);
    return end - i >= n && equal_nocase(b + i, n, word);
}

/* Position after the next '>' from I, or SIZE_MAX. For "<!--", the '>' of
 * the first "-->" that ends after the "<!--" ("<!-->" is a whole comment). */
static size_t skip_markup(const unsigned char *b, size_t end, size_t i) {
    if (starts_with_nocase(b, end, i, "<!--")) {
        for (size_t j = i + 2; j + 2 < end; j++)
            if (b[j] == '-' && b[j + 1] == '-' && b[j + 2] == '>')
                return j + 3;
        return SIZE_MAX;
    }
    for (size_t j = i + 1; j < end; j++)
        if (b[j] == '>')
            return j + 1;
    return SIZE_MAX;
}

/* Past a start or end tag at I, with its attributes, so that a '<' or a
 * "<meta" inside an attribute value is not taken for markup. */
static size_t skip_tag(const unsigned char *b, size_t end, size_t i) {
    size_t pos = i + 1;
    while (pos < end && !is_space(b[pos]) && b[pos] != '>')
        pos++;
    attribute a;
    attr_result r;
    while ((r = get_attribute(b, end, &pos, &a)) == ATTR_FOUND)
        ;
    return r == ATTR_END ? SIZE_MAX : pos + 1;
}

/* The charset declared by a meta in the first END bytes, or NULL. */
static const char *prescan(const unsigned char *b, size_t end) {
    size_t i = 0;
    while (i < end) {
        if (b[i] != '<' || i + 1 >= end) {
            i++;
            continue;
        }
        unsigned char next = b[i + 1];
        if (starts_with_nocase(b, end, i, "<meta") && end - i > 5 &&
            (is_space(b[i + 5]) || b[i + 5] == '/')) {
            size_t pos = i + 5;
            bool abort;
            const char *charset = meta_charset(b, end, &pos, &abort);
            if (charset || abort)
                return charset;
            i = pos + 1;
        } else if (starts_with_nocase(b, end, i, "<!--")) {
            i = skip_markup(b, end, i);
        } else if (is_alpha(next) || (next == '/' && i + 2 < end && is_alpha(b[i + 2]))) {
            i = skip_tag(b, end, i);
        } else if (next == '!' || next == '/' || next == '?') {
            i = skip_markup(b, end, i);
        } else {
            i++;
        }
        if (i == SIZE_MAX)
            return NULL; /* the markup runs past the bytes read */
    }
    return NULL;
}

/* ---- conversion ------------------------------------------------------------ */

/* A growing output; cap > len always, so the NUL always fits. */
typedef struct outbuf {
    char *data;
    size_t len, cap;
} outbuf;

static bool outbuf_reserve(outbuf *o, size_t extra) {
    if (extra > SIZE_MAX - 1 - o->len)
        return false;
    size_t need = o->len + extra + 1;
    if (need <= o->cap)
        return true;
    size_t cap = o->cap ? o->cap : 64;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    char *p = realloc(o->data, cap);
    if (!p)
        return false;
    o->data = p;
    o->cap = cap;
    return true;
}

static bool outbuf_replacement(outbuf *o) {
    if (!outbuf_reserve(o, sizeof REPLACEMENT))
        return false;
    memcpy(o->data + o->len, REPLACEMENT, sizeof REPLACEMENT);
    o->len += sizeof REPLACEMENT;
    return true;
}

/* Copy UTF-8 with each broken sequence and each NUL as U+FFFD. Each such
 * fix grows the text by at most two bytes (one byte becomes three), so the
 * stats give the exact bound and one allocation does. */
static lede_status utf8_repair(const unsigned char *p, size_t len, const utf8_stats *s,
                               char **out, size_t *out_len) {
    size_t fixes = s->bad + s->nul;
    if (fixes > (SIZE_MAX - 1 - len) / 2)
        return LEDE_ERR_NOMEM;
    char *dst = malloc(len + 2 * fixes + 1);
    if (!dst)
        return LEDE_ERR_NOMEM;
    size_t o = 0;
    for (size_t i = 0, n; i < len; i += n) {
        if (utf8_sequence(p + i, len - i, &n) == SEQ_VALID && p[i] != 0) {
            memcpy(dst + o, p + i, n);
            o += n;
        } else {
            memcpy(dst + o, REPLACEMENT, sizeof REPLACEMENT);
            o += sizeof REPLACEMENT;
        }
    }
    dst[o] = '\0';
    *out = dst;
    *out_len = o;
    return LEDE_OK;
}

/* Hand LEN bytes of would-be UTF-8 at P over as the result, repaired if
 * need be. OWNED, when not NULL, is a malloc'd buffer of at least LEN + 1
 * bytes that holds P: clean text is moved to its front and handed over
 * without a copy. OWNED is always consumed. STATS may be NULL. */
static lede_status emit_utf8(const unsigned char *p, size_t len, const utf8_stats *stats,
                             char *owned, char **out, size_t *out_len) {
    utf8_stats scanned;
    if (!stats) {
        scanned = utf8_scan(p, len);
        stats = &scanned;
    }
    if (stats->bad > 0 || stats->nul > 0) {
        lede_status st = utf8_repair(p, len, stats, out, out_len);
        free(owned);
        return st;
    }
    if (!owned) {
        owned = malloc(len + 1);
        if (!owned)
            return LEDE_ERR_NOMEM;
    }
    if (len > 0)
        memmove(owned, p, len);
    owned[len] = '\0';
    *out = owned;
    *out_len = len;
    return LEDE_OK;
}

static size_t iconv_unit(const char *charset) {
    return is_utf16(charset) ? 2 : 1;
}

/* Run CD over all of IN into O. A broken sequence becomes U+FFFD and UNIT
 * bytes are skipped (one, or one UTF-16 code unit so as not to lose step);
 * a sequence cut off by the end becomes one U+FFFD. */
static lede_status iconv_all(iconv_t cd, const unsigned char *in, size_t len, size_t unit,
                             outbuf *o) {
    /* iconv takes char ** for its input but does not write through it. */
    char *inp = (char *)in;
    size_t left = len;
    /* Mostly ASCII markup: a little over the input size usually suffices. */
    if (!outbuf_reserve(o, len / 2 < SIZE_MAX - len ? len + len / 2 : len))
        return LEDE_ERR_NOMEM;
    while (left > 0) {
        if (!outbuf_reserve(o, ICONV_MIN_ROOM))
            return LEDE_ERR_NOMEM;
        char *outp = o->data + o->len;
        size_t room = o->cap - o->len - 1;
        size_t r = iconv(cd, &inp, &left, &outp, &room);
        o->len = (size_t)(outp - o->data);
        if (r != (size_t)-1)
            break;
        if (errno == E2BIG) {
            if (!outbuf_reserve(o, o->cap)) /* doubles */
                return LEDE_ERR_NOMEM;
            continue;
        }
        if (!outbuf_replacement(o))
            return LEDE_ERR_NOMEM;
        if (errno == EINVAL)
            break;
        size_t skip = unit < left ? unit : left;
        inp += skip;
        left -= skip;
    }
    /* Stateful charsets (ISO-2022-JP) may owe output at the end. */
    for (;;) {
        if (!outbuf_reserve(o, ICONV_MIN_ROOM))
            return LEDE_ERR_NOMEM;
        char *outp = o->data + o->len;
        size_t room = o->cap - o->len - 1;
        size_t r = iconv(cd, NULL, NULL, &outp, &room);
        o->len = (size_t)(outp - o->data);
        if (r != (size_t)-1 || errno != E2BIG)
            break;
        if (!outbuf_reserve(o, o->cap))
            return LEDE_ERR_NOMEM;
    }
    o->data[o->len] = '\0';
    return LEDE_OK;
}

/* An iconv descriptor for ENC; when iconv does not know its charset, for
 * uchardet's guess, then windows-1252 (every byte is some character there).
 * *CD stays (iconv_t)-1 when the answer is UTF-8, or when iconv has no
 * tables at all; the caller then repairs the bytes as UTF-8. */
static lede_status open_decoder(const source *src, const encoding *enc, iconv_t *cd,
                                size_t *unit) {
    *unit = iconv_unit(enc->charset);
    *cd = iconv_open(CS_UTF8, encoding_name(enc));
    if (*cd != (iconv_t)-1)
        return LEDE_OK;
    *unit = 1;
    if (!enc->detected) {
        encoding guess;
        bool found;
        lede_status st = detect(src, &guess, &found);
        if (st != LEDE_OK)
            return st;
        if (found && same_charset(guess.charset, CS_UTF8))
            return LEDE_OK;
        if (found) {
            *unit = iconv_unit(guess.charset);
            *cd = iconv_open(CS_UTF8, encoding_name(&guess));
            if (*cd != (iconv_t)-1)
                return LEDE_OK;
        }
    }
    *unit = 1;
    *cd = iconv_open(CS_UTF8, CS_1252);
    return LEDE_OK;
}

/* SRC's bytes in ENC into *OUT. INFLATED (or NULL) holds them and is
 * consumed. */
static lede_status convert(source *src, const encoding *enc, char *inflated, char **out,
                           size_t *out_len) {
    iconv_t cd = (iconv_t)-1;
    size_t unit = 1;
    if (!same_charset(enc->charset, CS_UTF8)) {
        lede_status st = open_decoder(src, enc, &cd, &unit);
        if (st != LEDE_OK) {
            free(inflated);
            return st;
        }
    }
    if (cd == (iconv_t)-1)
        return emit_utf8(src->bytes, src->len, src->scanned ? &src->stats : NULL, inflated, out,
                         out_len);
    outbuf o = {0};
    lede_status st = iconv_all(cd, src->bytes, src->len, unit, &o);
    iconv_close(cd);
    free(inflated);
    if (st != LEDE_OK) {
        free(o.data);
        return st;
    }
    /* iconv's UTF-8 is valid, but NUL bytes pass through it. */
    return emit_utf8((const unsigned char *)o.data, o.len, NULL, o.data, out, out_len);
}

/* ---- gzip ------------------------------------------------------------------- */

static bool is_gzip(const unsigned char *b, size_t len) {
    return len >= 2 && b[0] == 0x1F && b[1] == 0x8B;
}

/* Step 1, inflating at most LIMIT bytes (inflate.c), concatenated members
 * included, a stream cut short or damaged keeping what inflated. *OUT
 * stays NULL when nothing inflates: the bytes are then decoded as they
 * are, so that lede reports them as not HTML rather than empty. Past
 * LIMIT, *OVER is set and *OUT holds the first LIMIT bytes. */
static lede_status gunzip(const unsigned char *in, size_t len, size_t limit, char **out,
                          size_t *out_len, bool *over) {
    inflate_request req = {.window_bits = INFLATE_GZIP, .limit = limit, .follow_members = true};
    inflate_end end;
    lede_status st = inflate_bounded(in, len, &req, out, out_len, &end);
    *over = st == LEDE_OK && end == INFLATE_OVER;
    if (*over)
        *out_len = limit;
    if (st == LEDE_OK && *out_len == 0) {
        free(*out);
        *out = NULL;
    }
    return st;
}

/* ---- entry ------------------------------------------------------------------ */

/* What a call asks of the decoder besides the bytes. */
typedef struct request {
    const char *hint;   /* a charset label, or NULL */
    bool transport;     /* HINT came with the bytes (HTTP), not from a person */
    size_t max_inflate; /* the most bytes a gzip'ed page may inflate to */
    bool strict;        /* inflating past max_inflate is LEDE_ERR_TOO_LARGE,
                           rather than a page cut there */
} request;

static lede_status decode(const char *in, size_t len, const request *req, char **out,
                          size_t *out_len) {
    if (!out || !out_len || (!in && len > 0))
        return LEDE_ERR_INVALID_ARG;
    *out = NULL;
    *out_len = 0;
    if (len == 0)
        return emit_utf8((const unsigned char *)"", 0, NULL, NULL, out, out_len);
    source src = {.bytes = (const unsigned char *)in, .len = len};
    char *inflated = NULL;
    if (is_gzip(src.bytes, src.len)) {
        size_t inflated_len;
        bool over;
        lede_status st =
            gunzip(src.bytes, src.len, req->max_inflate, &inflated, &inflated_len, &over);
        if (st != LEDE_OK)
            return st;
        if (over && req->strict) {
            free(inflated);
            return LEDE_ERR_TOO_LARGE;
        }
        if (inflated) {
            src.bytes = (const unsigned char *)inflated;
            src.len = inflated_len;
        }
    }
    encoding enc;
    lede_status st = choose_encoding(&src, req->hint, req->transport, &enc);
    if (st != LEDE_OK) {
        free(inflated);
        return st;
    }
    return convert(&src, &enc, inflated, out, out_len);
}

lede_status decode_to_utf8(const char *in, size_t len, const char *hint, char **out,
                           size_t *out_len) {
    request req = {.hint = hint, .max_inflate = LEDE_MAX_INPUT};
    return decode(in, len, &req, out, out_len);
}

lede_status decode_page(const char *in, size_t len, const lede_options *opt, char **out,
                        size_t *out_len) {
    if (!opt)
        return LEDE_ERR_INVALID_ARG;
    size_t max = opt->max_input ? opt->max_input : LEDE_MAX_INPUT;
    /* The inflate buffer holds the bound, one byte past it and a NUL. */
    if (max > SIZE_MAX - 2)
        max = SIZE_MAX - 2;
    request req = {.hint = opt->encoding,
                   .transport = opt->encoding_from_transport != 0,
                   .max_inflate = max,
                   .strict = true};
    return decode(in, len, &req, out, out_len);
}

int lede_encoding_known(const char *label) {
    if (!label)
        return 0;
    const unsigned char *s = (const unsigned char *)label;
    size_t len = strlen(label);
    if (charset_for_label(s, len))
        return 1;
    if (charset_in_content(s, len, &s, &len) && charset_for_label(s, len))
        return 1;
    /* What the table does not know goes to iconv as it is (set_label). */
    while (len > 0 && is_space(s[0])) {
        s++;
        len--;
    }
    while (len > 0 && is_space(s[len - 1]))
        len--;
    if (len == 0 || len > LABEL_MAX)
        return 0;
    char name[LABEL_MAX + 1];
    memcpy(name, s, len);
    name[len] = '\0';
    iconv_t cd = iconv_open(CS_UTF8, name);
    if (cd == (iconv_t)-1)
        return 0;
    iconv_close(cd);
    return 1;
}
