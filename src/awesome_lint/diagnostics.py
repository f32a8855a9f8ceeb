"""What rules report: edits, fixes and diagnostics over character offsets of a document."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Literal, NamedTuple


class Applicability(enum.Enum):
    """Whether ``--fix`` may apply a fix on its own (safe) or only with ``--unsafe-fixes``."""

    SAFE = "safe"
    UNSAFE = "unsafe"


class Edit(NamedTuple):
    """Replace the characters ``[start, end)`` of the document text with ``content``."""

    start: int
    end: int
    content: str

    @classmethod
    def insert(cls, at: int, content: str) -> Edit:
        return cls(at, at, content)

    @classmethod
    def delete(cls, start: int, end: int) -> Edit:
        return cls(start, end, "")


class Fix(NamedTuple):
    """Edits that together repair one diagnostic, applied all or nothing."""

    edits: tuple[Edit, ...]
    applicability: Applicability
    message: str
    # The fix moves, removes or creates list items on purpose (an entry moved to its year,
    # fields reordered): the fixer's tree check spares the entries it touches.
    structural: bool = False

    @classmethod
    def safe(cls, message: str, *edits: Edit, structural: bool = False) -> Fix:
        ordered = tuple(sorted(edits, key=lambda e: (e.start, e.end)))
        return cls(ordered, Applicability.SAFE, message, structural)

    @classmethod
    def unsafe(cls, message: str, *edits: Edit, structural: bool = False) -> Fix:
        ordered = tuple(sorted(edits, key=lambda e: (e.start, e.end)))
        return cls(ordered, Applicability.UNSAFE, message, structural)

    @property
    def start(self) -> int:
        return min(e.start for e in self.edits)

    @property
    def end(self) -> int:
        return max(e.end for e in self.edits)


class Related(NamedTuple):
    """Another place in the same document that a diagnostic refers to."""

    start: int
    end: int
    message: str


Severity = Literal["error", "note"]  # a note (a moved link) is said, but fails no run


class Violation(NamedTuple):
    """What a rule yields: a span, a message and maybe a fix. The linter adds the code."""

    start: int
    end: int
    message: str
    fix: Fix | None = None
    related: tuple[Related, ...] = ()
    severity: Severity = "error"


class Diagnostic(NamedTuple):
    """A violation attributed to its rule."""

    code: str
    name: str
    message: str
    start: int
    end: int
    fix: Fix | None = None
    related: tuple[Related, ...] = ()
    severity: Severity = "error"

    @property
    def is_note(self) -> bool:
        return self.severity == "note"

    @property
    def sort_key(self) -> tuple[int, int, str]:
        return (self.start, self.end, self.code)

    def fixable(self, *, unsafe: bool, unfixable: Iterable[str] = ()) -> bool:
        """Whether ``--fix`` may apply this fix: safe (or unsafe allowed), rule not unfixable."""
        if self.fix is None or any(self.code.startswith(u.upper()) for u in unfixable):
            return False
        return self.fix.applicability is Applicability.SAFE or unsafe


LISTED = 8  # how many things a message names before it counts the rest


def listed(items: Iterable[str], limit: int = LISTED) -> str:
    """``a, b, c`` for a few items; ``a, b, c, d, e, f, g, h and 7 more`` for many.

    A message that names every field of a 5,000-field block, once per entry, made 395 MB of
    output: a message names a few things and says how many more there are.
    """
    shown: list[str] = []
    more = 0
    for item in items:
        if len(shown) < limit:
            shown.append(item)
        else:
            more += 1
    text = ", ".join(shown)
    return f"{text} and {more} more" if more else text
