#!/usr/bin/env python3
"""dask_warc.py — extract the articles of every WARC file in a folder on Dask.

    python3 examples/dask_warc.py IN_DIR OUT_DIR [--workers N]
                                  [--scheduler HOST:PORT] [--lede PATH]

Every IN_DIR/*.warc and *.warc.gz is one task, and one partition of the
output: the task runs `lede --warc FILE --format jsonl` and streams its
records into OUT_DIR/FILE.jsonl (through a temporary name, so a file that is
there is complete), or OUT_DIR/FILE.parquet when pyarrow is installed and
--parquet is given. Memory per task is lede's: one record at a time.

Without --scheduler the tasks run on a LocalCluster of N worker processes
(default: one per core); with it, on the cluster of that scheduler — each
worker then needs lede on its PATH (or at --lede) and IN_DIR and OUT_DIR on a
shared file system.

Prints one line per file (records, pages, errors) and a total; exits 1 when
a file could not be processed at all.
"""
import argparse
import glob
import json
import os
import shutil
import subprocess
import sys


def extract_file(path, out_dir, lede, parquet):
    """One task: FILE -> OUT_DIR/FILE.jsonl (or .parquet). Returns counts."""
    name = os.path.basename(path)
    out = os.path.join(out_dir, name + ".jsonl")
    tmp = out + ".tmp"
    with open(tmp, "wb") as f:
        proc = subprocess.run([lede, "--warc", path, "--format", "jsonl", "--quiet"],
                              stdout=f, stderr=subprocess.PIPE)
    # 0: every HTML response gave an article; 1: some gave an error record.
    if proc.returncode not in (0, 1):
        os.unlink(tmp)
        return {"file": name, "failed": proc.stderr.decode("utf-8", "replace").strip()}
    records = errors = 0
    with open(tmp, encoding="utf-8") as f:
        for line in f:
            records += 1
            errors += "error" in json.loads(line)
    os.replace(tmp, out)
    if parquet:
        import pyarrow.json as pj
        import pyarrow.parquet as pq
        pq.write_table(pj.read_json(out), os.path.join(out_dir, name + ".parquet"))
        os.unlink(out)
    return {"file": name, "records": records, "pages": records - errors, "errors": errors}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[1])
    ap.add_argument("in_dir")
    ap.add_argument("out_dir")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--scheduler", help="address of a running Dask scheduler")
    ap.add_argument("--lede", default=shutil.which("lede") or "lede", help="the lede binary")
    ap.add_argument("--parquet", action="store_true", help="write Parquet (needs pyarrow)")
    args = ap.parse_args(argv)

    import dask.bag as db
    from dask.distributed import Client, LocalCluster

    files = sorted(glob.glob(os.path.join(args.in_dir, "*.warc")) +
                   glob.glob(os.path.join(args.in_dir, "*.warc.gz")))
    if not files:
        sys.exit("dask_warc: no *.warc or *.warc.gz in %s" % args.in_dir)
    os.makedirs(args.out_dir, exist_ok=True)
    lede = os.path.abspath(args.lede) if os.path.exists(args.lede) else args.lede

    if args.scheduler:
        client, cluster = Client(args.scheduler), None
    else:
        cluster = LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                               dashboard_address=None)
        client = Client(cluster)
    try:
        bag = db.from_sequence(files, npartitions=len(files))
        results = bag.map(extract_file, os.path.abspath(args.out_dir), lede,
                          args.parquet).compute()
    finally:
        client.close()
        if cluster:
            cluster.close()

    failed = 0
    total = {"records": 0, "pages": 0, "errors": 0}
    for r in results:
        if "failed" in r:
            failed += 1
            print("%s: FAILED: %s" % (r["file"], r["failed"]))
            continue
        print("%(file)s: %(records)d records, %(pages)d pages, %(errors)d errors" % r)
        for k in total:
            total[k] += r[k]
    print("total: %d files, %d records, %d pages, %d errors"
          % (len(results), total["records"], total["pages"], total["errors"]))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
