/*
 * args.h — the lede command's settings, as its command line gives them
 * (args.c), read by the rest of the command.
 */
#ifndef LEDE_CLI_ARGS_H
#define LEDE_CLI_ARGS_H

#include <stdbool.h>
#include <stddef.h>

#include "filters.h"
#include "lede.h"
#include "output.h"

/* The most worker threads --jobs accepts: far beyond the cores of any one
 * machine this runs on, so a larger number is a typo, and each thread costs
 * a stack and two pages' worth of memory. */
#define MAX_JOBS 256

enum exit_code { EXIT_ALL_OK = 0, EXIT_SOME_FAILED = 1, EXIT_USAGE = 2 };

typedef struct settings {
    output_format format;
    lede_options options;
    char **inputs; /* the operands, in order; "-" is stdin */
    size_t input_count, input_cap;
    char **owned;  /* the lines of -i lists, which inputs point into; freed at exit */
    size_t owned_count;
    filters filters;        /* --min-confidence, --language */
    output_format body;     /* --body: OUTPUT_MARKDOWN or OUTPUT_HTML, else OUTPUT_TEXT */
    bool with_metadata;     /* --with-metadata */
    bool listed;            /* -i was given: no inputs means none, not stdin */
    unsigned jobs; /* pages extracted at once; 0 on the command line: one a core */
    bool warc;     /* --warc: every FILE and "-" is a WARC file */
    bool quiet;    /* --quiet: no progress line */
    const char *output_dir; /* --output-dir: one file per article there */
    bool force;    /* --force: overwrite files in the output directory */
} settings;

/* Parse ARGV into S. Returns -1 to go on, or the exit code to exit with
 * (after --help or --version, or on bad usage). Operands are gathered into
 * S->inputs, which settings_free frees. */
int parse_arguments(int argc, char **argv, settings *s);

void settings_free(settings *s);

/* Add INPUT to S's inputs (it stays the caller's); false when out of memory. */
bool add_input(settings *s, char *input);

#endif
