"""Plots return Figures drawn from the helpers' frames; what is drawn matches the frame."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from helpers.compare import weighted_log_odds  # noqa: E402
from helpers.keywords import dispersion, frequencies, with_metadata  # noqa: E402
from helpers.plots import dispersion_plot, fightin_words, keyword_trend, overlapping_labels, theme_heatmap, top_terms_bar  # noqa: E402
from helpers.themes import theme_shares  # noqa: E402


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_top_terms_bar_draws_each_groups_top_terms(seed):
    counts = frequencies(seed, by="para_id")
    figure = top_terms_bar(counts, group="para_id", top_n=4)
    assert isinstance(figure, Figure)
    panels = [ax for ax in figure.axes if ax.get_visible()]
    assert len(panels) == counts["para_id"].nunique()
    first = counts[counts["para_id"] == counts["para_id"].min()].nlargest(4, "n")
    drawn = [t.get_text() for t in panels[0].get_yticklabels()]
    assert set(drawn) == set(first["term"])
    assert sorted(p.get_width() for p in panels[0].patches) == sorted(first["n"])


def test_fightin_words_plots_every_term_and_labels_extremes(seed):
    counts = frequencies(seed, by="para_id")
    odds = weighted_log_odds(counts, "para_id")
    figure = fightin_words(odds, group="para_id", target=1, label_top=3)
    ax = figure.axes[0]
    assert len(ax.collections[0].get_offsets()) == (odds["para_id"] == 1).sum()
    labels = {t.get_text() for t in ax.texts}
    part = odds[odds["para_id"] == 1]
    extremes = pd.concat([part.nlargest(3, "log_odds_weighted"), part.nsmallest(3, "log_odds_weighted")])
    assert labels <= set(extremes["term"])  # only the extremes are labelled ...
    assert part.nlargest(1, "log_odds_weighted")["term"].iloc[0] in labels  # ... the most distinctive first
    assert overlapping_labels(figure) == []  # ... and none covers another
    with pytest.raises(ValueError):
        fightin_words(odds, group="para_id", target=99)


def test_theme_heatmap_cells_are_the_shares(seed):
    shares = theme_shares(seed, by="para_id")
    figure = theme_heatmap(shares, row="para_id")
    data = figure.axes[0].images[0].get_array()
    assert data.shape == (shares["para_id"].nunique(), shares["theme"].nunique())
    assert np.nansum(data) == pytest.approx(shares["share"].sum())


def test_keyword_trend_lines_follow_the_counts():
    counts = pd.DataFrame({"year": [2021, 2021, 2022, 2023], "term": ["trade", "climate", "trade", "climate"],
                           "per_1000": [1.0, 2.0, 3.0, 4.0]})
    figure = keyword_trend(counts, time="year", terms=["trade", "climate"])
    lines = {line.get_label(): list(line.get_ydata()) for line in figure.axes[0].get_lines()}
    assert lines == {"trade": [1.0, 3.0, 0.0], "climate": [2.0, 0.0, 4.0]}


def test_dispersion_plot_one_row_per_term(seed):
    positions = dispersion(seed, ["belarus", "pandemic", "belt and road"])
    figure = dispersion_plot(positions)
    lines = figure.axes[0].get_lines()
    assert [line.get_label() for line in lines] == ["belarus", "pandemic", "belt and road"]
    assert [len(line.get_xdata()) for line in lines] == positions["pattern"].value_counts()[["belarus", "pandemic", "belt and road"]].tolist()


def test_empty_frames_raise_clearly():
    for plot, kwargs in ((top_terms_bar, {}), (theme_heatmap, {}), (dispersion_plot, {}), (keyword_trend, {"time": "year"}),
                         (fightin_words, {"group": "g", "target": "a"})):
        with pytest.raises(ValueError, match="empty"):
            plot(pd.DataFrame(), **kwargs)


def test_whitehouse_plots_run(whitehouse):
    tokens = with_metadata(whitehouse.tokens, whitehouse, "year")
    by_year = frequencies(tokens, by="year")
    figure = keyword_trend(by_year, time="year", terms=["ukraine", "climate"])
    ukraine = next(line for line in figure.axes[0].get_lines() if line.get_label() == "ukraine")
    years = sorted(by_year["year"].unique())
    expected = [1000 * sum(1 for w, y in zip(tokens["lower"], tokens["year"]) if w == "ukraine" and y == year)
                / sum(1 for p, y in zip(tokens["is_punct"], tokens["year"]) if not p and y == year) for year in years]
    assert list(ukraine.get_ydata()) == pytest.approx(expected)
    assert isinstance(top_terms_bar(by_year, group="year"), Figure)


def test_overlapping_labels_finds_texts_drawn_over_each_other():
    figure, ax = plt.subplots()
    ax.text(0.5, 0.5, "South China Sea")
    ax.text(0.5, 0.5, "Indo-Pacific")
    ax.text(0.1, 0.9, "alone")
    assert overlapping_labels(figure) == [("South China Sea", "Indo-Pacific")]


def test_fightin_words_labels_never_overlap_even_when_crowded():
    """Forty terms with nearly the same counts and scores: drawn on top of each other they would be unreadable."""
    rng = np.random.default_rng(0)
    crowded = pd.DataFrame({"side": "a", "term": [f"term{i:02d}" for i in range(40)],
                            "n": rng.integers(50, 55, 40), "log_odds_weighted": 5 + rng.normal(0, 0.05, 40)})
    figure = fightin_words(crowded, group="side", target="a", label_top=20)
    assert 0 < len(figure.axes[0].texts) < 20
    assert overlapping_labels(figure) == []


def test_keyword_trend_leaves_a_gap_for_months_without_readouts():
    months = pd.to_datetime(["2025-01-01", "2025-02-01", "2025-06-01"])
    counts = pd.DataFrame({"month": months, "term": "trade", "per_1000": [1.0, 2.0, 3.0]})
    figure = keyword_trend(counts, time="month", terms=["trade"], readouts=pd.Series([4, 2, 1], index=months))
    line = figure.axes[0].lines[0]
    ys = np.asarray(line.get_ydata(), dtype=float)
    assert len(ys) == 6 and np.isnan(ys[2:5]).all()  # March to May: no readouts, no line across them
    bars = [p.get_height() for p in figure.axes[1].patches]
    assert bars == [4, 2, 0, 0, 0, 1]  # the readouts behind each point
