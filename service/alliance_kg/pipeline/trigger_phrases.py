"""What a trigger's phrase says beyond its class: counted pledges, contract goods, permits."""

from __future__ import annotations

from spacy.tokens import Token

from alliance_kg.pipeline.lexicon import (
    ABILITY_MODALS,
    CONTRACTING_VERBS,
    ENABLING,
    FAILING,
    FUNDING_VERBS,
    FUNDS,
    GIVING_VERBS,
    PAYING_VERBS,
    PERMITTING,
    SIGNATURES,
    VERB_TRIGGERS,
    WINNING_VERBS,
)
from alliance_kg.pipeline.roles import direct_object, prep_objects
from alliance_kg.pipeline.trigger_checks import contents_verb, has_joint_marker, lemma_of


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
    itself ('a contract to supply 152 howitzers') or making them together ('a deal with Austal
    to build frigates together': joint production, not a sale), or the contract is not
    concluded."""
    verb = _concluding_verb(contract)
    if verb is None:
        return []
    purposes = [c for c in contract.children if c.dep_ in {"acl", "relcl"}]
    transfers = set(VERB_TRIGGERS) | GIVING_VERBS
    if any(lemma_of(p) in transfers or has_joint_marker(p) for p in purposes):
        return []
    objects = [o for p in purposes for o in p.children if o.dep_ == "dobj"]
    worth = [
        t for c in (*verb.children, *contract.children) if c.lower_ == "worth" for t in c.subtree
    ]
    priced = [t for t in worth if t.dep_ == "pobj" and t.head.lower_ == "for"]  # "worth €8.5
    # billion for 155 mm shells"
    return [contract, *objects, *priced, *(o for _p, o in prep_objects(verb, {"for", "on"}))]


def _concluding_verb(contract: Token) -> Token | None:
    """The verb that signs, awards or wins a contract: 'signed a contract', 'put its signature
    to a deal', 'put its name on a contract', 'is expected to be signed'."""
    verb = contract.head
    if contract.dep_ == "nsubjpass" and lemma_of(verb) not in CONTRACTING_VERBS:
        # "a contract for 48 jets is expected to be signed next month"
        verb = next((c for c in verb.children if c.dep_ == "xcomp"), verb)
    if contract.dep_ in {"dobj", "nsubjpass"}:
        return verb if lemma_of(verb) in CONTRACTING_VERBS | WINNING_VERBS else None
    if contract.dep_ == "pobj" and verb.lower_ in {"to", "on"}:
        signing = verb.head
        marks = [c for c in signing.children if c.dep_ == "dobj" and lemma_of(c) in SIGNATURES]
        return signing if marks else None
    return None


def describes_contents(token: Token) -> bool:
    """'the money would also buy munitions', 'the package includes 150 barrels': what an
    event reported earlier pays for or holds."""
    if token.pos_ in {"VERB", "AUX"}:
        return any(c.dep_ == "nsubj" and lemma_of(c) in FUNDS for c in token.children)
    return contents_verb(token).i != token.i


def only_permitted(token: Token) -> bool:
    """'equipment that Japan can give', 'fighters can be sold to', 'rules allow weapons to be
    transferred', 'to let weapons be sold', 'allow allies to refill stocks and to send Ukraine
    shells': what a state is able or allowed to transfer, no transfer."""
    if any(c.dep_ == "aux" and c.lower_ in ABILITY_MODALS for c in token.children):
        return True
    node = token
    while node.dep_ in {"xcomp", "ccomp", "dobj", "conj"} and node.head.i != node.i:
        node = node.head
        if lemma_of(node) in PERMITTING | ENABLING:
            return True
    return False


def forgone(verb: Token) -> bool:
    """'without shipping every missile', 'instead of buying them': a transfer not made."""
    if verb.dep_ != "pcomp":
        return False
    prep = verb.head
    instead = prep.lower_ == "of" and any(c.lower_ == "instead" for c in prep.children)
    return prep.lower_ == "without" or instead


def not_managed(verb: Token) -> bool:
    """'has been unable to deliver the first jets', 'failed to deliver': no transfer done."""
    return verb.dep_ == "xcomp" and lemma_of(verb.head) in FAILING


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


def paid_goods(verb: Token) -> list[Token]:
    """What a verb pays for: 'fund the purchase of interceptors', 'finance weapons for
    Ukraine', 'pay for 100 tanks', 'put up $500 million for American-made weapons', 'spend
    $2 billion on tanks'."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    sums = [o for o in objects if o.ent_type_ == "MONEY"]
    if sums:
        return [o for head in [verb, *sums] for _p, o in prep_objects(head, {"for", "on"})]
    if lemma_of(verb) not in PAYING_VERBS:
        return []
    return objects or [o for _p, o in prep_objects(verb, {"for"})]


def paid_for_states(verb: Token) -> list[Token]:
    """Whom the goods a verb pays for are for: 'interceptors for Ukraine', 'Taiwan's purchase'."""
    goods = paid_goods(verb)
    owners = [c for g in goods for c in g.children if c.dep_ == "poss"]
    near = [t for g in goods for t in g.subtree] + [o for _p, o in prep_objects(verb, {"for"})]
    return owners + [
        t for t in near if t.dep_ == "pobj" and t.head.lower_ in {"for", "to"} and t not in goods
    ]


def granted_sum(verb: Token) -> Token | None:
    """'Britain will give Ukraine £2.26 billion to buy air defence systems': the verb granting
    the sum a purchase is made with, when it names whom it goes to."""
    grant = verb.head
    if verb.dep_ not in {"advcl", "xcomp", "acl", "relcl"} or grant.i == verb.i:
        return None
    if grant.ent_type_ == "MONEY" and grant.dep_ == "dobj":  # "£2.26 billion to buy"
        grant = grant.head
    if lemma_of(grant) not in FUNDING_VERBS | GIVING_VERBS:
        return None
    objects = [c for c in grant.children if c.dep_ in {"dobj", "dative"}]
    sums = [o for o in objects if o.ent_type_ == "MONEY"]
    return grant if sums and next(prep_objects(grant, {"to", "for"}), None) else None


def funders(verb: Token) -> list[Token]:
    """'bought 100 tanks with money from Germany and Denmark': who paid for a purchase."""
    funds = [
        o
        for _p, o in prep_objects(verb, {"with"})
        if lemma_of(o) in FUNDS or o.ent_type_ == "MONEY"
    ]
    after = {money.right_edge.i + 1 for money in funds}  # "with money from ...", on the verb
    beside = [c for c in verb.children if c.dep_ == "prep" and c.lower_ == "from" and c.i in after]
    return [giver for money in funds for _p, giver in prep_objects(money, {"from"})] + [
        o for prep in beside for o in prep.children if o.dep_ == "pobj"
    ]
