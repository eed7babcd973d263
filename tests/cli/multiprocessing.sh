#!/bin/sh
# multiprocessing.sh LEDE FIXTURES — examples/multiprocessing_warc.py
# (lede.iter_warc in a multiprocessing.Pool) with two processes: see
# lib/warc_example.sh.
. "$(dirname "$0")/lib/common.sh"
. "$(dirname "$0")/lib/warc_example.sh"
EXAMPLE=$HERE/../../examples/multiprocessing_warc.py
PY=python3

check_warc_example --processes 2
if [ "$failures" -ne 0 ]; then
    echo "$failures failure(s)"
    exit 1
fi
echo "multiprocessing: all passed"
