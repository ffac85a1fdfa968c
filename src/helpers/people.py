"""People and their names: "Belarusian President Alexander Lukashenko" -> (name, title, country).

A readout names its principals with titles, countries and demonyms in front, postings and portfolios after the
title, and honorifics around them; `parse_person` reads a phrase into a `Person`, `canonical_name` gives one
spelling per person. Every word these rules know comes from the lexicon's tables (`titles`, `countries`,
`aliases`, `non_name_words`, `name_particles`, `name_suffixes`, `link_words`, ...); the lexicon is passed in.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import APOSTROPHES, HYPHENS, Lexicon, alternation, derived

__all__ = ["Person", "aliases", "canonical_name", "clean_name", "country_names", "country_of", "country_prefix",
           "honorifics", "is_group", "is_institution", "listed_people", "name_fillers", "name_pattern", "names_a_group",
           "names_in_text", "offices_alone", "heads_of_state_or_government",
           "parse_person", "regions", "split_people", "starts_with_title", "styles_of_address", "title_equivalents",
           "title_pattern", "titles", "words_of_kind"]


@dataclass
class Person:
    """A principal as a readout names them."""

    name: str = ""
    title: str = ""
    country: str = ""


# --- the tables, as the rules use them -------------------------------------------------------------------------

@derived
def words_of_kind(lexicon: Lexicon, table: str, kind: str) -> list[str]:
    """The words of one `kind` in a table with `word` and `kind` columns, longest first."""
    rows = lexicon.table(table)
    return sorted({" ".join(w.split()) for w, k in zip(rows["word"], rows["kind"]) if k.strip() == kind and w.strip()},
                  key=lambda w: (-len(w), w))


def _piece(lexicon: Lexicon, table: str, kind: str) -> str:
    return alternation(words_of_kind(lexicon, table, kind))


@derived
def titles(lexicon: Lexicon) -> tuple[str, ...]:
    """Titles, longest first, so "Vice President" is tried before "President"."""
    return tuple(lexicon.words("titles", "title"))


@derived
def title_pattern(lexicon: Lexicon) -> re.Pattern:
    alternatives = "|".join(re.escape(t) for t in titles(lexicon))
    initials = "".join(sorted({re.escape(t[0]) for t in titles(lexicon)}))
    # The look-behind and look-ahead reject most positions (lower-case words) before the long alternation is tried.
    return re.compile(rf"(?<![\w.])(?=[Tt]he\s|[{initials}])(?:(?:the|The)\s+)?(?P<title>{alternatives})(?![\w])\s*")


@derived
def country_names(lexicon: Lexicon) -> dict[str, str]:
    """Every spelling of a country (name, alias, demonym) -> its short common name."""
    names: dict[str, str] = {}
    for row in lexicon.table("countries").itertuples(index=False):
        for spelling in [row.country, *row.demonyms.split("|"), *row.aliases.split("|")]:
            spelling = spelling.strip()
            if spelling:
                names.setdefault(spelling, row.country)
                if spelling.startswith("the "):
                    names.setdefault(spelling[4:], row.country)
    return names


@derived
def _lowercase_countries(lexicon: Lexicon) -> dict[str, str]:
    return {spelling.lower(): country for spelling, country in country_names(lexicon).items()}


def country_of(lexicon: Lexicon, phrase: str) -> str:
    """The country a phrase names ("the Republic of Korea", "The Commonwealth of The Bahamas"), or ""."""
    phrase = " ".join(phrase.split()).strip(" ,.")
    phrase = re.sub(r"^[Tt]he\s+", "", phrase)
    return country_names(lexicon).get(phrase) or _lowercase_countries(lexicon).get(phrase.lower(), "")


@derived
def country_prefix(lexicon: Lexicon) -> re.Pattern:
    alternatives = "|".join(re.escape(n) for n in sorted(country_names(lexicon), key=len, reverse=True))
    return re.compile(rf"(?:the\s+)?(?P<country>{alternatives})(?![\w])(?:[{APOSTROPHES}]s(?![\w]))?\s*")  # "Canada’s Ambassador"


@derived
def aliases(lexicon: Lexicon) -> dict[str, str]:
    return lexicon.mapping("aliases", "alias", "canonical")


@derived
def non_name_words(lexicon: Lexicon) -> dict[str, str]:
    """Capitalised words that are no part of a name -> "body" (a portfolio or office word) or "group" (a plural noun)."""
    return lexicon.mapping("non_name_words", "word", "kind")


@derived
def postnominals(lexicon: Lexicon) -> frozenset[str]:
    return frozenset(lexicon.words("postnominals", "word"))


@derived
def regions(lexicon: Lexicon) -> dict[str, str]:
    """Parts of a country ("Texas", "Northern Ireland") -> the country; read for a person's country only."""
    return lexicon.mapping("regions", "region", "country")


@derived
def title_equivalents(lexicon: Lexicon) -> dict[str, frozenset[str]]:
    """A title -> the other spellings of the same office ("PM" <-> "Prime Minister")."""
    table = lexicon.table("title_equivalents")
    same: dict[str, set[str]] = {}
    for short, full in zip(table["short"], table["full"]):
        same.setdefault(short, set()).add(full)
        same.setdefault(full, set()).add(short)
    return {title: frozenset(others) for title, others in same.items()}


@derived
def _lead_words(lexicon: Lexicon) -> frozenset[str]:
    """Words that open an adverbial lead-in ("Following", "Today"): a name never starts with them."""
    return frozenset(lexicon.words("lead_ins", "word"))


@derived
def honorifics(lexicon: Lexicon) -> frozenset[str]:
    """Titles of courtesy ("Mr.", "His Majesty") that give way to a functional title when both are there."""
    table = lexicon.table("titles")
    return frozenset(table.loc[table["kind"] == "honorific", "title"])


@derived
def styles_of_address(lexicon: Lexicon) -> frozenset[str]:
    """Titles that go with a name whatever the office ("Mr.", "Dr.", "Sheikh", "Prince"): after an office named
    first they complete it ("the Emir of Qatar, Sheikh Tamim bin Hamad Al Thani")."""
    table = lexicon.table("titles")
    return frozenset(table.loc[table["kind"].isin(["honorific", "royal"]), "title"])


# --- the pattern of a name -------------------------------------------------------------------------------------

@derived
def _name_pieces(lexicon: Lexicon) -> tuple[str, str]:
    """(capitalised word, particles): a capitalised word, an initial ("R.") or a suffix ("Jr."), a possessive
    "'s" ending the name; and the particles that sit inside names ("bin", "von der", "da")."""
    suffix = _piece(lexicon, "name_suffixes", "suffix")
    capitalised = (rf"(?:{suffix}|[A-ZÀ-ÞĀ-Ž]\.(?:[A-Z]\.)*|[A-ZÀ-ÞĀ-Ž](?:[\w{HYPHENS}]|[{APOSTROPHES}](?!s\b))*)")
    particles = f"(?:{alternation(lexicon.words('name_particles', 'word'))})"
    return capitalised, particles


@derived
def name_pattern(lexicon: Lexicon) -> str:
    """A name of up to five words, with particles inside ("Ursula von der Leyen") and a suffix after a comma
    ("Joseph R. Biden, Jr.")."""
    capitalised, particles = _name_pieces(lexicon)
    suffix = _piece(lexicon, "name_suffixes", "suffix")
    return rf"(?:{particles} )*{capitalised}(?:(?:,? (?={suffix})| )(?:{particles} )*{capitalised}){{0,4}}"


@derived
def _name_re(lexicon: Lexicon) -> re.Pattern:
    return re.compile(name_pattern(lexicon))


@derived
def name_fillers(lexicon: Lexicon) -> frozenset[str]:
    """Lower-cased words inside a name that do not identify the person: particles, suffixes, numerals."""
    words = [*lexicon.words("name_particles", "word"), *lexicon.words("name_suffixes", "word")]
    return frozenset({w.lower() for w in words} | {w.lower().rstrip(".") for w in words})


@derived
def _parse_rules(lexicon: Lexicon) -> dict[str, re.Pattern]:
    capitalised, particles = _name_pieces(lexicon)
    inner = _piece(lexicon, "link_words", "office_inner")
    office_link = _piece(lexicon, "link_words", "office_link")
    title = title_pattern(lexicon).pattern
    return {
        "description": re.compile(rf"^(?:(?:the|The)\s+)?(?:(?!{particles}\s)[a-z][\w-]*\s+)+(?=[A-Z])"),
        "portfolio": re.compile(rf"(?P<link>{office_link})\s+(?:the\s+)?(?P<body>(?:[A-Z][\w{APOSTROPHES}-]*\s+(?:{inner}\s+)*)+?)"
                                rf"(?={capitalised}\s+(?:{particles}\s+)*{capitalised}|$)"),
        "office_before_title": re.compile(rf"(?:[Oo]f|for)\s+(?:{inner}\s+|[A-Z][\w{APOSTROPHES}-]*\s+)*?(?:and|&)\s+(?={title})"),
        "region_prefix": re.compile(rf"(?P<region>{'|'.join(re.escape(n) for n in sorted(regions(lexicon), key=len, reverse=True))})(?![\w])\s*"),
        "generation": re.compile(_piece(lexicon, "name_suffixes", "generation")),
        "suffix_without_period": re.compile(rf"\b({alternation(s.rstrip('.') for s in words_of_kind(lexicon, 'name_suffixes', 'suffix'))})$"),
        "joined_title": re.compile(rf"(?:and|&)\s+(?={title})"),
        # "1st Vice Foreign Minister Cho Hyundong": the rank within an office is no word of its title nor of a name
        "ordinal_before_title": re.compile(rf"(?<![\w-])\d+(?:{alternation(lexicon.words('ordinal_suffixes', 'suffix'))})\s+(?={title})"),
        "article_before_title": re.compile(rf"^(?:and|&|the)\s+(?={title})"),
    }


_INITIAL = re.compile(r"[A-Z]\.")
_OF_THE = re.compile(r"[Oo]f\s+(?:the\s+)?")
_TOWARDS = re.compile(r"(?P<link>to|of)\s+(?:the|The)\s+")
_NAME_PARTS = re.compile(r"[^\w-]+")


def name_parts(name: str) -> set[str]:
    """The lower-cased words of a name, split at anything but letters, digits and hyphens."""
    return set(_NAME_PARTS.split(name.lower())) - {""}


# --- people ----------------------------------------------------------------------------------------------------

def clean_name(lexicon: Lexicon, name: str) -> str:
    """A parsed name without what is no part of it: portfolio words in front ("Economics Mike Pyle"), a lead-in word
    ("Following ..."), post-nominal letters ("Anthony Albanese MP"); empty when only such words remain. A group
    ("State Legislative Leaders") is kept: `is_group` tells it apart."""
    if is_group(lexicon, name):  # "Caribbean Leaders": the words that describe a group are its name
        return name
    words = name.split()
    table, lead_words, after = non_name_words(lexicon), _lead_words(lexicon), postnominals(lexicon)
    while words and (table.get(words[0].strip(",")) == "body" or words[0] in lead_words):
        words = words[1:]
    while words and words[-1].strip(",") in after:
        words = words[:-1]
    return " ".join(words)


def is_group(lexicon: Lexicon, phrase: str) -> bool:
    """Whether a headline phrase names a group ("State Legislative Leaders", "Congressional Hispanic Caucus")."""
    table = non_name_words(lexicon)
    return any(table.get(w.strip(",.")) == "group" for w in phrase.split())


def is_institution(lexicon: Lexicon, phrase: str) -> bool:
    """Whether a phrase names a body rather than a person: a group ("Officials", "State Legislative Leaders") or a
    phrase that ends in a word of an office or body ("White House", "White House Roundtable", "Biden-Harris
    Administration"); no one's name ends in one."""
    words = phrase.split()
    return bool(words) and (is_group(lexicon, phrase) or non_name_words(lexicon).get(words[-1].strip(",.")) == "body")


def parse_person(lexicon: Lexicon, phrase: str) -> Person:
    """A person from a phrase such as "Belarusian President Alexander Lukashenko",
    "Prime Minister Modi of India" or "Israeli NSA Meir Ben-Shabbat"."""
    return Person(*lexicon.derive(_parsed_person, phrase))


def starts_with_title(lexicon: Lexicon, phrase: str) -> bool:
    """Whether a phrase opens with a title, or a country and a title ("President ...", "Belarusian President ...")."""
    title = title_pattern(lexicon)
    return bool(title.match(phrase)) or bool((country := country_prefix(lexicon).match(phrase)) and title.match(phrase, country.end()))


def _parsed_person(lexicon: Lexicon, phrase: str) -> tuple[str, str, str]:
    """(name, title, country) of a phrase; kept per lexicon, since headlines and openings name the same people again
    and again (callers get a fresh Person each time, which they may change)."""
    rules, title_re, country_re = _parse_rules(lexicon), title_pattern(lexicon), country_prefix(lexicon)
    names, places, name_re = country_names(lexicon), regions(lexicon), _name_re(lexicon)
    phrase = " ".join(phrase.replace("\u00a0", " ").split()).strip(" ,.;:")
    person = Person()
    # "... of France", "... of the Council of Ministers of the Italian Republic": the "of" that ends in a country
    for of in re.finditer(r"\s+[Oo]f\s+(?:[Tt]he\s+)?", phrase):
        after = phrase[of.end():]
        if country_of(lexicon, after) or after.strip(" ,.") in places:
            person.country = country_of(lexicon, after) or places[after.strip(" ,.")]
            phrase = phrase[: of.start()]
            break
    # a word of description before the title: "visiting German Chancellor Olaf Scholz", "the outgoing Prime Minister"
    phrase = rules["ordinal_before_title"].sub("", phrase)
    described_as = ""
    if (words := rules["description"].match(phrase)) and starts_with_title(lexicon, phrase[words.end():]) and not any(
            title_re.match(phrase, word.start()) for word in re.finditer(r"\S+", phrase[:words.end()])):
        phrase = phrase[words.end():]
    elif words and (described_as := _title_word(lexicon, words.group(0).split()[-1])) and _name_re(lexicon).match(phrase, words.end()):
        # a description that ends in a title, before the name: "his national security advisor counterparts Akiba Takeo"
        phrase = phrase[words.end():]
    phrase = re.sub(r"^(?:the|The)\s+", "", phrase)
    country = country_re.match(phrase)
    if country and (title_re.match(phrase, country.end()) or not person.country):
        person.country = person.country or names[country.group("country")]
        phrase = phrase[country.end():]
    if not person.country and (region := rules["region_prefix"].match(phrase)) and title_re.match(phrase, region.end()):
        person.country = places[region.group("region")]  # "Colorado Governor Jared Polis"
    if not title_re.match(phrase):
        # "Colorado Governor Jared Polis", "Senate Judiciary Committee Chair Durbin": a body before the title
        later = re.search(rf"^(?:[A-Z][\w'’-]*\s+)+?(?={title_re.pattern})", phrase)
        if later:
            phrase = phrase[later.end():]
    found_titles = []
    while (title := title_re.match(phrase)) and title.end() > 0:
        found_titles.append(title.group("title"))
        phrase = phrase[title.end():]
        # A title held towards another ("National Security Advisor to the Vice President Phil Gordon") is one title.
        # Serving another ("Press Secretary of the Belarusian leader Natalya Eismont") keeps one's own title.
        while to_whom := _TOWARDS.match(phrase):
            start = to_whom.end()
            if (their_country := country_re.match(phrase, start)) and title_re.match(phrase, their_country.end()):
                start = their_country.end()
            if not (principal := title_re.match(phrase, start)):
                break
            if to_whom.group("link") == "to":
                found_titles[-1] = f"{found_titles[-1]} to the {principal.group('title')}"
            phrase = phrase[principal.end():]
        # A portfolio or body after the title ("Minister of Defense Benjamin Gantz", "Sultan of Oman
        # Haitham bin Tariq Al Said") runs until what is left still reads as a name of two words.
        joined = rules["joined_title"].match(phrase)
        if joined:  # "Prime Minister and Foreign Minister ..."
            phrase = phrase[joined.end():]
            continue
        # An office held alongside another title: "Director of the Office of the Foreign Affairs Commission and
        # Foreign Minister Wang Yi" (the office's words are no part of the name).
        if alongside := rules["office_before_title"].match(phrase):
            phrase = phrase[alongside.end():]
            continue
        of_country = _OF_THE.match(phrase)
        country = of_country and country_re.match(phrase, of_country.end())
        if country and name_re.match(phrase, country.end()):  # "Prime Minister of the United Kingdom Rishi Sunak"
            person.country = person.country or names[country.group("country")]
            phrase = phrase[country.end():]
            continue
        portfolio = rules["portfolio"].match(phrase)
        if portfolio:
            # A posting ("Ambassador to Japan Rahm Emanuel") says where one serves, not whose one is.
            if portfolio.group("link") != "to":
                body = portfolio.group("body")
                person.country = person.country or country_of(lexicon, re.sub(r"['’]s$", "", body.split()[0])) or country_of(lexicon, body)
            phrase = phrase[portfolio.end():]
            # the body may end in its country: "Head of the Office of the President of Ukraine Andriy Yermak"
            if (country := country_re.match(phrase)) and name_re.match(phrase, country.end()):
                person.country = person.country or names[country.group("country")]
                phrase = phrase[country.end():]
        phrase = rules["article_before_title"].sub("", phrase)  # "His Royal Highness the Crown Prince"
    kept = [t for t in found_titles if t not in honorifics(lexicon)] or found_titles
    person.title = kept[0] if kept else described_as
    name = name_re.match(phrase)
    person.name = clean_name(lexicon, name.group(0).strip(" ,")) if name else ""
    return person.name, person.title, person.country


def _title_word(lexicon: Lexicon, word: str) -> str:
    """The title a lower-case word is, or whose plural it is ("counterparts"), or ""."""
    held = _title_set(lexicon)
    return next((w for w in (word, word[:-1] if word.endswith("s") else "") if w and w.islower() and w in held), "")


def canonical_name(lexicon: Lexicon, name: str, known: dict[str, str] | None = None) -> str:
    """One spelling for one person: the alias table first, then the fullest form the document uses."""
    rules = _parse_rules(lexicon)
    name = rules["suffix_without_period"].sub(r"\1.", " ".join(name.split()).strip(" ,"))  # "Biden Jr" is "Biden Jr."
    if not name:
        return ""
    table = aliases(lexicon)
    if name in table:
        return table[name]
    words = name.split()
    if words[-1] in postnominals(lexicon):
        return canonical_name(lexicon, " ".join(words[:-1]), known)
    if len(words) == 2 and words[-1] in words_of_kind(lexicon, "name_suffixes", "suffix"):
        # a surname with its suffix, "Biden Jr.": as the bare surname
        resolved = canonical_name(lexicon, words[0], known)
        return resolved if resolved != words[0] else name
    # Middle initials and a generation's numeral are no part of the name one is known by ("Lloyd J. Austin III" is
    # Lloyd Austin); a regnal numeral after a single name ("Charles III") is.
    plain = [w for i, w in enumerate(words) if not (0 < i < len(words) - 1 and _INITIAL.fullmatch(w))]
    if len(plain) >= 3 and rules["generation"].fullmatch(plain[-1]):
        plain = plain[:-1]
    if plain != words:
        return canonical_name(lexicon, " ".join(plain), known)
    if len(words) > 1 and len(words[0].rstrip(".")) > 1 and words[0].isupper() and not any(w.isupper() for w in words[1:]):
        # a surname written first in capitals, as Japanese and some other readouts do: "KISHIDA Fumio"
        return canonical_name(lexicon, " ".join([*words[1:], words[0].capitalize()]), known)
    if known and " " not in name:  # a bare surname: the fullest form the document uses
        fuller = [full for full in known if full != name and name in _NAME_PARTS.split(full)]
        if fuller:
            best = max(fuller, key=len)
            return table.get(best, best)
    return name


# A capital not preceded by a word character or a period; the capital comes first so the engine can skip to
# capitals (the same matches as (?<![\w.])[A-Z]..., in half the time).
_CAPITALISED_WORD = re.compile(r"[A-Z](?<![\w.][A-Z])[\w.-]*")


@derived
def _title_first_words(lexicon: Lexicon) -> frozenset[str]:
    return frozenset(title.split()[0] for title in titles(lexicon))


@derived
def _event_word_set(lexicon: Lexicon) -> frozenset[str]:
    return frozenset(lexicon.words("event_words", "word"))


def names_in_text(lexicon: Lexicon, text: str) -> dict[str, str]:
    """Names that follow a title anywhere in the text ("Prime Minister Narendra Modi") -> that title."""
    found: dict[str, str] = {}
    starts, title_re, new_phrase = _title_first_words(lexicon), title_pattern(lexicon), _event_word_set(lexicon)
    openers, name_re, countries = frozenset(lexicon.words("phrase_openers", "word")), _name_re(lexicon), country_names(lexicon)
    for word in _CAPITALISED_WORD.finditer(text):
        if word.group() not in starts or not (title := title_re.match(text, word.start())):
            continue
        name = name_re.match(text, title.end())
        if name and "\n" not in text[title.end("title"):title.end()]:  # a title ending a headline names no one below it
            words = name.group(0).split()
            # Stop at a word that starts a new phrase ("President Biden Spoke", "Minister Modi The").
            keep = words[:1]
            for word in words[1:]:
                if word.strip(",") in openers or word.lower() in new_phrase:
                    break
                keep.append(word)
            while keep and title_re.fullmatch(keep[0]):  # "His Majesty King Abdullah II"
                keep = keep[1:]
            full = " ".join(keep).strip(" ,")
            if full and full not in countries and not title_re.fullmatch(full):
                found.setdefault(full, title.group("title"))
    return found


# what separates the items of a list: a comma (with or without "and") or "and"
LIST_SEPARATOR = re.compile(r"(,\s*(?:and\s+)?|\s+and\s+)")


def split_people(lexicon: Lexicon, phrase: str) -> list[str]:
    """Split "President Macron of France and Chancellor Scholz of Germany" into one phrase per person,
    without breaking a country such as "Antigua and Barbuda"."""
    pieces = LIST_SEPARATOR.split(phrase)
    people: list[str] = []
    for piece, separator in zip(pieces[::2], ["", *pieces[1::2]]):
        starts_person = starts_with_title(lexicon, piece)
        previous_is_bare_title = bool(people) and not parse_person(lexicon, people[-1]).name
        # "Frédéric Bernard, Head of Cabinet to the President ...": a bare title set off by a comma after a name
        # is that name's ("X and the Prime Minister of Japan" are two)
        is_apposition = (bool(people) and starts_person and separator.strip() == "," and not previous_is_bare_title
                         and not parse_person(lexicon, piece).name)
        # a name after a whole office ("the President of the Republic and Keir Starmer") is a second person; after
        # part of one ("Minister of Trade and Industry Nils Holm") it is not
        after_whole_office = (previous_is_bare_title and separator.strip() == "and" and not starts_person
                              and _whole_title(lexicon, people[-1]) and bool(_name_re(lexicon).fullmatch(piece.strip())))
        if people and not after_whole_office and (not starts_person or previous_is_bare_title or is_apposition):
            people[-1] = f"{people[-1]} and {piece}" if piece else people[-1]
        else:
            people.append(piece)
    return [p for p in people if p.strip()]


@derived
def heads_of_state_or_government(lexicon: Lexicon) -> frozenset[str]:
    """Titles of heads of state and government and of royals (`titles` kinds): two of them named together are two
    principals ("President X and Prime Minister Y held a meeting"), not co-conveners of one side."""
    table = lexicon.table("titles")
    return frozenset(t for t, k in zip(table["title"], table["kind"]) if k.strip() in ("head_of_state", "head_of_government", "royal"))


def offices_alone(lexicon: Lexicon, phrase: str) -> bool:
    """Whether a phrase names two or more offices and no one ("the President and Vice President"): their holders
    together, not one person with two titles ("Prime Minister and Foreign Minister X" is one)."""
    parts = re.split(r"\s+and\s+", phrase.strip())
    return len(parts) > 1 and all(_whole_title(lexicon, part) for part in parts)


@derived
def _title_set(lexicon: Lexicon) -> frozenset[str]:
    return frozenset(titles(lexicon))


def _whole_title(lexicon: Lexicon, phrase: str) -> bool:
    """Whether a phrase is one title and nothing else, after an article ("the President of the Republic")."""
    return re.sub(r"^(?:the|The)\s+", "", phrase.strip()) in _title_set(lexicon)


def _heads_a_group(lexicon: Lexicon, phrase: str) -> bool:
    """Whether a phrase opens with a group's word, in either case, after words in lower case only ("senior members
    of ...", "Representatives from ..."; not "Senator X and small business leaders")."""
    head = []
    for word in phrase.split():
        head.append(word.capitalize() if word.islower() else word)
        if not word.islower():
            break
    return is_group(lexicon, " ".join(head))


def names_a_group(lexicon: Lexicon, phrase: str) -> bool:
    """Whether a phrase's words in lower case, or its last word, hold a group's noun ("Pacific Islander leaders",
    a headline's "Pacific Islander Leaders")."""
    words = phrase.split()
    return bool(words) and is_group(lexicon, " ".join([*(w.capitalize() for w in words if w.islower()), words[-1].capitalize()]))


def listed_people(lexicon: Lexicon, phrase: str) -> list[Person]:
    """The people a list names, each with the titles set off by commas beside their name: "Justin Trudeau, Prime
    Minister of Canada", "Polish Secretary of State, Head of the Bureau, Jacek Siewiera", "the President of the
    Republic, Emmanuel Macron, and Vladimir Putin, President of the Russian Federation"."""
    listed: list[Person] = []
    # (part, whether it follows a comma): only what a comma sets off may describe the person before it
    phrases = [(p, i == 0) for chunk in re.split(r",\s*(?:and\s+)?", phrase) for i, p in enumerate(split_people(lexicon, chunk))
               ] if phrase.strip() else []
    # "13 Asian American, Native Hawaiian, and Pacific Islander leaders": words before a group's noun describe the
    # group; only a titled person in such a list is one
    of_a_group = bool(phrases) and names_a_group(lexicon, phrases[-1][0])
    for part, after_comma in phrases:
        if of_a_group and not parse_person(lexicon, part).title:
            continue
        if _heads_a_group(lexicon, part):
            continue  # "senior members of President Milei's administration": the members, not the President
        person = parse_person(lexicon, part)
        if not after_comma and listed and (person.name or person.title and part.lstrip().startswith(("the ", "The "))):
            # "the President of the Republic and Keir Starmer", "Minister X and the Secretary of State of Y": two
            # people (only what a comma sets off describes the person before it, and goes on without an article:
            # "Mr. Wang Yi, Member of the Political Bureau ... and Minister of Foreign Affairs of China")
            listed.append(person)
        elif listed and listed[-1].name and not person.name and person.title:
            # an apposition: "Justin Trudeau, Prime Minister of Canada"
            # (an honorific before the name gives way to the office after it: "The Honourable X MP, Prime Minister of Y")
            kept = listed[-1].title if listed[-1].title not in honorifics(lexicon) else ""
            listed[-1] = Person(listed[-1].name, kept or person.title, listed[-1].country or person.country)
        elif listed and not listed[-1].name and listed[-1].title and person.name and (not person.title or person.title in styles_of_address(lexicon)):
            # the name after its titles
            listed[-1] = Person(person.name, listed[-1].title, listed[-1].country or person.country)
        elif listed and not listed[-1].name and not person.name and person.title:
            listed[-1] = Person("", listed[-1].title, listed[-1].country or person.country)
        elif person.title or len(person.name.split()) > 1:
            listed.append(person)
    return listed
