"""The W3C SPARQL 1.1 test suites, run by `../shared/tools/sparql_conformance.py` against the
real service (uvicorn, a bearer token) over a fresh in-memory store, over a real Oxigraph
server and over Virtuoso 7 (its default graph a stand-in named graph, see store/virtuoso.py).

Every Protocol, Graph Store (direct identification included) and Service Description test
passes on all three; LOAD and SERVICE tests are skipped by the runner (the service refuses
both). Over the embedded store and Oxigraph every Update test passes and the query-evaluation
suite may fail only the tests listed below; over Virtuoso, the Update, query and formats
suites fail exactly the tests listed (Virtuoso's own engine), so that a new failure or a newly
passing test is noticed. `bench/conformance.py` runs the same suites against alliance-kg and
a real Oxigraph server side by side.
"""

from __future__ import annotations

import collections
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from alliance_kg.api import create_app
from alliance_kg.settings import Settings
from alliance_kg.store.base import Store
from alliance_kg.store.oxigraph import EmbeddedStore
from api_support import TOKEN
from live_server import live_server
from servers import start_sparql_server

pytestmark = pytest.mark.slow

RUNNER = Path(__file__).resolve().parents[1].parent / "shared" / "tools" / "sparql_conformance.py"
SUITES = ("protocol", "gsp", "query", "formats", "update", "sd")
RUN_SECONDS = 300

# Oxigraph server 0.5.13 (the same engine) fails these query-evaluation tests on this machine
# (bench/conformance.py, 2026-11-22): engine limitations, not the service's.
OXIGRAPH_QUERY_FAILURES = frozenset(
    {
        "aggregates#agg-groupconcat-04",
        "aggregates#agg-groupconcat-06",
        "aggregates#agg-empty-group-count-graph",
        "bindings#graph",
        "functions#bnode01",
        "negation#graph-minus",
        "property-path#zero_or_more_set_start",
        "property-path#zero_or_more_set_end",
        "property-path#zero_or_one_set_start",
        "property-path#zero_or_one_set_end",
    }
)
# Over Oxigraph server the union default graph counts a triple once per graph that holds it
# (oxigraph issue #1919, fixed after 0.5.13); the embedded store rewrites queries to set
# semantics (store/set_semantics.py). This test puts the same triples in the default graph
# and in a named graph.
UNION_DEFAULT_GRAPH_FAILURES = frozenset({"exists#exists-graph-variable"})
OXIGRAPH_QUERY_PASSES = 215  # of 225, measured with Oxigraph server on the same run

# Virtuoso 7.2.5 (Debian's virtuoso-opensource) behind the service, 2026-11-22: the tests it
# fails, grouped by cause as the failure messages show it (its engine, not the service).
VIRTUOSO_REFUSES = frozenset(  # valid queries its SPARQL compiler rejects (HTTP 400)
    {
        "aggregates#agg06",  # HAVING over an aggregate without GROUP BY
        "functions#bnode01",  # BNODE(str)
        "functions#bnode02",  # BNODE()
        "functions#if01",  # IF()
        "functions#iri01",  # IRI()/URI() of a relative IRI
        "functions#iri02",
        "property-path#nps_a_inverse",  # negated property sets with ^
        "property-path#nps_inverse",
    }
)
VIRTUOSO_INTERNAL_ERRORS = frozenset(  # Virtuoso answers HTTP 500 (an SQL error) instead
    {
        "aggregates#agg-err-01",
        "aggregates#agg-groupconcat-01",
        "aggregates#agg-groupconcat-02",
        "aggregates#agg-groupconcat-04",
        "aggregates#agg-groupconcat-05",
        "aggregates#agg-groupconcat-06",
        "aggregates#agg-groupconcat-distinct",
        "functions#coalesce01",
        "functions#ends01",
        "functions#if02",
        "functions#notin02",
        "functions#strafter01a",
        "functions#strbefore01a",
        "functions#timezone",
        "property-path#pp14",
        "property-path#pp16",
        "property-path#pp34",
        "property-path#pp35",
        "property-path#values_and_path",
    }
)
VIRTUOSO_WRONG_ANSWERS = frozenset(
    {
        # numbers: sums and averages of mixed types, casts, whole decimals made integers
        "aggregates#agg-avg-02",
        "aggregates#agg-avg-03",
        "aggregates#agg-avg-distinct",
        "aggregates#agg-err-02",
        "aggregates#agg-sum-02",
        "cast#cast-bool",
        "cast#cast-decimal",
        "cast#cast-int",
        "cast#cast-string",
        "functions#plus-1-corrected",
        "project-expression#projexp01",
        "project-expression#projexp02",
        # strings: language tags dropped or kept wrongly, hashes of non-ASCII text,
        # STRDT/STRLANG accepting what they must refuse, one UUID for every row
        "functions#concat02",
        "functions#md5-02",
        "functions#replace01",
        "functions#seconds",
        "functions#sha1-02",
        "functions#sha256-02",
        "functions#sha384-02",
        "functions#sha512-02",
        "functions#strafter02",
        "functions#strbefore02",
        "functions#strdt01",
        "functions#strdt03-rdf11",
        "functions#strlang01",
        "functions#strlang03-rdf11",
        "functions#uuid02",
        # scoping: BIND and VALUES with OPTIONAL, MINUS
        "bind#bind10",
        "bindings#values7",
        "negation#full-minuend",
        "negation#partial-minuend",
        # arbitrary-length paths: duplicates and extra nodes
        "property-path#pp12",
        "property-path#pp21",
        "property-path#pp23",
        "property-path#pp25",
        "property-path#pp28a",
        "property-path#pp36",
        "property-path#pp37",
        # GRAPH ?g (Oxigraph fails the first three too; not analysed further here)
        "aggregates#agg-empty-group-count-graph",
        "bindings#graph",
        "negation#graph-minus",
        "exists#exists-graph-variable",
        "subquery#subquery03",
    }
)
VIRTUOSO_UPDATE_FAILURES = frozenset(
    {
        # DELETE { GRAPH <g> { ?s ?p ?o } } with a variable predicate deletes nothing
        # ("Delete from <(NULL)>")
        "delete#dawg-delete-02",
        "delete#dawg-delete-06",
        "delete#dawg-delete-with-02",
        "delete#dawg-delete-with-06",
        "delete-where#dawg-delete-where-02",
        "delete-where#dawg-delete-where-06",
        # WITH / USING inserts one triple too many (not analysed further)
        "basic-update#insert-where-03",
        "basic-update#insert-where-04",
        "basic-update#insert-using-01",
        # one blank node label shared by two operations of one request (HTTP 500, or two nodes)
        "basic-update#insert-data-same-bnode",
        "basic-update#insert-where-same-bnode",
        "basic-update#insert-where-same-bnode2",
    }
)
# A whole xsd:decimal ("5.0") comes back as an xsd:integer.
VIRTUOSO_FORMATS_FAILURES = frozenset({"json-res#jsonres01", "json-res#jsonres02"})


Outcomes = dict[str, dict[str, dict[str, str]]]  # suite -> test id -> outcome


@contextmanager
def _store(kind: str, directory: Path) -> Iterator[Store]:
    """The store behind the service: embedded in memory, or a real Oxigraph server."""
    if kind == "embedded":
        yield EmbeddedStore(None)
        return
    with start_sparql_server(kind, directory) as endpoints:
        yield endpoints.store()


@pytest.fixture(scope="module", params=["embedded", "oxigraph", "virtuoso"])
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(scope="module")
def outcomes(backend: str, tmp_path_factory: pytest.TempPathFactory) -> Outcomes:
    if not RUNNER.is_file():
        pytest.skip(f"the W3C conformance runner is not beside the repository: {RUNNER}")
    work = tmp_path_factory.mktemp("conformance")
    report = work / "report.json"
    with (
        _store(backend, work) as store,
        live_server(create_app(Settings(api_token=TOKEN), store)) as base_url,
    ):
        command = [
            sys.executable,
            str(RUNNER),
            *("--query-url", f"{base_url}/sparql", "--update-url", f"{base_url}/update"),
            *("--store-url", f"{base_url}/store", "--gsp-direct"),
            *("--token-env", "AKG_API_TOKEN", "--allow-wipe", "--exit-zero"),
            *("--suites", ",".join(SUITES), "--json-report", str(report)),
        ]
        environment = {**os.environ, "AKG_API_TOKEN": TOKEN}
        run = subprocess.run(
            command, env=environment, capture_output=True, text=True, timeout=RUN_SECONDS
        )
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    grouped: Outcomes = collections.defaultdict(dict)
    for outcome in json.loads(report.read_text()):
        grouped[outcome["suite"]][outcome["tid"]] = outcome
    return grouped


def _failures(results: dict[str, dict[str, str]]) -> dict[str, str]:
    return {test: r["reason"] for test, r in results.items() if r["status"] == "fail"}


def _skip_reasons(results: dict[str, dict[str, str]]) -> set[str]:
    return {r["reason"].split(" (")[0] for r in results.values() if r["status"] == "skip"}


def test_every_protocol_test_passes(outcomes: Outcomes) -> None:
    assert len(outcomes["protocol"]) == 34
    assert {r["status"] for r in outcomes["protocol"].values()} == {"pass"}


def test_every_graph_store_test_passes_with_direct_identification(outcomes: Outcomes) -> None:
    assert len(outcomes["gsp"]) == 13
    assert {r["status"] for r in outcomes["gsp"].values()} == {"pass"}


def test_the_service_description_conforms(outcomes: Outcomes) -> None:
    assert len(outcomes["sd"]) == 3
    assert {r["status"] for r in outcomes["sd"].values()} == {"pass"}


def test_every_update_passes_except_load(outcomes: Outcomes, backend: str) -> None:
    expected = VIRTUOSO_UPDATE_FAILURES if backend == "virtuoso" else frozenset()
    assert set(_failures(outcomes["update"])) == expected
    assert _skip_reasons(outcomes["update"]) == {"update uses LOAD"}


def test_query_evaluation_fails_only_known_engine_limitations(
    outcomes: Outcomes, backend: str
) -> None:
    failures = _failures(outcomes["query"])
    if backend == "virtuoso":
        expected = VIRTUOSO_REFUSES | VIRTUOSO_INTERNAL_ERRORS | VIRTUOSO_WRONG_ANSWERS
        assert set(failures) == expected, failures
        return
    union_failures = UNION_DEFAULT_GRAPH_FAILURES if backend == "oxigraph" else frozenset()
    assert set(failures) <= OXIGRAPH_QUERY_FAILURES | union_failures, failures
    passes = sum(r["status"] == "pass" for r in outcomes["query"].values())
    assert passes >= OXIGRAPH_QUERY_PASSES - len(union_failures)


def test_results_formats_fail_only_where_the_engine_does(outcomes: Outcomes, backend: str) -> None:
    if backend == "virtuoso":
        assert set(_failures(outcomes["formats"])) == VIRTUOSO_FORMATS_FAILURES
        return
    # pyoxigraph stores "-3"^^xsd:negativeInteger as an xsd:integer (its engine, not TSV).
    assert set(_failures(outcomes["formats"])) <= {"csv-tsv-res#tsv03"}
