"""`GET, POST /sparql`: SPARQL 1.1 Query over HTTP, per the SPARQL 1.1 Protocol.

The default graph is the union of the graphs unless `default-graph-uri`, `named-graph-uri` or
the query's FROM and FROM NAMED name the dataset; relative IRIs resolve against the endpoint's
URL.
A GET without `query` answers the Service Description. Handlers are plain `def`s, so a long
query runs in the thread pool and never blocks the event loop.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response
from pyoxigraph import serialize

from alliance_kg.api.errors import ProblemError
from alliance_kg.api.negotiation import negotiate
from alliance_kg.api.protocol import (
    FORM,
    SPARQL_QUERY,
    ProtocolRequest,
    query_from_url,
    read_operation,
)
from alliance_kg.api.results import (
    GRAPH_FORMATS,
    PREFIXES,
    RESULTS_FORMATS,
    offered_formats,
    result_response,
    results_bound_to_thread,
)
from alliance_kg.api.security import guard_network_access
from alliance_kg.api.service_description import SD, named_graphs, service_description
from alliance_kg.api.sparql_text import looks_like_update, query_form
from alliance_kg.settings import Settings
from alliance_kg.store.base import QueryError, Store

router = APIRouter(tags=["SPARQL"])

_RESULT_MEDIA_TYPES = [f.media_type for f in (*RESULTS_FORMATS, *GRAPH_FORMATS)]
_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "SELECT/ASK results (JSON by default) or a CONSTRUCT/DESCRIBE graph "
        "(Turtle by default), by `Accept`. `X-AKG-Truncated: true` when rows were cut at "
        "AKG_MAX_ROWS.",
        "content": {media_type: {} for media_type in _RESULT_MEDIA_TYPES},
    },
    400: {"description": "A malformed request, or a query with a syntax error."},
    403: {"description": "SERVICE to an endpoint that is not allow-listed."},
    406: {"description": "None of the accepted media types can be produced."},
    503: {"description": "The query ran past AKG_QUERY_TIMEOUT, or the store is unreachable."},
}
_DATASET_PARAMETERS = [
    {
        "name": name,
        "in": "query",
        "required": False,
        "schema": {"type": "array", "items": {"type": "string", "format": "uri"}},
        "description": description,
    }
    for name, description in (
        ("default-graph-uri", "A graph to use as the default graph (repeatable)."),
        ("named-graph-uri", "A graph available to GRAPH (repeatable)."),
    )
]


async def read_query(request: Request) -> ProtocolRequest:
    return await read_operation(request, "query")


@router.get(
    "/sparql",
    summary="Run a SPARQL query (or read the Service Description)",
    responses=_RESPONSES,
    openapi_extra={
        "parameters": [
            {
                "name": "query",
                "in": "query",
                "required": False,
                "schema": {"type": "string"},
                "description": "The SPARQL query; without it, the Service Description "
                "(Turtle by default) is answered.",
            },
            *_DATASET_PARAMETERS,
        ]
    },
)
@results_bound_to_thread
def query_with_get(request: Request) -> Response:
    operation = query_from_url(request.query_params)
    if operation is None:
        return _describe_service(request)
    return _run(request, operation)


@router.post(
    "/sparql",
    summary="Run a SPARQL query sent in the body",
    responses=_RESPONSES,
    openapi_extra={
        "parameters": _DATASET_PARAMETERS,
        "requestBody": {
            "required": True,
            "content": {
                FORM: {
                    "schema": {
                        "type": "object",
                        "properties": {
                            "query": {"type": "string"},
                            "default-graph-uri": {"type": "array", "items": {"type": "string"}},
                            "named-graph-uri": {"type": "array", "items": {"type": "string"}},
                        },
                        "required": ["query"],
                    }
                },
                SPARQL_QUERY: {"schema": {"type": "string"}},
            },
        },
    },
)
@results_bound_to_thread
def query_with_post(
    request: Request, operation: Annotated[ProtocolRequest, Depends(read_query)]
) -> Response:
    return _run(request, operation)


def _run(request: Request, operation: ProtocolRequest) -> Response:
    settings: Settings = request.app.state.settings
    guard_network_access(operation.text, settings.service_allowlist, update=False)
    accept = request.headers.get("accept")
    if (form := query_form(operation.text)) is not None:
        negotiate(accept, offered_formats(form))  # a 406 costs no query
    base_iri = str(request.url.replace(query=""))
    return _answer(request.app.state.store, operation, accept, settings, base_iri)


def _answer(
    store: Store,
    operation: ProtocolRequest,
    accept: str | None,
    settings: Settings,
    base_iri: str,
) -> Response:
    """Run the query and serialise its results.

    Kept apart from the guard's frame: rdflib's parser leaves that frame referenced, and a
    frame holding pyoxigraph results must not outlive its thread.
    """
    try:
        result = store.query(
            operation.text,
            default_graph_uris=operation.default_graph_uris,
            named_graph_uris=operation.named_graph_uris,
            timeout=settings.query_timeout,
            base_iri=base_iri,
        )
    except QueryError as error:
        if looks_like_update(operation.text):
            raise ProblemError(
                400, "This is a SPARQL Update; /sparql only runs queries: POST it to /update."
            ) from error
        raise
    return result_response(result, accept, settings.max_rows)


def _describe_service(request: Request) -> Response:
    settings: Settings = request.app.state.settings
    graph_format = negotiate(request.headers.get("accept"), GRAPH_FORMATS)
    triples = service_description(
        str(request.url.replace(query="")),
        named_graphs(request.app.state.store, settings.query_timeout),
        federation=bool(settings.service_allowlist),
    )
    body = serialize(triples, format=graph_format, prefixes={**PREFIXES, "sd": SD})
    return Response(body, media_type=graph_format.media_type, headers={"Vary": "Accept"})
