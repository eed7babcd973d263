#!/bin/sh
# habits.sh LEDE FIXTURES — the peers' habits work (issue 14):
#
#   - --output-format is --format; txt is text and md is markdown;
#     --markdown, --html and --json are --format markdown, html and json
#   - a web address as input is an error record that names it and says
#     that lede does not fetch pages, with the command that pipes one in;
#     the rest of the batch goes on, and the exit status is 1
#   - a folder walk reads *.html.gz and *.htm.gz pages (any letter case)
. "$(dirname "$0")/lib/common.sh"

cat >"$tmp/page.html" <<'PAGE'
<html><head><title>Habits</title></head><body><article><h1>A story of habits</h1>
<p>The first paragraph of the story is long enough to be the article, and it
has <em>some emphasis</em> and a number of words that make it the body.</p>
<p>The second paragraph goes on with more of the same, so that the page is
plainly an article and nothing else, which is all this test needs.</p>
</article></body></html>
PAGE
page=$tmp/page.html

# same NAME ARGS... -- ARGS...: the two command lines print the same bytes.
same() {
    name=$1
    shift
    a=
    while [ "$1" != -- ]; do a="$a $1"; shift; done
    shift
    # shellcheck disable=SC2086
    "$LEDE" $a "$page" >"$tmp/a" 2>&1
    "$LEDE" "$@" "$page" >"$tmp/b" 2>&1
    if [ -s "$tmp/a" ] && cmp -s "$tmp/a" "$tmp/b"; then
        echo "ok: $name"
    else
        fail "$name: '$a' and '$*' differ: $(head -c 200 "$tmp/a") / $(head -c 200 "$tmp/b")"
    fi
}
same "--output-format" --format markdown -- --output-format markdown
same "--output-format=" --format html -- --output-format=html
same "txt" --format text -- --format txt
same "md" --format markdown -- -f md
same "--markdown" --format markdown -- --markdown
same "--html" --format html -- --html
same "--json" --format json -- --json
if "$LEDE" --markdown "$page" | grep -qF '*some emphasis*'; then
    echo "ok: --markdown gives Markdown"
else
    fail "--markdown gives no Markdown emphasis"
fi

# A web address: one error record naming it, the batch goes on, exit 1.
url='https://news.example/a?b=1&c=2'
"$LEDE" --format jsonl "$url" "$page" >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" = 1 ] && echo "ok: a web address exits 1" || fail "a web address exits $rc"
if python3 - "$tmp/out" "$url" <<'PY'
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1])]
url = sys.argv[2]
assert len(recs) == 2, recs
e = recs[0]
assert e["source"] == url and "does not fetch" in e["error"], e
assert "curl -s '%s' | lede --url '%s'" % (url, url) in e["error"], e
assert recs[1].get("text") and not recs[1].get("error"), recs[1]
PY
then
    echo "ok: a web address is an error record that says lede does not fetch"
else
    fail "web address record: $(cat "$tmp/out")"
fi
"$LEDE" "$url" >"$tmp/out" 2>"$tmp/err"
if grep -qF "lede: $url: " "$tmp/err" && grep -q "does not fetch" "$tmp/err"; then
    echo "ok: text format says it on stderr"
else
    fail "text format stderr: $(cat "$tmp/err")"
fi

# A folder of gzip'ed pages.
mkdir "$tmp/dir"
cp "$page" "$tmp/dir/a.html"
gzip -c "$page" >"$tmp/dir/b.html.gz"
gzip -c "$page" >"$tmp/dir/c.HTM.GZ"
gzip -c "$page" >"$tmp/dir/d.txt.gz"
"$LEDE" --format jsonl "$tmp/dir" >"$tmp/out" 2>"$tmp/err" || fail "folder: $(cat "$tmp/err")"
n=$(grep -c '"text":"The first paragraph' "$tmp/out")
if [ "$n" = 3 ] && ! grep -q d.txt.gz "$tmp/out"; then
    echo "ok: a folder walk reads *.html.gz and *.htm.gz"
else
    fail "folder walk: $n articles in: $(cat "$tmp/out")"
fi

[ "$failures" = 0 ]
