"""Writing the read index: an article's rows in, an article's rows out, the reference graph.

Every function runs inside the caller's transaction. After the per-article rows change,
the derived rows and counters of each event the article reports (before or after) are
recomputed from the per-article rows of every article that reports it, so an event shared
by two articles keeps the other's statuses when one is deleted.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable
from datetime import date

from alliance_kg.index.rows import (
    ArticleRows,
    ReferenceEntity,
    most_specific_class,
    normalise_name,
)
from alliance_kg.model import ACTOR_ROLES, EventClass, Status

_FIRMNESS = {status.value: rank for rank, status in enumerate(Status)}
_ACTOR_ROLES = frozenset(role.value for role in ACTOR_ROLES)
_QUERY_BATCH = 500  # values bound in one query, well under SQLite's limit
_COUNTERS = {  # counter table -> its key
    "role_count": "entity = ? AND role = ?",
    "entity_count": "entity = ?",
    "partner": "entity = ? AND other = ?",
    "class_count": "type = ?",
}


def put_articles(db: sqlite3.Connection, articles: Iterable[ArticleRows]) -> None:
    """Replace each article's rows, then recompute once what depends on any of them."""
    touched: set[str] = set()
    minted: set[str] = set()
    for rows in articles:
        touched |= _events_of(db, rows.article_id) | {report.event for report in rows.reports}
        minted |= _minted_of(db, rows.article_id) | {entity.iri for entity in rows.minted}
        _delete_article_rows(db, rows.article_id)
        insert_article_rows(db, rows)
    refresh_events(db, touched)
    refresh_minted(db, minted)


def remove_article(db: sqlite3.Connection, article_id: str) -> bool:
    """Remove the article's rows and recompute what depended on them; False when absent."""
    if db.execute("SELECT 1 FROM article WHERE id = ?", (article_id,)).fetchone() is None:
        return False
    touched, minted = _events_of(db, article_id), _minted_of(db, article_id)
    _delete_article_rows(db, article_id)
    refresh_events(db, touched)
    refresh_minted(db, minted)
    return True


def insert_article_rows(db: sqlite3.Connection, rows: ArticleRows) -> None:
    """Insert the per-article rows only (a bulk load derives the rest once, at the end)."""
    article = rows.article_id
    db.execute(
        "INSERT INTO article VALUES (?, ?, ?, ?, ?)",
        (article, rows.title, rows.publisher, rows.issued, rows.quads),
    )
    db.executemany(
        "INSERT INTO report VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                r.event,
                article,
                r.status,
                int(r.negated),
                r.date,
                r.confidence,
                rows.issued,
                rows.publisher,
            )
            for r in rows.reports
        ],
    )
    db.executemany(
        "INSERT INTO report_type VALUES (?, ?, ?)", [(e, article, t) for e, t in rows.types]
    )
    db.executemany(
        "INSERT INTO report_role VALUES (?, ?, ?, ?)",
        [(e, article, role, entity) for e, role, entity in rows.roles],
    )
    db.executemany(
        "INSERT OR IGNORE INTO article_entity VALUES (?, ?, ?, ?)",
        [(m.iri, article, m.type, m.label) for m in rows.minted],
    )


def _events_of(db: sqlite3.Connection, article_id: str) -> set[str]:
    rows = db.execute("SELECT event FROM report WHERE article = ?", (article_id,))
    return {event for (event,) in rows}


def _minted_of(db: sqlite3.Connection, article_id: str) -> set[str]:
    rows = db.execute("SELECT entity FROM article_entity WHERE article = ?", (article_id,))
    return {entity for (entity,) in rows}


def _delete_article_rows(db: sqlite3.Connection, article_id: str) -> None:
    events = sorted(_events_of(db, article_id))
    db.executemany(
        "DELETE FROM report_type WHERE event = ? AND article = ?", _pairs(events, article_id)
    )
    db.executemany(
        "DELETE FROM report_role WHERE event = ? AND article = ?", _pairs(events, article_id)
    )
    db.execute("DELETE FROM report WHERE article = ?", (article_id,))
    db.execute("DELETE FROM article_entity WHERE article = ?", (article_id,))
    db.execute("DELETE FROM article WHERE id = ?", (article_id,))


def _pairs(events: list[str], article_id: str) -> list[tuple[str, str]]:
    return [(event, article_id) for event in events]


def refresh_events(db: sqlite3.Connection, events: Iterable[str]) -> None:
    """Recompute each event's derived rows and counters from the per-article rows.

    An event without an `event` row has no derived rows to retract. The counters' changes
    add up over all the events and are written once at the end.
    """
    ordered = sorted(events)
    derived = _derived(db, ordered)
    counts = _Counts()
    for event in ordered:
        if event in derived:
            _retract(db, event, counts)
        _derive(db, event, counts)
    counts.write(db)


def _derived(db: sqlite3.Connection, events: list[str]) -> set[str]:
    """Those of `events` that have an `event` row."""
    found: set[str] = set()
    for start in range(0, len(events), _QUERY_BATCH):
        batch = events[start : start + _QUERY_BATCH]
        marks = ", ".join("?" * len(batch))
        found.update(
            e for (e,) in db.execute(f"SELECT iri FROM event WHERE iri IN ({marks})", batch)
        )
    return found


def _retract(db: sqlite3.Connection, event: str, counts: _Counts) -> None:
    roles = db.execute("SELECT role, entity FROM event_role WHERE event = ?", (event,)).fetchall()
    classes = db.execute("SELECT type FROM event_class WHERE event = ?", (event,)).fetchall()
    counts.add(roles, [c for (c,) in classes], step=-1)
    for table in ("event_class", "event_role", "entity_event"):
        db.execute(f"DELETE FROM {table} WHERE event = ?", (event,))
    db.execute("DELETE FROM event WHERE iri = ?", (event,))


def _derive(db: sqlite3.Connection, event: str, counts: _Counts) -> None:
    reports = db.execute(
        "SELECT article, status, negated, date, confidence, issued, publisher "
        "FROM report WHERE event = ?",
        (event,),
    ).fetchall()
    if not reports:
        return
    classes = [
        t for (t,) in db.execute("SELECT DISTINCT type FROM report_type WHERE event = ?", (event,))
    ]
    roles = db.execute(
        "SELECT DISTINCT role, entity FROM report_role WHERE event = ?", (event,)
    ).fetchall()
    # oldest first: undated articles count as oldest; same-day reports order by firmness
    reports.sort(key=lambda r: (r[5] or "", _FIRMNESS.get(r[1], -1), r[0]))
    asserting = [r for r in reports if not r[2]] or reports
    dated = [r for r in reports if r[3] is not None]
    event_date = dated[-1][3] if dated else None
    latest_issued = max((r[5] for r in reports if r[5] is not None), default=None)
    moment = date_start(event_date) if event_date else latest_issued
    confidences = [r[4] for r in reports if r[4] is not None]
    own_class = most_specific_class(EventClass(c) for c in classes) if classes else None
    db.execute(
        "INSERT INTO event VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            event,
            own_class.value if own_class else EventClass.DEFENSE_COOPERATION.value,
            asserting[-1][1],
            event_date,
            moment,
            max(confidences, default=None),
            len(reports),
            len({r[6] for r in reports if r[6] is not None}),
        ),
    )
    db.executemany(
        "INSERT INTO event_class VALUES (?, ?, ?)", [(c, event, moment) for c in classes]
    )
    db.executemany(
        "INSERT INTO event_role VALUES (?, ?, ?, ?)",
        [(entity, role, event, moment) for role, entity in roles],
    )
    db.executemany(
        "INSERT INTO entity_event VALUES (?, ?, ?)",
        [(entity, event, moment) for entity in {entity for _, entity in roles}],
    )
    counts.add(roles, classes, step=1)


def date_start(lexical: str) -> str:
    """The first day a date, month or year covers, as an ISO date ('2024-05' -> '2024-05-01')."""
    parts = lexical.split("-")
    try:
        start = date(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1, 1)
        return start.replace(day=int(parts[2])).isoformat() if len(parts) > 2 else start.isoformat()
    except (ValueError, IndexError):
        return lexical


class _Counts:
    """Changes to the counters of roles, entities, actor pairs and classes, written at once;
    a counter that a retraction brought to zero or below goes."""

    def __init__(self) -> None:
        self.changes: dict[str, Counter[tuple[str, ...]]] = {t: Counter() for t in _COUNTERS}
        self.lowered: dict[str, set[tuple[str, ...]]] = {t: set() for t in _COUNTERS}

    def add(self, roles: list[tuple[str, str]], classes: list[str], *, step: int) -> None:
        """Add `step` to the counters of one event's roles, entities, actor pairs and classes."""
        entities = sorted({entity for _, entity in roles})
        actors = sorted({entity for role, entity in roles if role in _ACTOR_ROLES})
        keys: dict[str, list[tuple[str, ...]]] = {
            "role_count": [(e, r) for r, e in roles],
            "entity_count": [(e,) for e in entities],
            "partner": [(a, b) for a in actors for b in actors if a != b],
            "class_count": [(c,) for c in classes],
        }
        for table, found in keys.items():
            for key in found:
                self.changes[table][key] += step
            if step < 0:
                self.lowered[table].update(found)

    def write(self, db: sqlite3.Connection) -> None:
        for table, key in _COUNTERS.items():
            changes = [(*values, n) for values, n in self.changes[table].items() if n]
            if changes:
                marks = ", ".join("?" * len(changes[0]))
                db.executemany(
                    f"INSERT INTO {table} VALUES ({marks})"
                    " ON CONFLICT DO UPDATE SET n = n + excluded.n",
                    changes,
                )
            db.executemany(f"DELETE FROM {table} WHERE {key} AND n <= 0", self.lowered[table])


def refresh_minted(db: sqlite3.Connection, entities: Iterable[str]) -> None:
    """Keep each minted entity while some article still mints it; reference entities stay."""
    for iri in sorted(entities):
        stored = db.execute("SELECT minted FROM entity WHERE iri = ?", (iri,)).fetchone()
        if stored is not None and not stored[0]:
            continue
        first = db.execute(
            "SELECT type, label FROM article_entity WHERE entity = ? ORDER BY article LIMIT 1",
            (iri,),
        ).fetchone()
        db.execute("DELETE FROM entity WHERE iri = ?", (iri,))
        db.execute("DELETE FROM entity_name WHERE entity = ?", (iri,))
        if first is not None:
            db.execute("INSERT INTO entity VALUES (?, ?, ?, NULL, 1)", (iri, *first))
            _write_names(db, iri, first[1], ())


def load_reference(
    db: sqlite3.Connection, entities: list[ReferenceEntity], closure: set[tuple[str, str]]
) -> None:
    """Replace the reference entities and the materiel hierarchy; minted entities stay."""
    for table in ("entity_alias", "entity_affiliation", "narrower"):
        db.execute(f"DELETE FROM {table}")
    db.execute("DELETE FROM entity_name WHERE entity IN (SELECT iri FROM entity WHERE minted = 0)")
    db.execute("DELETE FROM entity WHERE minted = 0")
    for entity in entities:
        db.execute("DELETE FROM entity_name WHERE entity = ?", (entity.iri,))
        db.execute(
            "INSERT OR REPLACE INTO entity VALUES (?, ?, ?, ?, 0)",
            (entity.iri, entity.type, entity.label, entity.wikidata),
        )
        db.executemany(
            "INSERT INTO entity_alias VALUES (?, ?)", [(entity.iri, a) for a in entity.aliases]
        )
        db.executemany(
            "INSERT INTO entity_affiliation VALUES (?, ?)",
            [(entity.iri, a) for a in entity.affiliations],
        )
        _write_names(db, entity.iri, entity.label, entity.aliases)
    db.executemany("INSERT INTO narrower VALUES (?, ?)", sorted(closure))
    minted = db.execute("SELECT DISTINCT entity FROM article_entity").fetchall()
    refresh_minted(db, [iri for (iri,) in minted])


def _write_names(db: sqlite3.Connection, iri: str, label: str, aliases: Iterable[str]) -> None:
    names: set[tuple[str, int]] = set()
    for text, kind in [(label, 0), *((alias, 1) for alias in aliases)]:
        words = normalise_name(text).split()
        if words:
            names.add((" ".join(words), kind))
        names.update((" ".join(words[i:]), 2) for i in range(1, len(words)))
    db.executemany(
        "INSERT OR IGNORE INTO entity_name VALUES (?, ?, ?)",
        [(name, iri, kind) for name, kind in sorted(names)],
    )
