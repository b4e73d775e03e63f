"""`POST /update`: SPARQL 1.1 Update over HTTP; needs the bearer token.

`using-graph-uri` and `using-named-graph-uri` set the dataset of its DELETE/INSERT operations
(see `update_dataset`); relative IRIs resolve against the endpoint's URL. The read index
re-reads the graphs the update names, or everything when they cannot be known (see
`update_targets`).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response

from alliance_kg.api.errors import ProblemError
from alliance_kg.api.index_sync import reindex_written
from alliance_kg.api.protocol import FORM, SPARQL_UPDATE, ProtocolRequest, read_operation
from alliance_kg.api.security import guard_network_access, require_token
from alliance_kg.api.sparql_text import looks_like_update
from alliance_kg.api.update_dataset import with_protocol_dataset
from alliance_kg.api.update_targets import written_graphs
from alliance_kg.settings import Settings
from alliance_kg.store.base import QueryError, Store

router = APIRouter(tags=["SPARQL"])


async def read_update(request: Request) -> ProtocolRequest:
    return await read_operation(request, "update")


@router.post(
    "/update",
    summary="Apply a SPARQL Update",
    status_code=204,
    response_class=Response,
    dependencies=[Depends(require_token)],
    responses={
        204: {"description": "The update was applied."},
        400: {"description": "A malformed request, or an update with a syntax error."},
        401: {"description": "The bearer token is missing or wrong."},
        403: {"description": "Writes are disabled, or LOAD/SERVICE to a non-listed IRI."},
    },
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                FORM: {
                    "schema": {
                        "type": "object",
                        "properties": {"update": {"type": "string"}},
                        "required": ["update"],
                    }
                },
                SPARQL_UPDATE: {"schema": {"type": "string"}},
            },
        }
    },
)
def update(
    request: Request, operation: Annotated[ProtocolRequest, Depends(read_update)]
) -> Response:
    settings: Settings = request.app.state.settings
    store: Store = request.app.state.store
    guard_network_access(operation.text, settings.service_allowlist, update=True)
    text = with_protocol_dataset(
        operation.text, operation.default_graph_uris, operation.named_graph_uris
    )
    base_iri = str(request.url.replace(query=""))
    try:
        store.update(text, base_iri=base_iri)
    except QueryError as error:
        if not looks_like_update(operation.text):
            raise ProblemError(
                400, f"This is not a SPARQL Update ({error}); queries go to /sparql."
            ) from error
        raise
    reindex_written(request, written_graphs(text, base_iri))
    return Response(status_code=204)
