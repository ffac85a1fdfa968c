"""Theme dictionary, sentence coding, theme shares and NMF topics."""
from __future__ import annotations

import re
from collections import Counter

import pandas as pd
import pytest
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from helpers.keywords import genre_stopwords
from helpers.themes import code_themes, load_dictionary, theme_shares, topics
from test_keywords import make_frames

ISSUE_THEMES = ["pandemic and health", "economy and trade", "infrastructure and connectivity",
                "development and humanitarian aid", "security and defence", "sovereignty and territorial integrity",
                "multilateralism and international order", "climate and energy", "science and technology",
                "culture and people-to-people exchange", "human rights and democracy", "migration", "regional conflicts",
                "core interests"]


def test_dictionary_ships_general_themes_and_a_genre_set():
    dictionary = load_dictionary()
    assert list(dictionary) == ISSUE_THEMES
    assert {"taiwan", "hong kong", "xinjiang"} <= set(dictionary["core interests"])
    assert {"external interference", "territorial integrity"} <= set(dictionary["sovereignty and territorial integrity"])
    assert "belt and road" in dictionary["infrastructure and connectivity"]
    assert "ukraine" in dictionary["regional conflicts"] and "middle east" in dictionary.weak["regional conflicts"]
    assert dictionary.sets["core interests"] == "china" and dictionary.sets["economy and trade"] == "general"
    assert "core interests" not in load_dictionary(sets="general")
    assert list(load_dictionary(sets=["china"])) == ["core interests"]
    with pytest.raises(ValueError, match="no theme is in set"):
        load_dictionary(sets="kremlin")


def test_exclusions_cancel_the_matches_they_overlap():
    _, tokens = make_frames([
        ("d1", "They discussed the climate crisis and the 988 crisis line.", "A", "host"),
        ("d1", "They discussed the crisis in the region.", "A", "host"),
        ("d1", "They discussed energy independence and Ukraine's independence.", "A", "host"),
    ])
    dictionary = {"regional conflicts": {"patterns": ["crisis"], "exclude": ["climate crisis", "crisis line"]},
                  "sovereignty": {"patterns": ["independence"], "exclude": ["energy independence"]},
                  "climate": ["climate"]}  # the earlier short form still works beside the long one
    coded = code_themes(tokens, dictionary)
    conflicts = coded[coded["theme"] == "regional conflicts"]
    assert list(conflicts["sent_id"]) == [1]
    sovereignty = coded[coded["theme"] == "sovereignty"]
    assert list(sovereignty["n"]) == [1] and sovereignty["matches"].iloc[0] == "independence"
    assert list(coded.loc[coded["theme"] == "climate", "sent_id"]) == [0]  # an exclusion is the theme's own


def test_shipped_exclusions_hold_on_the_issue_examples():
    _, tokens = make_frames([
        ("d1", "They addressed the climate crisis.", "A", "host"),
        ("d1", "They praised the 988 Suicide and Crisis Lifeline and the crisis line.", "A", "host"),
        ("d1", "They spoke of American energy independence.", "A", "host"),
        ("d1", "National Security Advisor Jake Sullivan joined.", "A", "host"),
    ])
    coded = code_themes(tokens)
    assert set(coded.loc[coded["theme"] == "regional conflicts", "sent_id"]) == set()
    assert set(coded.loc[coded["theme"] == "sovereignty and territorial integrity", "sent_id"]) == set()
    assert set(coded.loc[coded["theme"] == "security and defence", "sent_id"]) == set()


def test_matches_inside_names_do_not_count():
    # office, body and law names, venues and countries' formal names (data/name_words.csv, venue_lead_ins.csv,
    # countries.csv); the same words outside a name, or a pattern written for the name, still count
    _, tokens = make_frames([
        ("d1", "Secretary of Energy Jennifer Granholm joined.", "A", "host"),
        ("d1", "They discussed clean energy.", "A", "host"),
        ("d1", "He met President Erdogan on the margins of the G20 Summit.", "A", "host"),
        ("d1", "The G20 agreed on debt relief.", "A", "host"),
        ("d1", "They condemned the Democratic People's Republic of Korea's missile launches.", "A", "host"),
        ("d1", "They praised the Bipartisan Infrastructure Law.", "A", "host"),
        ("d1", "They discussed reform of the UN Security Council.", "A", "host"),
        ("d1", "Administrator of the Small Business Administration", "A", "host"),
    ])
    coded = code_themes(tokens)
    by_theme = coded.groupby("theme")["sent_id"].apply(set)
    assert by_theme["climate and energy"] == {1}
    assert by_theme["multilateralism and international order"] == {3, 6}
    assert 4 not in by_theme.get("human rights and democracy", set())
    assert 5 not in by_theme.get("infrastructure and connectivity", set())
    assert 7 not in by_theme.get("economy and trade", set())
    assert 0 in set(code_themes(tokens, names=False).query("theme == 'climate and energy'")["sent_id"])


def test_organisations_lines_of_names_and_dating_events_do_not_count():
    # organisation heads (name_words.csv), a participant line, venues with ordinals and "to" inside them, an event that
    # dates the meeting (venue_lead_ins.csv); the same words as a topic still count
    _, tokens = make_frames([
        ("d1", "They met leaders of the Human Rights Campaign.", "A", "host"),
        ("d1", "Jane Doe, President and CEO, NYC Health + Hospitals", "A", "host"),
        ("d1", "They met on the margins of the 27th United Nations Climate Change Conference (COP 27) in Egypt.", "A", "host"),
        ("d1", "They met on the sidelines of the 28th Conference of the Parties to the UN Framework Convention on Climate Change.", "A", "host"),
        ("d1", "The meeting follows the COP26 U.N. Climate Change Conference.", "A", "host"),
        ("d1", "They discussed human rights and the United Nations.", "A", "host"),
        ("d1", "They discussed vaccines for the pandemic.", "A", "host"),
    ])
    by_theme = code_themes(tokens).groupby("theme")["sent_id"].apply(set)
    assert by_theme["human rights and democracy"] == {5}
    assert by_theme["pandemic and health"] == {6}
    assert by_theme["multilateralism and international order"] == {5}


def test_loose_uses_are_excluded():
    _, tokens = make_frames([
        ("d1", "Fees are below pre-pandemic levels.", "A", "host"),
        ("d1", "Deliveries are faster than before the pandemic.", "A", "host"),
        ("d1", "They agreed to cooperate bilaterally and multilaterally on health.", "A", "host"),
        ("d1", "They reaffirmed Israel's right to defend itself in line with international law.", "A", "host"),
        ("d1", "They praised the resettlement infrastructure.", "A", "host"),
        ("d1", "They promoted inclusive workforce cultures.", "A", "host"),
        ("d1", "Child care is free below 400% of the federal poverty level.", "A", "host"),
        ("d1", "The national security advisors met.", "A", "host"),
        ("d1", "They stressed the importance of multilateralism and international law.", "A", "host"),
        ("d1", "They discussed the pandemic and new infrastructure.", "A", "host"),
    ])
    by_theme = code_themes(tokens).groupby("theme")["sent_id"].apply(set)
    assert by_theme["pandemic and health"] == {2, 9}  # "health" in sentence 2
    assert by_theme["infrastructure and connectivity"] == {9}
    assert by_theme["multilateralism and international order"] == {8}
    for theme in ("culture and people-to-people exchange", "development and humanitarian aid", "security and defence"):
        assert theme not in by_theme


def test_weak_patterns_count_only_beside_the_themes_own():
    _, tokens = make_frames([
        ("d1", "They discussed investment in firefighting equipment.", "A", "host"),
        ("d1", "They discussed trade and investment.", "A", "host"),
        ("d1", "They discussed investment in the economy, but not economic sanctions.", "A", "host"),
        ("d1", "They imposed economic sanctions despite the investment.", "A", "host"),
    ])
    dictionary = {"economy": {"patterns": ["trade", "econom*"], "weak": ["investment"], "exclude": ["economic sanctions"]}}
    coded = code_themes(tokens, dictionary)
    assert list(coded["sent_id"]) == [1, 2]  # an excluded match does not vouch for a weak one
    assert list(coded["matches"]) == ["trade; investment", "investment; economy"]
    assert load_dictionary(sets="general").weak["economy and trade"]  # the shipped dictionary has weak patterns


def test_shipped_rules_hold_on_passing_mentions():
    _, tokens = make_frames([
        ("d1", "They would respond with strong economic and other measures.", "A", "host"),
        ("d1", "They made investments in firefighting personnel.", "A", "host"),
        ("d1", "They discussed trade and investment.", "A", "host"),
        ("d1", "Russia continues its strikes against Ukraine's critical infrastructure.", "A", "host"),
        ("d1", "They discussed investment in roads, ports and railways.", "A", "host"),
        ("d1", "Key ports of entry can be reopened.", "A", "host"),
        ("d1", "They hope for peace, security and prosperity.", "A", "host"),
        ("d1", "He met the democratic opposition leader.", "A", "host"),
        ("d1", "They discussed democracy and human rights.", "A", "host"),
        ("d1", "Members receive a digital badge.", "A", "host"),
        ("d1", "They discussed the digital world and research cooperation.", "A", "host"),
    ])
    by_theme = code_themes(tokens).groupby("theme")["sent_id"].apply(set)
    assert by_theme["economy and trade"] == {2}
    assert by_theme["infrastructure and connectivity"] == {4}
    assert "security and defence" not in by_theme
    assert by_theme["human rights and democracy"] == {8}
    assert by_theme["science and technology"] == {10}


def test_shipped_rules_for_regions_titles_and_harms():
    _, tokens = make_frames([
        ("d1", "They discussed shared priorities in Asia and the Middle East.", "A", "host"),
        ("d1", "They called for steps to de-escalate tensions in the Middle East.", "A", "host"),
        ("d1", "Competition must not veer into conflict.", "A", "host"),
        ("d1", "Their defense ministers and chiefs of defense met often.", "A", "host"),
        ("d1", "They announced work on supply chain security.", "A", "host"),
        ("d1", "They deplored the destruction of vital infrastructure.", "A", "host"),
        ("d1", "They discussed NATO and the war in Ukraine.", "A", "host"),
    ])
    by_theme = code_themes(tokens).groupby("theme")["sent_id"].apply(set)
    # the region alone is a place; beside "de-escalate" it is the conflict
    assert by_theme["regional conflicts"] == {1, 6}
    assert by_theme["security and defence"] == {6}
    assert "infrastructure and connectivity" not in by_theme


def test_shipped_rules_for_background_participants_and_figures():
    _, tokens = make_frames([
        ("d1", "They discussed the dangerous journey, especially during a global pandemic.", "A", "host"),
        ("d1", "They discussed the economic recovery from the COVID-19 pandemic.", "A", "host"),
        ("d1", "The families discussed how the pandemic exacerbated the challenges of child care.", "A", "host"),
        ("d1", "They discussed a public health system to address challenges laid bare by the pandemic.", "A", "host"),
        ("d1", "She has convened health care providers, faith leaders and advocates.", "A", "host"),
        ("d1", "They discussed efforts to end the COVID-19 pandemic.", "A", "host"),
        ("d1", "They discussed Russia's weaponization of energy.", "A", "host"),
        ("d1", "The President was briefed by his national security team.", "A", "host"),
        ("d1", "They discussed missile defense.", "A", "host"),
        ("d1", "The World Bank builds resilience to climate change, fragility and conflict.", "A", "host"),
        ("d1", "They discussed the conflict in Sudan.", "A", "host"),
    ])
    by_theme = code_themes(tokens).groupby("theme")["sent_id"].apply(set)
    # the pandemic as background counts only beside a health word ("public health system")
    assert by_theme["pandemic and health"] == {3, 5}
    assert by_theme["security and defence"] == {8}
    assert by_theme["regional conflicts"] == {10}


def test_long_form_errors_are_named(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("trade:\n  pattern: [trade]\n")
    with pytest.raises(ValueError, match="needs `patterns`"):
        load_dictionary(bad)
    bad.write_text("trade:\n  patterns: [trade]\n  exclude: trade war\n")
    with pytest.raises(ValueError, match="list of exclusions"):
        load_dictionary(bad)
    bad.write_text("trade:\n  patterns: [trade]\n  weak: invest\n")
    with pytest.raises(ValueError, match="list of weak patterns"):
        load_dictionary(bad)
    bad.write_text("trade:\n  patterns: [trade, invest]\n  weak: [invest]\n")
    with pytest.raises(ValueError, match="both as patterns and as weak"):
        load_dictionary(bad)


def test_dictionary_file_errors(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("trade: trade\n")
    with pytest.raises(ValueError, match="list of patterns"):
        load_dictionary(bad)
    flag = tmp_path / "flag.yaml"
    flag.write_text("answers:\n  - yes\n")
    with pytest.raises(ValueError, match="quote"):
        load_dictionary(flag)
    years = tmp_path / "years.yaml"
    years.write_text("years:\n  - 2021\n  - g20\n")
    assert load_dictionary(years) == {"years": ["2021", "g20"]}


ROWS = [
    ("d1", "Xi Jinping said the two sides should boost Belt and Road cooperation and trade.", "Xi Jinping", "host"),
    ("d1", "Belarus firmly stands with China on Hong Kong, Taiwan and Xinjiang.", "Alexander Lukashenko", "counterpart"),
    ("d1", "He praised anti-pandemic cooperation and vaccines.", "Alexander Lukashenko", "counterpart"),
    ("d1", "The call was held in the evening.", "", "narrator"),
    ("d2", "The leaders discussed Belt and Road projects.", "", "joint"),
]
THEMES = {"bri": ["belt and road", "connectivity"], "trade": ["trade", "econom*"],
          "sovereignty": ["taiwan", "hong kong", "xinjiang"], "health": ["*pandemic", "vaccin*"],
          "overlap": ["belt", "belt and road"]}


@pytest.fixture(scope="module")
def frames():
    return make_frames(ROWS)


def test_code_themes_one_row_per_sentence_and_theme(frames):
    sentences, tokens = frames
    coded = code_themes(sentences, THEMES)
    pairs = set(zip(coded["doc_id"], coded["sent_id"], coded["theme"]))
    assert pairs == {("d1", 0, "bri"), ("d1", 0, "trade"), ("d1", 0, "overlap"), ("d1", 1, "sovereignty"),
                     ("d1", 2, "health"), ("d2", 0, "bri"), ("d2", 0, "overlap")}
    row = coded.set_index(["doc_id", "sent_id", "theme"]).loc[("d1", 1, "sovereignty")]
    assert row["n"] == 3 and row["matches"] == "Hong Kong; Taiwan; Xinjiang"
    assert row["speaker"] == "Alexander Lukashenko" and row["role"] == "counterpart"
    overlap = coded.set_index(["doc_id", "sent_id", "theme"]).loc[("d1", 0, "overlap")]
    assert overlap["n"] == 1 and overlap["matches"] == "Belt and Road"  # two patterns at one token: one match, the longer
    assert code_themes(tokens, THEMES).equals(coded)  # tokens or sentences, same coding


def test_code_themes_empty_cases(frames):
    sentences, tokens = frames
    assert code_themes(sentences, {"nothing": ["xyzzy"]}).empty
    assert code_themes(tokens.iloc[0:0], THEMES).empty
    with pytest.raises(ValueError):
        code_themes(sentences, {})
    with pytest.raises(ValueError):
        code_themes(sentences, {"t": ["  "]})


def test_theme_shares_against_plain_counts(frames):
    sentences, _ = frames
    shares = theme_shares(sentences, by="role", dictionary=THEMES)
    assert len(shares) == sentences["role"].nunique() * len(THEMES)  # zeros included
    coded = code_themes(sentences, THEMES)
    for (role, theme), row in shares.set_index(["role", "theme"]).iterrows():
        in_role = {(d, s) for d, s, r in zip(sentences["doc_id"], sentences["sent_id"], sentences["role"]) if r == role}
        carrying = {(d, s) for d, s, t in zip(coded["doc_id"], coded["sent_id"], coded["theme"]) if t == theme} & in_role
        assert row["n_sentences"] == len(carrying)
        assert row["total_sentences"] == len(in_role)
        assert row["share"] == pytest.approx(len(carrying) / len(in_role))
    overall = theme_shares(sentences, by=[], dictionary=THEMES).set_index("theme")
    assert overall.loc["bri", "share"] == pytest.approx(2 / 5)
    with pytest.raises(ValueError, match="year"):
        theme_shares(sentences, by="year", dictionary=THEMES)
    assert theme_shares(sentences.iloc[0:0], dictionary=THEMES).empty


TOPIC_ROWS = ([(f"t{i}", f"Trade tariffs exports markets investment grew in quarter {i}.", "", "joint") for i in range(6)]
              + [(f"c{i}", f"Climate emissions carbon renewable energy targets rose in year {i}.", "", "joint") for i in range(6)])


def test_topics_are_deterministic_and_separate_clear_topics():
    sentences, tokens = make_frames(TOPIC_ROWS)
    first = topics(tokens, n_topics=2, unit="document", top_n=5, seed=3)
    again = topics(tokens, n_topics=2, unit="document", top_n=5, seed=3)
    pd.testing.assert_frame_equal(first.terms, again.terms)
    pd.testing.assert_frame_equal(first.weights, again.weights)
    trade = {"trade", "tariffs", "exports", "markets", "investment", "grew", "quarter"}
    climate = {"climate", "emissions", "carbon", "renewable", "energy", "targets", "rose", "year"}
    sides = [("trade" if set(part["term"]) <= trade else "climate" if set(part["term"]) <= climate else "mixed")
             for _, part in first.terms.groupby("topic")]
    assert sorted(sides) == ["climate", "trade"]
    strongest = first.weights.loc[first.weights.groupby("doc_id")["weight"].idxmax()]
    assert strongest.groupby(strongest["doc_id"].str[0])["topic"].nunique().eq(1).all()
    assert len(first.labels(3)) == 2


# A toy corpus of a few sentences: NMF stops at its iteration limit there, which is not what this test is about.
@pytest.mark.filterwarnings("ignore::sklearn.exceptions.ConvergenceWarning")
def test_topics_unit_choice_and_errors(frames):
    sentences, tokens = frames
    assert topics(tokens, n_topics=2, min_df=1).unit == "sentence"  # two documents only
    with pytest.raises(ValueError, match="too few"):
        topics(tokens[tokens["doc_id"] == "d2"], n_topics=3, unit="document", min_df=1)
    with pytest.raises(ValueError):
        topics(tokens, unit="paragraph")


# --- the whole White House corpus ---------------------------------------------------------------

@pytest.fixture(scope="module")
def wh(whitehouse):
    return {
        "coded": code_themes(whitehouse),
        "ukraine": code_themes(whitehouse, {"ukraine": ["ukrain*"]}, names=False),  # every match, names too
        "shares": theme_shares(whitehouse, by="role"),
        "topics": topics(whitehouse, n_topics=10),
    }


def test_whitehouse_theme_coding_counts(whitehouse, wh):
    tokens = whitehouse.tokens
    sentences_with = {(d, s) for d, s, w in zip(tokens["doc_id"], tokens["sent_id"], tokens["lower"]) if w.startswith("ukrain")}
    assert len(wh["ukraine"]) == len(sentences_with)
    assert set(wh["coded"]["theme"]) == set(ISSUE_THEMES)
    shares = wh["shares"]
    assert shares.groupby("role", observed=True)["total_sentences"].first().sum() == len(whitehouse.sentences)


def test_whitehouse_topics(whitehouse, wh):
    result = wh["topics"]
    assert result.unit == "document"
    stops = set(ENGLISH_STOP_WORDS) | set(genre_stopwords())
    with_words = {d for d, w in zip(whitehouse.tokens["doc_id"], whitehouse.tokens["lower"]) if re.search(r"\w", w) and w not in stops}
    assert result.weights["doc_id"].nunique() == len(with_words)
    assert Counter(result.terms["topic"]) == {t: 10 for t in range(10)}


# --- the seed, with speaker attribution ---------------------------------------------------------

def test_seed_themes_credited_by_role(seed):
    shares = theme_shares(seed, by="role").set_index(["role", "theme"])["n_sentences"]
    assert shares[("counterpart", "core interests")] >= 1
    assert shares[("host", "core interests")] == 0
    assert shares[("host", "infrastructure and connectivity")] >= 1
    assert shares[("counterpart", "infrastructure and connectivity")] >= 1
    coded = code_themes(seed)
    core = coded[coded["theme"] == "core interests"]
    assert set(core["speaker"]) == {"Alexander Lukashenko"}
    assert {"Hong Kong", "Taiwan", "Xinjiang"} <= set("; ".join(core["matches"]).split("; "))


def test_a_place_named_alone_is_no_conflict_beside_none_of_its_words():
    _, tokens = make_frames([
        ("d1", "The Vice President reaffirmed our commitment to Israel's security.", "A", "host"),
        ("d1", "They condemned the rocket attacks on Israel.", "A", "host"),
        ("d1", "Poland welcomed Ukrainian refugees into their communities.", "A", "host"),
        ("d1", "They discussed Russia's war against Ukraine and support for Ukrainian forces.", "A", "host"),
        ("d1", "They discussed the latest developments in Gaza.", "A", "host"),
    ])
    coded = code_themes(tokens)
    assert list(coded.loc[coded["theme"] == "regional conflicts", "sent_id"]) == [1, 3, 4]
