"""`akg export` then `akg load` into a fresh store gives back the same dataset, in each format."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from rdflib import Dataset, URIRef
from rdflib.compare import isomorphic

from alliance_kg import resources
from alliance_kg.cli import main
from servers import start_sparql_server

SHARED = Path(__file__).parents[1].parent / "shared"
REPO = Path(__file__).parents[1]
INPUTS = [SHARED / "seeds", *sorted((REPO / "data" / "articles").iterdir())[:3]]
RDFLIB_FORMATS = {"nq": "nquads", "trig": "trig"}

pytestmark = pytest.mark.skipif(
    not resources.REFERENCE_FILE.is_file(), reason="the extractor needs ontology/reference.ttl"
)


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only `--store` (or a test's own AKG_SPARQL_*) decides where the triples go."""
    for key in list(os.environ):
        if key.startswith("AKG_"):
            monkeypatch.delenv(key)


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store holding the seeds and three sample articles, with the base graphs."""
    store = tmp_path_factory.mktemp("ingested") / "store"
    saved = {key: os.environ.pop(key) for key in list(os.environ) if key.startswith("AKG_")}
    try:
        assert main(["--store", str(store), "ingest", *map(str, INPUTS)]) == 0
    finally:
        os.environ.update(saved)
    return store


def export(store: Path, fmt: str, target: Path) -> Path:
    assert main(["--store", str(store), "export", "--format", fmt, "-o", str(target)]) == 0
    return target


def dataset(path: Path, fmt: str) -> Dataset:
    parsed = Dataset()
    parsed.parse(path, format=RDFLIB_FORMATS[fmt])
    return parsed


def assert_same_dataset(first: Dataset, second: Dataset) -> None:
    """Same named graphs, each isomorphic (the ontology's OWL axioms hold blank nodes)."""
    names = {graph.identifier for graph in first.graphs()}
    assert names == {graph.identifier for graph in second.graphs()}
    for name in names:
        assert isinstance(name, URIRef)
        assert isomorphic(first.graph(name), second.graph(name)), f"graph {name} differs"


@pytest.mark.parametrize("fmt", ["nq", "trig"])
def test_export_load_export_round_trips(ingested: Path, tmp_path: Path, fmt: str) -> None:
    first = export(ingested, fmt, tmp_path / f"first.{fmt}")
    fresh = tmp_path / "fresh"
    assert main(["--store", str(fresh), "load", str(first)]) == 0
    second = export(fresh, fmt, tmp_path / f"second.{fmt}")
    original, reloaded = dataset(first, fmt), dataset(second, fmt)
    assert len(original) > 1000
    assert len(original) == len(reloaded)
    assert_same_dataset(original, reloaded)


def test_the_two_formats_hold_the_same_dataset(ingested: Path, tmp_path: Path) -> None:
    quads = dataset(export(ingested, "nq", tmp_path / "dump.nq"), "nq")
    trig = dataset(export(ingested, "trig", tmp_path / "dump.trig"), "trig")
    assert_same_dataset(quads, trig)


def test_loading_a_dump_twice_adds_no_ground_quad(ingested: Path, tmp_path: Path) -> None:
    """Quads without blank nodes are a set; each load mints the dump's blank nodes afresh."""
    dump = export(ingested, "nq", tmp_path / "dump.nq")
    fresh = tmp_path / "fresh"
    assert main(["--store", str(fresh), "load", str(dump), str(dump)]) == 0
    again = export(fresh, "nq", tmp_path / "again.nq")
    assert ground_lines(again) == ground_lines(dump)


def ground_lines(dump: Path) -> set[str]:
    return {line for line in dump.read_text().splitlines() if "_:" not in line}


@pytest.mark.slow
def test_round_trip_through_an_oxigraph_server(
    ingested: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dump = export(ingested, "nq", tmp_path / "dump.nq")
    with start_sparql_server("oxigraph", tmp_path / "server") as endpoints:
        for key, value in endpoints.env().items():
            monkeypatch.setenv(key, value)
        assert main(["load", str(dump)]) == 0
        assert main(["export", "--format", "trig", "-o", str(tmp_path / "remote.trig")]) == 0
    assert_same_dataset(dataset(dump, "nq"), dataset(tmp_path / "remote.trig", "trig"))
