"""The store backends against one behaviour: embedded in memory, embedded on disk, and a
real Oxigraph server (started without `--union-default-graph`) through RemoteStore."""

from __future__ import annotations

import time
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

import pytest
from pyoxigraph import (
    BlankNode,
    CanonicalizationAlgorithm,
    Dataset,
    Literal,
    NamedNode,
    Quad,
    QueryBoolean,
    QuerySolutions,
    QueryTriples,
    RdfFormat,
    parse,
)

from alliance_kg.store.base import (
    QueryError,
    QueryTimeoutError,
    Store,
    StoreError,
    StoreUnavailable,
    Term,
)
from alliance_kg.store.factory import open_store
from alliance_kg.store.oxigraph import EmbeddedStore
from alliance_kg.store.remote import RemoteStore
from alliance_kg.store.syntax import bind_values
from servers import free_port, start_oxigraph_server

EX = "http://example.org/"
G1, G2 = EX + "graph/1", EX + "graph/2"
P = NamedNode(EX + "p")
TRICKY = 'x" } ; DROP ALL ; INSERT DATA { <a> <b> "c" }\n\t\\ end'


def quad(subject: str, value: str | Literal, graph: str) -> Quad:
    literal = value if isinstance(value, Literal) else Literal(value)
    return Quad(NamedNode(EX + subject), P, literal, NamedNode(graph))


def subjects(
    store: Store,
    sparql: str = "SELECT ?s WHERE { ?s ?p ?o }",
    *,
    substitutions: Mapping[str, Term] | None = None,
    default_graph_uris: Sequence[str] = (),
    named_graph_uris: Sequence[str] = (),
) -> set[str]:
    result = store.query(
        sparql,
        substitutions=substitutions,
        default_graph_uris=default_graph_uris,
        named_graph_uris=named_graph_uris,
    )
    assert isinstance(result, QuerySolutions)
    return {row["s"].value for row in result}


@pytest.fixture(scope="module")
def oxigraph_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with start_oxigraph_server(tmp_path_factory.mktemp("oxigraph")) as url:
        yield url


def remote_store(base_url: str, *, graph_store: bool = True) -> RemoteStore:
    return RemoteStore(
        f"{base_url}/query",
        update_url=f"{base_url}/update",
        store_url=f"{base_url}/store" if graph_store else None,
    )


@pytest.fixture(params=["memory", "disk", "remote"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param == "remote":
        opened: Store = remote_store(request.getfixturevalue("oxigraph_url"))
        opened.update("DROP ALL")
    else:
        opened = EmbeddedStore(tmp_path / "store" if request.param == "disk" else None)
    yield opened
    opened.close()


def test_default_graph_is_the_union_of_named_graphs(store: Store) -> None:
    store.replace_graph(G1, [quad("a", "1", G1)])
    store.replace_graph(G2, [quad("b", "2", G2)])
    assert subjects(store) == {EX + "a", EX + "b"}


def test_named_default_graph_replaces_the_union(store: Store) -> None:
    store.replace_graph(G1, [quad("a", "1", G1)])
    store.replace_graph(G2, [quad("b", "2", G2)])
    assert subjects(store, default_graph_uris=[G2]) == {EX + "b"}
    in_named = "SELECT ?s WHERE { GRAPH ?g { ?s ?p ?o } }"
    assert subjects(store, in_named, named_graph_uris=[G1]) == {EX + "a"}


def test_replacing_twice_keeps_only_the_new_content(store: Store) -> None:
    store.replace_graph(G1, [quad("old", "1", G1), quad("kept", "1", G1)])
    store.replace_graph(G1, [quad("new", "2", G1), quad("kept", "1", G1)])
    assert subjects(store) == {EX + "new", EX + "kept"}


def test_drop_graph_leaves_other_graphs_whole(store: Store) -> None:
    store.replace_graph(G1, [quad("a", "1", G1)])
    store.replace_graph(G2, [quad("b", "2", G2), quad("c", "3", G2)])
    assert store.drop_graph(G1) is True
    assert store.drop_graph(G1) is False
    assert subjects(store) == {EX + "b", EX + "c"}


def test_has_graph(store: Store) -> None:
    assert not store.has_graph(G1)
    store.replace_graph(G1, [quad("a", "1", G1)])
    assert store.has_graph(G1)
    assert not store.has_graph(G2)


def test_replace_graph_failing_midway_keeps_the_old_graph(store: Store) -> None:
    store.replace_graph(G1, [quad("old", "1", G1)])

    def failing() -> Iterator[Quad]:
        yield quad("new", "2", G1)
        raise ValueError("the mapping broke")

    with pytest.raises(ValueError, match="mapping broke"):
        store.replace_graph(G1, failing())
    with pytest.raises(StoreError, match="does not belong"):
        store.replace_graph(G1, [quad("new", "2", G1), quad("stray", "3", G2)])
    assert subjects(store) == {EX + "old"}


def test_substitutions_are_data_never_query_text(store: Store) -> None:
    store.replace_graph(G1, [quad("a", TRICKY, G1), quad("b", "plain", G1)])
    found = subjects(
        store, "SELECT ?s ?p ?o WHERE { ?s ?p ?o }", substitutions={"o": Literal(TRICKY), "p": P}
    )
    assert found == {EX + "a"}
    assert subjects(store) == {EX + "a", EX + "b"}  # nothing was dropped or inserted


def test_substitutions_bind_before_aggregation(store: Store) -> None:
    store.replace_graph(G1, [quad("a", "1", G1), quad("b", "2", G1), quad("c", "2", G1)])
    result = store.query(
        "SELECT ?o (COUNT(?s) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?o",
        substitutions={"o": Literal("2")},
    )
    assert isinstance(result, QuerySolutions)
    assert [(row["o"].value, row["n"].value) for row in result] == [("2", "2")]


@pytest.mark.parametrize("timeout", [None, 5.0])
def test_result_types(store: Store, timeout: float | None) -> None:
    store.replace_graph(
        G1, [quad("a", "1", G1), Quad(NamedNode(EX + "a"), P, BlankNode(), NamedNode(G1))]
    )
    select = store.query("SELECT ?s ?o ?missing WHERE { ?s ?p ?o } ORDER BY ?o", timeout=timeout)
    assert isinstance(select, QuerySolutions)
    assert [v.value for v in select.variables] == ["s", "o", "missing"]
    rows = list(select)
    assert len(rows) == 2
    assert rows[0]["missing"] is None
    assert isinstance(store.query("ASK { ?s ?p ?o }", timeout=timeout), QueryBoolean)
    assert bool(store.query("ASK { ?s ?p ?o }", timeout=timeout))
    assert not bool(store.query("ASK { ?s ?p <urn:nothing> }", timeout=timeout))
    construct = store.query("CONSTRUCT WHERE { ?s ?p ?o }", timeout=timeout)
    assert isinstance(construct, QueryTriples)
    assert {t.subject.value for t in construct} == {EX + "a"}


def test_syntax_error_names_the_position(store: Store) -> None:
    with pytest.raises(QueryError, match=r"1:\d+"):
        store.query("SELECT * WHERE { ?s ?p }")
    with pytest.raises(QueryError, match=r"1:\d+"):
        store.update("INSERT DATA { <urn:a> }")


def test_dump_then_load_round_trip(store: Store) -> None:
    node = BlankNode()
    store.replace_graph(
        G1, [quad("a", TRICKY, G1), Quad(NamedNode(EX + "a"), P, node, NamedNode(G1))]
    )
    store.replace_graph(G2, [quad("b", Literal("deux", language="fr"), G2)])
    copy = EmbeddedStore()
    copy.load(store.dump(RdfFormat.N_QUADS), RdfFormat.N_QUADS)
    original = canonical(store.dump(RdfFormat.N_QUADS), RdfFormat.N_QUADS)
    assert canonical(copy.dump(RdfFormat.TRIG), RdfFormat.TRIG) == original
    turtle = store.dump(RdfFormat.TURTLE, graph=G2)
    store.load(turtle, RdfFormat.TURTLE, graph=EX + "graph/3")
    assert subjects(store, default_graph_uris=[EX + "graph/3"]) == {EX + "b"}


def test_dump_of_a_missing_graph_is_empty(store: Store) -> None:
    assert store.dump(RdfFormat.N_TRIPLES, graph=G1) == b""


def test_update_starting_with_with(store: Store) -> None:
    store.replace_graph(G1, [quad("a", "1", G1), quad("b", "2", G1)])
    store.update(f"WITH <{G1}> DELETE {{ ?s ?p '1' }} WHERE {{ ?s ?p '1' }}")
    assert subjects(store) == {EX + "b"}


def canonical(data: bytes, fmt: RdfFormat) -> Dataset:
    dataset = Dataset(parse(data, fmt))
    dataset.canonicalize(CanonicalizationAlgorithm.UNSTABLE)
    return dataset


def test_embedded_query_stops_at_its_deadline() -> None:
    store = EmbeddedStore()
    store.replace_graph(G1, [quad(f"s{i}", str(i), G1) for i in range(300)])
    cross_product = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    for sparql in (cross_product, f"SELECT (COUNT(*) AS ?n) WHERE {{ {cross_product[17:]}"):
        started = time.monotonic()
        with pytest.raises(QueryTimeoutError, match="time limit"):
            store.query(sparql, timeout=0.2)
        assert time.monotonic() - started < 2


def test_embedded_store_persists_on_disk(tmp_path: Path) -> None:
    first = EmbeddedStore(tmp_path / "nested" / "store")
    first.replace_graph(G1, [quad("a", "1", G1)])
    first.close()
    del first
    assert subjects(EmbeddedStore(tmp_path / "nested" / "store")) == {EX + "a"}


def test_remote_without_graph_store_url_loads_and_dumps(oxigraph_url: str) -> None:
    store = remote_store(oxigraph_url, graph_store=False)
    store.update("DROP ALL")
    store.load(
        b'<http://example.org/a> <http://example.org/p> "1" .', RdfFormat.N_TRIPLES, graph=G1
    )
    store.replace_graph(G2, [quad("b", TRICKY, G2)])
    assert subjects(store) == {EX + "a", EX + "b"}
    through_queries = store.dump(RdfFormat.N_QUADS)
    through_graph_store = remote_store(oxigraph_url).dump(RdfFormat.N_QUADS)
    assert canonical(through_queries, RdfFormat.N_QUADS) == canonical(
        through_graph_store, RdfFormat.N_QUADS
    )
    assert b"example.org/b" in store.dump(RdfFormat.N_TRIPLES, graph=G2)


@pytest.mark.parametrize("projection", ["*", "(COUNT(*) AS ?n)"])
def test_remote_query_stops_at_its_deadline(oxigraph_url: str, projection: str) -> None:
    store = remote_store(oxigraph_url)
    store.update("DROP ALL")
    store.replace_graph(G1, [quad(f"s{i}", str(i), G1) for i in range(200)])
    started = time.monotonic()
    with pytest.raises(QueryTimeoutError, match="time limit"):
        store.query(f"SELECT {projection} WHERE {{ ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }}", timeout=0.3)
    assert time.monotonic() - started < 2


def test_remote_errors_carry_the_server_message(oxigraph_url: str) -> None:
    store = remote_store(oxigraph_url)
    with pytest.raises(QueryError) as caught:
        store.query("SELECT * WHERE { ?s ?p }")
    assert str(caught.value).startswith("HTTP 400: error at 1:")
    with pytest.raises(QueryError, match="not a query"):
        store.query("DROP ALL")


@pytest.mark.parametrize(
    ("sparql", "bound"),
    [
        (
            "PREFIX w: <http://e/where#WHERE>  # WHERE {\nSELECT ?where { ?s ?p ?where }",
            "SELECT ?where { VALUES (?x) { (<urn:x>) } ?s ?p ?where }",
        ),
        (
            "SELECT (EXISTS { ?s ?p '}' } AS ?e) WHERE { ?s ?p ?o }",
            "WHERE { VALUES (?x) { (<urn:x>) } ?s ?p ?o }",
        ),
        (
            "CONSTRUCT { ?s ?p ?o } { ?s ?p ?o }",
            "CONSTRUCT { ?s ?p ?o } { VALUES (?x) { (<urn:x>) } ?s ?p ?o }",
        ),
    ],
)
def test_bind_values_opens_the_where_group(sparql: str, bound: str) -> None:
    assert bound in bind_values(sparql, {"x": NamedNode("urn:x")})


@pytest.mark.parametrize(
    ("sparql", "name", "problem"),
    [
        ("CONSTRUCT WHERE { ?s ?p ?x }", "x", "short form"),
        ("DESCRIBE <urn:x>", "x", "no WHERE"),
        ("SELECT * { ?s ?p ?o }", "x } DROP ALL", "invalid variable name"),
    ],
)
def test_bind_values_refuses_what_it_cannot_bind(sparql: str, name: str, problem: str) -> None:
    with pytest.raises(QueryError, match=problem):
        bind_values(sparql, {name: NamedNode("urn:x")})


def test_remote_without_update_url_is_read_only(oxigraph_url: str) -> None:
    store = RemoteStore(f"{oxigraph_url}/query")
    assert isinstance(store.query("ASK {}"), QueryBoolean)
    with pytest.raises(StoreError, match="AKG_SPARQL_UPDATE_URL"):
        store.replace_graph(G1, [quad("a", "1", G1)])


def test_remote_that_nobody_answers_is_unavailable() -> None:
    store = RemoteStore(f"http://127.0.0.1:{free_port()}/query")
    with pytest.raises(StoreUnavailable):
        store.query("ASK {}", timeout=2)


def test_open_store_picks_the_backend(tmp_path: Path) -> None:
    embedded = open_store(path=tmp_path, query_url=None, update_url=None, user=None, password=None)
    assert embedded.name == "embedded"
    remote = open_store(
        path=tmp_path,
        query_url="http://127.0.0.1:1/query",
        update_url=None,
        user="reader",
        password="secret",
    )
    assert remote.name == "remote"
    assert isinstance(remote, RemoteStore)
