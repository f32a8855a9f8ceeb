"""AL502 missing-file: a relative link or image to a file that does not exist beside the list.

Relative links (``./overview.png``, ``README_TU.md``, ``docs/guide.md#setup``) are resolved
against the folder of the linted file, and ``/path`` against the repository root (the
nearest folder holding ``.git``). A fragment into another Markdown file is checked against
that file's headings and anchors. Urls with a scheme (``https:``, ``mailto:``) are never
followed, and links that climb out of the repository (``../../issues``, a GitHub idiom) are
left alone. A link that stays inside by its name but leads outside through a symlink
committed into the repository is reported as leaving it, without saying whether its target
exists, and no file outside is ever read: a pull request must not learn what the machine
that checks it holds.

Why: a missing image shows as a broken icon, a missing page as GitHub's 404.

Okay:  ![overview](./overview.png) when overview.png is beside the list
AL502: ![overview](./overview.png) when it is not
"""

from __future__ import annotations

import errno
import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

from awesome_lint.context import Context
from awesome_lint.diagnostics import Violation
from awesome_lint.model.anchors import Anchors, document_anchors
from awesome_lint.model.document import DecodeError, Document

_MARKDOWN = (".md", ".markdown", ".mdown", ".mkd")


def check(ctx: Context) -> Iterator[Violation]:
    if ctx.document.path.startswith("<"):
        return  # text that is not a file has no folder to resolve against
    folder = Path(ctx.document.path).resolve().parent
    root = _repository_root(folder)
    real_root = Path(os.path.realpath(root))
    other_anchors: dict[Path, Anchors | None] = {}
    for target in ctx.local_links:
        url = target.url
        if not url or url.startswith(("#", "\\")):  # external urls are not local_links
            continue
        path_part, _, fragment = url.partition("#")
        path_part = path_part.split("?", 1)[0]
        if not path_part:
            continue
        relative = unquote(path_part)
        base = root if relative.startswith("/") else folder
        resolved = Path(os.path.normpath(base / relative.lstrip("/")))
        if not resolved.is_relative_to(root):
            continue
        if not _inside(resolved, real_root):
            yield Violation(
                target.start,
                target.end,
                f'"{path_part}" leads outside the repository through a symlink',
            )
            continue
        exists = _exists(resolved)
        if exists is None:
            continue
        if not exists:
            where = "the repository root" if base is root and root != folder else "the list"
            yield Violation(
                target.start, target.end, f'No file "{path_part}" (relative to {where})'
            )
            continue
        if not fragment or resolved.suffix.lower() not in _MARKDOWN or not resolved.is_file():
            continue
        if resolved not in other_anchors:
            other_anchors[resolved] = _anchors_of(resolved)
        anchors = other_anchors[resolved]
        if anchors is not None and fragment not in anchors:
            start = target.start + len(url) - len(fragment) - 1
            yield Violation(
                start, target.end, f'"{path_part}" has no heading or anchor "#{fragment}"'
            )


def _repository_root(folder: Path) -> Path:
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return folder


def _inside(path: Path, real_root: Path) -> bool:
    """Whether ``path``, every symlink on it followed, is still under ``real_root``."""
    try:
        return Path(os.path.realpath(path)).is_relative_to(real_root)
    except (OSError, ValueError):  # a NUL byte, a name too long: no file, nothing followed
        return True


def _exists(path: Path) -> bool | None:
    """Whether ``path`` exists; None when the system cannot tell (a folder we may not read)."""
    try:
        return path.exists()
    except OSError as error:
        # A name longer than the file system allows names no file (found by fuzzing).
        return False if error.errno == errno.ENAMETOOLONG else None


def _anchors_of(path: Path) -> Anchors | None:
    try:
        return document_anchors(Document.from_bytes(path.read_bytes(), path=str(path)))
    except (OSError, DecodeError):
        return None
