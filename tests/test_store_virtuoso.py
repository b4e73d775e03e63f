"""The SPARQL rewrites that let Virtuoso run updates and queries with their standard meaning."""

from __future__ import annotations

from alliance_kg.store.virtuoso import hide_graphs, virtuoso_update

STAND_IN = "urn:alliance-kg:default-graph"
DEFINE = f"DEFINE input:default-graph-uri <{STAND_IN}> "


def _rewrite(update: str, graphs: tuple[str, ...] = ("urn:g1", STAND_IN)) -> str:
    return virtuoso_update(update, default_graph=STAND_IN, graphs=lambda: graphs)


def test_the_stand_in_becomes_the_default_graph_of_every_update() -> None:
    assert _rewrite("CLEAR DEFAULT") == DEFINE + "CLEAR DEFAULT"


def test_insert_data_becomes_insert_where_so_blank_nodes_are_accepted() -> None:
    rewritten = _rewrite('INSERT DATA { _:b <urn:p> "INSERT DATA {}" }')
    assert rewritten == DEFINE + 'INSERT  { _:b <urn:p> "INSERT DATA {}" } WHERE {}'


def test_drop_all_and_named_list_the_graphs_and_named_spares_the_default() -> None:
    assert _rewrite("DROP ALL") == DEFINE + (
        f"DROP SILENT GRAPH <urn:g1> ;\nDROP SILENT GRAPH <{STAND_IN}>"
    )
    assert _rewrite("CLEAR SILENT NAMED") == DEFINE + "CLEAR SILENT GRAPH <urn:g1>"
    assert _rewrite("DROP NAMED", graphs=()) == DEFINE + "INSERT DATA {}"


def test_a_plain_drop_graph_is_made_silent() -> None:
    assert _rewrite("DROP GRAPH <urn:g1>") == DEFINE + "DROP SILENT GRAPH <urn:g1>"
    assert _rewrite("DROP SILENT GRAPH <urn:g1>") == DEFINE + "DROP SILENT GRAPH <urn:g1>"


def test_graph_variables_are_kept_off_hidden_graphs_and_named_graphs_untouched() -> None:
    query = "SELECT * { GRAPH ?g { ?s ?p ?o } GRAPH <urn:g1> { ?s ?p ?x } }"
    assert hide_graphs(query, [STAND_IN]) == (
        f"SELECT * {{ GRAPH ?g {{ ?s ?p ?o }} FILTER (?g NOT IN (<{STAND_IN}>)) "
        "GRAPH <urn:g1> { ?s ?p ?x } }"
    )


def test_nested_graph_patterns_each_get_their_filter_inside_their_group() -> None:
    query = "SELECT * { GRAPH ?g { GRAPH $h { ?s ?p ?o } } }"
    assert hide_graphs(query, ["urn:x"]) == (
        "SELECT * { GRAPH ?g { GRAPH $h { ?s ?p ?o } FILTER ($h NOT IN (<urn:x>)) } "
        "FILTER (?g NOT IN (<urn:x>)) }"
    )
