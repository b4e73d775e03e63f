"""`.json` (one payload object or a list of them) and `.jsonl` (one object per line) files."""

from __future__ import annotations

import json
from pathlib import Path

from alliance_kg.model import Article
from alliance_kg.reading.article import check_byte_size, decode_text, markup_byte_limit
from alliance_kg.reading.errors import EmptyArticleError, MalformedInputError
from alliance_kg.reading.payload import payload_to_article


def read_json_file(path: Path, *, max_chars: int) -> list[Article]:
    """A JSON object like the HTTP payload, or a list of them; all or nothing."""
    source = str(path)
    check_byte_size(path.stat().st_size, markup_byte_limit(max_chars), source=source)
    document = parse_json(decode_text(path.read_bytes(), source=source), source=source)
    if isinstance(document, list):
        if not document:
            raise EmptyArticleError(f"{source}: the list holds no articles")
        return [
            payload_to_article(item, source=f"{source} item {index}", max_chars=max_chars)
            for index, item in enumerate(document, start=1)
        ]
    return [payload_to_article(document, source=source, max_chars=max_chars)]


def read_jsonl_file(path: Path, *, max_chars: int) -> list[Article]:
    """One payload object per line, blank lines skipped; any bad line refuses the file."""
    articles: list[Article] = []
    line_limit = markup_byte_limit(max_chars)
    with path.open("rb") as lines:
        for number, raw_line in enumerate(lines, start=1):
            source = f"{path} line {number}"
            check_byte_size(len(raw_line), line_limit, source=source)
            line = decode_text(raw_line, source=source)
            if line.strip():
                record = parse_json(line, source=source)
                articles.append(payload_to_article(record, source=source, max_chars=max_chars))
    if not articles:
        raise EmptyArticleError(f"{path}: no articles (the file has no non-blank line)")
    return articles


def parse_json(text: str, *, source: str) -> object:
    """The JSON value of `text`; `MalformedInputError` with the line and column if invalid."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise MalformedInputError(
            f"{source}: invalid JSON: {error.msg} (line {error.lineno}, column {error.colno})"
        ) from error
