"""The IRIs of the contract, as plain strings: namespaces, graphs, and how individuals are named.

Reference entities and minted ones share one scheme, `akr:{kind}/{slug}`, so a name that
no reference entity matches always mints the same IRI, whichever article it is found in.
"""

from __future__ import annotations

import re
import unicodedata

AK = "https://w3id.org/alliance-kg/ontology#"
AKR = "https://w3id.org/alliance-kg/resource/"
WIKIDATA = "http://www.wikidata.org/entity/"

ONTOLOGY_GRAPH = AKR + "graph/ontology"
REFERENCE_GRAPH = AKR + "graph/reference"
ARTICLE_GRAPH_PREFIX = AKR + "graph/article/"

_NON_SLUG = re.compile(r"[^a-z0-9]+")


def slugify(label: str) -> str:
    """Lower-case ASCII words joined by hyphens: 'Hanwha Aerospace Co.' -> 'hanwha-aerospace-co'."""
    ascii_text = unicodedata.normalize("NFKD", label).encode("ascii", "ignore").decode("ascii")
    return _NON_SLUG.sub("-", ascii_text.lower()).strip("-") or "unnamed"


def country_iri(iso3: str) -> str:
    return f"{AKR}country/{iso3.upper()}"


def entity_iri(kind: str, label: str) -> str:
    """`kind` is the entity class local name (Person, Materiel...); the path is lower case."""
    return f"{AKR}{kind.lower()}/{slugify(label)}"


def article_iri(article_id: str) -> str:
    return f"{AKR}article/{article_id}"


def article_graph(article_id: str) -> str:
    return f"{ARTICLE_GRAPH_PREFIX}{article_id}"


def article_id_of_graph(graph: str) -> str | None:
    """The article id a graph IRI names, or None when it is not an article graph."""
    if graph.startswith(ARTICLE_GRAPH_PREFIX):
        return graph[len(ARTICLE_GRAPH_PREFIX) :] or None
    return None


def event_iri(identity: str) -> str:
    """`identity` is the hex digest computed by the RDF mapping's identity rule."""
    return f"{AKR}event/{identity}"


def mention_iri(article_id: str, event_identity: str, start: int, end: int) -> str:
    return f"{AKR}mention/{article_id}/{event_identity[:12]}/{start}-{end}"
