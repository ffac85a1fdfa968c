"""Readers: turn files into plain records, one per readout, or say why they cannot.

One reader per format (plain text in the seed's form, Markdown with a YAML
header, CSV and JSON Lines with one readout per row). Readers know nothing of
sentences or speakers: they decode, split off the header and hand back the
raw body with whatever metadata the file states itself.
"""
from __future__ import annotations

import codecs
import csv
import io
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

import yaml

try:  # the C loader is much faster; both are safe loaders
    _YamlLoader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _YamlLoader = yaml.SafeLoader

# Files that sit beside readouts in a corpus folder but are not readouts.
PASSED_OVER = re.compile(r"^(README|LICENSE|LICENCE|MANIFEST|CHANGELOG)([._-].*)?$", re.IGNORECASE)
TEXT_COLUMNS = ("text", "body", "content")
TABLE_SUFFIXES = {".csv": "csv", ".tsv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl"}


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
    format: str  # text | markdown | csv | jsonl
    body: str
    title: str = ""
    meta: dict = field(default_factory=dict)


def list_files(paths: str | Path | list) -> tuple[list[tuple[Path, Path]], list[Path]]:
    """Files to read as (file, root) pairs, in a stable order, and the roots given.

    A folder is walked recursively; hidden files and README/LICENSE-like files are passed over.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    found: list[tuple[Path, Path]] = []
    for given in paths:
        root = Path(given)
        if not root.exists():
            raise FileNotFoundError(f"{root}: no such file or folder (looked from {Path.cwd()})")
        if root.is_file():
            found.append((root, root.parent))
            continue
        found.extend((Path(os.path.join(root, *parts)), root) for parts in _walk(root))
    return found, [Path(p) for p in paths]


def _walk(root: Path, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """Relative path parts of the readout files under `root`, sorted as pathlib sorts paths (part by part).

    Hidden files and folders are passed over, and so are linked folders (as Path.rglob does). Plain strings
    and os.scandir, since pathlib objects for every file of a large corpus cost more than the walk itself."""
    found = []
    with os.scandir(os.path.join(root, *prefix)) as entries:
        for entry in entries:
            if entry.name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False):
                found.extend(_walk(root, (*prefix, entry.name)))
            elif entry.is_file() and not PASSED_OVER.match(entry.name):
                found.append((*prefix, entry.name))
    return sorted(found)


def decode(data: bytes, path: str) -> str:
    """Text of a file's bytes: BOMs honoured, UTF-8 first, then cp1252/Latin-1; binary refused."""
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return _normalise_newlines(data.decode(encoding))
            except UnicodeDecodeError as exc:
                raise ReadError(path, f"starts with a {encoding} byte-order mark but does not decode as {encoding} ({exc.reason})") from None
    if b"\x00" in data[:8192]:
        raise ReadError(path, "binary file (NUL bytes), not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            text = data.decode("latin-1")
    controls = len(_CONTROL.findall(text, 0, 8192))
    if controls > max(8, len(text[:8192]) // 100):
        raise ReadError(path, "binary file (control characters), not text")
    return _normalise_newlines(text)


_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f]")


def _normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def doc_id_for(file: Path, root: Path) -> str:
    """Stable id from the path: the file's path under the folder given, without its extension."""
    return file.relative_to(root).with_suffix("").as_posix()


def read_file(file: Path, root: Path) -> list[Record]:
    """Records in one file (a table holds many); raises ReadError for a file that is not a readout."""
    path = str(file)
    data = file.read_bytes()
    if not data:
        raise ReadError(path, "empty file")
    text = decode(data, path)
    if not text.strip():
        raise ReadError(path, "file holds only whitespace")
    doc_id = doc_id_for(file, root)
    table_format = TABLE_SUFFIXES.get(file.suffix.lower())
    if table_format == "csv":
        return list(_table_records(_csv_rows(text, path, delimiter="\t" if file.suffix.lower() == ".tsv" else ","), path, doc_id, "csv"))
    if table_format == "jsonl" or (file.suffix.lower() == ".json" and text.lstrip().startswith("{")):
        return list(_table_records(_jsonl_rows(text, path), path, doc_id, "jsonl"))
    if text.lstrip("\ufeff").startswith("---"):
        return [_markdown_record(text, path, doc_id)]
    return [_text_record(text, path, doc_id, file.suffix.lower())]


_YAML_HEADER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)


def _markdown_record(text: str, path: str, doc_id: str) -> Record:
    match = _YAML_HEADER.match(text)
    if not match:
        raise ReadError(path, "broken YAML header: opens with '---' but has no closing '---' line")
    try:
        meta = yaml.load(match.group(1), Loader=_YamlLoader)
    except yaml.YAMLError as exc:
        where = getattr(exc, "problem_mark", None)
        at = f" at line {where.line + 2}" if where is not None else ""
        raise ReadError(path, f"broken YAML header{at}: {getattr(exc, 'problem', None) or exc}") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise ReadError(path, f"broken YAML header: expected 'key: value' lines, found a {type(meta).__name__}")
    body = text[match.end():]
    if not body.strip():
        raise ReadError(path, "no body text after the YAML header")
    title = _meta_text(meta.get("title"))
    return Record(path=path, doc_id=doc_id, format="markdown", body=body, title=title, meta=meta)


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


def _csv_rows(text: str, path: str, *, delimiter: str) -> Iterator[tuple[int, dict]]:
    try:
        reader = csv.DictReader(io.StringIO(text), delimiter=delimiter)
        for number, row in enumerate(reader, start=2):  # line 1 is the header
            if None in row:
                raise ReadError(f"{path}:{number}", "row has more fields than the header")
            yield number, row
    except csv.Error as exc:
        raise ReadError(path, f"not a readable CSV table ({exc})") from None


def _jsonl_rows(text: str, path: str) -> Iterator[tuple[int, dict]]:
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield number, ReadError(f"{path}:{number}", f"not valid JSON ({exc.msg})")
            continue
        if not isinstance(row, dict):
            yield number, ReadError(f"{path}:{number}", "a JSON Lines row must be an object")
            continue
        yield number, row


def _table_records(rows, path: str, doc_id: str, fmt: str) -> Iterator[Record | ReadError]:
    """Records of a one-readout-per-row table; a bad row is yielded as a ReadError, not raised."""
    text_column = None
    seen_any = False
    for number, row in rows:
        seen_any = True
        if isinstance(row, ReadError):
            yield row
            continue
        columns = {str(key).strip().lower(): key for key in row}
        if text_column is None:
            text_column = next((columns[name] for name in TEXT_COLUMNS if name in columns), None)
            if text_column is None:
                raise ReadError(path, f"no text column: a {fmt} readout table needs one of {', '.join(TEXT_COLUMNS)} (found {', '.join(map(str, row)) or 'none'})")
        where = f"{path}:{number}"
        body = row.get(text_column)
        if not isinstance(body, str) or not body.strip():
            yield ReadError(where, f"empty '{text_column}' field")
            continue
        meta = {str(key).strip().lower(): value for key, value in row.items() if key != text_column and value not in (None, "")}
        row_id = meta.pop("id", None) or meta.pop("doc_id", None)
        title = _meta_text(meta.pop("title", None) or meta.pop("headline", None))
        yield Record(path=where, doc_id=f"{doc_id}/{row_id if row_id not in (None, '') else number}", format=fmt, body=_normalise_newlines(body), title=title, meta=meta)
    if not seen_any:
        raise ReadError(path, f"{fmt} table has no rows")
