"""A venue's short name and year (``NeurIPS 2023``) from what a record writes about it.

Records name venues at length (``Advances in Neural Information Processing Systems``, an arXiv
comment ``Accepted at ICLR 2024``); lists head their sections with the short name. Only the
names below are shortened; any other venue is kept as the record writes it.
"""

from __future__ import annotations

import re

_LONG = (
    ("NeurIPS", r"neural information processing systems|\bneurips\b|\bnips\b"),
    ("ICML", r"international conference on machine learning|\bicml\b"),
    ("ICLR", r"international conference on learning representations|\biclr\b"),
    ("CVPR", r"computer vision and pattern recognition|\bcvpr\b"),
    ("ICCV", r"international conference on computer vision|\biccv\b"),
    ("ECCV", r"european conference on computer vision|\beccv\b"),
    ("AAAI", r"\baaai\b"),
    ("IJCAI", r"\bijcai\b"),
    ("ACL", r"association for computational linguistics(?! *[:,]? *(?:human|north))|\bacl\b"),
    ("EMNLP", r"empirical methods in natural language processing|\bemnlp\b"),
    ("NAACL", r"north american chapter|\bnaacl\b"),
    ("CoRL", r"conference on robot learning|\bcorl\b"),
    ("ICRA", r"international conference on robotics and automation|\bicra\b"),
    ("IROS", r"intelligent robots and systems|\biros\b"),
    ("RSS", r"robotics: science and systems|\brss\b"),
    ("AAMAS", r"autonomous agents and multi-?agent systems|\baamas\b"),
    ("TMLR", r"transactions on machine learning research|\btmlr\b"),
    ("JMLR", r"journal of machine learning research|\bjmlr\b"),
)
_PATTERNS = [(short, re.compile(pattern, re.IGNORECASE)) for short, pattern in _LONG]
_YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)|['’](\d\d)\b")
_WORKSHOP = re.compile(r"\bworkshops?\b", re.IGNORECASE)


def short_venue(text: str, year: int | None = None) -> str | None:
    """``NeurIPS 2023`` for a text naming a known venue (the year from the text, else ``year``).

    None when the text names no known venue, or is a workshop's (which precedes the paper's
    real venue).
    """
    if _WORKSHOP.search(text):
        return None
    for short, pattern in _PATTERNS:
        match = pattern.search(text)
        if match is None:
            continue
        found = _YEAR.search(text, match.start()) or _YEAR.search(text)
        if found is not None:
            year = int(found.group(1)) if found.group(1) else 2000 + int(found.group(2))
        return f"{short} {year}" if year else short
    return None
