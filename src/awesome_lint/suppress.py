"""Suppression comments: silence named rules on a line, a range of lines, or a whole file.

``<!-- awesome-lint-disable-next-line AL202 -->`` silences the line after the comment;
``<!-- awesome-lint-disable AL4 -->`` … ``<!-- awesome-lint-enable -->`` the lines between
(to the end of the file when never enabled again); ``<!-- awesome-lint-disable-file -->`` the
whole file. Codes are full codes or prefixes, separated by commas or spaces; none means every
rule. ``<!-- awesome-lint-enable AL4 -->`` ends only the ranges of those codes. Comments inside
code blocks or inline code are examples, not suppressions.

The linter filters diagnostics through :meth:`Suppressions.filter`, which also records what
each comment silenced, so AL504 can report the comments that silence nothing.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import NamedTuple

from awesome_lint.diagnostics import Diagnostic
from awesome_lint.model.document import Document
from awesome_lint.model.links import code_spans
from awesome_lint.registry import RULES, RuleSpec

_COMMENT = re.compile(
    r"<!--[ \t]*awesome-lint-(?P<kind>disable-next-line|disable-file|disable|enable)"
    r"(?P<codes>(?:[ \t,]+[A-Za-z0-9]+)*)[ \t,]*-->"
)
_MARKER = "awesome-lint-"
UNUSED_SUPPRESSION = "AL504"  # judges the comments, so it runs after they were applied


class SuppressionComment(NamedTuple):
    """One comment; ``first_line``/``last_line`` (0-based, inclusive) are the lines it silences."""

    kind: str  # "disable-next-line", "disable", "enable" or "disable-file"
    codes: tuple[str, ...]  # upper-cased as written; empty means every rule
    start: int
    end: int
    first_line: int
    last_line: int
    closes: tuple[int, ...] = ()  # for "enable": indices of the "disable" comments it ends

    def silences(self, code: str, line: int) -> str | None:
        """The selector of this comment that silences ``code`` on ``line`` ("" for all), or None."""
        if self.kind == "enable" or not self.first_line <= line <= self.last_line:
            return None
        if not self.codes:
            return ""
        return next((c for c in self.codes if code.startswith(c)), None)


class UnusedSuppression(NamedTuple):
    """A comment that silences nothing (``idle`` is every selector), or some of its codes."""

    comment: SuppressionComment
    number: int  # the comment's index in Suppressions.comments
    idle: tuple[str, ...]  # selectors that silenced nothing ("" for a comment without codes)
    unknown: tuple[str, ...]  # selectors that match no rule at all

    @property
    def whole(self) -> bool:
        return set(self.idle) | set(self.unknown) == set(self.comment.codes or ("",))


class Suppressions:
    """The comments of one document and, once :meth:`filter` ran, what each one silenced.

    Lookups go through an index by code of the merged line ranges that silence it, so 10,000
    comments and as many diagnostics cost a bisection each, not one test per pair.
    """

    def __init__(self, comments: Sequence[SuppressionComment]) -> None:
        self.comments = tuple(comments)
        self._used: set[tuple[int, str]] | None = None
        self._ran: frozenset[str] = frozenset()
        self._ranges: dict[str, tuple[list[int], list[int]]] = {}
        self._judged_memo: dict[str, bool] = {}
        self._named_memo: dict[str, bool] = {}

    def filter(
        self, diagnostics: Iterable[Diagnostic], document: Document, ran: Iterable[RuleSpec]
    ) -> list[Diagnostic]:
        """The diagnostics no comment silences; remembers which comment silenced which code."""
        kept = []
        lines_by_code: dict[str, list[int]] = {}
        for d in diagnostics:
            line = document.line_of(d.start)
            lines_by_code.setdefault(d.code, []).append(line)
            if not self._silenced(d.code, line):
                kept.append(d)
        used: set[tuple[int, str]] = set()
        for lines in lines_by_code.values():
            lines.sort()
        for i, comment in enumerate(self.comments):
            if comment.kind == "enable":
                continue
            for code, lines in lines_by_code.items():
                selector = comment.silences(code, comment.first_line)
                if selector is None or (i, selector) in used:
                    continue
                # Any diagnostic of this code on the comment's lines?
                at = bisect.bisect_left(lines, comment.first_line)
                if at < len(lines) and lines[at] <= comment.last_line:
                    used.add((i, selector))
        self._used = used
        self._ran = frozenset(r.code for r in ran)
        self._judged_memo.clear()
        return kept

    def unsilenced(self, diagnostics: Iterable[Diagnostic], document: Document) -> list[Diagnostic]:
        """The diagnostics no comment silences, recording nothing (for AL504's own)."""
        return [d for d in diagnostics if not self._silenced(d.code, document.line_of(d.start))]

    def _silenced(self, code: str, line: int) -> bool:
        ranges = self._ranges.get(code)
        if ranges is None:
            ranges = self._ranges[code] = _merged(
                (c.first_line, c.last_line)
                for c in self.comments
                if c.silences(code, c.first_line) is not None
            )
        starts, ends = ranges
        at = bisect.bisect_right(starts, line) - 1
        return at >= 0 and line <= ends[at]

    @functools.cached_property
    def sole_closers(self) -> dict[int, list[int]]:
        """For each ``disable`` comment, the ``enable`` comments that end it and nothing else."""
        found: dict[int, list[int]] = {}
        for i, comment in enumerate(self.comments):
            if len(comment.closes) == 1:
                found.setdefault(comment.closes[0], []).append(i)
        return found

    def unused(self) -> Iterator[UnusedSuppression]:
        """Comments, or codes in them, that silenced nothing.

        A code is judged only when every rule it names ran: a comment for a rule that was not
        selected this time may well be needed another time.
        """
        if self._used is None:
            raise RuntimeError("Suppressions.unused() needs filter() to have run first")
        for i, comment in enumerate(self.comments):
            if comment.kind == "enable":
                if not comment.closes:
                    yield UnusedSuppression(comment, i, comment.codes or ("",), ())
                continue
            selectors = comment.codes or ("",)
            unknown = tuple(c for c in selectors if c and not self._names_a_rule(c))
            idle = tuple(
                c
                for c in selectors
                if c not in unknown and (i, c) not in self._used and self._judged(c)
            )
            if idle or unknown:
                yield UnusedSuppression(comment, i, idle, unknown)

    def _judged(self, selector: str) -> bool:
        judged = self._judged_memo.get(selector)
        if judged is None:  # the same few selectors, in thousands of comments
            rules = _rules_for(selector)
            judged = self._judged_memo[selector] = bool(rules) and all(
                r.code in self._ran for r in rules
            )
        return judged

    def _names_a_rule(self, selector: str) -> bool:
        named = self._named_memo.get(selector)
        if named is None:
            named = self._named_memo[selector] = _names_a_rule(selector)
        return named


def _merged(ranges: Iterable[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Sorted, disjoint line ranges covering the same lines: starts and (inclusive) ends."""
    starts: list[int] = []
    ends: list[int] = []
    for first, last in sorted(ranges):
        if ends and first <= ends[-1] + 1:
            ends[-1] = max(ends[-1], last)
        else:
            starts.append(first)
            ends.append(last)
    return starts, ends


def _names_a_rule(selector: str) -> bool:
    return any(r.code.startswith(selector) for r in RULES)


def _rules_for(selector: str) -> list[RuleSpec]:
    """Rules a selector names; off-by-default rules count only when named in full."""
    return [
        r
        for r in RULES
        if r.code != UNUSED_SUPPRESSION
        and r.code.startswith(selector)
        and (r.default or r.code == selector)
    ]


def find_suppressions(document: Document) -> Suppressions:
    text = document.text
    if _MARKER not in text:
        return Suppressions(())
    code_lines = document.structure.code_lines
    comments: list[SuppressionComment] = []
    # Open "disable" ranges grouped by their codes: an "enable" tests each group once.
    open_ranges: dict[tuple[str, ...], list[int]] = {}
    spans_of_line: dict[int, list[tuple[int, int]]] = {}
    last_line = document.line_count - 1
    for match in _COMMENT.finditer(text):
        line = document.line_of(match.start())
        end_line = document.line_of(match.end())
        if line in code_lines or _in_inline_code(document, match.start(), spans_of_line):
            continue
        kind = match.group("kind")
        codes = tuple(c.upper() for c in re.split(r"[ \t,]+", match.group("codes")) if c)
        first, last = line, end_line
        closes: tuple[int, ...] = ()
        if kind == "disable-next-line":
            first = last = end_line + 1
        elif kind == "disable-file":
            first, last = 0, last_line
        elif kind == "disable":
            open_ranges.setdefault(codes, []).append(len(comments))
            last = last_line
        else:
            ended = [group for group in open_ranges if _ends(codes, group)]
            closes = tuple(sorted(i for group in ended for i in open_ranges.pop(group)))
            for i in closes:
                comments[i] = comments[i]._replace(last_line=end_line)
        comments.append(
            SuppressionComment(kind, codes, match.start(), match.end(), first, last, closes)
        )
    return Suppressions(comments)


def _ends(enabled: tuple[str, ...], disabled: tuple[str, ...]) -> bool:
    """``enable`` without codes ends every range; with codes, the ranges it fully covers."""
    if not enabled:
        return True
    return bool(disabled) and all(any(d.startswith(e) for e in enabled) for d in disabled)


def _in_inline_code(
    document: Document, offset: int, spans_of_line: dict[int, list[tuple[int, int]]]
) -> bool:
    n = document.line_of(offset)
    line = document.line(n)
    column = offset - document.line_starts[n]
    if "`" not in line:
        return False
    spans = spans_of_line.get(n)
    if spans is None:  # once per line, however many comments it holds
        spans = spans_of_line[n] = list(code_spans(line))
    at = bisect.bisect_right(spans, (column, len(line) + 1)) - 1
    return at >= 0 and spans[at][0] <= column < spans[at][1]
