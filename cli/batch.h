/*
 * batch.h — a run of the lede command over its inputs: each input read,
 * extracted and formatted (batch.c), in turn or on worker threads
 * (ring.c), and written in input order.
 */
#ifndef LEDE_CLI_BATCH_H
#define LEDE_CLI_BATCH_H

#include <stdbool.h>
#include <stddef.h>

#include "args.h"
#include "inputs.h"
#include "output.h"
#include "progress.h"

typedef struct batch {
    const settings *settings;
    output out;
    input_walk walk;
    size_t failed; /* inputs that gave an error */
    size_t done;   /* inputs written */
    progress progress;
} batch;

/* Read, extract and format IN into REC. Touches nothing but its arguments,
 * so any number of threads may run it at once. */
void process_input(const settings *s, output_layout layout, input *in, output_record *rec);

/* Write IN's record, the next in input order, and let go of both. */
void write_input(batch *b, input *in, output_record *rec);

/* One job: each input is processed and written in turn. */
void run_in_turn(batch *b);

/* JOBS workers over the batch (ring.c); false when not even one thread
 * could be started (nothing was read then, and the caller goes on in
 * turn). */
bool run_in_parallel(batch *b, unsigned jobs);

#endif
