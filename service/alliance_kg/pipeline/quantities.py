"""Numbers of units and amounts of money the text gives for an event.

The NER often leaves the currency outside its MONEY span ("£" before "2.5bn", "won" after
"2.6 trillion"), or calls an amount a QUANTITY ("12 billion zlotys"): the neighbouring
currency token is taken in. Percentages and years are never counts.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from alliance_kg.model import Quantity
from alliance_kg.pipeline.entity_words import WEIGHTS

_SCALE = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "bn": 1e9,
    "mn": 1e6,
    "m": 1e6,
    "k": 1e3,
}
# Most specific first: "A$" and "Australian dollars" are not US dollars.
_CURRENCY = [
    (re.compile(r"A\$|\bAUD\b|\bAustralian dollars?\b", re.I), "AUD"),
    (re.compile(r"C\$|\bCAD\b|\bCanadian dollars?\b", re.I), "CAD"),
    (re.compile(r"\$|\bUSD\b|\bdollars?\b", re.I), "USD"),
    (re.compile(r"€|\bEUR\b|\beuros?\b", re.I), "EUR"),
    (re.compile(r"£|\bGBP\b|\bpounds?\b", re.I), "GBP"),
    (re.compile(r"¥|\bJPY\b|\byen\b", re.I), "JPY"),
    (re.compile(r"₩|\bKRW\b|\bwon\b", re.I), "KRW"),
    (re.compile(r"\bzlotys?\b|\bzł\b|\bPLN\b", re.I), "PLN"),
]
CURRENCIES = {code for _, code in _CURRENCY}  # ISO 4217 codes, also written as such
CURRENCY_SYMBOLS = {"$", "US$", "A$", "C$", "€", "£", "¥", "₩"}
CURRENCY_WORDS = {"dollar", "dollars", "euro", "euros", "pound", "pounds", "yen", "won"}
CURRENCY_WORDS |= {"zloty", "zlotys", "sterling", "krone", "kroner", "krona", "kronor"}
_NUMBER = re.compile(
    r"(\d[\d,]*(?:\.\d+)?)\s*(thousand|million|billion|trillion|bn|mn|m|k)?\b", re.I
)
_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "dozen": 12,
}
_AMOUNT_LABELS = {"MONEY", "QUANTITY", "CARDINAL"}


def _amount(text: str) -> float | None:
    match = _NUMBER.search(text)
    if match is not None:
        value = float(match.group(1).replace(",", ""))
        return value * _SCALE.get((match.group(2) or "").lower(), 1.0)
    words = text.lower().split()
    count = next((_WORDS[w] for w in words if w in _WORDS), None)
    scale = next((_SCALE[w] for w in words if w in _SCALE and len(w) > 2), 1.0)
    return count * scale if count is not None else None


def _with_currency(ent: Span) -> Span:
    """The amount with a currency symbol just before it or a currency word just after it."""
    doc, start, end = ent.doc, ent.start, ent.end
    if start > 0 and doc[start - 1].text in CURRENCY_SYMBOLS:
        start -= 1
    while end < len(doc) and doc[end].lower_ in CURRENCY_WORDS and doc[end].pos_ != "VERB":
        end += 1
    return doc[start:end]


def money_in(sentence: Span) -> list[Quantity]:
    """Every amount of money the sentence names, in ISO 4217 currencies."""
    found = []
    for ent in sentence.ents:
        if ent.label_ not in _AMOUNT_LABELS:
            continue
        span = _with_currency(ent)
        if ent.label_ != "MONEY" and any(t.lower_ in WEIGHTS for t in span):
            continue  # "500 pounds of explosives" is a weight
        currency = next((code for pattern, code in _CURRENCY if pattern.search(span.text)), None)
        amount = _amount(span.text)
        if currency and amount is not None:
            found.append(Quantity(amount=amount, unit=currency, text=span.text))
    return found


def count_of(materiel_token: Token) -> Quantity | None:
    """'180 K2 tanks': a number modifying the materiel noun."""
    for child in materiel_token.children:
        if child.dep_ == "nummod" and child.ent_type_ not in {"MONEY", "DATE", "PERCENT"}:
            amount = _amount(child.text)
            if amount is not None and amount >= 1:
                phrase = materiel_token.doc[child.i : materiel_token.i + 1].text
                return Quantity(amount=amount, unit="unit", text=phrase)
    return None
