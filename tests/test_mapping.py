"""Extraction -> quads: a golden graph, materialised superclasses, merging and determinism."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pyoxigraph import Literal, NamedNode, Quad, RdfFormat, serialize
from rdflib import Graph
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

from alliance_kg import iris, vocab
from alliance_kg.model import (
    Article,
    Entity,
    EntityType,
    Event,
    EventClass,
    EventDate,
    Extraction,
    Mention,
    Quantity,
    Role,
    Status,
)
from alliance_kg.rdf.identity import event_identities, event_identity
from alliance_kg.rdf.mapping import MappingError, extraction_to_quads
from shacl_support import conforms

GOLDEN = Path(__file__).parent / "golden" / "mapping_article.ttl"
VERSION = "test-1"

TEXT = (
    "Japan plans to export Patriot missiles to the United States, sources said. "
    "Japan and the U.S. are considering joint production of missile parts. "
    "Tokyo agreed to ship the Patriots. Japan will not send troops. "
    "The U.S. stockpile of Patriots is short."
)
ARTICLE = Article(
    id="0123456789abcdef",
    text=TEXT,
    title="Japan to export Patriots",
    published=date(2024, 3, 10),
    publisher="Example News",
    url="https://news.example.org/patriots",
)


def mention(sentence: str, status: Status, **details: str) -> Mention:
    start = TEXT.index(sentence)
    return Mention(start, start + len(sentence), sentence, status, **details)


JAPAN = Entity(iris.country_iri("JPN"), "Japan", EntityType.COUNTRY)
USA = Entity(iris.country_iri("USA"), "United States", EntityType.COUNTRY)
PATRIOT = Entity(iris.entity_iri("Materiel", "Patriot"), "Patriot", EntityType.MATERIEL)
PARTS = Entity(
    iris.entity_iri("Materiel", "missile parts"), "missile parts", EntityType.MATERIEL, minted=True
)
MINTED_UNUSED = Entity(
    iris.entity_iri("Organization", "Unused Ltd"), "Unused Ltd", EntityType.ORGANIZATION, True
)

TRANSFER = Event(
    type=EventClass.ARMS_TRANSFER,
    status=Status.PLANNED,
    roles=((Role.SUPPLIER, JAPAN), (Role.RECIPIENT, USA), (Role.MATERIEL, PATRIOT)),
    mentions=(
        mention(
            "Japan plans to export Patriot missiles to the United States, sources said.",
            Status.PLANNED,
            status_cue="plans to",
            attribution="sources",
        ),
    ),
    date=EventDate(2023, 12),
    quantities=(Quantity(16.0, "unit", "16 missiles"),),
    confidence=0.876,
    causes=(4,),  # the shortfall, below
)
# The same transfer again, later in the text: merged into one event with the firmer status.
TRANSFER_AGAIN = replace(
    TRANSFER,
    status=Status.AGREED,
    mentions=(mention("Tokyo agreed to ship the Patriots.", Status.AGREED, status_cue="agreed"),),
    date=None,
    quantities=(),
    confidence=0.5,
)
PRODUCTION = Event(
    type=EventClass.JOINT_PRODUCTION,
    status=Status.CONSIDERED,
    roles=((Role.PARTICIPANT, JAPAN), (Role.PARTICIPANT, USA), (Role.MATERIEL, PARTS)),
    mentions=(
        mention(
            "Japan and the U.S. are considering joint production of missile parts.",
            Status.CONSIDERED,
            status_cue="considering",
        ),
    ),
    date=EventDate(2024),
)
DEPLOYMENT = Event(
    type=EventClass.PERSONNEL_DEPLOYMENT,
    status=Status.PLANNED,
    roles=((Role.PARTICIPANT, JAPAN),),
    mentions=(mention("Japan will not send troops.", Status.PLANNED),),
    date=EventDate(2024, 3, 10),
    negated=True,
    confidence=1.0,
)
SHORTFALL = Event(
    type=EventClass.CAPACITY_SHORTFALL,
    status=Status.ONGOING,
    roles=((Role.PARTICIPANT, USA), (Role.MATERIEL, PATRIOT)),
    mentions=(mention("The U.S. stockpile of Patriots is short.", Status.ONGOING),),
)
EXTRACTION = Extraction(
    article=ARTICLE,
    events=(TRANSFER, PRODUCTION, TRANSFER_AGAIN, DEPLOYMENT, SHORTFALL),
    entities=(JAPAN, USA, PATRIOT, PARTS, MINTED_UNUSED),
)


def to_rdflib(quads: list[Quad]) -> Graph:
    triples = [q.triple for q in quads]
    return Graph().parse(data=serialize(triples, format=RdfFormat.N_TRIPLES), format="nt")


@pytest.fixture(scope="module")
def quads() -> list[Quad]:
    return extraction_to_quads(EXTRACTION, extractor_version=VERSION)


def test_mapping_matches_the_golden_graph(quads: list[Quad]) -> None:
    mapped = to_rdflib(quads)
    expected = Graph().parse(GOLDEN, format="turtle")
    if not isomorphic(mapped, expected):
        _, only_mapped, only_expected = graph_diff(to_isomorphic(mapped), to_isomorphic(expected))
        pytest.fail(
            "mapped graph differs from the golden file\nonly mapped:\n"
            + only_mapped.serialize(format="nt")
            + "\nonly expected:\n"
            + only_expected.serialize(format="nt")
        )


def test_every_quad_is_in_the_article_graph(quads: list[Quad]) -> None:
    assert {q.graph_name for q in quads} == {NamedNode(iris.article_graph(ARTICLE.id))}


def test_no_blank_nodes(quads: list[Quad]) -> None:
    assert all(isinstance(q.subject, NamedNode) for q in quads)
    assert all(isinstance(q.object, NamedNode | Literal) for q in quads)


def test_superclass_types_and_participants_are_materialised(quads: list[Quad]) -> None:
    transfer = NamedNode(iris.event_iri(event_identity(TRANSFER)))
    triples = {(q.subject, q.predicate, q.object) for q in quads}
    assert (transfer, vocab.RDF_TYPE, vocab.ArmsTransfer) in triples
    assert (transfer, vocab.RDF_TYPE, vocab.DefenseCooperation) in triples
    assert (transfer, vocab.RDF_TYPE, vocab.Event) in triples
    assert (transfer, vocab.participant, NamedNode(JAPAN.iri)) in triples
    assert (transfer, vocab.participant, NamedNode(USA.iri)) in triples


def test_same_identity_events_are_merged_with_the_firmer_status(quads: list[Quad]) -> None:
    transfer = NamedNode(iris.event_iri(event_identity(TRANSFER)))
    statuses = [q.object for q in quads if q.subject == transfer and q.predicate == vocab.status]
    evidence = [q for q in quads if q.subject == transfer and q.predicate == vocab.evidence]
    assert statuses == [vocab.Agreed]
    assert len(evidence) == 2


def test_the_same_parties_dated_years_apart_stay_two_events() -> None:
    later = replace(TRANSFER, causes=())
    earlier = replace(TRANSFER_AGAIN, status=Status.COMPLETED, date=EventDate(2019), causes=())
    extraction = replace(EXTRACTION, events=(later, earlier))
    quads = extraction_to_quads(extraction, extractor_version=VERSION)
    nodes = [NamedNode(iris.event_iri(i)) for i in event_identities(extraction.events)]
    assert nodes[0] != nodes[1]
    for node, status in zip(nodes, (vocab.Planned, vocab.Completed), strict=True):
        statuses = [q.object for q in quads if q.subject == node and q.predicate == vocab.status]
        assert statuses == [status]


def test_a_negated_event_is_negated_in_not_reported_in(quads: list[Quad]) -> None:
    deployment = NamedNode(iris.event_iri(event_identity(DEPLOYMENT)))
    predicates = {q.predicate for q in quads if q.subject == deployment}
    assert vocab.negatedIn in predicates
    assert vocab.reportedIn not in predicates
    negated_mentions = {q.subject for q in quads if q.predicate == vocab.negated}
    assert negated_mentions == {
        NamedNode(iris.mention_iri(ARTICLE.id, event_identity(DEPLOYMENT), m.start, m.end))
        for m in DEPLOYMENT.mentions
    }


def test_a_cause_beyond_the_extraction_is_an_error() -> None:
    broken = replace(EXTRACTION, events=(replace(SHORTFALL, causes=(7,)),))
    with pytest.raises(MappingError, match="cause #7"):
        extraction_to_quads(broken, extractor_version=VERSION)


def test_unused_minted_entities_are_not_written(quads: list[Quad]) -> None:
    assert all(q.subject != NamedNode(MINTED_UNUSED.iri) for q in quads)


def test_mapping_is_deterministic(quads: list[Quad]) -> None:
    transfer, production, transfer_again, *rest = EXTRACTION.events
    shuffled = replace(EXTRACTION, events=(transfer, transfer_again, production, *rest))
    assert extraction_to_quads(EXTRACTION, extractor_version=VERSION) == quads
    assert extraction_to_quads(shuffled, extractor_version=VERSION) == quads


def test_an_article_without_metadata_has_only_text_and_provenance() -> None:
    bare = Article(id="fedcba9876543210", text="Nothing happened.")
    quads = extraction_to_quads(Extraction(bare, events=()), extractor_version=VERSION)
    predicates = sorted(q.predicate.value for q in quads)
    assert predicates == sorted(
        [
            vocab.RDF_TYPE.value,
            vocab.text.value,
            vocab.PROV_WAS_GENERATED_BY.value,
            vocab.RDF_TYPE.value,
            vocab.extractorVersion.value,
        ]
    )


def test_mapped_graph_conforms_to_the_shapes(quads: list[Quad]) -> None:
    ok, report = conforms(to_rdflib(quads))
    assert ok, report


def test_a_sentence_read_twice_is_one_mention_with_the_firmer_status() -> None:
    transfer = replace(TRANSFER, causes=())
    sentence = transfer.mentions[0]
    firmer = replace(sentence, status=Status.AGREED, status_cue="agreed")
    doubled = replace(EXTRACTION, events=(transfer, replace(transfer, mentions=(firmer,))))
    quads = extraction_to_quads(doubled, extractor_version=VERSION)
    node = NamedNode(
        iris.mention_iri(ARTICLE.id, event_identity(TRANSFER), sentence.start, sentence.end)
    )
    statuses = [q.object for q in quads if q.subject == node and q.predicate == vocab.status]
    assert statuses == [vocab.Agreed]


def test_an_url_that_is_no_iri_is_a_mapping_error() -> None:
    bad = replace(EXTRACTION, article=replace(ARTICLE, url="https://example.org/a b"))
    with pytest.raises(MappingError, match="is not an IRI"):
        extraction_to_quads(bad, extractor_version=VERSION)
