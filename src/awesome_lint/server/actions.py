"""Protocol diagnostics, code actions and hovers made from a lint of one document.

A quick fix is offered for every diagnostic that has a fix; an unsafe one says "(unsafe)" in
its title and is never the preferred action. "Fix all safe" (``source.fixAll.awesome-lint``)
applies the safe fixes as ``--fix`` does, round after round. "Disable for this line" writes
the suppression comment (``<!-- awesome-lint-disable-next-line CODE -->``) on its own line
above the diagnostic's line, with that line's indent, or adds the code to a comment already
there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

from lsprotocol import types

from awesome_lint.diagnostics import Applicability, Diagnostic
from awesome_lint.registry import BY_CODE
from awesome_lint.report.rule_doc import explain
from awesome_lint.server.positions import Positions
from awesome_lint.server.session import Linted

SOURCE = "awesome-lint"
FIX_ALL = types.CodeActionKind.SourceFixAll.value + "." + SOURCE  # source.fixAll.awesome-lint
QUICK_FIX = types.CodeActionKind.QuickFix.value

_NEXT_LINE = re.compile(  # matched on a stripped line: no leading run to rescan (linear)
    r"<!--[ \t]*awesome-lint-disable-next-line(?P<codes>(?:[ \t,]+[A-Za-z0-9]+)+)[ \t,]*-->"
)


def diagnostic(d: Diagnostic, positions: Positions, uri: str) -> types.Diagnostic:
    rule = BY_CODE.get(d.code)
    return types.Diagnostic(
        range=positions.range(d.start, d.end),
        message=d.message,
        severity=types.DiagnosticSeverity.Error,
        code=d.code,
        code_description=types.CodeDescription(href=rule.url) if rule else None,
        source=SOURCE,
        related_information=[
            types.DiagnosticRelatedInformation(
                types.Location(uri, positions.range(r.start, r.end)), r.message
            )
            for r in d.related
        ]
        or None,
    )


def at(linted: Linted, start: int, end: int) -> list[Diagnostic]:
    """The diagnostics whose span meets ``[start, end]`` (a cursor touching a span counts)."""
    return [d for d in linted.diagnostics if d.start <= end and start <= d.end]


def quick_fixes(
    linted: Linted, found: Iterable[Diagnostic], positions: Positions, uri: str
) -> Iterator[types.CodeAction]:
    for d in found:
        if d.fix is None:
            continue
        safe = d.fix.applicability is Applicability.SAFE
        yield types.CodeAction(
            title=f"{d.code}: {d.fix.message}" + ("" if safe else " (unsafe)"),
            kind=QUICK_FIX,
            diagnostics=[diagnostic(d, positions, uri)],
            is_preferred=safe,
            edit=_workspace_edit(
                uri,
                [types.TextEdit(positions.range(e.start, e.end), e.content) for e in d.fix.edits],
            ),
        )


def disable_line(
    linted: Linted, found: Iterable[Diagnostic], positions: Positions, uri: str
) -> Iterator[types.CodeAction]:
    document = linted.document
    code_lines = document.structure.code_lines
    seen: set[tuple[int, str]] = set()
    for d in found:
        line = document.line_of(d.start)
        # In a code block (a format block) a comment is text, not a suppression.
        if line in code_lines or (line, d.code) in seen:
            continue
        seen.add((line, d.code))
        edit = _suppression_edit(linted, line, d.code, positions)
        yield types.CodeAction(
            title=f"{d.code}: disable for this line",
            kind=QUICK_FIX,
            diagnostics=[diagnostic(d, positions, uri)],
            edit=_workspace_edit(uri, [edit]),
        )


def _suppression_edit(linted: Linted, line: int, code: str, positions: Positions) -> types.TextEdit:
    document = linted.document
    if line > 0:
        above = document.line(line - 1)
        lead = len(above) - len(above.lstrip(" \t"))
        match = _NEXT_LINE.fullmatch(above.strip(" \t"))
        if match:  # add the code to the comment already there
            start = document.line_starts[line - 1] + lead + match.end("codes")
            return types.TextEdit(positions.range(start, start), f" {code}")
    text = document.line(line)
    indent = text[: len(text) - len(text.lstrip(" \t"))]
    start = document.line_starts[line]
    comment = f"{indent}<!-- awesome-lint-disable-next-line {code} -->{document.newline}"
    return types.TextEdit(positions.range(start, start), comment)


def fixable(linted: Linted) -> bool:
    unfixable = linted.settings.unfixable
    return any(d.fixable(unsafe=False, unfixable=unfixable) for d in linted.diagnostics)


def fix_all_action(
    linted: Linted, fixed: str | None, positions: Positions, uri: str
) -> types.CodeAction:
    """The fix-all action; with ``fixed`` None its edit is left for codeAction/resolve."""
    action = types.CodeAction(title="awesome-lint: fix all safe fixes", kind=FIX_ALL)
    if fixed is not None:
        action.edit = whole_edit(linted, fixed, positions, uri)
    return action


def whole_edit(linted: Linted, fixed: str, positions: Positions, uri: str) -> types.WorkspaceEdit:
    """One edit replacing the part of the text that changed (the cursor stays where it was)."""
    text = linted.document.text
    prefix = _common_prefix(text, fixed)
    suffix = _common_prefix(text[prefix:][::-1], fixed[prefix:][::-1])
    edit = types.TextEdit(
        positions.range(prefix, len(text) - suffix), fixed[prefix : len(fixed) - suffix]
    )
    return _workspace_edit(uri, [edit])


def _common_prefix(a: str, b: str) -> int:
    """Length of the common prefix, by halving (a few big string compares, not a char loop)."""
    low, high = 0, min(len(a), len(b))
    while low < high:
        middle = (low + high + 1) // 2
        if a[low:middle] == b[low:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _workspace_edit(uri: str, edits: Sequence[types.TextEdit]) -> types.WorkspaceEdit:
    return types.WorkspaceEdit(changes={uri: list(edits)})


def hover(linted: Linted, offset: int, positions: Positions) -> types.Hover | None:
    """The explanation of each rule with a diagnostic under the cursor, as --explain prints it."""
    found = [d for d in linted.diagnostics if d.start <= offset <= d.end]
    if not found:
        return None
    parts: list[str] = []
    codes: set[str] = set()
    for d in found:
        rule = BY_CODE.get(d.code)
        if rule is None or d.code in codes:
            continue
        codes.add(d.code)
        parts.append(f"**{d.code}** {d.message}\n\n{explain(rule)}")
    return types.Hover(
        contents=types.MarkupContent(types.MarkupKind.Markdown, "\n\n---\n\n".join(parts)),
        range=positions.range(min(d.start for d in found), max(d.end for d in found)),
    )
