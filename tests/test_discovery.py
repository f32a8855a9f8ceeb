"""Files and directories (issue 15): ``awesome-lint docs/`` lints the lists under docs only.

A tree with two lists (a README and a page with a format block), a CONTRIBUTING.md (whose
format block tells contributors how to write entries), a page of prose, and a folder git
ignores: the two lists are linted, nothing else. Config adds include/exclude globs and
per-file-ignores; ``--show-settings`` names the config file a file's settings came from.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from awesome_lint.discovery import looks_like_a_list, matches
from tests.conftest import FIXTURES, Result
from tests.test_changes import git

LIST = (FIXTURES / "changes" / "before.md").read_text()
PAPERS = (FIXTURES / "changes" / "after.md").read_text().replace("# Awesome", "# More")
CONTRIBUTING = """\
# Contributing

Read the [code of conduct](CODE_OF_CONDUCT.md) and open an [issue](https://example.com/i).

- [Style guide](https://example.com/style)
- [How to add a paper](https://example.com/add)

Write each entry like this:

```
format:
- [title](paper link)
  - authors
  - Key: keywords
```
"""
PROSE = "# Notes\n\nSome text with a trailing space. \n"


def make_tree(root: Path, *, use_git: bool) -> Path:
    docs = root / "docs"
    for folder in (docs / "sub", docs / "build", docs / ".cache"):
        folder.mkdir(parents=True)
    (docs / "README.md").write_text(LIST)
    (docs / "sub" / "papers.md").write_text(PAPERS)
    (docs / "CONTRIBUTING.md").write_text(CONTRIBUTING)
    (docs / "notes.md").write_text(PROSE)
    (docs / "build" / "README.md").write_text(LIST)  # a build output git ignores
    (docs / ".cache" / "README.md").write_text(LIST)  # hidden
    if use_git:
        git(root, "init", "-q")
        (root / ".gitignore").write_text("build/\n.cache/\n")
        git(root, "add", "docs/README.md", ".gitignore")  # the others stay untracked
    return root


def linted(out: str) -> set[str]:
    return set(re.findall(r"^([^\s:]+\.md):\d+:\d+: AL", out, re.M))


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_a_directory_lints_its_two_lists_only(tmp_path: Path, cli: Callable[..., Result]) -> None:
    root = make_tree(tmp_path, use_git=True)
    result = cli("--output-format", "concise", "docs/", cwd=root)
    assert result.code == 1, result.err
    assert linted(result.out) == {"docs/README.md", "docs/sub/papers.md"}
    assert "Found 22 errors." in result.out  # 10 + 12: each list whole, once


def test_outside_git_hidden_folders_are_skipped(tmp_path: Path, cli: Callable[..., Result]) -> None:
    root = make_tree(tmp_path, use_git=False)
    shutil.rmtree(root / "docs" / "build")  # no .gitignore is read outside git
    result = cli("--output-format", "concise", "docs", cwd=root)
    assert linted(result.out) == {"docs/README.md", "docs/sub/papers.md"}


def test_include_and_exclude_globs(tmp_path: Path, cli: Callable[..., Result]) -> None:
    root = make_tree(tmp_path, use_git=False)
    shutil.rmtree(root / "docs" / "build")
    (root / ".awesome-lint.toml").write_text('include = ["docs/*.md"]\nexclude = ["sub"]\n')
    result = cli("--output-format", "concise", "docs", cwd=root)
    # notes.md is included by its glob; CONTRIBUTING.md too (included on purpose), sub/ is not.
    assert linted(result.out) == {"docs/README.md", "docs/notes.md", "docs/CONTRIBUTING.md"}
    explicit = cli("--output-format", "concise", "docs/sub/papers.md", cwd=root)
    assert linted(explicit.out) == {"docs/sub/papers.md"}  # a file argument is linted as given


def test_per_file_ignores(tmp_path: Path, cli: Callable[..., Result]) -> None:
    root = make_tree(tmp_path, use_git=False)
    shutil.rmtree(root / "docs" / "build")
    (root / ".awesome-lint.toml").write_text(
        '[per-file-ignores]\n"docs/sub/*.md" = ["AL4", "AL301"]\n'
    )
    result = cli("--output-format", "concise", "docs", cwd=root)
    papers = [line for line in result.out.splitlines() if line.startswith("docs/sub/papers.md")]
    readme = [line for line in result.out.splitlines() if line.startswith("docs/README.md")]
    assert papers  # AL1 still reported
    assert not [line for line in papers if " AL4" in line or " AL301" in line]
    assert [line for line in readme if " AL4" in line]  # another file keeps them


def test_show_settings_names_the_config_file(tmp_path: Path, cli: Callable[..., Result]) -> None:
    root = make_tree(tmp_path, use_git=False)
    config = root / ".awesome-lint.toml"
    config.write_text('ignore = ["AL406"]\n[per-file-ignores]\n"docs/sub/*" = ["AL4"]\n')
    result = cli("--show-settings", "docs/sub/papers.md", cwd=root)
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    assert lines[:2] == [
        "Resolved settings for: docs/sub/papers.md",
        f"Settings path: {config.resolve()}",
    ]
    assert re.search(r'^ignore +=\s+\["AL406"\]$', result.out, re.M)
    assert re.search(r'^per-file-ignores for this file += \["AL4"\]$', result.out, re.M)
    rules = next(line for line in lines if line.startswith("rules"))
    assert "AL101" in rules and "AL401" not in rules and "AL406" not in rules
    bare = cli("--show-settings", "docs/notes.md", cwd=tmp_path / "docs")
    assert bare.out.splitlines()[1].startswith(f"Settings path: {config.resolve()}")
    (config).unlink()
    none = cli("--show-settings", "docs/notes.md", cwd=root)
    assert none.out.splitlines()[1].startswith("Settings path: none")


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_no_argument_is_this_folders_readme_else_the_repository_roots(
    tmp_path: Path, cli: Callable[..., Result]
) -> None:
    root = make_tree(tmp_path, use_git=True)
    assert linted(cli("--output-format", "concise", cwd=root / "docs").out) == {"README.md"}
    (root / "README.md").write_text(LIST)
    from_sub = cli("--output-format", "concise", cwd=root / "docs" / "sub")
    assert from_sub.code == 1, from_sub.err
    assert "Found 10 errors." in from_sub.out  # the root's README, not papers.md


def test_a_directory_with_no_list_is_one_line_and_exit_2(
    tmp_path: Path, cli: Callable[..., Result]
) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "notes.md").write_text(PROSE)
    result = cli("docs", cwd=tmp_path)
    assert result.code == 2
    assert result.err.startswith("awesome-lint: docs: is a directory with no list in it")
    assert result.err.count("\n") == 1
    assert result.out == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("```\nformat:\n- [title](link)\n```\n", True),
        ("~~~md\n\n格式：\n~~~\n", True),
        ("```\ncode\nformat:\n```\n", False),  # not the block's first line
        ("".join(f"- [P{n}](https://x.org/{n}) - d\n" for n in range(5)), True),
        ("".join(f"* :star: [P{n}](https://x.org/{n})\n" for n in range(5)), True),
        ("".join(f"- [P{n}](https://x.org/{n})\n" for n in range(4)), False),
        ("```\n" + "".join(f"- [P{n}](u)\n" for n in range(9)) + "```\n", False),  # in code
        ("format: in prose\n", False),
    ],
)
def test_what_looks_like_a_list(text: str, expected: bool) -> None:
    assert looks_like_a_list(text) is expected


@pytest.mark.parametrize(
    ("pattern", "path", "expected"),
    [
        ("sub", "docs/sub/papers.md", True),
        ("papers.md", "docs/sub/papers.md", True),
        ("*.md", "docs/sub/papers.md", True),
        ("docs/*.md", "docs/sub/papers.md", False),
        ("docs/**/*.md", "docs/sub/papers.md", True),
        ("docs/**", "docs/sub/papers.md", True),
        ("docs/sub", "docs/sub/papers.md", True),
        ("/docs/sub/", "docs/sub/papers.md", True),
        ("doc", "docs/sub/papers.md", False),
        ("s?b", "docs/sub/x.md", True),
    ],
)
def test_globs(pattern: str, path: str, expected: bool) -> None:
    assert matches(pattern, path) is expected
