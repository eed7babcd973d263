#!/usr/bin/env python3
"""make_warc.py — build WARC files for the tests, with the standard library.

    make_warc.py test FIXTURES OUT [--gzip]
        A WARC of the fixture pages with every kind of record lede must
        read or pass over, and damaged ones, written to OUT; OUT.expect.json
        lists, in order, the records lede must give for it:
        {"offset", "kind": "page"|"error"|"no-article", "uri", "fixture"}.
    make_warc.py pages OUT [--gzip] [--html-gz] FILE...
        One 200 text/html response per FILE (gunzipped first with --html-gz),
        for benchmarks and the Dask example.

With --gzip each record is a gzip member of its own, as Common Crawl ships
them; offsets are then those of the members.
"""
import gzip
import io
import json
import sys
import uuid
import zlib

CRLF = b"\r\n"


def warc_record(warc_type, block, uri=None, version="1.0", extra=()):
    """The bytes of one WARC record: header, block, CRLF CRLF."""
    rid = "<urn:uuid:%s>" % uuid.uuid5(uuid.NAMESPACE_URL, "%s %s %d" % (warc_type, uri, len(block)))
    lines = ["WARC/" + version, "WARC-Type: " + warc_type, "WARC-Record-ID: " + rid,
             "WARC-Date: 2025-03-05T12:00:00Z"]
    if uri:
        lines.append("WARC-Target-URI: " + uri)
    if warc_type in ("response", "request"):
        lines.append("Content-Type: application/http; msgtype=" + warc_type)
    lines.extend(extra)
    lines.append("Content-Length: %d" % len(block))
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + block + CRLF + CRLF, rid


def http_response(body, status="200 OK", content_type="text/html; charset=utf-8",
                  chunked=False, encoding=None):
    """An HTTP/1.1 response carrying BODY, optionally content- and
    transfer-coded the way servers send them."""
    headers = ["HTTP/1.1 " + status, "Server: test"]
    if content_type:
        headers.append("Content-Type: " + content_type)
    if encoding == "gzip":
        body = gzip.compress(body)
        headers.append("Content-Encoding: gzip")
    elif encoding == "deflate":
        body = zlib.compress(body)
        headers.append("Content-Encoding: deflate")
    if chunked:
        out = io.BytesIO()
        step = 1000
        for i in range(0, len(body), step):
            chunk = body[i:i + step]
            out.write(b"%x\r\n" % len(chunk) + chunk + CRLF)
        out.write(b"0\r\n\r\n")
        body = out.getvalue()
        headers.append("Transfer-Encoding: chunked")
    else:
        headers.append("Content-Length: %d" % len(body))
    return ("\r\n".join(headers) + "\r\n\r\n").encode() + body


CYRILLIC_PAGE = """<html><head><title>Городской совет утвердил новый бюджет</title></head>
<body><div class="nav"><a href="/">Главная</a> <a href="/news">Новости</a></div>
<article><h1>Городской совет утвердил новый бюджет</h1>
<p>Городской совет на заседании во вторник утвердил бюджет на следующий год. Расходы на ремонт дорог и школ выросли почти на треть по сравнению с прошлым годом.</p>
<p>Депутаты обсуждали документ больше четырёх часов. Основные споры вызвали расходы на общественный транспорт и строительство нового моста через реку.</p>
<p>Мэр города заявил, что бюджет сбалансирован и не потребует новых заимствований. По его словам, доходы выросли благодаря новым предприятиям в промышленной зоне.</p>
<p>Жители смогут ознакомиться с полным текстом документа на сайте администрации. Публичные слушания пройдут в следующем месяце в здании городской библиотеки.</p>
</article><div class="footer">Все права защищены</div></body></html>
"""


class Writer:
    """Appends records, each its own gzip member when GZIP, and notes the
    offset of each."""

    def __init__(self, gz):
        self.out = io.BytesIO()
        self.gz = gz
        self.expect = []

    def add(self, record, kind=None, uri=None, fixture=None, rid=None):
        offset = self.out.tell()
        self.out.write(gzip.compress(record, mtime=0) if self.gz else record)
        if kind:
            self.expect.append({"offset": offset, "kind": kind, "uri": uri, "fixture": fixture,
                                "record_id": rid})
        return offset

    def response(self, uri, body, kind="page", fixture=None, version="1.0", **http):
        record, rid = warc_record("response", http_response(body, **http), uri, version)
        return self.add(record, kind, uri, fixture, rid)

    def raw(self, data, kind=None):
        offset = self.out.tell()
        self.out.write(data)
        if kind:
            self.expect.append({"offset": offset, "kind": kind})


def build_test(fixtures, gz):
    def page(name):
        with open("%s/%s.html" % (fixtures, name), "rb") as f:
            return f.read()

    w = Writer(gz)
    base = "https://news.example/"
    w.add(warc_record("warcinfo", b"software: make_warc.py\r\nformat: WARC File Format 1.0\r\n")[0])
    w.add(warc_record("request", b"GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n", base + "a")[0])
    w.response(base + "a", page("wordpress-news"), fixture="wordpress-news")
    w.add(warc_record("metadata", b"fetchTimeMs: 12\r\n", base + "a")[0])
    w.response(base + "logo.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)), kind=None,
               content_type="image/png")
    w.response(base + "missing", b"<html><body><p>Not found</p></body></html>", kind=None,
               status="404 Not Found")
    w.response(base + "moved", b"", kind=None, status="301 Moved Permanently")
    w.response(base + "b", page("blog-post"), fixture="blog-post", version="1.1",
               chunked=True, encoding="gzip")
    w.response(base + "ru/budget", CYRILLIC_PAGE.encode("cp1251"), fixture="cyrillic",
               content_type="text/html; charset=windows-1251")
    w.response(base + "home", page("no-article"), kind="no-article")
    # Damage 1: bytes between records.
    if gz:
        w.raw(b"this is not a gzip member\n" * 3, kind="error")
    else:
        w.raw(b"garbage between records\r\nmore garbage\r\n", kind="error")
    w.response(base + "c", page("table-and-list"), fixture="table-and-list", encoding="deflate")
    # Damage 2: a record that claims more bytes than it has, followed by good
    # ones; in a .warc.gz a member whose deflate data is corrupt.
    record, _ = warc_record("response", http_response(page("blog-post")), base + "cut")
    if gz:
        member = bytearray(gzip.compress(record, mtime=0))
        for i in range(40, len(member) - 40, 97):
            member[i] ^= 0x5A
        w.raw(bytes(member), kind="error")
    else:
        header, _, block = record.partition(b"\r\n\r\n")
        w.raw(header + b"\r\n\r\n" + block[: len(block) // 2], kind="error")
    w.response(base + "d", page("wordpress-news"), fixture="wordpress-news")
    # Damage 3: a header without Content-Length.
    w.raw(gzip.compress(b"WARC/1.0\r\nWARC-Type: response\r\n\r\nxx\r\n\r\n", mtime=0) if gz
          else b"WARC/1.0\r\nWARC-Type: response\r\n\r\n", kind="error")
    w.response(base + "e", page("blog-post"), fixture="blog-post", chunked=True)
    # Damage 4: the last record cut off in the middle.
    record, _ = warc_record("response", http_response(page("table-and-list")), base + "end")
    data = gzip.compress(record, mtime=0) if gz else record
    w.raw(data[: len(data) * 2 // 3], kind="error")
    return w


def build_pages(paths, gz, html_gz):
    w = Writer(gz)
    for i, path in enumerate(paths):
        with open(path, "rb") as f:
            body = f.read()
        if html_gz:
            body = gzip.decompress(body)
        name = path.rsplit("/", 1)[-1]
        w.response("https://pages.example/%d/%s" % (i, name), body)
    return w


def main(argv):
    gz = "--gzip" in argv
    html_gz = "--html-gz" in argv
    args = [a for a in argv[1:] if not a.startswith("--")]
    if len(args) >= 3 and args[0] == "test":
        w = build_test(args[1], gz)
        out = args[2]
    elif len(args) >= 2 and args[0] == "pages":
        w = build_pages(args[2:], gz, html_gz)
        out = args[1]
    else:
        sys.exit(__doc__)
    with open(out, "wb") as f:
        f.write(w.out.getvalue())
    with open(out + ".expect.json", "w") as f:
        json.dump(w.expect, f, indent=1)


if __name__ == "__main__":
    main(sys.argv)
