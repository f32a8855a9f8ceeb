"""The GitHub Action's run script (action.yml), run by bash as the runner would run it.

Issue 15: a quoted ``args`` input (``--ignore "AL4"``) reached awesome-lint with its quotes;
and the action gains ``changed-since`` (default: the pull request's base), so a pull request
fails only for what it brought.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.test_changes import NEW_DEFECTS, git, make_repo

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(
    shutil.which("bash") is None or shutil.which("git") is None, reason="needs bash and git"
)


def _action() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((ROOT / "action.yml").read_text())
    return loaded


def _lint_step() -> dict[str, Any]:
    step: dict[str, Any] = next(s for s in _action()["runs"]["steps"] if s.get("id") == "lint")
    return step


def run_action(repo: Path, tmp_path: Path, **inputs: str) -> subprocess.CompletedProcess[str]:
    """The lint step's script with the action's inputs (``changed_since=...``) as its env."""
    wrapper = tmp_path / "awesome-lint"
    wrapper.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m awesome_lint "$@"\n')
    wrapper.chmod(0o755)
    defaults = {name: spec.get("default", "") for name, spec in _action()["inputs"].items()}
    values = {
        **defaults,
        "changed-since": "",
        **{k.replace("_", "-"): v for k, v in inputs.items()},
    }
    env = {
        **os.environ,
        "AWESOME_LINT": str(wrapper),
        "AWESOME_LINT_PYTHON": sys.executable,
        "GITHUB_OUTPUT": str(tmp_path / "github-output"),
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
    }
    env.pop("GITHUB_STEP_SUMMARY", None)
    for name, expression in _lint_step()["env"].items():
        match = re.fullmatch(r"\$\{\{ inputs\.([\w-]+) \}\}", expression)
        assert match, f"{name}: {expression}"
        env[name] = values[match.group(1)]
    return subprocess.run(
        ["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", _lint_step()["run"]],
        cwd=repo,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def annotations(out: str) -> list[tuple[int, str]]:
    return [
        (int(m[2]), m[1])
        for m in re.finditer(
            r"^::error title=awesome-lint \((AL\d+)\),file=README\.md,line=(\d+)", out, re.M
        )
    ]


def test_changed_since_defaults_to_the_pull_requests_base() -> None:
    default = _action()["inputs"]["changed-since"]["default"]
    assert default == "${{ github.event.pull_request.base.sha }}"


def test_changed_since_fails_the_pull_request_only_for_what_it_brought(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo")
    base = git(repo, "rev-parse", "HEAD~1").strip()
    done = run_action(repo, tmp_path, changed_since=base)
    assert done.returncode == 1, done.stderr
    assert annotations(done.stdout) == NEW_DEFECTS


def test_without_changed_since_the_whole_list_is_linted(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo")
    done = run_action(repo, tmp_path)
    assert done.returncode == 1, done.stderr
    assert len(annotations(done.stdout)) == 12


def test_a_base_that_cannot_be_fetched_is_a_warning_and_a_full_lint(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo")
    done = run_action(repo, tmp_path, changed_since="0" * 40)
    assert done.returncode == 1, done.stderr
    assert "::warning title=awesome-lint::" in done.stdout
    assert len(annotations(done.stdout)) == 12


def test_a_missing_base_is_fetched_from_origin(tmp_path: Path) -> None:
    origin = make_repo(tmp_path / "origin")
    base = git(origin, "rev-parse", "HEAD~1").strip()
    git(origin, "config", "uploadpack.allowAnySHA1InWant", "true")
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth=1", f"file://{origin}", str(clone))
    with pytest.raises(subprocess.CalledProcessError):
        git(clone, "cat-file", "-e", f"{base}^{{commit}}")
    done = run_action(clone, tmp_path, changed_since=base)
    assert "::warning" not in done.stdout, done.stdout
    assert annotations(done.stdout) == NEW_DEFECTS


@pytest.mark.parametrize("args", ['--ignore "AL4"', "--ignore 'AL4'", "--ignore AL4"])
def test_quoted_args_are_split_like_a_shell(tmp_path: Path, args: str) -> None:
    repo = make_repo(tmp_path / "repo")
    done = run_action(repo, tmp_path, args=args)
    assert done.returncode == 1, done.stdout + done.stderr
    codes = [code for _, code in annotations(done.stdout)]
    assert codes, done.stdout
    assert not [c for c in codes if c.startswith("AL4")]


def test_args_are_never_evaluated(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo")
    done = run_action(repo, tmp_path, args='--ignore "$(touch pwned)AL4" `touch pwned2`')
    assert not (repo / "pwned").exists()
    assert not (repo / "pwned2").exists()
    assert done.returncode == 2  # "$(touch pwned)AL4" is no rule code; "`touch" no file


def test_unbalanced_quotes_are_one_error(tmp_path: Path) -> None:
    repo = make_repo(tmp_path / "repo")
    done = run_action(repo, tmp_path, args='--ignore "AL4')
    assert done.returncode == 2
    assert "::error title=awesome-lint::the args input cannot be split" in done.stdout
    assert "No closing quotation" in done.stderr
    assert "Traceback" not in done.stderr
