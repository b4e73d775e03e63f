"""What the tense and aspect of the verb governing a trigger say about when its event happens.

Infinitives and participles have no tense of their own: they take their governor's ("passed
legislation easing the rules" is past). A report's tense is not the event's, and a present
tense in a clause of time takes the main clause's ("will unveil it when the leaders meet").
"""

from __future__ import annotations

from enum import Enum

from spacy.tokens import Token

from alliance_kg.model import EventClass, Status
from alliance_kg.pipeline.lexicon import (
    AWAITING,
    EXERCISE_NOUNS,
    FUTURE_MODALS,
    HANDOVER_VERBS,
    HOLDING_VERBS,
    NOUN_TRIGGERS,
    ORDERING_VERBS,
    PRODUCTION_VERBS,
    REPORTED_FUTURES,
    REPORTING,
    SALE_WORDS,
    STATE_CLASSES,
    STATIONING_VERBS,
    STATUS_CUES,
)
from alliance_kg.pipeline.roles import acted_by_legislature

_VERBAL = {"VERB", "AUX"}
_PRESENT_FORMS = {"VBZ", "VBP"}
# Subordinators of time: a present tense under them takes the main clause's time.
_TEMPORAL_MARKS = {"when", "as", "after", "before", "once", "while", "until", "whenever"}


class Tense(Enum):
    """What the tense and aspect of a verb say about when its event happens."""

    FUTURE = "future"  # or modal: "will deliver", "can be sold", "must buy"
    PAST = "past"
    PERFECT = "perfect"
    PRESENT = "present"


def is_infinitive(verb: Token) -> bool:
    """The verb has 'to' before it: 'to export', 'is to visit'."""
    return any(c.dep_ == "aux" and c.tag_ == "TO" for c in verb.children)


def _auxiliaries(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]


def _tense_of(verb: Token) -> Tense | None:
    """The tense a verb carries itself; None for infinitives and bare participles."""
    auxiliaries = _auxiliaries(verb)
    words = {a.lower_ for a in auxiliaries}
    if words & FUTURE_MODALS or any(a.tag_ == "MD" for a in auxiliaries):
        return Tense.FUTURE
    if verb.tag_ == "VBG" and any(a.lemma_ == "be" for a in auxiliaries):
        return Tense.PRESENT
    if verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxiliaries):
        return Tense.PAST if "had" in words else Tense.PERFECT
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxiliaries):
        return Tense.PAST
    if verb.tag_ == "VBN" and verb.dep_ == "acl" and not auxiliaries:
        return Tense.PAST
    if verb.tag_ in _PRESENT_FORMS or any(a.tag_ in _PRESENT_FORMS for a in auxiliaries):
        return Tense.PRESENT
    return None


def plain_future(verb: Token) -> bool:
    """'will buy', or 'would' in what a report says ('said it would send'), not in a
    condition ('a bill that would let')."""
    modals = {a.lower_ for a in _auxiliaries(verb) if a.tag_ == "MD"}
    if modals and modals <= FUTURE_MODALS - REPORTED_FUTURES:
        return True
    return bool(
        modals
        and modals <= REPORTED_FUTURES
        and verb.dep_ == "ccomp"
        and verb.head.lemma_.lower() in REPORTING
    )


def _temporal_clause(verb: Token) -> bool:
    return verb.dep_ == "advcl" and any(
        c.dep_ in {"mark", "advmod"} and c.lower_ in _TEMPORAL_MARKS for c in verb.children
    )


def tensed_verb(trigger: Token) -> tuple[Token, Tense | None] | None:
    """The nearest verb that carries a tense, climbing over infinitives and participles.

    The climb stops below a reporting verb: the time of a report is not the event's time. A
    present tense in a clause of time ('when Kishida meets Biden') takes the main verb's time.
    """
    nearest: Token | None = None
    for token in [trigger, *trigger.ancestors]:
        if token.pos_ not in _VERBAL:
            continue
        if nearest is not None and token.lemma_.lower() in REPORTING and not _after(nearest):
            break
        nearest = nearest or token
        tense = _tense_of(token)
        if tense is Tense.PRESENT and _temporal_clause(token):
            governing = _tense_of(token.head) if token.head.pos_ in _VERBAL else None
            return token, governing if governing is Tense.FUTURE else tense
        if tense is not None:
            return token, tense
    return None if nearest is None else (nearest, None)


def _after(verb: Token) -> bool:
    """'announced the deal after hosting the leaders': a gerund under 'after' happened before
    what its clause tells, a report included, and takes that clause's time."""
    return verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.head.lower_ == "after"


def status_from_tense(
    trigger: Token, event_class: EventClass, *, future_date: bool
) -> tuple[Status, str | None]:
    """The status tense gives when no cue does, and the modal that decided it, if any.

    Future or modal: Expected for meetings and 'is to', else Planned (an actor's intent); past
    and perfect: Completed (an order: Agreed), but the perfect of a state or a deployment is
    still Ongoing; present: Ongoing.
    """
    found = tensed_verb(trigger)
    if found is None:
        return (Status.EXPECTED, None) if future_date else (Status.ONGOING, None)
    verb, tense = found
    if tense is Tense.FUTURE or future_date:
        modal = next((a.text for a in _auxiliaries(verb) if a.tag_ == "MD"), None)
        return (Status.EXPECTED if _scheduled(verb, event_class) else Status.PLANNED), modal
    if tense is Tense.PERFECT and (_lasting(verb, event_class) or _since(verb)):
        return Status.ONGOING, None  # "has led the battlegroup since 2017" still does
    if tense in {Tense.PAST, Tense.PERFECT}:
        ordered = (  # "has ordered 12 jets", not "the fighters it ordered ... arrived"
            trigger.lemma_.lower() in ORDERING_VERBS and trigger.dep_ not in {"acl", "relcl"}
        ) or _bought_and_awaited(trigger)
        return (Status.AGREED if ordered else Status.COMPLETED), None
    return Status.ONGOING, None


def _bought_and_awaited(trigger: Token) -> bool:
    """'the 42 Rafales it bought, which are scheduled to land next year', 'the launchers that
    Washington sold in 2020 are set to reach the island next year', 'a plant to build the
    vehicles Hungary has ordered': a sale whose goods are still to come or to be made is
    agreed, not done."""
    goods = trigger.head
    if trigger.lemma_.lower() not in SALE_WORDS or trigger.dep_ not in {"acl", "relcl"}:
        return False
    told = [c for c in goods.children if c.dep_ in {"acl", "relcl"} and c.i != trigger.i]
    told += [next((a for a in goods.ancestors if a.pos_ in _VERBAL), goods)]
    return any(_still_ahead(verb) or verb.lemma_.lower() in PRODUCTION_VERBS for verb in told)


def _still_ahead(verb: Token) -> bool:
    """'are scheduled to land', 'is due', 'will arrive', 'is awaiting'."""
    lemma = verb.lemma_.lower()
    return (
        _tense_of(verb) is Tense.FUTURE
        or lemma in AWAITING
        or STATUS_CUES.get(lemma) is Status.EXPECTED
    )


def _lasting(verb: Token, event_class: EventClass) -> bool:
    """A state, or forces stationed: its perfect says it still holds; one handover of aid
    ('has handed over a corvette') does not."""
    stationed = event_class is EventClass.PERSONNEL_DEPLOYMENT and (
        verb.lemma_.lower() in STATIONING_VERBS
    )
    handed = event_class is EventClass.MILITARY_AID and verb.lemma_.lower() in HANDOVER_VERBS
    return (event_class in STATE_CLASSES and not handed) or stationed


def _since(verb: Token) -> bool:
    return any(c.dep_ == "prep" and c.lower_ == "since" for c in verb.children)


def _scheduled(verb: Token, event_class: EventClass) -> bool:
    """A future that befalls rather than one an actor means: a meeting, a legislature's vote,
    'is to'."""
    return (
        event_class is EventClass.LEADERS_MEETING
        or is_infinitive(verb)
        or (event_class is EventClass.POLICY_CHANGE and acted_by_legislature(verb))
        or _event_as_subject(verb)
        or _event_held(verb)
    )


def _event_held(verb: Token) -> bool:
    """'will hold their annual exercise', 'will stage joint drills': an occasion on the
    calendar, not an intent."""
    return verb.lemma_.lower() in HOLDING_VERBS and any(
        c.dep_ == "dobj" and c.lemma_.lower() in EXERCISE_NOUNS | NOUN_TRIGGERS.keys()
        for c in verb.children
    )


def _event_as_subject(verb: Token) -> bool:
    """'deliveries will begin in 2026', 'the drills will run until May': an event that
    befalls, not an actor's intent."""
    return any(
        c.dep_ in {"nsubj", "nsubjpass"} and c.pos_ == "NOUN" and c.lemma_.lower() in NOUN_TRIGGERS
        for c in verb.children
    )
