"""Real servers for tests: an `oxigraph serve` process on a free port."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

STARTUP_SECONDS = 20.0


class ServerStartError(RuntimeError):
    """The server process exited or did not answer in time."""


def free_port() -> int:
    """A port the OS just handed out for 127.0.0.1 (closed again, so a server can bind it)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def start_oxigraph_server(directory: Path) -> Iterator[str]:
    """Run `oxigraph serve` on data in `directory`; yield its base URL, stop it on exit."""
    executable = Path(sys.executable).with_name("oxigraph")
    port = free_port()
    process = subprocess.Popen(
        [str(executable), "serve", "--location", str(directory), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_answering(process, base_url)
        yield base_url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stderr is not None:
            process.stderr.close()


def _wait_until_answering(process: subprocess.Popen[bytes], base_url: str) -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            stderr = process.stderr.read().decode() if process.stderr else ""
            raise ServerStartError(f"oxigraph exited with {process.returncode}: {stderr}")
        try:
            httpx.get(base_url, timeout=0.5)
            return
        except httpx.TransportError:
            time.sleep(0.02)  # a tiny back-off between polls, bounded by the deadline
    raise ServerStartError(f"oxigraph did not answer on {base_url} within {STARTUP_SECONDS} s")
