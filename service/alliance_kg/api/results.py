"""Query results as an HTTP response: the negotiated format, at most `max_rows` rows.

SELECT and ASK answer SPARQL JSON (the default), XML, CSV or TSV; CONSTRUCT and DESCRIBE
answer Turtle (the default), N-Triples, JSON-LD or RDF/XML. Every byte is written by
pyoxigraph's serialisers. When a result has more rows than the cap, the first `max_rows`
are sent with the header `X-AKG-Truncated: true`.
"""

from __future__ import annotations

import json
from itertools import islice

from fastapi import Response
from pyoxigraph import (
    BlankNode,
    Literal,
    NamedNode,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolution,
    QuerySolutions,
    RdfFormat,
    Triple,
    parse_query_results,
    serialize,
)

from alliance_kg.api.negotiation import negotiate
from alliance_kg.iris import AK, AKR
from alliance_kg.store.base import QueryError, QueryResult

RESULTS_FORMATS = (
    QueryResultsFormat.JSON,
    QueryResultsFormat.XML,
    QueryResultsFormat.CSV,
    QueryResultsFormat.TSV,
)
GRAPH_FORMATS = (RdfFormat.TURTLE, RdfFormat.N_TRIPLES, RdfFormat.JSON_LD, RdfFormat.RDF_XML)
TRUNCATED_HEADER = "X-AKG-Truncated"
PREFIXES = {
    "ak": AK,
    "akr": AKR,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "dcterms": "http://purl.org/dc/terms/",
}
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


def result_response(result: QueryResult, accept: str | None, max_rows: int) -> Response:
    """Serialise `result` in the format `accept` prefers; 406 when it accepts none offered."""
    headers = {"Vary": "Accept"}
    try:
        if isinstance(result, QueryBoolean):
            results_format = negotiate(accept, RESULTS_FORMATS)
            body = result.serialize(format=results_format)
            return Response(body, media_type=results_format.media_type, headers=headers)
        if isinstance(result, QuerySolutions):
            results_format = negotiate(accept, RESULTS_FORMATS)
            variables = [variable.value for variable in result.variables]
            rows = list(islice(result, max_rows + 1))
            capped = _solutions(variables, rows[:max_rows])
            body = capped.serialize(format=results_format)
            media_type = results_format.media_type
        else:
            graph_format = negotiate(accept, GRAPH_FORMATS)
            rows = list(islice(result, max_rows + 1))
            body = serialize(rows[:max_rows], format=graph_format, prefixes=PREFIXES)
            media_type = graph_format.media_type
    except OSError as error:  # raised by pyoxigraph while evaluating lazily
        raise QueryError(f"The query failed while it was evaluated: {error}") from error
    if len(rows) > max_rows:
        headers[TRUNCATED_HEADER] = "true"
    return Response(body, media_type=media_type, headers=headers)


def _solutions(variables: list[str], rows: list[QuerySolution]) -> QuerySolutions:
    """Rebuild a solution sequence from collected rows (via SPARQL JSON, which loses nothing)."""
    bindings = [
        {name: _term_json(row[name]) for name in variables if row[name] is not None} for row in rows
    ]
    document = {"head": {"vars": variables}, "results": {"bindings": bindings}}
    solutions = parse_query_results(json.dumps(document), QueryResultsFormat.JSON)
    assert isinstance(solutions, QuerySolutions)
    return solutions


def _term_json(term: object) -> dict[str, object]:
    """A term in the SPARQL 1.1 JSON results form (with RDF 1.2 triple terms)."""
    if isinstance(term, NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, Literal):
        encoded: dict[str, object] = {"type": "literal", "value": term.value}
        if term.language is not None:
            encoded["xml:lang"] = term.language
        elif term.datatype.value not in (_XSD_STRING, _RDF_LANG_STRING):
            encoded["datatype"] = term.datatype.value
        return encoded
    if isinstance(term, Triple):
        parts = {"subject": term.subject, "predicate": term.predicate, "object": term.object}
        return {"type": "triple", "value": {key: _term_json(part) for key, part in parts.items()}}
    raise TypeError(f"not an RDF term: {term!r}")
