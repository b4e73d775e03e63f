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

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from spacy.lang.en.lex_attrs import like_num
from spacy.lang.lex_attrs import word_shape
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans
from spacy.vocab import Vocab

from alliance_kg.pipeline import entity_words as words
from alliance_kg.pipeline.dates import MONTHS, WEEKDAYS
from alliance_kg.pipeline.lexicon import SHIP_PREFIXES
from alliance_kg.pipeline.quantities import CURRENCIES, CURRENCY_SYMBOLS, CURRENCY_WORDS

TokenPattern = dict[str | int, Any]

_YEARS = {str(year) for year in range(1900, 2100)}
_DECADES = {f"{year}s" for year in _YEARS if year.endswith("0")}
_DAYS = {f"{day}{suffix}" for day in range(1, 32) for suffix in ("", "st", "nd", "rd", "th")}
_ONE_TOKEN_YEARS = {  # "mid-2025", "FY2027", "fy27", "late-1990s"
    *(f"{part}-{year}" for part in words.PART_OF for year in _YEARS | _DECADES),
    *(f"fy{year}" for year in _YEARS),
    *(f"fy{n:02d}" for n in range(100)),
}
_SCALED_NUMBER = re.compile(r"^\d[\d,.]*(?:bn|mn|m|k|tn)$")  # "3bn", "2.5bn"
_ORDINAL = re.compile(r"^(?:first|second|third|\w+th|\d+(?:st|nd|rd))$")


class _WordClasses:
    """Token patterns for classes of words, each a flag of the vocabulary's lexemes.

    spaCy's `Matcher` tests a flag in compiled code, once per word type; an `IN` list or a
    `REGEX` is a Python call at every token for every pattern that starts with it. A
    vocabulary keeps its flags: a second recogniser on it reuses them.
    """

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def test(self, key: object, getter: Callable[[str], bool], op: str = "") -> TokenPattern:
        """Tokens whose text passes `getter`; `key` names the class (one flag per key)."""
        pattern: TokenPattern = {self.flag(key, getter): True}
        return {**pattern, "OP": op} if op else pattern

    def flag(self, key: object, getter: Callable[[str], bool]) -> int:
        """The lexeme flag of the words whose text passes `getter`, added on first use."""
        flag = next(
            (
                flag
                for flag, known in self.vocab.lex_attr_getters.items()
                if isinstance(known, _WordTest) and known.key == key
            ),
            None,
        )
        if flag is None:
            flag = self.vocab.add_flag(_WordTest(key, getter))
        return flag

    def lower(self, values: Iterable[str], op: str = "") -> TokenPattern:
        """Tokens whose lower-case form is one of `values`."""
        wanted = frozenset(values)
        return self.test(("lower", wanted), lambda text: text.lower() in wanted, op)

    def exact(self, values: Iterable[str]) -> TokenPattern:
        """Tokens spelled as one of `values`."""
        wanted = frozenset(values)
        return self.test(("exact", wanted), lambda text: text in wanted)

    def number(self, op: str = "+") -> TokenPattern:
        """A number, in digits or words, not an ordinal ("first", "3rd")."""
        return self.test("number", _cardinal, op)

    def scaled_number(self) -> TokenPattern:
        return self.test("scaled", lambda text: bool(_SCALED_NUMBER.match(text.lower())))


@dataclass(frozen=True)
class _WordTest:
    """A lexeme flag's getter, with the key of its word class."""

    key: object
    getter: Callable[[str], bool]

    def __call__(self, text: str) -> bool:
        return self.getter(text)


def _cardinal(text: str) -> bool:
    return bool(like_num(text)) and not _ORDINAL.match(text.lower())


_COMMA: TokenPattern = {"ORTH": ",", "OP": "?"}
_THE: TokenPattern = {"LOWER": "the", "OP": "?"}


def _date_patterns(w: _WordClasses) -> list[list[TokenPattern]]:
    month = {**w.lower([*MONTHS, *(f"{m}." for m in MONTHS)]), "IS_TITLE": True, "POS": "PROPN"}
    weekday = {**w.lower(WEEKDAYS), "IS_TITLE": True}
    day, year = w.lower(_DAYS), w.lower(_YEARS)
    relative, dates = w.lower(words.RELATIVE), w.lower(words.DATE_UNITS)
    durations, this_next_last = w.lower(words.DURATION_UNITS), w.lower({"this", "next", "last"})
    month_year = [month, _COMMA, year]
    relative_date = [relative, w.lower(words.DATE_UNITS | words.SEASONS)]
    cores: list[list[TokenPattern]] = [
        [month, day, _COMMA, year],
        [month, day],
        [day, month, _COMMA, year],
        [day, month],
        month_year,
        [month],
        [w.lower(words.YEAR_KINDS, "?"), year],
        [w.lower(_ONE_TOKEN_YEARS)],
        [w.lower(words.SEASONS), year],
        [year, w.lower({"-", "–", "to", "and"}), year],
        [w.lower({"between", "from"}), year, w.lower({"and", "to"}), year],
        [year, w.lower({"-", "–"}), {"SHAPE": "dd"}],
        [_THE, w.lower(words.PART_OF, "?"), w.lower(_DECADES)],
        [relative, month],
        relative_date,
        [_THE, relative, {"LOWER": "fiscal"}, {"LOWER": "year"}],
        [w.lower({"the", "that"}), {"LOWER": "same"}, dates],
        [month, this_next_last, {"LOWER": "year"}],
        [w.lower(words.EARLIER_LATER), w.lower({"this", "next", "last", "that"}), dates],
        [_THE, relative, w.number(), durations],
        [_THE, relative, durations],
        [w.lower({"a", "an"}), durations, {"LOWER": "ago"}],
        [w.number(), durations, {"LOWER": "ago", "OP": "?"}],
        [w.lower({"this", "next", "last"}, "?"), weekday],
        [w.lower(words.DAY_WORDS)],
        [_THE, w.lower(words.PORTIONS), {"LOWER": "of"}, {"LOWER": "the"}, dates],
    ]
    parts: list[list[TokenPattern]] = [
        [w.lower(words.PART_OF), {"ORTH": "-", "OP": "?"}],
        [_THE, w.lower(words.PORTIONS), {"LOWER": "of"}],
        [_THE, w.lower(words.HALVES), {"LOWER": "half"}, {"LOWER": "of"}],
    ]
    years = [[w.lower(words.YEAR_KINDS, "?"), year], month_year, [month], relative_date]
    return cores + [part + core for part in parts for core in years]


def _amount_patterns(w: _WordClasses) -> dict[str, list[list[TokenPattern]]]:
    symbol, code = w.exact(CURRENCY_SYMBOLS), w.exact(CURRENCIES)
    currency_words = w.lower(CURRENCY_WORDS - words.WEIGHTS, "+")
    number, scaled, scale = w.number(), w.scaled_number(), w.lower(words.SCALES, "?")
    return {
        "MONEY": [
            [symbol, number, scale],
            [symbol, scaled],
            [code, number, scale],
            [code, scaled],
            [number, scale, currency_words],
            [scaled, currency_words],
            [number, w.lower(words.SCALES), w.lower(words.WEIGHTS)],  # "50 million pounds"
        ],
        "PERCENT": [
            [number, w.lower(words.PERCENT_WORDS)],
            [number, {"LOWER": "per"}, {"LOWER": "cent"}],
        ],
        "QUANTITY": [[number, w.lower(words.UNITS)]],
        "CARDINAL": [[number], [scaled]],
    }


# Earlier labels win a tie between spans of the same length.
_LABEL_ORDER = ("MONEY", "PERCENT", "QUANTITY", "DATE", "CARDINAL")


class EntityRules:
    """Adds dates, amounts and typed unknown names to the entities a doc already has."""

    def __init__(self, nlp: Language) -> None:
        classes = _WordClasses(nlp.vocab)
        patterns = {"DATE": _date_patterns(classes), **_amount_patterns(classes)}
        self.matcher = Matcher(nlp.vocab, validate=False)  # its schema knows no flags
        for label, found in patterns.items():
            self.matcher.add(label, found, greedy="LONGEST")  # type: ignore[arg-type]
        conditions = {
            _text_conditions(spec)
            for found in patterns.values()
            for pattern in found
            for spec in pattern
        }  # many specs share theirs: each distinct set is tested once per word
        may_match = [_text_test(tested, nlp.vocab) for tested in conditions]
        # the words that some token of some pattern may match
        self.part = classes.flag("entity part", lambda text: any(t(text) for t in may_match))
        self.rank = {nlp.vocab.strings.add(label): n for n, label in enumerate(_LABEL_ORDER)}

    def __call__(self, doc: Doc) -> Doc:
        matches = sorted(self.matches(doc), key=lambda m: (m[1] - m[2], self.rank[m[0]], m[1]))
        taken = {i for ent in doc.ents for i in range(ent.start, ent.end)}
        spans = list(doc.ents)
        for label, start, end in matches:
            if taken.isdisjoint(range(start, end)):
                spans.append(Span(doc, start, end, label=label))
                taken.update(range(start, end))
        spans += _names(doc, taken)
        doc.set_ents(filter_spans(spans))
        return doc

    def matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """What the matcher finds in `doc`, run on each run of words that may be part of a
        match: a match lies within one, so the matches, and the longest of each label, are
        those of the whole doc, for less work."""
        found = []
        for start, end in _runs(doc.to_array(self.part).tolist()):
            found += [(label, start + s, start + e) for label, s, e in self.matcher(doc[start:end])]
        return found


def _text_conditions(spec: TokenPattern) -> frozenset[tuple[int | str, object]]:
    """The conditions of `spec` that a test of a word's text checks: its flags, LOWER, ORTH
    and SHAPE; its other conditions are not tested."""
    return frozenset(
        (name, wanted)
        for name, wanted in spec.items()
        if (isinstance(name, int) and wanted is True)
        or (name in ("LOWER", "ORTH", "SHAPE") and isinstance(wanted, str))
    )


def _text_test(
    conditions: frozenset[tuple[int | str, object]], vocab: Vocab
) -> Callable[[str], bool]:
    """A test of a word's text that every word meeting `conditions` passes."""
    tests: list[Callable[[str], bool]] = []
    for name, wanted in conditions:
        if isinstance(name, int):
            tests.append(vocab.lex_attr_getters[name])
        elif name == "LOWER":
            tests.append(lambda text, wanted=wanted: text.lower() == wanted)
        elif name == "ORTH":
            tests.append(lambda text, wanted=wanted: text == wanted)
        else:
            tests.append(lambda text, wanted=wanted: word_shape(text) == wanted)
    return lambda text: all(test(text) for test in tests)


def _runs(marks: list[int]) -> list[tuple[int, int]]:
    """(start, end) of each run of non-zero `marks`."""
    runs: list[tuple[int, int]] = []
    start = None
    for i, mark in enumerate([*marks, 0]):
        if mark and start is None:
            start = i
        elif not mark and start is not None:
            runs.append((start, i))
            start = None
    return runs


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
