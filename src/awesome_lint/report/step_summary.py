"""The Markdown summary a GitHub Actions job shows on its page (``$GITHUB_STEP_SUMMARY``).

Counts by rule and the first diagnostics, each linked to its rule's docs. Written in addition to
the ``github`` or ``sarif`` output, never instead of it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from awesome_lint.registry import BY_CODE, DOCS_URL
from awesome_lint.report import FileReport, ReportOptions, visible

_MARKUP = re.compile(r"[\\`*_\[\]<>|]")
FIRST = 20  # diagnostics listed one by one; the rest are only counted


def render(reports: Sequence[FileReport], options: ReportOptions) -> str:
    remaining = [(r, d) for r in reports for d in r.diagnostics]
    files = _plural(len(reports), "file")
    lines = ["## awesome-lint", ""]
    if not remaining:
        return "\n".join([*lines, f"No problems found in {files}.", ""]) + "\n"
    fixable = sum(1 for _, d in remaining if options.applicable(d))
    headline = f"**{_plural(len(remaining), 'problem')}** in {files}"
    if fixable:
        headline += f" ({fixable} fixable with `awesome-lint --fix`)"
    lines += [headline + ".", "", "| Rule | Name | Count |", "|---|---|---:|"]
    counts = Counter(d.code for _, d in remaining)
    for code, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        rule = BY_CODE.get(code)
        url = rule.url if rule else DOCS_URL
        name = rule.name if rule else ""
        lines.append(f"| [{code}]({url}) | {name} | {count} |")
    lines += ["", "| Where | Rule | Message |", "|---|---|---|"]
    for report, d in remaining[:FIRST]:
        row, column = report.document.position(d.start)
        where = _cell(f"{report.path}:{row}:{column}")
        lines.append(f"| {where} | {d.code} | {_cell(d.message)} |")
    if len(remaining) > FIRST:
        lines += ["", f"…and {len(remaining) - FIRST} more."]
    return "\n".join(lines) + "\n\n"


def _cell(text: str) -> str:
    """Text that stays inside one table cell and shows as written (Markdown punctuation escaped)."""
    return _MARKUP.sub(r"\\\g<0>", visible(" ".join(text.split())))


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"
