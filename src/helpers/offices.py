"""Who led a government when, and whose government a web address is: for readouts that name their principal only by
office ("The Prime Minister spoke to President Macron") or write in the principal's own voice ("Today I spoke with
..."), which say neither the principal's name nor, often, the country.

- `leader(lexicon, country, when, title=...)`: the name of the one who held the country's leading office that day
  (`data/leaders.csv`), where the readout's title is that office;
- `leader_named(lexicon, surname, when, title=...)`: the full name and country of the leader of that surname and
  office that day ("President Macron" on 3 October 2024: Emmanuel Macron, France);
- `country_of_url(lexicon, url)`: the country whose government's address it is (`data/country_domains.csv`).
"""
from __future__ import annotations

from urllib.parse import urlsplit

import pandas as pd

from .lexicon import Lexicon, derived

__all__ = ["country_of_url", "leader", "leader_named", "leader_names", "leader_office"]


@derived
def _terms(lexicon: Lexicon) -> tuple[tuple[str, str, str, pd.Timestamp, pd.Timestamp | None], ...]:
    table = lexicon.table("leaders")
    return tuple((country.strip(), office.strip(), name.strip(), pd.Timestamp(start.strip()),
                  pd.Timestamp(end.strip()) if end.strip() else None)
                 for country, office, name, start, end in zip(table["country"], table["office"], table["name"],
                                                              table["start"], table["end"]))


@derived
def _equivalents(lexicon: Lexicon) -> dict[str, frozenset[str]]:
    table = lexicon.table("title_equivalents")
    forms: dict[str, set[str]] = {}
    for short, full in zip(table["short"], table["full"]):
        forms.setdefault(short.strip(), set()).add(full.strip())
    return {short: frozenset(full) for short, full in forms.items()}


def _holds(lexicon: Lexicon, title: str, office: str) -> bool:
    """Whether a readout's title names the office: the office itself, a form of it (title_equivalents.csv: "PM",
    "Federal Chancellor"), or the office of a state ("President of the Republic", "Prime Minister of Japan"); not
    another office that ends in its words ("Vice President")."""
    forms = {title, *_equivalents(lexicon).get(title, ())}
    return any(form == office or form.startswith(f"{office} of ") for form in forms)


def _in_office(start: pd.Timestamp, end: pd.Timestamp | None, when: pd.Timestamp) -> bool:
    return start <= when and (end is None or when < end)


def _day(when) -> pd.Timestamp | None:
    """`when` as a naive timestamp (the table's days have no time zone), or None when there is no date."""
    if when is None or pd.isna(when):
        return None
    stamp = pd.Timestamp(when)
    return stamp.tz_localize(None) if stamp.tzinfo else stamp


@derived
def leader_names(lexicon: Lexicon) -> frozenset[str]:
    """Everyone the table names: people, whatever a readout's text says of them."""
    return frozenset(name for _, _, name, _, _ in _terms(lexicon))


def leader(lexicon: Lexicon, country: str, when, *, title: str = "") -> str:
    """The name of who led `country`'s government on the day `when`, if `title` (when given) is their office; ""
    when the table does not say."""
    when = _day(when)
    if not country or when is None:
        return ""
    found = [name for c, office, name, start, end in _terms(lexicon)
             if c == country and _in_office(start, end, when) and (not title or _holds(lexicon, title, office))]
    return found[0] if len(found) == 1 else ""


def leader_office(lexicon: Lexicon, country: str, when) -> str:
    """The office of `country`'s leader on the day `when` ("President"), or "" when the table does not say."""
    name = leader(lexicon, country, when)
    if not name:
        return ""
    when = _day(when)
    return next(office for c, office, n, start, end in _terms(lexicon) if c == country and n == name and _in_office(start, end, when))


def leader_named(lexicon: Lexicon, surname: str, when, *, title: str) -> tuple[str, str] | None:
    """(full name, country) of the one leader in office on the day `when` whose name ends in `surname` and whose
    office `title` names; None when none or several are."""
    when = _day(when)
    if not surname or not title or when is None:
        return None
    found = {(name, c) for c, office, name, start, end in _terms(lexicon)
             if name.split()[-1] == surname and _in_office(start, end, when) and _holds(lexicon, title, office)}
    return found.pop() if len(found) == 1 else None


@derived
def _domains(lexicon: Lexicon) -> tuple[tuple[str, str], ...]:
    table = lexicon.table("country_domains")
    rows = {domain.strip().lower().lstrip("."): country.strip() for domain, country in zip(table["domain"], table["country"])}
    return tuple(sorted(rows.items(), key=lambda row: -len(row[0])))


def country_of_url(lexicon: Lexicon, url: str) -> str:
    """The country whose government's web address `url` is, from the end of its host name; "" when unknown."""
    host = (urlsplit(url if "//" in url else f"//{url}").hostname or "") if url else ""
    return next((country for domain, country in _domains(lexicon) if host == domain or host.endswith(f".{domain}")), "")
