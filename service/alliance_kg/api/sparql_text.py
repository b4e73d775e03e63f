"""Cheap questions about SPARQL text, answered from its bare words (`store.syntax.lexemes`).

Could this text call the network (a SERVICE or LOAD keyword), and does it read as an update
rather than a query. One left-to-right scan, as a lexer does, so a `#` inside an IRI or a
quote inside a comment cannot hide or fake a keyword.
"""

from __future__ import annotations

from rdflib.plugins.sparql.parser import expandUnicodeEscapes

from alliance_kg.store.syntax import bare_words

NETWORK_KEYWORDS = frozenset({"SERVICE", "LOAD"})
_PROLOGUE_KEYWORDS = frozenset({"BASE", "PREFIX"})
_QUERY_FORMS = frozenset({"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"})
_UPDATE_KEYWORDS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}
)


def mentions_network_keyword(text: str) -> bool:
    """Whether SERVICE or LOAD appears as a keyword, before or after `\\u` escapes are expanded.

    Both readings are checked because servers differ on whether escapes apply outside
    strings and IRIs; an escape that cannot be expanded counts as a mention.
    """
    try:
        expanded = expandUnicodeEscapes(text)
    except ValueError:
        return True
    return any(not NETWORK_KEYWORDS.isdisjoint(bare_words(form)) for form in (text, expanded))


def query_form(text: str) -> str | None:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the first keyword after the prologue, if it is one."""
    first = next((word for word in bare_words(text) if word not in _PROLOGUE_KEYWORDS), None)
    return first if first in _QUERY_FORMS else None


def looks_like_update(text: str) -> bool:
    """Whether the first keyword after the prologue starts a SPARQL Update operation."""
    first = next((word for word in bare_words(text) if word not in _PROLOGUE_KEYWORDS), None)
    return first in _UPDATE_KEYWORDS
