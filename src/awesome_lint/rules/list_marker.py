"""AL116 list-marker: a bullet unlike the list's others, or a bullet not followed by one space.

In a list with no format block: where the list's top-level items use one bullet (``-``, ``*``
or ``+``; three in four or more), an item with another is reported where its own section
mostly writes the list's (a section written all in its own bullet, such as a table of
contents, is left alone), and the fix writes the list's (safe: one character, and the item
keeps its place). An item, or an entry of a format block or one of its fields, written
with two or more spaces after its bullet (``-  [name](url)``) is reported where the list
writes one; the fix removes the extra spaces when the item has no lines below it (their
indentation depends on where the text starts). A line such as ``-[name](url)`` is not a list
item at all (Markdown needs a space after the bullet) and renders glued to the item above;
the fix adds the space, which makes it an item again (unsafe: it changes the list's tree).
``*[a link](url), and words.*`` is an italic line, not a glued bullet.

A bullet with nothing after it (an empty item) is reported too, without a fix.

Why: mixed bullets split one Markdown list into several, and a missing space hides an entry
inside its neighbour.

Okay:  - [httpie](https://httpie.io) - Modern command-line HTTP client.
AL116: * [httpie](https://httpie.io) - Modern command-line HTTP client.
AL116: -[httpie](https://httpie.io) - Modern command-line HTTP client.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from awesome_lint.context import Context
from awesome_lint.diagnostics import Edit, Fix, Violation
from awesome_lint.model.document import Document
from awesome_lint.model.entries import Entry, Field
from awesome_lint.model.habits import HABIT_SHARE, MIN_EVIDENCE

_GLUED = re.compile(r"\A([ \t]*)([-*+])\[[^\]\n]+\]\(")
_CLOSES_EMPHASIS = re.compile(r"[^\s*]\*(?!\*)")  # a "*" after a word: it closes one


def check(ctx: Context) -> Iterator[Violation]:
    items = [e for e in ctx.entries if e.schema.inferred and e.bullet in "-*+"]
    top = [e for e in items if e.depth == 0]
    bullets = Counter(e.bullet for e in top)
    habit = _habit(bullets)
    if habit is not None:
        sections: dict[int, Counter[str]] = {}
        for entry in top:
            key = entry.section.line if entry.section is not None else -1
            sections.setdefault(key, Counter())[entry.bullet] += 1
        for entry in top:
            key = entry.section.line if entry.section is not None else -1
            own = sections[key]
            if entry.bullet == habit or own[habit] * 2 <= sum(own.values()):
                continue  # a section written all in its own bullet (a contents list) keeps it
            at = entry.start + len(entry.indent)
            yield Violation(
                at,
                at + 1,
                f"Bullet `{entry.bullet}`; this list writes `{habit}`"
                f" ({bullets[habit]} of {len(top)} items)",
                Fix.safe(f"Write `{habit}`", Edit(at, at + 1, habit)),
            )
    document = ctx.document
    text = document.text
    # Every bulleted line: items, and the entries of format blocks with their fields.
    bulleted: list[Entry | Field] = [e for e in ctx.entries if e.bullet in "-*+"]
    bulleted += [f for e in ctx.entries for f in e.fields if f.bullet in "-*+"]
    spaced = [b for b in bulleted if b.content_start - (b.start + len(b.indent) + 1) > 1]
    if len(bulleted) >= MIN_EVIDENCE and len(spaced) <= (1 - HABIT_SHARE) * len(bulleted):
        listed = document.structure.items
        # Lines of items with items below: their sub-items' indentation follows the text.
        parents = {listed[p].line for p in {i.parent for i in listed if i.parent is not None}}
        for marked in sorted(spaced, key=lambda b: b.start):
            marker_end = marked.start + len(marked.indent) + 1
            if "\t" in text[marker_end : marked.content_start]:
                continue
            single = (
                marked.end_line == marked.line + 1
                and marked.line not in parents
                and not _adopts(
                    document,
                    marked.line,
                    _column(marked.indent),
                    _column(marked.indent) + 2,
                    _column(marked.indent) + 1 + marked.content_start - marker_end,
                )
            )
            fix = Fix.safe("Write one space", Edit(marker_end, marked.content_start, " "))
            yield Violation(
                marker_end,
                marked.content_start,
                f"{marked.content_start - marker_end} spaces after the bullet;"
                " this list writes one",
                fix if single else None,
            )
    if not items:
        return
    structure = document.structure
    excluded = structure.code_lines | structure.html_lines
    item_lines = set()
    parents = set()
    for item in structure.items:
        item_lines.add(item.line)
        if item.parent is not None:
            parents.add(item.parent)
    line_starts, line_ends = document.line_starts, document.line_ends
    for index, item in enumerate(structure.items):
        end = line_ends[item.line]
        # A bare bullet's line ends in the bullet or a blank: one character read, no slice.
        if end == line_starts[item.line] or not (text[end - 1] in "-*+" or text[end - 1].isspace()):
            continue
        line = text[line_starts[item.line] : end]
        if line.strip() not in ("-", "*", "+") or item.line in excluded or index in parents:
            continue
        if any(s.contains(item.line) for s in ctx.schemas if not s.classic):
            continue
        if any(document.line(n).strip() for n in range(item.line + 1, item.end_line)):
            continue  # the item's text starts on the next line
        at = document.line_starts[item.line] + len(line) - len(line.lstrip())
        yield Violation(at, at + 1, "Empty list item: a bullet with nothing after it")
    find = text.find
    for n, (start, end) in enumerate(zip(line_starts, line_ends, strict=True)):
        # _GLUED needs "](": most lines are settled by a find, without a slice.
        if end - start < 3 or find("](", start, end) < 0:
            continue
        line = text[start:end]
        if line.lstrip(" \t")[:1] not in "-*+" or n in excluded:
            continue
        match = _GLUED.match(line)
        if match is None or n in item_lines:
            continue
        if match.group(2) == "*" and _CLOSES_EMPHASIS.search(line, match.end()):
            continue  # "*[a link](url), and words.*": an italic line, not a bullet
        if any(s.contains(n) for s in ctx.schemas if not s.classic):
            continue  # under a format block, AL107 reports it
        at = document.line_starts[n] + match.end(2)
        yield Violation(
            at - 1,
            at,
            f"No space after the bullet `{match.group(2)}`: this line is not a list item and"
            " joins the item above",
            Fix.unsafe("Add a space", Edit.insert(at, " "), structural=True),
        )


def _adopts(document: Document, line: int, bullet: int, new: int, old: int) -> bool:
    """Whether moving the text of the item on ``line`` from column ``old`` to ``new`` would
    make a later line its child: one indented at least ``new`` but less than ``old``, before
    the list comes back to the item's own bullet column. Columns count a tab to the next
    multiple of 4, as CommonMark does."""
    for n in range(line + 1, document.line_count):
        raw = document.line(n)
        if not raw.strip():
            continue
        indent = _column(raw[: len(raw) - len(raw.lstrip(" \t"))])
        if indent <= bullet:
            return False
        if new <= indent < old:
            return True
    return False


def _column(indent: str) -> int:
    """The column a line's leading ``indent`` reaches (a tab to the next multiple of 4)."""
    return len(indent.expandtabs(4))


def _habit(bullets: Counter[str]) -> str | None:
    total = sum(bullets.values())
    if total < MIN_EVIDENCE:
        return None
    bullet, count = bullets.most_common(1)[0]
    return bullet if count >= HABIT_SHARE * total and count < total else None
