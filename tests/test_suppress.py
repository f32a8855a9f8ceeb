"""Suppression comments silence exactly the named codes on exactly the named lines."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from awesome_lint.config import Settings
from awesome_lint.diagnostics import Diagnostic
from awesome_lint.linter import lint_text
from awesome_lint.model.document import Document
from awesome_lint.registry import select_rules
from tests.conftest import SEED, Result

BLOCK = """\
# Papers

```
format:
- [title](paper link)
   - author1, author2
   - Keyword: key problems
   - Dataset: datasets
```

"""


def entry(n: int, dataset_label: str = "Dataset:", keyword: bool = True) -> str:
    lines = [f"- [Paper {n}](https://arxiv.org/abs/2305.2008{n})", "   - Ann Lee, Bob Chan"]
    if keyword:
        lines.append("   - Keyword: preference learning")
    lines.append(f"   - {dataset_label} [BBQ](https://github.com/nyu-mll/BBQ)")
    return "\n".join(lines) + "\n"


def run(text: str, select: str = "AL1,AL504") -> list[tuple[int, str]]:
    rules = select_rules(select.split(","))
    diagnostics = lint_text(text, Settings(), rules)
    return [(row_of(text, d), d.code) for d in diagnostics]


def row_of(text: str, d: Diagnostic) -> int:
    return Document(text).position(d.start)[0]


def test_next_line_silences_the_named_code_on_the_next_line_only() -> None:
    text = (
        BLOCK
        + "- [Paper 1](https://arxiv.org/abs/2305.20081)\n"
        + "   - Ann Lee, Bob Chan\n"
        + "   - Keyword: preference learning\n"
        + "   <!-- awesome-lint-disable-next-line AL105 -->\n"
        + "   - Dataset; [BBQ](https://github.com/nyu-mll/BBQ)\n"
        + "\n"
        + entry(2, "Dataset;")
    )
    assert run(text) == [(20, "AL105")]  # Paper 2's label is still reported


def test_seed_comment_silences_only_its_line(tmp_path: Path, cli: Callable[..., Result]) -> None:
    lines = SEED.read_text(encoding="utf-8").splitlines(keepends=True)
    assert "Dataset;" in lines[126]  # README.md:127: AL105 Label "Dataset;" should be "Dataset:"
    before = cli("--output-format", "concise", str(SEED)).out.splitlines()
    lines.insert(126, "    <!-- awesome-lint-disable-next-line AL105 -->\n")
    (tmp_path / "README.md").write_text("".join(lines), encoding="utf-8")
    after = cli("--output-format", "concise", "README.md", cwd=tmp_path).out.splitlines()
    assert any(":127:5: AL105" in line for line in before)

    def codes(lines: list[str], skip: str = "\0") -> list[str]:
        return [line.split()[1] for line in lines if ": AL" in line and skip not in line]

    assert codes(after) == codes(before, skip=":127:5: AL105")  # the others are all still there


def test_next_line_for_another_code_silences_nothing_and_says_so() -> None:
    text = BLOCK + "<!-- awesome-lint-disable-next-line AL102 -->\n" + entry(1, "Dataset;")
    assert run(text) == [(11, "AL504"), (15, "AL105")]


def test_prefix_and_several_codes_in_one_comment() -> None:
    text = (
        BLOCK
        + "<!-- awesome-lint-disable AL10 -->\n"
        + entry(1, "Dataset;", keyword=False)  # AL102 and AL105 both silenced by "AL10"
        + "<!-- awesome-lint-enable -->\n\n"
        + "<!-- awesome-lint-disable-next-line AL102, AL105 -->\n"
        + entry(2, keyword=False)
        + "\n<!-- awesome-lint-disable-next-line AL102 AL105 -->\n"
        + entry(3, "Dataset;", keyword=False)
    )
    # Paper 2: AL102 silenced, so the idle AL105 is reported. Paper 3: AL102 silenced; its
    # "Dataset;" is not on the next line, so AL105 stays reported and its code is idle.
    assert run(text) == [(17, "AL504"), (22, "AL504"), (25, "AL105")]


def test_range_ends_at_enable_and_runs_to_the_end_without_one() -> None:
    closed = (
        BLOCK
        + "<!-- awesome-lint-disable AL105 -->\n"
        + entry(1, "Dataset;")
        + "<!-- awesome-lint-enable -->\n"
        + entry(2, "Dataset;")
    )
    assert run(closed) == [(20, "AL105")]  # Paper 2's label
    unclosed = (
        BLOCK
        + "<!-- awesome-lint-disable AL105 -->\n"
        + entry(1, "Dataset;")
        + entry(2, "Dataset;")
    )
    assert run(unclosed) == []


def test_enable_with_codes_ends_only_those_ranges() -> None:
    text = (
        BLOCK
        + "<!-- awesome-lint-disable AL102 -->\n"
        + "<!-- awesome-lint-disable AL105 -->\n"
        + entry(1, "Dataset;", keyword=False)
        + "<!-- awesome-lint-enable AL105 -->\n"
        + entry(2, "Dataset;", keyword=False)
    )
    assert run(text) == [(19, "AL105")]  # Paper 2's label; its AL102 is still disabled


def test_disable_file_without_codes_silences_everything() -> None:
    text = "<!-- awesome-lint-disable-file -->\n" + BLOCK + entry(1, "Dataset;", keyword=False)
    assert run(text) == []


def test_disable_file_with_a_code_keeps_the_others() -> None:
    text = (
        "<!-- awesome-lint-disable-file AL102 -->\n" + BLOCK + entry(1, "Dataset;", keyword=False)
    )
    assert [code for _, code in run(text)] == ["AL105"]


def test_codes_are_case_insensitive() -> None:
    text = BLOCK + "<!-- awesome-lint-disable-next-line al105 -->\n" + entry(1, "Dataset;")
    # The next line is the title line, not the label line.
    assert run(text) == [(11, "AL504"), (15, "AL105")]
    text = BLOCK + entry(1).replace(
        "   - Dataset:", "   <!-- awesome-lint-disable-next-line al105 -->\n   - Dataset;"
    )
    assert run(text) == []


def test_comments_in_code_are_examples_not_suppressions() -> None:
    text = (
        BLOCK
        + "Write `<!-- awesome-lint-disable-file -->` to silence a file.\n\n"
        + "Or ``a `tick` and <!-- awesome-lint-disable-file -->`` in a longer span.\n\n"
        + "```markdown\n<!-- awesome-lint-disable-file -->\n```\n\n"
        + entry(1, "Dataset;")
    )
    assert [code for _, code in run(text)] == ["AL105"]


def test_unused_codes_are_judged_only_when_their_rules_ran() -> None:
    text = BLOCK + "<!-- awesome-lint-disable-next-line AL102 -->\n" + entry(1)
    assert run(text, "AL504") == []  # AL102 did not run: the comment may be needed
    assert run(text, "AL102,AL504") == [(11, "AL504")]


def test_a_code_that_names_no_rule_is_reported() -> None:
    text = BLOCK + "<!-- awesome-lint-disable-next-line AL999 -->\n" + entry(1)
    assert run(text, "AL504") == [(11, "AL504")]


def test_enable_without_disable_is_reported() -> None:
    assert run(BLOCK + entry(1) + "<!-- awesome-lint-enable -->\n") == [(15, "AL504")]


def test_unused_suppression_is_not_computed_unless_selected() -> None:
    text = BLOCK + "<!-- awesome-lint-disable-next-line AL102 -->\n" + entry(1)
    assert run(text, "AL1") == []


def test_an_unused_suppression_can_itself_be_silenced() -> None:
    text = (
        BLOCK
        + "<!-- awesome-lint-disable-next-line AL504 -->\n"
        + "<!-- awesome-lint-disable-next-line AL102 -->\n"
        + entry(1)
    )
    assert run(text) == []


def test_fix_of_a_silenced_diagnostic_is_not_applied(
    tmp_path: Path, cli: Callable[..., Result]
) -> None:
    silenced = "   <!-- awesome-lint-disable-next-line AL105 -->\n   - Dataset;"
    text = BLOCK + entry(1).replace("   - Dataset:", silenced) + "\n" + entry(2, "Dataset;")
    (tmp_path / "README.md").write_text(text)
    result = cli("--fix", "--select", "AL105", "README.md", cwd=tmp_path)
    assert result.code == 0, result.out + result.err
    fixed = (tmp_path / "README.md").read_text()
    assert fixed == text[::-1].replace(";tesataD", ":tesataD", 1)[::-1]  # only Paper 2's


@pytest.mark.parametrize(
    ("before", "after"),
    [
        pytest.param(
            BLOCK + "<!-- awesome-lint-disable-next-line AL102 -->\n" + entry(1),
            BLOCK + entry(1),
            id="comment-alone-on-its-line-is-removed",
        ),
        pytest.param(
            BLOCK
            + "<!-- awesome-lint-disable AL102 -->\n"
            + entry(1)
            + "<!-- awesome-lint-enable -->\n",
            BLOCK + entry(1),
            id="range-is-removed-with-its-enable",
        ),
        pytest.param(
            BLOCK + "<!-- awesome-lint-disable-next-line AL105, AL102 -->\n" + entry(1, "Dataset;"),
            BLOCK + "<!-- awesome-lint-disable-next-line AL105 -->\n" + entry(1, "Dataset;"),
            id="idle-code-is-dropped",
        ),
        pytest.param(
            BLOCK + entry(1) + "Intro <!-- awesome-lint-disable-next-line AL102 -->\n",
            BLOCK + entry(1) + "Intro <!-- awesome-lint-disable-next-line AL102 -->\n",
            id="comment-sharing-a-line-with-text-is-left",
        ),
    ],
)
def test_unused_suppression_fix(
    before: str, after: str, tmp_path: Path, cli: Callable[..., Result]
) -> None:
    (tmp_path / "README.md").write_text(before)
    cli("--fix", "--select", "AL102,AL504", "README.md", cwd=tmp_path)
    assert (tmp_path / "README.md").read_text() == after
