"""Read inputs into articles.

Goes in: paths (files or directories, recursive) or "-" for JSONL on stdin.
Comes out: a stream of `Article` (normalised main text plus metadata) and
`InputError` (path and reason) records. One bad file never stops the stream.

Formats: `.txt` (optional `Key: value` header block ended by a blank line),
`.html`/`.htm` (main text via trafilatura), `.json` (one object), `.jsonl`
(one object per line), RSS/Atom feeds (`.xml`, `.rss`, `.atom`, `.feed`). A folder's
Markdown files are notes, not articles: each is named in a warning and left out.
"""

from __future__ import annotations

import codecs
import io
import json
import re
import stat
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlparse

from .models import Article, InputError, InputProblem

Record = Article | InputError


@dataclass(frozen=True, slots=True)
class _Given:
    """An article read with its input's own id (a JSON item's "id", a text file's `Id:`
    line): it wins over the ids derived from file names (`_ArticleIds`)."""

    article: Article


_Read = Record | _Given  # what the readers below yield to `read_inputs`

DEFAULT_MAX_BYTES = 100 * 1024 * 1024
TEXT_SUFFIXES = {".txt", ".text"}
# Not an input format of DESIGN.md: in a folder, Markdown is notes kept beside the articles
# (or a dossier.md that `analyze --out` wrote), named as left out; a file named on its own
# is still read as plain text, like any other file the user names.
NOTE_SUFFIXES = {".md", ".markdown"}
NOT_AN_ARTICLE = ("left out: Markdown notes are not articles (rename the file to .txt to "
                  "read it as one)")
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".xml", ".rss", ".atom", ".feed"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
# A store kept beside its inputs ("corpus/news.db" and its journal files) is no input.
STORE_FILE = re.compile(r"\.(?:db|sqlite3?)(?:-wal|-shm|-journal)?$", re.IGNORECASE)
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES
MIN_HTML_WORDS = 15
HEADER_KEYS = {"title", "outlet", "url", "published", "author", "id", "source", "date"}


def read_inputs(inputs: Iterable[str], *, max_bytes: int = DEFAULT_MAX_BYTES,
                stdin: IO[str] | IO[bytes] | None = None) -> Iterator[Record]:
    """Yield articles and input errors from files, directories and "-" (stdin JSONL).

    Args:
        inputs: paths as the user gave them.
        max_bytes: files larger than this are reported, not read.
        stdin: stream used for "-" (defaults to sys.stdin's bytes); a bytes stream is
            decoded line by line as files are (UTF-8, else Windows-1252 with a warning).
    """
    inputs = list(inputs)
    walks: dict[Path, list[Path]] = {}  # each folder is listed once per run
    texts = _Texts()  # each file is read once per run
    ids = _ArticleIds(inputs, max_bytes=max_bytes, walks=walks, texts=texts)
    for item in inputs:
        if item == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            records: Iterator[_Read] = _read_jsonl_stream(stream, "<stdin>", "stdin")
        else:
            records = _read_path(Path(item), max_bytes=max_bytes, walks=walks, texts=texts)
        for record in records:
            if isinstance(record, _Given):
                yield ids.assign(record.article, own=True)
            elif isinstance(record, Article):
                yield ids.assign(record, own=False)
            else:
                yield record


class _ArticleIds:
    """The article ids of one `read_inputs` run, unique within it (a taken id gets a
    numeric suffix: "pier-2").

    An input's own id wins over one derived from a file name, whatever the order of the
    inputs: before the first derived or suffixed id is given, the own ids of all the run's
    files are read and reserved (`_own_ids`; only then, so a crawl whose items all carry
    ids is read once). Standard input cannot be read twice: its own ids count as they come.
    """

    def __init__(self, inputs: list[str], *, max_bytes: int,
                 walks: dict[Path, list[Path]], texts: _Texts) -> None:
        self._inputs, self._max_bytes, self._walks = inputs, max_bytes, walks
        self._texts = texts
        self._given: set[str] = set()
        self._reserved: set[str] | None = None
        self._last_suffix: dict[str, int] = {}  # where the search for a free suffix resumes

    def assign(self, article: Article, *, own: bool) -> Article:
        if own and article.id not in self._given:
            self._given.add(article.id)
            return article
        if self._reserved is None:
            self._reserved = _own_ids(self._inputs, max_bytes=self._max_bytes,
                                      walks=self._walks, texts=self._texts)
        candidate = article.id
        if candidate in self._given or candidate in self._reserved:
            number = self._last_suffix.get(article.id, 1)
            while candidate in self._given or candidate in self._reserved:
                number += 1
                candidate = f"{article.id}-{number}"
            self._last_suffix[article.id] = number
        self._given.add(candidate)
        return article if candidate == article.id else replace(article, id=candidate)


def _own_ids(inputs: Iterable[str], *, max_bytes: int, walks: dict[Path, list[Path]],
             texts: _Texts) -> set[str]:
    """The own ids (`_Given`) in the files of `inputs`, as `make_article` stores them: the
    files `_read_path` reads, each read as `_read_file` would but with no article made
    (HTML pages and feed items have none). What is read waits in `texts` for `_read_file`.
    Standard input is not read."""
    found: set[str] = set()
    for item in inputs:
        path = Path(item)
        if item == "-" or not path.exists():
            continue
        files = [path] if not path.is_dir() else [
            child for child in _walk(path, walks) if child.suffix.lower() in KNOWN_SUFFIXES]
        for file in files:
            found.update(_SURROGATE.sub("\ufffd", one_line(value))
                         for value in _file_own_ids(file, max_bytes=max_bytes, texts=texts))
    found.discard("")
    return found


def _file_own_ids(path: Path, *, max_bytes: int, texts: _Texts) -> Iterator[str]:
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES | FEED_SUFFIXES:
        return  # no own id: not even read
    try:
        if suffix in JSONL_SUFFIXES and _streams_as_lines(path):
            # Streamed again by `_read_file`: a crawl's dump may not fit in memory.
            with path.open("rb") as handle:
                # Only a line naming an "id" is parsed: a crawl's lines may lack one.
                yield from _json_own_ids(
                    _decode_text(line)[0] for line in _capped_lines(handle, max_bytes)
                    if isinstance(line, bytes) and b'"id"' in line)
            return
        if not path.is_file():
            return
        text, _warning = texts.look(path, max_bytes=max_bytes)
    except (OSError, InputProblem):
        return
    if suffix in JSONL_SUFFIXES:
        yield from _json_own_ids(io.StringIO(text))
    elif suffix in JSON_SUFFIXES:
        yield from _json_own_ids([text])
    elif not _starts_like_feed(text):
        yield _split_header(text.lstrip("\ufeff"))[0].get("id", "")


def _json_own_ids(texts: Iterable[str]) -> Iterator[str]:
    for text in texts:
        try:
            obj = json.loads(text)
        except json.JSONDecodeError:
            continue
        if isinstance(obj, dict):
            yield _own_id(obj.get("id"))


# What the own ids' read-ahead (`_own_ids`) loaded waits for `_read_file`, so a file is
# read from disk once; past this many characters in all a file is read again instead, so
# a run's memory stays bounded however many files it reads.
READ_AHEAD_CHARS = 64 * 1024 * 1024

_Loaded = tuple[str, str | None] | InputProblem  # `_load_text`'s text and warning, or problem


class _Texts:
    """The files of one `read_inputs` run read whole (`_load_text`), each read from disk
    once: what the own ids' read-ahead loads is kept (up to READ_AHEAD_CHARS) until
    `_read_file` takes it, and the file `_read_file` holds is lent to the read-ahead
    (a run's first file name to make an id from starts it, mid-file). A file read
    completely before the read-ahead starts is read again by it, and not kept."""

    def __init__(self) -> None:
        self._kept: dict[Path, _Loaded] = {}
        self._room = READ_AHEAD_CHARS
        self._held: tuple[Path, _Loaded] | None = None
        self._done: set[Path] = set()  # read by `_read_file` (the same Paths `_walk` holds)

    def take(self, path: Path, *, max_bytes: int) -> tuple[str, str | None]:
        """The file's text and warning for `_read_file`, held until `release`."""
        loaded = self._kept.pop(path, None)
        if loaded is None:
            loaded = _loaded(path, max_bytes)
        elif not isinstance(loaded, InputProblem):
            self._room += len(loaded[0])
        self._held = (path, loaded)
        return _opened(loaded)

    def release(self, path: Path) -> None:
        self._held = None
        self._done.add(path)

    def look(self, path: Path, *, max_bytes: int) -> tuple[str, str | None]:
        """The file's text and warning for the read-ahead, kept for `take` if there is room."""
        if self._held is not None and self._held[0] == path:
            return _opened(self._held[1])
        loaded = self._kept.get(path)
        if loaded is None:
            loaded = _loaded(path, max_bytes)
            size = 0 if isinstance(loaded, InputProblem) else len(loaded[0])
            if size <= self._room and path not in self._done:
                self._kept[path] = loaded
                self._room -= size
        return _opened(loaded)


def _loaded(path: Path, max_bytes: int) -> _Loaded:
    try:
        return _load_text(path, max_bytes=max_bytes)
    except InputProblem as problem:
        return InputProblem(str(problem))  # kept without its traceback (and the bytes read)


def _opened(loaded: _Loaded) -> tuple[str, str | None]:
    if isinstance(loaded, InputProblem):
        raise loaded
    return loaded


def path_text(path: Path) -> str:
    """A path as text that can be stored and printed: a file name's bytes that are not
    UTF-8 (Python keeps them as lone surrogates) are written as "\\xe9"."""
    return str(path).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def _walk(folder: Path, walks: dict[Path, list[Path]]) -> list[Path]:
    """The entries under `folder` that a read looks at, sorted: all but folders and what
    a hidden name (".git", ".notes.txt") holds. Listed once per run (`walks`): reading
    the articles and reserving their own ids (`_own_ids`) share the listing."""
    if folder not in walks:
        walks[folder] = sorted(
            child for child in folder.rglob("*") if not child.is_dir()
            and not any(part.startswith(".") for part in child.relative_to(folder).parts))
    return walks[folder]


def _read_path(path: Path, *, max_bytes: int, walks: dict[Path, list[Path]],
               texts: _Texts) -> Iterator[_Read]:
    if not path.exists():
        yield InputError(path_text(path), "no such file or directory")
        return
    if path.is_dir():
        others: Counter[str] = Counter()
        children = _walk(path, walks)
        for child in children:
            if not child.exists():  # a link to nothing: the user may have lost an input
                yield InputError(path_text(child), "broken symbolic link (its target is missing)")
            elif not child.is_file():
                if child.suffix.lower() in KNOWN_SUFFIXES:
                    yield InputError(path_text(child), "not a regular file")
            elif child.suffix.lower() in KNOWN_SUFFIXES:
                yield from _read_file(child, max_bytes=max_bytes, texts=texts)
            elif child.suffix.lower() in NOTE_SUFFIXES:
                yield InputError(path_text(child), NOT_AN_ARTICLE, severity="warning")
            elif not STORE_FILE.search(child.name):
                others[child.suffix.lower() or "no suffix"] += 1
        if others:
            total = sum(others.values())
            kinds = ", ".join(f"{suffix} ({n})" for suffix, n in sorted(others.items()))
            yield InputError(path_text(path), f"left out {_count(total, 'file')}"
                             f" of a type Storyline does not read: {kinds}", severity="warning")
        if not children:
            yield InputError(path_text(path), "empty folder: nothing to read in it or below it",
                             severity="warning")
        return
    yield from _read_file(path, max_bytes=max_bytes, texts=texts)


def _read_file(path: Path, *, max_bytes: int, texts: _Texts) -> Iterator[_Read]:
    source = path_text(path)
    if path.suffix.lower() in JSONL_SUFFIXES and _streams_as_lines(path):
        yield from _read_jsonl_file(path, source, max_bytes=max_bytes)
        return
    try:
        text, warning = texts.take(path, max_bytes=max_bytes)
    except InputProblem as problem:
        yield InputError(source, str(problem))
        return
    if warning:
        yield InputError(source, warning, severity="warning")
    suffix, stem = path.suffix.lower(), _clean_id(path.stem)
    notes: list[str] = []
    try:
        if suffix in JSONL_SUFFIXES:
            yield from _read_jsonl_stream(io.StringIO(text), source, stem)
        elif suffix in JSON_SUFFIXES:
            yield _article_from_json(_parse_json(text), source, stem, notes)
        elif suffix in HTML_SUFFIXES:
            yield parse_html(text, source=source, default_id=stem, warnings=notes)
        elif suffix in FEED_SUFFIXES or _starts_like_feed(text):
            yield from parse_feed(text, source=source, stem=stem)
        else:
            yield _parse_text(text, source=source, default_id=stem, warnings=notes)
    except InputProblem as problem:
        yield InputError(source, str(problem))
    texts.release(path)
    yield from _warnings(source, notes)


def _streams_as_lines(path: Path) -> bool:
    """A JSONL file that can be read line by line, whatever its size (a crawl's dump
    may be gigabytes): a regular file of 8-bit text. Anything else (UTF-16, binary, a
    FIFO, a missing file) is read whole, where `_load_text` tells its problem."""
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return False
        with path.open("rb") as handle:
            head = handle.read(8192)
    except OSError:
        return False
    wide = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    return not head.startswith(wide) and _utf16_without_bom(head) is None and \
        b"\x00" not in head


def _read_jsonl_file(path: Path, source: str, *, max_bytes: int) -> Iterator[_Read]:
    """A JSONL file streamed: memory holds one line at a time, and `max_bytes` caps a
    line (one article), not the file."""
    stem = _clean_id(path.stem)
    try:
        with path.open("rb") as handle:
            lines = _capped_lines(handle, max_bytes)
            yield from _read_jsonl_stream(lines, source, stem, empty_is_error=True)
    except OSError as exc:
        problem = "permission denied" if isinstance(exc, PermissionError) else \
            exc.strerror or str(exc)
        yield InputError(source, f"cannot read file: {problem}")


def _capped_lines(handle: IO[bytes], max_bytes: int) -> Iterator[bytes | InputProblem]:
    """The file's lines; a line longer than `max_bytes` is skipped in pieces (never held
    whole) and stands as the problem in its place, so line numbers stay right."""
    while line := handle.readline(max_bytes + 1):
        if len(line) <= max_bytes or line.endswith(b"\n"):
            yield line
            continue
        size = len(line)
        while (piece := handle.readline(1 << 20)) and not piece.endswith(b"\n"):
            size += len(piece)
        yield _too_large(size + len(piece), max_bytes)


def _warnings(source: str, notes: Iterable[str]) -> Iterator[InputError]:
    """What a reader noted about an article it kept (an unreadable date, say)."""
    return (InputError(source, note, severity="warning") for note in notes)


def _load_text(path: Path, *, max_bytes: int) -> tuple[str, str | None]:
    """Read a file as text; raise InputProblem for what cannot be an article."""
    try:
        info = path.stat()
        # A FIFO or device would block or never end, and reports no size to check.
        if not stat.S_ISREG(info.st_mode):
            raise InputProblem("not a regular file")
        if info.st_size > max_bytes:
            raise _too_large(info.st_size, max_bytes)
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)  # the file may have grown since stat
        if len(data) > max_bytes:
            raise _too_large(len(data), max_bytes)
    except PermissionError as exc:
        raise InputProblem("cannot read file: permission denied") from exc
    except OSError as exc:
        raise InputProblem(f"cannot read file: {exc.strerror or exc}") from exc
    if not data.strip():
        raise InputProblem("empty file")
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return _decode_or_fail(data, "utf-32"), None
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_or_fail(data, "utf-16"), None
    utf16 = _utf16_without_bom(data[:8192])
    if utf16:
        return _decode_or_fail(data, utf16), f"no byte-order mark; decoded as {utf16.upper()}"
    if b"\x00" in data[:8192]:
        raise InputProblem("binary file (contains NUL bytes), not text")
    return _decode_text(data)


def _utf16_without_bom(head: bytes) -> str | None:
    """"utf-16-le" or "utf-16-be" for text whose every other byte is mostly NUL (Latin
    script in UTF-16, as some Windows tools save it without a byte-order mark)."""
    pairs = len(head) // 2
    if pairs < 8:
        return None
    even, odd = head[0:pairs * 2:2].count(0), head[1:pairs * 2:2].count(0)
    if odd >= 0.7 * pairs and even <= 0.05 * pairs:
        return "utf-16-le"
    if even >= 0.7 * pairs and odd <= 0.05 * pairs:
        return "utf-16-be"
    return None


def _too_large(size: int, max_bytes: int) -> InputProblem:
    return InputProblem(f"file too large ({size / 2**20:.0f} MB; the limit is "
                        f"{max_bytes / 2**20:.0f} MB)")


def _decode_text(data: bytes) -> tuple[str, str | None]:
    """UTF-8, else Windows-1252 with the reason as a warning."""
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError as exc:
        # Old newsroom exports are often Windows-1252; keep the article, say so.
        fallback = data.decode("cp1252", errors="replace")
        reason = f"not valid UTF-8 (byte {data[exc.start]:#04x} at offset {exc.start}); " \
                 "decoded as Windows-1252"
        return fallback, reason


def _decode_or_fail(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputProblem(f"starts with a {encoding.upper()} byte-order mark but is not "
                           f"valid {encoding.upper()} (offset {exc.start})") from exc


# C0 and C1 control characters: untrusted input must not reach a terminal as escape
# sequences ("\x1b]0;..." retitles it). Text keeps its tabs and newlines; a one-line
# field (title, outlet, author) keeps none of them, each becomes a space.
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f]")
_BODY_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Whatever `make_article`'s clean-up changes or refuses (controls, lone surrogates; the
# controls of `_NOT_TEXT` are among them): one search skips it for the usual clean text.
# U+FFFD and private-use characters are not here: the clean-up keeps them as they are.
_SUSPECT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]")


def one_line(value: str) -> str:
    """A metadata field on one line: controls and runs of whitespace become one space."""
    return " ".join(_CONTROLS.sub(" ", value).split())


def normalize_text(text: str) -> str:
    """Unicode NFC, Unix newlines, plain spaces; quote marks are left as written."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u00a0", " ").replace("\u202f", " ").replace("\u2007", " ")
    text = text.replace("\u200b", "").replace("\ufeff", "")
    lines = [line.rstrip() for line in text.split("\n")]
    text = "\n".join(lines)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def parse_published(value: object) -> datetime | None:
    """Parse a publication date in any common format; naive times are taken as UTC.

    Only complete dates count: a value missing its year, month or day ("March",
    "2024", "Monday"), a relative one ("yesterday") or an impossible timestamp gives
    None, because filling the gap from today's date would invent a date and make
    re-ingesting the same file store a second copy.
    """
    if value is None or value == "" or isinstance(value, bool):
        return None
    if isinstance(value, datetime):
        parsed: datetime | None = value
    elif isinstance(value, (int, float)):
        seconds = float(value)
        # JSON APIs often give milliseconds: 1710150000000 is March 2024, not year 56,000.
        parsed = _parse_timestamp(seconds / 1000 if abs(seconds) >= 1e11 else seconds)
    else:
        parsed = _parse_date_string(str(value).strip())
    if parsed is None:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed


def _parse_timestamp(seconds: float) -> datetime | None:
    try:
        return datetime.fromtimestamp(seconds, tz=UTC)
    except (OverflowError, ValueError, OSError):
        return None


# Two defaults that differ in every part: a date that parses to the same moment
# under both took nothing from the default, so it was complete.
_DEFAULTS = (datetime(1904, 1, 1), datetime(1905, 2, 2))


def _parse_date_string(value: str) -> datetime | None:
    from email.utils import parsedate_to_datetime

    if not any(char.isdigit() for char in value):
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        pass
    from dateutil import parser as dateutil_parser

    # Dotted numeric dates ("11.03.2026") are written day first wherever they are used.
    dayfirst = re.fullmatch(r"\d{1,2}\.\d{1,2}\.\d{4}.*", value) is not None
    try:
        first, second = (dateutil_parser.parse(value, default=d, dayfirst=dayfirst)
                         for d in _DEFAULTS)
    except (ValueError, OverflowError):
        return _parse_foreign_date(value)
    return first if first.date() == second.date() else None


def _parse_foreign_date(value: str) -> datetime | None:
    """Dates in other languages ("11 de marzo de 2026"), absolute and complete only."""
    import dateparser

    settings = {"RETURN_AS_TIMEZONE_AWARE": False, "STRICT_PARSING": True,
                "PARSERS": ["custom-formats", "absolute-time"]}
    return dateparser.parse(value, settings=settings)


def outlet_from_url(url: str) -> str:
    host = urlparse(url).hostname or ""
    return host[4:] if host.startswith("www.") else host


def make_article(*, id: str, source: str, text: str, title: str = "", outlet: str = "",
                 url: str = "", published: object = None, author: str = "",
                 warnings: list[str] | None = None) -> Article:
    """Build an Article from raw fields: normalise text, parse date, fill outlet.

    A publication date that cannot be read is dropped and, when `warnings` is
    given, explained there (the article itself is kept).
    """
    fields = {"id": id, "source": source, "text": text, "title": title, "outlet": outlet,
              "url": url, "author": author}
    if _SUSPECT.search(text) is None:  # the usual case: no scan of the text but this one
        fields = {"text": text, **_without_surrogates(fields, warnings, skip="text")}
    else:
        fields = _without_surrogates(fields, warnings)
        _check_is_text(fields["text"])
        fields["text"] = _BODY_CONTROLS.sub("", fields["text"])  # tab and newlines kept
    body = normalize_text(fields["text"])
    if not body:
        raise InputProblem("no article text")
    id, source, title, outlet, url, author = (fields[name] for name in (
        "id", "source", "title", "outlet", "url", "author"))
    parsed = parse_published(published)
    far_off = parsed is not None and not FIRST_YEAR <= parsed.year <= LAST_YEAR
    if far_off:
        parsed = None  # "last month" or "next year" from it would leave the calendar
    if parsed is None and published not in (None, "") and warnings is not None:
        shown = str(published)[:40]
        why = (f"not between {FIRST_YEAR} and {LAST_YEAR}" if far_off else "no such day"
               if re.match(r"\d{4}-\d{1,2}-\d{1,2}", shown.strip())
               else "needs year, month and day")
        warnings.append(f"unreadable publication date {shown!r} ({why}); the article is "
                        "kept without a date")
    url = one_line(url)
    return Article(
        id=one_line(id) or "article", source=source, text=body, title=one_line(title),
        outlet=(one_line(outlet) or outlet_from_url(url)), url=url,
        published=parsed, author=one_line(author),
    )


# Publication years a news article can have; outside them a date is a typo or a test.
FIRST_YEAR, LAST_YEAR = 1800, 2200


# Characters no article holds: controls but tab, newline, carriage return and form feed.
# (U+FFFD from a scraper or an icon font's private-use characters are damaged text, still
# text: such an article is kept.)
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")
MAX_NOT_TEXT_SHARE = 0.05  # random bytes decoded as Windows-1252 give some 12%


def _check_is_text(text: str) -> None:
    """Raise InputProblem for binary data that decoded without error into noise."""
    if _NOT_TEXT.search(text) is None:  # the usual case, without counting
        return
    bad = sum(1 for _ in _NOT_TEXT.finditer(text))
    if bad > 3 and bad > MAX_NOT_TEXT_SHARE * len(text):
        raise InputProblem(f"not text ({bad / len(text):.0%} of its characters are control "
                           "characters)")


_SURROGATE = re.compile("[\ud800-\udfff]")


def _without_surrogates(fields: dict[str, str], warnings: list[str] | None, *,
                        skip: str = "") -> dict[str, str]:
    """Lone surrogates ("\\ud800" is valid JSON) cannot be stored as UTF-8: each becomes
    U+FFFD, and the article is kept with a warning. The field `skip` is left out."""
    fields = {name: value for name, value in fields.items() if name != skip}
    changed = [name for name, value in fields.items() if _SURROGATE.search(value)]
    if changed and warnings is not None:
        warnings.append(f"lone surrogate code point in {', '.join(changed)} replaced by "
                        "U+FFFD")
    return {name: _SURROGATE.sub("\ufffd", value) for name, value in fields.items()}


def _clean_id(value: str) -> str:
    """An id made from a file name: no spaces or punctuation (an input's own id is kept)."""
    cleaned = re.sub(r"[^\w.-]+", "-", value.strip()).strip("-")
    return cleaned or "article"


def _parse_text(text: str, *, source: str, default_id: str,
                warnings: list[str] | None = None) -> Article | _Given:
    """A plain-text article with an optional `Key: value` header block."""
    header, body = _split_header(text.lstrip("\ufeff"))
    article = make_article(
        id=header.get("id", default_id), source=source, text=body,
        title=header.get("title", ""), outlet=header.get("outlet", header.get("source", "")),
        url=header.get("url", ""), published=header.get("published", header.get("date")),
        author=header.get("author", ""), warnings=warnings,
    )
    return _Given(article) if header.get("id") else article


def _split_header(text: str) -> tuple[dict[str, str], str]:
    lines = text.replace("\r\n", "\n").split("\n")
    header: dict[str, str] = {}
    for index, line in enumerate(lines):
        if not line.strip():
            return (header, "\n".join(lines[index + 1:])) if header else ({}, text)
        match = re.match(r"^([A-Za-z][A-Za-z ]{0,20}):\s*(.*)$", line)
        if not match or match.group(1).strip().lower() not in HEADER_KEYS:
            return {}, text
        header[match.group(1).strip().lower()] = match.group(2).strip()
    return {}, text


def _parse_json(text: str, *, one_line: bool = False) -> Any:
    if one_line:
        text = text.rstrip("\r\n")  # else a line cut short fails at "line 2 column 1"
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        # json's messages may end in " at" before its own position ("Invalid control
        # character at"); the position is given here, in the file's terms.
        reason = exc.msg.removesuffix(" at")
        if reason == "Unterminated string starting":  # the position is the opening mark
            reason = "a string opened here is never closed"
        if exc.msg.startswith("Expecting") and not text[exc.pos:].strip() or \
                reason.startswith("a string") and '"' not in text[exc.pos + 1:]:
            reason += f" (the {'line' if one_line else 'file'} ends before the JSON does)"
        where = f"column {exc.colno}" if one_line else f"line {exc.lineno} column {exc.colno}"
        raise InputProblem(f"invalid JSON at {where}: {reason[:1].lower()}{reason[1:]}") \
            from exc


def _article_from_json(obj: Any, source: str, default_id: str,
                       warnings: list[str] | None = None) -> Article | _Given:
    if not isinstance(obj, dict):
        raise InputProblem("JSON value is not an article object")
    url = _string_field(obj, "url", warnings if warnings is not None else [])
    body = obj.get("text")
    if not body and obj.get("html"):
        extracted = _extract_html(str(obj["html"]), url=url)
        body = extracted["text"]
        # The page's metadata fills what the object leaves out or sets to null/"".
        obj = {**obj, **{key: extracted[key] for key in ("title", "outlet", "published",
                                                          "author") if not obj.get(key)}}
    if body is not None and not isinstance(body, str):
        raise InputProblem(f"article's 'text' field is not a string but {type(body).__name__}")
    if not body or not body.strip():
        if "text" in obj or "html" in obj:
            raise InputProblem("article's 'text' (or 'html') field holds no text")
        raise InputProblem("article has no 'text' (or 'html') field")
    notes = warnings if warnings is not None else []
    # `source` is where Storyline read the article (DESIGN.md): an item's own "source"
    # names its outlet, as the `Source:` line of a text file does.
    outlet = _string_field(obj, "outlet", notes) or _named(obj.get("source"))
    own = _own_id(obj.get("id"))
    article = make_article(
        id=own or default_id, source=source, text=body,
        title=_string_field(obj, "title", notes, numbers=True), outlet=outlet, url=url,
        published=obj.get("published"), author=_author_text(obj.get("author"), notes),
        warnings=warnings,
    )
    return _Given(article) if own else article


def _named(value: object) -> str:
    """A name given as text or as an object's "name" ({"id": ..., "name": "Wire"})."""
    if isinstance(value, dict):
        value = value.get("name")
    return value if isinstance(value, str) else ""


def _string_field(obj: dict[str, Any], name: str, warnings: list[str], *,
                  numbers: bool = False) -> str:
    """A text field of a JSON item; a list or object there is dropped with a warning
    (stored as "['A']" it would name an outlet no one wrote)."""
    value = obj.get(name)
    if value is None or isinstance(value, str):
        return value or ""
    if numbers and isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)  # a headline "1984" written as a number
    warnings.append(f"'{name}' field is not text but {_json_type(value)}; left out")
    return ""


def _json_type(value: object) -> str:
    names = {dict: "an object", list: "a list", bool: "a boolean", int: "a number",
             float: "a number"}
    return names.get(type(value), type(value).__name__)


def _own_id(value: object) -> str:
    """The input's own id, kept as given (0 is an id; null and "" are not)."""
    if value is None or isinstance(value, (dict, list)):
        return ""
    return " ".join(str(value).split())


def _author_text(value: object, warnings: list[str]) -> str:
    """Authors as text: a list of names (or of {"name": ...} objects) is joined."""
    if value is None or isinstance(value, str):
        return value or ""
    names = [_named(v) for v in value] if isinstance(value, list) else [_named(value)]
    if not isinstance(value, list) and not names[0]:
        warnings.append(f"'author' field is not text but {_json_type(value)}; left out")
    elif not all(names):
        warnings.append("'author' list holds other things than names; only the names "
                        "are kept")
    return ", ".join(name for name in names if name)


def _read_jsonl_stream(stream: Iterable[str | bytes | InputProblem], source: str,
                       stem: str, *, empty_is_error: bool = False) -> Iterator[_Read]:
    """One article per line. A file decoded as Windows-1252 says so once, not on each of
    its (perhaps millions of) lines."""
    fallback_lines: list[int] = []
    seen_any = False
    for number, raw in enumerate(stream, start=1):
        where = f"{source}:{number}"
        if isinstance(raw, InputProblem):
            yield InputError(where, str(raw))
            continue
        notes: list[str] = []
        line, warning = _decode_text(raw) if isinstance(raw, bytes) else (str(raw), None)
        if not line.strip():
            continue
        seen_any = True
        if warning:
            fallback_lines.append(number)
            if len(fallback_lines) == 1:
                notes.append(warning)
        try:
            obj = _parse_json(line, one_line=True)
            yield _article_from_json(obj, source, f"{stem}-{number}", notes)
        except InputProblem as problem:
            yield InputError(where, str(problem))
        yield from _warnings(where, notes)
    if len(fallback_lines) > 1:
        yield InputError(source, f"{_count(len(fallback_lines) - 1, 'more line')} not valid "
                         "UTF-8, decoded as Windows-1252", severity="warning")
    if empty_is_error and not seen_any:
        yield InputError(source, "empty file")


def parse_html(html: str, *, source: str, default_id: str, url: str = "",
               warnings: list[str] | None = None) -> Article:
    """A web page: main text and metadata via trafilatura."""
    extracted = _extract_html(html, url=url)
    return make_article(id=default_id, source=source, text=extracted["text"],
                        title=extracted["title"], outlet=extracted["outlet"],
                        url=extracted["url"] or url, published=extracted["published"],
                        author=extracted["author"], warnings=warnings)


def _extract_html(html: str, *, url: str = "") -> dict[str, str]:
    import trafilatura

    extracted = trafilatura.bare_extraction(html, url=url or None, with_metadata=True,
                                            include_comments=False, include_tables=False)
    document = extracted.as_dict() if extracted is not None and \
        hasattr(extracted, "as_dict") else extracted
    if not isinstance(document, dict) or not document.get("text"):
        raise InputProblem("no article text found in the HTML page")
    if len(str(document["text"]).split()) < MIN_HTML_WORDS:
        # trafilatura's fallback returns whatever is left, e.g. a cookie banner.
        raise InputProblem("no article text found in the HTML page (only page furniture)")
    meta = _html_meta(html)
    title = meta.get("og:title") or document.get("title") or ""
    text = _drop_title_line(str(document["text"]), title)
    return {
        "text": text.replace("\n", "\n\n"),
        "title": title,
        "outlet": meta.get("og:site_name") or document.get("sitename") or "",
        "url": meta.get("og:url") or document.get("url") or url,
        "published": meta.get("article:published_time") or meta.get("datepublished")
        or document.get("date") or "",
        "author": meta.get("author") or document.get("author") or "",
    }


def _html_meta(html: str) -> dict[str, str]:
    """Meta tags trafilatura reduces to a day; we keep the full timestamp."""
    from lxml import html as lxml_html

    try:
        tree = lxml_html.fromstring(html)
    except (ValueError, TypeError, lxml_html.etree.ParserError):
        return {}
    meta: dict[str, str] = {}
    for node in tree.iter("meta"):
        key = (node.get("property") or node.get("name") or node.get("itemprop") or "").lower()
        content = node.get("content")
        if key and content and key not in meta:
            meta[key] = content.strip()
    return meta


def _drop_title_line(text: str, title: str) -> str:
    first, _, rest = text.partition("\n")
    if title and rest and first.strip().lower() == title.strip().lower():
        return rest
    return text


def _starts_like_feed(text: str) -> bool:
    """A feed without a feed suffix: markup from the first character, not prose about one."""
    return text.lstrip()[:1] == "<" and _looks_like_feed(text)


def _looks_like_feed(text: str) -> bool:
    head = text[:2000].lower()
    return "<rss" in head or "<feed" in head or "<rdf:rdf" in head


def parse_feed(text: str, *, source: str, stem: str) -> Iterator[Record]:
    """RSS/Atom items: full content when present, otherwise the summary."""
    import feedparser

    # Bytes, never a str: feedparser fetches a str that looks like a URL, and
    # reading must stay offline.
    feed = feedparser.parse(text.encode("utf-8"))
    if feed.bozo and not feed.entries:
        raise InputProblem(f"not a readable feed: {feed.get('bozo_exception', 'parse error')}")
    if not feed.entries:
        kind = "feed has no items" if _looks_like_feed(text) else "XML file is not an RSS/Atom feed"
        raise InputProblem(kind)
    problem = feed.get("bozo_exception")
    # The feed is read as UTF-8 bytes, so an encoding it declares is overridden on purpose.
    if feed.bozo and not isinstance(problem, feedparser.CharacterEncodingOverride):
        yield InputError(source, f"feed is not well-formed ({problem or 'parse error'}); "
                         f"read {_count(len(feed.entries), 'item')}, some may be missing "
                         "or cut short", severity="warning")
    channel = feed.feed.get("title", "")
    for index, entry in enumerate(feed.entries, start=1):
        where = f"{source}#{index}"
        html = entry.content[0].value if entry.get("content") else entry.get("summary", "")
        notes: list[str] = []
        try:
            yield make_article(
                id=f"{stem}-{index}", source=where,
                text=html_fragment_to_text(html),
                title=entry.get("title", ""),
                outlet=_entry_outlet(entry, channel, feed.feed.get("link", "")),
                url=entry.get("link", ""),
                published=entry.get("published") or entry.get("updated"),
                author=_byline(entry.get("author", "")), warnings=notes,
            )
        except InputProblem as problem:
            yield InputError(where, str(problem))
        yield from _warnings(where, notes)


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def _entry_outlet(entry: Any, channel: str, home: str) -> str:
    """The item's own source, else the feed's title without its section ("Harbour Times -
    Local", "Kestrel Wire | World" name the outlet before the dash or bar)."""
    source = entry.get("source") or {}
    name = str(source.get("title") or channel)
    parts = re.split(r"\s+[-|\u2013\u2014:]\s+", name)
    if len(parts) > 1:  # "Harbour Times - Local", "World news | The Guardian": the part
        # the item's web address names, else the first
        site = _letters(outlet_from_url(entry.get("link") or home).split(".")[0])
        name = next((p for p in parts if site and _letters(p)[:6] == site[:6]), parts[0])
    return name.strip() or outlet_from_url(entry.get("link", ""))


def _letters(name: str) -> str:
    return re.sub(r"[^a-z]", "", name.lower()).removeprefix("the")


def _byline(author: str) -> str:
    """The name in an RSS author field: "news@herald.example (Sam Ortiz)" -> "Sam Ortiz"."""
    named = re.fullmatch(r"\s*\S+@\S+\s*\((.+)\)\s*", author) or \
        re.fullmatch(r"\s*(.+?)\s*<\S+@\S+>\s*", author)
    return named.group(1) if named else author


def html_fragment_to_text(fragment: str) -> str:
    """Text of a small HTML fragment, one paragraph per block element."""
    if "<" not in fragment:
        return fragment
    from lxml import html as lxml_html

    marked = re.sub(r"(?i)<br\s*/?>", "\n", fragment)
    marked = re.sub(r"(?i)</(p|div|h[1-6]|li|blockquote)>", "\n\n", marked)
    try:
        root = lxml_html.fragment_fromstring(marked, create_parent="div")
    except (ValueError, lxml_html.etree.ParserError):
        return re.sub(r"<[^>]+>", " ", fragment)
    return str(root.text_content())
