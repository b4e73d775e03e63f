"""using-graph-uri and using-named-graph-uri written into updates as USING clauses."""

from __future__ import annotations

import pytest
from pyoxigraph import DefaultGraph, NamedNode

from alliance_kg.api.errors import ProblemError
from alliance_kg.api.update_dataset import with_protocol_dataset
from api_support import AUTH, api_client, assert_problem, make_store

G = "http://example.org/g"
N = "http://example.org/n"
UPDATE = "application/sparql-update"


def test_using_clauses_go_before_every_where() -> None:
    update = (
        "INSERT { ?s <p> 1 } WHERE { ?s ?p ?o } ;\n"
        "INSERT DATA { <a> <b> 'WHERE {' } ;\n"
        "DELETE { ?s ?p ?o } INSERT { ?s ?p 2 } WHERE { ?s ?p ?o }"
    )
    rewritten = with_protocol_dataset(update, [G], [N])
    clauses = f"USING <{G}> USING NAMED <{N}> WHERE"
    assert rewritten.count(clauses) == 2
    assert "INSERT DATA { <a> <b> 'WHERE {' }" in rewritten


def test_delete_where_becomes_delete_using_where() -> None:
    rewritten = with_protocol_dataset("DELETE WHERE { ?s <p> ?o }", [G], [])
    assert rewritten == f"DELETE {{ ?s <p> ?o }} USING <{G}> WHERE {{ ?s <p> ?o }}"


def test_without_protocol_dataset_the_update_is_unchanged() -> None:
    update = "WITH <g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }"
    assert with_protocol_dataset(update, [], []) is update


@pytest.mark.parametrize(
    "update",
    [
        "INSERT { ?s ?p ?o } USING <x> WHERE { ?s ?p ?o }",
        "WITH <x> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }",
    ],
)
def test_an_update_naming_its_own_dataset_conflicts(update: str) -> None:
    with pytest.raises(ProblemError) as raised:
        with_protocol_dataset(update, [G], [])
    assert raised.value.status_code == 400


def test_update_endpoint_reads_where_from_the_using_graph() -> None:
    store = make_store(with_data=False)
    store.update(f"INSERT DATA {{ GRAPH <{G}> {{ <http://x/s> <http://x/p> 'in g' }} }}")
    store.update("INSERT DATA { <http://x/s> <http://x/p> 'in default' }")
    copy = "INSERT { <http://x/s> <http://x/copied> ?o } WHERE { <http://x/s> <http://x/p> ?o }"
    with api_client(store) as client:
        response = client.post(
            "/update",
            params={"using-graph-uri": G},
            content=copy,
            headers={**AUTH, "Content-Type": UPDATE},
        )
        conflict = client.post(
            "/update",
            params={"using-named-graph-uri": G},
            content="WITH <http://x/g> " + copy.replace("INSERT", "INSERT", 1),
            headers={**AUTH, "Content-Type": UPDATE},
        )
    assert response.status_code == 204, response.text
    copied = store._store.quads_for_pattern(None, NamedNode("http://x/copied"), None)
    assert [(quad.object.value, quad.graph_name) for quad in copied] == [("in g", DefaultGraph())]
    assert_problem(conflict, 400)


def test_relative_iris_in_updates_resolve_against_the_endpoint() -> None:
    store = make_store(with_data=False)
    with api_client(store) as client:
        response = client.post(
            "/update",
            content="INSERT DATA { <s> <http://x/p> <o> }",
            headers={**AUTH, "Content-Type": UPDATE},
        )
    assert response.status_code == 204, response.text
    (quad,) = store._store.quads_for_pattern(None, NamedNode("http://x/p"), None)
    assert quad.subject == NamedNode("http://testserver/s")
