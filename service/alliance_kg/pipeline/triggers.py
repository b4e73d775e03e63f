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
    ACCESS_GRANTING,
    ADMITTING,
    AGREEMENT_NOUNS,
    AID_CONTEXT,
    AID_NOUNS_NEEDING_CONTEXT,
    AIDING_STATES,
    ALONG_PREPOSITIONS,
    ARRANGING,
    BILLS,
    BUYING_NOUNS,
    BUYING_VERBS,
    CAPACITY_UNITS,
    CHAIN_MODIFIERS,
    CONTRACT_NOUNS,
    DEAL_NOUNS,
    DEEPENING,
    DELIBERATING,
    DEMAND_NOUNS,
    DEPLOYMENT_COMPOUNDS,
    DISPATCHING,
    DRAWDOWN_VERBS,
    EATING_INTO,
    EVENT_HEADS,
    EXERCISE_NOUNS,
    EXERCISING_VERBS,
    EXHAUSTING,
    EXPORT_HALTING,
    EXPORT_WORDS,
    FLEET_NOUNS,
    GATHERING_VERBS,
    GIVING_VERBS,
    GRANTING_VERBS,
    GRATIS,
    GROUP_NOUNS,
    INDUSTRIAL_BASES,
    INDUSTRIAL_INPUTS,
    INDUSTRIAL_SITES,
    JOINT_BODIES,
    KNOW_HOW,
    LAWS,
    LEADING_VERBS,
    LEGISLATIVE_VERBS,
    LICENCE_RESTRICTING,
    LICENCES,
    MAINTAINED_NOUNS,
    MAINTENANCE_NOUNS,
    MILITARY_SITES,
    MILITARY_WORDS,
    MOVING_VERBS,
    NEGOTIATING_VERBS,
    NEGOTIATION_NOUNS,
    NOUN_TRIGGERS,
    OPERATING_VERBS,
    OWN_POSSESSIVES,
    PARTICIPATING,
    PERMITTING,
    PERSONNEL_NOUNS,
    POLICY_NOUNS,
    POLICY_OR_MAINTENANCE,
    PRODUCTION_NOUNS,
    PRODUCTION_VERBS,
    PROGRAMME_NOUNS,
    PROPOSAL_NOUNS,
    PURCHASE_AID_CONTEXT,
    QUANTIFIERS,
    RATIONING,
    RECEIVING_VERBS,
    RUNNING_OUT,
    SCARCITY_NOUNS,
    SELECTING,
    SHARED_KNOWLEDGE,
    SHARED_WORK,
    SHARING,
    SHORT_ADJECTIVES,
    SHRINKING,
    SIGNING_VERBS,
    SPENDING_VERBS,
    STOCK_NOUNS,
    STRENGTHENING,
    SUPPLY_CHAIN_HEADS,
    SUPPLY_CHAIN_MODIFIERS,
    SUPPLYING_VERBS,
    SUPPORT_NOUNS,
    TAKING_VERBS,
    TARGETING,
    TOO_LITTLE,
    VERB_AID,
    VERB_TRIGGERS,
    VISITING,
    WELCOMING_VERBS,
    WORK_SHARES,
    WORKS_WEIGHING,
    WORKSHOP_NOUNS,
    WRITING_VERBS,
)
from alliance_kg.pipeline.roles import (
    acted_by_legislature,
    antecedent_object,
    conjunct_object,
    direct_object,
    more_objects,
    np_tokens,
    passive_subject,
    phrase_tokens,
    prep_objects,
    sent_for_work,
    stranded_object,
    subject_of,
    takes_effect,
    variant_of,
)
from alliance_kg.pipeline.trigger_checks import (
    agreement_negotiated,
    between_ministers,
    body_meets,
    bought_for_another,
    built_for_a_buyer,
    by_a_company,
    cannot_keep_up,
    closer_ties,
    contents_named,
    describes_goods,
    enacted_by_law,
    entity_types,
    exports_opened,
    exports_withheld,
    forces_abroad,
    forces_move,
    forces_posted,
    forces_present,
    forces_take_part,
    foreign_system,
    founds_venture,
    funded_growth,
    has_joint_marker,
    has_recipient,
    has_too_little,
    held_together,
    holds_too_few,
    inputs_secured,
    into_law,
    is_force,
    is_institution,
    is_leader,
    is_official,
    is_stock,
    is_used_up,
    kept_in_service,
    lags_demand,
    leader_travels,
    leaders_meet,
    leaves_scheme,
    lemma_of,
    made_abroad,
    made_together,
    made_under_licence,
    materiel_arrives,
    materiel_near,
    meets_with,
    money_for_a_state,
    names_agreement,
    names_materiel,
    needed,
    negotiating,
    object_phrase,
    operated_alongside,
    permits_exports,
    personal_possessor,
    phrasal_lemma,
    policy_published,
    policy_topic,
    received_by,
    runs_out,
    said_of_an_event,
    scheme_left,
    sets_up,
    share_targeted,
    state_sources,
    stationed,
    sum_put_in,
    supplied_to_a_state,
    supplies_halted,
    ties_halted,
    trained_together,
    works_for_materiel,
)
from alliance_kg.pipeline.trigger_phrases import (
    contract_goods,
    counts_only,
    describes_contents,
    forgone,
    funders,
    gapped_givers,
    granted_sum,
    not_managed,
    only_permitted,
    paid_for_states,
    paid_goods,
)

E = EventClass


@dataclass(frozen=True)
class Trigger:
    """A word reporting an event; `joint` says the text marks it as done together."""

    token: Token
    type: EventClass
    joint: bool = False
    giver: Token | None = None  # the giver of a gapped clause: "... to Kyiv and Oslo 24"


def _concluded_for_goods(agreement: Token, ctx: ArticleContext) -> bool:
    """An agreement signed or concluded for materiel: 'signed an agreement for 48 K2 tanks',
    not one to make them ('an agreement to co-produce howitzers')."""
    if not contract_goods(agreement):
        return False
    goods = [o for head in (agreement, agreement.head) for _p, o in prep_objects(head, {"for"})]
    return EntityType.MATERIEL in entity_types([t for g in goods for t in phrase_tokens(g)], ctx)


def _fired_at(verb: Token) -> bool:
    """Sent over or against a place, to no one: 'sends drones over Ukrainian cities'."""
    preps = {c.lower_ for c in verb.children if c.dep_ in {"prep", "dative"}}
    return bool(preps & TARGETING) and "to" not in preps


def _sentence_lemmas(token: Token) -> set[str]:
    """The lemmas of the token's sentence: read only where a check needs them, as finding
    the sentence and its lemmas for every verb cost more than any other step of the rules."""
    return {lemma_of(t) for t in token.sent}


def _verb_trigger(token: Token, ctx: ArticleContext) -> Trigger | None:
    lemma = phrasal_lemma(token)  # "the first radar was turned over to the Philippine Air Force"
    obj = antecedent_object(token) or direct_object(token) or passive_subject(token)
    if obj is None:
        obj = conjunct_object(token)
    if obj is None and (lemma in GIVING_VERBS or VERB_TRIGGERS.get(lemma) is E.ARMS_TRANSFER):
        obj = stranded_object(token, ctx)
    if obj is None and lemma != lemma_of(token):  # "signed up for 48 jets", "look after them"
        obj = next((o for _p, o in prep_objects(token, {"for", "after"})), None)
    obj_tokens = list(phrase_tokens(obj)) if obj is not None else []
    obj_lemmas = {lemma_of(t) for t in obj_tokens}
    kinds = entity_types(obj_tokens, ctx)
    if lemma != lemma_of(token) and obj is not None and lemma_of(obj) in SHARED_WORK:
        return None  # "is to take over production of the turret": work, not goods, changes hands
    drawn_down = lemma in DRAWDOWN_VERBS and any(c.lower_ == "down" for c in token.children)
    if drawn_down and (obj_lemmas & STOCK_NOUNS or EntityType.MATERIEL in kinds):
        return Trigger(token, E.CAPACITY_SHORTFALL)
    used_up = (  # "depleting their interceptors", not "to exhaust the enemy's defences"
        lemma in EXHAUSTING
        and EntityType.MATERIEL in kinds
        and any(c.dep_ == "poss" and c.lower_ in OWN_POSSESSIVES for c in obj.children)
    )
    shrinking = lemma in SHRINKING and any(
        c.dep_ == "nsubj" and is_stock(c, ctx) for c in token.children
    )  # "interceptor stocks are dwindling"
    eaten = lemma in EATING_INTO and any(  # "have eaten deep into Israel's interceptor stocks"
        is_stock(o, ctx) for _p, o in prep_objects(token, {"into"})
    )
    rationed = lemma in RATIONING and (obj is None or is_stock(obj, ctx))  # "rationing shells"
    if runs_out(token, ctx) or has_too_little(token, obj, ctx) or used_up or shrinking:
        return Trigger(token, E.CAPACITY_SHORTFALL)
    if holds_too_few(token, obj, ctx):  # "has no tanks", "only a handful of aircraft"
        return Trigger(token, E.CAPACITY_SHORTFALL)
    if eaten or rationed:
        return Trigger(token, E.CAPACITY_SHORTFALL)
    if lags_demand(token) or cannot_keep_up(token):  # "production lags behind demand"
        return Trigger(token, E.CAPACITY_SHORTFALL)
    if sets_up(token) and obj is not None and works_for_materiel(obj, ctx):
        return Trigger(token, E.JOINT_PRODUCTION)  # "opened an ammunition factory in Lithuania"
    if lemma in PRODUCTION_VERBS and obj is not None and lemma_of(obj) in PERSONNEL_NOUNS:
        return None  # "decided to build a tank battalion": a force raised, nothing made
    if lemma in PRODUCTION_VERBS:
        joint = made_together(token)
        named = joint or made_under_licence(token)
        systems = MILITARY_WORDS | FLEET_NOUNS  # "assemble part of the fleet"
        if not named and EntityType.MATERIEL not in kinds and not obj_lemmas & systems:
            return None
        if not joint and describes_goods(token):
            return None  # "interceptors built under licence by MHI", "weapons are made for"
        if not named and built_for_a_buyer(token, ctx):
            return Trigger(token, E.ARMS_TRANSFER)  # "Naval Group will build four submarines
            # for the Netherlands"
        return Trigger(token, E.JOINT_PRODUCTION, joint=joint)
    shared = obj is not None and lemma_of(obj) in SHARED_WORK and EntityType.MATERIEL in kinds
    if lemma in SHARING and shared:  # "shares the work on the NSM with Raytheon"
        return Trigger(token, E.JOINT_PRODUCTION, joint=True)
    if founds_venture(token, ctx):
        return Trigger(token, E.JOINT_PRODUCTION, joint=True)  # "set up a radar joint venture"
    if kept_in_service(token, ctx):
        return Trigger(token, E.MAINTENANCE_COOPERATION)  # "keep the Turkish fleet flying"
    if lemma in SUPPLYING_VERBS and obj_lemmas & INDUSTRIAL_INPUTS:
        if _for_upkeep(token):  # "providing spare parts for refits"
            return Trigger(token, E.MAINTENANCE_COOPERATION)
        return Trigger(token, E.SUPPLY_CHAIN_COOPERATION)  # "supply parts and raw materials"
    if lemma in GIVING_VERBS | VERB_AID and counts_only(token):  # "Belgium pledged 30 more"
        return Trigger(token, E.MILITARY_AID if lemma in VERB_AID else E.ARMS_TRANSFER)
    if lemma in GRANTING_VERBS and money_for_a_state(token, obj, ctx):
        return Trigger(token, E.MILITARY_AID)  # "Congress approved $26 billion for Israel"
    if sum_put_in(token, ctx):
        return Trigger(token, E.MILITARY_AID)  # "Canada put in 40 million dollars"
    paid = paid_goods(token)
    aided = bool(paid) and EntityType.COUNTRY in entity_types(paid_for_states(token), ctx)
    if aided and _buys_materiel(paid, ctx):
        return Trigger(token, E.MILITARY_AID)  # "will fund the purchase of jets for Ukraine"
    if lemma in SPENDING_VERBS and _specific_goods(paid, ctx):
        return Trigger(token, E.ARMS_TRANSFER)  # "Poland spent $2 billion on K2 tanks"
    if lemma in RECEIVING_VERBS and obj is not None:
        if obj.ent_type_ == "MONEY":
            return Trigger(token, E.MILITARY_AID)  # "the $3.8 billion a year Israel receives"
        if EntityType.MATERIEL in kinds:
            return Trigger(token, E.ARMS_TRANSFER)
    if (
        lemma in TAKING_VERBS
        and obj is not None
        and lemma_of(obj) not in NOUN_TRIGGERS  # "took delivery of": the noun reports it
        and EntityType.MATERIEL in kinds
        and state_sources(token, ctx)
    ):
        return Trigger(token, E.ARMS_TRANSFER)  # "to take three submarines from the U.S."
    if (
        lemma in SELECTING
        and obj is not None
        and (foreign_system(variant_of(obj), ctx) or made_abroad(token, variant_of(obj), ctx))
    ):
        return Trigger(token, E.ARMS_TRANSFER)  # "Norway picked the K9", "weighs Japan's frigate"
    if lemma in LEADING_VERBS and obj is not None and is_force(obj) and stationed(obj):
        return Trigger(token, E.PERSONNEL_DEPLOYMENT)  # "leads the battlegroup in Lithuania"
    if forces_posted(token, obj):
        return Trigger(token, E.PERSONNEL_DEPLOYMENT)  # "is moving 1,000 troops to Estonia"
    if forces_take_part(token):
        return Trigger(token, E.PERSONNEL_DEPLOYMENT)  # "troops are taking part in the drills"
    if lemma in MOVING_VERBS | VISITING and forces_move(token, ctx):
        return Trigger(token, E.PERSONNEL_DEPLOYMENT)
    if forces_abroad(token, ctx):
        return Trigger(token, E.PERSONNEL_DEPLOYMENT)  # "crews spent months in Germany"
    based = lemma == "base" and obj is not None and obj.dep_ == "dobj" and obj.head == token
    if based and EntityType.MATERIEL in kinds and next(prep_objects(token, {"in", "at"}), None):
        return Trigger(token, E.PERSONNEL_DEPLOYMENT)  # "whether to base drones in Benin"
    if materiel_arrives(token, ctx):
        return Trigger(token, E.ARMS_TRANSFER)  # "the first K2 tanks arrived in Poland"
    if lemma in DISPATCHING and sent_for_work(token) is not None:
        return None  # "send destroyers to Japanese yards for overhauls": the overhaul is it
    if lemma in GIVING_VERBS and _fired_at(token):
        return None  # "the drones that Russia sends over Ukrainian cities": an attack
    if lemma in GIVING_VERBS and said_of_an_event(token):
        return None  # "a purchase that would give Poland the largest fleet": a result
    if supplies_halted(token):
        return Trigger(token, E.POLICY_CHANGE)  # "will not send further weapons to Ukraine"
    if lemma in GIVING_VERBS:
        # "send troops", and forces sent with craft ("send a frigate and 200 sailors", "two jets,
        # alongside 100 airmen"); not forces given something ("give crews practice", "access")
        sent = [obj] if obj is not None and obj.dep_ != "dative" else []
        if sent and lemma in DISPATCHING:
            sent += [*sent[0].conjuncts, *(o for _p, o in prep_objects(token, {"alongside"}))]
        if any(map(is_force, sent)):
            return Trigger(token, E.PERSONNEL_DEPLOYMENT)
        heads = [obj, *obj.conjuncts] if obj is not None else []  # "guns, as well as howitzers"
        heads += more_objects(token)
        own = [t for head in heads for t in np_tokens(head, with_of=True)]  # not 'a say in'
        given = own + [
            t
            for c in token.children
            if c.dep_ == "prep" and c.lower_ == "with"
            for t in phrase_tokens(c)
        ]
        military = {lemma_of(t) for t in own} & MILITARY_WORDS
        if EntityType.MATERIEL not in entity_types(given, ctx) and not military:
            return None
        gift = _sentence_lemmas(token) & AID_CONTEXT or _gratis(token)
        return Trigger(token, E.MILITARY_AID if gift else E.ARMS_TRANSFER)
    if meets_with(token, ctx):
        return Trigger(token, E.LEADERS_MEETING)  # "Modi sat down with Biden"
    if leader_travels(token, ctx):
        return Trigger(token, E.LEADERS_MEETING)  # "the minister will travel to New Delhi"
    if lemma in WELCOMING_VERBS and EntityType.PERSON in kinds | received_by(token, ctx):
        return Trigger(token, E.LEADERS_MEETING)  # "Erdogan welcomed Kristersson to Ankara"
    if lemma in GATHERING_VERBS and leaders_meet(token, ctx):
        return Trigger(token, E.LEADERS_MEETING)  # "the leaders gathered at Camp David"
    if lemma == "support" and EntityType.COUNTRY in entity_types(obj_tokens[:1], ctx):
        if by_a_company(token, ctx):
            return None  # "Hanwha stands ready to support Estonia": a supplier's service
        return Trigger(token, E.MILITARY_AID)
    if sets_up(token) and obj is not None and is_institution(obj):
        return Trigger(token, E.DEFENSE_COOPERATION)
    if lemma in EXERCISING_VERBS and trained_together(token):
        return Trigger(token, E.DEFENSE_COOPERATION, joint=True)  # "forces will train together"
    if lemma in OPERATING_VERBS and operated_alongside(token, ctx):
        return Trigger(token, E.DEFENSE_COOPERATION, joint=True)  # "fought alongside U.S. units"
    if lemma in DEEPENING and obj is not None and closer_ties(obj):
        return Trigger(token, E.DEFENSE_COOPERATION)  # "agreed to deepen defence ties"
    if lemma == "share" and obj_lemmas & SHARED_KNOWLEDGE:
        return Trigger(token, E.DEFENSE_COOPERATION)  # "to share intelligence"
    if _programme_joined(token, obj, ctx):  # "Saudi Arabia has sought to join the programme"
        return Trigger(token, E.JOINT_PRODUCTION, joint=True)
    if lemma in PARTICIPATING and obj is not None and lemma_of(obj) in ARRANGING:
        return Trigger(token, E.DEFENSE_COOPERATION)  # "joined the security partnership"
    if takes_effect(token) and names_agreement(token):
        return Trigger(token, E.DEFENSE_COOPERATION)
    if lemma in SIGNING_VERBS | WRITING_VERBS and into_law(token):
        return Trigger(token, E.POLICY_CHANGE)
    if exports_opened(token):
        return Trigger(token, E.POLICY_CHANGE)  # "approved the sale of the jet to third countries"
    if leaves_scheme(token):
        return Trigger(token, E.POLICY_CHANGE)  # "would pull the country out of the scheme"
    if exports_withheld(token):
        return Trigger(token, E.POLICY_CHANGE)  # "has not authorised any arms exports since"
    if ties_halted(token, obj):
        return Trigger(token, E.POLICY_CHANGE)  # "froze its military programmes in Niger"
    if share_targeted(token):
        return Trigger(token, E.POLICY_CHANGE)  # "lifting defence spending to 3 percent"
    if policy_published(token, obj):
        return Trigger(token, E.POLICY_CHANGE)  # "published a new defence strategy"
    if lemma in LICENCE_RESTRICTING and obj is not None and lemma_of(obj) in LICENCES:
        return Trigger(token, E.POLICY_CHANGE)  # "suspended 30 arms export licences to Israel"
    if lemma in EXPORT_HALTING and obj is not None and lemma_of(obj) in EXPORT_WORDS:
        return Trigger(token, E.POLICY_CHANGE)  # "to stop all exports of jet parts to Israel"
    if lemma in DELIBERATING and obj is not None and lemma_of(obj) in BILLS:
        return Trigger(token, E.POLICY_CHANGE)  # "lawmakers are weighing a bill"
    if lemma in PERMITTING and permits_exports(token, ctx):
        return Trigger(token, E.POLICY_CHANGE)  # "approved allowing the jet to be exported"
    if (
        lemma in LEGISLATIVE_VERBS
        and acted_by_legislature(token)
        and EntityType.MATERIEL not in kinds
        and not _sum_voted(token, obj)
    ):
        return Trigger(token, E.POLICY_CHANGE)  # "the parliament approved it", "will vote on"
    if (
        lemma in SIGNING_VERBS | NEGOTIATING_VERBS
        and EntityType.MATERIEL not in kinds
        and (EntityType.POLICY in kinds or obj_lemmas & AGREEMENT_NOUNS)
    ):
        return Trigger(token, E.DEFENSE_COOPERATION)
    event_class = VERB_TRIGGERS.get(lemma)
    if event_class is None:
        return None
    bought_as_aid = (
        bought_for_another(token, obj, ctx)
        or describes_contents(token)
        or granted_sum(token) is not None
        or bool(funders(token))
    )
    if lemma in BUYING_VERBS and bought_as_aid:
        return Trigger(token, E.MILITARY_AID)
    if (
        event_class is E.MILITARY_AID
        and lemma in VERB_AID
        and not (
            EntityType.MATERIEL in kinds
            or obj_lemmas & (MILITARY_WORDS | AID_CONTEXT)
            or has_recipient(token, ctx)
            or (lemma in AIDING_STATES and EntityType.COUNTRY in entity_types(obj_tokens[:2], ctx))
        )
    ):
        return None  # "pledged to expand production" pledges no aid
    equipped = obj is not None and EntityType.MATERIEL in entity_types([obj], ctx)
    if lemma in AIDING_STATES and equipped:
        return None  # "the missile will arm two Aegis-equipped vessels": equipping, no aid
    if event_class is E.ARMS_TRANSFER and _sentence_lemmas(token) & (
        PURCHASE_AID_CONTEXT if lemma in BUYING_VERBS else AID_CONTEXT
    ):
        event_class = E.MILITARY_AID
    if lemma in POLICY_OR_MAINTENANCE:  # "overhaul the rules" or "overhaul destroyers"
        policy = EntityType.POLICY in kinds or bool(obj_lemmas & POLICY_NOUNS)
        event_class = E.POLICY_CHANGE if policy else E.MAINTENANCE_COOPERATION
    if (
        event_class is E.MAINTENANCE_COOPERATION
        and EntityType.MATERIEL not in kinds
        and not obj_lemmas & MAINTAINED_NOUNS
    ):
        return None
    refilled = obj is not None and lemma_of(obj) in STOCK_NOUNS
    if event_class is E.MAINTENANCE_COOPERATION and refilled:
        return None  # "rebuild its stocks of shells" refills them
    if (
        event_class is E.POLICY_CHANGE
        and EntityType.POLICY not in kinds
        and not obj_lemmas & POLICY_NOUNS
        and not enacted_by_law(token)  # "a 2019 law that scrapped the old funding system"
    ):
        return None
    if (
        event_class is E.PERSONNEL_DEPLOYMENT
        and not (obj_lemmas & PERSONNEL_NOUNS)
        and not kinds & {EntityType.ORGANIZATION, EntityType.MATERIEL}
    ):
        return None
    thin = any(c.lower_ in RUNNING_OUT for c in token.children)  # "units are stretched thin"
    forces_short = thin and obj is not None and lemma_of(obj) in PERSONNEL_NOUNS
    works = obj is not None and lemma_of(obj) in INDUSTRIAL_SITES  # "factories are strained"
    if event_class is E.CAPACITY_SHORTFALL and not (
        obj_lemmas & STOCK_NOUNS or forces_short or works
    ):
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
    if event_class is E.LEADERS_MEETING and obj is not None and lemma_of(obj) in DEMAND_NOUNS:
        return None  # "to meet Ukraine's daily consumption", "meet the army's needs"
    leaders_met = obj is not None and is_leader(obj)  # "after hosting European leaders"
    if event_class is E.LEADERS_MEETING and not kinds & {EntityType.PERSON, EntityType.COUNTRY}:
        if leaders_met:
            return Trigger(token, event_class)
        subject = [c for c in token.children if c.dep_ == "nsubj"]
        plural_pronoun = bool(subject) and subject[0].lower_ in {"they", "we"}  # "when they met"
        if not plural_pronoun and not leaders_meet(token, ctx):
            return None
    return Trigger(token, event_class, joint=has_joint_marker(token))


def _noun_trigger(token: Token, ctx: ArticleContext) -> Trigger | None:
    lemma = "talks" if token.lower_ == "talks" else lemma_of(token)  # "talk" is a lecture
    modifiers = {lemma_of(c) for c in token.children if c.dep_ in {"compound", "amod", "nmod"}}
    spanned = token.dep_ == "pobj" and token.head.lower_ in ALONG_PREPOSITIONS
    if lemma in SUPPLY_CHAIN_HEADS and spanned and lemma_of(token.head.head) not in ARRANGING:
        return None  # "20,000 jobs across the supply chain" ("cooperation across" is some)
    if lemma in SUPPLY_CHAIN_HEADS and (modifiers & CHAIN_MODIFIERS or "-" in token.text):
        return Trigger(token, E.SUPPLY_CHAIN_COOPERATION)
    if lemma in AGREEMENT_NOUNS and modifiers & SUPPLY_CHAIN_MODIFIERS:  # security of supply
        return Trigger(token, E.SUPPLY_CHAIN_COOPERATION)
    if inputs_secured(token):  # "secure supplies of minerals", "a framework on minerals"
        return Trigger(token, E.SUPPLY_CHAIN_COOPERATION)
    if (
        lemma in INDUSTRIAL_BASES
        and modifiers & {"industrial", "defence-industrial", "defense-industrial"}
        and token.dep_ == "dobj"
        and lemma_of(token.head) in STRENGTHENING
    ):  # "pledged $3 billion to expand the U.S. submarine industrial base"
        return Trigger(token, E.SUPPLY_CHAIN_COOPERATION)
    funded = token.dep_ == "dobj" and funded_growth(token.head)
    if lemma in PRODUCTION_NOUNS | INDUSTRIAL_SITES and funded:
        return Trigger(token, E.SUPPLY_CHAIN_COOPERATION)  # "€500m to expand shell production"
    if lemma in PRODUCTION_NOUNS:
        joint = made_together(token)
        if token.dep_ == "compound":
            if not made_together(token.head):
                return None
            joint = True
        if not (joint or made_under_licence(token) or materiel_near(token, ctx)):
            return None
        return Trigger(token, E.JOINT_PRODUCTION, joint=joint)
    if lemma == "sharing" and modifiers & SHARED_KNOWLEDGE:
        return Trigger(token, E.DEFENSE_COOPERATION)  # "will expand intelligence sharing"
    if DEPLOYMENT_COMPOUNDS.get(lemma) in modifiers:  # "a port call", "air policing"
        return Trigger(token, E.PERSONNEL_DEPLOYMENT)
    if lemma == "access" and _access_to_sites(token):
        return Trigger(token, E.DEFENSE_COOPERATION)
    if forces_present(token, modifiers):
        return Trigger(token, E.PERSONNEL_DEPLOYMENT)  # "a military presence in Poland"
    war_games = lemma == "game" and "war" in modifiers
    if (lemma in EXERCISE_NOUNS or war_games) and held_together(token, modifiers, ctx):
        return Trigger(token, E.DEFENSE_COOPERATION, joint=True)
    if lemma in STOCK_NOUNS and modifiers & SHORT_ADJECTIVES:
        return Trigger(token, E.CAPACITY_SHORTFALL)
    if token.dep_ == "dobj" and paid_goods(token.head):
        return None  # "will fund the purchase of jets for Ukraine": the aid is the event
    if supplied_to_a_state(token, ctx):
        return Trigger(token, E.ARMS_TRANSFER)  # "the supply of tanks to Ukraine will continue"
    if lemma in AGREEMENT_NOUNS and _concluded_for_goods(token, ctx):
        return Trigger(token, E.ARMS_TRANSFER)  # "signed an agreement for 48 K2 tanks"
    if lemma in CONTRACT_NOUNS:
        goods = [t for head in contract_goods(token) for t in phrase_tokens(head)]
        bought = EntityType.MATERIEL in entity_types(goods, ctx)
        return Trigger(token, E.ARMS_TRANSFER) if bought else None
    if lemma in WORK_SHARES and _share_of_work(token, ctx):  # "a share of the work on the jet"
        return Trigger(token, E.JOINT_PRODUCTION, joint=True)
    if lemma in NEGOTIATION_NOUNS and _venture_discussed(token):
        return Trigger(token, E.JOINT_PRODUCTION, joint=True)  # "talks about a joint venture"
    if lemma in SUPPORT_NOUNS and _supports_a_system(token, ctx):
        return Trigger(token, E.MAINTENANCE_COOPERATION)  # "set up support for the Rafale"
    intended = [o for _p, o in prep_objects(token, {"for", "of"})]
    if lemma in PROPOSAL_NOUNS and any(lemma_of(o) in LAWS | BILLS for o in intended):
        return Trigger(token, E.POLICY_CHANGE)  # "set out plans for an arms export control law"
    event_class = NOUN_TRIGGERS.get(lemma)
    if event_class is None:
        return None
    if token.dep_ == "nsubj" and takes_effect(token.head):
        return None  # "the agreement took effect": the verb reports it, as done
    if lemma in SCARCITY_NOUNS and not any(is_stock(t, ctx) for t in object_phrase(token)):
        return None  # "a lack of political will"
    workshop = (
        event_class is E.MAINTENANCE_COOPERATION
        and lemma_of(token.head) in WORKSHOP_NOUNS
        and token.head.dep_ == "dobj"
        and (sets_up(token.head.head) or lemma_of(token.head.head) in WORKS_WEIGHING)
    )
    if token.dep_ == "compound" and lemma_of(token.head) not in EVENT_HEADS and not workshop:
        return None  # but "opened a repair hub in Romania" sets up where repairs are done
    near = object_phrase(token) + [c for c in token.children if c.dep_ in {"compound", "amod"}]
    if event_class is E.ARMS_TRANSFER:  # "placed an order with Kongsberg for NSM missiles"
        near += contract_goods(token)
    near_lemmas = {lemma_of(t) for t in near}
    kinds = entity_types(near, ctx)
    if lemma == "overhaul" and (EntityType.POLICY in kinds or near_lemmas & POLICY_NOUNS):
        event_class = E.POLICY_CHANGE  # "an overhaul of the export rules"
    if (
        event_class is E.ARMS_TRANSFER
        and EntityType.MATERIEL not in kinds
        and not near_lemmas & {"arms", "weapon", "munition", "ammunition", "equipment"}
        and not has_recipient(token, ctx)
    ):
        return None
    if (
        event_class is E.MILITARY_AID
        and lemma in AID_NOUNS_NEEDING_CONTEXT
        and not (modifiers & (MILITARY_WORDS | {"aid"}) or has_recipient(token, ctx))
        and not (describes_contents(token) and contents_named(token, ctx))
        and not _given_to_a_state(token, ctx)
    ):
        return None
    if (
        event_class is E.MILITARY_AID
        and lemma in {"aid", "assistance"}
        and not (modifiers & MILITARY_WORDS or has_recipient(token, ctx) or kinds)
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
    visitors = _visitors(token)
    if lemma == "visit" and not (
        (kinds | entity_types(visitors, ctx)) & {EntityType.PERSON}
        or any(map(is_official, visitors))
        or "state" in modifiers
        or personal_possessor(token)
    ):
        return None
    if lemma in {"meeting", "session"} and body_meets(token, ctx):
        return None  # "the first meeting of their DICAS forum": a body's session, no summit
    if lemma == "talks" and negotiating(token):
        if agreement_negotiated(token, ctx):  # "started talks on an access agreement"
            return Trigger(token, E.DEFENSE_COOPERATION)
        return None  # "are in talks with NATO", "open talks on a deal": no summit
    if lemma in {"talks", "meeting"} and between_ministers(token):
        event_class = E.DEFENSE_COOPERATION  # ministers consulting: no leaders' summit
    return Trigger(token, event_class, joint=has_joint_marker(token))


def _shortfall_adjective(token: Token, ctx: ArticleContext) -> Trigger | None:
    """'short of shells', 'well short of the two a year the Navy needs', 'fallen short', 'too
    little ammunition': a stock or an output found short."""
    if token.lower_ == "short":
        if lemma_of(token.head) == "fall":  # "the plans have fallen short"
            return Trigger(token, E.CAPACITY_SHORTFALL)
        wanted = [obj for _, obj in prep_objects(token, {"of"})]
        # "short of artillery barrels": a part named by what it is of
        wanted += [c for o in wanted for c in o.children if c.dep_ == "compound"]
        counted = PERSONNEL_NOUNS | CAPACITY_UNITS  # "short of gunners", "short of squadrons"
        if any(is_stock(o, ctx) or needed(o) or lemma_of(o) in counted for o in wanted):
            return Trigger(token, E.CAPACITY_SHORTFALL)
        return None
    if is_used_up(token, ctx):
        return Trigger(token, E.CAPACITY_SHORTFALL)
    too = any(c.lower_ == "too" for c in token.children)
    held = token.head  # "too few combat jets", "too few sailors to crew the frigates"
    if (
        token.lower_ in TOO_LITTLE
        and too
        and token.dep_ == "amod"
        and (is_stock(held, ctx) or lemma_of(held) in PERSONNEL_NOUNS | INDUSTRIAL_SITES)
    ):
        return Trigger(token, E.CAPACITY_SHORTFALL)
    return None


def _supports_a_system(support: Token, ctx: ArticleContext) -> bool:
    """'support for the Rafale', 'in-service support for the fleet': what the support is for is
    a system or a fleet, not a state ('support for Ukraine') or a deal ('for the F-35 buy')."""
    served = [o for _p, o in prep_objects(support, {"for"})]
    return any(lemma_of(o) in MAINTAINED_NOUNS or names_materiel(o, ctx) for o in served)


def _for_upkeep(verb: Token) -> bool:
    """'providing spare parts and technical assistance for refits': parts that keep equipment
    going, not inputs to anyone's production."""
    obj = direct_object(verb)
    spare = obj is not None and any(lemma_of(c) == "spare" for c in obj.children)
    served = {lemma_of(o) for _p, o in prep_objects(verb, {"for"})}
    served |= {lemma_of(o) for _p, o in prep_objects(obj, {"for"})} if obj is not None else set()
    return spare or bool(served & set(MAINTENANCE_NOUNS))


def _mistagged_noun(token: Token) -> bool:
    """'approved a $1 billion drawdown' with the noun tagged as an adverb: a trigger noun in
    an argument's place is a noun."""
    return token.dep_ in {"dobj", "nsubj", "nsubjpass", "pobj"} and lemma_of(token) in NOUN_TRIGGERS


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
        if transfer and (
            only_permitted(token)
            or not_managed(token)
            or forgone(token)
            or _know_how(token)
            or policy_topic(token)
        ):
            continue
        cooperation = trigger is not None and trigger.type is E.DEFENSE_COOPERATION
        if cooperation and (
            _criterion(token)
            or _priced(token)
            or _buys_under(token)
            or (token.pos_ != "VERB" and scheme_left(token))
        ):
            continue
        if cooperation and _industrial_deal(token, ctx):
            continue
        if trigger is not None:
            found.append(trigger)
            if transfer:
                found += [replace(trigger, giver=g) for g in gapped_givers(token)]
    return found


def _visitors(visit: Token) -> list[Token]:
    """Who makes a visit: 'a visit by Kishida', "Mr Singh's visit", 'Kishida is considering a
    visit to Seoul'."""
    visitors = [t for _, by in prep_objects(visit, {"by"}) for t in phrase_tokens(by)]
    visitors += [t for c in visit.children if c.dep_ == "poss" for t in phrase_tokens(c)]
    if visit.dep_ == "dobj" and (doer := subject_of(visit.head)) is not None:
        visitors += phrase_tokens(doer)
    return visitors


def _programme_joined(verb: Token, obj: Token | None, ctx: ArticleContext) -> bool:
    """'sought to join the programme', 'participate in the F-35 programme', 'bringing Riyadh
    into the GCAP programme': a new partner in a programme that makes materiel (the one named
    in it, or for a bare 'the programme' the system the article named before)."""
    lemma = lemma_of(verb)
    if lemma in PARTICIPATING:
        programmes = [obj] if obj is not None else [o for _, o in prep_objects(verb, {"in"})]
    elif lemma in ADMITTING:
        programmes = [o for _, o in prep_objects(verb, {"into"})]
    else:
        return False
    return any(
        lemma_of(p) in PROGRAMME_NOUNS
        and (
            EntityType.MATERIEL in entity_types(list(np_tokens(p)), ctx)
            or (_bare(p) and ctx.system_before(p) is not None)
        )
        for p in programmes
    )


def _bare(noun: Token) -> bool:
    """'the programme' with nothing but its article."""
    return all(c.dep_ == "det" and c.lower_ == "the" for c in noun.children)


def _share_of_work(share: Token, ctx: ArticleContext) -> bool:
    """'a share of the production work on the Eurofighter', 'a larger workshare on the F-35':
    a part of making a system named there (not 'a share of the market', nor 'the aircraft',
    which may stand for any system the article named)."""
    if lemma_of(share) == "share" and not any(
        lemma_of(o) in SHARED_WORK for _p, o in prep_objects(share, {"of"})
    ):
        return False
    spans = [span for t in phrase_tokens(share) if (span := ctx.span_of(t)) is not None]
    named = [ctx.entity(span) for span in spans]  # as written: 'the aircraft' names no system
    return any(
        e is not None and e.type is EntityType.MATERIEL and e.iri not in ctx.gazetteer.has_narrower
        for e in named
    )


def _venture_discussed(talks: Token) -> bool:
    """'talks with Romarm about a joint venture', 'negotiations on a joint venture to make
    shells': a joint venture still being negotiated is joint production considered."""
    held = [talks, talks.head] if talks.dep_ == "nsubj" else [talks]  # "talks were under way"
    topics = [o for head in held for _, o in prep_objects(head, {"on", "about", "over"})]
    return any(lemma_of(o) in JOINT_BODIES and has_joint_marker(o) for o in topics)


def _access_to_sites(noun: Token) -> bool:
    """'granted U.S. forces access to four bases', 'gave the navy access to its ports'."""
    return (
        noun.dep_ == "dobj"
        and lemma_of(noun.head) in ACCESS_GRANTING
        and any({lemma_of(o), o.lower_} & MILITARY_SITES for _, o in prep_objects(noun, {"to"}))
    )


def _sum_voted(verb: Token, obj: Token | None) -> bool:
    """'approved 3 billion euros for frigates', 'the $4 billion that Congress approved to
    restock': a sum voted is spending, no change of policy."""
    voted = obj if obj is not None or verb.dep_ != "relcl" else verb.head
    return voted is not None and voted.ent_type_ == "MONEY"


def _gratis(verb: Token) -> bool:
    """'handed over a corvette free of charge', 'at no cost': given, not sold."""
    words = [t.lower_ for t in verb.subtree]
    return any(
        tuple(words[i : i + len(phrase)]) == phrase for phrase in GRATIS for i in range(len(words))
    )


def _given_to_a_state(noun: Token, ctx: ArticleContext) -> bool:
    """'Germany's pledge of four IRIS-T systems to Ukraine': materiel in the noun's phrase
    goes to a state named there."""
    near = object_phrase(noun)
    takers = [t for t in near if t.dep_ == "pobj" and t.head.lower_ in {"to", "for"}]
    return EntityType.MATERIEL in entity_types(near, ctx) and (
        EntityType.COUNTRY in entity_types(takers, ctx)
    )


def _buys_materiel(goods: list[Token], ctx: ArticleContext) -> bool:
    """The goods are materiel, or the purchase of some: 'the purchase of Patriot interceptors'."""
    tokens = [t for g in goods for t in phrase_tokens(g)]
    bought = any(NOUN_TRIGGERS.get(lemma_of(g)) is E.ARMS_TRANSFER for g in goods)
    return EntityType.MATERIEL in entity_types(tokens, ctx) or (
        bought and bool({lemma_of(t) for t in tokens} & MILITARY_WORDS)
    )


_NAMING_DEPS = {"compound", "nummod", "amod", "nmod"}  # "F-35 jets", "K2 tanks"


def _specific_goods(goods: list[Token], ctx: ArticleContext) -> bool:
    """Goods named as a kind of materiel ('K2 tanks'), not as weapons at large ('its guided
    weapons enterprise')."""
    words = [*goods, *(c for g in goods for c in g.children if c.dep_ in _NAMING_DEPS)]
    named = [ctx.entity_of(t) for t in words]
    return any(
        e is not None and e.type is EntityType.MATERIEL and ctx.is_specific_materiel(e)
        for e in named
    )


def _priced(token: Token) -> bool:
    """'signed an intergovernmental agreement for the jets ..., worth $7.4 billion': a deal
    with a price is a purchase, not an arrangement to cooperate."""
    if lemma_of(token) not in SIGNING_VERBS | AGREEMENT_NOUNS:
        return False
    verb = token if token.pos_ == "VERB" else token.head
    if verb.pos_ != "VERB":
        return False
    return any(
        t.ent_type_ == "MONEY"
        and next((a for a in t.ancestors if a.pos_ in {"VERB", "AUX"}), None) == verb
        for t in verb.subtree
    )


def _industrial_deal(agreement: Token, ctx: ArticleContext) -> bool:
    """'the industrial agreement between Airbus and Turkish Aerospace': an industrial accord
    between firms, no state among its parties, is business, no cooperation between states."""
    industrial = any(c.dep_ == "amod" and c.lower_ == "industrial" for c in agreement.children)
    if lemma_of(agreement) not in ARRANGING or not industrial:
        return False
    parties = [t for _p, o in prep_objects(agreement, {"between", "among"}) for t in o.subtree]
    kinds = entity_types(parties, ctx)
    return EntityType.ORGANIZATION in kinds and EntityType.COUNTRY not in kinds


def _buys_under(token: Token) -> bool:
    """'Friday's order is the second under the framework agreement Warsaw and Seoul signed',
    'ordered 180 tanks under a framework agreement': an umbrella for purchases, told as the
    terms an order is placed under (the agreement or its signing), is no arrangement to
    cooperate."""
    signed = token.pos_ == "VERB" and token.dep_ in {"relcl", "acl"}
    agreement = token.head if signed else token
    if agreement.dep_ != "pobj" or agreement.head.lower_ != "under":
        return False
    clause = next((a for a in agreement.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    if lemma_of(agreement) not in AGREEMENT_NOUNS or clause is None:
        return False
    deals = {lemma_of(c) for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}}
    framework = any(lemma_of(c) == "framework" for c in agreement.children)
    buying = lemma_of(clause) in BUYING_VERBS and framework  # not 'under a security pact'
    return buying or bool(deals & (DEAL_NOUNS | BUYING_NOUNS))


def _criterion(token: Token) -> bool:
    """'the roughly 15 countries that have signed defence agreements with Japan': a clause
    saying which states qualify, not an event."""
    node = token
    while node.dep_ in {"dobj", "pobj", "prep", "compound"}:
        node = node.head
    group = node.head
    counted = any(c.dep_ == "nummod" or c.lower_ in QUANTIFIERS for c in group.children)
    return node.dep_ == "relcl" and lemma_of(group) in GROUP_NOUNS and counted


def _know_how(token: Token) -> bool:
    """'a transfer of American aero-engine technology', 'transferred a warship design': what
    moves is knowledge, part of a production deal, not materiel."""
    objects = [o for _p, o in prep_objects(token, {"of"})]
    objects += [c for c in token.children if c.dep_ in {"dobj", "compound"}]
    return any(lemma_of(o) in KNOW_HOW for o in objects)
