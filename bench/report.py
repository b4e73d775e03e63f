"""Plain-text tables of the extraction benchmark, and its section of BENCHMARKS.md."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from alliance_kg import iris
from gold import Gold, GoldEvent
from scoring import (
    Counts,
    Pairing,
    PredictedEvent,
    count_by_class,
    date_agrees,
    mismatch_reasons,
    most_specific,
)

_NUMBER = re.compile(r"-?[\d.]+|-")
SECTION_HEADING = "## Extraction"
SLOWEST = 5


@dataclass(frozen=True)
class ArticleResult:
    """How one article scored; `seconds` is the extraction time, None when it failed."""

    stem: str
    gold: Gold | None
    pairing: Pairing
    counts: Counts
    predicted: int
    seconds: float | None
    note: str = ""


def figure(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    """Aligned columns: numbers to the right, text to the left."""
    cells = [list(headers), *(list(row) for row in rows)]
    widths = [max(len(row[n]) for row in cells) for n in range(len(headers))]

    def line(row: list[str]) -> str:
        padded = (
            cell.rjust(width) if _NUMBER.fullmatch(cell) else cell.ljust(width)
            for cell, width in zip(row, widths, strict=True)
        )
        return "  ".join(padded).rstrip()

    return [line(cells[0]), line(["-" * width for width in widths]), *map(line, cells[1:])]


def _scores(counts: Counts) -> list[str]:
    return [figure(counts.precision), figure(counts.recall), figure(counts.f1)]


def article_table(results: Sequence[ArticleResult]) -> list[str]:
    headers = ["article", "gold", "pred", "TP", "FN", "FP", "P", "R", "F1", "status"]
    headers += ["countries", "seconds", "note"]
    rows = [
        [
            r.stem,
            str(len(r.gold.required)) if r.gold else "-",
            str(r.predicted),
            *(str(n) for n in (r.counts.tp, r.counts.fn, r.counts.fp)),
            *_scores(r.counts),
            figure(r.counts.status_accuracy),
            figure(r.counts.country_recall),
            "-" if r.seconds is None else f"{r.seconds:.2f}",
            r.note,
        ]
        for r in results
    ]
    return table(headers, rows)


def class_table(results: Sequence[ArticleResult]) -> list[str]:
    by_class = count_by_class(r.pairing for r in results)
    rows = [[name, str(c.tp), str(c.fn), str(c.fp), *_scores(c)] for name, c in by_class.items()]
    return table(["class", "TP", "FN", "FP", "P", "R", "F1"], rows)


def slowest_table(results: Sequence[ArticleResult]) -> list[str]:
    timed = sorted((r for r in results if r.seconds is not None), key=lambda r: -(r.seconds or 0))
    rows = [[r.stem, f"{r.seconds:.2f}", str(r.predicted)] for r in timed[:SLOWEST]]
    return table(["slowest articles", "seconds", "events"], rows)


def summary_lines(total: Counts) -> list[str]:
    """The closing lines of a corpus; the last two are the headline figures."""
    return [
        f"country entity recall={figure(total.country_recall)}"
        f" ({total.countries_found}/{total.countries})",
        f"date agreement={figure(total.date_agreement)} ({total.date_ok}/{total.dated} TP pairs"
        " with a gold date)",
        f"directed roles={figure(total.directed_accuracy)}"
        f" ({total.directed_ok}/{total.directed} fillers of TP pairs)",
        f"events TP={total.tp} FN={total.fn} FP={total.fp}",
        f"events P={total.precision or 0:.2f} R={total.recall or 0:.2f} F1={total.f1 or 0:.2f}",
        f"status accuracy={total.status_accuracy or 0:.2f}",
    ]


def detail_lines(result: ArticleResult) -> list[str]:
    """Unmatched gold (FN), unmatched predictions (FP), status (ST) and date (DT) misses."""
    pairing = result.pairing
    misses = [(g, p) for g, p in pairing.true_positives if p.status not in g.statuses]
    undated = [(g, p) for g, p in pairing.true_positives if g.date and not date_agrees(g, p)]
    if not (
        pairing.false_negatives or pairing.unmatched_predicted or misses or undated or result.note
    ):
        return []
    lines = [f"-- {result.stem}  TP={result.counts.tp} FN={result.counts.fn} FP={result.counts.fp}"]
    if result.note:
        lines.append(f"  note: {result.note}")
    predicted = [p for _, p in pairing.pairs] + list(pairing.unmatched_predicted)
    for g in pairing.false_negatives:
        lines.append(f"  FN {g.id} {describe_gold(g)}")
        lines.append(f"       evidence: {g.evidence}")
        near = nearest_prediction(g, predicted)
        if near is not None:
            taken_by = [other.id for other, p in pairing.pairs if p is near]
            reasons = "; ".join(mismatch_reasons(g, near)) or f"matches, paired with {taken_by[0]}"
            lines.append(f"       nearest: {describe_predicted(near)} ({reasons})")
    for p in pairing.unmatched_predicted:
        lines.append(f"  FP {describe_predicted(p)}")
    for g, p in misses:
        lines.append(f"  ST {g.id} {g.type}: gold {'|'.join(sorted(g.statuses))}, got {p.status}")
    for g, p in undated:
        lines.append(f"  DT {g.id} {g.type}: gold {g.date}, got {p.date or '-'}")
    return lines


def nearest_prediction(
    gold: GoldEvent, predicted: Sequence[PredictedEvent]
) -> PredictedEvent | None:
    """The prediction of an accepted class that misses the gold event by the fewest reasons."""
    same_class = [p for p in predicted if most_specific(p.types) & gold.types]
    return min(same_class, key=lambda p: len(mismatch_reasons(gold, p)), default=None)


def describe_gold(event: GoldEvent) -> str:
    roles = " ".join(f"{role}={','.join(fillers)}" for role, fillers in event.roles.items())
    return (
        f"{event.type} {roles} materiel={'|'.join(event.materiel) or '-'}"
        f" status={'|'.join(sorted(event.statuses))} date={event.date or '-'}"
    )


def describe_predicted(event: PredictedEvent) -> str:
    directed = {a for role, actors in event.roles.items() if role != "participant" for a in actors}
    shown = {
        role: [a for a in actors if role != "participant" or a not in directed]
        for role, actors in sorted(event.roles.items())
    }
    roles = " ".join(
        f"{role}={','.join(_display_name(a.iri, a.labels) for a in actors)}"
        for role, actors in shown.items()
        if actors
    )
    materiel = "|".join(_display_name(m.iri, m.labels) for m in event.materiel) or "-"
    return (
        f"{event.type} {roles} materiel={materiel} status={event.status or '-'}"
        f" date={event.date or '-'}"
    )


def _display_name(iri: str, labels: Sequence[str]) -> str:
    country = f"{iris.AKR}country/"
    if iri.startswith(country):
        return iri.removeprefix(country)
    return labels[0] if labels else iri.rsplit("/", 1)[-1]
