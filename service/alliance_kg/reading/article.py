"""From raw bytes or a body string to an `Article`: decoding, size limits, emptiness."""

from __future__ import annotations

from alliance_kg.model import Article, article_id, normalise_text
from alliance_kg.reading.errors import ArticleTooLargeError, EmptyArticleError, MalformedInputError
from alliance_kg.reading.metadata import Metadata

DEFAULT_MAX_CHARS: int = 500_000

_UTF8_MAX_BYTES_PER_CHAR = 4
_MARKUP_BYTES_PER_CHAR = 16  # HTML and JSON wrap the body in tags, escapes and metadata
_HEADER_ALLOWANCE_BYTES = 64 * 1024


def plain_text_byte_limit(max_chars: int) -> int:
    """The largest plain-text file that could hold a body of `max_chars` characters."""
    return max_chars * _UTF8_MAX_BYTES_PER_CHAR + _HEADER_ALLOWANCE_BYTES


def markup_byte_limit(max_chars: int) -> int:
    """The largest HTML or JSON input read for bodies of `max_chars` characters."""
    return max_chars * _MARKUP_BYTES_PER_CHAR + _HEADER_ALLOWANCE_BYTES


def check_byte_size(size: int, limit: int, *, source: str) -> None:
    """Refuse input of `size` bytes over `limit` before it is decoded or parsed."""
    if size > limit:
        raise ArticleTooLargeError(
            f"{source}: {size:,} bytes is over the limit of {limit:,} bytes for this input"
        )


def decode_text(raw: bytes, *, source: str) -> str:
    """UTF-8 (a byte-order mark is allowed) without NUL bytes; anything else is refused."""
    nul = raw.find(b"\x00")
    if nul >= 0:
        raise MalformedInputError(f"{source}: not UTF-8 text (NUL byte at offset {nul})")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise MalformedInputError(
            f"{source}: not UTF-8 text (invalid byte at offset {error.start})"
        ) from error


def build_article(body: str, metadata: Metadata, *, source: str, max_chars: int) -> Article:
    """The article whose text is `normalise_text(body)`, checked to be non-empty and in size."""
    if "\x00" in body:
        raise MalformedInputError(f"{source}: text contains a NUL character")
    text = normalise_text(body)
    if not text:
        raise EmptyArticleError(f"{source}: the article body is empty")
    if len(text) > max_chars:
        raise ArticleTooLargeError(
            f"{source}: the article body has {len(text):,} characters, "
            f"over the limit of {max_chars:,}"
        )
    return Article(
        id=article_id(text),
        text=text,
        title=metadata.title,
        published=metadata.published,
        publisher=metadata.publisher,
        url=metadata.url,
    )
