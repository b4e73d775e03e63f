"""The sample corpus (data/articles, data/gold) and the extraction scorer's rules (bench/)."""

from __future__ import annotations

import importlib
import itertools
import random
import sys
from collections import Counter
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from alliance_kg import iris
from alliance_kg.model import (
    Article,
    Entity,
    EntityType,
    Event,
    EventClass,
    EventDate,
    Extraction,
    Mention,
    Role,
    Status,
)
from alliance_kg.rdf.base_graphs import ensure_graph
from alliance_kg.rdf.mapping import extraction_to_quads
from alliance_kg.reading import read_file
from alliance_kg.resources import REFERENCE_FILE
from alliance_kg.store.oxigraph import EmbeddedStore

ROOT = Path(__file__).parents[1]
ARTICLES = ROOT / "data" / "articles"
GOLD = ROOT / "data" / "gold"
DEV_ARTICLES = ROOT.parent / "shared" / "dev-articles"


def _bench_module(name: str) -> ModuleType:
    """A module of bench/, which is a folder of scripts rather than a package."""
    if str(ROOT / "bench") not in sys.path:
        sys.path.insert(0, str(ROOT / "bench"))
    return importlib.import_module(name)


assignment = _bench_module("assignment")
extraction = _bench_module("extraction")
gold_files = _bench_module("gold")
report = _bench_module("report")
section = _bench_module("section")
scoring = _bench_module("scoring")
stored = _bench_module("stored")
# (articles, gold) of our own corpora: the development corpus and the held-out ones
OWN_CORPORA = {
    name: (corpus.articles, corpus.gold)
    for name, corpus in extraction.CORPORA.items()
    if name in ("data", extraction.TUNING, *extraction.HELD_OUT)
}

ARTICLE_FILES = sorted(ARTICLES.glob("*.md"))
OWN_ARTICLE_FILES = sorted(f for articles, _ in OWN_CORPORA.values() for f in articles.glob("*.md"))

GoldList = list[tuple[Path, Any]]  # (gold file, gold.Gold)


def _gold_of(gold_dir: Path) -> GoldList:
    return [(path, gold_files.load_gold(path)) for path in sorted(gold_dir.glob("*.gold.yaml"))]


@pytest.fixture(scope="module")
def corpus_gold() -> GoldList:
    return _gold_of(GOLD)


@pytest.fixture(scope="module", params=sorted(OWN_CORPORA))
def own_corpus(request: pytest.FixtureRequest) -> tuple[Path, GoldList]:
    """(articles folder, gold) of the development, tuning and held-out corpora."""
    articles, gold_dir = OWN_CORPORA[request.param]
    return articles, _gold_of(gold_dir)


# --- the corpus ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path", OWN_ARTICLE_FILES, ids=lambda p: f"{p.parent.parent.name}-{p.stem}"
)
def test_article_reads_with_a_title_and_has_150_to_900_words(path: Path) -> None:
    [article] = read_file(path)
    assert article.title  # some sample articles are undated on purpose
    assert 150 <= len(article.text.split()) <= 900
    gold = path.parent.parent / "gold" / f"{path.stem}.gold.yaml"
    assert gold.is_file(), f"{path.stem} has no gold file"


def test_every_gold_file_names_its_article(own_corpus: tuple[Path, GoldList]) -> None:
    articles, gold_list = own_corpus
    stems = {gold_files.gold_stem(path) for path, _ in gold_list}
    assert stems == {path.stem for path in articles.glob("*.md")}
    for path, gold in gold_list:
        assert gold.article == gold_files.gold_stem(path)


def test_gold_types_statuses_and_dates_are_valid(own_corpus: tuple[Path, GoldList]) -> None:
    classes = {c.value for c in EventClass}
    statuses = {s.value for s in Status}
    for path, gold in own_corpus[1]:
        assert gold.events, f"{path.name} has no events"
        for event in gold.events:
            where = f"{path.name} {event.id}"
            assert event.types <= classes, where
            assert event.statuses and event.statuses <= statuses, where
            assert event.date is None or gold_files.GOLD_DATE.fullmatch(event.date), where


def test_gold_countries_exist_in_the_reference(own_corpus: tuple[Path, GoldList]) -> None:
    for path, gold in own_corpus[1]:
        unknown = gold.countries - gold_files.reference_country_codes()
        assert not unknown, f"{path.name}: {sorted(unknown)} are not reference countries"


def test_countries_of_gold_events_are_among_the_article_countries(
    own_corpus: tuple[Path, GoldList],
) -> None:
    for path, gold in own_corpus[1]:
        missing = set().union(*(event.countries for event in gold.events)) - gold.countries
        assert not missing, f"{path.name}: {sorted(missing)} missing from entities.countries"


def test_gold_evidence_occurs_verbatim_in_the_body(own_corpus: tuple[Path, GoldList]) -> None:
    articles, gold_list = own_corpus
    for path, gold in gold_list:
        [article] = read_file(articles / f"{gold_files.gold_stem(path)}.md")
        for event in gold.events:
            assert event.evidence and event.evidence in article.text, f"{path.name} {event.id}"


def test_corpus_covers_every_class_status_and_many_country_sets(corpus_gold: GoldList) -> None:
    assert len(ARTICLE_FILES) >= 30
    required = [event for _, gold in corpus_gold for event in gold.required]
    classes = Counter(event.type for event in required)
    statuses = Counter(status for event in required for status in event.statuses)
    assert {c.value: classes[c.value] for c in EventClass if classes[c.value] < 4} == {}
    assert {s.value: statuses[s.value] for s in Status if statuses[s.value] < 4} == {}
    country_sets = {_actor_countries(event) for _, gold in corpus_gold for event in gold.events}
    assert len(country_sets - {frozenset()}) >= 10


def _actor_countries(event: Any) -> frozenset[str]:
    fillers = (
        alternative for fs in event.roles.values() for f in fs for alternative in f.split("|")
    )
    return frozenset(filter(gold_files.is_country_code, fillers))


def test_dev_gold_files_parse_with_the_scorer() -> None:
    paths = sorted(DEV_ARTICLES.glob("*.gold.yaml"))
    assert paths, f"no gold files in {DEV_ARTICLES}"
    for path in paths:
        assert gold_files.load_gold(path).events
        assert (DEV_ARTICLES / f"{gold_files.gold_stem(path)}.txt").is_file()


def test_data_readme_lists_every_article() -> None:
    listed = (ROOT / "data" / "README.md").read_text(encoding="utf-8")
    assert [p.name for p in ARTICLE_FILES if f"`{p.name}`" not in listed] == []


# --- gold parsing ----------------------------------------------------------------------

VALID_EVENT = {
    "id": "e1",
    "type": "ArmsTransfer",
    "alt_types": ["JointProduction"],
    "roles": {"supplier": ["KOR|Hyundai Rotem"], "recipient": ["POL"], "location": ["DEU"]},
    "materiel": ["k2", "tank"],
    "status": "Agreed",
    "date": "2022-08-26",
    "evidence": "inked the contracts",
}


def test_gold_parser_reads_alternatives_lists_and_locations() -> None:
    gold = gold_files.parse_gold(
        {"article": "x", "events": [VALID_EVENT], "entities": {"countries": ["KOR"]}}, source="t"
    )
    [event] = gold.events
    assert event.types == {"ArmsTransfer", "JointProduction"}
    assert event.roles == {"supplier": ("KOR|Hyundai Rotem",), "recipient": ("POL",)}
    assert event.statuses == {"Agreed"} and event.date == "2022-08-26"
    assert event.countries == {"KOR", "POL", "DEU"}
    assert gold.required == (event,) and gold.countries == {"KOR"}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"type": "Summit"}, "not an event class"),
        ({"status": ["Agreed", "Rumoured"]}, "status"),
        ({"date": "2024-13"}, "YYYY"),
        ({"roles": {"buyer": ["POL"]}}, "unknown roles"),
    ],
)
def test_gold_parser_rejects_what_the_format_forbids(change: dict, message: str) -> None:
    with pytest.raises(gold_files.GoldFormatError, match=message):
        gold_files.parse_gold({"events": [{**VALID_EVENT, **change}]}, source="t")


def test_gold_parser_reads_unquoted_yaml_dates() -> None:
    event = {**VALID_EVENT, "date": date(2024, 4, 10)}
    [parsed] = gold_files.parse_gold({"events": [event]}, source="t").events
    assert parsed.date == "2024-04-10"


# --- matching rule -----------------------------------------------------------------------


def _filler(iri: str, *labels: str) -> object:
    return scoring.Filler(iri, labels)


JAPAN = _filler(iris.country_iri("JPN"), "Japan", "Tokyo", "Japanese")
USA = _filler(iris.country_iri("USA"), "United States", "U.S.", "US", "Washington")
MHI = _filler(iris.entity_iri("Organization", "MHI"), "Mitsubishi Heavy Industries", "MHI")
PATRIOT = _filler(iris.entity_iri("Materiel", "Patriot"), "Patriot", "PAC-3 MSE")


def _gold(event_id: str = "e1", **fields: object) -> object:
    values: dict[str, object] = {
        "type": "ArmsTransfer",
        "roles": {"supplier": ("JPN",), "recipient": ("USA",)},
        "statuses": frozenset({"Agreed"}),
        **fields,
    }
    return gold_files.GoldEvent(id=event_id, **values)


def _predicted(iri: str = "p1", **fields: object) -> object:
    values: dict[str, object] = {
        "types": frozenset({"ArmsTransfer", "DefenseCooperation", "Event"}),
        "roles": {"supplier": (JAPAN,), "recipient": (USA,), "participant": (JAPAN, USA)},
        "materiel": (PATRIOT,),
        "status": "Agreed",
        **fields,
    }
    return scoring.PredictedEvent(iri=iri, **values)


def test_fold_ignores_case_hyphens_and_punctuation() -> None:
    assert (
        scoring.fold("  U.S.-made Hanwha Aerospace Co., Ltd. ") == "us made hanwha aerospace co ltd"
    )


@pytest.mark.parametrize(
    ("gold_name", "labels", "expected"),
    [
        ("Hyundai Rotem", ["Hyundai Rotem Co."], True),  # the label contains the name
        ("Hanwha Aerospace Co., Ltd.", ["hanwha-aerospace"], True),  # the reverse, folded
        ("Larsen & Toubro", ["Larsen and Toubro"], False),
        ("GE", ["General Electric"], False),  # short names are whole words ...
        ("GE", ["GE Aerospace"], True),
        ("EU", ["Europe"], False),  # ... never parts of one
        ("Russia", ["US"], False),  # a short label inside a longer name, likewise
        ("U.S. Navy", ["US"], True),
        ("NSPA", ["NATO Support and Procurement Agency", "NSPA"], True),
        ("Saab", [], False),
    ],
)
def test_name_matching(gold_name: str, labels: list[str], expected: bool) -> None:
    assert scoring.name_matches(gold_name, labels) is expected


def test_iso3_needs_the_country_iri_and_alternatives_need_one_match() -> None:
    japanese_ministry = _filler(iris.entity_iri("Organization", "MOD"), "Japan Ministry of Defense")
    assert scoring.actor_found("JPN", [USA, JAPAN])
    assert not scoring.actor_found("JPN", [japanese_ministry])
    assert scoring.actor_found("JPN|Mitsubishi Heavy Industries", [MHI])
    assert scoring.actor_found("KOR|MHI", [MHI])  # MHI is no country code: a name
    assert not scoring.actor_found("KOR|Hanwha Defense", [MHI, JAPAN])


@pytest.mark.parametrize(
    ("keywords", "labels", "expected"),
    [
        (["pac-3"], ["PAC-3 MSE"], True),
        (["air-to-air"], ["air to air missile"], True),
        (["k9", "howitzer"], ["K2 tank"], False),
        (["Tank"], ["K2 battle tank"], True),
        ([], [], True),  # no keywords: any materiel, or none
        (["shell"], [], False),
    ],
)
def test_materiel_keywords(keywords: list[str], labels: list[str], expected: bool) -> None:
    assert scoring.materiel_matches(keywords, labels) is expected


def test_type_is_the_most_specific_class_or_an_alternative() -> None:
    assert scoring.most_specific({"Event", "DefenseCooperation", "ArmsTransfer"}) == {
        "ArmsTransfer"
    }
    assert scoring.most_specific({"Event", "DefenseCooperation"}) == {"DefenseCooperation"}
    assert scoring.event_matches(_gold(), _predicted())
    assert not scoring.event_matches(_gold(type="DefenseCooperation"), _predicted())
    assert scoring.event_matches(
        _gold(type="PolicyChange", alt_types=frozenset({"ArmsTransfer"})), _predicted()
    )


def test_actors_and_materiel_must_all_be_there() -> None:
    assert scoring.event_matches(_gold(materiel=("patriot", "nasams")), _predicted())
    assert not scoring.event_matches(_gold(materiel=("nasams",)), _predicted())
    assert not scoring.event_matches(_gold(roles={"participant": ("JPN", "PHL")}), _predicted())
    # an actor found in another role still matches; only the diagnostic checks directions
    assert scoring.event_matches(_gold(roles={"supplier": ("USA",)}), _predicted())


def test_mismatch_reasons_name_each_failed_condition() -> None:
    gold = _gold(roles={"supplier": ("KOR|Hanwha",), "recipient": ("USA",)}, materiel=("k9",))
    assert scoring.mismatch_reasons(gold, _predicted()) == ["no actor KOR|Hanwha", "no materiel k9"]
    wrong_type = _predicted(types=frozenset({"MilitaryAid"}))
    assert scoring.mismatch_reasons(_gold(), wrong_type) == ["type MilitaryAid"]
    assert scoring.mismatch_reasons(_gold(), _predicted()) == []
    nearest = report.nearest_prediction(gold, [wrong_type, _predicted("p2")])
    assert nearest is not None and nearest.iri == "p2"


def test_dates_agree_when_the_prediction_begins_with_the_gold_date() -> None:
    assert scoring.date_agrees(_gold(date="2024-04"), _predicted(date="2024-04-10"))
    assert not scoring.date_agrees(_gold(date="2024-04"), _predicted(date="2024-05"))
    assert not scoring.date_agrees(_gold(date="2024"), _predicted())


def test_pairing_prefers_required_gold_over_optional() -> None:
    optional = _gold("e1", optional=True)
    required = _gold("e2", statuses=frozenset({"Planned"}))
    pairing = scoring.match_events([optional, required], [_predicted()])
    assert [(g.id, p.iri) for g, p in pairing.pairs] == [("e2", "p1")]
    assert pairing.false_negatives == () and pairing.unmatched_gold == (optional,)


def test_pairing_prefers_status_then_date_agreement() -> None:
    agreed, planned = _gold("e1"), _gold("e2", statuses=frozenset({"Planned"}))
    predictions = [_predicted("p1", status="Planned"), _predicted("p2", status="Agreed")]
    pairing = scoring.match_events([agreed, planned], predictions)
    assert {(g.id, p.iri) for g, p in pairing.pairs} == {("e1", "p2"), ("e2", "p1")}
    april, may = _gold("e1", date="2024-04"), _gold("e2", date="2024-05")
    predictions = [_predicted("p1", date="2024-05-02"), _predicted("p2", date="2024-04-10")]
    pairing = scoring.match_events([april, may], predictions)
    assert {(g.id, p.iri) for g, p in pairing.pairs} == {("e1", "p2"), ("e2", "p1")}


def test_pairing_never_trades_a_match_for_agreement() -> None:
    broad = _gold("e1")  # matches both predictions, agrees in status with p1 only
    narrow = _gold("e2", materiel=("pac-3",), statuses=frozenset({"Planned"}))
    only_p1 = _predicted("p1")
    p2 = _predicted("p2", materiel=(_filler("m", "Type 03"),), status="Planned")
    pairing = scoring.match_events([broad, narrow], [only_p1, p2])
    assert {(g.id, p.iri) for g, p in pairing.pairs} == {("e1", "p2"), ("e2", "p1")}


def test_counts_of_an_article() -> None:
    dated = _gold("e1", date="2024-04")
    wrong_status = _gold("e2", roles={"supplier": ("USA",)}, statuses=frozenset({"Planned"}))
    missed = _gold("e3", type="LeadersMeeting")
    optional = _gold("e4", type="PolicyChange", optional=True)
    gold = gold_files.Gold("a", (dated, wrong_status, missed, optional), frozenset({"JPN", "PHL"}))
    predictions = [
        _predicted("p1", date="2024-04-10"),
        _predicted("p2"),
        _predicted("p3", types=frozenset({"PolicyChange"})),
        _predicted("p4", types=frozenset({"MilitaryAid"})),
    ]
    pairing = scoring.match_events(gold.events, predictions)
    counts = scoring.count_article(gold, pairing, {"JPN", "USA"})
    assert (counts.tp, counts.fn, counts.fp) == (2, 1, 1)  # p3 pairs with optional e4
    assert (counts.status_ok, counts.dated, counts.date_ok) == (1, 1, 1)
    assert (counts.directed, counts.directed_ok) == (3, 2)  # USA is the recipient in p2
    assert (counts.countries, counts.countries_found) == (2, 1)
    by_class = scoring.count_by_class([pairing])
    assert by_class["LeadersMeeting"].fn == 1 and by_class["MilitaryAid"].fp == 1
    assert by_class["ArmsTransfer"].tp == 2 and "PolicyChange" not in by_class


def test_precision_recall_f1_arithmetic() -> None:
    total = scoring.Counts(tp=2, fn=1, fp=0) + scoring.Counts(tp=1, fn=1, fp=1, status_ok=2)
    assert (total.tp, total.fn, total.fp) == (3, 2, 1)
    assert total.precision == pytest.approx(0.75)
    assert total.recall == pytest.approx(0.6)
    assert total.f1 == pytest.approx(2 * 0.75 * 0.6 / (0.75 + 0.6))
    assert total.status_accuracy == pytest.approx(2 / 3)
    assert scoring.Counts(fn=2).precision is None and scoring.Counts(fn=2).recall == 0.0


def test_assignment_is_a_maximum_weight_matching() -> None:
    generator = random.Random(7)
    for _ in range(300):
        rows, columns = generator.randint(0, 4), generator.randint(0, 5)
        weights = [[generator.choice([0, 0, 1, 3, 8]) for _ in range(columns)] for _ in range(rows)]
        pairs = assignment.max_weight_pairs(weights)
        assert len({r for r, _ in pairs}) == len({c for _, c in pairs}) == len(pairs)
        assert all(weights[r][c] > 0 for r, c in pairs)
        best = max(
            (
                sum(
                    weights[r][c]
                    for r, c in zip(range(rows), chosen, strict=False)
                    if c is not None
                )
                for chosen in itertools.permutations([*range(columns), *[None] * rows], rows)
            ),
            default=0,
        )
        assert sum(weights[r][c] for r, c in pairs) == best


# --- events read back from the store ---------------------------------------------------


def test_stored_events_are_read_back_from_the_article_graph() -> None:
    text = "Japan agreed to ship Patriot interceptors to the United States in December."
    article = Article(id="a" * 16, text=text, published=date(2024, 3, 1))
    japan = Entity(iris.country_iri("JPN"), "Japan", EntityType.COUNTRY)
    usa = Entity(iris.country_iri("USA"), "United States", EntityType.COUNTRY)
    patriot = Entity(f"{iris.AKR}materiel/patriot", "Patriot", EntityType.MATERIEL)
    event = Event(
        type=EventClass.ARMS_TRANSFER,
        status=Status.AGREED,
        roles=((Role.SUPPLIER, japan), (Role.RECIPIENT, usa), (Role.MATERIEL, patriot)),
        mentions=(Mention(0, len(text), text, Status.AGREED, "agreed"),),
        date=EventDate(2023, 12),
    )
    store = EmbeddedStore(None)
    ensure_graph(store, iris.REFERENCE_GRAPH, REFERENCE_FILE)
    quads = extraction_to_quads(Extraction(article, (event,)), extractor_version="test")
    store.replace_graph(iris.article_graph(article.id), quads)
    [found] = stored.predicted_events(store, article.id)
    assert scoring.most_specific(found.types) == {"ArmsTransfer"}
    assert [a.iri for a in found.roles["supplier"]] == [japan.iri]
    assert {a.iri for a in found.roles["participant"]} == {japan.iri, usa.iri}
    assert found.materiel[0].labels[0] == "Patriot" and "PAC-3" in found.materiel_names
    assert (found.status, found.date) == ("Agreed", "2023-12")
    assert stored.linked_countries(store, article.id) == {"JPN", "USA"}
    assert stored.predicted_events(store, "b" * 16) == []


# --- one article through the benchmark ---------------------------------------------------

PATRIOT_ARTICLE = "02_japan_export_rules_patriot"


def _score(extract: Any) -> Any:
    corpus = extraction.CORPORA["data"]
    [case] = [case for case in corpus.cases() if case[0] == PATRIOT_ARTICLE]
    store = EmbeddedStore(None)
    ensure_graph(store, iris.REFERENCE_GRAPH, REFERENCE_FILE)
    return extraction.score_case(*case, extraction.BenchExtractor("test", extract), store)


def test_a_stored_prediction_is_scored_against_the_article_gold() -> None:
    def extract(article: Article) -> Extraction:
        start = article.text.index("The National Security Council")
        sentence = article.text[start : article.text.index(".", start) + 1]
        event = Event(
            type=EventClass.ARMS_TRANSFER,
            status=Status.AGREED,
            roles=(
                (Role.SUPPLIER, Entity(iris.country_iri("JPN"), "Japan", EntityType.COUNTRY)),
                (Role.RECIPIENT, Entity(iris.country_iri("USA"), "USA", EntityType.COUNTRY)),
                (
                    Role.MATERIEL,
                    Entity(f"{iris.AKR}materiel/patriot", "Patriot", EntityType.MATERIEL),
                ),
            ),
            mentions=(Mention(start, start + len(sentence), sentence, Status.AGREED),),
            date=EventDate(2023, 12, 22),
        )
        return Extraction(article, (event,))

    result = _score(extract)
    assert (result.counts.tp, result.counts.fp, result.counts.status_ok) == (1, 0, 1)
    assert [g.id for g, _ in result.pairing.pairs] == ["e2"]
    assert result.counts.fn == len(result.gold.required) - 1
    assert (result.counts.date_ok, result.counts.countries_found) == (1, 2)
    assert result.predicted == 1 and result.note == ""


def test_an_article_that_fails_scores_zero_with_the_reason() -> None:
    def extract(article: Article) -> Extraction:
        raise RuntimeError("parser exploded")

    result = _score(extract)
    assert result.note == "RuntimeError: parser exploded" and result.seconds is None
    assert result.counts.tp == 0 and result.counts.fn == len(result.gold.required) > 0
    lines = extraction.corpus_report(extraction.CORPORA["data"], [result])
    assert lines[-2:] == ["events P=0.00 R=0.00 F1=0.00", "status accuracy=0.00"]
    assert any("parser exploded" in line for line in lines)


# --- the BENCHMARKS.md section -----------------------------------------------------------


def test_the_extraction_section_is_replaced_and_others_kept() -> None:
    document = "# Benchmarks\n\n## Store\n\nfast\n\n## Extraction\n\nold\n\n## API\n\nok\n"
    updated = section.replace_section(document, "## Extraction", "new figures")
    assert updated == (
        "# Benchmarks\n\n## Store\n\nfast\n\n## Extraction\n\nnew figures\n\n## API\n\nok\n"
    )
    assert (
        section.replace_section("", "## Extraction", "x") == "# Benchmarks\n\n## Extraction\n\nx\n"
    )
    assert section.replace_section("# B\n\n## API\n\nok\n", "## Extraction", "x").endswith(
        "ok\n\n## Extraction\n\nx\n"
    )
