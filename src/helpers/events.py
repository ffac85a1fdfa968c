"""Readouts of one event: after a call or a meeting each government publishes its own account, and `event_id` ties
them together.

Two readouts tell the same event when they come from different publishers, name the same two principals by their
canonical names (either may be the host), are dated within one day of each other (each side dates the event by its
own clock), and give it compatible event types (`data/event_types_compatible.csv`: a working dinner is a meeting for
one side and talks for the other). Readouts linked so, directly or through another, share one `event_id`; a readout
with no partner keeps an id of its own. Ids are built from the day, the principals and the readouts' own ids, never from the order files were read in: the same corpus gives the same
ids on every run and in any order.

The principals are the readout's `host` and main counterpart. Where the loader could not tell both (a house style
that writes "Mr. KISHIDA Fumio", a host read wrongly as the counterpart), the people the corpus knows (every host,
counterpart and credited speaker, and the lexicon's aliases of them) who are named in the headline or the opening
sentence fill the gap, in the order named.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

import numpy as np
import pandas as pd
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from . import schema
from .frames import Corpus
from .lexicon import Lexicon, alternation, as_lexicon

__all__ = ["principals", "compatible_types", "sides", "link_events", "event_ids", "MAX_DAYS_APART"]

# Each side dates the event by its own clock: Tokyo's morning is Washington's evening of the day before.
MAX_DAYS_APART = 1
# Characters of the readouts' own ids hashed into an id that would otherwise be shared by two events.
_HASH_CHARS = 8
_SLUG = re.compile(r"[^a-z0-9]+")
_PARAGRAPH = "\n\n"  # how `documents.text` separates paragraphs


def _folded(text: str) -> str:
    """Lower case without accents: "KISHIDA" and "Kishida", "Erdoğan" and "Erdogan" are one spelling."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def _forms(corpus: Corpus, lexicon: Lexicon) -> tuple[re.Pattern, dict[str, str]]:
    """One pattern of the ways a headline may write every person the corpus knows (the canonical name, its words the
    other way round: family name first, and the lexicon's aliases of more than one word; a bare surname in a headline
    may be anyone's), folded, and the person each spelling stands for. One pattern searched once per readout, not
    one per person: a trie of all spellings costs a single pass."""
    docs = corpus.documents
    people = {str(h) for h in docs["host"].fillna("") if str(h)}
    people |= {str(c) for names in docs["counterparts"] for c in names if str(c)}
    if "speaker" in corpus.sentences:
        people |= {str(s) for s in corpus.sentences["speaker"].astype(str).unique() if s}
    aliases = lexicon.mapping("aliases", "alias", "canonical")
    person_of: dict[str, str] = {}
    for person in sorted(people):
        if " " not in person:
            continue
        spellings = {person, " ".join(reversed(person.split()))}
        spellings |= {alias for alias, canonical in aliases.items() if canonical == person and " " in alias.strip()}
        for spelling in spellings:
            person_of.setdefault(" ".join(_folded(spelling).split()), person)
    return re.compile(rf"(?<!\w)(?:{alternation(person_of)})(?!\w)"), person_of


def principals(corpus: Corpus, *, lexicon: Lexicon | str | None = None) -> pd.Series:
    """doc_id -> the readout's two principals (a tuple of canonical names, sorted; fewer when the readout names
    fewer): the host and the main counterpart, completed where either is missing or both are one person by the
    people the corpus knows who are named in the headline or the opening paragraph, in the order named."""
    lexicon = as_lexicon(lexicon)
    docs = corpus.documents
    if not len(docs):
        return pd.Series([], dtype=object, name="principals")
    forms = None
    out = {}
    for doc_id, host, counterparts, title, text in zip(docs["doc_id"].astype(str), docs["host"].fillna(""), docs["counterparts"],
                                                       docs["title"].fillna(""), docs["text"].fillna("")):
        named = [n for n in [str(host), *(str(c) for c in list(counterparts)[:1])] if n]
        named = list(dict.fromkeys(named))
        if len(named) < 2:
            forms = forms if forms is not None else _forms(corpus, lexicon)
            # the whole first paragraph, not its first sentence: an abbreviation before a capital ("a Japan-U.S.
            # Summit") may end a sentence early
            where = _folded(f"{title}\n{str(text).split(_PARAGRAPH, 1)[0]}")
            pattern, person_of = forms
            found = [person_of.get(" ".join(m.group().split())) for m in pattern.finditer(where)]
            for person in filter(None, found):
                if len(named) == 2:
                    break
                if person not in named:
                    named.append(person)
        out[doc_id] = tuple(sorted(named))
    return pd.Series(out, dtype=object, name="principals")


def compatible_types(lexicon: Lexicon | str | None = None) -> frozenset[tuple[str, str]]:
    """The pairs of event types two publishers may give one event, both ways round, each type with itself included."""
    lexicon = as_lexicon(lexicon)
    table = lexicon.table("event_types_compatible")
    pairs = {(a.strip(), b.strip()) for a, b in zip(table["event_type"], table["compatible_with"])}
    pairs |= {(b, a) for a, b in pairs} | {(t, t) for t in schema.EVENT_TYPES}
    return frozenset(pairs)


def sides(documents: pd.DataFrame) -> pd.Series:
    """Who tells each readout: its `publisher`, else the publisher's country (`host_country`), else its host; ""
    when none is known. Two readouts of one side are never two accounts of one event."""
    def text(column: str) -> pd.Series:
        return documents[column].astype("string").fillna("") if column in documents else pd.Series("", index=documents.index)
    publisher, country, host = text("publisher"), text("host_country"), text("host")
    return publisher.where(publisher != "", country.where(country != "", host)).astype(str)


def event_ids(corpus: Corpus, *, lexicon: Lexicon | str | None = None) -> pd.Series:
    """doc_id -> `event_id`, shared by the readouts of one event (see the module's docstring): the day of the
    event's earliest readout, the hosts and main counterparts its readouts name, and a short hash of the readouts'
    doc_ids ("2024-06-18_joe-biden_xi-jinping_1a2b3c4d"), so that it is unique and the same whatever else is loaded."""
    lexicon = as_lexicon(lexicon)
    docs = corpus.documents
    if not len(docs):
        return pd.Series([], dtype="string", name="event_id")
    # sorted by doc_id first, so that nothing below depends on the order the files were read in
    order = np.argsort(docs["doc_id"].astype(str).to_numpy(), kind="stable")
    docs = docs.iloc[order]
    ids = docs["doc_id"].astype(str).tolist()
    who = principals(corpus, lexicon=lexicon).reindex(ids).tolist()
    days = pd.to_datetime(docs["date"]).fillna(pd.to_datetime(docs["published"])).dt.normalize().tolist()
    kinds = docs["event_type"].astype(str).tolist()
    side = sides(docs).tolist()
    fits = compatible_types(lexicon)
    by_principals: dict[tuple, list[int]] = {}
    for i, names in enumerate(who):
        if len(names) == 2:
            by_principals.setdefault(names, []).append(i)
    rows, cols = [], []
    for members in by_principals.values():
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                if (side[i] and side[j] and side[i] != side[j] and not pd.isna(days[i]) and not pd.isna(days[j])
                        and abs((days[i] - days[j]).days) <= MAX_DAYS_APART and (kinds[i], kinds[j]) in fits):
                    rows.append(i)
                    cols.append(j)
    n = len(ids)
    graph = coo_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, n))
    _, component = connected_components(graph, directed=False)
    groups: dict[int, list[int]] = {}
    for i, c in enumerate(component):
        groups.setdefault(int(c), []).append(i)
    hosts = docs["host"].fillna("").astype(str).tolist()
    mains = [str(names[0]) if len(names) else "" for names in docs["counterparts"]]
    out = {}
    for members in groups.values():
        dated = [days[i] for i in members if not pd.isna(days[i])]
        day = min(dated).strftime("%Y-%m-%d") if dated else "undated"
        # named from the readouts' own host and counterpart columns (the principals' fallback reads the rest of the
        # corpus, and an id should not change when other readouts are loaded beside it)
        people = sorted({n for i in members for n in (hosts[i], mains[i]) if n})
        slug = "_".join(_SLUG.sub("-", _folded(p)).strip("-") for p in people)
        # the readouts' own ids make it unique: two events of one day and principals, or none named, stay apart
        digest = hashlib.sha1("\n".join(sorted(ids[i] for i in members)).encode()).hexdigest()[:_HASH_CHARS]
        for i in members:
            out[ids[i]] = "_".join(part for part in (day, slug, digest) if part)
    return pd.Series(out, dtype="string", name="event_id")


def link_events(corpus: Corpus, *, lexicon: Lexicon | str | None = None) -> Corpus:
    """The corpus with `documents.event_id` set (`event_ids`); the other frames unchanged."""
    if not len(corpus.documents):
        return corpus
    documents = corpus.documents.copy()
    documents["event_id"] = documents["doc_id"].astype(str).map(event_ids(corpus, lexicon=lexicon)).astype("string")
    return Corpus(schema.conform(documents, "documents"), corpus.sentences, corpus.tokens, corpus.problems)
