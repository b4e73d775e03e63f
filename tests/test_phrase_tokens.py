"""`phrase_tokens`: a phrase's words, read from the parse once per doc and kept."""

from __future__ import annotations

from alliance_kg.pipeline.extractor import Extractor
from alliance_kg.pipeline.roles import phrase_tokens

TEXT = "Poland ordered a Polish version of the launcher, known as Homar-A, which the army tested."
VERSION = ["version", "a", "Polish", "of", "launcher", "the", ",", "known", "as", "A", "Homar"]
VERSION += ["-", ","]  # the name given to it kept, the relative clause left out


def test_a_phrase_keeps_the_name_given_to_it_not_a_clause(extractor: Extractor) -> None:
    doc = extractor.nlp(TEXT)
    version = next(t for t in doc if t.text == "version")
    assert [t.text for t in phrase_tokens(version)] == VERSION
    assert [t.text for t in phrase_tokens(version)] == VERSION  # asked again: the same


def test_a_phrase_asked_after_one_inside_it_is_whole(extractor: Extractor) -> None:
    doc = extractor.nlp(TEXT)
    launcher = next(t for t in doc if t.text == "launcher")
    assert [t.text for t in phrase_tokens(launcher)] == ["launcher", "the"]
    version = next(t for t in doc if t.text == "version")
    assert [t.text for t in phrase_tokens(version)] == VERSION
