"""A small scripted corpus for the read-index tests: three articles about one transfer.

`FIRST` (2024-01-10) plans the transfer of Patriots from Japan to the U.S. and reports a
leaders' meeting; `SECOND` (2024-04-10) says the transfer is agreed and mints a person;
`UNDATED` only considers it. The transfer is one event reported by all three.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import date

from fastapi.testclient import TestClient

from alliance_kg import iris
from alliance_kg.api import create_app
from alliance_kg.index import ReadIndex
from alliance_kg.ingest import Ingest
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
from alliance_kg.rdf.identity import event_identity
from alliance_kg.settings import Settings
from alliance_kg.store.oxigraph import EmbeddedStore
from api_support import TOKEN

JAPAN = Entity(iris.country_iri("JPN"), "Japan", EntityType.COUNTRY)
USA = Entity(iris.country_iri("USA"), "United States", EntityType.COUNTRY)
PATRIOT = Entity(iris.AKR + "materiel/patriot", "Patriot", EntityType.MATERIEL)
KISHIDA = Entity(iris.AKR + "person/fumio-kishida", "Fumio Kishida", EntityType.PERSON)
ENVOY = Entity(
    iris.entity_iri("Person", "Hiroshi Envoyama"), "Hiroshi Envoyama", EntityType.PERSON, True
)


def _article(text: str, published: date | None, publisher: str | None) -> Article:
    return Article(
        id=article_id(text), text=text, title=text[:30], published=published, publisher=publisher
    )


FIRST = _article("Japan plans to ship Patriot missiles to the U.S.", date(2024, 1, 10), "Wire A")
SECOND = _article(
    "Japan agreed to ship Patriots to the U.S., envoy Hiroshi Envoyama said.",
    date(2024, 4, 10),
    "Wire B",
)
UNDATED = _article("Japan is considering shipping Patriots to the U.S.", None, "Blog")


def _mention(article: Article, status: Status) -> tuple[Mention, ...]:
    return (Mention(0, len(article.text), article.text, status),)


def transfer(article: Article, status: Status, when: EventDate | None = None) -> Event:
    return Event(
        type=EventClass.ARMS_TRANSFER,
        status=status,
        roles=((Role.SUPPLIER, JAPAN), (Role.RECIPIENT, USA), (Role.MATERIEL, PATRIOT)),
        mentions=_mention(article, status),
        date=when,
        confidence=0.8,
    )


def meeting(article: Article, *others: Entity) -> Event:
    roles = tuple((Role.PARTICIPANT, entity) for entity in (JAPAN, USA, *others))
    return Event(
        type=EventClass.LEADERS_MEETING,
        status=Status.COMPLETED,
        roles=roles,
        mentions=_mention(article, Status.COMPLETED),
        date=EventDate(2024, 1, 5),
    )


EVENTS: dict[str, tuple[Event, ...]] = {
    FIRST.id: (transfer(FIRST, Status.PLANNED, EventDate(2024, 3)), meeting(FIRST, KISHIDA)),
    SECOND.id: (transfer(SECOND, Status.AGREED), meeting(SECOND, ENVOY)),
    UNDATED.id: (transfer(UNDATED, Status.CONSIDERED),),
}
TRANSFER = iris.event_iri(event_identity(EVENTS[FIRST.id][0]))
MEETING = iris.event_iri(event_identity(EVENTS[FIRST.id][1]))
ENVOY_MEETING = iris.event_iri(event_identity(EVENTS[SECOND.id][1]))


class ScriptedExtractor:
    """Answers the events scripted for each article (none for any other article)."""

    version = "scripted-1"

    def extract(self, article: Article) -> Extraction:
        return Extraction(article, events=EVENTS.get(article.id, ()))

    def extract_many(
        self, articles: Iterable[Article], *, n_process: int = 1, batch_size: int = 32
    ) -> Iterator[Extraction]:
        return (self.extract(article) for article in articles)


def indexed_corpus() -> tuple[EmbeddedStore, ReadIndex, Ingest]:
    """An in-memory store with the base graphs and the three articles, and its index."""
    store = EmbeddedStore(None)
    ensure_base_graphs(store)
    index = ReadIndex.open(None)
    index.sync_reference(store)
    ingest = Ingest(ScriptedExtractor(), store, index)
    for article in (FIRST, SECOND, UNDATED):
        ingest.ingest(article)
    return store, index, ingest


@contextmanager
def indexed_client() -> Iterator[tuple[TestClient, EmbeddedStore, ReadIndex]]:
    """A TestClient over the indexed corpus, whose ingestor keeps the index in step."""
    store, index, ingest = indexed_corpus()
    app = create_app(Settings(api_token=TOKEN), store, ingest, index)
    with TestClient(app, raise_server_exceptions=False) as client:
        yield client, store, index
    index.close()
    store.close()
