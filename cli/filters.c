/*
 * filters.c — see filters.h.
 */
#include "filters.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

bool filters_parse_confidence(const char *value, double *confidence) {
    if (!isdigit((unsigned char)value[0]) && value[0] != '.')
        return false;
    errno = 0;
    char *end = NULL;
    double x = strtod(value, &end);
    if (errno || *end != '\0' || !(x >= 0.0 && x <= 1.0))
        return false;
    *confidence = x;
    return true;
}

bool filters_languages_valid(const char *value) {
    size_t run = 0;
    for (const char *p = value;; p++) {
        if (*p == ',' || *p == '\0') {
            if (run == 0)
                return false;
            if (*p == '\0')
                return true;
            run = 0;
        } else if (isalnum((unsigned char)*p) || (*p == '-' && run > 0)) {
            run++;
        } else {
            return false;
        }
    }
}

/* Is the LEN bytes of WANTED the page's TAG, or its primary subtag? */
static bool tag_matches(const char *tag, const char *wanted, size_t len) {
    if (strlen(tag) == len && strncasecmp(tag, wanted, len) == 0)
        return true;
    const char *dash = strchr(tag, '-');
    return dash && (size_t)(dash - tag) == len && strncasecmp(tag, wanted, len) == 0;
}

static bool language_listed(const char *tag, const char *list) {
    for (const char *p = list; *p;) {
        size_t len = strcspn(p, ",");
        if (tag_matches(tag, p, len))
            return true;
        p += len + (p[len] == ',');
    }
    return false;
}

bool filters_pass(const filters *f, const lede_result *res, char *why, size_t cap) {
    double confidence = lede_result_confidence(res);
    const char *language = lede_result_string(res, LEDE_FIELD_LANGUAGE);
    if (confidence < f->min_confidence) {
        snprintf(why, cap, "confidence %.2f is below --min-confidence %.2f", confidence,
                 f->min_confidence);
        return false;
    }
    if (f->languages && !language) {
        snprintf(why, cap, "language unknown, not one of --language %s", f->languages);
        return false;
    }
    if (f->languages && !language_listed(language, f->languages)) {
        snprintf(why, cap, "language '%s' is not one of --language %s", language, f->languages);
        return false;
    }
    return true;
}
