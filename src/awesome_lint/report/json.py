"""``--output-format json``: one array of diagnostic objects (contract in DESIGN.md)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.registry import BY_CODE, DOCS_URL
from awesome_lint.report import FileReport, ReportOptions


def diagnostic_object(report: FileReport, d: Diagnostic) -> dict[str, Any]:
    document = report.document

    def location(offset: int) -> dict[str, int]:
        row, column = document.position(offset)
        return {"row": row, "column": column}

    fix = None
    if d.fix is not None:
        fix = {
            "applicability": d.fix.applicability.value,
            "message": d.fix.message,
            "edits": [
                {
                    "content": e.content,
                    "location": location(e.start),
                    "end_location": location(e.end),
                }
                for e in d.fix.edits
            ],
        }
    rule = BY_CODE.get(d.code)
    return {
        "code": d.code,
        "name": d.name,
        "message": d.message,
        "severity": d.severity,
        "filename": report.path,
        "location": location(d.start),
        "end_location": location(d.end),
        "fix": fix,
        "url": rule.url if rule else DOCS_URL,
        "related": [
            {"message": r.message, "location": location(r.start), "end_location": location(r.end)}
            for r in d.related
        ],
    }


def render(reports: Sequence[FileReport], options: ReportOptions) -> str:
    objects = [diagnostic_object(r, d) for r in reports for d in r.diagnostics]
    return json.dumps(objects, indent=2, ensure_ascii=False) + "\n"
