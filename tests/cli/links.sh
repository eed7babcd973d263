#!/bin/sh
# links.sh LEDE FIXTURES — every href and src of the Markdown and HTML
# bodies is resolved (RFC 3986) against the page's <base href>, else --url,
# else, for a WARC record, its WARC-Target-URI; javascript: links stay
# dropped, and without any base the links stay as the page wrote them.
. "$(dirname "$0")/lib/common.sh"
HERE=$(dirname "$0")

# PAGE BASE_ELEMENT: a synthetic article with relative links.
page() {
    cat <<PAGE
<html><head><title>Links</title>$2</head><body><article><h1>A story with links</h1>
<p>The first paragraph of the story is long enough to be the article, and it
points to <a href="../guide/intro.html">the guide</a>, to <a href="/about">the
about page</a> and to <a href="javascript:alert(1)">a script</a> as it goes on.</p>
<p>The second paragraph shows <img src="img/chart.png" alt="a chart"> and links
to <a href="?page=2#top">the next page</a> of the story and to
<a href="https://other.example/x">another site</a>, with some more words.</p>
</article></body></html>
PAGE
}
page "$1" "" >"$tmp/plain.html"
page "$1" '<base href="https://cdn.example/docs/v2/">' >"$tmp/absbase.html"
page "$1" '<base href="/docs/v2/">' >"$tmp/relbase.html"

# expect NAME FILE NEEDLE: FILE holds NEEDLE as a fixed string.
expect() {
    if grep -qF -- "$3" "$2"; then
        echo "ok: $1"
    else
        fail "$1: no \"$3\" in: $(cat "$2")"
    fi
}
refuse() {
    if grep -qF -- "$3" "$2"; then
        fail "$1: \"$3\" in: $(cat "$2")"
    else
        echo "ok: $1"
    fi
}

url=https://news.example/world/2024/story.html
"$LEDE" --format markdown --url "$url" "$tmp/plain.html" >"$tmp/o.md" 2>"$tmp/err" ||
    fail "markdown --url: $(cat "$tmp/err")"
expect "--url: ../ resolved" "$tmp/o.md" "[the guide](https://news.example/world/guide/intro.html)"
expect "--url: /path resolved" "$tmp/o.md" "[the about page](https://news.example/about)"
expect "--url: image resolved" "$tmp/o.md" "![a chart](https://news.example/world/2024/img/chart.png)"
expect "--url: query resolved" "$tmp/o.md" "(https://news.example/world/2024/story.html?page=2#top)"
expect "--url: absolute kept" "$tmp/o.md" "[another site](https://other.example/x)"
refuse "--url: javascript dropped" "$tmp/o.md" "javascript"

"$LEDE" --format html --url "$url" "$tmp/plain.html" >"$tmp/o.html" 2>"$tmp/err" ||
    fail "html --url: $(cat "$tmp/err")"
expect "html --url: href" "$tmp/o.html" 'href="https://news.example/world/guide/intro.html"'
expect "html --url: src" "$tmp/o.html" 'src="https://news.example/world/2024/img/chart.png"'
refuse "html --url: javascript dropped" "$tmp/o.html" "javascript"

"$LEDE" --format markdown "$tmp/plain.html" >"$tmp/o.md" 2>"$tmp/err" ||
    fail "markdown: $(cat "$tmp/err")"
expect "no base: links as written" "$tmp/o.md" "[the guide](../guide/intro.html)"

"$LEDE" --format markdown --url "$url" "$tmp/absbase.html" >"$tmp/o.md" 2>"$tmp/err" ||
    fail "markdown <base>: $(cat "$tmp/err")"
expect "<base> wins over --url" "$tmp/o.md" "[the guide](https://cdn.example/docs/guide/intro.html)"
expect "<base>: image" "$tmp/o.md" "(https://cdn.example/docs/v2/img/chart.png)"
"$LEDE" --format markdown "$tmp/absbase.html" >"$tmp/o.md" 2>"$tmp/err" ||
    fail "markdown <base> alone: $(cat "$tmp/err")"
expect "<base> without --url" "$tmp/o.md" "(https://cdn.example/docs/v2/img/chart.png)"

"$LEDE" --format markdown --url "$url" "$tmp/relbase.html" >"$tmp/o.md" 2>"$tmp/err" ||
    fail "markdown relative <base>: $(cat "$tmp/err")"
expect "relative <base> against --url" "$tmp/o.md" "(https://news.example/docs/v2/img/chart.png)"

# A WARC record resolves against its WARC-Target-URI, with no option.
python3 "$HERE/make_warc.py" pages "$tmp/p.warc" "$tmp/plain.html" || exit 1
"$LEDE" --format markdown "$tmp/p.warc" >"$tmp/o.md" 2>"$tmp/err" ||
    fail "markdown warc: $(cat "$tmp/err")"
expect "WARC target URI" "$tmp/o.md" "![a chart](https://pages.example/0/img/chart.png)"
expect "WARC target URI: ../" "$tmp/o.md" "[the guide](https://pages.example/guide/intro.html)"

# --url, the user's word, wins over the record's URI, as --encoding does.
"$LEDE" --format markdown --url "$url" "$tmp/p.warc" >"$tmp/o.md" 2>"$tmp/err" ||
    fail "markdown warc --url: $(cat "$tmp/err")"
expect "--url wins over the WARC target URI" "$tmp/o.md" "![a chart](https://news.example/world/2024/img/chart.png)"

[ "$failures" = 0 ]
