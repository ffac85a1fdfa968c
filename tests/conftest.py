"""Shared fixtures: the seed corpus, and the White House corpus when READOUTS_WHITEHOUSE_CORPUS names it."""
from __future__ import annotations

import os
import re
import tempfile
import unicodedata
import warnings
from pathlib import Path

import pandas as pd
import pytest

from helpers import load_corpus

# Tests read and fill a cache of their own, never the repository's data/cache/.
os.environ.setdefault("READOUTS_CACHE_DIR", tempfile.mkdtemp(prefix="readouts-test-cache-"))

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
LABELS = Path(__file__).resolve().parent / "labels"
# Short readouts in other governments' styles, written for the tests (see labels/NOTES.md).
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def labelled_metadata(fields) -> dict[str, str]:
    """A readout's metadata in the columns of the hand-label files (host, counterpart, country, event_type, date),
    from a `documents` row or from `document_fields(...)`: the first counterpart, the day as YYYY-MM-DD."""
    counterparts, date = fields["counterparts"], fields["date"]
    return {"host": str(fields["host"]), "counterpart": str(counterparts[0]) if len(counterparts) else "",
            "country": str(fields["counterpart_country"]), "event_type": str(fields["event_type"]),
            "date": "" if date is None or pd.isna(date) else str(pd.Timestamp(date).date())}


# letters Unicode gives no base letter for, as a reader would read them unaccented ("Kılıç" is "Kilic")
_UNDECOMPOSED = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe"})


def same_person(found: str, label: str) -> bool:
    """Whether a found name and a labelled one name the same person, whatever the spelling: equal without case and
    accents ("Ivan Duque", "Iván Duque", "Kiliç", "Kılıç") and hyphens ("Al-Saud", "Al Saud"), or the words of one among
    the other's with the same last word (the corpus's canonical "Nana Addo Dankwa Akufo-Addo", the label's "Nana
    Akufo-Addo"). Both empty counts as agreement."""
    def words(name: str) -> list[str]:
        plain = unicodedata.normalize("NFKD", name.casefold().translate(_UNDECOMPOSED))
        return re.sub(r"[.\-‐‑]", " ", "".join(c for c in plain if not unicodedata.combining(c))).split()
    a, b = words(found), words(label)
    if a == b:
        return True
    return bool(a and b) and a[-1] == b[-1] and (set(a) <= set(b) or set(b) <= set(a))


def metadata_misses(documents: pd.DataFrame, labels: pd.DataFrame, fields: list[str], *,
                    fold_case: bool = False) -> tuple[list[str], int]:
    """Each labelled readout's fields (`labels`: a `file` column and the `fields`) against the `documents` row of its
    doc_id: (the disagreements, described, and the number of fields compared)."""
    docs = documents.set_index("doc_id")
    same = (lambda a, b: a.lower() == b.lower()) if fold_case else (lambda a, b: a == b)
    misses, total = [], 0
    for label in labels.itertuples(index=False):
        found = labelled_metadata(docs.loc[label.file.rsplit(".", 1)[0]])
        for column in fields:
            total += 1
            if not same(found[column], getattr(label, column)):
                misses.append(f"{label.file}: {column} {getattr(label, column)!r} != {found[column]!r}")
    return misses, total


@pytest.fixture(scope="session")
def seed():
    return load_corpus(SEEDS)


@pytest.fixture(scope="session")
def styles():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_corpus(FIXTURES)


def whitehouse_dir() -> Path | None:
    value = os.environ.get("READOUTS_WHITEHOUSE_CORPUS")
    return Path(value) if value else None


needs_whitehouse = pytest.mark.skipif(
    whitehouse_dir() is None, reason="READOUTS_WHITEHOUSE_CORPUS is not set (CI sets it)"
)


@pytest.fixture(scope="session")
def whitehouse():
    folder = whitehouse_dir()
    if folder is None:
        pytest.skip("READOUTS_WHITEHOUSE_CORPUS is not set")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_corpus(folder)
