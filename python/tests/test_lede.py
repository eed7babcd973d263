"""Tests of the lede Python package against the fixture pages.

    LEDE_LIBRARY=build/liblede.so.0 PYTHONPATH=python \
        python3 -m unittest discover -s python/tests -v

CTest runs it so (tests/CMakeLists.txt). The threaded test also prints the
throughput of two threads against one on stderr; it asserts only that the
results are the same.
"""
import json
import os
import sys
import threading
import time
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import lede  # noqa: E402

FIXTURES = os.environ.get("LEDE_FIXTURES") or os.path.join(
    os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "fixtures")

FIELDS = ["text", "body", "title", "author", "authors", "date", "modified", "sitename",
          "description", "language", "url", "image", "section", "tags", "type", "confidence",
          "comments", "metadata_source", "truncated", "truncated_by"]


def fixture(name):
    with open(os.path.join(FIXTURES, name), "rb") as f:
        return f.read()


class ExtractTest(unittest.TestCase):
    def test_fields_of_a_news_page_match_the_fixture(self):
        res = lede.extract(fixture("wordpress-news.html"))
        self.assertEqual(list(res), FIELDS)
        with open(os.path.join(FIXTURES, "wordpress-news.expected.json"), encoding="utf-8") as f:
            expected = json.load(f)
        for key, value in expected.items():
            self.assertEqual(res[key], value, key)
        with open(os.path.join(FIXTURES, "wordpress-news.expected.txt"), encoding="utf-8") as f:
            self.assertEqual(res["text"].rstrip("\n"), f.read().rstrip("\n"))
        self.assertEqual(res["body"], res["text"])
        self.assertEqual(res["authors"], ["Jane Doe"])
        self.assertIsInstance(res["tags"], list)
        self.assertTrue(all(isinstance(t, str) for t in res["tags"]))
        self.assertTrue(0.0 <= res["confidence"] <= 1.0)
        self.assertIsNone(res["comments"])
        self.assertEqual(res["metadata_source"]["title"], "json-ld")
        self.assertIs(res["truncated"], False)
        self.assertEqual(res["truncated_by"], [])

    def test_every_fixture_with_expected_text_gives_it(self):
        for name in sorted(os.listdir(FIXTURES)):
            if not name.endswith(".expected.txt"):
                continue
            page = name[: -len(".expected.txt")] + ".html"
            with open(os.path.join(FIXTURES, name), encoding="utf-8") as f:
                want = f.read().rstrip("\n")
            with self.subTest(page=page):
                self.assertEqual(lede.extract(fixture(page))["text"].rstrip("\n"), want)

    def test_str_and_bytes_give_the_same_article(self):
        raw = fixture("blog-post.html")
        self.assertEqual(lede.extract(raw), lede.extract(raw.decode("utf-8")))

    def test_str_is_read_as_utf8_whatever_the_page_declares(self):
        page = ("<html><head><meta charset='windows-1251'><title>Ш</title></head><body>"
                "<article><h1>Заголовок статьи</h1>"
                + "<p>Это длинный абзац текста статьи, в котором достаточно слов. " * 6
                + "</p><p>Второй абзац с другими словами для проверки кодировки. " * 6
                + "</p></article></body></html>")
        res = lede.extract(page)
        self.assertIn("Второй абзац", res["text"])

    def test_transport_latin_label_yields_to_a_utf8_page_unless_chosen(self):
        # The options structure must match lede.h field by field: the flag
        # is its last field, so a mirror out of step would not reach it.
        page = ("<html><head><meta charset='utf-8'><title>T</title></head><body>"
                "<article><h1>Montréal</h1>"
                + "<p>Le maire de Montréal a présenté le budget de la ville aujourd'hui. " * 6
                + "</p></article></body></html>").encode("utf-8")
        res = lede.extract(page, encoding="iso-8859-1", encoding_from_transport=True)
        self.assertIn("Le maire de Montréal", res["text"])
        res = lede.extract(page, encoding="iso-8859-1")
        self.assertIn("MontrÃ©al", res["text"])

    def test_markdown_body_keeps_plain_text(self):
        res = lede.extract(fixture("table-and-list.html"), format="markdown")
        self.assertNotEqual(res["body"], res["text"])
        self.assertIn("|", res["body"])
        self.assertEqual(res["text"], lede.extract(fixture("table-and-list.html"))["text"])

    def test_html_body_is_an_article_element(self):
        res = lede.extract(fixture("blog-post.html"), format="html")
        self.assertTrue(res["body"].lstrip().startswith("<article"))

    def test_url_resolves_and_fills_a_missing_canonical(self):
        page = ("<html><body><article><h1>A headline for the test</h1>"
                + "<p>Words of a paragraph that is long enough to be an article body. " * 8
                + "</p><p><img src='/pic.jpg'>More words in a second paragraph of prose. " * 8
                + "</p></article></body></html>")
        res = lede.extract(page, url="https://example.com/news/story")
        self.assertEqual(res["url"], "https://example.com/news/story")

    def test_no_article_raises_with_status_and_message(self):
        with self.assertRaises(lede.NoArticleError) as cm:
            lede.extract(fixture("no-article.html"))
        err = cm.exception
        self.assertIsInstance(err, lede.LedeError)
        self.assertEqual(err.status, lede.LEDE_ERR_NO_ARTICLE)
        self.assertTrue(err.message.startswith("no article found"), err.message)
        self.assertEqual(str(err), err.message)
        # the page's metadata comes with the error
        self.assertIsNone(err.metadata["text"])
        self.assertTrue(err.metadata["title"])
        self.assertIn(err.metadata["type"], ("listing", "page"))

    def test_empty_and_binary_inputs_raise(self):
        with self.assertRaises(lede.EmptyInputError) as cm:
            lede.extract(b"")
        self.assertEqual(cm.exception.status, lede.LEDE_ERR_EMPTY)
        with self.assertRaises(lede.EmptyInputError):
            lede.extract("   \n ")
        with self.assertRaises(lede.NotHtmlError):
            lede.extract(bytes(range(256)) * 8)

    def test_bad_arguments_are_python_errors(self):
        with self.assertRaises(ValueError):
            lede.extract(b"<p>x</p>", format="pdf")
        with self.assertRaises(ValueError):
            lede.extract(b"<p>x</p>", focus="everything")
        with self.assertRaises(TypeError):
            lede.extract(12)

    def test_focus_and_comments_are_passed_on(self):
        raw = fixture("wordpress-news.html")
        for focus in ("precision", "recall"):
            self.assertTrue(lede.extract(raw, focus=focus)["text"])
        res = lede.extract(raw, comments=True)
        self.assertIn("comments", res)

    def test_library_is_the_one_asked_for(self):
        if os.environ.get("LEDE_LIBRARY"):
            self.assertEqual(lede.library_path(), os.environ["LEDE_LIBRARY"])


class ThreadsTest(unittest.TestCase):
    ROUNDS = 12

    def pages(self):
        names = sorted(n for n in os.listdir(FIXTURES) if n.endswith(".html"))
        return [fixture(n) for n in names] * self.ROUNDS

    @staticmethod
    def outcome(page):
        try:
            return lede.extract(page, format="markdown")
        except lede.LedeError as e:
            return ("error", e.status)

    def run_threads(self, pages, n):
        results = [None] * len(pages)

        def work(k):
            for i in range(k, len(pages), n):
                results[i] = self.outcome(pages[i])

        threads = [threading.Thread(target=work, args=(k,)) for k in range(n)]
        start = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        return results, time.perf_counter() - start

    def test_preload_then_extract(self):
        lede.preload()
        lede.preload()  # later calls do nothing
        res = lede.extract(fixture("wordpress-news.html"))
        self.assertTrue(res["text"])

    def test_two_threads_give_the_sequential_results(self):
        pages = self.pages()
        one, t1 = self.run_threads(pages, 1)
        two, t2 = self.run_threads(pages, 2)
        self.assertEqual(one, two)
        sys.stderr.write("\nthroughput: 1 thread %.0f pages/s, 2 threads %.0f pages/s (x%.2f)\n"
                         % (len(pages) / t1, len(pages) / t2, t1 / t2))


if __name__ == "__main__":
    unittest.main()
