#!/bin/sh
# dask.sh LEDE FIXTURES — examples/dask_warc.py (lede.iter_warc in Dask
# tasks) on a LocalCluster of two worker processes: see
# lib/warc_example.sh. Exits 77 (skipped) when no python3 here has Dask.
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
if [ "$failures" -ne 0 ]; then
    echo "$failures failure(s)"
    exit 1
fi
echo "dask: all passed"
