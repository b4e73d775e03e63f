"""Contract-shaped synthetic articles for the REST benchmark, built from the reference entities.

Each article reports three to five events between states drawn with a skewed
(Zipf-like) weight, so a few states are in most events and the same real-world event is
reported by many articles, as in the news. The quads come from the real mapping
(`extraction_to_quads`); the index rows from the real `article_rows`.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from pyoxigraph import RdfFormat, parse

from alliance_kg import iris, resources
from alliance_kg.index.rows import ReferenceEntity, reference_entities
from alliance_kg.model import (
    Article,
    Entity,
    EntityType,
    Event,
    EventClass,
    EventDate,
    Extraction,
    Mention,
    Role,
    Status,
)

# the states most present in defence news come first, so they get the largest weights
PROMINENT = ("USA", "JPN", "CHN", "RUS", "UKR", "GBR", "FRA", "DEU", "KOR", "AUS", "IND", "PHL")
PUBLISHERS = tuple(f"Wire {n}" for n in range(30))
FIRST_DAY = date(2019, 1, 1)
DAYS = 6 * 365

# class -> the roles its actors take (two actors), and what else it names
SHAPES: dict[EventClass, tuple[tuple[Role, Role], tuple[Role, ...]]] = {
    EventClass.LEADERS_MEETING: ((Role.PARTICIPANT, Role.PARTICIPANT), (Role.LOCATION,)),
    EventClass.JOINT_PRODUCTION: ((Role.PARTICIPANT, Role.PARTICIPANT), (Role.MATERIEL,)),
    EventClass.ARMS_TRANSFER: ((Role.SUPPLIER, Role.RECIPIENT), (Role.MATERIEL,)),
    EventClass.MAINTENANCE_COOPERATION: ((Role.PROVIDER, Role.CLIENT), (Role.MATERIEL,)),
    EventClass.SUPPLY_CHAIN_COOPERATION: ((Role.PARTICIPANT, Role.PARTICIPANT), (Role.MATERIEL,)),
    EventClass.POLICY_CHANGE: ((Role.PARTICIPANT, Role.PARTICIPANT), (Role.POLICY,)),
    EventClass.MILITARY_AID: ((Role.DONOR, Role.RECIPIENT), (Role.MATERIEL,)),
    EventClass.CAPACITY_SHORTFALL: ((Role.PARTICIPANT, Role.PARTICIPANT), (Role.MATERIEL,)),
    EventClass.PERSONNEL_DEPLOYMENT: ((Role.PARTICIPANT, Role.PARTICIPANT), (Role.LOCATION,)),
    EventClass.DEFENSE_COOPERATION: ((Role.PARTICIPANT, Role.PARTICIPANT), ()),
}
FILLER_TYPES = {
    Role.LOCATION: EntityType.PLACE,
    Role.MATERIEL: EntityType.MATERIEL,
    Role.POLICY: EntityType.POLICY,
}


@dataclass(frozen=True)
class Pool:
    """Reference entities to draw from: states by weight, and the rest by type."""

    states: list[Entity]
    state_weights: list[float]
    by_type: dict[EntityType, list[Entity]]
    labels: list[str]  # every label and alias, to draw search prefixes from


def reference_pool() -> Pool:
    """The reference entities of `ontology/reference.ttl`, parsed without a store."""
    data = resources.REFERENCE_FILE.read_bytes()
    triples = [(q.subject, q.predicate, q.object) for q in parse(data, RdfFormat.TURTLE)]
    entities = reference_entities(triples)
    by_type: dict[EntityType, list[Entity]] = {kind: [] for kind in EntityType}
    for found in entities:
        kind = EntityType(found.type)
        by_type[kind].append(Entity(found.iri, found.label, kind))
    states = [_entity(found) for found in entities if found.type == "Country" and found.wikidata]
    states.sort(key=_prominence)
    return Pool(
        states=states,
        state_weights=[1 / (rank + 1) for rank in range(len(states))],
        by_type=by_type,
        labels=[name for found in entities for name in (found.label, *found.aliases)],
    )


def _prominence(state: Entity) -> tuple[int, str]:
    code = state.iri.rsplit("/", 1)[-1]
    return (PROMINENT.index(code) if code in PROMINENT else len(PROMINENT), code)


def _entity(found: ReferenceEntity) -> Entity:
    return Entity(found.iri, found.label, EntityType(found.type))


def synthetic_extraction(number: int, pool: Pool) -> Extraction:
    """Article `number` and its events; the same number always gives the same article."""
    rng = random.Random(number)
    sentences: list[str] = []
    events: list[Event] = []
    for _ in range(rng.choice((3, 4, 4, 5))):
        event = _event(rng, pool, sentences)
        events.append(event)
    text = " ".join(sentences)
    published = None if rng.random() < 0.1 else FIRST_DAY + timedelta(rng.randrange(DAYS))
    article = Article(
        id=f"{number:016x}",
        text=text,
        title=f"Synthetic report {number}",
        published=published,
        publisher=rng.choice(PUBLISHERS),
    )
    named = {entity for event in events for _, entity in event.roles if not entity.minted}
    return Extraction(article, tuple(events), tuple(sorted(named, key=lambda e: e.iri)))


def _event(rng: random.Random, pool: Pool, sentences: list[str]) -> Event:
    event_class = rng.choice(list(SHAPES))
    (first_role, second_role), others = SHAPES[event_class]
    first, second = _two_states(rng, pool)
    roles: list[tuple[Role, Entity]] = [(first_role, first), (second_role, second)]
    for role in others:
        roles.append((role, rng.choice(pool.by_type[FILLER_TYPES[role]])))
    if event_class == EventClass.LEADERS_MEETING and rng.random() < 0.5:
        roles.append((Role.PARTICIPANT, rng.choice(pool.by_type[EntityType.PERSON])))
    if rng.random() < 0.05:
        firm = f"Synthetic Works {rng.randrange(2000)}"
        minted = Entity(iris.entity_iri("Organization", firm), firm, EntityType.ORGANIZATION, True)
        roles.append((Role.PARTICIPANT, minted))
    status = rng.choice(list(Status))
    start = sum(len(sentence) + 1 for sentence in sentences)
    sentence = (
        f"{first.label} and {second.label} reported a {event_class.value} "
        f"({status.value.lower()}) involving {', '.join(e.label for _, e in roles[2:])}."
    )
    sentences.append(sentence)
    mention = Mention(start, start + len(sentence), sentence, status, status.value.lower())
    when = None
    if rng.random() < 0.5:
        year = rng.randrange(2019, 2026)
        when = EventDate(
            year, rng.randrange(1, 13), rng.randrange(1, 29) if rng.random() < 0.5 else None
        )
    return Event(
        type=event_class,
        status=status,
        roles=tuple(roles),
        mentions=(mention,),
        date=when,
        confidence=round(rng.uniform(0.5, 1.0), 2),
    )


def _two_states(rng: random.Random, pool: Pool) -> tuple[Entity, Entity]:
    while True:
        first, second = rng.choices(pool.states, weights=pool.state_weights, k=2)
        if first != second:
            return first, second


def extractions(count: int, pool: Pool) -> Iterator[Extraction]:
    return (synthetic_extraction(number, pool) for number in range(count))
