#!/bin/sh
# formats.sh LEDE FIXTURES — the Markdown and HTML bodies have their shape.
#
# Markdown of table-and-list keeps the data table as a pipe table and the
# ordered list as "1. " items; the HTML body is one <article> element with
# no class attributes (only semantic tags and href, src, alt survive).
. "$(dirname "$0")/lib/common.sh"

page=$FIXTURES/table-and-list.html

if "$LEDE" --format markdown "$page" >"$tmp/out.md" 2>"$tmp/err"; then
    # A table row: starts and ends with a pipe, with a pipe between cells.
    if grep -Eq '^ *\|.*[^ |].*\|.*[^ |].*\| *$' "$tmp/out.md"; then
        echo "ok: markdown has a pipe table row"
    else
        fail "markdown: no pipe table row"
    fi
    if grep -Eq '^ *\|? *:?-+:? *\|' "$tmp/out.md"; then
        echo "ok: markdown has a table delimiter row"
    else
        fail "markdown: no table delimiter row (|---|---|)"
    fi
    if grep -q '^1\. ' "$tmp/out.md"; then
        echo "ok: markdown has an ordered list"
    else
        fail "markdown: no line starting with \"1. \""
    fi
else
    fail "markdown: lede exited with an error: $(cat "$tmp/err")"
fi

if "$LEDE" --format html "$page" >"$tmp/out.html" 2>"$tmp/err"; then
    if [ "$(head -c 9 "$tmp/out.html")" = "<article>" ]; then
        echo "ok: html starts with <article>"
    else
        fail "html: does not start with <article>: $(head -c 60 "$tmp/out.html")"
    fi
    if grep -q '</article>' "$tmp/out.html"; then
        echo "ok: html ends its <article>"
    else
        fail "html: no </article>"
    fi
    if grep -q 'class=' "$tmp/out.html"; then
        fail "html: carries class= attributes"
    else
        echo "ok: html has no class attributes"
    fi
else
    fail "html: lede exited with an error: $(cat "$tmp/err")"
fi

[ "$failures" = 0 ]
