"""`.html` pages: the main text and metadata, with page furniture (navigation, footers) dropped.

Extraction is trafilatura's. The published date is taken only from the page's metadata
(meta tags, structured data), never guessed from the running text; a canonical URL that is
not an absolute http(s) URL is left out rather than refusing the page.
"""

from __future__ import annotations

import re
from typing import Any

import trafilatura
from trafilatura.settings import Document

from alliance_kg.reading.dates import parse_published
from alliance_kg.reading.errors import EmptyArticleError, MalformedInputError
from alliance_kg.reading.metadata import Metadata, is_web_url, optional_string

_DATE_SEARCH: dict[str, Any] = {"extensive_search": False, "original_date": True}
_DOCUMENT_TAG = re.compile(r"<(html|body)[\s>]", re.IGNORECASE)


def split_html(html: str, *, source: str) -> tuple[Metadata, str]:
    """The page's metadata and main text; `EmptyArticleError` when no main text is found.

    A fragment without `<html>` or `<body>` is wrapped in them first, since the extractor
    takes a lone block for something that is not HTML.
    """
    if _DOCUMENT_TAG.search(html) is None:
        html = f"<html><body>{html}</body></html>"
    try:
        document = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            date_extraction_params=_DATE_SEARCH,
        )
    except ValueError as error:
        raise MalformedInputError(f"{source}: the HTML cannot be parsed: {error}") from error
    if not isinstance(document, Document) or not document.text or not document.text.strip():
        raise EmptyArticleError(f"{source}: no article text found in the HTML")
    return _page_metadata(document, source=source), document.text


def _page_metadata(document: Document, *, source: str) -> Metadata:
    url = optional_string(document.url, source=f"{source} canonical URL")
    return Metadata(
        title=optional_string(document.title, source=f"{source} title"),
        published=parse_published(document.date, source=f"{source} page date"),
        publisher=optional_string(document.sitename, source=f"{source} site name"),
        url=url if url is not None and is_web_url(url) else None,
    )
