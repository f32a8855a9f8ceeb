"""The real pre-commit, installing this checkout as a hook repository, on a broken and a clean list.

pre-commit clones the hook repository, creates a virtualenv and pip-installs it there, exactly as
for a user. The checkout is copied (tracked and untracked files, so work not yet committed is
what gets tested) into a temporary git repository first. pip is pointed at this machine's local
package sources when it has any, so the test needs no network.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
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


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(
        ["git", "-c", "core.hooksPath=/dev/null", "-c", "commit.gpgsign=false", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def new_repo(path: Path) -> Path:
    path.mkdir()
    git("init", "-q", cwd=path)
    git("config", "user.name", "awesome-lint tests", cwd=path)
    git("config", "user.email", "tests@awesome-lint.invalid", cwd=path)
    return path


def commit_all(repo: Path) -> None:
    git("add", "-A", cwd=repo)
    git("commit", "-q", "-m", "snapshot", cwd=repo)


def project_files() -> Iterator[Path]:
    """The files pip needs to install the checkout: top-level files and the package sources."""
    if (ROOT / ".git").exists():
        listed = git("ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=ROOT)
        candidates = [ROOT / name for name in listed.split("\0") if name]
    else:
        candidates = [p for p in ROOT.rglob("*") if "__pycache__" not in p.parts]
    for path in candidates:
        relative = path.relative_to(ROOT)
        wanted = len(relative.parts) == 1 or relative.parts[0] == "src"
        if wanted and path.is_file():
            yield relative


def local_pip_sources() -> dict[str, str]:
    """Only the file:// indexes and find-links that pip is configured with, when there are any."""
    listed = subprocess.run(
        [sys.executable, "-m", "pip", "config", "list"], capture_output=True, text=True
    ).stdout
    urls: list[str] = []
    links: list[str] = []
    for line in listed.splitlines():
        key, _, value = line.partition("=")
        values = value.strip("'\"").split()
        if key.endswith("index-url"):
            urls += [v for v in values if v.startswith("file:")]
        elif key.endswith("find-links"):
            links += [v for v in values if "://" not in v or v.startswith("file:")]
    if not urls:
        return {"PIP_NO_INDEX": "1", "PIP_FIND_LINKS": " ".join(links)} if links else {}
    return {
        "PIP_INDEX_URL": urls[0],
        "PIP_EXTRA_INDEX_URL": " ".join(dict.fromkeys(urls[1:])),
        "PIP_FIND_LINKS": " ".join(dict.fromkeys(links)),
    }


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = new_repo(tmp_path_factory.mktemp("hook") / "awesome-lint")
    for relative in project_files():
        target = repo / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / relative, target)
    commit_all(repo)
    return repo


@pytest.fixture(scope="module")
def env(tmp_path_factory: pytest.TempPathFactory) -> Mapping[str, str]:
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("PRE_COMMIT", "GIT_"))}
    environment.update(local_pip_sources())
    environment["PRE_COMMIT_HOME"] = str(tmp_path_factory.mktemp("pre-commit-home"))
    environment["PRE_COMMIT_COLOR"] = "never"
    environment.pop("GITHUB_STEP_SUMMARY", None)
    return environment


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

    revision = git("rev-parse", "HEAD", cwd=hook_repo).strip()
    (list_repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n- repo: {hook_repo}\n  rev: {revision}\n  hooks:\n"
        "  - id: awesome-lint\n    args: [--fix]\n"
    )
    fixing = pre_commit("run", "awesome-lint", "--files", "README.md", cwd=list_repo, env=env)
    # The fix leaves nothing to report, yet the hook fails: pre-commit saw the file change.
    assert fixing.returncode == 1, fixing.stdout + fixing.stderr
    assert "files were modified by this hook" in fixing.stdout
    assert (list_repo / "README.md").read_text() == FIXED

    again = pre_commit("run", "awesome-lint", "--files", "README.md", cwd=list_repo, env=env)
    assert again.returncode == 0, again.stdout + again.stderr
