"""Bulk ingest: same graphs as the one-by-one ingest, replace semantics, resume after a stop."""

from __future__ import annotations

import gc
import os
import signal
import subprocess
import sys
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

import pytest
from pyoxigraph import RdfFormat
from threadpoolctl import threadpool_info

from alliance_kg import bulk as bulk_module
from alliance_kg import iris, resources
from alliance_kg.bulk import BulkIngest
from alliance_kg.bulk_manifest import MANIFEST
from alliance_kg.cli import main
from alliance_kg.index import ReadIndex
from alliance_kg.ingest import Ingest
from alliance_kg.model import Article, Extraction, IngestReport
from alliance_kg.pipeline import Extractor
from alliance_kg.rdf.base_graphs import ensure_base_graphs
from alliance_kg.rdf.mapping import extraction_to_quads
from alliance_kg.reading import iter_article_files, read_file
from alliance_kg.store.oxigraph import EmbeddedStore

SHARED = Path(__file__).parents[1].parent / "shared"
REPO = Path(__file__).parents[1]
INPUTS = [SHARED / "seeds", *sorted((REPO / "data" / "articles").iterdir())[:4]]

pytestmark = pytest.mark.skipif(
    not resources.REFERENCE_FILE.is_file(), reason="the extractor needs ontology/reference.ttl"
)


class Interrupted(Exception):
    """Stands for a run stopped half-way."""


class CountingExtractor:
    """The real extractor, remembering which articles it was asked to extract."""

    def __init__(self, extractor: Extractor) -> None:
        self.extractor = extractor
        self.extracted: list[str] = []

    @property
    def version(self) -> str:
        return self.extractor.version

    def extract(self, article: Article) -> Extraction:
        return next(self.extract_many([article]))

    def extract_many(
        self, articles: Iterable[Article], *, n_process: int = 1, batch_size: int = 32
    ) -> Iterator[Extraction]:
        for extraction in self.extractor.extract_many(articles, batch_size=batch_size):
            self.extracted.append(extraction.article.id)
            yield extraction


class FailingLoadStore(EmbeddedStore):
    """An in-memory store whose `fail_at`-th load stops half-way, as a crash in the middle of
    a load that is not atomic would: the first half of the shard's lines are in."""

    def __init__(self, fail_at: int) -> None:
        super().__init__(None)
        self.loads = 0
        self.fail_at = fail_at

    def load(
        self, data: bytes, fmt: RdfFormat, *, graph: str | None = None, atomic: bool = True
    ) -> None:
        assert not atomic  # the bulk ingest allows a partial load: it loads again
        self.loads += 1
        if self.loads == self.fail_at:
            lines = data.splitlines(keepends=True)
            super().load(b"".join(lines[: len(lines) // 2]), fmt, graph=graph, atomic=False)
            raise Interrupted
        super().load(data, fmt, graph=graph, atomic=atomic)


class FlushCountingStore(EmbeddedStore):
    """A store on disk that counts its flushes and what it held when each came."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.flushed_graphs: list[int] = []

    def flush(self) -> None:
        self.flushed_graphs.append(len(article_quads(self)))
        super().flush()


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    return [article for path in iter_article_files(INPUTS) for article in read_file(path)]


@pytest.fixture(scope="module")
def expected(extractor: Extractor, articles: list[Article]) -> set[str]:
    """The article graphs that the one-by-one ingest stores."""
    store = EmbeddedStore(None)
    Ingest(extractor, store).ingest_many(articles)
    return article_quads(store)


def article_quads(store: EmbeddedStore) -> set[str]:
    dump = store.dump(RdfFormat.N_QUADS).decode()
    return {line for line in dump.splitlines() if f"<{iris.ARTICLE_GRAPH_PREFIX}" in line}


def of_articles(quads: set[str], article_ids: list[str]) -> set[str]:
    graphs = [f"<{iris.article_graph(i)}>" for i in article_ids]
    return {quad for quad in quads if any(graph in quad for graph in graphs)}


def bulk(
    store: EmbeddedStore,
    extractor: CountingExtractor,
    work_dir: Path,
    shard_size: int = 2,
    index: ReadIndex | None = None,
) -> BulkIngest:
    return BulkIngest(
        store, lambda: extractor, extractor.version, work_dir, shard_size=shard_size, index=index
    )


def test_bulk_stores_what_the_one_by_one_ingest_stores(
    extractor: Extractor, articles: list[Article], expected: set[str], tmp_path: Path
) -> None:
    store = EmbeddedStore(None)
    counting = CountingExtractor(extractor)
    reports = bulk(store, counting, tmp_path / "work").run(articles + articles[:2])
    assert article_quads(store) == expected
    assert [report.article_id for report in reports] == [article.id for article in articles]
    assert all(report.created for report in reports)
    assert sorted(counting.extracted) == sorted(article.id for article in articles)
    assert not (tmp_path / "work").exists()


def test_every_shard_is_flushed_once_loaded(
    extractor: Extractor, articles: list[Article], tmp_path: Path
) -> None:
    store = FlushCountingStore(tmp_path / "store")
    bulk(store, CountingExtractor(extractor), tmp_path / "work", shard_size=2).run(articles)
    shards = -(-len(articles) // 2)
    assert len(store.flushed_graphs) == shards
    assert store.flushed_graphs == sorted(set(store.flushed_graphs))  # each after a new load


def test_a_second_run_extracts_nothing(
    extractor: Extractor, articles: list[Article], tmp_path: Path
) -> None:
    store = EmbeddedStore(None)
    bulk(store, CountingExtractor(extractor), tmp_path / "work").run(articles)
    counting = CountingExtractor(extractor)
    reports = bulk(store, counting, tmp_path / "work").run(articles)
    assert counting.extracted == []
    assert not any(report.created for report in reports)


def test_an_older_version_is_replaced_not_merged(
    extractor: Extractor, articles: list[Article], expected: set[str], tmp_path: Path
) -> None:
    store = EmbeddedStore(None)
    old = articles[0]
    graph = iris.article_graph(old.id)
    store.replace_graph(
        graph, extraction_to_quads(extractor.extract(old), extractor_version="older/0.0")
    )
    store.update(f"INSERT DATA {{ GRAPH <{graph}> {{ <urn:x:stray> <urn:x:p> 1 }} }}")
    reports = bulk(store, CountingExtractor(extractor), tmp_path / "work").run(articles)
    assert article_quads(store) == expected
    assert [r.created for r in reports if r.article_id == old.id] == [False]


def test_a_stopped_run_resumes_without_redoing_loaded_shards(
    extractor: Extractor, articles: list[Article], expected: set[str], tmp_path: Path
) -> None:
    store = EmbeddedStore(None)
    seen: list[IngestReport] = []

    def stop_after_two_shards(report: IngestReport) -> None:
        seen.append(report)
        if len(seen) == 4:
            raise Interrupted

    with pytest.raises(Interrupted):
        bulk(store, CountingExtractor(extractor), tmp_path / "work").run(
            articles, progress=stop_after_two_shards
        )
    assert (tmp_path / "work" / MANIFEST).is_file()
    counting = CountingExtractor(extractor)
    reports = bulk(store, counting, tmp_path / "work").run(articles)
    finished = {report.article_id for report in seen}
    assert finished.isdisjoint(counting.extracted)
    assert sorted(counting.extracted) == sorted({a.id for a in articles} - finished)
    assert article_quads(store) == expected
    assert not any(r.created for r in reports if r.article_id in finished)
    assert not (tmp_path / "work").exists()


def test_a_written_shard_is_loaded_on_resume_without_extracting_it_again(
    extractor: Extractor, articles: list[Article], expected: set[str], tmp_path: Path
) -> None:
    store = FailingLoadStore(fail_at=2)
    first = CountingExtractor(extractor)
    with pytest.raises(Interrupted):
        bulk(store, first, tmp_path / "work").run(articles)
    written_not_loaded = first.extracted[2:4]
    half_loaded = of_articles(article_quads(store), written_not_loaded)
    assert half_loaded and half_loaded < of_articles(expected, written_not_loaded)
    store.fail_at = 0
    counting = CountingExtractor(extractor)
    reports = bulk(store, counting, tmp_path / "work").run(articles)
    assert set(written_not_loaded).isdisjoint(counting.extracted)
    assert article_quads(store) == expected
    assert all(r.created for r in reports if r.article_id in written_not_loaded)


def test_the_read_index_ends_as_a_rebuild_from_the_store_would(
    extractor: Extractor, articles: list[Article], tmp_path: Path
) -> None:
    """Shards written in this run are indexed from the worker's rows, a resumed one from
    the store; either way the index holds what a rebuild reads back."""
    store = FailingLoadStore(fail_at=2)
    ensure_base_graphs(store)
    index = ReadIndex.open(None)
    index.sync_reference(store)
    with pytest.raises(Interrupted):
        bulk(store, CountingExtractor(extractor), tmp_path / "work", index=index).run(articles)
    store.fail_at = 0
    bulk(store, CountingExtractor(extractor), tmp_path / "work", index=index).run(articles)
    rebuilt = ReadIndex.open(None)
    assert rebuilt.rebuild(store) == len(articles)
    assert index.stats().articles == len(articles)
    assert index.snapshot() == rebuilt.snapshot()


@pytest.mark.slow
def test_a_killed_command_resumes_to_the_same_store(
    expected: set[str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store_dir = tmp_path / "store"
    command = [str(Path(sys.executable).with_name("akg")), "--store", str(store_dir), "ingest"]
    options = ["--workers", "2", "--shard-size", "2", *map(str, INPUTS)]
    environment = {k: v for k, v in os.environ.items() if not k.startswith("AKG_")}
    process = subprocess.Popen(
        [*command, *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        env=environment | {"PYTHONUNBUFFERED": "1"},
        start_new_session=True,  # its workers share its process group
        text=True,
    )
    assert process.stdout is not None
    first_line = process.stdout.readline()
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    process.stdout.close()
    assert first_line.startswith("added ")
    assert (tmp_path / "store.ingest" / MANIFEST).is_file()

    assert main(["--store", str(store_dir), "ingest", "--workers", "2", *map(str, INPUTS)]) == 0
    killed_id = first_line.split()[1]
    assert f"unchanged {killed_id}" in capsys.readouterr().out.splitlines()
    assert not (tmp_path / "store.ingest").exists()
    resumed = EmbeddedStore(store_dir)
    try:
        assert article_quads(resumed) == expected
    finally:
        resumed.close()


def _worker_state() -> tuple[int, int]:
    """The worker's largest BLAS thread pool, and how many objects the collector skips."""
    threads = [pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"]
    return max(threads), gc.get_freeze_count()


def test_a_worker_runs_one_blas_thread_and_its_extractor_is_frozen(tmp_path: Path) -> None:
    with ProcessPoolExecutor(
        1,
        mp_context=get_context("spawn"),
        initializer=bulk_module._start_worker,
        initargs=(bulk_module.load_pipeline_extractor, tmp_path),
    ) as pool:
        threads, frozen = pool.submit(_worker_state).result()
    assert threads == 1
    assert frozen > 0  # the model, the gazetteer and the rules' tables, frozen after the load
