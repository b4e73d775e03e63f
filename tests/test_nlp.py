"""The indexed attribute ruler sets what spaCy's attribute ruler sets."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc
from threadpoolctl import threadpool_info

from alliance_kg.pipeline.extractor import Extractor, paragraphs
from alliance_kg.pipeline.nlp import MODEL, CachedLemmatizer, IndexedAttributeRuler
from alliance_kg.reading import iter_article_files, read_file

SAMPLES = Path(__file__).parents[1] / "data" / "articles"
ODD = [
    "He ain't gonna get it, y' know, nothin' doin' -- I got 'em.",
    "It was 5:30 p.m. and you'd have said so.\n\n  Did they?",
]


def test_the_indexed_attribute_ruler_sets_what_spacy_s_ruler_sets() -> None:
    nlp = spacy.load(MODEL)
    texts = ODD + [
        text
        for path in iter_article_files([SAMPLES])
        for a in read_file(path)
        for text, _ in paragraphs(a)
    ]
    with nlp.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        docs = list(nlp.pipe(texts))
    ruler = nlp.get_pipe("attribute_ruler")
    indexed = IndexedAttributeRuler(ruler)  # type: ignore[arg-type]
    for doc in docs:
        expected, got = ruler(doc.copy()), indexed(doc.copy())
        assert [(t.pos_, str(t.morph), t.lemma_) for t in got] == [
            (t.pos_, str(t.morph), t.lemma_) for t in expected
        ]
    assert len(indexed.rest) < len(ruler.patterns) / 10  # most patterns are looked up


def test_the_cached_lemmatizer_sets_what_spacy_s_lemmatizer_sets() -> None:
    nlp = spacy.load(MODEL, exclude=["ner"])
    texts = [
        text
        for path in iter_article_files([SAMPLES])
        for a in read_file(path)
        for text, _ in paragraphs(a)
    ]
    with nlp.select_pipes(disable=["lemmatizer"]):
        docs = list(nlp.pipe(texts + texts))  # twice: the second time from the cache
    lemmatizer = nlp.get_pipe("lemmatizer")
    cached = CachedLemmatizer(lemmatizer)  # type: ignore[arg-type]
    for doc in docs:
        expected, got = lemmatizer(doc.copy()), cached(doc.copy())
        assert [t.lemma_ for t in got] == [t.lemma_ for t in expected]
    assert cached.lemmas


@pytest.mark.parametrize(
    ("text", "form", "lemma"),
    [
        ("Seoul hopes to sell tanks.", "hopes", "hope"),
        ("They were hoping to visit Tokyo.", "hoping", "hope"),
        ("The summit is slated for May.", "slated", "slate"),
    ],
)
def test_forms_the_rules_strip_to_another_verb_keep_their_lemma(
    extractor: Extractor, text: str, form: str, lemma: str
) -> None:
    (token,) = [t for t in extractor.nlp(text) if t.text == form]
    assert token.lemma_ == lemma


def test_each_pipeline_runs_its_own_components(extractor: Extractor) -> None:
    other = Extractor.load()
    mine, theirs = dict(extractor.nlp.pipeline), dict(other.nlp.pipeline)
    for name in ("attribute_ruler", "lemmatizer", "akg_gazetteer", "akg_entity_rules"):
        assert mine[name] is not theirs[name], name
    doc = other.nlp("Seoul hopes to sell tanks to Poland.")
    assert [t.lemma_ for t in doc][:4] == ["Seoul", "hope", "to", "sell"]


def test_the_model_multiplies_with_numpy_and_parses_as_spacy_s_default(
    extractor: Extractor,
) -> None:
    default = spacy.load(MODEL, exclude=["ner"])
    texts = [
        text
        for path in iter_article_files([SAMPLES])
        for a in read_file(path)
        for text, _ in paragraphs(a)
    ]
    tokenised = [extractor.nlp.make_doc(text) for text in texts]  # our "co-" words kept whole
    words = [([t.text for t in d], [bool(t.whitespace_) for t in d]) for d in tokenised]
    parsers = extractor.nlp.select_pipes(enable=["tok2vec", "tagger", "parser"])
    with parsers, default.select_pipes(enable=["tok2vec", "tagger", "parser"]):
        ours = list(extractor.nlp.pipe(texts))
        theirs = list(default.pipe(Doc(default.vocab, words=w, spaces=s) for w, s in words))
    for mine, spacy_s in zip(ours, theirs, strict=True):
        assert [(t.tag_, t.dep_, t.head.i) for t in mine] == [
            (t.tag_, t.dep_, t.head.i) for t in spacy_s
        ]
    layers = [
        node
        for _, pipe in extractor.nlp.pipeline
        if hasattr(pipe, "model")
        for node in pipe.model.walk()
    ]
    assert layers and not any(getattr(node.ops, "use_blis", False) for node in layers)
    assert [pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"] == [1]
