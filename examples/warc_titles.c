/* warc_titles.c — the README's web archive example as a program: the target
 * URI and title of every HTML response in a WARC file (plain or .warc.gz),
 * through the library's reader; damaged records are named on stderr and
 * reading goes on.
 *
 *     cc -o warc_titles examples/warc_titles.c $(pkg-config --cflags --libs lede)
 *     ./warc_titles crawl.warc.gz
 *
 * Exits 2 when the file cannot be opened. tests/install/install.sh builds
 * and runs it against an installed lede. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <lede.h>

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s FILE.warc[.gz]\n", argv[0]);
        return 2;
    }
    lede_warc *warc = NULL;
    lede_status st = lede_warc_open_path(argv[1], NULL, &warc);
    if (st != LEDE_OK) { /* LEDE_ERR_IO: errno says why */
        fprintf(stderr, "%s: %s\n", argv[1],
                st == LEDE_ERR_IO ? strerror(errno) : lede_strerror(st));
        return 2;
    }
    lede_warc_record *rec;
    while ((st = lede_warc_next(warc, &rec)) == LEDE_OK && rec) {
        lede_result *res = NULL;
        if (lede_warc_record_error(rec)) /* a damaged record; reading goes on */
            fprintf(stderr, "%s: %s\n", lede_warc_record_source(rec),
                    lede_warc_record_error(rec));
        else if (lede_warc_record_extract(rec, NULL, &res) == LEDE_OK) {
            const char *title = lede_result_string(res, LEDE_FIELD_TITLE);
            printf("%s\t%s\n", lede_warc_record_target_uri(rec), title ? title : "");
        }
        lede_result_free(res);
        lede_warc_record_free(rec);
    }
    lede_warc_close(warc);
    if (st != LEDE_OK) {
        fprintf(stderr, "%s: %s\n", argv[1], lede_strerror(st));
        return 1;
    }
    return 0;
}
