/*
 * test_threads.c — lede_extract() from several threads at once gives what
 * it gives from one.
 *
 * lede.h promises no global mutable state: any number of threads may
 * extract at once. This test extracts every fixture page in every format
 * once on the main thread, then has THREADS threads, started together,
 * extract them all ROUNDS times each in an order of their own, and compares
 * every result, field by field, with the single-threaded one. Built with
 * LEDE_TSAN=ON it is also the ThreadSanitizer's test of the library (libxml2,
 * iconv, uchardet and the language classifier included).
 */
#include <dirent.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "lede.h"

#define THREADS 4

#if defined(__SANITIZE_THREAD__) || defined(__SANITIZE_ADDRESS__)
#define ROUNDS 10
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer) || __has_feature(address_sanitizer)
#define ROUNDS 10
#endif
#endif
#ifndef ROUNDS
#define ROUNDS 25
#endif

#define MAX_PAGES 64
#define FORMATS 3

typedef struct input {
    char *path;
    char *data;
    size_t len;
} input;

/* One extraction, reduced to a string that differs when any field does. */
typedef struct job {
    const input *page;
    lede_format format;
    char *expected; /* from the main thread */
} job;

typedef struct worker {
    pthread_t thread;
    unsigned seed;
    const job *jobs;
    size_t job_count;
    pthread_barrier_t *start;
    size_t mismatches;
    size_t done;
    char first_mismatch[256];
} worker;

static char *read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    assert_int_equal(fseek(f, 0, SEEK_END), 0);
    long size = ftell(f);
    assert_true(size >= 0);
    rewind(f);
    char *data = malloc((size_t)size + 1);
    assert_non_null(data);
    assert_int_equal(fread(data, 1, (size_t)size, f), (size_t)size);
    fclose(f);
    data[size] = '\0';
    *len = (size_t)size;
    return data;
}

static int by_path(const void *a, const void *b) {
    return strcmp(((const input *)a)->path, ((const input *)b)->path);
}

static size_t load_fixtures(input pages[MAX_PAGES]) {
    DIR *dir = opendir(LEDE_FIXTURES);
    assert_non_null(dir);
    size_t count = 0;
    struct dirent *e;
    while ((e = readdir(dir)) && count < MAX_PAGES) {
        size_t n = strlen(e->d_name);
        if (n < 6 || strcmp(e->d_name + n - 5, ".html") != 0)
            continue;
        size_t plen = strlen(LEDE_FIXTURES) + n + 2;
        pages[count].path = malloc(plen);
        assert_non_null(pages[count].path);
        snprintf(pages[count].path, plen, "%s/%s", LEDE_FIXTURES, e->d_name);
        pages[count].data = read_file(pages[count].path, &pages[count].len);
        count++;
    }
    closedir(dir);
    qsort(pages, count, sizeof pages[0], by_path);
    return count;
}

static void append(char **out, size_t *len, const char *label, const char *value) {
    size_t add = strlen(label) + (value ? strlen(value) : 6) + 3;
    *out = realloc(*out, *len + add + 1);
    if (!*out)
        abort();
    *len += (size_t)sprintf(*out + *len, "%s=%s\n", label, value ? value : "(null)");
}

/* Every field of one extraction as one string (malloc'd); abort()s rather
 * than asserts, as cmocka's asserts are not for other threads. */
static char *fingerprint(const input *page, lede_format format) {
    lede_options opt;
    lede_options_init(&opt);
    opt.format = format;
    opt.comments = 1;
    lede_result *r = NULL;
    lede_status st = lede_extract(page->data, page->len, &opt, &r);
    char *out = NULL, num[64];
    size_t len = 0;
    append(&out, &len, "status", lede_strerror(st));
    if (st == LEDE_OK) {
        for (int field = 0; field < LEDE_FIELD_COUNT; field++) {
            append(&out, &len, lede_field_name(field), lede_result_string(r, field));
            for (size_t i = 0; i < lede_result_count(r, field); i++)
                append(&out, &len, lede_field_name(field), lede_result_item(r, field, i));
        }
        snprintf(num, sizeof num, "%.17g %u", lede_result_confidence(r), lede_result_truncated(r));
        append(&out, &len, "confidence truncated", num);
    }
    lede_result_free(r);
    return out;
}

static void *work(void *arg) {
    worker *w = arg;
    pthread_barrier_wait(w->start);
    for (int round = 0; round < ROUNDS; round++) {
        for (size_t k = 0; k < w->job_count; k++) {
            /* each thread its own order, so different pages overlap */
            w->seed = w->seed * 1103515245u + 12345u;
            const job *j = &w->jobs[(w->seed >> 8) % w->job_count];
            char *got = fingerprint(j->page, j->format);
            if (strcmp(got, j->expected) != 0 && w->mismatches++ == 0)
                snprintf(w->first_mismatch, sizeof w->first_mismatch, "%s format %d",
                         j->page->path, (int)j->format);
            free(got);
            w->done++;
        }
    }
    return NULL;
}

/* The first extractions of a process, racing lede_preload() on a thread of
 * its own (as lede -j does): the same results as extractions after it. */
typedef struct first_worker {
    pthread_t thread;
    pthread_barrier_t *start;
    const input *pages;
    size_t page_count;
    char *got[MAX_PAGES];
} first_worker;

static void *first_extractions(void *arg) {
    first_worker *w = arg;
    pthread_barrier_wait(w->start);
    for (size_t i = 0; i < w->page_count; i++)
        w->got[i] = fingerprint(&w->pages[i], LEDE_FORMAT_TEXT);
    return NULL;
}

static void *preload(void *arg) {
    pthread_barrier_wait(arg);
    lede_preload();
    return NULL;
}

static void test_preload_beside_first_extractions(void **state) {
    (void)state;
    input pages[MAX_PAGES];
    size_t page_count = load_fixtures(pages);
    assert_true(page_count > 0);
    pthread_barrier_t start;
    assert_int_equal(pthread_barrier_init(&start, NULL, THREADS + 1), 0);
    first_worker workers[THREADS];
    memset(workers, 0, sizeof workers);
    pthread_t preloader;
    assert_int_equal(pthread_create(&preloader, NULL, preload, &start), 0);
    for (int t = 0; t < THREADS; t++) {
        workers[t].start = &start;
        workers[t].pages = pages;
        workers[t].page_count = page_count;
        assert_int_equal(pthread_create(&workers[t].thread, NULL, first_extractions, &workers[t]),
                         0);
    }
    assert_int_equal(pthread_join(preloader, NULL), 0);
    for (int t = 0; t < THREADS; t++)
        assert_int_equal(pthread_join(workers[t].thread, NULL), 0);
    pthread_barrier_destroy(&start);
    for (size_t i = 0; i < page_count; i++) {
        char *want = fingerprint(&pages[i], LEDE_FORMAT_TEXT);
        for (int t = 0; t < THREADS; t++) {
            if (strcmp(workers[t].got[i], want) != 0)
                fail_msg("%s: thread %d differs from a later extraction", pages[i].path, t);
            free(workers[t].got[i]);
        }
        free(want);
        free(pages[i].path);
        free(pages[i].data);
    }
}

static void test_threads_give_single_threaded_results(void **state) {
    (void)state;
    input pages[MAX_PAGES];
    size_t page_count = load_fixtures(pages);
    assert_true(page_count > 0);
    size_t job_count = page_count * FORMATS;
    job *jobs = calloc(job_count, sizeof *jobs);
    assert_non_null(jobs);
    for (size_t i = 0; i < page_count; i++)
        for (int f = 0; f < FORMATS; f++) {
            job *j = &jobs[i * FORMATS + (size_t)f];
            j->page = &pages[i];
            j->format = (lede_format)f;
            j->expected = fingerprint(j->page, j->format);
        }

    pthread_barrier_t start;
    assert_int_equal(pthread_barrier_init(&start, NULL, THREADS), 0);
    worker workers[THREADS];
    memset(workers, 0, sizeof workers);
    for (int t = 0; t < THREADS; t++) {
        workers[t].seed = 7919u * (unsigned)(t + 1);
        workers[t].jobs = jobs;
        workers[t].job_count = job_count;
        workers[t].start = &start;
        assert_int_equal(pthread_create(&workers[t].thread, NULL, work, &workers[t]), 0);
    }
    size_t mismatches = 0, done = 0;
    for (int t = 0; t < THREADS; t++) {
        assert_int_equal(pthread_join(workers[t].thread, NULL), 0);
        if (workers[t].mismatches)
            print_message("thread %d: %zu mismatches, first: %s\n", t, workers[t].mismatches,
                          workers[t].first_mismatch);
        mismatches += workers[t].mismatches;
        done += workers[t].done;
    }
    pthread_barrier_destroy(&start);
    print_message("%d threads, %zu extractions of %zu pages in %d formats\n", THREADS, done,
                  page_count, FORMATS);
    assert_int_equal(done, (size_t)THREADS * ROUNDS * job_count);
    assert_int_equal(mismatches, 0);

    for (size_t i = 0; i < job_count; i++)
        free(jobs[i].expected);
    free(jobs);
    for (size_t i = 0; i < page_count; i++) {
        free(pages[i].path);
        free(pages[i].data);
    }
}

int main(void) {
    const struct CMUnitTest tests[] = {
        /* first: it needs a process in which nothing is loaded yet */
        cmocka_unit_test(test_preload_beside_first_extractions),
        cmocka_unit_test(test_threads_give_single_threaded_results),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
