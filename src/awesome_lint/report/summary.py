"""Pieces shared by the human-readable formats: the headline and the closing summary."""

from __future__ import annotations

from collections.abc import Sequence

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.report import FileReport, ReportOptions, visible

BOLD, RED, CYAN, RESET = "\x1b[1m", "\x1b[31m", "\x1b[36m", "\x1b[0m"


def paint(text: str, style: str, options: ReportOptions) -> str:
    return f"{style}{text}{RESET}" if options.color else text


def headline(report: FileReport, d: Diagnostic, options: ReportOptions) -> str:
    row, column = report.document.position(d.start)
    marker = " [*]" if options.applicable(d) else ""
    where = paint(visible(f"{report.path}:{row}:{column}:"), BOLD, options)
    return f"{where} {paint(d.code, RED + BOLD, options)}{marker} {visible(d.message)}"


def _plural(n: int, word: str) -> str:
    if word.endswith("y") and n != 1:
        return f"{n} {word[:-1]}ies"
    return f"{n} {word}{'' if n == 1 else 's'}"


def summary(reports: Sequence[FileReport], options: ReportOptions) -> list[str]:
    remaining = [d for r in reports for d in r.diagnostics]
    fixed = sum(sum(r.fixed.values()) for r in reports if r.fixed)
    lines = []
    if options.show_fixes and fixed:
        lines.append(f"Fixed {_plural(fixed, 'error')}:")
        for r in reports:
            if r.fixed:
                lines.append(f"- {visible(r.path)}:")
                for code, count in sorted(r.fixed.items()):
                    lines.append(f"    {count} × {code}")
    if not remaining and not fixed:
        if options.fixing:
            return lines
        if options.unchecked:  # not "All checks passed!": some entries were not checked
            return [
                *lines,
                f"No problems found; {_plural(options.unchecked, 'entry')} not checked.",
            ]
        return [*lines, "All checks passed!"]
    if fixed:
        lines.append(
            f"Found {_plural(len(remaining) + fixed, 'error')} "
            f"({fixed} fixed, {len(remaining)} remaining)."
        )
    else:
        lines.append(f"Found {_plural(len(remaining), 'error')}.")
    fixable = sum(1 for d in remaining if options.applicable(d))
    hidden = sum(
        1
        for d in remaining
        if d.fixable(unsafe=True, unfixable=options.unfixable) and not options.applicable(d)
    )
    if fixable and not options.fixing:
        note = f"[*] {fixable} fixable with the `--fix` option"
        if hidden:
            note += (
                f" ({_plural(hidden, 'hidden fix').replace('fixs', 'fixes')} can be enabled "
                "with the `--unsafe-fixes` option)"
            )
        lines.append(note + ".")
    elif hidden:
        lines.append(
            f"No fixes available ({_plural(hidden, 'hidden fix').replace('fixs', 'fixes')} can "
            "be enabled with the `--unsafe-fixes` option)."
        )
    return lines
