"""The ingest service: article -> extraction -> quads -> the article's named graph.

An article whose graph already holds the same text, extracted by the same extractor
version, is left alone (`created=False`, nothing written). Otherwise its graph is
replaced in one store transaction, so a failure leaves the previous graph whole.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from typing import Protocol

from pyoxigraph import Literal, NamedNode, QuerySolutions

from alliance_kg import iris, vocab
from alliance_kg.model import Article, EventClass, Extraction, IngestReport, StoredEvent
from alliance_kg.rdf.mapping import extraction_to_quads, merge_same_identity
from alliance_kg.store.base import Store

ProgressCallback = Callable[[IngestReport], None]


class ArticleExtractor(Protocol):
    """What the ingest service needs of the pipeline's `Extractor`."""

    @property
    def version(self) -> str: ...

    def extract(self, article: Article) -> Extraction: ...

    def extract_many(
        self, articles: Iterable[Article], *, n_process: int = 1, batch_size: int = 32
    ) -> Iterator[Extraction]: ...


class LazyExtractor:
    """An extractor loaded on first use (once, whichever thread asks first), so that a server
    starts before spaCy does."""

    def __init__(self, load: Callable[[], ArticleExtractor]) -> None:
        self._load = load
        self._loaded: ArticleExtractor | None = None
        self._lock = threading.Lock()

    @property
    def extractor(self) -> ArticleExtractor:
        with self._lock:
            if self._loaded is None:
                self._loaded = self._load()
            return self._loaded

    @property
    def version(self) -> str:
        return self.extractor.version

    def extract(self, article: Article) -> Extraction:
        return self.extractor.extract(article)

    def extract_many(
        self, articles: Iterable[Article], *, n_process: int = 1, batch_size: int = 32
    ) -> Iterator[Extraction]:
        return self.extractor.extract_many(articles, n_process=n_process, batch_size=batch_size)


# pyoxigraph binds only projected variables, hence `?graph ?article` in the projections.
_STORED_VERSION = f"""
SELECT ?graph ?article ?text ?version WHERE {{
  GRAPH ?graph {{ ?article {vocab.text} ?text ; {vocab.PROV_WAS_GENERATED_BY} ?activity .
                 ?activity {vocab.extractorVersion} ?version }}
}}
"""

_STORED_EVENTS = f"""
SELECT ?graph ?event ?type WHERE {{ GRAPH ?graph {{ ?event a {vocab.Event}, ?type }} }}
"""


class Ingest:
    """Ingests articles into a store with an extractor; the API's and the CLI's ingestor."""

    def __init__(self, extractor: ArticleExtractor, store: Store) -> None:
        self.extractor = extractor
        self.store = store

    def ingest(self, article: Article) -> IngestReport:
        """Store one article's graph, unless the same text and extractor version are there."""
        unchanged = self._unchanged_report(article)
        return unchanged or self._write(self.extractor.extract(article))

    def ingest_many(
        self,
        articles: Iterable[Article],
        *,
        n_process: int = 1,
        progress: ProgressCallback | None = None,
    ) -> list[IngestReport]:
        """Ingest many articles, extracting the new ones in batches; reports in input order.

        `progress` is called once per distinct article, as soon as its report is known.
        """
        articles = list(articles)
        reports: dict[str, IngestReport] = {}
        pending: dict[str, Article] = {}
        for article in articles:
            if article.id in reports or article.id in pending:
                continue
            unchanged = self._unchanged_report(article)
            if unchanged is None:
                pending[article.id] = article
            else:
                reports[article.id] = unchanged
                _notify(progress, unchanged)
        for extraction in self.extractor.extract_many(pending.values(), n_process=n_process):
            report = self._write(extraction)
            reports[report.article_id] = report
            _notify(progress, report)
        return _in_input_order(articles, reports)

    def delete(self, article_id: str) -> bool:
        """Drop the article's graph (and nothing else); return whether it existed."""
        return self.store.drop_graph(iris.article_graph(article_id))

    def _write(self, extraction: Extraction) -> IngestReport:
        article = extraction.article
        graph = iris.article_graph(article.id)
        quads = extraction_to_quads(extraction, extractor_version=self.extractor.version)
        created = not self.store.has_graph(graph)
        self.store.replace_graph(graph, quads)
        events = tuple(
            StoredEvent(iri=iris.event_iri(identity), type=event.type)
            for identity, event in merge_same_identity(extraction.events).items()
        )
        return _report(article.id, created=created, events=events)

    def _unchanged_report(self, article: Article) -> IngestReport | None:
        """The report for an article stored as is by this extractor version, else None."""
        graph = NamedNode(iris.article_graph(article.id))
        stored = self.store.query(
            _STORED_VERSION,
            substitutions={"graph": graph, "article": NamedNode(iris.article_iri(article.id))},
        )
        assert isinstance(stored, QuerySolutions)
        expected = (Literal(article.text), Literal(self.extractor.version))
        if not any((row["text"], row["version"]) == expected for row in stored):
            return None
        return _report(article.id, created=False, events=self._stored_events(graph))

    def _stored_events(self, graph: NamedNode) -> tuple[StoredEvent, ...]:
        rows = self.store.query(_STORED_EVENTS, substitutions={"graph": graph})
        assert isinstance(rows, QuerySolutions)
        types: dict[str, set[EventClass]] = {}
        for row in rows:
            event_class = _event_class(row["type"])
            types.setdefault(row["event"].value, set())
            if event_class is not None:
                types[row["event"].value].add(event_class)
        return tuple(
            StoredEvent(iri=iri, type=_most_specific(classes))
            for iri, classes in sorted(types.items())
        )


_EVENT_CLASSES: dict[str, EventClass] = {iris.AK + cls.value: cls for cls in EventClass}


def _event_class(term: object) -> EventClass | None:
    return _EVENT_CLASSES.get(term.value) if isinstance(term, NamedNode) else None


def _most_specific(classes: set[EventClass]) -> EventClass:
    """The event's own class: DefenseCooperation only when it carries no subclass of it."""
    specific = classes - {EventClass.DEFENSE_COOPERATION}
    return min(specific) if specific else EventClass.DEFENSE_COOPERATION


def _report(article_id: str, *, created: bool, events: tuple[StoredEvent, ...]) -> IngestReport:
    return IngestReport(
        article_id=article_id,
        iri=iris.article_iri(article_id),
        graph=iris.article_graph(article_id),
        created=created,
        events=events,
    )


def _notify(progress: ProgressCallback | None, report: IngestReport) -> None:
    if progress is not None:
        progress(report)


def _in_input_order(
    articles: list[Article], reports: dict[str, IngestReport]
) -> list[IngestReport]:
    """One report per input article; a repeated article is reported unchanged after the first."""
    ordered: list[IngestReport] = []
    seen: set[str] = set()
    for article in articles:
        report = reports[article.id]
        ordered.append(replace(report, created=False) if article.id in seen else report)
        seen.add(article.id)
    return ordered
