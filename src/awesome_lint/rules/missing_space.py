"""AL403 missing-space: no space after a comma or colon between two items.

Finds ``Yan Zheng,Yujing Hu``, ``dataset,18`` and ``(...),[NarrativeQA](...)`` in entries'
titles, field values and descriptions. Numbers (``1,000``), pairs of single letters
(``Q(s,a)``), urls, code and CJK text are left alone. A colon is flagged only before a capital
letter or a link (``Survey:A Review``), not in tokens such as ``arXiv:2305.10425``.

Why: without the space, two names or items read as one.

Okay:  - Yan Zheng, Yujing Hu
AL403: - Yan Zheng,Yujing Hu
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from awesome_lint.context import Context
from awesome_lint.diagnostics import Edit, Fix, Violation

_CANDIDATE = re.compile(r"[,:](?=[^\s/])")
# A token holding one of these is an identifier, an assignment or a path, not a list of items.
_CODE_LIKE = re.compile(r"[=_/\\{}<>@#]")


def check(ctx: Context) -> Iterator[Violation]:
    text = ctx.document.text
    prose = ctx.prose
    # Every mark this rule reports is followed by a letter, a digit or "[": find those in the
    # whole text (rare, and no url's "://"), then ask which span holds each.
    for match, span in prose.matches(_CANDIDATE):
        at = match.start()
        if prose.cjk[span]:
            continue  # CJK text writes ",", "," and "：" with no space
        if at + 1 >= ctx.document.line_ends[prose.lines[span]]:
            continue
        before, after = text[at - 1], text[at + 1]
        if not _missing_space(match.group(), before, after) or _is_token(
            text, at, prose.starts[span], prose.ends[span]
        ):
            continue
        name = "comma" if match.group() == "," else "colon"
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


def _is_token(text: str, at: int, span_start: int, span_end: int) -> bool:
    """True for ``Q(s,a)``, ``lr=1e-3,bs=32`` and ``std::vector``: not two items."""
    start = at
    while start > span_start and not text[start - 1].isspace():
        start -= 1
    end = at + 1
    while end < span_end and not text[end].isspace():
        end += 1
    token = text[start:end]
    if _CODE_LIKE.search(token) or "::" in token:
        return True
    left = re.search(r"[^\W_]+$", text[start:at])
    right = re.match(r"[^\W_]+", text[at + 1 : end])
    return bool(left and right and len(left.group()) == 1 and len(right.group()) == 1)
