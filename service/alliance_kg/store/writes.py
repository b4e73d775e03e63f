"""SPARQL Update requests that write quads, shaped to what a server's dialect accepts.

Quads are split into requests of at most `dialect.insert_batch` quads, one `GRAPH`
block per graph. Quads holding blank nodes travel together in one `INSERT {} WHERE {}`
where the server refuses them in INSERT DATA, so that each label stays one node.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from pyoxigraph import BlankNode, DefaultGraph, NamedNode, Quad

from alliance_kg.store.base import StoreError
from alliance_kg.store.dialect import Dialect
from alliance_kg.store.syntax import graph_triples


def insert_requests(quads: Sequence[Quad], dialect: Dialect) -> Iterator[str]:
    """Updates that together insert `quads` (default-graph quads stay in the default graph)."""
    plain = list(quads)
    if not dialect.blank_nodes_in_insert_data:
        with_blank_nodes = [quad for quad in plain if _has_blank_node(quad)]
        plain = [quad for quad in plain if not _has_blank_node(quad)]
        if with_blank_nodes:
            yield f"INSERT {{ {_blocks(with_blank_nodes)} }} WHERE {{}}"
    for start in range(0, len(plain), dialect.insert_batch):
        yield f"INSERT DATA {{ {_blocks(plain[start : start + dialect.insert_batch])} }}"


def staged(graph: str, staging: str, quads: Iterable[Quad]) -> list[Quad]:
    """The quads of `graph` (or of the default graph, meaning `graph`) moved to `staging`."""
    target, allowed = NamedNode(staging), (NamedNode(graph), DefaultGraph())
    moved = []
    for quad in quads:
        if quad.graph_name not in allowed:
            raise StoreError(f"quad {quad} does not belong to graph {NamedNode(graph)}")
        moved.append(Quad(quad.subject, quad.predicate, quad.object, target))
    return moved


def _blocks(quads: Sequence[Quad]) -> str:
    """One block per graph; default-graph triples stay bare."""
    graphs: dict[str | None, list[Quad]] = {}
    for quad in quads:
        name = quad.graph_name.value if isinstance(quad.graph_name, NamedNode) else None
        graphs.setdefault(name, []).append(quad)
    blocks = []
    for name, members in graphs.items():
        if name is None:
            blocks.append(" ".join(f"{q.subject} {q.predicate} {q.object} ." for q in members))
        else:
            blocks.append(graph_triples(name, members))
    return "\n".join(blocks)


def _has_blank_node(quad: Quad) -> bool:
    return isinstance(quad.subject, BlankNode) or isinstance(quad.object, BlankNode)
