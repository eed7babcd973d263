#!/bin/sh
# input.sh LEDE FIXTURES — the input defects of issue 16, each made here
# from synthetic pages and archives:
#
#   - a WARC response labelled "charset=ISO-8859-1" by its HTTP header whose
#     body is UTF-8 and says so comes out in UTF-8 ("Montréal", Cyrillic);
#     --encoding iso-8859-1 still forces the label
#   - --max-input: a gzip'ed page that inflates past it is an
#     "input too large" record; a page under it goes through; sizes take
#     K, M and G suffixes, and a bad size or an unknown --encoding is a
#     usage error (exit 2) that names the value
#   - an empty directory and broken links named as pages each give an
#     error record naming them
#   - a web archive on standard input (a pipe or a file), plain or gzip'ed,
#     is read as one without --warc; a page there is still one page
#   - a plain .warc whose Content-Length runs past its end keeps the
#     records after it, from a file and from a pipe; a true block too large
#     to hold is still passed over
#   - a file name that is not UTF-8 gets source_bytes, its bytes in hex
. "$(dirname "$0")/lib/common.sh"
HERE=$(cd "$(dirname "$0")" && pwd)

# warc OUT [--huge-length] — a plain WARC built with make_warc.py's writer.
warc() {
    python3 - "$HERE" "$@" <<'EOF'
import sys
sys.path.insert(0, sys.argv[1])
from make_warc import Writer, warc_record

out = sys.argv[2]
w = Writer(False)
para = ("<p>Le conseil municipal de Montréal a adopté mardi le budget de la ville, "
        "après un long débat sur les routes, les écoles et le transport. "
        "Городской совет утвердил бюджет на следующий год.</p>")
page = ("<html><head><meta charset=\"utf-8\"><title>Montréal</title></head><body>"
        "<article><h1>Budget de Montréal</h1>" + para * 5 + "</article></body></html>")
w.response("https://news.example/mtl", page.encode("utf-8"),
           content_type="text/html; charset=ISO-8859-1")
with open(out, "wb") as f:
    f.write(w.out.getvalue())
EOF
}

# ---- an HTTP charset does not garble a UTF-8 page -----------------------
warc "$tmp/latin-label.warc" || exit 1
"$LEDE" --format jsonl "$tmp/latin-label.warc" >"$tmp/latin.jsonl" 2>"$tmp/latin.err"
grep -q 'Le conseil municipal de Montréal' "$tmp/latin.jsonl" ||
    fail "transport ISO-8859-1 on a UTF-8 page: $(head -c 300 "$tmp/latin.jsonl")"
grep -q 'Городской совет' "$tmp/latin.jsonl" ||
    fail "transport ISO-8859-1 on a UTF-8 page lost the Cyrillic text"
"$LEDE" --format jsonl --encoding iso-8859-1 "$tmp/latin-label.warc" >"$tmp/forced.jsonl" 2>&1
grep -q 'MontrÃ©al' "$tmp/forced.jsonl" ||
    fail "--encoding iso-8859-1 is no longer obeyed: $(head -c 300 "$tmp/forced.jsonl")"

# ---- --max-input ----------------------------------------------------------
python3 - "$tmp/big.html.gz" <<'EOF'
import gzip, sys
para = "<p>The council met on Tuesday to discuss the budget and the roads.</p>\n"
body = "<html><body><article>" + para * 40000 + "</article></body></html>"  # about 2.8 MB
with open(sys.argv[1], "wb") as f:
    f.write(gzip.compress(body.encode()))
EOF
"$LEDE" --format jsonl --max-input 1M "$tmp/big.html.gz" >"$tmp/big.jsonl" 2>/dev/null
code=$?
[ "$code" = 1 ] || fail "--max-input 1M over a 2.8 MB gzip page: exit $code"
grep -q '"error":"input too large' "$tmp/big.jsonl" ||
    fail "--max-input 1M over a 2.8 MB gzip page: $(head -c 200 "$tmp/big.jsonl")"
"$LEDE" --format jsonl --max-input=4m "$tmp/big.html.gz" >"$tmp/big4.jsonl" 2>/dev/null ||
    fail "--max-input=4m over a 2.8 MB gzip page failed: $(head -c 200 "$tmp/big4.jsonl")"
# a plain page over the bound, in bytes
"$LEDE" --format jsonl --max-input 100 "$FIXTURES/blog-post.html" >"$tmp/small.jsonl" 2>/dev/null
grep -q '"error":"input too large' "$tmp/small.jsonl" || fail "--max-input 100 on a page"

for bad in 0 -1 1X 1KB 99999999999999999999G ''; do
    "$LEDE" --max-input "$bad" "$FIXTURES/blog-post.html" >/dev/null 2>"$tmp/usage.err"
    code=$?
    [ "$code" = 2 ] || fail "--max-input '$bad': exit $code, want 2"
    grep -q "bad size '$bad'" "$tmp/usage.err" || fail "--max-input '$bad': $(cat "$tmp/usage.err")"
done
"$LEDE" --encoding no-such-charset "$FIXTURES/blog-post.html" >/dev/null 2>"$tmp/usage.err"
code=$?
[ "$code" = 2 ] || fail "--encoding no-such-charset: exit $code, want 2"
grep -q "unknown encoding 'no-such-charset'" "$tmp/usage.err" ||
    fail "--encoding no-such-charset: $(cat "$tmp/usage.err")"
"$LEDE" --encoding latin1 "$FIXTURES/blog-post.html" >/dev/null 2>&1 || fail "--encoding latin1 refused"
"$LEDE" --help | grep -q -- '--max-input SIZE' || fail "--help does not document --max-input"

# ---- every named input answers ------------------------------------------
mkdir "$tmp/empty" "$tmp/links" || exit 1
ln -s "$tmp/nowhere.html" "$tmp/links/broken.html"
ln -s "$tmp/nowhere.html" "$tmp/dangling.html"
"$LEDE" --format jsonl "$tmp/empty" "$tmp/dangling.html" "$tmp/links" >"$tmp/named.jsonl" 2>/dev/null
code=$?
[ "$code" = 1 ] || fail "empty directory and broken links: exit $code, want 1"
python3 - "$tmp/named.jsonl" "$tmp" <<'EOF' || fail "empty directory and broken links: $(cat "$tmp/named.jsonl")"
import json, sys
path, tmp = sys.argv[1:]
records = [json.loads(line) for line in open(path, encoding="utf-8")]
want = [tmp + "/empty", tmp + "/dangling.html", tmp + "/links/broken.html"]
assert [r["source"] for r in records] == want, records
assert all(set(r) == {"source", "error"} and r["error"] for r in records), records
assert "directory" in records[0]["error"], records[0]
EOF

# ---- a web archive on standard input is sniffed, as a file is ----------
python3 "$HERE/make_warc.py" pages "$tmp/two.warc" "$FIXTURES/blog-post.html" \
    "$FIXTURES/wordpress-news.html" || exit 1
python3 "$HERE/make_warc.py" pages "$tmp/two.warc.gz" --gzip "$FIXTURES/blog-post.html" \
    "$FIXTURES/wordpress-news.html" || exit 1
for archive in two.warc two.warc.gz; do
    "$LEDE" --format jsonl "$tmp/$archive" | sed "s|$tmp/$archive:|-:|" >"$tmp/want.jsonl"
    cat "$tmp/$archive" | "$LEDE" --format jsonl >"$tmp/pipe.jsonl" 2>&1
    cmp -s "$tmp/want.jsonl" "$tmp/pipe.jsonl" ||
        fail "$archive piped without --warc: $(head -c 300 "$tmp/pipe.jsonl")"
    "$LEDE" --format jsonl - <"$tmp/$archive" >"$tmp/redirect.jsonl" 2>&1
    cmp -s "$tmp/want.jsonl" "$tmp/redirect.jsonl" ||
        fail "$archive redirected without --warc: $(head -c 300 "$tmp/redirect.jsonl")"
    cat "$tmp/$archive" | "$LEDE" --format json | python3 -c \
        'import json, sys; assert len(json.load(sys.stdin)) == 2' ||
        fail "$archive piped, json: not an array of two"
done
# a page on standard input is still a page, short or long
cat "$FIXTURES/blog-post.html" | "$LEDE" >"$tmp/stdin.txt" 2>&1
"$LEDE" "$FIXTURES/blog-post.html" >"$tmp/file.txt" 2>&1
cmp -s "$tmp/stdin.txt" "$tmp/file.txt" || fail "a page on standard input reads differently"
printf '<p>Short page on standard input with a few words.</p>' | "$LEDE" --format jsonl \
    | grep -q '"text":"Short page' || fail "a page shorter than the sniff on standard input"

# ---- a plain .warc with a Content-Length past its end keeps later records
python3 - "$HERE" "$tmp/liar.warc" "$FIXTURES/blog-post.html" <<'EOF'
import sys
sys.path.insert(0, sys.argv[1])
from make_warc import Writer, http_response
w = Writer(False)
block = http_response(b"<html><body><p>cut</p></body></html>")
w.raw(b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://x.example/liar\r\n"
      b"Content-Length: 900000000000\r\n\r\n" + block + b"\r\n\r\n")
w.response("https://x.example/after", open(sys.argv[3], "rb").read())
with open(sys.argv[2], "wb") as f:
    f.write(w.out.getvalue())
EOF
"$LEDE" --format jsonl "$tmp/liar.warc" >"$tmp/liar.jsonl" 2>/dev/null
[ "$(wc -l <"$tmp/liar.jsonl")" = 2 ] && grep -q '"error"' "$tmp/liar.jsonl" &&
    grep -q '"warc_target_uri":"https://x.example/after"' "$tmp/liar.jsonl" ||
    fail "a lying Content-Length lost the next record: $(cut -c1-120 "$tmp/liar.jsonl")"

# ... and so does one read from a pipe, which cannot be looked into: the
# skip stops at the record that starts inside the claimed block; a true
# block too large to hold is still passed over whole
cat "$tmp/liar.warc" | "$LEDE" --warc - --format jsonl >"$tmp/liar-pipe.jsonl" 2>/dev/null
[ "$(wc -l <"$tmp/liar-pipe.jsonl")" = 2 ] && grep -q '"error"' "$tmp/liar-pipe.jsonl" &&
    grep -q '"warc_target_uri":"https://x.example/after"' "$tmp/liar-pipe.jsonl" ||
    fail "a lying Content-Length on a pipe lost the next record: $(cut -c1-120 "$tmp/liar-pipe.jsonl")"
python3 - "$HERE" "$tmp/big-block.warc" <<'EOF'
import random, sys
sys.path.insert(0, sys.argv[1])
from make_warc import Writer
random.seed(7)
w = Writer(False)
w.response("https://x.example/film.mp4", bytes(random.randrange(256) for _ in range(300000)),
           kind=None, content_type="video/mp4")
page = ("<html><head><title>Small</title></head><body><article><h1>Small page</h1>"
        + "<p>The council met on Tuesday to discuss the budget and the new library.</p>" * 6
        + "</article></body></html>")
w.response("https://x.example/small", page.encode())
with open(sys.argv[2], "wb") as f:
    f.write(w.out.getvalue())
EOF
for how in file pipe; do
    if [ $how = file ]; then
        "$LEDE" --max-input 4K --format jsonl "$tmp/big-block.warc" >"$tmp/big-block.jsonl" 2>/dev/null
    else
        cat "$tmp/big-block.warc" | "$LEDE" --max-input 4K --warc - --format jsonl \
            >"$tmp/big-block.jsonl" 2>/dev/null
    fi
    [ "$(wc -l <"$tmp/big-block.jsonl")" = 1 ] &&
        grep -q '"warc_target_uri":"https://x.example/small".*' "$tmp/big-block.jsonl" &&
        ! grep -q '"error"' "$tmp/big-block.jsonl" ||
        fail "a true block too large to hold ($how): $(cut -c1-120 "$tmp/big-block.jsonl")"
done

# ---- a file name that is not UTF-8 can be matched back -----------------
latin_name=$(printf 'caf\351.html')
cp "$FIXTURES/blog-post.html" "$tmp/$latin_name" || exit 1
"$LEDE" --format jsonl "$tmp/$latin_name" "$tmp/$(printf 'nop\351.html')" >"$tmp/names.jsonl" 2>/dev/null
python3 - "$tmp/names.jsonl" "$tmp" <<'EOF' || fail "non-UTF-8 file names: $(cut -c1-150 "$tmp/names.jsonl")"
import json, os, sys
path, tmp = sys.argv[1:]
records = [json.loads(line) for line in open(path, encoding="utf-8")]
assert len(records) == 2, records
for rec, name in zip(records, [b"caf\xe9.html", b"nop\xe9.html"]):
    assert bytes.fromhex(rec["source_bytes"]) == os.fsencode(tmp) + b"/" + name, rec
    assert "\ufffd" in rec["source"], rec
assert records[0]["text"] and "error" in records[1], records
EOF
"$LEDE" --format jsonl "$FIXTURES/blog-post.html" | grep -q source_bytes &&
    fail "source_bytes for a UTF-8 path"

[ "$failures" = 0 ] || exit 1
echo "input: ok"
