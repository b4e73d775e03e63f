"""The matching rule and metrics of ../shared/dev-articles/README.md, on plain records.

No spaCy and no store here: predicted events arrive as `PredictedEvent`s (read from the
stored RDF by `stored.py`), so every rule can be tested on hand-made examples.

    pairing = match_events(gold.events, predicted)
    counts = count_article(gold, pairing, linked_countries)
    print(counts.precision, counts.recall, counts.f1)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields

from alliance_kg import iris
from alliance_kg.model import EventClass
from assignment import max_weight_pairs
from gold import Gold, GoldEvent, is_country_code

DIRECTED_ROLES: tuple[str, ...] = ("supplier", "recipient", "provider", "client", "donor")
_HYPHENS = re.compile(r"[-‐‑‒–—]")
_NOT_WORD = re.compile(r"[^\w\s]")
_SPACES = re.compile(r"\s+")
SHORT_NAME_LETTERS = 3


@dataclass(frozen=True)
class Filler:
    """A predicted role filler: its IRI and names, the rdfs:label first, then skos:altLabels.

    A literal filler (a materiel given as text) has its value as IRI and as only name.
    """

    iri: str
    labels: tuple[str, ...] = ()


@dataclass(frozen=True)
class PredictedEvent:
    """An event as the store holds it for one article; `roles` maps actor roles to actors."""

    iri: str
    types: frozenset[str]
    roles: Mapping[str, tuple[Filler, ...]] = field(default_factory=dict)
    materiel: tuple[Filler, ...] = ()
    status: str | None = None
    date: str | None = None

    @property
    def actors(self) -> tuple[Filler, ...]:
        """Every filler of an actor role, once."""
        return tuple(dict.fromkeys(actor for actors in self.roles.values() for actor in actors))

    @property
    def materiel_names(self) -> tuple[str, ...]:
        return tuple(name for filler in self.materiel for name in filler.labels)

    @property
    def type(self) -> str:
        """Its most specific contract class(es), for tables."""
        return "+".join(sorted(most_specific(self.types))) or "-"


def fold(text: str) -> str:
    """Lower case, hyphens as spaces, other punctuation dropped: 'U.S.-made' -> 'us made'."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = _NOT_WORD.sub("", _HYPHENS.sub(" ", text))
    return _SPACES.sub(" ", text).strip()


def _contains(container: str, name: str) -> bool:
    """Whether folded `name` occurs in folded `container`; short names only as whole words."""
    if not name:
        return False
    if len(name.replace(" ", "")) <= SHORT_NAME_LETTERS:
        return name in container.split()
    return name in container


def name_matches(gold_name: str, labels: Iterable[str]) -> bool:
    """Whether a gold actor name equals or contains a label, or the reverse."""
    name = fold(gold_name)
    return any(_contains(fold(label), name) or _contains(name, fold(label)) for label in labels)


def actor_found(gold_filler: str, actors: Sequence[Filler]) -> bool:
    """Whether one gold filler ('JPN', 'Saab', 'KOR|Hanwha Defense') is among `actors`."""
    for alternative in gold_filler.split("|"):
        if is_country_code(alternative):
            if any(actor.iri == iris.country_iri(alternative) for actor in actors):
                return True
        elif name_matches(alternative, (label for actor in actors for label in actor.labels)):
            return True
    return False


def materiel_matches(keywords: Sequence[str], labels: Sequence[str]) -> bool:
    """No keywords accept anything; else one keyword must occur in one label."""
    if not keywords:
        return True
    folded = [_materiel_fold(label) for label in labels]
    return any(_materiel_fold(keyword) in label for keyword in keywords for label in folded)


def _materiel_fold(text: str) -> str:
    return _SPACES.sub(" ", _HYPHENS.sub(" ", text.lower())).strip()


def most_specific(types: Iterable[str]) -> frozenset[str]:
    """The contract classes asserted, less DefenseCooperation when a subclass is there too."""
    classes = frozenset(types) & {c.value for c in EventClass}
    if len(classes) > 1:
        classes -= {EventClass.DEFENSE_COOPERATION.value}
    return classes


def event_matches(gold: GoldEvent, predicted: PredictedEvent) -> bool:
    """Type, actors and materiel: the three conditions of the matching rule."""
    if not most_specific(predicted.types) & gold.types:
        return False
    actors = predicted.actors
    if not all(actor_found(f, actors) for fillers in gold.roles.values() for f in fillers):
        return False
    return materiel_matches(gold.materiel, predicted.materiel_names)


def mismatch_reasons(gold: GoldEvent, predicted: PredictedEvent) -> list[str]:
    """Why a prediction fails to match a gold event (empty when it matches), for debugging."""
    reasons = []
    if not most_specific(predicted.types) & gold.types:
        reasons.append(f"type {predicted.type}")
    actors = predicted.actors
    reasons += [
        f"no actor {f}" for fs in gold.roles.values() for f in fs if not actor_found(f, actors)
    ]
    if not materiel_matches(gold.materiel, predicted.materiel_names):
        reasons.append("no materiel " + "|".join(gold.materiel))
    return reasons


def status_agrees(gold: GoldEvent, predicted: PredictedEvent) -> bool:
    return predicted.status in gold.statuses


def date_agrees(gold: GoldEvent, predicted: PredictedEvent) -> bool:
    """A gold date agrees with a predicted date that begins with it."""
    return bool(gold.date and predicted.date and predicted.date.startswith(gold.date))


@dataclass(frozen=True)
class Pairing:
    """A one-to-one pairing of one article's gold and predicted events."""

    pairs: tuple[tuple[GoldEvent, PredictedEvent], ...]
    unmatched_gold: tuple[GoldEvent, ...]
    unmatched_predicted: tuple[PredictedEvent, ...]

    @property
    def true_positives(self) -> tuple[tuple[GoldEvent, PredictedEvent], ...]:
        return tuple(pair for pair in self.pairs if not pair[0].optional)

    @property
    def false_negatives(self) -> tuple[GoldEvent, ...]:
        return tuple(event for event in self.unmatched_gold if not event.optional)


def match_events(gold: Sequence[GoldEvent], predicted: Sequence[PredictedEvent]) -> Pairing:
    """Pair gold and predicted events one-to-one by a maximum-weight matching.

    Weights are lexicographic: required gold first, then any match, then status agreement,
    then date agreement; each level outweighs every total of the levels below it.
    """
    base = min(len(gold), len(predicted)) + 2
    weights = [[_weight(g, p, base) if event_matches(g, p) else 0 for p in predicted] for g in gold]
    pairs = sorted(max_weight_pairs(weights))
    paired_gold = {row for row, _ in pairs}
    paired_predicted = {column for _, column in pairs}
    return Pairing(
        pairs=tuple((gold[row], predicted[column]) for row, column in pairs),
        unmatched_gold=tuple(g for n, g in enumerate(gold) if n not in paired_gold),
        unmatched_predicted=tuple(p for n, p in enumerate(predicted) if n not in paired_predicted),
    )


def _weight(gold: GoldEvent, predicted: PredictedEvent, base: int) -> int:
    required = 0 if gold.optional else 1
    status, date = status_agrees(gold, predicted), date_agrees(gold, predicted)
    return required * base**3 + base**2 + int(status) * base + int(date)


@dataclass(frozen=True)
class Counts:
    """Additive tallies; ratios are None when their denominator is 0."""

    tp: int = 0
    fn: int = 0
    fp: int = 0
    status_ok: int = 0  # TP pairs whose predicted status the gold accepts
    dated: int = 0  # TP pairs whose gold has a date ...
    date_ok: int = 0  # ... and those whose predicted date begins with it
    directed: int = 0  # directed-role gold fillers of TP pairs ...
    directed_ok: int = 0  # ... and those found in the same predicted role
    countries: int = 0  # gold entities.countries ...
    countries_found: int = 0  # ... and those linked to the article

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(getattr(self, f.name) + getattr(other, f.name) for f in fields(self)))

    @property
    def precision(self) -> float | None:
        return ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        return ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float | None:
        return ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)

    @property
    def status_accuracy(self) -> float | None:
        return ratio(self.status_ok, self.tp)

    @property
    def date_agreement(self) -> float | None:
        return ratio(self.date_ok, self.dated)

    @property
    def directed_accuracy(self) -> float | None:
        return ratio(self.directed_ok, self.directed)

    @property
    def country_recall(self) -> float | None:
        return ratio(self.countries_found, self.countries)


def ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def count_article(gold: Gold, pairing: Pairing, linked_countries: Iterable[str]) -> Counts:
    """The tallies of one article; `linked_countries` are ISO3 codes found in its graph."""
    true_positives = pairing.true_positives
    dated = [(g, p) for g, p in true_positives if g.date]
    directed = [
        (filler, predicted.roles.get(role, ()))
        for g, predicted in true_positives
        for role in DIRECTED_ROLES
        for filler in g.roles.get(role, ())
    ]
    return Counts(
        tp=len(true_positives),
        fn=len(pairing.false_negatives),
        fp=len(pairing.unmatched_predicted),
        status_ok=sum(status_agrees(g, p) for g, p in true_positives),
        dated=len(dated),
        date_ok=sum(date_agrees(g, p) for g, p in dated),
        directed=len(directed),
        directed_ok=sum(actor_found(filler, actors) for filler, actors in directed),
        countries=len(gold.countries),
        countries_found=len(gold.countries & set(linked_countries)),
    )


def count_by_class(pairings: Iterable[Pairing]) -> dict[str, Counts]:
    """TP and FN under the gold class, FP under the predicted most specific class."""
    totals: dict[str, Counts] = {}

    def add(name: str, counts: Counts) -> None:
        totals[name] = totals.get(name, Counts()) + counts

    for pairing in pairings:
        for g, _ in pairing.true_positives:
            add(g.type, Counts(tp=1))
        for g in pairing.false_negatives:
            add(g.type, Counts(fn=1))
        for p in pairing.unmatched_predicted:
            add(p.type, Counts(fp=1))
    return dict(sorted(totals.items()))
