"""What a url answered: the link checker's result type, shared by its cache, client and config."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

State = Literal["ok", "moved", "dead", "unknown"]

NOT_CHECKED = "not checked: the run's time limit was reached"
OFFLINE = "no answer from any host (offline?)"


@dataclass(frozen=True, slots=True)
class LinkResult:
    """What a url answered. ``moved_to`` is set when it moved permanently (301/308)."""

    url: str
    state: State
    status: int | None = None
    reason: str = ""
    moved_to: str | None = None
    checked_at: float = 0.0


def not_checked(result: LinkResult) -> str | None:
    """Why the url could not be checked (no host answered, the time limit), or None.

    An unknown answer from a host (one that turns link checkers away) was checked: it is
    inconclusive, not missing.
    """
    if result.state != "unknown" or result.status is not None:
        return None
    if result.reason == NOT_CHECKED:
        return "the run's time limit was reached"
    if result.reason.startswith(OFFLINE):
        return OFFLINE
    return result.reason or "no answer"
