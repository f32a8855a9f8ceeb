"""What a user names (``2305.18290``, ``arxiv.org/pdf/2305.18290v2``, ``10.1145/...``) → records."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from awesome_lint.config import SourcesSettings
from awesome_lint.model.urls import arxiv_id
from awesome_lint.sources import arxiv, crossref, openreview
from awesome_lint.sources.client import PacedClient
from awesome_lint.sources.record import Record, SourceError

_ARXIV = re.compile(r"^(?:arxiv:)?(\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?/\d{7})(?:v\d+)?$", re.I)
_DOI = re.compile(r"^(?:doi:\s*|(?:https?://)?(?:dx\.)?doi\.org/)?(10\.\d{4,9}/\S+)$", re.I)


class Wanted(NamedTuple):
    kind: str  # "arxiv", "doi" or "openreview"
    key: str  # the id without version, the DOI, or the OpenReview forum id


def parse_source(text: str) -> Wanted:
    text = text.strip()
    match = _ARXIV.match(text)
    if match is not None:
        return Wanted("arxiv", match.group(1))
    if "arxiv.org" in text.lower():
        url = text if "://" in text else f"https://{text}"
        found = arxiv_id(url)
        if found is not None:
            return Wanted("arxiv", found)
    match = _DOI.match(text)
    if match is not None:
        return Wanted("doi", match.group(1).rstrip("."))
    if "openreview.net" in text.lower():
        forum = openreview.forum_id(text)
        if forum is None:
            raise SourceError(f"{text}: not an OpenReview forum url (openreview.net/forum?id=...)")
        return Wanted("openreview", forum)
    raise SourceError(
        f"{text!r} is not an arXiv id, an arXiv url, a DOI or an OpenReview forum url"
    )


def fetch_arxiv(
    client: PacedClient, settings: SourcesSettings, ids: Sequence[str]
) -> dict[str, Record]:
    """The records of ``ids``, asked in batches of 50 (ids the API does not know are absent)."""
    found: dict[str, Record] = {}
    unique = list(dict.fromkeys(ids))
    for start in range(0, len(unique), 50):
        batch = unique[start : start + 50]
        answer = client.get(arxiv.query_url(settings.arxiv, batch), what=f"arXiv {batch[0]}")
        if answer.status == 400:
            raise SourceError(f"arXiv refused the id {batch[0]}")
        if answer.status != 200:
            raise SourceError(f"arXiv answered {answer.status} for {batch[0]}")
        found.update(arxiv.parse_feed(answer.text))
    return found


def fetch_doi(client: PacedClient, settings: SourcesSettings, doi: str) -> Record | None:
    """The record of ``doi``, None when Crossref does not know it."""
    answer = client.get(crossref.work_url(settings.crossref, doi), what=f"DOI {doi}")
    if answer.status == 404:
        return None
    if answer.status != 200:
        raise SourceError(f"Crossref answered {answer.status} for DOI {doi}")
    return crossref.parse_work(answer.text, doi)


def fetch_openreview(client: PacedClient, settings: SourcesSettings, forum: str) -> Record | None:
    """The record of an OpenReview ``forum``, None when OpenReview does not know or show it."""
    answer = client.get(openreview.notes_url(settings.openreview, forum), what=f"forum {forum}")
    if answer.status in (403, 404):
        return None
    if answer.status != 200:
        raise SourceError(f"OpenReview answered {answer.status} for forum {forum}")
    return openreview.parse_notes(answer.text, forum)


def fetch(wanted: Wanted, settings: SourcesSettings) -> Record:
    with PacedClient(interval=settings.interval, retries=settings.retries) as client:
        if wanted.kind == "arxiv":
            record = fetch_arxiv(client, settings, [wanted.key]).get(wanted.key)
            if record is None:
                raise SourceError(f"arXiv does not know the id {wanted.key}")
            return record
        if wanted.kind == "openreview":
            forum = fetch_openreview(client, settings, wanted.key)
            if forum is None:
                raise SourceError(f"OpenReview does not know the forum {wanted.key}")
            return forum
        found = fetch_doi(client, settings, wanted.key)
        if found is None:
            raise SourceError(f"Crossref does not know the DOI {wanted.key}")
        return found
