"""What the API needs from the rest of the system, injected by whoever builds the app."""

from __future__ import annotations

from typing import Protocol

from alliance_kg.model import Article, IngestReport


class Ingestor(Protocol):
    """Stores articles: the CLI wires the real one (pipeline + mapping + store) into the app."""

    def ingest(self, article: Article) -> IngestReport:
        """Extract and store one article, replacing its graph; `created` False when unchanged."""
        ...

    def delete(self, article_id: str) -> bool:
        """Drop the article's graph; return whether it existed."""
        ...
