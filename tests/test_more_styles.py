"""Seventy-two readouts in publishers' styles the rules were not written from (tests/more_styles), written and
labelled by writers who neither read nor ran the code (labels/NOTES.md, "More styles"), in five rounds.
Each round was measured before the rules were changed for it (roles right: 88.5/86.8%, 93.1/94.6%, 91.0/66.3%,
90.7/90.2%, then 84.0%) and its failures were then mended as general rules. The thresholds sit just below what is
measured now on all 72, so a change that loses ground fails."""
from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest

from conftest import LABELS, metadata_misses
from helpers import load_corpus
from helpers.speakers import attribute_speakers
from invariants import assert_nothing_lost
from test_speakers import MAX_UNATTRIBUTED, MAX_UNMATCHED, scored

MORE_STYLES = Path(__file__).resolve().parent / "more_styles"
METADATA_FIELDS = ["host", "counterpart", "country", "event_type", "date"]


@pytest.fixture(scope="module")
def more_styles():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_corpus(MORE_STYLES)


def test_speakers_against_labels(more_styles):
    result = scored(more_styles, "more_styles_speakers.csv", "more styles")
    matched = result.matched
    print("unmatched:", result.unmatched)  # a dateline line shorter than the 15 characters matching needs
    assert len(result.unmatched) <= MAX_UNMATCHED * (len(matched) + len(result.unmatched))
    # measured: role accuracy 96.9%, speakers 98.5% (the misses: surnames the text never completes, "Anthony"
    # Albanese and "Subrahmanyam" Jaishankar; a passive "... were discussed"; an agreement or a planned meeting as
    # subject; "The US President" when nothing tells that the counterpart is American; a spokesman's framing
    # lines; "In his words, ..." after a third person; "she" for a woman never yet called so;
    # a co-host beside the principal)
    assert result.roles >= 0.96
    assert result.speakers >= 0.97
    assert result.unattributed < MAX_UNATTRIBUTED
    assert (matched["expected_role"] == "counterpart").sum() >= 200, "these readouts exist to test counterparts"
    assert_nothing_lost(more_styles)


def test_metadata_against_labels(more_styles):
    labels = pd.read_csv(LABELS / "more_styles_metadata.csv", keep_default_na=False, dtype=str)
    misses, total = metadata_misses(more_styles.documents, labels, METADATA_FIELDS)
    print("\n".join(misses))
    # measured: 347 of 360 fields (numeric dates with slashes or dashes not read, talks held in person labelled "meeting",
    # surnames the text never completes, a counterpart's country never stated, dates outside the opening)
    assert total - len(misses) >= 0.95 * total


def _attributed(*paragraphs: list[str], host: str, counterparts: list[str], counterpart_country: str = ""):
    """Attribution of one readout given as paragraphs of sentences, with the given principals."""
    texts = [text for paragraph in paragraphs for text in paragraph]
    sentences = pd.DataFrame({"doc_id": "d", "para_id": [p for p, paragraph in enumerate(paragraphs) for _ in paragraph],
                              "sent_id": range(len(texts)), "start": 0, "end": [len(t) for t in texts], "text": texts})
    documents = pd.DataFrame({"doc_id": ["d"], "host": [host], "host_title": ["President"], "counterparts": [counterparts],
                              "counterpart_title": [""], "counterpart_country": [counterpart_country],
                              "source_style": ["unknown"], "text": [" ".join(texts)]})
    return attribute_speakers(sentences, documents)


def test_a_name_between_commas_completes_a_title_but_a_list_does_not():
    out = _attributed(["Vice President Kamala Harris met with President Ferdinand Marcos Jr. and Prime Minister Fumio Kishida."],
                      ["The Ambassador to the European Union, Ailish Campbell, provided an update on the talks."],
                      ["The Vice President, President Marcos, and Prime Minister Kishida also discussed maritime security."],
                      host="Kamala Harris", counterparts=["Ferdinand Marcos Jr.", "Fumio Kishida"])
    assert list(out["role"]) == ["narrator", "other", "joint"]
    assert out["speaker"].iloc[1] == "Ailish Campbell"


def test_the_side_of_a_country_is_its_principal_even_in_a_joint_paragraph():
    out = _attributed(["Belarusian President Alexander Lukashenko spoke with Russian President Vladimir Putin."],
                      ["The presidents discussed gas supplies.", "The Russian side confirmed its readiness to continue them."],
                      host="Alexander Lukashenko", counterparts=["Vladimir Putin"], counterpart_country="Russia")
    assert list(out["role"]) == ["narrator", "joint", "counterpart"]
    assert out["speaker"].iloc[2] == "Vladimir Putin"


def test_a_speech_tag_after_the_words_credits_the_quotation_from_its_opening_mark():
    out = _attributed(["Prime Minister Chris Hipkins met Premier Li Qiang in Beijing today."],
                      ["“New Zealand and China have a mature relationship.",
                       "It is one in which we can speak frankly where we don't agree,” Mr Hipkins said."],
                      ["China is ready to deepen trade ties, the Premier said."],
                      host="Chris Hipkins", counterparts=["Li Qiang"], counterpart_country="China")
    assert list(out["role"]) == ["narrator", "host", "host", "counterpart"]
    assert list(out["speaker"])[1:] == ["Chris Hipkins", "Chris Hipkins", "Li Qiang"]


def test_she_after_a_man_called_he_is_the_other_principal():
    out = _attributed(["Prime Minister Lee Hsien Loong spoke with President of the European Commission Ursula von der Leyen today."],
                      ["PM Lee welcomed the progress of the digital partnership.", "He invited her to visit Singapore."],
                      ["She accepted the invitation and said she looked forward to the visit."],
                      host="Lee Hsien Loong", counterparts=["Ursula von der Leyen"])
    assert list(out["speaker"])[1:] == ["Lee Hsien Loong", "Lee Hsien Loong", "Ursula von der Leyen"]
