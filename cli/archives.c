/*
 * archives.c — the web archives among the inputs.
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
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "inputs.h"

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
prefix stdin_take(input_walk *w) {
    prefix head = {NULL, 0};
    if (w->stdin_sniffed)
        head = (prefix){w->stdin_head, w->stdin_head_len};
    w->stdin_sniffed = false;
    return head;
}

/* Is operand PATH a WARC file: --warc says so, or its first bytes do. */
bool is_warc_operand(input_walk *w, const char *path) {
    if (w->settings->warc)
        return true;
    if (strcmp(path, "-") != 0)
        return lede_warc_sniff_path(path);
    stdin_sniff(w);
    return w->stdin_warc;
}

void warc_finish(input_walk *w) {
    lede_warc_close(w->warc);
    if (w->warc_fd != STDIN_FILENO)
        close(w->warc_fd);
    w->warc = NULL;
}

/* Start reading the WARC file PATH; false with IN the error when it cannot
 * be opened. */
bool warc_start(input_walk *w, const char *path, input *in) {
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
bool next_warc_record(input_walk *w, input *in) {
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
