/*
 * progress.c — the progress line of a long batch.
 *
 * On a terminal (stderr one, stdout not) a batch that runs for more than a
 * second shows a progress line on stderr; --quiet turns it off.
 * The line is drawn after a batch ran PROGRESS_DELAY_NS, so that a short
 * one never shows it, and redrawn at most every PROGRESS_INTERVAL_NS; an
 * error line on stderr takes its place.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "progress.h"

/* The progress line: first drawn after a batch ran this long (a short one
 * never shows it), then redrawn at most this often. */
#define PROGRESS_DELAY_NS 1000000000L
#define PROGRESS_INTERVAL_NS 250000000L

static long elapsed_ns(const struct timespec *from, const struct timespec *to) {
    return (long)(to->tv_sec - from->tv_sec) * 1000000000L + (to->tv_nsec - from->tv_nsec);
}

/* Only where a person watches: stderr a terminal, stdout not (bodies on
 * the same screen would be torn by the line). */
void progress_begin(progress *p, const settings *s) {
    memset(p, 0, sizeof *p);
    p->enabled = !s->quiet && isatty(STDERR_FILENO) && !isatty(STDOUT_FILENO);
    if (p->enabled)
        clock_gettime(CLOCK_MONOTONIC, &p->start);
}

/* Take the line off the screen, so that an error line can take its place. */
void progress_clear(progress *p) {
    if (p->shown)
        fputs("\r\033[K", stderr);
    p->shown = false;
}

/* Redraw after DONE inputs, FAILED of them errors; FINAL: the batch is over
 * and the line stays, ended. */
void progress_update(progress *p, size_t done, size_t failed, bool final) {
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
