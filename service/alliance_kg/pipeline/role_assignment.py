"""The roles of a candidate from the phrases around its trigger."""

from __future__ import annotations

from spacy.tokens import Token

from alliance_kg.model import Entity, EntityType, Role
from alliance_kg.pipeline.agents import noun_anchor, outside_aid, owners_of, sides_above
from alliance_kg.pipeline.candidate import DIRECTED, MATERIEL_CLASSES, SHARED, Candidate, E
from alliance_kg.pipeline.context import ArticleContext
from alliance_kg.pipeline.lexicon import (
    ASSEMBLING,
    BUYING_NOUNS,
    BUYING_VERBS,
    DEALS_FOR_GOODS,
    FLEET_NOUNS,
    INDUSTRIAL_INPUTS,
    INDUSTRIAL_SITES,
    INSTITUTIONS,
    KNOW_HOW,
    POINTING_BACK,
    POLICY_NOUNS,
    PRODUCTION_NOUNS,
    PROGRAMME_NOUNS,
    RECEIVING_VERBS,
    SELECTING,
    SPENDING_VERBS,
    STRENGTHENING,
    TAKING_VERBS,
    WINNING_VERBS,
)
from alliance_kg.pipeline.materiel_phrases import (
    described_as,
    examples,
    first_items,
    goods_for,
    listed_with,
    product,
    production_in,
    stocks_drawn,
)
from alliance_kg.pipeline.participants import (
    clearing_states,
    host_countries,
    leaders_states,
    misparsed_dative,
    named_among,
    possessors,
    production_partners,
    sender,
    sent_for_maintenance,
    trainees,
    wanted_by,
)
from alliance_kg.pipeline.quantities import count_of
from alliance_kg.pipeline.roles import (
    actors_of_np,
    antecedent_object,
    awarder,
    conjunct_object,
    dative_passive,
    direct_object,
    entities_in,
    is_firm,
    materiel_in,
    more_objects,
    np_tokens,
    passive_subject,
    phrase_tokens,
    prep_objects,
    received,
    second_object_dative,
    stranded_object,
    subject_actors,
    subject_of,
    unknown_group,
    variant_of,
)
from alliance_kg.pipeline.trigger_checks import (
    arrival_states,
    arrivals,
    contents_verb,
    is_force,
    made_under_licence,
    materiel_arrives,
    names_materiel,
    partners_in,
    paying_aim,
    phrasal_lemma,
    secured_states,
    state_sources,
)
from alliance_kg.pipeline.trigger_phrases import (
    contract_goods,
    describes_contents,
    funders,
    gapped_givers,
    granted_sum,
    paid_for_states,
    paid_goods,
)
from alliance_kg.pipeline.triggers import Trigger

# Words whose subject or owner receives the materiel: 'buy', 'Poland's purchase', 'spent on'.
BUYERS_WORDS = BUYING_VERBS | BUYING_NOUNS | SPENDING_VERBS


def assign_roles(c: Candidate, trigger: Trigger, agents: list[Entity], ctx: ArticleContext) -> None:
    token = trigger.token
    if token.pos_ in {"NOUN", "PROPN"}:
        token = noun_anchor(token)
    obj = (
        (antecedent_object(token) or direct_object(token))
        if token.pos_ in {"VERB", "AUX"}
        else None
    )
    if obj is None and token.pos_ == "VERB":
        obj = conjunct_object(token)
    stranded = None
    if obj is None and token.pos_ == "VERB" and c.type in DIRECTED:
        obj = stranded = stranded_object(token, ctx)
    heads = [h for h in (obj, passive_subject(token)) if h is not None]
    if token.pos_ == "VERB":  # "sent Ukraine guns, as well as 18 howitzers"
        heads += [h for h in more_objects(token) if h not in heads]
    parts = {  # "designed with American technology", "built with American engines": no partner
        o.i
        for _p, o in prep_objects(token, {"with"})
        if o.lemma_.lower() in KNOW_HOW or (c.type is E.JOINT_PRODUCTION and names_materiel(o, ctx))
    }
    of_objects = [
        o for p, o in prep_objects(token, {"of", "for", "with", "on"}) if o.i not in parts
    ]
    if token.pos_ == "VERB":  # "spent $2 billion on F-35 jets from the United States"
        of_objects += [g for g in paid_goods(token) if g not in of_objects]
        if (paying := paying_aim(token)) is not None:  # "put up 200 million to pay for guns"
            of_objects += [g for g in paid_goods(paying) if g not in of_objects]
    if token.pos_ in {"NOUN", "PROPN"}:
        heads.append(token)
    described = described_as(token) if c.type in DIRECTED else None
    if described is not None:  # "Japan's first export was a set of radars"
        heads.append(described)
    if c.type is E.PERSONNEL_DEPLOYMENT and not heads and token.pos_ == "VERB":
        # "a submarine docked at Busan", "four boats are to rotate through Stirling"
        moved = subject_of(token)
        heads = [moved] if moved is not None and moved.dep_ in {"nsubj", "nsubjpass"} else []
    if c.type is E.ARMS_TRANSFER and token.lemma_.lower() in DEALS_FOR_GOODS | BUYING_NOUNS:
        heads += contract_goods(token)  # "placed an order with Kongsberg for NSM missiles"
    materiel = materiel_in(heads + of_objects, ctx) or materiel_in(goods_for(token), ctx)
    if c.type is E.JOINT_PRODUCTION:  # "missiles for the Chunmoo launchers": the missiles
        made = heads + [o for p, o in prep_objects(token, {"of", "with", "on"}) if o.i not in parts]
        materiel = product(made, ctx) or materiel
    joined = [o for _p, o in prep_objects(token, {"into", "in"})] if token.pos_ == "VERB" else []
    fleets = [
        t
        for h in heads + of_objects + joined
        for t in np_tokens(h, with_of=True)
        if t.lemma_.lower() in FLEET_NOUNS
        or (c.type is E.JOINT_PRODUCTION and t.lemma_.lower() in PROGRAMME_NOUNS)
    ]  # "assemble part of the fleet", "join the programme"
    fleet_work = {E.MAINTENANCE_COOPERATION, E.JOINT_PRODUCTION}
    if c.type in fleet_work and fleets and not materiel:  # "sustain the fleet"
        materiel = [s for s in [ctx.system_before(fleets[0])] if s is not None]
    if c.type is E.MAINTENANCE_COOPERATION and not materiel:  # "a hub ... to support the jets"
        materiel = materiel_in(_served(token), ctx)
    if c.type in MATERIEL_CLASSES:  # "weapons, starting with howitzers and expanding to drones"
        materiel += entities_in(first_items(token), ctx, {EntityType.MATERIEL})
    if c.type in {E.ARMS_TRANSFER, E.MILITARY_AID}:  # "aid, including $4bn to buy interceptors"
        materiel += entities_in(examples(heads + of_objects), ctx, {EntityType.MATERIEL})
    if token.pos_ not in {"VERB", "AUX"} and c.type in MATERIEL_CLASSES:
        materiel += materiel_in(listed_with(token) + stocks_drawn(token), ctx)
        if describes_contents(token):  # "the package includes 150 artillery barrels"
            listing = contents_verb(token)
            materiel += materiel_in([o for o in listing.children if o.dep_ == "dobj"], ctx)
    if c.type is E.CAPACITY_SHORTFALL and not materiel:  # "output of the SM-3 fell short"
        eaten = [o for _p, o in prep_objects(token, {"into"})]  # "eaten into its stocks"
        materiel = materiel_in(eaten, ctx) or materiel_in(sides_above(token), ctx)
    if c.type is E.CAPACITY_SHORTFALL and not materiel:  # "left the U.S. short of shells"
        materiel = entities_in(iter(outside_aid(token.sent)), ctx, {EntityType.MATERIEL})
    if c.type is E.CAPACITY_SHORTFALL and not materiel and _output_strained(heads):
        materiel = [s for s in [ctx.system_before(token)] if s is not None]
    if c.type is E.CAPACITY_SHORTFALL and {o.lemma_.lower() for o in of_objects} & (
        INDUSTRIAL_INPUTS
    ):  # "shortages of parts at the plant where it makes F-16s": the F-16s fall short
        materiel += production_in(token.sent, ctx)
    if c.type is E.SUPPLY_CHAIN_COOPERATION and all(
        ctx.gazetteer.is_generic(e.iri) for e in materiel
    ):  # none or only 'parts': "firms for rocket motors ..., and suppliers could feed parts"
        named = entities_in(iter(token.sent), ctx, {EntityType.MATERIEL})
        materiel += [e for e in named if not ctx.gazetteer.is_generic(e.iri)]
    if c.type in MATERIEL_CLASSES:
        c.add(Role.MATERIEL, materiel)
        for head in heads + of_objects:
            for t in phrase_tokens(head):
                entity = ctx.entity_of(t)
                if entity is not None and entity.type is EntityType.MATERIEL:
                    quantity = count_of(t)
                    if quantity is not None and quantity not in c.quantities:
                        c.quantities.append(quantity)
    targets = {
        p: [o for q, o in prep_objects(token, {p})]
        for p in ("to", "for", "from", "with", "between", "alongside", "in", "into", "at")
    }
    for head in ([obj] if obj is not None else []) + of_objects:  # "F-35s from the U.S."
        targets["from"] += [o for q, o in prep_objects(head, {"from"})]
    if token.pos_ in {"NOUN", "PROPN"}:  # "the handover of 12 fighters from Norway to Ukraine"
        targets["to"] += [o for head in of_objects for q, o in prep_objects(head, {"to"})]
    if token.pos_ == "VERB":  # "handed its howitzers, and most of the shells, to Ukraine"
        split = [c for c in token.children if c.dep_ == "conj" and c.pos_ not in {"VERB", "AUX"}]
        targets["to"] += [o for part in split for q, o in prep_objects(part, {"to"})]
        targets["to"] += _taken_with(token)
    if obj is not None:
        targets["to"] += [o for q, o in prep_objects(obj, {"to"})]
        targets["for"] += [o for q, o in prep_objects(obj, {"for"})]
        targets["in"] += [o for q, o in prep_objects(obj, {"in", "to"})]
    if token.pos_ in {"NOUN", "PROPN"} and token.dep_ == "dobj":  # "approved the sale ... to X"
        targets["to"] += [o for q, o in prep_objects(token.head, {"to"})]
        if c.type is E.MAINTENANCE_COOPERATION:  # "opened a repair hub ... for Ukrainian tanks"
            targets["for"] += [o for q, o in prep_objects(token.head, {"for"})]
    if described is not None:  # "... a set of radars made by Mitsubishi for the Philippines"
        targets["for"] += [
            t for t in described.subtree if t.dep_ == "pobj" and t.head.lower_ in {"for", "to"}
        ]
    if stranded is not None and stranded.head.pos_ == "VERB":
        for prep in ("to", "for", "from"):
            targets[prep] += [o for q, o in prep_objects(stranded.head, {prep})]
    for prep in ("to", "from"):  # "bought shells from allies, including from South Korea"
        targets[prep] += named_among(token, prep)
    targets["with"] += partners_in(token)  # "in partnership with French suppliers"
    targets["with"] = [o for o in targets["with"] if o.i not in parts]
    gapped = {e.iri for g in gapped_givers(token) for e in actors_of_np(g, ctx)[0]}

    def actors_at(*preps: str) -> list[Entity]:
        found: list[Entity] = []
        for prep in preps:
            for head in targets[prep]:
                found += actors_of_np(head, ctx)[0]
        return found

    if c.type in DIRECTED:
        giver_role, taker_role = DIRECTED[c.type]
        receiver = dative_passive(token) if token.pos_ == "VERB" else None
        if receiver is not None:  # "Ukraine was given tanks by the U.S.", 'by' on the tanks
            c.add(taker_role, actors_of_np(receiver, ctx)[0])
            retained = [o for o in token.children if o.dep_ == "dobj"]
            misplaced = [b for o in retained for _p, b in prep_objects(o, {"by"})]
            givers = agents or [e for b in misplaced for e in actors_of_np(b, ctx)[0]]
            c.add(giver_role, [e for e in givers if e.iri not in c.roles.get(taker_role, {})])
        elif c.type is E.ARMS_TRANSFER and token.lemma_.lower() in SELECTING and obj is not None:
            chosen = variant_of(obj)  # "weighs a version of Japan's frigate": Japan's
            owners = [e for e in owners_of([chosen], ctx) if e.type is EntityType.COUNTRY]
            c.add(Role.RECIPIENT, [e for e in agents if e.iri not in {o.iri for o in owners}])
            c.add(Role.SUPPLIER, owners)
        elif c.type is E.ARMS_TRANSFER and phrasal_lemma(token) in BUYERS_WORDS:
            c.add(Role.RECIPIENT, agents)
            buyers = {a.iri for a in agents}
            goods = ([obj] if obj is not None else []) + of_objects + _contenders(token, ctx)
            goods = [g for g in goods if not _is_actor(g, ctx)]  # "orders for Ukraine": a taker
            makers = [  # "a purchase of American missiles": the state the goods are from
                e
                for e in owners_of(goods, ctx) + clearing_states(goods, ctx)
                if e.type is EntityType.COUNTRY and e.iri not in buyers
            ]
            sellers = actors_at("from")
            if token.pos_ == "NOUN" and contract_goods(token):  # "placed an order with Boeing"
                sellers += actors_at("with") + [
                    e for o in _signed_with(token) for e in actors_of_np(o, ctx)[0]
                ]
            c.add(Role.SUPPLIER, [e for e in sellers if e.iri not in buyers] or makers)
            if targets["from"] and Role.SUPPLIER not in c.roles:
                c.unnamed.add(Role.SUPPLIER)
        elif token.lemma_.lower() in RECEIVING_VERBS or _taken(token):
            c.add(taker_role, agents)
            c.add(giver_role, actors_at("from"))
        elif materiel_arrives(token, ctx):  # "K2 tanks from South Korea arrived in Poland"
            sources = state_sources(token, ctx)
            c.add(giver_role, [e for t in sources for e in actors_of_np(t, ctx)[0]])
            c.add(taker_role, arrival_states(token, ctx))
            c.add(Role.MATERIEL, materiel_in(arrivals(token), ctx))
        elif token.pos_ == "VERB" and token.lemma_.lower() in TAKING_VERBS:
            c.add(taker_role, agents)
            c.add(
                giver_role, [e for t in state_sources(token, ctx) for e in actors_of_np(t, ctx)[0]]
            )
        elif c.type is E.ARMS_TRANSFER and token.lemma_.lower() in DEALS_FOR_GOODS:
            parties = [o for _p, o in prep_objects(token.head, {"from", "to"})]
            parties += _signed_with(token)
            others = actors_at("with", "from", "to") + [
                e for o in parties for e in actors_of_np(o, ctx)[0]
            ]
            won = token.head.lemma_.lower() in WINNING_VERBS
            if won or any(is_firm(a, ctx) for a in agents):
                c.add(Role.SUPPLIER, agents)
                c.add(Role.RECIPIENT, [e for e in others if e.iri not in c.roles[Role.SUPPLIER]])
            else:  # an agency or state placing an order buys, the firm it signs with supplies
                c.add(Role.RECIPIENT, agents)
                buyers = {a.iri for a in agents}
                sellers = [e for e in others if e.iri not in buyers]
                makers = [  # "a contract for South Korean K9 howitzers": the goods' state
                    e
                    for e in owners_of(contract_goods(token) + of_objects, ctx)
                    if e.type is EntityType.COUNTRY and e.iri not in buyers
                ]
                c.add(Role.SUPPLIER, sellers or makers)
        elif c.type is E.MILITARY_AID and (paid_for := paid_for_states(token)):
            c.add(Role.DONOR, agents)
            donors = {a.iri for a in agents}
            aided = [e for h in paid_for for e in actors_of_np(h, ctx)[0]]
            c.add(Role.RECIPIENT, [e for e in aided if e.iri not in donors])
        elif c.type is E.MILITARY_AID and (grant := granted_sum(token)) is not None:
            # "Britain will give Ukraine £2bn to buy air defences"
            c.add(Role.DONOR, subject_actors(grant, ctx)[0])
            aided = [
                e for _p, o in prep_objects(grant, {"to", "for"}) for e in actors_of_np(o, ctx)[0]
            ]
            c.add(Role.RECIPIENT, aided)
        elif c.type is E.MILITARY_AID and (payers := funders(token)):  # "with money from"
            c.add(Role.RECIPIENT, agents)
            c.add(Role.DONOR, [e for f in payers for e in actors_of_np(f, ctx)[0]])
        elif c.type is E.MILITARY_AID and token.lemma_.lower() in BUYING_VERBS:
            c.add(Role.DONOR, agents)
            c.add(Role.RECIPIENT, actors_at("for", "to"))
        elif c.type is E.MAINTENANCE_COOPERATION and sender(token) is not None:
            sent_for_maintenance(c, sender(token), agents, ctx)
        elif c.type is E.MAINTENANCE_COOPERATION:
            # "maintenance at MHI's yard": a known firm; a name the reference lacks is a site
            sites = [e for e in owners_of(targets["at"], ctx) if not e.minted]
            providers = agents or sites
            clients = owners_of(heads + of_objects, ctx) + actors_at("for")
            clients = [
                e
                for e in clients
                if e.iri not in {a.iri for a in providers} and e.type is not EntityType.PERSON
            ]
            if not clients and token.dep_ in {"relcl", "acl"}:  # "a fleet that Hagglunds rebuilt"
                clients = [e for e in _keepers(token.head, ctx) if e not in providers]
            if not clients and (awarding := awarder(token)) is not None:  # "awarded Hanwha a deal"
                clients = actors_of_np(awarding, ctx)[0]
            if providers and not clients:  # "Safran will open an engine repair hub in India"
                clients = host_countries(token, heads + of_objects, providers, ctx)
            if not providers:  # "repair work for U.S. warships in Japan": done by Japan's yards
                providers = [
                    e
                    for e in owners_of(targets["in"], ctx)
                    if e.type is EntityType.COUNTRY and e.iri not in {x.iri for x in clients}
                ]
            c.add(Role.PROVIDER, providers)
            c.add(Role.CLIENT, clients)
        else:
            if not agents and passive_subject(token) is not None:  # "its tanks were delivered"
                agents = possessors(passive_subject(token), ctx)
            c.add(giver_role, agents)
            if not agents and c.inferred:  # "allies will provide": someone, though not known
                c.unnamed.add(giver_role)
            takers = actors_at("to", "for")
            if c.type is E.MILITARY_AID and token.pos_ == "VERB":  # "to strengthen security in"
                takers += [e for h in secured_states(token) for e in actors_of_np(h, ctx)[0]]
            if obj is not None and (c.type is E.MILITARY_AID or targets["with"]):
                takers += [e for e in actors_of_np(obj, ctx)[0] if e.type is EntityType.COUNTRY]
            if not takers and obj is not None:
                takers = misparsed_dative(token, obj, ctx)
            dative = second_object_dative(token) if token.pos_ == "VERB" else None
            if not takers and dative is not None:  # "has sent Ukraine dozens of guns"
                takers = actors_of_np(dative, ctx)[0]
            if not takers and (awarding := awarder(token)) is not None:  # "awarded Hanwha a deal"
                takers = actors_of_np(awarding, ctx)[0]
            givers = {a.iri for a in agents} | gapped  # "to Ukraine and the Netherlands 24"
            c.add(taker_role, [e for e in takers if e.iri not in givers])
            sources = [
                e for e in actors_at("from") if e.type is EntityType.COUNTRY and e.iri not in givers
            ]
            if agents and sources and not takers:  # "Slovakia will lease tanks from Norway"
                c.roles.pop(giver_role, None)
                c.add(taker_role, agents)
                c.add(giver_role, sources)
            if not takers and any(unknown_group(h) for h in targets["to"] + targets["for"]):
                c.unnamed.add(taker_role)  # "to send weapons to a country at war"
    else:
        extra = (
            ("with", "between", "for", "to")
            if c.type is E.SUPPLY_CHAIN_COOPERATION
            else ("with", "between", "alongside")  # "drilled alongside American troops"
        )
        c.add(Role.PARTICIPANT, agents + actors_at(*extra))
        if c.type is E.SUPPLY_CHAIN_COOPERATION and obj is not None:
            c.add(Role.PARTICIPANT, wanted_by(obj, ctx))
        if c.type is E.SUPPLY_CHAIN_COOPERATION and c.actor_iris():
            # "Airbus will supply parts for the Hurjet": a supplier of its maker
            c.add(Role.PARTICIPANT, _makers(c, ctx, besides=_states_of(c, ctx)))
        if (
            c.type is E.SUPPLY_CHAIN_COOPERATION
            and token.dep_ == "pobj"
            and token.head.lower_ == "into"
        ):
            brought = [o for o in token.head.head.children if o.dep_ in {"dobj", "nsubjpass"}]
            c.add(Role.PARTICIPANT, [e for o in brought for e in actors_of_np(o, ctx)[0]])
        subject = next((t for t in token.children if t.dep_ == "nsubj"), None)
        if (
            c.type is E.DEFENSE_COOPERATION
            and obj is not None
            and obj.lemma_.lower() in INSTITUTIONS
        ):
            # "an F-16 training centre set up by Romania ... started taking Ukrainian students"
            c.add(Role.PARTICIPANT, trainees(obj, ctx))
            kinds = [m for m in obj.children if m.dep_ == "compound"]
            c.add(Role.MATERIEL, materiel_in(kinds, ctx))
        if c.type is E.DEFENSE_COOPERATION and token.dep_ == "dobj":  # "gave U.S. troops access"
            granted = [d for d in token.head.children if d.dep_ == "dative"]
            c.add(Role.PARTICIPANT, [e for d in granted for e in actors_of_np(d, ctx)[0]])
        if c.type is E.DEFENSE_COOPERATION and subject is not None:  # "a pact between X and Y"
            found = [o for _p, o in prep_objects(subject, {"between", "among"})]
            c.add(Role.PARTICIPANT, [e for o in found for e in actors_of_np(o, ctx)[0]])
        if c.type is E.JOINT_PRODUCTION:
            c.add(Role.PARTICIPANT, production_partners(token, heads + of_objects, ctx))
        assembled = phrasal_lemma(trigger.token) in ASSEMBLING  # kits another state designed
        if c.type is E.JOINT_PRODUCTION and (
            c.joint or assembled or made_under_licence(trigger.token)
        ):
            _add_partner(c, ctx)  # "the K2PL will be assembled in Poland by Bumar-Labedy"
        together = c.joint or (
            c.type is E.SUPPLY_CHAIN_COOPERATION and token.head.lemma_.lower() in STRENGTHENING
        )
        if c.type in SHARED - {E.DEFENSE_COOPERATION} and together and not c.actor_iris():
            # "co-production of the Stryker is on the table", "enhancing supply chains"
            c.add(Role.PARTICIPANT, ctx.focus(2))
            c.inferred = True
        met = obj if obj is not None else received(token)
        if c.type is E.LEADERS_MEETING and met is not None:
            c.add(Role.PARTICIPANT, actors_of_np(met, ctx)[0])
        if c.type is E.LEADERS_MEETING and token.pos_ == "VERB":
            c.add(Role.PARTICIPANT, leaders_states(token, ctx))
        if c.type is E.PERSONNEL_DEPLOYMENT and obj is not None and is_force(obj):
            # "host American troops": the state of the forces hosted
            c.add(
                Role.PARTICIPANT, [e for e in owners_of([obj], ctx) if e.type is EntityType.COUNTRY]
            )
    if c.type in {E.LEADERS_MEETING, E.PERSONNEL_DEPLOYMENT, E.MAINTENANCE_COOPERATION}:
        heads = [h for p in ("in", "to", "into", "at") for h in targets[p]]
        if c.type is E.LEADERS_MEETING and token.pos_ in {"NOUN", "PROPN"}:
            heads += [
                t
                for t in phrase_tokens(token)
                if t.dep_ == "pobj" and t.head.lower_ in {"in", "at"}
            ]
        if c.type is E.PERSONNEL_DEPLOYMENT:
            heads += [
                t for t in token.subtree if t.dep_ == "pobj" and t.head.lower_ in {"in", "to"}
            ]
        if c.type is E.LEADERS_MEETING and token.lemma_ == "visit" and obj is not None:
            heads.append(obj)
        places = [p for p in (ctx.place_of(h) for h in heads) if p is not None]
        c.add(Role.LOCATION, places)
        if c.type is E.LEADERS_MEETING:  # the host state meets its visitors
            hosts = [ctx.state_of(p) for p in places]
            c.add(Role.PARTICIPANT, [h for h in hosts if h is not None])
    if c.type is E.POLICY_CHANGE:  # "approved the sale of the fighter": what the rule governs
        c.add(Role.MATERIEL, materiel)
        owners = [e for e in owners_of(heads, ctx) if e.type is EntityType.COUNTRY]
        c.add(Role.PARTICIPANT, owners)  # "lift Spain's defence spending": Spain's own policy
        policies = entities_in(
            iter([t for h in heads + of_objects for t in phrase_tokens(h)]),
            ctx,
            {EntityType.POLICY},
        )
        c.add(Role.POLICY, policies)
        if not agents:
            for policy in policies:
                state = ctx.state_of(policy)
                if state is not None:
                    c.add(Role.PARTICIPANT, [state])
                    c.inferred = True
        told = ctx.last_subject_sentence
        if told is not None and any(_policy_told_before(h) for h in heads):
            # "Sweden had barred exports of its howitzers. That ban was lifted": what it was
            # about, and who set it if no one lifts it by name
            if not c.roles.get(Role.MATERIEL):
                c.add(Role.MATERIEL, entities_in(iter(told), ctx, {EntityType.MATERIEL}))
            if not c.actor_iris():
                states = [e for e in ctx.last_subject if e.type is EntityType.COUNTRY]
                c.add(Role.PARTICIPANT, states)
                c.inferred = True


def _policy_told_before(noun: Token) -> bool:
    """'that ban', 'the rules', 'this hold': a policy noun whose determiner points back to the
    restriction or plan the sentences before described, with no owner of its own."""
    if noun.lemma_.lower() not in POLICY_NOUNS:
        return False
    determiners = {c.lower_ for c in noun.children if c.dep_ == "det"}
    owned = any(c.dep_ == "poss" for c in noun.children)
    return bool(determiners & POINTING_BACK) and not owned


def _add_partner(c: Candidate, ctx: ArticleContext) -> None:
    """A joint, licence or local production naming one side only: the partner whose design
    is made is the maker of the system (from the reference), else another state the sentence
    names, else the other state the article is about."""
    actors = c.actor_iris()
    states = {s for iri in actors if (s := ctx.gazetteer.country_of(iri)) is not None}
    own = states or actors  # "Airbus ... in Spain": a firm of several states is the state named
    if len(own) != 1:
        return
    designers = _makers(c, ctx, besides=own)
    if designers:  # "PT Dirgantara Indonesia will assemble KAAN jets": with Turkish Aerospace
        c.add(Role.PARTICIPANT, designers)
        c.inferred = True
        return
    named = entities_in(iter(c.sentence), ctx, {EntityType.COUNTRY, EntityType.ORGANIZATION})
    states = [s for e in named if (s := ctx.state_of(e)) is not None]
    c.add(Role.PARTICIPANT, [e for e in states + ctx.focus(2) if e.iri not in own][:1])
    c.inferred = True


def _taken_with(verb: Token) -> list[Token]:
    """'sold the jet abroad, with Nigeria receiving its first three': who takes what the
    verb hands over, told in a 'with' clause."""
    return [
        subject
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ == "with"
        for clause in prep.children
        if clause.dep_ == "pcomp" and clause.lemma_.lower() in RECEIVING_VERBS | TAKING_VERBS
        for subject in clause.children
        if subject.dep_ == "nsubj"
    ]


def _makers(c: Candidate, ctx: ArticleContext, besides: set[str]) -> list[Entity]:
    """The makers of the systems a candidate names (reference data), each with its state,
    other than of the states or actors `besides`: 'parts for Hurjets' -> Turkish Aerospace,
    Turkey."""
    found: list[Entity] = []
    for iri in c.roles.get(Role.MATERIEL, {}):
        ref = ctx.gazetteer.get(iri)
        for maker in ref.makers if ref is not None else []:
            made_by = ctx.gazetteer.get(maker)
            side = ctx.with_country(made_by.entity()) if made_by is not None else []
            if side and not {e.iri for e in side} & besides:
                found += side
    return found


def _served(work: Token) -> list[Token]:
    """What a repair works is for, told as its purpose: 'a repair centre to support the jets',
    'weighing a maintenance hub in Hungary to service the Gripens'."""
    holders = [work, work.head] if work.dep_ == "dobj" else [work]
    purposes = [
        v
        for holder in holders
        for v in holder.children
        if v.dep_ in {"acl", "advcl", "relcl"} and any(a.lower_ == "to" for a in v.children)
    ]
    return [o for v in purposes for o in v.children if o.dep_ == "dobj"]


def _states_of(c: Candidate, ctx: ArticleContext) -> set[str]:
    """The actors of a candidate and the states they belong to."""
    actors = c.actor_iris()
    return actors | {s for iri in actors if (s := ctx.gazetteer.country_of(iri)) is not None}


def _contenders(purchase: Token, ctx: ArticleContext) -> list[Token]:
    """'weighing a buy of fighters, with the Swedish Gripen and the F-16 in contention': the
    systems a 'with' phrase of the clause names beside a purchase weighed or made."""
    if purchase.pos_ not in {"NOUN", "PROPN"} or purchase.dep_ != "dobj":
        return []
    return [o for _p, o in prep_objects(purchase.head, {"with"}) if names_materiel(o, ctx)]


def _is_actor(head: Token, ctx: ArticleContext) -> bool:
    """The word itself names a state or an organisation, not goods."""
    entity = ctx.entity_of(head)
    return entity is not None and entity.type in {EntityType.COUNTRY, EntityType.ORGANIZATION}


def _taken(noun: Token) -> bool:
    """'Romania took delivery of HIMARS', 'Kyiv awaits the shipment': its subject receives."""
    return noun.pos_ in {"NOUN", "PROPN"} and (
        noun.dep_ == "dobj" and noun.head.lemma_.lower() in TAKING_VERBS
    )


def _signed_with(deal: Token) -> list[Token]:
    """Who a deal or order is concluded with: 'signed a deal for 152 howitzers with South
    Korea', 'placed an order worth €8.5 billion for shells with Rheinmetall'."""
    parties = [o for _p, o in prep_objects(deal.head, {"with"})]
    return parties + [
        t
        for goods in contract_goods(deal)
        for t in goods.subtree
        if t.dep_ == "pobj" and t.head.lower_ == "with"
    ]


def _output_strained(heads: list[Token]) -> bool:
    """'production lines have been stretched', 'the plants are strained': output is short,
    of the system the article is about when the sentence names none."""
    words = {t.lemma_.lower() for h in heads for t in np_tokens(h)}
    return bool(words & (INDUSTRIAL_SITES | PRODUCTION_NOUNS))


def _keepers(equipment: Token, ctx: ArticleContext) -> list[Entity]:
    """Who holds equipment a relative clause says was serviced: the subject of the clause that
    names it ('Norway plans to add vehicles to a fleet that ...', 'the Navy operates frigates
    that ...')."""
    holder = equipment.head.head if equipment.dep_ == "pobj" else equipment.head
    if equipment.dep_ not in {"dobj", "pobj"} or holder.pos_ != "VERB":
        return []
    return [e for e in subject_actors(holder, ctx)[0] if e.type is not EntityType.PERSON]
