"""arXiv's export API: the query url for a batch of ids, and its Atom answer read.

The answer is Atom 1.0 (https://info.arxiv.org/help/api/user-manual.html): one ``<entry>`` per
paper with ``<id>http://arxiv.org/abs/2305.18290v2</id>``, ``<title>``, ``<published>``,
``<author><name>`` (affiliations in their own ``<arxiv:affiliation>``, never in the name),
``<category term=...>`` and, when the authors gave them, ``<arxiv:journal_ref>``,
``<arxiv:comment>`` and ``<arxiv:doi>``. An id the API does not know gives no entry; a
malformed one gives an entry whose id is under ``/api/errors``.

The text is parsed with ``xml.etree`` after refusing any DTD: a document type or an entity
declaration (the billion-laughs and external-entity attacks) is not read at all.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from urllib.parse import urlencode

from awesome_lint.sources.record import Record, SourceError
from awesome_lint.sources.venues import short_venue

ATOM = "{http://www.w3.org/2005/Atom}"
ARXIV = "{http://arxiv.org/schemas/atom}"
DEFAULT_BASE = "https://export.arxiv.org/api/query"
_ID = re.compile(r"/abs/([^v\s]+?)(?:v\d+)?$")
_CODE = re.compile(r"https?://(?:www\.)?(?:github\.com|gitlab\.com)/[\w.-]+/[\w.-]+[\w/-]*")
# The arXiv category names a list would use as keywords (https://arxiv.org/category_taxonomy).
CATEGORIES = {
    "cs.AI": "Artificial Intelligence",
    "cs.CL": "Computation and Language",
    "cs.CV": "Computer Vision",
    "cs.LG": "Machine Learning",
    "cs.MA": "Multiagent Systems",
    "cs.NE": "Neural and Evolutionary Computing",
    "cs.RO": "Robotics",
    "cs.HC": "Human-Computer Interaction",
    "cs.IR": "Information Retrieval",
    "cs.CR": "Cryptography and Security",
    "cs.SE": "Software Engineering",
    "cs.GT": "Computer Science and Game Theory",
    "stat.ML": "Machine Learning",
    "q-bio.BM": "Biomolecules",
    "q-bio.QM": "Quantitative Methods",
    "eess.SY": "Systems and Control",
    "eess.IV": "Image and Video Processing",
}


def query_url(base: str, ids: Sequence[str]) -> str:
    return f"{base}?{urlencode({'id_list': ','.join(ids), 'max_results': str(len(ids))})}"


def parse_feed(text: str) -> dict[str, Record]:
    """The records of an Atom answer, by arXiv id (without version)."""
    head = text[:4096].lower()
    if "<!doctype" in head or "<!entity" in text.lower():
        raise SourceError("arXiv answered with a document type declaration; not read")
    try:
        root = ET.fromstring(text)
    except ET.ParseError as error:
        raise SourceError(f"arXiv answered with malformed XML ({error})") from None
    if root.tag != f"{ATOM}feed":
        raise SourceError("arXiv answered with something that is not an Atom feed")
    records: dict[str, Record] = {}
    for entry in root.iter(f"{ATOM}entry"):
        raw_id = _text(entry, f"{ATOM}id")
        if "/api/errors" in raw_id:
            raise SourceError(f"arXiv refused the query: {_text(entry, f'{ATOM}summary')}")
        match = _ID.search(raw_id)
        if match is None:
            continue
        paper = match.group(1)
        published = _text(entry, f"{ATOM}published")
        year = int(published[:4]) if published[:4].isdigit() else None
        journal = _text(entry, f"{ARXIV}journal_ref")
        comment = _text(entry, f"{ARXIV}comment")
        venue = short_venue(journal, None) if journal else None
        if venue is None and comment:
            venue = _accepted_venue(comment)
        if venue is None and journal:
            venue = journal
        terms = [c.get("term", "") for c in entry.iter(f"{ATOM}category")]
        subjects = tuple(dict.fromkeys(CATEGORIES[t] for t in terms if t in CATEGORIES))
        code = _CODE.search(comment)
        records[paper] = Record(
            title=_fold(_text(entry, f"{ATOM}title")),
            authors=tuple(_fold(_text(a, f"{ATOM}name")) for a in entry.iter(f"{ATOM}author")),
            year=year,
            venue=venue,
            arxiv=paper,
            doi=_text(entry, f"{ARXIV}doi") or None,
            subjects=subjects,
            code=code.group().rstrip("./") if code else None,
        )
    return records


def _accepted_venue(comment: str) -> str | None:
    """``Accepted at NeurIPS 2023`` in a comment; a bare mention (``see ICML 2022``) is not one."""
    match = re.search(r"\b(?:accepted|published|appear|to appear|camera[- ]ready)\b", comment, re.I)
    if match is None and not re.match(r"^\s*[A-Z][A-Za-z]+\s*['’]?\d{2,4}\b", comment):
        return None
    return short_venue(comment, None)


def _text(element: ET.Element, tag: str) -> str:
    found = element.find(tag)
    return (found.text or "").strip() if found is not None else ""


def _fold(text: str) -> str:
    return " ".join(text.split())
