"""The seeds, end to end on the embedded store: `akg ingest` both, `akg serve` as a real
process, SPARQLWrapper asks. The checks live in `seed_checks`, shared with the remote
stores' end-to-end test; every one goes through the HTTP service a user would query,
against the union default graph and the per-article graphs.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from seed_checks import (
    READ_ONLY_CHECKS,
    SEEDS,
    TOKEN,
    Check,
    check_graphs_conform_to_the_shapes,
    check_reingest_changes_nothing_and_delete_keeps_the_other,
    export_nquads,
    ingest_seeds,
    serving,
)

pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not beside the repo")


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    store = tmp_path_factory.mktemp("e2e-store")
    return {**os.environ, "AKG_STORE": str(store), "AKG_API_TOKEN": TOKEN}


@pytest.fixture(scope="module")
def ids(env: dict[str, str]) -> dict[str, str]:
    return ingest_seeds(env)


@pytest.fixture(scope="module")
def exported(env: dict[str, str], ids: dict[str, str]) -> str:
    """The whole store as N-Quads, taken before the server holds the store."""
    return export_nquads(env)


@pytest.fixture(scope="module")
def service(env: dict[str, str], exported: str) -> Iterator[str]:
    with serving(env) as url:
        yield url


@pytest.mark.parametrize("check", READ_ONLY_CHECKS, ids=lambda check: check.__name__)
def test_seed(service: str, ids: dict[str, str], check: Check) -> None:
    check(service, ids)


def test_ingested_graphs_conform_to_the_shapes(exported: str) -> None:
    check_graphs_conform_to_the_shapes(exported)


def test_reingest_changes_nothing_and_delete_keeps_the_other(
    service: str, ids: dict[str, str]
) -> None:
    check_reingest_changes_nothing_and_delete_keeps_the_other(service, ids)
