"""The phrases of a sentence that name the materiel a candidate is about."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from alliance_kg.model import Entity, EntityType
from alliance_kg.pipeline.context import ArticleContext
from alliance_kg.pipeline.lexicon import PRODUCTION_NOUNS, SERIES_STARTS, STOCK_NOUNS
from alliance_kg.pipeline.roles import (
    antecedent_object,
    direct_object,
    entities_in,
    materiel_in,
    passive_subject,
    phrase_tokens,
    prep_objects,
)


def first_items(token: Token) -> Iterator[Token]:
    """The words of a 'starting with ...' side clause of the trigger or of its governor."""
    nodes = [token, token.head] if token.dep_ in {"xcomp", "advcl", "ccomp"} else [token]
    for node in nodes:
        for clause in node.children:
            if clause.dep_ == "advcl" and clause.lemma_.lower() in SERIES_STARTS:
                yield from clause.subtree


def product(heads: list[Token], ctx: ArticleContext) -> list[Entity]:
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


def production_in(sentence: Span, ctx: ArticleContext) -> list[Entity]:
    """What the sentence says is produced: 'F-16 production', 'the production of shells'."""
    made = [
        t
        for noun in sentence
        if noun.lemma_.lower() in PRODUCTION_NOUNS
        for t in [c for c in noun.children if c.dep_ in {"compound", "nummod", "amod"}]
        + [o for _, o in prep_objects(noun, {"of"})]
    ]
    return materiel_in(made, ctx)


def goods_for(noun: Token) -> list[Token]:
    """'cleared the interceptors for shipment', 'interceptors built for export': the goods
    a purpose noun is about."""
    if noun.pos_ not in {"NOUN", "PROPN"} or noun.dep_ != "pobj" or noun.head.lower_ != "for":
        return []
    governor = noun.head.head
    if governor.pos_ == "VERB":
        goods = antecedent_object(governor) or direct_object(governor)
        return [goods] if goods is not None else []
    return [governor] if governor.pos_ in {"NOUN", "PROPN"} else []


def described_as(noun: Token) -> Token | None:
    """'Japan's first export was a set of radars': what a copula says the event noun was."""
    if noun.pos_ not in {"NOUN", "PROPN"} or noun.dep_ != "nsubj" or noun.head.lemma_ != "be":
        return None
    return next((c for c in noun.head.children if c.dep_ == "attr"), None)


def examples(heads: list[Token]) -> Iterator[Token]:
    """Every word of the 'including ...' phrases of the heads, clauses within them included."""
    for head in heads:
        for t in phrase_tokens(head):
            if t.lower_ == "including" and t.dep_ == "prep":
                yield from t.subtree


def stocks_drawn(noun: Token) -> list[Token]:
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


def listed_with(noun: Token) -> list[Token]:
    """'announced $6 billion in aid for Ukraine, with interceptors at the top of the list':
    the contents a 'with' phrase of the verb gives to the event its object names."""
    node = noun
    while node.dep_ in {"pobj", "prep", "dobj", "appos", "nummod"} and node.head.i != node.i:
        node = node.head
        if node.pos_ == "VERB":
            return [o for _p, o in prep_objects(node, {"with"})]
    return []
