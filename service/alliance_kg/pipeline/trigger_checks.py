"""Checks of a trigger word's context: who meets, what moves, what a policy is about."""

from __future__ import annotations

from spacy.tokens import Token

from alliance_kg.model import Entity, EntityType
from alliance_kg.pipeline.context import ArticleContext
from alliance_kg.pipeline.lexicon import (
    AGREEMENT_NOUNS,
    ARRIVING_VERBS,
    AWAITING_VERBS,
    CAPACITY_UNITS,
    CLEARING_VERBS,
    COMPANY_NOUNS,
    CONTAINING,
    CONTRIBUTING_VERBS,
    CRAFT_MOVING_VERBS,
    DEAL_NOUNS,
    DEALS,
    DEMAND_NOUNS,
    ESTABLISHING,
    EXERCISE_NOUNS,
    EXERCISING_VERBS,
    EXPORT_HALTING,
    EXPORT_WORDS,
    FEW_NOUNS,
    FORCE_GROUP_MODIFIERS,
    FUNDING_VERBS,
    FUNDS,
    FURTHER_WORDS,
    GIVING_VERBS,
    HALTED_TIES,
    HOLDING_STOCK,
    HOLDING_VERBS,
    IN_SERVICE,
    INDUSTRIAL_INPUTS,
    INPUT_ACCORDS,
    INSTITUTIONS,
    JOINT_BODIES,
    JOINT_MARKERS,
    KEEPING,
    LACKING,
    LAGGING_VERBS,
    LAWS,
    LEADER_NOUNS,
    LEAVING_VERBS,
    LICENCES,
    LICENSING,
    LOCAL_MARKERS,
    MAINTAINED_NOUNS,
    MEETING_PHRASES,
    MILITARY_WORDS,
    MINISTERIAL,
    MISSION_NOUNS,
    MORE_WORDS,
    NEEDING_VERBS,
    NOUN_TRIGGERS,
    ONLY_WORDS,
    OUTPACING_VERBS,
    PARTICIPATING,
    PAYING_VERBS,
    PERMITTING,
    PERSONAL_POSSESSIVES,
    PERSONNEL_NOUNS,
    PHRASAL_VERBS,
    PLACING_PREPOSITIONS,
    PLANT_NOUNS,
    POLICY_DOCUMENTS,
    POLICY_NOUNS,
    POSTING_VERBS,
    PREPOSITIONAL_VERBS,
    PRESENCE_MODIFIERS,
    PRESENCE_NOUNS,
    PRODUCER_NOUNS,
    PRODUCTION_NOUNS,
    PUBLISHING_VERBS,
    RAISING_VERBS,
    RUNNING_OUT,
    SCHEMES,
    SECURING_VERBS,
    SHARE_WORDS,
    SHIP_PREFIXES,
    SHORT_ADJECTIVES,
    SPENDING_WORDS,
    STAYING_VERBS,
    STOCK_NOUNS,
    STRENGTHENING,
    TIES,
    TOGETHER_MARKERS,
    TOO_LITTLE,
    TRAVELLING_VERBS,
    UNABLE,
    VERB_TRIGGERS,
    VISITING,
    WORKING_TOGETHER,
)
from alliance_kg.pipeline.quantities import CURRENCY_WORDS
from alliance_kg.pipeline.roles import (
    actors_of_np,
    government_named,
    is_firm,
    np_tokens,
    phrase_tokens,
    prep_objects,
    subject_actors,
    subject_of,
    unknown_group,
)


def lemma_of(token: Token) -> str:
    return token.lemma_.lower()


def phrasal_lemma(verb: Token) -> str:
    """The trigger verb a phrasal verb means ('turned over' -> hand, 'signed up for' -> buy,
    'put together' -> assemble, 'signed for two frigates' -> buy), else the verb's lemma."""
    lemma = lemma_of(verb)
    for child in verb.children:
        if child.dep_ in {"prt", "advmod"} and (lemma, child.lower_) in PHRASAL_VERBS:
            return PHRASAL_VERBS[(lemma, child.lower_)]
    if any(c.dep_ == "dobj" for c in verb.children):
        return lemma  # "signed a deal for two frigates": the deal reports it
    for child in verb.children:
        meant = PREPOSITIONAL_VERBS.get((lemma, child.lower_))
        if meant and child.dep_ == "prep" and any(g.dep_ == "pobj" for g in child.children):
            return meant
    return lemma


def has_joint_marker(token: Token) -> bool:
    if token.lower_.startswith("co") and lemma_of(token) in {
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
        lemma_of(c) in JOINT_MARKERS and (lemma_of(token), c.lower_) not in PHRASAL_VERBS
        for c in token.children
        if c.dep_ in {"amod", "advmod", "compound", "npadvmod"}
    )  # "put the jets together" assembles them, with no partner


def made_together(token: Token) -> bool:
    """Production by two hands: 'co-produce', 'jointly build', 'make parts in partnership with
    French suppliers', or by a joint venture."""
    return has_joint_marker(token) or bool(joint_bodies(token)) or bool(partners_in(token))


def partners_in(verb: Token) -> list[Token]:
    """Whom a verb is done 'in partnership with', 'in cooperation with' ('make parts of the
    aircraft in partnership with French suppliers')."""
    return [
        partner
        for _p, way in prep_objects(verb, {"in"})
        if lemma_of(way) in WORKING_TOGETHER
        for _q, partner in prep_objects(way, {"with"})
    ]


def joint_bodies(token: Token) -> list[Token]:
    """The joint venture that makes: 'a joint venture ... will make', 'formed a joint venture
    to make', 'a joint venture that would make', 'produced under a joint venture'."""
    bodies = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
    bodies.append(arrangement_of(token))
    if token.dep_ in {"acl", "relcl"}:
        bodies.append(token.head)
    if token.dep_ in {"xcomp", "advcl"}:
        bodies += [c for c in token.head.children if c.dep_ == "dobj"]
    return [
        b for b in bodies if b is not None and lemma_of(b) in JOINT_BODIES and has_joint_marker(b)
    ]


def made_under_licence(token: Token) -> bool:
    """Another's design made by consent, or a foreign one at home: 'built under licence',
    'licence production', 'licence-built', 'assembled locally', 'local assembly'."""
    terms = arrangement_of(token)
    if terms is not None and {lemma_of(terms), *map(lemma_of, terms.children)} & LICENSING:
        return True
    if token.i >= 2 and token.nbor(-1).text == "-" and token.nbor(-2).lower_ in LICENSING:
        return True
    return any(
        lemma_of(c) in LICENSING | LOCAL_MARKERS
        for c in token.children
        if c.dep_ in {"amod", "advmod", "compound", "npadvmod"}
    )


def by_a_company(verb: Token, ctx: ArticleContext) -> bool:
    """The verb's doer is a firm: 'Hanwha will support Estonia', 'the company stands ready to
    support Estonia'."""
    doer = subject_of(verb)
    if doer is None:
        return False
    if lemma_of(doer) in COMPANY_NOUNS:
        return True
    entity = ctx.entity_of(doer)
    return entity is not None and is_firm(entity, ctx)


def built_for_a_buyer(verb: Token, ctx: ArticleContext) -> bool:
    """'Naval Group will build four submarines for the Netherlands', 'is building the Lynx for
    Hungary': a firm making materiel for another state sells it to that state."""
    subject = subject_of(verb)
    maker = ctx.entity_of(subject) if subject is not None else None
    if maker is None or maker.type is not EntityType.ORGANIZATION or government_named(maker):
        return False
    home = ctx.gazetteer.country_of(maker.iri)
    goods = [c for c in verb.children if c.dep_ == "dobj"]
    buyers = [  # "for Hungary", "for the Egyptian Navy"
        b
        for head in (verb, *goods)
        for _p, o in prep_objects(head, {"for"})
        for b in actors_of_np(o, ctx)[0]
    ]
    states = {ctx.gazetteer.country_of(b.iri) for b in buyers}
    return home is not None and bool(states - {None, home})


def describes_goods(verb: Token) -> bool:
    """A production verb that says how goods came to be, not an event: 'interceptors built by
    MHI' (a participle), 'the weapons are made for this war' (a passive 'make' with no
    maker), 'made the weapons available'."""
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return True
    if lemma_of(verb) != "make":
        return False
    deps = {c.dep_ for c in verb.children}
    return bool(deps & {"ccomp", "oprd", "xcomp"}) or ("auxpass" in deps and "agent" not in deps)


def arrangement_of(token: Token) -> Token | None:
    """What a thing is made under: 'under licence from GE', 'under a licence agreement with
    MBDA', 'under the work-share agreement', 'under a joint venture'."""
    for prep in phrase_tokens(token):  # the parser may hang it on the object: "plant under"
        if prep.dep_ == "prep" and prep.lower_ == "under":
            return next((o for o in prep.children if o.dep_ == "pobj"), None)
    return None


def sets_up(verb: Token) -> bool:
    """'opened', 'established', 'set up' (not a bare 'set')."""
    return lemma_of(verb) in ESTABLISHING and (
        lemma_of(verb) != "set" or any(c.lower_ == "up" for c in verb.children)
    )


def works_for_materiel(noun: Token, ctx: ArticleContext) -> bool:
    """'an ammunition factory', 'a production line for Gripen fighters', 'a plant making
    drones': works that make materiel (a repair facility does not)."""
    if lemma_of(noun) not in PLANT_NOUNS:
        return False
    modifiers = {lemma_of(c) for c in noun.children if c.dep_ in {"compound", "amod"}}
    if any(NOUN_TRIGGERS.get(m) is not None for m in modifiers):
        return False  # "a repair facility", "an export line"
    heads = [noun, noun.head] if noun.dep_ == "dobj" else [noun]  # "build a plant for shells"
    made = list(np_tokens(noun, with_of=True)) + [
        t for head in heads for _p, o in prep_objects(head, {"for"}) for t in phrase_tokens(o)
    ]
    return bool(modifiers & PRODUCTION_NOUNS) or EntityType.MATERIEL in entity_types(made, ctx)


def founds_venture(verb: Token, ctx: ArticleContext) -> bool:
    """'launched their radar joint venture', 'set up a joint venture for armoured vehicles':
    a joint venture founded for named materiel (the parser may split 'armoured vehicles joint
    venture' into two objects)."""
    if not sets_up(verb):
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    bodies = [o for o in objects if lemma_of(o) in JOINT_BODIES and has_joint_marker(o)]
    made = [t for o in objects for t in np_tokens(o, with_of=True)]
    made += [t for b in bodies for _p, o in prep_objects(b, {"for"}) for t in phrase_tokens(o)]
    return bool(bodies) and EntityType.MATERIEL in entity_types(made, ctx)


def kept_in_service(verb: Token, ctx: ArticleContext) -> bool:
    """'keep the Turkish fleet flying', 'keep its F-16 jets operational': maintenance."""
    if lemma_of(verb) not in KEEPING:
        return False
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        states = [*verb.children, *obj.children]
        in_service = any(s.lower_ in IN_SERVICE for s in states if s.i > obj.i)
        kept = lemma_of(obj) in MAINTAINED_NOUNS or EntityType.MATERIEL in entity_types(
            list(np_tokens(obj)), ctx
        )
        if in_service and kept:
            return True
    return False


def entity_types(tokens: list[Token], ctx: ArticleContext) -> set[EntityType]:
    kinds = set()
    for token in tokens:
        entity = ctx.entity_of(token)
        if entity is not None:
            kinds.add(entity.type)
    return kinds


def object_phrase(token: Token) -> list[Token]:
    heads = [c for c in token.children if c.dep_ in {"dobj", "attr", "nsubjpass", "pobj"}]
    heads += [
        c for c in token.children if c.dep_ == "prep" and c.lower_ in {"of", "for", "on", "to"}
    ]
    tokens: list[Token] = []
    for head in heads:
        tokens.extend(phrase_tokens(head))
    return tokens


def meets_with(verb: Token, ctx: ArticleContext) -> bool:
    """'sat down with President Biden': a phrasal verb of meeting with a leader or state."""
    particle = MEETING_PHRASES.get(lemma_of(verb))
    if particle is None or not any(c.dep_ == "prt" and c.lower_ == particle for c in verb.children):
        return False
    met = [t for _, obj in prep_objects(verb, {"with"}) for t in phrase_tokens(obj)]
    return bool(entity_types(met, ctx) & {EntityType.PERSON, EntityType.COUNTRY})


def is_leader(word: Token) -> bool:
    """'leaders', 'the president', "Canada's prime minister": a head of state or government."""
    lemma = lemma_of(word)
    prime = lemma == "minister" and any(c.lower_ == "prime" for c in word.children)
    return lemma in LEADER_NOUNS or prime


def is_official(word: Token) -> bool:
    """A leader or a minister: 'the president', 'the defence secretary'."""
    return is_leader(word) or lemma_of(word) in MINISTERIAL


def leaders_meet(verb: Token, ctx: ArticleContext) -> bool:
    """'Yoon and Biden are scheduled to meet', 'the leaders of the three states gathered':
    the ones meeting (the verb's subject or its controller's) are leaders."""
    subject = subject_of(verb)
    if subject is None:
        return False
    if lemma_of(subject) in LEADER_NOUNS:
        return True
    return EntityType.PERSON in entity_types(list(phrase_tokens(subject)), ctx)


def leader_travels(verb: Token, ctx: ArticleContext) -> bool:
    """'the defence minister is expected to travel to New Delhi': a leader or minister going to
    a state or its capital, where its leaders receive them ('flew to Cairo to meet', 'travelled
    to Berlin for talks' are told by the words of meeting)."""
    if lemma_of(verb) not in TRAVELLING_VERBS:
        return False
    subject = subject_of(verb)
    purposes = [c for c in verb.children if c.dep_ in {"xcomp", "advcl"}]
    purposes += [o for _p, o in prep_objects(verb, {"for"})]
    if subject is None or any(
        lemma_of(p) in VERB_TRIGGERS or p.lower_ in NOUN_TRIGGERS for p in purposes
    ):
        return False
    kinds = entity_types(list(phrase_tokens(subject)), ctx)
    if not (is_official(subject) or EntityType.PERSON in kinds):
        return False
    return EntityType.COUNTRY in entity_types([o for _p, o in prep_objects(verb, {"to"})], ctx)


def supplies_halted(verb: Token) -> bool:
    """'will not send further weapons', 'will send no more tanks': a halt of supplies, a policy."""
    if lemma_of(verb) not in GIVING_VERBS:
        return False
    sent = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    further = any(m.lower_ in FURTHER_WORDS for o in sent for m in o.children)
    refused = any(c.dep_ == "neg" for c in verb.children) or any(
        m.dep_ == "det" and m.lower_ == "no" for o in sent for m in o.children
    )
    return further and refused


def ties_halted(verb: Token, obj: Token | None) -> bool:
    """'froze most of its military programmes in Niger', 'suspended security assistance'."""
    if obj is None or lemma_of(verb) not in EXPORT_HALTING:
        return False
    held = [obj, *(o for _p, o in prep_objects(obj, {"of"}))]  # "most of its programmes"
    return any(lemma_of(o) in HALTED_TIES for o in held)


def share_targeted(verb: Token) -> bool:
    """'lifting defence spending to 3 percent', 'raise the budget to 2.5% of GDP': a spending
    target."""
    raised = [c for c in verb.children if c.dep_ == "dobj"]
    if lemma_of(verb) not in RAISING_VERBS or not all(
        lemma_of(o) in SPENDING_WORDS for o in raised
    ):
        return False
    return any(t.lower_ in SHARE_WORDS for _p, o in prep_objects(verb, {"to"}) for t in o.subtree)


def enacted_by_law(verb: Token) -> bool:
    """'a 2019 law that scrapped the old funding system': a law changing what it names."""
    subject = subject_of(verb)
    if subject is not None and subject.tag_ == "WDT" and verb.dep_ == "relcl":
        subject = verb.head
    return subject is not None and lemma_of(subject) in LAWS


def policy_published(verb: Token, obj: Token | None) -> bool:
    """'published a Defence Capability Plan', 'unveiled a new defence strategy' ('a plan to
    lift spending' is told by the verb it is a plan to)."""
    if obj is None or lemma_of(verb) not in PUBLISHING_VERBS:
        return False
    if any(c.dep_ == "acl" for c in obj.children):
        return False
    if lemma_of(obj) not in POLICY_DOCUMENTS:
        return False
    return any(lemma_of(t) in MILITARY_WORDS for t in obj.subtree)


def received_by(verb: Token, ctx: ArticleContext) -> set[EntityType]:
    """The kinds of the passive agent: 'Starmer, who was received by President Erdogan'."""
    by = [t for c in verb.children if c.dep_ == "agent" for t in c.subtree]
    return entity_types(by, ctx)


def negotiating(talks: Token) -> bool:
    """'are in talks with NATO', 'open talks on a procurement agreement': talks that are a
    negotiation, not a meeting."""
    if talks.dep_ == "pobj" and talks.head.lower_ == "in":
        return True
    topics = [o for _, o in prep_objects(talks, {"on", "about", "over"})]
    return any(lemma_of(o) in DEALS for o in topics)


def agreement_negotiated(talks: Token, ctx: ArticleContext) -> bool:
    """'talks on a reciprocal access agreement', 'talks about a visiting forces agreement':
    the talks negotiate a named cooperation agreement (an unnamed one is a trigger itself)."""
    topics = [o for _, o in prep_objects(talks, {"on", "about", "over"})]
    return any(
        lemma_of(o) in AGREEMENT_NOUNS
        and entity_types(list(phrase_tokens(o)), ctx) == {EntityType.POLICY}
        for o in topics
    )


def closer_ties(obj: Token) -> bool:
    """'defence ties', 'their security relationship': military ties between states."""
    modifiers = {lemma_of(c) for c in obj.children if c.dep_ in {"compound", "amod"}}
    return lemma_of(obj) in TIES and bool(modifiers & MILITARY_WORDS)


def is_institution(noun: Token) -> bool:
    """'a working group', 'a joint task force', 'INDUS-X, a network to link start-ups': a
    body set up to work together."""
    if lemma_of(noun) in INSTITUTIONS:
        return True
    if any(c.dep_ == "appos" and lemma_of(c) in INSTITUTIONS for c in noun.children):
        return True
    return lemma_of(noun) == "force" and any(c.lower_ == "task" for c in noun.children)


def between_ministers(token: Token) -> bool:
    """'two-plus-two talks between the ministers', 'a defence minister's talks': ministers meet."""
    words = [t.lower_ for t in token.sent]
    return any(
        lemma_of(t) in MINISTERIAL
        and (t.i == t.sent.start or words[t.i - t.sent.start - 1] != "prime")
        for t in token.sent
    )


def body_meets(token: Token, ctx: ArticleContext) -> bool:
    """'a meeting of the forum', 'a meeting of NATO's council': the session of a body."""
    for _, body in prep_objects(token, {"of"}):
        entity = ctx.entity_of(body)
        if lemma_of(body) in INSTITUTIONS or (
            entity is not None and entity.type is EntityType.ORGANIZATION
        ):
            return True
    return False


def personal_possessor(token: Token) -> bool:
    """'his first visit to Ukraine': a person's own visit."""
    return any(c.dep_ == "poss" and c.lower_ in PERSONAL_POSSESSIVES for c in token.children)


def held_together(noun: Token, modifiers: set[str], ctx: ArticleContext) -> bool:
    """'joint exercises', 'trilateral military drills', 'hold exercises together', 'held
    drills with Japanese warships', 'Japan and Australia will hold their annual exercise';
    troops sent 'for joint exercises' report a deployment, whose purpose they are."""
    held = (
        [c.lower_ for c in noun.head.children if c.dep_ == "advmod"] if noun.dep_ == "dobj" else []
    )
    together = (modifiers | set(held)) & (JOINT_MARKERS | TOGETHER_MARKERS)
    if together:
        return not (noun.dep_ == "pobj" and noun.head.lower_ == "for")
    verb = noun.head
    if noun.dep_ != "dobj" or lemma_of(verb) not in HOLDING_VERBS:
        return False
    if any(prep_objects(verb, {"with", "alongside"})) or any(prep_objects(noun, {"with"})):
        return True
    holders = [t for c in verb.children if c.dep_ == "nsubj" for t in phrase_tokens(c)]
    states = {s.iri for t in holders if (e := ctx.entity_of(t)) and (s := ctx.state_of(e))}
    return len(states) >= 2


def trained_together(verb: Token) -> bool:
    """'will train together', 'exercised jointly', 'drilled alongside Japanese troops'."""
    return any(c.dep_ == "advmod" and c.lower_ in JOINT_MARKERS for c in verb.children) or any(
        prep_objects(verb, {"alongside"})
    )


def operated_alongside(verb: Token, ctx: ArticleContext) -> bool:
    """'defences working alongside American aircraft and Jordanian forces', 'troops fought
    alongside Ukrainian units': a state's forces beside one's own (not a launcher serving
    alongside American-made ones)."""
    beside = [
        t
        for _, obj in prep_objects(verb, {"alongside"})
        for head in (obj, *obj.conjuncts)
        for t in phrase_tokens(head)
    ]
    return any(map(is_force, beside)) and EntityType.COUNTRY in entity_types(beside, ctx)


def funded_growth(verb: Token) -> bool:
    """'awarded €500 million to projects meant to expand the production': money granted
    to grow an industry."""
    if lemma_of(verb) not in STRENGTHENING:
        return False
    granting = [a for a in verb.ancestors if lemma_of(a) in FUNDING_VERBS]
    return any(t.ent_type_ == "MONEY" for a in granting for t in a.subtree)


def is_stock(noun: Token, ctx: ArticleContext) -> bool:
    return lemma_of(noun) in STOCK_NOUNS or names_materiel(noun, ctx)


def names_materiel(head: Token, ctx: ArticleContext) -> bool:
    """The word itself names materiel ('American engines'), not a word of its phrase ('an arms
    group')."""
    entity = ctx.entity_of(head)
    return entity is not None and entity.type is EntityType.MATERIEL


def runs_out(verb: Token, ctx: ArticleContext) -> bool:
    """'stocks are running low', 'running out of interceptors', 'running short of trainers'."""
    if lemma_of(verb) != "run":
        return False
    particles = [c for c in verb.children if c.lower_ in RUNNING_OUT]
    if not particles:
        return False
    subject = [t for c in verb.children if c.dep_ == "nsubj" for t in phrase_tokens(c)]
    if {lemma_of(t) for t in subject} & (STOCK_NOUNS | {"defence", "defense"}) or (
        EntityType.MATERIEL in entity_types(subject, ctx)
    ):
        return True
    heads = [verb, *(p for p in particles if p.lower_ != "short")]  # "short of": the adjective's
    wanted = [o for head in heads for _p, o in prep_objects(head, {"of"})]
    return any(is_stock(o, ctx) for o in wanted)


def has_too_little(verb: Token, obj: Token | None, ctx: ArticleContext) -> bool:
    """'lacks modern air defence systems', 'cannot make enough shells', 'are unable to
    produce enough rounds', 'struggle to build enough submarines', 'struggle to build jets
    fast enough', 'has only enough shells for ten days', 'urgently needs more missiles'."""
    if obj is None:
        return False
    lemma = lemma_of(verb)
    enough = [c for c in obj.children if c.lower_ == "enough"]
    unable = verb.dep_ == "xcomp" and lemma_of(verb.head) in UNABLE
    if not (lemma in LACKING or lemma in NEEDING_VERBS or enough or unable):
        return False  # before the object's entities, which cost more to look up
    if not (
        is_stock(obj, ctx) or EntityType.MATERIEL in entity_types(list(phrase_tokens(obj)), ctx)
    ):
        return False
    if lemma in LACKING:
        return True
    if lemma in NEEDING_VERBS and any(c.lower_ in MORE_WORDS for c in obj.children):
        return True
    if any(c.lower_ == "only" for word in enough for c in word.children):
        return True
    if unable and _too_slow(verb.head):
        return True
    if not enough:
        return False
    return unable or any(c.dep_ == "neg" for c in verb.children)


def holds_too_few(verb: Token, obj: Token | None, ctx: ArticleContext) -> bool:
    """'has had no working fighter jets', 'does not have any tanks', 'has only a handful of
    aircraft', 'fields just a few howitzers': a force holding none or few of a stock."""
    if obj is None or lemma_of(verb) not in HOLDING_STOCK:
        return False
    held = obj
    if lemma_of(obj) in FEW_NOUNS:  # "a handful of aircraft": the aircraft are held
        held = next((o for _p, o in prep_objects(obj, {"of"})), obj)
    if not (is_stock(held, ctx) or lemma_of(held) in PERSONNEL_NOUNS | CAPACITY_UNITS):
        return False
    marks = {c.lower_ for c in obj.children}
    counts = [c for c in obj.children if c.lower_ in TOO_LITTLE] + [obj]
    only = any(c.lower_ in ONLY_WORDS for word in counts for c in word.children)
    few = only and (lemma_of(obj) in FEW_NOUNS or len(counts) > 1)
    negated = any(c.dep_ == "neg" for c in verb.children)
    return "no" in marks or (negated and "any" in marks) or few


def cannot_keep_up(verb: Token) -> bool:
    """'suppliers of steel failed to keep up', 'production cannot keep up with demand',
    'ammunition makers are struggling to keep pace with orders': output behind what is wanted."""
    if lemma_of(verb) != "keep":
        return False
    pace = any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children) or any(
        c.dep_ == "dobj" and c.lower_ == "pace" for c in verb.children
    )
    if not pace:
        return False
    if not (
        any(c.dep_ == "neg" for c in verb.children)
        or (verb.dep_ == "xcomp" and lemma_of(verb.head) in UNABLE)
    ):
        return False
    if any(lemma_of(o) in DEMAND_NOUNS | {"order"} for _p, o in prep_objects(verb, {"with"})):
        return True
    node = verb
    while node.dep_ in {"xcomp", "acomp"}:
        node = node.head
    makers = [t for c in node.children if c.dep_ == "nsubj" for t in np_tokens(c)]
    return any(lemma_of(t) in STOCK_NOUNS | PRODUCER_NOUNS for t in makers)


def _too_slow(verb: Token) -> bool:
    """'struggling to build jets fast enough': a pace said to be short."""
    return any(t.lower_ == "enough" and t.dep_ == "advmod" for t in verb.subtree)


def lags_demand(verb: Token) -> bool:
    """'production lags behind demand', 'output trails what the army needs', 'demand for
    shells far outstrips supply'."""
    if lemma_of(verb) in OUTPACING_VERBS:
        wanting = [c for c in verb.children if c.dep_ == "nsubj" and lemma_of(c) in DEMAND_NOUNS]
        made = [c for c in verb.children if c.dep_ == "dobj" and lemma_of(c) in STOCK_NOUNS]
        return bool(wanting and made)
    if lemma_of(verb) not in LAGGING_VERBS:
        return False
    behind = [o for _p, o in prep_objects(verb, {"behind"})]
    behind += [c for c in verb.children if c.dep_ == "dobj"]  # "output trails demand"
    return any(lemma_of(o) in DEMAND_NOUNS or needed(o) for o in behind)


def is_used_up(adjective: Token, ctx: ArticleContext) -> bool:
    """'stocks of interceptors are nearly exhausted': a stock said to be short."""
    if adjective.dep_ != "acomp" or lemma_of(adjective) not in SHORT_ADJECTIVES:
        return False
    return any(c.dep_ == "nsubj" and is_stock(c, ctx) for c in adjective.head.children)


def needed(amount: Token) -> bool:
    """'the two a year the Navy needs': an amount something requires."""
    return any(c.dep_ == "relcl" and lemma_of(c) in NEEDING_VERBS for c in amount.children)


def policy_topic(word: Token) -> bool:
    """What a rule governs, not an event: 'a law that restricts the export of', 'a ban on sales',
    'its ban on exporting weapons', 'a policy of not supplying', 'a policy banning sales', 'to
    allow exports of the jet', 'approved sales to third countries'."""
    if word.dep_ in {"pobj", "pcomp"}:
        ruled = word.head.head  # "relaxed its ban on exporting", with "on" taken as the verb's
        if ruled.pos_ == "VERB":
            ruled = next((c for c in ruled.children if c.dep_ == "dobj"), ruled)
        return lemma_of(ruled) in POLICY_NOUNS | LICENCES  # "licences for gunpowder shipments"
    if word.dep_ != "dobj":
        return False
    verb = word.head
    if lemma_of(verb) in PERMITTING or exports_opened(verb) or exports_withheld(verb):
        return True
    governing = [c for c in verb.children if c.dep_ == "nsubj"]
    if verb.dep_ == "acl" or (
        verb.dep_ == "relcl" and any(c.lower_ in {"that", "which"} for c in governing)
    ):
        governing = [verb.head]
    return any(lemma_of(g) in POLICY_NOUNS for g in governing)


def said_of_an_event(verb: Token) -> bool:
    """The verb's subject is an event ('the deal gives', 'a purchase that would give')."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is not None and subject.lower_ in {"that", "which"} and verb.dep_ == "relcl":
        subject = verb.head
    return subject is not None and (
        lemma_of(subject) in NOUN_TRIGGERS or lemma_of(subject) in DEAL_NOUNS
    )


def contents_named(noun: Token, ctx: ArticleContext) -> bool:
    """The verb a contents noun is the subject of names materiel: 'includes 150 barrels'."""
    verb = contents_verb(noun)
    objects = [t for c in verb.children if c.dep_ == "dobj" for t in phrase_tokens(c)]
    return verb.i != noun.i and EntityType.MATERIEL in entity_types(objects, ctx)


def contents_verb(noun: Token) -> Token:
    """The verb listing what a subject noun holds: 'the package includes', 'the contribution is
    worth 500 million euros and is expected to cover'; the noun itself when there is none."""
    if noun.dep_ != "nsubj":
        return noun
    clauses = [noun.head, *(c for c in noun.head.conjuncts if not _own_subject(c))]
    verbs = clauses + [x for c in clauses for x in c.children if x.dep_ == "xcomp"]
    return next((v for v in verbs if lemma_of(v) in CONTAINING), noun)


def _own_subject(verb: Token) -> bool:
    return any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)


def materiel_near(token: Token, ctx: ArticleContext) -> bool:
    near = object_phrase(token) + [c for c in token.children if c.dep_ in {"compound", "amod"}]
    return EntityType.MATERIEL in entity_types(near, ctx)


def forces_move(token: Token, ctx: ArticleContext) -> bool:
    """'F-35 fighters flew to Australia', 'troops arrived in Poland': forces going somewhere;
    launchers that merely arrive are a delivery."""
    movers = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
    movers = movers or [s for s in [subject_of(token)] if s is not None]  # "are due to arrive"
    # "flown in by a Marine regiment": who moves it
    movers += [o for c in token.children if c.dep_ == "agent" for o in c.children]
    places = [  # "first flew in 2023": a time, not a place
        o
        for o in token.children
        if o.dep_ == "prep"
        and o.lower_ in {"to", "into", "in", "at", "through"}
        and not any(p.ent_type_ == "DATE" for p in o.children if p.dep_ == "pobj")
    ]
    if lemma_of(token) in VISITING:  # "instructors will visit Taiwan"
        places += [o for o in token.children if o.dep_ == "dobj"]
    # "several hundred service members flew in for the exercise"
    places += [o for _p, o in prep_objects(token, {"for"}) if lemma_of(o) in EXERCISE_NOUNS]
    moving = [t for mover in movers for t in phrase_tokens(mover)]
    under_way = lemma_of(token) in CRAFT_MOVING_VERBS or commissioned(moving)
    craft = under_way and EntityType.MATERIEL in entity_types(moving, ctx)
    return bool(places) and (craft or any(map(is_force, movers)))


def forces_abroad(verb: Token, ctx: ArticleContext) -> bool:
    """'crews spent months in northern Germany', 'a team of officers remains in Doha', 'pilots
    have been training in the United States': forces staying or training in a named place."""
    if lemma_of(verb) not in STAYING_VERBS | EXERCISING_VERBS or trained_together(verb):
        return False  # "forces will train together in Hokkaido": cooperation
    subject = subject_of(verb)
    if subject is None or not is_force(subject):
        return False
    return any(ctx.place_of(o) is not None for _p, o in prep_objects(verb, {"in", "at"}))


def commissioned(tokens: list[Token]) -> bool:
    """'USS Carl Vinson', 'HMS Queen Elizabeth': a ship in a navy's service, whose arrival is a
    deployment, not a delivery."""
    return any(t.text in SHIP_PREFIXES for t in tokens)


def forces_take_part(verb: Token) -> bool:
    """'1,000 service members are taking part in building a pier', 'troops joined the drills':
    forces taking part in an operation."""
    lemma = lemma_of(verb)
    taking_part = lemma == "take" and any(
        c.dep_ == "dobj" and c.lower_ == "part" for c in verb.children
    )
    if not (taking_part or lemma in PARTICIPATING):
        return False
    return any(c.dep_ == "nsubj" and is_force(c) for c in verb.children)


def forces_present(noun: Token, modifiers: set[str]) -> bool:
    """'a permanent military presence in Poland', 'boots on the ground': a state's forces
    placed somewhere."""
    if lemma_of(noun) == "boot":  # "boots on the ground", "put boots on the ground"
        holders = [noun, noun.head] if noun.dep_ == "dobj" else [noun]
        return any(lemma_of(o) == "ground" for h in holders for _, o in prep_objects(h, {"on"}))
    return lemma_of(noun) in PRESENCE_NOUNS and bool(
        modifiers & (MILITARY_WORDS | PRESENCE_MODIFIERS)
    )


def forces_posted(verb: Token, obj: Token | None) -> bool:
    """'is moving 1,000 troops to Estonia', 'keeps troops in Korea', 'will host U.S. troops':
    a verb putting forces somewhere (a host is the place itself)."""
    if obj is None or lemma_of(verb) not in POSTING_VERBS or not is_force(obj):
        return False
    serving = any(lemma_of(o) in MISSION_NOUNS for _p, o in prep_objects(verb, {"with"}))
    placed = serving or any(
        c.dep_ == "prep"
        and c.lower_ in PLACING_PREPOSITIONS
        and not any(o.tag_ == "WDT" for o in c.children)  # "a wrangle in which ... had kept"
        for c in verb.children
    )
    return placed or stationed(obj) or lemma_of(verb) == "host"


def stationed(force: Token) -> bool:
    """'the battlegroup in Lithuania': a force placed somewhere."""
    return next(prep_objects(force, {"in"}), None) is not None


def is_force(head: Token) -> bool:
    """Troops, a carrier strike group, a batch of soldiers: military personnel or a formation."""
    lemma = lemma_of(head)
    modifiers = {lemma_of(c) for c in head.children if c.dep_ == "compound"}
    if lemma in PERSONNEL_NOUNS or (lemma == "group" and modifiers & FORCE_GROUP_MODIFIERS):
        return True
    if lemma == "member" and "service" in modifiers:  # "U.S. service members"
        return True
    return any(is_force(obj) for _, obj in prep_objects(head, {"of"}))


def bought_for_another(token: Token, obj: Token | None, ctx: ArticleContext) -> bool:
    """'Germany will procure air defence systems for Ukraine': buying for a third state."""
    heads = [token] + ([obj] if obj is not None else [])
    return any(has_recipient(head, ctx) for head in heads)


def money_for_a_state(verb: Token, obj: Token | None, ctx: ArticleContext) -> bool:
    """'committed $500 million in military financing to the Philippines', 'announced $100
    million to strengthen security in Benin and Ghana': a sum given a state."""
    if obj is None or obj.ent_type_ != "MONEY":
        return False
    spent_on = [o for _p, o in prep_objects(obj, {"in"})]
    secured = EntityType.COUNTRY in entity_types(secured_states(verb), ctx)
    return secured or any(has_recipient(head, ctx) for head in (verb, obj, *spent_on))


def secured_states(verb: Token) -> list[Token]:
    """Whose security a purpose clause of the verb serves: 'to strengthen security in Benin
    and Ghana', 'to bolster the defence of Moldova'."""
    return [
        state
        for aim in verb.children
        if aim.dep_ in {"xcomp", "advcl"} and any(c.lower_ == "to" for c in aim.children)
        for guarded in aim.children
        if guarded.dep_ == "dobj" and lemma_of(guarded) in MILITARY_WORDS
        for _p, state in prep_objects(guarded, {"in", "of"})
    ]


def foreign_system(obj: Token, ctx: ArticleContext) -> bool:
    """A materiel object that a state owns ('Japan's upgraded Mogami-class frigate')."""
    if EntityType.MATERIEL not in entity_types(list(phrase_tokens(obj)), ctx):
        return False
    owners = [c for c in obj.children if c.dep_ in {"poss", "amod", "compound"}]
    return EntityType.COUNTRY in entity_types(owners, ctx)


def made_abroad(verb: Token, obj: Token, ctx: ArticleContext) -> bool:
    """A system chosen by a state other than the one whose firm makes it ('Lithuania, which
    selected the CV90': a Swedish vehicle)."""
    named = [obj, *(c for c in obj.children if c.dep_ == "compound")]  # not "a buy of K2s"
    makers = {
        ctx.gazetteer.maker_state(entity.iri)
        for t in named
        if (entity := ctx.entity_of(t)) is not None and entity.type is EntityType.MATERIEL
    } - {None}
    if len(makers) != 1:
        return False
    choosers = {
        ctx.gazetteer.country_of(e.iri)
        for e in subject_actors(verb, ctx)[0]
        if e.type is EntityType.COUNTRY
    }
    return bool(choosers) and not choosers & makers


def names_agreement(token: Token) -> bool:
    """The subject is an agreement ('the Reciprocal Access Agreement', 'the pact'), also
    through the verb it is the infinitive of ('the pact is expected to take effect')."""
    subject = subject_of(token)
    return subject is not None and any(lemma_of(t) in AGREEMENT_NOUNS for t in np_tokens(subject))


def permits_exports(verb: Token, ctx: ArticleContext) -> bool:
    """'allow exports of the fighter', 'allowing the jet to be sold abroad': an export rule set;
    what rules already allow ('the rules allow sales') changes nothing."""
    subject = [t for c in verb.children if c.dep_ == "nsubj" for t in phrase_tokens(c)]
    if {lemma_of(t) for t in subject} & POLICY_NOUNS or EntityType.POLICY in entity_types(
        subject, ctx
    ):
        return False
    return any(lemma_of(t) in EXPORT_WORDS for t in verb.subtree if t.i > verb.i)


def exports_opened(verb: Token) -> bool:
    """'approved the sale of the fighter to third countries': exports cleared for a kind of
    state, no buyer named, set an export rule."""
    if lemma_of(verb) not in CLEARING_VERBS:
        return False
    sales = [c for c in verb.children if c.dep_ == "dobj" and lemma_of(c) in EXPORT_WORDS]
    takers = [o for _p, o in prep_objects(verb, {"to"})] + [
        t for sale in sales for t in sale.subtree if t.dep_ == "pobj" and t.head.lower_ == "to"
    ]
    return bool(sales and takers) and all(map(unknown_group, takers))


def exports_withheld(verb: Token) -> bool:
    """'has not authorised any new arms exports since October', 'approved no sales': exports
    no longer cleared, an export halt."""
    if lemma_of(verb) not in CLEARING_VERBS:
        return False
    sales = [c for c in verb.children if c.dep_ == "dobj" and lemma_of(c) in EXPORT_WORDS]
    denied = any(c.dep_ == "neg" for c in verb.children)
    return any(denied or any(d.lower_ == "no" for d in s.children) for s in sales)


def leaves_scheme(verb: Token) -> bool:
    """'would pull the state out of it', 'withdrew from the treaty', 'quit the coalition': a
    state leaving an arrangement (told by its noun, or by a pronoun for one told before)."""
    if lemma_of(verb) not in LEAVING_VERBS:
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    left = [o for _p, o in prep_objects(verb, {"from", "of"})]
    left += [o for p in verb.children if p.lower_ == "out" for _p, o in prep_objects(p, {"of"})]
    if lemma_of(verb) in {"quit", "leave", "exit"}:
        left += objects
    elif any(is_force(o) or lemma_of(o) in MILITARY_WORDS for o in objects):
        return False  # "pulled its troops out of Kabul": forces withdrawn
    return any(lemma_of(o) in SCHEMES or o.lower_ == "it" for o in left)


def scheme_left(noun: Token) -> bool:
    """'withdrew from the treaty', 'pulled out of the scheme', 'quit the pact': the noun is
    what a state leaves, no cooperation told."""
    verb = next((a for a in noun.ancestors if a.pos_ == "VERB"), None)
    return verb is not None and leaves_scheme(verb)


def into_law(token: Token) -> bool:
    """'signed the supplemental into law', 'wrote it into the constitution'."""
    return any(
        c.dep_ == "prep" and c.lower_ == "into" and any(lemma_of(g) in LAWS for g in c.children)
        for c in token.children
    )


def sum_put_in(verb: Token, ctx: ArticleContext) -> bool:
    """'The Netherlands earmarked 250 million euros', 'Canada put in 40 million dollars': a
    state's sum for an effort the text has named before, given no purpose or taker here."""
    if phrasal_lemma(verb) not in CONTRIBUTING_VERBS:
        return False
    sums = [c for c in verb.children if c.dep_ == "dobj" and _a_sum(c)]
    subject = subject_of(verb)
    if not sums or subject is None:
        return False
    state = EntityType.COUNTRY in entity_types(list(phrase_tokens(subject)), ctx)
    if not state and subject.pos_ != "PRON":  # "they will put money in": who, the agent says
        return False
    paying = paying_aim(verb)  # "to pay for 18 guns": the effort the sum goes to
    open_purchase = paying.i if paying is not None and not _for_someone(paying) else None
    return not any(_aim(c) for head in (verb, *sums) for c in head.children if c.i != open_purchase)


def paying_aim(verb: Token) -> Token | None:
    """'put up 200 million kroner to pay for 18 guns': the purpose clause paying for goods."""
    for child in verb.children:
        infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
        if child.dep_ in {"xcomp", "advcl"} and infinitive and lemma_of(child) in PAYING_VERBS:
            return child
    return None


def _for_someone(paying: Token) -> bool:
    """'to pay for guns for Ukraine', 'for its army': the clause names whom the goods are for."""
    goods = {c.i for c in paying.children if c.dep_ == "dobj"}  # "to finance guns"
    first_for = next((c for c in paying.children if c.dep_ == "prep" and c.lower_ == "for"), None)
    if not goods and first_for is not None:  # "to pay for guns"
        goods = {o.i for _p, o in prep_objects(paying, {"for"}) if o.head.i == first_for.i}
    return any(
        t.dep_ == "pobj" and t.head.lower_ in {"for", "to"} and t.i not in goods
        for t in paying.subtree
    )


def _aim(child: Token) -> bool:
    """Where a sum goes: 'for its navy', 'to the fund', 'toward shipyards', 'to buy shells'."""
    if child.dep_ in {"prep", "dative"}:
        return True
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
    return child.dep_ in {"xcomp", "advcl", "acl", "relcl"} and infinitive


def _a_sum(noun: Token) -> bool:
    return noun.ent_type_ == "MONEY" or noun.lower_ in CURRENCY_WORDS or lemma_of(noun) in FUNDS


def has_recipient(token: Token, ctx: ArticleContext) -> bool:
    """A 'for' or 'to' phrase of the word names a state."""
    return any(
        EntityType.COUNTRY in entity_types(list(child.children), ctx)
        for child in token.children
        if child.dep_ == "prep" and child.lower_ in {"for", "to"}
    )


def state_sources(verb: Token, ctx: ArticleContext) -> list[Token]:
    """'take the first of three submarines from the United States', 'tanks from South Korea
    arrived': the states things come from, named beside the verb or in its arguments."""
    arguments = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass", "dobj"}]
    inside = [t for head in arguments for t in phrase_tokens(head)]
    sources = [o for _p, o in prep_objects(verb, {"from"})]
    sources += [t for t in inside if t.dep_ == "pobj" and t.head.lower_ == "from"]
    return [t for t in sources if EntityType.COUNTRY in entity_types([t], ctx)]


def arrival_states(verb: Token, ctx: ArticleContext) -> list[Entity]:
    """'the first K2 tanks arrived in Poland', 'a shipment reached Poland': the states materiel
    reaches."""
    reached = [c for c in verb.children if c.dep_ == "dobj"]  # "reached Ukraine in March"
    places = [
        ctx.place_of(o) for o in reached + [o for _p, o in prep_objects(verb, {"in", "to", "at"})]
    ]
    states = [ctx.state_of(p) for p in places if p is not None]
    return [s for s in states if s is not None]


def arrivals(verb: Token) -> list[Token]:
    """What arrives: the verb's subject, or that of the verb it is the infinitive of ('the
    first launchers are set to arrive')."""
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if subjects or verb.dep_ != "xcomp":
        return subjects
    subject = subject_of(verb)
    return [subject] if subject is not None else []


def _awaited_somewhere(verb: Token) -> bool:
    """'the first aircraft are expected at Talavera', 'the jets are awaited in Romania': goods
    awaited at a place (not 'are expected to arrive', whose own verb says it)."""
    deps = {c.dep_ for c in verb.children}
    return lemma_of(verb) in AWAITING_VERBS and "auxpass" in deps and "xcomp" not in deps


def materiel_arrives(verb: Token, ctx: ArticleContext) -> bool:
    """Materiel reaching a state: a delivery; a force's own kit ('the Army's Typhon launcher',
    'its fighters') or kit come for something ('for the drills') is deployed, not delivered."""
    if not (lemma_of(verb) in ARRIVING_VERBS or _awaited_somewhere(verb)):
        return False
    subjects = arrivals(verb)
    movers = [t for c in subjects for t in phrase_tokens(c)]
    owned = any(c.dep_ == "poss" for s in subjects for c in s.children)
    purpose = next(prep_objects(verb, {"for"}), None) is not None
    return (
        not owned
        and not commissioned(movers)
        and not purpose
        and EntityType.MATERIEL in entity_types(movers, ctx)
        and bool(arrival_states(verb, ctx))
    )


def supplied_to_a_state(noun: Token, ctx: ArticleContext) -> bool:
    """'the supply of tanks to Ukraine': a supply of materiel, not of parts, to a state."""
    if lemma_of(noun) != "supply":
        return False
    near = object_phrase(noun)
    parts = {lemma_of(t) for t in near} & INDUSTRIAL_INPUTS
    return not parts and {EntityType.MATERIEL, EntityType.COUNTRY} <= entity_types(near, ctx)


def inputs_secured(noun: Token) -> bool:
    """'secure supplies of critical minerals', 'a framework on critical minerals': the
    supply of industrial inputs made safe or agreed on."""
    lemma = lemma_of(noun)
    if lemma == "supply":
        secured = noun.dep_ == "dobj" and lemma_of(noun.head) in SECURING_VERBS
        inputs = [o for _p, o in prep_objects(noun, {"of"})]
    elif lemma in INPUT_ACCORDS:
        secured, inputs = True, [o for _p, o in prep_objects(noun, {"on", "over", "for"})]
    else:
        return False
    return secured and any(lemma_of(o) in INDUSTRIAL_INPUTS for o in inputs)
