"""The ingest service: article -> extraction -> quads -> the article's named graph.

An article whose graph already holds the same text, extracted by the same extractor
version, is left alone (`created=False`, nothing written). Otherwise its graph is
replaced in one store transaction, so a failure leaves the previous graph whole.

With a read index, every write updates it in the same call, store first: when the index
write fails, the article's graph is put back as it was (or dropped, if it was new) and the
error is raised, so the store and the index never disagree about an article written here.
An unchanged article that the index lacks is indexed from the store.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from typing import Protocol

from pyoxigraph import Literal, NamedNode, Quad, QuerySolutions

from alliance_kg import iris, vocab
from alliance_kg.index import ReadIndex, ReadIndexError, article_rows
from alliance_kg.index.rows import Triple, most_specific_class
from alliance_kg.index.source import graph_triples
from alliance_kg.model import Article, EventClass, Extraction, IngestReport, StoredEvent
from alliance_kg.rdf.mapping import extraction_to_quads, stored_events
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

    def __init__(
        self, extractor: ArticleExtractor, store: Store, index: ReadIndex | None = None
    ) -> None:
        self.extractor = extractor
        self.store = store
        self.index = index

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
        graph = iris.article_graph(article_id)
        previous = self._previous_triples(graph)
        existed = self.store.drop_graph(graph)
        if self.index is not None:
            index = self.index
            self._index_or_restore(graph, previous, lambda: index.remove_article(article_id))
        return existed

    def _write(self, extraction: Extraction) -> IngestReport:
        article = extraction.article
        graph = iris.article_graph(article.id)
        quads = extraction_to_quads(extraction, extractor_version=self.extractor.version)
        created = not self.store.has_graph(graph)
        previous = [] if created else self._previous_triples(graph)
        self.store.replace_graph(graph, quads)
        if self.index is not None:
            rows = article_rows(article.id, ((q.subject, q.predicate, q.object) for q in quads))
            index = self.index
            self._index_or_restore(graph, previous, lambda: index.put_article(rows))
        return IngestReport.of(article.id, created=created, events=stored_events(extraction))

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
        if self.index is not None and not self.index.has_article(article.id):
            self.index.refresh_article(self.store, article.id)
        return IngestReport.of(article.id, created=False, events=self._stored_events(graph))

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
            StoredEvent(iri=iri, type=most_specific_class(classes))
            for iri, classes in sorted(types.items())
        )

    def _previous_triples(self, graph: str) -> list[Triple]:
        """The graph's triples before a write, kept to undo it (only needed with an index)."""
        return [] if self.index is None else graph_triples(self.store, graph)

    def _index_or_restore(
        self, graph: str, previous: list[Triple], update_index: Callable[[], object]
    ) -> None:
        """Update the index; when that fails, put the graph back as it was and re-raise."""
        try:
            update_index()
        except ReadIndexError:
            if previous:
                node = NamedNode(graph)
                self.store.replace_graph(graph, [Quad(s, p, o, node) for s, p, o in previous])
            else:
                self.store.drop_graph(graph)
            raise


_EVENT_CLASSES: dict[str, EventClass] = {iris.AK + cls.value: cls for cls in EventClass}


def _event_class(term: object) -> EventClass | None:
    return _EVENT_CLASSES.get(term.value) if isinstance(term, NamedNode) else None


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
