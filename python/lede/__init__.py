"""lede — the article out of a web page, from Python.

    import lede
    article = lede.extract(html_bytes, url="https://example.com/news/story")
    print(article.title, article.date)      # or article["title"], as a dict
    print(article.text)

    for record in lede.iter_warc("crawl.warc.gz"):   # a web archive's pages
        if record.error is None:
            print(record.target_uri, record.article.title)

A thin binding of liblede (include/lede.h) through ctypes, with nothing to
compile. ctypes lets go of the GIL for the length of each call into the
library, and the library keeps no global state, so threads extract pages in
parallel; results and errors pickle, so processes (ProcessPoolExecutor,
Dask) do too.

The library is found, in this order, at the path in the environment
variable LEDE_LIBRARY (the only one tried when set), next to this file
(where ``pip install`` puts it when it builds or finds one), by the dynamic
loader's own search for liblede.so.0 (LD_LIBRARY_PATH, the ldconfig cache),
and by ctypes.util.find_library("lede"). When none loads, the OSError
names each place tried and what to set.
"""
import typing as _typing

from ._core import (
    LEDE_ERR_EMPTY,
    LEDE_ERR_INVALID_ARG,
    LEDE_ERR_IO,
    LEDE_ERR_NO_ARTICLE,
    LEDE_ERR_NOMEM,
    LEDE_ERR_NOT_HTML,
    LEDE_ERR_PARSE,
    LEDE_ERR_TOO_LARGE,
    LEDE_OK,
    TRUNCATED_BITS,
    Article,
    EmptyInputError,
    InvalidArgumentError,
    LedeError,
    NoArticleError,
    NotHtmlError,
    OutOfMemoryError,
    ParseError,
    TooLargeError,
    WarcRecord,
    extract,
    iter_warc,
    library_path,
    preload,
)

__all__ = [
    "extract", "Article", "iter_warc", "WarcRecord", "library_path", "preload",
    "LedeError", "InvalidArgumentError", "OutOfMemoryError", "EmptyInputError",
    "TooLargeError", "NotHtmlError", "ParseError", "NoArticleError",
    "LEDE_OK", "LEDE_ERR_INVALID_ARG", "LEDE_ERR_NOMEM", "LEDE_ERR_EMPTY",
    "LEDE_ERR_TOO_LARGE", "LEDE_ERR_NOT_HTML", "LEDE_ERR_PARSE", "LEDE_ERR_NO_ARTICLE",
    "LEDE_ERR_IO",
    "TRUNCATED_BITS",
]

__version__ = "0.1.0"


def __dir__() -> "_typing.List[str]":
    return sorted(__all__ + ["__version__"])
