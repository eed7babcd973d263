#!/bin/sh
# batch.sh LEDE FIXTURES — a batch gives one record per input, in order,
# whatever goes wrong with some of them, and the exit code says how it went.
#
#   - jsonl over [good page, missing path, directory, empty file, page with
#     no article, binary garbage]: one record per page (a directory gives one
#     per *.html/*.htm file below it, sorted), each failed one with "source"
#     and "error", exit 1; the page without an article keeps its metadata
#   - a page without an article alone is no failure: exit 0
#   - json: one object for one input, an array for several
#   - text: bodies of several inputs separated by one blank line, each after
#     a "==> PATH <==" line naming it; errors on stderr as "lede: PATH: message"
#   - all inputs good: exit 0; bad option or format: exit 2 and a usage line
#   - stdin, as "-" and with no argument: source "-"
. "$(dirname "$0")/lib/common.sh"

# check_records FILE FORMAT SOURCE:KIND... — FILE holds one record per
# SOURCE in that order; KIND is "ok" (an article: "text", no "error"),
# "error" (an "error" sentence, no "text") or "any" (either).
check_records() {
    python3 -c '
import json, sys
path, fmt, specs = sys.argv[1], sys.argv[2], sys.argv[3:]
with open(path, encoding="utf-8") as f:
    data = f.read()
if fmt == "jsonl":
    lines = data.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    records = [json.loads(line) for line in lines]
elif len(specs) == 1:
    records = [json.loads(data)]
    if not isinstance(records[0], dict):
        sys.exit("one input must give one object, not %s" % type(records[0]).__name__)
else:
    records = json.loads(data)
    if not isinstance(records, list):
        sys.exit("several inputs must give an array")
bad = []
if len(records) != len(specs):
    bad.append("want %d records, got %d" % (len(specs), len(records)))
for i, (spec, rec) in enumerate(zip(specs, records)):
    source, kind = spec.rsplit(":", 1)
    if rec.get("source") != source:
        bad.append("record %d: source %r, want %r" % (i, rec.get("source"), source))
    is_error = "error" in rec
    no_article = is_error and isinstance(rec["error"], str) and rec["error"].startswith("no article")
    if is_error and (not isinstance(rec["error"], str) or not rec["error"]):
        bad.append("record %d (%s): error is not a sentence" % (i, source))
    if no_article and (rec.get("text") is not None or not rec.get("title") or not rec.get("type")):
        bad.append("record %d (%s): a page without an article keeps its metadata" % (i, source))
    if is_error and not no_article and set(rec) != {"source", "error"}:
        bad.append("record %d (%s): an error record has other fields" % (i, source))
    if kind == "none" and not no_article:
        bad.append("record %d (%s): want \"no article\" with the metadata" % (i, source))
    if not is_error:
        # the fields every article record carries (null when the page lacks
        # one); records may carry more (confidence, modified, ...)
        fields = ["source", "text", "title", "author", "date", "sitename", "description",
                  "language", "url", "image", "section", "tags"]
        missing = [f for f in fields if f not in rec]
        if missing:
            bad.append("record %d (%s): missing fields %s" % (i, source, missing))
        if not isinstance(rec.get("text"), str):
            bad.append("record %d (%s): text is not a string" % (i, source))
        if rec.get("tags") is not None and not isinstance(rec.get("tags"), list):
            bad.append("record %d (%s): tags is neither null nor an array" % (i, source))
    if kind == "ok" and is_error:
        bad.append("record %d (%s): error %r, want an article" % (i, source, rec["error"]))
    if kind == "error" and not is_error:
        bad.append("record %d (%s): an article, want an error" % (i, source))
for line in bad:
    print("  " + line)
sys.exit(1 if bad else 0)
' "$@"
}

# expect_exit WANT GOT WHAT
expect_exit() {
    if [ "$2" = "$1" ]; then
        echo "ok: $3 exits $1"
    else
        fail "$3 exits $2, want $1"
    fi
}

good=$FIXTURES/wordpress-news.html
none=$FIXTURES/no-article.html
mkdir -p "$tmp/dir/sub" || exit 1
cp "$FIXTURES/blog-post.html" "$tmp/dir/a.html"
cp "$none" "$tmp/dir/b.HTM"
cp "$FIXTURES/table-and-list.html" "$tmp/dir/sub/c.htm"
echo "not a page" >"$tmp/dir/notes.txt"
: >"$tmp/empty.html"
# Binary garbage as an image or an executable has it: a PNG signature, then
# runs of NUL bytes, small integers and high bytes.
python3 -c 'import sys; sys.stdout.buffer.write(b"\x89PNG\r\n\x1a\n" +
    (bytes(range(32)) + bytes(32) + bytes(range(128, 256))) * 32)' >"$tmp/garbage.bin"

# ---- the mixed batch ----
"$LEDE" --format jsonl "$good" "$tmp/missing.html" "$tmp/dir" "$tmp/empty.html" "$none" \
    "$tmp/garbage.bin" >"$tmp/batch.jsonl" 2>"$tmp/batch.err"
expect_exit 1 $? "a batch with bad inputs"
if check_records "$tmp/batch.jsonl" jsonl "$good:ok" "$tmp/missing.html:error" \
    "$tmp/dir/a.html:ok" "$tmp/dir/b.HTM:none" "$tmp/dir/sub/c.htm:ok" \
    "$tmp/empty.html:error" "$none:none" "$tmp/garbage.bin:error"; then
    echo "ok: jsonl batch has one record per input, in order"
else
    fail "jsonl batch records"
fi
if grep -q 'No such file or directory' "$tmp/batch.jsonl"; then
    echo "ok: the missing file's error names the cause"
else
    fail "the missing file's error does not say 'No such file or directory'"
fi

# The same batch as one JSON array.
"$LEDE" --format json "$tmp/missing.html" "$tmp/dir" >"$tmp/batch.json" 2>/dev/null
expect_exit 1 $? "a json batch with a missing file"
if check_records "$tmp/batch.json" json "$tmp/missing.html:error" "$tmp/dir/a.html:any" \
    "$tmp/dir/b.HTM:any" "$tmp/dir/sub/c.htm:any"; then
    echo "ok: json batch is an array of one record per input"
else
    fail "json batch records"
fi

# One input, one object, even when it fails.
"$LEDE" --format json "$tmp/empty.html" >"$tmp/one.json" 2>/dev/null
expect_exit 1 $? "an empty file"
if check_records "$tmp/one.json" json "$tmp/empty.html:error"; then
    echo "ok: json of one failed input is one error object"
else
    fail "json of one failed input"
fi

# ---- all good ----
"$LEDE" --format jsonl "$good" "$FIXTURES/blog-post.html" >"$tmp/good.jsonl" 2>"$tmp/good.err"
expect_exit 0 $? "a batch of good pages"
check_records "$tmp/good.jsonl" jsonl "$good:ok" "$FIXTURES/blog-post.html:ok" ||
    fail "good batch records"

# A page without an article is answered, not lost: no error for the exit
# status, its metadata in the record, the reason on stderr in text form.
"$LEDE" --format jsonl "$good" "$none" >"$tmp/none.jsonl" 2>/dev/null
expect_exit 0 $? "a batch with a page without an article"
check_records "$tmp/none.jsonl" jsonl "$good:ok" "$none:none" || fail "no-article records"
"$LEDE" "$none" >"$tmp/none.txt" 2>"$tmp/none.err"
expect_exit 0 $? "text of a page without an article"
if [ ! -s "$tmp/none.txt" ] && grep -q "no article found" "$tmp/none.err"; then
    echo "ok: text of a page without an article is a line on stderr"
else
    fail "text of a page without an article: stdout $(wc -c <"$tmp/none.txt") bytes, stderr $(head -c 200 "$tmp/none.err")"
fi

# ---- text: separators and error lines ----
"$LEDE" "$good" >"$tmp/one.txt" 2>/dev/null
"$LEDE" "$good" "$tmp/missing.html" "$good" >"$tmp/two.txt" 2>"$tmp/two.err"
expect_exit 1 $? "text with a missing file"
{
    echo "==> $good <=="; cat "$tmp/one.txt"; echo
    echo "==> $good <=="; cat "$tmp/one.txt"
} >"$tmp/two.want"
if cmp -s "$tmp/two.want" "$tmp/two.txt"; then
    echo "ok: text bodies are named and separated by one blank line"
else
    fail "text of two pages is not header, body, blank line, header, body"
fi
if grep -q "^lede: $tmp/missing.html: cannot open file: " "$tmp/two.err"; then
    echo "ok: text errors go to stderr as lede: PATH: message"
else
    fail "stderr of text batch: $(cat "$tmp/two.err")"
fi

# ---- bad usage ----
"$LEDE" --no-such-option "$good" >"$tmp/usage.out" 2>"$tmp/usage.err"
expect_exit 2 $? "an unknown option"
grep -q '^usage: lede' "$tmp/usage.err" || fail "no usage line for an unknown option"
[ -s "$tmp/usage.out" ] && fail "an unknown option printed on stdout"
"$LEDE" --format yaml "$good" >"$tmp/usage.out" 2>"$tmp/usage.err"
expect_exit 2 $? "--format yaml"
grep -q '^usage: lede' "$tmp/usage.err" || fail "no usage line for a bad format"
"$LEDE" --format >/dev/null 2>&1
expect_exit 2 $? "--format without a value"
"$LEDE" --help >"$tmp/help.out" 2>&1
expect_exit 0 $? "--help"
grep -q 'jsonl' "$tmp/help.out" || fail "--help does not describe the formats"
"$LEDE" --version >"$tmp/version.out" 2>&1
expect_exit 0 $? "--version"
grep -Eq '^lede [0-9]+\.[0-9]+\.[0-9]+' "$tmp/version.out" || fail "--version: $(cat "$tmp/version.out")"

# ---- stdin ----
"$LEDE" --format jsonl - <"$good" >"$tmp/stdin1.jsonl" 2>/dev/null
expect_exit 0 $? "a page on stdin as -"
check_records "$tmp/stdin1.jsonl" jsonl "-:ok" || fail "stdin as - records"
"$LEDE" --format jsonl <"$good" >"$tmp/stdin2.jsonl" 2>/dev/null
expect_exit 0 $? "a page on stdin with no argument"
check_records "$tmp/stdin2.jsonl" jsonl "-:ok" || fail "stdin with no argument records"
cat "$good" | "$LEDE" --format jsonl >"$tmp/stdin3.jsonl" 2>/dev/null
expect_exit 0 $? "a page piped to stdin"
check_records "$tmp/stdin3.jsonl" jsonl "-:ok" || fail "piped stdin records"
if cmp -s "$tmp/stdin1.jsonl" "$tmp/stdin3.jsonl"; then
    echo "ok: a pipe and a file on stdin give the same record"
else
    fail "a pipe and a file on stdin give different records"
fi

[ "$failures" = 0 ]
