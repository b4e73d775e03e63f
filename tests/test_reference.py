"""ontology/reference.ttl: the reference entities, and the generator that writes them."""

from __future__ import annotations

import importlib.util
import re
import sys
from collections import defaultdict
from pathlib import Path
from types import ModuleType

import pycountry
import pyoxigraph
import pytest
import yaml
from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, Namespace, URIRef

from alliance_kg.iris import AK, WIKIDATA, country_iri, entity_iri
from alliance_kg.resources import ONTOLOGY_DIR, REFERENCE_FILE

DEV_ARTICLES = Path(__file__).parents[1].parent / "shared" / "dev-articles"
AK_NS = Namespace(AK)
ENTITY_CLASSES = ("Country", "Person", "Organization", "Place", "Materiel", "Policy")

# Names that two entities really share; the extractor has to decide from context.
AMBIGUOUS_NAMES = {
    "afp": {"Agence France-Presse", "Armed Forces of the Philippines"},
}


def _load_generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "build_reference", ONTOLOGY_DIR / "build_reference.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


generator = _load_generator()


@pytest.fixture(scope="module")
def graph() -> Graph:
    return Graph().parse(REFERENCE_FILE, format="turtle")


@pytest.fixture(scope="module")
def names(graph: Graph) -> dict[str, set[URIRef]]:
    """Casefolded label or alias -> the entities that carry it."""
    index: dict[str, set[URIRef]] = defaultdict(set)
    for predicate in (RDFS.label, SKOS.altLabel):
        for subject, name in graph.subject_objects(predicate):
            index[str(name).casefold()].add(subject)
    return index


def _alt_labels(graph: Graph, iri: str) -> set[str]:
    return {str(name) for name in graph.objects(URIRef(iri), SKOS.altLabel)}


def _label(graph: Graph, iri: URIRef) -> str:
    return str(graph.value(iri, RDFS.label))


def test_reference_file_is_what_the_generator_writes() -> None:
    text = generator.build_reference()
    assert text == generator.build_reference()
    assert text == REFERENCE_FILE.read_text(encoding="utf-8"), "run ontology/build_reference.py"


def test_reference_file_loads_into_pyoxigraph(graph: Graph) -> None:
    store = pyoxigraph.Store()
    store.load(REFERENCE_FILE.read_bytes(), pyoxigraph.RdfFormat.TURTLE)
    assert len(store) == len(graph) > 4000


def test_every_iso_country_is_a_country(graph: Graph) -> None:
    countries = set(graph.subjects(RDF.type, AK_NS.Country))
    assert {URIRef(country_iri(c.alpha_3)) for c in pycountry.countries} == countries
    assert len(countries) == 249
    for country in countries:
        assert str(graph.value(country, SKOS.notation)) == str(country).rsplit("/", 1)[1]


def test_at_least_fifty_countries_link_to_wikidata(graph: Graph) -> None:
    linked = {
        subject
        for subject in graph.subjects(RDF.type, AK_NS.Country)
        if str(graph.value(subject, OWL.sameAs) or "").startswith(WIKIDATA + "Q")
    }
    assert len(linked) >= 50
    assert graph.value(URIRef(country_iri("JPN")), OWL.sameAs) == URIRef(WIKIDATA + "Q17")
    assert graph.value(URIRef(country_iri("KOR")), OWL.sameAs) == URIRef(WIKIDATA + "Q884")


def test_every_entity_has_one_english_label(graph: Graph) -> None:
    entities = {s for kind in ENTITY_CLASSES for s in graph.subjects(RDF.type, AK_NS[kind])}
    assert set(graph.subjects(RDF.type, None)) == entities
    for entity in entities:
        labels = list(graph.objects(entity, RDFS.label))
        assert len(labels) == 1, entity
        assert isinstance(labels[0], Literal) and labels[0].language == "en"
    for alias in graph.objects(None, SKOS.altLabel):
        assert isinstance(alias, Literal) and alias.language == "en", alias


def test_country_names_use_common_english(graph: Graph) -> None:
    expected = {
        "KOR": "South Korea",
        "PRK": "North Korea",
        "RUS": "Russia",
        "TWN": "Taiwan",
        "IRN": "Iran",
        "VNM": "Vietnam",
        "CZE": "Czech Republic",
        "TUR": "Turkey",
        "USA": "United States",
        "GBR": "United Kingdom",
    }
    for code, label in expected.items():
        assert _label(graph, URIRef(country_iri(code))) == label
    assert {"Republic of Korea", "ROK", "South Korean"} <= _alt_labels(graph, country_iri("KOR"))
    assert {"UK", "Britain", "British", "London"} <= _alt_labels(graph, country_iri("GBR"))
    assert not any("," in name for name in _alt_labels(graph, country_iri("KOR")))


def test_demonyms_and_capitals_are_marked_and_are_aliases(graph: Graph) -> None:
    japan = URIRef(country_iri("JPN"))
    assert {"Japanese", "Tokyo"} <= _alt_labels(graph, country_iri("JPN"))
    assert str(graph.value(japan, AK_NS.demonym)) == "Japanese"
    assert str(graph.value(japan, AK_NS.capitalMetonym)) == "Tokyo"
    for predicate in (AK_NS.demonym, AK_NS.capitalMetonym):
        for subject, name in graph.subject_objects(predicate):
            assert (subject, SKOS.altLabel, name) in graph
    assert len(set(graph.subjects(AK_NS.demonym, None))) >= 80
    assert len(set(graph.subjects(AK_NS.capitalMetonym, None))) >= 60


def test_united_states_aliases(graph: Graph) -> None:
    aliases = _alt_labels(graph, country_iri("USA"))
    assert {"U.S.", "US", "USA", "America", "American", "Washington"} <= aliases
    assert (
        URIRef(country_iri("USA")),
        AK_NS.capitalMetonym,
        Literal("Washington", lang="en"),
    ) in graph
    assert _label(graph, URIRef(entity_iri("Place", "Washington, D.C."))) == "Washington, D.C."


@pytest.mark.parametrize(
    ("label", "affiliated"),
    [
        ("NATO", None),
        ("European Union", None),
        ("United Nations", None),
        ("AUKUS", "USA"),
        ("Quad", "JPN"),
        ("U.S. 7th Fleet", "USA"),
        ("Self-Defense Forces", "JPN"),
        ("Hyundai Rotem", "KOR"),
        ("Mitsubishi Heavy Industries", "JPN"),
    ],
)
def test_organisations(
    graph: Graph, names: dict[str, set[URIRef]], label: str, affiliated: str | None
) -> None:
    (organisation,) = names[label.casefold()]
    assert (organisation, RDF.type, AK_NS.Organization) in graph
    if affiliated:
        assert (organisation, AK_NS.affiliatedWith, URIRef(country_iri(affiliated))) in graph


def test_seventh_fleet_aliases(graph: Graph) -> None:
    fleet = entity_iri("Organization", "U.S. 7th Fleet")
    assert {"7th Fleet", "Seventh Fleet"} <= _alt_labels(graph, fleet)


@pytest.mark.parametrize(("label", "country"), [("Fumio Kishida", "JPN"), ("Joe Biden", "USA")])
def test_leaders(graph: Graph, label: str, country: str) -> None:
    person = URIRef(entity_iri("Person", label))
    assert (person, RDF.type, AK_NS.Person) in graph
    assert (person, AK_NS.affiliatedWith, URIRef(country_iri(country))) in graph
    surname = label.split()[-1]
    assert {surname, f"President {surname}"} & _alt_labels(graph, str(person))
    assert graph.value(person, URIRef("https://schema.org/jobTitle")) is not None


def test_materiel_hierarchy(graph: Graph) -> None:
    def materiel(label: str) -> URIRef:
        iri = URIRef(entity_iri("Materiel", label))
        assert (iri, RDF.type, AK_NS.Materiel) in graph, label
        return iri

    for label in ("howitzer", "artillery shell", "naval vessel", "surface-to-air missile"):
        materiel(label)
    assert (materiel("Patriot"), SKOS.broader, materiel("surface-to-air missile")) in graph
    assert (materiel("self-propelled howitzer"), SKOS.broader, materiel("howitzer")) in graph
    assert "F-35A" in _alt_labels(graph, str(materiel("F-35")))
    assert "warship" in _alt_labels(graph, str(materiel("naval vessel")))
    assert {"PAC-3", "PAC-2"} <= _alt_labels(graph, str(materiel("Patriot")))


def test_every_materiel_but_the_root_has_a_broader_materiel(graph: Graph) -> None:
    root = URIRef(entity_iri("Materiel", "defense equipment"))
    for item in graph.subjects(RDF.type, AK_NS.Materiel):
        broader = set(graph.objects(item, SKOS.broader))
        assert broader or item == root, item
        assert all((b, RDF.type, AK_NS.Materiel) in graph for b in broader)


def test_three_principles_policy(graph: Graph) -> None:
    label = "Three Principles on Transfer of Defense Equipment and Technology"
    policy = URIRef(entity_iri("Policy", label))
    assert (policy, RDF.type, AK_NS.Policy) in graph
    assert "three principles" in _alt_labels(graph, str(policy))
    assert (policy, AK_NS.affiliatedWith, URIRef(country_iri("JPN"))) in graph
    guidelines = graph.value(
        predicate=SKOS.altLabel, object=Literal("implementation guidelines", lang="en")
    )
    assert guidelines is not None and guidelines != policy


def test_no_unexpected_alias_collisions(graph: Graph, names: dict[str, set[URIRef]]) -> None:
    shared = {
        name: {_label(graph, entity) for entity in entities}
        for name, entities in names.items()
        if len(entities) > 1
    }
    assert shared == AMBIGUOUS_NAMES


def _gold(stem: str) -> tuple[str, dict]:
    text = (DEV_ARTICLES / f"{stem}.txt").read_text(encoding="utf-8").split("\n---\n", 1)[1]
    return text, yaml.safe_load((DEV_ARTICLES / f"{stem}.gold.yaml").read_text(encoding="utf-8"))


GOLD_STEMS = sorted(
    path.name.removesuffix(".gold.yaml") for path in DEV_ARTICLES.glob("*.gold.yaml")
)


@pytest.mark.parametrize("stem", GOLD_STEMS)
def test_gold_entities_of_dev_articles_are_known(
    graph: Graph, names: dict[str, set[URIRef]], stem: str
) -> None:
    """Every gold country is named in the text by one of its names; gold people and
    organisations are reference names; every gold materiel list is met by some materiel label."""
    text, gold = _gold(stem)
    for code in gold["entities"]["countries"]:
        country = URIRef(country_iri(code))
        country_names = {_label(graph, country)} | _alt_labels(graph, str(country))
        assert any(re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text) for n in country_names), code
    for name in gold["entities"]["people"] + gold["entities"]["organizations"]:
        assert name.casefold() in names, name
    materiel_labels = [
        _label(graph, m).casefold() for m in graph.subjects(RDF.type, AK_NS.Materiel)
    ]
    for event in gold["events"]:
        keywords = [str(keyword) for keyword in event.get("materiel") or []]
        assert not keywords or any(k in label for k in keywords for label in materiel_labels)


def _write_sources(folder: Path, **files: object) -> Path:
    for name in ("countries.yaml", *generator.CURATED_FILES):
        content = files.get(name.removesuffix(".yaml"), [] if name != "countries.yaml" else {})
        (folder / name).write_text(yaml.safe_dump(content), encoding="utf-8")
    return folder


def test_generator_resolves_cross_references(tmp_path: Path) -> None:
    source = _write_sources(
        tmp_path,
        organizations=[{"label": "Test Alliance", "aliases": ["TA"]}, {"label": "Acme Arms"}],
        materiel=[
            {"label": "gadget", "maker": "JPN"},
            {"label": "Widget", "broader": ["gadget"], "maker": "Acme Arms"},
        ],
        people=[
            {
                "label": "Ann Example",
                "surname": "Example",
                "titles": ["Minister"],
                "affiliated": ["JPN", "Test Alliance"],
            }
        ],
    )
    graph = Graph().parse(data=generator.build_reference(source), format="turtle")
    person = URIRef(entity_iri("Person", "Ann Example"))
    assert {"Example", "Minister Example"} == _alt_labels(graph, str(person))
    assert set(graph.objects(person, AK_NS.affiliatedWith)) == {
        URIRef(country_iri("JPN")),
        URIRef(entity_iri("Organization", "Test Alliance")),
    }
    widget = URIRef(entity_iri("Materiel", "Widget"))
    assert graph.value(widget, SKOS.broader) == URIRef(entity_iri("Materiel", "gadget"))
    manufacturer = URIRef("https://schema.org/manufacturer")
    assert graph.value(widget, manufacturer) == URIRef(entity_iri("Organization", "Acme Arms"))
    gadget = URIRef(entity_iri("Materiel", "gadget"))
    assert graph.value(gadget, manufacturer) == URIRef(country_iri("JPN"))


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({"places": [{"label": "X", "colour": "red"}]}, "unknown keys"),
        ({"places": [{"label": "X", "affiliated": ["Nowhere"]}]}, "neither an ISO"),
        ({"materiel": [{"label": "X", "broader": ["Y"]}]}, "broader"),
        ({"materiel": [{"label": "X", "maker": "Nobody Inc"}]}, "neither an ISO"),
        ({"policies": [{"label": "X", "wikidata": "17"}]}, "Q123"),
        ({"places": [{"label": "X"}, {"label": "x"}]}, "already taken"),
        ({"countries": {"XXX": {"label": "Nowhere"}}}, "alpha-3"),
        ({"people": [{"label": "X", "titles": ["Dr"]}]}, "surname"),
        ({"people": [{"aliases": ["X"]}]}, "label is required"),
    ],
)
def test_generator_rejects_inconsistent_sources(
    tmp_path: Path, files: dict[str, object], message: str
) -> None:
    with pytest.raises(generator.ReferenceDataError, match=message):
        generator.build_entities(_write_sources(tmp_path, **files))


def test_check_mode_reports_a_stale_file(tmp_path: Path) -> None:
    stale = tmp_path / "reference.ttl"
    stale.write_text("# old\n", encoding="utf-8")
    assert generator.main(["--check", "--output", str(stale)]) == 1
    assert generator.main(["--output", str(stale)]) == 0
    assert generator.main(["--check", "--output", str(stale)]) == 0
