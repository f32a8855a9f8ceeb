"""Run the selected rules over a document and collect their diagnostics."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable, Sequence

from awesome_lint.config import Settings
from awesome_lint.context import Context
from awesome_lint.diagnostics import Diagnostic, Violation
from awesome_lint.model.document import Document
from awesome_lint.registry import RuleSpec
from awesome_lint.suppress import UNUSED_SUPPRESSION


def lint(document: Document, settings: Settings, rules: Sequence[RuleSpec]) -> list[Diagnostic]:
    return lint_context(Context(document, settings), rules)


def lint_context(ctx: Context, rules: Sequence[RuleSpec]) -> list[Diagnostic]:
    """Diagnostics of ``rules`` on ``ctx``, whose models the caller may read afterwards."""
    document = ctx.document
    diagnostics = []
    for rule in rules:
        if rule.code != UNUSED_SUPPRESSION:
            diagnostics.extend(_run(rule, ctx))
    if ctx.suppressions.comments:
        # Silenced before fixing, so a suppressed diagnostic's fix is never applied either.
        diagnostics = ctx.suppressions.filter(diagnostics, document, rules)
        for rule in rules:
            if rule.code == UNUSED_SUPPRESSION:  # judges what the filter above silenced
                diagnostics.extend(ctx.suppressions.unsilenced(_run(rule, ctx), document))
    diagnostics.sort(key=lambda d: d.sort_key)
    return diagnostics


def _run(rule: RuleSpec, ctx: Context) -> list[Diagnostic]:
    return [
        Diagnostic(rule.code, rule.name, v.message, v.start, v.end, v.fix, v.related, v.severity)
        for v in load(rule)(ctx)
    ]


def lint_text(
    text: str, settings: Settings, rules: Sequence[RuleSpec], *, path: str = "<string>"
) -> list[Diagnostic]:
    return lint(Document(text, path=path), settings, rules)


Check = Callable[[Context], Iterable[Violation]]


def load(rule: RuleSpec) -> Check:
    """The rule's ``check`` function, its module imported on first use (the registry names it)."""
    module = importlib.import_module(rule.qualified_module)
    check: Check = module.check
    return check
