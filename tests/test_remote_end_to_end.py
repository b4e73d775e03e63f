"""The seeds, end to end over each remote server: `akg ingest` both into the server (the
AKG_SPARQL_* settings), `akg export` from it, `akg serve` as a process over it, then the
same checks as the embedded store's end-to-end test (`seed_checks`)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from seed_checks import (
    READ_ONLY_CHECKS,
    SEEDS,
    TOKEN,
    Check,
    akg,
    check_graphs_conform_to_the_shapes,
    check_reingest_changes_nothing_and_delete_keeps_the_other,
    export_nquads,
    ingest_seeds,
    serving,
)
from servers import SERVER_KINDS, start_sparql_server

pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not beside the repo")


@pytest.fixture(scope="module", params=SERVER_KINDS)
def env(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, str]]:
    """`akg`'s environment pointing at a fresh server of each kind (never an embedded store)."""
    kind: str = request.param
    with start_sparql_server(kind, tmp_path_factory.mktemp(kind)) as endpoints:
        local = tmp_path_factory.mktemp(f"{kind}-local")  # must stay unused
        yield {
            **os.environ,
            "AKG_STORE": str(local / "store"),
            "AKG_API_TOKEN": TOKEN,
            **endpoints.env(),
        }


@pytest.fixture(scope="module")
def ids(env: dict[str, str]) -> dict[str, str]:
    return ingest_seeds(env)


@pytest.fixture(scope="module")
def exported(env: dict[str, str], ids: dict[str, str]) -> str:
    return export_nquads(env)


@pytest.fixture(scope="module")
def service(env: dict[str, str], ids: dict[str, str]) -> Iterator[str]:
    with serving(env) as url:
        yield url


@pytest.mark.parametrize("check", READ_ONLY_CHECKS, ids=lambda check: check.__name__)
def test_seed(service: str, ids: dict[str, str], check: Check) -> None:
    check(service, ids)


def test_exported_graphs_conform_to_the_shapes(exported: str) -> None:
    assert "openlinksw.com/schemas/virtrdf" not in exported  # Virtuoso's own graphs stay out
    check_graphs_conform_to_the_shapes(exported)


def test_health_names_the_remote_store(service: str, env: dict[str, str]) -> None:
    done = akg(env, "serve", "--get", "/health")
    assert done.returncode == 0, done.stderr
    assert '"store":"remote"' in done.stdout.replace(" ", "")


def test_reingest_changes_nothing_and_delete_keeps_the_other(
    service: str, ids: dict[str, str]
) -> None:
    check_reingest_changes_nothing_and_delete_keeps_the_other(service, ids)
