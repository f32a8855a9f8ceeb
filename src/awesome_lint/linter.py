"""Run the selected rules over a document and collect their diagnostics."""

from __future__ import annotations

from collections.abc import Sequence

from awesome_lint.config import Settings
from awesome_lint.context import Context
from awesome_lint.diagnostics import Diagnostic
from awesome_lint.document import Document
from awesome_lint.registry import RuleSpec


def lint(document: Document, settings: Settings, rules: Sequence[RuleSpec]) -> list[Diagnostic]:
    ctx = Context(document, settings)
    diagnostics = []
    for rule in rules:
        for v in rule.load()(ctx):
            diagnostics.append(
                Diagnostic(rule.code, rule.name, v.message, v.start, v.end, v.fix, v.related)
            )
    diagnostics.sort(key=lambda d: d.sort_key)
    return diagnostics


def lint_text(
    text: str, settings: Settings, rules: Sequence[RuleSpec], *, path: str = "<string>"
) -> list[Diagnostic]:
    return lint(Document(text, path=path), settings, rules)
