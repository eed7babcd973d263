#!/bin/sh
# dask.sh LEDE FIXTURES — examples/dask_warc.py (lede.iter_warc in Dask
# tasks) on a LocalCluster of two worker processes (see
# lib/warc_example.sh), then against the address of a scheduler started
# here, with the same output. Exits 77 (skipped) when no python3 here has
# Dask.
. "$(dirname "$0")/lib/common.sh"
. "$(dirname "$0")/lib/warc_example.sh"
EXAMPLE=$HERE/../../examples/dask_warc.py

# Debian's Dask lives with the system python3, which need not be the first
# python3 on PATH.
PY=
for candidate in /usr/bin/python3 python3; do
    if "$candidate" -c 'import dask, distributed' 2>/dev/null; then
        PY=$candidate
        break
    fi
done
if [ -z "$PY" ]; then
    echo "SKIP: no python3 with dask and distributed (scripts/install-deps installs them)"
    exit 77
fi

check_warc_example --workers 2

# Against a scheduler's address: a scheduler and two single-threaded worker
# processes of their own, started in $tmp (where examples/ is not on their
# path: the script uploads its tasks), write what the LocalCluster wrote.
# stop PID... in turn, each given up to 30 s to close what it started
stop() {
    for pid in "$@"; do
        kill "$pid" 2>/dev/null || continue
        n=0
        while kill -0 "$pid" 2>/dev/null && [ "$n" -lt 30 ]; do sleep 1; n=$((n + 1)); done
        kill -9 "$pid" 2>/dev/null
    done
}
scheduler= workers=
trap 'stop $workers $scheduler; rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
"$PY" -m distributed.cli.dask_scheduler --host 127.0.0.1 --port 0 --dashboard-address :0 \
    --scheduler-file "$tmp/scheduler.json" >"$tmp/scheduler.log" 2>&1 &
scheduler=$!
n=0
until [ -s "$tmp/scheduler.json" ] || [ "$n" -ge 60 ]; do sleep 1; n=$((n + 1)); done
"$PY" -m distributed.cli.dask_worker --scheduler-file "$tmp/scheduler.json" --nworkers 2 \
    --nthreads 1 --no-dashboard --local-directory "$tmp/workers" >"$tmp/workers.log" 2>&1 &
workers=$!
address=$("$PY" -c 'import json, sys; print(json.load(open(sys.argv[1]))["address"])' \
    "$tmp/scheduler.json") || fail "no scheduler address: $(tail -3 "$tmp/scheduler.log")"
"$PY" - "$address" <<'PYEOF' || fail "the workers did not come: $(tail -3 "$tmp/workers.log")"
import sys
from dask.distributed import Client
with Client(sys.argv[1], timeout=60) as client:
    client.wait_for_workers(2, timeout=60)
PYEOF
"$PY" "$EXAMPLE" "$tmp/in" -o "$tmp/out_sched" --scheduler "$address" --output-format jsonl \
    >"$tmp/log" 2>"$tmp/err" || fail "--scheduler $address: $(tail -5 "$tmp/err")"
for f in a.warc b.warc.gz; do
    cat "$tmp/out/$f".*.jsonl >"$tmp/local.jsonl"
    cat "$tmp/out_sched/$f".*.jsonl >"$tmp/sched.jsonl" 2>/dev/null
    cmp -s "$tmp/local.jsonl" "$tmp/sched.jsonl" || fail "$f: --scheduler wrote other records"
done
if [ "$failures" -ne 0 ]; then
    echo "$failures failure(s)"
    exit 1
fi
echo "dask: all passed"
