"""AL201 year-order: year sections out of order.

Sibling year sections (the same parent heading) must run from the newest year to the oldest, or
the other way with ``year-order = "ascending"``. By default (``"auto"``) a list that runs its
years oldest first throughout keeps that order: AL112 names the habit once, and only the
sections that break it are reported. Only years count: ``NeurIPS 2025``,
``ICML 2025``, ``ICLR 2025`` in any order are fine, and a catch-all such as ``2020 and before``
sits just below its bound. A list grouped by venue (every ``ICLR`` year, then every ``NeurIPS``
year) is judged venue by venue when that explains its order better. Other headings between year
sections (``Arxiv``, ``Others``) stay where they are. The sections to move are the fewest that
restore the order; the fix moves each whole section (heading through the line before the next
sibling heading) to its place.

Why: readers scan a list by year; a section out of place hides its papers.

Okay:  ### 2023 / ### 2022 / ### 2020 and before
AL201: ### 2021 / ### 2022
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple

from awesome_lint.context import Context
from awesome_lint.diagnostics import Edit, Fix, Related, Violation
from awesome_lint.model.document import Document
from awesome_lint.model.years import YearSection
from awesome_lint.moves import is_blank


class _Order(NamedTuple):
    descending: bool

    def allows(self, first: YearSection, second: YearSection) -> bool:
        """Whether ``first`` may come before ``second``."""
        if self.descending:
            return first.sort_key >= second.sort_key
        return first.sort_key <= second.sort_key


def check(ctx: Context) -> Iterator[Violation]:
    setting = ctx.settings.year_order
    if setting == "auto":  # the list's own habit (AL112 names it), newest first by default
        setting = "ascending" if ctx.year_sections.ascending_habit() else "descending"
    order = _Order(setting != "ascending")
    for siblings in ctx.year_sections.sibling_groups():
        by_venue: dict[str, list[YearSection]] = {}
        for section in siblings:
            by_venue.setdefault(section.venue, []).append(section)
        groups = [siblings]
        if len(by_venue) > 1 and _misplaced_count(by_venue.values(), order) < len(
            _misplaced(siblings, order)
        ):
            groups = list(by_venue.values())
        for group in groups:
            yield from _check_group(ctx, group, order)


def _check_group(ctx: Context, group: list[YearSection], order: _Order) -> Iterator[Violation]:
    moved = _misplaced(group, order)
    if not moved:
        return
    moved_lines = {s.line for s in moved}
    kept = [s for s in group if s.line not in moved_lines]
    # The kept sections are in order: on this axis their keys rise, so a bisection finds the
    # first kept section a moved one must precede and the last it must follow.
    kept_keys = [_axis(k, order) for k in kept]
    document = ctx.document
    edits = _cuts(document, moved)
    targets: dict[tuple[int, bool], list[YearSection]] = {}
    for section in moved:
        targets.setdefault(_target(document, section, kept, kept_keys, order), []).append(section)
    newline = document.newline
    for (at, after_last), sections in targets.items():
        ordered = sorted(sections, key=lambda s: s.sort_key, reverse=order.descending)
        cores = [_core(document, s) for s in ordered]
        if after_last:
            content = "".join(newline + newline + core for core in cores)
        else:
            blank_before = is_blank(document, document.line_of(at) - 1)
            content = ("" if blank_before else newline) + "".join(
                core + newline + newline for core in cores
            )
        edits.append(Edit.insert(at, content))
    fix = Fix.unsafe("Move the year sections into order", *edits, structural=True)
    for section in moved:
        # Name where it goes: before the first kept section it must precede, else after the last.
        key = _axis(section, order)
        after = bisect.bisect_right(kept_keys, key)
        before = bisect.bisect_left(kept_keys, key) - 1
        follower = kept[after] if after < len(kept) else None
        leader = kept[before] if before >= 0 else None
        other, where = (follower, "before") if follower is not None else (leader, "after")
        if other is None:  # pragma: no cover - a misplaced section always contradicts one
            continue
        heading = section.heading
        yield Violation(
            document.line_starts[heading.line],
            document.line_ends[heading.line],
            f'Year section "{heading.text}" is out of order: it belongs {where} '
            f'"{other.heading.text}" (line {other.line + 1})',
            fix,
            (
                Related(
                    document.line_starts[other.line],
                    document.line_ends[other.line],
                    f'"{other.heading.text}" is here',
                ),
            ),
        )


def _axis(section: YearSection, order: _Order) -> float:
    """The section's key on an axis where the order runs upward."""
    return -section.sort_key if order.descending else section.sort_key


def _target(
    document: Document,
    section: YearSection,
    kept: Sequence[YearSection],
    kept_keys: Sequence[float],
    order: _Order,
) -> tuple[int, bool]:
    """Where a moved section goes: before the first kept section it must precede (a line
    start), else right after the last line of the last kept one (True)."""
    at = bisect.bisect_right(kept_keys, _axis(section, order))
    if at < len(kept):
        return document.line_starts[kept[at].line], False
    return document.line_ends[_last_line(document, kept[-1])], True


def _cuts(document: Document, moved: Sequence[YearSection]) -> list[Edit]:
    """Delete the moved sections with the blank lines after them. A run that reaches the end of
    the file takes the blank lines before it instead, so the file keeps its own ending."""
    text = document.text
    ranges: list[list[int]] = []
    for section in sorted(moved, key=lambda s: s.line):
        start = document.line_starts[section.line]
        end = (
            document.line_starts[section.end_line]
            if section.end_line < document.line_count
            else len(text)
        )
        if ranges and ranges[-1][1] == start:
            ranges[-1][1] = end
        else:
            ranges.append([start, end])
    edits = [Edit.delete(start, end) for start, end in ranges]
    start, end = ranges[-1]
    if end == len(text):
        before = document.line_of(start) - 1
        while before >= 0 and is_blank(document, before):
            before -= 1
        last = document.line_count - 1
        while last > 0 and is_blank(document, last):
            last -= 1
        ending = text[document.line_ends[last] :]
        cut_from = document.line_ends[before] if before >= 0 else 0
        edits[-1] = Edit(cut_from, len(text), ending)
    return edits


def _core(document: Document, section: YearSection) -> str:
    """The section from its heading to its last non-blank line, without the final newline."""
    return document.text[
        document.line_starts[section.line] : document.line_ends[_last_line(document, section)]
    ]


def _last_line(document: Document, section: YearSection) -> int:
    last = section.end_line - 1
    while last > section.line and is_blank(document, last):
        last -= 1
    return last


def _misplaced(group: Sequence[YearSection], order: _Order) -> list[YearSection]:
    """Sections outside the longest ordered run, keeping earlier sections where there is a tie.

    The run lengths come from a Fenwick tree of the best run by position on the year axis, so
    20,000 sections cost n log n, not a comparison of every pair.
    """
    n = len(group)
    if not n:
        return []
    # On this axis "may come before" is "<=": descending order flips the keys.
    keys = [-s.sort_key if order.descending else s.sort_key for s in group]
    ranks = {key: r for r, key in enumerate(sorted(set(keys)))}
    size = len(ranks)
    tree = [0] * (size + 1)  # the best run starting at a later section, by rank from the top
    longest = [1] * n  # longest ordered run starting at i
    for i in range(n - 1, -1, -1):
        # A run from i continues with a later section whose key is at least keys[i].
        position = size - ranks[keys[i]]  # 1-based, larger keys first
        best = 0
        at = position
        while at > 0:
            best = max(best, tree[at])
            at -= at & -at
        longest[i] = best + 1
        at = position
        while at <= size:
            tree[at] = max(tree[at], longest[i])
            at += at & -at
    keep: set[int] = set()
    need = max(longest)
    previous: int | None = None
    for i in range(n):
        if longest[i] == need and (previous is None or order.allows(group[previous], group[i])):
            keep.add(i)
            previous = i
            need -= 1
            if need == 0:
                break
    return [s for i, s in enumerate(group) if i not in keep]


def _misplaced_count(groups: Iterable[Sequence[YearSection]], order: _Order) -> int:
    return sum(len(_misplaced(g, order)) for g in groups)
