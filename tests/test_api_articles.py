"""/articles: ingest through an injected ingestor, list and read from the store, delete."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from alliance_kg import iris
from alliance_kg.model import Article, EventClass, IngestReport, StoredEvent
from api_support import (
    ARTICLE_ID,
    AUTH,
    OTHER_ARTICLE_ID,
    api_client,
    assert_problem,
    make_store,
)

SEEDS = Path(__file__).parents[1].parent / "shared" / "seeds"


@dataclass
class FakeIngestor:
    """Reports a fixed event; the second ingest of the same text reports `created=False`."""

    seen: set[str] = field(default_factory=set)
    deleted: list[str] = field(default_factory=list)

    def ingest(self, article: Article) -> IngestReport:
        created = article.id not in self.seen
        self.seen.add(article.id)
        event = StoredEvent(iri=iris.event_iri("abc123"), type=EventClass.ARMS_TRANSFER)
        return IngestReport(
            article_id=article.id,
            iri=iris.article_iri(article.id),
            graph=iris.article_graph(article.id),
            created=created,
            events=(event,),
        )

    def delete(self, article_id: str) -> bool:
        self.deleted.append(article_id)
        return article_id in self.seen


def seed_text() -> str:
    return sorted(SEEDS.glob("*.txt"))[0].read_text(encoding="utf-8")


def test_ingest_answers_201_then_200_for_the_same_text() -> None:
    payload = {"text": seed_text(), "title": "Seed", "published": "2024-03-10"}
    with api_client(ingestor=FakeIngestor()) as client:
        first = client.post("/articles", json=payload, headers=AUTH)
        second = client.post("/articles", json=payload, headers=AUTH)
    assert first.status_code == 201
    assert second.status_code == 200
    body = first.json()
    assert body["iri"] == iris.article_iri(body["id"])
    assert body["graph"] == iris.article_graph(body["id"])
    assert body["created"] is True and second.json()["created"] is False
    assert body["events"] == [
        {
            "iri": iris.event_iri("abc123"),
            "type": iris.AK + "ArmsTransfer",
            "type_name": "ArmsTransfer",
        }
    ]
    assert first.headers["location"] == f"/articles/{body['id']}"


def test_ingest_maps_reading_errors_to_problems() -> None:
    with api_client(ingestor=FakeIngestor()) as client:
        not_json = client.post(
            "/articles", content=b"{", headers={**AUTH, "Content-Type": "application/json"}
        )
        not_object = client.post("/articles", json=["text"], headers=AUTH)
        unknown_key = client.post("/articles", json={"text": "x", "titel": "y"}, headers=AUTH)
        empty = client.post("/articles", json={"text": "   "}, headers=AUTH)
        bad_date = client.post(
            "/articles", json={"text": "Some text.", "published": "someday"}, headers=AUTH
        )
    assert_problem(not_json, 400)
    assert_problem(not_object, 400)
    assert "titel" in assert_problem(unknown_key, 400)["detail"]
    assert_problem(empty, 422)
    assert "published" in assert_problem(bad_date, 422)["detail"]


def test_ingest_needs_the_token_and_a_bounded_body() -> None:
    with api_client(ingestor=FakeIngestor(), max_body_bytes=1_000) as client:
        missing = client.post("/articles", json={"text": "x"})
        wrong = client.post("/articles", json={"text": "x"}, headers={"Authorization": "Bearer no"})
        too_large = client.post("/articles", json={"text": "x" * 2_000}, headers=AUTH)
    assert_problem(missing, 401)
    assert_problem(wrong, 401)
    assert_problem(too_large, 413)


def test_ingest_is_503_without_an_ingestor() -> None:
    with api_client() as client:
        response = client.post("/articles", json={"text": "x"}, headers=AUTH)
    assert "read-only" in assert_problem(response, 503)["detail"]


def test_list_articles_newest_first_with_event_counts() -> None:
    with api_client() as client:
        response = client.get("/articles")
    assert response.status_code == 200
    page = response.json()
    assert [a["id"] for a in page["articles"]] == [OTHER_ARTICLE_ID, ARTICLE_ID]
    assert page["articles"][1] == {
        "id": ARTICLE_ID,
        "iri": iris.article_iri(ARTICLE_ID),
        "title": "Japan plans Patriot export",
        "publisher": "Example News",
        "published": "2023-12-22",
        "events": 1,
    }
    assert (page["limit"], page["offset"]) == (50, 0)


def test_list_filters_and_pages() -> None:
    with api_client() as client:
        by_publisher = client.get("/articles", params={"publisher": "Example News"}).json()
        since = client.get("/articles", params={"published_from": "2024-01-01"}).json()
        until = client.get("/articles", params={"published_to": "2023-12-31"}).json()
        second = client.get("/articles", params={"limit": 1, "offset": 1}).json()
        too_many = client.get("/articles", params={"limit": 501})
    assert [a["id"] for a in by_publisher["articles"]] == [ARTICLE_ID]
    assert [a["id"] for a in since["articles"]] == [OTHER_ARTICLE_ID]
    assert [a["id"] for a in until["articles"]] == [ARTICLE_ID]
    assert [a["id"] for a in second["articles"]] == [ARTICLE_ID]
    assert assert_problem(too_many, 422)["errors"]


def test_a_publisher_filter_is_bound_not_pasted() -> None:
    with api_client() as client:
        response = client.get("/articles", params={"publisher": '") } } #'})
    assert response.status_code == 200
    assert response.json()["articles"] == []


def test_read_an_article_with_events_and_mentions() -> None:
    with api_client() as client:
        response = client.get(f"/articles/{ARTICLE_ID}")
    assert response.status_code == 200
    article = response.json()
    assert article["url"] == "https://news.example/patriot"
    assert article["graph"] == iris.article_graph(ARTICLE_ID)
    (event,) = article["events"]
    assert event["iri"] == iris.AKR + "event/e1"
    assert iris.AK + "ArmsTransfer" in event["types"]
    assert event["status"] == iris.AK + "Planned"
    assert event["mentions"] == [
        {
            "text": "Japan plans to export Patriot missiles to the United States.",
            "start": 0,
            "end": 61,
            "status": iris.AK + "Planned",
            "status_cue": "plans",
            "attribution": "according to officials",
        }
    ]
    assert article["text"][event["mentions"][0]["start"] : event["mentions"][0]["end"]]


def test_unknown_articles_are_404() -> None:
    with api_client(store=make_store(with_data=False), ingestor=FakeIngestor()) as client:
        unknown = client.get("/articles/0000000000000000")
        weird = client.get("/articles/a%20b")
        deleted = client.delete("/articles/0000000000000000", headers=AUTH)
    assert_problem(unknown, 404)
    assert_problem(weird, 404)
    assert_problem(deleted, 404)


def test_delete_goes_through_the_ingestor() -> None:
    ingestor = FakeIngestor(seen={ARTICLE_ID})
    with api_client(ingestor=ingestor) as client:
        unauthorised = client.delete(f"/articles/{ARTICLE_ID}")
        response = client.delete(f"/articles/{ARTICLE_ID}", headers=AUTH)
    assert_problem(unauthorised, 401)
    assert response.status_code == 204
    assert ingestor.deleted == [ARTICLE_ID]
