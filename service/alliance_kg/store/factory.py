"""The one place that picks a backend: remote when a query URL is set, else embedded."""

from __future__ import annotations

from pathlib import Path

from alliance_kg.store.base import Store, StoreError
from alliance_kg.store.oxigraph import EmbeddedStore
from alliance_kg.store.remote import RemoteStore
from alliance_kg.store.sparql_http import AuthScheme


def open_store(
    *,
    path: Path | None,
    query_url: str | None,
    update_url: str | None,
    user: str | None,
    password: str | None,
    store_url: str | None = None,
    auth: AuthScheme = "basic",
) -> Store:
    """A RemoteStore when `query_url` is given (read-only without `update_url`; `user`
    authenticating by `auth`, basic or digest), else an EmbeddedStore at `path` (in memory
    when `path` is None)."""
    if query_url is not None:
        return RemoteStore(
            query_url,
            update_url=update_url,
            user=user,
            password=password,
            store_url=store_url,
            auth=auth,
        )
    if update_url is not None:
        raise StoreError("AKG_SPARQL_UPDATE_URL is set without AKG_SPARQL_QUERY_URL")
    return EmbeddedStore(path)
