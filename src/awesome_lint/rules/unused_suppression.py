"""AL504 unused-suppression: a suppression comment that silences nothing.

A ``<!-- awesome-lint-disable… -->`` comment whose codes silence no diagnostic, that names a
code matching no rule, or an ``<!-- awesome-lint-enable -->`` that ends no disabled range. A
code is judged only when every rule it names ran, so a comment for a rule left out of this
run's selection is never reported. The fix removes the comment when it stands alone on its
lines (with the ``enable`` that ends it), or drops the idle codes from it.

Why: a stale suppression hides the next real mistake on that line from every reviewer.

Okay:  <!-- awesome-lint-disable-next-line AL105 -->
       - Dataset; [BBQ](https://github.com/nyu-mll/BBQ)
AL504: <!-- awesome-lint-disable-next-line AL105 -->
       - Dataset: [BBQ](https://github.com/nyu-mll/BBQ)
"""

from __future__ import annotations

from collections.abc import Iterator

from awesome_lint.context import Context
from awesome_lint.diagnostics import Edit, Fix, Violation, listed
from awesome_lint.model.document import Document
from awesome_lint.suppress import SuppressionComment, Suppressions, UnusedSuppression


def check(ctx: Context) -> Iterator[Violation]:
    suppressions = ctx.suppressions
    for unused in suppressions.unused():
        comment = unused.comment
        if unused.unknown:
            yield Violation(
                comment.start,
                comment.end,
                f"Suppression names {listed(unused.unknown)}, which matches no rule",
                _fix(ctx.document, suppressions, unused),
            )
            if not unused.idle:
                continue
        if comment.kind == "enable":
            message = "Enable comment ends no disabled range"
        elif unused.whole:
            message = "Suppression comment silences nothing"
        else:
            message = f"Suppression of {listed(unused.idle)} silences nothing"
        yield Violation(
            comment.start, comment.end, message, _fix(ctx.document, suppressions, unused)
        )


def _fix(document: Document, suppressions: Suppressions, unused: UnusedSuppression) -> Fix | None:
    comment = unused.comment
    if not unused.whole:
        drop = set(unused.idle) | set(unused.unknown)
        kept = " ".join(c for c in comment.codes if c not in drop)
        rewritten = f"<!-- awesome-lint-{comment.kind} {kept} -->"
        return Fix.safe("Drop the idle codes", Edit(comment.start, comment.end, rewritten))
    line = _own_lines(document, comment)
    if line is None:
        return None
    edits = [Edit.delete(*line)]
    if comment.kind == "disable":
        # Its enable goes too when it ends this range and nothing else.
        for closer in suppressions.sole_closers.get(unused.number, ()):
            enable_lines = _own_lines(document, suppressions.comments[closer])
            if enable_lines is None:
                return None
            edits.append(Edit.delete(*enable_lines))
    return Fix.safe("Remove the suppression comment", *edits)


def _own_lines(document: Document, comment: SuppressionComment) -> tuple[int, int] | None:
    """The span of the comment's whole lines, newline included, when nothing else is on them."""
    first = document.line_of(comment.start)
    last = document.line_of(comment.end)
    start = document.line_starts[first]
    end = document.line_ends[last]
    text = document.text
    if text[start : comment.start].strip() or text[comment.end : end].strip():
        return None
    if last + 1 < document.line_count:
        return start, document.line_starts[last + 1]
    # The last line: take the newline before it instead, so no blank line is left behind.
    return (document.line_ends[first - 1] if first > 0 else start), end
