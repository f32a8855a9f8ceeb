"""GitHub heading anchors (AL501) and relative files (AL502)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from awesome_lint.config import Settings
from awesome_lint.context import Context
from awesome_lint.linter import lint_text
from awesome_lint.model.anchors import (
    _plain_links_text,
    document_anchors,
    github_slug,
    heading_text,
    unique_slugs,
)
from awesome_lint.model.document import Document
from awesome_lint.model.document_links import document_links, is_external
from awesome_lint.registry import BY_CODE
from tests.conftest import FIXTURES, SEED, Result

CORPUS_LISTS = [SEED, *sorted((FIXTURES / "corpus").glob("*/README.md"))]


@pytest.mark.parametrize(
    ("heading", "anchor"),
    [
        ("Overview of RLHF", "overview-of-rlhf"),
        ("2020 and before", "2020-and-before"),
        ("Q&A: what's RLHF?", "qa-whats-rlhf"),
        ("C++ / Rust", "c--rust"),
        ("snake_case and kebab-case", "snake_case-and-kebab-case"),
        ("中文 标题", "中文-标题"),
        ("Привет мир", "привет-мир"),
        ("😄 Emoji first", "-emoji-first"),
        ("*Emphasis* and `code.py`", "emphasis-and-codepy"),
        ("[Linked](https://example.com) title", "linked-title"),
        ("![logo](logo.png) Logo", "-logo"),
        ('<a name="x"></a> After a tag', "-after-a-tag"),
    ],
)
def test_heading_anchor_is_githubs(heading: str, anchor: str) -> None:
    assert github_slug(heading_text(heading)) == anchor


def test_repeated_headings_are_numbered_like_github() -> None:
    assert list(unique_slugs(["Papers", "Papers", "Papers-1", "Papers"])) == [
        "papers",
        "papers-1",
        "papers-1-1",
        "papers-2",
    ]


def test_explicit_anchors_count_and_code_headings_do_not() -> None:
    text = (
        "# Title\n\n<a name=\"Named\"></a>\n<div id='boxed'>x</div>\n\n"
        '```\n# not a heading\n<a name="in-code"></a>\n```\n'
    )
    anchors = document_anchors(Document(text))
    assert {"title", "named", "boxed"} <= anchors.names
    assert "not-a-heading" not in anchors
    assert "in-code" not in anchors


def test_fragments_match_case_blind_and_percent_decoded() -> None:
    anchors = document_anchors(Document("# Papers\n\n## 中文\n"))
    assert "Papers" in anchors
    assert "%E4%B8%AD%E6%96%87" in anchors
    assert "top" in anchors
    assert "L12-L20" in anchors
    assert "paper" not in anchors


@pytest.mark.parametrize(
    ("heading", "anchor"),
    [
        ("## Baz [![Awesome List][x]](https://e.com)", "baz-"),
        ("## Baz ![Awesome List][x]", "baz-"),
        ("## Baz [Link Text][x]", "baz-link-text"),
        ("## Baz [x][]", "baz-x"),
        ("## Baz [X]", "baz-x"),
        ("## Baz ![alt][nowhere]", "baz-altnowhere"),  # undefined: rendered as its text
    ],
)
def test_reference_style_images_and_links_slug_like_github(heading: str, anchor: str) -> None:
    document = Document(f'{heading}\n\ntext\n\n[x]: https://e.com/x.svg "X"\n')
    assert document_anchors(document).names == {anchor}


def test_reference_style_heading_text_matches_the_parser_with_the_definitions() -> None:
    source = "[![Awesome List][awesome-list Icon]](https://e.com) and [docs][d]"
    references = {
        "AWESOME-LIST ICON": {"href": "i.svg", "title": ""},
        "D": {"href": "/", "title": ""},
    }
    assert heading_text(source, None, references) == " and docs"
    assert heading_text(source) == "![Awesome List][awesome-list Icon] and [docs][d]"


def test_shortcode_heading_answers_with_and_without_its_name() -> None:
    anchors = document_anchors(Document("## :rocket: Launch\n"))
    assert "rocket-launch" in anchors
    assert "-launch" in anchors


def test_broken_toc_entry_is_reported_with_a_suggestion() -> None:
    text = "- [Papers](#paper)\n- [Blogs](#blogs)\n\n## Papers\n\n## Blogs\n"
    found = lint_text(text, Settings(), [BY_CODE["AL501"]])
    assert [d.message for d in found] == [
        'No heading or anchor "#paper" in this file (did you mean "#papers"?)'
    ]
    assert text[found[0].start : found[0].end] == "#paper"


def test_seed_table_of_contents_is_right() -> None:
    text = SEED.read_text(encoding="utf-8")
    assert lint_text(text, Settings(), [BY_CODE["AL501"]]) == []


# AL502: files beside the list.


def test_seed_alone_in_a_folder_misses_its_images_and_pages(
    seed_copy: Path, cli: Callable[..., Result]
) -> None:
    result = cli(
        "--select", "AL501,AL502", "--output-format", "concise", "README.md", cwd=seed_copy.parent
    )
    assert result.out.splitlines() == [
        'README.md:23:15: AL502 No file "./overview_chatgpt.png" (relative to the list)',
        'README.md:27:15: AL502 No file "./overview_video_game.png" (relative to the list)',
        'README.md:317:11: AL502 No file "README_TU.md" (relative to the list)',
        'README.md:321:109: AL502 No file "CONTRIBUTING.md" (relative to the list)',
        "Found 4 errors.",
    ]


def test_seed_with_its_files_beside_it_is_clean(
    seed_copy: Path, cli: Callable[..., Result]
) -> None:
    for name in ("overview_chatgpt.png", "overview_video_game.png", "README_TU.md"):
        (seed_copy.parent / name).write_bytes(b"")
    (seed_copy.parent / "CONTRIBUTING.md").write_text("# Contributing\n")
    result = cli("--select", "AL502", "README.md", cwd=seed_copy.parent)
    assert result.code == 0, result.out


def test_links_resolve_against_the_lists_folder_not_the_working_directory(
    tmp_path: Path, cli: Callable[..., Result]
) -> None:
    lists = tmp_path / "lists"
    lists.mkdir()
    shutil.copy(SEED, lists / "README.md")
    (lists / "README_TU.md").write_text("# Türkçe\n")
    result = cli("--select", "AL502", "--output-format", "concise", "lists/README.md", cwd=tmp_path)
    assert "README_TU.md" not in result.out
    assert 'lists/README.md:23:15: AL502 No file "./overview_chatgpt.png"' in result.out


def test_fragment_into_another_markdown_file_is_checked(
    tmp_path: Path, cli: Callable[..., Result]
) -> None:
    (tmp_path / "CONTRIBUTING.md").write_text("# Contributing\n\n## Adding a paper\n")
    (tmp_path / "README.md").write_text(
        "[ok](CONTRIBUTING.md#adding-a-paper) [bad](CONTRIBUTING.md#review)\n"
    )
    result = cli("--select", "AL502", "--output-format", "concise", "README.md", cwd=tmp_path)
    assert result.out.splitlines()[0] == (
        'README.md:1:59: AL502 "CONTRIBUTING.md" has no heading or anchor "#review"'
    )
    assert "Found 1 error." in result.out


def test_urls_with_a_scheme_and_links_out_of_the_repository_are_not_files(
    tmp_path: Path, cli: Callable[..., Result]
) -> None:
    (tmp_path / ".git").mkdir()
    docs = tmp_path / "docs"
    docs.mkdir()
    (tmp_path / "LICENSE").write_text("MIT\n")
    (docs / "README.md").write_text(
        "[mail](mailto:a@example.com) [web](https://example.com/x.png) [ftp](ftp://x/y)\n"
        "[issues](../../issues) [license](/LICENSE) [up](../LICENSE) [data](data:text/plain,x)\n"
        "[gone](/MISSING.md)\n"
    )
    result = cli("--select", "AL502", "--output-format", "concise", "README.md", cwd=docs)
    assert result.out.splitlines() == [
        'README.md:3:8: AL502 No file "/MISSING.md" (relative to the repository root)',
        "Found 1 error.",
    ]


def test_text_without_a_file_has_no_folder_to_check() -> None:
    assert lint_text("![x](./nowhere.png)\n", Settings(), [BY_CODE["AL502"]]) == []


@pytest.mark.parametrize("readme", CORPUS_LISTS, ids=[p.parent.name for p in CORPUS_LISTS])
def test_local_links_are_the_local_part_of_every_link(readme: Path) -> None:
    document = Document.from_bytes(readme.read_bytes())
    every = document_links(document)
    local = Context(document).local_links
    assert local == tuple(t for t in every if not is_external(t.url))
    assert any(t.url.startswith("#") for t in local) or not any(
        t.url.startswith("#") for t in every
    )


# Pieces of headings: badges, links, images and what could make them something else.
_PIECES = st.sampled_from(
    [
        *("[", "]", "(", ")", "!", "![", "](", " ", "a", "B c", ":", "#", "é", "\\", "`", "*"),
        *("_", "<", ">", "&amp;", '"', "'", "https://x.org/a_b?c=1&d", "javascript:x", "./p.md"),
        *("[![ci](https://x/b.svg)](https://x)", "![l](logo.png)", "[Text](#t)", "[](u)"),
    ]
)


@settings(max_examples=3000, deadline=None)
@given(st.lists(_PIECES, max_size=12).map("".join))
def test_plain_links_text_is_what_markdown_it_renders(heading: str) -> None:
    plain = _plain_links_text(heading)
    if plain is not None:
        assert plain == _rendered(heading)


def _rendered(heading: str) -> str:
    """The heading's text from markdown-it's tokens (what heading_text falls back to)."""
    tokens = _PARSER.parseInline(heading)[0].children or []
    kinds = ("text", "code_inline")
    return "".join(t.content for t in tokens if t.type in kinds)


_PARSER = MarkdownIt("commonmark")


def test_badges_heading_needs_no_parser() -> None:
    heading = "Awesome Rust [![lint](https://x.io/l.svg?b=main)](https://x.io/l) [![T](b.svg)](/t)"
    assert _plain_links_text(heading) == _rendered(heading) == "Awesome Rust  "
    assert _plain_links_text("[Go](https://go.dev) *tools*") is None  # emphasis: the parser
