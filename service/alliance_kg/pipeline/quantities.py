"""Numbers of units and amounts of money the text gives for an event."""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from alliance_kg.model import Quantity

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
_CURRENCY = [
    (re.compile(r"(?:US\$|\$|USD|dollars?)", re.I), "USD"),
    (re.compile(r"(?:€|EUR|euros?)", re.I), "EUR"),
    (re.compile(r"(?:£|GBP|pounds?(?: sterling)?)", re.I), "GBP"),
    (re.compile(r"(?:¥|JPY|yen)", re.I), "JPY"),
    (re.compile(r"(?:₩|KRW|won)", re.I), "KRW"),
    (re.compile(r"(?:zlotys?|PLN)", re.I), "PLN"),
    (re.compile(r"(?:A\$|AUD|Australian dollars?)", re.I), "AUD"),
]
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
    "dozen": 12,
    "eleven": 11,
    "twelve": 12,
}


def _amount(text: str) -> float | None:
    match = _NUMBER.search(text)
    if match is None:
        word = text.lower().split()[0] if text.split() else ""
        return float(_WORDS[word]) if word in _WORDS else None
    value = float(match.group(1).replace(",", ""))
    scale = (match.group(2) or "").lower()
    return value * _SCALE.get(scale, 1.0)


def money_in(sentence: Span) -> list[Quantity]:
    found = []
    for ent in sentence.ents:
        if ent.label_ != "MONEY":
            continue
        currency = next((code for pattern, code in _CURRENCY if pattern.search(ent.text)), None)
        amount = _amount(ent.text)
        if currency and amount is not None:
            found.append(Quantity(amount=amount, unit=currency, text=ent.text))
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
