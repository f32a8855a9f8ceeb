"""Longest ordered runs: which items of a sequence are in order, and which are out of place.

Plain functions, used by the contents check (AL505) and the item-order check (AL204).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from _typeshed import SupportsRichComparisonT as T


def longest_run(values: Sequence[T], *, strict: bool = True) -> set[int]:
    """Positions of a longest increasing (``strict``) or non-decreasing run of ``values``.

    Patience sorting, n log n: ``tails[k]`` is the position ending the best run of length
    k + 1 found so far; each position remembers the one before it in its run.
    """
    find = bisect.bisect_left if strict else bisect.bisect_right
    tails: list[int] = []
    ends: list[T] = []  # the value at each tail
    previous = [-1] * len(values)
    for position, value in enumerate(values):
        k = find(ends, value)
        if k:
            previous[position] = tails[k - 1]
        if k == len(tails):
            tails.append(position)
            ends.append(value)
        else:
            tails[k] = position
            ends[k] = value
    kept: set[int] = set()
    at = tails[-1] if tails else -1
    while at >= 0:
        kept.add(at)
        at = previous[at]
    return kept
