"""What the read index answers: plain records, free of SQL and of HTTP."""

from __future__ import annotations

from dataclasses import dataclass, field

MATCH_KINDS = ("exact label", "exact alias", "label prefix", "alias prefix", "word prefix")


@dataclass(frozen=True)
class EntityRef:
    iri: str
    label: str | None
    type: str | None  # EntityType value, None for an IRI no entity row describes


@dataclass(frozen=True)
class EntityHit:
    iri: str
    label: str
    type: str
    match: str  # one of MATCH_KINDS
    events: int


@dataclass(frozen=True)
class StatusReport:
    """The status one article gives an event."""

    article: str  # article IRI
    published: str | None
    publisher: str | None
    status: str | None  # Status value
    negated: bool


@dataclass(frozen=True)
class EventSummary:
    iri: str
    type: str  # the most specific EventClass value
    types: list[str]
    status: str | None  # from the latest-dated article
    date: str | None
    confidence: float | None
    articles: int
    publishers: int
    roles: dict[str, list[EntityRef]]
    statuses: list[StatusReport]  # oldest first


@dataclass(frozen=True)
class Partner:
    entity: EntityRef
    events: int


@dataclass(frozen=True)
class EntityDetail:
    iri: str
    label: str
    type: str
    minted: bool
    aliases: list[str]
    wikidata: str | None
    affiliations: list[EntityRef]
    events: int
    events_by_role: dict[str, int]
    latest_events: list[EventSummary]
    partners: list[Partner]


@dataclass(frozen=True)
class EventFilter:
    """`participant`, `materiel` are entity IRIs; `type`, `role`, `status` ak: local names."""

    type: str | None = None
    participant: str | None = None
    role: str | None = None
    materiel: str | None = None
    status: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    min_articles: int | None = None
    limit: int = 50
    offset: int = 0


@dataclass(frozen=True)
class IndexStats:
    articles: int
    events: int
    quads: int  # article graphs plus the base graphs, as the index counted them
    events_by_class: dict[str, int] = field(default_factory=dict)
    entities_by_type: dict[str, int] = field(default_factory=dict)
