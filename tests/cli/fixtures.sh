#!/bin/sh
# fixtures.sh LEDE FIXTURES — every page with an expected text gives exactly
# that text, and the WordPress page gives its expected metadata.
#
# For each FIXTURES/NAME.expected.txt, `lede FIXTURES/NAME.html` must print
# the file byte for byte (the body, then one newline). For wordpress-news,
# `lede --format json` must also carry the fields of
# wordpress-news.expected.json: title, author, sitename and section exactly,
# the date on its YYYY-MM-DD part (ISO 8601 allows the time to be left out),
# and "text" equal to the expected body.
. "$(dirname "$0")/lib/common.sh"

found=0
for expected in "$FIXTURES"/*.expected.txt; do
    [ -f "$expected" ] || continue
    found=1
    name=$(basename "$expected" .expected.txt)
    page=$FIXTURES/$name.html
    if ! "$LEDE" "$page" >"$tmp/$name.out" 2>"$tmp/$name.err"; then
        fail "$name: lede exited with an error: $(cat "$tmp/$name.err")"
        continue
    fi
    if cmp -s "$expected" "$tmp/$name.out"; then
        echo "ok: $name"
    else
        fail "$name: the text differs from $name.expected.txt (- expected, + lede):"
        diff -u "$expected" "$tmp/$name.out" | sed -n '3,80p'
    fi
done
[ "$found" = 1 ] || fail "no *.expected.txt in $FIXTURES"

page=$FIXTURES/wordpress-news.html
if "$LEDE" --format json "$page" >"$tmp/meta.json" 2>"$tmp/meta.err"; then
    if python3 -c '
import json, sys
expected_meta, expected_text, got_path, source = sys.argv[1:5]
with open(expected_meta, encoding="utf-8") as f:
    want = json.load(f)
with open(expected_text, encoding="utf-8") as f:
    want_text = f.read().rstrip("\n")
with open(got_path, encoding="utf-8") as f:
    got = json.load(f)
bad = []
if not isinstance(got, dict):
    sys.exit("--format json of one page is not one object")
if got.get("source") != source:
    bad.append("source: want %r, got %r" % (source, got.get("source")))
for field in ("title", "author", "sitename", "section"):
    if got.get(field) != want[field]:
        bad.append("%s: want %r, got %r" % (field, want[field], got.get(field)))
if (got.get("date") or "")[:10] != want["date"][:10]:
    bad.append("date: want %r, got %r" % (want["date"][:10], got.get("date")))
if got.get("text") != want_text:
    bad.append("text: differs from the expected body")
for line in bad:
    print("  " + line)
sys.exit(1 if bad else 0)
' "$FIXTURES/wordpress-news.expected.json" "$FIXTURES/wordpress-news.expected.txt" \
        "$tmp/meta.json" "$page"; then
        echo "ok: wordpress-news metadata"
    else
        fail "wordpress-news: --format json does not carry the expected metadata"
    fi
else
    fail "wordpress-news: lede --format json exited with an error: $(cat "$tmp/meta.err")"
fi

[ "$failures" = 0 ]
