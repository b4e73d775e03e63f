"""`/stats` (counts, as JSON) and `/.well-known/void` (the same counts as a VoID description).

Counts come from the read index, which counts at ingest: nothing here scans the store.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Request, Response
from pydantic import BaseModel, Field
from pyoxigraph import Literal, NamedNode, serialize
from pyoxigraph import Triple as RdfTriple

from alliance_kg import vocab
from alliance_kg.api.negotiation import negotiate
from alliance_kg.api.rdf_views import context_prefixes
from alliance_kg.api.read_models import read_index
from alliance_kg.api.results import GRAPH_FORMATS
from alliance_kg.index import ReadIndex
from alliance_kg.index.records import IndexStats
from alliance_kg.iris import AK, AKR

router = APIRouter(tags=["Service"])

VOID = "http://rdfs.org/ns/void#"
_XSD_INTEGER = NamedNode("http://www.w3.org/2001/XMLSchema#integer")


class Stats(BaseModel):
    store: str = Field(examples=["embedded"])
    articles: int
    events: int
    triples: int = Field(description="Quads in the article and base graphs, as indexed")
    events_by_class: dict[str, int] = Field(examples=[{"ArmsTransfer": 42, "Event": 120}])
    entities_by_type: dict[str, int] = Field(examples=[{"Country": 249, "Person": 96}])


@router.get("/stats", summary="Counts by event class and entity type; articles; triples")
def stats(request: Request, index: Annotated[ReadIndex, Depends(read_index)]) -> Stats:
    counts = index.stats()
    return Stats(
        store=request.app.state.store.name,
        articles=counts.articles,
        events=counts.events,
        triples=counts.quads,
        events_by_class={"Event": counts.events, **counts.events_by_class},
        entities_by_type=counts.entities_by_type,
    )


@router.get(
    "/.well-known/void",
    summary="VoID description of the dataset (Turtle by default)",
    response_class=Response,
    responses={200: {"content": {f.media_type: {} for f in GRAPH_FORMATS}}},
)
def void_description(
    request: Request, index: Annotated[ReadIndex, Depends(read_index)]
) -> Response:
    chosen = negotiate(request.headers.get("accept"), GRAPH_FORMATS)
    base = str(request.base_url).rstrip("/")
    triples = void_triples(index.stats(), base)
    body = serialize(triples, format=chosen, prefixes={**context_prefixes(), "void": VOID})
    return Response(body, media_type=chosen.media_type, headers={"Vary": "Accept"})


def void_triples(counts: IndexStats, base: str) -> list[RdfTriple]:
    """The dataset, its endpoint and size, and one class partition per counted class."""
    dataset = NamedNode(f"{base}/.well-known/void#dataset")

    def void(term: str) -> NamedNode:
        return NamedNode(VOID + term)

    def integer(value: int) -> Literal:
        return Literal(str(value), datatype=_XSD_INTEGER)

    triples = [
        RdfTriple(dataset, vocab.RDF_TYPE, void("Dataset")),
        RdfTriple(dataset, vocab.DCTERMS_TITLE, Literal("alliance-kg", language="en")),
        RdfTriple(dataset, void("sparqlEndpoint"), NamedNode(f"{base}/sparql")),
        RdfTriple(dataset, void("uriSpace"), Literal(AKR)),
        RdfTriple(dataset, void("vocabulary"), NamedNode(AK)),
        RdfTriple(dataset, void("triples"), integer(counts.quads)),
    ]
    partitions = {
        "Article": counts.articles,
        "Event": counts.events,
        **counts.events_by_class,
        **counts.entities_by_type,
    }
    for name, count in sorted(partitions.items()):
        partition = NamedNode(f"{base}/.well-known/void#class-{name}")
        triples += [
            RdfTriple(dataset, void("classPartition"), partition),
            RdfTriple(partition, void("class"), NamedNode(AK + name)),
            RdfTriple(partition, void("entities"), integer(count)),
        ]
    return triples
