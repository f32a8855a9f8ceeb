"""AL505: the table of contents is found, judged against its own habits, and regenerated."""

from __future__ import annotations

import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from awesome_lint.config import Settings
from awesome_lint.diagnostics import Diagnostic
from awesome_lint.fixer import apply_fixes
from awesome_lint.linter import lint_text
from awesome_lint.model.anchors import heading_text, unique_slugs
from awesome_lint.model.document import Document
from awesome_lint.model.toc import find_toc, in_order
from awesome_lint.registry import BY_CODE
from tests.conftest import FIXTURES

RULES = [BY_CODE["AL505"]]
WITH_ANCHORS = [BY_CODE["AL501"], BY_CODE["AL505"]]


def _lint(text: str) -> list[Diagnostic]:
    return lint_text(text, Settings(), RULES)


def _messages(text: str) -> list[str]:
    return [d.message for d in _lint(text)]


def _fixed(text: str, *, unsafe: bool = True) -> str:
    return apply_fixes(text, _lint, lambda d: d.fixable(unsafe=unsafe)).text


HEADINGS = "## Tools\n\n### Editors\n\n### Shells\n\n## Books\n\n## Videos\n\n## License\n"


def test_a_list_without_contents_is_left_alone() -> None:
    text = "# List\n\n- [A](https://a.org)\n- [B](https://b.org)\n\n## A\n\n## B\n"
    assert find_toc(Document(text)) is None
    assert _lint(text) == []


def test_two_in_page_links_are_not_a_contents() -> None:
    text = "# List\n\n- [A](#a)\n- [B](#b)\n\n## A\n\n## B\n\n## C\n"
    assert _lint(text) == []


def test_a_missing_section_is_reported_at_its_heading_and_inserted() -> None:
    text = "- [Tools](#tools)\n  - [Editors](#editors)\n- [Videos](#videos)\n\n" + HEADINGS
    assert _messages(text) == [
        'Heading "Shells" has no item in the table of contents',
        'Heading "Books" has no item in the table of contents',
    ]
    fixed = _fixed(text, unsafe=False)
    assert fixed.startswith(
        "- [Tools](#tools)\n  - [Editors](#editors)\n  - [Shells](#shells)\n"
        "- [Books](#books)\n- [Videos](#videos)\n\n## Tools"
    )
    assert _lint(fixed) == []


def test_a_license_is_not_demanded_trailing_or_in_the_middle_but_a_section_is() -> None:
    listed = "- [Tools](#tools)\n  - [Editors](#editors)\n  - [Shells](#shells)\n"
    tail = listed + "- [Books](#books)\n- [Videos](#videos)\n\n" + HEADINGS
    assert _lint(tail) == []
    middle = tail.replace("- [Videos](#videos)\n", "- [Videos](#videos)\n- [Links](#links)\n")
    middle += "\n## Links\n"
    assert _lint(middle) == []  # License between Videos and Links: about the list, left out
    other = middle.replace("## License", "## Podcasts")
    assert _messages(other) == ['Heading "Podcasts" has no item in the table of contents']
    listed_too = middle.replace("- [Links]", "- [License](#license)\n- [Links]")
    assert _lint(listed_too) == []


@pytest.mark.parametrize(
    "title", ["Contribute", "Contributing", "Code of Conduct", "Footnotes", "Related lists"]
)
def test_meta_sections_anywhere_are_not_demanded(title: str) -> None:
    text = (
        "- [Tools](#tools)\n- [Books](#books)\n- [Videos](#videos)\n\n"
        f"## Tools\n\n## {title}\n\n## Books\n\n## Podcasts\n\n## Videos\n"
    )
    assert _messages(text) == ['Heading "Podcasts" has no item in the table of contents']


def test_the_contents_habit_of_a_flat_title_item_sets_the_depths() -> None:
    text = (
        "# Awesome X\n\n## Contents\n\n- [Awesome X](#awesome-x)\n- [Contents](#contents)\n"
        "- [Tools](#tools)\n    - [Editors](#editors)\n    - [Shells](#shells)\n"
        "- [Books](#books)\n    - [Videos](#videos)\n\n"
        "## Tools\n\n### Editors\n\n### Shells\n\n## Books\n\n## Videos\n"
    )
    assert _messages(text) == ['Item "Videos" is nested 1 deep; its heading puts it at 0']
    fixed = _fixed(text, unsafe=True)
    assert "- [Awesome X](#awesome-x)\n- [Contents](#contents)\n- [Tools](#tools)\n" in fixed
    assert "    - [Shells](#shells)\n- [Books](#books)\n- [Videos](#videos)\n" in fixed
    assert _lint(fixed) == []


def test_a_title_item_above_nested_sections_still_nests_them() -> None:
    text = (
        "# Awesome X\n\n- [Awesome X](#awesome-x)\n  - [Tools](#tools)\n  - [Books](#books)\n"
        "- [Videos](#videos)\n\n## Tools\n\n## Books\n\n## Videos\n"
    )
    assert _messages(text) == ['Item "Videos" is nested 0 deep; its heading puts it at 1']


def test_sub_headings_are_demanded_only_under_sections_the_contents_expands() -> None:
    text = "- [Tools](#tools)\n- [Books](#books)\n- [Videos](#videos)\n\n" + HEADINGS
    assert _lint(text) == []  # Editors and Shells: the contents lists no h3 at all


def test_omit_in_toc_is_respected_and_an_item_for_it_is_extra() -> None:
    text = (
        "- [Tools](#tools)\n- [Books](#books)\n- [Old](#old-)\n- [Videos](#videos)\n\n"
        "## Tools\n\n## Books\n\n## Old <!-- omit in toc -->\n\n## Videos\n"
    )
    assert _messages(text) == ['Item "Old" lists a heading marked "omit in toc"']
    fixed = _fixed(text)
    assert "[Old]" not in fixed.split("\n\n", 1)[0]
    assert _lint(fixed) == []


def test_the_depth_follows_the_heading_tree() -> None:
    text = "- [Tools](#tools)\n- [Editors](#editors)\n  - [Shells](#shells)\n- [Books](#books)\n"
    text += "- [Videos](#videos)\n\n" + HEADINGS
    assert _messages(text) == ['Item "Editors" is nested 0 deep; its heading puts it at 1']
    fixed = _fixed(text, unsafe=False)
    assert fixed.startswith("- [Tools](#tools)\n  - [Editors](#editors)\n  - [Shells](#shells)\n")
    assert _lint(fixed) == []


def test_order_and_text_are_checked_but_emoji_and_markup_are_not_text() -> None:
    text = (
        "- [Books](#books)\n- [🔧 **Tools**](#-tools)\n- [Films](#videos)\n\n"
        "## 🔧 Tools\n\n## Books\n\n## Videos\n"
    )
    assert _messages(text) == [
        'Item "Books" is out of order: its heading is elsewhere in the file',
        'Item "Films" differs from its heading "Videos"',
    ]
    fixed = _fixed(text, unsafe=False)
    assert fixed.startswith("- [🔧 **Tools**](#-tools)\n- [Books](#books)\n- [Videos](#videos)\n")


def test_a_broken_anchor_is_al501s_and_its_heading_is_not_missing() -> None:
    text = "- [Tools](#tools)\n- [Bookz](#bookz)\n- [Videos](#videos)\n\n"
    text += "## Tools\n\n## Books\n\n## Videos\n"
    found = lint_text(text, Settings(), WITH_ANCHORS)
    assert [d.code for d in found] == ["AL501"]


def test_names_the_contents_habitually_extends_are_not_reported() -> None:
    text = (
        "- [Multi-Agent RL (MARL)](#multi-agent-rl)\n- [Meta RL (MRL)](#meta-rl)\n"
        "- [Offline RL (ORL)](#offline-rl)\n\n## Multi-Agent RL\n\n## Meta RL\n\n## Offline RL\n"
    )
    assert _lint(text) == []


def test_a_contents_split_by_labels_is_one_contents_with_no_fix() -> None:
    text = (
        "**Web**\n\n- [Servers](#servers)\n- [Clients](#clients)\n\n**Data**\n\n"
        "- [Databases](#databases)\n\n## Servers\n\n## Clients\n\n## Caches\n\n## Databases\n"
    )
    found = _lint(text)
    assert [d.message for d in found] == ['Heading "Caches" has no item in the table of contents']
    assert found[0].fix is None


def test_style_is_kept_tabs_ordered_markers_bold_and_notes() -> None:
    text = (
        "1. **[Tools](#tools)** (new!)\n\t- **[Editors](#editors)**\n2. **[Videos](#videos)**\n\n"
        + HEADINGS
    )
    fixed = _fixed(text, unsafe=False)
    assert fixed.startswith(
        "1. **[Tools](#tools)** (new!)\n\t- **[Editors](#editors)**\n\t- **[Shells](#shells)**\n"
        "2. **[Books](#books)**\n3. **[Videos](#videos)**\n\n"
    )


def test_repeated_headings_take_githubs_numbered_anchors() -> None:
    text = (
        "- [A](#a)\n  - [Examples](#examples)\n- [B](#b)\n"
        "- [C](#c)\n  - [Examples](#examples-2)\n\n"
        "## A\n\n### Examples\n\n## B\n\n### Examples\n\n## C\n\n### Examples\n"
    )
    assert _lint(text) == []  # B is not expanded: its Examples is not demanded
    text = text.replace("- [B](#b)\n", "- [B](#b)\n  - [Examples](#examples-1)\n")
    assert _lint(text) == []


def test_in_order_keeps_a_longest_increasing_run() -> None:
    assert sorted(in_order([0, 4, 1, 2, 3])) == [0, 2, 3, 4]
    assert in_order([]) == set()


def test_corpus_contents_fix_is_idempotent_and_silences_the_rule() -> None:
    for name in (
        "opendilab__awesome-end-to-end-autonomous-driving",
        "opendilab__awesome-driving-behavior-prediction",
        "avelino__awesome-go",
    ):
        text = (FIXTURES / "corpus" / name / "README.md").read_text(encoding="utf-8")
        fixed = _fixed(text)
        assert _lint(fixed) == [], name
        assert _fixed(fixed) == fixed, name
        links = lint_text(fixed, Settings(), [BY_CODE["AL501"]])
        assert [
            d for d in links if find_toc(Document(fixed)) is not None and _in_toc(fixed, d)
        ] == []


def _in_toc(text: str, diagnostic: Diagnostic) -> bool:
    document = Document(text)
    toc = find_toc(document)
    assert toc is not None
    return toc.start_line <= document.line_of(diagnostic.start) < toc.end_line


def test_corpus_end_to_end_driving_is_judged() -> None:
    text = (
        FIXTURES / "corpus/opendilab__awesome-end-to-end-autonomous-driving/README.md"
    ).read_text(encoding="utf-8")
    assert _messages(text) == [
        'Item "Arxiv" differs from its heading "arXiv"',
        'Heading "NEWs" has no item in the table of contents',
    ]


# Random heading trees: the regenerated contents is what AL505 wants, and fixing is stable.
NAMES = ("Tools", "Books", "中文 资源", "🚀 Launch", "C++ & Rust", "Q&A", "Tools", "v2.0 (beta)")


@st.composite
def documents(draw: st.DrawFn) -> tuple[str, list[tuple[int, str]]]:
    headings: list[tuple[int, str]] = []
    level = 2
    for i in range(draw(st.integers(3, 10))):
        level = draw(st.integers(2, min(level + 1, 4)))
        headings.append((level, f"{draw(st.sampled_from(NAMES))} {i % 3}".strip()))
    slugs = list(unique_slugs(heading_text(t) for _, t in headings))
    bullet = draw(st.sampled_from(("- ", "* ", "-  ")))
    unit = draw(st.sampled_from(("  " if len(bullet) == 2 else "   ", "    ", "\t")))
    drawn = []
    for (lv, text), slug in zip(headings, slugs, strict=True):
        if draw(st.integers(0, 4)) == 0:
            continue  # an item the contents forgot
        drawn.append((max(0, lv - 2 + draw(st.sampled_from((0, 0, 0, -1)))), text, slug))
    if draw(st.booleans()):
        drawn.reverse()
    lines = []
    previous = -1
    for depth, text, slug in drawn:
        previous = min(depth, previous + 1)  # a sub-item one level below its parent at most
        lines.append(unit * previous + f"{bullet}[{text}](#{slug})")
    if draw(st.booleans()):
        headings.append((2, "License"))
    body = "\n\n".join("#" * lv + " " + text for lv, text in headings)
    return "# List\n\n" + "\n".join(lines) + "\n\n" + body + "\n", headings


@settings(
    max_examples=int(os.environ.get("AWESOME_LINT_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
@given(documents())
def test_regenerated_contents_is_silent_and_stable(case: tuple[str, list[tuple[int, str]]]) -> None:
    text, _ = case
    fixed = _fixed(text)
    assert _lint(fixed) == []
    assert _fixed(fixed) == fixed
    toc = find_toc(Document(fixed))
    if toc is not None:  # what it lists, it lists once, in order, at the tree's depth
        listed = [item.heading for item in toc.items]
        assert listed == sorted(set(listed)) == list(toc.wanted)
        assert all(item.depth == toc.depths[item.heading] for item in toc.items)  # type: ignore[index]
