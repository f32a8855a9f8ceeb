"""The files beside a list that the document rules look for: contributing guides, licences.

A list's repository files sit in its folder, or in that folder's ``.github/``, ``docs/`` or
``doc/`` (GitHub shows a ``.github/CONTRIBUTING.md`` as the repository's guide). A list
inside ``docs/`` or ``.github/`` is also looked up one folder higher. Names are matched by
their start, in any case (``CONTRIBUTING.md``, ``contributing.md``, ``contribution_guidelines.md``).
"""

from __future__ import annotations

from pathlib import Path

_SUBFOLDERS = ("", ".github", "docs", "doc")


def find_file(list_path: str, prefixes: tuple[str, ...]) -> Path | None:
    """The first file beside the list whose lower-cased name starts with one of ``prefixes``.

    None when there is none, and for text that is not a file (``<stdin>``).
    """
    if list_path.startswith("<"):
        return None
    folder = Path(list_path).resolve().parent
    folders = [folder]
    if folder.name.lower() in (".github", "docs", "doc"):
        folders.append(folder.parent)
    for base in folders:
        for sub in _SUBFOLDERS:
            candidate = base / sub if sub else base
            try:
                names = sorted(p for p in candidate.iterdir() if p.is_file())
            except OSError:
                continue
            for path in names:
                if path.name.lower().startswith(prefixes):
                    return path
    return None
