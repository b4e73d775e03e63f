"""The extractor parses only the sentences its rules can use, and finds the same events."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

from alliance_kg.model import Article, EventClass, article_id
from alliance_kg.pipeline.context import ArticleContext
from alliance_kg.pipeline.extractor import Extractor, paragraphs
from alliance_kg.pipeline.triggers import find_triggers
from alliance_kg.reading import iter_article_files, read_file

SAMPLES = Path(__file__).parents[1] / "data" / "articles"
SEEDS = Path(__file__).parents[1].parent / "shared" / "seeds"
TRADE = "Japan will export Patriot missiles to the United States, officials said on Monday."
WEATHER = "The weather in Tokyo was mild and dry."
DELIVERY = "Deliveries of the Patriot missiles to the United States will begin in April."


class RecordingNlp:
    """The real pipeline, remembering the texts it was asked to parse."""

    def __init__(self, nlp: Language) -> None:
        self.nlp = nlp
        self.parsed: list[str] = []

    def pipe(self, units: Iterable[tuple[str, Any]], **options: Any) -> Iterator[tuple[Doc, Any]]:
        units = list(units)
        self.parsed += [text for text, _ in units]
        return self.nlp.pipe(units, **options)


@pytest.fixture(scope="module")
def extractor() -> Extractor:
    return Extractor.load()


@pytest.fixture(scope="module")
def samples() -> list[Article]:
    return [a for path in iter_article_files([SAMPLES, SEEDS]) for a in read_file(path)]


def _article(text: str) -> Article:
    return Article(id=article_id(text), text=text, title=None, published=None, publisher=None)


def test_a_sentence_without_a_trigger_word_is_not_parsed(extractor: Extractor) -> None:
    recording = RecordingNlp(extractor.nlp)
    reading = Extractor(extractor.nlp, extractor.gazetteer)
    reading.nlp = recording  # type: ignore[assignment]
    extraction = reading.extract(_article(f"{WEATHER} {TRADE}\n\n{WEATHER}"))
    assert recording.parsed == [TRADE]
    assert [event.type for event in extraction.events] == [EventClass.ARMS_TRANSFER]
    assert extraction.events[0].mentions[0].text == TRADE


def test_the_sentences_parsed_give_the_events_of_a_full_parse(
    extractor: Extractor, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = _article(f"{WEATHER} {TRADE} {WEATHER}\n\n{WEATHER}\n\n{DELIVERY} {WEATHER}")
    parsed_whole = Extractor(extractor.nlp, extractor.gazetteer)
    monkeypatch.setattr(parsed_whole.skimmer, "has_trigger_form", lambda sentence: True)
    events = extractor.extract(article).events
    assert [event.type for event in events] == [EventClass.ARMS_TRANSFER]
    assert len(events[0].mentions) == 2
    assert events == parsed_whole.extract(article).events


def test_every_trigger_of_a_full_parse_has_a_form_the_skimmer_knows(
    extractor: Extractor, samples: list[Article]
) -> None:
    """A word `find_triggers` fires on has a form of TRIGGER_LEMMAS: else the extractor
    would skip sentences with events (a new trigger word set belongs in TRIGGER_LEMMAS)."""
    fired = 0
    for article in samples:
        docs = list(extractor.nlp.pipe(text for text, _ in paragraphs(article)))
        ctx = ArticleContext(docs, extractor.gazetteer)
        for doc in docs:
            for sentence in doc.sents:
                for trigger in find_triggers(sentence, ctx):
                    fired += 1
                    token = trigger.token
                    one_word = Span(token.doc, token.i, token.i + 1)
                    assert extractor.skimmer.has_trigger_form(one_word), token.text
    assert fired > 100
