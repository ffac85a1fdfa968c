"""The `Corpus`: the four tidy frames a load gives, and the checks every verb makes on the frames it is given."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from . import schema

__all__ = ["Corpus", "as_list", "require_columns"]


@dataclass
class Corpus:
    """Three tidy frames linked by ids (`doc_id` -> `para_id` -> `sent_id` -> `token_id`), plus `problems`."""

    documents: pd.DataFrame
    sentences: pd.DataFrame
    tokens: pd.DataFrame
    problems: pd.DataFrame = field(default_factory=lambda: schema.conform(pd.DataFrame(), "problems"))

    def subset(self, query: str | None = None, /, **columns: Any) -> "Corpus":
        """The corpus cut down to some documents, its four frames kept consistent.

        `query` is a pandas query on the documents frame
        (`"counterpart_country != '' and counterpart_country != 'United States'"`); each
        keyword names a documents column and the value, or list, set or tuple of values,
        it must hold (`event_type=["call", "meeting"]`), or a function of the column
        giving True for rows to keep (`date=lambda d: d.dt.year >= 2023`). All conditions
        must hold. Returns a new Corpus whose sentences and tokens are those of the kept
        documents (rows in their order, `doc_id` categories narrowed to them) and whose
        `problems` are the load's, unchanged: they are files, not documents.
        """
        documents = self.documents
        keep = pd.Series(True, index=documents.index)
        if query is not None:
            keep &= documents.index.isin(documents.query(query).index)
        for column, wanted in columns.items():
            require_columns(documents, [column], "documents")
            values = documents[column]
            if callable(wanted):
                chosen = pd.Series(wanted(values), index=documents.index).fillna(False).astype(bool)
            elif isinstance(wanted, (list, set, frozenset, tuple)):
                chosen = values.isin(list(wanted))
            else:
                chosen = values == wanted
            keep &= chosen.fillna(False).astype(bool)
        kept = documents.loc[keep.to_numpy()].reset_index(drop=True)
        ids = set(kept["doc_id"])
        return Corpus(documents=kept, sentences=_narrowed(self.sentences, ids), tokens=_narrowed(self.tokens, ids),
                      problems=self.problems)

    def __repr__(self) -> str:
        return (f"<Corpus: {len(self.documents)} documents, {len(self.sentences)} sentences, "
                f"{len(self.tokens)} tokens, {len(self.problems)} problems>")


def _narrowed(frame: pd.DataFrame, ids: set) -> pd.DataFrame:
    """The rows of `frame` whose document is kept, with a categorical `doc_id` narrowed to the kept ids."""
    out = frame.loc[frame["doc_id"].isin(ids).to_numpy()].reset_index(drop=True)
    if isinstance(out["doc_id"].dtype, pd.CategoricalDtype):
        out["doc_id"] = out["doc_id"].cat.remove_unused_categories()
    return out


def require_columns(frame: pd.DataFrame, columns: Iterable[str], what: str) -> None:
    """Refuse a frame that lacks any of `columns`, naming what is missing and what is there."""
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{what} frame lacks column(s) {missing}; it has {list(frame.columns)}")


def as_list(columns: str | Sequence[str] | None) -> list[str]:
    """A column option given as one name, several, or none, as a list."""
    if columns is None:
        return []
    return [columns] if isinstance(columns, str) else list(columns)
