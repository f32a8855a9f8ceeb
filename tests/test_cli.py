"""The command line as a user meets it: exit codes, outputs, bad input, writing files."""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, SEED, Result

Cli = Callable[..., Result]


def test_seed_reports_the_known_defects(cli: Cli, seed_copy: Path) -> None:
    result = cli("--output-format", "concise", "--select", "AL1", "README.md", cwd=seed_copy.parent)
    assert result.code == 1
    lines = result.out.splitlines()
    assert 'README.md:127:5: AL105 [*] Label "Dataset;" should be "Dataset:"' in lines
    assert any(line.startswith("README.md:254:") and " AL109 " in line for line in lines)
    assert any(line.startswith("README.md:296:3: AL102 ") and "Keyword" in line for line in lines)
    assert sum(" AL1" in line for line in lines) == 3


def test_json_output_field_by_field(cli: Cli, seed_copy: Path) -> None:
    result = cli("--output-format", "json", "--select", "AL105", "README.md", cwd=seed_copy.parent)
    assert result.code == 1
    [item] = json.loads(result.out)
    assert item["code"] == "AL105"
    assert item["name"] == "field-label"
    assert item["message"] == 'Label "Dataset;" should be "Dataset:"'
    assert item["severity"] == "error"
    assert item["filename"] == "README.md"
    assert item["location"] == {"row": 127, "column": 5}
    assert item["end_location"] == {"row": 127, "column": 13}
    assert item["fix"]["applicability"] == "safe"
    assert item["fix"]["edits"] == [
        {
            "content": "Dataset:",
            "location": {"row": 127, "column": 5},
            "end_location": {"row": 127, "column": 13},
        }
    ]
    assert item["url"].endswith("#al105-field-label")
    assert item["related"] == []


def test_json_lines_matches_json(cli: Cli, seed_copy: Path) -> None:
    as_json = json.loads(cli("--output-format", "json", "README.md", cwd=seed_copy.parent).out)
    lines = cli("--output-format", "json-lines", "README.md", cwd=seed_copy.parent).out
    assert [json.loads(line) for line in lines.splitlines()] == as_json


def test_full_output_shows_source_and_caret(cli: Cli, seed_copy: Path) -> None:
    result = cli("--output-format", "full", "--select", "AL105", "README.md", cwd=seed_copy.parent)
    assert "127 |   - Dataset; [BBQ](https://github.com/nyu-mll/BBQ)" in result.out
    assert "    |     ^^^^^^^^" in result.out
    assert '= help: Write "Dataset:"' in result.out


def test_fix_then_fix_again_changes_nothing(cli: Cli, seed_copy: Path) -> None:
    original = seed_copy.read_text(encoding="utf-8")
    first = cli("--fix", "--select", "AL1", "README.md", cwd=seed_copy.parent)
    fixed = seed_copy.read_text(encoding="utf-8")
    assert "Dataset: [BBQ]" in fixed
    assert "[TruthfulQA](https://github.com/sylinrl/TruthfulQA), [RealToxicityPrompts]" in fixed
    assert first.code == 1  # AL102 has no fix and remains
    second = cli("--fix", "--select", "AL1", "README.md", cwd=seed_copy.parent)
    assert seed_copy.read_text(encoding="utf-8") == fixed
    assert second.code == 1
    for url in _urls(original):
        assert url in fixed


def _urls(text: str) -> list[str]:
    import re

    return re.findall(r"\]\(([^)\s]+)\)", text)


def test_diff_writes_nothing(cli: Cli, seed_copy: Path) -> None:
    before = seed_copy.read_bytes()
    result = cli("--diff", "README.md", cwd=seed_copy.parent)
    assert seed_copy.read_bytes() == before
    assert result.code == 1
    assert "-  - Dataset; [BBQ]" in result.out
    assert "+  - Dataset: [BBQ]" in result.out


def test_exit_zero_and_exit_non_zero_on_fix(cli: Cli, seed_copy: Path) -> None:
    assert cli("--exit-zero", "README.md", cwd=seed_copy.parent).code == 0
    fixed = cli(
        "--fix", "--select", "AL105", "--exit-non-zero-on-fix", "README.md", cwd=seed_copy.parent
    )
    assert fixed.code == 1
    clean = cli("--select", "AL105", "README.md", cwd=seed_copy.parent)
    assert clean.code == 0
    assert "All checks passed!" in clean.out


def test_crlf_and_bom_survive_fix(cli: Cli, tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8").replace("\n", "\r\n")
    target = tmp_path / "README.md"
    target.write_bytes(b"\xef\xbb\xbf" + text.encode())
    target.chmod(0o640)
    cli("--fix", "--select", "AL105", "README.md", cwd=tmp_path)
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert b"Dataset: [BBQ]" in data
    assert data.count(b"\r\n") == text.count("\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    assert not [p for p in tmp_path.iterdir() if p.name != "README.md"]  # no temp file left


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda p: None, "README.md: no such file"),
        (lambda p: p.mkdir(), "README.md: is a directory"),
        (lambda p: p.write_bytes(b"ok\n\xff\xfe broken\n"), "invalid UTF-8 at line 2, byte 1"),
        (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00"), "binary file"),
    ],
    ids=["missing", "directory", "invalid-utf8", "binary"],
)
def test_bad_input_is_one_line_and_exit_2(
    cli: Cli, tmp_path: Path, setup: Callable[[Path], None], message: str
) -> None:
    setup(tmp_path / "README.md")
    result = cli("README.md", cwd=tmp_path)
    assert result.code == 2
    assert message in result.err
    assert len(result.err.strip().splitlines()) == 1
    assert "Traceback" not in result.err


def test_bad_file_does_not_stop_the_others(cli: Cli, seed_copy: Path) -> None:
    result = cli("--output-format", "concise", "missing.md", "README.md", cwd=seed_copy.parent)
    assert result.code == 2
    assert "missing.md: no such file" in result.err
    assert "README.md:127:5: AL105" in result.out


def test_unreadable_file(cli: Cli, tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads files regardless of permissions")
    target = tmp_path / "README.md"
    target.write_text("# x\n")
    target.chmod(0)
    assert "permission denied" in cli("README.md", cwd=tmp_path).err


def test_empty_file_and_no_format_block_are_notes_not_errors(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("")
    result = cli("README.md", cwd=tmp_path)
    assert result.code == 0
    assert "no format block" in result.err
    (tmp_path / "README.md").write_text("# Awesome\n\n- [A](https://a.org) - thing.\n")
    assert cli("README.md", cwd=tmp_path).code == 0


def test_show_schema_on_the_seed(cli: Cli, seed_copy: Path) -> None:
    out = cli("--show-schema", "README.md", cwd=seed_copy.parent).out
    papers, codebases = out.split("README.md: format block")[1:]
    assert '"## Papers", lines 57-233' in papers
    for kind in ("authors", "publisher", "keyword", "code", "environment"):
        assert kind in papers
    assert '"## Papers", lines 57-233, 34 entries' in papers
    assert "keyword      labelled    required (34 of 34, labels: Keyword" in papers
    assert "publisher    positional  optional (0 of 34, no label" in papers
    assert "undeclared labels" not in papers
    assert '"## Codebases", lines 234-' in codebases
    assert "publisher" not in codebases


def test_show_schema_says_what_the_entries_do(cli: Cli, tmp_path: Path) -> None:
    """The habits behind AL112: counts, the entries' order, undeclared labels."""
    source = FIXTURES / "AL112-format-drift" / "input.md"
    (tmp_path / "README.md").write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    out = cli("--show-schema", "README.md", cwd=tmp_path).out
    assert "8 entries" in out
    assert "keyword       labelled    optional: most entries leave it out (1 of 8," in out
    assert "the entries' order: authors, keyword, publish date, code" in out
    assert "undeclared labels: Note (7)" in out
    (tmp_path / ".awesome-lint.toml").write_text("strict-format = true\n", encoding="utf-8")
    strict = cli("--show-schema", "README.md", cwd=tmp_path)
    assert "strict-format: the block's word stands" in strict.out
    assert "keyword       labelled    required (1 of 8," in strict.out


def test_list_rules_and_explain(cli: Cli) -> None:
    listing = cli("--list-rules").out
    assert "AL105  field-label" in listing
    explained = cli("--explain", "al105")
    assert explained.code == 0
    assert "Dataset;" in explained.out and "Why:" in explained.out
    assert cli("--explain", "AL999").code == 2


def test_unknown_selector_and_usage_errors_exit_2(cli: Cli, seed_copy: Path) -> None:
    assert cli("--select", "XX9", "README.md", cwd=seed_copy.parent).code == 2
    assert cli("--no-such-flag").code == 2
    assert cli("--output-format", "yaml").code == 2


def test_config_unknown_key_is_an_error(cli: Cli, seed_copy: Path) -> None:
    (seed_copy.parent / ".awesome-lint.toml").write_text('selcet = ["AL1"]\n')
    result = cli("README.md", cwd=seed_copy.parent)
    assert result.code == 2
    assert "unknown key 'selcet'" in result.err


def test_config_in_pyproject_is_found_upward(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.awesome-lint]\nignore = ["AL105"]\nrequired-fields = ["title", "authors"]\n'
    )
    sub = tmp_path / "docs"
    sub.mkdir()
    (sub / "README.md").write_bytes(SEED.read_bytes())
    out = cli("--output-format", "concise", "--select", "AL1", "docs/README.md", cwd=tmp_path).out
    assert "AL105" not in out
    assert "AL102" not in out  # keyword is no longer required
    assert "AL109" in out


def test_config_labels_extend_the_alias_table(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / ".awesome-lint.toml").write_text('[labels]\nkeyword = ["Tags", "Keyword"]\n')
    (tmp_path / "README.md").write_text(
        "## Papers\n\n```\nformat:\n- [title](link)\n  - authors\n  - keyword\n```\n\n"
        "- [A](https://arxiv.org/abs/2301.00001)\n  - Ann\n  - Tags: x\n"
    )
    result = cli("--output-format", "concise", "README.md", cwd=tmp_path)
    assert result.code == 0, result.out


def test_read_only_file_with_fix_is_an_error_and_unchanged(cli: Cli, seed_copy: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root can write read-only files")
    seed_copy.chmod(0o444)
    seed_copy.parent.chmod(0o555)
    try:
        result = cli("--fix", "README.md", cwd=seed_copy.parent)
    finally:
        seed_copy.parent.chmod(0o755)
    assert result.code == 2
    assert seed_copy.read_bytes() == SEED.read_bytes()


def test_python_dash_m(tmp_path: Path) -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "awesome_lint", "--version"], capture_output=True, text=True
    )
    assert done.returncode == 0
    assert done.stdout.startswith("awesome-lint ")
