"""Who acts in a candidate: the agent of its trigger, the owners of a phrase."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span, Token

from alliance_kg.model import Entity, EntityType
from alliance_kg.pipeline.candidate import SHARED, E
from alliance_kg.pipeline.context import ACTOR_TYPES, ArticleContext
from alliance_kg.pipeline.lexicon import CLEARING_VERBS, EXERCISING_VERBS, REPORTING, STAYING_VERBS
from alliance_kg.pipeline.roles import (
    actors_of_np,
    entities_in,
    np_tokens,
    passive_subject,
    phrase_tokens,
    prep_objects,
    subject_actors,
    subject_of,
)
from alliance_kg.pipeline.triggers import Trigger

_STAYING = STAYING_VERBS | EXERCISING_VERBS  # what a deployed group does where it is


def owners_of(heads: list[Token], ctx: ArticleContext) -> list[Entity]:
    """States that own a materiel phrase: 'U.S. military equipment' -> United States."""
    tokens = [t for head in heads for t in np_tokens(head, with_of=True)]
    found = entities_in(iter(tokens), ctx, ACTOR_TYPES)
    return list({e.iri: e for actor in found for e in ctx.with_country(actor)}.values())


def noun_anchor(token: Token) -> Token:
    """A noun trigger used as a modifier ('maintenance framework') speaks through its head."""
    while token.dep_ in {"compound", "amod", "nmod"} and token.head.pos_ in {"NOUN", "PROPN"}:
        token = token.head
    return token


def _stock_owners(trigger: Token, ctx: ArticleContext) -> list[Entity]:
    """Who is short: the owner of the strained stock, or the side the clause names."""
    if trigger.pos_ in {"NOUN", "PROPN"}:  # "the stocks of its member countries"
        owners = [c for c in trigger.children if c.dep_ == "poss"]  # "the navy's shortage"
        heads = [trigger, *owners, *(obj for _, obj in prep_objects(trigger, {"of"}))]
    elif trigger.pos_ in {"ADJ", "ADV"}:
        heads = sides_above(trigger)
    else:  # "stocks drained by the wars", in "Washington seeks help replenishing" them
        heads = [o for _, o in prep_objects(trigger, {"into"})]  # "eaten into Israel's stocks"
        heads += [c for c in trigger.children if c.dep_ in {"nsubjpass", "nsubj", "dobj"}]
        heads += sides_above(trigger)
    for head in heads:
        anchor = noun_anchor(head)
        actors, _ = actors_of_np(anchor, ctx)
        if actors:
            return actors
        blocs = _blocs_named(np_tokens(anchor), ctx)
        if blocs:  # "European factories are unable to make enough shells"
            return blocs
    words = outside_aid(trigger.sent)
    return entities_in(iter(words), ctx, {EntityType.COUNTRY})[:1] or _blocs_named(words, ctx)


def _blocs_named(tokens: Iterable[Token], ctx: ArticleContext) -> list[Entity]:
    """The bloc the first region named stands for: 'European' -> the European Union."""
    places = entities_in(iter(tokens), ctx, {EntityType.PLACE})
    return next(([bloc] for p in places if (bloc := ctx.bloc_of(p)) is not None), [])


def sides_above(word: Token) -> list[Token]:
    """'left the U.S. short of shells', 'forces have too little ammunition': the noun a
    word describes, then the object and subject of each clause above it, up to a report."""
    heads: list[Token] = []
    for node in word.ancestors:
        if node.lemma_.lower() in REPORTING:  # "officials in Helsinki said ...": not Finland
            # "said Europe cannot make enough", parsed with Europe as what is said
            heads += [c for c in node.children if c.dep_ == "dobj" and c.i < word.i]
            break
        if node.pos_ in {"NOUN", "PROPN"}:
            heads.append(node)
        elif node.pos_ in {"VERB", "AUX"}:
            heads += [c for c in node.children if c.dep_ == "dobj"]
            heads += [c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return heads


def outside_aid(sentence: Span) -> list[Token]:
    """The sentence's words outside its 'support for X', 'aid to X' phrases (whose states
    are the ones aided, not the ones short)."""
    excluded: set[int] = set()
    for token in sentence:
        if token.lower_ in {"for", "to"} and token.head.lemma_ in {"support", "aid", "assistance"}:
            excluded |= {t.i for t in token.subtree}
    return [t for t in sentence if t.i not in excluded]


def clearing_clauses(heads: Iterable[Token], dep: str) -> list[Token]:
    """The clauses (of dependency `dep`: 'acl', 'relcl') on `heads` whose verb clears a sale:
    'approved by the State Department', 'that the U.S. approved'."""
    return [
        clause
        for head in heads
        for clause in head.children
        if clause.dep_ == dep and clause.lemma_.lower() in CLEARING_VERBS
    ]


def _clearers(sale: Token) -> list[Token]:
    """Who a participle clears a sale by, on the sale or its goods: 'a proposed sale of AH-1Z
    helicopters, approved by the State Department', 'a sale cleared by Washington'."""
    heads = [sale, *(o for _p, o in prep_objects(sale, {"of"}))]
    return [
        by
        for clause in clearing_clauses(heads, "acl")
        for agent in clause.children
        if agent.dep_ == "agent"
        for by in agent.children
        if by.dep_ == "pobj"
    ]


def agent(trigger: Trigger, ctx: ArticleContext) -> tuple[list[Entity], bool]:
    token = trigger.token
    if trigger.type is E.CAPACITY_SHORTFALL:
        return _stock_owners(token, ctx), False
    deployed = passive_subject(token) if trigger.type is E.PERSONNEL_DEPLOYMENT else None
    if deployed is not None and not any(c.dep_ == "agent" for c in token.children):
        actors, inferred = actors_of_np(deployed, ctx)  # "North Korean troops were deployed"
        if actors:
            return actors, inferred
    if token.pos_ in {"NOUN", "PROPN"}:
        if token.dep_ == "pobj" and token.head.dep_ == "agent":
            passive = passive_subject(token.head.head)
            if passive is not None:
                actors, inferred = actors_of_np(noun_anchor(passive), ctx)
                if actors:
                    return actors, inferred
        token = noun_anchor(token)
        own = [c for c in token.children if c.dep_ in {"poss", "compound", "amod", "nmod"}]
        for child in own:
            actors, inferred = actors_of_np(child, ctx)
            if actors and trigger.type in SHARED:  # "Canberra and Washington ... U.S. chains"
                doers, _ = subject_actors(token, ctx)
                return list({e.iri: e for e in actors + doers}.values()), inferred
            if actors:
                return actors, inferred
        doers = {"by", "between", "among"}
        if trigger.type is E.PERSONNEL_DEPLOYMENT:  # "the deployment of 2,000 U.S. Marines"
            doers.add("of")
        for _prep, obj in prep_objects(token, doers):
            actors, inferred = actors_of_np(obj, ctx)
            if actors:
                return actors, inferred
        if trigger.type is E.ARMS_TRANSFER:  # "a sale of AH-1Zs, approved by the State Department"
            for clearer in _clearers(token):
                actors, inferred = actors_of_np(clearer, ctx)
                if actors:
                    return actors, inferred
        for t in phrase_tokens(token):
            if t.dep_ == "pobj" and t.head.lower_ == "by":
                actors, inferred = actors_of_np(t, ctx)
                if actors:
                    return actors, inferred
    actors, inferred = subject_actors(token, ctx)
    # "a team of Italian officers remains in Doha": who stays is who the team is made of (a
    # group that arrives is a stage of a deployment, told on its own)
    staying = trigger.type is E.PERSONNEL_DEPLOYMENT and token.lemma_.lower() in _STAYING
    subject = subject_of(token) if staying and not actors else None
    if subject is not None:
        for _prep, members in prep_objects(subject, {"of"}):
            actors, inferred = actors_of_np(members, ctx)
            if actors:
                break
    return actors, inferred
