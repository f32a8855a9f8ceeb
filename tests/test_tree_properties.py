"""Generated lists with nested field values: ``--fix`` keeps every item's parent and depth.

Each list item carries a unique token (``t17``), so an item is found again after the fix
however its indent, bullet, label or spacing changed. The generator writes the shapes that
broke the tree before: the points of a ``Summary:`` nested under it, datasets listed under
``Datasets:``, tab and odd indents, other bullets, ``Keyowrd:`` and full-width colons, double
and trailing spaces, fields out of order. Entries here are never moved or removed (no year
mismatch, no repeat), so every item must keep its place.
"""

from __future__ import annotations

import os
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from awesome_lint.config import Settings
from awesome_lint.fixer import apply_fixes
from awesome_lint.linter import lint
from awesome_lint.model.document import Document
from awesome_lint.registry import select_rules

EXAMPLES = settings(
    max_examples=int(os.environ.get("AWESOME_LINT_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
TOKEN = re.compile(r"\bt\d+\b")

BLOCK = (
    "```\nformat:\n- [title](paper link) [links]\n  - author1, author2, and author3...\n"
    "  - keyword\n  - code or project page\n  - datasets or environment\n  - summary\n```\n"
)
INDENTS = ("  ", "  ", "  ", "    ", "   ", "\t", "  \t")
BULLETS = ("-", "-", "-", "*", "+")
LABELS = ("Keyword: ", "Keyowrd: ", "Keyword：", "**Keyword**: ", "Keyword:  ")


@st.composite
def lists(draw: st.DrawFn) -> str:
    counter = iter(range(1, 10_000))

    def token() -> str:
        return f"t{next(counter)}"

    lines = ["# List", "", "## Papers", "", BLOCK, "### 2023", ""]
    for _ in range(draw(st.integers(1, 6))):
        lines.append(f"- [Paper {token()}](https://example.org/{token()})")
        indent = draw(st.sampled_from(INDENTS))
        bullet = draw(st.sampled_from(BULLETS))
        fields = [
            f"Ann Author, Bob Author {token()}",
            f"{draw(st.sampled_from(LABELS))}topic {token()}",
            f"Code: [code {token()}](https://github.com/x/{token()})",
        ]
        if draw(st.booleans()):
            fields.reverse()
        for field in fields:
            own_indent = draw(st.sampled_from((indent, indent, *INDENTS)))
            spaces = draw(st.sampled_from((" ", " ", "  ")))
            trailing = draw(st.sampled_from(("", "", " ")))
            lines.append(f"{own_indent}{bullet}{spaces}{field}{trailing}")
        for label in draw(st.sets(st.sampled_from(("Summary", "Datasets")), max_size=2)):
            colon = draw(st.sampled_from((":", "：")))
            lines.append(f"{indent}{bullet} {label}{colon}")
            width = len(indent.expandtabs(4)) + 2
            for _ in range(draw(st.integers(1, 3))):
                deeper = " " * draw(st.integers(width, width + 3))
                lines.append(f"{deeper}- point {token()} with  words ")
        if draw(st.booleans()):
            lines.append("")
    return "\n".join(lines) + "\n"


def _tree(text: str) -> dict[str, tuple[int, str | None]]:
    """Each item's token: (depth, its parent's token)."""
    document = Document(text)
    items = document.structure.items
    tokens = []
    for item in items:
        found = TOKEN.findall(document.line(item.line))
        tokens.append(found[0] if found else f"line{item.line}")
    tree = {}
    for index, item in enumerate(items):
        parent = tokens[item.parent] if item.parent is not None else None
        tree[tokens[index]] = (item.depth, parent)
    return tree


def _fix(text: str, *, unsafe: bool) -> str:
    settings = Settings()
    rules = select_rules(None)  # the default rules: no network

    def run(current: str) -> list:  # type: ignore[type-arg]
        return lint(Document(current), settings, rules)

    result = apply_fixes(text, run, lambda d: d.fixable(unsafe=unsafe))
    return result.text


@EXAMPLES
@given(lists())
def test_safe_fixes_keep_every_item_in_its_place(text: str) -> None:
    fixed = _fix(text, unsafe=False)
    assert _tree(fixed) == _tree(text)


@EXAMPLES
@given(lists())
def test_unsafe_fixes_keep_every_item_in_its_place(text: str) -> None:
    fixed = _fix(text, unsafe=True)
    assert _tree(fixed) == _tree(text)


def test_summary_points_are_not_fields() -> None:
    text = (
        "## Papers\n\n" + BLOCK + "\n- [Paper t1](https://example.org/t2)\n"
        "  - Ann Author t3\n  - Keyword: k t4\n  - Summary:\n"
        "    - point t5\n    - point t6\n"
        "- [Paper t7](https://example.org/t8)\n"
        "    - Ann Author t9\n    - Keyword: k t10\n    - Summary:\n"
        "        - point t11\n"
    )
    diagnostics = lint(Document(text), Settings(), select_rules(None))
    assert [d.code for d in diagnostics if d.code.startswith("AL1")] == []
    assert _tree(_fix(text, unsafe=True)) == _tree(text)
