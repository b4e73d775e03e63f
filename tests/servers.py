"""Real SPARQL servers for tests, each a process on free ports, stopped on exit.

    with start_oxigraph_server(tmp_path) as base_url: ...      # `oxigraph serve`
    with start_virtuoso_server(tmp_path) as endpoints: ...     # Virtuoso 7 (`virtuoso-t`)
    with start_sparql_server("virtuoso", tmp_path) as endpoints:
        store = endpoints.store()                               # a RemoteStore
        env = endpoints.env()                                   # AKG_SPARQL_* for `akg`

Virtuoso comes from Debian (`scripts/install-servers.sh`); where it is missing, its
tests skip with the reason.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from alliance_kg.store.remote import RemoteStore
from alliance_kg.store.sparql_http import AuthScheme

STARTUP_SECONDS = 30.0
SERVER_KINDS = ("oxigraph", "virtuoso")
VIRTUOSO = shutil.which("virtuoso-t")
VIRTUOSO_USER = VIRTUOSO_PASSWORD = "dba"  # a fresh database's administrator
VIRTUOSO_VAD_DIR = "/usr/share/virtuoso-opensource-7/vad"
VIRTUOSO_ISQL = shutil.which("isql-vt") or shutil.which("isql")
PRIVATE_GRAPHS_SCRIPT = (
    Path(__file__).resolve().parents[1] / "scripts" / "virtuoso-private-graphs.sql"
)


class ServerStartError(RuntimeError):
    """The server process exited or did not answer in time."""


@dataclass(frozen=True)
class Endpoints:
    """Where a running server answers, and the credentials its updates need."""

    query_url: str
    update_url: str
    store_url: str | None = None
    user: str | None = None
    password: str | None = None
    auth: AuthScheme = "basic"

    def store(self) -> RemoteStore:
        """A RemoteStore on these endpoints."""
        return RemoteStore(
            self.query_url,
            update_url=self.update_url,
            store_url=self.store_url,
            user=self.user,
            password=self.password,
            auth=self.auth,
        )

    def env(self) -> dict[str, str]:
        """The AKG_SPARQL_* settings that point `akg` at this server."""
        settings = {
            "AKG_SPARQL_QUERY_URL": self.query_url,
            "AKG_SPARQL_UPDATE_URL": self.update_url,
            "AKG_SPARQL_STORE_URL": self.store_url,
            "AKG_SPARQL_USER": self.user,
            "AKG_SPARQL_PASSWORD": self.password,
            "AKG_SPARQL_AUTH": self.auth,
        }
        return {key: value for key, value in settings.items() if value is not None}


def free_port() -> int:
    """A port the OS just handed out for 127.0.0.1 (closed again, so a server can bind it)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def start_sparql_server(kind: str, directory: Path) -> Iterator[Endpoints]:
    """Start a server of `kind` (one of SERVER_KINDS) on data in `directory`."""
    if kind == "oxigraph":
        with start_oxigraph_server(directory) as url:
            yield Endpoints(f"{url}/query", f"{url}/update", store_url=f"{url}/store")
    elif kind == "virtuoso":
        with start_virtuoso_server(directory) as endpoints:
            yield endpoints
    else:
        raise ValueError(f"unknown server kind {kind!r}; expected one of {SERVER_KINDS}")


@contextmanager
def start_oxigraph_server(directory: Path) -> Iterator[str]:
    """Run `oxigraph serve` on data in `directory`; yield its base URL, stop it on exit."""
    executable = Path(sys.executable).with_name("oxigraph")
    port = free_port()
    command = [str(executable), "serve", "--location", str(directory)]
    with _running([*command, "--bind", f"127.0.0.1:{port}"]) as process:
        base_url = f"http://127.0.0.1:{port}"
        _wait_until_answering(process, base_url)
        yield base_url


@contextmanager
def start_virtuoso_server(directory: Path) -> Iterator[Endpoints]:
    """Run Virtuoso 7 on a fresh database in `directory`; yield its endpoints.

    Queries go to the anonymous `/sparql`, updates and Graph Store writes to the
    digest-authenticated `/sparql-auth` and `/sparql-graph-crud-auth` as `dba`.
    Virtuoso's own graphs are made private, as docs/remote-stores.md says to.
    Skips the calling test when `virtuoso-t` is not installed.
    """
    if VIRTUOSO is None:
        pytest.skip("virtuoso-t is not installed (scripts/install-servers.sh installs it)")
    http_port, sql_port = free_port(), free_port()
    ini = _write_virtuoso_ini(directory, sql_port=sql_port, http_port=http_port)
    command = [VIRTUOSO, "+foreground", "+configfile", str(ini)]
    log = directory / "virtuoso.out"
    with _running(command, cwd=directory, log=log) as process:
        base_url = f"http://127.0.0.1:{http_port}"
        _wait_until_answering(process, f"{base_url}/sparql", log)
        _make_system_graphs_private(sql_port)
        yield Endpoints(
            f"{base_url}/sparql",
            f"{base_url}/sparql-auth",
            store_url=f"{base_url}/sparql-graph-crud-auth",
            user=VIRTUOSO_USER,
            password=VIRTUOSO_PASSWORD,
            auth="digest",
        )


def _make_system_graphs_private(sql_port: int) -> None:
    """Run scripts/virtuoso-private-graphs.sql through isql on the fresh database."""
    if VIRTUOSO_ISQL is None:
        raise ServerStartError("isql-vt (Virtuoso's SQL client) is not installed")
    command = [VIRTUOSO_ISQL, f"127.0.0.1:{sql_port}", VIRTUOSO_USER, VIRTUOSO_PASSWORD]
    run = subprocess.run(
        [*command, str(PRIVATE_GRAPHS_SCRIPT)], capture_output=True, text=True, timeout=60
    )
    if run.returncode != 0 or "*** Error" in run.stdout + run.stderr:
        raise ServerStartError(
            f"isql failed on {PRIVATE_GRAPHS_SCRIPT.name}: {run.stdout}{run.stderr}"
        )


def _write_virtuoso_ini(directory: Path, *, sql_port: int, http_port: int) -> Path:
    """A virtuoso.ini keeping every file in `directory`; returns its path.

    `ResultSetMaxRows` is raised far above the packaged 10,000: Virtuoso cuts longer
    answers silently. `CheckpointInterval = 0` keeps the test database from pausing.
    """
    database = directory / "virtuoso"
    ini = directory / "virtuoso.ini"
    ini.write_text(
        f"""[Database]
DatabaseFile = {database}.db
ErrorLogFile = {database}.log
LockFile = {database}.lck
TransactionFile = {database}.trx
xa_persistent_file = {database}.pxa
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {database}-temp.db
TransactionFile = {database}-temp.trx

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
DisableUnixSocket = 1
DirsAllowed = ., {directory}, {VIRTUOSO_VAD_DIR}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
CheckpointInterval = 0

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {directory}
ServerThreads = 10
MaxClientConnections = 10
Charset = UTF-8

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 60
""",
        encoding="utf-8",
    )
    return ini


@contextmanager
def _running(
    command: list[str], *, cwd: Path | None = None, log: Path | None = None
) -> Iterator[subprocess.Popen[bytes]]:
    """Run `command`, its output to `log` (else stderr to a pipe); terminate it on exit."""
    with (log or Path(os.devnull)).open("wb") as output:
        process = subprocess.Popen(
            command,
            cwd=cwd,
            stdout=output if log else subprocess.DEVNULL,
            stderr=output if log else subprocess.PIPE,
        )
    try:
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stderr is not None:
            process.stderr.close()


def _wait_until_answering(
    process: subprocess.Popen[bytes], url: str, log: Path | None = None
) -> None:
    name = Path(str(process.args[0])).name  # type: ignore[index]
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            output = process.stderr.read() if process.stderr else log.read_bytes() if log else b""
            raise ServerStartError(f"{name} exited with {process.returncode}: {output.decode()}")
        try:
            httpx.get(url, timeout=0.5)
            return
        except httpx.TransportError:
            time.sleep(0.02)  # a tiny back-off between polls, bounded by the deadline
    raise ServerStartError(f"{name} did not answer on {url} within {STARTUP_SECONDS} s")
