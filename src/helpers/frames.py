"""The `Corpus`: the four tidy frames a load gives, and the checks every verb makes on the frames it is given."""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

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

    def __repr__(self) -> str:
        return (f"<Corpus: {len(self.documents)} documents, {len(self.sentences)} sentences, "
                f"{len(self.tokens)} tokens, {len(self.problems)} problems>")


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
