"""Set semantics for the union default graph, by rewriting the query's text.

The union default graph is an RDF merge: a set of triples. pyoxigraph 0.5.13 evaluates a
merged default graph as a bag, so a triple held by two graphs matches twice (oxigraph#1919)
and an event reported by two articles is counted twice. `distinct_runs(query)` wraps every
maximal run of triple patterns read from the default graph in
`{ SELECT DISTINCT * WHERE { run } }`, in every group of the query: nested groups, OPTIONAL,
MINUS, UNION, EXISTS and NOT EXISTS (in FILTER, BIND or a projection) and sub-SELECTs, but
never inside GRAPH or SERVICE, whose graphs are sets already. For a run whose predicates are
IRIs, `a` or variables and which holds no blank node, the distinct solutions are exactly its
solutions over the merged graph; FILTER, BIND and VALUES stay where they are (their scope is
the group, and BIND ends a run).

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
    """`query` with its default-graph runs of triple patterns made DISTINCT (see above)."""
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
    words = [token for token in found if token.kind == "word"]
    forms = [index for index, word in enumerate(words) if word.text not in ("BASE", "PREFIX")]
    if not forms or words[forms[0]].text not in _FORMS:
        return False
    for index, token in enumerate(found):
        if token.kind != "word":
            continue
        if token.text in _PER_SOLUTION or (token.text in ("LIMIT", "OFFSET") and token.depth):
            return True
        following = found[index + 2].text if index + 2 < len(found) else ""
        if token.text in _COUNTING and following != "DISTINCT":
            return True
    form = words[forms[0]].text
    modifier = words[forms[0] + 1].text if forms[0] + 1 < len(words) else ""
    top = {word.text for word in words if word.depth == 0}
    grouped = "GROUP" in top or not _AGGREGATES.isdisjoint(top)
    return form == "SELECT" and modifier != "DISTINCT" and not grouped


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
                    index = self._group(index)
                elif data_block_next or template:
                    index = self._skip_group(index)
                    data_block_next = template = False
                elif pattern_seen:
                    raise _Unfollowed("two WHERE groups")
                else:
                    pattern_seen = True
                    index = self._group(index)
                continue
            parentheses += _is(token, "(") - _is(token, ")")
            if token.kind == "word":
                if token.text == "WHERE" and template:
                    raise _Unfollowed("CONSTRUCT WHERE: the pattern is the template")
                data_block_next |= token.text == "VALUES"
                template |= token.text == "CONSTRUCT"
            index += 1
        return index

    def _group(self, index: int) -> int:
        """Walk the group pattern opened at `index`; return the index past its `}`."""
        found = self._found
        index = self._expect_open(index) + 1
        if found[index].text == "SELECT":
            return self._expect_close(self._body(index)) + 1
        run: int | None = None  # where the current run of triple patterns starts
        while found[index].kind != "close":
            token = found[index]
            if token.kind == "open" or (token.kind == "word" and token.text not in _TERM_WORDS):
                self._end_run(run, index)
                run = None
                index = self._element(index)
                continue
            if run is None and not _is(token, "."):
                run = index
            index += 1
        self._end_run(run, index)
        return index + 1

    def _end_run(self, run: int | None, end: int) -> None:
        if run is None:
            return
        patterns = self._found[run:end]
        if any(_is_blank_node_or_path(token) for token in patterns):
            return
        self._runs.append((patterns[0].start, patterns[-1].end))

    def _element(self, index: int) -> int:
        """Walk the group, keyword and operand at `index`; return the index past them."""
        found = self._found
        keyword = found[index].text
        if found[index].kind == "open":
            return self._group(index)
        if keyword in ("OPTIONAL", "MINUS", "UNION"):
            return self._group(index + 1)
        if keyword in ("GRAPH", "SERVICE"):
            index += 2 if found[index + 1].text == "SILENT" else 1  # then the graph's name
            return self._skip_group(index + 1)
        if keyword == "FILTER":
            return self._constraint(index + 1)
        if keyword == "BIND":
            return self._expression(index + 1)
        if keyword == "VALUES":
            while found[index].kind != "open":
                index += 1
            return self._skip_group(index)
        raise _Unfollowed(f"{keyword} in a group pattern")

    def _constraint(self, index: int) -> int:
        found = self._found
        if _is(found[index], "("):
            return self._expression(index)
        if found[index].text == "NOT":
            index += 1
        if found[index].text == "EXISTS":
            return self._group(index + 1)
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
                index = self._group(index)
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
