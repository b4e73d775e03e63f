"""Set semantics for the union default graph, by rewriting the query's text.

The union default graph is an RDF merge: a set of triples. pyoxigraph 0.5.13 evaluates a
merged default graph as a bag, so a triple held by two graphs matches twice (oxigraph#1919):
an event reported by two articles is counted twice, and a run of k patterns about an event
that n graphs hold yields n**k rows. `distinct_runs(query)` rewrites what the query reads
from the default graph (never inside GRAPH or SERVICE, whose graphs are sets already):

- each maximal run of triple patterns becomes its patterns, each one a
  `{ SELECT DISTINCT * WHERE { pattern } }`, most selective first (pyoxigraph's own
  estimates); a pattern sharing a variable with those before it is joined as `LATERAL`
  (SPARQL SEP-0006, which pyoxigraph reads), so it is looked up per solution. The join of
  the patterns' sets is exactly the run's solutions over the merged graph;
- a group whose solutions are pairwise incompatible, hence a set (the WHERE clause, a
  sub-SELECT's, a nested group, a UNION branch built from runs, FILTER, BIND, OPTIONAL and
  MINUS of such groups, and GRAPH, with no sub-SELECT nor per-solution function) keeps its
  OPTIONAL, MINUS, EXISTS and nested groups as written, for the engine to plan, and is made
  DISTINCT whole if one of them may repeat a row;
- elsewhere (beside UNION, VALUES, SERVICE, paths, sub-SELECTs) the runs are rewritten in
  every group: OPTIONAL, MINUS, UNION, EXISTS, NOT EXISTS and sub-SELECTs.
FILTER, BIND and VALUES stay where they are (their scope is the group; BIND ends a run).

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
_OPEN = "{ SELECT DISTINCT * WHERE { "
_CLOSE = " } }"
_TYPE_PREDICATES = frozenset({"a", "rdf:type", "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"})
# What a run expects after punctuation; "predicate?" (after `;`) may also end the subject.
_AFTER = {
    ("separator", ","): "object",
    ("separator", ";"): "predicate?",
    ("predicate?", ";"): "predicate?",
    ("separator", "."): "subject",
    ("predicate?", "."): "subject",
}
# (subject, predicate, object bound) -> solutions, after sparopt's estimate_triple_pattern_size
_ESTIMATES = {
    (True, True, True): 1,
    (True, True, False): 10,
    (True, False, True): 2,
    (False, True, True): 10_000,
    (True, False, False): 100,
    (False, False, False): 1_000_000_000,
    (False, True, False): 1_000_000,
    (False, False, True): 100_000,
}


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
        walker = _Walker(found)
        walker.walk()
        edits = [
            (found[start].start, found[end - 1].end, _chain(query, found[start:end]))
            for start, end in walker.runs
        ]
        for first, last in walker.groups:
            edits += [(found[first].start, found[first].start, _OPEN)]
            edits += [(found[last].end, found[last].end, _CLOSE)]
    except (_Unfollowed, IndexError):
        return query
    # From the end; at one offset a run's text is replaced before a group's `{` goes in front.
    for start, end, text in sorted(edits, key=lambda edit: (-edit[0], edit[0] == edit[1])):
        query = f"{query[:start]}{text}{query[end:]}"
    return query


def _chain(query: str, run: Sequence[Lexeme]) -> str:
    """The run's triple patterns, each made DISTINCT, joined most selective first; a pattern
    sharing a variable with those before is LATERAL, so it is looked up per solution."""
    remaining = _triple_patterns(query, run)
    bound: set[str] = set()
    parts = []
    while remaining:
        chosen = min(remaining, key=lambda pattern: _estimate(pattern, bound))
        remaining.remove(chosen)
        variables = {term for term in chosen if term[0] in "?$"}
        lateral = "LATERAL " if bound & variables else ""
        parts.append(f"{lateral}{_OPEN}{' '.join(chosen)}{_CLOSE}")
        bound |= variables
    return " ".join(parts)


def _triple_patterns(query: str, run: Sequence[Lexeme]) -> list[tuple[str, str, str]]:
    """The (subject, predicate, object) texts of a run, its `;` and `,` lists spelled out."""
    patterns: list[tuple[str, str, str]] = []
    subject = predicate = ""
    expect = "subject"  # then predicate, object, and after an object: separator (see _AFTER)
    index = 0
    while index < len(run):
        token = run[index]
        end = index + 3 if index + 1 < len(run) and _is(run[index + 1], "^^") else index + 1
        index = end
        text = query[token.start : run[end - 1].end]
        if token.kind == "punct":
            expect = _AFTER.get((expect, text), "")
        elif expect == "subject":
            subject, expect = text, "predicate"
        elif expect in ("predicate", "predicate?"):
            predicate, expect = text, "object"
        elif expect == "object":
            patterns.append((subject, predicate, text))
            expect = "separator"
        else:
            expect = ""
        if not expect:
            raise _Unfollowed(f"`{text}` in a run of triple patterns")
    if expect not in ("separator", "predicate?", "subject") or not patterns:
        raise _Unfollowed("a run ends inside a triple pattern")
    return patterns


def _estimate(pattern: tuple[str, str, str], bound: set[str]) -> tuple[int, bool]:
    """How many solutions a triple pattern may have, as pyoxigraph's optimizer estimates it;
    between equals, a class's members (`?x a C`) come after any other pattern: classes are
    rarely the most selective constant."""
    subject, predicate, object_ = (term[0] not in "?$" or term in bound for term in pattern)
    return _ESTIMATES[subject, predicate, object_], pattern[1] in _TYPE_PREDICATES


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
    """Finds what to rewrite: runs of triple patterns (`runs`, token ranges) and groups to
    make DISTINCT whole (`groups`, their first and last tokens inside the braces)."""

    def __init__(self, found: Sequence[Lexeme]) -> None:
        self._found = found
        self.runs: list[tuple[int, int]] = []
        self.groups: list[tuple[int, int]] = []

    def walk(self) -> None:
        if self._body(0) != len(self._found):
            raise _Unfollowed("a `}` closes nothing")

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

        When `whole` (its FILTERs see only its own variables), such a group that calls no
        sub-SELECT nor per-solution function (DISTINCT keeps every solution) has only its own
        runs rewritten: OPTIONAL, MINUS, EXISTS and nested groups in it are left as written,
        and the group is made DISTINCT whole if an OPTIONAL or nested group may repeat rows.
        """
        found = self._found
        opening = self._expect_open(index)
        index += 1
        if found[index].text == "SELECT":
            return self._expect_close(self._body(index)) + 1, False
        first_run, first_group = len(self.runs), len(self.groups)
        own_runs: list[tuple[int, int]] = []
        exclusive = True  # no UNION, VALUES, SERVICE, blank node or path at this level
        bag_inside = False  # an OPTIONAL or nested group, left as written when made whole
        run: int | None = None  # where the current run of triple patterns starts
        while found[index].kind != "close":
            token = found[index]
            if token.kind == "open" or (token.kind == "word" and token.text not in _TERM_WORDS):
                exclusive &= self._end_run(run, index, own_runs)
                run = None
                bag_inside |= token.kind == "open" or token.text == "OPTIONAL"
                index, element_exclusive = self._element(index)
                exclusive &= element_exclusive
                continue
            if run is None and not _is(token, "."):
                run = index
            index += 1
        exclusive &= self._end_run(run, index, own_runs)
        if whole and exclusive and index > opening + 1 and self._deterministic(opening, index):
            del self.runs[first_run:], self.groups[first_group:]
            self.runs += own_runs
            if bag_inside:
                self.groups.append((opening + 1, index - 1))
        return index + 1, exclusive

    def _deterministic(self, start: int, end: int) -> bool:
        words = (token.text for token in self._found[start:end] if token.kind == "word")
        return _PER_SOLUTION.union({"SELECT"}).isdisjoint(words)

    def _end_run(self, run: int | None, end: int, own_runs: list[tuple[int, int]]) -> bool:
        """Mark the run from `run` to `end` for rewriting; False if it has a blank node or path."""
        if run is None:
            return True
        if any(_is_blank_node_or_path(token) for token in self._found[run:end]):
            return False
        self.runs.append((run, end))
        own_runs.append((run, end))
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
            first_run, first_group = len(self.runs), len(self.groups)
            index, exclusive = self._group(index + 2)
            del self.runs[first_run:], self.groups[first_group:]
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
