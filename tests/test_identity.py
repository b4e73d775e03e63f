"""The cross-article event identity rule."""

from __future__ import annotations

from dataclasses import replace

from alliance_kg import iris
from alliance_kg.model import (
    Entity,
    EntityType,
    Event,
    EventClass,
    EventDate,
    Mention,
    Role,
    Status,
)
from alliance_kg.rdf.identity import event_identities, event_identity

JAPAN = Entity(iris.country_iri("JPN"), "Japan", EntityType.COUNTRY)
USA = Entity(iris.country_iri("USA"), "United States", EntityType.COUNTRY)
PATRIOT = Entity(iris.entity_iri("Materiel", "Patriot"), "Patriot", EntityType.MATERIEL)
NASAMS = Entity(iris.entity_iri("Materiel", "NASAMS"), "NASAMS", EntityType.MATERIEL)
MINTED_PART = Entity(
    iris.entity_iri("Materiel", "interceptor parts"),
    "interceptor parts",
    EntityType.MATERIEL,
    minted=True,
)


def transfer(supplier: Entity, recipient: Entity, *materiel: Entity) -> Event:
    roles = ((Role.SUPPLIER, supplier), (Role.RECIPIENT, recipient))
    return Event(
        type=EventClass.ARMS_TRANSFER,
        status=Status.PLANNED,
        roles=roles + tuple((Role.MATERIEL, item) for item in materiel),
        mentions=(Mention(0, 10, "Japan will", Status.PLANNED),),
    )


def test_identity_is_24_hex_digits() -> None:
    identity = event_identity(transfer(JAPAN, USA, PATRIOT))
    assert len(identity) == 24
    assert int(identity, 16) >= 0


def test_same_event_from_two_articles_has_one_identity() -> None:
    first = transfer(JAPAN, USA, PATRIOT)
    second = replace(
        first,
        mentions=(Mention(500, 580, "Tokyo will send Patriots to Washington.", Status.AGREED),),
        confidence=0.4,
    )
    assert event_identity(first) == event_identity(second)


def test_directed_roles_keep_their_direction() -> None:
    assert event_identity(transfer(JAPAN, USA, PATRIOT)) != event_identity(
        transfer(USA, JAPAN, PATRIOT)
    )


def test_participants_are_undirected() -> None:
    def meeting(*actors: Entity) -> Event:
        roles = tuple((Role.PARTICIPANT, actor) for actor in actors)
        return Event(EventClass.LEADERS_MEETING, Status.EXPECTED, roles, mentions=())

    assert event_identity(meeting(JAPAN, USA)) == event_identity(meeting(USA, JAPAN))
    assert event_identity(meeting(JAPAN, USA)) != event_identity(meeting(JAPAN))


def test_status_date_and_negation_do_not_matter() -> None:
    planned = transfer(JAPAN, USA, PATRIOT)
    completed = replace(
        planned,
        status=Status.COMPLETED,
        date=EventDate(2024, 3),
        negated=True,
    )
    assert event_identity(planned) == event_identity(completed)


def test_class_matters() -> None:
    sale = transfer(JAPAN, USA, PATRIOT)
    aid = replace(sale, type=EventClass.MILITARY_AID)
    assert event_identity(sale) != event_identity(aid)


def test_reference_materiel_distinguishes_transfers_minted_does_not() -> None:
    patriot = event_identity(transfer(JAPAN, USA, PATRIOT))
    assert patriot != event_identity(transfer(JAPAN, USA, NASAMS))
    assert patriot == event_identity(transfer(JAPAN, USA, PATRIOT, MINTED_PART))
    assert event_identity(transfer(JAPAN, USA, PATRIOT, NASAMS)) == event_identity(
        transfer(JAPAN, USA, NASAMS, PATRIOT)
    )


def test_materiel_does_not_distinguish_other_classes() -> None:
    def supply_chain(*materiel: Entity) -> Event:
        actors = ((Role.PARTICIPANT, JAPAN), (Role.PARTICIPANT, USA))
        roles = actors + tuple((Role.MATERIEL, item) for item in materiel)
        return Event(EventClass.SUPPLY_CHAIN_COOPERATION, Status.PLANNED, roles, mentions=())

    assert event_identity(supply_chain(PATRIOT)) == event_identity(supply_chain(NASAMS))


def production(*materiel: Entity) -> Event:
    roles = ((Role.PARTICIPANT, JAPAN), (Role.PARTICIPANT, USA))
    return Event(
        type=EventClass.JOINT_PRODUCTION,
        status=Status.PLANNED,
        roles=roles + tuple((Role.MATERIEL, item) for item in materiel),
        mentions=(Mention(0, 10, "Japan will", Status.PLANNED),),
    )


def test_one_partnership_producing_two_systems_is_two_events() -> None:
    amraam = Entity(iris.entity_iri("Materiel", "AMRAAM"), "AMRAAM", EntityType.MATERIEL)
    assert event_identity(production(PATRIOT)) != event_identity(production(amraam))


def test_a_materiel_class_does_not_split_a_production() -> None:
    missile = Entity(iris.entity_iri("Materiel", "missile"), "missile", EntityType.MATERIEL)
    assert event_identity(production(missile)) == event_identity(production())
    assert event_identity(production(PATRIOT, missile)) == event_identity(production(PATRIOT))


def told_at(event: Event, start: int, year: int | None) -> Event:
    mention = Mention(start, start + 10, "Japan will", Status.PLANNED)
    return replace(event, mentions=(mention,), date=None if year is None else EventDate(year))


def test_one_article_keeps_apart_what_it_dates_in_different_years() -> None:
    sale = transfer(JAPAN, USA, PATRIOT)
    first, second = told_at(sale, 0, 2025), told_at(sale, 50, 2022)
    identities = event_identities([second, told_at(sale, 90, None), first])
    assert identities[0] != identities[2]
    # The first-mentioned year keeps the shared identity, so lone reports elsewhere join it.
    assert identities[2] == identities[1] == event_identity(sale)
    assert event_identities([second]) == [event_identity(sale)]


def test_one_year_or_no_year_is_one_event() -> None:
    sale = transfer(JAPAN, USA, PATRIOT)
    same_year = event_identities([told_at(sale, 0, 2024), told_at(sale, 40, 2024)])
    assert len(set(same_year)) == 1
    reverse = transfer(USA, JAPAN)
    other_parties = event_identities([told_at(sale, 0, 2024), told_at(reverse, 40, 2021)])
    assert other_parties == [event_identity(sale), event_identity(reverse)]
