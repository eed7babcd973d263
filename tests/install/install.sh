#!/bin/sh
# cmake --install into a temporary prefix: lede.pc names that prefix, and
# examples/*.c (the README's "The library" examples) build with pkg-config
# against the installed header and library and run: extract_page's title,
# and warc_titles giving the pages lede --warc gives.
#
#   sh tests/install/install.sh BUILD_DIR FIXTURES
set -eu
build=$1
fixtures=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix
fail() { echo "FAIL: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$prefix" >"$tmp/install.log" || { cat "$tmp/install.log"; fail "cmake --install"; }
pc=$(find "$prefix" -name lede.pc)
[ -n "$pc" ] || fail "no lede.pc under $prefix"
grep -qx "prefix=$prefix" "$pc" || { cat "$pc"; fail "lede.pc does not name the prefix $prefix"; }
PKG_CONFIG_PATH=$(dirname "$pc")
export PKG_CONFIG_PATH
[ "$(pkg-config --variable=prefix lede)" = "$prefix" ] || fail "pkg-config --variable=prefix lede"
libdir=$(pkg-config --variable=libdir lede)
[ -f "$libdir/liblede.so.0" ] || fail "pkg-config's libdir $libdir has no liblede.so.0"

# Every examples/*.c builds with pkg-config against the installed header and
# library, warnings as errors.
examples=$(cd "$fixtures/../../examples" && pwd)
built=0
for src in "$examples"/*.c; do
    name=$(basename "$src" .c)
    # shellcheck disable=SC2046
    cc -std=c11 -Wall -Wextra -Werror -o "$tmp/$name" "$src" $(pkg-config --cflags --libs lede) ||
        fail "cc $src with pkg-config"
    built=$((built + 1))
done
[ "$built" -ge 2 ] || fail "only $built examples/*.c"
run() { LD_LIBRARY_PATH=$libdir "$@"; }

title=$(run "$tmp/extract_page" "$fixtures/wordpress-news.html" | head -1) || fail "extract_page"
[ "$title" = "# Millbrook council approves \$4.2 million plan to rebuild Elm Street bridge" ] ||
    fail "extract_page: title: $title"
code=0
run "$tmp/extract_page" "$fixtures/no-article.html" >/dev/null 2>"$tmp/err" || code=$?
[ "$code" -eq 1 ] && grep -q "no article" "$tmp/err" ||
    fail "extract_page on a listing: exit $code: $(cat "$tmp/err")"

python3 "$fixtures/../cli/make_warc.py" test "$fixtures" "$tmp/test.warc.gz" --gzip ||
    fail "make_warc.py"
run "$tmp/warc_titles" "$tmp/test.warc.gz" >"$tmp/titles" 2>"$tmp/err" || fail "warc_titles: exit $?"
"$prefix/bin/lede" --warc "$tmp/test.warc.gz" --format jsonl 2>/dev/null | python3 -c '
import json, sys
for line in sys.stdin:
    r = json.loads(line)
    if "error" not in r:
        print("%s\t%s" % (r["warc_target_uri"], r["title"] or ""))' >"$tmp/want" ||
    fail "lede --warc"
[ -s "$tmp/want" ] && cmp -s "$tmp/titles" "$tmp/want" ||
    fail "warc_titles: $(diff "$tmp/titles" "$tmp/want" | head -5)"
grep -q "test.warc.gz:[0-9]*: gzip member cut short" "$tmp/err" || fail "warc_titles: damaged records not named: $(cat "$tmp/err")"

# they ran the installed library, not the build tree's
run ldd "$tmp/extract_page" | grep -q "$libdir/liblede.so.0" || fail "not linked to $libdir"
"$prefix/bin/lede" "$fixtures/wordpress-news.html" >/dev/null || fail "installed lede"
echo "install: lede.pc says $prefix; examples/*.c ($built) build with pkg-config and run"
