"""Apply fixes: non-overlapping edits per round, re-lint until stable, verify nothing was lost.

Each round takes the applicable fixes in order of position and skips any that overlaps one
already taken; the text is rebuilt once per round and linted again. The loop stops when no
applicable fix remains; failing to converge is an error, never a silent stop. After every
round, every word and url that no edit touched must still be in the text, and every list item
must keep its parent and its depth: a fix that turns a field's nested points into fields has
lost data even when no byte is missing. Fixes that are each fine alone but together move an
item (one shortens a marker's indent, another the spaces after it) are not taken together: the
round is retried with fewer, and the rest are proposed again on the text it leaves. Only a fix
marked ``structural`` (an entry moved, removed or reordered on purpose) may change the tree,
and only within the entries it touches.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import NamedTuple

from awesome_lint.diagnostics import Diagnostic, Edit, Fix
from awesome_lint.model.document import Document

MAX_ROUNDS = 50

_WORD = re.compile(r"\w+")
_URL = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*://[^\s)\]>\"'<\x00]+")


class FixError(Exception):
    """Fixing would lose content or does not converge; nothing is written."""


class TreeError(FixError):
    """The fixes would move a list item; ``root`` is its top-level item's range, before them."""

    def __init__(self, message: str, root: tuple[int, int]) -> None:
        super().__init__(message)
        self.root = root


class FixResult:
    """The fixed text, what was applied, and what the final text still has."""

    __slots__ = ("applied", "diagnostics", "rounds", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.applied: Counter[str] = Counter()  # fixes applied, by rule code
        self.rounds = 0
        self.diagnostics: list[Diagnostic] = []


def apply_fixes(
    text: str,
    lint: Callable[[str], Sequence[Diagnostic]],
    applicable: Callable[[Diagnostic], bool],
    *,
    first: Sequence[Diagnostic] | None = None,
    max_rounds: int = MAX_ROUNDS,
    document_of: Callable[[str], Document | None] | None = None,
) -> FixResult:
    """Fix ``text`` until no applicable fix remains; ``first`` saves linting it again.

    ``document_of`` hands back the document ``lint`` last built for a text, if it has it, so
    the tree check reads the structure the lint already scanned instead of scanning again.
    """
    result = FixResult(text)
    diagnostics = first if first is not None else lint(text)
    seen = {text}
    for _ in range(max_rounds):
        chosen = choose(d for d in diagnostics if d.fix is not None and applicable(d))
        if not chosen:
            result.diagnostics = list(diagnostics)
            return result
        old_document = document_of(result.text) if document_of else None
        while True:
            new_text = rebuild(result.text, [e for d in chosen for e in d.fix.edits])  # type: ignore[union-attr]
            verify(result.text, new_text, chosen)
            if new_text in seen:
                raise FixError(
                    "fixes do not converge (they undo each other): "
                    + ", ".join(sorted({d.code for d in chosen}))
                )
            new_diagnostics = lint(new_text)  # nothing is written before the tree check below
            new_document = document_of(new_text) if document_of else None
            try:
                verify_tree(result.text, new_text, chosen, old_document, new_document)
            except TreeError as error:
                if len(chosen) == 1:
                    raise
                # Fixes each fine alone may together move an item (one shortens a marker's
                # indent, another its spacing): take fewer this round; the rest are judged
                # again on the text the first ones leave, where their own guards can see it.
                chosen = _fewer(chosen, error.root)
                continue
            break
        diagnostics = new_diagnostics
        seen.add(new_text)
        result.text = new_text
        result.rounds += 1
        result.applied.update(d.code for d in chosen)
    codes = ", ".join(sorted({d.code for d in diagnostics if d.fix is not None and applicable(d)}))
    raise FixError(f"fixes did not converge after {max_rounds} rounds: {codes}")


def choose(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Fixes that do not overlap, taken in order of position (ties: the earlier rule).

    Structural fixes (whole entries moved) may insert at one point together: their blocks go in
    the order the fixes are taken, so many entries moving to one section move in one round.
    """
    candidates = sorted(
        (d for d in diagnostics if d.fix is not None),
        key=lambda d: (d.fix.start, d.fix.end, d.code),  # type: ignore[union-attr]
    )
    taken: list[Diagnostic] = []
    # Taken edits, disjoint, kept sorted: (start, end, 1 for a structural insertion, else 0);
    # structural insertions may repeat at one point.
    spans: list[tuple[int, int, int]] = []
    for d in candidates:
        fix: Fix = d.fix  # type: ignore[assignment]
        if any(_overlaps(a, (b.start, b.end)) for a, b in itertools.pairwise(fix.edits)):
            continue  # a malformed fix: its own edits overlap, so no order can apply them
        if any(_overlaps_taken(e, _kind(fix, e), spans) for e in fix.edits):
            continue
        taken.append(d)
        for e in fix.edits:
            bisect.insort(spans, (e.start, e.end, _kind(fix, e)))
    return taken


def _kind(fix: Fix, edit: Edit) -> int:
    return int(fix.structural and edit.start == edit.end)


def _overlaps_taken(edit: Edit, kind: int, spans: list[tuple[int, int, int]]) -> bool:
    """Whether ``edit`` overlaps a taken span: only its two neighbours can (spans are disjoint)."""
    at = bisect.bisect_left(spans, (edit.start, edit.end, kind))
    for j in (at - 1, at):
        if 0 <= j < len(spans):
            start, end, other = spans[j]
            if kind and other and start == end == edit.start:
                continue  # two structural insertions at one point: taken in order
            if _overlaps(edit, (start, end)):
                return True
    return False


def _overlaps(edit: Edit, span: tuple[int, int]) -> bool:
    start, end = span
    if edit.start < end and start < edit.end:
        return True
    if edit.start == edit.end == start == end:
        return True  # two insertions at one point: order would be arbitrary
    return (edit.start == edit.end and start < edit.start < end) or (
        start == end and edit.start < start < edit.end
    )


def rebuild(text: str, edits: Sequence[Edit]) -> str:
    pieces = []
    position = 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        pieces.append(text[position : edit.start])
        pieces.append(edit.content)
        position = edit.end
    pieces.append(text[position:])
    return "".join(pieces)


def verify(old: str, new: str, chosen: Sequence[Diagnostic]) -> None:
    """Every word and url of ``old`` outside the edited ranges must still be in ``new``.

    Words and urls never hold whitespace, and the text between the edits' windows (each edit
    widened to the whitespace around it) is copied verbatim, so only the windows are compared:
    the same multisets as comparing the whole texts, at the cost of the edited part only.
    """
    edits = sorted((e for d in chosen for e in d.fix.edits), key=lambda e: (e.start, e.end))  # type: ignore[union-attr]
    rules = ", ".join(sorted({d.code for d in chosen}))
    windows = list(_windows(old, edits))
    # Between the windows the texts must be equal (a plain comparison, at memcmp speed).
    old_at = new_at = 0
    for window in windows:
        if old[old_at : window.old_start] != new[new_at : window.new_start]:
            raise FixError(f"a fix by {rules} would change text outside its edits")
        old_at, new_at = window.old_end, window.new_end
    if old[old_at:] != new[new_at:]:
        raise FixError(f"a fix by {rules} would change text outside its edits")
    for pattern, what in ((_URL, "url"), (_WORD, "word")):
        before: Counter[str] = Counter()
        after: Counter[str] = Counter()
        for window in windows:
            before.update(pattern.findall(window.kept))
            after.update(pattern.findall(new, window.new_start, window.new_end))
        lost = before - after
        if lost:
            item = next(iter(lost))
            raise FixError(f"a fix by {rules} would lose the {what} {item!r}; nothing was written")


_MARKERS = re.compile(r"\A[ \t]*((?:(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|$))+)")
_ONE_MARKER = re.compile(r"([-+*]|\d{1,9}[.)])[ \t]*")


def verify_tree(
    old: str,
    new: str,
    chosen: Sequence[Diagnostic],
    old_document: Document | None = None,
    new_document: Document | None = None,
) -> None:
    """Every list item keeps its parent and its depth, except where a structural fix acts.

    Items are identified by the offset just after their marker, carried through the edits; an
    item whose marker an edit rewrites, or that lies in a top-level entry a structural fix
    touches, is not compared.
    """
    edits = sorted((e for d in chosen for e in d.fix.edits), key=lambda e: (e.start, e.end))  # type: ignore[union-attr]
    if not edits:
        return
    structural = _merged(
        (e.start, e.end)
        for d in chosen
        if d.fix is not None and d.fix.structural
        for e in d.fix.edits
    )
    structural_starts = [s for s, _ in structural]
    old_items = _items(old_document if old_document is not None else Document(old))
    new_parsed = new_document if new_document is not None else Document(new)
    new_items = {anchor: (depth, parent) for anchor, depth, parent, _ in _items(new_parsed)}
    starts = [e.start for e in edits]
    shifts = list(itertools.accumulate(len(e.content) - (e.end - e.start) for e in edits))

    def mapped(offset: int) -> int | None:
        # Edits starting before the anchor move it; one starting at it (an insertion, or a new
        # label) changes only what follows the marker.
        at = bisect.bisect_left(starts, offset)
        if not at:
            return offset
        if edits[at - 1].end > offset:
            return None  # the edit rewrites the marker itself
        return offset + shifts[at - 1]

    rules = ", ".join(sorted({d.code for d in chosen}))
    for anchor, depth, parent, root in old_items:
        if structural and _touches(structural, structural_starts, root):
            continue
        moved = mapped(anchor)
        if moved is None:
            continue
        found = new_items.get(moved)
        parent_moved = mapped(parent) if parent is not None else None
        if parent is not None and parent_moved is None:
            continue  # its parent was rewritten: judged with that item
        if found is None or found[0] != depth or found[1] != parent_moved:
            raise TreeError(
                f"a fix by {rules} would change which list item is whose child "
                f"(the item at offset {anchor}); nothing was written",
                root,
            )


def _fewer(chosen: Sequence[Diagnostic], root: tuple[int, int]) -> list[Diagnostic]:
    """``chosen`` less the fixes that may have moved an item of ``root``: a strictly smaller set.

    Of the fixes with an edit in the item's top-level entry only the first stays (the others are
    proposed again next round); when at most one is there, the later half of all goes.
    """
    start, end = root
    inside = [
        i
        for i, d in enumerate(chosen)
        if any(e.start <= end and start <= e.end for e in d.fix.edits)  # type: ignore[union-attr]
    ]
    if len(inside) > 1:
        dropped = set(inside[1:])
        return [d for i, d in enumerate(chosen) if i not in dropped]
    return list(chosen[: len(chosen) // 2])


def _merged(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, disjoint ranges covering the same offsets (touching ones joined)."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _touches(
    spans: Sequence[tuple[int, int]], starts: Sequence[int], root: tuple[int, int]
) -> bool:
    """Whether a span ``(s, e)`` has ``s < root_end`` and ``root_start <= e`` (a bisection)."""
    at = bisect.bisect_left(starts, root[1]) - 1  # the last span starting before root's end
    return at >= 0 and spans[at][1] >= root[0]


def _items(document: Document) -> list[tuple[int, int, int | None, tuple[int, int]]]:
    """(anchor, depth, parent's anchor, its top-level item's [start, end) offsets) of each item.

    An item's anchor is the offset just after its marker, where its content begins.
    """
    items = document.structure.items
    anchors: list[int] = []
    markers: list[int] = []
    marker_line = -1
    taken = 0
    for item in items:
        if item.line != marker_line:
            marker_line, taken = item.line, 0
            markers = _marker_ends(document, item.line)
        anchors.append(markers[taken] if taken < len(markers) else document.line_starts[item.line])
        taken += 1
    found = []
    root_range = (0, 0)
    for index, item in enumerate(items):
        if item.parent is None:
            root_range = (
                document.line_starts[item.line],
                document.line_ends[max(item.end_line - 1, item.line)],
            )
        parent = anchors[item.parent] if item.parent is not None else None
        found.append((anchors[index], item.depth, parent, root_range))
    return found


def _marker_ends(document: Document, line: int) -> list[int]:
    """The offsets just after each list marker that starts line ``line`` (``- - x`` has two)."""
    text = document.line(line)
    run = _MARKERS.match(text)
    if run is None:
        return []
    start = document.line_starts[line]
    return [start + m.end(1) for m in _ONE_MARKER.finditer(text, run.start(1), run.end(1))]


class _Window(NamedTuple):
    old_start: int
    old_end: int
    new_start: int
    new_end: int
    kept: str  # the old window's text outside the edits, the pieces joined by NUL


def _windows(old: str, edits: Sequence[Edit]) -> Iterator[_Window]:
    """Each run of edits, widened to the whitespace around it, in both texts' offsets.

    A window starts after a whitespace character (or at the start, or where the previous
    window ends, on whitespace) and ends before one (or at the end) that no edit touches, so
    no word or url crosses its edges in either text. Scanning never goes back past the
    previous window, so the whole walk is linear.
    """
    shift = 0  # new offset minus old offset, after the edits handled so far
    i, count = 0, len(edits)
    floor = 0
    while i < count:
        start = edits[i].start
        while start > floor and not old[start - 1].isspace():
            start -= 1
        window_shift = shift
        kept: list[str] = []
        piece = end = start
        while True:
            edit = edits[i]
            kept.append(old[piece : edit.start])
            piece = edit.end
            shift += len(edit.content) - (edit.end - edit.start)
            i += 1
            end = max(end, edit.end)
            while (
                end < len(old) and not old[end].isspace() and (i == count or edits[i].start > end)
            ):
                end += 1
            if i == count or edits[i].start > end:
                break
        kept.append(old[piece:end])
        floor = end
        yield _Window(start, end, start + window_shift, end + shift, "\x00".join(kept))
