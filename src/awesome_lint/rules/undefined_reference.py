"""AL513 undefined-reference: a reference link whose label no definition answers.

``[Docker Registry][distribution]`` (and ``[distribution][]``) is a link only when the file
defines ``[distribution]: https://...``; without the definition it renders as plain text in
brackets, and the entry has lost its link. A badge wrapped in brackets with nothing after
(``[![Build Status](badge.svg)]``) is the same slip: the link it was meant to have is
missing. Labels match as Markdown matches them: case-insensitively, with runs of blanks
folded. Shortcut references (``[label]`` alone) are not checked: paper lists write venues
and notes that way on purpose.

Why: a broken reference is invisible in review and in the source; only the rendered list
shows the brackets.

Okay:  - [Docker Registry][distribution] - Pack, ship and store.
       [distribution]: https://github.com/distribution/distribution
AL513: - [Docker Registry][distrbution] - Pack, ship and store.
AL513: - [smartcore](https://github.com/smartcorelib/smartcore) - ML. [![Build](badge.svg)]
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from awesome_lint.context import Context
from awesome_lint.diagnostics import Violation
from awesome_lint.model.links import code_spans

_DEFINITION = re.compile(r"\A {0,3}\[((?:[^\[\]\\]|\\.){1,999})\]:")
# ``[text][label]``, not ``[tag][text](url)`` (an inline link after a bracketed tag).
_REFERENCE = re.compile(r"(!?)\[((?:[^\[\]\\]|\\.)*)\]\[((?:[^\[\]\\]|\\.)*)\](?!\()")
_WRAPPED_BADGE = re.compile(r"\[!\[[^\[\]]*\]\([^()\s]*\)\](?![(\[:])")


def check(ctx: Context) -> Iterator[Violation]:
    document = ctx.document
    if "][" not in document.text and "[![" not in document.text:
        return
    structure = document.structure
    excluded = structure.code_lines | structure.html_lines
    defined = set()
    text, line_starts, line_ends = document.text, document.line_starts, document.line_ends
    for n in range(document.line_count):
        # A definition holds "]:": most lines are settled by a find, without a slice.
        if text.find("]:", line_starts[n], line_ends[n]) >= 0 and n not in excluded:
            match = _DEFINITION.match(document.line(n))
            if match is not None:
                defined.add(_label(match.group(1)))
    for n in range(document.line_count):
        start, end = line_starts[n], line_ends[n]
        if text.find("][", start, end) < 0 and text.find("[![", start, end) < 0:
            continue
        line = text[start:end]
        if n in excluded:
            continue
        spans = code_spans(line) if "`" in line else []
        base = document.line_starts[n]
        for match in _REFERENCE.finditer(line) if "][" in line else ():  # badges: no "]["
            if _in_code(match.start(), spans):
                continue
            label = match.group(3) or match.group(2)
            if not label.strip() or "](" in label or _label(label) in defined:
                continue
            yield Violation(
                base + match.start(),
                base + match.end(),
                f'Reference "[{label}]" has no definition (`[{label}]: url`); it renders as text',
            )
        for match in _WRAPPED_BADGE.finditer(line):
            if _in_code(match.start(), spans):
                continue
            yield Violation(
                base + match.start(),
                base + match.end(),
                "A badge in brackets with no link after it; write `[![alt](badge)](url)`",
            )


def _label(text: str) -> str:
    return " ".join(text.split()).casefold()


def _in_code(at: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= at < end for start, end in spans)
