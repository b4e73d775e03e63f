"""The reference entities the extractor links names to, read from ontology/reference.ttl.

The extractor holds no list of names of its own: every alias it matches comes from here.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import Literal, NamedNode, RdfFormat, parse

from alliance_kg.iris import AK
from alliance_kg.model import Entity, EntityType

_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_MANUFACTURER = "https://schema.org/manufacturer"
_ALIAS_PROPERTIES = {
    _SKOS + "altLabel",
    _SKOS + "hiddenLabel",
    AK + "demonym",
    AK + "capitalMetonym",
}
_TYPES = {AK + t.value: t for t in EntityType}


@dataclass
class Reference:
    """One reference entity with everything the extractor needs to know of it."""

    iri: str
    type: EntityType
    label: str
    aliases: set[str] = field(default_factory=set)
    demonyms: set[str] = field(default_factory=set)
    metonyms: set[str] = field(default_factory=set)
    affiliations: list[str] = field(default_factory=list)
    broader: list[str] = field(default_factory=list)
    makers: list[str] = field(default_factory=list)

    def entity(self) -> Entity:
        return Entity(iri=self.iri, label=self.label, type=self.type)


class Gazetteer:
    """Reference entities by IRI, with their names, affiliations and materiel hierarchy."""

    def __init__(self, references: dict[str, Reference]) -> None:
        self.references = references
        self.has_narrower = {b for ref in references.values() for b in ref.broader}
        self.places = {
            ref.label.split(",")[0].strip().lower(): ref
            for ref in references.values()
            if ref.type is EntityType.PLACE
        }
        self.countries = {
            name.lower(): ref
            for ref in references.values()
            if ref.type is EntityType.COUNTRY
            for name in (ref.label, *ref.aliases, *ref.demonyms)
        }
        self.bodies: dict[str, list[Reference]] = defaultdict(list)
        for ref in references.values():
            for bare in self._bare_names(ref):
                self.bodies[bare].append(ref)

    @classmethod
    def load(cls, path: Path) -> Gazetteer:
        """Read a reference Turtle file (the ontology's reference.ttl or a test fixture)."""
        values: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        with path.open("rb") as handle:
            for triple in parse(handle, format=RdfFormat.TURTLE):
                if not isinstance(triple.subject, NamedNode):
                    continue
                obj = triple.object
                text = obj.value if isinstance(obj, (Literal, NamedNode)) else None
                if text is not None:
                    values[triple.subject.value][triple.predicate.value].append(text)
        references: dict[str, Reference] = {}
        for iri, props in values.items():
            types = [_TYPES[t] for t in props.get(_RDF_TYPE, []) if t in _TYPES]
            labels = props.get(_RDFS_LABEL, [])
            if not types or not labels:
                continue
            references[iri] = Reference(
                iri=iri,
                type=types[0],
                label=labels[0],
                aliases={a for p in _ALIAS_PROPERTIES for a in props.get(p, [])},
                demonyms=set(props.get(AK + "demonym", [])),
                metonyms=set(props.get(AK + "capitalMetonym", [])),
                affiliations=sorted(props.get(AK + "affiliatedWith", [])),
                broader=sorted(props.get(_SKOS + "broader", [])),
                makers=sorted(props.get(_MANUFACTURER, [])),
            )
        return cls(references)

    def get(self, iri: str) -> Reference | None:
        return self.references.get(iri)

    def names(self) -> list[tuple[str, Reference]]:
        """Every (name, reference) pair: labels and aliases."""
        pairs = []
        for ref in self.references.values():
            for name in {ref.label, *ref.aliases}:
                pairs.append((name, ref))
        return pairs

    def _bare_names(self, ref: Reference) -> set[str]:
        """A state body's name without its state: 'Japan's National Security Council' ->
        'national security council' (a name several states' bodies share)."""
        state = self.references.get(self.country_of(ref.iri) or "")
        if ref.type is not EntityType.ORGANIZATION or state is None:
            return set()
        prefixes = [
            form
            for name in (state.label, *state.aliases, *state.demonyms)
            for form in (f"{name}'s ", f"{name} ")
        ]
        return {
            name[len(prefix) :].lower()
            for name in (ref.label, *ref.aliases)
            for prefix in prefixes
            if name.startswith(prefix)
        }

    def body_of(self, name: str, states: list[str]) -> Reference | None:
        """The body of one of `states` that a shared bare name stands for ('the National
        Security Council' in an article about Japan)."""
        found = [r for r in self.bodies.get(name.lower(), []) if self.country_of(r.iri) in states]
        return found[0] if len(found) == 1 else None

    def place_named(self, name: str) -> Reference | None:
        """A place whose name is `name` ("Washington" -> "Washington, D.C.")."""
        return self.places.get(name.strip().lower())

    def country_named(self, name: str) -> Reference | None:
        """A country by one of its names or demonyms ("U.S." -> the United States)."""
        return self.countries.get(name.strip().lower())

    def country_of(self, iri: str) -> str | None:
        """The one country an entity is or belongs to (following ak:affiliatedWith once).

        None for an entity of several states (MBDA, the Quad, a bilateral treaty): picking
        one of them would make it an actor of what the others do.
        """
        ref = self.references.get(iri)
        if ref is None:
            return None
        if ref.type is EntityType.COUNTRY:
            return iri
        countries = [
            affiliation
            for affiliation in ref.affiliations
            if (target := self.references.get(affiliation)) is not None
            and target.type is EntityType.COUNTRY
        ]
        return countries[0] if len(countries) == 1 else None

    def maker_state(self, iri: str) -> str | None:
        """The state whose firm (or which itself) makes a named system: 'CV90' -> Sweden."""
        ref = self.references.get(iri)
        makers = ref.makers if ref is not None else []
        return self.country_of(makers[0]) if len(makers) == 1 else None

    def ancestors(self, iri: str) -> set[str]:
        """Every broader materiel class of a class or system."""
        found: set[str] = set()
        frontier = [iri]
        while frontier:
            ref = self.references.get(frontier.pop())
            for broader in ref.broader if ref is not None else []:
                if broader not in found:
                    found.add(broader)
                    frontier.append(broader)
        return found

    def is_generic(self, iri: str) -> bool:
        """A broad materiel class ('defense equipment', 'components'), not a kind or a system."""
        return iri in self.has_narrower and self.depth(iri) <= 1

    def depth(self, iri: str) -> int:
        """How far a materiel class is below the top of the hierarchy (more is more specific)."""
        seen: set[str] = set()
        depth, frontier = 0, [iri]
        while frontier:
            parents = [
                b
                for i in frontier
                if i not in seen
                for b in self.references[i].broader
                if b in self.references
            ]
            seen.update(frontier)
            if not parents:
                break
            depth += 1
            frontier = parents
        return depth
