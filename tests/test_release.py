"""What a user pins is what a release makes: one version, its tag, its changelog section.

The version is written once (``awesome_lint.__version__``); the release checklist in
CONTRIBUTING.md tags ``v`` + that version, and the README and docs must pin exactly that tag
(pre-commit's ``rev:``, the action's ``@``, pip's and pipx's ``git+...@``).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from awesome_lint import __version__

ROOT = Path(__file__).resolve().parent.parent
if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
IDENTITY = f"awesome-lint {__version__} (Python; the contribution-format linter)"
REPOSITORY = "https://github.com/awesome-lint/awesome-lint"


def user_docs() -> dict[str, str]:
    paths = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    return {path.relative_to(ROOT).as_posix(): path.read_text(encoding="utf-8") for path in paths}


def pins(text: str) -> list[str]:
    """Every release this text tells a user to pin: `rev: vX`, `awesome-lint@vX`."""
    return re.findall(r"\brev: +['\"]?([^\s'\"`]+)", text) + re.findall(
        r"awesome-lint/awesome-lint@([^\s\"'`]+)", text
    )


def test_the_version_is_written_once() -> None:
    project = PYPROJECT["project"]
    assert "version" not in project
    assert project["dynamic"] == ["version"]
    assert PYPROJECT["tool"]["setuptools"]["dynamic"]["version"] == {
        "attr": "awesome_lint.__version__"
    }
    assert re.fullmatch(r"\d+\.\d+\.\d+", __version__)


def test_version_says_which_awesome_lint_this_is() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "awesome_lint", "--version"], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == IDENTITY + "\n"


def test_the_docs_pin_the_tag_of_this_version() -> None:
    found = {name: pins(text) for name, text in user_docs().items()}
    wrong = {
        name: [pin for pin in pinned if pin != f"v{__version__}"] for name, pinned in found.items()
    }
    assert wrong == {name: [] for name in found}
    readme = user_docs()["README.md"]
    assert f"rev: v{__version__}" in readme
    assert f"awesome-lint/awesome-lint@v{__version__}" in readme


def test_the_readme_installs_without_a_clone_and_names_the_other_awesome_lint() -> None:
    readme = user_docs()["README.md"]
    assert re.search(rf"^pipx install git\+{re.escape(REPOSITORY)}\s", readme, re.MULTILINE)
    assert re.search(r"^pipx install awesome-lint\s", readme, re.MULTILINE)
    assert "sindresorhus/awesome-lint" in readme
    assert IDENTITY in readme  # what `awesome-lint --version` prints, as the README shows it


def test_the_changelog_has_a_section_for_this_version() -> None:
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## \[([^\]]+)\](.*)$", changelog, re.MULTILINE)
    assert headings[0] == ("Unreleased", "")
    released = dict(headings[1:])
    assert re.fullmatch(r" - \d{4}-\d{2}-\d{2}", released.get(__version__, "")), headings
    assert f"[{__version__}]: {REPOSITORY}/releases/tag/v{__version__}" in changelog
    assert f"[Unreleased]: {REPOSITORY}/compare/v{__version__}...HEAD" in changelog


def test_the_release_checklist_makes_the_tag_the_docs_pin() -> None:
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    checklist = contributing.split("## Releasing", 1)[1].split("\n## ", 1)[0]
    for step in ["src/awesome_lint/__init__.py", "CHANGELOG.md", "twine check", "git tag -a v"]:
        assert step in checklist
    assert re.search(r"git push origin .*\bvX\.Y\.Z\b", checklist)


def test_classifiers_follow_requires_python_and_urls_are_there() -> None:
    project = PYPROJECT["project"]
    assert project["requires-python"] == ">=3.10"
    versions = {
        c.rsplit(" :: ", 1)[1]
        for c in project["classifiers"]
        if re.fullmatch(r"Programming Language :: Python :: 3\.\d+", c)
    }
    assert versions == {f"3.{minor}" for minor in range(10, 15)}
    for classifier in ["Development Status :: ", "Intended Audience :: Developers"]:
        assert any(c.startswith(classifier) for c in project["classifiers"])
    assert "Operating System :: OS Independent" in project["classifiers"]
    assert "Typing :: Typed" in project["classifiers"]
    urls = project["urls"]
    assert {"Homepage", "Source", "Issues", "Changelog", "Documentation"} <= set(urls)
    assert all(url.startswith(REPOSITORY) for url in urls.values())
