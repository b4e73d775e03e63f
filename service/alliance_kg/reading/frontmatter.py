"""The optional YAML front matter of a `.md` article, between `---` lines at the very top.

Known keys (title, published, publisher, url) are read; other keys (tags, author...) belong
to other tools and are ignored. The body is the markdown after the closing line, as is.
"""

from __future__ import annotations

import yaml

from alliance_kg.reading.errors import MalformedInputError
from alliance_kg.reading.metadata import Metadata, metadata_from_fields

_DELIMITER = "---"
_CLOSERS = ("---", "...")


def split_front_matter(text: str, *, source: str) -> tuple[Metadata, str]:
    """The front matter's metadata and the body after it; empty metadata and `text` if none."""
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].rstrip() != _DELIMITER:
        return Metadata(), text
    for index, line in enumerate(lines[1:], start=1):
        if line.rstrip() in _CLOSERS:
            fields = _load_yaml("".join(lines[1:index]), source=source)
            return metadata_from_fields(fields, source=source), "".join(lines[index + 1 :])
    raise MalformedInputError(f"{source}: front matter opened by '---' on line 1 is never closed")


def _load_yaml(block: str, *, source: str) -> dict[str, object]:
    try:
        fields = yaml.safe_load(block)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" on line {mark.line + 2}" if mark is not None else ""  # +1 for '---', +1 1-based
        problem = getattr(error, "problem", None) or str(error)
        raise MalformedInputError(
            f"{source}: malformed YAML front matter{where}: {problem}"
        ) from error
    if fields is None:
        return {}
    if not isinstance(fields, dict):
        raise MalformedInputError(
            f"{source}: front matter must be a mapping of keys to values, "
            f"not {type(fields).__name__}"
        )
    return {str(key): value for key, value in fields.items()}
