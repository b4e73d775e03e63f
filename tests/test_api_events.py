"""GET /events and /stats over a real store and read index kept in step by Ingest."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from pyoxigraph import RdfFormat, parse

from alliance_kg import iris
from alliance_kg.index import ReadIndex
from alliance_kg.store.oxigraph import EmbeddedStore
from api_support import AUTH, assert_problem
from index_support import ENVOY_MEETING, FIRST, MEETING, SECOND, TRANSFER, UNDATED, indexed_client


@pytest.fixture
def indexed() -> Iterator[tuple[TestClient, EmbeddedStore, ReadIndex]]:
    with indexed_client() as parts:
        yield parts


@pytest.fixture
def client(indexed: tuple[TestClient, EmbeddedStore, ReadIndex]) -> TestClient:
    return indexed[0]


def events(client: TestClient, **params: object) -> list[dict[str, object]]:
    response = client.get("/events", params=params)
    assert response.status_code == 200, response.text
    return list(response.json()["events"])


def test_an_event_with_its_status_per_article(client: TestClient) -> None:
    (transfer,) = events(client, type="ArmsTransfer", participant="country/JPN")
    assert transfer["iri"] == TRANSFER
    assert transfer["status"] == iris.AK + "Agreed"
    assert transfer["articles"] == 3
    assert [report["article"] for report in transfer["statuses"]] == [
        iris.article_iri(UNDATED.id),
        iris.article_iri(FIRST.id),
        iris.article_iri(SECOND.id),
    ]
    assert [role["id"] for role in transfer["roles"]["recipient"]] == ["country/USA"]
    assert transfer["roles"]["materiel"][0]["label"] == "Patriot"
    assert transfer["date"] == "2024-03"


def test_filters_accept_iris_ids_and_roles(client: TestClient) -> None:
    japan = iris.country_iri("JPN")
    assert {e["iri"] for e in events(client, participant=japan)} == {
        TRANSFER,
        MEETING,
        ENVOY_MEETING,
    }
    assert [e["iri"] for e in events(client, participant="country/JPN", role="supplier")] == [
        TRANSFER
    ]
    assert events(client, participant="country/USA", role="supplier") == []
    assert [e["iri"] for e in events(client, materiel="materiel/air-defense-system")] == [TRANSFER]
    assert {e["iri"] for e in events(client, type="DefenseCooperation")} == {TRANSFER}
    assert len(events(client, type=iris.AK + "Event")) == 3


def test_filters_by_status_date_and_articles(client: TestClient) -> None:
    assert {e["iri"] for e in events(client, status="Completed")} == {MEETING, ENVOY_MEETING}
    assert [e["iri"] for e in events(client, status=iris.AK + "Agreed")] == [TRANSFER]
    assert [e["iri"] for e in events(client, **{"from": "2024-03"})] == [TRANSFER]
    assert {e["iri"] for e in events(client, to="2024-01")} == {MEETING, ENVOY_MEETING}
    assert events(client, to="2023") == []
    assert [e["iri"] for e in events(client, min_articles=3)] == [TRANSFER]


def test_paging(client: TestClient) -> None:
    every = [e["iri"] for e in events(client, limit=10)]
    assert every[0] == TRANSFER  # latest first
    assert [e["iri"] for e in events(client, limit=1, offset=1)] == every[1:2]
    assert_problem(client.get("/events", params={"limit": 0}), 422)
    assert_problem(client.get("/events", params={"limit": 501}), 422)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("type", "Picnic"),
        ("role", "spectator"),
        ("status", "Rumoured"),
        ("from", "yesterday"),
        ("to", "2024-13"),
        ("participant", "country/J PN"),
    ],
)
def test_a_bad_filter_value_is_a_400_naming_it(client: TestClient, name: str, value: str) -> None:
    body = assert_problem(client.get("/events", params={name: value}), 400)
    assert body["parameters"] == [name]


def test_deleting_an_article_updates_the_shared_event(
    indexed: tuple[TestClient, EmbeddedStore, ReadIndex],
) -> None:
    client, store, index = indexed
    assert client.delete(f"/articles/{SECOND.id}", headers=AUTH).status_code == 204
    (transfer,) = events(client, type="ArmsTransfer")
    assert transfer["status"] == iris.AK + "Planned"
    assert transfer["articles"] == 2
    assert [r["status"] for r in transfer["statuses"]] == [
        iris.AK + "Considered",
        iris.AK + "Planned",
    ]
    rebuilt = ReadIndex.open(None)
    rebuilt.rebuild(store)
    assert rebuilt.snapshot() == index.snapshot()


def test_stats_count_from_the_index(client: TestClient) -> None:
    stats = client.get("/stats").json()
    assert stats["articles"] == 3
    assert stats["events"] == 3
    assert stats["events_by_class"]["LeadersMeeting"] == 2
    assert stats["entities_by_type"]["Country"] > 200
    assert stats["store"] == "embedded"
    assert client.delete(f"/articles/{FIRST.id}", headers=AUTH).status_code == 204
    assert client.get("/stats").json()["events_by_class"]["LeadersMeeting"] == 1


def test_stats_triples_match_the_store(
    indexed: tuple[TestClient, EmbeddedStore, ReadIndex],
) -> None:
    client, store, _ = indexed
    quads = len(list(parse(store.dump(RdfFormat.N_QUADS), RdfFormat.N_QUADS)))
    assert client.get("/stats").json()["triples"] == quads


def test_void_describes_the_dataset(client: TestClient) -> None:
    response = client.get("/.well-known/void")
    assert response.headers["content-type"].startswith("text/turtle")
    triples = list(parse(response.content, RdfFormat.TURTLE))
    by_predicate = {t.predicate.value.rsplit("#", 1)[-1]: t.object for t in triples}
    assert by_predicate["sparqlEndpoint"].value == "http://testserver/sparql"
    assert by_predicate["uriSpace"].value == iris.AKR
    assert int(by_predicate["triples"].value) == client.get("/stats").json()["triples"]
    classes = {t.object.value for t in triples if t.predicate.value.endswith("#class")}
    assert iris.AK + "ArmsTransfer" in classes
    assert (
        client.get("/.well-known/void", headers={"Accept": "application/n-triples"}).status_code
        == 200
    )
