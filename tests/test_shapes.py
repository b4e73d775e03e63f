"""ontology/shapes.ttl accepts a well-formed article graph and catches each kind of breakage."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF

from alliance_kg.resources import REFERENCE_FILE
from shacl_support import conforms

AK = Namespace("https://w3id.org/alliance-kg/ontology#")
AKR = Namespace("https://w3id.org/alliance-kg/resource/")

ARTICLE_TEXT = (
    "Japan is preparing to export Patriot missiles to the United States. "
    "Officials in Tokyo said the decision was final."
)
SENTENCE = "Japan is preparing to export Patriot missiles to the United States."
START = ARTICLE_TEXT.index(SENTENCE)
END = START + len(SENTENCE)

EVENT = AKR["event/0123456789abcdef01234567"]
MENTION = AKR[f"mention/a1/0123456789ab/{START}-{END}"]
ARTICLE = AKR["article/a1"]

CONFORMING = f"""
@prefix ak: <https://w3id.org/alliance-kg/ontology#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

<https://w3id.org/alliance-kg/resource/article/a1> a ak:Article ;
    dcterms:title "Japan to export Patriots" ;
    dcterms:issued "2023-12-22"^^xsd:date ;
    ak:text "{ARTICLE_TEXT}" .

<{MENTION}> a ak:Mention ;
    ak:inArticle <https://w3id.org/alliance-kg/resource/article/a1> ;
    ak:text "{SENTENCE}" ;
    ak:start {START} ;
    ak:end {END} ;
    ak:status ak:Planned ;
    ak:statusCue "preparing" .

<{EVENT}> a ak:ArmsTransfer, ak:DefenseCooperation, ak:Event ;
    ak:supplier <https://w3id.org/alliance-kg/resource/country/JPN> ;
    ak:recipient <https://w3id.org/alliance-kg/resource/country/USA> ;
    ak:participant <https://w3id.org/alliance-kg/resource/country/JPN>,
        <https://w3id.org/alliance-kg/resource/country/USA> ;
    ak:materiel <https://w3id.org/alliance-kg/resource/materiel/patriot> ;
    ak:status ak:Planned ;
    ak:date "2023-12"^^xsd:gYearMonth ;
    ak:confidence 0.9 ;
    ak:reportedIn <https://w3id.org/alliance-kg/resource/article/a1> ;
    ak:evidence <{MENTION}> .

<https://w3id.org/alliance-kg/resource/country/JPN> a ak:Country ; rdfs:label "Japan"@en .
<https://w3id.org/alliance-kg/resource/country/USA> a ak:Country ; rdfs:label "United States"@en .
<https://w3id.org/alliance-kg/resource/materiel/patriot> a ak:Materiel ; rdfs:label "Patriot" .
"""


def conforming_graph() -> Graph:
    return Graph().parse(data=CONFORMING, format="turtle")


def test_conforming_graph_conforms() -> None:
    ok, report = conforms(conforming_graph())
    assert ok, report


def test_dataset_is_validated_as_its_union() -> None:
    dataset = Dataset()
    article_graph = dataset.graph(AKR["graph/article/a1"])
    for triple in conforming_graph():
        article_graph.add(triple)
    dataset.graph(AKR["graph/article/a2"]).add((EVENT, AK.status, AK.Agreed))
    ok, report = conforms(dataset)
    assert ok, report


def _set(graph: Graph, subject: URIRef, predicate: URIRef, value: Literal | URIRef) -> None:
    graph.set((subject, predicate, value))


def offset_past_text_end(graph: Graph) -> None:
    _set(graph, MENTION, AK.end, Literal(len(ARTICLE_TEXT) + 5))


def start_not_before_end(graph: Graph) -> None:
    _set(graph, MENTION, AK.start, Literal(END))


def mention_text_differs(graph: Graph) -> None:
    _set(graph, MENTION, AK.text, Literal(SENTENCE.replace("Patriot", "Tomahawk")))


def negative_start(graph: Graph) -> None:
    _set(graph, MENTION, AK.start, Literal(-1))


def mention_without_article(graph: Graph) -> None:
    graph.remove((MENTION, AK.inArticle, None))


def event_without_status(graph: Graph) -> None:
    graph.remove((EVENT, AK.status, None))


def event_status_not_in_scheme(graph: Graph) -> None:
    _set(graph, EVENT, AK.status, AK.Rumoured)


def mention_status_not_in_scheme(graph: Graph) -> None:
    _set(graph, MENTION, AK.status, AKR["status/unknown"])


def event_without_report(graph: Graph) -> None:
    graph.remove((EVENT, AK.reportedIn, None))


def event_without_evidence(graph: Graph) -> None:
    graph.remove((EVENT, AK.evidence, None))


def arms_transfer_without_supplier_or_recipient(graph: Graph) -> None:
    graph.remove((EVENT, AK.supplier, None))
    graph.remove((EVENT, AK.recipient, None))


def supplier_not_participant(graph: Graph) -> None:
    graph.remove((EVENT, AK.participant, AKR["country/JPN"]))


def event_not_typed_event(graph: Graph) -> None:
    graph.remove((EVENT, RDF.type, AK.Event))


def event_not_typed_defense_cooperation(graph: Graph) -> None:
    graph.remove((EVENT, RDF.type, AK.DefenseCooperation))


def date_as_plain_string(graph: Graph) -> None:
    _set(graph, EVENT, AK.date, Literal("December 2023"))


def confidence_above_one(graph: Graph) -> None:
    _set(graph, EVENT, AK.confidence, Literal(Decimal("1.5")))


def entity_with_two_labels(graph: Graph) -> None:
    graph.add(
        (
            AKR["country/JPN"],
            URIRef("http://www.w3.org/2000/01/rdf-schema#label"),
            Literal("Nippon", lang="en"),
        )
    )


def article_without_text(graph: Graph) -> None:
    graph.remove((ARTICLE, AK.text, None))


def quantity_without_unit(graph: Graph) -> None:
    quantity = AKR["quantity/q1"]
    graph.add((EVENT, AK.quantity, quantity))
    graph.add((quantity, RDF.type, AK.Quantity))
    graph.add((quantity, AK.amount, Literal(Decimal(16))))


# Each breakage, and words of the message its violation must carry.
BREAKAGES: list[tuple[Callable[[Graph], None], str]] = [
    (offset_past_text_end, "not a non-empty span of the article text"),
    (start_not_before_end, "not a non-empty span of the article text"),
    (mention_text_differs, "mention text differs from the article text"),
    (negative_start, "an xsd:integer >= 0"),
    (mention_without_article, "a mention is in exactly one ak:Article"),
    (event_without_status, "an event has at least one ak:status"),
    (event_status_not_in_scheme, "each from ak:StatusScheme"),
    (mention_status_not_in_scheme, "a mention has exactly one ak:status from ak:StatusScheme"),
    (event_without_report, "an event is ak:reportedIn an article"),
    (event_without_evidence, "an event has at least one ak:evidence"),
    (arms_transfer_without_supplier_or_recipient, "at least one ak:supplier or ak:recipient"),
    (supplier_not_participant, "is not also an ak:participant"),
    (event_not_typed_event, "every event is typed ak:Event too"),
    (event_not_typed_defense_cooperation, "typed ak:DefenseCooperation too"),
    (date_as_plain_string, "ak:date is an xsd:date, xsd:gYearMonth or xsd:gYear"),
    (confidence_above_one, "ak:confidence is an xsd:decimal between 0 and 1"),
    (entity_with_two_labels, "an entity has exactly one rdfs:label"),
    (article_without_text, "an article has exactly one non-empty ak:text"),
    (quantity_without_unit, "a quantity has exactly one ak:unit"),
]


@pytest.mark.parametrize(
    ("breakage", "message"), BREAKAGES, ids=[breakage.__name__ for breakage, _ in BREAKAGES]
)
def test_breakage_is_a_violation(breakage: Callable[[Graph], None], message: str) -> None:
    graph = conforming_graph()
    breakage(graph)
    ok, report = conforms(graph)
    assert not ok, f"{breakage.__name__} was not caught"
    assert message in report


def test_negated_event_may_carry_negated_in_instead_of_reported_in() -> None:
    graph = conforming_graph()
    graph.remove((EVENT, AK.reportedIn, None))
    graph.add((EVENT, AK.negatedIn, ARTICLE))
    graph.add((MENTION, AK.negated, Literal(True)))
    ok, report = conforms(graph)
    assert ok, report


def test_offsets_count_code_points() -> None:
    text = "Seoul\u2019s K2 deal with Pol\u00f3nia. \U0001f1f5\U0001f1f1 Poland signed it."
    sentence = "\U0001f1f5\U0001f1f1 Poland signed it."
    start = text.index(sentence)
    graph = conforming_graph()
    _set(graph, ARTICLE, AK.text, Literal(text))
    _set(graph, MENTION, AK.text, Literal(sentence))
    _set(graph, MENTION, AK.start, Literal(start))
    _set(graph, MENTION, AK.end, Literal(start + len(sentence)))
    ok, report = conforms(graph)
    assert ok, report


def test_supplier_violation_names_the_role() -> None:
    graph = conforming_graph()
    supplier_not_participant(graph)
    _, report = conforms(graph)
    assert "supplier" in report


def retype(graph: Graph, event_class: str, roles: dict[str, str]) -> None:
    """Make the sample event an `event_class`, renaming its directed roles per `roles`."""
    graph.remove((EVENT, RDF.type, AK.ArmsTransfer))
    graph.remove((EVENT, RDF.type, AK.DefenseCooperation))
    graph.add((EVENT, RDF.type, AK[event_class]))
    for old, new in roles.items():
        for value in list(graph.objects(EVENT, AK[old])):
            graph.remove((EVENT, AK[old], value))
            graph.add((EVENT, AK[new], value))


@pytest.mark.parametrize(
    ("event_class", "roles"),
    [
        ("MilitaryAid", {"supplier": "donor"}),
        ("LeadersMeeting", {"supplier": "participant", "recipient": "participant"}),
        ("PolicyChange", {"supplier": "participant", "recipient": "participant"}),
    ],
)
def test_other_event_classes_conform(event_class: str, roles: dict[str, str]) -> None:
    graph = conforming_graph()
    retype(graph, event_class, roles)
    ok, report = conforms(graph)
    assert ok, report


@pytest.mark.parametrize(
    ("event_class", "message"),
    [
        ("MilitaryAid", "military aid has at least one ak:donor or ak:recipient"),
        ("MaintenanceCooperation", "at least one ak:provider or ak:client"),
        ("LeadersMeeting", "at least one ak:participant"),
        ("CapacityShortfall", "at least one ak:participant"),
    ],
)
def test_event_without_actors_is_a_violation(event_class: str, message: str) -> None:
    graph = conforming_graph()
    retype(graph, event_class, {})
    for role in ("participant", "supplier", "recipient"):
        graph.remove((EVENT, AK[role], None))
    ok, report = conforms(graph)
    assert not ok
    assert message in report


def test_ingest_needs_extractor_version() -> None:
    graph = conforming_graph()
    graph.add((AKR["ingest/a1"], RDF.type, AK.Ingest))
    ok, report = conforms(graph)
    assert not ok
    assert "ak:extractorVersion" in report
    graph.add((AKR["ingest/a1"], AK.extractorVersion, Literal("0.1.0")))
    assert conforms(graph)[0]


def test_reference_entities_conform() -> None:
    if not REFERENCE_FILE.is_file():
        pytest.skip(f"{REFERENCE_FILE} is not built yet")
    ok, report = conforms(Graph().parse(REFERENCE_FILE, format="turtle"))
    assert ok, report
