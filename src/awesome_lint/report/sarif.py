"""``--output-format sarif``: SARIF 2.1.0 for code scanning (GitHub's upload-sarif and others).

One run; ``tool.driver.rules`` lists every rule so ``ruleIndex`` is stable. Paths are relative
to ``%SRCROOT%`` (the working directory) when the file lies under it. Regions are 1-based and
count characters (``columnKind: unicodeCodePoints``), end columns exclusive. Each result has a
``partialFingerprints`` entry that survives unrelated lines moving: a hash of the code, the
diagnostic's line with its whitespace folded, and which occurrence of that pair it is.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import PurePath
from typing import Any
from urllib.parse import quote

from awesome_lint import __version__
from awesome_lint.diagnostics import Diagnostic
from awesome_lint.model.document import Document
from awesome_lint.registry import RULES, RuleSpec
from awesome_lint.report import FileReport, ReportOptions

SCHEMA = (
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
)
INFORMATION_URI = "https://github.com/awesome-lint/awesome-lint"
SRCROOT = "%SRCROOT%"
FINGERPRINT = "awesomeLintLineHash/v1"
_WHITESPACE = re.compile(r"\s+")


def render(reports: Sequence[FileReport], options: ReportOptions) -> str:
    index = {rule.code: i for i, rule in enumerate(RULES)}
    results = []
    for report in reports:
        artifact = artifact_location(report.path)
        seen: Counter[tuple[str, str]] = Counter()
        for d in report.diagnostics:
            key = (d.code, _folded_line(report.document, d.start))
            seen[key] += 1
            results.append(_result(report.document, artifact, d, index, key, seen[key]))
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "awesome-lint",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": [_rule(rule) for rule in RULES],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(log, indent=2, ensure_ascii=False) + "\n"


def artifact_location(path: str) -> dict[str, str]:
    pure = PurePath(path)
    if pure.is_absolute():
        return {"uri": pure.as_uri()}
    return {"uri": quote(pure.as_posix()), "uriBaseId": SRCROOT}


def fingerprint(code: str, folded_line: str, occurrence: int) -> str:
    digest = hashlib.sha256(f"{code}\0{folded_line}".encode()).hexdigest()[:32]
    return f"{digest}:{occurrence}"


def _folded_line(document: Document, offset: int) -> str:
    return _WHITESPACE.sub(" ", document.line(document.line_of(offset))).strip()


def _rule(rule: RuleSpec) -> dict[str, Any]:
    doc = rule.doc
    body = doc.split("\n", 1)[1].strip() if "\n" in doc else rule.summary
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary or rule.name},
        "fullDescription": {"text": body or rule.summary or rule.name},
        "helpUri": rule.url,
        "help": {"text": doc or rule.name},
        "defaultConfiguration": {"level": "error", "enabled": rule.default},
        "properties": {"fix": rule.fix},
    }


def _region(document: Document, start: int, end: int) -> dict[str, int]:
    start_line, start_column = document.position(start)
    end_line, end_column = document.position(end)
    return {
        "startLine": start_line,
        "startColumn": start_column,
        "endLine": end_line,
        "endColumn": end_column,
    }


def _physical(document: Document, artifact: dict[str, str], start: int, end: int) -> Any:
    return {"artifactLocation": artifact, "region": _region(document, start, end)}


def _result(
    document: Document,
    artifact: dict[str, str],
    d: Diagnostic,
    index: dict[str, int],
    key: tuple[str, str],
    occurrence: int,
) -> dict[str, Any]:
    result: dict[str, Any] = {
        "ruleId": d.code,
        "level": d.severity,
        "message": {"text": d.message},
        "locations": [{"physicalLocation": _physical(document, artifact, d.start, d.end)}],
        "partialFingerprints": {FINGERPRINT: fingerprint(*key, occurrence)},
    }
    if d.code in index:
        result["ruleIndex"] = index[d.code]
    if d.related:
        result["relatedLocations"] = [
            {
                "id": i,
                "physicalLocation": _physical(document, artifact, r.start, r.end),
                "message": {"text": r.message},
            }
            for i, r in enumerate(d.related)
        ]
    if d.fix is not None:
        result["fixes"] = [
            {
                "description": {"text": d.fix.message},
                "artifactChanges": [
                    {
                        "artifactLocation": artifact,
                        "replacements": [
                            {
                                "deletedRegion": _region(document, e.start, e.end),
                                "insertedContent": {"text": e.content},
                            }
                            for e in d.fix.edits
                        ],
                    }
                ],
                "properties": {"applicability": d.fix.applicability.value},
            }
        ]
    return result
