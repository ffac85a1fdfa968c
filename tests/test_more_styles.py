"""Sixteen more readouts in publishers' styles the rules were not written from (tests/more_styles: Obama- and
Trump-era White House, State Department, Canadian PMO, Australian PM, Élysée, Planalto, Saudi Press Agency, Turkish,
Ukrainian, Belarusian, Korean and Kazakh presidencies, Israeli PMO, Chinese MFA, European Council). They were written
and labelled by helper sessions that neither read nor ran the code (labels/NOTES.md, "More styles"); the rules were
then mended where they failed in general ways, and these tests keep what was gained. The thresholds sit just below
what was measured, so a change that loses ground fails here."""
from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest

from conftest import LABELS, labelled_metadata
from helpers import load_corpus
from invariants import assert_nothing_lost
from test_speakers import MAX_UNATTRIBUTED, MAX_UNMATCHED, match_labels, report, speaker_accuracy

MORE_STYLES = Path(__file__).resolve().parent / "more_styles"
METADATA_FIELDS = ["host", "counterpart", "country", "event_type", "date"]


@pytest.fixture(scope="module")
def more_styles():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_corpus(MORE_STYLES)


def test_speakers_against_labels(more_styles):
    labels = pd.read_csv(LABELS / "more_styles_speakers.csv", keep_default_na=False)
    matched, unmatched = match_labels(more_styles, labels)
    print("unmatched:", unmatched)  # a dateline line shorter than the 15 characters matching needs
    assert len(unmatched) <= MAX_UNMATCHED * len(labels)
    accuracy, unattributed = report(matched, "more styles")
    named = speaker_accuracy(matched)
    print(f"speaker accuracy on host/counterpart labels: {named:.1%}")
    # measured: role accuracy 96.4%, speakers 93.2% (the misses: surnames the text never completes, "Anthony"
    # Albanese and "Subrahmanyam" Jaishankar, a spokesperson's name, "the Russian side" inside a joint paragraph)
    assert accuracy >= 0.95
    assert named >= 0.9
    assert unattributed < MAX_UNATTRIBUTED
    assert (matched["expected_role"] == "counterpart").sum() >= 50, "these readouts exist to test counterparts"
    assert_nothing_lost(more_styles)


def test_metadata_against_labels(more_styles):
    labels = pd.read_csv(LABELS / "more_styles_metadata.csv", keep_default_na=False, dtype=str)
    docs = more_styles.documents.set_index("doc_id")
    misses, total = [], 0
    for label in labels.itertuples(index=False):
        found = labelled_metadata(docs.loc[label.file.rsplit(".", 1)[0]])
        for column in METADATA_FIELDS:
            total += 1
            if found[column] != getattr(label, column):
                misses.append(f"{label.file}: {column} {getattr(label, column)!r} != {found[column]!r}")
    print("\n".join(misses))
    # measured: 76 of 80 fields (a numeric date "2/3/2023" not read, talks held in person labelled
    # "meeting", surnames the text never completes)
    assert total - len(misses) >= 0.9 * total
