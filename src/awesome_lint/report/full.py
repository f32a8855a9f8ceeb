"""``--output-format full``: each diagnostic with its source line, a caret and its fix.

A long line is cut around the span to the terminal's width (``COLUMNS``, else the terminal's
size, else 140 columns: see ``excerpt``), so the carets stay under what they point at.
"""

from __future__ import annotations

from collections.abc import Sequence

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.report import FileReport, ReportOptions, visible
from awesome_lint.report.excerpt import DEFAULT_WIDTH, excerpt
from awesome_lint.report.summary import CYAN, RED, headline, paint, summary


def render(reports: Sequence[FileReport], options: ReportOptions) -> str:
    blocks = []
    for report in reports:
        for d in report.diagnostics:
            blocks.append(_block(report, d, options))
    tail = summary(reports, options)
    out = "\n\n".join(blocks)
    if tail:
        out += ("\n\n" if blocks else "") + "\n".join(tail)
    return out + "\n" if out else ""


def _block(report: FileReport, d: Diagnostic, options: ReportOptions) -> str:
    document = report.document
    row, column = document.position(d.start)
    end_row, end_column = document.position(max(d.end, d.start))
    source = document.line(row - 1)
    width = len(str(row))
    gutter = " " * width + " |"
    span_end = end_column if end_row == row else len(source) + 1
    room = (options.width or DEFAULT_WIDTH) - width - 3  # "127 | " goes first
    shown = excerpt(source, column - 1, span_end - 1, room)
    lines = [
        headline(report, d, options),
        paint(gutter, CYAN, options),
        paint(f"{row} |", CYAN, options) + f" {shown.text}",
        paint(gutter, CYAN, options)
        + " "
        + " " * shown.indent
        + paint("^" * shown.carets, RED, options),
        paint(gutter, CYAN, options),
    ]
    if d.fix is not None:
        kind = "" if options.applicable(d) else " (unsafe)"
        lines.append(f"{' ' * width} = help: {visible(d.fix.message)}{kind}")
    return "\n".join(lines)
