"""A Markdown file as awesome-lint sees it: decoded text, a line index and its block structure.

Offsets everywhere are indices into ``Document.text`` (the decoded text without a BOM, with the
file's own newlines kept). Lines are split on ``\\r\\n``, ``\\r`` and ``\\n`` only, exactly as
markdown-it-py normalises them, so token line numbers and ours agree.
"""

from __future__ import annotations

import bisect
import re
from array import array
from functools import cached_property
from typing import TYPE_CHECKING

from awesome_lint.model.links import Link, find_links
from awesome_lint.model.structure import Structure

if TYPE_CHECKING:
    from markdown_it.token import Token


_NEWLINE = re.compile(r"\r\n|\r|\n")
_BOM = "\ufeff"


class DecodeError(Exception):
    """The bytes are not a UTF-8 text file; the message is one line for the user."""


def decode(data: bytes) -> tuple[str, bool]:
    """Decode UTF-8 (with or without BOM); return the text and whether a BOM was present."""
    # UTF-16 is full of NUL bytes: recognise its BOM first, so the message says what to do.
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        raise DecodeError("UTF-16 text is not supported; save the file as UTF-8")
    if b"\x00" in data[:8192]:
        raise DecodeError("binary file (it contains NUL bytes), not a Markdown list")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        column = err.start - (data.rfind(b"\n", 0, err.start) + 1) + 1
        raise DecodeError(
            f"invalid UTF-8 at line {line}, byte {column} (0x{data[err.start]:02x}); "
            "save the file as UTF-8"
        ) from None
    if text.startswith(_BOM):
        return text[1:], True
    return text, False


class Document:
    """Decoded text with its line table; the block structure is parsed on first use."""

    def __init__(self, text: str, *, path: str = "<string>", bom: bool = False) -> None:
        self.text = text
        self.path = path
        self.bom = bom
        self._links: dict[int, tuple[Link, ...]] = {}
        # Link scans of an earlier version of the text, by line text (see reuse_links).
        self._earlier_links: dict[str, tuple[int, tuple[Link, ...]]] = {}
        # Arrays, not lists: 8 bytes a line instead of ~40 (a 100,000-entry list has 1.1M lines).
        starts = array("q", [0])
        ends = array("q")
        newline_counts: dict[str, int] = {}
        for match in _NEWLINE.finditer(text):
            ends.append(match.start())
            starts.append(match.end())
            newline_counts[match.group()] = newline_counts.get(match.group(), 0) + 1
        ends.append(len(text))
        self.line_starts: array[int] = starts
        self.line_ends: array[int] = ends  # offset of each line's newline (or end of text)
        self.newline_counts = newline_counts
        self.newline = (
            max(newline_counts, key=lambda k: newline_counts[k]) if newline_counts else "\n"
        )

    @classmethod
    def from_bytes(cls, data: bytes, *, path: str = "<bytes>") -> Document:
        text, bom = decode(data)
        return cls(text, path=path, bom=bom)

    def encode(self) -> bytes:
        return ((_BOM if self.bom else "") + self.text).encode("utf-8")

    @property
    def line_count(self) -> int:
        return len(self.line_starts)

    def line(self, n: int) -> str:
        """Line ``n`` (0-based) without its newline."""
        return self.text[self.line_starts[n] : self.line_ends[n]]

    def links(self, n: int) -> tuple[Link, ...]:
        """Inline links of line ``n``, scanned once per document whichever rule asks first."""
        found = self._links.get(n)
        if found is None:
            start, end = self.line_starts[n], self.line_ends[n]
            if self.text.find("](", start, end) < 0:
                return ()  # most lines: not worth a cache slot (memory on big lists)
            line = self.text[start:end]
            earlier = self._earlier_links.get(line) if self._earlier_links else None
            if earlier is not None:
                shift = start - earlier[0]
                found = earlier[1] if shift == 0 else tuple(k.shifted(shift) for k in earlier[1])
            else:
                found = tuple(find_links(line, start))
            self._links[n] = found
        return found

    def reuse_links(self, earlier: Document) -> None:
        """Take ``earlier``'s link scans for every line whose text is unchanged.

        A fix round re-lints a text that differs from the last one in a few lines: the links
        of a line depend on its text alone (offsets shift with it), so they need no new scan.
        """
        self._earlier_links = {
            earlier.text[earlier.line_starts[n] : earlier.line_ends[n]]: (
                earlier.line_starts[n],
                links,
            )
            for n, links in earlier._links.items()
        }

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (row, column) of an offset; columns count characters."""
        n = bisect.bisect_right(self.line_starts, offset) - 1
        return n + 1, offset - self.line_starts[n] + 1

    def line_of(self, offset: int) -> int:
        """0-based line holding ``offset``."""
        return bisect.bisect_right(self.line_starts, offset) - 1

    @cached_property
    def tokens(self) -> list[Token]:
        """markdown-it-py block tokens (CommonMark, HTML on, no inline pass: we scan lines)."""
        from markdown_it import MarkdownIt

        md = MarkdownIt("commonmark")
        md.disable(["inline", "text_join"])
        return md.parse(self.text)

    @cached_property
    def structure(self) -> Structure:
        from awesome_lint.model.blocks import scan

        # A generator, not a list: a list of every line doubles the peak memory of a big list.
        text = self.text
        return scan(text[s:e] for s, e in zip(self.line_starts, self.line_ends, strict=True))
