"""The triples of a Graph Store request body: one RDF document, or a `multipart/form-data` of them.

A body is read in the format its Content-Type names (Turtle, N-Triples, JSON-LD or
RDF/XML). A multipart body (SPARQL 1.1 Graph Store Protocol §5.5, an HTML form's file
upload) holds several documents, each with its own Content-Type; their triples are merged,
blank nodes kept apart. Multipart is read with the standard library's MIME parser, so no
form-parsing dependency is needed.
"""

from __future__ import annotations

from email.message import EmailMessage
from email.parser import BytesParser
from email.policy import HTTP

from pyoxigraph import RdfFormat, Triple, parse

from alliance_kg.api.errors import ProblemError
from alliance_kg.api.results import GRAPH_FORMATS

MULTIPART = "multipart/form-data"
GRAPH_MEDIA_TYPES = [graph_format.media_type for graph_format in GRAPH_FORMATS]


def body_triples(content_type: str, body: bytes, *, base_iri: str) -> list[Triple]:
    """The triples of `body`, sent with `content_type`; 415 or 400 problems when unreadable."""
    if content_type.split(";")[0].strip().lower() != MULTIPART:
        return _document_triples(content_type, body, base_iri)
    triples: list[Triple] = []
    for part in _parts(content_type, body):
        payload = part.get_payload(decode=True)
        assert isinstance(payload, bytes)  # a leaf part decodes to bytes
        media_type = part.get_content_type() if "content-type" in part else ""
        triples += _document_triples(media_type, payload, base_iri)
    return triples


def _parts(content_type: str, body: bytes) -> list[EmailMessage]:
    header = f"Content-Type: {content_type}\r\n\r\n".encode("latin-1", errors="replace")
    message = BytesParser(policy=HTTP).parsebytes(header + body)
    assert isinstance(message, EmailMessage)  # what the HTTP policy builds
    parts = [part for part in message.iter_parts() if isinstance(part, EmailMessage)]
    if not message.is_multipart() or not parts or message.defects:
        raise ProblemError(400, "The multipart/form-data body has no readable parts.")
    return parts


def _document_triples(content_type: str, body: bytes, base_iri: str) -> list[Triple]:
    graph_format = RdfFormat.from_media_type(content_type) if content_type else None
    if graph_format not in GRAPH_FORMATS:
        raise ProblemError(
            415,
            f"Send the graph as one of {', '.join([*GRAPH_MEDIA_TYPES, MULTIPART])}, "
            f"not {content_type or 'a body without Content-Type'}.",
            accepted=[*GRAPH_MEDIA_TYPES, MULTIPART],
        )
    try:
        quads = parse(
            body,
            graph_format,
            base_iri=base_iri,
            without_named_graphs=True,
            rename_blank_nodes=True,
        )
        return [quad.triple for quad in quads]
    except (SyntaxError, ValueError) as error:
        raise ProblemError(400, f"The {graph_format.name} body does not parse: {error}") from error
