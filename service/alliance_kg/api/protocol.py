"""Reading a SPARQL 1.1 Protocol request: the operation text and the dataset it names.

A query comes as `GET ?query=`, a form POST (`application/x-www-form-urlencoded`, `query=`)
or a direct POST (`application/sparql-query`); an update as a form POST (`update=`) or a
direct POST (`application/sparql-update`). The dataset parameters may be repeated: a query's
`default-graph-uri` and `named-graph-uri`, an update's `using-graph-uri` and
`using-named-graph-uri`; other parameters (SPARQLWrapper's `format`, `output`, `results`) are
ignored.
Every malformed request is a 400 problem that says what is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal
from urllib.parse import parse_qs

from fastapi import Request
from starlette.datastructures import QueryParams

from alliance_kg.api.errors import ProblemError

FORM = "application/x-www-form-urlencoded"
SPARQL_QUERY = "application/sparql-query"
SPARQL_UPDATE = "application/sparql-update"

Operation = Literal["query", "update"]
_DIRECT_MEDIA_TYPE: dict[Operation, str] = {"query": SPARQL_QUERY, "update": SPARQL_UPDATE}
_ENDPOINT: dict[Operation, str] = {"query": "/sparql", "update": "/update"}


@dataclass(frozen=True)
class ProtocolRequest:
    """One query or update with the dataset the request names.

    For an update the two dataset fields hold `using-graph-uri` and `using-named-graph-uri`.
    """

    text: str
    default_graph_uris: tuple[str, ...] = ()
    named_graph_uris: tuple[str, ...] = ()


def query_from_url(params: QueryParams) -> ProtocolRequest | None:
    """The query of a GET request; None when it has none (the service description is wanted)."""
    if "update" in params:
        raise ProblemError(400, "Updates cannot be sent with GET; POST them to /update.")
    if "query" not in params:
        return None
    return _from_params(_as_lists(params), "query")


async def read_operation(request: Request, operation: Operation) -> ProtocolRequest:
    """The query or update of a POST request, by its Content-Type."""
    media_type, charset = _content_type(request.headers.get("content-type", ""))
    if charset not in (None, "utf-8", "utf8", "us-ascii"):
        raise ProblemError(400, f"SPARQL requests must be encoded in UTF-8, not {charset!r}.")
    url_params = _as_lists(request.query_params)
    if media_type == FORM:
        return _from_params(_merge(url_params, _parse_form(await request.body())), operation)
    if media_type == _DIRECT_MEDIA_TYPE[operation]:
        body = {operation: [_decode(await request.body())]}
        return _from_params(_merge(url_params, body), operation)
    other: Operation = "update" if operation == "query" else "query"
    if media_type == _DIRECT_MEDIA_TYPE[other]:
        raise ProblemError(400, f"A SPARQL {other} must be sent to {_ENDPOINT[other]}.")
    raise ProblemError(
        400,
        f"POST a SPARQL {operation} as {FORM} or {_DIRECT_MEDIA_TYPE[operation]}, "
        f"not {media_type or 'a body without Content-Type'}.",
    )


def _from_params(params: dict[str, list[str]], operation: Operation) -> ProtocolRequest:
    other: Operation = "update" if operation == "query" else "query"
    if other in params:
        raise ProblemError(
            400,
            f"This request carries a {other}; a SPARQL {other} must be sent to {_ENDPOINT[other]}.",
        )
    texts = params.get(operation, [])
    if len(texts) != 1:
        problem = "no" if not texts else f"{len(texts)}"
        raise ProblemError(400, f"A request needs one '{operation}' parameter; it has {problem}.")
    if operation == "update":
        return ProtocolRequest(
            text=texts[0],
            default_graph_uris=tuple(params.get("using-graph-uri", [])),
            named_graph_uris=tuple(params.get("using-named-graph-uri", [])),
        )
    return ProtocolRequest(
        text=texts[0],
        default_graph_uris=tuple(params.get("default-graph-uri", [])),
        named_graph_uris=tuple(params.get("named-graph-uri", [])),
    )


def _as_lists(params: QueryParams) -> dict[str, list[str]]:
    return {key: params.getlist(key) for key in params}


def _merge(*sources: dict[str, list[str]]) -> dict[str, list[str]]:
    merged: dict[str, list[str]] = {}
    for source in sources:
        for key, values in source.items():
            merged.setdefault(key, []).extend(values)
    return merged


def _parse_form(body: bytes) -> dict[str, list[str]]:
    try:
        return parse_qs(_decode(body), keep_blank_values=True, errors="strict")
    except UnicodeDecodeError as error:
        raise ProblemError(400, f"The form's percent-escapes are not UTF-8: {error}") from error


def _content_type(header: str) -> tuple[str, str | None]:
    """The media type (lower case, no parameters) and the charset parameter, if any."""
    media_type, *parameters = (part.strip() for part in header.split(";"))
    charset = None
    for parameter in parameters:
        name, _, value = parameter.partition("=")
        if name.strip().lower() == "charset":
            charset = value.strip().strip('"').lower()
    return media_type.lower(), charset


def _decode(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ProblemError(400, f"The request body is not valid UTF-8: {error}") from error
