"""Publication dates: ISO dates and timestamps, a few spelled-out forms, or date objects."""

from __future__ import annotations

from datetime import date, datetime

from alliance_kg.reading.errors import InvalidDateError

_WORDED_FORMATS: tuple[str, ...] = (
    "%d %B %Y",  # 10 March 2024
    "%d %b %Y",  # 10 Mar 2024
    "%B %d, %Y",  # March 10, 2024
    "%b %d, %Y",  # Mar 10, 2024
    "%B %d %Y",  # March 10 2024
    "%Y/%m/%d",  # 2024/03/10
)


def parse_published(value: object, *, source: str) -> date | None:
    """The date `value` gives; None for None or a blank string.

    Accepts `date` and `datetime` objects (YAML gives these), ISO dates and timestamps
    ("2024-03-10", "2024-03-10T08:00:00Z": the date as written, not converted to UTC), and
    "10 March 2024", "March 10, 2024", "2024/03/10". Anything else raises `InvalidDateError`
    naming `source` and the value.
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise InvalidDateError(
            f"{source}: published date must be a string like '2024-03-10', "
            f"not {type(value).__name__} {value!r}"
        )
    text = value.strip()
    if not text:
        return None
    parsed = _parse_date_text(text)
    if parsed is None:
        raise InvalidDateError(
            f"{source}: published date {value!r} is not a valid date (expected e.g. '2024-03-10')"
        )
    return parsed


def _parse_date_text(text: str) -> date | None:
    for parse_iso in (date.fromisoformat, datetime.fromisoformat):
        try:
            parsed = parse_iso(text)
        except ValueError:
            continue
        return parsed.date() if isinstance(parsed, datetime) else parsed
    for pattern in _WORDED_FORMATS:
        try:
            return datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None
