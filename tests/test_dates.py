"""Date expressions resolved against the publication date, each at its own precision."""

from __future__ import annotations

from datetime import date

import pytest

from alliance_kg.model import DatePrecision, EventDate
from alliance_kg.pipeline.dates import Direction, resolve_date

PUBLISHED = date(2024, 3, 10)  # a Sunday
ALL_DIRECTIONS = list(Direction)


def _iso(
    text: str, published: date | None = PUBLISHED, direction: Direction = Direction.NEAREST
) -> str | None:
    resolved = resolve_date(text, published, direction)
    return resolved.isoformat() if resolved is not None else None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023", "2023"),
        ("December 2023", "2023-12"),
        ("10 March 2024", "2024-03-10"),
        ("March 10, 2024", "2024-03-10"),
        ("2024-03-08", "2024-03-08"),
        ("in fiscal 2025", "2025"),
        ("FY2025", "2025"),
        ("the end of 2026", "2026"),
        ("early 2024", "2024"),
        ("mid-2025", "2025"),
        ("late November 2023", "2023-11"),
        ("between 2025 and 2027", "2025"),  # a span is dated by the year it starts
        ("2025-2027", "2025"),
        ("the end of fiscal 2024", "2024"),
        ("Tuesday 23 January 2024", "2024-01-23"),
    ],
)
def test_absolute_dates_need_no_publication_date(text: str, expected: str) -> None:
    for direction in ALL_DIRECTIONS:
        assert _iso(text, None, direction) == expected
        assert _iso(text, PUBLISHED, direction) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("April 10", "2024-04-10"),
        ("last December", "2023-12"),
        ("next month", "2024-04"),
        ("last year", "2023"),
        ("this year", "2024"),
        ("earlier this year", "2024"),
        ("later this year", "2024"),
        ("early next year", "2025"),
        ("the end of this year", "2024"),
        ("last month", "2024-02"),
        ("yesterday", "2024-03-09"),
        ("the end of the year", "2024"),
        ("the current year", "2024"),
        ("March next year", "2025-03"),
        ("August last year", "2023-08"),
        ("three years ago", "2021"),
        ("a year ago", "2023"),
        ("two months ago", "2024-01"),
        ("last month's", "2024-02"),
    ],
)
def test_relative_dates_resolve_against_the_publication_date(text: str, expected: str) -> None:
    assert _iso(text) == expected


@pytest.mark.parametrize(
    "text", ["in April", "April 10", "last December", "next month", "this year", "Friday"]
)
def test_relative_dates_stay_unresolved_without_a_publication_date(text: str) -> None:
    assert resolve_date(text, None, Direction.NEAREST) is None


def test_a_bare_month_points_the_way_the_clause_does() -> None:
    assert _iso("in December", direction=Direction.PAST) == "2023-12"
    assert _iso("in December", direction=Direction.FUTURE) == "2024-12"
    assert _iso("in February", direction=Direction.FUTURE) == "2025-02"
    assert _iso("in March", direction=Direction.PAST) == "2024-03"


def test_last_and_next_never_mean_the_current_month() -> None:
    assert _iso("last March") == "2023-03"
    assert _iso("next March") == "2025-03"
    assert _iso("last December", date(2024, 12, 15)) == "2023-12"


def test_a_weekday_goes_back_in_past_clauses_and_forward_in_future_ones() -> None:
    assert _iso("Friday", direction=Direction.PAST) == "2024-03-08"
    assert _iso("on Friday", direction=Direction.FUTURE) == "2024-03-15"
    assert _iso("Friday") == "2024-03-08"  # the nearest Friday to a Sunday is two days back
    assert _iso("last Friday", direction=Direction.FUTURE) == "2024-03-08"
    assert _iso("next Friday", direction=Direction.PAST) == "2024-03-15"


@pytest.mark.parametrize("text", ["in April", "last December", "December 2023", "mid-December"])
def test_a_month_never_gets_an_invented_day(text: str) -> None:
    resolved = resolve_date(text, PUBLISHED, Direction.NEAREST)
    assert resolved is not None
    assert resolved.day is None
    assert resolved.precision is DatePrecision.MONTH


def test_a_year_is_year_precision() -> None:
    assert resolve_date("2023", None, Direction.NEAREST) == EventDate(2023)
    assert EventDate(2023).precision is DatePrecision.YEAR


@pytest.mark.parametrize(
    "text",
    [
        "February 30",
        "February 30, 2024",
        "31 April 2024",
        "2024-02-30",
        "the week",
        "the year",
        "Friday morning",
    ],
)
def test_invalid_or_vague_dates_give_none(text: str) -> None:
    for direction in ALL_DIRECTIONS:
        assert resolve_date(text, PUBLISHED, direction) is None


@pytest.mark.parametrize("text", ["", "soon", "the upcoming summit", "several weeks", "the 1990s"])
def test_nonsense_gives_none(text: str) -> None:
    assert resolve_date(text, PUBLISHED, Direction.NEAREST) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the same day", "2023-06-22"),
        ("earlier that month", "2023-06"),
        ("later that year", "2023"),
        ("that same week", None),  # a week is too vague
    ],
)
def test_a_time_told_before_is_that_of_the_date_before(text: str, expected: str | None) -> None:
    resolved = resolve_date(text, PUBLISHED, Direction.PAST, EventDate(2023, 6, 22))
    assert (resolved.isoformat() if resolved else None) == expected


def test_the_same_day_without_a_date_before_is_none() -> None:
    assert resolve_date("the same day", PUBLISHED, Direction.PAST) is None
    assert resolve_date("the same day", PUBLISHED, Direction.PAST, EventDate(2023, 6)) is None


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        ("next week", date(2024, 3, 10), "2024-03"),  # Monday 11 to Sunday 17 March
        ("this week", date(2025, 6, 5), "2025-06"),
        ("last week", date(2025, 2, 27), "2025-02"),  # Monday 17 to Sunday 23 February
        ("earlier this week", date(2024, 5, 1), "2024"),  # Monday 29 April to 5 May
        ("last week", date(2025, 1, 8), None),  # Monday 30 December 2024 to 5 January
    ],
)
def test_a_week_is_dated_by_the_month_its_days_lie_in(
    text: str, published: date, expected: str | None
) -> None:
    found = resolve_date(text, published, Direction.PAST)
    assert (found.isoformat() if found else None) == expected
