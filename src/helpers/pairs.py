"""Paired readouts: two governments' accounts of one event, found, aligned sentence by sentence and compared.

`find_pairs(corpus)` lists the pairs (readouts sharing an `event_id`, from different publishers) with the evidence;
`align(corpus, doc_a, doc_b)` matches the sentences that say the same thing and marks those only one side has
(`one_to_one` keeps one match per sentence where a sentence covers two);
`pair_themes` tells, for one pair, the themes each side raises that the other does not and whom each side credits;
`publisher_terms`, `publisher_themes` and `publisher_credits` sum up, across pairs, what each publisher reports that
its partners do not, with the counts behind every figure.
"""
from __future__ import annotations

import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd
from scipy.optimize import linear_sum_assignment
from sklearn.feature_extraction.text import TfidfVectorizer

from .compare import weighted_log_odds
from .events import principals as event_principals
from .events import sides
from .frames import Corpus
from .lexicon import HYPHENS, Lexicon, alternation, as_lexicon, derived, english_stop_words
from .people import country_names
from .terms import multiword_expressions, term_flags
from .themes import code_themes

__all__ = ["find_pairs", "align", "one_to_one", "pair_scores", "PairScores", "matches", "pair_themes", "publisher_terms",
           "publisher_themes", "publisher_credits", "THRESHOLD", "POSITION_WEIGHT", "MERGE_THRESHOLD"]

# Measured on the labelled pairs (tests/test_pairs.py), chosen as the setting of highest F1 on all thirteen pairs; by
# leave-one-pair-out cross-validation the folds chose this setting or a neighbour of it, and the held-out figures are
# the ones to quote. Two sentences' score is the cosine of their TF-IDF vectors less POSITION_WEIGHT times how far
# apart their places in their readouts are (accounts tell an event in roughly the same order; 0 at the same place),
# so that THRESHOLD is the cosine a match needs at the same place, whatever the weight; a match of the one-to-one
# assignment under THRESHOLD is dropped. A matched sentence also takes an unmatched neighbour of its partner when
# what it says beyond its partner is what that neighbour says (cosine at least MERGE_THRESHOLD): one account often
# says in one sentence what the other says in two.
THRESHOLD = 0.14
POSITION_WEIGHT = 0.15
MERGE_THRESHOLD = 0.2

# Event words of this priority or less name the medium of an exchange (event_words table: "telephone", "video",
# "virtually"); a sentence's medium word is read as the event type it names.
MEDIUM_PRIORITY = 2

PAIR_COLUMNS = ["event_id", "doc_a", "doc_b", "publisher_a", "publisher_b", "principals", "date_a", "date_b",
                "days_apart", "event_type_a", "event_type_b", "title_a", "title_b"]
ALIGN_COLUMNS = ["status", "sent_a", "sent_b", "similarity", "role_a", "speaker_a", "text_a", "role_b", "speaker_b", "text_b"]


def find_pairs(corpus: Corpus, *, lexicon: Lexicon | str | None = None) -> pd.DataFrame:
    """One row per pair of readouts of one event (same `event_id`) from different publishers, `doc_a` the first by
    doc_id, with the evidence: `principals` (the names both readouts share, "; "-joined), each side's `date`,
    `days_apart`, each side's `event_type`, `publisher` and title. Empty (with those columns) when the corpus holds
    no pair."""
    docs = corpus.documents
    if not len(docs) or "event_id" not in docs:
        return pd.DataFrame(columns=PAIR_COLUMNS)
    docs = docs.assign(side=sides(docs).to_numpy()).sort_values("doc_id")
    who = event_principals(corpus, lexicon=lexicon)
    rows = []
    for event_id, group in docs.groupby(docs["event_id"].astype(str), sort=True):
        records = group.to_dict("records")
        for x, a in enumerate(records):
            for b in records[x + 1:]:
                if a["side"] == b["side"]:
                    continue
                shared = sorted(set(who.get(str(a["doc_id"]), ())) & set(who.get(str(b["doc_id"]), ())))
                days = (pd.Timestamp(a["date"]) - pd.Timestamp(b["date"])).days if not (pd.isna(a["date"]) or pd.isna(b["date"])) else pd.NA
                rows.append({"event_id": event_id, "doc_a": str(a["doc_id"]), "doc_b": str(b["doc_id"]),
                             "publisher_a": str(a["publisher"]), "publisher_b": str(b["publisher"]),
                             "principals": "; ".join(shared), "date_a": a["date"], "date_b": b["date"],
                             "days_apart": pd.NA if days is pd.NA else abs(days),
                             "event_type_a": str(a["event_type"]), "event_type_b": str(b["event_type"]),
                             "title_a": str(a["title"]), "title_b": str(b["title"])})
    out = pd.DataFrame(rows, columns=PAIR_COLUMNS)
    out["days_apart"] = out["days_apart"].astype("Int64")
    return out


@derived
def _one_name(lexicon: Lexicon) -> dict[str, str]:
    """Every spelling of a country (countries table) or of a place (place names table: "Kiev", "West Asia") -> the
    one name it is read as ("Kyiv", "Middle East")."""
    names = dict(country_names(lexicon))
    for row in lexicon.table("place_names").itertuples(index=False):
        for spelling in [row.name, *row.aliases.split("|")]:
            if spelling.strip():
                names.setdefault(" ".join(spelling.split()), " ".join(row.name.split()))
    return names


@derived
def _name_pattern(lexicon: Lexicon) -> re.Pattern:
    # as written: both tables are case-sensitive ("US" is the country, "us" is not)
    return re.compile(rf"(?<![\w])(?:{alternation(_one_name(lexicon))})(?![\w])")


@derived
def _one_thing(lexicon: Lexicon) -> frozenset[str]:
    return frozenset(" ".join(phrase.lower().split()) for phrase in multiword_expressions(lexicon))


@derived
def _medium_terms(lexicon: Lexicon) -> dict[str, str]:
    """word (lower case) -> the term of the medium it names ("telephone", "phone" -> "medium_call")."""
    table = lexicon.table("event_words")
    return {str(w).lower(): f"medium_{e}" for w, e, p in zip(table["word"], table["event_type"], table["priority"])
            if int(p) <= MEDIUM_PRIORITY}


@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer  # PyStemmer, the stemmer the tokens' `stem` column was made with

    return Stemmer.Stemmer("english")


def _sentence_terms(corpus: Corpus, doc_id: str, lexicon: Lexicon) -> pd.Series:
    """sent_id -> the terms that say what the sentence says, space-joined (every sentence kept): stems without stop
    words and punctuation; no person's name (who says it is the speaker's business, and the two accounts name the
    same two people throughout, in their own spellings); every name of a country as the country's short name, so
    "Russian", "the Russian Federation" and "Russia" are one term, and every name of a place as the place's name in
    the place names table, so "West Asia" meets "the Middle East" and "Kiev" meets "Kyiv"; hyphenated compounds in
    their parts, so "Russia-NATO" meets "the NATO-Russia Council", unless the multi-word expressions table has the compound as the
    name of one thing ("Indo-Pacific"); every word that names the medium of the exchange (event words table:
    "telephone", "phone", "video", "virtually") as the event type it names, so "met virtually" meets "Video
    Teleconference Meeting" and "spoke on the phone" meets "telephone conversation"."""
    tokens = corpus.tokens[corpus.tokens["doc_id"].astype(str) == doc_id]
    sentences = corpus.sentences[corpus.sentences["doc_id"].astype(str) == doc_id]
    documents = corpus.documents[corpus.documents["doc_id"].astype(str) == doc_id]
    names = term_flags(tokens, documents=documents, lexicon=lexicon)["is_name"].to_numpy(dtype=bool)
    spellings = _one_name(lexicon)
    named = []  # (start, end, name) of each country or place, in the document's offsets
    for sentence in sentences.itertuples(index=False):
        for found in _name_pattern(lexicon).finditer(str(sentence.text)):
            name = spellings.get(" ".join(found.group().split()), found.group())
            named.append((sentence.start + found.start(), sentence.start + found.end(), name.replace(" ", "_")))
    stop, stem, counted, medium = english_stop_words(), _stemmer().stemWord, set(), _medium_terms(lexicon)
    terms: dict[int, list[str]] = {int(sent_id): [] for sent_id in sentences["sent_id"]}
    for token, is_name in zip(tokens.itertuples(index=False), names):
        if token.is_punct or is_name:
            continue
        pieces = [(int(token.start), str(token.lower), str(token.stem), bool(token.is_stop))]
        if re.search(f"[{HYPHENS}]", str(token.lower)) and str(token.lower) not in _one_thing(lexicon):
            pieces, offset = [], int(token.start)
            for part in re.split(f"([{HYPHENS}])", str(token.lower)):
                if part and not re.fullmatch(f"[{HYPHENS}]", part):
                    pieces.append((offset, part, stem(part), part in stop))
                offset += len(part)
        for start, lower, stemmed, is_stop in pieces:
            name = next((n for n in named if n[0] <= start < n[1]), None)
            if name is not None:
                if name not in counted:  # a name of several words is one term
                    counted.add(name)
                    terms[int(token.sent_id)].append(name[2])
            elif lower in medium:
                terms[int(token.sent_id)].append(medium[lower])
            elif not is_stop and re.match(r"\w", lower):  # not a clitic ("'s") or a stray mark
                terms[int(token.sent_id)].append(stemmed)
    return pd.Series({sent_id: " ".join(words) for sent_id, words in terms.items()}, dtype=object)


@dataclass(frozen=True)
class PairScores:
    """What `align` decides from, for two readouts of `n_a` and `n_b` sentences: `sent_a`, `sent_b` (the sentences'
    ids, in order); `lexical` (n_a x n_b: cosine of their TF-IDF vectors); `position` (n_a x n_b: 1 minus the
    distance between their relative places, 1 for the same place); `cover_b` (n_a x n_b x n_b: [i, j, k] is the
    cosine between what sentence i of `doc_a` says beyond sentence j of `doc_b`, its vector without j's terms, and
    sentence k of `doc_b`) and `cover_a` (n_a x n_b x n_a: the same the other way round, [i, j, k] for sentence j of
    `doc_b` beyond i, against sentence k of `doc_a`)."""
    sent_a: list[int]
    sent_b: list[int]
    lexical: np.ndarray
    position: np.ndarray
    cover_b: np.ndarray
    cover_a: np.ndarray


def _cosines(vectors: np.ndarray, others: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=-1)[:, None] * np.linalg.norm(others, axis=-1)[None, :]
    return np.divide(vectors @ others.T, norms, out=np.zeros(norms.shape), where=norms > 0)


def _cover(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """[i, j, k]: the cosine between x[i] without y[j]'s terms and y[k] (one x row at a time: a long readout's
    rows times its vocabulary would not fit at once)."""
    out = np.zeros((len(x), len(y), len(y)))
    absent = y == 0
    for i, row in enumerate(x):
        out[i] = _cosines(row[None, :] * absent, y)
    return out


def pair_scores(corpus: Corpus, doc_a: str, doc_b: str, *, lexicon: Lexicon | str | None = None) -> PairScores:
    """The sentence-by-sentence scores of two readouts (`PairScores`), which `matches` turns into an alignment.

    Sentences are TF-IDF vectors of their terms (stems without stop words; people's names left out and countries
    and places under one name each, from the lexicon's aliases, countries and place names tables, the medium of the
    exchange as the event type its word names, from the event words table), fitted on the two readouts alone so that
    a score does not depend on what else the corpus holds."""
    lexicon = as_lexicon(lexicon)
    a_terms, b_terms = _sentence_terms(corpus, str(doc_a), lexicon), _sentence_terms(corpus, str(doc_b), lexicon)
    n_a, n_b = len(a_terms), len(b_terms)
    x_a, x_b = np.zeros((n_a, 0)), np.zeros((n_b, 0))
    if any(a_terms) or any(b_terms):
        # token_pattern: the terms are already tokens
        vectors = TfidfVectorizer(token_pattern=r"\S+", lowercase=False, sublinear_tf=True)
        vectors.fit(list(a_terms) + list(b_terms))
        x_a, x_b = vectors.transform(a_terms).toarray(), vectors.transform(b_terms).toarray()
    place_a = np.arange(n_a) / max(n_a - 1, 1)
    place_b = np.arange(n_b) / max(n_b - 1, 1)
    return PairScores(sent_a=[int(i) for i in a_terms.index], sent_b=[int(j) for j in b_terms.index],
                      lexical=_cosines(x_a, x_b), position=1 - np.abs(place_a[:, None] - place_b[None, :]),
                      cover_b=_cover(x_a, x_b), cover_a=_cover(x_b, x_a).transpose(1, 0, 2))


def _score(scores: PairScores, position_weight: float) -> np.ndarray:
    return scores.lexical - position_weight * (1 - scores.position)


def matches(scores: PairScores, *, threshold: float = THRESHOLD, position_weight: float = POSITION_WEIGHT,
            merge_threshold: float | None = MERGE_THRESHOLD) -> list[tuple[int, int, float]]:
    """The matched sentences of a `PairScores`, as (row of `doc_a`, row of `doc_b`, score) in positions, not ids.

    scipy's `linear_sum_assignment` picks the one-to-one matching of highest total score (`lexical` less
    `position_weight` times the distance of the two places, 1 - `position`), and a match under `threshold` is dropped:
    the threshold is the cosine a match needs at the same place. Then each match (i, j) may take
    one neighbour of its partner that no match holds, j-1 or j+1 (or i-1 or i+1 on the other side), when what the
    one sentence says beyond its partner matches the neighbour with a cosine of at least `merge_threshold` (None: no
    merging); the pair's score is that cosine."""
    score = _score(scores, position_weight)
    if not score.size:
        return []
    rows, cols = linear_sum_assignment(-score)
    found = [(int(i), int(j), float(score[i, j])) for i, j in zip(rows, cols) if score[i, j] >= threshold]
    if merge_threshold is None:
        return found
    used_a, used_b = {i for i, _, _ in found}, {j for _, j, _ in found}
    merged = []
    for i, j, _ in found:
        candidates = [(scores.cover_b[i, j, k], i, k) for k in (j - 1, j + 1) if 0 <= k < len(scores.sent_b) and k not in used_b]
        candidates += [(scores.cover_a[i, j, k], k, j) for k in (i - 1, i + 1) if 0 <= k < len(scores.sent_a) and k not in used_a]
        if candidates:
            cover, x, y = max(candidates)
            if cover >= merge_threshold:
                merged.append((x, y, float(cover)))
                used_a.add(x)
                used_b.add(y)
    return sorted(found + merged)


def align(corpus: Corpus, doc_a: str, doc_b: str, *, threshold: float = THRESHOLD,
          position_weight: float = POSITION_WEIGHT, merge_threshold: float | None = MERGE_THRESHOLD,
          lexicon: Lexicon | str | None = None) -> pd.DataFrame:
    """The two readouts' sentences side by side: one row per matched pair (`status` "both") and one per sentence
    only one side has ("only_a", "only_b"), in the order of `doc_a` with `doc_b`'s own sentences after the matched
    sentence they follow. Columns: `status`, `sent_a`, `sent_b` (nullable), `similarity` (of the matched pair, or of
    the best candidate that fell under `threshold`), and each side's `role`, `speaker` and `text`.

    Every sentence has a row; a sentence that says what the other side says in two consecutive sentences has two
    "both" rows, one with each. Scores: `pair_scores` (TF-IDF cosine of the sentences' terms, names left out and
    countries, places and the medium under one name each); matching: `matches` (a one-to-one assignment, the cosine
    less `position_weight` times the distance of the two places, `threshold`, then the merges at `merge_threshold`, None
    for none)."""
    scores = pair_scores(corpus, doc_a, doc_b, lexicon=lexicon)
    sentences = corpus.sentences
    side_a = sentences[sentences["doc_id"].astype(str) == str(doc_a)].set_index("sent_id")
    side_b = sentences[sentences["doc_id"].astype(str) == str(doc_b)].set_index("sent_id")
    found = matches(scores, threshold=threshold, position_weight=position_weight, merge_threshold=merge_threshold)
    score = _score(scores, position_weight)
    best_a = score.max(axis=1) if score.size else np.zeros(len(scores.sent_a))
    best_b = score.max(axis=0) if score.size else np.zeros(len(scores.sent_b))
    a_ids, b_ids = scores.sent_a, scores.sent_b

    def side(frame: pd.DataFrame, sent_id, suffix: str) -> dict:
        if sent_id is None:
            return {f"role_{suffix}": "", f"speaker_{suffix}": "", f"text_{suffix}": ""}
        row = frame.loc[sent_id]
        return {f"role_{suffix}": str(row["role"]), f"speaker_{suffix}": str(row["speaker"]), f"text_{suffix}": str(row["text"])}

    rows = []
    partners: dict[int, list[tuple[int, float]]] = {}
    for i, j, value in found:
        partners.setdefault(i, []).append((j, value))
    for i, sent_a in enumerate(a_ids):
        for j, value in partners.get(i, []):
            rows.append({"order": (i, 0, j), "status": "both", "sent_a": sent_a, "sent_b": b_ids[j], "similarity": value,
                         **side(side_a, sent_a, "a"), **side(side_b, b_ids[j], "b")})
        if i not in partners:
            rows.append({"order": (i, 0, 0), "status": "only_a", "sent_a": sent_a, "sent_b": None,
                         "similarity": best_a[i], **side(side_a, sent_a, "a"), **side(side_b, None, "b")})
    matched_b = {}
    for i, j, _ in found:
        matched_b[j] = max(matched_b.get(j, i), i)
    last = -1
    for j, sent_b in enumerate(b_ids):
        if j in matched_b:
            last = matched_b[j]
            continue
        rows.append({"order": (last, 1 + j, 0), "status": "only_b", "sent_a": None, "sent_b": sent_b,
                     "similarity": best_b[j], **side(side_a, None, "a"), **side(side_b, sent_b, "b")})
    out = pd.DataFrame(sorted(rows, key=lambda r: r["order"]), columns=["order", *ALIGN_COLUMNS]).drop(columns="order")
    for column in ("sent_a", "sent_b"):
        out[column] = out[column].astype("Int64")
    out["similarity"] = out["similarity"].astype(float).round(3)
    return out


def one_to_one(aligned: pd.DataFrame) -> pd.DataFrame:
    """The matched rows of an `align` frame (`status` "both"), one row per sentence: a sentence that covers two
    consecutive sentences of the other side keeps only its row with the first of them, the one that says what it
    says first (the other row says what it adds). The count of facts both sides report, with no sentence counted
    twice, and the convention of the labelled pairs (tests/labels/NOTES.md, "Paired readouts")."""
    both = aligned[aligned["status"] == "both"]
    second = pd.Series(False, index=both.index)
    for column, other in (("sent_a", "sent_b"), ("sent_b", "sent_a")):
        for _, group in both.groupby(column):
            if len(group) == 2:  # align gives a sentence at most two partners, and those consecutive
                second[group[other].astype(int).idxmax()] = True
    return both[~second]


def _credited(frame: pd.DataFrame) -> str:
    """Who a side credits with a theme's sentences: speaker (or role when none is named) with counts, most first."""
    who = frame["speaker"].astype(str).where(frame["speaker"].astype(str) != "", frame["role"].astype(str))
    counts = who.value_counts()
    return "; ".join(f"{name} ({n})" for name, n in counts.items())


def pair_themes(corpus: Corpus, doc_a: str, doc_b: str, *, dictionary=None) -> pd.DataFrame:
    """The themes (`helpers.themes.code_themes`) of one pair of readouts: one row per theme either side raises, with
    each side's sentence count (`n_a`, `n_b`), whom each side credits with them (`credited_a`, `credited_b`: speaker,
    or the role when no one is named, with counts) and `raised_by`: "both", "only_a" or "only_b"."""
    columns = ["theme", "raised_by", "n_a", "n_b", "credited_a", "credited_b"]
    frame = corpus.subset(doc_id=[str(doc_a), str(doc_b)])
    coded = code_themes(frame, dictionary)
    if coded.empty:
        return pd.DataFrame(columns=columns)
    coded = coded.drop_duplicates(["doc_id", "sent_id", "theme"])
    rows = []
    for theme, group in coded.groupby("theme", observed=True, sort=True):
        a = group[group["doc_id"].astype(str) == str(doc_a)]
        b = group[group["doc_id"].astype(str) == str(doc_b)]
        rows.append({"theme": str(theme), "raised_by": "both" if len(a) and len(b) else ("only_a" if len(a) else "only_b"),
                     "n_a": len(a), "n_b": len(b), "credited_a": _credited(a), "credited_b": _credited(b)})
    return pd.DataFrame(rows, columns=columns).sort_values(["raised_by", "theme"], kind="stable", ignore_index=True)


def _sides_of_pairs(corpus: Corpus, pairs: pd.DataFrame | None) -> pd.DataFrame:
    """Each readout of each pair once per pair, with its `publisher` and its partner's (`partner_doc`)."""
    pairs = find_pairs(corpus) if pairs is None else pairs
    if pairs.empty:
        return pd.DataFrame(columns=["pair", "doc_id", "publisher", "partner_doc"])
    a = pd.DataFrame({"pair": pairs.index, "doc_id": pairs["doc_a"], "publisher": pairs["publisher_a"], "partner_doc": pairs["doc_b"]})
    b = pd.DataFrame({"pair": pairs.index, "doc_id": pairs["doc_b"], "publisher": pairs["publisher_b"], "partner_doc": pairs["doc_a"]})
    return pd.concat([a, b], ignore_index=True)


def publisher_terms(corpus: Corpus, *, pairs: pd.DataFrame | None = None, term: str = "lower", top_n: int = 10,
                    min_count: int = 2, leave_out: Sequence[str] = ("is_stop", "is_punct")) -> pd.DataFrame:
    """For each publisher with a pair: the terms most distinctive of its readouts against its partners' accounts of
    the same events (`helpers.compare.weighted_log_odds`, the publisher's paired readouts against their partners').
    Columns: `publisher`, `term`, `n` (in the publisher's readouts), `n_partners`, `group_total`, `partners_total`
    (words counted on each side) and `log_odds_weighted` (a z: above 2 is distinctive); `top_n` terms each."""
    columns = ["publisher", "term", "n", "n_partners", "group_total", "partners_total", "log_odds_weighted"]
    sides_of = _sides_of_pairs(corpus, pairs)
    if sides_of.empty:
        return pd.DataFrame(columns=columns)
    tokens = corpus.tokens
    for flag in leave_out:
        tokens = tokens[~tokens[flag]]
    counts = tokens.groupby([tokens["doc_id"].astype(str), tokens[term].astype(str)]).size().rename("n").reset_index()
    counts.columns = ["doc_id", "term", "n"]
    out = []
    for publisher, group in sides_of.groupby("publisher", sort=True):
        own = counts[counts["doc_id"].isin(set(group["doc_id"]))].groupby("term")["n"].sum()
        partners = counts[counts["doc_id"].isin(set(group["partner_doc"]))].groupby("term")["n"].sum()
        frame = pd.concat([pd.DataFrame({"side": "publisher", "term": own.index, "n": own.to_numpy()}),
                           pd.DataFrame({"side": "partners", "term": partners.index, "n": partners.to_numpy()})], ignore_index=True)
        with warnings.catch_warnings():
            # paired readouts are short: the sizes are in the frame (group_total, partners_total) for the reader
            warnings.simplefilter("ignore")
            scored = weighted_log_odds(frame, "side", min_count=min_count)
        mine = scored[scored["side"] == "publisher"].set_index("term")
        theirs = scored[scored["side"] == "partners"].set_index("term")
        top = mine.sort_values(["log_odds_weighted", "n"], ascending=False).head(top_n)
        out.append(pd.DataFrame({"publisher": publisher, "term": top.index, "n": top["n"].astype(int).to_numpy(),
                                 "n_partners": theirs["n"].reindex(top.index).fillna(0).astype(int).to_numpy(),
                                 "group_total": top["group_total"].astype(int).to_numpy(),
                                 "partners_total": int(theirs["group_total"].iloc[0]) if len(theirs) else 0,
                                 "log_odds_weighted": top["log_odds_weighted"].round(2).to_numpy()}))
    return pd.concat(out, ignore_index=True)[columns] if out else pd.DataFrame(columns=columns)


def publisher_themes(corpus: Corpus, *, pairs: pd.DataFrame | None = None, dictionary=None) -> pd.DataFrame:
    """For each publisher and theme, across its pairs: `pairs` (its pairs), `only_publisher` (pairs where it raises
    the theme and its partner does not), `only_partner` (the reverse), `both`, and the sentences behind them
    (`sentences`, `sentences_partners`). Rows with a theme neither side raised are left out."""
    columns = ["publisher", "theme", "pairs", "only_publisher", "only_partner", "both", "sentences", "sentences_partners"]
    sides_of = _sides_of_pairs(corpus, pairs)
    if sides_of.empty:
        return pd.DataFrame(columns=columns)
    coded = code_themes(corpus.subset(doc_id=sorted(set(sides_of["doc_id"]))), dictionary)
    coded = coded.drop_duplicates(["doc_id", "sent_id", "theme"])
    per_doc = coded.groupby([coded["doc_id"].astype(str), coded["theme"].astype(str)]).size()
    themes = sorted(set(coded["theme"].astype(str)))
    rows = []
    for publisher, group in sides_of.groupby("publisher", sort=True):
        for theme in themes:
            own = [int(per_doc.get((d, theme), 0)) for d in group["doc_id"]]
            partner = [int(per_doc.get((d, theme), 0)) for d in group["partner_doc"]]
            if not any(own) and not any(partner):
                continue
            rows.append({"publisher": publisher, "theme": theme, "pairs": len(group),
                         "only_publisher": sum(1 for x, y in zip(own, partner) if x and not y),
                         "only_partner": sum(1 for x, y in zip(own, partner) if y and not x),
                         "both": sum(1 for x, y in zip(own, partner) if x and y),
                         "sentences": sum(own), "sentences_partners": sum(partner)})
    return pd.DataFrame(rows, columns=columns)


def publisher_credits(corpus: Corpus, *, pairs: pd.DataFrame | None = None) -> pd.DataFrame:
    """For each publisher: whom its paired readouts credit, by role (its own principal `host`, the `counterpart`,
    `joint`, `narrator`, ...) against what its partners' accounts of the same events credit, in sentences
    (`sentences`, `sentences_partners`) and shares of each side's sentences (`share`, `share_partners`)."""
    columns = ["publisher", "role", "sentences", "sentences_partners", "share", "share_partners"]
    sides_of = _sides_of_pairs(corpus, pairs)
    if sides_of.empty:
        return pd.DataFrame(columns=columns)
    sentences = corpus.sentences
    roles = sentences.groupby([sentences["doc_id"].astype(str), sentences["role"].astype(str)]).size()
    rows = []
    for publisher, group in sides_of.groupby("publisher", sort=True):
        own = roles[roles.index.get_level_values(0).isin(set(group["doc_id"]))].groupby(level=1).sum()
        partner = roles[roles.index.get_level_values(0).isin(set(group["partner_doc"]))].groupby(level=1).sum()
        for role in sorted(set(own.index) | set(partner.index)):
            rows.append({"publisher": publisher, "role": role, "sentences": int(own.get(role, 0)),
                         "sentences_partners": int(partner.get(role, 0)),
                         "share": round(own.get(role, 0) / max(own.sum(), 1), 3),
                         "share_partners": round(partner.get(role, 0) / max(partner.sum(), 1), 3)})
    return pd.DataFrame(rows, columns=columns)
