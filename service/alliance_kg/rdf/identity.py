"""The cross-article identity of an event: one real-world event, one IRI, whoever reports it.

The identity is the first 24 hex digits of the SHA-256 of a canonical string made of:

1. the event class local name (`ArmsTransfer`);
2. the sorted, de-duplicated `role=entity IRI` pairs of its actor roles. Directed roles
   (supplier, recipient, provider, client, donor) keep their role name, so JPN->USA and
   USA->JPN differ; `participant` pairs are undirected (sorting removes their order);
3. for `ArmsTransfer` and `MilitaryAid` only, the sorted IRIs of the reference materiel
   (entities not minted for an article), so two sales between the same countries of
   different systems stay apart while a name the gazetteer does not know cannot split one.

Status, date, quantities, mentions and the reporting article are NOT part of identity:
status and dates evolve across reports of the same event.
"""

from __future__ import annotations

import hashlib

from alliance_kg.model import ACTOR_ROLES, Event, EventClass, Role

IDENTITY_LENGTH = 24

_MATERIEL_DISTINGUISHES: frozenset[EventClass] = frozenset(
    {EventClass.ARMS_TRANSFER, EventClass.MILITARY_AID}
)


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
    return "\n".join(lines)


def event_identity(event: Event) -> str:
    """The hex identity of `event`: equal for every report of the same real-world event."""
    digest = hashlib.sha256(canonical_identity_string(event).encode("utf-8")).hexdigest()
    return digest[:IDENTITY_LENGTH]
