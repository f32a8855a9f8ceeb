"""``--output-format concise``: one line per diagnostic and a summary."""

from __future__ import annotations

from collections.abc import Sequence

from awesome_lint.report import FileReport, ReportOptions
from awesome_lint.report.summary import headline, summary


def render(reports: Sequence[FileReport], options: ReportOptions) -> str:
    lines = []
    for report in reports:
        for d in report.diagnostics:
            lines.append(headline(report, d, options))
    lines.extend(summary(reports, options))
    return "\n".join(lines) + ("\n" if lines else "")
