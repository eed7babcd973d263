/* extract_page.c — the README's first example as a program: the article of
 * one saved page, as Markdown under its title and date, then its tags.
 *
 *     cc -o extract_page examples/extract_page.c $(pkg-config --cflags --libs lede)
 *     ./extract_page page.html [URL]
 *
 * Exits 1 when the page has no article (lede_strerror's sentence on
 * stderr), 2 when the file cannot be read. tests/install/install.sh builds
 * and runs it against an installed lede. */
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <lede.h>

/* The whole of PATH in a malloc'd buffer, its length in *LEN; NULL when it
 * cannot be read (errno says why) or memory runs out. */
static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, used = 0;
    char *buf = malloc(cap);
    while (buf) {
        used += fread(buf + used, 1, cap - used, f);
        if (used < cap)
            break;
        char *grown = cap <= SIZE_MAX / 2 ? realloc(buf, cap * 2) : NULL;
        if (!grown) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = grown;
        cap *= 2;
    }
    if (buf && ferror(f)) {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    *len = used;
    return buf;
}

static int print_article(const char *html, size_t len, const char *url) {
    lede_options opt;
    lede_options_init(&opt); /* its size; text body, no hints, default limits */
    opt.format = LEDE_FORMAT_MARKDOWN;
    opt.url = url;

    lede_result *res = NULL;
    lede_status st = lede_extract(html, len, &opt, &res);
    if (st != LEDE_OK) {
        fprintf(stderr, "%s\n", lede_strerror(st));
        lede_result_free(res); /* LEDE_ERR_NO_ARTICLE: the metadata */
        return -1;
    }
    const char *title = lede_result_string(res, LEDE_FIELD_TITLE);
    const char *date = lede_result_string(res, LEDE_FIELD_DATE);
    printf("# %s\n%s\n\n%s\n", title ? title : "", date ? date : "",
           lede_result_string(res, LEDE_FIELD_BODY));
    for (size_t i = 0; i < lede_result_count(res, LEDE_FIELD_TAGS); i++)
        printf("tag: %s\n", lede_result_item(res, LEDE_FIELD_TAGS, i));
    lede_result_free(res);
    return 0;
}

int main(int argc, char **argv) {
    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: %s PAGE.html [URL]\n", argv[0]);
        return 2;
    }
    size_t len = 0;
    char *html = read_file(argv[1], &len);
    if (!html) {
        perror(argv[1]);
        return 2;
    }
    int rc = print_article(html, len, argc == 3 ? argv[2] : NULL) == 0 ? 0 : 1;
    free(html);
    return rc;
}
