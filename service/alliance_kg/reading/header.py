"""The optional header of a `.txt` article: `key: value` lines, then a line `---`.

    title: Japan Plans ...
    published: 2023-12-20
    ---
    The body ...

A header is recognised only when the first line is a known key and the `key: value`
lines are closed by `---`; otherwise the whole file is body.
"""

from __future__ import annotations

import re

from alliance_kg.reading.metadata import METADATA_FILE_KEYS, Metadata, metadata_from_fields

_HEADER_LINE = re.compile(r"(?P<key>[a-z]+):[ \t]*(?P<value>.*)")
_SEPARATOR = "---"


def split_header(text: str, *, source: str) -> tuple[Metadata, str]:
    """The header's metadata and the body after `---`; empty metadata and `text` if none."""
    lines = text.splitlines(keepends=True)
    fields: dict[str, str] = {}
    for index, line in enumerate(lines):
        if line.strip() == _SEPARATOR and fields:
            return metadata_from_fields(fields, source=source), "".join(lines[index + 1 :])
        match = _HEADER_LINE.fullmatch(line.rstrip("\r\n"))
        if match is None or match["key"] not in METADATA_FILE_KEYS:
            break
        fields[match["key"]] = match["value"]
    return Metadata(), text
