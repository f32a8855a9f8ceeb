"""Pieces shared by the human-readable formats: the headline and the closing summary."""

from __future__ import annotations

from collections.abc import Sequence

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.report import FileReport, ReportOptions, visible

BOLD, RED, GREEN, CYAN, RESET = "\x1b[1m", "\x1b[31m", "\x1b[32m", "\x1b[36m", "\x1b[0m"


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
    lines = _counts(reports, options)
    if options.links_not_checked:
        lines.append(f"{options.links_not_checked}.")
    return lines


def _counts(reports: Sequence[FileReport], options: ReportOptions) -> list[str]:
    # A note (a moved link) is said, never counted as an error.
    remaining = [d for r in reports for d in r.diagnostics if not d.is_note]
    notes = sum(1 for r in reports for d in r.diagnostics if d.is_note)
    and_notes = f" and {_plural(notes, 'note')}" if notes else ""
    fixed = sum(sum(r.fixed.values()) for r in reports if r.fixed)
    lines = []
    if options.show_fixes and fixed:
        lines.append(f"Fixed {_plural(fixed, 'error')}:")
        for r in reports:
            if r.fixed:
                lines.append(f"- {visible(r.path)}:")
                for code, count in sorted(r.fixed.items()):
                    lines.append(f"    {count} × {code}")
    if not remaining and not fixed and not notes:
        if options.fixing:
            return lines
        if options.links_not_checked:
            return [*lines, "No errors found in what was checked."]
        if options.unchecked:  # not "All checks passed!": some entries were not checked
            return [
                *lines,
                f"No problems found; {_plural(options.unchecked, 'entry')} not checked.",
            ]
        return [*lines, "All checks passed!"]
    if fixed:
        lines.append(
            f"Found {_plural(len(remaining) + fixed, 'error')}{and_notes} "
            f"({fixed} fixed, {len(remaining)} remaining)."
        )
    else:
        lines.append(f"Found {_plural(len(remaining), 'error')}{and_notes}.")
    shown = [d for r in reports for d in r.diagnostics]  # a note's fix counts as fixable
    fixable = sum(1 for d in shown if options.applicable(d))
    hidden = sum(
        1
        for d in shown
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
