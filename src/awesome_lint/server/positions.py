"""Character offsets of a document to protocol positions, in the encoding the client chose.

awesome-lint's offsets count code points of ``Document.text``. A protocol position is a line
and a column counted in UTF-16 code units unless the client negotiated UTF-8 bytes or UTF-32
code points: an emoji or a rare CJK ideograph (outside the BMP) is one code point, two UTF-16
units and four UTF-8 bytes, so the column of everything after it depends on the encoding.
"""

from __future__ import annotations

from lsprotocol import types

from awesome_lint.model.document import Document

UTF8 = types.PositionEncodingKind.Utf8.value
UTF16 = types.PositionEncodingKind.Utf16.value
UTF32 = types.PositionEncodingKind.Utf32.value


def units(text: str, encoding: str) -> int:
    """The length of ``text`` in the encoding's code units."""
    if encoding == UTF32:
        return len(text)
    if encoding == UTF8:
        return len(text.encode("utf-8", "surrogatepass"))
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


class Positions:
    """Converts between offsets of one document and positions in one encoding."""

    def __init__(self, document: Document, encoding: str) -> None:
        self.document = document
        self.encoding = encoding

    def position(self, offset: int) -> types.Position:
        document = self.document
        offset = max(0, min(offset, len(document.text)))
        line = document.line_of(offset)
        start = document.line_starts[line]
        # An offset inside a line's newline (between "\r" and "\n") is the line's end.
        offset = min(offset, document.line_ends[line])
        return types.Position(line, units(document.text[start:offset], self.encoding))

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(self.position(start), self.position(end))

    def offset(self, position: types.Position) -> int:
        """The offset of a position; past the line's end means its end (as the protocol says)."""
        document = self.document
        if position.line >= document.line_count:
            return len(document.text)
        start = document.line_starts[position.line]
        text = document.line(position.line)
        if self.encoding == UTF32:
            return start + min(position.character, len(text))
        column = 0
        for i, char in enumerate(text):
            if column >= position.character:
                return start + i
            column += units(char, self.encoding)
        return start + len(text)
