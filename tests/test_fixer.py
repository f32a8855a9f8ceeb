"""The fixer's promises: idempotent, converges, and never loses a url, entry or word."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from awesome_lint.config import Settings
from awesome_lint.diagnostics import Diagnostic, Edit, Fix
from awesome_lint.fixer import FixError, apply_fixes, choose, rebuild, verify
from awesome_lint.linter import lint_text
from awesome_lint.registry import select_rules

DEFAULT_RULES = select_rules(None)  # every default rule; AL503 (network) is off
HEADER = (
    "# List\n\n## Papers\n\n```\nformat:\n- [title](paper link) [links]\n"
    "  - author1, author2, and author3...\n  - publisher\n  - keyword\n  - code\n"
    "  - experiment environments and datasets\n```\n\n### 2023\n\n"
)
LABELS = [
    "Keyword: ",
    "Keyword; ",
    "Keyowrd: ",
    "Code：",
    "Code:",
    "Env : ",
    "Dataset: ",
    "Task:  ",
]
BULLETS = ["  - ", "\t- ", "  * ", "   -", "    - "]
words = st.text(alphabet="abcdefgh XYZ,", min_size=1, max_size=12).map(str.strip).filter(bool)


@st.composite
def entries(draw: st.DrawFn) -> str:
    n = draw(st.integers(0, 6))
    out = []
    for i in range(n):
        title = draw(words)
        out.append(f"- [{title} {i}](https://arxiv.org/abs/2301.{i:05d})\n")
        for _ in range(draw(st.integers(0, 4))):
            bullet = draw(st.sampled_from(BULLETS))
            label = draw(st.sampled_from(["", *LABELS]))
            value = draw(words)
            links = draw(
                st.sampled_from(
                    ["", " [a](https://a.org/x)", " [a](https://a.org/y) [b](https://b.org/z)"]
                )
            )
            out.append(f"{bullet}{label}{value}{links}\n")
        if draw(st.booleans()):
            out.append("\n")
    return HEADER + "".join(out)


def _lint(text: str) -> list[Diagnostic]:
    return lint_text(text, Settings(), DEFAULT_RULES)


def _fix(text: str) -> str:
    return apply_fixes(text, _lint, lambda d: True).text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(entries())
def test_fix_is_idempotent_and_keeps_every_url_and_title(text: str) -> None:
    fixed = _fix(text)
    assert _fix(fixed) == fixed
    assert sorted(re.findall(r"https://\S+?\)", text)) == sorted(
        re.findall(r"https://\S+?\)", fixed)
    )

    def titles(t: str) -> list[str]:
        # Text rules may respace a title's punctuation; its words stay, in order.
        return [re.findall(r"\w+", x) for x in re.findall(r"^- \[([^\]]*)\]", t, re.M)]

    assert titles(text) == titles(fixed)
    assert not [d for d in _lint(fixed) if d.fix is not None]


def test_overlapping_fixes_wait_for_the_next_round() -> None:
    a = Diagnostic("AL1", "a", "", 0, 3, Fix.safe("a", Edit(0, 3, "x")))
    b = Diagnostic("AL2", "b", "", 2, 5, Fix.safe("b", Edit(2, 5, "y")))
    c = Diagnostic("AL3", "c", "", 5, 6, Fix.safe("c", Edit(5, 6, "z")))
    assert choose([b, c, a]) == [a, c]
    assert rebuild("abcdefg", [Edit(0, 3, "x"), Edit(5, 6, "z")]) == "xdezg"


def test_a_fix_that_loses_a_url_is_refused() -> None:
    old = "see [a](https://a.org/x) and more"
    evil = Diagnostic("AL9", "evil", "", 0, 3, Fix.safe("evil", Edit(0, 3, "")))
    with pytest.raises(FixError, match="AL9"):
        verify(old, "and more", [evil])


def test_a_fix_that_glues_two_words_loses_both() -> None:
    glue = Diagnostic("AL9", "glue", "", 2, 3, Fix.safe("glue", Edit.delete(2, 3)))
    with pytest.raises(FixError, match="lose the word 'ab'"):
        verify("ab cd", "abcd", [glue])


def test_a_fix_that_moves_a_word_loses_nothing() -> None:
    move = Fix.safe("move", Edit.delete(0, 3), Edit.insert(8, " ab"))
    verify("ab cd ef", "cd ef ab", [Diagnostic("AL9", "move", "", 0, 3, move)])


def test_fixes_that_undo_each_other_are_an_error() -> None:
    def flip(text: str) -> list[Diagnostic]:
        other = "b" if text == "a" else "a"
        return [Diagnostic("AL9", "flip", "", 0, 1, Fix.safe("flip", Edit(0, 1, other)))]

    with pytest.raises(FixError, match="converge"):
        apply_fixes("a", flip, lambda d: True)


def _brute_force_choose(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    from awesome_lint.fixer import _overlaps

    ordered = sorted(diagnostics, key=lambda d: (d.fix.start, d.fix.end, d.code))  # type: ignore[union-attr]
    taken: list[Diagnostic] = []
    spans: list[tuple[int, int]] = []
    for d in ordered:
        assert d.fix is not None
        own = [(e.start, e.end) for e in d.fix.edits]
        if any(_overlaps(e, span) for i, e in enumerate(d.fix.edits) for span in own[i + 1 :]):
            continue
        if any(_overlaps(e, span) for e in d.fix.edits for span in spans):
            continue
        taken.append(d)
        spans.extend((e.start, e.end) for e in d.fix.edits)
    return taken


edit_spans = st.tuples(st.integers(0, 30), st.integers(0, 4)).map(lambda t: (t[0], t[0] + t[1]))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(edit_spans, min_size=1, max_size=3), max_size=12))
def test_choose_matches_a_brute_force_overlap_check(fixes: list[list[tuple[int, int]]]) -> None:
    diagnostics = [
        Diagnostic(f"AL{i:03d}", "x", "", 0, 0, Fix.safe("x", *(Edit(s, e, "y") for s, e in spans)))
        for i, spans in enumerate(fixes)
    ]
    assert choose(diagnostics) == _brute_force_choose(diagnostics)


def _whole_text_verify(old: str, new: str, chosen: list[Diagnostic]) -> str | None:
    """The check verify() must agree with, done the slow way: over the whole texts."""
    edits = sorted((e for d in chosen for e in d.fix.edits), key=lambda e: (e.start, e.end))  # type: ignore[union-attr]
    untouched, position = [], 0
    for edit in edits:
        untouched.append(old[position : edit.start])
        position = max(position, edit.end)
    untouched.append(old[position:])
    kept = "\x00".join(untouched)
    for pattern in (r"[a-zA-Z][a-zA-Z0-9+.-]*://[^\s)\]>\"'<\x00]+", r"\w+"):
        before: dict[str, int] = {}
        after: dict[str, int] = {}
        for token in re.findall(pattern, kept):
            before[token] = before.get(token, 0) + 1
        for token in re.findall(pattern, new):
            after[token] = after.get(token, 0) + 1
        if any(after.get(token, 0) < n for token, n in before.items()):
            return "lost"
    return None


fragments = st.sampled_from(["ab", "cd", " ", "\n", "http://x.y/", ")", "\x00", "é", "_1"])
texts = st.lists(fragments, max_size=14).map("".join)


@settings(max_examples=500, deadline=None)
@given(old=texts, data=st.data())
def test_verify_by_windows_agrees_with_the_whole_text_check(old: str, data: st.DataObject) -> None:
    # Non-overlapping edits, as choose() hands them over: sorted cut points paired up.
    cuts = sorted(data.draw(st.lists(st.integers(0, len(old)), max_size=8)))
    edits: list[Edit] = []
    for a, b in zip(cuts[::2], cuts[1::2], strict=False):
        if not (edits and a == b == edits[-1].start == edits[-1].end):  # one insertion a point
            edits.append(Edit(a, b, data.draw(texts)))
    chosen = [Diagnostic("AL999", "x", "", 0, 0, Fix.safe("x", e)) for e in edits]
    new = rebuild(old, edits)
    expected = _whole_text_verify(old, new, chosen)
    try:
        verify(old, new, chosen)
        found = None
    except FixError:
        found = "lost"
    assert found == expected, (old, edits, new)
