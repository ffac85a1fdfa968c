"""The corpus API: Corpus.subset, the document-feature matrix (quanteda's dfm, as scipy.sparse), words within a
window of a chosen word with keyness inside against outside (quanteda's tokens_select(window=) and
textstat_keyness), and regions derived from the country -> region table."""
from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
import scipy.io
from scipy.stats import chi2_contingency
from sklearn.decomposition import NMF
from sklearn.feature_extraction.text import TfidfTransformer

from helpers.features import dfm, in_window, window_keyness
from helpers.frames import Corpus
from helpers.keywords import frequencies, with_metadata
from helpers.lexicon import default_lexicon
from test_keywords import make_frames


def small_corpus() -> Corpus:
    sentences, tokens = make_frames([
        ("d1", "Trade and security were raised with China.", "A", "host"),
        ("d2", "Climate was raised.", "B", "counterpart"),
        ("d3", "China and trade, China and climate.", "C", "host"),
    ])
    documents = pd.DataFrame({"doc_id": ["d1", "d2", "d3"], "counterpart_country": ["China", "France", ""],
                              "event_type": ["call", "meeting", "call"], "host": ["A", "B", "C"],
                              "counterparts": [["X"], ["Y"], []]})
    return Corpus(documents=documents, sentences=sentences, tokens=tokens)


def test_subset_by_column_values_function_and_query():
    corpus = small_corpus()
    calls = corpus.subset(event_type="call")
    assert list(calls.documents["doc_id"]) == ["d1", "d3"]
    assert set(calls.sentences["doc_id"]) == set(calls.tokens["doc_id"]) == {"d1", "d3"}
    foreign = corpus.subset("counterpart_country != '' and counterpart_country != 'United States'")
    assert list(foreign.documents["doc_id"]) == ["d1", "d2"]
    both = corpus.subset("counterpart_country != ''", event_type=["call"], host=lambda h: h.str.startswith("A"))
    assert list(both.documents["doc_id"]) == ["d1"]
    assert len(both.tokens) == (corpus.tokens["doc_id"] == "d1").sum()
    assert both.problems is corpus.problems
    with pytest.raises(ValueError, match="year"):
        corpus.subset(year=2021)


def test_subset_of_a_loaded_corpus_keeps_the_frames_consistent(seed):
    whole = seed.subset(doc_id=list(seed.documents["doc_id"]))
    pd.testing.assert_frame_equal(whole.tokens, seed.tokens)
    empty = seed.subset(doc_id="nothing")
    assert empty.documents.empty and empty.sentences.empty and empty.tokens.empty
    assert len(empty.tokens["doc_id"].cat.categories) == 0


def test_dfm_holds_what_frequencies_counts_and_feeds_scikit_learn(tmp_path):
    corpus = small_corpus()
    matrix = dfm(corpus)
    counts = frequencies(corpus, by="doc_id")
    assert matrix.shape == (3, counts["term"].nunique())
    assert list(matrix.docs["doc_id"]) == ["d1", "d2", "d3"]
    frame = matrix.to_frame()
    for doc_id, term, n in zip(counts["doc_id"], counts["term"], counts["n"]):
        assert frame.loc[doc_id, term] == n
    assert matrix.matrix.sum() == counts["n"].sum()
    TfidfTransformer().fit_transform(matrix.matrix)  # scikit-learn takes it as is
    NMF(n_components=2, init="nndsvda", random_state=0, max_iter=50).fit(matrix.matrix.astype(float))
    paths = matrix.save(tmp_path)
    back = scipy.io.mmread(paths["matrix"]).tocsr()
    assert (back != matrix.matrix).nnz == 0
    assert pd.read_csv(paths["columns"])["term"].tolist() == list(matrix.vocabulary)
    assert pd.read_csv(paths["rows"])["doc_id"].tolist() == ["d1", "d2", "d3"]
    by_role = dfm(corpus.tokens, by=["role", "speaker"], min_count=2)
    assert by_role.shape[0] == 3 and set(by_role.vocabulary) == {"china", "trade", "climate", "raised"}


def test_in_window_counts_words_within_a_document():
    _, tokens = make_frames([("d1", "a b c china d e f g h", "A", "host"), ("d2", "x y china", "B", "host")])
    side = in_window(tokens, "china", window=2).to_numpy()
    words = tokens["token"].tolist()
    got = dict(zip(zip(tokens["doc_id"], words), side))
    assert got[("d1", "china")] == "match"
    assert [got[("d1", w)] for w in "a b c d e f".split()] == ["outside", "inside", "inside", "inside", "inside", "outside"]
    assert got[("d2", "x")] == "inside"  # d1's window does not reach into d2


def test_window_keyness_is_keyness_inside_against_outside():
    corpus = small_corpus()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        out = window_keyness(corpus, "china", window=2, correction="none").set_index("term")
    side = in_window(corpus, "china", window=2)
    words = corpus.tokens.assign(side=side.to_numpy())
    words = words[~words["is_stop"] & ~words["is_punct"] & (words["side"] != "match")]
    inside, outside = words[words["side"] == "inside"], words[words["side"] == "outside"]
    for term, row in out.iterrows():
        a, b = (inside["lower"] == term).sum(), (outside["lower"] == term).sum()
        assert (row["n_target"], row["n_reference"]) == (a, b)
        table = np.array([[a, b], [len(inside) - a, len(outside) - b]])
        assert abs(row["chi2"]) == pytest.approx(chi2_contingency(table, correction=False)[0])


def test_whitehouse_words_around_china_are_no_pieces_of_place_names(whitehouse):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        plain = window_keyness(whitehouse, "china", window=5).head(5)["term"].tolist()
        joined = window_keyness(whitehouse, "china", window=5, compound=True, leave_out="all").head(10)["term"].tolist()
    assert {"sea", "republic"} <= set(plain)
    assert set(joined) & {"sea", "republic", "south", "people"} == set()


def test_every_country_has_a_region():
    lexicon = default_lexicon()
    countries = set(lexicon.table("countries")["country"])
    regions = lexicon.table("country_regions")
    assert set(regions["country"]) == countries
    assert set(regions["region"]) == {"Africa", "Americas", "Asia", "Europe", "Oceania"}
    corpus = small_corpus()
    placed = with_metadata(corpus.tokens, corpus, ["region", "subregion"]).drop_duplicates("doc_id")
    assert placed.set_index("doc_id")[["region", "subregion"]].to_dict("index") == {
        "d1": {"region": "Asia", "subregion": "Eastern Asia"},
        "d2": {"region": "Europe", "subregion": "Western Europe"},
        "d3": {"region": "", "subregion": ""}}
