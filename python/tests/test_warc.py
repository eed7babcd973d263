"""lede.iter_warc against the command: over the test archives that
tests/cli/make_warc.py builds (pages, a listing, damaged records; plain and
one gzip member a record), iter_warc gives what ``lede --warc --format
jsonl`` prints, record for record; and its records pickle.

    LEDE_LIBRARY=build/liblede.so.0 LEDE_CLI=build/lede PYTHONPATH=python \\
        python3 -m unittest discover -s python/tests -v
"""
import io
import json
import os
import pickle
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import lede  # noqa: E402

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
FIXTURES = os.environ.get("LEDE_FIXTURES") or os.path.join(ROOT, "tests", "fixtures")
MAKE_WARC = os.path.join(ROOT, "tests", "cli", "make_warc.py")
WARC_FIELDS = {"warc_target_uri": "target_uri", "warc_record_id": "record_id",
               "warc_date": "date"}


class IterWarcTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.cli = os.environ.get("LEDE_CLI")
        if not cls.cli:
            raise unittest.SkipTest("LEDE_CLI (the lede command CTest builds) is not set")
        cls.tmp = tempfile.TemporaryDirectory()
        cls.archives = []
        for gz in (False, True):
            path = os.path.join(cls.tmp.name, "test.warc" + (".gz" if gz else ""))
            subprocess.run([sys.executable, MAKE_WARC, "test", FIXTURES, path]
                           + (["--gzip"] if gz else []), check=True)
            cls.archives.append(path)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def command(self, path, stdin=None):
        run = subprocess.run([self.cli, "--warc", "--format", "jsonl", "--quiet", path],
                             input=stdin, stdout=subprocess.PIPE, check=False)
        self.assertIn(run.returncode, (0, 1))  # 1: some records are errors
        return [json.loads(line) for line in run.stdout.decode("utf-8").splitlines()]

    def assert_same(self, records, lines):
        self.assertEqual(len(records), len(lines))
        for rec, line in zip(records, lines):
            with self.subTest(source=line["source"]):
                self.assertIsInstance(rec, lede.WarcRecord)
                self.assertEqual(rec.source, line["source"])
                self.assertEqual(rec.offset, int(line["source"].rsplit(":", 1)[1]))
                self.assertEqual(rec.error, line.get("error"))
                for key, attr in WARC_FIELDS.items():
                    self.assertEqual(getattr(rec, attr), line.get(key), key)
                fields = [k for k in line if k in lede.Article.__dataclass_fields__]
                if rec.article is None:
                    self.assertEqual(fields, [], "the command has an article, iter_warc none")
                for key in fields:
                    self.assertEqual(rec.article[key], line[key], key)

    def test_a_path_gives_what_the_command_prints(self):
        for path in self.archives:
            with self.subTest(archive=os.path.basename(path)):
                records = list(lede.iter_warc(path))
                lines = self.command(path)
                kinds = {("error" if r.article is None else "page") for r in records}
                self.assertEqual(kinds, {"error", "page"})  # the archive has both
                self.assert_same(records, lines)

    def test_a_file_object_gives_what_the_command_reads_from_a_pipe(self):
        for path in self.archives:
            with open(path, "rb") as f:
                data = f.read()
            with self.subTest(archive=os.path.basename(path)):
                self.assert_same(list(lede.iter_warc(io.BytesIO(data))),
                                 self.command("-", stdin=data))

    def test_options_reach_the_extraction(self):
        record = next(r for r in lede.iter_warc(self.archives[0], format="markdown")
                      if r.status == lede.LEDE_OK)
        self.assertIsNotNone(record.article.body)
        self.assertNotEqual(record.article.body, record.article.text)  # markdown, not text

    def test_byte_ranges_split_the_records_among_them(self):
        # cuts at record offsets, one byte past them and inside records:
        # every record falls in exactly one range, in file order
        for path in self.archives:
            whole = list(lede.iter_warc(path))
            size = os.path.getsize(path)
            offsets = [r.offset for r in whole]
            cuts = sorted({0, offsets[1], offsets[2] + 1, (offsets[3] + offsets[4]) // 2,
                           size // 2, size})
            with self.subTest(archive=os.path.basename(path), cuts=cuts):
                parts = [list(lede.iter_warc(path, start=a, stop=b))
                         for a, b in zip(cuts, cuts[1:])]
                for (a, b), part in zip(zip(cuts, cuts[1:]), parts):
                    self.assertTrue(all(a <= r.offset < b for r in part), (a, b))
                self.assertEqual([r for part in parts for r in part], whole)
                self.assertEqual(list(lede.iter_warc(path, start=offsets[-1] + 1)), [])

    def test_a_range_is_checked(self):
        for start, stop in ((-1, None), (5, 4), (0, "9"), (True, None)):
            with self.subTest(start=start, stop=stop), self.assertRaises(ValueError):
                next(lede.iter_warc(self.archives[0], start=start, stop=stop))

    def test_records_pickle(self):
        for record in lede.iter_warc(self.archives[1]):
            back = pickle.loads(pickle.dumps(record))
            self.assertIs(type(back), lede.WarcRecord)
            self.assertEqual(back, record)

    def test_a_missing_path_is_an_oserror_naming_it(self):
        missing = os.path.join(self.tmp.name, "missing.warc")
        with self.assertRaises(FileNotFoundError) as cm:
            next(lede.iter_warc(missing))
        self.assertEqual(cm.exception.filename, missing)

    def test_a_read_error_is_raised(self):
        class Broken(io.RawIOBase):
            def read(self, n=-1):
                raise ValueError("the disk is gone")
        with self.assertRaisesRegex(ValueError, "the disk is gone"):
            list(lede.iter_warc(Broken()))


if __name__ == "__main__":
    unittest.main()
