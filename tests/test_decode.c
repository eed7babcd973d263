/*
 * test_decode.c — decode_to_utf8 and decode_page: page bytes in any encoding
 * into UTF-8.
 *
 * Legacy-encoded inputs are made here with iconv from UTF-8 text, so every
 * test states the text it expects back. Labelled tests use texts so short
 * that uchardet (0.0.7) guesses another charset for them, so that they fail
 * when the label is not what decided the encoding.
 */
#include <errno.h>
#include <iconv.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <zlib.h>

#include "decode.h"

#define FFFD "\xEF\xBF\xBD"

/* Too short for uchardet, which takes it for windows-1252 in windows-1251
 * and in KOI8-R alike. */
#define SHORT_RUSSIAN "Ёж, мир"

/* Long enough for a statistical detector to be sure. */
static const char RUSSIAN[] =
    "Московский метрополитен — основной вид внеуличного общественного транспорта "
    "Москвы. Он был открыт пятнадцатого мая тысяча девятьсот тридцать пятого года, "
    "и с тех пор его сеть постоянно расширяется: строятся новые станции и линии, "
    "обновляются вагоны, а пассажиропоток ежедневно превышает несколько миллионов "
    "человек. Многие станции украшены мозаикой, витражами и скульптурами, поэтому "
    "метро часто называют подземным дворцом. Каждый день поезда перевозят жителей "
    "столицы и гостей города на работу, учёбу и прогулки по историческому центру.";

/* Twenty-two characters of UTF-8, enough to outweigh a few broken bytes. */
#define JAPANESE "日本語のテキストです。東京は日本の首都です。"

/* ---- helpers ------------------------------------------------------------- */

/* TEXT (UTF-8) in CHARSET, as a malloc'd buffer of *LEN bytes. */
static char *encode(const char *text, const char *charset, size_t *len) {
    iconv_t cd = iconv_open(charset, "UTF-8");
    assert_true(cd != (iconv_t)-1);
    size_t in_left = strlen(text), cap = in_left * 4 + 16, out_left = cap;
    char *out = malloc(cap), *inp = (char *)text, *outp = out;
    assert_non_null(out);
    assert_true(iconv(cd, &inp, &in_left, &outp, &out_left) != (size_t)-1);
    assert_true(iconv(cd, NULL, NULL, &outp, &out_left) != (size_t)-1);
    iconv_close(cd);
    *len = cap - out_left;
    return out;
}

/* Whether LEN bytes at S are valid UTF-8, asked of glibc rather than of the
 * code under test. */
static int is_valid_utf8(const char *s, size_t len) {
    iconv_t cd = iconv_open("UTF-32LE", "UTF-8");
    assert_true(cd != (iconv_t)-1);
    char scratch[4096], *inp = (char *)s;
    size_t left = len;
    int ok = 1;
    while (left > 0 && ok) {
        char *outp = scratch;
        size_t room = sizeof scratch;
        if (iconv(cd, &inp, &left, &outp, &room) == (size_t)-1 && errno != E2BIG)
            ok = 0;
    }
    iconv_close(cd);
    return ok;
}

/* Decode and check what every result must be: valid UTF-8, NUL-terminated,
 * no NUL inside. */
static char *decode(const char *in, size_t len, const char *hint) {
    char *out = NULL;
    size_t out_len = 0;
    assert_int_equal(decode_to_utf8(in, len, hint, &out, &out_len), LEDE_OK);
    assert_non_null(out);
    assert_int_equal(out[out_len], '\0');
    assert_int_equal(strlen(out), out_len);
    assert_true(is_valid_utf8(out, out_len));
    return out;
}

/* TEXT encoded in CHARSET decodes back to TEXT (with HINT). */
static void assert_round_trip(const char *text, const char *charset, const char *hint) {
    size_t len;
    char *bytes = encode(text, charset, &len);
    char *out = decode(bytes, len, hint);
    assert_string_equal(out, text);
    free(out);
    free(bytes);
}

/* A page with HEAD (meta tags) and BODY text, in UTF-8. */
static char *page(const char *head, const char *body) {
    const char *fmt = "<html><head>%s<title>t</title></head><body><p>%s</p></body></html>";
    size_t cap = strlen(fmt) + strlen(head) + strlen(body) + 1;
    char *s = malloc(cap);
    assert_non_null(s);
    snprintf(s, cap, fmt, head, body);
    return s;
}

static void assert_page_round_trip(const char *head, const char *body, const char *charset,
                                   const char *hint) {
    char *html = page(head, body);
    assert_round_trip(html, charset, hint);
    free(html);
}

static char *gzip(const char *in, size_t len, size_t *out_len) {
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    assert_int_equal(deflateInit2(&zs, 9, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY),
                     Z_OK);
    size_t cap = deflateBound(&zs, (uLong)len) + 32;
    char *out = malloc(cap);
    assert_non_null(out);
    zs.next_in = (Bytef *)in;
    zs.avail_in = (uInt)len;
    zs.next_out = (Bytef *)out;
    zs.avail_out = (uInt)cap;
    assert_int_equal(deflate(&zs, Z_FINISH), Z_STREAM_END);
    *out_len = zs.total_out;
    deflateEnd(&zs);
    return out;
}

/* ---- UTF-8 and byte-order marks ---------------------------------------------- */

static void test_utf8_is_passed_through(void **state) {
    (void)state;
    const char *text = "<p>Grüße, 日本語, 😀 — «ok»</p>";
    char *out = decode(text, strlen(text), NULL);
    assert_string_equal(out, text);
    free(out);
}

static void test_empty_input_gives_empty_string(void **state) {
    (void)state;
    char *out = decode("", 0, NULL);
    assert_string_equal(out, "");
    free(out);
}

static void test_bom_utf8_is_stripped(void **state) {
    (void)state;
    const char in[] = "\xEF\xBB\xBF<p>café</p>";
    char *out = decode(in, sizeof in - 1, NULL);
    assert_string_equal(out, "<p>café</p>");
    free(out);
}

static void assert_bom_utf16(const char *charset, const char *bom) {
    const char *text = "<p>Привет, 日本 😀</p>";
    size_t len;
    char *body = encode(text, charset, &len);
    char *in = malloc(len + 2);
    assert_non_null(in);
    memcpy(in, bom, 2);
    memcpy(in + 2, body, len);
    char *out = decode(in, len + 2, NULL);
    assert_string_equal(out, text);
    free(out);
    free(in);
    free(body);
}

static void test_bom_utf16le_is_decoded(void **state) {
    (void)state;
    assert_bom_utf16("UTF-16LE", "\xFF\xFE");
}

static void test_bom_utf16be_is_decoded(void **state) {
    (void)state;
    assert_bom_utf16("UTF-16BE", "\xFE\xFF");
}

static void test_bom_overrides_hint(void **state) {
    (void)state;
    const char in[] = "\xEF\xBB\xBF<p>café</p>";
    char *out = decode(in, sizeof in - 1, "windows-1251");
    assert_string_equal(out, "<p>café</p>");
    free(out);
}

static void test_utf16le_without_bom_is_sniffed(void **state) {
    (void)state;
    assert_round_trip("<html><body><p>Ünïcode ohne BOM</p></body></html>", "UTF-16LE", NULL);
}

static void test_utf16be_without_bom_is_sniffed(void **state) {
    (void)state;
    assert_round_trip("<html><body><p>Ünïcode ohne BOM</p></body></html>", "UTF-16BE", NULL);
}

/* ---- labels: the meta prescan and the hint ------------------------------------- */

static void test_meta_charset_windows_1251_is_decoded(void **state) {
    (void)state;
    assert_page_round_trip("<meta charset=\"windows-1251\">", SHORT_RUSSIAN, "CP1251", NULL);
}

static void test_http_equiv_content_type_is_decoded(void **state) {
    (void)state;
    assert_page_round_trip(
        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">",
        SHORT_RUSSIAN, "CP1251", NULL);
}

static void test_meta_labels_are_read_with_any_quoting(void **state) {
    (void)state;
    const char *heads[] = {
        "<meta charset=windows-1251>",
        "<meta charset='windows-1251'>",
        "<META CHARSET=\" WINDOWS-1251 \">",
        "<meta name=x charset=\"windows-1251\"/>",
        "<meta content='text/html;charset=windows-1251' http-equiv=content-type>",
        "<meta http-equiv=\"content-type\" content=\"text/html; charset = 'windows-1251'\">",
    };
    for (size_t i = 0; i < sizeof heads / sizeof heads[0]; i++)
        assert_page_round_trip(heads[i], SHORT_RUSSIAN, "CP1251", NULL);
}

static void test_meta_inside_comment_is_ignored(void **state) {
    (void)state;
    /* The '>' inside is where a comment taken for other "<!" markup ends. */
    assert_page_round_trip("<!-- a > b <meta charset=koi8-r> --><meta charset=windows-1251>",
                           SHORT_RUSSIAN, "CP1251", NULL);
}

static void test_meta_in_other_attribute_is_ignored(void **state) {
    (void)state;
    assert_page_round_trip("<link title='<meta charset=koi8-r>'><meta charset=windows-1251>",
                           SHORT_RUSSIAN, "CP1251", NULL);
}

/* A content charset counts only with http-equiv=content-type beside it. */
static void test_meta_content_without_http_equiv_is_ignored(void **state) {
    (void)state;
    /* 0xE9 is é in windows-1252 but ι in ISO-8859-7, which no detector
     * would guess for this text. */
    char *html = page("<meta content=\"text/html; charset=iso-8859-7\">", "caf\xE9");
    char *out = decode(html, strlen(html), NULL);
    assert_non_null(strstr(out, "caf"));
    assert_null(strstr(out, "cafι"));
    free(out);
    free(html);
}

/* Past a comment that fills the first 1024 bytes, the prescan looks on. */
static void test_meta_after_first_kilobyte_is_found(void **state) {
    (void)state;
    char head[2200];
    memcpy(head, "<!--", 4);
    memset(head + 4, 'x', 1500);
    strcpy(head + 1504, "--><meta charset=windows-1251>");
    assert_page_round_trip(head, SHORT_RUSSIAN, "CP1251", NULL);
}

static void test_hint_overrides_meta(void **state) {
    (void)state;
    assert_page_round_trip("<meta charset=\"koi8-r\">", SHORT_RUSSIAN, "CP1251",
                           "windows-1251");
}

static void test_hint_may_be_content_type_value(void **state) {
    (void)state;
    assert_page_round_trip("", SHORT_RUSSIAN, "CP1251", "text/html; charset=windows-1251");
}

/* Browsers read iso-8859-1 as windows-1252, where 0x93 and 0x94 are curly
 * quotes; in ISO-8859-1 proper they are C1 controls. */
static void test_latin1_label_decodes_as_windows_1252(void **state) {
    (void)state;
    char *html = page("<meta charset=\"iso-8859-1\">", "\x93quoted\x94 caf\xE9");
    char *out = decode(html, strlen(html), NULL);
    assert_non_null(strstr(out, "\xE2\x80\x9Cquoted\xE2\x80\x9D caf\xC3\xA9"));
    free(out);
    free(html);
    const char bytes[] = "\x93quoted\x94";
    out = decode(bytes, sizeof bytes - 1, "ISO-8859-1");
    assert_string_equal(out, "\xE2\x80\x9Cquoted\xE2\x80\x9D");
    free(out);
}

static void test_shift_jis_with_meta_is_decoded(void **state) {
    (void)state;
    assert_page_round_trip("<meta charset=\"shift_jis\">", "日本①", "CP932",
                           NULL);
}

/* glibc's own SHIFT_JIS would turn these into ¥ and ‾ and break URLs. */
static void test_shift_jis_keeps_backslash_and_tilde(void **state) {
    (void)state;
    assert_page_round_trip("<meta charset=\"x-sjis\">", "C:\\記事 ~user", "CP932", NULL);
}

static void test_euc_jp_with_meta_is_decoded(void **state) {
    (void)state;
    assert_page_round_trip("<meta charset=\"euc-jp\">", "日本語", "EUC-JP", NULL);
}

/* U+20000 is a four-byte GB18030 sequence that GB2312 and GBK lack. */
static void test_gb2312_label_decodes_as_gb18030(void **state) {
    (void)state;
    assert_page_round_trip("<meta charset=\"gb2312\">", "中文新闻报道 𠀀", "GB18030", NULL);
}

static void test_gb18030_with_meta_is_decoded(void **state) {
    (void)state;
    assert_page_round_trip("<meta charset=\"gb18030\">", "中文", "GB18030", NULL);
}

static void test_big5_with_meta_is_decoded(void **state) {
    (void)state;
    assert_page_round_trip("<meta charset=\"big5\">", "臺北", "BIG5", NULL);
}

static void test_euc_kr_with_meta_is_decoded(void **state) {
    (void)state;
    assert_page_round_trip("<meta charset=\"euc-kr\">", "한국", "EUC-KR", NULL);
}

static void test_koi8_r_with_meta_is_decoded(void **state) {
    (void)state;
    assert_page_round_trip("<meta charset=\"koi8-r\">", SHORT_RUSSIAN, "KOI8-R", NULL);
}

/* The standard: a utf-16 meta was read in ASCII-compatible bytes, so it
 * cannot be right, and the page is UTF-8. */
static void test_utf16_meta_on_ascii_bytes_means_utf8(void **state) {
    (void)state;
    assert_page_round_trip("<meta charset=\"utf-16\">", "Grüße aus Köln", "UTF-8", NULL);
}

/* A page converted to UTF-8 whose template kept the old meta. */
static void test_legacy_meta_on_utf8_bytes_is_read_as_utf8(void **state) {
    (void)state;
    assert_page_round_trip("<meta charset=\"iso-8859-1\">", "Grüße aus Köln", "UTF-8", NULL);
}

static void test_utf8_label_on_windows_1251_bytes_is_detected(void **state) {
    (void)state;
    assert_page_round_trip("<meta charset=\"utf-8\">", RUSSIAN, "CP1251", NULL);
    assert_page_round_trip("", RUSSIAN, "CP1251", "utf-8");
}

static void test_unknown_hint_falls_back_to_detection(void **state) {
    (void)state;
    assert_page_round_trip("", RUSSIAN, "CP1251", "x-no-such-charset");
}

/* ---- detection ----------------------------------------------------------------- */

static void test_unlabelled_windows_1251_is_detected(void **state) {
    (void)state;
    assert_page_round_trip("", RUSSIAN, "CP1251", NULL);
}

/* ---- broken bytes -------------------------------------------------------------- */

/* Mostly UTF-8 with damage stays UTF-8: one U+FFFD per maximal subpart
 * (C3 before '(', the cut E2 82, a lone FF), and one for the character cut
 * off at the end. */
static void test_invalid_utf8_becomes_replacement(void **state) {
    (void)state;
    const char in[] = "<p>" JAPANESE " a\xC3(b\xE2\x82" "c\xFF" "d\xE6\x97";
    char *out = decode(in, sizeof in - 1, NULL);
    assert_string_equal(out, "<p>" JAPANESE " a" FFFD "(b" FFFD "c" FFFD "d" FFFD);
    free(out);
}

static void test_overlong_and_surrogate_utf8_become_replacement(void **state) {
    (void)state;
    const char in[] =
        JAPANESE JAPANESE JAPANESE " \xC0\xAF \xE0\x80\xAF \xED\xA0\x80 \xF4\x90\x80\x80";
    char *out = decode(in, sizeof in - 1, "utf-8");
    assert_string_equal(out, JAPANESE JAPANESE JAPANESE " " FFFD FFFD " " FFFD FFFD FFFD
                             " " FFFD FFFD FFFD " " FFFD FFFD FFFD FFFD);
    free(out);
}

static void test_nul_bytes_become_replacement(void **state) {
    (void)state;
    const char in[] = "<p>a\0b</p>";
    char *out = decode(in, sizeof in - 1, NULL);
    assert_string_equal(out, "<p>a" FFFD "b</p>");
    free(out);
    const char legacy[] = "<p>\xCF\xF0\0\xE8</p>"; /* "Пр\0и" in windows-1251 */
    out = decode(legacy, sizeof legacy - 1, "windows-1251");
    assert_string_equal(out, "<p>Пр" FFFD "и</p>");
    free(out);
}

/* A bad lead byte costs one character; the ASCII byte after it survives. */
static void test_broken_legacy_sequence_resumes_after_one_byte(void **state) {
    (void)state;
    const char in[] = "\x93\xFA\x96\x7B\x81 ok"; /* 日本, a lead byte, " ok" */
    char *out = decode(in, sizeof in - 1, "shift_jis");
    assert_string_equal(out, "日本" FFFD " ok");
    free(out);
}

/* Three of the four bytes of U+20000 in GB18030: one character is missing,
 * not three ('2' is ASCII and would otherwise come out). */
static void test_legacy_sequence_cut_at_end_becomes_one_replacement(void **state) {
    (void)state;
    const char in[] = "\xD6\xD0\x95\x32\x82"; /* 中, then the cut sequence */
    char *out = decode(in, sizeof in - 1, "gb18030");
    assert_string_equal(out, "中" FFFD);
    free(out);
}

/* A lone surrogate costs one UTF-16 code unit; skipping one byte instead
 * would misalign and garble the rest of the text. */
static void test_broken_utf16_resumes_after_one_code_unit(void **state) {
    (void)state;
    const char in[] = "\xFF\xFE" "a\0" "\x00\xDC" "b\0" "\x42\x04"; /* a, DC00, b, т */
    char *out = decode(in, sizeof in - 1, NULL);
    assert_string_equal(out, "a" FFFD "bт");
    free(out);
}

/* ---- gzip ------------------------------------------------------------------------ */

static void test_gzip_input_is_inflated(void **state) {
    (void)state;
    char *html = page("<meta charset=\"utf-8\">", "Grüße aus Köln");
    size_t len;
    char *gz = gzip(html, strlen(html), &len);
    char *out = decode(gz, len, NULL);
    assert_string_equal(out, html);
    free(out);
    free(gz);
    free(html);
}

static void test_gzip_legacy_page_is_inflated_then_decoded(void **state) {
    (void)state;
    char *html = page("<meta charset=\"windows-1251\">", SHORT_RUSSIAN);
    size_t legacy_len, gz_len;
    char *legacy = encode(html, "CP1251", &legacy_len);
    char *gz = gzip(legacy, legacy_len, &gz_len);
    char *out = decode(gz, gz_len, NULL);
    assert_string_equal(out, html);
    free(out);
    free(gz);
    free(legacy);
    free(html);
}

static void test_truncated_gzip_keeps_inflated_prefix(void **state) {
    (void)state;
    size_t text_len = 64 * 1024, gz_len;
    char *text = malloc(text_len + 1);
    assert_non_null(text);
    /* Varied enough not to compress into a few bytes. */
    uint32_t x = 12345;
    for (size_t i = 0; i < text_len; i++) {
        x = x * 1103515245u + 12345u;
        text[i] = (char)('a' + (x >> 16) % 26);
    }
    text[text_len] = '\0';
    char *gz = gzip(text, text_len, &gz_len);
    char *out = decode(gz, gz_len / 2, NULL);
    size_t out_len = strlen(out);
    assert_true(out_len > 0 && out_len < text_len);
    assert_memory_equal(out, text, out_len);
    free(out);
    free(gz);
    free(text);
}

/* ---- decode_page: transport labels and max_input ------------------------------ */

/* decode_page with ENCODING as the hint, from the transport or not. */
static char *decode_with(const char *in, size_t len, const char *encoding, int transport) {
    lede_options opt;
    lede_options_init(&opt);
    opt.encoding = encoding;
    opt.encoding_from_transport = transport;
    char *out = NULL;
    size_t out_len = 0;
    assert_int_equal(decode_page(in, len, &opt, &out, &out_len), LEDE_OK);
    assert_non_null(out);
    assert_int_equal(strlen(out), out_len);
    assert_true(is_valid_utf8(out, out_len));
    return out;
}

static void test_transport_latin_default_yields_to_utf8_page(void **state) {
    (void)state;
    char *html = page("<meta charset=\"utf-8\">", "Montréal, Москва");
    static const char *const labels[] = {"ISO-8859-1", "windows-1252", "us-ascii", "latin1",
                                         "text/html; charset=iso-8859-1"};
    for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++) {
        char *out = decode_with(html, strlen(html), labels[i], 1);
        assert_string_equal(out, html);
        free(out);
    }
    free(html);
}

static void test_transport_latin_default_yields_without_meta(void **state) {
    (void)state;
    char *html = page("", "Montréal");
    char *out = decode_with(html, strlen(html), "iso-8859-1", 1);
    assert_string_equal(out, html);
    free(out);
    free(html);
}

/* One stray Latin-1 byte in a page that says UTF-8: still UTF-8. */
static void test_transport_latin_default_yields_to_mostly_utf8_page(void **state) {
    (void)state;
    char *html = page("<meta charset=\"utf-8\">", "Montréal, Québec, Genève, Besançon, \xE9t");
    char *out = decode_with(html, strlen(html), "iso-8859-1", 1);
    assert_non_null(strstr(out, "Montréal, Québec, Genève, Besançon, " FFFD "t"));
    free(out);
    free(html);
}

static void test_transport_latin_label_on_latin_page_is_followed(void **state) {
    (void)state;
    char *html = page("<meta charset=\"utf-8\">", "Montréal");
    size_t len;
    char *latin = encode(html, "CP1252", &len);
    char *out = decode_with(latin, len, "iso-8859-1", 1);
    assert_string_equal(out, html);
    free(out);
    free(latin);
    free(html);
}

static void test_transport_other_label_is_followed(void **state) {
    (void)state;
    char *html = page("<meta charset=\"utf-8\">", SHORT_RUSSIAN);
    size_t len;
    char *legacy = encode(html, "CP1251", &len);
    char *out = decode_with(legacy, len, "windows-1251", 1);
    assert_string_equal(out, html);
    free(out);
    free(legacy);
    free(html);
}

static void test_user_latin_encoding_wins_over_utf8_bytes(void **state) {
    (void)state;
    char *html = page("<meta charset=\"utf-8\">", "Montréal");
    char *out = decode_with(html, strlen(html), "iso-8859-1", 0);
    assert_non_null(strstr(out, "MontrÃ©al"));
    free(out);
    free(html);
}

/* A page that inflates to N bytes, N > 1 MiB. */
static char *big_gzip_page(size_t n, size_t *gz_len) {
    char *html = malloc(n + 1);
    assert_non_null(html);
    static const char head[] = "<html><body><p>";
    memcpy(html, head, sizeof head - 1);
    memset(html + sizeof head - 1, 'a', n - (sizeof head - 1));
    html[n] = '\0';
    char *gz = gzip(html, n, gz_len);
    free(html);
    return gz;
}

static void test_gzip_over_max_input_is_too_large(void **state) {
    (void)state;
    size_t gz_len;
    char *gz = big_gzip_page((size_t)4 << 20, &gz_len);
    lede_options opt;
    lede_options_init(&opt);
    opt.max_input = (size_t)1 << 20;
    char *out = NULL;
    size_t out_len = 0;
    assert_int_equal(decode_page(gz, gz_len, &opt, &out, &out_len), LEDE_ERR_TOO_LARGE);
    assert_null(out);
    /* At the bound exactly it passes. */
    opt.max_input = (size_t)4 << 20;
    assert_int_equal(decode_page(gz, gz_len, &opt, &out, &out_len), LEDE_OK);
    assert_int_equal(out_len, (size_t)4 << 20);
    free(out);
    opt.max_input = ((size_t)4 << 20) - 1;
    assert_int_equal(decode_page(gz, gz_len, &opt, &out, &out_len), LEDE_ERR_TOO_LARGE);
    free(gz);
}

static void test_gzip_over_max_input_fails_extract(void **state) {
    (void)state;
    size_t gz_len;
    char *gz = big_gzip_page((size_t)2 << 20, &gz_len);
    lede_options opt;
    lede_options_init(&opt);
    opt.max_input = (size_t)1 << 20;
    lede_result *res = NULL;
    assert_int_equal(lede_extract(gz, gz_len, &opt, &res), LEDE_ERR_TOO_LARGE);
    assert_null(res);
    free(gz);
}

static void test_encoding_labels_are_known(void **state) {
    (void)state;
    assert_true(lede_encoding_known("utf-8"));
    assert_true(lede_encoding_known(" Latin1 "));
    assert_true(lede_encoding_known("x-user-defined"));
    assert_true(lede_encoding_known("text/html; charset=koi8-r"));
    assert_true(lede_encoding_known("CP437")); /* iconv's, not the standard's */
    assert_false(lede_encoding_known("no-such-charset"));
    assert_false(lede_encoding_known(""));
    assert_false(lede_encoding_known(NULL));
}

/* ---- decode_page_view: no copy of a page that needs none ------------------- */

/* A view of IN through decode_page_view; *OWNED is what the caller frees. */
static const char *view_of(const char *in, size_t len, char **owned, size_t *text_len) {
    lede_options opt;
    lede_options_init(&opt);
    const char *text = NULL;
    assert_int_equal(decode_page_view(in, len, &opt, &text, text_len, owned), LEDE_OK);
    assert_non_null(text);
    return text;
}

/* UTF-8 as it stands is handed over in place (past its BOM); bytes that
 * change (Latin-1, broken UTF-8, a NUL, gzip) come back as a copy. */
static void test_page_view_borrows_only_clean_utf8(void **state) {
    (void)state;
    static const char clean[] = "<p>Caf\xC3\xA9 cr\xC3\xA8me</p>";
    static const char bom[] = "\xEF\xBB\xBF<p>Caf\xC3\xA9</p>";
    char *owned = NULL;
    size_t len = 0;
    const char *text = view_of(clean, strlen(clean), &owned, &len);
    assert_ptr_equal(text, clean);
    assert_int_equal(len, strlen(clean));
    assert_null(owned);
    text = view_of(bom, strlen(bom), &owned, &len);
    assert_ptr_equal(text, bom + 3);
    assert_null(owned);

    static const char *const changed[] = {
        "<meta charset=iso-8859-1><p>Caf\xE9</p>",
        "<p>Caf\xC3\xA9 and a stray \xFF byte, mostly UTF-8 \xC3\xA8 \xC3\xA8 \xC3\xA8</p>",
    };
    for (size_t i = 0; i < sizeof changed / sizeof changed[0]; i++) {
        text = view_of(changed[i], strlen(changed[i]), &owned, &len);
        assert_non_null(owned);
        assert_ptr_equal(text, owned);
        assert_int_equal(strlen(text), len);
        free(owned);
    }
    static const char with_nul[] = "<p>a\0b \xC3\xA9</p>";
    text = view_of(with_nul, sizeof with_nul - 1, &owned, &len);
    assert_non_null(owned);
    free(owned);
    size_t gz_len = 0;
    char *gz = gzip(clean, strlen(clean), &gz_len);
    text = view_of(gz, gz_len, &owned, &len);
    assert_non_null(owned);
    assert_string_equal(text, clean);
    free(owned);
    free(gz);
}

/* The scan takes plain ASCII 32 and 8 bytes at a time: a NUL or a stray
 * byte at any offset of a long ASCII run is still seen (the page is then
 * repaired into a copy, never handed over as it is). */
static void test_scan_sees_every_offset(void **state) {
    (void)state;
    enum { RUN = 150 };
    static const unsigned char odd[] = {0x00, 0xFF, 0xC3};
    for (size_t o = 0; o < sizeof odd; o++) {
        for (size_t at = 0; at < RUN; at++) {
            char page[RUN + 16];
            memcpy(page, "<p>", 3);
            memset(page + 3, 'a', RUN);
            page[3 + at] = (char)odd[o];
            memcpy(page + 3 + RUN, "</p>", 4);
            size_t len = 3 + RUN + 4, text_len = 0;
            char *owned = NULL;
            const char *text = view_of(page, len, &owned, &text_len);
            if (!owned)
                fail_msg("byte %#x at %zu passed as UTF-8", odd[o], at);
            assert_ptr_equal(text, owned);
            assert_int_equal(strlen(text), text_len);
            free(owned);
        }
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_transport_latin_default_yields_to_utf8_page),
        cmocka_unit_test(test_transport_latin_default_yields_without_meta),
        cmocka_unit_test(test_transport_latin_default_yields_to_mostly_utf8_page),
        cmocka_unit_test(test_transport_latin_label_on_latin_page_is_followed),
        cmocka_unit_test(test_transport_other_label_is_followed),
        cmocka_unit_test(test_user_latin_encoding_wins_over_utf8_bytes),
        cmocka_unit_test(test_gzip_over_max_input_is_too_large),
        cmocka_unit_test(test_gzip_over_max_input_fails_extract),
        cmocka_unit_test(test_encoding_labels_are_known),
        cmocka_unit_test(test_utf8_is_passed_through),
        cmocka_unit_test(test_empty_input_gives_empty_string),
        cmocka_unit_test(test_bom_utf8_is_stripped),
        cmocka_unit_test(test_bom_utf16le_is_decoded),
        cmocka_unit_test(test_bom_utf16be_is_decoded),
        cmocka_unit_test(test_bom_overrides_hint),
        cmocka_unit_test(test_utf16le_without_bom_is_sniffed),
        cmocka_unit_test(test_utf16be_without_bom_is_sniffed),
        cmocka_unit_test(test_meta_charset_windows_1251_is_decoded),
        cmocka_unit_test(test_http_equiv_content_type_is_decoded),
        cmocka_unit_test(test_meta_labels_are_read_with_any_quoting),
        cmocka_unit_test(test_meta_inside_comment_is_ignored),
        cmocka_unit_test(test_meta_in_other_attribute_is_ignored),
        cmocka_unit_test(test_meta_content_without_http_equiv_is_ignored),
        cmocka_unit_test(test_meta_after_first_kilobyte_is_found),
        cmocka_unit_test(test_hint_overrides_meta),
        cmocka_unit_test(test_hint_may_be_content_type_value),
        cmocka_unit_test(test_latin1_label_decodes_as_windows_1252),
        cmocka_unit_test(test_shift_jis_with_meta_is_decoded),
        cmocka_unit_test(test_shift_jis_keeps_backslash_and_tilde),
        cmocka_unit_test(test_euc_jp_with_meta_is_decoded),
        cmocka_unit_test(test_gb2312_label_decodes_as_gb18030),
        cmocka_unit_test(test_gb18030_with_meta_is_decoded),
        cmocka_unit_test(test_big5_with_meta_is_decoded),
        cmocka_unit_test(test_euc_kr_with_meta_is_decoded),
        cmocka_unit_test(test_koi8_r_with_meta_is_decoded),
        cmocka_unit_test(test_utf16_meta_on_ascii_bytes_means_utf8),
        cmocka_unit_test(test_legacy_meta_on_utf8_bytes_is_read_as_utf8),
        cmocka_unit_test(test_utf8_label_on_windows_1251_bytes_is_detected),
        cmocka_unit_test(test_unknown_hint_falls_back_to_detection),
        cmocka_unit_test(test_unlabelled_windows_1251_is_detected),
        cmocka_unit_test(test_invalid_utf8_becomes_replacement),
        cmocka_unit_test(test_overlong_and_surrogate_utf8_become_replacement),
        cmocka_unit_test(test_nul_bytes_become_replacement),
        cmocka_unit_test(test_broken_legacy_sequence_resumes_after_one_byte),
        cmocka_unit_test(test_legacy_sequence_cut_at_end_becomes_one_replacement),
        cmocka_unit_test(test_broken_utf16_resumes_after_one_code_unit),
        cmocka_unit_test(test_gzip_input_is_inflated),
        cmocka_unit_test(test_gzip_legacy_page_is_inflated_then_decoded),
        cmocka_unit_test(test_truncated_gzip_keeps_inflated_prefix),
        cmocka_unit_test(test_page_view_borrows_only_clean_utf8),
        cmocka_unit_test(test_scan_sees_every_offset),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
