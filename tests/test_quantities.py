"""Amounts of money and counts of materiel read off parsed sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Span

from alliance_kg.model import Quantity
from alliance_kg.pipeline.extractor import Extractor
from alliance_kg.pipeline.quantities import count_of, money_in


@pytest.fixture(scope="module")
def nlp(extractor: Extractor) -> Language:
    return extractor.nlp


def first_sentence(nlp: Language, text: str) -> Span:
    return next(nlp(text).sents)


def counts(nlp: Language, text: str) -> dict[str, Quantity]:
    """Each materiel word of the sentence that carries a count, with the count."""
    sentence = first_sentence(nlp, text)
    found = {t.text: count_of(t) for t in sentence if t.ent_type_ == "Materiel"}
    return {word: quantity for word, quantity in found.items() if quantity is not None}


@pytest.mark.parametrize(
    ("text", "amount", "unit", "words"),
    [
        ("The order is worth $5.76 billion in all.", 5.76e9, "USD", "$5.76 billion"),
        ("Manila signed a US$150 million deal for radars.", 150e6, "USD", "US$150 million"),
        ("The cabinet set aside 1.2 trillion yen for missiles.", 1.2e12, "JPY", "1.2 trillion yen"),
        ("Brussels pledged €8 billion for ammunition.", 8e9, "EUR", "€8 billion"),
        ("Britain will spend 3 billion pounds on drones.", 3e9, "GBP", "3 billion pounds"),
        ("The plan costs £2.5bn over five years.", 2.5e9, "GBP", "£2.5bn"),
        ("Canberra will spend A$10 billion on frigates.", 10e9, "AUD", "A$10 billion"),
        ("The deal, worth 2.6 trillion won, covers tanks.", 2.6e12, "KRW", "2.6 trillion won"),
        ("Warsaw will pay 12 billion zlotys for the jets.", 12e9, "PLN", "12 billion zlotys"),
        ("Tokyo will pay five billion dollars for radars.", 5e9, "USD", "five billion dollars"),
    ],
)
def test_money_in_iso_currencies(
    nlp: Language, text: str, amount: float, unit: str, words: str
) -> None:
    (found,) = money_in(first_sentence(nlp, text))
    assert (found.unit, found.text) == (unit, words)
    assert found.amount == pytest.approx(amount)


@pytest.mark.parametrize(
    "text",
    [
        "Warsaw ordered 180 tanks in 2022.",
        "Output rose 20 percent in 2023.",
        "Each bomb carries 500 pounds of explosives.",
        "Hanwha won a contract for howitzers.",
    ],
)
def test_numbers_that_are_not_money(nlp: Language, text: str) -> None:
    assert money_in(first_sentence(nlp, text)) == []


def test_a_count_sits_on_the_materiel_head(nlp: Language) -> None:
    found = counts(nlp, "Warsaw ordered 180 K2 tanks from Seoul.")
    assert found == {"tanks": Quantity(amount=180, unit="unit", text="180 K2 tanks")}


@pytest.mark.parametrize(
    ("text", "word", "amount"),
    [
        ("Tokyo will send two destroyers to the drill.", "destroyers", 2),
        ("Seoul sold 1,000 tanks last year.", "tanks", 1000),
        ("The army received a dozen howitzers.", "howitzers", 12),
    ],
)
def test_counts_in_figures_and_words(nlp: Language, text: str, word: str, amount: int) -> None:
    assert counts(nlp, text)[word].amount == amount


@pytest.mark.parametrize(
    "text",
    [
        "Ukraine received 30 percent of the shells.",
        "The 2023 howitzers arrived late.",
        "Kyiv asked for 2024 missiles.",
        "The order is worth $40 million in missiles.",
    ],
)
def test_percentages_years_and_money_are_not_counts(nlp: Language, text: str) -> None:
    assert counts(nlp, text) == {}
