"""The actors particular event classes name: producers, trainees, buyers' suppliers, yards."""

from __future__ import annotations

from spacy.tokens import Token

from alliance_kg.model import Entity, EntityType, Role
from alliance_kg.pipeline.agents import clearing_clauses, owners_of
from alliance_kg.pipeline.candidate import Candidate
from alliance_kg.pipeline.context import ArticleContext
from alliance_kg.pipeline.lexicon import (
    DEALS,
    DISPATCHING,
    EXAMPLE_MARKERS,
    JOINT_MARKERS,
    ORIGIN_PARTICIPLES,
    PARTNER_NOUNS,
    PARTNERING,
    PLANT_NOUNS,
    SIGNING_VERBS,
    SITE_PREPOSITIONS,
    TERRITORY_NOUNS,
    TRAINEES,
)
from alliance_kg.pipeline.roles import (
    actors_of_np,
    direct_object,
    materiel_in,
    np_tokens,
    prep_objects,
    sent_for_work,
    subject_actors,
)
from alliance_kg.pipeline.trigger_checks import arrangement_of, is_leader, joint_bodies


def production_partners(token: Token, made: list[Token], ctx: ArticleContext) -> list[Entity]:
    """Whose design is made, and where, and with whom: 'GE's F414 engine in India',
    'U.S.-designed rockets', 'drones at a plant in Ukraine', 'shells together with Ukraine's
    arms group', 'negotiating with Lockheed Martin to build launchers', 'signed a deal with
    Ukraine to make shells', 'a plant ... with Embraer', 'under licence from GE', 'under a
    Danish-Ukrainian joint venture', 'a joint venture between Rheinmetall and Ukroboronprom',
    'missiles with Indonesian partners'."""
    found = [e for e in owners_of(made, ctx) if e.type is not EntityType.MATERIEL]
    found += _designers(made, ctx)
    found += host_countries(token, made, [], ctx)
    partners = [
        o
        for head in made
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ == "with"
        for o in prep.children
        if head.lemma_.lower() in PLANT_NOUNS  # "a plant ... with Embraer"
        or o.lemma_.lower() in PARTNER_NOUNS  # "missiles with Indonesian partners"
        or any(c.lemma_.lower() in JOINT_MARKERS for c in prep.children)
    ]
    terms = arrangement_of(token)
    if terms is not None:  # the licensor, the other party to the deal or venture
        partners += [terms, *(o for _p, o in prep_objects(terms, {"from", "with", "between"}))]
    for body in joint_bodies(token):  # "between X and Y", "X and Y agreed to set up"
        partners += [o for _p, o in prep_objects(body, {"between"})]
        if body.dep_ == "dobj":
            found += subject_actors(body.head, ctx)[0]
    clause = token.head if token.dep_ == "dobj" and token.pos_ == "NOUN" else token
    governor = clause.head if clause.dep_ in {"xcomp", "advcl", "acl"} else None
    if governor is not None and governor.lemma_.lower() in DEALS:
        governor = governor.head  # "signed an agreement with HII to study joint construction"
    if governor is not None and governor.lemma_.lower() in PARTNERING | SIGNING_VERBS:
        deals = [governor, *(c for c in governor.children if c.dep_ == "dobj")]
        partners += [o for deal in deals for _p, o in prep_objects(deal, {"with"})]
    return found + [e for o in partners for e in actors_of_np(o, ctx)[0]]


def trainees(institution: Token, ctx: ArticleContext) -> list[Entity]:
    """'the centre started taking Ukrainian students': whose people a body trains."""
    if institution.dep_ != "nsubj":
        return []
    verb = institution.head
    verbs = [verb, *(c for c in verb.children if c.dep_ == "xcomp")]
    return [
        e
        for v in verbs
        for o in v.children
        if o.dep_ == "dobj" and o.lemma_.lower() in TRAINEES
        for e in actors_of_np(o, ctx)[0]
    ]


def wanted_by(inputs: Token, ctx: ArticleContext) -> list[Entity]:
    """'parts that U.S. manufacturers struggle to source': who needs what is supplied."""
    return [
        e
        for clause in inputs.children
        if clause.dep_ == "relcl"
        for subject in clause.children
        if subject.dep_ == "nsubj"
        for e in actors_of_np(subject, ctx)[0]
    ]


def _designers(made: list[Token], ctx: ArticleContext) -> list[Entity]:
    """'U.S.-designed rockets', 'Korean-built tanks': the state a one-word origin names."""
    found = []
    for head in made:
        for t in np_tokens(head):
            origin, _, verb = t.lower_.rpartition("-")
            ref = ctx.gazetteer.country_named(origin) if verb in ORIGIN_PARTICIPLES else None
            if ref is not None:
                found.append(ref.entity())
    return found


def host_countries(
    token: Token, worked_on: list[Token], doers: list[Entity], ctx: ArticleContext
) -> list[Entity]:
    """The states where the work happens, other than the doers' own."""
    own = {ctx.gazetteer.country_of(e.iri) or e.iri for e in doers}
    found: dict[str, Entity] = {}
    for place in _work_sites(token, worked_on, ctx):
        state = ctx.state_of(place)
        if state is not None and state.iri not in own:
            found[state.iri] = state
    return list(found.values())


def _work_sites(token: Token, made: list[Token], ctx: ArticleContext) -> list[Entity]:
    """Places the work happens at: 'in'/'at'/'near'/'on' phrases of the trigger, of what it
    works on, of the verb it is the object or the purpose of ('build a plant in Ukraine to
    produce shells'); a state's soil is the state ('on Ukrainian soil'); a works named for
    its place ('the Williamtown plant should build')."""
    anchors = [token, *made]
    if token.dep_ == "dobj":  # "open a repair facility in Poland"
        anchors.append(token.head)
    if token.dep_ in {"advcl", "xcomp"} and token.head.pos_ == "VERB":
        anchors += [token.head, *(o for o in token.head.children if o.dep_ == "dobj")]
    clause = token.head if token.dep_ == "xcomp" else token
    if clause.dep_ in {"relcl", "advcl"} and any(c.lower_ == "where" for c in clause.children):
        where = clause.head  # "a factory near Kyiv where it plans to assemble drones"
        anchors += [where, *(o for o in where.children if o.dep_ == "dobj")]
    anchors += [  # "its plant at Williamtown should build"
        c
        for c in token.children
        if c.dep_ in {"nsubj", "nsubjpass"} and c.lemma_.lower() in PLANT_NOUNS
    ]
    places: list[Entity] = []
    for anchor in anchors:
        for _prep, obj in prep_objects(anchor, SITE_PREPOSITIONS):
            owners = [c for c in obj.children if c.dep_ in {"amod", "poss", "compound"}]
            named = owners if obj.lemma_.lower() in TERRITORY_NOUNS else []
            for head in (obj, *named, *(o for _p, o in prep_objects(obj, {"in"}))):
                place = ctx.place_of(head)
                if place is not None:
                    places.append(place)
    for plant in (a for a in anchors if a.lemma_.lower() in PLANT_NOUNS):  # "the Geelong plant"
        named = (ctx.place_of(c) for c in plant.children if c.dep_ == "compound")
        places += [place for place in named if place is not None]
    return places


def misparsed_dative(verb: Token, obj: Token, ctx: ArticleContext) -> list[Entity]:
    """'sending Ukraine cluster munitions' parsed as one noun phrase: a state's name right
    after the verb, as a modifier of its object, is the one receiving it."""
    first = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if first is None or first.pos_ != "PROPN" or first.dep_ != "compound":
        return []
    if first.head.i != obj.i and first.head.head.i != obj.i:
        return []
    entity = ctx.entity_of(first)
    return [entity] if entity is not None and entity.type is EntityType.COUNTRY else []


def named_among(token: Token, prep: str) -> list[Token]:
    """'..., including from South Korea', 'notably to Poland': the named members of a group
    the clause of `token` gives as source or destination."""
    return [
        obj
        for t in token.subtree
        if t.lower_ in EXAMPLE_MARKERS
        for p, obj in prep_objects(t, {prep})
    ]


def clearing_states(goods: list[Token], ctx: ArticleContext) -> list[Entity]:
    """'the purchase of Tomahawk missiles that the U.S. approved': the state that cleared the
    goods for sale sells them."""
    return [
        e
        for clause in clearing_clauses(goods, "relcl")
        for subject in clause.children
        if subject.dep_ == "nsubj"
        for e in actors_of_np(subject, ctx)[0]
    ]


def possessors(goods: Token, ctx: ArticleContext) -> list[Entity]:
    """Whose goods they are: 'its tanks', 'the first of Poland's tanks'."""
    for head in (goods, *(o for _p, o in prep_objects(goods, {"of"}))):
        for owner in head.children:
            if owner.dep_ == "poss":
                actors, _ = actors_of_np(owner, ctx)
                if actors:
                    return actors
    return []


def sender(noun: Token) -> Token | None:
    """The verb that sends equipment for this maintenance: 'send destroyers ... for overhauls'."""
    verb = noun.head.head if noun.dep_ == "pobj" else None
    if verb is None or verb.lemma_.lower() not in DISPATCHING:
        return None
    work = sent_for_work(verb)
    return verb if work is not None and work.i == noun.i else None


def sent_for_maintenance(
    c: Candidate, verb: Token, senders: list[Entity], ctx: ArticleContext
) -> None:
    """Who sends the equipment is the client; whose yards it goes to, the provider."""
    senders = subject_actors(verb, ctx)[0] or senders
    sent = direct_object(verb)
    if sent is not None:
        c.add(Role.MATERIEL, materiel_in([sent], ctx))
    yards = [o for _p, o in prep_objects(verb, {"to"})]
    providers = [e for e in owners_of(yards, ctx) if e.iri not in {s.iri for s in senders}]
    c.add(Role.CLIENT, senders)
    c.add(Role.PROVIDER, providers)
    c.add(Role.LOCATION, [p for p in (ctx.place_of(y) for y in yards) if p is not None])


def leaders_states(verb: Token, ctx: ArticleContext) -> list[Entity]:
    """The states whose leaders a meeting verb's clause names after it ('hosting European
    leaders, the NATO chief and Canada's prime minister'), a list the parser may have hung
    on the clause above: each leader's state takes part."""
    clauses = {verb.i, *(a.i for a in verb.ancestors)}
    found: list[Entity] = []
    for word in verb.sent[verb.i - verb.sent.start + 1 :]:
        governor = next((a for a in word.ancestors if a.pos_ in {"VERB", "AUX"}), None)
        if not is_leader(word) or governor is None or governor.i not in clauses:
            continue
        owners = [c for c in word.children if c.dep_ in {"poss", "amod", "compound"}]
        found += [e for e in owners_of(owners, ctx) if e.type is EntityType.COUNTRY]
    return found
