"""Loading the ontology and the reference entities into their named graphs, once per version.

Each base graph records the hash of the file it was loaded from inside itself, as
`<graph IRI> dcterms:identifier "sha256:..."`; a file is (re)loaded only when its graph
is missing or records another hash, so starting the service on a full store is cheap.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Quad, QuerySolutions, RdfFormat, parse

from alliance_kg import iris, resources, vocab
from alliance_kg.store.base import Store

logger = logging.getLogger(__name__)

BASE_GRAPHS: tuple[tuple[Path, str], ...] = (
    (resources.ONTOLOGY_FILE, iris.ONTOLOGY_GRAPH),
    (resources.REFERENCE_FILE, iris.REFERENCE_GRAPH),
)

# pyoxigraph binds only projected variables, hence `?graph` in the projection.
_RECORDED_HASH = f"""
SELECT ?graph ?hash WHERE {{ GRAPH ?graph {{ ?graph {vocab.DCTERMS_IDENTIFIER} ?hash }} }}
"""


class BaseGraphError(ValueError):
    """A base graph file cannot be parsed as Turtle."""


def ensure_base_graphs(store: Store) -> None:
    """Load the ontology and reference files into their graphs where missing or stale."""
    for path, graph in BASE_GRAPHS:
        ensure_graph(store, graph, path)


def ensure_graph(store: Store, graph: str, path: Path) -> bool:
    """Replace `graph` with the Turtle file `path` unless it holds that version already.

    Returns whether the graph was (re)loaded; a missing file is skipped with a warning.
    """
    if not path.is_file():
        logger.warning("skipping %s: %s does not exist", graph, path)
        return False
    data = path.read_bytes()
    file_hash = "sha256:" + hashlib.sha256(data).hexdigest()
    if recorded_hash(store, graph) == file_hash:
        return False
    store.replace_graph(graph, _graph_quads(data, graph, file_hash, path))
    logger.info("loaded %s into %s", path, graph)
    return True


def recorded_hash(store: Store, graph: str) -> str | None:
    """The file hash recorded in `graph`, or None when the graph has none."""
    result = store.query(
        _RECORDED_HASH,
        substitutions={"graph": NamedNode(graph)},
    )
    assert isinstance(result, QuerySolutions)
    hashes = [row["hash"] for row in result]
    return next((term.value for term in hashes if isinstance(term, Literal)), None)


def _graph_quads(data: bytes, graph: str, file_hash: str, path: Path) -> list[Quad]:
    target = NamedNode(graph)
    try:
        parsed = parse(data, RdfFormat.TURTLE, base_iri=path.resolve().as_uri())
        quads = [Quad(q.subject, q.predicate, q.object, target) for q in parsed]
    except SyntaxError as error:
        raise BaseGraphError(f"{path} is not valid Turtle: {error}") from error
    quads.append(Quad(target, vocab.DCTERMS_IDENTIFIER, Literal(file_hash), target))
    return quads
