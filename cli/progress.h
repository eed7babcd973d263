/*
 * progress.h — the progress line of a long batch on a terminal.
 */
#ifndef LEDE_CLI_PROGRESS_H
#define LEDE_CLI_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "args.h"

typedef struct progress {
    bool enabled;
    bool shown;                /* a line is on the screen */
    struct timespec start, drawn;
} progress;

/* Start the clock, and say whether a line is to be drawn at all. */
void progress_begin(progress *p, const settings *s);

/* Take the line off the screen, so that an error line can take its place. */
void progress_clear(progress *p);

/* Redraw after DONE inputs, FAILED of them errors; FINAL: the batch is over
 * and the line stays, ended. */
void progress_update(progress *p, size_t done, size_t failed, bool final);

#endif
