"""One trigger in one sentence -> a candidate event with roles, status and date."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from spacy.tokens import Span, Token

from alliance_kg.model import EventDate, Status
from alliance_kg.pipeline.agents import agent
from alliance_kg.pipeline.candidate import Candidate
from alliance_kg.pipeline.candidate_dates import after, date_direction, date_for
from alliance_kg.pipeline.context import ArticleContext
from alliance_kg.pipeline.dates import Direction
from alliance_kg.pipeline.lexicon import FUTURE_MODALS
from alliance_kg.pipeline.modality import Modality, resolve_modality
from alliance_kg.pipeline.role_assignment import assign_roles
from alliance_kg.pipeline.roles import actors_of_np, subject_of
from alliance_kg.pipeline.tense import Tense, plain_future, tensed_verb
from alliance_kg.pipeline.trigger_phrases import describes_contents
from alliance_kg.pipeline.triggers import Trigger

_FORWARD = {Status.CONSIDERED, Status.PLANNED, Status.EXPECTED}


def build_candidate(
    trigger: Trigger,
    sentence: Span,
    offset: int,
    ctx: ArticleContext,
    published: date | None,
    previous: EventDate | None = None,
) -> Candidate:
    """Roles, status and date for one trigger; `previous` is the date the text told last."""
    direction = date_direction(trigger.token)
    event_date, reported, due = date_for(trigger.token, published, direction, previous=previous)
    future = event_date is not None and published is not None and after(event_date, published)
    modality = resolve_modality(trigger.token, trigger.type, future_date=future)
    if _announced_commitment(trigger.token, modality, ctx):
        modality = replace(modality, status=Status.AGREED)
    if direction is Direction.NEAREST and (
        modality.status in _FORWARD or modality.status is Status.COMPLETED
    ):
        # without a tense, the status says which way a date ("in December", "Friday") points
        way = Direction.PAST if modality.status is Status.COMPLETED else Direction.FUTURE
        redated, reported_again, due_again = date_for(
            trigger.token, published, way, previous=previous
        )
        if redated is not None:
            event_date, reported, due = redated, reported_again, due_again
    if modality.status is Status.AGREED:  # "agreed to develop a fighter by 2035": the deal's
        agreed, reported_agreed, _ = date_for(
            trigger.token, published, direction, deadlines=False, previous=previous
        )
        if agreed is not None:
            event_date, reported, due = agreed, reported_agreed, False
    candidate = Candidate(
        trigger.type,
        trigger.token,
        sentence,
        offset,
        modality,
        date=event_date,
        date_reported=reported,
        date_due=due,
        joint=trigger.joint,
    )
    if trigger.giver is not None:
        agents, inferred = actors_of_np(trigger.giver, ctx)
    else:
        agents, inferred = agent(trigger, ctx)
    candidate.inferred = inferred
    own_giver = bool(agents) and not inferred  # "the Dutch contribution covers": its own event
    candidate.elaboration = describes_contents(trigger.token) and not own_giver
    assign_roles(candidate, trigger, agents, ctx)
    return candidate


def _announced_commitment(trigger: Token, modality: Modality, ctx: ArticleContext) -> bool:
    """'Hungary will buy Gripens', 'Norway said it would donate two systems': a plain future
    of a named party's own act is its decision, announced (data/gold/README.md)."""
    if modality.status is not Status.PLANNED or (modality.cue or "").lower() not in FUTURE_MODALS:
        return False
    found = tensed_verb(trigger)
    if found is None or found[1] is not Tense.FUTURE or not plain_future(found[0]):
        return False
    doer = subject_of(found[0])
    if doer is None:
        return False
    actors, inferred = actors_of_np(doer, ctx)
    return bool(actors) and (not inferred or found[0].dep_ == "ccomp")
