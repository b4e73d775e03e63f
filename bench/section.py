"""Rewrites one "## Heading" section of BENCHMARKS.md, leaving the others as they are."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

BENCHMARKS = Path(__file__).parents[1] / "BENCHMARKS.md"


def replace_section(document: str, heading: str, body: str) -> str:
    """`document` with the section under `heading` replaced by `body` (appended when absent)."""
    lines = document.splitlines()
    section = [heading, "", *body.strip("\n").splitlines(), ""]
    starts = [n for n, line in enumerate(lines) if line.strip() == heading]
    if not starts:
        kept = "\n".join(lines).rstrip("\n")
        return (kept + "\n\n" if kept else "# Benchmarks\n\n") + "\n".join(section)
    start = starts[0]
    end = next((n for n in range(start + 1, len(lines)) if lines[n].startswith("## ")), len(lines))
    return "\n".join([*lines[:start], *section, *lines[end:]]).rstrip("\n") + "\n"


def write_section(heading: str, body: str, path: Path = BENCHMARKS) -> None:
    document = path.read_text(encoding="utf-8") if path.is_file() else ""
    path.write_text(replace_section(document, heading, body), encoding="utf-8")


def markdown_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """The lines of a Markdown table."""
    return [
        "| " + " | ".join(headers) + " |",
        "| " + " | ".join("---" for _ in headers) + " |",
        *("| " + " | ".join(row) + " |" for row in rows),
    ]
