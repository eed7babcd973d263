# tests/cli/lib/common.sh — what every CLI test script starts with. Sourced,
# not run (CTest runs only tests/cli/*.sh): the arguments LEDE (the binary)
# and FIXTURES (tests/fixtures), a temporary folder removed on exit, and a
# fail() that counts failures without stopping the script.
set -u
LEDE=$1
FIXTURES=$2
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
trap 'exit 1' HUP INT TERM
failures=0

fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}
