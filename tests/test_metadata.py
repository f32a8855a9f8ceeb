"""`--check-metadata`: entries against their papers' records (AL601-AL604).

The records come from ``tests/sources_server.py`` on 127.0.0.1 (recorded arXiv Atom and
Crossref JSON in ``tests/fixtures/sources/``).
"""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from awesome_lint.cli import run
from tests.sources_server import SourcesServer, sources_server

FIXTURES = Path(__file__).parent / "fixtures" / "metadata"


@pytest.fixture
def server() -> Iterator[SourcesServer]:
    with sources_server() as started:
        yield started


def _copy(tmp_path: Path, name: str, server: SourcesServer) -> Path:
    target = tmp_path / "README.md"
    shutil.copyfile(FIXTURES / name, target)
    (tmp_path / ".awesome-lint.toml").write_text(
        f'[sources]\narxiv = "{server.base}/api/query"\ncrossref = "{server.base}"\n'
        "interval = 0.01\n",
        encoding="utf-8",
    )
    return target


def _lint(target: Path, *extra: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(
        [str(target), "--check-metadata", "--select", "AL6", "--output-format", "concise", *extra],
        stdout=out,
        stderr=err,
    )
    return code, out.getvalue(), err.getvalue()


def test_planted_drift_is_reported_exactly(server: SourcesServer, tmp_path: Path) -> None:
    target = _copy(tmp_path, "drift.md", server)
    code, out, err = _lint(target)
    assert code == 1
    found = sorted(
        (int(line.split(":")[1]), line.split()[1]) for line in out.splitlines() if ": AL6" in line
    )
    assert found == [(23, "AL604"), (28, "AL602"), (31, "AL601"), (35, "AL601"), (39, "AL601")]
    assert "is published: NeurIPS 2023" in out
    assert "'Zhihui Xie' differs from the record of arxiv:2312.10665: 'Lei Li'" in out
    assert "'Diffusion Reward: Learning Rewards via Conditional Video Diffusion'" in out
    assert out.count("are the two links swapped?") == 2
    assert "1 entry was not checked (an arXiv id or DOI" in err
    # The ids were asked in one batch, the list's six known ids and the unknown one.
    assert len(server.log) == 1


def test_matching_records_report_nothing(server: SourcesServer, tmp_path: Path) -> None:
    target = _copy(tmp_path, "clean.md", server)
    code, out, err = _lint(target)
    assert (code, err) == (0, "")
    assert out.strip() == "All checks passed!"
    assert len(server.log) == 2  # one arXiv batch, one Crossref work


def test_unchecked_entries_never_pass_all_checks(server: SourcesServer, tmp_path: Path) -> None:
    target = _copy(tmp_path, "clean.md", server)
    text = target.read_text().replace("2405.14734", "2312.99999").replace("SimPO: Simple", "X")
    target.write_text(text)
    code, out, err = _lint(target)
    assert code == 0
    assert "All checks passed!" not in out
    assert "No problems found; 1 entry not checked." in out
    assert "1 entry was not checked (an arXiv id or DOI" in err


def test_no_network_checks_nothing_and_says_so(tmp_path: Path) -> None:
    with sources_server() as gone:
        target = _copy(tmp_path, "drift.md", gone)
    code, out, err = _lint(target)
    assert code == 0
    assert "not checked" in out and "All checks passed!" not in out
    assert "7 entries were not checked (an arXiv id or DOI" in err


def test_the_cache_spares_the_second_run(server: SourcesServer, tmp_path: Path) -> None:
    target = _copy(tmp_path, "drift.md", server)
    cache = tmp_path / "links.json"
    first = _lint(target, "--links-cache", str(cache))
    asked = len(server.log)
    assert asked == 1 and (tmp_path / "links.json.records").is_file()
    second = _lint(target, "--links-cache", str(cache))
    assert len(server.log) == asked  # no request: every known record came from the cache
    assert first[1] == second[1]


def test_a_bad_cache_is_a_warning(
    server: SourcesServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = _copy(tmp_path, "clean.md", server)
    (tmp_path / "links.json.records").write_text('{"version": 1, "records": {"x": 1}}')
    code, _, _ = _lint(target, "--links-cache", str(tmp_path / "links.json"))
    warned = capsys.readouterr().err
    assert code == 0 and "records cache" in warned and "not used" in warned


def test_record_venue_contradicting_the_section(server: SourcesServer, tmp_path: Path) -> None:
    target = _copy(tmp_path, "clean.md", server)
    target.write_text(
        "# Papers\n\n## Papers\n\n```\nformat:\n- [title](paper link)\n  - authors\n"
        "  - keyword\n```\n\n### NeurIPS 2023\n\n"
        "- [Eureka: Human-Level Reward Design via Coding Large Language Models]"
        "(https://arxiv.org/abs/2310.12931)\n"
        "  - Yecheng Jason Ma, William Liang, Guanzhi Wang, et al.\n  - Keyword: Reward Design\n"
    )
    code, out, _ = _lint(target)
    assert code == 1
    assert "AL603 The record of arxiv:2310.12931 places the paper at ICLR 2024" in out


def test_unsafe_fix_writes_the_records_title(server: SourcesServer, tmp_path: Path) -> None:
    target = _copy(tmp_path, "drift.md", server)
    code, _, _ = _lint(target, "--fix", "--unsafe-fixes", "--select", "AL601")
    text = target.read_text()
    assert (
        "- [Diffusion Reward: Learning Rewards via Conditional Video Diffusion]"
        "(https://arxiv.org/abs/2312.14134)" in text
    )
    assert "[Git Re-Basin: Merging Models modulo Permutation Symmetries]" in text  # no fix
    assert code == 1


@pytest.mark.parametrize(
    ("authors", "reported"),
    [
        ("Shunyu Yao *et al.*", False),
        ("Shunyu Yao _et al._", False),
        ("Shunyu Yao, Dian Yu, et al.", False),
        ("Dian Yu *et al.*", True),  # the first author differs
    ],
)
def test_et_al_in_emphasis_cuts_the_names(
    authors: str, reported: bool, server: SourcesServer, tmp_path: Path
) -> None:
    target = _copy(tmp_path, "clean.md", server)
    target.write_text(
        "# Papers\n\n```\nformat:\n- [title](paper link)\n  - author1, author2, and author3...\n"
        "  - keyword\n```\n\n### 2023\n\n"
        "- [Tree of Thoughts: Deliberate Problem Solving with Large Language Models]"
        f"(https://arxiv.org/abs/2305.10601)\n  - {authors}\n  - Keyword: reasoning\n",
        encoding="utf-8",
    )
    _, out, err = _lint(target, "--select", "AL602")
    assert ("AL602" in out) == reported, (out, err)
