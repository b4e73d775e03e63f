"""The read index over a real in-memory store, kept in step by Ingest; checked against rebuilds."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from alliance_kg import iris
from alliance_kg.cli import main
from alliance_kg.index import EventFilter, ReadIndex, ReadIndexError
from alliance_kg.index.records import MATCH_KINDS
from alliance_kg.index.rows import normalise_name
from alliance_kg.index.writer import date_start
from alliance_kg.ingest import Ingest
from alliance_kg.store.oxigraph import EmbeddedStore
from index_support import (
    ENVOY,
    ENVOY_MEETING,
    FIRST,
    JAPAN,
    KISHIDA,
    MEETING,
    SECOND,
    TRANSFER,
    UNDATED,
    ScriptedExtractor,
    indexed_corpus,
)


@pytest.fixture
def corpus() -> Iterator[tuple[EmbeddedStore, ReadIndex, Ingest]]:
    store, index, ingest = indexed_corpus()
    yield store, index, ingest
    index.close()
    store.close()


def rebuilt(store: EmbeddedStore) -> ReadIndex:
    fresh = ReadIndex.open(None)
    fresh.rebuild(store)
    return fresh


def test_a_shared_event_merges_the_reports_of_every_article(corpus) -> None:
    _, index, _ = corpus
    (event,) = index.events(EventFilter(participant=JAPAN.iri, type="ArmsTransfer"))
    assert event.iri == TRANSFER
    assert event.articles == 3
    assert event.publishers == 3
    assert event.status == "Agreed"  # from SECOND, the latest-dated article
    assert [report.status for report in event.statuses] == ["Considered", "Planned", "Agreed"]
    assert event.statuses[0].published is None  # undated counts as oldest
    assert event.date == "2024-03"
    assert event.types == ["ArmsTransfer", "DefenseCooperation"]
    assert [ref.iri for ref in event.roles["supplier"]] == [JAPAN.iri]
    assert event.roles["materiel"][0].label == "Patriot"


def test_deleting_an_article_keeps_the_other_reports(corpus) -> None:
    store, index, ingest = corpus
    assert ingest.delete(SECOND.id)
    (event,) = index.events(EventFilter(type="ArmsTransfer"))
    assert event.articles == 2
    assert event.status == "Planned"
    assert [report.article for report in event.statuses] == [
        iris.article_iri(UNDATED.id),
        iris.article_iri(FIRST.id),
    ]
    assert index.events(EventFilter(participant=ENVOY.iri)) == []
    assert index.entity(ENVOY.iri) is None  # minted only by the deleted article
    assert index.snapshot() == rebuilt(store).snapshot()


def test_the_maintained_index_equals_a_rebuild(corpus) -> None:
    store, index, ingest = corpus
    ingest.ingest(SECOND)  # unchanged: nothing written
    assert index.snapshot() == rebuilt(store).snapshot()
    assert index.stats().articles == 3


def test_counters_follow_ingest_and_delete(corpus) -> None:
    _, index, ingest = corpus
    japan = index.entity(JAPAN.iri)
    assert japan is not None
    assert japan.events == 3
    assert japan.events_by_role == {"participant": 3, "supplier": 1}
    partners = {partner.entity.iri: partner.events for partner in japan.partners}
    assert partners == {iris.country_iri("USA"): 3, KISHIDA.iri: 1, ENVOY.iri: 1}
    ingest.delete(FIRST.id)
    japan = index.entity(JAPAN.iri)
    assert japan is not None
    assert japan.events == 2
    assert KISHIDA.iri not in {partner.entity.iri for partner in japan.partners}
    assert index.stats().events_by_class["LeadersMeeting"] == 1


def test_entity_search_ranks_labels_before_aliases_and_words(corpus) -> None:
    _, index, _ = corpus
    hits = index.search_entities("japan")
    assert hits[0].iri == JAPAN.iri
    assert hits[0].match == "exact label"
    assert [hit.match for hit in hits] == sorted((hit.match for hit in hits), key=MATCH_KINDS.index)
    assert index.search_entities("U.S.", "Country")[0].iri == iris.country_iri("USA")
    assert index.search_entities("envoy")[0].iri == ENVOY.iri  # minted, found by a later word
    assert index.search_entities("kishi", "Country") == []


def test_materiel_filter_includes_narrower_classes(corpus) -> None:
    _, index, _ = corpus
    surface_to_air = iris.AKR + "materiel/surface-to-air-missile"
    assert [e.iri for e in index.events(EventFilter(materiel=surface_to_air))] == [TRANSFER]
    assert index.events(EventFilter(materiel=iris.AKR + "materiel/howitzer")) == []


def test_event_filters_by_date_status_and_articles(corpus) -> None:
    _, index, _ = corpus
    assert {e.iri for e in index.events(EventFilter(date_from="2024-02-01"))} == {TRANSFER}
    assert {e.iri for e in index.events(EventFilter(date_to="2024-01-31"))} == {
        MEETING,
        ENVOY_MEETING,
    }
    assert [e.iri for e in index.events(EventFilter(min_articles=2))] == [TRANSFER]
    assert [e.iri for e in index.events(EventFilter(status="Completed", limit=1))] != []
    assert index.events(EventFilter(role="donor")) == []
    page = index.events(EventFilter(limit=2, offset=1))
    assert len(page) == 2


def test_a_failed_index_write_restores_the_store(tmp_path: Path) -> None:
    store = EmbeddedStore(None)
    index = ReadIndex.open(tmp_path / "index.sqlite")
    ingest = Ingest(ScriptedExtractor(), store, index)
    ingest.ingest(FIRST)
    index.close()  # every later index write fails
    with pytest.raises(ReadIndexError):
        ingest.ingest(SECOND)
    assert not store.has_graph(iris.article_graph(SECOND.id))
    with pytest.raises(ReadIndexError):
        ingest.delete(FIRST.id)
    assert store.has_graph(iris.article_graph(FIRST.id))


def test_an_index_file_survives_reopening(tmp_path: Path) -> None:
    path = tmp_path / "index.sqlite"
    store = EmbeddedStore(None)
    index = ReadIndex.open(path)
    Ingest(ScriptedExtractor(), store, index).ingest(FIRST)
    before = index.snapshot()
    index.close()
    assert ReadIndex.open(path).snapshot() == before


def test_an_unchanged_article_missing_from_the_index_is_indexed() -> None:
    store = EmbeddedStore(None)
    Ingest(ScriptedExtractor(), store).ingest(FIRST)
    index = ReadIndex.open(None)
    report = Ingest(ScriptedExtractor(), store, index).ingest(FIRST)
    assert not report.created
    assert index.has_article(FIRST.id)


def test_names_and_dates_are_normalised() -> None:
    assert normalise_name("  U.S. Navy’s Ships ") == normalise_name("u.s. navy's ships")
    assert normalise_name("U.S. Navy's") == "u s navys"
    assert normalise_name("Åland") == "aland"
    assert date_start("2024") == "2024-01-01"
    assert date_start("2024-05") == "2024-05-01"
    assert date_start("2024-05-17") == "2024-05-17"


def test_akg_reindex_builds_the_index_beside_the_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store_dir = tmp_path / "store"
    store = EmbeddedStore(store_dir)
    Ingest(ScriptedExtractor(), store).ingest(FIRST)
    store.close()
    del store
    assert main(["--store", str(store_dir), "reindex"]) == 0
    assert "indexed 1 articles" in capsys.readouterr().out
    index = ReadIndex.open(tmp_path / "store.index.sqlite")
    assert index.has_article(FIRST.id)
    assert index.search_entities("japan")[0].iri == JAPAN.iri
