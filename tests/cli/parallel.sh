#!/bin/sh
# parallel.sh LEDE FIXTURES — with --jobs the output is that of one thread.
#
#   - jsonl over a batch of the fixture pages copied many times, with missing
#     paths, empty files and a directory among them: -j 4 and -j 3 give
#     byte-identical output to -j 1, one record per input, and the same exit
#     code (1: some inputs fail)
#   - the same for json (one array) and text (bodies, errors on stderr)
#   - "-" twice: standard input goes to the first, whatever the job count
#   - -j 0 (one job per core) gives the same output too
#   - a bad job count is bad usage: exit 2
. "$(dirname "$0")/lib/common.sh"

# The batch: COPIES rounds of every fixture page, each round followed by a
# missing path, and every fifth by an empty file; then a directory holding
# another round. Positional parameters carry the list (POSIX sh has no
# arrays).
COPIES=30
mkdir "$tmp/pages" "$tmp/dir" || exit 1
set --
round=0
while [ "$round" -lt "$COPIES" ]; do
    for page in "$FIXTURES"/*.html; do
        name=$(basename "$page" .html)
        cp "$page" "$tmp/pages/$name-$round.html" || exit 1
        set -- "$@" "$tmp/pages/$name-$round.html"
    done
    set -- "$@" "$tmp/pages/missing-$round.html"
    if [ $((round % 5)) -eq 0 ]; then
        : >"$tmp/pages/empty-$round.html"
        set -- "$@" "$tmp/pages/empty-$round.html"
    fi
    round=$((round + 1))
done
cp "$FIXTURES"/*.html "$tmp/dir/" || exit 1
: >"$tmp/dir/empty.html"
set -- "$@" "$tmp/dir"
inputs=$#

# same_as_one_job FORMAT JOBS... — each job count gives the output and exit
# code of -j 1 over the batch.
same_as_one_job() {
    format=$1
    shift
    "$LEDE" -j 1 --format "$format" "$@" >"$tmp/one.out" 2>"$tmp/one.err"
    want=$?
    for jobs in $JOB_COUNTS; do
        "$LEDE" $jobs --format "$format" "$@" >"$tmp/many.out" 2>"$tmp/many.err"
        got=$?
        if cmp -s "$tmp/one.out" "$tmp/many.out"; then
            echo "ok: $format $jobs: stdout identical to -j 1"
        else
            fail "$format $jobs: stdout differs from -j 1: $(cmp "$tmp/one.out" "$tmp/many.out")"
        fi
        if cmp -s "$tmp/one.err" "$tmp/many.err"; then
            echo "ok: $format $jobs: stderr identical to -j 1"
        else
            fail "$format $jobs: stderr differs from -j 1"
        fi
        if [ "$got" -eq "$want" ]; then
            echo "ok: $format $jobs: exit $got as with -j 1"
        else
            fail "$format $jobs: exit $got, -j 1 exits $want"
        fi
    done
}

# Each job count is one word, as the list is split on spaces; "-j 4" (two
# words) is used below.
JOB_COUNTS="--jobs=4 --jobs=3 --jobs=0"
same_as_one_job jsonl "$@"

# The jsonl run above must hold one record per input: the pages, the
# missing and empty ones, and the directory's five files.
"$LEDE" -j 1 --format jsonl "$@" >"$tmp/one.jsonl" 2>/dev/null
want_records=$((inputs - 1 + $(ls "$tmp/dir" | wc -l)))
got_records=$(wc -l <"$tmp/one.jsonl")
if [ "$got_records" -eq "$want_records" ]; then
    echo "ok: jsonl: $got_records records for $want_records inputs"
else
    fail "jsonl: $got_records records for $want_records inputs"
fi
if [ "$(grep -c '"error"' "$tmp/one.jsonl")" -gt "$COPIES" ]; then
    echo "ok: jsonl: the batch holds errors"
else
    fail "jsonl: fewer error records than missing paths"
fi
"$LEDE" -j 4 --format jsonl "$@" >/dev/null 2>&1
if [ $? -eq 1 ]; then
    echo "ok: -j 4 with failing inputs exits 1"
else
    fail "-j 4 with failing inputs does not exit 1"
fi

JOB_COUNTS="--jobs=4"
same_as_one_job json "$@"
same_as_one_job text "$@"

# Standard input named twice: the first "-" reads it, the second finds it
# at its end, whatever the job count.
first=$(ls "$FIXTURES"/*.html | head -n 1)
"$LEDE" -j 1 --format jsonl - "$first" - <"$first" >"$tmp/stdin1" 2>/dev/null
want=$?
"$LEDE" -j 4 --format jsonl - "$first" - <"$first" >"$tmp/stdin4" 2>/dev/null
got=$?
if cmp -s "$tmp/stdin1" "$tmp/stdin4" && [ "$got" -eq "$want" ]; then
    echo "ok: stdin twice: -j 4 as -j 1"
else
    fail "stdin twice: -j 4 differs from -j 1 (exit $got, want $want)"
fi

# All good inputs: exit 0 with any job count.
"$LEDE" -j 4 --format jsonl "$FIXTURES/wordpress-news.html" "$FIXTURES/blog-post.html" \
    >/dev/null 2>&1
if [ $? -eq 0 ]; then
    echo "ok: -j 4 with good inputs exits 0"
else
    fail "-j 4 with good inputs does not exit 0"
fi

for bad in -1 x 4x 100000 ""; do
    "$LEDE" -j "$bad" "$first" >/dev/null 2>"$tmp/err"
    code=$?
    if [ "$code" -eq 2 ] && grep -q '^usage:' "$tmp/err"; then
        echo "ok: -j '$bad' is bad usage"
    else
        fail "-j '$bad': exit $code, want 2 and a usage line"
    fi
done
"$LEDE" "$first" -j >/dev/null 2>&1
if [ $? -eq 2 ]; then
    echo "ok: -j without a value is bad usage"
else
    fail "-j without a value is not bad usage"
fi

if [ "$failures" -ne 0 ]; then
    echo "$failures failure(s)"
    exit 1
fi
echo "all parallel checks passed"
