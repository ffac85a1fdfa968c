"""Features for models and for other tools: a document-feature matrix (quanteda's `dfm`) as a SciPy sparse
matrix, and the words within a window of a chosen word or phrase with their keyness inside against outside
(quanteda's `tokens_select(window=)` followed by `textstat_keyness`).
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import scipy.io
import scipy.sparse

from .compare import keyness
from .frames import Corpus, as_list, require_columns
from .keywords import frequencies, prepared
from .terms import TermMatcher

__all__ = ["Dfm", "dfm", "in_window", "window_keyness"]


@dataclass
class Dfm:
    """A document-feature matrix: `matrix` (scipy.sparse CSR, rows x terms, counts), `vocabulary` (the
    column terms, in column order) and `docs` (one row per matrix row with the grouping columns)."""

    matrix: scipy.sparse.csr_matrix
    vocabulary: np.ndarray
    docs: pd.DataFrame

    @property
    def shape(self) -> tuple[int, int]:
        return self.matrix.shape

    def to_frame(self) -> pd.DataFrame:
        """The matrix as a pandas frame with sparse columns, indexed by the rows' ids (joined by '|' when several)."""
        index = self.docs.astype(str).agg("|".join, axis=1) if self.docs.shape[1] > 1 else self.docs.iloc[:, 0]
        return pd.DataFrame.sparse.from_spmatrix(self.matrix, index=pd.Index(index, name="|".join(self.docs.columns)),
                                                 columns=self.vocabulary)

    def save(self, folder: str | Path) -> dict[str, Path]:
        """Write the matrix for R and other tools: `dfm.mtx` (Matrix Market, as `Matrix::readMM` reads it),
        `rows.csv` (the rows' ids, in order) and `columns.csv` (column `term`, in order). Returns the paths."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        paths = {"matrix": folder / "dfm.mtx", "rows": folder / "rows.csv", "columns": folder / "columns.csv"}
        scipy.io.mmwrite(paths["matrix"], self.matrix.tocoo(), field="integer")
        self.docs.to_csv(paths["rows"], index=False)
        pd.DataFrame({"term": self.vocabulary}).to_csv(paths["columns"], index=False)
        return paths


def dfm(tokens, *, by: str | Sequence[str] = "doc_id", term: str = "lower", ngram: int | Sequence[int] = 1,
        drop_stop: bool = True, drop_punct: bool = True, genre_stop: bool = True, extra_stop: Iterable[str] = (),
        compound: bool | Iterable[str] = False, leave_out: str | Iterable[str] = (), min_count: int = 1) -> Dfm:
    """A document-feature matrix of the terms `frequencies` counts (same filters and options).

    Rows are the groups of `by` (documents by default) in the order they first appear in
    the tokens, every group kept even when no term of it survives the filters (a zero
    row); with a Corpus and `by="doc_id"`, rows follow `corpus.documents`. Columns are the
    terms counted at least `min_count` times in all, sorted alphabetically. Returns a
    `Dfm`; `Dfm.matrix` goes straight into scikit-learn (e.g. `TfidfTransformer`, `NMF`)
    and `Dfm.save(folder)` writes Matrix Market and CSV files for R.
    """
    by = as_list(by)
    if not by:
        raise ValueError("dfm needs the columns that make a row (by='doc_id' for documents)")
    frame = getattr(tokens, "tokens", tokens)
    require_columns(frame, by, "tokens")
    documents = getattr(tokens, "documents", None)
    if documents is not None and by == ["doc_id"]:
        rows = documents[["doc_id"]].reset_index(drop=True)
    else:
        rows = frame[by].drop_duplicates().reset_index(drop=True)
    counts = frequencies(tokens, by=by, term=term, ngram=ngram, drop_stop=drop_stop, drop_punct=drop_punct,
                         genre_stop=genre_stop, extra_stop=extra_stop, compound=compound, leave_out=leave_out)
    if min_count > 1 and not counts.empty:
        counts = counts[counts.groupby("term")["n"].transform("sum") >= min_count]
    vocabulary = np.array(sorted(counts["term"].unique()), dtype=object)
    row_of = pd.MultiIndex.from_frame(rows.astype(object)) if len(by) > 1 else pd.Index(rows[by[0]].astype(object))
    keys = pd.MultiIndex.from_frame(counts[by].astype(object)) if len(by) > 1 else pd.Index(counts[by[0]].astype(object))
    row = row_of.get_indexer(keys)
    col = np.searchsorted(vocabulary, counts["term"].to_numpy(dtype=object)) if len(vocabulary) else np.array([], dtype=int)
    matrix = scipy.sparse.coo_matrix((counts["n"].to_numpy(dtype=np.int64), (row, col)),
                                     shape=(len(rows), len(vocabulary))).tocsr()
    return Dfm(matrix=matrix, vocabulary=vocabulary, docs=rows)


def in_window(tokens, pattern: str | Iterable[str], *, window: int = 5, term: str = "lower") -> pd.Series:
    """Where each token stands relative to a word or phrase: "match" (part of a match of
    `pattern`: a word, a glob, a phrase, or several), "inside" (within `window` words of a
    match, in the same document) or "outside".

    Windows count words (tokens with a letter or digit), as quanteda counts tokens after
    `remove_punct = TRUE`; a punctuation mark takes the side of its position. Returns a
    Series of those labels aligned with the tokens' index (a Corpus gives its tokens).
    """
    tokens = getattr(tokens, "tokens", tokens)
    require_columns(tokens, ["doc_id", "sent_id", "token_id", "is_punct", term], "tokens")
    if not isinstance(window, (int, np.integer)) or window < 0:
        raise ValueError(f"window must be a number of words >= 0, got {window!r}")
    patterns = [pattern] if isinstance(pattern, str) else list(pattern)
    if not patterns:
        raise ValueError("name a word or phrase to look around")
    matcher = TermMatcher(tokens, term=term)
    size = len(tokens)
    is_match = np.zeros(size, dtype=bool)
    spans = []
    for p in patterns:
        starts, k = matcher.find(p)
        spans.extend((int(s), int(s) + k - 1) for s in starts)
        for offset in range(k):
            is_match[starts + offset] = True
    word = ~tokens["is_punct"].to_numpy(dtype=bool)
    rank = np.cumsum(word) - word  # the number of words before each token
    doc = pd.factorize(tokens["doc_id"])[0]
    first = pd.Series(rank).groupby(doc).transform("min").to_numpy()
    last = pd.Series(rank + word).groupby(doc).transform("max").to_numpy() - 1
    # +1 where a window opens and -1 after it closes, over word ranks: a running sum above 0 is inside a window
    marks = np.zeros(int(rank[-1]) + 3 if size else 1, dtype=np.int64)
    for s, e in spans:
        lo = max(rank[s] - window, first[s])
        hi = min(rank[e] + window, last[e])
        marks[lo] += 1
        marks[hi + 1] -= 1
    covered = np.cumsum(marks)[rank] > 0 if size else np.zeros(0, dtype=bool)
    side = np.where(is_match, "match", np.where(covered, "inside", "outside"))
    return pd.Series(side, index=tokens.index, name="window")


def window_keyness(tokens, pattern: str | Iterable[str], *, window: int = 5, term: str = "lower",
                   drop_stop: bool = True, genre_stop: bool = True, compound: bool | Iterable[str] = False,
                   leave_out: str | Iterable[str] = (), correction: str = "yates", sort_by: str = "chi2",
                   min_size: int | None = None) -> pd.DataFrame:
    """The words near a word or phrase, and how much more often they occur there than elsewhere.

    As quanteda's targeted analysis: the words within `window` of each match (the matches
    themselves left out) are the target, every other word of the corpus the reference,
    and `helpers.compare.keyness` scores each term (chi2, G2, pmi, log_ratio, with
    `n_target`, `n_reference` and both sides' totals). `compound=True` joins the
    multi-word expressions first, so that "China" is not found inside "South China Sea";
    `leave_out` drops names, countries or boilerplate from the counts as `frequencies`
    does. Returns the keyness frame, most distinctive of the window first.
    """
    frame, _ = prepared(tokens, compound=compound)
    documents = getattr(tokens, "documents", None)
    side = in_window(frame, pattern, window=window, term=term)
    kept = frame.assign(window=side.to_numpy())
    if documents is not None:
        # the documents travel with the tokens so that the names of hosts and counterparts can be found in them
        kept_input = Corpus(documents=documents, sentences=pd.DataFrame(), tokens=kept)
    else:
        kept_input = kept
    counts = frequencies(kept_input, by="window", term=term, drop_stop=drop_stop, genre_stop=genre_stop,
                         leave_out=leave_out)
    counts = counts[counts["window"] != "match"]
    if not (counts["window"] == "inside").any():
        raise ValueError(f"no word within {window} words of {pattern!r}")
    return keyness(counts, "window", target="inside", reference="outside", correction=correction,
                   sort_by=sort_by, min_size=min_size)
