#!/bin/sh
# outdir.sh LEDE FIXTURES — --output-dir DIR (-o DIR) writes one file per
# article: named from the input's path without its extension, '/' made '_'
# (so that index.html in two folders do not meet), or from a WARC record's
# target URI and offset; the format's extension; nothing on stdout; a file
# already there is left as it is (an error line, exit 1) unless --force;
# lost inputs are error lines on stderr; DIR is created when missing.
. "$(dirname "$0")/lib/common.sh"
HERE=$(cd "$(dirname "$0")" && pwd)

article() {
    cat <<PAGE
<html><head><title>$1</title></head><body><article>
<p>The $1 paragraph of this story is long enough to be the article, with a
number of words that make it plainly the body of the page and nothing else.</p>
<p>A second paragraph of the $1 story goes on with more of the same words.</p>
</article></body></html>
PAGE
}
mkdir -p "$tmp/in/a" "$tmp/in/b"
article first >"$tmp/in/a/index.html"
article second >"$tmp/in/b/index.html"
gzip -c "$tmp/in/a/index.html" >"$tmp/in/b/z.HTM.GZ"

cd "$tmp" || exit 1
"$LEDE" --format markdown -o out in >stdout 2>stderr
rc=$?
[ "$rc" = 0 ] && echo "ok: exit 0" || fail "exit $rc: $(cat stderr)"
[ -s stdout ] && fail "stdout not empty: $(head -c 200 stdout)" || echo "ok: nothing on stdout"
want="in_a_index.md
in_b_index.md
in_b_z.md"
if [ "$(ls out)" = "$want" ]; then
    echo "ok: one file per page, named from its path"
else
    fail "files: $(ls out)"
fi
"$LEDE" --format markdown in/b/index.html >b.md
cmp -s b.md out/in_b_index.md && echo "ok: a file holds the page's body" ||
    fail "out/in_b_index.md differs from the body"

# No overwrite without --force: the file stays, the input is an error.
echo keep >out/in_a_index.md
"$LEDE" --format markdown --output-dir=out in/a/index.html 2>stderr
rc=$?
if [ "$rc" = 1 ] && [ "$(cat out/in_a_index.md)" = keep ] && grep -q "exists" stderr; then
    echo "ok: an existing file is left as it is, exit 1"
else
    fail "no --force: exit $rc, file $(head -c 40 out/in_a_index.md), stderr $(cat stderr)"
fi
"$LEDE" --format markdown --output-dir out --force in/a/index.html 2>stderr ||
    fail "--force: $(cat stderr)"
grep -q "first paragraph" out/in_a_index.md && echo "ok: --force overwrites" ||
    fail "--force did not overwrite"

# JSON Lines: each record a JSON file; a lost input a line on stderr.
"$LEDE" --format jsonl -o js in/a/index.html missing.html >stdout 2>stderr
rc=$?
if [ "$rc" = 1 ] && [ ! -s stdout ] && grep -q "^lede: missing.html: cannot open" stderr &&
    python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["text"]' js/in_a_index.json; then
    echo "ok: jsonl record as a file, the lost input on stderr"
else
    fail "jsonl: exit $rc, $(ls js), $(cat stderr)"
fi

# A WARC record: named from its target URI and offset.
python3 "$HERE/make_warc.py" pages p.warc in/a/index.html || exit 1
"$LEDE" -o w p.warc 2>stderr || fail "warc: $(cat stderr)"
if ls w | grep -Eq '^pages\.example_0_index\.html-[0-9]+\.txt$'; then
    echo "ok: a WARC record is named from its URI and offset"
else
    fail "warc names: $(ls w)"
fi

# Not a directory.
: >afile
"$LEDE" -o afile in/a/index.html 2>stderr
rc=$?
[ "$rc" = 1 ] && grep -q "not a directory" stderr && echo "ok: -o FILE is refused" ||
    fail "-o FILE: exit $rc, $(cat stderr)"

[ "$failures" = 0 ]
