"""Transfers, aid and export-policy changes told in the many ways wire reports tell them."""

from __future__ import annotations

import pytest

from alliance_kg.model import Role
from alliance_kg.pipeline.extractor import Extractor
from extraction_support import E, candidates, countries, only


@pytest.mark.parametrize(
    ("text", "supplier", "recipient"),
    [
        ("Spain will lease two C-130 transport aircraft to Morocco.", "ESP", "MAR"),
        ("Norway agreed to loan Leopard 2 tanks to Slovakia.", "NOR", "SVK"),
    ],
)
def test_a_lease_or_loan_of_materiel_is_a_transfer(
    extractor: Extractor, text: str, supplier: str, recipient: str
) -> None:
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
