"""Plots for the notebooks. Each takes a frame a helper returned and gives back the matplotlib Figure.

No statistics are computed here: counts, log odds, shares and positions come from
`helpers.keywords`, `helpers.compare` and `helpers.themes`; plots only select, sort and draw.
"""
from __future__ import annotations

from collections.abc import Sequence

import matplotlib.dates as mdates
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.text import Text

from .frames import require_columns

__all__ = ["top_terms_bar", "fightin_words", "theme_heatmap", "keyword_trend", "dispersion_plot", "overlapping_labels"]


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
    ax.set_xlabel(f"{n} (log scale)")
    ax.set_ylabel(f"{value} ({target} vs the rest)")
    ax.set_title(f"Distinctive terms: {target}")
    figure.tight_layout()
    # the most distinctive first, alternating sides, so that a crowded side cannot crowd out the other
    top, bottom = part.nlargest(label_top, value), part.nsmallest(label_top, value)
    order = [frame.iloc[[i]] for i in range(max(len(top), len(bottom))) for frame in (top, bottom) if i < len(frame)]
    ranked = pd.concat(order).drop_duplicates(term) if order else top
    _label_without_overlap(ax, [(str(row[term]), (row[n], row[value])) for _, row in ranked.iterrows()])
    return figure


def theme_heatmap(shares: pd.DataFrame, *, row: str = "speaker", column: str = "theme", value: str = "share",
                  annotate: bool = True) -> Figure:
    """Heat map of `value` (e.g. `theme_shares` output's `share`) with one row per `row`
    value (speaker, role ...) and one column per theme; where the frame gives `total_sentences` (as `theme_shares`
    does), each row's label says how many sentences stand behind it ("host (n=312)")."""
    _nonempty(shares, "shares")
    require_columns(shares, [row, column, value], "shares")
    if "total_sentences" in shares:
        shares = shares.assign(**{row: [f"{label} (n={int(total):,})" for label, total in zip(shares[row], shares["total_sentences"])]})
    table = shares.pivot_table(index=row, columns=column, values=value, aggfunc="first", observed=True, sort=False)
    figure, ax = plt.subplots(figsize=(1.0 + 0.8 * table.shape[1], 1.5 + 0.45 * table.shape[0]))
    image = ax.imshow(table.to_numpy(dtype=float), aspect="auto", cmap="viridis")
    ax.set_xticks(range(table.shape[1]), [str(c) for c in table.columns], rotation=90)
    ax.set_yticks(range(table.shape[0]), [str(i) for i in table.index])
    if annotate:
        for (i, j), v in np.ndenumerate(table.to_numpy(dtype=float)):
            if not np.isnan(v):
                ax.text(j, i, f"{v:.2f}", ha="center", va="center", fontsize=7, color="white" if v < np.nanmax(table.to_numpy(dtype=float)) / 2 else "black")
    figure.colorbar(image, ax=ax, label=value)
    figure.tight_layout()
    return figure


def keyword_trend(counts: pd.DataFrame, *, time: str, terms: Sequence[str] | None = None, term: str = "term",
                  value: str = "per_1000", readouts: pd.Series | None = None, freq: str | None = "MS") -> Figure:
    """Lines of each chosen term's `value` over `time` (e.g. `frequencies(with_metadata(tokens, corpus, "month"),
    by="month")`): a period with readouts where a term is absent is drawn as 0, and a period with no readouts at
    all is a gap in the line, not a straight stroke across it. `readouts` (readouts per period, e.g.
    `with_metadata(corpus.documents, corpus, "month")["month"].value_counts()`) adds a panel of bars below, so a
    point resting on one readout is seen as such. `freq` is the periods' calendar step ("MS": months, "YS":
    years) for timestamps; None takes the periods as they come."""
    _nonempty(counts, "counts")
    require_columns(counts, [time, term, value], "counts")
    chosen = list(terms) if terms is not None else list(counts.groupby(term)[value].sum().nlargest(5).index)
    table = counts[counts[term].isin(chosen)].pivot_table(index=time, columns=term, values=value, aggfunc="sum", fill_value=0)
    periods = sorted(counts[time].dropna().unique())
    table = table.reindex(index=periods, columns=chosen, fill_value=0)
    if freq and len(periods) and isinstance(periods[0], (pd.Timestamp, np.datetime64)):
        table = table.reindex(pd.date_range(periods[0], periods[-1], freq=freq))  # periods without readouts: NaN, a gap
    if readouts is not None:
        figure, (ax, bars) = plt.subplots(2, 1, figsize=(9, 6), sharex=True, height_ratios=[3, 1])
    else:
        figure, ax = plt.subplots(figsize=(9, 4.5))
    for name in chosen:
        ax.plot(table.index, table[name], marker="o", markersize=3, label=str(name))
    ax.set_ylabel(value)
    ax.legend(frameon=False)
    if readouts is not None:
        per_period = pd.Series(readouts).reindex(table.index, fill_value=0)
        width = 20 if isinstance(table.index, pd.DatetimeIndex) and freq == "MS" else 0.8
        bars.bar(per_period.index, per_period.to_numpy(), width=width, color="0.6")
        bars.set_ylabel("readouts")
        bars.set_xlabel(time)
    else:
        ax.set_xlabel(time)
    if isinstance(table.index, pd.DatetimeIndex):
        # short dates without rotation: slanted labels crowd each other on a long period
        locator = mdates.AutoDateLocator(maxticks=10)
        for axis in figure.axes:
            axis.xaxis.set_major_locator(locator)
            axis.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
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


# --- labels that do not overlap --------------------------------------------------------------------------------

def _label_without_overlap(ax, labels: list[tuple[str, tuple[float, float]]], *, fontsize: int = 8) -> None:
    """Annotate points in the order given, each on the first side of its point (right, left, below) where it covers
    no label already placed and stays inside the axes; a label with no such side is left out: fewer labels, each
    legible, rather than a pile of overprinted words."""
    renderer = ax.figure.canvas.get_renderer()
    frame = ax.get_window_extent(renderer)
    placed = []
    for text, xy in labels:
        for offset, align in (((3, 2), "left"), ((-3, 2), "right"), ((3, -9), "left"), ((-3, -9), "right")):
            label = ax.annotate(text, xy, fontsize=fontsize, xytext=offset, textcoords="offset points", ha=align)
            box = label.get_window_extent(renderer)
            inside = frame.x0 <= box.x0 and box.x1 <= frame.x1 and frame.y0 <= box.y0 and box.y1 <= frame.y1
            if inside and not any(box.overlaps(other) for other in placed):
                placed.append(box)
                break
            label.remove()


def overlapping_labels(figure: Figure) -> list[tuple[str, str]]:
    """Pairs of texts a reader sees on a figure (titles, axis labels, the tick labels drawn, annotations, legend
    entries) whose drawn boxes overlap: what a reader cannot read. Empty for a legible figure."""
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()
    boxes = []
    for text in _drawn_texts(figure):
        try:
            box = text.get_window_extent(renderer)
        except (RuntimeError, ValueError):
            continue
        if box.width and box.height:
            boxes.append((text, box))
    found = []
    for i, (a, box_a) in enumerate(boxes):
        for b, box_b in boxes[i + 1:]:
            if _area(box_a, box_b) > 1.0:
                found.append((a.get_text(), b.get_text()))
    return found


def _drawn_texts(figure: Figure) -> list[Text]:
    """The visible, non-empty texts a figure draws, each once; a tick label only where its tick is in view (the
    others exist but are not drawn)."""
    ticks, in_view = set(), set()
    for ax in figure.axes:
        for axis in (ax.xaxis, ax.yaxis):
            low, high = sorted(axis.get_view_interval())
            margin = (high - low) * 1e-9
            for tick in [*axis.get_major_ticks(), *axis.get_minor_ticks()]:
                for label in (tick.label1, tick.label2):
                    ticks.add(id(label))
                    if ax.get_visible() and low - margin <= tick.get_loc() <= high + margin:
                        in_view.add(id(label))
    seen, drawn = set(), []
    for text in figure.findobj(Text):
        if id(text) in seen or not text.get_visible() or not text.get_text().strip():
            continue
        seen.add(id(text))
        if id(text) not in ticks or id(text) in in_view:
            drawn.append(text)
    return drawn


def _area(a, b) -> float:
    """Area of the intersection of two boxes, in pixels (touching edges do not count)."""
    return max(0.0, min(a.x1, b.x1) - max(a.x0, b.x0)) * max(0.0, min(a.y1, b.y1) - max(a.y0, b.y0))
