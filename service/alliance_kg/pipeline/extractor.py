"""Article -> Extraction: the extractor the rest of the system calls.

Each article is cut into paragraphs (lines); lines that are not prose (the headline repeated
in the body, photo captions, a publisher's name) are skipped. Paragraphs go through spaCy in
batches, then the rules run sentence by sentence and the candidates merge per article.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from alliance_kg import extractor_version, resources
from alliance_kg.model import Article, Entity, EntityType, EventDate, Extraction, Role, Status
from alliance_kg.pipeline.attribution import AttributionMemory, sentence_attribution
from alliance_kg.pipeline.candidate import MATERIEL_CLASSES, Candidate, E
from alliance_kg.pipeline.candidate_dates import signing_date
from alliance_kg.pipeline.candidates import build_candidate
from alliance_kg.pipeline.context import ArticleContext
from alliance_kg.pipeline.gazetteer import Gazetteer
from alliance_kg.pipeline.merge import MATERIEL_IDENTITY, draft_to_event, merge_candidates
from alliance_kg.pipeline.modality import Modality, resolve_modality
from alliance_kg.pipeline.nlp import build_nlp
from alliance_kg.pipeline.quantities import money_in
from alliance_kg.pipeline.roles import actors_of_np, subject_actors
from alliance_kg.pipeline.triggers import find_triggers
from alliance_kg.settings import NerKind, Settings

_SENTENCE_END = re.compile(r"[.!?…\"”’')\]]\s*$")
_ELABORATION = re.compile(
    r"\b(candidates?|among the|such as|including|includ(?:e|es)|items?|list)\b", re.IGNORECASE
)
# "TOKYO, June 11 (Jiji Press)--", "PERTH (Reuters) -": where and by whom a story was filed.
DATELINE = re.compile(
    r"^[A-Z][A-Za-z .'-]{1,40}(?:,\s+[A-Z][A-Za-z.]{1,20}(?:\s+\d{1,2})?)?\s*\([^)]{1,40}\)\s*"
    r"(?:--|—|–|-)"
)
Paragraph = tuple[str, int]
# Events no one signs: a later 'the agreement was signed on Monday' is not about them.
UNSIGNED = {E.LEADERS_MEETING, E.PERSONNEL_DEPLOYMENT, E.CAPACITY_SHORTFALL}
SIGNING_REACH = 900  # characters back from a signing to the deal it may date


def paragraphs(article: Article) -> list[Paragraph]:
    """(text, offset) of every prose line of the article."""
    found: list[Paragraph] = []
    title = (article.title or "").strip().lower()
    offset = 0
    for line in article.text.split("\n"):
        stripped = line.strip()
        start = offset + (len(line) - len(line.lstrip()))
        offset += len(line) + 1
        if not stripped or stripped.startswith("#") or stripped.lower() == title:
            continue
        if not _SENTENCE_END.search(stripped) and len(stripped.split()) < 15:
            continue
        dateline = DATELINE.match(stripped)  # not part of the story: parse what follows it
        if dateline:
            rest = stripped[dateline.end() :]
            start += dateline.end() + (len(rest) - len(rest.lstrip()))
            stripped = rest.strip()
        found.append((stripped, start))
    return found


class Extractor:
    """Finds events in articles with spaCy and rules driven by the reference gazetteer."""

    def __init__(self, nlp: Language, gazetteer: Gazetteer) -> None:
        self.nlp = nlp
        self.version = extractor_version("model" if "ner" in nlp.pipe_names else "rules")
        self.gazetteer = gazetteer
        self._parsing = threading.Lock()  # one spaCy pipeline is not safe to run from two threads

    @classmethod
    def load(
        cls, reference_file: Path = resources.REFERENCE_FILE, ner: NerKind | None = None
    ) -> Extractor:
        """The extractor with its entity recogniser: `ner`, else the `AKG_NER` setting."""
        gazetteer = Gazetteer.load(reference_file)
        return cls(build_nlp(gazetteer, ner or Settings.from_env().ner), gazetteer)

    def extract(self, article: Article) -> Extraction:
        return next(self.extract_many([article]))

    def extract_many(
        self, articles: Iterable[Article], *, n_process: int = 1, batch_size: int = 32
    ) -> Iterator[Extraction]:
        """Extract from many articles, parsing their paragraphs in batches (and processes)."""
        for batch in _chunks(articles, max(batch_size, 1)):
            units = [
                (text, (n, start)) for n, a in enumerate(batch) for text, start in paragraphs(a)
            ]
            docs: list[list[tuple[Doc, int]]] = [[] for _ in batch]
            with self._parsing:
                for doc, (n, start) in self.nlp.pipe(
                    units, as_tuples=True, n_process=n_process, batch_size=64
                ):
                    docs[n].append((doc, start))
            for article, parsed in zip(batch, docs, strict=True):
                yield self._rules(article, parsed)

    def _filed_from(self, article: Article, ctx: ArticleContext) -> list[Entity]:
        """The state a story was filed from: its dateline's city, region or country."""
        for name in dateline_places(article):
            ref = self.gazetteer.country_named(name) or self.gazetteer.place_named(name)
            state = ctx.state_of(ref.entity()) if ref is not None else None
            if state is not None:
                return [state]
        return []

    def _rules(self, article: Article, parsed: list[tuple[Doc, int]]) -> Extraction:
        ctx = ArticleContext((doc for doc, _ in parsed), self.gazetteer)
        ctx.dateline = self._filed_from(article, ctx)
        memory = AttributionMemory()
        candidates: list[Candidate] = []
        previous: EventDate | None = None  # the date told last: 'the same day' is its day
        for doc, offset in parsed:
            for sentence in doc.sents:
                attribution = memory.resolve(sentence_attribution(sentence))
                found = [
                    build_candidate(t, sentence, offset, ctx, article.published, previous)
                    for t in find_triggers(sentence, ctx)
                ]
                previous = next((c.date for c in reversed(found) if c.date), previous)
                money = money_in(sentence)
                for candidate in found:
                    candidate.attribution = attribution
                    if money and candidate.type in MATERIEL_CLASSES:
                        candidate.quantities += money
                        money = []
                if not found:
                    found = _elaboration(sentence, offset, candidates, ctx)
                candidates += found
                signed = signing_date(sentence, article.published)
                if signed is not None:
                    _date_the_deal(*signed, offset, candidates)
                _remember_subject(sentence, ctx)
        drafts = merge_candidates(candidates, ctx, article.published)
        events = tuple(draft_to_event(d) for d in drafts)
        named = {e.iri: e for ev in events for _, e in ev.roles}
        for doc, _ in parsed:
            for ent in doc.ents:
                for entity in ctx.linked(ent):
                    named.setdefault(entity.iri, entity)
        return Extraction(
            article=article, events=events, entities=tuple(named[k] for k in sorted(named))
        )


def dateline_places(article: Article) -> list[str]:
    """The place names of the dateline the story opens with ("CAMP DAVID, Maryland (AP) -":
    Camp David, Maryland), or none."""
    title = (article.title or "").strip().lower()
    for line in article.text.split("\n"):
        stripped = line.strip()
        if not stripped or stripped.startswith("#") or stripped.lower() == title:
            continue
        dateline = DATELINE.match(stripped)
        if dateline is None:
            return []
        return [name.strip() for name in stripped[: dateline.end()].split("(")[0].split(",")]
    return []


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _remember_subject(sentence: Span, ctx: ArticleContext) -> None:
    """Keep the root subject's actors, for 'they' in the next sentence; when it names none
    ('For Indonesia, which is ..., the attraction lies'), the last clause subject naming one."""
    subjects = [t for t in sentence if t.dep_ in {"nsubj", "nsubjpass"}]
    root = next((t for t in subjects if t.head.dep_ == "ROOT"), None)
    if root is not None:
        actors, _ = actors_of_np(root, ctx)
        if actors:
            ctx.last_subject, ctx.last_subject_sentence = actors, sentence
            return
    for token in reversed(subjects):
        actors, inferred = subject_actors(token.head, ctx)
        if actors and not inferred:
            ctx.last_subject, ctx.last_subject_sentence = actors, sentence
            return


def _date_the_deal(deal: Token, when: EventDate, offset: int, earlier: list[Candidate]) -> None:
    """'Turkey has signed a deal for 20 Typhoons ... The contract was inked on Monday': the
    signing dates the last deal told before it, if nothing dated it."""
    where = offset + deal.sent.start_char
    for candidate in reversed(earlier):
        start = candidate.offset + candidate.sentence.start_char
        if start > where or (start == where and candidate.trigger.i >= deal.i):
            continue
        if where - start > SIGNING_REACH:
            return
        if candidate.status is Status.AGREED and candidate.type not in UNSIGNED:
            if candidate.date is None:
                candidate.date = when
            return


def _can_take_detail(candidate: Candidate) -> bool:
    """Detail goes to an event of a materiel class; a transfer or aid must name who acts."""
    if candidate.type not in MATERIEL_CLASSES or candidate.modality.negated:
        return False
    return candidate.type not in MATERIEL_IDENTITY or bool(candidate.actor_iris())


def _elaboration(
    sentence: Span, offset: int, earlier: list[Candidate], ctx: ArticleContext
) -> list[Candidate]:
    """'Parts for howitzers are among the items considered': more materiel for the last event."""
    if not earlier or not _ELABORATION.search(sentence.text):
        return []
    materiel: list[Entity] = []
    for ent in sentence.ents:
        entity = ctx.entity(ent)
        if entity is not None and entity.type is EntityType.MATERIEL:
            materiel.append(entity)
    last = next((c for c in reversed(earlier) if _can_take_detail(c)), None)
    if not materiel or last is None:
        return []
    if (offset + sentence.start_char) - (last.offset + last.sentence.start_char) > 900:
        return []
    anchor = next((t for t in sentence if t.dep_ == "ROOT"), sentence[0])
    modality: Modality = resolve_modality(anchor, last.type, future_date=False)
    follow = Candidate(
        last.type, anchor, sentence, offset, modality, inferred=True, elaboration=True
    )
    follow.roles = {role: dict(found) for role, found in last.roles.items()}
    follow.add(Role.MATERIEL, materiel)
    return [follow]
