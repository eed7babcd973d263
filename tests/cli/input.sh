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

[ "$failures" = 0 ] || exit 1
echo "input: ok"
