"""``full`` output on a terminal: long lines cut around the span, carets under the span even
after wide characters (CJK, emoji) and tabs."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from awesome_lint.report.excerpt import excerpt
from tests.conftest import Result

Cli = Callable[..., Result]


def columns(text: str) -> int:
    """Display width as a terminal counts it (written independently of the module)."""
    total = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        total += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return total


def under_carets(text: str, indent: int, carets: int) -> str:
    """The characters of ``text`` shown in display columns ``indent .. indent + carets``."""
    seen, out = 0, []
    for char in text:
        if seen >= indent + carets and columns(char):  # a combining mark joins its letter
            break
        if seen >= indent and (out or columns(char)):  # a mark before the span is its letter's
            out.append(char)
        seen += columns(char)
        assert seen <= indent or seen - columns(char) >= indent, "a caret splits a character"
    return "".join(out)


def shown(text: str) -> str:
    return text.replace("\t", "    ").replace("\x1b", "\\x1b")


def test_long_line_is_cut_around_the_span_to_the_terminal_width(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    description = " ".join(f"word{i}" for i in range(60))
    line = f"- [Tool](https://example.com/tool) - {description}  tail of the line."
    (tmp_path / "README.md").write_text(f"# Awesome\n\n{line}\n", encoding="utf-8")
    monkeypatch.setenv("COLUMNS", "80")
    out = cli(
        "--select", "AL404", "--output-format", "full", "--no-color", "README.md", cwd=tmp_path
    )
    lines = out.out.splitlines()
    source = next(x for x in lines if x.startswith("3 | "))
    caret = lines[lines.index(source) + 1]
    assert len(source) <= 80
    assert source.startswith("3 | …") and "word59  tail" in source
    assert caret.startswith("  | ") and set(caret[4:].strip()) == {"^"}
    indent = caret.index("^") - 4
    assert source[4:][indent : indent + 2] == "  "  # the carets sit under the two spaces
    assert caret.count("^") == 2


def test_width_defaults_to_140_when_not_a_terminal(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)
    line = "- [Tool](https://example.com/tool) - " + "x" * 300 + "  end."
    (tmp_path / "README.md").write_text(f"# Awesome\n\n{line}\n", encoding="utf-8")
    out = cli("--select", "AL404", "--output-format", "full", "README.md", cwd=tmp_path).out
    source = next(x for x in out.splitlines() if x.startswith("3 | "))
    assert len(source) == 140
    assert source.startswith("3 | …") and source.endswith("  end.")


def test_caret_after_cjk_emoji_and_tab_in_full_output(cli: Cli, tmp_path: Path) -> None:
    line = "- [强化学习 🚀](https://example.com/rl) -\tA  tool."
    (tmp_path / "README.md").write_text(f"# Awesome\n\n{line}\n", encoding="utf-8")
    out = cli("--select", "AL404", "--output-format", "full", "README.md", cwd=tmp_path).out
    lines = out.splitlines()
    source = next(x for x in lines if x.startswith("3 | "))
    caret = lines[lines.index(source) + 1]
    assert under_carets(source[4:], caret.index("^") - 4, caret.count("^")) == "  "
    assert source == "3 | - [强化学习 🚀](https://example.com/rl) -    A  tool."


TEXT = st.lists(st.sampled_from(["a", " ", "中", "😀", "\t", "e\u0301", "\x1b", "-", "ー"])).map(
    "".join
)


@given(
    before=TEXT,
    span=TEXT.filter(lambda s: 0 < columns(shown(s)) < 15),
    after=TEXT,
    room=st.integers(20, 120),
)
def test_excerpt_fits_and_keeps_the_span_under_the_carets(
    before: str, span: str, after: str, room: int
) -> None:
    line = before + span + after
    result = excerpt(line, len(before), len(before) + len(span), room)
    assert columns(result.text) <= room
    if columns(shown(line)) <= room:
        assert result.text == shown(line)
    assert under_carets(result.text, result.indent, result.carets) == shown(span)
