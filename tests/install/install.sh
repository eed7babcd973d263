#!/bin/sh
# cmake --install into a temporary prefix: lede.pc names that prefix, and a
# program built with pkg-config against the installed header and library
# runs (the README's "Install" and "The library").
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

cat >"$tmp/app.c" <<'C'
#include <stdio.h>
#include <stdlib.h>
#include <lede.h>

int main(int argc, char **argv) {
    FILE *f = fopen(argv[argc - 1], "rb");
    if (!f) return 2;
    static char page[1 << 20];
    size_t len = fread(page, 1, sizeof page, f);
    fclose(f);
    lede_options opt;
    lede_options_init(&opt);
    lede_result *res = NULL;
    lede_status st = lede_extract(page, len, &opt, &res);
    if (st != LEDE_OK) {
        fprintf(stderr, "%s\n", lede_strerror(st));
        lede_result_free(res);
        return 1;
    }
    printf("%s\n", res->title ? res->title : "");
    lede_result_free(res);
    return 0;
}
C
# shellcheck disable=SC2046
cc -o "$tmp/app" "$tmp/app.c" $(pkg-config --cflags --libs lede) || fail "cc with pkg-config"
title=$(LD_LIBRARY_PATH=$libdir "$tmp/app" "$fixtures/wordpress-news.html") || fail "the program"
[ "$title" = "Millbrook council approves \$4.2 million plan to rebuild Elm Street bridge" ] ||
    fail "title: $title"
# it ran the installed library, not the build tree's
LD_LIBRARY_PATH=$libdir ldd "$tmp/app" | grep -q "$libdir/liblede.so.0" || fail "not linked to $libdir"
"$prefix/bin/lede" "$fixtures/wordpress-news.html" >/dev/null || fail "installed lede"
echo "install: lede.pc says $prefix; a pkg-config build runs"
