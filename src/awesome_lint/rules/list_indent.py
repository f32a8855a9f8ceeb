"""AL107 list-indent: a sub-item whose indent or bullet differs from the list's own style.

The list's style is the indent and bullet most of its fields use (``  - `` in most lists,
``\\t- `` in some). Also catches a bullet with no space after it (``-[title](url)``), which
Markdown does not read as a list item at all.

The fix rewrites the indent only when the item stays nested under its entry.

Why: mixed tabs and spaces render differently across viewers, and a three-space indent under a
two-column bullet can silently turn a field into a new entry.

Okay:  - [Title](https://arxiv.org/abs/2305.10507)
         - Hao Shao, Letian Wang
AL107: - [Title](https://arxiv.org/abs/2305.10507)
       \\t- Hao Shao, Letian Wang
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from awesome_lint.context import Context
from awesome_lint.diagnostics import Edit, Fix, Violation

_NO_SPACE = re.compile(r"^([ \t]*)([-+])\[")


def _show(prefix: str) -> str:
    """A prefix with its tabs made visible as ``\\t``."""
    return '"' + prefix.replace("\t", "\\t") + '"'


def _width(indent: str) -> int:
    return len(indent.expandtabs(4))


def check(ctx: Context) -> Iterator[Violation]:
    document = ctx.document
    style: Counter[tuple[str, str]] = Counter((f.indent, f.bullet) for _, f in ctx.fields())
    if style:
        (indent, bullet), _ = style.most_common(1)[0]
        for entry, field in ctx.fields():
            if (field.indent, field.bullet) == (indent, bullet):
                continue
            entry_content = _width(document.text[entry.start : entry.content_start])
            fits = entry_content <= _width(indent) <= entry_content + 3
            fix = None
            if fits and field.end_line == field.line + 1:
                fix = Fix.safe(
                    f"Indent with {_show(indent)} and bullet {_show(bullet)}",
                    Edit(field.start, field.bullet_offset + 1, indent + bullet),
                )
            written = field.indent + field.bullet
            yield Violation(
                field.start,
                field.bullet_offset + 1,
                f"Sub-item starts with {_show(written)}; this list uses {_show(indent + bullet)}",
                fix,
            )
    excluded = document.structure.code_lines | document.structure.html_lines
    # Scopes of blocks in one section overlap: scan each line once (blocks themselves are code).
    scanned = 0
    for scope_line, scope_end in sorted((s.scope_line, s.scope_end_line) for s in ctx.schemas):
        for line in range(max(scope_line, scanned), min(scope_end, document.line_count)):
            if line in excluded:
                continue
            match = _NO_SPACE.match(document.line(line))
            if match is None:
                continue
            bullet_at = document.line_starts[line] + match.end(1)
            yield Violation(
                bullet_at,
                bullet_at + 2,
                f'No space after the bullet "{match.group(2)}": Markdown reads this as text',
                Fix.safe("Add a space after the bullet", Edit.insert(bullet_at + 1, " ")),
            )
        scanned = max(scanned, scope_end)
