#!/usr/bin/env python3
"""dask_warc.py — extract the articles of web archives on Dask, with lede.iter_warc.

    python3 examples/dask_warc.py INPUT... -o OUT_DIR [--workers N]
        [--scheduler HOST:PORT] [--output-format auto|jsonl|parquet]

INPUT is a .warc or .warc.gz file, or a folder whose *.warc and *.warc.gz
are taken. Each task runs lede.iter_warc (the library, in the worker's
process: no subprocess, no lede binary) over one archive, or over one byte
range of it when archives are fewer than twice the worker threads, and
writes one partition: OUT_DIR/NAME.PART.jsonl, or .parquet ("auto", the
default, takes Parquet when pyarrow is installed here). examples/
warc_ranges.py says more; it is uploaded to the workers.

Without --scheduler the tasks run on a LocalCluster of N single-threaded
worker processes (default: one per core); with it, on the cluster of that
scheduler: its workers need the lede package (pip install ./python) and,
for Parquet, pyarrow, which is checked before the work starts, and the
inputs and OUT_DIR on a shared file system. A missing input stops the
script before any cluster starts.

Prints one line per archive (records, pages, errors) and a total with the
seconds the tasks took; exits 1 when a task failed.
"""
import argparse
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import warc_ranges  # noqa: E402  (exits with a message when lede is missing)


def worker_check(fmt):
    """Run on each worker first: the tasks' module, its lede library, and
    pyarrow if needed."""
    import lede
    import warc_ranges  # noqa: F401  (uploaded)
    if fmt == "parquet":
        import pyarrow.parquet  # noqa: F401
    return lede.library_path()


def without_malloc_trim_threshold():
    """Dask's nanny starts its workers with MALLOC_TRIM_THRESHOLD_=65536
    (distributed.nanny.pre-spawn-environ). Setting it at all turns off
    glibc's sliding mmap threshold, so each large buffer lede allocates and
    frees per page becomes an mmap and a munmap: twice the time per record
    (docs/performance.md). The workers of this script's LocalCluster keep
    glibc's defaults."""
    import dask
    environ = dict(dask.config.get("distributed.nanny.pre-spawn-environ", {}))
    environ.pop("MALLOC_TRIM_THRESHOLD_", None)
    dask.config.set({"distributed.nanny.pre-spawn-environ": environ})


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("inputs", nargs="+", metavar="INPUT", help="a WARC file or a folder of them")
    ap.add_argument("-o", "--out", required=True, metavar="OUT_DIR")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                    help="LocalCluster worker processes (default: one per core)")
    ap.add_argument("--scheduler", help="address of a running Dask scheduler, e.g. tcp://host:8786")
    ap.add_argument("--output-format", choices=("auto", "jsonl", "parquet"), default="auto")
    args = ap.parse_args(argv)

    archives = warc_ranges.find_archives(args.inputs)
    fmt = warc_ranges.output_format(args.output_format)
    out_dir = os.path.abspath(args.out)
    os.makedirs(out_dir, exist_ok=True)

    from dask.distributed import Client, LocalCluster

    if args.scheduler:
        client, cluster = Client(args.scheduler), None
    else:
        without_malloc_trim_threshold()
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        # The workers of a real cluster do not have examples/ on their path.
        client.upload_file(warc_ranges.__file__)
        try:
            client.run(worker_check, fmt)
        except ImportError as err:
            sys.exit("a worker cannot run the tasks: %s (install the lede package%s there)"
                     % (err, " and pyarrow" if fmt == "parquet" else ""))
        threads = sum(w["nthreads"] for w in client.scheduler_info()["workers"].values())
        ranges = warc_ranges.plan_ranges(archives, threads)
        began = time.monotonic()
        futures = client.map(warc_ranges.extract_range, ranges, out_dir=out_dir, fmt=fmt,
                             pure=False)
        results, failures = [], []
        for future, rng in zip(futures, ranges):
            try:
                results.append(future.result())
            except Exception as err:  # a task's error names its range
                failures.append("%s [%d, %s): %s: %s" % (rng.path, rng.start, rng.stop,
                                                         type(err).__name__, err))
        seconds = time.monotonic() - began
    finally:
        client.close()
        if cluster:
            cluster.close()
    return warc_ranges.report(results, failures, seconds)


if __name__ == "__main__":
    sys.exit(main())
