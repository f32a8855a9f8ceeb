"""``--output-format json-lines``: the json objects, one per line."""

from __future__ import annotations

import json
from collections.abc import Sequence

from awesome_lint.report import FileReport, ReportOptions
from awesome_lint.report.json import diagnostic_object


def render(reports: Sequence[FileReport], options: ReportOptions) -> str:
    return "".join(
        json.dumps(diagnostic_object(r, d), ensure_ascii=False) + "\n"
        for r in reports
        for d in r.diagnostics
    )
