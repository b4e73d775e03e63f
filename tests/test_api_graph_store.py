"""/store: the Graph Store HTTP Protocol with ?graph=IRI and ?default."""

from __future__ import annotations

from pyoxigraph import RdfFormat, parse

from api_support import AUTH, GRAPH, api_client, assert_problem, make_store

NEW_GRAPH = "http://example.org/graphs/new"
TURTLE = {**AUTH, "Content-Type": "text/turtle"}
DATA = "<http://e/a> <http://e/b> <http://e/c> , <http://e/d> ."


def count(content: bytes, rdf_format: RdfFormat = RdfFormat.TURTLE) -> int:
    return len(list(parse(content, rdf_format)))


def test_get_a_named_graph_in_each_format() -> None:
    with api_client() as client:
        for rdf_format in (RdfFormat.TURTLE, RdfFormat.N_TRIPLES, RdfFormat.RDF_XML):
            response = client.get(
                "/store", params={"graph": GRAPH}, headers={"Accept": rdf_format.media_type}
            )
            assert response.status_code == 200
            assert response.headers["content-type"].startswith(rdf_format.media_type)
            assert count(response.content, rdf_format) == 22


def test_head_has_the_headers_of_get_and_no_body() -> None:
    with api_client() as client:
        head = client.head("/store", params={"graph": GRAPH})
        get = client.get("/store", params={"graph": GRAPH})
        missing = client.head("/store", params={"graph": NEW_GRAPH})
    assert head.status_code == 200
    assert head.content == b""
    assert head.headers["content-type"] == get.headers["content-type"]
    assert head.headers["content-length"] == str(len(get.content))
    assert missing.status_code == 404


def test_put_creates_then_replaces() -> None:
    with api_client() as client:
        created = client.put("/store", params={"graph": NEW_GRAPH}, content=DATA, headers=TURTLE)
        replaced = client.put(
            "/store",
            params={"graph": NEW_GRAPH},
            content="<http://e/x> <http://e/y> <http://e/z> .",
            headers={**AUTH, "Content-Type": "application/n-triples"},
        )
        after = client.get("/store", params={"graph": NEW_GRAPH})
    assert created.status_code == 201
    assert replaced.status_code == 204
    assert count(after.content) == 1


def test_post_merges_and_post_without_graph_creates_one() -> None:
    with api_client() as client:
        first = client.post("/store", params={"graph": NEW_GRAPH}, content=DATA, headers=TURTLE)
        merged = client.post(
            "/store",
            params={"graph": NEW_GRAPH},
            content="<http://e/x> <http://e/y> <http://e/z> .",
            headers=TURTLE,
        )
        after = client.get("/store", params={"graph": NEW_GRAPH})
        fresh = client.post("/store", content=DATA, headers=TURTLE)
        fetched = client.get("/store", params={"graph": fresh.headers["location"]})
    assert first.status_code == 201
    assert merged.status_code == 204
    assert count(after.content) == 3
    assert fresh.status_code == 201
    assert fresh.headers["location"].startswith("https://w3id.org/alliance-kg/resource/graph/")
    assert count(fetched.content) == 2


def test_delete_drops_a_graph_and_then_404s() -> None:
    with api_client() as client:
        deleted = client.delete("/store", params={"graph": GRAPH}, headers=AUTH)
        again = client.delete("/store", params={"graph": GRAPH}, headers=AUTH)
        gone = client.get("/store", params={"graph": GRAPH})
    assert deleted.status_code == 204
    assert_problem(again, 404)
    assert_problem(gone, 404)


def test_default_is_the_stores_own_default_graph_not_the_union() -> None:
    store = make_store()
    with api_client(store=store) as client:
        empty = client.get("/store?default", headers={"Accept": "application/n-triples"})
        put = client.put("/store?default", content=DATA, headers=TURTLE)
        filled = client.get("/store?default", headers={"Accept": "application/n-triples"})
        cleared = client.delete("/store?default", headers=AUTH)
        after = client.get("/store?default", headers={"Accept": "application/n-triples"})
        named = client.get("/store", params={"graph": GRAPH})
    assert empty.status_code == 200 and empty.content.strip() == b""
    assert put.status_code == 204
    assert count(filled.content, RdfFormat.N_TRIPLES) == 2
    assert cleared.status_code == 204
    assert after.content.strip() == b""
    assert named.status_code == 200


def test_writes_need_the_token() -> None:
    with api_client() as client:
        put = client.put(
            "/store",
            params={"graph": NEW_GRAPH},
            content=DATA,
            headers={"Content-Type": "text/turtle"},
        )
        delete = client.delete("/store", params={"graph": GRAPH})
    assert_problem(put, 401)
    assert_problem(delete, 401)


def test_bad_requests_are_problems() -> None:
    with api_client() as client:
        neither = client.get("/store")
        both = client.get("/store", params={"graph": GRAPH, "default": ""})
        relative = client.get("/store", params={"graph": "not an iri"})
        bad_turtle = client.put(
            "/store", params={"graph": NEW_GRAPH}, content="<a> <b>", headers=TURTLE
        )
        quads = client.put(
            "/store",
            params={"graph": NEW_GRAPH},
            content=DATA,
            headers={**AUTH, "Content-Type": "application/n-quads"},
        )
        unacceptable = client.get("/store", params={"graph": GRAPH}, headers={"Accept": "text/csv"})
    for response in (neither, both, relative, bad_turtle):
        assert_problem(response, 400)
    assert "text/turtle" in assert_problem(quads, 415)["detail"]
    assert_problem(unacceptable, 406)
