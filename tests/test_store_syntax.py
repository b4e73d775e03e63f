"""The SPARQL lexer of store.syntax: bare words, braces and their depth; FROM detection."""

from __future__ import annotations

import pytest

from alliance_kg.store.syntax import (
    all_tokens,
    bare_words,
    declares_dataset,
    lexemes,
    tokens,
    without_lateral,
)


def test_words_and_braces_outside_strings_iris_comments_and_variables() -> None:
    text = 'SELECT ?where { <http://x/WHERE#FROM> ex:select "} FROM" } # FROM\nLIMIT 1'
    assert bare_words(text) == ["SELECT", "LIMIT"]
    braces = [(lexeme.text, lexeme.depth) for lexeme in lexemes(text) if lexeme.text in "{}"]
    assert braces == [("{", 0), ("}", 0)]


def test_depth_counts_nested_groups() -> None:
    depths = {lexeme.text: lexeme.depth for lexeme in lexemes("INSERT { GRAPH <g> { } } WHERE {}")}
    assert depths["INSERT"] == depths["WHERE"] == 0
    assert depths["GRAPH"] == 1


@pytest.mark.parametrize(
    ("query", "declares"),
    [
        ("SELECT * FROM <g> WHERE { ?s ?p ?o }", True),
        ("select * from named <g> { graph ?g { ?s ?p ?o } }", True),
        ("SELECT ?from WHERE { ?from from:x 'FROM' }", False),
        ("PREFIX ex: <x#> SELECT * { ?s ex:from ?o } # FROM <g>", False),
    ],
)
def test_declares_dataset_only_for_a_from_clause(query: str, declares: bool) -> None:
    assert declares_dataset(query) is declares


def test_all_tokens_keep_literals_numbers_and_punctuation() -> None:
    text = "SELECT * { ?s :p 'a b'@en-GB , 1.5e3 ; ^:q \"1\"^^xsd:int . ?s ?p ?o ?? # ?x\n}"
    found = [(token.kind, token.text) for token in all_tokens(text)]
    assert found[3:] == [
        ("variable", "?s"),
        ("pname", ":p"),
        ("literal", "'a b'@en-GB"),
        ("punct", ","),
        ("number", "1.5e3"),
        ("punct", ";"),
        ("punct", "^"),
        ("pname", ":q"),
        ("literal", '"1"'),
        ("punct", "^^"),
        ("pname", "xsd:int"),
        ("punct", "."),
        ("variable", "?s"),
        ("variable", "?p"),
        ("variable", "?o"),
        ("punct", "?"),
        ("punct", "?"),
        ("close", "}"),
    ]
    assert [token.text for token in tokens(text)][:4] == ["SELECT", "{", "?s", ":p"]


def test_a_sign_belongs_to_its_number_unless_it_follows_an_operand() -> None:
    found = [(token.kind, token.text) for token in all_tokens("?s :p -5 FILTER(?a-1 > -2)")]
    assert ("number", "-5") in found
    assert ("number", "-2") in found
    assert found[5:8] == [("variable", "?a"), ("punct", "-"), ("number", "1")]


def test_without_lateral_blanks_the_keyword_only() -> None:
    query = (
        'SELECT * { ?s ?p ?lateral LATERAL { ?s ex:LATERAL "LATERAL" } # LATERAL\n'
        "  lateral{ <urn:LATERAL> ?p ?o } }"
    )
    expected = (
        'SELECT * { ?s ?p ?lateral         { ?s ex:LATERAL "LATERAL" } # LATERAL\n'
        "         { <urn:LATERAL> ?p ?o } }"
    )
    assert without_lateral(query) == expected
