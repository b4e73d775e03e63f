"""Every error is a problem document; /health and /openapi.json describe the service."""

from __future__ import annotations

from alliance_kg import __version__
from alliance_kg.store.base import QueryTimeoutError
from api_support import api_client, assert_problem


class TimingOutStore:
    """A store whose every query runs past its deadline."""

    name = "slow"

    def query(self, sparql: str, **kwargs: object) -> None:
        raise QueryTimeoutError(f"the query ran past its time limit of {kwargs['timeout']} s")


def test_unknown_paths_and_methods_are_problems() -> None:
    with api_client() as client:
        missing = client.get("/nowhere")
        wrong_method = client.patch("/articles")
    assert_problem(missing, 404)
    assert_problem(wrong_method, 405)


def test_validation_errors_are_problems_listing_the_errors() -> None:
    with api_client() as client:
        response = client.get("/articles", params={"offset": -1})
    errors = assert_problem(response, 422)["errors"]
    assert errors[0]["loc"] == ["query", "offset"]


def test_a_store_timeout_is_503() -> None:
    with api_client(store=TimingOutStore(), query_timeout=0.5) as client:
        response = client.get("/sparql", params={"query": "SELECT * { ?s ?p ?o }"})
    assert "0.5" in assert_problem(response, 503)["detail"]


def test_an_unexpected_error_is_500_without_a_stack_trace() -> None:
    with api_client(store=object()) as client:
        response = client.get("/sparql", params={"query": "SELECT * { ?s ?p ?o }"})
    assert "logged" in assert_problem(response, 500)["detail"]


def test_health_names_the_store() -> None:
    with api_client() as client:
        response = client.get("/health")
    assert response.json() == {"status": "ok", "store": "embedded", "version": __version__}


def test_openapi_documents_the_json_answers_and_sparql_media_types() -> None:
    with api_client() as client:
        schema = client.get("/openapi.json").json()
    paths = schema["paths"]
    assert {
        "/sparql",
        "/update",
        "/store",
        "/articles",
        "/articles/{article_id}",
        "/health",
    } <= set(paths)
    post_sparql = paths["/sparql"]["post"]
    assert set(post_sparql["requestBody"]["content"]) == {
        "application/x-www-form-urlencoded",
        "application/sparql-query",
    }
    assert "text/turtle" in paths["/sparql"]["get"]["responses"]["200"]["content"]
    assert "IngestResult" in schema["components"]["schemas"]
    ingest = paths["/articles"]["post"]
    assert "text" in ingest["requestBody"]["content"]["application/json"]["schema"]["properties"]
