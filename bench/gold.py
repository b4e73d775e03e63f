"""Gold annotation files (`*.gold.yaml`, format in data/gold/README.md) -> checked records.

    gold = load_gold(Path("data/gold/01_japan_us_summit_industry_plans.gold.yaml"))

Every problem is a `GoldFormatError` whose message names the file, the event and the field.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from pyoxigraph import RdfFormat, parse

from alliance_kg import iris, vocab
from alliance_kg.model import ACTOR_ROLES, EventClass, Role, Status
from alliance_kg.resources import REFERENCE_FILE

ACTOR_ROLE_NAMES: tuple[str, ...] = tuple(sorted(role.value for role in ACTOR_ROLES))
EVENT_CLASSES: frozenset[str] = frozenset(c.value for c in EventClass)
STATUSES: frozenset[str] = frozenset(s.value for s in Status)
_UNSCORED_ROLES: frozenset[str] = frozenset({Role.LOCATION.value})
_ISO3 = re.compile(r"[A-Z]{3}")
GOLD_DATE = re.compile(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?")
GOLD_SUFFIX = ".gold.yaml"


@cache
def reference_country_codes(reference_file: Path = REFERENCE_FILE) -> frozenset[str]:
    """The ISO3 codes of the countries in the reference graph (`akr:country/{ISO3}`)."""
    prefix = f"{iris.AKR}country/"
    triples = parse(path=str(reference_file), format=RdfFormat.TURTLE)
    return frozenset(
        t.subject.value.removeprefix(prefix)
        for t in triples
        if t.predicate == vocab.RDF_TYPE and t.object == vocab.Country
    )


def is_country_code(filler: str) -> bool:
    """Whether a gold filler is an ISO3 code: three capitals naming a reference country.

    Company acronyms of three capitals ('ASC', 'HAL', 'PGZ') are names, not codes.
    """
    return bool(_ISO3.fullmatch(filler)) and filler in reference_country_codes()


class GoldFormatError(ValueError):
    """A gold file that does not follow the gold format."""


@dataclass(frozen=True)
class GoldEvent:
    """One gold event; `roles` holds actor roles only, fillers as written ('KOR|Hanwha')."""

    id: str
    type: str
    alt_types: frozenset[str] = frozenset()
    roles: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    materiel: tuple[str, ...] = ()
    statuses: frozenset[str] = frozenset()
    date: str | None = None
    optional: bool = False
    evidence: str = ""
    locations: tuple[str, ...] = ()

    @property
    def types(self) -> frozenset[str]:
        """Every class a prediction may have to match: `type` and `alt_types`."""
        return self.alt_types | {self.type}

    @property
    def countries(self) -> frozenset[str]:
        """ISO3 codes among the alternatives of its actor and location fillers."""
        fillers = [*self.locations, *(f for fs in self.roles.values() for f in fs)]
        return frozenset(a for f in fillers for a in f.split("|") if is_country_code(a))


@dataclass(frozen=True)
class Gold:
    """The gold of one article: its events and the countries it mentions."""

    article: str
    events: tuple[GoldEvent, ...]
    countries: frozenset[str] = frozenset()

    @property
    def required(self) -> tuple[GoldEvent, ...]:
        return tuple(event for event in self.events if not event.optional)


def gold_stem(path: Path) -> str:
    """The article stem a gold file belongs to: `01_x.gold.yaml` -> `01_x`."""
    return path.name.removesuffix(GOLD_SUFFIX)


def load_gold(path: Path) -> Gold:
    """Read and check one gold file."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise GoldFormatError(f"{path}: cannot read the gold file: {error}") from error
    return parse_gold(data, source=str(path))


def parse_gold(data: Any, *, source: str) -> Gold:
    """Check a parsed gold document and turn it into records."""
    if not isinstance(data, Mapping):
        raise GoldFormatError(f"{source}: the gold file is not a mapping")
    events = data.get("events") or []
    if not isinstance(events, list):
        raise GoldFormatError(f"{source}: 'events' is not a list")
    entities = data.get("entities") or {}
    countries = _strings(entities.get("countries"), f"{source}: entities.countries")
    parsed = tuple(_parse_event(raw, f"{source}: event #{n}") for n, raw in enumerate(events, 1))
    ids = [event.id for event in parsed]
    if len(set(ids)) != len(ids):
        raise GoldFormatError(f"{source}: event ids repeat: {ids}")
    return Gold(str(data.get("article") or ""), parsed, frozenset(countries))


def _parse_event(raw: Any, where: str) -> GoldEvent:
    if not isinstance(raw, Mapping):
        raise GoldFormatError(f"{where}: not a mapping")
    where = f"{where} ({raw.get('id', 'no id')})"
    event_type = str(raw.get("type"))
    alt_types = frozenset(_strings(raw.get("alt_types"), f"{where}: alt_types"))
    for name in alt_types | {event_type}:
        if name not in EVENT_CLASSES:
            raise GoldFormatError(f"{where}: {name!r} is not an event class of the contract")
    statuses = frozenset(_strings(raw.get("status"), f"{where}: status"))
    if not statuses or not statuses <= STATUSES:
        raise GoldFormatError(f"{where}: status {sorted(statuses)} is not among {sorted(STATUSES)}")
    roles = raw.get("roles") or {}
    if not isinstance(roles, Mapping):
        raise GoldFormatError(f"{where}: 'roles' is not a mapping")
    unknown = set(roles) - set(ACTOR_ROLE_NAMES) - _UNSCORED_ROLES
    if unknown:
        raise GoldFormatError(f"{where}: unknown roles {sorted(unknown)}")
    date = raw.get("date")
    if date is not None and not GOLD_DATE.fullmatch(str(date)):
        raise GoldFormatError(f"{where}: date {date!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    return GoldEvent(
        id=str(raw.get("id")),
        type=event_type,
        alt_types=alt_types,
        roles={
            role: tuple(_strings(fillers, f"{where}: roles.{role}"))
            for role, fillers in roles.items()
            if role in ACTOR_ROLE_NAMES
        },
        materiel=tuple(_strings(raw.get("materiel"), f"{where}: materiel")),
        statuses=statuses,
        date=None if date is None else str(date),
        optional=bool(raw.get("optional", False)),
        evidence=str(raw.get("evidence") or ""),
        locations=tuple(_strings(roles.get(Role.LOCATION.value), f"{where}: roles.location")),
    )


def _strings(value: Any, where: str) -> list[str]:
    """A scalar or a list of scalars as a list of strings; None as an empty list."""
    if value is None:
        return []
    items = value if isinstance(value, list) else [value]
    if any(isinstance(item, (Mapping, list)) for item in items):
        raise GoldFormatError(f"{where}: expected a value or a list of values")
    return [str(item) for item in items]
