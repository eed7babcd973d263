#!/bin/sh
# warc.sh LEDE FIXTURES — WARC input: one record per HTML response, in file
# order, and damaged records reported without stopping the file.
#
# The WARC files are built here (make_warc.py, python3's standard library)
# from the fixture pages, plain and with one gzip member per record, holding
# a warcinfo, a request and a metadata record, an image/png response, a 404
# and a 301, a response both chunked and gzip-coded, a windows-1251 page
# announced only by the HTTP Content-Type, a deflate-coded one, a page with
# no article — and damage: bytes between records, a record shorter than its
# Content-Length followed by good ones (a member with corrupt deflate data in
# the .warc.gz), a header without Content-Length, and a last record cut off.
#
#   - --warc FILE, jsonl: one record per HTML response with source
#     FILE:OFFSET (the record's offset, the member's for .warc.gz), text as
#     for the page itself, url (the page's canonical, else the target URI),
#     warc_target_uri, warc_record_id, warc_date; {source, error} for the
#     page without an article and for each damaged stretch; exit 1
#   - without --warc, the same (detected from the first bytes)
#   - --warc - reads standard input, from a file or a pipe: sources "-:OFFSET"
#   - -j 3 gives the output of -j 1
#   - text: the bodies, errors on stderr as "lede: FILE:OFFSET: message"
#   - json: an array; WARC inputs mix with page inputs in order
#   - a WARC of good pages exits 0; a missing one is an error record
#   - examples/warc_mapper.sh gives the same records from paths on stdin
. "$(dirname "$0")/lib/common.sh"
HERE=$(cd "$(dirname "$0")" && pwd)

python3 "$HERE/make_warc.py" test "$FIXTURES" "$tmp/t.warc" || exit 1
python3 "$HERE/make_warc.py" test "$FIXTURES" "$tmp/t.warc.gz" --gzip || exit 1
python3 "$HERE/make_warc.py" pages "$tmp/good.warc.gz" --gzip \
    "$FIXTURES/wordpress-news.html" "$FIXTURES/blog-post.html" || exit 1

# check JSONL EXPECT PREFIX — the records of JSONL are those EXPECT lists.
check() {
    python3 - "$1" "$2" "$3" "$FIXTURES" <<'EOF'
import json, os, re, sys
path, expect_path, prefix, fixtures = sys.argv[1:]
with open(path, encoding="utf-8") as f:
    records = [json.loads(line) for line in f]
with open(expect_path) as f:
    expect = json.load(f)
bad = []
if len(records) != len(expect):
    bad.append("want %d records, got %d" % (len(expect), len(records)))
for i, (rec, want) in enumerate(zip(records, expect)):
    source = "%s:%d" % (prefix, want["offset"])
    what = "record %d (%s, %s)" % (i, source, want["kind"])
    if rec.get("source") != source:
        bad.append("%s: source %r" % (what, rec.get("source")))
    if want["kind"] == "error":
        if set(rec) != {"source", "error"} or not rec["error"]:
            bad.append("%s: not an error record: %s" % (what, sorted(rec)))
        continue
    if want["kind"] == "no-article":
        # answered with the page's metadata and where in the archive it was
        if not str(rec.get("error", "")).startswith("no article"):
            bad.append("%s: error %r" % (what, rec.get("error")))
        elif rec.get("text") is not None or not rec.get("type"):
            bad.append("%s: text %r, type %r" % (what, rec.get("text"), rec.get("type")))
        elif rec.get("warc_target_uri") != want["uri"]:
            bad.append("%s: warc_target_uri %r" % (what, rec.get("warc_target_uri")))
        continue
    if "error" in rec:
        bad.append("%s: error %r" % (what, rec["error"]))
        continue
    if rec.get("warc_target_uri") != want["uri"]:
        bad.append("%s: warc_target_uri %r" % (what, rec.get("warc_target_uri")))
    if rec.get("warc_record_id") != want["record_id"]:
        bad.append("%s: warc_record_id %r" % (what, rec.get("warc_record_id")))
    if rec.get("warc_date") != "2025-03-05T12:00:00Z":
        bad.append("%s: warc_date %r" % (what, rec.get("warc_date")))
    name = want["fixture"]
    html = os.path.join(fixtures, name + ".html")
    canonical = None
    if os.path.exists(html):
        m = re.search(r'<link rel="canonical" href="([^"]+)"', open(html, encoding="utf-8").read())
        canonical = m and m.group(1)
    if rec.get("url") != (canonical or want["uri"]):
        bad.append("%s: url %r" % (what, rec.get("url")))
    expected_text = os.path.join(fixtures, name + ".expected.txt")
    if os.path.exists(expected_text):
        with open(expected_text, encoding="utf-8") as f:
            if rec.get("text", "").rstrip("\n") != f.read().rstrip("\n"):
                bad.append("%s: text differs from %s" % (what, expected_text))
    if name == "cyrillic" and "Городской совет на заседании" not in (rec.get("text") or ""):
        bad.append("%s: windows-1251 text not decoded: %r" % (what, rec.get("text", "")[:80]))
    for key in ("title", "date", "language", "tags", "authors"):
        if key not in rec:
            bad.append("%s: no %s field" % (what, key))
for b in bad:
    print("  " + b)
sys.exit(1 if bad else 0)
EOF
}

for f in t.warc t.warc.gz; do
    "$LEDE" --warc "$tmp/$f" --format jsonl >"$tmp/$f.jsonl" 2>"$tmp/err"
    code=$?
    [ "$code" -eq 1 ] || fail "--warc $f: exit $code, want 1"
    [ -s "$tmp/err" ] && fail "--warc $f, jsonl: stderr: $(head -3 "$tmp/err")"
    check "$tmp/$f.jsonl" "$tmp/$f.expect.json" "$tmp/$f" || fail "--warc $f: records"

    "$LEDE" --format jsonl "$tmp/$f" >"$tmp/auto.jsonl" 2>/dev/null
    cmp -s "$tmp/$f.jsonl" "$tmp/auto.jsonl" || fail "$f without --warc: not read as WARC"

    "$LEDE" --warc - --format jsonl <"$tmp/$f" >"$tmp/stdin.jsonl" 2>/dev/null
    check "$tmp/stdin.jsonl" "$tmp/$f.expect.json" "-" || fail "--warc - <$f: records"
    cat "$tmp/$f" | "$LEDE" --warc - --format jsonl >"$tmp/pipe.jsonl" 2>/dev/null
    check "$tmp/pipe.jsonl" "$tmp/$f.expect.json" "-" || fail "cat $f | --warc -: records"

    "$LEDE" --warc "$tmp/$f" --format jsonl -j 3 >"$tmp/j3.jsonl" 2>/dev/null
    code=$?
    [ "$code" -eq 1 ] || fail "--warc $f -j 3: exit $code, want 1"
    cmp -s "$tmp/$f.jsonl" "$tmp/j3.jsonl" || fail "--warc $f: -j 3 differs from -j 1"
done

# text: one body per page; each error on stderr with FILE:OFFSET.
"$LEDE" --warc "$tmp/t.warc.gz" >"$tmp/text" 2>"$tmp/err"
pages=$(python3 -c '
import json, sys
print(sum(1 for e in json.load(open(sys.argv[1])) if e["kind"] == "page"))' "$tmp/t.warc.gz.expect.json")
errors=$(grep -c "^lede: $tmp/t.warc.gz:[0-9][0-9]*: " "$tmp/err")
records=$(wc -l <"$tmp/t.warc.gz.jsonl")
[ "$errors" -eq $((records - pages)) ] || fail "text: $errors error lines, want $((records - pages))"
grep -q "The vote ends more than a year of debate" "$tmp/text" || fail "text: no article body"

# json: an array; a page and a WARC in one run, in order.
"$LEDE" --format json "$FIXTURES/blog-post.html" "$tmp/good.warc.gz" >"$tmp/mixed.json" 2>/dev/null
code=$?
[ "$code" -eq 0 ] || fail "json, page + good WARC: exit $code, want 0"
python3 - "$tmp/mixed.json" "$FIXTURES/blog-post.html" "$tmp/good.warc.gz" <<'EOF' || fail "json, page + WARC: shape"
import json, sys
records = json.load(open(sys.argv[1]))
sources = [r["source"] for r in records]
assert isinstance(records, list) and len(records) == 3, sources
assert sources[0] == sys.argv[2], sources
assert all(s.startswith(sys.argv[3] + ":") for s in sources[1:]), sources
assert "warc_target_uri" not in records[0] and "warc_target_uri" in records[1]
EOF

# A single WARC input in json is an array too (it holds many records).
"$LEDE" --format json --warc "$tmp/good.warc.gz" >"$tmp/one.json" 2>/dev/null
python3 -c 'import json, sys; r = json.load(open(sys.argv[1])); assert isinstance(r, list) and len(r) == 2' \
    "$tmp/one.json" || fail "json, one WARC: not an array of 2"

# A missing WARC: its one error record.
"$LEDE" --warc "$tmp/missing.warc" --format jsonl >"$tmp/missing.jsonl" 2>/dev/null
code=$?
[ "$code" -eq 1 ] || fail "missing WARC: exit $code, want 1"
grep -q "^{\"source\":\"$tmp/missing.warc\",\"error\":\"cannot open" "$tmp/missing.jsonl" ||
    fail "missing WARC: $(cat "$tmp/missing.jsonl")"

# A directory walk reads the archives in it: *.warc and *.warc.gz, in
# sorted order among the pages, with the same records as given by name.
mkdir -p "$tmp/crawl/sub" && cp "$tmp/t.warc" "$tmp/crawl/a.warc" &&
    cp "$tmp/t.warc.gz" "$tmp/crawl/sub/b.WARC.gz" && cp "$FIXTURES/blog-post.html" "$tmp/crawl/c.html" &&
    : >"$tmp/crawl/empty.warc" || exit 1
"$LEDE" --format jsonl -j 2 "$tmp/crawl" >"$tmp/crawl.jsonl" 2>/dev/null
"$LEDE" --format jsonl "$tmp/crawl/a.warc" "$tmp/crawl/c.html" "$tmp/crawl/sub/b.WARC.gz" \
    >"$tmp/named.jsonl" 2>/dev/null
grep -v '/empty.warc"' "$tmp/crawl.jsonl" | cmp -s - "$tmp/named.jsonl" ||
    fail "directory with archives: not the records of the archives named in order"
[ "$(wc -l <"$tmp/crawl.jsonl")" -gt 3 ] || fail "directory with archives: too few records"
# The empty archive answers with one error record of its own.
grep -q "^{\"source\":\"$tmp/crawl/empty.warc\",\"error\":\"empty input" "$tmp/crawl.jsonl" ||
    fail "directory with archives: no error record for the empty archive"

# examples/warc_mapper.sh (Hadoop Streaming, RDD.pipe): paths on stdin,
# the records of lede --warc on stdout, FILE:OFFSET sources.
printf '%s\n' "$tmp/t.warc" "$tmp/t.warc.gz" |
    LEDE=$LEDE sh "$HERE/../../examples/warc_mapper.sh" >"$tmp/mapper.jsonl" 2>"$tmp/err"
code=$?
[ "$code" -eq 0 ] || fail "warc_mapper.sh: exit $code: $(cat "$tmp/err")"
cat "$tmp/t.warc.jsonl" "$tmp/t.warc.gz.jsonl" | cmp -s - "$tmp/mapper.jsonl" ||
    fail "warc_mapper.sh: not the records of lede --warc"

if [ "$failures" -ne 0 ]; then
    echo "$failures failure(s)"
    exit 1
fi
echo "warc: all passed"
