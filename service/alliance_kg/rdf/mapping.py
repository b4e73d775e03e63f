"""Extraction -> quads, all in the article's named graph; deterministic, no blank nodes.

The output is a sorted, de-duplicated list, and holds no timestamp: mapping the same
extraction twice gives the same list, so re-ingesting an unchanged article changes nothing.

Events of one extraction that share an identity (`identity.event_identities`) are one event: their
roles, mentions and quantities are united; the firmest status wins (Considered < Planned <
Expected < Agreed < Ongoing < Completed), as do the most precise date and the highest
confidence; a sentence read by two parts stays one mention, with the firmer status; the
merged event counts as negated only when every part was. Each mention of a negated event
carries `ak:negated true`, and `Event.causes` become `ak:cause` links between event IRIs;
both are read from the events before merging.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from decimal import Decimal

from pyoxigraph import Literal, NamedNode, Quad

from alliance_kg import iris, vocab
from alliance_kg.model import (
    ACTOR_ROLES,
    Article,
    DatePrecision,
    Entity,
    Event,
    EventClass,
    EventDate,
    Extraction,
    Mention,
    Status,
    StoredEvent,
)
from alliance_kg.rdf.identity import event_identities

Triple = tuple[NamedNode, NamedNode, NamedNode | Literal]


class MappingError(ValueError):
    """An extraction that cannot be mapped, e.g. an event naming a cause that does not exist."""


DEFENSE_COOPERATION_SUBCLASSES: frozenset[EventClass] = frozenset(
    {
        EventClass.JOINT_PRODUCTION,
        EventClass.ARMS_TRANSFER,
        EventClass.MAINTENANCE_COOPERATION,
        EventClass.SUPPLY_CHAIN_COOPERATION,
    }
)

_STATUS_FIRMNESS: dict[Status, int] = {status: rank for rank, status in enumerate(Status)}

_DATE_TYPES: dict[DatePrecision, NamedNode] = {
    DatePrecision.DAY: vocab.XSD_DATE,
    DatePrecision.MONTH: vocab.XSD_G_YEAR_MONTH,
    DatePrecision.YEAR: vocab.XSD_G_YEAR,
}


def extraction_to_quads(extraction: Extraction, *, extractor_version: str) -> list[Quad]:
    """Every quad the extraction contributes to `iris.article_graph(article.id)`, sorted."""
    article = extraction.article
    triples: set[Triple] = set(_article_triples(article, extractor_version))
    events = merge_same_identity(extraction.events)
    for identity, event in events.items():
        triples.update(_event_triples(identity, event, article.id))
    triples.update(_per_report_triples(extraction.events, article.id))
    article_node = NamedNode(iris.article_iri(article.id))
    for entity in extraction.entities:
        if not entity.minted:
            triples.add((article_node, vocab.SCHEMA_MENTIONS, NamedNode(entity.iri)))
    for entity in _minted_entities(events.values()):
        triples.add((NamedNode(entity.iri), vocab.RDF_TYPE, _term(entity.type.value)))
        triples.add((NamedNode(entity.iri), vocab.RDFS_LABEL, Literal(entity.label, language="en")))
    graph = NamedNode(iris.article_graph(article.id))
    return [Quad(s, p, o, graph) for s, p, o in sorted(triples, key=_sort_key)]


def stored_events(extraction: Extraction) -> tuple[StoredEvent, ...]:
    """The events an extraction's graph holds: one per identity, with its IRI and class."""
    return tuple(
        StoredEvent(iri=iris.event_iri(identity), type=event.type)
        for identity, event in merge_same_identity(extraction.events).items()
    )


def merge_same_identity(events: Sequence[Event]) -> dict[str, Event]:
    """The events keyed by identity, those sharing one merged (see the module docstring)."""
    merged: dict[str, Event] = {}
    for identity, event in zip(event_identities(events), events, strict=True):
        merged[identity] = _merge(merged[identity], event) if identity in merged else event
    return dict(sorted(merged.items()))


def _merge(first: Event, second: Event) -> Event:
    return replace(
        first,
        status=max(first.status, second.status, key=_STATUS_FIRMNESS.__getitem__),
        roles=tuple(dict.fromkeys(first.roles + second.roles)),
        mentions=_one_mention_per_span(first.mentions + second.mentions),
        date=_more_precise(first.date, second.date),
        quantities=tuple(dict.fromkeys(first.quantities + second.quantities)),
        negated=first.negated and second.negated,
        confidence=max(first.confidence, second.confidence),
    )


def _one_mention_per_span(mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """A sentence is one mention (one IRI): where two read it differently, the firmer wins."""
    by_span: dict[tuple[int, int], Mention] = {}
    for mention in sorted(mentions, key=_mention_rank):
        by_span[mention.start, mention.end] = mention
    return tuple(by_span[span] for span in sorted(by_span))


def _mention_rank(mention: Mention) -> tuple[int, str, str]:
    return _STATUS_FIRMNESS[mention.status], mention.status_cue or "", mention.attribution or ""


def _more_precise(first: EventDate | None, second: EventDate | None) -> EventDate | None:
    """The more precise date; of two equally precise ones, the later."""
    dates = [found for found in (first, second) if found is not None]
    return max(dates, key=_date_rank, default=None)


def _date_rank(found: EventDate) -> tuple[int, str]:
    return -list(DatePrecision).index(found.precision), found.isoformat()


def _article_triples(article: Article, extractor_version: str) -> Iterator[Triple]:
    node = NamedNode(iris.article_iri(article.id))
    activity = NamedNode(ingest_activity_iri(article.id))
    yield node, vocab.RDF_TYPE, vocab.Article
    yield node, vocab.text, Literal(article.text)
    yield node, vocab.PROV_WAS_GENERATED_BY, activity
    yield activity, vocab.RDF_TYPE, vocab.Ingest
    yield activity, vocab.extractorVersion, Literal(extractor_version)
    if article.title:
        yield node, vocab.DCTERMS_TITLE, Literal(article.title)
    if article.publisher:
        yield node, vocab.DCTERMS_PUBLISHER, Literal(article.publisher)
    if article.published:
        issued = Literal(article.published.isoformat(), datatype=vocab.XSD_DATE)
        yield node, vocab.DCTERMS_ISSUED, issued
    if article.url:
        try:
            source = NamedNode(article.url)
        except ValueError as error:
            raise MappingError(f"article {article.id}: {article.url!r} is not an IRI") from error
        yield node, vocab.DCTERMS_SOURCE, source


def _event_triples(identity: str, event: Event, article_id: str) -> Iterator[Triple]:
    node = NamedNode(iris.event_iri(identity))
    yield node, vocab.RDF_TYPE, _term(event.type.value)
    yield node, vocab.RDF_TYPE, vocab.Event
    if event.type in DEFENSE_COOPERATION_SUBCLASSES:
        yield node, vocab.RDF_TYPE, vocab.DefenseCooperation
    for role, entity in event.roles:
        yield node, _term(role.value), NamedNode(entity.iri)
        if role in ACTOR_ROLES:
            yield node, vocab.participant, NamedNode(entity.iri)
    yield node, vocab.status, _term(event.status.value)
    reported = vocab.negatedIn if event.negated else vocab.reportedIn
    yield node, reported, NamedNode(iris.article_iri(article_id))
    if event.date is not None:
        datatype = _DATE_TYPES[event.date.precision]
        yield node, vocab.date, Literal(event.date.isoformat(), datatype=datatype)
    yield node, vocab.confidence, _decimal(round(event.confidence, 2))
    for number, quantity in enumerate(event.quantities, start=1):
        quantity_node = NamedNode(quantity_iri(article_id, identity, number))
        yield node, vocab.quantity, quantity_node
        yield quantity_node, vocab.RDF_TYPE, vocab.Quantity
        yield quantity_node, vocab.amount, _decimal(quantity.amount)
        yield quantity_node, vocab.unit, Literal(quantity.unit)
        yield quantity_node, vocab.quantityText, Literal(quantity.text)
    for mention in event.mentions:
        mention_node = NamedNode(iris.mention_iri(article_id, identity, mention.start, mention.end))
        yield node, vocab.evidence, mention_node
        yield from _mention_triples(mention_node, mention, article_id)


def _per_report_triples(events: tuple[Event, ...], article_id: str) -> Iterator[Triple]:
    """What merging would blur: which mentions deny their event, and which events caused it."""
    identities = event_identities(events)
    for identity, event in zip(identities, events, strict=True):
        if event.negated:
            for mention in event.mentions:
                node = NamedNode(iris.mention_iri(article_id, identity, mention.start, mention.end))
                yield node, vocab.negated, Literal("true", datatype=vocab.XSD_BOOLEAN)
        for index in event.causes:
            if not 0 <= index < len(events):
                raise MappingError(f"event {identity} names cause #{index}, beyond the extraction")
            if identities[index] != identity:
                yield (
                    NamedNode(iris.event_iri(identity)),
                    vocab.cause,
                    NamedNode(iris.event_iri(identities[index])),
                )


def _mention_triples(node: NamedNode, mention: Mention, article_id: str) -> Iterator[Triple]:
    yield node, vocab.RDF_TYPE, vocab.Mention
    yield node, vocab.inArticle, NamedNode(iris.article_iri(article_id))
    yield node, vocab.text, Literal(mention.text)
    yield node, vocab.start, Literal(str(mention.start), datatype=vocab.XSD_INTEGER)
    yield node, vocab.end, Literal(str(mention.end), datatype=vocab.XSD_INTEGER)
    yield node, vocab.status, _term(mention.status.value)
    if mention.status_cue:
        yield node, vocab.statusCue, Literal(mention.status_cue)
    if mention.attribution:
        yield node, vocab.attribution, Literal(mention.attribution)


def _minted_entities(events: Iterable[Event]) -> list[Entity]:
    minted = {entity.iri: entity for event in events for _, entity in event.roles if entity.minted}
    return [minted[iri] for iri in sorted(minted)]


def ingest_activity_iri(article_id: str) -> str:
    """The PROV activity that generated an article's graph."""
    return f"{iris.AKR}ingest/{article_id}"


def quantity_iri(article_id: str, identity: str, number: int) -> str:
    """The `number`-th (from 1) quantity of an event in one article's graph."""
    return f"{iris.AKR}quantity/{article_id}/{identity[:12]}/{number}"


def _term(local_name: str) -> NamedNode:
    """The vocabulary constant for an ak: local name taken from a model enum value."""
    term = getattr(vocab, local_name, None)
    if not isinstance(term, NamedNode):
        raise LookupError(f"the ontology has no term ak:{local_name}")
    return term


def _decimal(value: float) -> Literal:
    """An xsd:decimal in its canonical form (0.85, 400, 1500000000), as stores keep it, so the
    quads a store returns equal the quads written, whatever the store."""
    text = format(Decimal(repr(float(value))).normalize(), "f")
    return Literal(text, datatype=vocab.XSD_DECIMAL)


def _sort_key(triple: Triple) -> tuple[str, str, str]:
    return str(triple[0]), str(triple[1]), str(triple[2])
