"""Reading the graphs the index is built from, over SPARQL: any Store will do."""

from __future__ import annotations

from pyoxigraph import NamedNode, QuerySolutions

from alliance_kg import iris, vocab
from alliance_kg.index.rows import Triple
from alliance_kg.store.base import Store

_GRAPH_TRIPLES = "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }"
_ARTICLE_GRAPHS = f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?article a {vocab.Article} }} }}"


def graph_triples(store: Store, graph: str) -> list[Triple]:
    """Every triple of the named graph `graph`."""
    solutions = store.query(_GRAPH_TRIPLES, substitutions={"g": NamedNode(graph)})
    assert isinstance(solutions, QuerySolutions)
    return [(row["s"], row["p"], row["o"]) for row in solutions]


def holds_article(triples: list[Triple]) -> bool:
    """Whether a graph's triples make it an article graph (as `stored_article_ids` reads it)."""
    return any(p == vocab.RDF_TYPE and o == vocab.Article for _, p, o in triples)


def stored_article_ids(store: Store) -> list[str]:
    """The ids of the articles whose graphs the store holds, sorted."""
    solutions = store.query(_ARTICLE_GRAPHS)
    assert isinstance(solutions, QuerySolutions)
    graphs = [row["g"].value for row in solutions if row["g"] is not None]
    return sorted(filter(None, map(iris.article_id_of_graph, graphs)))
