"""The embedded store: pyoxigraph on disk (RocksDB), or in memory for tests.

Queries see the union of the graphs as their default graph, unless the caller names the
graphs (`default_graph_uris`, `named_graph_uris`), as the SPARQL Protocol's
`default-graph-uri` and `named-graph-uri` do, or the query has FROM or FROM NAMED. The
union is a set: a triple held by several graphs matches once (see `set_semantics`).
Substituted variables must be projected (pyoxigraph refuses others).

Results are pyoxigraph's own types, which only the thread that called `query()` may
iterate. Without a timeout they are pyoxigraph's lazy iterators. With a timeout the
query is evaluated in a worker thread that buffers every row, checking the deadline
while waiting for the first row and between rows; the rows are then handed back as
fresh pyoxigraph objects (see `results`). A thread cannot be killed: a blocking
operator (an aggregate, ORDER BY over a huge join) keeps the worker busy until it
yields its first row, after which the worker notices the deadline and stops.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TypeVar

from pyoxigraph import (
    DefaultGraph,
    NamedNode,
    Quad,
    QueryBoolean,
    QuerySolutions,
    RdfFormat,
    Variable,
)
from pyoxigraph import Store as OxigraphStore

from alliance_kg.store.base import QueryError, QueryResult, QueryTimeoutError, StoreError, Term
from alliance_kg.store.results import query_triples, solutions_from_rows
from alliance_kg.store.set_semantics import distinct_runs
from alliance_kg.store.syntax import declares_dataset, replace_graph_update

_Row = TypeVar("_Row")

BULK_LOAD_BYTES = 10_000_000  # larger inputs go through bulk_load (fast, not transactional)


class _CancelledError(Exception):
    """Raised in a worker thread whose caller stopped waiting."""


class EmbeddedStore:
    """A pyoxigraph store at `path` (created if missing), or in memory when `path` is None."""

    name = "embedded"

    def __init__(self, path: Path | None = None) -> None:
        try:
            if path is not None:
                path.mkdir(parents=True, exist_ok=True)
            self._store = OxigraphStore(None if path is None else str(path))
        except OSError as error:
            raise StoreError(f"cannot open the store at {path}: {error}") from error

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
        # pyoxigraph's union switch would override the query's own FROM clauses.
        union = not (default_graph_uris or named_graph_uris or declares_dataset(sparql))
        over_a_set = distinct_runs(sparql) if union else sparql

        def run(text: str) -> QueryResult:
            with _query_errors():
                return self._store.query(
                    text,
                    base_iri=base_iri,
                    use_default_graph_as_union=union,
                    default_graph=[NamedNode(iri) for iri in default_graph_uris] or None,
                    named_graphs=[NamedNode(iri) for iri in named_graph_uris] or None,
                    substitutions={Variable(k): v for k, v in (substitutions or {}).items()},
                )

        def evaluate() -> QueryResult:
            if over_a_set != sparql:
                with suppress(QueryError):  # a rewrite never fails a query: the original decides
                    return run(over_a_set)
            return run(sparql)

        if timeout is None:
            return evaluate()
        return _evaluate_within(evaluate, timeout)

    def update(self, sparql: str, *, base_iri: str | None = None) -> None:
        with _query_errors():
            self._store.update(sparql, base_iri=base_iri)

    def replace_graph(self, graph: str, quads: Iterable[Quad]) -> None:
        # One SPARQL Update is one transaction: the drop and the insert land together.
        self.update(replace_graph_update(graph, quads))

    def drop_graph(self, graph: str) -> bool:
        existed = self.has_graph(graph)
        node = NamedNode(graph)
        if self._store.contains_named_graph(node):
            self._store.remove_graph(node)
        return existed

    def has_graph(self, graph: str) -> bool:
        quads = self._store.quads_for_pattern(None, None, None, NamedNode(graph))
        return next(iter(quads), None) is not None

    def load(
        self, data: bytes, fmt: RdfFormat, *, graph: str | None = None, atomic: bool = True
    ) -> None:
        target = None if fmt.supports_datasets else NamedNode(graph) if graph else DefaultGraph()
        bulk = not atomic or len(data) > BULK_LOAD_BYTES
        loader = self._store.bulk_load if bulk else self._store.load
        try:
            loader(data, fmt, to_graph=target)
        except (SyntaxError, ValueError) as error:
            raise QueryError(f"invalid {fmt.name} data: {error}") from error

    def dump(self, fmt: RdfFormat, *, graph: str | None = None) -> bytes:
        if graph is None and not fmt.supports_datasets:
            raise StoreError(f"{fmt.name} holds one graph: name the graph to dump")
        source = None if graph is None else NamedNode(graph)
        return self._store.dump(format=fmt, from_graph=source) or b""

    def flush(self) -> None:
        """Write RocksDB's in-memory tables to disk (else they grow with every write)."""
        self._store.flush()

    def close(self) -> None:
        """Flush writes; the files are released when the store is garbage-collected."""
        self.flush()


@contextmanager
def _query_errors() -> Iterator[None]:
    """pyoxigraph's errors as QueryError, keeping its message (it says where: line:column)."""
    try:
        yield
    except (SyntaxError, ValueError, RuntimeError, OSError) as error:
        raise QueryError(str(error)) from error


def _evaluate_within(evaluate: Callable[[], QueryResult], timeout: float) -> QueryResult:
    """Evaluate and buffer in a worker thread; rebuild the results in the calling thread."""
    outcome: list[Callable[[], QueryResult] | BaseException] = []
    finished = threading.Event()
    cancelled = threading.Event()

    def work() -> None:
        try:
            outcome.append(_buffer(evaluate(), cancelled))
        except _CancelledError:
            pass  # nobody waits any more
        except BaseException as error:
            _release_frames(error)
            outcome.append(error)
        finally:
            finished.set()

    threading.Thread(target=work, name="akg-query", daemon=True).start()
    if not finished.wait(timeout):
        cancelled.set()
        raise QueryTimeoutError(f"the query ran past its time limit of {timeout:g} s")
    (result,) = outcome
    if isinstance(result, BaseException):
        raise result
    return result()


def _buffer(result: QueryResult, cancelled: threading.Event) -> Callable[[], QueryResult]:
    """Read every row of `result` (stopping once `cancelled`); return how to rebuild it."""
    if isinstance(result, QueryBoolean):
        return lambda: result
    with _query_errors():
        if isinstance(result, QuerySolutions):
            variables = result.variables
            rows = [tuple(row[v] for v in variables) for row in _until(result, cancelled)]
            return lambda: solutions_from_rows(variables, rows)
        triples = list(_until(result, cancelled))
        return lambda: query_triples(triples)


def _until(rows: Iterable[_Row], cancelled: threading.Event) -> Iterator[_Row]:
    for row in rows:
        if cancelled.is_set():
            raise _CancelledError
        yield row


def _release_frames(error: BaseException) -> None:
    """Clear the locals of the frames `error` (and its causes) passed through.

    They may hold pyoxigraph results, which must be dropped by the thread that made them.
    """
    cause: BaseException | None = error
    while cause is not None:
        traceback.clear_frames(cause.__traceback__)
        cause = cause.__cause__ or cause.__context__
