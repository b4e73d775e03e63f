"""alliance-kg: alliance defence-policy facts from news, as RDF with provenance and modality."""

__version__ = "0.1.0"
EXTRACTOR_VERSION = f"alliance-kg-extractor/{__version__}"  # stamped on every extraction


def extractor_version(ner: str = "rules") -> str:
    """The version stamped on extractions made with the `ner` entity recogniser.

    The default recogniser's is plain; another's is marked, so that switching `AKG_NER`
    re-extracts articles (and a resumed bulk ingest does not mix shards of both).
    """
    return EXTRACTOR_VERSION if ner == "rules" else f"{EXTRACTOR_VERSION}+{ner}-ner"
