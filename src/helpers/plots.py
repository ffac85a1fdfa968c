"""Plots for the notebooks. Each takes a frame a helper returned and gives back the matplotlib Figure.

No statistics are computed here: counts, log odds, shares and positions come from
`helpers.keywords`, `helpers.compare` and `helpers.themes`; plots only select, sort and draw.
"""
from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure

from .frames import require_columns

__all__ = ["top_terms_bar", "fightin_words", "theme_heatmap", "keyword_trend", "dispersion_plot"]


def _nonempty(frame: pd.DataFrame, what: str) -> None:
    if frame is None or frame.empty:
        raise ValueError(f"nothing to plot: the {what} frame is empty")


def top_terms_bar(counts: pd.DataFrame, *, group: str | None = None, term: str = "term", value: str = "n",
                  top_n: int = 10, columns: int = 3) -> Figure:
    """Horizontal bars of each group's `top_n` terms by `value` (e.g. `frequencies` output
    with `n` or `per_1000`, or `tfidf` output with `tfidf`); one panel per group."""
    _nonempty(counts, "counts")
    require_columns(counts, [term, value] + ([group] if group else []), "counts")
    panels = list(counts.groupby(group, observed=True, sort=True)) if group else [("", counts)]
    ncols = min(columns, len(panels))
    nrows = -(-len(panels) // ncols)
    figure, axes = plt.subplots(nrows, ncols, figsize=(4.2 * ncols, 0.3 * top_n * nrows + 1.2), squeeze=False)
    for ax, (name, part) in zip(axes.flat, panels):
        top = part.nlargest(top_n, value).iloc[::-1]
        ax.barh(top[term].astype(str), top[value])
        ax.set_title(str(name[0] if isinstance(name, tuple) else name))
        ax.set_xlabel(value)
    for ax in list(axes.flat)[len(panels):]:
        ax.set_visible(False)
    figure.tight_layout()
    return figure


def fightin_words(log_odds: pd.DataFrame, *, group: str, target, term: str = "term", n: str = "n",
                  value: str = "log_odds_weighted", label_top: int = 10, threshold: float = 1.96) -> Figure:
    """A "Fightin' Words" scatter (Monroe et al. 2008): each term's frequency (log scale)
    against its weighted log odds for the `target` group, from `weighted_log_odds` output.
    Terms beyond +/- `threshold` are coloured, and the `label_top` most distinctive terms
    on each side are labelled."""
    _nonempty(log_odds, "log odds")
    require_columns(log_odds, [group, term, n, value], "log odds")
    part = log_odds[log_odds[group] == target]
    if part.empty:
        raise ValueError(f"no rows for {group} == {target!r}")
    figure, ax = plt.subplots(figsize=(8, 6))
    z = part[value].to_numpy(dtype=float)
    colours = np.where(z >= threshold, "tab:red", np.where(z <= -threshold, "tab:blue", "0.7"))
    ax.scatter(part[n], z, s=12, c=colours, alpha=0.7, linewidths=0)
    ax.set_xscale("log")
    ax.axhline(threshold, color="0.5", linewidth=0.6, linestyle="--")
    ax.axhline(-threshold, color="0.5", linewidth=0.6, linestyle="--")
    labelled = pd.concat([part.nlargest(label_top, value), part.nsmallest(label_top, value)]).drop_duplicates(term)
    for _, row in labelled.iterrows():
        ax.annotate(str(row[term]), (row[n], row[value]), fontsize=8, xytext=(3, 2), textcoords="offset points")
    ax.set_xlabel(f"{n} (log scale)")
    ax.set_ylabel(f"{value} ({target} vs the rest)")
    ax.set_title(f"Distinctive terms: {target}")
    figure.tight_layout()
    return figure


def theme_heatmap(shares: pd.DataFrame, *, row: str = "speaker", column: str = "theme", value: str = "share",
                  annotate: bool = True) -> Figure:
    """Heat map of `value` (e.g. `theme_shares` output's `share`) with one row per `row`
    value (speaker, role ...) and one column per theme."""
    _nonempty(shares, "shares")
    require_columns(shares, [row, column, value], "shares")
    table = shares.pivot_table(index=row, columns=column, values=value, aggfunc="first", observed=True, sort=False)
    figure, ax = plt.subplots(figsize=(1.0 + 0.8 * table.shape[1], 1.5 + 0.45 * table.shape[0]))
    image = ax.imshow(table.to_numpy(dtype=float), aspect="auto", cmap="viridis")
    ax.set_xticks(range(table.shape[1]), [str(c) for c in table.columns], rotation=45, ha="right")
    ax.set_yticks(range(table.shape[0]), [str(i) for i in table.index])
    if annotate:
        for (i, j), v in np.ndenumerate(table.to_numpy(dtype=float)):
            if not np.isnan(v):
                ax.text(j, i, f"{v:.2f}", ha="center", va="center", fontsize=7, color="white" if v < np.nanmax(table.to_numpy(dtype=float)) / 2 else "black")
    figure.colorbar(image, ax=ax, label=value)
    figure.tight_layout()
    return figure


def keyword_trend(counts: pd.DataFrame, *, time: str, terms: Sequence[str] | None = None, term: str = "term",
                  value: str = "per_1000") -> Figure:
    """Lines of each chosen term's `value` over `time` (e.g. `frequencies(with_metadata(tokens,
    corpus, "month"), by="month")`); a period where a term is absent is drawn as 0."""
    _nonempty(counts, "counts")
    require_columns(counts, [time, term, value], "counts")
    chosen = list(terms) if terms is not None else list(counts.groupby(term)[value].sum().nlargest(5).index)
    table = counts[counts[term].isin(chosen)].pivot_table(index=time, columns=term, values=value, aggfunc="sum", fill_value=0)
    periods = sorted(counts[time].dropna().unique())
    table = table.reindex(index=periods, columns=chosen, fill_value=0)
    figure, ax = plt.subplots(figsize=(9, 4.5))
    for name in chosen:
        ax.plot(table.index, table[name], marker="o", markersize=3, label=str(name))
    ax.set_xlabel(time)
    ax.set_ylabel(value)
    ax.legend(frameon=False)
    figure.autofmt_xdate()
    figure.tight_layout()
    return figure


def dispersion_plot(positions: pd.DataFrame, *, x: str = "offset", label: str = "pattern") -> Figure:
    """Lexical dispersion (as NLTK's `dispersion_plot`): one row per chosen term, a tick at
    each occurrence, from `helpers.keywords.dispersion` output; `x="offset"` spreads the
    whole corpus, `x="doc_index"` places each occurrence at its document."""
    _nonempty(positions, "positions")
    require_columns(positions, [x, label], "positions")
    labels = list(dict.fromkeys(positions[label]))
    figure, ax = plt.subplots(figsize=(10, 0.6 * len(labels) + 1.5))
    for i, name in enumerate(labels):
        xs = positions.loc[positions[label] == name, x]
        ax.plot(xs, np.full(len(xs), i), "|", markersize=14, label=str(name))
    ax.set_yticks(range(len(labels)), [str(name) for name in labels])
    ax.set_ylim(-0.7, len(labels) - 0.3)
    ax.set_xlabel("token offset in the corpus" if x == "offset" else x)
    ax.set_title("Lexical dispersion")
    figure.tight_layout()
    return figure
