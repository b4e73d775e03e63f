"""Validate data against ontology/shapes.ttl, for tests at any level (shapes, mapping, end to end).

ok, report = conforms(graph)            # one article graph, or a Dataset (its union)
assert ok, report
"""

from __future__ import annotations

from functools import cache

from pyshacl import validate
from rdflib import Dataset, Graph

from alliance_kg.resources import ONTOLOGY_FILE, SHAPES_FILE


@cache
def ontology_graph() -> Graph:
    return Graph().parse(ONTOLOGY_FILE, format="turtle")


@cache
def shapes_graph() -> Graph:
    return Graph().parse(SHAPES_FILE, format="turtle")


def union_graph(dataset: Dataset) -> Graph:
    """All triples of all graphs of `dataset` in one graph, as the store's default graph."""
    union = Graph()
    for subject, predicate, obj, _ in dataset.quads((None, None, None, None)):
        union.add((subject, predicate, obj))
    return union


def conforms(data_graph: Graph) -> tuple[bool, str]:
    """Whether `data_graph` satisfies the shapes, and pySHACL's report text.

    No inference runs: the store materialises superclass types and ak:participant itself, and
    the shapes check that it does. The ontology is mixed in so that targets see subclasses.
    """
    data = union_graph(data_graph) if isinstance(data_graph, Dataset) else data_graph
    ok, _, report = validate(
        data,
        shacl_graph=shapes_graph(),
        ont_graph=ontology_graph(),
        inference="none",
        allow_warnings=False,
    )
    return bool(ok), str(report)
