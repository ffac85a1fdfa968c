"""Keywords: term frequencies, n-grams, collocations, KWIC, TF-IDF and dispersion, frame in -> frame out.

Every verb takes the tokens frame (see `helpers.schema.TOKENS`; a `Corpus` is accepted
wherever tokens are) and returns a pandas frame. Terms come from the `lower` column by
default (`term="stem"` for stems). N-grams never cross a sentence or a punctuation mark,
and, as in textacy's `filter_stops`, an n-gram is dropped when it starts or ends with a
stop word, so "Belt and Road" survives and "of the pandemic" does not.

Stop words are scikit-learn's ENGLISH_STOP_WORDS (the `is_stop` column) plus the genre
stop list in `data/genre_stopwords.csv` ("said", "noted", clitics ...), each switchable.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from nltk.collocations import (BigramAssocMeasures, BigramCollocationFinder, TrigramAssocMeasures,
                               TrigramCollocationFinder)
from sklearn.feature_extraction.text import TfidfVectorizer

from .frames import as_list, require_columns
from .lexicon import Lexicon, as_lexicon
from .terms import TermMatcher, compound as compound_tokens, leave_out_mask, run_starts

__all__ = ["frequencies", "collocations", "kwic", "tfidf", "dispersion", "with_metadata", "genre_stopwords", "prepared",
           "TermMatcher"]

_TOKEN_COLUMNS = ("doc_id", "sent_id", "token_id", "token", "lower", "is_stop", "is_punct")


def genre_stopwords(lexicon: Lexicon | str | None = None) -> frozenset[str]:
    """The genre stop list (`data/genre_stopwords.csv`, or that of `lexicon`), lower-cased."""
    return frozenset(w.lower() for w in as_lexicon(lexicon).words("genre_stopwords", "word"))


def _tokens_of(frame) -> pd.DataFrame:
    """Accept a Corpus or a tokens frame; refuse anything else with the missing columns named."""
    tokens = getattr(frame, "tokens", frame)
    if not isinstance(tokens, pd.DataFrame):
        raise ValueError(f"expected a tokens frame or a Corpus, got {type(frame).__name__}")
    require_columns(tokens, _TOKEN_COLUMNS, "tokens")
    return tokens


@dataclass
class _Stream:
    """The token columns as numpy arrays, with the run boundaries every verb needs."""

    words: np.ndarray      # the chosen term column, object array of str
    stop: np.ndarray       # bool: a stop word under the chosen lists
    punct: np.ndarray      # bool
    sentence: np.ndarray   # int: running sentence number
    token_id: np.ndarray

    @classmethod
    def of(cls, tokens: pd.DataFrame, *, term: str, drop_stop: bool, genre_stop: bool,
           extra_stop: Iterable[str], left_out: np.ndarray | None = None) -> "_Stream":
        require_columns(tokens, [term], "tokens")
        words = tokens[term].to_numpy(dtype=object, na_value="")
        stop = tokens["is_stop"].to_numpy(dtype=bool) if drop_stop else np.zeros(len(tokens), dtype=bool)
        if left_out is not None:
            # names, countries, boilerplate left out behave as stop words: never counted, never an n-gram's end
            stop = stop | left_out
        extra = set(genre_stopwords()) if genre_stop else set()
        extra |= {w.lower() for w in extra_stop}
        if extra:
            lower = tokens["lower"].to_numpy(dtype=object, na_value="")
            stop = stop | pd.Series(lower).isin(extra).to_numpy()
        doc = pd.factorize(tokens["doc_id"])[0]
        sent = tokens["sent_id"].to_numpy()
        sentence = np.cumsum(run_starts([doc, sent])) - 1
        return cls(words, stop, tokens["is_punct"].to_numpy(dtype=bool), sentence, tokens["token_id"].to_numpy())

    def ngram_starts(self, n: int, *, drop_punct: bool) -> np.ndarray:
        """Row positions where a kept n-gram starts: within one sentence, consecutive tokens,
        no punctuation inside (when dropped), and no stop word at either end."""
        size = len(self.words) - n + 1
        if size <= 0:
            return np.array([], dtype=int)
        ok = (self.sentence[n - 1:] == self.sentence[:size]) & (self.token_id[n - 1:] - self.token_id[:size] == n - 1)
        if drop_punct:
            for k in range(n):
                ok &= ~self.punct[k:k + size]
        ok &= ~self.stop[:size] & ~self.stop[n - 1:]
        return np.flatnonzero(ok)

    def ngram_terms(self, starts: np.ndarray, n: int) -> np.ndarray:
        terms = self.words[starts]
        for k in range(1, n):
            terms = terms + " " + self.words[starts + k]
        return terms


def prepared(tokens, *, compound: bool | Iterable[str] = False, leave_out: str | Iterable[str] = (),
             lexicon: Lexicon | str | None = None) -> tuple[pd.DataFrame, np.ndarray | None]:
    """The tokens the counting verbs count: a Corpus or tokens frame, with multi-word expressions joined
    (`compound=True` for the table's, or a list of phrases; see `helpers.terms.compound`), and the mask of
    tokens to leave out (`leave_out`: "names", "countries", "boilerplate", several, or "all"; see
    `helpers.terms.term_flags`), or None when nothing is left out."""
    documents = getattr(tokens, "documents", None)
    frame = _tokens_of(tokens)
    if compound is not False and compound is not None:
        phrases = None if compound is True else list(compound)
        frame = compound_tokens(frame, phrases, lexicon=lexicon)
    kinds = [leave_out] if isinstance(leave_out, str) else list(leave_out)
    mask = leave_out_mask(frame, kinds, documents=documents, lexicon=lexicon) if kinds else None
    return frame, mask


def frequencies(tokens, *, by: str | Sequence[str] | None = ("doc_id",), term: str = "lower",
                ngram: int | Sequence[int] = 1, drop_stop: bool = True, drop_punct: bool = True,
                genre_stop: bool = True, extra_stop: Iterable[str] = (), compound: bool | Iterable[str] = False,
                leave_out: str | Iterable[str] = ()) -> pd.DataFrame:
    """Term counts per group, with relative frequency per 1,000 words.

    Returns one row per group and term with the `by` columns, `term`, `ngram` (its length),
    `n` (occurrences), `total` (words in the group: non-punctuation tokens, stop words
    included, so `per_1000` reads as "per 1,000 words of text") and `per_1000`; sorted by
    group, then `n` descending. `ngram` may be a length or several (1-3). `by=None` counts
    over the whole frame. No tokens, or none left after filtering, give an empty frame.
    `compound=True` joins the multi-word expressions of `data/multiword_expressions.csv`
    first ("south_china_sea" is one term; or pass the phrases); `leave_out="all"` (or any
    of "names", "countries", "boilerplate") counts no person's name, country or
    publisher's boilerplate, which still count in `total`.
    """
    tokens, left_out = prepared(tokens, compound=compound, leave_out=leave_out)
    by = as_list(by)
    require_columns(tokens, by, "tokens")
    lengths = [ngram] if isinstance(ngram, int) else list(ngram)
    if not lengths or any(n not in (1, 2, 3) for n in lengths):
        raise ValueError(f"ngram must be 1, 2 or 3 (or several of them), got {ngram!r}")
    columns = [*by, "term", "ngram", "n", "total", "per_1000"]
    if tokens.empty:
        return pd.DataFrame(columns=columns)
    stream = _Stream.of(tokens, term=term, drop_stop=drop_stop, genre_stop=genre_stop, extra_stop=extra_stop,
                        left_out=left_out)
    keys = {c: tokens[c].to_numpy() for c in by}
    parts = []
    for n in lengths:
        starts = stream.ngram_starts(n, drop_punct=drop_punct)
        part = {c: values[starts] for c, values in keys.items()}
        part["term"] = stream.ngram_terms(starts, n)
        part["ngram"] = n
        parts.append(pd.DataFrame(part))
    grams = pd.concat(parts, ignore_index=True)
    if grams.empty:
        return pd.DataFrame(columns=columns)
    counts = grams.groupby([*by, "term", "ngram"], observed=True, sort=False).size().rename("n").reset_index()
    words = ~stream.punct
    if by:
        totals = tokens.loc[words, by].groupby(by, observed=True).size().rename("total").reset_index()
        counts = counts.merge(totals, on=by, how="left")
    else:
        counts["total"] = int(words.sum())
    counts["per_1000"] = 1000 * counts["n"] / counts["total"]
    counts = counts.sort_values([*by, "n", "term"], ascending=[True] * len(by) + [False, True], kind="stable")
    return counts[columns].reset_index(drop=True)


def collocations(tokens, *, n: int = 2, min_freq: int = 2, term: str = "lower", drop_stop: bool = True,
                 genre_stop: bool = True, extra_stop: Iterable[str] = (),
                 sort_by: str = "likelihood_ratio") -> pd.DataFrame:
    """Bigram or trigram collocations scored by NLTK's association measures.

    Returns one row per n-gram seen at least `min_freq` times with `term` (words joined by a
    space), `w1`, `w2` (and `w3`), `n`, `pmi` and `likelihood_ratio`, the scores of NLTK's
    `BigramAssocMeasures` / `TrigramAssocMeasures` from an NLTK collocation finder; sorted
    by `sort_by` descending. The finder sees every word (stop words count towards the
    marginals) but no n-gram spans a sentence or punctuation; n-grams that start or end
    with a stop word are then filtered out.
    """
    if n not in (2, 3):
        raise ValueError(f"collocations are bigrams or trigrams: n must be 2 or 3, got {n!r}")
    if sort_by not in ("pmi", "likelihood_ratio", "n"):
        raise ValueError(f"sort_by must be 'pmi', 'likelihood_ratio' or 'n', got {sort_by!r}")
    tokens = _tokens_of(tokens)
    words = [f"w{k + 1}" for k in range(n)]
    columns = ["term", *words, "n", "pmi", "likelihood_ratio"]
    if tokens.empty:
        return pd.DataFrame(columns=columns)
    stream = _Stream.of(tokens, term=term, drop_stop=drop_stop, genre_stop=genre_stop, extra_stop=extra_stop)
    # Runs between punctuation marks, within a sentence, are the finder's "documents":
    # its padding then keeps every n-gram inside one run.
    run = np.cumsum(run_starts([stream.sentence]) | stream.punct)
    keep = ~stream.punct
    cut = np.flatnonzero(run_starts([run[keep]]))[1:]
    runs = [list(part) for part in np.split(stream.words[keep], cut)]
    finder_class, measures = ((BigramCollocationFinder, BigramAssocMeasures()) if n == 2
                              else (TrigramCollocationFinder, TrigramAssocMeasures()))
    finder = finder_class.from_documents(runs)
    finder.apply_freq_filter(min_freq)
    stops = set(stream.words[stream.stop])
    finder.apply_ngram_filter(lambda *gram: gram[0] in stops or gram[-1] in stops)
    if not finder.ngram_fd:
        return pd.DataFrame(columns=columns)
    scores = {name: dict(finder.score_ngrams(getattr(measures, name))) for name in ("pmi", "likelihood_ratio")}
    grams = list(scores["pmi"])
    out = pd.DataFrame(grams, columns=words)
    out.insert(0, "term", [" ".join(g) for g in grams])
    out["n"] = [finder.ngram_fd[g] for g in grams]
    for name, values in scores.items():
        out[name] = [values[g] for g in grams]
    return out.sort_values([sort_by, "term"], ascending=[False, True], kind="stable").reset_index(drop=True)


# --- patterns: words, globs and phrases (matched by helpers.terms.TermMatcher) ----------------------------


def _patterns(pattern: str | Iterable[str]) -> list[str]:
    patterns = [pattern] if isinstance(pattern, str) else list(pattern)
    if not patterns or not all(isinstance(p, str) and p.strip() for p in patterns):
        raise ValueError(f"patterns must be non-empty strings, got {pattern!r}")
    return patterns


def kwic(tokens, pattern: str | Iterable[str], *, window: int | None = 5, term: str = "lower") -> pd.DataFrame:
    """Keyword in context: one row per match of `pattern` (a word, a glob such as
    `cooperat*`, a phrase such as "Belt and Road", or a list of them; case-insensitive).

    Returns `doc_id`, `sent_id`, `token_id` (first token of the match), `speaker`, `role`,
    `pattern`, `left`, `match`, `right`, in document order. The context is `window` tokens
    either side within the document (as quanteda's `kwic`), or with `window=None` the rest
    of the match's sentence. Context keeps the text's own spacing (from token offsets). A
    pattern that matches nothing gives an empty frame.
    """
    tokens = _tokens_of(tokens)
    patterns = _patterns(pattern)
    if window is not None and (not isinstance(window, (int, np.integer)) or window < 0):
        raise ValueError(f"window must be a number of tokens >= 0 or None, got {window!r}")
    columns = ["doc_id", "sent_id", "token_id", "speaker", "role", "pattern", "left", "match", "right"]
    matcher = TermMatcher(tokens, term=term)
    found = [(start, k, p) for p in patterns for start, k in zip(*_broadcast(matcher.find(p)))]
    if not found:
        return pd.DataFrame(columns=columns)
    found.sort()
    text = tokens["token"].to_numpy(dtype=object)
    doc = pd.factorize(tokens["doc_id"])[0]
    begins, ends = tokens["start"].to_numpy(), tokens["end"].to_numpy()
    spaced = np.r_[False, (begins[1:] > ends[:-1]) & (doc[1:] == doc[:-1])]
    first_of = _run_edges(doc if window is not None else matcher.sentence)

    def joined(lo: int, hi: int) -> str:
        return "".join((" " if spaced[j] and j > lo else "") + text[j] for j in range(lo, hi))

    rows = []
    for start, k, p in found:
        lo_limit, hi_limit = first_of[0][start], first_of[1][start]
        lo = lo_limit if window is None else max(lo_limit, start - window)
        hi = hi_limit if window is None else min(hi_limit, start + k + window)
        rows.append((start, p, joined(lo, start), joined(start, start + k), joined(start + k, hi)))
    at = np.array([r[0] for r in rows])
    out = pd.DataFrame({
        "doc_id": tokens["doc_id"].to_numpy()[at],
        "sent_id": tokens["sent_id"].to_numpy()[at],
        "token_id": tokens["token_id"].to_numpy()[at],
        "speaker": tokens["speaker"].to_numpy()[at] if "speaker" in tokens else "",
        "role": tokens["role"].to_numpy()[at] if "role" in tokens else "",
        "pattern": [r[1] for r in rows],
        "left": [r[2] for r in rows],
        "match": [r[3] for r in rows],
        "right": [r[4] for r in rows],
    })
    return out[columns]


def _broadcast(found: tuple[np.ndarray, int]) -> tuple[np.ndarray, np.ndarray]:
    starts, k = found
    return starts, np.full(len(starts), k)


def _run_edges(key: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For every row, the first row of its run of equal `key` and the row after its last."""
    starts = run_starts([key])
    first = np.maximum.accumulate(np.where(starts, np.arange(len(key)), 0))
    run_end = np.r_[np.flatnonzero(starts)[1:], len(key)]
    return first, run_end[np.cumsum(starts) - 1]


def tfidf(tokens, *, by: str | Sequence[str] = "doc_id", term: str = "lower", ngram: int | Sequence[int] = 1,
          drop_stop: bool = True, drop_punct: bool = True, genre_stop: bool = True, extra_stop: Iterable[str] = (),
          compound: bool | Iterable[str] = False, leave_out: str | Iterable[str] = (),
          **vectorizer_options) -> pd.DataFrame:
    """TF-IDF of terms per document, or per group of any columns, by scikit-learn's TfidfVectorizer.

    Each group is one "document" for the vectorizer; its terms are the same filtered
    (n-gram) terms `frequencies` counts (with its `compound` and `leave_out`). `vectorizer_options` go to TfidfVectorizer
    (`norm`, `use_idf`, `smooth_idf`, `sublinear_tf`, `min_df`, `max_df` ...). Returns one
    row per group and term with a non-zero weight: the `by` columns, `term`, `n` and
    `tfidf`, sorted by group then `tfidf` descending.
    """
    by = as_list(by)
    if not by:
        raise ValueError("tfidf needs at least one grouping column (by='doc_id' for documents)")
    forbidden = {"analyzer", "tokenizer", "preprocessor", "ngram_range", "stop_words", "lowercase", "token_pattern"}
    if forbidden & set(vectorizer_options):
        raise ValueError(f"tokens are already tokenized and filtered here; do not pass {sorted(forbidden & set(vectorizer_options))}")
    counts = frequencies(tokens, by=by, term=term, ngram=ngram, drop_stop=drop_stop, drop_punct=drop_punct,
                         genre_stop=genre_stop, extra_stop=extra_stop, compound=compound, leave_out=leave_out)
    columns = [*by, "term", "n", "tfidf"]
    if counts.empty:
        return pd.DataFrame(columns=columns)
    unit = counts.groupby(by, observed=True, sort=False).ngroup()
    groups = counts.loc[unit.drop_duplicates().sort_values().index, by].reset_index(drop=True)
    # Each group becomes its bag of terms; the analyzer hands sklearn exactly these terms.
    bags = [dict(zip(part["term"], part["n"])) for _, part in counts.groupby(unit, sort=True)]
    vectorizer = TfidfVectorizer(analyzer=_expand, **vectorizer_options)
    matrix = vectorizer.fit_transform(bags).tocoo()
    vocabulary = vectorizer.get_feature_names_out()
    out = groups.iloc[matrix.row].reset_index(drop=True)
    out["term"] = vocabulary[matrix.col]
    out["tfidf"] = matrix.data
    out = out.merge(counts[[*by, "term", "n"]], on=[*by, "term"], how="left")
    out = out.sort_values([*by, "tfidf", "term"], ascending=[True] * len(by) + [False, True], kind="stable")
    return out[columns].reset_index(drop=True)


def _expand(bag: dict[str, int]) -> list[str]:
    return [t for t, n in bag.items() for _ in range(int(n))]


def dispersion(tokens, pattern: str | Iterable[str], *, term: str = "lower") -> pd.DataFrame:
    """Where chosen terms occur across the corpus, for a lexical dispersion plot.

    Returns one row per match: `pattern`, `doc_id`, `doc_index` (the document's position in
    the frame), `token_id`, `offset` (the match's position in the whole token stream,
    counting every token) and `relative` (its position within its document, 0-1).
    """
    tokens = _tokens_of(tokens)
    patterns = _patterns(pattern)
    columns = ["pattern", "doc_id", "doc_index", "token_id", "offset", "relative"]
    if tokens.empty:
        return pd.DataFrame(columns=columns)
    matcher = TermMatcher(tokens, term=term)
    doc_index = pd.factorize(tokens["doc_id"])[0]
    first, after = _run_edges(doc_index)
    parts = []
    for p in patterns:
        starts, _ = matcher.find(p)
        length = np.maximum(after[starts] - first[starts] - 1, 1)
        parts.append(pd.DataFrame({
            "pattern": p,
            "doc_id": tokens["doc_id"].to_numpy()[starts],
            "doc_index": doc_index[starts],
            "token_id": tokens["token_id"].to_numpy()[starts],
            "offset": starts,
            "relative": (starts - first[starts]) / length,
        }))
    return pd.concat(parts, ignore_index=True)[columns]


def with_metadata(frame: pd.DataFrame, documents, columns: str | Sequence[str] = ("counterpart_country", "year"), *,
                  lexicon: Lexicon | str | None = None) -> pd.DataFrame:
    """`frame` (tokens, sentences, or anything with `doc_id`) with document columns added,
    so any of them can be a grouping column. `year` and `month` are derived from `date`
    (month as a first-of-month Timestamp); `exchange` tells a diplomatic readout (a counterpart of another country
    than the publisher's) from one whose counterpart has no foreign country (domestic leaders, heads of international
    bodies) and one with no counterpart; `region` and `subregion` from
    `counterpart_country` by `data/country_regions.csv` (UN M49: "Asia", "Eastern Asia";
    "" where the country is empty or not in the table). `documents` may be a Corpus.
    Returns `frame` with those columns added (replaced where it had them)."""
    documents = getattr(documents, "documents", documents)
    columns = as_list(columns)
    require_columns(frame, ["doc_id"], "the")
    regions = as_lexicon(lexicon).table("country_regions")

    def placed(level: str):
        mapping = dict(zip(regions["country"].str.strip(), regions[level].str.strip()))
        return lambda d: d["counterpart_country"].astype("string").map(mapping).fillna("").astype("string")

    # derived column -> (how it is built, the documents column it is built from)
    def exchange(d: pd.DataFrame) -> pd.Series:
        # diplomatic: a counterpart of another country than the publisher's; otherwise a counterpart with no foreign
        # country (the publisher's own governors and lawmakers, or the head of an international body) or none
        country = d["counterpart_country"].astype("string").fillna("")
        own = d["host_country"].astype("string").fillna("") if "host_country" in d else pd.Series("", index=d.index, dtype="string")
        named = d["counterparts"].map(lambda c: c is not None and len(c) > 0)
        kind = pd.Series("no counterpart", index=d.index, dtype="string")
        kind[named] = "no foreign country"
        kind[(country != "") & (country != own)] = "diplomatic"
        return kind

    derived = dict(year=(lambda d: d["date"].dt.year.astype("Int64"), "date"),
                   exchange=(exchange, "counterparts"),
                   month=(lambda d: d["date"].dt.to_period("M").dt.to_timestamp(), "date"),
                   region=(placed("region"), "counterpart_country"),
                   subregion=(placed("subregion"), "counterpart_country"))
    table = pd.DataFrame({"doc_id": documents["doc_id"]})
    for column in columns:
        if column in derived:
            build, source = derived[column]
            require_columns(documents, [source], "documents")
            table[column] = build(documents)
        else:
            require_columns(documents, [column], "documents")
            table[column] = documents[column]
    kept = frame.drop(columns=[c for c in columns if c in frame.columns])
    return kept.merge(table, on="doc_id", how="left", validate="many_to_one")
