"""`/queries`: the canned queries of `queries/`, listed, shown and run with parameters.

`GET /queries/{name}?param=value` binds the values as RDF terms (see `alliance_kg.queries`)
and answers like `/sparql`: negotiated by `Accept`, or fixed by a suffix on the name
(`/queries/pair-timeline.csv`), at most AKG_MAX_ROWS rows, within AKG_QUERY_TIMEOUT.
`GET /queries/{name}/text` (or `?_text=1`) answers the `.rq` source. A bad parameter is a
400 problem whose extra member `parameters` lists the names at fault. The files are read on
each request, so an edited query is served without a restart.
"""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, Field

from alliance_kg.api.errors import ProblemError
from alliance_kg.api.negotiation import negotiate
from alliance_kg.api.protocol import SPARQL_QUERY
from alliance_kg.api.results import (
    GRAPH_FORMATS,
    RESULTS_FORMATS,
    offered_formats,
    result_response,
    results_bound_to_thread,
)
from alliance_kg.api.sparql_text import query_form
from alliance_kg.queries import CannedQuery, QueryParameterError, load_queries, prepare
from alliance_kg.settings import Settings

router = APIRouter(tags=["Canned queries"])

TEXT_PARAM = "_text"


class QueryParamOut(BaseModel):
    name: str = Field(examples=["country"])
    type: str = Field(description="iri, string, integer, date or status", examples=["iri"])
    required: bool
    default: str | None = None
    description: str


class CannedQueryOut(BaseModel):
    name: str = Field(examples=["transfers-by-country"])
    title: str
    description: str
    params: list[QueryParamOut]
    url: str = Field(description="Where the query runs; pass parameters in the query string")
    text_url: str = Field(description="Where its SPARQL source is")


class QueryCatalogue(BaseModel):
    queries: list[CannedQueryOut]


@router.get("/queries", summary="List the canned queries", response_model=QueryCatalogue)
def list_queries(request: Request) -> QueryCatalogue:
    return QueryCatalogue(queries=[_describe(request, query) for query in load_queries().values()])


@router.get(
    "/queries/{name}/text",
    summary="The SPARQL source of a canned query",
    response_class=Response,
    responses={
        200: {"content": {SPARQL_QUERY: {}}},
        404: {"description": "No canned query has this name."},
    },
)
def query_source(name: str) -> Response:
    return _source(_find(name))


@router.get(
    "/queries/{name}",
    summary="Run a canned query",
    description="Parameters go in the query string, as the query's header declares them "
    "(see `GET /queries`). Results are negotiated by `Accept` as for `/sparql`, or fixed by a "
    "suffix on the name: `.json`, `.csv`, `.tsv`, `.xml` for SELECT; `.ttl`, `.nt`, "
    "`.jsonld`, `.rdf` for CONSTRUCT. `?_text=1` answers the SPARQL source instead.",
    response_class=Response,
    responses={
        200: {
            "description": "The results; `X-AKG-Truncated: true` when rows were cut at "
            "AKG_MAX_ROWS.",
            "content": {f.media_type: {} for f in (*RESULTS_FORMATS, *GRAPH_FORMATS)},
        },
        400: {"description": "Missing, unknown or malformed parameters, listed in `parameters`."},
        404: {"description": "No canned query has this name, or the suffix is not offered."},
        406: {"description": "None of the accepted media types can be produced."},
        503: {"description": "The query ran past AKG_QUERY_TIMEOUT, or the store is unreachable."},
    },
)
@results_bound_to_thread
def run_query(request: Request, name: str) -> Response:
    stem, _, suffix = name.partition(".")
    query = _find(stem)
    raw = _single_values(request)
    if raw.pop(TEXT_PARAM, None) not in (None, "", "0", "false"):
        return _source(query)
    form = query_form(query.text) or "SELECT"
    accept = _suffix_media_type(query, form, suffix) if suffix else request.headers.get("accept")
    negotiate(accept, offered_formats(form))  # a 406 costs no query
    try:
        prepared = prepare(query, raw)
    except QueryParameterError as error:
        raise ProblemError(400, str(error), parameters=list(error.names)) from error
    settings: Settings = request.app.state.settings
    result = request.app.state.store.query(
        prepared.text, substitutions=prepared.substitutions, timeout=settings.query_timeout
    )
    return result_response(result, accept, settings.max_rows)


def _find(name: str) -> CannedQuery:
    queries = load_queries()
    if name not in queries:
        raise ProblemError(
            404, f"There is no canned query named {name!r}; GET /queries lists them."
        )
    return queries[name]


def _source(query: CannedQuery) -> Response:
    return Response(query.text, media_type=f"{SPARQL_QUERY}; charset=utf-8")


def _describe(request: Request, query: CannedQuery) -> CannedQueryOut:
    return CannedQueryOut(
        name=query.name,
        title=query.title,
        description=query.description,
        params=[
            QueryParamOut(
                name=param.name,
                type=param.type.value,
                required=param.required,
                default=param.default,
                description=param.description,
            )
            for param in query.params
        ],
        url=str(request.url_for("run_query", name=query.name)),
        text_url=str(request.url_for("query_source", name=query.name)),
    )


def _single_values(request: Request) -> dict[str, str]:
    repeated = sorted(
        {key for key in request.query_params if len(request.query_params.getlist(key)) > 1}
    )
    if repeated:
        raise ProblemError(
            400, f"Give each parameter once; repeated: {', '.join(repeated)}.", parameters=repeated
        )
    return dict(request.query_params)


def _suffix_media_type(query: CannedQuery, form: str, suffix: str) -> str:
    """The media type a name suffix (`csv`, `ttl`...) stands for; 404 unless it is offered."""
    offered = offered_formats(form)
    for candidate in offered:
        if type(candidate).from_extension(suffix.lower()) == candidate:
            return candidate.media_type
    extensions = ", ".join(f".{candidate.file_extension}" for candidate in offered)
    raise ProblemError(
        404, f"{query.name} is not offered as .{suffix}; it is offered as {extensions}."
    )
