"""``--diff`` prints a patch that git and patch accept, and that does what ``--fix`` does."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

from tests.conftest import Result

Cli = Callable[..., Result]

LIST = "# Awesome Things\n\nThings.\n\n- [One](https://example.com/one) - Good  thing.\n"
LAST = "- [Two](https://example.com/two) - Last  one"


def _tree(root: Path, files: dict[str, bytes]) -> Path:
    root.mkdir()
    for name, data in files.items():
        (root / name).write_bytes(data)
    return root


def _check_patch(tmp_path: Path, cli: Cli, files: dict[str, bytes], *args: str) -> str:
    """The --diff of ``files``: checked by git and patch, and equal to what --fix writes."""
    source = _tree(tmp_path / "source", files)
    result = cli("--diff", *args, *files, cwd=source)
    assert result.code == 1, result.err
    assert {name: p.read_bytes() for name in files for p in [source / name]} == files
    patch = tmp_path / "fix.patch"
    patch.write_bytes(result.out.encode())
    fixed = _tree(tmp_path / "fixed", files)
    cli("--fix", *args, *files, cwd=fixed)
    for tool in (["git", "apply", "--check", str(patch)], ["patch", "-p1", "--dry-run"]):
        checked = _tree(tmp_path / f"check-{tool[0]}", files)
        run = subprocess.run(
            tool, cwd=checked, input=patch.read_bytes(), capture_output=True, check=False
        )
        assert run.returncode == 0, (tool, run.stdout, run.stderr, result.out)
    applied = _tree(tmp_path / "applied", files)
    subprocess.run(["git", "apply", str(patch)], cwd=applied, check=True, capture_output=True)
    for name in files:
        assert (applied / name).read_bytes() == (fixed / name).read_bytes(), name
        assert (applied / name).read_bytes() != files[name]
    return result.out


def test_no_final_newline_gives_a_patch_git_applies(cli: Cli, tmp_path: Path) -> None:
    text = LIST + LAST
    out = _check_patch(tmp_path, cli, {"README.md": text.encode()}, "--select", "AL404")
    assert f"-{LAST}\n\\ No newline at end of file\n" in out
    assert "+- [Two](https://example.com/two) - Last one\n\\ No newline at end of file\n" in out


def test_adding_the_final_newline_marks_only_the_old_side(cli: Cli, tmp_path: Path) -> None:
    text = LIST + LAST
    out = _check_patch(tmp_path, cli, {"README.md": text.encode()}, "--select", "AL408")
    assert out.endswith(f"-{LAST}\n\\ No newline at end of file\n+{LAST}\n")


def test_crlf_bom_and_unicode_line_separators(cli: Cli, tmp_path: Path) -> None:
    # U+2028 and a form feed are not line breaks to git: splitting on them corrupts the patch.
    text = LIST.replace("\n\nThings.\n", "\n\nSee\u2028also\x0cthis.").replace("\n", "\r\n")
    out = _check_patch(
        tmp_path, cli, {"README.md": b"\xef\xbb\xbf" + text.encode()}, "--select", "AL404"
    )
    assert " See\u2028also\x0cthis.\r\n-- [One](https://example.com/one) - Good  thing.\r\n" in out
    assert "\ufeff# Awesome Things\r\n" in out


def test_several_files_in_one_patch(cli: Cli, tmp_path: Path) -> None:
    files = {
        "README.md": LIST.encode(),
        "other list.md": (LIST + LAST).encode(),
        'say "hi"\\.md': LIST.encode(),
    }
    out = _check_patch(tmp_path, cli, files, "--select", "AL404")
    assert out.count("\n+++ ") == 3
    assert "\n+++ b/other list.md\t\n" in out
    assert '\n+++ "b/say \\"hi\\"\\\\.md"\n' in out


def test_would_fix_goes_to_stderr_and_stdout_stays_a_patch(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text(LIST + LAST + "  too\n", encoding="utf-8")
    result = cli("--diff", "--select", "AL404", "README.md", cwd=tmp_path)
    assert result.err == "Would fix 3 errors.\n"
    assert result.out.startswith("--- a/README.md\n+++ b/README.md\n@@ ")
    assert "Would fix" not in result.out


def test_diff_is_coloured_only_when_asked(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text(LIST, encoding="utf-8")
    plain = cli("--diff", "--select", "AL404", "README.md", cwd=tmp_path).out
    assert "\x1b[" not in plain
    coloured = cli("--diff", "--color", "always", "--select", "AL404", "README.md", cwd=tmp_path)
    assert "\x1b[31m-- [One](https://example.com/one) - Good  thing.\x1b[0m\n" in coloured.out
    assert "\x1b[32m+- [One](https://example.com/one) - Good thing.\x1b[0m\n" in coloured.out
    assert "\x1b[36m@@ -2,4 +2,4 @@\x1b[0m\n" in coloured.out


def test_clean_file_prints_no_patch(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text(LIST.replace("Good  thing", "Good thing"), encoding="utf-8")
    result = cli("--diff", "--select", "AL404", "README.md", cwd=tmp_path)
    assert (result.code, result.out, result.err) == (0, "", "")
