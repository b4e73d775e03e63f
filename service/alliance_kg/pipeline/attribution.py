"""Who says so: 'according to X', 'X said', '[attribution: X]', 'X cited by Y'.

A source relayed by an outlet keeps both ("officials cited by Kyodo News"). A bracket that
the sentence splitter cut off after the full stop still belongs to the sentence before it. A
definite anaphor ("the sources") takes the fuller wording an earlier sentence gave ("sources
in both governments").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from alliance_kg.pipeline.lexicon import REPORTING

_BRACKETED = re.compile(r"\[attribution:\s*([^\]]+)\]", re.IGNORECASE)
_TRAILING_BRACKET = re.compile(r"\s*\[attribution:\s*([^\]]+)\]", re.IGNORECASE)
_DETERMINERS = ("the ", "these ", "those ", "such ")
_TEXT_KEY = "alliance_kg.text"


def _phrase(head: Token) -> str:
    tokens = [t for t in head.subtree if not t.is_space]
    text = head.doc[tokens[0].i : tokens[-1].i + 1].text if tokens else head.text
    return text.strip(" ,.;:")


def _doc_text(doc: Doc) -> str:
    """The doc's text, joined once per doc, not once per sentence (`Doc.text` joins every
    token's text each time it is read)."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return str(text)


def sentence_attribution(sentence: Span) -> str | None:
    """The source a sentence names for what it reports, if any."""
    text = _doc_text(sentence.doc)  # searched in place: `Span.text` joins its tokens anew
    bracket = _BRACKETED.search(text, sentence.start_char, sentence.end_char)
    bracket = bracket or _TRAILING_BRACKET.match(text, sentence.end_char)
    if bracket:
        return bracket.group(1).strip()
    for token in sentence:
        if token.lemma_ == "accord" and token.dep_ == "prep":
            for child in token.children:
                if child.lower_ == "to":
                    objects = [c for c in child.children if c.dep_ == "pobj"]
                    if objects:
                        return _phrase(objects[0])
        if token.lower_ == "cited" and token.dep_ == "acl":
            return _phrase(token.head)
    for token in sentence:
        if (
            token.lemma_.lower() in REPORTING
            and token.pos_ == "VERB"
            and token.dep_ in {"ROOT", "parataxis", "ccomp", "advcl", "conj"}
        ):
            subjects = [c for c in token.children if c.dep_ in {"nsubj", "nsubjpass"}]
            if subjects and subjects[0].lower_ not in {"it", "this", "that", "which"}:
                return _phrase(subjects[0])
    return None


class AttributionMemory:
    """Expands 'the sources' to the fuller source an earlier sentence of the article named."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def resolve(self, attribution: str | None) -> str | None:
        if attribution is None:
            return None
        lowered = attribution.lower()
        for determiner in _DETERMINERS:
            if lowered.startswith(determiner):
                head = lowered.removeprefix(determiner).split()[-1:]
                for earlier in reversed(self.seen):
                    words = earlier.lower().split()
                    if head and head[0] in words and len(words) > len(lowered.split()):
                        return earlier
        self.seen.append(attribution)
        return attribution
