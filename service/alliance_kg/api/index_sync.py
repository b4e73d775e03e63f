"""Keeping the read index true after writes that bypass ingest: `/update` and `/store`."""

from __future__ import annotations

from collections.abc import Iterable

from fastapi import Request

from alliance_kg.index import ReadIndex


def reindex_written(request: Request, graphs: Iterable[str] | None) -> None:
    """Re-read the written `graphs` into the app's read index (None: any graph may have changed)."""
    index: ReadIndex | None = request.app.state.index
    if index is not None:
        index.refresh_graphs(request.app.state.store, graphs)
