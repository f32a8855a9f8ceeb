"""``python -m awesome_lint`` and the ``awesome-lint`` console script."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    from awesome_lint.cli import run

    return run(argv)


if __name__ == "__main__":
    sys.exit(main())
