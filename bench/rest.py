"""REST read paths at scale: p50 and p99 of each endpoint over generated articles.

    .venv/bin/python bench/rest.py --articles 10000 100000 [--requests 300] [--write-benchmarks]

For each N, synthetic contract-shaped articles (see `rest_data`) go through the real
mapping (`extraction_to_quads`) into an on-disk embedded store, bulk-loaded in N-Quads
chunks, and their rows (the real `article_rows`) into an on-disk read index through
`ReadIndex.bulk_put`, the rebuild path (per-event rows derived once at the end, rather
than after every article as `Ingest` does). Requests run in-process through FastAPI's
TestClient (routing, validation and JSON included), with varied parameters. Where N is at
most `--natural-max`, the natural SPARQL for the same lookups runs on the same store.
`--write-benchmarks` rewrites the "## REST" section of BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from fastapi.testclient import TestClient
from pyoxigraph import RdfFormat, serialize

from alliance_kg.api import create_app
from alliance_kg.index import ReadIndex, article_rows
from alliance_kg.index.rows import ArticleRows
from alliance_kg.rdf.base_graphs import ensure_base_graphs
from alliance_kg.rdf.mapping import extraction_to_quads
from alliance_kg.settings import Settings
from alliance_kg.store.oxigraph import EmbeddedStore
from rest_data import Pool, extractions, reference_pool
from rest_sparql import NATURAL_QUERIES, natural_timings
from section import markdown_table, write_section

SECTION_HEADING = "## REST"
CHUNK_ARTICLES = 5_000

METHOD = (
    "Synthetic contract-shaped articles (3-5 events each, states drawn with Zipf-like "
    "weights, so events are shared by many articles) go through the real mapping into an "
    "on-disk embedded store (bulk-loaded N-Quads) and through `article_rows` into an on-disk "
    "read index (`ReadIndex.bulk_put`, the rebuild path). Each endpoint is called in-process "
    "through FastAPI's TestClient, with varied parameters."
)

Request = tuple[str, dict[str, str]]


def build(count: int, pool: Pool, directory: Path) -> tuple[EmbeddedStore, ReadIndex, int]:
    """A store and an index holding `count` synthetic articles; returns the quad count."""
    store = EmbeddedStore(directory / "store")
    ensure_base_graphs(store)
    index = ReadIndex.open(directory / "store.index.sqlite")
    quads_written = 0

    def rows() -> Iterator[ArticleRows]:
        nonlocal quads_written
        buffer = []
        for number, extraction in enumerate(extractions(count, pool), start=1):
            quads = extraction_to_quads(extraction, extractor_version="bench-rest")
            buffer.extend(quads)
            quads_written += len(quads)
            triples = ((quad.subject, quad.predicate, quad.object) for quad in quads)
            yield article_rows(extraction.article.id, triples)
            if number % CHUNK_ARTICLES == 0 or number == count:
                store.load(serialize(buffer, format=RdfFormat.N_QUADS) or b"", RdfFormat.N_QUADS)
                buffer.clear()
                print(f"  {number} articles", file=sys.stderr, flush=True)

    index.sync_reference(store)
    index.bulk_put(rows())
    return store, index, quads_written


def requests(pool: Pool, count: int) -> dict[str, list[Request]]:
    """`count` varied requests per endpoint, drawn with a fixed seed."""
    rng = random.Random(7)
    states = [
        state.iri.removeprefix("https://w3id.org/alliance-kg/resource/") for state in pool.states
    ]
    busy = states[:40]
    materiel = [
        "materiel/missile",
        "materiel/weapon-system",
        "materiel/patriot",
        "materiel/howitzer",
    ]
    classes = ["ArmsTransfer", "LeadersMeeting", "DefenseCooperation", "MilitaryAid"]

    def prefix() -> str:
        label = rng.choice(pool.labels)
        return label[: rng.randint(1, min(6, len(label)))]

    makers: dict[str, Callable[[], Request]] = {
        "GET /entities?q=": lambda: ("/entities", {"q": prefix()}),
        "GET /entities?q=&type=": lambda: (
            "/entities",
            {"q": prefix(), "type": rng.choice(["Country", "Person", "Materiel"])},
        ),
        "GET /entities/{id}": lambda: (f"/entities/{rng.choice(busy)}", {}),
        "GET /events?participant=": lambda: ("/events", {"participant": rng.choice(busy)}),
        "GET /events?participant=&role=&type=": lambda: (
            "/events",
            {"participant": rng.choice(busy), "role": "supplier", "type": "ArmsTransfer"},
        ),
        "GET /events?type=&status=": lambda: (
            "/events",
            {"type": rng.choice(classes), "status": "Agreed"},
        ),
        "GET /events?materiel=": lambda: ("/events", {"materiel": rng.choice(materiel)}),
        "GET /events?from=&to=": lambda: (
            "/events",
            {"from": f"{rng.randrange(2019, 2025)}-{rng.randrange(1, 13):02d}", "to": "2025-12"},
        ),
        "GET /events?min_articles=&offset=": lambda: (
            "/events",
            {"min_articles": "3", "offset": str(rng.randrange(0, 500))},
        ),
        "GET /stats": lambda: ("/stats", {}),
        "GET /.well-known/void": lambda: ("/.well-known/void", {}),
        "GET /resource/country/{id}": lambda: (f"/resource/{rng.choice(busy)}", {}),
    }
    return {name: [make() for _ in range(count)] for name, make in makers.items()}


def measure(client: TestClient, batch: list[Request]) -> list[float]:
    """Milliseconds per request; every answer must be a 200."""
    timings = []
    for path, params in batch:
        start = time.perf_counter()
        response = client.get(path, params=params)
        timings.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            raise RuntimeError(f"{path} {params}: {response.status_code} {response.text[:200]}")
    return timings


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def run(count: int, args: argparse.Namespace, pool: Pool) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="akg-bench-rest-") as directory:
        started = time.perf_counter()
        store, index, quads = build(count, pool, Path(directory))
        built = time.perf_counter() - started
        print(f"N={count}: {quads} quads, built in {built:.0f} s", file=sys.stderr)
        rest: dict[str, tuple[float, float]] = {}
        with TestClient(create_app(Settings(), store, None, index)) as client:
            for name, batch in requests(pool, args.requests).items():
                measure(client, batch[:10])  # warm-up
                timings = measure(client, batch)
                rest[name] = (percentile(timings, 0.5), percentile(timings, 0.99))
                print(f"  {name}: p50 {rest[name][0]:.1f} ms", file=sys.stderr, flush=True)
        natural = (
            natural_timings(store, pool, args.natural_runs) if count <= args.natural_max else {}
        )
        index.close()
        store.close()
    return {"count": count, "quads": quads, "built": built, "rest": rest, "natural": natural}


def report_lines(results: list[dict[str, object]], requests_per_endpoint: int) -> list[str]:
    headers = ["endpoint"]
    for result in results:
        headers += [f"p50 ms @{result['count']:,}", f"p99 ms @{result['count']:,}"]
    names = list(results[0]["rest"])  # type: ignore[call-overload]
    rows = []
    for name in names:
        row = [f"`{name}`"]
        for result in results:
            p50, p99 = result["rest"][name]  # type: ignore[index]
            row += [f"{p50:.1f}", f"{p99:.1f}"]
        rows.append(row)
    lines = markdown_table(headers, rows)
    sizes = ", ".join(
        f"{r['count']:,} articles = {r['quads']:,} quads (built in {r['built']:.0f} s)"
        for r in results
    )
    lines += ["", f"{requests_per_endpoint} requests per endpoint, after 10 warm-up ones. {sizes}."]
    natural = [r for r in results if r["natural"]]
    for result in natural:
        lines += [
            "",
            f"Natural SPARQL for the same lookups on the same store, {result['count']:,} "
            "articles (median of the runs, ms), beside the REST endpoint's p50:",
            "",
        ]
        rows = [
            [f"`{name}`", f"{result['natural'][name]:.0f}", f"{result['rest'][endpoint][0]:.1f}"]  # type: ignore[index]
            for name, endpoint in NATURAL_QUERIES
        ]
        lines += markdown_table(["lookup", "SPARQL ms", "REST p50 ms"], rows)
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--requests", type=int, default=300, help="per endpoint")
    parser.add_argument("--natural-max", type=int, default=10_000, help="largest N for SPARQL")
    parser.add_argument("--natural-runs", type=int, default=5, help="runs per SPARQL lookup")
    parser.add_argument("--write-benchmarks", action="store_true")
    args = parser.parse_args()
    pool = reference_pool()
    results = [run(count, args, pool) for count in args.articles]
    lines = report_lines(results, args.requests)
    print("\n".join(lines))
    if args.write_benchmarks:
        command = "python bench/rest.py --articles " + " ".join(map(str, args.articles))
        body = [f"Made by `{command}` on 2 cores. {METHOD}", "", *lines]
        write_section(SECTION_HEADING, "\n".join(body))
    return 0


if __name__ == "__main__":
    sys.exit(main())
