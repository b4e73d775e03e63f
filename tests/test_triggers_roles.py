"""Trigger detection and role assignment, on short sentences parsed by the real pipeline."""

from __future__ import annotations

from datetime import date

import pytest

from alliance_kg.iris import entity_iri
from alliance_kg.model import Article, EventDate, Role, Status
from alliance_kg.pipeline.extractor import Extractor
from extraction_support import PUBLISHED, E, article, candidates, countries, events_of, isos, only


def test_export_to(extractor: Extractor) -> None:
    c = only(extractor, "Seoul exported K9 howitzers to Poland.", E.ARMS_TRANSFER)
    assert c.trigger.text == "exported"
    assert countries(c, Role.SUPPLIER) == {"KOR"}
    assert countries(c, Role.RECIPIENT) == {"POL"}
    assert c.roles[Role.MATERIEL]


def test_buy_from_reverses_the_roles(extractor: Extractor) -> None:
    c = only(extractor, "Warsaw will buy K2 tanks from South Korea.", E.ARMS_TRANSFER)
    assert countries(c, Role.RECIPIENT) == {"POL"}
    assert countries(c, Role.SUPPLIER) == {"KOR"}


def test_the_reporter_is_not_the_supplier(extractor: Extractor) -> None:
    text = "Officials in Tokyo said Seoul will export howitzers to Poland."
    c = only(extractor, text, E.ARMS_TRANSFER)
    assert countries(c, Role.SUPPLIER) == {"KOR"}


def test_procure_for_a_third_state_is_aid(extractor: Extractor) -> None:
    text = "Germany will procure air defence systems for Ukraine."
    c = only(extractor, text, E.MILITARY_AID)
    assert countries(c, Role.DONOR) == {"DEU"}
    assert countries(c, Role.RECIPIENT) == {"UKR"}


def test_the_recipient_of_a_sale_approved(extractor: Extractor) -> None:
    text = "Washington approved the sale of missiles to Poland."
    c = only(extractor, text, E.ARMS_TRANSFER)
    assert countries(c, Role.SUPPLIER) == {"USA"}
    assert countries(c, Role.RECIPIENT) == {"POL"}


def test_shipyards_repairing_destroyers(extractor: Extractor) -> None:
    text = "Japanese shipyards will repair U.S. Navy destroyers."
    c = only(extractor, text, E.MAINTENANCE_COOPERATION)
    assert countries(c, Role.PROVIDER) == {"JPN"}
    assert countries(c, Role.CLIENT) == {"USA"}
    assert entity_iri("Materiel", "destroyer") in c.roles[Role.MATERIEL]


def test_aid_for(extractor: Extractor) -> None:
    c = only(extractor, "U.S. aid for Ukraine includes artillery shells.", E.MILITARY_AID)
    assert c.trigger.text == "aid"
    assert countries(c, Role.DONOR) == {"USA"}
    assert countries(c, Role.RECIPIENT) == {"UKR"}


def test_provide_to_and_give_with_a_dative(extractor: Extractor) -> None:
    for text in (
        "The U.S. will provide howitzers to Ukraine.",
        "The U.S. will give Ukraine artillery shells.",
    ):
        c = next(
            c for c in candidates(extractor, text) if c.type in {E.ARMS_TRANSFER, E.MILITARY_AID}
        )
        giver, taker = (
            (Role.SUPPLIER, Role.RECIPIENT)
            if c.type is E.ARMS_TRANSFER
            else (Role.DONOR, Role.RECIPIENT)
        )
        assert countries(c, giver) == {"USA"}, text
        assert countries(c, taker) == {"UKR"}, text


def test_joint_production_participants(extractor: Extractor) -> None:
    text = "Japan and the United States agreed on joint production of missiles."
    c = only(extractor, text, E.JOINT_PRODUCTION)
    assert c.joint
    assert countries(c, Role.PARTICIPANT) == {"JPN", "USA"}
    assert entity_iri("Materiel", "missile") in c.roles[Role.MATERIEL]


def test_the_two_countries_are_the_pair_in_focus(extractor: Extractor) -> None:
    text = (
        "Japan and the United States met in Tokyo. "
        "The two countries agreed on joint production of missiles."
    )
    c = only(extractor, text, E.JOINT_PRODUCTION)
    assert countries(c, Role.PARTICIPANT) == {"JPN", "USA"}
    assert c.inferred


def test_a_hyphenated_co_production_verb(extractor: Extractor) -> None:
    text = "Japan and Australia agreed to co-produce missiles."
    c = only(extractor, text, E.JOINT_PRODUCTION)
    assert countries(c, Role.PARTICIPANT) == {"JPN", "AUS"}


def test_their_is_the_subject_of_the_governing_clause(extractor: Extractor) -> None:
    text = (
        "Canberra hosted talks on Monday. "
        "Japan and the United States said they would expand their joint production of missiles."
    )
    c = only(extractor, text, E.JOINT_PRODUCTION)
    assert countries(c, Role.PARTICIPANT) == {"JPN", "USA"}


def test_a_pledge_to_produce_is_not_aid(extractor: Extractor) -> None:
    text = "Japan and Australia pledged to expand their joint production of missiles."
    assert [c.type for c in candidates(extractor, text)] == [E.JOINT_PRODUCTION]


def test_revising_a_policy(extractor: Extractor) -> None:
    text = "Tokyo revised the Three Principles in December."
    c = only(extractor, text, E.POLICY_CHANGE)
    assert countries(c, Role.PARTICIPANT) == {"JPN"}
    (policy,) = c.roles[Role.POLICY].values()
    assert policy.label.startswith("Three Principles on Transfer of Defense Equipment")
    assert c.date == EventDate(2023, 12)  # a past clause: the December before publication


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("The government of Chancellor Olaf Scholz eased the export rules in 2023.", "DEU"),
        ("The regional government of Flanders in Belgium suspended export licences.", "BEL"),
        ("The administration of President Biden lifted its ban on arms sales to Vietnam.", "USA"),
    ],
)
def test_a_government_of_a_leader_or_region_acts_for_that_state(
    extractor: Extractor, text: str, state: str
) -> None:
    c = only(extractor, text, E.POLICY_CHANGE)
    assert countries(c, Role.PARTICIPANT) == {state}


@pytest.mark.parametrize(
    "text",
    [
        "The German government lifted its hold on Eurofighter sales to Turkey in July.",
        "Seoul has relaxed its curbs on weapons sales to Poland.",
        "Washington eased curbs on arms exports to Vietnam in 2016.",
    ],
)
def test_a_hold_or_curbs_on_sales_lifted_change_policy_not_transfer(
    extractor: Extractor, text: str
) -> None:
    kinds = [c.type for c in candidates(extractor, text)]
    assert kinds == [E.POLICY_CHANGE]


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("Spain has not authorised any new arms exports to Israel since October.", "ESP"),
        ("Canada has not approved any new arms sales to Israel since January.", "CAN"),
        ("Berlin has cleared no exports of tanks to Riyadh since 2018.", "DEU"),
    ],
)
def test_exports_no_longer_cleared_are_an_export_halt(
    extractor: Extractor, text: str, state: str
) -> None:
    """A clearing verb denied, with exports as its object, halts exports: a policy change
    (not negated, not a transfer)."""
    extraction = extractor.extract(article(text, PUBLISHED))
    assert not events_of(extraction, E.ARMS_TRANSFER)
    (halt,) = events_of(extraction, E.POLICY_CHANGE)
    assert isos(halt, Role.PARTICIPANT) == {state}


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("Hungary pulled out of the ammunition scheme in March.", "HUN"),
        ("Washington withdrew from the INF treaty in 2019.", "USA"),
        ("Slovakia left the coalition after the election.", "SVK"),
    ],
)
def test_a_state_leaving_a_scheme_changes_policy(
    extractor: Extractor, text: str, state: str
) -> None:
    """Pulling out of, withdrawing from or leaving an arrangement is a policy change of the
    state that leaves; the arrangement left is no cooperation."""
    c = only(extractor, text, E.POLICY_CHANGE)
    assert countries(c, Role.PARTICIPANT) == {state}
    assert E.DEFENSE_COOPERATION not in {k.type for k in candidates(extractor, text)}


def test_forces_pulled_out_change_no_policy(extractor: Extractor) -> None:
    text = "Britain pulled its troops out of Afghanistan in 2021."
    assert E.POLICY_CHANGE not in {c.type for c in candidates(extractor, text)}


def test_a_meeting_in_washington_is_located_in_the_city(extractor: Extractor) -> None:
    text = "Prime Minister Kishida met President Biden in Washington on Wednesday."
    c = only(extractor, text, E.LEADERS_MEETING)
    assert countries(c, Role.PARTICIPANT) >= {"JPN", "USA"}
    assert [e.label for e in c.roles[Role.LOCATION].values()] == ["Washington, D.C."]
    assert c.date == EventDate(2024, 3, 6)


def test_sending_troops_is_a_deployment(extractor: Extractor) -> None:
    c = only(extractor, "Poland sent troops to Lithuania.", E.PERSONNEL_DEPLOYMENT)
    assert countries(c, Role.PARTICIPANT) == {"POL"}
    assert countries(c, Role.LOCATION) == {"LTU"}


def test_sending_howitzers_is_not_a_deployment(extractor: Extractor) -> None:
    kinds = {c.type for c in candidates(extractor, "Poland sent howitzers to Ukraine.")}
    assert E.PERSONNEL_DEPLOYMENT not in kinds
    assert kinds & {E.ARMS_TRANSFER, E.MILITARY_AID}


def test_a_negated_export(extractor: Extractor) -> None:
    c = only(extractor, "Japan will not export fighter jets to China.", E.ARMS_TRANSFER)
    assert c.modality.negated
    assert countries(c, Role.RECIPIENT) == {"CHN"}


@pytest.mark.parametrize(
    "text",
    [
        "The weather in Tokyo was mild on Monday.",
        "Japan will build a new stadium.",
        "The company will maintain its dividend.",
    ],
)
def test_sentences_without_an_event(extractor: Extractor, text: str) -> None:
    assert candidates(extractor, text) == []


def test_weighing_another_states_system_is_a_considered_purchase(extractor: Extractor) -> None:
    text = "Canberra is weighing Japan's Mogami-class frigate for its new fleet."
    c = only(extractor, text, E.ARMS_TRANSFER)
    assert countries(c, Role.SUPPLIER) == {"JPN"}
    assert countries(c, Role.RECIPIENT) == {"AUS"}


def test_weighing_a_version_of_another_states_system_is_a_considered_purchase(
    extractor: Extractor,
) -> None:
    text = "Chile is weighing an upgraded version of Korea's K9 howitzer."
    c = only(extractor, text, E.ARMS_TRANSFER)
    assert countries(c, Role.SUPPLIER) == {"KOR"}
    assert countries(c, Role.RECIPIENT) == {"CHL"}
    assert c.status is Status.CONSIDERED


@pytest.mark.parametrize(
    ("text", "buyer"),
    [
        ("Norway selected the K9 howitzer in 2017.", "NOR"),
        ("Lithuania, which picked the CV90 last year, will buy more.", "LTU"),
        ("Estonia chose the K9 for its artillery brigade.", "EST"),
    ],
)
def test_choosing_a_system_another_state_makes_is_a_purchase_agreed(
    extractor: Extractor, text: str, buyer: str
) -> None:
    c = only(extractor, text, E.ARMS_TRANSFER)
    assert countries(c, Role.RECIPIENT) == {buyer}
    assert c.status is Status.AGREED


def test_choosing_a_system_of_ones_own_makers_is_no_purchase(extractor: Extractor) -> None:
    assert candidates(extractor, "Sweden chose the CV90 for its brigades.") == []


def test_conjoined_verbs_share_their_object(extractor: Extractor) -> None:
    text = "Japanese shipyards will repair and overhaul U.S. Navy vessels."
    kinds = [c.type for c in candidates(extractor, text)]
    assert E.MAINTENANCE_COOPERATION in kinds and E.POLICY_CHANGE not in kinds


@pytest.mark.parametrize(
    ("text", "short"),
    [
        ("Two years of fighting have left Britain short of artillery shells.", "GBR"),
        ("Polish commanders complain of running short of interceptors.", "POL"),
        ("French yards deliver one frigate a year, well short of the three the navy needs.", "FRA"),
        ("Italy's army has too little ammunition for a long war.", "ITA"),
        ("Ukraine is running out of air defence interceptors.", "UKR"),
        ("The Spanish army has been running short of howitzers.", "ESP"),
        ("The United States cannot produce enough artillery shells.", "USA"),
        ("German plants are still unable to make enough shells.", "DEU"),
        ("Poland lacks enough howitzers to equip its new divisions.", "POL"),
        ("The Romanian army lacks modern air defence systems.", "ROU"),
        ("Kyiv is facing a dire lack of ammunition.", "UKR"),
        ("There is a dearth of spare parts for Greece's tanks.", "GRC"),
        ("Ukrainian units have been depleting their interceptors.", "UKR"),
        ("Ukraine's stocks of interceptors are nearly exhausted.", "UKR"),
        ("Israel's interceptor stocks are dwindling.", "ISR"),
        ("Ukraine has only enough artillery shells for ten days of fighting.", "UKR"),
        ("Latvia has only enough Stinger missiles to last a week.", "LVA"),
        ("The Taiwanese navy urgently needs more anti-ship missiles.", "TWN"),
        ("Japan needs additional destroyers to patrol the East China Sea.", "JPN"),
        ("German production of Patriot interceptors lags behind demand.", "DEU"),
        ("South Korean output of K9 howitzers lags behind the army's needs.", "KOR"),
        ("Lockheed Martin is struggling to build F-35 jets fast enough.", "USA"),
        ("French firms struggle to produce CAESAR howitzers quickly enough.", "FRA"),
        ("Britain has too few sailors to crew its new frigates.", "GBR"),
        ("Japan has too few shipyards to build its new frigates.", "JPN"),
        ("Ukraine's brigades still run short of artillery barrels.", "UKR"),
        ("The Estonian army is short of tank engines.", "EST"),
        ("Frigates for the French navy are held up by too few dry docks.", "FRA"),
        ("Months of rocket fire have eaten deep into Israel's interceptor stocks.", "ISR"),
        ("Ukrainian units have been rationing artillery shells for months.", "UKR"),
        ("American production of Javelin missiles cannot keep up with demand.", "USA"),
        ("Demand for Patriot interceptors has outstripped production in Germany.", "DEU"),
        ("Spanish demand for artillery shells has outpaced supply.", "ESP"),
        ("German ammunition makers are struggling to keep pace with orders.", "DEU"),
        ("Poland's factories have been unable to keep up with the army's need for shells.", "POL"),
        ("Estonian gunners complained of rationing 155mm shells along the border.", "EST"),
        ("Deliveries to Ukraine have cut into American stockpiles of Stinger missiles.", "USA"),
        ("Portugal's navy has too few patrol aircraft to watch its waters.", "PRT"),
        ("The Romanian army lacks long-range fires along its eastern border.", "ROU"),
    ],
)
def test_a_stock_found_short(extractor: Extractor, text: str, short: str) -> None:
    c = only(extractor, text, E.CAPACITY_SHORTFALL)
    assert countries(c, Role.PARTICIPANT) == {short}
    assert c.roles[Role.MATERIEL]


@pytest.mark.parametrize(
    ("text", "short", "other"),
    [
        (
            "American output of the SM-3 has fallen short of what the fleet needs, after "
            "months of firing against drones and missiles in the Red Sea.",
            "SM-3",
            "drone",
        ),
        (
            "France says its output of CAESAR howitzers falls short of what the army needs "
            "while Ukraine asks for tanks.",
            "CAESAR",
            "tank",
        ),
    ],
)
def test_what_falls_short_is_the_output_the_clause_names(
    extractor: Extractor, text: str, short: str, other: str
) -> None:
    c = only(extractor, text, E.CAPACITY_SHORTFALL)
    labels = {e.label for e in c.roles[Role.MATERIEL].values()}
    assert short in labels and other not in labels


def test_a_shortage_of_parts_where_a_system_is_made_holds_back_that_system(
    extractor: Extractor,
) -> None:
    text = "Paris blamed shortages of parts at the plant where Nexter resumed CAESAR production."
    c = only(extractor, text, E.CAPACITY_SHORTFALL)
    assert "CAESAR" in {e.label for e in c.roles[Role.MATERIEL].values()}
    text = "Paris blamed shortages of shells, even as Nexter resumed CAESAR production."
    c = only(extractor, text, E.CAPACITY_SHORTFALL)
    assert "CAESAR" not in {e.label for e in c.roles[Role.MATERIEL].values()}


def test_the_navy_s_shortage_is_the_home_state_s(extractor: Extractor) -> None:
    text = (
        "Canada is weighing two frigate designs. "
        "A smaller crew would ease the navy's shortage of sailors, a Korean official said."
    )
    c = only(extractor, text, E.CAPACITY_SHORTFALL)
    assert countries(c, Role.PARTICIPANT) == {"CAN"}


@pytest.mark.parametrize(
    ("text", "short"),
    [
        (
            "Indonesia is buying Rafale fighters from France. "
            "The air force has been flying too few modern combat jets.",
            "IDN",
        ),
        (
            "Japan will lend coastal radars to Vietnam. "
            "Defence officials in Hanoi said the navy lacks enough sensors to watch the coast.",
            "VNM",
        ),
    ],
)
def test_a_force_found_short_is_its_state_s(extractor: Extractor, text: str, short: str) -> None:
    c = only(extractor, text, E.CAPACITY_SHORTFALL)
    assert countries(c, Role.PARTICIPANT) == {short}
    assert c.roles[Role.MATERIEL]


@pytest.mark.parametrize(
    "text",
    [
        "Officials in Madrid said Europe as a whole cannot make enough shells for Kyiv.",
        "European plants remain unable to produce enough air defence interceptors.",
        "Analysts say European stockpiles of artillery shells are nearly exhausted.",
    ],
)
def test_a_region_short_of_arms_is_the_bloc_that_acts_for_it(
    extractor: Extractor, text: str
) -> None:
    c = only(extractor, text, E.CAPACITY_SHORTFALL)
    assert set(c.roles[Role.PARTICIPANT]) == {entity_iri("organization", "European Union")}


@pytest.mark.parametrize(
    "text",
    [
        "Western stockpiles of 155mm shells have been depleted by two years of war.",
        "Analysts say Western factories cannot make enough air defence interceptors.",
    ],
)
def test_the_west_short_of_arms_is_nato(extractor: Extractor, text: str) -> None:
    c = only(extractor, text, E.CAPACITY_SHORTFALL)
    assert set(c.roles[Role.PARTICIPANT]) == {entity_iri("organization", "NATO")}


@pytest.mark.parametrize(
    "text",
    [
        "Britain is short of patience with Paris.",
        "The two ministers lacked the time to meet.",
        "There is a lack of political will in Berlin.",
        "Poland has enough tanks for now.",
        "The factory in Ohio cannot make the deadline.",
        "Russia fires drones to exhaust the interceptors protecting Kyiv.",
        "Poland needs the Patriot missiles to defend Rzeszow.",
        "Japan needs more time to decide on the frigates.",
        "Production at the Ohio plant lags behind schedule.",
        "The cuts ate into the budget of the Italian navy.",
        "The Polish minister said she could not keep up with the news from Kyiv.",
        "Demand for Rafale jets in India exceeds expectations, Dassault said.",
    ],
)
def test_no_shortfall_without_a_stock_found_short(extractor: Extractor, text: str) -> None:
    assert E.CAPACITY_SHORTFALL not in {c.type for c in candidates(extractor, text)}


@pytest.mark.parametrize(
    ("text", "short", "materiel"),
    [
        ("Until now Latvia has had no tanks at all, a colonel said.", "LVA", "tank"),
        ("Since 2021 Bulgaria has no working fighter jets.", "BGR", "fighter aircraft"),
        ("Croatia does not have any submarines.", "HRV", "submarine"),
        ("Ghana's air force has only a handful of aircraft able to patrol.", "GHA", "aircraft"),
        ("Kenya operates just a handful of helicopters.", "KEN", "helicopter"),
    ],
)
def test_a_force_holding_none_or_only_a_handful_is_short(
    extractor: Extractor, text: str, short: str, materiel: str
) -> None:
    c = only(extractor, text, E.CAPACITY_SHORTFALL)
    assert countries(c, Role.PARTICIPANT) == {short}
    assert not c.modality.negated
    assert entity_iri("materiel", materiel) in c.roles[Role.MATERIEL]


@pytest.mark.parametrize(
    "text",
    [
        "Poland has no plans to buy submarines.",
        "Latvia has a handful of ideas for the summit.",
        "Estonia has many tanks and howitzers.",
    ],
)
def test_holding_no_plans_or_many_arms_is_no_shortfall(extractor: Extractor, text: str) -> None:
    assert E.CAPACITY_SHORTFALL not in {c.type for c in candidates(extractor, text)}


def test_an_inability_to_make_enough_is_a_shortfall_under_way(extractor: Extractor) -> None:
    c = only(extractor, "Britain cannot make enough shells.", E.CAPACITY_SHORTFALL)
    assert not c.modality.negated
    assert c.status is Status.ONGOING


def test_forces_taking_part_in_an_operation_are_deployed(extractor: Extractor) -> None:
    text = "About 300 Dutch service members are taking part in clearing mines off the coast."
    c = only(extractor, text, E.PERSONNEL_DEPLOYMENT)
    assert countries(c, Role.PARTICIPANT) == {"NLD"}
    assert c.status is Status.ONGOING
    c = only(extractor, "Polish troops joined the drills in Lithuania.", E.PERSONNEL_DEPLOYMENT)
    assert countries(c, Role.PARTICIPANT) == {"POL"}
    text = "Dutch executives are taking part in the talks."
    assert E.PERSONNEL_DEPLOYMENT not in {c.type for c in candidates(extractor, text)}


def test_sending_a_carrier_strike_group_is_a_deployment(extractor: Extractor) -> None:
    text = "France will send its carrier strike group to the Indo-Pacific next year."
    c = only(extractor, text, E.PERSONNEL_DEPLOYMENT)
    assert countries(c, Role.PARTICIPANT) == {"FRA"}
    assert entity_iri("Materiel", "carrier strike group") in c.roles[Role.MATERIEL]


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("Polish tank crews have been training in Germany since March.", "POL"),
        ("Norwegian pilots spent six weeks in the United States learning to fly.", "NOR"),
        ("A team of French officers remains in Abu Dhabi to advise the air force.", "FRA"),
        ("About 300 British soldiers flew in for the exercise.", "GBR"),
        ("Ireland keeps a battalion of 300 troops with the UN mission in Lebanon.", "IRL"),
        ("Canada will send two frigates to the drills, alongside 400 sailors.", "CAN"),
    ],
)
def test_forces_staying_training_or_sent_with_craft_are_deployed(
    extractor: Extractor, text: str, state: str
) -> None:
    c = only(extractor, text, E.PERSONNEL_DEPLOYMENT)
    assert countries(c, Role.PARTICIPANT) == {state}


@pytest.mark.parametrize(
    "text",
    [
        "The rotation will give Australian crews years of practice.",
        "The plant will supply the Lithuanian army as well as allied forces.",
    ],
)
def test_forces_given_or_supplied_something_are_not_deployed(
    extractor: Extractor, text: str
) -> None:
    assert E.PERSONNEL_DEPLOYMENT not in {c.type for c in candidates(extractor, text)}


@pytest.mark.parametrize(
    ("text", "state", "status"),
    [
        ("Canada unveiled a new defence policy on Monday.", "CAN", Status.AGREED),
        ("Norway published its long-term defence plan on Friday.", "NOR", Status.COMPLETED),
        ("Denmark drew up plans for a new conscription law.", "DNK", Status.PLANNED),
        ("Hungary has said it will not send further weapons to Ukraine.", "HUN", Status.AGREED),
        ("Slovakia said it would send no more tanks to Ukraine.", "SVK", Status.AGREED),
        ("Washington froze most of its military programmes in Mali.", "USA", Status.COMPLETED),
        ("Spain is weighing raising the defence budget to 2.5 percent.", "ESP", Status.CONSIDERED),
        ("Italian ministers discussed lifting spending to 3 percent.", "ITA", Status.CONSIDERED),
    ],
)
def test_policy_published_planned_halted_or_targeted(
    extractor: Extractor, text: str, state: str, status: Status
) -> None:
    """A defence plan published, a law planned, a halt of supplies or of programmes, a
    spending share aimed at: each sets policy."""
    c = only(extractor, text, E.POLICY_CHANGE)
    assert countries(c, Role.PARTICIPANT) == {state}
    assert c.status is status
    assert not c.modality.negated


@pytest.mark.parametrize(
    "text",
    [
        "The ministry published a report on the fleet.",
        "The factory will raise output to 80 percent of capacity.",
        "Hungary will not send tanks to Ukraine.",
    ],
)
def test_no_policy_from_reports_output_or_a_refusal(extractor: Extractor, text: str) -> None:
    assert E.POLICY_CHANGE not in {c.type for c in candidates(extractor, text)}


@pytest.mark.parametrize(
    ("text", "state", "status"),
    [
        (
            "American planners are weighing whether to base drones in Poland.",
            "USA",
            Status.CONSIDERED,
        ),
        ("Japan plans to base F-35 fighters in Guam.", "JPN", Status.PLANNED),
    ],
)
def test_materiel_based_abroad_is_deployed(
    extractor: Extractor, text: str, state: str, status: Status
) -> None:
    c = only(extractor, text, E.PERSONNEL_DEPLOYMENT)
    assert countries(c, Role.PARTICIPANT) == {state}
    assert c.status is status
    text = "Rheinmetall is based in Duesseldorf."
    assert E.PERSONNEL_DEPLOYMENT not in {c.type for c in candidates(extractor, text)}


def test_a_submarine_docking_at_a_port_is_deployed_there(extractor: Extractor) -> None:
    text = "A U.S. Navy submarine docked at the port of Busan, the first such visit since 1990."
    c = only(extractor, text, E.PERSONNEL_DEPLOYMENT)
    assert countries(c, Role.PARTICIPANT) == {"USA"}
    assert entity_iri("Materiel", "submarine") in c.roles[Role.MATERIEL]
    assert c.date is None  # 'since 1990' dates the comparison, not the docking


@pytest.mark.parametrize(
    ("text", "system"),
    [
        ("Two American destroyers are set to call at Busan next month.", "destroyer"),
        (
            "Four U.S. Virginia-class boats are to rotate through Darwin.",
            "Virginia-class submarine",
        ),
        ("Three Japanese destroyers are scheduled to sail to Manila.", "destroyer"),
    ],
)
def test_craft_due_to_move_are_the_materiel_deployed(
    extractor: Extractor, text: str, system: str
) -> None:
    """The craft that 'are to', 'are set to' or 'are due to' move: the subject of the verb
    the movement is the infinitive of."""
    c = only(extractor, text, E.PERSONNEL_DEPLOYMENT)
    assert system in {e.label for e in c.roles[Role.MATERIEL].values()}


def test_systems_flown_in_by_soldiers_of_an_army(extractor: Extractor) -> None:
    text = "The HIMARS launcher was flown into Estonia by soldiers of the U.S. Army in May 2023."
    c = only(extractor, text, E.PERSONNEL_DEPLOYMENT)
    assert "USA" in countries(c, Role.PARTICIPANT)
    assert entity_iri("Materiel", "HIMARS") in c.roles[Role.MATERIEL]
    assert c.date == EventDate(2023, 5)


def test_production_at_a_plant_abroad_is_shared_with_the_host(extractor: Extractor) -> None:
    text = "Hanwha Aerospace will produce K9 howitzers at a new plant in Poland."
    c = only(extractor, text, E.JOINT_PRODUCTION)
    assert countries(c, Role.PARTICIPANT) == {"KOR", "POL"}


def test_producing_another_firms_design_makes_it_a_partner(extractor: Extractor) -> None:
    text = "The deal covers the production of GE's F414 engine in India."
    c = only(extractor, text, E.JOINT_PRODUCTION)
    assert countries(c, Role.PARTICIPANT) == {"USA", "IND"}


def test_producing_together_with_a_partner(extractor: Extractor) -> None:
    text = "Rheinmetall will produce artillery shells together with a Ukrainian arms group."
    c = only(extractor, text, E.JOINT_PRODUCTION)
    assert countries(c, Role.PARTICIPANT) == {"DEU", "UKR"}


def test_co_production_naming_no_one_is_the_pair_in_focus(extractor: Extractor) -> None:
    text = (
        "India and the United States met again. India and the United States signed a pact. "
        "Co-production of the Stryker armoured vehicle is one of the ideas."
    )
    found = [c for c in candidates(extractor, text) if c.type is E.JOINT_PRODUCTION]
    assert [countries(c, Role.PARTICIPANT) for c in found] == [{"IND", "USA"}]
    assert found[0].inferred


def test_a_relative_clause_transfers_the_noun_it_modifies(extractor: Extractor) -> None:
    c = only(extractor, "The Rafale jets that India ordered arrived last year.", E.ARMS_TRANSFER)
    assert countries(c, Role.RECIPIENT) == {"IND"}
    assert c.roles[Role.MATERIEL]


def test_a_participle_transfers_the_noun_it_modifies(extractor: Extractor) -> None:
    c = only(extractor, "Two Gripen squadrons ordered in 2019 are in service.", E.ARMS_TRANSFER)
    assert c.roles[Role.MATERIEL]


def test_a_subject_hung_on_the_auxiliary_still_acts(extractor: Extractor) -> None:
    text = (
        "Spain, for its part, has for more than two years been considering whether to send "
        "Kyiv some of its own Leopard tanks."
    )
    c = only(extractor, text, E.ARMS_TRANSFER)
    assert c.trigger.head.dep_ == "ROOT" and not [
        t for t in c.trigger.head.children if t.dep_ == "nsubj"
    ]
    assert countries(c, Role.SUPPLIER) == {"ESP"}
    assert countries(c, Role.RECIPIENT) == {"UKR"}


def test_a_purchase_in_a_package_stays_a_purchase(extractor: Extractor) -> None:
    text = "Indonesia intends to buy F-16 fighters from the United States in a $2 billion package."
    c = only(extractor, text, E.ARMS_TRANSFER)
    assert countries(c, Role.RECIPIENT) == {"IDN"}
    assert countries(c, Role.SUPPLIER) == {"USA"}


def test_the_seller_named_on_the_purchased_item(extractor: Extractor) -> None:
    text = "Madrid approved the purchase of 20 Eurofighter jets from Germany."
    c = only(extractor, text, E.ARMS_TRANSFER)
    assert countries(c, Role.RECIPIENT) == {"ESP"}
    assert countries(c, Role.SUPPLIER) == {"DEU"}


def test_a_recipient_parsed_into_the_object(extractor: Extractor) -> None:
    c = only(extractor, "Canada approved sending Ukraine cluster munitions.", E.ARMS_TRANSFER)
    assert countries(c, Role.RECIPIENT) == {"UKR"}
    assert countries(c, Role.SUPPLIER) == {"CAN"}


@pytest.mark.parametrize(
    "text",
    [
        "A Swiss law that restricts the export of ammunition drew criticism.",
        "Berlin kept its ban on sales of tanks.",
    ],
)
def test_what_a_rule_governs_is_no_transfer(extractor: Extractor, text: str) -> None:
    assert E.ARMS_TRANSFER not in {c.type for c in candidates(extractor, text)}


def test_an_agreement_taking_effect_is_cooperation_between_its_parties(
    extractor: Extractor,
) -> None:
    text = "A defence pact between Sweden and Poland took effect in May."
    found = [c for c in candidates(extractor, text) if c.trigger.text == "took"]
    assert [c.type for c in found] == [E.DEFENSE_COOPERATION]
    assert countries(found[0], Role.PARTICIPANT) == {"SWE", "POL"}


def test_funding_anothers_industrial_base_is_supply_chain_cooperation(
    extractor: Extractor,
) -> None:
    text = "Norway pledged $1 billion to expand the German ammunition industrial base."
    c = only(extractor, text, E.SUPPLY_CHAIN_COOPERATION)
    assert countries(c, Role.PARTICIPANT) == {"NOR", "DEU"}


def test_a_security_of_supply_arrangement_is_supply_chain_cooperation(
    extractor: Extractor,
) -> None:
    text = "Tokyo and Canberra are negotiating a security of supply arrangement."
    c = only(extractor, text, E.SUPPLY_CHAIN_COOPERATION)
    assert countries(c, Role.PARTICIPANT) == {"JPN", "AUS"}


def test_a_leaders_own_visit_and_talks(extractor: Extractor) -> None:
    c = only(extractor, "Scholz arrived by train on his first visit to Poland.", E.LEADERS_MEETING)
    assert countries(c, Role.PARTICIPANT) == {"DEU", "POL"}
    text = "President Macron travelled to Berlin for talks with Chancellor Scholz."
    c = only(extractor, text, E.LEADERS_MEETING)
    assert countries(c, Role.PARTICIPANT) >= {"FRA", "DEU"}


@pytest.mark.parametrize(
    ("text", "states"),
    [
        ("The Polish president is expected to travel to Seoul next month.", {"POL", "KOR"}),
        ("Chancellor Olaf Scholz will fly to Beijing on Thursday.", {"DEU", "CHN"}),
        ("Japan's defence minister went to Canberra on Monday.", {"JPN", "AUS"}),
    ],
)
def test_a_leader_travelling_to_a_state_meets_its_leaders(
    extractor: Extractor, text: str, states: set[str]
) -> None:
    c = only(extractor, text, E.LEADERS_MEETING)
    assert countries(c, Role.PARTICIPANT) == states


def test_a_visit_named_by_its_visitor_is_a_meeting(extractor: Extractor) -> None:
    text = (
        "Japan's prime minister, Fumio Kishida, arrived on Sunday. "
        "Mr Kishida's two-day visit to Manila ended with a dinner."
    )
    [met] = events_of(extractor.extract(article(text, PUBLISHED)), E.LEADERS_MEETING)
    assert isos(met, Role.PARTICIPANT) == {"JPN", "PHL"}
    text = "Polish troops will travel to Germany for the exercise."
    assert E.LEADERS_MEETING not in {c.type for c in candidates(extractor, text)}


@pytest.mark.parametrize(
    "text",
    [
        "The emir is expected in Rome in the coming weeks for talks with Prime Minister Meloni.",
        "President Macron is expected in Berlin for talks with Chancellor Scholz.",
    ],
)
def test_talks_a_leader_is_expected_somewhere_for_lie_ahead(
    extractor: Extractor, text: str
) -> None:
    c = only(extractor, text, E.LEADERS_MEETING)
    assert c.status is Status.EXPECTED


def test_sitting_down_with_a_leader_is_a_meeting(extractor: Extractor) -> None:
    text = "President Macron sat down with Chancellor Scholz in Potsdam on May 3, 2023."
    c = only(extractor, text, E.LEADERS_MEETING)
    assert countries(c, Role.PARTICIPANT) == {"FRA", "DEU"}
    assert c.date == EventDate(2023, 5, 3)
    assert E.LEADERS_MEETING not in {c.type for c in candidates(extractor, "Macron sat down.")}


@pytest.mark.parametrize(
    ("text", "states"),
    [
        (
            "Starmer announced the purchase after hosting European leaders, the NATO secretary "
            "general and Canada's prime minister at Lancaster House.",
            {"GBR", "CAN"},
        ),
        ("Macron hosted the leaders of Germany and Poland in Paris.", {"FRA", "DEU", "POL"}),
        ("Erdogan hosted the Swedish prime minister in Ankara.", {"TUR", "SWE"}),
    ],
)
def test_hosting_leaders_is_a_meeting_of_their_states(
    extractor: Extractor, text: str, states: set[str]
) -> None:
    """Leaders hosted meet their host, each named leader's state taking part, even in a list
    the parser breaks; a gerund under 'after' a report is done."""
    c = only(extractor, text, E.LEADERS_MEETING)
    assert countries(c, Role.PARTICIPANT) == states
    assert c.status is Status.COMPLETED


def test_a_when_or_as_clause_takes_the_date_of_its_main_clause(extractor: Extractor) -> None:
    text = "The plan took shape last October, when President Macron visited Warsaw."
    assert only(extractor, text, E.LEADERS_MEETING).date == EventDate(2023, 10)
    text = "Scholz warned on Tuesday that stocks were low, as he hosted President Macron."
    assert only(extractor, text, E.LEADERS_MEETING).date == EventDate(2024, 3, 5)
    text = "The plan took shape last October, after President Macron visited Warsaw."
    assert only(extractor, text, E.LEADERS_MEETING).date is None


def test_a_date_the_parser_hangs_on_an_object_is_still_the_clause_s(
    extractor: Extractor,
) -> None:
    text = "Spain signed a deal worth $1 billion on Monday to buy howitzers from Korea."
    (deal,) = [c for c in candidates(extractor, text) if c.trigger.text == "buy"]
    assert deal.date == EventDate(2024, 3, 4)
    text = "Spain signed a contract for the Leopard tanks delivered in 2020."
    (contract,) = [c for c in candidates(extractor, text) if c.trigger.text == "contract"]
    assert contract.date is None
    text = "It follows a decision taken last December, when the cabinet revised the export rules."
    assert only(extractor, text, E.POLICY_CHANGE).date == EventDate(2023, 12)


def test_a_pronoun_in_a_clause_on_a_small_clause_takes_up_its_subject(
    extractor: Extractor,
) -> None:
    text = (
        "Brazil is weighing the frigate, a choice that would make Italy the supplier of "
        "its largest export since it began relaxing its export rules."
    )
    c = only(extractor, text, E.POLICY_CHANGE)
    assert countries(c, Role.PARTICIPANT) == {"ITA"}


def test_a_report_s_weekday_points_the_way_of_the_report(extractor: Extractor) -> None:
    text = "Spain will buy 20 more Leopard tanks from Germany, the minister said on Monday."
    c = only(extractor, text, E.ARMS_TRANSFER)
    assert (c.date, c.date_reported) == (EventDate(2024, 3, 4), True)


@pytest.mark.parametrize(
    "text",
    [
        "German plants cannot make enough shells to meet Ukraine's daily consumption.",
        "Seoul's exports helped meet Poland's need for howitzers.",
    ],
)
def test_meeting_a_demand_is_no_leaders_meeting(extractor: Extractor, text: str) -> None:
    assert E.LEADERS_MEETING not in {c.type for c in candidates(extractor, text)}


def test_ministers_talks_are_no_leaders_meeting(extractor: Extractor) -> None:
    text = "Defence Minister Marles held talks with his Japanese counterpart in Tokyo."
    kinds = {c.type for c in candidates(extractor, text)}
    assert E.LEADERS_MEETING not in kinds


def test_a_legislature_approving_or_voting_changes_policy(extractor: Extractor) -> None:
    c = only(extractor, "Spain's parliament approved it in March.", E.POLICY_CHANGE)
    assert countries(c, Role.PARTICIPANT) == {"ESP"}
    assert c.status is Status.AGREED
    text = "The Danish parliament will vote on the defence bill on Tuesday."
    c = only(extractor, text, E.POLICY_CHANGE)
    assert countries(c, Role.PARTICIPANT) == {"DNK"}
    assert c.status is Status.EXPECTED  # a legislature's vote is scheduled, not intended


def test_written_into_the_constitution(extractor: Extractor) -> None:
    text = "Norway's lawmakers wrote the spending rule into the constitution in May 2021."
    c = only(extractor, text, E.POLICY_CHANGE)
    assert countries(c, Role.PARTICIPANT) == {"NOR"}
    assert c.date == EventDate(2021, 5)


@pytest.mark.parametrize(
    "text",
    [
        "Much of the $4 billion that Congress has just approved to restock Israel's "
        "interceptors will be spent in Arizona.",
        "The German parliament approved 3 billion euros for new frigates last week.",
    ],
)
def test_a_sum_a_legislature_votes_is_no_policy_change(extractor: Extractor, text: str) -> None:
    assert E.POLICY_CHANGE not in {c.type for c in candidates(extractor, text)}


def test_a_legislature_approving_a_sale_is_no_policy_change(extractor: Extractor) -> None:
    kinds = {c.type for c in candidates(extractor, "Congress approved the sale of F-16s.")}
    assert E.POLICY_CHANGE not in kinds


def test_a_squadron_of_jets_handed_over_is_a_transfer(extractor: Extractor) -> None:
    text = "Slovakia has given Kyiv 20 tanks and a squadron of MiG-29 fighter jets."
    kinds = {c.type for c in candidates(extractor, text)}
    assert E.ARMS_TRANSFER in kinds and E.PERSONNEL_DEPLOYMENT not in kinds


def test_goods_cleared_for_shipment(extractor: Extractor) -> None:
    text = "Seoul cleared K9 howitzers made by Hanwha Aerospace for shipment to Norway."
    c = only(extractor, text, E.ARMS_TRANSFER)
    assert countries(c, Role.RECIPIENT) == {"NOR"}
    assert c.roles.get(Role.MATERIEL)


def test_a_repair_hub_abroad_serves_the_host_state(extractor: Extractor) -> None:
    text = "Rolls-Royce will open an engine repair facility in Poland."
    c = only(extractor, text, E.MAINTENANCE_COOPERATION)
    assert countries(c, Role.PROVIDER) == {"GBR"}
    assert countries(c, Role.CLIENT) == {"POL"}


@pytest.mark.parametrize(
    ("text", "provider", "client", "status"),
    [
        ("Saab is weighing a maintenance hub in Hungary.", "SWE", "HUN", Status.CONSIDERED),
        (
            "Leonardo plans a repair depot in Spain for its helicopters.",
            "ITA",
            "ESP",
            Status.PLANNED,
        ),
        (
            "Rheinmetall is considering a repair centre in Lithuania for the Boxers.",
            "DEU",
            "LTU",
            Status.CONSIDERED,
        ),
    ],
)
def test_a_repair_works_weighed_or_planned_abroad(
    extractor: Extractor, text: str, provider: str, client: str, status: Status
) -> None:
    c = only(extractor, text, E.MAINTENANCE_COOPERATION)
    assert provider in countries(c, Role.PROVIDER)
    assert countries(c, Role.CLIENT) == {client}
    assert c.status is status


def test_who_and_what_is_deployed(extractor: Extractor) -> None:
    c = only(extractor, "Hungary sent a batch of 200 soldiers to Bosnia.", E.PERSONNEL_DEPLOYMENT)
    assert countries(c, Role.PARTICIPANT) == {"HUN"}
    c = only(extractor, "Italian troops were deployed to Latvia.", E.PERSONNEL_DEPLOYMENT)
    assert countries(c, Role.PARTICIPANT) == {"ITA"}


@pytest.mark.parametrize(
    "text",
    [
        "The pact gives U.S. forces access to bases in Norway.",
        "The HIMARS launchers will arrive in Poland next month.",
    ],
)
def test_no_deployment(extractor: Extractor, text: str) -> None:
    assert E.PERSONNEL_DEPLOYMENT not in {c.type for c in candidates(extractor, text)}


def test_no_forces_deployed_is_a_negated_deployment(extractor: Extractor) -> None:
    c = only(extractor, "No German troops will be deployed to Ukraine.", E.PERSONNEL_DEPLOYMENT)
    assert c.modality.negated


def test_allowing_exports_changes_the_export_rules(extractor: Extractor) -> None:
    text = "Seoul's cabinet is considering whether to allow exports of the new tank to Africa."
    found = candidates(extractor, text)
    (c,) = [c for c in found if c.type is E.POLICY_CHANGE]
    assert countries(c, Role.PARTICIPANT) == {"KOR"}
    assert c.status is Status.CONSIDERED
    assert E.ARMS_TRANSFER not in {c.type for c in found}


def test_what_the_rules_already_allow_is_no_policy_change(extractor: Extractor) -> None:
    text = "Tokyo's rules allow finished weapons to be sold abroad for rescue missions."
    assert E.POLICY_CHANGE not in {c.type for c in candidates(extractor, text)}


def test_an_occasion_shares_the_date_of_what_happened_at_it(extractor: Extractor) -> None:
    text = "Macron and Scholz signed a drone deal on Friday at their first summit."
    c = only(extractor, text, E.LEADERS_MEETING)
    assert c.date == EventDate(2024, 3, 8)


def test_a_trip_does_not_date_the_meeting_it_is_for(extractor: Extractor) -> None:
    text = "Chancellor Scholz left for Paris on Sunday for a meeting with President Macron."
    c = only(extractor, text, E.LEADERS_MEETING)
    assert c.date is None


def test_a_past_clause_dates_backwards_whatever_the_status(extractor: Extractor) -> None:
    text = "In October, Washington cleared a possible sale of NASAMS to Taiwan."
    (c,) = [c for c in candidates(extractor, text, date(2025, 1, 14)) if c.trigger.text == "sale"]
    assert c.date == EventDate(2024, 10)
    text = "Japan and the United States agreed in June to set up a working group."
    (c,) = [c for c in candidates(extractor, text, date(2024, 9, 12)) if c.trigger.text == "set"]
    assert c.date == EventDate(2024, 6)


def test_this_month_is_not_ahead_of_the_article(extractor: Extractor) -> None:
    text = "North Korea has sent 1,500 troops to Russia earlier this month."
    c = only(extractor, text, E.PERSONNEL_DEPLOYMENT)
    assert c.date == EventDate(2024, 3)
    assert c.status is Status.COMPLETED


def test_what_a_relative_clause_agreed_to_send(extractor: Extractor) -> None:
    text = "The Gripen jets that Sweden agreed to send to Ukraine will arrive in May."
    (c,) = [c for c in candidates(extractor, text) if c.trigger.text == "send"]
    assert countries(c, Role.SUPPLIER) | countries(c, Role.DONOR) == {"SWE"}
    assert countries(c, Role.RECIPIENT) == {"UKR"}
    assert c.roles.get(Role.MATERIEL)


def test_a_seller_named_among_the_sources(extractor: Extractor) -> None:
    text = "Canada has bought rockets from partners to refill its stocks, including from Norway."
    c = only(extractor, text, E.ARMS_TRANSFER)
    assert countries(c, Role.RECIPIENT) == {"CAN"}
    assert "NOR" in countries(c, Role.SUPPLIER)


def test_a_source_named_without_a_name_stays_open(extractor: Extractor) -> None:
    c = only(extractor, "Canada has bought rockets from foreign suppliers.", E.ARMS_TRANSFER)
    assert Role.SUPPLIER not in c.roles and Role.SUPPLIER in c.unnamed


@pytest.mark.parametrize(
    "text",
    [
        "Norway committed $300 million in grants to Moldova.",
        "The Storting approved $300 million for Moldova in March.",
        "The European Union pledged 40 million euros to bolster the defence of Moldova.",
        "Norway committed $30 million over five years to strengthen security in Moldova.",
    ],
)
def test_a_sum_granted_to_a_state_is_aid(extractor: Extractor, text: str) -> None:
    """A sum granted to or for a state, or to strengthen its security, is aid to it."""
    c = only(extractor, text, E.MILITARY_AID)
    assert countries(c, Role.RECIPIENT) == {"MDA"}
    assert E.POLICY_CHANGE not in {c.type for c in candidates(extractor, text)}


@pytest.mark.parametrize(
    "text",
    [
        "Japan pledged 20 million dollars to build schools in Ghana.",
        "Poland committed 5 billion zlotys to strengthen its own defence.",
    ],
)
def test_a_sum_for_other_aims_or_ones_own_security_is_no_aid(
    extractor: Extractor, text: str
) -> None:
    assert not [c for c in candidates(extractor, text) if c.type is E.MILITARY_AID]


def test_the_state_receiving_a_sum_is_the_recipient(extractor: Extractor) -> None:
    text = "Jordan values the $1.5 billion a year it receives from the United States."
    c = only(extractor, text, E.MILITARY_AID)
    assert countries(c, Role.RECIPIENT) == {"JOR"}
    assert countries(c, Role.DONOR) == {"USA"}
    text = "That is more than the $1.5 billion a year Jordan receives."
    c = only(extractor, text, E.MILITARY_AID)
    assert countries(c, Role.RECIPIENT) == {"JOR"}


def test_what_the_money_buys_details_an_earlier_event(extractor: Extractor) -> None:
    text = "Officials said the money would buy Stinger missiles and HIMARS rockets."
    c = only(extractor, text, E.MILITARY_AID)
    assert c.elaboration and not c.actor_iris()
    assert c.roles.get(Role.MATERIEL)


def test_a_contract_for_materiel_is_a_transfer(extractor: Extractor) -> None:
    text = "The Dutch defence ministry signed a contract for 155mm shells on Monday."
    c = only(extractor, text, E.ARMS_TRANSFER)
    assert countries(c, Role.RECIPIENT) == {"NLD"} and Role.SUPPLIER not in c.roles
    c = only(extractor, "Nammo won a contract from Norway for 155mm shells.", E.ARMS_TRANSFER)
    assert countries(c, Role.RECIPIENT) == {"NOR"}
    assert "Nammo" in {e.label for e in c.roles[Role.SUPPLIER].values()}


def test_a_contract_whose_verb_reports_the_transfer_is_no_second_trigger(
    extractor: Extractor,
) -> None:
    text = "Hanwha Aerospace signed a contract to supply K9 howitzers to Estonia."
    (c,) = [c for c in candidates(extractor, text) if c.type is E.ARMS_TRANSFER]
    assert c.trigger.text == "supply"


def test_shipments_that_drew_down_a_stock_ship_what_it_holds(extractor: Extractor) -> None:
    text = "Poland's stocks of shells have been depleted by deliveries to Ukraine."
    c = only(extractor, text, E.ARMS_TRANSFER)
    assert countries(c, Role.SUPPLIER) == {"POL"} and countries(c, Role.RECIPIENT) == {"UKR"}
    assert c.roles.get(Role.MATERIEL)


def test_a_gapped_clause_gives_a_second_giver(extractor: Extractor) -> None:
    text = "Oslo has pledged 12 Leopard tanks to Ukraine and Sweden 10."
    found = [c for c in candidates(extractor, text) if c.type is E.MILITARY_AID]
    assert [(countries(c, Role.DONOR), countries(c, Role.RECIPIENT)) for c in found] == [
        ({"NOR"}, {"UKR"}),
        ({"SWE"}, {"UKR"}),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The guidelines widen the range of equipment that Seoul can give to states under attack.",
        "Under the new rules, finished tanks can be sold to partners.",
        "Berlin relaxed its rules to let howitzers made under licence be exported to Norway.",
        "The rules allow finished weapons to be transferred to Poland.",
        "The deal will allow allies to refill their stocks and to send Ukraine more shells.",
    ],
)
def test_what_a_state_can_or_may_transfer_is_no_transfer(extractor: Extractor, text: str) -> None:
    kinds = {c.type for c in candidates(extractor, text)}
    assert not kinds & {E.ARMS_TRANSFER, E.MILITARY_AID}


def test_arming_a_state_is_aid(extractor: Extractor) -> None:
    text = "Britain has drained its stocks of shells while arming Ukraine."
    c = only(extractor, text, E.MILITARY_AID)
    assert countries(c, Role.DONOR) == {"GBR"} and countries(c, Role.RECIPIENT) == {"UKR"}


def test_a_government_body_of_no_named_state_is_the_home_states(extractor: Extractor) -> None:
    text = (
        "Norway approved new export rules. The Defence Export Council then approved the "
        "transfer of NASAMS launchers to Ukraine."
    )
    (c,) = [c for c in candidates(extractor, text) if c.type is E.ARMS_TRANSFER]
    assert countries(c, Role.SUPPLIER) == {"NOR"} and countries(c, Role.RECIPIENT) == {"UKR"}


def test_what_a_deal_gives_is_its_result_not_a_transfer(extractor: Extractor) -> None:
    text = "Finland cleared the purchase, which would give Estonia the largest HIMARS fleet."
    found = [c for c in candidates(extractor, text) if c.trigger.text == "give"]
    assert not found


def test_the_seller_named_on_the_goods_of_a_purchase(extractor: Extractor) -> None:
    text = "Chile is weighing the purchase of American fighter jets."
    c = only(extractor, text, E.ARMS_TRANSFER)
    assert countries(c, Role.RECIPIENT) == {"CHL"} and countries(c, Role.SUPPLIER) == {"USA"}


def test_the_state_that_cleared_the_goods_sells_them(extractor: Extractor) -> None:
    text = "The programme covers the purchase of 50 Tomahawk missiles that the U.S. approved."
    c = only(extractor, text, E.ARMS_TRANSFER)
    assert countries(c, Role.SUPPLIER) == {"USA"}


@pytest.mark.parametrize(
    "text",
    [
        "Officials called it the largest transfer of French engine technology to Brazil.",
        "Swedish yards have never transferred a submarine design to Poland.",
        "The group will give Seoul a greater say in the use of U.S. nuclear weapons.",
    ],
)
def test_knowledge_or_a_say_given_is_no_transfer(extractor: Extractor, text: str) -> None:
    kinds = {c.type for c in candidates(extractor, text)}
    assert not kinds & {E.ARMS_TRANSFER, E.MILITARY_AID}


def test_what_a_copula_says_the_transfer_was(extractor: Extractor) -> None:
    text = "Sweden's first export of defence equipment was a batch of radars made for Estonia."
    c = only(extractor, text, E.ARMS_TRANSFER)
    assert countries(c, Role.SUPPLIER) == {"SWE"} and countries(c, Role.RECIPIENT) == {"EST"}
    assert "radar" in {e.label for e in c.roles[Role.MATERIEL].values()}


def test_a_bare_count_pledged_takes_the_items_named_before(extractor: Extractor) -> None:
    text = "Norway has pledged 12 Leopard tanks to Ukraine. Finland has pledged six more."
    extraction = extractor.extract(Article(id="x", text=text, published=PUBLISHED))
    donors = {
        iso
        for e in extraction.events
        if "Leopard 2" in {m.label for m in e.fillers(Role.MATERIEL)}
        for iso in {a.iri.rsplit("/", 1)[1] for a in e.fillers(Role.DONOR)}
    }
    assert donors == {"NOR", "FIN"}


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Hanwha Ocean has since refitted a second ship, the fleet oiler USNS Yukon.", "Yukon"),
        ("The yard overhauled another vessel, the dry cargo ship USNS Alan Shepard.", "Shepard"),
    ],
)
def test_the_ship_named_after_the_object_is_the_one_serviced(
    extractor: Extractor, text: str, named: str
) -> None:
    c = only(extractor, text, E.MAINTENANCE_COOPERATION)
    assert any(named in e.label for e in c.roles[Role.MATERIEL].values())


@pytest.mark.parametrize(
    ("text", "short"),
    [
        ("Germany gave Ukraine its PzH 2000 guns, leaving the Bundeswehr short of barrels.", "DEU"),
        ("The Netherlands is running short of F-16 squadrons.", "NLD"),
        ("The Royal Navy is short of crews for its new frigates.", "GBR"),
    ],
)
def test_a_force_short_of_fighting_units(extractor: Extractor, text: str, short: str) -> None:
    c = only(extractor, text, E.CAPACITY_SHORTFALL)
    assert countries(c, Role.PARTICIPANT) == {short}
    assert c.roles[Role.MATERIEL]


def test_the_air_force_short_of_squadrons_is_the_home_states(extractor: Extractor) -> None:
    text = (
        "India has ordered Tejas jets. GE Aerospace shipped the engines late, leaving the air "
        "force short of squadrons."
    )
    c = only(extractor, text, E.CAPACITY_SHORTFALL)
    assert countries(c, Role.PARTICIPANT) == {"IND"}


@pytest.mark.parametrize(
    ("text", "short", "system"),
    [
        (
            "Taiwan ordered Harpoon missiles in 2020. Production lines in the United States "
            "have been stretched by orders for Ukraine.",
            "USA",
            "Harpoon",
        ),
        (
            "Poland is buying K9 howitzers. Korean factories are strained by orders from Europe.",
            "KOR",
            "K9",
        ),
        (
            "The Navy needs more Virginia-class submarines. American shipyards are stretched thin.",
            "USA",
            "Virginia",
        ),
    ],
)
def test_strained_works_fall_short_of_the_system_told_before(
    extractor: Extractor, text: str, short: str, system: str
) -> None:
    found = [c for c in candidates(extractor, text) if c.trigger.lemma_ in {"stretch", "strain"}]
    assert [c.type for c in found] == [E.CAPACITY_SHORTFALL]
    assert countries(found[0], Role.PARTICIPANT) == {short}
    assert any(system in e.label for e in found[0].roles[Role.MATERIEL].values())


def test_short_of_what_is_no_unit_is_no_shortfall(extractor: Extractor) -> None:
    kinds = {c.type for c in candidates(extractor, "The summit left Poland short of answers.")}
    assert E.CAPACITY_SHORTFALL not in kinds


def test_ships_sent_to_foreign_yards_for_overhaul(extractor: Extractor) -> None:
    text = "The Philippine Navy plans to send its frigates to South Korean shipyards for refits."
    kinds = {c.type for c in candidates(extractor, text)}
    assert E.ARMS_TRANSFER not in kinds and E.MILITARY_AID not in kinds
    c = only(extractor, text, E.MAINTENANCE_COOPERATION)
    assert countries(c, Role.CLIENT) == {"PHL"}
    assert countries(c, Role.PROVIDER) == {"KOR"}
    assert c.roles.get(Role.MATERIEL)


def test_an_overhaul_is_maintenance_unless_it_overhauls_rules(extractor: Extractor) -> None:
    maintenance = "Polish yards carried out an overhaul of two Norwegian submarines."
    assert only(extractor, maintenance, E.MAINTENANCE_COOPERATION)
    policy = "Seoul announced an overhaul of its export rules."
    assert E.MAINTENANCE_COOPERATION not in {c.type for c in candidates(extractor, policy)}


def test_repair_jobs_and_the_people_counted_who_do_them(extractor: Extractor) -> None:
    text = "Hundreds of Polish technicians have done repair jobs on German tanks."
    c = only(extractor, text, E.MAINTENANCE_COOPERATION)
    assert countries(c, Role.PROVIDER) == {"POL"}
    assert countries(c, Role.CLIENT) == {"DEU"}


def test_stocks_drained_belong_to_who_replenishes_them(extractor: Extractor) -> None:
    text = "Madrid seeks help replenishing munitions stocks drained by the war."
    c = only(extractor, text, E.CAPACITY_SHORTFALL)
    assert countries(c, Role.PARTICIPANT) == {"ESP"}
    assert c.status is Status.ONGOING


def test_the_items_an_including_phrase_lists(extractor: Extractor) -> None:
    text = "About $2 billion of it is military aid, including $1 billion to buy NASAMS launchers."
    (c,) = [c for c in candidates(extractor, text) if c.trigger.text == "aid"]
    assert "NASAMS" in {e.label for e in c.roles.get(Role.MATERIEL, {}).values()}


def test_a_bodys_session_is_no_leaders_meeting(extractor: Extractor) -> None:
    text = "Japan and Australia agreed at the first meeting of their defence council to share data."
    assert E.LEADERS_MEETING not in {c.type for c in candidates(extractor, text)}


@pytest.mark.parametrize(
    ("text", "short"),
    [
        (
            "The European Union plans to deliver a million artillery rounds have fallen short.",
            "European Union",
        ),
        ("NATO signed a contract to refill the dwindling stocks of its member countries.", "NATO"),
    ],
)
def test_plans_falling_short_and_dwindling_stocks(
    extractor: Extractor, text: str, short: str
) -> None:
    c = only(extractor, text, E.CAPACITY_SHORTFALL)
    assert c.actor_iris() == {entity_iri("Organization", short)}


def test_the_ministers_are_of_the_pair_in_focus(extractor: Extractor) -> None:
    text = (
        "Japan and Australia held talks in Tokyo. "
        "The four ministers agreed to negotiate a separate pact on sharing fuel."
    )
    (c,) = [c for c in candidates(extractor, text) if c.trigger.text == "pact"]
    assert countries(c, Role.PARTICIPANT) == {"JPN", "AUS"}


def test_the_leaders_are_as_many_as_the_group_last_counted(extractor: Extractor) -> None:
    text = (
        "The three countries, Japan, South Korea and the United States, met at Camp David. "
        "The leaders agreed to hold trilateral military exercises every year."
    )
    c = only(extractor, text, E.DEFENSE_COOPERATION)
    assert countries(c, Role.PARTICIPANT) == {"JPN", "KOR", "USA"}


def test_the_allies_just_named_in_the_sentence(extractor: Extractor) -> None:
    text = (
        "The three countries met in August. When Yoon met Biden in April, the allies "
        "set up a Nuclear Consultative Group."
    )
    (c,) = [c for c in candidates(extractor, text) if c.type is E.DEFENSE_COOPERATION]
    assert countries(c, Role.PARTICIPANT) == {"KOR", "USA"}


@pytest.mark.parametrize(
    ("text", "cooperation"),
    [
        ("Poland and Lithuania will hold joint drills near the border.", True),
        ("Seoul and Tokyo agreed to consult each other in a crisis.", True),
        ("Japan will send troops to the Philippines for joint exercises.", False),
    ],
)
def test_exercising_and_consulting_together(
    extractor: Extractor, text: str, cooperation: bool
) -> None:
    kinds = {c.type for c in candidates(extractor, text)}
    assert (E.DEFENSE_COOPERATION in kinds) is cooperation


def test_leading_a_battlegroup_abroad_is_an_ongoing_deployment(extractor: Extractor) -> None:
    text = "Canada has led NATO's battlegroup in Latvia since 2017."
    c = only(extractor, text, E.PERSONNEL_DEPLOYMENT)
    assert countries(c, Role.PARTICIPANT) == {"CAN"}
    assert countries(c, Role.LOCATION) == {"LVA"}
    assert c.status is Status.ONGOING
    assert c.date == EventDate(2017)


def test_a_design_named_in_one_word_makes_its_state_a_partner(extractor: Extractor) -> None:
    text = "Poland will start producing Korean-designed howitzers next year."
    c = only(extractor, text, E.JOINT_PRODUCTION)
    assert countries(c, Role.PARTICIPANT) == {"POL", "KOR"}


def test_the_platform_a_product_is_made_for_is_not_the_product(extractor: Extractor) -> None:
    text = "Norway and Poland will jointly produce missiles for Patriot launchers."
    c = only(extractor, text, E.JOINT_PRODUCTION)
    assert {e.label for e in c.roles[Role.MATERIEL].values()} == {"missile"}


def test_the_object_of_urge_does_what_it_is_urged_to(extractor: Extractor) -> None:
    text = "Washington urged Tokyo to send its troops to Australia."
    c = only(extractor, text, E.PERSONNEL_DEPLOYMENT)
    assert countries(c, Role.PARTICIPANT) == {"JPN"}


@pytest.mark.parametrize(
    ("text", "sender", "place"),
    [
        ("The UK is moving 1,000 troops to Estonia.", "GBR", "EST"),
        ("The United States keeps about 28,500 troops in South Korea.", "USA", "KOR"),
        ("Italy has committed 1,000 soldiers to a multinational force in Romania.", "ITA", "ROU"),
        ("Some 700 Australian soldiers will be posted to the Philippines.", "AUS", "PHL"),
    ],
)
def test_forces_put_somewhere_are_deployed(
    extractor: Extractor, text: str, sender: str, place: str
) -> None:
    c = only(extractor, text, E.PERSONNEL_DEPLOYMENT)
    assert countries(c, Role.PARTICIPANT) == {sender}
    assert countries(c, Role.LOCATION) == {place}


@pytest.mark.parametrize(
    "text",
    ["Poland has offered to host more American troops.", "Lithuania will host German troops."],
)
def test_a_host_of_forces_and_their_state_take_part(extractor: Extractor, text: str) -> None:
    c = only(extractor, text, E.PERSONNEL_DEPLOYMENT)
    assert {"USA", "DEU"} & countries(c, Role.PARTICIPANT)
    assert countries(c, Role.PARTICIPANT) & {"POL", "LTU"}


def test_moving_a_factory_is_no_deployment(extractor: Extractor) -> None:
    text = "Rheinmetall is moving its production line to Hungary."
    assert E.PERSONNEL_DEPLOYMENT not in {c.type for c in candidates(extractor, text)}


@pytest.mark.parametrize(
    ("text", "sender"),
    [
        ("The deployment of 2,000 U.S. Marines to Australia began in April.", "USA"),
        ("The redeployment of British troops to Estonia was completed in May.", "GBR"),
    ],
)
def test_the_forces_of_a_deployment_noun_are_their_state_s(
    extractor: Extractor, text: str, sender: str
) -> None:
    c = only(extractor, text, E.PERSONNEL_DEPLOYMENT)
    assert sender in countries(c, Role.PARTICIPANT)


@pytest.mark.parametrize(
    "text",
    [
        "Erdogan welcomed Kristersson to Ankara on Tuesday.",
        "Biden received Marcos at the White House.",
        "Yoon Suk Yeol and Joe Biden are scheduled to meet in April.",
        "The leaders of Japan, South Korea and the United States gathered at Camp David.",
    ],
)
def test_leaders_received_gathered_or_due_to_meet(extractor: Extractor, text: str) -> None:
    c = only(extractor, text, E.LEADERS_MEETING)
    assert len(countries(c, Role.PARTICIPANT)) >= 2


@pytest.mark.parametrize(
    "text",
    [
        "Poland received the first tanks last year.",
        "Shareholders gathered in Stockholm on Monday.",
    ],
)
def test_receiving_goods_or_gathering_people_is_no_meeting(extractor: Extractor, text: str) -> None:
    assert E.LEADERS_MEETING not in {c.type for c in candidates(extractor, text)}


@pytest.mark.parametrize(
    ("text", "sender"),
    [
        ("American instructors are likely to visit Taiwan next year.", "USA"),
        ("Romanian gunners will go to South Korea for training.", "ROU"),
        ("Polish peacekeepers travelled to Lebanon in May.", "POL"),
    ],
)
def test_forces_visiting_or_going_somewhere_are_deployed(
    extractor: Extractor, text: str, sender: str
) -> None:
    c = only(extractor, text, E.PERSONNEL_DEPLOYMENT)
    assert countries(c, Role.PARTICIPANT) == {sender}
    assert E.LEADERS_MEETING not in {c.type for c in candidates(extractor, text)}


def test_a_clause_in_which_a_force_is_kept_waiting_is_no_deployment(
    extractor: Extractor,
) -> None:
    text = "It ended a wrangle in which the delay had kept the Turkish air force waiting."
    assert E.PERSONNEL_DEPLOYMENT not in {c.type for c in candidates(extractor, text)}


@pytest.mark.parametrize(
    "text",
    [
        "Starmer, who was received by President Erdogan at the palace, signed the deal.",
        "Marcos was welcomed by Kishida in Tokyo on Monday.",
    ],
)
def test_a_leader_received_by_another_meets_him(extractor: Extractor, text: str) -> None:
    c = only(extractor, text, E.LEADERS_MEETING)
    assert countries(c, Role.PARTICIPANT)


@pytest.mark.parametrize(
    "text",
    [
        "Canada and several allies are in talks with NATO about joining later packages.",
        "The two governments would also open talks on a defence procurement agreement.",
        "Seoul and Warsaw began talks over a deal for more tanks.",
    ],
)
def test_talks_that_negotiate_are_no_summit(extractor: Extractor, text: str) -> None:
    assert E.LEADERS_MEETING not in {c.type for c in candidates(extractor, text)}


@pytest.mark.parametrize(
    "text",
    [
        "The contract was inked during a visit by Prime Minister Keir Starmer to Ankara.",
        "Starmer, who was received by President Erdogan at the palace, signed the deal.",
    ],
)
def test_a_visit_by_a_leader_and_the_leader_received_meet(extractor: Extractor, text: str) -> None:
    (event,) = events_of(extractor.extract(article(text, PUBLISHED)), E.LEADERS_MEETING)
    assert {"GBR", "TUR"} <= isos(event, Role.PARTICIPANT)


@pytest.mark.parametrize(
    "text",
    [
        "Up to four Virginia-class submarines will rotate through Stirling from 2027.",
        "Two Patriot batteries were flown to Poland by U.S. Air Force crews.",
    ],
)
def test_craft_rotating_through_or_flown_in_by_forces_are_deployed(
    extractor: Extractor, text: str
) -> None:
    assert E.PERSONNEL_DEPLOYMENT in {c.type for c in candidates(extractor, text)}


@pytest.mark.parametrize(
    "text",
    [
        "Japan and France have started talks on a reciprocal access agreement.",
        "Manila and Tokyo have opened talks about a visiting forces agreement.",
    ],
)
def test_talks_negotiating_an_agreement_are_cooperation(extractor: Extractor, text: str) -> None:
    c = only(extractor, text, E.DEFENSE_COOPERATION)
    assert len(countries(c, Role.PARTICIPANT)) == 2
    assert E.LEADERS_MEETING not in {c.type for c in candidates(extractor, text)}


@pytest.mark.parametrize(
    "text",
    [
        "Kishida is considering a visit to Seoul later this year.",
        "Marcos is weighing a visit to Canberra next year.",
    ],
)
def test_a_visit_a_leader_weighs_or_plans_is_his(extractor: Extractor, text: str) -> None:
    c = only(extractor, text, E.LEADERS_MEETING)
    assert len(countries(c, Role.PARTICIPANT)) == 2


@pytest.mark.parametrize(
    ("text", "sender"),
    [
        ("A battalion of French troops arrived in Romania on Monday.", "FRA"),
        ("Two U.S. B-52 bombers landed in South Korea on Tuesday.", "USA"),
        ("The United States will establish a permanent military presence in Poland.", "USA"),
        ("Britain was prepared to put boots on the ground in Ukraine.", "GBR"),
        ("Germany wants a bigger naval presence in the Indo-Pacific.", "DEU"),
    ],
)
def test_forces_landed_arrived_or_present_somewhere(
    extractor: Extractor, text: str, sender: str
) -> None:
    c = only(extractor, text, E.PERSONNEL_DEPLOYMENT)
    assert sender in countries(c, Role.PARTICIPANT)


def test_a_commissioned_ship_arriving_is_not_delivered(extractor: Extractor) -> None:
    kinds = {c.type for c in candidates(extractor, "The USS Carl Vinson arrived in Busan.")}
    assert E.ARMS_TRANSFER not in kinds and E.MILITARY_AID not in kinds
    assert E.PERSONNEL_DEPLOYMENT in kinds


def test_a_market_presence_is_no_deployment(extractor: Extractor) -> None:
    text = "Hanwha wants a bigger presence in the European market."
    assert E.PERSONNEL_DEPLOYMENT not in {c.type for c in candidates(extractor, text)}


@pytest.mark.parametrize(
    ("text", "parties", "kind"),
    [
        (
            "The U.S. Navy awarded Hanwha Ocean a contract to maintain the oiler USNS Yukon.",
            {Role.PROVIDER: {"KOR"}, Role.CLIENT: {"USA"}},
            E.MAINTENANCE_COOPERATION,
        ),
        (
            "The Greek navy gave Naval Group a contract to overhaul its frigates.",
            {Role.PROVIDER: {"FRA"}, Role.CLIENT: {"GRC"}},
            E.MAINTENANCE_COOPERATION,
        ),
        (
            "Poland awarded Hanwha Aerospace a contract to supply 96 K9 howitzers.",
            {Role.SUPPLIER: {"KOR"}, Role.RECIPIENT: {"POL"}},
            E.ARMS_TRANSFER,
        ),
    ],
)
def test_who_is_awarded_a_contract_to_do_the_work_does_it_for_who_awarded_it(
    extractor: Extractor, text: str, parties: dict[Role, set[str]], kind: E
) -> None:
    c = only(extractor, text, kind)
    assert {role: countries(c, role) for role in parties} == parties


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("A British destroyer made a port call in Manila last week.", "GBR"),
        ("The Canadian frigate Ottawa will make a port call at Yokosuka in May.", "CAN"),
        ("Germany will lead the air policing mission over the Baltic states.", "DEU"),
    ],
)
def test_port_calls_and_air_policing_are_deployments(
    extractor: Extractor, text: str, state: str
) -> None:
    c = only(extractor, text, E.PERSONNEL_DEPLOYMENT)
    assert state in countries(c, Role.PARTICIPANT)


@pytest.mark.parametrize(
    "text",
    [
        "Biden and Kishida spoke by phone on Tuesday.",
        "President Yoon held a phone call with Prime Minister Kishida on Monday.",
    ],
)
def test_a_phone_call_is_no_summit(extractor: Extractor, text: str) -> None:
    assert E.LEADERS_MEETING not in {c.type for c in candidates(extractor, text)}


@pytest.mark.parametrize(
    ("text", "short"),
    [
        ("American air defence units are stretched thin across the Middle East.", "USA"),
        ("Britain's armed forces have been stretched thin by years of cuts.", "GBR"),
    ],
)
def test_forces_stretched_thin_are_short(extractor: Extractor, text: str, short: str) -> None:
    c = only(extractor, text, E.CAPACITY_SHORTFALL)
    assert countries(c, Role.PARTICIPANT) == {short}


def test_forces_stretched_over_missions_are_not_said_to_be_short(extractor: Extractor) -> None:
    text = "German troops are stretched across three missions."
    assert E.CAPACITY_SHORTFALL not in {c.type for c in candidates(extractor, text)}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        (
            "Hungary will buy four more Gripen jets from Sweden, the two leaders said.",
            E.ARMS_TRANSFER,
        ),
        ("Norway said it would donate two NASAMS systems to Ukraine.", E.MILITARY_AID),
        ("The K2PL tanks will be assembled in Poland by Bumar-Labedy.", E.JOINT_PRODUCTION),
        (
            "Denmark and the Netherlands will jointly fund howitzer production in Ukraine.",
            E.JOINT_PRODUCTION,
        ),
    ],
)
def test_a_named_partys_plain_future_is_its_decision(
    extractor: Extractor, text: str, kind: E
) -> None:
    assert only(extractor, text, kind).status is Status.AGREED


@pytest.mark.parametrize(
    ("text", "kind", "status"),
    [
        (
            "The plant will produce shells for Rheinmetall and Lithuania.",
            E.JOINT_PRODUCTION,
            Status.PLANNED,
        ),
        (
            "Under the draft, Japan would sell six frigates to Australia.",
            E.ARMS_TRANSFER,
            Status.PLANNED,
        ),
        (
            "Deliveries of the K9 howitzers to Poland will begin in 2026.",
            E.ARMS_TRANSFER,
            Status.EXPECTED,
        ),
        (
            "Analysts expect that Poland will buy more tanks from Korea.",
            E.ARMS_TRANSFER,
            Status.EXPECTED,
        ),
        ("Seoul will hold a summit with Washington in April.", E.LEADERS_MEETING, Status.EXPECTED),
    ],
)
def test_a_future_that_is_no_partys_decision(
    extractor: Extractor, text: str, kind: E, status: Status
) -> None:
    assert only(extractor, text, kind).status is status


@pytest.mark.parametrize(
    ("text", "kind", "when"),
    [
        (
            "Under a contract signed in December 2021, Hanwha is supplying howitzers to Australia.",
            E.ARMS_TRANSFER,
            EventDate(2021, 12),
        ),
        (
            "Poland receives K2 tanks from Korea under a deal it concluded in July 2022.",
            E.ARMS_TRANSFER,
            EventDate(2022, 7),
        ),
        (
            "The memorandum approved in 2016 gives Israel $3.8 billion a year in military aid.",
            E.MILITARY_AID,
            EventDate(2016),
        ),
    ],
)
def test_the_deal_an_event_runs_under_dates_it(
    extractor: Extractor, text: str, kind: E, when: EventDate
) -> None:
    assert only(extractor, text, kind).date == when


def test_a_clause_about_the_goods_does_not_date_the_event(extractor: Extractor) -> None:
    text = "Germany is sending Ukraine the Leopard tanks that it ordered in 2020."
    (c,) = [c for c in candidates(extractor, text) if c.trigger.text == "sending"]
    assert c.date is None


def test_a_clause_with_its_own_subject_keeps_its_own_date(extractor: Extractor) -> None:
    text = (
        "Western stocks of shells have been depleted by the war, and European production "
        "will not catch up before 2026."
    )
    c = only(extractor, text, E.CAPACITY_SHORTFALL)
    assert c.date is None and c.status is Status.ONGOING
    text = (
        "Poland signed the deal for K2 tanks with Korea in 2022, and deliveries will start in 2025."
    )
    assert only(extractor, text, E.ARMS_TRANSFER).date == EventDate(2022)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("The K2 tanks that Poland bought from South Korea will arrive in 2026.", Status.AGREED),
        (
            "The launchers Washington sold to Taiwan in 2020 are set to reach the island soon.",
            Status.AGREED,
        ),
        (
            "Jakarta is awaiting the Rafales it bought from France, which are due next year.",
            Status.AGREED,
        ),
        ("The K2 tanks that Poland bought from South Korea arrived last year.", Status.COMPLETED),
    ],
)
def test_a_sale_whose_goods_are_still_to_come_is_agreed(
    extractor: Extractor, text: str, status: Status
) -> None:
    assert only(extractor, text, E.ARMS_TRANSFER).status is status


@pytest.mark.parametrize(
    "text",
    [
        "Turkey has been looking for buyers for the Hurjet since the jet first flew in 2023.",
        "South Korea's KF-21 prototype flew in July 2022.",
    ],
)
def test_a_craft_flying_in_a_year_goes_nowhere(extractor: Extractor, text: str) -> None:
    extraction = extractor.extract(article(text, date(2025, 3, 10)))
    assert not events_of(extraction, E.PERSONNEL_DEPLOYMENT)


def test_a_craft_flying_to_a_place_in_a_month_is_deployed(extractor: Extractor) -> None:
    text = "Six American F-35 fighters flew to Australia in March for the exercise."
    (event,) = events_of(
        extractor.extract(article(text, date(2025, 3, 10))), E.PERSONNEL_DEPLOYMENT
    )
    assert isos(event, Role.PARTICIPANT) == {"USA"}


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("Canada will halt exports of drone cameras to Azerbaijan, the minister said.", "CAN"),
        ("Germany suspended arms sales to Turkey after the incursion.", "DEU"),
        ("The Italian government has a week to stop all exports of jet parts to Qatar.", "ITA"),
    ],
)
def test_exports_or_sales_halted_are_a_policy_of_the_state_halting_them(
    extractor: Extractor, text: str, state: str
) -> None:
    c = only(extractor, text, E.POLICY_CHANGE)
    assert c.trigger.lemma_ in {"halt", "suspend", "stop"}
    assert countries(c, Role.PARTICIPANT) == {state}


def test_buying_stopped_is_no_export_rule(extractor: Extractor) -> None:
    kinds = {c.type for c in candidates(extractor, "Poland will stop buying tanks from Germany.")}
    assert E.POLICY_CHANGE not in kinds
