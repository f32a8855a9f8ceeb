"""The block structure of a Markdown file: headings, fences and the tree of list items.

Plain data, built by ``blocks.scan`` and held by ``document.Document.structure``; it imports
nothing of the project, so the scanner and the document both stand on it.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple, overload


class Heading(NamedTuple):
    level: int
    line: int
    text: str


class ListItem(NamedTuple):
    """A list item: ``line`` is its first line, ``end_line`` is exclusive, ``depth`` 0 is top."""

    line: int
    end_line: int
    depth: int
    parent: int | None  # index into Structure.items


class ListItems(Sequence[ListItem]):
    """A document's list items in columns: ~32 bytes an item instead of ~170 as tuples.

    A 100,000-entry list has ~440,000 items; each ``ListItem`` is made when it is read.
    """

    __slots__ = ("_depths", "_ends", "_lines", "_parents")

    def __init__(self, items: Iterable[ListItem]) -> None:
        self._lines: array[int] = array("q")
        self._ends: array[int] = array("q")
        self._depths: array[int] = array("q")
        self._parents: array[int] = array("q")  # -1: a top-level item
        for item in items:
            self._lines.append(item.line)
            self._ends.append(item.end_line)
            self._depths.append(item.depth)
            self._parents.append(-1 if item.parent is None else item.parent)

    def __len__(self) -> int:
        return len(self._lines)

    @overload
    def __getitem__(self, index: int) -> ListItem: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[ListItem]: ...

    def __getitem__(self, index: int | slice) -> ListItem | Sequence[ListItem]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        parent = self._parents[index]
        return ListItem(
            self._lines[index],
            self._ends[index],
            self._depths[index],
            None if parent < 0 else parent,
        )

    def __iter__(self) -> Iterator[ListItem]:
        columns = zip(self._lines, self._ends, self._depths, self._parents, strict=True)
        for line, end, depth, parent in columns:
            yield ListItem(line, end, depth, None if parent < 0 else parent)


class Fence(NamedTuple):
    """A fenced or indented code block; ``info`` is the fence's info string."""

    line: int
    end_line: int
    info: str
    content: str


class Structure(NamedTuple):
    headings: tuple[Heading, ...]
    items: ListItems
    fences: tuple[Fence, ...]
    # Lines that hold raw HTML blocks or comments: nothing inside is Markdown prose.
    html_lines: frozenset[int]
    code_lines: frozenset[int]
