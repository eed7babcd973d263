#!/bin/sh
# hostile.sh LEDE FIXTURES — a batch that mixes good pages with every kind
# of hostile input gives exactly one JSON line per input, in input order,
# and exit code 1; nothing crashes and nothing hangs.
#
# The hostile inputs are made here, in a temporary folder: an empty file,
# whitespace, binary bytes, a missing path, a folder (which gives one record
# per page below it), a page nested 200,000 elements deep, a file of NUL
# bytes, a gzip'ed page, a page cut off mid-tag, a page with a 5 MB
# attribute and one with 100,000 attributes on an element.
. "$(dirname "$0")/lib/common.sh"

# Run with a time bound where timeout(1) exists: a hang fails, not blocks.
bounded() {
    if command -v timeout >/dev/null 2>&1; then
        timeout 300 "$@"
    else
        "$@"
    fi
}

good=$FIXTURES/wordpress-news.html
blog=$FIXTURES/blog-post.html
prose='<p>The council met on Tuesday, after a long delay, to discuss the budget, the new library and the state of the roads.</p>'

: >"$tmp/empty.html"
printf ' \n\t\r\n   \n' >"$tmp/blank.html"
# binary: a PNG signature, then bytes 0-255 over and over
{
    printf '\211PNG\r\n\032\n'
    awk 'BEGIN { for (i = 0; i < 16384; i++) printf "%c", i % 256 }'
} >"$tmp/binary.png"
# NUL bytes only
dd if=/dev/zero of="$tmp/nul.html" bs=1024 count=64 2>/dev/null
# 200,000 nested elements around a paragraph, never closed
awk -v p="$prose" 'BEGIN {
    printf "<html><body>"
    for (i = 0; i < 200000; i++) printf "<div>"
    for (i = 0; i < 5; i++) print p
}' >"$tmp/deep.html"
gzip -c "$good" >"$tmp/page.html.gz"
head -c 3000 "$good" >"$tmp/cut.html"
printf '<a href="' >>"$tmp/cut.html"
awk -v p="$prose" 'BEGIN {
    printf "<html><body><img src=\"data:image/png;base64,"
    for (i = 0; i < 81920; i++) printf "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"
    printf "\">"
    for (i = 0; i < 5; i++) print p
}' >"$tmp/bigattr.html"
awk -v p="$prose" 'BEGIN {
    printf "<html><body><div"
    for (i = 0; i < 100000; i++) printf " data-a%d=\"%d\"", i, i
    printf ">"
    for (i = 0; i < 5; i++) print p
    print "</div></body></html>"
}' >"$tmp/attrs.html"
mkdir -p "$tmp/dir/sub.html" || exit 1
cp "$blog" "$tmp/dir/a.html"
cp "$tmp/nul.html" "$tmp/dir/b.htm"
cp "$tmp/deep.html" "$tmp/dir/sub.html/c.html"

# ---- the batch ----
bounded "$LEDE" --format jsonl "$good" "$tmp/empty.html" "$tmp/binary.png" "$tmp/missing.html" \
    "$tmp/dir" "$tmp/deep.html" "$tmp/nul.html" "$tmp/page.html.gz" "$tmp/blank.html" \
    "$tmp/cut.html" "$tmp/bigattr.html" "$tmp/attrs.html" "$blog" \
    >"$tmp/out.jsonl" 2>"$tmp/err.txt"
status=$?
if [ "$status" = 1 ]; then
    echo "ok: a batch with hostile inputs exits 1"
else
    fail "a batch with hostile inputs exits $status, want 1 (stderr: $(head -c 500 "$tmp/err.txt"))"
fi

# Each spec is SOURCE:KIND, KIND ok (an article), error, or any.
python3 - "$tmp/out.jsonl" \
    "$good:ok" "$tmp/empty.html:error" "$tmp/binary.png:error" "$tmp/missing.html:error" \
    "$tmp/dir/a.html:ok" "$tmp/dir/b.htm:error" "$tmp/dir/sub.html/c.html:ok" \
    "$tmp/deep.html:ok" "$tmp/nul.html:error" "$tmp/page.html.gz:ok" "$tmp/blank.html:error" \
    "$tmp/cut.html:any" "$tmp/bigattr.html:ok" "$tmp/attrs.html:ok" "$blog:ok" <<'EOF'
import json, sys
path, specs = sys.argv[1], sys.argv[2:]
with open(path, encoding="utf-8") as f:
    data = f.read()
bad = []
if data and not data.endswith("\n"):
    bad.append("output does not end in a newline")
lines = data.split("\n")
if lines and lines[-1] == "":
    lines.pop()
records = []
for i, line in enumerate(lines):
    try:
        records.append(json.loads(line))
    except ValueError as e:
        bad.append("line %d is not one JSON object: %s" % (i + 1, e))
if len(records) != len(specs):
    bad.append("want %d records, got %d" % (len(specs), len(records)))
for i, (spec, rec) in enumerate(zip(specs, records)):
    source, kind = spec.rsplit(":", 1)
    if not isinstance(rec, dict):
        bad.append("record %d is not an object" % i)
        continue
    if rec.get("source") != source:
        bad.append("record %d: source %r, want %r" % (i, rec.get("source"), source))
    is_error = "error" in rec
    if is_error and (not isinstance(rec["error"], str) or not rec["error"]):
        bad.append("record %d (%s): error is not a sentence" % (i, source))
    if not is_error and not isinstance(rec.get("text"), str):
        bad.append("record %d (%s): no text" % (i, source))
    if kind == "ok" and is_error:
        bad.append("record %d (%s): error %r, want an article" % (i, source, rec["error"]))
    if kind == "error" and not is_error:
        bad.append("record %d (%s): an article, want an error" % (i, source))
for line in bad:
    print("  " + line)
sys.exit(1 if bad else 0)
EOF
if [ $? = 0 ]; then
    echo "ok: one record per input, in input order"
else
    fail "jsonl records of the hostile batch"
fi

# The same inputs one by one in the other formats: no crash (exit 0 or 1).
for f in "$tmp/deep.html" "$tmp/nul.html" "$tmp/page.html.gz" "$tmp/cut.html" \
    "$tmp/bigattr.html" "$tmp/attrs.html" "$tmp/binary.png"; do
    for format in text markdown html json; do
        bounded "$LEDE" --format "$format" "$f" >/dev/null 2>&1
        status=$?
        if [ "$status" != 0 ] && [ "$status" != 1 ]; then
            fail "--format $format $f exits $status"
        fi
    done
done
echo "ok: every format survives every hostile input"

# From standard input too.
bounded "$LEDE" --format jsonl <"$tmp/page.html.gz" >"$tmp/stdin.jsonl" 2>/dev/null
status=$?
if [ "$status" = 0 ] && grep -q '"source": *"-"' "$tmp/stdin.jsonl"; then
    echo "ok: a gzip'ed page on standard input"
else
    fail "a gzip'ed page on standard input exits $status"
fi

[ "$failures" = 0 ]
