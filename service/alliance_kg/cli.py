"""The `akg` command: ingest, serve, reindex, query, load, export; the only place that wires stages.

Exit codes: 0 success, 2 bad input or usage (nothing written), 1 any other failure.
Expected errors print one line on stderr, never a traceback. The spaCy pipeline and the
web stack are imported by the commands that need them, so `akg query` starts quickly.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, closing, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Never

from pyoxigraph import (
    NamedNode,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    RdfFormat,
    parse,
)
from tqdm import tqdm

from alliance_kg import extractor_version
from alliance_kg.bulk import BULK_THRESHOLD, BulkIngest, BulkIngestError, load_pipeline_extractor
from alliance_kg.index import ReadIndex, ReadIndexError
from alliance_kg.ingest import Ingest, LazyExtractor
from alliance_kg.model import Article, IngestReport
from alliance_kg.rdf.base_graphs import BaseGraphError, ensure_base_graphs
from alliance_kg.rdf.mapping import MappingError
from alliance_kg.reading import ReadingError, iter_article_files, read_file
from alliance_kg.settings import Settings, SettingsError
from alliance_kg.store.base import QueryError, Store, StoreError
from alliance_kg.store.factory import open_store

if TYPE_CHECKING:
    from fastapi import FastAPI

PROGRESS_BAR_THRESHOLD = 20

# Format names are file extensions, resolved by pyoxigraph (`from_extension`).
QUERY_FORMATS = ("json", "xml", "csv", "tsv", "ttl", "nt", "jsonld")
EXPORT_FORMATS = ("nq", "trig")


class UsageError(Exception):
    """Input the command cannot use: an unreadable file, a bad query, a wrong format."""


Command = Callable[[argparse.Namespace, Settings], int]


def main(argv: Sequence[str] | None = None) -> int:
    """Run `akg` with `argv` (default: the process arguments); return the exit code."""
    args = build_parser().parse_args(argv)
    logging.basicConfig(format="akg: %(message)s", level=logging.WARNING)
    try:
        settings = Settings.from_env().with_overrides(store_path=args.store)
        command: Command = args.command
        return command(args, settings)
    except (UsageError, SettingsError, BaseGraphError) as error:
        print(f"akg: {error}", file=sys.stderr)
        return 2
    except StoreError as error:
        print(f"akg: store error: {error}", file=sys.stderr)
        return 1
    except (MappingError, BulkIngestError, ReadIndexError, OSError) as error:
        print(f"akg: {error}", file=sys.stderr)
        return 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="akg", description="Alliance defence-policy knowledge graph."
    )
    parser.add_argument(
        "--store", type=Path, metavar="DIR", help="embedded store directory (overrides AKG_STORE)"
    )
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    ingest = commands.add_parser("ingest", help="ingest article files or folders")
    ingest.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    ingest.add_argument(
        "--workers",
        type=_positive_int,
        default=1,
        help="extraction processes; more than one (or over 200 articles) takes the bulk path",
    )
    ingest.add_argument(
        "--work-dir",
        type=Path,
        metavar="DIR",
        help="the bulk path's shards and resume manifest (default: the store directory + .ingest)",
    )
    ingest.add_argument("--shard-size", type=_positive_int, metavar="N", help="articles per shard")
    ingest.set_defaults(command=run_ingest)

    serve = commands.add_parser("serve", help="serve the HTTP API")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--get", metavar="PATH", help="answer one GET in-process, print it, exit")
    serve.add_argument(
        "--workers", type=_positive_int, default=1, help="worker processes (remote store only)"
    )
    serve.set_defaults(command=run_serve)

    query = commands.add_parser("query", help="run a SPARQL query and print its results")
    query.add_argument("query", metavar="QUERY_OR_FILE")
    query.add_argument("--format", choices=QUERY_FORMATS)
    query.set_defaults(command=run_query)

    reindex = commands.add_parser("reindex", help="rebuild the REST read index from the store")
    reindex.set_defaults(command=run_reindex)

    load = commands.add_parser("load", help="bulk-load N-Quads, TriG, Turtle or N-Triples")
    load.add_argument("files", nargs="+", type=Path, metavar="FILE")
    load.add_argument("--graph", metavar="IRI", help="target graph of triples formats")
    load.set_defaults(command=run_load)

    export = commands.add_parser("export", help="dump the whole store")
    export.add_argument("--format", choices=EXPORT_FORMATS, default="nq")
    export.add_argument("-o", "--output", type=Path, metavar="FILE", help="default: stdout")
    export.set_defaults(command=run_export)
    return parser


def run_ingest(args: argparse.Namespace, settings: Settings) -> int:
    articles = read_articles(args.paths)
    titles = {article.id: article.title or "" for article in articles}
    with (
        _opened(settings) as store,
        _indexed(settings, store) as index,
        _progress_bar(len(titles)) as bar,
    ):

        def report(done: IngestReport) -> None:
            bar.update()
            bar.write(_describe(done, titles[done.article_id]), file=sys.stdout)

        if args.workers > 1 or len(titles) > BULK_THRESHOLD:
            store_path = settings.store_path
            work_dir = args.work_dir or store_path.with_name(f"{store_path.name}.ingest")
            bulk = BulkIngest(
                store,
                load_pipeline_extractor,
                extractor_version(settings.ner),
                work_dir,
                workers=args.workers,
                shard_size=args.shard_size,
                index=index,
            )
            bulk.run(articles, progress=report)
        else:
            from alliance_kg.pipeline import Extractor

            Ingest(Extractor.load(), store, index).ingest_many(articles, progress=report)
    return 0


def read_articles(paths: Sequence[Path]) -> list[Article]:
    """Every article of every file under `paths`, all read before anything is written."""
    articles: list[Article] = []
    try:
        for path in iter_article_files(paths):
            articles.extend(read_file(path))
    except ReadingError as error:
        raise UsageError(str(error)) from error
    if not articles:
        raise UsageError(f"no articles found in {', '.join(map(str, paths))}")
    return articles


def run_serve(args: argparse.Namespace, settings: Settings) -> int:
    from alliance_kg.api.app import create_app
    from alliance_kg.pipeline import Extractor

    if args.workers > 1:
        return _serve_workers(args, settings)
    with _opened(settings) as store, _indexed(settings, store) as index:
        ingestor = Ingest(LazyExtractor(Extractor.load), store, index)
        app = create_app(settings, store, ingestor, index)
        if args.get is not None:
            from fastapi.testclient import TestClient

            with TestClient(app) as client:
                response = client.get(args.get)
            print(response.text)
            return 0 if response.status_code == 200 else 1
        import uvicorn

        uvicorn.run(app, host=args.host, port=args.port)
    return 0


def _serve_workers(args: argparse.Namespace, settings: Settings) -> int:
    """Several stateless uvicorn workers over one remote store (and one shared read index)."""
    if not settings.remote:
        raise UsageError(
            "--workers needs a remote store (AKG_SPARQL_QUERY_URL): "
            "the embedded store can be opened by one process only"
        )
    with _opened(settings) as store, _indexed(settings, store):
        pass  # base graphs loaded and the index built once, before the workers start
    os.environ["AKG_STORE"] = str(settings.store_path)  # the workers' index path
    import uvicorn

    uvicorn.run(
        "alliance_kg.cli:app_from_env",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
    )
    return 0


def app_from_env() -> FastAPI:
    """The app of one worker process, configured from the environment alone.

    Its store and index stay open for the life of the process.
    """
    from alliance_kg.api.app import create_app
    from alliance_kg.pipeline import Extractor

    settings = Settings.from_env()
    resources = ExitStack()
    store = resources.enter_context(_opened(settings))
    index = resources.enter_context(_indexed(settings, store))
    app = create_app(settings, store, Ingest(LazyExtractor(Extractor.load), store, index), index)
    app.state.resources = resources  # held by the app, so the store and index stay open
    return app


def run_reindex(args: argparse.Namespace, settings: Settings) -> int:
    with _opened(settings) as store:
        ensure_base_graphs(store)
        with closing(ReadIndex.open(index_path(settings))) as index:
            count = index.rebuild(store)
    print(f"indexed {count} articles into {index_path(settings)}")
    return 0


def run_query(args: argparse.Namespace, settings: Settings) -> int:
    candidate = Path(args.query)
    sparql = candidate.read_text(encoding="utf-8") if candidate.is_file() else args.query
    with _opened(settings) as store:
        try:
            result = store.query(sparql, timeout=settings.query_timeout)
        except QueryError as error:
            raise UsageError(f"invalid query: {error}") from error
        if isinstance(result, QuerySolutions | QueryBoolean):
            results_format = QueryResultsFormat.from_extension(args.format or "json")
            if results_format is None:
                raise UsageError(f"query results cannot be written as {args.format}")
            output = result.serialize(format=results_format)
        else:
            graph_format = RdfFormat.from_extension(args.format or "ttl")
            if graph_format is None:
                raise UsageError(f"graph results cannot be written as {args.format}")
            output = result.serialize(format=graph_format)
    output = output or b""
    sys.stdout.buffer.write(output if output.endswith(b"\n") else output + b"\n")
    sys.stdout.flush()
    return 0


def run_load(args: argparse.Namespace, settings: Settings) -> int:
    sources = [(path, _rdf_format_of(path, args.graph)) for path in args.files]
    written: set[str] = set()
    with _opened(settings) as store:
        for path, rdf_format in sources:
            data = path.read_bytes()
            try:
                store.load(data, rdf_format, graph=args.graph)
            except QueryError as error:
                raise UsageError(f"{path}: {error}") from error
            written |= _graphs_written(data, rdf_format, args.graph)
            print(f"loaded {path}")
        with closing(ReadIndex.open(index_path(settings))) as index:
            index.refresh_graphs(store, written)
    return 0


def _graphs_written(data: bytes, rdf_format: RdfFormat, graph: str | None) -> set[str]:
    """The named graphs loading `data` writes: those its quads name, or `graph` for triples."""
    if not rdf_format.supports_datasets:
        return {graph} if graph else set()
    names = {quad.graph_name for quad in parse(data, rdf_format)}
    return {name.value for name in names if isinstance(name, NamedNode)}


def run_export(args: argparse.Namespace, settings: Settings) -> int:
    with _opened(settings) as store:
        data = store.dump(RdfFormat.from_extension(args.format) or RdfFormat.N_QUADS)
    if args.output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        args.output.write_bytes(data)
    return 0


@contextmanager
def _opened(settings: Settings) -> Iterator[Store]:
    store = open_store(
        path=settings.store_path,
        query_url=settings.sparql_query_url,
        update_url=settings.sparql_update_url,
        store_url=settings.sparql_store_url,
        user=settings.sparql_user,
        password=settings.sparql_password,
        auth=settings.sparql_auth,
    )
    try:
        yield store
    finally:
        store.close()


def index_path(settings: Settings) -> Path:
    """The read index file: beside the embedded store directory, `<store>.index.sqlite`."""
    return settings.store_path.with_name(f"{settings.store_path.name}.index.sqlite")


@contextmanager
def _indexed(settings: Settings, store: Store) -> Iterator[ReadIndex]:
    """The read index, with the base graphs loaded and indexed; built if it was empty."""
    ensure_base_graphs(store)
    with closing(ReadIndex.open(index_path(settings))) as index:
        if index.stats().articles == 0:
            index.rebuild(store)
        else:
            index.sync_reference(store)
        yield index


def _progress_bar(total: int) -> tqdm[Never]:
    """A bar on stderr for long runs; report lines go through `bar.write` to stdout."""
    return tqdm(
        total=total, unit="article", file=sys.stderr, disable=total <= PROGRESS_BAR_THRESHOLD
    )


def _rdf_format_of(path: Path, graph: str | None) -> RdfFormat:
    if not path.is_file():
        raise UsageError(f"{path} does not exist or is not a file")
    rdf_format = RdfFormat.from_extension(path.suffix.lstrip("."))
    if rdf_format is None:
        raise UsageError(f"{path}: unknown RDF file suffix {path.suffix!r}")
    if not rdf_format.supports_datasets and graph is None:
        raise UsageError(f"{path} holds triples: name their graph with --graph IRI")
    return rdf_format


def _describe(report: IngestReport, title: str) -> str:
    if report.created:
        return f'added {report.article_id} "{title}" ({len(report.events)} events)'
    return f"unchanged {report.article_id}"


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value
