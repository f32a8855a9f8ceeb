"""OpenReview's API (version 2): ``/notes?id={forum}`` and its JSON answer read.

The answer is ``{"notes": [{"id": ..., "forum": ..., "content": {...}, "pdate": ..., ...}]}``.
In API 2 each content field is ``{"value": ...}`` (in API 1, which old forums still answer,
it is the value itself; both are read): ``title``, ``authors`` (a list of names), ``venue``
(``"ICLR 2024 poster"``, ``"Submitted to ICLR 2024"``, ``"NeurIPS 2023 Withdrawn"``), ``venueid``
(``"ICLR.cc/2024/Conference"``) and ``keywords``. ``pdate`` is the publication date in
milliseconds since 1970, ``cdate`` the creation date. A forum the API does not know is an empty
list (or a 404, or a 403 for a forum it will not show).

Only an accepted paper has a venue: a submission under review, a withdrawn or a rejected one is
read as a preprint (no venue), so ``add`` never files a rejected paper under a conference.
"""

from __future__ import annotations

import json
import re
from datetime import datetime, timezone
from typing import Any
from urllib.parse import quote

from awesome_lint.sources.record import Record, SourceError
from awesome_lint.sources.venues import short_venue

DEFAULT_BASE = "https://api2.openreview.net"

# The venue texts of papers that were not accepted (or not yet).
_NOT_ACCEPTED = re.compile(
    r"\b(?:submitted|submission|withdrawn|rejected|desk[ -]rejected|under review|blind)\b", re.I
)
_VENUE_YEAR = re.compile(r"/((?:19|20)\d\d)(?:/|$)")  # "ICLR.cc/2024/Conference"
_FORUM_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")


def notes_url(base: str, forum: str) -> str:
    return f"{base.rstrip('/')}/notes?id={quote(forum, safe='')}"


def forum_id(text: str) -> str | None:
    """The forum id an OpenReview id or url names, None when it names none."""
    from urllib.parse import parse_qs, urlsplit

    if _FORUM_ID.fullmatch(text):
        return text
    url = text if "://" in text else f"https://{text}"
    parts = urlsplit(url)
    if (parts.hostname or "").lower().removeprefix("www.") != "openreview.net":
        return None
    if parts.path.rstrip("/") not in ("/forum", "/pdf"):
        return None
    ids = parse_qs(parts.query).get("id")
    if not ids or not _FORUM_ID.fullmatch(ids[0]):
        return None
    return ids[0]


def parse_notes(text: str, forum: str) -> Record | None:
    """The forum's record; None when the answer has no note."""
    try:
        data = json.loads(text)
    except ValueError:
        raise SourceError(f"OpenReview answered forum {forum} with malformed JSON") from None
    notes = data.get("notes") if isinstance(data, dict) else None
    if not isinstance(notes, list):
        raise SourceError(f"OpenReview answered forum {forum} with no notes")
    note = next((n for n in notes if isinstance(n, dict)), None)
    if note is None:
        return None
    content = note.get("content")
    if not isinstance(content, dict):
        raise SourceError(f"OpenReview has no content for forum {forum}")
    title = " ".join(_string(content.get("title")).split())
    if not title:
        raise SourceError(f"OpenReview has no title for forum {forum}")
    authors = tuple(" ".join(a.split()) for a in _strings(content.get("authors")) if a.strip())
    venue_text = " ".join(_string(content.get("venue")).split())
    year = _year(note, _string(content.get("venueid")))
    venue = None
    if venue_text and not _NOT_ACCEPTED.search(venue_text):
        venue = short_venue(venue_text, year)
    identifier = str(note.get("forum") or note.get("id") or forum)
    return Record(
        title=title,
        authors=authors,
        year=year,
        venue=venue,
        url=f"https://openreview.net/forum?id={identifier}",
        subjects=tuple(_strings(content.get("keywords"))),
    )


def _value(field: Any) -> Any:
    return field.get("value") if isinstance(field, dict) else field


def _string(field: Any) -> str:
    value = _value(field)
    return value if isinstance(value, str) else ""


def _strings(field: Any) -> list[str]:
    value = _value(field)
    if not isinstance(value, list):
        return []
    return [v for v in value if isinstance(v, str)]


def _year(note: dict[str, Any], venueid: str) -> int | None:
    match = _VENUE_YEAR.search(venueid)
    if match is not None:
        return int(match.group(1))
    for key in ("pdate", "odate", "cdate", "tcdate"):
        stamp = note.get(key)
        if isinstance(stamp, (int, float)) and not isinstance(stamp, bool) and stamp > 0:
            try:
                return datetime.fromtimestamp(stamp / 1000, tz=timezone.utc).year
            except (OverflowError, OSError, ValueError):
                continue
    return None
