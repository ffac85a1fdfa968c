"""Segmentation: cleaned text -> sentences, with character offsets (tokens: `helpers.tokens`).

The sentence splitter is written for the readout genre and needs no trained
model (so no NLTK data): a sentence ends at `.`, `?` or `!` (closing quotes and
brackets included) before whitespace and a capital, a digit or an opening
quote, unless the period closes an abbreviation from `data/abbreviations.csv`
or a single initial ("Joseph R. Biden"). Tokens follow the Penn Treebank habits
of NLTK's word tokenizer (clitics such as 's and n't apart, punctuation apart,
hyphenated words whole) and every non-blank character lands in a token.
"""
from __future__ import annotations

import re

from .lexicon import APOSTROPHES, CLOSING_QUOTES, OPENING_QUOTES, Lexicon, derived, english_stop_words

_CANDIDATE_END = re.compile(rf"[.?!]+[{CLOSING_QUOTES}]*(?=\s+(\S))")
_WORD_BEFORE_PERIOD = re.compile(rf"([\w.{APOSTROPHES}&-]*)\.+[{CLOSING_QUOTES}]*$")
_OPENS_SENTENCE = re.compile(rf"[{OPENING_QUOTES}]*[A-Z0-9\u00C0-\u00DE]")

@derived
def _abbreviations(lexicon: Lexicon) -> tuple[frozenset[str], frozenset[str]]:
    table = lexicon.table("abbreviations")
    never_end = frozenset(table.loc[table["can_end"] != "yes", "abbreviation"])
    may_end = frozenset(table.loc[table["can_end"] == "yes", "abbreviation"])
    return never_end, may_end


def sentence_spans(lexicon: Lexicon, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each sentence in `text[start:end]`, whitespace trimmed from both ends."""
    end = len(text) if end is None else end
    never_end, may_end = _abbreviations(lexicon)
    spans: list[tuple[int, int]] = []
    sentence_start = start
    for match in _CANDIDATE_END.finditer(text, start, end):
        if match.end() <= sentence_start:
            continue
        next_word_start = match.start(1)
        if not _is_boundary(text, match, next_word_start, end, never_end, may_end):
            continue
        spans.append((sentence_start, match.end()))
        sentence_start = next_word_start
    spans.append((sentence_start, end))
    return [_trim(text, s, e) for s, e in spans if text[s:e].strip()]


def _is_boundary(text, match, next_start, end, never_end, may_end) -> bool:
    if not _OPENS_SENTENCE.match(text, next_start, end):
        return False
    punctuation = match.group()
    if not punctuation.startswith(".") or punctuation.startswith(".."):
        return True
    before = _WORD_BEFORE_PERIOD.search(text, max(0, match.start() - 40), match.end())
    word = before.group(1) if before else ""
    word = word.lstrip("(\"'“‘[")
    word = word.rsplit("-", 1)[-1]  # an abbreviation closing a compound is still one: "the Japan-U.S. Alliance"
    if len(word) == 1 and word.isupper():
        return False  # an initial: "Joseph R. Biden"
    if word in never_end:
        return False
    if word in may_end or re.fullmatch(r"(?:[^\W\d_]\.)+[^\W\d_]", word):
        next_word = _NEXT_WORD.match(text, next_start, end)
        return bool(next_word) and next_word.group(1).lower() in english_stop_words()
    return True


_NEXT_WORD = re.compile(rf"[{OPENING_QUOTES}]*(\w+)")


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
