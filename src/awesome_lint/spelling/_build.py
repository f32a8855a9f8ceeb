"""Rebuild ``data/words.txt`` from SCOWL (Spell Checker Oriented Word Lists).

Maintainers only; the linter never runs this. On Debian, ``apt-get install scowl`` puts the
lists under ``/usr/share/dict/scowl``. Then::

    python -m awesome_lint.spelling._build /usr/share/dict/scowl

The output keeps SCOWL's American, British (-ise and -ize), Canadian and common variant
spellings up to size 70, lower-cased, without possessives, in three frequency tiers (one
``=N`` line opens each tier, words sorted inside it). The speller prefers suggestions from
lower tiers. The licence of the lists is in ``data/LICENSE-wordlist.txt``.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

SPELLINGS = ("english", "american", "british", "british_z", "canadian", "variant_1")
CATEGORIES = ("words", "upper", "proper-names", "contractions", "abbreviations")
EXTRA_FILES = ("special-hacker",)
TIERS: tuple[tuple[int, ...], ...] = ((10, 20, 35), (40, 50), (55, 60, 70))
WORD = re.compile(r"[a-z][a-z']*[a-z]")
HEADER = (
    "# Modified version of SCOWL 2020.12.07 for awesome-lint: licence in LICENSE-wordlist.txt.\n"
    "# Built by awesome_lint.spelling._build from SCOWL sizes 10-70: American, British,\n"
    "# British -ize, Canadian and variant-1 spellings; lower-cased; possessives dropped.\n"
    "# Each '=N' line opens frequency tier N (0 = most common); words sorted within a tier.\n"
)


def scowl_files(root: Path, sizes: Iterable[int]) -> Iterator[Path]:
    """Yield the SCOWL list files of the given sizes that exist under ``root``."""
    for size in sizes:
        for spelling in SPELLINGS:
            for category in CATEGORIES:
                path = root / f"{spelling}-{category}.{size}"
                if path.exists():
                    yield path
        for name in EXTRA_FILES:
            path = root / f"{name}.{size}"
            if path.exists():
                yield path


def read_words(paths: Iterable[Path]) -> set[str]:
    """Lower-cased ASCII words from SCOWL files, possessives and odd entries left out."""
    words: set[str] = set()
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            word = line.strip().lower()
            if word.endswith("'s") or not WORD.fullmatch(word):
                continue
            words.add(word)
    return words


def build(root: Path) -> str:
    """Return the text of ``words.txt`` built from the SCOWL lists under ``root``."""
    seen: set[str] = set()
    chunks = [HEADER]
    for number, sizes in enumerate(TIERS):
        tier = read_words(scowl_files(root, sizes)) - seen
        seen |= tier
        chunks.append(f"={number}\n")
        chunks.extend(f"{word}\n" for word in sorted(tier))
    return "".join(chunks)


def main(argv: Sequence[str] | None = None) -> int:
    """Write ``data/words.txt`` next to this module; return the process exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("scowl_dir", type=Path, help="folder with SCOWL's final lists")
    parser.add_argument(
        "--output",
        type=Path,
        default=Path(__file__).with_name("data") / "words.txt",
        help="where to write the list (default: the packaged words.txt)",
    )
    args = parser.parse_args(argv)
    args.output.write_text(build(args.scowl_dir), encoding="utf-8", newline="\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
