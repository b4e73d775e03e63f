"""Events -> quads: the identity rule, the mapping, and the base graphs (ontology, reference)."""
