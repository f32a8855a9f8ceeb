"""Fixes that move and remove whole blocks keep every other line byte for byte."""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from awesome_lint.diagnostics import Edit
from awesome_lint.fixer import rebuild
from awesome_lint.model.document import Document
from awesome_lint.moves import removal
from tests.conftest import Result

URL = re.compile(r"\]\(([^)\s]+)\)")

HEAD = """\
# Awesome Test

## Papers

```
format:
- [title](paper link)
  - authors
  - publisher
  - Keyword: keywords
```
"""

# A 2021 arXiv paper under 2023; one paper under 2021 (abs url) and again under
# "2020 and before" (pdf v2 url); and 2021 above 2022.
SCENARIO = (
    HEAD
    + """
### 2023

- [Direct Preference Optimization](https://arxiv.org/abs/2305.18290)
  - Rafael Rafailov, Archit Sharma
  - Keyword: DPO

- [Decision Transformer](https://arxiv.org/abs/2106.01345)
  - Lili Chen, Kevin Lu
  - Keyword: sequence modelling
  <!-- a note that travels with the entry -->

- [Let's Verify Step by Step](https://arxiv.org/abs/2305.20050)
  - Hunter Lightman, Vineet Kosaraju
  - Keyword: process supervision

### 2021

- [Learning to Summarize from Human Feedback](https://arxiv.org/abs/2012.01325)
  - Nisan Stiennon, Long Ouyang
  - ICLR 2021
  - Keyword: summarization

- [WebGPT: Browser-assisted question-answering](https://arxiv.org/abs/2112.09332)
  - Reiichiro Nakano, Jacob Hilton
  - Keyword: web browsing

### 2022

- [Training language models to follow instructions](https://arxiv.org/abs/2203.02155)
  - Long Ouyang, Jeff Wu
  - Keyword: InstructGPT

### 2020 and before

- [Learning to Summarize from Human Feedback](https://arxiv.org/pdf/2012.01325v2)
  - Nisan Stiennon, Long Ouyang
  - ICLR 2021
  - Keyword: summarization

- [Fine-Tuning Language Models from Human Preferences](https://arxiv.org/abs/1909.08593)
  - Daniel M. Ziegler, Nisan Stiennon
  - Keyword: preference learning

## Codebases

- [trl](https://github.com/huggingface/trl)
"""
)

CODES = "AL201,AL202,AL301"


def _diagnostics(cli: Callable[..., Result], path: Path) -> list[dict[str, object]]:
    result = cli("--output-format", "json", "--select", CODES, path.name, cwd=path.parent)
    found: list[dict[str, object]] = json.loads(result.out)
    return found


def _line(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def _section_of(text: str, needle: str) -> str:
    heading = ""
    for line in text.splitlines():
        if line.startswith("#"):
            heading = line
        if needle in line:
            return heading
    raise AssertionError(needle)


def test_the_scenario_reports_each_problem_once_at_its_line(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    path = tmp_path / "README.md"
    path.write_text(SCENARIO, encoding="utf-8")
    found = {
        (d["code"], d["location"]["row"])  # type: ignore[index]
        for d in _diagnostics(cli, path)
    }
    assert found == {
        ("AL202", _line(SCENARIO, "[Decision Transformer]")),
        ("AL201", _line(SCENARIO, "### 2022")),
        ("AL301", _line(SCENARIO, "2012.01325v2")),
    }
    duplicate = next(d for d in _diagnostics(cli, path) if d["code"] == "AL301")
    first = _line(SCENARIO, "abs/2012.01325")
    assert f"line {first}" in str(duplicate["message"])
    assert duplicate["related"][0]["location"]["row"] == first  # type: ignore[index]


def test_fixing_the_scenario_orders_moves_and_drops_without_losing_lines(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    path = tmp_path / "README.md"
    path.write_text(SCENARIO, encoding="utf-8")
    cli("--fix", "--unsafe-fixes", "--select", CODES, "README.md", cwd=tmp_path)
    fixed = path.read_text(encoding="utf-8")

    assert _diagnostics(cli, path) == []
    headings = [line for line in fixed.splitlines() if line.startswith("### ")]
    assert headings == ["### 2023", "### 2022", "### 2021", "### 2020 and before"]
    assert _section_of(fixed, "[Decision Transformer]") == "### 2021"
    assert "<!-- a note that travels with the entry -->" in fixed
    removed = Counter(URL.findall(SCENARIO)) - Counter(URL.findall(fixed))
    assert removed == Counter(["https://arxiv.org/pdf/2012.01325v2"])
    assert not Counter(URL.findall(fixed)) - Counter(URL.findall(SCENARIO))
    # Every line but the removed duplicate's is still there, byte for byte.
    duplicate = SCENARIO.splitlines(keepends=True)
    start = _line(SCENARIO, "2012.01325v2") - 1
    expected = Counter(duplicate) - Counter(duplicate[start : start + 5])
    assert Counter(fixed.splitlines(keepends=True)) == expected
    assert "\n\n\n" not in fixed


def test_fixing_twice_changes_nothing(cli: Callable[..., Result], tmp_path: Path) -> None:
    path = tmp_path / "README.md"
    path.write_text(SCENARIO, encoding="utf-8")
    cli("--fix", "--unsafe-fixes", "--select", CODES, "README.md", cwd=tmp_path)
    once = path.read_bytes()
    cli("--fix", "--unsafe-fixes", "--select", CODES, "README.md", cwd=tmp_path)
    assert path.read_bytes() == once


def test_removing_a_block_between_blank_lines_drops_one_of_them() -> None:
    text = "- a\n\n- b\n  - b1\n\n- c\n"
    document = Document(text)
    assert rebuild(text, [removal(document, 2, 4)]) == "- a\n\n- c\n"


def test_removing_a_block_from_a_tight_list_keeps_its_neighbours() -> None:
    text = "- a\n- b\n  - b1\n- c\n"
    document = Document(text)
    assert rebuild(text, [removal(document, 1, 3)]) == "- a\n- c\n"


def test_removing_the_last_block_of_a_file_without_final_newline() -> None:
    text = "- a\n- b"
    document = Document(text)
    edit: Edit = removal(document, 1, 2)
    assert rebuild(text, [edit]) == "- a"


_YEARS = st.sampled_from([2019, 2020, 2021, 2022, 2023])


@settings(max_examples=40, deadline=None)
@given(
    sections=st.lists(
        st.sampled_from([2020, 2021, 2022, 2023]), min_size=1, max_size=4, unique=True
    ),
    entries=st.lists(st.tuples(st.integers(0, 3), _YEARS), max_size=8),
    spaced=st.booleans(),
)
def test_moves_keep_every_line(
    tmp_path_factory: object, sections: list[int], entries: list[tuple[int, int]], spaced: bool
) -> None:
    from tests.conftest import _run

    tmp = Path(tmp_path_factory.mktemp("moves"))  # type: ignore[attr-defined]
    gap = "\n" if spaced else ""
    parts = [HEAD, "\n"]
    for index, year in enumerate(sections):
        section = f"### {year}\n\n"
        for number, (where, paper_year) in enumerate(entries):
            if where % len(sections) == index:
                arxiv = f"{paper_year % 100:02d}06.{number:05d}"
                section += (
                    f"- [Paper {number}](https://arxiv.org/abs/{arxiv})\n"
                    f"  - Author {number}\n  - Keyword: k{number}\n{gap}"
                )
        parts.append(section.rstrip("\n") + "\n\n")
    text = "".join(parts)
    path = tmp / "README.md"
    path.write_text(text, encoding="utf-8")
    # Pinned: by default a list that runs oldest first throughout keeps that order (AL112).
    (tmp / ".awesome-lint.toml").write_text('year-order = "descending"\n', encoding="utf-8")
    result = _run(["--fix", "--unsafe-fixes", "--select", "AL201,AL202", "README.md"], cwd=tmp)
    assert result.code in (0, 1), result.err
    fixed = path.read_text(encoding="utf-8")

    def nonblank(s: str) -> Counter[str]:
        return Counter(line for line in s.splitlines(keepends=True) if line.strip())

    assert nonblank(fixed) == nonblank(text)
    headings = [int(line[4:]) for line in fixed.splitlines() if line.startswith("### ")]
    assert headings == sorted(sections, reverse=True)
    # Each entry still has its lines together and in order.
    for number, _ in enumerate(entries):
        start = fixed.index(f"- [Paper {number}]")
        assert fixed[start:].split("\n")[1:3] == [f"  - Author {number}", f"  - Keyword: k{number}"]
    assert "\n\n\n" not in fixed


def test_removing_the_last_block_of_a_file_leaves_no_blank_line_at_the_end() -> None:
    text = "- a\n\n- b\n"
    document = Document(text)
    assert rebuild(text, [removal(document, 2, 3)]) == "- a\n"


def test_removals_of_neighbouring_blocks_overlap_so_they_run_in_turn() -> None:
    text = "- a\n\n- b\n- c\n\n- d\n"
    document = Document(text)
    first, second = removal(document, 2, 3), removal(document, 3, 4)
    assert first.end > second.start
