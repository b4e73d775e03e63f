"""What the set-semantics rewrite (store/set_semantics.py) costs analysts' SPARQL queries.

    .venv/bin/python bench/set_semantics.py [--articles 10000] [--runs 15]

Builds an on-disk embedded store of synthetic articles (bench/rest_data.py: the same
event is reported by many articles, so its triples sit in many graphs), then times each
query of `QUERIES` two ways on the same files: as written, on pyoxigraph's bag union (a
read-only `Store` over the files: what the service did before), and through
`EmbeddedStore.query` (the rewrite). Prints, per query, the median milliseconds of both,
their ratio, the rows each returns and whether the answers are the same. Then, for every
canned query of queries/*.rq, whether the rewrite changes it (none should: their answers
cannot show a duplicate) and what deciding that costs.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from pyoxigraph import QuerySolutions, RdfFormat, serialize
from pyoxigraph import Store as OxigraphStore

from alliance_kg.queries import load_queries
from alliance_kg.rdf.base_graphs import ensure_base_graphs
from alliance_kg.rdf.mapping import extraction_to_quads
from alliance_kg.store.base import QueryResult
from alliance_kg.store.oxigraph import EmbeddedStore
from alliance_kg.store.set_semantics import distinct_runs
from rest_data import Pool, extractions, reference_pool
from rest_sparql import COUNTRY_EVENTS, PROLOGUE

CHUNK_ARTICLES = 2000
QUERIES = {
    "transfers counted": "SELECT (COUNT(*) AS ?n) WHERE { ?e a ak:ArmsTransfer }",
    "a country's events (bench/rest_sparql.py)": COUNTRY_EVENTS,
    "a country's events and their classes": """SELECT ?event ?type WHERE {
  ?event ak:participant %(state)s ; a ?type
}""",
    "a country's partners, counted": """SELECT ?other (COUNT(?event) AS ?n) WHERE {
  ?event ak:participant %(state)s, ?other FILTER(?other != %(state)s)
} GROUP BY ?other ORDER BY DESC(?n) LIMIT 20""",
    "a country's transfers, optional date and materiel": """SELECT ?e ?date ?materiel WHERE {
  ?e a ak:ArmsTransfer ; ak:participant %(state)s .
  OPTIONAL { ?e ak:date ?date }
  OPTIONAL { ?e ak:materiel ?materiel }
}""",
    "events per class": "SELECT ?type (COUNT(?e) AS ?n) WHERE { ?e a ?type } GROUP BY ?type",
    "reports per event, top 20": """SELECT ?event (COUNT(?article) AS ?reports) WHERE {
  ?event ak:reportedIn ?article ; ak:participant %(state)s
} GROUP BY ?event ORDER BY DESC(?reports) LIMIT 20""",
}
BUSIEST_EVENT = (
    PROLOGUE
    + """SELECT ?event WHERE { ?event ak:reportedIn ?article }
GROUP BY ?event ORDER BY DESC(COUNT(?article)) LIMIT 1"""
)


def build(count: int, pool: Pool, directory: Path) -> EmbeddedStore:
    store = EmbeddedStore(directory)
    ensure_base_graphs(store)
    buffer = []
    for number, extraction in enumerate(extractions(count, pool), start=1):
        buffer.extend(extraction_to_quads(extraction, extractor_version="bench-set-semantics"))
        if number % CHUNK_ARTICLES == 0 or number == count:
            store.load(serialize(buffer, format=RdfFormat.N_QUADS) or b"", RdfFormat.N_QUADS)
            buffer.clear()
            print(f"  {number} articles", file=sys.stderr, flush=True)
    store.close()
    return store


def timed(run: Callable[[], QueryResult], runs: int) -> tuple[float, list[tuple[str, ...]]]:
    """The median milliseconds of `runs` evaluations and the sorted rows of the last one."""
    timings, rows = [], []
    for _ in range(runs):
        start = time.perf_counter()
        result = run()
        assert isinstance(result, QuerySolutions)
        rows = [tuple(str(row[v]) for v in result.variables) for row in result]
        timings.append((time.perf_counter() - start) * 1000)
    return statistics.median(timings), sorted(rows)


def row(name: str, text: str, runs: int, store: EmbeddedStore, bag: OxigraphStore) -> str:
    def as_written() -> QueryResult:
        return bag.query(text, use_default_graph_as_union=True)

    def through_the_store() -> QueryResult:
        return store.query(text)

    before, before_rows = timed(as_written, runs)
    after, after_rows = timed(through_the_store, runs)
    rewritten = "rewritten" if distinct_runs(text) != text else "as written"
    answer = "same" if before_rows == after_rows else "differs"
    return (
        f"| {name} | {rewritten} | {before:.1f} | {after:.1f} | {after / before:.2f}x"
        f" | {len(before_rows)} | {len(after_rows)} | {answer} |"
    )


def canned_row(name: str, text: str, runs: int) -> str:
    """Whether the rewrite changes a canned query, and the median microseconds it takes."""
    timings = []
    for _ in range(runs):
        start = time.perf_counter()
        rewritten = distinct_runs(text)
        timings.append((time.perf_counter() - start) * 1_000_000)
    changed = "rewritten" if rewritten != text else "as written"
    return f"| /queries/{name} | {changed} | {statistics.median(timings):.0f} |"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    pool = reference_pool()
    state = random.Random(11).choice(pool.states[:40]).iri
    with tempfile.TemporaryDirectory(prefix="akg-set-semantics-") as scratch:
        store = build(args.articles, pool, Path(scratch))
        bag = OxigraphStore.read_only(scratch)
        print(f"{args.articles} articles, median of {args.runs} runs (ms)\n")
        print("| query | text | bag union | set union | ratio | rows (bag) | rows (set) | answer |")
        print("| --- | --- | --- | --- | --- | --- | --- | --- |")
        for name, sparql in QUERIES.items():
            text = PROLOGUE + sparql % {"state": f"<{state}>"}
            print(row(name, text, args.runs, store, bag), flush=True)
    print("\n| canned query | text | rewrite decided in (µs) |\n| --- | --- | --- |")
    for name, canned in load_queries().items():
        print(canned_row(name, canned.text, args.runs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
