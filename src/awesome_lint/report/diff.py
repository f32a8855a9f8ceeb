"""``--diff``: the fixes as a unified diff that ``git apply`` and ``patch -p1`` accept.

The diff is of the file's bytes as they are on disk and as ``--fix`` would write them (BOM and
newlines kept), split on ``\\n`` only, as patch tools read lines: a ``\\r`` stays inside its
line, so CRLF files and lone ``\\r`` survive. A last line without a newline is followed by
``\\ No newline at end of file``, without which the patch glues it to the next one.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

from awesome_lint.report import visible
from awesome_lint.report.summary import BOLD, CYAN, GREEN, RED, RESET

_LINE = re.compile(r"[^\n]*\n|[^\n]+")
NO_NEWLINE = "\\ No newline at end of file\n"
_QUOTED = re.compile(r'["\\\x00-\x1f\x7f]')
_ESCAPES = {'"': '\\"', "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _lines(text: str) -> list[str]:
    return _LINE.findall(text)


def unified_diff(before: str, after: str, path: str) -> str:
    """The patch turning ``before`` into ``after`` for the file at ``path`` ('' when equal)."""
    return "".join(_patch_lines(before, after, path))


def _header_name(name: str) -> str:
    """A file name as git writes it in ``---``/``+++`` lines: C-quoted when it holds a quote, a
    backslash or a control character; followed by a tab when it holds a space, so that
    ``patch`` (which stops at white space) reads the whole name."""
    if _QUOTED.search(name):
        return (
            '"'
            + _QUOTED.sub(lambda m: _ESCAPES.get(m.group(), f"\\{ord(m.group()):03o}"), name)
            + '"'
        )
    return name + "\t" if " " in name else name


def _patch_lines(before: str, after: str, path: str) -> Iterator[str]:
    headers = (f"--- {_header_name('a/' + path)}\n", f"+++ {_header_name('b/' + path)}\n")
    for i, line in enumerate(difflib.unified_diff(_lines(before), _lines(after))):
        if i < len(headers):  # difflib's own header lines, which write names unquoted
            yield headers[i]
            continue
        yield line
        if not line.endswith("\n"):
            yield "\n" + NO_NEWLINE


def paint(patch: str) -> str:
    """The patch coloured for a terminal: headers bold, hunks cyan, removals red, additions
    green; control characters written out (``\\x1b``), a CR before the newline left out."""
    out = []
    for line in _lines(patch):
        body, end = (line[:-1], "\n") if line.endswith("\n") else (line, "")
        body = visible(body.removesuffix("\r"))
        if line.startswith(("--- ", "+++ ")):
            style = BOLD
        elif line.startswith("@@"):
            style = CYAN
        elif line.startswith("-"):
            style = RED
        elif line.startswith("+"):
            style = GREEN
        else:
            out.append(body + end)
            continue
        out.append(f"{style}{body}{RESET}{end}")
    return "".join(out)


def would_fix(count: int) -> str:
    """The line after a diff, as ruff words it."""
    if count == 0:
        return "No errors would be fixed."
    return f"Would fix {count} error{'' if count == 1 else 's'}."
