"""The seed checks, shared by the end-to-end tests over every store backend.

Each `check_*` asks a running `akg serve` at `service` (its base URL) through SPARQLWrapper
or plain HTTP; `ids` maps "000" and "002" to the seeds' article ids. What each seed must
yield is the spine issue's list. `SERVING` starts `akg serve` and waits until it listens.
"""

from __future__ import annotations

import queue
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import httpx
import rdflib
from SPARQLWrapper import JSON, SPARQLWrapper

from alliance_kg.iris import article_graph, country_iri
from alliance_kg.reading import read_file
from servers import free_port
from shacl_support import conforms

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
SEED_000 = SEEDS / "000_a9c0c3e40ead7283.txt"
SEED_002 = SEEDS / "002_cfab73d4a0f76d39.txt"
AKG = str(Path(sys.executable).with_name("akg"))
TOKEN = "e2e-secret-token"
T = TypeVar("T")
PREFIXES = """
PREFIX ak: <https://w3id.org/alliance-kg/ontology#>
PREFIX akr: <https://w3id.org/alliance-kg/resource/>
PREFIX country: <https://w3id.org/alliance-kg/resource/country/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""


def akg(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    """Run the `akg` command with `env`; its output captured."""
    return subprocess.run([AKG, *args], env=env, capture_output=True, text=True, timeout=300)


def seed_ids() -> dict[str, str]:
    return {"000": read_file(SEED_000)[0].id, "002": read_file(SEED_002)[0].id}


def ingest_seeds(env: dict[str, str]) -> dict[str, str]:
    """`akg ingest` both seeds into the store `env` names; their article ids."""
    done = akg(env, "ingest", str(SEED_000), str(SEED_002))
    assert done.returncode == 0, done.stderr
    return seed_ids()


def export_nquads(env: dict[str, str]) -> str:
    """The whole store as N-Quads, through `akg export`."""
    dump = akg(env, "export", "--format", "nq")
    assert dump.returncode == 0, dump.stderr
    return dump.stdout


@contextmanager
def serving(env: dict[str, str], *options: str) -> Iterator[str]:
    """Run `akg serve` with `env` on a free port; yield its base URL, stop it on exit."""
    port = free_port()
    process = subprocess.Popen(
        [AKG, "serve", "--port", str(port), *options], env=env, stderr=subprocess.PIPE, text=True
    )
    workers = int(options[options.index("--workers") + 1]) if "--workers" in options else 1
    try:
        _wait_for_startup(process, workers)
        url = f"http://127.0.0.1:{port}"
        _probe(url)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


def _probe(url: str, deadline: float = 30.0) -> None:
    """Readiness: GET /health until it answers. With several workers the parent binds the
    socket but each worker starts listening after its startup, so the log alone can't tell."""
    give_up = time.monotonic() + deadline
    while True:
        try:
            httpx.get(f"{url}/health", timeout=5).raise_for_status()
            return
        except httpx.TransportError:
            if time.monotonic() > give_up:
                raise
            threading.Event().wait(0.05)


def _wait_for_startup(process: subprocess.Popen[str], workers: int = 1) -> None:
    """Read the server's log until uvicorn listens and every worker has started."""
    lines: queue.Queue[str | None] = queue.Queue()

    def pump() -> None:
        assert process.stderr is not None
        for line in process.stderr:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=pump, daemon=True).start()
    seen: list[str] = []
    while True:
        line = lines.get(timeout=120)
        if line is None:
            raise RuntimeError("akg serve exited:\n" + "".join(seen))
        seen.append(line)
        started = sum("Application startup complete" in seen_line for seen_line in seen)
        if any("Uvicorn running on" in x for x in seen) and started >= workers:
            return


def select(service: str, query: str) -> list[dict[str, str]]:
    client = SPARQLWrapper(f"{service}/sparql")
    client.setQuery(PREFIXES + query)
    client.setReturnFormat(JSON)
    answer = client.query().convert()
    assert isinstance(answer, dict)
    return [{k: v["value"] for k, v in row.items()} for row in answer["results"]["bindings"]]


def events_of(service: str, article: str, event_class: str, *actors: str) -> list[str]:
    """Events of a class that an article's graph asserts with all the given actors."""
    actor_patterns = " ".join(f"?e ak:participant <{country_iri(a)}> ." for a in actors)
    rows = select(
        service,
        f"SELECT DISTINCT ?e WHERE {{ GRAPH <{article_graph(article)}> {{ ?e a ak:{event_class} . "
        f"{actor_patterns} }} }}",
    )
    return [row["e"] for row in rows]


def only(items: list[T]) -> T:
    assert len(items) == 1, items
    return items[0]


def status_in(service: str, article: str, event: str) -> str:
    rows = select(
        service,
        f"SELECT ?s WHERE {{ GRAPH <{article_graph(article)}> {{ <{event}> ak:status ?s }} }}",
    )
    assert len(rows) == 1, rows
    return rows[0]["s"].rsplit("#", 1)[1]


def labels_of(service: str, event: str, role: str) -> set[str]:
    rows = select(
        service,
        f"SELECT ?l WHERE {{ <{event}> ak:{role} ?x . ?x rdfs:label|skos:altLabel ?l }}",
    )
    return {row["l"].lower() for row in rows}


def check_joint_production_is_planned_and_shared(service: str, ids: dict[str, str]) -> None:
    event = only(events_of(service, ids["000"], "JointProduction", "JPN", "USA"))
    assert status_in(service, ids["000"], event) == "Planned"
    materiel = labels_of(service, event, "materiel")
    assert "howitzer" in materiel
    assert {"defense equipment", "parts"} & materiel
    assert event in events_of(service, ids["002"], "JointProduction", "JPN", "USA")


def check_leaders_meeting(service: str, ids: dict[str, str]) -> None:
    event = only(events_of(service, ids["000"], "LeadersMeeting", "JPN", "USA"))
    assert status_in(service, ids["000"], event) == "Expected"
    people = labels_of(service, event, "participant")
    assert {"fumio kishida", "joe biden"} <= people
    dates = select(service, f"SELECT ?d WHERE {{ <{event}> ak:date ?d }}")
    assert [row["d"] for row in dates] == ["2024-04-10"]
    assert any("washington" in label for label in labels_of(service, event, "location"))
    assert event in events_of(service, ids["002"], "LeadersMeeting", "JPN", "USA")


def check_aid_and_the_shortfall_it_causes(service: str, ids: dict[str, str]) -> None:
    aid = only(
        select(
            service,
            f"SELECT ?e WHERE {{ GRAPH <{article_graph(ids['000'])}> {{ ?e a ak:MilitaryAid ; "
            "ak:donor country:USA ; ak:recipient country:UKR } }",
        )
    )["e"]
    assert status_in(service, ids["000"], aid) == "Ongoing"
    shortfall = only(events_of(service, ids["000"], "CapacityShortfall", "USA"))
    assert {"artillery shell", "missile"} <= labels_of(service, shortfall, "materiel")
    causes = select(service, f"SELECT ?c WHERE {{ <{shortfall}> ak:cause ?c }}")
    assert aid in {row["c"] for row in causes}
    for event in (aid, shortfall):
        reports = select(service, f"SELECT ?a WHERE {{ <{event}> ak:reportedIn ?a }}")
        assert len(reports) == 2


def check_policy_change_last_december(service: str, ids: dict[str, str]) -> None:
    event = only(events_of(service, ids["000"], "PolicyChange", "JPN"))
    assert status_in(service, ids["000"], event) == "Completed"
    assert any("three principles" in p for p in labels_of(service, event, "policy"))
    dates = select(service, f"SELECT ?d WHERE {{ <{event}> ak:date ?d }}")
    assert [row["d"] for row in dates] == ["2023-12"]


def check_patriot_transfer_agreed(service: str, ids: dict[str, str]) -> None:
    rows = select(
        service,
        f"SELECT ?e WHERE {{ GRAPH <{article_graph(ids['000'])}> {{ ?e a ak:ArmsTransfer ; "
        "ak:supplier country:JPN ; ak:recipient country:USA } }",
    )
    event = only([row["e"] for row in rows])
    assert status_in(service, ids["000"], event) == "Agreed"
    assert "patriot" in labels_of(service, event, "materiel")


def check_supply_chain_and_maintenance(service: str, ids: dict[str, str]) -> None:
    supply = only(events_of(service, ids["000"], "SupplyChainCooperation", "JPN", "USA"))
    assert supply in events_of(service, ids["002"], "SupplyChainCooperation", "JPN", "USA")
    rows = select(
        service,
        f"SELECT ?e WHERE {{ GRAPH <{article_graph(ids['000'])}> {{ "
        "?e a ak:MaintenanceCooperation ; "
        "ak:provider country:JPN ; ak:client country:USA } }",
    )
    maintenance = only([row["e"] for row in rows])
    assert status_in(service, ids["000"], maintenance) == "Considered"
    materiel = labels_of(service, maintenance, "materiel")
    assert "naval vessel" in materiel and "f-35a" in materiel
    assert status_in(service, ids["002"], maintenance) == "Considered"


def check_attribution_on_mentions(service: str, ids: dict[str, str]) -> None:
    event = only(events_of(service, ids["000"], "JointProduction", "JPN", "USA"))
    rows = select(
        service,
        f"SELECT ?who ?start ?end ?text WHERE {{ <{event}> ak:evidence ?m . ?m ak:inArticle "
        f"<https://w3id.org/alliance-kg/resource/article/{ids['000']}> ; ak:start ?start ; "
        "ak:end ?end ; ak:text ?text OPTIONAL { ?m ak:attribution ?who } }",
    )
    body = read_file(SEED_000)[0].text
    assert rows and all(body[int(r["start"]) : int(r["end"])] == r["text"] for r in rows)
    assert "sources in both governments" in {r.get("who") for r in rows}


def check_deployment_from_the_rewrite_only(service: str, ids: dict[str, str]) -> None:
    event = only(events_of(service, ids["002"], "PersonnelDeployment", "JPN"))
    assert status_in(service, ids["002"], event) == "Considered"
    assert "ukraine" in labels_of(service, event, "location")
    assert not events_of(service, ids["000"], "PersonnelDeployment", "JPN")


def check_graphs_conform_to_the_shapes(exported: str) -> None:
    dataset = rdflib.Dataset()
    dataset.parse(data=exported, format="nquads")
    articles = rdflib.Dataset()
    for graph in dataset.graphs():
        if "/graph/article/" in str(graph.identifier):
            copy = articles.graph(graph.identifier)
            for triple in graph:
                copy.add(triple)
    ok, report = conforms(articles)
    assert ok, report


def check_reingest_changes_nothing_and_delete_keeps_the_other(
    service: str, ids: dict[str, str]
) -> None:
    def graph_of(article: str) -> set[tuple[str, ...]]:
        rows = select(
            service,
            f"SELECT ?s ?p ?o WHERE {{ GRAPH <{article_graph(article)}> {{ ?s ?p ?o }} }}",
        )
        return {(r["s"], r["p"], r["o"]) for r in rows}

    before = {key: graph_of(a) for key, a in ids.items()}
    with httpx.Client(base_url=service, timeout=120) as http:
        again = http.post(
            "/articles",
            json={"text": read_file(SEED_002)[0].text},
            headers={"Authorization": f"Bearer {TOKEN}"},
        )
        assert again.status_code == 200, again.text
        assert {key: graph_of(a) for key, a in ids.items()} == before
        gone = http.delete(f"/articles/{ids['002']}", headers={"Authorization": f"Bearer {TOKEN}"})
        assert gone.status_code == 204
    assert graph_of(ids["002"]) == set()
    assert graph_of(ids["000"]) == before["000"]


Check = Callable[[str, dict[str, str]], None]
# Every check that reads only; `check_reingest_changes_nothing_and_delete_keeps_the_other`
# deletes a seed and goes last.
READ_ONLY_CHECKS: tuple[Check, ...] = (
    check_joint_production_is_planned_and_shared,
    check_leaders_meeting,
    check_aid_and_the_shortfall_it_causes,
    check_policy_change_last_december,
    check_patriot_transfer_agreed,
    check_supply_chain_and_maintenance,
    check_attribution_on_mentions,
    check_deployment_from_the_rewrite_only,
)
