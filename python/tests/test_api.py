"""The Python surface of lede: errors and results that pickle (and cross a
process pool), options that refuse what they cannot mean, the typed result,
the public names, and the README's own example, run as it is written.

    LEDE_LIBRARY=build/liblede.so.0 PYTHONPATH=python \
        python3 -m unittest discover -s python/tests -v
"""
import contextlib
import io
import json
import os
import pickle
import re
import subprocess
import sys
import unittest
from concurrent.futures import ProcessPoolExecutor

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import lede  # noqa: E402

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
FIXTURES = os.environ.get("LEDE_FIXTURES") or os.path.join(ROOT, "tests", "fixtures")


def fixture(name):
    with open(os.path.join(FIXTURES, name), "rb") as f:
        return f.read()


def extract_in_worker(page):
    """Run in a worker process: the outcome crosses back pickled."""
    return lede.extract(page)


def no_article_error():
    try:
        lede.extract(fixture("no-article.html"))
    except lede.NoArticleError as e:
        return e
    raise AssertionError("no-article.html gave an article")


class PickleTest(unittest.TestCase):
    def assert_same_error(self, err, back):
        self.assertIs(type(back), type(err))
        self.assertEqual(back.status, err.status)
        self.assertEqual(back.message, err.message)
        self.assertEqual(str(back), str(err))
        self.assertEqual(back.args, err.args)

    def test_every_error_class_round_trips(self):
        classes = [lede.LedeError, lede.InvalidArgumentError, lede.OutOfMemoryError,
                   lede.EmptyInputError, lede.TooLargeError, lede.NotHtmlError,
                   lede.ParseError, lede.NoArticleError]
        # every LedeError subclass the package defines is in the list
        public = {getattr(lede, n) for n in lede.__all__}
        subclasses = {c for c in public if isinstance(c, type) and issubclass(c, lede.LedeError)}
        self.assertEqual(subclasses, set(classes))
        for status, cls in enumerate(classes):
            err = cls(status, "message of %s" % cls.__name__)
            err.extra = [status]  # an attribute a caller added travels too
            for proto in range(2, pickle.HIGHEST_PROTOCOL + 1):
                with self.subTest(cls=cls.__name__, protocol=proto):
                    back = pickle.loads(pickle.dumps(err, proto))
                    self.assert_same_error(err, back)
                    self.assertEqual(back.extra, [status])

    def test_errors_lede_raises_round_trip_with_their_fields(self):
        for page, cls in ((b"", lede.EmptyInputError), (bytes(range(256)) * 8, lede.NotHtmlError)):
            with self.assertRaises(cls) as cm:
                lede.extract(page)
            self.assert_same_error(cm.exception, pickle.loads(pickle.dumps(cm.exception)))
        err = no_article_error()
        back = pickle.loads(pickle.dumps(err))
        self.assert_same_error(err, back)
        self.assertIsInstance(back.metadata, lede.Article)
        self.assertEqual(back.metadata, err.metadata)
        self.assertEqual(back.metadata.title, "Harbor City Herald")
        self.assertIsNone(back.metadata.text)

    def test_articles_round_trip(self):
        art = lede.extract(fixture("wordpress-news.html"), comments=True)
        back = pickle.loads(pickle.dumps(art))
        self.assertIs(type(back), lede.Article)
        self.assertEqual(back, art)
        self.assertEqual(dict(back), dict(art))

    def test_a_process_pool_returns_articles_and_raises_lede_errors(self):
        pages = [fixture("wordpress-news.html"), fixture("no-article.html"), b""]
        with ProcessPoolExecutor(max_workers=2) as pool:
            futures = [pool.submit(extract_in_worker, p) for p in pages]
            art = futures[0].result(timeout=60)
            self.assertEqual(art, lede.extract(pages[0]))
            with self.assertRaises(lede.NoArticleError) as cm:
                futures[1].result(timeout=60)
            self.assertEqual(cm.exception.status, lede.LEDE_ERR_NO_ARTICLE)
            self.assertEqual(cm.exception.metadata.type, "listing")
            self.assertEqual(cm.exception.metadata.sitename, "Harbor City Herald")
            with self.assertRaises(lede.EmptyInputError):
                futures[2].result(timeout=60)
            # the pool is not broken: it still takes work
            self.assertEqual(pool.submit(extract_in_worker, pages[0]).result(timeout=60), art)


class OptionsTest(unittest.TestCase):
    PAGE = fixture("wordpress-news.html")

    def test_boolean_options_take_booleans_only(self):
        for name in ("comments", "encoding_from_transport", "no_links", "no_images",
                     "no_tables"):
            for value in ("no", "false", "", 0, 1, None, [], 2.0):
                with self.subTest(option=name, value=value):
                    with self.assertRaises(TypeError) as cm:
                        lede.extract(self.PAGE, **{name: value})
                    self.assertIn(name, str(cm.exception))
        self.assertIsNone(lede.extract(self.PAGE, comments=False).comments)
        self.assertIsNotNone(lede.extract(self.PAGE, comments=True).comments)

    def test_omissions_leave_links_and_tables_out(self):
        page = fixture("table-and-list.html")
        full = lede.extract(page, format="markdown")
        self.assertIn("](", full.body)
        self.assertIn("| ", full.body)
        bare = lede.extract(page, format="markdown", no_links=True, no_tables=True)
        self.assertNotIn("](", bare.body)
        self.assertNotIn("| ", bare.body)

    def test_choices_and_strings_are_checked(self):
        for kwargs in ({"format": "pdf"}, {"format": 1}, {"focus": "everything"},
                       {"focus": None}):
            with self.subTest(**{k: repr(v) for k, v in kwargs.items()}):
                with self.assertRaises(ValueError):
                    lede.extract(self.PAGE, **kwargs)
        for kwargs in ({"url": 12}, {"encoding": ["utf-8"]}):
            with self.subTest(**{k: repr(v) for k, v in kwargs.items()}):
                with self.assertRaises(TypeError):
                    lede.extract(self.PAGE, **kwargs)

    def test_truncated_is_a_bool_with_the_limits_named(self):
        art = lede.extract(self.PAGE)
        self.assertIs(art.truncated, False)
        self.assertEqual(art.truncated_by, [])
        # deeper than max_depth (512): flattened, text kept, LEDE_TRUNCATED_DEPTH
        deep = ("<html><body><article><h1>A deep page</h1>" + "<div>" * 600
                + "<p>Words of a paragraph long enough to be the article body here. " * 8
                + "</p>" + "</div>" * 600 + "</article></body></html>")
        art = lede.extract(deep)
        self.assertIs(art.truncated, True)
        self.assertEqual(art.truncated_by, ["depth"])
        self.assertIn("Words of a paragraph", art.text)

    def test_truncated_agrees_with_the_command_json(self):
        cli = os.environ.get("LEDE_CLI")
        if not cli:
            self.skipTest("LEDE_CLI (the lede command) is not set")
        deep = ("<html><body><article>" + "<div>" * 600
                + "<p>Words of a paragraph long enough to be the article body here. " * 8
                + "</p>" + "</div>" * 600 + "</article></body></html>").encode()
        for page in (deep, self.PAGE):
            out = subprocess.run([cli, "--format", "json", "-"], input=page,
                                 stdout=subprocess.PIPE, check=True).stdout
            record = json.loads(out)
            self.assertEqual(lede.extract(page).truncated, record.get("truncated", False))


class ArticleTest(unittest.TestCase):
    def test_attributes_and_keys_are_the_same_fields(self):
        art = lede.extract(fixture("wordpress-news.html"))
        self.assertIsInstance(art, lede.Article)
        for key in art:
            self.assertEqual(art[key], getattr(art, key), key)
        self.assertEqual(art.to_dict(), dict(art))
        self.assertEqual(art.get("title"), art.title)
        self.assertIsNone(art.get("no such field"))
        self.assertIn("title", art)
        self.assertNotIn("nope", art)
        with self.assertRaises(KeyError):
            art["nope"]
        json.dumps(dict(art))  # plain JSON types only
        # equal to the dict lede 0.1 returned, and not to a different one
        self.assertEqual(art, art.to_dict())
        self.assertEqual(art.to_dict(), art)
        self.assertNotEqual(art, dict(art.to_dict(), title="other"))
        self.assertNotEqual(art, lede.extract(fixture("blog-post.html")))
        with self.assertRaises(TypeError):
            hash(art)

    def test_frozen(self):
        art = lede.extract(fixture("wordpress-news.html"))
        with self.assertRaises(AttributeError):
            art.title = "x"
        with self.assertRaises(TypeError):
            art["title"] = "x"

    def test_the_fields_are_typed(self):
        import typing
        hints = typing.get_type_hints(lede.Article)
        self.assertEqual(list(hints), list(lede.Article(**{}).keys()))
        self.assertEqual(hints["title"], typing.Optional[str])
        self.assertEqual(hints["confidence"], float)
        self.assertEqual(hints["truncated"], bool)
        ret = typing.get_type_hints(lede.extract)["return"]
        self.assertIs(ret, lede.Article)

    def test_a_type_checker_passes_the_package_and_catches_a_wrong_option(self):
        import importlib.util
        if importlib.util.find_spec("mypy") is None:
            self.skipTest("mypy is not installed (python3-mypy)")
        import tempfile
        package = os.path.dirname(os.path.dirname(os.path.abspath(lede.__file__)))
        with tempfile.TemporaryDirectory() as tmp:
            user = os.path.join(tmp, "user.py")
            with open(user, "w") as f:
                f.write("import lede\n"
                        "a = lede.extract(b'<p>x</p>')\n"
                        "t: str = a.title\n"                      # Optional[str]: an error
                        "lede.extract(b'<p>x</p>', comments='no')\n"  # bool: an error
                        "ok: bool = a.truncated\n")

            def run_mypy(*args):
                env = dict(os.environ, MYPYPATH=package)
                return subprocess.run([sys.executable, "-m", "mypy", "--cache-dir",
                                       os.path.join(tmp, "cache"), *args], env=env, cwd=tmp,
                                      stdout=subprocess.PIPE, universal_newlines=True)

            run = run_mypy("--strict", "-p", "lede")
            self.assertEqual(run.returncode, 0, run.stdout)
            run = run_mypy(user)
            self.assertNotEqual(run.returncode, 0, run.stdout)
            errors = [line for line in run.stdout.splitlines() if ": error:" in line]
            self.assertEqual([e.split(":")[1] for e in errors], ["3", "4"], run.stdout)

    def test_package_is_marked_typed(self):
        self.assertTrue(os.path.isfile(os.path.join(os.path.dirname(lede.__file__), "py.typed")))


class PublicNamesTest(unittest.TestCase):
    def test_dir_shows_only_public_names(self):
        names = [n for n in dir(lede) if not n.startswith("__")]
        for private in ("ctypes", "os", "threading", "_core", "_load", "_Options"):
            self.assertNotIn(private, names)
        self.assertEqual(sorted(names), sorted(lede.__all__))
        for name in lede.__all__:
            self.assertTrue(hasattr(lede, name), name)
        self.assertEqual(lede.Article.__module__, "lede")
        self.assertEqual(lede.NoArticleError.__module__, "lede")

    def test_star_import_gives_all(self):
        scope = {}
        exec("from lede import *", scope)
        self.assertEqual(sorted(k for k in scope if k != "__builtins__"), sorted(lede.__all__))


class ReadmeTest(unittest.TestCase):
    def readme_python_blocks(self):
        with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as f:
            readme = f.read()
        section = readme.split("## The Python package", 1)[1].split("\n## ", 1)[0]
        return re.findall(r"```python\n(.*?)```", section, re.S)

    def test_the_readme_example_does_what_it_says(self):
        blocks = self.readme_python_blocks()
        self.assertTrue(blocks)
        out = io.StringIO()
        cwd = os.getcwd()
        os.chdir(ROOT)  # the example reads tests/fixtures/... from the top of the tree
        try:
            with contextlib.redirect_stdout(out):
                exec(compile(blocks[0], "README.md", "exec"), {"__name__": "readme"})
        finally:
            os.chdir(cwd)
        lines = out.getvalue().splitlines()
        self.assertEqual(len(lines), 2, lines)  # the article, then the NoArticleError
        self.assertTrue(lines[0].startswith("Millbrook council approves"), lines[0])
        self.assertIn("['Jane Doe']", lines[0])
        self.assertTrue(lines[1].startswith("7 no article found"), lines[1])
        self.assertTrue(lines[1].endswith(" Home page"), lines[1])


if __name__ == "__main__":
    unittest.main()
