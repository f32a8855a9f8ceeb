"""Reporters: one small module per output format, each with ``render(reports, options)``.

Formats are imported on demand, so the common path pays only for the one it prints.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from collections import Counter

    from awesome_lint.diagnostics import Diagnostic
    from awesome_lint.model.document import Document

FORMATS = ("full", "concise", "json", "json-lines", "github", "sarif")


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

    def applicable(self, d: Diagnostic) -> bool:
        return d.fixable(unsafe=self.unsafe_fixes, unfixable=self.unfixable)


Renderer = Callable[[Sequence[FileReport], ReportOptions], str]


def renderer(name: str) -> Renderer:
    module = importlib.import_module(f"awesome_lint.report.{name.replace('-', '_')}")
    render: Renderer = module.render
    return render
