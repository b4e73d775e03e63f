"""Generate ontology/reference.ttl: the reference entities the extractor links names to.

Countries come from pycountry (every ISO 3166-1 entry) amended by `reference/countries.yaml`;
people, organisations, places, materiel and policies come from the other curated YAML files.
The output is sorted, so the same sources always give the same bytes.

    python ontology/build_reference.py            # rewrite reference.ttl
    python ontology/build_reference.py --check    # exit 1 when reference.ttl is stale

pycountry is a development dependency: only this script needs it, never the service.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pycountry
import yaml

from alliance_kg.iris import AK, AKR, WIKIDATA, country_iri, entity_iri

ONTOLOGY_DIR = Path(__file__).resolve().parent
SOURCE_DIR = ONTOLOGY_DIR / "reference"
OUTPUT_FILE = ONTOLOGY_DIR / "reference.ttl"

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS = "http://www.w3.org/2004/02/skos/core#"
OWL_SAME_AS = "http://www.w3.org/2002/07/owl#sameAs"
SCHEMA_JOB_TITLE = "https://schema.org/jobTitle"
SCHEMA_MANUFACTURER = "https://schema.org/manufacturer"

# Curated file -> the entity class its records belong to (countries are handled apart).
CURATED_FILES: dict[str, str] = {
    "organizations.yaml": "Organization",
    "people.yaml": "Person",
    "places.yaml": "Place",
    "materiel.yaml": "Materiel",
    "policies.yaml": "Policy",
}
RECORD_KEYS = frozenset(
    {
        "label",
        "aliases",
        "wikidata",
        "affiliated",
        "broader",
        "maker",
        "job_title",
        "surname",
        "titles",
    }
)
COUNTRY_KEYS = frozenset({"label", "aliases", "demonyms", "capitals", "wikidata"})

PREFIXES: dict[str, str] = {
    "ak": AK,
    "akr": AKR,
    "country": AKR + "country/",
    "materiel": AKR + "materiel/",
    "organization": AKR + "organization/",
    "owl": "http://www.w3.org/2002/07/owl#",
    "person": AKR + "person/",
    "place": AKR + "place/",
    "policy": AKR + "policy/",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "schema": "https://schema.org/",
    "skos": SKOS,
    "wd": WIKIDATA,
}
# Order in which predicates are written for each subject.
PREDICATE_ORDER: tuple[str, ...] = (
    RDF_TYPE,
    RDFS_LABEL,
    SKOS + "altLabel",
    AK + "demonym",
    AK + "capitalMetonym",
    SKOS + "notation",
    SCHEMA_JOB_TITLE,
    SKOS + "broader",
    AK + "affiliatedWith",
    SCHEMA_MANUFACTURER,
    OWL_SAME_AS,
)
_WIKIDATA_ID = re.compile(r"Q[1-9][0-9]*")
_LOCAL_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_-]*")


class ReferenceDataError(Exception):
    """The curated reference data is inconsistent; the message names the file and the record."""


@dataclass
class ReferenceEntity:
    """One entity as written to reference.ttl; IRIs are full strings, labels plain English."""

    iri: str
    kind: str
    label: str
    aliases: set[str] = field(default_factory=set)
    demonyms: set[str] = field(default_factory=set)
    capitals: set[str] = field(default_factory=set)
    notation: str | None = None
    job_title: str | None = None
    broader: set[str] = field(default_factory=set)
    affiliated: set[str] = field(default_factory=set)
    maker: str | None = None
    same_as: str | None = None


def _read_yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as stream:
        return yaml.safe_load(stream)


def _strings(record: Mapping[str, Any], key: str, where: str) -> list[str]:
    values = record.get(key) or []
    if isinstance(values, str) or not all(isinstance(v, str) and v.strip() for v in values):
        raise ReferenceDataError(f"{where}: '{key}' must be a list of non-empty strings")
    return [value.strip() for value in values]


def _wikidata(record: Mapping[str, Any], where: str) -> str | None:
    qid = record.get("wikidata")
    if qid is None:
        return None
    if not isinstance(qid, str) or not _WIKIDATA_ID.fullmatch(qid):
        raise ReferenceDataError(f"{where}: wikidata id {qid!r} is not of the form Q123")
    return WIKIDATA + qid


def _check_keys(record: Mapping[str, Any], allowed: frozenset[str], where: str) -> None:
    unknown = sorted(set(record) - allowed)
    if unknown:
        raise ReferenceDataError(f"{where}: unknown keys {unknown}")


def _names_of(country: Any) -> set[str]:
    """pycountry's names as prose writes them; inverted ISO forms ("Korea, Republic of") drop."""
    names = {getattr(country, attr, None) for attr in ("name", "official_name", "common_name")}
    return {
        re.sub(r"^the ", "", name) for name in names if name and "," not in name and "(" not in name
    }


def load_countries(curated: Mapping[str, Mapping[str, Any]]) -> list[ReferenceEntity]:
    """Every ISO 3166-1 country, with the curated label, aliases, demonyms, capitals and Q-id."""
    unknown = sorted(set(curated) - {country.alpha_3 for country in pycountry.countries})
    if unknown:
        raise ReferenceDataError(f"countries.yaml: not ISO 3166-1 alpha-3 codes: {unknown}")
    countries = []
    for country in pycountry.countries:
        where = f"countries.yaml: {country.alpha_3}"
        record = curated.get(country.alpha_3) or {}
        _check_keys(record, COUNTRY_KEYS, where)
        label = record.get("label") or getattr(country, "common_name", None) or country.name
        entity = ReferenceEntity(
            iri=country_iri(country.alpha_3),
            kind="Country",
            label=label,
            aliases=_names_of(country) | set(_strings(record, "aliases", where)),
            demonyms=set(_strings(record, "demonyms", where)),
            capitals=set(_strings(record, "capitals", where)),
            notation=country.alpha_3,
            same_as=_wikidata(record, where),
        )
        entity.aliases.discard(label)
        countries.append(entity)
    return countries


def load_curated(kind: str, records: Iterable[Mapping[str, Any]], source: str) -> list[dict]:
    """Check the records of one curated file; references are resolved later, across files."""
    checked = []
    for number, record in enumerate(records, start=1):
        where = f"{source}: record {number} ({record.get('label', '?')})"
        _check_keys(record, RECORD_KEYS, where)
        if not isinstance(record.get("label"), str) or not record["label"].strip():
            raise ReferenceDataError(f"{where}: a label is required")
        checked.append({**record, "kind": kind, "where": where})
    return checked


def _person_aliases(record: Mapping[str, Any], where: str) -> set[str]:
    """A person's `surname` alone and after each of their `titles` ("Prime Minister Kishida").

    Where the surname alone is ambiguous ("Austin", "Kim"), the record gives no `surname`
    and lists its titled forms among the plain aliases instead.
    """
    surname = record.get("surname")
    titles = _strings(record, "titles", where)
    if titles and not surname:
        raise ReferenceDataError(f"{where}: titles need a surname to attach to")
    return {surname, *(f"{title} {surname}" for title in titles)} if surname else set()


def _resolve(name: str, by_label: Mapping[str, str], countries: set[str], where: str) -> str:
    if name in countries:
        return country_iri(name)
    if name in by_label:
        return by_label[name]
    raise ReferenceDataError(f"{where}: {name!r} is neither an ISO alpha-3 code nor a label")


def build_entities(source_dir: Path = SOURCE_DIR) -> list[ReferenceEntity]:
    """All reference entities, cross-references resolved, sorted by IRI."""
    countries = load_countries(_read_yaml(source_dir / "countries.yaml") or {})
    records = [
        record
        for name, kind in CURATED_FILES.items()
        for record in load_curated(kind, _read_yaml(source_dir / name) or [], name)
    ]
    by_label: dict[str, str] = {}
    entities: dict[str, ReferenceEntity] = {country.iri: country for country in countries}
    for record in records:
        iri = entity_iri(record["kind"], record["label"])
        if iri in entities:
            raise ReferenceDataError(f"{record['where']}: IRI {iri} is already taken")
        by_label[record["label"]] = iri
        entities[iri] = ReferenceEntity(iri=iri, kind=record["kind"], label=record["label"])
    codes = {country.notation for country in countries if country.notation}
    for record in records:
        where = record["where"]
        entity = entities[by_label[record["label"]]]
        entity.aliases = set(_strings(record, "aliases", where)) | _person_aliases(record, where)
        entity.aliases.discard(entity.label)
        entity.same_as = _wikidata(record, where)
        entity.job_title = record.get("job_title")
        entity.affiliated = {
            _resolve(name, by_label, codes, where) for name in _strings(record, "affiliated", where)
        }
        maker = record.get("maker")
        entity.maker = _resolve(maker, by_label, codes, where) if maker else None
        entity.broader = {by_label.get(name, "") for name in _strings(record, "broader", where)}
        if "" in entity.broader:
            raise ReferenceDataError(f"{where}: a broader entry names no curated label")
    return sorted(entities.values(), key=lambda entity: entity.iri)


def _term(iri: str) -> str:
    """A prefixed name where one reads cleanly, else the full IRI in angle brackets."""
    for prefix, namespace in sorted(PREFIXES.items(), key=lambda item: -len(item[1])):
        local = iri[len(namespace) :]
        if iri.startswith(namespace) and _LOCAL_NAME.fullmatch(local):
            return f"{prefix}:{local}"
    return f"<{iri}>"


def _literal(text: str, language: str | None = "en") -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"@{language}' if language else f'"{escaped}"'


def _objects(entity: ReferenceEntity) -> dict[str, list[str]]:
    """Predicate IRI -> Turtle objects, each list sorted."""
    objects = {
        RDF_TYPE: [_term(AK + entity.kind)],
        RDFS_LABEL: [_literal(entity.label)],
        SKOS + "altLabel": [
            _literal(alias) for alias in sorted(entity.aliases | entity.demonyms | entity.capitals)
        ],
        AK + "demonym": [_literal(name) for name in sorted(entity.demonyms)],
        AK + "capitalMetonym": [_literal(name) for name in sorted(entity.capitals)],
        SKOS + "notation": [_literal(entity.notation, None)] if entity.notation else [],
        SCHEMA_JOB_TITLE: [_literal(entity.job_title)] if entity.job_title else [],
        SKOS + "broader": sorted(_term(iri) for iri in entity.broader),
        AK + "affiliatedWith": sorted(_term(iri) for iri in entity.affiliated),
        SCHEMA_MANUFACTURER: [_term(entity.maker)] if entity.maker else [],
        OWL_SAME_AS: [_term(entity.same_as)] if entity.same_as else [],
    }
    return {predicate: objects[predicate] for predicate in PREDICATE_ORDER if objects[predicate]}


def _object_list(objects: list[str]) -> str:
    """Objects on one line, or one per line when that line would pass 80 characters."""
    line = ", ".join(objects)
    return line if len(line) <= 80 else ",\n        ".join(objects)


def to_turtle(entities: Iterable[ReferenceEntity]) -> str:
    """Serialise entities as Turtle: prefixes, then one block per subject, in the given order."""
    lines = [
        "# Generated by ontology/build_reference.py from pycountry and ontology/reference/*.yaml.",
        "# Do not edit by hand: change the YAML and run the script again.",
        "",
        *(f"@prefix {prefix}: <{namespace}> ." for prefix, namespace in sorted(PREFIXES.items())),
    ]
    for entity in entities:
        statements = [
            f"{'a' if predicate == RDF_TYPE else _term(predicate)} {_object_list(objects)}"
            for predicate, objects in _objects(entity).items()
        ]
        lines += ["", f"{_term(entity.iri)}", *(f"    {s} ;" for s in statements[:-1])]
        lines.append(f"    {statements[-1]} .")
    return "\n".join(lines) + "\n"


def build_reference(source_dir: Path = SOURCE_DIR) -> str:
    """The Turtle text of reference.ttl, built from pycountry and the curated YAML."""
    return to_turtle(build_entities(source_dir))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--output", type=Path, default=OUTPUT_FILE)
    parser.add_argument("--check", action="store_true", help="fail when the output is stale")
    args = parser.parse_args(argv)
    text = build_reference()
    if args.check:
        current = args.output.read_text(encoding="utf-8") if args.output.exists() else ""
        if current != text:
            print(f"{args.output} is stale: run ontology/build_reference.py", file=sys.stderr)
            return 1
        return 0
    args.output.write_text(text, encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
