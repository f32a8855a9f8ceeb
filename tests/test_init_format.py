"""``--init-format --fix --unsafe-fixes``: the inferred format written into the list.

The block goes where it governs the items (``awesome_lint.init_format``), only lines are
inserted, and a classic list's report is the same with the block as without it: the block
declares what the inferred format read.
"""

from __future__ import annotations

import difflib
import re
import shutil
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, Result

CORPUS = FIXTURES / "corpus"
CLASSIC = (
    "avelino__awesome-go",
    "vinta__awesome-python",
    "sindresorhus__awesome",
    "sindresorhus__awesome-nodejs",
    "rust-unofficial__awesome-rust",
    "veggiemonk__awesome-docker",
    "h4cc__awesome-elixir",
    "alebcay__awesome-shell",
    "kdeldycke__awesome-falsehood",
)

TOOLS = """\
# Awesome Tools

A list of tools.

## Search

- [ag](https://github.com/ggreer/the_silver_searcher) - A code-searching tool.
- [fd](https://github.com/sharkdp/fd) - A simple alternative to find.
- [ripgrep](https://github.com/BurntSushi/ripgrep) - Recursive search  with regexes.

## Viewers

- [bat](https://github.com/sharkdp/bat) - A cat clone with wings.
- [less](https://www.greenwoodsoftware.com/less/) - The pager
"""


def _findings(result: Result) -> Counter[str]:
    """Each diagnostic's code and message, without its position (lines move by the block)."""
    found: Counter[str] = Counter()
    for line in result.out.splitlines():
        match = re.match(r"[^:]+:\d+:\d+: (.*)", line)
        if match:
            found[re.sub(r"line \d+", "line N", match.group(1))] += 1
    return found


def _inserted_only(before: str, after: str) -> bool:
    ops = difflib.SequenceMatcher(None, before.splitlines(), after.splitlines()).get_opcodes()
    return all(tag in ("equal", "insert") for tag, *_ in ops)


@pytest.mark.parametrize("name", CLASSIC)
def test_a_classic_list_reports_the_same_with_its_block(
    cli: Callable[..., Result], tmp_path: Path, name: str
) -> None:
    readme = tmp_path / "README.md"
    shutil.copyfile(CORPUS / name / "README.md", readme)
    readme.chmod(0o644)
    before_text = readme.read_text(encoding="utf-8")
    before = cli("--output-format", "concise", "README.md", cwd=tmp_path)
    fixed = cli("--init-format", "--fix", "--unsafe-fixes", "README.md", cwd=tmp_path)
    assert fixed.code == 0, fixed.err
    after_text = readme.read_text(encoding="utf-8")
    assert "format:" in after_text and _inserted_only(before_text, after_text)
    after = cli("--output-format", "concise", "README.md", cwd=tmp_path)
    assert _findings(after) == _findings(before)
    schema = cli("--show-schema", "README.md", cwd=tmp_path)
    assert "format block at lines" in schema.out
    again = cli("--init-format", "--fix", "--unsafe-fixes", "README.md", cwd=tmp_path)
    assert again.code == 0 and "has a format block already" in again.err
    assert readme.read_text(encoding="utf-8") == after_text


def test_the_block_goes_before_the_first_section(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    (tmp_path / "README.md").write_text(TOOLS)
    result = cli("--init-format", "--fix", "--unsafe-fixes", "README.md", cwd=tmp_path)
    assert result.code == 0, result.err
    text = (tmp_path / "README.md").read_text()
    block = "```\nformat:\n- [name](url) - Description.\n```\n"
    assert text == TOOLS.replace("## Search", block + "\n## Search")


def test_the_lists_own_example_becomes_the_block(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    example = (
        "Please follow this format when you add a tool:\n\n"
        "```\n- [name](link) - What it does.\n```\n"
    )
    text = TOOLS.replace("A list of tools.\n", "A list of tools.\n\n" + example)
    (tmp_path / "README.md").write_text(text)
    result = cli("--init-format", "--fix", "--unsafe-fixes", "README.md", cwd=tmp_path)
    assert result.code == 0, result.err
    fixed = (tmp_path / "README.md").read_text()
    assert fixed == text.replace("```\n- [name](link)", "```\nformat:\n- [name](link)")


def test_without_unsafe_fixes_nothing_is_written(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    (tmp_path / "README.md").write_text(TOOLS)
    result = cli("--init-format", "--fix", "README.md", cwd=tmp_path)
    assert result.code == 1
    assert "unsafe fix" in result.err and "--unsafe-fixes" in result.err
    assert (tmp_path / "README.md").read_text() == TOOLS


def test_diff_shows_the_insertion_and_writes_nothing(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    (tmp_path / "README.md").write_text(TOOLS)
    result = cli("--init-format", "--diff", "README.md", cwd=tmp_path)
    assert result.code == 1
    assert "+format:\n" in result.out and result.out.startswith("--- a/README.md\n")
    assert (tmp_path / "README.md").read_text() == TOOLS


def test_a_list_with_no_shape_gets_no_block(cli: Callable[..., Result], tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("# Notes\n\nJust prose, no items.\n")
    result = cli("--init-format", "--fix", "--unsafe-fixes", "README.md", cwd=tmp_path)
    assert result.code == 2 and "no format to insert" in result.err
    assert (tmp_path / "README.md").read_text() == "# Notes\n\nJust prose, no items.\n"
