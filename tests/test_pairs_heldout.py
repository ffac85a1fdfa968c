"""Held-out paired readouts (tests/pairs_heldout; labels/NOTES.md, "Held-out paired readouts"): 16 readouts written
for the tests in eleven house styles, four of them new to the pairs (the Turkish presidency, the Australian Prime
Minister, Brazil's Planalto, Canada's Prime Minister's Office), 7 events and 2 decoys, labelled by reading.

Measured before any rule was read from them (the loader and alignment as they stood): 4 of the 7 pairs found, no decoy
paired; alignment on the pairs found 17 right of 21 predicted, 24 labelled (precision 81.0%, recall 70.8%; 42.5% of
all 40 labelled matches); roles 82.3% of 141 sentences; metadata 69 of 80 fields.

The alignment's settings and features were then changed on the first thirteen pairs alone (tests/test_pairs.py,
without reading these), so its figures below are still held out: every pair found (the loader's rules now read
these styles), counting every matched row 30 right of 38 predicted (precision 78.9%, recall 75.0%), one to one 30 of
36 (83.3%, 75.0%). On pairs of styles the alignment was not built on, expect precision near 80%, not the 88-92% of
the pairs it was chosen on.

The loader's rules were then changed for what these readouts showed (so the figures below are no longer blind):
a principal named by office alone is the office-holder of the day (data/leaders.csv) and a publisher's country is
its web address's (data/country_domains.csv); a readout written in the principal's own voice ("Today I met with
...", "I raised ..."); a spokesperson's statement quoted whole ("A Downing Street spokesperson said:"); quotations
given to someone named before them ("Quotes attributable to ..."); a relative clause between the subject and its
verb; a name after a whole office in a "between" headline; "defended" and "mentioned" as reports: every pair found,
no decoy paired, roles 93.6%, metadata 77 of 80 (the three misses are one spelling, "Erdoğan" in the labels against
the aliases table's canonical "Recep Tayyip Erdogan", which the older label sets use)."""
from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest

from conftest import LABELS, metadata_misses
from helpers import align, find_pairs, load_corpus
from helpers.pairs import one_to_one
from test_pairs import _sent_ids
from test_speakers import scored

HELD_OUT = Path(__file__).resolve().parent / "pairs_heldout"


@pytest.fixture(scope="module")
def heldout():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_corpus(HELD_OUT, cache=False)


@pytest.fixture(scope="module")
def documents_labels():
    labels = pd.read_csv(LABELS / "pairs_heldout_documents.csv", keep_default_na=False, dtype=str)
    return labels.assign(doc_id=labels["file"].str.replace(r"\.md$", "", regex=True))


def test_every_held_out_pair_found_and_no_decoy_paired(heldout, documents_labels):
    expected = {tuple(sorted(g["doc_id"])) for _, g in documents_labels.groupby("event") if len(g) == 2}
    assert len(expected) == 7
    found = find_pairs(heldout)
    assert set(zip(found["doc_a"], found["doc_b"])) == expected


def test_alignment_on_the_held_out_pairs(heldout):
    sentences = pd.read_csv(LABELS / "pairs_heldout_sentences.csv", keep_default_na=False)
    ids = _sent_ids(heldout, sentences)
    gold = {(r.file_a[:-3], ids[(r.file_a, r.sent_a)], r.file_b[:-3], ids[(r.file_b, r.sent_b)])
            for r in pd.read_csv(LABELS / "pairs_heldout_alignment.csv", keep_default_na=False).itertuples(index=False)}
    every, one = set(), set()
    for pair in find_pairs(heldout).itertuples(index=False):
        aligned = align(heldout, pair.doc_a, pair.doc_b)
        both, kept = aligned[aligned["status"] == "both"], one_to_one(aligned)
        every |= {(pair.doc_a, int(a), pair.doc_b, int(b)) for a, b in zip(both["sent_a"], both["sent_b"])}
        one |= {(pair.doc_a, int(a), pair.doc_b, int(b)) for a, b in zip(kept["sent_a"], kept["sent_b"])}
    for name, predicted in (("every row", every), ("one to one", one)):
        hits = len(predicted & gold)
        print(f"{name}: {len(gold)} labelled, {len(predicted)} predicted, {hits} right: "
              f"precision {hits / len(predicted):.1%}, recall {hits / len(gold):.1%}")
    # measured (see the docstring): every row 30 of 38 (78.9%, 75.0%), one to one 30 of 36 (83.3%, 75.0%)
    assert len(every & gold) >= 30 and len(every & gold) / len(every) >= 0.789
    assert len(one & gold) >= 30 and len(one & gold) / len(one) >= 0.833


def test_roles_and_metadata_on_the_held_out_readouts(heldout, documents_labels):
    result = scored(heldout, "pairs_heldout_sentences.csv", "held-out pairs")
    assert not len(result.unmatched)
    assert result.roles >= 0.936  # measured 93.6% (82.3% before the rules were read from these readouts)
    misses, total = metadata_misses(heldout.documents, documents_labels, ["host", "counterpart", "country", "event_type", "date"],
                                    fold_case=True)
    print("\n".join(misses))
    assert total - len(misses) >= 77  # of 80 (69 before)
