/*
 * inputs.h — the inputs of a run, one at a time: what an input is, the
 * walk that gives them from the operands, the directories (walk.c) and the
 * web archives (archives.c), and a page read whole (read.c).
 */
#ifndef LEDE_CLI_INPUTS_H
#define LEDE_CLI_INPUTS_H

#include <stdbool.h>
#include <stddef.h>

#include "args.h"
#include "lede.h"

/* Room for an error sentence: a fixed prefix and strerror()'s text. */
#define MESSAGE_SIZE OUTPUT_MESSAGE_SIZE

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

typedef struct path_stack {
    char **paths;
    size_t count, cap;
} path_stack;

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

/* ---- read.c ---- */

/* Read the page at PATH ("-": stdin, after the bytes of HEAD) into P, at
 * most MAX bytes. On failure returns false with a sentence naming the
 * cause in MESSAGE (MESSAGE_SIZE bytes). */
bool read_page(const char *path, size_t max, prefix head, page *p, char *message);

/* ---- walk.c ---- */

/* The next input of the run into IN (zeroed first); false when there are no
 * more. Only the main thread walks. */
bool next_input(input_walk *w, input *in);

/* Let go of what IN holds and zero it. */
void input_release(input *in);

void walk_release(input_walk *w);

/* PATH names a directory ("-" never does). */
bool is_directory(const char *path);

/* ---- archives.c ---- */

/* Is operand PATH a WARC file: --warc says so, or its first bytes do. */
bool is_warc_operand(input_walk *w, const char *path);

/* The bytes of standard input already read to sniff it, handed on: the
 * next "-" sniffs afresh. */
prefix stdin_take(input_walk *w);

/* Start reading the WARC file PATH; false with IN the error when it cannot
 * be opened. */
bool warc_start(input_walk *w, const char *path, input *in);

/* The WARC file's next HTML response or damaged record into IN; false at
 * its end, which closes it. */
bool next_warc_record(input_walk *w, input *in);

/* Close the WARC file being read. */
void warc_finish(input_walk *w);

#endif
