"""How many links a run could not check, and why: said after the run, never hidden.

A run whose links got no answer from any host (offline, a firewalled runner) must not say
"All checks passed!": the CLI prints ``tally.message()`` on stderr, the summary says how many
links were not checked, and a run where no link could be checked exits 2.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from awesome_lint.linkcheck.result import LinkResult, not_checked


class LinkTally(NamedTuple):
    asked: int  # distinct urls (without fragments) the run looked up
    unchecked: Counter[str]  # why -> how many urls

    @property
    def not_checked(self) -> int:
        return sum(self.unchecked.values())

    @property
    def nothing_checked(self) -> bool:
        return self.asked > 0 and self.not_checked == self.asked

    def message(self) -> str | None:
        """``12 links not checked: no answer from any host (offline?)``, or None."""
        if not self.unchecked:
            return None
        parts = [f"{why} ({n})" if len(self.unchecked) > 1 else why for why, n in self.ranked()]
        total = self.not_checked
        counted = f"{total} of {self.asked}" if total < self.asked else str(total)
        plural = "" if self.asked == 1 else "s"  # "1 link", "1 of 3 links", "2 links"
        return f"{counted} link{plural} not checked: {'; '.join(parts)}"

    def ranked(self) -> list[tuple[str, int]]:
        return sorted(self.unchecked.items(), key=lambda item: (-item[1], item[0]))


def tally(memos: Iterable[Mapping[str, LinkResult]]) -> LinkTally:
    """The tally of every url in the runs' memos (one per config file), each url once."""
    results: dict[str, LinkResult] = {}
    for memo in memos:
        results.update(memo)
    reasons = Counter(why for why in map(not_checked, results.values()) if why is not None)
    return LinkTally(len(results), reasons)
