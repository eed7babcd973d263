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
 * Inputs come one at a time from an input walk, in the order given, and
 * directories are walked as they come up, so a batch of any size holds a
 * bounded number of pages in memory and its output starts at once. The walk
 * is iterative (an explicit stack of paths, so no directory depth can
 * exhaust the C stack), visits each directory's entries in byte order
 * (scandir + alphasort in the C locale), and does not follow symbolic links
 * to directories, which could loop.
 *
 * With --jobs N (N > 1) the pages are extracted by N worker threads — the
 * library keeps no global state — over a ring of SLOTS_PER_WORKER * N
 * slots. The main thread alone walks the inputs, fills free slots, and
 * writes the slot at the head of the ring once it is done, so the output is
 * byte for byte that of one thread, and at most the ring's pages and
 * records are in memory at once however large the batch. A worker reads the
 * page, extracts it and formats its record into a string (output.c), so the
 * main thread's share is a walk and a write. Standard input is read by the
 * main thread when its turn comes, so that several "-" behave as they do
 * with one thread. With one job there are no threads: each input is
 * processed and written in turn, through the same two steps.
 *
 * A web archive (--warc, or an input whose first bytes are a WARC record,
 * plain or gzip'ed; standard input's first bytes are read to see, and kept
 * for whoever reads it then) is read by the main thread, record by record,
 * through the library's lede_warc_* reader: each HTML response becomes an
 * input of its own whose bytes are already in memory, with "FILE:OFFSET" as
 * its source, extracted with lede_warc_record_extract() (the record's target
 * URI as its address, its HTTP charset as its encoding hint); a damaged
 * record is an input that is an error already. So a WARC file goes through
 * the same ring as pages, in file order, one record in memory per slot.
 *
 * On a terminal (stderr one, stdout not) a batch that runs for more than a
 * second shows a progress line on stderr; --quiet turns it off.
 *
 * A page that cannot be read is an error for that page, never for the batch:
 * it gets its one record and the next page goes on. A page without an
 * article is no error at all: it is answered, with its metadata. Only bad usage (exit 2)
 * and a failing stdout (exit 1) stop early.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "filters.h"
#include "lede.h"
#include "output.h"

/* stdout's buffer: large enough that a batch of pages is written in few
 * system calls, small enough not to matter next to one page's tree. */
#define STDOUT_BUFFER_SIZE ((size_t)1 << 18)

/* First allocation when reading a stream of unknown size (stdin as a pipe);
 * doubled as needed, so a page of N bytes costs O(log N) reallocations. */
#define STREAM_INITIAL_CAPACITY ((size_t)64 << 10)

/* Room for an error sentence: a fixed prefix and strerror()'s text. */
#define MESSAGE_SIZE OUTPUT_MESSAGE_SIZE

/* Slots of the ring per worker: one being extracted while the one before it
 * waits to be written, so that a worker rarely waits for the writer, and
 * memory stays at about two pages (and their records) per worker. */
#define SLOTS_PER_WORKER 2

/* The most worker threads --jobs accepts: far beyond the cores of any one
 * machine this runs on, so a larger number is a typo, and each thread costs
 * a stack and two pages' worth of memory. */
#define MAX_JOBS 256

/* An output directory lede creates: as the umask lets. */
#define DIR_MODE 0777
/* The progress line: first drawn after a batch ran this long (a short one
 * never shows it), then redrawn at most this often. */
#define PROGRESS_DELAY_NS 1000000000L
#define PROGRESS_INTERVAL_NS 250000000L

#define LEDE_STRINGIFY_(x) #x
#define LEDE_STRINGIFY(x) LEDE_STRINGIFY_(x)

enum exit_code { EXIT_ALL_OK = 0, EXIT_SOME_FAILED = 1, EXIT_USAGE = 2 };

static const char usage_line[] =
    "usage: lede [--format text|markdown|html|json|jsonl] [--url URL] [--encoding LABEL]\n"
    "            [--precision|--recall] [--comments] [--jobs N] [--warc]\n"
    "            [--max-input SIZE] [--output-dir DIR [--force]] [--with-metadata]\n"
    "            [--body markdown|html] [--min-confidence X] [--language LIST]\n"
    "            [--no-links] [--no-images] [--no-tables]\n"
    "            [--quiet] [--help] [--version] [-i LIST] [FILE|DIR|-]...\n";

static const char help_text[] =
    "\n"
    "Extract the article (body and metadata) from news and article web pages.\n"
    "\n"
    "Inputs:\n"
    "  FILE             an HTML page\n"
    "  DIR              every *.html, *.htm, *.html.gz and *.htm.gz file below\n"
    "                   DIR (any letter case), and every *.warc and\n"
    "                   *.warc.gz file as a web archive, walked recursively\n"
    "                   in sorted order; symbolic links to\n"
    "                   directories are not followed; a DIR without any, or\n"
    "                   a broken link named as one, gives an error record\n"
    "  -                one page read from standard input (also when no input\n"
    "                   is given)\n"
    "  -i, --input-file LIST\n"
    "                   the inputs named in the file LIST (\"-\": standard\n"
    "                   input), one a line, where -i stands among the others;\n"
    "                   blank lines are passed over\n"
    "  lede does not fetch pages: an http://, https:// or ftp:// address that\n"
    "  names no file gives an error record; curl -s 'URL' | lede --url 'URL'\n"
    "  reads one.\n"
    "  A FILE or \"-\" that is a web archive (WARC/1.0 or 1.1,\n"
    "  plain or gzip'ed per record, as Common Crawl ships them) gives one\n"
    "  input per HTML response in it, with source FILE:OFFSET.\n"
    "  Inputs are handled in the order given; options may come anywhere, and\n"
    "  \"--\" ends them.\n"
    "\n"
    "Options:\n"
    "  -f, --format F   output format (default text; also --output-format F;\n"
    "                   txt and md name text and markdown; --markdown, --html\n"
    "                   and --json are short for --format markdown, html, json):\n"
    "                     text      the article as plain text, paragraphs\n"
    "                               separated by one blank line\n"
    "                     markdown  the article as CommonMark (pipe tables,\n"
    "                               figures with their captions, math as\n"
    "                               $TeX$, footnotes as [^n])\n"
    "                     html      the article as an <article> element with\n"
    "                               semantic tags only\n"
    "                     json      one pretty JSON object for one input; a JSON\n"
    "                               array of them for several inputs or a DIR\n"
    "                     jsonl     one compact JSON object per line\n"
    "  -u, --url URL    the address the page was fetched from: the links and\n"
    "                   images of markdown and html bodies are resolved\n"
    "                   against the page's <base href>, else URL, else a\n"
    "                   WARC record's WARC-Target-URI (the url and image\n"
    "                   fields against the latter two); without any they\n"
    "                   stay relative\n"
    "  -e, --encoding LABEL\n"
    "                   the page's charset (as an HTTP header would give it);\n"
    "                   it wins over what the page says; by default the\n"
    "                   encoding is read from the page or detected. An\n"
    "                   unknown LABEL is a usage error\n"
    "  --precision      leave out anything doubtful: less noise, maybe less text\n"
    "  --recall         keep anything plausible (captions in the text too):\n"
    "                   all the text, maybe some noise; the default balances\n"
    "                   the two and retries a short or missing article with\n"
    "                   recall's rules\n"
    "  --comments       put the page's reader comments in a \"comments\" field\n"
    "                   (json, jsonl); they are never part of the text\n"
    "  -j, --jobs N     extract N pages at once on N threads (default 1; 0: one\n"
    "                   per online core); the output is the same, in input\n"
    "                   order, whatever N\n"
    "  -o, --output-dir DIR\n"
    "                   write each article to a file of its own in DIR\n"
    "                   (created when missing), nothing to stdout: the path\n"
    "                   without its extension, '/' made '_' (a WARC record:\n"
    "                   its URI without the scheme, then -OFFSET), with the\n"
    "                   format's extension (.txt .md .html .json); a file\n"
    "                   already there is an error for that input\n"
    "  --force          with --output-dir: overwrite files already there\n"
    "  --with-metadata  text, markdown: open each body with YAML front matter\n"
    "                   (title, author, date, url, sitename, language,\n"
    "                   description, tags: the fields the page has) and the\n"
    "                   headline (markdown: a \"# \" heading)\n"
    "  --body B         json, jsonl: put the body as B (markdown or html) in\n"
    "                   each record as \"body\", beside the plain \"text\",\n"
    "                   with \"body_format\": B\n"
    "  --no-links       markdown, html: links become their text\n"
    "  --no-images      markdown, html: no pictures, no figures\n"
    "  --no-tables      no tables, in any format (their text neither)\n"
    "  --min-confidence X\n"
    "                   turn away an article whose confidence is below X\n"
    "                   (0 to 1)\n"
    "  --language LIST  turn away an article whose language is none of LIST\n"
    "                   (tags joined by commas: en,pt-BR; \"en\" takes en-US\n"
    "                   too; a page of unknown language is turned away).\n"
    "                   A page turned away gives its record with \"error\"\n"
    "                   saying why and \"text\": null (text formats: a line on\n"
    "                   stderr), and does not change the exit status\n"
    "  -w, --warc       read every FILE and \"-\" as a WARC file; without it a\n"
    "                   FILE or \"-\" is one when its first bytes are\n"
    "                   \"WARC/1.\" (or a gzip member that inflates to them).\n"
    "                   Each response with status 200 and an HTML\n"
    "                   Content-Type gives one record, its url the\n"
    "                   WARC-Target-URI and its charset the HTTP one (a Latin\n"
    "                   default there yields to a page that is plainly UTF-8;\n"
    "                   --url and --encoding win over both);\n"
    "                   other records are passed over, and each damaged one\n"
    "                   gives an error record\n"
    "  --max-input SIZE the largest page accepted, in bytes or with a K, M or G\n"
    "                   suffix (default 256M); larger pages, gzip'ed ones that\n"
    "                   inflate to more and larger WARC payloads each give an\n"
    "                   \"input too large\" error record\n"
    "  -q, --quiet      no progress line (shown on stderr when it is a terminal\n"
    "                   and stdout is not, for batches longer than a second)\n"
    "  -h, --help       print this help and exit\n"
    "  -V, --version    print the version and exit\n"
    "  --url and --encoding apply to every input of the run.\n"
    "\n"
    "Output:\n"
    "  text, markdown, html: the article body of each input, followed by a\n"
    "  newline. In a batch (several inputs, a DIR, a WARC) each body follows\n"
    "  a line \"==> SOURCE <==\" naming its input (html: \"<!-- ==> SOURCE <==\n"
    "  -->\"), and the bodies are separated by one blank line.\n"
    "  An input that gives no article prints nothing on standard output and\n"
    "  a line \"lede: PATH: message\" on standard error.\n"
    "\n"
    "  json, jsonl: exactly one object per input, in input order. An article:\n"
    "    source       the path as given (\"-\" for standard input); a path\n"
    "                 that is not UTF-8 also gets source_bytes, its bytes in hex\n"
    "    text         the article as plain text\n"
    "    title, author, date (ISO 8601), sitename, description,\n"
    "    language (BCP 47), url (canonical), image, section\n"
    "    tags         an array of strings\n"
    "    authors, modified, type   the authors one by one, the last change, the\n"
    "                 kind of page (article, blog post, video, ...)\n"
    "    confidence   0..1: how sure lede is that text is the article\n"
    "    comments     the reader comments, with --comments and when present\n"
    "    truncated    true, only when a limit cut the page\n"
    "    metadata_source  (json only) where each metadata field came from\n"
    "    warc_target_uri, warc_record_id, warc_date   (records from a WARC)\n"
    "  Every field the page does not carry is null. An input that is lost\n"
    "  (unreadable, empty, binary, too large) yields {\"source\": PATH,\n"
    "  \"error\": MESSAGE} and the batch goes on. A page that holds no article\n"
    "  (a listing) yields its metadata with \"error\" and \"text\": null.\n"
    "\n"
    "Exit status:\n"
    "  0  every input was read and answered: an article, or no article\n"
    "  1  some input was lost, or standard output could not be written\n"
    "  2  bad usage: an unknown option or encoding, a missing or bad option value\n";

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

/* ---- command line ---- */

static int usage_error(const char *fmt, const char *what) {
    fputs("lede: ", stderr);
    fprintf(stderr, fmt, what);
    fputc('\n', stderr);
    fputs(usage_line, stderr);
    return EXIT_USAGE;
}

/* Does ARG name option LONG_NAME or SHORT_NAME? For one that takes a value,
 * *INLINE_VALUE is set to the part after "--name=" when there is one. */
static bool is_option(const char *arg, const char *long_name, const char *short_name,
                      bool takes_value, const char **inline_value) {
    *inline_value = NULL;
    if (short_name && strcmp(arg, short_name) == 0)
        return true;
    size_t n = strlen(long_name);
    if (strncmp(arg, long_name, n) != 0)
        return false;
    if (arg[n] == '\0')
        return true;
    if (takes_value && arg[n] == '=') {
        *inline_value = arg + n + 1;
        return true;
    }
    return false;
}

/* The value of the option at ARGV[*I] given as the next argument, which it
 * consumes; NULL when there is none. */
static const char *next_value(int argc, char **argv, int *i) {
    if (*i + 1 >= argc)
        return NULL;
    return argv[++*i];
}

/* The value of --jobs: a decimal number from 0 to MAX_JOBS. */
static bool parse_jobs(const char *value, unsigned *jobs) {
    if (value[0] < '0' || value[0] > '9')
        return false;
    errno = 0;
    char *end = NULL;
    unsigned long n = strtoul(value, &end, 10);
    if (errno || *end != '\0' || n > MAX_JOBS)
        return false;
    *jobs = (unsigned)n;
    return true;
}

/* The value of --max-input: a positive decimal number of bytes, with an
 * optional K, M or G suffix (binary: 1024, 1024^2, 1024^3), in any case. */
static bool parse_size(const char *value, size_t *size) {
    if (value[0] < '0' || value[0] > '9')
        return false;
    errno = 0;
    char *end = NULL;
    unsigned long long n = strtoull(value, &end, 10);
    if (errno || n == 0)
        return false;
    unsigned shift = 0;
    switch (*end) {
    case '\0':
        break;
    case 'k': case 'K':
        shift = 10;
        break;
    case 'm': case 'M':
        shift = 20;
        break;
    case 'g': case 'G':
        shift = 30;
        break;
    default:
        return false;
    }
    if (shift && end[1] != '\0')
        return false;
    if (n > (unsigned long long)SIZE_MAX >> shift)
        return false;
    *size = (size_t)n << shift;
    return true;
}

static void settings_free(settings *s) {
    for (size_t i = 0; i < s->owned_count; i++)
        free(s->owned[i]);
    free(s->owned);
    free(s->inputs);
}

/* Add INPUT to S's inputs (it stays the caller's); false when out of memory. */
static bool add_input(settings *s, char *input) {
    if (s->input_count == s->input_cap) {
        size_t cap = s->input_cap ? s->input_cap * 2 : 16;
        char **grown = realloc(s->inputs, cap * sizeof *grown);
        if (!grown)
            return false;
        s->inputs = grown;
        s->input_cap = cap;
    }
    s->inputs[s->input_count++] = input;
    return true;
}

/* Keep LINE (malloc'd) as an input that S owns; false when out of memory. */
static bool add_owned_input(settings *s, char *line) {
    char **grown = realloc(s->owned, (s->owned_count + 1) * sizeof *grown);
    if (!grown)
        return false;
    s->owned = grown;
    s->owned[s->owned_count++] = line;
    return add_input(s, line);
}

/* -i LIST: each line of the file LIST ("-": standard input) is an input, in
 * order; blank lines and the line ends ("\n" or "\r\n") are passed over.
 * Returns -1 to go on, or the exit code. */
static int read_input_list(const char *list, settings *s) {
    FILE *f = strcmp(list, "-") == 0 ? stdin : fopen(list, "r");
    if (!f) {
        fprintf(stderr, "lede: cannot read input list %s: %s\n", list, strerror(errno));
        return EXIT_SOME_FAILED;
    }
    s->listed = true;
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    bool ok = true;
    while (ok && (n = getline(&line, &cap, f)) >= 0) {
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            line[--n] = '\0';
        if (n == 0)
            continue;
        char *input = strdup(line);
        ok = input && add_owned_input(s, input);
        if (!ok)
            free(input);
    }
    bool read_failed = ferror(f) != 0;
    free(line);
    if (f != stdin)
        fclose(f);
    if (!ok || read_failed) {
        fprintf(stderr, "lede: cannot read input list %s: %s\n", list,
                ok ? "read error" : "out of memory");
        return EXIT_SOME_FAILED;
    }
    return -1;
}

/* The options of a corpus pipeline: -i, --body, --with-metadata, the
 * omissions and the filters. OPTION_NOT_MINE when ARGV[*I] is none of them; else -1 to go on,
 * or the exit code. */
#define OPTION_NOT_MINE (-2)
static int parse_corpus_option(int argc, char **argv, int *i, settings *s) {
    const char *arg = argv[*i];
    const char *value = NULL;
    if (is_option(arg, "--with-metadata", NULL, false, &value)) {
        s->with_metadata = true;
        return -1;
    }
    static const struct {
        const char *name;
        unsigned bit;
    } omissions[] = {{"--no-links", LEDE_OMIT_LINKS},
                     {"--no-images", LEDE_OMIT_IMAGES},
                     {"--no-tables", LEDE_OMIT_TABLES}};
    for (size_t k = 0; k < sizeof omissions / sizeof omissions[0]; k++) {
        if (is_option(arg, omissions[k].name, NULL, false, &value)) {
            s->options.omit |= omissions[k].bit;
            return -1;
        }
    }
    bool list = is_option(arg, "--input-file", "-i", true, &value);
    bool body = !list && is_option(arg, "--body", NULL, true, &value);
    bool confidence = !list && !body && is_option(arg, "--min-confidence", NULL, true, &value);
    bool language = !list && !body && !confidence && is_option(arg, "--language", NULL, true, &value);
    if (!list && !body && !confidence && !language)
        return OPTION_NOT_MINE;
    if (!value && !(value = next_value(argc, argv, i)))
        return usage_error("option '%s' needs a value", arg);
    if (list)
        return read_input_list(value, s);
    if (body && (!output_format_parse(value, &s->body) ||
                 (s->body != OUTPUT_MARKDOWN && s->body != OUTPUT_HTML)))
        return usage_error("unknown body '%s' (expected markdown or html)", value);
    if (confidence && !filters_parse_confidence(value, &s->filters.min_confidence))
        return usage_error("bad confidence '%s' (expected a number from 0 to 1)", value);
    if (language && !filters_languages_valid(value))
        return usage_error("bad language list '%s' (expected tags such as en or en,pt-BR)", value);
    if (language)
        s->filters.languages = value;
    return -1;
}

/* The combinations that would say nothing: front matter on a JSON record
 * or an HTML body, a second body in a body. */
static int check_combinations(const settings *s) {
    bool json = s->format == OUTPUT_JSON || s->format == OUTPUT_JSONL;
    if (s->with_metadata && (json || s->format == OUTPUT_HTML))
        return usage_error("%s goes with --format text or markdown (json records carry the "
                           "metadata already)", "--with-metadata");
    if (s->body != OUTPUT_TEXT && !json)
        return usage_error("%s goes with --format json or jsonl", "--body");
    return -1;
}

/* Parse ARGV into S. Returns -1 to go on, or the exit code to exit with
 * (after --help or --version, or on bad usage). Operands are gathered into
 * S->inputs, which the caller frees. */
static int parse_arguments(int argc, char **argv, settings *s) {
    bool options_done = false;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        if (options_done || arg[0] != '-' || strcmp(arg, "-") == 0) {
            if (!add_input(s, argv[i])) {
                fputs("lede: out of memory\n", stderr);
                return EXIT_SOME_FAILED;
            }
            continue;
        }
        const char *value = NULL;
        int code = parse_corpus_option(argc, argv, &i, s);
        if (code != OPTION_NOT_MINE) {
            if (code >= 0)
                return code;
        } else if (strcmp(arg, "--") == 0) {
            options_done = true;
        } else if (is_option(arg, "--help", "-h", false, &value)) {
            fputs(usage_line, stdout);
            fputs(help_text, stdout);
            return fflush(stdout) == EOF ? EXIT_SOME_FAILED : EXIT_ALL_OK;
        } else if (is_option(arg, "--version", "-V", false, &value)) {
            puts("lede " LEDE_VERSION);
            return fflush(stdout) == EOF ? EXIT_SOME_FAILED : EXIT_ALL_OK;
        } else if (is_option(arg, "--markdown", NULL, false, &value)) {
            s->format = OUTPUT_MARKDOWN; /* trafilatura's shorthands */
        } else if (is_option(arg, "--html", NULL, false, &value)) {
            s->format = OUTPUT_HTML;
        } else if (is_option(arg, "--json", NULL, false, &value)) {
            s->format = OUTPUT_JSON;
        } else if (is_option(arg, "--format", "-f", true, &value) ||
                   is_option(arg, "--output-format", NULL, true, &value)) {
            if (!value && !(value = next_value(argc, argv, &i)))
                return usage_error("option '%s' needs a value", arg);
            if (!output_format_parse(value, &s->format))
                return usage_error(
                    "unknown format '%s' (expected text, markdown, html, json or jsonl; "
                    "txt and md name the first two)", value);
        } else if (is_option(arg, "--url", "-u", true, &value)) {
            if (!value && !(value = next_value(argc, argv, &i)))
                return usage_error("option '%s' needs a value", arg);
            s->options.url = value;
        } else if (is_option(arg, "--encoding", "-e", true, &value)) {
            if (!value && !(value = next_value(argc, argv, &i)))
                return usage_error("option '%s' needs a value", arg);
            /* The library would fall back to detection, silently: a label
             * the user typed wrong is said at once instead. */
            if (!lede_encoding_known(value))
                return usage_error("unknown encoding '%s' (expected a label such as utf-8, "
                                   "windows-1252 or shift_jis)", value);
            s->options.encoding = value;
        } else if (is_option(arg, "--max-input", NULL, true, &value)) {
            if (!value && !(value = next_value(argc, argv, &i)))
                return usage_error("option '%s' needs a value", arg);
            if (!parse_size(value, &s->options.max_input))
                return usage_error("bad size '%s' (expected a positive number of bytes, "
                                   "with an optional K, M or G suffix)", value);
        } else if (is_option(arg, "--output-dir", "-o", true, &value)) {
            if (!value && !(value = next_value(argc, argv, &i)))
                return usage_error("option '%s' needs a value", arg);
            if (!*value)
                return usage_error("option '%s' needs a directory", arg);
            s->output_dir = value;
        } else if (is_option(arg, "--force", NULL, false, &value)) {
            s->force = true;
        } else if (is_option(arg, "--warc", "-w", false, &value)) {
            s->warc = true;
        } else if (is_option(arg, "--quiet", "-q", false, &value)) {
            s->quiet = true;
        } else if (is_option(arg, "--precision", NULL, false, &value)) {
            s->options.focus = LEDE_FOCUS_PRECISION;
        } else if (is_option(arg, "--recall", NULL, false, &value)) {
            s->options.focus = LEDE_FOCUS_RECALL;
        } else if (is_option(arg, "--comments", NULL, false, &value)) {
            s->options.comments = 1;
        } else if (is_option(arg, "--jobs", "-j", true, &value)) {
            if (!value && !(value = next_value(argc, argv, &i)))
                return usage_error("option '%s' needs a value", arg);
            if (!parse_jobs(value, &s->jobs))
                return usage_error("bad job count '%s' (expected a number from 0 to "
                                   LEDE_STRINGIFY(MAX_JOBS) ")", value);
        } else {
            return usage_error("unknown option '%s'", arg);
        }
    }
    return check_combinations(s);
}

/* ---- reading a page ---- */

typedef struct page {
    char *bytes;
    size_t len;
} page;

/* Bytes of a stream already read from it (a sniff of standard input),
 * which come before what is left to read. */
typedef struct prefix {
    const unsigned char *bytes;
    size_t len;
} prefix;

/* Read FD to its end into P, after the bytes of HEAD, expecting about
 * SIZE_HINT bytes (0: unknown). Returns 0, or an errno value; EFBIG when the
 * page exceeds MAX bytes, which is found out after reading at most MAX + 1
 * of them. */
static int read_all(int fd, size_t size_hint, size_t max, prefix head, page *p) {
    if (head.len > max)
        return EFBIG;
    size_t limit = max < SIZE_MAX ? max + 1 : SIZE_MAX; /* one byte over tells */
    size_t cap = size_hint ? size_hint + 1 : STREAM_INITIAL_CAPACITY;
    if (cap < head.len + 1)
        cap = head.len + 1;
    if (cap > limit || cap == 0)
        cap = limit;
    char *bytes = malloc(cap ? cap : 1);
    if (!bytes)
        return ENOMEM;
    if (head.len)
        memcpy(bytes, head.bytes, head.len);
    size_t len = head.len;
    for (;;) {
        if (len == cap) {
            if (cap >= limit) {
                free(bytes);
                return EFBIG;
            }
            size_t grown = cap <= limit / 2 ? cap * 2 : limit;
            char *more = realloc(bytes, grown);
            if (!more) {
                free(bytes);
                return ENOMEM;
            }
            bytes = more;
            cap = grown;
        }
        ssize_t got = read(fd, bytes + len, cap - len);
        if (got < 0) {
            if (errno == EINTR)
                continue;
            int err = errno;
            free(bytes);
            return err;
        }
        if (got == 0)
            break;
        len += (size_t)got;
    }
    if (len > max) {
        free(bytes);
        return EFBIG;
    }
    p->bytes = bytes;
    p->len = len;
    return 0;
}

/* Read the page at PATH ("-": stdin, after the bytes of HEAD) into P. On
 * failure returns false with a sentence naming the cause in MESSAGE. */
static bool read_page(const char *path, size_t max, prefix head, page *p, char *message) {
    bool is_stdin = strcmp(path, "-") == 0;
    const char *what = is_stdin ? "standard input" : "file";
    int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        snprintf(message, MESSAGE_SIZE, "cannot open %s: %s", what, strerror(errno));
        return false;
    }
    struct stat st;
    int err = 0;
    size_t size_hint = 0;
    if (fstat(fd, &st) != 0) {
        err = errno;
    } else if (S_ISDIR(st.st_mode)) {
        err = EISDIR;
    } else if (S_ISREG(st.st_mode) && st.st_size > 0) {
        /* A regular file says its size: too large is known without reading. */
        if ((uintmax_t)st.st_size > (uintmax_t)max)
            err = EFBIG;
        else
            size_hint = (size_t)st.st_size;
    }
    if (!err)
        err = read_all(fd, size_hint, max, head, p);
    if (!is_stdin)
        close(fd);
    if (err == EFBIG)
        snprintf(message, MESSAGE_SIZE, "%s", lede_strerror(LEDE_ERR_TOO_LARGE));
    else if (err == ENOMEM)
        snprintf(message, MESSAGE_SIZE, "%s", lede_strerror(LEDE_ERR_NOMEM));
    else if (err)
        snprintf(message, MESSAGE_SIZE, "cannot read %s: %s", what, strerror(err));
    return err == 0;
}

/* ---- the inputs, one at a time ---- */

/* One input of the run. Most are a path for a worker to read; standard
 * input is read by the main thread when its turn comes (PAGE), as is each
 * HTML response of a WARC file (PAGE, with WARC), and a directory that
 * could not be walked or a damaged WARC record is an error already (ERROR). */
typedef enum input_kind { INPUT_PATH, INPUT_PAGE, INPUT_ERROR } input_kind;

typedef struct input {
    input_kind kind;
    const char *source; /* the path as given or as found under a DIR */
    char *owned_path;   /* SOURCE when the walk allocated it, else NULL */
    page page;          /* INPUT_PAGE: the bytes read */
    char message[MESSAGE_SIZE]; /* INPUT_ERROR: why */
    lede_warc_record *warc; /* the WARC record whose page this is, or NULL */
} input;

static void input_release(input *in) {
    free(in->page.bytes);
    free(in->owned_path);
    lede_warc_record_free(in->warc);
    memset(in, 0, sizeof *in);
}

/* PATH's file name ends in SUFFIX, in any letter case, with something
 * before it. */
static bool has_suffix(const char *path, const char *suffix) {
    const char *slash = strrchr(path, '/');
    const char *name = slash ? slash + 1 : path;
    size_t len = strlen(name), suffix_len = strlen(suffix);
    return len > suffix_len && strcasecmp(name + len - suffix_len, suffix) == 0;
}

/* Saved pages are often gzip'ed as they came (wget, crawlers); the library
 * inflates them, so a folder walk takes them as pages too. */
static bool has_html_extension(const char *path) {
    return has_suffix(path, ".html") || has_suffix(path, ".htm") ||
           has_suffix(path, ".html.gz") || has_suffix(path, ".htm.gz");
}

static bool has_warc_extension(const char *path) {
    return has_suffix(path, ".warc") || has_suffix(path, ".warc.gz");
}

static int skip_dot_entries(const struct dirent *entry) {
    return strcmp(entry->d_name, ".") != 0 && strcmp(entry->d_name, "..") != 0;
}

/* DIR "/" NAME, malloc'd; no doubled slash when DIR ends in one. */
static char *join_path(const char *dir, const char *name) {
    size_t dir_len = strlen(dir), name_len = strlen(name);
    bool slash = dir_len > 0 && dir[dir_len - 1] != '/';
    if (name_len > SIZE_MAX - dir_len - 2)
        return NULL;
    char *path = malloc(dir_len + slash + name_len + 1);
    if (!path)
        return NULL;
    memcpy(path, dir, dir_len);
    if (slash)
        path[dir_len] = '/';
    memcpy(path + dir_len + slash, name, name_len + 1);
    return path;
}

typedef struct path_stack {
    char **paths;
    size_t count, cap;
} path_stack;

static bool stack_push(path_stack *s, char *path) {
    if (s->count == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 64;
        if (cap > SIZE_MAX / sizeof *s->paths)
            return false;
        char **grown = realloc(s->paths, cap * sizeof *grown);
        if (!grown)
            return false;
        s->paths = grown;
        s->cap = cap;
    }
    s->paths[s->count++] = path;
    return true;
}

/* The operands and the directory entries still to visit. */
typedef struct input_walk {
    const settings *settings;
    size_t next_operand;
    path_stack pending; /* pops in sorted order, depth first */
    lede_warc *warc;    /* the WARC file being read, or NULL */
    const char *warc_name; /* its operand or directory entry */
    int warc_fd;
    size_t warc_records;   /* inputs it has given so far */
    /* The WARC files found in directories: their names are the sources of
     * records still in flight, so they are kept until the walk ends. */
    path_stack warc_names;
    /* The directory operand being walked, and the inputs it gave so far:
     * one that gives none still answers for itself. */
    const char *dir_operand;
    size_t dir_inputs;
    /* The first bytes of standard input, read to tell a web archive from a
     * page as a file's are (stdin_sniff), and not yet handed on. */
    bool stdin_sniffed, stdin_warc;
    int stdin_errno;
    unsigned char stdin_head[LEDE_WARC_SNIFF_SIZE];
    size_t stdin_head_len;
} input_walk;

/* Push DIR's entries so that they pop in sorted order: the subdirectories
 * to walk and the HTML files to extract, each with its full path. False
 * when DIR cannot be read (whole), with the sentence in MESSAGE. */
static bool push_entries(path_stack *stack, const char *dir, char *message) {
    struct dirent **entries = NULL;
    int n = scandir(dir, &entries, skip_dot_entries, alphasort);
    if (n < 0) {
        snprintf(message, MESSAGE_SIZE, "cannot read directory: %s", strerror(errno));
        return false;
    }
    bool out_of_memory = false;
    for (int i = n - 1; i >= 0; i--) {
        char *path = out_of_memory ? NULL : join_path(dir, entries[i]->d_name);
        if (!out_of_memory && (!path || !stack_push(stack, path))) {
            free(path);
            out_of_memory = true;
        }
        free(entries[i]);
    }
    free(entries);
    if (out_of_memory)
        snprintf(message, MESSAGE_SIZE, "%s", lede_strerror(LEDE_ERR_NOMEM));
    return !out_of_memory;
}

static bool is_directory(const char *path) {
    struct stat st;
    return strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool warc_start(input_walk *w, const char *path, input *in);
static bool next_warc_record(input_walk *w, input *in);

/* A regular file, or a link to one; ST is lstat's answer for PATH. */
static bool is_regular_file(const char *path, struct stat *st) {
    return S_ISREG(st->st_mode) ||
           (S_ISLNK(st->st_mode) && stat(path, st) == 0 && S_ISREG(st->st_mode));
}

/* Start the WARC file PATH found in a directory (this takes PATH) and
 * take its first record (or the error of an empty one) into IN. */
static bool enter_warc_entry(input_walk *w, char *path, input *in) {
    if (!stack_push(&w->warc_names, path)) {
        in->kind = INPUT_ERROR;
        in->source = in->owned_path = path;
        snprintf(in->message, MESSAGE_SIZE, "%s", lede_strerror(LEDE_ERR_NOMEM));
        return true;
    }
    in->source = path;
    if (!warc_start(w, path, in))
        return true;
    return next_warc_record(w, in);
}

/* The next entry popped from the walk that is an input: a regular HTML file
 * (or a link to one), a record of a WARC file (*.warc, *.warc.gz), or a
 * directory that could not be read. Others, and entries gone since their
 * directory was read, are no inputs of the run. */
static bool next_entry(input_walk *w, input *in) {
    while (w->pending.count > 0) {
        char *path = w->pending.paths[--w->pending.count];
        struct stat st;
        if (lstat(path, &st) == 0) {
            if (S_ISDIR(st.st_mode)) {
                if (!push_entries(&w->pending, path, in->message)) {
                    in->kind = INPUT_ERROR;
                    in->source = in->owned_path = path;
                    return true;
                }
            } else if (S_ISLNK(st.st_mode) &&
                       (has_html_extension(path) || has_warc_extension(path)) &&
                       stat(path, &st) != 0) {
                /* A link named as a page, to nothing: a page lost, said. */
                in->kind = INPUT_ERROR;
                in->source = in->owned_path = path;
                snprintf(in->message, MESSAGE_SIZE, "cannot open file: %s (a broken symbolic link)",
                         strerror(errno));
                return true;
            } else if (has_html_extension(path) && is_regular_file(path, &st)) {
                in->kind = INPUT_PATH;
                in->source = in->owned_path = path;
                return true;
            } else if (has_warc_extension(path) && is_regular_file(path, &st)) {
                return enter_warc_entry(w, path, in);
            }
        }
        free(path);
    }
    return false;
}

/* ---- web archives ---- */

/* Read the first bytes of standard input, once until they are handed on,
 * to see whether it is a web archive. A pipe cannot be looked into and
 * read again, so the bytes are kept for whoever reads it next. */
static void stdin_sniff(input_walk *w) {
    if (w->stdin_sniffed)
        return;
    w->stdin_sniffed = true;
    w->stdin_head_len = 0;
    w->stdin_errno = 0;
    while (w->stdin_head_len < sizeof w->stdin_head) {
        ssize_t got = read(STDIN_FILENO, w->stdin_head + w->stdin_head_len,
                           sizeof w->stdin_head - w->stdin_head_len);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            w->stdin_errno = errno;
        if (got <= 0)
            break;
        w->stdin_head_len += (size_t)got;
    }
    w->stdin_warc = lede_warc_sniff(w->stdin_head, w->stdin_head_len);
}

/* The sniffed bytes, handed on: the next "-" sniffs afresh. */
static prefix stdin_take(input_walk *w) {
    prefix head = {NULL, 0};
    if (w->stdin_sniffed)
        head = (prefix){w->stdin_head, w->stdin_head_len};
    w->stdin_sniffed = false;
    return head;
}

/* Is operand PATH a WARC file: --warc says so, or its first bytes do. */
/* The schemes of an address a user may hope lede fetches. */
static const char *const fetch_schemes[] = {"http://", "https://", "ftp://"};

/* OPERAND is a web address and no file of that name exists. */
static bool is_fetch_address(const char *operand) {
    for (size_t i = 0; i < sizeof fetch_schemes / sizeof fetch_schemes[0]; i++)
        if (strncasecmp(operand, fetch_schemes[i], strlen(fetch_schemes[i])) == 0)
            return access(operand, F_OK) != 0;
    return false;
}

/* The error of a web address given as input: lede reads pages, it does not
 * fetch them, and the way to feed it one is a pipe. The address is shown
 * in the command when single quotes can hold it as it is. */
static void url_input_message(const char *url, char *out, size_t cap) {
    static const char lead[] =
        "a web address, and lede does not fetch pages: pipe one in, as in curl -s ";
    static const char pipe[] = " | lede --url ";
    enum { QUOTES = 4 };
    /* An address too long to show twice whole is named by the source field. */
    bool shown = !strchr(url, '\'') &&
                 sizeof lead + sizeof pipe + QUOTES + 2 * strlen(url) <= cap;
    const char *q = shown ? "'" : "", *u = shown ? url : "URL";
    snprintf(out, cap, "%s%s%s%s%s%s%s%s", lead, q, u, q, pipe, q, u, q);
}

static bool is_warc_operand(input_walk *w, const char *path) {
    if (w->settings->warc)
        return true;
    if (strcmp(path, "-") != 0)
        return lede_warc_sniff_path(path);
    stdin_sniff(w);
    return w->stdin_warc;
}

static void warc_finish(input_walk *w) {
    lede_warc_close(w->warc);
    if (w->warc_fd != STDIN_FILENO)
        close(w->warc_fd);
    w->warc = NULL;
}

/* Start reading the WARC file PATH; false with IN the error when it cannot
 * be opened. */
static bool warc_start(input_walk *w, const char *path, input *in) {
    bool is_stdin = strcmp(path, "-") == 0;
    int fd = is_stdin ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        in->kind = INPUT_ERROR;
        snprintf(in->message, MESSAGE_SIZE, "cannot open file: %s", strerror(errno));
        return false;
    }
    prefix head = is_stdin ? stdin_take(w) : (prefix){NULL, 0};
    lede_warc_options opt;
    lede_warc_options_init(&opt);
    opt.max_payload = w->settings->options.max_input;
    opt.name = path;
    opt.head = head.bytes;
    opt.head_len = head.len;
    lede_status st = lede_warc_open_fd(fd, &opt, &w->warc);
    if (st != LEDE_OK) {
        if (fd != STDIN_FILENO)
            close(fd);
        in->kind = INPUT_ERROR;
        snprintf(in->message, MESSAGE_SIZE, "%s", lede_strerror(st));
        return false;
    }
    w->warc_fd = fd;
    w->warc_name = path;
    w->warc_records = 0;
    return true;
}

/* The WARC file's next HTML response or damaged record into IN; false at
 * its end, which closes it. */
static bool next_warc_record(input_walk *w, input *in) {
    lede_warc_record *record = NULL;
    lede_status st = lede_warc_next(w->warc, &record);
    if (st == LEDE_OK && !record) {
        warc_finish(w);
        if (w->warc_records > 0)
            return false;
        /* An archive without a single record still answers for itself. */
        in->kind = INPUT_ERROR;
        in->source = w->warc_name;
        snprintf(in->message, MESSAGE_SIZE, "empty input: the web archive holds no records");
        return true;
    }
    w->warc_records++;
    if (st != LEDE_OK) {
        in->kind = INPUT_ERROR;
        in->source = w->warc_name;
        snprintf(in->message, MESSAGE_SIZE, "%s", lede_strerror(st));
        return true;
    }
    /* The record's source ("FILE:OFFSET") lives as long as the input. */
    in->warc = record;
    in->source = lede_warc_record_source(record);
    const char *error = lede_warc_record_error(record);
    if (error) {
        in->kind = INPUT_ERROR;
        snprintf(in->message, MESSAGE_SIZE, "%s", error);
        return true;
    }
    in->kind = INPUT_PAGE;
    return true;
}

/* The next input of the run into IN (zeroed first); false when there are no
 * more. Only the main thread walks. */
static bool next_input(input_walk *w, input *in) {
    const settings *s = w->settings;
    memset(in, 0, sizeof *in);
    for (;;) {
        if ((w->warc && next_warc_record(w, in)) || next_entry(w, in)) {
            w->dir_inputs++;
            return true;
        }
        if (w->dir_operand) {
            const char *dir = w->dir_operand;
            w->dir_operand = NULL;
            if (w->dir_inputs == 0) {
                in->kind = INPUT_ERROR;
                in->source = dir;
                snprintf(in->message, MESSAGE_SIZE,
                         "empty input: the directory holds no *.html, *.htm, *.html.gz, "
                         "*.htm.gz, *.warc or *.warc.gz file");
                return true;
            }
        }
        if (w->next_operand == s->input_count)
            return false;
        const char *operand = s->inputs[w->next_operand++];
        in->source = operand;
        if (is_directory(operand)) {
            if (!push_entries(&w->pending, operand, in->message)) {
                in->kind = INPUT_ERROR;
                return true;
            }
            w->dir_operand = operand;
            w->dir_inputs = 0;
            continue;
        }
        if (is_fetch_address(operand)) {
            in->kind = INPUT_ERROR;
            url_input_message(operand, in->message, sizeof in->message);
            return true;
        }
        if (is_warc_operand(w, operand)) {
            if (warc_start(w, operand, in))
                continue;
            return true;
        }
        in->kind = INPUT_PATH;
        if (strcmp(operand, "-") == 0) {
            int sniff_errno = w->stdin_sniffed ? w->stdin_errno : 0;
            prefix head = stdin_take(w);
            if (sniff_errno) {
                in->kind = INPUT_ERROR;
                snprintf(in->message, MESSAGE_SIZE, "cannot read standard input: %s",
                         strerror(sniff_errno));
            } else {
                in->kind = read_page(operand, s->options.max_input, head, &in->page, in->message)
                               ? INPUT_PAGE
                               : INPUT_ERROR;
            }
        }
        return true;
    }
}

static void walk_release(input_walk *w) {
    if (w->warc)
        warc_finish(w);
    while (w->pending.count > 0)
        free(w->pending.paths[--w->pending.count]);
    free(w->pending.paths);
    while (w->warc_names.count > 0)
        free(w->warc_names.paths[--w->warc_names.count]);
    free(w->warc_names.paths);
}

/* ---- one input, on any thread ---- */

/* Read, extract and format IN into REC. Touches nothing but its arguments,
 * so any number of threads may run it at once. */
static void process_input(const settings *s, output_layout layout, input *in,
                          output_record *rec) {
    char message[MESSAGE_SIZE];
    page p = in->page;
    in->page = (page){0};
    if (in->kind == INPUT_ERROR) {
        output_build_error(layout, in->source, in->message, rec);
        return;
    }
    if (in->kind == INPUT_PATH &&
        !read_page(in->source, s->options.max_input, (prefix){NULL, 0}, &p, message)) {
        output_build_error(layout, in->source, message, rec);
        return;
    }
    /* A WARC record knows the page's address and its HTTP charset; a --url
     * or --encoding given still overrides them, as the user's word
     * (lede_warc_record_extract). */
    lede_result *res = NULL;
    lede_status st = in->warc ? lede_warc_record_extract(in->warc, &s->options, &res)
                              : lede_extract(p.bytes, p.len, &s->options, &res);
    free(p.bytes);
    output_warc warc = {lede_warc_record_target_uri(in->warc), lede_warc_record_id(in->warc),
                        lede_warc_record_date(in->warc)};
    const output_warc *from = in->warc ? &warc : NULL;
    if (st == LEDE_OK && !filters_pass(&s->filters, res, message, sizeof message))
        output_build_rejected(layout, in->source, res, from, message, rec);
    else if (st == LEDE_OK)
        output_build_warc_article(layout, in->source, res, from, rec);
    else if (st == LEDE_ERR_NO_ARTICLE)
        output_build_no_article(layout, in->source, res, from, rec);
    else
        output_build_error(layout, in->source, lede_strerror(st), rec);
    lede_result_free(res);
    if (s->output_dir && st == LEDE_OK && !rec->failed && !rec->no_article)
        rec->file_name = output_file_name(in->source, lede_warc_record_target_uri(in->warc),
                                          s->format);
}

/* ---- progress on a terminal ---- */

typedef struct progress {
    bool enabled;
    bool shown;                /* a line is on the screen */
    struct timespec start, drawn;
} progress;

static long elapsed_ns(const struct timespec *from, const struct timespec *to) {
    return (long)(to->tv_sec - from->tv_sec) * 1000000000L + (to->tv_nsec - from->tv_nsec);
}

/* Only where a person watches: stderr a terminal, stdout not (bodies on
 * the same screen would be torn by the line). */
static void progress_begin(progress *p, const settings *s) {
    memset(p, 0, sizeof *p);
    p->enabled = !s->quiet && isatty(STDERR_FILENO) && !isatty(STDOUT_FILENO);
    if (p->enabled)
        clock_gettime(CLOCK_MONOTONIC, &p->start);
}

/* Take the line off the screen, so that an error line can take its place. */
static void progress_clear(progress *p) {
    if (p->shown)
        fputs("\r\033[K", stderr);
    p->shown = false;
}

/* Redraw after DONE inputs, FAILED of them errors; FINAL: the batch is over
 * and the line stays, ended. */
static void progress_update(progress *p, size_t done, size_t failed, bool final) {
    if (!p->enabled)
        return;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    long running = elapsed_ns(&p->start, &now);
    if (final ? !p->shown
              : running < PROGRESS_DELAY_NS ||
                    (p->shown && elapsed_ns(&p->drawn, &now) < PROGRESS_INTERVAL_NS))
        return;
    double seconds = (double)running / 1e9;
    fprintf(stderr, "\rlede: %zu pages, %.1f pages/s, %zu errors\033[K%s", done,
            seconds > 0 ? (double)done / seconds : 0.0, failed, final ? "\n" : "");
    p->shown = !final;
    p->drawn = now;
}

/* ---- the batch ---- */

typedef struct batch {
    const settings *settings;
    output out;
    input_walk walk;
    size_t failed; /* inputs that gave an error */
    size_t done;   /* inputs written */
    progress progress;
} batch;

/* Write IN's record, the next in input order, and let go of both. */
static void write_input(batch *b, input *in, output_record *rec) {
    if (rec->failed)
        b->failed++;
    if (rec->failed && (!rec->bytes || b->out.dir))
        progress_clear(&b->progress); /* its error line goes to stderr */
    output_write(&b->out, in->source, rec);
    input_release(in);
    progress_update(&b->progress, ++b->done, b->failed, false);
}

/* One job: each input is processed and written in turn. */
static void run_in_turn(batch *b) {
    input in;
    output_record rec;
    while (!b->out.write_failed && next_input(&b->walk, &in)) {
        process_input(b->settings, b->out.layout, &in, &rec);
        write_input(b, &in, &rec);
    }
}

/* ---- several jobs: an ordered ring of slots ---- */

typedef struct slot {
    input in;
    output_record rec;
    bool done; /* REC is ready to write */
} slot;

/* Inputs are numbered in input order; input K lives in ring[K % ring_size]
 * from the time the main thread queues it until it is written. Workers take
 * them in order (claimed < queued); the main thread writes them in order
 * and refills a slot only after it wrote what the slot held. */
typedef struct pool {
    const settings *settings;
    output_layout layout;
    slot *ring;
    size_t ring_size;
    pthread_mutex_t lock;        /* guards queued, claimed, stopping, slot.done */
    pthread_cond_t work_queued;  /* a worker may take an input, or stop */
    pthread_cond_t slot_done;    /* some slot is done */
    size_t queued;               /* inputs put in the ring so far */
    size_t claimed;              /* inputs taken by workers so far */
    bool stopping;
} pool;

static void *worker_main(void *arg) {
    pool *p = arg;
    pthread_mutex_lock(&p->lock);
    for (;;) {
        while (p->claimed == p->queued && !p->stopping)
            pthread_cond_wait(&p->work_queued, &p->lock);
        if (p->stopping)
            break;
        slot *sl = &p->ring[p->claimed++ % p->ring_size];
        pthread_mutex_unlock(&p->lock);
        process_input(p->settings, p->layout, &sl->in, &sl->rec);
        pthread_mutex_lock(&p->lock);
        sl->done = true;
        pthread_cond_signal(&p->slot_done);
    }
    pthread_mutex_unlock(&p->lock);
    return NULL;
}

/* Queue inputs into the free slots; false once the walk is over. */
static bool fill_ring(batch *b, pool *p, size_t written) {
    while (p->queued - written < p->ring_size) {
        slot *sl = &p->ring[p->queued % p->ring_size];
        if (!next_input(&b->walk, &sl->in))
            return false;
        memset(&sl->rec, 0, sizeof sl->rec);
        sl->done = false; /* no worker sees this slot before queued moves */
        pthread_mutex_lock(&p->lock);
        p->queued++;
        pthread_cond_signal(&p->work_queued);
        pthread_mutex_unlock(&p->lock);
    }
    return true;
}

/* The main thread's loop: keep the ring full, write its head when done. */
static void write_in_order(batch *b, pool *p) {
    size_t written = 0;
    bool inputs_left = true;
    while (!b->out.write_failed) {
        if (inputs_left)
            inputs_left = fill_ring(b, p, written);
        if (written == p->queued)
            break;
        slot *head = &p->ring[written % p->ring_size];
        pthread_mutex_lock(&p->lock);
        while (!head->done)
            pthread_cond_wait(&p->slot_done, &p->lock);
        pthread_mutex_unlock(&p->lock);
        write_input(b, &head->in, &head->rec);
        written++;
    }
    pthread_mutex_lock(&p->lock);
    p->stopping = true;
    pthread_cond_broadcast(&p->work_queued);
    pthread_mutex_unlock(&p->lock);
}

static void *preload_main(void *arg) {
    (void)arg;
    lede_preload();
    return NULL;
}

/* JOBS workers over the batch; false when not even one thread could be
 * started (nothing was read then, and the caller goes on in turn). */
static bool run_in_parallel(batch *b, unsigned jobs) {
    pool p = {.settings = b->settings, .layout = b->out.layout};
    p.ring_size = (size_t)jobs * SLOTS_PER_WORKER;
    p.ring = calloc(p.ring_size, sizeof *p.ring);
    pthread_t *threads = calloc(jobs, sizeof *threads);
    if (!p.ring || !threads) {
        free(p.ring);
        free(threads);
        return false;
    }
    pthread_mutex_init(&p.lock, NULL);
    pthread_cond_init(&p.work_queued, NULL);
    pthread_cond_init(&p.slot_done, NULL);
    /* What the library loads on first use is loaded beside the first
     * pages, not by one worker while the others wait for it. */
    pthread_t preloader;
    bool preloading = pthread_create(&preloader, NULL, preload_main, NULL) == 0;
    unsigned started = 0;
    while (started < jobs && pthread_create(&threads[started], NULL, worker_main, &p) == 0)
        started++;
    if (started > 0) {
        write_in_order(b, &p);
    } else {
        pthread_mutex_lock(&p.lock);
        p.stopping = true;
        pthread_mutex_unlock(&p.lock);
    }
    for (unsigned i = 0; i < started; i++)
        pthread_join(threads[i], NULL);
    if (preloading)
        pthread_join(preloader, NULL);
    /* After a failed write the ring still holds inputs and records that are
     * never written; with the workers joined nothing else touches them. */
    for (size_t i = 0; i < p.ring_size; i++) {
        input_release(&p.ring[i].in);
        output_record_free(&p.ring[i].rec);
    }
    pthread_cond_destroy(&p.slot_done);
    pthread_cond_destroy(&p.work_queued);
    pthread_mutex_destroy(&p.lock);
    free(threads);
    free(p.ring);
    return started > 0;
}

/* --jobs 0: one job per online core. */
static unsigned online_cores(void) {
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    if (n < 1)
        return 1;
    return n > MAX_JOBS ? MAX_JOBS : (unsigned)n;
}

/* ---- main ---- */

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
