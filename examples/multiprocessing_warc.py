#!/usr/bin/env python3
"""multiprocessing_warc.py — extract the articles of web archives on the
cores of one machine, with lede.iter_warc and a multiprocessing.Pool.

    python3 examples/multiprocessing_warc.py INPUT... -o OUT_DIR [--processes N]
        [--output-format auto|jsonl|parquet]

The same tasks and output as examples/dask_warc.py (INPUT a .warc or
.warc.gz file or a folder of them; one task per archive, or per byte range
when archives are fewer than twice the processes; OUT_DIR/NAME.PART.jsonl
or .parquet), without Dask: lede's exceptions and results pickle, so a
worker process hands them back like any value.
"""
import argparse
import multiprocessing
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import warc_ranges  # noqa: E402  (exits with a message when lede is missing)


def run_range(task):
    """In a worker: one range, and its counts or its error as a sentence."""
    rng, out_dir, fmt = task
    try:
        return rng, warc_ranges.extract_range(rng, out_dir, fmt), None
    except Exception as err:
        return rng, None, "%s: %s" % (type(err).__name__, err)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("inputs", nargs="+", metavar="INPUT", help="a WARC file or a folder of them")
    ap.add_argument("-o", "--out", required=True, metavar="OUT_DIR")
    ap.add_argument("--processes", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--output-format", choices=("auto", "jsonl", "parquet"), default="auto")
    args = ap.parse_args(argv)

    archives = warc_ranges.find_archives(args.inputs)
    fmt = warc_ranges.output_format(args.output_format)
    out_dir = os.path.abspath(args.out)
    os.makedirs(out_dir, exist_ok=True)
    ranges = warc_ranges.plan_ranges(archives, args.processes)

    began = time.monotonic()
    results, failures = [], []
    with multiprocessing.Pool(args.processes) as pool:
        tasks = [(rng, out_dir, fmt) for rng in ranges]
        for rng, counts, error in pool.imap_unordered(run_range, tasks):
            if error is None:
                results.append(counts)
            else:
                failures.append("%s [%d, %s): %s" % (rng.path, rng.start, rng.stop, error))
    return warc_ranges.report(results, failures, time.monotonic() - began)


if __name__ == "__main__":
    sys.exit(main())
