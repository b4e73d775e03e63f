"""Reading articles from files and payloads: every format, every error class."""

from __future__ import annotations

import json
import time
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from alliance_kg.model import Article, article_id, normalise_text
from alliance_kg.reading import (
    DEFAULT_MAX_CHARS,
    SUPPORTED_SUFFIXES,
    ArticleTooLargeError,
    EmptyArticleError,
    InvalidDateError,
    MalformedInputError,
    ReadingError,
    UnsupportedFileTypeError,
    iter_article_files,
    parse_published,
    read_file,
    read_payload,
)

SHARED = Path(__file__).parents[1].parent / "shared"
SEEDS = SHARED / "seeds"
DEV_ARTICLES = SHARED / "dev-articles"
FIXTURES = Path(__file__).parent / "fixtures" / "reading"

BODY = "Two shipyards agreed to repair allied frigates.\n\nWork starts next spring."


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def only_article(path: Path) -> Article:
    articles = read_file(path)
    assert len(articles) == 1
    return articles[0]


# --- the seeds and the dev articles ------------------------------------------------------


def seed(prefix: str) -> Path:
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    return path


def test_seed_metadata_comes_from_the_sidecar() -> None:
    first = only_article(seed("000"))
    assert first.publisher == "The Yomiuri Shimbun"
    assert first.published == date(2024, 3, 10)
    assert first.title is not None and first.title.startswith("Japan, U.S. Eye")
    assert first.url is not None and first.url.startswith("https://japannews.yomiuri.co.jp/")

    second = only_article(seed("002"))
    assert second.published is None
    assert second.publisher == "socialbites.ca"


def test_seed_text_is_normalised_body_and_id_is_stable() -> None:
    path = seed("000")
    raw = path.read_text(encoding="utf-8")
    article = only_article(path)
    assert article.text == normalise_text(raw)
    assert article.id == article_id(raw)
    assert only_article(path).id == article.id
    assert read_payload({"text": raw}).id == article.id
    assert only_article(seed("002")).id != article.id


@pytest.mark.parametrize("path", sorted(DEV_ARTICLES.glob("*.txt")), ids=lambda p: p.stem)
def test_dev_article_header_is_parsed(path: Path) -> None:
    raw = path.read_text(encoding="utf-8")
    header, _, body = raw.partition("\n---\n")
    fields = dict(line.split(": ", 1) for line in header.splitlines())
    article = only_article(path)
    assert article.title == fields["title"]
    assert article.publisher == fields["publisher"]
    assert article.published == date.fromisoformat(fields["published"])
    assert article.url == fields["url"]
    assert article.text == normalise_text(body)
    assert "---" not in article.text.split("\n", 1)[0]


# --- finding files -------------------------------------------------------------------------


def test_iter_article_files_on_seeds_yields_the_two_texts() -> None:
    found = list(iter_article_files([SEEDS]))
    assert [path.name for path in found] == sorted(path.name for path in SEEDS.glob("*.txt"))
    assert len(found) == 2


def test_iter_article_files_skips_furniture_and_recurses_sorted(tmp_path: Path) -> None:
    for name in (
        "b.md",
        "a.txt",
        "a.meta.json",
        "sub/c.jsonl",
        "sub/d.htm",
        "x.gold.yaml",
        "README.md",
        ".hidden.txt",
        ".git/e.txt",
        "notes.pdf",
    ):
        write(tmp_path, name, "x")
    found = [path.relative_to(tmp_path).as_posix() for path in iter_article_files([tmp_path])]
    assert found == ["a.txt", "b.md", "sub/c.jsonl", "sub/d.htm"]


def test_iter_article_files_named_files(tmp_path: Path) -> None:
    article = write(tmp_path, "a.TXT", "x")
    assert list(iter_article_files([article, tmp_path])) == [article]
    with pytest.raises(UnsupportedFileTypeError, match=r"notes\.pdf.*'\.pdf'"):
        list(iter_article_files([write(tmp_path, "notes.pdf", "x")]))
    with pytest.raises(UnsupportedFileTypeError, match="sidecar"):
        list(iter_article_files([write(tmp_path, "a.meta.json", "{}")]))
    with pytest.raises(ReadingError, match=r"missing\.txt: no such file"):
        list(iter_article_files([tmp_path / "missing.txt"]))


def test_read_file_refuses_unsupported_and_missing(tmp_path: Path) -> None:
    assert SUPPORTED_SUFFIXES == (".txt", ".md", ".json", ".jsonl", ".html", ".htm")
    with pytest.raises(UnsupportedFileTypeError, match="supported are"):
        read_file(write(tmp_path, "a.docx", "x"))
    with pytest.raises(ReadingError, match="no such file"):
        read_file(tmp_path / "gone.txt")


# --- plain text ----------------------------------------------------------------------------


def test_txt_without_header_is_all_body(tmp_path: Path) -> None:
    article = only_article(write(tmp_path, "a.txt", "Summary: not a header\n---\n" + BODY))
    assert article.text.startswith("Summary: not a header")
    assert article.title is None and article.published is None


def test_txt_header_needs_its_closing_line(tmp_path: Path) -> None:
    article = only_article(write(tmp_path, "a.txt", "title: Looks like a header\n\n" + BODY))
    assert article.title is None
    assert article.text.startswith("title: Looks like a header")


def test_sidecar_wins_over_header_field_by_field(tmp_path: Path) -> None:
    header = "title: Header title\npublisher: Header Press\npublished: 2024-01-02\n---\n"
    path = write(tmp_path, "a.txt", header + BODY)
    sidecar = {"title": "Sidecar title", "published": None, "note": "ignored"}
    write(tmp_path, "a.meta.json", json.dumps(sidecar))
    article = only_article(path)
    assert article.title == "Sidecar title"
    assert article.publisher == "Header Press"
    assert article.published == date(2024, 1, 2)
    assert article.text == normalise_text(BODY)


def test_bad_sidecar_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", BODY)
    write(tmp_path, "a.meta.json", '{"author": "someone"}')
    with pytest.raises(MalformedInputError, match=r"a\.meta\.json: unknown field.*'author'"):
        read_file(path)
    write(tmp_path, "a.meta.json", '{"title": ')
    with pytest.raises(MalformedInputError, match=r"a\.meta\.json: invalid JSON"):
        read_file(path)


def test_header_with_bad_date_names_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "title: T\npublished: 2024-13-45\n---\n" + BODY)
    with pytest.raises(InvalidDateError, match=r"a\.txt field 'published'.*2024-13-45"):
        read_file(path)


def test_bom_crlf_and_mixed_scripts_are_kept(tmp_path: Path) -> None:
    body = "日本と米国は防衛装備品の共同生産を強化する。\r\nJapan and the U.S. agreed.  \r\n"
    article = only_article(write(tmp_path, "a.txt", b"\xef\xbb\xbf" + body.encode()))
    assert (
        article.text == "日本と米国は防衛装備品の共同生産を強化する。\nJapan and the U.S. agreed."
    )


@pytest.mark.parametrize(
    ("content", "problem"),
    [(b"abc\x00def", "NUL byte at offset 3"), (b"caf\xe9 au lait", "invalid byte at offset 3")],
)
def test_binary_input_is_refused(tmp_path: Path, content: bytes, problem: str) -> None:
    with pytest.raises(MalformedInputError, match=f"not UTF-8 text \\({problem}\\)"):
        read_file(write(tmp_path, "a.txt", content))


@pytest.mark.parametrize("content", ["", "  \n\t\n", "title: T\n---\n   \n"])
def test_empty_body_is_refused(tmp_path: Path, content: str) -> None:
    with pytest.raises(EmptyArticleError, match=r"a\.txt: the article body is empty"):
        read_file(write(tmp_path, "a.txt", content))


def test_five_megabytes_of_text_is_refused_quickly(tmp_path: Path) -> None:
    path = write(tmp_path, "big.txt", b"word " * 1_000_000)
    started = time.perf_counter()
    with pytest.raises(ArticleTooLargeError, match=r"5,000,000 bytes is over the limit"):
        read_file(path)
    assert time.perf_counter() - started < 0.5


def test_body_over_max_chars_states_size_and_limit(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", "x" * 101)
    with pytest.raises(ArticleTooLargeError, match="101 characters, over the limit of 100"):
        read_file(path, max_chars=100)
    assert only_article(path).text == "x" * 101


# --- markdown ------------------------------------------------------------------------------


def test_md_front_matter(tmp_path: Path) -> None:
    front = (
        "---\ntitle: Frigate deal\npublished: 2024-05-14\npublisher: Ledger\n"
        "url: https://ledger.example.org/a\ntags: [navy]\n---\n"
    )
    body = "# Frigate deal\n\n*Two* shipyards agreed.\n\n---\n\nMore later."
    article = only_article(write(tmp_path, "a.md", front + body))
    assert article.title == "Frigate deal"
    assert article.published == date(2024, 5, 14)
    assert article.publisher == "Ledger"
    assert article.url == "https://ledger.example.org/a"
    assert article.text == body


def test_md_without_front_matter_is_all_body(tmp_path: Path) -> None:
    article = only_article(write(tmp_path, "a.md", "Intro line\n---\n" + BODY))
    assert article.title is None
    assert article.text.startswith("Intro line\n---")


@pytest.mark.parametrize(
    ("front", "problem"),
    [
        ("---\ntitle: ok\nbad: [unclosed\n---\n", r"malformed YAML front matter on line \d"),
        ("---\n- a list\n---\n", "front matter must be a mapping"),
        ("---\ntitle: never closed\n", "never closed"),
        ("---\ntitle: [1, 2]\n---\n", "field 'title': must be a string, not list"),
    ],
)
def test_md_bad_front_matter(tmp_path: Path, front: str, problem: str) -> None:
    with pytest.raises(MalformedInputError, match=rf"a\.md.*{problem}"):
        read_file(write(tmp_path, "a.md", front + BODY))


def test_md_yaml_date_object_and_bad_date(tmp_path: Path) -> None:
    good = write(tmp_path, "good.md", "---\npublished: 2024-05-14T09:00:00Z\n---\n" + BODY)
    assert only_article(good).published == date(2024, 5, 14)
    bad = write(tmp_path, "bad.md", "---\npublished: 12\n---\n" + BODY)
    with pytest.raises(InvalidDateError, match=r"bad\.md field 'published'"):
        read_file(bad)


# --- JSON and JSON Lines -------------------------------------------------------------------


def test_json_object_and_list(tmp_path: Path) -> None:
    single = write(tmp_path, "one.json", json.dumps({"text": BODY, "title": "T"}))
    assert only_article(single).title == "T"
    many = write(tmp_path, "many.json", json.dumps([{"text": BODY}, {"text": "Another one."}]))
    assert [a.text for a in read_file(many)] == [normalise_text(BODY), "Another one."]


@pytest.mark.parametrize(
    ("content", "error", "problem"),
    [
        ('{"text": ', MalformedInputError, "invalid JSON"),
        ('"just a string"', MalformedInputError, "expected a JSON object"),
        ("[]", EmptyArticleError, "no articles"),
        ('[{"text": "ok"}, {"body": "x"}]', MalformedInputError, "item 2: unknown field"),
    ],
)
def test_json_errors(tmp_path: Path, content: str, error: type[Exception], problem: str) -> None:
    with pytest.raises(error, match=rf"a\.json.*{problem}"):
        read_file(write(tmp_path, "a.json", content))


def test_jsonl_reads_each_line_and_skips_blanks(tmp_path: Path) -> None:
    lines = [json.dumps({"text": "First."}), "", "  ", json.dumps({"text": "Second."})]
    articles = read_file(write(tmp_path, "a.jsonl", "\n".join(lines) + "\n"))
    assert [a.text for a in articles] == ["First.", "Second."]


def test_jsonl_bad_line_is_named(tmp_path: Path) -> None:
    lines = [json.dumps({"text": "First."}), "", "{not json}", json.dumps({"text": "x"})]
    with pytest.raises(MalformedInputError, match=r"a\.jsonl line 3: invalid JSON"):
        read_file(write(tmp_path, "a.jsonl", "\n".join(lines)))
    with pytest.raises(EmptyArticleError, match=r"a\.jsonl line 2"):
        read_file(write(tmp_path, "a.jsonl", '{"text": "ok"}\n{"text": " "}\n'))
    with pytest.raises(EmptyArticleError, match="no articles"):
        read_file(write(tmp_path, "a.jsonl", "\n\n"))


# --- HTML ----------------------------------------------------------------------------------


def test_html_main_text_and_metadata() -> None:
    article = only_article(FIXTURES / "news_page.html")
    assert article.title == "Harbour Yards to Service Allied Frigates"
    assert article.published == date(2024, 5, 14)
    assert article.publisher == "The Coastal Ledger"
    assert article.url == "https://ledger.example.org/defence/harbour-yards-frigates"
    assert "agreed to carry out regular\nmaintenance" not in article.text
    assert "agreed to carry out regular maintenance on frigates" in article.text
    assert "造船所は同盟国のフリゲート艦" in article.text
    for boilerplate in ("Subscribe today", "All rights reserved", "Weather warning"):
        assert boilerplate not in article.text


@pytest.mark.parametrize(
    "page",
    [
        "<html><head><title>Only a title</title></head><body><script>var x = 1;</script>",
        "<div><img src='x.png'><br></div",
    ],
)
def test_html_without_main_text_is_empty(tmp_path: Path, page: str) -> None:
    with pytest.raises(EmptyArticleError, match=r"a\.html: no article text found"):
        read_file(write(tmp_path, "a.html", page))


def test_html_fragment_gives_its_text(tmp_path: Path) -> None:
    fragment = "<p>Shipyards agreed to repair allied frigates from May, officials said.</p>"
    article = only_article(write(tmp_path, "a.html", fragment))
    assert article.text == "Shipyards agreed to repair allied frigates from May, officials said."


def test_broken_html_still_gives_its_text(tmp_path: Path) -> None:
    broken = "<html><body><article><p>Shipyards agreed to repair frigates from May.<p><b>Unclosed"
    article = only_article(write(tmp_path, "a.htm", broken))
    assert "Shipyards agreed to repair frigates from May." in article.text
    assert article.url is None


# --- payloads ------------------------------------------------------------------------------


def test_payload_full() -> None:
    article = read_payload(
        {
            "text": BODY + "  \n",
            "title": " T ",
            "published": "2024-03-10T08:00:00Z",
            "publisher": "P",
            "url": "https://example.org/a",
        }
    )
    assert article.text == normalise_text(BODY)
    assert article.id == article_id(BODY)
    assert (article.title, article.publisher) == ("T", "P")
    assert article.published == date(2024, 3, 10)
    assert article.url == "https://example.org/a"


@pytest.mark.parametrize(
    ("payload", "error", "problem"),
    [
        ({"title": "T"}, MalformedInputError, "missing required field 'text'"),
        ({"text": 42}, MalformedInputError, "field 'text': must be a string, not int"),
        ({"text": BODY, "published": "2024-13-45"}, InvalidDateError, "'2024-13-45'"),
        ({"text": BODY, "body": "x"}, MalformedInputError, "unknown field.*'body'"),
        ({"text": BODY, "url": "ftp://x"}, MalformedInputError, "'ftp://x' is not .*http"),
        ({"text": BODY, "url": "example.org/a"}, MalformedInputError, "not an absolute"),
        ({"text": BODY, "title": 3}, MalformedInputError, "field 'title': must be a string"),
        ({"text": "   "}, EmptyArticleError, "body is empty"),
        ({"text": "a\x00b"}, MalformedInputError, "NUL character"),
    ],
)
def test_payload_errors(payload: dict[str, object], error: type[Exception], problem: str) -> None:
    with pytest.raises(error, match=f"payload.*{problem}"):
        read_payload(payload)


def test_payload_not_an_object_and_too_large() -> None:
    with pytest.raises(MalformedInputError, match="expected a JSON object"):
        read_payload(["text"])  # type: ignore[arg-type]
    with pytest.raises(ArticleTooLargeError, match=f"over the limit of {DEFAULT_MAX_CHARS:,}"):
        read_payload({"text": "x" * (DEFAULT_MAX_CHARS + 1)})


def test_every_error_is_a_reading_error_and_a_value_error() -> None:
    for error in (
        EmptyArticleError,
        ArticleTooLargeError,
        UnsupportedFileTypeError,
        MalformedInputError,
        InvalidDateError,
    ):
        assert issubclass(error, ReadingError)
    assert issubclass(ReadingError, ValueError)


# --- dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-10", date(2024, 3, 10)),
        ("2024-03-10T08:00:00Z", date(2024, 3, 10)),
        ("2024-03-10T23:30:00-05:00", date(2024, 3, 10)),
        ("10 March 2024", date(2024, 3, 10)),
        ("March 10, 2024", date(2024, 3, 10)),
        ("2024/03/10", date(2024, 3, 10)),
        (date(2024, 3, 10), date(2024, 3, 10)),
        (datetime(2024, 3, 10, 23, tzinfo=UTC), date(2024, 3, 10)),
        (None, None),
        ("  ", None),
    ],
)
def test_parse_published_accepts(value: object, expected: date | None) -> None:
    assert parse_published(value, source="here") == expected


@pytest.mark.parametrize("value", ["2024-13-45", "yesterday", "March 2024", 20240310, True])
def test_parse_published_refuses(value: object) -> None:
    with pytest.raises(InvalidDateError, match=rf"^here: .*{value!r}"):
        parse_published(value, source="here")
