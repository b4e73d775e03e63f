"""Accept parsing with q-values and wildcards, resolved through pyoxigraph's media types."""

from __future__ import annotations

import pytest
from pyoxigraph import QueryResultsFormat, RdfFormat

from alliance_kg.api.errors import ProblemError
from alliance_kg.api.negotiation import choose, negotiate, parse_accept
from alliance_kg.api.results import GRAPH_FORMATS, RESULTS_FORMATS


def test_parse_accept_reads_q_and_ignores_junk() -> None:
    ranges = parse_accept("text/turtle;q=0.5, bogus, */*;q=0.1, application/json;q=x")
    assert [(r.media_type, r.quality) for r in ranges] == [("text/turtle", 0.5), ("*/*", 0.1)]
    assert [r.media_type for r in parse_accept(None)] == ["*/*"]


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, QueryResultsFormat.JSON),
        ("", QueryResultsFormat.JSON),
        ("*/*", QueryResultsFormat.JSON),
        ("text/*", QueryResultsFormat.CSV),
        ("application/xml", QueryResultsFormat.XML),
        ("text/csv;q=0.2, text/tab-separated-values;q=0.3", QueryResultsFormat.TSV),
        ("*/*;q=0.1, application/sparql-results+json;q=0", QueryResultsFormat.XML),
        ("text/*;q=0, text/csv", QueryResultsFormat.CSV),
        (
            "application/sparql-results+json, application/json, text/javascript",
            QueryResultsFormat.JSON,
        ),
        ("image/png", None),
    ],
)
def test_choose_a_results_format(accept: str | None, expected: QueryResultsFormat | None) -> None:
    assert choose(accept, RESULTS_FORMATS) == expected


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, RdfFormat.TURTLE),
        ("application/turtle,text/turtle", RdfFormat.TURTLE),
        ("text/turtle;q=1.0", RdfFormat.TURTLE),
        ("application/n-triples;q=0.9, application/ld+json", RdfFormat.JSON_LD),
        ("application/json", RdfFormat.JSON_LD),
        ("application/rdf+xml", RdfFormat.RDF_XML),
        ("text/html", None),
    ],
)
def test_choose_a_graph_format(accept: str | None, expected: RdfFormat | None) -> None:
    assert choose(accept, GRAPH_FORMATS) == expected


def test_negotiate_refuses_with_406_listing_the_offer() -> None:
    with pytest.raises(ProblemError) as refused:
        negotiate("text/html", GRAPH_FORMATS)
    assert refused.value.status_code == 406
    assert refused.value.extra["offered"] == [f.media_type for f in GRAPH_FORMATS]
