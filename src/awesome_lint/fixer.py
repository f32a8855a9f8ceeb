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
from collections.abc import Callable, Iterable, Sequence

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
    """Every word and url of ``old`` outside the edited ranges must still be in ``new``."""
    edits = sorted((e for d in chosen for e in d.fix.edits), key=lambda e: e.start)  # type: ignore[union-attr]
    untouched = []
    position = 0
    for edit in edits:
        untouched.append(old[position : edit.start])
        position = max(position, edit.end)
    untouched.append(old[position:])
    kept = "\x00".join(untouched)
    for pattern, what in ((_URL, "url"), (_WORD, "word")):
        before = Counter(pattern.findall(kept))
        after = Counter(pattern.findall(new))
        lost = before - after
        if lost:
            item = next(iter(lost))
            rules = ", ".join(sorted({d.code for d in chosen}))
            raise FixError(f"a fix by {rules} would lose the {what} {item!r}; nothing was written")
