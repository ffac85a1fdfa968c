"""`load_corpus`: any folder of readouts -> documents, sentences, tokens (and problems)."""
from __future__ import annotations

import hashlib
import re
import warnings
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
from nltk.stem.snowball import SnowballStemmer
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from . import schema
from .clean import clean_body, paragraph_spans
from .metadata import (Person, canonical_name, event_date, event_type_of, names_in_text,
                       parse_headline, parse_person, to_timestamp)
from .readers import ReadError, Record, list_files, read_file
from .segment import TOKEN_PATTERN, sentence_spans

SEED_DIR = Path(__file__).resolve().parents[2] / "seeds"


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


def load_corpus(paths: str | Path | list | None = None, *, strict: bool = False, attribute: bool = True) -> Corpus:
    """Read every readout under `paths` (files or folders; default: the repository's `seeds/`).

    Returns a Corpus. A file that cannot be read lands in `corpus.problems` with the reason,
    and a one-line warning counts them; with `strict=True` the first problem raises instead.
    With `attribute=True` each sentence is credited to a speaker (see `helpers.speakers`).
    """
    files, _ = list_files(SEED_DIR if paths is None else paths)
    records: list[Record] = []
    problems: list[tuple[str, str]] = []

    def report(error: ReadError) -> None:
        if strict:
            raise error
        problems.append((error.path, error.reason))

    for file, root in files:
        try:
            for item in read_file(file, root):
                if isinstance(item, ReadError):
                    report(item)
                else:
                    records.append(item)
        except ReadError as error:
            report(error)
        except OSError as error:
            report(ReadError(str(file), f"cannot be read ({error.strerror or error})"))

    documents, sentences, tokens = [], [], []
    seen: dict[str, str] = {}
    seen_ids: set[str] = set()
    for record in records:
        text = clean_body(record.body, markdown=record.format == "markdown")
        if not text:
            report(ReadError(record.path, "no body text once markup is removed"))
            continue
        fingerprint = hashlib.sha1(" ".join(text.split()).encode()).hexdigest()
        if fingerprint in seen:
            report(ReadError(record.path, f"duplicate document: same text as {seen[fingerprint]} (kept once)"))
            continue
        if record.doc_id in seen_ids:
            report(ReadError(record.path, f"duplicate doc_id {record.doc_id!r} (kept once)"))
            continue
        seen[fingerprint] = record.path
        seen_ids.add(record.doc_id)
        doc_sentences = _sentences(record.doc_id, text)
        documents.append(_document(record, text, doc_sentences))
        sentences.append(doc_sentences)

    sentence_frame = pd.concat(sentences, ignore_index=True) if sentences else pd.DataFrame()
    document_frame = pd.DataFrame(documents)
    if attribute and len(sentence_frame):
        from .speakers import attribute_speakers
        sentence_frame = attribute_speakers(sentence_frame, document_frame)
    sentence_frame = schema.conform(sentence_frame, "sentences")
    token_frame = tokens_of(sentence_frame)
    if len(document_frame):
        counts = sentence_frame.groupby("doc_id", sort=False).agg(n_paragraphs=("para_id", "nunique"), n_sentences=("sent_id", "size"))
        document_frame["n_paragraphs"] = document_frame["doc_id"].map(counts["n_paragraphs"]).fillna(0)
        document_frame["n_sentences"] = document_frame["doc_id"].map(counts["n_sentences"]).fillna(0)
        document_frame["n_tokens"] = document_frame["doc_id"].map(token_frame.groupby("doc_id", sort=False).size()).fillna(0)
    problem_frame = schema.conform(pd.DataFrame(problems, columns=["path", "reason"]), "problems")
    if problems:
        warnings.warn(f"load_corpus: {len(problems)} of {len(files)} input files or rows skipped; see corpus.problems", stacklevel=2)
    return Corpus(schema.conform(document_frame, "documents"), sentence_frame, token_frame, problem_frame)


def _sentences(doc_id: str, text: str) -> pd.DataFrame:
    starts, ends, para_ids = [], [], []
    for para_id, (p_start, p_end) in enumerate(paragraph_spans(text)):
        for start, end in sentence_spans(text, p_start, p_end):
            starts.append(start)
            ends.append(end)
            para_ids.append(para_id)
    return pd.DataFrame({
        "doc_id": doc_id,
        "para_id": para_ids,
        "sent_id": np.arange(len(starts)),
        "start": starts,
        "end": ends,
        "text": [text[s:e] for s, e in zip(starts, ends)],
    })


def tokens_of(sentences: pd.DataFrame) -> pd.DataFrame:
    """One row per token of the given sentences; offsets index the document's text."""
    doc_ids, para_ids, sent_ids, starts, ends, words = [], [], [], [], [], []
    for doc_id, para_id, sent_id, offset, text in zip(sentences["doc_id"], sentences["para_id"], sentences["sent_id"], sentences["start"], sentences["text"]):
        for match in TOKEN_PATTERN.finditer(text):
            doc_ids.append(doc_id)
            para_ids.append(para_id)
            sent_ids.append(sent_id)
            starts.append(offset + match.start())
            ends.append(offset + match.end())
            words.append(match.group())
    frame = pd.DataFrame({"doc_id": doc_ids, "para_id": para_ids, "sent_id": sent_ids, "start": starts, "end": ends, "token": words})
    if frame.empty:
        return schema.conform(frame, "tokens")
    frame["token_id"] = frame.groupby("doc_id", sort=False).cumcount()
    lower = frame["token"].str.lower().str.replace("’", "'", regex=False)
    frame["lower"] = lower
    types = pd.Series(lower.unique())
    frame["stem"] = lower.map(dict(zip(types, types.map(_stem))))
    frame["is_stop"] = lower.isin(ENGLISH_STOP_WORDS)
    frame["is_punct"] = ~frame["token"].str.contains(r"\w", regex=True)
    if "speaker" in sentences and len(frame):
        carried = sentences.set_index(["doc_id", "sent_id"])[["speaker", "role"]]
        index = pd.MultiIndex.from_arrays([frame["doc_id"], frame["sent_id"]])
        for column in ("speaker", "role"):
            frame[column] = carried[column].reindex(index).to_numpy()
    return schema.conform(frame, "tokens")


@lru_cache(maxsize=1)
def _stemmer() -> SnowballStemmer:
    return SnowballStemmer("english")


def _stem(word: str) -> str:
    return _stemmer().stem(word) if any(ch.isalpha() for ch in word) else word


# --- document metadata -------------------------------------------------------------------------

_OPENING = re.compile(
    r"^(?:(?:On|In|Earlier|Today|Yesterday|This|Last)\b[^,]*,\s*)?(?P<host>.+?)\s+(?:(?:today|yesterday|this\s+\w+)\s+)?"
    r"(?:spoke|speaks|met|meets|had|has|held|holds|talked|talks|hosted|hosts|received|receives|called|calls|convened|joined|participated)\b"
    r".*?\bwith\s+(?P<rest>.+?)(?=\s+(?:today|yesterday|this|to|on|about|in|at|by|for|via|during|from|and\s+(?:discussed|reaffirmed|welcomed))\b|[.;:]|$)"
)


def _document(record: Record, text: str, sentences: pd.DataFrame) -> dict:
    meta = record.meta
    title = record.title
    published = to_timestamp(meta.get("published") or meta.get("date") or meta.get("published_time"))
    opening = sentences["text"].iloc[0] if len(sentences) else ""
    host, counterparts, event_phrase, style = parse_headline(title)
    if not host.name and not counterparts:
        found = _OPENING.match(opening)
        if found:
            host = parse_person(found.group("host"))
            counterparts = [parse_person(found.group("rest"))]
    counterparts = [c for c in counterparts if c.title or c.country or len(c.name.split()) > 1]
    known = names_in_text(f"{title}\n{text}")
    if host.title and not host.name:  # "Readout of the President's Call": the body names the President
        host.name = next((n for n, t in known.items() if t == host.title), "")
    shared_country = ""
    for person in reversed(counterparts):  # "Foreign Minister Kuleba and Defense Minister Reznikov of Ukraine"
        shared_country = person.country = person.country or shared_country
    for person in (host, *counterparts):
        person.name = canonical_name(person.name, known)
        if not person.title:
            person.title = next((t for n, t in known.items() if canonical_name(n, known) == person.name and person.name), "")
    url = str(meta.get("source_url") or meta.get("url") or "")
    if "whitehouse.gov" in url:
        style = "whitehouse"
    elif re.search(r"fmprc|mfa\.|mofa|\.mid\.ru", url):
        style = "mfa"
    main = counterparts[0] if counterparts else Person()
    date = to_timestamp(meta.get("event_date")) or event_date(f"{opening}", published)
    return {
        "doc_id": record.doc_id,
        "path": record.path,
        "source_style": meta.get("source_style") or style,
        "title": title,
        "date": date,
        "published": published,
        # a readout with no counterpart (a task force, a listening session) reports no exchange between principals
        "event_type": meta.get("event_type") or (event_type_of(event_phrase, title, opening) if counterparts else "other"),
        "host": meta.get("host") or host.name,
        "host_title": meta.get("host_title") or host.title,
        "counterparts": _listed(meta.get("counterparts") or meta.get("counterpart")) or [c.name or c.title for c in counterparts],
        "counterpart_title": meta.get("counterpart_title") or main.title,
        "counterpart_country": meta.get("counterpart_country") or main.country,
        "text": text,
    }


def _listed(value) -> list[str]:
    if value in (None, ""):
        return []
    if isinstance(value, str):
        return [part.strip() for part in value.split(";") if part.strip()]
    return [str(v) for v in value]
