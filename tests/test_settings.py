"""Settings come from AKG_* variables, with defaults and errors that name the key."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from alliance_kg import EXTRACTOR_VERSION, extractor_version
from alliance_kg.pipeline import Extractor
from alliance_kg.settings import Settings, SettingsError


def test_defaults_when_nothing_is_set() -> None:
    settings = Settings.from_env({})
    assert settings.store_path == Path("var/store")
    assert settings.api_token is None
    assert settings.query_timeout == 30
    assert settings.max_body_bytes == 2_000_000
    assert settings.max_rows == 100_000
    assert settings.cors_origins == settings.service_allowlist == ()
    assert settings.ner == "rules"
    assert not settings.remote


def test_every_key_is_read() -> None:
    settings = Settings.from_env(
        {
            "AKG_STORE": "/data/kg",
            "AKG_SPARQL_QUERY_URL": "http://fuseki:3030/kg/query",
            "AKG_SPARQL_UPDATE_URL": "http://fuseki:3030/kg/update",
            "AKG_SPARQL_STORE_URL": "http://fuseki:3030/kg/data",
            "AKG_SPARQL_USER": "admin",
            "AKG_SPARQL_PASSWORD": "pw",
            "AKG_API_TOKEN": "t0ken",
            "AKG_QUERY_TIMEOUT": "2.5",
            "AKG_MAX_BODY_BYTES": "1_000",
            "AKG_MAX_ROWS": "10",
            "AKG_CORS_ORIGINS": "https://a.example, https://b.example",
            "AKG_SERVICE_ALLOWLIST": "https://query.wikidata.org/,",
            "AKG_NER": "Model",
        }
    )
    assert settings.store_path == Path("/data/kg")
    assert settings.remote and settings.sparql_store_url == "http://fuseki:3030/kg/data"
    assert (settings.sparql_user, settings.sparql_password) == ("admin", "pw")
    assert settings.api_token == "t0ken"
    assert (settings.query_timeout, settings.max_body_bytes, settings.max_rows) == (2.5, 1000, 10)
    assert settings.cors_origins == ("https://a.example", "https://b.example")
    assert settings.service_allowlist == ("https://query.wikidata.org/",)
    assert settings.ner == "model"


def test_an_empty_token_means_no_token() -> None:
    assert Settings.from_env({"AKG_API_TOKEN": "  "}).api_token is None


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("AKG_QUERY_TIMEOUT", "abc", "AKG_QUERY_TIMEOUT must be a positive number of seconds"),
        ("AKG_QUERY_TIMEOUT", "-1", "got '-1'"),
        ("AKG_QUERY_TIMEOUT", "nan", "AKG_QUERY_TIMEOUT"),
        ("AKG_MAX_BODY_BYTES", "2MB", "AKG_MAX_BODY_BYTES must be a positive whole number"),
        ("AKG_MAX_ROWS", "0", "AKG_MAX_ROWS"),
        ("AKG_NER", "spacy", "AKG_NER must be rules or model"),
    ],
)
def test_invalid_values_name_the_key(key: str, value: str, message: str) -> None:
    with pytest.raises(SettingsError, match=message):
        Settings.from_env({key: value})


def test_overrides_replace_given_fields_only() -> None:
    settings = Settings.from_env({"AKG_MAX_ROWS": "5"})
    overridden = settings.with_overrides(store_path=Path("other"), api_token=None)
    assert overridden.store_path == Path("other")
    assert overridden.max_rows == 5
    assert overridden.api_token is None


def test_the_entity_recogniser_is_part_of_the_extractor_version(extractor: Extractor) -> None:
    """Switching AKG_NER re-extracts: the model recogniser's extractions carry another version."""
    with_model_ner = spacy.blank("en")
    with_model_ner.add_pipe("ner")
    assert extractor.version == extractor_version("rules") == EXTRACTOR_VERSION
    assert Extractor(with_model_ner, extractor.gazetteer).version == extractor_version("model")
    assert extractor_version("model") != EXTRACTOR_VERSION
