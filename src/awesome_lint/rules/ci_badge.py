"""AL511 ci-badge: a CI or build-status badge in the README (preset awesome).

Off by default; ``preset = "awesome"`` (or ``--preset awesome``, or selecting AL511) turns it
on. A CI badge is an image whose source is a build status: a GitHub Actions workflow badge
(``…/actions/workflows/ci.yml/badge.svg``, ``…/workflows/…/badge.svg``), Travis CI,
CircleCI, AppVeyor, a GitLab pipeline, shields.io's workflow, checks or build status, a
Netlify deploy status; or whose alt text or title says "build status" / "build" / "CI".
Badges inside list items are left alone: a listed project's CI badge is about that project.
The fix (unsafe: it removes a link) deletes the badge and the blank before it.

sindresorhus/awesome-lint (awesome-no-ci-badge) matches only Travis and CircleCI urls and a
"build status" title, so today's GitHub Actions badges pass it.

Why: the awesome manifesto: a list's build status tells its readers nothing about the list;
the badge belongs to the repository page, not the README.

Okay:  # Awesome Rust [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)
AL511: # Awesome Rust [![build](https://github.com/o/r/actions/workflows/ci.yml/badge.svg)](…)
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from awesome_lint.context import Context
from awesome_lint.diagnostics import Edit, Fix, Violation
from awesome_lint.model.badges import Badge, badges_of_line, references
from awesome_lint.model.document import Document

_CI_SOURCE = re.compile(
    r"/actions/workflows/[^/\s]+/badge\.svg|github\.com/[^/\s]+/[^/\s]+/workflows/\S{0,200}?badge\.svg"
    r"|travis-ci\.(?:org|com)|circleci\.com|ci\.appveyor\.com|/badges/\S{0,200}?pipeline\.svg"
    r"|shields\.io/(?:github/)?(?:actions/)?(?:workflow/status|checks-status|check-runs|travis"
    r"|circleci|appveyor|build|github/actions)"
    r"|api\.netlify\.com/api/v1/badges/\S{0,80}?deploy-status",
    re.IGNORECASE,
)
_CI_TEXT = re.compile(
    r"\A(?:build(?: status)?|ci(?: status)?|ci badge|tests?|lint(?: badge)?)\Z", re.I
)


def check(ctx: Context) -> Iterator[Violation]:
    document = ctx.document
    refs = references(document) if "]:" in document.text else {}
    code = document.structure.code_lines
    items = _item_lines(document)
    for n in range(document.line_count):
        line = document.line(n)
        if n in code or n in items or ("![" not in line and "<img" not in line.lower()):
            continue
        for badge in badges_of_line(document, n, refs):
            if not _is_ci(badge):
                continue
            start, end = badge.start, badge.end
            line_start, line_end = document.line_starts[n], document.line_ends[n]
            if not (document.text[line_start:start] + document.text[end:line_end]).strip():
                # The badge is the whole line: the line goes (its newline too, if it has one).
                last = n + 1 >= document.line_count
                start, end = line_start, line_end if last else document.line_starts[n + 1]
            elif start > line_start and document.text[start - 1] == " ":
                start -= 1
            yield Violation(
                badge.start,
                badge.end,
                "A CI badge in the README: the build status belongs to the repository page",
                fix=Fix.unsafe("Remove the CI badge", Edit.delete(start, end)),
            )


def _item_lines(document: Document) -> set[int]:
    """Lines of list items: a listed project's own CI badge describes that project."""
    lines: set[int] = set()
    for item in document.structure.items:
        if item.depth == 0:
            lines.update(range(item.line, item.end_line))
    return lines


def _is_ci(badge: Badge) -> bool:
    if _CI_SOURCE.search(badge.src):
        return True
    return any(_CI_TEXT.match(text.strip()) for text in (badge.alt, badge.title) if text)
