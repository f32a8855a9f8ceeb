"""The document model: line tables, list items in columns, and link scans reused across fixes."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from awesome_lint.model.document import Document

LINES = st.sampled_from(
    [
        "- [A](https://a.org/x)",
        "  - Code: [code](https://github.com/a/b) [page](./p.md)",
        "  - Kianté,Brantley",
        "text with `[code](x)` and [b](y)",
        "",
        "## 2023",
        "- ![img](i.png)[t](u)",
        "[x](a（b）",
    ]
)
TEXTS = st.lists(LINES, max_size=12).map("\n".join)


@settings(max_examples=200, deadline=None)
@given(before=TEXTS, after=TEXTS)
def test_reused_link_scans_equal_fresh_ones(before: str, after: str) -> None:
    earlier = Document(before)
    for n in range(earlier.line_count):
        earlier.links(n)
    reused = Document(after)
    reused.reuse_links(earlier)
    fresh = Document(after)
    for n in range(fresh.line_count):
        assert reused.links(n) == fresh.links(n)


def test_line_tables_and_newline_style() -> None:
    document = Document("a\r\nbb\r\n\r\nc")
    assert [document.line(n) for n in range(document.line_count)] == ["a", "bb", "", "c"]
    assert document.newline == "\r\n"
    assert document.position(document.text.index("c")) == (4, 1)


def test_list_items_read_back_as_written() -> None:
    items = Document("- a\n  - b\n    - c\n- d\n").structure.items
    assert [(i.line, i.depth, i.parent) for i in items] == [
        (0, 0, None),
        (1, 1, 0),
        (2, 2, 1),
        (3, 0, None),
    ]
    assert items[1] == list(items)[1]
    assert [i.line for i in items[1:3]] == [1, 2]
    assert len(items) == 4
