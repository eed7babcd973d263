#!/bin/sh
# warc_mapper.sh — a mapper for Hadoop Streaming and Spark's RDD.pipe: reads
# one WARC file path (or URL) a line on standard input, streams each file
# through `lede --warc - --format jsonl`, and writes the JSON Lines records
# with "source" set to PATH:OFFSET.
#
#   LEDE   the lede binary (default: lede on PATH)
#   FETCH  the command that writes a path's bytes to stdout (default: cat;
#          e.g. "hdfs dfs -cat", "curl -sf")
#
# Records that are errors stay in the output as {"source", "error"}; the
# mapper fails (exit 1) only when a file could not be fetched or lede was
# used wrongly (exit 2), so that the framework retries that task.
LEDE=${LEDE:-lede}
FETCH=${FETCH:-cat}
failed=$(mktemp) || exit 1
trap 'rm -f "$failed"' EXIT
: >"$failed"
while IFS= read -r path; do
    [ -n "$path" ] || continue
    # PATH as the contents of a JSON string, then escaped for sed.
    json=$(printf '%s' "$path" | sed 's/\\/\\\\/g; s/"/\\"/g')
    repl=$(printf '%s' "$json" | sed 's/[\\|&]/\\&/g')
    { $FETCH "$path" || echo "$path: fetch failed" >>"$failed"; } |
        { "$LEDE" --warc - --format jsonl --quiet; [ $? -le 1 ] || echo "$path: lede failed" >>"$failed"; } |
        sed "s|^{\"source\":\"-:|{\"source\":\"$repl:|"
done
if [ -s "$failed" ]; then
    cat "$failed" >&2
    exit 1
fi
exit 0
