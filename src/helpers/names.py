"""Corpus-level steps: what is only known across documents, settled once every readout is parsed and merged.

One readout writes "Prime Minister Kishida", another "Prime Minister Fumio Kishida"; one headline states that
President Macron is of France, the next does not; a participant list or a headline puts "Immunization
Manufacturers" or "Janet Yellen Secretary" where a name stands; the same readout is published twice under two
folders with "Bin" and "bin". `settle(corpus, lexicon)` reads the whole corpus and

- reports near-duplicates (the same text up to case, whitespace, punctuation and a few words) in `problems`,
  keeping the first in path order (`near_duplicates`);
- keeps of each `speaker`, `host` and `counterparts` value only the person's name, without titles, possessives,
  offices, institutions, places or program names, or leaves it empty (`person_name`), judged by the lexicon's
  tables (`titles`, `non_name_words`, `non_person_words`, `countries`, `regions`, `name_particles`, ...) and by how
  the corpus itself writes each word (a word the texts mostly write in lower case is a common word, one they write
  in capitals only is an acronym);
- gives one spelling per person: case, accent, hyphen and particle variants take the form the corpus uses most,
  and a part of a name ("Kishida", "Abdel Fattah") the one fuller name that contains it, when only one does;
- fills `counterpart_country` from the same counterpart's other readouts where a readout states none, and empties
  it for a counterpart of the publisher's own country (a governor is no foreign counterpart);
- sets `host_country`: the publisher's country as the house style's `host_country` setting gives it, else as the
  readout states it, else as the same host's other readouts state it.
"""
from __future__ import annotations

import difflib
import re
import unicodedata
import zlib
from collections import Counter, defaultdict

import numpy as np
import pandas as pd

from . import schema
from .frames import Corpus
from .lexicon import APOSTROPHES, Lexicon, alternation, derived
from .people import (aliases, country_names, honorifics, names_in_text, non_name_words, regions, styles_of_address, title_equivalents,
                     titles, words_of_kind)

__all__ = ["canonical_names", "near_duplicates", "person_name", "settle", "titles_held", "NEAR_DUPLICATE"]

NEAR_DUPLICATE = "near-duplicate of {kept} (kept once)"

# Two texts are near-duplicates when, compared word by word (lower-cased, punctuation dropped), no more words differ
# than this share of the longer text, or than _FEW_WORDS; MinHash LSH over word trigrams proposes the pairs to compare
# (distinct readouts of the White House corpus that share a template differ in 30 words or more, near half).
_SHARE_CHANGED = 0.05
_FEW_WORDS = 3
_LSH_THRESHOLD = 0.5
_PERMUTATIONS = 64
_SHINGLE = 3

# a word written in lower case this many times as often as with a capital is a common word even after a name
_MOSTLY = 3

_WORD = re.compile(r"\w+")
_POSSESSIVE = re.compile(rf"(?:[{APOSTROPHES}]s?)$")
_INITIALS = re.compile(r"(?:[A-Za-z]\.)+")
_BRACKETS = re.compile(r"[\[\]\(\)\"“”]")


# --- near-duplicates ---------------------------------------------------------------------------------------------

def near_duplicates(texts: list[str]) -> dict[int, int]:
    """index -> index of the earlier text it repeats, for texts that are the same up to case, whitespace,
    punctuation and a few words (see _SHARE_CHANGED). Candidates come from datasketch's MinHash LSH, so the cost
    grows with the corpus, not with its square; each candidate pair is then compared word by word."""
    from datasketch import MinHash, MinHashLSH

    # zlib's CRC-32 hashes each shingle in C (datasketch's default, SHA-1 through Python, was a third of the time);
    # 64 permutations tell Jaccard 0.5 from texts that share a few phrases as well as 128 did on the shared corpus

    words = [_WORD.findall(text.lower()) for text in texts]
    lsh = MinHashLSH(threshold=_LSH_THRESHOLD, num_perm=_PERMUTATIONS)
    found: dict[int, int] = {}
    for index, these in enumerate(words):
        shingles = {" ".join(these[k:k + _SHINGLE]).encode() for k in range(max(1, len(these) - _SHINGLE + 1))}
        sketch = MinHash(num_perm=_PERMUTATIONS, seed=1, hashfunc=zlib.crc32)
        sketch.update_batch(list(shingles))
        for earlier in sorted(lsh.query(sketch)):
            if earlier not in found and _few_words_differ(words[earlier], these):
                found[index] = earlier
                break
        else:
            lsh.insert(index, sketch)
    return found


def _few_words_differ(a: list[str], b: list[str]) -> bool:
    allowed = max(_FEW_WORDS, _SHARE_CHANGED * max(len(a), len(b)))
    if abs(len(a) - len(b)) > allowed:
        return False
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return sum(max(i2 - i1, j2 - j1) for op, i1, i2, j1, j2 in matcher.get_opcodes() if op != "equal") <= allowed


def _drop_near_duplicates(corpus: Corpus) -> Corpus:
    documents = corpus.documents
    found = near_duplicates([str(text) for text in documents["text"]])
    if not found:
        return corpus
    paths = documents["path"].tolist()
    dropped = [documents["doc_id"].iloc[i] for i in found]
    problems = pd.concat([corpus.problems, pd.DataFrame(
        [(paths[i], NEAR_DUPLICATE.format(kept=paths[kept])) for i, kept in sorted(found.items())], columns=["path", "reason"])],
        ignore_index=True)

    def without(frame: pd.DataFrame) -> pd.DataFrame:
        kept = frame[~frame["doc_id"].isin(dropped)].reset_index(drop=True)
        if isinstance(kept["doc_id"].dtype, pd.CategoricalDtype):
            kept["doc_id"] = kept["doc_id"].cat.remove_unused_categories()
        return kept

    return Corpus(without(documents), without(corpus.sentences), without(corpus.tokens), schema.conform(problems, "problems"))


# --- what the corpus says of its words ---------------------------------------------------------------------------

class _Usage:
    """How the corpus writes each word: lower-cased (a common word), capitalised inside a sentence, in capitals
    only (an acronym); and the names it puts after a title ("Prime Minister Fumio Kishida": a person)."""

    def __init__(self, corpus: Corpus, lexicon: Lexicon):
        tokens = corpus.tokens
        self.lower: Counter = Counter()
        self.capitalised: Counter = Counter()
        self.capitals: set[str] = set()
        self.titlecase: set[str] = set()
        if len(tokens):
            # Judged once per distinct spelling and counted by code: a corpus has millions of tokens but tens of
            # thousands of spellings (a string per token would cost gigabytes on ten thousand readouts).
            codes, spellings = pd.factorize(tokens["token"])
            spellings = [str(w) for w in spellings]
            doc = pd.factorize(tokens["doc_id"])[0]
            sent = tokens["sent_id"].to_numpy()
            first = np.ones(len(codes), dtype=bool)  # the first token of its sentence (tokens come in text order)
            first[1:] = (doc[1:] != doc[:-1]) | (sent[1:] != sent[:-1])
            is_lower = np.array([w.islower() for w in spellings], dtype=bool)
            opens_capital = np.array([w[:1].isupper() for w in spellings], dtype=bool)
            lowered = [w.lower() for w in spellings]
            lower_counts = np.bincount(codes[is_lower[codes]], minlength=len(spellings))
            inside = codes[~first & ~is_lower[codes] & opens_capital[codes]]
            inside_counts = np.bincount(inside, minlength=len(spellings))
            for code in np.flatnonzero(lower_counts):
                self.lower[spellings[code]] += int(lower_counts[code])
            for code in np.flatnonzero(inside_counts):
                self.capitalised[lowered[code]] += int(inside_counts[code])
            self.capitals = {w for w in spellings if w.isupper() and len(w) > 1}
            self.titlecase = {w.lower() for w in spellings if w.istitle()}
        self.people: set[str] = set()
        self.titles: dict[str, set[str]] = defaultdict(set)
        self.places: set[str] = set()
        after_title, after_preposition = _context_patterns(lexicon)
        for title, text in zip(corpus.documents["title"], corpus.documents["text"]):
            for name, its_title in names_in_text(lexicon, f"{title}\n{text}").items():
                self.people.add(name)
                self.titles[name].add(its_title)
            self.people.update(m.group("name") for m in after_title.finditer(text))
            self.places.update(m.group("name") for m in after_preposition.finditer(text))
        self.places -= self.people

    def is_common(self, word: str) -> bool:
        lower = word.lower()
        return self.lower[lower] >= 2 and self.lower[lower] > self.capitalised[lower]

    def is_mostly_common(self, word: str) -> bool:
        """Written in lower case far more often than with a capital inside a sentence ("People", "Partnerships"),
        unlike a surname that is also a word ("Young", "Rice")."""
        lower = word.lower()
        return self.lower[lower] >= _MOSTLY * max(1, self.capitalised[lower])

    def is_acronym(self, word: str) -> bool:
        letters = word.replace(".", "")
        # written in capitals and never with a capital and small letters ("RSV"; "ISHIBA Shigeru" is also "Ishiba")
        in_capitals_only = letters.upper() in self.capitals and letters.lower() not in self.titlecase
        return len(letters) > 1 and (letters.isupper() or in_capitals_only) and not _INITIALS.fullmatch(word)


@derived
def _context_patterns(lexicon: Lexicon) -> tuple[re.Pattern, re.Pattern]:
    """A name after a title of `non_person_words` ("Leader Schumer"), and a capitalised phrase after a preposition
    of place ("in Buenos Aires"): a person, and a place."""
    table = lexicon.table("non_person_words")
    offices = [w for w, kind in zip(table["word"], table["kind"]) if kind.strip() == "title" and w.strip()]
    prepositions = [w for w, kind in zip(table["word"], table["kind"]) if kind.strip() == "place_preposition" and w.strip()]
    phrase = r"(?P<name>[A-Z][\w\-]+(?: [A-Z][\w\-]+)*)(?![\w\-])(?![^\S\n]*[" + APOSTROPHES + "]s)"
    return (re.compile(rf"(?<![\w])(?:{alternation(offices)})\s+{phrase}"),
            re.compile(rf"(?<![\w])(?:{alternation(prepositions)})\s+(?:the\s+)?{phrase}"))


# --- names -------------------------------------------------------------------------------------------------------

@derived
def _vocabulary(lexicon: Lexicon) -> tuple[frozenset[str], frozenset[str], frozenset[str], int]:
    """(phrases that are no name, forms of address, particles and suffixes, longest phrase in words)."""
    address = set(styles_of_address(lexicon))
    offices = [t for t in titles(lexicon) if t not in address]
    table = lexicon.table("non_person_words")
    extra = [" ".join(w.split()) for w, kind in zip(table["word"], table["kind"]) if w.strip() and kind.strip() != "place_preposition"]
    phrases = {*offices, *extra, *non_name_words(lexicon), *country_names(lexicon), *regions(lexicon)}
    # every capitalised word of an office's title is no name either ("Vice", "Prime", "Secretary")
    phrases |= {w for t in offices for w in t.split() if w[:1].isupper()}
    address_words = {w for t in address for w in t.split()} | address
    fillers = {*lexicon.words("name_particles", "word"), *words_of_kind(lexicon, "name_suffixes", "suffix"),
               *words_of_kind(lexicon, "name_suffixes", "generation")}
    longest = max((len(p.split()) for p in phrases | address_words), default=1)
    return frozenset(phrases), frozenset(address_words - phrases), frozenset(fillers), longest


@derived
def _institution_words(lexicon: Lexicon) -> frozenset[str]:
    return frozenset(words_of_kind(lexicon, "non_person_words", "institution"))


def person_name(lexicon: Lexicon, name: str, usage: _Usage | None = None) -> str:
    """The person's name in a `speaker`, `host` or `counterparts` value, or "" when it names no one: titles and
    forms of address before it, a possessive, titles, offices and places before or after it are dropped
    ("Politburo Member Yang Jiechi" -> "Yang Jiechi", "Kamala Harris'" -> "Kamala Harris", "Janet Yellen Secretary"
    -> "Janet Yellen", "Manufacturing USA Innovation Institute Network" -> "")."""
    name = " ".join(_BRACKETS.sub(" ", name).split()).strip(" ,;:")
    name = _POSSESSIVE.sub("", name).strip(" ,")
    words = name.split()
    if not words:
        return ""
    no_name, address, fillers, longest = _vocabulary(lexicon)
    if (usage is not None and " ".join(w for w in words if w not in address) in usage.people and not any(w in no_name for w in words)
            and not usage.is_common(words[0]) and not usage.is_acronym(words[0])):
        while len(words) > 1 and words[0] in address:
            words = words[1:]
        return " ".join(words)  # the corpus names this person after a title: every word but a form of address is theirs
    kinds = [""] * len(words)
    i = 0
    while i < len(words):
        for n in range(min(longest, len(words) - i), 0, -1):
            phrase = " ".join(w.strip(",") for w in words[i:i + n])
            if phrase in no_name or (n > 1 and phrase in address):
                kinds[i:i + n] = ["X" if phrase in no_name else "A"] * n
                i += n
                break
        else:
            kinds[i] = _kind_of_word(words[i].strip(","), no_name, address, fillers, usage)
            i += 1
    if usage is not None and (place := " ".join(w.strip(",") for w in words)) and place in usage.places:
        return ""
    # a common word ("Gun", "Violence", "Young") is a name's only after a name word: "Christen Linke Young"
    for index, kind in enumerate(kinds):
        if kind == "C":
            kinds[index] = "N" if index and kinds[index - 1] != "X" and not usage.is_mostly_common(words[index]) else "X"
    # the last run of words that may belong to a name, holding a name word
    runs, run = [], []
    for index, kind in enumerate(kinds):
        if kind == "X":
            if run:
                runs.append(run)
            run = []
        else:
            run.append(index)
    if run:
        runs.append(run)
    runs = [r for r in runs if any(kinds[i] == "N" for i in r)]
    if not runs:
        return ""
    run = runs[-1]
    # a name followed by an institution's word names the institution, not the person ("Quad Investor Network"):
    # a title after a name is still the person's ("Janet Yellen Secretary")
    if run[-1] + 1 < len(words) and words[run[-1] + 1].strip(",") in _institution_words(lexicon):
        return ""
    while kinds[run[0]] != "N":  # "Crown Prince Mohammed": a form of address before the name
        run = run[1:]
    suffixes = fillers - set(lexicon.words("name_particles", "word"))
    while kinds[run[-1]] != "N" and words[run[-1]].strip(",") not in suffixes:
        run = run[:-1]
    return " ".join(words[i] for i in run).strip(" ,")


def _kind_of_word(word: str, no_name: frozenset, address: frozenset, fillers: frozenset, usage: _Usage | None) -> str:
    """N: a word of a name; A: a form of address ("Sheikh", in "Hassan Sheikh Mohamud" too); P: a particle,
    suffix or initial; X: no part of a name."""
    if word in fillers or _INITIALS.fullmatch(word):
        return "P"
    if word in no_name:
        return "X"
    if word in address:
        return "A"
    if not word[:1].isupper() and not any(part[:1].isupper() for part in word.split("-")[1:]):
        return "X"  # a lower-case word that is no particle ("el-Sisi" is a name: a capital after the hyphen)
    if any(ch.isdigit() for ch in word):
        return "X"
    if usage is not None and usage.is_acronym(word):
        return "X"
    if word.endswith("s") and word[:-1] in no_name:  # a plural of an office or body: "Speakers", "Councils"
        return "X"
    if usage is not None and usage.is_common(word):
        return "C"
    if usage is None and len(word) > 1 and word.isupper():
        return "X"
    return "N"


def _key(name: str) -> str:
    """A name's letters alone, lower-cased and without accents: "Mohammed Bin Salman" and "Mohammed bin Salman",
    "Cho Tae-yong" and "Cho Taeyong", "Alberto Fernández" and "Alberto Fernandez" are one."""
    plain = unicodedata.normalize("NFKD", name.casefold())
    return "".join(ch for ch in plain if ch.isalnum() and not unicodedata.combining(ch))


def _word_keys(name: str) -> list[str]:
    return [k for k in (_key(w) for w in name.split()) if k]


def _is_part(part: list[str], whole: list[str]) -> bool:
    """Whether the words of `part` appear in `whole` in order (not all of them): "Kishida" in "Fumio Kishida",
    "Nana Akufo-Addo" in "Nana Addo Dankwa Akufo-Addo"."""
    if len(part) >= len(whole) or (len(part) > 1 and part[0] != whole[0]):
        return False  # a part of more than one word starts where the name starts ("Salman bin Abdulaziz" is no part of "Khalid bin Salman ...")
    position = 0
    for word in part:
        try:
            position = whole.index(word, position) + 1
        except ValueError:
            return False
    return True


def canonical_names(counts: Counter, titles_of: dict[str, set[str]] | None = None) -> dict[str, str]:
    """name -> the one spelling the corpus gives that person, from how often each name is used: variants that are
    the same up to case, accents, hyphens, spacing and the order of their words take the most used form; a name whose words are part of
    exactly one fuller name (once fuller names contained in others are set aside) takes that one, unless `titles_of`
    gives both names titles and one of the part's shares no word with the fuller name's ("Speaker McCarthy" is not
    "National Climate Advisor Gina McCarthy", even where "Advisor McCarthy" is)."""
    titles_of = titles_of or {}
    by_key: dict[str, Counter] = defaultdict(Counter)
    for name, count in counts.items():
        if name:
            by_key[_key(name)][name] += count
    # the same words in another order are one person ("Suk Yeol Yoon", from a "YOON Suk Yeol" written family name
    # first, is "Yoon Suk Yeol"): the forms join the first key of those words
    merged: dict[str, str] = {}
    first_of_words: dict[tuple[str, ...], str] = {}
    for key in sorted(by_key, key=lambda k: -sum(by_key[k].values())):
        words_any_order = tuple(sorted(_word_keys(next(iter(by_key[key])))))
        if len(words_any_order) < 2:
            continue
        if words_any_order in first_of_words:
            merged[key] = first_of_words[words_any_order]
            by_key[merged[key]].update(by_key.pop(key))
        else:
            first_of_words[words_any_order] = key
    # a form with its accents first ("Aleksandar Vučić" where a headline writes "Vucic": plain letters lose them, no
    # one adds them), then the most used; between equals, more hyphens, fewer capitals ("Cho Tae-yong")
    spelling = {key: max(forms.items(), key=lambda item: (any(not ch.isascii() for ch in item[0]), item[1],
                                                          sum(not ch.isascii() for ch in item[0]), item[0].count("-"),
                                                          -sum(ch.isupper() for ch in item[0]), item[0]))[0]
                for key, forms in by_key.items()}
    words = {key: _word_keys(spelling[key]) for key in spelling}
    by_word: dict[str, set[str]] = defaultdict(set)
    for key, its_words in words.items():
        for word in its_words:
            by_word[word].add(key)
    fuller: dict[str, str] = {}
    for key, its_words in words.items():
        if not its_words:
            continue
        candidates = set.intersection(*(by_word[w] for w in its_words)) - {key}
        candidates = {c for c in candidates if _is_part(its_words, words[c])}
        widest = {c for c in candidates if not any(_is_part(words[c], words[o]) for o in candidates if o != c)}
        if len(widest) == 1:
            wider = widest.pop()
            mine, theirs = _titles_of_key(titles_of, by_key[key]), _titles_of_key(titles_of, by_key[wider])
            # a title the part is given that the fuller name never holds names someone else by that part too
            # ("Speaker McCarthy" beside "National Climate Advisor McCarthy"): the part is left as it is
            theirs_words = _title_words(theirs)
            if not (mine and theirs and any(not _title_words({title}) & theirs_words for title in mine)):
                fuller[key] = wider
    out = {}
    for name in counts:
        if name:
            key = merged.get(_key(name), _key(name))
            out[name] = spelling[fuller.get(key, key)]
    return out


def _title_words(titles_held: set[str]) -> set[str]:
    """The capitalised words of titles: "Defense Minister" and "Minister of Defense" share theirs."""
    return {w for t in titles_held for w in re.split(r"[\s-]+", t) if w[:1].isupper()}


def _titles_of_key(titles_of: dict[str, set[str]], forms: Counter) -> set[str]:
    return set().union(*(titles_of.get(form, set()) for form in forms)) if forms else set()


# --- the pass ----------------------------------------------------------------------------------------------------

def settle(corpus: Corpus, lexicon: Lexicon) -> Corpus:
    """The corpus with near-duplicates reported, names made people's names with one spelling each, counterpart
    countries filled from the corpus and `host_country` set (see the module's docstring)."""
    if not len(corpus.documents):
        return corpus
    corpus = _drop_near_duplicates(corpus)
    documents = corpus.documents.copy()
    usage = _Usage(corpus, lexicon)
    styles = documents["source_style"].astype(str).tolist()
    style_of = dict(zip(documents["doc_id"].astype(str), styles))

    cleaned: dict[tuple[str, str], str] = {}

    def clean(style: str, name: str) -> str:
        if (style, name) not in cleaned:
            styled = lexicon.for_style(style)
            person = person_name(styled, name, usage) if name else ""
            # what is left may be a spelling the alias table knows ("Leader Schumer" left "Schumer")
            cleaned[(style, name)] = aliases(styled).get(person, person)
        return cleaned[(style, name)]

    hosts = [clean(s, str(h)) for s, h in zip(styles, documents["host"].fillna(""))]
    counterparts = [[clean(s, str(c)) for c in cs] for s, cs in zip(styles, documents["counterparts"])]
    speaker_names: dict[tuple[str, str], int] = Counter()
    for frame in (corpus.sentences,):
        if "speaker" in frame and len(frame):
            pairs = frame.groupby(["doc_id", "speaker"], observed=True).size()
            for (doc_id, speaker), n in pairs.items():
                if speaker:
                    speaker_names[(style_of.get(str(doc_id), ""), str(speaker))] += int(n)
    counts: Counter = Counter(hosts)
    for names in counterparts:
        counts.update(names)
    for (style, speaker), n in speaker_names.items():
        counts[clean(style, speaker)] += n
    counts.pop("", None)
    # courtesies say nothing of the office ("Mr.", "Dr."); a short form stands with its full one ("PM Prime Minister")
    courtesies, same_office = honorifics(lexicon), title_equivalents(lexicon)
    titles_of = {name: {" ".join([title, *sorted(same_office.get(title, ()))]) for title in held if title not in courtesies}
                 for name, held in _titles_held(documents, usage, hosts, counterparts, lambda name: clean("", name)).items()}
    canonical = canonical_names(counts, titles_of)
    # A single word left of a phrase is a person's only if the corpus names someone so: after a title, or as a
    # part of a fuller name ("Dreamers", "Democrats" are not; "Pelosi", after "Speaker", is).
    parts = {_key(w) for name in counts if " " in name for w in name.split()}
    for name, settled_name in canonical.items():
        if " " not in settled_name and settled_name not in usage.people and _key(settled_name) not in parts:
            canonical[name] = ""

    def final(name: str) -> str:
        return canonical.get(name, name) if name else ""  # "" when it names no one

    documents["host"] = pd.array([final(h) for h in hosts], dtype="string")
    main_before = [cs[0] if len(cs) else "" for cs in documents["counterparts"]]
    settled = []
    for names in counterparts:
        seen: list[str] = []
        for name in (final(n) for n in names):
            if name and name not in seen:
                seen.append(name)
        settled.append(seen)
    documents["counterparts"] = pd.Series(settled, index=documents.index, dtype=object)
    # the main counterpart's title and country belong to the phrase that named them: none when it named no one
    gone = [bool(before) and not names[0:1] for before, names in zip(main_before, counterparts)]
    for column in ("counterpart_title", "counterpart_country"):
        documents[column] = documents[column].mask(pd.Series(gone, index=documents.index), "")

    documents["host_country"] = _host_countries(documents, lexicon)
    documents["counterpart_country"] = _counterpart_countries(documents)

    for frame in (corpus.sentences, corpus.tokens):
        if "speaker" in frame and len(frame):
            frame["speaker"] = _renamed(frame, style_of, lambda style, name: final(clean(style, name)))
    return Corpus(schema.conform(documents, "documents"), corpus.sentences, corpus.tokens, corpus.problems)


def titles_held(corpus: Corpus, lexicon: Lexicon) -> dict[str, set[str]]:
    """name -> the titles the corpus gives it (after a title in the texts, `host_title`, `counterpart_title`)."""
    counterparts = [list(names) for names in corpus.documents["counterparts"]]
    return _titles_held(corpus.documents, _Usage(corpus, lexicon), _texts(corpus.documents["host"]), counterparts,
                        lambda name: person_name(lexicon, name))


def _titles_held(documents: pd.DataFrame, usage: _Usage, hosts: list[str], counterparts: list[list[str]], clean) -> dict[str, set[str]]:
    titles_of: dict[str, set[str]] = defaultdict(set)
    for name, its_titles in usage.titles.items():
        titles_of[clean(name)] |= its_titles
    for host, title in zip(hosts, documents["host_title"].fillna("")):
        if host and title:
            titles_of[host].add(str(title))
    for names, title in zip(counterparts, documents["counterpart_title"].fillna("")):
        if names and names[0] and title:
            titles_of[names[0]].add(str(title))
    return titles_of


def _renamed(frame: pd.DataFrame, style_of: dict[str, str], rename) -> pd.Categorical:
    """The speaker column with each (document's style, name) renamed, built from the codes: a token frame has
    millions of rows, and a string per row would cost gigabytes."""
    documents = frame["doc_id"].astype("category")
    styles = sorted({style_of.get(str(doc_id), "") for doc_id in documents.cat.categories} | {""})
    style_of_category = np.array([styles.index(style_of.get(str(doc_id), "")) for doc_id in documents.cat.categories]
                                 + [styles.index("")])
    row_styles = style_of_category[documents.cat.codes.to_numpy()]  # code -1 (missing) takes the trailing ""
    speakers = frame["speaker"].astype("category")
    names = speakers.cat.categories.astype(str).tolist()
    codes = speakers.cat.codes.to_numpy()
    renamed = {(style, n): rename(style, n) if n else "" for style in styles for n in names}
    uniques = sorted(set(renamed.values()) | {""})
    position = {name: i for i, name in enumerate(uniques)}
    out = np.zeros(len(frame), dtype=np.int32)
    for index, style in enumerate(styles):
        rows = row_styles == index
        mapped = np.array([position[renamed[(style, n)]] for n in names] + [position[""]], dtype=np.int32)
        out[rows] = mapped[codes[rows]]
    return pd.Categorical.from_codes(out, categories=pd.Index(uniques, dtype="string")).remove_unused_categories()


def _host_countries(documents: pd.DataFrame, lexicon: Lexicon) -> pd.Series:
    """The publisher's country: the house style's `host_country` setting, else what the readout states
    (`host_country` from the document's fields), else the country the corpus most often gives the same host."""
    stated = _texts(documents["host_country"]) if "host_country" in documents else [""] * len(documents)
    settings = {style: lexicon.for_style(style).setting("host_country") for style in set(_texts(documents["source_style"]))}
    country = [settings[style] or said for style, said in zip(_texts(documents["source_style"]), stated)]
    hosts = _texts(documents["host"])
    by_host = _most_common(hosts, country)
    return pd.Series([c or by_host.get(h, "") for c, h in zip(country, hosts)], index=documents.index, dtype="string")


def _counterpart_countries(documents: pd.DataFrame) -> pd.Series:
    """`counterpart_country` where the readout states it, else the country the corpus most often states for the
    same main counterpart; empty for a counterpart of the publisher's own country."""
    main = [names[0] if len(names) else "" for names in documents["counterparts"]]
    home_of = _texts(documents["host_country"])
    stated = _texts(documents["counterpart_country"])
    domestic = [bool(s) and s == h for s, h in zip(stated, home_of)]
    stated = ["" if d else s for s, d in zip(stated, domestic)]
    # what the corpus states of the person elsewhere: as a main counterpart, or as a host of their own readouts
    by_person = _most_common(main + _texts(documents["host"]), stated + ["" if h == "" else h for h in home_of])
    # a person stated as of the publisher's own country elsewhere is domestic here too
    home = {m for m, d in zip(main, domestic) if d and m}
    filled = [s or ("" if not m or m in home else by_person.get(m, "")) for s, m in zip(stated, main)]
    filled = ["" if f == h else f for f, h in zip(filled, home_of)]  # never the publisher's own country
    return pd.Series(filled, index=documents.index, dtype="string")


def _texts(values) -> list[str]:
    return ["" if v is None or (not isinstance(v, str) and pd.isna(v)) else str(v) for v in values]


def _most_common(keys: list[str], values: list[str]) -> dict[str, str]:
    """key -> its most common non-empty value (the first in alphabetical order between equals)."""
    counted: dict[str, Counter] = defaultdict(Counter)
    for key, value in zip(keys, values):
        if key and value:
            counted[key][value] += 1
    return {key: min(values.items(), key=lambda item: (-item[1], item[0]))[0] for key, values in counted.items()}
