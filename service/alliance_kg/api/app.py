"""`create_app(settings, store, ingestor, index)`: the HTTP service, with no global state.

Everything a handler needs is on `app.state`: `settings`, `store`, `ingestor` (None in
a read-only deployment) and `index`, the read index behind the REST read paths (without
one they answer 503; give the ingestor the same index, so that it stays in step). Errors
are `application/problem+json` (see `errors`); responses to SELECT/CONSTRUCT cut at
AKG_MAX_ROWS carry `X-AKG-Truncated: true`.
"""

from __future__ import annotations

from fastapi import FastAPI
from starlette.middleware.cors import CORSMiddleware

from alliance_kg import __version__
from alliance_kg.api import (
    articles,
    entities,
    events,
    graph_store,
    queries,
    resources,
    sparql,
    stats,
    update,
)
from alliance_kg.api.errors import install_problem_handlers
from alliance_kg.api.ports import Ingestor
from alliance_kg.api.results import TRUNCATED_HEADER
from alliance_kg.api.schemas import Health
from alliance_kg.api.security import BodyLimitMiddleware
from alliance_kg.index import ReadIndex
from alliance_kg.settings import Settings
from alliance_kg.store.base import Store

DESCRIPTION = """
A knowledge graph of alliance defence-policy events extracted from news, with provenance
and modality.

* `/sparql`: SPARQL 1.1 Query (GET, or POST as a form or `application/sparql-query`); the
  default graph is the union of all named graphs. A GET without `query` answers the Service
  Description. Results are negotiated by `Accept`; at most AKG_MAX_ROWS rows are sent, and
  `X-AKG-Truncated: true` says when more were cut. SERVICE may only call allow-listed IRIs.
* `/update`: SPARQL 1.1 Update; `/store`: the Graph Store Protocol (`?graph=IRI`, or
  `?default` for the store's own default graph, which is *not* the union).
* Writes (`/update`, PUT/POST/DELETE `/store`, POST/DELETE `/articles`) need
  `Authorization: Bearer <AKG_API_TOKEN>`; when no token is configured they answer 403.
* Every error is an `application/problem+json` document: `type`, `title`, `status`, `detail`.
"""


def create_app(
    settings: Settings,
    store: Store,
    ingestor: Ingestor | None = None,
    index: ReadIndex | None = None,
) -> FastAPI:
    """The FastAPI application serving `store`; `ingestor` enables POST/DELETE /articles,
    `index` the REST read paths (/entities, /events, /stats, VoID)."""
    app = FastAPI(title="alliance-kg", version=__version__, description=DESCRIPTION)
    app.state.settings = settings
    app.state.store = store
    app.state.ingestor = ingestor
    app.state.index = index
    install_problem_handlers(app)
    for module in (sparql, update, graph_store, articles, queries, entities, events):
        app.include_router(module.router)

    @app.get("/health", tags=["Service"], summary="Liveness, and the store behind it")
    def health() -> Health:
        return Health(status="ok", store=store.name, version=__version__)

    for module in (resources, stats):
        app.include_router(module.router)

    app.add_middleware(BodyLimitMiddleware, max_body_bytes=settings.max_body_bytes)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "HEAD", "POST", "PUT", "DELETE"],
            allow_headers=["Accept", "Authorization", "Content-Type"],
            expose_headers=["Location", TRUNCATED_HEADER],
            allow_credentials=False,
        )
    return app
