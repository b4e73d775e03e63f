"""Triples as JSON-LD (compacted with the published `@context`) and as a small HTML page.

The prefixes are those of `ontology/context.jsonld`, so a JSON-LD document that points to
`/context.jsonld` expands to exactly the triples it was made from. HTML escapes every
string it prints; `akr:` IRIs link to their `/resource/` page.
"""

from __future__ import annotations

import json
from collections import defaultdict
from functools import cache
from html import escape
from typing import Any

from pyoxigraph import BlankNode, Literal, NamedNode
from pyoxigraph import Triple as RdfTriple

from alliance_kg import resources, vocab
from alliance_kg.iris import AKR

CONTEXT_FILE = resources.ONTOLOGY_DIR / "context.jsonld"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_SAFE_LOCAL = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./")


@cache
def context_prefixes() -> dict[str, str]:
    """The prefix -> namespace table of the published context."""
    document = json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))
    return dict(document["@context"])


def compact(iri: str) -> str:
    """`prefix:local` where a context prefix covers `iri` with a plain local part, else `iri`."""
    for prefix, namespace in context_prefixes().items():
        local = iri[len(namespace) :]
        if iri.startswith(namespace) and local and set(local) <= _SAFE_LOCAL:
            return f"{prefix}:{local}"
    return iri


def _node_id(term: object) -> str:
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    assert isinstance(term, NamedNode)
    return compact(term.value)


def _value(term: object) -> dict[str, str]:
    if isinstance(term, Literal):
        value: dict[str, str] = {"@value": term.value}
        if term.language:
            value["@language"] = term.language
        elif term.datatype.value != _XSD_STRING:
            value["@type"] = compact(term.datatype.value)
        return value
    return {"@id": _node_id(term)}


def to_json_ld(triples: list[RdfTriple], context_url: str) -> dict[str, Any]:
    """A compacted JSON-LD document of `triples`: one node object per subject."""
    nodes: dict[str, dict[str, Any]] = {}
    for triple in triples:
        subject = _node_id(triple.subject)
        node = nodes.setdefault(subject, {"@id": subject})
        if triple.predicate == vocab.RDF_TYPE and isinstance(triple.object, NamedNode):
            node.setdefault("@type", []).append(compact(triple.object.value))
        else:
            node.setdefault(compact(triple.predicate.value), []).append(_value(triple.object))
    return {"@context": context_url, "@graph": [nodes[key] for key in sorted(nodes)]}


def _link(term: object) -> str:
    if isinstance(term, NamedNode):
        href = "/resource/" + term.value[len(AKR) :] if term.value.startswith(AKR) else term.value
        return f'<a href="{escape(href)}">{escape(compact(term.value))}</a>'
    if isinstance(term, Literal):
        suffix = f"@{term.language}" if term.language else ""
        if not term.language and term.datatype.value != _XSD_STRING:
            suffix = f" ^^{compact(term.datatype.value)}"
        return f"{escape(term.value)}<small>{escape(suffix)}</small>"
    return escape(str(term))


def to_html(iri: str, triples: list[RdfTriple], alternates: dict[str, str]) -> str:
    """A readable page: the resource's properties, and the triples of other subjects after."""
    by_subject: dict[str, list[RdfTriple]] = defaultdict(list)
    for triple in triples:
        by_subject[str(triple.subject)].append(triple)
    labels = [
        t.object.value
        for t in triples
        if t.predicate == vocab.RDFS_LABEL and isinstance(t.object, Literal)
    ]
    title = escape(labels[0] if labels else compact(iri))
    sections = []
    for subject in sorted(by_subject, key=lambda s: (s != f"<{iri}>", s)):
        rows = "\n".join(
            f"<tr><td>{_link(t.predicate)}</td><td>{_link(t.object)}</td></tr>"
            for t in sorted(by_subject[subject], key=lambda t: (str(t.predicate), str(t.object)))
        )
        heading = _link(by_subject[subject][0].subject)
        sections.append(f"<h2>{heading}</h2>\n<table>\n{rows}\n</table>")
    formats = " · ".join(
        f'<a href="{escape(href)}">{escape(name)}</a>' for name, href in alternates.items()
    )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{title} · alliance-kg</title>
<style>body{{font-family:sans-serif;max-width:60em;margin:2em auto}}
td{{vertical-align:top;padding:.2em .8em}}tr:nth-child(odd){{background:#f4f4f4}}</style>
</head><body>
<h1>{title}</h1>
<p><code>{escape(iri)}</code></p>
<p>Also as: {formats}</p>
{chr(10).join(sections)}
</body></html>
"""
