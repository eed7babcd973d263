#!/bin/sh
# corpus.sh LEDE FIXTURES — the options of a corpus pipeline (issue 14):
#
#   - --body markdown|html puts that body in each JSON record beside text,
#     with body_format naming it; text stays plain
#   - --with-metadata opens a text or Markdown body with YAML front matter
#     (the fields the page has) and the headline; with json or html it is
#     a usage error, as --body is without json
#   - --min-confidence and --language turn a page away with an "error" that
#     says why, text null, and still one record per input, exit 0; in text
#     a line on stderr; a bad value is a usage error (exit 2)
#   - -i LIST reads the inputs from a file, one a line, blank lines and
#     CRLF ends passed over; an empty list does nothing
#   - --no-links, --no-images and --no-tables leave those out of the body
#     (links as their text; tables out of the text too)
. "$(dirname "$0")/lib/common.sh"

news=$FIXTURES/wordpress-news.html
blog=$FIXTURES/blog-post.html
table=$FIXTURES/table-and-list.html

# check NAME PYTHON-ASSERTS FILE: the JSON Lines in FILE (as recs) pass.
check() {
    if python3 - "$3" <<PY
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
$2
PY
    then echo "ok: $1"; else fail "$1: $(head -c 300 "$3")"; fi
}

"$LEDE" --format jsonl --body markdown "$news" "$blog" >"$tmp/md.jsonl"
check "--body markdown" '
assert len(recs) == 2
for r in recs:
    assert r["body_format"] == "markdown" and r["body"] and r["text"]
    assert r["body"] != r["text"]
assert "**" not in recs[1]["text"]' "$tmp/md.jsonl"
"$LEDE" --format jsonl --body html "$news" >"$tmp/html.jsonl"
check "--body html" '
assert recs[0]["body_format"] == "html" and recs[0]["body"].startswith("<article")' "$tmp/html.jsonl"
"$LEDE" --format jsonl "$news" >"$tmp/plain.jsonl"
check "no --body, no body field" 'assert "body" not in recs[0]' "$tmp/plain.jsonl"

"$LEDE" --with-metadata --format markdown "$news" >"$tmp/front.md"
if python3 - "$tmp/front.md" <<'PY'
import json, sys
doc = open(sys.argv[1]).read()
assert doc.startswith("---\n"), doc[:80]
head, rest = doc[4:].split("\n---\n\n", 1)
fields = {}
for line in head.split("\n"):
    key, value = line.split(": ", 1)
    fields[key] = json.loads(value)  # JSON strings and arrays are YAML too
assert fields["title"].startswith("Millbrook council approves"), fields
assert fields["author"] == "Jane Doe" and fields["language"] == "en-US", fields
assert fields["tags"] == ["Elm Street bridge", "Town Council", "Willow Creek"], fields
assert "image" not in fields
assert rest.startswith("# Millbrook council approves"), rest[:80]
assert "\n\nMILLBROOK" in rest
PY
then echo "ok: --with-metadata markdown"; else fail "--with-metadata markdown: $(head -c 300 "$tmp/front.md")"; fi
"$LEDE" --with-metadata "$blog" >"$tmp/front.txt"
if head -1 "$tmp/front.txt" | grep -qx -- '---' &&
   grep -qx 'Chasing a slow memory leak in my Raspberry Pi weather station' "$tmp/front.txt"; then
    echo "ok: --with-metadata text"
else
    fail "--with-metadata text: $(head -c 300 "$tmp/front.txt")"
fi

usage() { # NAME ARGS...: a usage error, exit 2
    name=$1
    shift
    "$LEDE" "$@" "$news" >/dev/null 2>"$tmp/err"
    rc=$?
    [ "$rc" = 2 ] && echo "ok: $name is a usage error" || fail "$name exits $rc"
}
usage "--with-metadata with json" --with-metadata --format json
usage "--with-metadata with html" --with-metadata --format html
usage "--body with text" --body markdown
usage "--body text" --format jsonl --body text
usage "--min-confidence 2" --min-confidence 2
usage "--min-confidence x" --min-confidence x
usage "--language en,,fr" --language en,,fr

"$LEDE" --format jsonl --language fr,de "$news" "$blog" >"$tmp/lang.jsonl"
rc=$?
[ "$rc" = 0 ] && echo "ok: filtered pages exit 0" || fail "filtered pages exit $rc"
check "--language fr,de turns both away" '
assert len(recs) == 2
assert recs[0]["error"] == "language '"'"'en-US'"'"' is not one of --language fr,de", recs[0]
assert recs[0]["text"] is None and recs[0]["title"].startswith("Millbrook")' "$tmp/lang.jsonl"
"$LEDE" --format jsonl --language EN "$news" "$blog" >"$tmp/en.jsonl"
check "--language EN keeps en-US and en" '
assert all("error" not in r and r["text"] for r in recs), recs' "$tmp/en.jsonl"
"$LEDE" --format jsonl --min-confidence 0.995 "$news" "$blog" "$table" >"$tmp/conf.jsonl"
check "--min-confidence 0.995" '
assert len(recs) == 3
assert recs[0]["error"].startswith("confidence 0.99 is below --min-confidence"), recs[0]
assert "error" not in recs[1] and "error" not in recs[2]' "$tmp/conf.jsonl"
"$LEDE" --min-confidence 0.995 "$news" >"$tmp/out" 2>"$tmp/err"
if [ ! -s "$tmp/out" ] && grep -q "wordpress-news.html: confidence" "$tmp/err"; then
    echo "ok: a page turned away in text is a line on stderr"
else
    fail "text filter: $(cat "$tmp/out" "$tmp/err" | head -c 200)"
fi

printf '%s\n\n%s\r\n' "$news" "$blog" >"$tmp/list"
"$LEDE" --format jsonl -i "$tmp/list" "$table" >"$tmp/list.jsonl"
check "-i LIST" '
assert [r["source"].rsplit("/", 1)[1] for r in recs] == \
    ["wordpress-news.html", "blog-post.html", "table-and-list.html"], recs' "$tmp/list.jsonl"
: >"$tmp/empty"
"$LEDE" --format jsonl -i "$tmp/empty" </dev/null >"$tmp/out"
rc=$?
[ "$rc" = 0 ] && [ ! -s "$tmp/out" ] && echo "ok: an empty list does nothing" ||
    fail "empty list: exit $rc, $(head -c 100 "$tmp/out")"
"$LEDE" -i "$tmp/missing" >/dev/null 2>&1
rc=$?
[ "$rc" = 1 ] && echo "ok: a missing list exits 1" || fail "missing list exits $rc"

cat >"$tmp/omit.html" <<'PAGE'
<html><head><title>Omit</title></head><body><article><h1>The harbour fares</h1>
<p>The board published the new <a href="/fares.pdf">fare table</a> on Tuesday, and the
islanders who cross every day will pay a little more from the first of the month, as the
figures below show for each kind of ticket the operator sells on both ferries.</p>
<figure><img src="/img/tern.jpg" alt="The Tern at the quay"><figcaption>The Tern at the
north quay.</figcaption></figure>
<table><tr><th>Ticket</th><th>Old</th><th>New</th></tr><tr><td>Single</td><td>4.20</td>
<td>4.50</td></tr><tr><td>Return</td><td>7.80</td><td>8.40</td></tr></table>
<p>The operator says the rise pays for the winter timetable, which keeps a daily crossing
running through the stormy months, and season tickets stay at last year's price for all who
renew before October, <img src="/img/icon.png" alt="ticket icon"> online or at the quay.</p>
</article></body></html>
PAGE
# has NAME PATTERN FILE / lacks NAME PATTERN FILE
has() { grep -qF -- "$2" "$3" && echo "ok: $1" || fail "$1: no '$2' in $(head -c 300 "$3")"; }
lacks() { grep -qF -- "$2" "$3" && fail "$1: '$2' in $(head -c 300 "$3")" || echo "ok: $1"; }
"$LEDE" --markdown "$tmp/omit.html" >"$tmp/all.md"
has "links by default" "[fare table](/fares.pdf)" "$tmp/all.md"
has "pictures by default" "![The Tern at the quay](/img/tern.jpg)" "$tmp/all.md"
has "tables by default" "| Single | 4.20 | 4.50 |" "$tmp/all.md"
"$LEDE" --markdown --no-links "$tmp/omit.html" >"$tmp/nolinks.md"
has "--no-links keeps the words" "the new fare table on Tuesday" "$tmp/nolinks.md"
lacks "--no-links" "](/fares.pdf)" "$tmp/nolinks.md"
has "--no-links alone keeps pictures" "![The Tern" "$tmp/nolinks.md"
"$LEDE" --html --no-links --no-images "$tmp/omit.html" >"$tmp/noimg.html"
lacks "--no-links in html" "<a " "$tmp/noimg.html"
lacks "--no-images in html" "<img" "$tmp/noimg.html"
lacks "--no-images drops the figure" "north quay" "$tmp/noimg.html"
has "--no-images keeps the sentence" "October, online or at the quay" "$tmp/noimg.html"
"$LEDE" --format jsonl --no-tables "$tmp/omit.html" >"$tmp/notables.jsonl"
lacks "--no-tables in the text" "Single" "$tmp/notables.jsonl"
has "--no-tables keeps the prose" "season tickets stay" "$tmp/notables.jsonl"

[ "$failures" = 0 ]
