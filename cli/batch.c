/*
 * batch.c — one input from the walk to its record, and the batch run in
 * turn.
 *
 * Each input goes through the same two steps whatever runs them:
 * process_input() reads, extracts and formats it on any thread, touching
 * nothing shared, and write_input() writes it on the main thread, the next
 * in input order. With one job there are no threads: each input is
 * processed and written in turn; with more, ring.c runs the first step on
 * workers.
 *
 * A page that cannot be read is an error for that page, never for the
 * batch: it gets its one record and the next page goes on. A page without
 * an article is no error at all: it is answered, with its metadata.
 */
#include <stdlib.h>

#include "batch.h"

/* Read, extract and format IN into REC. Touches nothing but its arguments,
 * so any number of threads may run it at once. */
void process_input(const settings *s, output_layout layout, input *in, output_record *rec) {
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

/* Write IN's record, the next in input order, and let go of both. */
void write_input(batch *b, input *in, output_record *rec) {
    if (rec->failed)
        b->failed++;
    if (rec->failed && (!rec->bytes || b->out.dir))
        progress_clear(&b->progress); /* its error line goes to stderr */
    output_write(&b->out, in->source, rec);
    input_release(in);
    progress_update(&b->progress, ++b->done, b->failed, false);
}

/* One job: each input is processed and written in turn. */
void run_in_turn(batch *b) {
    input in;
    output_record rec;
    while (!b->out.write_failed && next_input(&b->walk, &in)) {
        process_input(b->settings, b->out.layout, &in, &rec);
        write_input(b, &in, &rec);
    }
}
