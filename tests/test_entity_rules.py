"""The rule-based entity recogniser: dates, amounts and unknown names, around the gazetteer."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from alliance_kg.pipeline.dates import Direction, resolve_date
from alliance_kg.pipeline.entity_rules import EntityRules
from alliance_kg.pipeline.extractor import Extractor, paragraphs
from alliance_kg.pipeline.quantities import money_in
from alliance_kg.reading import iter_article_files, read_file

SAMPLES = Path(__file__).parents[1] / "data" / "articles"


def entities(extractor: Extractor, text: str) -> dict[str, str]:
    """Each entity the doc has that the gazetteer did not link: text -> label."""
    return {ent.text: ent.label_ for ent in extractor.nlp(text).ents if not ent.id_}


def test_the_statistical_ner_is_not_loaded(extractor: Extractor) -> None:
    assert "ner" not in extractor.nlp.pipe_names
    assert extractor.nlp.pipe_names[-2:] == ["akg_gazetteer", "akg_entity_rules"]


@pytest.mark.parametrize(
    ("text", "span", "resolved"),
    [
        ("The frigates arrive on March 3, 2026.", "March 3, 2026", (2026, 3, 3)),
        ("They signed the deal on 12 June.", "12 June", (2025, 6, 12)),
        ("Deliveries start in fiscal 2027.", "fiscal 2027", (2027, None, None)),
        ("The ban was eased last December.", "last December", (2024, 12, None)),
        ("The talks resume next month.", "next month", (2025, 5, None)),
        ("Production doubles by the end of 2028.", "the end of 2028", (2028, None, None)),
        ("The line opens in mid-2026.", "mid-2026", (2026, None, None)),
        ("The budget covers 2025-2027.", "2025-2027", (2025, None, None)),
        ("It agreed late last year to sell rounds.", "late last year", (2024, None, None)),
        ("The ministers met on Tuesday.", "Tuesday", (2025, 4, 8)),
        ("A decision is due this year.", "this year", (2025, None, None)),
    ],
)
def test_dates_are_found_whole_and_resolve(
    extractor: Extractor, text: str, span: str, resolved: tuple[int, int | None, int | None]
) -> None:
    assert entities(extractor, text).get(span) == "DATE"
    got = resolve_date(span, date(2025, 4, 10), Direction.NEAREST)
    assert got is not None and (got.year, got.month, got.day) == resolved


def test_vague_times_are_dates_that_do_not_resolve(extractor: Extractor) -> None:
    found = entities(extractor, "Talks will follow in the coming weeks, two years ago or not.")
    assert found["the coming weeks"] == found["two years ago"] == "DATE"


def test_may_the_modal_is_no_date(extractor: Extractor) -> None:
    assert (
        "DATE" not in entities(extractor, "May the ministers agree, the deal may close.").values()
    )


@pytest.mark.parametrize(
    ("text", "amount", "unit"),
    [
        ("The contract is worth $1.2 billion.", 1.2e9, "USD"),
        ("It will spend A$3bn on the base.", 3e9, "AUD"),
        ("The order is worth 2.6 trillion won.", 2.6e12, "KRW"),
        ("Seoul pays KRW 1 trillion for it.", 1e12, "KRW"),
        ("The fund holds 100 billion euros.", 100e9, "EUR"),
        ("Tokyo set aside 500 billion yen.", 500e9, "JPY"),
        ("London adds 50 million pounds.", 50e6, "GBP"),
    ],
)
def test_money_is_one_entity_with_its_currency(
    extractor: Extractor, text: str, amount: float, unit: str
) -> None:
    doc = extractor.nlp(text)
    assert "MONEY" in {ent.label_ for ent in doc.ents}
    [money] = money_in(next(iter(doc.sents)))
    assert (money.amount, money.unit) == (amount, unit)


def test_percentages_quantities_and_counts(extractor: Extractor) -> None:
    found = entities(
        extractor, "Output rose 15 percent to 1,000 tons, and 180 tanks left for the first time."
    )
    assert found["15 percent"] == "PERCENT"
    assert found["1,000 tons"] == "QUANTITY"
    assert found["180"] == "CARDINAL"
    assert "first" not in found  # an ordinal is no count


@pytest.mark.parametrize(
    ("text", "name", "label"),
    [
        ("Defence Minister Alvaro Quintana met the delegation.", "Alvaro Quintana", "PERSON"),
        ("The deal was announced by spokesman Tomas Brenner.", "Tomas Brenner", "PERSON"),
        ("Quintana said the talks went well.", "Quintana", "PERSON"),
        ("Velmora Heavy Industries won the order.", "Velmora Heavy Industries", "ORG"),
        ("The Ministry of Coastal Affairs approved it.", "Ministry of Coastal Affairs", "ORG"),
        ("The ships will be repaired in Port Aldery.", "Port Aldery", "GPE"),
        ("The tender visited Kestrel Bay last week.", "Kestrel Bay", "LOC"),
    ],
)
def test_unknown_names_are_typed_by_their_context(
    extractor: Extractor, text: str, name: str, label: str
) -> None:
    assert entities(extractor, text).get(name) == label


def test_untyped_names_and_offices_are_left_alone(extractor: Extractor) -> None:
    found = entities(extractor, "The Navy Secretary spoke of the Quorrel design at length.")
    assert not {"Navy Secretary", "Quorrel", "Navy"} & found.keys()


def test_the_gazetteer_keeps_its_entities(extractor: Extractor) -> None:
    doc = extractor.nlp("Japan and Poland signed a $2 billion deal on Friday.")
    linked = {ent.text for ent in doc.ents if ent.id_}
    assert {"Japan", "Poland"} <= linked
    assert entities(extractor, doc.text) == {"$2 billion": "MONEY", "Friday": "DATE"}


def test_the_model_ner_stays_selectable() -> None:
    model = Extractor.load(ner="model")
    assert "ner" in model.nlp.pipe_names and "akg_entity_rules" not in model.nlp.pipe_names


def test_a_second_recogniser_reuses_the_vocabulary_s_word_flags(extractor: Extractor) -> None:
    flags = dict(extractor.nlp.vocab.lex_attr_getters)
    EntityRules(extractor.nlp)
    assert extractor.nlp.vocab.lex_attr_getters == flags


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Earlier that month, the ministers signed a roadmap.", "Earlier that month"),
        ("That same week Poland ordered more tanks.", "That same week"),
        ("The deal was signed the same day.", "the same day"),
    ],
)
def test_a_time_told_before_is_a_date(extractor: Extractor, text: str, span: str) -> None:
    assert entities(extractor, text).get(span) == "DATE"


def test_the_matches_are_those_of_the_matcher_over_the_whole_doc(extractor: Extractor) -> None:
    rules = extractor.nlp.get_pipe("akg_entity_rules")
    assert isinstance(rules, EntityRules)
    texts = [
        "In fiscal 2025, the same month, 15 percent of $1.2 billion, 2.6 trillion won and 300 km;"
        " mid-2025, FY2027, the late 1990s, between 2020 and 2024, 2023-24, the coming weeks,"
        " a year ago, last Tuesday, the first half of next year, 180 tanks, 3bn and 50 million"
        " pounds.",
        *(
            text
            for path in iter_article_files([SAMPLES])
            for a in read_file(path)
            for text, _ in paragraphs(a)
        ),
    ]
    with extractor.nlp.select_pipes(disable=["akg_entity_rules"]):
        docs = list(extractor.nlp.pipe(texts))
    found = [sorted(rules.matches(doc)) for doc in docs]
    assert found == [sorted(rules.matcher(doc)) for doc in docs]
    assert sum(map(len, found)) > len(docs)  # dates and amounts all over the articles
