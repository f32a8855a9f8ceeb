"""AL402 full-width-punctuation: ``，：；（）`` in English text.

Checked in entries' titles, field values and descriptions. CJK text keeps its full-width
punctuation: a mark touching CJK characters, or on a line holding CJK text, is left alone, and
so is every mark of a list written in Chinese or Japanese (half its text lines or more hold
CJK text: ``* App Shopper：[url](url)`` beside ``* 少数派：[url](url)``). A full-width mark
that ends or breaks a url is AL108's (bad-url).

Why: a full-width comma is wider than an ASCII one and comes with its own spacing, so English
text typed with a CJK input method looks broken: ``reference， Imitation learning``.

Okay:  - Keyword: Model searches the web, Imitation learning
Okay:  - Keyword: 基于人类反馈的强化学习（RLHF），对齐
AL402: - Keyword: Model searches the web， Imitation learning
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from awesome_lint.context import Context
from awesome_lint.diagnostics import Edit, Fix, Violation

_ASCII = {"，": ",", "：": ":", "；": ";", "（": "(", "）": ")"}
_MARKS = re.compile("[，：；（）]")


def check(ctx: Context) -> Iterator[Violation]:
    text = ctx.document.text
    if text.isascii():  # most lists, at C speed
        return
    prose = ctx.prose
    if 2 * sum(prose.cjk) >= len(prose.cjk):
        return  # a list written in Chinese or Japanese: "App Shopper：" is its own punctuation
    # Marks are rare: find them in the whole text, then ask which span holds each.
    for match, span in prose.matches(_MARKS):
        if prose.cjk[span]:
            continue
        at, mark = match.start(), match.group()
        replacement = _ASCII[mark]
        # ",:;" want a space after them, unless the line ends or one is there already.
        line_end = ctx.document.line_ends[prose.lines[span]]
        if mark in "，：；" and at + 1 < line_end and not text[at + 1].isspace():
            replacement += " "
        yield Violation(
            at,
            at + 1,
            f'Full-width "{mark}" in English text',
            Fix.safe(f'Write "{replacement.strip()}"', Edit(at, at + 1, replacement)),
        )
