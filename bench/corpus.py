"""Generates a large corpus for throughput benchmarks from the sample articles.

    .venv/bin/python bench/corpus.py --count 2000 --out DIR [--words 600] [--seed 7]

Each generated article opens with the first paragraphs of one sample article (so its
actors are introduced as a reporter would), then takes whole paragraphs of other sample
articles in shuffled order until it reaches about `--words` words. Dates of publication
are spread over 2022-2025, so relative dates ("last December") resolve differently.
The same seed always gives the same corpus. Output: `DIR/corpus.jsonl`, one article per
line in the shape of the HTTP payload (text, title, published, publisher).
"""

from __future__ import annotations

import argparse
import json
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from alliance_kg.model import article_id
from alliance_kg.reading import iter_article_files, read_file

SAMPLES = Path(__file__).parents[1] / "data" / "articles"
PUBLISHERS = ("Harbour Wire", "Capital Defence Desk", "Pacific Ledger", "Northern Tribune")
FIRST_DAY, DAYS = date(2022, 1, 1), 4 * 365
OPENING_PARAGRAPHS = 3


@dataclass(frozen=True)
class Sample:
    title: str
    paragraphs: tuple[str, ...]


def load_samples(folder: Path = SAMPLES) -> list[Sample]:
    """Each sample article's title and prose paragraphs (non-empty lines)."""
    samples = []
    for path in iter_article_files([folder]):
        for article in read_file(path):
            lines = tuple(line.strip() for line in article.text.split("\n") if line.strip())
            samples.append(Sample(article.title or path.stem, lines))
    return samples


def generate(count: int, *, words: int = 600, seed: int = 7) -> list[dict[str, str]]:
    """`count` distinct articles of about `words` words each, as payload dictionaries."""
    samples = load_samples()
    pool = [(n, paragraph) for n, s in enumerate(samples) for paragraph in s.paragraphs]
    chooser = random.Random(seed)
    seen: set[str] = set()
    articles: list[dict[str, str]] = []
    while len(articles) < count:
        base = chooser.randrange(len(samples))
        body = list(samples[base].paragraphs[:OPENING_PARAGRAPHS])
        while sum(len(p.split()) for p in body) < words:
            source, paragraph = chooser.choice(pool)
            if source != base and paragraph not in body:
                body.append(paragraph)
        text = "\n\n".join(body)
        if article_id(text) in seen:
            continue
        seen.add(article_id(text))
        published = FIRST_DAY + timedelta(days=chooser.randrange(DAYS))
        articles.append(
            {
                "text": text,
                "title": f"{samples[base].title} ({len(articles) + 1})",
                "published": published.isoformat(),
                "publisher": chooser.choice(PUBLISHERS),
            }
        )
    return articles


def write_corpus(out: Path, count: int, *, words: int = 600, seed: int = 7) -> Path:
    """Write `out/corpus.jsonl`; return its path."""
    out.mkdir(parents=True, exist_ok=True)
    target = out / "corpus.jsonl"
    with target.open("w", encoding="utf-8") as lines:
        for article in generate(count, words=words, seed=seed):
            lines.write(json.dumps(article, ensure_ascii=False) + "\n")
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--words", type=int, default=600)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    target = write_corpus(args.out, args.count, words=args.words, seed=args.seed)
    print(f"wrote {args.count} articles to {target}: {describe_lengths(target)}")


def describe_lengths(corpus: Path) -> str:
    """The corpus's words per article (whitespace-separated), mean and range."""
    counts = [len(article.text.split()) for article in read_file(corpus)]
    return (
        f"{sum(counts) / len(counts):.0f} words per article on average"
        f" (min {min(counts)}, max {max(counts)})"
    )


if __name__ == "__main__":
    main()
