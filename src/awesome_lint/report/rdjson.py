"""``--output-format rdjson``: reviewdog's Diagnostic Format, each fix as a suggestion.

``reviewdog -f=rdjson -reporter=github-pr-review`` turns every diagnostic into a review comment
and every suggestion into a "commit suggestion" button. Lines and columns are 1-based; reviewdog
counts columns in UTF-8 bytes (a BOM counts on the first line, as it is in the file), and a
range's end is exclusive. Suggestions are the fixes that ``--fix`` would apply (``[*]``): with
``--unsafe-fixes`` the unsafe ones too.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.model.document import Document
from awesome_lint.registry import BY_CODE, DOCS_URL
from awesome_lint.report import FileReport, ReportOptions
from awesome_lint.report.sarif import INFORMATION_URI

SOURCE = {"name": "awesome-lint", "url": INFORMATION_URI}


def position(document: Document, offset: int) -> dict[str, int]:
    row, column = document.position(offset)
    before = document.line(row - 1)[: column - 1]
    bom = 3 if row == 1 and document.bom else 0
    return {"line": row, "column": len(before.encode("utf-8", "surrogatepass")) + bom + 1}


def _range(document: Document, start: int, end: int) -> dict[str, Any]:
    return {"start": position(document, start), "end": position(document, end)}


def diagnostic(report: FileReport, d: Diagnostic, options: ReportOptions) -> dict[str, Any]:
    document = report.document
    rule = BY_CODE.get(d.code)
    item: dict[str, Any] = {
        "message": d.message,
        "location": {"path": report.path, "range": _range(document, d.start, d.end)},
        "severity": "ERROR",
        "source": SOURCE,
        "code": {"value": d.code, "url": rule.url if rule else DOCS_URL},
    }
    if d.fix is not None and options.applicable(d):
        item["suggestions"] = [
            {"range": _range(document, e.start, e.end), "text": e.content} for e in d.fix.edits
        ]
    if d.related:
        item["related_locations"] = [
            {
                "message": r.message,
                "location": {"path": report.path, "range": _range(document, r.start, r.end)},
            }
            for r in d.related
        ]
    return item


def render(reports: Sequence[FileReport], options: ReportOptions) -> str:
    result = {
        "source": SOURCE,
        "severity": "ERROR",
        "diagnostics": [diagnostic(r, d, options) for r in reports for d in r.diagnostics],
    }
    return json.dumps(result, indent=2, ensure_ascii=False) + "\n"
