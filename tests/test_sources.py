"""The record sources: the BibTeX reader, arXiv's Atom, Crossref's JSON, the paced client."""

from __future__ import annotations

import itertools
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from awesome_lint.config import ConfigError, SourcesSettings, parse_settings
from awesome_lint.sources import arxiv, crossref, openreview
from awesome_lint.sources.bibtex import parse, plain, record_of, split_authors
from awesome_lint.sources.client import PacedClient
from awesome_lint.sources.record import SourceError
from awesome_lint.sources.resolve import (
    fetch,
    fetch_arxiv,
    fetch_doi,
    fetch_openreview,
    parse_source,
)
from awesome_lint.sources.venues import short_venue
from tests.sources_server import SourcesServer, sources_server

SOURCES = Path(__file__).parent / "fixtures" / "sources"


@pytest.fixture
def server() -> Iterator[SourcesServer]:
    with sources_server() as started:
        yield started


def _settings(server: SourcesServer, interval: float = 0.0) -> SourcesSettings:
    return SourcesSettings(
        arxiv=f"{server.base}/api/query",
        crossref=server.base,
        openreview=server.base,
        interval=interval,
        retries=2,
    )


# BibTeX


def test_bibtex_braces_quotes_strings_and_concatenation() -> None:
    entries = parse((SOURCES / "refs.bib").read_text(encoding="utf-8"))
    assert set(entries) == {"rafailov2023direct", "ouyang2022training", "muller2023quark"}
    quark = record_of(entries["muller2023quark"])
    assert quark.title == "Quark: Controllable Text Generation"
    assert quark.authors == ("Jérôme Müller", "Andrew Ng")
    assert quark.venue == "NeurIPS 2023"  # the @string macro, shortened
    assert quark.year == 2023


def test_bibtex_arxiv_ids_from_journal_and_eprint() -> None:
    entries = parse((SOURCES / "refs.bib").read_text(encoding="utf-8"))
    dpo = record_of(entries["rafailov2023direct"])
    assert (dpo.arxiv, dpo.venue, dpo.year) == ("2305.18290", None, 2023)
    assert dpo.subjects == ("Preference Optimization", "RLHF")
    ouyang = record_of(entries["ouyang2022training"])
    assert ouyang.arxiv == "2203.02155"
    assert ouyang.truncated and ouyang.authors[-1] == "Carroll L. Wainwright"


def test_bibtex_comments_parentheses_and_month_macros() -> None:
    text = (
        "@comment{ignored {nested} }\n"
        "Free text with an email@example.org in it.\n"
        '@preamble{"\\newcommand{\\x}{y}"}\n'
        "@Article(k1, Title = {A {\\'E}tude of {\\ss} and \\o}, Year = 2020, Month = jan)\n"
    )
    entries = parse(text)
    assert list(entries) == ["k1"]
    assert entries["k1"].fields["month"] == "1"
    assert record_of(entries["k1"]).title == "A Étude of ß and ø"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("@article{k, title = {open", "line 1: a '{' is not closed"),
        ("@article{k, title = undefined}", "unknown @string 'undefined'"),
        ("@article{k,\n title = {x}", "line 2: entry 'k' is not closed"),
    ],
)
def test_bibtex_errors_name_the_line(text: str, message: str) -> None:
    with pytest.raises(SourceError, match=message):
        parse(text)


def test_bibtex_names() -> None:
    assert split_authors("{Open AI} and Doe, Jane and others") == (["Open AI", "Jane Doe"], True)
    assert plain("Caf{\\'e} --- {GPU}s") == "Café — GPUs"


# arXiv and Crossref answers


def test_atom_entry_read() -> None:
    records = arxiv.parse_feed((SOURCES / "arxiv" / "2305.10601.xml").read_text())
    record = records["2305.10601"]
    assert record.title == "Tree of Thoughts: Deliberate Problem Solving with Large Language Models"
    assert record.authors[0] == "Shunyu Yao" and len(record.authors) == 7
    assert (record.year, record.venue) == (2023, "NeurIPS 2023")
    assert record.code == "https://github.com/princeton-nlp/tree-of-thought-llm"
    assert record.subjects == (
        "Computation and Language",
        "Artificial Intelligence",
        "Machine Learning",
    )


def test_atom_journal_ref_names_the_venue() -> None:
    record = arxiv.parse_feed((SOURCES / "arxiv" / "2406.19320.xml").read_text())["2406.19320"]
    assert record.venue == "ICML 2024"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("_malformed.xml", "malformed XML"),
        ("_doctype.xml", "document type declaration"),
        ("_error.xml", "incorrect id format"),
    ],
)
def test_atom_refused(name: str, message: str) -> None:
    with pytest.raises(SourceError, match=message):
        arxiv.parse_feed((SOURCES / "arxiv" / name).read_text())


def test_atom_unknown_id_is_no_record() -> None:
    assert arxiv.parse_feed((SOURCES / "arxiv" / "_unknown.xml").read_text()) == {}


def test_crossref_work_read() -> None:
    path = SOURCES / "crossref" / "10.1038_s41586-023-06728-8.json"
    record = crossref.parse_work(path.read_text(), "10.1038/s41586-023-06728-8")
    assert record.title == "Illuminating protein space with a programmable generative model"
    assert record.authors[0] == "John B. Ingraham" and len(record.authors) == 26
    assert (record.year, record.venue) == (2023, "Nature")
    assert record.url == "https://doi.org/10.1038/s41586-023-06728-8"
    with pytest.raises(SourceError, match="malformed JSON"):
        crossref.parse_work("{", "10.1/x")


@pytest.mark.parametrize(
    ("text", "venue"),
    [
        ("Advances in Neural Information Processing Systems 36 (NeurIPS 2023)", "NeurIPS 2023"),
        ("Accepted at ICLR'24", "ICLR 2024"),
        ("NeurIPS 2023 Workshop on Foundation Models", None),
        ("Nature", None),
    ],
)
def test_short_venue(text: str, venue: str | None) -> None:
    assert short_venue(text) == venue


@pytest.mark.parametrize(
    ("text", "kind", "key"),
    [
        ("2305.18290", "arxiv", "2305.18290"),
        ("2305.18290v3", "arxiv", "2305.18290"),
        ("https://arxiv.org/abs/2305.18290", "arxiv", "2305.18290"),
        ("arxiv.org/pdf/2305.18290v2", "arxiv", "2305.18290"),
        ("hep-th/9901001", "arxiv", "hep-th/9901001"),
        ("10.1038/s41586-023-06728-8", "doi", "10.1038/s41586-023-06728-8"),
        ("https://doi.org/10.1145/3442188.3445922", "doi", "10.1145/3442188.3445922"),
        ("https://openreview.net/forum?id=a7APmM4B9d", "openreview", "a7APmM4B9d"),
        ("openreview.net/pdf?id=v8L0pN6EOi", "openreview", "v8L0pN6EOi"),
        ("https://openreview.net/forum?id=v8L0pN6EOi&noteId=abc", "openreview", "v8L0pN6EOi"),
    ],
)
def test_sources_named(text: str, kind: str, key: str) -> None:
    assert parse_source(text) == (kind, key)


# The client, against the recorded answers


def test_ids_are_batched_in_one_request(server: SourcesServer) -> None:
    with PacedClient(interval=0) as client:
        found = fetch_arxiv(client, _settings(server), ["2305.18290", "2305.10601", "2312.99999"])
    assert set(found) == {"2305.18290", "2305.10601"}
    assert len(server.paths()) == 1
    assert "id_list=2305.18290%2C2305.10601%2C2312.99999" in server.paths()[0]


def test_pacing_spaces_requests_over_one_connection(server: SourcesServer) -> None:
    interval = 0.25
    with PacedClient(interval=interval) as client:
        for paper in ("2305.18290", "2305.10601", "2405.14734", "2209.04836"):
            fetch_arxiv(client, _settings(server, interval), [paper])
    times = [t for t, _, _ in server.log]
    gaps = [b - a for a, b in itertools.pairwise(times)]
    assert len(times) == 4
    assert min(gaps) >= interval * 0.95, gaps
    assert len({port for _, port, _ in server.log}) == 1  # one connection, kept alive


def test_429_retry_after_is_honoured(server: SourcesServer) -> None:
    server.fail.append((429, {"Retry-After": "1"}))
    start = time.monotonic()
    with PacedClient(interval=0, retries=2) as client:
        found = fetch_arxiv(client, _settings(server), ["2305.18290"])
    assert "2305.18290" in found
    assert len(server.log) == 2
    assert server.log[1][0] - server.log[0][0] >= 0.95
    assert time.monotonic() - start < 5


def test_503_is_retried_then_given_up(server: SourcesServer) -> None:
    server.fail.append((503, {}))
    with PacedClient(interval=0.05, retries=2) as client:
        assert fetch_doi(client, _settings(server), "10.1038/s41586-023-06728-8") is not None
    assert len(server.log) == 2
    server.fail.extend([(503, {})] * 3)
    with (
        PacedClient(interval=0.05, retries=2) as client,
        pytest.raises(SourceError, match="answered 503 3 times"),
    ):
        fetch_doi(client, _settings(server), "10.1038/s41586-023-06728-8")


def test_unknown_doi_is_none(server: SourcesServer) -> None:
    with PacedClient(interval=0) as client:
        assert fetch_doi(client, _settings(server), "10.1000/none") is None


def test_sources_settings() -> None:
    settings = parse_settings(
        {"sources": {"arxiv": "http://127.0.0.1:1/q", "interval": 0.5}}, Path("x.toml")
    )
    assert settings.sources.arxiv == "http://127.0.0.1:1/q"
    assert settings.sources.interval == 0.5
    assert settings.sources.crossref == "https://api.crossref.org"
    for bad in ({"arxiv": "ftp://x"}, {"interval": -1}, {"speed": 1}, {"retries": True}):
        with pytest.raises(ConfigError):
            parse_settings({"sources": bad}, Path("x.toml"))


# OpenReview


def test_openreview_api2_note_read() -> None:
    path = SOURCES / "openreview" / "v8L0pN6EOi.json"
    record = openreview.parse_notes(path.read_text(), "v8L0pN6EOi")
    assert record is not None
    assert record.title == "Let's Verify Step by Step"
    assert record.authors[0] == "Hunter Lightman" and len(record.authors) == 10
    assert (record.year, record.venue) == (2024, "ICLR 2024")
    assert record.url == "https://openreview.net/forum?id=v8L0pN6EOi"
    assert record.arxiv is None and "process supervision" in record.subjects


def test_openreview_api1_note_read() -> None:
    path = SOURCES / "openreview" / "a7APmM4B9d.json"
    record = openreview.parse_notes(path.read_text(), "a7APmM4B9d")
    assert record is not None
    assert record.title == "Decision Transformer: Reinforcement Learning via Sequence Modeling"
    assert (record.year, record.venue) == (2021, "NeurIPS 2021")
    assert record.authors[-1] == "Igor Mordatch"


@pytest.mark.parametrize(
    "venue", ["Submitted to ICLR 2024", "ICLR 2024 Conference Withdrawn Submission", "Rejected"]
)
def test_openreview_paper_not_accepted_has_no_venue(venue: str) -> None:
    text = (SOURCES / "openreview" / "_submitted.json").read_text()
    record = openreview.parse_notes(text.replace("Submitted to ICLR 2024", venue), "_submitted")
    assert record is not None
    assert record.venue is None and record.year == 2024


def test_openreview_refused() -> None:
    malformed = (SOURCES / "openreview" / "_malformed.json").read_text()
    with pytest.raises(SourceError, match="malformed JSON"):
        openreview.parse_notes(malformed, "_malformed")
    with pytest.raises(SourceError, match="no notes"):
        openreview.parse_notes('{"error": "x"}', "x")
    with pytest.raises(SourceError, match="no title"):
        openreview.parse_notes('{"notes": [{"content": {"title": {"value": " "}}}]}', "x")
    assert openreview.parse_notes('{"notes": []}', "x") is None


@pytest.mark.parametrize(
    "text",
    [
        "https://openreview.net/group?id=ICLR.cc/2024/Conference",
        "https://openreview.net/forum",
        "https://openreview.net/forum?id=../../x",
    ],
)
def test_openreview_url_without_a_forum_is_refused(text: str) -> None:
    with pytest.raises(SourceError, match="not an OpenReview forum url"):
        parse_source(text)


def test_openreview_fetched_from_the_notes_endpoint(server: SourcesServer) -> None:
    with PacedClient(interval=0) as client:
        record = fetch_openreview(client, _settings(server), "v8L0pN6EOi")
        assert fetch_openreview(client, _settings(server), "unknownForum") is None
    assert record is not None and record.venue == "ICLR 2024"
    assert server.paths()[0] == "/notes?id=v8L0pN6EOi"
    with pytest.raises(SourceError, match="OpenReview does not know the forum unknownForum"):
        fetch(parse_source("https://openreview.net/forum?id=unknownForum"), _settings(server))
