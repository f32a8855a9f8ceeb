"""``--statistics``: diagnostics counted per rule, instead of the listing (as ruff does).

A table (count, code, ``[*]`` when the fixes would apply, name) and the closing summary; with
``--output-format json`` (or ``json-lines``) the same counts as JSON objects.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from typing import Any

from awesome_lint.registry import BY_CODE
from awesome_lint.report import FileReport, ReportOptions
from awesome_lint.report.summary import summary


def counts(reports: Sequence[FileReport], options: ReportOptions) -> list[dict[str, Any]]:
    total: Counter[str] = Counter(d.code for r in reports for d in r.diagnostics)
    fixable: Counter[str] = Counter(
        d.code for r in reports for d in r.diagnostics if options.applicable(d)
    )
    return [
        {
            "code": code,
            "name": BY_CODE[code].name if code in BY_CODE else "",
            "count": count,
            "fixable": fixable[code] > 0,
            "fixable_count": fixable[code],
        }
        for code, count in sorted(total.items(), key=lambda item: (-item[1], item[0]))
    ]


def render(reports: Sequence[FileReport], options: ReportOptions, fmt: str = "full") -> str:
    rows = counts(reports, options)
    if fmt == "json":
        return json.dumps(rows, indent=2) + "\n"
    if fmt == "json-lines":
        return "".join(json.dumps(row) + "\n" for row in rows)
    width = max((len(str(row["count"])) for row in rows), default=1)
    lines = []
    for row in rows:
        mark = "[*]" if row["fixable"] else "   "
        lines.append(f"{row['count']:>{width}}  {row['code']}  {mark} {row['name']}")
    lines.extend(summary(reports, options))
    return "\n".join(lines) + "\n"
