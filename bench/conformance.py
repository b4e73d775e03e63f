"""The W3C SPARQL 1.1 test suites against alliance-kg and a real Oxigraph server, side by side.

    .venv/bin/python bench/conformance.py [--suites protocol,gsp,query] [--isolate] [--keep DIR]

Starts `akg serve` over a fresh store and `oxigraph serve` over another, each in a temporary
folder on a free port, runs `../shared/tools/sparql_conformance.py` against both, then prints
one table (pass / fail / skip per suite) and every test whose outcome differs. `--isolate`
runs everything in a loopback-only network namespace (`unshare -rn`), so no server can reach
the outside. Extra runner options go after `--`, e.g. `-- --gsp-direct`.
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import secrets
import shlex
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUNNER = ROOT.parent / "shared" / "tools" / "sparql_conformance.py"
BIN = Path(sys.executable).parent
TOKEN_VARIABLE = "AKG_API_TOKEN"
STARTUP_SECONDS = 60.0
ALL_SUITES = "protocol,gsp,query,formats,update,syntax,sd"

Outcomes = dict[str, dict[str, str]]  # suite -> test id -> pass | fail | skip


class ServerStartError(RuntimeError):
    """A server process exited or did not open its port in time."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def wait_for_port(process: subprocess.Popen[bytes], port: int, name: str) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ServerStartError(f"{name} exited with status {process.returncode}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
            return
        except OSError:
            time.sleep(0.1)  # polling a port that is not open yet; bounded by the deadline
    raise ServerStartError(f"{name} did not open port {port} within {STARTUP_SECONDS:g} s")


@contextmanager
def running(command: Sequence[str], port: int, name: str, env: dict[str, str]) -> Iterator[None]:
    with tempfile.TemporaryFile() as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=env)
        try:
            wait_for_port(process, port, name)
            yield
        except ServerStartError:
            log.seek(0)
            sys.stderr.write(log.read().decode(errors="replace"))
            raise
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def run_suites(
    base: str, routes: tuple[str, str, str], report: Path, extra: Sequence[str], token: str
) -> None:
    query, update, store = (base + route for route in routes)
    command = [
        sys.executable,
        str(RUNNER),
        *("--query-url", query, "--update-url", update, "--store-url", store),
        *("--token-env", TOKEN_VARIABLE, "--allow-wipe", "--json-report", str(report)),
        *extra,
    ]
    print(f"$ {shlex.join(command)}", flush=True)
    subprocess.run(command, check=False, env={**os.environ, TOKEN_VARIABLE: token})


def measure_alliance_kg(folder: Path, token: str, extra: Sequence[str]) -> Outcomes:
    port = free_port()
    env = {**os.environ, TOKEN_VARIABLE: token, "AKG_STORE": str(folder / "akg-store")}
    command = [str(BIN / "akg"), "serve", "--host", "127.0.0.1", "--port", str(port)]
    with running(command, port, "akg serve", env):
        report = folder / "alliance-kg.json"
        routes = ("/sparql", "/update", "/store")
        run_suites(f"http://127.0.0.1:{port}", routes, report, extra, token)
    return read_report(report)


def measure_oxigraph(folder: Path, token: str, extra: Sequence[str]) -> Outcomes:
    port = free_port()
    command = [
        str(BIN / "oxigraph"),
        "serve",
        *("--location", str(folder / "oxigraph-store"), "--bind", f"127.0.0.1:{port}"),
        *("--timeout-s", "20"),
    ]
    with running(command, port, "oxigraph serve", dict(os.environ)):
        report = folder / "oxigraph.json"
        routes = ("/query", "/update", "/store")
        run_suites(f"http://127.0.0.1:{port}", routes, report, extra, token)
    return read_report(report)


def read_report(path: Path) -> Outcomes:
    outcomes: Outcomes = collections.defaultdict(dict)
    for outcome in json.loads(path.read_text()):
        outcomes[outcome["suite"]][outcome["tid"]] = outcome["status"]
    return outcomes


def tally(results: dict[str, str]) -> str:
    counts = collections.Counter(results.values())
    return f"{counts['pass']} / {counts['fail']} / {counts['skip']}"


def print_comparison(ours: Outcomes, theirs: Outcomes, suites: Sequence[str]) -> None:
    print("\n| suite | alliance-kg | Oxigraph server |\n| --- | --- | --- |")
    for suite in suites:
        print(f"| {suite} | {tally(ours.get(suite, {}))} | {tally(theirs.get(suite, {}))} |")
    print("\n(pass / fail / skip)\n\nDifferences (alliance-kg vs Oxigraph server):")
    differences = 0
    for suite in suites:
        mine, reference = ours.get(suite, {}), theirs.get(suite, {})
        for test in sorted(set(mine) | set(reference)):
            if mine.get(test) != reference.get(test):
                differences += 1
                print(f"  {suite} {test}: {mine.get(test, '-')} vs {reference.get(test, '-')}")
    if not differences:
        print("  none")


def isolated(argv: Sequence[str]) -> int:
    """Re-run this script without --isolate inside a loopback-only network namespace."""
    inner = shlex.join([sys.executable, __file__, *argv])
    command = ["unshare", "-rn", "sh", "-c", f"ip link set lo up && {inner}"]
    return subprocess.run(command, check=False).returncode


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--suites", default=ALL_SUITES, help=f"default: {ALL_SUITES}")
    parser.add_argument("--isolate", action="store_true", help="run in `unshare -rn`")
    parser.add_argument("--keep", type=Path, help="write the stores and JSON reports here")
    parser.add_argument("extra", nargs="*", help="runner options, after `--`")
    args = parser.parse_args(argv)
    if args.isolate:
        rest = [a for a in (argv if argv is not None else sys.argv[1:]) if a != "--isolate"]
        return isolated(rest)
    if not RUNNER.is_file():
        parser.error(f"the conformance runner is missing: {RUNNER}")
    suites = [suite.strip() for suite in args.suites.split(",") if suite.strip()]
    extra = ["--suites", ",".join(suites), *args.extra]
    token = secrets.token_urlsafe(16)
    with tempfile.TemporaryDirectory(prefix="akg-conformance-") as scratch:
        folder = args.keep or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        ours = measure_alliance_kg(folder, token, extra)
        theirs = measure_oxigraph(folder, token, extra)
    print_comparison(ours, theirs, suites)
    return 0


if __name__ == "__main__":
    sys.exit(main())
