/*
 * stages.c — what the metadata stage adds to the time of a page.
 *
 *     lede_stages [-r REPEAT] FILE...
 *
 * Two runs over the same pages in one process, interleaved round by round
 * so that a noisy neighbour slows both alike:
 *
 *   metadata  each page decoded, parsed into lede's tree and its class/id
 *             vocabulary read (vocab_mark()) off the clock, then on the
 *             clock metadata_extract() and, on the page's article text,
 *             metadata_detect_language() (which detects only when the page
 *             declares no language, as in lede_extract())
 *   whole     lede_extract(), text format: everything lede does to a page
 *
 * The ratio printed is whole / (whole - metadata): how much longer a page
 * takes with metadata than it would without. The metadata stage is timed
 * around its own calls rather than as the difference of two runs, which
 * would be the small difference of two large noisy numbers. The clock is
 * the process's CPU time, so that a neighbour taking the core does not
 * count. The files are read and their article texts extracted before any
 * clock starts; the medians of REPEAT rounds (default 5) are printed.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pages.h"

#include "decode.h"
#include "lede.h"
#include "metadata/metadata.h"
#include "parse.h"
#include "extract/vocab.h"

enum run { RUN_METADATA, RUN_WHOLE, RUN_COUNT };

static const char *const run_names[RUN_COUNT] = {"metadata", "whole"};

typedef struct input {
    page raw;
    char *text; /* the article text lede gives, or NULL */
} input;

/* The CPU seconds of the metadata stage of IN, its parse off the clock. */
static double metadata_seconds(const input *in) {
    char *utf8 = NULL;
    size_t len = 0;
    if (decode_to_utf8(in->raw.bytes, in->raw.len, NULL, &utf8, &len) != LEDE_OK)
        return 0;
    double seconds = 0;
    document doc = {0};
    lede_result *res = calloc(1, sizeof *res);
    if (res && parse_html(utf8, len, 0, &doc) == LEDE_OK) {
        vocab_mark(&doc);
        double start = cpu_now();
        if (metadata_extract(&doc, NULL, res) == LEDE_OK && in->text)
            metadata_detect_language(in->text, res);
        seconds = cpu_now() - start;
    }
    lede_result_free(res);
    document_free(&doc);
    free(utf8);
    return seconds;
}

static double whole_seconds(const input *in) {
    double start = cpu_now();
    lede_result *res = NULL;
    lede_extract(in->raw.bytes, in->raw.len, NULL, &res);
    lede_result_free(res);
    return cpu_now() - start;
}

static double time_run(enum run r, const input *inputs, size_t count) {
    double seconds = 0;
    for (size_t i = 0; i < count; i++)
        seconds += r == RUN_WHOLE ? whole_seconds(&inputs[i]) : metadata_seconds(&inputs[i]);
    return seconds;
}

static int compare_doubles(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *values, size_t count) {
    qsort(values, count, sizeof *values, compare_doubles);
    return count % 2 ? values[count / 2] : (values[count / 2 - 1] + values[count / 2]) / 2;
}

/* Read every file and extract its text once, before the clocks. */
static bool load(char **paths, size_t count, input *inputs) {
    for (size_t i = 0; i < count; i++) {
        int err = page_read(paths[i], &inputs[i].raw);
        if (err) {
            fprintf(stderr, "lede_stages: %s: %s\n", paths[i], strerror(err));
            return false;
        }
        lede_result *res = NULL;
        if (lede_extract(inputs[i].raw.bytes, inputs[i].raw.len, NULL, &res) == LEDE_OK &&
            res->text) {
            inputs[i].text = strdup(res->text);
        }
        lede_result_free(res);
    }
    return true;
}

static void unload(input *inputs, size_t count) {
    for (size_t i = 0; i < count; i++) {
        free(inputs[i].raw.bytes);
        free(inputs[i].text);
    }
    free(inputs);
}

int main(int argc, char **argv) {
    int first = 1;
    long repeat = 5;
    if (argc > 2 && strcmp(argv[1], "-r") == 0) {
        char *end = NULL;
        repeat = strtol(argv[2], &end, 10);
        if (!end || *end || repeat < 1 || repeat > 1000) {
            fputs("usage: lede_stages [-r REPEAT] FILE...\n", stderr);
            return 2;
        }
        first = 3;
    }
    size_t count = (size_t)(argc - first);
    if (count == 0) {
        fputs("usage: lede_stages [-r REPEAT] FILE...\n", stderr);
        return 2;
    }
    input *inputs = calloc(count, sizeof *inputs);
    double *seconds = calloc((size_t)repeat * RUN_COUNT, sizeof *seconds);
    if (!inputs || !seconds || !load(argv + first, count, inputs)) {
        free(seconds);
        if (inputs)
            unload(inputs, count);
        return 1;
    }
    for (long r = 0; r < repeat; r++)
        for (int run = 0; run < RUN_COUNT; run++)
            seconds[run * repeat + r] = time_run((enum run)run, inputs, count);
    double m[RUN_COUNT];
    for (int run = 0; run < RUN_COUNT; run++) {
        m[run] = median(seconds + run * repeat, (size_t)repeat);
        printf("%-9s %.4f CPU s (median of %ld)\n", run_names[run], m[run], repeat);
    }
    double metadata = m[RUN_METADATA];
    printf("metadata stage %.1f%% of whole\n", 100 * metadata / m[RUN_WHOLE]);
    printf("whole / (whole - metadata) %.3f\n", m[RUN_WHOLE] / (m[RUN_WHOLE] - metadata));
    free(seconds);
    unload(inputs, count);
    return 0;
}
