"""Scores the extractor against gold, on the RDF the product stores.

    .venv/bin/python bench/extraction.py [--corpus data|dev|tuning|holdout|holdout2|holdout3|all]
                                         [--details] [--write-benchmarks]

For each article: read it, extract, map to quads, load them into an in-memory store that
holds the ontology and reference graphs, read back the events whose `ak:reportedIn` is the
article, and score them by the matching rule of ../shared/dev-articles/README.md (see
`scoring.py`). `data` is data/articles with data/gold, `dev` is ../shared/dev-articles,
`tuning` is data/tuning (short articles written blind to the rules, then used to generalise
them), `holdout`, `holdout2` and `holdout3` are data/holdout* (articles written after the rules and
never used to tune them); `all` runs them all and reports them separately. `--details`
lists, per article, the gold events missed (FN, with the nearest prediction and why it fails),
the predictions left unmatched (FP), and the status (ST) and date (DT) misses of matched pairs;
`--write-benchmarks` rewrites the "## Extraction" section of BENCHMARKS.md. An article
that fails scores 0 with the reason in its note; the run goes on and exits 0.
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import reduce
from operator import add
from pathlib import Path

from alliance_kg import iris
from alliance_kg.model import Article, Extraction
from alliance_kg.rdf.base_graphs import ensure_base_graphs
from alliance_kg.rdf.mapping import extraction_to_quads
from alliance_kg.reading import read_file
from alliance_kg.store.oxigraph import EmbeddedStore
from gold import GOLD_SUFFIX, GoldFormatError, load_gold
from report import (
    SECTION_HEADING,
    ArticleResult,
    article_table,
    class_table,
    detail_lines,
    slowest_table,
    summary_lines,
)
from scoring import Counts, count_article, match_events
from section import write_section
from stored import linked_countries, predicted_events

ROOT = Path(__file__).resolve().parents[1]
DEV_ARTICLES = ROOT.parent / "shared" / "dev-articles"


@dataclass(frozen=True)
class Corpus:
    """Article files with one suffix in `articles`, their gold files in `gold`."""

    name: str
    articles: Path
    suffix: str
    gold: Path

    def cases(self) -> list[tuple[str, Path, Path]]:
        """(stem, article file, gold file) for every article, sorted by name."""
        files = sorted(self.articles.glob(f"*{self.suffix}"))
        return [(f.stem, f, self.gold / f"{f.stem}{GOLD_SUFFIX}") for f in files]


TUNING = "tuning"  # data/tuning: written blind to the rules, then used to generalise them
HELD_OUT = ("holdout", "holdout2", "holdout3")  # data/<name>: never used to tune the rules
CORPORA: dict[str, Corpus] = {
    "data": Corpus("data", ROOT / "data" / "articles", ".md", ROOT / "data" / "gold"),
    "dev": Corpus("dev", DEV_ARTICLES, ".txt", DEV_ARTICLES),
    **{
        name: Corpus(name, ROOT / "data" / name / "articles", ".md", ROOT / "data" / name / "gold")
        for name in (TUNING, *HELD_OUT)
    },
}


class BenchExtractor:
    """What the benchmark needs of the pipeline: a version and `extract`."""

    def __init__(self, version: str, extract: Callable[[Article], Extraction]) -> None:
        self.version = version
        self.extract = extract


class ExtractorUnavailableError(RuntimeError):
    """The pipeline could not be loaded; every article then fails with this reason."""


def load_extractor() -> BenchExtractor:
    """The pipeline's extractor, or a stand-in that fails each article with the load error."""
    try:
        from alliance_kg.pipeline import Extractor as PipelineExtractor

        loaded = PipelineExtractor.load()
    except Exception as error:  # the benchmark reports any failure and goes on
        reason = f"the extractor did not load: {type(error).__name__}: {error}"

        def fail(article: Article) -> Extraction:
            raise ExtractorUnavailableError(reason)

        return BenchExtractor("unavailable", fail)
    return BenchExtractor(loaded.version, loaded.extract)


def score_case(
    stem: str, article_file: Path, gold_file: Path, extractor: BenchExtractor, store: EmbeddedStore
) -> ArticleResult:
    """Extract, store, read back and score one article; failures score 0 with a note."""
    try:
        gold = load_gold(gold_file)
    except GoldFormatError as error:
        return ArticleResult(stem, None, match_events([], []), Counts(), 0, None, str(error))
    try:
        [article] = read_file(article_file)
        started = time.perf_counter()
        extraction = extractor.extract(article)
        seconds = time.perf_counter() - started
        quads = extraction_to_quads(extraction, extractor_version=extractor.version)
        store.replace_graph(iris.article_graph(article.id), quads)
        predicted = predicted_events(store, article.id)
        countries = linked_countries(store, article.id)
    except Exception as error:  # an article that fails scores 0, and the run goes on
        missed = match_events(gold.events, [])
        note = f"{type(error).__name__}: {error}"
        return ArticleResult(stem, gold, missed, count_article(gold, missed, ()), 0, None, note)
    pairing = match_events(gold.events, predicted)
    counts = count_article(gold, pairing, countries)
    note = "" if predicted else "no events"
    return ArticleResult(stem, gold, pairing, counts, len(predicted), seconds, note)


def run_corpus(corpus: Corpus, extractor: BenchExtractor) -> list[ArticleResult]:
    store = EmbeddedStore(None)
    ensure_base_graphs(store)
    return [score_case(*case, extractor, store) for case in corpus.cases()]


def corpus_report(corpus: Corpus, results: Sequence[ArticleResult]) -> list[str]:
    """The tables of one corpus, ending with the headline lines."""
    total = reduce(add, (r.counts for r in results), Counts())
    return [
        f"corpus {corpus.name}: {len(results)} articles ({os.path.relpath(corpus.articles, ROOT)})",
        "",
        *article_table(results),
        "",
        *class_table(results),
        "",
        *slowest_table(results),
        "",
        *summary_lines(total),
    ]


def benchmarks_body(reports: Sequence[list[str]], command: str, version: str) -> str:
    """The "## Extraction" section: how the run was made, then each corpus's tables."""
    lines = [
        "Events scored against gold by the matching rule of ../shared/dev-articles/README.md,",
        "on the RDF the store holds for each article (see bench/README.md). The rules were",
        "developed on `data` and `dev`; the `holdout` corpora were written afterwards and never",
        "used to tune them, so their figures are the ones that speak for unseen text.",
        "",
        f"Run on {date.today().isoformat()} with `{command}` (extractor `{version}`).",
    ]
    for report in reports:
        lines += ["", "```text", *report, "```"]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", choices=[*CORPORA, "all"], default="data")
    parser.add_argument("--details", action="store_true", help="list FN, FP and status misses")
    parser.add_argument(
        "--write-benchmarks", action="store_true", help="rewrite the Extraction section"
    )
    argv = sys.argv[1:] if argv is None else list(argv)
    args = parser.parse_args(argv)
    corpora = list(CORPORA.values()) if args.corpus == "all" else [CORPORA[args.corpus]]
    started = time.perf_counter()
    extractor = load_extractor()
    print(f"extractor {extractor.version} loaded in {time.perf_counter() - started:.1f} s")
    reports = []
    for corpus in corpora:
        results = run_corpus(corpus, extractor)
        if args.details:
            for lines in filter(None, map(detail_lines, results)):
                print("\n".join(lines))
        report = corpus_report(corpus, results)
        print("\n" + "\n".join(report))
        reports.append(report)
    if args.write_benchmarks:
        command = shlex.join(["python", "bench/extraction.py", *argv])
        write_section(SECTION_HEADING, benchmarks_body(reports, command, extractor.version))
        print("\nwrote the Extraction section of BENCHMARKS.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
