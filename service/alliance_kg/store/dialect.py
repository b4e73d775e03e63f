"""What differs between SPARQL servers, and how RemoteStore smooths it over.

A store learns its server's dialect once, from the `Server` header of a GET on its query
URL. Servers not recognised are spoken to as standard SPARQL 1.1 (Fuseki, GraphDB);
Oxigraph is standard SPARQL 1.1 that also reads `LATERAL`. Virtuoso 7 differs, and is handled so:

- union default graph: already the union, but of its own graphs too (`virtrdf#`, `ldp#`,
  its service description). They cannot be hidden per query (Virtuoso's
  `DEFINE input:default-graph-exclude` breaks `GRAPH <iri>` patterns); the server hides
  them from anonymous queries once they are made private
  (`scripts/virtuoso-private-graphs.sql`). `dump` and `DROP ALL` leave them out in any case.
  Standard servers get `union-default-graph=true` (Oxigraph's switch; others ignore it).
- no writable default graph: the named graph `VIRTUOSO_DEFAULT_GRAPH` stands in for it in
  updates, loads and dumps (see `virtuoso_update`); queries see it in the union, and
  `GRAPH ?g` sees it too.
- one update request is not one transaction: each operation commits on its own, so
  `replace_graph` writes to a staging graph, then moves it (see `remote`).
- INSERT DATA: its parser gives up near 4,000 triples (requests of 1,000 quads), and
  refuses blank nodes (`INSERT {} WHERE {}` takes them: see `writes`).
- CONSTRUCT answers come as a SPARQL results table unless N-Triples is asked for alone.
- SPARQL JSON results: blank nodes come as `nodeID://b1`, booleans as `1`/`0`, and ASK
  answers as a table of one `__ASK_RETVAL` row (true) or none; all normalised here.
  Language tags come lower-cased, as pyoxigraph writes them too.
- its Graph Store serves one graph at a time, not whole datasets.

Only Oxigraph reads `LATERAL` (SEP-0006); every other server gets queries with the keyword
removed (`syntax.without_lateral`), which the canned queries are written to allow.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

XSD_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"
VIRTUOSO_SYSTEM_GRAPHS = (
    "http://www.openlinksw.com/schemas/virtrdf#",
    "http://www.w3.org/ns/ldp#",
)
# Virtuoso keeps its service description in a graph named after its own endpoint.
SERVICE_DESCRIPTION_GRAPHS = """
SELECT DISTINCT ?g WHERE {
  GRAPH ?g { ?g a <http://www.w3.org/ns/sparql-service-description#Service> }
}
"""
_VIRTUOSO_BOOLEANS = {"1": "true", "0": "false"}
VIRTUOSO_DEFAULT_GRAPH = "urn:alliance-kg:default-graph"
VIRTUOSO_ASK_VARIABLE = "__ASK_RETVAL"  # Virtuoso answers ASK as a table: one row "1", or none


@dataclass(frozen=True)
class Dialect:
    """How to speak to one kind of server."""

    name: str
    union_parameter: bool = True  # send `union-default-graph=true` with union queries
    atomic_requests: bool = True  # one update request is one transaction
    blank_nodes_in_insert_data: bool = True
    insert_batch: int = 10_000  # quads per INSERT request
    system_graphs: tuple[str, ...] = ()  # the server's own graphs, left out of dumps
    graph_store_datasets: bool = True  # its Graph Store takes and gives whole datasets
    default_graph: str | None = None  # the named graph standing in for the default graph
    lateral: bool = False  # reads `LATERAL { ... }` (SEP-0006)

    def normalise_results(self, body: bytes, media_type: str) -> bytes:
        """SPARQL JSON results as the standard writes them (Virtuoso's quirks undone)."""
        if self.name != "virtuoso" or media_type != "application/sparql-results+json":
            return body
        results = json.loads(body)
        rows = results.get("results", {}).get("bindings", [])
        if results.get("head", {}).get("vars") == [VIRTUOSO_ASK_VARIABLE]:
            answer = any(row[VIRTUOSO_ASK_VARIABLE]["value"] != "0" for row in rows)
            return json.dumps({"head": {}, "boolean": answer}).encode()
        for row in rows:
            for term in row.values():
                _normalise_virtuoso_term(term)
        return json.dumps(results).encode()


STANDARD = Dialect("standard")
OXIGRAPH = Dialect("oxigraph", lateral=True)


def virtuoso_dialect(service_description_graphs: Iterable[str]) -> Dialect:
    """Virtuoso 7, whose own graphs include its service description graphs."""
    return Dialect(
        "virtuoso",
        union_parameter=False,
        atomic_requests=False,
        blank_nodes_in_insert_data=False,
        insert_batch=1_000,
        system_graphs=(*VIRTUOSO_SYSTEM_GRAPHS, *sorted(service_description_graphs)),
        graph_store_datasets=False,
        default_graph=VIRTUOSO_DEFAULT_GRAPH,
    )


def is_oxigraph(server_header: str) -> bool:
    """Whether a `Server` header names Oxigraph (`Oxigraph/0.5.13`)."""
    return server_header.lower().startswith("oxigraph")


def is_virtuoso(server_header: str) -> bool:
    """Whether a `Server` header names Virtuoso."""
    return server_header.lower().startswith("virtuoso")


def _normalise_virtuoso_term(term: dict[str, str]) -> None:
    if term.get("type") == "bnode":
        term["value"] = term["value"].removeprefix("nodeID://")
    elif term.get("datatype") == XSD_BOOLEAN:
        term["value"] = _VIRTUOSO_BOOLEANS.get(term["value"], term["value"])
