"""The loader on the real White House corpus (READOUTS_WHITEHOUSE_CORPUS; CI sets it)."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import yaml

from helpers import schema
from invariants import assert_nothing_lost
from conftest import LABELS, labelled_metadata, needs_whitehouse, whitehouse_dir

pytestmark = needs_whitehouse


def _corpus_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*.md") if not p.name.upper().startswith(("README", "LICENSE")))


def test_every_file_is_loaded_or_reported(whitehouse):
    files = _corpus_files(whitehouse_dir())
    assert len(files) == 1064
    assert len(whitehouse.documents) + len(whitehouse.problems) == len(files)
    for name in ("documents", "sentences", "tokens", "problems"):
        assert schema.check(getattr(whitehouse, name), name) == []


def test_only_true_duplicates_are_reported(whitehouse):
    """The corpus holds the same readout under two names a few times; nothing else is a problem."""
    texts = dict(zip(whitehouse.documents["path"], whitehouse.documents["text"]))
    for path, reason in zip(whitehouse.problems["path"], whitehouse.problems["reason"]):
        assert reason.startswith("duplicate document: same text as "), (path, reason)
        original = reason.removeprefix("duplicate document: same text as ").removesuffix(" (kept once)")
        body = lambda p: Path(p).read_text(encoding="utf-8").split("\n---", 1)[1]
        assert " ".join(body(path).split()) == " ".join(body(original).split())
        assert original in texts


def test_published_matches_the_yaml_date_of_every_file(whitehouse):
    published = dict(zip(whitehouse.documents["path"], whitehouse.documents["published"]))
    for path in whitehouse.documents["path"]:
        header = Path(path).read_text(encoding="utf-8").split("\n---", 1)[0].removeprefix("---\n")
        assert published[path] == pd.Timestamp(str(yaml.safe_load(header)["date"])), path


def test_nothing_lost(whitehouse):
    assert_nothing_lost(whitehouse)


def test_markup_is_gone_from_the_text(whitehouse):
    text = "\n".join(whitehouse.documents["text"])
    assert "\u00a0" not in text
    assert "\\###" not in text and "](http" not in text
    assert not any(t.rstrip().endswith("###") for t in whitehouse.documents["text"])


def test_hosts_counterparts_countries_and_event_types_against_hand_labels(whitehouse):
    """tests/labels/whitehouse_metadata.csv was labelled by reading the files (see NOTES.md).
    Names are compared as sets of lower-cased name parts, so "Kishida Fumio" matches "Fumio Kishida"."""
    labels = pd.read_csv(LABELS / "whitehouse_metadata.csv", keep_default_na=False)
    assert len(labels) >= 30
    docs = whitehouse.documents.assign(file=whitehouse.documents["doc_id"] + ".md").set_index("file")
    duplicates = {Path(p).relative_to(whitehouse_dir()).as_posix(): Path(r.split("same text as ")[1].removesuffix(" (kept once)")).relative_to(whitehouse_dir()).as_posix()
                  for p, r in zip(whitehouse.problems["path"], whitehouse.problems["reason"])}
    rows = docs.loc[[duplicates.get(f, f) for f in labels["file"]]]
    parts = lambda name: frozenset(str(name).replace("-", " ").lower().split())
    found = pd.DataFrame([labelled_metadata(row) for _, row in rows.iterrows()])
    agreement = {}
    for column in ("host", "counterpart", "country", "event_type"):
        same = [parts(a) == parts(b) for a, b in zip(labels[column], found[column])]
        agreement[column] = sum(same) / len(same)
        misses = labels.loc[[not s for s in same], ["file", column]].assign(found=found.loc[[not s for s in same], column].to_numpy())
        print(f"\n{column}: {sum(same)}/{len(same)} agree; disagreements:\n{misses.to_string()}")
    # Disagreements left are readouts that are not leader exchanges (task forces, travel, listening sessions).
    # measured: host 72, counterpart 71, country 73, event type 73 of 78
    assert agreement["host"] >= 0.90
    assert agreement["counterpart"] >= 0.88
    assert agreement["country"] >= 0.92
    assert agreement["event_type"] >= 0.92
    leader_calls = (labels["event_type"] == "call") & (labels["counterpart"] != "")
    assert (found.loc[leader_calls, "host"].map(parts) == labels.loc[leader_calls, "host"].map(parts)).mean() >= 0.95


def test_dates_follow_the_opening_sentence(whitehouse):
    docs = whitehouse.documents
    assert docs["date"].notna().all()
    assert ((docs["published"] - docs["date"]).dt.days.between(0, 40)).all()
    yesterday = docs[docs["text"].str.slice(0, 300).str.contains(r"\byesterday\b")]
    assert len(yesterday) and ((yesterday["published"] - yesterday["date"]).dt.days == 1).mean() > 0.9


def test_document_fields_agree_with_hand_labels_at_least_as_well(whitehouse):
    """`documents.document_fields` (headline plus the opening's framing sentence) on the labelled files: at least the
    loader's thresholds, and the counterpart country stated in the opening ("Prime Minister Narendra Modi of India")
    is read when the headline lacks it."""
    from helpers.documents import document_fields
    from helpers.lexicon import default_lexicon
    labels = pd.read_csv(LABELS / "whitehouse_metadata.csv", keep_default_na=False)
    docs = whitehouse.documents.assign(file=whitehouse.documents["doc_id"] + ".md").set_index("file")
    duplicates = {Path(p).relative_to(whitehouse_dir()).as_posix(): Path(r.split("same text as ")[1].removesuffix(" (kept once)")).relative_to(whitehouse_dir()).as_posix()
                  for p, r in zip(whitehouse.problems["path"], whitehouse.problems["reason"])}
    first = whitehouse.sentences.groupby("doc_id", sort=False, observed=True)["text"].first()
    parts = lambda name: frozenset(str(name).replace("-", " ").lower().split())
    found = {"host": [], "counterpart": [], "country": [], "event_type": []}
    for file in labels["file"]:
        doc = docs.loc[duplicates.get(file, file)]
        fields = labelled_metadata(document_fields(default_lexicon(), doc["title"], doc["text"], first[doc["doc_id"]], {"published": doc["published"]}))
        for column, values in found.items():
            values.append(fields[column])
    agreement = {}
    for column, values in found.items():
        same = [parts(a) == parts(b) for a, b in zip(labels[column], values)]
        agreement[column] = sum(same) / len(same)
        print(f"\ndocument_fields {column}: {sum(same)}/{len(same)} agree; disagreements:")
        for file, label, value, ok in zip(labels["file"], labels[column], values, same):
            if not ok:
                print(f"  {file[-90:]}: label {label!r}, found {value!r}")
    # measured: host 71, counterpart 71, country 73, event type 73 of 78
    assert agreement["host"] >= 0.90
    assert agreement["counterpart"] >= 0.88
    assert agreement["country"] >= 0.93
    assert agreement["event_type"] >= 0.92


def test_stems_are_the_snowball_stems_nltk_gives(whitehouse, styles, seed):
    """The `stem` column comes from Snowball's C stemmer (PyStemmer 2.x); NLTK's SnowballStemmer ports the same
    algorithm. Over every distinct token of three corpora the two agree except on "realization", where NLTK's
    port keeps the final e that the reference algorithm removes (README, Dependencies)."""
    from nltk.stem.snowball import SnowballStemmer

    nltk_stemmer = SnowballStemmer("english")
    pairs = pd.concat([corpus.tokens[["lower", "stem"]] for corpus in (whitehouse, styles, seed)]).drop_duplicates()
    assert len(pairs) > 10_000
    expected = [nltk_stemmer.stem(word) if any(ch.isalpha() for ch in word) else word for word in pairs["lower"]]
    differ = sorted(word for word, ours, theirs in zip(pairs["lower"], pairs["stem"], expected) if ours != theirs)
    assert differ == ["realization"]


def test_parallel_load_equals_one_process(whitehouse):
    """Slices loaded by several processes and merged give exactly the frames of one process reading in path order."""
    import warnings

    from helpers import load_corpus

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        alone = load_corpus(whitehouse_dir(), cache=False, workers=1)
    for name in ("documents", "sentences", "tokens", "problems"):
        pd.testing.assert_frame_equal(getattr(alone, name), getattr(whitehouse, name), check_categorical=False)
