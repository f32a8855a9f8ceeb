"""The README's install line for users without a clone, tried for real in a fresh venv.

`pipx install git+https://github.com/awesome-lint/awesome-lint` makes a virtualenv and
pip-installs the git url into it; here a copy of this checkout, as a git repository reached by a
file:// url, stands in for GitHub, and the tag the release checklist makes stands in for a
release. pip builds in isolation as it does for a user (from this machine's local package
sources when it has any, else the index).
"""

from __future__ import annotations

import re
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from awesome_lint import __version__
from tests.checkout import ROOT, clean_environment, copy_checkout, git

REMOTE = "https://github.com/awesome-lint/awesome-lint"


@pytest.fixture(scope="module")
def remote(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = copy_checkout(tmp_path_factory.mktemp("remote") / "awesome-lint", everything=True)
    git("tag", "-a", f"v{__version__}", "-m", f"awesome-lint {__version__}", cwd=repo)
    return repo


def documented_requirements() -> list[str]:
    """The git urls the README and docs tell users to install."""
    text = "\n".join(
        path.read_text(encoding="utf-8") for path in [ROOT / "README.md", *ROOT.glob("docs/*.md")]
    )
    found = re.findall(r"(?:pipx|pip) install \"?((?:awesome-lint @ )?git\+([^\s\"]+))", text)
    # One install per url (the docs' `awesome-lint @ url` form wins over the README's bare url).
    return list({url: requirement for requirement, url in found}.values())


def fresh_venv(path: Path) -> Path:
    venv.create(path, with_pip=True)
    return path / ("Scripts" if sys.platform == "win32" else "bin")


@pytest.mark.parametrize("requirement", documented_requirements())
def test_the_documented_git_url_installs_a_working_command(
    requirement: str, remote: Path, tmp_path: Path
) -> None:
    # file://localhost/...: the pip a venv comes with (23.2 on 3.11) wants a host in a url.
    local = requirement.replace(REMOTE, f"file://localhost{remote}")
    assert local != requirement
    bin_dir = fresh_venv(tmp_path / "venv")
    installed = subprocess.run(
        [str(bin_dir / "python"), "-m", "pip", "install", "--quiet", local],
        env=clean_environment(PIP_DISABLE_PIP_VERSION_CHECK="1"),
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr
    version = subprocess.run(
        [str(bin_dir / "awesome-lint"), "--version"], capture_output=True, text=True, timeout=60
    )
    assert version.returncode == 0, version.stderr
    assert (
        version.stdout == f"awesome-lint {__version__} (Python; the contribution-format linter)\n"
    )
    seed = subprocess.run(
        [str(bin_dir / "awesome-lint"), "--output-format", "concise", "README.md"],
        cwd=remote / "tests" / "fixtures" / "seed",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert seed.returncode == 1, seed.stderr  # the seed list has defects to report
    assert "AL105" in seed.stdout
