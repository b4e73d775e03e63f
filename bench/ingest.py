"""Ingest throughput: articles per second and peak memory, extraction alone and end to end.

    .venv/bin/python bench/ingest.py [--count 2000] [--corpus FILE] [--workers 1,2]
                                     [--ner rules,model] [--repeats 1] [--write-benchmarks]

The corpus is `bench/corpus.py`'s (generated into a temporary folder unless `--corpus`
names a `.jsonl`). Each case runs in a fresh process tree, timed from its start to its
end, spaCy's start-up included:

- `extract`: `Extractor.extract_many` in one process; with 2 workers, spaCy's own
  multiprocessing (`n_process=2`: parsing in child processes, rules in the parent);
- `extract-pool`: a pool of worker processes, each loading the extractor once and running
  spaCy and the rules on its shards (what `akg ingest --workers N` does);
- `ingest`: `akg ingest --workers N corpus.jsonl` into a new embedded store on disk
  (reading, extraction, mapping, N-Quads shards, loading).

CPU time is the user and system time of the whole process tree (`os.wait4`), so
articles per CPU-second hold on a busy machine where wall-clock rates do not.
Memory is sampled every 0.2 s from /proc (VmRSS): the peak of the summed resident set
size of the case's process and all its descendants, and the largest single process.
Times are medians over `--repeats` runs. `--ner` picks the entity recognisers to compare
(`AKG_NER` for each case: `rules`, the default, and `model`, spaCy's statistical NER).
`--cases` picks cases; `--profile N` instead
profiles (cProfile) a one-process bulk ingest of N articles into an in-memory store and
prints where the time goes: spaCy, the rules, the mapping, the store.
`--profile-stages N` measures the CPU time of each stage, per article, on N articles: in one
process, the worker's stages (extractor load, spaCy, the rules, mapping, N-Quads, index
rows, pickling across the process boundary) timed with `time.process_time`; then
`akg ingest --workers W` run in this process (W: the first of `--workers`, at least 2: with
one, the profiler would slow the extraction the parent then runs), its parent's
CPU time split by cProfile (store, index, results) and its workers' CPU time
(`RUSAGE_CHILDREN`). Figures hold on a busy machine: they are CPU time, not wall time.
`--write-benchmarks` rewrites the "## Ingest throughput" section of BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import gc
import io
import itertools
import os
import pickle
import pstats
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from functools import partial
from multiprocessing import get_context
from pathlib import Path
from typing import Any, TypeVar

from pyoxigraph import RdfFormat, serialize

from alliance_kg import EXTRACTOR_VERSION, cli
from alliance_kg.bulk import BulkIngest, ShardOutput
from alliance_kg.index import article_rows
from alliance_kg.model import Article
from alliance_kg.pipeline import Extractor
from alliance_kg.rdf.mapping import extraction_to_quads, stored_events
from alliance_kg.reading import read_file
from alliance_kg.store.oxigraph import EmbeddedStore
from corpus import describe_lengths, write_corpus
from section import write_section

_T = TypeVar("_T")
HEADING = "## Ingest throughput"
CASES = ("extract", "extract-pool", "ingest")
AKG = Path(sys.executable).with_name("akg")
SAMPLE_SECONDS = 0.2
POOL_SHARD = 50
PROFILED_STAGES = {  # label -> (part of the file path, function name)
    "spaCy (Language.pipe)": ("spacy/language.py", "pipe"),
    "rules (Extractor._rules)": ("pipeline/extractor.py", "_rules"),
    "mapping (extraction_to_quads)": ("rdf/mapping.py", "extraction_to_quads"),
    "N-Quads writing (serialize)": ("~", "serialize"),
    "store (drop graphs + load)": ("alliance_kg/bulk.py", "_load"),
}
SPACY = "spaCy (extract_many but the rules)"
RULES = "rules (Extractor._rules)"
PARENT_STAGES = {  # label -> (part of the file path, function name), in an ingest's parent
    "read the corpus": ("alliance_kg/cli.py", "read_articles"),
    "base graphs and index open": ("alliance_kg/cli.py", "_indexed"),
    "skip check (stored versions)": ("alliance_kg/bulk.py", "stored_versions"),
    "store: drop graphs": ("store/oxigraph.py", "update"),
    "store: load shard": ("store/oxigraph.py", "load"),
    "store: flush": ("store/oxigraph.py", "flush"),
    "index: put rows": ("index/read_index.py", "put_articles"),
    "manifest": ("alliance_kg/bulk_manifest.py", "record_loaded"),
    "report lines and progress bar": ("alliance_kg/cli.py", "report"),
}


@dataclass(frozen=True)
class Measurement:
    case: str
    ner: str
    workers: int
    articles: int
    seconds: float
    cpu_seconds: float  # user + system time of the whole process tree
    peak_tree_mb: float
    largest_process_mb: float

    @property
    def rate(self) -> float:
        return self.articles / self.seconds

    @property
    def cpu_rate(self) -> float:
        """Articles per CPU-second: robust to other work on the machine, unlike `rate`."""
        return self.articles / self.cpu_seconds


def run_case(case: str, workers: int, corpus: Path) -> None:
    """The child side: do the work of one case; the parent times it."""
    articles = read_file(corpus)
    if case == "extract":
        extractor = Extractor.load()
        for _ in extractor.extract_many(articles, n_process=workers):
            pass
    elif case == "extract-pool":
        shards = [articles[n : n + POOL_SHARD] for n in range(0, len(articles), POOL_SHARD)]
        with ProcessPoolExecutor(
            workers, mp_context=get_context("spawn"), initializer=_load_worker
        ) as pool:
            sum(pool.map(_extract_shard, shards))
    else:
        raise ValueError(f"unknown case {case!r}")


_extractor: Extractor | None = None


def _load_worker() -> None:
    global _extractor
    _extractor = Extractor.load()
    gc.freeze()  # as `akg ingest --workers N` does


def _extract_shard(shard: Sequence[object]) -> int:
    assert _extractor is not None
    return sum(1 for _ in _extractor.extract_many(shard))  # type: ignore[arg-type]


def print_profile(articles: Sequence[Article]) -> None:
    """Where one process spends an ingest: cumulative seconds of each stage's entry point."""
    extractor = Extractor.load()
    store = EmbeddedStore(None)
    with tempfile.TemporaryDirectory(prefix="akg-profile-") as work:
        bulk = BulkIngest(store, lambda: extractor, extractor.version, Path(work))
        profiler = cProfile.Profile()
        start = time.perf_counter()
        profiler.runcall(bulk.run, articles)
        total = time.perf_counter() - start
    stats = pstats.Stats(profiler)
    print(f"{len(articles)} articles in {total:.1f} s ({len(articles) / total:.1f} articles/s)")
    for label, (file_part, function) in PROFILED_STAGES.items():
        seconds = sum(
            row[3]
            for (path, _, name), row in stats.stats.items()  # type: ignore[attr-defined]
            if name in (function, f"<built-in function {function}>") and file_part in path
        )
        print(f"{label:<34} {seconds:>7.1f} s  {100 * seconds / total:>5.1f} %")


def print_stage_costs(articles: Sequence[Article], workers: int, corpus: Path) -> None:
    """CPU milliseconds per article of each stage: a worker's, then an ingest's parent."""
    count = len(articles)
    costs: dict[str, float] = {}

    def timed(label: str, work: Callable[[], _T]) -> _T:
        start = time.process_time()
        result = work()
        costs[label] = costs.get(label, 0.0) + time.process_time() - start
        return result

    extractor = timed("extractor load (once per process)", Extractor.load)
    rules = extractor._rules

    def timed_rules(*args: Any) -> Any:
        return timed(RULES, partial(rules, *args))

    extractor._rules = timed_rules  # type: ignore[method-assign]
    extractions = timed(SPACY, partial(list, extractor.extract_many(articles)))
    costs[SPACY] -= costs[RULES]
    costs[RULES] = costs.pop(RULES)  # printed after spaCy
    output = io.BytesIO()
    events, rows = {}, []
    for extraction in extractions:
        article_id = extraction.article.id
        to_quads = partial(extraction_to_quads, extraction, extractor_version=extractor.version)
        quads = timed("mapping (extraction_to_quads)", to_quads)
        timed("N-Quads (serialize)", partial(serialize, quads, output, RdfFormat.N_QUADS))
        events[article_id] = timed("stored events", partial(stored_events, extraction))
        triples = [(q.subject, q.predicate, q.object) for q in quads]
        rows.append(timed("index rows", partial(article_rows, article_id, triples)))
    sent = partial(pickle.dumps, tuple(articles))
    timed("pickle: articles to a worker", lambda: pickle.loads(sent()))
    returned = partial(pickle.dumps, ShardOutput(events, tuple(rows)))
    timed("pickle: results to the parent", lambda: pickle.loads(returned()))
    print(f"worker stages, one process, {count} articles: CPU ms per article")
    for label, seconds in costs.items():
        print(
            f"  {label:<38} {1000 * seconds / count:>8.2f}"
            + ("" if "once" not in label else f"  ({seconds:.2f} s)")
        )
    with tempfile.TemporaryDirectory(prefix="akg-stages-") as scratch:
        profiler = cProfile.Profile(time.thread_time)  # the main thread's: not the pool's
        before = (
            resource.getrusage(resource.RUSAGE_SELF),
            resource.getrusage(resource.RUSAGE_CHILDREN),
        )
        argv = [
            "--store",
            str(Path(scratch) / "store"),
            "ingest",
            "--workers",
            str(workers),
            str(corpus),
        ]
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            profiler.runcall(cli.main, argv)
        after = (
            resource.getrusage(resource.RUSAGE_SELF),
            resource.getrusage(resource.RUSAGE_CHILDREN),
        )
    parent, children = (_cpu(a) - _cpu(b) for a, b in zip(after, before, strict=True))
    stats = pstats.Stats(profiler)
    print(f"akg ingest --workers {workers}, {count} articles: CPU ms per article")
    print(f"  {'parent process, all':<38} {1000 * parent / count:>8.2f}")
    listed = 0.0
    for label, (file_part, function) in PARENT_STAGES.items():
        seconds = sum(
            row[3]
            for (path, _, name), row in stats.stats.items()  # type: ignore[attr-defined]
            if name == function and file_part in path
        )
        listed += seconds
        print(f"    {label:<36} {1000 * seconds / count:>8.2f}")
    other = "other (results from the pool, start-up)"
    print(f"    {other:<36} {1000 * (parent - listed) / count:>8.2f}")
    print(f"  {'worker processes, all':<38} {1000 * children / count:>8.2f}")
    print(f"  {'total':<38} {1000 * (parent + children) / count:>8.2f}")


def _cpu(usage: resource.struct_rusage) -> float:
    return usage.ru_utime + usage.ru_stime


def measure(command: list[str], case: str, ner: str, workers: int, articles: int) -> Measurement:
    """Run `command` with `AKG_NER=ner`, sampling its process tree's memory; its wall time
    and peaks."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(
            command,
            stdout=subprocess.DEVNULL,
            stderr=errors,
            env={**os.environ, "AKG_NER": ner},
        )
        peak = _TreeMemory(process.pid)
        peak.start()
        _, status, usage = os.wait4(process.pid, 0)  # the tree's CPU time, children included
        seconds = time.perf_counter() - start
        code = process.returncode = os.waitstatus_to_exitcode(status)
        peak.stop()
        if code != 0:
            errors.seek(0)
            message = errors.read().decode(errors="replace")[-2000:]
            raise RuntimeError(f"{' '.join(command)} exited with {code}:\n{message}")
    cpu = usage.ru_utime + usage.ru_stime
    return Measurement(case, ner, workers, articles, seconds, cpu, peak.tree_mb, peak.largest_mb)


class _TreeMemory(threading.Thread):
    """Samples the VmRSS of a process and its descendants; keeps the peak sum and maximum."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.tree_mb = self.largest_mb = 0.0
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.wait(SAMPLE_SECONDS):
            sizes = [_rss_kb(pid) / 1024 for pid in _tree(self.pid)]
            self.tree_mb = max(self.tree_mb, sum(sizes))
            self.largest_mb = max(self.largest_mb, *sizes)

    def stop(self) -> None:
        self._done.set()
        self.join()


def _tree(root: int) -> set[int]:
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents[int(entry.name)] = int(fields[1])
    tree, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent]
        tree.update(children)
        frontier += children
    return tree


def _rss_kb(pid: int) -> int:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return 0
    line = next((line for line in status.splitlines() if line.startswith("VmRSS:")), "")
    return int(line.split()[1]) if line else 0


def bench(
    corpus: Path,
    cases: Sequence[str],
    worker_counts: Sequence[int],
    repeats: int,
    recognisers: Sequence[str],
) -> list[Measurement]:
    count = len(read_file(corpus))
    results: list[Measurement] = []
    for case, ner in itertools.product(cases, recognisers):
        for workers in worker_counts:
            if case == "extract-pool" and workers == 1:
                continue
            runs = []
            for _ in range(repeats):
                with tempfile.TemporaryDirectory(prefix="akg-bench-") as scratch:
                    if case == "ingest":
                        store = Path(scratch) / "store"
                        command = [str(AKG), "--store", str(store), "ingest"]
                        command += ["--workers", str(workers), str(corpus)]
                    else:
                        command = [sys.executable, __file__, "--case", case]
                        command += ["--workers", str(workers), "--corpus", str(corpus)]
                    runs.append(measure(command, case, ner, workers, count))
                    print(_row(runs[-1]), file=sys.stderr)
            results.append(_median(runs))
    return results


def _median(runs: list[Measurement]) -> Measurement:
    middle = sorted(runs, key=lambda run: run.seconds)[len(runs) // 2]
    seconds = statistics.median(run.seconds for run in runs)
    cpu = statistics.median(run.cpu_seconds for run in runs)
    tree_mb = max(run.peak_tree_mb for run in runs)
    largest_mb = max(run.largest_process_mb for run in runs)
    return Measurement(
        middle.case, middle.ner, middle.workers, middle.articles, seconds, cpu, tree_mb, largest_mb
    )


def _row(m: Measurement) -> str:
    return (
        f"{m.case:<13} {m.ner:<6} {m.workers:>7} {m.articles:>8} {m.seconds:>8.1f} {m.rate:>10.1f}"
        f" {m.cpu_seconds:>8.1f} {m.cpu_rate:>10.2f}"
        f" {m.peak_tree_mb:>12.0f} {m.largest_process_mb:>11.0f}"
    )


def table(results: Sequence[Measurement]) -> list[str]:
    header = (
        f"{'case':<13} {'ner':<6} {'workers':>7} {'articles':>8} {'seconds':>8} {'articles/s':>10}"
        f" {'CPU s':>8} {'art/CPU-s':>10} {'peak tree MB':>12} {'largest MB':>11}"
    )
    return [header, "-" * len(header), *map(_row, results)]


def benchmarks_section(results: Sequence[Measurement], command: str, words: float) -> str:
    lines = [
        "Articles per second and peak memory on the generated corpus of `bench/corpus.py`",
        f"(about {words:.0f} words per article), {os.cpu_count()} cores, load average"
        f" {os.getloadavg()[0]:.1f} at the end",
        "(other work on the machine slows every row; CPU seconds, of the whole process tree,",
        "do not depend on it). Wall time includes start-up; memory",
        "is the peak summed RSS of the process tree and the largest single process",
        "(sampled every 0.2 s). See bench/ingest.py.",
        "",
        f"Run on {date.today().isoformat()} with `{command}` (extractor `{EXTRACTOR_VERSION}`).",
        "",
        "```text",
        *table(results),
        "```",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--corpus", type=Path, help="a .jsonl corpus (default: generate one)")
    parser.add_argument("--workers", default="1,2", help="comma-separated process counts")
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--ner", default="rules", help="comma-separated: rules, model")
    parser.add_argument("--cases", default=",".join(CASES), help="comma-separated cases")
    parser.add_argument("--profile", type=int, metavar="N", help="profile N articles instead")
    parser.add_argument("--profile-stages", type=int, metavar="N", help="CPU ms per stage")
    parser.add_argument("--write-benchmarks", action="store_true")
    parser.add_argument("--case", help=argparse.SUPPRESS)  # the child side of one case
    args = parser.parse_args()
    worker_counts = [int(n) for n in args.workers.split(",")]
    if args.case:
        run_case(args.case, worker_counts[0], args.corpus)
        return
    with tempfile.TemporaryDirectory(prefix="akg-corpus-") as scratch:
        corpus = args.corpus or write_corpus(Path(scratch), args.count)
        if args.profile_stages:
            staged = Path(scratch) / "staged.jsonl"
            subset = corpus.read_text(encoding="utf-8").splitlines()[: args.profile_stages]
            staged.write_text("\n".join(subset) + "\n", encoding="utf-8")
            print_stage_costs(read_file(staged), max(2, worker_counts[0]), staged)
            return
        if args.profile:
            print_profile(read_file(corpus)[: args.profile])
            return
        words = statistics.mean(len(a.text.split()) for a in read_file(corpus))
        print(f"corpus {corpus}: {describe_lengths(corpus)}", file=sys.stderr)
        recognisers = args.ner.split(",")
        results = bench(corpus, args.cases.split(","), worker_counts, args.repeats, recognisers)
    print("\n".join(table(results)))
    if args.write_benchmarks:
        command = "python " + " ".join(sys.argv)
        write_section(HEADING, benchmarks_section(results, command, words))


if __name__ == "__main__":
    main()
