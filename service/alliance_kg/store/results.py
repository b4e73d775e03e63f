"""pyoxigraph result objects rebuilt from buffered rows or triples.

pyoxigraph cannot construct `QuerySolutions` or `QueryTriples` from Python values, and
its results may only be read by the thread that made them. When results had to be
buffered (a query evaluated under a deadline in a worker thread, a remote server's
answer), these helpers give the caller fresh objects of the same types.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from pyoxigraph import (
    Quad,
    QueryResultsFormat,
    QuerySolutions,
    QueryTriples,
    Store,
    Triple,
    Variable,
    parse_query_results,
)

from alliance_kg.store.base import Term


def solutions_from_rows(
    variables: Sequence[Variable], rows: Iterable[Sequence[Term | None]]
) -> QuerySolutions:
    """Solutions over `variables`, one per row; `None` leaves a variable unbound.

    Rows travel as SPARQL TSV, whose cells are terms in N-Triples form: lossless.
    """
    header = "\t".join(str(variable) for variable in variables)
    lines = ["\t".join("" if term is None else str(term) for term in row) for row in rows]
    text = "\n".join([header, *lines]) + "\n"
    results = parse_query_results(text, QueryResultsFormat.TSV)
    assert isinstance(results, QuerySolutions)
    return results


def query_triples(triples: Iterable[Triple]) -> QueryTriples:
    """The triples as a `QueryTriples` (as a CONSTRUCT would return them; duplicates merge)."""
    scratch = Store()
    scratch.extend(Quad(triple.subject, triple.predicate, triple.object) for triple in triples)
    results = scratch.query("CONSTRUCT WHERE { ?s ?p ?o }")
    assert isinstance(results, QueryTriples)
    return results
