"""Extractor.extract on short articles: which lines are read, and the events they give."""

from __future__ import annotations

from datetime import date

import pytest

from alliance_kg.iris import entity_iri
from alliance_kg.model import (
    EntityType,
    EventClass,
    EventDate,
    Extraction,
    Quantity,
    Role,
    Status,
)
from alliance_kg.pipeline.extractor import Extractor, paragraphs
from extraction_support import E, article, events_of, isos

TRANSFER_TITLE = "Seoul to sell howitzers to Warsaw"
TRANSFER = "\n\n".join(
    [
        TRANSFER_TITLE,
        "SEOUL (Daily Wire) -- South Korea will export 96 K9 howitzers to Poland in a deal worth "
        "$2.6 billion, according to officials in both governments. Deliveries of the K9 "
        "howitzers to Poland are expected to begin in April.",
        "A K9 howitzer at a firing range near Paju",
        "The officials said South Korea will not export fighter jets to Poland.",
    ]
)
SUMMIT = "\n\n".join(
    [
        "Prime Minister Kishida met President Biden in Washington on Wednesday. "
        "The talks covered the alliance.",
        "Last December, Japan revised the Three Principles on Transfer of Defense Equipment "
        "and Technology.",
        "Nordvik Dynamics, a Norwegian firm, will supply drones to Ukraine.",
    ]
)


@pytest.fixture(scope="module")
def transfer(extractor: Extractor) -> Extraction:
    return extractor.extract(article(TRANSFER, date(2024, 3, 10), TRANSFER_TITLE))


@pytest.fixture(scope="module")
def summit(extractor: Extractor) -> Extraction:
    return extractor.extract(article(SUMMIT, date(2024, 4, 12)))


def test_the_title_line_and_captions_are_not_read() -> None:
    read = [text for text, _ in paragraphs(article(TRANSFER, None, TRANSFER_TITLE))]
    assert len(read) == 2
    assert not any(text.startswith((TRANSFER_TITLE, "A K9 howitzer")) for text in read)


def test_paragraph_offsets_point_into_the_text() -> None:
    text = "  Japan will export missiles to Australia.\n\n   Tokyo said so on Monday.\n"
    for paragraph, start in paragraphs(article(text, None)):
        assert text[start : start + len(paragraph)] == paragraph


@pytest.mark.parametrize("name", ["transfer", "summit"])
def test_every_mention_is_the_article_text_at_its_offsets(
    name: str, request: pytest.FixtureRequest
) -> None:
    extraction: Extraction = request.getfixturevalue(name)
    mentions = [m for event in extraction.events for m in event.mentions]
    assert mentions
    for mention in mentions:
        assert extraction.article.text[mention.start : mention.end] == mention.text
        assert "firing range" not in mention.text and TRANSFER_TITLE not in mention.text


def test_one_event_for_one_transfer_told_in_two_sentences(transfer: Extraction) -> None:
    (event,) = events_of(transfer, E.ARMS_TRANSFER)
    assert isos(event, Role.SUPPLIER) == {"KOR"}
    assert isos(event, Role.RECIPIENT) == {"POL"}
    # the dateline ("SEOUL (Daily Wire) --") is not part of the first sentence
    assert [m.text.split()[0] for m in event.mentions] == ["South", "Deliveries"]
    assert event.status is Status.AGREED  # "will export": a named party's announced decision
    assert [m.status for m in event.mentions] == [Status.AGREED, Status.EXPECTED]


def test_the_count_and_the_money_of_a_transfer(transfer: Extraction) -> None:
    (event,) = events_of(transfer, E.ARMS_TRANSFER)
    assert Quantity(amount=96, unit="unit", text="96 K9 howitzers") in event.quantities
    assert Quantity(amount=2.6e9, unit="USD", text="$2.6 billion") in event.quantities


def test_attribution_and_the_sources_expanded(transfer: Extraction) -> None:
    (event,) = events_of(transfer, E.ARMS_TRANSFER)
    assert event.mentions[0].attribution == "officials in both governments"
    (refused,) = events_of(transfer, E.ARMS_TRANSFER, negated=True)
    assert refused.mentions[0].attribution == "officials in both governments"


def test_will_not_export_is_a_negated_event(transfer: Extraction) -> None:
    (refused,) = events_of(transfer, E.ARMS_TRANSFER, negated=True)
    assert isos(refused, Role.SUPPLIER) == {"KOR"}
    assert [e.label for e in refused.fillers(Role.MATERIEL)] == ["fighter aircraft"]
    assert refused.mentions[0].text.startswith("The officials said")


def test_a_dateline_is_not_an_actor(transfer: Extraction) -> None:
    assert all(e.label != "Daily Wire" for event in transfer.events for e in event.actors)


@pytest.mark.parametrize(
    "line",
    [
        "PYEONGTAEK, Gyeonggi (Daily Wire) - Seoul will buy tanks.",
        "SEOUL, March 9 (Daily Wire) -- Seoul will buy tanks.",
    ],
)
def test_a_dateline_with_a_region_or_a_day_is_cut(line: str) -> None:
    [(text, start)] = paragraphs(article(line, None))
    assert text == "Seoul will buy tanks." and line[start:].startswith("Seoul")


def test_dates_resolve_against_the_publication_date(summit: Extraction) -> None:
    (meeting,) = events_of(summit, E.LEADERS_MEETING)
    assert meeting.date == EventDate(2024, 4, 10)  # the Wednesday before a Friday
    assert [e.label for e in meeting.fillers(Role.LOCATION)] == ["Washington, D.C."]
    assert isos(meeting, Role.PARTICIPANT) == {"JPN", "USA"}
    (revision,) = events_of(summit, E.POLICY_CHANGE)
    assert revision.date == EventDate(2023, 12)
    assert revision.status is Status.COMPLETED


def test_an_undated_article_leaves_relative_dates_unresolved(extractor: Extractor) -> None:
    extraction = extractor.extract(article(SUMMIT, None))
    assert all(event.date is None for event in extraction.events)


def test_a_name_no_reference_knows_is_minted_and_typed(summit: Extraction) -> None:
    # a sale or aid: the test is about the firm, not the class
    (supply,) = [e for e in summit.events if e.type in {E.ARMS_TRANSFER, E.MILITARY_AID}]
    (firm,) = [e for e in supply.actors if e.minted]
    assert (firm.label, firm.type) == ("Nordvik Dynamics", EntityType.ORGANIZATION)
    assert firm.iri == entity_iri("Organization", "Nordvik Dynamics")
    assert firm in summit.entities
    assert isos(supply, Role.RECIPIENT) == {"UKR"}


def test_the_article_lists_every_reference_entity_it_names(summit: Extraction) -> None:
    labels = {e.label for e in summit.entities}
    assert {"Japan", "United States", "Ukraine", "Fumio Kishida", "Joe Biden"} <= labels
    assert len({e.iri for e in summit.entities}) == len(summit.entities)


def test_a_follow_up_naming_the_broader_class_is_the_same_transfer(extractor: Extractor) -> None:
    text = (
        "South Korea will export 96 K9 howitzers to Poland. "
        "The howitzers will be shipped to Poland in April."
    )
    extraction = extractor.extract(article(text, date(2024, 3, 10)))
    (event,) = events_of(extraction, E.ARMS_TRANSFER)
    assert len(event.mentions) == 2
    assert event.date == EventDate(2024, 4)


def test_a_generic_institution_is_not_minted_as_an_actor(extractor: Extractor) -> None:
    text = "The Navy said it will deliver two destroyers to the Philippines next year."
    extraction = extractor.extract(article(text, date(2024, 3, 10)))
    minted = {e.label.lower() for ev in extraction.events for e in ev.actors if e.minted}
    assert "navy" not in minted
    assert "navy" not in {e.label.lower() for e in extraction.entities}


def test_one_pair_producing_two_systems_is_two_events(extractor: Extractor) -> None:
    text = (
        "Japan and the United States will jointly produce AMRAAM missiles. "
        "Japan and the United States will also jointly produce Patriot interceptors."
    )
    found = events_of(extractor.extract(article(text, date(2024, 7, 1))), E.JOINT_PRODUCTION)
    assert len(found) == 2


@pytest.mark.parametrize(
    "text",
    [
        "South Korea and the United States agreed in July to cooperate on building naval ships. "
        "HD Hyundai signed an agreement with Huntington Ingalls Industries in April to study "
        "joint construction of auxiliary vessels.",
        "Poland and South Korea agreed in 2022 to co-produce K2 tanks in Poland. Hyundai Rotem "
        "signed a contract with Bumar-Labedy in March to build the tanks together.",
    ],
)
def test_a_firms_dated_deal_is_apart_from_its_states_accord(
    extractor: Extractor, text: str
) -> None:
    found = events_of(extractor.extract(article(text, date(2025, 8, 27))), E.JOINT_PRODUCTION)
    assert len(found) == 2


def test_firms_undated_work_under_their_states_accord_is_that_accord(
    extractor: Extractor,
) -> None:
    text = (
        "Poland and South Korea agreed in 2022 to co-produce K2 tanks in Poland. "
        "Hyundai Rotem will build the tanks together with Bumar-Labedy."
    )
    found = events_of(extractor.extract(article(text, date(2025, 8, 27))), E.JOINT_PRODUCTION)
    assert len(found) == 1


def test_a_considered_purchase_is_not_aid(extractor: Extractor) -> None:
    text = "Canberra is considering Japan's Mogami-class frigate for its new fleet."
    extraction = extractor.extract(article(text, date(2024, 3, 10)))
    assert [e.type for e in extraction.events] == [EventClass.ARMS_TRANSFER]


def test_commerce_in_a_side_clause_does_not_make_a_gift_a_sale(extractor: Extractor) -> None:
    text = (
        "Norway and Denmark agreed to deliver artillery shells to Ukraine this year, "
        "drawing on joint purchases backed by a $1 billion fund."
    )
    extraction = extractor.extract(article(text, date(2024, 3, 10)))
    assert [e.type for e in extraction.events] == [EventClass.MILITARY_AID]


def test_a_plain_mention_gives_the_status_before_a_hedged_one(extractor: Extractor) -> None:
    text = (
        "Officials will soon see how many Belgian troops will be deployed in Estonia. "
        "Belgium sent 300 troops to Estonia in February."
    )
    extraction = extractor.extract(article(text, date(2024, 3, 10)))
    (event,) = events_of(extraction, E.PERSONNEL_DEPLOYMENT)
    assert event.status is Status.COMPLETED


@pytest.mark.parametrize(
    ("text", "kind", "status"),
    [
        (
            "Germany promised Ukraine a Patriot system in April and delivered the Patriot "
            "system to Kyiv in June.",
            E.MILITARY_AID,
            Status.COMPLETED,
        ),
        (
            "Rheinmetall signed a contract with Kyiv to repair Ukrainian tanks and is already "
            "repairing Leopard tanks for Ukraine in Romania.",
            E.MAINTENANCE_COOPERATION,
            Status.ONGOING,
        ),
    ],
)
def test_a_sentence_telling_a_deal_and_its_progress_gives_the_furthest_stage(
    extractor: Extractor, text: str, kind: EventClass, status: Status
) -> None:
    (event,) = events_of(extractor.extract(article(text, date(2024, 7, 10))), kind)
    assert event.status is status


@pytest.mark.parametrize(
    "text",
    [
        "U.S. officials have acknowledged that output of the SM-3 has fallen short of what the "
        "navy needs, after months of heavy firing in the Red Sea drained navy stocks.",
        "Officials say Germany's production of shells has fallen short of demand since heavy "
        "firing in Ukraine drained its stocks.",
    ],
)
def test_a_shortfall_is_a_state_whatever_drained_it(extractor: Extractor, text: str) -> None:
    (event,) = events_of(extractor.extract(article(text, date(2024, 7, 10))), E.CAPACITY_SHORTFALL)
    assert event.status is Status.ONGOING


def test_a_relative_clause_on_the_goods_gives_no_stage(extractor: Extractor) -> None:
    text = (
        "Japan and the United States agreed to explore joint production of the PAC-3 "
        "interceptor, which Mitsubishi Heavy Industries builds under licence."
    )
    (event,) = events_of(extractor.extract(article(text, date(2024, 7, 10))), E.JOINT_PRODUCTION)
    assert event.status is Status.AGREED


def test_a_date_of_the_event_beats_the_date_of_a_report(extractor: Extractor) -> None:
    text = (
        "Ukraine said on Tuesday that Russian troops had moved to Belarus. "
        "Russia sent 3,000 troops to Belarus in February, officials said."
    )
    extraction = extractor.extract(article(text, date(2024, 3, 14)))
    (event,) = events_of(extraction, E.PERSONNEL_DEPLOYMENT)
    assert event.date == EventDate(2024, 2)


def test_an_aid_package_its_contents_and_a_separate_drawdown(extractor: Extractor) -> None:
    text = (
        "The Pentagon announced $2 billion in security assistance for Ukraine, with Stinger "
        "missiles at the top of the list. Officials said the money would also buy HIMARS "
        "rockets. The administration later approved a separate $500 million drawdown for "
        "Ukraine. That package includes Bradley fighting vehicles."
    )
    extraction = extractor.extract(article(text, date(2024, 5, 2)))
    first, second = events_of(extraction, E.MILITARY_AID)
    in_first = {e.label for e in first.fillers(Role.MATERIEL)}
    assert in_first >= {"Stinger", "HIMARS"}
    assert first.status is Status.AGREED  # a package announced has been decided
    assert "Bradley Fighting Vehicle" in {e.label for e in second.fillers(Role.MATERIEL)}
    assert "Bradley Fighting Vehicle" not in in_first


def test_a_sale_to_a_state_aided_by_another_stays_a_sale(extractor: Extractor) -> None:
    text = (
        "Germany gave Ukraine $1 billion in military aid this year. "
        "Ukraine has also bought Patriot missiles from the United States."
    )
    extraction = extractor.extract(article(text, date(2024, 5, 2)))
    assert len(events_of(extraction, E.ARMS_TRANSFER)) == 1


def test_commerce_in_the_main_clause_does_not_make_a_side_clause_gift_a_sale(
    extractor: Extractor,
) -> None:
    text = (
        "NATO signed a $1 billion contract for shells to refill the stocks of its members "
        "as they supply ammunition to Ukraine."
    )
    extraction = extractor.extract(article(text, date(2024, 5, 2)))
    assert EventClass.MILITARY_AID in [e.type for e in extraction.events]


def test_a_gift_told_as_a_pledge_and_as_a_delivery_is_one_event(extractor: Extractor) -> None:
    text = (
        "Norway has pledged 12 Leopard tanks to Ukraine. "
        "Oslo said the first of its tanks had been delivered to Ukraine."
    )
    extraction = extractor.extract(article(text, date(2024, 7, 4)))
    assert [e.type for e in extraction.events] == [E.MILITARY_AID]
    assert isos(extraction.events[0], Role.DONOR) == {"NOR"}
    assert Role.SUPPLIER not in {r for r, _ in extraction.events[0].roles}


def test_deliveries_of_two_systems_after_generic_weapons_are_two_events(
    extractor: Extractor,
) -> None:
    text = (
        "Morocco has begun to receive the American weapons it ordered. "
        "The first HIMARS launchers that Morocco ordered arrived last year. "
        "The first Abrams tanks were shipped to Morocco in May."
    )
    extraction = extractor.extract(article(text, date(2024, 7, 4)))
    transfers = events_of(extraction, E.ARMS_TRANSFER)
    systems = [{m.label for m in e.fillers(Role.MATERIEL)} for e in transfers]
    assert not any({"HIMARS", "Abrams"} <= labels for labels in systems)
    assert any("Abrams" in labels for labels in systems)  # a buyer's delivery: no aid


def test_a_state_and_its_legislature_are_one_party_to_a_transfer(extractor: Extractor) -> None:
    text = (
        "Norway will buy three Virginia-class submarines from the United States. "
        "The U.S. Congress last year authorised the transfer of the submarines."
    )
    extraction = extractor.extract(article(text, date(2024, 7, 4)))
    (event,) = events_of(extraction, E.ARMS_TRANSFER)
    assert len(event.mentions) == 2


def test_systems_ordered_for_a_sum_of_their_own_are_another_purchase(
    extractor: Extractor,
) -> None:
    text = (
        "Washington approved the sale of 12 Patriot launchers to Romania, worth $10 billion. "
        "Two Patriot batteries, ordered in 2019 for $4 billion, are already in service."
    )
    extraction = extractor.extract(article(text, date(2024, 7, 4)))
    _sale, second = events_of(extraction, E.ARMS_TRANSFER)
    assert isos(second, Role.RECIPIENT) == {"ROU"} and isos(second, Role.SUPPLIER) == {"USA"}


def test_earlier_packages_and_the_law_funding_aid_elsewhere(extractor: Extractor) -> None:
    text = (
        "Washington approved a $1 billion drawdown for Ukraine on Monday. "
        "The bill also refills stocks drawn down in earlier packages and funds aid to Jordan."
    )
    extraction = extractor.extract(article(text, date(2024, 7, 4)))
    recipients = sorted(
        sorted(isos(e, Role.RECIPIENT)) for e in events_of(extraction, E.MILITARY_AID)
    )
    assert recipients == [["JOR"], ["UKR"]]
    assert all(isos(e, Role.DONOR) == {"USA"} for e in events_of(extraction, E.MILITARY_AID))


def test_aid_with_its_own_sum_is_another_event(extractor: Extractor) -> None:
    text = (
        "Washington announced $150 million in military aid for Ukraine. "
        "Washington will also use $2 billion to buy Patriot interceptors for Ukraine."
    )
    extraction = extractor.extract(article(text, date(2024, 7, 4)))
    assert len(events_of(extraction, E.MILITARY_AID)) == 2


def test_a_delivery_under_a_separate_contract_is_another_transfer(extractor: Extractor) -> None:
    text = (
        "Romania agreed on Monday to buy 54 Abrams tanks from the United States. "
        "Deliveries of 30 Abrams tanks, ordered under a separate contract in 2022, continue."
    )
    extraction = extractor.extract(article(text, date(2024, 5, 2)))
    first, second = events_of(extraction, E.ARMS_TRANSFER)
    assert isos(second, Role.RECIPIENT) == {"ROU"} and isos(second, Role.SUPPLIER) == {"USA"}
    assert len(first.mentions) == len(second.mentions) == 1


def test_an_agreement_to_produce_is_the_production_itself(extractor: Extractor) -> None:
    text = (
        "Saab and Tata Advanced Systems signed an agreement on Monday to manufacture "
        "Gripen fuselages in India. Rheinmetall is weighing a partnership with a Lithuanian "
        "firm to build shells in Lithuania."
    )
    extraction = extractor.extract(article(text, date(2024, 3, 10)))
    assert [e.type for e in extraction.events] == [E.JOINT_PRODUCTION, E.JOINT_PRODUCTION]


def test_a_bare_copula_yields_the_status_to_a_later_cue(extractor: Extractor) -> None:
    text = (
        "At the top of the agenda is joint production of missiles. "
        "Washington is considering asking Japanese firms to co-produce missiles with it."
    )
    extraction = extractor.extract(article(text, date(2024, 3, 10)))
    (event,) = events_of(extraction, E.JOINT_PRODUCTION)
    assert event.status is Status.CONSIDERED


def test_one_sides_shortages_of_several_munitions_are_one_shortfall(extractor: Extractor) -> None:
    text = (
        "American stocks of missiles have been strained. "
        "The war has left the United States short of artillery shells."
    )
    extraction = extractor.extract(article(text, date(2024, 3, 10)))
    (event,) = events_of(extraction, E.CAPACITY_SHORTFALL)
    assert len(event.mentions) == 2


def test_a_sum_a_year_is_not_the_one_off_package(extractor: Extractor) -> None:
    text = (
        "Parliament approved $2 billion for Jordan in May. "
        "That money comes on top of the $1.5 billion a year Jordan receives from Washington."
    )
    extraction = extractor.extract(article(text, date(2024, 6, 2)))
    assert len(events_of(extraction, E.MILITARY_AID)) == 2


def test_a_pair_s_body_is_not_a_three_state_framework(extractor: Extractor) -> None:
    text = (
        "Japan, South Korea and the United States signed a defence pact. "
        "Seoul and Washington also set up a nuclear consultative group."
    )
    found = events_of(extractor.extract(article(text, date(2024, 3, 10))), E.DEFENSE_COOPERATION)
    assert sorted(len(isos(e, Role.PARTICIPANT)) for e in found) == [2, 3]


def test_an_unattributed_mention_of_another_system_joins_no_venture(
    extractor: Extractor,
) -> None:
    text = (
        "Hanwha and WB Group will jointly produce missiles in Poland. "
        '"This is the first time the K9 will be produced abroad," an official said.'
    )
    (event,) = events_of(extractor.extract(article(text, date(2024, 3, 10))), E.JOINT_PRODUCTION)
    assert {e.label for e in event.fillers(Role.MATERIEL)} == {"missile"}


def test_a_deadline_does_not_date_an_agreement_the_report_dates(extractor: Extractor) -> None:
    text = (
        "Spain and Sweden said on Friday that they had agreed to jointly develop a "
        "new frigate by 2032. The programme is an effort to build a new frigate by 2032."
    )
    extraction = extractor.extract(article(text, date(2024, 3, 10)))
    (event,) = events_of(extraction, E.JOINT_PRODUCTION)
    assert event.date == EventDate(2024, 3, 8)


@pytest.mark.parametrize(
    "text",
    [
        "Norway signed a contract on Monday to buy 40 more K9 howitzers from South Korea. "
        "South Korea sold Norway its first 24 K9 howitzers in 2017.",
        "Chile ordered Hurjet trainers from Turkey in 2021. "
        "In 2024 Chile agreed to buy Hurjet jets from Turkey for its air force academy.",
    ],
)
def test_deals_the_text_dates_in_different_years_are_two_transfers(
    extractor: Extractor, text: str
) -> None:
    extraction = extractor.extract(article(text, date(2024, 7, 4)))
    transfers = events_of(extraction, E.ARMS_TRANSFER)
    assert len(transfers) == 2
    assert len({e.date.year for e in transfers if e.date is not None}) == 2


@pytest.mark.parametrize(
    "text",
    [
        "Greece is poised to exercise its option on a fourth frigate from France. "
        "The first three frigates were ordered from France in March 2022.",
        "Japan plans to give the Philippines more coastal radars. "
        "Japan handed the first radars over to the Philippines in 2023.",
        "Sweden bought four Patriot batteries from the United States in 2018. "
        "Sweden is considering buying more Patriot systems from the United States.",
    ],
)
def test_a_transfer_still_to_come_is_not_one_made_in_an_earlier_year(
    extractor: Extractor, text: str
) -> None:
    extraction = extractor.extract(article(text, date(2025, 6, 10)))
    transfers = events_of(extraction, E.ARMS_TRANSFER) + events_of(extraction, E.MILITARY_AID)
    assert len(transfers) == 2
    assert sorted(e.date is None for e in transfers) == [False, True]


@pytest.mark.parametrize(
    "text",
    [
        "France is preparing to send troops to Romania. "
        "French soldiers were deployed to Romania after the invasion.",
        "Germany plans to deploy a brigade to Lithuania. "
        "German troops were deployed to Lithuania in 2017 as part of a NATO battlegroup.",
    ],
)
def test_a_deployment_done_is_not_the_one_still_to_come(extractor: Extractor, text: str) -> None:
    extraction = extractor.extract(article(text, date(2024, 7, 4)))
    deployments = events_of(extraction, E.PERSONNEL_DEPLOYMENT)
    assert sorted(e.status.value for e in deployments)[0] == "Completed"
    assert len(deployments) == 2


@pytest.mark.parametrize(
    "text",
    [
        "Britain deployed its carrier strike group to Japan in 2021. "
        "Britain will deploy the carrier strike group to Japan again in 2025.",
        "France sent 200 troops to Romania in 2022. "
        "France will send 300 troops to Romania in 2026.",
    ],
)
def test_deployments_the_text_dates_in_different_years_are_two(
    extractor: Extractor, text: str
) -> None:
    extraction = extractor.extract(article(text, date(2024, 7, 4)))
    deployments = events_of(extraction, E.PERSONNEL_DEPLOYMENT)
    assert len(deployments) == 2
    assert len({e.date.year for e in deployments if e.date is not None}) == 2


@pytest.mark.parametrize(
    "text",
    [
        "Germany has been delivering IRIS-T systems to Ukraine since 2022. "
        "Germany delivered IRIS-T launchers to Ukraine in May.",
        "Since 2021 Norway has been sending NASAMS units to Ukraine. "
        "In March Norway shipped NASAMS launchers to Ukraine.",
    ],
)
def test_a_flow_going_on_since_an_earlier_year_is_not_split(
    extractor: Extractor, text: str
) -> None:
    extraction = extractor.extract(article(text, date(2024, 7, 4)))
    assert len(events_of(extraction, E.MILITARY_AID) + events_of(extraction, E.ARMS_TRANSFER)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Washington sold Harpoon launchers to Taiwan in 2020. "
        "The handover of the missiles is expected in 2026.",
        "France sold Rafale jets to Greece in 2021. "
        "The first Rafale jets are due to be delivered in 2025.",
    ],
)
def test_the_later_delivery_of_a_sale_is_another_transfer_and_no_gift(
    extractor: Extractor, text: str
) -> None:
    extraction = extractor.extract(article(text, date(2024, 7, 4)))
    assert not events_of(extraction, E.MILITARY_AID)
    assert len(events_of(extraction, E.ARMS_TRANSFER)) == 2


@pytest.mark.parametrize(
    ("text", "when"),
    [
        (
            "Turkey has put its signature to a deal for 20 Eurofighter jets from Britain. "
            "The contract was inked on Monday in Ankara during a visit by Keir Starmer.",
            EventDate(2024, 3, 4),
        ),
        (
            "Romania has ordered 54 K9 howitzers from Hanwha Aerospace. The agreement was "
            "signed in Bucharest on Tuesday by the defence ministry and Hanwha executives.",
            EventDate(2024, 3, 5),
        ),
        (
            "Indonesia has signed up for 48 KAAN jets from Turkish Aerospace, officials said "
            "after the contract was inked at the Indo Defence fair on Wednesday.",
            EventDate(2024, 3, 6),
        ),
    ],
)
def test_the_signing_of_a_deal_told_before_dates_it(
    extractor: Extractor, text: str, when: EventDate
) -> None:
    (event,) = events_of(extractor.extract(article(text, date(2024, 3, 10))), E.ARMS_TRANSFER)
    assert event.date == when


@pytest.mark.parametrize(
    "second",
    [
        "The contract will be signed on Friday.",  # not signed yet
        "The deal was discussed by ministers on Friday.",  # talked about, not signed
    ],
)
def test_a_signing_still_ahead_or_a_mere_mention_dates_nothing(
    extractor: Extractor, second: str
) -> None:
    text = "Japan has agreed to buy Tomahawk missiles from the United States. " + second
    extraction = extractor.extract(article(text, date(2024, 3, 10)))
    assert {e.date for e in events_of(extraction, E.ARMS_TRANSFER)} == {None}


@pytest.mark.parametrize(
    ("second", "when"),
    [
        (
            "The same day, GE and HAL agreed to produce F414 engines jointly in India.",
            EventDate(2023, 6, 22),
        ),
        (
            "Earlier that month, Austin and Singh concluded a roadmap for defence industrial "
            "cooperation between the United States and India.",
            EventDate(2023, 6),
        ),
    ],
)
def test_the_same_day_is_the_day_told_before(
    extractor: Extractor, second: str, when: EventDate
) -> None:
    text = "Biden and Modi met at the White House on June 22. " + second
    extraction = extractor.extract(article(text, date(2023, 6, 25)))
    assert when in {e.date for e in extraction.events if e.type is not E.LEADERS_MEETING}


@pytest.mark.parametrize(
    ("text", "year"),
    [
        (
            "Japan sold Manila four radars made by Mitsubishi Electric under a contract signed "
            "in 2020.",
            2020,
        ),
        ("Greece bought 24 Rafale jets built by Dassault under a deal signed in 2021.", 2021),
    ],
)
def test_goods_made_under_a_dated_contract_are_sold_when_it_was_signed(
    extractor: Extractor, text: str, year: int
) -> None:
    extraction = extractor.extract(article(text, date(2025, 8, 6)))
    (sale,) = events_of(extraction, E.ARMS_TRANSFER)
    assert sale.date == EventDate(year)


@pytest.mark.parametrize(
    "text",
    [
        "The scheme grew out of a meeting at the White House on July 14, when Trump received "
        "Rutte and said Washington would sell weapons to NATO for delivery to Ukraine.",
        "The plan was agreed at a summit in Vilnius on July 14, where Biden said the United "
        "States would send more Patriot missiles to Ukraine.",
    ],
)
def test_a_date_told_in_a_past_clause_points_back_whatever_the_futures_around_it(
    extractor: Extractor, text: str
) -> None:
    extraction = extractor.extract(article(text, date(2025, 8, 6)))
    transfers = events_of(extraction, E.ARMS_TRANSFER) + events_of(extraction, E.MILITARY_AID)
    assert transfers
    assert {e.date for e in transfers} == {EventDate(2025, 7, 14)}


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "Starmer and Zelensky signed a partnership agreement in Kyiv on Thursday. "
            "Starmer arrived by overnight train on his first visit to Ukraine.",
            EventDate(2024, 7, 4),
        ),
        (
            "Hungary will buy four more Gripen jets from Sweden, the two prime ministers said "
            "on Friday. Kristersson travelled to Budapest for talks with Orban.",
            EventDate(2024, 7, 5),
        ),
    ],
)
def test_an_undated_meeting_is_on_the_day_its_states_acted_together(
    extractor: Extractor, text: str, day: EventDate
) -> None:
    extraction = extractor.extract(article(text, date(2024, 7, 6)))
    assert [e.date for e in events_of(extraction, E.LEADERS_MEETING)] == [day]


def test_a_meeting_dated_by_the_text_keeps_its_own_date(extractor: Extractor) -> None:
    text = (
        "Japan and Australia signed a defence pact on Monday. "
        "Albanese and Kishida met in Hiroshima in 2023."
    )
    extraction = extractor.extract(article(text, date(2024, 7, 6)))
    assert [e.date for e in events_of(extraction, E.LEADERS_MEETING)] == [EventDate(2023)]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Kishida visited Manila last November. "
            "During that visit, Tokyo also agreed to give the Philippines coastal radars.",
            E.ARMS_TRANSFER,
        ),
        (
            "Modi met Biden in Washington in November. At that meeting, India and the United "
            "States agreed to produce Stryker vehicles together in India.",
            E.JOINT_PRODUCTION,
        ),
    ],
)
def test_what_happened_at_that_occasion_has_the_time_told_last(
    extractor: Extractor, text: str, kind: E
) -> None:
    extraction = extractor.extract(article(text, date(2024, 7, 4)))
    assert [e.date for e in events_of(extraction, kind)] == [EventDate(2023, 11)]


@pytest.mark.parametrize(
    "text",
    [
        "Germany and France concluded a roadmap for armaments cooperation in Berlin in May. "
        "The two governments also launched Eurodrone-X, a network linking start-ups with "
        "defence ministries, at a summit in Paris.",
        "Spain and Italy signed a naval cooperation treaty in 2019. "
        "Spain and Italy signed a defence pact in March 2024.",
    ],
)
def test_two_agreements_each_introduced_are_two_events(extractor: Extractor, text: str) -> None:
    extraction = extractor.extract(article(text, date(2024, 7, 4)))
    assert len(events_of(extraction, E.DEFENSE_COOPERATION)) == 2


@pytest.mark.parametrize(
    "text",
    [
        "During the visit, the Philippines and the United States agreed to set up a joint task "
        "force. Under a 2014 agreement, American forces can rotate through Philippine bases.",
        "Japan and Britain agreed on Monday to set up a joint cyber centre. "
        "Under a 2023 accord, British troops can train in Japan.",
    ],
)
def test_an_agreement_of_its_own_naming_one_party_is_another_of_the_same_parties(
    extractor: Extractor, text: str
) -> None:
    extraction = extractor.extract(article(text, date(2025, 6, 10)))
    agreements = events_of(extraction, E.DEFENSE_COOPERATION)
    assert len(agreements) == 2
    assert all(len(isos(e, Role.PARTICIPANT)) == 2 for e in agreements)


@pytest.mark.parametrize(
    "text",
    [
        "Japan and Australia signed a defence pact on Monday. "
        "The pact lets each side's troops train on the other's soil.",
        "Canada and Norway signed an Arctic security agreement in 2023. "
        "Canada and Norway said the agreement would deepen their cooperation.",
    ],
)
def test_an_agreement_referred_back_to_is_the_same_event(extractor: Extractor, text: str) -> None:
    extraction = extractor.extract(article(text, date(2024, 7, 4)))
    assert len(events_of(extraction, E.DEFENSE_COOPERATION)) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Poland has ordered 180 more K2 tanks from South Korea. "
        "Poland received its first K2 tanks from South Korea in 2022.",
        "Egypt agreed to buy 30 Rafale jets from France. "
        "France delivered 24 Rafale jets to Egypt in 2017.",
    ],
)
def test_a_handover_dated_before_the_article_is_not_the_deal_it_tells_now(
    extractor: Extractor, text: str
) -> None:
    extraction = extractor.extract(article(text, date(2025, 6, 5)))
    transfers = events_of(extraction, E.ARMS_TRANSFER)
    assert sorted(e.status.value for e in transfers) == ["Agreed", "Completed"]


def test_a_handover_still_to_come_is_the_deal_it_completes(extractor: Extractor) -> None:
    text = (
        "Japan will buy 400 Tomahawk missiles from the United States. "
        "The United States will deliver the first Tomahawks to Japan in 2026."
    )
    extraction = extractor.extract(article(text, date(2025, 6, 5)))
    assert len(events_of(extraction, E.ARMS_TRANSFER)) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Poland ordered 96 Apache helicopters from the United States. "
            "The contract, signed in Warsaw this week, covers training and spare parts.",
            "2025-06",
        ),
        (
            "Japan and Britain agreed a defence pact. "
            "The agreement, signed in London on Monday, lets troops train on each other's soil.",
            "2025-06-02",
        ),
    ],
)
def test_a_deal_described_as_signed_on_a_date_is_dated_by_it(
    extractor: Extractor, text: str, expected: str
) -> None:
    extraction = extractor.extract(article(text, date(2025, 6, 5)))
    [event] = [e for e in extraction.events if e.type in {E.ARMS_TRANSFER, E.DEFENSE_COOPERATION}]
    assert event.date is not None and event.date.isoformat() == expected
