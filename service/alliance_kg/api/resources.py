"""`/resource/{path}`: every `akr:` IRI dereferences, as Turtle, JSON-LD or HTML by `Accept`.

An entity, event, article or mention is described by its own triples (a bounded
single-subject lookup on the store); a graph (`/resource/graph/...`) by its content.
`?format=ttl|jsonld|html` overrides `Accept` (links in the HTML page use it). JSON-LD
points to the published context, `/context.jsonld`, in its `@context` and a `Link` header.
"""

from __future__ import annotations

import json
from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from fastapi.responses import FileResponse
from pyoxigraph import NamedNode, QuerySolutions, RdfFormat, serialize
from pyoxigraph import Triple as RdfTriple

from alliance_kg.api.errors import ProblemError
from alliance_kg.api.negotiation import negotiate
from alliance_kg.api.rdf_views import CONTEXT_FILE, context_prefixes, to_html, to_json_ld
from alliance_kg.api.results import TRUNCATED_HEADER, results_bound_to_thread
from alliance_kg.iris import AKR
from alliance_kg.settings import Settings
from alliance_kg.store.base import Store

router = APIRouter(tags=["Resources"])

JSON_LD_MEDIA_TYPE = "application/ld+json"
MAX_TRIPLES = 10_000
CONTEXT_REL = "http://www.w3.org/ns/json-ld#context"

_DESCRIBE = f"SELECT DISTINCT ?s ?p ?o WHERE {{ ?s ?p ?o }} LIMIT {MAX_TRIPLES + 1}"
_GRAPH = f"SELECT ?g ?s ?p ?o WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }} LIMIT {MAX_TRIPLES + 1}"


class Html:
    """HTML as a negotiable format, beside pyoxigraph's RDF formats."""

    media_type = "text/html"

    @classmethod
    def from_media_type(cls, media_type: str) -> Html | None:
        return HTML if media_type.lower() in ("text/html", "application/xhtml+xml") else None


HTML = Html()
OFFERED: tuple[RdfFormat | Html, ...] = (RdfFormat.TURTLE, RdfFormat.JSON_LD, HTML)
BY_NAME: dict[str, RdfFormat | Html] = {
    "ttl": RdfFormat.TURTLE,
    "jsonld": RdfFormat.JSON_LD,
    "html": HTML,
}


@router.get(
    "/context.jsonld",
    summary="The JSON-LD context of every JSON-LD answer",
    response_class=FileResponse,
    responses={200: {"content": {JSON_LD_MEDIA_TYPE: {}}}},
)
def json_ld_context() -> FileResponse:
    return FileResponse(CONTEXT_FILE, media_type=JSON_LD_MEDIA_TYPE)


@router.get(
    "/resource/{path:path}",
    summary="Dereference an akr: IRI",
    response_class=Response,
    responses={
        200: {
            "description": f"Its triples; `{TRUNCATED_HEADER}: true` past {MAX_TRIPLES}.",
            "content": {"text/turtle": {}, JSON_LD_MEDIA_TYPE: {}, "text/html": {}},
        },
        404: {"description": "No triple describes this IRI."},
        406: {"description": "None of the accepted media types can be produced."},
    },
)
@results_bound_to_thread
def dereference(
    request: Request,
    path: str,
    format: Annotated[str | None, Query(description="ttl, jsonld or html")] = None,
) -> Response:
    if format is not None and format not in BY_NAME:
        raise ProblemError(
            400,
            f"Parameter 'format': {format!r} is not one of ttl, jsonld, html",
            parameters=["format"],
        )
    chosen = BY_NAME[format] if format else negotiate(request.headers.get("accept"), OFFERED)
    iri = AKR + path
    try:
        node = NamedNode(iri)
    except ValueError as error:
        raise _not_found(path) from error
    triples = _describe(request, node, graph=path.startswith("graph/"))
    if not triples:
        raise _not_found(path)
    headers = {"Vary": "Accept"}
    if len(triples) > MAX_TRIPLES:
        triples = triples[:MAX_TRIPLES]
        headers[TRUNCATED_HEADER] = "true"
    if chosen is HTML:
        self_url = str(request.url.remove_query_params("format"))
        alternates = {"Turtle": f"{self_url}?format=ttl", "JSON-LD": f"{self_url}?format=jsonld"}
        return Response(to_html(iri, triples, alternates), media_type="text/html", headers=headers)
    if chosen == RdfFormat.JSON_LD:
        context_url = str(request.url_for("json_ld_context"))
        headers["Link"] = f'<{context_url}>; rel="{CONTEXT_REL}"; type="{JSON_LD_MEDIA_TYPE}"'
        body = json.dumps(to_json_ld(triples, context_url), ensure_ascii=False, indent=1)
        return Response(body, media_type=JSON_LD_MEDIA_TYPE, headers=headers)
    turtle = serialize(triples, format=RdfFormat.TURTLE, prefixes=context_prefixes())
    return Response(turtle, media_type="text/turtle", headers=headers)


def _describe(request: Request, node: NamedNode, *, graph: bool) -> list[RdfTriple]:
    """The triples with `node` as subject, or, for a graph IRI, the graph's content."""
    store: Store = request.app.state.store
    settings: Settings = request.app.state.settings
    sparql, bound = (_GRAPH, "g") if graph else (_DESCRIBE, "s")
    rows = store.query(sparql, substitutions={bound: node}, timeout=settings.query_timeout)
    assert isinstance(rows, QuerySolutions)
    triples = [RdfTriple(row["s"], row["p"], row["o"]) for row in rows]
    if graph and not triples:  # a graph with no quads may still be described by triples
        return _describe(request, node, graph=False)
    return sorted(set(triples), key=str)


def _not_found(path: str) -> ProblemError:
    return ProblemError(404, f"Nothing is known of {AKR + path!r}.")
