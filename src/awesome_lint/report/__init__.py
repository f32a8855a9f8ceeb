"""Reporters: one small module per output format, each with ``render(reports, options)``.

Formats are imported on demand, so the common path pays only for the one it prints.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections import Counter

    from awesome_lint.diagnostics import Diagnostic
    from awesome_lint.document import Document

FORMATS = ("full", "concise", "json", "json-lines", "github", "sarif")


@dataclass
class FileReport:
    """One linted file: what remains to report and what was fixed."""

    path: str  # as shown to the user (relative to the working directory when possible)
    document: Document
    diagnostics: list[Diagnostic]
    fixed: Counter[str] | None = None


@dataclass(frozen=True)
class ReportOptions:
    unsafe_fixes: bool = False  # unsafe fixes count as applicable ([*])
    unfixable: frozenset[str] = frozenset()
    color: bool = False
    show_fixes: bool = False
    fixing: bool = False  # --fix or --diff was given: summarise what was fixed
    extra: dict[str, str] = field(default_factory=dict)

    def applicable(self, d: Diagnostic) -> bool:
        return d.fixable(unsafe=self.unsafe_fixes, unfixable=self.unfixable)


Renderer = Callable[[Sequence[FileReport], ReportOptions], str]


def renderer(name: str) -> Renderer:
    module = importlib.import_module(f"awesome_lint.report.{name.replace('-', '_')}")
    render: Renderer = module.render
    return render
