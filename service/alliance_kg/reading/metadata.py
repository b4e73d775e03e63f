"""Article metadata (title, published, publisher, url): validated once, merged by precedence."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

from alliance_kg.reading.dates import parse_published
from alliance_kg.reading.errors import MalformedInputError

METADATA_KEYS: tuple[str, ...] = ("title", "published", "publisher", "url")
NOTE_KEY = "note"  # a free-text remark some metadata files carry; read and ignored
METADATA_FILE_KEYS: frozenset[str] = frozenset({*METADATA_KEYS, NOTE_KEY})


@dataclass(frozen=True)
class Metadata:
    """What is known of an article besides its text; None where unknown."""

    title: str | None = None
    published: date | None = None
    publisher: str | None = None
    url: str | None = None

    def overlaid_with(self, preferred: Metadata) -> Metadata:
        """Each field from `preferred` where it is known, else from `self`."""
        return Metadata(
            title=preferred.title if preferred.title is not None else self.title,
            published=preferred.published if preferred.published is not None else self.published,
            publisher=preferred.publisher if preferred.publisher is not None else self.publisher,
            url=preferred.url if preferred.url is not None else self.url,
        )


def metadata_from_fields(fields: Mapping[str, object], *, source: str) -> Metadata:
    """Validate the metadata keys of `fields` (other keys are the caller's business)."""
    return Metadata(
        title=optional_string(fields.get("title"), source=f"{source} field 'title'"),
        published=parse_published(fields.get("published"), source=f"{source} field 'published'"),
        publisher=optional_string(fields.get("publisher"), source=f"{source} field 'publisher'"),
        url=check_url(
            optional_string(fields.get("url"), source=f"{source} field 'url'"),
            source=f"{source} field 'url'",
        ),
    )


def reject_unknown_keys(
    fields: Mapping[str, object], allowed: frozenset[str], *, source: str
) -> None:
    """Raise `MalformedInputError` naming every key of `fields` not in `allowed`."""
    unknown = sorted(str(key) for key in fields if key not in allowed)
    if unknown:
        raise MalformedInputError(
            f"{source}: unknown field(s) {', '.join(map(repr, unknown))}; "
            f"allowed are {', '.join(map(repr, sorted(allowed)))}"
        )


def optional_string(value: object, *, source: str) -> str | None:
    """A stripped string, or None for None and blank strings; other types are refused."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise MalformedInputError(f"{source}: must be a string, not {type(value).__name__}")
    return value.strip() or None


def check_url(url: str | None, *, source: str) -> str | None:
    """`url` when it is an absolute http(s) URL (or None); anything else is refused."""
    if url is not None and not is_web_url(url):
        raise MalformedInputError(f"{source}: {url!r} is not an absolute http(s) URL")
    return url


def is_web_url(url: str) -> bool:
    parts = urlsplit(url)
    return (
        parts.scheme in ("http", "https")
        and bool(parts.netloc)
        and not any(char.isspace() for char in url)
    )
