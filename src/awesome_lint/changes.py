"""``--changed-since REF``: report only what a pull request brought.

``changed_lines(path, ref)`` asks git which lines of the file were added or changed since
``ref`` (committed, staged, unstaged or untracked: the working tree against ``ref``'s tree);
``hunk_lines(diff)`` reads them from ``git diff --unified=0`` and ``keep(...)`` filters the
diagnostics. A diagnostic counts when a line of its span changed; an ordering or duplicate one
(AL2, AL3), which concerns several entries, counts when any line of any entry it names (its own
span and its related positions) changed. Pure deletions change no remaining line, so they
bring nothing to report. Only ``changed_lines`` runs git; the rest is pure.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Collection, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from awesome_lint.diagnostics import Diagnostic
    from awesome_lint.model.document import Document
    from awesome_lint.model.entries import Entry

# Rules whose diagnostics relate entries to each other: ordering and duplicates.
MULTI_ENTRY = ("AL2", "AL3")

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.MULTILINE)


class ChangesError(Exception):
    """git cannot say what changed; the message is one line for the user."""


class AllLines:
    """Every line counts as changed (a file that did not exist at ``ref``, or is untracked)."""

    def __contains__(self, line: object) -> bool:
        return True

    def __repr__(self) -> str:
        return "AllLines()"


ALL_LINES = AllLines()


def hunk_lines(diff: str) -> frozenset[int]:
    """The 0-based new-side lines that ``git diff --unified=0`` output adds or changes."""
    lines: set[int] = set()
    for match in _HUNK.finditer(diff):
        start = int(match.group(1))
        count = 1 if match.group(2) is None else int(match.group(2))
        lines.update(range(start - 1, start - 1 + count))  # count 0: a deletion, no new line
    return frozenset(lines)


def keep(
    diagnostics: Sequence[Diagnostic],
    document: Document,
    entries: Iterable[Entry],
    changed: Collection[int] | AllLines,
) -> list[Diagnostic]:
    """The diagnostics that concern a changed line (see the module's docstring)."""
    if isinstance(changed, AllLines):
        return list(diagnostics)
    if not changed:
        return []
    spans: dict[int, tuple[int, int]] = {}  # line -> the [first, end) lines of its entry
    if any(d.code.startswith(MULTI_ENTRY) for d in diagnostics):
        for entry in entries:
            for line in range(entry.line, entry.end_line):
                spans.setdefault(line, (entry.line, entry.end_line))

    def touched(first: int, last: int) -> bool:
        return any(n in changed for n in range(first, last + 1))

    kept = []
    for d in diagnostics:
        multi = d.code.startswith(MULTI_ENTRY)
        places = [(d.start, d.end), *((r.start, r.end) for r in d.related if multi)]
        for start, end in places:
            first, last = document.line_of(start), document.line_of(max(start, end - 1))
            if multi:  # the whole entry each end of the span lies in
                first = spans.get(first, (first, 0))[0]
                last = spans.get(last, (0, last + 1))[1] - 1
            if touched(first, last):
                kept.append(d)
                break
    return kept


def only_lines(document: Document, urls_on: Collection[int] | AllLines) -> frozenset[int] | None:
    """The lines whose urls AL503 checks: None for every line."""
    if isinstance(urls_on, AllLines):
        return None
    return frozenset(n for n in urls_on if 0 <= n < document.line_count)


def _git(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(
            ["git", "-C", str(folder), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            check=False,
        )
    except FileNotFoundError:
        raise ChangesError("--changed-since needs git, which is not installed") from None
    except OSError as error:
        raise ChangesError(f"--changed-since: cannot run git: {error.strerror}") from None


def _first_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[0] if lines else "git failed"


def check_ref(folder: Path, ref: str) -> None:
    """A ChangesError unless ``folder`` is in a git work tree where ``ref`` names a commit."""
    inside = _git(folder, "rev-parse", "--is-inside-work-tree")
    if inside.returncode != 0 or inside.stdout.strip() != "true":
        raise ChangesError(f"--changed-since: {folder} is not in a git repository")
    if ref.startswith("-"):
        raise ChangesError(f"--changed-since: unknown git ref {ref!r}")
    found = _git(folder, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    if found.returncode != 0:
        raise ChangesError(f"--changed-since: unknown git ref {ref!r} (is it fetched?)")


def changed_lines(path: Path, ref: str) -> frozenset[int] | AllLines:
    """The file's lines added or changed since ``ref``, against the working tree."""
    folder = path.parent if str(path.parent) else Path(".")
    check_ref(folder, ref)
    name = path.name
    tracked = _git(folder, "ls-files", "--error-unmatch", "--", name)
    if tracked.returncode != 0:
        return ALL_LINES  # untracked: all of it is new
    diff = _git(
        folder,
        "diff",
        "--unified=0",
        "--no-color",
        "--no-ext-diff",
        "--no-textconv",
        "--no-renames",
        ref,
        "--",
        name,
    )
    if diff.returncode != 0:
        raise ChangesError(f"--changed-since: git diff failed: {_first_line(diff.stderr)}")
    return hunk_lines(diff.stdout)
