"""Offsets to protocol positions and back, in UTF-8, UTF-16 and UTF-32, across any text."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

pytest.importorskip("lsprotocol", reason="the 'lsp' extra installs lsprotocol")
from awesome_lint.model.document import Document
from awesome_lint.server.positions import Positions

CODECS = {"utf-8": ("utf-8", 1), "utf-16": ("utf-16-le", 2), "utf-32": ("utf-32-le", 4)}
TEXT = st.lists(
    st.sampled_from(["a", "é", "中", "😀", "𠀋", " ", "\n", "\r\n", "\r"]), max_size=40
).map("".join)


@given(TEXT, st.data(), st.sampled_from(sorted(CODECS)))
def test_a_position_counts_the_units_before_it_and_maps_back(
    text: str, data: st.DataObject, encoding: str
) -> None:
    document = Document(text)
    offset = data.draw(st.integers(0, len(text)))
    if 0 < offset < len(text) and text[offset - 1 : offset + 1] == "\r\n":
        offset -= 1  # the middle of a newline is its line's end
    position = Positions(document, encoding).position(offset)
    line = document.line_of(offset)
    assert position.line == line
    codec, width = CODECS[encoding]
    before = text[document.line_starts[line] : offset]
    assert position.character == len(before.encode(codec)) // width
    assert Positions(document, encoding).offset(position) == offset


def test_the_emoji_line_in_each_encoding() -> None:
    document = Document("# x\n- 🚀 火箭 𠀋 end\n")
    end = document.text.index("end")
    found = [Positions(document, e).position(end).character for e in ("utf-32", "utf-16", "utf-8")]
    assert found == [9, 11, 19]  # 🚀 and 𠀋 are 2 UTF-16 units and 4 bytes; 火 and 箭 3 bytes


def test_disable_for_this_line_adds_its_code_to_a_comment_already_above() -> None:
    from awesome_lint.config import Settings
    from awesome_lint.registry import select_rules
    from awesome_lint.server.actions import disable_line
    from awesome_lint.server.session import Selection, lint

    text = "# x\n\n  <!-- awesome-lint-disable-next-line AL404 -->\n  text   \n"
    selection = Selection(Settings(), tuple(select_rules(["AL405"], (), ())))
    linted = lint(text, "<stdin>", 1, selection, None)
    (action,) = disable_line(linted, linted.diagnostics, Positions(linted.document, "utf-32"), "u")
    assert action.edit is not None and action.edit.changes is not None
    (edit,) = action.edit.changes["u"]
    after_codes = text.split("\n")[2].index(" -->")
    assert (edit.range.start.line, edit.range.start.character) == (2, after_codes)
    assert edit.new_text == " AL405"
