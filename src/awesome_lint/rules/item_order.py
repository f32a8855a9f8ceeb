"""AL204 item-order: an item out of alphabetical order in a section that is otherwise sorted.

In a list with no format block, where the items of one list (siblings under one parent, in
one section, at least eight of them: five are sorted but for one by chance one time in
seven) are in alphabetical order but for a few (at most one in ten), each item out of place
is reported with the item it belongs after. Names compare case-folded, with punctuation
read as a space (``[`tax`]`` sorts as "tax") or as written, whichever the run follows more
closely; a run with a name starting with a non-ASCII letter (``µStreamer``) is left alone,
as where it sorts is the list's choice. Sections in any other order (by date, by importance,
by hand) are left alone: only a list that is nearly sorted shows that it means to be.
With ``item-order = "alphabetical"`` in the config, every list of two or more named items
must be sorted, however far from sorted it is, non-ASCII names included.

The unsafe fix rewrites the run of items in order, each item moved whole with its lines,
when the items are written one after another with no blank line between them and none has
a sub-list; the items keep their depth and parent.

Why: a sorted section is how readers find an entry; one new item appended at the end breaks
it for every reader after.

Okay:  - [bat](…) / - [fd](…) / - [fzf](…) / - [jq](…) / - [ripgrep](…)
AL204: - [bat](…) / - [fd](…) / - [zoxide](…) / - [fzf](…) / - [jq](…) / - [ripgrep](…)
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence

from awesome_lint.context import Context
from awesome_lint.diagnostics import Edit, Fix, Violation
from awesome_lint.model.entries import Entry
from awesome_lint.model.order import longest_run
from awesome_lint.moves import block_text

_OUT_OF_PLACE_SHARE = 0.1  # at most this share of a run may be out of place
# Fewer items than this are sorted but for one by chance too often (1 in 7 orders of five).
_MIN_ITEMS = 8
_PUNCTUATION = re.compile(r"[^\w\s]+")


def check(ctx: Context) -> Iterator[Violation]:
    runs: dict[tuple[int, int, int], list[Entry]] = {}
    required = ctx.settings.item_order == "alphabetical"
    for entry in ctx.entries:
        if not (required or entry.schema.inferred):
            continue  # entries under a format block: sorted only when the config asks
        section = entry.section.line if entry.section is not None else -1
        key = (section, entry.depth, entry.parent_line)
        runs.setdefault(key, []).append(entry)
    ends: dict[int, int] = {}  # each item's end line, by its first: built once, if a run needs it
    for members in runs.values():
        yield from _run(ctx, members, ends)


def _keys(entry: Entry) -> tuple[str, str] | None:
    """The item's name as two sort keys: case-folded as written, and with punctuation as blanks."""
    if entry.title is None:
        return None
    raw = entry.title.text.casefold().strip()
    folded = " ".join(_PUNCTUATION.sub(" ", raw).split())
    return (raw, folded) if folded else None


def _run(ctx: Context, members: Sequence[Entry], ends: dict[int, int]) -> Iterator[Violation]:
    required = ctx.settings.item_order == "alphabetical"
    if len(members) < (2 if required else _MIN_ITEMS):
        return
    pairs = [_keys(e) for e in members]
    if any(p is None for p in pairs):
        return  # an item without a name: the section is not a list of names
    if not required and any(p is not None and not p[0][:1].isascii() for p in pairs):
        return  # "µStreamer", "üWave": where such names sort is the list's own choice
    # Lists sort their names one of two ways ("go cheat" before or after "go-clean"): the run
    # is judged by the way that leaves fewer items out of place.
    best: tuple[list[str], set[int]] | None = None
    for way in (0, 1):
        names = [p[way] for p in pairs if p is not None]
        if names == sorted(names):
            return
        kept = longest_run(names, strict=False)
        if best is None or len(kept) > len(best[1]):
            best = (names, kept)
    assert best is not None
    names, kept = best
    out = [i for i in range(len(names)) if i not in kept]
    if not required and len(out) > max(1, int(_OUT_OF_PLACE_SHARE * len(names))):
        return  # not nearly sorted: another order, or none
    order = sorted(range(len(names)), key=lambda i: names[i])
    if not ends:
        ends.update((item.line, item.end_line) for item in ctx.document.structure.items)
    fix = _fix(ctx, members, order, ends)
    for i in out:
        entry = members[i]
        place = order.index(i)
        after = members[order[place - 1]] if place else None
        title = entry.title
        assert title is not None
        where = (
            f'goes after "{after.title.text}" (line {after.line + 1})'
            if after is not None and after.title is not None
            else "goes first"
        )
        why = (
            'the config asks for sorted items (item-order = "alphabetical")'
            if required
            else f"the other {len(names) - len(out)} of {len(names)} items here are sorted"
        )
        yield Violation(
            title.start,
            title.end,
            f'Item out of alphabetical order: "{title.text}" {where}; {why}',
            fix,
        )


def _fix(
    ctx: Context, members: Sequence[Entry], order: Sequence[int], ends: dict[int, int]
) -> Fix | None:
    document = ctx.document
    for a, b in itertools.pairwise(members):
        if ends.get(a.line) != b.line:
            return None  # a blank line or other text between two items: keep them as they are
    if any(entry.has_items for entry in members):
        return None
    if any(entry.depth for entry in members):
        return None  # the tree check lets only top-level items move
    last = members[-1]
    end_line = ends.get(last.line, last.end_line)
    if end_line >= document.line_count:
        return None
    blocks = [block_text(document, e.line, ends.get(e.line, e.end_line)) for e in members]
    start = document.line_starts[members[0].line]
    end = document.line_starts[end_line]
    return Fix.unsafe(
        "Sort the items", Edit(start, end, "".join(blocks[i] for i in order)), structural=True
    )
