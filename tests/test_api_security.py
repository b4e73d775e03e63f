"""Writes need the token; SERVICE and LOAD never leave the host unless allow-listed; bodies
are capped; CORS only when configured."""

from __future__ import annotations

import hmac
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

import alliance_kg.api.security as security
from api_support import AUTH, TOKEN, api_client, assert_problem

INSERT = "INSERT DATA { GRAPH <http://example.org/g> { <http://e/a> <http://e/b> <http://e/c> } }"
EMPTY_RESULTS = b'{"head":{"vars":["s"]},"results":{"bindings":[]}}'


class Trap:
    """A loopback HTTP server that records every request it receives."""

    def __init__(self) -> None:
        self.paths: list[str] = []
        trap = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                trap.paths.append(self.path)
                length = int(self.headers.get("content-length") or 0)
                self.rfile.read(length)
                self.send_response(200)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.send_header("Content-Length", str(len(EMPTY_RESULTS)))
                self.end_headers()
                self.wfile.write(EMPTY_RESULTS)

            do_GET = do_POST = _answer

            def log_message(self, *args: object) -> None:
                """Silent."""

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"


@pytest.fixture
def trap() -> Iterator[Trap]:
    trap = Trap()
    thread = threading.Thread(target=trap.server.serve_forever, daemon=True)
    thread.start()
    yield trap
    trap.server.shutdown()
    trap.server.server_close()
    thread.join()


@pytest.mark.parametrize(
    ("headers", "status"),
    [({}, 401), ({"Authorization": "Bearer wrong"}, 401), ({"Authorization": TOKEN}, 401)],
)
def test_update_without_the_right_token_is_401(headers: dict[str, str], status: int) -> None:
    with api_client() as client:
        response = client.post("/update", data={"update": INSERT}, headers=headers)
        unchanged = client.get("/sparql", params={"query": "ASK { <http://e/a> ?p ?o }"})
    assert_problem(response, status)
    assert response.headers["www-authenticate"].startswith("Bearer")
    assert unchanged.json()["boolean"] is False


def test_update_with_the_token_applies() -> None:
    with api_client() as client:
        response = client.post("/update", data={"update": INSERT}, headers=AUTH)
        direct = client.post(
            "/update",
            content=INSERT.replace("INSERT", "DELETE"),
            headers={**AUTH, "Content-Type": "application/sparql-update"},
        )
        changed = client.get("/sparql", params={"query": "ASK { <http://e/a> ?p ?o }"})
    assert response.status_code == direct.status_code == 204
    assert changed.json()["boolean"] is False


def test_every_write_is_403_when_no_token_is_configured() -> None:
    with api_client(api_token=None) as client:
        responses = [
            client.post("/update", data={"update": INSERT}, headers=AUTH),
            client.put("/store?graph=http://e/g", content="<a:b> <a:c> <a:d> .", headers=AUTH),
            client.delete("/store?graph=http://e/g", headers=AUTH),
            client.post("/articles", json={"text": "x"}, headers=AUTH),
            client.delete("/articles/0123456789abcdef", headers=AUTH),
        ]
    for response in responses:
        assert "AKG_API_TOKEN" in assert_problem(response, 403)["detail"]


def test_the_token_is_compared_in_constant_time(monkeypatch: pytest.MonkeyPatch) -> None:
    compared: list[tuple[bytes, bytes]] = []
    compare_digest = hmac.compare_digest

    def recording_compare(given: bytes, expected: bytes) -> bool:
        compared.append((given, expected))
        return compare_digest(given, expected)

    monkeypatch.setattr(security.hmac, "compare_digest", recording_compare)
    with api_client() as client:
        client.post("/update", data={"update": INSERT}, headers=AUTH)
    assert compared == [(TOKEN.encode(), TOKEN.encode())]


def test_get_on_update_is_405() -> None:
    with api_client() as client:
        response = client.get("/update", params={"update": INSERT})
    assert_problem(response, 405)


def test_service_and_load_are_refused_before_anything_is_contacted(trap: Trap) -> None:
    service = f"SELECT * WHERE {{ SERVICE <{trap.url}/sparql> {{ ?s ?p ?o }} }}"
    hidden = (
        f"PREFIX t: <{trap.url}/> SELECT * WHERE {{ ?a ?b ?c OPTIONAL {{ SERVICE t:x {{}} }} }}"
    )
    variable = "SELECT * WHERE { VALUES ?e { <x:y> } SERVICE ?e { ?s ?p ?o } }"
    with api_client() as client:
        queries = [client.get("/sparql", params={"query": q}) for q in (service, hidden, variable)]
        load = client.post("/update", data={"update": f"LOAD <{trap.url}/x>"}, headers=AUTH)
        nested = client.post(
            "/update",
            data={
                "update": f"INSERT {{ ?s ?p ?o }} WHERE {{ SERVICE <{trap.url}/> {{ ?s ?p ?o }} }}"
            },
            headers=AUTH,
        )
    for response in (*queries, load, nested):
        assert "AKG_SERVICE_ALLOWLIST" in assert_problem(response, 403)["detail"]
    assert trap.paths == []


def test_keywords_inside_strings_iris_and_comments_are_not_refused() -> None:
    query = """SELECT ?s WHERE { # SERVICE <http://x/>
      ?s ?p "SERVICE <http://x/> LOAD" . FILTER(?s != <http://e/SERVICE>) }"""
    with api_client() as client:
        response = client.get("/sparql", params={"query": query})
    assert response.status_code == 200


def test_an_allow_listed_service_passes_the_guard(trap: Trap) -> None:
    query = f"SELECT * WHERE {{ SERVICE <{trap.url}/sparql> {{ ?s ?p ?o }} }}"
    with api_client(service_allowlist=(trap.url + "/",)) as client:
        response = client.get("/sparql", params={"query": query})
    assert response.status_code == 200
    assert trap.paths and trap.paths[0].startswith("/sparql")


def test_a_declared_body_over_the_limit_is_413() -> None:
    with api_client(max_body_bytes=100) as client:
        response = client.post("/sparql", data={"query": "ASK {}" + " " * 200})
    assert "100" in assert_problem(response, 413)["detail"]


def test_a_streamed_body_over_the_limit_is_413() -> None:
    def chunks() -> Iterator[bytes]:
        yield b"query=ASK+%7B%7D"
        yield b"+" * 200

    with api_client(max_body_bytes=100) as client:
        response = client.post(
            "/sparql",
            content=chunks(),
            headers={"Content-Type": "application/x-www-form-urlencoded"},
        )
    assert "chunked" in response.request.headers.get("transfer-encoding", "")
    assert_problem(response, 413)


def test_cors_is_off_by_default_and_plain_when_configured() -> None:
    origin = {"Origin": "https://ui.example"}
    with api_client() as client:
        closed = client.get("/health", headers=origin)
    with api_client(cors_origins=("https://ui.example",)) as client:
        opened = client.get("/health", headers=origin)
        preflight = client.options(
            "/sparql",
            headers={**origin, "Access-Control-Request-Method": "POST"},
        )
    assert "access-control-allow-origin" not in closed.headers
    assert opened.headers["access-control-allow-origin"] == "https://ui.example"
    assert "access-control-allow-credentials" not in opened.headers
    assert preflight.status_code == 200
