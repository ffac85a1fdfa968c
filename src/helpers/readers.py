"""Readers: turn files into plain records, one per readout, or say why they cannot.

One reader per format (plain text in the seed's form, Markdown with a YAML
header, CSV and JSON Lines or a JSON array with one readout per row, HTML
pages). Readers know nothing of sentences or speakers: they decode, split off
the header and hand back the raw body with whatever metadata the file states
itself.

Every directory entry under the folder given ends up either as bytes to read or
as a ReadError saying why it was not read (a broken link, a FIFO, a link out of
the folder, ...), and every row of a table either as a Record or as a ReadError
naming its line: nothing is passed over in silence but hidden files and
README/LICENSE-like files.
"""
from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import json
import os
import re
import stat
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator, NamedTuple

import yaml

from . import schema

try:  # the C loader is much faster; both are safe loaders
    _YamlLoader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _YamlLoader = yaml.SafeLoader

PASSED_OVER_TABLE = Path(__file__).resolve().parents[2] / "data" / "passed_over.csv"


def passed_over(table: Path = PASSED_OVER_TABLE, *, licences_only: bool = False) -> re.Pattern:
    """The names of files that sit beside readouts but are no readouts (README, LICENSE, ...: `data/passed_over.csv`),
    as a pattern matching such a name alone or followed by '.', '_' or '-' and anything, in any case."""
    with open(table, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(line for line in handle if not line.startswith("#")))
    names = [row["file"].strip() for row in rows if row["file"].strip() and (not licences_only or row["licence"].strip() == "yes")]
    return re.compile(rf"^(?:{'|'.join(map(re.escape, names))})(?:[._-].*)?$", re.IGNORECASE)


# Files that sit beside readouts in a corpus folder but are not readouts.
PASSED_OVER = passed_over()
TEXT_COLUMNS = ("text", "body", "content")
TABLE_SUFFIXES = {".csv": "csv", ".tsv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


class ReadError(ValueError):
    """A file (or one row of it) that cannot be read as a readout; the message says why."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass
class Record:
    """One readout as a file states it, before any parsing of its text."""

    path: str
    doc_id: str
    format: str  # text | markdown | csv | jsonl | html
    body: str
    title: str = ""
    meta: dict = field(default_factory=dict)
    # What was read but not used, or read with a guess (a header field of the wrong type, bytes that are not
    # UTF-8): the readout is loaded, and each note becomes a row of `problems` naming it.
    notes: list[str] = field(default_factory=list)


class Entry(NamedTuple):
    """One directory entry as read: its bytes, or why it could not be read. The cache key and the load are both
    made from these same bytes, so what is cached is what was read."""

    file: Path
    root: Path
    data: bytes | None
    error: ReadError | None


def shown(path: str | os.PathLike) -> str:
    """A path as text that any frame, file or terminal can hold: bytes of a file name that are not UTF-8
    (kept by Python as lone surrogates) are shown escaped, as \\xe9."""
    text = os.fspath(path)
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


def list_files(paths: str | Path | list) -> tuple[list[tuple[Path, Path]], list[Path]]:
    """Entries to read as (file, root) pairs, in a stable order, and the roots given.

    A folder is walked recursively; hidden files and README/LICENSE-like files are passed over. Linked folders
    are not followed (one inside the folder would only give its files twice, one outside reads what was not
    given, one up the tree never ends); they are listed, like any other entry that is not a folder (a link out
    of the folder, a broken link, a FIFO, a folder that cannot be listed), for `read_entry` to report.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    found: list[tuple[Path, Path]] = []
    for given in paths:
        root = Path(given)
        if not root.exists():
            raise FileNotFoundError(f"{shown(root)}: no such file or folder (looked from {shown(Path.cwd())})")
        if not root.is_dir():
            found.append((root, root.parent))
            continue
        found.extend((Path(os.path.join(root, *parts)), root) for parts in _walk(root, ()))
    return found, [Path(p) for p in paths]


def _walk(root: Path, prefix: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Relative path parts of the entries under `root`, sorted as pathlib sorts paths (part by part).

    Plain strings and os.scandir, since pathlib objects for every file of a large corpus cost more than the walk
    itself."""
    folder = os.path.join(root, *prefix)
    found = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return [prefix] if prefix else []  # reported by read_entry, which tries again and says why
    for entry in entries:
        name = entry.name
        if name.startswith("."):
            continue
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            is_dir = False
        if is_dir:
            found.extend(_walk(root, (*prefix, name)))
        elif not PASSED_OVER.match(name):
            found.append((*prefix, name))
    return sorted(found)


def _inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def read_entry(file: Path, root: Path) -> bytes:
    """The bytes of one listed entry; raises ReadError for an entry that is not a readable file in the folder.

    A FIFO, socket or device is never opened for reading (it could block, or never end); a link is read only
    when it leads to a file inside the folder given."""
    path = shown(file)
    try:
        status = os.lstat(file)
    except OSError as error:
        raise ReadError(path, f"cannot be read ({error.strerror or error})") from None
    if stat.S_ISLNK(status.st_mode):
        target = os.path.realpath(file)
        try:
            status = os.stat(file)
        except OSError:
            raise ReadError(path, f"broken link (to {shown(os.readlink(file))}, which does not exist)") from None
        if not _inside(target, os.path.realpath(root)):
            raise ReadError(path, f"link to {shown(target)}, outside the folder read; not followed")
        if stat.S_ISDIR(status.st_mode):
            raise ReadError(path, f"linked folder (to {shown(target)}, inside the folder read, whose files are read where "
                                  "they are); not followed")
    if stat.S_ISDIR(status.st_mode):
        try:
            os.listdir(file)
            reason = "folder that changed while it was read"
        except OSError as error:
            reason = f"folder that cannot be listed ({error.strerror or error})"
        raise ReadError(path, reason)
    if not stat.S_ISREG(status.st_mode):
        raise ReadError(path, f"not a regular file (a {_kind(status.st_mode)}); not read")
    try:
        handle = os.open(file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except OSError as error:
        raise ReadError(path, f"cannot be read ({error.strerror or error})") from None
    with open(handle, "rb", closefd=True) as stream:
        try:
            if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):  # swapped for something else since the lstat
                raise ReadError(path, "not a regular file; not read")
            return stream.read()
        except OSError as error:
            raise ReadError(path, f"cannot be read ({error.strerror or error})") from None


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "FIFO"), (stat.S_ISSOCK, "socket"), (stat.S_ISCHR, "character device"), (stat.S_ISBLK, "block device")):
        if test(mode):
            return name
    return "special file"


def read_entries(files: list[tuple[Path, Path]]) -> list[Entry]:
    """Each listed entry with its bytes, or with the ReadError saying why it has none."""
    entries = []
    for file, root in files:
        try:
            entries.append(Entry(file, root, read_entry(file, root), None))
        except ReadError as error:
            entries.append(Entry(file, root, None, error))
    return entries


# --- decoding ------------------------------------------------------------------------------------

_UTF16_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
               (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode(data: bytes, path: str, notes: list[str] | None = None) -> str:
    """Text of a file's bytes, never garbled in silence.

    A byte-order mark is honoured; then strict UTF-8. UTF-16 without a mark is told by its NUL bytes. A file that
    is UTF-8 but for a few stray bytes (a cp1252 quote pasted into UTF-8 text) keeps its UTF-8, each stray byte
    read as cp1252, and a note names their offsets. Anything else goes to charset-normalizer, which tells
    cp1252/Latin-1 from cp1251, GB18030 and the rest by what the decoded text looks like; binary is refused."""
    for bom, encoding in _UTF16_BOMS:
        if data.startswith(bom):
            try:
                return _normalise_newlines(data.decode(encoding))
            except UnicodeDecodeError as exc:
                raise ReadError(path, f"starts with a {encoding} byte-order mark but does not decode as {encoding} ({exc.reason})") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        text = None
    if text is None and b"\x00" in data[:8192]:
        text = _utf16_without_bom(data)
        if text is None:
            raise ReadError(path, "binary file (NUL bytes), not text")
    if text is None:
        text = _mostly_utf8(data, path, notes if notes is not None else [])
    if text is None:
        text = _legacy(data, path)
    controls = len(_CONTROL.findall(text, 0, 8192))
    if controls > max(8, len(text[:8192]) // 100):
        raise ReadError(path, "binary file (control characters), not text")
    return _normalise_newlines(text)


_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f]")


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text written without a byte-order mark: ASCII letters leave a NUL at every other byte, on the
    odd offsets in little-endian, on the even ones in big-endian."""
    sample = data[:8192]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if len(data) % 2 or max(even, odd) < len(sample) // 4 or min(even, odd) > max(even, odd) // 10:
        return None
    try:
        return data.decode("utf-16-le" if odd > even else "utf-16-be")
    except UnicodeDecodeError:
        return None


_STRAY = re.compile("[\udc80-\udcff]")


def _mostly_utf8(data: bytes, path: str, notes: list[str]) -> str | None:
    """Text of a UTF-8 file holding a few bytes that are not UTF-8, each read as cp1252; None when the file has
    no UTF-8 beyond ASCII (then it is a single-byte encoding, decoded whole)."""
    text = data.decode("utf-8", "surrogateescape")
    strays = [m.start() for m in _STRAY.finditer(text)]
    multibyte = sum(1 for ch in text if ord(ch) > 0x7F) - len(strays)
    if multibyte < max(1, len(strays)):
        return None
    pieces, offsets, last = [], [], 0
    for index in strays:
        byte = ord(text[index]) - 0xDC00
        pieces.append(text[last:index])
        pieces.append(bytes([byte]).decode("cp1252", "replace"))
        offsets.append(len(text[:index].encode("utf-8", "surrogateescape")))
        last = index + 1
    pieces.append(text[last:])
    fixed = "".join(pieces)
    listed = ", ".join(f"{offset} (0x{data[offset]:02x})" for offset in offsets[:5]) + (", ..." if len(offsets) > 5 else "")
    notes.append(f"UTF-8 but for {len(offsets)} byte(s) at offset {listed}, read as cp1252; the readout is loaded")
    return fixed


def _legacy(data: bytes, path: str) -> str:
    """Text in a single- or double-byte encoding, as charset-normalizer judges it. cp1252, the commonest, wins
    whenever it reads the bytes as cleanly as the best pick: on Western European text charset-normalizer often
    ranks cp1250 first, which turns "à" into "ŕ"."""
    from charset_normalizer import from_bytes
    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise ReadError(path, "binary file (no text encoding fits), not text")
    western = next((m for m in matches if "cp1252" in m.could_be_from_charset), None)
    if western is not None and western.chaos <= best.chaos + 0.01:
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    return str(best)


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


# --- files into records ---------------------------------------------------------------------------

def doc_id_for(file: Path, root: Path) -> str:
    """Stable id from the path: the file's path under the folder given, without its extension."""
    return shown(file.relative_to(root).with_suffix("").as_posix())


def read_file(file: Path, root: Path, data: bytes | None = None) -> list[Record | ReadError]:
    """Records in one file (a table holds many; a bad row is a ReadError in the list, not raised); raises
    ReadError for a file that is not a readout. `data` is the file's bytes when they were read already."""
    path = shown(file)
    if data is None:
        data = read_entry(file, root)
    if not data:
        raise ReadError(path, "empty file")
    notes: list[str] = []
    text = decode(data, path, notes)
    if not text.strip():
        raise ReadError(path, "file holds only whitespace")
    doc_id = doc_id_for(file, root)
    suffix = file.suffix.lower()
    records = _records(text, path, doc_id, suffix)
    for record in records:
        if isinstance(record, Record):
            record.notes[:0] = notes
    return records


_HTML_START = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])", re.IGNORECASE | re.DOTALL)


def _records(text: str, path: str, doc_id: str, suffix: str) -> list[Record | ReadError]:
    table_format = TABLE_SUFFIXES.get(suffix)
    start = text.lstrip("\ufeff \t\n")[:1]
    if table_format == "csv":
        return list(_table_records(_csv_rows(text, path, delimiter="\t" if suffix == ".tsv" else ","), path, doc_id, "csv"))
    if table_format == "jsonl":
        return list(_table_records(_jsonl_rows(text, path), path, doc_id, "jsonl"))
    if table_format == "json" or start in ("[", "{"):
        rows = _json_rows(text, path)
        if rows is not None:
            return list(_table_records(rows, path, doc_id, "json"))
        if table_format == "json":
            return list(_table_records(_jsonl_rows(text, path), path, doc_id, "jsonl"))
    if suffix in HTML_SUFFIXES or _HTML_START.match(text):
        return [_html_record(text, path, doc_id)]
    if text.lstrip("\ufeff").startswith("---"):
        return [_markdown_record(text, path, doc_id)]
    return [_text_record(text, path, doc_id, suffix)]


_YAML_HEADER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)


def _markdown_record(text: str, path: str, doc_id: str) -> Record:
    match = _YAML_HEADER.match(text)
    if not match:
        raise ReadError(path, "broken YAML header: opens with '---' but has no closing '---' line")
    meta = _yaml_header(match.group(1), path)
    body = text[match.end():]
    if not body.strip():
        raise ReadError(path, "no body text after the YAML header")
    meta, notes = checked_meta(meta)
    title = _meta_text(meta.get("title"))
    return Record(path=path, doc_id=doc_id, format="markdown", body=body, title=title, meta=meta, notes=notes)


def _yaml_header(header: str, path: str) -> dict:
    """The header's mapping, read by the safe loader after its events are checked for aliases: a readout's
    header never needs one, and a few nested aliases ("billion laughs") expand to more than any memory holds."""
    try:
        for event in yaml.parse(header, Loader=_YamlLoader):
            if isinstance(event, yaml.AliasEvent):
                raise ReadError(path, f"YAML header uses an alias (*{event.anchor}); aliases are refused, since a few nested "
                                      "ones expand beyond any memory")
        meta = yaml.load(header, Loader=_YamlLoader)
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        at = f" at line {where.line + 2}" if where is not None else ""
        raise ReadError(path, f"broken YAML header{at}: {getattr(exc, 'problem', None) or exc}") from None
    except RecursionError:
        raise ReadError(path, "broken YAML header: nested too deeply") from None
    if meta is None:
        return {}
    if not isinstance(meta, dict):
        raise ReadError(path, f"broken YAML header: expected 'key: value' lines, found a {type(meta).__name__}")
    return meta


# Header names read as another documents column's.
_SAME_AS = {"event_date": "date", "published_time": "published", "modified_time": "published", "counterpart": "counterparts",
            "headline": "title", "url": "path", "source_url": "path", "id": "path", "doc_id": "path"}
# Days pandas can hold in the frames' datetime64[ns] columns.
_FIRST_DAY, _LAST_DAY = (dt.date(1677, 9, 22), dt.date(2262, 4, 11))


def checked_meta(meta: dict) -> tuple[dict, list[str]]:
    """A header (or table row) with every field the documents frame takes checked against its column's type:
    text for text columns, a name or list of names for counterparts, a day pandas can hold for dates, one of the
    schema's values for event_type. A field that fails is dropped and a note says why; others pass unchanged."""
    kept, notes = {}, []
    for name, value in meta.items():
        key = str(name).strip().lower()
        column = _SAME_AS.get(key, key)
        dtype = schema.DOCUMENTS.get(column)
        why = _wrong(value, column, dtype) if dtype and value not in (None, "") else ""
        if why:
            notes.append(f"header field {key!r} ignored: {why}; the readout is loaded without it")
        else:
            kept[name] = value
    return kept, notes


def _wrong(value, column: str, dtype: str) -> str:
    """Why `value` cannot fill `column`, or ""."""
    if column == "counterparts":
        if isinstance(value, str) or (isinstance(value, list) and all(isinstance(v, (str, int, float)) for v in value)):
            return ""
        return f"expected a name or a list of names, found {_described(value)}"
    if dtype.startswith("datetime64"):
        return _not_a_day(value)
    if isinstance(value, (dict, list, set, tuple)):
        return f"expected text, found {_described(value)}"
    if column == "event_type" and str(value) not in schema.EVENT_TYPES:
        return f"{str(value)[:40]!r} is not one of {', '.join(schema.EVENT_TYPES)}"
    return ""


def _not_a_day(value) -> str:
    if isinstance(value, bool) or isinstance(value, (int, float)):
        return f"expected a date, found the number {value!r}"
    if isinstance(value, (dict, list, set, tuple)):
        return f"expected a date, found {_described(value)}"
    if isinstance(value, (dt.date, dt.datetime)):
        day = value.date() if isinstance(value, dt.datetime) else value
    else:
        found = re.match(r"\s*(\d{4,})-(\d{1,2})-(\d{1,2})", str(value))
        if not found:
            return ""  # free text ("March 3, 2022"): the metadata parser reads it or leaves the day empty
        year, month, day_of_month = map(int, found.groups())
        if not (1 <= month <= 12 and 1 <= day_of_month <= 31):
            return f"{str(value)[:40]!r} is not a day"
        if year > 9999:
            return f"{str(value)[:40]!r} is outside the days the frames can hold ({_FIRST_DAY} to {_LAST_DAY})"
        try:
            day = dt.date(year, month, day_of_month)
        except ValueError:
            return f"{str(value)[:40]!r} is not a day"
    if not (_FIRST_DAY <= day <= _LAST_DAY):
        return f"{day} is outside the days the frames can hold ({_FIRST_DAY} to {_LAST_DAY})"
    return ""


def _described(value) -> str:
    kind = {dict: "a mapping", list: "a list", set: "a set", tuple: "a list"}.get(type(value), f"a value of type {type(value).__name__}")
    return f"{kind} ({str(value)[:40]})"


def _meta_text(value) -> str:
    return " ".join(str(value).split()) if value not in (None, "") else ""


_SENTENCE_END = re.compile(r"[.!?:;][\"'”’)\]]*$")


def _text_record(text: str, path: str, doc_id: str, suffix: str) -> Record:
    """Seed form: a headline line, a blank line, then paragraphs."""
    stripped = text.lstrip()
    headline, _, rest = stripped.partition("\n")
    headline = headline.strip()
    looks_like_headline = len(headline) <= 250 and not _SENTENCE_END.search(headline) and rest.strip()
    if not looks_like_headline:
        raise ReadError(path, "no headline: the first line reads as body text (a plain-text readout opens with its headline line, then the body)")
    return Record(path=path, doc_id=doc_id, format="markdown" if suffix in {".md", ".markdown"} else "text", body=rest, title=headline)


_SENTENCE = re.compile(r"\w[\w,;'’\"”)]*\s+\w+.*?\w[\"'”’)]*[.!?]")


def _html_record(text: str, path: str, doc_id: str) -> Record:
    """An HTML page: its main text as trafilatura extracts it (menus, footers and scripts left out), its title and
    date from the page's metadata. A page with no main text is reported, never loaded as markup."""
    import trafilatura
    try:
        page = trafilatura.bare_extraction(text, with_metadata=True, include_comments=False, include_tables=False,
                                           include_images=False, deduplicate=False)
    except Exception as error:  # noqa: BLE001 -- trafilatura raises many kinds on malformed markup
        raise ReadError(path, f"HTML page that cannot be parsed ({type(error).__name__}: {error})") from None
    body = (getattr(page, "text", None) or "").strip() if page is not None else ""
    if not body:
        raise ReadError(path, "HTML page with no main text found")
    title = _meta_text(getattr(page, "title", None))
    paragraphs = [line.strip() for line in body.split("\n") if line.strip()]
    if title and paragraphs and _meta_text(paragraphs[0]) == title:  # the page's <h1> repeats its title
        paragraphs = paragraphs[1:]
    if not any(_SENTENCE.search(p) for p in paragraphs):  # what is left of a page of menus and headings
        raise ReadError(path, "HTML page with no main text found (no sentence outside its menus and headings)")
    if not title and len(paragraphs) > 1:
        title, paragraphs = paragraphs[0], paragraphs[1:]
    if not title or not paragraphs:
        raise ReadError(path, "HTML page with no headline and body found")
    meta = {}
    if getattr(page, "date", None):
        meta["date"] = page.date
    if getattr(page, "url", None):
        meta["url"] = page.url
    meta, notes = checked_meta(meta)
    return Record(path=path, doc_id=doc_id, format="html", body="\n\n".join(paragraphs), title=title, meta=meta, notes=notes)


# --- tables: one readout per row -----------------------------------------------------------------

def _csv_rows(text: str, path: str, *, delimiter: str) -> Iterator[tuple[int, dict | ReadError]]:
    """Rows with the line each starts on; a bad row is yielded as a ReadError and the rows after it still read.

    The field-size limit is raised to the text's length, so no readout is too long to fit. Quotes are read
    strictly: a lenient reader lets one unclosed quote swallow every row after it into one field, while a strict
    one stops there. Reading then starts again on the line after the broken row's first line; a row read again
    from lines the broken one had taken must have exactly the header's fields, or it is reported too (it may be
    the broken row's continuation, not a row)."""
    csv.field_size_limit(max(csv.field_size_limit(), min(len(text) + 1, 2**31 - 1)))
    lines = text.split("\n")
    header: list[str] | None = None
    first = 0  # index of the first line the current reader was given
    suspect_until = 0  # rows starting on lines up to this one were inside a broken row
    while first < len(lines):
        reader = csv.reader(io.StringIO("\n".join(lines[first:]), newline=""), delimiter=delimiter, strict=True)
        start = first + 1
        while True:
            try:
                fields = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                end = max(first + reader.line_num, start)
                if header is None:
                    raise ReadError(path, f"not a readable CSV table (header, line {start}: {exc})") from None
                yield start, ReadError(f"{path}:{start}", f"not a readable CSV row ({exc})")
                suspect_until = max(suspect_until, end)
                first = start  # the next reader starts on the line after `start`
                break
            row_start, start = start, first + reader.line_num + 1
            if header is None:
                header = fields
            elif not fields or not any(f.strip() for f in fields):
                continue
            elif len(fields) > len(header) or (row_start <= suspect_until and len(fields) != len(header)):
                yield row_start, ReadError(f"{path}:{row_start}", f"row has {len(fields)} fields, the header {len(header)}")
            else:
                yield row_start, dict(zip(header, fields + [""] * (len(header) - len(fields))))


def _jsonl_rows(text: str, path: str) -> Iterator[tuple[int, dict | ReadError]]:
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield number, ReadError(f"{path}:{number}", f"not valid JSON ({exc.msg})")
            continue
        except RecursionError:
            yield number, ReadError(f"{path}:{number}", "JSON nested too deeply")
            continue
        if not isinstance(row, dict):
            yield number, ReadError(f"{path}:{number}", "a JSON Lines row must be an object")
            continue
        yield number, row


def _json_rows(text: str, path: str) -> Iterator[tuple[int, dict | ReadError]] | None:
    """Rows of a JSON array of objects (or one object), each with the line it starts on; None when the text is
    not one JSON value (JSON Lines, or a plain readout whose headline opens with a bracket). An array broken
    part-way keeps the rows before the break."""
    decoder = json.JSONDecoder()
    body = text.lstrip("\ufeff")
    at = len(body) - len(body.lstrip())
    if body[at:at + 1] == "{":
        try:
            value, end = decoder.raw_decode(body, at)
        except (json.JSONDecodeError, RecursionError):
            return None
        if body[end:].strip():
            return None
        return iter([(body.count("\n", 0, at) + 1, value)])
    if body[at:at + 1] != "[":
        return None
    try:
        json.loads(body)
    except json.JSONDecodeError as exc:
        # no JSON value after the bracket ("[Readout] ..."), or more after the array (JSON Lines): not one array;
        # an error further in is an array broken part-way, whose rows before the break still count
        if exc.pos <= at + 1 + len(body[at + 1:]) - len(body[at + 1:].lstrip()) or exc.msg.startswith("Extra data"):
            return None
    except RecursionError:
        pass
    return _array_rows(body, at + 1, path)


def _array_rows(body: str, at: int, path: str) -> Iterator[tuple[int, dict | ReadError]]:
    decoder = json.JSONDecoder()
    whitespace = re.compile(r"\s*")
    at = whitespace.match(body, at).end()
    if body[at:at + 1] == "]":
        return
    while True:
        line = body.count("\n", 0, at) + 1
        try:
            value, at = decoder.raw_decode(body, at)
        except json.JSONDecodeError as exc:
            yield line, ReadError(f"{path}:{body.count(chr(10), 0, exc.pos) + 1}",
                                  f"not valid JSON ({exc.msg}); the rest of the array cannot be read")
            return
        except RecursionError:
            yield line, ReadError(f"{path}:{line}", "JSON nested too deeply; the rest of the array cannot be read")
            return
        yield line, value if isinstance(value, dict) else ReadError(f"{path}:{line}", "a JSON array's item must be an object")
        at = whitespace.match(body, at).end()
        if body[at:at + 1] == ",":
            at = whitespace.match(body, at + 1).end()
            continue
        if body[at:at + 1] == "]" and not body[at + 1:].strip():
            return
        yield body.count("\n", 0, at) + 1, ReadError(f"{path}:{body.count(chr(10), 0, at) + 1}",
                                                   "not valid JSON (expected ',' or ']'); the rest of the array cannot be read")
        return


def _table_records(rows, path: str, doc_id: str, fmt: str) -> Iterator[Record | ReadError]:
    """Records of a one-readout-per-row table; a bad row is yielded as a ReadError, not raised."""
    text_column = None
    seen_any = False
    for number, row in rows:
        seen_any = True
        if isinstance(row, ReadError):
            yield row
            continue
        where = f"{path}:{number}"
        columns = {str(key).strip().lower(): key for key in row}
        found = next((columns[name] for name in TEXT_COLUMNS if name in columns), None)
        if text_column is None and found is None:
            if fmt == "csv":  # the header row decides for every row of a CSV
                raise ReadError(path, f"no text column: a {fmt} readout table needs one of {', '.join(TEXT_COLUMNS)} (found {', '.join(map(str, row)) or 'none'})")
            yield ReadError(where, f"no text field: a {fmt} readout needs one of {', '.join(TEXT_COLUMNS)} (found {', '.join(map(str, row))[:200] or 'none'})")
            continue
        column = found if found is not None else text_column
        if fmt == "csv":
            text_column = column
        body = row.get(column)
        if not isinstance(body, str) or not body.strip():
            yield ReadError(where, f"empty '{column}' field" if body in (None, "") else f"'{column}' field is not text")
            continue
        meta, notes = checked_meta({str(key).strip().lower(): value for key, value in row.items()
                                    if key != column and value not in (None, "")})
        row_id = meta.pop("id", None) or meta.pop("doc_id", None)
        title = _meta_text(meta.pop("title", None) or meta.pop("headline", None))
        yield Record(path=where, doc_id=f"{doc_id}/{shown(str(row_id)) if row_id not in (None, '') else number}", format=fmt,
                     body=_normalise_newlines(body), title=title, meta=meta, notes=notes)
    if not seen_any:
        raise ReadError(path, f"{fmt} table has no rows")
