"""Content negotiation: pick the best offered format for an `Accept` header (RFC 9110 §12.5.1).

Media types are recognised by pyoxigraph's `QueryResultsFormat.from_media_type` and
`RdfFormat.from_media_type`, so aliases (`application/json`, `application/x-turtle`...) need no
table here. The most specific range that matches a format decides its quality; `q=0` refuses
it; among formats of equal quality the one offered first wins.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol, Self, TypeVar

from alliance_kg.api.errors import ProblemError


class Format(Protocol):
    @property
    def media_type(self) -> str: ...

    @classmethod
    def from_media_type(cls, media_type: str) -> Self | None: ...


FormatT = TypeVar("FormatT", bound=Format)


@dataclass(frozen=True)
class MediaRange:
    """One element of an `Accept` header: `type/subtype` (either may be `*`) and its quality."""

    type: str
    subtype: str
    quality: float

    @property
    def media_type(self) -> str:
        return f"{self.type}/{self.subtype}"


ANY = MediaRange("*", "*", 1.0)


def parse_accept(header: str | None) -> list[MediaRange]:
    """The media ranges of an `Accept` header; a missing or empty header accepts anything."""
    ranges = [
        media_range
        for element in (header or "").split(",")
        if (media_range := _parse_media_range(element)) is not None
    ]
    return ranges or [ANY]


def _parse_media_range(element: str) -> MediaRange | None:
    media_type, *parameters = (part.strip() for part in element.split(";"))
    main, _, sub = media_type.lower().partition("/")
    if not main or not sub or (main == "*" and sub != "*"):
        return None
    quality = 1.0
    for parameter in parameters:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "q":
            try:
                quality = min(max(float(value.strip()), 0.0), 1.0)
            except ValueError:
                return None
    return MediaRange(main, sub, quality)


def _quality(offered: Format, ranges: Sequence[MediaRange]) -> float:
    """The quality of the most specific range matching `offered` (0 when none does)."""
    best_specificity, best_quality = -1, 0.0
    offered_main = offered.media_type.partition("/")[0]
    for media_range in ranges:
        if media_range.type == "*":
            specificity = 0
        elif media_range.subtype == "*":
            specificity = 1 if media_range.type == offered_main else -1
        else:
            recognised = type(offered).from_media_type(media_range.media_type)
            specificity = 2 if recognised == offered else -1
        if specificity > best_specificity or (
            specificity == best_specificity >= 0 and media_range.quality > best_quality
        ):
            best_specificity, best_quality = specificity, media_range.quality
    return best_quality if best_specificity >= 0 else 0.0


def choose(accept: str | None, offered: Sequence[FormatT]) -> FormatT | None:
    """The acceptable offered format of highest quality, earliest offered on ties; else None."""
    ranges = parse_accept(accept)
    best: FormatT | None = None
    best_quality = 0.0
    for candidate in offered:
        quality = _quality(candidate, ranges)
        if quality > best_quality:
            best, best_quality = candidate, quality
    return best


def negotiate(accept: str | None, offered: Sequence[FormatT]) -> FormatT:
    """Like `choose`, but a 406 problem listing the offered media types when nothing fits."""
    chosen = choose(accept, offered)
    if chosen is None:
        raise ProblemError(
            406,
            f"None of the media types in Accept: {accept!r} can be produced here.",
            offered=[candidate.media_type for candidate in offered],
        )
    return chosen
