"""How firm an event is: the outermost status cue between the trigger and its clause root.

"preparing to agree to strengthen" is Planned; "decided to export" Agreed; a negation or a
refusing governor marks the event negated; an "if" clause, or a clause it conditions, caps it
at Considered; with no cue the tense of the nearest tensed verb decides.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from alliance_kg.model import EventClass, Status
from alliance_kg.pipeline.lexicon import (
    AGREEMENT_NOUNS,
    ANNOUNCING,
    AWAITING_VERBS,
    BILLS,
    BLOCKING,
    BLOCKING_PHRASES,
    CONTINUING,
    CUES_NEEDING_DEAL,
    CUES_NEEDING_INFINITIVE,
    DEALS,
    DELIBERATION_NOUNS,
    ESTABLISHING,
    FRAMEWORK_NOUNS,
    HYPOTHETICAL_MARKS,
    INSTITUTIONS,
    INTENT_NOUNS,
    KEEPING,
    MODAL_STATUS,
    MODIFIER_CUES,
    MOTION_VERBS,
    NOUN_TRIGGERS,
    OBJECT_CONTROL,
    OFFERING_VERBS,
    PHRASAL_CUES,
    PP_STATUS,
    PROPOSING,
    REPORTING,
    STATUS_CUES,
    SUBJECT_CUES,
    TOPIC_NOUNS,
    VERB_ONLY_CUES,
)
from alliance_kg.pipeline.roles import takes_effect
from alliance_kg.pipeline.tense import is_infinitive, status_from_tense
from alliance_kg.pipeline.trigger_checks import exports_withheld, supplies_halted

_STOP_CLIMB = {"ROOT", "parataxis"}
_CIRCUMSTANTIAL = {"at", "during", "amid", "after", "before", "since", "following", "despite"}
# "agreed in/on the summit": with an occasion as object, these are circumstantial too.
_OCCASION_PREPOSITIONS = {"in", "on"}
# Prepositions that make a nominal trigger the topic of the noun they hang off.
_TOPIC_PREPOSITIONS = {"on", "about", "over", "for"}
_VERBAL = {"VERB", "AUX"}
_NOMINAL = {"NOUN", "PROPN"}
# What a body set up ('launched a forum') may be.
_BODIES = INSTITUTIONS | AGREEMENT_NOUNS


@dataclass(frozen=True)
class Modality:
    """The status a sentence gives an event, the words that decided it, and its polarity."""

    status: Status
    cue: str | None
    negated: bool = False
    hypothetical: bool = False


Cue = tuple[Status, str]


def chain(trigger: Token) -> list[tuple[Token, bool]]:
    """Tokens from the trigger up to the sentence root; the flag marks a conjunct's sibling."""
    out = [(trigger, False)]
    node = trigger
    if _nested_in_noun_phrase(trigger) and not _is_event_word(trigger.head.head):
        return out
    occasion = _is_occasion(trigger)
    while node.head.i != node.i and node.dep_ not in _STOP_CLIMB:
        if (
            _subordinate_clause(node)
            or _circumstance(node, occasion=occasion)
            or _entity_description(node)
        ):
            break
        sibling = node.dep_ == "conj" and node.head.pos_ in _VERBAL
        node = node.head
        out.append((node, sibling))
    return out


def _is_event_word(token: Token) -> bool:
    """A cue or trigger noun ('the deal under which...'): what it governs shares its status.

    Other nouns are entities: 'the tanks that Poland ordered arrived' says nothing of the order.
    """
    lemma = token.lemma_.lower()
    return lemma in STATUS_CUES or lemma in NOUN_TRIGGERS or lemma in FRAMEWORK_NOUNS | BILLS


def _entity_description(node: Token) -> bool:
    """A relative clause about a thing ('the tanks that Poland ordered'), not about a frame.

    Frames ('a deal under which', 'an endeavour in which', 'areas where') and event nouns
    pass the climb on: what governs them governs what the clause says.
    """
    if node.dep_ != "relcl" or _is_event_word(node.head):
        return False
    return not any(
        (c.dep_ == "prep" and any(g.tag_ == "WDT" for g in c.children))
        or (c.dep_ == "advmod" and c.tag_ == "WRB")
        for c in node.children
    )


def _is_occasion(trigger: Token) -> bool:
    """A meeting named by a noun: what happens at it is not about it."""
    return (
        trigger.pos_ in _NOMINAL
        and NOUN_TRIGGERS.get(trigger.lemma_.lower()) is EventClass.LEADERS_MEETING
    )


def _circumstance(node: Token, *, occasion: bool) -> bool:
    """'At their meeting, the leaders agreed...': the verb's cue is not about the meeting."""
    prepositions = _CIRCUMSTANTIAL | _OCCASION_PREPOSITIONS if occasion else _CIRCUMSTANTIAL
    return node.dep_ == "prep" and node.lower_ in prepositions and node.head.pos_ in _VERBAL


def _nested_in_noun_phrase(node: Token) -> bool:
    """A noun inside another noun's prepositional phrase: outer verbs are not about it."""
    return (
        node.pos_ in _NOMINAL
        and node.dep_ == "pobj"
        and node.head.head.pos_ in _NOMINAL
        and node.head.lower_ not in {"of"}
    )


def _subordinate_clause(node: Token) -> bool:
    """'as capacity gets stretched', 'when X meets Y': a clause of its own, not the main verb's.

    An infinitive is never one ('for shipyards to repair', 'with Poland to implement').
    """
    return (
        node.dep_ == "advcl"
        and not is_infinitive(node)
        and any(c.dep_ == "mark" or (c.dep_ == "advmod" and c.tag_ == "WRB") for c in node.children)
    )


def _own_cue(token: Token) -> Cue | None:
    lemma = token.lemma_.lower()
    if lemma in REPORTING or token.pos_ == "ADP":
        return None
    phrasal = _phrasal_cue(token)
    if phrasal is not None:
        return phrasal
    if lemma in PROPOSING and any(
        c.dep_ == "dobj" and c.lemma_.lower() in BILLS for c in token.children
    ):
        return Status.CONSIDERED, token.text  # "introduced a bill to ease the rules": proposed
    status = STATUS_CUES.get(lemma)
    if status is None:
        return None
    if token.pos_ == "NOUN" and lemma in VERB_ONLY_CUES:
        return None
    goal = _noun_goal if token.pos_ == "NOUN" else _goal  # "an offer to sell", "a move to buy"
    if lemma in CUES_NEEDING_INFINITIVE and not any(map(goal, token.children)):
        return None
    if lemma == "set" and token.tag_ != "VBN":
        return None
    if lemma in KEEPING and _keeps_a_thing(token):
        return None  # "will keep technicians at Clark", "keep the fleet flying"
    if lemma in ESTABLISHING and _founds_a_body(token):
        return None  # "launched a forum": a body set up, which the tense dates, not work begun
    objects = [c for c in token.children if c.dep_ == "dobj"]
    if lemma in CUES_NEEDING_DEAL and not any(o.lemma_.lower() in DEALS for o in objects):
        return None  # "the first tanks reached Ukraine": an arrival, not an agreement
    if status is Status.AGREED and any(map(_of_intent, objects)):
        return Status.PLANNED, token.text  # "signed a letter of intent to buy": no deal yet
    return status, token.text


def _founds_a_body(verb: Token) -> bool:
    """'launched a standing forum', 'launched INDUS-X, a network of start-ups': the object is
    a body or an agreement, named or described by an apposition."""
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        described = [obj, *(a for a in obj.children if a.dep_ == "appos")]
        if any(t.lemma_.lower() in _BODIES for t in described):
            return True
    return False


def _keeps_a_thing(verb: Token) -> bool:
    """'keep technicians at Clark', 'keep the fleet flying' hold something somewhere or in a
    state; 'keep sending' and 'kept up its supply' go on doing it."""
    children = list(verb.children)
    held = any(
        c.dep_ == "dobj" or (c.dep_ == "ccomp" and any(g.dep_ == "nsubj" for g in c.children))
        for c in children
    )
    return held and not any(c.dep_ == "prt" for c in children)


def _of_intent(noun: Token) -> bool:
    """'a letter of intent', 'a letter of interest'."""
    return any(
        p.lower_ == "of" and any(o.lemma_.lower() in INTENT_NOUNS for o in p.children)
        for p in noun.children
    )


def _phrasal_cue(token: Token) -> Cue | None:
    """'is looking at how', 'looking into', 'is close to a deal', 'is pressing for the hulls
    to be built' (where 'for' opens the clause)."""
    particles = [c for c in token.children if c.dep_ in {"prep", "prt"}]
    particles += [
        m for c in token.children if c.dep_ == "advcl" for m in c.children if m.dep_ == "mark"
    ]
    for particle in particles:
        phrasal = PHRASAL_CUES.get((token.lemma_.lower(), particle.lower_))
        if phrasal is not None:
            return phrasal, f"{token.text} {particle.text}"
    return None


def _pressing_another(verb: Token) -> bool:
    """'pushed South Korea to reconsider', 'urged Tokyo to consider': a cue of someone else's."""
    return verb.lemma_.lower() in OBJECT_CONTROL and any(c.dep_ == "dobj" for c in verb.children)


def _goal(child: Token) -> bool:
    """'look to make', 'work toward', 'set for April': what a goal-taking cue needs to count."""
    return (
        child.dep_ == "xcomp"
        or (child.dep_ == "advcl" and is_infinitive(child))
        or (child.dep_ == "prep" and child.lower_ in {"for", "toward", "towards"})
    )


def _noun_goal(child: Token) -> bool:
    """'an offer to sell', 'a move to export': the infinitive a goal-taking noun needs."""
    return child.dep_ == "acl" and is_infinitive(child)


def _attached_cues(token: Token) -> list[Cue]:
    """Cues hanging off a chain word: modals, 'under consideration', 'likely', 'the plan'."""
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
        elif child.dep_ == "acomp" and (phrasal := _phrasal_cue(child)) is not None:
            found.append(phrasal)  # "is close to a deal to buy": the purchase is near
        elif (beside := _cue_beside(child, token)) is not None:
            found.append((beside, child.text))
        elif child.dep_ == "nsubj" and child.lemma_.lower() in TOPIC_NOUNS:
            found.append((Status.CONSIDERED, child.text))
        elif child.dep_ == "attr" and token.lemma_ == "be" and _an_option(child):
            found.append((Status.CONSIDERED, child.text))  # "is one of the ideas on the table"
        elif child.dep_ == "xcomp" and is_infinitive(child) and _bare_be(token):
            found.append((Status.EXPECTED, f"{token.text} to"))
        elif child.dep_ == "xcomp" and is_infinitive(child) and token.lemma_ == "have":
            found.append((Status.PLANNED, f"{token.text} to"))  # "has yet to sign", "has to"
    return found


def _an_option(noun: Token) -> bool:
    """'an option', 'one of the ideas': what a copula says is only being considered."""
    if noun.lower_ == "one":
        noun = next((o for p in noun.children if p.lower_ == "of" for o in p.children), noun)
    return noun.pos_ == "NOUN" and STATUS_CUES.get(noun.lemma_.lower()) is Status.CONSIDERED


def _bare_be(token: Token) -> bool:
    """'Kishida is to visit': 'be' with no predicate of its own ('was the first to send')."""
    return token.lemma_ == "be" and not any(c.dep_ in {"attr", "acomp"} for c in token.children)


def _cue_beside(child: Token, head: Token) -> Status | None:
    """'the proposed sale', 'deliveries are due', 'the plan calls for': a cue beside the chain."""
    lemma = child.lemma_.lower()
    status = STATUS_CUES.get(child.lower_) or STATUS_CUES.get(lemma)
    if (
        (child.dep_ == "acl" and child.tag_ == "VBN")
        or (child.dep_ in {"amod", "acomp", "advmod"} and {child.lower_, lemma} & MODIFIER_CUES)
        or (
            child.dep_ == "nsubj"
            and head.pos_ in _VERBAL
            and lemma in SUBJECT_CUES
            and not takes_effect(head)  # "the agreement took effect": in force, not agreed
        )
    ):
        return status
    return None


def _topic_cue(trigger: Token) -> Cue | None:
    """'a working group on ship repair', 'talks on co-production', 'in talks over the purchase
    of', 'in talks with Israel to buy': the topic is considered."""
    if trigger.dep_ == "acl" and is_infinitive(trigger):
        head = trigger.head
    elif _nested_in_noun_phrase(trigger) and trigger.head.lower_ in _TOPIC_PREPOSITIONS:
        head = trigger.head.head
    else:
        return None
    if {head.lower_, head.lemma_.lower()} & DELIBERATION_NOUNS:  # "talks" has the lemma "talk"
        return Status.CONSIDERED, head.text
    return None


def purpose_of_trip(trigger: Token) -> Cue | None:
    """'left for Washington for talks', 'is expected in Rome for talks': the event a journey is
    for still lies ahead, unless the journey is told as done ('travelled to Budapest for
    talks')."""
    preposition = trigger.head
    goer = preposition.head
    if goer.dep_ == "pobj" and goer.head.dep_ == "prep":  # "in the coming weeks for talks"
        goer = goer.head.head
    if (
        trigger.pos_ in _NOMINAL
        and trigger.dep_ == "pobj"
        and preposition.lower_ == "for"
        and goer.lemma_.lower() in MOTION_VERBS | AWAITING_VERBS
        and not _journey_done(goer)
    ):
        return Status.EXPECTED, f"{goer.text} {preposition.text}"
    return None


def _shared_modal(sibling: Token, conjunct: Token | None) -> Cue | None:
    """'where it could assemble vehicles, overhaul the fleet': a conjunct with no auxiliary of
    its own shares the modal of the verb it is joined to."""
    if conjunct is None or any(c.dep_ in {"aux", "auxpass"} for c in conjunct.children):
        return None
    modal = _modal_aux(sibling)
    return None if modal is None else (MODAL_STATUS[modal.lower_], modal.text)


def _modal_aux(verb: Token) -> Token | None:
    """The modal auxiliary a verb takes a status from ('could', 'will'), if any."""
    return next((c for c in verb.children if c.dep_ == "aux" and c.lower_ in MODAL_STATUS), None)


def _modal_verb(verb: Token) -> bool:
    return verb.pos_ == "VERB" and any(c.dep_ == "aux" and c.tag_ == "MD" for c in verb.children)


def _journey_done(verb: Token) -> bool:
    """'travelled to Budapest', 'arrived in Kyiv': a past journey that reached its destination."""
    return verb.tag_ == "VBD" and any(
        c.dep_ == "prep" and c.lower_ in {"to", "into", "in"} for c in verb.children
    )


def _negated(token: Token, *, governor: bool) -> bool:
    """Negated, or (as a governor) blocking what it governs: 'scrapped the ban' is itself done."""
    return (
        any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in token.children)
        or (governor and token.lemma_.lower() in BLOCKING and token.pos_ == "VERB")
        or (governor and token.pos_ == "VERB" and _blocking_phrase(token))
        or (token.pos_ == "VERB" and any(map(_no_subject, token.children)))
    )


def _blocking_phrase(verb: Token) -> bool:
    """'cuts off security assistance', 'called off the sale'."""
    lemma = verb.lemma_.lower()
    return any(c.dep_ == "prt" and (lemma, c.lower_) in BLOCKING_PHRASES for c in verb.children)


def _hedged_refusal(token: Token) -> bool:
    """'has not ruled out', 'did not reject': a refusal denied leaves the event open."""
    return (
        token.pos_ == "VERB"
        and token.lemma_.lower() in BLOCKING
        and any(c.dep_ == "neg" for c in token.children)
    )


def _no_subject(child: Token) -> bool:
    """'no forces would be deployed': a subject denied by 'no'."""
    return child.dep_ in {"nsubj", "nsubjpass"} and any(
        g.dep_ == "det" and g.lower_ == "no" for g in child.children
    )


def _marked_hypothetical(token: Token) -> bool:
    """The token heads an 'if', 'unless' or 'whether' clause, or asks 'how many'."""
    return any(
        c.dep_ == "mark" and c.lower_ in HYPOTHETICAL_MARKS for c in token.children
    ) or _asks_how_many(token)


def _asks_how_many(verb: Token) -> bool:
    """'(see) how many troops will be deployed': an indirect question, not a report."""
    return verb.pos_ in _VERBAL and any(
        t.lower_ == "how" and t.dep_ == "advmod"
        for c in verb.children
        if c.dep_ in {"nsubj", "nsubjpass", "dobj"}
        for t in c.subtree
    )


def _conditioned(token: Token) -> bool:
    """'...would build the frigates if the talks succeed': the token's clause has a condition."""
    return token.pos_ in _VERBAL and any(
        c.dep_ == "advcl" and _marked_hypothetical(c) for c in token.children
    )


def _announced_object(token: Token, below: Token | None) -> bool:
    """'announced a $1 billion package', 'announced $6 billion in aid': what is announced, bare
    of any cue, has been decided."""
    return (
        token.lemma_.lower() in ANNOUNCING
        and below is not None
        and below.dep_ == "dobj"
        and (below.pos_ in _NOMINAL or below.ent_type_ == "MONEY")
    )


def _modal_relative_clause(token: Token) -> bool:
    """'areas where companies could build': a relative clause's modal is its own status."""
    return token.dep_ == "relcl" and _modal_aux(token) is not None


def resolve_modality(trigger: Token, event_class: EventClass, *, future_date: bool) -> Modality:
    """The status of the event a trigger reports, from cues on its path to the clause root."""
    decided = _topic_cue(trigger) or purpose_of_trip(trigger)
    negated = hypothetical = False
    below: Token | None = None
    for position, (token, sibling) in enumerate(chain(trigger)):
        if sibling:
            shared = _shared_modal(token, below)
            decided = decided or shared
            if shared is not None and _modal_relative_clause(token):
                break
            below = token
            continue
        if _hedged_refusal(token):
            decided = Status.CONSIDERED, token.text  # "has not ruled out sending troops"
        elif _negated(token, governor=position > 0) and (position == 0 or token.pos_ in _VERBAL):
            denial_told = _unable(token, event_class) or _clearance_denied(token, event_class)
            negated = not (position == 0 and denial_told) or negated
        hypothetical = hypothetical or _marked_hypothetical(token)
        if decided is None and _announced_object(token, below):
            decided = Status.AGREED, token.text
        if token.dep_ == "ROOT" and token.lemma_.lower() in REPORTING:
            break
        hypothetical = hypothetical or _conditioned(token)
        cues = _attached_cues(token)
        own = _own_cue(token)
        if position == 0 and token.lemma_.lower() in OFFERING_VERBS:
            own = Status.CONSIDERED, token.text  # "France offered India 26 jets": proposed
        if own is not None and own[0] is Status.AGREED and _modal_verb(token):
            own = None  # "will approve", "must still sign": the decision is still ahead
        if (
            own is not None
            and own[0] is Status.ONGOING
            and token.lemma_.lower() not in CONTINUING
            and _modal_verb(token)
        ):
            own = None  # "deliveries will begin in 2026", "will expand": not under way yet
        if own is not None and decided is not None and _pressing_another(token):
            own = None  # "pushed Seoul to reconsider sending arms": Seoul's cue tells
        if own is not None and not (position == 0 and decided is not None):
            # a trigger that is itself a cue ('signed', 'pledged') yields to any cue around it,
            # the topic of talks included ('talks on an agreement')
            cues.insert(len(cues) if position == 0 else 0, own)
        if cues:
            decided = cues[0]
        if _modal_relative_clause(token):
            break
        below = token
    if _state_of_affairs(trigger, event_class):
        status, cue = Status.ONGOING, None
    elif decided is not None:
        status, cue = decided
    else:
        status, cue = status_from_tense(trigger, event_class, future_date=future_date)
    if hypothetical:
        status = Status.CONSIDERED
    return Modality(status=status, cue=cue, negated=negated, hypothetical=hypothetical)


def _state_of_affairs(trigger: Token, event_class: EventClass) -> bool:
    """A shortage named as a noun or a participle, or told as an inability, is a state the
    text takes as given ('to ease shortages', 'stocks drained by the war', 'cannot make
    enough shells')."""
    participle = trigger.tag_ == "VBN" and trigger.dep_ in {"acl", "amod"}
    return event_class is EventClass.CAPACITY_SHORTFALL and (
        trigger.pos_ != "VERB" or participle or _unable(trigger, event_class)
    )


def _unable(verb: Token, event_class: EventClass) -> bool:
    """'cannot make enough shells': the negation is the shortfall itself, not its denial."""
    return event_class is EventClass.CAPACITY_SHORTFALL and _negated(verb, governor=False)


def _clearance_denied(verb: Token, event_class: EventClass) -> bool:
    """'has not authorised any arms exports since October': the denial is the export halt."""
    return event_class is EventClass.POLICY_CHANGE and (
        exports_withheld(verb) or supplies_halted(verb)
    )
