"""alliance-kg: alliance defence-policy facts from news, as RDF with provenance and modality."""

__version__ = "0.1.0"
EXTRACTOR_VERSION = f"alliance-kg-extractor/{__version__}"  # stamped on every extraction
