"""A stateless service tier: several `akg serve` processes over one Oxigraph server.

Twenty articles posted at once, half to each service (one of them with two workers), must
all be stored whole — each article graph exactly the quads the mapping makes of it — and
none twice.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from pathlib import Path

import httpx
import pytest
from pyoxigraph import NamedNode

from alliance_kg.iris import article_graph
from alliance_kg.model import Article
from alliance_kg.pipeline import Extractor
from alliance_kg.rdf.mapping import extraction_to_quads
from alliance_kg.reading import iter_article_files, read_file
from alliance_kg.store.remote import RemoteStore
from seed_checks import akg, serving
from servers import Endpoints, start_sparql_server

DATA = Path(__file__).resolve().parents[1] / "data" / "articles"
TOKEN = "workers-token"


@pytest.fixture(scope="module")
def endpoints(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Endpoints]:
    with start_sparql_server("oxigraph", tmp_path_factory.mktemp("oxigraph")) as found:
        yield found


@pytest.fixture(scope="module")
def env(endpoints: Endpoints, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    store_dir = tmp_path_factory.mktemp("workers") / "store"
    return {**os.environ, **endpoints.env(), "AKG_STORE": str(store_dir), "AKG_API_TOKEN": TOKEN}


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    return [read_file(path)[0] for path in sorted(iter_article_files([DATA]))][:20]


def _post(service: str, article: Article) -> int:
    payload = {"text": article.text, "title": article.title, "publisher": article.publisher}
    if article.published is not None:
        payload["published"] = article.published.isoformat()
    response = httpx.post(
        f"{service}/articles",
        json=payload,
        headers={"Authorization": f"Bearer {TOKEN}"},
        timeout=120,
    )
    assert response.status_code in (200, 201), response.text
    return response.status_code


def test_embedded_store_refuses_workers(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("AKG_")}
    done = akg({**env, "AKG_STORE": str(tmp_path / "store")}, "serve", "--workers", "2")
    assert done.returncode == 2
    assert "--workers needs a remote store" in done.stderr


def test_two_services_ingesting_at_once_lose_nothing(
    env: dict[str, str], endpoints: Endpoints, articles: list[Article]
) -> None:
    with ExitStack() as running:
        services = [
            running.enter_context(serving(env, "--workers", "2")),
            running.enter_context(serving(env)),
        ]
        jobs = [(services[n % 2], article) for n, article in enumerate(articles)]
        with ThreadPoolExecutor(max_workers=8) as pool:
            codes = list(pool.map(lambda job: _post(*job), jobs))
        assert codes.count(201) == len(articles)
        listed = httpx.get(f"{services[0]}/articles", params={"limit": 100}, timeout=60).json()
    assert sorted(item["id"] for item in listed["articles"]) == sorted(a.id for a in articles)

    extractor = Extractor.load()
    store: RemoteStore = endpoints.store()
    for article in articles:
        expected = {
            (str(q.subject), str(q.predicate), str(q.object))
            for q in extraction_to_quads(
                extractor.extract(article), extractor_version=extractor.version
            )
        }
        rows = store.query(
            "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }",
            substitutions={"g": NamedNode(article_graph(article.id))},
        )
        stored = {(str(r["s"]), str(r["p"]), str(r["o"])) for r in rows}
        assert stored == expected, article.id
