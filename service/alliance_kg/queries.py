"""Canned queries: `queries/<name>.rq` files -> `CannedQuery`, and their parameters -> RDF terms.

Each file opens with a header of `# key: value` lines (the syntax is in `queries/README.md`):
a title, a description and typed parameters. Parameter values are never pasted into the
query text: they become pyoxigraph terms, bound through the store's `substitutions`. The one
exception is `limit`, which SPARQL cannot bind as a variable: it is checked to be a whole
number in 1..10000 and appended as `LIMIT n`, so only a validated integer reaches the text.

    ValueError
     +-- QueryFileError       a .rq file that cannot be read as a canned query (names file:line)
     +-- QueryParameterError  missing, unknown or malformed parameter values (names them)
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import NoReturn

from pyoxigraph import Literal, NamedNode

from alliance_kg import iris, resources, vocab
from alliance_kg.model import Status
from alliance_kg.store.base import Term

LIMIT_PARAM = "limit"
MAX_LIMIT = 10_000

_NAME = re.compile(r"[a-z0-9][a-z0-9-]*")
_HEADER_LINE = re.compile(r"#\s*(?P<key>[a-z]+):\s*(?P<value>.*?)\s*")
_PARAM = re.compile(
    r"(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s+(?P<type>[a-z]+)"
    r"(?P<optional>\s+optional)?(?:\s+default=(?P<default>\S+))?\s+\"(?P<doc>[^\"]+)\""
)
_IRI = re.compile(r"(?:https?://[^/\s<>\"{}|\\^`]+|urn:[A-Za-z0-9][A-Za-z0-9-]*:)[^\s<>\"{}|\\^`]*")
_INTEGER = re.compile(r"[+-]?[0-9]+")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


class QueryFileError(ValueError):
    """A .rq file whose header or body cannot make a canned query; the message names file:line."""


class QueryParameterError(ValueError):
    """Parameter values that are missing, unknown or malformed; `names` lists the parameters."""

    def __init__(self, message: str, names: tuple[str, ...]) -> None:
        super().__init__(message)
        self.names = names


class ParamType(StrEnum):
    """The types a parameter may declare, and so how its value becomes an RDF term."""

    IRI = "iri"
    STRING = "string"
    INTEGER = "integer"
    DATE = "date"
    STATUS = "status"


@dataclass(frozen=True)
class QueryParam:
    """One declared parameter: bound to the query variable of the same name (`?name`)."""

    name: str
    type: ParamType
    description: str
    required: bool = True
    default: str | None = None


@dataclass(frozen=True)
class CannedQuery:
    """One `queries/<name>.rq` file: its header and its SPARQL text."""

    name: str
    title: str
    description: str
    params: tuple[QueryParam, ...]
    text: str

    @property
    def limit_param(self) -> QueryParam | None:
        return next((param for param in self.params if param.name == LIMIT_PARAM), None)


@dataclass(frozen=True)
class PreparedQuery:
    """A canned query ready to run: its text (with any `LIMIT n`) and the variable bindings."""

    text: str
    substitutions: dict[str, Term]


def load_queries(directory: Path = resources.QUERIES_DIR) -> dict[str, CannedQuery]:
    """Every `*.rq` file of `directory`, keyed by name (the file stem), sorted by name."""
    if not directory.is_dir():
        raise QueryFileError(f"{directory}: the canned query folder does not exist")
    return {path.stem: load_query(path) for path in sorted(directory.glob("*.rq"))}


def load_query(path: Path) -> CannedQuery:
    """Read one .rq file; a `QueryFileError` names the file and line of any problem."""
    if not _NAME.fullmatch(path.stem):
        raise QueryFileError(f"{path}: a query name is lower-case letters, digits and hyphens")
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise QueryFileError(f"{path}: cannot be read: {error}") from error
    return _HeaderReader(path, text).read()


class _HeaderReader:
    """Reads the leading `# key: value` lines of one file."""

    def __init__(self, path: Path, text: str) -> None:
        self.path = path
        self.text = text
        self.titles: list[str] = []
        self.descriptions: list[str] = []
        self.params: list[QueryParam] = []

    def read(self) -> CannedQuery:
        lines = self.text.splitlines()
        body_start = next(
            (i for i, line in enumerate(lines) if not line.lstrip().startswith("#")), len(lines)
        )
        for number, line in enumerate(lines[:body_start], start=1):
            self._read_line(number, line.strip())
        body = "\n".join(lines[body_start:])
        if not body.strip():
            self._fail(body_start + 1, "the header is not followed by a query")
        if len(self.titles) != 1:
            self._fail(1, f"the header needs one '# title:' line, it has {len(self.titles)}")
        if not self.descriptions:
            self._fail(1, "the header needs a '# description:' line")
        self._check_variables(body)
        return CannedQuery(
            name=self.path.stem,
            title=self.titles[0],
            description=" ".join(self.descriptions),
            params=tuple(self.params),
            text=self.text,
        )

    def _read_line(self, number: int, line: str) -> None:
        if line == "#":
            return
        match = _HEADER_LINE.fullmatch(line)
        if match is None:
            self._fail(number, "header lines are '# title:', '# description:' or '# param:'")
        key, value = match["key"], match["value"]
        if not value:
            self._fail(number, f"'# {key}:' has no value")
        if key == "title":
            self.titles.append(value)
        elif key == "description":
            self.descriptions.append(value)
        elif key == "param":
            self.params.append(self._param(number, value))
        else:
            self._fail(number, f"unknown header key {key!r} (title, description or param)")

    def _param(self, number: int, value: str) -> QueryParam:
        match = _PARAM.fullmatch(value)
        if match is None:
            self._fail(number, 'a param reads: NAME TYPE [optional] [default=VALUE] "description"')
        name, type_name, default = match["name"], match["type"], match["default"]
        if type_name not in ParamType.__members__.values():
            known = ", ".join(ParamType)
            self._fail(number, f"parameter {name!r} has unknown type {type_name!r} ({known})")
        param = QueryParam(
            name=name,
            type=ParamType(type_name),
            description=match["doc"],
            required=match["optional"] is None and default is None,
            default=default,
        )
        if any(existing.name == name for existing in self.params):
            self._fail(number, f"parameter {name!r} is declared twice")
        if name == LIMIT_PARAM and param.type is not ParamType.INTEGER:
            self._fail(number, f"parameter {LIMIT_PARAM!r} must be of type integer")
        if default is not None:
            try:
                _check_value(param, default)
            except QueryParameterError as error:
                self._fail(number, f"bad default: {error}")
        return param

    def _check_variables(self, body: str) -> None:
        for param in self.params:
            if param.name == LIMIT_PARAM:
                continue
            if not re.search(rf"[?$]{param.name}\b", body):
                self._fail(1, f"parameter {param.name!r} is not used as ?{param.name} in the query")

    def _fail(self, line: int, message: str) -> NoReturn:
        raise QueryFileError(f"{self.path}:{line}: {message}")


def prepare(query: CannedQuery, raw: Mapping[str, str]) -> PreparedQuery:
    """The text to run and its bindings, from parameter values given as strings."""
    substitutions = bind_params(query, raw)
    limit_param = query.limit_param
    text = query.text
    if limit_param is not None:
        limit = raw.get(LIMIT_PARAM) or limit_param.default
        if limit is not None:
            text = f"{text.rstrip()}\nLIMIT {_limit(limit_param, limit)}\n"
    return PreparedQuery(text=text, substitutions=substitutions)


def bind_params(query: CannedQuery, raw: Mapping[str, str]) -> dict[str, Term]:
    """Each declared parameter's value (given, else its default) as an RDF term, by name.

    `limit` is checked but not returned (see `prepare`). Raises `QueryParameterError` naming
    unknown or missing parameters, or the first malformed value.
    """
    declared = {param.name for param in query.params}
    unknown = tuple(sorted(set(raw) - declared))
    if unknown:
        expected = ", ".join(sorted(declared)) or "none"
        raise QueryParameterError(
            f"unknown parameter(s) for {query.name}: {', '.join(unknown)} (expected: {expected})",
            unknown,
        )
    missing = tuple(p.name for p in query.params if p.required and not raw.get(p.name))
    if missing:
        raise QueryParameterError(
            f"{query.name} needs the parameter(s): {', '.join(missing)}", missing
        )
    terms: dict[str, Term] = {}
    for param in query.params:
        value = raw.get(param.name) or param.default
        if value is None:
            continue
        term = _check_value(param, value)
        if param.name != LIMIT_PARAM:
            terms[param.name] = term
    return terms


def _check_value(param: QueryParam, value: str) -> Term:
    try:
        text = value if param.type is ParamType.STRING else value.strip()
        term = _CONVERTERS[param.type](text)
    except ValueError as error:
        raise QueryParameterError(
            f"parameter {param.name!r} ({param.type.value}): {error}", (param.name,)
        ) from error
    if param.name == LIMIT_PARAM:
        _limit(param, value)
    return term


def _limit(param: QueryParam, value: str) -> int:
    limit = int(value) if _INTEGER.fullmatch(value.strip()) else 0
    if not 1 <= limit <= MAX_LIMIT:
        raise QueryParameterError(
            f"parameter {param.name!r} must be a whole number from 1 to {MAX_LIMIT}, got {value!r}",
            (param.name,),
        )
    return limit


def _iri(value: str) -> NamedNode:
    if not _IRI.fullmatch(value):
        raise ValueError(f"{value!r} is not an absolute http(s) or urn: IRI")
    return NamedNode(value)


def _integer(value: str) -> Literal:
    if not _INTEGER.fullmatch(value):
        raise ValueError(f"{value!r} is not a whole number")
    return Literal(str(int(value)), datatype=vocab.XSD_INTEGER)


def _date(value: str) -> Literal:
    try:
        if not _DATE.fullmatch(value):
            raise ValueError
        date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a date written YYYY-MM-DD") from None
    return Literal(value, datatype=vocab.XSD_DATE)


def _status(value: str) -> NamedNode:
    local_name = value.removeprefix(iris.AK).removeprefix("ak:")
    for status in Status:
        if status.value.lower() == local_name.lower():
            return NamedNode(iris.AK + status.value)
    known = ", ".join(status.value for status in Status)
    raise ValueError(f"{value!r} is not a status ({known}, or their ak: IRIs)")


_CONVERTERS: dict[ParamType, Callable[[str], Term]] = {
    ParamType.IRI: _iri,
    ParamType.STRING: Literal,
    ParamType.INTEGER: _integer,
    ParamType.DATE: _date,
    ParamType.STATUS: _status,
}
