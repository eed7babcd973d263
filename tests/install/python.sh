#!/bin/sh
# The Python package installed as the README says, offline: a fresh venv
# with Debian's setuptools and wheel, pip install --no-build-isolation
# --no-index ./python (which builds liblede with CMake and puts it inside
# the package); then, from elsewhere and with no LEDE_LIBRARY, the package
# extracts a page with its own copy. No lede.egg-info is left in python/.
# Then LEDE_BUNDLE=0: a package without the library, whose error names
# what to set, and which loads an installed one (LD_LIBRARY_PATH).
#
#   sh tests/install/python.sh SOURCE_DIR FIXTURES LIBLEDE
# Exits 77 (skipped) when python3 has no venv or Debian's setuptools/wheel.
set -eu
src=$1
fixtures=$2
liblede=$3
python=${LEDE_PYTHON3:-python3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

"$python" -c 'import setuptools, wheel, venv' 2>/dev/null ||
    { echo "skip: python3-setuptools, python3-wheel or python3-venv missing"; exit 77; }
"$python" -m venv --system-site-packages "$tmp/venv" || { echo "skip: no venv"; exit 77; }

# offline: no index, no pip configuration, no build isolation
export PIP_CONFIG_FILE=/dev/null PIP_NO_INDEX=1 PIP_DISABLE_PIP_VERSION_CHECK=1
unset LEDE_LIBRARY PYTHONPATH || true
cd "$src"
git status --porcelain python >"$tmp/before" 2>/dev/null || true
LEDE_BUILD_JOBS=2 "$tmp/venv/bin/pip" install --no-build-isolation ./python >"$tmp/pip.log" 2>&1 ||
    { cat "$tmp/pip.log"; fail "pip install --no-build-isolation ./python"; }
for left in python/*.egg-info; do
    [ ! -e "$left" ] || fail "pip left $left in the tree"
done
git status --porcelain python >"$tmp/after" 2>/dev/null || true
cmp -s "$tmp/before" "$tmp/after" || { diff "$tmp/before" "$tmp/after"; fail "pip left files git sees in python/"; }

cd "$tmp"
cat >"$tmp/check.py" <<'PY'
import os, sys
import lede
here = os.path.dirname(lede.__file__)
assert lede.library_path() == os.path.join(here, "liblede.so.0"), lede.library_path()
assert os.path.isfile(os.path.join(here, "py.typed"))
with open(os.path.join(sys.argv[1], "wordpress-news.html"), "rb") as f:
    print(lede.extract(f.read()).title)
PY
title=$("$tmp/venv/bin/python" "$tmp/check.py" "$fixtures") || fail "the installed package"
[ "$title" = "Millbrook council approves \$4.2 million plan to rebuild Elm Street bridge" ] ||
    fail "title: $title"

# without the library inside: a clear error, then an installed library
cd "$src"
LEDE_BUNDLE=0 "$tmp/venv/bin/pip" install --no-build-isolation --force-reinstall ./python \
    >"$tmp/pip0.log" 2>&1 || { cat "$tmp/pip0.log"; fail "LEDE_BUNDLE=0 pip install"; }
cd "$tmp"
[ ! -e "$tmp/venv/lib/"python3*/site-packages/lede/liblede.so.0 ] || fail "LEDE_BUNDLE=0 bundled"
mkdir "$tmp/empty"
if LD_LIBRARY_PATH=$tmp/empty "$tmp/venv/bin/python" -c 'import lede; lede.extract(b"<p>x</p>")' \
        2>"$tmp/err"; then
    # an installed liblede on this machine (ldconfig) is a right answer too
    ldconfig -p 2>/dev/null | grep -q liblede.so.0 || fail "loaded a library from nowhere"
else
    grep -q "OSError: liblede not found. Set LEDE_LIBRARY" "$tmp/err" || { cat "$tmp/err"; fail "the error"; }
    grep -q "ldconfig" "$tmp/err" || fail "the error does not say ldconfig"
fi
mkdir "$tmp/lib"
cp "$liblede" "$tmp/lib/liblede.so.0"
LD_LIBRARY_PATH=$tmp/lib "$tmp/venv/bin/python" -c '
import lede, sys
assert lede.library_path() == "liblede.so.0", lede.library_path()
print(lede.extract(open(sys.argv[1] + "/wordpress-news.html", "rb").read()).title)' "$fixtures" \
    >/dev/null || fail "LD_LIBRARY_PATH"
echo "python install: offline pip install carries liblede; LEDE_BUNDLE=0 finds an installed one"
