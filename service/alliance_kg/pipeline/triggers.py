"""Which words of a sentence report an event, and of which class.

A trigger is a verb or noun from the lexicon, checked against its context: a production
noun needs "joint" or two producers; "maintain" needs equipment; "deploy" needs personnel.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from alliance_kg.model import EntityType, EventClass
from alliance_kg.pipeline.context import ArticleContext
from alliance_kg.pipeline.lexicon import (
    ABILITY_MODALS,
    AGREEMENT_NOUNS,
    AID_CONTEXT,
    AIDING_STATES,
    BUYING_VERBS,
    CONTAINING,
    CONTRACT_NOUNS,
    CONTRACTING_VERBS,
    CRAFT_MOVING_VERBS,
    DEAL_NOUNS,
    DISPATCHING,
    DRAWDOWN_VERBS,
    ENABLING,
    ESTABLISHING,
    EVENT_HEADS,
    EXERCISE_NOUNS,
    EXPORT_WORDS,
    FORCE_GROUP_MODIFIERS,
    FUNDING_VERBS,
    FUNDS,
    GIVING_VERBS,
    GRANTING_VERBS,
    GROUP_NOUNS,
    INDUSTRIAL_BASES,
    INDUSTRIAL_INPUTS,
    INSTITUTIONS,
    JOINT_MARKERS,
    KNOW_HOW,
    LAWS,
    LEADING_VERBS,
    LEGISLATIVE_VERBS,
    MEETING_PHRASES,
    MILITARY_WORDS,
    MINISTERIAL,
    MOVING_VERBS,
    NEEDING_VERBS,
    NOUN_TRIGGERS,
    PARTICIPATING,
    PERMITTING,
    PERSONAL_POSSESSIVES,
    PERSONNEL_NOUNS,
    POLICY_NOUNS,
    POLICY_OR_MAINTENANCE,
    PRODUCTION_NOUNS,
    PRODUCTION_VERBS,
    PURCHASE_AID_CONTEXT,
    QUANTIFIERS,
    RECEIVING_VERBS,
    RUNNING_OUT,
    SELECTING,
    SHORT_ADJECTIVES,
    SIGNING_VERBS,
    STOCK_NOUNS,
    STRENGTHENING,
    SUPPLY_CHAIN_HEADS,
    SUPPLY_CHAIN_MODIFIERS,
    SUPPLYING_VERBS,
    TOGETHER_MARKERS,
    TOO_LITTLE,
    VERB_AID,
    VERB_TRIGGERS,
    WINNING_VERBS,
    WRITING_VERBS,
)
from alliance_kg.pipeline.roles import (
    acted_by_legislature,
    antecedent_object,
    conjunct_object,
    direct_object,
    np_tokens,
    passive_subject,
    phrase_tokens,
    prep_objects,
    sent_for_work,
    stranded_object,
    takes_effect,
    variant_of,
)

E = EventClass


@dataclass(frozen=True)
class Trigger:
    """A word reporting an event; `joint` says the text marks it as done together."""

    token: Token
    type: EventClass
    joint: bool = False
    giver: Token | None = None  # the giver of a gapped clause: "... to Kyiv and Oslo 24"


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def _has_joint_marker(token: Token) -> bool:
    if (token.lower_.startswith("co-") or token.lower_.startswith("co")) and _lemma(token) in {
        "co-production",
        "coproduction",
        "co-development",
        "codevelopment",
        "co-produce",
        "coproduce",
        "co-develop",
        "codevelop",
    }:
        return True
    if token.i >= 2 and token.nbor(-1).text == "-" and token.nbor(-2).lower_ == "co":
        return True  # "co-produce" tokenised as co / - / produce
    return any(
        _lemma(c) in JOINT_MARKERS
        for c in token.children
        if c.dep_ in {"amod", "advmod", "compound", "npadvmod"}
    )


def _entity_types(tokens: list[Token], ctx: ArticleContext) -> set[EntityType]:
    kinds = set()
    for token in tokens:
        entity = ctx.entity_of(token)
        if entity is not None:
            kinds.add(entity.type)
    return kinds


def _object_phrase(token: Token) -> list[Token]:
    heads = [c for c in token.children if c.dep_ in {"dobj", "attr", "nsubjpass", "pobj"}]
    heads += [
        c for c in token.children if c.dep_ == "prep" and c.lower_ in {"of", "for", "on", "to"}
    ]
    tokens: list[Token] = []
    for head in heads:
        tokens.extend(phrase_tokens(head))
    return tokens


def _verb_trigger(token: Token, ctx: ArticleContext) -> Trigger | None:
    lemma = _lemma(token)
    obj = antecedent_object(token) or direct_object(token) or passive_subject(token)
    if obj is None:
        obj = conjunct_object(token)
    if obj is None and (lemma in GIVING_VERBS or VERB_TRIGGERS.get(lemma) is E.ARMS_TRANSFER):
        obj = stranded_object(token, ctx)
    obj_tokens = list(phrase_tokens(obj)) if obj is not None else []
    obj_lemmas = {_lemma(t) for t in obj_tokens}
    kinds = _entity_types(obj_tokens, ctx)
    drawn_down = lemma in DRAWDOWN_VERBS and any(c.lower_ == "down" for c in token.children)
    if drawn_down and (obj_lemmas & STOCK_NOUNS or EntityType.MATERIEL in kinds):
        return Trigger(token, E.CAPACITY_SHORTFALL)
    if lemma == "run" and any(c.lower_ in RUNNING_OUT for c in token.children):
        subject = [t for c in token.children if c.dep_ == "nsubj" for t in phrase_tokens(c)]
        if {_lemma(t) for t in subject} & (STOCK_NOUNS | {"defence", "defense"}) or (
            EntityType.MATERIEL in _entity_types(subject, ctx)
        ):
            return Trigger(token, E.CAPACITY_SHORTFALL)
    if lemma in PRODUCTION_VERBS:
        joint = _has_joint_marker(token)
        if not joint and EntityType.MATERIEL not in kinds and not obj_lemmas & MILITARY_WORDS:
            return None
        return Trigger(token, E.JOINT_PRODUCTION, joint=joint)
    clause = {_lemma(t) for t in token.sent}
    if lemma in SUPPLYING_VERBS and obj_lemmas & INDUSTRIAL_INPUTS:
        return Trigger(token, E.SUPPLY_CHAIN_COOPERATION)  # "supply parts and raw materials"
    if lemma in GIVING_VERBS | VERB_AID and counts_only(token):  # "Belgium pledged 30 more"
        return Trigger(token, E.MILITARY_AID if lemma in VERB_AID else E.ARMS_TRANSFER)
    if lemma in GRANTING_VERBS and _money_for_a_state(token, obj, ctx):
        return Trigger(token, E.MILITARY_AID)  # "Congress approved $26 billion for Israel"
    if lemma in RECEIVING_VERBS and obj is not None:
        if obj.ent_type_ == "MONEY":
            return Trigger(token, E.MILITARY_AID)  # "the $3.8 billion a year Israel receives"
        if EntityType.MATERIEL in kinds:
            return Trigger(token, E.ARMS_TRANSFER)
    if lemma in SELECTING and obj is not None and _foreign_system(variant_of(obj), ctx):
        return Trigger(token, E.ARMS_TRANSFER)
    if lemma in LEADING_VERBS and obj is not None and _is_force(obj) and _stationed(obj):
        return Trigger(token, E.PERSONNEL_DEPLOYMENT)  # "leads the battlegroup in Lithuania"
    if _forces_take_part(token):
        return Trigger(token, E.PERSONNEL_DEPLOYMENT)  # "troops are taking part in the drills"
    if lemma in MOVING_VERBS and _forces_move(token, ctx):
        return Trigger(token, E.PERSONNEL_DEPLOYMENT)
    if lemma in DISPATCHING and sent_for_work(token) is not None:
        return None  # "send destroyers to Japanese yards for overhauls": the overhaul is it
    if lemma in GIVING_VERBS and _said_of_an_event(token):
        return None  # "a purchase that would give Poland the largest fleet": a result
    if lemma in GIVING_VERBS:
        if obj is not None and _is_force(obj):  # "send troops", not "give forces access"
            return Trigger(token, E.PERSONNEL_DEPLOYMENT)
        own = list(np_tokens(obj, with_of=True)) if obj is not None else []  # not 'a say in'
        given = own + [
            t
            for c in token.children
            if c.dep_ == "prep" and c.lower_ == "with"
            for t in phrase_tokens(c)
        ]
        military = {_lemma(t) for t in own} & MILITARY_WORDS
        if EntityType.MATERIEL not in _entity_types(given, ctx) and not military:
            return None
        return Trigger(token, E.MILITARY_AID if clause & AID_CONTEXT else E.ARMS_TRANSFER)
    if _meets_with(token, ctx):
        return Trigger(token, E.LEADERS_MEETING)  # "Modi sat down with Biden"
    if lemma == "support" and EntityType.COUNTRY in _entity_types(obj_tokens[:1], ctx):
        return Trigger(token, E.MILITARY_AID)
    if (
        lemma in ESTABLISHING
        and obj is not None
        and _lemma(obj) in INSTITUTIONS
        and (lemma != "set" or any(c.lower_ == "up" for c in token.children))
    ):
        return Trigger(token, E.DEFENSE_COOPERATION)
    if takes_effect(token) and _names_agreement(token):
        return Trigger(token, E.DEFENSE_COOPERATION)
    if lemma in SIGNING_VERBS | WRITING_VERBS and _into_law(token):
        return Trigger(token, E.POLICY_CHANGE)
    if lemma in PERMITTING and _permits_exports(token, ctx):
        return Trigger(token, E.POLICY_CHANGE)  # "approved allowing the jet to be exported"
    if (
        lemma in LEGISLATIVE_VERBS
        and acted_by_legislature(token)
        and EntityType.MATERIEL not in kinds
    ):
        return Trigger(token, E.POLICY_CHANGE)  # "the parliament approved it", "will vote on"
    if (
        lemma in SIGNING_VERBS
        and EntityType.MATERIEL not in kinds
        and (EntityType.POLICY in kinds or obj_lemmas & AGREEMENT_NOUNS)
    ):
        return Trigger(token, E.DEFENSE_COOPERATION)
    event_class = VERB_TRIGGERS.get(lemma)
    if event_class is None:
        return None
    bought_as_aid = _bought_for_another(token, obj, ctx) or describes_contents(token)
    if lemma in BUYING_VERBS and bought_as_aid:
        return Trigger(token, E.MILITARY_AID)
    if (
        event_class is E.MILITARY_AID
        and lemma in VERB_AID
        and not (
            EntityType.MATERIEL in kinds
            or obj_lemmas & (MILITARY_WORDS | AID_CONTEXT)
            or _has_recipient(token, ctx)
            or (lemma in AIDING_STATES and EntityType.COUNTRY in _entity_types(obj_tokens[:2], ctx))
        )
    ):
        return None  # "pledged to expand production" pledges no aid
    if event_class is E.ARMS_TRANSFER and clause & (
        PURCHASE_AID_CONTEXT if lemma in BUYING_VERBS else AID_CONTEXT
    ):
        event_class = E.MILITARY_AID
    if lemma in POLICY_OR_MAINTENANCE:  # "overhaul the rules" or "overhaul destroyers"
        policy = EntityType.POLICY in kinds or bool(obj_lemmas & POLICY_NOUNS)
        event_class = E.POLICY_CHANGE if policy else E.MAINTENANCE_COOPERATION
    if (
        event_class is E.MAINTENANCE_COOPERATION
        and EntityType.MATERIEL not in kinds
        and not obj_lemmas & {"equipment", "ship", "vessel", "aircraft", "platform", "fleet"}
    ):
        return None
    if (
        event_class is E.POLICY_CHANGE
        and EntityType.POLICY not in kinds
        and not obj_lemmas & POLICY_NOUNS
    ):
        return None
    if (
        event_class is E.PERSONNEL_DEPLOYMENT
        and not (obj_lemmas & PERSONNEL_NOUNS)
        and not kinds & {EntityType.ORGANIZATION, EntityType.MATERIEL}
    ):
        return None
    if event_class is E.CAPACITY_SHORTFALL and not (obj_lemmas & STOCK_NOUNS):
        return None
    if (
        event_class is E.ARMS_TRANSFER
        and EntityType.MATERIEL not in kinds
        and not obj_lemmas & MILITARY_WORDS
    ):
        return None
    if (
        lemma == "host"
        and EntityType.PERSON not in kinds
        and not obj_lemmas
        & {"summit", "meeting", "talks", "visit", "leader", "president", "minister"}
    ):
        return None
    if event_class is E.LEADERS_MEETING and not kinds & {EntityType.PERSON, EntityType.COUNTRY}:
        subject = [c for c in token.children if c.dep_ == "nsubj"]
        plural_pronoun = bool(subject) and subject[0].lower_ in {"they", "we"}  # "when they met"
        if not plural_pronoun and (
            not subject
            or not _entity_types(list(phrase_tokens(subject[0])), ctx) & {EntityType.PERSON}
        ):
            return None
    return Trigger(token, event_class, joint=_has_joint_marker(token))


def _meets_with(verb: Token, ctx: ArticleContext) -> bool:
    """'sat down with President Biden': a phrasal verb of meeting with a leader or state."""
    particle = MEETING_PHRASES.get(_lemma(verb))
    if particle is None or not any(c.dep_ == "prt" and c.lower_ == particle for c in verb.children):
        return False
    met = [t for _, obj in prep_objects(verb, {"with"}) for t in phrase_tokens(obj)]
    return bool(_entity_types(met, ctx) & {EntityType.PERSON, EntityType.COUNTRY})


def _between_ministers(token: Token) -> bool:
    """'two-plus-two talks between the ministers', 'a defence minister's talks': ministers meet."""
    words = [t.lower_ for t in token.sent]
    return any(
        _lemma(t) in MINISTERIAL
        and (t.i == t.sent.start or words[t.i - t.sent.start - 1] != "prime")
        for t in token.sent
    )


def _body_meets(token: Token, ctx: ArticleContext) -> bool:
    """'a meeting of the forum', 'a meeting of NATO's council': the session of a body."""
    for _, body in prep_objects(token, {"of"}):
        entity = ctx.entity_of(body)
        if _lemma(body) in INSTITUTIONS or (
            entity is not None and entity.type is EntityType.ORGANIZATION
        ):
            return True
    return False


def _personal_possessor(token: Token) -> bool:
    """'his first visit to Ukraine': a person's own visit."""
    return any(c.dep_ == "poss" and c.lower_ in PERSONAL_POSSESSIVES for c in token.children)


def _noun_trigger(token: Token, ctx: ArticleContext) -> Trigger | None:
    lemma = "talks" if token.lower_ == "talks" else _lemma(token)  # "talk" is a lecture
    modifiers = {_lemma(c) for c in token.children if c.dep_ in {"compound", "amod", "nmod"}}
    if lemma in SUPPLY_CHAIN_HEADS and (modifiers & SUPPLY_CHAIN_MODIFIERS or "-" in token.text):
        return Trigger(token, E.SUPPLY_CHAIN_COOPERATION)
    if lemma in AGREEMENT_NOUNS and modifiers & SUPPLY_CHAIN_MODIFIERS:  # security of supply
        return Trigger(token, E.SUPPLY_CHAIN_COOPERATION)
    if (
        lemma in INDUSTRIAL_BASES
        and modifiers & {"industrial", "defence-industrial", "defense-industrial"}
        and token.dep_ == "dobj"
        and _lemma(token.head) in STRENGTHENING
    ):  # "pledged $3 billion to expand the U.S. submarine industrial base"
        return Trigger(token, E.SUPPLY_CHAIN_COOPERATION)
    if lemma in PRODUCTION_NOUNS and token.dep_ == "dobj" and _funded_growth(token.head):
        return Trigger(token, E.SUPPLY_CHAIN_COOPERATION)  # "€500m to expand shell production"
    if lemma in PRODUCTION_NOUNS:
        joint = _has_joint_marker(token)
        if token.dep_ == "compound":
            if not _has_joint_marker(token.head):
                return None
            joint = True
        if not (joint or _materiel_near(token, ctx)):
            return None
        return Trigger(token, E.JOINT_PRODUCTION, joint=joint)
    if lemma in EXERCISE_NOUNS and _held_together(token, modifiers):
        return Trigger(token, E.DEFENSE_COOPERATION, joint=True)
    if lemma in STOCK_NOUNS and modifiers & SHORT_ADJECTIVES:
        return Trigger(token, E.CAPACITY_SHORTFALL)
    if lemma in CONTRACT_NOUNS:
        goods = [t for head in contract_goods(token) for t in phrase_tokens(head)]
        bought = EntityType.MATERIEL in _entity_types(goods, ctx)
        return Trigger(token, E.ARMS_TRANSFER) if bought else None
    event_class = NOUN_TRIGGERS.get(lemma)
    if event_class is None:
        return None
    if token.dep_ == "nsubj" and takes_effect(token.head):
        return None  # "the agreement took effect": the verb reports it, as done
    if token.dep_ == "compound" and _lemma(token.head) not in EVENT_HEADS:
        return None
    near = _object_phrase(token) + [c for c in token.children if c.dep_ in {"compound", "amod"}]
    near_lemmas = {_lemma(t) for t in near}
    kinds = _entity_types(near, ctx)
    if lemma == "overhaul" and (EntityType.POLICY in kinds or near_lemmas & POLICY_NOUNS):
        event_class = E.POLICY_CHANGE  # "an overhaul of the export rules"
    if (
        event_class is E.ARMS_TRANSFER
        and EntityType.MATERIEL not in kinds
        and not near_lemmas & {"arms", "weapon", "munition", "ammunition", "equipment"}
        and not _has_recipient(token, ctx)
    ):
        return None
    if event_class is E.ARMS_TRANSFER and _policy_topic(token):
        return None
    if (
        event_class is E.MILITARY_AID
        and lemma in {"support", "financing", "funding", "package"}
        and not (modifiers & (MILITARY_WORDS | {"aid"}) or _has_recipient(token, ctx))
        and not (describes_contents(token) and _contents_named(token, ctx))
    ):
        return None
    if (
        event_class is E.MILITARY_AID
        and lemma in {"aid", "assistance"}
        and not (modifiers & MILITARY_WORDS or _has_recipient(token, ctx) or kinds)
    ):
        return None
    if (
        event_class is E.POLICY_CHANGE
        and EntityType.POLICY not in kinds
        and not near_lemmas & POLICY_NOUNS
    ):
        return None
    if (
        event_class is E.PERSONNEL_DEPLOYMENT
        and not near_lemmas & PERSONNEL_NOUNS
        and EntityType.ORGANIZATION not in kinds
    ):
        return None
    if lemma == "visit" and not (
        kinds & {EntityType.PERSON} or "state" in modifiers or _personal_possessor(token)
    ):
        return None
    if lemma in {"meeting", "session"} and _body_meets(token, ctx):
        return None  # "the first meeting of their DICAS forum": a body's session, no summit
    if lemma in {"talks", "meeting"} and _between_ministers(token):
        event_class = E.DEFENSE_COOPERATION  # ministers consulting: no leaders' summit
    return Trigger(token, event_class, joint=_has_joint_marker(token))


def _held_together(noun: Token, modifiers: set[str]) -> bool:
    """'joint exercises', 'trilateral military drills', 'hold exercises together'; troops sent
    'for joint exercises' report a deployment, whose purpose they are."""
    held = (
        [c.lower_ for c in noun.head.children if c.dep_ == "advmod"] if noun.dep_ == "dobj" else []
    )
    together = (modifiers | set(held)) & (JOINT_MARKERS | TOGETHER_MARKERS)
    return bool(together) and not (noun.dep_ == "pobj" and noun.head.lower_ == "for")


def _funded_growth(verb: Token) -> bool:
    """'awarded €500 million to projects meant to expand the production': money granted
    to grow an industry."""
    if _lemma(verb) not in STRENGTHENING:
        return False
    granting = [a for a in verb.ancestors if _lemma(a) in FUNDING_VERBS]
    return any(t.ent_type_ == "MONEY" for a in granting for t in a.subtree)


def _shortfall_adjective(token: Token, ctx: ArticleContext) -> Trigger | None:
    """'short of shells', 'well short of the two a year the Navy needs', 'fallen short', 'too
    little ammunition': a stock or an output found short."""
    if token.lower_ == "short":
        if _lemma(token.head) == "fall":  # "the plans have fallen short"
            return Trigger(token, E.CAPACITY_SHORTFALL)
        wanted = [obj for _, obj in prep_objects(token, {"of"})]
        if any(_is_stock(obj, ctx) or _needed(obj) for obj in wanted):
            return Trigger(token, E.CAPACITY_SHORTFALL)
        return None
    too = any(c.lower_ == "too" for c in token.children)
    if token.lower_ in TOO_LITTLE and too and token.dep_ == "amod" and _is_stock(token.head, ctx):
        return Trigger(token, E.CAPACITY_SHORTFALL)
    return None


def _is_stock(noun: Token, ctx: ArticleContext) -> bool:
    entity = ctx.entity_of(noun)
    return _lemma(noun) in STOCK_NOUNS or (
        entity is not None and entity.type is EntityType.MATERIEL
    )


def _needed(amount: Token) -> bool:
    """'the two a year the Navy needs': an amount something requires."""
    return any(c.dep_ == "relcl" and _lemma(c) in NEEDING_VERBS for c in amount.children)


def _policy_topic(noun: Token) -> bool:
    """What a rule governs, not an event: 'a law that restricts the export of', 'a ban on sales',
    'to allow exports of the jet'."""
    if noun.dep_ == "pobj" and _lemma(noun.head.head) in POLICY_NOUNS:
        return True
    if noun.dep_ != "dobj":
        return False
    verb = noun.head
    if _lemma(verb) in PERMITTING:
        return True
    governing = [c for c in verb.children if c.dep_ == "nsubj"]
    if verb.dep_ == "relcl" and any(c.lower_ in {"that", "which"} for c in governing):
        governing = [verb.head]
    return any(_lemma(g) in POLICY_NOUNS for g in governing)


def _said_of_an_event(verb: Token) -> bool:
    """The verb's subject is an event ('the deal gives', 'a purchase that would give')."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lower_ in {"that", "which"} and verb.dep_ == "relcl":
        subject = verb.head
    return subject is not None and (
        _lemma(subject) in NOUN_TRIGGERS or _lemma(subject) in DEAL_NOUNS
    )


def counts_only(verb: Token) -> bool:
    """'Belgium has pledged 30 more', 'Norway will send six more': the object is a bare count
    of the items an earlier sentence names."""
    obj = direct_object(verb)
    if obj is None or obj.ent_type_ in {"MONEY", "DATE", "PERCENT"}:
        return False
    if obj.lower_ == "more":  # "six more" parsed with "more" as the head
        return any(c.dep_ == "nummod" for c in obj.children)
    return obj.pos_ == "NUM" and any(c.lower_ == "more" for c in obj.children)


def contract_goods(contract: Token) -> list[Token]:
    """What a contract signed, awarded or won buys: 'signed contracts for 220,000 rounds',
    'a contract to make artillery rounds'. None when a verb in it reports the transfer
    itself ('a contract to supply 152 howitzers'), or the contract is not concluded."""
    verb = contract.head
    if contract.dep_ not in {"dobj", "nsubjpass"} or _lemma(verb) not in (
        CONTRACTING_VERBS | WINNING_VERBS
    ):
        return []
    purposes = [c for c in contract.children if c.dep_ in {"acl", "relcl"}]
    transfers = set(VERB_TRIGGERS) | GIVING_VERBS
    if any(_lemma(p) in transfers for p in purposes):
        return []
    objects = [o for p in purposes for o in p.children if o.dep_ == "dobj"]
    return [contract, *objects, *(o for _p, o in prep_objects(verb, {"for"}))]


def _contents_named(noun: Token, ctx: ArticleContext) -> bool:
    """The verb a contents noun is the subject of names materiel: 'includes 150 barrels'."""
    objects = [t for c in noun.head.children if c.dep_ == "dobj" for t in phrase_tokens(c)]
    return EntityType.MATERIEL in _entity_types(objects, ctx)


def _materiel_near(token: Token, ctx: ArticleContext) -> bool:
    near = _object_phrase(token) + [c for c in token.children if c.dep_ in {"compound", "amod"}]
    return EntityType.MATERIEL in _entity_types(near, ctx)


def _forces_move(token: Token, ctx: ArticleContext) -> bool:
    """'F-35 fighters flew to Australia', 'troops arrived in Poland': forces going somewhere;
    launchers that merely arrive are a delivery."""
    movers = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
    places = [
        o for o in token.children if o.dep_ == "prep" and o.lower_ in {"to", "into", "in", "at"}
    ]
    craft = _lemma(token) in CRAFT_MOVING_VERBS and EntityType.MATERIEL in _entity_types(
        [t for mover in movers for t in phrase_tokens(mover)], ctx
    )
    return bool(places) and (craft or any(map(_is_force, movers)))


def _forces_take_part(verb: Token) -> bool:
    """'1,000 service members are taking part in building a pier', 'troops joined the drills':
    forces taking part in an operation."""
    lemma = _lemma(verb)
    taking_part = lemma == "take" and any(
        c.dep_ == "dobj" and c.lower_ == "part" for c in verb.children
    )
    if not (taking_part or lemma in PARTICIPATING):
        return False
    return any(c.dep_ == "nsubj" and _is_force(c) for c in verb.children)


def _stationed(force: Token) -> bool:
    """'the battlegroup in Lithuania': a force placed somewhere."""
    return next(prep_objects(force, {"in"}), None) is not None


def _is_force(head: Token) -> bool:
    """Troops, a carrier strike group, a batch of soldiers: military personnel or a formation."""
    lemma = _lemma(head)
    modifiers = {_lemma(c) for c in head.children if c.dep_ == "compound"}
    if lemma in PERSONNEL_NOUNS or (lemma == "group" and modifiers & FORCE_GROUP_MODIFIERS):
        return True
    if lemma == "member" and "service" in modifiers:  # "U.S. service members"
        return True
    return any(_is_force(obj) for _, obj in prep_objects(head, {"of"}))


def _bought_for_another(token: Token, obj: Token | None, ctx: ArticleContext) -> bool:
    """'Germany will procure air defence systems for Ukraine': buying for a third state."""
    heads = [token] + ([obj] if obj is not None else [])
    return any(_has_recipient(head, ctx) for head in heads)


def _money_for_a_state(verb: Token, obj: Token | None, ctx: ArticleContext) -> bool:
    """'committed $500 million in military financing to the Philippines': a sum given a state."""
    if obj is None or obj.ent_type_ != "MONEY":
        return False
    spent_on = [o for _p, o in prep_objects(obj, {"in"})]
    return any(_has_recipient(head, ctx) for head in (verb, obj, *spent_on))


def describes_contents(token: Token) -> bool:
    """'the money would also buy munitions', 'the package includes 150 barrels': what an
    event reported earlier pays for or holds."""
    if token.pos_ in {"VERB", "AUX"}:
        return any(c.dep_ == "nsubj" and _lemma(c) in FUNDS for c in token.children)
    return token.dep_ == "nsubj" and _lemma(token.head) in CONTAINING


def _foreign_system(obj: Token, ctx: ArticleContext) -> bool:
    """A materiel object that a state owns ('Japan's upgraded Mogami-class frigate')."""
    if ctx.entity_of(obj) is None or ctx.entity_of(obj).type is not EntityType.MATERIEL:
        materiel = [
            t
            for t in phrase_tokens(obj)
            if (e := ctx.entity_of(t)) is not None and e.type is EntityType.MATERIEL
        ]
        if not materiel:
            return False
    owners = [c for c in obj.children if c.dep_ in {"poss", "amod", "compound"}]
    return any((e := ctx.entity_of(o)) is not None and e.type is EntityType.COUNTRY for o in owners)


def _names_agreement(token: Token) -> bool:
    """The subject is an agreement ('the Reciprocal Access Agreement', 'the pact')."""
    subject = [t for c in token.children if c.dep_ == "nsubj" for t in np_tokens(c)]
    return any(_lemma(t) in AGREEMENT_NOUNS for t in subject)


def _permits_exports(verb: Token, ctx: ArticleContext) -> bool:
    """'allow exports of the fighter', 'allowing the jet to be sold abroad': an export rule set;
    what rules already allow ('the rules allow sales') changes nothing."""
    subject = [t for c in verb.children if c.dep_ == "nsubj" for t in phrase_tokens(c)]
    if {_lemma(t) for t in subject} & POLICY_NOUNS or EntityType.POLICY in _entity_types(
        subject, ctx
    ):
        return False
    return any(_lemma(t) in EXPORT_WORDS for t in verb.subtree if t.i > verb.i)


def _into_law(token: Token) -> bool:
    """'signed the supplemental into law', 'wrote it into the constitution'."""
    return any(
        c.dep_ == "prep" and c.lower_ == "into" and any(_lemma(g) in LAWS for g in c.children)
        for c in token.children
    )


def _has_recipient(token: Token, ctx: ArticleContext) -> bool:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in {"for", "to"}:
            for obj in child.children:
                entity = ctx.entity_of(obj)
                if entity is not None and entity.type is EntityType.COUNTRY:
                    return True
    return False


def _mistagged_noun(token: Token) -> bool:
    """'approved a $1 billion drawdown' with the noun tagged as an adverb: a trigger noun in
    an argument's place is a noun."""
    return token.dep_ in {"dobj", "nsubj", "nsubjpass", "pobj"} and _lemma(token) in NOUN_TRIGGERS


def find_triggers(sentence: Span, ctx: ArticleContext) -> list[Trigger]:
    """Every event trigger in a sentence, in text order."""
    found = []
    for token in sentence:
        if token.ent_type_ and ctx.entity_of(token) is not None:
            continue
        if token.pos_ == "VERB":
            trigger = _verb_trigger(token, ctx)
        elif token.pos_ in {"NOUN", "PROPN"} or _mistagged_noun(token):
            trigger = _noun_trigger(token, ctx)
        elif token.pos_ in {"ADJ", "ADV"}:  # the parser tags "running short" as an adverb
            trigger = _shortfall_adjective(token, ctx)
        else:
            trigger = None
        transfer = trigger is not None and trigger.type in {E.ARMS_TRANSFER, E.MILITARY_AID}
        if transfer and (only_permitted(token) or _know_how(token)):
            continue
        cooperation = trigger is not None and trigger.type is E.DEFENSE_COOPERATION
        if cooperation and (_criterion(token) or _priced(token)):
            continue
        if trigger is not None:
            found.append(trigger)
            if transfer:
                found += [replace(trigger, giver=g) for g in gapped_givers(token)]
    return found


def _priced(token: Token) -> bool:
    """'signed an intergovernmental agreement for the jets ..., worth $7.4 billion': a deal
    with a price is a purchase, not an arrangement to cooperate."""
    if _lemma(token) not in SIGNING_VERBS | AGREEMENT_NOUNS:
        return False
    verb = token if token.pos_ == "VERB" else token.head
    if verb.pos_ != "VERB":
        return False
    return any(
        t.ent_type_ == "MONEY"
        and next((a for a in t.ancestors if a.pos_ in {"VERB", "AUX"}), None) == verb
        for t in verb.subtree
    )


def _criterion(token: Token) -> bool:
    """'the roughly 15 countries that have signed defence agreements with Japan': a clause
    saying which states qualify, not an event."""
    node = token
    while node.dep_ in {"dobj", "pobj", "prep", "compound"}:
        node = node.head
    group = node.head
    counted = any(c.dep_ == "nummod" or c.lower_ in QUANTIFIERS for c in group.children)
    return node.dep_ == "relcl" and _lemma(group) in GROUP_NOUNS and counted


def _know_how(token: Token) -> bool:
    """'a transfer of American aero-engine technology', 'transferred a warship design': what
    moves is knowledge, part of a production deal, not materiel."""
    objects = [o for _p, o in prep_objects(token, {"of"})]
    objects += [c for c in token.children if c.dep_ in {"dobj", "compound"}]
    return any(_lemma(o) in KNOW_HOW for o in objects)


def only_permitted(token: Token) -> bool:
    """'equipment that Japan can give', 'fighters can be sold to', 'rules allow weapons to be
    transferred', 'to let weapons be sold', 'allow allies to refill stocks and to send Ukraine
    shells': what a state is able or allowed to transfer, no transfer."""
    if any(c.dep_ == "aux" and c.lower_ in ABILITY_MODALS for c in token.children):
        return True
    node = token
    while node.dep_ in {"xcomp", "ccomp", "dobj", "conj"} and node.head.i != node.i:
        node = node.head
        if _lemma(node) in PERMITTING | ENABLING:
            return True
    return False


def gapped_givers(verb: Token) -> list[Token]:
    """'Copenhagen has pledged 19 F-16s to Ukraine and the Netherlands 24': a conjunct of the
    recipient with a count of its own, after a counted object, gives in a clause whose verb
    and object are left out."""
    obj = direct_object(verb)
    if obj is None or not any(c.dep_ == "nummod" for c in obj.children):
        return []
    return [
        conj
        for _p, taker in prep_objects(verb, {"to"})
        if taker.dep_ == "pobj"
        for conj in taker.conjuncts
        if any(c.dep_ == "nummod" and c.i > conj.i for c in conj.children)
    ]
