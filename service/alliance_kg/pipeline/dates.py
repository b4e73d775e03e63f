"""Dates the text gives, resolved against the publication date at their own precision.

"Last December" in an article of 2024-03-10 is 2023-12; "April 10" is 2024-04-10; "April" in
an undated article stays unresolved. A day is never invented, and the publication date is
never used as an event's date by default. A span of years ("between 2025 and 2027") is
dated by the year it starts; "this week" by the month its days lie in (the year, when they
straddle two months).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from enum import Enum

from alliance_kg.model import EventDate

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}

_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_PATTERNS = [
    re.compile(rf"^{_YEAR}-(?P<m>\d\d)-(?P<d>\d\d)$"),
    re.compile(rf"^{_MONTH}\s+{_DAY},?\s+{_YEAR}$"),
    re.compile(rf"^{_DAY}\s+{_MONTH},?\s+{_YEAR}$"),
    re.compile(rf"^{_MONTH}\s+{_DAY}$"),
    re.compile(rf"^{_DAY}\s+{_MONTH}$"),
    re.compile(
        rf"^(?:(?:early|mid|late|the\s+end\s+of|end\s+of|the\s+start\s+of)\s*-?\s*)?"
        rf"{_MONTH},?\s+{_YEAR}$"
    ),
    re.compile(
        rf"^(?:(?:the\s+)?(?:early|mid|late|end\s+of|start\s+of|beginning\s+of|first\s+half"
        rf"\s+of|second\s+half\s+of|fiscal|fy|calendar)\s*-?\s*){{0,2}}{_YEAR}$"
    ),
    re.compile(rf"^(?P<rel>last|next|this|coming|past|previous)\s+{_MONTH}$"),
    re.compile(rf"^{_MONTH}\s+(?P<year_rel>last|next|this)\s+year$"),
    re.compile(r"^(?P<ago>a|an|one|two|three|four|five|six|\d+)\s+(?P<unit>year|month)s?\s+ago$"),
    re.compile(rf"^(?:(?:early|mid|late)\s*-?\s*|the\s+end\s+of\s+|end\s+of\s+)?{_MONTH}$"),
    re.compile(
        r"^(?:(?:the\s+)?(?:early|mid|late|end\s+of|start\s+of|beginning\s+of)\s*-?\s*)?"
        r"(?P<rel>last|next|this|the\s+coming|the\s+past|earlier\s+this|later\s+this|"
        r"(?:the\s+)?current)"
        r"\s+(?P<unit>year|month|week)$"
    ),
    re.compile(r"^(?:the\s+)?(?:end|start|beginning|middle)\s+of\s+the\s+(?P<unit>year|month)$"),
    re.compile(r"^(?P<rel>last|next|this|on|coming)?\s*(?P<weekday>" + "|".join(WEEKDAYS) + r")$"),
    re.compile(r"^(?P<word>yesterday|today|tomorrow)$"),
    re.compile(rf"^(?:(?:between|from)\s+)?{_YEAR}\s*(?:-|–|to|and)\s*(?:19|20)?\d\d$"),
]
_STRIP = re.compile(r"^(?:on|in|by|since|until|from|during|as\s+soon\s+as|as\s+early\s+as)\s+")
_SUFFIX = re.compile(r"(?:\s+(?:period|timeframe)|['’]s)$")
# "Tuesday 23 January 2024": the weekday adds nothing to the date that follows it.
_LEADING_WEEKDAY = re.compile(r"^(?:" + "|".join(WEEKDAYS) + r"),?\s+(?=\S+\s)")
# "the same day", "that same week", "earlier that month": the time the text told last.
_SAME = re.compile(
    r"^(?:(?:the|that)\s+same|(?:earlier|later)\s+that)\s+(?P<unit>day|week|month|year)$"
)
_STEPS = {"last": -1, "past": -1, "next": 1, "coming": 1}
_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}


class Direction(Enum):
    """Which way an unanchored date points: decided by tense and modifiers."""

    PAST = "past"
    FUTURE = "future"
    NEAREST = "nearest"


def resolve_date(
    text: str, published: date | None, direction: Direction, previous: EventDate | None = None
) -> EventDate | None:
    """Resolve a date expression; None when the text or the article cannot fix it. 'The same
    day' and 'earlier that month' are the day or month of `previous`, the date the text gave
    last."""
    cleaned = _SUFFIX.sub("", _STRIP.sub("", text.lower().strip().rstrip(".,"))).strip()
    cleaned = re.sub(r"^the\s+(?=(?:19|20)\d\d)", "", _LEADING_WEEKDAY.sub("", cleaned))
    same = _SAME.match(cleaned)
    if same:
        return _same_as(previous, same.group("unit"))
    for pattern in _PATTERNS:
        match = pattern.match(cleaned)
        if match:
            return _from_match(match.groupdict(), published, direction)
    return None


def _from_match(
    groups: dict[str, str | None], published: date | None, direction: Direction
) -> EventDate | None:
    year = int(groups.get("year") or 0) or None
    if groups.get("m"):
        return _checked(year or 0, int(groups["m"] or 0), int(groups["d"] or 0))
    month = MONTHS.get(groups["month"] or "") if groups.get("month") else None
    day = int(groups.get("day") or 0) or None
    rel = (groups.get("rel") or "").replace("the ", "").strip()
    if groups.get("word"):
        if published is None:
            return None
        offset = {"yesterday": -1, "today": 0, "tomorrow": 1}[groups["word"] or "today"]
        moment = published + timedelta(days=offset)
        return EventDate(moment.year, moment.month, moment.day)
    if groups.get("weekday"):
        return _weekday(WEEKDAYS[groups["weekday"] or ""], rel, published, direction)
    if groups.get("unit"):
        if groups.get("ago"):
            ago = groups["ago"] or ""
            count = _COUNTS[ago] if ago in _COUNTS else int(ago)
            return _relative_unit(groups["unit"] or "", published, -count)
        return _relative_unit(groups["unit"] or "", published, _STEPS.get(rel, 0))
    if groups.get("year_rel"):
        if published is None or month is None:
            return None
        return EventDate(published.year + _STEPS.get(groups["year_rel"] or "", 0), month)
    if month is None:
        return EventDate(year) if year else None
    if year is None:
        if published is None:
            return None
        year = _year_for(month, day, rel, published, direction)
    return _checked(year, month, day) if day else EventDate(year, month)


def _same_as(previous: EventDate | None, unit: str) -> EventDate | None:
    """The day, month or year of the date told before; a week is too vague."""
    if previous is None or unit == "week":
        return None
    if unit == "day":
        return previous if previous.day is not None else None
    if unit == "month":
        return EventDate(previous.year, previous.month) if previous.month is not None else None
    return EventDate(previous.year)


def _checked(year: int, month: int, day: int) -> EventDate | None:
    try:
        date(year, month, day)
    except ValueError:
        return None
    return EventDate(year, month, day)


def _year_for(month: int, day: int | None, rel: str, published: date, direction: Direction) -> int:
    """The year of a month (and day) given without one, seen from the publication date."""
    here = (published.month, published.day if day else 0)
    there = (month, day or 0)
    if rel in {"last", "past", "previous"}:  # "last March" said in March is a year ago
        return published.year if there < here else published.year - 1
    if rel in {"next", "coming"}:
        return published.year if there > here else published.year + 1
    if not rel and direction is Direction.PAST:
        return published.year if there <= here else published.year - 1
    if not rel and direction is Direction.FUTURE:
        return published.year if there >= here else published.year + 1
    return published.year


def _weekday(
    weekday: int, rel: str, published: date | None, direction: Direction
) -> EventDate | None:
    if published is None:
        return None
    delta = weekday - published.weekday()
    if rel == "last":
        delta = delta - 7 if delta >= 0 else delta
    elif rel in {"next", "coming"}:
        delta = delta + 7 if delta <= 0 else delta
    elif direction is Direction.PAST:  # "said Friday": this week's, or today
        delta = delta - 7 if delta > 0 else delta
    elif direction is Direction.FUTURE:  # "expected Friday"
        delta = delta + 7 if delta < 0 else delta
    else:  # the nearest such day
        delta = (delta + 3) % 7 - 3
    moment = published + timedelta(days=delta)
    return EventDate(moment.year, moment.month, moment.day)


def _relative_unit(unit: str, published: date | None, step: int) -> EventDate | None:
    """The year or month `step` units from the publication date's; a week (Monday to Sunday)
    is dated by the month it lies in, or the year when it straddles two months."""
    if published is None:
        return None
    if unit == "week":
        monday = published + timedelta(days=7 * step - published.weekday())
        sunday = monday + timedelta(days=6)
        if (monday.year, monday.month) == (sunday.year, sunday.month):
            return EventDate(monday.year, monday.month)
        return EventDate(monday.year) if monday.year == sunday.year else None
    if unit == "year":
        return EventDate(published.year + step)
    month_index = published.year * 12 + published.month - 1 + step
    return EventDate(month_index // 12, month_index % 12 + 1)
