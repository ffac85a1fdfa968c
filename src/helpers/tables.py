"""The editable data tables under `data/`: where they are and how they are read."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pandas as pd

DATA_DIR = Path(__file__).resolve().parents[2] / "data"


def data_path(name: str) -> Path:
    """Path of a table shipped in the repository's `data/` folder."""
    return DATA_DIR / name


@lru_cache(maxsize=None)
def read_table(name: str) -> pd.DataFrame:
    """A CSV table from `data/`, all columns as text, `#` lines as comments; cached (treat as read-only)."""
    return pd.read_csv(data_path(name), dtype=str, keep_default_na=False, comment="#", skipinitialspace=True)


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """scikit-learn's English stop words (the `is_stop` column); imported on first use, since importing
    scikit-learn is slow and a load from the cache needs none of it."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS)


# --- word lists as patterns ---------------------------------------------------------------------

def phrases(name: str, column: str) -> list[str]:
    """Distinct values of one table column, longest first so alternations prefer the longest phrase."""
    values = {" ".join(v.split()) for v in read_table(name)[column] if v.strip()}
    return sorted(values, key=len, reverse=True)


def alternation(phrases: list[str], tails: dict[str, str] | None = None) -> str:
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

    return emit(trie)


def first_letter_guard(phrases) -> str:
    """A lookahead for the first letters of `phrases`: put before a lookbehind and an alternation that are searched
    through whole texts, it fails at once at every position no phrase starts from, before the lookbehind and the
    alternation are tried there."""
    return f"(?=[{''.join(sorted({re.escape(phrase[0]) for phrase in phrases if phrase}))}])"
