"""vocab.py is generated from the ontology: it must be fresh, and name only declared terms."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pyoxigraph import NamedNode
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from alliance_kg import vocab, vocabgen
from alliance_kg.iris import AK
from alliance_kg.resources import ONTOLOGY_FILE


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_FILE, format="turtle")


def test_vocab_module_is_up_to_date() -> None:
    assert vocabgen.VOCAB_FILE.read_text(encoding="utf-8") == vocabgen.render_vocab(), (
        "vocab.py is stale: run python -m alliance_kg.vocabgen"
    )


def test_check_mode_reports_fresh_file() -> None:
    assert vocabgen.main(["--check"]) == 0


def test_vocab_has_generated_header() -> None:
    assert vocabgen.VOCAB_FILE.read_text(encoding="utf-8").startswith(vocabgen.HEADER)


def test_every_ak_iri_in_vocab_is_declared(ontology: Graph) -> None:
    source = vocabgen.VOCAB_FILE.read_text(encoding="utf-8")
    local_names = re.findall(r'NamedNode\(AK \+ "([^"]+)"\)', source)
    assert local_names, "no ak: terms found in vocab.py"
    undeclared = [
        name for name in local_names if (URIRef(AK + name), RDF.type, None) not in ontology
    ]
    assert undeclared == []


def test_every_declared_ak_term_has_a_constant(ontology: Graph) -> None:
    declared = {
        str(subject)[len(AK) :]
        for subject in ontology.subjects(RDF.type, None)
        if isinstance(subject, URIRef) and str(subject).startswith(AK)
    }
    missing = sorted(name for name in declared if not hasattr(vocab, name))
    assert missing == []


@pytest.mark.parametrize(
    ("name", "local_name"),
    [
        ("JointProduction", "JointProduction"),
        ("participant", "participant"),
        ("Agreed", "Agreed"),
        ("StatusScheme", "StatusScheme"),
        ("reportedIn", "reportedIn"),
        ("statusCue", "statusCue"),
    ],
)
def test_constants_are_named_nodes_in_ak(name: str, local_name: str) -> None:
    term = getattr(vocab, name)
    assert isinstance(term, NamedNode)
    assert term.value == AK + local_name


def test_namespace_is_reexported_from_iris() -> None:
    assert vocab.AK is AK


@pytest.mark.parametrize(
    ("name", "iri"),
    [
        ("RDF_TYPE", "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
        ("SKOS_ALT_LABEL", "http://www.w3.org/2004/02/skos/core#altLabel"),
        ("DCTERMS_ISSUED", "http://purl.org/dc/terms/issued"),
        ("PROV_WAS_GENERATED_BY", "http://www.w3.org/ns/prov#wasGeneratedBy"),
        ("XSD_G_YEAR_MONTH", "http://www.w3.org/2001/XMLSchema#gYearMonth"),
        ("XSD_DATE_TIME", "http://www.w3.org/2001/XMLSchema#dateTime"),
    ],
)
def test_standard_terms(name: str, iri: str) -> None:
    assert getattr(vocab, name) == NamedNode(iri)


def test_invalid_local_name_is_rejected(tmp_path: Path) -> None:
    ontology = tmp_path / "bad.ttl"
    ontology.write_text(
        f"<{AK}class> a <http://www.w3.org/2002/07/owl#Class> .\n", encoding="utf-8"
    )
    with pytest.raises(vocabgen.VocabularyError, match="ak:class"):
        vocabgen.render_vocab(ontology)
