"""Tokens: sentences -> one row per token, with offsets, lower case, Snowball stem and flags.

Tokens follow the Penn Treebank habits of NLTK's word tokenizer (clitics such as 's and n't apart, punctuation
apart, hyphenated words whole) and every non-blank character lands in a token. The loader and the analysis
verbs (`keywords`, `themes`) tokenize by these same rules.
"""
from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
import pandas as pd

from . import schema
from .lexicon import APOSTROPHES, HYPHENS, Lexicon, alternation, default_lexicon, derived, english_stop_words

__all__ = ["token_pattern", "token_spans", "tokens_of"]

@derived
def token_pattern(lexicon: Lexicon) -> re.Pattern:
    """The token pattern, with the lexicon's clitics.

    The third line is a fast path for the common case, a word not followed by 't: without it every word would
    first be scanned back letter by letter looking for "n't". Where it declines, the lines after it split exactly
    as they would alone (checked on the White House corpus and on random strings)."""
    clitics = alternation(lexicon.words("clitics", "clitic"))
    # An abbreviation is a unit of a hyphenated compound like a word, so "China-U.S.", "U.S.-China" and "EU-U.S."
    # stay whole instead of leaving a stray "S" (and "China-U") behind. Its second form, single letters with the last
    # full stop missing, is how "U.S" is misspelt in published readouts ("the U.S-India initiative").
    abbreviation = r"(?:(?:[^\W\d_]\.){2,}(?![^\W\d_])|(?:[^\W\d_]\.)+[^\W\d_](?![\w.]))"
    unit = rf"(?:{abbreviation}|\w+)"
    return re.compile(
        rf"""{abbreviation}(?:[{HYPHENS}]{unit})*    # U.S., U.N., a.m., U.S.-China, U.S
          | \d+(?:[.,:/]\d+)+                # 1,064  3.5  10:30  2021/22
          | (?>\w+(?:[{HYPHENS}]{unit})*)(?![{APOSTROPHES}]t\b)   # a word (or compound) not followed by 't
          | \w+(?=n[{APOSTROPHES}]t\b)                  # do|n't
          | n[{APOSTROPHES}]t\b
          | [{APOSTROPHES}](?:{clitics})\b    # clitics: 's 're 've 'll 'd 'm
          | \w+(?:[{HYPHENS}]{unit})*                 # words, hyphenated compounds whole (China-U.S. too)
          | \S                               # anything else, one character at a time
        """,
        re.VERBOSE,
    )


@derived
def _splitter(lexicon: Lexicon) -> re.Pattern:
    # Splitting on the token pattern as a group gives gap, token, gap, token, ..., gap in C, so the
    # offsets follow from the pieces' lengths without a Python step per token.
    pattern = token_pattern(lexicon)
    return re.compile(f"({pattern.pattern})", pattern.flags)


def token_spans(text: str, start: int = 0, end: int | None = None, *, lexicon: Lexicon | None = None) -> list[tuple[int, int]]:
    """(start, end) of each token in `text[start:end]`."""
    end = len(text) if end is None else end
    return [match.span() for match in token_pattern(lexicon or default_lexicon()).finditer(text, start, end)]


_WORDLIKE = re.compile(r"\w")


def tokens_of(sentences: pd.DataFrame, documents: pd.DataFrame | None = None, *, lexicon: Lexicon | None = None) -> pd.DataFrame:
    """One row per token of the given sentences (with speaker columns carried); offsets index the document's text.

    Without `documents`, each text is rebuilt from its sentences at their own offsets."""
    if sentences.empty:
        return schema.conform(pd.DataFrame(), "tokens")
    texts = dict(zip(documents["doc_id"], documents["text"])) if documents is not None else _texts_of(sentences)
    splitter = _splitter(lexicon or default_lexicon())
    sentence_starts = sentences["start"].to_numpy()
    words: list[str] = []
    token_starts, token_ends, token_rows, token_ids = [], [], [], []
    for doc_id, rows in sentences.groupby("doc_id", sort=False).indices.items():
        parts = splitter.split(texts[doc_id])
        lengths = np.fromiter(map(len, parts), dtype=np.int64, count=len(parts))
        ends = np.cumsum(lengths)[1::2]
        starts = ends - lengths[1::2]
        words.extend(parts[1::2])
        token_starts.append(starts)
        token_ends.append(ends)
        token_rows.append(rows[np.searchsorted(sentence_starts[rows], starts, side="right") - 1])
        token_ids.append(np.arange(len(starts)))
    if not words:
        return schema.conform(pd.DataFrame(), "tokens")
    rows = np.concatenate(token_rows)
    frame = pd.DataFrame({
        "doc_id": sentences["doc_id"].array.take(rows),
        "para_id": sentences["para_id"].to_numpy()[rows],
        "sent_id": sentences["sent_id"].to_numpy()[rows],
        "token_id": np.concatenate(token_ids),
        "start": np.concatenate(token_starts),
        "end": np.concatenate(token_ends),
    })
    # Everything derived from a token's spelling is computed once per distinct spelling, then taken by code.
    codes, types = pd.factorize(np.array(words, dtype=object))
    lower = [word.lower().replace("’", "'") for word in types]
    frame["token"] = pd.array(types, dtype="string").take(codes)
    frame["lower"] = pd.array(lower, dtype="string").take(codes)
    frame["stem"] = pd.array(_stems(lower), dtype="string").take(codes)
    stop_words = english_stop_words()
    frame["is_stop"] = np.array([word in stop_words for word in lower], dtype=bool)[codes]
    frame["is_punct"] = np.array([_WORDLIKE.search(word) is None for word in types], dtype=bool)[codes]
    for column in ("speaker", "role"):
        if column in sentences:
            frame[column] = sentences[column].array.take(rows)
    return schema.conform(frame, "tokens")


def _texts_of(sentences: pd.DataFrame) -> dict[str, str]:
    texts = {}
    for doc_id, part in sentences.groupby("doc_id", sort=False, observed=True):
        chars = [" "] * int(part["end"].max())
        for start, end, text in zip(part["start"], part["end"], part["text"]):
            chars[start:end] = text
        texts[doc_id] = "".join(chars)
    return texts


@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer  # PyStemmer: the Snowball project's own C stemmers

    return Stemmer.Stemmer("english")


def _stems(words: list[str]) -> list[str]:
    """Snowball English (Porter 2) stems of lower-cased tokens; a token without a letter is its own stem.

    The stemmer is the Snowball project's C code (PyStemmer 2.2, the algorithm NLTK's SnowballStemmer
    ports): on the 14,347 distinct tokens of the White House corpus, the style fixtures and the seed it
    agrees with NLTK on all but "realization" (NLTK "realize", Snowball "realiz"), five times faster."""
    stemmed = _stemmer().stemWords(words)
    return [stem if any(map(str.isalpha, word)) else word for word, stem in zip(words, stemmed)]
