"""GET /entities and /entities/{id}, over a real store and read index kept in step by Ingest."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from alliance_kg import iris
from alliance_kg.api import create_app
from alliance_kg.settings import Settings
from api_support import AUTH, assert_problem, make_store
from index_support import ENVOY, FIRST, KISHIDA, SECOND, TRANSFER, indexed_client

Client = tuple[TestClient, object, object]


@pytest.fixture
def client() -> Iterator[TestClient]:
    with indexed_client() as (client, _, _):
        yield client


def test_search_ranks_the_exact_label_first(client: TestClient) -> None:
    response = client.get("/entities", params={"q": "Japan"})
    assert response.status_code == 200
    first = response.json()["results"][0]
    assert first["iri"] == iris.country_iri("JPN")
    assert first["id"] == "country/JPN"
    assert first["match"] == "exact label"
    assert first["type"] == iris.AK + "Country"
    assert first["events"] == 3


def test_search_finds_aliases_and_filters_by_type(client: TestClient) -> None:
    hits = client.get("/entities", params={"q": "tokyo", "type": "Country"}).json()["results"]
    assert [hit["id"] for hit in hits] == ["country/JPN"]
    assert hits[0]["match"] == "exact alias"
    people = client.get("/entities", params={"q": "kishida", "type": "Person"}).json()
    assert people["results"][0]["iri"] == KISHIDA.iri


def test_search_limit_is_honoured_and_bounded(client: TestClient) -> None:
    hits = client.get("/entities", params={"q": "s", "limit": 3}).json()["results"]
    assert len(hits) == 3
    body = assert_problem(client.get("/entities", params={"q": "s", "limit": 1000}), 422)
    assert body["errors"][0]["loc"] == ["query", "limit"]


def test_an_unknown_type_is_a_400_naming_the_parameter(client: TestClient) -> None:
    body = assert_problem(client.get("/entities", params={"q": "j", "type": "Spaceship"}), 400)
    assert body["parameters"] == ["type"]
    assert "'type'" in body["detail"]


def test_an_entity_with_its_events_and_partners(client: TestClient) -> None:
    response = client.get("/entities/country/JPN")
    assert response.status_code == 200
    japan = response.json()
    assert japan["label"] == "Japan"
    assert japan["wikidata"] == "http://www.wikidata.org/entity/Q17"
    assert "Tokyo" in japan["aliases"]
    assert japan["events_by_role"] == {"participant": 3, "supplier": 1}
    partners = {p["entity"]["id"]: p["events"] for p in japan["partners"]}
    assert partners["country/USA"] == 3
    assert TRANSFER in {event["iri"] for event in japan["latest_events"]}
    assert japan["resource"] == "/resource/country/JPN"


def test_a_minted_entity_and_its_deletion(client: TestClient) -> None:
    envoy_id = ENVOY.iri.removeprefix(iris.AKR)
    envoy = client.get(f"/entities/{envoy_id}").json()
    assert envoy["minted"] is True
    assert envoy["label"] == "Hiroshi Envoyama"
    assert client.delete(f"/articles/{SECOND.id}", headers=AUTH).status_code == 204
    assert_problem(client.get(f"/entities/{envoy_id}"), 404)
    japan = client.get("/entities/country/JPN").json()
    assert japan["events"] == 2


def test_affiliations_are_linked(client: TestClient) -> None:
    kishida = client.get("/entities/person/fumio-kishida").json()
    assert "country/JPN" in {ref["id"] for ref in kishida["affiliations"]}
    assert kishida["events_by_role"] == {"participant": 1}
    assert client.delete(f"/articles/{FIRST.id}", headers=AUTH).status_code == 204
    assert client.get("/entities/person/fumio-kishida").json()["events"] == 0


def test_an_unknown_entity_is_a_404(client: TestClient) -> None:
    body = assert_problem(client.get("/entities/country/XXX"), 404)
    assert "country/XXX" in body["detail"]


def test_without_an_index_the_read_paths_answer_503() -> None:
    app = create_app(Settings(), make_store())
    with TestClient(app, raise_server_exceptions=False) as bare:
        assert_problem(bare.get("/entities", params={"q": "j"}), 503)


def test_the_openapi_schema_documents_the_models(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert "EntityOut" in schema["components"]["schemas"]
    assert "/entities/{entity_id}" in schema["paths"]
