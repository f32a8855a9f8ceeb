"""The real pre-commit, installing this checkout as a hook repository, on a broken and a clean list.

pre-commit clones the hook repository, creates a virtualenv and pip-installs it there, exactly as
for a user. The checkout is copied (tracked and untracked files, so work not yet committed is
what gets tested) into a temporary git repository first. pip is pointed at this machine's local
package sources when it has any, so the test needs no network.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path

import pytest

from awesome_lint import __version__
from tests.checkout import clean_environment, commit_all, copy_checkout, git, new_repo

PRE_COMMIT = Path(sys.executable).parent / "pre-commit"

FORMAT_BLOCK = """\
```
format:
- [title](paper link)
   - author1, author2
   - Keyword: key problems
   - Dataset: datasets
```
"""
BROKEN = f"""\
# Awesome Feedback

{FORMAT_BLOCK}
- [Learning to summarize from human feedback](https://arxiv.org/abs/2009.01325)
   - Nisan Stiennon, Long Ouyang
   - Keyword: Summarization
   - Dataset; [TL;DR](https://github.com/openai/summarize-from-feedback)
"""
FIXED = BROKEN.replace("Dataset;", "Dataset:")
CLEAN = FIXED.replace("Summarization", "Summarisation")

pytestmark = pytest.mark.skipif(
    not PRE_COMMIT.exists() and shutil.which("pre-commit") is None,
    reason="pre-commit is not installed (pip install -e '.[test]')",
)


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = copy_checkout(tmp_path_factory.mktemp("hook") / "awesome-lint")
    # The tag the release checklist (CONTRIBUTING.md) makes: what a user's `rev:` names.
    git("tag", "-a", f"v{__version__}", "-m", f"awesome-lint {__version__}", cwd=repo)
    return repo


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> Mapping[str, str]:
    home = str(tmp_path_factory.mktemp("pre-commit-home"))
    return clean_environment(PRE_COMMIT_HOME=home, PRE_COMMIT_COLOR="never")


def write_config(list_repo: Path, hook_repo: Path, *options: str) -> None:
    """The README's `.pre-commit-config.yaml`, pinned at the tag as the README says."""
    hook = "".join(f"    {option}\n" for option in options)
    (list_repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {hook_repo}\n  rev: v{__version__}\n  hooks:\n"
        f"  - id: awesome-lint\n{hook}"
    )


def pre_commit(*args: str, cwd: Path, env: Mapping[str, str]) -> subprocess.CompletedProcess[str]:
    executable = str(PRE_COMMIT) if PRE_COMMIT.exists() else "pre-commit"
    return subprocess.run(
        [executable, *args], cwd=cwd, env=dict(env), capture_output=True, text=True, timeout=600
    )


@pytest.fixture
def list_repo(tmp_path: Path) -> Path:
    repo = new_repo(tmp_path / "list")
    (repo / "README.md").write_text(BROKEN)
    (repo / "clean").mkdir()
    (repo / "clean" / "README.md").write_text(CLEAN)
    commit_all(repo)
    return repo


def test_hook_fails_on_a_broken_list_fixes_it_and_passes_a_clean_one(
    hook_repo: Path, list_repo: Path, env: Mapping[str, str]
) -> None:
    tried = pre_commit(
        "try-repo", str(hook_repo), "awesome-lint", "--files", "README.md", cwd=list_repo, env=env
    )
    assert tried.returncode == 1, tried.stdout + tried.stderr
    assert 'README.md:14:6: AL105 [*] Label "Dataset;" should be "Dataset:"' in tried.stdout
    assert (list_repo / "README.md").read_text() == BROKEN  # no --fix: nothing written

    clean = pre_commit(
        "try-repo",
        str(hook_repo),
        "awesome-lint",
        "--files",
        "clean/README.md",
        cwd=list_repo,
        env=env,
    )
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "Passed" in clean.stdout

    write_config(list_repo, hook_repo, "args: [--fix]")
    fixing = pre_commit("run", "awesome-lint", "--files", "README.md", cwd=list_repo, env=env)
    # The fix leaves nothing to report, yet the hook fails: pre-commit saw the file change.
    assert fixing.returncode == 1, fixing.stdout + fixing.stderr
    assert "files were modified by this hook" in fixing.stdout
    assert (list_repo / "README.md").read_text() == FIXED

    again = pre_commit("run", "awesome-lint", "--files", "README.md", cwd=list_repo, env=env)
    assert again.returncode == 0, again.stdout + again.stderr


def test_the_hook_checks_the_lists_and_leaves_other_markdown_alone(
    hook_repo: Path, tmp_path: Path, env: Mapping[str, str]
) -> None:
    repo = new_repo(tmp_path / "list")
    lists = ["README.md", "README_zh.md", "docs/readme.md"]
    others = ["CONTRIBUTING.md", "docs/guide.md", "notes.md"]
    for name in lists + others:
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(BROKEN)
    write_config(repo, hook_repo, "args: [--fix]")
    commit_all(repo)

    fixing = pre_commit("run", "awesome-lint", "--all-files", cwd=repo, env=env)
    assert fixing.returncode == 1, fixing.stdout + fixing.stderr
    assert {name: (repo / name).read_text() == FIXED for name in lists + others} == {
        **dict.fromkeys(lists, True),
        **dict.fromkeys(others, False),
    }

    # The README's way to widen it to every Markdown file.
    write_config(repo, hook_repo, "args: [--fix]", r"files: \.md$")
    widened = pre_commit("run", "awesome-lint", "--all-files", cwd=repo, env=env)
    assert widened.returncode == 1, widened.stdout + widened.stderr
    assert all((repo / name).read_text() == FIXED for name in lists + others)
