"""``--output-format gitlab``: a GitLab Code Quality report (``artifacts:reports:codequality``).

A JSON array of issues: ``description`` (code and message), ``check_name`` (the code),
``fingerprint``, ``severity`` (``major``: every diagnostic is an error) and ``location`` with
the path and its lines. Paths are as printed, relative to the working directory, which is the
repository's root (``$CI_PROJECT_DIR``) in a GitLab job. The fingerprint hashes the path, the
code, the diagnostic's line with its whitespace folded and which occurrence of them it is: it
survives unrelated lines moving, so the merge request widget shows only new and fixed issues.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Sequence
from typing import Any

from awesome_lint.report import FileReport, ReportOptions

_WHITESPACE = re.compile(r"\s+")


def fingerprint(path: str, code: str, folded_line: str, occurrence: int) -> str:
    key = f"{path}\0{code}\0{folded_line}\0{occurrence}"
    return hashlib.sha256(key.encode()).hexdigest()[:32]


def render(reports: Sequence[FileReport], options: ReportOptions) -> str:
    issues: list[dict[str, Any]] = []
    for report in reports:
        document = report.document
        seen: Counter[tuple[str, str]] = Counter()
        for d in report.diagnostics:
            row = document.line_of(d.start) + 1
            end_row = document.line_of(max(d.end, d.start)) + 1
            line = _WHITESPACE.sub(" ", document.line(row - 1)).strip()
            seen[(d.code, line)] += 1
            issues.append(
                {
                    "description": f"{d.code}: {d.message}",
                    "check_name": d.code,
                    "fingerprint": fingerprint(report.path, d.code, line, seen[(d.code, line)]),
                    "severity": "major",
                    "location": {"path": report.path, "lines": {"begin": row, "end": end_row}},
                }
            )
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
