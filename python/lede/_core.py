"""The implementation of the lede package: ctypes over liblede.

Only what lede/__init__.py re-exports is public. The option structures
here mirror include/lede.h field by field, and python/tests/test_abi.py
checks them against the compiler's offsetof and sizeof (tests/abi_layout.py
generates the C side from the header); a result is opaque and read through
lede_result_string() and its neighbours, field by field by name, which
test_abi.py checks against `lede --format json`.
"""
import ctypes
import ctypes.util
import errno
import os
import threading
from dataclasses import dataclass, field, fields
from typing import Any, BinaryIO, Dict, Iterator, List, Mapping, Optional, Tuple, Union

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
LEDE_ERR_IO = 8

_FORMATS = {"text": 0, "markdown": 1, "html": 2}           # lede_format
_FOCUS = {"balanced": 0, "precision": 1, "recall": 2}       # lede_focus

# The LEDE_TRUNCATED_* bits of lede_result.truncated, by the name Python
# gives them in Article.truncated_by (in bit order).
TRUNCATED_BITS = (
    ("nodes", 1 << 0),    # LEDE_TRUNCATED_NODES: more than max_nodes, the rest not read
    ("output", 1 << 1),   # LEDE_TRUNCATED_OUTPUT: a string cut at max_output
    ("depth", 1 << 2),    # LEDE_TRUNCATED_DEPTH: nested deeper than max_depth, flattened
    ("attrs", 1 << 3),    # LEDE_TRUNCATED_ATTRS: attributes dropped or cut
    ("repairs", 1 << 4),  # LEDE_TRUNCATED_REPAIRS: too much broken markup, the rest not read
    ("jsonld", 1 << 5),   # LEDE_TRUNCATED_JSONLD: a JSON-LD block not read
)


class _Options(ctypes.Structure):
    """lede_options; size, its first member, is ctypes.sizeof(_Options)."""
    _fields_ = [
        ("size", ctypes.c_size_t),
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
        ("encoding_from_transport", ctypes.c_int),
        ("omit", ctypes.c_uint),
    ]


class _WarcOptions(ctypes.Structure):
    """lede_warc_options; size, its first member, is ctypes.sizeof(_WarcOptions)."""
    _fields_ = [
        ("size", ctypes.c_size_t),
        ("max_payload", ctypes.c_size_t),
        ("name", ctypes.c_char_p),
        ("head", ctypes.c_void_p),
        ("head_len", ctypes.c_size_t),
    ]


# lede_warc_read_fn: up to CAP bytes into BUF; the count, 0 at the end, -1 on an error.
_WARC_READ_FN = ctypes.CFUNCTYPE(ctypes.c_longlong, ctypes.c_void_p, ctypes.c_void_p,
                                 ctypes.c_size_t)

# lede_result is opaque: its fields are read through lede_result_string()
# and its neighbours, each field by the number lede_field_lookup() gives
# for its name (the key of `lede --format json`). A field this library does
# not know (an older liblede) reads as None.
_STRING_FIELDS = ("text", "body", "title", "author", "date", "modified", "sitename",
                  "description", "language", "url", "image", "section", "type", "comments")
_LIST_FIELDS = {"authors": "author", "tags": "tags"}  # Article's name: the lede_field's
_SOURCE_FIELDS = ("title", "author", "date", "modified", "sitename", "description", "language",
                  "url", "image", "section", "tags", "type")


# ---- the result ------------------------------------------------------------


@dataclass(frozen=True, eq=False)  # __eq__ below
class Article(Mapping[str, Any]):
    """What lede read from a page: the article and its metadata.

    Every field is an attribute (``article.title``) and, as in lede 0.1's
    dicts, a key (``article["title"]``): an Article is a read-only Mapping
    of its field names, in this order, so ``dict(article)`` and
    ``json.dumps(dict(article))`` work. Fields the page does not carry are
    None. The fields are those of ``lede --format json``'s records:

    text: the article as plain text (None in NoArticleError.metadata)
    body: the article in the format asked for ("text", "markdown", "html")
    title, author ("; "-joined names), authors (the names one by one),
    date and modified (ISO 8601), sitename, description, language (BCP 47),
    url (canonical), image, section, tags (a list), type ("article",
    "listing", ...): the metadata
    confidence: 0..1, how sure lede is that body is the article
    comments: the reader comments as plain text when asked for, else None
    metadata_source: where each metadata field was read from ("json-ld",
    "og", "meta", ...), for the fields that are set
    truncated: True when a limit cut the page (JSON's "truncated": true)
    truncated_by: which limits, as names ("nodes", "output", "depth",
    "attrs", "repairs", "jsonld"; lede.h's LEDE_TRUNCATED_* bits); empty
    when truncated is False

    Frozen: fields cannot be reassigned (the lists in it are plain lists,
    so an Article is not hashable). It equals another Article, or a dict,
    with the same fields. Articles pickle, so they travel to and from
    worker processes.
    """

    text: Optional[str] = None
    body: Optional[str] = None
    title: Optional[str] = None
    author: Optional[str] = None
    authors: Optional[List[str]] = None
    date: Optional[str] = None
    modified: Optional[str] = None
    sitename: Optional[str] = None
    description: Optional[str] = None
    language: Optional[str] = None
    url: Optional[str] = None
    image: Optional[str] = None
    section: Optional[str] = None
    tags: Optional[List[str]] = None
    type: Optional[str] = None
    confidence: float = 0.0
    comments: Optional[str] = None
    metadata_source: Dict[str, str] = field(default_factory=dict)
    truncated: bool = False
    truncated_by: List[str] = field(default_factory=list)

    # Mapping: the field names are the keys.
    def __getitem__(self, key: str) -> Any:
        if key in _ARTICLE_FIELDS:
            return getattr(self, key)
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return iter(_ARTICLE_FIELDS)

    def __len__(self) -> int:
        return len(_ARTICLE_FIELDS)

    def __contains__(self, key: object) -> bool:
        return key in _ARTICLE_FIELDS

    def __eq__(self, other: object) -> bool:
        # equal to an Article with the same fields, and, as lede 0.1's
        # dicts were, to any mapping with the same keys and values
        if isinstance(other, Article):
            return all(getattr(self, n) == getattr(other, n) for n in _ARTICLE_FIELDS)
        if isinstance(other, Mapping):
            return dict(self.items()) == dict(other.items())
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # its lists and dicts are mutable

    def to_dict(self) -> Dict[str, Any]:
        """A plain dict of the fields (lists and dicts copied)."""
        out: Dict[str, Any] = {}
        for name in _ARTICLE_FIELDS:
            value = getattr(self, name)
            out[name] = value.copy() if isinstance(value, (list, dict)) else value
        return out


_ARTICLE_FIELDS: Tuple[str, ...] = tuple(f.name for f in fields(Article))
Article.__module__ = "lede"


# ---- errors ----------------------------------------------------------------


class LedeError(Exception):
    """A status other than LEDE_OK: .status is the lede_status code and
    .message the sentence lede_strerror gives for it (also str(error)).

    lede's errors pickle with their fields (pickle.loads(pickle.dumps(e))
    gives an error of the same class, status, message and metadata), so an
    error raised in a ProcessPoolExecutor or on a Dask worker arrives as
    itself and ``except lede.NoArticleError`` matches it."""

    status: int
    message: str

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message

    def _init_args(self) -> Tuple[Any, ...]:
        return (self.status, self.message)

    def __reduce__(self) -> Tuple[Any, Tuple[Any, ...], Dict[str, Any]]:
        # Exception's own reduce calls cls(*self.args), that is cls(message):
        # give the constructor's arguments, then every attribute.
        return (type(self), self._init_args(), dict(self.__dict__))


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
    """LEDE_ERR_NO_ARTICLE: the page has no prose to be an article (a home
    page or a listing of links). Its metadata (title, sitename, type
    "listing" or "page", ...) is in .metadata, an Article whose text and
    body are None."""

    metadata: Optional[Article]

    def __init__(self, status: int, message: str, metadata: Optional[Article] = None) -> None:
        super().__init__(status, message)
        self.metadata = metadata

    def _init_args(self) -> Tuple[Any, ...]:
        return (self.status, self.message, self.metadata)


for _cls in (LedeError, InvalidArgumentError, OutOfMemoryError, EmptyInputError, TooLargeError,
             NotHtmlError, ParseError, NoArticleError):
    _cls.__module__ = "lede"   # pickles name lede.NoArticleError, the public name
del _cls

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

_lib: Optional[ctypes.CDLL] = None
_lib_path: Optional[str] = None
_lib_lock = threading.Lock()
_field_numbers: Dict[str, int] = {}  # lede_field by name, filled with _lib, -1 unknown
_HERE = os.path.dirname(os.path.abspath(__file__))
_NAMES = ("liblede.so.0", "liblede.so", "liblede.0.dylib", "liblede.dylib")


def _candidates() -> Iterator[str]:
    env = os.environ.get("LEDE_LIBRARY")
    if env:
        yield env
        return  # a path that was asked for is the only one tried
    for name in _NAMES:  # shipped inside the package (pip install)
        path = os.path.join(_HERE, name)
        if os.path.exists(path):
            yield path
    yield "liblede.so.0"  # the dynamic loader's own search: LD_LIBRARY_PATH, ldconfig's cache
    found = ctypes.util.find_library("lede")
    if found and found != "liblede.so.0":
        yield found


def _load() -> ctypes.CDLL:
    global _lib, _lib_path
    with _lib_lock:
        if _lib is not None:
            return _lib
        errors = []
        for path in _candidates():
            try:
                lib = ctypes.CDLL(path, use_errno=True)  # errno: lede_warc_open_path
            except OSError as e:
                errors.append("%s: %s" % (path, e))
                continue
            # lede_options_init() is a static inline of the header: this is
            # what it calls, with the size of the structure as laid out here.
            lib.lede_options_defaults.argtypes = [ctypes.POINTER(_Options), ctypes.c_size_t]
            lib.lede_options_defaults.restype = None
            lib.lede_extract.argtypes = [ctypes.c_char_p, ctypes.c_size_t,
                                         ctypes.POINTER(_Options),
                                         ctypes.POINTER(ctypes.c_void_p)]
            lib.lede_extract.restype = ctypes.c_int
            _bind_result(lib)
            lib.lede_strerror.argtypes = [ctypes.c_int]
            lib.lede_strerror.restype = ctypes.c_char_p
            lib.lede_preload.argtypes = []
            lib.lede_preload.restype = None
            _bind_warc(lib)
            for name in set(_STRING_FIELDS) | set(_LIST_FIELDS.values()):
                _field_numbers[name] = lib.lede_field_lookup(name.encode())
            _lib, _lib_path = lib, path
            return lib
        raise OSError(
            "liblede not found. Set LEDE_LIBRARY to the path of liblede.so.0 (e.g. "
            "build/liblede.so.0 after cmake --build build), or install it (cmake --install "
            "build, then ldconfig, or LD_LIBRARY_PATH=PREFIX/lib for another prefix), or "
            "install the package with the library inside it (see the README). Tried: "
            + "; ".join(errors or ["no candidates"]))


def _bind_result(lib: ctypes.CDLL) -> None:
    """The argument and result types of the getters of lede_result."""
    result, field = ctypes.c_void_p, ctypes.c_int
    lib.lede_field_lookup.argtypes = [ctypes.c_char_p]
    lib.lede_field_lookup.restype = ctypes.c_int
    for name in ("string", "source"):
        fn = getattr(lib, "lede_result_" + name)
        fn.argtypes = [result, field]
        fn.restype = ctypes.c_char_p
    lib.lede_result_count.argtypes = [result, field]
    lib.lede_result_count.restype = ctypes.c_size_t
    lib.lede_result_item.argtypes = [result, field, ctypes.c_size_t]
    lib.lede_result_item.restype = ctypes.c_char_p
    lib.lede_result_confidence.argtypes = [result]
    lib.lede_result_confidence.restype = ctypes.c_double
    lib.lede_result_truncated.argtypes = [result]
    lib.lede_result_truncated.restype = ctypes.c_uint
    lib.lede_result_free.argtypes = [result]
    lib.lede_result_free.restype = None


def _bind_warc(lib: ctypes.CDLL) -> None:
    """The argument and result types of lede_warc_* (opaque pointers)."""
    reader, record = ctypes.c_void_p, ctypes.c_void_p
    lib.lede_warc_options_defaults.argtypes = [ctypes.POINTER(_WarcOptions), ctypes.c_size_t]
    lib.lede_warc_options_defaults.restype = None
    lib.lede_warc_open_path.argtypes = [ctypes.c_char_p, ctypes.POINTER(_WarcOptions),
                                        ctypes.POINTER(reader)]
    lib.lede_warc_open_read.argtypes = [_WARC_READ_FN, ctypes.c_void_p,
                                        ctypes.POINTER(_WarcOptions), ctypes.POINTER(reader)]
    lib.lede_warc_next.argtypes = [reader, ctypes.POINTER(record)]
    for name in ("open_path", "open_read", "next"):
        getattr(lib, "lede_warc_" + name).restype = ctypes.c_int
    lib.lede_warc_close.argtypes = [reader]
    lib.lede_warc_close.restype = None
    for name in ("error", "source", "target_uri", "date", "id", "charset"):
        fn = getattr(lib, "lede_warc_record_" + name)
        fn.argtypes = [record]
        fn.restype = ctypes.c_char_p
    lib.lede_warc_record_offset.argtypes = [record]
    lib.lede_warc_record_offset.restype = ctypes.c_ulonglong
    lib.lede_warc_record_extract.argtypes = [record, ctypes.POINTER(_Options),
                                             ctypes.POINTER(ctypes.c_void_p)]
    lib.lede_warc_record_extract.restype = ctypes.c_int
    lib.lede_warc_record_free.argtypes = [record]
    lib.lede_warc_record_free.restype = None


def library_path() -> str:
    """The path (or name) liblede was loaded from."""
    _load()
    assert _lib_path is not None
    return _lib_path


def preload() -> None:
    """Load now what liblede loads on first use (language profiles, its
    vocabulary index), e.g. in a worker's set-up, so that the first pages
    of several threads do not wait for one of them to load it. Optional."""
    _load().lede_preload()


def _str(value: Optional[bytes]) -> Optional[str]:
    return None if value is None else value.decode("utf-8", "replace")


def _string(lib: ctypes.CDLL, res: ctypes.c_void_p, name: str) -> Optional[str]:
    number = _field_numbers[name]
    return None if number < 0 else _str(lib.lede_result_string(res, number))


def _list(lib: ctypes.CDLL, res: ctypes.c_void_p, name: str) -> Optional[List[str]]:
    number = _field_numbers[name]
    count = lib.lede_result_count(res, number) if number >= 0 else 0
    return [_str(lib.lede_result_item(res, number, i)) or "" for i in range(count)] or None


def _to_article(lib: ctypes.CDLL, res: ctypes.c_void_p) -> Article:
    sources = {}
    for name in _SOURCE_FIELDS:
        number = _field_numbers[name]
        source = _str(lib.lede_result_source(res, number)) if number >= 0 else None
        if source:
            sources[name] = source
    bits = lib.lede_result_truncated(res)
    values: Dict[str, Any] = {name: _string(lib, res, name) for name in _STRING_FIELDS}
    values.update((name, _list(lib, res, field)) for name, field in _LIST_FIELDS.items())
    return Article(
        confidence=lib.lede_result_confidence(res),
        metadata_source=sources,
        truncated=bits != 0,
        truncated_by=[name for name, bit in TRUNCATED_BITS if bits & bit],
        **values,
    )


def _option_bytes(value: Union[str, bytes, None], name: str) -> Optional[bytes]:
    if value is None:
        return None
    if isinstance(value, str):
        return value.encode("utf-8")
    if isinstance(value, bytes):
        return value
    raise TypeError("%s must be str, bytes or None, not %s" % (name, type(value).__name__))


def _option_bool(value: bool, name: str) -> int:
    # Only True and False: comments="no" or "false" would be true, and
    # silently so; 0 and 1 are refused too, to keep one spelling.
    if value is True or value is False:
        return 1 if value else 0
    raise TypeError("%s must be True or False, not %r" % (name, value))


def _option_choice(value: str, name: str, choices: Dict[str, int]) -> int:
    if isinstance(value, str) and value in choices:
        return choices[value]
    raise ValueError("%s must be one of %s, not %r" % (name, ", ".join(choices), value))


# lede_options.omit bits (include/lede.h LEDE_OMIT_*).
_OMIT_LINKS, _OMIT_IMAGES, _OMIT_TABLES = 1, 2, 4


def extract(html: Union[bytes, bytearray, memoryview, str], url: Optional[str] = None,
            format: str = "text", encoding: Optional[str] = None, focus: str = "balanced",
            comments: bool = False, encoding_from_transport: bool = False,
            no_links: bool = False, no_images: bool = False, no_tables: bool = False) -> Article:
    """The article of the page HTML (bytes as fetched, or str) as an Article:
    text (plain), body (in FORMAT: "text", "markdown" or "html"), title,
    author, authors, date, modified, sitename, description, language, url,
    image, section, tags, type, confidence (0..1), comments (the reader
    comments when COMMENTS, else None), metadata_source, truncated (a bool)
    and truncated_by. Fields the page does not carry are None.

    URL is the address the page was fetched from; ENCODING its charset as an
    HTTP header gives it (bytes only: a str is passed on as UTF-8); FOCUS
    "balanced", "precision" or "recall". ENCODING wins over what the page
    says, unless ENCODING_FROM_TRANSPORT tells that it is a server's label
    rather than a choice: a Latin default (iso-8859-1, windows-1252) then
    yields to bytes that are plainly UTF-8. COMMENTS and
    ENCODING_FROM_TRANSPORT take True or False only (TypeError otherwise);
    FORMAT and FOCUS one of their names (ValueError otherwise). NO_LINKS
    (links become their text), NO_IMAGES (no pictures or figures) and
    NO_TABLES (no tables, in the text too) leave those out of the body.

    Raises NoArticleError (with the page's metadata) when the page has no
    prose to be an article, and another LedeError subclass when the input
    is not a page (EmptyInputError, NotHtmlError, TooLargeError, ...)."""
    if isinstance(html, str):
        data = html.encode("utf-8", "replace")
        encoding = "utf-8"
    elif isinstance(html, (bytes, bytearray, memoryview)):
        data = bytes(html)
    else:
        raise TypeError("html must be bytes or str, not %s" % type(html).__name__)
    from_transport = _option_bool(encoding_from_transport, "encoding_from_transport")
    lib = _load()
    opt = _options(lib, url, format, encoding, focus, comments)
    opt.encoding_from_transport = from_transport if not isinstance(html, str) else 0
    opt.omit = ((_OMIT_LINKS if _option_bool(no_links, "no_links") else 0) |
                (_OMIT_IMAGES if _option_bool(no_images, "no_images") else 0) |
                (_OMIT_TABLES if _option_bool(no_tables, "no_tables") else 0))
    res = ctypes.c_void_p()
    status = lib.lede_extract(data, len(data), ctypes.byref(opt), ctypes.byref(res))
    article = _take_result(lib, status, res)
    if status == LEDE_ERR_NO_ARTICLE:
        raise NoArticleError(status, _str(lib.lede_strerror(status)) or "", article)
    return article


def _options(lib: ctypes.CDLL, url: Optional[str], format: str, encoding: Optional[str],
             focus: str, comments: bool) -> _Options:
    """A lede_options of the library's defaults and these choices, checked."""
    fmt = _option_choice(format, "format", _FORMATS)
    foc = _option_choice(focus, "focus", _FOCUS)
    want_comments = _option_bool(comments, "comments")
    opt = _Options()
    lib.lede_options_defaults(ctypes.byref(opt), ctypes.sizeof(_Options))
    opt.format = fmt
    opt.url = _option_bytes(url, "url")
    opt.encoding = _option_bytes(encoding, "encoding")
    opt.focus = foc
    opt.comments = want_comments
    return opt


def _take_result(lib: ctypes.CDLL, status: int, res: Any) -> Article:
    """The Article of a result RES of STATUS (freed here); the LedeError of a
    status without a result is raised. For LEDE_ERR_NO_ARTICLE, the page's
    metadata."""
    if status not in (LEDE_OK, LEDE_ERR_NO_ARTICLE):
        message = _str(lib.lede_strerror(status)) or ""
        raise _ERRORS.get(status, LedeError)(status, message)
    try:
        return _to_article(lib, res)
    finally:
        lib.lede_result_free(res)


# ---- web archives ------------------------------------------------------------


@dataclass(frozen=True)
class WarcRecord:
    """One HTML response of a web archive, or one damaged record, as
    iter_warc() yields them, in file order: what a record of ``lede --warc
    --format jsonl`` says.

    source: "NAME:OFFSET", the archive (its path, or the file's name) and
    the record's offset, as the command's "source"
    offset: the record's byte offset, or its gzip member's in a .warc.gz
    target_uri, record_id, date: its WARC-Target-URI, WARC-Record-ID and
    WARC-Date (None for a damaged record)
    article: the Article; for a page without one (error is then
    NoArticleError's sentence) the page's metadata, with text None; None
    for a damaged record or another error
    error: None, or the sentence that says what went wrong (the command's
    "error")
    status: the lede status of the extraction (LEDE_OK, LEDE_ERR_*), or
    None for a damaged record
    """

    source: str
    offset: int
    target_uri: Optional[str] = None
    record_id: Optional[str] = None
    date: Optional[str] = None
    article: Optional[Article] = None
    error: Optional[str] = None
    status: Optional[int] = None


WarcRecord.__module__ = "lede"


class _FileReader:
    """A lede_warc_read_fn over a Python file object's read(); an exception
    it raises is kept, read reports an error, and iter_warc raises it."""

    def __init__(self, file: BinaryIO) -> None:
        self.file = file
        self.error: Optional[BaseException] = None
        self.callback = _WARC_READ_FN(self.read)

    def read(self, ctx: Any, buf: Any, cap: int) -> int:
        try:
            data = self.file.read(cap)
            if not isinstance(data, (bytes, bytearray)):
                raise TypeError("iter_warc needs a file opened in binary mode")
            n = min(len(data), cap)
            ctypes.memmove(buf, bytes(data[:n]), n)
            return n
        except BaseException as e:  # noqa: B902 — carried across the C frame
            self.error = e
            return -1


def iter_warc(path_or_file: Union[str, "os.PathLike[str]", BinaryIO], *, format: str = "text",
              focus: str = "balanced", comments: bool = False,
              max_payload: Optional[int] = None, start: int = 0,
              stop: Optional[int] = None) -> Iterator[WarcRecord]:
    """The HTML responses of a web archive (WARC/1.0 or 1.1, plain or
    gzip'ed a record a member), one WarcRecord each, extracted as
    ``lede --warc`` does: the record's target URI as the page's address, its
    HTTP charset as a server's label. A damaged record gives a WarcRecord
    with its error and reading goes on, as does a page without an article;
    requests, redirects and non-HTML responses are passed over.

    PATH_OR_FILE is a path, or a file object opened in binary mode (read
    with its read()). FORMAT, FOCUS and COMMENTS are extract()'s;
    MAX_PAYLOAD bounds a record's HTTP payload in bytes (default: the
    library's maximum input). START and STOP select the records whose
    offset (WarcRecord.offset) is in [START, STOP): the records before
    START are read (inflated, in a .warc.gz) but not extracted, and reading
    ends at the first record at STOP or after. Cuts anywhere in the file
    thus split its records among byte ranges, each record in exactly one,
    so workers can share one archive (examples/dask_warc.py). Raises
    OSError when the path cannot be opened, and what the file object's
    read() raises."""
    lib = _load()
    opt = _options(lib, None, format, None, focus, comments)
    wopt = _WarcOptions()
    lib.lede_warc_options_defaults(ctypes.byref(wopt), ctypes.sizeof(_WarcOptions))
    if max_payload is not None:
        if not isinstance(max_payload, int) or isinstance(max_payload, bool) or max_payload <= 0:
            raise ValueError("max_payload must be a positive int, not %r" % (max_payload,))
        wopt.max_payload = max_payload
    _check_range(start, stop)
    reader = ctypes.c_void_p()
    source: Optional[_FileReader] = None
    if isinstance(path_or_file, (str, bytes, os.PathLike)):
        path = os.fsencode(path_or_file)
        wopt.name = path
        status = lib.lede_warc_open_path(path, ctypes.byref(wopt), ctypes.byref(reader))
        if status == LEDE_ERR_IO:
            err = ctypes.get_errno() or errno.EIO
            raise OSError(err, os.strerror(err), os.fsdecode(path))
    elif hasattr(path_or_file, "read"):
        source = _FileReader(path_or_file)
        name = getattr(path_or_file, "name", None)
        wopt.name = os.fsencode(name) if isinstance(name, (str, bytes)) else b"-"
        status = lib.lede_warc_open_read(source.callback, None, ctypes.byref(wopt),
                                         ctypes.byref(reader))
    else:
        raise TypeError("iter_warc needs a path or a binary file, not %s"
                        % type(path_or_file).__name__)
    if status != LEDE_OK:
        raise _ERRORS.get(status, LedeError)(status, _str(lib.lede_strerror(status)) or "")
    try:
        while True:
            record = ctypes.c_void_p()
            status = lib.lede_warc_next(reader, ctypes.byref(record))
            if source is not None and source.error is not None:
                if record:
                    lib.lede_warc_record_free(record)
                raise source.error
            if status != LEDE_OK:
                raise _ERRORS.get(status, LedeError)(status,
                                                     _str(lib.lede_strerror(status)) or "")
            if not record:
                return
            offset = int(lib.lede_warc_record_offset(record))
            if stop is not None and offset >= stop:
                lib.lede_warc_record_free(record)
                return
            if offset < start:
                lib.lede_warc_record_free(record)
                continue
            try:
                out = _warc_record(lib, record, opt)
            finally:
                lib.lede_warc_record_free(record)
            yield out
    finally:
        lib.lede_warc_close(reader)


def _check_range(start: int, stop: Optional[int]) -> None:
    """iter_warc's byte range: START a non-negative int, STOP None or one
    not below START."""
    for name, value in (("start", start), ("stop", stop)):
        if value is None and name == "stop":
            continue
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise ValueError("%s must be a non-negative int, not %r" % (name, value))
    if stop is not None and stop < start:
        raise ValueError("stop (%d) is before start (%d)" % (stop, start))


def _warc_record(lib: ctypes.CDLL, record: Any, opt: _Options) -> WarcRecord:
    source = _str(lib.lede_warc_record_source(record)) or ""
    offset = int(lib.lede_warc_record_offset(record))
    damage = _str(lib.lede_warc_record_error(record))
    if damage is not None:
        return WarcRecord(source=source, offset=offset, error=damage)
    res = ctypes.c_void_p()
    status = lib.lede_warc_record_extract(record, ctypes.byref(opt), ctypes.byref(res))
    article: Optional[Article] = None
    error: Optional[str] = None
    if status in (LEDE_OK, LEDE_ERR_NO_ARTICLE):
        article = _take_result(lib, status, res)
    if status != LEDE_OK:
        error = _str(lib.lede_strerror(status))
    return WarcRecord(source=source, offset=offset,
                      target_uri=_str(lib.lede_warc_record_target_uri(record)),
                      record_id=_str(lib.lede_warc_record_id(record)),
                      date=_str(lib.lede_warc_record_date(record)),
                      article=article, error=error, status=status)
