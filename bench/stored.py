"""What the store holds for one article, read back as the scorer's records.

Event triples are read from the article's own graph (`akr:graph/article/{id}`), so an event
another article also reports keeps the status and roles this article gives it; labels come
from every graph (the reference graph holds those of reference entities).
"""

from __future__ import annotations

from collections import defaultdict

from pyoxigraph import Literal, NamedNode, QuerySolutions

from alliance_kg import iris, vocab
from alliance_kg.store.base import Store
from gold import ACTOR_ROLE_NAMES
from scoring import Filler, PredictedEvent

_ROLE_TERMS = " ".join(str(getattr(vocab, name)) for name in (*ACTOR_ROLE_NAMES, "materiel"))

# pyoxigraph binds only projected variables, hence `?graph ?article` in the projections.
_EVENTS = f"""
SELECT ?graph ?article ?event ?type ?status ?date WHERE {{
  GRAPH ?graph {{
    ?event {vocab.reportedIn} ?article ; a ?type .
    OPTIONAL {{ ?event {vocab.status} ?status }}
    OPTIONAL {{ ?event {vocab.date} ?date }}
  }}
}}
"""

_ROLES = f"""
SELECT ?graph ?article ?event ?role ?filler ?label ?alias WHERE {{
  GRAPH ?graph {{
    ?event {vocab.reportedIn} ?article ; ?role ?filler .
    VALUES ?role {{ {_ROLE_TERMS} }}
  }}
  OPTIONAL {{ ?filler {vocab.RDFS_LABEL} ?label }}
  OPTIONAL {{ ?filler {vocab.SKOS_ALT_LABEL} ?alias }}
}}
"""

_LINKED_COUNTRIES = f"""
SELECT DISTINCT ?graph ?article ?country WHERE {{
  {{ GRAPH ?graph {{ {{ ?country ?p ?o }} UNION {{ ?s ?p ?country }} }} }}
  UNION {{
    ?event {vocab.reportedIn} ?article .
    {{ ?event ?p ?country }} UNION {{ ?country ?p ?event }}
  }}
  UNION {{ ?mention {vocab.inArticle} ?article ; ?p ?country }}
  FILTER(isIRI(?country) && STRSTARTS(STR(?country), "{iris.AKR}country/"))
}}
"""


def _bindings(article_id: str) -> dict[str, NamedNode]:
    return {
        "graph": NamedNode(iris.article_graph(article_id)),
        "article": NamedNode(iris.article_iri(article_id)),
    }


def _solutions(store: Store, sparql: str, article_id: str) -> QuerySolutions:
    result = store.query(sparql, substitutions=_bindings(article_id))
    if not isinstance(result, QuerySolutions):
        raise TypeError(f"expected solutions from a SELECT, got {type(result).__name__}")
    return result


def predicted_events(store: Store, article_id: str) -> list[PredictedEvent]:
    """The events whose `ak:reportedIn` is the article, as its graph describes them."""
    types: defaultdict[str, set[str]] = defaultdict(set)
    statuses: dict[str, str] = {}
    dates: dict[str, str] = {}
    for row in _solutions(store, _EVENTS, article_id):
        event = row["event"].value
        types[event].add(_local_name(row["type"].value))
        if row["status"] is not None:
            statuses[event] = _local_name(row["status"].value)
        if row["date"] is not None:
            dates[event] = row["date"].value
    names: defaultdict[tuple[str, str, str], tuple[list[str], list[str]]] = defaultdict(
        lambda: ([], [])
    )
    for row in _solutions(store, _ROLES, article_id):
        filler = row["filler"]
        labels, aliases = names[(row["event"].value, _local_name(row["role"].value), filler.value)]
        if isinstance(filler, Literal):
            labels.append(filler.value)
        for found, term in ((labels, row["label"]), (aliases, row["alias"])):
            if term is not None:
                found.append(term.value)
    roles: defaultdict[str, defaultdict[str, list[Filler]]] = defaultdict(lambda: defaultdict(list))
    for (event, role, filler), (labels, aliases) in sorted(names.items()):
        ordered = dict.fromkeys([*sorted(labels), *sorted(aliases)])
        roles[event][role].append(Filler(filler, tuple(ordered)))
    return [
        PredictedEvent(
            iri=event,
            types=frozenset(types[event]),
            roles={role: tuple(a) for role, a in roles[event].items() if role != "materiel"},
            materiel=tuple(roles[event].get("materiel", ())),
            status=statuses.get(event),
            date=dates.get(event),
        )
        for event in sorted(types)
    ]


def linked_countries(store: Store, article_id: str) -> set[str]:
    """ISO3 codes of the countries the article's graph, events or mentions link to."""
    prefix = f"{iris.AKR}country/"
    rows = _solutions(store, _LINKED_COUNTRIES, article_id)
    return {row["country"].value.removeprefix(prefix) for row in rows}


def _local_name(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
