"""Paired readouts (issue 17; tests/pairs, labels/NOTES.md "Paired readouts"): 32 readouts written for the tests, 13
events each told by two publishers plus 6 decoys, labelled blind to the rules.

Measured before any pairing code, on the loader as it was: roles 94.0% of 285 sentences, speakers 89.9% (misses: the
MOFA house style's "(1) ... Prime Minister Kishida" paragraphs read as `other`, the Belarusian quotations and "The
head of state" as narrator, one Élysée "President Putin said" credited to the host); metadata 147 of 160 fields (host
28/32, counterpart 29/32, country 29/32, event type 30/32, date 31/32: the Élysée's host read as Putin, MOFA's
"Mr. KISHIDA Fumio" and "the Honorable Joseph R. Biden, Jr." not read, a working dinner and a "Video Teleconference
Meeting" as `other`, the Kremlin's next-day readout dated by its publication). No publisher or event column existed.

After: every pair found and no decoy paired; publishers 32/32 from the headers and 32/32 from the source URLs alone;
roles and speakers unchanged (the pairing reads the loader's frames, it changes none).

Sentence alignment on the 73 labelled matches. First version (TF-IDF of stems, position prior, one-to-one assignment,
threshold chosen on these same pairs): precision 85.1%, recall 86.3%. Then: people's names left out of the terms
(who says a thing is the speaker's column; the accounts name the same two people throughout, in their own
spellings), every name of a country read as the country (countries table), hyphenated compounds split unless the
multi-word expressions table names them as one thing, and a matched sentence may also take an unmatched neighbour
of its partner when what it says beyond its partner is what the neighbour says (one sentence covering two): 89.3%
and 91.8% on the loader of that time, which cut MOFA's "Japan-U.S." into two sentences. On the mended loader (the
labelled sentences exactly) the same settings give 88.0% and 90.4% in-sample (66 right of 75 predicted), and
leave-one-pair-out cross-validation 86.3% and 86.3% (63 of 73): the folds no longer chose one setting.

Then: every word the event words table gives as the medium of the exchange ("telephone", "phone", "video",
"virtually") is read as the event type it names, as countries are, so that "met virtually" meets "Video
Teleconference Meeting"; and the position prior is a penalty for distance (the cosine less the weight times how far
apart the two places are) rather than a bonus for nearness, so that the threshold is the cosine a match needs at
the same place and does not move with the weight. In-sample (the setting of highest F1 on all thirteen pairs,
the module's constants): precision 89.3%, recall 91.8% (67 right of 75 predicted). Held out (leave-one-pair-out
cross-validation of the three settings, position weight, merge threshold and threshold, each fold taking the
setting of highest F1 on the other twelve pairs and scored on the thirteenth): precision 88.0%, recall 90.4% (66
right of 75 predicted). These held-out figures are the honest ones, and precision stays under 90%. The folds did
not all choose the same setting: every fold chose the threshold 0.14 and a merge threshold of 0.2 or 0.25, with a
position weight of 0.1 or 0.15. The choices of features (which words are left out or read under one name, the
medium, dates and numbers, titles, the similarity and its normalisation, the parametrisation of the position
prior) were compared on these same thirteen pairs, so even the held-out figures are somewhat optimistic: other
publishers' pairs may score lower.

Now: every name of a place in the place names table (data/place_names.csv: names that say the same place whoever
writes them, "Kiev" and "Kyiv", "Donbass" and "Donbas", "West Asia" and "the Middle East", "Arabian Gulf" and
"Persian Gulf", ...) is read as one term, as countries are. In-sample (the same constants, still the setting of
highest F1): precision 89.5%, recall 93.2% (68 right of 76 predicted; was 89.3%, 91.8%). Held out (the same
leave-one-pair-out cross-validation): precision 88.2%, recall 91.8% (67 right of 76; was 88.0%, 90.4%); the folds
chose the same three settings as before. Only "West Asia" changes a match here (MEA's "situation in West Asia" now
meets the Kremlin's "situation in the Middle East"), and that row was written knowing these pairs hold it (NOTES
names it), which the cross-validation cannot hold out: count its gain as in-sample. Precision stays under 90%.
Tried on these pairs and dropped, none helping held out: character n-grams of the stems (3 to 6 letters, alone or
mixed with the words' cosine: 82.9% to 88.7% precision held out), stems cut to 5 to 8 letters, BM25 weights and
idf, idf raised to a power, tf without the logarithm, British and American spellings read as one ("defence",
"emphasised", "organisation": no match changes), acronyms read as their organisations' names (none changes), a
mutual-best condition on the assignment (the merge step then takes the dropped sentence back), a penalty for
sentences credited to different speakers, a bonus for matched neighbours on the diagonal, leaving titles or
reporting verbs out of the terms, and a distance penalty that is not linear. Leaving tf without its logarithm
gives the same in-sample figures and 89.2%, 90.4% held out (66 of 74): a tie in F1, so the setting stays.

One to one: the labels align a sentence that covers two of the other side's with one of them, in every such case
the first (NOTES ambiguous decision 1), while `align` gives it a row with each, so that the second row counts wrong
whatever the alignment. `one_to_one` keeps, of such a sentence's two rows, the one with the first (a researcher
counting the facts both sides report counts each sentence once). Counted so, with the same constants: precision
91.9%, recall 93.2% (68 right of 74 predicted), in-sample and held out alike (every fold chose a position weight of
0.1, merge 0.2, threshold 0.14; the module's 0.15 ties with 0.1 on all thirteen). The two rows it leaves out are
exactly the two second halves counted wrong above (Taiwan, the meeting in Washington). The rule "the first of the
two" was read off the labels' convention, on two such sentences here, so it too is in-sample knowledge; the figures
counting every row stay the ones asserted first.

What is left (in-sample): facts told in other words with no shared term (the Red Cross's access to prisoners
against "humanitarian aspects ... captured servicemen"; "ready to continue the dialogue" against "prepared to
engage in diplomacy"; "political and diplomatic means" against "dialogue and diplomacy"; sanctions against "swift
and severe costs"), MOFA's "Biden welcomed these measures" whose partner is
lexically closer to the sentence before it ("Kishida explained the measures"); the other half of a sentence that
covers two, which the labels leave unaligned (NOTES ambiguous decision 1), counted wrong twice (Taiwan, the meeting
in Washington); a closing formula the labels keep apart ("agreed to meet in person" against "It was agreed to
continue contacts") and same-topic sentences of different substance sharing words (the "Franco-German Council of
Ministers" against "the December European Council", Germany's and the UK's support for Ukraine, defence
capabilities against defence spending, sanctions against de-escalation). The Kremlin's "Joseph Biden, for his part,
..." is read as narrator (labelled counterpart); the alignment does not need it."""
from __future__ import annotations

import random
import shutil
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from conftest import LABELS
from helpers import Corpus, align, find_pairs, load_corpus, pair_themes, publisher_credits, publisher_terms, publisher_themes
from helpers.pairs import MERGE_THRESHOLD, POSITION_WEIGHT, THRESHOLD, matches, one_to_one, pair_scores
from helpers.events import event_ids
from invariants import assert_nothing_lost
from test_speakers import normalise, scored

PAIRS = Path(__file__).resolve().parent / "pairs"


def _load(folder, **options):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_corpus(folder, cache=False, **options)


@pytest.fixture(scope="module")
def pairs():
    return _load(PAIRS)


@pytest.fixture(scope="module")
def documents_labels():
    labels = pd.read_csv(LABELS / "pairs_documents.csv", keep_default_na=False, dtype=str)
    return labels.assign(doc_id=labels["file"].str.replace(r"\.md$", "", regex=True))


def test_every_pair_found_and_no_decoy_paired(pairs, documents_labels):
    found = find_pairs(pairs)
    expected = {tuple(sorted(g["doc_id"])) for _, g in documents_labels.groupby("event") if len(g) == 2}
    assert len(expected) == 13
    assert set(zip(found["doc_a"], found["doc_b"])) == expected
    # the evidence: both principals shared, at most a day apart
    assert (found["principals"].str.count("; ") == 1).all()
    assert (found["days_apart"] <= 1).all()
    # event_id: the labelled events exactly (decoys alone)
    ids = pairs.documents.set_index("doc_id")["event_id"].astype(str)
    labelled = documents_labels.set_index("doc_id")["event"]
    assert ids.groupby(labelled.reindex(ids.index)).nunique().max() == 1
    assert labelled.reindex(ids.index).groupby(ids).nunique().max() == 1
    assert ids.nunique() == 19


def test_publisher_from_header_and_from_url(pairs, documents_labels, tmp_path):
    expected = documents_labels.set_index("doc_id")["publisher"]
    docs = pairs.documents.set_index("doc_id")
    assert (docs["publisher"].astype(str) == expected.reindex(docs.index)).all()
    # without the header field, the source URL tells the same publisher (data/publishers.csv)
    for path in PAIRS.glob("*.md"):
        lines = [line for line in path.read_text(encoding="utf-8").splitlines(keepends=True) if not line.startswith("publisher:")]
        (tmp_path / path.name).write_text("".join(lines), encoding="utf-8")
    bare = _load(tmp_path).documents.set_index("doc_id")
    assert (bare["publisher"].astype(str) == expected.reindex(bare.index)).all()


def test_publisher_by_folder_from_a_lexicon(tmp_path):
    """A researcher's table names the publisher of a folder from the files' paths."""
    (tmp_path / "corpus" / "belarus").mkdir(parents=True)
    source = PAIRS / "belarus_lukashenko_putin_2024-08-30.md"
    text = "".join(line for line in source.read_text(encoding="utf-8").splitlines(keepends=True)
                   if not line.startswith(("publisher:", "source_url:")))
    (tmp_path / "corpus" / "belarus" / "call.md").write_text(text, encoding="utf-8")
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "publishers.csv").write_text("publisher,field,pattern\nPresidency of Belarus,path,^belarus/\n")
    assert _load(tmp_path / "corpus").documents["publisher"].astype(str).tolist() == [""]
    loaded = _load(tmp_path / "corpus", lexicon=tmp_path / "rules")
    assert loaded.documents["publisher"].astype(str).tolist() == ["Presidency of Belarus"]


def test_event_id_stable_and_independent_of_file_order(pairs, tmp_path):
    first = pairs.documents.set_index("doc_id")["event_id"]
    again = _load(PAIRS).documents.set_index("doc_id")["event_id"]
    assert first.equals(again.reindex(first.index))
    # the same files under shuffled names, so that they are read in another order: the same events
    files = sorted(PAIRS.glob("*.md"))
    random.Random(17).shuffle(files)
    renamed = {}
    for n, path in enumerate(files):
        shutil.copy(path, tmp_path / f"{n:02d}.md")
        renamed[f"{n:02d}"] = path.stem
    shuffled = _load(tmp_path).documents
    groups = {frozenset(renamed[d] for d in g["doc_id"].astype(str)) for _, g in shuffled.groupby("event_id")}
    assert groups == {frozenset(g.index) for _, g in first.groupby(first)}
    # and the frame's own order does not matter either
    reordered = Corpus(pairs.documents.iloc[::-1].reset_index(drop=True), pairs.sentences, pairs.tokens, pairs.problems)
    assert event_ids(reordered).sort_index().equals(event_ids(pairs).sort_index())


def _sent_ids(corpus, labels: pd.DataFrame) -> dict[tuple[str, int], int]:
    """(file, labelled sent_index) -> the loaded sentence's sent_id, matched by its start as match_labels does."""
    by_doc = {str(d): f for d, f in corpus.sentences.groupby("doc_id", observed=True)}
    out = {}
    for label in labels.itertuples(index=False):
        start = normalise(label.sentence_start)
        found = [s.sent_id for s in by_doc[label.file[:-3]].itertuples(index=False)
                 if (n := min(len(normalise(s.text)), len(start))) >= 15 and normalise(s.text)[:n] == start[:n]]
        out[(label.file, label.sent_index)] = min(found, key=lambda s: abs(s - label.sent_index))
    return out


def _gold(corpus) -> set[tuple[str, int, str, int]]:
    """The labelled matches as (doc_a, sent_id, doc_b, sent_id) of the loaded sentences."""
    sentences = pd.read_csv(LABELS / "pairs_sentences.csv", keep_default_na=False)
    gold_rows = pd.read_csv(LABELS / "pairs_alignment.csv", keep_default_na=False)
    ids = _sent_ids(corpus, sentences)
    return {(r.file_a[:-3], ids[(r.file_a, r.sent_a)], r.file_b[:-3], ids[(r.file_b, r.sent_b)])
            for r in gold_rows.itertuples(index=False)}


def test_sentence_alignment_against_labels(pairs):
    gold = _gold(pairs)
    predicted, one = set(), set()
    for pair in find_pairs(pairs).itertuples(index=False):
        aligned = align(pairs, pair.doc_a, pair.doc_b)
        both = aligned[aligned["status"] == "both"]
        predicted |= {(pair.doc_a, int(a), pair.doc_b, int(b)) for a, b in zip(both["sent_a"], both["sent_b"])}
        kept = one_to_one(aligned)
        one |= {(pair.doc_a, int(a), pair.doc_b, int(b)) for a, b in zip(kept["sent_a"], kept["sent_b"])}
        for column, other in (("sent_a", "sent_b"), ("sent_b", "sent_a")):  # of two partners, the first is kept
            assert kept[column].is_unique
            for sent, group in both.groupby(column):
                assert kept.loc[kept[column] == sent, other].tolist() in ([], [group[other].min()])
        # every sentence of both sides, once unless it covers two consecutive sentences of the other side
        for column, doc in (("sent_a", pair.doc_a), ("sent_b", pair.doc_b)):
            assert sorted(set(aligned[column].dropna())) == sorted(pairs.sentences.loc[pairs.sentences["doc_id"] == doc, "sent_id"])
            assert aligned.loc[aligned["status"] != "both", column].dropna().is_unique
            other = "sent_b" if column == "sent_a" else "sent_a"
            for _, group in both.groupby(column):
                assert len(group) <= 2 and (len(group) == 1 or abs(int(group[other].iloc[0]) - int(group[other].iloc[1])) == 1)
            assert not (both[column].duplicated(keep=False) & both[other].duplicated(keep=False)).any()
    hits = len(predicted & gold)
    precision, recall = hits / len(predicted), hits / len(gold)
    print(f"alignment: {len(gold)} labelled matches, {len(predicted)} predicted, {hits} right: "
          f"precision {precision:.1%}, recall {recall:.1%}")
    for miss in sorted(gold - predicted):
        print("  missed", miss)
    for wrong in sorted(predicted - gold):
        print("  wrong ", wrong)
    # measured: precision 89.5%, recall 93.2% (68 of 76 predicted; before the place names table: 89.3%, 91.8%, 67 of
    # 75; before the medium and the distance penalty, on this loader: 88.0%, 90.4%; before the names, countries,
    # compounds and merges: 85.1%, 86.3%)
    assert precision >= 0.894
    assert recall >= 0.931
    # one to one, as the labels count (a sentence covering two aligned with the first of them): measured precision
    # 91.9%, recall 93.2% (68 of 74); the two rows left out are the two counted wrong above as the second half
    hits = len(one & gold)
    print(f"one to one: {len(one)} predicted, {hits} right: precision {hits / len(one):.1%}, recall {hits / len(gold):.1%}")
    assert one <= predicted and len(predicted - one) == 2
    assert hits / len(one) >= 0.918
    assert hits / len(gold) >= 0.931


# The grid the alignment's settings were chosen from: position weight, merge threshold (None: no merging), threshold
# (the cosine a match needs at the same place).
GRID = [(weight, merge, threshold) for weight in (0.0, 0.05, 0.1, 0.15, 0.2) for merge in (None, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4)
        for threshold in np.round(np.arange(0.05, 0.405, 0.01), 2)]


def test_alignment_settings_by_leave_one_pair_out(pairs):
    """Each setting of `align` chosen on twelve pairs (the one of highest F1 over their labelled matches) and scored
    on the thirteenth: the cross-validated (held-out) figures. The module's constants are the setting of highest F1
    on all thirteen; the folds do not all choose it (see the module docstring), so the held-out figures are what is
    checked. Twice: counting every matched row, and one to one (`one_to_one`, as the labels count), each counting
    choosing its own settings."""
    gold = _gold(pairs)
    found = find_pairs(pairs)
    scored = [(pair.doc_a, pair.doc_b, pair_scores(pairs, pair.doc_a, pair.doc_b)) for pair in found.itertuples(index=False)]
    counts = np.zeros((2, len(GRID), len(scored), 3), dtype=int)  # [every row, one to one]: right, predicted, labelled
    for p, (weight, merge, threshold) in enumerate(GRID):
        for k, (doc_a, doc_b, scores) in enumerate(scored):
            rows = [(i, j) for i, j, _ in matches(scores, threshold=threshold, position_weight=weight, merge_threshold=merge)]
            one = rows
            if len({i for i, _ in rows}) < len(rows) or len({j for _, j in rows}) < len(rows):  # a sentence covers two
                kept = one_to_one(pd.DataFrame(rows, columns=["sent_a", "sent_b"]).assign(status="both"))
                one = list(zip(kept["sent_a"], kept["sent_b"]))
            labelled = {g for g in gold if g[0] == doc_a}
            for c, kept in enumerate((rows, one)):
                predicted = {(doc_a, scores.sent_a[i], doc_b, scores.sent_b[j]) for i, j in kept}
                counts[c, p, k] = len(predicted & labelled), len(predicted), len(labelled)
    f1 = lambda c: 2 * c[..., 0] / np.maximum(c[..., 1] + c[..., 2], 1)
    figures = []
    for counting, name in zip(counts, ("every row", "one to one")):
        total = counting.sum(axis=1)
        held_out, chosen = np.zeros(3, dtype=int), set()
        for k in range(len(scored)):
            best = int(np.argmax(f1(total - counting[:, k])))
            chosen.add(GRID[best])
            held_out += counting[best, k]
        figures.append((held_out[0] / held_out[1], held_out[0] / held_out[2]))
        print(f"leave one pair out, {name}: {held_out[2]} labelled, {held_out[1]} predicted, {held_out[0]} right: "
              f"precision {figures[-1][0]:.1%}, recall {figures[-1][1]:.1%}; chosen {sorted(chosen, key=str)}")
    assert GRID[int(np.argmax(f1(counts[0].sum(axis=1))))] == (POSITION_WEIGHT, MERGE_THRESHOLD, THRESHOLD)
    # one to one, the module's constants tie with a position weight of 0.1 for the highest F1 on all thirteen pairs
    assert f1(counts[1].sum(axis=1))[GRID.index((POSITION_WEIGHT, MERGE_THRESHOLD, THRESHOLD))] == f1(counts[1].sum(axis=1)).max()
    (precision, recall), (precision_one, recall_one) = figures
    # measured: precision 88.2%, recall 91.8% held out (67 right of 76 predicted; in-sample 89.5%, 93.2%); before the
    # place names table: 88.0%, 90.4% (66 of 75); before the medium and the distance penalty, on this loader: 86.3%,
    # 86.3%
    assert precision >= 0.881
    assert recall >= 0.917
    # one to one: measured precision 91.9%, recall 93.2% held out (68 right of 74; every fold chose a position weight
    # of 0.1, merge 0.2, threshold 0.14), the same as in-sample
    assert precision_one >= 0.918
    assert recall_one >= 0.931


def test_other_names_of_a_place_are_one_term(tmp_path):
    """The place names table reads "West Asia" as "the Middle East" and "Kiev" as "Kyiv", as the countries table reads
    a country's names; a researcher's own table replaces or extends it."""
    folder = tmp_path / "readouts"
    folder.mkdir()
    (folder / "a.txt").write_text("Prime Minister Speaks with President\n\nThe leaders exchanged views on the situation "
                                  "in West Asia.\n\nThey regretted that Kiev suspended the dialogue.\n", encoding="utf-8")
    (folder / "b.txt").write_text("President Speaks with Prime Minister\n\nThe situation in the Middle East was also "
                                  "discussed.\n\nKyiv suspended the dialogue, they regretted.\n", encoding="utf-8")
    corpus = _load(folder)
    shipped = pair_scores(corpus, "a", "b")
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "place_names.csv").write_text("#! replace\nname,aliases\n", encoding="utf-8")
    without = pair_scores(corpus, "a", "b", lexicon=tmp_path / "rules")
    # the one word the two sentences then share ("situation", "suspended") against the place too
    assert shipped.lexical[0, 0] > without.lexical[0, 0] > 0
    assert shipped.lexical[1, 1] > without.lexical[1, 1] > 0
    (tmp_path / "rules" / "place_names.csv").write_text("name,aliases\nMiddle East,Near East\n", encoding="utf-8")
    (folder / "a.txt").write_text("Prime Minister Speaks with President\n\nThe leaders exchanged views on the situation "
                                  "in the Near East.\n", encoding="utf-8")
    (folder / "b.txt").write_text("President Speaks with Prime Minister\n\nThe situation in the Middle East was also "
                                  "discussed.\n", encoding="utf-8")
    corpus = _load(folder)
    assert pair_scores(corpus, "a", "b", lexicon=tmp_path / "rules").lexical[0, 0] > pair_scores(corpus, "a", "b").lexical[0, 0]


def test_roles_on_the_pairs(pairs):
    result = scored(pairs, "pairs_sentences.csv", "pairs")
    assert not result.unmatched, result.unmatched
    # measured: roles 94.0%, speakers 89.9% (before and after: the pairing changes no role)
    assert result.roles >= 0.93
    assert result.speakers >= 0.89
    assert_nothing_lost(pairs)


def test_pair_comparisons_have_their_counts(pairs):
    found = find_pairs(pairs)
    first = found.iloc[0]
    themes = pair_themes(pairs, first.doc_a, first.doc_b)
    assert set(themes["raised_by"]) <= {"both", "only_a", "only_b"}
    assert ((themes["raised_by"] == "only_a") == ((themes["n_a"] > 0) & (themes["n_b"] == 0))).all()
    publishers = set(found["publisher_a"]) | set(found["publisher_b"])
    terms = publisher_terms(pairs, pairs=found)
    assert set(terms["publisher"]) == publishers and (terms["n"] > 0).all()
    by_theme = publisher_themes(pairs, pairs=found)
    assert (by_theme["only_publisher"] + by_theme["only_partner"] + by_theme["both"] <= by_theme["pairs"]).all()
    credits = publisher_credits(pairs, pairs=found)
    assert credits.groupby("publisher")["share"].sum().round(2).eq(1).all()


def test_no_pair_in_the_seed(seed):
    assert find_pairs(seed).empty
    assert seed.documents["event_id"].notna().all() and seed.documents["event_id"].is_unique
    for frame in (publisher_terms(seed), publisher_themes(seed), publisher_credits(seed)):
        assert frame.empty
