"""The natural SPARQL for the lookups the REST read paths answer, timed on the same store.

Values are written into the query text as N-Triples terms: the benchmark chooses them.
"""

from __future__ import annotations

import random
import statistics
import sys
import time

from pyoxigraph import Literal, QuerySolutions

from alliance_kg.iris import AK, AKR
from alliance_kg.store.base import QueryTimeoutError, Store
from rest_data import Pool

PROLOGUE = f"""PREFIX ak: <{AK}>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""
LABEL_PREFIX = """SELECT ?e ?label (COUNT(DISTINCT ?event) AS ?events) WHERE {
  ?e rdfs:label ?label .
  { ?e rdfs:label ?name } UNION { ?e skos:altLabel ?name }
  FILTER(STRSTARTS(LCASE(STR(?name)), %(prefix)s))
  OPTIONAL { ?event ak:participant ?e }
} GROUP BY ?e ?label ORDER BY DESC(?events) LIMIT 10"""
COUNTRY_EVENTS = """SELECT ?event ?type ?status ?issued WHERE {
  ?event ak:participant %(state)s ; a ?type ; ak:status ?status ; ak:reportedIn ?article .
  OPTIONAL { ?article dcterms:issued ?issued }
} ORDER BY DESC(?issued) LIMIT 50"""
PARTNERS = """SELECT ?other (COUNT(DISTINCT ?event) AS ?n) WHERE {
  ?event ak:participant %(state)s, ?other FILTER(?other != %(state)s)
} GROUP BY ?other ORDER BY DESC(?n) LIMIT 20"""
MATERIEL = """SELECT DISTINCT ?event ?issued WHERE {
  ?event ak:materiel/skos:broader* %(materiel)s ; ak:reportedIn ?article .
  OPTIONAL { ?article dcterms:issued ?issued }
} ORDER BY DESC(?issued) LIMIT 50"""
CLASS_COUNTS = "SELECT ?type (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a ?type } GROUP BY ?type"

# (lookup, its SPARQL, the REST endpoint answering it)
NATURAL = (
    ("label prefix search", LABEL_PREFIX, "GET /entities?q="),
    ("a country's events", COUNTRY_EVENTS, "GET /events?participant="),
    ("a country's partners", PARTNERS, "GET /entities/{id}"),
    ("events by materiel class", MATERIEL, "GET /events?materiel="),
    ("counts by class", CLASS_COUNTS, "GET /stats"),
)
NATURAL_QUERIES = tuple((name, endpoint) for name, _, endpoint in NATURAL)
MATERIEL_CLASSES = ("missile", "weapon-system", "patriot", "howitzer")
TIMEOUT_SECONDS = 60  # a lookup stopped at the limit counts as taking it


def natural_timings(store: Store, pool: Pool, runs: int) -> dict[str, float]:
    """The median milliseconds of each lookup's SPARQL over `runs` varied runs."""
    rng = random.Random(11)
    medians = {}
    for name, sparql, _ in NATURAL:
        timings = []
        for _ in range(runs):
            label = rng.choice(pool.labels)
            values = {
                "prefix": str(Literal(label[: rng.randint(1, 4)].lower())),
                "state": f"<{rng.choice(pool.states[:40]).iri}>",
                "materiel": f"<{AKR}materiel/{rng.choice(MATERIEL_CLASSES)}>",
            }
            start = time.perf_counter()
            try:
                solutions = store.query(PROLOGUE + sparql % values, timeout=TIMEOUT_SECONDS)
                assert isinstance(solutions, QuerySolutions)
                list(solutions)
            except QueryTimeoutError:
                pass  # counted as the time limit
            timings.append((time.perf_counter() - start) * 1000)
        medians[name] = statistics.median(timings)
        print(f"  SPARQL {name}: {medians[name]:.0f} ms", file=sys.stderr, flush=True)
    return medians
