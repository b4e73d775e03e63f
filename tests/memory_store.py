"""A small in-memory Store over `pyoxigraph.Store()` for API tests, with a union default graph."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from pyoxigraph import DefaultGraph, NamedNode, Quad, RdfFormat, Store, Variable

from alliance_kg.store.base import QueryError, QueryResult, Term


class MemoryStore:
    name = "memory"

    def __init__(self) -> None:
        self._store = Store()

    def query(
        self,
        sparql: str,
        *,
        substitutions: Mapping[str, Term] | None = None,
        default_graph_uris: Sequence[str] = (),
        named_graph_uris: Sequence[str] = (),
        timeout: float | None = None,
    ) -> QueryResult:
        try:
            return self._store.query(
                sparql,
                use_default_graph_as_union=not default_graph_uris,
                default_graph=[NamedNode(iri) for iri in default_graph_uris] or None,
                named_graphs=[NamedNode(iri) for iri in named_graph_uris] or None,
                substitutions={Variable(k): v for k, v in (substitutions or {}).items()},
            )
        except SyntaxError as error:
            raise QueryError(str(error)) from error

    def update(self, sparql: str) -> None:
        try:
            self._store.update(sparql)
        except SyntaxError as error:
            raise QueryError(str(error)) from error

    def replace_graph(self, graph: str, quads: Iterable[Quad]) -> None:
        self.drop_graph(graph)
        self._store.extend(quads)

    def drop_graph(self, graph: str) -> bool:
        existed = self.has_graph(graph)
        if existed:
            self._store.remove_graph(NamedNode(graph))
        return existed

    def has_graph(self, graph: str) -> bool:
        return any(True for _ in self._store.quads_for_pattern(None, None, None, NamedNode(graph)))

    def load(self, data: bytes, fmt: RdfFormat, *, graph: str | None = None) -> None:
        target = NamedNode(graph) if graph else DefaultGraph()
        self._store.load(data, fmt, to_graph=None if fmt.supports_datasets else target)

    def dump(self, fmt: RdfFormat, *, graph: str | None = None) -> bytes:
        if graph is None:
            return self._store.dump(format=fmt)
        return self._store.dump(format=fmt, from_graph=NamedNode(graph))

    def close(self) -> None:
        """Nothing to release."""
