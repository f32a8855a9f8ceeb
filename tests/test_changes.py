"""``--changed-since REF``: a pull request is held only to what it brought (issue 15).

A real temporary git repository: a list with 10 old defects, then a commit adding 2 defective
entries; one of them repeats an old entry's paper just above it, so the duplicate (AL301) is
reported at the old entry and counts because the entry it relates to is new.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awesome_lint.changes import ALL_LINES, hunk_lines, keep
from awesome_lint.config import Settings
from awesome_lint.context import Context
from awesome_lint.diagnostics import Diagnostic
from awesome_lint.linter import lint_context
from awesome_lint.model.document import Document
from awesome_lint.registry import select_rules
from tests.conftest import FIXTURES, Result
from tests.loopback import LoopbackServer, loopback_server

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")

BEFORE = (FIXTURES / "changes" / "before.md").read_text()
AFTER = (FIXTURES / "changes" / "after.md").read_text()
NEW_DEFECTS = [(42, "AL301"), (52, "AL105")]  # (line, code) brought by the second commit


def git(repo: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.com",
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    done = subprocess.run(
        ["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True
    )
    return done.stdout


def make_repo(path: Path, before: str = BEFORE, after: str = AFTER) -> Path:
    path.mkdir(exist_ok=True)
    git(path, "init", "-q")
    (path / "README.md").write_text(before)
    git(path, "add", "README.md")
    git(path, "commit", "-q", "-m", "the list")
    (path / "README.md").write_text(after)
    git(path, "commit", "-q", "-am", "two new entries")
    return path


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    return make_repo(tmp_path / "repo")


def reported(out: str) -> list[tuple[int, str]]:
    return [(int(m[1]), m[2]) for m in re.finditer(r"^README\.md:(\d+):\d+: (AL\d+)", out, re.M)]


def test_the_list_has_ten_old_defects_and_two_new_ones(
    repo: Path, cli: Callable[..., Result]
) -> None:
    full = cli("--output-format", "concise", "README.md", cwd=repo)
    assert len(reported(full.out)) == 12
    git(repo, "checkout", "-q", "HEAD~1")
    assert len(reported(cli("--output-format", "concise", "README.md", cwd=repo).out)) == 10


def test_changed_since_reports_exactly_the_two_new_defects(
    repo: Path, cli: Callable[..., Result]
) -> None:
    result = cli("--changed-since", "HEAD~1", "--output-format", "concise", "README.md", cwd=repo)
    assert (result.code, result.err) == (1, "")
    assert reported(result.out) == NEW_DEFECTS
    assert "Found 2 errors." in result.out


def test_nothing_changed_since_head_passes(repo: Path, cli: Callable[..., Result]) -> None:
    result = cli("--changed-since", "HEAD", "--output-format", "concise", "README.md", cwd=repo)
    assert (result.code, reported(result.out)) == (0, [])


def test_uncommitted_and_staged_edits_count(repo: Path, cli: Callable[..., Result]) -> None:
    readme = repo / "README.md"
    readme.write_text(readme.read_text().replace("Key: RLHF", "Key:  RLHF"))  # line 32
    result = cli("--changed-since", "HEAD", "--output-format", "concise", "README.md", cwd=repo)
    assert reported(result.out) == [(32, "AL404")]
    git(repo, "add", "README.md")
    staged = cli("--changed-since", "HEAD", "--output-format", "concise", "README.md", cwd=repo)
    assert reported(staged.out) == [(32, "AL404")]


def test_an_untracked_or_new_file_is_all_new(repo: Path, cli: Callable[..., Result]) -> None:
    (repo / "OTHER.md").write_text(BEFORE)
    args = ("--changed-since", "HEAD", "--output-format", "concise", "OTHER.md")
    assert "Found 10 errors." in cli(*args, cwd=repo).out
    git(repo, "add", "OTHER.md")
    git(repo, "commit", "-q", "-m", "another list")
    assert "Found 10 errors." in cli(*args[:1], "HEAD~1", *args[2:], cwd=repo).out


def test_a_file_in_a_subfolder_is_diffed_against_its_own_path(
    repo: Path, cli: Callable[..., Result]
) -> None:
    (repo / "docs").mkdir()
    git(repo, "mv", "README.md", "docs/README.md")
    git(repo, "commit", "-q", "-m", "moved")
    (repo / "docs" / "README.md").write_text(AFTER + "- [Extra](https://arxiv.org/abs/2312.1)\n")
    result = cli(
        "--changed-since", "HEAD", "--output-format", "concise", "docs/README.md", cwd=repo
    )
    rows = re.findall(r"^docs/README\.md:(\d+):\d+: AL", result.out, re.M)
    assert rows, result.out
    assert set(rows) == {"53"}  # the appended entry, nothing of the moved file


@pytest.mark.parametrize(
    ("setup", "ref", "message"),
    [
        ("plain folder", "HEAD~1", "is not in a git repository"),
        ("repo", "no-such-branch", "unknown git ref 'no-such-branch'"),
        ("repo", "--output=x", "unknown git ref '--output=x'"),
    ],
)
def test_git_problems_are_one_line_and_exit_2(
    tmp_path: Path, cli: Callable[..., Result], setup: str, ref: str, message: str
) -> None:
    folder = make_repo(tmp_path / "repo") if setup == "repo" else tmp_path
    (folder / "README.md").write_text(AFTER)
    result = cli(f"--changed-since={ref}", "README.md", cwd=folder)
    assert result.code == 2
    assert result.err.count("\n") == 1, result.err
    assert message in result.err
    assert "Traceback" not in result.err
    assert not (folder / "x").exists()


def test_changed_since_does_not_fix(repo: Path, cli: Callable[..., Result]) -> None:
    result = cli("--changed-since", "HEAD~1", "--fix", "README.md", cwd=repo)
    assert result.code == 2
    assert "--changed-since" in result.err
    assert (repo / "README.md").read_text() == AFTER


@pytest.fixture(scope="module")
def server() -> Iterator[LoopbackServer]:
    with loopback_server() as running:
        yield running


def test_check_links_asks_only_the_urls_of_changed_lines(
    tmp_path: Path, server: LoopbackServer, cli: Callable[..., Result]
) -> None:
    old = "".join(f"- [Old {n}]({server.base}/gone/old-{n})\n" for n in range(20))
    new = f"- [New]({server.base}/gone/new)\n"
    repo = make_repo(tmp_path / "repo", old, old + new)
    (repo / ".awesome-lint.toml").write_text("[check-links]\ntimeout = 1\nretries = 0\n")
    before = server.total
    args = ("--check-links", "--select", "AL503", "--output-format", "concise", "README.md")
    result = cli("--changed-since", "HEAD~1", *args, cwd=repo)
    assert reported(result.out) == [(21, "AL503")], result.out
    assert server.count("HEAD", "/gone/new") == 1
    assert server.total - before <= 2  # HEAD, then GET as a 404 may be HEAD's fault
    assert not any(server.count("HEAD", f"/gone/old-{n}") for n in range(20))


# The filtering alone, without git.

HUNKS = """\
diff --git a/README.md b/README.md
--- a/README.md
+++ b/README.md
@@ -3 +3 @@ heading
-old
+new
@@ -10,0 +11,2 @@
+added
+added
@@ -20,3 +21,0 @@
-gone
@@ -30,2 +29 @@
"""


def test_hunks_give_the_new_side_lines_and_deletions_none() -> None:
    assert hunk_lines(HUNKS) == {2, 10, 11, 28}
    assert hunk_lines("") == frozenset()


def _diagnostics(text: str) -> tuple[Document, Context, list[Diagnostic]]:
    document = Document(text, path="README.md")
    context = Context(document, Settings())
    return document, context, lint_context(context, select_rules(None, [], []))


def test_a_duplicate_counts_when_the_entry_it_repeats_is_new() -> None:
    document, context, found = _diagnostics(AFTER)
    new_lines = frozenset(range(38, 41)) | {50, 51, 52}  # 0-based: the two new entries
    kept = keep(found, document, context.entries, new_lines)
    assert [(document.line_of(d.start) + 1, d.code) for d in kept] == NEW_DEFECTS


@given(st.frozensets(st.integers(min_value=0, max_value=60)))
def test_keeping_is_a_subset_and_every_line_keeps_all(lines: frozenset[int]) -> None:
    document, context, found = _diagnostics(AFTER)
    kept = keep(found, document, context.entries, lines)
    assert all(d in found for d in kept)
    every = frozenset(range(document.line_count))
    assert keep(found, document, context.entries, every) == found
    assert keep(found, document, context.entries, ALL_LINES) == found
    assert keep(found, document, context.entries, frozenset()) == []
