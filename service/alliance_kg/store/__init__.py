"""Where the triples live: one small Store protocol, an embedded and a remote implementation."""
