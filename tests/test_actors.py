"""Who the actors are: groups ('the two countries'), their leaders, surnames, on real parses."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Span

from alliance_kg.iris import entity_iri
from alliance_kg.model import EntityType, Role
from alliance_kg.pipeline.context import ArticleContext
from alliance_kg.pipeline.extractor import Extractor
from alliance_kg.pipeline.roles import subject_actors
from extraction_support import PUBLISHED, E, article, candidates, countries, events_of, isos, only

EU = entity_iri(EntityType.ORGANIZATION.value, "European Union")


def test_the_states_just_named_together_are_the_group(extractor: Extractor) -> None:
    text = (
        "Canada, Australia and New Zealand held talks on Monday. "
        "The defence ministers of the three countries agreed to co-produce drones."
    )
    c = only(extractor, text, E.JOINT_PRODUCTION)
    assert countries(c, Role.PARTICIPANT) == {"CAN", "AUS", "NZL"}
    assert c.inferred


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (
            "Japan signed a defence pact with the Philippines on Monday. China condemned the "
            "pact, and Chinese officials said China would respond. The two governments will "
            "also build patrol boats together.",
            {"JPN", "PHL"},
        ),
        (
            "South Korea will sell 48 FA-50 jets to Poland. Russia condemned the sale, and "
            "Russian officials said Russia would respond. The two countries will also produce "
            "tanks together.",
            {"KOR", "POL"},
        ),
    ],
)
def test_the_two_are_the_pair_last_acting_together_not_the_most_named(
    extractor: Extractor, text: str, pair: set[str]
) -> None:
    """A subject and the state it deals with, sells to or buys from act together; a third
    state named more often in between is not one of 'the two'."""
    [joint] = events_of(extractor.extract(article(text, PUBLISHED)), E.JOINT_PRODUCTION)
    assert isos(joint, Role.PARTICIPANT) == pair


@pytest.mark.parametrize(
    ("text", "kind", "role", "expected"),
    [
        pytest.param(
            "Spain and Portugal met in Madrid. The four ministers agreed to co-produce drones.",
            E.JOINT_PRODUCTION,
            Role.PARTICIPANT,
            {"ESP", "PRT"},
            id="the_ministers_are_the_states_in_focus",
        ),
        pytest.param(
            "Greece and Turkey met in Athens. Later, Japan's defence minister raised the plan with "
            "the U.S. defense secretary in Washington at the allies' annual security talks.",
            E.DEFENSE_COOPERATION,
            Role.PARTICIPANT,
            {"JPN", "USA"},
            id="the_allies_just_named_in_the_sentence",
        ),
        pytest.param(
            "Sweden's Saab is building a factory near Warsaw where it plans to assemble drones.",
            E.JOINT_PRODUCTION,
            Role.PARTICIPANT,
            {"SWE", "POL"},
            id="where_a_factory_stands_hosts_the_work_done_there",
        ),
        pytest.param(
            "President Yoon Suk Yeol said his government would sell howitzers to Poland.",
            E.ARMS_TRANSFER,
            Role.SUPPLIER,
            {"KOR"},
            id="his_government_is_the_states_of_the_man_named",
        ),
        pytest.param(
            "President Joe Biden, Australian Prime Minister Anthony Albanese and South Korean "
            "President Yoon Suk Yeol agreed on Friday to hold military exercises "
            "together every year.",
            E.DEFENSE_COOPERATION,
            Role.PARTICIPANT,
            {"USA", "AUS", "KOR"},
            id="subjects_the_parser_splits_still_act_together",
        ),
        pytest.param(
            "Sweden's defence minister met his Dutch counterpart in The Hague, and the two "
            "agreed to co-produce drones.",
            E.JOINT_PRODUCTION,
            Role.PARTICIPANT,
            {"SWE", "NLD"},
            id="the_two_are_the_states_just_named",
        ),
    ],
)
def test_the_states_an_actor_stands_for(
    extractor: Extractor, text: str, kind: E, role: Role, expected: set[str]
) -> None:
    c = only(extractor, text, kind)
    assert countries(c, role) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Spain and Portugal met. Western governments will supply drones to Ukraine.",
        "Spain and Portugal met. Other countries will supply drones to Ukraine.",
        "Spain and Portugal met. Allies will supply drones to Ukraine.",
    ],
)
def test_an_indefinite_or_qualified_group_is_no_one_in_particular(
    extractor: Extractor, text: str
) -> None:
    c = only(extractor, text, E.ARMS_TRANSFER)
    assert countries(c, Role.SUPPLIER) == set()
    assert countries(c, Role.RECIPIENT) == {"UKR"}


def test_a_group_led_by_states_is_those_states(extractor: Extractor) -> None:
    text = "A consortium led by Italy and Spain will supply frigates to Greece."
    c = only(extractor, text, E.ARMS_TRANSFER)
    assert countries(c, Role.SUPPLIER) == {"ITA", "ESP"}
    assert countries(c, Role.RECIPIENT) == {"GRC"}


def test_a_surname_is_the_person_last_named_in_full(extractor: Extractor) -> None:
    text = (
        "South Korean Defense Minister Kim Yong-hyun visited Tokyo. "
        "Kim signed a defence pact with Japan."
    )
    signed = next(c for c in candidates(extractor, text) if c.trigger.text == "signed")
    assert countries(signed, Role.PARTICIPANT) == {"KOR", "JPN"}


def test_a_facility_named_by_its_place_is_its_states(extractor: Extractor) -> None:
    text = "Two private shipyards near Busan will refit American destroyers."
    c = only(extractor, text, E.MAINTENANCE_COOPERATION)
    assert countries(c, Role.PROVIDER) == {"KOR"}
    assert countries(c, Role.CLIENT) == {"USA"}


def test_a_giver_named_but_unknown_is_left_open(extractor: Extractor) -> None:
    c = only(extractor, "Allies will supply drones to Ukraine.", E.ARMS_TRANSFER)
    assert Role.SUPPLIER not in c.roles and Role.SUPPLIER in c.unnamed


def test_a_body_several_states_have_is_the_home_states(extractor: Extractor) -> None:
    text = (
        "Japan will revise its export rules. The National Security Council on Friday "
        "approved the sale of Patriot interceptors to the United States."
    )
    c = only(extractor, text, E.ARMS_TRANSFER)
    assert countries(c, Role.SUPPLIER) == {"JPN"}
    assert countries(c, Role.RECIPIENT) == {"USA"}


def test_the_country_as_subject_is_the_last_state_named_as_one(extractor: Extractor) -> None:
    text = "Poland bought tanks from South Korea. The country will also buy howitzers."
    (c,) = [c for c in candidates(extractor, text) if c.trigger.text == "buy"]
    assert countries(c, Role.RECIPIENT) == {"POL"}


def test_the_bloc_is_the_bloc_last_named(extractor: Extractor) -> None:
    text = "The European Union met on Friday. The bloc pledged to send Ukraine artillery shells."
    c = next(c for c in candidates(extractor, text) if c.trigger.text == "send")
    assert EU in c.roles.get(Role.SUPPLIER, {}) | c.roles.get(Role.DONOR, {})


def test_a_plural_relative_clause_is_about_the_plural_noun(extractor: Extractor) -> None:
    text = "Hanwha Ocean runs two repair yards in Geoje, which have serviced American supply ships."
    c = only(extractor, text, E.MAINTENANCE_COOPERATION)
    assert countries(c, Role.PROVIDER) == {"KOR"}
    assert countries(c, Role.CLIENT) == {"USA"}


def test_a_states_allies_are_not_that_state(extractor: Extractor) -> None:
    c = only(extractor, "Ukraine's allies have pledged more air defence systems.", E.MILITARY_AID)
    assert countries(c, Role.DONOR) == set()
    text = "Japan's partners, Britain and Italy, will co-develop a fighter jet."
    c = only(extractor, text, E.JOINT_PRODUCTION)
    assert countries(c, Role.PARTICIPANT) == {"GBR", "ITA"}


def test_a_pronoun_agreeing_with_a_thing_or_unknown_group_is_no_one(extractor: Extractor) -> None:
    text = (
        "Germany bought Patriot systems last year, and the consortium said it would supply "
        "missiles to Poland."
    )
    (c,) = [c for c in candidates(extractor, text) if c.trigger.text == "supply"]
    assert countries(c, Role.SUPPLIER) == set()
    assert countries(c, Role.RECIPIENT) == {"POL"}


def test_a_side_named_as_an_indefinite_group_stays_open(extractor: Extractor) -> None:
    text = "Seoul is weighing whether to send weapons to a country at war."
    (c,) = [c for c in candidates(extractor, text) if c.trigger.text == "send"]
    assert countries(c, Role.RECIPIENT) == set()
    assert Role.RECIPIENT in c.unnamed


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Another supply ship, USNS Matthew Perry, came in for repairs.", "USNS Matthew Perry"),
        ("The carrier HMS Queen Elizabeth called at Yokosuka.", "HMS Queen Elizabeth"),
    ],
)
def test_a_ship_named_after_a_person_is_no_person(
    extractor: Extractor, text: str, name: str
) -> None:
    doc = extractor.nlp(text)
    ctx = ArticleContext([doc], extractor.gazetteer)
    found = {(e.label, e.type) for e in map(ctx.entity, doc.ents) if e is not None}
    assert (name, EntityType.MATERIEL) in found
    assert not any(kind is EntityType.PERSON for _, kind in found)


@pytest.mark.parametrize(
    "text",
    [
        "Officials in Seoul agreed to sell howitzers to Estonia.",
        "Negotiators from South Korea agreed to sell howitzers to Estonia.",
    ],
)
def test_officials_are_the_states_they_come_from(extractor: Extractor, text: str) -> None:
    c = only(extractor, text, E.ARMS_TRANSFER)
    assert countries(c, Role.SUPPLIER) == {"KOR"}
    assert countries(c, Role.RECIPIENT) == {"EST"}


@pytest.mark.parametrize(
    ("text", "states"),
    [
        ("President Bola Tinubu met Prime Minister Mark Rutte in The Hague.", {"NGA", "NLD"}),
        ("Sheikh Tamim bin Hamad Al Thani met President Droupadi Murmu on Friday.", {"QAT", "IND"}),
        ("Mr Pashinyan met President Aliyev on Friday.", {"ARM", "AZE"}),
    ],
)
def test_heads_of_state_and_government_are_their_states(
    extractor: Extractor, text: str, states: set[str]
) -> None:
    """Leaders the reference lists stand for their states, by full name or titled surname."""
    c = only(extractor, text, E.LEADERS_MEETING)
    assert countries(c, Role.PARTICIPANT) == states


@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        (
            "The Greek navy has lacked new ships since Germany barred it from the programme "
            "over its purchase of Russian missiles.",
            "GRC",
        ),
        (
            "Indian gunners have gone without spares since France dropped them from the tender "
            "over their purchase of Russian fighters.",
            "IND",
        ),
    ],
)
def test_an_object_pronoun_is_not_its_clauses_subject_and_the_possessive_repeats_it(
    extractor: Extractor, text: str, recipient: str
) -> None:
    (c,) = [c for c in candidates(extractor, text) if c.trigger.text == "purchase"]
    assert countries(c, Role.RECIPIENT) == {recipient}
    assert countries(c, Role.SUPPLIER) == {"RUS"}


@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        (
            "Turkey sold drones to Qatar. For Egypt, which is rebuilding its army, the "
            "priority is money. It still awaits the first of 30 Rafale fighters it bought "
            "from France.",
            "EGY",
        ),
        (
            "Germany trains Polish crews. In Norway, which has been modernising its fleet, "
            "the problem is people. It is waiting for the frigates it ordered from Britain.",
            "NOR",
        ),
    ],
)
def test_it_is_the_last_clause_subject_naming_a_state_when_the_root_names_none(
    extractor: Extractor, text: str, recipient: str
) -> None:
    events = events_of(extractor.extract(article(text, PUBLISHED)), E.ARMS_TRANSFER)
    last = [e for e in events if isos(e, Role.SUPPLIER) not in ({"TUR"}, set())]
    assert [isos(e, Role.RECIPIENT) for e in last] == [{recipient}]


@pytest.mark.parametrize(
    ("text", "word", "meant"),
    [
        (
            "Greece ordered three FDI frigates in 2022. Naval Group will maintain the ships.",
            "ships",
            "FDI frigate",
        ),
        (
            "Poland signed for 180 K2 tanks. Polish workshops will repair these tanks.",
            "tanks",
            "K2",
        ),
        (
            "Norway bought Leopard 2 tanks, then F-35 jets. The tanks arrive next year.",
            "tanks",
            "Leopard 2",
        ),
        ("Greece ordered three FDI frigates. Italy will build two ships.", "ships", "naval vessel"),
        ("Greece ordered FDI frigates. The fighter jets come later.", "jets", "fighter aircraft"),
    ],
)
def test_a_definite_class_word_is_the_system_of_that_class_named_last(
    extractor: Extractor, text: str, word: str, meant: str
) -> None:
    doc = extractor.nlp(text)
    ctx = ArticleContext([doc], extractor.gazetteer)
    entity = ctx.entity_of([t for t in doc if t.text == word][-1])
    assert entity is not None and entity.label == meant


def _parsed(extractor: Extractor, rows: str, ents: list[tuple[int, int, str]]) -> Doc:
    """A hand-made parse ('word/dep/head/pos/lemma' each), as the parser sometimes gives it."""
    cells = [row.split("/") for row in rows.split()]
    doc = Doc(
        extractor.nlp.vocab,
        words=[c[0] for c in cells],
        heads=[int(c[2]) for c in cells],
        deps=[c[1] for c in cells],
        pos=[c[3] for c in cells],
        lemmas=[c[4] for c in cells],
    )
    doc.ents = [Span(doc, start, end, label=label) for start, end, label in ents]
    return doc


@pytest.mark.parametrize(
    ("rows", "ents"),
    [
        (
            "Mark/compound/1/PROPN/mark Rutte/nsubj/2/PROPN/rutte said/ROOT/2/VERB/say "
            "that/mark/6/SCONJ/that Russia/nsubj/6/PROPN/russia was/aux/6/AUX/be "
            "rearming/ccomp/2/VERB/rearm and/cc/2/CCONJ/and that/mark/10/SCONJ/that "
            "stocks/nsubj/10/NOUN/stock drained/advcl/16/VERB/drain by/prep/10/ADP/by "
            "deliveries/pobj/11/NOUN/delivery to/prep/12/ADP/to Ukraine/pobj/13/PROPN/ukraine "
            "were/auxpass/16/AUX/be refilled/conj/2/VERB/refill",
            [(0, 2, "PERSON"), (4, 5, "GPE"), (14, 15, "GPE")],
        ),
        (
            "Jens/compound/1/PROPN/jens Stoltenberg/nsubj/2/PROPN/stoltenberg "
            "told/ROOT/2/VERB/tell allies/dobj/2/NOUN/ally that/mark/6/SCONJ/that "
            "China/nsubj/6/PROPN/china rearmed/ccomp/2/VERB/rearm and/cc/2/CCONJ/and "
            "that/mark/10/SCONJ/that depots/nsubj/10/NOUN/depot emptied/advcl/14/VERB/empty "
            "by/prep/10/ADP/by shipments/pobj/11/NOUN/shipment were/auxpass/14/AUX/be "
            "refilled/conj/2/VERB/refill",
            [(0, 2, "PERSON"), (5, 6, "GPE")],
        ),
    ],
)
def test_who_reports_a_second_that_clause_is_not_its_actor(
    extractor: Extractor, rows: str, ents: list[tuple[int, int, str]]
) -> None:
    doc = _parsed(extractor, rows, ents)
    ctx = ArticleContext([doc], extractor.gazetteer)
    (trigger,) = [t for t in doc if t.lemma_ in {"delivery", "shipment"}]
    assert subject_actors(trigger, ctx) == ([], False)


@pytest.mark.parametrize(
    ("text", "provider", "client"),
    [
        (
            "Hanwha Aerospace won the Romanian contract. The company will also maintain the K9 "
            "howitzers in Romania.",
            "KOR",
            "ROU",
        ),
        (
            "Turkish Aerospace builds the KAAN fighter. The company plans to open a repair hub "
            "in Indonesia for the jets.",
            "TUR",
            "IDN",
        ),
    ],
)
def test_the_company_is_the_firm_last_named(
    extractor: Extractor, text: str, provider: str, client: str
) -> None:
    (event,) = events_of(extractor.extract(article(text, PUBLISHED)), E.MAINTENANCE_COOPERATION)
    assert isos(event, Role.PROVIDER) == {provider}
    assert isos(event, Role.CLIENT) == {client}


def test_the_company_is_no_navy_or_ministry(extractor: Extractor) -> None:
    text = "The U.S. Navy awarded the work in May. The company will repair the destroyers in Japan."
    c = only(extractor, text, E.MAINTENANCE_COOPERATION)
    assert "USA" not in countries(c, Role.PROVIDER)


@pytest.mark.parametrize(
    ("text", "provider"),
    [
        pytest.param(
            "Rheinmetall signed a contract with Lithuania last year, working with Nammo on "
            "propellant. The company will open a maintenance centre for Boxer vehicles in Vilnius.",
            "DEU",
            id="the_subject_of_the_sentence_before",
        ),
        pytest.param(
            "Saab opened an office in Warsaw in March. Saab sold radars to Poland last year. "
            "Poland also buys helicopters from Leonardo. The company will maintain the radars "
            "in Poland.",
            "SWE",
            id="the_firm_the_paragraph_is_about",
        ),
        pytest.param(
            "Hanwha Aerospace won an order for K9 howitzers, with WB Group making the radios. "
            "South Korean officials said the company would service the howitzers in Poland.",
            "KOR",
            id="a_firm_of_the_speakers_state",
        ),
    ],
)
def test_the_company_is_the_firm_the_text_is_about_rather_than_the_last_named(
    extractor: Extractor, text: str, provider: str
) -> None:
    (event,) = events_of(extractor.extract(article(text, PUBLISHED)), E.MAINTENANCE_COOPERATION)
    assert isos(event, Role.PROVIDER) == {provider}


@pytest.mark.parametrize(
    ("text", "state", "materiel"),
    [
        (
            "Sweden had barred sales of its howitzers to Turkey since 2019. That ban was lifted "
            "last week after talks.",
            "SWE",
            "howitzer",
        ),
        (
            "France restricted the resale of its missiles to third states. The rules were eased "
            "in May after pressure from its buyers.",
            "FRA",
            "missile",
        ),
        (
            "Japan planned to build two radar sites on land. That plan was dropped in 2021 "
            "after the boosters were found unsafe.",
            "JPN",
            "radar",
        ),
    ],
)
def test_a_policy_taken_up_by_that_or_the_is_the_one_told_before(
    extractor: Extractor, text: str, state: str, materiel: str
) -> None:
    extraction = extractor.extract(article(text, PUBLISHED))
    (event,) = events_of(extraction, E.POLICY_CHANGE)
    assert isos(event, Role.PARTICIPANT) == {state}
    assert {m.label.lower() for m in event.fillers(Role.MATERIEL)} == {materiel}


@pytest.mark.parametrize(
    ("text", "buyer"),
    [
        pytest.param(
            "TOKYO (Reuters) - The United States and Australia held talks last week. The "
            "government will buy 400 Tomahawk missiles from the United States, officials said.",
            "JPN",
            id="the_dateline_when_the_sentence_before_names_two_states",
        ),
        pytest.param(
            "SEOUL (AP) - The government will buy 20 more F-35 jets from the United States.",
            "KOR",
            id="the_dateline_of_a_story_that_opens_with_it",
        ),
        pytest.param(
            "Britain and Norway signed a frigate deal in August. Norway has been short of ships "
            "for years. The navy will receive five Type 26 frigates from Britain from 2030.",
            "NOR",
            id="the_one_state_the_sentence_before_has_as_subject",
        ),
    ],
)
def test_a_home_body_is_the_state_in_play_where_it_is_told(
    extractor: Extractor, text: str, buyer: str
) -> None:
    events = events_of(extractor.extract(article(text, PUBLISHED)), E.ARMS_TRANSFER)
    (event,) = [e for e in events if e.mentions[0].text.startswith(("The government", "The navy"))]
    assert isos(event, Role.RECIPIENT) == {buyer}


@pytest.mark.parametrize(
    "text",
    [
        "SEOUL (AP) - The defence ministry will buy 20 more F-35 jets from the United States.",
        "SEOUL (AP) - The ministry said it would buy 20 more F-35 jets from the United States.",
    ],
)
def test_a_ministry_named_by_its_portfolio_only_is_the_home_states(
    extractor: Extractor, text: str
) -> None:
    (event,) = events_of(extractor.extract(article(text, PUBLISHED)), E.ARMS_TRANSFER)
    assert isos(event, Role.RECIPIENT) == {"KOR"}


@pytest.mark.parametrize(
    ("text", "firm"),
    [
        (
            "Hanwha Aerospace will supply K9 howitzers to Poland with radios from WB Group. "
            "The South Korean company plans a service centre in Poland to maintain the howitzers.",
            "Hanwha Aerospace",
        ),
        (
            "Raytheon and Kongsberg build NSM missiles together in the United States. The "
            "Norwegian firm will open a repair depot in Australia to support the missiles.",
            "Kongsberg",
        ),
    ],
)
def test_the_firm_of_a_nationality_is_the_firm_of_that_state_named_last(
    extractor: Extractor, text: str, firm: str
) -> None:
    (event,) = events_of(extractor.extract(article(text, PUBLISHED)), E.MAINTENANCE_COOPERATION)
    assert firm in {e.label for e in event.fillers(Role.PROVIDER)}


@pytest.mark.parametrize(
    ("text", "kind", "role", "actor"),
    [
        (
            "The order follows a decision by the Polish government to lift defence spending "
            "to 4 percent of national income.",
            E.POLICY_CHANGE,
            Role.PARTICIPANT,
            "POL",
        ),
        (
            "It came after a decision by Tokyo to ease its export rules.",
            E.POLICY_CHANGE,
            Role.PARTICIPANT,
            "JPN",
        ),
        (
            "Analysts welcomed a request by Manila to buy more BrahMos missiles from India.",
            E.ARMS_TRANSFER,
            Role.RECIPIENT,
            "PHL",
        ),
    ],
)
def test_the_maker_of_a_decision_to_act_acts(
    extractor: Extractor, text: str, kind: E, role: Role, actor: str
) -> None:
    """'a decision by X to ...' is X's decision, as 'X's decision to ...' is."""
    c = only(extractor, text, kind)
    assert countries(c, role) == {actor}


@pytest.mark.parametrize(
    "text",
    [
        "BELFAST (AP) - A decision by the government to lift defence spending to 2.5 percent "
        "was welcomed by Thales.",
        "BELFAST (AP) - The government will raise the defence budget, officials said.",
    ],
)
def test_a_dateline_city_makes_the_government_its_states(extractor: Extractor, text: str) -> None:
    (event,) = events_of(extractor.extract(article(text, PUBLISHED)), E.POLICY_CHANGE)
    assert isos(event, Role.PARTICIPANT) == {"GBR"}


@pytest.mark.parametrize(
    ("text", "short"),
    [
        (
            "The French air force has felt the strain: it gave up jets for Greece and Croatia, "
            "leaving its squadrons short of aircraft.",
            "FRA",
        ),
        (
            "The Dutch navy says they handed two frigates to Belgium and Portugal, leaving "
            "their fleet short of crews.",
            "NLD",
        ),
    ],
)
def test_a_possessive_after_a_subject_pronoun_of_its_kind_has_the_same_referent(
    extractor: Extractor, text: str, short: str
) -> None:
    (c,) = [c for c in candidates(extractor, text) if c.type is E.CAPACITY_SHORTFALL]
    assert countries(c, Role.PARTICIPANT) == {short}
