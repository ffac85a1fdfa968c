"""helpers.audit: the corpus-level quality indicators."""
from __future__ import annotations

import helpers
from conftest import needs_whitehouse
from helpers.audit import COLUMNS


def _indicators(frame):
    return dict(zip(frame["indicator"], zip(frame["value"], frame["count"])))


def test_audit_of_the_seed_is_tidy(seed):
    frame = helpers.audit(seed)
    assert list(frame.columns) == COLUMNS
    assert frame["meaning"].str.len().gt(20).all()
    shares = frame[frame["indicator"].str.startswith("sentences: ")]
    assert abs(shares["value"].sum() - 1) < 1e-9 and shares["count"].sum() == len(seed.sentences)
    assert "near-duplicates set aside" in set(frame["indicator"])


def test_audit_is_the_verb_whichever_way_it_is_imported(seed):
    from helpers import audit
    import helpers.audit as module
    assert audit(seed).equals(module(seed))


@needs_whitehouse
def test_audit_of_the_shared_corpus(whitehouse):
    found = _indicators(helpers.audit(whitehouse))
    assert found["names that look like no person"][1] == 0
    assert found["near-duplicates set aside"][1] == 0
    assert found["exact duplicates set aside"][1] == 2
    assert 0 < found["documents without counterpart"][0] < 1
    assert found["documents without host country"][0] < 0.01
