"""AL505 table-of-contents: the contents list and the headings it lists disagree.

Where a list has a table of contents (a list whose items are mostly ``[Heading](#anchor)`` links to
the file's own headings), every content heading it should list has an item, in heading order, with
the heading's text, at the heading's depth, and no item is extra. What it should list is learnt from
the contents itself: the heading levels it covers, the sections it expands into sub-headings, and
where it stops, so a trailing section is not demanded unless the contents list such sections;
sections about the list (Contributing, License, Code of Conduct, Footnotes, Related) are not
demanded anywhere unless listed. Depths follow the contents' own habit: a title item (the h1)
written flat with the sections keeps them at its depth. ``<!-- omit in toc -->`` on a heading leaves
it out. A broken anchor is AL501's; an item whose anchor is broken but whose text names a heading is
taken as that heading's item. Emoji, shortcodes and markup do not count as text.

The fix regenerates the contents in place in its own style (indent, bullet, spacing, bold link
text, notes after the links kept); it is unsafe when it drops an item (a repeat, an omitted
heading), and there is none when an item lists no heading or the list has blank lines.

Why: a contents that misses a section hides it; one in another order or with other names
sends the reader to the wrong place.

Okay:  - [Tools](#tools) and - [Books](#books) with headings "## Tools", "## Books"
AL505: - [Tools](#tools) alone with headings "## Tools", "## Books"
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import unquote

from awesome_lint.context import Context
from awesome_lint.diagnostics import Edit, Fix, Violation
from awesome_lint.model.anchors import heading_text
from awesome_lint.model.toc import Toc, TocItem, find_toc, in_order, regenerate


def check(ctx: Context) -> Iterator[Violation]:
    document = ctx.document
    toc = find_toc(document)
    if toc is None:
        return
    fix = None  # made below, once there is a violation to carry it: most contents have none
    headings = toc.headings
    wanted = set(toc.wanted)
    found: list[Violation] = []
    seen: set[int] = set()
    firsts = _first_items(toc)
    ordered = {firsts[p] for p in in_order([toc.items[f].heading or 0 for f in firsts])}
    for position, item in enumerate(toc.items):
        start, end = _span(ctx, item)
        name = " ".join(heading_text(item.link.text if item.link else item.before).split())
        index = item.heading
        if index is None:
            if item.link is not None and unquote(item.link.url[1:]) in ctx.anchors:
                message = f'Item "{name}" lists no heading (its anchor is not a heading\'s)'
                found.append(Violation(start, end, message, fix))
            continue  # no in-page link, or a broken one: AL501 reports it
        heading = headings[index]
        if index in seen:
            found.append(Violation(start, end, f'Item "{name}" lists "{heading.text}" again', fix))
            continue
        seen.add(index)
        if index not in wanted:
            if item.by_text:
                continue  # its anchor is broken too: AL501's
            message = f'Item "{name}" lists a heading marked "omit in toc"'
            found.append(Violation(start, end, message, fix))
            continue
        if position not in ordered:
            message = f'Item "{name}" is out of order: its heading is elsewhere in the file'
            found.append(Violation(start, end, message, fix))
        else:
            depth = toc.depths[index]
            if item.depth != depth and item.line not in toc.grouped:
                message = (
                    f'Item "{name}" is nested {item.depth} deep; its heading puts it at {depth}'
                )
                found.append(Violation(start, end, message, fix))
        if not toc.renamed and not item.by_text and toc.renames(item):
            message = f'Item "{name}" differs from its heading "{heading.text.strip()}"'
            found.append(Violation(start, end, message, fix))
    for index in toc.wanted:
        if index not in seen:
            heading = headings[index]
            line = heading.line
            message = f'Heading "{heading.text.strip()}" has no item in the table of contents'
            found.append(
                Violation(document.line_starts[line], document.line_ends[line], message, fix)
            )
    if found:
        fix = _fix(ctx, toc)
        found = [v._replace(fix=fix) for v in found]
    yield from sorted(found, key=lambda v: (v.start, v.end))


def _first_items(toc: Toc) -> list[int]:
    """Positions of the items that list a wanted heading first."""
    seen: set[int] = set()
    wanted = set(toc.wanted)
    firsts = []
    for position, item in enumerate(toc.items):
        if item.heading is not None and item.heading in wanted and item.heading not in seen:
            seen.add(item.heading)
            firsts.append(position)
    return firsts


def _span(ctx: Context, item: TocItem) -> tuple[int, int]:
    if item.link is not None:
        return item.link.start, item.link.end
    document = ctx.document
    return document.line_starts[item.line], document.line_ends[item.line]


def _fix(ctx: Context, toc: Toc) -> Fix | None:
    lines = regenerate(toc)
    if lines is None:
        return None
    document = ctx.document
    start = document.line_starts[toc.start_line]
    end = document.line_ends[toc.end_line - 1]
    new = document.newline.join(lines)
    if new == document.text[start:end]:
        return None
    listed = [item.heading for item in toc.items]
    dropped = len(listed) != len(set(listed)) or not set(listed) <= set(toc.wanted)
    # An item paired with its heading by place alone is renamed on a guess.
    guessed = any(item.by_text and toc.renames(item) for item in toc.items)
    make = Fix.unsafe if dropped or guessed else Fix.safe
    return make("Regenerate the table of contents", Edit(start, end, new), structural=True)
