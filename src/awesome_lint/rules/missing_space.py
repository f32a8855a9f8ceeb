"""AL403 missing-space: no space after a comma or colon between two items.

Finds ``Yan Zheng,Yujing Hu``, ``dataset,18`` and ``(...),[NarrativeQA](...)`` in entries'
titles, field values and descriptions. Numbers (``1,000``), pairs of single letters
(``Q(s,a)``), urls, code and CJK text are left alone, and so is a colon in the items of a
list with no format block, whose names use one (``MTA:SA``, ``re:Director``). A colon is
flagged only before a capital letter or a link (``Survey:A Review``), not in tokens such as
``arXiv:2305.10425``.

Why: without the space, two names or items read as one.

Okay:  - Yan Zheng, Yujing Hu
AL403: - Yan Zheng,Yujing Hu
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator

from awesome_lint.context import Context
from awesome_lint.diagnostics import Edit, Fix, Violation
from awesome_lint.model.prose import Prose

_CANDIDATE = re.compile(r"[,:](?=[^\s/])")
# A token holding one of these is an identifier, an assignment or a path, not a list of items.
_CODE_LIKE = re.compile(r"[=_/\\{}<>@#]")
_ALNUM = re.compile(r"[^\W_]")


def check(ctx: Context) -> Iterator[Violation]:
    text = ctx.document.text
    prose = ctx.prose
    token = _Token(text)
    # Every mark this rule reports is followed by a letter, a digit or "[": find those in the
    # whole text (rare, and no url's "://"), then ask which span holds each.
    for match, span in prose.matches(_CANDIDATE):
        at = match.start()
        if prose.cjk[span]:
            continue  # CJK text writes ",", "," and "：" with no space
        if at + 1 >= ctx.document.line_ends[prose.lines[span]]:
            continue
        before, after = text[at - 1], text[at + 1]
        if not _missing_space(match.group(), before, after) or token.is_token(
            at, prose.starts[span], prose.ends[span]
        ):
            continue
        name = "comma" if match.group() == "," else "colon"
        if name == "colon" and _in_item(ctx, prose, span):
            continue  # an item of a list with no block names products: MTA:SA, re:Director
        yield Violation(
            at,
            at + 1,
            f"Missing space after {name}",
            Fix.safe(f"Add a space after the {name}", Edit.insert(at + 1, " ")),
        )


def _missing_space(mark: str, before: str, after: str) -> bool:
    if before.isspace() or mark == before:
        return False
    if mark == ",":
        if before.isdigit() and after.isdigit():
            return False  # 1,000 or 0,5
        return after.isalnum() or after == "["
    return before.isalpha() and (after.isupper() or after == "[")


class _Token:
    """The blank-free token around a mark, measured once per token however many marks it holds.

    A 40 KB ``a,a,a,…`` token has 20,000 marks: scanning it afresh for each was quadratic.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.start = self.end = -1
        self.code_like = False

    def is_token(self, at: int, span_start: int, span_end: int) -> bool:
        """True for ``Q(s,a)``, ``lr=1e-3,bs=32`` and ``std::vector``: not two items."""
        text = self.text
        if not self.start <= at < self.end:
            start = at
            while start > span_start and not text[start - 1].isspace():
                start -= 1
            end = at + 1
            while end < span_end and not text[end].isspace():
                end += 1
            self.start, self.end = start, end
            token = text[start:end]
            self.code_like = bool(_CODE_LIKE.search(token)) or "::" in token
        if self.code_like:
            return True
        # Single letters on both sides (``s,a``): look at most two characters each way.
        inside = self.start, self.end
        return (
            _is_letter(text, at - 1, inside)
            and not _is_letter(text, at - 2, inside)
            and _is_letter(text, at + 1, inside)
            and not _is_letter(text, at + 2, inside)
        )


def _is_letter(text: str, at: int, inside: tuple[int, int]) -> bool:
    """A word character other than "_" (``[^\\W_]``) at ``at``, within the token."""
    return inside[0] <= at < inside[1] and _ALNUM.match(text, at) is not None


def _in_item(ctx: Context, prose: Prose, span: int) -> bool:
    """The span is an item's text in a list with no format block (its name included)."""
    if prose.kind_names[prose.kinds[span]] == "item":
        return True
    line = prose.lines[span]
    entries = ctx.entries
    at = bisect.bisect_left(entries, line, key=lambda e: e.line)
    return at < len(entries) and entries[at].line == line and entries[at].schema.inferred
