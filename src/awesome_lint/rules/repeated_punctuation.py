"""AL409 repeated-punctuation: a mark typed twice, as in ``fast,, simple`` or ``好用。。``.

Checked in the visible text of every line (headings, paragraphs, list items, link texts, CJK
text), never in code, urls, link targets or HTML. The run must follow a letter or a digit, so
ASCII art, emoticons and operators (``a ?? b``, ``!!x``) are left alone.

- ``,,`` ``;;`` ``，，`` ``、、`` ``；；`` ``。。``: a slip; the fix keeps one (safe).
- ``!!`` ``??`` ``！！`` ``？？`` (and longer runs) ending a sentence: emphasis that reads as noise
  in a curated list; reported without a fix, the writer decides. A tag of one or two words
  (``**New!!!**``, ``<font color="red">Ours!!!</font>``) is a label written so on purpose.
- Not reported: ``...`` and ``…`` (an ellipsis), ``。。。`` (an ellipsis in informal Chinese),
  ``?!`` and ``!?`` (a question with surprise, written by choice), ``::`` (``std::vec``) and
  ``..`` (ranges, paths), and three or more commas or semicolons (reported, no fix).

Why: a doubled comma is invisible when typing and obvious when reading; doubled exclamation
marks make a list read like an advertisement.

Okay:  - [Tokio](https://tokio.rs) - Fast, reliable. Really?!
AL409: - [Tokio](https://tokio.rs) - Fast,, reliable.
AL409: - [Tokio](https://tokio.rs) - Really fast!!
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from awesome_lint.context import Context
from awesome_lint.diagnostics import Edit, Fix, Violation

# No lookbehind: it made the scan of the whole text 8x slower; the letter is checked after.
_REPEATED = re.compile(r"([,;!?，、；。！？])\1+")
_SLIPS = frozenset(",;，、；。")
_ELLIPSIS = "。"
# Where a label starts: "(**New!!!**)", "<font>Hot!!</font>", "【重要！！】".
_LABEL_START = re.compile(r"[*_(\[（【「<>|:：]")


def _is_label(before: str) -> bool:
    """The run ends a tag of one or two words (``New!!!``), not a sentence."""
    words = _LABEL_START.split(before)[-1].split()
    return len(words) <= 2


def check(ctx: Context) -> Iterator[Violation]:
    view = ctx.text_view
    text = ctx.document.text
    for match in _REPEATED.finditer(text):
        start, end = match.span()
        before = text[start - 1 : start]
        if not before.isalnum():  # a letter or a digit, of any script
            continue
        run, mark = match.group(), match.group(1)
        if mark == _ELLIPSIS and len(run) > 2:
            continue
        segment = view.segment_at(start - 1)
        if segment is None or end > segment.end:
            continue
        if mark not in _SLIPS and _is_label(text[segment.start : start]):
            continue
        fix = None
        if mark in _SLIPS and len(run) == 2:
            fix = Fix.safe(f'Write one "{mark}"', Edit(start, end, mark))
        yield Violation(start, end, f'Repeated "{run}"', fix)
