"""Run an ASGI app under a real uvicorn server in a background thread, on a free port.

    with live_server(app) as base_url:
        httpx.get(base_url + "/health")

The server binds port 0 (the OS picks a free one); startup is awaited on an event set
once uvicorn has started, never by sleeping.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import uvicorn
from starlette.types import ASGIApp

STARTUP_TIMEOUT_SECONDS = 30


class LiveServerError(RuntimeError):
    """The server did not start."""


class _ThreadedServer(uvicorn.Server):
    def __init__(self, config: uvicorn.Config) -> None:
        super().__init__(config)
        self.startup_done = threading.Event()

    async def startup(self, sockets: Any = None) -> None:
        try:
            await super().startup(sockets=sockets)
        finally:
            self.startup_done.set()


@contextmanager
def live_server(app: ASGIApp) -> Iterator[str]:
    """Serve `app` on 127.0.0.1 and yield its base URL (no trailing slash)."""
    config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="on")
    server = _ThreadedServer(config)
    thread = threading.Thread(target=server.run, name="live-server", daemon=True)
    thread.start()
    try:
        if not server.startup_done.wait(STARTUP_TIMEOUT_SECONDS) or not server.started:
            raise LiveServerError("uvicorn did not start")
        port = server.servers[0].sockets[0].getsockname()[1]
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join()
