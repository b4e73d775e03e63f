"""How firm an event is: the outermost status cue between the trigger and its clause root.

"preparing to agree to strengthen" is Planned; "decided to export" Agreed; a negation or a
refusing governor marks the event negated; an "if" clause caps it at Considered; with no cue
the tense of the nearest verb decides.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from alliance_kg.model import EventClass, Status
from alliance_kg.pipeline.lexicon import (
    BLOCKING,
    CUES_NEEDING_INFINITIVE,
    FUTURE_MODALS,
    HYPOTHETICAL_MARKS,
    MODAL_STATUS,
    PP_STATUS,
    REPORTING,
    STATE_CLASSES,
    STATUS_CUES,
)

_STOP_CLIMB = {"ROOT", "parataxis"}
_CIRCUMSTANTIAL = {"at", "during", "amid", "after", "before", "since", "following", "despite"}
_NEGATORS = {"not", "n't", "never", "no"}


@dataclass(frozen=True)
class Modality:
    """The status a sentence gives an event, the words that decided it, and its polarity."""

    status: Status
    cue: str | None
    negated: bool = False
    hypothetical: bool = False


def chain(trigger: Token) -> list[tuple[Token, bool]]:
    """Tokens from the trigger up to the sentence root; the flag marks a conjunct's sibling."""
    out = [(trigger, False)]
    node = trigger
    if _nested_in_noun_phrase(trigger):
        return out
    while node.head.i != node.i and node.dep_ not in _STOP_CLIMB:
        if _subordinate_clause(node) or _circumstance(node):
            break
        sibling = node.dep_ == "conj" and node.head.pos_ in {"VERB", "AUX"}
        node = node.head
        out.append((node, sibling))
    return out


def _circumstance(node: Token) -> bool:
    """'At their meeting, the leaders agreed...': the verb's cue is not about the meeting."""
    return (
        node.dep_ == "prep" and node.lower_ in _CIRCUMSTANTIAL and node.head.pos_ in {"VERB", "AUX"}
    )


def _nested_in_noun_phrase(node: Token) -> bool:
    """A noun inside another noun's prepositional phrase: outer verbs are not about it."""
    return (
        node.pos_ in {"NOUN", "PROPN"}
        and node.dep_ == "pobj"
        and node.head.head.pos_ in {"NOUN", "PROPN"}
        and node.head.lower_ not in {"of"}
    )


def _subordinate_clause(node: Token) -> bool:
    """'as capacity gets stretched', 'because...': a clause of its own, not under the main verb."""
    return node.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ not in {"to"} for c in node.children
    )


def _own_cue(token: Token) -> tuple[Status, str] | None:
    lemma = token.lemma_.lower()
    if lemma in REPORTING:
        return None
    status = STATUS_CUES.get(lemma)
    if status is None:
        return None
    if lemma in CUES_NEEDING_INFINITIVE and not any(
        c.dep_ in {"xcomp", "prep"} for c in token.children
    ):
        return None
    if lemma == "set" and token.tag_ != "VBN":
        return None
    return status, token.text


def _attached_cues(token: Token) -> list[tuple[Status, str]]:
    """Cues hanging off a chain word: modals, 'under consideration', 'potential', 'likely'."""
    found = []
    children = list(token.children)
    if token.lemma_ == "be":
        children += [g for c in children if c.dep_ in {"nsubj", "nsubjpass"} for g in c.children]
    for child in children:
        if child.dep_ == "aux" and child.lower_ in MODAL_STATUS:
            found.append((MODAL_STATUS[child.lower_], child.text))
        elif child.dep_ == "prep":
            for obj in child.children:
                key = (child.lower_, obj.lemma_.lower())
                if obj.dep_ == "pobj" and key in PP_STATUS:
                    found.append((PP_STATUS[key], f"{child.text} {obj.text}"))
        elif child.dep_ == "acl" and child.tag_ == "VBN" and child.lemma_.lower() in STATUS_CUES:
            found.append((STATUS_CUES[child.lemma_.lower()], child.text))
        elif child.dep_ in {"amod", "acomp", "advmod"} and child.lemma_.lower() in STATUS_CUES:
            if child.lemma_.lower() in {
                "potential",
                "possible",
                "likely",
                "upcoming",
                "planned",
                "proposed",
                "expected",
                "scheduled",
                "ongoing",
                "currently",
                "forthcoming",
                "agreed",
            }:
                found.append((STATUS_CUES[child.lemma_.lower()], child.text))
    return found


def _negated(token: Token) -> bool:
    return any(
        c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in token.children
    ) or (token.lemma_.lower() in BLOCKING and token.pos_ == "VERB")


def resolve_modality(trigger: Token, event_class: EventClass, *, future_date: bool) -> Modality:
    """The status of the event a trigger reports, from cues on its path to the clause root."""
    decided: tuple[Status, str] | None = None
    negated = hypothetical = False
    for position, (token, sibling) in enumerate(chain(trigger)):
        if sibling:
            continue
        if _negated(token) and (position == 0 or token.pos_ in {"VERB", "AUX"}):
            negated = True
        if any(c.dep_ == "mark" and c.lower_ in HYPOTHETICAL_MARKS for c in token.children):
            hypothetical = True
        if token.dep_ == "ROOT" and token.lemma_.lower() in REPORTING:
            break
        cues = _attached_cues(token)
        if position > 0:
            own = _own_cue(token)
            if own is not None:
                cues.insert(0, own)
        if cues:
            decided = cues[0]
    if _state_of_affairs(trigger, event_class):
        status, cue = Status.ONGOING, None
    elif decided is not None:
        status, cue = decided
    else:
        status, cue = _from_tense(trigger, event_class, future_date=future_date)
    if hypothetical and status not in {Status.CONSIDERED}:
        status = Status.CONSIDERED
    return Modality(status=status, cue=cue, negated=negated, hypothetical=hypothetical)


def _state_of_affairs(trigger: Token, event_class: EventClass) -> bool:
    """A shortage named as a noun is a state the text takes as given ('to ease shortages')."""
    return event_class is EventClass.CAPACITY_SHORTFALL and trigger.pos_ != "VERB"


def _nearest_verb(trigger: Token) -> Token | None:
    """The verb whose tense dates the trigger: itself, or the nearest one governing it."""
    return next((t for t in [trigger, *trigger.ancestors] if t.pos_ in {"VERB", "AUX"}), None)


def _future_modal(trigger: Token) -> Token | None:
    """A 'will' on the trigger's verb or any verb governing it ('will feature ... as X meets')."""
    for token in [trigger, *trigger.ancestors]:
        for child in token.children:
            if child.dep_ == "aux" and child.lower_ in FUTURE_MODALS:
                return child
    return None


def _from_tense(
    trigger: Token, event_class: EventClass, *, future_date: bool
) -> tuple[Status, str | None]:
    verb = _nearest_verb(trigger)
    if verb is None:
        return (Status.EXPECTED, None) if future_date else (Status.ONGOING, None)
    aux = {c.lower_: c for c in verb.children if c.dep_ in {"aux", "auxpass"}}
    future = _future_modal(trigger)
    if future is not None or future_date:
        if event_class is EventClass.LEADERS_MEETING or "to" in {c.lower_ for c in verb.children}:
            return Status.EXPECTED, future.text if future is not None else None
        return Status.PLANNED, future.text if future is not None else None
    if (
        verb.tag_ == "VBD"
        or ("have" in {c.lemma_ for c in verb.children if c.dep_ == "aux"} and verb.tag_ == "VBN")
        or (verb.tag_ == "VBN" and "was" in aux)
    ):
        if event_class in STATE_CLASSES and verb.tag_ != "VBD":
            return Status.ONGOING, None
        return Status.COMPLETED, None
    if verb.tag_ == "VBN" and "were" in aux:
        return Status.COMPLETED, None
    return Status.ONGOING, None
