"""``python -m awesome_lint`` and the ``awesome-lint`` console script."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    import gc

    # A lint allocates millions of small objects and makes no reference cycles (measured: none
    # left per lint); at the default thresholds the cyclic collector walks them all again and
    # again, 6-10% of a big list's run. Collections still happen, a hundred times less often.
    gc.set_threshold(100_000, 50, 100)
    from awesome_lint.cli import run

    return run(argv)


if __name__ == "__main__":
    sys.exit(main())
