"""Who a sentence says reports what it tells: the source phrase, or None."""

from __future__ import annotations

import pytest
from spacy.language import Language

from alliance_kg.pipeline.attribution import AttributionMemory, sentence_attribution
from alliance_kg.pipeline.extractor import Extractor


@pytest.fixture(scope="module")
def nlp(extractor: Extractor) -> Language:
    return extractor.nlp


def attributions(nlp: Language, text: str) -> list[str | None]:
    """The attribution of each sentence of `text`, read in order as the extractor reads them."""
    memory = AttributionMemory()
    return [memory.resolve(sentence_attribution(s)) for s in nlp(text).sents]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Canberra will buy eight frigates from Tokyo, according to a senior navy officer.",
            "a senior navy officer",
        ),
        (
            "According to the Mainichi newspaper, the two sides signed the accord in May.",
            "the Mainichi newspaper",
        ),
        ("Trade minister Ken Saito said the rules would change.", "Trade minister Ken Saito"),
        ("The yard will overhaul the cruisers, Saito said.", "Saito"),
        (
            "A navy spokeswoman told reporters that the drills had been postponed.",
            "A navy spokeswoman",
        ),
        (
            "Officials cited by the Kyodo news agency expect a decision by June.",
            "Officials cited by the Kyodo news agency",
        ),
    ],
)
def test_a_named_source(nlp: Language, text: str, expected: str) -> None:
    assert attributions(nlp, text)[0] == expected


def test_a_bracketed_attribution_inside_the_sentence(nlp: Language) -> None:
    text = "The cabinet will ease the export rules [attribution: cabinet briefings]."
    assert attributions(nlp, text)[0] == "cabinet briefings"


def test_a_bracket_after_the_full_stop_belongs_to_the_sentence_before(nlp: Language) -> None:
    text = "The cabinet will ease the export rules. [attribution: cabinet briefings]"
    assert attributions(nlp, text)[0] == "cabinet briefings"


def test_the_sources_take_the_fuller_wording_given_earlier(nlp: Language) -> None:
    text = (
        "The allies are weighing a joint missile plant, according to sources in both capitals. "
        "The sources said a decision could come in the summer."
    )
    assert attributions(nlp, text) == ["sources in both capitals", "sources in both capitals"]


def test_the_sources_stay_as_written_when_nothing_fuller_came_before(nlp: Language) -> None:
    assert attributions(nlp, "The sources said the talks would resume.") == ["The sources"]


@pytest.mark.parametrize(
    "text",
    [
        "The navy plans to buy twelve frigates next year.",
        "It said the frigates would arrive in 2026.",
        "This said, the frigates are expensive.",
    ],
)
def test_no_attribution(nlp: Language, text: str) -> None:
    assert attributions(nlp, text)[0] is None
