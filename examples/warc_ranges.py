"""warc_ranges.py — what examples/dask_warc.py and
examples/multiprocessing_warc.py share: find the archives, cut them into
byte ranges (one task each), and extract a range with lede.iter_warc into
one output partition.

A range is (path, part, start, stop): lede.iter_warc(path, start=start,
stop=stop) gives the records whose offset is in [start, stop), so cuts at
any bytes put each record in exactly one range. The records before START
are read but not extracted, so a file is cut only into as many ranges as it
takes to keep the workers busy (see plan_ranges).

Output: OUT/NAME.PART.jsonl (or .parquet), PART four digits in file order,
written under a temporary name and renamed when complete; the .jsonl parts
of a file, concatenated in order, are the records `lede --warc FILE
--format jsonl` prints.
"""
import glob
import json
import os
import sys
from typing import Any, Dict, Iterator, List, NamedTuple, Optional, Sequence

try:
    import lede
except ImportError as _err:  # the message a user needs, not a traceback
    sys.exit("lede is not importable (%s): pip install ./python as the README "
             "says, or run with PYTHONPATH=python from the source tree" % _err)

WARC_SUFFIXES = (".warc", ".warc.gz")

# The fields of an Article that `lede --format jsonl` writes on every
# record, in its order; comments and truncated are written only when set.
ARTICLE_FIELDS = ("text", "title", "author", "authors", "date", "modified", "sitename",
                  "description", "language", "url", "image", "section", "tags", "type",
                  "confidence")
WARC_FIELDS = (("warc_target_uri", "target_uri"), ("warc_record_id", "record_id"),
               ("warc_date", "date"))

# How many tasks per worker thread plan_ranges aims at when files are fewer:
# more than one, so a worker that finishes early takes another range.
TASKS_PER_THREAD = 2


class Range(NamedTuple):
    path: str
    part: int
    start: int
    stop: Optional[int]  # None: to the end of the file


def find_archives(inputs: Sequence[str]) -> List[str]:
    """The archives named by INPUTS (files, or folders whose *.warc and
    *.warc.gz are taken, sorted), as absolute paths. Exits with a message
    naming the first input that is missing or holds no archive, before any
    work starts."""
    archives: List[str] = []
    for name in inputs:
        if os.path.isdir(name):
            found = sorted(p for s in WARC_SUFFIXES for p in glob.glob(os.path.join(name, "*" + s)))
            if not found:
                sys.exit("%s: no *.warc or *.warc.gz in this folder" % name)
            archives.extend(found)
        elif os.path.isfile(name):
            archives.append(name)
        else:
            sys.exit("%s: no such file or folder" % name)
    return [os.path.abspath(p) for p in archives]


def output_format(requested: str) -> str:
    """"parquet" or "jsonl": REQUESTED, or for "auto" Parquet when pyarrow
    is importable here. Exits when Parquet is asked for and pyarrow is
    missing, before any work starts."""
    if requested == "jsonl":
        return "jsonl"
    try:
        import pyarrow  # noqa: F401
        import pyarrow.parquet  # noqa: F401
    except ImportError:
        if requested == "parquet":
            sys.exit("--output-format parquet needs pyarrow, which is not installed "
                     "(Debian 12 has no package of it: pip install pyarrow)")
        return "jsonl"
    return "parquet"


def plan_ranges(archives: Sequence[str], threads: int) -> List[Range]:
    """One range per archive when they are at least TASKS_PER_THREAD *
    THREADS; else each archive cut into byte ranges in proportion to its
    size, so that about that many tasks share the work."""
    tasks = TASKS_PER_THREAD * max(1, threads)
    if len(archives) >= tasks:
        return [Range(p, 0, 0, None) for p in archives]
    sizes = [os.path.getsize(p) for p in archives]
    total = sum(sizes) or 1
    ranges: List[Range] = []
    for path, size in zip(archives, sizes):
        parts = max(1, round(tasks * size / total))
        cuts = [size * i // parts for i in range(parts)]
        for part, start in enumerate(cuts):
            stop = cuts[part + 1] if part + 1 < parts else None
            ranges.append(Range(path, part, start, stop))
    return ranges


def record_json(record: "lede.WarcRecord") -> Dict[str, Any]:
    """RECORD as `lede --warc --format jsonl` writes it."""
    out: Dict[str, Any] = {"source": record.source}
    if record.error is not None:
        out["error"] = record.error
    article = record.article
    if article is not None:
        for name in ARTICLE_FIELDS:
            out[name] = article[name]
        if article.comments is not None:
            out["comments"] = article.comments
        if article.truncated:
            out["truncated"] = True
        for key, attr in WARC_FIELDS:
            value = getattr(record, attr)
            if value is not None:
                out[key] = value
    return out


def _records(rng: Range) -> Iterator[Dict[str, Any]]:
    for record in lede.iter_warc(rng.path, start=rng.start, stop=rng.stop):
        yield record_json(record)


def extract_range(rng: Range, out_dir: str, fmt: str) -> Dict[str, Any]:
    """One task: the records of RNG into OUT_DIR/NAME.PART.FMT. Returns
    the range's counts: records, pages (with an article), errors."""
    out = os.path.join(out_dir, "%s.%04d.%s" % (os.path.basename(rng.path), rng.part, fmt))
    tmp = out + ".tmp"
    counts = {"file": rng.path, "part": rng.part, "records": 0, "errors": 0}
    rows: List[Dict[str, Any]] = []
    try:
        with open(tmp, "w", encoding="utf-8") as f:
            for row in _records(rng):
                counts["records"] += 1
                counts["errors"] += "error" in row
                if fmt == "parquet":
                    rows.append(row)
                else:
                    f.write(json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n")
        if fmt == "parquet":
            import pyarrow
            import pyarrow.parquet
            pyarrow.parquet.write_table(pyarrow.Table.from_pylist(rows), tmp)
        os.replace(tmp, out)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    counts["pages"] = counts["records"] - counts["errors"]
    return counts


def report(results: Sequence[Dict[str, Any]], failures: Sequence[str], seconds: float) -> int:
    """Print one line per archive and a total; the exit status."""
    per_file: Dict[str, Dict[str, int]] = {}
    for r in results:
        total = per_file.setdefault(r["file"], {"records": 0, "pages": 0, "errors": 0, "parts": 0})
        for key in ("records", "pages", "errors"):
            total[key] += r[key]
        total["parts"] += 1
    for name in sorted(per_file):
        print("%s: %d records, %d pages, %d errors (%d parts)"
              % ((name,) + tuple(per_file[name][k] for k in ("records", "pages", "errors", "parts"))))
    for failure in failures:
        print("FAILED: %s" % failure)
    records = sum(t["records"] for t in per_file.values())
    print("total: %d files, %d records, %d pages, %d errors, %d failed tasks, "
          "%.2f s, %.1f records/s"
          % (len(per_file), records, sum(t["pages"] for t in per_file.values()),
             sum(t["errors"] for t in per_file.values()), len(failures), seconds,
             records / seconds if seconds > 0 else 0.0))
    return 1 if failures else 0
