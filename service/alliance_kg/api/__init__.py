"""The HTTP service: `create_app(settings, store, ingestor)` and its routers."""

from alliance_kg.api.app import create_app
from alliance_kg.api.ports import Ingestor

__all__ = ["Ingestor", "create_app"]
