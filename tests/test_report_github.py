"""``--output-format github``: annotations that the Actions runner reads back exactly."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.model.document import Document
from awesome_lint.report import FileReport, ReportOptions
from awesome_lint.report.github import render
from awesome_lint.report.step_summary import render as render_summary
from tests.conftest import SEED, Result

_COMMAND = re.compile(r"^::error (?P<properties>[^:]*)::(?P<message>.*)$")


def unescape(text: str) -> str:
    """The runner's reading of an escaped value (actions/toolkit, command.ts)."""
    for escaped, raw in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        text = text.replace(escaped, raw)
    return text


def parse(line: str) -> tuple[dict[str, str], str]:
    match = _COMMAND.match(line)
    assert match, f"not a workflow command: {line!r}"
    properties = dict(p.split("=", 1) for p in match.group("properties").split(","))
    return {k: unescape(v) for k, v in properties.items()}, unescape(match.group("message"))


def test_seed_annotations_parse_back_to_the_json_locations(cli: Callable[..., Result]) -> None:
    github = cli("--output-format", "github", str(SEED))
    as_json = json.loads(cli("--output-format", "json", str(SEED)).out)
    assert github.code == 1
    lines = github.out.splitlines()
    assert len(lines) == len(as_json) > 0
    for line, expected in zip(lines, as_json, strict=True):
        properties, message = parse(line)
        assert properties == {
            "title": f"awesome-lint ({expected['code']})",
            "file": expected["filename"],
            "line": str(expected["location"]["row"]),
            "col": str(expected["location"]["column"]),
            "endLine": str(expected["end_location"]["row"]),
            "endColumn": str(expected["end_location"]["column"]),
        }
        assert message == expected["message"]


def test_design_example_line() -> None:
    text = "x\n" * 126 + "  - Dataset; [BBQ](https://github.com/nyu-mll/BBQ)\n"
    start = text.index("Dataset;")
    d = Diagnostic(
        "AL105", "field-label", 'Label "Dataset;" should be "Dataset:"', start, start + 8
    )
    out = render([FileReport("README.md", Document(text), [d])], ReportOptions())
    assert out == (
        "::error title=awesome-lint (AL105),file=README.md,line=127,col=5,endLine=127,"
        'endColumn=13::Label "Dataset;" should be "Dataset:"\n'
    )


def test_percent_newlines_colons_and_commas_survive_the_round_trip() -> None:
    message = "100% wrong:\r\nsee a, b"
    d = Diagnostic("AL101", "title-not-link", message, 0, 1)
    path = "lists/a,b:c%d.md"
    line = render([FileReport(path, Document("- x\n"), [d])], ReportOptions()).rstrip("\n")
    assert "\n" not in line and "\r" not in line
    properties, parsed = parse(line)
    assert parsed == message
    assert properties["file"] == path
    assert "%2C" in line and "%3A" in line and "%25" in line


def test_no_diagnostics_no_output() -> None:
    out = render([FileReport("README.md", Document("# Clean\n"), [])], ReportOptions())
    assert out == ""


def test_step_summary_is_appended_when_github_asks_for_it(
    cli: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    result = cli("--output-format", "github", str(SEED))
    as_json = json.loads(cli("--output-format", "json", str(SEED)).out)
    text = summary.read_text()
    assert text.startswith("earlier step\n## awesome-lint\n")  # appended, not overwritten
    assert f"**{len(as_json)} problems** in 1 file" in text
    for code, count in Counter(d["code"] for d in as_json).items():
        assert f"| {count} |" in next(line for line in text.splitlines() if f"[{code}]" in line)
    first = as_json[0]
    where = f"{first['filename']}:{first['location']['row']}:{first['location']['column']}"
    assert f"| {where.replace('_', chr(92) + '_')} | {first['code']} |" in text
    assert result.out.count("::error") == len(as_json)  # the annotations are still printed


def test_step_summary_is_left_alone_for_terminal_formats(
    cli: Callable[..., Result], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    cli("--output-format", "concise", str(SEED))
    assert not summary.exists()


def test_step_summary_of_a_clean_run_says_so() -> None:
    out = render_summary([FileReport("README.md", Document("# Clean\n"), [])], ReportOptions())
    assert "No problems found in 1 file." in out
