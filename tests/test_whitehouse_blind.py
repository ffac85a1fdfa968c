"""The blind sample of whole-corpus kinds (labels/NOTES.md, "Blind sample of whole-corpus kinds"): 48 White House
readouts drawn at random, 12 per kind (leader calls, foreign meetings, domestic convenings, statements and other),
every sentence's role and speaker and every document field labelled by reading, blind to the rules.

Measured before any rule was changed for the kinds it holds: 73.7% of 316 matched roles right (leader calls 100%,
foreign meetings 93.5%, domestic 47.9%, statements/other 68.2%), speakers' names 97.0%; metadata host 41/48,
counterpart 36/48, country 43/48, event type 41/48.

After general rules for speech that the text reports (a named subject speaks only with a reporting verb or when it
goes on with its paragraph's speaker; subordinate and participial openings and asides read for the main clause;
participant lists, plans and facts in the publisher's voice; groups speaking for their side, the invited side of a
convening as counterpart and the publisher's officials as host): 87.0% of roles (leader calls 100%, foreign meetings
96.1%, domestic 78.1%, statements/other 80.7%), speakers' names 98.0%; metadata host 41/48, counterpart 35/48 (the
corpus-level names pass now reads one group, "Quad Investor", as a counterpart), country 43/48, event type 41/48.
Then, general rules again, each with a test of its own in test_speakers.py or test_corpus_pass.py: where the house
reports speech in the past (the White House bundle's `reported_speech` setting), a sentence naming no speaker whose
first finite verb is in the present or future is the publisher's own statement; at a convening with no principal, the
publisher's officials (titles in the bundle's `publisher_offices.csv`, or people hosting its other readouts) speak for
its side, and the named members of the headline's group ("Governor X" at a "Meeting with Governors") for theirs; a
side that "discussed with" the other side's principal speaks with it; a trip's headline ("X's Travel to ...") names its host, and the foreign people met in the sentences after the
opening its counterparts; co-conveners name no single host; "Japan-U.S." and "Roe v." end no sentence:
96.2% of roles (leader calls 100%, foreign meetings 98.7%, domestic 92.7%, statements/other 95.5%), speakers' names
99.0%; metadata host 42/48, counterpart 38/48, country 44/48, event type 42/48. This sample now measures rules that
were changed while reading its misses: the figures a user should expect on new material are the "before" ones above
and those of samples not yet read (README).
The thresholds sit just below, so a change that loses ground fails."""
from __future__ import annotations

import pandas as pd
import pytest

from conftest import LABELS, labelled_metadata, needs_whitehouse
from test_speakers import match_labels, report, speaker_accuracy

ROLE_ACCURACY = 0.96
ROLE_ACCURACY_BY_KIND = {"leader_call": 0.99, "foreign_meeting": 0.98, "domestic": 0.92, "statement_or_other": 0.95}
SPEAKER_ACCURACY = 0.985
METADATA_AGREEMENT = {"host": 42, "counterpart": 38, "country": 44, "event_type": 42}
MAX_UNMATCHED = 30  # labels whose sentence the loader cuts otherwise (a participant list's lines, one sentence there)


@pytest.fixture(scope="module")
def blind(whitehouse):
    labels = pd.read_csv(LABELS / "whitehouse_blind_speakers.csv", keep_default_na=False)
    metadata = pd.read_csv(LABELS / "whitehouse_blind_metadata.csv", keep_default_na=False, dtype=str)
    matched, unmatched = match_labels(whitehouse, labels)
    matched["kind"] = matched["file"].map(dict(zip(metadata["file"], metadata["kind"])))
    return matched, unmatched, metadata


@needs_whitehouse
def test_roles_and_speakers_on_the_blind_sample(blind):
    matched, unmatched, _ = blind
    assert len(unmatched) <= MAX_UNMATCHED, unmatched[:5]
    accuracy, _ = report(matched, "blind White House sample")
    by_kind = (matched["role"] == matched["expected_role"]).groupby(matched["kind"]).mean()
    print(by_kind.to_string())
    assert accuracy >= ROLE_ACCURACY
    for kind, threshold in ROLE_ACCURACY_BY_KIND.items():
        assert by_kind[kind] >= threshold, kind
    assert speaker_accuracy(matched) >= SPEAKER_ACCURACY


@needs_whitehouse
def test_document_fields_on_the_blind_sample(whitehouse, blind):
    _, _, metadata = blind
    documents = whitehouse.documents.set_index("doc_id")
    agree = dict.fromkeys(METADATA_AGREEMENT, 0)
    for row in metadata.itertuples(index=False):
        found = labelled_metadata(documents.loc[row.file.rsplit(".", 1)[0]])
        for field in agree:
            agree[field] += found[field].lower() == getattr(row, field).lower()
    print(agree)
    for field, threshold in METADATA_AGREEMENT.items():
        assert agree[field] >= threshold, field
