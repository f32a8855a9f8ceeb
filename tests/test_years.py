"""Which headings are year sections, and what year an entry says it is from."""

from __future__ import annotations

import pytest

from awesome_lint.config import Settings
from awesome_lint.context import Context
from awesome_lint.linter import lint_text
from awesome_lint.model.document import Document
from awesome_lint.model.years import entry_year, parse_year_heading
from awesome_lint.registry import select_rules
from tests.conftest import FIXTURES, SEED

CORPUS = FIXTURES / "corpus"  # the bundled copies of the shared corpus, with their licences

FORMAT = """\
## Papers

```
format:
- [title](paper link)
  - authors
  - publisher
  - Keyword: keywords
```
"""


def _lint(text: str, select: str, settings: Settings | None = None) -> list[tuple[int, str]]:
    rules = select_rules((select,))
    document = Document(text)
    found = lint_text(text, settings or Settings(), rules)
    return [(document.position(d.start)[0], d.code) for d in found]


@pytest.mark.parametrize(
    ("heading", "expected"),
    [
        ("2023", ("", 2023, None)),
        ("Year 2023", ("", 2023, None)),
        ("**2023**", ("", 2023, None)),
        (":fire: 2024", ("", 2024, None)),
        ("[2022](#2022)", ("", 2022, None)),
        ("2020 and before", ("", 2020, "before")),
        ("2024 & Earlier", ("", 2024, "before")),
        ("Before 2021", ("", 2020, "before")),
        ("Pre-2017", ("", 2016, "before")),
        ("2023 and later", ("", 2023, "after")),
        ("NeurIPS 2025", ("neurips", 2025, None)),
        ("NIPS 2017", ("neurips", 2017, None)),
        ("ICML 2026", ("icml", 2026, None)),
        ("ICLR'24", ("iclr", 2024, None)),
        ("T-ITS 2021", ("tits", 2021, None)),
    ],
)
def test_year_headings(heading: str, expected: tuple[str, int, str | None]) -> None:
    assert parse_year_heading(heading) == expected


@pytest.mark.parametrize(
    "heading",
    [
        "Arxiv",
        "Others",
        "Classic Model-Based RL Papers",
        "ICML, ICLR or NeurIPS",
        "Technical Report on o1 Models",
        "Papers",
        "T-PAMI",
        "2023 Roadmap and what comes next",
    ],
)
def test_other_headings_are_not_year_sections(heading: str) -> None:
    assert parse_year_heading(heading) is None


def test_year_headings_repeat_legitimately_under_different_parents() -> None:
    text = "## Papers\n\n### Models\n\n#### 2024\n\n### Datasets\n\n#### 2024\n\n#### 2023\n"
    sections = Context(Document(text)).year_sections
    assert [(s.heading.text, s.parent and s.parent.text) for s in sections.sections] == [
        ("2024", "Models"),
        ("2024", "Datasets"),
        ("2023", "Datasets"),
    ]
    assert _lint(text, "AL203") == []
    assert _lint(text, "AL201") == []


def _entry_years(body: str) -> list[tuple[int | None, int | None]]:
    ctx = Context(Document(FORMAT + "\n### 2023\n\n" + body))
    return [(y.arxiv, y.venue_year) for y in (entry_year(e, ctx.document) for e in ctx.entries)]


@pytest.mark.parametrize(
    ("url", "year"),
    [
        ("https://arxiv.org/abs/2305.20081", 2023),
        ("https://arxiv.org/pdf/2106.01345v2.pdf", 2021),
        ("http://www.arxiv.org/html/1909.08593", 2019),
        ("https://browse.arxiv.org/pdf/2401.00123", 2024),
        ("https://arxiv.org/abs/cs/0112017", 2001),
        ("https://arxiv.org/abs/hep-th/9901001", 1999),
        ("https://openreview.net/forum?id=x", None),
    ],
)
def test_an_entrys_year_comes_from_every_form_of_arxiv_url(url: str, year: int | None) -> None:
    assert _entry_years(f"- [A paper]({url})\n  - Some One\n  - Keyword: k\n") == [(year, None)]


@pytest.mark.parametrize(
    ("line", "year"),
    [
        ("  - NeurIPS 2023", 2023),
        ("  - ICML 2019 (Oral)", 2019),
        ("  - Tengyu Ma. *NIPS 2017*", 2017),
        ("  - Yuqi Wang, Zhaoxiang Zhang *CVPR 2024*", 2024),
        ("  - Publisher: AAAI 2022", 2022),
        ("  - Some One, Another One", None),
    ],
)
def test_an_entrys_year_comes_from_its_venue_line(line: str, year: int | None) -> None:
    body = f"- [A paper](https://example.com/p)\n  - Some One\n{line}\n  - Keyword: k\n"
    if line.startswith("  - Some One"):
        body = f"- [A paper](https://example.com/p)\n{line}\n  - Keyword: k\n"
    assert _entry_years(body) == [(None, year)]


def test_an_arxiv_note_or_a_workshop_dates_the_preprint_not_the_venue() -> None:
    body = (
        "- [A](https://example.com/a)\n  - Some One. *Arxiv 2022*\n  - Keyword: k\n"
        "- [B](https://example.com/b)\n  - Some One. *NeurIPS Workshop 2021*\n  - Keyword: k\n"
    )
    assert _entry_years(body) == [(2022, None), (2021, None)]


def test_early_january_arxiv_ids_may_sit_in_the_previous_year() -> None:
    text = (
        FORMAT
        + "\n### 2023\n\n"
        + "- [Jan 2](https://arxiv.org/abs/2401.00123)\n  - A\n  - Keyword: k\n\n"
        + "- [Late Jan](https://arxiv.org/abs/2401.12345)\n  - A\n  - Keyword: k\n"
    )
    assert _lint(text, "AL202") == [(17, "AL202")]


def test_a_conference_paper_is_not_flagged_for_an_older_arxiv_id() -> None:
    text = (
        FORMAT
        + "\n### 2023\n\n"
        + "- [Paper](https://arxiv.org/abs/2110.01234)\n  - A\n  - NeurIPS 2023\n  - Keyword: k\n"
        + "- [Paper](https://arxiv.org/abs/2111.01234)\n  - A\n  - Keyword: k\n"
    )
    assert _lint(text, "AL202") == [(17, "AL202")]


def test_same_year_venue_sections_are_in_order_whatever_the_venues() -> None:
    text = "## Papers\n\n### NeurIPS 2025\n\n### ICML 2025\n\n### ICLR 2025\n\n### NeurIPS 2024\n"
    assert _lint(text, "AL201") == []


def test_a_list_grouped_by_venue_is_in_order_when_each_venue_is() -> None:
    headings = [
        "NeurIPS 2025", "ICML 2025", "ICLR 2025", "ICLR 2024", "ICLR 2019",
        "NeurIPS 2024", "NeurIPS 2018", "ICML 2024", "ICML 2017", "CVPR 2024", "Other",
    ]  # fmt: skip
    text = "## Papers\n\n" + "".join(f"### {h}\n\n" for h in headings)
    assert _lint(text, "AL201") == []


def test_ascending_config_flips_the_order() -> None:
    text = "## Papers\n\n### 2019\n\n### 2021\n\n### 2020\n"
    assert _lint(text, "AL201") == [(3, "AL201")]
    assert _lint(text, "AL201", Settings(year_order="ascending")) == [(7, "AL201")]


def test_the_seed_list_has_no_ordering_or_duplicate_diagnostic() -> None:
    text = SEED.read_text(encoding="utf-8")
    assert _lint(text, "AL2") == []
    assert _lint(text, "AL3") == []


@pytest.mark.parametrize(
    "name",
    [
        "opendilab__awesome-exploration-rl",
        "opendilab__awesome-multi-modal-reinforcement-learning",
        "opendilab__awesome-end-to-end-autonomous-driving",
        "opendilab__awesome-decision-transformer",
        "opendilab__awesome-ui-agents",
        "libo-huang__Awesome-Causal-Reinforcement-Learning",
    ],
)
def test_corpus_year_sections_are_in_order(name: str) -> None:
    text = (CORPUS / name / "README.md").read_text(encoding="utf-8")
    assert _lint(text, "AL201") == []
    assert _lint(text, "AL203") == []
