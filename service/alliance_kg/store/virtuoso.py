"""SPARQL rewritten into what Virtuoso 7 runs with its standard meaning.

    text = virtuoso_update(update, default_graph=STAND_IN, graphs=list_graphs)
    text = hide_graphs(query, [STAND_IN, *system_graphs])

- The default graph: Virtuoso has no writable one, so a named graph stands in for it
  (`DEFINE input:default-graph-uri`, which Virtuoso applies to INSERT and DELETE
  templates, WHERE patterns and CLEAR/DROP/ADD/MOVE/COPY DEFAULT alike).
- `DROP ALL`, `CLEAR ALL`, `DROP NAMED`, `CLEAR NAMED` do nothing on Virtuoso; they become
  one `DROP SILENT GRAPH` / `CLEAR SILENT GRAPH` per graph that `graphs()` lists when the
  request is sent (a graph created earlier in the same request is not among them).
- `DROP GRAPH <g>` fails unless `<g>` was made by CREATE GRAPH, which quads inserted into
  it never do: it becomes `DROP SILENT GRAPH <g>` (dropping a missing graph is no error).
- `INSERT DATA` refuses blank nodes: it becomes the equivalent `INSERT { ... } WHERE {}`.
- `GRAPH ?g` in a query over the union sees the stand-in and Virtuoso's own graphs:
  each such pattern gets a `FILTER (?g NOT IN (...))` beside it. (Update WHERE clauses
  are left alone: there the stand-in shows under `GRAPH ?g`.)

The positions come from `syntax.lexemes`, so nothing inside strings, IRIs or comments is
ever taken for a keyword.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

from pyoxigraph import NamedNode

from alliance_kg.store.syntax import Lexeme, lexemes

_NO_OPERATION = "INSERT DATA {}"
_GRAPH_VARIABLE = re.compile(r"\s*([?$]\w+)\s*")


def hide_graphs(query: str, hidden: Sequence[str]) -> str:
    """`query` with every `GRAPH ?var { ... }` kept off the `hidden` graphs."""
    if not hidden:
        return query
    listed = ", ".join(str(NamedNode(graph)) for graph in hidden)
    found = list(lexemes(query))
    edits: list[tuple[int, str]] = []
    for index, lexeme in enumerate(found[:-1]):
        opening = found[index + 1]
        if lexeme.text != "GRAPH" or opening.text != "{":
            continue
        variable = _GRAPH_VARIABLE.fullmatch(query, lexeme.end, opening.start)
        closing = next(
            (
                later
                for later in found[index + 2 :]
                if later.text == "}" and later.depth == opening.depth
            ),
            None,
        )
        if variable is not None and closing is not None:
            edits.append((closing.end, f" FILTER ({variable.group(1)} NOT IN ({listed}))"))
    for position, text in sorted(edits, reverse=True):
        query = query[:position] + text + query[position:]
    return query


def virtuoso_update(update: str, *, default_graph: str, graphs: Callable[[], Iterable[str]]) -> str:
    """`update` as Virtuoso should be sent it, `default_graph` standing in for the default."""
    top = [lexeme for lexeme in lexemes(update) if lexeme.depth == 0]
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement), in order
    for index, lexeme in enumerate(top):
        following = [later.text for later in top[index + 1 : index + 3]]
        if lexeme.text == "INSERT" and following[:1] == ["DATA"]:
            edits.append((top[index + 1].start, top[index + 1].end, ""))
            closing = top[index + 3] if len(top) > index + 3 else None
            if closing is not None and closing.text == "}":
                edits.append((closing.end, closing.end, " WHERE {}"))
        elif lexeme.text in ("DROP", "CLEAR"):
            edits.extend(_drop_or_clear(top, index, default_graph, graphs))
    for start, end, replacement in reversed(edits):
        update = update[:start] + replacement + update[end:]
    # On the same line, so that Virtuoso's error messages keep the line numbers of `update`.
    return f"DEFINE input:default-graph-uri {NamedNode(default_graph)} {update}"


def _drop_or_clear(
    top: list[Lexeme], index: int, default_graph: str, graphs: Callable[[], Iterable[str]]
) -> list[tuple[int, int, str]]:
    """The edits for the DROP or CLEAR operation at `top[index]`."""
    verb = top[index]
    silent = index + 1 < len(top) and top[index + 1].text == "SILENT"
    target = top[index + 1 + silent] if index + 1 + silent < len(top) else None
    if target is None:
        return []
    if target.text in ("ALL", "NAMED"):
        chosen = [
            graph
            for graph in dict.fromkeys(graphs())
            if target.text == "ALL" or graph != default_graph
        ]
        if target.text == "ALL":
            chosen = list(dict.fromkeys([*chosen, default_graph]))
        operations = [f"{verb.text} SILENT GRAPH {NamedNode(graph)}" for graph in chosen]
        return [(verb.start, target.end, " ;\n".join(operations) or _NO_OPERATION)]
    if verb.text == "DROP" and not silent:
        return [(verb.end, verb.end, " SILENT")]
    return []
