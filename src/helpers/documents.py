"""One readout's `documents` columns: its headline, its framing sentence and its header, read together.

The headline ("Readout of President Biden's Call with Prime Minister Modi of India") and the opening's
framing sentence ("Prime Minister Shri Narendra Modi spoke with President of France H.E. Mr. Emmanuel
Macron today") each say part of who met whom, when and how; `document_fields` reconciles them, and a
field stated in the file's own header wins over both.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

import numpy as np
import pandas as pd

from .dates import event_date, to_timestamp
from .framing import country_in, first_person_pronouns, framing_people, sole_convener
from .headlines import UNKNOWN_STYLE, event_type_of, headline_date, parse_headline
from .lexicon import Lexicon, derived
from .offices import country_of_url, leader, leader_named
from .people import Person, canonical_name, clean_name, is_group, is_institution, listed_people, name_parts, names_in_text, title_equivalents

_NAMES_WITHIN = 1000


def _same_person(lexicon: Lexicon, a: Person, b: Person) -> bool:
    """Whether a headline's person and an opening's person are one: a shared name part, or (a headline that gives
    no name) the same title or country."""
    if a.name and b.name:
        return bool(name_parts(a.name) & name_parts(b.name))
    if a.name or not b.name:
        return False
    same_title = a.title and b.title and (a.title == b.title or b.title in title_equivalents(lexicon).get(a.title, ()))
    return bool(same_title or (a.country and a.country == b.country) or not (a.title or a.country))


def _fuller(name: str, other: str) -> str:
    """`name`, or `other` when it says more of the same name ("Meloni" in a headline, "Giorgia Meloni" in the opening)
    or the same with its accents ("Vucic" in a headline, "Vučić" in the opening)."""
    if name and other != name and _unaccented(other) == name:
        return other
    return other if not name or len(other) > len(name) and name in other else name


def _unaccented(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


@derived
def _style_markers(lexicon: Lexicon) -> list[tuple[str, str, re.Pattern]]:
    table = lexicon.table("style_markers")
    return [(style.strip(), field.strip(), re.compile(pattern)) for style, field, pattern in zip(table["style"], table["field"], table["pattern"])]


def _style_of(lexicon: Lexicon, meta: dict) -> str:
    """The house style a header states, or that its URL tells (`style_markers`); "" when neither does."""
    stated = meta.get("source_style")
    if stated:
        return str(stated)
    fields = {"url": str(meta.get("source_url") or meta.get("url") or "")}
    return next((style for style, field, pattern in _style_markers(lexicon) if pattern.search(fields.get(field, ""))), "")


@derived
def _publisher_markers(lexicon: Lexicon) -> list[tuple[str, str, re.Pattern]]:
    table = lexicon.table("publishers")
    return [(name.strip(), field.strip(), re.compile(pattern)) for name, field, pattern in zip(table["publisher"], table["field"], table["pattern"])]


def publisher_of(lexicon: Lexicon, meta: dict, *, style: str = "", path: str = "") -> str:
    """Who published the readout: the header's `publisher`, else the first `publishers` row whose pattern its URL
    (or its `path`: the doc_id, its path under the folder loaded) matches, else the house style's `publisher` setting; "" when none says."""
    stated = meta.get("publisher")
    if stated:
        return " ".join(str(stated).split())
    fields = {"url": str(meta.get("source_url") or meta.get("url") or ""), "path": path}
    found = next((name for name, field, pattern in _publisher_markers(lexicon) if pattern.search(fields.get(field, ""))), "")
    return found or lexicon.for_style(style).setting("publisher")


def document_fields(lexicon: Lexicon, title: str, text: str, opening: str, meta: dict | None = None, *, path: str = "",
                    later: Sequence[str] = ()) -> dict:
    """The `documents` metadata columns of one readout (all but doc_id, path and text), from its headline and
    opening sentence; a header field in `meta` wins. The opening's framing sentence ("Prime Minister Shri Narendra
    Modi spoke with President of France H.E. Mr. Emmanuel Macron today") fills what the headline leaves out:
    a host the headline does not name (Kremlin, No. 10), a counterpart named by title only, a country. `path` (the
    readout's doc_id: its path under the folder loaded) may tell the publisher (`publisher_of`). `later`: the
    sentences after the opening, where a trip's readout names whom its principal met ("Dr. Gordon traveled to
    Ramallah ... and met with President Mahmoud Abbas") when neither headline nor opening names anyone."""
    meta = meta or {}
    base_lexicon = lexicon
    published = to_timestamp(meta.get("published") or meta.get("date") or meta.get("published_time"))
    style = stated_style = _style_of(lexicon, meta)
    host, counterparts, event_phrase, headline_style = parse_headline(lexicon.for_style(style), title)
    if not style:
        style = headline_style
        if lexicon.for_style(style) is not lexicon:  # a headline in a house form that has rules of its own
            host, counterparts, event_phrase, _ = parse_headline(lexicon.for_style(style), title)
    lexicon = lexicon.for_style(style)
    if is_institution(lexicon, host.name):  # "Readout of White House Meeting on ...": the publisher, not a principal
        host = Person("", host.title, host.country)
    opening_host, opening_others = framing_people(lexicon, opening)
    # "Today I spoke with ...": the principal writes in the first person, and the readout names them nowhere
    in_first_person = opening_host.name.lower() in first_person_pronouns(lexicon)
    if in_first_person:
        opening_host = Person("", opening_host.title, opening_host.country)
    if not host.name and opening_host.name and (_same_person(lexicon, host, opening_host) or not opening_others or not host.title):
        host = Person(opening_host.name, host.title or opening_host.title, host.country or opening_host.country)
    elif host.name and opening_host.name and _same_person(lexicon, host, opening_host):
        host = Person(_fuller(host.name, opening_host.name), host.title or opening_host.title, host.country or opening_host.country)
    if not host.name and not host.title and opening_host.title:
        host = Person("", opening_host.title, host.country or opening_host.country)
    counterparts = [c for c in counterparts if c.title or c.country or len(c.name.split()) > 1]
    # A group ("State Legislative Leaders") still tells that an exchange happened, but is no counterpart.
    exchange = bool(counterparts)
    counterparts = [c for c in counterparts if not is_group(lexicon, c.name)]
    if not counterparts:
        # the foreign host of an event the principal joined, where the opening says so, before the event's own name
        # ("participated in the APEC Virtual Leaders' Retreat, hosted by Prime Minister Jacinda Ardern of New Zealand")
        counterparts = (not exchange and _foreign_hosts(lexicon, opening)) or [
            Person(o.name, o.title, o.country) for o in opening_others if not is_group(lexicon, o.name)]
    else:
        unused = list(opening_others)
        for i, person in enumerate(counterparts):
            other = next((o for o in unused if _same_person(lexicon, person, o)), None)
            if other is None:
                continue
            unused.remove(other)
            counterparts[i] = Person(_fuller(person.name, other.name), person.title or other.title, person.country or other.country)
    # (a group in the headline or opening, "Calls with European Leaders", may be named in the sentences after it)
    if not counterparts and not opening_others:
        counterparts = _foreign_met_later(lexicon, later, destination=country_in(lexicon, title))
    known = names_in_text(lexicon, f"{title}\n{text[:_NAMES_WITHIN]}")
    if host.title and not host.name:  # "Readout of the President's Call": the opening names the President
        # Only the opening: later in the body a title can belong to anyone the principals talked about ("the
        # Chancellor briefed the President on her conversation with President Putin").
        host.name = next((n for n, t in known.items() if t == host.title and (n in opening or n in title)
                          and not any(_same_person(lexicon, c, Person(n)) for c in counterparts)), "")
    principal = bool(host.name or host.title)  # that principals met: the event type below
    if not host.name and not host.title and (convener := sole_convener(lexicon, opening)):
        host = convener  # "Vice President Harris, the Office of ... and the Office of ... convened ..."
    shared_country = ""
    for person in reversed(counterparts):  # "Foreign Minister Kuleba and Defense Minister Reznikov of Ukraine"
        shared_country = person.country = person.country or shared_country
    for person in (host, *counterparts):
        person.name = canonical_name(lexicon, clean_name(lexicon, person.name), known)
        if not person.title:
            person.title = next((t for n, t in known.items() if canonical_name(lexicon, n, known) == person.name and person.name), "")
    dated = headline_date(lexicon, title)
    # the framing sentence may follow a dateline paragraph ("Madrid, Tuesday 1 March 2022"): read the dates up to it
    up_to_opening = text[:text.find(opening) + len(opening)] if opening and opening in text else opening
    date = to_timestamp(meta.get("event_date")) or event_date(up_to_opening, published or dated, lexicon=lexicon) or dated
    address_country = country_of_url(lexicon, str(meta.get("source_url") or meta.get("url") or ""))
    _name_leaders(lexicon, host, counterparts, date or published, in_first_person=in_first_person,
                  country=address_country or lexicon.setting("host_country"))
    main = counterparts[0] if counterparts else Person()
    return {
        "source_style": style or UNKNOWN_STYLE,
        # a house style told only by the headline's form ("Readout of ...", which others write too) names no publisher
        "publisher": publisher_of(base_lexicon, meta, style=stated_style, path=path),
        "title": title,
        "date": date,
        "published": published,
        # a readout with no counterpart (a task force, a listening session) reports no exchange between principals
        "event_type": meta.get("event_type") or (event_type_of(lexicon, event_phrase, title, opening) if counterparts or exchange or principal else "other"),
        "host": meta.get("host") or host.name,
        "host_title": meta.get("host_title") or host.title,
        "host_country": meta.get("host_country") or host.country or address_country,
        "counterparts": _listed(meta.get("counterparts") or meta.get("counterpart")) or [c.name or c.title for c in counterparts],
        "counterpart_title": meta.get("counterpart_title") or main.title,
        "counterpart_country": meta.get("counterpart_country") or main.country,
    }


def _name_leaders(lexicon: Lexicon, host: Person, counterparts: list[Person], when, *, in_first_person: bool, country: str) -> None:
    """Names the leaders a readout knows by office alone, from who held the office that day (`offices`): a host
    known by title or writing in the first person, of the publisher's country (`country`: its web address's, or its
    house style's); a host or counterpart known by office and surname ("President Macron") in full, with a country."""
    for person in (host, *counterparts):
        if len(person.name.split()) == 1 and (found := leader_named(lexicon, person.name, when, title=person.title)):
            person.name, person.country = found[0], person.country or found[1]
    if not host.name and (host.title or in_first_person) and (host.country or country):
        host.country = host.country or country
        host.name = leader(lexicon, host.country, when, title=host.title)


def _foreign_met_later(lexicon: Lexicon, later: Sequence[str], *, destination: str = "") -> list[Person]:
    """The people of another country than the publisher's that the first later framing sentence names as met; one
    of no stated country is of the `destination` the headline names ("Travel to Colombia": "Finer met with President
    Gustavo Petro")."""
    principals, own = _principal_titles(lexicon), _publisher_offices(lexicon)
    for sentence in later:
        _, others = framing_people(lexicon, sentence)
        # the destination stands for the country of a principal ("President Gustavo Petro") or of an official of
        # none of the publisher's offices ("Admiral Jean-Philippe Rolland"); an official of no stated country who
        # holds one of them may be the traveller's own ("The DNI was joined by Assistant Secretary of State ...")
        if foreign := _foreign(lexicon, [Person(o.name, o.title, o.country or (
                destination if o.title in principals or (o.title and own and o.title not in own) else "")) for o in others]):
            return foreign
    return []


def _foreign(lexicon: Lexicon, people: list[Person], *, titled: bool = False) -> list[Person]:
    """The people of a stated country other than the publisher's (`host_country` setting), groups left out; with
    `titled`, only those named with a title."""
    own = lexicon.setting("host_country")
    return [p for p in people if p.country and p.country != own and not is_group(lexicon, p.name) and (p.title or not titled)]


@derived
def _hosted_by(lexicon: Lexicon) -> re.Pattern:
    bounds = lexicon.table("framing_bounds")
    return re.compile("|".join(p.strip() for k, p in zip(bounds["kind"], bounds["pattern"]) if k.strip() == "hosted_by") or "(?!)")


def _foreign_hosts(lexicon: Lexicon, opening: str) -> list[Person]:
    """The foreign people who hosted the event the opening says the publisher's principal joined ("..., hosted by
    Presidents Klaus Iohannis of Romania and Andrzej Duda of Poland")."""
    found = _hosted_by(lexicon).search(opening)
    if found is None:
        return []
    phrase = re.split(r"[;.]|\s+to\s+|,\s+(?:and\s+)?(?=[a-z])", opening[found.end():], maxsplit=1)[0]
    return _foreign(lexicon, [p for p in listed_people(lexicon, phrase) if p.name], titled=True)


@derived
def _principal_titles(lexicon: Lexicon) -> frozenset[str]:
    """Titles of heads of state and government, royals and ministers (`titles` kinds), not the publisher's own
    offices (`publisher_offices`)."""
    table = lexicon.table("titles")
    kinds = {"head_of_state", "head_of_government", "royal", "minister"}
    return frozenset(t for t, k in zip(table["title"], table["kind"]) if k.strip() in kinds and t not in _publisher_offices(lexicon))


@derived
def _publisher_offices(lexicon: Lexicon) -> frozenset[str]:
    """Titles of the publisher's own government (`publisher_offices`)."""
    return frozenset(lexicon.words("publisher_offices", "title"))


def _listed(value) -> list[str]:
    if value in (None, ""):
        return []
    if isinstance(value, str):
        return [part.strip() for part in value.split(";") if part.strip()]
    return [str(v) for v in value]


_SAME_HOLDER_WITHIN = pd.Timedelta(days=366)


def hosts_named_elsewhere(documents: pd.DataFrame) -> dict[str, str]:
    """doc_id -> host name, for readouts that know their host only by title ("Readout of the President's Meeting
    with Economists", whose text never names him): the person the same publisher's other readouts name as host
    with that title within a year either side, if at least three do and nine in ten of them name that person (a
    title that several people hold, "Director", names no one; a stray misread title does not stop the rest).
    Publishers are told apart by `source_style`; readouts of an unknown style are left alone."""
    dates = documents["date"].fillna(documents["published"])
    has_title = (documents["host_title"] != "") & dates.notna() & (documents["source_style"] != "unknown")
    title_only = has_title & (documents["host"] == "")
    if not title_only.any():
        return {}
    named = documents[has_title & (documents["host"] != "")].assign(when=dates)
    holders = {key: (group["when"].to_numpy(), group["host"].to_numpy()) for key, group in named.groupby(["source_style", "host_title"], observed=True)}
    found = {}
    for doc_id, style, title, when in zip(documents["doc_id"][title_only], documents["source_style"][title_only],
                                          documents["host_title"][title_only], dates[title_only]):
        if (style, title) not in holders:
            continue
        times, names = holders[(style, title)]
        holders_then = pd.Series(names[np.abs(times - np.datetime64(when)) <= _SAME_HOLDER_WITHIN]).value_counts()
        if holders_then.sum() >= 3 and holders_then.iloc[0] >= 0.9 * holders_then.sum():
            found[str(doc_id)] = str(holders_then.index[0])
    return found


_OFFICIAL_AFTER = 2


def publisher_officials(documents: pd.DataFrame) -> dict[str, frozenset[str]]:
    """publisher -> the people who host at least two of its readouts: its own officials. In a readout they do not
    host (a summit the publisher convenes, a meeting its head chairs) they still speak for the publisher's side.
    Only a stated `publisher` counts: a house style ("mfa") is shared by many governments' readouts."""
    hosted = pd.DataFrame({"publisher": documents["publisher"].astype(str), "host": documents["host"].astype(str)})
    hosted = hosted[(hosted["host"] != "") & (hosted["publisher"] != "")]
    counts = hosted.value_counts()
    officials = counts[counts >= _OFFICIAL_AFTER].reset_index()
    return {str(p): frozenset(group["host"]) for p, group in officials.groupby("publisher")}
