"""The SPARQL Protocol's `using-graph-uri` and `using-named-graph-uri`, as USING clauses.

pyoxigraph's `update()` takes no dataset, so the protocol's dataset is written into the
update: `USING <g>` / `USING NAMED <g>` before the WHERE of every DELETE/INSERT operation,
which is what the SPARQL 1.1 Protocol (§2.2.3) says the parameters mean. `DELETE WHERE { P }`
admits no USING, so it becomes the equivalent `DELETE { P } USING ... WHERE { P }`. An
update that names its own dataset (USING, USING NAMED, WITH) may not be given one by the
protocol as well: that is a 400. The positions come from `store.syntax.lexemes`, which skips
strings, IRIs and comments, so nothing inside them is ever taken for a keyword.
"""

from __future__ import annotations

from collections.abc import Sequence

from pyoxigraph import NamedNode

from alliance_kg.api.errors import ProblemError
from alliance_kg.store.syntax import Lexeme, lexemes


def with_protocol_dataset(
    update: str, using_graph_uris: Sequence[str], using_named_graph_uris: Sequence[str]
) -> str:
    """`update` with the protocol's dataset written in as USING clauses before each WHERE."""
    if not (using_graph_uris or using_named_graph_uris):
        return update
    clauses = " ".join(
        [f"USING {_iri(iri)}" for iri in using_graph_uris]
        + [f"USING NAMED {_iri(iri)}" for iri in using_named_graph_uris]
    )
    top_level = [lexeme for lexeme in lexemes(update) if lexeme.depth == 0]
    if any(lexeme.text in ("USING", "WITH") for lexeme in top_level):
        raise ProblemError(
            400,
            "using-graph-uri and using-named-graph-uri cannot be combined with an update that "
            "names its own dataset (USING, USING NAMED or WITH).",
        )
    insertions: list[tuple[int, str]] = []
    for index, lexeme in enumerate(top_level):
        if lexeme.text != "WHERE":
            continue
        if index > 0 and top_level[index - 1].text == "DELETE":  # DELETE WHERE { P }
            pattern = _group_after(top_level, index, update)
            insertions.append((lexeme.start, f"{pattern} {clauses} "))
        else:
            insertions.append((lexeme.start, f"{clauses} "))
    for position, text in reversed(insertions):
        update = update[:position] + text + update[position:]
    return update


def _group_after(top_level: list[Lexeme], index: int, update: str) -> str:
    """The text of the `{ ... }` group that follows the top-level lexeme at `index`."""
    following = top_level[index + 1 : index + 3]
    if len(following) < 2 or [lexeme.text for lexeme in following] != ["{", "}"]:
        raise ProblemError(400, "DELETE WHERE must be followed by a { ... } pattern.")
    opening, closing = following
    return update[opening.start : closing.end]


def _iri(value: str) -> str:
    try:
        return str(NamedNode(value))
    except ValueError as error:
        raise ProblemError(400, f"The graph {value!r} is not an IRI: {error}") from error
