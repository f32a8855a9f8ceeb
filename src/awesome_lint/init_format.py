"""Where ``--init-format --fix --unsafe-fixes`` puts the list's ``format:`` block.

The block must govern the items it was learnt from, so where it goes decides what it means:
a block governs its own section, or, alone in its section, the sections after it
(``model.schema``). The places tried, in order:

1. a line of the introduction that asks for a format ("Please follow this format for
   contributions:"): when an example in a fenced block follows it (``- [Paper Title](paper
   link)``), that example becomes the block (``format:`` is written as its first line: the
   maintainers' own words are the template); otherwise the inferred block goes after the line;
2. the end of a section about contributing that comes before the items ("## Contributing",
   "## How to contribute"): where a contributor looks for the format;
3. the end of the introduction, before the first heading below the title (before the
   contents, if the list has them), then the end of each section before the items;
4. just before the list that holds the first item.

Each place is tried by parsing the list with the block in it. At the first place (the list's
own words) the block must govern nine in ten of the top-level items; at the others, the first
place where it governs every one is taken, else the one governing the most if that is nine in
ten (the items under a later title, such as awesome-go's "# Resources", keep the inferred
format). Otherwise there is no insertion: no one block can govern the list.

The edit inserts whole lines (with a blank line on each side of a new block) and changes
nothing else; it is unsafe, as is any fix that changes what governs the list's entries.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from awesome_lint.context import Context
from awesome_lint.diagnostics import Edit
from awesome_lint.model.document import Document
from awesome_lint.model.inferred import format_block
from awesome_lint.model.schema import find_schemas

_CONTRIBUTING = re.compile(r"contribut", re.IGNORECASE)
# "Please follow this format for contributions:", "Use the following template when adding".
_ASKS_FOR_FORMAT = re.compile(
    r"(?i)\b(?:format|template)\b.*\b(?:contribut|submi|add|pull request)"
    r"|\b(?:contribut|submi|add)\w*\b.*\b(?:format|template)\b"
)
_EXAMPLE_ITEM = re.compile(r"\A[ \t]*[-*+][ \t]+\S")  # \A: match-only, linear under search
_MOST = 0.9  # short of every item, the place must govern this share of them


def insertion(context: Context) -> Edit | None:
    """The edit that writes the list's format block, or None when none fits."""
    document = context.document
    if context.schemas:
        return None  # the list declares its format already
    block = format_block(context.templates)
    if block is None:
        return None
    items = [entry.line for entry in context.entries if entry.depth == 0]
    if not items:
        return None
    for edit, line in _where_asked(document, items[0], block):
        if _governed(document, edit, line, items) >= _MOST * len(items):
            return edit
    best: tuple[int, Edit] | None = None
    for line in _places(document, items[0]):
        edit = _edit(document, line, block)
        governed = _governed(document, edit, line, items)
        if governed == len(items):
            return edit
        if best is None or governed > best[0]:
            best = (governed, edit)
    if best is not None and best[0] >= _MOST * len(items):
        return best[1]
    return None


def _where_asked(document: Document, first_item: int, block: str) -> Iterator[tuple[Edit, int]]:
    """Edits at the lines of the introduction that ask for a format, with the block's line.

    The introduction runs to the first heading after the first item (a list of maintainers
    may come before the words).
    """
    structure = document.structure
    fences = {fence.line: fence for fence in structure.fences}
    after_first = [h.line for h in structure.headings if h.line > first_item]
    end = after_first[0] if after_first else document.line_count
    for line in range(end):
        if line in structure.code_lines or not _ASKS_FOR_FORMAT.search(document.line(line)):
            continue
        below = line + 1
        while below < end and not document.line(below).strip():
            below += 1
        fence = fences.get(below)
        if fence is not None and fence.info.strip() == "" and _is_example(fence.content):
            # The list's own example becomes the block: "format:" as its first line.
            at = document.line_starts[fence.line + 1]
            yield Edit.insert(at, "format:\n"), fence.line
            yield _edit(document, fence.end_line, block), fence.end_line
        else:
            yield _edit(document, line + 1, block), line + 1


def _is_example(content: str) -> bool:
    """A fenced example of an entry: its first line is a list item."""
    first = next((line for line in content.split("\n") if line.strip()), "")
    return bool(_EXAMPLE_ITEM.match(first))


def _places(document: Document, first_item: int) -> Iterator[int]:
    """Candidate lines to insert a new block before, for places 2 to 4 of the docstring."""
    headings = [h for h in document.structure.headings if h.line <= first_item]
    for index, heading in enumerate(headings):
        if _CONTRIBUTING.search(heading.text):
            yield headings[index + 1].line if index + 1 < len(headings) else first_item
    title = headings[0] if headings and headings[0].level == 1 else None
    for heading in headings:
        if heading is not title:
            yield heading.line
    yield _list_start(document, first_item)


def _list_start(document: Document, line: int) -> int:
    """The first line of the list that holds the item on ``line`` (never inside a list)."""
    start = line
    for item in reversed([i for i in document.structure.items if i.line < line]):
        if any(document.line(n).strip() for n in range(item.end_line, start)):
            break  # text between: another list, or none
        start = min(start, item.line)
    return start


def _edit(document: Document, line: int, block: str) -> Edit:
    """Insert ``block`` before ``line``, with a blank line on each side."""
    text = document.text
    offset = document.line_starts[line] if line < document.line_count else len(text)
    if offset and not text[:offset].endswith("\n"):
        before = "\n\n"
    elif offset == 0 or text[:offset].endswith("\n\n"):
        before = ""
    else:
        before = "\n"
    return Edit.insert(offset, f"{before}{block}\n")


def _governed(document: Document, edit: Edit, line: int, items: list[int]) -> int:
    """How many of the items the block at ``line`` governs once the edit is made."""
    text = document.text[: edit.start] + edit.content + document.text[edit.end :]
    added = edit.content.count("\n")
    edited_line = document.text.count("\n", 0, edit.start)
    fixed = Document(text, path=document.path, bom=document.bom)
    blocks = [s for s in find_schemas(fixed) if line <= s.block_line < line + max(added, 1)]
    if len(blocks) != 1:
        return 0
    schema = blocks[0]
    return sum(schema.contains(item + added if item >= edited_line else item) for item in items)
