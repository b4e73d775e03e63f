"""`/events`: events filtered by class, participant, role, materiel, status, date, reports.

Answered from the read index: each filter is an indexed column of the per-event rows, and
the page comes out of an index already in date order, latest first (undated last).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel

from alliance_kg.api.read_models import (
    EventOut,
    date_bound,
    local_name,
    read_index,
    resource_iri,
)
from alliance_kg.index import EventFilter, ReadIndex
from alliance_kg.model import EventClass, Role, Status

router = APIRouter(tags=["Events"])

EVENT_CLASSES = frozenset(cls.value for cls in EventClass) | {"Event"}
ROLES = frozenset(role.value for role in Role)
STATUSES = frozenset(status.value for status in Status)


class EventPage(BaseModel):
    events: list[EventOut]
    limit: int
    offset: int


@router.get(
    "/events",
    summary="Filter events; each with its status per reporting article",
    description="Events latest first: by their own `ak:date`, else the date of their "
    "latest-dated reporting article; `from` and `to` filter on that same date. `type` "
    "includes subclasses (`DefenseCooperation` finds arms transfers too); `materiel` includes "
    "narrower materiel (`missile` finds `Patriot`). `participant`, `materiel` take an IRI or "
    "an id such as `country/JPN`; `role` narrows `participant` to one role (supplier, "
    "recipient...) or, alone, keeps events that fill that role.",
    response_model=EventPage,
    responses={400: {"description": "A filter value that is not valid; `parameters` names it."}},
)
def list_events(
    index: Annotated[ReadIndex, Depends(read_index)],
    type: Annotated[str | None, Query(description="Event class local name or IRI")] = None,
    participant: Annotated[str | None, Query(examples=["country/JPN"])] = None,
    role: Annotated[str | None, Query(examples=["supplier"])] = None,
    materiel: Annotated[str | None, Query(examples=["materiel/missile"])] = None,
    status: Annotated[str | None, Query(description="Current status", examples=["Agreed"])] = None,
    date_from: Annotated[
        str | None, Query(alias="from", description="YYYY-MM-DD, YYYY-MM or YYYY")
    ] = None,
    date_to: Annotated[
        str | None, Query(alias="to", description="YYYY-MM-DD, YYYY-MM or YYYY (inclusive)")
    ] = None,
    min_articles: Annotated[int | None, Query(ge=1, description="Reported by at least")] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 20,
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
) -> EventPage:
    event_class = None if type is None else local_name(type, EVENT_CLASSES, "type")
    wanted = EventFilter(
        type=None if event_class == "Event" else event_class,
        participant=None if participant is None else resource_iri(participant, "participant"),
        role=None if role is None else local_name(role, ROLES, "role"),
        materiel=None if materiel is None else resource_iri(materiel, "materiel"),
        status=None if status is None else local_name(status, STATUSES, "status"),
        date_from=date_bound(date_from, "from", end=False),
        date_to=date_bound(date_to, "to", end=True),
        min_articles=min_articles,
        limit=limit,
        offset=offset,
    )
    events = [EventOut.of(event) for event in index.events(wanted)]
    return EventPage(events=events, limit=limit, offset=offset)
