"""Which files a run lints: file arguments as given, directories searched for lists.

- A file argument is linted as given (``exclude`` does not apply to it, as in ruff).
- A directory argument lints the Markdown files under it (``*.md``, ``*.markdown``) that are
  lists: a ``README*``, or a file with a format block or with at least ``MIN_ENTRIES`` items
  that start with a link, outside code (read from its first ``SNIFF_BYTES``, a line scan, no
  Markdown parse). ``CONTRIBUTING``, ``CHANGELOG``, ``CODE_OF_CONDUCT``, ``LICENSE`` and
  ``SECURITY`` pages are never taken for lists. Inside a git work tree the files are those git
  lists (``git ls-files -co --exclude-standard``: tracked, or untracked and not ignored);
  elsewhere every file, but hidden folders (``.git``, ``.venv``...) are skipped and no
  ``.gitignore`` is read. The config of the directory (or ``--config``) adds ``include`` globs
  (linted even when they do not look like a list) and ``exclude`` globs (never linted).
- No argument: the README of the current folder, or failing that, the repository root's.

Globs are relative to the config file's folder: ``*`` stays within a folder, ``**`` crosses
folders, and a glob without ``/`` matches a file or folder name at any depth.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from awesome_lint.config import Settings
    from awesome_lint.registry import RuleSpec

MARKDOWN = (".md", ".markdown")
MIN_ENTRIES = 5  # items starting with a link: a page of a few links is not a list
SNIFF_BYTES = 256 * 1024
NOT_LISTS = (
    *("contributing", "changelog", "code_of_conduct", "code-of-conduct", "license"),
    *("security", "pull_request_template", "issue_template"),
)

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_FORMAT = re.compile(r"^\s*(?:format|格式)\s*[:：]")
_LINK_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+(?:\S{1,40}\s+)?\[[^\]]+\]\(")


class DiscoveryError(Exception):
    """An argument that names nothing to lint; the message is one line for the user."""


def is_list_name(name: str) -> bool:
    return name.lower().startswith("readme")


def looks_like_a_list(text: str) -> bool:
    """A format block, or ``MIN_ENTRIES`` items that start with a link, outside code."""
    fence: str | None = None
    first_in_fence = False
    entries = 0
    for line in text.splitlines():
        opening = _FENCE.match(line)
        if fence is not None:
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = None
            elif first_in_fence and line.strip():
                if _FORMAT.match(line):
                    return True
                first_in_fence = False
            continue
        if opening:
            fence, first_in_fence = opening.group(1), True
        elif _LINK_ITEM.match(line):
            entries += 1
            if entries >= MIN_ENTRIES:
                return True
    return False


def is_list(path: Path) -> bool:
    name = path.name.lower()
    if not name.endswith(MARKDOWN) or name.startswith(NOT_LISTS):
        return False
    if is_list_name(name):
        return True
    try:
        with path.open("rb") as f:
            head = f.read(SNIFF_BYTES)
    except OSError:
        return False
    return looks_like_a_list(head.decode("utf-8", errors="replace"))


@lru_cache(maxsize=256)
def _glob(pattern: str) -> re.Pattern[str]:
    parts = []
    i = 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            parts.append("(?:.*/)?")
            i += 3
        elif pattern.startswith("**", i):
            parts.append(".*")
            i += 2
        elif pattern[i] == "*":
            parts.append("[^/]*")
            i += 1
        elif pattern[i] == "?":
            parts.append("[^/]")
            i += 1
        else:
            parts.append(re.escape(pattern[i]))
            i += 1
    return re.compile("".join(parts) + r"\Z")


def matches(pattern: str, relative: str) -> bool:
    """Whether ``relative`` (a posix path from the config's folder) or a folder of it matches."""
    pattern = pattern.strip("/")
    path = PurePosixPath(relative)
    if not pattern:
        return False
    if "/" not in pattern:
        return any(_glob(pattern).match(part) for part in path.parts)
    compiled = _glob(pattern)
    prefixes = [str(PurePosixPath(*path.parts[:n])) for n in range(1, len(path.parts) + 1)]
    return any(compiled.match(p) for p in prefixes)


def relative_to_config(path: Path, config: Path | None) -> str | None:
    """``path`` as a posix path from the config file's folder; None if outside it."""
    base = config.parent if config is not None else Path.cwd()
    try:
        return path.resolve().relative_to(base.resolve()).as_posix()
    except (ValueError, OSError, RuntimeError):
        return None


def selected(
    path: Path, include: Sequence[str], exclude: Sequence[str], config: Path | None
) -> bool:
    """Whether a file found under a directory argument is linted."""
    relative = relative_to_config(path, config)
    if relative is not None and any(matches(p, relative) for p in exclude):
        return False
    if relative is not None and any(matches(p, relative) for p in include):
        return path.name.lower().endswith(MARKDOWN)
    return is_list(path)


def _git_files(folder: Path) -> list[Path] | None:
    """The files git lists under ``folder`` (tracked, or untracked and not ignored); None
    when ``folder`` is not in a git work tree or git is missing."""
    import subprocess

    try:
        done = subprocess.run(
            ["git", "-C", str(folder), "ls-files", "-co", "--exclude-standard", "-z", "--", "."],
            capture_output=True,
            check=False,
        )
    except OSError:
        return None
    if done.returncode != 0:
        return None
    names = done.stdout.decode("utf-8", errors="surrogateescape").split("\0")
    return sorted({folder / name for name in names if name})


def _walk(folder: Path) -> Iterator[Path]:
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            yield Path(root) / name


def markdown_under(folder: Path) -> list[Path]:
    found = _git_files(folder)
    candidates: Iterable[Path] = found if found is not None else _walk(folder)
    return [p for p in candidates if p.name.lower().endswith(MARKDOWN) and p.is_file()]


def readme_in(folder: Path) -> Path | None:
    try:
        names = sorted(p.name for p in folder.iterdir() if p.is_file())
    except OSError:
        return None
    for name in ("README.md", *(n for n in names if n.lower().startswith("readme."))):
        if name in names and name.lower().endswith(MARKDOWN):
            return folder / name
    return None


def default_file(cwd: Path) -> Path:
    """The README of ``cwd``, else of the repository root; ``README.md`` when neither has one."""
    found = readme_in(cwd)
    if found is not None:
        return Path(found.name)
    import subprocess

    try:
        top = subprocess.run(
            ["git", "-C", str(cwd), "rev-parse", "--show-toplevel"],
            capture_output=True,
            text=True,
            check=False,
        )
    except OSError:
        return Path("README.md")
    if top.returncode == 0 and top.stdout.strip():
        at_root = readme_in(Path(top.stdout.strip()))
        if at_root is not None:
            return at_root
    return Path("README.md")


def collect(
    arguments: Sequence[str], settings_of: Callable[[Path], Settings]
) -> tuple[list[Path], list[str]]:
    """The files to lint, in order, each once; and a message per directory with no list."""
    if not arguments:
        return [default_file(Path.cwd())], []
    files: dict[Path, None] = {}
    problems = []
    for argument in arguments:
        path = Path(argument)
        if not _is_dir(path):
            files.setdefault(path, None)
            continue
        settings = settings_of(path)
        found = [
            p
            for p in markdown_under(path)
            if selected(p, settings.include, settings.exclude, settings.source)
        ]
        if not found:
            problems.append(
                f"{argument}: is a directory with no list in it (a README, or a Markdown file "
                "with a format block or entries)"
            )
        for p in found:
            files.setdefault(p, None)
    return list(files), problems


def rules_for(path: Path, settings: Settings, rules: Sequence[RuleSpec]) -> list[RuleSpec]:
    """``rules`` without those that ``per-file-ignores`` turns off for ``path``."""
    ignored = ignored_here(path, settings)
    return [r for r in rules if not any(c == "ALL" or r.code.startswith(c) for c in ignored)]


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError:  # a name too long, say: the reader says so for the file
        return False


def ignored_here(path: Path, settings: Settings) -> tuple[str, ...]:
    """The ``per-file-ignores`` selectors whose glob matches ``path``."""
    if not settings.per_file_ignores:
        return ()
    relative = relative_to_config(path, settings.source)
    if relative is None:
        return ()
    return tuple(
        code
        for glob, codes in settings.per_file_ignores
        if matches(glob, relative)
        for code in codes
    )
