"""Frozen records passed between stages: reading -> pipeline -> rdf -> store.

Nothing here knows about spaCy or RDF libraries; IRIs are plain strings.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


class Status(StrEnum):
    """How firm an event is; values are the local names of the ak: status concepts."""

    CONSIDERED = "Considered"
    PLANNED = "Planned"
    EXPECTED = "Expected"
    AGREED = "Agreed"
    ONGOING = "Ongoing"
    COMPLETED = "Completed"


class EventClass(StrEnum):
    """The contract's event classes; values are ak: local names."""

    LEADERS_MEETING = "LeadersMeeting"
    JOINT_PRODUCTION = "JointProduction"
    ARMS_TRANSFER = "ArmsTransfer"
    MAINTENANCE_COOPERATION = "MaintenanceCooperation"
    SUPPLY_CHAIN_COOPERATION = "SupplyChainCooperation"
    POLICY_CHANGE = "PolicyChange"
    MILITARY_AID = "MilitaryAid"
    CAPACITY_SHORTFALL = "CapacityShortfall"
    PERSONNEL_DEPLOYMENT = "PersonnelDeployment"
    DEFENSE_COOPERATION = "DefenseCooperation"


class Role(StrEnum):
    """Event roles; values are ak: property local names."""

    PARTICIPANT = "participant"
    SUPPLIER = "supplier"
    RECIPIENT = "recipient"
    PROVIDER = "provider"
    CLIENT = "client"
    DONOR = "donor"
    MATERIEL = "materiel"
    LOCATION = "location"
    POLICY = "policy"
    CAUSE = "cause"


ACTOR_ROLES: frozenset[Role] = frozenset(
    {Role.PARTICIPANT, Role.SUPPLIER, Role.RECIPIENT, Role.PROVIDER, Role.CLIENT, Role.DONOR}
)


class EntityType(StrEnum):
    """Entity classes; values are ak: local names."""

    COUNTRY = "Country"
    PERSON = "Person"
    ORGANIZATION = "Organization"
    PLACE = "Place"
    MATERIEL = "Materiel"
    POLICY = "Policy"


class DatePrecision(StrEnum):
    """Granularity of a resolved date; decides xsd:date, xsd:gYearMonth or xsd:gYear."""

    DAY = "day"
    MONTH = "month"
    YEAR = "year"


@dataclass(frozen=True)
class Article:
    """One news article as read from a file or payload. `text` is what offsets point into."""

    id: str
    text: str
    title: str | None = None
    published: date | None = None
    publisher: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class EventDate:
    """A date the text gives, resolved against the publication date, at its own precision."""

    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> DatePrecision:
        if self.day is not None:
            return DatePrecision.DAY
        return DatePrecision.MONTH if self.month is not None else DatePrecision.YEAR

    def isoformat(self) -> str:
        """`YYYY`, `YYYY-MM` or `YYYY-MM-DD`: the lexical form of the matching xsd type."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text


@dataclass(frozen=True)
class Entity:
    """An entity an event refers to: a reference IRI from the gazetteer, or a minted one."""

    iri: str
    label: str
    type: EntityType
    minted: bool = False


@dataclass(frozen=True)
class Quantity:
    """A number of units or an amount of money the text gives for an event."""

    amount: float
    unit: str  # "unit" for a count of items, else an ISO 4217 currency code ("USD")
    text: str


@dataclass(frozen=True)
class Mention:
    """One sentence of an article that supports an event, and what that sentence says of it."""

    start: int
    end: int
    text: str
    status: Status
    status_cue: str | None = None
    attribution: str | None = None


@dataclass(frozen=True)
class Event:
    """One real-world event as one article reports it."""

    type: EventClass
    status: Status
    roles: tuple[tuple[Role, Entity], ...]
    mentions: tuple[Mention, ...]
    date: EventDate | None = None
    quantities: tuple[Quantity, ...] = ()
    negated: bool = False
    confidence: float = 1.0
    causes: tuple[int, ...] = ()  # indexes into Extraction.events of the events that caused it

    def fillers(self, role: Role) -> tuple[Entity, ...]:
        return tuple(entity for r, entity in self.roles if r == role)

    @property
    def actors(self) -> tuple[Entity, ...]:
        return tuple(entity for r, entity in self.roles if r in ACTOR_ROLES)


@dataclass(frozen=True)
class Extraction:
    """Everything the pipeline found in one article."""

    article: Article
    events: tuple[Event, ...]
    entities: tuple[Entity, ...] = field(default=())  # every entity the article names, linked


_SPACE = re.compile(r"\s+")


def normalise_text(text: str) -> str:
    """NFC, Unix newlines, trailing spaces stripped: the form an article's text is stored in."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return "\n".join(line.rstrip() for line in text.strip().split("\n"))


def article_id(text: str) -> str:
    """The stable article id: the same text (up to whitespace) always gives the same id."""
    canonical = _SPACE.sub(" ", normalise_text(text)).strip()
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class StoredEvent:
    """An event as stored: its IRI and most specific class."""

    iri: str
    type: EventClass


@dataclass(frozen=True)
class IngestReport:
    """What ingesting one article did; `created` is False when the same text was already stored."""

    article_id: str
    iri: str
    graph: str
    created: bool
    events: tuple[StoredEvent, ...]

    @classmethod
    def of(cls, article_id: str, *, created: bool, events: tuple[StoredEvent, ...]) -> IngestReport:
        """The report for an article, its IRI and graph named by the contract's scheme."""
        from alliance_kg.iris import article_graph, article_iri

        return cls(article_id, article_iri(article_id), article_graph(article_id), created, events)
