"""SPARQL text built from pyoxigraph terms, for writes and bindings that must travel as text.

Terms are written in their N-Triples form (`str(term)`: `<iri>`, `"escaped"@lang`,
`"1"^^<datatype>`, `_:label`), which SPARQL reads back as the same term. Values given
by users therefore always stay data: a literal holding `" } ; DROP ALL` is one string.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from pyoxigraph import DefaultGraph, NamedNode, Quad, Variable

from alliance_kg.store.base import QueryError, StoreError, Term

# A lexer's-eye view: strings (with their language tag) and comments are matched whole (so a
# `#` inside an IRI or a brace inside a string hides nothing); then IRIs, variables, prefixed
# names, braces, bare words (keywords, function names; the prefix of `x:y` is not a word),
# numbers and punctuation (one character, or `^^`, `||`, `&&`, `!=`, `<=`, `>=`).
_TOKENS = re.compile(
    r"""
    (?P<literal>
        (?:'''(?:(?:''?)?(?:[^'\\]|\\.))*'''             # long strings
          | \"\"\"(?:(?:\"\"?)?(?:[^"\\]|\\.))*\"\"\"
          | '(?:[^'\\\n\r]|\\.)*'                       # short strings
          | "(?:[^"\\\n\r]|\\.)*")
        (?:@[A-Za-z]+(?:-[A-Za-z0-9]+)*)?                # language tag
    )
    | (?P<comment>\#[^\n\r]*)
    | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
    | (?P<variable>[?$]\w+)
    | (?P<pname>(?<![\w:])(?:[A-Za-z_][\w.-]*)?:(?:[\w.:%-]|\\.)*(?<!\.))  # ex:local, _:b
    | (?P<open>\{)
    | (?P<close>\})
    | (?P<word>(?<![\w:])[A-Za-z_][\w-]*(?![\w:-]))  # bare words; `x:` is a prefix, not a word
    | (?P<number>(?:(?<![\w)\]])[+-])?  # a sign, as SPARQL's INTEGER_NEGATIVE has it
        (?:\d+\.\d*[eE][+-]?\d+|\d*\.\d+(?:[eE][+-]?\d+)?|\d+(?:[eE][+-]?\d+)?))
    | (?P<punct>\^\^|\|\||&&|!=|<=|>=|[^\s\w])
    """,
    re.VERBOSE | re.DOTALL,
)
_LEXICAL_KINDS = frozenset({"literal", "number", "punct"})


@dataclass(frozen=True)
class Lexeme:
    """A token, where it starts and ends, and its brace depth (a brace's is the outer one).

    `kind` is word (upper-cased), open, close, iri (with its `<>`), variable, pname, and
    for `all_tokens` also literal, number and punct.
    """

    text: str
    start: int
    end: int
    depth: int
    kind: str = "word"


def all_tokens(sparql: str) -> Iterator[Lexeme]:
    """Every token of `sparql` but comments, in order."""
    depth = 0
    for match in _TOKENS.finditer(sparql):
        kind = match.lastgroup or "comment"
        if kind == "comment":
            continue
        if kind == "close":
            depth -= 1
        text = match.group().upper() if kind == "word" else match.group()
        yield Lexeme(text, match.start(), match.end(), depth, kind)
        if kind == "open":
            depth += 1


def tokens(sparql: str) -> Iterator[Lexeme]:
    """Every token of `sparql` but strings, numbers, punctuation and comments, in order."""
    return (token for token in all_tokens(sparql) if token.kind not in _LEXICAL_KINDS)


def lexemes(sparql: str) -> Iterator[Lexeme]:
    """The bare words and braces of `sparql`, in order; a brace's depth is the outer one."""
    return (token for token in tokens(sparql) if token.kind in ("word", "open", "close"))


def bare_words(sparql: str) -> list[str]:
    """The upper-cased keywords and bare names of `sparql`, in order."""
    return [lexeme.text for lexeme in lexemes(sparql) if lexeme.text not in "{}"]


def declares_dataset(sparql: str) -> bool:
    """Whether a query names its own dataset (`FROM`, `FROM NAMED`), which must then be used."""
    return "FROM" in bare_words(sparql)


def without_lateral(sparql: str) -> str:
    """`sparql` with each `LATERAL` keyword blanked out, leaving a plain group to be joined.

    For servers without SEP-0006: the answers stay the same only where no LATERAL group
    depends on outer bindings beyond a join on the variables it makes visible. The keyword
    becomes as many spaces, so error positions stay the caller's.
    """
    for token in lexemes(sparql):
        if token.text == "LATERAL":
            sparql = f"{sparql[: token.start]}{' ' * len(token.text)}{sparql[token.end :]}"
    return sparql


def graph_triples(graph: str, quads: Iterable[Quad]) -> str:
    """The triples of `quads` as one `GRAPH <graph> { ... }` block for INSERT/DELETE DATA.

    Quads must belong to `graph` (or to the default graph, meaning "this graph").
    """
    target = NamedNode(graph)
    lines = []
    for quad in quads:
        if quad.graph_name not in (target, DefaultGraph()):
            raise StoreError(f"quad {quad} does not belong to graph {target}")
        lines.append(f"  {quad.subject} {quad.predicate} {quad.object} .")
    body = "\n".join(lines)
    return f"GRAPH {target} {{\n{body}\n}}"


def replace_graph_update(graph: str, quads: Iterable[Quad]) -> str:
    """One SPARQL Update that drops `graph` and inserts `quads` into it."""
    block = graph_triples(graph, quads)
    return f"DROP SILENT GRAPH {NamedNode(graph)} ;\nINSERT DATA {{ {block} }}"


def bind_values(sparql: str, substitutions: Mapping[str, Term]) -> str:
    """`sparql` with a `VALUES` block binding `substitutions` at the top of its WHERE group.

    Bindings placed there apply before grouping and aggregation, as pyoxigraph's own
    substitutions do; unlike them, they do not reach into sub-SELECTs.
    """
    if not substitutions:
        return sparql
    try:
        names = " ".join(str(Variable(name)) for name in substitutions)
    except ValueError as error:
        raise QueryError(f"invalid variable name among {sorted(substitutions)}") from error
    values = " ".join(str(term) for term in substitutions.values())
    position = _where_group_start(sparql)
    return f"{sparql[:position]} VALUES ({names}) {{ ({values}) }}{sparql[position:]}"


def _where_group_start(sparql: str) -> int:
    """The offset just past the `{` that opens the query's WHERE group."""
    is_construct = after_where = False
    groups: list[tuple[int, bool]] = []  # top-level groups: (offset past "{", follows WHERE)
    for token in lexemes(sparql):
        if token.depth != 0:
            continue
        if token.kind == "word":
            is_construct |= token.text == "CONSTRUCT"
            after_where |= token.text == "WHERE"
        elif token.kind == "open":
            groups.append((token.end, after_where))
    for index, (offset, follows_where) in enumerate(groups):
        if follows_where:
            if is_construct and index == 0:
                raise QueryError(
                    "cannot bind parameters in a CONSTRUCT WHERE short form; "
                    "write the template and the WHERE clause out"
                )
            return offset
    # WHERE is optional: the pattern is the first group, or the one after a CONSTRUCT template.
    index = int(is_construct)
    if len(groups) > index:
        return groups[index][0]
    raise QueryError("cannot bind parameters: the query has no WHERE clause")
