"""The named graphs a SPARQL Update can change, read from its text, for the read index.

`written_graphs(update, base_iri)` gives the IRIs named where an update writes: `GRAPH` in
INSERT DATA, DELETE DATA, DELETE WHERE and the DELETE/INSERT templates, `WITH`, the graphs of
DROP, CLEAR, CREATE and LOAD ... INTO, both operands of ADD, MOVE and COPY; relative IRIs
resolve against BASE or the endpoint's URL. `GRAPH` inside a WHERE pattern only reads, and
`USING` only reads. It answers None when the graphs cannot be known without running the
update: a variable graph where it writes, DROP or CLEAR of ALL or NAMED, a prefix it cannot
resolve, `\\u` escapes (they may spell a keyword). The store's own default graph is not in
the answer: the index reads only named graphs.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

from alliance_kg.store.syntax import Lexeme, tokens

_ESCAPE = re.compile(r"\\(.)")
_GRAPH_OPERAND = frozenset({"GRAPH", "WITH"})
_OPTIONAL_GRAPH_OPERAND = frozenset({"ADD", "MOVE", "COPY", "TO"})
_TEMPLATE_KEYWORDS = frozenset({"DATA", "DELETE", "INSERT"})


class _Unknown(Exception):
    """The update's written graphs cannot be known from its text."""


def written_graphs(update: str, base_iri: str) -> frozenset[str] | None:
    """The IRIs of the named graphs `update` may change, or None when they cannot be known."""
    if "\\u" in update or "\\U" in update:
        return None
    try:
        return frozenset(_targets(list(tokens(update)), base_iri))
    except _Unknown:
        return None


def _targets(found: list[Lexeme], base_iri: str) -> set[str]:
    prefixes: dict[str, str] = {"": base_iri}  # "" holds the base, which BASE may change
    targets: set[str] = set()
    writing = True  # whether the current top-level group writes
    top_level: list[Lexeme] = []
    for index, token in enumerate(found):
        if token.depth == 0:
            if token.kind == "open":
                writing = _opens_template(top_level)
            top_level.append(token)
        if token.kind != "word" or not (token.depth == 0 or writing):
            continue
        following = found[index + 1 : index + 4]
        if token.text == "BASE" and following and following[0].kind == "iri":
            prefixes[""] = _iri(following[:1], prefixes)
        elif token.text == "PREFIX":
            _declare(following, prefixes)
        elif token.text in ("DROP", "CLEAR") and _names_many(following):
            raise _Unknown
        elif token.text in _GRAPH_OPERAND:
            targets.add(_iri(following[:1], prefixes))
        elif token.text in _OPTIONAL_GRAPH_OPERAND:
            operand = [t for t in following if t.text != "SILENT"][:1]
            if operand and operand[0].kind != "word":  # GRAPH and DEFAULT are words
                targets.add(_iri(operand, prefixes))
    return targets


def _opens_template(top_level: list[Lexeme]) -> bool:
    """Whether a top-level `{` after these tokens opens a group the update writes."""
    texts = [token.text for token in top_level[-2:]]
    return (bool(texts) and texts[-1] in _TEMPLATE_KEYWORDS) or texts == ["DELETE", "WHERE"]


def _names_many(following: list[Lexeme]) -> bool:
    words = [t.text for t in following if t.kind == "word" and t.text != "SILENT"][:1]
    return words in (["ALL"], ["NAMED"])


def _declare(following: list[Lexeme], prefixes: dict[str, str]) -> None:
    if len(following) < 2 or following[0].kind != "pname" or following[1].kind != "iri":
        raise _Unknown
    prefixes[following[0].text[:-1] + ":"] = _iri(following[1:2], prefixes)


def _iri(operand: list[Lexeme], prefixes: dict[str, str]) -> str:
    """The absolute IRI an IRI or prefixed-name token stands for (`prefixes[""]`: the base)."""
    if not operand or operand[0].kind not in ("iri", "pname"):
        raise _Unknown  # a variable, or a form this reading does not know
    text = operand[0].text
    if operand[0].kind == "iri":
        return urljoin(prefixes[""], text[1:-1])
    prefix, _, local = text.partition(":")
    if prefix + ":" not in prefixes:
        raise _Unknown
    return prefixes[prefix + ":"] + _ESCAPE.sub(r"\1", local)
