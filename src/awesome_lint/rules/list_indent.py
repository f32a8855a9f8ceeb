"""AL107 list-indent: a field indented unlike its entry's other fields, or written too deep.

An entry's fields are its direct sub-items; each entry is judged against itself: a field whose
indent or bullet differs from the one most of its entry's fields use is reported (a tie goes to
the style most fields of the list use). Entries that are consistent in themselves are never
reported, whichever indent they use: ``  -`` and ``    -`` render alike. Also reported: an
indent that mixes spaces and tabs (``  \\t-``), a declared field nested inside the field above
it (``- authors`` then ``    - Keyword: x``), and a bullet with no space after it
(``-[title](url)``), which Markdown does not read as a list item at all, and a field written
at the entry's own level (``- 概述：...`` right under ``- [title](url)``), which reads as
another entry without a title. The items nested in a
field (the points of ``Summary:``) are its value, not fields: they are never re-indented.

The fix rewrites the indent only when every item keeps its parent and its depth; a field
nested too deep is reported without a fix (moving it changes the tree).

Why: mixed tabs and spaces render differently across viewers, and a field nested under another
one is hidden inside it.

Okay:  - [Title](https://arxiv.org/abs/2305.10507)
         - Hao Shao, Letian Wang
         - Keyword: driving
AL107: - [Title](https://arxiv.org/abs/2305.10507)
         - Hao Shao, Letian Wang
           - Keyword: driving
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from awesome_lint.context import Context
from awesome_lint.diagnostics import Edit, Fix, Violation
from awesome_lint.model.document import Document
from awesome_lint.model.entries import Entry, Field

_NO_SPACE = re.compile(r"^([ \t]*)([-+])\[")
_ITEM_START = re.compile(r"\A[ \t]*(?:[-+*]|\d{1,9}[.)])[ \t]")


def _show(prefix: str) -> str:
    """A prefix with its tabs made visible as ``\\t``."""
    return '"' + prefix.replace("\t", "\\t") + '"'


def _width(indent: str) -> int:
    return len(indent.expandtabs(4))


def check(ctx: Context) -> Iterator[Violation]:
    for stray in ctx.stray_fields:
        yield Violation(
            stray.content_start,
            stray.content_end,
            "Field written at the entry's level, so it reads as an entry; indent it under the"
            " entry above",
        )
    style: Counter[tuple[str, str]] = Counter(
        (f.indent, f.bullet) for _, f in ctx.fields() if not f.nested
    )
    for entry in ctx.entries:
        fields = [f for f in entry.fields if not f.nested]
        # Judged in unmixed form: "  \t-" counts as the "    -" it renders like.
        own = Counter(_unmixed(f.indent, style, f.bullet) for f in fields)
        wanted = max(own, key=lambda s: (own[s], style[s])) if own else None
        for i, field in enumerate(fields):
            target = wanted
            if target is None or (field.indent, field.bullet) == target:
                continue
            fix = None
            if _keeps_tree(ctx, entry, fields, i, target[0]):
                fix = Fix.safe(
                    f"Indent with {_show(target[0])} and bullet {_show(target[1])}",
                    Edit(field.start, field.bullet_offset + 1, target[0] + target[1]),
                )
            yield Violation(
                field.start,
                field.bullet_offset + 1,
                f"Field starts with {_show(field.indent + field.bullet)}; "
                f"the entry's other fields use {_show(target[0] + target[1])}",
                fix,
            )
        for field in entry.fields:
            if field.nested:
                yield Violation(
                    field.start,
                    field.bullet_offset + 1,
                    f'Field "{field.label.text if field.label else "field"}" is nested inside '
                    "the field above; indent it as the entry's other fields",
                )
    yield from _no_space(ctx)


def _unmixed(indent: str, style: Counter[tuple[str, str]], bullet: str) -> tuple[str, str]:
    """``indent`` itself, or for one that mixes spaces and tabs the list's unmixed indent of
    the same width (spaces if the list has none)."""
    if not (" " in indent and "\t" in indent):
        return (indent, bullet)
    width = _width(indent)
    same = [s for s in style if _width(s[0]) == width and not (" " in s[0] and "\t" in s[0])]
    if not same:
        return (" " * width, bullet)
    return max(same, key=lambda s: style[s])


def _keeps_tree(ctx: Context, entry: Entry, fields: list[Field], i: int, indent: str) -> bool:
    """Whether re-indenting ``fields[i]`` keeps it, and every item, where it is in the tree."""
    document = ctx.document
    field = fields[i]
    if field.end_line != field.line + 1:
        return False  # the items nested in it would have to move too
    entry_content = _width(document.text[entry.start : entry.content_start])
    width = _width(indent)
    if not entry_content <= width <= entry_content + 3:
        return False
    if i > 0:
        previous = fields[i - 1]
        previous_content = _width(document.text[previous.start : previous.content_start])
        if width >= previous_content:
            return False  # it would become the previous field's child
    own_content = width + len(field.bullet) + (field.content_start - field.bullet_offset - 1)
    for later in range(field.line + 1, entry.end_line):
        text = document.line(later)
        if not text.strip():
            continue
        if _width(text[: len(text) - len(text.lstrip(" \t"))]) >= own_content:
            return False  # a later line would become this field's child or continuation
        break
    return True


def _no_space(ctx: Context) -> Iterator[Violation]:
    document = ctx.document
    excluded = document.structure.code_lines | document.structure.html_lines
    # Scopes of blocks in one section overlap: scan each line once (blocks themselves are code).
    scanned = 0
    for scope_line, scope_end in sorted(
        (s.scope_line, s.scope_end_line) for s in ctx.schemas if not s.classic
    ):
        for line in range(max(scope_line, scanned), min(scope_end, document.line_count)):
            if line in excluded:
                continue
            match = _NO_SPACE.match(document.line(line))
            if match is None:
                continue
            bullet_at = document.line_starts[line] + match.end(1)
            edit = Edit.insert(bullet_at + 1, " ")
            if _adopts_children(document, line, len(match.group(1).expandtabs(4))):
                # The new item takes over the items below it: a change of the tree, on request.
                fix = Fix.unsafe("Add a space after the bullet", edit, structural=True)
            else:
                fix = Fix.safe("Add a space after the bullet", edit)
            yield Violation(
                bullet_at,
                bullet_at + 2,
                f'No space after the bullet "{match.group(2)}": Markdown reads this as text',
                fix,
            )
        scanned = max(scanned, scope_end)


def _adopts_children(document: Document, line: int, indent: int) -> bool:
    """Whether the item a space would make takes over indented items below it (a tree change)."""
    for later in range(line + 1, document.line_count):
        text = document.line(later)
        if not text.strip():
            continue
        return (
            _ITEM_START.match(text) is not None
            and _width(text[: len(text) - len(text.lstrip(" \t"))]) > indent
        )
    return False
