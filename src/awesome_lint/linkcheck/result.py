"""What a url answered: the link checker's result type, shared by its cache, client and config."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

State = Literal["ok", "moved", "dead", "unknown"]

NOT_CHECKED = "not checked: the run's time limit was reached"


@dataclass(frozen=True, slots=True)
class LinkResult:
    """What a url answered. ``moved_to`` is set when it moved permanently (301/308)."""

    url: str
    state: State
    status: int | None = None
    reason: str = ""
    moved_to: str | None = None
    checked_at: float = 0.0
