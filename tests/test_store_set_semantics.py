"""The set-semantics rewrite of queries over the union default graph (store.set_semantics)."""

from __future__ import annotations

import pytest
from pyoxigraph import DefaultGraph, NamedNode, Quad, QuerySolutions
from pyoxigraph import Store as OxigraphStore

from alliance_kg.store import oxigraph
from alliance_kg.store.base import QueryError
from alliance_kg.store.oxigraph import EmbeddedStore
from alliance_kg.store.set_semantics import distinct_runs

OPEN, CLOSE = "{ SELECT DISTINCT * WHERE { ", " } }"


def case(marked: str) -> tuple[str, str]:
    """`marked` is `query ⇒ rewrite`; in the rewrite `«...»` is a DISTINCT sub-query and `^`
    stands for LATERAL."""
    expected = marked.replace("«", OPEN).replace("»", CLOSE).replace("^", "LATERAL")
    return marked.split(" ⇒ ")[0], expected.split(" ⇒ ")[-1]


@pytest.mark.parametrize(
    "marked",
    [
        "SELECT * { ?s ?p ?o } ⇒ SELECT * { «?s ?p ?o» }",
        "SELECT ?s WHERE { ?s a :C ; :p ?o , 1.5 . FILTER(?o > 1) ?o :q 'x'@en } ⇒ "
        "SELECT ?s WHERE { «?s :p 1.5» ^ «?s a :C» ^ «?s :p ?o» FILTER(?o > 1) «?o :q 'x'@en» }",
        "SELECT * { ?e a :C ; :by <x> ; :on ?day } ⇒ "
        "SELECT * { «?e :by <x>» ^ «?e a :C» ^ «?e :on ?day» }",
        "SELECT * { ?a :p ?b . ?c :q -1 } ⇒ SELECT * { «?c :q -1» «?a :p ?b» }",
    ],
)
def test_a_run_becomes_its_patterns_each_distinct_most_selective_first(marked: str) -> None:
    query, expected = case(marked)
    assert distinct_runs(query) == expected


@pytest.mark.parametrize(
    "marked",
    [
        "SELECT ?s { ?s :p ?o OPTIONAL { ?o :q ?x FILTER(?x != ?s) } MINUS { ?s :r [] } } ⇒ "
        "SELECT ?s { ««?s :p ?o» OPTIONAL { ?o :q ?x FILTER(?x != ?s) } MINUS { ?s :r [] }» }",
        "SELECT ?s { ?s :p ?o { ?o :q ?x OPTIONAL { ?x :r ?y } } BIND(STR(?o) AS ?t) } ⇒ "
        "SELECT ?s { ««?s :p ?o» { ?o :q ?x OPTIONAL { ?x :r ?y } } BIND(STR(?o) AS ?t)» }",
        "SELECT ?s { ?s :p ?g FILTER NOT EXISTS { ?s :q/:r ?x } GRAPH ?g { ?s :p ?o } } ⇒ "
        "SELECT ?s { «?s :p ?g» FILTER NOT EXISTS { ?s :q/:r ?x } GRAPH ?g { ?s :p ?o } }",
        "SELECT ?s (EXISTS { ?s :q ?x } AS ?b) { ?s :p ?o } ⇒ "
        "SELECT ?s (EXISTS { «?s :q ?x» } AS ?b) { «?s :p ?o» }",
    ],
)
def test_a_group_whose_solutions_form_a_set_is_made_distinct_whole(marked: str) -> None:
    query, expected = case(marked)
    assert distinct_runs(query) == expected


@pytest.mark.parametrize(
    "marked",
    [
        "SELECT ?s { { ?s :p ?o } UNION { { ?s :q ?o } FILTER(?o != 1) } } ⇒ "
        "SELECT ?s { { «?s :p ?o» } UNION { «{ ?s :q ?o } FILTER(?o != 1)» } }",
        "SELECT ?s { ?s :p ?o BIND(STR(?o) AS ?t) ?s :q ?t VALUES ?t { 'a' } } ⇒ "
        "SELECT ?s { «?s :p ?o» BIND(STR(?o) AS ?t) «?s :q ?t» VALUES ?t { 'a' } }",
        "SELECT ?s { ?s :p ?o OPTIONAL { ?o :q ?x FILTER(?x != ?s) } ?o :r/:s ?z } ⇒ "
        "SELECT ?s { «?s :p ?o» OPTIONAL { «?o :q ?x» FILTER(?x != ?s) } ?o :r/:s ?z }",
        "SELECT ?s { ?s :p ?o MINUS { ?s :q ?o } VALUES ?s { :a } } ⇒ "
        "SELECT ?s { «?s :p ?o» MINUS { «?s :q ?o» } VALUES ?s { :a } }",
        "SELECT ?n { { SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o } } ?n :p ?x } ⇒ "
        "SELECT ?n { { SELECT (COUNT(*) AS ?n) WHERE { «?s ?p ?o» } } «?n :p ?x» }",
        "SELECT ?s { ?s :p ?o BIND(RAND() AS ?r) } ⇒ SELECT ?s { «?s :p ?o» BIND(RAND() AS ?r) }",
    ],
)
def test_beside_a_union_values_path_or_sub_select_each_run_is_rewritten(marked: str) -> None:
    query, expected = case(marked)
    assert distinct_runs(query) == expected


def test_graph_and_service_groups_are_left_as_they_are() -> None:
    query = (
        "SELECT ?s { GRAPH ?g { ?s :p ?o OPTIONAL { ?o :q ?x } } SERVICE SILENT <x> { ?a ?b ?c } }"
    )
    assert distinct_runs(query) == query


@pytest.mark.parametrize(
    "pattern",
    [
        "?s :p _:b . _:b :q ?o",
        "?s :p [ :q ?o ]",
        "[] :p ?o",
        "?s :p ( 1 2 )",
        "?s :p/:q ?o",
        "?s :p|:q ?o",
        "?s ^:p ?o",
        "?s :p+ ?o",
        "?s :p? ?o",
        "?s !:p ?o",
    ],
)
def test_runs_with_blank_nodes_or_paths_are_left_as_they_are(pattern: str) -> None:
    query = f"SELECT * {{ {pattern} }}"
    assert distinct_runs(query) == query


def test_braces_and_keywords_in_strings_iris_and_comments_are_not_structure() -> None:
    query = (
        "SELECT ?s { # a } and an OPTIONAL {\n"
        "  ?s <http://x/OPTIONAL#FILTER> \"} FILTER {\" ; :p '''{\n}''' . # }\n}"
    )
    assert distinct_runs(query) == (
        "SELECT ?s { # a } and an OPTIONAL {\n"
        f'  {OPEN}?s <http://x/OPTIONAL#FILTER> "}} FILTER {{"{CLOSE}'
        f" LATERAL {OPEN}?s :p '''{{\n}}'''{CLOSE} # }}\n}}"
    )


@pytest.mark.parametrize(
    "query",
    [
        "SELECT DISTINCT ?s { ?s ?p ?o }",
        "ASK { ?s ?p ?o }",
        "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }",
        "DESCRIBE ?s WHERE { ?s ?p ?o }",
        "SELECT ?s (COUNT(DISTINCT ?o) AS ?n) (SAMPLE(?o) AS ?x) { ?s ?p ?o } GROUP BY ?s",
        "SELECT (MAX(?o) AS ?m) { ?s ?p ?o }",
    ],
)
def test_queries_whose_answer_cannot_show_a_duplicate_are_left_as_they_are(query: str) -> None:
    assert distinct_runs(query) == query


@pytest.mark.parametrize(
    "query",
    [
        "ASK { { SELECT (COUNT(*) AS ?n) { ?s ?p ?o } } FILTER(?n = 1) }",
        "SELECT DISTINCT ?s { { SELECT ?s { ?s ?p ?o } LIMIT 2 } }",
        "SELECT DISTINCT ?b { ?s ?p ?o BIND(BNODE() AS ?b) }",
        "SELECT ?s (GROUP_CONCAT(?o) AS ?all) { ?s ?p ?o } GROUP BY ?s",
    ],
)
def test_a_counted_or_limited_pattern_is_rewritten_under_any_form(query: str) -> None:
    assert OPEN in distinct_runs(query)


@pytest.mark.parametrize(
    "query",
    [
        "INSERT { ?s ?p ?o } WHERE { ?s ?p ?o }",
        "DELETE WHERE { ?s ?p ?o }",
        "CONSTRUCT WHERE { ?s ?p ?o . { SELECT (COUNT(*) AS ?n) { ?x ?y ?z } } }",
        "SELECT * { ?s ?p ?o FILTER(?o = '\\u0041') }",
        "SELECT * { ?s ?p ?o } }",  # not SPARQL: its own error is the one to report
        "SELECT * { ?s ?p ?o UNKNOWN }",
    ],
)
def test_updates_and_shapes_it_does_not_follow_are_left_as_they_are(query: str) -> None:
    assert distinct_runs(query) == query


# The same triples split over overlapping graphs, and merged into one default graph.
EX = "http://x/"
TRIPLES = {
    "g1": [("a", "p", "b"), ("a", "p", "c"), ("b", "q", "d"), ("c", "r", "e")],
    "g2": [("a", "p", "b"), ("b", "q", "d"), ("a", "q", "c")],
    "": [("a", "p", "b"), ("c", "r", "e")],
}
QUERIES = [
    "SELECT ?s ?o { ?s :p ?o }",
    "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }",
    "SELECT ?s ?x { ?s :p ?o OPTIONAL { ?o :q ?x } }",
    "SELECT ?s { { ?s :p ?o } UNION { ?s :q ?o } }",
    "SELECT ?s ?o { ?s :p ?o MINUS { ?o :q ?x } }",
    "SELECT ?s (COUNT(?o) AS ?n) { ?s :p ?o } GROUP BY ?s",
    "SELECT ?s ?o { ?s :p ?o FILTER EXISTS { GRAPH ?g { ?o :q ?x } } }",
    "SELECT * { ?s :p ?o . BIND(STR(?o) AS ?t) ?o ?q ?x }",
    "SELECT ?n { { SELECT (COUNT(*) AS ?n) { ?s :p ?o } } }",
    "SELECT * { ?s :p ?o OPTIONAL { ?o :q ?x } ?s ?p2 ?o2 }",
    "SELECT ?s { { ?s :p ?o } UNION { ?s :p ?o } }",  # each branch counts once
    "SELECT ?s ?o { VALUES ?s { :a :a } ?s :p ?o }",  # so does each row of VALUES
    "SELECT ?o (COUNT(*) AS ?n) { ?s :p ?o BIND(RAND() AS ?r) } GROUP BY ?o",
]


def _node(name: str) -> NamedNode:
    return NamedNode(EX + name)


@pytest.fixture(scope="module")
def split_and_merged() -> tuple[EmbeddedStore, OxigraphStore]:
    split, merged = EmbeddedStore(None), OxigraphStore()
    for graph, triples in TRIPLES.items():
        quads = [
            Quad(*map(_node, triple), _node(graph) if graph else DefaultGraph())
            for triple in triples
        ]
        split.update(f"INSERT DATA {{ {' '.join(_quad_text(quad) for quad in quads)} }}")
        merged.extend(quads)
        merged.extend(Quad(quad.subject, quad.predicate, quad.object) for quad in quads)
    return split, merged


def _quad_text(quad: Quad) -> str:
    triple = f"{quad.subject} {quad.predicate} {quad.object} ."
    return (
        triple if quad.graph_name == DefaultGraph() else f"GRAPH {quad.graph_name} {{ {triple} }}"
    )


def _rows(result: object) -> list[tuple[str, ...]]:
    assert isinstance(result, QuerySolutions)
    return sorted(tuple(str(row[v]) for v in result.variables) for row in result)


@pytest.mark.parametrize("query", QUERIES)
def test_the_union_answers_as_the_merged_graph_does(
    query: str, split_and_merged: tuple[EmbeddedStore, OxigraphStore]
) -> None:
    split, merged = split_and_merged
    text = f"PREFIX : <{EX}> {query}"
    assert _rows(split.query(text)) == _rows(merged.query(text))


def test_substitutions_reach_the_rewritten_runs(
    split_and_merged: tuple[EmbeddedStore, OxigraphStore],
) -> None:
    split, _ = split_and_merged
    query = f"SELECT ?s ?o {{ ?s <{EX}p> ?o }}"
    rows = _rows(split.query(query, substitutions={"o": _node("b")}))
    assert rows == [(str(_node("a")), str(_node("b")))]


def test_a_rewrite_the_engine_refuses_falls_back_to_the_query_as_written(
    monkeypatch: pytest.MonkeyPatch, split_and_merged: tuple[EmbeddedStore, OxigraphStore]
) -> None:
    monkeypatch.setattr(oxigraph, "distinct_runs", lambda query: "NOT SPARQL " + query)
    split, _ = split_and_merged
    assert _rows(split.query("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"))
    with pytest.raises(QueryError, match="1:11"):
        split.query("SELECT * {")
