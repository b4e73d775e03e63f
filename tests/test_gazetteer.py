"""Reference entities read from Turtle, and the spaCy matcher that marks their names in text."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from alliance_kg.iris import AKR, country_iri
from alliance_kg.model import Entity, EntityType
from alliance_kg.pipeline.context import ArticleContext
from alliance_kg.pipeline.extractor import Extractor
from alliance_kg.pipeline.gazetteer import Gazetteer

USA, JPN, GBR = country_iri("USA"), country_iri("JPN"), country_iri("GBR")
MATERIEL = AKR + "materiel/"
FIXTURE = """
@prefix ak: <https://w3id.org/alliance-kg/ontology#> .
@prefix country: <https://w3id.org/alliance-kg/resource/country/> .
@prefix materiel: <https://w3id.org/alliance-kg/resource/materiel/> .
@prefix org: <https://w3id.org/alliance-kg/resource/organization/> .
@prefix place: <https://w3id.org/alliance-kg/resource/place/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .

country:NZL a ak:Country ; rdfs:label "New Zealand"@en ;
    skos:altLabel "Aotearoa"@en ; ak:demonym "New Zealander"@en ;
    ak:capitalMetonym "Wellington"@en .
country:FJI a ak:Country ; rdfs:label "Fiji"@en .
org:nz-navy a ak:Organization ; rdfs:label "NZ Navy"@en ; ak:affiliatedWith country:NZL .
org:pacific-forum a ak:Organization ; rdfs:label "Pacific Forum"@en ;
    ak:affiliatedWith country:NZL, country:FJI .
materiel:vessel a ak:Materiel ; rdfs:label "vessel"@en .
materiel:frigate a ak:Materiel ; rdfs:label "frigate"@en ; skos:broader materiel:vessel .
materiel:anzac-frigate a ak:Materiel ; rdfs:label "Anzac frigate"@en ;
    skos:broader materiel:frigate .
place:wellington a ak:Place ; rdfs:label "Wellington, North Island"@en .
place:untyped rdfs:label "No class"@en .
"""


@pytest.fixture(scope="module")
def nlp(extractor: Extractor) -> Language:
    return extractor.nlp


@pytest.fixture(scope="module")
def gazetteer(extractor: Extractor) -> Gazetteer:
    return extractor.gazetteer


@pytest.fixture()
def small(tmp_path: Path) -> Gazetteer:
    path = tmp_path / "reference.ttl"
    path.write_text(FIXTURE, encoding="utf-8")
    return Gazetteer.load(path)


def matches(nlp: Language, text: str) -> list[tuple[str, str, str]]:
    """(text, entity class, reference IRI) of every gazetteer entity in `text`."""
    return [(e.text, e.label_, e.id_) for e in nlp(text).ents if e.id_]


def test_load_reads_labels_aliases_and_relations(small: Gazetteer) -> None:
    nzl = small.get(AKR + "country/NZL")
    assert nzl is not None
    assert (nzl.label, nzl.type) == ("New Zealand", EntityType.COUNTRY)
    assert nzl.aliases == {"Aotearoa", "New Zealander", "Wellington"}
    assert (nzl.demonyms, nzl.metonyms) == ({"New Zealander"}, {"Wellington"})
    assert nzl.entity() == Entity(iri=AKR + "country/NZL", label="New Zealand", type=nzl.type)
    assert small.get(AKR + "place/untyped") is None  # no entity class: not a reference


def test_names_pairs_every_label_and_alias(small: Gazetteer) -> None:
    names = {name for name, ref in small.names() if ref.iri == AKR + "country/NZL"}
    assert names == {"New Zealand", "Aotearoa", "New Zealander", "Wellington"}


def test_country_of_rolls_up_people_and_organisations(small: Gazetteer) -> None:
    assert small.country_of(AKR + "organization/nz-navy") == AKR + "country/NZL"
    assert small.country_of(AKR + "country/NZL") == AKR + "country/NZL"
    assert small.country_of(AKR + "organization/pacific-forum") is None  # two states
    assert small.country_of(MATERIEL + "frigate") is None
    assert small.country_of(AKR + "organization/unknown") is None


def test_depth_counts_the_classes_above(small: Gazetteer) -> None:
    depths = [small.depth(MATERIEL + m) for m in ("vessel", "frigate", "anzac-frigate")]
    assert depths == [0, 1, 2]


def test_place_named_matches_the_name_before_the_comma(small: Gazetteer) -> None:
    place = small.place_named(" wellington ")
    assert place is not None and place.iri == AKR + "place/wellington"
    assert small.place_named("New Zealand") is None


def test_the_project_reference(gazetteer: Gazetteer) -> None:
    washington = gazetteer.place_named("Washington")
    assert washington is not None and washington.label == "Washington, D.C."
    fleet = AKR + "organization/u-s-7th-fleet"
    assert gazetteer.country_of(fleet) == USA
    assert gazetteer.country_of(AKR + "person/anthony-albanese") == country_iri("AUS")
    assert gazetteer.country_of(AKR + "organization/mbda") is None
    assert gazetteer.depth(MATERIEL + "self-propelled-howitzer") > gazetteer.depth(
        MATERIEL + "howitzer"
    )


@pytest.mark.parametrize(
    ("text", "name", "iri"),
    [
        ("Japanese companies will build the parts.", "Japanese", JPN),
        ("Tokyo said the talks went well.", "Tokyo", JPN),
        ("British officials flew in on Monday.", "British", GBR),
        ("The US will sign the deal.", "US", USA),
        ("Britons and Americans trained together.", "Americans", USA),
    ],
)
def test_demonyms_metonyms_and_short_aliases_name_countries(
    nlp: Language, text: str, name: str, iri: str
) -> None:
    assert (name, EntityType.COUNTRY.value, iri) in matches(nlp, text)


def test_a_short_alias_matches_only_in_its_own_case(nlp: Language) -> None:
    assert matches(nlp, "Let us hope the deal holds.") == []


def test_plurals_of_materiel_in_any_case(nlp: Language) -> None:
    found = matches(nlp, "Kyiv needs howitzers, and more Howitzers.")
    assert [(t, i) for t, _, i in found if i.startswith(MATERIEL)] == [
        ("howitzers", MATERIEL + "howitzer"),
        ("Howitzers", MATERIEL + "howitzer"),
    ]


def test_the_longest_name_wins(nlp: Language, gazetteer: Gazetteer) -> None:
    fleet = AKR + "organization/u-s-7th-fleet"
    found = matches(nlp, "The U.S. 7th Fleet is based in Japan.")
    assert found[0] == ("U.S. 7th Fleet", EntityType.ORGANIZATION.value, fleet)
    assert USA not in {iri for _, _, iri in found}


def test_ship_as_a_verb_is_not_materiel(nlp: Language) -> None:
    found = matches(nlp, "Seoul will ship the shells in May.")
    assert [t for t, _, _ in found if t.lower() == "ship"] == []


def test_a_materiel_object_mistagged_as_a_verb_is_still_materiel(nlp: Language) -> None:
    found = matches(nlp, "Japanese shipyards will repair U.S. Navy destroyers under the plan.")
    assert ("destroyers", EntityType.MATERIEL.value, MATERIEL + "destroyer") in found


def test_a_body_named_with_its_state_names_the_state(extractor: Extractor) -> None:
    doc = extractor.nlp("South Korea's National Intelligence Service briefed lawmakers.")
    ctx = ArticleContext([doc], extractor.gazetteer)
    linked = {e.iri for ent in doc.ents for e in ctx.linked(ent)}
    assert country_iri("KOR") in linked
    assert any(iri.endswith("national-intelligence-service") for iri in linked)


def test_a_name_several_states_bodies_share_is_the_home_states(gazetteer: Gazetteer) -> None:
    body = gazetteer.body_of("National Security Council", [JPN])
    assert body is not None and gazetteer.country_of(body.iri) == JPN
    assert gazetteer.body_of("National Security Council", [GBR]) is None


def test_a_span_is_linked_once_the_article_is_read(extractor: Extractor) -> None:
    """The link of 'the National Security Council' needs the article's home state, which is
    known only once every paragraph is read: links made before are not kept."""
    text = "Japan will revise its export rules. The National Security Council approved the sale."
    doc = extractor.nlp(text)
    ctx = ArticleContext([doc], extractor.gazetteer)
    council = next(ent for ent in doc.ents if ent.text == "National Security Council")
    linked = ctx.entity(council)
    assert linked is not None and not linked.minted
    assert extractor.gazetteer.country_of(linked.iri) == JPN
    assert ctx.entity_of(council.root) == linked
    assert ctx.entity(next(ent for ent in doc.ents if ent.start == council.start)) is linked
