"""One trigger in one sentence -> a candidate event with roles, status and date."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Span, Token

from alliance_kg.model import (
    ACTOR_ROLES,
    Entity,
    EntityType,
    EventClass,
    EventDate,
    Quantity,
    Role,
    Status,
)
from alliance_kg.pipeline.context import ACTOR_TYPES, ArticleContext
from alliance_kg.pipeline.dates import Direction, resolve_date
from alliance_kg.pipeline.lexicon import (
    BUYING_VERBS,
    CLEARING_VERBS,
    CONTRACT_NOUNS,
    DISPATCHING,
    EXAMPLE_MARKERS,
    GOVERNMENT_WORDS,
    INDUSTRIAL_INPUTS,
    INSTITUTIONS,
    JOINT_MARKERS,
    ORIGIN_PARTICIPLES,
    PARTNERING,
    PRODUCTION_NOUNS,
    RECEIVING_VERBS,
    REPORTING,
    SELECTING,
    SERIES_STARTS,
    SITE_PREPOSITIONS,
    STOCK_NOUNS,
    STRENGTHENING,
    TRAINEES,
    WINNING_VERBS,
)
from alliance_kg.pipeline.modality import Modality, chain, purpose_of_trip, resolve_modality
from alliance_kg.pipeline.quantities import count_of
from alliance_kg.pipeline.roles import (
    actors_of_np,
    antecedent_object,
    conjunct_object,
    direct_object,
    entities_in,
    materiel_in,
    np_tokens,
    passive_subject,
    phrase_tokens,
    prep_objects,
    sent_for_work,
    stranded_object,
    subject_actors,
    unknown_group,
    variant_of,
)
from alliance_kg.pipeline.tense import Tense, tensed_verb
from alliance_kg.pipeline.triggers import (
    Trigger,
    contract_goods,
    describes_contents,
    gapped_givers,
)

E = EventClass
OCCASION_PREPOSITIONS = {"at", "in", "during"}
SCHEDULING = {"schedule", "expect", "plan", "set"}
# "when Kishida visited Manila", "as he hosted Zelensky": a clause timed by the one it joins.
SIMULTANEITY = {"when", "as", "while"}
CLAUSES = {"advcl", "relcl", "ccomp", "xcomp", "acl", "csubj", "conj", "parataxis"}
_FORWARD = {Status.CONSIDERED, Status.PLANNED, Status.EXPECTED}
DIRECTED = {
    E.ARMS_TRANSFER: (Role.SUPPLIER, Role.RECIPIENT),
    E.MILITARY_AID: (Role.DONOR, Role.RECIPIENT),
    E.MAINTENANCE_COOPERATION: (Role.PROVIDER, Role.CLIENT),
}
# Classes whose actors act together, so the subject's actors join the phrase's own.
SHARED = {E.JOINT_PRODUCTION, E.SUPPLY_CHAIN_COOPERATION, E.DEFENSE_COOPERATION}
MATERIEL_CLASSES = {
    E.JOINT_PRODUCTION,
    E.ARMS_TRANSFER,
    E.MAINTENANCE_COOPERATION,
    E.SUPPLY_CHAIN_COOPERATION,
    E.MILITARY_AID,
    E.CAPACITY_SHORTFALL,
    E.PERSONNEL_DEPLOYMENT,  # the systems deployed: "Patriot fire units", "a submarine"
}


@dataclass
class Candidate:
    """An event as one sentence reports it, before merging within the article."""

    type: EventClass
    trigger: Token
    sentence: Span
    offset: int  # where the sentence's paragraph starts in the article text
    modality: Modality
    roles: dict[Role, dict[str, Entity]] = field(default_factory=dict)
    date: EventDate | None = None
    date_reported: bool = False  # the date is only the report's: "the ministry said on Tuesday"
    date_due: bool = False  # the date is only a deadline: "to develop a fighter by 2035"
    joint: bool = False
    inferred: bool = False
    elaboration: bool = False  # a follow-up sentence adding detail to an earlier event
    attribution: str | None = None
    quantities: list[Quantity] = field(default_factory=list)
    unnamed: set[Role] = field(default_factory=set)  # sides given but not linked: "from allies"

    def add(self, role: Role, entities: list[Entity]) -> None:
        for entity in entities:
            self.roles.setdefault(role, {}).setdefault(entity.iri, entity)

    def actor_iris(self) -> set[str]:
        return actor_iris(self.roles)

    @property
    def status(self) -> Status:
        return self.modality.status


def actor_iris(roles: dict[Role, dict[str, Entity]]) -> set[str]:
    """The IRIs filling any actor role (participant, supplier, recipient...)."""
    return {iri for role, found in roles.items() if role in ACTOR_ROLES for iri in found}


def _owners(heads: list[Token], ctx: ArticleContext) -> list[Entity]:
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
        heads = _sides_above(trigger)
    else:  # "stocks drained by the wars", in "Washington seeks help replenishing" them
        heads = [c for c in trigger.children if c.dep_ in {"nsubjpass", "nsubj", "dobj"}]
        heads += _sides_above(trigger)
    for head in heads:
        actors, _ = actors_of_np(noun_anchor(head), ctx)
        if actors:
            return actors
    excluded = _aid_recipient_tokens(trigger.sent)
    clause = [t for t in trigger.sent if t.i not in excluded]
    return entities_in(iter(clause), ctx, {EntityType.COUNTRY})[:1]


def _sides_above(word: Token) -> list[Token]:
    """'left the U.S. short of shells', 'forces have too little ammunition': the noun a
    word describes, then the object and subject of each clause above it."""
    heads: list[Token] = []
    for node in word.ancestors:
        if node.pos_ in {"NOUN", "PROPN"}:
            heads.append(node)
        elif node.pos_ in {"VERB", "AUX"}:
            heads += [c for c in node.children if c.dep_ == "dobj"]
            heads += [c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}]
    return heads


def _aid_recipient_tokens(sentence: Span) -> set[int]:
    out: set[int] = set()
    for token in sentence:
        if token.lower_ in {"for", "to"} and token.head.lemma_ in {"support", "aid", "assistance"}:
            out |= {t.i for t in token.subtree}
    return out


def _agent(trigger: Trigger, ctx: ArticleContext) -> tuple[list[Entity], bool]:
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
        for _prep, obj in prep_objects(token, {"by", "between", "among"}):
            actors, inferred = actors_of_np(obj, ctx)
            if actors:
                return actors, inferred
        for t in phrase_tokens(token):
            if t.dep_ == "pobj" and t.head.lower_ == "by":
                actors, inferred = actors_of_np(t, ctx)
                if actors:
                    return actors, inferred
    return subject_actors(token, ctx)


def _direction(trigger: Token) -> Direction:
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


def _date_for(
    trigger: Token, published: date | None, direction: Direction, *, deadlines: bool = True
) -> tuple[EventDate | None, bool, bool]:
    """The date attached to the trigger, its phrase or its clause, and whether it is only the
    date of a report ('said on Tuesday'). An occasion ('signed on Friday at the summit') shares
    its verb's date; a trip's purpose ('left on Thursday for talks') does not. The last flag
    tells a deadline ('by 2035')."""
    scope = {t.i for t in phrase_tokens(trigger)}
    reports: set[int] = set()
    if purpose_of_trip(trigger) is None:
        for token, _ in chain(trigger):
            (reports if token.lemma_.lower() in REPORTING else scope).add(token.i)
        if trigger.dep_ == "pobj" and trigger.head.lower_ in OCCASION_PREPOSITIONS:
            scope.add(trigger.head.head.i)
    dates = [ent for ent in trigger.sent.ents if ent.label_ == "DATE"]
    dates = [ent for ent in dates if not _compared_since(ent.root)]
    if not deadlines:
        dates = [ent for ent in dates if not _deadline(ent)]
    # a report's date points the way of the report's own tense: 'will buy, they said on Friday'
    reporting = min(reports, default=None, key=lambda i: abs(i - trigger.i))
    told = _direction(trigger.doc[reporting]) if reporting is not None else direction
    tiers = [
        ([ent for ent in dates if _attached(ent, scope)], False, direction),
        ([ent for ent in dates if _within_clause(ent, scope)], False, direction),
        (_simultaneous_dates(trigger, dates), False, direction),
        ([ent for ent in dates if _attached(ent, reports)], True, told),
    ]
    for found, reported, pointing in tiers:
        for ent in found:
            resolved = resolve_date(ent.text, published, pointing)
            if resolved is not None:
                return resolved, reported, _deadline(ent)
    return None, False, False


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


def _compared_since(date_word: Token) -> bool:
    """'the first visit since 1981': a date that a noun is compared with, not the event's."""
    prep = date_word.head
    return prep.lower_ == "since" and prep.head.pos_ in {"NOUN", "PROPN"}


def build_candidate(
    trigger: Trigger, sentence: Span, offset: int, ctx: ArticleContext, published: date | None
) -> Candidate:
    """Roles, status and date for one trigger."""
    direction = _direction(trigger.token)
    event_date, reported, due = _date_for(trigger.token, published, direction)
    future = event_date is not None and published is not None and _after(event_date, published)
    modality = resolve_modality(trigger.token, trigger.type, future_date=future)
    if direction is Direction.NEAREST and (
        modality.status in _FORWARD or modality.status is Status.COMPLETED
    ):
        # without a tense, the status says which way a date ("in December", "Friday") points
        way = Direction.PAST if modality.status is Status.COMPLETED else Direction.FUTURE
        redated, reported_again, due_again = _date_for(trigger.token, published, way)
        if redated is not None:
            event_date, reported, due = redated, reported_again, due_again
    if modality.status is Status.AGREED:  # "agreed to develop a fighter by 2035": the deal's
        agreed, reported_agreed, _ = _date_for(trigger.token, published, direction, deadlines=False)
        if agreed is not None:
            event_date, reported, due = agreed, reported_agreed, False
    candidate = Candidate(
        trigger.type,
        trigger.token,
        sentence,
        offset,
        modality,
        date=event_date,
        date_reported=reported,
        date_due=due,
        joint=trigger.joint,
    )
    if trigger.giver is not None:
        agents, inferred = actors_of_np(trigger.giver, ctx)
    else:
        agents, inferred = _agent(trigger, ctx)
    candidate.inferred = inferred
    candidate.elaboration = describes_contents(trigger.token)
    _assign_roles(candidate, trigger, agents, ctx)
    return candidate


def _production_partners(token: Token, made: list[Token], ctx: ArticleContext) -> list[Entity]:
    """Whose design is made, and where, and with whom: 'GE's F414 engine in India',
    'U.S.-designed rockets', 'drones at a plant in Ukraine', 'shells together with Ukraine's
    arms group', 'negotiating with Lockheed Martin to build launchers'."""
    found = [e for e in _owners(made, ctx) if e.type is not EntityType.MATERIEL]
    found += _designers(made, ctx)
    found += _host_countries(token, made, [], ctx)
    for head in made:
        for prep in head.children:
            if (
                prep.dep_ == "prep"
                and prep.lower_ == "with"
                and any(c.lemma_.lower() in JOINT_MARKERS for c in prep.children)
            ):
                found += [e for o in prep.children for e in actors_of_np(o, ctx)[0]]
    governor = token.head if token.dep_ in {"xcomp", "advcl"} else None
    if governor is not None and governor.lemma_.lower() in PARTNERING:
        for _p, partner in prep_objects(governor, {"with"}):  # "negotiating with X to build"
            found += actors_of_np(partner, ctx)[0]
    return found


def _first_items(token: Token) -> Iterator[Token]:
    """The words of a 'starting with ...' side clause of the trigger or of its governor."""
    nodes = [token, token.head] if token.dep_ in {"xcomp", "advcl", "ccomp"} else [token]
    for node in nodes:
        for clause in node.children:
            if clause.dep_ == "advcl" and clause.lemma_.lower() in SERIES_STARTS:
                yield from clause.subtree


def _trainees(institution: Token, ctx: ArticleContext) -> list[Entity]:
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


def _wanted_by(inputs: Token, ctx: ArticleContext) -> list[Entity]:
    """'parts that U.S. manufacturers struggle to source': who needs what is supplied."""
    return [
        e
        for clause in inputs.children
        if clause.dep_ == "relcl"
        for subject in clause.children
        if subject.dep_ == "nsubj"
        for e in actors_of_np(subject, ctx)[0]
    ]


def _product(heads: list[Token], ctx: ArticleContext) -> list[Entity]:
    """The materiel made, leaving out the platforms it is made for: 'guided rockets for
    HIMARS launchers'."""
    platform = {
        t.i
        for head in heads
        for prep in phrase_tokens(head)
        if prep.dep_ == "prep" and prep.lower_ == "for"
        for t in prep.subtree
    }
    made = [t for head in heads if head.i not in platform for t in phrase_tokens(head)]
    return entities_in(iter(t for t in made if t.i not in platform), ctx, {EntityType.MATERIEL})


def _production_in(sentence: Span, ctx: ArticleContext) -> list[Entity]:
    """What the sentence says is produced: 'F-16 production', 'the production of shells'."""
    made = [
        t
        for noun in sentence
        if noun.lemma_.lower() in PRODUCTION_NOUNS
        for t in [c for c in noun.children if c.dep_ in {"compound", "nummod", "amod"}]
        + [o for _, o in prep_objects(noun, {"of"})]
    ]
    return materiel_in(made, ctx)


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


def _host_countries(
    token: Token, worked_on: list[Token], doers: list[Entity], ctx: ArticleContext
) -> list[Entity]:
    """The states where the work happens, other than the doers' own."""
    own = {ctx.gazetteer.country_of(e.iri) or e.iri for e in doers}
    found: dict[str, Entity] = {}
    for place in _work_sites(token, worked_on, ctx):
        country = ctx.gazetteer.country_of(place.iri)
        ref = ctx.gazetteer.get(country) if country and country not in own else None
        if ref is not None:
            found[ref.iri] = ref.entity()
    return list(found.values())


def _work_sites(token: Token, made: list[Token], ctx: ArticleContext) -> list[Entity]:
    """Places the work happens at: 'in'/'at'/'near' phrases of the trigger, of what it works
    on, of the verb it is the object or the purpose of ('build a plant in Ukraine to produce
    shells')."""
    anchors = [token, *made]
    if token.dep_ == "dobj":  # "open a repair facility in Poland"
        anchors.append(token.head)
    if token.dep_ in {"advcl", "xcomp"} and token.head.pos_ == "VERB":
        anchors += [token.head, *(o for o in token.head.children if o.dep_ == "dobj")]
    clause = token.head if token.dep_ == "xcomp" else token
    if clause.dep_ in {"relcl", "advcl"} and any(c.lower_ == "where" for c in clause.children):
        where = clause.head  # "a factory near Kyiv where it plans to assemble drones"
        anchors += [where, *(o for o in where.children if o.dep_ == "dobj")]
    places: list[Entity] = []
    for anchor in anchors:
        for _prep, obj in prep_objects(anchor, SITE_PREPOSITIONS):
            for head in (obj, *(o for _p, o in prep_objects(obj, {"in"}))):
                place = ctx.place_of(head)
                if place is not None:
                    places.append(place)
    return places


def _misparsed_dative(verb: Token, obj: Token, ctx: ArticleContext) -> list[Entity]:
    """'sending Ukraine cluster munitions' parsed as one noun phrase: a state's name right
    after the verb, as a modifier of its object, is the one receiving it."""
    first = verb.doc[verb.i + 1] if verb.i + 1 < len(verb.doc) else None
    if first is None or first.pos_ != "PROPN" or first.dep_ != "compound":
        return []
    if first.head.i != obj.i and first.head.head.i != obj.i:
        return []
    entity = ctx.entity_of(first)
    return [entity] if entity is not None and entity.type is EntityType.COUNTRY else []


def _goods_for(noun: Token) -> list[Token]:
    """'cleared the interceptors for shipment', 'interceptors built for export': the goods
    a purpose noun is about."""
    if noun.pos_ not in {"NOUN", "PROPN"} or noun.dep_ != "pobj" or noun.head.lower_ != "for":
        return []
    governor = noun.head.head
    if governor.pos_ == "VERB":
        goods = antecedent_object(governor) or direct_object(governor)
        return [goods] if goods is not None else []
    return [governor] if governor.pos_ in {"NOUN", "PROPN"} else []


def _named_among(token: Token, prep: str) -> list[Token]:
    """'..., including from South Korea', 'notably to Poland': the named members of a group
    the clause of `token` gives as source or destination."""
    return [
        obj
        for t in token.subtree
        if t.lower_ in EXAMPLE_MARKERS
        for p, obj in prep_objects(t, {prep})
    ]


def is_firm(entity: Entity, ctx: ArticleContext) -> bool:
    """A company: an organisation that belongs to a state (or is unknown to the reference)
    and whose name is not that of a ministry, agency or force."""
    if entity.type is not EntityType.ORGANIZATION:
        return False
    if set(entity.label.lower().split()) & GOVERNMENT_WORDS:
        return False
    return entity.minted or ctx.gazetteer.country_of(entity.iri) is not None


def _described_as(noun: Token) -> Token | None:
    """'Japan's first export was a set of radars': what a copula says the event noun was."""
    if noun.pos_ not in {"NOUN", "PROPN"} or noun.dep_ != "nsubj" or noun.head.lemma_ != "be":
        return None
    return next((c for c in noun.head.children if c.dep_ == "attr"), None)


def _clearing_states(goods: list[Token], ctx: ArticleContext) -> list[Entity]:
    """'the purchase of Tomahawk missiles that the U.S. approved': the state that cleared the
    goods for sale sells them."""
    return [
        e
        for head in goods
        for clause in head.children
        if clause.dep_ == "relcl" and clause.lemma_.lower() in CLEARING_VERBS
        for subject in clause.children
        if subject.dep_ == "nsubj"
        for e in actors_of_np(subject, ctx)[0]
    ]


def _possessors(goods: Token, ctx: ArticleContext) -> list[Entity]:
    """Whose goods they are: 'its tanks', 'the first of Poland's tanks'."""
    for head in (goods, *(o for _p, o in prep_objects(goods, {"of"}))):
        for owner in head.children:
            if owner.dep_ == "poss":
                actors, _ = actors_of_np(owner, ctx)
                if actors:
                    return actors
    return []


def _examples(heads: list[Token]) -> Iterator[Token]:
    """Every word of the 'including ...' phrases of the heads, clauses within them included."""
    for head in heads:
        for t in phrase_tokens(head):
            if t.lower_ == "including" and t.dep_ == "prep":
                yield from t.subtree


def _stocks_drawn(noun: Token) -> list[Token]:
    """'missiles whose stocks have been drawn down by shipments to Ukraine', 'interceptor
    stocks depleted by deliveries': what is shipped is what the stock holds."""
    if noun.dep_ != "pobj" or noun.head.dep_ != "agent":
        return []
    verb = noun.head.head
    stock = passive_subject(verb)
    if stock is None or stock.lemma_.lower() not in STOCK_NOUNS:
        return []
    held = [stock]
    if verb.dep_ == "relcl" and any(c.lower_ == "whose" for c in stock.children):
        held.append(verb.head)  # the noun 'whose' stands for
    return held


def _listed_with(noun: Token) -> list[Token]:
    """'announced $6 billion in aid for Ukraine, with interceptors at the top of the list':
    the contents a 'with' phrase of the verb gives to the event its object names."""
    node = noun
    while node.dep_ in {"pobj", "prep", "dobj", "appos", "nummod"} and node.head.i != node.i:
        node = node.head
        if node.pos_ == "VERB":
            return [o for _p, o in prep_objects(node, {"with"})]
    return []


def _sender(noun: Token) -> Token | None:
    """The verb that sends equipment for this maintenance: 'send destroyers ... for overhauls'."""
    verb = noun.head.head if noun.dep_ == "pobj" else None
    if verb is None or verb.lemma_.lower() not in DISPATCHING:
        return None
    work = sent_for_work(verb)
    return verb if work is not None and work.i == noun.i else None


def _sent_for_maintenance(
    c: Candidate, verb: Token, senders: list[Entity], ctx: ArticleContext
) -> None:
    """Who sends the equipment is the client; whose yards it goes to, the provider."""
    senders = subject_actors(verb, ctx)[0] or senders
    sent = direct_object(verb)
    if sent is not None:
        c.add(Role.MATERIEL, materiel_in([sent], ctx))
    yards = [o for _p, o in prep_objects(verb, {"to"})]
    providers = [e for e in _owners(yards, ctx) if e.iri not in {s.iri for s in senders}]
    c.add(Role.CLIENT, senders)
    c.add(Role.PROVIDER, providers)
    c.add(Role.LOCATION, [p for p in (ctx.place_of(y) for y in yards) if p is not None])


def _after(event_date: EventDate, published: date) -> bool:
    """The date begins after publication ('this month' does not)."""
    key = (event_date.year, event_date.month or 1, event_date.day or 1)
    return key > (published.year, published.month, published.day)


def _assign_roles(
    c: Candidate, trigger: Trigger, agents: list[Entity], ctx: ArticleContext
) -> None:
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
    of_objects = [o for p, o in prep_objects(token, {"of", "for", "with", "on"})]
    if token.pos_ in {"NOUN", "PROPN"}:
        heads.append(token)
    described = _described_as(token) if c.type in DIRECTED else None
    if described is not None:  # "Japan's first export was a set of radars"
        heads.append(described)
    if c.type is E.PERSONNEL_DEPLOYMENT and not heads:  # "a submarine docked at Busan"
        heads = [child for child in token.children if child.dep_ == "nsubj"]
    if c.type is E.ARMS_TRANSFER and token.lemma_.lower() in CONTRACT_NOUNS:
        heads += contract_goods(token)
    materiel = materiel_in(heads + of_objects, ctx) or materiel_in(_goods_for(token), ctx)
    if c.type is E.JOINT_PRODUCTION:  # "missiles for the Chunmoo launchers": the missiles
        made = heads + [o for p, o in prep_objects(token, {"of", "with", "on"})]
        materiel = _product(made, ctx) or materiel
    if c.type in MATERIEL_CLASSES:  # "weapons, starting with howitzers and expanding to drones"
        materiel += entities_in(_first_items(token), ctx, {EntityType.MATERIEL})
    if c.type in {E.ARMS_TRANSFER, E.MILITARY_AID}:  # "aid, including $4bn to buy interceptors"
        materiel += entities_in(_examples(heads + of_objects), ctx, {EntityType.MATERIEL})
    if token.pos_ not in {"VERB", "AUX"} and c.type in MATERIEL_CLASSES:
        materiel += materiel_in(_listed_with(token) + _stocks_drawn(token), ctx)
        if describes_contents(token):  # "the package includes 150 artillery barrels"
            materiel += materiel_in([o for o in token.head.children if o.dep_ == "dobj"], ctx)
    if c.type is E.CAPACITY_SHORTFALL and not materiel:  # "left the U.S. short of shells"
        excluded = _aid_recipient_tokens(token.sent)
        clause = [t for t in token.sent if t.i not in excluded]
        materiel = entities_in(iter(clause), ctx, {EntityType.MATERIEL})
    if c.type is E.CAPACITY_SHORTFALL and {o.lemma_.lower() for o in of_objects} & (
        INDUSTRIAL_INPUTS
    ):  # "shortages of parts at the plant where it makes F-16s": the F-16s fall short
        materiel += _production_in(token.sent, ctx)
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
        for p in ("to", "for", "from", "with", "between", "in", "into", "at")
    }
    for head in ([obj] if obj is not None else []) + of_objects:  # "F-35s from the U.S."
        targets["from"] += [o for q, o in prep_objects(head, {"from"})]
    if obj is not None:
        targets["to"] += [o for q, o in prep_objects(obj, {"to"})]
        targets["for"] += [o for q, o in prep_objects(obj, {"for"})]
        targets["in"] += [o for q, o in prep_objects(obj, {"in", "to"})]
    if token.pos_ in {"NOUN", "PROPN"} and token.dep_ == "dobj":  # "approved the sale ... to X"
        targets["to"] += [o for q, o in prep_objects(token.head, {"to"})]
    if described is not None:  # "... a set of radars made by Mitsubishi for the Philippines"
        targets["for"] += [
            t for t in described.subtree if t.dep_ == "pobj" and t.head.lower_ in {"for", "to"}
        ]
    if stranded is not None and stranded.head.pos_ == "VERB":
        for prep in ("to", "for", "from"):
            targets[prep] += [o for q, o in prep_objects(stranded.head, {prep})]
    for prep in ("to", "from"):  # "bought shells from allies, including from South Korea"
        targets[prep] += _named_among(token, prep)
    gapped = {e.iri for g in gapped_givers(token) for e in actors_of_np(g, ctx)[0]}

    def actors_at(*preps: str) -> list[Entity]:
        found: list[Entity] = []
        for prep in preps:
            for head in targets[prep]:
                found += actors_of_np(head, ctx)[0]
        return found

    if c.type in DIRECTED:
        giver_role, taker_role = DIRECTED[c.type]
        if c.type is E.ARMS_TRANSFER and token.lemma_.lower() in SELECTING and obj is not None:
            chosen = variant_of(obj)  # "weighs a version of Japan's frigate": Japan's
            owners = [e for e in _owners([chosen], ctx) if e.type is EntityType.COUNTRY]
            c.add(Role.RECIPIENT, [e for e in agents if e.iri not in {o.iri for o in owners}])
            c.add(Role.SUPPLIER, owners)
        elif c.type is E.ARMS_TRANSFER and token.lemma_.lower() in BUYING_VERBS:
            c.add(Role.RECIPIENT, agents)
            buyers = {a.iri for a in agents}
            goods = ([obj] if obj is not None else []) + of_objects
            makers = [  # "a purchase of American missiles": the state the goods are from
                e
                for e in _owners(goods, ctx) + _clearing_states(goods, ctx)
                if e.type is EntityType.COUNTRY and e.iri not in buyers
            ]
            c.add(Role.SUPPLIER, actors_at("from") or makers)
            if targets["from"] and Role.SUPPLIER not in c.roles:
                c.unnamed.add(Role.SUPPLIER)
        elif token.lemma_.lower() in RECEIVING_VERBS:
            c.add(taker_role, agents)
            c.add(giver_role, actors_at("from"))
        elif c.type is E.ARMS_TRANSFER and token.lemma_.lower() in CONTRACT_NOUNS:
            parties = [o for _p, o in prep_objects(token.head, {"with", "from", "to"})]
            others = actors_at("with", "from", "to") + [
                e for o in parties for e in actors_of_np(o, ctx)[0]
            ]
            won = token.head.lemma_.lower() in WINNING_VERBS
            if won or any(is_firm(a, ctx) for a in agents):
                c.add(Role.SUPPLIER, agents)
                c.add(Role.RECIPIENT, [e for e in others if e.iri not in c.roles[Role.SUPPLIER]])
            else:  # an agency or state placing an order buys, the firm it signs with supplies
                c.add(Role.RECIPIENT, agents)
                c.add(Role.SUPPLIER, [e for e in others if e.iri not in {a.iri for a in agents}])
        elif c.type is E.MILITARY_AID and token.lemma_.lower() in BUYING_VERBS:
            c.add(Role.DONOR, agents)
            c.add(Role.RECIPIENT, actors_at("for", "to"))
        elif c.type is E.MAINTENANCE_COOPERATION and _sender(token) is not None:
            _sent_for_maintenance(c, _sender(token), agents, ctx)
        elif c.type is E.MAINTENANCE_COOPERATION:
            # "maintenance at MHI's yard": a known firm; a name the reference lacks is a site
            sites = [e for e in _owners(targets["at"], ctx) if not e.minted]
            providers = agents or sites
            clients = _owners(heads + of_objects, ctx) + actors_at("for")
            clients = [
                e
                for e in clients
                if e.iri not in {a.iri for a in providers} and e.type is not EntityType.PERSON
            ]
            if providers and not clients:  # "Safran will open an engine repair hub in India"
                clients = _host_countries(token, heads + of_objects, providers, ctx)
            if not providers:  # "repair work for U.S. warships in Japan": done by Japan's yards
                providers = [
                    e
                    for e in _owners(targets["in"], ctx)
                    if e.type is EntityType.COUNTRY and e.iri not in {x.iri for x in clients}
                ]
            c.add(Role.PROVIDER, providers)
            c.add(Role.CLIENT, clients)
        else:
            if not agents and passive_subject(token) is not None:  # "its tanks were delivered"
                agents = _possessors(passive_subject(token), ctx)
            c.add(giver_role, agents)
            if not agents and c.inferred:  # "allies will provide": someone, though not known
                c.unnamed.add(giver_role)
            takers = actors_at("to", "for")
            if obj is not None and (c.type is E.MILITARY_AID or targets["with"]):
                takers += [e for e in actors_of_np(obj, ctx)[0] if e.type is EntityType.COUNTRY]
            if not takers and obj is not None:
                takers = _misparsed_dative(token, obj, ctx)
            givers = {a.iri for a in agents} | gapped  # "to Ukraine and the Netherlands 24"
            c.add(taker_role, [e for e in takers if e.iri not in givers])
            if not takers and any(unknown_group(h) for h in targets["to"] + targets["for"]):
                c.unnamed.add(taker_role)  # "to send weapons to a country at war"
    else:
        extra = (
            ("with", "between", "for", "to")
            if c.type is E.SUPPLY_CHAIN_COOPERATION
            else ("with", "between")
        )
        c.add(Role.PARTICIPANT, agents + actors_at(*extra))
        if c.type is E.SUPPLY_CHAIN_COOPERATION and obj is not None:
            c.add(Role.PARTICIPANT, _wanted_by(obj, ctx))
        subject = next((t for t in token.children if t.dep_ == "nsubj"), None)
        if (
            c.type is E.DEFENSE_COOPERATION
            and obj is not None
            and obj.lemma_.lower() in INSTITUTIONS
        ):
            # "an F-16 training centre set up by Romania ... started taking Ukrainian students"
            c.add(Role.PARTICIPANT, _trainees(obj, ctx))
            kinds = [m for m in obj.children if m.dep_ == "compound"]
            c.add(Role.MATERIEL, materiel_in(kinds, ctx))
        if c.type is E.DEFENSE_COOPERATION and subject is not None:  # "a pact between X and Y"
            found = [o for _p, o in prep_objects(subject, {"between", "among"})]
            c.add(Role.PARTICIPANT, [e for o in found for e in actors_of_np(o, ctx)[0]])
        if c.type is E.JOINT_PRODUCTION:
            c.add(Role.PARTICIPANT, _production_partners(token, heads + of_objects, ctx))
        together = c.joint or (
            c.type is E.SUPPLY_CHAIN_COOPERATION and token.head.lemma_.lower() in STRENGTHENING
        )
        if c.type in SHARED - {E.DEFENSE_COOPERATION} and together and not c.actor_iris():
            # "co-production of the Stryker is on the table", "enhancing supply chains"
            c.add(Role.PARTICIPANT, ctx.focus(2))
            c.inferred = True
        if c.type is E.LEADERS_MEETING and obj is not None:
            c.add(Role.PARTICIPANT, actors_of_np(obj, ctx)[0])
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
            hosts = [ctx.gazetteer.country_of(p.iri) for p in places]
            c.add(
                Role.PARTICIPANT,
                [ref.entity() for ref in (ctx.gazetteer.get(h) for h in hosts if h) if ref],
            )
    if c.type is E.POLICY_CHANGE:
        policies = entities_in(
            iter([t for h in heads + of_objects for t in phrase_tokens(h)]),
            ctx,
            {EntityType.POLICY},
        )
        c.add(Role.POLICY, policies)
        if not agents:
            for policy in policies:
                country = ctx.gazetteer.country_of(policy.iri)
                ref = ctx.gazetteer.get(country) if country else None
                if ref is not None:
                    c.add(Role.PARTICIPANT, [ref.entity()])
                    c.inferred = True
