"""Article -> Extraction: the extractor the rest of the system calls.

Each article is cut into paragraphs (lines); lines that are not prose (the headline repeated
in the body, photo captions, a publisher's name) are skipped. A cheap pass (`Skimmer`) cuts
each paragraph into sentences and finds its gazetteer entities; only the runs of sentences
the rules can use (a form of a trigger word, or detail for an earlier event) go through the
full spaCy pipeline, in batches. The rules run on those sentences, with the whole article's
entities in the context, and the candidates merge per article.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Span

from alliance_kg import __version__, resources
from alliance_kg.model import Article, Entity, EntityType, Extraction, Role
from alliance_kg.pipeline.attribution import AttributionMemory, sentence_attribution
from alliance_kg.pipeline.candidates import MATERIEL_CLASSES, Candidate, build_candidate
from alliance_kg.pipeline.context import ArticleContext
from alliance_kg.pipeline.gazetteer import Gazetteer
from alliance_kg.pipeline.merge import MATERIEL_IDENTITY, draft_to_event, merge_candidates
from alliance_kg.pipeline.modality import Modality, resolve_modality
from alliance_kg.pipeline.nlp import Skimmer, build_nlp
from alliance_kg.pipeline.quantities import money_in
from alliance_kg.pipeline.roles import actors_of_np
from alliance_kg.pipeline.triggers import TRIGGER_LEMMAS, find_triggers

_SENTENCE_END = re.compile(r"[.!?…\"”’')\]]\s*$")
_ELABORATION = re.compile(
    r"\b(candidates?|among the|such as|including|includ(?:e|es)|items?|list)\b", re.IGNORECASE
)
# "TOKYO, June 11 (Jiji Press)--", "PERTH (Reuters) -": where and by whom a story was filed.
DATELINE = re.compile(
    r"^[A-Z][A-Za-z .'-]{1,40}(?:,\s+[A-Z][a-z]{2,9}\.?\s+\d{1,2})?\s*\([^)]{1,40}\)\s*(?:--|—|–|-)"
)
Paragraph = tuple[str, int]


@dataclass(frozen=True)
class Piece:
    """A run of sentences of a paragraph, at `offset` in the article; parsed or only skimmed."""

    doc: Doc
    offset: int
    parsed: bool


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

    version = f"alliance-kg-extractor/{__version__}"

    def __init__(self, nlp: Language, gazetteer: Gazetteer) -> None:
        self.nlp = nlp
        self.gazetteer = gazetteer
        self.skimmer = Skimmer(nlp, gazetteer, TRIGGER_LEMMAS)
        self._parsing = threading.Lock()  # one spaCy pipeline is not safe to run from two threads

    @classmethod
    def load(cls, reference_file: Path = resources.REFERENCE_FILE) -> Extractor:
        gazetteer = Gazetteer.load(reference_file)
        return cls(build_nlp(gazetteer), gazetteer)

    def extract(self, article: Article) -> Extraction:
        return next(self.extract_many([article]))

    def extract_many(
        self, articles: Iterable[Article], *, n_process: int = 1, batch_size: int = 32
    ) -> Iterator[Extraction]:
        """Extract from many articles, parsing what the rules use in batches (and processes)."""
        for batch in _chunks(articles, max(batch_size, 1)):
            pieces: list[list[Piece | None]] = [[] for _ in batch]
            units: list[tuple[str, tuple[int, int, int]]] = []
            for n, article in enumerate(batch):
                for text, start in paragraphs(article):
                    for run, wanted in self._runs(self.skimmer(text)):
                        offset = start + run.start_char
                        if wanted:
                            units.append((run.text, (n, len(pieces[n]), offset)))
                            pieces[n].append(None)  # filled in once parsed
                        else:
                            pieces[n].append(Piece(run.as_doc(), offset, parsed=False))
            with self._parsing:
                for doc, (n, slot, offset) in self.nlp.pipe(
                    units, as_tuples=True, n_process=n_process, batch_size=64
                ):
                    pieces[n][slot] = Piece(doc, offset, parsed=True)
            for article, found in zip(batch, pieces, strict=True):
                yield self._rules(article, [piece for piece in found if piece is not None])

    def _runs(self, skimmed: Doc) -> Iterator[tuple[Span, bool]]:
        """Maximal runs of sentences that the rules can use (True) or cannot (False)."""
        first, wanted = 0, None
        for sentence in skimmed.sents:
            if sentence.text.startswith("["):  # "[attribution: ...]" belongs to the sentence before
                use = bool(wanted)
            else:
                use = self.skimmer.has_trigger_form(sentence) or _may_elaborate(sentence)
            if wanted is not None and use != wanted:
                boundary = _sentence_start(skimmed, sentence.start)
                yield skimmed[first:boundary], wanted
                first = boundary
            wanted = use
        if wanted is not None:
            yield skimmed[first:], wanted

    def _rules(self, article: Article, pieces: list[Piece]) -> Extraction:
        ctx = ArticleContext((piece.doc for piece in pieces), self.gazetteer)
        memory = AttributionMemory()
        candidates: list[Candidate] = []
        for piece in (p for p in pieces if p.parsed):
            doc, offset = piece.doc, piece.offset
            for sentence in doc.sents:
                attribution = memory.resolve(sentence_attribution(sentence))
                found = [
                    build_candidate(t, sentence, offset, ctx, article.published)
                    for t in find_triggers(sentence, ctx)
                ]
                money = money_in(sentence)
                for candidate in found:
                    candidate.attribution = attribution
                    if money and candidate.type in MATERIEL_CLASSES:
                        candidate.quantities += money
                        money = []
                if not found:
                    found = _elaboration(sentence, offset, candidates, ctx)
                candidates += found
                _remember_subject(sentence, ctx)
        drafts = merge_candidates(candidates, ctx)
        events = tuple(draft_to_event(d) for d in drafts)
        named = {e.iri: e for ev in events for _, e in ev.roles}
        for piece in pieces:
            for ent in piece.doc.ents:
                entity = ctx.entity(ent) if ent.id_ else None
                if entity is not None:
                    named.setdefault(entity.iri, entity)
        return Extraction(
            article=article, events=events, entities=tuple(named[k] for k in sorted(named))
        )


def _chunks(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    batch: list[Article] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def _sentence_start(doc: Doc, start: int) -> int:
    """An opening quote that the sentencizer left at the end of a sentence starts the next."""
    while start > 1 and doc[start - 1].is_quote and doc[start - 2].whitespace_:
        if doc[start - 1].whitespace_:  # a closing quote: '..." he said.'
            return start
        start -= 1
    return start


def _may_elaborate(sentence: Span) -> bool:
    """Whether `_elaboration` may take the sentence: its cue words and a gazetteer materiel."""
    return bool(_ELABORATION.search(sentence.text)) and any(
        ent.label_ == EntityType.MATERIEL.value for ent in sentence.ents
    )


def _remember_subject(sentence: Span, ctx: ArticleContext) -> None:
    """Keep the root subject's actors, for 'they' in the next sentence."""
    for token in sentence:
        if token.dep_ in {"nsubj", "nsubjpass"} and token.head.dep_ == "ROOT":
            actors, _ = actors_of_np(token, ctx)
            if actors:
                ctx.last_subject = actors
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
