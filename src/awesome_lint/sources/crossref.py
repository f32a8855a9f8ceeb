"""Crossref's REST API: ``/works/{doi}`` and its JSON answer read.

The answer (https://api.crossref.org/swagger-ui/index.html) is
``{"status": "ok", "message": {...}}`` whose message has ``title`` (a list), ``author``
(``given``/``family`` or an organisation's ``name``), ``issued.date-parts``,
``container-title``, ``event.name`` and ``subject``. An unknown DOI is a 404.
"""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import quote

from awesome_lint.sources.record import Record, SourceError
from awesome_lint.sources.venues import short_venue

DEFAULT_BASE = "https://api.crossref.org"


def work_url(base: str, doi: str) -> str:
    return f"{base.rstrip('/')}/works/{quote(doi, safe='/:;()')}"


def parse_work(text: str, doi: str) -> Record:
    try:
        data = json.loads(text)
    except ValueError:
        raise SourceError(f"Crossref answered DOI {doi} with malformed JSON") from None
    message = data.get("message") if isinstance(data, dict) else None
    if not isinstance(message, dict):
        raise SourceError(f"Crossref answered DOI {doi} with no record")
    title = " ".join(_strings(message.get("title"))[:1][0].split()) if message.get("title") else ""
    if not title:
        raise SourceError(f"Crossref has no title for DOI {doi}")
    authors = []
    for person in message.get("author") or []:
        if not isinstance(person, dict):
            continue
        name = " ".join(str(person.get(k, "")).strip() for k in ("given", "family")).strip()
        authors.append(" ".join((name or str(person.get("name", ""))).split()))
    year = _year(message)
    container = _strings(message.get("container-title"))
    event = message.get("event")
    event_name = str(event.get("name", "")) if isinstance(event, dict) else ""
    venue = None
    for text_ in (*container, event_name):
        venue = short_venue(text_, year) if text_ else None
        if venue:
            break
    if venue is None and container:
        venue = container[0]
    return Record(
        title=title,
        authors=tuple(a for a in authors if a),
        year=year,
        venue=venue,
        doi=str(message.get("DOI", doi)),
        url=f"https://doi.org/{message.get('DOI', doi)}",
        subjects=tuple(_strings(message.get("subject"))),
    )


def _strings(value: Any) -> list[str]:
    if not isinstance(value, list):
        return []
    return [" ".join(str(v).split()) for v in value if isinstance(v, str) and v.strip()]


def _year(message: dict[str, Any]) -> int | None:
    for key in ("published-print", "published-online", "issued", "created"):
        part = message.get(key)
        if isinstance(part, dict):
            dates = part.get("date-parts")
            if isinstance(dates, list) and dates and isinstance(dates[0], list) and dates[0]:
                first = dates[0][0]
                if isinstance(first, int):
                    return first
    return None
