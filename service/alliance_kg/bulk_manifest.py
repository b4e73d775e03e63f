"""The bulk ingest's work directory journal, `manifest.jsonl`: what was written and loaded.

One JSON object per line, appended and synced: first the extractor version, then each
shard written (its articles, their events, which of them had a graph before) and each
shard loaded. A last line cut short by a crash is ignored.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from alliance_kg.model import EventClass, StoredEvent

MANIFEST = "manifest.jsonl"

ShardEvents = dict[str, tuple[StoredEvent, ...]]  # article id -> its events, in shard order


class BulkIngestError(Exception):
    """The work directory cannot be used, or a worker process failed."""


@dataclass(frozen=True)
class WrittenShard:
    """A complete shard file: its articles' events, and which of them had a graph before."""

    name: str
    events: ShardEvents
    replacing: frozenset[str]


class Manifest:
    """The work directory's journal: one JSON object per line, appended and synced."""

    def __init__(self, work_dir: Path, entries: list[dict[str, Any]]) -> None:
        self.work_dir = work_dir
        self._written: dict[str, WrittenShard] = {}
        self._loaded: set[str] = set()
        for entry in entries:
            if entry.get("state") == "written":
                self._written[entry["shard"]] = WrittenShard(
                    entry["shard"],
                    {i: _events_from_json(e) for i, e in entry["articles"].items()},
                    frozenset(entry["replacing"]),
                )
            elif entry.get("state") == "loaded":
                self._loaded.add(entry["shard"])

    @classmethod
    def open(cls, work_dir: Path, extractor_version: str) -> Manifest:
        """The manifest of an earlier run by the same extractor version, else a new one."""
        path = work_dir / MANIFEST
        entries = _read_entries(path)
        manifest = cls(work_dir, entries)
        if entries[:1] != [{"extractor_version": extractor_version}]:
            manifest = cls(work_dir, [])
            try:
                manifest.remove()
                work_dir.mkdir(parents=True, exist_ok=True)
                _append(path, {"extractor_version": extractor_version})
            except OSError as error:
                message = f"cannot use the work directory {work_dir}: {error}"
                raise BulkIngestError(message) from error
        return manifest

    @property
    def loaded_articles(self) -> set[str]:
        return {i for name in self._loaded for i in self._written[name].events}

    def unloaded_shards(self) -> list[WrittenShard]:
        """Written shards not loaded yet whose file is still there."""
        return [
            shard
            for name, shard in sorted(self._written.items())
            if name not in self._loaded and self.shard_path(name).is_file()
        ]

    def next_shard_number(self) -> int:
        numbers = [int(name.rpartition("-")[2]) for name in self._written]
        return max(numbers, default=0) + 1

    def shard_path(self, name: str) -> Path:
        return self.work_dir / f"{name}.nq"

    def discard_shard_files(self, *, keep: set[str]) -> None:
        """Delete shard files other than `keep`: partial, loaded, or never recorded."""
        if not self.work_dir.is_dir():
            return
        for path in self.work_dir.glob("shard-*.nq*"):
            if path.name.removesuffix(".part").removesuffix(".nq") not in keep:
                path.unlink()

    def remove(self) -> None:
        """Delete the manifest and the shard files; the directory too when that empties it."""
        self.discard_shard_files(keep=set())
        (self.work_dir / MANIFEST).unlink(missing_ok=True)
        with contextlib.suppress(OSError):
            self.work_dir.rmdir()

    def record_written(self, shard: WrittenShard) -> None:
        self._written[shard.name] = shard
        articles = {i: [[e.iri, e.type.value] for e in ev] for i, ev in shard.events.items()}
        entry = {"shard": shard.name, "state": "written", "articles": articles}
        _append(self.work_dir / MANIFEST, entry | {"replacing": sorted(shard.replacing)})

    def record_loaded(self, name: str) -> None:
        self._loaded.add(name)
        _append(self.work_dir / MANIFEST, {"shard": name, "state": "loaded"})
        self.shard_path(name).unlink(missing_ok=True)


def _read_entries(path: Path) -> list[dict[str, Any]]:
    """The manifest's entries; a last line cut short by a crash is ignored."""
    if not path.is_file():
        return []
    entries = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            entries.append(json.loads(line))
        except json.JSONDecodeError:
            break
    return entries


def _append(path: Path, entry: dict[str, Any]) -> None:
    with path.open("a", encoding="utf-8") as output:
        output.write(json.dumps(entry, sort_keys=True) + "\n")
        output.flush()
        os.fsync(output.fileno())


def _events_from_json(events: list[list[str]]) -> tuple[StoredEvent, ...]:
    return tuple(StoredEvent(iri=iri, type=EventClass(kind)) for iri, kind in events)
