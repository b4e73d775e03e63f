"""Transfers, aid and export-policy changes told in the many ways wire reports tell them."""

from __future__ import annotations

from datetime import date

import pytest

from alliance_kg.model import Role, Status
from alliance_kg.pipeline.extractor import Extractor
from extraction_support import E, article, candidates, countries, events_of, isos, only


@pytest.mark.parametrize(
    ("text", "supplier", "recipient"),
    [
        pytest.param(
            "Spain will lease two C-130 transport aircraft to Morocco.",
            "ESP",
            "MAR",
            id="lease or loan",
        ),
        pytest.param(
            "Norway agreed to loan Leopard 2 tanks to Slovakia.", "NOR", "SVK", id="lease or loan"
        ),
        pytest.param(
            "Poland signed a $2.6 billion deal for 152 K9 howitzers with South Korea.",
            "KOR",
            "POL",
            id="deal for materiel",
        ),
        pytest.param(
            "Manila sealed a deal with Seoul for 12 FA-50 jets.",
            "KOR",
            "PHL",
            id="deal for materiel",
        ),
        pytest.param(
            "Poland spent $2 billion on K2 tanks from South Korea.",
            "KOR",
            "POL",
            id="sum spent on materiel",
        ),
        pytest.param(
            "Berlin will spend 10 billion euros on F-35 jets from the United States.",
            "USA",
            "DEU",
            id="sum spent on materiel",
        ),
    ],
)
def test_who_supplies_and_who_receives(
    extractor: Extractor, text: str, supplier: str, recipient: str
) -> None:
    """Leases and loans, deals for materiel and sums spent on it: a sale, from and to whom."""
    c = only(extractor, text, E.ARMS_TRANSFER)
    assert countries(c, Role.SUPPLIER) == {supplier}
    assert countries(c, Role.RECIPIENT) == {recipient}


@pytest.mark.parametrize(
    "text",
    [
        "Australia gifted 90 Abrams tanks to Ukraine.",
        "Ottawa will gift NASAMS air defence systems to Kyiv.",
    ],
)
def test_a_gift_of_materiel_is_aid(extractor: Extractor, text: str) -> None:
    c = only(extractor, text, E.MILITARY_AID)
    assert countries(c, Role.RECIPIENT) == {"UKR"}
    assert c.roles[Role.MATERIEL]


@pytest.mark.parametrize(
    ("text", "donor", "recipient"),
    [
        ("Washington will fund the purchase of Patriot interceptors for Ukraine.", "USA", "UKR"),
        ("The Netherlands is paying for 100 Leopard tanks for Kyiv.", "NLD", "UKR"),
        ("Washington will finance Taiwan's purchase of HIMARS launchers.", "USA", "TWN"),
    ],
)
def test_paying_for_materiel_for_another_state_is_aid(
    extractor: Extractor, text: str, donor: str, recipient: str
) -> None:
    c = only(extractor, text, E.MILITARY_AID)
    assert countries(c, Role.DONOR) == {donor}
    assert countries(c, Role.RECIPIENT) == {recipient}
    assert E.ARMS_TRANSFER not in {x.type for x in candidates(extractor, text)}


def test_paying_for_ones_own_purchase_is_no_aid(extractor: Extractor) -> None:
    text = "Poland will pay for the tanks with a loan from Korean banks."
    assert E.MILITARY_AID not in {c.type for c in candidates(extractor, text)}


@pytest.mark.parametrize(
    "text",
    [
        "Germany scrapped its ban on weapons exports to Saudi Arabia.",
        "Tokyo abolished the restrictions on exports of lethal equipment.",
        "Sweden tightened its export controls on military equipment.",
        "The Netherlands imposed restrictions on exports of F-35 parts to Israel.",
        "Seoul changed its policy of not supplying weapons to countries at war.",
        "Berlin lifted its embargo on arms sales to Riyadh.",
    ],
)
def test_export_rules_scrapped_tightened_or_changed(extractor: Extractor, text: str) -> None:
    found = candidates(extractor, text)
    assert [c.type for c in found] == [E.POLICY_CHANGE]
    assert not found[0].modality.negated  # scrapping a ban is done, not denied


@pytest.mark.parametrize(
    "text",
    [
        "Tokyo relaxed its ban on exporting lethal weapons.",
        "South Korea adopted a new policy banning weapons sales to Russia.",
        "Parliament passed a law allowing arms exports to Poland.",
    ],
)
def test_transfers_a_rule_governs_are_no_transfers(extractor: Extractor, text: str) -> None:
    kinds = {c.type for c in candidates(extractor, text)}
    assert not kinds & {E.ARMS_TRANSFER, E.MILITARY_AID}


def test_scrapping_a_sale_still_denies_it(extractor: Extractor) -> None:
    c = only(extractor, "Berlin scrapped the sale of Leopard tanks to Riyadh.", E.ARMS_TRANSFER)
    assert c.modality.negated


@pytest.mark.parametrize(
    "text",
    [
        "The handover of 12 F-16 fighters from Norway to Ukraine was completed in May.",
        "Officials said the handover of the Leopard 2 tanks to Ukraine is under way.",
    ],
)
def test_a_handover_is_a_delivery(extractor: Extractor, text: str) -> None:
    (c,) = candidates(extractor, text)
    assert c.type in {E.ARMS_TRANSFER, E.MILITARY_AID}
    assert countries(c, Role.RECIPIENT) == {"UKR"}


@pytest.mark.parametrize(
    ("text", "supplier", "recipient"),
    [
        (
            "Australia is set to take three Virginia-class submarines from the United States.",
            "USA",
            "AUS",
        ),
        ("Manila will take two frigates from South Korea.", "KOR", "PHL"),
        (
            "Romania took delivery of its first HIMARS launchers from the United States.",
            "USA",
            "ROU",
        ),
        ("Slovakia will lease Leopard 2 tanks from Norway.", "NOR", "SVK"),
        ("Indonesia's acquisition of 42 Rafale jets from France is under way.", "FRA", "IDN"),
        (
            "Prague finalised its procurement of 24 F-35 aircraft from the United States.",
            "USA",
            "CZE",
        ),
    ],
)
def test_the_state_taking_or_buying_from_another_receives(
    extractor: Extractor, text: str, supplier: str, recipient: str
) -> None:
    (c,) = [c for c in candidates(extractor, text) if c.type in {E.ARMS_TRANSFER, E.MILITARY_AID}]
    giver = Role.SUPPLIER if c.type is E.ARMS_TRANSFER else Role.DONOR
    assert countries(c, giver) == {supplier}
    assert countries(c, Role.RECIPIENT) == {recipient}


def test_taking_part_is_no_transfer(extractor: Extractor) -> None:
    text = "Polish F-16 fighters will take part in drills with jets from the United States."
    assert not {c.type for c in candidates(extractor, text)} & {E.ARMS_TRANSFER, E.MILITARY_AID}


@pytest.mark.parametrize(
    "text",
    [
        "The Philippines has ordered 12 more FA-50 jets from South Korea.",
        "Greece ordered three frigates from France in 2022.",
    ],
)
def test_an_order_placed_is_agreed(extractor: Extractor, text: str) -> None:
    assert only(extractor, text, E.ARMS_TRANSFER).status is Status.AGREED


def test_goods_an_order_bought_that_arrived_are_delivered(extractor: Extractor) -> None:
    text = "The 24 Rafale fighters that Greece ordered from France arrived last year."
    assert only(extractor, text, E.ARMS_TRANSFER).status is Status.COMPLETED


@pytest.mark.parametrize(
    "text",
    [
        "South Korea's Hyundai Rotem opened a tank plant near Poznan, where workers are to "
        "assemble the 180 K2 tanks Poland has ordered.",
        "Rheinmetall opened a plant in Hungary last week to build the 218 Lynx vehicles that "
        "Hungary has ordered.",
    ],
)
def test_goods_ordered_that_are_still_to_be_made_are_agreed(
    extractor: Extractor, text: str
) -> None:
    assert only(extractor, text, E.ARMS_TRANSFER).status is Status.AGREED


@pytest.mark.parametrize(
    "second",
    [
        "In June, Manila ordered 12 more FA-50 jets from Seoul.",
        "Manila has now bought 12 more FA-50 jets from Seoul.",
    ],
)
def test_a_counted_further_order_is_another_transfer(extractor: Extractor, second: str) -> None:
    first = "The Philippines bought 12 FA-50 jets from South Korea in 2014."
    extraction = extractor.extract(article(f"{first} {second}", date(2025, 7, 1)))
    assert len(events_of(extraction, E.ARMS_TRANSFER)) == 2


@pytest.mark.parametrize(
    "text",
    [
        "Tokyo approved the sale of the finished fighter to third countries.",
        "Berlin cleared exports of Eurofighter jets to other countries.",
    ],
)
def test_sales_cleared_for_a_kind_of_state_are_an_export_rule(
    extractor: Extractor, text: str
) -> None:
    (c,) = candidates(extractor, text)
    assert c.type is E.POLICY_CHANGE
    assert c.roles[Role.MATERIEL]  # the fighter the rule is about


def test_a_sale_cleared_for_a_named_buyer_stays_a_sale(extractor: Extractor) -> None:
    text = "Berlin cleared the sale of Eurofighter jets to Turkey."
    assert [c.type for c in candidates(extractor, text)] == [E.ARMS_TRANSFER]


@pytest.mark.parametrize(
    "text",
    [
        "Japanese lawmakers are weighing a bill that would ease the arms export rules.",
        "The South Korean government is considering legislation on the export bank's capital.",
    ],
)
def test_a_bill_weighed_is_a_policy_change_considered(extractor: Extractor, text: str) -> None:
    c = next(c for c in candidates(extractor, text) if c.type is E.POLICY_CHANGE)
    assert c.status is Status.CONSIDERED


@pytest.mark.parametrize(
    "text",
    [
        "Oslo and Stockholm will put up $500 million for American-made weapons destined for Kyiv.",
        "Berlin set aside 1 billion euros for artillery shells for Ukraine.",
    ],
)
def test_a_sum_for_weapons_for_another_state_is_aid(extractor: Extractor, text: str) -> None:
    c = only(extractor, text, E.MILITARY_AID)
    assert countries(c, Role.RECIPIENT) == {"UKR"}


def test_a_sum_for_ones_own_weapons_is_no_aid(extractor: Extractor) -> None:
    text = "The Netherlands earmarked 250 million euros for ammunition."
    assert E.MILITARY_AID not in {c.type for c in candidates(extractor, text)}


@pytest.mark.parametrize(
    ("text", "supplier", "recipient"),
    [
        (
            "Turkey has put its signature to a deal for 20 Eurofighter jets from Britain.",
            "GBR",
            "TUR",
        ),
        ("Warsaw put its name on a contract for 152 K9 howitzers from South Korea.", "KOR", "POL"),
    ],
)
def test_putting_a_signature_to_a_deal_signs_it(
    extractor: Extractor, text: str, supplier: str, recipient: str
) -> None:
    c = only(extractor, text, E.ARMS_TRANSFER)
    assert c.status is Status.AGREED
    assert countries(c, Role.SUPPLIER) == {supplier}
    assert countries(c, Role.RECIPIENT) == {recipient}


@pytest.mark.parametrize(
    ("text", "supplier", "recipient"),
    [
        ("The first K2 tanks from South Korea arrived in Poland in December.", "KOR", "POL"),
        ("Twelve Caesar howitzers from France arrived in Lithuania on Friday.", "FRA", "LTU"),
    ],
)
def test_materiel_arriving_in_a_state_is_delivered(
    extractor: Extractor, text: str, supplier: str, recipient: str
) -> None:
    (c,) = candidates(extractor, text)
    assert c.type in {E.ARMS_TRANSFER, E.MILITARY_AID}
    giver = Role.SUPPLIER if c.type is E.ARMS_TRANSFER else Role.DONOR
    assert (countries(c, giver), countries(c, Role.RECIPIENT)) == ({supplier}, {recipient})
    assert c.roles[Role.MATERIEL]


@pytest.mark.parametrize(
    "text",
    [
        "The Army's Typhon launcher arrived in the Philippines in April.",
        "Typhon launchers arrived in the Philippines for the Balikatan drills.",
    ],
)
def test_a_forces_own_kit_arriving_is_no_delivery(extractor: Extractor, text: str) -> None:
    kinds = {c.type for c in candidates(extractor, text)}
    assert not kinds & {E.ARMS_TRANSFER, E.MILITARY_AID}


@pytest.mark.parametrize(
    ("text", "system"),
    [
        ("Sweden delivered 50 of its own CV90s to Ukraine in 2023.", "CV90"),
        ("Greece has bought Spike anti-tank missiles from Israel.", "Spike missile"),
        ("Indonesia has ordered 48 KAAN fighter jets from Turkey.", "KAAN fighter"),
        ("Ukraine will buy 5,000 Martlet missiles from Britain.", "Martlet"),
    ],
)
def test_widely_exported_systems_are_named(extractor: Extractor, text: str, system: str) -> None:
    (c,) = [c for c in candidates(extractor, text) if c.type in {E.ARMS_TRANSFER, E.MILITARY_AID}]
    assert system in {e.label for e in c.roles[Role.MATERIEL].values()}


@pytest.mark.parametrize(
    "text",
    [
        "Vietnam is in talks with the United States over the purchase of F-16 fighters.",
        "Greece is in talks with Israel to buy PULS launchers.",
    ],
)
def test_a_purchase_under_talks_is_considered(extractor: Extractor, text: str) -> None:
    assert only(extractor, text, E.ARMS_TRANSFER).status is Status.CONSIDERED


@pytest.mark.parametrize(
    "text",
    [
        "Britain will give Ukraine 2.26 billion pounds to buy air defence systems.",
        "Washington committed $2 billion to Kyiv to purchase Patriot interceptors.",
    ],
)
def test_a_purchase_made_with_a_sum_granted_is_aid(extractor: Extractor, text: str) -> None:
    found = candidates(extractor, text)
    assert {c.type for c in found} == {E.MILITARY_AID}
    bought = next(c for c in found if c.trigger.lemma_ in {"buy", "purchase"})
    assert countries(bought, Role.RECIPIENT) == {"UKR"}
    assert bought.roles[Role.MATERIEL]


def test_a_sum_spent_on_ones_own_purchase_is_no_aid(extractor: Extractor) -> None:
    text = "Poland will spend $2 billion to buy K2 tanks from South Korea."
    assert [c.type for c in candidates(extractor, text)] == [E.ARMS_TRANSFER]


@pytest.mark.parametrize(
    "text",
    [
        "Sweden delivered 50 CV90s to Ukraine, and Kyiv's first order from the plant is due soon.",
        "Norway sent NASAMS to Ukraine last year, but its own purchase of new units was delayed.",
    ],
)
def test_a_sale_in_a_coordinated_clause_leaves_a_gift_a_gift(
    extractor: Extractor, text: str
) -> None:
    extraction = extractor.extract(article(text, date(2025, 7, 1)))
    assert [isos(e, Role.RECIPIENT) for e in events_of(extraction, E.MILITARY_AID)] == [{"UKR"}]


def test_a_delivery_under_an_order_is_a_sale(extractor: Extractor) -> None:
    text = "Seoul delivered 24 K9 howitzers to Warsaw under the 2022 order."
    extraction = extractor.extract(article(text, date(2025, 7, 1)))
    assert not events_of(extraction, E.MILITARY_AID)
    assert len(events_of(extraction, E.ARMS_TRANSFER)) == 1


@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        ("The frigate is scheduled to be handed over to the Greek navy in 2025.", "GRC"),
        ("The first aircraft are due to be handed over to Turkey in 2030.", "TUR"),
        ("The radars are expected to be shipped to Japan next year.", "JPN"),
    ],
)
def test_a_delivery_told_in_a_raised_passive(
    extractor: Extractor, text: str, recipient: str
) -> None:
    c = only(extractor, text, E.ARMS_TRANSFER)
    assert c.status is Status.EXPECTED
    assert countries(c, Role.RECIPIENT) == {recipient}
    assert c.roles[Role.MATERIEL]


@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        ("The first of those radars was turned over to the Philippine Air Force last year.", "PHL"),
        ("Japan turned over two patrol vessels to Vietnam.", "VNM"),
    ],
)
def test_turning_over_materiel_hands_it_over(
    extractor: Extractor, text: str, recipient: str
) -> None:
    c = only(extractor, text, E.ARMS_TRANSFER)
    assert countries(c, Role.RECIPIENT) == {recipient}


@pytest.mark.parametrize(
    "text",
    [
        "Warsaw has sent Ukraine dozens of Soviet-era guns, as well as 18 Krab howitzers.",
        "Berlin gave Kyiv three Patriot systems.",
    ],
)
def test_a_state_named_before_the_goods_receives_them(extractor: Extractor, text: str) -> None:
    (c,) = candidates(extractor, text)
    assert countries(c, Role.RECIPIENT) == {"UKR"}
    assert c.roles[Role.MATERIEL]


def test_a_sum_spent_on_an_industry_buys_nothing(extractor: Extractor) -> None:
    text = "Australia is spending A$16 billion on its guided weapons enterprise."
    assert not candidates(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "The European Union agreed a fund to finance weapons for Ukraine.",
        "Oslo will finance air defence systems for Kyiv.",
    ],
)
def test_financing_weapons_for_a_state_is_aid_to_it(extractor: Extractor, text: str) -> None:
    c = only(extractor, text, E.MILITARY_AID)
    assert countries(c, Role.RECIPIENT) == {"UKR"}


@pytest.mark.parametrize(
    ("text", "supplier"),
    [
        ("Warsaw signed a contract for 96 American Apache helicopters.", "USA"),
        ("Poland put its name on a contract for South Korean K9 howitzers.", "KOR"),
    ],
)
def test_a_contract_for_a_states_goods_buys_from_that_state(
    extractor: Extractor, text: str, supplier: str
) -> None:
    c = only(extractor, text, E.ARMS_TRANSFER)
    assert countries(c, Role.SUPPLIER) == {supplier}
    assert countries(c, Role.RECIPIENT) == {"POL"}


@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        ("Lawmakers in Seoul are weighing a bill on the export bank's capital.", "KOR"),
        ("The government in Tokyo is considering legislation to ease export rules.", "JPN"),
    ],
)
def test_a_legislature_or_government_in_a_capital_acts_for_its_state(
    extractor: Extractor, text: str, recipient: str
) -> None:
    c = next(c for c in candidates(extractor, text) if c.type is E.POLICY_CHANGE)
    assert countries(c, Role.PARTICIPANT) == {recipient}


@pytest.mark.parametrize(
    ("text", "supplier", "recipient", "status"),
    [
        (
            "Greece is poised to exercise its option on a fourth FDI frigate from France.",
            "FRA",
            "GRC",
            Status.EXPECTED,
        ),
        (
            "Indonesia has signed up for 48 KAAN fighter jets from Turkey.",
            "TUR",
            "IDN",
            Status.AGREED,
        ),
    ],
)
def test_an_option_exercised_or_a_signing_up_buys(
    extractor: Extractor, text: str, supplier: str, recipient: str, status: Status
) -> None:
    c = only(extractor, text, E.ARMS_TRANSFER)
    assert (countries(c, Role.SUPPLIER), countries(c, Role.RECIPIENT)) == ({supplier}, {recipient})
    assert c.status is status


@pytest.mark.parametrize(
    "text",
    [
        "Germany's pledge of four IRIS-T systems to Ukraine was confirmed on Monday.",
        "Oslo's gift of NASAMS launchers to Kyiv arrived in May.",
    ],
)
def test_a_pledge_or_gift_of_materiel_to_a_state_is_aid(extractor: Extractor, text: str) -> None:
    c = next(c for c in candidates(extractor, text) if c.type is E.MILITARY_AID)
    assert countries(c, Role.RECIPIENT) == {"UKR"}
    assert c.roles[Role.MATERIEL]


@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        ("The first tranche of Leopard 2 tanks reached Ukraine in March.", "UKR"),
        ("A shipment of artillery shells from South Korea reached Poland last week.", "POL"),
    ],
)
def test_materiel_reaching_a_state_is_delivered_not_agreed(
    extractor: Extractor, text: str, recipient: str
) -> None:
    found = [c for c in candidates(extractor, text) if c.trigger.lemma_ == "reach"]
    assert [countries(c, Role.RECIPIENT) for c in found] == [{recipient}]
    assert found[0].status is Status.COMPLETED


@pytest.mark.parametrize(
    "text",
    [
        "Seoul and Warsaw reached a deal on 180 K2 tanks.",
        "Berlin struck a deal with Israel for Arrow 3 interceptors.",
    ],
)
def test_a_deal_reached_or_struck_for_materiel_is_agreed(extractor: Extractor, text: str) -> None:
    assert only(extractor, text, E.ARMS_TRANSFER).status is Status.AGREED


def test_a_supply_of_materiel_to_a_state_is_a_transfer(extractor: Extractor) -> None:
    c = only(extractor, "The supply of tanks to Ukraine will continue.", E.ARMS_TRANSFER)
    assert countries(c, Role.RECIPIENT) == {"UKR"}
    parts = "Japan's defence industry needs a steady supply of parts from Korea."
    assert E.ARMS_TRANSFER not in {c.type for c in candidates(extractor, parts)}


@pytest.mark.parametrize(
    ("text", "donors"),
    [
        (
            "Ukraine purchased 100 Leopard tanks with money from Germany and Denmark.",
            {"DEU", "DNK"},
        ),
        ("Kyiv will buy drones with funds from Norway.", {"NOR"}),
    ],
)
def test_a_purchase_paid_with_anothers_money_is_aid(
    extractor: Extractor, text: str, donors: set[str]
) -> None:
    c = only(extractor, text, E.MILITARY_AID)
    assert countries(c, Role.DONOR) == donors
    assert countries(c, Role.RECIPIENT) == {"UKR"}


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("Tokyo dropped its plan to deploy Aegis Ashore in June 2020.", "JPN"),
        ("Berlin abandoned its ban on arms exports to Riyadh.", "DEU"),
        ("Madrid will raise Spain's defence spending to 2 percent this year.", "ESP"),
        (
            "The prime minister unveiled a plan to lift Spain's defence spending to 2 percent.",
            "ESP",
        ),
    ],
)
def test_plans_and_bans_dropped_and_spending_raised_change_policy(
    extractor: Extractor, text: str, state: str
) -> None:
    c = next(c for c in candidates(extractor, text) if c.type is E.POLICY_CHANGE)
    assert state in countries(c, Role.PARTICIPANT)
    assert not c.modality.negated


@pytest.mark.parametrize(
    "text",
    [
        "Hindustan Aeronautics has been unable to deliver the first Tejas jets to the air force.",
        "Berlin failed to deliver the Leopard tanks to Kyiv on time.",
    ],
)
def test_what_a_supplier_failed_to_deliver_is_no_transfer(extractor: Extractor, text: str) -> None:
    kinds = {c.type for c in candidates(extractor, text)}
    assert not kinds & {E.ARMS_TRANSFER, E.MILITARY_AID}


@pytest.mark.parametrize(
    "text",
    [
        "A plant in Arizona would let Rafael serve the U.S. Army without shipping every missile "
        "across the Atlantic.",
        "Poland will build the K2 tanks at home instead of buying them from South Korea.",
    ],
)
def test_a_transfer_done_without_or_instead_of_is_none(extractor: Extractor, text: str) -> None:
    """'without shipping every missile', 'instead of buying them': the transfer is not made."""
    kinds = {c.type for c in candidates(extractor, text)}
    assert not kinds & {E.ARMS_TRANSFER, E.MILITARY_AID}


def test_a_transfer_beside_a_forgone_one_stands(extractor: Extractor) -> None:
    text = "Norway donated 20 howitzers to Ukraine instead of selling them."
    c = only(extractor, text, E.MILITARY_AID)
    assert countries(c, Role.RECIPIENT) == {"UKR"}


def test_arming_a_ship_is_equipping_it_not_aid(extractor: Extractor) -> None:
    equip = "The missile will also arm two larger Aegis-equipped vessels now being built."
    assert E.MILITARY_AID not in {c.type for c in candidates(extractor, equip)}
    aid = "The United States will keep arming Ukraine with HIMARS launchers."
    assert countries(only(extractor, aid, E.MILITARY_AID), Role.RECIPIENT) == {"UKR"}


@pytest.mark.parametrize(
    "text",
    [
        "Seoul has handed over a decommissioned corvette to Manila free of charge.",
        "Tokyo will hand the Philippines two patrol vessels for free.",
        "Canberra sent 49 Abrams tanks to Kyiv at no cost.",
    ],
)
def test_a_handover_free_of_charge_is_aid(extractor: Extractor, text: str) -> None:
    c = only(extractor, text, E.MILITARY_AID)
    assert c.roles[Role.RECIPIENT]


def test_one_handover_of_aid_in_the_perfect_is_done(extractor: Extractor) -> None:
    handed = "Seoul has handed over a decommissioned corvette to Manila free of charge."
    assert only(extractor, handed, E.MILITARY_AID).status is Status.COMPLETED
    lasting = "Washington has provided $60 billion in military aid to Ukraine since 2022."
    assert {c.status for c in candidates(extractor, lasting)} == {Status.ONGOING}


@pytest.mark.parametrize(
    "text",
    [
        "Britain suspended 30 arms export licences to Israel.",
        "Ottawa revoked arms export permits for shipments to Israel.",
    ],
)
def test_export_licences_suspended_or_revoked_change_policy(
    extractor: Extractor, text: str
) -> None:
    found = candidates(extractor, text)
    assert [c.type for c in found] == [E.POLICY_CHANGE]
    assert not found[0].modality.negated


@pytest.mark.parametrize(
    ("text", "giver", "taker"),
    [
        ("Ukraine was given 31 Abrams tanks by the United States.", "USA", "UKR"),
        ("The Philippines was handed two patrol ships by Japan in 2023.", "JPN", "PHL"),
        ("Estonia was sold howitzers by South Korea last year.", "KOR", "EST"),
    ],
)
def test_the_subject_of_a_passive_keeping_its_object_receives(
    extractor: Extractor, text: str, giver: str, taker: str
) -> None:
    (c,) = [c for c in candidates(extractor, text) if c.type in {E.ARMS_TRANSFER, E.MILITARY_AID}]
    assert countries(c, Role.RECIPIENT) == {taker}
    assert countries(c, Role.SUPPLIER) | countries(c, Role.DONOR) == {giver}


@pytest.mark.parametrize(
    ("text", "donor", "recipient"),
    [
        ("The Pentagon unveiled $2.5 billion in weapons for Ukraine on Friday.", "USA", "UKR"),
        ("Berlin unveiled 400 million euros in military equipment for Kyiv.", "DEU", "UKR"),
    ],
)
def test_a_sum_unveiled_for_a_state_is_aid_agreed(
    extractor: Extractor, text: str, donor: str, recipient: str
) -> None:
    (event,) = events_of(extractor.extract(article(text, date(2025, 3, 1))), E.MILITARY_AID)
    assert isos(event, Role.DONOR) == {donor}
    assert isos(event, Role.RECIPIENT) == {recipient}
    assert event.status is Status.AGREED


@pytest.mark.parametrize(
    ("text", "supplier", "recipient"),
    [
        ("Hanwha will deliver 24 K9 howitzers to Vietnam.", "KOR", "VNM"),
        ("Kongsberg shipped NSM launchers to Spain last year.", "NOR", "ESP"),
        ("India will get 31 MQ-9B drones from the United States.", "USA", "IND"),
        ("Japan has been taking delivery of SM-3 interceptors from Washington.", "USA", "JPN"),
        ("France offered Indonesia 24 more Rafale jets.", "FRA", "IDN"),
        ("26 Rafale jets were offered to India by France.", "FRA", "IND"),
    ],
)
def test_a_firm_supplying_or_a_state_taking_or_offered_goods_trades(
    extractor: Extractor, text: str, supplier: str, recipient: str
) -> None:
    """A firm sells; a state taking goods from another, or courted with them, buys them."""
    extraction = extractor.extract(article(text, date(2025, 7, 1)))
    assert not events_of(extraction, E.MILITARY_AID)
    [sale] = events_of(extraction, E.ARMS_TRANSFER)
    assert isos(sale, Role.SUPPLIER) >= {supplier}
    assert isos(sale, Role.RECIPIENT) == {recipient}


def test_a_state_taking_goods_where_it_is_aided_takes_aid(extractor: Extractor) -> None:
    text = (
        "Germany announced a new military aid package for Ukraine. "
        "Ukraine will receive 20 Marder vehicles from Germany."
    )
    extraction = extractor.extract(article(text, date(2025, 7, 1)))
    assert not events_of(extraction, E.ARMS_TRANSFER)
    assert [isos(e, Role.RECIPIENT) for e in events_of(extraction, E.MILITARY_AID)] == [{"UKR"}]


@pytest.mark.parametrize(
    ("text", "donor"),
    [
        (
            "Allies pay for drones bought for Ukraine under the scheme. "
            "Portugal earmarked 80 million euros.",
            "PRT",
        ),
        (
            "Several governments fund the purchase of shells for Kyiv. "
            "Canada put in 40 million Canadian dollars.",
            "CAN",
        ),
        (
            "Britain buys air-defence missiles for Ukraine with money from partners. "
            "Norway and Iceland have said they will put money in as well.",
            "NOR",
        ),
    ],
)
def test_a_sum_put_in_where_aid_goes_to_one_state_is_aid_to_it(
    extractor: Extractor, text: str, donor: str
) -> None:
    extraction = extractor.extract(article(text, date(2025, 7, 1)))
    given = [e for e in events_of(extraction, E.MILITARY_AID) if donor in isos(e, Role.DONOR)]
    assert given
    assert all(isos(e, Role.RECIPIENT) == {"UKR"} for e in given)


@pytest.mark.parametrize(
    "text",
    [
        "Portugal earmarked 80 million euros.",
        "Germany earmarked 100 billion euros for its armed forces.",
        "Canada put in 40 million dollars to expand its shipyards.",
    ],
)
def test_a_sum_put_in_with_no_aided_state_or_for_a_purpose_is_no_aid(
    extractor: Extractor, text: str
) -> None:
    assert not events_of(extractor.extract(article(text, date(2025, 7, 1))), E.MILITARY_AID)


@pytest.mark.parametrize(
    ("text", "supplier", "recipient"),
    [
        ("Naval Group will build four submarines for the Netherlands.", "FRA", "NLD"),
        ("Hanwha makes K9 howitzers for Poland at its Changwon plant.", "KOR", "POL"),
        ("Rheinmetall is building the Lynx vehicle for Hungary.", "DEU", "HUN"),
        ("Naval Group built three Gowind corvettes for the Egyptian Navy.", "FRA", "EGY"),
        ("Hanwha is building K9 howitzers for the Polish army.", "KOR", "POL"),
    ],
)
def test_a_firm_building_materiel_for_another_state_sells_it(
    extractor: Extractor, text: str, supplier: str, recipient: str
) -> None:
    c = only(extractor, text, E.ARMS_TRANSFER)
    assert countries(c, Role.SUPPLIER) == {supplier}
    assert countries(c, Role.RECIPIENT) == {recipient}
    assert not [k for k in candidates(extractor, text) if k.type is E.JOINT_PRODUCTION]


def test_a_firm_building_for_its_own_state_sells_nothing_abroad(extractor: Extractor) -> None:
    text = "Lockheed Martin builds F-35 jets for the United States."
    assert not [c for c in candidates(extractor, text) if c.type is E.ARMS_TRANSFER]


@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        ("The first K9 howitzers are expected in Romania in 2027.", "ROU"),
        ("Two more Aegis destroyers are awaited in Japan by 2028.", "JPN"),
    ],
)
def test_materiel_awaited_in_a_state_is_delivered_to_it(
    extractor: Extractor, text: str, recipient: str
) -> None:
    c = only(extractor, text, E.ARMS_TRANSFER)
    assert countries(c, Role.RECIPIENT) == {recipient}
    assert c.roles[Role.MATERIEL]


def test_a_decision_expected_somewhere_is_no_delivery(extractor: Extractor) -> None:
    assert not candidates(extractor, "A decision is expected in Poland next month.")


@pytest.mark.parametrize(
    "text",
    [
        "Athens approved the purchase of 36 PULS launchers from Israel on Thursday. "
        "The first launchers are set to arrive in Greece in 2027.",
        "Madrid signed off on buying 45 Hurjet trainers from Turkey. "
        "The first aircraft are expected in Spain in 2028.",
    ],
)
def test_a_delivery_due_in_a_later_year_is_apart_from_the_deal(
    extractor: Extractor, text: str
) -> None:
    """The deal is agreed now; the first deliveries, years ahead, are another event."""
    extraction = extractor.extract(article(text, date(2025, 10, 8)))
    sales = events_of(extraction, E.ARMS_TRANSFER)
    assert [e.status for e in sales] == [Status.AGREED, Status.EXPECTED]
    assert sales[1].date is not None and sales[1].date.year in {2027, 2028}


def test_deliveries_to_a_state_whose_purchase_is_told_are_sales(extractor: Extractor) -> None:
    text = (
        "Seoul confirmed the purchase of 40 more F-35 jets from the United States. "
        "The jets will be shipped to South Korea from 2028."
    )
    extraction = extractor.extract(article(text, date(2025, 10, 8)))
    assert not events_of(extraction, E.MILITARY_AID)
    assert events_of(extraction, E.ARMS_TRANSFER)


@pytest.mark.parametrize(
    ("text", "buyer", "seller"),
    [
        (
            "Athens will buy 36 PULS launchers from Israel. The Netherlands ordered PULS in 2023.",
            "NLD",
            "ISR",
        ),
        (
            "Romania signed a contract for 54 K9 howitzers from South Korea. "
            "Poland has ordered hundreds of K9s since 2022.",
            "POL",
            "KOR",
        ),
    ],
)
def test_a_system_bought_from_no_one_named_comes_from_its_seller_in_the_article(
    extractor: Extractor, text: str, buyer: str, seller: str
) -> None:
    extraction = extractor.extract(article(text, date(2025, 7, 1)))
    [sale] = [e for e in events_of(extraction, E.ARMS_TRANSFER) if buyer in isos(e, Role.RECIPIENT)]
    assert isos(sale, Role.SUPPLIER) == {seller}


def test_a_system_sold_on_by_its_buyer_keeps_no_seller_it_is(extractor: Extractor) -> None:
    text = "Poland bought K2 tanks from South Korea. South Korea also ordered more K2 tanks."
    extraction = extractor.extract(article(text, date(2025, 7, 1)))
    korean = [e for e in events_of(extraction, E.ARMS_TRANSFER) if "KOR" in isos(e, Role.RECIPIENT)]
    assert all("KOR" not in isos(e, Role.SUPPLIER) for e in korean)


@pytest.mark.parametrize(
    ("text", "seller"),
    [
        ("Estonia has ordered six more HIMARS launchers for its army.", "USA"),
        ("Lithuania bought 40 CV90s last year.", "SWE"),
        ("Indonesia signed a contract for 42 Rafale jets.", "FRA"),
    ],
)
def test_a_system_bought_from_no_one_named_comes_from_its_makers_state(
    extractor: Extractor, text: str, seller: str
) -> None:
    """The reference's maker of the system (a firm, then its state) is the seller."""
    [sale] = events_of(extractor.extract(article(text, date(2025, 7, 1))), E.ARMS_TRANSFER)
    assert isos(sale, Role.SUPPLIER) == {seller}


@pytest.mark.parametrize(
    ("text", "partner", "wrong_roles"),
    [
        (
            "Finland and Norway signed a joint order for 400 military trucks, Finnish and "
            "Norwegian officials said. Norway will also buy 20 more tanks. Finnish and Norwegian "
            "crews will train together in Norway and Finland.",
            "FIN",
            (Role.SUPPLIER, Role.DONOR),
        ),
        (
            "Poland and Romania have pledged howitzers to Ukraine. Romania will also send 30 "
            "armoured vehicles next year, Romanian and Polish officials said in Warsaw and "
            "Bucharest.",
            "POL",
            (Role.RECIPIENT,),
        ),
    ],
)
def test_a_state_cast_beside_a_side_never_fills_the_other_side(
    extractor: Extractor, text: str, partner: str, wrong_roles: tuple[Role, ...]
) -> None:
    """A co-buyer is not the seller, a fellow donor not the one aided, however often named."""
    extraction = extractor.extract(article(text, date(2025, 7, 1)))
    events = events_of(extraction, E.ARMS_TRANSFER) + events_of(extraction, E.MILITARY_AID)
    assert len(events) == 2
    assert all(partner not in isos(event, role) for event in events for role in wrong_roles)


@pytest.mark.parametrize(
    ("text", "seller", "buyer"),
    [
        (
            "Canada signed a defence pact with Ghana in March. The two governments agreed last "
            "year on a loan to export drones. Canada will also sell 12 armoured vehicles next "
            "year, Canadian officials said in Ottawa.",
            "CAN",
            "GHA",
        ),
        (
            "Spain signed a defence pact with Peru in March. The two governments agreed last "
            "year on a loan to export drones. Spain will also sell six patrol boats next year, "
            "Spanish officials said in Madrid.",
            "ESP",
            "PER",
        ),
    ],
)
def test_a_group_resolved_on_one_side_makes_no_partner_of_the_other(
    extractor: Extractor, text: str, seller: str, buyer: str
) -> None:
    """'The two governments' cast as sellers is a guess, not a state named beside the seller:
    the sale naming only its seller still goes to the other state of the pair."""
    extraction = extractor.extract(article(text, date(2025, 7, 1)))
    sales = [
        e for e in events_of(extraction, E.ARMS_TRANSFER) if isos(e, Role.SUPPLIER) == {seller}
    ]
    assert [isos(e, Role.RECIPIENT) for e in sales] == [{buyer}]


def test_a_state_buying_its_own_makers_system_buys_from_no_state(extractor: Extractor) -> None:
    text = "South Korea ordered 150 more K2 tanks for its own army."
    for sale in events_of(extractor.extract(article(text, date(2025, 7, 1))), E.ARMS_TRANSFER):
        assert not isos(sale, Role.SUPPLIER)


@pytest.mark.parametrize(
    "text",
    [
        "Poland exercised an option for 12 more FA-50 jets.",
        "The Dutch navy has exercised its option on two more frigates.",
    ],
)
def test_an_option_exercised_with_no_seller_named_is_a_purchase_agreed(
    extractor: Extractor, text: str
) -> None:
    extraction = extractor.extract(article(text, date(2025, 7, 1)))
    assert not events_of(extraction, E.MILITARY_AID)
    assert [e.status for e in events_of(extraction, E.ARMS_TRANSFER)] == [Status.AGREED]


@pytest.mark.parametrize(
    "text",
    [
        "India was offered 26 Rafale jets by France.",
        "Washington has offered Manila 20 more F-16 fighters.",
        "Twelve Gripen jets were offered to Colombia by Sweden.",
    ],
)
def test_goods_offered_are_a_transfer_considered(extractor: Extractor, text: str) -> None:
    extraction = extractor.extract(article(text, date(2025, 7, 1)))
    assert [e.status for e in events_of(extraction, E.ARMS_TRANSFER)] == [Status.CONSIDERED]


@pytest.mark.parametrize(
    ("text", "buyer", "status"),
    [
        (
            "Airbus's Spanish sites stand to gain work from Turkey's decision to buy "
            "Eurofighter Typhoons.",
            "TUR",
            Status.AGREED,
        ),
        (
            "British firms welcomed Seoul's offer to sell FA-50 jets to Manila.",
            "PHL",
            Status.CONSIDERED,
        ),
        ("Analysts doubt Canada's plan to buy 88 F-35 jets.", "CAN", Status.PLANNED),
    ],
)
def test_the_owner_of_a_decision_or_plan_to_buy_is_the_buyer(
    extractor: Extractor, text: str, buyer: str, status: Status
) -> None:
    """The possessor of the noun whose infinitive the trigger is acts, not the clause's subject;
    the noun ('decision', 'offer', 'plan') gives the status."""
    c = only(extractor, text, E.ARMS_TRANSFER)
    assert countries(c, Role.RECIPIENT) == {buyer}
    assert c.status is status


@pytest.mark.parametrize(
    ("text", "seller", "buyer"),
    [
        ("Norway placed an order with Kongsberg for NSM missiles.", "Kongsberg", "NOR"),
        ("The Polish army placed an order for 96 Apache helicopters with Boeing.", "Boeing", "POL"),
        (
            "The Bundeswehr placed a framework order worth 8.5 billion euros for 155 mm shells "
            "with Rheinmetall.",
            "Rheinmetall",
            "DEU",
        ),
    ],
)
def test_an_order_placed_with_a_firm_buys_from_it(
    extractor: Extractor, text: str, seller: str, buyer: str
) -> None:
    c = only(extractor, text, E.ARMS_TRANSFER)
    assert seller in {e.label for e in c.roles[Role.SUPPLIER].values()}
    assert countries(c, Role.RECIPIENT) == {buyer}
    assert c.roles[Role.MATERIEL]


@pytest.mark.parametrize(
    "text",
    [
        "Egypt will take over six Rafale jets from Greece.",
        "Greece has agreed to take over four FDI frigates from France.",
    ],
)
def test_taking_over_materiel_from_a_state_buys_it(extractor: Extractor, text: str) -> None:
    c = only(extractor, text, E.ARMS_TRANSFER)
    assert countries(c, Role.SUPPLIER) and countries(c, Role.RECIPIENT)


def test_taking_over_production_is_no_transfer(extractor: Extractor) -> None:
    text = "Huta Stalowa Wola is to take over production of the K9 turret."
    assert not [c for c in candidates(extractor, text) if c.type is E.ARMS_TRANSFER]


@pytest.mark.parametrize(
    ("text", "supplier", "recipient"),
    [
        ("Norway approved the loan of eight Leopard 2 tanks to Slovakia.", "NOR", "SVK"),
        ("Spain confirmed the loan of two C-130 transport aircraft to Morocco.", "ESP", "MAR"),
    ],
)
def test_a_loan_of_materiel_is_a_transfer(
    extractor: Extractor, text: str, supplier: str, recipient: str
) -> None:
    c = only(extractor, text, E.ARMS_TRANSFER)
    assert (countries(c, Role.SUPPLIER), countries(c, Role.RECIPIENT)) == ({supplier}, {recipient})


def test_a_loan_from_lenders_is_no_transfer(extractor: Extractor) -> None:
    text = "Much of the equipment is being paid for with loans from Korean state lenders."
    assert not candidates(extractor, text)


@pytest.mark.parametrize(
    ("text", "donors"),
    [
        (
            "Germany announced a new military aid package for Ukraine on Monday. "
            "Sweden, Norway and Denmark also pledged a new aid package.",
            {"SWE", "NOR", "DNK"},
        ),
        (
            "The United States sent more air defence systems to Kyiv. "
            "France and Britain announced aid packages of their own.",
            {"FRA", "GBR"},
        ),
    ],
)
def test_aid_naming_no_one_aided_goes_to_the_state_the_article_aids(
    extractor: Extractor, text: str, donors: set[str]
) -> None:
    """Not to another donor the article names first."""
    extraction = extractor.extract(article(text, date(2024, 3, 10)))
    [given] = [e for e in events_of(extraction, E.MILITARY_AID) if isos(e, Role.DONOR) == donors]
    assert isos(given, Role.RECIPIENT) == {"UKR"}


@pytest.mark.parametrize(
    "text",
    [
        "Cheap missiles can down the drones that Russia sends over Ukrainian cities most nights.",
        "Russia sent hundreds of Shahed drones against Kyiv overnight.",
    ],
)
def test_weapons_sent_over_or_against_a_place_are_no_transfer(
    extractor: Extractor, text: str
) -> None:
    assert not candidates(extractor, text)


def test_weapons_sent_over_a_border_to_a_state_are_a_transfer(extractor: Extractor) -> None:
    text = "Iran sent Shahed drones over the Caspian Sea to Russia in 2022."
    assert [c.type for c in candidates(extractor, text)] in ([E.ARMS_TRANSFER], [E.MILITARY_AID])


@pytest.mark.parametrize(
    "text",
    [
        "The White House sent more Patriot interceptors to Ukraine.",
        "The Biden administration shipped ATACMS missiles to Kyiv.",
    ],
)
def test_a_government_office_sending_arms_is_no_firm_selling_them(
    extractor: Extractor, text: str
) -> None:
    extraction = extractor.extract(article(text, date(2024, 3, 10)))
    assert not events_of(extraction, E.ARMS_TRANSFER)
    assert [isos(e, Role.RECIPIENT) for e in events_of(extraction, E.MILITARY_AID)] == [{"UKR"}]


@pytest.mark.parametrize(
    ("text", "supplier", "recipient"),
    [
        ("Poland signed an agreement for 48 K2 tanks with South Korea.", "KOR", "POL"),
        ("Manila signed an agreement with Seoul for 12 FA-50 jets in 2023.", "KOR", "PHL"),
    ],
)
def test_an_agreement_signed_for_materiel_is_a_purchase(
    extractor: Extractor, text: str, supplier: str, recipient: str
) -> None:
    extraction = extractor.extract(article(text, date(2024, 3, 10)))
    assert not events_of(extraction, E.MILITARY_AID)
    [sale] = events_of(extraction, E.ARMS_TRANSFER)
    assert (isos(sale, Role.SUPPLIER), isos(sale, Role.RECIPIENT)) == ({supplier}, {recipient})
    assert sale.status is Status.AGREED


def test_an_agreement_to_make_materiel_is_no_purchase(extractor: Extractor) -> None:
    text = "Poland signed an agreement to co-produce K9 howitzers with South Korea."
    extraction = extractor.extract(article(text, date(2024, 3, 10)))
    assert not events_of(extraction, E.ARMS_TRANSFER)
    assert events_of(extraction, E.JOINT_PRODUCTION)


@pytest.mark.parametrize(
    ("text", "supplier"),
    [
        (
            "A contract for 48 KF-21 jets with South Korea is expected to be signed next month.",
            "KOR",
        ),
        ("A deal for 24 Rafale jets with France is set to be concluded in June.", "FRA"),
    ],
)
def test_a_contract_for_materiel_expected_to_be_signed_is_an_expected_sale(
    extractor: Extractor, text: str, supplier: str
) -> None:
    c = only(extractor, text, E.ARMS_TRANSFER)
    assert countries(c, Role.SUPPLIER) == {supplier}
    assert c.status is Status.EXPECTED


@pytest.mark.parametrize(
    ("text", "state"),
    [
        (
            "France will sell 24 Rafale jets to Greece, officials said in Athens. Greece signed "
            "the contract on Friday. The French air force took delivery of its first new Rafale "
            "jets last month.",
            "FRA",
        ),
        (
            "Slovakia has ordered CV90 vehicles from Sweden, Slovak officials said. The Swedish "
            "army has also received its own upgraded CV90 vehicles this spring.",
            "SWE",
        ),
    ],
)
def test_a_state_taking_its_own_makers_goods_gets_no_seller_from_the_pair(
    extractor: Extractor, text: str, state: str
) -> None:
    """A state receiving what its own firms make buys from no foreign state the article names."""
    extraction = extractor.extract(article(text, date(2025, 7, 1)))
    own = [e for e in events_of(extraction, E.ARMS_TRANSFER) if isos(e, Role.RECIPIENT) == {state}]
    assert len(own) == 1
    assert not own[0].fillers(Role.SUPPLIER)


@pytest.mark.parametrize(
    ("text", "donor", "aided"),
    [
        (
            "Sweden donated anti-tank weapons to Moldova last spring, Swedish officials said. "
            "Sweden will also send 20 armoured vehicles, the defence minister said.",
            "SWE",
            "MDA",
        ),
        (
            "Canada has donated armoured vehicles to Ukraine. Canadian and Ukrainian officials "
            "met in Ottawa. Canada said on Friday it would deliver more drones.",
            "CAN",
            "UKR",
        ),
    ],
)
def test_a_delivery_naming_only_its_giver_is_aid_to_the_one_state_it_aids(
    extractor: Extractor, text: str, donor: str, aided: str
) -> None:
    """The giver's other aid in the article tells who the delivery is for, and that it is aid."""
    extraction = extractor.extract(article(text, date(2025, 7, 1)))
    aid = events_of(extraction, E.MILITARY_AID)
    assert not events_of(extraction, E.ARMS_TRANSFER)
    assert aid
    assert all(isos(e, Role.DONOR) == {donor} and isos(e, Role.RECIPIENT) == {aided} for e in aid)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Warsaw is considering a buy of 48 more K2 tanks from South Korea.", Status.CONSIDERED),
        ("Canberra has approved a buy of 20 Black Hawk helicopters from the United States.", None),
    ],
)
def test_a_buy_is_a_purchase(extractor: Extractor, text: str, status: Status | None) -> None:
    """'a buy of' is the noun of buying: the one who makes it receives, 'from' supplies."""
    c = only(extractor, text, E.ARMS_TRANSFER)
    assert countries(c, Role.SUPPLIER) and countries(c, Role.RECIPIENT)
    assert not countries(c, Role.SUPPLIER) & countries(c, Role.RECIPIENT)
    if status is not None:
        assert c.modality.status is status


@pytest.mark.parametrize(
    ("text", "supplier", "recipient"),
    [
        ("Poland signed last year for 96 Apache helicopters from the United States.", "USA", "POL"),
        ("Jakarta signed in early 2024 for two Istif-class frigates from Turkey.", "TUR", "IDN"),
    ],
)
def test_signing_for_materiel_is_buying_it(
    extractor: Extractor, text: str, supplier: str, recipient: str
) -> None:
    """'signed for two frigates' with no deal named: the signer buys them, a sale not aid."""
    extraction = extractor.extract(article(text, date(2024, 6, 1)))
    [event] = events_of(extraction, E.ARMS_TRANSFER)
    assert isos(event, Role.SUPPLIER) == {supplier}
    assert isos(event, Role.RECIPIENT) == {recipient}
    assert event.status is Status.AGREED


@pytest.mark.parametrize(
    "text",
    [
        "They will carry Tomahawk missiles, some 400 of which Japan agreed to acquire from the"
        " United States.",
        "Poland fields Patriot batteries, two of which Warsaw bought from the United States.",
    ],
)
def test_a_part_of_the_antecedent_is_what_the_relative_clause_buys(
    extractor: Extractor, text: str
) -> None:
    """'some 400 of which Japan agreed to acquire': the noun the count is of is bought."""
    c = only(extractor, text, E.ARMS_TRANSFER)
    assert countries(c, Role.SUPPLIER) == {"USA"}
    assert countries(c, Role.RECIPIENT) <= {"JPN", "POL"} and countries(c, Role.RECIPIENT)
    assert c.roles.get(Role.MATERIEL)


@pytest.mark.parametrize(
    ("text", "donor"),
    [
        (
            "Sweden sent 20 howitzers to Ukraine as aid. "
            "Copenhagen put up 200 million kroner this year to pay for 18 Bohdana guns.",
            "DNK",
        ),
        (
            "Sweden funds the purchase of shells for Kyiv. "
            "Portugal put in 80 million euros to finance 40 Leopard tanks.",
            "PRT",
        ),
    ],
)
def test_a_sum_put_in_to_pay_for_materiel_is_aid_with_it(
    extractor: Extractor, text: str, donor: str
) -> None:
    """'put up 200 million kroner to pay for 18 guns', where aid goes to one state: the sum
    is the donor's aid to it, and what it pays for is the materiel."""
    extraction = extractor.extract(article(text, date(2025, 7, 1)))
    [given] = [e for e in events_of(extraction, E.MILITARY_AID) if donor in isos(e, Role.DONOR)]
    assert isos(given, Role.RECIPIENT) == {"UKR"}
    assert given.fillers(Role.MATERIEL)


def test_a_sum_put_in_to_pay_for_ones_own_materiel_is_no_aid(extractor: Extractor) -> None:
    text = (
        "Sweden sent 20 howitzers to Ukraine as aid. "
        "Germany put up 2 billion euros to pay for 18 Leopard tanks for its own army."
    )
    extraction = extractor.extract(article(text, date(2025, 7, 1)))
    assert not [e for e in events_of(extraction, E.MILITARY_AID) if "DEU" in isos(e, Role.DONOR)]


@pytest.mark.parametrize(
    ("text", "donor"),
    [
        (
            "Allies pay for U.S. weapons for Ukraine. The Dutch contribution, announced on"
            " Monday, is worth 500 million euros and is expected to cover Patriot missiles.",
            "NLD",
        ),
        (
            "Allies pay for U.S. weapons for Ukraine. "
            "Norway's contribution of 200 million euros will cover IRIS-T missiles.",
            "NOR",
        ),
    ],
)
def test_a_states_own_contribution_listing_materiel_is_its_aid(
    extractor: Extractor, text: str, donor: str
) -> None:
    """'the Dutch contribution is expected to cover Patriot missiles': not a detail of the aid
    told before but the named giver's own, to the state the article's aid goes to."""
    extraction = extractor.extract(article(text, date(2025, 8, 5)))
    [given] = [e for e in events_of(extraction, E.MILITARY_AID) if donor in isos(e, Role.DONOR)]
    assert isos(given, Role.RECIPIENT) == {"UKR"}
    assert given.fillers(Role.MATERIEL)


@pytest.mark.parametrize(
    "text",
    [
        "Production lines in the United States have been stretched by orders for Ukraine.",
        "American factories are busy with orders for Poland.",
    ],
)
def test_the_state_a_purchase_is_for_is_no_seller(extractor: Extractor, text: str) -> None:
    """'orders for Ukraine': the state named after 'for' takes the goods, it does not make them."""
    for c in candidates(extractor, text):
        assert not countries(c, Role.SUPPLIER) & {"UKR", "POL"}


@pytest.mark.parametrize(
    ("text", "supplier", "recipient"),
    [
        (
            "Pakistan buys jets from China. Pakistan has sold the jet abroad, with Nigeria "
            "receiving its first three in 2021.",
            "PAK",
            "NGA",
        ),
        (
            "Italy buys jets from France. Korea has exported the howitzer widely, with Poland "
            "taking delivery of 200 in 2023.",
            "KOR",
            "POL",
        ),
    ],
)
def test_the_subject_of_a_with_clause_receiving_is_the_recipient(
    extractor: Extractor, text: str, supplier: str, recipient: str
) -> None:
    extraction = extractor.extract(article(text, date(2024, 3, 10)))
    sales = [
        e for e in events_of(extraction, E.ARMS_TRANSFER) if supplier in isos(e, Role.SUPPLIER)
    ]
    assert [isos(sale, Role.RECIPIENT) for sale in sales] == [{recipient}]


@pytest.mark.parametrize(
    "text",
    [
        "Estonia handed all of its towed howitzers, and most of the shells that went with "
        "them, to Ukraine in 2022.",
        "Norway sent its old tanks, and some of the spare parts stored with them, to Ukraine.",
    ],
)
def test_a_to_phrase_after_a_split_off_object_names_the_recipient(
    extractor: Extractor, text: str
) -> None:
    (given,) = [c for c in candidates(extractor, text) if c.trigger.lemma_ in {"hand", "send"}]
    assert countries(given, Role.RECIPIENT) == {"UKR"}


@pytest.mark.parametrize(
    "text",
    [
        "A proposed sale of F-16 jets, cleared by the State Department in May, awaits Congress.",
        "A sale of Patriot batteries, approved by Washington last year, is still being negotiated.",
    ],
)
def test_who_a_participle_clears_a_sale_by_sells(extractor: Extractor, text: str) -> None:
    c = only(extractor, text, E.ARMS_TRANSFER)
    assert countries(c, Role.SUPPLIER) == {"USA"}


@pytest.mark.parametrize(
    ("text", "taker"),
    [
        (
            "The United States delivered 12 A-29 aircraft to Abuja in 2021, and a proposed sale "
            "of AH-1Z helicopters, approved by the State Department in 2022, is still moving.",
            "NGA",
        ),
        (
            "France delivered 36 Rafale jets to India in 2022, and a sale of Exocet missiles, "
            "cleared by Paris last year, is still being negotiated.",
            "IND",
        ),
    ],
)
def test_a_sale_naming_only_its_seller_goes_to_the_taker_of_that_sellers_other_transfer(
    extractor: Extractor, text: str, taker: str
) -> None:
    extraction = extractor.extract(article(text, date(2024, 3, 10)))
    sales = events_of(extraction, E.ARMS_TRANSFER)
    assert len(sales) == 2
    assert all(isos(sale, Role.RECIPIENT) == {taker} for sale in sales)


@pytest.mark.parametrize(
    "text",
    [
        "A Hanwha spokesman said the company stands ready to support Estonia for years.",
        "Hanwha will support Estonia with spare parts for its K9 howitzers.",
    ],
)
def test_a_company_supporting_a_state_gives_no_aid(extractor: Extractor, text: str) -> None:
    """A firm 'supporting' a state serves a customer; a state supporting one aids it."""
    assert not [c for c in candidates(extractor, text) if c.type is E.MILITARY_AID]


def test_a_state_supporting_a_state_with_materiel_aids_it(extractor: Extractor) -> None:
    text = "Germany will continue to support Ukraine with air defence systems."
    c = only(extractor, text, E.MILITARY_AID)
    assert countries(c, Role.DONOR) == {"DEU"}
    assert countries(c, Role.RECIPIENT) == {"UKR"}
