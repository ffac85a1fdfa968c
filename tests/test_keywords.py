"""Keyword verbs: frequencies, n-grams, collocations (against NLTK), KWIC, TF-IDF (against scikit-learn)."""
from __future__ import annotations

import math
import re
from collections import Counter

import numpy as np
import pandas as pd
import pytest
from nltk.collocations import BigramAssocMeasures
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

from helpers import schema
from helpers.themes import tokens_for
from helpers.keywords import collocations, dispersion, frequencies, genre_stopwords, kwic, tfidf, with_metadata

def make_frames(rows: list[tuple]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Sentences and tokens frames from (doc_id, text, speaker, role[, verb]) rows, one sentence each,
    tokenized by the loader's own rules so is_stop/is_punct are the real ones."""
    records, offsets = [], Counter()
    for doc_id, text, speaker, role, *verb in rows:
        start = offsets[doc_id]
        records.append({"doc_id": doc_id, "para_id": 0, "sent_id": sum(r["doc_id"] == doc_id for r in records),
                        "start": start, "end": start + len(text), "text": text, "speaker": speaker,
                        "role": role, "verb": verb[0] if verb else ""})
        offsets[doc_id] = start + len(text) + 1
    sentences = schema.conform(pd.DataFrame(records), "sentences")
    return sentences, tokens_for(sentences)


ROWS = [
    ("d1", "Xi Jinping said that the two sides should boost Belt and Road cooperation.", "Xi Jinping", "host"),
    ("d1", "He also said cooperation on the pandemic, trade and climate is cooperative.", "Xi Jinping", "host"),
    ("d1", "Lukashenko said Belarus firmly opposes interference in China's internal affairs.", "Alexander Lukashenko", "counterpart"),
    ("d2", "The leaders discussed Belt and Road projects and pandemic response.", "", "joint"),
    ("d2", "Belarus and China will cooperate on trade, trade and trade.", "", "joint"),
]


@pytest.fixture(scope="module")
def frames():
    return make_frames(ROWS)


def kept_words(tokens: pd.DataFrame) -> list[str]:
    """Plain-Python reference for the default filter: no punctuation, no stop words, no genre stop words."""
    stops = set(ENGLISH_STOP_WORDS) | set(genre_stopwords())
    return [w for w in tokens["lower"] if re.search(r"\w", w) and w not in stops]


def test_frequencies_count_filtered_words_per_group(frames):
    _, tokens = frames
    counts = frequencies(tokens, by="doc_id")
    for doc_id, part in tokens.groupby("doc_id"):
        expected = Counter(kept_words(part))
        got = counts[counts["doc_id"] == doc_id].set_index("term")["n"].to_dict()
        assert got == dict(expected)
        words = sum(1 for w in part["token"] if re.search(r"\w", w))
        row = counts[(counts["doc_id"] == doc_id)].iloc[0]
        assert row["total"] == words
        assert row["per_1000"] == pytest.approx(1000 * row["n"] / words)
    assert counts.groupby("doc_id")["n"].apply(lambda s: s.is_monotonic_decreasing).all()


def test_stop_lists_are_switchable(frames):
    _, tokens = frames
    default = set(frequencies(tokens, by=None)["term"])
    assert "said" not in default and "the" not in default and "," not in default
    assert "said" in set(frequencies(tokens, by=None, genre_stop=False)["term"])
    assert "the" in set(frequencies(tokens, by=None, drop_stop=False)["term"])
    assert "," in set(frequencies(tokens, by=None, drop_punct=False)["term"])
    assert "trade" not in set(frequencies(tokens, by=None, extra_stop=["Trade"])["term"])


def test_ngrams_stay_inside_sentences_and_punctuation(frames):
    _, tokens = frames
    grams = frequencies(tokens, by=None, ngram=[2, 3])
    terms = dict(zip(grams["term"], grams["n"]))
    assert terms["belt and road"] == 2  # a stop word inside a phrase is kept
    assert "of the pandemic" not in terms and "the pandemic" not in terms  # none at either end
    assert "pandemic trade" not in terms  # a comma lies between them
    assert "cooperation lukashenko" not in terms and "cooperative lukashenko" not in terms  # sentence boundary
    assert "trade trade" not in terms and terms["trade and trade"] == 1  # "trade, trade and trade"
    assert set(grams["ngram"]) == {2, 3}


def test_frequencies_refuse_unknown_columns_and_handle_empty(frames):
    _, tokens = frames
    with pytest.raises(ValueError, match="counterpart_country"):
        frequencies(tokens, by="counterpart_country")
    with pytest.raises(ValueError, match="ngram"):
        frequencies(tokens, ngram=4)
    assert frequencies(tokens.iloc[0:0]).empty
    only_stops = tokens[tokens["is_stop"] | tokens["is_punct"]]
    empty = frequencies(only_stops, by="speaker")
    assert empty.empty and list(empty.columns) == ["speaker", "term", "ngram", "n", "total", "per_1000"]


def test_bigram_scores_equal_nltk_association_measures():
    text = ("trade deal talks on trade deal and climate deal talks . new trade deal talks "
            "on climate finance and trade deal")
    _, tokens = make_frames([("d", text, "", "joint")])
    got = collocations(tokens, min_freq=2, drop_stop=False, genre_stop=False).set_index("term")
    # Reference: NLTK's measures fed marginals counted here by plain Python, runs split at the period.
    runs = [run.split() for run in text.split(" . ")]
    words = [w for run in runs for w in run]
    unigrams = Counter(words)
    bigrams = Counter(pair for run in runs for pair in zip(run, run[1:]))
    measures = BigramAssocMeasures()
    expected = {f"{a} {b}": n for (a, b), n in bigrams.items() if n >= 2}
    assert set(got.index) == set(expected)
    for (a, b), n in bigrams.items():
        if n < 2:
            continue
        marginals = (n, (unigrams[a], unigrams[b]), len(words))
        assert got.loc[f"{a} {b}", "n"] == n
        assert got.loc[f"{a} {b}", "pmi"] == pytest.approx(measures.pmi(*marginals), abs=1e-12)
        assert got.loc[f"{a} {b}", "likelihood_ratio"] == pytest.approx(measures.likelihood_ratio(*marginals), abs=1e-9)
    assert "talks new" not in got.index  # the period ends a run


def test_collocations_filter_stop_word_edges_and_empty(frames):
    _, tokens = frames
    found = collocations(tokens, min_freq=2)
    assert "belt and" not in set(found["term"])  # ends in a stop word
    trigrams = collocations(tokens, n=3, min_freq=2)
    assert list(trigrams["term"]) == ["belt and road"]
    assert collocations(tokens, min_freq=50).empty
    assert collocations(tokens.iloc[0:0]).empty
    with pytest.raises(ValueError):
        collocations(tokens, n=4)


def test_kwic_words_globs_and_phrases(frames):
    _, tokens = frames
    word = kwic(tokens, "Belarus", window=2)
    assert list(word["doc_id"]) == ["d1", "d2"]
    assert word.iloc[0][["left", "match", "right"]].tolist() == ["Lukashenko said", "Belarus", "firmly opposes"]
    assert word.iloc[1]["left"] == "response." and word.iloc[1]["speaker"] == ""  # the window crosses sentences
    glob = kwic(tokens, "cooperat*", window=1)
    assert glob["match"].tolist() == ["cooperation", "cooperation", "cooperative", "cooperate"]
    phrase = kwic(tokens, "belt AND road", window=None)
    assert phrase["match"].tolist() == ["Belt and Road"] * 2
    first = phrase.iloc[0]
    assert first["left"] == "Xi Jinping said that the two sides should boost"
    assert first["right"] == "cooperation."
    assert first["speaker"] == "Xi Jinping" and first["role"] == "host"
    clitic = kwic(tokens, "China's", window=1)
    assert clitic["match"].tolist() == ["China's"] and clitic.iloc[0]["right"] == "internal"


def test_kwic_window_crosses_sentences_but_not_documents(frames):
    _, tokens = frames
    hit = kwic(tokens, "lukashenko", window=3).iloc[0]
    assert hit["left"] == "is cooperative."  # the previous sentence, same document
    last = kwic(tokens, "trade", window=3).iloc[-1]
    assert last["right"] == "."


def test_kwic_empty_cases(frames):
    _, tokens = frames
    none = kwic(tokens, "xinjiang")
    assert none.empty and {"doc_id", "sent_id", "speaker", "left", "match", "right"} <= set(none.columns)
    assert kwic(tokens.iloc[0:0], "trade").empty
    with pytest.raises(ValueError):
        kwic(tokens, "   ")
    with pytest.raises(ValueError):
        kwic(tokens, "trade", window=-1)


def test_tfidf_equals_scikit_learn(frames):
    _, tokens = frames
    texts = {doc_id: " ".join(kept_words(part)) for doc_id, part in tokens.groupby("doc_id")}
    for options in ({}, {"sublinear_tf": True, "smooth_idf": False}):
        reference = TfidfVectorizer(token_pattern=r"\S+", lowercase=False, **options)
        matrix = reference.fit_transform(list(texts.values())).toarray()
        expected = {(d, t): matrix[i, j] for i, d in enumerate(texts) for j, t in enumerate(reference.get_feature_names_out())
                    if matrix[i, j] > 0}
        got = tfidf(tokens, by="doc_id", **options)
        assert {(d, t): v for d, t, v in zip(got["doc_id"], got["term"], got["tfidf"])} == pytest.approx(expected)


def test_tfidf_by_group_and_single_unit(frames):
    _, tokens = frames
    by_role = tfidf(tokens, by="role")
    assert set(by_role["role"]) == {"host", "counterpart", "joint"}
    one = tfidf(tokens[tokens["doc_id"] == "d1"], by="doc_id")
    assert np.allclose(np.sqrt((one["tfidf"] ** 2).sum()), 1.0)  # one document: idf constant, rows L2-normalised
    with pytest.raises(ValueError):
        tfidf(tokens, by=[])
    with pytest.raises(ValueError):
        tfidf(tokens, ngram_range=(1, 2))
    assert tfidf(tokens.iloc[0:0]).empty


def test_dispersion_positions(frames):
    _, tokens = frames
    got = dispersion(tokens, ["trade", "belarus"])
    lower = list(tokens["lower"])
    for term in ("trade", "belarus"):
        assert got.loc[got["pattern"] == term, "offset"].tolist() == [i for i, w in enumerate(lower) if w == term]
    assert got["relative"].between(0, 1).all()
    assert dispersion(tokens, "xinjiang").empty


def test_with_metadata_adds_document_columns(seed):
    out = with_metadata(seed.sentences, seed, ["year", "counterpart_country"])
    assert len(out) == len(seed.sentences)
    assert set(out["year"]) == {2021} and set(out["counterpart_country"]) == {"Belarus"}
    with pytest.raises(ValueError):
        with_metadata(seed.sentences, seed, "no_such_column")


# --- the whole White House corpus ---------------------------------------------------------------

@pytest.fixture(scope="module")
def wh(whitehouse):
    tokens = whitehouse.tokens
    return {
        "tokens": tokens,
        "lower": tokens["lower"].tolist(),
        "frequencies": frequencies(tokens, by=None, ngram=[1, 2]),
        "collocations": collocations(tokens, min_freq=5),
        "kwic": kwic(tokens, "cooperat*", window=None),
        "tfidf": tfidf(tokens, by="doc_id"),
        "dispersion": dispersion(tokens, "ukraine"),
    }


def test_whitehouse_frequency_of_ukraine(wh):
    counts = wh["frequencies"].set_index("term")["n"]
    assert counts["ukraine"] == sum(w == "ukraine" for w in wh["lower"])


def test_whitehouse_bigram_count_and_score(wh):
    tokens = wh["tokens"]
    lower, sent, doc = wh["lower"], tokens["sent_id"].tolist(), tokens["doc_id"].tolist()
    pairs = sum(1 for i in range(len(lower) - 1)
                if lower[i] == "united" and lower[i + 1] == "states" and sent[i] == sent[i + 1] and doc[i] == doc[i + 1])
    row = wh["collocations"].set_index("term").loc["united states"]
    assert row["n"] == pairs
    words = sum(1 for w in lower if re.search(r"\w", w))
    expected = math.log2(pairs * words / (lower.count("united") * lower.count("states")))
    assert row["pmi"] == pytest.approx(expected)


def test_whitehouse_kwic_finds_every_cooperat_word(wh):
    assert len(wh["kwic"]) == sum(w.startswith("cooperat") for w in wh["lower"])
    assert (wh["kwic"]["match"].str.lower().str.startswith("cooperat")).all()


def test_whitehouse_tfidf_of_one_document_term(wh):
    table = wh["tfidf"]
    doc_id, term = table.iloc[0][["doc_id", "term"]]
    # sklearn's documented default: tf * (ln((1 + N) / (1 + df)) + 1), then each row L2-normalised.
    bags = frequencies(wh["tokens"], by="doc_id")
    n_docs = bags["doc_id"].nunique()
    df = bags.groupby("term")["doc_id"].nunique()
    mine = bags[bags["doc_id"] == doc_id].set_index("term")["n"]
    weights = {t: n * (math.log((1 + n_docs) / (1 + df[t])) + 1) for t, n in mine.items()}
    norm = math.sqrt(sum(v * v for v in weights.values()))
    assert table.iloc[0]["tfidf"] == pytest.approx(weights[term] / norm)


def test_whitehouse_dispersion_counts(wh):
    assert len(wh["dispersion"]) == sum(w == "ukraine" for w in wh["lower"])


def test_with_metadata_tells_diplomatic_readouts_from_the_rest():
    documents = pd.DataFrame({"doc_id": ["a", "b", "c", "d"], "counterparts": [["Fumio Kishida"], ["Gavin Newsom"], [], ["X"]],
                              "counterpart_country": ["Japan", "", "", "United States"],
                              "host_country": ["United States"] * 4})
    kinds = with_metadata(pd.DataFrame({"doc_id": ["a", "b", "c", "d"]}), documents, "exchange")["exchange"].tolist()
    assert kinds == ["diplomatic", "no foreign country", "no counterpart", "no foreign country"]
