"""The JSON documents of the REST endpoints, as pydantic models (they make the OpenAPI schema).

Classes and status concepts are given as full IRIs (`type`, `types`, `status`); `type_name`
repeats an event class as its ak: local name for convenience.
"""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from alliance_kg.iris import AK, AKR


class ArticlePayload(BaseModel):
    """The body of POST /articles (validated by `alliance_kg.reading.read_payload`)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {
                    "text": "Japan and the United States agreed to co-produce missiles...",
                    "title": "Japan, US to co-produce missiles",
                    "published": "2024-04-10",
                    "publisher": "Example News",
                    "url": "https://news.example/japan-us-missiles",
                }
            ]
        },
    )

    text: str
    title: str | None = None
    published: str | None = Field(None, description="ISO date, or a day-month-year in words")
    publisher: str | None = None
    url: str | None = None


class StoredEventOut(BaseModel):
    iri: str = Field(examples=[AKR + "event/3f2a9c1b0d4e5f60"])
    type: str = Field(
        description="The event's most specific class, as an IRI", examples=[AK + "JointProduction"]
    )
    type_name: str = Field(description="The class's ak: local name", examples=["JointProduction"])


class IngestResult(BaseModel):
    """What POST /articles stored: 201 when new, 200 when the same text was already stored."""

    id: str = Field(examples=["a9c0c3e40ead7283"])
    iri: str = Field(examples=[AKR + "article/a9c0c3e40ead7283"])
    graph: str = Field(examples=[AKR + "graph/article/a9c0c3e40ead7283"])
    created: bool
    events: list[StoredEventOut]


class ArticleSummary(BaseModel):
    id: str = Field(examples=["a9c0c3e40ead7283"])
    iri: str = Field(examples=[AKR + "article/a9c0c3e40ead7283"])
    title: str | None = None
    publisher: str | None = None
    published: date | None = None
    events: int = Field(description="How many events the article reports")


class ArticlePage(BaseModel):
    articles: list[ArticleSummary]
    limit: int
    offset: int


class MentionOut(BaseModel):
    text: str = Field(description="The supporting sentence")
    start: int = Field(description="Character offset of the sentence in the article's text")
    end: int
    status: str | None = Field(None, examples=[AK + "Planned"])
    status_cue: str | None = Field(None, description="The words that decided the status")
    attribution: str | None = Field(None, description="Who the text says says so")


class ArticleEvent(BaseModel):
    iri: str
    types: list[str] = Field(description="Every class of the event, as IRIs, sorted")
    status: str | None = Field(None, description="The status this article asserts, as an IRI")
    negated: bool = Field(False, description="Whether the article reports it did not happen")
    mentions: list[MentionOut]


class ArticleDetail(BaseModel):
    id: str
    iri: str
    graph: str
    title: str | None = None
    publisher: str | None = None
    published: date | None = None
    url: str | None = None
    text: str | None = Field(None, description="The body text that mention offsets point into")
    events: list[ArticleEvent]


class Health(BaseModel):
    status: str = Field(examples=["ok"])
    store: str = Field(examples=["embedded"])
    version: str = Field(examples=["0.1.0"])
