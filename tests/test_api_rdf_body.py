"""Graph Store bodies: one RDF document, or several in multipart/form-data."""

from __future__ import annotations

import pytest
from pyoxigraph import NamedNode

from alliance_kg.api.errors import ProblemError
from alliance_kg.api.rdf_body import body_triples
from api_support import AUTH, api_client, make_store

BOUNDARY = "b0undary"
MULTIPART = f"multipart/form-data; boundary={BOUNDARY}"


def multipart(*documents: tuple[str, str]) -> bytes:
    parts = [
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="f{index}"; filename="f{index}"\r\n'
        f"Content-Type: {media_type}\r\n\r\n{text}\r\n"
        for index, (media_type, text) in enumerate(documents)
    ]
    return ("".join(parts) + f"--{BOUNDARY}--\r\n").encode()


def test_multipart_documents_are_merged_with_their_own_formats() -> None:
    body = multipart(
        ("text/turtle; charset=utf-8", "<s> <http://x/p> [ <http://x/q> 1 ] ."),
        ("application/n-triples", "<http://x/s> <http://x/p> _:b .\n"),
    )
    triples = body_triples(MULTIPART, body, base_iri="http://x/")
    assert len(triples) == 3
    assert NamedNode("http://x/s") in {triple.subject for triple in triples}
    assert len({triple.object for triple in triples if triple.predicate.value == "http://x/p"}) == 2


@pytest.mark.parametrize(
    ("content_type", "body", "status"),
    [
        (MULTIPART, multipart(("application/pdf", "%PDF")), 415),
        (MULTIPART, b"no parts at all", 400),
        ("text/turtle", b"<s> <p>", 400),
        ("", b"<http://x/s> <http://x/p> 1 .", 415),
    ],
)
def test_unreadable_bodies_are_problems(content_type: str, body: bytes, status: int) -> None:
    with pytest.raises(ProblemError) as raised:
        body_triples(content_type, body, base_iri="http://x/")
    assert raised.value.status_code == status


def test_post_multipart_to_the_store_and_direct_identification() -> None:
    store = make_store(with_data=False)
    body = multipart(("text/turtle", "<http://x/s> <http://x/p> 1 ."))
    with api_client(store) as client:
        posted = client.post(
            "/store/people/1", content=body, headers={**AUTH, "Content-Type": MULTIPART}
        )
        read = client.get("/store/people/1", headers={"Accept": "application/n-triples"})
        indirect = client.get(
            "/store",
            params={"graph": "http://testserver/store/people/1"},
            headers={"Accept": "application/n-triples"},
        )
    assert posted.status_code == 201, posted.text
    assert (
        read.text
        == indirect.text
        == '<http://x/s> <http://x/p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .\n'
    )
