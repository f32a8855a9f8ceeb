"""AL410 unbalanced-punctuation: an opening bracket or quote that nothing closes, or the reverse.

Pairs: ``()`` ``[]`` ``“”`` ``‘’`` ``（）`` ``「」`` ``『』`` ``【】`` ``《》``. Each is matched
in the visible text of one paragraph, heading or list item (its continuation lines included), never
in code, urls, link targets, HTML or math. Left alone, because they are not pairs:

- the Markdown of links, images and badges (``[![MIT](badge.svg)](LICENSE)``), escaped marks;
- list numbering and enumerations: ``1)``, ``a)``, ``iv)``;
- smileys: ``:)``, ``:-(``, ``;)``, ``=]``;
- intervals: ``[0, 1)``, ``(0, 1]``, ``[a, b)``;
- a lone ``’``, which is an apostrophe (``don’t``, ``agents’``); only an opening ``‘`` that no
  ``’`` follows is reported;
- a paragraph of more than 1,000 marks: data or ASCII art, not prose;
- a paragraph whose raw text balances: a mark that only cutting out code or a url unbalanced
  is not the writer's.

One report per mark and paragraph (the first unpaired one). No fix: which side is missing is
for the writer to say.

Why: a parenthesis that never closes makes the reader look for where the aside ends, and a
missing ``」`` runs a title into the text after it.

Okay:  - [Tokio](https://tokio.rs) - Runtime (async, fast). Scores in [0, 1). a) one b) two :)
AL410: - [Tokio](https://tokio.rs) - Runtime (async, fast.
AL410: - [综述](https://example.org) - 「强化学习综述
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from awesome_lint.context import Context
from awesome_lint.diagnostics import Violation
from awesome_lint.model.text import TextView

PAIRS = {
    "(": ")",
    "[": "]",
    "“": "”",
    "‘": "’",
    "（": "）",
    "「": "」",
    "『": "』",
    "【": "】",
    "《": "》",
}
_CLOSERS = {close: open_ for open_, close in PAIRS.items()}
_MARKS = "".join(PAIRS) + "".join(_CLOSERS)
_NOT_MARKS = re.compile(f"[^{re.escape(_MARKS)}\\r\\n]+")
_EMPTY_PAIRS = re.compile("|".join(re.escape(o + c) for o, c in PAIRS.items()))
_LEFTOVER = re.compile(r"[^\r\n]+")
_NEWLINES = re.compile(r"\r\n|\r|\n")
_MOST_MARKS = 1000  # more in one paragraph: data or ASCII art, not prose

# Marks that are not pairs, blanked before matching: escaped, and intervals [0, 1) (a, b].
_NEUTRAL = re.compile(r"\\[()\[\]]|[\[(]\s*[-+−]?[\w.∞π/]+\s*,\s*[-+−]?[\w.∞π/]+\s*[\])]")
# What may stand before a mark left unpaired and make it no pair: a smiley, an enumeration.
_SMILEY = re.compile(r"(?:\A|\s)[:;=8xX][-^o']?[()\[\]]*\Z")
_ENUMERATION = re.compile(r"(?:\A|\s)(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4})\Z")
# The lookbehind keeps search() linear on a long run of blanks (each start would rescan it).
_ITEM_START = re.compile(r"(?<![ \t])[ \t]*(?:(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)|[|>])")


def check(ctx: Context) -> Iterator[Violation]:
    document = ctx.document
    view = ctx.text_view
    done: set[int] = set()
    for n in _suspect_lines(document.text):
        if n in done or not view.segments(n):
            continue
        first, last = _unit(view, n)
        done.update(range(first, last))
        yield from _unmatched(view, first, last)


def _suspect_lines(text: str) -> Iterator[int]:
    """Lines whose raw marks do not pair up: the marks alone, empty pairs removed until none."""
    marks = _marks_of(text)
    while True:
        reduced = _EMPTY_PAIRS.sub("", marks)
        if reduced == marks:
            break
        marks = reduced
    if not marks.strip("\r\n"):
        return
    line, position = 0, 0
    for leftover in _LEFTOVER.finditer(marks):
        line += len(_NEWLINES.findall(marks, position, leftover.start()))
        position = leftover.start()
        if leftover.group().strip("’"):  # apostrophes alone pair with nothing
            yield line


# The ASCII bytes that are neither a mark nor a newline: deleted from the UTF-8 text at C speed
# (they are whole characters there), which leaves the pattern only the rest to cut.
_ASCII_NOT_MARKS = bytes(b for b in range(128) if chr(b) not in _MARKS + "\r\n")


def _marks_of(text: str) -> str:
    """The marks and newlines of ``text``, in order: what ``_NOT_MARKS.sub("", text)`` leaves."""
    data = text.encode("utf-8", "surrogatepass").translate(None, _ASCII_NOT_MARKS)
    return _NOT_MARKS.sub("", data.decode("utf-8", "surrogatepass"))


def _unit(view: TextView, n: int) -> tuple[int, int]:
    """The lines of the paragraph, heading or list item holding line ``n``: ``[first, last)``."""
    document = view.document
    if view.is_heading(n):
        return n, n + 1

    def joins(k: int) -> bool:
        """Line ``k`` continues the text of line ``k - 1``."""
        if k <= 0 or k >= document.line_count or view.is_heading(k) or view.is_heading(k - 1):
            return False
        line = document.line(k)
        return (
            bool(line.strip())
            and bool(document.line(k - 1).strip())
            and _ITEM_START.match(line) is None
            and bool(view.segments(k))
            and bool(view.segments(k - 1))
        )

    first = n
    while joins(first):
        first -= 1
    last = n + 1
    while joins(last):
        last += 1
    return first, last


def _unmatched(view: TextView, first: int, last: int) -> Iterator[Violation]:
    text = view.document.text
    segments = [segment for n in range(first, last) for segment in view.segments(n)]
    marks = sum(len(_NOT_MARKS.sub("", text[s.start : s.end])) for s in segments)
    if marks > _MOST_MARKS:
        return
    chars: list[tuple[int, str]] = []
    for segment in segments:
        piece = _NEUTRAL.sub(lambda m: " " * len(m.group()), text[segment.start : segment.end])
        chars.extend((segment.start + i, mark) for i, mark in enumerate(piece) if mark in _MARKS)
    open_: dict[str, list[int]] = {}
    lone: list[tuple[int, str]] = []
    for at, mark in chars:
        if mark in "‘’" and text[at - 1 : at].isalpha() and text[at + 1 : at + 2].isalpha():
            if mark == "‘":  # it‘s: an apostrophe typed as an opening quote
                lone.append((at, mark))
            continue
        if mark in PAIRS:
            open_.setdefault(mark, []).append(at)
        elif open_.get(_CLOSERS[mark]):
            open_[_CLOSERS[mark]].pop()
        elif mark != "’":
            lone.append((at, mark))
    found = lone + [(at, mark) for mark, ats in open_.items() for at in ats]
    # One report per mark and paragraph: the first that is no smiley or enumeration.
    reported: set[str] = set()
    for at, mark in sorted(found):
        if mark in reported:
            continue
        line_start = view.document.line_starts[view.document.line_of(at)]
        before = text[max(line_start, at - 8) : at]
        if _SMILEY.search(before + mark) or (mark == ")" and _ENUMERATION.search(before)):
            continue
        reported.add(mark)
        if mark == "‘" and text[at - 1 : at].isalpha() and text[at + 1 : at + 2].isalpha():
            message = '"‘" used as an apostrophe: an apostrophe is "’" (or "\'")'
        elif mark in PAIRS:
            message = f'"{mark}" is not closed: no "{PAIRS[mark]}" follows it'
        else:
            message = f'"{mark}" closes nothing: no "{_CLOSERS[mark]}" comes before it'
        yield Violation(at, at + 1, message)
