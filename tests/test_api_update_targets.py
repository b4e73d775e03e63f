"""Which named graphs an update can write, read from its text (None: not knowable)."""

from __future__ import annotations

import pytest

from alliance_kg.api.update_targets import written_graphs

BASE = "http://127.0.0.1:8000/update"
ARTICLE = "https://w3id.org/alliance-kg/resource/graph/article/"


@pytest.mark.parametrize(
    ("update", "graphs"),
    [
        (f"INSERT DATA {{ GRAPH <{ARTICLE}a> {{ <x:s> <x:p> 1 }} }}", {f"{ARTICLE}a"}),
        (f"PREFIX g: <{ARTICLE}> DELETE WHERE {{ GRAPH g:b {{ ?s ?p ?o }} }}", {f"{ARTICLE}b"}),
        (f"BASE <{ARTICLE}> DELETE DATA {{ GRAPH <c> {{ <x:s> <x:p> 1 }} }}", {f"{ARTICLE}c"}),
        ("WITH <x:w> DELETE { ?s ?p ?o } USING <x:u> WHERE { ?s ?p ?o }", {"x:w"}),
        ("DELETE { GRAPH <x:t> { ?s ?p ?o } } WHERE { GRAPH ?g { ?s ?p ?o } }", {"x:t"}),
        ("INSERT { ?s <x:p> 1 } WHERE { GRAPH ?g { ?s ?p ?o } }", set()),
        ("MOVE SILENT <x:a> TO GRAPH <x:b> ; COPY DEFAULT TO <x:c>", {"x:a", "x:b", "x:c"}),
        ("DROP GRAPH <relative> ; CLEAR DEFAULT", {"http://127.0.0.1:8000/relative"}),
        ('INSERT DATA { <x:s> <x:p> "GRAPH ?g" } # GRAPH ?h', set()),
        ("LOAD <http://x/y> INTO GRAPH <x:l>", {"x:l"}),
    ],
)
def test_the_graphs_an_update_names_where_it_writes(update: str, graphs: set[str]) -> None:
    assert written_graphs(update, BASE) == graphs


@pytest.mark.parametrize(
    "update",
    [
        "DELETE { GRAPH ?g { ?s ?p ?o } } WHERE { GRAPH ?g { ?s ?p ?o } }",
        "DELETE WHERE { GRAPH ?g { ?s ?p ?o } }",
        "DROP SILENT ALL",
        "CLEAR NAMED",
        "DROP GRAPH undeclared:g",
        "INSERT DATA { GR\\u0041PH <x:g> { <x:s> <x:p> 1 } }",
    ],
)
def test_graphs_that_cannot_be_known_without_running_the_update(update: str) -> None:
    assert written_graphs(update, BASE) is None
