"""Reading articles: files and HTTP payloads -> `alliance_kg.model.Article` (no NLP, no RDF).

Usage::

    for path in iter_article_files([Path("articles/")]):
        for article in read_file(path):
            ...
    article = read_payload({"text": "...", "published": "2024-03-10"})

Every failure is a `ReadingError` (a `ValueError`) whose message names the file or field.
"""

from alliance_kg.reading.article import DEFAULT_MAX_CHARS
from alliance_kg.reading.dates import parse_published
from alliance_kg.reading.errors import (
    ArticleTooLargeError,
    EmptyArticleError,
    InvalidDateError,
    MalformedInputError,
    ReadingError,
    UnsupportedFileTypeError,
)
from alliance_kg.reading.files import SUPPORTED_SUFFIXES, iter_article_files, read_file
from alliance_kg.reading.payload import read_payload

__all__ = [
    "DEFAULT_MAX_CHARS",
    "SUPPORTED_SUFFIXES",
    "ArticleTooLargeError",
    "EmptyArticleError",
    "InvalidDateError",
    "MalformedInputError",
    "ReadingError",
    "UnsupportedFileTypeError",
    "iter_article_files",
    "parse_published",
    "read_file",
    "read_payload",
]
