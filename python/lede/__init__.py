"""lede — the article out of a web page, from Python.

    import lede
    article = lede.extract(html_bytes, url="https://example.com/news/story")
    print(article["title"], article["date"])
    print(article["text"])

A thin binding of liblede (include/lede.h) through ctypes, with nothing to
compile: the structures below mirror the header's field by field. ctypes
lets go of the GIL for the length of each call into the library, and the
library keeps no global state, so threads extract pages in parallel.

The library is found, in this order, at the path in the environment
variable LEDE_LIBRARY, by ctypes.util.find_library("lede") (an installed
liblede.so.0), or next to this file.
"""
import ctypes
import ctypes.util
import os
import threading

__all__ = [
    "extract", "LedeError", "InvalidArgumentError", "OutOfMemoryError", "EmptyInputError",
    "TooLargeError", "NotHtmlError", "ParseError", "NoArticleError", "library_path",
    "preload",
]

__version__ = "0.1.0"

# ---- include/lede.h, mirrored -------------------------------------------

# lede_status
LEDE_OK = 0
LEDE_ERR_INVALID_ARG = 1
LEDE_ERR_NOMEM = 2
LEDE_ERR_EMPTY = 3
LEDE_ERR_TOO_LARGE = 4
LEDE_ERR_NOT_HTML = 5
LEDE_ERR_PARSE = 6
LEDE_ERR_NO_ARTICLE = 7

_FORMATS = {"text": 0, "markdown": 1, "html": 2}           # lede_format
_FOCUS = {"balanced": 0, "precision": 1, "recall": 2}       # lede_focus


class _Options(ctypes.Structure):
    """lede_options."""
    _fields_ = [
        ("format", ctypes.c_int),
        ("url", ctypes.c_char_p),
        ("encoding", ctypes.c_char_p),
        ("max_input", ctypes.c_size_t),
        ("max_depth", ctypes.c_uint),
        ("focus", ctypes.c_int),
        ("comments", ctypes.c_int),
        ("max_nodes", ctypes.c_size_t),
        ("max_attrs", ctypes.c_uint),
        ("max_attr_len", ctypes.c_size_t),
        ("max_output", ctypes.c_size_t),
        ("encoding_from_transport", ctypes.c_int),  # the last field: keep in step with lede.h
    ]


_SOURCE_FIELDS = ("title", "author", "date", "modified", "sitename", "description", "language",
                  "url", "image", "section", "tags", "type")


class _Sources(ctypes.Structure):
    """lede_sources: static strings, never freed."""
    _fields_ = [(name, ctypes.c_char_p) for name in _SOURCE_FIELDS]


_StringArray = ctypes.POINTER(ctypes.c_char_p)


class _Result(ctypes.Structure):
    """lede_result. Reading a c_char_p field copies the string into a
    Python bytes object, so nothing outlives lede_result_free."""
    _fields_ = [
        ("body", ctypes.c_char_p),
        ("text", ctypes.c_char_p),
        ("title", ctypes.c_char_p),
        ("author", ctypes.c_char_p),
        ("date", ctypes.c_char_p),
        ("sitename", ctypes.c_char_p),
        ("description", ctypes.c_char_p),
        ("language", ctypes.c_char_p),
        ("url", ctypes.c_char_p),
        ("image", ctypes.c_char_p),
        ("section", ctypes.c_char_p),
        ("tags", _StringArray),
        ("tag_count", ctypes.c_size_t),
        ("confidence", ctypes.c_double),
        ("comments", ctypes.c_char_p),
        ("authors", _StringArray),
        ("author_count", ctypes.c_size_t),
        ("modified", ctypes.c_char_p),
        ("type", ctypes.c_char_p),
        ("sources", _Sources),
        ("truncated", ctypes.c_uint),
    ]


# ---- errors ----------------------------------------------------------------


class LedeError(Exception):
    """A status other than LEDE_OK: .status is the lede_status code and
    .message the sentence lede_strerror gives for it."""

    status = None

    def __init__(self, status, message):
        super().__init__(message)
        self.status = status
        self.message = message


class InvalidArgumentError(LedeError, ValueError):
    """LEDE_ERR_INVALID_ARG: an option out of range."""


class OutOfMemoryError(LedeError, MemoryError):
    """LEDE_ERR_NOMEM."""


class EmptyInputError(LedeError):
    """LEDE_ERR_EMPTY: no bytes, or only white space."""


class TooLargeError(LedeError):
    """LEDE_ERR_TOO_LARGE: larger than max_input."""


class NotHtmlError(LedeError):
    """LEDE_ERR_NOT_HTML: binary bytes, not markup."""


class ParseError(LedeError):
    """LEDE_ERR_PARSE: the parser could not build a document."""


class NoArticleError(LedeError):
    """LEDE_ERR_NO_ARTICLE: the page carries no article (a home page, a
    listing). Its metadata (title, sitename, type, ...) is in .metadata, a
    dict like extract()'s with text and body None."""

    def __init__(self, status, message, metadata=None):
        super().__init__(status, message)
        self.metadata = metadata or {}


_ERRORS = {
    LEDE_ERR_INVALID_ARG: InvalidArgumentError,
    LEDE_ERR_NOMEM: OutOfMemoryError,
    LEDE_ERR_EMPTY: EmptyInputError,
    LEDE_ERR_TOO_LARGE: TooLargeError,
    LEDE_ERR_NOT_HTML: NotHtmlError,
    LEDE_ERR_PARSE: ParseError,
    LEDE_ERR_NO_ARTICLE: NoArticleError,
}

# ---- the library -----------------------------------------------------------

_lib = None
_lib_path = None
_lib_lock = threading.Lock()


def _candidates():
    env = os.environ.get("LEDE_LIBRARY")
    if env:
        yield env
        return  # a path that was asked for is the only one tried
    found = ctypes.util.find_library("lede")
    if found:
        yield found
    here = os.path.dirname(os.path.abspath(__file__))
    for name in ("liblede.so.0", "liblede.so", "liblede.dylib"):
        yield os.path.join(here, name)


def _load():
    global _lib, _lib_path
    with _lib_lock:
        if _lib is not None:
            return _lib
        errors = []
        for path in _candidates():
            try:
                lib = ctypes.CDLL(path)
            except OSError as e:
                errors.append("%s: %s" % (path, e))
                continue
            lib.lede_options_init.argtypes = [ctypes.POINTER(_Options)]
            lib.lede_options_init.restype = None
            lib.lede_extract.argtypes = [ctypes.c_char_p, ctypes.c_size_t,
                                         ctypes.POINTER(_Options),
                                         ctypes.POINTER(ctypes.POINTER(_Result))]
            lib.lede_extract.restype = ctypes.c_int
            lib.lede_result_free.argtypes = [ctypes.POINTER(_Result)]
            lib.lede_result_free.restype = None
            lib.lede_strerror.argtypes = [ctypes.c_int]
            lib.lede_strerror.restype = ctypes.c_char_p
            lib.lede_preload.argtypes = []
            lib.lede_preload.restype = None
            _lib, _lib_path = lib, path
            return lib
        raise OSError("liblede not found; set LEDE_LIBRARY to the path of liblede.so.0 ("
                      + "; ".join(errors or ["no candidates"]) + ")")


def library_path():
    """The path (or name) liblede was loaded from."""
    _load()
    return _lib_path


def preload():
    """Load now what liblede loads on first use (language profiles, its
    vocabulary index), e.g. in a worker's set-up, so that the first pages
    of several threads do not wait for one of them to load it. Optional."""
    _load().lede_preload()


def _str(value):
    return None if value is None else value.decode("utf-8", "replace")


def _strings(array, count):
    return [_str(array[i]) for i in range(count)] if array and count else None


def _to_dict(res):
    sources = {name: _str(getattr(res.sources, name)) for name in _SOURCE_FIELDS
               if getattr(res.sources, name)}
    return {
        "text": _str(res.text),
        "body": _str(res.body),
        "title": _str(res.title),
        "author": _str(res.author),
        "authors": _strings(res.authors, res.author_count),
        "date": _str(res.date),
        "modified": _str(res.modified),
        "sitename": _str(res.sitename),
        "description": _str(res.description),
        "language": _str(res.language),
        "url": _str(res.url),
        "image": _str(res.image),
        "section": _str(res.section),
        "tags": _strings(res.tags, res.tag_count),
        "type": _str(res.type),
        "confidence": res.confidence,
        "comments": _str(res.comments),
        "metadata_source": sources,
        "truncated": res.truncated,
    }


def _option_bytes(value, name):
    if value is None:
        return None
    if isinstance(value, str):
        return value.encode("utf-8")
    if isinstance(value, bytes):
        return value
    raise TypeError("%s must be str or bytes, not %s" % (name, type(value).__name__))


def extract(html, url=None, format="text", encoding=None, focus="balanced", comments=False,
            encoding_from_transport=False):
    """The article of the page HTML (bytes as fetched, or str) as a dict:
    text (plain), body (in FORMAT: "text", "markdown" or "html"), title,
    author, authors, date, modified, sitename, description, language, url,
    image, section, tags, type, confidence (0..1), comments (the reader
    comments when COMMENTS, else None), metadata_source and truncated.
    Fields the page does not carry are None.

    URL is the address the page was fetched from; ENCODING its charset as an
    HTTP header gives it (bytes only: a str is passed on as UTF-8); FOCUS
    "balanced", "precision" or "recall". ENCODING wins over what the page
    says, unless ENCODING_FROM_TRANSPORT tells that it is a server's label
    rather than a choice: a Latin default (iso-8859-1, windows-1252) then
    yields to bytes that are plainly UTF-8. Raises a LedeError subclass
    when the page gives no article."""
    if isinstance(html, str):
        data = html.encode("utf-8", "replace")
        encoding = "utf-8"
    elif isinstance(html, (bytes, bytearray, memoryview)):
        data = bytes(html)
    else:
        raise TypeError("html must be bytes or str, not %s" % type(html).__name__)
    if format not in _FORMATS:
        raise ValueError("format must be one of %s, not %r" % (", ".join(_FORMATS), format))
    if focus not in _FOCUS:
        raise ValueError("focus must be one of %s, not %r" % (", ".join(_FOCUS), focus))
    lib = _load()
    opt = _Options()
    lib.lede_options_init(ctypes.byref(opt))
    opt.format = _FORMATS[format]
    opt.url = _option_bytes(url, "url")
    opt.encoding = _option_bytes(encoding, "encoding")
    opt.encoding_from_transport = 1 if encoding_from_transport and not isinstance(html, str) else 0
    opt.focus = _FOCUS[focus]
    opt.comments = 1 if comments else 0
    res = ctypes.POINTER(_Result)()
    status = lib.lede_extract(data, len(data), ctypes.byref(opt), ctypes.byref(res))
    if status not in (LEDE_OK, LEDE_ERR_NO_ARTICLE):
        message = _str(lib.lede_strerror(status))
        raise _ERRORS.get(status, LedeError)(status, message)
    try:
        fields = _to_dict(res.contents)
    finally:
        lib.lede_result_free(res)
    if status == LEDE_ERR_NO_ARTICLE:
        raise NoArticleError(status, _str(lib.lede_strerror(status)), fields)
    return fields
