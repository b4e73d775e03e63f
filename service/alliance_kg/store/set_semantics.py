"""Set semantics for the union default graph, by rewriting the query's text.

The union default graph is an RDF merge: a set of triples. pyoxigraph 0.5.13 evaluates a
merged default graph as a bag, so a triple held by two graphs matches twice (oxigraph#1919)
and an event reported by two articles is counted twice. `distinct_runs(query)` wraps parts
of the query read from the default graph in `{ SELECT DISTINCT * WHERE { ... } }`:

- a whole group (the WHERE clause, a sub-SELECT's, a nested group, a UNION branch) when its
  solutions over a set graph are pairwise incompatible, hence a set: it is built from runs of
  triple patterns without blank nodes or paths, FILTER, BIND, OPTIONAL and MINUS of such
  groups, and GRAPH; and it calls no sub-SELECT nor per-solution function. The bag's distinct
  solutions are then exactly the set's, and the engine still plans the joins inside;
- otherwise (UNION, VALUES, SERVICE, paths, sub-SELECTs) every maximal run of triple patterns
  of the group, recursively in OPTIONAL, MINUS, UNION, EXISTS, NOT EXISTS and sub-SELECTs,
  but never inside GRAPH or SERVICE, whose graphs are sets already. FILTER, BIND and VALUES
  stay where they are (their scope is the group, and BIND ends a run).

Left as they are:
- runs with blank nodes (`_:b`, `[]`, `[ ... ]`, collections) or property paths: the spec
  counts their solutions once per blank node or intermediate node mapping, which DISTINCT
  over the visible variables would merge;
- queries whose answer cannot show how often a solution occurs: ASK, CONSTRUCT, DESCRIBE,
  SELECT DISTINCT and grouped SELECTs, unless an aggregate counts duplicates (COUNT, SUM, AVG
  or GROUP_CONCAT without DISTINCT), a sub-SELECT has LIMIT or OFFSET, or a function gives
  each solution its own value (BNODE, RAND, UUID, STRUUID);
- updates, the short form CONSTRUCT WHERE, text with `\\u` escapes (they may spell a
  keyword), and any shape the walker below does not follow.

DISTINCT fixes the answer, not the work: the engine still joins every copy of a triple, so a
run of k patterns about an event held by n graphs costs n**k rows before they are merged.
"""

from __future__ import annotations

from collections.abc import Sequence

from alliance_kg.store.syntax import Lexeme, all_tokens

_FORMS = frozenset({"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"})
_COUNTING = frozenset({"COUNT", "SUM", "AVG", "GROUP_CONCAT"})
_AGGREGATES = _COUNTING | {"MIN", "MAX", "SAMPLE"}
_PER_SOLUTION = frozenset({"BNODE", "RAND", "UUID", "STRUUID"})
_TERM_WORDS = frozenset({"A", "TRUE", "FALSE"})
_RUN_PUNCTUATION = frozenset({".", ";", ",", "^^"})  # any other (path, `[`, `(`) leaves a run
_OPEN_RUN = "{ SELECT DISTINCT * WHERE { "
_CLOSE_RUN = " } }"


class _Unfollowed(Exception):
    """The query has a shape the walker does not follow; it is left as it is."""


def distinct_runs(query: str) -> str:
    """`query` with its default-graph groups or runs of triple patterns made DISTINCT."""
    if "\\u" in query or "\\U" in query:
        return query
    found = list(all_tokens(query))
    if not _shows_multiplicity(found):
        return query
    try:
        runs = _Walker(found).runs()
    except (_Unfollowed, IndexError):
        return query
    for start, end in sorted(runs, reverse=True):
        query = f"{query[:start]}{_OPEN_RUN}{query[start:end]}{_CLOSE_RUN}{query[end:]}"
    return query


def _shows_multiplicity(found: Sequence[Lexeme]) -> bool:
    """Whether the answer of this query (an update is none) may depend on duplicate solutions."""
    words = [token.text for token in found if token.kind == "word"]
    form = next((word for word in words if word not in ("BASE", "PREFIX")), "")
    if form not in _FORMS:
        return False
    for index, token in enumerate(found):
        if token.kind != "word":
            continue
        if token.text in _PER_SOLUTION or (token.text in ("LIMIT", "OFFSET") and token.depth):
            return True
        following = found[index + 2].text if index + 2 < len(found) else ""
        if token.text in _COUNTING and following != "DISTINCT":
            return True
    top = {token.text for token in found if token.kind == "word" and token.depth == 0}
    grouped = "GROUP" in top or not _AGGREGATES.isdisjoint(top)
    distinct = words[words.index(form) + 1 : words.index(form) + 2] == ["DISTINCT"]
    return form == "SELECT" and not (distinct or grouped)


class _Walker:
    """Finds the runs to wrap: (start, end) offsets into the query's text."""

    def __init__(self, found: Sequence[Lexeme]) -> None:
        self._found = found
        self._runs: list[tuple[int, int]] = []

    def runs(self) -> list[tuple[int, int]]:
        if self._body(0) != len(self._found):
            raise _Unfollowed("a `}` closes nothing")
        return self._runs

    def _body(self, index: int) -> int:
        """Walk a query or sub-SELECT from `index`; return the index of the `}` ending it."""
        found = self._found
        template = pattern_seen = data_block_next = False
        parentheses = 0
        while index < len(found) and found[index].kind != "close":
            token = found[index]
            if token.kind == "open":
                if parentheses:  # EXISTS in a projection, HAVING or ORDER BY
                    index = self._group(index)[0]
                elif data_block_next or template:
                    index = self._skip_group(index)
                    data_block_next = template = False
                elif pattern_seen:
                    raise _Unfollowed("two WHERE groups")
                else:
                    pattern_seen = True
                    index = self._group(index, whole=True)[0]
                continue
            parentheses += _is(token, "(") - _is(token, ")")
            if token.kind == "word":
                if token.text == "WHERE" and template:
                    raise _Unfollowed("CONSTRUCT WHERE: the pattern is the template")
                data_block_next |= token.text == "VALUES"
                template |= token.text == "CONSTRUCT"
            index += 1
        return index

    def _group(self, index: int, *, whole: bool = False) -> tuple[int, bool]:
        """Walk the group pattern opened at `index`: the index past its `}`, and whether its
        solutions are pairwise incompatible (so a set) on a set graph.

        Such a group is wrapped whole when `whole` (its FILTERs see only its own variables)
        and it calls no sub-SELECT nor per-solution function (DISTINCT keeps every solution):
        one DISTINCT, and the engine still chooses how to join inside it.
        """
        found = self._found
        opening = self._expect_open(index)
        index += 1
        if found[index].text == "SELECT":
            return self._expect_close(self._body(index)) + 1, False
        first_run = len(self._runs)
        exclusive = True  # no UNION, VALUES, SERVICE, blank node or path at this level
        run: int | None = None  # where the current run of triple patterns starts
        while found[index].kind != "close":
            token = found[index]
            if token.kind == "open" or (token.kind == "word" and token.text not in _TERM_WORDS):
                exclusive &= self._end_run(run, index)
                run = None
                index, element_exclusive = self._element(index)
                exclusive &= element_exclusive
                continue
            if run is None and not _is(token, "."):
                run = index
            index += 1
        exclusive &= self._end_run(run, index)
        if whole and exclusive and index > opening + 1 and self._deterministic(opening, index):
            del self._runs[first_run:]
            self._runs.append((found[opening + 1].start, found[index - 1].end))
        return index + 1, exclusive

    def _deterministic(self, start: int, end: int) -> bool:
        words = (token.text for token in self._found[start:end] if token.kind == "word")
        return _PER_SOLUTION.union({"SELECT"}).isdisjoint(words)

    def _end_run(self, run: int | None, end: int) -> bool:
        """Mark the run from `run` to `end` for wrapping; False if it has a blank node or path."""
        if run is None:
            return True
        patterns = self._found[run:end]
        if any(_is_blank_node_or_path(token) for token in patterns):
            return False
        self._runs.append((patterns[0].start, patterns[-1].end))
        return True

    def _element(self, index: int) -> tuple[int, bool]:
        """Walk the group, or keyword and operand, at `index`: the index past them, and
        whether its solutions are pairwise incompatible (as in `_group`)."""
        found = self._found
        keyword = found[index].text
        if found[index].kind == "open":
            return self._group(index, whole=True)
        if keyword == "OPTIONAL":
            return self._group(index + 1)
        if keyword == "MINUS":  # only whether a solution exists counts
            return self._group(index + 1)[0], True
        if keyword == "UNION":
            return self._group(index + 1, whole=True)[0], False
        if keyword == "GRAPH":  # a named graph is a set: its runs stay as they are
            first_run = len(self._runs)
            index, exclusive = self._group(index + 2)
            del self._runs[first_run:]
            return index, exclusive
        if keyword == "SERVICE":
            index += 2 if found[index + 1].text == "SILENT" else 1  # then the service's IRI
            return self._skip_group(index + 1), False
        if keyword == "FILTER":
            return self._constraint(index + 1), True
        if keyword == "BIND":
            return self._expression(index + 1), True
        if keyword == "VALUES":
            while found[index].kind != "open":
                index += 1
            return self._skip_group(index), False
        raise _Unfollowed(f"{keyword} in a group pattern")

    def _constraint(self, index: int) -> int:
        found = self._found
        if _is(found[index], "("):
            return self._expression(index)
        if found[index].text == "NOT":
            index += 1
        if found[index].text == "EXISTS":
            return self._group(index + 1)[0]
        if found[index].kind in ("word", "iri", "pname"):  # a function call
            return self._expression(index + 1)
        raise _Unfollowed("a FILTER without a constraint")

    def _expression(self, index: int) -> int:
        """Walk the parenthesised expression at `index`; return the index past its `)`."""
        found = self._found
        if not _is(found[index], "("):
            raise _Unfollowed("an expression without parentheses")
        depth = 0
        while True:
            token = found[index]
            if token.kind == "open":  # EXISTS or NOT EXISTS
                index = self._group(index)[0]
                continue
            if token.kind == "close":
                raise _Unfollowed("a `}` inside parentheses")
            depth += _is(token, "(") - _is(token, ")")
            index += 1
            if not depth:
                return index

    def _skip_group(self, index: int) -> int:
        """The index past the `}` matching the `{` at `index`, left untouched."""
        depth = self._found[self._expect_open(index)].depth
        index += 1
        while not (self._found[index].kind == "close" and self._found[index].depth == depth):
            index += 1
        return index + 1

    def _expect_open(self, index: int) -> int:
        if self._found[index].kind != "open":
            raise _Unfollowed(f"`{self._found[index].text}` where a group should open")
        return index

    def _expect_close(self, index: int) -> int:
        if self._found[index].kind != "close":
            raise _Unfollowed(f"`{self._found[index].text}` where a group should close")
        return index


def _is(token: Lexeme, punctuation: str) -> bool:
    return token.kind == "punct" and token.text == punctuation


def _is_blank_node_or_path(token: Lexeme) -> bool:
    if token.kind == "pname":
        return token.text.startswith("_:")
    return token.kind == "punct" and token.text not in _RUN_PUNCTUATION
