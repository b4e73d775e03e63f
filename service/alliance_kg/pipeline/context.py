"""What one article's parse offers the rules: entities by token, linking, the states in focus."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from alliance_kg.iris import entity_iri
from alliance_kg.model import Entity, EntityType
from alliance_kg.pipeline.gazetteer import Gazetteer
from alliance_kg.pipeline.lexicon import (
    ANAPHORIC_DETERMINERS,
    GENERIC_NAMES,
    GROUP_NOUNS,
    NUMBER_WORDS,
    SHIP_PREFIXES,
)

_NER_TYPES = {
    "ORG": EntityType.ORGANIZATION,
    "PERSON": EntityType.PERSON,
    "GPE": EntityType.PLACE,
    "LOC": EntityType.PLACE,
    "FAC": EntityType.PLACE,
    "PRODUCT": EntityType.MATERIEL,
}
ACTOR_TYPES = {EntityType.COUNTRY, EntityType.PERSON, EntityType.ORGANIZATION}
_LEADING = ("the ", "The ", "a ", "an ")
_SUBJECTS = {"nsubj", "nsubjpass"}
Position = tuple[int, int]  # (paragraph, token): where a word stands in the article
SpanKey = tuple[int, int, int, str, str]  # (doc, start, end, label, id): what links a span


def counted_group(noun: Token) -> int | None:
    """The number of states a counted group noun names: 'the three countries' -> 3."""
    if noun.lemma_ not in GROUP_NOUNS or noun.tag_ not in {"NNS", "NNPS"}:
        return None
    return next((NUMBER_WORDS[c.lower_] for c in noun.children if c.lower_ in NUMBER_WORDS), None)


# Prepositions naming the other party of what a subject does: 'a pact with', 'sell to'.
_COUNTERPART_PREPS = {"with", "to", "from"}


def _counterparts(verb: Token) -> list[Token]:
    """The words a verb (through 'agreed to buy' chains) or its object name as the party it
    deals with: the objects of its 'with', 'to' and 'from' phrases, and their conjuncts. A
    phrase set off by a comma is left out: a parse hangs asides there."""
    heads = [verb]
    while heads[-1].pos_ in {"VERB", "AUX"}:
        chained = [c for c in heads[-1].children if c.dep_ == "xcomp"]
        if not chained:
            break
        heads.append(chained[0])
    heads += [c for h in list(heads) for c in h.children if c.dep_ == "dobj"]
    return [
        word
        for h in heads
        for prep in h.children
        if prep.dep_ == "prep"
        and prep.lower_ in _COUNTERPART_PREPS
        and not any(t.text == "," for t in verb.doc[min(h.i, prep.i) : max(h.i, prep.i)])
        for obj in prep.children
        if obj.dep_ == "pobj"
        for word in (obj, *obj.conjuncts)
    ]


class ArticleContext:
    """Entity lookup over the parsed paragraphs of one article."""

    def __init__(self, docs: Iterable[Doc], gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self.ent_at: dict[tuple[int, int], Span] = {}
        self.home: list[str] = []  # known once every paragraph is read
        self._paragraph: dict[int, int] = {}
        self._group_counts: list[tuple[Position, int]] = []  # 'the three countries': 3
        self._groups: list[tuple[Position, list[Entity]]] = []  # states acting together
        self._people: list[tuple[Position, Entity]] = []  # named in full, for a later surname
        self._named: list[tuple[Position, Entity, bool]] = []  # states, blocs; as subject?
        self._materiel: list[tuple[Position, Entity]] = []  # for a later 'the frigates'
        self._bodies: list[tuple[Position, Span, Entity]] = []  # organisations: 'the company'
        # Links, once the article is read (while it is, 'home' is not known yet): the rules
        # ask for the same span's and word's entity many times.
        self._span_links: dict[SpanKey, Entity | None] | None = None
        self._word_links: dict[tuple[int, int], Entity | None] = {}
        counts: Counter[str] = Counter()
        acting: Counter[str] = Counter()
        first_seen: dict[str, int] = {}
        for n, doc in enumerate(docs):
            self._paragraph[id(doc)] = n
            for ent in doc.ents:
                for i in range(ent.start, ent.end):
                    self.ent_at[(id(doc), i)] = ent
                entity = self.entity(ent)
                if entity is not None and entity.type is EntityType.PERSON and len(ent) > 1:
                    self._people.append(((n, ent.start), entity))
                if entity is not None and entity.type is EntityType.MATERIEL:
                    self._materiel.append(((n, ent.start), entity))
                if entity is not None and entity.type is EntityType.ORGANIZATION:
                    self._bodies.append(((n, ent.start), ent, entity))
                if entity is not None and ent.root.pos_ == "PROPN" and self._nameable(entity):
                    self._named.append(((n, ent.start), entity, ent.root.dep_ in _SUBJECTS))
                if entity is not None and entity.type is EntityType.COUNTRY:
                    counts[entity.iri] += 1
                    first_seen.setdefault(entity.iri, n * 100_000 + ent.start)
                    if any(t.dep_ in _SUBJECTS for t in ent):
                        acting[entity.iri] += 1
            self._group_counts += [
                ((n, t.i), size) for t in doc if (size := counted_group(t)) is not None
            ]
            self._groups += self._subject_groups(doc)
        self.countries_by_salience = sorted(counts, key=lambda c: (-counts[c], first_seen[c]))
        # the state that acts most often as a subject: who "the government" is
        self.home = (
            sorted(acting, key=lambda c: (-acting[c], first_seen[c]))[:1]
            or (self.countries_by_salience[:1])
        )
        self.last_subject: list[Entity] = []
        self.last_subject_sentence: Span | None = None  # where last_subject was named
        self.dateline: list[Entity] = []  # the state the story was filed from
        self._span_links = {}

    def position(self, token: Token) -> Position:
        return (self._paragraph.get(id(token.doc), 0), token.i)

    def _subject_groups(self, doc: Doc) -> list[tuple[Position, list[Entity]]]:
        """States acting together: coordinated subjects ('Biden, Kishida and Yoon agreed'), or
        a subject and the state its verb or object deals with, sells to or buys from ('Japan
        signed a pact with the Philippines', 'Australia agreed to buy submarines from the US')."""
        found = []
        for token in doc:
            if token.dep_ not in _SUBJECTS:
                continue
            states = self._states_of([token, *token.conjuncts])
            if states and token.dep_ == "nsubj":  # "stocks drawn down by shipments to Israel"
                states |= self._states_of(_counterparts(token.head))
            if len(states) >= 2:
                found.append((self.position(token), list(states.values())))
        return found

    def _states_of(self, words: list[Token]) -> dict[str, Entity]:
        """The states words name, or whose leaders, bodies or firms they name."""
        states: dict[str, Entity] = {}
        for word in words:
            entity = self.entity_of(word)
            for actor in self.with_country(entity) if entity is not None else []:
                if actor.type is EntityType.COUNTRY:
                    states.setdefault(actor.iri, actor)
        return states

    def _nameable(self, entity: Entity) -> bool:
        """A state, or a body of several states (the EU, NATO): what 'the country' or
        'the bloc' may take up."""
        if entity.type is EntityType.COUNTRY:
            return True
        return entity.type is EntityType.ORGANIZATION and (
            self.gazetteer.country_of(entity.iri) is None and not entity.minted
        )

    def last_named(self, token: Token, kind: EntityType) -> list[Entity]:
        """The state or bloc last named by name before `token`: what 'the country',
        'the island', 'the bloc' stand for; as a subject, the last one named as a subject."""
        here = self.position(token)
        named = [(e, acting) for where, e, acting in self._named if where < here and e.type is kind]
        if token.dep_ in _SUBJECTS:
            named = [n for n in named if n[1]] or named
        return [named[-1][0]] if named else []

    def bodies_before(self, token: Token) -> list[tuple[Span, Entity]]:
        """The organisations named before `token` with the names that name them, the latest
        first."""
        here = self.position(token)
        return [(span, e) for where, span, e in reversed(self._bodies) if where < here]

    def last_group(self, token: Token, size: int | None = None) -> list[Entity]:
        """The states last named acting together before `token` (of `size`, if given)."""
        here = self.position(token)
        for where, states in reversed(self._groups):
            if where < here and (size is None or len(states) == size):
                return states
        return []

    def span_of(self, token: Token) -> Span | None:
        return self.ent_at.get((id(token.doc), token.i))

    def entity(self, span: Span) -> Entity | None:
        """Link an entity span: a gazetteer match, or a minted entity typed by the NER label."""
        if self._span_links is None:
            return self._link(span)
        key = (id(span.doc), span.start, span.end, span.label_, span.id_)
        if key not in self._span_links:
            self._span_links[key] = self._link(span)
        return self._span_links[key]

    def _link(self, span: Span) -> Entity | None:
        if span.id_:
            ref = self.gazetteer.get(span.id_)
            return ref.entity() if ref is not None else None
        kind = _NER_TYPES.get(span.label_)
        if kind is None:
            return None
        label = span.text.strip()
        for prefix in _LEADING:
            label = label.removeprefix(prefix)
        label = label.removesuffix("'s").removesuffix("’s").strip(" ,.;:\"'“”")
        if len(label) < 2 or not any(c.isalpha() for c in label):
            return None
        if label.lower() in GENERIC_NAMES:  # "the Navy", "Defense": no one in particular
            return None
        if label.islower():  # one spelling per minted IRI, whichever article mints it first
            label = label.title()
        prefix = span.doc[span.start - 1].text if span.start > 0 else ""
        if label.split()[0] in SHIP_PREFIXES or prefix in SHIP_PREFIXES:  # "USNS Matthew Perry"
            kind = EntityType.MATERIEL  # a ship's name, not a person's or a firm's
            label = label if label.split()[0] in SHIP_PREFIXES else f"{prefix} {label}"
        if kind is EntityType.PERSON and " " not in label:
            named = self._named_before(label, span)
            if named is not None:
                return named
        body = self.gazetteer.body_of(label, self.home) if kind is EntityType.ORGANIZATION else None
        if body is not None:  # "the National Security Council" of the article's own state
            return body.entity()
        return Entity(iri=entity_iri(kind.value, label), label=label, type=kind, minted=True)

    def _named_before(self, surname: str, span: Span) -> Entity | None:
        """'Kim' after 'Defense Minister Kim Yong-hyun': the last person so named in full."""
        here = self.position(span[0])
        for where, person in reversed(self._people):
            words = person.label.split()
            if where < here and surname in (words[0], words[-1]):
                return person
        return None

    def linked(self, span: Span) -> list[Entity]:
        """The reference entity a span links to, and the state its name begins with
        ('South Korea's National Intelligence Service', 'Japanese Defense Ministry')."""
        entity = self.entity(span) if span.id_ else None
        if entity is None:
            return []
        country = self.gazetteer.country_of(entity.iri)
        for end in range(span.start + 1, min(span.end, span.start + 3)):
            name = span.doc[span.start : end].text.removesuffix("'s").removesuffix("’s")
            ref = self.gazetteer.country_named(name)
            if ref is not None and ref.iri == country and country != entity.iri:
                return [entity, ref.entity()]
        return [entity]

    def entity_of(self, token: Token) -> Entity | None:
        if self._span_links is None:
            return self._entity_of(token)
        key = (id(token.doc), token.i)
        if key not in self._word_links:
            self._word_links[key] = self._entity_of(token)
        return self._word_links[key]

    def _entity_of(self, token: Token) -> Entity | None:
        span = self.span_of(token)
        entity = self.entity(span) if span is not None else None
        if span is not None and entity is not None and entity.type is EntityType.MATERIEL:
            return self._system_meant(span, entity)
        return entity

    def _system_meant(self, span: Span, entity: Entity) -> Entity:
        """'the ships' after 'three FDI frigates': a definite class word stands for the
        system of that class the article named last before it."""
        definite = any(
            c.dep_ == "det" and c.lower_ in ANAPHORIC_DETERMINERS for c in span.root.children
        )
        if not definite or entity.iri not in self.gazetteer.has_narrower:
            return entity
        here = self.position(span[0])
        for where, earlier in reversed(self._materiel):
            if where < here and entity.iri in self.gazetteer.ancestors(earlier.iri):
                return earlier
        return entity

    def system_before(self, token: Token) -> Entity | None:
        """The system (a materiel nothing is narrower than) the article named most often before
        a word, the first named of equals: what 'the fleet' stands for."""
        here = self.position(token)
        kinds = self.gazetteer.has_narrower
        named = [e for where, e in self._materiel if where < here and e.iri not in kinds]
        counts = Counter(e.iri for e in named)
        return max(named, key=lambda e: counts[e.iri], default=None)

    def place_of(self, token: Token) -> Entity | None:
        """Where a word names a location: a capital's name is the city, not its government."""
        span = self.span_of(token)
        entity = self.entity(span) if span is not None else None
        if entity is None or entity.type not in (EntityType.PLACE, EntityType.COUNTRY):
            return None
        if entity.type is EntityType.COUNTRY and span is not None:
            ref = self.gazetteer.get(entity.iri)
            if ref is not None and span.text in ref.metonyms:
                place = self.gazetteer.place_named(span.text)
                if place is not None:
                    return place.entity()
        return entity

    def with_country(self, entity: Entity) -> list[Entity]:
        """An actor and the state it belongs to (a leader, ministry or company rolls up)."""
        out = [entity]
        if entity.type in (EntityType.PERSON, EntityType.ORGANIZATION):
            state = self.state_of(entity)
            if state is not None:
                out.append(state)
        return out

    def focus(self, size: int = 2) -> list[Entity]:
        """The states the article is mostly about: "the two countries", "the allies"."""
        return self._entities(self.countries_by_salience[:size])

    def group_size(self, token: Token) -> int:
        """How many states an unnumbered 'the leaders' or 'they' stands for: as many as the
        last group the article counted ('the three countries'), else two."""
        here = self.position(token)
        counted = [size for where, size in self._group_counts if where <= here]
        return counted[-1] if counted else 2

    def home_country(self) -> list[Entity]:
        """The state an unqualified "the government" stands for."""
        return self._entities(self.home)

    def home_here(self, word: Token) -> list[Entity]:
        """The state "the government", "the navy" or "lawmakers" stand for where they are
        told: the one state the sentence just before had as subject, else the state the story
        was filed from, else the state acting most in the article."""
        told = self.last_subject_sentence
        states = [e for e in self.last_subject if e.type is EntityType.COUNTRY]
        if told is not None and len(states) == 1 and self._just_before(told, word.sent):
            return states
        return self.dateline or self.home_country()

    def _just_before(self, told: Span, sentence: Span) -> bool:
        """`told` is the sentence before `sentence`, in its paragraph or ending the last one."""
        if told.doc is sentence.doc:
            return told.end == sentence.start
        here, there = self._paragraph.get(id(sentence.doc)), self._paragraph.get(id(told.doc))
        return (
            sentence.start == 0
            and told.end == len(told.doc)
            and here is not None
            and there is not None
            and here == there + 1
        )

    def _entities(self, iris: list[str]) -> list[Entity]:
        refs = [self.gazetteer.get(iri) for iri in iris]
        return [ref.entity() for ref in refs if ref is not None]

    def state_of(self, entity: Entity) -> Entity | None:
        """The one state an entity is or belongs to (a place, a policy, a body)."""
        country = self.gazetteer.country_of(entity.iri)
        ref = self.gazetteer.get(country) if country else None
        return ref.entity() if ref is not None else None

    def bloc_of(self, place: Entity) -> Entity | None:
        """The bloc a region stands for ("Europe cannot make enough shells": the EU)."""
        ref = self.gazetteer.get(place.iri) if place.type is EntityType.PLACE else None
        blocs = [
            target
            for iri in (ref.affiliations if ref is not None else [])
            if (target := self.gazetteer.get(iri)) is not None
            and target.type is EntityType.ORGANIZATION
        ]
        return blocs[0].entity() if len(blocs) == 1 else None

    def is_specific_materiel(self, entity: Entity) -> bool:
        """A materiel class below the top of the hierarchy, or a named system."""
        if entity.minted:
            return True
        return self.gazetteer.depth(entity.iri) >= 1
