"""The date of a candidate: the one its trigger, phrase or clause carries."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Span, Token

from alliance_kg.model import EventDate, Status
from alliance_kg.pipeline.dates import Direction, resolve_date
from alliance_kg.pipeline.lexicon import (
    AGREEMENT_NOUNS,
    ANNOUNCING,
    DEALS,
    ORDERING_VERBS,
    REPORTING,
    SIGNING_VERBS,
    STATUS_CUES,
)
from alliance_kg.pipeline.modality import chain, purpose_of_trip
from alliance_kg.pipeline.roles import SUBJECTS, phrase_tokens
from alliance_kg.pipeline.tense import Tense, tensed_verb

OCCASION_PREPOSITIONS = {"at", "in", "during"}


SCHEDULING = {"schedule", "expect", "plan", "set"}


# "when Kishida visited Manila", "as he hosted Zelensky": a clause timed by the one it joins.
SIMULTANEITY = {"when", "as", "while"}


CLAUSES = {"advcl", "relcl", "ccomp", "xcomp", "acl", "csubj", "conj", "parataxis"}


def date_direction(trigger: Token) -> Direction:
    """Which way an unanchored date points, from the tense the trigger's clause carries."""
    found = tensed_verb(trigger)
    if found is None:
        return Direction.NEAREST
    verb, tense = found
    set_up = any(c.dep_ == "prt" for c in verb.children)  # "set up a group": done, not timed
    if tense is Tense.FUTURE or (verb.lemma_ in SCHEDULING and not set_up):
        return Direction.FUTURE
    if tense in {Tense.PAST, Tense.PERFECT}:
        return Direction.PAST
    return Direction.NEAREST


def date_for(
    trigger: Token,
    published: date | None,
    direction: Direction,
    *,
    deadlines: bool = True,
    previous: EventDate | None = None,
) -> tuple[EventDate | None, bool, bool]:
    """The date attached to the trigger, its phrase or its clause, and whether it is only the
    date of a report ('said on Tuesday'). An occasion ('signed on Friday at the summit') shares
    its verb's date; a trip's purpose ('left on Thursday for talks') does not. The last flag
    tells a deadline ('by 2035')."""
    scope = {t.i for t in phrase_tokens(trigger)} - _other_clauses(trigger)
    reports: set[int] = set()
    if purpose_of_trip(trigger) is None:
        for token, _ in chain(trigger):
            (reports if token.lemma_.lower() in REPORTING else scope).add(token.i)
        if trigger.dep_ == "pobj" and trigger.head.lower_ in OCCASION_PREPOSITIONS:
            scope.add(trigger.head.head.i)
    dates = [ent for ent in trigger.sent.ents if ent.label_ == "DATE"]
    dates = [ent for ent in dates if not _compared_since(ent.root)]
    dates = [ent for ent in dates if not _dates_another(ent, trigger)]
    if not deadlines:
        dates = [ent for ent in dates if not _deadline(ent)]
    # a report's date points the way of the report's own tense: 'will buy, they said on Friday'
    reporting = min(reports, default=None, key=lambda i: abs(i - trigger.i))
    told = date_direction(trigger.doc[reporting]) if reporting is not None else direction
    tiers = [
        ([ent for ent in dates if _attached(ent, scope)], False, direction),
        ([ent for ent in dates if _within_clause(ent, scope)], False, direction),
        (_simultaneous_dates(trigger, dates), False, direction),
        (_decision_dates(trigger, dates, scope), False, Direction.PAST),
        ([ent for ent in dates if _attached(ent, reports)], True, told),
    ]
    for found, reported, pointing in tiers:
        for ent in found:
            pointing = _told_in_the_past(ent, trigger) or pointing
            resolved = resolve_date(ent.text, published, pointing, previous)
            if resolved is not None:
                return resolved, reported, _deadline(ent)
    if previous is not None and _at_that_occasion(trigger, scope):
        return previous, False, False
    return None, False, False


# Occasions a later sentence points back to: "During that visit, Tokyo also agreed".
OCCASIONS = {"visit", "trip", "summit", "meeting", "talks", "ceremony"}
# "during that visit", "on that trip"
_POINTING_BACK = OCCASION_PREPOSITIONS | {"on"}


def _at_that_occasion(trigger: Token, scope: set[int]) -> bool:
    """'During that visit the two sides agreed': the clause happened at an occasion the text
    told just before, so at the time it told last."""
    return any(
        prep.dep_ == "prep"
        and prep.lower_ in _POINTING_BACK
        and obj.dep_ == "pobj"
        and obj.lemma_.lower() in OCCASIONS
        and any(d.lower_ == "that" for d in obj.children if d.dep_ == "det")
        for i in scope
        for prep in trigger.doc[i].children
        for obj in prep.children
    )


def _told_in_the_past(ent: Span, trigger: Token) -> Direction | None:
    """'grew out of a meeting on July 14, when Trump ... said Washington would sell': a date
    in another clause than the trigger's, told in the past tense, points back, whatever the
    trigger's own tense."""
    clause = _clause_of(ent.root)
    if clause.i == _clause_of(trigger).i:
        return None
    found = tensed_verb(clause)
    return Direction.PAST if found is not None and found[1] is Tense.PAST else None


def _other_clauses(verb: Token) -> set[int]:
    """'stocks have been depleted, and production will not catch up before 2026': a clause
    joined to the trigger's with a subject of its own tells its own time."""
    return {
        t.i
        for c in verb.children
        if c.dep_ == "conj"
        and c.pos_ in {"VERB", "AUX"}
        and any(g.dep_ in SUBJECTS for g in c.children)
        for t in c.subtree
    }


def signing_date(sentence: Span, published: date | None) -> tuple[Token, EventDate] | None:
    """'The contract was inked on Monday', '... after the agreement was signed at the fair on
    Wednesday': a deal already told (a definite deal noun) and the date the sentence gives
    its signing."""
    for verb in sentence:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in SIGNING_VERBS:
            continue
        if _signed_deal(verb):  # "The contract, signed in Manila this week, covers"
            deal: Token | None = verb.head
        else:
            found = tensed_verb(verb)
            if found is None or found[1] not in {Tense.PAST, Tense.PERFECT}:
                continue
            deal = next((c for c in verb.children if _told_deal(c)), None)
        if deal is None:
            continue
        dates = [e for e in sentence.ents if e.label_ == "DATE" and _within_clause(e, {verb.i})]
        for ent in dates:
            resolved = resolve_date(ent.text, published, Direction.PAST)
            if resolved is not None:
                return deal, resolved
    return None


def _signed_deal(verb: Token) -> bool:
    """A past participle describing a deal the text has told: 'the contract, signed on Friday'."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and _definite_deal(verb.head)


def _told_deal(noun: Token) -> bool:
    """'the contract', 'this agreement' as what a verb signs: a deal the text has told."""
    return noun.dep_ in {"nsubjpass", "dobj"} and _definite_deal(noun)


def _definite_deal(noun: Token) -> bool:
    """'the contract', 'this agreement': a deal noun with a definite determiner."""
    return noun.lemma_.lower() in DEALS and any(
        c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in noun.children
    )


def _dates_another(ent: Span, trigger: Token) -> bool:
    """'negotiating a second agreement, after a 2019 pact': where a clause tells of two
    agreements, a year naming one ('a 2019 pact', 'the 2014 accord') dates that one only."""
    named = ent.root.head
    about = {trigger} | {c for c in trigger.children if c.dep_ in {"dobj", "nsubjpass"}}
    return (
        ent.root.dep_ in {"compound", "nummod", "amod"}
        and ent.end <= named.i
        and named.lemma_.lower() in AGREEMENT_NOUNS
        and named not in about
        and any(t.lemma_.lower() in AGREEMENT_NOUNS for t in about)
    )


def _deadline(ent: Span) -> bool:
    """'by 2035', 'by the end of the year': when something is due, not when it was agreed."""
    return ent.root.head.lower_ == "by" or ent.text.lower().startswith("by ")


def _attached(ent: Span, within: set[int]) -> bool:
    """A date on one of the words, or on a phrase hanging on one: 'signed on Friday'."""
    return any(t.i in within or t.head.i in within or t.head.head.i in within for t in ent)


def _within_clause(ent: Span, anchors: set[int]) -> bool:
    """A date deeper in the clause of one of the words, but in no clause of its own:
    'signed an agreement for the jets on April 28' (the parser hangs the date on the jets),
    not 'bought the tanks delivered in 2020'."""
    node = ent.root
    while node.dep_ not in CLAUSES and node.head.i != node.i:
        node = node.head
        if node.i in anchors:
            return True
    return False


def _simultaneous_dates(trigger: Token, dates: list[Span]) -> list[Span]:
    """'last November, when Kishida visited Manila', 'a decision taken last December, when the
    cabinet loosened the rules': a clause of the same time as the one it hangs on takes the
    date of that clause, else of the main clause."""
    if trigger.dep_ != "advcl" or not any(
        c.lower_ in SIMULTANEITY and c.dep_ in {"mark", "advmod"} for c in trigger.children
    ):
        return []
    governing = [ent for ent in dates if _within_clause(ent, {trigger.head.i})]
    root = trigger.sent.root.i
    return governing + [ent for ent in dates if _within_clause(ent, {root})]


def _decision_dates(trigger: Token, dates: list[Span], anchors: set[int]) -> list[Span]:
    """'under a contract signed in December 2021', 'the memorandum signed in 2016 gives': a
    deal on (or hanging on) the trigger's phrase or chain, dated by the clause that made it.
    A deal that is the trigger itself is left to its own clauses."""
    found = []
    for ent in dates:
        clause = _clause_of(ent.root)
        deal = clause.head
        if (
            clause.dep_ in {"acl", "relcl"}
            and _deciding(clause)
            and deal.i != trigger.i
            and {deal.i, deal.head.i, deal.head.head.i, *_goods_held(deal)} & anchors
            and deal.lemma_.lower() in DEALS
        ):
            found.append(ent)
    return found


def _goods_held(deal: Token) -> set[int]:
    """'sold four radars made by Mitsubishi Electric under a contract': the goods a
    participle hangs the deal on, whose sale the deal is."""
    verb = deal.head.head if deal.head.dep_ == "prep" else None
    if verb is None or verb.dep_ != "acl" or verb.tag_ != "VBN":
        return set()
    return {verb.head.i, verb.head.head.i}


def _clause_of(token: Token) -> Token:
    """The head of the clause a word stands in."""
    while token.dep_ not in CLAUSES and token.head.i != token.i:
        token = token.head
    return token


def _deciding(verb: Token) -> bool:
    """'signed', 'approved', 'announced', 'ordered': a verb that makes or makes known a deal."""
    lemma = verb.lemma_.lower()
    return verb.pos_ == "VERB" and (
        STATUS_CUES.get(lemma) is Status.AGREED or lemma in ANNOUNCING | ORDERING_VERBS
    )


def _compared_since(date_word: Token) -> bool:
    """'the first visit since 1981': a date that a noun is compared with, not the event's."""
    prep = date_word.head
    return prep.lower_ == "since" and prep.head.pos_ in {"NOUN", "PROPN"}


def after(event_date: EventDate, published: date) -> bool:
    """The date begins after publication ('this month' does not)."""
    key = (event_date.year, event_date.month or 1, event_date.day or 1)
    return key > (published.year, published.month, published.day)
