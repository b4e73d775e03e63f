"""`ReadIndex`: the SQLite read paths behind the REST endpoints.

    index = ReadIndex.open(path)           # a file (WAL mode), or None for memory
    index.sync_reference(store)            # reference entities, when their graph changed
    index.put_article(article_rows(id, triples))   # at ingest, after the store write
    index.remove_article(id)               # at delete, after the store write
    index.refresh_graphs(store, graphs)    # after any other write to these graphs (None: any)
    index.rebuild(store)                   # everything again from the store, over SPARQL

Each write is one SQLite transaction: it lands whole or not at all. One connection is
shared by every thread, behind a lock; reads take a few index probes each.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from alliance_kg import iris
from alliance_kg.index import reader, writer
from alliance_kg.index.records import EntityDetail, EntityHit, EventFilter, EventSummary, IndexStats
from alliance_kg.index.rows import ArticleRows, article_rows, narrower_closure, reference_entities
from alliance_kg.index.schema import DDL, SCHEMA_VERSION, TABLES
from alliance_kg.index.source import graph_triples, holds_article, stored_article_ids
from alliance_kg.rdf.base_graphs import recorded_hash
from alliance_kg.store.base import Store

_T = TypeVar("_T")

# Above this many articles written at once, one rebuild is cheaper than refreshing each.
REBUILD_ABOVE_ARTICLES = 500
BASE_GRAPHS = frozenset({iris.REFERENCE_GRAPH, iris.ONTOLOGY_GRAPH})

PER_ARTICLE_TABLES = ("article", "report", "report_type", "report_role", "article_entity")
DERIVED_EVENT_TABLES = (
    "event",
    "event_class",
    "event_role",
    "entity_event",
    "role_count",
    "entity_count",
    "partner",
    "class_count",
)


class ReadIndexError(Exception):
    """The read index cannot be opened or written."""


class ReadIndex:
    """Labels, per-event and per-entity summaries, kept in step with the article graphs."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection
        self._lock = threading.Lock()

    @classmethod
    def open(cls, path: Path | None) -> ReadIndex:
        """The index at `path` (created if missing), or a fresh one in memory when None."""
        try:
            if path is not None:
                path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(
                ":memory:" if path is None else str(path),
                check_same_thread=False,
                isolation_level=None,
            )
            if path is not None:
                db.execute("PRAGMA journal_mode = WAL")
                db.execute("PRAGMA synchronous = NORMAL")
            db.executescript(DDL)
            stored = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
        except sqlite3.Error as error:
            raise ReadIndexError(f"cannot open the read index at {path}: {error}") from error
        if stored is not None and stored[0] != SCHEMA_VERSION:
            raise ReadIndexError(
                f"the read index at {path} has schema {stored[0]}, this version needs "
                f"{SCHEMA_VERSION}: delete the file and run `akg reindex`"
            )
        db.execute("INSERT OR IGNORE INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
        return cls(db)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    # writes

    def put_article(self, rows: ArticleRows) -> None:
        """Replace what the index holds of one article (its graph was just written)."""
        self.put_articles([rows])

    def put_articles(self, articles: Sequence[ArticleRows]) -> None:
        """Replace what the index holds of several articles, in one transaction."""
        self._write(lambda db: writer.put_articles(db, articles))

    def remove_article(self, article_id: str) -> bool:
        """Forget one article (its graph was just dropped); False when the index had none."""
        return self._write(lambda db: writer.remove_article(db, article_id))

    def refresh_article(self, store: Store, article_id: str) -> None:
        """Re-read one article's graph from the store: put it, or remove it when it is gone or
        holds no article (as a rebuild would)."""
        triples = graph_triples(store, iris.article_graph(article_id))
        if holds_article(triples):
            self.put_article(article_rows(article_id, triples))
        else:
            self.remove_article(article_id)

    def refresh_graphs(self, store: Store, graphs: Iterable[str] | None) -> None:
        """Re-read what the index keeps of `graphs` after a write to them; None: any graph.

        Graphs that are neither article graphs nor the base graphs hold nothing indexed.
        """
        if graphs is None:
            self.rebuild(store)
            return
        written = set(graphs)
        article_ids = sorted(filter(None, map(iris.article_id_of_graph, written)))
        if len(article_ids) > REBUILD_ABOVE_ARTICLES:
            self.rebuild(store)
            return
        if written & BASE_GRAPHS:
            self._forget_reference()
            self.sync_reference(store)
        for article_id in article_ids:
            self.refresh_article(store, article_id)

    def sync_reference(self, store: Store) -> bool:
        """Reload the reference entities when the store's reference graph changed."""
        version = recorded_hash(store, iris.REFERENCE_GRAPH) or ""
        if self._meta("reference") == version and version:
            return False
        triples = graph_triples(store, iris.REFERENCE_GRAPH)
        base_quads = len(triples) + len(graph_triples(store, iris.ONTOLOGY_GRAPH))
        entities = reference_entities(triples)

        def load(db: sqlite3.Connection) -> None:
            writer.load_reference(db, entities, narrower_closure(entities))
            db.executemany(
                "INSERT OR REPLACE INTO meta VALUES (?, ?)",
                [("reference", version), ("base_quads", str(base_quads))],
            )

        self._write(load)
        return True

    def rebuild(self, store: Store) -> int:
        """Rebuild every row from the store; return the number of articles indexed."""
        self._forget_reference()
        self.sync_reference(store)
        ids = stored_article_ids(store)
        self.bulk_put(
            article_rows(article_id, graph_triples(store, iris.article_graph(article_id)))
            for article_id in ids
        )
        return len(ids)

    def bulk_put(self, articles: Iterable[ArticleRows]) -> None:
        """Replace every article's rows with `articles`, deriving events once at the end."""

        def load(db: sqlite3.Connection) -> None:
            for table in (*PER_ARTICLE_TABLES, *DERIVED_EVENT_TABLES):
                db.execute(f"DELETE FROM {table}")
            for rows in articles:
                writer.insert_article_rows(db, rows)
            events = db.execute("SELECT DISTINCT event FROM report").fetchall()
            writer.refresh_events(db, [event for (event,) in events])
            minted = db.execute("SELECT DISTINCT entity FROM article_entity").fetchall()
            db.execute(
                "DELETE FROM entity_name WHERE entity IN (SELECT iri FROM entity WHERE minted = 1)"
            )
            db.execute("DELETE FROM entity WHERE minted = 1")
            writer.refresh_minted(db, [entity for (entity,) in minted])
            db.execute("ANALYZE")

        self._write(load)

    def _forget_reference(self) -> None:
        """Make the next `sync_reference` reload, whatever version the graph records."""
        self._write(lambda db: db.execute("DELETE FROM meta WHERE key = 'reference'"))

    # reads

    def has_article(self, article_id: str) -> bool:
        return self._read(
            lambda db: (
                db.execute("SELECT 1 FROM article WHERE id = ?", (article_id,)).fetchone()
                is not None
            )
        )

    def search_entities(
        self, query: str, entity_type: str | None = None, limit: int = 10
    ) -> list[EntityHit]:
        return self._read(lambda db: reader.search_entities(db, query, entity_type, limit))

    def entity(self, iri: str, *, latest: int = 10, partners: int = 20) -> EntityDetail | None:
        return self._read(
            lambda db: reader.entity_detail(db, iri, latest=latest, partners=partners)
        )

    def events(self, wanted: EventFilter) -> list[EventSummary]:
        return self._read(lambda db: reader.find_events(db, wanted))

    def stats(self) -> IndexStats:
        base_quads = int(self._meta("base_quads") or 0)
        return self._read(lambda db: reader.index_stats(db, base_quads))

    def snapshot(self) -> dict[str, list[tuple[object, ...]]]:
        """Every row of every table, sorted: two indexes of the same graphs compare equal."""
        return self._read(
            lambda db: {
                table: sorted(db.execute(f"SELECT * FROM {table}").fetchall(), key=repr)
                for table in TABLES
            }
        )

    def _meta(self, key: str) -> str | None:
        row = self._read(
            lambda db: db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        )
        return None if row is None else str(row[0])

    def _read(self, work: Callable[[sqlite3.Connection], _T]) -> _T:
        with self._lock:
            return work(self._db)

    def _write(self, work: Callable[[sqlite3.Connection], _T]) -> _T:
        with self._lock, self._transaction() as db:
            return work(db)

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as error:
            raise ReadIndexError(f"cannot write the read index: {error}") from error
        try:
            yield self._db
        except sqlite3.Error as error:
            self._db.execute("ROLLBACK")
            raise ReadIndexError(f"cannot write the read index: {error}") from error
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        try:
            self._db.execute("COMMIT")
        except sqlite3.Error as error:
            self._db.execute("ROLLBACK")
            raise ReadIndexError(f"cannot write the read index: {error}") from error
