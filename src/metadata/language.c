/*
 * language.c — the language of a page that does not declare one, guessed
 * from its article text with libexttextcat.
 *
 * A declaration (<html lang>, content-language, og:locale) always wins: it
 * is what the publisher says, and detection is a guess. So this runs only
 * when the metadata stage found none, and after rendering, because the
 * article text is the one part of a page that is reliably in the page's
 * language (menus, cookie banners and ads are often in another).
 *
 * libexttextcat compares the n-gram profile of a text with 160-odd language
 * fingerprints shipped as files. Loading them costs milliseconds, so the
 * classifier is loaded once per process behind pthread_once and never
 * changed afterwards: textcat_ClassifyFull only reads the handle and writes
 * into a candidate array that each call allocates for itself, so any number
 * of threads may classify at once. A text that is too short, or that comes
 * out close to several languages, is given no language: null rather than a
 * guess.
 */
#include "metadata.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <textcat.h>

#include "internal.h"
#include "utf8.h"

#ifndef LEDE_TEXTCAT_DIR
#define LEDE_TEXTCAT_DIR "/usr/share/libexttextcat/"
#endif

/* Bytes of article text classified. textcat's own advice is a few hundred
 * bytes; 2 KB is steadier on pages that open with names and numbers, and
 * keeps the cost per page small. */
#define LANG_SAMPLE_BYTES 2048u

/* Below this many bytes of text a guess is more noise than language. */
#define LANG_MIN_TEXT 120u

/* textcat's classifier, loaded once; NULL when its files are missing. */
static pthread_once_t classifier_once = PTHREAD_ONCE_INIT;
static void *classifier;

static void classifier_load(void) {
    void *h = special_textcat_Init(LEDE_TEXTCAT_DIR "fpdb.conf", LEDE_TEXTCAT_DIR);
    if (h)
        textcat_SetProperty(h, TCPROP_UTF8AWARE, TC_TRUE);
    classifier = h;
}

/* textcat's category names ("en--utf8", "zh-CN-utf8", "az-cyrillic-utf8")
 * where the generic rule (drop the encoding and an empty country) does not
 * give the BCP 47 tag. The Chinese fingerprints tell scripts apart, not
 * countries. */
static const struct {
    const char *category;
    const char *tag;
} category_tags[] = {
    {"zh-CN", "zh-Hans"},
    {"zh-TW", "zh-Hant"},
    {"az-cyrillic", "az-Cyrl"},
    {"ha-NG", "ha"},
};

/* The BCP 47 tag for textcat category NAME, into OUT of CAP bytes. */
static bool category_to_tag(const char *name, char *out, size_t cap) {
    enum { CATEGORY_CAP = 32 };
    char base[CATEGORY_CAP];
    size_t len = strlen(name);
    const char *suffix = "-utf8";
    if (len >= strlen(suffix) && strcmp(name + len - strlen(suffix), suffix) == 0)
        len -= strlen(suffix);
    while (len && name[len - 1] == '-')
        len--;
    if (!len || len >= sizeof base)
        return false;
    memcpy(base, name, len);
    base[len] = '\0';
    for (size_t i = 0; i < sizeof category_tags / sizeof category_tags[0]; i++)
        if (strcmp(base, category_tags[i].category) == 0)
            return lang_normalise(category_tags[i].tag, out, cap);
    return lang_normalise(base, out, cap);
}

/* The length of the first CAP bytes of S cut at a UTF-8 boundary. */
static size_t utf8_prefix(const char *s, size_t cap) {
    size_t len = strlen(s);
    return len <= cap ? len : utf8_cut(s, cap);
}

void metadata_preload(void) {
    pthread_once(&classifier_once, classifier_load);
}

lede_status metadata_detect_language(const char *text, lede_result *res) {
    if (!res || res->language || !text)
        return LEDE_OK;
    size_t len = utf8_prefix(text, LANG_SAMPLE_BYTES);
    if (len < LANG_MIN_TEXT)
        return LEDE_OK;
    pthread_once(&classifier_once, classifier_load);
    if (!classifier)
        return LEDE_OK;
    candidate_t *candidates = textcat_GetClassifyFullOutput(classifier);
    if (!candidates)
        return LEDE_ERR_NOMEM;
    int count = textcat_ClassifyFull(classifier, text, len, candidates);
    enum { TAG_CAP = 36 };
    char bcp47[TAG_CAP];
    /* The best of the few close ones, sorted first; SHORT (too little
     * text) and UNKNOWN (too many languages close) are no answer. */
    bool found = count >= 1 && category_to_tag(candidates[0].name, bcp47, sizeof bcp47);
    textcat_ReleaseClassifyFullOutput(classifier, candidates);
    if (!found)
        return LEDE_OK;
    res->language = strdup(bcp47);
    if (!res->language)
        return LEDE_ERR_NOMEM;
    res->sources.language = "detected";
    return LEDE_OK;
}
