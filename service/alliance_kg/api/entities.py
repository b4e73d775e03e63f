"""`/entities`: ranked prefix and alias search (autocomplete), and one entity's summary.

Both answer from the read index: labels and aliases by prefix, counters and partners kept
at ingest, so neither grows with the graph.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, Field

from alliance_kg.api.errors import ProblemError
from alliance_kg.api.read_models import (
    EntityRefOut,
    EventOut,
    local_name,
    read_index,
    resource_iri,
    short_id,
)
from alliance_kg.index import ReadIndex
from alliance_kg.index.records import MATCH_KINDS, EntityDetail
from alliance_kg.iris import AK, AKR
from alliance_kg.model import EntityType

router = APIRouter(tags=["Entities"])

ENTITY_TYPES = frozenset(kind.value for kind in EntityType)


class EntityHitOut(BaseModel):
    iri: str = Field(examples=[AKR + "country/JPN"])
    id: str | None = Field(None, examples=["country/JPN"])
    label: str = Field(examples=["Japan"])
    type: str = Field(examples=[AK + "Country"])
    type_name: str = Field(examples=["Country"])
    match: str = Field(description=f"How the query matched: {', '.join(MATCH_KINDS)}")
    events: int = Field(description="How many events the entity takes part in")


class EntitySearch(BaseModel):
    query: str
    results: list[EntityHitOut]


class PartnerOut(BaseModel):
    entity: EntityRefOut
    events: int = Field(description="How many events the two actors share")


class EntityOut(BaseModel):
    iri: str = Field(examples=[AKR + "country/JPN"])
    id: str | None = Field(None, examples=["country/JPN"])
    label: str = Field(examples=["Japan"])
    type: str = Field(examples=[AK + "Country"])
    type_name: str = Field(examples=["Country"])
    minted: bool = Field(description="Minted for an article rather than a reference entity")
    aliases: list[str] = Field(examples=[["Tokyo", "Japanese", "State of Japan"]])
    wikidata: str | None = Field(None, examples=["http://www.wikidata.org/entity/Q17"])
    affiliations: list[EntityRefOut] = Field(description="ak:affiliatedWith")
    events: int = Field(description="How many events it takes part in, in any role")
    events_by_role: dict[str, int] = Field(examples=[{"participant": 12, "supplier": 3}])
    latest_events: list[EventOut] = Field(description="Its latest events, latest first")
    partners: list[PartnerOut] = Field(description="Actors sharing its events, most shared first")
    resource: str = Field(description="Where its RDF description is dereferenced")

    @classmethod
    def of(cls, entity: EntityDetail) -> EntityOut:
        return cls(
            iri=entity.iri,
            id=short_id(entity.iri),
            label=entity.label,
            type=AK + entity.type if entity.type else "",
            type_name=entity.type,
            minted=entity.minted,
            aliases=entity.aliases,
            wikidata=entity.wikidata,
            affiliations=[EntityRefOut.of(ref) for ref in entity.affiliations],
            events=entity.events,
            events_by_role=entity.events_by_role,
            latest_events=[EventOut.of(event) for event in entity.latest_events],
            partners=[
                PartnerOut(entity=EntityRefOut.of(p.entity), events=p.events)
                for p in entity.partners
            ],
            resource=f"/resource/{short_id(entity.iri) or ''}",
        )


@router.get(
    "/entities",
    summary="Search entities by label or alias prefix, ranked, for autocomplete",
    description="Ranks exact label, exact alias, label prefix, alias prefix, then the prefix "
    "of a later word ('states' finds 'United States'); ties go to the entity in more events. "
    "Matching ignores case, accents and punctuation. Without `q`, the entities in most events.",
    response_model=EntitySearch,
    responses={400: {"description": "An unknown `type`; `parameters` names it."}},
)
def search_entities(
    index: Annotated[ReadIndex, Depends(read_index)],
    q: Annotated[str, Query(max_length=200, description="What the user typed so far")] = "",
    type: Annotated[
        str | None, Query(description=f"One of {', '.join(sorted(ENTITY_TYPES))}")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
) -> EntitySearch:
    entity_type = None if type is None else local_name(type, ENTITY_TYPES, "type")
    hits = index.search_entities(q, entity_type, limit)
    return EntitySearch(
        query=q,
        results=[
            EntityHitOut(
                iri=hit.iri,
                id=short_id(hit.iri),
                label=hit.label,
                type=AK + hit.type,
                type_name=hit.type,
                match=hit.match,
                events=hit.events,
            )
            for hit in hits
        ],
    )


@router.get(
    "/entities/{entity_id:path}",
    summary="One entity: labels, Wikidata link, events by role, latest events, partners",
    description="`entity_id` is the path after `akr:`, e.g. `country/JPN` or `materiel/patriot`.",
    response_model=EntityOut,
    responses={404: {"description": "No entity has this id."}},
)
def read_entity(
    entity_id: str,
    index: Annotated[ReadIndex, Depends(read_index)],
    latest: Annotated[int, Query(ge=0, le=100, description="How many latest events")] = 10,
    partners: Annotated[int, Query(ge=0, le=200, description="How many partners")] = 20,
) -> EntityOut:
    iri = resource_iri(entity_id, "entity_id")
    entity = index.entity(iri, latest=latest, partners=partners)
    if entity is None:
        raise ProblemError(404, f"There is no entity with id {entity_id!r}.")
    return EntityOut.of(entity)
