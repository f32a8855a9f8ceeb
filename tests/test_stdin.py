"""`-` reads the list from stdin: `--stdin-filename` names it for config and reports."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from .conftest import FIXTURES, SEED

CONFIGURED = FIXTURES / "stdin"  # its pyproject.toml ignores AL405


def awesome_lint(*args: str, text: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "awesome_lint", "--no-color", "--output-format", "concise", *args],
        input=text,
        capture_output=True,
        text=True,
        cwd=cwd,
        encoding="utf-8",
    )


def test_stdin_is_linted_with_the_config_of_its_path_and_reported_under_it(
    tmp_path: Path,
) -> None:
    text = SEED.read_text("utf-8")
    plain = awesome_lint("-", text=text, cwd=tmp_path)
    assert plain.returncode == 1
    assert "-:127:5: AL105" in plain.stdout and "AL405" in plain.stdout
    named = awesome_lint("-", "--stdin-filename", "README.md", text=text, cwd=CONFIGURED)
    assert named.returncode == 1
    assert "README.md:127:5: AL105" in named.stdout
    assert "AL405" not in named.stdout  # the config found from README.md's folder ignores it


def test_fix_from_stdin_prints_the_fixed_text_and_the_report_on_stderr(tmp_path: Path) -> None:
    text = SEED.read_text("utf-8")
    fixed = awesome_lint("--fix", "-", "--stdin-filename", "README.md", text=text, cwd=tmp_path)
    copy = tmp_path / "README.md"
    copy.write_text(text, encoding="utf-8")
    in_place = awesome_lint("--fix", "README.md", text="", cwd=tmp_path)
    assert fixed.stdout == copy.read_text("utf-8") != text
    assert fixed.returncode == in_place.returncode == 1  # the unfixable ones remain
    assert "README.md:" in fixed.stderr and "fixed" in fixed.stderr


def test_stdin_exit_codes_are_those_of_files(tmp_path: Path) -> None:
    clean = "# A list\n\nSome text.\n"
    assert awesome_lint("-", text=clean, cwd=tmp_path).returncode == 0
    done = awesome_lint("--fix", "-", text=clean, cwd=tmp_path)
    assert (done.returncode, done.stdout) == (0, clean)  # nothing to fix: the text as it was
    binary = awesome_lint("-", "--stdin-filename", "x.md", text="a\x00b", cwd=tmp_path)
    assert binary.returncode == 2 and binary.stderr.startswith("awesome-lint: x.md: binary")
    mixed = awesome_lint("-", "README.md", text=clean, cwd=tmp_path)
    assert mixed.returncode == 2 and mixed.stderr.count("\n") == 1
