/*
 * decode/choose.c — which encoding a page's bytes are in (step 2 of
 * decode.c), the strongest evidence first, in the order of the HTML
 * standard's encoding sniffing:
 *   a. a byte-order mark: it is part of the bytes and never there by
 *      accident;
 *   b. the caller's hint (HTTP Content-Type, --encoding): the standard
 *      ranks the transport above the document, and a caller who passes
 *      --encoding means it. A transport label of the Latin default
 *      (iso-8859-1, windows-1252, us-ascii: what HTTP/1.1 servers and
 *      crawlers fill in when they know nothing) is the one exception: it
 *      yields when the bytes are valid UTF-8 with non-ASCII text, or
 *      mostly so and the page's meta says UTF-8 — a Latin page forms
 *      such bytes only by rare accident, and trusting the label would
 *      garble every non-ASCII character of the page;
 *   c. UTF-16 without a BOM, seen from the NUL bytes its ASCII markup
 *      carries; it comes before the meta prescan, which reads only
 *      ASCII-compatible bytes and would find nothing;
 *   d. <meta charset> or <meta http-equiv=Content-Type> in the first 1024
 *      bytes (4096 if not found), found with the standard's prescan so
 *      that comments, other tags' attributes and odd quoting do not fool
 *      it;
 *   e. valid UTF-8: most pages are UTF-8 and legacy encodings almost
 *      never form valid multi-byte UTF-8 by chance, so one fast pass
 *      settles most pages without running a detector;
 *   f. uchardet's statistical guess, for the unlabelled legacy rest;
 *   g. UTF-8, with the bad bytes replaced.
 *
 * Labels mean what the WHATWG Encoding standard says browsers decode them
 * as (iso-8859-1 is windows-1252, gb2312 is gb18030, ...): pages are
 * written and checked against browsers, not against the IANA registry.
 * Two kinds of label are checked against the bytes, because templates
 * often carry them wrongly: "utf-8" on bytes far from UTF-8 (a legacy
 * page) is handed to the detector, and a meta naming a legacy encoding on
 * bytes that are valid multi-byte UTF-8 (a page converted to UTF-8 whose
 * template kept the old meta) is read as UTF-8.
 */
#include <stdint.h>
#include <string.h>

#include <uchardet.h>

#include "decode/internal.h"

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

static size_t min_size(size_t a, size_t b) {
    return a < b ? a : b;
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

static const utf8_stats *source_stats(source *src) {
    if (!src->scanned) {
        src->stats = utf8_scan(src->bytes, src->len);
        src->scanned = true;
    }
    return &src->stats;
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
lede_status detect_encoding(const source *src, encoding *enc, bool *found) {
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
    lede_status st = detect_encoding(src, enc, &found);
    if (st == LEDE_OK && !found)
        set_charset(enc, CS_UTF8);
    return st;
}

/* Step d's prescan: the charset a meta of the first bytes declares, or
 * NULL. */
static const char *meta_declared(const source *src) {
    const char *charset = meta_prescan(src->bytes, min_size(src->len, PRESCAN_FIRST));
    if (!charset && src->len > PRESCAN_FIRST)
        charset = meta_prescan(src->bytes, min_size(src->len, PRESCAN_MAX));
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

lede_status choose_encoding(source *src, const char *hint, bool transport, encoding *enc) {
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

