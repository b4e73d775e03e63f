"""What the read paths share: the index behind them, parameter parsing, entity and event models.

Classes and status concepts are full IRIs (`type`, `types`, `status`), with `type_name` and
`status_name` repeating their ak: local names. A bad parameter value is a 400 problem whose
extra member `parameters` names it.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from fastapi import Request
from pydantic import BaseModel, Field

from alliance_kg.api.errors import ProblemError
from alliance_kg.index import ReadIndex
from alliance_kg.index.reader import STATUSES_LIMIT
from alliance_kg.index.records import EntityRef, EventSummary, StatusReport
from alliance_kg.iris import AK, AKR

_EXAMPLE_EVENT = AKR + "event/5c1d0f3b9e2a7c4d8e6f1a2b"
_FULL_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_PERIOD = re.compile(r"\d{4}(-\d{2})?")


def read_index(request: Request) -> ReadIndex:
    """The app's read index; a 503 problem when the deployment has none."""
    index: ReadIndex | None = request.app.state.index
    if index is None:
        raise ProblemError(503, "This deployment has no read index: start it with one.")
    return index


def bad_parameter(name: str, detail: str) -> ProblemError:
    return ProblemError(400, f"Parameter {name!r}: {detail}", parameters=[name])


def resource_iri(value: str, name: str) -> str:
    """An `akr:` IRI from a full IRI, a CURIE (`akr:country/JPN`) or a short id (`country/JPN`)."""
    value = value.strip()
    if value.startswith(("http://", "https://")):
        iri = value
    else:
        iri = AKR + value.removeprefix("akr:").lstrip("/")
    if not value or any(char in iri for char in ' <>"{}|\\^`'):
        raise bad_parameter(name, f"{value!r} is not an IRI nor an id such as 'country/JPN'")
    return iri


def local_name(value: str, allowed: frozenset[str], name: str) -> str:
    """An ak: local name from itself or its IRI; 400 unless it is one of `allowed`."""
    local = value.removeprefix(AK).removeprefix("ak:")
    if local not in allowed:
        raise bad_parameter(name, f"{value!r} is not one of {', '.join(sorted(allowed))}")
    return local


def date_bound(value: str | None, name: str, *, end: bool) -> str | None:
    """An ISO date from `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; the period's last day if `end`."""
    if value is None:
        return None
    try:
        if _FULL_DATE.fullmatch(value):
            return date.fromisoformat(value).isoformat()
        if not _PERIOD.fullmatch(value):
            raise ValueError(value)
        year, _, month_text = value.partition("-")
        month = int(month_text) if month_text else None
        first = date(int(year), month or 1, 1)
    except ValueError as error:
        raise bad_parameter(
            name, f"{value!r} is not a date (YYYY-MM-DD, YYYY-MM or YYYY)"
        ) from error
    if not end:
        return first.isoformat()
    following = (
        date(first.year + 1, 1, 1) if month in (None, 12) else date(first.year, first.month + 1, 1)
    )
    return (following - timedelta(days=1)).isoformat()


def short_id(iri: str) -> str | None:
    """The path after `akr:`, as `/entities/{id}` takes it; None for other IRIs."""
    return iri.removeprefix(AKR) if iri.startswith(AKR) else None


class EntityRefOut(BaseModel):
    iri: str = Field(examples=[AKR + "country/JPN"])
    id: str | None = Field(None, description="The path after akr:", examples=["country/JPN"])
    label: str | None = Field(None, examples=["Japan"])
    type_name: str | None = Field(None, examples=["Country"])

    @classmethod
    def of(cls, ref: EntityRef) -> EntityRefOut:
        return cls(iri=ref.iri, id=short_id(ref.iri), label=ref.label, type_name=ref.type)


class StatusReportOut(BaseModel):
    """The status one article gives the event."""

    article: str = Field(examples=[AKR + "article/a9c0c3e40ead7283"])
    published: str | None = Field(None, examples=["2024-03-10"])
    publisher: str | None = Field(None, examples=["The Yomiuri Shimbun"])
    status: str | None = Field(None, examples=[AK + "Planned"])
    negated: bool = Field(False, description="Whether the article reports it did not happen")

    @classmethod
    def of(cls, report: StatusReport) -> StatusReportOut:
        status = None if report.status is None else AK + report.status
        return cls(
            article=report.article,
            published=report.published,
            publisher=report.publisher,
            status=status,
            negated=report.negated,
        )


class EventOut(BaseModel):
    iri: str = Field(examples=[_EXAMPLE_EVENT])
    type: str = Field(description="The most specific class", examples=[AK + "ArmsTransfer"])
    type_name: str = Field(examples=["ArmsTransfer"])
    types: list[str] = Field(examples=[[AK + "ArmsTransfer", AK + "DefenseCooperation"]])
    status: str | None = Field(
        None,
        description="From the latest-dated article (undated ones count as oldest)",
        examples=[AK + "Agreed"],
    )
    status_name: str | None = Field(None, examples=["Agreed"])
    date: str | None = Field(None, description="ak:date: YYYY-MM-DD, YYYY-MM or YYYY")
    confidence: float | None = Field(None, examples=[0.8])
    articles: int = Field(description="How many articles report it", examples=[2])
    publishers: int = Field(description="How many distinct publishers report it", examples=[2])
    roles: dict[str, list[EntityRefOut]] = Field(
        description="Role local name (participant, supplier, materiel...) -> entities"
    )
    statuses: list[StatusReportOut] = Field(
        description=f"The status each of its latest {STATUSES_LIMIT} reporting articles gives, "
        "oldest first (undated articles count as oldest); `articles` counts them all"
    )

    @classmethod
    def of(cls, event: EventSummary) -> EventOut:
        return cls(
            iri=event.iri,
            type=AK + event.type,
            type_name=event.type,
            types=[AK + kind for kind in event.types],
            status=None if event.status is None else AK + event.status,
            status_name=event.status,
            date=event.date,
            confidence=event.confidence,
            articles=event.articles,
            publishers=event.publishers,
            roles={
                role: [EntityRefOut.of(ref) for ref in refs] for role, refs in event.roles.items()
            },
            statuses=[StatusReportOut.of(report) for report in event.statuses],
        )
