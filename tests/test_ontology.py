"""ontology/alliance.ttl declares the contract's terms, documented, in the contract's hierarchy."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from alliance_kg.iris import AK as AK_IRI
from alliance_kg.model import EntityType, EventClass, Role, Status
from alliance_kg.resources import ONTOLOGY_FILE

AK = Namespace(AK_IRI)
ONTOLOGY_IRI = URIRef("https://w3id.org/alliance-kg/ontology")

EVENT_CLASSES = [
    "LeadersMeeting",
    "JointProduction",
    "ArmsTransfer",
    "MaintenanceCooperation",
    "SupplyChainCooperation",
    "PolicyChange",
    "MilitaryAid",
    "CapacityShortfall",
    "PersonnelDeployment",
    "DefenseCooperation",
]
DEFENSE_COOPERATION_SUBCLASSES = [
    "JointProduction",
    "ArmsTransfer",
    "MaintenanceCooperation",
    "SupplyChainCooperation",
]
ACTOR_CLASSES = ["Country", "Person", "Organization"]
OTHER_ENTITY_CLASSES = ["Place", "Materiel", "Policy"]
CLASSES = [
    "Event",
    *EVENT_CLASSES,
    "Entity",
    "Actor",
    *ACTOR_CLASSES,
    *OTHER_ENTITY_CLASSES,
    "Article",
    "Mention",
    "Quantity",
    "Status",
    "Ingest",
]
DIRECTED_ROLES = ["supplier", "recipient", "provider", "client", "donor"]
OBJECT_PROPERTIES = [
    "participant",
    *DIRECTED_ROLES,
    "materiel",
    "location",
    "policy",
    "cause",
    "status",
    "reportedIn",
    "evidence",
    "inArticle",
    "quantity",
    "affiliatedWith",
    "mentionOf",
    "negatedIn",
]
DATATYPE_PROPERTIES = [
    "text",
    "start",
    "end",
    "attribution",
    "statusCue",
    "date",
    "confidence",
    "amount",
    "unit",
    "quantityText",
    "negated",
    "extractorVersion",
]
STATUSES = ["Considered", "Planned", "Expected", "Agreed", "Ongoing", "Completed"]


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_FILE, format="turtle")


def declared_terms(ontology: Graph) -> set[URIRef]:
    return {
        subject
        for subject in ontology.subjects(RDF.type, None)
        if isinstance(subject, URIRef) and str(subject).startswith(AK_IRI)
    }


def test_ontology_header(ontology: Graph) -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(ONTOLOGY_IRI, OWL.versionInfo) is not None


@pytest.mark.parametrize("rule", ["SHA-256", "first 24 hex", "latest-dated", "outermost"])
def test_ontology_comment_documents_identity_and_status_rules(ontology: Graph, rule: str) -> None:
    comment = " ".join(str(ontology.value(ONTOLOGY_IRI, RDFS.comment)).split())
    assert rule in comment


def test_every_term_has_one_english_label_and_a_description(ontology: Graph) -> None:
    problems = []
    for term in sorted(declared_terms(ontology)):
        labels = list(ontology.objects(term, RDFS.label))
        if len(labels) != 1 or not isinstance(labels[0], Literal):
            problems.append(f"{term}: {len(labels)} labels")
        elif labels[0].language not in (None, "en"):
            problems.append(f"{term}: label language {labels[0].language}")
        described_by = (
            SKOS.definition if (term, RDF.type, SKOS.Concept) in ontology else RDFS.comment
        )
        if ontology.value(term, described_by) is None:
            problems.append(f"{term}: no {described_by}")
    assert problems == []


@pytest.mark.parametrize("name", CLASSES)
def test_class_declared(ontology: Graph, name: str) -> None:
    assert (AK[name], RDF.type, OWL.Class) in ontology


@pytest.mark.parametrize("name", OBJECT_PROPERTIES)
def test_object_property_declared(ontology: Graph, name: str) -> None:
    assert (AK[name], RDF.type, OWL.ObjectProperty) in ontology


@pytest.mark.parametrize("name", DATATYPE_PROPERTIES)
def test_datatype_property_declared(ontology: Graph, name: str) -> None:
    assert (AK[name], RDF.type, OWL.DatatypeProperty) in ontology


@pytest.mark.parametrize("name", OBJECT_PROPERTIES + DATATYPE_PROPERTIES)
def test_property_has_domain_and_range(ontology: Graph, name: str) -> None:
    assert ontology.value(AK[name], RDFS.domain) is not None
    assert ontology.value(AK[name], RDFS.range) is not None


def test_model_enums_name_declared_terms(ontology: Graph) -> None:
    names = [*EventClass, *EntityType, *Role, *Status]
    undeclared = [name for name in names if AK[str(name)] not in declared_terms(ontology)]
    assert undeclared == []


@pytest.mark.parametrize("name", EVENT_CLASSES)
def test_event_classes_are_events(ontology: Graph, name: str) -> None:
    assert (AK[name], RDFS.subClassOf * "+", AK.Event) in ontology  # type: ignore[operator]


@pytest.mark.parametrize("name", DEFENSE_COOPERATION_SUBCLASSES)
def test_defense_cooperation_subclasses(ontology: Graph, name: str) -> None:
    assert (AK[name], RDFS.subClassOf, AK.DefenseCooperation) in ontology


@pytest.mark.parametrize(
    "name", ["LeadersMeeting", "PolicyChange", "MilitaryAid", "CapacityShortfall"]
)
def test_other_events_are_not_defense_cooperation(ontology: Graph, name: str) -> None:
    assert (AK[name], RDFS.subClassOf, AK.Event) in ontology
    assert (AK[name], RDFS.subClassOf * "+", AK.DefenseCooperation) not in ontology  # type: ignore[operator]


@pytest.mark.parametrize("name", ACTOR_CLASSES)
def test_actor_classes(ontology: Graph, name: str) -> None:
    assert (AK[name], RDFS.subClassOf, AK.Actor) in ontology


@pytest.mark.parametrize("name", ["Actor", *OTHER_ENTITY_CLASSES])
def test_entity_classes(ontology: Graph, name: str) -> None:
    assert (AK[name], RDFS.subClassOf, AK.Entity) in ontology


@pytest.mark.parametrize(
    ("name", "superclass"),
    [
        ("Article", URIRef("https://schema.org/NewsArticle")),
        ("Article", URIRef("http://www.w3.org/ns/prov#Entity")),
        ("Mention", URIRef("http://www.w3.org/ns/prov#Entity")),
        ("Ingest", URIRef("http://www.w3.org/ns/prov#Activity")),
        ("Status", SKOS.Concept),
    ],
)
def test_alignments(ontology: Graph, name: str, superclass: URIRef) -> None:
    assert (AK[name], RDFS.subClassOf, superclass) in ontology


@pytest.mark.parametrize("name", DIRECTED_ROLES)
def test_directed_roles_are_participants(ontology: Graph, name: str) -> None:
    assert (AK[name], RDFS.subPropertyOf, AK.participant) in ontology


@pytest.mark.parametrize("rank, name", list(enumerate(STATUSES, start=1)))
def test_status_concepts(ontology: Graph, rank: int, name: str) -> None:
    concept = AK[name]
    assert (concept, RDF.type, SKOS.Concept) in ontology
    assert (concept, RDF.type, AK.Status) in ontology
    assert (concept, SKOS.inScheme, AK.StatusScheme) in ontology
    assert (AK.StatusScheme, SKOS.hasTopConcept, concept) in ontology
    assert ontology.value(concept, SKOS.prefLabel) is not None
    notation = ontology.value(concept, SKOS.notation)
    assert isinstance(notation, Literal) and notation.toPython() == rank


def test_status_scheme_holds_exactly_the_six_statuses(ontology: Graph) -> None:
    assert (AK.StatusScheme, RDF.type, SKOS.ConceptScheme) in ontology
    in_scheme = set(ontology.subjects(SKOS.inScheme, AK.StatusScheme))
    assert in_scheme == {AK[name] for name in STATUSES}


@pytest.mark.parametrize(
    ("name", "datatype"),
    [
        ("start", "integer"),
        ("end", "integer"),
        ("confidence", "decimal"),
        ("amount", "decimal"),
        ("negated", "boolean"),
        ("statusCue", "string"),
    ],
)
def test_datatype_ranges(ontology: Graph, name: str, datatype: str) -> None:
    xsd = "http://www.w3.org/2001/XMLSchema#"
    assert ontology.value(AK[name], RDFS.range) == URIRef(xsd + datatype)
