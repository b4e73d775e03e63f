"""`/store`: the SPARQL 1.1 Graph Store HTTP Protocol, with indirect graph identification.

`?graph=IRI` names a named graph; `?default` names the store's own default graph, which
is *not* the union that /sparql queries by default: the contract keeps every triple in a
named graph, so it is normally empty. Reads are open; PUT, POST and DELETE need the token.
A graph below /store (`/store/people/1`) is named by its own URL (direct identification).
Bodies are Turtle, N-Triples, JSON-LD or RDF/XML, by their Content-Type, or several of them
in one `multipart/form-data` body (see `rdf_body`). Every write to a named graph is followed
into the read index.
"""

from __future__ import annotations

from typing import Annotated, Any
from uuid import uuid4

from fastapi import APIRouter, Depends, Request, Response
from pyoxigraph import DefaultGraph, NamedNode, Quad, RdfFormat, Triple, parse, serialize

from alliance_kg.api.errors import ProblemError
from alliance_kg.api.index_sync import reindex_written
from alliance_kg.api.negotiation import negotiate
from alliance_kg.api.rdf_body import GRAPH_MEDIA_TYPES, MULTIPART, body_triples
from alliance_kg.api.results import GRAPH_FORMATS, PREFIXES
from alliance_kg.api.security import require_token
from alliance_kg.iris import AKR
from alliance_kg.store.base import Store

router = APIRouter(tags=["Graph Store"])

UPLOADED_GRAPH_PREFIX = AKR + "graph/upload/"
DIRECT = "/store/{path:path}"  # direct identification: the request URL names the graph
_PARAMETERS = [
    {
        "name": "graph",
        "in": "query",
        "required": False,
        "schema": {"type": "string", "format": "uri"},
        "description": "The IRI of the named graph.",
    },
    {
        "name": "default",
        "in": "query",
        "required": False,
        "allowEmptyValue": True,
        "schema": {"type": "string"},
        "description": "Present (no value) to name the store's own default graph, "
        "not the union of the named graphs.",
    },
]
_BODY = {
    "required": True,
    "content": {media_type: {} for media_type in [*GRAPH_MEDIA_TYPES, MULTIPART]},
}
_READ_RESPONSES: dict[int | str, dict[str, Any]] = {
    200: {"content": {media_type: {} for media_type in GRAPH_MEDIA_TYPES}},
    404: {"description": "The named graph is empty or missing."},
    406: {"description": "None of the accepted media types can be produced."},
}


async def request_body(request: Request) -> bytes:
    return await request.body()


@router.get(DIRECT, include_in_schema=False)
@router.get(
    "/store",
    summary="Read a graph",
    responses=_READ_RESPONSES,
    openapi_extra={"parameters": _PARAMETERS},
)
def read_graph(request: Request) -> Response:
    graph_format, body = _read(request)
    return Response(body, media_type=graph_format.media_type, headers={"Vary": "Accept"})


@router.head(DIRECT, include_in_schema=False)
@router.head(
    "/store",
    summary="Check a graph",
    responses=_READ_RESPONSES,
    openapi_extra={"parameters": _PARAMETERS},
)
def check_graph(request: Request) -> Response:
    graph_format, body = _read(request)
    headers = {"Vary": "Accept", "Content-Length": str(len(body))}
    return Response(media_type=graph_format.media_type, headers=headers)


@router.put(DIRECT, include_in_schema=False)
@router.put(
    "/store",
    summary="Replace a graph",
    status_code=204,
    response_class=Response,
    dependencies=[Depends(require_token)],
    responses={201: {"description": "The graph was created."}, 204: {"description": "Replaced."}},
    openapi_extra={"parameters": _PARAMETERS, "requestBody": _BODY},
)
def replace_graph(request: Request, body: Annotated[bytes, Depends(request_body)]) -> Response:
    store: Store = request.app.state.store
    graph = _target(request)
    triples = _parse_triples(request, body, graph)
    if graph is None:
        store.update(f"DROP SILENT DEFAULT ;\nINSERT DATA {{\n{_ntriples(triples)}}}")
        return Response(status_code=204)
    existed = store.has_graph(graph)
    store.replace_graph(graph, (Quad(*triple, NamedNode(graph)) for triple in triples))
    reindex_written(request, [graph])
    return Response(status_code=204 if existed else 201)


@router.post(DIRECT, include_in_schema=False)
@router.post(
    "/store",
    summary="Add to a graph, or create a new one when no graph is named",
    status_code=204,
    response_class=Response,
    dependencies=[Depends(require_token)],
    responses={
        201: {"description": "A graph was created; a new one's IRI is in `Location`."},
        204: {"description": "The triples were merged into the graph."},
    },
    openapi_extra={"parameters": _PARAMETERS, "requestBody": _BODY},
)
def merge_into_graph(request: Request, body: Annotated[bytes, Depends(request_body)]) -> Response:
    store: Store = request.app.state.store
    creating = not ({"graph", "default", "path"} & {*request.query_params, *request.path_params})
    graph = UPLOADED_GRAPH_PREFIX + uuid4().hex if creating else _target(request)
    triples = _parse_triples(request, body, graph)
    if graph is None:
        store.update(f"INSERT DATA {{\n{_ntriples(triples)}}}")
        return Response(status_code=204)
    existed = not creating and store.has_graph(graph)
    store.load(_ntriples(triples).encode(), RdfFormat.N_TRIPLES, graph=graph)
    reindex_written(request, [graph])
    if creating:
        return Response(status_code=201, headers={"Location": graph})
    return Response(status_code=204 if existed else 201)


@router.delete(DIRECT, include_in_schema=False)
@router.delete(
    "/store",
    summary="Delete a graph",
    status_code=204,
    response_class=Response,
    dependencies=[Depends(require_token)],
    responses={404: {"description": "The named graph is empty or missing."}},
    openapi_extra={"parameters": _PARAMETERS},
)
def delete_graph(request: Request) -> Response:
    store: Store = request.app.state.store
    graph = _target(request)
    if graph is None:
        store.update("CLEAR SILENT DEFAULT")
    elif not store.drop_graph(graph):
        raise ProblemError(404, f"There is no graph <{graph}>.")
    else:
        reindex_written(request, [graph])
    return Response(status_code=204)


def _target(request: Request) -> str | None:
    """The named graph's IRI, or None for `?default`; 400 unless exactly one graph is named.

    A graph is named by `?graph=IRI`, by `?default`, or (direct identification) by the
    request URL itself when it is below /store.
    """
    graphs = request.query_params.getlist("graph")
    naming_default = "default" in request.query_params
    if "path" in request.path_params:
        if graphs or naming_default:
            raise ProblemError(400, "A graph below /store is named by its URL: drop the query.")
        graphs = [str(request.url.replace(query=""))]
    if naming_default == bool(graphs) or len(graphs) > 1:
        raise ProblemError(400, "Name one graph: either '?default' or one '?graph=IRI'.")
    if naming_default:
        return None
    try:
        return NamedNode(graphs[0]).value
    except ValueError as error:
        raise ProblemError(400, f"The graph {graphs[0]!r} is not an IRI: {error}") from error


def _read(request: Request) -> tuple[RdfFormat, bytes]:
    store: Store = request.app.state.store
    graph = _target(request)
    graph_format = negotiate(request.headers.get("accept"), GRAPH_FORMATS)
    if graph is not None:
        if not store.has_graph(graph):
            raise ProblemError(404, f"There is no graph <{graph}>.")
        return graph_format, store.dump(graph_format, graph=graph)
    everything = parse(store.dump(RdfFormat.N_QUADS), RdfFormat.N_QUADS)
    triples = [quad.triple for quad in everything if isinstance(quad.graph_name, DefaultGraph)]
    return graph_format, serialize(triples, format=graph_format, prefixes=PREFIXES)


def _parse_triples(request: Request, body: bytes, graph: str | None) -> list[Triple]:
    """The body's triples; relative IRIs resolve against the graph's IRI (or the request URL)."""
    content_type = request.headers.get("content-type", "")
    return body_triples(content_type, body, base_iri=graph or str(request.url))


def _ntriples(triples: list[Triple]) -> str:
    return serialize(triples, format=RdfFormat.N_TRIPLES).decode()
