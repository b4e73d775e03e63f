"""Role fillers from the dependency parse: who acts, on what, for whom, where."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from spacy.tokens import Token

from alliance_kg.model import Entity, EntityType
from alliance_kg.pipeline.context import ACTOR_TYPES, ArticleContext, counted_group
from alliance_kg.pipeline.lexicon import (
    DEAL_NOUNS,
    ESTABLISHING,
    GOVERNMENT_WORDS,
    GROUP_NOUNS,
    JOINT_BODIES,
    LEGISLATURES,
    MAINTENANCE_NOUNS,
    MINISTERIAL,
    NAMING,
    NUMBER_WORDS,
    OBJECT_CONTROL,
    REPORTING,
    VARIANT_NOUNS,
)

# Dependencies that stay inside one noun phrase's own modifiers.
NP_MODIFIERS = {"compound", "amod", "poss", "nmod", "conj", "appos", "npadvmod", "nummod"}
CLAUSAL = {"relcl", "acl", "advcl", "ccomp", "xcomp", "csubj", "parataxis"}
SUBJECTS = {"nsubj", "nsubjpass", "csubj", "expl"}
PRONOUNS = {"they", "their", "them", "its", "it", "theirs", "we", "our", "his", "her"}
RELATIVES = {"that", "which", "who", "whom", "whose"}
_PHRASES_KEY = "alliance_kg.phrases"  # doc.user_data: head position -> phrase positions
INHERITING = {
    "xcomp",
    "conj",
    "advcl",
    "pcomp",
    "acl",
    "ccomp",
    "relcl",
    "prep",
    "pobj",
    "dobj",
    "attr",
    "oprd",
    "acomp",
    "appos",
    "npadvmod",
    "compound",
    "amod",
}


def np_tokens(head: Token, *, with_of: bool = False) -> Iterator[Token]:
    """The head of a noun phrase and its modifiers (not its clauses or most prepositions)."""
    yield head
    for child in head.children:
        if child.dep_ in NP_MODIFIERS or child.dep_ == "cc":
            yield from np_tokens(child, with_of=with_of)
        elif with_of and child.dep_ == "prep" and child.lower_ in {"of", "within", "from"}:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    yield from np_tokens(obj, with_of=with_of)


def phrase_tokens(head: Token) -> Iterator[Token]:
    """A phrase's whole subtree, stopping at embedded clauses other than a name given to it
    ('a Polish version of the launcher, known as Homar-A'). Kept per doc (as positions): the
    rules ask for the same phrase many times."""
    doc = head.doc
    phrases = doc.user_data.setdefault(_PHRASES_KEY, {})
    positions = phrases.get(head.i)
    if positions is None:
        positions = phrases[head.i] = tuple(t.i for t in _phrase_walk(head))
    return (doc[i] for i in positions)


def _phrase_walk(head: Token) -> Iterator[Token]:
    yield head
    for child in head.children:
        if child.dep_ not in CLAUSAL or _naming(child):
            yield from phrase_tokens(child)


def _naming(clause: Token) -> bool:
    """'known as Homar-A', 'called the K2PL', 'dubbed Typhon', also after another participle
    ('a version adapted to Polish needs and known as the K2PL')."""
    if clause.dep_ != "acl" or clause.tag_ != "VBN":
        return False
    participles = [clause, *(c for c in clause.children if c.dep_ == "conj" and c.tag_ == "VBN")]
    return any(p.lemma_.lower() in NAMING for p in participles)


def entities_in(
    tokens: Iterator[Token], ctx: ArticleContext, kinds: set[EntityType]
) -> list[Entity]:
    """Linked entities of the given types among tokens, in order, without repeats."""
    found: dict[str, Entity] = {}
    for token in tokens:
        entity = ctx.entity_of(token)
        if entity is not None and entity.type in kinds:
            found.setdefault(entity.iri, entity)
    return list(found.values())


def actors_of_np(
    head: Token, ctx: ArticleContext, *, resolve: bool = True
) -> tuple[list[Entity], bool]:
    """The actors a noun phrase names; the flag tells they were inferred, not named.

    `resolve=False` leaves pronouns unresolved (used while resolving one, to stop there).
    """
    if head.lower_ in PRONOUNS:
        return (resolve_pronoun(head, ctx) if resolve else []), True
    tokens = np_tokens(head, with_of=head.lemma_ in GROUP_NOUNS | _OWNER_NOUNS | _COUNT_NOUNS)
    relational = head.lemma_ in RELATIONAL_NOUNS
    if relational:  # "Ukraine's allies", "its partners": others than the possessor
        owner = {t.i for c in head.children if c.dep_ == "poss" for t in c.subtree}
        tokens = (t for t in tokens if t.i not in owner)
    actors = entities_in(tokens, ctx, ACTOR_TYPES)
    firm = _firm_of_state(head, actors, ctx)
    if firm:  # "the Norwegian firm": the firm of that state the text is about
        return _roll_up(firm, ctx), True
    if actors and all(_unplaced_body(a, ctx) for a in actors):  # "the National Security Council"
        return _roll_up(actors, ctx) + ctx.home_here(head), True
    if actors:
        return _roll_up(actors, ctx), False
    founders = _founders(head, ctx) if head.lemma_ in JOINT_BODIES else []
    if founders:
        return founders, False
    for child in head.children:
        if child.dep_ == "poss" and child.lower_ in PRONOUNS and resolve and not relational:
            return resolve_pronoun(child, ctx), True
    leaders = _led_by(head, ctx) or _host_state(head, ctx)
    if leaders:
        return leaders, False
    for child in head.children:  # "the defence ministers of the three countries"
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.lemma_ in GROUP_NOUNS:
                    return actors_of_np(obj, ctx, resolve=resolve)
    sent_by = _sent_by(head, ctx) if head.lemma_ in PEOPLE_NOUNS else []
    if sent_by:
        return sent_by, True
    if head.lemma_ in GROUP_NOUNS | PEOPLE_NOUNS and head.tag_ in {"NNS", "NNPS"}:
        return _group(head, ctx), True
    if _numbered_pair(head):  # "the two agreed", "both said"
        size = NUMBER_WORDS[head.lower_]
        named = _states_named_before(head, ctx)
        return (
            named if len(named) == size else ctx.last_group(head, size) or ctx.focus(size)
        ), True
    taken_up = _taken_up(head, ctx)
    if taken_up:
        return taken_up, True
    home = _home_body(head) or head.lemma_ in LEGISLATURES
    if home and _only_determiner(head):  # "the government", "lawmakers": the home state's
        return _speakers_state(head, ctx) or ctx.home_here(head), True
    if home:  # "lawmakers in Seoul", "the cabinet of Prime Minister Kishida"
        return _state_named_in(head, ctx), True
    return [], False


def _state_named_in(head: Token, ctx: ArticleContext) -> list[Entity]:
    """The state of the first place, leader or body a home body's 'in' or 'of' phrase names:
    'the government in Tokyo', 'the regional government of Wallonia in Belgium'."""
    for _p, obj in prep_objects(head, {"in", "of"}):
        for token in phrase_tokens(obj):
            entity = ctx.entity_of(token)
            state = ctx.state_of(entity) if entity is not None else None
            if state is not None:
                return [state]
    return []


HOME_NOUNS = {
    "government",
    "administration",
    "cabinet",
    "ministry",
    "navy",
    "army",
    "military",
    "service",
}
# What a ministry is of, with no state named: "the defence ministry", "the foreign ministry".
PORTFOLIOS = {"defence", "defense", "foreign", "finance", "industry", "trade", "interior"}
# "the supplemental funds aid to Israel": a law acts for the state that passed it.
LAW_NOUNS = {"law", "bill", "supplemental", "act", "legislation"}
# Nouns naming others than their possessor: "Ukraine's allies", "its partners".
RELATIONAL_NOUNS = {"ally", "partner", "neighbor", "neighbour", "backer", "supporter"}
# A definite 'the company', 'the group': the firm last named.
FIRM_NOUNS = {"company", "firm", "manufacturer", "maker", "shipbuilder", "contractor"}
# A definite 'the country', 'the bloc': the state or bloc last named.
ANAPHORIC_NOUNS = {
    "country": EntityType.COUNTRY,
    "nation": EntityType.COUNTRY,
    "island": EntityType.COUNTRY,
    "kingdom": EntityType.COUNTRY,
    "bloc": EntityType.ORGANIZATION,
}


def _taken_up(head: Token, ctx: ArticleContext) -> list[Entity]:
    """'the bloc pledged', 'the island's defence ministry': the state or bloc last named;
    'the company', 'the group': the firm last named."""
    for noun in (head, *(c for c in head.children if c.dep_ == "poss")):
        if noun.tag_ != "NN" or not _only_determiner(noun):
            continue
        kind = ANAPHORIC_NOUNS.get(noun.lemma_)
        if kind is not None:
            return ctx.last_named(noun, kind)
        if noun.lemma_ in FIRM_NOUNS:
            return _roll_up(_firm_meant(noun, ctx), ctx)
    return []


def _firm_of_state(head: Token, actors: list[Entity], ctx: ArticleContext) -> list[Entity]:
    """'the Norwegian firm', 'the South Korean company': a firm named before, of the state
    its word names (the one 'the company' would take up among them)."""
    if head.lemma_ not in FIRM_NOUNS or head.tag_ != "NN" or not actors:
        return []
    definite = any(c.dep_ == "det" and c.lower_ == "the" for c in head.children)
    if not definite or any(a.type is not EntityType.COUNTRY for a in actors):
        return []
    states = {a.iri for a in actors}
    firms = [
        e
        for _span, e in ctx.bodies_before(head)
        if is_firm(e, ctx) and ctx.gazetteer.country_of(e.iri) in states
    ]
    return firms[:1]


def _firm_meant(noun: Token, ctx: ArticleContext) -> list[Entity]:
    """The firm 'the company' takes up, of those named before it (those of the speakers'
    state, if any: 'Turkish officials said the company'): the subject of the sentence before,
    else the firm its paragraph has named most (twice or more), else the one named last."""
    named = [(span, e) for span, e in ctx.bodies_before(noun) if is_firm(e, ctx)]
    speakers = {s.iri for s in _speakers_nationality(noun, ctx)}
    named = [n for n in named if ctx.gazetteer.country_of(n[1].iri) in speakers] or named
    for span, firm in named:
        if span.doc is noun.doc and span.sent.end == noun.sent.start and span.root.dep_ in SUBJECTS:
            return [firm]
    in_paragraph = Counter(e.iri for span, e in named if span.doc is noun.doc)
    top = in_paragraph.most_common(2)
    if top and top[0][1] >= 2 and (len(top) == 1 or top[1][1] < top[0][1]):
        return [next(e for _s, e in named if e.iri == top[0][0])]
    return [e for _s, e in named[:1]]


def _speakers_nationality(word: Token, ctx: ArticleContext) -> list[Entity]:
    """The states the people who say so are of: 'Turkish officials said', 'officials in
    Ankara said'."""
    words = [w for s in _speakers(word) for w in s.subtree if w.i < s.i or w.head.dep_ == "prep"]
    return [e for e in entities_in(iter(words), ctx, ACTOR_TYPES) if e.type is EntityType.COUNTRY]


def is_firm(entity: Entity, ctx: ArticleContext) -> bool:
    """A company: an organisation that belongs to a state (or is unknown to the reference)
    and whose name is not that of a ministry, agency or force."""
    if entity.type is not EntityType.ORGANIZATION:
        return False
    if government_named(entity):
        return False
    return entity.minted or ctx.gazetteer.country_of(entity.iri) is not None


def _states_named_before(head: Token, ctx: ArticleContext) -> list[Entity]:
    """The states the sentence has named (or whose people it has named) before a word."""
    before = [t for t in head.sent if t.i < head.i]
    found = entities_in(iter(before), ctx, ACTOR_TYPES)
    return [e for e in _roll_up(found, ctx) if e.type is EntityType.COUNTRY]


# People who act for their states: 'the (four) ministers' are the states in focus.
PEOPLE_NOUNS = MINISTERIAL | {"official", "diplomat", "negotiator", "delegation", "envoy"}
# Words that leave a group definite: 'the two countries', 'both sides', 'their leaders'.
_DEFINITE = {"the", "these", "those", "both", "all", "their", "our", "respective"}


def _group(head: Token, ctx: ArticleContext) -> list[Entity]:
    """Which states a definite plural group stands for: the states the sentence has just
    named, else those last named acting together, else the article's most named states (as
    many as counted: 'the three countries'). 'Allies', 'Western governments', 'other
    countries' are no one in particular."""
    definite = False
    for child in head.children:
        word = child.lower_
        if child.dep_ == "poss" and child.lemma_ in GROUP_NOUNS:  # "the three countries' leaders"
            return actors_of_np(child, ctx)[0]
        if word in NUMBER_WORDS or word in _DEFINITE:
            definite = True
        elif child.dep_ in {"amod", "compound"} and head.lemma_ in PEOPLE_NOUNS:
            continue  # "the foreign ministers": their office, not whose they are
        elif child.dep_ in {"amod", "compound", "nmod", "det", "nummod"}:
            return []
    if not definite:
        return []
    size = counted_group(head)
    named = _states_named_before(head, ctx)
    if len(named) >= 2 and size in (None, len(named)):
        return named  # "he and Biden issued ..., under which the allies set up"
    return ctx.last_group(head, size) or ctx.focus(size or ctx.group_size(head))


def _sent_by(people: Token, ctx: ArticleContext) -> list[Entity]:
    """The states officials come from: 'officials in Seoul', 'negotiators from both sides'."""
    for _prep, obj in prep_objects(people, {"in", "from"}):
        actors, _ = actors_of_np(obj, ctx)
        place = ctx.place_of(obj) if not actors else None
        state = ctx.state_of(place) if place is not None else None
        found = actors or ([state] if state is not None else [])
        if found:
            return found
    return []


def _numbered_pair(head: Token) -> bool:
    """A number standing alone for the states just named: 'the two agreed', 'both said'."""
    if head.lower_ not in NUMBER_WORDS or head.pos_ not in {"NUM", "PRON", "DET"}:
        return False
    if any(c.dep_ == "prep" for c in head.children):
        return False  # "two of the jets"
    return head.lower_ == "both" or any(c.lower_ == "the" for c in head.children)


def unknown_group(head: Token) -> bool:
    """A group noun that may stand for no one known ('Western countries', 'allies', 'a country
    at war'): the text names a side, without saying who."""
    if head.lemma_ not in GROUP_NOUNS:
        return False
    indefinite = any(c.dep_ == "det" and c.lower_ in _INDEFINITE for c in head.children)
    return head.tag_ in {"NNS", "NNPS"} or indefinite


_INDEFINITE = {"a", "an", "another", "any", "some", "other"}


# Works that belong to where they stand: 'dockyards in Yokohama' are Japan's.
FACILITY_NOUNS = {"shipyard", "dockyard", "yard", "plant", "factory", "facility", "depot"}


def _host_state(head: Token, ctx: ArticleContext) -> list[Entity]:
    """The state a facility named only by its place stands in ('commercial dockyards in
    nearby Yokohama')."""
    if head.lemma_ not in FACILITY_NOUNS:
        return []
    anchors = [head, head.head] if head.dep_ == "dobj" else [head]  # "operates yards in X"
    for _prep, obj in (pair for a in anchors for pair in prep_objects(a, {"in", "at", "near"})):
        place = ctx.place_of(obj)
        state = ctx.state_of(place) if place is not None else None
        if state is not None:
            return [state]
    return []


def _led_by(head: Token, ctx: ArticleContext) -> list[Entity]:
    """'a coalition led by Latvia and Britain', 'a centre set up by Romania': the agent of a
    participle describing a noun phrase that names no one itself."""
    objects = (
        obj
        for child in head.children
        if child.dep_ == "acl" and child.tag_ == "VBN"
        for agent in child.children
        if agent.dep_ == "agent"
        for obj in agent.children
        if obj.dep_ == "pobj"
    )
    obj = next(objects, None)
    return actors_of_np(obj, ctx)[0] if obj is not None else []


def _speakers_state(word: Token, ctx: ArticleContext) -> list[Entity]:
    """'officials in Manila said the navy lacks sensors': the state whose capital those who
    say so speak from (not 'a Korean official', who may speak of a client's navy)."""
    seats = [o for s in _speakers(word) for _p, o in prep_objects(s, {"in"})]
    return entities_in(iter(seats), ctx, {EntityType.COUNTRY})[:1]


def _speakers(word: Token) -> list[Token]:
    """The people saying what a word is told in: 'officials' of 'officials in Manila said'."""
    report = next((a for a in word.ancestors if a.lemma_.lower() in REPORTING), None)
    return [
        c
        for c in (report.children if report is not None else [])
        if c.dep_ == "nsubj" and c.lemma_ in PEOPLE_NOUNS | {"officer"}
    ]


def _home_body(head: Token) -> bool:
    """'the government', 'the navy', 'the air force', 'the law': a body every state has."""
    if head.tag_ != "NN":
        return False
    if head.lemma_ == "force":
        return any(c.dep_ == "compound" and c.lower_ == "air" for c in head.children)
    return head.lemma_ in HOME_NOUNS | LAW_NOUNS


def _only_determiner(head: Token) -> bool:
    """'the government' ('the navy's', 'the air force') with nothing else: the state the
    article is about; an adjective after the noun names none ('the air force short of jets')."""
    return all(
        (c.dep_ == "det" and c.lower_ == "the")
        or c.dep_ == "case"
        or (c.dep_ == "amod" and c.i > head.i)
        or (c.dep_ == "compound" and c.lower_ == "air")
        or (c.dep_ in {"compound", "amod"} and c.lower_ in PORTFOLIOS and head.lemma_ == "ministry")
        for c in head.children
    )


_OWNER_NOUNS = {
    "industry",
    "company",
    "firm",
    "shipyard",
    "military",
    "force",
    "army",
    "navy",
    "government",
    "ministry",
    "official",
    "contractor",
    "manufacturer",
    "side",
    "facility",
    "producer",
    "defense",
    "defence",
    "people",
    "troop",
    "battalion",
    "brigade",
    "contingent",
    "regiment",
    "battlegroup",
    "detachment",
    "soldier",
    "sailor",
    "civilian",
    "worker",
    "engineer",
    "employee",
    "technician",
}
# Heads that count the people of a phrase: "thousands of Japanese civilians".
_COUNT_NOUNS = {"thousand", "hundred", "dozen"}


def _unplaced_body(actor: Entity, ctx: ArticleContext) -> bool:
    """A government body the reference does not know, of no named state: the home state's."""
    return (
        actor.minted
        and actor.type is EntityType.ORGANIZATION
        and government_named(actor)
        and ctx.gazetteer.country_of(actor.iri) is None
    )


def government_named(entity: Entity) -> bool:
    """The name is that of a ministry, agency or force ('Defense Acquisition Program
    Administration')."""
    return bool(set(entity.label.lower().split()) & GOVERNMENT_WORDS)


def _roll_up(actors: list[Entity], ctx: ArticleContext) -> list[Entity]:
    out: dict[str, Entity] = {}
    for actor in actors:
        for entity in ctx.with_country(actor):
            out.setdefault(entity.iri, entity)
    return list(out.values())


def resolve_pronoun(pronoun: Token, ctx: ArticleContext) -> list[Entity]:
    """'their', 'its', 'they': the subject of a governing clause, else the last sentence's."""
    bound = _own_subject(pronoun)
    node = pronoun.head
    while node.head.i != node.i:
        same = _object_pronoun(node, pronoun)
        if same is not None:  # "expelled it over its purchase": the possessor is the object
            return resolve_pronoun(same, ctx)
        for child in _clause_subjects(node):
            if _same_referent(child, pronoun):
                return resolve_pronoun(child, ctx)
            if child.i < pronoun.i and child.lower_ not in PRONOUNS | RELATIVES:
                if child.i in bound:
                    continue
                actors, _ = actors_of_np(child, ctx, resolve=False)
                if actors or _agrees(pronoun, child):
                    return actors  # "the F-16s ... on their own": a thing, no actor
        node = node.head
    for child in node.children:
        if child.dep_ in SUBJECTS and _same_referent(child, pronoun):
            return resolve_pronoun(child, ctx)
        if child.dep_ in SUBJECTS and child.i != pronoun.i and child.lower_ not in PRONOUNS:
            if child.i in bound:
                continue
            actors, _ = actors_of_np(child, ctx, resolve=False)
            if actors:
                return actors
    if pronoun.lower_ in {"its", "it"}:
        before = [t for t in pronoun.sent if t.i < pronoun.i and t.i not in bound]
        for token in reversed(before):
            entity = ctx.entity_of(token)
            if entity is not None and entity.type in ACTOR_TYPES:
                return _roll_up([entity], ctx)
    return list(ctx.last_subject)


_OBJECT_FORM = {"its": "it", "their": "them"}
_SUBJECT_FORM = {"its": "it", "their": "they"}


def _same_referent(subject: Token, possessive: Token) -> bool:
    """A subject pronoun before a possessive of its kind: 'it gave up jets, leaving its
    squadrons short', 'they sent tanks, emptying their depots' (one referent)."""
    return subject.i < possessive.i and subject.lower_ == _SUBJECT_FORM.get(possessive.lower_)


def _own_subject(pronoun: Token) -> set[int]:
    """An object pronoun is never its own clause's subject ('X expelled it'; else 'itself')."""
    if pronoun.dep_ not in {"dobj", "iobj", "dative"}:
        return set()
    return {t.i for c in pronoun.head.children if c.dep_ in SUBJECTS for t in c.subtree}


def _object_pronoun(clause: Token, possessive: Token) -> Token | None:
    """The clause's object pronoun a possessive repeats: 'punished them for their deal'."""
    form = _OBJECT_FORM.get(possessive.lower_) if possessive.dep_ == "poss" else None
    return next(
        (
            c
            for c in clause.children
            if c.dep_ == "dobj" and c.lower_ == form and c.i < possessive.i
        ),
        None,
    )


def _agrees(pronoun: Token, noun: Token) -> bool:
    """A common noun a pronoun agrees with in number: 'the launcher ... it', 'makers ... they'."""
    if noun.left_edge.i <= pronoun.i <= noun.right_edge.i:
        return False  # "the jet it is developing": not the noun its own clause describes
    if any(c.dep_ == "poss" for c in noun.children):
        return False  # "his government ... its refusal": whose it is tells
    plural = pronoun.lower_ in {"they", "their", "them", "theirs"}
    return noun.pos_ == "NOUN" and noun.tag_ == ("NNS" if plural else "NN")


def _clause_subjects(node: Token) -> list[Token]:
    """The subjects of a clause, nearest first: a small clause's ('would make Tokyo the
    supplier ... since it began') before the verb's own."""
    small = [
        s
        for c in node.children
        if c.dep_ in {"ccomp", "oprd"} and c.pos_ in {"NOUN", "PROPN"}
        for s in c.children
        if s.dep_ in SUBJECTS
    ]
    return small + [c for c in node.children if c.dep_ in SUBJECTS]


def _reported(came_by: str, clause: Token) -> bool:
    """A clause a reporting verb governs: its complement, or a second 'and that ...' one."""
    if came_by in {"ccomp", "parataxis"}:
        return True
    opener = clause.left_edge
    return came_by == "conj" and opener.dep_ == "mark" and opener.lower_ == "that"


def subject_actors(verb: Token, ctx: ArticleContext) -> tuple[list[Entity], bool]:
    """The actors doing what `verb` says: its subject, a passive's agent, or a controller's;
    for a present participle, the noun it describes ('Israeli defences working alongside')."""
    if verb.dep_ == "acl" and verb.tag_ == "VBG":
        actors, inferred = actors_of_np(verb.head, ctx)
        if actors:
            return actors, inferred
    node, came_by, below = verb, "", verb
    for _ in range(12):
        if _reported(came_by, below) and node.lemma_.lower() in REPORTING:
            break  # "X said that Y will deliver": the reporter is not the actor
        owner = _owner_of_noun(node) if came_by == "acl" else None
        if owner is not None:  # "gain from Turkey's decision to buy Typhoons": Turkey buys
            actors, inferred = actors_of_np(owner, ctx)
            if actors:
                return actors, inferred
        agent = _agent(node, controller=node.i != verb.i)
        if came_by == "xcomp" and node.lemma_.lower() in OBJECT_CONTROL:
            agent = next((c for c in node.children if c.dep_ == "dobj"), agent)  # urged Tokyo to
        if came_by == "dobj" and awarder(verb) is not None:  # "awarded Hanwha a contract to"
            agent = next((_awardee(c) for c in node.children if c.dep_ == "dative"), agent)
        if agent is not None:
            if agent.lower_ in RELATIVES and node.dep_ == "relcl":
                return actors_of_np(_antecedent(node), ctx)
            actors, inferred = actors_of_np(agent, ctx)
            for other in node.children:  # "Biden, ... Kishida and Yoon agreed" parsed as two
                if other.dep_ == agent.dep_ == "nsubj" and other.i != agent.i and actors:
                    actors += [e for e in actors_of_np(other, ctx)[0] if e not in actors]
            if actors or unknown_group(agent):
                return actors, inferred
        if node.dep_ not in INHERITING or node.head.i == node.i:
            break
        came_by, below, node = node.dep_, node, node.head
    return [], False


def _owner_of_noun(noun: Token) -> Token | None:
    """The possessor of a noun, or its maker: 'Turkey' of "Turkey's decision" and of "a
    decision by Turkey"."""
    if noun.pos_ not in {"NOUN", "PROPN"}:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    return owner or next((o for _p, o in prep_objects(noun, {"by"})), None)


def _founders(body: Token, ctx: ArticleContext) -> list[Entity]:
    """'a joint venture that Rheinmetall and the Ukrainian group set up': who set it up acts
    through it."""
    for clause in body.children:
        if clause.dep_ == "relcl" and clause.lemma_.lower() in ESTABLISHING:
            subjects = [c for c in clause.children if c.dep_ == "nsubj"]
            return [
                e for s in subjects if s.lower_ not in RELATIVES for e in actors_of_np(s, ctx)[0]
            ]
    return []


def awarder(verb: Token) -> Token | None:
    """Who awarded the work a verb says: the U.S. Navy of 'the U.S. Navy awarded Hanwha a
    contract to maintain' or of 'awarded a contract to Hanwha to maintain'."""
    governor = verb.head.head if verb.dep_ == "acl" and verb.head.dep_ == "dobj" else verb.head
    deps = {c.dep_ for c in governor.children}
    awarded = any(c.dep_ == "dobj" and c.lemma_.lower() in DEAL_NOUNS for c in governor.children)
    if verb.dep_ not in {"acl", "advcl"} or "dative" not in deps or not awarded:
        return None
    return next((c for c in governor.children if c.dep_ == "nsubj"), None)


def _awardee(dative: Token) -> Token:
    """The one given something: 'Hanwha' of 'awarded Hanwha' or of 'awarded ... to Hanwha'."""
    return next((c for c in dative.children if c.dep_ == "pobj"), dative)


def _antecedent(clause: Token) -> Token:
    """What a relative clause is about; a plural verb hung on a singular name agrees with the
    plural noun before it ('dockyards in nearby Yokohama, which have done repairs')."""
    head = clause.head
    verbs = [clause, *(c for c in clause.children if c.dep_ in {"aux", "auxpass"})]
    if verbs[-1].tag_ != "VBP" or head.tag_ not in {"NN", "NNP"}:
        return head
    before = [t for t in head.sent if t.i < head.i and t.tag_ in {"NNS", "NNPS"}]
    return before[-1] if before else head


def received(verb: Token) -> Token | None:
    """Who a passive verb acts on, a relative pronoun standing for its antecedent: 'Starmer,
    who was received by Erdogan'."""
    patient = passive_subject(verb)
    if patient is not None and patient.lower_ in RELATIVES and verb.dep_ == "relcl":
        return _antecedent(verb)
    return patient


def subject_of(verb: Token) -> Token | None:
    """The doer of a verb, or of the verb whose infinitive it is ('are scheduled to meet')."""
    node = verb
    while (found := _agent(node, controller=node.i != verb.i)) is None and node.dep_ in {
        "xcomp",
        "acomp",  # "are likely to visit"
    }:
        node = node.head
    return found


def _agent(verb: Token, *, controller: bool = False) -> Token | None:
    """The doer of a verb; a governing verb's passive subject controls ('X is set to buy')."""
    for child in verb.children:
        if child.dep_ == "agent":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    subjects = {"nsubj", "nsubjpass"} if controller else {"nsubj"}
    for child in verb.children:
        if child.dep_ in subjects:
            return child
    for aux in verb.children:  # "Sweden, for its part, has been weighing": hung on the auxiliary
        if aux.dep_ == "aux":
            subject = next((c for c in aux.children if c.dep_ in subjects), None)
            if subject is not None:
                return subject
    return None


def acted_by_legislature(verb: Token) -> bool:
    """The verb's subject is a legislature: 'Turkey's parliament approved', 'lawmakers passed'."""
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in LEGISLATURES for c in verb.children)


def takes_effect(verb: Token) -> bool:
    """'took effect', 'entered into force', 'came into force'."""
    lemma = verb.lemma_.lower()
    if lemma == "take":
        return any(c.dep_ == "dobj" and c.lemma_.lower() == "effect" for c in verb.children)
    return lemma in {"enter", "come"} and any(
        c.dep_ == "prep"
        and c.lower_ == "into"
        and any(g.lemma_.lower() == "force" for g in c.children)
        for c in verb.children
    )


def passive_subject(verb: Token) -> Token | None:
    """What a passive verb acts on; a conjoined participle shares it ('SSN-AUKUS will be
    designed by Britain and built in Australia'), so does a passive infinitive its raising
    verb's subject ('the frigate is scheduled to be handed over')."""
    own = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    bare = not any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children)
    if bare and verb.dep_ == "conj" and verb.tag_ == "VBN":
        return passive_subject(verb.head)
    raised = verb.dep_ == "xcomp" and any(c.dep_ == "auxpass" for c in verb.children)
    if bare and raised:  # "are due to be handed over": the subject of "are"
        raiser = verb.head.head if verb.head.dep_ == "acomp" else verb.head
        return next((c for c in raiser.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return own


def prep_objects(head: Token, preps: set[str]) -> Iterator[tuple[str, Token]]:
    """(preposition, object) pairs hanging off a word: 'to the United States'."""
    for child in head.children:
        if child.dep_ in {"prep", "dative"} and child.lower_ in preps:
            for obj in child.children:
                if obj.dep_ == "pobj":
                    yield child.lower_, obj
                    for conj in obj.conjuncts:
                        yield child.lower_, conj
        elif child.dep_ == "dative" and child.pos_ in {"PROPN", "NOUN"}:
            yield "to", child


def direct_object(verb: Token) -> Token | None:
    """The object; of two ('sent Ukraine dozens of guns', parsed as two objects), the second:
    the first is whom it goes to (`second_object_dative`)."""
    objects = [c for c in verb.children if c.dep_ in {"dobj", "attr", "oprd"}]
    return objects[1] if second_object_dative(verb) else next(iter(objects), None)


def more_objects(verb: Token) -> list[Token]:
    """Objects beyond the first a parser split off: 'sent Ukraine dozens of guns, as well as 18
    howitzers', the howitzers as a third object or as a conjunct of the verb; 'refitted a
    second ship, the fleet oiler USNS Yukon', the appositive hung on the verb."""
    first = direct_object(verb)
    return [
        c
        for c in verb.children
        if (c.pos_ == "NOUN" and c.dep_ == "conj")
        or (first is not None and c.i > first.i and (c.dep_ == "dobj" or _apposed(c)))
    ]


def _apposed(noun: Token) -> bool:
    """A noun phrase hung on the verb right after a comma, as a parser leaves an appositive
    of the object ('a second ship, the fleet oiler ...'), not 'last year'."""
    start = noun.left_edge.i
    placed = noun.dep_ in {"npadvmod", "appos"} and noun.pos_ in {"NOUN", "PROPN"}
    return placed and start > 0 and noun.doc[start - 1].text == ","


def dative_passive(verb: Token) -> Token | None:
    """'Ukraine was given tanks', 'Estonia was sold howitzers': a passive that keeps its
    object; its subject is the one receiving."""
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is None or not any(c.dep_ == "dobj" for c in verb.children):
        return None
    return subject


def second_object_dative(verb: Token) -> Token | None:
    """'has sent Ukraine dozens of guns' parsed with two (or more) objects: the first, a name,
    receives."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if len(objects) >= 2 and objects[0].pos_ == "PROPN" and objects[1].pos_ in {"NOUN", "NUM"}:
        return objects[0]
    return None


def antecedent_object(verb: Token) -> Token | None:
    """The noun a relative or participial clause acts on: 'the launchers that Taiwan ordered',
    'two batteries ordered in 2018', 'the tanks that Berlin agreed to send'."""
    acted_on = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
    if verb.dep_ == "relcl" and any(c.lower_ in {"that", "which"} for c in acted_on):
        return verb.head
    if verb.dep_ == "xcomp" and verb.head.dep_ == "relcl":  # the pronoun may hang on 'agreed'
        objects = acted_on + [c for c in verb.head.children if c.dep_ == "dobj"]
        pronouns = [c for c in objects if c.lower_ in {"that", "which"}]
        if pronouns and all(c.lower_ in {"that", "which"} for c in acted_on):
            return verb.head.head
    if verb.dep_ == "acl" and verb.tag_ == "VBN" and not acted_on:
        return verb.head
    clause = verb.head if verb.dep_ == "xcomp" else verb  # "agreed to acquire"
    if clause.dep_ == "relcl" and any(_partitive(c) for c in acted_on):
        return clause.head  # "batteries, two of which Warsaw bought"
    if clause.dep_ == "relcl" and not acted_on and _partitive(clause.head):
        counted = clause.head  # "the Tomahawk, some 400 of which Japan agreed to acquire"
        return counted.head if counted.dep_ == "appos" else counted
    if verb.dep_ == "relcl" and not acted_on and _zero_relative(verb):
        return verb.head  # "the $3.8 billion a year Israel receives"
    return None


def _partitive(noun: Token) -> bool:
    """'some 400 of which', 'one of which': a part of the noun a relative clause is about."""
    return any(o.lower_ in {"which", "whom"} for _p, o in prep_objects(noun, {"of"}))


def _zero_relative(verb: Token) -> bool:
    """A relative clause with no pronoun, its own subject and nothing left dangling: the noun
    it modifies is its object ('the tanks Poland ordered', not 'the firms it relies on')."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ in RELATIVES or subject.i < verb.head.i:
        return False
    dangling = any(
        c.dep_ == "prep" and not any(g.dep_ == "pobj" for g in c.children) for c in verb.children
    )
    return not dangling and not any(c.dep_ in {"ccomp", "xcomp"} for c in verb.children)


def conjunct_object(verb: Token) -> Token | None:
    """'repair and overhaul U.S. Navy vessels': conjoined verbs share the object."""
    return next(
        (
            direct_object(c)
            for c in verb.children
            if c.dep_ == "conj" and c.pos_ == "VERB" and direct_object(c) is not None
        ),
        None,
    )


def stranded_object(verb: Token, ctx: ArticleContext) -> Token | None:
    """A materiel noun just after an object-less verb, when the parser hung it elsewhere
    ('to ship domestically made Patriot missiles' parsed with 'made' taking the object)."""
    for token in verb.doc[verb.i + 1 : min(verb.i + 7, verb.sent.end)]:
        if token.pos_ == "VERB" and token.tag_ != "VBN":
            return None
        entity = ctx.entity_of(token)
        if entity is not None and entity.type is EntityType.MATERIEL and token.pos_ != "VERB":
            head = token
            while head.dep_ in {"compound", "amod", "nmod"} and head.head.i > head.i:
                head = head.head
            return head
    return None


def sent_for_work(verb: Token) -> Token | None:
    """The maintenance noun a verb of sending is for: 'send destroyers ... for overhauls'."""
    for _prep, obj in prep_objects(verb, {"for"}):
        if obj.lemma_.lower() in MAINTENANCE_NOUNS:
            return obj
    return None


def materiel_in(heads: list[Token], ctx: ArticleContext) -> list[Entity]:
    tokens: list[Token] = []
    for head in heads:
        tokens.extend(phrase_tokens(head))
    return entities_in(iter(tokens), ctx, {EntityType.MATERIEL})


def variant_of(noun: Token) -> Token:
    """'an upgraded version of Japan's Mogami-class frigate': the frigate."""
    if noun.lemma_.lower() in VARIANT_NOUNS:
        return next((obj for _, obj in prep_objects(noun, {"of"})), noun)
    return noun
