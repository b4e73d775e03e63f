"""How long each canned query (queries/*.rq) takes through the embedded store, as it grows.

    .venv/bin/python bench/canned.py [--sizes 1000,10000] [--runs 5] [--cap 120]
                                     [--only NAME,...] [--write-benchmarks]

For each size, an on-disk embedded store of synthetic articles (bench/rest_data.py: states
drawn with Zipf-like weights, so one event is reported by many articles and its triples
sit in many article graphs) is built as bench/set_semantics.py builds it. Each canned query
then runs `--runs` times with the parameters of `CASES` (its defaults otherwise) through
`prepare` and `EmbeddedStore.query`, as `GET /queries/{name}` runs it (set-semantics
rewrite included), every row read. A query runs in its own process, killed after `--cap`
seconds: a query that blocks cannot be stopped from inside (see store/oxigraph.py). Prints
the median milliseconds and the rows of each; `--write-benchmarks` rewrites the "Canned
queries" section of BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import multiprocessing
import queue
import statistics
import sys
import tempfile
import time
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from pyoxigraph import QuerySolutions

from alliance_kg import iris
from alliance_kg.queries import load_queries, prepare
from alliance_kg.store.oxigraph import EmbeddedStore
from rest_data import reference_pool
from section import markdown_table, write_section
from set_semantics import BUSIEST_EVENT, build

HEADING = "## Canned queries"
JPN, USA = iris.country_iri("JPN"), iris.country_iri("USA")
BUSIEST = "the busiest event"  # stands for the event most articles report, found per store
# (query, parameters): required parameters get values the synthetic data holds; queries with
# an optional filter are timed with and without it
CASES: tuple[tuple[str, Mapping[str, str]], ...] = (
    ("aid-flows", {}),
    ("article-claims", {"article": iris.article_iri(f"{1:016x}")}),
    ("attributions", {}),
    ("cooperation-network", {}),
    ("country-summary", {"country": JPN}),
    ("current-status", {}),
    ("current-status", {"status": "Agreed"}),
    ("event-graph", {"event": BUSIEST}),
    ("events-by-materiel", {"materiel": iris.entity_iri("Materiel", "air defense system")}),
    ("leaders-meetings", {}),
    ("leaders-meetings", {"country": JPN}),
    ("maintenance-arrangements", {}),
    ("multi-publisher-events", {}),
    ("pair-timeline", {"country": JPN, "partner": USA}),
    ("policy-changes", {}),
    ("policy-changes", {"country": JPN}),
    ("recent-events", {}),
    ("recent-events", {"since": "2024-01-01"}),
    ("shortfalls-and-causes", {}),
    ("status-changes", {}),
    ("transfers-by-country", {"country": JPN}),
)


@dataclass(frozen=True)
class Timing:
    """The runs that finished within the cap (seconds each) and the rows of the last one
    (None when none finished)."""

    seconds: list[float]
    rows: int | None
    capped: bool

    def cell(self, cap: float) -> str:
        if not self.seconds:
            return f"> {cap * 1000:.0f}"
        median = f"{statistics.median(self.seconds) * 1000:.1f}"
        return f"{median} ({len(self.seconds)} runs)" if self.capped else median


def run_case(
    directory: str,
    name: str,
    params: Mapping[str, str],
    runs: int,
    report: queue.Queue[tuple[float, int]],
) -> None:
    """In a child process: run the canned query `runs` times, reporting (seconds, rows) of each."""
    store = EmbeddedStore(Path(directory))
    prepared = prepare(load_queries()[name], params)
    for _ in range(runs):
        start = time.perf_counter()
        result = store.query(prepared.text, substitutions=prepared.substitutions)
        rows = sum(1 for _ in result)
        report.put((time.perf_counter() - start, rows))


def time_case(
    directory: Path, name: str, params: Mapping[str, str], runs: int, cap: float
) -> Timing:
    context = multiprocessing.get_context("spawn")
    report: queue.Queue[tuple[float, int]] = context.Queue()
    child = context.Process(
        target=run_case, args=(str(directory), name, dict(params), runs, report)
    )
    child.start()
    child.join(cap)
    capped = child.is_alive()
    if capped:
        child.kill()
        child.join()
    finished = []
    while True:
        try:
            finished.append(report.get(timeout=1))
        except queue.Empty:
            break
    return Timing(
        [seconds for seconds, _ in finished], finished[-1][1] if finished else None, capped
    )


def busiest_event(directory: Path) -> str:
    store = EmbeddedStore(directory)
    result = store.query(BUSIEST_EVENT)
    assert isinstance(result, QuerySolutions)
    (row,) = list(result)
    return str(row["event"].value)


Case = tuple[str, Mapping[str, str]]


def measure(size: int, cases: list[Case], args: argparse.Namespace) -> list[Timing]:
    timings = []
    with tempfile.TemporaryDirectory(prefix="akg-bench-canned-") as scratch:
        directory = Path(scratch)
        build(size, reference_pool(), directory)  # dropped at once: a child opens the files
        event = busiest_event(directory)
        for name, params in cases:
            bound = {key: event if value == BUSIEST else value for key, value in params.items()}
            timing = time_case(directory, name, bound, args.runs, args.cap)
            print(
                f"  {size} {name} {params}: {timing.cell(args.cap)} ms", file=sys.stderr, flush=True
            )
            timings.append(timing)
    return timings


def report_lines(
    cases: list[Case], sizes: list[int], results: list[list[Timing]], cap: float
) -> list[str]:
    headers = ["query", "parameters"]
    headers += [f"{header} @{size:,}" for size in sizes for header in ("ms", "rows")]
    rows = []
    for number, (name, params) in enumerate(cases):
        shown = ", ".join(f"{key}={_short(value)}" for key, value in params.items()) or "defaults"
        row = [f"`{name}`", shown]
        for timings in results:
            row += [timings[number].cell(cap), _rows(timings[number].rows)]
        rows.append(row)
    return markdown_table(headers, rows)


def _rows(rows: int | None) -> str:
    return "-" if rows is None else str(rows)


def _short(value: str) -> str:
    """A parameter value as the table shows it: an IRI by its last segment."""
    return value.rsplit("/", 1)[-1] if "://" in value else value


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000", help="article counts, comma-separated")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cap", type=float, default=120, help="seconds a query's runs may take")
    parser.add_argument("--only", default="", help="canned query names, comma-separated")
    parser.add_argument("--write-benchmarks", action="store_true")
    args = parser.parse_args()
    only = {name for name in args.only.split(",") if name}
    cases = [case for case in CASES if not only or case[0] in only]
    sizes = [int(size) for size in args.sizes.split(",")]
    results = [measure(size, cases, args) for size in sizes]
    lines = report_lines(cases, sizes, results, args.cap)
    print("\n".join(lines))
    if args.write_benchmarks:
        day = datetime.now(UTC).date().isoformat()
        command = f"python bench/canned.py --sizes {args.sizes} --runs {args.runs}"
        write_section(HEADING, "\n".join([f"Made by `{command}` on {day}.", "", *lines]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
