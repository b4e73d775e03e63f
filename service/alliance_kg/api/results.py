"""Query results as an HTTP response: the negotiated format, at most `max_rows` rows.

SELECT and ASK answer SPARQL JSON (the default), XML, CSV or TSV; CONSTRUCT and DESCRIBE
answer Turtle (the default), N-Triples, JSON-LD or RDF/XML. Every byte is written by
pyoxigraph's serialisers. When a result has more rows than the cap, the first `max_rows`
are sent with the header `X-AKG-Truncated: true`.
"""

from __future__ import annotations

import functools
import traceback
from collections.abc import Callable
from itertools import islice
from typing import ParamSpec, TypeVar

from fastapi import Response
from pyoxigraph import QueryBoolean, QueryResultsFormat, QuerySolutions, RdfFormat, serialize

from alliance_kg.api.negotiation import negotiate
from alliance_kg.iris import AK, AKR
from alliance_kg.store.base import QueryError, QueryResult
from alliance_kg.store.results import solutions_from_rows

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
_P = ParamSpec("_P")
_R = TypeVar("_R")


def results_bound_to_thread(handler: Callable[_P, _R]) -> Callable[_P, _R]:
    """Wrap a sync handler that holds pyoxigraph results, which only their thread may drop.

    When the handler fails, the finished frames of the exception's traceback (and of its
    causes) still hold the results; they are cleared here, in the worker thread, before the
    exception is handed to the event loop.
    """

    @functools.wraps(handler)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        try:
            return handler(*args, **kwargs)
        except Exception as error:
            chained: BaseException | None = error
            seen: set[int] = set()
            while chained is not None and id(chained) not in seen:
                seen.add(id(chained))
                traceback.clear_frames(chained.__traceback__)
                chained = chained.__cause__ or chained.__context__
            raise

    return wrapper


def offered_formats(form: str) -> tuple[QueryResultsFormat, ...] | tuple[RdfFormat, ...]:
    """The formats offered for a query form (SELECT, ASK, CONSTRUCT, DESCRIBE)."""
    return GRAPH_FORMATS if form in ("CONSTRUCT", "DESCRIBE") else RESULTS_FORMATS


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
            variables = result.variables
            rows = list(islice(result, max_rows + 1))
            cells = (tuple(row[variable] for variable in variables) for row in rows[:max_rows])
            body = solutions_from_rows(variables, cells).serialize(format=results_format)
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
