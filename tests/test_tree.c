/*
 * test_tree.c — tree.c's attribute searches.
 *
 * node_class_has() and attr_list_has() compare bytes in plain loops rather
 * than through strncasecmp (tree.c says why); these tests hold them to the
 * library's answers on random class lists and ids.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <cmocka.h>

#include "tree.h"

/* Pieces of class lists: words in both cases, their parts, separators,
 * whitespace of every kind HTML has, a byte of UTF-8. */
static const char *const pieces[] = {"comment", "COMMENT", "Com", "ment", "c", "o", "m",
                                     "-", "_", " ", "\t", "\n", "  ", "x", "\xC3\xA9",
                                     "today", "ToDay", "current-date", "pubdate", "author"};
static const char *const words[] = {"comment", "today", "current-date", "pubdate",
                                    "author", "c", "com", "t"};

/* A random class list of up to 15 pieces into OUT (at least 256 bytes). */
static void random_list(uint32_t *seed, char *out) {
    out[0] = '\0';
    size_t count = (*seed >> 8) % 16;
    for (size_t k = 0; k < count; k++) {
        *seed = *seed * 1103515245u + 12345u;
        strcat(out, pieces[(*seed >> 16) % (sizeof pieces / sizeof pieces[0])]);
    }
}

/* Whether S holds WORD anywhere, in any case: the obvious search. */
static bool obvious_contains(const char *s, const char *word) {
    for (; *s; s++)
        if (strncasecmp(s, word, strlen(word)) == 0)
            return true;
    return false;
}

/* Whether the whitespace-separated LIST holds WORD as a token. */
static bool obvious_list_has(const char *list, const char *word) {
    const char *p = list;
    while (*p) {
        p += strspn(p, " \t\n\r\f");
        size_t len = strcspn(p, " \t\n\r\f");
        if (len && len == strlen(word) && strncasecmp(p, word, len) == 0)
            return true;
        p += len;
    }
    return false;
}

static void test_class_searches_match_the_obvious_ones(void **state) {
    (void)state;
    uint32_t seed = 2024;
    for (int round = 0; round < 4000; round++) {
        char list[256];
        seed = seed * 1103515245u + 12345u;
        random_list(&seed, list);
        node n = {.tag = TAG_DIV};
        if (round % 2)
            n.cls = list;
        else
            n.id = list;
        for (size_t w = 0; w < sizeof words / sizeof words[0]; w++) {
            if (node_class_has(&n, words[w]) != obvious_contains(list, words[w]))
                fail_msg("node_class_has(\"%s\", \"%s\")", list, words[w]);
            if (attr_list_has(list, words[w]) != obvious_list_has(list, words[w]))
                fail_msg("attr_list_has(\"%s\", \"%s\")", list, words[w]);
        }
    }
    assert_false(attr_list_has(NULL, "author"));
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_class_searches_match_the_obvious_ones),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
