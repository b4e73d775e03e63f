"""One event per real-world event within an article: candidates from several sentences merge.

A candidate joins an earlier event of its class when their actors nest (one set inside the
other), their directed roles don't clash and their materiel is compatible. A candidate that
names no actor ("the meeting", "parts production") joins the nearest event of its class, or
is dropped: no event is asserted without someone doing it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from spacy.tokens import Token

from alliance_kg.model import (
    ACTOR_ROLES,
    Entity,
    Event,
    EventClass,
    EventDate,
    Mention,
    Quantity,
    Role,
    Status,
)
from alliance_kg.pipeline.candidate import DIRECTED, SHARED, Candidate, actor_iris
from alliance_kg.pipeline.context import ArticleContext
from alliance_kg.pipeline.lexicon import (
    ARRANGING,
    BUYING_NOUNS,
    BUYING_VERBS,
    COMMERCE,
    DEAL_NOUNS,
    DEALS_FOR_GOODS,
    DISTINCT_MARKERS,
    FUTURE_MODALS,
    OFFERING_VERBS,
    SALE_WORDS,
    SELECTING,
    STATE_CLASSES,
    TAKING_VERBS,
)
from alliance_kg.pipeline.roles import is_firm, phrase_tokens
from alliance_kg.pipeline.trigger_checks import phrasal_lemma, sum_put_in
from alliance_kg.pipeline.trigger_phrases import counts_only

E = EventClass
MATERIEL_IDENTITY = {E.ARMS_TRANSFER, E.MILITARY_AID}
# Classes whose events are agreements or policies, told apart by what each introduces.
ARRANGEMENTS = {E.DEFENSE_COOPERATION, E.POLICY_CHANGE}
# The kinds of defence cooperation the contract names (ak:DefenseCooperation's subclasses).
COOPERATION_KINDS = {
    E.JOINT_PRODUCTION,
    E.ARMS_TRANSFER,
    E.MAINTENANCE_COOPERATION,
    E.SUPPLY_CHAIN_COOPERATION,
}
# How far an event has gone, from an idea to a thing done.
STAGES = [
    Status.CONSIDERED,
    Status.PLANNED,
    Status.EXPECTED,
    Status.AGREED,
    Status.ONGOING,
    Status.COMPLETED,
]
# Clauses saying what an agreement is for: "a partnership ... to build frigates".
PURPOSE = {"xcomp", "advcl"}


@dataclass
class Draft:
    """An event being assembled from the candidates that report it."""

    type: EventClass
    negated: bool
    members: list[Candidate] = field(default_factory=list)
    roles: dict[Role, dict[str, Entity]] = field(default_factory=dict)
    causes: set[int] = field(default_factory=set)
    occasion: EventDate | None = None  # the day of what its parties did, for an undated meeting

    def absorb(self, candidate: Candidate) -> None:
        self.members.append(candidate)
        for role, found in candidate.roles.items():
            for iri, entity in found.items():
                self.roles.setdefault(role, {}).setdefault(iri, entity)

    def actors(self) -> set[str]:
        return actor_iris(self.roles)

    def sentences(self) -> set[tuple[int, int, EventClass]]:
        return {_sentence_key(m) for m in self.members}

    def position(self) -> int:
        return min(c.offset + c.sentence.start_char for c in self.members)


def _complete(c: Candidate, ctx: ArticleContext) -> bool:
    """Whether a candidate names enough to stand as an event on its own."""
    actors = c.actor_iris()
    if not actors or c.elaboration:
        return False
    parties = _states(actors, ctx)  # a firm and its state: one
    if c.type is E.JOINT_PRODUCTION:
        return c.joint or len(parties) >= 2
    if c.type in (E.LEADERS_MEETING, E.DEFENSE_COOPERATION):
        return len(parties) >= 2
    if c.type is E.ARMS_TRANSFER:
        return bool(c.roles.get(Role.MATERIEL)) or (
            Role.SUPPLIER in c.roles and Role.RECIPIENT in c.roles
        )
    return True


def _compatible(
    draft: Draft,
    c: Candidate,
    ctx: ArticleContext,
    *,
    pending: bool = False,
    published: date | None = None,
) -> bool:
    if not _same_kind(draft, c) or draft.negated != c.modality.negated:
        return False
    if not pending and (
        _other_years(draft.members, c)
        or _done_beside_due(draft.members, c)
        or _handed_over_before(draft.members, c, ctx, published)
        or _due_beside_made_before(draft.members, c, published)
    ):
        return False
    if c.type in SHARED and _conjoined(draft, c):
        return True  # "will be designed by Britain ... and built in Britain and Australia"
    if c.type in _INDUSTRIAL and _firms_deal_apart(draft, c, ctx):
        return False
    mine, theirs = draft.actors(), c.actor_iris()
    if c.type in MATERIEL_IDENTITY:  # a state, its leaders and agencies are one party
        mine, theirs = _parties(draft.roles, ctx), _parties(c.roles, ctx)
    if c.type is E.JOINT_PRODUCTION and c.inferred:  # a guessed partner splits no venture
        mine, theirs = _states(mine, ctx), _states(theirs, ctx)
    if theirs and not (mine <= theirs or theirs <= mine):
        return False
    if c.type is E.DEFENSE_COOPERATION and not _same_states(mine, theirs, ctx):
        return False
    if not pending and _other_arrangement(draft.members, c):
        return False
    if any(draft.roles.get(role) for role in c.unnamed):
        return False  # "allies will provide": another giver than the one the event names
    if c.type in DIRECTED:
        giver, taker = DIRECTED[c.type]
        if set(c.roles.get(giver, {})) & set(draft.roles.get(taker, {})) or set(
            c.roles.get(taker, {})
        ) & set(draft.roles.get(giver, {})):
            return False
    if c.type is E.CAPACITY_SHORTFALL:
        return True  # one side's shortage, whichever munitions its sentences name
    if c.type in MATERIEL_IDENTITY and not (c.elaboration or pending) and _sums(c):
        funded = {q for m in draft.members for q in _sums(m)}
        if funded and not funded & _sums(c):
            return False  # "$2.2 billion in funds to buy interceptors" beside a $150m package
    have = set(draft.roles.get(Role.MATERIEL, {}))
    new = set(c.roles.get(Role.MATERIEL, {}))
    if c.elaboration:
        return True  # detail on an event's contents: more materiel, not another event
    generic = ctx.gazetteer.is_generic
    mine, theirs = {i for i in have if not generic(i)}, {i for i in new if not generic(i)}
    if (  # HIMARS and Abrams are two transfers, whatever 'weapons' came first
        c.type in MATERIEL_IDENTITY
        and mine
        and theirs
        and not mine & theirs
        and not _related(mine, theirs, ctx)
    ):
        return False
    if c.type is E.JOINT_PRODUCTION and _different_systems(have, new, ctx):
        return False  # one partnership making AMRAAMs and Patriots: two production lines
    if have and new and not have & new and not _related(have, new, ctx):
        if c.type in MATERIEL_IDENTITY and not (
            all(generic(i) for i in have) or all(generic(i) for i in new)
        ):
            return False
        if pending:  # "the K2 will be produced abroad" is no part of a missile venture
            return c.type is not E.JOINT_PRODUCTION
        specific = [e for e in draft.roles[Role.MATERIEL].values() if ctx.is_specific_materiel(e)]
        if specific and all(ctx.is_specific_materiel(e) for e in c.roles[Role.MATERIEL].values()):
            return False
    return True


def _other_arrangement(members: list[Candidate], candidate: Candidate) -> bool:
    """'concluded a roadmap' beside 'launched INDUS-X', a treaty signed in 2023 beside a pact
    signed in 2025: two agreements or policies, where each mention introduces its own (a name
    or 'a ...') or the text dates them made in other years. A mention of 'the pact' or 'it',
    with no year, repeats the one before."""
    if candidate.type not in ARRANGEMENTS:
        return False
    made = {_year_made(m) for m in members} - {None}
    year = _year_made(candidate)
    if year is not None and made and year not in made:
        return True
    new = _introduced(candidate)
    others = {_introduced(m) for m in members if _sentence_key(m) != _sentence_key(candidate)}
    others.discard(None)
    return new is not None and bool(others) and new not in others


def _introduced(candidate: Candidate) -> str | None:
    """The lemma of the agreement, body or policy a mention introduces by name or with 'a'
    ('signed a treaty', 'INDUS-X, a network', 'a roadmap for cooperation'); None for one it
    refers back to ('the pact')."""
    trigger = candidate.trigger
    head = trigger
    if trigger.pos_ not in {"NOUN", "PROPN"}:
        head = next((t for t in trigger.children if t.dep_ in {"dobj", "nsubjpass"}), None)
    if head is None:
        return None
    heads = [head]
    if head.dep_ == "pobj" and head.head.head.pos_ == "NOUN":  # "a roadmap for cooperation"
        heads.append(head.head.head)
    return next(
        (
            h.lemma_.lower()
            for h in heads
            if h.pos_ == "PROPN"
            or any(t.dep_ == "det" and t.lower_ in {"a", "an"} for t in h.children)
        ),
        None,
    )


# Industrial work firms may do on their own, beside their states' accords.
_INDUSTRIAL = {E.JOINT_PRODUCTION, E.SUPPLY_CHAIN_COOPERATION, E.MAINTENANCE_COOPERATION}


def _firms_deal_apart(draft: Draft, candidate: Candidate, ctx: ArticleContext) -> bool:
    """A firm's own deal is not the states' accord beside it ('HD Hyundai signed an agreement
    with HII in April to study joint construction' beside 'Seoul earmarked $150 billion for
    shipbuilding cooperation' in July): work naming firms stays apart from work naming only
    states when the firms' is dated and the states' is not dated alike."""
    firms_mine = any(_names_firm(m.roles, ctx) for m in draft.members)
    if firms_mine == _names_firm(candidate.roles, ctx):
        return False
    if not (draft.actors() and candidate.actor_iris()):
        return False
    mine = [m.date for m in draft.members if m.date is not None]
    theirs = [candidate.date] if candidate.date is not None else []
    firm_dates, state_dates = (mine, theirs) if firms_mine else (theirs, mine)
    return bool(firm_dates) and not any(_alike(f, s) for f in firm_dates for s in state_dates)


def _names_firm(roles: dict[Role, dict[str, Entity]], ctx: ArticleContext) -> bool:
    return any(
        is_firm(entity, ctx)
        for role, found in roles.items()
        if role in ACTOR_ROLES
        for entity in found.values()
    )


def _alike(one: EventDate, other: EventDate) -> bool:
    """Two dates that may be one: the same year, and the same month where both give one."""
    return one.year == other.year and (None in (one.month, other.month) or one.month == other.month)


def _conjoined(draft: Draft, candidate: Candidate) -> bool:
    """A verb coordinated with one of the draft's in the same sentence: one event told in two
    clauses, whatever actors each names."""
    conjuncts = {t.i for t in candidate.trigger.conjuncts}
    return any(
        _sentence_key(m) == _sentence_key(candidate) and m.trigger.i in conjuncts
        for m in draft.members
    )


def _fill_ellipses(candidates: list[Candidate]) -> None:
    """'Belgium has pledged 30 more': the items are those of the last transfer before it."""
    last: dict[str, Entity] = {}
    for candidate in candidates:
        if candidate.type not in MATERIEL_IDENTITY:
            continue
        if counts_only(candidate.trigger) and not candidate.roles.get(Role.MATERIEL):
            candidate.add(Role.MATERIEL, list(last.values()))
        last = candidate.roles.get(Role.MATERIEL) or last


def _share_takers(candidates: list[Candidate]) -> None:
    """'The U.S. delivered A-29s to Abuja, and a sale of AH-1Zs approved by Washington is still
    being contracted': a transfer naming only its giver goes to the taker another transfer of
    that giver in the same sentence names."""
    for candidate in candidates:
        if candidate.type not in MATERIEL_IDENTITY:
            continue
        giver, taker = DIRECTED[candidate.type]
        givers = set(candidate.roles.get(giver, {}))
        if not givers or candidate.roles.get(taker) or taker in candidate.unnamed:
            continue
        takers = [
            entity
            for other in candidates
            if other.type in MATERIEL_IDENTITY
            and other.sentence == candidate.sentence
            and givers & set(other.roles.get(DIRECTED[other.type][0], {}))
            for entity in other.roles.get(Role.RECIPIENT, {}).values()
        ]
        if takers:
            candidate.add(taker, takers)
            candidate.inferred = True


def _sentence_key(candidate: Candidate) -> tuple[int, int, EventClass]:
    """Candidates of one class in one sentence report one event."""
    return candidate.offset, candidate.sentence.start, candidate.type


def _same_parties(draft: Draft, candidate: Candidate) -> Draft:
    """A new event between the parties of `draft`, for a candidate naming none of its own."""
    twin = Draft(candidate.type, candidate.modality.negated)
    twin.roles = {role: dict(found) for role, found in draft.roles.items() if role in ACTOR_ROLES}
    return twin


def _parties(roles: dict[Role, dict[str, Entity]], ctx: ArticleContext) -> set[str]:
    """The actors, with a state's leaders and agencies counted as the state (firms stay
    themselves: another firm's contract is another transfer)."""
    return {
        iri if is_firm(entity, ctx) else ctx.gazetteer.country_of(iri) or iri
        for role, found in roles.items()
        if role in ACTOR_ROLES
        for iri, entity in found.items()
    }


def _states(actors: set[str], ctx: ArticleContext) -> set[str]:
    """The actors with every firm and agency counted as its state."""
    return {ctx.gazetteer.country_of(iri) or iri for iri in actors}


def _same_kind(draft: Draft, c: Candidate) -> bool:
    """One class, or one gift told both as aid and as a plain delivery ('pledged 19 F-16s',
    'the first of its aircraft had been delivered'): neither speaks of a sale, and a delivery
    joining aid names its giver ('howitzers supplied to Ukraine' may come from anyone)."""
    if draft.type is c.type:
        return True
    givers = (Role.SUPPLIER, Role.DONOR)
    return (
        {draft.type, c.type} == MATERIEL_IDENTITY
        and (c.type is E.MILITARY_AID or any(c.roles.get(role) for role in givers))
        and not _commercial(c)
        and not any(_commercial(m) for m in draft.members)
    )


def _sum_apart(draft: Draft, candidate: Candidate, ctx: ArticleContext) -> bool:
    """'two Patriot batteries ordered in 2018 for $4.75 billion' beside a $15 billion sale:
    named systems with a sum of their own are another event, unless the sum is a part ('$14
    billion of it')."""
    sums = _sums(candidate)
    named = [i for i in candidate.roles.get(Role.MATERIEL, {}) if not ctx.gazetteer.is_generic(i)]
    funded = {q for m in draft.members for q in _sums(m)}
    partitive = any(
        t.lower_ == "of"
        and t.head.ent_type_ == "MONEY"
        and any(o.lower_ in {"it", "them", "this", "that", "which"} for o in t.children)
        for t in candidate.sentence
    )
    return (
        candidate.type in MATERIEL_IDENTITY
        and bool(sums and funded and named)
        and not sums & funded
        and not partitive
        and not candidate.elaboration
    )


def _same_states(mine: set[str], theirs: set[str], ctx: ArticleContext) -> bool:
    """Two states' body and a three-state framework are two arrangements: where both name
    two or more states, they must name the same ones."""
    country = ctx.gazetteer.country_of
    states = [{c for i in side if (c := country(i))} for side in (mine, theirs)]
    return min(len(s) for s in states) < 2 or states[0] == states[1]


def _other_years(members: list[Candidate], candidate: Candidate) -> bool:
    """'sold in 2020' and 'set to arrive next year', 'a first contract in 2022' beside this
    year's, 'the last deployment, in 2021' beside one planned for 2025: transfers and
    deployments the text dates in other years are other ones."""
    if candidate.type not in MATERIEL_IDENTITY | {E.PERSONNEL_DEPLOYMENT}:
        return False  # an agreement signed one year takes effect in another
    theirs = _years([candidate])
    mine = _years(members)
    if not mine and theirs and candidate.status in _AHEAD:  # "signed off on buying 45 jets
        return all(_made(m) for m in members)  # ... the first are due in 2028"
    return bool(mine and theirs) and not mine & theirs


def _handed_over_before(
    members: list[Candidate], candidate: Candidate, ctx: ArticleContext, published: date | None
) -> bool:
    """'has ordered 12 more FA-50s' beside 'took delivery of its first FA-50s in 2017': a deal
    of a named system told as made or under way, with no date, is the one of the year the
    article is published; a handover the text dates in an earlier year is another transfer."""
    if published is None or candidate.type not in MATERIEL_IDENTITY:
        return False
    materiel = candidate.roles.get(Role.MATERIEL, {})
    if all(ctx.gazetteer.is_generic(i) for i in materiel):
        return False

    def earlier(group: list[Candidate]) -> bool:
        return all(c.status is Status.COMPLETED and _dated_before(c, published) for c in group)

    def current(group: list[Candidate]) -> bool:
        return all(
            c.date is None
            and c.status in {Status.AGREED, Status.ONGOING}
            and c.modality.cue not in FUTURE_MODALS
            for c in group
        )

    return _either_way(members, candidate, earlier, current)


def _due_beside_made_before(
    members: list[Candidate], candidate: Candidate, published: date | None
) -> bool:
    """'is poised to exercise its option on a fourth frigate' beside 'the first three were
    ordered in March 2022', 'plans to give more radars' beside 'handed the first over in
    2023': a transfer weighed, planned or expected is not one the text dates made in an
    earlier year (a plain 'will buy' may be the deal a legislature authorised last year)."""
    if published is None or candidate.type not in MATERIEL_IDENTITY:
        return False

    def due(group: list[Candidate]) -> bool:
        return all(c.status in _WEIGHED_OR_AHEAD and not _dated_before(c, published) for c in group)

    def made_before(group: list[Candidate]) -> bool:
        return all((year := _year_made(c)) is not None and year < published.year for c in group)

    return _either_way(members, candidate, due, made_before)


def _either_way(
    members: list[Candidate],
    candidate: Candidate,
    one: Callable[[list[Candidate]], bool],
    other: Callable[[list[Candidate]], bool],
) -> bool:
    """The mention is told `one` way and all the draft's mentions the `other`, or the reverse."""
    return (one([candidate]) and other(members)) or (other([candidate]) and one(members))


def _dated_before(candidate: Candidate, published: date) -> bool:
    """The text itself (not a report's date) dates the mention before the year published."""
    return (
        candidate.date is not None
        and not candidate.date_reported
        and candidate.date.year < published.year
    )


# Statuses whose report date dates the event: a deal made, a handover done.
_DONE = {Status.AGREED, Status.COMPLETED}
_AHEAD = {Status.PLANNED, Status.EXPECTED}
_WEIGHED_OR_AHEAD = _AHEAD | {Status.CONSIDERED}


def _made(candidate: Candidate) -> bool:
    """A deal made or a handover done, not one announced for the future ('will export')."""
    return candidate.status in _DONE and candidate.modality.cue not in FUTURE_MODALS


def _year_made(candidate: Candidate) -> int | None:
    """The year the text itself (not a report's date) gives a deal made or a handover done."""
    if _made(candidate) and candidate.date is not None and not candidate.date_reported:
        return candidate.date.year
    return None


def _done_beside_due(members: list[Candidate], candidate: Candidate) -> bool:
    """'Japan will send troops to Australia this month' beside 'F-35s flew to Australia for
    training weeks after the pact took effect': a deployment done is not one still to come."""
    if candidate.type is not E.PERSONNEL_DEPLOYMENT:
        return False
    statuses = {m.status for m in members}
    if candidate.status is Status.COMPLETED:
        return statuses <= _TO_COME
    return candidate.status in _TO_COME and statuses == {Status.COMPLETED}


# Deployments decided or planned; one weighed or expected may be the same, told hedged.
_TO_COME = {Status.PLANNED, Status.AGREED}


def _years(members: list[Candidate]) -> set[int]:
    """The years the mentions date the event itself in: a report's date says nothing, unless
    it reports a deal made or a handover done ('approved the purchase on Thursday'), nor
    does the start of a flow still going on ('has been delivering since October 2022')."""
    return {
        c.date.year
        for c in members
        if c.date is not None
        and (not c.date_reported or c.status in _DONE)
        and c.status is not Status.ONGOING
    }


def _sums(candidate: Candidate) -> set[tuple[float, str]]:
    """The amounts of money the candidate's sentence gives it."""
    return {(q.amount, q.unit) for q in candidate.quantities if q.unit != "unit"}


def _marked_distinct(candidate: Candidate) -> bool:
    """'a separate $1 billion drawdown', 'another package', 'ordered under a separate
    contract', 'ordered 12 more jets': the text says it is a new event."""
    trigger = candidate.trigger
    marked = [t for left in trigger.lefts for t in left.subtree]
    deals = [t for t in phrase_tokens(trigger) if t.lemma_.lower() in DEAL_NOUNS]
    marked += [m for deal in deals if deal.i != trigger.i for m in deal.children]
    if any(t.lower_ in DISTINCT_MARKERS for t in marked):
        return True
    objects = [c for c in trigger.children if c.dep_ in {"dobj", "nsubjpass"}]
    return any(  # "has ordered 12 more FA-50 jets": a further order
        t.lower_ == "more" and t.i > 0 and t.nbor(-1).like_num
        for obj in objects
        for t in phrase_tokens(obj)
    )


def _different_systems(have: set[str], new: set[str], ctx: ArticleContext) -> bool:
    """Both name a system (a materiel nothing is narrower than) and none of them is shared."""
    narrower = ctx.gazetteer.has_narrower
    mine = {i for i in have if i not in narrower}
    theirs = {i for i in new if i not in narrower}
    return bool(mine and theirs) and not mine & theirs and not _related(mine, theirs, ctx)


def _related(have: set[str], new: set[str], ctx: ArticleContext) -> bool:
    """'K9 howitzers' and 'the howitzers': one names a kind of the other."""
    ancestors = ctx.gazetteer.ancestors
    return any(a in ancestors(b) or b in ancestors(a) for a in have for b in new)


def merge_candidates(
    candidates: list[Candidate], ctx: ArticleContext, published: date | None
) -> list[Draft]:
    """Group an article's candidates into drafts, one per event (`published`: the article's
    date, the year of what it tells undated as done)."""
    drafts: list[Draft] = []
    pending: list[Candidate] = []
    candidates = _without_vehicles(candidates)
    _fill_ellipses(candidates)
    _share_takers(candidates)
    distinct = {_sentence_key(c) for c in candidates if _marked_distinct(c)}
    for candidate in candidates:
        if not _complete(candidate, ctx):
            pending.append(candidate)
            continue
        options = [
            d for d in reversed(drafts) if _compatible(d, candidate, ctx, published=published)
        ]
        if _sentence_key(candidate) in distinct:  # a new event: only its own sentence joins it
            options = [d for d in options if _sentence_key(candidate) in d.sentences()]
        target = next(iter(options), None)
        if target is None:
            target = Draft(candidate.type, candidate.modality.negated)
            drafts.append(target)
        target.absorb(candidate)
    for candidate in pending:
        where = candidate.offset + candidate.sentence.start_char
        options = [d for d in drafts if _compatible(d, candidate, ctx, pending=True)]
        if candidate.elaboration:  # detail refers back: "the money would buy", "that package"
            options = [d for d in options if d.position() <= where]
        if options:
            nearest = min(
                options,
                key=lambda d: min(abs(m.offset + m.sentence.start_char - where) for m in d.members),
            )
            key = _sentence_key(candidate)
            apart = (
                key in distinct
                or _sum_apart(nearest, candidate, ctx)
                or _other_years(nearest.members, candidate)
                or _due_beside_made_before(nearest.members, candidate, published)
                or _other_arrangement(nearest.members, candidate)
            )
            if apart and key not in nearest.sentences():
                nearest = _same_parties(nearest, candidate)  # "ordered under a separate contract"
                drafts.append(nearest)
            nearest.absorb(candidate)
    _aid_deliveries(drafts, ctx)
    _makers_supply(drafts, ctx)
    sums = [d for d in drafts if _unaimed(d) and _sums_only(d, ctx)]
    drafts = [d for d in drafts if d not in sums]
    _aid_to_the_aided([d for d in drafts if _unaimed(d)], drafts)
    _complete_pairs(drafts, ctx)
    drafts += _aid_to_the_aided(sums, drafts)  # a bare sum with no one aided is no aid
    for draft in drafts:
        _settle_directions(draft)
    drafts.sort(key=Draft.position)
    _date_meetings(drafts, ctx, published)
    _link_causes(drafts)
    return drafts


# How long before publication a day the text tells is still the news it reports.
NEWS_DAYS = 7


def _date_meetings(drafts: list[Draft], ctx: ArticleContext, published: date | None) -> None:
    """'Starmer arrived by overnight train on his first visit' after 'Starmer and Zelensky
    signed a partnership in Kyiv on Thursday': a meeting told done with no date is on the day,
    in the week the article reports, that the text first tells its states acting together."""
    if published is None:
        return
    for meeting in drafts:
        if meeting.type is not E.LEADERS_MEETING or meeting.negated:
            continue
        if any(m.date is not None or m.status is not Status.COMPLETED for m in meeting.members):
            continue
        states = _states(meeting.actors(), ctx)
        if len(states) < 2:
            continue
        meeting.occasion = next(
            (
                day
                for other in drafts
                if other is not meeting
                and states <= _states(other.actors(), ctx)
                and (day := _best_date(other.members)) is not None
                and day.day is not None
                and 0 <= (published - date(day.year, day.month or 1, day.day)).days <= NEWS_DAYS
            ),
            None,
        )


def _without_vehicles(candidates: list[Candidate]) -> list[Candidate]:
    """'signed agreements to manufacture Rafale fuselages', 'will build GMLRS under an
    agreement': the agreement is how the production is arranged, one event, not two."""
    kinds = [c for c in candidates if c.type in COOPERATION_KINDS]
    return [
        c
        for c in candidates
        if c.type is not E.DEFENSE_COOPERATION
        or c.trigger.lemma_.lower() not in ARRANGING
        or not any(_arranges(c.trigger, k.trigger) for k in kinds)
    ]


def _arranges(agreement: Token, work: Token) -> bool:
    """The work is what the agreement's phrase or clause is about ('a partnership to build'),
    or the agreement is a phrase of the work ('produce ... under an agreement')."""
    if agreement.doc is not work.doc:
        return False
    if agreement.pos_ in {"VERB", "AUX"}:  # "signed agreements to manufacture"
        scope = [
            t for c in agreement.children if c.dep_ in {"dobj", "nsubjpass"} for t in c.subtree
        ]
    else:
        scope = list(agreement.subtree)
    if work.i in {t.i for t in scope}:
        return True
    clause = work.head if work.dep_ == "dobj" else work  # "to study joint construction"
    if clause.dep_ in PURPOSE and clause.head.i in {agreement.i, agreement.head.i}:
        return True  # "was considering a partnership ... to build frigates"
    return agreement.head.dep_ == "prep" and agreement.head.head.i == work.i


def _complete_pairs(drafts: list[Draft], ctx: ArticleContext) -> None:
    """A transfer naming one side, in an article about two states, is between those two;
    a sale naming only its seller goes to the state the article is most about. A state the
    article casts beside the named side, in its role (a fellow donor, a co-buyer), is no other
    side; a state taking what its own firms make has no seller from the pair."""
    pair = ctx.focus(2)
    if len(pair) < 2:
        return
    for draft in drafts:
        if draft.type not in DIRECTED or draft.negated:
            continue
        giver, taker = DIRECTED[draft.type]
        givers, takers = draft.roles.get(giver, {}), draft.roles.get(taker, {})
        if bool(givers) == bool(takers):
            continue
        missing = taker if givers else giver
        if any(missing in member.unnamed for member in draft.members):
            continue  # "bought shells from allies": the text says who, without a name
        known = set(givers or takers)
        makers = _maker_states(_systems(draft, ctx), ctx)
        owners = {ctx.gazetteer.country_of(i) for i in known}
        if not givers and len(makers) == 1 and owners == makers:
            continue  # "took delivery of its own KF-21s": its own maker's goods, no foreign seller
        partners = _partners(drafts, 0 if givers else 1, known)
        others = [e for e in pair if e.iri not in known | partners]
        if len(known & {e.iri for e in pair}) == 0 and givers:
            others = others[:1]  # a sale to no one named, in an article about one buyer
        if len(others) == 1 and len(known & {e.iri for e in pair}) <= 1:
            draft.roles.setdefault(missing, {})[others[0].iri] = others[0]
            for member in draft.members:
                member.inferred = True


def _partners(drafts: list[Draft], side: int, known: set[str]) -> set[str]:
    """The actors some mention of a transfer names on one side (0 giving, 1 taking) beside
    one of `known` ('the two governments agreed on a loan', resolved, names no one)."""
    roles = {pair[side] for pair in DIRECTED.values()}
    sides = [
        {iri for role in roles for iri in m.roles.get(role, {})}
        for d in drafts
        if d.type in DIRECTED and not d.negated
        for m in d.members
        if not m.inferred
    ]
    return {iri for actors in sides if known & actors for iri in actors}


def _commercial(candidate: Candidate) -> bool:
    """A sale: the trigger is a buyer's choice or a contract, or its sentence (its own clause,
    when that is a side clause) speaks of buying, selling, contracts, orders or prices."""
    trigger = candidate.trigger
    if phrasal_lemma(trigger) in BUYING_VERBS | SELECTING | DEALS_FOR_GOODS:
        return True
    own = next((n for n in (trigger, *trigger.ancestors) if n.dep_ == "advcl"), None)
    scope = list(own.subtree) if own is not None else list(candidate.sentence)
    asides = {  # "..., drawing on joint purchases", "... to Ukraine, and its first order is
        t.i  # due": a side or coordinated clause says nothing of this one
        for clause in scope
        if (clause.dep_ == "advcl" or (clause.dep_ == "conj" and clause.pos_ in {"VERB", "AUX"}))
        and trigger not in clause.subtree
        for t in clause.subtree
    }
    return any(
        t.lemma_.lower() in COMMERCE or t.ent_type_ == "MONEY" for t in scope if t.i not in asides
    )


def _aid_deliveries(drafts: list[Draft], ctx: ArticleContext) -> None:
    """A delivery given rather than sold (to a state the article never says buys), or
    not said to be a sale and from a state the article reports as aiding its recipient, is aid.
    A firm that supplies sells, and a state that takes or is offered goods from another buys
    them, unless the article reports aid to it."""
    aided = {
        (donor, iri)
        for d in drafts
        if d.type is E.MILITARY_AID and not d.negated
        for iri in d.roles.get(Role.RECIPIENT, {})
        for donor in d.roles.get(Role.DONOR, {})
    }
    buyers = {  # a state the article says buys or is sold to: its plain deliveries are purchases
        iri
        for d in drafts
        if d.type is E.ARMS_TRANSFER
        for m in d.members
        if phrasal_lemma(m.trigger) in BUYING_VERBS | BUYING_NOUNS | SALE_WORDS
        for iri in m.roles.get(Role.RECIPIENT, {})
    }
    aid_recipients = {taker for _, taker in aided}
    for draft in drafts:
        recipients = set(draft.roles.get(Role.RECIPIENT, {}))
        suppliers = draft.roles.get(Role.SUPPLIER, {}).values()
        traded = any(is_firm(s, ctx) for s in suppliers) or (
            any(_taken_or_offered(m) for m in draft.members) and not recipients & aid_recipients
        )
        given = (
            not any(_commercial(m) for m in draft.members)
            and not recipients <= buyers
            and not traded
        )
        aiding = {(s, r) for s in draft.roles.get(Role.SUPPLIER, {}) for r in recipients}
        sold = any(phrasal_lemma(m.trigger) in SALE_WORDS for m in draft.members)
        if draft.type is E.MILITARY_AID or (
            draft.type is E.ARMS_TRANSFER
            and recipients
            and (given or (aiding and aiding <= aided and not sold))
        ):
            _as_aid(draft)
    _to_the_one_aided(drafts)


def _as_aid(draft: Draft) -> None:
    """The draft is aid: the suppliers its mentions named are its donors."""
    draft.type = E.MILITARY_AID
    if Role.SUPPLIER in draft.roles:
        draft.roles.setdefault(Role.DONOR, {}).update(draft.roles.pop(Role.SUPPLIER))


def _to_the_one_aided(drafts: list[Draft]) -> None:
    """A delivery not sold, naming only givers who each aid the same one state in the article,
    is aid to that state ('Norway sent air defence to Ukraine ... Norway said it will deliver
    more shells')."""
    aid = [d for d in drafts if d.type is E.MILITARY_AID and not d.negated]
    for draft in drafts:
        givers = draft.roles.get(Role.SUPPLIER, {})
        if draft.type is not E.ARMS_TRANSFER or draft.negated or not givers:
            continue
        if draft.roles.get(Role.RECIPIENT) or any(_commercial(m) for m in draft.members):
            continue
        taken = {
            iri: entity
            for d in aid
            if set(givers) <= set(d.roles.get(Role.DONOR, {}))
            for iri, entity in d.roles.get(Role.RECIPIENT, {}).items()
        }
        if len(taken) == 1:
            _as_aid(draft)
            draft.roles[Role.RECIPIENT] = taken
            for member in draft.members:
                member.inferred = True


def _makers_supply(drafts: list[Draft], ctx: ArticleContext) -> None:
    """A sale naming no seller of a system the article has another seller sell ('Greece buys
    PULS from Elbit ... the Netherlands ordered PULS in 2023') is from that seller; else from
    the state whose firm makes it ('Lithuania buys CV90s': from Sweden), unless it buys."""
    sellers: dict[str, dict[str, Entity]] = {}
    for draft in drafts:
        if draft.type is E.ARMS_TRANSFER and draft.roles.get(Role.SUPPLIER):
            for iri in _systems(draft, ctx):
                sellers.setdefault(iri, {}).update(draft.roles[Role.SUPPLIER])
    for draft in drafts:
        if draft.type is not E.ARMS_TRANSFER or draft.roles.get(Role.SUPPLIER):
            continue
        systems = _systems(draft, ctx)
        found = [sellers[iri] for iri in systems if iri in sellers]
        takers = set(draft.roles.get(Role.RECIPIENT, {}))
        if len(found) == 1 and not set(found[0]) & takers:
            draft.roles[Role.SUPPLIER] = dict(found[0])
            continue
        states = _maker_states(systems, ctx)
        state = ctx.gazetteer.get(states.pop()) if len(states) == 1 else None
        if (
            state is not None
            and takers
            and state.iri not in takers
            and not any(Role.SUPPLIER in member.unnamed for member in draft.members)
        ):
            draft.roles[Role.SUPPLIER] = {state.iri: state.entity()}
            for member in draft.members:
                member.inferred = True


def _systems(draft: Draft, ctx: ArticleContext) -> set[str]:
    """The named systems (not classes such as 'tank') a draft moves."""
    return {
        iri
        for iri, entity in draft.roles.get(Role.MATERIEL, {}).items()
        if not entity.minted and iri not in ctx.gazetteer.has_narrower
    }


def _maker_states(systems: set[str], ctx: ArticleContext) -> set[str]:
    """The states whose firms make the systems."""
    return {state for state in map(ctx.gazetteer.maker_state, systems) if state is not None}


def _unaimed(draft: Draft) -> bool:
    """Aid told with its donors and no one aided."""
    return (
        draft.type is E.MILITARY_AID
        and Role.RECIPIENT not in draft.roles
        and Role.DONOR in draft.roles
    )


def _sums_only(draft: Draft, ctx: ArticleContext) -> bool:
    """Aid told only as sums states put in ('Canada put in 40 million dollars')."""
    return all(sum_put_in(m.trigger, ctx) for m in draft.members)


def _aid_to_the_aided(unaimed: list[Draft], drafts: list[Draft]) -> list[Draft]:
    """Aid with no one aided, where the article's other aid all goes to one state, goes to that
    state ('allies pay for shells for Ukraine ... the Netherlands earmarked 250 million
    euros'); returns the drafts so completed."""
    aided = {
        iri: entity
        for d in drafts
        if d.type is E.MILITARY_AID and not d.negated
        for iri, entity in d.roles.get(Role.RECIPIENT, {}).items()
    }
    if len(aided) != 1:
        return []
    completed = [d for d in unaimed if not set(aided) <= set(d.roles[Role.DONOR])]
    for draft in completed:
        draft.roles[Role.RECIPIENT] = dict(aided)
    return completed


def _taken_or_offered(candidate: Candidate) -> bool:
    """'Japan took delivery of', 'India will get 31 drones', 'was offered 26 jets': the
    receiving side acts or is courted, as buyers are."""
    trigger = candidate.trigger
    verb = trigger.head if trigger.pos_ == "NOUN" and trigger.dep_ == "dobj" else trigger
    return verb.lemma_.lower() in TAKING_VERBS | OFFERING_VERBS


def _link_causes(drafts: list[Draft]) -> None:
    """A shortfall reported in the same sentence as aid is taken to be caused by it.

    Causes are indexes into `drafts`, which become the extraction's events in this order.
    """
    for draft in drafts:
        if draft.type is not E.CAPACITY_SHORTFALL:
            continue
        sentences = {(m.offset, m.sentence.start) for m in draft.members}
        for index, other in enumerate(drafts):
            if (
                other.type is E.MILITARY_AID
                and not other.negated
                and any((m.offset, m.sentence.start) in sentences for m in other.members)
            ):
                draft.causes.add(index)


def _best_date(members: list[Candidate]) -> EventDate | None:
    """The most precise date a mention gives of the event itself, else of a report of it;
    a deadline ('to develop a fighter by 2035') only when the event is still to come."""
    agreed = any(c.modality.status is Status.AGREED for c in members)
    dated = [c for c in members if c.date is not None and not (agreed and c.date_due)]
    dated = dated or [c for c in members if c.date is not None]
    if not dated:
        return None
    best = max(
        dated,
        key=lambda c: (not c.date_reported, c.date.day is not None, c.date.month is not None),
    )
    return best.date


def _settle_directions(draft: Draft) -> None:
    """No state both gives and receives one transfer: the receiving reading wins."""
    if draft.type in DIRECTED:
        giver, taker = DIRECTED[draft.type]
        for iri in set(draft.roles.get(giver, {})) & set(draft.roles.get(taker, {})):
            del draft.roles[giver][iri]


def draft_to_event(draft: Draft) -> Event:
    """Freeze a draft: one mention per sentence, status from the earliest telling mention."""
    members = sorted(draft.members, key=lambda c: (c.offset + c.sentence.start_char, c.trigger.i))
    mentions: dict[int, Mention] = {}
    quantities: list[Quantity] = []
    for c in members:
        start = c.offset + c.sentence.start_char
        text = c.sentence.text.rstrip()
        mentions.setdefault(
            start,
            Mention(
                start=start,
                end=start + len(text),
                text=text,
                status=c.modality.status,
                status_cue=c.modality.cue,
                attribution=c.attribution,
            ),
        )
        quantities += [q for q in c.quantities if q not in quantities]
    roles = tuple(
        sorted(
            ((role, entity) for role, found in draft.roles.items() for entity in found.values()),
            key=lambda pair: (pair[0].value, pair[1].iri),
        )
    )
    return Event(
        type=draft.type,
        status=_status(members),
        roles=roles,
        mentions=tuple(mentions[k] for k in sorted(mentions)),
        date=_best_date(members) or draft.occasion,
        quantities=tuple(quantities),
        negated=draft.negated,
        confidence=_confidence(draft, len(mentions)),
        causes=tuple(sorted(draft.causes)),
    )


def _status(members: list[Candidate]) -> Status:
    """The earliest plain mention's status: a hedged one ("if", "whether", "how many") yields
    to it, so does one naming no actor ('officials expect the contract to include maintenance
    work'), and so does a bare noun ('At the top of the list is joint production') when a
    later mention gives a cue or a tense ('is considering'). Where that mention's sentence
    tells the event more than once ('won a repair contract last month and is now overhauling
    the ship'), the furthest stage it reaches holds; a relative clause describing something
    ('the interceptor, which MHI builds') tells no stage of it, nor does a state ('stocks
    drained by the war' beside 'output has fallen short')."""
    plain = [c for c in members if not c.modality.hypothetical] or members
    plain = [c for c in plain if c.actor_iris()] or plain
    telling = [c for c in plain if not _bare_noun(c)] or plain
    first = telling[0]
    stages = [
        c.modality.status
        for c in telling
        if _sentence_key(c)[:2] == _sentence_key(first)[:2]
        and (c is first or (c.type not in STATE_CLASSES and c.trigger.dep_ not in {"relcl", "acl"}))
    ]
    return max(stages, key=STAGES.index)


def _bare_noun(c: Candidate) -> bool:
    """A noun mention whose status nothing but the tense around it gives: 'is joint
    production', 'talks on joint production last week'. A state's noun ('its support for
    Ukraine') does say it holds now."""
    return (
        c.type not in STATE_CLASSES
        and c.trigger.pos_ in {"NOUN", "PROPN"}
        and c.modality.cue is None
        and c.modality.status in {Status.ONGOING, Status.COMPLETED}
    )


def _confidence(draft: Draft, mention_count: int) -> float:
    score = 0.8
    if all(c.inferred for c in draft.members):
        score -= 0.2
    if any(c.modality.hypothetical for c in draft.members):
        score -= 0.1
    if all(c.trigger.pos_ != "VERB" for c in draft.members):
        score -= 0.05
    score += 0.05 * min(mention_count - 1, 3)
    return round(max(0.1, min(score, 1.0)), 2)
