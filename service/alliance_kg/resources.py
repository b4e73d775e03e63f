"""Files the package reads at run time: the ontology, shapes, reference entities and canned queries.

They live in the repository's top-level folders (`ontology/`, `queries/`), which an editable
install (the README's set-up) keeps beside the package.
"""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
ONTOLOGY_DIR = PROJECT_ROOT / "ontology"
ONTOLOGY_FILE = ONTOLOGY_DIR / "alliance.ttl"
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"
REFERENCE_FILE = ONTOLOGY_DIR / "reference.ttl"
QUERIES_DIR = PROJECT_ROOT / "queries"
