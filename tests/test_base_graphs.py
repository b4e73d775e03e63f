"""Loading the ontology and reference graphs once per file version."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from pyoxigraph import RdfFormat

from alliance_kg import iris, resources, vocab
from alliance_kg.rdf.base_graphs import (
    BaseGraphError,
    ensure_base_graphs,
    ensure_graph,
    recorded_hash,
)
from alliance_kg.store.oxigraph import EmbeddedStore

GRAPH = iris.AKR + "graph/test"


@pytest.fixture
def store() -> Iterator[EmbeddedStore]:
    store = EmbeddedStore(None)
    yield store
    store.close()


def write_turtle(path: Path, label: str) -> Path:
    path.write_text(f'<{iris.AKR}thing> <{vocab.RDFS_LABEL.value}> "{label}" .\n')
    return path


def test_the_ontology_lands_in_its_graph(store: EmbeddedStore) -> None:
    ensure_base_graphs(store)
    ontology = store.dump(RdfFormat.N_QUADS, graph=iris.ONTOLOGY_GRAPH)
    assert f"<{vocab.ArmsTransfer.value}>".encode() in ontology
    assert recorded_hash(store, iris.ONTOLOGY_GRAPH) is not None
    if resources.REFERENCE_FILE.is_file():
        assert store.has_graph(iris.REFERENCE_GRAPH)


def test_an_unchanged_file_is_not_reloaded(store: EmbeddedStore, tmp_path: Path) -> None:
    path = write_turtle(tmp_path / "base.ttl", "first")
    assert ensure_graph(store, GRAPH, path)
    before = store.dump(RdfFormat.N_QUADS)
    assert not ensure_graph(store, GRAPH, path)
    assert store.dump(RdfFormat.N_QUADS) == before


def test_a_changed_file_replaces_the_graph(store: EmbeddedStore, tmp_path: Path) -> None:
    path = write_turtle(tmp_path / "base.ttl", "first")
    ensure_graph(store, GRAPH, path)
    first_hash = recorded_hash(store, GRAPH)
    write_turtle(path, "second")
    assert ensure_graph(store, GRAPH, path)
    graph = store.dump(RdfFormat.N_QUADS, graph=GRAPH)
    assert b'"second"' in graph
    assert b'"first"' not in graph
    assert recorded_hash(store, GRAPH) not in (None, first_hash)


def test_the_hash_is_recorded_inside_the_graph(store: EmbeddedStore, tmp_path: Path) -> None:
    ensure_graph(store, GRAPH, write_turtle(tmp_path / "base.ttl", "first"))
    quads = store.dump(RdfFormat.N_QUADS, graph=GRAPH).decode()
    assert f'<{GRAPH}> <http://purl.org/dc/terms/identifier> "sha256:' in quads


def test_a_missing_file_is_skipped_with_a_warning(
    store: EmbeddedStore, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        assert not ensure_graph(store, GRAPH, tmp_path / "absent.ttl")
    assert "absent.ttl" in caplog.text
    assert not store.has_graph(GRAPH)


def test_invalid_turtle_is_an_error_and_writes_nothing(
    store: EmbeddedStore, tmp_path: Path
) -> None:
    path = tmp_path / "broken.ttl"
    path.write_text("<a> <b> .\n")
    with pytest.raises(BaseGraphError, match=r"broken\.ttl"):
        ensure_graph(store, GRAPH, path)
    assert store.dump(RdfFormat.N_QUADS) == b""
