"""The Store protocol every backend implements, and the errors it raises.

    StoreError
     +-- QueryError        the query or update is malformed or failed to evaluate
     +-- QueryTimeoutError the query ran past its time limit and was stopped
     +-- StoreUnavailable  the backend cannot be reached

Results are pyoxigraph's own types whatever the backend (a remote server's answer
is parsed into them), so one serialiser serves every store.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Protocol

from pyoxigraph import (
    BlankNode,
    Literal,
    NamedNode,
    Quad,
    QueryBoolean,
    QuerySolutions,
    QueryTriples,
    RdfFormat,
)

Term = NamedNode | BlankNode | Literal
QueryResult = QuerySolutions | QueryBoolean | QueryTriples


class StoreError(Exception):
    """Base class of everything a store raises."""


class QueryError(StoreError):
    """A query or update that is malformed or cannot be evaluated; the message says where."""


class QueryTimeoutError(StoreError):
    """A query stopped because it ran past its time limit."""


class StoreUnavailable(StoreError):
    """The backend cannot be reached or answered with a server error."""


class Store(Protocol):
    """A quad store whose SPARQL default graph is the union of its named graphs.

    Usage::

        store.replace_graph(graph_iri, quads)       # atomic: all or nothing
        for row in store.query("SELECT ?s WHERE { ?s ?p ?o }"):
            ...
    """

    name: str  # "embedded" or "remote", reported by /health

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
        """Evaluate a SPARQL query; `substitutions` bind variables (by name, no `?`) to terms.

        The default graph is the union unless the caller (`default_graph_uris`,
        `named_graph_uris`) or the query itself (FROM, FROM NAMED) names the dataset.
        Relative IRIs resolve against `base_iri` (the query's own BASE wins).
        """
        ...

    def update(self, sparql: str, *, base_iri: str | None = None) -> None:
        """Apply a SPARQL 1.1 Update; relative IRIs resolve against `base_iri`."""
        ...

    def replace_graph(self, graph: str, quads: Iterable[Quad]) -> None:
        """Replace the named graph `graph` with `quads` in one transaction."""
        ...

    def drop_graph(self, graph: str) -> bool:
        """Remove a named graph; return whether it existed."""
        ...

    def has_graph(self, graph: str) -> bool:
        """Whether the named graph holds at least one quad."""
        ...

    def load(
        self, data: bytes, fmt: RdfFormat, *, graph: str | None = None, atomic: bool = True
    ) -> None:
        """Bulk-add RDF (quads formats keep their graphs; triples go to `graph`).

        `atomic=False` allows a faster load that a crash can leave partial (the embedded
        store's bulk loader): for a caller that loads the same data again after a crash.
        """
        ...

    def dump(self, fmt: RdfFormat, *, graph: str | None = None) -> bytes:
        """Serialise the whole store (or one graph) in `fmt`."""
        ...

    def flush(self) -> None:
        """Write buffered changes out, releasing the memory that holds them."""
        ...

    def close(self) -> None:
        """Release files and connections."""
        ...
