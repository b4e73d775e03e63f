"""Cooperation events (production, supply chains, maintenance, other defence cooperation):
who takes part and what they make or mend, on real parses."""

from __future__ import annotations

from datetime import date

import pytest

from alliance_kg.model import EventDate, Role, Status
from alliance_kg.pipeline.extractor import Extractor
from extraction_support import E, article, candidates, countries, events_of, isos, only


def test_the_first_items_of_a_production_series(extractor: Extractor) -> None:
    text = (
        "Oslo pays Polish firms to build weapons for Ukraine, starting with K9 howitzers "
        "and expanding to drones."
    )
    c = only(extractor, text, E.JOINT_PRODUCTION)
    labels = {e.label for e in c.roles[Role.MATERIEL].values()}
    assert {"K9", "drone"} <= labels


def test_a_factory_where_a_firm_will_assemble_drones(extractor: Extractor) -> None:
    text = "Saab is building a plant near Warsaw where it plans to assemble its Gripen jets."
    c = only(extractor, text, E.JOINT_PRODUCTION)
    assert countries(c, Role.PARTICIPANT) == {"SWE", "POL"}


def test_parts_supplied_to_anothers_factories(extractor: Extractor) -> None:
    text = "The panel is looking at how Korean firms can supply parts that U.S. plants lack."
    c = only(extractor, text, E.SUPPLY_CHAIN_COOPERATION)
    assert countries(c, Role.PARTICIPANT) == {"KOR", "USA"}
    assert c.status is Status.CONSIDERED


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "The Gripen E will be designed by Sweden with American engines and built in Brazil.",
            {"SWE", "BRA"},
        ),
        (
            "The frigate will be designed by Japan with British technology and built in Australia.",
            {"JPN", "AUS"},
        ),
    ],
)
def test_designed_and_built_is_one_production_and_its_parts_or_know_how_no_partner(
    extractor: Extractor, text: str, parties: set[str]
) -> None:
    (event,) = events_of(extractor.extract(article(text, date(2024, 3, 10))), E.JOINT_PRODUCTION)
    assert isos(event, Role.PARTICIPANT) == parties
    assert "engine" not in {e.label for e in event.fillers(Role.MATERIEL)}


def test_components_sent_back_to_a_licensor_are_no_supply_chain(extractor: Extractor) -> None:
    text = "Until now, Korea could send components back to the licensor."
    assert E.SUPPLY_CHAIN_COOPERATION not in {c.type for c in candidates(extractor, text)}


@pytest.mark.parametrize(
    ("site", "providers"),
    [("Stirling", set()), ("Mitsubishi Heavy Industries", {"JPN"})],
)
def test_work_at_a_known_firm_is_its_work_at_a_bare_name_a_site(
    extractor: Extractor, site: str, providers: set[str]
) -> None:
    text = f"Officials say the maintenance work at {site} also serves the U.S. Navy."
    c = only(extractor, text, E.MAINTENANCE_COOPERATION)
    assert countries(c, Role.PROVIDER) == providers
    assert not any(e.minted for e in c.roles.get(Role.PROVIDER, {}).values())


def test_a_partner_negotiated_with_and_a_version_known_by_name(extractor: Extractor) -> None:
    text = (
        "The state-owned group PGZ is negotiating with Hyundai Rotem to build a Polish "
        "version of the tank, known as the K2PL, in Gliwice."
    )
    c = only(extractor, text, E.JOINT_PRODUCTION)
    assert countries(c, Role.PARTICIPANT) == {"POL", "KOR"}
    assert "K2" in {e.label for e in c.roles[Role.MATERIEL].values()}


def test_money_granted_to_expand_production_is_supply_chain_work(extractor: Extractor) -> None:
    text = "Norway awarded $200 million to 12 projects meant to expand the production of shells."
    c = only(extractor, text, E.SUPPLY_CHAIN_COOPERATION)
    assert countries(c, Role.PARTICIPANT) == {"NOR"}
    assert E.JOINT_PRODUCTION not in {c.type for c in candidates(extractor, text)}


def test_supply_chains_strengthened_are_the_pair_in_focus_s(extractor: Extractor) -> None:
    text = (
        "Japan and Australia held talks in Tokyo on Monday. "
        "The areas include enhancing defence equipment supply chains."
    )
    (c,) = [c for c in candidates(extractor, text) if c.type is E.SUPPLY_CHAIN_COOPERATION]
    assert countries(c, Role.PARTICIPANT) == {"JPN", "AUS"}
    owned = "Japan and Australia held talks. The deal gives Saab a deeper supply chain in Brazil."
    found = [c for c in candidates(extractor, owned) if c.type is E.SUPPLY_CHAIN_COOPERATION]
    assert not any(c.inferred for c in found)


def test_states_qualified_by_agreements_they_signed_is_no_event(extractor: Extractor) -> None:
    text = (
        "Sales will be limited to the roughly 12 countries that have signed defence "
        "agreements with Sweden, among them Norway and Poland."
    )
    assert E.DEFENSE_COOPERATION not in {c.type for c in candidates(extractor, text)}
    signed = "Norway and Sweden have signed a defence agreement."
    assert E.DEFENSE_COOPERATION in {c.type for c in candidates(extractor, signed)}


def test_a_body_set_up_at_a_past_meeting_is_dated_back(extractor: Extractor) -> None:
    text = "At its first meeting in June, the forum set up working groups on ship repair."
    (c,) = [c for c in candidates(extractor, text) if c.trigger.text == "set"]
    assert c.date == EventDate(2023, 6)
    assert c.status is Status.COMPLETED


def test_an_agreement_taking_effect_is_done_not_just_agreed(extractor: Extractor) -> None:
    text = "A defence agreement between Japan and Australia took effect in August 2023."
    c = only(extractor, text, E.DEFENSE_COOPERATION)
    assert c.status is Status.COMPLETED


def test_a_training_centre_s_kind_and_the_states_whose_people_it_takes(
    extractor: Extractor,
) -> None:
    text = (
        "A Gripen training centre set up by Sweden and Hungary near Budapest started taking "
        "Ukrainian pilots this year."
    )
    c = only(extractor, text, E.DEFENSE_COOPERATION)
    assert countries(c, Role.PARTICIPANT) == {"SWE", "HUN", "UKR"}
    assert {e.label for e in c.roles[Role.MATERIEL].values()} == {"Gripen"}


def test_a_priced_agreement_is_a_deal_not_cooperation(extractor: Extractor) -> None:
    text = "Poland and Korea signed an agreement for the tanks on Monday, worth $6 billion."
    assert E.DEFENSE_COOPERATION not in {c.type for c in candidates(extractor, text)}
    pact = "Poland and Korea signed a defence cooperation agreement on Monday."
    assert E.DEFENSE_COOPERATION in {c.type for c in candidates(extractor, pact)}


def test_a_bare_noun_in_a_past_clause_yields_the_status_to_a_cue(extractor: Extractor) -> None:
    text = (
        "The allies held talks on joint production of drones last week. "
        "Poland and Ukraine are considering co-producing drones."
    )
    extraction = extractor.extract(article(text, date(2024, 3, 10)))
    (event,) = events_of(extraction, E.JOINT_PRODUCTION)
    assert event.status is Status.CONSIDERED


def test_a_mention_naming_no_one_yields_the_status(extractor: Extractor) -> None:
    text = (
        "Officials expect the deal to include maintenance work on tanks. "
        "Rheinmetall signed a deal in April to repair Polish tanks."
    )
    extraction = extractor.extract(article(text, date(2024, 3, 10)))
    (event,) = events_of(extraction, E.MAINTENANCE_COOPERATION)
    assert event.status is Status.AGREED


@pytest.mark.parametrize(
    "text",
    [
        "Tokyo and Manila are negotiating a reciprocal access agreement.",
        "Tokyo and Canberra struck a security pact to share intelligence.",
        "Warsaw and Seoul have finalised a defence cooperation treaty.",
    ],
)
def test_an_agreement_negotiated_or_struck_is_cooperation(extractor: Extractor, text: str) -> None:
    (event,) = events_of(extractor.extract(article(text, date(2024, 3, 10))), E.DEFENSE_COOPERATION)
    assert len(isos(event, Role.PARTICIPANT)) == 2


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        ("Rheinmetall opened an ammunition factory in Lithuania on Tuesday.", {"DEU", "LTU"}),
        ("Saab will set up a production line for Gripen jets in Brazil with Embraer.", {"SWE"}),
        ("Baykar has established a drone plant in Ukraine.", {"TUR", "UKR"}),
        ("Hanwha inaugurated a K9 howitzer plant in Poland on Monday.", {"KOR", "POL"}),
        (
            "Rheinmetall and the Lithuanian government agreed to build a plant for 155mm "
            "artillery shells.",
            {"DEU", "LTU"},
        ),
        ("Hanwha and Romania will build a factory for 155mm shells.", {"KOR", "ROU"}),
    ],
)
def test_a_works_set_up_abroad_to_make_materiel(
    extractor: Extractor, text: str, parties: set[str]
) -> None:
    c = only(extractor, text, E.JOINT_PRODUCTION)
    assert parties <= countries(c, Role.PARTICIPANT)
    assert c.roles[Role.MATERIEL]


@pytest.mark.parametrize(
    "text",
    [
        "Lithuania and Germany decided in January to build a full tank battalion.",
        "Poland and Korea plan to build two new armoured divisions equipped with K2 tanks.",
    ],
)
def test_building_a_force_is_no_production(extractor: Extractor, text: str) -> None:
    assert E.JOINT_PRODUCTION not in {c.type for c in candidates(extractor, text)}


def test_a_repair_facility_is_no_production(extractor: Extractor) -> None:
    text = "Rheinmetall opened a tank repair facility in Romania."
    assert E.JOINT_PRODUCTION not in {c.type for c in candidates(extractor, text)}


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        ("A joint venture between Rheinmetall and Ukroboronprom will make shells.", {"DEU", "UKR"}),
        ("Thales and Bharat Electronics formed a joint venture to make radars.", {"FRA", "IND"}),
        ("The drones will be produced under a Danish-Ukrainian joint venture.", {"DNK", "UKR"}),
    ],
)
def test_a_joint_venture_makes_materiel_together(
    extractor: Extractor, text: str, parties: set[str]
) -> None:
    c = only(extractor, text, E.JOINT_PRODUCTION)
    assert c.joint
    assert countries(c, Role.PARTICIPANT) == parties


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        ("Hanwha Aerospace is in talks with Romarm about a joint venture.", {"KOR", "ROU"}),
        ("Saab and Adani are holding discussions about a joint venture for Gripen jets.", {"SWE"}),
        ("Talks with Rheinmetall on a joint venture are under way.", {"DEU"}),
    ],
)
def test_a_joint_venture_under_negotiation_is_production_considered(
    extractor: Extractor, text: str, parties: set[str]
) -> None:
    c = only(extractor, text, E.JOINT_PRODUCTION)
    assert c.joint
    assert countries(c, Role.PARTICIPANT) >= parties


@pytest.mark.parametrize(
    ("text", "partner", "system"),
    [
        (
            "Britain, Italy and Japan are building the GCAP fighter. London and Rome are open "
            "to bringing Riyadh into the programme.",
            "SAU",
            "GCAP",
        ),
        ("Poland wants to join the F-35 programme.", "POL", "F-35"),
        (
            "Turkey makes the KAAN fighter. Turkish Aerospace has agreed to bring Indonesian "
            "companies into the programme.",
            "IDN",
            "KAAN",
        ),
    ],
)
def test_a_new_partner_joins_a_production_programme(
    extractor: Extractor, text: str, partner: str, system: str
) -> None:
    joined = [c for c in candidates(extractor, text) if c.trigger.lemma_ in {"bring", "join"}]
    assert [c.type for c in joined] == [E.JOINT_PRODUCTION]
    assert partner in countries(joined[0], Role.PARTICIPANT)
    assert any(system in e.label for e in joined[0].roles[Role.MATERIEL].values())


def test_joining_a_programme_that_makes_nothing_is_no_production(extractor: Extractor) -> None:
    text = "Sweden joined the PURL programme to buy American weapons for Ukraine."
    assert E.JOINT_PRODUCTION not in {c.type for c in candidates(extractor, text)}


def test_talks_about_a_joint_exercise_make_no_production(extractor: Extractor) -> None:
    text = "The defence ministers of Japan and Australia held talks about a joint exercise."
    assert E.JOINT_PRODUCTION not in {c.type for c in candidates(extractor, text)}


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        ("Thales and Leonardo launched their radar joint venture on Monday.", {"FRA", "ITA"}),
        (
            "Hyundai Rotem and Bumar-Labedy established a tank joint venture in March.",
            {"KOR", "POL"},
        ),
        (
            "Rolls-Royce and IHI formed a joint venture that will design the engine for the new "
            "fighter.",
            {"GBR", "JPN"},
        ),
    ],
)
def test_a_joint_venture_founded_for_materiel_or_to_design_it(
    extractor: Extractor, text: str, parties: set[str]
) -> None:
    c = only(extractor, text, E.JOINT_PRODUCTION)
    assert c.joint
    assert countries(c, Role.PARTICIPANT) == parties
    assert c.roles[Role.MATERIEL]


@pytest.mark.parametrize(
    ("text", "parties", "made"),
    [
        (
            "The missile will be co-produced by Japan and the United States.",
            {"JPN", "USA"},
            "missile",
        ),
        ("The drone is being co-developed by Turkey and Indonesia.", {"TUR", "IDN"}, "drone"),
    ],
)
def test_a_passive_co_verb_keeps_what_is_made(
    extractor: Extractor, text: str, parties: set[str], made: str
) -> None:
    c = only(extractor, text, E.JOINT_PRODUCTION)
    assert c.joint
    assert countries(c, Role.PARTICIPANT) == parties
    assert {e.label for e in c.roles[Role.MATERIEL].values()} == {made}


@pytest.mark.parametrize(
    ("first", "second", "system"),
    [
        (
            "Norway ordered K9 howitzers from South Korea.",
            "A version fitted with Norwegian radios and known as the K9 Vidar will be assembled "
            "in Norway.",
            "K9",
        ),
        (
            "Poland bought 180 K2 tanks from South Korea in 2022.",
            "A version adapted to Polish needs and known as the K2PL will be assembled in Poland "
            "by Bumar-Labedy.",
            "K2",
        ),
    ],
)
def test_a_version_named_after_another_participle_is_what_is_assembled(
    extractor: Extractor, first: str, second: str, system: str
) -> None:
    extraction = extractor.extract(article(f"{first} {second}", date(2024, 3, 10)))
    (event,) = events_of(extraction, E.JOINT_PRODUCTION)
    assert {e.label for e in event.fillers(Role.MATERIEL)} == {system}
    assert {"KOR"} < isos(event, Role.PARTICIPANT)


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        ("Roketsan is in talks to produce missiles with Indonesian partners.", {"TUR", "IDN"}),
        ("Hanwha will build the howitzers with Romanian firms at a new plant.", {"KOR", "ROU"}),
    ],
)
def test_materiel_made_with_another_state_s_firms(
    extractor: Extractor, text: str, parties: set[str]
) -> None:
    c = only(extractor, text, E.JOINT_PRODUCTION)
    assert countries(c, Role.PARTICIPANT) == parties


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "A joint venture that Hanwha and Romarm formed in 2024 will build K9 howitzers.",
            {"KOR", "ROU"},
        ),
        (
            "A consortium that Thales and Leonardo set up in 2023 makes radars for European "
            "navies.",
            {"FRA", "ITA"},
        ),
    ],
)
def test_a_joint_body_acts_for_those_who_set_it_up(
    extractor: Extractor, text: str, parties: set[str]
) -> None:
    c = only(extractor, text, E.JOINT_PRODUCTION)
    assert countries(c, Role.PARTICIPANT) == parties


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        ("Japan and Australia discussed joint construction of frigates.", {"JPN", "AUS"}),
        (
            "HD Hyundai signed an agreement with Huntington Ingalls Industries to study joint "
            "construction of auxiliary vessels.",
            {"KOR", "USA"},
        ),
    ],
)
def test_joint_construction_is_production_and_the_agreement_for_it_no_second_event(
    extractor: Extractor, text: str, parties: set[str]
) -> None:
    extraction = extractor.extract(article(text, date(2024, 3, 10)))
    (event,) = extraction.events
    assert event.type is E.JOINT_PRODUCTION
    assert isos(event, Role.PARTICIPANT) == parties


def test_the_construction_of_a_plant_is_no_production(extractor: Extractor) -> None:
    text = "Construction of the new plant began in May."
    assert E.JOINT_PRODUCTION not in {c.type for c in candidates(extractor, text)}


def test_a_joint_venture_for_nothing_named_is_no_production(extractor: Extractor) -> None:
    text = "The two firms set up a joint venture in 2020."
    assert E.JOINT_PRODUCTION not in {c.type for c in candidates(extractor, text)}


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "Kongsberg will turn out Naval Strike Missiles at a new plant in Australia.",
            {"NOR", "AUS"},
        ),
        ("Hanwha will churn out K9 howitzers at its factory in Poland.", {"KOR", "POL"}),
    ],
)
def test_phrasal_verbs_of_making_at_a_works_abroad(
    extractor: Extractor, text: str, parties: set[str]
) -> None:
    c = only(extractor, text, E.JOINT_PRODUCTION)
    assert countries(c, Role.PARTICIPANT) == parties


@pytest.mark.parametrize(
    "text",
    [
        "Kongsberg is weighing whether the Williamtown plant should build the Joint Strike "
        "Missile.",
        "Kongsberg is weighing whether its plant at Williamtown should build the Joint Strike "
        "Missile.",
    ],
)
def test_a_works_named_for_its_place_puts_the_work_in_that_state(
    extractor: Extractor, text: str
) -> None:
    c = only(extractor, text, E.JOINT_PRODUCTION)
    assert countries(c, Role.PARTICIPANT) == {"NOR", "AUS"}


def test_a_firm_of_several_states_putting_jets_together_in_one(extractor: Extractor) -> None:
    text = (
        "Spain ordered 24 Hurjet trainers from Turkey. "
        "Airbus will put the aircraft together in Spain."
    )
    (event,) = events_of(extractor.extract(article(text, date(2024, 3, 10))), E.JOINT_PRODUCTION)
    assert isos(event, Role.PARTICIPANT) == {"ESP", "TUR"}


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        ("India will build F414 engines under licence from GE Aerospace.", {"IND", "USA"}),
        (
            "PGZ will manufacture the missiles under a licence agreement with Lockheed Martin.",
            {"POL", "USA"},
        ),
        ("Rheinmetall signed a deal with Ukraine to make artillery shells there.", {"DEU", "UKR"}),
        (
            "Japanese firms will make components of the fighter under the work-share agreement "
            "with Britain and Italy.",
            {"JPN", "GBR", "ITA"},
        ),
    ],
)
def test_the_other_party_to_a_licence_or_deal_to_make_materiel(
    extractor: Extractor, text: str, parties: set[str]
) -> None:
    c = only(extractor, text, E.JOINT_PRODUCTION)
    assert countries(c, Role.PARTICIPANT) == parties


@pytest.mark.parametrize(
    "second",
    [
        "The remaining tanks will be assembled locally by Bumar-Labedy.",
        "Licence production of the K2 in Poland will start in 2026.",
        "The K2 tanks will be licence-built in Poland.",
    ],
)
def test_licence_or_local_production_is_with_the_other_state_in_focus(
    extractor: Extractor, second: str
) -> None:
    text = f"Poland bought 180 K2 tanks from South Korea in 2022. {second}"
    (event,) = events_of(extractor.extract(article(text, date(2024, 3, 10))), E.JOINT_PRODUCTION)
    assert {e.label for e in event.fillers(Role.PARTICIPANT)} >= {"Poland", "South Korea"}


@pytest.mark.parametrize(
    "text",
    [
        "Japan approved the transfer of interceptors built by MHI under licence from U.S. firms.",
        "Japan's first export was a set of radars made by Mitsubishi Electric for the Philippines.",
        '"The weapons are made for this war," an official said.',
        "The United States made the Javelin missiles available to Ukraine.",
    ],
)
def test_how_goods_were_made_is_no_production_event(extractor: Extractor, text: str) -> None:
    assert E.JOINT_PRODUCTION not in {c.type for c in candidates(extractor, text)}


@pytest.mark.parametrize(
    "text",
    [
        "Rheinmetall and Kyiv agreed to set up a joint venture that would make shells on "
        "Ukrainian soil.",
        "Rheinmetall and Ukraine formed a joint venture to produce shells on Ukrainian territory.",
    ],
)
def test_who_sets_up_a_joint_venture_makes_with_it_and_a_state_s_soil_is_the_state(
    extractor: Extractor, text: str
) -> None:
    c = only(extractor, text, E.JOINT_PRODUCTION)
    assert countries(c, Role.PARTICIPANT) == {"DEU", "UKR"}


@pytest.mark.parametrize(
    "second",
    [
        "A joint venture will build the drones in Indonesia.",
        "The drones will be jointly produced in Indonesia.",
    ],
)
def test_joint_production_naming_one_side_is_with_the_other_state_in_focus(
    extractor: Extractor, second: str
) -> None:
    text = f"Turkey agreed to sell drones to Indonesia. {second}"
    (event,) = events_of(extractor.extract(article(text, date(2024, 3, 10))), E.JOINT_PRODUCTION)
    assert {e.label for e in event.fillers(Role.PARTICIPANT)} >= {"Turkey", "Indonesia"}


@pytest.mark.parametrize(
    "text",
    [
        "Japanese and Philippine coast guards held joint patrols in the South China Sea.",
        "The navies of France and India carried out joint maneuvers near Goa.",
        "Japan and the United States are preparing a joint flight test of the interceptor.",
    ],
)
def test_patrols_maneuvers_and_tests_held_together(extractor: Extractor, text: str) -> None:
    c = only(extractor, text, E.DEFENSE_COOPERATION)
    assert len(countries(c, Role.PARTICIPANT)) == 2


@pytest.mark.parametrize(
    "text",
    [
        "The two sides agreed to set up a joint task force to coordinate their units.",
        "Australia and Japan will establish a combined task force for the exercises.",
    ],
)
def test_a_task_force_set_up_is_cooperation(extractor: Extractor, text: str) -> None:
    assert E.DEFENSE_COOPERATION in {c.type for c in candidates(extractor, text)}


@pytest.mark.parametrize(
    ("text", "provider", "client"),
    [
        ("Ukrainian armoured vehicles are being refurbished in Poland.", "POL", "UKR"),
        ("Turkey will upgrade Pakistan's F-16 fighters.", "TUR", "PAK"),
        ("Washington wants Japanese companies to refurbish American destroyers.", "JPN", "USA"),
        ("Damaged Leopard 2 tanks from Ukraine are fixed at a Rheinmetall workshop.", "DEU", "UKR"),
        (
            "Naval Group offered to sustain Greece's frigates from a facility in Crete.",
            "FRA",
            "GRC",
        ),
        ("Rheinmetall opened a repair hub in Romania for Ukrainian tanks.", "DEU", "UKR"),
        ("Mitsubishi Heavy Industries will rebuild the U.S. Navy's destroyers.", "JPN", "USA"),
        (
            "Lockheed Martin will keep Poland's F-16 jets operational under a new contract.",
            "USA",
            "POL",
        ),
        ("BAE Systems will help keep the Turkish Typhoon fleet flying.", "GBR", "TUR"),
        ("Korean technicians will look after Poland's K9 howitzers.", "KOR", "POL"),
        ("Italian engineers look after the Qatari navy's corvettes.", "ITA", "QAT"),
        ("Dassault plans to set up support for the Emirati Rafale.", "FRA", "ARE"),
        ("Saab will provide support for the Thai fleet.", "SWE", "THA"),
    ],
)
def test_equipment_mended_or_kept_up_by_another_state_s_industry(
    extractor: Extractor, text: str, provider: str, client: str
) -> None:
    c = only(extractor, text, E.MAINTENANCE_COOPERATION)
    assert provider in countries(c, Role.PROVIDER)
    assert countries(c, Role.CLIENT) == {client}


@pytest.mark.parametrize(
    "text",
    [
        "The government said it would sustain some 20,000 jobs across the supply chain.",
        "The order keeps thousands of people employed throughout the supply chain.",
    ],
)
def test_work_spread_along_a_supply_chain_is_no_cooperation(
    extractor: Extractor, text: str
) -> None:
    assert E.SUPPLY_CHAIN_COOPERATION not in {c.type for c in candidates(extractor, text)}


def test_cooperation_across_supply_chains_is_supply_chain_work(extractor: Extractor) -> None:
    text = "Poland and South Korea agreed to strengthen cooperation across their supply chains."
    c = only(extractor, text, E.SUPPLY_CHAIN_COOPERATION)
    assert countries(c, Role.PARTICIPANT) == {"POL", "KOR"}


@pytest.mark.parametrize(
    ("text", "system"),
    [
        (
            "Australia bought 129 Redback vehicles from Hanwha. Hanwha will also sustain the "
            "fleet at Geelong.",
            "Redback",
        ),
        (
            "Poland ordered K2 tanks from South Korea in 2022. Hyundai Rotem will maintain the "
            "Polish fleet.",
            "K2",
        ),
    ],
)
def test_a_fleet_maintained_is_of_the_system_the_article_names(
    extractor: Extractor, text: str, system: str
) -> None:
    extraction = extractor.extract(article(text, date(2024, 3, 10)))
    (event,) = events_of(extraction, E.MAINTENANCE_COOPERATION)
    assert {e.label for e in event.fillers(Role.MATERIEL)} == {system}


@pytest.mark.parametrize(
    ("text", "part"),
    [
        (
            "The plant would draw on local firms for rocket motors, and Australian suppliers "
            "could later feed parts to Kongsberg's lines in Norway.",
            "rocket motor",
        ),
        ("Korean suppliers could feed parts to Lockheed Martin's F-35 production lines.", "F-35"),
    ],
)
def test_parts_fed_to_a_supply_chain_are_of_what_the_sentence_names(
    extractor: Extractor, text: str, part: str
) -> None:
    c = only(extractor, text, E.SUPPLY_CHAIN_COOPERATION)
    assert part in {e.label for e in c.roles[Role.MATERIEL].values()}


@pytest.mark.parametrize(
    ("text", "client"),
    [
        ("Norway plans to add new vehicles to a fleet that Hagglunds has already rebuilt.", "NOR"),
        ("The Philippine Navy operates frigates that Hanwha Ocean has overhauled twice.", "PHL"),
        ("Greece wants to modernise the Leopard tanks that Rheinmetall upgraded in 2015.", "GRC"),
    ],
)
def test_equipment_serviced_in_a_relative_clause_is_its_holders(
    extractor: Extractor, text: str, client: str
) -> None:
    c = only(extractor, text, E.MAINTENANCE_COOPERATION)
    assert countries(c, Role.CLIENT) == {client}


@pytest.mark.parametrize(
    ("text", "partner", "system"),
    [
        (
            "Turkish companies want a share of the production work on the Eurofighter.",
            "TUR",
            "Eurofighter",
        ),
        ("Poland wants a larger workshare on the F-35.", "POL", "F-35"),
        (
            "Spain secured a share of the work on the Eurofighter Typhoon for Airbus.",
            "ESP",
            "Eurofighter",
        ),
    ],
)
def test_a_share_of_the_work_on_a_system_is_joint_production(
    extractor: Extractor, text: str, partner: str, system: str
) -> None:
    c = only(extractor, text, E.JOINT_PRODUCTION)
    assert partner in countries(c, Role.PARTICIPANT)
    assert any(system in e.label for e in c.roles[Role.MATERIEL].values())


@pytest.mark.parametrize(
    "text",
    [
        "Lockheed Martin wants a bigger share of the fighter market.",
        "Turkey flies F-16s. Turkish firms want a share of the production work on the aircraft.",
    ],
)
def test_a_share_of_a_market_or_of_an_unnamed_system_is_no_production(
    extractor: Extractor, text: str
) -> None:
    assert E.JOINT_PRODUCTION not in {c.type for c in candidates(extractor, text)}


@pytest.mark.parametrize(
    ("first", "second", "system"),
    [
        (
            "Indonesia ordered 48 KAAN fighters from Turkey.",
            "PT Dirgantara Indonesia will assemble part of the fleet in Bandung.",
            "KAAN fighter",
        ),
        (
            "Norway ordered K9 howitzers from South Korea.",
            "Kongsberg will assemble part of the fleet in Norway.",
            "K9",
        ),
    ],
)
def test_assembling_part_of_the_fleet_is_making_the_system_the_article_names(
    extractor: Extractor, first: str, second: str, system: str
) -> None:
    text = f"{first} {second}"
    (event,) = events_of(extractor.extract(article(text, date(2024, 3, 10))), E.JOINT_PRODUCTION)
    assert {e.label for e in event.fillers(Role.MATERIEL)} == {system}


def test_a_fleet_merely_based_somewhere_is_no_production(extractor: Extractor) -> None:
    text = "Indonesia ordered 48 KAAN fighters from Turkey. The fleet will be based in Java."
    extraction = extractor.extract(article(text, date(2024, 3, 10)))
    assert not events_of(extraction, E.JOINT_PRODUCTION)


@pytest.mark.parametrize(
    "text",
    [
        "The two leaders agreed to upgrade relations.",
        "The army sustained heavy losses near Bakhmut.",
        "Poland and Ukraine want to restore trust.",
        "Rheinmetall runs a repair hub in Romania.",
        "Germany must rebuild its stocks of artillery shells.",
        "Kyiv wants to keep the tanks coming.",
        "The ministry wants to keep the programme running.",
    ],
)
def test_no_maintenance_without_equipment_mended(extractor: Extractor, text: str) -> None:
    assert E.MAINTENANCE_COOPERATION not in {c.type for c in candidates(extractor, text)}


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "Australia pledged $3 billion toward expanding American submarine shipyards.",
            {"AUS", "USA"},
        ),
        ("Japan will invest $1 billion to expand U.S. shell plants.", {"JPN", "USA"}),
        ("Canada and Australia reached an agreement on critical minerals.", {"CAN", "AUS"}),
        ("Elbit will bring Greek suppliers into its production chain.", {"ISR", "GRC"}),
        ("Australian suppliers could feed parts to Kongsberg's lines in Norway.", {"AUS", "NOR"}),
    ],
)
def test_supply_chains_grown_or_joined(extractor: Extractor, text: str, parties: set[str]) -> None:
    c = only(extractor, text, E.SUPPLY_CHAIN_COOPERATION)
    assert countries(c, Role.PARTICIPANT) == parties


@pytest.mark.parametrize(
    "text",
    [
        "Japan will expand its shipyards.",
        "The two leaders signed an agreement on visas.",
        "Raytheon makes the interceptor under a co-production arrangement with Rafael.",
    ],
)
def test_no_supply_chain_work_without_inputs_or_another_s_works(
    extractor: Extractor, text: str
) -> None:
    assert E.SUPPLY_CHAIN_COOPERATION not in {c.type for c in candidates(extractor, text)}


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "Poland bought K2 tanks from South Korea. The remaining tanks will be assembled "
            "in Poland by Bumar-Labedy.",
            {"Poland", "South Korea"},
        ),
        (
            "Kongsberg works with Raytheon in the United States, which assembles missiles for "
            "the American services.",
            {"United States", "Norway"},
        ),
    ],
)
def test_assembly_naming_one_side_is_with_another_state_named_or_in_focus(
    extractor: Extractor, text: str, parties: set[str]
) -> None:
    (event,) = events_of(extractor.extract(article(text, date(2024, 3, 10))), E.JOINT_PRODUCTION)
    assert {e.label for e in event.fillers(Role.PARTICIPANT)} >= parties


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "Kongsberg shares the work on the NSM in the United States with Raytheon.",
            {"NOR", "USA"},
        ),
        (
            "Britain, Italy and Japan will split the development of the GCAP fighter.",
            {"GBR", "ITA", "JPN"},
        ),
    ],
)
def test_sharing_the_making_of_materiel_is_joint_production(
    extractor: Extractor, text: str, parties: set[str]
) -> None:
    (event,) = events_of(extractor.extract(article(text, date(2024, 3, 10))), E.JOINT_PRODUCTION)
    assert isos(event, Role.PARTICIPANT) == parties


@pytest.mark.parametrize(
    "text",
    ["The two countries share intelligence on missiles.", "The allies share the cost of the jets."],
)
def test_sharing_anything_else_is_no_production(extractor: Extractor, text: str) -> None:
    assert E.JOINT_PRODUCTION not in {c.type for c in candidates(extractor, text)}


@pytest.mark.parametrize(
    "text",
    [
        "Britain and Japan agreed to deepen defence ties.",
        "Manila and Canberra upgraded their security relationship in September.",
        "Sweden and Finland agreed to share intelligence on Russian forces.",
        "Australia and Japan will expand intelligence sharing.",
    ],
)
def test_closer_ties_and_shared_intelligence_are_cooperation(
    extractor: Extractor, text: str
) -> None:
    c = only(extractor, text, E.DEFENSE_COOPERATION)
    assert len(countries(c, Role.PARTICIPANT)) == 2


@pytest.mark.parametrize(
    "text",
    [
        "Britain and Japan agreed to deepen trade ties.",
        "The firms will share production data with their suppliers.",
    ],
)
def test_trade_ties_and_production_data_are_no_cooperation(extractor: Extractor, text: str) -> None:
    assert E.DEFENSE_COOPERATION not in {c.type for c in candidates(extractor, text)}


@pytest.mark.parametrize(
    "text",
    [
        "The Philippines granted U.S. forces access to four more bases.",
        "Manila agreed to give American troops access to nine military sites.",
    ],
)
def test_granting_forces_access_to_military_sites_is_cooperation(
    extractor: Extractor, text: str
) -> None:
    c = only(extractor, text, E.DEFENSE_COOPERATION)
    assert countries(c, Role.PARTICIPANT) == {"PHL", "USA"}


def test_access_to_markets_is_no_cooperation(extractor: Extractor) -> None:
    text = "Vietnam gave Japanese investors access to its markets."
    assert E.DEFENSE_COOPERATION not in {c.type for c in candidates(extractor, text)}


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        ("Japan and Australia agreed to secure supplies of critical minerals.", {"JPN", "AUS"}),
        ("Tokyo and Canberra signed an agreement on semiconductors.", {"JPN", "AUS"}),
        ("Britain and Japan will diversify supplies of semiconductors together.", {"GBR", "JPN"}),
        ("Hanwha will source components from Australian firms for the Redback.", {"KOR"}),
    ],
)
def test_inputs_secured_agreed_on_or_sourced_are_supply_chain_cooperation(
    extractor: Extractor, text: str, parties: set[str]
) -> None:
    c = only(extractor, text, E.SUPPLY_CHAIN_COOPERATION)
    assert countries(c, Role.PARTICIPANT) >= parties


@pytest.mark.parametrize(
    "text",
    [
        "Japan and Australia agreed to secure supplies of fuel.",
        "The two leaders signed a framework on maritime security.",
    ],
)
def test_no_supply_chain_without_industrial_inputs(extractor: Extractor, text: str) -> None:
    assert E.SUPPLY_CHAIN_COOPERATION not in {c.type for c in candidates(extractor, text)}


@pytest.mark.parametrize(
    ("text", "states"),
    [
        (
            "India and the United States launched INDUS-X, a network to link start-ups.",
            {"IND", "USA"},
        ),
        ("Japan and Britain set up Tidewater, a working group on drones, in May.", {"JPN", "GBR"}),
    ],
)
def test_a_body_set_up_under_a_name_is_defence_cooperation(
    extractor: Extractor, text: str, states: set[str]
) -> None:
    c = only(extractor, text, E.DEFENSE_COOPERATION)
    assert countries(c, Role.PARTICIPANT) == states


@pytest.mark.parametrize(
    ("text", "states"),
    [
        ("Japan and Australia will hold their annual exercise in Queensland.", {"JPN", "AUS"}),
        ("American and Philippine troops held drills near Luzon last week.", {"USA", "PHL"}),
        ("Britain's carrier group held drills with Japanese warships in 2021.", {"GBR", "JPN"}),
        ("Japanese and American forces will train together in Hokkaido.", {"JPN", "USA"}),
        ("Polish soldiers drilled alongside American troops near Orzysz.", {"POL", "USA"}),
    ],
)
def test_an_exercise_two_states_hold_is_defence_cooperation(
    extractor: Extractor, text: str, states: set[str]
) -> None:
    extraction = extractor.extract(article(text, date(2024, 3, 10)))
    (event,) = events_of(extraction, E.DEFENSE_COOPERATION)
    assert isos(event, Role.PARTICIPANT) == states


@pytest.mark.parametrize(
    ("text", "states"),
    [
        (
            "Most drones were shot down by Israeli defences working alongside American and "
            "British aircraft and Jordanian forces.",
            {"ISR", "USA", "GBR", "JOR"},
        ),
        (
            "Ukrainian soldiers fought alongside British special forces near Kherson.",
            {"UKR", "GBR"},
        ),
        ("Polish troops are operating alongside American units in Lithuania.", {"POL", "USA"}),
    ],
)
def test_forces_operating_alongside_another_states_forces_cooperate(
    extractor: Extractor, text: str, states: set[str]
) -> None:
    """Working, fighting or operating beside another state's forces is defence cooperation;
    a participle's doer is the noun it describes ('defences working alongside')."""
    c = only(extractor, text, E.DEFENSE_COOPERATION)
    assert countries(c, Role.PARTICIPANT) == states


@pytest.mark.parametrize(
    "text",
    [
        "The new order is the third under the framework agreement Warsaw and Seoul signed in 2022.",
        "Poland ordered 180 more K2 tanks under a framework agreement signed with Seoul.",
        "The contract was signed under the framework agreement the two governments concluded.",
    ],
)
def test_an_agreement_purchases_are_made_under_is_no_cooperation(
    extractor: Extractor, text: str
) -> None:
    """An umbrella for orders, told as the terms an order or contract is placed under."""
    assert E.DEFENSE_COOPERATION not in {c.type for c in candidates(extractor, text)}


@pytest.mark.parametrize(
    ("text", "cooperation"),
    [
        (
            "Details of the industrial agreement between Airbus and Turkish Aerospace are due.",
            False,
        ),
        ("The industrial partnership between Lockheed Martin and Tata will be expanded.", False),
        ("The industrial agreement between Japan and Britain covers the new fighter.", True),
    ],
)
def test_an_industrial_accord_between_firms_is_no_cooperation(
    extractor: Extractor, text: str, cooperation: bool
) -> None:
    """Firms' industrial accords are business; with a state among the parties they stay."""
    kinds = {c.type for c in candidates(extractor, text)}
    assert (E.DEFENSE_COOPERATION in kinds) is cooperation


def test_a_security_pact_a_purchase_is_made_under_stays_cooperation(
    extractor: Extractor,
) -> None:
    text = "Manila will buy radars from Tokyo under a security agreement signed in 2024."
    assert E.DEFENSE_COOPERATION in {c.type for c in candidates(extractor, text)}


def test_materiel_serving_alongside_foreign_made_materiel_is_no_cooperation(
    extractor: Extractor,
) -> None:
    text = "The new launcher is to serve alongside the army's American-made M270 launchers."
    assert E.DEFENSE_COOPERATION not in {c.type for c in candidates(extractor, text)}


@pytest.mark.parametrize(
    "text",
    [
        "Russia held drills near the Finnish border.",
        "China staged war games around Taiwan in April.",
        "Ukrainian pilots have trained in Denmark since 2023.",
    ],
)
def test_an_exercise_one_state_holds_is_no_cooperation(extractor: Extractor, text: str) -> None:
    extraction = extractor.extract(article(text, date(2024, 3, 10)))
    assert not events_of(extraction, E.DEFENSE_COOPERATION)


@pytest.mark.parametrize(
    ("text", "maker"),
    [
        ("PT Dirgantara Indonesia will assemble KAAN jets in Bandung.", "TUR"),
        ("WB Group will build K9 howitzers under licence at a plant in Poland.", "KOR"),
        ("The K2 tanks will be assembled in Poland by Bumar-Labedy.", "KOR"),
    ],
)
def test_a_firm_making_a_system_alone_makes_it_with_its_maker(
    extractor: Extractor, text: str, maker: str
) -> None:
    (event,) = events_of(extractor.extract(article(text, date(2025, 3, 10))), E.JOINT_PRODUCTION)
    assert maker in isos(event, Role.PARTICIPANT)


@pytest.mark.parametrize(
    ("text", "supplier", "maker"),
    [
        ("Airbus is set to supply parts for Hurjets built for Turkey.", None, "TUR"),
        ("Australian firms will supply parts for the CV90 under a new deal.", "AUS", "SWE"),
    ],
)
def test_parts_for_a_system_are_supplied_to_its_maker(
    extractor: Extractor, text: str, supplier: str | None, maker: str
) -> None:
    c = only(extractor, text, E.SUPPLY_CHAIN_COOPERATION)
    assert maker in countries(c, Role.PARTICIPANT)
    assert supplier is None or supplier in countries(c, Role.PARTICIPANT)


def test_parts_a_maker_supplies_for_its_own_system_add_no_one(extractor: Extractor) -> None:
    c = only(
        extractor,
        "Hanwha will supply parts for the K9 howitzers in Poland.",
        E.SUPPLY_CHAIN_COOPERATION,
    )
    assert countries(c, Role.PARTICIPANT) == {"KOR"}


@pytest.mark.parametrize(
    ("text", "earlier", "year"),
    [
        (
            "Greece and Israel are negotiating a second agreement on training pilots, after a "
            "2019 pact that set up a flight school.",
            "pact",
            2019,
        ),
        (
            "Poland and Sweden will sign an agreement on submarine training, extending the 2022 "
            "accord between their navies.",
            "accord",
            2022,
        ),
    ],
)
def test_the_year_of_an_earlier_pact_dates_that_pact_only(
    extractor: Extractor, text: str, earlier: str, year: int
) -> None:
    found = [c for c in candidates(extractor, text) if c.type is E.DEFENSE_COOPERATION]
    dated = {c.trigger.text: c.date.year for c in found if c.date is not None}
    assert dated == {earlier: year}
    assert len(found) > len(dated)


@pytest.mark.parametrize(
    ("text", "partner"),
    [
        (
            "HD Hyundai signed an agreement with Huntington Ingalls Industries in April to study "
            "joint construction of auxiliary vessels.",
            "Huntington Ingalls Industries",
        ),
        (
            "Hanwha Ocean concluded a deal with Austal to build frigates together in Alabama.",
            "Austal",
        ),
        (
            "Rheinmetall agreed with Leonardo to study the joint production of Panther tanks.",
            "Leonardo",
        ),
    ],
)
def test_the_party_to_the_deal_a_joint_work_is_agreed_in(
    extractor: Extractor, text: str, partner: str
) -> None:
    (event,) = events_of(extractor.extract(article(text, date(2025, 8, 27))), E.JOINT_PRODUCTION)
    assert partner in {e.label for e in event.fillers(Role.PARTICIPANT)}


@pytest.mark.parametrize(
    ("text", "system"),
    [
        (
            "Indonesia bought 48 KAAN fighters from Turkish Aerospace. The company was also "
            "weighing a maintenance and repair centre in Indonesia to support the jets.",
            "KAAN fighter",
        ),
        (
            "Greece bought 24 Rafale jets from Dassault Aviation last year. The firm will open a "
            "repair depot near Athens to support the jets.",
            "Rafale",
        ),
    ],
)
def test_a_repair_works_maintains_what_it_is_set_up_to_support(
    extractor: Extractor, text: str, system: str
) -> None:
    extraction = extractor.extract(article(text, date(2025, 3, 10)))
    (event,) = events_of(extraction, E.MAINTENANCE_COOPERATION)
    assert {e.label for e in event.fillers(Role.MATERIEL)} == {system}


@pytest.mark.parametrize(
    "text",
    [
        "Germany and France launched Eurodrone-X, a network linking start-ups with defence "
        "ministries, in May.",
        "India and Japan launched a defence industry forum last year.",
    ],
)
def test_a_body_launched_is_set_up_not_under_way(extractor: Extractor, text: str) -> None:
    found = [c for c in candidates(extractor, text) if c.type is E.DEFENSE_COOPERATION]
    assert found and {c.status for c in found} == {Status.COMPLETED}


def test_production_launched_is_under_way(extractor: Extractor) -> None:
    text = "Rheinmetall and Ukraine launched joint production of shells last year."
    assert only(extractor, text, E.JOINT_PRODUCTION).status is Status.ONGOING


@pytest.mark.parametrize(
    "text",
    [
        "Navantia concluded a deal with Austal to build frigates together.",
        "Hanwha Aerospace signed a contract with WB Group to produce howitzers jointly.",
    ],
)
def test_a_deal_to_make_materiel_together_is_joint_production_not_a_sale(
    extractor: Extractor, text: str
) -> None:
    kinds = {c.type for c in candidates(extractor, text)}
    assert kinds == {E.JOINT_PRODUCTION}


def test_a_contract_to_build_for_a_buyer_stays_a_sale(extractor: Extractor) -> None:
    text = "Navantia won a contract to build five frigates for Australia."
    assert E.ARMS_TRANSFER in {c.type for c in candidates(extractor, text)}


@pytest.mark.parametrize(
    "text",
    [
        "Parents look after their children in Berlin.",
        "Poland voiced support for the F-35 purchase.",
        "Germany pledged support for Ukraine's air defence.",
    ],
)
def test_care_for_people_or_support_for_a_deal_or_state_is_no_maintenance(
    extractor: Extractor, text: str
) -> None:
    assert E.MAINTENANCE_COOPERATION not in {c.type for c in candidates(extractor, text)}


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "Emirati firms will make parts of the Rafale in partnership with Dassault.",
            {"ARE", "FRA"},
        ),
        (
            "Turkish companies produce drone engines in cooperation with Ukrainian firms.",
            {"TUR", "UKR"},
        ),
    ],
)
def test_made_in_partnership_with_another_is_joint_production(
    extractor: Extractor, text: str, parties: set[str]
) -> None:
    c = only(extractor, text, E.JOINT_PRODUCTION)
    assert countries(c, Role.PARTICIPANT) == parties
    assert c.roles[Role.MATERIEL]


@pytest.mark.parametrize(
    ("text", "provider", "client"),
    [
        ("Korea will supply spare parts for Poland's K9 howitzers.", "KOR", "POL"),
        ("Hanwha will provide parts for repairs of Estonian howitzers.", "KOR", "EST"),
    ],
)
def test_parts_supplied_for_upkeep_are_maintenance_not_supply_chain(
    extractor: Extractor, text: str, provider: str, client: str
) -> None:
    kinds = {c.type for c in candidates(extractor, text)}
    assert E.SUPPLY_CHAIN_COOPERATION not in kinds
    (c,) = [c for c in candidates(extractor, text) if c.trigger.lemma_ in {"supply", "provide"}]
    assert c.type is E.MAINTENANCE_COOPERATION
    assert provider in countries(c, Role.PROVIDER)
    assert countries(c, Role.CLIENT) == {client}


def test_parts_for_a_production_line_are_still_supply_chain(extractor: Extractor) -> None:
    text = "Japan will supply parts for the F-35 production line in Texas."
    assert only(extractor, text, E.SUPPLY_CHAIN_COOPERATION).roles[Role.MATERIEL]
