"""Comparison: weighted log odds (tidylo), Dirichlet log odds ratios (Monroe et al.; scattertext),
keyness (quanteda), and speaker profiles. Any number of groups; every result is a frame.

The comparison verbs take a counts frame with one row per group and term, such as
`helpers.keywords.frequencies(tokens, by="speaker")`.
"""
from __future__ import annotations

import warnings
from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd
from scipy import stats
from scipy.special import xlogy

from .frames import as_list, require_columns
from .themes import Dictionary, code_themes, tokens_for

__all__ = ["weighted_log_odds", "log_odds_ratio", "keyness", "speaker_profile", "group_sizes", "sizes_in_words",
           "SmallGroupWarning", "SMALL_GROUP"]


def _counts(counts: pd.DataFrame, group: list[str], term: str, n: str) -> pd.DataFrame:
    require_columns(counts, [*group, term, n], "counts")
    if counts[[*group, term]].duplicated().any():
        raise ValueError(f"counts must have one row per {group + [term]}; sum them first, "
                         f"e.g. counts.groupby({group + [term]!r}, as_index=False)[{n!r}].sum()")
    values = pd.to_numeric(counts[n], errors="raise")
    if (values < 0).any():
        raise ValueError(f"counts column {n!r} has negative values")
    return counts


class SmallGroupWarning(UserWarning):
    """A comparison was asked of a group too small for its scores to be read as they would be on more text."""


# Below this many counted words a group's scores rest on little text (a term seen once or twice already moves its
# z-score by whole units), so the comparison says so unless the caller has set a `min_size` of their own.
SMALL_GROUP = 1000


def group_sizes(counts: pd.DataFrame, group: str | Sequence[str], *, n: str = "n", min_size: int = SMALL_GROUP) -> pd.DataFrame:
    """The text behind a comparison: counted words per group (from `frequencies` output or any counts), and whether
    each group reaches `min_size` words. One row per group, largest first."""
    group = as_list(group)
    require_columns(counts, [*group, n], "counts")
    sizes = counts.groupby(group, observed=True)[n].sum().rename("words").reset_index()
    sizes["words"] = sizes["words"].astype("int64")
    sizes["enough"] = sizes["words"] >= min_size
    return sizes.sort_values("words", ascending=False, kind="stable").reset_index(drop=True)


def sizes_in_words(sizes: pd.DataFrame, *, min_size: int = SMALL_GROUP) -> str:
    """A sentence a reader can act on: the words behind each group of `group_sizes` output, and which groups are too
    small for their scores to mean much."""
    labels = [" / ".join(str(v) for v in row) for row in sizes.drop(columns=["words", "enough"]).itertuples(index=False)]
    described = "; ".join(f"{label}: {words:,} words" for label, words in zip(labels, sizes["words"]))
    small = [label for label, enough in zip(labels, sizes["enough"]) if not enough]
    if not small:
        return f"Text behind the comparison: {described}. Every group reaches {min_size:,} words."
    return (f"Text behind the comparison: {described}. {', '.join(small)} {'has' if len(small) == 1 else 'have'} fewer "
            f"than {min_size:,} words: too little text for distinctive words to be read as findings; shown for "
            f"illustration only.")


def _sizes_checked(sizes: Mapping, min_size: int | None, what: str) -> None:
    """Refuse (with `min_size`) or warn (below SMALL_GROUP words) about groups of few counted words, in words."""
    described = ", ".join(f"{label!r}: {int(size):,}" for label, size in sizes.items())
    if min_size is not None:
        small = {label: size for label, size in sizes.items() if size < min_size}
        if small:
            raise ValueError(f"{what}: {', '.join(repr(k) for k in small)} counted fewer than min_size={min_size:,} "
                             f"words (sizes {described}); too little text to compare, so no scores are given")
        return
    small = {label: size for label, size in sizes.items() if size < SMALL_GROUP}
    if small:
        warnings.warn(f"{what}: {', '.join(repr(k) for k in small)} counted fewer than {SMALL_GROUP:,} words "
                      f"(sizes {described}); scores of a small group rest on few occurrences and its rare terms "
                      f"swing widely. Read them beside the counts the result carries, or pass min_size= to refuse such groups.",
                      SmallGroupWarning, stacklevel=3)


def weighted_log_odds(counts: pd.DataFrame, group: str | Sequence[str], term: str = "term", n: str = "n", *,
                      uninformative: bool = False, unweighted: bool = False, complete: bool = True,
                      min_count: int = 0, min_size: int | None = None) -> pd.DataFrame:
    """Weighted log odds ratio of each term in each group (Monroe, Colaresi & Quinn 2008), over the
    whole group x term grid by default; `complete=False` gives tidylo's `bind_log_odds` exactly.

    Each term's prior pseudo-count is alpha = its total count over all groups (the
    empirical-Bayes prior tidylo uses; alpha = 1 with `uninformative=True`). With
    y = n + alpha, n_i the group's sum of y, y_w the term's sum of y and N the sum of all
    y, each group is compared with the pooled counts:
    delta = log(y / (n_i - y)) - log(y_w / (N - y_w)), sigma2 = 1/y + 1/y_w, and
    `log_odds_weighted` = delta / sqrt(sigma2), a z-score. Works for any number of groups.

    `complete=True` (the default) scores every group against every term of the
    vocabulary, a term a group never uses entering with n = 0, as the paper defines the
    sums (alpha_0 over the whole vocabulary): a small group's unused terms then score
    below zero, instead of every term it does use scoring above zero. `complete=False`
    sums over the pairs present in `counts` only, as tidylo does. `min_count` drops terms
    seen fewer times than that over all groups before scoring (tidylo's vignettes filter
    so). Groups with fewer than 1,000 counted words raise a `SmallGroupWarning`;
    `min_size=` refuses groups below the size given instead.

    Returns `counts` with `group_total` (the group's counted words), `term_total` (the
    term's count over all groups) and `log_odds_weighted` added (and the unweighted
    `log_odds` = delta when `unweighted=True`): its rows in their original order, then,
    when complete, the zero rows the grid adds (`n` = 0; other columns of `counts` filled
    where they are constant within the group or the term, else missing).
    """
    group = as_list(group)
    counts = _counts(counts, group, term, n)
    if min_count > 0 and not counts.empty:
        counts = counts[counts.groupby(term, observed=True)[n].transform("sum") >= min_count]
    out = counts.copy()
    if counts.empty:
        for column in ("group_total", "term_total", "log_odds_weighted") + (("log_odds",) if unweighted else ()):
            out[column] = pd.Series(dtype=float)
        return out
    sizes = counts.groupby(group, observed=True, sort=False)[n].sum()
    _sizes_checked(sizes.to_dict(), min_size, "weighted_log_odds")
    if complete:
        out = _completed(out, group, term, n)
    y = out[n].to_numpy(dtype=float)
    frame = pd.DataFrame({"g": out.groupby(group, observed=True, sort=False).ngroup().to_numpy(),
                          "w": pd.factorize(out[term])[0], "n": y})
    term_total = frame.groupby("w")["n"].transform("sum").to_numpy()
    alpha = 1.0 if uninformative else term_total
    y = y + alpha
    frame["y"] = y
    n_i = frame.groupby("g")["y"].transform("sum").to_numpy()
    y_w = frame.groupby("w")["y"].transform("sum").to_numpy()
    total = y.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        delta = np.log(y / (n_i - y)) - np.log(y_w / (total - y_w))
        sigma2 = 1 / y + 1 / y_w
        out["group_total"] = frame.groupby("g")["n"].transform("sum").to_numpy()
        out["term_total"] = term_total
        out["log_odds_weighted"] = delta / np.sqrt(sigma2)
    if unweighted:
        out["log_odds"] = delta
    return out


def _completed(counts: pd.DataFrame, group: list[str], term: str, n: str) -> pd.DataFrame:
    """`counts` followed by a zero row for every group and term pair it lacks."""
    groups = counts[group].drop_duplicates()
    terms = counts[[term]].drop_duplicates()
    grid = groups.merge(terms, how="cross")
    present = pd.MultiIndex.from_frame(counts[[*group, term]])
    missing = grid[~pd.MultiIndex.from_frame(grid).isin(present)].reset_index(drop=True)
    if missing.empty:
        return counts
    missing[n] = 0
    for column in counts.columns.difference([*group, term, n], sort=False):
        # a column that holds one value per group (a group's total words) or per term (an n-gram's length) is
        # filled for the new rows; anything else (a rate, a document's field) is left missing rather than guessed
        for key in (group, [term]):
            if (counts.groupby(key, observed=True)[column].nunique(dropna=False) <= 1).all():
                values = counts.drop_duplicates(key).set_index(key)[column]
                missing[column] = pd.MultiIndex.from_frame(missing[key]).map(values.to_dict().get) if len(key) > 1 \
                    else missing[key[0]].map(values)
                break
        else:
            missing[column] = np.nan
    out = pd.concat([counts, missing[list(counts.columns)]], ignore_index=True)
    for column in (*group, term):  # concat loses a categorical dtype when the new rows' categories differ
        if out[column].dtype != counts[column].dtype:
            out[column] = out[column].astype(counts[column].dtype)
    return out


def _two_sides(counts: pd.DataFrame, group: list[str], term: str, n: str, target, reference) -> pd.DataFrame:
    """Per term: its count in the target groups (`a`) and in the reference groups (`b`).

    `target` and `reference` are group values (a tuple per value when grouping by several
    columns) or lists of them; reference None means every group that is not a target.
    """
    counts = _counts(counts, group, term, n)
    labels = counts[group[0]] if len(group) == 1 else pd.Series(list(counts[group].itertuples(index=False, name=None)), index=counts.index)

    def values(chosen) -> list:
        if chosen is None:
            return []
        if isinstance(chosen, (list, set, frozenset)):
            return list(chosen)
        return [chosen]

    targets = values(target)
    if not targets:
        raise ValueError("choose a target group")
    in_target = labels.isin(targets).to_numpy()
    in_reference = ~in_target if reference is None else labels.isin(values(reference)).to_numpy()
    if (in_target & in_reference).any():
        raise ValueError("a group cannot be both target and reference")
    if not in_target.any() or counts.loc[in_target, n].sum() == 0:
        raise ValueError(f"no counts for target {target!r} in {group}")
    if not in_reference.any() or counts.loc[in_reference, n].sum() == 0:
        raise ValueError(f"no counts for reference {'(all other groups)' if reference is None else repr(reference)} in {group}")
    side = np.where(in_target, "a", np.where(in_reference, "b", ""))
    kept = counts.loc[side != "", [term, n]].assign(side=side[side != ""])
    table = kept.pivot_table(index=term, columns="side", values=n, aggfunc="sum", fill_value=0, observed=True)
    table = table.reindex(columns=["a", "b"], fill_value=0).astype(float)
    table.index.name = term
    return table[(table["a"] + table["b"]) > 0]


def log_odds_ratio(counts: pd.DataFrame, group: str | Sequence[str], term: str = "term", n: str = "n", *,
                   target, reference=None, alpha: float | Mapping[str, float] | pd.Series = 0.001,
                   min_size: int | None = None) -> pd.DataFrame:
    """Log odds ratio of target against reference with a Dirichlet prior, as scattertext's
    `LogOddsRatioUninformativeDirichletPrior` computes it (Monroe, Colaresi & Quinn 2008, eqs. 16-22).

    With counts y_a, y_b, totals n_a, n_b, a prior count alpha_w per term and
    alpha_0 = sum of alpha_w over the vocabulary (alpha x V for a constant alpha):
    delta = log((y_a + alpha_w) / (n_a + alpha_0 - y_a - alpha_w))
          - log((y_b + alpha_w) / (n_b + alpha_0 - y_b - alpha_w)),
    and the four-term variance 1/(y_a + alpha_w) + 1/(n_a + alpha_0 - y_a - alpha_w)
    + the same for b; `z` = delta / sqrt(variance). Pass `alpha` as a Series or mapping of
    term -> prior count for an informative prior (e.g. counts from a background corpus).

    Returns one row per term seen in either side: `term`, `n_target`, `n_reference`,
    `total_target`, `total_reference` (each side's counted words), `log_odds_ratio`
    (delta), `variance`, `z`, sorted by `z` descending. A side under 1,000 counted words
    raises a `SmallGroupWarning`; `min_size=` refuses sides below the size given instead.
    """
    group = as_list(group)
    table = _two_sides(counts, group, term, n, target, reference)
    _sizes_checked({"target": table["a"].sum(), "reference": table["b"].sum()}, min_size, "log_odds_ratio")
    if isinstance(alpha, (Mapping, pd.Series)):
        prior = pd.Series(alpha, dtype=float).reindex(table.index)
        if prior.isna().any():
            raise ValueError(f"alpha has no prior count for {list(prior.index[prior.isna()][:5])}")
        prior = prior.to_numpy()
    else:
        prior = np.full(len(table), float(alpha))
    if (prior <= 0).any():
        raise ValueError("prior counts must be positive")
    alpha_0 = prior.sum()
    parts = []
    for side in ("a", "b"):
        y = table[side].to_numpy()
        hit, miss = y + prior, y.sum() + alpha_0 - y - prior
        parts.append((np.log(hit / miss), 1 / hit + 1 / miss))
    delta = parts[0][0] - parts[1][0]
    variance = parts[0][1] + parts[1][1]
    out = pd.DataFrame({term: table.index, "n_target": table["a"].to_numpy(), "n_reference": table["b"].to_numpy(),
                        "total_target": table["a"].sum(), "total_reference": table["b"].sum(),
                        "log_odds_ratio": delta, "variance": variance, "z": delta / np.sqrt(variance)})
    return out.sort_values(["z", term], ascending=[False, True], kind="stable").reset_index(drop=True)


def keyness(counts: pd.DataFrame, group: str | Sequence[str], term: str = "term", n: str = "n", *,
            target, reference=None, correction: str = "yates", sort_by: str = "chi2",
            min_size: int | None = None) -> pd.DataFrame:
    """Keyness of every term in the target groups against the reference groups, as quanteda's
    `textstat_keyness` reports it, with chi-squared and log-likelihood (G2) side by side.

    Each term gets the 2x2 table a = its count in target, b = in reference, c and d = the
    rest of each side. `chi2` is Pearson's chi-squared with Yates' continuity correction
    (quanteda's default for 2x2 tables; `correction="none"` to drop it) computed as
    scipy's `chi2_contingency` does, which never moves a cell past its expected value (so
    chi2 = 0 when |ad - bc| < N/2). `G2` = 2 sum O ln(O/E), uncorrected as quanteda's
    default (0 ln 0 taken as 0, where quanteda adds 1e-9). Both carry quanteda's sign:
    negative when the term is rarer in the target than expected. `chi2_p` and `G2_p` are
    upper-tail p-values on 1 df. Effect sizes: `pmi` = ln(a N / ((a + b)(a + c))), quanteda's
    pointwise mutual information, and `log_ratio` = log2 of the ratio of relative
    frequencies (Hardie 2014), a zero count replaced by 0.5.

    Returns one row per term seen on either side: `term`, `n_target`, `n_reference`,
    `total_target`, `total_reference` (each side's counted words), `chi2`, `chi2_p`,
    `G2`, `G2_p`, `pmi`, `log_ratio`, sorted by `sort_by` descending. A side under 1,000
    counted words raises a `SmallGroupWarning`; `min_size=` refuses sides below the size
    given instead.
    """
    if correction not in ("yates", "none"):
        raise ValueError(f"correction must be 'yates' or 'none', got {correction!r}")
    columns = ["n_target", "n_reference", "total_target", "total_reference", "chi2", "chi2_p", "G2", "G2_p", "pmi", "log_ratio"]
    if sort_by not in columns:
        raise ValueError(f"sort_by must be one of {columns}, got {sort_by!r}")
    group = as_list(group)
    table = _two_sides(counts, group, term, n, target, reference)
    _sizes_checked({"target": table["a"].sum(), "reference": table["b"].sum()}, min_size, "keyness")
    a, b = table["a"].to_numpy(), table["b"].to_numpy()
    c, d = a.sum() - a, b.sum() - b
    total = a + b + c + d
    observed = np.stack([a, b, c, d])
    rows, cols = np.stack([a + b, a + b, c + d, c + d]), np.stack([a + c, b + d, a + c, b + d])
    expected = rows * cols / total
    gap = np.abs(a * d - b * c)
    if correction == "yates":
        gap = np.maximum(gap - total / 2, 0)
    sign = np.where(a > expected[0], 1.0, -1.0)
    chi2 = total * gap ** 2 / ((a + b) * (c + d) * (a + c) * (b + d))
    g2 = 2 * (xlogy(observed, observed) - xlogy(observed, expected)).sum(axis=0)
    with np.errstate(divide="ignore"):
        pmi = np.log(a * total / ((a + b) * (a + c)))
        log_ratio = np.log2((np.where(a > 0, a, 0.5) / (a + c)) / (np.where(b > 0, b, 0.5) / (b + d)))
    out = pd.DataFrame({term: table.index, "n_target": a, "n_reference": b,
                        "total_target": a.sum(), "total_reference": b.sum(), "chi2": sign * chi2, "chi2_p": stats.chi2.sf(chi2, 1),
                        "G2": sign * g2, "G2_p": stats.chi2.sf(g2, 1), "pmi": pmi, "log_ratio": log_ratio})
    return out.sort_values([sort_by, term], ascending=[False, True], kind="stable").reset_index(drop=True)


def speaker_profile(sentences, tokens: pd.DataFrame | None = None, *, by: str | Sequence[str] = "speaker",
                    dictionary: Dictionary | None = None, coded: pd.DataFrame | None = None) -> pd.DataFrame:
    """Who speaks how much, with which reporting verbs, about which themes.

    `sentences` is the sentences frame or a Corpus (its tokens are then used too); `tokens`
    defaults to the sentences tokenized by the loader's rules. Returns one row per group of
    `by` (speaker, role, or both): `n_sentences`, `sentence_share`, `n_words` (tokens that
    are not punctuation), `word_share`, `verbs` and `themes`. `verbs` maps each reporting
    verb in the sentences' `verb` column to its count, most used first; `themes` maps each
    theme to the number of the group's sentences that carry it, most frequent first
    (dictionary coding as `helpers.themes.code_themes`). Sorted by `n_sentences` descending.
    """
    corpus = sentences
    sentences = getattr(corpus, "sentences", corpus)
    by = as_list(by)
    if not by:
        raise ValueError("speaker_profile needs a grouping column (speaker, role, or both)")
    require_columns(sentences, ["doc_id", "sent_id", *by], "sentences")
    columns = [*by, "n_sentences", "sentence_share", "n_words", "word_share", "verbs", "themes"]
    if sentences.empty:
        return pd.DataFrame(columns=columns)
    if tokens is None:
        tokens = getattr(corpus, "tokens", None)
    if tokens is None:
        tokens = tokens_for(sentences)
    if coded is None:
        coded = code_themes(tokens, dictionary)
    units = sentences[["doc_id", "sent_id", *by]]
    out = units.groupby(by, observed=True).size().rename("n_sentences").reset_index()
    out["sentence_share"] = out["n_sentences"] / out["n_sentences"].sum()
    # Tokens take their group from their sentence, so grouping columns need live only in `sentences`.
    words = tokens.loc[~tokens["is_punct"].to_numpy(dtype=bool), ["doc_id", "sent_id"]]
    words = words.merge(units, on=["doc_id", "sent_id"], how="inner")
    n_words = words.groupby(by, observed=True).size().rename("n_words").reset_index()
    out = out.merge(n_words, on=by, how="left")
    out["n_words"] = out["n_words"].fillna(0).astype("int64")
    out["word_share"] = out["n_words"] / max(out["n_words"].sum(), 1)
    out["verbs"] = _tallies(sentences[[*by, "verb"]] if "verb" in sentences else units[by].assign(verb=""), by, "verb", out)
    themed = coded[["doc_id", "sent_id", "theme"]].drop_duplicates().merge(units, on=["doc_id", "sent_id"], how="inner")
    out["themes"] = _tallies(themed, by, "theme", out)
    out = out.sort_values(["n_sentences", *by], ascending=[False] + [True] * len(by), kind="stable")
    return out[columns].reset_index(drop=True)


def _tallies(frame: pd.DataFrame, by: list[str], column: str, groups: pd.DataFrame) -> list[dict]:
    """For each row of `groups`, {value: count} of `column`, most frequent first, blanks skipped."""
    values = frame[column].astype("string").fillna("")
    kept = frame.loc[values.str.strip().ne("").to_numpy()].assign(**{column: values[values.str.strip().ne("")]})
    counts = kept.groupby([*by, column], observed=True).size().rename("count").reset_index()
    counts = counts.sort_values(["count", column], ascending=[False, True], kind="stable")
    table = {}
    for key, part in counts.groupby(by, observed=True, sort=False):
        key = key if isinstance(key, tuple) else (key,)
        table[key] = dict(zip(part[column], part["count"].astype(int)))
    return [table.get(tuple(row), {}) for row in groups[by].itertuples(index=False, name=None)]
