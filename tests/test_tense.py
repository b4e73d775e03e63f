"""The status that tense alone gives a trigger, in sentences with no status cue."""

from __future__ import annotations

import pytest
from spacy.language import Language

from alliance_kg.model import EventClass, Status
from alliance_kg.pipeline import Extractor
from alliance_kg.pipeline.tense import is_infinitive, status_from_tense

AT = EventClass.ARMS_TRANSFER


@pytest.fixture(scope="module")
def nlp(extractor: Extractor) -> Language:
    return extractor.nlp


@pytest.mark.parametrize(
    ("sentence", "trigger", "event_class", "expected"),
    [
        ("Poland received the tanks.", "received", AT, (Status.COMPLETED, None)),
        ("Poland has received the tanks.", "received", AT, (Status.COMPLETED, None)),
        (
            "Stocks have been depleted.",
            "depleted",
            EventClass.CAPACITY_SHORTFALL,
            (Status.ONGOING, None),
        ),
        ("Seoul is delivering the howitzers.", "delivering", AT, (Status.ONGOING, None)),
        ("Seoul will deliver the howitzers.", "deliver", AT, (Status.PLANNED, "will")),
        (
            "The leaders will meet in May.",
            "meet",
            EventClass.LEADERS_MEETING,
            (Status.EXPECTED, "will"),
        ),
        (
            "Officials said Japan would deliver the radars.",
            "deliver",
            AT,
            (Status.PLANNED, "would"),
        ),
        (
            "Congress passed a law easing the rules.",
            "easing",
            EventClass.POLICY_CHANGE,
            (Status.COMPLETED, None),
        ),
        (
            "Officials said Seoul managed to deliver the radars.",
            "deliver",
            AT,
            (Status.COMPLETED, None),
        ),
        (
            "The ministry announced a programme to deliver radars.",
            "deliver",
            AT,
            (Status.ONGOING, None),
        ),
    ],
)
def test_status_from_tense(
    nlp: Language,
    sentence: str,
    trigger: str,
    event_class: EventClass,
    expected: tuple[Status, str | None],
) -> None:
    token = next(t for t in nlp(sentence) if t.text == trigger)
    assert status_from_tense(token, event_class, future_date=False) == expected


def test_a_future_date_makes_the_present_forward_looking(nlp: Language) -> None:
    token = next(t for t in nlp("Seoul delivers the howitzers in May.") if t.text == "delivers")
    assert status_from_tense(token, AT, future_date=True) == (Status.PLANNED, None)


def test_is_infinitive(nlp: Language) -> None:
    doc = nlp("Japan wants to export radars and exports rifles.")
    assert [is_infinitive(t) for t in doc if t.lemma_ == "export"] == [True, False]
