"""Metadata from a readout's own words: who met whom, when, and how.

Readouts name their principals in the headline ("Xi Jinping Speaks with
Belarusian President Alexander Lukashenko on the Phone", "Readout of President
Joe Biden's Call with Prime Minister Modi of India") and date the exchange in
the opening sentence ("On the evening of January 26, 2021, ...", "spoke today
with"). The word lists (titles, countries and demonyms, aliases, event words)
are tables under `data/`.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache

import pandas as pd

from .tables import read_table

# A capitalised word, an initial ("R.") or a suffix ("Jr."); a possessive "'s" ends the name.
_CAPITALISED = r"(?:[JS]r\.|[A-ZÀ-ÞĀ-Ž]\.(?:[A-Z]\.)*|[A-ZÀ-ÞĀ-Ž](?:[\w\-]|['’](?!s\b))*)"
# Particles that sit inside names: "Mohammed bin Salman", "Ursula von der Leyen", "Lula da Silva".
_PARTICLES = r"(?:bin|bint|ibn|al|el|von|van|der|den|de|da|do|dos|du|la|le|y|di)"
_NAME = rf"(?:{_PARTICLES} )*{_CAPITALISED}(?:(?:,? (?=[JS]r\.)| )(?:{_PARTICLES} )*{_CAPITALISED}){{0,4}}"  # "von der Leyen" too
_NAME_RE = re.compile(_NAME)


@dataclass
class Person:
    """A principal as a readout names them."""

    name: str = ""
    title: str = ""
    country: str = ""


@dataclass
class Metadata:
    source_style: str = "unknown"
    event_type: str = "other"
    host: Person = field(default_factory=Person)
    counterparts: list[Person] = field(default_factory=list)
    date: pd.Timestamp | None = None


# --- the tables ---------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def titles() -> tuple[str, ...]:
    """Titles, longest first, so "Vice President" is tried before "President"."""
    table = read_table("titles.csv")
    return tuple(sorted(set(table["title"]), key=len, reverse=True))


@lru_cache(maxsize=1)
def _title_pattern() -> re.Pattern:
    alternatives = "|".join(re.escape(t) for t in titles())
    initials = "".join(sorted({re.escape(t[0]) for t in titles()}))
    # The look-behind and look-ahead reject most positions (lower-case words) before the long alternation is tried.
    return re.compile(rf"(?<![\w.])(?=[Tt]he\s|[{initials}])(?:(?:the|The)\s+)?(?P<title>{alternatives})(?![\w])\s*")


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """Every spelling of a country (name, alias, demonym) -> its short common name."""
    names: dict[str, str] = {}
    for row in read_table("countries.csv").itertuples(index=False):
        for spelling in [row.country, *row.demonyms.split("|"), *row.aliases.split("|")]:
            spelling = spelling.strip()
            if spelling:
                names.setdefault(spelling, row.country)
                if spelling.startswith("the "):
                    names.setdefault(spelling[4:], row.country)
    return names


def country_of(phrase: str) -> str:
    """The country a phrase names ("the Republic of Korea", "The Commonwealth of The Bahamas"), or ""."""
    phrase = " ".join(phrase.split()).strip(" ,.")
    phrase = re.sub(r"^[Tt]he\s+", "", phrase)
    return country_names().get(phrase) or _lowercase_countries().get(phrase.lower(), "")


@lru_cache(maxsize=1)
def _lowercase_countries() -> dict[str, str]:
    return {spelling.lower(): country for spelling, country in country_names().items()}


@lru_cache(maxsize=1)
def _country_prefix() -> re.Pattern:
    alternatives = "|".join(re.escape(n) for n in sorted(country_names(), key=len, reverse=True))
    return re.compile(rf"(?:the\s+)?(?P<country>{alternatives})(?![\w])(?:['’]s(?![\w]))?\s*")  # "Canada’s Ambassador"


@lru_cache(maxsize=1)
def aliases() -> dict[str, str]:
    table = read_table("aliases.csv")
    return dict(zip(table["alias"], table["canonical"]))


@lru_cache(maxsize=1)
def non_name_words() -> dict[str, str]:
    """Capitalised words that are no part of a name -> "body" (a portfolio or office word) or "group" (a plural noun)."""
    table = read_table("non_name_words.csv")
    return dict(zip(table["word"], table["kind"]))


@lru_cache(maxsize=1)
def postnominals() -> frozenset[str]:
    return frozenset(read_table("postnominals.csv")["word"])


@lru_cache(maxsize=1)
def regions() -> dict[str, str]:
    """Parts of a country ("Texas", "Northern Ireland") -> the country; read for a person's country only."""
    table = read_table("regions.csv")
    return dict(zip(table["region"], table["country"]))


@lru_cache(maxsize=1)
def title_equivalents() -> dict[str, frozenset[str]]:
    """A title -> the other spellings of the same office ("PM" <-> "Prime Minister")."""
    table = read_table("title_equivalents.csv")
    same: dict[str, set[str]] = {}
    for short, full in zip(table["short"], table["full"]):
        same.setdefault(short, set()).add(full)
        same.setdefault(full, set()).add(short)
    return {title: frozenset(others) for title, others in same.items()}


@lru_cache(maxsize=1)
def _lead_words() -> frozenset[str]:
    """Words that open an adverbial lead-in ("Following", "Today"): a name never starts with them."""
    return frozenset(read_table("lead_ins.csv")["word"])


def clean_name(name: str) -> str:
    """A parsed name without what is no part of it: portfolio words in front ("Economics Mike Pyle"), a lead-in word
    ("Following ..."), post-nominal letters ("Anthony Albanese MP"); empty when only such words remain. A group
    ("State Legislative Leaders") is kept: `is_group` tells it apart."""
    if is_group(name):  # "Caribbean Leaders": the words that describe a group are its name
        return name
    words = name.split()
    table = non_name_words()
    while words and (table.get(words[0].strip(",")) == "body" or words[0] in _lead_words()):
        words = words[1:]
    while words and words[-1].strip(",") in postnominals():
        words = words[:-1]
    return " ".join(words)


def is_group(phrase: str) -> bool:
    """Whether a headline phrase names a group ("State Legislative Leaders", "Congressional Hispanic Caucus")."""
    return any(non_name_words().get(w.strip(",.")) == "group" for w in phrase.split())


def is_institution(phrase: str) -> bool:
    """Whether a phrase names a body rather than a person: a group ("Officials", "State Legislative Leaders") or a
    phrase that ends in a word of an office or body ("White House", "White House Roundtable", "Biden-Harris
    Administration"); no one's name ends in one."""
    words = phrase.split()
    return bool(words) and (is_group(phrase) or non_name_words().get(words[-1].strip(",.")) == "body")


@lru_cache(maxsize=1)
def event_words() -> dict[str, tuple[int, str]]:
    table = read_table("event_words.csv")
    return {w: (int(p), e) for w, e, p in zip(table["word"], table["event_type"], table["priority"])}


# --- people -------------------------------------------------------------------------------------

def parse_person(phrase: str) -> Person:
    """A person from a phrase such as "Belarusian President Alexander Lukashenko",
    "Prime Minister Modi of India" or "Israeli NSA Meir Ben-Shabbat"."""
    return Person(*_parsed_person(phrase))


@lru_cache(maxsize=16384)
def _parsed_person(phrase: str) -> tuple[str, str, str]:
    """(name, title, country) of a phrase; cached, since headlines and openings name the same people again and
    again (callers get a fresh Person each time, which they may change)."""
    phrase = " ".join(phrase.replace("\u00a0", " ").split()).strip(" ,.;:")
    person = Person()
    # "... of France", "... of the Council of Ministers of the Italian Republic": the "of" that ends in a country
    for of in re.finditer(r"\s+[Oo]f\s+(?:[Tt]he\s+)?", phrase):
        after = phrase[of.end():]
        if country_of(after) or after.strip(" ,.") in regions():
            person.country = country_of(after) or regions()[after.strip(" ,.")]
            phrase = phrase[: of.start()]
            break
    # a word of description before the title: "visiting German Chancellor Olaf Scholz", "the outgoing Prime Minister"
    if (words := _DESCRIPTION.match(phrase)) and _starts_with_title(phrase[words.end():]) and not any(
            _title_pattern().match(phrase, word.start()) for word in re.finditer(r"\S+", phrase[:words.end()])):
        phrase = phrase[words.end():]
    phrase = re.sub(r"^(?:the|The)\s+", "", phrase)
    country = _country_prefix().match(phrase)
    if country and (_title_pattern().match(phrase, country.end()) or not person.country):
        person.country = person.country or country_names()[country.group("country")]
        phrase = phrase[country.end():]
    if not person.country and (region := _region_prefix().match(phrase)) and _title_pattern().match(phrase, region.end()):
        person.country = regions()[region.group("region")]  # "Colorado Governor Jared Polis"
    if not _title_pattern().match(phrase):
        # "Colorado Governor Jared Polis", "Senate Judiciary Committee Chair Durbin": a body before the title
        later = re.search(rf"^(?:[A-Z][\w'’-]*\s+)+?(?={_title_pattern().pattern})", phrase)
        if later:
            phrase = phrase[later.end():]
    found_titles = []
    while (title := _title_pattern().match(phrase)) and title.end() > 0:
        found_titles.append(title.group("title"))
        phrase = phrase[title.end():]
        # A title held towards another ("National Security Advisor to the Vice President Phil Gordon") is one title.
        # Serving another ("Press Secretary of the Belarusian leader Natalya Eismont") keeps one's own title.
        while to_whom := _TOWARDS.match(phrase):
            start = to_whom.end()
            if (their_country := _country_prefix().match(phrase, start)) and _title_pattern().match(phrase, their_country.end()):
                start = their_country.end()
            if not (principal := _title_pattern().match(phrase, start)):
                break
            if to_whom.group("link") == "to":
                found_titles[-1] = f"{found_titles[-1]} to the {principal.group('title')}"
            phrase = phrase[principal.end():]
        # A portfolio or body after the title ("Minister of Defense Benjamin Gantz", "Sultan of Oman
        # Haitham bin Tariq Al Said") runs until what is left still reads as a name of two words.
        joined = re.match(r"(?:and|&)\s+(?=" + _title_pattern().pattern + ")", phrase)
        if joined:  # "Prime Minister and Foreign Minister ..."
            phrase = phrase[joined.end():]
            continue
        # An office held alongside another title: "Director of the Office of the Foreign Affairs Commission and
        # Foreign Minister Wang Yi" (the office's words are no part of the name).
        if alongside := _office_before_title().match(phrase):
            phrase = phrase[alongside.end():]
            continue
        of_country = _OF_THE.match(phrase)
        country = of_country and _country_prefix().match(phrase, of_country.end())
        if country and _NAME_RE.match(phrase, country.end()):  # "Prime Minister of the United Kingdom Rishi Sunak"
            person.country = person.country or country_names()[country.group("country")]
            phrase = phrase[country.end():]
            continue
        portfolio = _PORTFOLIO.match(phrase)
        if portfolio:
            # A posting ("Ambassador to Japan Rahm Emanuel") says where one serves, not whose one is.
            if portfolio.group("link") != "to":
                body = portfolio.group("body")
                person.country = person.country or country_of(re.sub(r"['’]s$", "", body.split()[0])) or country_of(body)
            phrase = phrase[portfolio.end():]
            # the body may end in its country: "Head of the Office of the President of Ukraine Andriy Yermak"
            if (country := _country_prefix().match(phrase)) and _NAME_RE.match(phrase, country.end()):
                person.country = person.country or country_names()[country.group("country")]
                phrase = phrase[country.end():]
        phrase = re.sub(r"^(?:and|&|the)\s+(?=" + _title_pattern().pattern + ")", "", phrase)  # "His Royal Highness the Crown Prince"
    kept = [t for t in found_titles if t not in honorifics()] or found_titles
    person.title = kept[0] if kept else ""
    name = _NAME_RE.match(phrase)
    person.name = clean_name(name.group(0).strip(" ,")) if name else ""
    return person.name, person.title, person.country


@lru_cache(maxsize=1)
def _region_prefix() -> re.Pattern:
    alternatives = "|".join(re.escape(n) for n in sorted(regions(), key=len, reverse=True))
    return re.compile(rf"(?P<region>{alternatives})(?![\w])\s*")


@lru_cache(maxsize=1)
def _office_before_title() -> re.Pattern:
    return re.compile(rf"(?:[Oo]f|for)\s+(?:(?:the|of|and|for|&)\s+|[A-Z][\w'’-]*\s+)*?(?:and|&)\s+(?={_title_pattern().pattern})")


_DESCRIPTION = re.compile(rf"^(?:(?:the|The)\s+)?(?:(?!{_PARTICLES}\s)[a-z][\w-]*\s+)+(?=[A-Z])")
_INITIAL = re.compile(r"[A-Z]\.")
_GENERATION = re.compile(r"(?:II|III|IV)")
_OF_THE = re.compile(r"[Oo]f\s+(?:the\s+)?")
_TOWARDS = re.compile(r"(?P<link>to|of)\s+(?:the|The)\s+")
_PORTFOLIO = re.compile(rf"(?P<link>[Oo]f|and|for|to)\s+(?:the\s+)?(?P<body>(?:[A-Z][\w'’-]*\s+(?:(?:and|for|of|the|&)\s+)*)+?)(?={_CAPITALISED}\s+(?:{_PARTICLES}\s+)*{_CAPITALISED}|$)")


@lru_cache(maxsize=1)
def honorifics() -> frozenset[str]:
    """Titles of courtesy ("Mr.", "His Majesty") that give way to a functional title when both are there."""
    table = read_table("titles.csv")
    return frozenset(table.loc[table["kind"] == "honorific", "title"])


@lru_cache(maxsize=1)
def styles_of_address() -> frozenset[str]:
    """Titles that go with a name whatever the office ("Mr.", "Dr.", "Sheikh", "Prince"): after an office named
    first they complete it ("the Emir of Qatar, Sheikh Tamim bin Hamad Al Thani")."""
    table = read_table("titles.csv")
    return frozenset(table.loc[table["kind"].isin(["honorific", "royal"]), "title"])


_NAME_PARTS = re.compile(r"[^\w-]+")


_SUFFIX_WITHOUT_PERIOD = re.compile(r"\b([JS]r)$")


def canonical_name(name: str, known: dict[str, str] | None = None) -> str:
    """One spelling for one person: the alias table first, then the fullest form the document uses."""
    name = _SUFFIX_WITHOUT_PERIOD.sub(r"\1.", " ".join(name.split()).strip(" ,"))  # "Biden Jr" is "Biden Jr."
    if not name:
        return ""
    table = aliases()
    if name in table:
        return table[name]
    words = name.split()
    if words[-1] in postnominals():
        return canonical_name(" ".join(words[:-1]), known)
    if len(words) == 2 and words[-1] in ("Jr.", "Sr."):  # a surname with its suffix, "Biden Jr.": as the bare surname
        resolved = canonical_name(words[0], known)
        return resolved if resolved != words[0] else name
    # Middle initials and a generation's numeral are no part of the name one is known by ("Lloyd J. Austin III" is
    # Lloyd Austin); a regnal numeral after a single name ("Charles III") is.
    plain = [w for i, w in enumerate(words) if not (0 < i < len(words) - 1 and _INITIAL.fullmatch(w))]
    if len(plain) >= 3 and _GENERATION.fullmatch(plain[-1]):
        plain = plain[:-1]
    if plain != words:
        return canonical_name(" ".join(plain), known)
    if len(words) > 1 and len(words[0].rstrip(".")) > 1 and words[0].isupper() and not any(w.isupper() for w in words[1:]):
        # a surname written first in capitals, as Japanese and some other readouts do: "KISHIDA Fumio"
        return canonical_name(" ".join([*words[1:], words[0].capitalize()]), known)
    if known and " " not in name:  # a bare surname: the fullest form the document uses
        fuller = [full for full in known if full != name and name in _NAME_PARTS.split(full)]
        if fuller:
            best = max(fuller, key=len)
            return table.get(best, best)
    return name


# A capital not preceded by a word character or a period; the capital comes first so the engine can skip to
# capitals (the same matches as (?<![\w.])[A-Z]..., in half the time).
_CAPITALISED_WORD = re.compile(r"[A-Z](?<![\w.][A-Z])[\w.-]*")


@lru_cache(maxsize=1)
def _title_first_words() -> frozenset[str]:
    return frozenset(title.split()[0] for title in titles())


def names_in_text(text: str) -> dict[str, str]:
    """Names that follow a title anywhere in the text ("Prime Minister Narendra Modi") -> that title."""
    found: dict[str, str] = {}
    starts, title_pattern, new_phrase = _title_first_words(), _title_pattern(), event_words()
    for word in _CAPITALISED_WORD.finditer(text):
        if word.group() not in starts or not (title := title_pattern.match(text, word.start())):
            continue
        name = _NAME_RE.match(text, title.end())
        if name and "\n" not in text[title.end("title"):title.end()]:  # a title ending a headline names no one below it
            words = name.group(0).split()
            # Stop at a word that starts a new phrase ("President Biden Spoke", "Minister Modi The").
            keep = words[:1]
            for word in words[1:]:
                if word.strip(",") in _PHRASE_OPENERS or word.lower() in new_phrase:
                    break
                keep.append(word)
            while keep and title_pattern.fullmatch(keep[0]):  # "His Majesty King Abdullah II"
                keep = keep[1:]
            full = " ".join(keep).strip(" ,")
            if full and full not in country_names() and not title_pattern.fullmatch(full):
                found.setdefault(full, title.group("title"))
    return found


_PHRASE_OPENERS = frozenset({"The", "He", "She", "They", "On", "In", "Both"})


# --- headlines ------------------------------------------------------------------------------------

_EVENT_MODIFIERS = r"(?:Phone|Telephone|Video|Virtual|Bilateral|Trilateral|Introductory|Official|Working|Private|Separate|Joint|Follow-[Uu]p|Congratulatory|Recent|First|Second|Third|Fourth|Summit)"
_EVENT_NOUNS = r"(?:Bilateral|Trilateral|Call|Calls|Phone\s+Call|Telephone\s+Call|Video\s+Call|Virtual\s+Meeting|Meeting|Meetings|Conversation|Talks|Talk|Visit|Summit|Engagement|Discussion|Bilateral\s+Meeting|Trilateral\s+Meeting)"
# Event words in any case ("PM call with ...", "Telephone conversation with ..."); the host may be left out
# (Kremlin: "Telephone conversation with President of France Emmanuel Macron").
_POSSESSIVE = re.compile(
    rf"^(?:(?P<host>.+?)(?:['’]s?)?\s+)??(?P<event>(?i:(?:{_EVENT_MODIFIERS}\s+){{0,3}}{_EVENT_NOUNS}))\s+(?P<link>(?i:with|to|between))\s+(?P<rest>.+)$"
)
# Headline verbs: "Xi Jinping Speaks with ...", "Wang Yi Holds Talks with ..."; those that may also take their
# object directly: "PM Shehbaz Sharif telephones Turkish President Erdoğan".
_TRANSITIVE_VERBS = "Telephones|Telephoned|Phones|Phoned|Calls|Called|Meets|Met|Receives|Received|Welcomes|Welcomed"
_HEADLINE_VERBS = f"Speaks|Spoke|Talks|Holds|Held|Has|Had|Sends|Sent|Exchanges|Exchanged|Congratulates|Congratulated|{_TRANSITIVE_VERBS}"
_TRANSITIVE = re.compile(rf"^(?P<host>.+?)\s+(?P<event>(?i:{_TRANSITIVE_VERBS}))\s+(?P<rest>[A-Z].+)$")
_VERBAL = re.compile(
    rf"^(?P<host>.+?)\s+(?P<event>(?i:{_HEADLINE_VERBS})\b(?:\s+(?!(?i:with|to|from)\b)[\w-]+){{0,4}})\s+(?i:with|to|on|from)\s+(?P<rest>.+)$"
)
# "Japan-Australia Summit Telephone Talk": two countries, the publisher's first.
_COUNTRY_PAIR = re.compile(
    rf"^(?P<a>[A-Z][\w .’']*?)\s*[-–—]\s*(?P<b>[A-Z][\w .’']*?)\s+(?P<event>(?i:(?:{_EVENT_MODIFIERS}\s+){{0,3}}{_EVENT_NOUNS}))$"
)
# A date closing a headline: "PM call with President Zelenskyy: 3 March 2023".
_HEADLINE_DATE = re.compile(r"\s*[:,|–—-]\s*(?P<date>\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4})\s*$")
_TRAILING = re.compile(
    r"\s+(?:on\s+the\s+(?:Phone|Telephone)|by\s+(?:Phone|Telephone|Video(?:\s+Link)?)|via\s+(?:Video|Telephone|Phone)(?:\s+Link)?|over\s+the\s+Phone|in\s+(?:a\s+)?(?:Video|Virtual|Phone).*|on\s+the\s+Margins\s+of.*|on\s+the\s+Sidelines\s+of.*|at\s+the\s+.*|in\s+[A-Z][\w'’-]*(?:,\s*[A-Z][\w'’-]*)?|on\s+(?:[A-Z][\w-]*\s*)+|to\s+Discuss.*|to\s+[a-z].*)$",
)
_READOUT_PREFIX = re.compile(r"^(?:Joint\s+)?(?:Readout|READOUT|Read-out|Statement)\b[^A-Za-z]*(?:(?:from|by)\s+.+?\s+(?:on|of)\s+(?=[A-Z])|(?:of|by|from)\s+)?")


def headline_date(title: str) -> pd.Timestamp | None:
    """An explicit date closing the headline ("...: 3 March 2023"), or None."""
    found = _HEADLINE_DATE.search(" ".join(title.split()))
    return event_date(found.group("date"), None) if found else None


def parse_headline(title: str) -> tuple[Person, list[Person], str, str]:
    """(host, counterparts, event phrase, style) from a headline; empty parts where it says nothing."""
    title = " ".join(title.replace("\u00a0", " ").split())
    title = _HEADLINE_DATE.sub("", title)
    style = "unknown"
    match = None
    stripped = _READOUT_PREFIX.sub("", title)
    if stripped != title:
        style = "whitehouse"
        match = _POSSESSIVE.match(stripped)
    if match is None:
        # a transitive verb with its object ("welcomes Chinese Foreign Minister on courtesy call") before a verb and
        # its preposition ("Meets with ...")
        match = _TRANSITIVE.match(title) or _VERBAL.match(title)
        if match:
            style = "mfa" if style == "unknown" else style
    if match is None:
        match = _POSSESSIVE.match(stripped)
    if match is None:
        pair = _COUNTRY_PAIR.match(stripped)
        if pair and country_of(pair.group("a")) and country_of(pair.group("b")):
            return Person(country=country_of(pair.group("a"))), [Person(country=country_of(pair.group("b")))], pair.group("event"), style
        return Person(), [], "", style
    host = parse_person(match.group("host") or "")
    rest = match.group("rest")
    link = match.group("link").lower() if match.re is _POSSESSIVE else ""
    if link == "to" and not _starts_with_title(rest):
        rest = ""  # a purpose, not a person: "Meeting to Commemorate National Foster Care Month"
    if link == "between" and not (host.name or host.title):  # "Phone call between President Michel and President Xi"
        first, *others = split_people(rest) or [""]
        if not is_group(first):  # "the Leaders of France and Germany" name no host
            host, rest = parse_person(first), " and ".join(others)
    trailing = ""
    while (tail := _TRAILING.search(rest)) and tail.start() > 0:
        trailing = tail.group(0) + trailing
        rest = rest[: tail.start()]
    counterparts = [parse_person(part) for part in split_people(rest)]
    return host, [c for c in counterparts if c.name or c.title], f"{match.group('event')} {trailing}", style


def _starts_with_title(phrase: str) -> bool:
    """Whether a phrase opens with a title, or a country and a title ("President ...", "Belarusian President ...")."""
    return bool(_title_pattern().match(phrase)) or bool(
        (country := _country_prefix().match(phrase)) and _title_pattern().match(phrase, country.end()))


def split_people(phrase: str) -> list[str]:
    """Split "President Macron of France and Chancellor Scholz of Germany" into one phrase per person,
    without breaking a country such as "Antigua and Barbuda"."""
    pieces = re.split(r"(,\s*(?:and\s+)?|\s+and\s+)", phrase)
    people: list[str] = []
    for piece, separator in zip(pieces[::2], ["", *pieces[1::2]]):
        starts_person = _starts_with_title(piece)
        previous_is_bare_title = bool(people) and not parse_person(people[-1]).name
        # "Frédéric Bernard, Head of Cabinet to the President ...": a bare title set off by a comma after a name
        # is that name's ("X and the Prime Minister of Japan" are two)
        is_apposition = (bool(people) and starts_person and separator.strip() == "," and not previous_is_bare_title
                         and not parse_person(piece).name)
        if people and (not starts_person or previous_is_bare_title or is_apposition):
            people[-1] = f"{people[-1]} and {piece}" if piece else people[-1]
        else:
            people.append(piece)
    return [p for p in people if p.strip()]


_MEDIUM_PRIORITY = 2


def event_type_of(*phrases: str) -> str:
    """The event type named by the first phrase that names one, unless a later phrase names the medium
    (telephone, video); "other" when none does."""
    table = event_words()
    hits = [[table[w] for w in re.findall(r"[\w-]+", phrase.lower()) if w in table] for phrase in phrases]
    first = next((found for found in hits if found), [])
    media = [hit for found in hits for hit in found if hit[0] <= _MEDIUM_PRIORITY]
    return min(first + media)[1] if first else "other"


# --- dates ----------------------------------------------------------------------------------------

_MONTHS = {m: i for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"], start=1)}
_MONTHS.update({m[:3]: i for m, i in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_MONTH = r"(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
_EXPLICIT_DATES = (
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{{4}}))?\b"),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+(?P<year>\d{{4}}))?\b"),
    # day first with dots, as European publishers write it ("08.09.2023"); slashes are left alone (2/3 is
    # 2 March in Brasília and February 3 in Washington)
    re.compile(r"\b(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})\b"),
)
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_RELATIVE = re.compile(r"\b(?P<word>today|this\s+(?:morning|afternoon|evening)|tonight|yesterday|last\s+night|(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))\b", re.IGNORECASE)


def event_date(opening: str, published: pd.Timestamp | None) -> pd.Timestamp | None:
    """The day of the exchange as the opening words tell it, relative to the publication day.

    The first day named wins ("Today, ... the January 20th Executive Order" is today), except a day
    that only dates something else ("Following the November 13 summit, ...", "after the July 15 attack").
    """
    published = published.normalize() if published is not None else None
    candidates: list[tuple[int, pd.Timestamp]] = []
    for pattern in _EXPLICIT_DATES:
        for found in pattern.finditer(opening):
            if _DATES_SOMETHING_ELSE.search(opening[max(0, found.start() - 25): found.start()]):
                continue
            year = int(found.group("year")) if found.group("year") else (published.year if published is not None else None)
            if year is None:
                continue
            try:
                month = found.group("month")
                month = int(month) if month.isdigit() else _MONTHS[month.lower().rstrip(".")]
                date = pd.Timestamp(dt.date(year, month, int(found.group("day"))))
            except ValueError:
                continue
            if not found.group("year") and published is not None and date > published:
                continue  # a day still to come ("will meet on May 9") is not the day of the exchange
            candidates.append((found.start(), date))
    if published is not None:
        for found in _RELATIVE.finditer(opening):
            word = found.group("word").lower().split()[-1]
            if word in {"yesterday", "night"}:
                date = published - pd.Timedelta(days=1)
            elif word in _WEEKDAYS:
                date = published - pd.Timedelta(days=(published.weekday() - _WEEKDAYS.index(word)) % 7)
            else:
                date = published
            candidates.append((found.start(), date))
    return min(candidates, key=lambda c: c[0])[1] if candidates else published


_DATES_SOMETHING_ELSE = re.compile(r"\b(?:following|after|since|before|ahead\s+of|until)\s+(?:the\s+|their\s+|its\s+|a\s+)?$|['’]s\s+$", re.IGNORECASE)


def to_timestamp(value) -> pd.Timestamp | None:
    """A date from a header value (date, datetime or text); None when it is not one."""
    if value in (None, ""):
        return None
    try:
        stamp = pd.Timestamp(value)
    except (ValueError, TypeError):
        return None
    if stamp is pd.NaT:
        return None
    if stamp.tzinfo is not None:
        stamp = stamp.tz_localize(None)
    return stamp.normalize()
