"""Two spellings of one link must compare equal, and two different links must not."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from awesome_lint.model.urls import arxiv_id, canonical_url

SAME = [
    ("https://arxiv.org/abs/2305.20081", "https://arxiv.org/pdf/2305.20081"),
    ("https://arxiv.org/abs/2305.20081", "https://arxiv.org/pdf/2305.20081.pdf"),
    ("https://arxiv.org/abs/2305.20081", "https://arxiv.org/pdf/2305.20081v2.pdf"),
    ("https://arxiv.org/abs/2305.20081", "http://www.arxiv.org/abs/2305.20081v3"),
    ("https://arxiv.org/abs/2305.20081", "https://arxiv.org/html/2305.20081v1"),
    ("https://arxiv.org/abs/2305.20081", "https://browse.arxiv.org/abs/2305.20081"),
    ("https://arxiv.org/abs/2305.20081", "https://export.arxiv.org/abs/2305.20081/"),
    ("https://arxiv.org/abs/cs/0112017", "http://arxiv.org/pdf/cs/0112017v1"),
    ("https://github.com/OpenRLHF/OpenRLHF", "https://github.com/openrlhf/openrlhf.git"),
    (
        "https://github.com/kzl/decision-transformer/",
        "http://www.github.com/KZL/Decision-Transformer",
    ),
    ("https://openreview.net/forum?id=abc123", "https://openreview.net/pdf?id=abc123"),
    ("https://example.com/paper/", "http://www.example.com/paper"),
    ("https://example.com:443/paper", "http://example.com:80/paper"),
    ("HTTPS://Example.COM/paper", "https://example.com/paper"),
]

DIFFERENT = [
    ("https://arxiv.org/abs/2305.20081", "https://arxiv.org/abs/2305.20082"),
    ("https://github.com/a/b", "https://github.com/a/c"),
    ("https://github.com/a/b/tree/main/Docs", "https://github.com/a/b/tree/main/docs"),
    ("https://example.com/Paper", "https://example.com/paper"),
    ("https://example.com/p?id=1", "https://example.com/p?id=2"),
    ("https://example.com:8080/p", "https://example.com/p"),
    ("https://openreview.net/forum?id=abc", "https://openreview.net/forum?id=abd"),
]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_spellings_of_one_link_are_equal(a: str, b: str) -> None:
    assert canonical_url(a) == canonical_url(b)


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_different_links_stay_different(a: str, b: str) -> None:
    assert canonical_url(a) != canonical_url(b)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://arxiv.org/abs/2106.01345", "2106.01345"),
        ("https://arxiv.org/pdf/1706.03741v4.pdf", "1706.03741"),
        ("https://arxiv.org/abs/1409.0473", "1409.0473"),
        ("https://arxiv.org/abs/hep-th/9901001", "hep-th/9901001"),
        ("https://arxiv.org/list/cs.LG/recent", None),
        ("https://example.com/abs/2106.01345", None),
        ("not a url", None),
    ],
)
def test_arxiv_id(url: str, expected: str | None) -> None:
    assert arxiv_id(url) == expected


def test_relative_links_are_kept_as_written() -> None:
    assert canonical_url("docs/paper.md/") == "docs/paper.md"


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="htps:/wW.aZ0-?#@[] %\t", max_size=30))
def test_plain_url_fast_path_splits_as_urlsplit_does(url: str) -> None:
    from awesome_lint.model import urls

    assert urls._split(url) == urls._split_slowly(url.strip())
