"""A rule-based entity recogniser: what the rules read from NER, without a statistical model.

It runs after the gazetteer and only adds entities where the gazetteer found none:

- DATE, MONEY, PERCENT, QUANTITY and CARDINAL spans from a spaCy `Matcher` over number-like
  tokens, month and weekday names and relative time words ("fiscal 2025", "last December",
  "the coming weeks", "$1.2 billion", "2.6 trillion won", "15 percent", "300 km", "180");
- names the gazetteer does not know: runs of proper nouns typed by their context, PERSON
  after a title or before "said", ORG by a head word ("Corp", "Ministry"), GPE/LOC by a place
  head word or a place preposition. Untyped runs are left alone.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from alliance_kg.pipeline import entity_words as words
from alliance_kg.pipeline.dates import MONTHS, WEEKDAYS
from alliance_kg.pipeline.lexicon import SHIP_PREFIXES
from alliance_kg.pipeline.quantities import CURRENCIES, CURRENCY_SYMBOLS, CURRENCY_WORDS

TokenPattern = dict[str, Any]

_MONTH: TokenPattern = {
    "LOWER": {"IN": [*MONTHS, *(f"{m}." for m in MONTHS)]},
    "IS_TITLE": True,
    "TAG": {"NOT_IN": ["MD"]},  # "May" the modal
}
_WEEKDAY: TokenPattern = {"LOWER": {"IN": list(WEEKDAYS)}, "IS_TITLE": True}
# Years, days and decades are listed, not matched by regular expressions: a set lookup
# per token is several times cheaper for spaCy's `Matcher`.
_YEARS = [str(year) for year in range(1900, 2100)]
_DAYS = [f"{day}{suffix}" for day in range(1, 32) for suffix in ("", "st", "nd", "rd", "th")]
_DECADES = [f"{year}s" for year in _YEARS if year.endswith("0")]
_DAY: TokenPattern = {"LOWER": {"IN": _DAYS}}
_YEAR: TokenPattern = {"LOWER": {"IN": _YEARS}}
_TWO_DIGITS: TokenPattern = {"SHAPE": "dd"}
_ONE_TOKEN_YEAR: TokenPattern = {  # "mid-2025", "FY2027", "fy27", "late-1990s"
    "LOWER": {
        "IN": [
            *(f"{part}-{year}" for part in words.PART_OF for year in _YEARS + _DECADES),
            *(f"fy{year}" for year in _YEARS),
            *(f"fy{n:02d}" for n in range(100)),
        ]
    }
}
_DECADE: TokenPattern = {"LOWER": {"IN": _DECADES}}
_NUMBER: TokenPattern = {"LIKE_NUM": True, "TAG": {"NOT_IN": ["JJ", "RB"]}, "OP": "+"}  # no "first"
_SCALED_NUMBER: TokenPattern = {  # "3bn", "2.5bn"
    "SHAPE": {"IN": ["dxx", "ddxx", "dddxx", "d.dxx", "dd.dxx", "d.ddxx", "dx", "ddx", "dddx"]},
    "LOWER": {"REGEX": r"^\d[\d,.]*(?:bn|mn|m|k|tn)$"},
}
_COMMA: TokenPattern = {"ORTH": ",", "OP": "?"}
_THE: TokenPattern = {"LOWER": "the", "OP": "?"}


def _in(values: set[str], op: str | None = None) -> TokenPattern:
    pattern: TokenPattern = {"LOWER": {"IN": sorted(values)}}
    return {**pattern, "OP": op} if op else pattern


def _date_patterns() -> list[list[TokenPattern]]:
    month_year = [_MONTH, _COMMA, _YEAR]
    cores: list[list[TokenPattern]] = [
        [_MONTH, _DAY, _COMMA, _YEAR],
        [_MONTH, _DAY],
        [_DAY, _MONTH, _COMMA, _YEAR],
        [_DAY, _MONTH],
        month_year,
        [_MONTH],
        [_in(words.YEAR_KINDS, "?"), _YEAR],
        [_ONE_TOKEN_YEAR],
        [_in(words.SEASONS), _YEAR],
        [_YEAR, {"ORTH": {"IN": ["-", "–", "to", "and"]}}, _YEAR],
        [{"LOWER": {"IN": ["between", "from"]}}, _YEAR, _in({"and", "to"}), _YEAR],
        [_YEAR, {"ORTH": {"IN": ["-", "–"]}}, _TWO_DIGITS],
        [_THE, _in(words.PART_OF, "?"), _DECADE],
        [_in(words.RELATIVE), _MONTH],
        [_in(words.RELATIVE), _in(words.DATE_UNITS | words.SEASONS)],
        [_THE, _in(words.RELATIVE), {"LOWER": "fiscal"}, {"LOWER": "year"}],
        [{"LOWER": "the"}, {"LOWER": "same"}, _in(words.DATE_UNITS)],
        [_MONTH, _in({"last", "next", "this"}), {"LOWER": "year"}],
        [_in(words.EARLIER_LATER), _in({"this", "next", "last"}), _in(words.DATE_UNITS)],
        [_THE, _in(words.RELATIVE), _NUMBER, _in(words.DURATION_UNITS)],
        [_THE, _in(words.RELATIVE), _in(words.DURATION_UNITS)],
        [_in({"a", "an"}), _in(words.DURATION_UNITS), {"LOWER": "ago"}],
        [_NUMBER, _in(words.DURATION_UNITS), {"LOWER": "ago", "OP": "?"}],
        [_in({"last", "next", "this"}, "?"), _WEEKDAY],
        [_in(words.DAY_WORDS)],
        [_THE, _in(words.PORTIONS), {"LOWER": "of"}, {"LOWER": "the"}, _in(words.DATE_UNITS)],
    ]
    parts: list[list[TokenPattern]] = [
        [_in(words.PART_OF), {"ORTH": "-", "OP": "?"}],
        [_THE, _in(words.PORTIONS), {"LOWER": "of"}],
        [_THE, _in(words.HALVES), {"LOWER": "half"}, {"LOWER": "of"}],
    ]
    relative = [_in(words.RELATIVE), _in(words.DATE_UNITS | words.SEASONS)]
    years = [[_in(words.YEAR_KINDS, "?"), _YEAR], month_year, [_MONTH], relative]
    return cores + [part + core for part in parts for core in years]


def _amount_patterns() -> dict[str, list[list[TokenPattern]]]:
    symbol = {"ORTH": {"IN": sorted(CURRENCY_SYMBOLS)}}
    code = {"ORTH": {"IN": sorted(CURRENCIES)}}
    currency_words = _in(CURRENCY_WORDS - words.WEIGHTS, "+")
    scale = _in(words.SCALES, "?")
    return {
        "MONEY": [
            [symbol, _NUMBER, scale],
            [symbol, _SCALED_NUMBER],
            [code, _NUMBER, scale],
            [code, _SCALED_NUMBER],
            [_NUMBER, scale, currency_words],
            [_SCALED_NUMBER, currency_words],
            [_NUMBER, _in(words.SCALES), _in(words.WEIGHTS)],  # "50 million pounds": sterling
        ],
        "PERCENT": [
            [_NUMBER, _in(words.PERCENT_WORDS)],
            [_NUMBER, {"LOWER": "per"}, {"LOWER": "cent"}],
        ],
        "QUANTITY": [[_NUMBER, _in(words.UNITS)]],
        "CARDINAL": [[_NUMBER], [_SCALED_NUMBER]],
    }


# Earlier labels win a tie between spans of the same length.
_LABEL_ORDER = ("MONEY", "PERCENT", "QUANTITY", "DATE", "CARDINAL")


class EntityRules:
    """Adds dates, amounts and typed unknown names to the entities a doc already has."""

    def __init__(self, nlp: Language) -> None:
        self.matcher = Matcher(nlp.vocab)
        self.matcher.add("DATE", _date_patterns(), greedy="LONGEST")
        for label, patterns in _amount_patterns().items():
            self.matcher.add(label, patterns, greedy="LONGEST")
        self.rank = {nlp.vocab.strings.add(label): n for n, label in enumerate(_LABEL_ORDER)}

    def __call__(self, doc: Doc) -> Doc:
        matches = sorted(self.matcher(doc), key=lambda m: (m[1] - m[2], self.rank[m[0]], m[1]))
        taken = {i for ent in doc.ents for i in range(ent.start, ent.end)}
        spans = list(doc.ents)
        for label, start, end in matches:
            if taken.isdisjoint(range(start, end)):
                spans.append(Span(doc, start, end, label=label))
                taken.update(range(start, end))
        spans += [span for span in _names(doc, taken)]
        doc.set_ents(filter_spans(spans))
        return doc


def _names(doc: Doc, taken: set[int]) -> list[Span]:
    """Every run of proper nouns outside `taken` that its context types."""
    found = []
    i = 0
    while i < len(doc):
        if not (doc[i].pos_ == "PROPN" or doc[i].text in SHIP_PREFIXES) or i in taken:
            i += 1
            continue
        end = i + 1
        while end < len(doc) and end not in taken:
            if doc[end].pos_ == "PROPN":
                end += 1
            elif (
                doc[end].lower_ in words.NAME_JOINERS
                and end + 1 < len(doc)
                and doc[end + 1].pos_ == "PROPN"
                and end + 1 not in taken
            ):
                end += 2
            else:
                break
        span = _typed(doc[i:end])
        if span is not None:
            found.append(span)
        i = end
    return found


def _typed(run: Span) -> Span | None:
    """The run, or its part after a title, labelled by its context; None when untyped."""
    doc = run.doc
    if run[-1].lower_ in words.TITLES or not all(_capitalised(t) for t in run):
        return None  # "Navy Secretary", "the defence ministry": an office, no one named
    if run[0].text in SHIP_PREFIXES:
        return Span(doc, run.start, run.end, label="PRODUCT")
    titled = [t.i for t in run if t.lower_ in words.TITLES]
    if titled:
        named = doc[titled[-1] + 1 : run.end]
        if named[0].lower_ in words.NAME_JOINERS:  # "Secretary of State"
            return None
        return _typed(named) or Span(doc, named.start, named.end, label="PERSON")
    last, before = run[-1], _before(run)
    after = doc[run.end] if run.end < len(doc) else None
    if any(t.lower_ in words.ORGANISATION_HEADS for t in run):
        return Span(doc, run.start, run.end, label="ORG")
    if last.lower_ in words.PLACE_HEADS:
        return Span(doc, run.start, run.end, label="LOC")
    if before is not None and before.lower_ in words.TITLES:
        return Span(doc, run.start, run.end, label="PERSON")
    if after is not None and after.lower_ in words.SPEAKING:
        return Span(doc, run.start, run.end, label="PERSON")
    if len(run) == 1 and run.root.dep_ == "nsubj":  # "Kim discussed": a surname, mostly
        return Span(doc, run.start, run.end, label="PERSON")
    if before is not None and before.lower_ in words.PLACE_PREPOSITIONS:
        return Span(doc, run.start, run.end, label="GPE")
    return None


def _capitalised(token: Token) -> bool:
    return token.lower_ in words.NAME_JOINERS or not token.text[:1].islower()


def _before(run: Span) -> Token | None:
    return run.doc[run.start - 1] if run.start > 0 else None
