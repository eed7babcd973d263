/*
 * decode/labels.c — the WHATWG label table, each label mapped to the glibc
 * iconv name of what browsers decode it as. Where glibc's charset of the
 * same name differs from the browsers', the closer glibc one is used: CP932
 * for Shift_JIS (glibc's SHIFT_JIS turns '\' and '~' into yen and overline
 * and lacks the NEC symbols like circled digits), EUC-JP-MS for EUC-JP (the
 * same symbols), CP949 for EUC-KR (browsers decode the UHC superset),
 * BIG5-HKSCS for Big5. The "replacement" labels (iso-2022-kr, hz-gb-2312,
 * ...) are left out: browsers refuse them for security reasons that do not
 * apply to reading.
 *
 * lede_encoding_known() answers from the table, and from iconv for the
 * labels it does not know, which decoding hands to iconv as they are.
 */
#include <iconv.h>
#include <string.h>

#include "decode/internal.h"

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

/* The iconv name for the label in LEN bytes at S (surrounding whitespace
 * ignored, as the standard says), or NULL when the table does not know it. */
const char *charset_for_label(const unsigned char *s, size_t len) {
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
