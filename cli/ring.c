/*
 * ring.c — several jobs: an ordered ring of slots.
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
 * with one thread.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "batch.h"
#include "lede.h"

/* Slots of the ring per worker: one being extracted while the one before it
 * waits to be written, so that a worker rarely waits for the writer, and
 * memory stays at about two pages (and their records) per worker. */
#define SLOTS_PER_WORKER 2

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
bool run_in_parallel(batch *b, unsigned jobs) {
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
