# Tiny commands over a strict toolchain. `make serve` and `make test` are the README's two commands.
VENV ?= .venv
PYTHON ?= python3
BIN = $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: setup servers serve test check bench

$(BIN)/akg: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

setup: $(BIN)/akg

# Ingest the sample articles into the embedded store (./var/store) and serve the API.
serve: setup
	$(BIN)/akg ingest data/articles
	$(BIN)/akg serve --host $(HOST) --port $(PORT)

# Virtuoso from Debian for the remote-store tests (needs root; they are skipped without it).
servers:
	bash scripts/install-servers.sh || echo "make: Virtuoso not installed; its tests will be skipped"

test: setup servers
	$(BIN)/pytest

check: setup
	$(BIN)/ruff check service tests bench ontology
	$(BIN)/ruff format --check service tests bench ontology
	$(BIN)/lint-imports
	$(BIN)/python -m alliance_kg.vocabgen --check
	$(BIN)/python ontology/build_reference.py --check

bench: setup
	$(BIN)/python bench/extraction.py --corpus all
