"""Writes that bypass ingest (`/update`, `/store`, `akg load`) keep the read index true.

Each test writes through a real request (or the real command) and then checks the REST reads
and that the index equals one rebuilt from the store.
"""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient
from pyoxigraph import RdfFormat

from alliance_kg import iris
from alliance_kg.api import create_app
from alliance_kg.cli import main
from alliance_kg.index import ReadIndex
from alliance_kg.ingest import Ingest
from alliance_kg.settings import Settings
from alliance_kg.store.oxigraph import EmbeddedStore
from api_support import AUTH
from index_support import (
    ENVOY,
    ENVOY_MEETING,
    FIRST,
    MEETING,
    SECOND,
    ScriptedExtractor,
    indexed_client,
)

AK = iris.AK


def event_iris(client: TestClient, **params: object) -> set[str]:
    response = client.get("/events", params=params)
    assert response.status_code == 200, response.text
    return {event["iri"] for event in response.json()["events"]}


def article_ids(client: TestClient) -> set[str]:
    response = client.get("/articles", params={"limit": 100})
    assert response.status_code == 200, response.text
    return {article["id"] for article in response.json()["articles"]}


def update(client: TestClient, text: str) -> None:
    response = client.post(
        "/update", content=text, headers={**AUTH, "Content-Type": "application/sparql-update"}
    )
    assert response.status_code == 204, response.text


def rebuilt_snapshot(store: EmbeddedStore) -> dict[str, list[tuple[object, ...]]]:
    fresh = ReadIndex.open(None)
    fresh.rebuild(store)
    return fresh.snapshot()


def test_an_update_deleting_an_event_from_an_article_graph_reaches_events() -> None:
    with indexed_client() as (client, store, index):
        assert MEETING in event_iris(client, type="LeadersMeeting")
        graph = iris.article_graph(FIRST.id)
        update(client, f"DELETE WHERE {{ GRAPH <{graph}> {{ <{MEETING}> ?p ?o }} }}")
        assert event_iris(client, type="LeadersMeeting") == {ENVOY_MEETING}
        assert index.snapshot() == rebuilt_snapshot(store)


def test_an_update_whose_graphs_are_variables_reindexes_everything() -> None:
    with indexed_client() as (client, store, index):
        update(
            client,
            f"DELETE {{ GRAPH ?g {{ ?event ?p ?o }} }} "
            f"WHERE {{ GRAPH ?g {{ ?event a <{AK}LeadersMeeting> ; ?p ?o }} }}",
        )
        assert event_iris(client, type="LeadersMeeting") == set()
        assert event_iris(client, participant=ENVOY.iri) == set()
        assert index.snapshot() == rebuilt_snapshot(store)


def test_moving_an_article_graph_away_removes_the_article() -> None:
    with indexed_client() as (client, store, index):
        update(client, f"MOVE <{iris.article_graph(SECOND.id)}> TO <urn:x:elsewhere>")
        assert not index.has_article(SECOND.id)
        assert ENVOY_MEETING not in event_iris(client)
        assert index.snapshot() == rebuilt_snapshot(store)


def test_graph_store_delete_then_put_of_an_article_graph() -> None:
    with indexed_client() as (client, store, index):
        graph = {"graph": iris.article_graph(FIRST.id)}
        turtle = client.get("/store", params=graph, headers={"Accept": "text/turtle"})
        assert turtle.status_code == 200
        assert client.delete("/store", params=graph, headers=AUTH).status_code == 204
        assert FIRST.id not in article_ids(client)
        assert MEETING not in event_iris(client)
        assert index.snapshot() == rebuilt_snapshot(store)
        put = client.put(
            "/store",
            params=graph,
            content=turtle.content,
            headers={**AUTH, "Content-Type": "text/turtle"},
        )
        assert put.status_code == 201, put.text
        assert FIRST.id in article_ids(client)
        assert MEETING in event_iris(client)
        assert index.snapshot() == rebuilt_snapshot(store)


def test_a_graph_store_post_into_an_article_graph_adds_its_event() -> None:
    with indexed_client() as (client, store, index):
        event = iris.event_iri("posted")
        body = (
            f"<{event}> a <{AK}Event>, <{AK}Summit> ; <{AK}status> <{AK}Completed> ; "
            f"<{AK}reportedIn> <{iris.article_iri(FIRST.id)}> ."
        )
        post = client.post(
            "/store",
            params={"graph": iris.article_graph(FIRST.id)},
            content=body,
            headers={**AUTH, "Content-Type": "text/turtle"},
        )
        assert post.status_code == 204, post.text
        assert event in event_iris(client)
        assert index.snapshot() == rebuilt_snapshot(store)


def test_akg_load_keeps_the_index_beside_the_store_true(tmp_path: Path) -> None:
    source = EmbeddedStore(None)
    Ingest(ScriptedExtractor(), source).ingest(SECOND)
    dump = tmp_path / "second.nq"
    dump.write_bytes(source.dump(RdfFormat.N_QUADS, graph=None))
    store_dir = tmp_path / "store"
    store = EmbeddedStore(store_dir)
    index = ReadIndex.open(tmp_path / "store.index.sqlite")
    Ingest(ScriptedExtractor(), store, index).ingest(FIRST)
    index.close()
    store.close()
    del store

    assert main(["--store", str(store_dir), "load", str(dump)]) == 0

    store = EmbeddedStore(store_dir)
    index = ReadIndex.open(tmp_path / "store.index.sqlite")
    assert index.has_article(SECOND.id)
    assert index.snapshot() == rebuilt_snapshot(store)
    stored = f"SELECT DISTINCT ?e WHERE {{ GRAPH ?g {{ ?e a <{AK}Event> }} }}"
    with TestClient(create_app(Settings(), store, index=index)) as client:
        assert event_iris(client, limit=100) == {row["e"].value for row in store.query(stored)}
        assert ENVOY_MEETING in event_iris(client, participant=ENVOY.iri)
    index.close()
