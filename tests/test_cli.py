"""The `akg` command, run in-process against temporary embedded stores."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from alliance_kg import iris, resources
from alliance_kg.cli import main

SEEDS = Path(__file__).parents[1].parent / "shared" / "seeds"
SEED = SEEDS / "000_a9c0c3e40ead7283.txt"

GRAPH = iris.AKR + "graph/test"
NQUADS = (
    f'<{iris.AKR}thing/a> <http://www.w3.org/2000/01/rdf-schema#label> "A" <{GRAPH}> .\n'
    f'<{iris.AKR}thing/b> <http://www.w3.org/2000/01/rdf-schema#label> "B"@en <{GRAPH}> .\n'
)

needs_reference = pytest.mark.skipif(
    not resources.REFERENCE_FILE.is_file(), reason="the extractor needs ontology/reference.ttl"
)


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only `--store` decides where the triples go."""
    for key in list(os.environ):
        if key.startswith("AKG_"):
            monkeypatch.delenv(key)


@pytest.fixture
def store_dir(tmp_path: Path) -> Path:
    return tmp_path / "store"


@pytest.fixture
def loaded_store(store_dir: Path, tmp_path: Path) -> Path:
    """A store holding the two quads of NQUADS."""
    source = tmp_path / "data.nq"
    source.write_text(NQUADS)
    assert main(["--store", str(store_dir), "load", str(source)]) == 0
    return store_dir


def export(store_dir: Path, tmp_path: Path, name: str = "export.nq") -> set[str]:
    target = tmp_path / name
    assert main(["--store", str(store_dir), "export", "-o", str(target)]) == 0
    return set(target.read_text().splitlines())


@needs_reference
def test_ingest_adds_then_finds_unchanged(
    store_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--store", str(store_dir), "ingest", str(SEED)]) == 0
    added = capsys.readouterr().out
    assert added.startswith("added ")
    assert '"Japan, U.S. Eye Greater Production' in added
    assert main(["--store", str(store_dir), "ingest", str(SEED)]) == 0
    assert capsys.readouterr().out.startswith("unchanged ")


@pytest.mark.parametrize(
    ("name", "content", "complaint"),
    [
        ("empty.txt", "", "empty"),
        ("article.docx", "Japan and the U.S. agreed.", "unsupported"),
        ("bad.md", "---\ntitle: [unclosed\n---\nJapan and the U.S. agreed.\n", "front matter"),
    ],
)
def test_bad_input_exits_2_and_leaves_the_store_alone(
    loaded_store: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    content: str,
    complaint: str,
) -> None:
    before = export(loaded_store, tmp_path)
    bad = tmp_path / name
    bad.write_text(content)
    capsys.readouterr()
    assert main(["--store", str(loaded_store), "ingest", str(SEED), str(bad)]) == 2
    error = capsys.readouterr().err
    assert name in error
    assert complaint in error
    assert "Traceback" not in error
    assert export(loaded_store, tmp_path, "after.nq") == before


def test_a_folder_without_articles_exits_2(
    store_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "nothing"
    empty.mkdir()
    assert main(["--store", str(store_dir), "ingest", str(empty)]) == 2
    assert "no articles found" in capsys.readouterr().err
    assert not store_dir.exists()


def test_query_prints_json(loaded_store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    query = "SELECT ?label WHERE { ?thing <http://www.w3.org/2000/01/rdf-schema#label> ?label }"
    assert main(["--store", str(loaded_store), "query", query]) == 0
    results = json.loads(capsys.readouterr().out)
    assert sorted(b["label"]["value"] for b in results["results"]["bindings"]) == ["A", "B"]


def test_query_reads_a_file_and_writes_other_formats(
    loaded_store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    query_file = tmp_path / "things.rq"
    query_file.write_text("CONSTRUCT WHERE { ?thing ?p ?label }")
    capsys.readouterr()
    assert main(["--store", str(loaded_store), "query", str(query_file), "--format", "nt"]) == 0
    assert len(capsys.readouterr().out.strip().splitlines()) == 2
    ask = "ASK { ?s ?p ?o }"
    assert main(["--store", str(loaded_store), "query", ask, "--format", "csv"]) == 0
    assert capsys.readouterr().out.strip() == "true"


@pytest.mark.parametrize(
    ("query", "fmt", "complaint"),
    [
        ("SELEC ?x WHERE {}", "json", "invalid query"),
        ("CONSTRUCT WHERE { ?s ?p ?o }", "csv", "cannot be written as csv"),
    ],
)
def test_bad_queries_exit_2(
    loaded_store: Path, capsys: pytest.CaptureFixture[str], query: str, fmt: str, complaint: str
) -> None:
    capsys.readouterr()
    assert main(["--store", str(loaded_store), "query", query, "--format", fmt]) == 2
    captured = capsys.readouterr()
    assert complaint in captured.err
    assert captured.out == ""


def test_export_then_load_round_trips(
    loaded_store: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dump = tmp_path / "dump.trig"
    assert main(["--store", str(loaded_store), "export", "--format", "trig", "-o", str(dump)]) == 0
    other = tmp_path / "other"
    assert main(["--store", str(other), "load", str(dump)]) == 0
    assert (
        export(other, tmp_path, "other.nq")
        == export(loaded_store, tmp_path)
        == set(NQUADS.splitlines())
    )


def test_export_to_stdout(loaded_store: Path, capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["--store", str(loaded_store), "export"]) == 0
    assert set(capsys.readouterr().out.splitlines()) == set(NQUADS.splitlines())


def test_triples_need_a_graph(
    store_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    turtle = tmp_path / "things.ttl"
    turtle.write_text(f'<{iris.AKR}thing/c> <http://www.w3.org/2000/01/rdf-schema#label> "C" .\n')
    assert main(["--store", str(store_dir), "load", str(turtle)]) == 2
    assert "--graph" in capsys.readouterr().err
    assert main(["--store", str(store_dir), "load", str(turtle), "--graph", GRAPH]) == 0
    assert any(line.endswith(f"<{GRAPH}> .") for line in export(store_dir, tmp_path))


@pytest.mark.parametrize(
    ("name", "content", "complaint"),
    [
        ("data.xyz", "whatever", "unknown RDF file suffix"),
        ("broken.nq", "<a> <b> .\n", "broken.nq"),
    ],
)
def test_unloadable_files_exit_2(
    store_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    content: str,
    complaint: str,
) -> None:
    bad = tmp_path / name
    bad.write_text(content)
    assert main(["--store", str(store_dir), "load", str(bad)]) == 2
    error = capsys.readouterr().err
    assert complaint in error
    assert "Traceback" not in error


def test_serve_get_answers_in_process(store_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--store", str(store_dir), "serve", "--get", "/health"]) == 0
    assert json.loads(capsys.readouterr().out)["status"] == "ok"
    assert main(["--store", str(store_dir), "serve", "--get", "/no-such-page"]) == 1
