"""GET /resource/{path}: Turtle, JSON-LD (with the published context) and HTML by Accept."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
import rdflib
from fastapi.testclient import TestClient
from rdflib.compare import isomorphic

from alliance_kg import iris
from api_support import AUTH, assert_problem
from index_support import FIRST, TRANSFER, indexed_client

CONTEXT_REL = 'rel="http://www.w3.org/ns/json-ld#context"'


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with indexed_client() as (client, _, _):
        yield client


def resource_path(iri: str) -> str:
    return "/resource/" + iri.removeprefix(iris.AKR)


def turtle_graph(client: TestClient, path: str) -> rdflib.Graph:
    response = client.get(path, headers={"Accept": "text/turtle"})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/turtle")
    assert response.headers["vary"] == "Accept"
    return rdflib.Graph().parse(data=response.text, format="turtle")


def test_an_entity_in_turtle(client: TestClient) -> None:
    graph = turtle_graph(client, "/resource/country/JPN")
    japan = rdflib.URIRef(iris.country_iri("JPN"))
    assert (japan, rdflib.RDFS.label, rdflib.Literal("Japan", lang="en")) in graph
    assert (japan, rdflib.OWL.sameAs, rdflib.URIRef("http://www.wikidata.org/entity/Q17")) in graph


def test_turtle_is_the_default(client: TestClient) -> None:
    response = client.get("/resource/country/JPN", headers={"Accept": "*/*"})
    assert response.headers["content-type"].startswith("text/turtle")


def test_json_ld_expands_with_the_published_context_to_the_same_triples(
    client: TestClient,
) -> None:
    path = resource_path(TRANSFER)
    response = client.get(path, headers={"Accept": "application/ld+json"})
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/ld+json")
    assert CONTEXT_REL in response.headers["link"]
    document = response.json()
    assert document["@context"] == "http://testserver/context.jsonld"
    context = client.get("/context.jsonld")
    assert context.headers["content-type"].startswith("application/ld+json")
    document["@context"] = context.json()["@context"]
    from_json_ld = rdflib.Graph().parse(data=json.dumps(document), format="json-ld")
    assert len(from_json_ld) > 10
    assert isomorphic(from_json_ld, turtle_graph(client, path))


def test_html_is_escaped_and_links_resources(client: TestClient) -> None:
    response = client.get(
        resource_path(iris.article_iri(FIRST.id)), headers={"Accept": "text/html"}
    )
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    page = response.text
    assert 'href="/resource/article/' in page or 'href="/resource/ingest/' in page
    assert "<script" not in page
    assert "?format=ttl" in page


def test_html_escapes_what_articles_say(client: TestClient) -> None:
    text = 'Officials said <script>alert("x")</script> & more.'
    posted = client.post("/articles", json={"text": text}, headers=AUTH)
    assert posted.status_code == 201
    page = client.get(resource_path(posted.json()["iri"]) + "?format=html").text
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more." in page
    assert "<script" not in page


def test_mentions_articles_and_graphs_dereference(client: TestClient) -> None:
    article = rdflib.URIRef(iris.article_iri(FIRST.id))
    assert (article, None, None) in turtle_graph(client, resource_path(article))
    mention = next(
        o
        for o in turtle_graph(client, resource_path(TRANSFER)).objects(
            rdflib.URIRef(TRANSFER), rdflib.URIRef(iris.AK + "evidence")
        )
    )
    assert len(turtle_graph(client, resource_path(str(mention)))) >= 5
    graph = turtle_graph(client, resource_path(iris.article_graph(FIRST.id)))
    assert (article, rdflib.RDF.type, rdflib.URIRef(iris.AK + "Article")) in graph


def test_unknown_iris_are_404_and_formats_are_checked(client: TestClient) -> None:
    assert_problem(client.get("/resource/country/XXX"), 404)
    assert_problem(client.get("/resource/country/JPN", headers={"Accept": "image/png"}), 406)
    body = assert_problem(client.get("/resource/country/JPN?format=pdf"), 400)
    assert body["parameters"] == ["format"]
