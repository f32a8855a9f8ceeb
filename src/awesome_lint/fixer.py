"""Apply fixes: non-overlapping edits per round, re-lint until stable, verify nothing was lost.

Each round takes the applicable fixes in order of position and skips any that overlaps one
already taken; the text is rebuilt once per round and linted again. The loop stops when no
applicable fix remains; failing to converge is an error, never a silent stop. After every
round, every word and url that no edit touched must still be in the text.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import NamedTuple

from awesome_lint.diagnostics import Diagnostic, Edit, Fix

MAX_ROUNDS = 50

_WORD = re.compile(r"\w+")
_URL = re.compile(r"[a-zA-Z][a-zA-Z0-9+.-]*://[^\s)\]>\"'<\x00]+")


class FixError(Exception):
    """Fixing would lose content or does not converge; nothing is written."""


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
) -> FixResult:
    """Fix ``text`` until no applicable fix remains; ``first`` saves linting it again."""
    result = FixResult(text)
    diagnostics = first if first is not None else lint(text)
    seen = {text}
    for _ in range(max_rounds):
        chosen = choose(d for d in diagnostics if d.fix is not None and applicable(d))
        if not chosen:
            result.diagnostics = list(diagnostics)
            return result
        new_text = rebuild(result.text, [e for d in chosen for e in d.fix.edits])  # type: ignore[union-attr]
        verify(result.text, new_text, chosen)
        if new_text in seen:
            raise FixError(
                "fixes do not converge (they undo each other): "
                + ", ".join(sorted({d.code for d in chosen}))
            )
        seen.add(new_text)
        result.text = new_text
        result.rounds += 1
        result.applied.update(d.code for d in chosen)
        diagnostics = lint(new_text)
    codes = ", ".join(sorted({d.code for d in diagnostics if d.fix is not None and applicable(d)}))
    raise FixError(f"fixes did not converge after {max_rounds} rounds: {codes}")


def choose(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """Fixes that do not overlap, taken in order of position (ties: the earlier rule)."""
    candidates = sorted(
        (d for d in diagnostics if d.fix is not None),
        key=lambda d: (d.fix.start, d.fix.end, d.code),  # type: ignore[union-attr]
    )
    taken: list[Diagnostic] = []
    spans: list[tuple[int, int]] = []  # taken edits, disjoint, kept sorted
    for d in candidates:
        fix: Fix = d.fix  # type: ignore[assignment]
        if any(_overlaps(a, (b.start, b.end)) for a, b in itertools.pairwise(fix.edits)):
            continue  # a malformed fix: its own edits overlap, so no order can apply them
        if any(_overlaps_taken(e, spans) for e in fix.edits):
            continue
        taken.append(d)
        for e in fix.edits:
            bisect.insort(spans, (e.start, e.end))
    return taken


def _overlaps_taken(edit: Edit, spans: list[tuple[int, int]]) -> bool:
    """Whether ``edit`` overlaps a taken span: only its two neighbours can (spans are disjoint)."""
    at = bisect.bisect_left(spans, (edit.start, edit.end))
    return any(_overlaps(edit, spans[j]) for j in (at - 1, at) if 0 <= j < len(spans))


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
