"""What keeps the service safe to expose: the write token, the outbound-call guard, the body limit.

- `require_token`: writes need `Authorization: Bearer <AKG_API_TOKEN>`; 403 when no token is set.
- `guard_network_access`: SERVICE and LOAD are refused unless their target IRI starts with a
  prefix of `AKG_SERVICE_ALLOWLIST`, before the store sees the text, so nothing is contacted.
- `BodyLimitMiddleware`: a 413 problem when a body is, or says it is, over `AKG_MAX_BODY_BYTES`.
"""

from __future__ import annotations

import hmac
from collections.abc import Iterator, Sequence

from fastapi import Request
from pyparsing import ParseResults
from rdflib.plugins.sparql.algebra import translateQuery, translateUpdate
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.term import Node, URIRef
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from alliance_kg.api.errors import ProblemError, problem_response
from alliance_kg.api.sparql_text import mentions_network_keyword
from alliance_kg.settings import Settings


def require_token(request: Request) -> None:
    """Dependency of every write: 403 when no token is configured, 401 without the right one."""
    settings: Settings = request.app.state.settings
    if settings.api_token is None:
        raise ProblemError(403, "Writes are disabled: AKG_API_TOKEN is not set on this server.")
    scheme, _, credentials = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not credentials.strip():
        raise ProblemError(
            401,
            "This request writes and needs the header 'Authorization: Bearer <token>'.",
            headers={"WWW-Authenticate": 'Bearer realm="alliance-kg"'},
        )
    if not hmac.compare_digest(credentials.strip().encode(), settings.api_token.encode()):
        raise ProblemError(
            401,
            "The bearer token is not valid.",
            headers={"WWW-Authenticate": 'Bearer realm="alliance-kg", error="invalid_token"'},
        )


def guard_network_access(sparql: str, allowlist: Sequence[str], *, update: bool) -> None:
    """Refuse (403) a query or update whose SERVICE or LOAD target is not allow-listed.

    A cheap lexical scan clears the common case; text that mentions SERVICE or LOAD is
    parsed with rdflib and every target checked. Text rdflib cannot parse is refused, since
    its targets cannot be known.
    """
    if not mentions_network_keyword(sparql):
        return
    try:
        tree = (
            translateUpdate(parseUpdate(sparql)) if update else translateQuery(parseQuery(sparql))
        )
    except Exception as error:  # whatever the failure, the targets are unknown
        raise ProblemError(
            403,
            "SERVICE and LOAD are only allowed to listed endpoints, and the targets of this "
            f"request could not be verified: {error}",
        ) from error
    for target in _network_targets(tree.algebra):
        if not (isinstance(target, URIRef) and str(target).startswith(tuple(allowlist))):
            raise ProblemError(
                403,
                f"Calling {target.n3() if isinstance(target, Node) else target} from SPARQL is "
                "not allowed: SERVICE and LOAD may only call IRIs listed in AKG_SERVICE_ALLOWLIST.",
            )


def _network_targets(tree: object) -> Iterator[object]:
    """The SERVICE and LOAD targets anywhere in an rdflib algebra tree (IRIs or variables)."""
    pending = [tree]
    while pending:
        node = pending.pop()
        if isinstance(node, CompValue):
            if node.name == "ServiceGraphPattern":
                yield node.get("term")
            elif node.name == "Load":
                yield node.get("iri")
            pending.extend(node.values())
        elif isinstance(node, dict):
            pending.extend(node.values())
        elif isinstance(node, list | tuple | set | frozenset | ParseResults):
            pending.extend(node)


class BodyLimitMiddleware:
    """ASGI middleware: 413 when Content-Length, or the bytes actually received, pass the limit."""

    def __init__(self, app: ASGIApp, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    def _too_large(self) -> ProblemError:
        return ProblemError(413, f"The request body is larger than {self.max_body_bytes} bytes.")

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = Headers(scope=scope).get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_body_bytes:
            too_large = self._too_large()
            response = problem_response(too_large.status_code, str(too_large.detail))
            await response(scope, receive, send)
            return
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body_bytes:
                    raise self._too_large()
            return message

        await self.app(scope, limited_receive, send)
