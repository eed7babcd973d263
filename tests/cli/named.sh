#!/bin/sh
# named.sh LEDE FIXTURES — in a batch (several inputs, a directory, a WARC
# file) each text, Markdown or HTML body follows a header naming its input:
# "==> SOURCE <==" on its own line, "<!-- ==> SOURCE <== -->" for html; a
# single page has none; an input without a body has no header either; a
# name with a newline or a '>' cannot break the header.
. "$(dirname "$0")/lib/common.sh"
HERE=$(dirname "$0")

article() {
    cat <<PAGE
<html><head><title>$1</title></head><body><article>
<p>The $1 paragraph of this story is long enough to be the article, with a
number of words that make it plainly the body of the page and nothing else.</p>
<p>A second paragraph of the $1 story goes on with more of the same words.</p>
</article></body></html>
PAGE
}
article first >"$tmp/a.html"
article second >"$tmp/b.html"
: >"$tmp/empty.html"

expect() {
    if cmp -s "$2" "$3"; then
        echo "ok: $1"
    else
        fail "$1: got:"; cat "$3"; echo "--- want:"; cat "$2"
    fi
}

"$LEDE" "$tmp/a.html" >"$tmp/a.txt"
"$LEDE" "$tmp/b.html" >"$tmp/b.txt"
if grep -q '==>' "$tmp/a.txt"; then fail "a single page got a header"; else echo "ok: one page, no header"; fi

"$LEDE" "$tmp/a.html" "$tmp/empty.html" "$tmp/b.html" >"$tmp/out" 2>/dev/null
{ echo "==> $tmp/a.html <=="; cat "$tmp/a.txt"; echo; echo "==> $tmp/b.html <=="; cat "$tmp/b.txt"; } >"$tmp/want"
expect "text: a header per body, none for the empty input" "$tmp/want" "$tmp/out"

"$LEDE" --format markdown "$tmp/a.html" >"$tmp/a.md"
"$LEDE" --format markdown -j 2 "$tmp/a.html" "$tmp/a.html" >"$tmp/out"
{ echo "==> $tmp/a.html <=="; cat "$tmp/a.md"; echo; echo "==> $tmp/a.html <=="; cat "$tmp/a.md"; } >"$tmp/want"
expect "markdown, two jobs" "$tmp/want" "$tmp/out"

mkdir "$tmp/d"
cp "$tmp/a.html" "$tmp/d/x.html"
"$LEDE" --format html "$tmp/d" >"$tmp/out"
"$LEDE" --format html "$tmp/a.html" >"$tmp/a.htm"
{ echo "<!-- ==> $tmp/d/x.html <== -->"; cat "$tmp/a.htm"; } >"$tmp/want"
expect "html: a directory of one page is named, in a comment" "$tmp/want" "$tmp/out"

python3 "$HERE/make_warc.py" pages "$tmp/p.warc" "$tmp/a.html" "$tmp/b.html" || exit 1
"$LEDE" "$tmp/p.warc" >"$tmp/out"
if [ "$(grep -c "^==> $tmp/p.warc:[0-9]* <==\$" "$tmp/out")" = 2 ]; then
    echo "ok: WARC records named FILE:OFFSET"
else
    fail "WARC headers: $(grep '==>' "$tmp/out")"
fi

odd="$tmp/odd
-->x.html"
cp "$tmp/a.html" "$odd"
"$LEDE" --format html "$odd" "$tmp/a.html" >"$tmp/out"
if [ "$(grep -c -- '-->' "$tmp/out")" = 2 ] && grep -qF -- "odd?--%3Ex.html <== -->" "$tmp/out"; then
    echo "ok: a name with a newline and '-->' stays one comment"
else
    fail "odd name: $(grep -- '-->' "$tmp/out")"
fi

[ "$failures" = 0 ]
