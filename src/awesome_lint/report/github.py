"""``--output-format github``: one workflow command per diagnostic, shown as a PR annotation.

``::error title=awesome-lint (AL105),file=README.md,line=127,col=5,endLine=127,endColumn=13::…``
escaped as the Actions toolkit does it: ``%``, CR and LF in the message; also ``:`` and ``,``
in property values; other control characters are written out (``\\x1b``), as in every human
output. Columns count characters; ``endColumn`` is exclusive, as everywhere else.
"""

from __future__ import annotations

from collections.abc import Sequence

from awesome_lint.report import FileReport, ReportOptions, visible


def escape_data(text: str) -> str:
    """The toolkit's escaping, then control characters written out (``\\x1b``) for the log."""
    return visible(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(reports: Sequence[FileReport], options: ReportOptions) -> str:
    lines = []
    for report in reports:
        for d in report.diagnostics:
            row, column = report.document.position(d.start)
            end_row, end_column = report.document.position(d.end)
            properties = {
                "title": f"awesome-lint ({d.code})",
                "file": report.path,
                "line": str(row),
                "col": str(column),
                "endLine": str(end_row),
                "endColumn": str(end_column),
            }
            props = ",".join(f"{k}={escape_property(v)}" for k, v in properties.items())
            command = "notice" if d.is_note else "error"
            lines.append(f"::{command} {props}::{escape_data(d.message)}")
    return "".join(line + "\n" for line in lines)
