"""Article -> events: spaCy parsing plus rules driven by the ontology's reference entities."""

from alliance_kg.pipeline.extractor import Extractor

__all__ = ["Extractor"]
