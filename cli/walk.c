/*
 * walk.c — the inputs of a run, one at a time, from the operands in the
 * order given.
 *
 * Inputs come one at a time, and directories are walked as they come up,
 * so a batch of any size holds a bounded number of pages in memory and its
 * output starts at once. The walk is iterative (an explicit stack of
 * paths, so no directory depth can exhaust the C stack), visits each
 * directory's entries in byte order (scandir + alphasort in the C locale),
 * and does not follow symbolic links to directories, which could loop.
 *
 * An operand that is a web address is an error that says how to feed lede
 * the page, and a web archive is read record by record (archives.c).
 */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "inputs.h"

void input_release(input *in) {
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

bool is_directory(const char *path) {
    struct stat st;
    return strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

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

/* The next input of the run into IN (zeroed first); false when there are no
 * more. Only the main thread walks. */
bool next_input(input_walk *w, input *in) {
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

void walk_release(input_walk *w) {
    if (w->warc)
        warc_finish(w);
    while (w->pending.count > 0)
        free(w->pending.paths[--w->pending.count]);
    free(w->pending.paths);
    while (w->warc_names.count > 0)
        free(w->warc_names.paths[--w->warc_names.count]);
    free(w->warc_names.paths);
}
