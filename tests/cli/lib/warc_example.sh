# tests/cli/lib/warc_example.sh — what the tests of the WARC examples
# (dask.sh, multiprocessing.sh) share. Sourced after common.sh, with PY the
# python3 to run them with and EXAMPLE the script: two archives (one plain,
# one gzip'ed per record, both with damaged records) in $tmp/in, more tasks
# than archives so an archive is cut into byte ranges, and the records
# of each archive's parts, in order, those of `lede --warc` (as parsed JSON:
# Python and C print floats with different digits); a missing input stops
# the script at once, naming it. Runs with the library of the build tree
# (LEDE_LIBRARY) and the package of the source tree (PYTHONPATH).
HERE=$(cd "$(dirname "$0")" && pwd)
LEDE_LIBRARY=${LEDE_LIBRARY:-$(cd "$(dirname "$LEDE")" && pwd)/liblede.so.0}
PYTHONPATH=$HERE/../../python
export LEDE_LIBRARY PYTHONPATH

# check_warc_example [OPTION...]: run $EXAMPLE over $tmp/in with OPTIONs.
check_warc_example() {
    mkdir "$tmp/in" "$tmp/out" || exit 1
    python3 "$HERE/make_warc.py" test "$FIXTURES" "$tmp/in/a.warc" || exit 1
    python3 "$HERE/make_warc.py" test "$FIXTURES" "$tmp/in/b.warc.gz" --gzip || exit 1
    mv "$tmp/in/"*.expect.json "$tmp/" || exit 1

    "$PY" "$EXAMPLE" "$tmp/in" -o "$tmp/out" --output-format jsonl "$@" >"$tmp/log" 2>"$tmp/err"
    code=$?
    [ "$code" -eq 0 ] || fail "$EXAMPLE: exit $code: $(tail -5 "$tmp/err")"
    grep -q "^total: 2 files, .* 0 failed tasks" "$tmp/log" || fail "no total line: $(cat "$tmp/log")"
    parts=$(ls "$tmp/out/" | grep -c '\.jsonl$')
    [ "$parts" -gt 2 ] || fail "$parts parts of 2 archives: none cut into ranges"
    for f in a.warc b.warc.gz; do
        "$LEDE" --warc "$tmp/in/$f" --format jsonl >"$tmp/direct.jsonl" 2>/dev/null
        cat "$tmp/out/$f".*.jsonl >"$tmp/parts.jsonl"
        python3 - "$tmp/parts.jsonl" "$tmp/direct.jsonl" "$tmp/$f.expect.json" <<'PYEOF' ||
import json, sys
parts, direct, expect = sys.argv[1:]
got = [json.loads(line) for line in open(parts, encoding="utf-8")]
want = [json.loads(line) for line in open(direct, encoding="utf-8")]
kinds = [w["kind"] for w in json.load(open(expect))]
assert len(got) == len(want) == len(kinds), (len(got), len(want), len(kinds))
assert {"page", "error"} <= set(kinds), kinds
for g, w in zip(got, want):
    assert g == w, (g.get("source"), w.get("source"))
PYEOF
            fail "$f: the parts' records are not lede --warc's"
    done
    ls "$tmp/out" | grep -q '\.tmp$' && fail "a temporary file was left: $(ls "$tmp/out")"

    "$PY" "$EXAMPLE" "$tmp/in/a.warc" "$tmp/in/missing.warc.gz" -o "$tmp/out2" "$@" \
        >"$tmp/log" 2>"$tmp/err" && fail "a missing input: exit 0"
    grep -q "missing.warc.gz: no such file" "$tmp/err" || fail "a missing input: $(cat "$tmp/err")"
    [ -e "$tmp/out2" ] && fail "a missing input: the work started"
    if ! "$PY" -c 'import pyarrow.parquet' 2>/dev/null; then
        "$PY" "$EXAMPLE" "$tmp/in" -o "$tmp/out3" --output-format parquet "$@" \
            >"$tmp/log" 2>"$tmp/err" && fail "parquet without pyarrow: exit 0"
        grep -q "needs pyarrow" "$tmp/err" || fail "parquet without pyarrow: $(cat "$tmp/err")"
    fi
}
