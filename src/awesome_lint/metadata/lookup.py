"""The records of a list's papers, for the AL6 rules (only with ``--check-metadata``).

Each entry whose title link is an arXiv paper or a DOI gets the record of arXiv's export API
(ids batched, 50 a request) or of Crossref, asked through the paced client (one connection,
``[tool.awesome-lint.sources] interval`` seconds apart). Records are kept for the run (every
AL6 rule reads the same ones) and, with ``--links-cache PATH``, on disk beside the link cache
for the link checker's ``cache-ttl``. A record that cannot be had (no answer, an id the
service does not know) is None: its entry is not checked, and the run says how many. Without
the run's memo (``MetadataSettings.records``, set by ``--check-metadata`` or by selecting an
AL6 rule) nothing is asked at all.
"""

from __future__ import annotations

import re
import sys
import time

from awesome_lint.context import Context
from awesome_lint.model.entries import Entry
from awesome_lint.model.urls import arxiv_id
from awesome_lint.sources.record import Record, SourceError

_DOI = re.compile(r"(?:doi\.org/|/doi/(?:abs/|full/|pdf/|epdf/)?)(10\.\d{4,9}/[^\s?#]+)", re.I)
BATCH = 50


def entry_key(entry: Entry) -> str | None:
    """``arxiv:ID`` or ``doi:10.x/y`` of the entry's title link, None for other links."""
    if entry.title is None or entry.schema.inferred:
        return None
    url = entry.title.url
    paper = arxiv_id(url)
    if paper is not None:
        return f"arxiv:{paper}"
    match = _DOI.search(url)
    if match is not None:
        return f"doi:{match.group(1).rstrip('.').lower()}"
    return None


def records(ctx: Context) -> dict[str, Record | None]:
    """The record of every entry's key (None: not to be had), fetched once per run."""
    memo = ctx.settings.metadata.records
    if memo is None:
        return {}  # the run did not ask for records (the CLI sets a memo): no network, ever
    keys = list(dict.fromkeys(k for k in (entry_key(e) for e in ctx.entries) if k))
    wanted = [k for k in keys if k not in memo]
    if not wanted:
        return memo
    from awesome_lint.metadata.cache import RecordCache

    settings = ctx.settings
    cache = RecordCache.load(
        settings.metadata.cache_path, settings.check_links.cache_ttl, time.time(), _warn
    )
    missing = []
    for key in wanted:
        if cache.has(key):
            memo[key] = cache.get(key)
        else:
            missing.append(key)
    if missing:
        fetched, answered = _fetch(missing, ctx)
        memo.update(fetched)
        # What the services answered is kept, an unknown id too; no answer is asked again.
        cache.update((k, fetched[k]) for k in answered)
        cache.save()
    return memo


def _fetch(keys: list[str], ctx: Context) -> tuple[dict[str, Record | None], list[str]]:
    """The records of ``keys`` (None: not to be had) and the keys the services answered."""
    from awesome_lint.linkcheck.check import ProgressBar
    from awesome_lint.sources.client import PacedClient
    from awesome_lint.sources.resolve import fetch_arxiv, fetch_doi

    sources = ctx.settings.sources
    found: dict[str, Record | None] = dict.fromkeys(keys)
    answered: list[str] = []
    ids = [k.split(":", 1)[1] for k in keys if k.startswith("arxiv:")]
    dois = [k.split(":", 1)[1] for k in keys if k.startswith("doi:")]
    total, done = len(ids) + len(dois), 0
    progress = ProgressBar(sys.stderr, label="checking records") if sys.stderr.isatty() else None
    with PacedClient(
        interval=sources.interval, retries=sources.retries, timeout=ctx.settings.check_links.timeout
    ) as client:
        for start in range(0, len(ids), BATCH):
            batch = ids[start : start + BATCH]
            try:
                got = fetch_arxiv(client, sources, batch)
            except SourceError:
                got = None
            for paper in batch:
                found[f"arxiv:{paper}"] = got.get(paper) if got is not None else None
                if got is not None:
                    answered.append(f"arxiv:{paper}")
            done += len(batch)
            if progress is not None:
                progress(done, total)
        for doi in dois:
            try:
                found[f"doi:{doi}"] = fetch_doi(client, sources, doi)
                answered.append(f"doi:{doi}")
            except SourceError:
                found[f"doi:{doi}"] = None
            done += 1
            if progress is not None:
                progress(done, total)
    return found, answered


def not_checked(ctx: Context) -> int:
    """How many entries with an arXiv id or a DOI had no record to be checked against."""
    memo = ctx.settings.metadata.records or {}
    keys = [k for k in (entry_key(e) for e in ctx.entries) if k]
    return sum(1 for key in keys if memo.get(key) is None)


def _warn(message: str) -> None:
    sys.stderr.write(f"awesome-lint: warning: {message}\n")
