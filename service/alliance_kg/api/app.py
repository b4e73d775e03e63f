"""`create_app(settings, store, ingestor)`: the HTTP service, with no global state.

Everything a handler needs is on `app.state`: `settings`, `store`, and `ingestor` (None in
a read-only deployment). Errors are `application/problem+json` (see `errors`); responses
to SELECT/CONSTRUCT cut at AKG_MAX_ROWS carry `X-AKG-Truncated: true`.
"""

from __future__ import annotations

from fastapi import FastAPI
from starlette.middleware.cors import CORSMiddleware

from alliance_kg import __version__
from alliance_kg.api import articles, graph_store, queries, sparql, update
from alliance_kg.api.errors import install_problem_handlers
from alliance_kg.api.ports import Ingestor
from alliance_kg.api.results import TRUNCATED_HEADER
from alliance_kg.api.schemas import Health
from alliance_kg.api.security import BodyLimitMiddleware
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


def create_app(settings: Settings, store: Store, ingestor: Ingestor | None = None) -> FastAPI:
    """The FastAPI application serving `store`; `ingestor` enables POST/DELETE /articles."""
    app = FastAPI(title="alliance-kg", version=__version__, description=DESCRIPTION)
    app.state.settings = settings
    app.state.store = store
    app.state.ingestor = ingestor
    install_problem_handlers(app)
    for module in (sparql, update, graph_store, articles, queries):
        app.include_router(module.router)

    @app.get("/health", tags=["Service"], summary="Liveness, and the store behind it")
    def health() -> Health:
        return Health(status="ok", store=store.name, version=__version__)

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
