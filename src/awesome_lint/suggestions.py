""" "Did you mean …?" for a mistyped flag, rule code or rule name."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from typing import Any

_LOOKALIKE = str.maketrans("oil", "011")
_INVALID_CHOICE = re.compile(r"argument ([^:]+): invalid choice: '([^']*)'")


def closest(word: str, candidates: Iterable[str]) -> str | None:
    """The candidate nearest to ``word`` (case folded), if one is near enough."""
    by_folded = {c.casefold(): c for c in candidates}
    folded = word.casefold()
    found = difflib.get_close_matches(folded, by_folded, n=5, cutoff=0.6)
    if not found:
        return None

    def score(c: str) -> tuple[float, float]:  # ties go to a look-alike: O for 0, l for 1
        lookalike = folded.translate(_LOOKALIKE), c.translate(_LOOKALIKE)
        return (
            difflib.SequenceMatcher(None, folded, c).ratio(),
            difflib.SequenceMatcher(None, *lookalike).ratio(),
        )

    return by_folded[max(found, key=score)]


def did_you_mean(word: str, candidates: Iterable[str]) -> str:
    """`` (did you mean 'x'?)`` for the nearest candidate, or ''."""
    match = closest(word, candidates)
    return f" (did you mean {match!r}?)" if match else ""


def choice_hint(message: str, actions: Mapping[str, Any]) -> str:
    """For argparse's "invalid choice" message, the choice a mistyped one was likely meant as."""
    match = _INVALID_CHOICE.match(message)
    if match is None:
        return ""
    names = [name for name in match.group(1).split("/") if name in actions]
    choices = actions[names[0]].choices if names else None
    return did_you_mean(match.group(2), [str(c) for c in choices or ()])
