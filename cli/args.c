/*
 * args.c — the lede command's arguments into its settings (args.h).
 *
 * Options may come anywhere among the operands and "--" ends them; a value
 * is given inline ("--name=value") or as the next argument. Every mistake
 * is bad usage (exit 2) said at once, with the usage line: a run that
 * would do something else than asked never starts. The --help text is
 * here, and man/lede.1 says the same.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "args.h"

#define LEDE_STRINGIFY_(x) #x
#define LEDE_STRINGIFY(x) LEDE_STRINGIFY_(x)

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

void settings_free(settings *s) {
    for (size_t i = 0; i < s->owned_count; i++)
        free(s->owned[i]);
    free(s->owned);
    free(s->inputs);
}

/* Add INPUT to S's inputs (it stays the caller's); false when out of memory. */
bool add_input(settings *s, char *input) {
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
int parse_arguments(int argc, char **argv, settings *s) {
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
