"""A linear scan of a document's block structure: headings, list items, code and HTML.

It follows CommonMark's rules for what awesome-lint needs and nothing more (paragraph text is
not parsed), so it costs one pass over the lines and no token objects. ``tests/test_blocks.py``
checks it against markdown-it-py on every real list in the corpus and on generated input.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from typing import NamedTuple

from awesome_lint.model.structure import Fence, Heading, ListItem, ListItems, Structure

_ATX = re.compile(r"(#{1,6})(?:[ \t]+|$)(.*)$")
# Anchored with \A: these only ever match at a line's start, and anchoring keeps a search linear.
_SETEXT = re.compile(r"\A(=+|-+)[ \t]*$")
_HR = re.compile(r"\A(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$")
_FENCE = re.compile(r"(`{3,}|~{3,})(.*)$")
_MARKER = re.compile(r"([-+*]|(\d{1,9})[.)])(?=[ \t]|$)")
_HTML_OPEN_1 = re.compile(r"<(?:script|pre|style|textarea)(?:[ \t>]|$)", re.IGNORECASE)
_HTML_CLOSE_1 = re.compile(r"</(?:script|pre|style|textarea)>", re.IGNORECASE)
_HTML_6 = re.compile(
    r"</?(?:address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|"
    r"details|dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|"
    r"h[1-6]|head|header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|"
    r"optgroup|option|p|param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|"
    r"track|ul)(?:[ \t]|/?>|$)",
    re.IGNORECASE,
)
_HTML_7 = re.compile(
    r"(?:<[A-Za-z][A-Za-z0-9-]*"
    r"(?:[ \t]+[A-Za-z_:][A-Za-z0-9_.:-]*(?:[ \t]*=[ \t]*(?:[^ \t\"'=<>`]+|'[^']*'|\"[^\"]*\"))?)*"
    r"[ \t]*/?>|</[A-Za-z][A-Za-z0-9-]*[ \t]*>)[ \t]*$"
)


class _OpenItem(NamedTuple):
    item: int  # index into the items list
    content: int  # column where the item's content starts


class _Fence(NamedTuple):
    char: str
    length: int
    column: int  # the fence's own indent: removed from its content lines
    container: int  # the content column of the list item holding it (0 at top level)
    line: int
    info: str


def _indent(line: str) -> tuple[int, int]:
    """(width in columns with tab stops of 4, characters) of a line's leading whitespace."""
    width = 0
    for i, ch in enumerate(line):
        if ch == " ":
            width += 1
        elif ch == "\t":
            width += 4 - width % 4
        else:
            return width, i
    return width, len(line)


def _strip_columns(line: str, columns: int) -> str:
    """The line with ``columns`` columns of leading whitespace removed (tabs split as needed)."""
    width = 0
    for i, ch in enumerate(line):
        if width >= columns or ch not in " \t":
            return " " * (width - columns) + line[i:]
        width += 1 if ch == " " else 4 - width % 4
    return ""


def scan(lines: Iterable[str]) -> Structure:
    headings: list[Heading] = []
    fences: list[Fence] = []
    html_lines: set[int] = set()
    items: list[ListItem] = []
    last_line: list[int] = []  # last non-blank line of each item, set when it closes
    columns: list[int] = []  # content column of each open item, parallel to stack
    touched = -1  # the last line that belongs to every open item
    stack: list[_OpenItem] = []
    fence: _Fence | None = None
    fence_lines: list[str] = []
    html_end: str | None = None  # "comment", "raw" or "blank" while inside an HTML block
    html_container = 0  # content column of the list item holding the HTML block
    paragraph_start: int | None = None
    paragraph_text: list[str] = []
    indented: set[int] = set()  # lines of indented code blocks
    last_nonblank = -1
    empty_item = -2  # line of the last list item with nothing after its marker

    def close_paragraph() -> None:
        nonlocal paragraph_start
        paragraph_start = None
        paragraph_text.clear()

    def pop() -> None:
        # Every line touched while an item was open belongs to it, so its last one is ours.
        last_line[stack.pop().item] = touched
        columns.pop()

    def open_block(
        kind: str, match: re.Match[str] | None, rest: str, n: int, indent: int, container: int
    ) -> bool:
        """Open the heading, fence or HTML block a line starts; False for anything else."""
        nonlocal fence, fence_lines, html_end, html_container
        if kind == "heading" and match is not None:
            headings.append(Heading(len(match.group(1)), n, _heading_text(match.group(2))))
        elif kind == "fence" and match is not None:
            marker, info = match.group(1), match.group(2).strip()
            fence = _Fence(marker[0], len(marker), indent, container, n, info)
            fence_lines = []
        elif kind in ("comment", "raw", "blank"):
            html_lines.add(n)
            ends_here = (kind == "comment" and "-->" in rest[4:]) or (
                kind == "raw" and _HTML_CLOSE_1.search(rest) is not None
            )
            html_end = None if ends_here else kind
            html_container = container
        else:
            return False
        return True

    def close_items(column: int) -> None:
        while stack and stack[-1].content > column:
            pop()

    count = 0
    for n, line in enumerate(lines):
        count = n + 1
        if fence is not None:
            width, _ = _indent(line)
            if line.strip() and width < fence.container:
                fences.append(_make_fence(fence, n, fence_lines))
                fence = None
            else:
                unindented = _strip_columns(line, fence.column)
                closing = unindented.lstrip(" ")
                if (
                    len(unindented) - len(closing) < 4
                    and closing.startswith(fence.char * fence.length)
                    and not closing.rstrip().strip(fence.char)
                ):
                    fences.append(_make_fence(fence, n + 1, fence_lines))
                    fence = None
                else:
                    fence_lines.append(unindented)
                touched = n
                continue
        if html_end is not None and line.strip() and _indent(line)[0] < html_container:
            html_end = None  # the list item holding the HTML block has ended
        if html_end is not None:
            if html_end == "blank" and not line.strip():
                html_end = None
            else:
                html_lines.add(n)
                touched = n
                if (html_end == "comment" and "-->" in line) or (
                    html_end == "raw" and _HTML_CLOSE_1.search(line)
                ):
                    html_end = None
                continue
        if not line.strip():
            close_paragraph()
            if empty_item == n - 1 and stack:
                pop()  # an item may start with at most one blank line: "-" then "" ends it
            continue
        prior_nonblank, last_nonblank = last_nonblank, n
        width, chars = _indent(line)
        rest = line[chars:]
        # Content columns grow strictly with depth: the container is found by bisection.
        depth = bisect.bisect_right(columns, width)
        container = columns[depth - 1] if depth else 0
        relative = width - container
        if relative >= 4:
            if paragraph_start is not None:
                paragraph_text.append(rest)
                touched = n
                continue
            close_items(width)
            code = _strip_columns(line, container + 4)
            last = fences[-1] if fences else None
            if (
                last is not None
                and last.end_line - 1 in indented
                and last.end_line - 1 == prior_nonblank
            ):
                # Blank lines between indented chunks belong to the same code block.
                gap = "\n" * (n - last.end_line)
                fences[-1] = Fence(last.line, n + 1, "", last.content + gap + code + "\n")
            else:
                fences.append(Fence(n, n + 1, "", code + "\n"))
            indented.add(n)
            touched = n
            continue
        # A paragraph restricts what may follow it only within its own container: an empty
        # item or a "2." may not interrupt it, but may continue an enclosing list.
        same_container = not stack or width >= stack[-1].content
        block = _block_start(rest, paragraph_start is not None, same_container)
        if block is None:
            if paragraph_start is None:
                close_items(width)
                paragraph_start = n
            paragraph_text.append(rest)
            touched = n
            continue
        kind, match = block
        if kind == "setext" and paragraph_start is not None:
            level = 1 if rest.lstrip().startswith("=") else 2
            text = "\n".join(t.strip() for t in paragraph_text)
            headings.append(Heading(level, paragraph_start, text))
            close_paragraph()
            touched = n
            continue
        close_items(width)
        close_paragraph()
        if kind != "item":
            open_block(kind, match, rest, n, width, container)
        else:
            # The item's first line may open nested items ("- - x"), code or HTML; positions
            # instead of slices keep a line of 10,000 markers linear.
            column = width
            pos = chars
            rule_from = len(line.rstrip(" \t-*_"))
            marker = _MARKER.match(line, pos)
            while marker is not None:
                parent = stack[-1].item if stack else None
                items.append(ListItem(n, n + 1, len(stack), parent))
                last_line.append(n)
                spaces, pos = _spaces(line, marker.end())
                empty = pos == len(line)
                column += marker.end() - marker.start() + (1 if empty or spaces > 4 else spaces)
                stack.append(_OpenItem(len(items) - 1, column))
                columns.append(column)
                marker = None
                if not empty and line[pos] in "-+*0123456789":
                    # Past rule_from the line holds only rule characters: only there can an
                    # "hr" (- - -) hide in an item; checking it before is a wasted scan.
                    rule = pos >= rule_from and _HR.match(line[pos:]) is not None
                    marker = None if rule else _MARKER.match(line, pos)
            rest = line[pos:]
            block = _block_start(rest, False, True) if rest else None
            kind, match = block if block is not None else ("text", None)
            if not open_block(kind, match, rest, n, column, column):
                if rest.strip():
                    paragraph_start = n
                    paragraph_text.append(rest.strip())
                else:
                    empty_item = n
        touched = n
    if fence is not None:
        fences.append(_make_fence(fence, count, fence_lines))
    while stack:
        pop()
    finished = ListItems(
        ListItem(item.line, last_line[i] + 1, item.depth, item.parent)
        for i, item in enumerate(items)
    )
    code_lines = frozenset(n for f in fences for n in range(f.line, f.end_line))
    return Structure(
        tuple(headings),
        finished,
        tuple(sorted(fences, key=lambda f: f.line)),
        frozenset(html_lines),
        code_lines,
    )


def _make_fence(fence: _Fence, end: int, lines: list[str]) -> Fence:
    content = "".join(line + "\n" for line in lines)
    return Fence(fence.line, end, fence.info, content)


def _heading_text(text: str) -> str:
    """An ATX heading's text without its optional closing sequence of ``#``."""
    stripped = text.rstrip(" \t")
    bare = stripped.rstrip("#")
    if bare != stripped and (not bare or bare[-1] in " \t"):
        return bare.strip()
    return stripped.strip()


def _spaces(line: str, pos: int) -> tuple[int, int]:
    """(columns, index of the next other character) of the blanks starting at ``pos``."""
    width = 0
    while pos < len(line) and line[pos] in " \t":
        width += 1 if line[pos] == " " else 4 - width % 4
        pos += 1
    return width, pos


def _block_start(
    rest: str, in_paragraph: bool, same_container: bool
) -> tuple[str, re.Match[str] | None] | None:
    """What block a line (indent removed) starts, or None for paragraph text.

    ``same_container``: the open paragraph (if any) is in the container this line is in.
    """
    if not rest:
        return None
    first = rest[0]
    if first == "#":
        match = _ATX.match(rest)
        if match is not None:
            return "heading", match
    if first in "=-" and in_paragraph and same_container and _SETEXT.match(rest):
        return "setext", None
    if first in "-*_" and _HR.match(rest):
        return "hr", None
    if first in "`~":
        match = _FENCE.match(rest)
        if match is not None and not (first == "`" and "`" in match.group(2)):
            return "fence", match
    if first == "<":
        if rest.startswith("<!--"):
            return "comment", None
        if _HTML_OPEN_1.match(rest):
            return "raw", None
        if _HTML_6.match(rest) or (not in_paragraph and _HTML_7.match(rest)):
            return "blank", None
    if first in "-+*" or first.isdigit():
        match = _MARKER.match(rest)
        if match is not None:
            empty = not rest[match.end() :].strip()
            restricted = in_paragraph and same_container
            if restricted and (empty or (match.group(2) is not None and match.group(2) != "1")):
                return None  # cannot interrupt a paragraph
            return "item", match
    return None
