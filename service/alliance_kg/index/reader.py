"""Reading the read index: entity search and look-up, event filters, counts.

Every query is driven by an index whose order is the answer's order (names by prefix,
an entity's events by date), so a page costs a few index probes whatever the graph's size.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict

from alliance_kg.index.records import (
    MATCH_KINDS,
    EntityDetail,
    EntityHit,
    EntityRef,
    EventFilter,
    EventSummary,
    IndexStats,
    Partner,
    StatusReport,
)
from alliance_kg.index.rows import normalise_name
from alliance_kg.iris import article_iri
from alliance_kg.model import Role

STATUSES_LIMIT = 20  # the latest reports listed per event; `articles` counts them all
# Events of materiel used fewer times than this are read from the materiel's own rows and
# sorted; more common materiel is found by walking all events in date order.
SPARSE_MATERIEL = 5_000

_SEARCH = """
SELECT n.entity,
       MIN(CASE WHEN n.kind < 2 AND n.name = :q THEN n.kind ELSE n.kind + 2 END) AS rank,
       e.label, e.type, COALESCE(c.n, 0) AS events
FROM entity_name n JOIN entity e ON e.iri = n.entity
LEFT JOIN entity_count c ON c.entity = n.entity
WHERE n.name >= :q AND n.name < :upper {type_filter}
GROUP BY n.entity ORDER BY rank, events DESC, e.label, n.entity LIMIT :limit
"""
_TOP = """
SELECT e.iri, 2, e.label, e.type, COALESCE(c.n, 0) AS events
FROM entity e LEFT JOIN entity_count c ON c.entity = e.iri
WHERE 1 = 1 {type_filter}
ORDER BY events DESC, e.label, e.iri LIMIT :limit
"""


def search_entities(
    db: sqlite3.Connection, query: str, entity_type: str | None, limit: int
) -> list[EntityHit]:
    """Entities whose label, alias or a later word of either starts with `query`, ranked."""
    prefix = normalise_name(query)
    params: dict[str, object] = {"limit": limit, "type": entity_type}
    type_filter = "" if entity_type is None else "AND e.type = :type"
    if prefix:
        params |= {"q": prefix, "upper": prefix[:-1] + chr(ord(prefix[-1]) + 1)}
        sql = _SEARCH.format(type_filter=type_filter)
    else:
        sql = _TOP.format(type_filter=type_filter)
    return [
        EntityHit(iri=iri, label=label, type=kind, match=MATCH_KINDS[rank], events=events)
        for iri, rank, label, kind, events in db.execute(sql, params)
    ]


def entity_detail(
    db: sqlite3.Connection, iri: str, *, latest: int, partners: int
) -> EntityDetail | None:
    """Everything the index knows of one entity, or None when it knows nothing."""
    row = db.execute(
        "SELECT label, type, wikidata, minted FROM entity WHERE iri = ?", (iri,)
    ).fetchone()
    count = db.execute("SELECT n FROM entity_count WHERE entity = ?", (iri,)).fetchone()
    if row is None and count is None:
        return None
    label, entity_type, wikidata, minted = row or (None, None, None, 1)
    aliases = db.execute("SELECT alias FROM entity_alias WHERE entity = ? ORDER BY alias", (iri,))
    affiliates = db.execute(
        "SELECT affiliate FROM entity_affiliation WHERE entity = ? ORDER BY affiliate", (iri,)
    )
    by_role = db.execute("SELECT role, n FROM role_count WHERE entity = ? ORDER BY role", (iri,))
    recent = db.execute(
        "SELECT event FROM entity_event WHERE entity = ? ORDER BY moment DESC, event DESC LIMIT ?",
        (iri, latest),
    )
    top = db.execute(
        "SELECT other, n FROM partner WHERE entity = ? ORDER BY n DESC, other LIMIT ?",
        (iri, partners),
    ).fetchall()
    references = _entity_refs(db, [other for other, _ in top])
    return EntityDetail(
        iri=iri,
        label=label or iri.rsplit("/", 1)[-1],
        type=entity_type or "",
        minted=bool(minted),
        aliases=[alias for (alias,) in aliases],
        wikidata=wikidata,
        affiliations=list(_entity_refs(db, [a for (a,) in affiliates]).values()),
        events=count[0] if count else 0,
        events_by_role=dict(by_role.fetchall()),
        latest_events=event_summaries(db, [event for (event,) in recent]),
        partners=[Partner(references[other], n) for other, n in top],
    )


def find_events(db: sqlite3.Connection, wanted: EventFilter) -> list[EventSummary]:
    """One page of the events that pass `wanted`, latest first (undated last)."""
    joins: list[str] = []
    join_params: list[object] = []
    where: list[str] = []
    params: list[object] = []
    order = "e.moment DESC, e.iri DESC"
    if wanted.participant is not None:
        joins.append("JOIN event_role p ON p.event = e.iri AND p.entity = ? AND p.role = ?")
        join_params += [wanted.participant, wanted.role or Role.PARTICIPANT.value]
        order = "p.moment DESC, p.event DESC"
    elif wanted.role is not None:
        where.append("EXISTS (SELECT 1 FROM event_role r WHERE r.event = e.iri AND r.role = ?)")
        params.append(wanted.role)
    if wanted.type is not None:
        joins.append("JOIN event_class c ON c.event = e.iri AND c.type = ?")
        join_params.append(wanted.type)
        if wanted.participant is None:
            order = "c.moment DESC, c.event DESC"
    if wanted.materiel is not None:
        materiel = _narrower(db, wanted.materiel)
        marks = ",".join("?" * len(materiel))
        if order.startswith("e.") and _materiel_uses(db, materiel) <= SPARSE_MATERIEL:
            joins.append(
                "JOIN (SELECT DISTINCT event, moment FROM event_role WHERE role = 'materiel' "
                f"AND entity IN ({marks})) m ON m.event = e.iri"
            )
            join_params += materiel
            order = "m.moment DESC, m.event DESC"
        else:
            where.append(
                "EXISTS (SELECT 1 FROM event_role m WHERE m.event = e.iri "
                f"AND m.role = 'materiel' AND m.entity IN ({marks}))"
            )
            params += materiel
    for clause, value in (
        ("e.status = ?", wanted.status),
        ("e.moment >= ?", wanted.date_from),
        ("e.moment <= ?", wanted.date_to),
        ("e.articles >= ?", wanted.min_articles),
    ):
        if value is not None:
            where.append(clause)
            params.append(value)
    sql = (
        f"SELECT e.iri FROM event e {' '.join(joins)} "
        f"WHERE {' AND '.join(where) or '1 = 1'} ORDER BY {order} LIMIT ? OFFSET ?"
    )
    rows = db.execute(sql, [*join_params, *params, wanted.limit, wanted.offset])
    return event_summaries(db, [iri for (iri,) in rows])


def _narrower(db: sqlite3.Connection, materiel: str) -> list[str]:
    """`materiel` and every materiel class under it (skos:broader*)."""
    rows = db.execute("SELECT narrow FROM narrower WHERE broad = ?", (materiel,))
    return sorted({materiel, *(narrow for (narrow,) in rows)})


def _materiel_uses(db: sqlite3.Connection, materiel: list[str]) -> int:
    marks = ",".join("?" * len(materiel))
    row = db.execute(
        "SELECT COALESCE(SUM(n), 0) FROM role_count "
        f"WHERE role = 'materiel' AND entity IN ({marks})",
        materiel,
    ).fetchone()
    return int(row[0])


def event_summaries(
    db: sqlite3.Connection, events: list[str], statuses_limit: int = STATUSES_LIMIT
) -> list[EventSummary]:
    """The summaries of `events`, in the order given (unknown IRIs are left out), each with
    the statuses of its `statuses_limit` latest reports."""
    if not events:
        return []
    marks = ",".join("?" * len(events))
    rows = {
        row[0]: row
        for row in db.execute(
            "SELECT iri, type, status, date, confidence, articles, publishers "
            f"FROM event WHERE iri IN ({marks})",
            events,
        )
    }
    types: dict[str, list[str]] = defaultdict(list)
    for event, kind in db.execute(
        f"SELECT event, type FROM event_class WHERE event IN ({marks}) ORDER BY type", events
    ):
        types[event].append(kind)
    roles: dict[str, dict[str, list[EntityRef]]] = defaultdict(lambda: defaultdict(list))
    for event, role, entity, label, kind in db.execute(
        "SELECT r.event, r.role, r.entity, en.label, en.type FROM event_role r "
        f"LEFT JOIN entity en ON en.iri = r.entity WHERE r.event IN ({marks}) "
        "ORDER BY r.role, r.entity",
        events,
    ):
        roles[event][role].append(EntityRef(entity, label, kind))
    statuses: dict[str, list[StatusReport]] = {}
    for event in events:
        latest = db.execute(
            "SELECT article, issued, publisher, status, negated FROM report WHERE event = ? "
            "ORDER BY issued DESC, article DESC LIMIT ?",
            (event, statuses_limit),
        ).fetchall()
        statuses[event] = [
            StatusReport(article_iri(article), issued, publisher, status, bool(negated))
            for article, issued, publisher, status, negated in reversed(latest)
        ]
    return [
        EventSummary(
            iri=iri,
            type=rows[iri][1],
            types=types[iri],
            status=rows[iri][2],
            date=rows[iri][3],
            confidence=rows[iri][4],
            articles=rows[iri][5],
            publishers=rows[iri][6],
            roles={role: refs for role, refs in roles[iri].items()},
            statuses=statuses[iri],
        )
        for iri in events
        if iri in rows
    ]


def _entity_refs(db: sqlite3.Connection, entities: list[str]) -> dict[str, EntityRef]:
    if not entities:
        return {}
    marks = ",".join("?" * len(entities))
    known = {
        iri: EntityRef(iri, label, kind)
        for iri, label, kind in db.execute(
            f"SELECT iri, label, type FROM entity WHERE iri IN ({marks})", entities
        )
    }
    return {iri: known.get(iri, EntityRef(iri, None, None)) for iri in entities}


def index_stats(db: sqlite3.Connection, base_quads: int) -> IndexStats:
    """Counts from the counters and the per-article rows; `base_quads` is the base graphs'."""
    totals = dict(db.execute("SELECT name, n FROM total"))
    return IndexStats(
        articles=totals["articles"],
        events=totals["events"],
        quads=totals["quads"] + base_quads,
        events_by_class=dict(db.execute("SELECT type, n FROM class_count ORDER BY type")),
        entities_by_type=dict(
            db.execute("SELECT type, COUNT(*) FROM entity GROUP BY type ORDER BY type")
        ),
    )
