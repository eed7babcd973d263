/* STUB CLI: replaced by the real one. */
#include <stdio.h>
#include <stdlib.h>
#include "lede.h"
int main(int argc, char **argv) {
    for (int i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb"); if (!f) continue;
        fseek(f, 0, SEEK_END); long n = ftell(f); fseek(f, 0, SEEK_SET);
        char *b = malloc(n); fread(b, 1, n, f); fclose(f);
        lede_result *r; lede_status st = lede_extract(b, n, NULL, &r); free(b);
        if (st) { printf("%s: %s\n", argv[i], lede_strerror(st)); continue; }
        puts(r->text); lede_result_free(r);
    }
    return 0;
}
