"""Helpers for the extraction tests: candidates of short texts, articles, and their events."""

from __future__ import annotations

from datetime import date

from alliance_kg.iris import country_iri
from alliance_kg.model import Article, Event, EventClass, Extraction, Role, article_id
from alliance_kg.pipeline.candidate import Candidate
from alliance_kg.pipeline.candidates import build_candidate
from alliance_kg.pipeline.context import ArticleContext
from alliance_kg.pipeline.extractor import Extractor
from alliance_kg.pipeline.triggers import find_triggers

E = EventClass
PUBLISHED = date(2024, 3, 10)


def candidates(extractor: Extractor, text: str, published: date = PUBLISHED) -> list[Candidate]:
    """Every candidate event of `text`, read as one paragraph of an article."""
    doc = extractor.nlp(text)
    ctx = ArticleContext([doc], extractor.gazetteer)
    return [
        build_candidate(trigger, sentence, 0, ctx, published)
        for sentence in doc.sents
        for trigger in find_triggers(sentence, ctx)
    ]


def only(extractor: Extractor, text: str, kind: EventClass) -> Candidate:
    found = [c for c in candidates(extractor, text) if c.type is kind]
    assert len(found) == 1, [(c.type, c.trigger.text) for c in candidates(extractor, text)]
    return found[0]


def countries(candidate: Candidate, role: Role) -> set[str]:
    """The ISO 3166 codes of the countries filling a role."""
    prefix = country_iri("")
    return {iri.removeprefix(prefix) for iri in candidate.roles.get(role, {}) if prefix in iri}


def article(text: str, published: date | None, title: str | None = None) -> Article:
    return Article(id=article_id(text), text=text, title=title, published=published)


def events_of(extraction: Extraction, kind: EventClass, *, negated: bool = False) -> list[Event]:
    return [e for e in extraction.events if e.type is kind and e.negated is negated]


def isos(event: Event, role: Role) -> set[str]:
    prefix = country_iri("")
    return {e.iri.removeprefix(prefix) for e in event.fillers(role) if e.iri.startswith(prefix)}
