"""Interactive outputs for exploring a corpus in JupyterLab and in the shared HTML reports.

`term_explorer(corpus, by="role")` places every term of the corpus by how often it is used (x) and by how
distinctive it is of one group (y: the z-score of `helpers.compare.weighted_log_odds`, that group against all
the others), for any grouping: a column of the sentences (`role`, `speaker`), of the documents
(`counterpart_country`, `source_style`, `event_type`, ...) or a period of the readouts' dates (`year`,
`quarter`, `month`). Hovering a point shows the term, its counts and its z; a menu picks the group the y axis
is for; the search box finds a term; a click lists the sentences that contain it, with speaker, readout and date.

`table(frame)` shows a frame as a sortable, searchable, paginated table (DataTables, through itables) with
whole sentences visible.

Both are self-contained: the JavaScript they need (Bokeh's, DataTables') is embedded in the output, so they
work offline, in JupyterLab and in the pages `make report` writes alike, and no page calls out to a CDN.
Each output also has a short, stable plain-text form, which is what nbval compares besides the HTML, and the
HTML is the same on every run (no random ids), so committed outputs stay comparable.

Sizes are capped so that a report of 10,000 readouts stays small (README, "Exploring"): the explorer keeps
at most `max_terms` points (400), `max_groups` groups (8), `sentences_per_term` sentences per term (8) and
`max_sentences` sentences in all (2,000), each cut at `sentence_chars` characters (400); a table keeps at
most `max_rows` rows (2,000).
"""
from __future__ import annotations

import hashlib
import html
import re
import threading
import warnings
from dataclasses import dataclass, field
from typing import Sequence

import numpy as np
import pandas as pd

from .compare import SmallGroupWarning, weighted_log_odds
from .keywords import frequencies

__all__ = ["term_explorer", "TermExplorer", "table", "Table", "PERIODS"]

# The periods a date can be grouped by, as pandas period frequencies.
PERIODS = {"year": "Y", "quarter": "Q", "month": "M"}

_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_BUILD = threading.Lock()


# --- the term explorer ---------------------------------------------------------------------------

@dataclass
class TermExplorer:
    """What `term_explorer` returns: the data behind the chart, and the chart as a self-contained page.

    `terms`: one row per term shown (`term`, `n` over all groups, `n_<i>` and `z_<i>` for group i of
    `groups`, `sentences`: the row numbers in `sentences` of the sentences kept for it).
    `sentences`: the sentences kept (`doc_id`, `sent_id`, `group`, `speaker`, `title`, `date`, `text`).
    In a notebook it shows as the interactive chart in a sandboxed frame (`_repr_html_`), and as
    `<TermExplorer: 412 terms, 3 groups, 1,830 sentences>` in plain text.
    """
    by: str
    groups: list[str]
    terms: pd.DataFrame
    sentences: pd.DataFrame
    title: str = ""
    height: int = 640
    _page: str | None = field(default=None, repr=False, compare=False)

    def __repr__(self) -> str:
        return (f"<TermExplorer: {len(self.terms):,} terms, {len(self.groups):,} groups, "
                f"{len(self.sentences):,} sentences>")

    def html(self) -> str:
        """The explorer as a standalone HTML page, BokehJS included (no request leaves the page)."""
        if self._page is None:
            self._page = _explorer_page(self)
        return self._page

    def save(self, path) -> None:
        """Write `html()` to `path` (open it in any browser, offline)."""
        from pathlib import Path
        Path(path).write_text(self.html(), encoding="utf-8")

    def _repr_html_(self) -> str:
        # A sandboxed frame: the page's scripts run in it, apart from the notebook's (or report's) own page,
        # and cannot reach it; the same markup works in JupyterLab and in nbconvert's pages.
        label = html.escape(self.title or f"Term explorer by {self.by}", quote=True)
        return (f'<iframe class="readouts-explorer" title="{label}" sandbox="allow-scripts" '
                f'style="width:100%;height:{self.height + 40}px;border:1px solid #ddd" '
                f'srcdoc="{html.escape(self.html(), quote=True)}"></iframe>')

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        return {"text/plain": repr(self), "text/html": self._repr_html_()}


# Terms labelled on the chart for the group shown, the most distinctive: more would print over each other; the
# others are read by hovering.
_LABELLED = 6


def term_explorer(corpus, by: str = "role", *, groups: Sequence[str] | None = None, term: str = "lower",
                  leave_out: str | Sequence[str] = "all", min_count: int = 2, max_terms: int = 400, max_groups: int = 8, sentences_per_term: int = 8,
                  max_sentences: int = 2000, sentence_chars: int = 400, title: str | None = None,
                  height: int = 640) -> TermExplorer:
    """Terms by frequency and distinctiveness for the groups of `by`, as an interactive chart.

    `by` is a column of `corpus.sentences` (`role`, `speaker`), of `corpus.documents` (`counterpart_country`,
    `source_style`, `event_type`, `host`, ...) or one of `PERIODS` (`year`, `quarter`, `month` of the readout's
    `date`). `groups` keeps only those groups (default: the `max_groups` groups with the most words; sentences
    with no value for `by` are left out). Terms are `term` (`lower` or `stem`) of the tokens, without stop
    words and punctuation (as `keywords.frequencies`), without what `leave_out` names (by default names of people,
    countries and the publisher's boilerplate, which would otherwise lead every group; `()` keeps them), used at
    least `min_count` times.

    y is the z-score of the weighted log odds (`compare.weighted_log_odds`, tidylo's) of the term in one group
    against all the other groups pooled, computed for each group; the chart starts on the first group and a
    menu switches. The points kept: for each group its most distinctive terms, and the most frequent terms
    overall, `max_terms` in all. For each term, up to `sentences_per_term` sentences containing it, drawn
    evenly across its groups and the corpus; `max_sentences` in all, each cut at `sentence_chars` characters.
    """
    sentences, tokens = _grouped(corpus, by)
    found = [g for g in pd.unique(sentences["group"]) if g != ""]
    if groups is not None:
        wanted = [str(g) for g in groups]
        missing = [g for g in wanted if g not in found]
        if missing:
            raise ValueError(f"no sentences with {by} = {', '.join(map(repr, missing))} "
                             f"(there are: {', '.join(map(repr, sorted(found)[:20]))})")
        chosen = wanted
    else:
        words = tokens.loc[~tokens["is_punct"]].groupby("group", observed=True).size()
        words = words[words.index != ""].sort_values(ascending=False, kind="stable")
        chosen = list(words.index[:max_groups])
    if len(chosen) < 2:
        raise ValueError(f"the explorer compares groups: {by} has {len(chosen)} group(s) with text "
                         f"({', '.join(map(repr, chosen)) or 'none'})")
    tokens = tokens.loc[tokens["group"].isin(chosen)]
    counts = frequencies(tokens, by="group", term=term, leave_out=leave_out)[["group", "term", "n"]]
    counts["group"] = counts["group"].astype(str)
    totals = counts.groupby("term", sort=False)["n"].sum()
    keep = totals.index[totals >= min_count]
    counts = counts.loc[counts["term"].isin(keep)]
    if counts.empty:
        raise ValueError(f"no term is used {min_count} times or more in the groups of {by}")
    wide = counts.pivot_table(index="term", columns="group", values="n", aggfunc="sum", fill_value=0)
    wide = wide.reindex(columns=chosen, fill_value=0)
    frame = pd.DataFrame({"term": wide.index.astype(str), "n": wide.sum(axis=1).to_numpy()})
    for i, group in enumerate(chosen):
        frame[f"n_{i}"] = wide[group].to_numpy()
        frame[f"z_{i}"] = _z_against_rest(counts, group).reindex(wide.index).fillna(0.0).to_numpy()
    frame = _pick_terms(frame, len(chosen), max_terms)
    kept = _sentences_for(frame, sentences, tokens, term=term, per_term=sentences_per_term,
                          limit=max_sentences, chars=sentence_chars, corpus=corpus)
    frame, kept = kept
    return TermExplorer(by=by, groups=[str(g) for g in chosen], terms=frame.reset_index(drop=True),
                        sentences=kept.reset_index(drop=True),
                        title=title or f"Terms by {by}: frequency and distinctiveness", height=height)


def _grouped(corpus, by: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The sentences and tokens with a string column `group` holding each one's value of `by` ('' if none)."""
    sentences, tokens, documents = corpus.sentences, corpus.tokens, corpus.documents
    if by in PERIODS:
        dates = pd.to_datetime(documents["date"], errors="coerce")
        values = dates.dt.to_period(PERIODS[by]).astype(str).where(dates.notna(), "")
        per_doc = pd.Series(values.to_numpy(), index=documents["doc_id"].astype(str))
    elif by in sentences.columns:
        per_doc = None
    elif by in documents.columns:
        values = documents[by]
        if values.map(lambda v: isinstance(v, (list, tuple, np.ndarray))).any():
            values = values.map(lambda v: str(v[0]) if len(v) else "")
        per_doc = pd.Series(values.fillna("").astype(str).to_numpy(), index=documents["doc_id"].astype(str))
    else:
        raise ValueError(f"cannot group by {by!r}: it is no column of the sentences or documents, "
                         f"nor one of {', '.join(PERIODS)}")
    if per_doc is None:
        group_of_sentence = sentences[by].astype("string").fillna("").astype(str).to_numpy()
    else:
        group_of_sentence = sentences["doc_id"].astype(str).map(per_doc).fillna("").to_numpy()
    sentences = sentences.assign(group=group_of_sentence)
    keys = pd.MultiIndex.from_arrays([sentences["doc_id"].astype(str), sentences["sent_id"]])
    lookup = pd.Series(group_of_sentence, index=keys)
    token_keys = pd.MultiIndex.from_arrays([tokens["doc_id"].astype(str), tokens["sent_id"]])
    tokens = tokens.assign(group=lookup.reindex(token_keys).fillna("").to_numpy())
    return sentences, tokens


def _z_against_rest(counts: pd.DataFrame, group: str) -> pd.Series:
    """Per term, the weighted log odds z of `group` against all other groups pooled."""
    two = counts.assign(side=np.where(counts["group"] == group, "target", "rest"))
    two = two.groupby(["side", "term"], as_index=False, sort=False)["n"].sum()
    with warnings.catch_warnings():
        # the explorer shows each term's counts beside its z on hover: a small group is seen as such there
        warnings.simplefilter("ignore", SmallGroupWarning)
        scored = weighted_log_odds(two, "side", term="term", n="n")
    return scored.loc[scored["side"] == "target"].set_index("term")["log_odds_weighted"]


def _pick_terms(frame: pd.DataFrame, n_groups: int, max_terms: int) -> pd.DataFrame:
    """At most `max_terms` terms: each group's most distinctive terms first (half the room), then the most
    frequent terms overall; in the order of overall frequency."""
    if len(frame) <= max_terms:
        chosen = frame.index
    else:
        picked: list = []
        per_group = max(1, max_terms // (2 * n_groups))
        for i in range(n_groups):
            top = frame.sort_values([f"z_{i}", "term"], ascending=[False, True], kind="stable").index[:per_group]
            picked.extend(top)
        by_frequency = frame.sort_values(["n", "term"], ascending=[False, True], kind="stable").index
        picked.extend(by_frequency)
        chosen = pd.Index(list(dict.fromkeys(picked))[:max_terms])
    return frame.loc[chosen].sort_values(["n", "term"], ascending=[False, True], kind="stable")


def _sentences_for(frame: pd.DataFrame, sentences: pd.DataFrame, tokens: pd.DataFrame, *, term: str,
                   per_term: int, limit: int, chars: int, corpus) -> tuple[pd.DataFrame, pd.DataFrame]:
    """For each term (in `frame`'s order), the sentences kept for it, spread over its groups and the corpus;
    each sentence stored once. Returns `frame` with `sentences` (space-separated row numbers) and the
    sentences."""
    lower = tokens[term].astype(str)
    hits = tokens.loc[lower.isin(set(frame["term"])), ["doc_id", "sent_id", "group"]].assign(term=lower)
    hits["doc_id"] = hits["doc_id"].astype(str)
    hits = hits.drop_duplicates(["term", "doc_id", "sent_id"])
    by_term = {t: part for t, part in hits.groupby("term", sort=False)}
    order: dict[tuple, int] = {}
    rows: list[tuple] = []
    lists = []
    for t in frame["term"]:
        part = by_term.get(t)
        chosen: list[tuple] = []
        if part is not None:
            for _, in_group in part.groupby("group", sort=True):
                # evenly spaced through the corpus, so a term's first readout does not fill its list
                step = max(1, len(in_group) // per_term)
                chosen.extend(zip(in_group["doc_id"].iloc[::step][:per_term], in_group["sent_id"].iloc[::step][:per_term],
                                  in_group["group"].iloc[::step][:per_term]))
            # round-robin over the groups' lists, up to per_term
            chosen = _interleave(chosen, per_term)
        numbers = []
        for doc_id, sent_id, group in chosen:
            key = (doc_id, sent_id)
            if key not in order:
                if len(order) >= limit:
                    continue
                order[key] = len(order)
                rows.append((doc_id, sent_id, group))
            numbers.append(order[key])
        lists.append(" ".join(map(str, numbers)))
    frame = frame.assign(sentences=lists)
    kept = pd.DataFrame(rows, columns=["doc_id", "sent_id", "group"])
    info = sentences.assign(doc_id=sentences["doc_id"].astype(str))[["doc_id", "sent_id", "speaker", "text"]]
    kept = kept.merge(info, on=["doc_id", "sent_id"], how="left")
    documents = corpus.documents.assign(doc_id=corpus.documents["doc_id"].astype(str))
    dates = pd.to_datetime(documents["date"], errors="coerce").dt.strftime("%Y-%m-%d").fillna("")
    meta = pd.DataFrame({"doc_id": documents["doc_id"], "title": documents["title"].astype(str), "date": dates})
    kept = kept.merge(meta, on="doc_id", how="left")
    kept["speaker"] = kept["speaker"].astype(str).fillna("")
    text = kept["text"].astype(str)
    kept["text"] = text.where(text.str.len() <= chars, text.str.slice(0, chars - 1).str.rstrip() + "…")
    return frame, kept[["doc_id", "sent_id", "group", "speaker", "title", "date", "text"]]


def _interleave(chosen: list[tuple], limit: int) -> list[tuple]:
    """`chosen` (grouped by group, in order) taken one group at a time in turn, up to `limit`."""
    queues: dict[str, list[tuple]] = {}
    for item in chosen:
        queues.setdefault(item[2], []).append(item)
    out: list[tuple] = []
    while len(out) < limit and any(queues.values()):
        for queue in queues.values():
            if queue and len(out) < limit:
                out.append(queue.pop(0))
    return out


# The browser side of the explorer: a click (or a search) selects terms; the first one's sentences are listed.
_JS = r"""
const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));
const d = terms.data, s = sentences.data;
const g = groups.indexOf(menu.value);
function setGroup() {
  d['y'] = d['z_' + g].slice();
  d['n_sel'] = d['n_' + g].slice();
  d['label'] = d['term'].map((t, i) => d['top_' + g][i] ? t : '');
  terms.change.emit();
  plot.yaxis[0].axis_label = 'distinctive of ' + menu.value + ' (z of weighted log odds vs. the rest)';
}
function show(indices) {
  if (!indices.length) { panel.text = '<p class="hint">Click a point or search a term to read its sentences.</p>'; return; }
  const i = indices[0];
  const term = d['term'][i];
  const rows = d['sentences'][i] ? d['sentences'][i].split(' ').map(Number) : [];
  const counts = groups.map((name, k) => esc(name) + ' ' + d['n_' + k][i]).join(' · ');
  const pattern = new RegExp('(^|[^\\p{L}\\p{N}])(' + term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + ')(?=$|[^\\p{L}\\p{N}])', 'giu');
  let out = '<div class="term"><b>' + esc(term) + '</b> — ' + d['n'][i] + ' times (' + counts + '), z = ' +
            d['y'][i].toFixed(2) + ' for ' + esc(menu.value) + '</div>';
  if (indices.length > 1) {
    out += '<div class="also">also matching: ' + indices.slice(1, 12).map((k) => esc(d['term'][k])).join(', ') + '</div>';
  }
  out += '<ol class="sentences">';
  for (const r of rows) {
    const text = esc(s['text'][r]).replace(pattern, '$1<mark>$2</mark>');
    out += '<li data-doc="' + esc(s['doc_id'][r]) + '"><span class="who">' + esc(s['speaker'][r] || '(no speaker)') +
           '</span> <span class="grp">[' + esc(s['group'][r]) + ']</span> ' + text +
           '<div class="src">' + esc(s['title'][r]) + ' · ' + esc(s['doc_id'][r]) + (s['date'][r] ? ' · ' + esc(s['date'][r]) : '') + '</div></li>';
  }
  out += '</ol>';
  if (!rows.length) { out += '<p class="hint">No sentence kept for this term.</p>'; }
  panel.text = out;
}
if (mode === 'group') { setGroup(); show(terms.selected.indices); }
else if (mode === 'select') { show(terms.selected.indices); }
else if (mode === 'search') {
  const q = String(search.value_input || '').trim().toLowerCase();
  if (!q) { terms.selected.indices = []; status.text = ''; show([]); }
  else {
    const exact = [], prefix = [], inside = [];
    d['term'].forEach((t, k) => { if (t === q) exact.push(k); else if (t.startsWith(q)) prefix.push(k); else if (t.includes(q)) inside.push(k); });
    const found = exact.concat(prefix, inside);
    status.text = found.length ? found.length + ' matching term' + (found.length > 1 ? 's' : '') : 'no term matches “' + esc(q) + '”';
    terms.selected.indices = found;
    show(found);
  }
}
"""

_CSS = """
:host { font-family: system-ui, sans-serif; }
.term { font-size: 15px; margin-bottom: 4px; }
.also { color: #555; font-size: 12px; margin-bottom: 4px; }
.sentences { padding-left: 1.4em; margin: 6px 0; }
.sentences li { margin: 0 0 8px 0; font-size: 13px; line-height: 1.4; }
.who { font-weight: 600; }
.grp { color: #666; }
.src { color: #666; font-size: 11px; }
.hint { color: #666; }
mark { background: #ffe58a; }
"""


def _explorer_page(explorer: TermExplorer) -> str:
    """The standalone page: Bokeh models with INLINE resources, ids made the same on every run."""
    from bokeh.document import Document
    from bokeh.embed import file_html
    from bokeh.layouts import column, row
    from bokeh.models import (ColumnDataSource, CustomJS, Div, HoverTool, InlineStyleSheet, LabelSet, Select,
                              TapTool, TextInput)
    from bokeh.plotting import figure
    from bokeh.resources import INLINE

    terms, groups = explorer.terms, explorer.groups
    data = {"term": terms["term"].tolist(), "n": terms["n"].astype(int).tolist(),
            "sentences": terms["sentences"].tolist()}
    for i in range(len(groups)):
        data[f"n_{i}"] = terms[f"n_{i}"].astype(int).tolist()
        data[f"z_{i}"] = [round(float(v), 3) for v in terms[f"z_{i}"]]
        top = set(terms.nlargest(_LABELLED, f"z_{i}")["term"])
        data[f"top_{i}"] = [1 if t in top else 0 for t in terms["term"]]
    data["y"] = list(data["z_0"])
    data["n_sel"] = list(data["n_0"])
    data["label"] = [t if flag else "" for t, flag in zip(data["term"], data["top_0"])]
    data["counts"] = [" · ".join(f"{g} {terms[f'n_{i}'].iloc[r]}" for i, g in enumerate(groups))
                      for r in range(len(terms))]
    kept = explorer.sentences
    sentence_data = {c: kept[c].astype(str).tolist() for c in ["doc_id", "group", "speaker", "title", "date", "text"]}

    with _BUILD:
        source = ColumnDataSource(data, name="terms")
        sentence_source = ColumnDataSource(sentence_data, name="sentences")
        plot = figure(title=explorer.title, x_axis_type="log", height=explorer.height - 60, width=620,
                      tools="pan,wheel_zoom,box_zoom,reset,tap", active_scroll="wheel_zoom",
                      x_axis_label="frequency (occurrences over all groups, log scale)",
                      y_axis_label=f"distinctive of {groups[0]} (z of weighted log odds vs. the rest)",
                      name="plot")
        plot.scatter("n", "y", source=source, size=8, alpha=0.55, color="#1f77b4", line_color="#0b3d66",
                     selection_color="#d62728", selection_alpha=0.95, nonselection_alpha=0.2, name="points")
        plot.add_layout(LabelSet(x="n", y="y", text="label", source=source, text_font_size="10px",
                                 x_offset=5, y_offset=2, text_color="#333"))
        plot.add_tools(HoverTool(renderers=plot.select(name="points"), name="hover",
                                 tooltips=[("term", "@term"), ("occurrences", "@n (@counts)"), ("z", "@y{0.00}")]))
        plot.select_one(TapTool).behavior = "select"
        menu = Select(title="Distinctive of", value=groups[0], options=groups, width=240, name="group")
        search = TextInput(title="Search a term", placeholder="e.g. cooperation", width=240, name="search")
        status = Div(text="", width=240, name="status")
        panel = Div(text='<p class="hint">Click a point or search a term to read its sentences.</p>',
                    width=520, height=explorer.height - 60, name="panel", stylesheets=[InlineStyleSheet(css=_CSS)],
                    styles={"overflow-y": "auto", "border-left": "1px solid #ddd", "padding-left": "10px"})
        args = dict(terms=source, sentences=sentence_source, groups=groups, menu=menu, search=search,
                    status=status, panel=panel, plot=plot)
        source.selected.js_on_change("indices", CustomJS(args={**args, "mode": "select"}, code=_JS))
        search.js_on_change("value_input", CustomJS(args={**args, "mode": "search"}, code=_JS))
        menu.js_on_change("value", CustomJS(args={**args, "mode": "group"}, code=_JS))
        layout = column(row(menu, search, status), row(plot, panel), name="explorer")
        document = Document(title=explorer.title)
        _number_models([layout, document.config])
        document.add_root(layout)
        page = file_html(document, resources=INLINE, title=explorer.title)
    return _steady_uuids(page.replace("<head>", "<head>" + _ERRORS, 1))


# First in the page: an error of the chart's scripts is kept in `readoutsErrors` and said in the page, rather than
# leaving an empty frame (a page in a sandboxed frame has no console a reader would look at).
_ERRORS = """
<script>
window.readoutsErrors = [];
(function () {
  function keep(message) {
    window.readoutsErrors.push(String(message));
    document.addEventListener('DOMContentLoaded', say);
    if (document.body) { say(); }
  }
  function say() {
    var note = document.getElementById('readouts-error') || document.createElement('p');
    note.id = 'readouts-error';
    note.style.cssText = 'color:#b00020;font:13px system-ui,sans-serif;margin:4px';
    note.textContent = 'The explorer could not run: ' + window.readoutsErrors.join('; ');
    if (!note.parentNode) { document.body.insertBefore(note, document.body.firstChild); }
  }
  window.addEventListener('error', function (event) { keep(event.message); });
  window.addEventListener('unhandledrejection', function (event) { keep(event.reason); });
  var original = console.error;
  console.error = function () { keep(Array.prototype.join.call(arguments, ' ')); return original.apply(console, arguments); };
})();
</script>
"""


def _number_models(roots) -> None:
    """Give every model under `roots` an id counted from this chart (`e1`, `e2`, ...) in creation order, instead
    of Bokeh's process-wide counter, so the same chart gets the same page in any process."""
    models = sorted({m for root in roots for m in root.references()}, key=lambda m: (len(m.id), m.id))
    for number, model in enumerate(models, start=1):
        model._id = f"e{number}"


def _steady_uuids(page: str) -> str:
    """The random UUIDs Bokeh gives the document and its elements, numbered in order of appearance instead."""
    seen: dict[str, str] = {}

    def steady(found: re.Match) -> str:
        return seen.setdefault(found.group(0), f"00000000-0000-4000-8000-{len(seen) + 1:012d}")
    return _UUID.sub(steady, page)


# --- interactive tables --------------------------------------------------------------------------

_ASSETS_SENT = False  # DataTables goes into the first table shown in a process (kernel), as itables' own offline mode


@dataclass
class Table:
    """What `table` returns: a frame shown as an interactive table (HTML) with a plain-text fallback."""
    frame: pd.DataFrame
    caption: str = ""
    total: int = 0
    page_length: int = 10
    assets: bool | None = None   # None: with the DataTables assets the first time a table is shown here

    def __repr__(self) -> str:
        shown = self.frame
        with pd.option_context("display.max_rows", 10, "display.min_rows", 10, "display.max_colwidth", 70,
                               "display.width", 200, "display.max_columns", 20):
            text = shown.to_string(max_rows=10, min_rows=10, max_colwidth=70)
        head = f"<Table: {self.total:,} rows x {shown.shape[1]} columns"
        head += f", first {len(shown):,} shown" if len(shown) < self.total else ""
        head += f"; {self.caption}>" if self.caption else ">"
        return head + "\n" + text

    def _repr_html_(self) -> str:
        global _ASSETS_SENT
        from itables.javascript import generate_init_offline_itables_html, to_html_datatable
        from itables import options
        assets = self.assets if self.assets is not None else not _ASSETS_SENT
        digest = hashlib.sha1(pd.util.hash_pandas_object(self.frame.astype(str), index=True).to_numpy().tobytes()
                              + self.caption.encode()).hexdigest()[:12]
        caption = self.caption + (f" (first {len(self.frame):,} of {self.total:,} rows)" if len(self.frame) < self.total else "")
        body = to_html_datatable(self.frame, table_id=f"readouts_table_{digest}", connected=False, caption=caption or None,
                                 # without itables' default "nowrap", so that whole sentences show, wrapped
                                 classes="display compact", pageLength=self.page_length,
                                 lengthMenu=[5, 10, 25, 50, 100], showIndex=False, autoWidth=False,
                                 # rows are capped by `table`, not downsampled by itables (whose default is 64 KB)
                                 maxBytes=2**40, maxRows=0,
                                 # a click anywhere on a header sorts (not only on its arrows)
                                 text_in_header_can_be_selected=False, display_logo_when_loading=False)
        if assets:
            body = generate_init_offline_itables_html(options.dt_bundle) + body
            if self.assets is None:
                _ASSETS_SENT = True
        return body

    def _repr_mimebundle_(self, include=None, exclude=None) -> dict:
        return {"text/plain": repr(self), "text/html": self._repr_html_()}


def table(frame: pd.DataFrame, *, caption: str = "", columns: Sequence[str] | None = None, max_rows: int = 2000,
          page_length: int = 10, assets: bool | None = None) -> Table:
    """`frame` (its `columns`, default all) as an interactive table: sort by any column, search every cell,
    pages of `page_length` rows, whole cells shown (long sentences wrap). At most `max_rows` rows are kept
    (the caption says so). DataTables' script and style are embedded in the first table shown in a kernel
    (`assets=True` puts them in this one, `False` leaves them out), so the table works offline.

    In plain text (what nbval compares, besides the HTML) it shows the row count and the first and last rows.
    """
    shown = frame if columns is None else frame[list(columns)]
    shown = shown.reset_index(drop=isinstance(shown.index, pd.RangeIndex))
    for name in shown.columns:
        if isinstance(shown[name].dtype, pd.CategoricalDtype):
            shown[name] = shown[name].astype(str)
        elif shown[name].dtype == object and shown[name].map(lambda v: isinstance(v, (list, tuple, np.ndarray))).any():
            shown[name] = shown[name].map(lambda v: "; ".join(map(str, v)) if isinstance(v, (list, tuple, np.ndarray)) else v)
    return Table(shown.head(max_rows).copy(), caption=caption, total=len(shown), page_length=page_length, assets=assets)
