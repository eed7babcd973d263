/*
 * main.c — the lede command: pages in, articles out.
 *
 *     lede [--format text|markdown|html|json|jsonl] [--url URL]
 *          [--encoding LABEL] [--precision|--recall] [--comments] [--jobs N]
 *          [--warc] [--max-input SIZE] [--quiet] [--help] [--version]
 *          [FILE|DIR|-]...
 *
 * A thin user of include/lede.h: it finds the inputs, reads each one whole,
 * hands the bytes to lede_extract() and passes the result to output.c. It
 * reaches nothing inside the library, so it is also the example of how the
 * library is meant to be called.
 *
 * The command's parts, each in its file:
 *
 *   args.c      the command line into the settings (args.h), --help
 *   walk.c      the inputs one at a time: operands, directories (inputs.h)
 *   archives.c  web archives among them, record by record
 *   read.c      a page read whole
 *   batch.c     one input read, extracted and formatted; the batch in turn
 *   ring.c      the batch on worker threads (--jobs), written in order
 *   progress.c  the progress line on a terminal
 *   output.c    the records and how they are written; filters.c the filters
 *
 * A page that cannot be read is an error for that page, never for the batch
 * (batch.c). Only bad usage (exit 2) and a failing stdout (exit 1) stop
 * early.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "args.h"
#include "batch.h"
#include "inputs.h"
#include "lede.h"
#include "output.h"

/* stdout's buffer: large enough that a batch of pages is written in few
 * system calls, small enough not to matter next to one page's tree. */
#define STDOUT_BUFFER_SIZE ((size_t)1 << 18)

/* An output directory lede creates: as the umask lets. */
#define DIR_MODE 0777
/* --jobs 0: one job per online core. */
static unsigned online_cores(void) {
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    if (n < 1)
        return 1;
    return n > MAX_JOBS ? MAX_JOBS : (unsigned)n;
}

int main(int argc, char **argv) {
    static char stdout_buffer[STDOUT_BUFFER_SIZE];
    /* A closed pipe must end the run with exit 1 and no signal. */
    signal(SIGPIPE, SIG_IGN);

    settings s = {.format = OUTPUT_TEXT, .jobs = 1};
    lede_options_init(&s.options);
    int code = parse_arguments(argc, argv, &s);
    if (code >= 0) {
        settings_free(&s);
        return code;
    }
    s.options.format = output_library_format(s.format, s.body);
    if (s.input_count == 0 && s.listed) {
        settings_free(&s); /* an empty list: nothing to do */
        return EXIT_ALL_OK;
    }
    if (s.input_count == 0 && !add_input(&s, "-")) {
        fputs("lede: out of memory\n", stderr);
        settings_free(&s);
        return EXIT_SOME_FAILED;
    }
    unsigned jobs = s.jobs ? s.jobs : online_cores();

    setvbuf(stdout, stdout_buffer, _IOFBF, sizeof stdout_buffer);
    batch b = {.settings = &s, .walk = {.settings = &s}};
    /* The shape of the output follows the command line, not what the
     * directories turn out to hold: several inputs, a directory or a WARC
     * file make a batch (a JSON array, named bodies), even of one page. */
    bool several = s.input_count > 1 || is_directory(s.inputs[0]) ||
                   is_warc_operand(&b.walk, s.inputs[0]);
    if (s.output_dir) {
        /* one file per article: no array, no headers, nothing on stdout */
        if (mkdir(s.output_dir, DIR_MODE) != 0 && errno != EEXIST) {
            fprintf(stderr, "lede: cannot create %s: %s\n", s.output_dir, strerror(errno));
            settings_free(&s);
            return EXIT_SOME_FAILED;
        }
        if (!is_directory(s.output_dir)) {
            fprintf(stderr, "lede: %s: not a directory\n", s.output_dir);
            settings_free(&s);
            return EXIT_SOME_FAILED;
        }
        several = false;
    }
    output_begin(&b.out, s.format, several);
    b.out.layout.body = s.body;
    b.out.layout.with_metadata = s.with_metadata;
    if (s.output_dir)
        output_to_dir(&b.out, s.output_dir, s.force);
    progress_begin(&b.progress, &s);
    if (jobs == 1 || !run_in_parallel(&b, jobs))
        run_in_turn(&b);
    progress_update(&b.progress, b.done, b.failed, true);
    walk_release(&b.walk);
    bool written = output_end(&b.out);
    settings_free(&s);
    if (!written) {
        /* A reader that went away (lede ... | head) is no news to the user. */
        if (b.out.write_errno != EPIPE)
            fprintf(stderr, "lede: cannot write output: %s\n", strerror(b.out.write_errno));
        return EXIT_SOME_FAILED;
    }
    return b.failed || b.out.files_failed ? EXIT_SOME_FAILED : EXIT_ALL_OK;
}
