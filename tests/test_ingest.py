"""The ingest service over a real in-memory EmbeddedStore, with a fixed-answer extractor."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pytest
from pyoxigraph import NamedNode, Quad, QuerySolutions, RdfFormat

from alliance_kg import iris, vocab
from alliance_kg.ingest import Ingest, LazyExtractor
from alliance_kg.model import (
    Article,
    Entity,
    EntityType,
    Event,
    EventClass,
    Extraction,
    Mention,
    Role,
    Status,
    StoredEvent,
    article_id,
)
from alliance_kg.rdf.identity import event_identity
from alliance_kg.store.oxigraph import EmbeddedStore

JAPAN = Entity(iris.country_iri("JPN"), "Japan", EntityType.COUNTRY)
USA = Entity(iris.country_iri("USA"), "United States", EntityType.COUNTRY)
PATRIOT = Entity(iris.entity_iri("Materiel", "Patriot"), "Patriot", EntityType.MATERIEL)


def make_article(text: str, title: str = "A title") -> Article:
    return Article(id=article_id(text), text=text, title=title)


def transfer_in(article: Article) -> Event:
    """Japan ships Patriots to the U.S., supported by the article's whole text."""
    return Event(
        type=EventClass.ARMS_TRANSFER,
        status=Status.AGREED,
        roles=((Role.SUPPLIER, JAPAN), (Role.RECIPIENT, USA), (Role.MATERIEL, PATRIOT)),
        mentions=(Mention(0, len(article.text), article.text, Status.AGREED),),
    )


class FixedExtractor:
    """Finds the same transfer in every article; counts the articles it was asked about."""

    def __init__(self, version: str = "fixed-1") -> None:
        self.version = version
        self.extracted: list[str] = []

    def extract(self, article: Article) -> Extraction:
        self.extracted.append(article.id)
        return Extraction(article, events=(transfer_in(article),))

    def extract_many(
        self, articles: Iterable[Article], *, n_process: int = 1, batch_size: int = 32
    ) -> Iterator[Extraction]:
        return (self.extract(article) for article in articles)


FIRST = make_article("Japan agreed to ship Patriot missiles to the United States.")
SECOND = make_article("Tokyo will send Patriots to Washington, officials said.", "Another")
TRANSFER_IRI = iris.event_iri(event_identity(transfer_in(FIRST)))


@pytest.fixture
def store() -> Iterator[EmbeddedStore]:
    store = EmbeddedStore(None)
    yield store
    store.close()


@pytest.fixture
def extractor() -> FixedExtractor:
    return FixedExtractor()


@pytest.fixture
def ingestor(extractor: FixedExtractor, store: EmbeddedStore) -> Ingest:
    return Ingest(extractor, store)


def dump(store: EmbeddedStore) -> set[bytes]:
    return set(store.dump(RdfFormat.N_QUADS).splitlines())


def test_ingest_writes_the_article_graph(ingestor: Ingest, store: EmbeddedStore) -> None:
    report = ingestor.ingest(FIRST)
    assert report.created
    assert report.article_id == FIRST.id
    assert report.iri == iris.article_iri(FIRST.id)
    assert report.graph == iris.article_graph(FIRST.id)
    assert report.events == (StoredEvent(TRANSFER_IRI, EventClass.ARMS_TRANSFER),)
    assert store.has_graph(report.graph)


def test_reingesting_changes_nothing_and_skips_extraction(
    ingestor: Ingest, extractor: FixedExtractor, store: EmbeddedStore
) -> None:
    first = ingestor.ingest(FIRST)
    before = dump(store)
    again = ingestor.ingest(FIRST)
    assert dump(store) == before
    assert not again.created
    assert again.events == first.events
    assert extractor.extracted == [FIRST.id]


def test_a_new_extractor_version_rewrites_the_graph(store: EmbeddedStore) -> None:
    Ingest(FixedExtractor("fixed-1"), store).ingest(FIRST)
    newer = FixedExtractor("fixed-2")
    report = Ingest(newer, store).ingest(FIRST)
    assert not report.created
    assert newer.extracted == [FIRST.id]
    assert b'"fixed-2"' in store.dump(RdfFormat.N_QUADS)
    assert b'"fixed-1"' not in store.dump(RdfFormat.N_QUADS)


def test_one_event_from_two_articles_is_one_iri_reported_twice(
    ingestor: Ingest, store: EmbeddedStore
) -> None:
    ingestor.ingest(FIRST)
    ingestor.ingest(SECOND)
    rows = store.query(
        f"SELECT ?event ?article WHERE {{ ?event {vocab.reportedIn} ?article }}",
        substitutions={"event": NamedNode(TRANSFER_IRI)},
    )
    assert isinstance(rows, QuerySolutions)
    reported_in = {row["article"].value for row in rows}
    assert reported_in == {iris.article_iri(FIRST.id), iris.article_iri(SECOND.id)}


def test_delete_drops_only_that_article(ingestor: Ingest, store: EmbeddedStore) -> None:
    ingestor.ingest(FIRST)
    second_graph = iris.article_graph(SECOND.id)
    ingestor.ingest(SECOND)
    second_quads = store.dump(RdfFormat.N_QUADS, graph=second_graph)
    assert ingestor.delete(FIRST.id)
    assert not store.has_graph(iris.article_graph(FIRST.id))
    assert store.dump(RdfFormat.N_QUADS, graph=second_graph) == second_quads
    assert not ingestor.delete(FIRST.id)


class FailingReplaceStore(EmbeddedStore):
    """An EmbeddedStore whose replace_graph, once `failing`, breaks after part of the quads."""

    failing = False

    def replace_graph(self, graph: str, quads: Iterable[Quad]) -> None:
        def breaking() -> Iterator[Quad]:
            yield from list(quads)[:3]
            raise OSError("disk full")

        super().replace_graph(graph, breaking() if self.failing else quads)


def test_a_failed_write_leaves_the_store_unchanged() -> None:
    store = FailingReplaceStore(None)
    Ingest(FixedExtractor("fixed-1"), store).ingest(FIRST)
    before = dump(store)
    store.failing = True
    with pytest.raises(OSError, match="disk full"):
        Ingest(FixedExtractor("fixed-2"), store).ingest(FIRST)
    assert dump(store) == before


def test_ingest_many_reports_in_input_order(ingestor: Ingest, extractor: FixedExtractor) -> None:
    ingestor.ingest(SECOND)
    seen: list[str] = []
    reports = ingestor.ingest_many(
        [FIRST, SECOND, FIRST], progress=lambda report: seen.append(report.article_id)
    )
    assert [(r.article_id, r.created) for r in reports] == [
        (FIRST.id, True),
        (SECOND.id, False),
        (FIRST.id, False),
    ]
    assert sorted(seen) == sorted([FIRST.id, SECOND.id])
    assert extractor.extracted == [SECOND.id, FIRST.id]


def test_lazy_extractor_loads_on_first_use(store: EmbeddedStore) -> None:
    loaded: list[FixedExtractor] = []

    def load() -> FixedExtractor:
        loaded.append(FixedExtractor())
        return loaded[-1]

    ingestor = Ingest(LazyExtractor(load), store)
    assert loaded == []
    ingestor.ingest(FIRST)
    ingestor.ingest(SECOND)
    assert len(loaded) == 1
