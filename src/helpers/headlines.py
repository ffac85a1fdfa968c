"""Headlines: who met whom, and how, as a readout's headline says it.

"Xi Jinping Speaks with Belarusian President Alexander Lukashenko on the Phone", "Readout of President Joe Biden's
Call with Prime Minister Modi of India", "PM Shehbaz Sharif telephones Turkish President Erdoğan", "Japan-Australia
Summit Telephone Talk": the words of these forms are the lexicon's `headline_words`, `headline_tails` and
`event_words` tables.
"""
from __future__ import annotations

import re

import pandas as pd

from .dates import event_date
from .lexicon import Lexicon, alternation, derived
from .people import (Person, country_of, heads_of_state_or_government, is_group, listed_people, names_a_group, offices_alone,
                     parse_person, split_people, starts_with_title, title_pattern, words_of_kind)

__all__ = ["event_type_of", "headline_date", "parse_headline"]

WHITEHOUSE_FORM, VERBAL_FORM, UNKNOWN_STYLE = "whitehouse", "mfa", "unknown"

# A date closing a headline: "PM call with President Zelenskyy: 3 March 2023".
_HEADLINE_DATE = re.compile(r"\s*[:,|–—-]\s*(?P<date>\d{1,2}\s+[A-Z][a-z]+\.?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4})\s*$")


@derived
def _forms(lexicon: Lexicon) -> dict[str, re.Pattern]:
    """The headline forms, compiled from the lexicon's headline words."""
    def words(kind: str) -> str:
        return alternation(words_of_kind(lexicon, "headline_words", kind))

    modifiers, nouns, transitive = words("event_modifier"), words("event_noun"), words("transitive_verb")
    verbs = alternation([*words_of_kind(lexicon, "headline_words", "verb"), *words_of_kind(lexicon, "headline_words", "transitive_verb")])
    event = rf"(?i:(?:{modifiers}\s+){{0,3}}{nouns})"
    # in the table's order: a researcher's row goes after the defaults
    tails = "|".join(dict.fromkeys(p.strip() for p in lexicon.table("headline_tails")["pattern"] if p.strip())) or "(?!)"
    event_link, verb_link, object_link = words("event_link"), words("verb_link"), words("object_link")
    return {
        # Event words in any case ("PM call with ...", "Telephone conversation with ..."); the host may be left out
        # (Kremlin: "Telephone conversation with President of France Emmanuel Macron").
        "possessive": re.compile(rf"^(?:(?P<host>.+?)(?:['’]s?)?\s+)??(?P<event>{event})\s+(?P<link>(?i:{event_link}))\s+(?P<rest>.+)$"),
        # a verb that may take its object directly: "PM Shehbaz Sharif telephones Turkish President Erdoğan"
        "transitive": re.compile(rf"^(?P<host>.+?)\s+(?P<event>(?i:{transitive}))\s+(?P<rest>[A-Z].+)$"),
        # "Xi Jinping Speaks with ...", "Wang Yi Holds Talks with ..."
        "verbal": re.compile(rf"^(?P<host>.+?)\s+(?P<event>(?i:{verbs})\b(?:\s+(?!(?i:{object_link})\b)[\w-]+){{0,4}})\s+(?i:{verb_link})\s+(?P<rest>.+)$"),
        # "Japan-Australia Summit Telephone Talk": two countries, the publisher's first.
        "country_pair": re.compile(rf"^(?P<a>[A-Z][\w .’']*?)\s*[-–—]\s*(?P<b>[A-Z][\w .’']*?)\s+(?P<event>{event})$"),
        "trailing": re.compile(rf"\s+(?:{tails})$"),
        "readout_prefix": re.compile(rf"^(?:{words('readout_modifier')}\s+)?(?:{words('readout')})\b[^A-Za-z]*"
                                     rf"(?:(?:from|by)\s+.+?\s+(?:on|of)\s+(?:the\s+)?(?=[A-Z])|(?:{words('readout_link')})\s+)?"),
    }


def headline_date(lexicon: Lexicon, title: str) -> pd.Timestamp | None:
    """An explicit date closing the headline ("...: 3 March 2023"), or None."""
    found = _HEADLINE_DATE.search(" ".join(title.split()))
    return event_date(found.group("date"), None, lexicon=lexicon) if found else None


def parse_headline(lexicon: Lexicon, title: str) -> tuple[Person, list[Person], str, str]:
    """(host, counterparts, event phrase, style) from a headline; empty parts where it says nothing. The style is
    the form the headline takes: "whitehouse" for "Readout of ...", "mfa" for "X Speaks with Y", else "unknown"."""
    forms = _forms(lexicon)
    title = " ".join(title.replace("\u00a0", " ").split())
    title = _HEADLINE_DATE.sub("", title)
    style = UNKNOWN_STYLE
    match = None
    stripped = forms["readout_prefix"].sub("", title)
    if stripped != title:
        style = WHITEHOUSE_FORM
        match = forms["possessive"].match(stripped)
    if match is None:
        # a transitive verb with its object ("welcomes Chinese Foreign Minister on courtesy call") before a verb and
        # its preposition ("Meets with ...")
        match = forms["transitive"].match(title) or forms["verbal"].match(title)
        if match:
            style = VERBAL_FORM if style == UNKNOWN_STYLE else style
    if match is None:
        match = forms["possessive"].match(stripped)
    if match is None:
        pair = forms["country_pair"].match(stripped)
        if pair and country_of(lexicon, pair.group("a")) and country_of(lexicon, pair.group("b")):
            return (Person(country=country_of(lexicon, pair.group("a"))), [Person(country=country_of(lexicon, pair.group("b")))],
                    pair.group("event"), style)
        return Person(), [], "", style
    host = parse_person(lexicon, match.group("host") or "")
    host_phrase = re.sub(r"['’]s?$", "", match.group("host") or "")
    cohosts = [parse_person(lexicon, part) for part in split_people(lexicon, host_phrase)] if " and " in host_phrase else []
    # "the President and Vice President's Meeting with ... Leaders", "National Security Advisor X and Director Y Meeting
    # with Cabinet Members": co-hosts, no single principal (two heads of state or government are the two principals;
    # with a titled or foreign counterpart, "President X and Vice President Y's Call with Prime Minister Z", the
    # first hosts)
    cohosted = offices_alone(lexicon, host_phrase) or (len(cohosts) > 1 and all(p.name for p in cohosts)
                                                       and not {p.title for p in cohosts} <= heads_of_state_or_government(lexicon))
    rest = match.group("rest")
    link = match.group("link").lower() if match.re is forms["possessive"] else ""
    if link == "to" and not starts_with_title(lexicon, rest):
        rest = ""  # a purpose, not a person: "Meeting to Commemorate National Foster Care Month"
    if link == "between" and not (host.name or host.title) and "," in rest:
        # names set off by commas beside their titles: "between the President of the Republic, Emmanuel Macron, and
        # Vladimir Putin, President of the Russian Federation"
        listed = listed_people(lexicon, forms["trailing"].sub("", rest))
        # (the first, the publisher's principal, may be known by title alone: "between the President of the Republic
        # and Keir Starmer, Prime Minister of the United Kingdom")
        if len(listed) >= 2 and all(person.name for person in listed[1:]) and (listed[0].name or listed[0].title):
            return listed[0], listed[1:], f"{match.group('event')} ", style
    if link == "between" and not (host.name or host.title):  # "Phone call between President Michel and President Xi"
        # the first "and" before a title parts the two ("between the President of the Republic and the President of
        # the Republic of Chile, Gabriel Boric"), even where the first is known by title alone
        if parted := re.search(rf"\s+and\s+(?={title_pattern(lexicon).pattern})", rest):
            first, others = rest[:parted.start()], [rest[parted.end():]]
        else:
            first, *others = split_people(lexicon, rest) or [""]
        if not is_group(lexicon, first):  # "the Leaders of France and Germany" name no host
            host, rest = parse_person(lexicon, first), " and ".join(others)
    trailing = ""
    while (tail := forms["trailing"].search(rest)) and tail.start() > 0:
        trailing = tail.group(0) + trailing
        rest = rest[: tail.start()]
    parts = split_people(lexicon, rest)
    counterparts = [parse_person(lexicon, part) for part in parts]
    if cohosted and not any(c.title or c.country for c in counterparts):  # not "... Meeting with PRC Officials"
        host = Person()
    if parts and names_a_group(lexicon, parts[-1]):  # "with Asian American, Native Hawaiian, and Pacific Islander Leaders"
        counterparts = [c for c in counterparts if c.title or c.country]
    return host, [c for c in counterparts if c.name or c.title], f"{match.group('event')} {trailing}", style


_MEDIUM_PRIORITY = 2


@derived
def _event_words(lexicon: Lexicon) -> dict[str, tuple[int, str]]:
    table = lexicon.table("event_words")
    return {w: (int(p), e) for w, e, p in zip(table["word"], table["event_type"], table["priority"])}


def event_type_of(lexicon: Lexicon, *phrases: str) -> str:
    """The event type named by the first phrase that names one, unless a later phrase names the medium
    (telephone, video); "other" when none does."""
    table = _event_words(lexicon)
    hits = [[table[w] for w in re.findall(r"[\w-]+", phrase.lower()) if w in table] for phrase in phrases]
    first = next((found for found in hits if found), [])
    media = [hit for found in hits for hit in found if hit[0] <= _MEDIUM_PRIORITY]
    return min(first + media)[1] if first else "other"
