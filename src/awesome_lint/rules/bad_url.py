"""AL108 bad-url: a malformed url in an entry.

Finds urls with a misspelt scheme (``htps://``, ``http//``), no scheme (``www.x.org``,
``github.com/x``), spaces, or a full-width character such as ``）`` inside. Relative links to
files (``./overview.png``) and anchors (``#papers``) are fine.

The fix is safe where it is unambiguous: a scheme typo, a missing ``https://`` before ``www.``,
spaces around the url, or a full-width mark at its end.

Why: a broken url is a dead link on the rendered page, and it is the only link to the paper.

Okay:  - [Title](https://arxiv.org/abs/2304.06767)
AL108: - [Title](htps://arxiv.org/abs/2304.06767)
AL108: - [Title](https://arxiv.org/abs/2304.06767）
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from awesome_lint.context import Context
from awesome_lint.diagnostics import Edit, Fix, Violation
from awesome_lint.model.links import Link

_SCHEME_TYPO = re.compile(r"^(h+t+p+s?|t+p+s?|h+t+s)(?::/*|/+)", re.IGNORECASE)
_GOOD_SCHEME = re.compile(r"^(?:https?|ftp)://[^/\s]", re.IGNORECASE)
_BARE_DOMAIN = re.compile(
    r"^(?:www\.|[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|io|ai|cn|edu|gov|dev|co|me|info|app|site)(?:/|$))",
    re.IGNORECASE,
)
# A link title after the url: ``[x](https://x.org "The title")`` (CommonMark), not a space in it.
_TITLED = re.compile(r"\A\S+\s+(?:\"[^\"]*\"|'[^']*'|\([^()]*\))\Z")
_SPACE = re.compile(r"\s")  # the same characters as str.isspace()
_FULL_WIDTH = re.compile(r"[（）［］【】，；：。、「」《》　]")


def check(ctx: Context) -> Iterator[Violation]:
    for entry in ctx.entries:
        links = list(entry.links)
        for field in entry.fields:
            links.extend(field.links)
        for link in links:
            violation = _check_url(link)
            if violation is not None:
                yield violation


def _check_url(link: Link) -> Violation | None:
    raw = link.url
    url = raw.strip()
    if link.full_width_close:
        return Violation(
            link.url_end,
            link.url_end + 1,
            "Link is closed by a full-width '）'; Markdown needs ')'",
            Fix.safe("Write ')'", Edit(link.url_end, link.url_end + 1, ")")),
        )
    if not url or url.startswith(("#", "<")):
        return None
    if url != raw:
        lead = len(raw) - len(raw.lstrip())
        if " " not in url and "\t" not in url:
            return Violation(
                link.url_start,
                link.url_end,
                "Url has spaces around it",
                Fix.safe(
                    "Remove the spaces",
                    Edit(link.url_start, link.url_start + lead, ""),
                    Edit(link.url_start + lead + len(url), link.url_end, ""),
                ),
            )
    wide = None if url.isascii() else _FULL_WIDTH.search(url)  # the marks are not ASCII
    if wide is not None:
        at = link.url_start + (len(raw) - len(raw.lstrip())) + wide.start()
        fix = None
        if wide.end() == len(url):
            fix = Fix.safe(f'Remove the trailing "{wide.group()}"', Edit(at, at + 1, ""))
        return Violation(at, at + 1, f'Url contains the full-width character "{wide.group()}"', fix)
    if _SPACE.search(url) and not _TITLED.match(url):
        return Violation(link.url_start, link.url_end, "Url contains a space")
    if _GOOD_SCHEME.match(url):
        return None
    typo = _SCHEME_TYPO.match(url)
    if typo is not None and url[typo.end() :]:
        wanted = "https://" if "s" in typo.group(1).lower() else "http://"
        return Violation(
            link.url_start,
            link.url_start + typo.end(),
            f'Url scheme "{typo.group()}" should be "{wanted}"',
            Fix.safe(
                f'Write "{wanted}"', Edit(link.url_start, link.url_start + typo.end(), wanted)
            ),
        )
    if _BARE_DOMAIN.match(url):
        return Violation(
            link.url_start,
            link.url_end,
            "Url has no scheme; without 'https://' it is read as a relative file path",
            Fix.safe("Add 'https://'", Edit.insert(link.url_start, "https://")),
        )
    return None
