"""The remote store: a SPARQL 1.1 server (Oxigraph, Fuseki, Virtuoso, GraphDB...) over HTTP.

Queries and updates go through SPARQLWrapper (SPARQL 1.1 Protocol, POST, HTTP basic
auth). Answers are parsed into pyoxigraph's types, as the embedded store returns them:
SELECT and ASK via `parse_query_results`, CONSTRUCT and DESCRIBE into a `QueryTriples`
(blank node labels are the server's; duplicates merge).

- Union default graph: each query that names no dataset (no `default-graph-uri`,
  `named-graph-uri`, FROM) carries `union-default-graph` (Oxigraph's switch);
  other servers ignore it and must be configured so (Fuseki: `unionDefaultGraph`;
  Virtuoso and GraphDB query all graphs by default).
- Substitutions travel as a `VALUES` block at the top of the WHERE group, terms written
  in N-Triples form (see `syntax.bind_values`): user values are never pasted as text.
- `replace_graph` is one update request (`DROP SILENT GRAPH; INSERT DATA`): atomic where
  the server applies a request in one transaction (Oxigraph, Fuseki/TDB2 do).
- `load`/`dump` use the Graph Store Protocol when `store_url` is set (Oxigraph:
  `/store`); without it they fall back to INSERT DATA (not atomic) and CONSTRUCT/SELECT
  (named graphs only).
- Errors: a 4xx answer is a QueryError with the server's message, except 401/403/404
  (wrong credentials or URL: StoreUnavailable); 408/504 and client-side timeouts are
  QueryTimeoutError; refused connections and 5xx are StoreUnavailable.
- `timeout` bounds each socket read and the whole answer (a server streaming a huge
  result is cut off). It does not stop the server's own evaluation; give the server
  its own limit too (Oxigraph: `serve --timeout-s`).
"""

from __future__ import annotations

import ast
import time
import urllib.error
from collections.abc import Iterable, Mapping, Sequence

import httpx
from pyoxigraph import (
    NamedNode,
    Quad,
    QueryResultsFormat,
    QuerySolutions,
    QueryTriples,
    RdfFormat,
    parse,
    parse_query_results,
    serialize,
)
from SPARQLWrapper import BASIC, POST, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from alliance_kg.store.base import (
    QueryError,
    QueryResult,
    QueryTimeoutError,
    StoreError,
    StoreUnavailable,
    Term,
)
from alliance_kg.store.results import query_triples
from alliance_kg.store.syntax import (
    bind_values,
    declares_dataset,
    graph_triples,
    replace_graph_update,
)

ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8"
READ_CHUNK = 1 << 16
INSERT_BATCH = 10_000  # quads per INSERT DATA request when loading without a Graph Store URL
_UNAVAILABLE = {401, 403, 404, 407}
_TIMED_OUT = {408, 504}


class RemoteStore:
    """A SPARQL 1.1 server; read-only when `update_url` is None."""

    name = "remote"

    def __init__(
        self,
        query_url: str,
        *,
        update_url: str | None = None,
        user: str | None = None,
        password: str | None = None,
        store_url: str | None = None,
    ) -> None:
        self._query_url = query_url
        self._update_url = update_url
        self._store_url = store_url
        self._credentials = (user, password or "") if user else None
        # Bulk loads and dumps take as long as they take; only connecting is bounded.
        self._http = httpx.Client(auth=self._credentials, timeout=httpx.Timeout(None, connect=10))

    def query(
        self,
        sparql: str,
        *,
        substitutions: Mapping[str, Term] | None = None,
        default_graph_uris: Sequence[str] = (),
        named_graph_uris: Sequence[str] = (),
        timeout: float | None = None,
        base_iri: str | None = None,
    ) -> QueryResult:
        text = _with_base(bind_values(sparql, substitutions or {}), base_iri)
        wrapper = self._wrapper(text, timeout)
        if wrapper.isSparqlUpdateRequest():
            raise QueryError("this is a SPARQL Update, not a query")
        for iri in default_graph_uris:
            wrapper.addDefaultGraph(iri)
        for iri in named_graph_uris:
            wrapper.addNamedGraph(iri)
        if not (default_graph_uris or named_graph_uris or declares_dataset(sparql)):
            wrapper.addParameter("union-default-graph", "true")
        wrapper.addCustomHttpHeader("Accept", ACCEPT)
        body, media_type = self._send(wrapper)
        return _parse_answer(body, media_type)

    def update(self, sparql: str, *, base_iri: str | None = None) -> None:
        self._send(self._update_wrapper(_with_base(sparql, base_iri)))

    def replace_graph(self, graph: str, quads: Iterable[Quad]) -> None:
        self.update(replace_graph_update(graph, quads))

    def drop_graph(self, graph: str) -> bool:
        existed = self.has_graph(graph)
        self.update(f"DROP SILENT GRAPH {NamedNode(graph)}")
        return existed

    def has_graph(self, graph: str) -> bool:
        answer = self.query(f"ASK {{ GRAPH {NamedNode(graph)} {{ ?s ?p ?o }} }}")
        return bool(answer)

    def load(self, data: bytes, fmt: RdfFormat, *, graph: str | None = None) -> None:
        self._require_update_url()
        if self._store_url is not None:
            headers = {"Content-Type": fmt.media_type}
            self._graph_store("POST", _load_target(fmt, graph), headers, content=data)
            return
        try:
            quads = [_into_graph(quad, graph) for quad in parse(data, fmt)]
        except (SyntaxError, ValueError) as error:
            raise QueryError(f"invalid {fmt.name} data: {error}") from error
        for start in range(0, len(quads), INSERT_BATCH):
            blocks = "\n".join(_data_blocks(quads[start : start + INSERT_BATCH]))
            self.update(f"INSERT DATA {{ {blocks} }}")

    def dump(self, fmt: RdfFormat, *, graph: str | None = None) -> bytes:
        if graph is None and not fmt.supports_datasets:
            raise StoreError(f"{fmt.name} holds one graph: name the graph to dump")
        if graph is not None and not self.has_graph(graph):
            return b""  # the Graph Store Protocol answers 404 for a missing graph
        if self._store_url is not None:
            target = {} if graph is None else {"graph": graph}
            return self._graph_store("GET", target, {"Accept": fmt.media_type})
        if graph is not None:
            pattern = f"GRAPH {NamedNode(graph)} {{ ?s ?p ?o }}"
            triples = self.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {pattern} }}")
            assert isinstance(triples, QueryTriples)
            return serialize(triples, format=fmt) or b""
        rows = self.query("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        assert isinstance(rows, QuerySolutions)
        quads = (Quad(row["s"], row["p"], row["o"], row["g"]) for row in rows)
        return serialize(quads, format=fmt) or b""

    def close(self) -> None:
        self._http.close()

    def _wrapper(self, sparql: str, timeout: float | None) -> SPARQLWrapper:
        wrapper = SPARQLWrapper(self._query_url, updateEndpoint=self._update_url)
        wrapper.setMethod(POST)
        wrapper.setOnlyConneg(True)
        if self._credentials is not None:
            wrapper.setHTTPAuth(BASIC)
            wrapper.setCredentials(*self._credentials)
        # setTimeout() truncates to whole seconds; urllib takes a float.
        wrapper.timeout = timeout  # type: ignore[assignment]
        wrapper.setQuery(sparql)
        return wrapper

    def _update_wrapper(self, sparql: str) -> SPARQLWrapper:
        self._require_update_url()
        wrapper = self._wrapper(sparql, None)
        if not wrapper.isSparqlUpdateRequest():
            # SPARQLWrapper guesses from the first keyword and misses e.g. `WITH <g> DELETE`;
            # whatever this is, it goes to the update endpoint, whose parser judges it.
            wrapper.queryType = "INSERT"
        return wrapper

    def _require_update_url(self) -> None:
        if self._update_url is None:
            raise StoreError("read-only remote store: AKG_SPARQL_UPDATE_URL is not set")

    def _send(self, wrapper: SPARQLWrapper) -> tuple[bytes, str]:
        """The answer's body and media type; HTTP and network failures as StoreErrors.

        The wrapper's timeout bounds each socket operation and the whole read: a server
        streaming a huge answer is cut off once the time is up.
        """
        timeout: float | None = wrapper.timeout
        deadline = None if timeout is None else time.monotonic() + timeout
        try:
            with wrapper.query().response as response:
                chunks = []
                while chunk := response.read1(READ_CHUNK):
                    if deadline is not None and time.monotonic() > deadline:
                        raise TimeoutError
                    chunks.append(chunk)
                return b"".join(chunks), response.headers.get_content_type()
        except SPARQLWrapperException as error:
            code = getattr(error.__context__, "code", 500)
            raise _status_error(code, _server_message(error)) from error
        except urllib.error.HTTPError as error:
            raise _status_error(error.code, error.read().decode(errors="replace")) from error
        except urllib.error.URLError as error:
            if isinstance(error.reason, TimeoutError):
                raise _timed_out(wrapper.endpoint, timeout) from error
            raise StoreUnavailable(f"{wrapper.endpoint}: {error.reason}") from error
        except TimeoutError as error:
            raise _timed_out(wrapper.endpoint, timeout) from error
        except OSError as error:
            raise StoreUnavailable(f"{wrapper.endpoint}: {error}") from error

    def _graph_store(
        self,
        method: str,
        params: dict[str, str],
        headers: dict[str, str],
        content: bytes | None = None,
    ) -> bytes:
        assert self._store_url is not None
        try:
            response = self._http.request(
                method, self._store_url, params=params, headers=headers, content=content
            )
        except httpx.TimeoutException as error:
            raise QueryTimeoutError(f"{self._store_url} did not answer in time") from error
        except httpx.TransportError as error:
            raise StoreUnavailable(f"{self._store_url}: {error}") from error
        if response.is_error:
            raise _status_error(response.status_code, response.text)
        return response.content


def _load_target(fmt: RdfFormat, graph: str | None) -> dict[str, str]:
    """Graph Store Protocol parameters: datasets go to the store, triples to one graph."""
    if fmt.supports_datasets:
        return {}
    return {"graph": graph} if graph else {"default": ""}


def _into_graph(quad: Quad, graph: str | None) -> Quad:
    """`quad` moved to `graph` when it came from a triples format (its graph is the default)."""
    if graph is None or isinstance(quad.graph_name, NamedNode):
        return quad
    return Quad(quad.subject, quad.predicate, quad.object, NamedNode(graph))


def _data_blocks(quads: Sequence[Quad]) -> Iterable[str]:
    """INSERT DATA blocks for `quads`, one per graph (default-graph triples stay bare)."""
    graphs: dict[str | None, list[Quad]] = {}
    for quad in quads:
        name = quad.graph_name.value if isinstance(quad.graph_name, NamedNode) else None
        graphs.setdefault(name, []).append(quad)
    for name, members in graphs.items():
        if name is None:
            yield " ".join(f"{q.subject} {q.predicate} {q.object} ." for q in members)
        else:
            yield graph_triples(name, members)


def _parse_answer(body: bytes, media_type: str) -> QueryResult:
    try:
        results_format = QueryResultsFormat.from_media_type(media_type)
        if results_format is not None and media_type != "text/plain":
            return parse_query_results(body, results_format)
        rdf_format = RdfFormat.from_media_type(media_type)
        if rdf_format is not None:
            return query_triples(quad.triple for quad in parse(body, rdf_format))
    except (SyntaxError, ValueError) as error:
        raise StoreError(f"the server sent a malformed {media_type} answer: {error}") from error
    raise StoreError(f"the server answered in an unsupported media type: {media_type}")


def _timed_out(endpoint: str, timeout: float | None) -> QueryTimeoutError:
    return QueryTimeoutError(f"{endpoint} did not answer within the time limit of {timeout} s")


def _status_error(code: int, message: str) -> StoreError:
    detail = f"HTTP {code}: {message.strip()}"
    if code in _TIMED_OUT:
        return QueryTimeoutError(detail)
    if code in _UNAVAILABLE or code >= 500:
        return StoreUnavailable(detail)
    return QueryError(detail)


def _server_message(error: SPARQLWrapperException) -> str:
    """The body the server sent, which SPARQLWrapper keeps only as a repr in its message."""
    _, _, body = str(error).partition("\n\nResponse:\n")
    try:
        raw = ast.literal_eval(body)
    except (ValueError, SyntaxError):
        return str(error)
    return raw.decode(errors="replace") if isinstance(raw, bytes) else str(raw)


def _with_base(sparql: str, base_iri: str | None) -> str:
    """`sparql` with a leading BASE, which a BASE of its own overrides."""
    return sparql if base_iri is None else f"BASE {NamedNode(base_iri)}\n{sparql}"
