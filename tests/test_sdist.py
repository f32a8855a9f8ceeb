"""The sdist and wheel as a release makes them: complete, valid for PyPI, and able to test itself.

A copy of the checkout (tracked and untracked files) is built with `python -m build
--no-isolation` (the sdist, then the wheel from the sdist), checked with `twine check --strict`,
unpacked, and part of the test suite is run from the unpacked tree against its own sources.
build, twine and the setuptools that build-system.requires names are in the test extra.
"""

from __future__ import annotations

import email
import os
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

from awesome_lint import __version__
from tests.checkout import copy_checkout, git

# Run from the unpacked sdist: the CLI, every fixture folder, the generated docs, the release.
SUITE_PART = ["tests/test_cli.py", "tests/test_fixtures.py", "tests/test_docs.py"]
SUITE_PART += ["tests/test_release.py"]
NOT_SHIPPED = {".gitignore"}  # version control only


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_checkout(tmp_path_factory.mktemp("tree") / "awesome-lint", everything=True)


@pytest.fixture(scope="module")
def dist(tree: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    built = subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(tree)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert built.returncode == 0, built.stdout + built.stderr
    return out


def sdist_of(dist: Path) -> Path:
    (sdist,) = dist.glob("*.tar.gz")
    return sdist


def wheel_of(dist: Path) -> Path:
    (wheel,) = dist.glob("*.whl")
    return wheel


def test_one_sdist_and_one_wheel_of_this_version(dist: Path) -> None:
    assert sdist_of(dist).name == f"awesome_lint-{__version__}.tar.gz"
    assert wheel_of(dist).name == f"awesome_lint-{__version__}-py3-none-any.whl"


def test_twine_check_passes(dist: Path) -> None:
    checked = subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", *map(str, sorted(dist.iterdir()))],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert checked.stdout.count("PASSED") == 2, checked.stdout


def test_the_sdist_carries_every_file_of_the_project(tree: Path, dist: Path) -> None:
    tracked = set(git("ls-files", "-z", cwd=tree).split("\0")) - {""}
    with tarfile.open(sdist_of(dist)) as archive:
        prefix = f"awesome_lint-{__version__}/"
        shipped = {m.name.removeprefix(prefix) for m in archive.getmembers() if m.isfile()}
    assert tracked - shipped == NOT_SHIPPED
    for wanted in ["tests/conftest.py", "tests/fixtures/seed/README.md", "docs/rules.md"]:
        assert wanted in shipped
    assert not [name for name in shipped if "__pycache__" in name or name.endswith(".pyc")]


def test_the_wheel_carries_the_package_and_its_metadata(dist: Path) -> None:
    with zipfile.ZipFile(wheel_of(dist)) as archive:
        names = set(archive.namelist())
        info = f"awesome_lint-{__version__}.dist-info"
        metadata = email.message_from_bytes(archive.read(f"{info}/METADATA"))
    assert {"awesome_lint/py.typed", "awesome_lint/spelling/data/words.txt"} <= names
    assert not [name for name in names if name.startswith("tests/")]
    assert metadata["Version"] == __version__
    classifiers = metadata.get_all("Classifier") or []
    for minor in range(10, 15):
        assert f"Programming Language :: Python :: 3.{minor}" in classifiers
    assert "Typing :: Typed" in classifiers
    urls = {url.split(",")[0] for url in metadata.get_all("Project-URL") or []}
    assert {"Homepage", "Source", "Issues", "Changelog", "Documentation"} <= urls


def test_the_unpacked_sdist_runs_its_own_tests(
    dist: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    where = tmp_path_factory.mktemp("unpacked")
    with tarfile.open(sdist_of(dist)) as archive:
        # The safe filter where this Python has it (3.10.12+, 3.11.4+); our own archive anyway.
        safe = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}
        archive.extractall(where, **safe)
    unpacked = where / f"awesome_lint-{__version__}"
    env = {**os.environ, "PYTHONPATH": str(unpacked / "src"), "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("AWESOME_LINT_SRC", None)
    imported = subprocess.run(
        [sys.executable, "-c", "import awesome_lint; print(awesome_lint.__file__)"],
        cwd=unpacked,
        env=env,
        capture_output=True,
        text=True,
    )
    assert Path(imported.stdout.strip()).is_relative_to(unpacked), imported.stdout  # its sources
    tested = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *SUITE_PART],
        cwd=unpacked,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert tested.returncode == 0, tested.stdout[-3000:] + tested.stderr[-3000:]
    assert " passed" in tested.stdout.splitlines()[-1]
