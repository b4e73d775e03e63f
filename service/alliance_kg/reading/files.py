"""Article files on disk: finding them in folders, and reading one into its articles.

A `.txt`, `.md` or `.html` file may have a sidecar `<stem>.meta.json` beside it with
title, published, publisher, url (and a `note`, ignored). The sidecar is explicit
metadata, so each field it gives wins over the same field in the file's own header,
front matter or page metadata; fields it leaves out or sets to null keep the file's value.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Protocol

from alliance_kg.model import Article
from alliance_kg.reading.article import (
    DEFAULT_MAX_CHARS,
    build_article,
    check_byte_size,
    decode_text,
    markup_byte_limit,
    plain_text_byte_limit,
)
from alliance_kg.reading.errors import MalformedInputError, ReadingError, UnsupportedFileTypeError
from alliance_kg.reading.frontmatter import split_front_matter
from alliance_kg.reading.header import split_header
from alliance_kg.reading.html import split_html
from alliance_kg.reading.metadata import (
    METADATA_FILE_KEYS,
    Metadata,
    metadata_from_fields,
    reject_unknown_keys,
)
from alliance_kg.reading.records import parse_json, read_json_file, read_jsonl_file

SUPPORTED_SUFFIXES: tuple[str, ...] = (".txt", ".md", ".json", ".jsonl", ".html", ".htm")
SIDECAR_SUFFIX = ".meta.json"
_SKIPPED_SUFFIXES: tuple[str, ...] = (SIDECAR_SUFFIX, ".gold.yaml")
_SIDECAR_MAX_BYTES = 64 * 1024
_HTML_SUFFIXES: tuple[str, ...] = (".html", ".htm")


class Splitter(Protocol):
    """Splits a single-article file's text into its own metadata and its body."""

    def __call__(self, text: str, /, *, source: str) -> tuple[Metadata, str]: ...


_SPLITTERS: dict[str, Splitter] = {
    ".txt": split_header,
    ".md": split_front_matter,
    **dict.fromkeys(_HTML_SUFFIXES, split_html),
}


def read_file(path: Path, *, max_chars: int = DEFAULT_MAX_CHARS) -> list[Article]:
    """The articles one file holds (a `.json` list or a `.jsonl` gives many); all or nothing."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise _unsupported(path)
    if not path.is_file():
        raise ReadingError(f"{path}: no such file")
    if suffix == ".json":
        return read_json_file(path, max_chars=max_chars)
    if suffix == ".jsonl":
        return read_jsonl_file(path, max_chars=max_chars)
    return [_read_single_article(path, suffix, max_chars=max_chars)]


def iter_article_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Article files among `paths`: files as named, folders searched recursively in sorted order.

    In folders, only supported suffixes are taken, and sidecars (`*.meta.json`), gold files,
    README files and hidden files or folders are skipped. A named file with an unsupported
    suffix raises `UnsupportedFileTypeError`; a missing path raises `ReadingError`. A file
    reached twice is given once.
    """
    seen: set[Path] = set()
    for path in paths:
        found = _files_in_folder(path) if path.is_dir() else [_checked_named_file(path)]
        for file in found:
            resolved = file.resolve()
            if resolved not in seen:
                seen.add(resolved)
                yield file


def _unsupported(path: Path) -> UnsupportedFileTypeError:
    return UnsupportedFileTypeError(
        f"{path}: unsupported file type {path.suffix or '(no suffix)'!r}; "
        f"supported are {', '.join(SUPPORTED_SUFFIXES)}"
    )


def _checked_named_file(path: Path) -> Path:
    if not path.exists():
        raise ReadingError(f"{path}: no such file or folder")
    if path.name.lower().endswith(SIDECAR_SUFFIX):
        raise UnsupportedFileTypeError(f"{path}: is a metadata sidecar, not an article")
    if path.suffix.lower() not in SUPPORTED_SUFFIXES:
        raise _unsupported(path)
    return path


def _files_in_folder(folder: Path) -> list[Path]:
    return sorted(
        path
        for path in folder.rglob("*")
        if path.is_file() and _is_article_file(path.relative_to(folder))
    )


def _is_article_file(relative: Path) -> bool:
    name = relative.name.lower()
    return (
        relative.suffix.lower() in SUPPORTED_SUFFIXES
        and not name.endswith(_SKIPPED_SUFFIXES)
        and not name.startswith("readme")
        and not any(part.startswith(".") for part in relative.parts)
    )


def _read_single_article(path: Path, suffix: str, *, max_chars: int) -> Article:
    source = str(path)
    is_html = suffix in _HTML_SUFFIXES
    limit = markup_byte_limit(max_chars) if is_html else plain_text_byte_limit(max_chars)
    check_byte_size(path.stat().st_size, limit, source=source)
    text = decode_text(path.read_bytes(), source=source)
    own, body = _SPLITTERS[suffix](text, source=source)
    metadata = own.overlaid_with(_read_sidecar(path))
    return build_article(body, metadata, source=source, max_chars=max_chars)


def _read_sidecar(path: Path) -> Metadata:
    sidecar = path.with_name(path.stem + SIDECAR_SUFFIX)
    if not sidecar.is_file():
        return Metadata()
    source = str(sidecar)
    check_byte_size(sidecar.stat().st_size, _SIDECAR_MAX_BYTES, source=source)
    fields = parse_json(decode_text(sidecar.read_bytes(), source=source), source=source)
    if not isinstance(fields, dict):
        raise MalformedInputError(f"{source}: expected a JSON object of metadata fields")
    reject_unknown_keys(fields, METADATA_FILE_KEYS, source=source)
    return metadata_from_fields(fields, source=source)
