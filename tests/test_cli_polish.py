"""What a new user meets on the command line: --statistics, --explain, --list-rules, colour,
and a suggestion for what they mistyped."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from awesome_lint.registry import RULES
from tests.conftest import Result

Cli = Callable[..., Result]


def test_statistics_alone_prints_the_table_not_the_listing(cli: Cli, seed_copy: Path) -> None:
    result = cli("--statistics", "--output-format", "concise", "README.md", cwd=seed_copy.parent)
    assert result.code == 1
    assert "README.md:" not in result.out  # no diagnostic lines
    lines = result.out.splitlines()
    assert re.fullmatch(r" ?1  AL105  \[\*\] field-label", next(x for x in lines if "AL105" in x))
    assert re.fullmatch(r"Found \d+ errors\.", next(x for x in lines if x.startswith("Found")))
    full = cli("--statistics", "--output-format", "full", "README.md", cwd=seed_copy.parent)
    assert full.out == result.out


def test_statistics_as_json_with_the_json_format(cli: Cli, seed_copy: Path) -> None:
    result = cli("--statistics", "--output-format", "json", "README.md", cwd=seed_copy.parent)
    rows = json.loads(result.out)
    listing = json.loads(cli("--output-format", "json", "README.md", cwd=seed_copy.parent).out)
    assert sum(row["count"] for row in rows) == len(listing)
    [label] = [row for row in rows if row["code"] == "AL105"]
    assert label == {
        "code": "AL105",
        "name": "field-label",
        "count": 1,
        "fixable": True,
        "fixable_count": 1,
    }


@pytest.mark.parametrize("word", ["AL105", "al105", "field-label", "Field-Label"])
def test_explain_takes_a_code_or_a_name_and_prints_markdown(cli: Cli, word: str) -> None:
    result = cli("--explain", word)
    assert result.code == 0
    assert result.out.startswith("# AL105 field-label\n\n")
    assert "``" not in result.out.replace("```", "")  # no reStructuredText literals left
    assert "Catches `Dataset;`, `Keyowrd:`" in result.out
    assert "```markdown\n- Dataset; [BBQ](https://github.com/nyu-mll/BBQ)\n```" in result.out


def test_explain_keeps_a_literal_holding_a_backtick_as_markdown(cli: Cli) -> None:
    out = cli("--explain", "venue-name").out
    assert "(`` `CVPR 2024` ``)" in out


@pytest.mark.parametrize(
    ("word", "hint"),
    [
        ("field-lable", "did you mean 'AL105', field-label?"),
        ("AL1055", "did you mean 'AL105'?"),
        ("AL1O5", "did you mean 'AL105'?"),  # a letter O for a zero, not AL115
    ],
)
def test_explain_unknown_rule_suggests_and_exits_2(cli: Cli, word: str, hint: str) -> None:
    result = cli("--explain", word)
    assert result.code == 2
    assert result.out == ""
    assert result.err == f"awesome-lint: error: unknown rule {word!r} ({hint})\n"


def test_list_rules_columns_line_up_with_unsafe_rows(cli: Cli) -> None:
    lines = cli("--list-rules").out.splitlines()
    assert len(lines) == len(RULES)
    summaries = {
        line.index(rule.summary) for line, rule in zip(lines, RULES, strict=True) if rule.summary
    }
    assert len(summaries) == 1  # every summary starts in the same column
    unsafe = next(line for line in lines if line.startswith("AL201"))
    safe = next(line for line in lines if line.startswith("AL105"))
    assert unsafe.index("[unsafe]") == safe.index("[*]")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--fx"], "unrecognized arguments: --fx (did you mean '--fix'?)"),
        (["--colour=always"], "unrecognized arguments: --colour=always (did you mean '--color'?)"),
        (["--output-format", "jsn"], "(did you mean 'json'?)"),
        (["--select", "AL1055"], "unknown rule selector 'AL1055' (did you mean 'AL105'?)"),
        (["--ignore", "field-lable"], "(did you mean 'AL105', field-label?)"),
        (["--extend-select", "DUPLICATE-ENTRY"], "(did you mean 'AL301', duplicate-entry?)"),
    ],
)
def test_a_mistyped_flag_or_rule_gets_a_suggestion(
    cli: Cli, seed_copy: Path, args: list[str], message: str
) -> None:
    result = cli(*args, "README.md", cwd=seed_copy.parent)
    assert result.code == 2
    [line] = result.err.splitlines()
    assert line.startswith("awesome-lint: error: ")
    assert line.endswith(message)


def test_a_mistyped_selector_in_config_gets_a_suggestion(cli: Cli, seed_copy: Path) -> None:
    (seed_copy.parent / ".awesome-lint.toml").write_text('ignore = ["AL4O4"]\n', encoding="utf-8")
    result = cli("README.md", cwd=seed_copy.parent)
    assert result.code == 2
    assert "unknown rule selector 'AL4O4' (did you mean 'AL404'?)" in result.err


@pytest.mark.parametrize(
    ("args", "env", "coloured"),
    [
        (["--color", "always"], {}, True),
        (["--color", "always"], {"NO_COLOR": "1"}, True),  # the command line wins
        (["--color", "never"], {"FORCE_COLOR": "1"}, False),
        (["--no-color"], {"FORCE_COLOR": "1"}, False),
        (["--color", "auto"], {"FORCE_COLOR": "1"}, True),
        ([], {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
        ([], {}, False),  # not a terminal
    ],
)
def test_color_setting_and_environment(
    cli: Cli,
    seed_copy: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: list[str],
    env: dict[str, str],
    coloured: bool,
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    out = cli(*args, "--output-format", "full", "README.md", cwd=seed_copy.parent).out
    assert ("\x1b[" in out) is coloured
