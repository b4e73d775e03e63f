"""The remote store: a SPARQL 1.1 server (Oxigraph, Fuseki, Virtuoso, GraphDB...) over HTTP.

Queries and updates go through SPARQLWrapper (SPARQL 1.1 Protocol, POST, HTTP basic or
digest auth; see `sparql_http`). Answers are parsed into pyoxigraph's types, as the
embedded store returns them: SELECT and ASK via `parse_query_results`, CONSTRUCT and
DESCRIBE into a `QueryTriples` (blank node labels are the server's; duplicates merge).
The server's dialect (see `dialect`) is learnt on first use and shapes what is sent.

- Union default graph: a query that names no dataset (no `default-graph-uri`,
  `named-graph-uri`, FROM) carries `union-default-graph` (Oxigraph's switch; Fuseki must
  be configured with `unionDefaultGraph`; GraphDB and Virtuoso query all graphs by
  default, Virtuoso's own graphs included: see `dialect`).
- `LATERAL` (SEP-0006) is removed from queries to servers other than Oxigraph (see
  `syntax.without_lateral`).
- Substitutions travel as a `VALUES` block at the top of the WHERE group, terms written
  in N-Triples form (see `syntax.bind_values`): user values are never pasted as text.
- `replace_graph` is all or nothing. Where one request is one transaction (Oxigraph,
  Fuseki/TDB2) it is one `DROP SILENT GRAPH; INSERT DATA` request. Elsewhere (Virtuoso)
  the quads are first written to a fresh staging graph, in as many requests as the server
  needs, then `MOVE`d over the old graph; a failure drops the staging graph and leaves
  the old graph untouched. The staging graph is visible to queries while it is written.
- `load`/`dump` use the Graph Store Protocol when `store_url` is set (Oxigraph:
  `/store`; on Virtuoso, for one graph only); otherwise they fall back to INSERT requests
  (not atomic) and CONSTRUCT/SELECT (named graphs only).
- `timeout` bounds each socket read and the whole answer (a server streaming a huge
  result is cut off). It does not stop the server's own evaluation; give the server
  its own limit too (Oxigraph: `serve --timeout-s`).
"""

from __future__ import annotations

import contextlib
import threading
import uuid
from collections.abc import Iterable, Mapping, Sequence

import httpx
from pyoxigraph import (
    DefaultGraph,
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
from SPARQLWrapper import CONSTRUCT, DESCRIBE, SPARQLWrapper

from alliance_kg.store.base import QueryError, QueryResult, StoreError, StoreUnavailable, Term
from alliance_kg.store.dialect import (
    OXIGRAPH,
    SERVICE_DESCRIPTION_GRAPHS,
    STANDARD,
    Dialect,
    is_oxigraph,
    is_virtuoso,
    virtuoso_dialect,
)
from alliance_kg.store.results import query_triples
from alliance_kg.store.sparql_http import (
    AuthScheme,
    Credentials,
    graph_store_request,
    send,
    sparql_request,
)
from alliance_kg.store.syntax import (
    bare_words,
    bind_values,
    declares_dataset,
    replace_graph_update,
    without_lateral,
)
from alliance_kg.store.virtuoso import hide_graphs, virtuoso_update
from alliance_kg.store.writes import insert_requests, staged

ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8"
GRAPH_ACCEPT = "application/n-triples, text/turtle;q=0.9"  # Virtuoso needs it for CONSTRUCT
STAGING_GRAPH_PREFIX = "urn:alliance-kg:staging:"
PROBE_TIMEOUT_SECONDS = 10.0


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
        auth: AuthScheme = "basic",
    ) -> None:
        self._query_url = query_url
        self._update_url = update_url
        self._store_url = store_url
        self._credentials = Credentials(user, password or "", auth) if user else None
        auth_flow = None if self._credentials is None else self._credentials.httpx_auth()
        # Bulk loads and dumps take as long as they take; only connecting is bounded.
        self._http = httpx.Client(auth=auth_flow, timeout=httpx.Timeout(None, connect=10))
        self._dialect: Dialect | None = None
        self._dialect_lock = threading.Lock()

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
        dialect = self.dialect()
        union = not (default_graph_uris or named_graph_uris or declares_dataset(sparql))
        if not dialect.lateral:
            sparql = without_lateral(sparql)
        text = _with_base(bind_values(sparql, substitutions or {}), base_iri)
        if union and dialect.default_graph is not None:
            text = hide_graphs(text, [dialect.default_graph, *dialect.system_graphs])
        request = self._request(text, timeout)
        if request.isSparqlUpdateRequest():
            raise QueryError("this is a SPARQL Update, not a query")
        for iri in default_graph_uris:
            request.addDefaultGraph(iri)
        for iri in named_graph_uris:
            request.addNamedGraph(iri)
        if union and dialect.union_parameter:
            request.addParameter("union-default-graph", "true")
        graph_query = request.queryType in (CONSTRUCT, DESCRIBE)
        request.addCustomHttpHeader("Accept", GRAPH_ACCEPT if graph_query else ACCEPT)
        answer = send(request)
        body = dialect.normalise_results(answer.body, answer.media_type)
        return _parse_answer(body, answer.media_type)

    def update(self, sparql: str, *, base_iri: str | None = None) -> None:
        self._require_update_url()
        text = _with_base(sparql, base_iri)
        default_graph = self.dialect().default_graph
        if default_graph is not None:
            text = virtuoso_update(text, default_graph=default_graph, graphs=self._graphs)
        request = self._request(text, None)
        if not request.isSparqlUpdateRequest():
            # SPARQLWrapper guesses from the first keyword and misses e.g. `WITH <g> DELETE`;
            # whatever this is, it goes to the update endpoint, whose parser judges it.
            request.queryType = "INSERT"
        send(request)

    def replace_graph(self, graph: str, quads: Iterable[Quad]) -> None:
        dialect = self.dialect()
        if dialect.atomic_requests:
            self.update(replace_graph_update(graph, quads))
            return
        staging = f"{STAGING_GRAPH_PREFIX}{uuid.uuid4()}"
        content = staged(graph, staging, quads)
        if not content:
            self.update(f"DROP SILENT GRAPH {NamedNode(graph)}")
            return
        try:
            for request in insert_requests(content, dialect):
                self.update(request)
            self.update(f"MOVE SILENT GRAPH {NamedNode(staging)} TO GRAPH {NamedNode(graph)}")
        except BaseException:
            self._drop_quietly(staging)
            raise

    def drop_graph(self, graph: str) -> bool:
        existed = self.has_graph(graph)
        self.update(f"DROP SILENT GRAPH {NamedNode(graph)}")
        return existed

    def has_graph(self, graph: str) -> bool:
        answer = self.query(f"ASK {{ GRAPH {NamedNode(graph)} {{ ?s ?p ?o }} }}")
        return bool(answer)

    def load(
        self, data: bytes, fmt: RdfFormat, *, graph: str | None = None, atomic: bool = True
    ) -> None:
        # `atomic` changes nothing here: one Graph Store request, or INSERT DATA batches
        self._require_update_url()
        if graph is None and not fmt.supports_datasets:
            graph = self.dialect().default_graph  # None where the default graph is writable
        if self._graph_store_handles(fmt, graph):
            headers = {"Content-Type": fmt.media_type}
            self._graph_store("POST", _load_target(fmt, graph), headers, content=data)
            return
        try:
            quads = [_into_graph(quad, graph) for quad in parse(data, fmt)]
        except (SyntaxError, ValueError) as error:
            raise QueryError(f"invalid {fmt.name} data: {error}") from error
        for request in insert_requests(quads, self.dialect()):
            self.update(request)

    def dump(self, fmt: RdfFormat, *, graph: str | None = None) -> bytes:
        if graph is None and not fmt.supports_datasets:
            raise StoreError(f"{fmt.name} holds one graph: name the graph to dump")
        if graph is not None and not self.has_graph(graph):
            return b""  # the Graph Store Protocol answers 404 for a missing graph
        if self._graph_store_handles(fmt, graph):
            target = {} if graph is None else {"graph": graph}
            return self._graph_store("GET", target, {"Accept": fmt.media_type})
        if graph is not None:
            pattern = f"GRAPH {NamedNode(graph)} {{ ?s ?p ?o }}"
            triples = self.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ {pattern} }}")
            assert isinstance(triples, QueryTriples)
            return serialize(triples, format=fmt) or b""
        rows = self._select_every_graph("SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        dialect = self.dialect()
        system_graphs = {NamedNode(graph) for graph in dialect.system_graphs}
        stand_in = None if dialect.default_graph is None else NamedNode(dialect.default_graph)
        quads = (
            Quad(row["s"], row["p"], row["o"], DefaultGraph() if row["g"] == stand_in else row["g"])
            for row in rows
            if row["g"] not in system_graphs
        )
        return serialize(quads, format=fmt) or b""

    def flush(self) -> None:
        """Nothing is buffered here: the server holds every write."""

    def close(self) -> None:
        self._http.close()

    def dialect(self) -> Dialect:
        """The server's dialect, learnt from its `Server` header on first use."""
        with self._dialect_lock:
            if self._dialect is None:
                self._dialect = self._detect_dialect()
            return self._dialect

    def _detect_dialect(self) -> Dialect:
        try:
            probe = self._http.get(self._query_url, timeout=PROBE_TIMEOUT_SECONDS)
        except httpx.TransportError as error:
            raise StoreUnavailable(f"{self._query_url}: {error}") from error
        server = probe.headers.get("server", "")
        if is_oxigraph(server):
            return OXIGRAPH
        if not is_virtuoso(server):
            return STANDARD
        request = self._request(SERVICE_DESCRIPTION_GRAPHS, PROBE_TIMEOUT_SECONDS)
        request.addCustomHttpHeader("Accept", ACCEPT)
        answer = send(request)
        rows = _parse_answer(answer.body, answer.media_type)
        assert isinstance(rows, QuerySolutions)
        return virtuoso_dialect(row["g"].value for row in rows)

    def _graph_store_handles(self, fmt: RdfFormat, graph: str | None) -> bool:
        """Whether the Graph Store Protocol can carry this load or dump."""
        if self._store_url is None:
            return False
        return graph is not None or self.dialect().graph_store_datasets

    def _graphs(self) -> list[str]:
        """The named graphs holding quads, the server's own graphs left out."""
        rows = self._select_every_graph("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        system_graphs = set(self.dialect().system_graphs)
        names = (row["g"].value for row in rows if isinstance(row["g"], NamedNode))
        return [name for name in names if name not in system_graphs]

    def _select_every_graph(self, sparql: str) -> QuerySolutions:
        """A SELECT whose `GRAPH ?g` also sees the default graph's stand-in (see `dialect`)."""
        request = self._request(sparql, None)
        request.addCustomHttpHeader("Accept", ACCEPT)
        answer = send(request)
        rows = _parse_answer(
            self.dialect().normalise_results(answer.body, answer.media_type), answer.media_type
        )
        assert isinstance(rows, QuerySolutions)
        return rows

    def _drop_quietly(self, graph: str) -> None:
        """Drop a staging graph after a failure; the failure itself is what gets reported."""
        with contextlib.suppress(StoreError):
            self.update(f"DROP SILENT GRAPH {NamedNode(graph)}")

    def _request(self, text: str, timeout: float | None) -> SPARQLWrapper:
        return sparql_request(
            self._query_url,
            text,
            update_endpoint=self._update_url,
            credentials=self._credentials,
            timeout=timeout,
        )

    def _require_update_url(self) -> None:
        if self._update_url is None:
            raise StoreError("read-only remote store: AKG_SPARQL_UPDATE_URL is not set")

    def _graph_store(
        self,
        method: str,
        params: dict[str, str],
        headers: dict[str, str],
        content: bytes | None = None,
    ) -> bytes:
        assert self._store_url is not None
        return graph_store_request(
            self._http, method, self._store_url, params=params, headers=headers, content=content
        )


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


def _with_base(sparql: str, base_iri: str | None) -> str:
    """`sparql` with a leading BASE unless it declares its own (Virtuoso takes only one)."""
    if base_iri is None or "BASE" in bare_words(sparql):
        return sparql
    return f"BASE {NamedNode(base_iri)}\n{sparql}"
