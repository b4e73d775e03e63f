"""How load and query costs grow with the number of articles, embedded and on Oxigraph server.

    .venv/bin/python bench/scale.py [--sizes 1000,10000,100000] [--backends embedded,server]
                                    [--repeats 20] [--write-benchmarks]

The articles are synthetic, not extracted: running 100k articles through spaCy would take
hours here (bench/ingest.py measures the extractor). Each is an `Extraction` built from
reference entities (countries with a Wikidata link, materiel), `EVENTS_PER_ARTICLE` events
of random classes, statuses, dates and one mention each, mapped by the product's own
`extraction_to_quads`, so the quads have the contract's shape and the cross-article event
identities merge as real reports do.

For each backend the store grows step by step to each size. Per step: the bulk load of the
new articles' N-Quads (`Store.load`, shards of `SHARD_ARTICLES`), then `INCREMENTAL`
articles ingested one by one (`Store.replace_graph`, what `POST /articles` does), then each
query of `QUERIES` run `--repeats` times with varied parameters (p50, p99). Costs per
article at each size and their ratio to the smallest size show how they grow.
`--write-benchmarks` rewrites the "## Scale" section of BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from pyoxigraph import NamedNode, Quad, RdfFormat, parse, serialize

from alliance_kg import iris, resources, vocab
from alliance_kg.model import (
    Article,
    Entity,
    EntityType,
    Event,
    EventClass,
    EventDate,
    Extraction,
    Mention,
    Role,
    Status,
    article_id,
)
from alliance_kg.rdf.base_graphs import ensure_base_graphs
from alliance_kg.rdf.mapping import extraction_to_quads
from alliance_kg.store.base import Store
from alliance_kg.store.oxigraph import EmbeddedStore
from alliance_kg.store.remote import RemoteStore
from section import write_section

sys.path.insert(0, str(Path(__file__).parents[1] / "tests"))
from servers import start_oxigraph_server

HEADING = "## Scale"
EVENTS_PER_ARTICLE = 6
SHARD_ARTICLES = 1000
INCREMENTAL = 50
SEED = 11
VERSION = "bench-scale/1"

ROLE_PAIRS: dict[EventClass, tuple[Role, Role]] = {
    EventClass.ARMS_TRANSFER: (Role.SUPPLIER, Role.RECIPIENT),
    EventClass.MILITARY_AID: (Role.DONOR, Role.RECIPIENT),
    EventClass.MAINTENANCE_COOPERATION: (Role.PROVIDER, Role.CLIENT),
}

PREFIX = f"PREFIX ak: <{iris.AK}>\nPREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
QUERIES: dict[str, str] = {
    "events of a country": PREFIX
    + "SELECT DISTINCT ?event ?type WHERE { ?event ak:participant <{a}> ; a ?type }",
    "timeline of a pair": PREFIX
    + "SELECT DISTINCT ?event ?type ?date WHERE { ?event ak:participant <{a}>, <{b}> ;"
    " a ?type . OPTIONAL { ?event ak:date ?date } } ORDER BY ?date",
    "counts by class": PREFIX
    + "SELECT ?type (COUNT(DISTINCT ?event) AS ?n) WHERE { ?event a ?type ."
    " ?type rdfs:subClassOf* ak:Event } GROUP BY ?type",
    "label prefix search": PREFIX
    + "SELECT DISTINCT ?entity ?label WHERE { ?entity rdfs:label ?label"
    ' FILTER(STRSTARTS(LCASE(STR(?label)), "{prefix}")) } LIMIT 20',
}


@dataclass(frozen=True)
class Step:
    """Figures of one backend at one size."""

    backend: str
    articles: int
    quads: int
    bulk_seconds: float  # loading the articles added at this step
    bulk_articles: int
    incremental_ms: float  # per article, one transaction each
    latencies: dict[str, tuple[float, float]]  # query -> (p50 ms, p99 ms)


class SyntheticCorpus:
    """Contract-shaped extractions from reference entities; deterministic."""

    def __init__(self) -> None:
        reference = list(parse(path=str(resources.REFERENCE_FILE), format=RdfFormat.TURTLE))
        self.countries = _entities(reference, vocab.Country, EntityType.COUNTRY, linked=True)
        self.materiel = _entities(reference, vocab.Materiel, EntityType.MATERIEL, linked=False)
        self._random = random.Random(SEED)
        self._count = 0

    def extractions(self, count: int) -> Iterator[Extraction]:
        for _ in range(count):
            self._count += 1
            yield self._extraction(self._count)

    def _extraction(self, number: int) -> Extraction:
        rng = self._random
        published = date(2022, 1, 1) + timedelta(days=rng.randrange(4 * 365))
        sentences: list[str] = []
        events: list[Event] = []
        offset = 0
        for n in range(EVENTS_PER_ARTICLE):
            kind = rng.choice(list(EventClass))
            first, second = rng.sample(self.countries, 2)
            materiel = rng.choice(self.materiel)
            sentence = f"{first.label} and {second.label} on {materiel.label}, item {number}.{n}."
            roles = ROLE_PAIRS.get(kind, (Role.PARTICIPANT, Role.PARTICIPANT))
            status = rng.choice(list(Status))
            mention = Mention(offset, offset + len(sentence), sentence, status)
            when = EventDate(published.year, rng.choice([None, published.month]))
            events.append(
                Event(
                    type=kind,
                    status=status,
                    roles=((roles[0], first), (roles[1], second), (Role.MATERIEL, materiel)),
                    mentions=(mention,),
                    date=when,
                )
            )
            sentences.append(sentence)
            offset += len(sentence) + 1
        text = " ".join(sentences)
        article = Article(
            id=article_id(text),
            text=text,
            title=f"Synthetic report {number}",
            published=published,
            publisher="bench",
        )
        named = {entity.iri: entity for event in events for _, entity in event.roles}
        return Extraction(article, tuple(events), tuple(named[iri] for iri in sorted(named)))

    def label_prefixes(self) -> list[str]:
        return sorted({entity.label[:3].lower() for entity in self.countries + self.materiel})


def _entities(
    quads: Sequence[Quad], cls: NamedNode, kind: EntityType, *, linked: bool
) -> list[Entity]:
    labels = {q.subject: q.object.value for q in quads if q.predicate == vocab.RDFS_LABEL}
    typed = {
        q.subject
        for q in quads
        if q.predicate == vocab.RDF_TYPE and q.object == cls and q.subject in labels
    }
    if linked:
        same = NamedNode("http://www.w3.org/2002/07/owl#sameAs")
        typed &= {q.subject for q in quads if q.predicate == same}
    return sorted(
        (
            Entity(s.value, labels[s], kind)
            for s in typed
            if isinstance(s, NamedNode) and s in labels
        ),
        key=lambda entity: entity.iri,
    )


def grow(
    backend: str,
    store: Store,
    corpus: SyntheticCorpus,
    sizes: Sequence[int],
    repeats: int,
) -> Iterator[Step]:
    """Load the store up to each size in turn; measure each step."""
    ensure_base_graphs(store)
    loaded = quads_total = 0
    for size in sizes:
        new = size - loaded - INCREMENTAL
        bulk_seconds = 0.0
        for shard in _shards(corpus, new):
            quads_total += shard.count(b"\n")
            start = time.perf_counter()
            store.load(shard, RdfFormat.N_QUADS)
            bulk_seconds += time.perf_counter() - start
        incremental = list(corpus.extractions(INCREMENTAL))
        graphs = [extraction_to_quads(e, extractor_version=VERSION) for e in incremental]
        start = time.perf_counter()
        for extraction, quads in zip(incremental, graphs, strict=True):
            store.replace_graph(iris.article_graph(extraction.article.id), quads)
        incremental_ms = 1000 * (time.perf_counter() - start) / INCREMENTAL
        quads_total += sum(map(len, graphs))
        loaded = size
        latencies = {name: _latency(store, text, corpus, repeats) for name, text in QUERIES.items()}
        step = Step(backend, size, quads_total, bulk_seconds, new, incremental_ms, latencies)
        print(_row(step, None), file=sys.stderr)
        yield step


def _shards(corpus: SyntheticCorpus, count: int) -> Iterator[bytes]:
    while count > 0:
        batch = min(count, SHARD_ARTICLES)
        quads = [
            quad
            for extraction in corpus.extractions(batch)
            for quad in extraction_to_quads(extraction, extractor_version=VERSION)
        ]
        yield serialize(quads, format=RdfFormat.N_QUADS) or b""
        count -= batch


def _latency(
    store: Store, template: str, corpus: SyntheticCorpus, repeats: int
) -> tuple[float, float]:
    rng = random.Random(SEED)
    prefixes = corpus.label_prefixes()
    times: list[float] = []
    for _ in range(repeats):
        first, second = rng.sample(corpus.countries, 2)
        text = (
            template.replace("{a}", first.iri)
            .replace("{b}", second.iri)
            .replace("{prefix}", rng.choice(prefixes))
        )
        start = time.perf_counter()
        result = store.query(text)
        _consume(result)
        times.append(1000 * (time.perf_counter() - start))
    times.sort()
    p99 = times[min(len(times) - 1, round(0.99 * (len(times) - 1)))]
    return statistics.median(times), p99


def _consume(result: object) -> None:
    if hasattr(result, "__iter__"):
        for _ in result:  # type: ignore[attr-defined]
            pass


@contextmanager
def opened(backend: str, scratch: Path) -> Iterator[Store]:
    if backend == "embedded":
        store = EmbeddedStore(scratch / "embedded")
        try:
            yield store
        finally:
            store.close()
    elif backend == "server":
        with start_oxigraph_server(scratch / "server") as url:
            remote = RemoteStore(
                f"{url}/query", update_url=f"{url}/update", store_url=f"{url}/store"
            )
            try:
                yield remote
            finally:
                remote.close()
    else:
        raise ValueError(f"unknown backend {backend!r}: embedded or server")


def _row(step: Step, base: Step | None) -> str:
    per_article_ms = 1000 * step.bulk_seconds / max(step.bulk_articles, 1)
    cells = [
        f"{step.backend:<8}",
        f"{step.articles:>8}",
        f"{step.quads:>10}",
        f"{step.bulk_articles / max(step.bulk_seconds, 1e-9):>9.0f}",
        f"{per_article_ms:>8.2f}",
        f"{step.incremental_ms:>8.1f}",
    ]
    for name in QUERIES:
        p50, p99 = step.latencies[name]
        cells.append(f"{p50:>8.1f} {p99:>8.1f}")
    if base is not None:
        base_ms = 1000 * base.bulk_seconds / max(base.bulk_articles, 1)
        growth = [per_article_ms / base_ms, step.incremental_ms / base.incremental_ms]
        growth += [step.latencies[n][0] / base.latencies[n][0] for n in QUERIES]
        cells.append(" ".join(f"{value:.1f}x" for value in growth))
    return " ".join(cells)


def table(steps: Sequence[Step]) -> list[str]:
    names = " ".join(f"{'p50':>8} {'p99':>8}" for _ in QUERIES)
    header = (
        f"{'backend':<8} {'articles':>8} {'quads':>10} {'bulk a/s':>9} {'bulk ms':>8}"
        f" {'one ms':>8} {names} growth"
    )
    lines = ["queries, in order (ms): " + "; ".join(QUERIES), header, "-" * len(header)]
    first: dict[str, Step] = {}
    for step in steps:
        lines.append(_row(step, first.setdefault(step.backend, step)))
    return lines


def benchmarks_section(steps: Sequence[Step], command: str) -> str:
    return "\n".join(
        [
            "Load and query costs as the store grows, on synthetic contract-shaped articles",
            f"({EVENTS_PER_ARTICLE} events each, mapped by `extraction_to_quads`; not run",
            "through spaCy, see bench/scale.py). `bulk a/s` and `bulk ms`: articles per second",
            f"and ms per article of `Store.load` alone on N-Quads shards of {SHARD_ARTICLES}",
            "articles (generating and serialising them is not timed);",
            f"`one ms`: ms per article ingested alone ({INCREMENTAL} `replace_graph` calls);",
            "then p50 and p99 of each query in ms. `growth`: per-article bulk cost, per-article",
            "single cost and each query's p50, as multiples of the smallest size.",
            "",
            f"Run on {date.today().isoformat()} with `{command}`.",
            "",
            "```text",
            *table(steps),
            "```",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="1000,10000")
    parser.add_argument("--backends", default="embedded,server")
    parser.add_argument("--repeats", type=int, default=20)
    parser.add_argument("--write-benchmarks", action="store_true")
    args = parser.parse_args()
    sizes = sorted(int(size) for size in args.sizes.split(","))
    steps: list[Step] = []
    for backend in args.backends.split(","):
        with (
            tempfile.TemporaryDirectory(prefix="akg-scale-") as scratch,
            opened(backend, Path(scratch)) as store,
        ):
            steps += grow(backend, store, SyntheticCorpus(), sizes, args.repeats)
    print("\n".join(table(steps)))
    if args.write_benchmarks:
        write_section(HEADING, benchmarks_section(steps, "python " + " ".join(sys.argv)))


if __name__ == "__main__":
    main()
