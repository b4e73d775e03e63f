"""Settings, read once from the environment; nothing else in the package reads it.

Every key is named `AKG_*`; an invalid value raises `SettingsError` naming the key.
Command-line flags override a loaded `Settings` with `settings.with_overrides(...)`.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

NerKind = Literal["rules", "model"]  # how the extractor finds entities the gazetteer does not


class SettingsError(ValueError):
    """An environment variable holds a value the service cannot use."""


@dataclass(frozen=True)
class Settings:
    """Where the triples live, who may write, and the limits requests run under."""

    store_path: Path = Path("var/store")
    sparql_query_url: str | None = None
    sparql_update_url: str | None = None
    sparql_store_url: str | None = None
    sparql_user: str | None = None
    sparql_password: str | None = None
    sparql_auth: Literal["basic", "digest"] = "basic"  # how AKG_SPARQL_USER authenticates
    api_token: str | None = None
    query_timeout: float = 30.0
    max_body_bytes: int = 2_000_000
    max_rows: int = 100_000
    cors_origins: tuple[str, ...] = ()
    service_allowlist: tuple[str, ...] = ()
    ner: NerKind = "rules"

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> Settings:
        """Read every `AKG_*` key; unset or empty keys keep their defaults."""
        return cls(
            store_path=Path(_text(environ, "AKG_STORE") or cls.store_path),
            sparql_query_url=_text(environ, "AKG_SPARQL_QUERY_URL"),
            sparql_update_url=_text(environ, "AKG_SPARQL_UPDATE_URL"),
            sparql_store_url=_text(environ, "AKG_SPARQL_STORE_URL"),
            sparql_user=_text(environ, "AKG_SPARQL_USER"),
            sparql_password=_text(environ, "AKG_SPARQL_PASSWORD"),
            sparql_auth=_http_auth(environ, "AKG_SPARQL_AUTH"),
            api_token=_text(environ, "AKG_API_TOKEN"),
            query_timeout=_positive_seconds(environ, "AKG_QUERY_TIMEOUT", cls.query_timeout),
            max_body_bytes=_positive_int(environ, "AKG_MAX_BODY_BYTES", cls.max_body_bytes),
            max_rows=_positive_int(environ, "AKG_MAX_ROWS", cls.max_rows),
            cors_origins=_comma_list(environ, "AKG_CORS_ORIGINS"),
            service_allowlist=_comma_list(environ, "AKG_SERVICE_ALLOWLIST"),
            ner=_ner_kind(environ, "AKG_NER"),
        )

    def with_overrides(self, **overrides: Any) -> Settings:
        """A copy with the given fields replaced; `None` values (flags not given) are ignored."""
        return dataclasses.replace(
            self, **{name: value for name, value in overrides.items() if value is not None}
        )

    @property
    def remote(self) -> bool:
        """Whether a remote SPARQL server is configured instead of the embedded store."""
        return self.sparql_query_url is not None


def _text(environ: Mapping[str, str], key: str) -> str | None:
    value = environ.get(key, "").strip()
    return value or None


def _positive_seconds(environ: Mapping[str, str], key: str, default: float) -> float:
    raw = _text(environ, key)
    if raw is None:
        return default
    try:
        value = float(raw)
    except ValueError:
        value = 0.0
    if not value > 0 or value == float("inf"):
        raise SettingsError(f"{key} must be a positive number of seconds, got {raw!r}")
    return value


def _positive_int(environ: Mapping[str, str], key: str, default: int) -> int:
    raw = _text(environ, key)
    if raw is None:
        return default
    try:
        value = int(raw.replace("_", ""))
    except ValueError:
        value = 0
    if value <= 0:
        raise SettingsError(f"{key} must be a positive whole number, got {raw!r}")
    return value


def _http_auth(environ: Mapping[str, str], key: str) -> Literal["basic", "digest"]:
    raw = _text(environ, key) or "basic"
    if raw.lower() == "basic":
        return "basic"
    if raw.lower() == "digest":
        return "digest"
    raise SettingsError(f"{key} must be basic or digest, got {raw!r}")


def _ner_kind(environ: Mapping[str, str], key: str) -> NerKind:
    raw = (_text(environ, key) or "rules").lower()
    if raw == "rules":
        return "rules"
    if raw == "model":
        return "model"
    raise SettingsError(f"{key} must be rules or model, got {raw!r}")


def _comma_list(environ: Mapping[str, str], key: str) -> tuple[str, ...]:
    raw = _text(environ, key) or ""
    return tuple(item.strip() for item in raw.split(",") if item.strip())
