"""Themes: dictionary coding of sentences, theme shares by any grouping, and NMF topics.

The theme dictionary is `data/themes.yaml` (theme -> words, globs such as `cooperat*`, and
phrases such as "belt and road", with exclusions and weak patterns), in the spirit of quanteda
dictionaries; patterns are matched exactly as `helpers.keywords.kwic` matches them.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import yaml
from sklearn.decomposition import NMF
from sklearn.feature_extraction.text import TfidfVectorizer

from .frames import as_list, require_columns
from .keywords import frequencies
from .terms import TermMatcher, pattern_parts
from .lexicon import DATA_DIR, Lexicon, as_lexicon
from .tokens import tokens_of

__all__ = ["load_dictionary", "code_themes", "theme_shares", "topics", "Topics", "tokens_for", "ThemeDictionary"]

Dictionary = Mapping[str, Sequence[str]]


class ThemeDictionary(dict):
    """A theme dictionary: theme -> patterns (a plain dict, as before), plus `exclude` (theme -> patterns
    that cancel a match of that theme where they overlap it), `weak` (theme -> patterns that count only in a
    sentence that also carries one of the theme's own patterns) and `sets` (theme -> the set it belongs to)."""

    def __init__(self, patterns: Mapping[str, list[str]], exclude: Mapping[str, list[str]] | None = None,
                 sets: Mapping[str, str] | None = None, *, weak: Mapping[str, list[str]] | None = None):
        super().__init__(patterns)
        self.exclude = {theme: list(p) for theme, p in (exclude or {}).items() if p}
        self.weak = {theme: list(p) for theme, p in (weak or {}).items() if p}
        self.sets = dict(sets or {})


# The keys a theme written as a mapping may have; `patterns` is required.
_THEME_KEYS = frozenset({"patterns", "exclude", "weak", "set"})


def load_dictionary(path: str | Path | None = None, *, sets: str | Sequence[str] | None = None) -> ThemeDictionary:
    """The theme dictionary from a YAML file (default `data/themes.yaml`).

    Returns a `ThemeDictionary`: theme -> patterns, with each theme's exclusions in
    `.exclude`, its weak patterns in `.weak` and its set in `.sets` (see the file's header for the format; a theme
    written as a bare list of patterns, the earlier format, is in set "general" with no
    exclusions). `sets` keeps only the themes of the sets named ("general", "china", ...).
    """
    path = DATA_DIR / "themes.yaml" if path is None else Path(path)
    with open(path, encoding="utf-8") as handle:
        loaded = yaml.safe_load(handle) or {}
    dictionary = _checked(loaded, str(path))
    if sets is not None:
        wanted = set(as_list(sets))
        unknown = wanted - set(dictionary.sets.values())
        if unknown:
            raise ValueError(f"{path}: no theme is in set(s) {sorted(unknown)}; its sets are {sorted(set(dictionary.sets.values()))}")
        kept = [theme for theme in dictionary if dictionary.sets[theme] in wanted]
        dictionary = ThemeDictionary({t: dictionary[t] for t in kept}, {t: dictionary.exclude.get(t, []) for t in kept},
                                     {t: dictionary.sets[t] for t in kept},
                                     weak={t: dictionary.weak.get(t, []) for t in kept})
    return dictionary


def _pattern_list(value, where: str, theme, what: str) -> list[str]:
    if isinstance(value, str) or not isinstance(value, Sequence) or not value:
        raise ValueError(f"{where}: theme {theme!r} needs a list of {what}, got {value!r}")
    # YAML reads a bare yes/no/on/off as a boolean, and its spelling is then lost.
    flags = [p for p in value if isinstance(p, bool)]
    if flags:
        raise ValueError(f"{where}: theme {theme!r} has a yes/no/on/off pattern read as {flags[0]}; quote it")
    return [str(p) for p in value]


def _checked(dictionary: Dictionary, where: str = "dictionary") -> ThemeDictionary:
    if isinstance(dictionary, ThemeDictionary):
        return dictionary
    if not isinstance(dictionary, Mapping) or not dictionary:
        raise ValueError(f"{where}: a theme dictionary maps theme names to lists of patterns")
    patterns, exclude, weak, sets = {}, {}, {}, {}
    for theme, value in dictionary.items():
        theme_name = str(theme)
        if isinstance(value, Mapping):
            unknown = set(value) - _THEME_KEYS
            if unknown or "patterns" not in value:
                raise ValueError(f"{where}: theme {theme!r} is written as a mapping, which needs `patterns` and may have "
                                 f"`exclude`, `weak` and `set`; got keys {sorted(map(str, value))}")
            patterns[theme_name] = _pattern_list(value["patterns"], where, theme, "patterns")
            if value.get("exclude") is not None:
                exclude[theme_name] = _pattern_list(value["exclude"], where, theme, "exclusions")
            if value.get("weak") is not None:
                weak[theme_name] = _pattern_list(value["weak"], where, theme, "weak patterns")
                # a pattern in both lists would need the sentence to corroborate itself
                both = sorted(set(weak[theme_name]) & set(patterns[theme_name]))
                if both:
                    raise ValueError(f"{where}: theme {theme!r} lists {both} both as patterns and as weak patterns")
            sets[theme_name] = str(value.get("set") or "general")
        else:
            patterns[theme_name] = _pattern_list(value, where, theme, "patterns")
            sets[theme_name] = "general"
    return ThemeDictionary(patterns, exclude, sets, weak=weak)


def tokens_for(frame) -> pd.DataFrame:
    """Tokens of a Corpus, of a tokens frame (returned as is), or of a sentences frame,
    tokenized by the loader's own rules (`helpers.tokens.tokens_of`)."""
    frame = getattr(frame, "tokens", frame)
    if not isinstance(frame, pd.DataFrame):
        raise ValueError(f"expected a Corpus, a tokens frame or a sentences frame, got {type(frame).__name__}")
    if "token_id" in frame.columns:
        return frame
    require_columns(frame, ["doc_id", "para_id", "sent_id", "start", "end", "text"], "sentences")
    return tokens_of(frame)


def code_themes(frame, dictionary: Dictionary | None = None, *, term: str = "lower", names: bool = True,
                lexicon: Lexicon | str | None = None) -> pd.DataFrame:
    """Every sentence coded with the themes it mentions.

    `frame` is a sentences or tokens frame (or a Corpus). Returns one row per sentence and
    theme found: `doc_id`, `sent_id`, `speaker`, `role`, `theme`, `n` (matches of the
    theme's patterns; overlapping patterns starting at the same token count once) and
    `matches` (the matched text, "; "-joined, in order). A sentence carrying no theme has no
    row; a sentence may have several. A match that overlaps one of its theme's exclusions
    (`exclude` in the dictionary) is not counted, and a match of a weak pattern (`weak`) counts
    only in a sentence where one of the theme's own patterns also counts.

    With `names=True` (the default) a match that is only part of a name does not count either
    (the lexicon's tables, see `name_words.csv` and `venue_lead_ins.csv`):
    - the name of an office, post, body or law, i.e. a run of capitalised words holding a head
      word ("Energy" in "Secretary of Energy", "Business" in "Small Business Administration",
      "Ukraine" in "President Zelenskyy of Ukraine"), unless the match holds every head of the
      name (a pattern written for the name itself, such as "un security council");
    - a venue: the name after a lead-in such as "on the margins of", or an event's name
      ("... Summit", "the 27th ... Conference") after "at", "for", "during", "follows" ...;
    - a country's formal name longer than the match ("Democratic" in "Democratic People's
      Republic of Korea"; from `countries.csv`);
    - a line of names, i.e. a sentence whose words are all capitalised but for connectors
      (a participant list: "Jane Doe, President and CEO, NYC Health + Hospitals").
    The tokens frame needs its `token` column (the words as written) for this.
    """
    dictionary = load_dictionary() if dictionary is None else _checked(dictionary)
    tokens = tokens_for(frame)
    columns = ["doc_id", "sent_id", "speaker", "role", "theme", "n", "matches"]
    if tokens.empty:
        return pd.DataFrame(columns=columns)
    matcher = TermMatcher(tokens, term=term)
    words = tokens["token"].to_numpy(dtype=object)
    inside_name = _Names(tokens, matcher, as_lexicon(lexicon)).inside if names else None
    parts = []
    for theme, patterns in dictionary.items():
        found = _matches(matcher, patterns, dictionary.exclude.get(theme), inside_name)
        weak = dictionary.weak.get(theme)
        if found and weak:
            # a weak word ("invest" in any spending) stands for the theme only beside one of its own words
            carried = set(matcher.sentence[list(found)])
            extra = _matches(matcher, weak, dictionary.exclude.get(theme), inside_name)
            found = {**{s: k for s, k in extra.items() if matcher.sentence[s] in carried}, **found}
        if found:
            starts = np.array(sorted(found))
            parts.append(pd.DataFrame({
                "row": starts, "theme": theme,
                "text": [" ".join(words[s:s + found[s]]) for s in starts],
            }))
    if not parts:
        return pd.DataFrame(columns=columns)
    hits = pd.concat(parts, ignore_index=True)
    for column in ("doc_id", "sent_id", "speaker", "role"):
        hits[column] = tokens[column].to_numpy()[hits["row"]] if column in tokens else ""
    hits = hits.sort_values(["row"], kind="stable")
    coded = (hits.groupby(["doc_id", "sent_id", "theme"], sort=False)
             .agg(speaker=("speaker", "first"), role=("role", "first"), n=("row", "size"),
                  matches=("text", "; ".join), first=("row", "min"))
             .reset_index())
    order = {theme: i for i, theme in enumerate(dictionary)}
    coded = coded.assign(_theme=coded["theme"].map(order)).sort_values(["first", "_theme"], kind="stable")
    return coded[columns].reset_index(drop=True)


def _matches(matcher: TermMatcher, patterns: Sequence[str], exclude: Sequence[str] | None,
             inside_name) -> dict[int, int]:
    """Where `patterns` match (start -> length in tokens), less what an exclusion overlaps or a name holds."""
    found: dict[int, int] = {}
    for pattern in patterns:
        starts, k = matcher.find(pattern)
        for s in starts:
            found[s] = max(found.get(s, 0), k)  # the longest pattern at a token names the match
    if found and exclude:
        # an exclusion cancels every match it overlaps: "crisis" inside "climate crisis" is no conflict
        excluded = matcher.covered(exclude)
        found = {s: k for s, k in found.items() if not excluded[s:s + k].any()}
    if found and inside_name is not None:
        found = {s: k for s, k in found.items() if not inside_name(s, k)}
    return found


class _Names:
    """Where the names of offices, bodies, laws, venues and countries stand in a tokens frame (see `code_themes`)."""

    def __init__(self, tokens: pd.DataFrame, matcher: TermMatcher, lexicon: Lexicon):
        n = len(tokens)
        self.span = np.full(n, -1)        # the name each token is part of
        self.venue: list[bool] = []       # per name: a venue (every match inside it is cancelled)
        self.heads = np.zeros(n, dtype=bool)
        self.country_start = np.full(n, -1)
        self.country_end = np.full(n, -1)
        self.head_count = np.zeros(n + 1, dtype=int)
        self.heads_per_name = np.zeros(0, dtype=int)
        self.name_line = np.zeros(n, dtype=bool)  # tokens of a line of names
        if not n or "token" not in tokens:
            return
        table = lexicon.table("name_words")
        kinds = dict(zip(table["word"].str.strip().str.lower(), table["kind"].str.strip()))
        written = tokens["token"].astype(str).to_numpy(dtype=object)
        lower = np.array([w.lower().replace("\u2019", "'") for w in written], dtype=object)
        # a word is looked up as written, then without trailing digits ("COP28" is a "cop")
        kind = np.array([kinds.get(w, "") or kinds.get(w.rstrip("0123456789"), "") for w in lower], dtype=object)
        capital = np.array([w[:1].isupper() for w in written], dtype=bool)
        number = np.array([w[:1].isdigit() for w in written], dtype=bool)  # "27th", "2023": inside a name only
        wordless = np.array([not any(ch.isalpha() for ch in w) for w in written], dtype=bool)
        sentence = matcher.sentence
        head = np.array([k not in ("", "event", "minor") and not k.startswith("connector") for k in kind], dtype=bool)
        event = kind == "event"
        joins = kind == "connector"
        after_head = kind == "connector_after_head"
        # a line of names (a participant list, "Jane Doe, President, Human Rights Campaign"): every word capitalised
        # but for connectors and minor words, at least two words; every match on it is part of a name
        small = wordless | capital | joins | after_head | (kind == "minor")
        bounds = np.flatnonzero(np.diff(sentence, prepend=-1, append=-1))
        for a, b in zip(bounds[:-1], bounds[1:]):
            if small[a:b].all() and (capital[a:b] & ~wordless[a:b]).sum() >= 2:
                self.name_line[a:b] = True

        def joined(i: int, venue: bool = False) -> bool:  # may token i stand inside a name?
            if capital[i] or joins[i] or (number[i] and i + 1 < n and sentence[i + 1] == sentence[i]):
                return True
            # "to" after a head ("Ambassador to the United Nations"), and anywhere inside a venue ("the Conference of
            # the Parties to the UN Framework Convention")
            return bool(after_head[i] and i > 0 and (head[i - 1] or venue) and sentence[i - 1] == sentence[i])

        def name_from(i: int, taken: np.ndarray, venue: bool = False) -> tuple[int, int]:  # the name at or after i
            j = i
            while j < n and sentence[j] == sentence[i] and not taken[j] and joined(j, venue):
                j += 1
            start, end = i, j
            while start < end and not capital[start]:
                start += 1
            while end > start and not capital[end - 1]:
                end -= 1
            return start, end

        taken = np.zeros(n, dtype=bool)
        # venues first: the name right after a lead-in ("on the margins of the G20 Summit")
        leads = lexicon.table("venue_lead_ins")
        for phrase, needs_event in zip(leads["phrase"], leads["needs_event"]):
            starts, k = matcher.find(phrase.strip())
            for s in starts:
                after = s + k
                if after >= n or sentence[after] != sentence[s] or taken[after]:
                    continue
                start, end = name_from(after, taken, venue=True)
                if start >= end or (needs_event.strip().lower() == "yes" and not event[start:end].any()):
                    continue
                self._add(start, end, venue=True)
                taken[s:end] = True
        # then offices, bodies and laws: runs of capitalised words holding a head
        i = 0
        while i < n:
            if taken[i] or not capital[i]:
                i += 1
                continue
            start, end = name_from(i, taken)
            end = max(end, i + 1)
            if head[start:end].any():
                self._add(start, end, venue=False)
                self.heads[start:end] = head[start:end]
            i = end
        self.head_count = np.concatenate([[0], np.cumsum(self.heads)])
        self.heads_per_name = np.bincount(self.span[self.heads], minlength=len(self.venue))
        # countries' formal names: "Democratic" in "Democratic People's Republic of Korea"
        spellings = set()
        for row in lexicon.table("countries").itertuples(index=False):
            for spelling in [row.country, *str(row.aliases).split("|")]:
                if len(pattern_parts(spelling.strip())) > 1:
                    spellings.add(spelling.strip().lower().replace("\u2019", "'"))
        for spelling in spellings:
            starts, k = matcher.find(spelling)
            for s in starts:
                longer = self.country_end[s:s + k] - self.country_start[s:s + k] < k
                self.country_start[s:s + k][longer] = s
                self.country_end[s:s + k][longer] = s + k

    def _add(self, start: int, end: int, *, venue: bool) -> None:
        self.span[start:end] = len(self.venue)
        self.venue.append(venue)

    def inside(self, s: int, k: int) -> bool:
        """Is the match of k tokens at s only part of a name?"""
        if self.name_line[s]:
            return True
        cs, ce = self.country_start[s], self.country_end[s]
        if cs >= 0 and cs <= s and s + k <= ce and k < ce - cs:
            return True
        name = self.span[s]
        if name < 0 or (self.span[s:s + k] != name).any():
            return False
        if self.venue[name]:
            return True
        # a head of the name outside the match: the match names the office, not the theme
        return self.heads_per_name[name] > self.head_count[s + k] - self.head_count[s]


def theme_shares(sentences, *, by: str | Sequence[str] = "role", dictionary: Dictionary | None = None,
                 coded: pd.DataFrame | None = None) -> pd.DataFrame:
    """Share of each group's sentences that carry each theme.

    `sentences` is the sentences frame (or a Corpus), with any grouping columns added first
    (see `helpers.keywords.with_metadata` for counterpart, year ...). `coded` reuses an
    earlier `code_themes` result. Returns one row per group and theme: the `by` columns,
    `theme`, `n_sentences` (sentences carrying it), `total_sentences` (in the group) and
    `share`; every theme of the dictionary appears for every group, with zeros, so groups
    compare like for like.
    """
    sentences = getattr(sentences, "sentences", sentences)
    by = as_list(by)
    require_columns(sentences, ["doc_id", "sent_id", *by], "sentences")
    dictionary = load_dictionary() if dictionary is None else _checked(dictionary)
    columns = [*by, "theme", "n_sentences", "total_sentences", "share"]
    if sentences.empty:
        return pd.DataFrame(columns=columns)
    if coded is None:
        coded = code_themes(sentences, dictionary)
    units = sentences[["doc_id", "sent_id", *by]].drop_duplicates(["doc_id", "sent_id"])
    totals = (units.groupby(by, observed=True).size().rename("total_sentences").reset_index() if by
              else pd.DataFrame({"total_sentences": [len(units)]}))
    carried = (coded[["doc_id", "sent_id", "theme"]].drop_duplicates()
               .merge(units, on=["doc_id", "sent_id"], how="inner"))
    counted = (carried.groupby([*by, "theme"], observed=True).size().rename("n_sentences").reset_index()
               if len(carried) else pd.DataFrame(columns=[*by, "theme", "n_sentences"]))
    grid = totals.merge(pd.DataFrame({"theme": list(dictionary)}), how="cross")
    out = grid.merge(counted, on=[*by, "theme"], how="left")
    out["n_sentences"] = out["n_sentences"].fillna(0).astype("int64")
    out["share"] = out["n_sentences"] / out["total_sentences"]
    return out[columns].reset_index(drop=True)


@dataclass
class Topics:
    """NMF topics: `terms` (topic, rank, term, weight) and `weights` (unit ids, topic, weight)."""

    terms: pd.DataFrame
    weights: pd.DataFrame
    unit: str

    def labels(self, top_n: int = 5) -> pd.Series:
        """Each topic's top terms joined, for tables and plot legends."""
        top = self.terms[self.terms["rank"] <= top_n]
        return top.groupby("topic")["term"].agg(", ".join)


def topics(frame, *, n_topics: int = 8, unit: str = "auto", top_n: int = 10, seed: int = 0,
           term: str = "lower", min_df: int | float = 2, max_df: float = 0.9, max_iter: int = 400,
           compound: bool | Sequence[str] = False, leave_out: str | Sequence[str] = ()) -> Topics:
    """Unsupervised topics by scikit-learn's NMF over TF-IDF weighted units.

    `unit` is "document", "sentence", or "auto": documents when there are at least
    4 x `n_topics` of them, sentences otherwise (a handful of readouts cannot carry topics,
    their sentences can). Terms are the filtered words `frequencies` counts; `min_df` and
    `max_df` go to TfidfVectorizer; `compound` and `leave_out` as in `frequencies` (`leave_out="all"`
    keeps names, countries and boilerplate out of the topics). NMF starts from NNDSVDa with `random_state=seed`, so a
    fixed seed gives the same topics. Returns a `Topics`: `terms` with `topic`, `rank`,
    `term`, `weight` (top `top_n` per topic) and `weights` with the unit's ids (`doc_id`,
    and `sent_id` for sentences), `topic` and `weight` (units x topics, long form).
    """
    tokens = tokens_for(frame)
    if unit not in ("auto", "document", "sentence"):
        raise ValueError(f"unit must be 'auto', 'document' or 'sentence', got {unit!r}")
    if n_topics < 1:
        raise ValueError(f"n_topics must be at least 1, got {n_topics}")
    if unit == "auto":
        unit = "document" if tokens["doc_id"].nunique() >= 4 * n_topics else "sentence"
    ids = ["doc_id"] if unit == "document" else ["doc_id", "sent_id"]
    # a Corpus is passed on whole, so that `leave_out="names"` also knows its documents' hosts and counterparts
    counts = frequencies(frame if hasattr(frame, "documents") else tokens, by=ids, term=term, compound=compound,
                         leave_out=leave_out)
    n_units = len(counts[ids].drop_duplicates())
    if n_units < max(2, n_topics):
        raise ValueError(f"{n_units} {unit}(s) with words left after stop words: too few for {n_topics} topics")
    unit_no = counts.groupby(ids, sort=False).ngroup()
    unit_ids = counts.loc[unit_no.drop_duplicates().sort_values().index, ids].reset_index(drop=True)
    bags = [list(np.repeat(part["term"].to_numpy(), part["n"].to_numpy())) for _, part in counts.groupby(unit_no, sort=True)]
    vectorizer = TfidfVectorizer(analyzer=lambda bag: bag, min_df=min_df, max_df=max_df)
    try:
        matrix = vectorizer.fit_transform(bags)
    except ValueError as error:  # min_df/max_df left no term
        raise ValueError(f"no terms left for topics with min_df={min_df}, max_df={max_df}: {error}") from None
    if matrix.shape[1] < n_topics:
        raise ValueError(f"only {matrix.shape[1]} terms left: too few for {n_topics} topics")
    model = NMF(n_components=n_topics, init="nndsvda", random_state=seed, max_iter=max_iter)
    unit_weights = model.fit_transform(matrix)
    vocabulary = vectorizer.get_feature_names_out()
    rows = []
    for topic, loadings in enumerate(model.components_):
        order = np.argsort(-loadings, kind="stable")[:top_n]
        rows.extend((topic, rank, vocabulary[j], loadings[j]) for rank, j in enumerate(order, start=1) if loadings[j] > 0)
    terms = pd.DataFrame(rows, columns=["topic", "rank", "term", "weight"])
    weights = unit_ids.loc[unit_ids.index.repeat(n_topics)].reset_index(drop=True)
    weights["topic"] = np.tile(np.arange(n_topics), len(unit_ids))
    weights["weight"] = unit_weights.ravel()
    return Topics(terms=terms, weights=weights, unit=unit)
