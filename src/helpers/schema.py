"""The frames' columns and dtypes, stated once: the project's public contract.

Every frame the loader returns is checked against these specs in the tests,
and the README's column tables are written from them.
"""
from __future__ import annotations

import pandas as pd

DOCUMENTS: dict[str, str] = {
    "doc_id": "string",
    "path": "string",
    "source_style": "category",
    "publisher": "string",  # who published the readout (header, URL or house style)
    "event_id": "string",  # shared by the readouts of one event (helpers.events)
    "title": "string",
    "date": "datetime64[ns]",
    "published": "datetime64[ns]",
    "event_type": "category",
    "host": "string",
    "host_title": "string",
    "host_country": "string",  # the publisher's country
    "counterparts": "object",  # list of names, main counterpart first
    "counterpart_title": "string",
    "counterpart_country": "string",
    "n_paragraphs": "int64",
    "n_sentences": "int64",
    "n_tokens": "int64",
    "text": "string",
}

# Ids and names repeat on every row of the sentence and token frames: categories keep them small.
SENTENCES: dict[str, str] = {
    "doc_id": "category",
    "para_id": "int64",
    "sent_id": "int64",
    "start": "int64",
    "end": "int64",
    "text": "string",
    "speaker": "category",
    "role": "category",
    "verb": "category",
}

TOKENS: dict[str, str] = {
    "doc_id": "category",
    "para_id": "int64",
    "sent_id": "int64",
    "token_id": "int64",
    "start": "int64",
    "end": "int64",
    "token": "string",
    "lower": "string",
    "stem": "string",
    "is_stop": "bool",
    "is_punct": "bool",
    "speaker": "category",
    "role": "category",
}

PROBLEMS: dict[str, str] = {
    "path": "string",
    "reason": "string",
}

SOURCE_STYLES = ("mfa", "whitehouse", "unknown")
EVENT_TYPES = ("call", "meeting", "virtual_meeting", "talks", "message", "other")
ROLES = ("host", "counterpart", "joint", "narrator", "other", "unattributed")

# Fixed categories; `source_style` is open, since a researcher's lexicon may bring styles of its own
# (SOURCE_STYLES are those the shipped tables tell).
_CATEGORIES = {
    ("documents", "event_type"): EVENT_TYPES,
    ("sentences", "role"): ROLES,
    ("tokens", "role"): ROLES,
}

SPECS = {"documents": DOCUMENTS, "sentences": SENTENCES, "tokens": TOKENS, "problems": PROBLEMS}


def conform(frame: pd.DataFrame, name: str) -> pd.DataFrame:
    """Return `frame` with exactly the columns of spec `name`, in order, in their dtypes.

    Columns the spec names but the frame lacks are added empty, so an empty
    corpus still has the full schema.
    """
    spec = SPECS[name]
    out = {}
    for column, dtype in spec.items():
        values = frame[column] if column in frame else pd.Series([None] * len(frame), index=frame.index)
        fixed = _CATEGORIES.get((name, column))
        if str(values.dtype) == dtype and (fixed is None or tuple(values.cat.categories) == fixed):
            out[column] = values.to_numpy() if dtype not in ("string", "category") else values.array
            if dtype == "category" and str(values.cat.categories.dtype) != "string":  # as Parquet gives them back
                out[column] = pd.Categorical.from_codes(values.cat.codes, categories=values.cat.categories.astype("string"))
        elif dtype == "category":
            out[column] = pd.Categorical(values, categories=pd.Index(fixed, dtype="string")) if fixed else pd.Categorical(values.astype("string"))
        elif dtype == "object":
            out[column] = values.astype(object)
        elif dtype.startswith("datetime64"):
            out[column] = pd.to_datetime(values).astype(dtype)
        else:
            out[column] = values.astype(dtype)
    return pd.DataFrame(out, index=pd.RangeIndex(len(frame)))


def check(frame: pd.DataFrame, name: str) -> list[str]:
    """Differences between `frame` and spec `name`, as readable lines (empty when it conforms)."""
    spec = SPECS[name]
    problems = []
    if list(frame.columns) != list(spec):
        problems.append(f"{name}: columns {list(frame.columns)} != {list(spec)}")
    for column, dtype in spec.items():
        if column in frame and str(frame[column].dtype) != dtype:
            problems.append(f"{name}.{column}: dtype {frame[column].dtype} != {dtype}")
    return problems
