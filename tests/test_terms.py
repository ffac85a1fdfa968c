"""Terms that carry meaning: abbreviations inside hyphenated compounds, multi-word expressions joined into one
term (as quanteda's tokens_compound), and the flags that leave names, countries and boilerplate out."""
from __future__ import annotations

import re

import numpy as np
import pytest

from helpers.keywords import frequencies
from helpers.lexicon import default_lexicon
from helpers.terms import compound, leave_out_mask, multiword_expressions, term_flags
from helpers.tokens import token_pattern
from test_keywords import make_frames


@pytest.mark.parametrize("text, expected", [
    ("China-U.S. relations", ["China-U.S.", "relations"]),
    ("the U.S.-China talks", ["the", "U.S.-China", "talks"]),
    ("an EU-U.S. summit", ["an", "EU-U.S.", "summit"]),
    ("the Indo-Pacific", ["the", "Indo-Pacific"]),
    ("the U.S.-led effort", ["the", "U.S.-led", "effort"]),
    ("the U.S. and the U.K.", ["the", "U.S.", "and", "the", "U.K."]),
    ("the U.S.- and EU-led", ["the", "U.S.", "-", "and", "EU-led"]),  # a dangling hyphen stays apart
])
def test_abbreviations_stay_whole_inside_compounds(text, expected):
    assert token_pattern(default_lexicon()).findall(text) == expected


def test_no_s_token_comes_from_us_in_the_shared_corpus(whitehouse):
    tokens, documents = whitehouse.tokens, whitehouse.documents
    texts = dict(zip(documents["doc_id"], documents["text"]))
    strays = [(d, texts[d][max(s - 8, 0):e + 3]) for d, s, e, t in
              zip(tokens["doc_id"], tokens["start"], tokens["end"], tokens["token"])
              if t in ("S", "s") and texts[d][max(s - 2, 0):s] in ("U.", "u.")]
    assert strays == []
    written = tokens["token"].astype(str)
    # every "-U.S." in the texts is the end of one token
    in_text = sum(len(re.findall(r"\w-U\.S\.", text)) for text in documents["text"])
    assert in_text > 0 and written.str.endswith("-U.S.").sum() == in_text
    assert not written.str.fullmatch(r".*-U").any()


def test_compound_joins_phrases_like_tokens_compound():
    _, tokens = make_frames([
        ("d1", "Both sides discussed the South China Sea and the Belt and Road Initiative.", "A", "host"),
        ("d1", "The People's Republic of China and the United States spoke.", "B", "counterpart"),
    ])
    joined = compound(tokens)
    assert "South_China_Sea" in set(joined["token"])
    assert "belt_and_road_initiative" in set(joined["lower"])  # the longest phrase at a token wins
    assert "people's_republic_of_china" in set(joined["lower"])
    assert "china" not in set(joined["lower"])  # "China" here is only ever part of a name
    assert (joined.groupby("doc_id")["token_id"].diff().dropna() == 1).all()  # ids run on for n-grams
    row = joined[joined["token"] == "South_China_Sea"].iloc[0]
    original = tokens[tokens["token"] == "South"].iloc[0]
    assert (row["start"], row["is_stop"]) == (original["start"], False)
    assert row["end"] == tokens[tokens["token"] == "Sea"].iloc[0]["end"]
    counts = frequencies(tokens, by=None, compound=True).set_index("term")
    assert counts.loc["south_china_sea", "n"] == 1 and "sea" not in counts.index
    assert "belt_and_road_initiative" in counts.index  # "and" inside a compound is no stop word any more
    # own phrases, another concatenator
    assert "South China Sea" in set(compound(tokens, ["south china sea"], concatenator=" ")["token"])


def test_multiword_expressions_table_has_the_issue_phrases():
    phrases = set(multiword_expressions())
    assert {"South China Sea", "People's Republic of China", "Belt and Road", "United States", "Indo-Pacific"} <= phrases


def test_flags_for_names_countries_and_boilerplate():
    _, tokens = make_frames([
        ("d1", "President Biden spoke with Prime Minister Kishida of Japan about rice and the US.", "Joe Biden", "host"),
        ("d1", "Fumio Kishida thanked us and the White House for the call.", "Fumio Kishida", "counterpart"),
    ])
    flags = term_flags(tokens).assign(token=tokens["token"].to_numpy())
    marked = {kind: set(flags.loc[flags[kind], "token"]) for kind in ("is_name", "is_country", "is_boilerplate")}
    assert {"Biden", "Kishida", "Fumio"} <= marked["is_name"] and "rice" not in marked["is_name"]
    assert {"Japan", "US"} <= marked["is_country"] and "us" not in marked["is_country"]  # case decides
    assert {"President", "Prime", "Minister", "White", "House", "spoke"} <= marked["is_boilerplate"]
    kept = set(frequencies(tokens, by=None, leave_out="all")["term"])
    assert kept & {"biden", "kishida", "japan", "president", "white"} == set()
    assert {"rice", "thanked"} <= kept
    with pytest.raises(ValueError, match="leave_out"):
        leave_out_mask(tokens, "places")
    assert not leave_out_mask(tokens, ()).any()


def test_a_middle_initial_and_names_joined_by_a_hyphen_are_names():
    """Fails before initials between two words of a name, and names joined by a hyphen, were flagged: "r" (of "Joseph
    R. Biden") and "biden-harris" stood among the shared report's topic words with names left out; a capital letter
    elsewhere ("Plan A.") stays a word, and so does a name's compound with a common word ("Biden-era")."""
    _, tokens = make_frames([("d1", "President Joseph R. Biden, Jr. spoke with the Prime Minister about Plan A. Biden "
                                    "stressed the alliance.", "Joe Biden", "host")])
    flags = term_flags(tokens).assign(token=tokens["token"].to_numpy())
    assert flags.loc[flags["token"] == "R", "is_name"].all()
    assert not flags.loc[flags["token"] == "A", "is_name"].any()
    assert "r" not in set(frequencies(tokens, by=None, leave_out="names")["term"])
    # names joined by a hyphen are names too ("biden-harris" stood among the same topic words)
    _, tokens = make_frames([("d1", "The Biden-Harris Administration and Biden-era policy.", "Kamala Harris", "host"),
                             ("d1", "President Biden spoke.", "Joe Biden", "host")])
    flags = term_flags(tokens).assign(token=tokens["token"].to_numpy())
    assert flags.loc[flags["token"] == "Biden-Harris", "is_name"].all()
    assert not flags.loc[flags["token"] == "Biden-era", "is_name"].any()


def test_whitehouse_top_terms_without_names_and_boilerplate(whitehouse):
    plain = frequencies(whitehouse, by=None).head(10)["term"].tolist()
    cleaned = frequencies(whitehouse, by=None, leave_out="all", compound=True)
    top = cleaned.head(30)["term"].tolist()
    assert {"president", "biden"} <= set(plain)
    assert set(top) & {"president", "biden", "discussed", "leaders", "u.s.", "administration", "mr", "director",
                       "white", "senior", "ogvp", "jake", "finer", "united_states"} == set()
    assert np.isin(["south", "sea", "republic"], cleaned["term"]).sum() <= 3  # still counted when not in a phrase
