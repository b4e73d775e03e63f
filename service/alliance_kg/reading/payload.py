"""The JSON object of `POST /articles` (and of `.json`/`.jsonl` files) -> `Article`."""

from __future__ import annotations

from collections.abc import Mapping

from alliance_kg.model import Article
from alliance_kg.reading.article import DEFAULT_MAX_CHARS, build_article
from alliance_kg.reading.errors import MalformedInputError
from alliance_kg.reading.metadata import METADATA_KEYS, metadata_from_fields, reject_unknown_keys

PAYLOAD_KEYS: frozenset[str] = frozenset({"text", *METADATA_KEYS})


def read_payload(payload: Mapping[str, object], *, max_chars: int = DEFAULT_MAX_CHARS) -> Article:
    """`{"text", "title"?, "published"?, "publisher"?, "url"?}` -> `Article`.

    Only the contract's keys are accepted: any other key is refused, so a misspelt field
    ("titel", "body") is reported rather than silently dropped.
    """
    return payload_to_article(payload, source="payload", max_chars=max_chars)


def payload_to_article(payload: object, *, source: str, max_chars: int) -> Article:
    """`read_payload` with `source` naming where the object came from in error messages."""
    if not isinstance(payload, Mapping):
        raise MalformedInputError(
            f"{source}: expected a JSON object with a 'text' field, not {type(payload).__name__}"
        )
    reject_unknown_keys(payload, PAYLOAD_KEYS, source=source)
    if "text" not in payload:
        raise MalformedInputError(f"{source}: missing required field 'text'")
    text = payload["text"]
    if not isinstance(text, str):
        raise MalformedInputError(
            f"{source} field 'text': must be a string, not {type(text).__name__}"
        )
    metadata = metadata_from_fields(payload, source=source)
    return build_article(text, metadata, source=source, max_chars=max_chars)
