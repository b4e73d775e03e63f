"""Shared pieces of the API tests: an app over a fresh in-memory store, a problem checker,
and a small dataset written the way the contract lays articles out."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from fastapi.testclient import TestClient
from pyoxigraph import RdfFormat

from alliance_kg.api import Ingestor, create_app
from alliance_kg.settings import Settings
from alliance_kg.store.oxigraph import EmbeddedStore

TOKEN = "correct-horse-battery-staple"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
ARTICLE_ID = "0123456789abcdef"
OTHER_ARTICLE_ID = "fedcba9876543210"
GRAPH = f"https://w3id.org/alliance-kg/resource/graph/article/{ARTICLE_ID}"

DATASET = f"""
@prefix ak: <https://w3id.org/alliance-kg/ontology#> .
@prefix akr: <https://w3id.org/alliance-kg/resource/> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

akr:graph\\/article\\/{ARTICLE_ID} {{
  akr:article\\/{ARTICLE_ID} a ak:Article ;
    dcterms:title "Japan plans Patriot export" ;
    dcterms:publisher "Example News" ;
    dcterms:issued "2023-12-22"^^xsd:date ;
    dcterms:source <https://news.example/patriot> ;
    ak:text "Japan plans to export Patriot missiles to the United States." .
  akr:event\\/e1 a ak:ArmsTransfer , ak:DefenseCooperation , ak:Event ;
    ak:status ak:Planned ;
    ak:supplier akr:country\\/JPN ; ak:participant akr:country\\/JPN ;
    ak:reportedIn akr:article\\/{ARTICLE_ID} ;
    ak:evidence akr:mention\\/{ARTICLE_ID}\\/e1\\/0-61 .
  akr:mention\\/{ARTICLE_ID}\\/e1\\/0-61 a ak:Mention ;
    ak:inArticle akr:article\\/{ARTICLE_ID} ;
    ak:text "Japan plans to export Patriot missiles to the United States." ;
    ak:start 0 ; ak:end 61 ; ak:status ak:Planned ; ak:statusCue "plans" ;
    ak:attribution "according to officials" .
}}

akr:graph\\/article\\/{OTHER_ARTICLE_ID} {{
  akr:article\\/{OTHER_ARTICLE_ID} a ak:Article ;
    dcterms:title "Shipyards to repair US Navy ships" ;
    dcterms:publisher "Other Wire" ;
    dcterms:issued "2024-04-10"^^xsd:date ;
    ak:text "Japanese shipyards will repair US Navy ships." .
}}

akr:graph\\/reference {{
  akr:country\\/JPN a ak:Country ; <http://www.w3.org/2000/01/rdf-schema#label> "Japan"@en .
}}
"""


def make_store(with_data: bool = True) -> EmbeddedStore:
    store = EmbeddedStore(None)
    if with_data:
        store.load(DATASET.encode(), RdfFormat.TRIG)
    return store


@contextmanager
def api_client(
    store: EmbeddedStore | None = None,
    ingestor: Ingestor | None = None,
    **settings: Any,
) -> Iterator[TestClient]:
    """A TestClient (lifespan running) for an app over `store` with the given settings."""
    app = create_app(
        Settings(**{"api_token": TOKEN, **settings}),
        store if store is not None else make_store(),
        ingestor,
    )
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client


def assert_problem(response: Any, status: int) -> dict[str, Any]:
    """Assert `response` is an RFC 9457 problem document with `status`; return its body."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body = response.json()
    assert body["status"] == status
    assert body["type"] == "about:blank"
    assert isinstance(body["title"], str) and body["title"]
    assert isinstance(body["detail"], str) and body["detail"]
    assert "Traceback" not in response.text
    return body
