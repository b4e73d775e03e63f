"""The W3C SPARQL 1.1 test suites, run by `../shared/tools/sparql_conformance.py` against the
real service (uvicorn, a bearer token) over a fresh in-memory store and over a real Oxigraph
server: the results are the same.

Every Protocol, Graph Store (direct identification included), Service Description and Update
test passes; LOAD and SERVICE tests are skipped by the runner (the service refuses both).
The query-evaluation suite may fail only the tests listed below. `bench/conformance.py`
runs the same suites against alliance-kg and a real Oxigraph server side by side.
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
# The union default graph counts a triple once per graph that holds it: pyoxigraph 0.5.13
# does not deduplicate merged default graphs (oxigraph issue #1919, fixed after 0.5.13).
# This test puts the same triples in the default graph and in a named graph.
UNION_DEFAULT_GRAPH_FAILURES = frozenset({"exists#exists-graph-variable"})
OXIGRAPH_QUERY_PASSES = 215  # of 225, measured with Oxigraph server on the same run


Outcomes = dict[str, dict[str, dict[str, str]]]  # suite -> test id -> outcome


@contextmanager
def _store(kind: str, directory: Path) -> Iterator[Store]:
    """The store behind the service: embedded in memory, or a real Oxigraph server."""
    if kind == "embedded":
        yield EmbeddedStore(None)
        return
    with start_sparql_server(kind, directory) as endpoints:
        yield endpoints.store()


@pytest.fixture(scope="module", params=["embedded", "oxigraph"])
def outcomes(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Outcomes:
    if not RUNNER.is_file():
        pytest.skip(f"the W3C conformance runner is not beside the repository: {RUNNER}")
    work = tmp_path_factory.mktemp("conformance")
    report = work / "report.json"
    with (
        _store(request.param, work) as store,
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


def test_every_update_passes_except_load(outcomes: Outcomes) -> None:
    assert _failures(outcomes["update"]) == {}
    assert _skip_reasons(outcomes["update"]) == {"update uses LOAD"}


def test_query_evaluation_fails_only_known_engine_limitations(outcomes: Outcomes) -> None:
    failures = _failures(outcomes["query"])
    assert set(failures) <= OXIGRAPH_QUERY_FAILURES | UNION_DEFAULT_GRAPH_FAILURES, failures
    passes = sum(r["status"] == "pass" for r in outcomes["query"].values())
    assert passes >= OXIGRAPH_QUERY_PASSES - len(UNION_DEFAULT_GRAPH_FAILURES)


def test_results_formats_fail_only_where_oxigraph_does(outcomes: Outcomes) -> None:
    # pyoxigraph writes an xsd:negativeInteger as a bare integer in TSV.
    assert set(_failures(outcomes["formats"])) <= {"csv-tsv-res#tsv03"}
