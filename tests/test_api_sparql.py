"""/sparql over the SPARQL 1.1 Protocol: GET and both POST forms, datasets, conneg, limits."""

from __future__ import annotations

import csv
import io
import json

import pytest
from pyoxigraph import RdfFormat, parse

from api_support import ARTICLE_ID, GRAPH, api_client, assert_problem, make_store

AKR = "https://w3id.org/alliance-kg/resource/"
ARTICLES = "SELECT ?a WHERE { ?a a <https://w3id.org/alliance-kg/ontology#Article> } ORDER BY ?a"
JSON_RESULTS = "application/sparql-results+json"


def article_iris(response) -> list[str]:
    return [row["a"]["value"] for row in response.json()["results"]["bindings"]]


def test_get_answers_json_by_default_over_the_union_of_named_graphs() -> None:
    with api_client() as client:
        response = client.get("/sparql", params={"query": ARTICLES})
    assert response.status_code == 200
    assert response.headers["content-type"] == JSON_RESULTS
    assert len(article_iris(response)) == 2
    assert "x-akg-truncated" not in response.headers


def test_post_form_and_direct_body_give_the_same_answer() -> None:
    with api_client() as client:
        form = client.post("/sparql", data={"query": ARTICLES})
        direct = client.post(
            "/sparql",
            content=ARTICLES,
            headers={"Content-Type": "application/sparql-query; charset=utf-8"},
        )
    assert form.status_code == direct.status_code == 200
    assert article_iris(form) == article_iris(direct)


def test_unknown_parameters_such_as_sparqlwrappers_are_ignored() -> None:
    with api_client() as client:
        response = client.get(
            "/sparql", params={"query": ARTICLES, "format": "json", "output": "json"}
        )
    assert response.status_code == 200


def test_default_graph_uri_restricts_the_default_graph() -> None:
    with api_client() as client:
        response = client.get("/sparql", params={"query": ARTICLES, "default-graph-uri": GRAPH})
    assert article_iris(response) == [f"{AKR}article/{ARTICLE_ID}"]


def test_named_graph_uri_restricts_graph_patterns() -> None:
    query = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
    with api_client() as client:
        response = client.post(
            "/sparql?named-graph-uri=" + GRAPH,
            content=query,
            headers={"Content-Type": "application/sparql-query"},
        )
    graphs = [row["g"]["value"] for row in response.json()["results"]["bindings"]]
    assert graphs == [GRAPH]


@pytest.mark.parametrize(
    ("accept", "media_type"),
    [
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv; charset=utf-8"),
        ("text/tab-separated-values", "text/tab-separated-values; charset=utf-8"),
        ("application/json", JSON_RESULTS),
        ("*/*", JSON_RESULTS),
        ("text/csv;q=0.5, application/sparql-results+xml;q=0.9", "application/sparql-results+xml"),
        ("text/*;q=0.8, application/sparql-results+json;q=0.1", "text/csv; charset=utf-8"),
    ],
)
def test_select_results_follow_accept_and_q_values(accept: str, media_type: str) -> None:
    with api_client() as client:
        response = client.get("/sparql", params={"query": ARTICLES}, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"] == media_type
    assert "Accept" in response.headers["vary"]


def test_csv_holds_one_row_per_solution() -> None:
    with api_client() as client:
        response = client.get("/sparql", params={"query": ARTICLES}, headers={"Accept": "text/csv"})
    rows = list(csv.reader(io.StringIO(response.text)))
    assert rows[0] == ["a"]
    assert len(rows) == 3


def test_ask_answers_a_boolean() -> None:
    with api_client() as client:
        response = client.get("/sparql", params={"query": "ASK { ?s a ?t }"})
    assert response.json()["boolean"] is True


@pytest.mark.parametrize(
    ("accept", "rdf_format"),
    [
        (None, RdfFormat.TURTLE),
        ("application/n-triples", RdfFormat.N_TRIPLES),
        ("application/ld+json", RdfFormat.JSON_LD),
        ("application/rdf+xml", RdfFormat.RDF_XML),
        ("text/turtle;q=1.0", RdfFormat.TURTLE),
    ],
)
def test_construct_answers_rdf_by_accept(accept: str | None, rdf_format: RdfFormat) -> None:
    query = ARTICLES.replace("SELECT ?a WHERE", "CONSTRUCT { ?a ?p ?o } WHERE").replace(
        "} ORDER BY ?a", "; ?p ?o }"
    )
    headers = {"Accept": accept} if accept else {}
    with api_client() as client:
        response = client.get("/sparql", params={"query": query}, headers=headers)
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == rdf_format.media_type
    triples = list(parse(response.content, rdf_format))
    assert len(triples) == 11


def test_unacceptable_accept_is_406_listing_the_offer() -> None:
    with api_client() as client:
        response = client.get(
            "/sparql", params={"query": ARTICLES}, headers={"Accept": "image/png"}
        )
        refused = client.get("/sparql", params={"query": ARTICLES}, headers={"Accept": "*/*;q=0"})
    body = assert_problem(response, 406)
    assert JSON_RESULTS in body["offered"]
    assert_problem(refused, 406)


def test_rows_past_the_cap_are_cut_and_flagged() -> None:
    query = "SELECT ?s ?p ?o WHERE { ?s ?p ?o }"
    with api_client(max_rows=3) as client:
        selected = client.get("/sparql", params={"query": query})
        constructed = client.get(
            "/sparql",
            params={"query": "CONSTRUCT WHERE { ?s ?p ?o }"},
            headers={"Accept": "application/n-triples"},
        )
        small = client.get("/sparql", params={"query": ARTICLES})
    assert len(selected.json()["results"]["bindings"]) == 3
    assert selected.headers["x-akg-truncated"] == "true"
    assert len(constructed.text.strip().splitlines()) == 3
    assert constructed.headers["x-akg-truncated"] == "true"
    assert "x-akg-truncated" not in small.headers


def test_terms_survive_the_row_cap_unchanged() -> None:
    query = """SELECT ?l ?d ?n ?b WHERE {
      BIND("Japan"@en AS ?l) BIND("2024-01-01"^^<http://www.w3.org/2001/XMLSchema#date> AS ?d)
      BIND(42 AS ?n) BIND(BNODE() AS ?b) }"""
    with api_client() as client:
        row = client.get("/sparql", params={"query": query}).json()["results"]["bindings"][0]
    assert row["l"] == {"type": "literal", "value": "Japan", "xml:lang": "en"}
    assert row["d"]["datatype"] == "http://www.w3.org/2001/XMLSchema#date"
    assert row["n"]["value"] == "42"
    assert row["b"]["type"] == "bnode"


@pytest.mark.parametrize(
    ("method", "kwargs", "mentioned"),
    [
        ("get", {"params": [("query", ARTICLES), ("query", ARTICLES)]}, "2"),
        ("post", {"data": {"query": ARTICLES, "update": "CLEAR ALL"}}, "/update"),
        ("get", {"params": {"update": "CLEAR ALL"}}, "/update"),
        ("post", {"content": ARTICLES, "headers": {"Content-Type": "text/plain"}}, "text/plain"),
        ("post", {"content": ARTICLES}, "Content-Type"),
        ("post", {"data": {"other": "x"}}, "no"),
        (
            "post",
            {
                "content": ARTICLES.encode("utf-16"),
                "headers": {"Content-Type": "application/sparql-query; charset=utf-16"},
            },
            "UTF-8",
        ),
        (
            "post",
            {"content": "CLEAR ALL", "headers": {"Content-Type": "application/sparql-update"}},
            "/update",
        ),
    ],
)
def test_malformed_requests_are_400_problems(method: str, kwargs: dict, mentioned: str) -> None:
    with api_client() as client:
        response = getattr(client, method)("/sparql", **kwargs)
    assert mentioned in assert_problem(response, 400)["detail"]


def test_a_syntax_error_is_400_naming_where() -> None:
    with api_client() as client:
        response = client.get("/sparql", params={"query": "SELECT ?x WHERE { ?x ?y }"})
    detail = assert_problem(response, 400)["detail"]
    assert "1:" in detail


def test_an_update_sent_as_a_query_is_pointed_to_update() -> None:
    with api_client() as client:
        response = client.post(
            "/sparql", data={"query": "PREFIX ex: <http://e/> INSERT DATA { ex:a ex:b ex:c }"}
        )
    assert "/update" in assert_problem(response, 400)["detail"]


def test_put_on_sparql_is_405() -> None:
    with api_client() as client:
        response = client.put("/sparql", content=ARTICLES)
    assert_problem(response, 405)
    assert "GET" in response.headers["allow"]


def test_service_description_on_a_bare_get() -> None:
    with api_client(store=make_store()) as client:
        turtle = client.get("/sparql")
        ntriples = client.get("/sparql", headers={"Accept": "application/n-triples"})
        jsonld = client.get("/sparql", headers={"Accept": "application/ld+json"})
    assert turtle.headers["content-type"].startswith("text/turtle")
    sd = "http://www.w3.org/ns/sparql-service-description#"
    triples = {
        (str(q.predicate.value), str(q.object)) for q in parse(turtle.content, RdfFormat.TURTLE)
    }
    assert (sd + "endpoint", "<http://testserver/sparql>") in triples
    assert (sd + "supportedLanguage", f"<{sd}SPARQL11Query>") in triples
    assert (sd + "feature", f"<{sd}UnionDefaultGraph>") in triples
    assert (sd + "resultFormat", "<http://www.w3.org/ns/formats/SPARQL_Results_JSON>") in triples
    assert (sd + "name", f"<{GRAPH}>") in triples
    assert (sd + "name", f"<{AKR}graph/reference>") in triples
    assert len(list(parse(ntriples.content, RdfFormat.N_TRIPLES))) == len(
        list(parse(turtle.content, RdfFormat.TURTLE))
    )
    assert isinstance(json.loads(jsonld.content), list | dict)


def test_from_in_the_query_restricts_the_default_graph() -> None:
    query = (
        f"SELECT ?a FROM <{GRAPH}> WHERE {{ ?a a <https://w3id.org/alliance-kg/ontology#Article> }}"
    )
    with api_client() as client:
        response = client.get("/sparql", params={"query": query})
    assert article_iris(response) == [f"{AKR}article/{ARTICLE_ID}"]


def test_relative_iris_resolve_against_the_endpoint() -> None:
    with api_client() as client:
        response = client.get("/sparql", params={"query": "SELECT (<people/1> AS ?iri) {}"})
        based = client.get(
            "/sparql", params={"query": "BASE <http://x.example/> SELECT (<p> AS ?iri) {}"}
        )
    assert response.json()["results"]["bindings"][0]["iri"]["value"] == "http://testserver/people/1"
    assert based.json()["results"]["bindings"][0]["iri"]["value"] == "http://x.example/p"


def test_the_union_default_graph_counts_a_shared_triple_once() -> None:
    store = make_store(with_data=False)
    triple = "<http://x/e> a <https://w3id.org/alliance-kg/ontology#Event>"
    store.update(
        f"INSERT DATA {{ GRAPH <{GRAPH}> {{ {triple} }} GRAPH <http://x/g2> {{ {triple} }} }}"
    )
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?e a <https://w3id.org/alliance-kg/ontology#Event> }"
    with api_client(store) as client:
        response = client.get("/sparql", params={"query": count})
    assert response.json()["results"]["bindings"][0]["n"]["value"] == "1"
