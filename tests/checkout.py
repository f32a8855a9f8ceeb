"""A copy of this checkout as a git repository of its own, and pip pointed at local sources.

The copy takes tracked and untracked (not ignored) files, so work not yet committed is what gets
tested; it stands in for the GitHub repository (a pre-commit hook repository, a `git+` url).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def git(*args: str, cwd: Path) -> str:
    return subprocess.run(
        ["git", "-c", "core.hooksPath=/dev/null", "-c", "commit.gpgsign=false", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def new_repo(path: Path) -> Path:
    path.mkdir(parents=True)
    git("init", "-q", cwd=path)
    git("config", "user.name", "awesome-lint tests", cwd=path)
    git("config", "user.email", "tests@awesome-lint.invalid", cwd=path)
    return path


def commit_all(repo: Path) -> None:
    git("add", "-A", cwd=repo)
    git("commit", "-q", "-m", "snapshot", cwd=repo)


def project_files(*, everything: bool = False) -> Iterator[Path]:
    """The checkout's files: all of them, or those pip needs (top-level files and src/)."""
    if (ROOT / ".git").exists():
        listed = git("ls-files", "-z", "--cached", "--others", "--exclude-standard", cwd=ROOT)
        candidates = [ROOT / name for name in listed.split("\0") if name]
    else:  # an unpacked sdist
        candidates = [p for p in ROOT.rglob("*") if "__pycache__" not in p.parts]
    for path in candidates:
        relative = path.relative_to(ROOT)
        wanted = everything or len(relative.parts) == 1 or relative.parts[0] == "src"
        if wanted and path.is_file():
            yield relative


def copy_checkout(repo: Path, *, everything: bool = False) -> Path:
    """A new git repository at ``repo`` holding the checkout's files in one commit."""
    new_repo(repo)
    for relative in project_files(everything=everything):
        target = repo / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / relative, target)
        target.chmod(target.stat().st_mode | 0o200)  # corpus copies are 0444
    commit_all(repo)
    return repo


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


def clean_environment(**extra: str) -> dict[str, str]:
    """os.environ without git's and pre-commit's variables, pip pointed at local sources."""
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("PRE_COMMIT", "GIT_"))}
    environment.pop("GITHUB_STEP_SUMMARY", None)
    environment.update(local_pip_sources())
    environment.update(extra)
    return environment
