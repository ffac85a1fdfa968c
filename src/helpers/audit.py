"""`audit(corpus)`: what a researcher should read before trusting an analysis of a corpus.

Each row is one corpus-level indicator: how the sentences are credited, how many readouts lack a host, a
counterpart or a country, which names look like no person, which inputs were set aside as near-duplicates, and how
many readouts were credited mostly by fallbacks rather than by a named subject with its reporting verb.
"""
from __future__ import annotations

import sys
import types

import pandas as pd

from .frames import Corpus
from .lexicon import Lexicon, as_lexicon
from .names import NEAR_DUPLICATE, person_name

__all__ = ["audit"]

COLUMNS = "indicator value count meaning".split()

# Roles that carry no speaker named by the text itself.
_FALLBACK_ROLES = ("unattributed",)
# The two sides, whose sentences should name their principal.
_SIDES = ("host", "counterpart")
# A readout is "mostly fallbacks" when at least this share of its sentences is unattributed or the publisher's.
_MOSTLY_FALLBACKS = 0.5


def audit(corpus: Corpus, *, lexicon: Lexicon | str | None = None) -> pd.DataFrame:
    """A tidy frame, one row per indicator: `indicator`, `value` (a share from 0 to 1, or a count), `count` (how many
    documents, sentences or names it concerns) and `meaning` (what it says, in a sentence)."""
    lexicon = as_lexicon(lexicon)
    documents, sentences, problems = corpus.documents, corpus.sentences, corpus.problems
    rows: list[tuple[str, float, int, str]] = []
    n_docs, n_sentences = len(documents), len(sentences)

    roles = sentences["role"].astype(str).value_counts() if n_sentences else pd.Series(dtype=int)
    for role in roles.index:
        rows.append((f"sentences: {role}", roles[role] / n_sentences, int(roles[role]),
                     f"share of all sentences credited as {role}"))

    def missing(column: str, what: str, mask=None) -> None:
        values = documents[column]
        empty = values.map(lambda v: len(v) == 0) if column == "counterparts" else values.fillna("").astype(str) == ""
        if mask is not None:
            empty, total = empty & mask, int(mask.sum())
        else:
            total = n_docs
        rows.append((f"documents without {what}", (empty.sum() / total) if total else 0.0, int(empty.sum()),
                     f"share of readouts{'' if mask is None else ' naming a counterpart'} whose {what} is empty: "
                     "their sentences cannot be compared by that field"))

    if n_docs:
        missing("host", "host")
        missing("counterparts", "counterpart")
        named = documents["counterparts"].map(len) > 0
        missing("counterpart_country", "counterpart country", named)
        if "host_country" in documents:
            missing("host_country", "host country")

    odd = _names_like_no_person(corpus, lexicon)
    rows.append(("names that look like no person", len(odd), len(odd),
                 "speaker, host or counterpart values that the lexicon's tables read as titles, offices, institutions "
                 "or places" + (f": {', '.join(sorted(odd)[:10])}" if odd else "")))

    near = problems["reason"].astype(str).str.startswith(NEAR_DUPLICATE.split("{")[0]) if len(problems) else pd.Series(dtype=bool)
    exact = problems["reason"].astype(str).str.startswith("duplicate document") if len(problems) else pd.Series(dtype=bool)
    rows.append(("near-duplicates set aside", int(near.sum()), int(near.sum()),
                 "inputs whose text repeats an earlier one up to case, punctuation and a few words (in problems)"))
    rows.append(("exact duplicates set aside", int(exact.sum()), int(exact.sum()),
                 "inputs whose text repeats an earlier one exactly (in problems)"))

    if n_sentences:
        per_doc = sentences.assign(fallback=sentences["role"].astype(str).isin(_FALLBACK_ROLES)
                                   | ((sentences["role"].astype(str) != "narrator") & (sentences["speaker"].astype(str) == "")
                                      & sentences["role"].astype(str).isin(_SIDES)))
        shares = per_doc.groupby("doc_id", observed=True)["fallback"].mean()
        unnamed = per_doc["fallback"].sum()
        rows.append(("sentences without a named speaker", unnamed / n_sentences, int(unnamed),
                     "share of sentences left unattributed, or credited to a side whose principal the readout does not name"))
        mostly = int((shares >= _MOSTLY_FALLBACKS).sum())
        rows.append(("readouts credited mostly by fallbacks", mostly / max(1, len(shares)), mostly,
                     f"share of readouts where at least {_MOSTLY_FALLBACKS:.0%} of sentences have no named speaker: "
                     "read them with helpers.speakers.explain before quoting who said what"))
        narrator = sentences["role"].astype(str) == "narrator"
        narrated = sentences.assign(n=narrator).groupby("doc_id", observed=True)["n"].mean()
        all_narrator = int((narrated == 1).sum())
        rows.append(("readouts with no speech credited", all_narrator / max(1, len(narrated)), all_narrator,
                     "share of readouts whose every sentence is the publisher's own account (statements, trips, events)"))
    frame = pd.DataFrame(rows, columns=COLUMNS)
    frame["value"] = frame["value"].astype(float).round(3)  # shares to a tenth of a percent: read, not computed with
    return frame


def _names_like_no_person(corpus: Corpus, lexicon: Lexicon) -> set[str]:
    """Names in the frames that the lexicon's tables alone would change or empty (a title, an office, a place)."""
    names = set(corpus.documents["host"].fillna("").astype(str))
    names.update(n for ns in corpus.documents["counterparts"] for n in ns)
    if "speaker" in corpus.sentences:
        names.update(corpus.sentences["speaker"].astype(str).unique())
    names.discard("")
    return {name for name in names if person_name(lexicon, name) != name}


class _CallableModule(types.ModuleType):
    """`helpers.audit` is both this module and the verb: once the module is imported the package's attribute is the
    module, so calling it calls `audit`."""

    def __call__(self, corpus: Corpus, **options) -> pd.DataFrame:
        return audit(corpus, **options)


sys.modules[__name__].__class__ = _CallableModule
