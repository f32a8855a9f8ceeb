"""The block scanner agrees with markdown-it-py on what awesome-lint reads."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from awesome_lint.model.document import Document
from tests.conftest import FIXTURES

LISTS = [*sorted((FIXTURES / "corpus").glob("*/README.md")), FIXTURES / "seed" / "README.md"]


def _reference(text: str) -> dict[str, object]:
    """Headings, top-level/nested list items, code and HTML lines as markdown-it-py sees them."""
    md = MarkdownIt("commonmark")
    md.disable(["inline", "text_join"])
    headings, items, code, html = [], [], set(), set()
    open_items: list[int] = []
    tokens = md.parse(text)
    for i, tok in enumerate(tokens):
        if tok.type == "heading_open" and tok.map:
            text = " ".join(tokens[i + 1].content.split())
            headings.append((int(tok.tag[1]), tok.map[0], text))
        elif tok.type == "list_item_open" and tok.map:
            parent = items[open_items[-1]][0] if open_items else None
            items.append((tok.map[0], len(open_items), parent))
            open_items.append(len(items) - 1)
        elif tok.type == "list_item_close":
            open_items.pop()
        elif tok.type in ("fence", "code_block") and tok.map:
            code.update(range(*tok.map))
        elif tok.type == "html_block" and tok.map:
            html.update(range(*tok.map))
    return {"headings": headings, "items": items, "code": code, "html": html}


def _ours(text: str) -> dict[str, object]:
    structure = Document(text).structure
    lines = [item.line for item in structure.items]
    return {
        "headings": [(h.level, h.line, " ".join(h.text.split())) for h in structure.headings],
        "items": [
            (i.line, i.depth, None if i.parent is None else lines[i.parent])
            for i in structure.items
        ],
        "code": set(structure.code_lines),
        "html": set(structure.html_lines),
    }


@pytest.mark.parametrize("path", LISTS, ids=[p.parent.name for p in LISTS])
def test_agrees_with_markdown_it_on_real_lists(path: Path) -> None:
    text = path.read_bytes().decode("utf-8-sig")
    reference = _reference(text)
    # Lists inside block quotes are read as quoted text on purpose: they are never entries.
    quoted = {n for n, line in enumerate(text.splitlines()) if line.lstrip().startswith(">")}
    reference["items"] = [i for i in reference["items"] if i[0] not in quoted]  # type: ignore[attr-defined]
    assert _ours(text) == reference


PIECES = [
    "- [A](https://a.org)\n",
    "  - Ann, Bob\n",
    "\t- Keyword: x\n",
    "    - deeper\n",
    "* star item\n",
    "1. ordered\n",
    "2) ordered\n",
    "\n",
    "paragraph text\n",
    "lazy continuation\n",
    "# Heading\n",
    "### Year 2023 ###\n",
    "Setext\n===\n",
    "---\n",
    "```\ncode - [x](y)\n```\n",
    "~~~md\n- inside\n~~~\n",
    "  ```\n  - fenced in item\n  ```\n",
    "<!-- comment\n- hidden\n-->\n",
    "<details>\n<summary>s</summary>\n",
    "</details>\n",
    '<p align="center">\n',
    "<img src='x.png'/>\n",
    "        indented code\n",
    "> quote\n",
    "-\n",
    "- \n",
    "-[no space](x)\n",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=25))
def test_agrees_with_markdown_it_on_generated_lists(pieces: list[str]) -> None:
    text = "".join(pieces)
    if "> quote" in text:
        return  # lists inside block quotes are read as text on purpose
    assert _ours(text) == _reference(text)
