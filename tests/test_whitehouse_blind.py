"""The blind samples of whole-corpus kinds (the second, drawn after the first had been read, is described at SAMPLES).

The first (labels/NOTES.md, "Blind sample of whole-corpus kinds"): 48 White House
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
were changed while reading its misses (then also listening verbs, "heard about", as the listener's side's part,
and "continued to discuss": 96.5%; then a sentence opening with a conjunction has its subject after it, "Kenya has
received ..." is no report: 97.2%; the foreign host of an event the principal joined, "hosted by ...", is the
counterpart: fields counterpart 40, country 46 of 48; "Readout by NSC Spokesperson of the ...'s Meeting" names the
principal: host 43; then the objects of a second framing verb ("traveled to Colombia and met with ..."), ranks and
descriptions before a title ("1st Vice Foreign Minister", "his national security advisor counterparts Akiba Takeo of
Japan"), the people met on a trip in any later paragraph, and a name before an institution's word as no person ("Quad
Investor Network"): counterpart 43, country 48 of 48; then two of the publisher's side as the subject are
co-conveners, no single host ("Director X and Deputy Assistant Y convened ...", "the President and Vice President
met ..."), a passive aside ("joined by ...") is neither subject nor object, words describing a group met ("Asian
American, Native Hawaiian, and Pacific Islander leaders") are no people, "moderated a discussion with" and "dropped by
a meeting with" frame: host 45, counterpart 44, event type 43 of 48; then a headline naming two of one side
("the President and Vice President's Meeting with ... Leaders", "Advisor X and Director Y Meeting with Cabinet
Members") names no single host unless it names a titled or foreign counterpart, a list of conveners without the comma
before "and", "Leader" a title: host 47, event type 44 of 48): the figures a user should expect on new material are
the "before" ones above and those of samples not yet read (README). Fields are counted twice: spelled as the label
spells them (case aside), and as the labelled person however spelled (`conftest.same_person`: the corpus gives one
canonical name per person, which may be fuller than the label's or keep the text's spelling without the label's
accents): counterpart 44 of 48 spelled alike, 46 the same person ("Nana Addo Dankwa Akufo-Addo" for the label's "Nana
Akufo-Addo", the text's "Ivan Duque" for "Iván Duque"); host 47 either way.
The thresholds sit just below, so a change that loses ground fails."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import pytest

from conftest import LABELS, labelled_metadata, needs_whitehouse, same_person
from test_speakers import match_labels, report, speaker_accuracy

@dataclass(frozen=True)
class Bar:
    """What a blind sample must keep: the figures measured on it, less a rounding."""

    roles: float
    roles_by_kind: dict[str, float]
    speakers: float
    fields: dict[str, int]  # readouts whose field agrees with the label, spelled alike (case aside)
    people: dict[str, int]  # readouts whose host or counterpart is the labelled person, however spelled (`same_person`)
    max_unmatched: int      # labels whose sentence the loader cuts otherwise (a participant list's lines, one there)


SAMPLES = {
    "whitehouse_blind": Bar(0.97, {"leader_call": 0.99, "foreign_meeting": 0.99, "domestic": 0.93, "statement_or_other": 0.95},
                            0.985, {"host": 47, "counterpart": 44, "country": 48, "event_type": 44}, {"host": 47, "counterpart": 46}, 30),
    # the second sample (labels/NOTES.md, "Second blind sample of whole-corpus kinds"), 24 readouts, 143 sentences:
    # before any rule was read from it 87.6% of roles (leader calls 96.0%, foreign meetings 100%, domestic 78.3%,
    # statements/other 82.9%), speakers 89.3%, fields host 21, counterpart 16, country 19, event type 21 of 24;
    # after "all participants" (joint) and the White House's government, cabinet and federal officials (host):
    # 91.2% (domestic 89.1%), the rest unchanged; after people met on a trip take the country its headline names
    # (heads and ministers only): counterpart 18, country 21, event type 22 of 24; after a country's group speaks
    # for it ("U.S. and Mexican officials": joint) and a list's last item is no single host: 94.2% (statements and
    # other 94.3%); after directives ("The President has directed his team to ...") report: 94.9% (leader calls
    # 100%), speakers 92.9%
    "whitehouse_blind2": Bar(0.945, {"leader_call": 0.99, "foreign_meeting": 0.99, "domestic": 0.89, "statement_or_other": 0.94},
                             0.92, {"host": 21, "counterpart": 18, "country": 21, "event_type": 22}, {"host": 21, "counterpart": 19}, 8),
    # the third (labels/NOTES.md, "Third blind sample of whole-corpus kinds"), 24 readouts, 211 sentences, drawn after
    # the first two had been read: before any rule was read from it, 90.8% of 173 matched roles (leader calls 100%,
    # foreign meetings 94.9%, domestic 82.0%, statements/other 91.9%), speakers 89.3%, fields host 20, counterpart
    # 18, country 22, event type 20 of 24; 38 labels are lines of participant lists the loader cuts otherwise. After
    # the White House's directors at its own convenings (host), "lauded" and "directed" as reports: 94.2% (foreign
    # meetings 97.4%, domestic 90.2%), speakers 92.9%, fields unchanged; after the publisher's principal hosts where a
    # readout names it as counterpart and spellings keep their accents: host 22, counterpart 20, country 23 of 24
    "whitehouse_blind3": Bar(0.94, {"leader_call": 0.99, "foreign_meeting": 0.97, "domestic": 0.90, "statement_or_other": 0.91},
                             0.92, {"host": 22, "counterpart": 20, "country": 23, "event_type": 20}, {"host": 22, "counterpart": 21}, 40),
    # the fourth (labels/NOTES.md, "Fourth blind sample of whole-corpus kinds"), 24 readouts, 194 sentences, drawn after
    # the first three had been read: measured before any rule was read from it: 93.8% of 129
    # matched roles (leader calls 96.7%, foreign meetings 96.0%, domestic 85.4%, statements/other 100%), speakers 93.9%,
    # fields host 22, counterpart 18, country 20, event type 24 of 24; 65 labels are lines of participant lists. Then
    # (read from its misses, so no longer blind for these) "traveled to X to meet with", a list after a colon and a
    # group in the headline named in the sentences after: counterpart 20 (22 the same person however spelled: the
    # text's "Cağatay Kiliç" for the label's "Çağatay Kılıç", "Khalid bin Salman Al Saud" for its fuller name), country 22
    "whitehouse_blind4": Bar(0.945, {"leader_call": 0.96, "foreign_meeting": 0.96, "domestic": 0.87, "statement_or_other": 0.99},
                             0.939, {"host": 23, "counterpart": 20, "country": 23, "event_type": 24}, {"host": 23, "counterpart": 22}, 65),
    # the fifth (labels/NOTES.md, "Fifth blind sample of whole-corpus kinds"), 24 readouts, 201 sentences, drawn after
    # the first four had been read: measured before any rule was read from it: 89.2% of 167 matched roles (leader
    # calls 100%, foreign meetings 100%, domestic 78.1%, statements/other 90.9%), speakers 97.7%, fields host 22,
    # counterpart 16 (19 the same person however spelled), country 21, event type 23 of 24; 34 labels are lines of
    # participant lists. Then (read from its misses, so no longer blind for these) the publisher's leader recalled at a
    # convening they take no part in is another person ("Earlier this year, the President proposed ..."; a later
    # sentence frames only with someone met), activists, industry and presidents of universities as groups, the
    # meeting's participants and two vice presidents as both sides, a member of Congress by title: 95.2% (domestic
    # 89.1%, statements/other 97.7%); the one person among bodies convening hosts ("Vice President Harris, the Office
    # of ... and the Office of ... convened"), and an aside after the subject ("X, as well as other senior officials
    # ..., met with") leaves X the host: host 24 of 24; an adviser "to the Prime Minister of the Czech Republic" takes
    # that country: country 22. The fourth sample, not read for these, rose to 94.6% of roles (domestic 87.8%), host
    # 23 and country 23 of 24
    "whitehouse_blind5": Bar(0.951, {"leader_call": 0.99, "foreign_meeting": 0.99, "domestic": 0.89, "statement_or_other": 0.97},
                             0.977, {"host": 24, "counterpart": 16, "country": 22, "event_type": 23}, {"host": 24, "counterpart": 19}, 34),
    # the sixth (labels/NOTES.md, "Sixth blind sample of whole-corpus kinds"), 24 readouts, 269 sentences, drawn after
    # the first five had been read and the rules mended from them: measured before any rule was read from it: 91.8% of
    # 184 matched roles (leader calls 100%, foreign meetings 100%, domestic 92.2%, statements/other 79.6%), speakers
    # 92.5%, fields host 21, counterpart 21 (22 the same person however spelled), country 20, event type 22 of 24; 85
    # labels are lines of participant lists. Then (read from its misses): officials of other countries named beside the
    # subject, in an aside ("X, together with Finance Minister of Ukraine, Y, ..., co-chaired") or a list of titled
    # subjects ("A, B of Japan, and C of the Philippines held a trilateral phone call"), are its guests; "co-chaired"
    # and "co-hosted" frame: 92.4% of roles (statements/other 81.6%), speakers 94.3%, host 22, counterpart 23 (24),
    # country 22, event type 23 of 24; "Across" and "Among" open a lead-in ("Across these engagements, the United
    # States reiterated ..."): 92.9% (statements/other 83.7%)
    "whitehouse_blind6": Bar(0.928, {"leader_call": 0.99, "foreign_meeting": 0.99, "domestic": 0.92, "statement_or_other": 0.83},
                             0.943, {"host": 22, "counterpart": 23, "country": 22, "event_type": 23}, {"host": 22, "counterpart": 24}, 85),
}


@pytest.fixture(scope="module", params=sorted(SAMPLES))
def blind(request, whitehouse):
    labels = pd.read_csv(LABELS / f"{request.param}_speakers.csv", keep_default_na=False)
    metadata = pd.read_csv(LABELS / f"{request.param}_metadata.csv", keep_default_na=False, dtype=str)
    matched, unmatched = match_labels(whitehouse, labels)
    matched["kind"] = matched["file"].map(dict(zip(metadata["file"], metadata["kind"])))
    return SAMPLES[request.param], matched, unmatched, metadata


@needs_whitehouse
def test_roles_and_speakers_on_the_blind_samples(blind):
    bar, matched, unmatched, _ = blind
    assert len(unmatched) <= bar.max_unmatched, unmatched[:5]
    accuracy, _ = report(matched, "blind White House sample")
    by_kind = (matched["role"] == matched["expected_role"]).groupby(matched["kind"]).mean()
    print(by_kind.to_string())
    assert accuracy >= bar.roles
    for kind, threshold in bar.roles_by_kind.items():
        assert by_kind[kind] >= threshold, kind
    assert speaker_accuracy(matched) >= bar.speakers


@needs_whitehouse
def test_document_fields_on_the_blind_samples(whitehouse, blind):
    bar, _, _, metadata = blind
    documents = whitehouse.documents.set_index("doc_id")
    agree, people = dict.fromkeys(bar.fields, 0), dict.fromkeys(bar.people, 0)
    for row in metadata.itertuples(index=False):
        found = labelled_metadata(documents.loc[row.file.rsplit(".", 1)[0]])
        for field in agree:
            agree[field] += found[field].lower() == getattr(row, field).lower()
        for field in people:
            people[field] += same_person(found[field], getattr(row, field))
    print(agree, people)
    for field, threshold in bar.fields.items():
        assert agree[field] >= threshold, field
    for field, threshold in bar.people.items():
        assert people[field] >= threshold, field


def test_same_person_tells_spellings_apart_from_people():
    assert same_person("Ivan Duque", "Iván Duque") and same_person("Nana Addo Dankwa Akufo-Addo", "Nana Akufo-Addo")
    assert same_person("Akif Cağatay Kiliç", "Akif Çağatay Kılıç")
    assert same_person("Khalid bin Salman Al Saud", "Khalid bin Salman bin Abdulaziz Al-Saud")
    assert same_person("", "")
    assert not same_person("Joe Biden", "Jill Biden") and not same_person("Joe Biden", "")
    assert not same_person("Hunter Biden", "Joe Biden") and not same_person("Xi Jinping", "Li Qiang")
