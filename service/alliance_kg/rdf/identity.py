"""The cross-article identity of an event: one real-world event, one IRI, whoever reports it.

The identity is the first 24 hex digits of the SHA-256 of a canonical string made of:

1. the event class local name (`ArmsTransfer`);
2. the sorted, de-duplicated `role=entity IRI` pairs of its actor roles. Directed roles
   (supplier, recipient, provider, client, donor) keep their role name, so JPN->USA and
   USA->JPN differ; `participant` pairs are undirected (sorting removes their order);
3. for `ArmsTransfer` and `MilitaryAid`, the sorted IRIs of the reference materiel
   (entities not minted for an article), so two sales between the same countries of
   different systems stay apart while a name the gazetteer does not know cannot split one;
   for `JointProduction`, only the reference systems (materiel nothing in the reference is
   narrower than), so two production lines of one partnership (AMRAAMs, Patriots) stay
   apart while the classes an article also names ("missiles", "parts") cannot split one.

Status, date, quantities, mentions and the reporting article are NOT part of identity:
status and dates evolve across reports of the same event. One exception keeps apart what one
article tells apart (`event_identities`): when events of one extraction share the text above
but are dated in different years (a first contract in 2022, a second in 2025), the year of the
first-mentioned dated one keeps the shared identity, and each other year adds a `year=` line.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from functools import cache

from pyoxigraph import RdfFormat, parse

from alliance_kg import resources, vocab
from alliance_kg.model import ACTOR_ROLES, Event, EventClass, Role

IDENTITY_LENGTH = 24

_MATERIEL_DISTINGUISHES: frozenset[EventClass] = frozenset(
    {EventClass.ARMS_TRANSFER, EventClass.MILITARY_AID}
)
_SYSTEMS_DISTINGUISH: frozenset[EventClass] = frozenset({EventClass.JOINT_PRODUCTION})


@cache
def reference_systems() -> frozenset[str]:
    """IRIs of the reference materiel that no other reference materiel is narrower than."""
    materiel: set[str] = set()
    broader: set[str] = set()
    with resources.REFERENCE_FILE.open("rb") as handle:
        for triple in parse(handle, format=RdfFormat.TURTLE):
            if triple.predicate == vocab.RDF_TYPE and triple.object == vocab.Materiel:
                materiel.add(triple.subject.value)
            elif triple.predicate == vocab.SKOS_BROADER:
                broader.add(triple.object.value)
    return frozenset(materiel - broader)


def canonical_identity_string(event: Event) -> str:
    """The canonical text the identity hash is taken of (one line per component)."""
    actor_pairs = sorted(
        {f"{role.value}={entity.iri}" for role, entity in event.roles if role in ACTOR_ROLES}
    )
    lines = [event.type.value, *actor_pairs]
    if event.type in _MATERIEL_DISTINGUISHES:
        materiel = sorted(
            {
                f"materiel={entity.iri}"
                for entity in event.fillers(Role.MATERIEL)
                if not entity.minted
            }
        )
        lines.extend(materiel)
    if event.type in _SYSTEMS_DISTINGUISH:
        systems = reference_systems()
        lines.extend(
            sorted({f"system={e.iri}" for e in event.fillers(Role.MATERIEL) if e.iri in systems})
        )
    return "\n".join(lines)


def event_identity(event: Event) -> str:
    """The hex identity of `event`: equal for every report of the same real-world event."""
    return _digest(canonical_identity_string(event))


def event_identities(events: Sequence[Event]) -> list[str]:
    """The identity of each event of one extraction, apart where it dates them years apart."""
    canonical = [canonical_identity_string(event) for event in events]
    shared_year: dict[str, int] = {}
    for text, event in sorted(zip(canonical, events, strict=True), key=_first_mention):
        if event.date is not None:
            shared_year.setdefault(text, event.date.year)
    return [
        _digest(text)
        if event.date is None or event.date.year == shared_year[text]
        else _digest(f"{text}\nyear={event.date.year}")
        for text, event in zip(canonical, events, strict=True)
    ]


def _first_mention(pair: tuple[str, Event]) -> tuple[int, int]:
    _, event = pair
    start = min((mention.start for mention in event.mentions), default=-1)
    return start, event.date.year if event.date is not None else 0


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:IDENTITY_LENGTH]
