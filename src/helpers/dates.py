"""Dates: the day of the exchange, as the opening words tell it ("On the evening of January 26, 2021, ...",
"spoke today with ...", "On Saturday, ..."), and dates from header values.

Month names, weekdays, relative day words and the words that make a date another event's are the lexicon's
`months`, `weekdays`, `relative_days` and `date_cancellers` tables.
"""
from __future__ import annotations

import datetime as dt
import re

import pandas as pd

from .lexicon import Lexicon, alternation, default_lexicon, derived

__all__ = ["event_date", "to_timestamp"]


@derived
def _date_rules(lexicon: Lexicon) -> dict:
    months = {name.strip().lower(): int(number) for name, number in zip(lexicon.table("months")["name"], lexicon.table("months")["number"])}
    weekdays = {name.strip().lower(): int(number) for name, number in zip(lexicon.table("weekdays")["name"], lexicon.table("weekdays")["number"])}
    relative = {" ".join(p.lower().split()): int(d) for p, d in zip(lexicon.table("relative_days")["phrase"], lexicon.table("relative_days")["days_before"])}
    month = rf"(?P<month>{alternation(lexicon.words('months', 'name'))})\.?"
    ordinal = alternation(lexicon.words("ordinal_suffixes", "suffix"))
    return {
        "months": months,
        "weekdays": weekdays,
        "relative_days": relative,
        "explicit": (
            re.compile(rf"\b{month}\s+(?P<day>\d{{1,2}})(?:{ordinal})?(?:,?\s+(?P<year>\d{{4}}))?\b"),
            re.compile(rf"\b(?P<day>\d{{1,2}})(?:{ordinal})?\s+(?:of\s+)?{month}(?:,?\s+(?P<year>\d{{4}}))?\b"),
            # day first with dots, as European publishers write it ("08.09.2023"); slashes are left alone (2/3 is
            # 2 March in Brasília and February 3 in Washington)
            re.compile(r"\b(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})\b"),
        ),
        "relative": re.compile(rf"\b(?P<word>{alternation(relative)}|(?:on\s+)?(?:{alternation(lexicon.words('weekdays', 'name'))}))\b",
                               re.IGNORECASE),
        # "Following the November 13 summit, ...", "after the July 15 attack", "the President's May 9 visit"
        "something_else": re.compile(rf"\b(?:{alternation(lexicon.words('date_cancellers', 'phrase'))})\s+(?:the\s+|their\s+|its\s+|a\s+)?$|['’]s\s+$",
                                     re.IGNORECASE),
    }


def event_date(opening: str, published: pd.Timestamp | None, *, lexicon: Lexicon | None = None) -> pd.Timestamp | None:
    """The day of the exchange as the opening words tell it, relative to the publication day.

    The first day named wins ("Today, ... the January 20th Executive Order" is today), except a day
    that only dates something else ("Following the November 13 summit, ...", "after the July 15 attack").
    """
    rules = _date_rules(lexicon or default_lexicon())
    published = published.normalize() if published is not None else None
    candidates: list[tuple[int, pd.Timestamp]] = []
    for pattern in rules["explicit"]:
        for found in pattern.finditer(opening):
            if rules["something_else"].search(opening[max(0, found.start() - 25): found.start()]):
                continue
            year = int(found.group("year")) if found.group("year") else (published.year if published is not None else None)
            if year is None:
                continue
            try:
                month = found.group("month")
                month = int(month) if month.isdigit() else rules["months"][month.lower().rstrip(".")]
                date = pd.Timestamp(dt.date(year, month, int(found.group("day"))))
            except (ValueError, KeyError, OverflowError, pd.errors.OutOfBoundsDatetime):
                continue
            if not found.group("year") and published is not None and date > published:
                continue  # a day still to come ("will meet on May 9") is not the day of the exchange
            candidates.append((found.start(), date))
    if published is not None:
        for found in rules["relative"].finditer(opening):
            phrase = " ".join(found.group("word").lower().split())
            weekday = phrase.split()[-1]
            if phrase in rules["relative_days"]:
                date = published - pd.Timedelta(days=rules["relative_days"][phrase])
            elif weekday in rules["weekdays"]:
                date = published - pd.Timedelta(days=(published.weekday() - rules["weekdays"][weekday]) % 7)
            else:
                continue
            candidates.append((found.start(), date))
    return min(candidates, key=lambda c: c[0])[1] if candidates else published


def to_timestamp(value) -> pd.Timestamp | None:
    """A date from a header value (date, datetime or text); None when it is not one."""
    if value in (None, ""):
        return None
    try:
        stamp = pd.Timestamp(value)
    except (ValueError, TypeError, OverflowError, pd.errors.OutOfBoundsDatetime):
        return None
    if stamp is pd.NaT:
        return None
    if stamp.tzinfo is not None:
        stamp = stamp.tz_localize(None)
    return stamp.normalize()
