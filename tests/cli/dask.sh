#!/bin/sh
# dask.sh LEDE FIXTURES — examples/dask_warc.py on a LocalCluster of two
# worker processes over two WARC files (one plain, one gzip'ed per record,
# with damaged records): one JSON Lines file per WARC, holding one record
# per HTML response and damaged stretch, the same records as lede --warc
# gives by itself. Exits 77 (skipped) when no python3 here has Dask.
. "$(dirname "$0")/lib/common.sh"
HERE=$(cd "$(dirname "$0")" && pwd)
EXAMPLE=$HERE/../../examples/dask_warc.py

# Debian's Dask lives with the system python3, which need not be the first
# python3 on PATH.
PY=
for candidate in /usr/bin/python3 python3; do
    if "$candidate" -c 'import dask.bag, distributed' 2>/dev/null; then
        PY=$candidate
        break
    fi
done
if [ -z "$PY" ]; then
    echo "SKIP: no python3 with dask and distributed (scripts/install-deps installs them)"
    exit 77
fi

mkdir "$tmp/in" "$tmp/out" || exit 1
python3 "$HERE/make_warc.py" test "$FIXTURES" "$tmp/in/a.warc" || exit 1
python3 "$HERE/make_warc.py" test "$FIXTURES" "$tmp/in/b.warc.gz" --gzip || exit 1
mv "$tmp/in/"*.expect.json "$tmp/" || exit 1

"$PY" "$EXAMPLE" "$tmp/in" "$tmp/out" --workers 2 --lede "$LEDE" >"$tmp/log" 2>"$tmp/err"
code=$?
[ "$code" -eq 0 ] || fail "dask_warc.py: exit $code: $(tail -5 "$tmp/err")"
grep -q "^total: 2 files" "$tmp/log" || fail "no total line: $(cat "$tmp/log")"

for f in a.warc b.warc.gz; do
    [ -f "$tmp/out/$f.jsonl" ] || { fail "$f: no $f.jsonl"; continue; }
    python3 - "$tmp/out/$f.jsonl" "$tmp/$f.expect.json" "$tmp/in/$f" <<'PYEOF' || fail "$f: records"
import json, sys
out, expect, path = sys.argv[1:]
records = [json.loads(line) for line in open(out, encoding="utf-8")]
want = json.load(open(expect))
assert len(records) == len(want), (len(records), len(want))
for rec, w in zip(records, want):
    assert rec["source"] == "%s:%d" % (path, w["offset"]), (rec["source"], w)
    assert ("error" in rec) == (w["kind"] != "page"), (rec.get("error"), w)
    if w["kind"] == "page":
        assert rec["warc_target_uri"] == w["uri"] and rec["text"], rec["source"]
PYEOF
    "$LEDE" --warc "$tmp/in/$f" --format jsonl >"$tmp/direct.jsonl" 2>/dev/null
    cmp -s "$tmp/direct.jsonl" "$tmp/out/$f.jsonl" || fail "$f: differs from lede --warc"
done
ls "$tmp/out" | grep -q '\.tmp$' && fail "a temporary file was left: $(ls "$tmp/out")"

if [ "$failures" -ne 0 ]; then
    echo "$failures failure(s)"
    exit 1
fi
echo "dask: all passed ($(tail -1 "$tmp/log"))"
