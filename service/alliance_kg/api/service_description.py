"""The SPARQL 1.1 Service Description answered by a GET on /sparql without a query."""

from __future__ import annotations

from collections.abc import Sequence

from pyoxigraph import BlankNode, NamedNode, QuerySolutions, Triple

from alliance_kg.api.results import GRAPH_FORMATS, RESULTS_FORMATS
from alliance_kg.store.base import Store

SD = "http://www.w3.org/ns/sparql-service-description#"
RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")

_NAMED_GRAPHS = "SELECT DISTINCT ?graph WHERE { GRAPH ?graph { } } ORDER BY ?graph"


def _sd(local_name: str) -> NamedNode:
    return NamedNode(SD + local_name)


def named_graphs(store: Store, timeout: float) -> list[str]:
    """The IRIs of the store's named graphs, sorted."""
    solutions = store.query(_NAMED_GRAPHS, timeout=timeout)
    assert isinstance(solutions, QuerySolutions)
    return [row["graph"].value for row in solutions if isinstance(row["graph"], NamedNode)]


def service_description(endpoint: str, graphs: Sequence[str], *, federation: bool) -> list[Triple]:
    """The description of the query service at `endpoint` whose dataset holds `graphs`.

    `federation` says whether SERVICE may call out at all (some prefixes are allow-listed).
    """
    service, dataset, default_graph = BlankNode(), BlankNode(), BlankNode()
    features = [_sd("UnionDefaultGraph")] + ([_sd("BasicFederatedQuery")] if federation else [])
    triples = [
        Triple(service, RDF_TYPE, _sd("Service")),
        Triple(service, _sd("endpoint"), NamedNode(endpoint)),
        Triple(service, _sd("supportedLanguage"), _sd("SPARQL11Query")),
        *(Triple(service, _sd("feature"), feature) for feature in features),
        *(
            Triple(service, _sd("resultFormat"), NamedNode(result_format.iri))
            for result_format in (*RESULTS_FORMATS, *GRAPH_FORMATS)
        ),
        Triple(service, _sd("defaultDataset"), dataset),
        Triple(dataset, RDF_TYPE, _sd("Dataset")),
        Triple(dataset, _sd("defaultGraph"), default_graph),
        Triple(default_graph, RDF_TYPE, _sd("Graph")),
    ]
    for graph in graphs:
        named_graph = BlankNode()
        triples += [
            Triple(dataset, _sd("namedGraph"), named_graph),
            Triple(named_graph, RDF_TYPE, _sd("NamedGraph")),
            Triple(named_graph, _sd("name"), NamedNode(graph)),
        ]
    return triples
