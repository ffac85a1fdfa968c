"""Terms that carry meaning: phrase matching, multi-word expressions joined into one term, and flags for
people's names, countries and the publisher's boilerplate.

`compound` joins the phrases of `data/multiword_expressions.csv` ("South China Sea", "Belt and Road",
"People's Republic of China", ...) into one token each, as quanteda's `tokens_compound` does, so that
"China" inside "South China Sea" is no longer counted as the country. `term_flags` marks every token that is
part of a person's name (the corpus's speakers, hosts and counterparts and the aliases table), a country
(the countries table: names, demonyms, aliases) or the publisher's boilerplate (the genre stop list, the
titles table and `data/boilerplate.csv`); `leave_out_mask` turns a choice of those kinds into one mask, which
is what the `leave_out=` option of `frequencies`, `tfidf`, `topics` and `dfm` uses.
"""
from __future__ import annotations

import fnmatch
import re
from collections.abc import Iterable

import numpy as np
import pandas as pd

from .frames import require_columns
from .lexicon import Lexicon, as_lexicon
from .tokens import token_pattern

__all__ = ["TermMatcher", "run_starts", "pattern_parts", "compound", "multiword_expressions", "term_flags",
           "leave_out_mask", "FLAG_COLUMNS"]

# Each kind a caller may leave out, and the boolean column of `term_flags` that marks it.
FLAG_COLUMNS = dict(names="is_name", countries="is_country", boilerplate="is_boilerplate")

_GLOB = re.compile(r"[*?\[]")


def run_starts(keys: list[np.ndarray]) -> np.ndarray:
    """True where a row starts a new run of equal keys (rows are in document order)."""
    n = len(keys[0]) if keys else 0
    starts = np.zeros(n, dtype=bool)
    if n:
        starts[0] = True
        for key in keys:
            starts[1:] |= key[1:] != key[:-1]
    return starts


def pattern_parts(pattern: str, *, lower: bool = True) -> list[str]:
    """A pattern's per-token parts: split at spaces, and plain words split as the tokenizer would
    ("China's" -> china, 's) so a pattern meets the tokens it names. Lower-cased unless `lower=False`."""
    parts: list[str] = []
    text = pattern.lower().replace("’", "'") if lower else pattern
    for piece in text.split():
        parts.extend([piece] if _GLOB.search(piece) else token_pattern(as_lexicon(None)).findall(piece))
    return parts


class TermMatcher:
    """Finds word, glob and phrase patterns in a tokens frame.

    Globs are tested once per distinct word (the vocabulary), not per token, so matching a
    whole theme dictionary over a few hundred thousand tokens stays fast. With
    `case_sensitive=True` patterns are compared as written (use with `term="token"`), which
    the countries and names need: "US" is a country, "us" is not.
    """

    def __init__(self, tokens: pd.DataFrame, *, term: str = "lower", case_sensitive: bool = False):
        require_columns(tokens, [term, "doc_id", "sent_id", "token_id"], "tokens")
        self.case_sensitive = case_sensitive
        self.codes, vocabulary = pd.factorize(tokens[term].to_numpy(dtype=object, na_value=""))
        self.vocabulary = pd.Series(np.asarray(vocabulary, dtype=object), dtype=object)
        doc = pd.factorize(tokens["doc_id"])[0]
        self.sentence = np.cumsum(run_starts([doc, tokens["sent_id"].to_numpy()])) - 1
        self.token_id = tokens["token_id"].to_numpy()
        self._parts: dict[str, np.ndarray] = {}

    def _part(self, part: str) -> np.ndarray:
        if part not in self._parts:
            if _GLOB.search(part):
                hits = self.vocabulary.str.fullmatch(fnmatch.translate(part)).to_numpy(dtype=bool)
            else:
                hits = (self.vocabulary == part).to_numpy(dtype=bool)
            self._parts[part] = hits[self.codes] if len(self.codes) else np.zeros(0, dtype=bool)
        return self._parts[part]

    def words(self, words: Iterable[str]) -> np.ndarray:
        """True at every token that is one of `words` (single tokens, compared as the matcher compares)."""
        wanted = {w if self.case_sensitive else w.lower().replace("’", "'") for w in words}
        hits = self.vocabulary.isin(wanted).to_numpy(dtype=bool)
        return hits[self.codes] if len(self.codes) else np.zeros(0, dtype=bool)

    def find(self, pattern: str) -> tuple[np.ndarray, int]:
        """Row positions where `pattern` starts, and its length in tokens."""
        parts = pattern_parts(pattern, lower=not self.case_sensitive)
        if not parts:
            raise ValueError(f"empty pattern {pattern!r}")
        k = len(parts)
        size = len(self.codes) - k + 1
        if size <= 0:
            return np.array([], dtype=int), k
        ok = self._part(parts[0])[:size].copy()
        for offset, part in enumerate(parts[1:], start=1):
            ok &= self._part(part)[offset:offset + size]
        if k > 1:
            ok &= (self.sentence[k - 1:] == self.sentence[:size]) & (self.token_id[k - 1:] - self.token_id[:size] == k - 1)
        return np.flatnonzero(ok), k

    def covered(self, patterns: Iterable[str]) -> np.ndarray:
        """True at every token inside a match of any of `patterns` (one-token patterns in one pass)."""
        patterns = list(patterns)
        single = [p for p in patterns if len(pattern_parts(p, lower=not self.case_sensitive)) == 1 and not _GLOB.search(p)]
        mask = self.words(w for p in single for w in pattern_parts(p, lower=not self.case_sensitive))
        for pattern in set(patterns) - set(single):
            starts, k = self.find(pattern)
            for offset in range(k):
                mask[starts + offset] = True
        return mask


def _tokens(frame) -> pd.DataFrame:
    tokens = getattr(frame, "tokens", frame)
    if not isinstance(tokens, pd.DataFrame):
        raise ValueError(f"expected a tokens frame or a Corpus, got {type(frame).__name__}")
    return tokens


def multiword_expressions(lexicon: Lexicon | str | None = None) -> list[str]:
    """The phrases of `data/multiword_expressions.csv` (or of `lexicon`), longest first."""
    return as_lexicon(lexicon).words("multiword_expressions", "phrase")


def compound(tokens, phrases: Iterable[str] | None = None, *, concatenator: str = "_",
             lexicon: Lexicon | str | None = None) -> pd.DataFrame:
    """The tokens with every phrase joined into one token, as quanteda's `tokens_compound`.

    `phrases` defaults to the multi-word expressions table; matching is case-insensitive
    and within a sentence, and where phrases overlap the one starting first (then the
    longest) wins. A joined token keeps the first token's row: `token` is the phrase as
    written with `concatenator` for its spaces ("South_China_Sea", "People's_Republic_of_China"),
    `lower` and `stem` its lower-cased form (a compound is its own stem), `end` the last
    token's end, `is_stop` and `is_punct` False. `token_id` is renumbered from 0 within
    each document so that n-grams can run through a compound; `start` and `end` still
    index the document's text. Returns a new tokens frame (a Corpus gives its tokens);
    one-token phrases ("Indo-Pacific") are already whole and pass through unchanged.
    """
    tokens = _tokens(tokens)
    require_columns(tokens, ["doc_id", "sent_id", "token_id", "start", "end", "token", "lower"], "tokens")
    phrases = multiword_expressions(lexicon) if phrases is None else [p for p in phrases if p.strip()]
    if tokens.empty:
        return tokens.copy()
    matcher = TermMatcher(tokens)
    found = []
    for phrase in phrases:
        starts, k = matcher.find(phrase)
        if k > 1:
            found.extend((int(s), k) for s in starts)
    found.sort(key=lambda sk: (sk[0], -sk[1]))
    chosen, reach = [], -1
    for start, k in found:
        if start > reach:
            chosen.append((start, k))
            reach = start + k - 1
    out = tokens.reset_index(drop=True).copy()
    if chosen:
        words = out["token"].to_numpy(dtype=object)
        begins, ends = out["start"].to_numpy(), out["end"].to_numpy()
        first = np.array([s for s, _ in chosen])
        last = np.array([s + k - 1 for s, k in chosen])
        joined = []
        for s, e in zip(first, last):
            # the phrase as written: pieces that touch in the text stay together ("People" + "'s")
            text = words[s]
            for j in range(s + 1, e + 1):
                text += (concatenator if begins[j] > ends[j - 1] else "") + words[j]
            joined.append(text)
        lowered = [t.lower().replace("’", "'") for t in joined]
        drop = np.zeros(len(out), dtype=bool)
        for s, e in zip(first, last):
            drop[s + 1:e + 1] = True
        for column, values in (("token", joined), ("lower", lowered), ("stem", lowered)):
            if column in out:
                series = out[column].astype("string")
                series.iloc[first] = values
                out[column] = series
        out.loc[first, "end"] = ends[last]
        for column in ("is_stop", "is_punct"):
            if column in out:
                out.loc[first, column] = False
        out = out.loc[~drop].reset_index(drop=True)
        doc = pd.factorize(out["doc_id"])[0]
        out["token_id"] = out.groupby(doc, sort=False).cumcount().to_numpy(dtype=out["token_id"].dtype)
    return out


def _name_words(tokens: pd.DataFrame, documents: pd.DataFrame | None, lexicon: Lexicon) -> set[str]:
    """Every word of every person's name the corpus and the aliases table know, as written."""
    names: set[str] = set()
    if "speaker" in tokens:
        names.update(str(v) for v in pd.unique(tokens["speaker"].astype("string").fillna("")))
    if documents is not None:
        if "host" in documents:
            names.update(str(v) for v in documents["host"].astype("string").fillna(""))
        if "counterparts" in documents:
            names.update(str(n) for people in documents["counterparts"] for n in (people if people is not None else []))
    table = lexicon.table("aliases")
    names.update(table["alias"])
    names.update(table["canonical"])
    words = set()
    for name in names:
        # Names are capitalised: the lower-case particles ("bin", "de") and initials are no evidence of a name.
        words.update(w for w in pattern_parts(name, lower=False) if w[:1].isupper() and len(w) > 1 and w.isalpha())
    return words


def _with_initials(tokens: pd.DataFrame, is_name: np.ndarray) -> np.ndarray:
    """A middle initial between two words of a name is part of it ("Joseph R. Biden": "R", then its full stop): a
    single capital letter alone is no evidence of a name, between two name words and before a full stop it is."""
    token = tokens["token"].astype("string").fillna("")
    doc = tokens["doc_id"].to_numpy() if "doc_id" in tokens else np.zeros(len(tokens))
    is_name = np.asarray(is_name, dtype=bool).copy()
    if len(token) < 4:
        return is_name
    initial = token.str.fullmatch(r"[A-Z]").to_numpy(dtype=bool)[1:-2]
    stop = (token == ".").to_numpy(dtype=bool)[2:-1]
    between = (initial & is_name[:-3] & stop & is_name[3:]
               & (doc[:-3] == doc[1:-2]) & (doc[1:-2] == doc[3:]))
    is_name[1:-2] |= between
    return is_name


def _country_phrases(lexicon: Lexicon) -> set[str]:
    table = lexicon.table("countries")
    phrases = set(table["country"])
    for column in ("demonyms", "aliases"):
        phrases.update(p.strip() for cell in table[column] for p in cell.split("|"))
    return {p for p in phrases if p}


def _boilerplate_phrases(lexicon: Lexicon) -> set[str]:
    phrases = set(lexicon.table("genre_stopwords")["word"])
    phrases.update(lexicon.table("titles")["title"])
    phrases.update(lexicon.table("boilerplate")["phrase"])
    return {p for p in phrases if p.strip()}


def term_flags(tokens, *, documents: pd.DataFrame | None = None, lexicon: Lexicon | str | None = None,
               concatenator: str = "_") -> pd.DataFrame:
    """Which tokens are people's names, countries or boilerplate.

    Returns a frame aligned with the tokens (same index) with three boolean columns:
    `is_name` (a capitalised word of a speaker's name, of a document's host or
    counterparts when `documents` or a Corpus is given, or of the aliases table; matched
    as written, so "Rice" and "Power" are names where "rice" is not), `is_country` (inside
    a country's name, demonym or alias from the countries table, matched as written so
    "US" counts and "us" does not) and `is_boilerplate` (inside a genre stop word, a title
    from the titles table, or a phrase of `data/boilerplate.csv`, case-insensitive). A
    token `compound` joined is flagged when the whole phrase is of a kind ("United_States"
    is a country, "South_China_Sea" is none).
    """
    corpus = tokens
    tokens = _tokens(tokens)
    documents = getattr(corpus, "documents", documents)
    lexicon = as_lexicon(lexicon)
    out = pd.DataFrame(index=tokens.index)
    if tokens.empty:
        for column in FLAG_COLUMNS.values():
            out[column] = pd.Series(dtype=bool)
        return out
    written = TermMatcher(tokens, term="token", case_sensitive=True)
    countries, boilerplate = _country_phrases(lexicon), _boilerplate_phrases(lexicon)
    # a compound made by `compound` ("United_States", "White_House") is flagged when it is a whole phrase of a kind
    joined = tokens["token"].astype("string").fillna("").str.replace(concatenator, " ", regex=False)
    name_words = _name_words(tokens, documents, lexicon)
    # names joined by a hyphen are names too: "the Biden-Harris Administration", "the Xi-Biden meeting"
    hyphened = joined.str.contains("-", regex=False).to_numpy(dtype=bool)
    joined_names = np.zeros(len(tokens), dtype=bool)
    joined_names[hyphened] = [all(part in name_words for part in word.split("-")) for word in joined[hyphened]]
    out["is_name"] = _with_initials(tokens, written.words(name_words)) | joined_names
    out["is_country"] = written.covered(countries) | joined.isin(countries).to_numpy(dtype=bool)
    out["is_boilerplate"] = (TermMatcher(tokens).covered(boilerplate)
                             | joined.str.lower().isin({p.lower() for p in boilerplate}).to_numpy(dtype=bool))
    return out


def leave_out_mask(tokens, leave_out: str | Iterable[str], *, documents: pd.DataFrame | None = None,
                   lexicon: Lexicon | str | None = None) -> np.ndarray:
    """True at every token of the kinds in `leave_out` ("names", "countries", "boilerplate", or "all").

    The option the counting verbs share: `frequencies(tokens, leave_out="all")` counts no name, country or
    boilerplate word. An empty choice gives an all-False mask."""
    kinds = _kinds(leave_out)
    tokens_frame = _tokens(tokens)
    if not kinds:
        return np.zeros(len(tokens_frame), dtype=bool)
    flags = term_flags(tokens, documents=documents, lexicon=lexicon)
    return flags[[FLAG_COLUMNS[k] for k in kinds]].any(axis=1).to_numpy(dtype=bool)


def _kinds(leave_out: str | Iterable[str]) -> list[str]:
    kinds = [leave_out] if isinstance(leave_out, str) else list(leave_out)
    if "all" in kinds:
        return list(FLAG_COLUMNS)
    unknown = [k for k in kinds if k not in FLAG_COLUMNS]
    if unknown:
        raise ValueError(f"leave_out takes {sorted(FLAG_COLUMNS)} or 'all', got {unknown}")
    return kinds
