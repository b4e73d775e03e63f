"""The API behind a real uvicorn server, spoken to by SPARQLWrapper and httpx."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

import httpx
import pytest
from rdflib import Graph
from SPARQLWrapper import CSV, JSON, JSONLD, N3, TSV, TURTLE, XML, SPARQLWrapper

from alliance_kg.api import create_app
from alliance_kg.settings import Settings
from api_support import AUTH, TOKEN, make_store
from live_server import live_server

pytestmark = pytest.mark.slow

ARTICLES = """PREFIX ak: <https://w3id.org/alliance-kg/ontology#>
SELECT ?a ?title WHERE { ?a a ak:Article ; <http://purl.org/dc/terms/title> ?title } ORDER BY ?a"""
CONSTRUCT = """PREFIX ak: <https://w3id.org/alliance-kg/ontology#>
CONSTRUCT { ?a a ak:Article } WHERE { ?a a ak:Article }"""


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    app = create_app(Settings(api_token=TOKEN), make_store())
    with live_server(app) as url:
        yield url


def sparql(base_url: str, query: str, return_format: str) -> SPARQLWrapper:
    wrapper = SPARQLWrapper(base_url + "/sparql")
    wrapper.setQuery(query)
    wrapper.setReturnFormat(return_format)
    return wrapper


def test_select_as_json(base_url: str) -> None:
    results = sparql(base_url, ARTICLES, JSON).queryAndConvert()
    titles = [row["title"]["value"] for row in results["results"]["bindings"]]
    assert titles == ["Japan plans Patriot export", "Shipyards to repair US Navy ships"]


def test_select_as_xml(base_url: str) -> None:
    document = sparql(base_url, ARTICLES, XML).queryAndConvert()
    assert len(document.getElementsByTagName("result")) == 2


@pytest.mark.parametrize(("return_format", "delimiter"), [(CSV, ","), (TSV, "\t")])
def test_select_as_csv_and_tsv(base_url: str, return_format: str, delimiter: str) -> None:
    text = sparql(base_url, ARTICLES, return_format).queryAndConvert().decode()
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    assert len(rows) == 3
    assert rows[0][1].lstrip("?") == "title"


def test_ask(base_url: str) -> None:
    answer = sparql(base_url, "ASK { ?s a ?t }", JSON).queryAndConvert()
    assert answer["boolean"] is True


@pytest.mark.parametrize(
    ("return_format", "accept", "media_type"),
    [
        (TURTLE, None, "text/turtle"),
        (N3, "application/n-triples", "application/n-triples"),
        (JSONLD, None, "application/ld+json"),
    ],
)
def test_construct(base_url: str, return_format: str, accept: str | None, media_type: str) -> None:
    wrapper = sparql(base_url, CONSTRUCT, return_format)
    if accept:
        wrapper.addCustomHttpHeader("Accept", accept)
    response = wrapper.query()
    assert response.response.headers["Content-Type"].startswith(media_type)
    converted = response.convert()
    graph = (
        converted
        if isinstance(converted, Graph)
        else Graph().parse(data=converted, format="turtle")  # N-Triples is Turtle too
    )
    assert len(graph) == 2


def test_post_with_sparqlwrapper(base_url: str) -> None:
    wrapper = sparql(base_url, ARTICLES, JSON)
    wrapper.setMethod("POST")
    assert len(wrapper.queryAndConvert()["results"]["bindings"]) == 2


def test_rest_and_writes_over_http(base_url: str) -> None:
    with httpx.Client(base_url=base_url) as client:
        health = client.get("/health")
        listed = client.get("/articles")
        unauthorised = client.post("/update", data={"update": "CLEAR ALL"})
        inserted = client.post(
            "/update",
            content="INSERT DATA { GRAPH <http://e/g> { <http://e/a> <http://e/b> 1 } }",
            headers={**AUTH, "Content-Type": "application/sparql-update"},
        )
        graph = client.get("/store", params={"graph": "http://e/g"})
        dropped = client.delete("/store", params={"graph": "http://e/g"}, headers=AUTH)
    assert health.json()["status"] == "ok"
    assert len(listed.json()["articles"]) == 2
    assert unauthorised.status_code == 401
    assert unauthorised.headers["content-type"] == "application/problem+json"
    assert inserted.status_code == 204
    assert graph.status_code == 200 and b"http://e/a" in graph.content
    assert dropped.status_code == 204
