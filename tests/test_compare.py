"""Comparison verbs against their reference definitions: tidylo, scattertext, quanteda (via scipy)."""
from __future__ import annotations

import math
import re
from collections import Counter

import numpy as np
import pandas as pd
import pytest
from scipy.stats import chi2_contingency

from helpers.compare import SmallGroupWarning, keyness, log_odds_ratio, speaker_profile, weighted_log_odds
from helpers.keywords import frequencies, with_metadata
from test_keywords import make_frames

# The toy tables below are far smaller than any real comparison: their size warning is tested once, on purpose.
pytestmark = pytest.mark.filterwarnings("ignore::helpers.compare.SmallGroupWarning")


def counts_of(groups: dict[str, str]) -> pd.DataFrame:
    rows = [(g, w) for g, text in groups.items() for w in text.split()]
    return pd.DataFrame(rows, columns=["group", "term"]).value_counts().rename("n").reset_index()


def tidylo_reference(counts: pd.DataFrame, alpha_of=None) -> dict[tuple[str, str], float]:
    """bind_log_odds written out in plain Python from tidylo's source (R/bind_log_odds.R):
    y = n + alpha; omega_i = y / (n_i - y); omega = y_w / (N - y_w); zeta = log(omega_i / omega) / sqrt(1/y + 1/y_w)."""
    totals = Counter()
    for t, n in zip(counts["term"], counts["n"]):
        totals[t] += n
    y = {(g, t): n + (totals[t] if alpha_of is None else alpha_of) for g, t, n in zip(counts["group"], counts["term"], counts["n"])}
    n_i, y_w = Counter(), Counter()
    for (g, t), v in y.items():
        n_i[g] += v
        y_w[t] += v
    total = sum(y.values())
    return {(g, t): math.log((v / (n_i[g] - v)) / (y_w[t] / (total - y_w[t]))) / math.sqrt(1 / v + 1 / y_w[t])
            for (g, t), v in y.items()}


TIDYLO = {"1": "the quick brown fox jumped jumped", "2": "over the lazy brown dog dog"}


def test_weighted_log_odds_reproduces_tidylo_example():
    # tidylo README / ?bind_log_odds example output (informative prior, weighted).
    out = weighted_log_odds(counts_of(TIDYLO), "group", "term", "n", complete=False)
    got = dict(zip(out["term"] + "/" + out["group"], out["log_odds_weighted"]))
    expected = {"quick/1": 0.773190, "fox/1": 0.773190, "over/2": 0.773190, "lazy/2": 0.773190,
                "jumped/1": 1.238100, "dog/2": 1.238100,
                "the/1": 0.0, "the/2": 0.0, "brown/1": 0.0, "brown/2": 0.0}
    assert got == pytest.approx(expected, abs=1e-6)


def test_unweighted_log_odds_is_delta_before_scaling():
    out = weighted_log_odds(counts_of(TIDYLO), "group", unweighted=True, complete=False).set_index(["group", "term"])
    # jumped: y = 2 + 2 = 4 in group 1 and y_w = 4, so sigma2 = 1/4 + 1/4.
    assert out.loc[("1", "jumped"), "log_odds"] == pytest.approx(out.loc[("1", "jumped"), "log_odds_weighted"] * math.sqrt(0.5))
    assert "log_odds" not in weighted_log_odds(counts_of(TIDYLO), "group").columns


def test_weighted_log_odds_any_number_of_groups_and_uninformative_prior():
    groups = {"a": "trade trade security climate pandemic", "b": "security security trade nato",
              "c": "climate climate climate energy trade pandemic", "d": "pandemic nato"}
    counts = counts_of(groups)
    for kwargs, alpha in (({}, None), ({"uninformative": True}, 1)):
        out = weighted_log_odds(counts, "group", complete=False, **kwargs)
        got = dict(zip(zip(out["group"], out["term"]), out["log_odds_weighted"]))
        assert got == pytest.approx(tidylo_reference(counts, alpha), abs=1e-12)
    assert list(out.index) == list(counts.index)  # frame in, same rows out


def test_weighted_log_odds_input_errors():
    counts = counts_of(TIDYLO)
    with pytest.raises(ValueError, match="one row per"):
        weighted_log_odds(pd.concat([counts, counts]), "group")
    with pytest.raises(ValueError, match="speaker"):
        weighted_log_odds(counts, "speaker")
    empty = weighted_log_odds(counts.iloc[0:0], "group")
    assert empty.empty and "log_odds_weighted" in empty.columns


def test_log_odds_ratio_matches_scattertext_uninformative_prior():
    # scattertext LogOddsRatioUninformativeDirichletPrior(alpha_w=0.001).get_zeta_i_j on these counts.
    a, b = [1, 5, 2, 7, 10], [10, 10, 1, 5, 10]
    terms = ["t0", "t1", "t2", "t3", "t4"]
    counts = pd.DataFrame({"group": ["a"] * 5 + ["b"] * 5, "term": terms * 2, "n": a + b})
    out = log_odds_ratio(counts, "group", target="a", reference="b", alpha=0.001).set_index("term")
    expected = [-2.045975, -0.691142, 0.887602, 1.340966, 0.995635]
    assert out.loc[terms, "z"].tolist() == pytest.approx(expected, abs=1e-6)
    assert out["z"].is_monotonic_decreasing


def test_log_odds_ratio_prior_per_term():
    counts = counts_of({"a": "x x y", "b": "y y z"})
    flat = log_odds_ratio(counts, "group", target="a", alpha=0.5)
    per_term = log_odds_ratio(counts, "group", target="a", alpha={"x": 0.5, "y": 0.5, "z": 0.5})
    pd.testing.assert_frame_equal(flat, per_term)
    with pytest.raises(ValueError, match="prior"):
        log_odds_ratio(counts, "group", target="a", alpha={"x": 1.0})


KEY = {"target": "trade trade trade trade climate climate security pandemic pandemic pandemic taiwan",
       "other": "security security security security trade climate climate nato nato pandemic",
       "third": "climate trade trade"}


@pytest.mark.parametrize("correction", ["yates", "none"])
def test_keyness_chi2_and_g2_agree_with_scipy(correction):
    counts = counts_of(KEY)
    out = keyness(counts, "group", target="target", reference="other", correction=correction).set_index("term")
    words = {g: Counter(text.split()) for g, text in KEY.items()}
    size_t, size_r = sum(words["target"].values()), sum(words["other"].values())
    assert set(out.index) == set(words["target"]) | set(words["other"])
    for term, row in out.iterrows():
        a, b = words["target"][term], words["other"][term]
        table = np.array([[a, b], [size_t - a, size_r - b]])
        chi2, p, _, expected = chi2_contingency(table, correction=(correction == "yates"))
        sign = 1 if a > expected[0, 0] else -1
        assert row["chi2"] == pytest.approx(sign * chi2, abs=1e-10)
        assert row["chi2_p"] == pytest.approx(p, abs=1e-10)
        # G2 uncorrected, as quanteda's default: scipy's log-likelihood form and a plain-Python sum.
        g2 = chi2_contingency(table, correction=False, lambda_="log-likelihood")[0]
        plain = 2 * sum(o * math.log(o / e) for o, e in zip(table.ravel(), expected.ravel()) if o > 0)
        assert row["G2"] == pytest.approx(sign * g2, abs=1e-10)
        assert row["G2"] == pytest.approx(sign * plain, abs=1e-10)
        assert (row["n_target"], row["n_reference"]) == (a, b)
        # quanteda's pmi: log of P(term, target) over P(term) P(target).
        assert row["pmi"] == pytest.approx(math.log((a / (size_t + size_r)) / (((a + b) / (size_t + size_r)) * (size_t / (size_t + size_r)))) if a else -np.inf)
        rel_t, rel_r = (a or 0.5) / size_t, (b or 0.5) / size_r
        assert row["log_ratio"] == pytest.approx(math.log2(rel_t / rel_r))


def test_keyness_yates_never_overshoots():
    counts = counts_of(KEY)
    out = keyness(counts, "group", target="target", reference="other").set_index("term")
    # climate: 2 of 11 against 2 of 10; |ad - bc| = 2 < N/2, so the corrected statistic is 0 (scipy's rule).
    assert out.loc["climate", "chi2"] == 0 and out.loc["climate", "chi2_p"] == 1


def test_keyness_target_and_reference_chosen_freely():
    counts = counts_of(KEY)
    against_rest = keyness(counts, "group", target="target").set_index("term")
    assert against_rest.loc["trade", "n_reference"] == 1 + 2  # other + third pooled
    pooled_target = keyness(counts, "group", target=["target", "third"], reference="other").set_index("term")
    assert pooled_target.loc["trade", "n_target"] == 4 + 2
    assert keyness(counts, "group", target="target", sort_by="G2")["G2"].is_monotonic_decreasing


def test_keyness_errors_are_clear():
    counts = counts_of(KEY)
    with pytest.raises(ValueError, match="target"):
        keyness(counts, "group", target="nobody")
    with pytest.raises(ValueError, match="reference"):
        keyness(counts, "group", target="target", reference="nobody")
    with pytest.raises(ValueError, match="both"):
        keyness(counts, "group", target="target", reference=["target", "other"])
    with pytest.raises(ValueError, match="reference"):
        keyness(counts[counts["group"] == "target"], "group", target="target")
    with pytest.raises(ValueError):
        keyness(counts, "group", target="target", correction="williams")


def test_speaker_profile_shares_verbs_and_themes():
    sentences, tokens = make_frames([
        ("d1", "Xi Jinping stressed Belt and Road cooperation.", "Xi Jinping", "host", "stress"),
        ("d1", "He stressed trade.", "Xi Jinping", "host", "stress"),
        ("d1", "Lukashenko noted Taiwan.", "Alexander Lukashenko", "counterpart", "note"),
        ("d1", "The call was held on Tuesday.", "", "narrator"),
    ])
    themes = {"bri": ["belt and road"], "trade": ["trade"], "sovereignty": ["taiwan"]}
    profile = speaker_profile(sentences, tokens, by="speaker", dictionary=themes).set_index("speaker")
    assert profile["sentence_share"].sum() == pytest.approx(1)
    assert profile.loc["Xi Jinping", "n_sentences"] == 2
    assert profile.loc["Xi Jinping", "n_words"] == 7 + 3  # punctuation excluded
    assert profile.loc["Xi Jinping", "word_share"] == pytest.approx(10 / (10 + 3 + 6))
    assert profile.loc["Xi Jinping", "verbs"] == {"stress": 2}
    assert profile.loc["Xi Jinping", "themes"] == {"bri": 1, "trade": 1}
    assert profile.loc["Alexander Lukashenko", "themes"] == {"sovereignty": 1}
    assert profile.loc["", "verbs"] == {}
    by_role = speaker_profile(sentences, tokens, by=["role", "speaker"], dictionary=themes)
    assert len(by_role) == 3
    assert speaker_profile(sentences.iloc[0:0], tokens.iloc[0:0]).empty
    with pytest.raises(ValueError):
        speaker_profile(sentences, by="year")


# --- the whole White House corpus ---------------------------------------------------------------

@pytest.fixture(scope="module")
def wh(whitehouse):
    tokens = with_metadata(whitehouse.tokens, whitehouse, "year")
    by_year = frequencies(tokens, by="year")
    return {
        "tokens": tokens,
        "by_year": by_year,
        "log_odds": weighted_log_odds(by_year, "year", complete=False),
        "keyness": keyness(by_year, "year", target=2022).set_index("term"),
        "profile": speaker_profile(whitehouse, by="role").set_index("role"),
    }


def test_whitehouse_weighted_log_odds_of_one_term(wh):
    counts, out = wh["by_year"], wh["log_odds"]
    row = out[(out["year"] == 2022) & (out["term"] == "ukraine")].iloc[0]
    # Recomputed from plain sums over the counts frame, as tidylo defines it.
    alpha = {t: n for t, n in counts.groupby("term")["n"].sum().items()}
    y = row["n"] + alpha["ukraine"]
    n_i = sum(n + alpha[t] for g, t, n in zip(counts["year"], counts["term"], counts["n"]) if g == 2022)
    y_w = sum(n + alpha[t] for t, n in zip(counts["term"], counts["n"]) if t == "ukraine")
    total = sum(n + alpha[t] for t, n in zip(counts["term"], counts["n"]))
    expected = math.log((y / (n_i - y)) / (y_w / (total - y_w))) / math.sqrt(1 / y + 1 / y_w)
    assert row["log_odds_weighted"] == pytest.approx(expected)
    lower, years = wh["tokens"]["lower"].tolist(), wh["tokens"]["year"].tolist()
    assert row["n"] == sum(1 for w, yr in zip(lower, years) if w == "ukraine" and yr == 2022)


def test_whitehouse_keyness_of_one_term(wh):
    lower, years = wh["tokens"]["lower"].tolist(), wh["tokens"]["year"].tolist()
    counts = wh["by_year"]
    kept = counts.groupby(counts["year"] == 2022)["n"].sum()
    a = sum(1 for w, yr in zip(lower, years) if w == "ukraine" and yr == 2022)
    b = sum(1 for w, yr in zip(lower, years) if w == "ukraine" and yr != 2022)
    table = np.array([[a, b], [kept[True] - a, kept[False] - b]])
    chi2 = chi2_contingency(table, correction=True)[0]
    assert wh["keyness"].loc["ukraine", "chi2"] == pytest.approx(chi2)  # over-represented in 2022, so positive


def test_whitehouse_speaker_profile(whitehouse, wh):
    profile = wh["profile"]
    assert profile["n_sentences"].sum() == len(whitehouse.sentences)
    roles = dict(zip(zip(whitehouse.sentences["doc_id"], whitehouse.sentences["sent_id"]), whitehouse.sentences["role"]))
    tokens = whitehouse.tokens
    role = profile.index[0]
    words = sum(1 for d, s, t in zip(tokens["doc_id"], tokens["sent_id"], tokens["token"])
                if roles[(d, s)] == role and re.search(r"\w", t))
    assert profile.loc[role, "n_words"] == words


# --- the seed, with speaker attribution ---------------------------------------------------------

def test_seed_lukashenko_distinctive_terms_against_xi(seed):
    counts = frequencies(seed, by="speaker")
    pair = counts[counts["speaker"].isin(["Xi Jinping", "Alexander Lukashenko"])]
    odds = weighted_log_odds(pair, "speaker")
    his = odds[odds["speaker"] == "Alexander Lukashenko"]
    # Words he uses once all tie near the top (each is "his alone"); among the words he repeats,
    # the frequency floor tidylo's vignettes use, his own paragraph's subjects lead.
    repeated = his[his["n"] >= 2].nlargest(4, "log_odds_weighted")
    assert {"belarus", "pandemic"} <= set(repeated["term"])
    assert (repeated["log_odds_weighted"] > 0).all()
    key = keyness(pair, "speaker", target="Alexander Lukashenko", reference="Xi Jinping").set_index("term")
    assert key.loc["belarus", "chi2"] >= 0 and key.loc["belarus", "log_ratio"] > 0


# --- the complete grid, the counts behind the scores, and small groups ---------------------------------------

THREE = {"big": "trade trade trade trade security security climate climate climate nato nato pandemic energy energy "
                "trade security climate growth growth jobs",
         "middle": "security security security trade climate nato nato nato pandemic",
         "small": "taiwan taiwan trade"}


def monroe_reference(groups: dict[str, str]) -> dict[tuple[str, str], float]:
    """Monroe, Colaresi & Quinn (2008), eqs. 16-20, written out for every group and every term of the vocabulary,
    a term a group never uses entering with y = 0. Each group i is compared with all groups pooled; the prior is
    the empirical-Bayes one tidylo chooses, alpha_w = the term's count over all groups, alpha_0 = sum of alpha_w:
      delta_iw = log((y_iw + a_w) / (n_i + a_0 - y_iw - a_w)) - log(Y_w / (N - Y_w)),
      Y_w = sum_i (y_iw + a_w), N = sum_w Y_w, sigma2 = 1 / (y_iw + a_w) + 1 / Y_w, z = delta / sqrt(sigma2)."""
    words = {g: Counter(text.split()) for g, text in groups.items()}
    vocabulary = sorted(set().union(*words.values()))
    alpha = {w: sum(words[g][w] for g in groups) for w in vocabulary}
    alpha_0 = sum(alpha.values())
    pooled = {w: sum(words[g][w] + alpha[w] for g in groups) for w in vocabulary}
    big_n = sum(pooled.values())
    out = {}
    for g in groups:
        n_i = sum(words[g].values())
        for w in vocabulary:
            y = words[g][w] + alpha[w]
            delta = math.log(y / (n_i + alpha_0 - y)) - math.log(pooled[w] / (big_n - pooled[w]))
            out[(g, w)] = delta / math.sqrt(1 / y + 1 / pooled[w])
    return out


def test_complete_grid_equals_monroe_et_al_with_zero_counts():
    counts = counts_of(THREE)
    out = weighted_log_odds(counts, "group")
    expected = monroe_reference(THREE)
    got = dict(zip(zip(out["group"], out["term"]), out["log_odds_weighted"]))
    assert set(got) == set(expected)  # every group x term pair, zeros included
    assert got == pytest.approx(expected, abs=1e-12)
    zeros = out[out["n"] == 0]
    assert len(zeros) == 3 * counts["term"].nunique() - len(counts) and len(zeros) > 0
    assert (zeros["log_odds_weighted"] < 0).all()  # a term a group never uses is under-represented in it
    # the small group's terms are not all "distinctive" once its zeros count (they were, in the sparse form)
    sparse = weighted_log_odds(counts, "group", complete=False)
    assert (sparse.loc[sparse["group"] == "small", "log_odds_weighted"] > 0).all()
    assert (out.loc[out["group"] == "small", "log_odds_weighted"] > 0).mean() < 0.5


def test_every_comparison_carries_its_counts():
    counts = counts_of(THREE)
    out = weighted_log_odds(counts, "group").set_index(["group", "term"])
    assert out.loc[("small", "taiwan"), "n"] == 2 and out.loc[("small", "nato"), "n"] == 0
    assert out.loc[("small", "nato"), "group_total"] == 3 and out.loc[("big", "nato"), "term_total"] == 5
    for verb in (keyness, log_odds_ratio):
        result = verb(counts, "group", target="small", reference="big")
        assert (result["total_target"] == 3).all() and (result["total_reference"] == len(THREE["big"].split())).all()
        assert {"n_target", "n_reference"} <= set(result.columns)


def test_small_groups_are_named_in_a_warning_or_refused():
    counts = counts_of(THREE)
    with pytest.warns(SmallGroupWarning, match=r"'small'.*fewer than 1,000 words"):
        weighted_log_odds(counts, "group")
    with pytest.raises(ValueError, match=r"'small'.* min_size=5 .*no scores"):
        weighted_log_odds(counts, "group", min_size=5)
    with pytest.raises(ValueError, match="'target'"):
        keyness(counts, "group", target="small", reference="big", min_size=5)
    with pytest.raises(ValueError, match="'target'"):
        log_odds_ratio(counts, "group", target="small", min_size=5)
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a size the caller set, and met, is no cause for a warning
        weighted_log_odds(counts, "group", min_size=3)


def test_min_count_drops_rare_terms_before_scoring():
    counts = counts_of(THREE)
    out = weighted_log_odds(counts, "group", min_count=3)
    assert set(out["term"]) == {t for t, n in counts.groupby("term")["n"].sum().items() if n >= 3}


@pytest.fixture(scope="module")
def diplomatic_sides(whitehouse):
    """Host against counterpart in diplomatic events: readouts whose counterpart is of a foreign country."""
    diplomatic = whitehouse.subset("counterpart_country != '' and counterpart_country != 'United States'")
    counts = frequencies(diplomatic, by="role")
    return counts[counts["role"].isin(["host", "counterpart"])]


def test_whitehouse_host_against_counterpart_is_not_all_positive(diplomatic_sides):
    sizes = diplomatic_sides.groupby("role", observed=True)["n"].sum()
    smaller = sizes.idxmin()
    with pytest.warns(SmallGroupWarning, match=repr(smaller)):  # the counterpart is barely quoted: it is said
        out = weighted_log_odds(diplomatic_sides, "role")
    side = out[out["role"] == smaller]
    # Sparse (tidylo), every term the small side uses came out positive; over the whole grid most do not.
    assert (side["log_odds_weighted"] > 0).mean() < 0.60
    # With the informative prior, a term seen once or twice cannot stand out: alpha_w = its own count keeps
    # y / y_w near the group's share of the text, so its z stays under 1 (no minimum count filter needed).
    rare = out[out["term_total"] < 3]
    assert len(rare) and (rare["log_odds_weighted"].abs() <= 3).all()


def test_group_sizes_and_the_sentence_that_reports_them():
    from helpers.compare import group_sizes, sizes_in_words

    counts = pd.DataFrame({"role": ["host", "host", "counterpart"], "term": ["a", "b", "a"], "n": [900, 300, 40]})
    sizes = group_sizes(counts, "role")
    assert sizes.to_dict("list") == {"role": ["host", "counterpart"], "words": [1200, 40], "enough": [True, False]}
    sentence = sizes_in_words(sizes)
    assert "host: 1,200 words; counterpart: 40 words" in sentence and "counterpart has fewer than 1,000 words" in sentence
    assert "Every group reaches" in sizes_in_words(group_sizes(counts, "role", min_size=10), min_size=10)
