"""Reporters: one small module per output format, each with ``render(reports, options)``.

Formats are imported on demand, so the common path pays only for the one it prints.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from collections import Counter

    from awesome_lint.diagnostics import Diagnostic
    from awesome_lint.model.document import Document

FORMATS = ("full", "concise", "json", "json-lines", "github", "sarif", "rdjson", "gitlab")

# C0 controls but tab and newline, DEL and C1: a terminal or a log viewer would act on them
# (``ESC ] 0 ;`` retitles the window, ``ESC [ 2 J`` clears it); shown as ``\x1b`` instead.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def visible(text: str) -> str:
    """``text`` with its control characters written out (``\\x1b``): for human outputs only."""
    if _CONTROL.search(text) is None:
        return text
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


class FileReport(NamedTuple):
    """One linted file: what remains to report and what was fixed."""

    path: str  # as shown to the user (relative to the working directory when possible)
    document: Document
    diagnostics: list[Diagnostic]
    fixed: Counter[str] | None = None


class ReportOptions(NamedTuple):
    unsafe_fixes: bool = False  # unsafe fixes count as applicable ([*])
    unfixable: frozenset[str] = frozenset()
    color: bool = False
    show_fixes: bool = False
    fixing: bool = False  # --fix or --diff was given: summarise what was fixed
    width: int | None = None  # the terminal's columns, when known (long lines are cut to it)
    links_not_checked: str = ""  # --check-links: "12 links not checked: why", said in summaries
    unchecked: int = 0  # entries not checked against their records (--check-metadata)

    def applicable(self, d: Diagnostic) -> bool:
        return d.fixable(unsafe=self.unsafe_fixes, unfixable=self.unfixable)


Renderer = Callable[[Sequence[FileReport], ReportOptions], str]


def renderer(name: str) -> Renderer:
    module = importlib.import_module(f"awesome_lint.report.{name.replace('-', '_')}")
    render: Renderer = module.render
    return render
