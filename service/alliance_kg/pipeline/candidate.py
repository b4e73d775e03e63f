"""The candidate event type and the roles each event class gives its actors."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from alliance_kg.model import ACTOR_ROLES, Entity, EventClass, EventDate, Quantity, Role, Status
from alliance_kg.pipeline.modality import Modality

E = EventClass


DIRECTED = {
    E.ARMS_TRANSFER: (Role.SUPPLIER, Role.RECIPIENT),
    E.MILITARY_AID: (Role.DONOR, Role.RECIPIENT),
    E.MAINTENANCE_COOPERATION: (Role.PROVIDER, Role.CLIENT),
}


# Classes whose actors act together, so the subject's actors join the phrase's own.
SHARED = {E.JOINT_PRODUCTION, E.SUPPLY_CHAIN_COOPERATION, E.DEFENSE_COOPERATION}


MATERIEL_CLASSES = {
    E.JOINT_PRODUCTION,
    E.ARMS_TRANSFER,
    E.MAINTENANCE_COOPERATION,
    E.SUPPLY_CHAIN_COOPERATION,
    E.MILITARY_AID,
    E.CAPACITY_SHORTFALL,
    E.PERSONNEL_DEPLOYMENT,  # the systems deployed: "Patriot fire units", "a submarine"
}


@dataclass
class Candidate:
    """An event as one sentence reports it, before merging within the article."""

    type: EventClass
    trigger: Token
    sentence: Span
    offset: int  # where the sentence's paragraph starts in the article text
    modality: Modality
    roles: dict[Role, dict[str, Entity]] = field(default_factory=dict)
    date: EventDate | None = None
    date_reported: bool = False  # the date is only the report's: "the ministry said on Tuesday"
    date_due: bool = False  # the date is only a deadline: "to develop a fighter by 2035"
    joint: bool = False
    inferred: bool = False
    elaboration: bool = False  # a follow-up sentence adding detail to an earlier event
    attribution: str | None = None
    quantities: list[Quantity] = field(default_factory=list)
    unnamed: set[Role] = field(default_factory=set)  # sides given but not linked: "from allies"

    def add(self, role: Role, entities: list[Entity]) -> None:
        for entity in entities:
            self.roles.setdefault(role, {}).setdefault(entity.iri, entity)

    def actor_iris(self) -> set[str]:
        return actor_iris(self.roles)

    @property
    def status(self) -> Status:
        return self.modality.status


def actor_iris(roles: dict[Role, dict[str, Entity]]) -> set[str]:
    """The IRIs filling any actor role (participant, supplier, recipient...)."""
    return {iri for role, found in roles.items() if role in ACTOR_ROLES for iri in found}
