"""The Lexicon: every word list the loader's rules use, read once from a folder of tables.

The rules that read a readout (titles, countries, reporting verbs, event words, months, name particles, ...) know
nothing of their own: each list is a CSV table under `data/`, and a `Lexicon` holds them all, immutable, with what
is compiled from them. A house style overlays its own rows (`data/styles/<style>/`, chosen per document from
`source_style`), and a researcher's folder of tables with the same names overlays both:

    lexicon = Lexicon.load("my_rules/")          # data/ + my_rules/
    corpus = load_corpus("readouts/", lexicon="my_rules/")

A table in an overlay adds its rows after the default rows (so where a table maps a key to a value, the overlay's
row wins); a table whose first line is `#! replace` replaces the default table instead. A table the loader does not
know, a missing column or a pattern that does not compile raises `LexiconError` naming the file and row.

Compiled patterns are built from the tables by the rule modules through `Lexicon.derive`, once per lexicon, so a
forked loader inherits them and two lexicons never share them. Pattern pieces that are punctuation rather than
vocabulary (quotes, hyphens, a sentence's end) are named once here and composed by the rules, as spaCy composes its
punctuation rules from named character classes.
"""
from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

import pandas as pd

__all__ = ["DATA_DIR", "STYLE_NAME", "Lexicon", "LexiconError", "alternation", "as_lexicon", "default_lexicon", "derived",
           "english_stop_words", "first_letter_guard",
           "CLOSING_QUOTES", "OPENING_QUOTES", "APOSTROPHES", "HYPHENS", "SENTENCE_END", "WORD_END"]

DATA_DIR = Path(__file__).resolve().parents[2] / "data"
STYLES = "styles"
REPLACE_MARKER = "#! replace"

# --- named pattern pieces: punctuation, not vocabulary --------------------------------------------------------
CLOSING_QUOTES = "\"'”’)\\]"       # what may close a sentence after its full stop: quotes and brackets
OPENING_QUOTES = "\"'“‘(\\["
APOSTROPHES = "'’"
HYPHENS = "\\-‐‑"
SENTENCE_END = rf"[.?!][{CLOSING_QUOTES}]*"
WORD_END = rf"(?![\w{HYPHENS}])"

# Columns that hold regular expressions: each cell must compile.
_PATTERN_COLUMNS = frozenset({"pattern"})
# A house style's name: what `source_style` holds and what its bundle's folder is called.
STYLE_NAME = re.compile(r"[a-z][a-z0-9_]*")
# The document fields a style marker may be searched in.
MARKED_FIELDS = frozenset({"url"})
# The document fields a publisher pattern may be searched in (path: the file's path under the folder loaded).
PUBLISHER_FIELDS = frozenset({"url", "path"})


class LexiconError(ValueError):
    """A table of rules that cannot be used, with the file (and row) that is wrong."""


def _read(path: Path) -> pd.DataFrame:
    try:
        return pd.read_csv(path, dtype=str, keep_default_na=False, comment="#", skipinitialspace=True)
    except (pd.errors.ParserError, UnicodeDecodeError, ValueError) as error:
        raise LexiconError(f"{path}: cannot be read as a table ({error})") from None


def _replaces(path: Path) -> bool:
    with open(path, encoding="utf-8", errors="replace") as handle:
        return handle.readline().strip().lower() == REPLACE_MARKER


def _check(table: pd.DataFrame, path: Path, columns: list[str]) -> None:
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise LexiconError(f"{path}: missing column(s) {missing}; a {path.stem} table has {columns}")
    for column in _PATTERN_COLUMNS & set(table.columns):
        for row, value in enumerate(table[column], start=1):
            try:
                re.compile(value)
            except re.error as error:
                raise LexiconError(f"{path}, row {row}: the {column} {value!r} does not compile ({error})") from None
    if path.stem == "publishers":
        for row, field in enumerate(table["field"], start=1):
            if field.strip() not in PUBLISHER_FIELDS:
                raise LexiconError(f"{path}, row {row}: unknown field {field!r}; a publisher pattern is searched in {sorted(PUBLISHER_FIELDS)}")
    if path.stem == "style_markers":
        for row, (style, field) in enumerate(zip(table["style"], table["field"]), start=1):
            if field.strip() not in MARKED_FIELDS:
                raise LexiconError(f"{path}, row {row}: unknown field {field!r}; a style marker is searched in {sorted(MARKED_FIELDS)}")
            if not STYLE_NAME.fullmatch(style.strip()):
                raise LexiconError(f"{path}, row {row}: style {style!r} is no style name (lower-case letters, digits, _)")


def _overlay(path: Path, columns: dict[str, list[str]]) -> pd.DataFrame:
    """The rows of an overlaid table, checked against the shipped table of the same name (its columns, its patterns)."""
    if path.stem not in columns:
        raise LexiconError(f"{path}: no rule reads a table named {path.stem!r}; the tables are {sorted(columns)}")
    table = _read(path)
    _check(table, path, columns[path.stem])
    return table[columns[path.stem]]


class Lexicon:
    """Every table of rules, read-only, with the patterns compiled from them (see the module's docstring).

    `table(name)` gives a table (without `.csv`); `words(name, column)` its distinct phrases, longest first;
    `for_style(style)` the lexicon a document of that house style is read with; `fingerprint` hashes every
    file read, for the load cache."""

    def __init__(self, tables: dict[str, pd.DataFrame], styles: dict[str, dict[str, pd.DataFrame]], fingerprint: str,
                 *, style: str = ""):
        object.__setattr__(self, "_tables", tables)
        object.__setattr__(self, "_styles", styles)
        object.__setattr__(self, "fingerprint", fingerprint)
        object.__setattr__(self, "style", style)
        object.__setattr__(self, "_derived", {})

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError("a Lexicon is immutable: build another with Lexicon.load(...)")

    def __repr__(self) -> str:
        style = f", style {self.style!r}" if self.style else ""
        return f"<Lexicon: {len(self._tables)} tables{style}, styles {sorted(self._styles)}, {self.fingerprint[:12]}>"

    def __reduce__(self):
        # a spawned loader process gets the tables, not the compiled patterns (it compiles its own)
        return (_rebuilt, (self._tables, self._styles, self.fingerprint, self.style))

    # --- building ---------------------------------------------------------------------------------------------
    @classmethod
    def load(cls, *overlays: str | Path | None, base: str | Path = DATA_DIR) -> "Lexicon":
        """The tables of `base` (the repository's `data/`), overlaid in turn by each folder in `overlays`."""
        base = Path(base)
        if not base.is_dir():
            raise LexiconError(f"{base}: no such folder of tables")
        files: list[Path] = []
        tables = {}
        for path in sorted(base.glob("*.csv")):
            tables[path.stem] = _read(path)
            files.append(path)
        columns = {name: list(table.columns) for name, table in tables.items()}
        styles: dict[str, dict[str, pd.DataFrame]] = {}
        files += cls._read_styles(base / STYLES, styles, columns, tables)
        for folder in overlays:
            if folder is None:
                continue
            folder = Path(folder)
            if not folder.is_dir():
                raise LexiconError(f"{folder}: no such folder of tables (a lexicon is a folder of CSV tables)")
            for path in sorted(folder.glob("*.csv")):
                rows = _overlay(path, columns)
                tables[path.stem] = rows if _replaces(path) else pd.concat([tables[path.stem], rows], ignore_index=True)
                files.append(path)
            files += cls._read_styles(folder / STYLES, styles, columns, tables)
        digest = hashlib.sha256()
        for path in files:
            digest.update(f"{path.parent.name}/{path.name}\0".encode())  # the folder tells a style's table from the common one
            digest.update(path.read_bytes())
        return cls(tables, styles, digest.hexdigest())

    @staticmethod
    def _read_styles(folder: Path, styles: dict, columns: dict[str, list[str]], tables: dict) -> list[Path]:
        files = []
        if not folder.is_dir():
            return files
        for style_folder in sorted(p for p in folder.iterdir() if p.is_dir()):
            if not STYLE_NAME.fullmatch(style_folder.name):
                raise LexiconError(f"{style_folder}: {style_folder.name!r} is no style name (lower-case letters, digits, _)")
            bundle = styles.setdefault(style_folder.name, {})
            for path in sorted(style_folder.glob("*.csv")):
                rows = _overlay(path, columns)
                if path.stem in bundle and not _replaces(path):
                    rows = pd.concat([bundle[path.stem], rows], ignore_index=True)
                bundle[path.stem] = (rows, _replaces(path))
                files.append(path)
        return files

    # --- reading ------------------------------------------------------------------------------------------------
    @property
    def tables(self) -> tuple[str, ...]:
        """The names of the tables (the CSV files' names without `.csv`)."""
        return tuple(sorted(self._tables))

    @property
    def styles(self) -> tuple[str, ...]:
        """The house styles that have a bundle of their own."""
        return tuple(sorted(self._styles))

    def table(self, name: str) -> pd.DataFrame:
        """One table, all columns as text (treat as read-only)."""
        try:
            return self._tables[name]
        except KeyError:
            raise LexiconError(f"no table {name!r}; the tables are {sorted(self._tables)}") from None

    def words(self, name: str, column: str) -> list[str]:
        """Distinct values of one column, whitespace normalised, longest first (alternations prefer the longest)."""
        return self.derive(_distinct_phrases, name, column)

    def mapping(self, name: str, key: str, value: str) -> dict[str, str]:
        """One column to another; where a key repeats, the later row (an overlay's) wins."""
        return self.derive(_mapping, name, key, value)

    def setting(self, name: str, default: str = "") -> str:
        """A value of the `house` table (what a house style says of its publisher), or `default`."""
        return self.mapping("house", "setting", "value").get(name, default)

    def for_style(self, style: str | None) -> "Lexicon":
        """This lexicon with the bundle of `style` overlaid; itself for a style without a bundle."""
        if self.style or not style or style not in self._styles:
            return self
        return self.derive(_styled, style)

    def derive(self, build: Callable[..., Any], *args: Any) -> Any:
        """`build(self, *args)`, computed once per lexicon: how the rules keep what they compile from the tables."""
        key = (build, *args)
        try:
            return self._derived[key]
        except KeyError:
            value = self._derived[key] = build(self, *args)
            return value


def derived(build: Callable[..., Any]) -> Callable[..., Any]:
    """Decorate `build(lexicon, *args)` so that it is computed once per lexicon and arguments."""
    def get(lexicon: Lexicon, *args: Any) -> Any:
        return lexicon.derive(build, *args)

    get.__name__, get.__doc__, get.__wrapped__ = build.__name__, build.__doc__, build
    return get


def _distinct_phrases(lexicon: Lexicon, name: str, column: str) -> list[str]:
    values = {" ".join(v.split()) for v in lexicon.table(name)[column] if v.strip()}
    return sorted(values, key=lambda v: (-len(v), v))


def _mapping(lexicon: Lexicon, name: str, key: str, value: str) -> dict[str, str]:
    table = lexicon.table(name)
    return {k.strip(): v.strip() for k, v in zip(table[key], table[value])}


def _rebuilt(tables: dict, styles: dict, fingerprint: str, style: str) -> Lexicon:
    return Lexicon(tables, styles, fingerprint, style=style)


def _styled(lexicon: Lexicon, style: str) -> Lexicon:
    tables = dict(lexicon._tables)
    for name, (rows, replace) in lexicon._styles[style].items():
        tables[name] = rows if replace else pd.concat([tables[name], rows], ignore_index=True)
    return Lexicon(tables, lexicon._styles, hashlib.sha256(f"{lexicon.fingerprint}|{style}".encode()).hexdigest(), style=style)


@lru_cache(maxsize=1)
def english_stop_words() -> frozenset[str]:
    """scikit-learn's English stop words (the `is_stop` column); imported on first use, since importing
    scikit-learn is slow and a load from the cache needs none of it."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS)


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The repository's own tables (`data/`), read once."""
    return Lexicon.load()


def as_lexicon(lexicon: Lexicon | str | Path | None) -> Lexicon:
    """A Lexicon from a Lexicon, a folder of tables to overlay on `data/`, or None (the default tables)."""
    if lexicon is None:
        return default_lexicon()
    if isinstance(lexicon, Lexicon):
        return lexicon
    return Lexicon.load(lexicon)


# --- word lists as patterns -----------------------------------------------------------------------------------

def alternation(phrases: Iterable[str], tails: dict[str, str] | None = None) -> str:
    """One regex alternative per phrase, compiled as a character trie so that hundreds of titles or countries
    cost one pass, not one attempt each; spaces match any whitespace and the longest phrase is preferred.
    `tails` may give a pattern that must follow a phrase (tried after the longer phrases through it)."""
    trie: dict = {}
    for phrase in phrases:
        node = trie
        phrase = " ".join(phrase.split())
        for char in phrase:
            node = node.setdefault(char, {})
        node[""] = phrase

    def emit(node: dict) -> str:
        branches = [(r"\s+" if char == " " else re.escape(char)) + emit(child) for char, child in node.items() if char]
        tail = (tails or {}).get(node[""], "") if "" in node else None
        if not branches:
            return tail or ""
        if tail is None:
            return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{'|'.join(branches)}|{tail})"  # an empty tail makes the longer phrases optional

    return emit(trie) or "(?!)"


def first_letter_guard(phrases: Iterable[str]) -> str:
    """A lookahead for the first letters of `phrases`: put before a lookbehind and an alternation that are searched
    through whole texts, it fails at once at every position no phrase starts from, before the lookbehind and the
    alternation are tried there."""
    return f"(?=[{''.join(sorted({re.escape(phrase[0]) for phrase in phrases if phrase}))}])"
