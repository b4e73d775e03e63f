"""`/articles`: ingest (token), list, read and delete (token) articles.

Reads are SPARQL over the store with values bound through `substitutions`, never pasted
into the text. Ingestion is injected (`app.state.ingestor`): without one, writes answer 503.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response
from pyoxigraph import Literal, NamedNode, QuerySolution, QuerySolutions

from alliance_kg import iris, vocab
from alliance_kg.api.article_queries import EVENTS, LIST, LIST_FILTERS, MENTIONS, METADATA
from alliance_kg.api.errors import ProblemError
from alliance_kg.api.ports import Ingestor
from alliance_kg.api.results import results_bound_to_thread
from alliance_kg.api.schemas import (
    ArticleDetail,
    ArticleEvent,
    ArticlePage,
    ArticlePayload,
    ArticleSummary,
    IngestResult,
    MentionOut,
    StoredEventOut,
)
from alliance_kg.api.security import require_token
from alliance_kg.reading import (
    ArticleTooLargeError,
    EmptyArticleError,
    InvalidDateError,
    ReadingError,
    read_payload,
)
from alliance_kg.settings import Settings
from alliance_kg.store.base import Store, Term

router = APIRouter(tags=["Articles"])

_READING_STATUS: list[tuple[type[ReadingError], int]] = [
    (ArticleTooLargeError, 413),
    (EmptyArticleError, 422),
    (InvalidDateError, 422),
    (ReadingError, 400),
]


async def json_body(request: Request) -> Any:
    try:
        return json.loads(await request.body())
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ProblemError(400, f"The body is not valid JSON: {error}") from error


def _ingestor(request: Request) -> Ingestor:
    ingestor: Ingestor | None = request.app.state.ingestor
    if ingestor is None:
        raise ProblemError(503, "This deployment is read-only: no ingestion is configured.")
    return ingestor


@router.post(
    "/articles",
    summary="Ingest one article",
    status_code=201,
    response_model=IngestResult,
    dependencies=[Depends(require_token)],
    responses={
        200: {"model": IngestResult, "description": "The same text was already stored."},
        201: {"description": "The article was stored; `Location` is its URL."},
        400: {"description": "The body is not a JSON object of the documented fields."},
        413: {"description": "The article or the body is too large."},
        422: {"description": "The article has no text, or a date that does not parse."},
        503: {"description": "No ingestion is configured (read-only deployment)."},
    },
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": ArticlePayload.model_json_schema()}},
        }
    },
)
def ingest_article(
    response: Response,
    payload: Annotated[Any, Depends(json_body)],
    ingestor: Annotated[Ingestor, Depends(_ingestor)],
) -> IngestResult:
    if not isinstance(payload, dict):
        raise ProblemError(400, "The body must be a JSON object with a 'text' field.")
    try:
        article = read_payload(payload)
    except ReadingError as error:
        status = next(code for kind, code in _READING_STATUS if isinstance(error, kind))
        raise ProblemError(status, str(error)) from error
    report = ingestor.ingest(article)
    response.status_code = 201 if report.created else 200
    response.headers["Location"] = f"/articles/{report.article_id}"
    events = [
        StoredEventOut(iri=event.iri, type=iris.AK + event.type.value, type_name=event.type.value)
        for event in report.events
    ]
    return IngestResult(
        id=report.article_id,
        iri=report.iri,
        graph=report.graph,
        created=report.created,
        events=events,
    )


@router.get("/articles", summary="List articles, newest first", response_model=ArticlePage)
@results_bound_to_thread
def list_articles(
    request: Request,
    limit: Annotated[int, Query(ge=1, le=500)] = 50,
    offset: Annotated[int, Query(ge=0)] = 0,
    publisher: Annotated[str | None, Query(description="Exact publisher name")] = None,
    published_from: Annotated[date | None, Query(description="Earliest date")] = None,
    published_to: Annotated[date | None, Query(description="Latest date")] = None,
) -> ArticlePage:
    wanted: dict[str, Term] = {}
    if publisher is not None:
        wanted["publisher"] = Literal(publisher)
    for name, day in (("published_from", published_from), ("published_to", published_to)):
        if day is not None:
            wanted[name] = Literal(day.isoformat(), datatype=vocab.XSD_DATE)
    variables = [LIST_FILTERS[name][0] for name in wanted]
    sparql = LIST.format(
        bound=" ".join(f"?{variable}" for variable in variables),
        filters="\n  ".join(LIST_FILTERS[name][1] for name in wanted),
        limit=limit,
        offset=offset,
    )
    substitutions = dict(zip(variables, wanted.values(), strict=True))
    articles = [
        ArticleSummary(
            id=row["article"].value.removeprefix(iris.AKR + "article/"),
            iri=row["article"].value,
            title=_text(row, "title"),
            publisher=_text(row, "publisher"),
            published=_date(row),
            events=int(row["events"].value),
        )
        for row in _select(request, sparql, substitutions)
    ]
    return ArticlePage(articles=articles, limit=limit, offset=offset)


@router.get(
    "/articles/{article_id}",
    summary="Read one article with its events and their evidence",
    response_model=ArticleDetail,
    responses={404: {"description": "No article has this id."}},
)
@results_bound_to_thread
def read_article(request: Request, article_id: str) -> ArticleDetail:
    try:
        article = NamedNode(iris.article_iri(article_id))
    except ValueError as error:  # not an id this service could have minted
        raise _no_such_article(article_id) from error
    graph = NamedNode(iris.article_graph(article_id))
    metadata = next(iter(_select(request, METADATA, {"article": article})), None)
    if metadata is None:
        raise _no_such_article(article_id)
    bound = {"article": article, "graph": graph}
    events: dict[str, ArticleEvent] = {}
    for row in _select(request, EVENTS, bound):
        event = events.setdefault(
            row["event"].value, ArticleEvent(iri=row["event"].value, types=[], mentions=[])
        )
        if row["type"].value not in event.types:
            event.types.append(row["type"].value)
        event.status = _text(row, "status") or event.status
        event.negated = event.negated or row["negated"] is not None
    for row in _select(request, MENTIONS, bound):
        if (event := events.get(row["event"].value)) is not None:
            event.mentions.append(_mention(row))
    return ArticleDetail(
        id=article_id,
        iri=article.value,
        graph=graph.value,
        title=_text(metadata, "title"),
        publisher=_text(metadata, "publisher"),
        published=_date(metadata),
        url=_text(metadata, "url"),
        text=_text(metadata, "text"),
        events=list(events.values()),
    )


@router.delete(
    "/articles/{article_id}",
    summary="Delete an article (its graph, and nothing else)",
    status_code=204,
    response_class=Response,
    dependencies=[Depends(require_token)],
    responses={404: {"description": "No article has this id."}},
)
def delete_article(article_id: str, ingestor: Annotated[Ingestor, Depends(_ingestor)]) -> Response:
    if not ingestor.delete(article_id):
        raise _no_such_article(article_id)
    return Response(status_code=204)


def _no_such_article(article_id: str) -> ProblemError:
    return ProblemError(404, f"There is no article with id {article_id!r}.")


def _select(request: Request, sparql: str, substitutions: dict[str, Term]) -> list[QuerySolution]:
    settings: Settings = request.app.state.settings
    store: Store = request.app.state.store
    solutions = store.query(sparql, substitutions=substitutions, timeout=settings.query_timeout)
    assert isinstance(solutions, QuerySolutions)
    return list(solutions)


def _mention(row: QuerySolution) -> MentionOut:
    return MentionOut(
        text=row["text"].value,
        start=int(row["start"].value),
        end=int(row["end"].value),
        status=_text(row, "status"),
        status_cue=_text(row, "cue"),
        attribution=_text(row, "attribution"),
    )


def _text(row: QuerySolution, name: str) -> str | None:
    term = row[name]
    return None if term is None else term.value


def _date(row: QuerySolution) -> date | None:
    published = row["published"]
    try:
        return None if published is None else date.fromisoformat(published.value)
    except ValueError:
        return None
