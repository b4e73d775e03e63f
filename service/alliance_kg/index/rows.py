"""RDF -> index rows: what one article graph, or the reference graph, contributes.

Pure functions over triples (no store, no SQL), so the ingest path (the quads it just
wrote), a rebuild (the graphs read back over SPARQL) and the benchmark produce the same rows.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from pyoxigraph import BlankNode, Literal, NamedNode
from pyoxigraph import Triple as TripleTerm

from alliance_kg import iris, vocab
from alliance_kg.model import EntityType, EventClass, Role, Status

Subject = NamedNode | BlankNode | TripleTerm
Object = NamedNode | BlankNode | Literal | TripleTerm
Triple = tuple[Subject, NamedNode, Object]

ENTITY_TYPES: dict[str, EntityType] = {iris.AK + kind.value: kind for kind in EntityType}
EVENT_CLASSES: dict[str, EventClass] = {iris.AK + cls.value: cls for cls in EventClass}
ROLES: dict[str, Role] = {iris.AK + role.value: role for role in Role}
STATUSES: dict[str, Status] = {iris.AK + status.value: status for status in Status}

_EVENT_PREFIX = iris.AKR + "event/"
_NON_WORD = re.compile(r"[^0-9a-z]+")
_APOSTROPHE = re.compile(r"['’]")


@dataclass(frozen=True)
class Report:
    """What one article says of one event."""

    event: str
    status: str | None  # Status value
    negated: bool
    date: str | None  # lexical form: YYYY, YYYY-MM or YYYY-MM-DD
    confidence: float | None


@dataclass(frozen=True)
class MintedEntity:
    iri: str
    type: str  # EntityType value
    label: str


@dataclass(frozen=True)
class ArticleRows:
    """Everything the index keeps of one article graph."""

    article_id: str
    title: str | None
    publisher: str | None
    issued: str | None  # ISO date
    quads: int
    reports: tuple[Report, ...]
    types: tuple[tuple[str, str], ...]  # (event, EventClass value)
    roles: tuple[tuple[str, str, str], ...]  # (event, Role value, entity)
    minted: tuple[MintedEntity, ...]


@dataclass(frozen=True)
class ReferenceEntity:
    iri: str
    type: str  # EntityType value
    label: str
    aliases: tuple[str, ...]
    wikidata: str | None
    affiliations: tuple[str, ...]
    broader: tuple[str, ...]


def normalise_name(text: str) -> str:
    """Lower-case ASCII words separated by single spaces: "U.S. Navy's" -> 'u s navys'."""
    ascii_text = unicodedata.normalize("NFKD", _APOSTROPHE.sub("", text))
    ascii_text = ascii_text.encode("ascii", "ignore").decode("ascii")
    return _NON_WORD.sub(" ", ascii_text.casefold()).strip()


def _grouped(triples: Iterable[Triple]) -> dict[str, dict[str, list[object]]]:
    by_subject: dict[str, dict[str, list[object]]] = defaultdict(lambda: defaultdict(list))
    for subject, predicate, obj in triples:
        if isinstance(subject, NamedNode):
            by_subject[subject.value][predicate.value].append(obj)
    return by_subject


def _first_literal(values: list[object]) -> str | None:
    return next((term.value for term in values if isinstance(term, Literal)), None)


def _iris(values: list[object]) -> list[str]:
    return [term.value for term in values if isinstance(term, NamedNode)]


def _float(values: list[object]) -> float | None:
    text = _first_literal(values)
    try:
        return None if text is None else float(text)
    except ValueError:
        return None


def article_rows(article_id: str, triples: Iterable[Triple]) -> ArticleRows:
    """The index rows of the graph of article `article_id`, given its triples."""
    triples = list(triples)
    subjects = _grouped(triples)
    article = subjects.get(iris.article_iri(article_id), {})
    reports: list[Report] = []
    types: list[tuple[str, str]] = []
    roles: list[tuple[str, str, str]] = []
    minted: list[MintedEntity] = []
    for subject, properties in sorted(subjects.items()):
        classes = _iris(properties.get(vocab.RDF_TYPE.value, []))
        if subject.startswith(_EVENT_PREFIX) and vocab.Event.value in classes:
            reports.append(_report(subject, properties))
            types.extend((subject, EVENT_CLASSES[c].value) for c in classes if c in EVENT_CLASSES)
            roles.extend(_roles(subject, properties))
        entity_type = next((ENTITY_TYPES[c] for c in classes if c in ENTITY_TYPES), None)
        label = _first_literal(properties.get(vocab.RDFS_LABEL.value, []))
        if entity_type is not None and label is not None:
            minted.append(MintedEntity(subject, entity_type.value, label))
    return ArticleRows(
        article_id=article_id,
        title=_first_literal(article.get(vocab.DCTERMS_TITLE.value, [])),
        publisher=_first_literal(article.get(vocab.DCTERMS_PUBLISHER.value, [])),
        issued=_first_literal(article.get(vocab.DCTERMS_ISSUED.value, [])),
        quads=len(triples),
        reports=tuple(reports),
        types=tuple(sorted(set(types))),
        roles=tuple(sorted(set(roles))),
        minted=tuple(minted),
    )


def _report(event: str, properties: dict[str, list[object]]) -> Report:
    status = next(
        (STATUSES[s].value for s in _iris(properties.get(vocab.status.value, [])) if s in STATUSES),
        None,
    )
    return Report(
        event=event,
        status=status,
        negated=vocab.reportedIn.value not in properties and vocab.negatedIn.value in properties,
        date=_first_literal(properties.get(vocab.date.value, [])),
        confidence=_float(properties.get(vocab.confidence.value, [])),
    )


def _roles(event: str, properties: dict[str, list[object]]) -> list[tuple[str, str, str]]:
    found = []
    for predicate, values in properties.items():
        role = ROLES.get(predicate)
        if role is None:
            continue
        for entity in _iris(values):
            if not entity.startswith(_EVENT_PREFIX):  # ak:cause may link two events
                found.append((event, role.value, entity))
    return found


def reference_entities(triples: Iterable[Triple]) -> list[ReferenceEntity]:
    """The typed, labelled entities of the reference graph, sorted by IRI."""
    entities = []
    for subject, properties in sorted(_grouped(triples).items()):
        classes = _iris(properties.get(vocab.RDF_TYPE.value, []))
        entity_type = next((ENTITY_TYPES[c] for c in classes if c in ENTITY_TYPES), None)
        label = _first_literal(properties.get(vocab.RDFS_LABEL.value, []))
        if entity_type is None or label is None:
            continue
        aliases = properties.get(vocab.SKOS_ALT_LABEL.value, [])
        same_as = _iris(properties.get(vocab.OWL_SAME_AS.value, []))
        entities.append(
            ReferenceEntity(
                iri=subject,
                type=entity_type.value,
                label=label,
                aliases=tuple(sorted({a.value for a in aliases if isinstance(a, Literal)})),
                wikidata=next((s for s in same_as if s.startswith(iris.WIKIDATA)), None),
                affiliations=tuple(sorted(_iris(properties.get(vocab.affiliatedWith.value, [])))),
                broader=tuple(sorted(_iris(properties.get(vocab.SKOS_BROADER.value, [])))),
            )
        )
    return entities


def narrower_closure(entities: Iterable[ReferenceEntity]) -> set[tuple[str, str]]:
    """(broad, narrow) pairs of the reflexive, transitive skos:broader closure."""
    broader = {entity.iri: entity.broader for entity in entities}
    pairs: set[tuple[str, str]] = set()
    for narrow in broader:
        stack, seen = [narrow], {narrow}
        while stack:
            current = stack.pop()
            pairs.add((current, narrow))
            for parent in broader.get(current, ()):
                if parent not in seen:
                    seen.add(parent)
                    stack.append(parent)
    return pairs


def most_specific_class(classes: Iterable[EventClass]) -> EventClass:
    """The event's own class: DefenseCooperation only when it carries no subclass of it."""
    specific = set(classes) - {EventClass.DEFENSE_COOPERATION}
    return min(specific) if specific else EventClass.DEFENSE_COOPERATION
