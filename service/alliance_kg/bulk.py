"""Bulk ingest for large corpora: parallel extraction into N-Quads shards, resumable.

    ingest = BulkIngest(
        store, load_pipeline_extractor, extractor_version(), work_dir, workers=2, index=index
    )
    reports = ingest.run(articles, progress=callback)

1. Articles whose graph already holds the same text from the same extractor version are
   skipped (reported unchanged, without re-reading their events).
2. The others are cut into shards. Each worker process loads the extractor once, then
   extracts a shard, maps it to quads and writes `shard-NNNNN.nq.part`, renamed to
   `shard-NNNNN.nq` once complete.
3. The main process loads each complete shard: one update drops the graphs of the shard's
   articles (so an older version's graph is replaced, not merged), then the store's fastest
   load (`Store.load(atomic=False)`: the embedded store's bulk loader) adds the shard and
   `Store.flush` writes it out. With a read index, the shard's index rows (made by the
   worker from the quads it wrote) go in next, in one transaction.

The work directory's `manifest.jsonl` records, in this order, the extractor version, each
shard written (its articles and their events) and each shard loaded. A run that stops
early leaves it behind; the next run with the same extractor version skips the articles of
loaded shards, loads written shards without extracting them again, and extracts the rest.
A shard is dropped and loaded again whole, so the end state is that of an uninterrupted
run; until the resume, articles of the shard being loaded when the run stopped may be
missing or partial. The load need not be atomic for that: a shard is marked loaded only
after its load and flush, its graphs are dropped before each load, and quads are a set,
so loading a half-loaded shard again leaves exactly what one load would. A finished run
removes the work directory.
"""

from __future__ import annotations

import gc
import math
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

from pyoxigraph import Literal, NamedNode, QuerySolutions, RdfFormat, serialize

from alliance_kg import iris, vocab
from alliance_kg.bulk_manifest import BulkIngestError, Manifest, ShardEvents, WrittenShard
from alliance_kg.index import ReadIndex, article_rows
from alliance_kg.index.rows import ArticleRows
from alliance_kg.ingest import ArticleExtractor, ProgressCallback
from alliance_kg.model import Article, IngestReport
from alliance_kg.rdf.mapping import extraction_to_quads, stored_events
from alliance_kg.store.base import Store

BULK_THRESHOLD = 200  # inputs larger than this take the bulk path even with one worker
# A shard is also the unit of index refresh and store flush: each event a shard touches is
# derived again from all its reports, so larger shards pay that less often (BENCHMARKS.md,
# "Ingest throughput", gives the effect of 50 against 100).
MAX_SHARD_SIZE = 100
_STATE_QUERY_BATCH = 500

ExtractorLoader = Callable[[], ArticleExtractor]


@dataclass(frozen=True)
class Shard:
    """Articles extracted, written and loaded together."""

    name: str
    articles: tuple[Article, ...]


@dataclass(frozen=True)
class ShardOutput:
    """What a worker hands back for a shard it wrote: each article's events and index rows."""

    events: ShardEvents
    rows: tuple[ArticleRows, ...]


class BulkIngest:
    """Ingests many articles through shards in a work directory, with `workers` processes."""

    def __init__(
        self,
        store: Store,
        load_extractor: ExtractorLoader,
        extractor_version: str,
        work_dir: Path,
        *,
        workers: int = 1,
        shard_size: int | None = None,
        index: ReadIndex | None = None,
    ) -> None:
        self.store = store
        self.load_extractor = load_extractor  # picklable when workers > 1
        self.extractor_version = extractor_version
        self.work_dir = work_dir
        self.workers = workers
        self.shard_size = shard_size
        self.index = index

    def run(
        self, articles: Iterable[Article], *, progress: ProgressCallback | None = None
    ) -> list[IngestReport]:
        """Ingest the distinct articles of `articles`; one report each, in input order."""
        distinct: dict[str, Article] = {}
        for article in articles:
            distinct.setdefault(article.id, article)
        order = list(distinct)
        manifest = Manifest.open(self.work_dir, self.extractor_version)
        reports: dict[str, IngestReport] = {}

        def record(report: IngestReport) -> None:
            reports[report.article_id] = report
            if progress is not None:
                progress(report)

        def unchanged(article_id: str) -> None:
            if self.index is not None and not self.index.has_article(article_id):
                self.index.refresh_article(self.store, article_id)
            record(IngestReport.of(article_id, created=False, events=()))

        for article_id in order:
            if article_id in manifest.loaded_articles:
                unchanged(article_id)
        resumed = [s for s in manifest.unloaded_shards() if s.events.keys() <= distinct.keys()]
        pending = [
            distinct[i]
            for i in order
            if i not in manifest.loaded_articles and not any(i in s.events for s in resumed)
        ]
        stored = stored_versions(self.store, [article.id for article in pending])
        fresh: list[Article] = []
        for article in pending:
            if (article.text, self.extractor_version) in stored.get(article.id, ()):
                unchanged(article.id)
            else:
                fresh.append(article)
        manifest.discard_shard_files(keep={shard.name for shard in resumed})
        for written in resumed:
            self._load(written, None, manifest, record)
        shards = self._plan(fresh, first_number=manifest.next_shard_number())
        replacing = frozenset(stored)
        for name, output in self._write_all(shards):
            written = WrittenShard(name, output.events, replacing & output.events.keys())
            manifest.record_written(written)
            self._load(written, output.rows, manifest, record)
        manifest.remove()
        return [reports[article_id] for article_id in order]

    def _plan(self, articles: Sequence[Article], *, first_number: int) -> list[Shard]:
        size = self.shard_size or _default_shard_size(len(articles), self.workers)
        return [
            Shard(f"shard-{first_number + n:05d}", tuple(articles[start : start + size]))
            for n, start in enumerate(range(0, len(articles), size))
        ]

    def _write_all(self, shards: list[Shard]) -> Iterator[tuple[str, ShardOutput]]:
        """(name, output) of each shard as soon as its file is complete, in any order."""
        if not shards:
            return
        if self.workers == 1:
            writer = ShardWriter(self.load_extractor(), self.work_dir)
            for shard in shards:
                yield shard.name, writer.write(shard)
            return
        executor = ProcessPoolExecutor(
            max_workers=self.workers,
            mp_context=get_context("spawn"),  # the parent holds an open store: never fork it
            initializer=_start_worker,
            initargs=(self.load_extractor, self.work_dir),
        )
        try:
            futures: dict[Future[ShardOutput], str] = {
                executor.submit(_write_in_worker, shard): shard.name for shard in shards
            }
            for future in as_completed(futures):
                yield futures[future], future.result()
        except BrokenProcessPool as error:
            raise BulkIngestError(f"a worker process stopped: {error}") from error
        finally:
            executor.shutdown(wait=True, cancel_futures=True)

    def _load(
        self,
        written: WrittenShard,
        rows: Sequence[ArticleRows] | None,
        manifest: Manifest,
        record: Callable[[IngestReport], None],
    ) -> None:
        """Load a shard file; index it from `rows`, or (a resumed shard) from the store."""
        graphs = " ;\n".join(
            f"DROP SILENT GRAPH {NamedNode(iris.article_graph(i))}" for i in written.events
        )
        self.store.update(graphs)
        shard = manifest.shard_path(written.name).read_bytes()
        self.store.load(shard, RdfFormat.N_QUADS, atomic=False)  # a stop here: loaded again
        self.store.flush()  # else an embedded store's write buffers grow with every shard
        if self.index is not None and rows is not None:
            self.index.put_articles(rows)
        elif self.index is not None:
            for article_id in written.events:
                self.index.refresh_article(self.store, article_id)
        manifest.record_loaded(written.name)
        for article_id, events in written.events.items():
            record(
                IngestReport.of(
                    article_id, created=article_id not in written.replacing, events=events
                )
            )


class ShardWriter:
    """Extracts a shard and writes its quads; one per worker process."""

    def __init__(self, extractor: ArticleExtractor, work_dir: Path) -> None:
        self.extractor = extractor
        self.work_dir = work_dir

    def write(self, shard: Shard) -> ShardOutput:
        """Write `<name>.nq` (complete, or not at all); return each article's events and rows."""
        partial = self.work_dir / f"{shard.name}.nq.part"
        events: ShardEvents = {}
        rows: list[ArticleRows] = []
        with partial.open("wb") as output:
            for extraction in self.extractor.extract_many(shard.articles):
                article_id = extraction.article.id
                quads = extraction_to_quads(extraction, extractor_version=self.extractor.version)
                serialize(quads, output, RdfFormat.N_QUADS)
                events[article_id] = stored_events(extraction)
                rows.append(
                    article_rows(article_id, ((q.subject, q.predicate, q.object) for q in quads))
                )
            output.flush()
            os.fsync(output.fileno())
        partial.replace(self.work_dir / f"{shard.name}.nq")
        return ShardOutput(events, tuple(rows))


def stored_versions(store: Store, article_ids: Sequence[str]) -> dict[str, set[tuple[str, str]]]:
    """(text, extractor version) of each of `article_ids` that has an article in its graph."""
    found: dict[str, set[tuple[str, str]]] = {}
    for start in range(0, len(article_ids), _STATE_QUERY_BATCH):
        graphs = " ".join(
            str(NamedNode(iris.article_graph(i)))
            for i in article_ids[start : start + _STATE_QUERY_BATCH]
        )
        rows = store.query(
            f"SELECT ?graph ?text ?version WHERE {{ VALUES ?graph {{ {graphs} }}\n"
            f"  GRAPH ?graph {{ ?article {vocab.text} ?text ;"
            f" {vocab.PROV_WAS_GENERATED_BY} ?activity .\n"
            f"    ?activity {vocab.extractorVersion} ?version }} }}"
        )
        assert isinstance(rows, QuerySolutions)
        for row in rows:
            text, version = row["text"], row["version"]
            article_id = iris.article_id_of_graph(row["graph"].value)
            if article_id and isinstance(text, Literal) and isinstance(version, Literal):
                found.setdefault(article_id, set()).add((text.value, version.value))
    return found


def _default_shard_size(count: int, workers: int) -> int:
    """Enough shards to keep every worker busy to the end, none over MAX_SHARD_SIZE."""
    return max(1, min(MAX_SHARD_SIZE, math.ceil(count / (workers * 4))))


def load_pipeline_extractor() -> ArticleExtractor:
    """The pipeline's extractor. spaCy is imported here, where a worker loads it: the
    parent of `workers` > 1 processes never imports it (its start-up time and memory)."""
    from alliance_kg.pipeline import Extractor

    return Extractor.load()


_worker: ShardWriter | None = None


def _start_worker(load_extractor: ExtractorLoader, work_dir: Path) -> None:
    global _worker
    _worker = ShardWriter(load_extractor(), work_dir)
    gc.freeze()  # the extractor lives as long as the process: collections need not scan it


def _write_in_worker(shard: Shard) -> ShardOutput:
    if _worker is None:
        raise BulkIngestError("the worker process was not initialised")
    return _worker.write(shard)
