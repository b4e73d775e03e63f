"""The store backends against one behaviour: embedded in memory, embedded on disk, and
two real servers through RemoteStore: Oxigraph (started without `--union-default-graph`)
and Virtuoso 7 (with its own system graphs, per-operation commits, a parser limit on
INSERT DATA and its JSON quirks)."""

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
from servers import SERVER_KINDS, Endpoints, free_port, start_sparql_server

EX = "http://example.org/"
G1, G2 = EX + "graph/1", EX + "graph/2"
P = NamedNode(EX + "p")
TRICKY = 'x" } ; DROP ALL ; INSERT DATA { <a> <b> "c" }\n\t\\ end'
XSD = "http://www.w3.org/2001/XMLSchema#"


def quad(subject: str, value: str | Literal, graph: str) -> Quad:
    literal = value if isinstance(value, Literal) else Literal(value)
    return Quad(NamedNode(EX + subject), P, literal, NamedNode(graph))


# Virtuoso's union default graph holds its own graphs too: tests look at theirs only.
OURS = f"FILTER(STRSTARTS(STR(?s), '{EX}'))"


def subjects(
    store: Store,
    sparql: str = f"SELECT ?s WHERE {{ ?s ?p ?o {OURS} }}",
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
def oxigraph_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Endpoints]:
    with start_sparql_server("oxigraph", tmp_path_factory.mktemp("oxigraph")) as endpoints:
        yield endpoints


@pytest.fixture(scope="module")
def virtuoso_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Endpoints]:
    with start_sparql_server("virtuoso", tmp_path_factory.mktemp("virtuoso")) as endpoints:
        yield endpoints


@pytest.fixture(scope="module")
def oxigraph_url(oxigraph_server: Endpoints) -> str:
    return oxigraph_server.query_url.removesuffix("/query")


def remote_store(base_url: str, *, graph_store: bool = True) -> RemoteStore:
    return RemoteStore(
        f"{base_url}/query",
        update_url=f"{base_url}/update",
        store_url=f"{base_url}/store" if graph_store else None,
    )


def graphs(store: Store) -> set[str]:
    """The graphs holding our quads (and staging graphs left behind, if any)."""
    result = store.query(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o {OURS} }} }}")
    assert isinstance(result, QuerySolutions)
    return {row["g"].value for row in result}


def emptied(store: Store) -> Store:
    """`store` with every graph dropped (never `DROP ALL`: Virtuoso keeps itself in graphs)."""
    for graph in graphs(store):
        store.drop_graph(graph)
    return store


@pytest.fixture(params=["memory", "disk", *SERVER_KINDS])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    if request.param in SERVER_KINDS:
        endpoints: Endpoints = request.getfixturevalue(f"{request.param}_server")
        opened: Store = emptied(endpoints.store())
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
        f"SELECT ?o (COUNT(?s) AS ?n) WHERE {{ ?s ?p ?o {OURS} }} GROUP BY ?o",
        substitutions={"o": Literal("2")},
    )
    assert isinstance(result, QuerySolutions)
    assert [(row["o"].value, row["n"].value) for row in result] == [("2", "2")]


@pytest.mark.parametrize("timeout", [None, 5.0])
def test_result_types(store: Store, timeout: float | None) -> None:
    store.replace_graph(
        G1, [quad("a", "1", G1), Quad(NamedNode(EX + "a"), P, BlankNode(), NamedNode(G1))]
    )
    select = store.query(
        f"SELECT ?s ?o ?missing WHERE {{ ?s ?p ?o {OURS} }} ORDER BY ?o", timeout=timeout
    )
    assert isinstance(select, QuerySolutions)
    assert [v.value for v in select.variables] == ["s", "o", "missing"]
    rows = list(select)
    assert len(rows) == 2
    assert rows[0]["missing"] is None
    assert isinstance(store.query("ASK { ?s ?p ?o }", timeout=timeout), QueryBoolean)
    assert bool(store.query("ASK { ?s ?p ?o }", timeout=timeout))
    assert not bool(store.query("ASK { ?s ?p <urn:nothing> }", timeout=timeout))
    construct = store.query(
        f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o {OURS} }}", timeout=timeout
    )
    assert isinstance(construct, QueryTriples)
    assert {t.subject.value for t in construct} == {EX + "a"}


def test_syntax_error_names_the_position(store: Store) -> None:
    # Oxigraph says "1:24", Virtuoso "line 1" (its prologue of DEFINEs stays on line 1).
    with pytest.raises(QueryError, match=r"1:\d+|line 1:"):
        store.query("SELECT * WHERE { ?s ?p }")
    with pytest.raises(QueryError, match=r"1:\d+|line 1:"):
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


def test_dump_leaves_out_the_servers_own_graphs(store: Store) -> None:
    store.replace_graph(G1, [quad("a", "1", G1)])
    dumped = canonical(store.dump(RdfFormat.N_QUADS), RdfFormat.N_QUADS)
    assert {q.graph_name for q in dumped} == {NamedNode(G1)}


def test_a_write_the_server_refuses_keeps_the_old_graph(store: Store) -> None:
    """Virtuoso refuses "x"^^xsd:integer after earlier requests of the write succeeded."""
    store.replace_graph(G1, [quad("old", "1", G1)])
    new = [quad(f"n{i}", str(i), G1) for i in range(2500)]
    bad = quad("bad", Literal("x", datatype=NamedNode(XSD + "integer")), G1)
    try:
        store.replace_graph(G1, [*new, bad])
    except QueryError:
        assert subjects(store) == {EX + "old"}
        assert graphs(store) == {G1}  # no staging graph left behind
    else:  # Oxigraph keeps ill-typed literals as they are
        assert len(subjects(store)) == 2501


def test_a_graph_too_big_for_one_request_is_replaced_whole(store: Store) -> None:
    store.replace_graph(G1, [quad("old", "1", G1)])
    store.replace_graph(G1, [quad(f"n{i}", TRICKY, G1) for i in range(5000)])
    assert len(subjects(store)) == 5000
    assert graphs(store) == {G1}


@pytest.mark.parametrize(
    "value",
    [
        Literal("2024-04-10", datatype=NamedNode(XSD + "date")),
        Literal("2023-12", datatype=NamedNode(XSD + "gYearMonth")),
        Literal("2023", datatype=NamedNode(XSD + "gYear")),
        Literal("42", datatype=NamedNode(XSD + "integer")),
        Literal(True),
        Literal(False),
        Literal("plain"),
        Literal("Hallo", language="de-DE"),
    ],
)
def test_literals_come_back_as_written(store: Store, value: Literal) -> None:
    store.replace_graph(G1, [quad("a", value, G1)])
    rows = store.query(f"SELECT ?o WHERE {{ GRAPH <{G1}> {{ ?s ?p ?o }} }}")
    assert isinstance(rows, QuerySolutions)
    assert [row["o"] for row in rows] == [value]
    found = subjects(store, f"SELECT ?s WHERE {{ ?s ?p {value} {OURS} }}")
    assert found == {EX + "a"}


def test_blank_nodes_load_and_join(store: Store) -> None:
    data = f"""
        <{EX}a> <{EX}p> _:shared <{G1}> .
        _:shared <{EX}q> "deep" <{G1}> .
        <{EX}b> <{EX}p> _:other <{G1}> .
    """
    store.load(data.encode(), RdfFormat.N_QUADS)
    rows = store.query(f"SELECT ?s ?o WHERE {{ ?s <{EX}p> ?b . ?b <{EX}q> ?o }}")
    assert isinstance(rows, QuerySolutions)
    assert [(row["s"].value, row["o"].value) for row in rows] == [(EX + "a", "deep")]


def test_the_dialect_is_learnt_from_the_server(
    oxigraph_server: Endpoints, virtuoso_server: Endpoints
) -> None:
    oxigraph = oxigraph_server.store().dialect()
    assert (oxigraph.name, oxigraph.lateral) == ("oxigraph", True)
    virtuoso = virtuoso_server.store().dialect()
    assert (virtuoso.name, virtuoso.lateral) == ("virtuoso", False)
    assert "http://www.openlinksw.com/schemas/virtrdf#" in virtuoso.system_graphs
    assert virtuoso.default_graph == "urn:alliance-kg:default-graph"


def test_virtuoso_updates_need_the_right_digest_credentials(virtuoso_server: Endpoints) -> None:
    for user, password, auth in [("dba", "wrong", "digest"), ("dba", "dba", "basic")]:
        store = RemoteStore(
            virtuoso_server.query_url,
            update_url=virtuoso_server.update_url,
            user=user,
            password=password,
            auth=auth,  # type: ignore[arg-type]
        )
        with pytest.raises(StoreUnavailable, match="HTTP 401"):
            store.update(f"INSERT DATA {{ GRAPH <{G1}> {{ <{EX}refused> <{EX}p> 1 }} }}")
    assert not virtuoso_server.store().query(f"ASK {{ <{EX}refused> ?p ?o }}")
