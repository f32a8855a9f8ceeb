"""The document checks (AL506-AL509) and the awesome preset (AL510-AL512) on real and made lists."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from awesome_lint.config import Settings
from awesome_lint.linter import lint
from awesome_lint.model.badges import badges_of_line, references
from awesome_lint.model.document import Document
from awesome_lint.model.outline import outline
from awesome_lint.registry import BY_CODE, PRESETS, select_rules
from tests.conftest import FIXTURES, Result

Cli = Callable[..., Result]
CORPUS = FIXTURES / "corpus"
DOCUMENT_RULES = [BY_CODE[c] for c in ("AL506", "AL507", "AL508", "AL509")]
LIST = "# Awesome Tools\n\n## Tools\n\n- [Vim](https://www.vim.org) - The editor.\n"


def _codes(text: str, codes: str, path: str = "<string>", **options: object) -> list[str]:
    rules = select_rules(codes.split(","))
    found = lint(Document(text, path=path), Settings(**options), rules)  # type: ignore[arg-type]
    return [d.code for d in found]


def _diagnostics(path: Path, codes: tuple[str, ...]) -> list[tuple[str, int, str]]:
    document = Document.from_bytes(path.read_bytes(), path=str(path))
    found = lint(document, Settings(), [BY_CODE[c] for c in codes])
    return [(d.code, document.line_of(d.start) + 1, d.message) for d in found]


# --- AL506 single-h1 -----------------------------------------------------------------------


def test_awesome_go_has_one_h1_too_many_its_resources_part() -> None:
    found = _diagnostics(CORPUS / "avelino__awesome-go" / "README.md", ("AL506",))
    assert [(code, line) for code, line, _ in found] == [("AL506", 3710)]
    assert '"# Resources"' in found[0][2]


def test_image_titles_of_real_lists_are_titles() -> None:
    # sindresorhus/awesome's title is a centred logo; no "# Awesome" anywhere.
    assert _diagnostics(CORPUS / "sindresorhus__awesome" / "README.md", ("AL506",)) == []


def test_a_list_with_no_title_at_all_is_reported_under_the_awesome_preset() -> None:
    untitled = "Some text.\n\n## Tools\n\n- [A](https://a.org)\n"
    assert _codes(untitled, "AL506") == []
    assert _codes(untitled, "AL506", preset="awesome") == ["AL506"]
    assert _codes("", "AL506", preset="awesome") == []
    logo = '<p align="center"><img src="logo.svg" alt="Awesome"></p>\n\n' + untitled
    assert _codes(logo, "AL506", preset="awesome") == []


def test_an_h1_tag_counts_and_a_commented_one_does_not() -> None:
    text = "# Title\n\n<h1>Again</h1>\n\n<!--\n<h1>Old</h1>\n-->\n"
    assert _codes(text, "AL506") == ["AL506"]


# --- AL507 empty-section -------------------------------------------------------------------


def test_a_parent_of_subsections_is_not_empty_but_its_empty_child_is() -> None:
    text = "# T\n\n## Tools\n\n### Editors\n\n### Shells\n\n- [Bash](https://b.org)\n"
    document = Document(text)
    found = lint(document, Settings(), [BY_CODE["AL507"]])
    assert [document.line(document.line_of(d.start)) for d in found] == ["### Editors"]


def test_the_last_section_of_a_file_can_be_empty() -> None:
    assert _codes(LIST + "\n## More\n", "AL507") == ["AL507"]


# --- AL508 duplicate-heading ---------------------------------------------------------------


def test_same_name_under_different_parents_is_fine_under_one_parent_is_not() -> None:
    text = "# T\n## A\n### Papers\nx\n## B\n### Papers\nx\n### Papers\nx\n"
    assert _codes(text, "AL508") == ["AL508"]


def test_duplicate_year_headings_are_left_to_al203() -> None:
    text = "# T\n## 2023\nx\n## 2022\nx\n## 2023\nx\n"
    assert _codes(text, "AL508,AL203") == ["AL203"]


# --- AL509 contributing-file ---------------------------------------------------------------

PROMISE = LIST + "\nPlease read CONTRIBUTING.md first.\n"


@pytest.mark.parametrize(
    "where", ["CONTRIBUTING.md", "contributing.md", ".github/CONTRIBUTING.md", "docs/Contributing"]
)
def test_the_guide_is_found_in_any_case_and_in_github_or_docs(tmp_path: Path, where: str) -> None:
    (tmp_path / where).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / where).write_text("Be kind.\n")
    readme = tmp_path / "README.md"
    readme.write_text(PROMISE)
    assert _codes(PROMISE, "AL509", path=str(readme)) == []
    (tmp_path / where).unlink()
    assert _codes(PROMISE, "AL509", path=str(readme)) == ["AL509"]


def test_contribution_guidelines_file_of_another_name_counts(tmp_path: Path) -> None:
    (tmp_path / "CONTRIBUTORS.md").write_text("Ann, Bob\n")  # who contributed: not a guide
    assert _codes(PROMISE, "AL509", path=str(tmp_path / "README.md")) == ["AL509"]
    (tmp_path / "contribution_guidelines.md").write_text("Be kind.\n")
    assert _codes(PROMISE, "AL509", path=str(tmp_path / "README.md")) == []


@pytest.mark.parametrize(
    "text",
    [
        "## Contributing\n\nContributions are welcome.\n",  # the heading is not a promise
        "## CONTRIBUTING\n\nOpen an issue.\n",
        "See the [contribution guidelines](https://github.com/o/r/blob/main/CONTRIBUTING.md).\n",
        "Please read [CONTRIBUTING.md](CONTRIBUTING.md).\n",  # a relative link is AL502's
        "<!-- read CONTRIBUTING.md -->\n",
        "```\nsee CONTRIBUTING.md\n```\n",
    ],
)
def test_links_headings_comments_and_code_promise_nothing(tmp_path: Path, text: str) -> None:
    assert _codes(LIST + "\n" + text, "AL509", path=str(tmp_path / "README.md")) == []


def test_the_awesome_preset_asks_for_the_file_even_unpromised(tmp_path: Path) -> None:
    path = str(tmp_path / "README.md")
    assert _codes(LIST, "AL509", path=path) == []
    assert _codes(LIST, "AL509", path=path, preset="awesome") == ["AL509"]


def test_a_copied_corpus_list_with_its_guide_beside_it_is_clean(tmp_path: Path) -> None:
    source = CORPUS / "opendilab__awesome-RLHF"
    shutil.copy(source / "README.md", tmp_path / "README.md")
    (tmp_path / "CONTRIBUTING.md").write_text("Be kind.\n")
    text = (tmp_path / "README.md").read_text(encoding="utf-8")
    assert _codes(text, "AL509", path=str(tmp_path / "README.md"), preset="awesome") == []


# --- the awesome preset --------------------------------------------------------------------


def test_preset_rules_are_off_by_default_and_on_with_the_preset() -> None:
    assert not any(r.code in PRESETS["awesome"] for r in select_rules(None))
    assert {r.code for r in select_rules(None, PRESETS["awesome"])} >= set(PRESETS["awesome"])


def test_preset_on_the_command_line(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text(LIST + "\n## License\n\nCC0\n")
    plain = cli("--no-color", "--output-format", "concise", "README.md", cwd=tmp_path)
    assert "AL510" not in plain.out and "AL512" not in plain.out
    preset = cli(
        "--no-color", "--output-format", "concise", "--preset", "awesome", "README.md", cwd=tmp_path
    )
    assert "AL510 No awesome badge" in preset.out
    assert "AL512 A License section" in preset.out
    assert "AL509 No CONTRIBUTING file" in preset.out


def test_preset_in_the_config_and_ignore_still_wins(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text(LIST)
    (tmp_path / ".awesome-lint.toml").write_text('preset = "awesome"\nignore = ["AL509"]\n')
    result = cli("--no-color", "--output-format", "concise", "README.md", cwd=tmp_path)
    assert "AL510" in result.out
    assert "AL509" not in result.out


def test_an_unknown_preset_is_one_line_and_exit_2(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text(LIST)
    result = cli("--preset", "nope", "README.md", cwd=tmp_path)
    assert result.code == 2 and result.err.count("\n") == 1 and "nope" in result.err
    (tmp_path / ".awesome-lint.toml").write_text('preset = "nope"\n')
    result = cli("README.md", cwd=tmp_path)
    assert result.code == 2 and result.err.count("\n") == 1 and "'preset'" in result.err


def test_badges_by_reference_resolve_their_definitions() -> None:
    text = (
        "# Awesome Shell [![Awesome][awesome-badge]][awesome-link]\n\n"
        "[awesome-badge]: https://awesome.re/badge.svg\n[awesome-link]: https://awesome.re\n"
    )
    document = Document(text)
    (badge,) = badges_of_line(document, 0, references(document))
    assert (badge.src, badge.href) == ("https://awesome.re/badge.svg", "https://awesome.re")
    assert text[badge.src_start : badge.src_end] == badge.src
    assert _codes(text, "AL510") == []


def test_a_listed_projects_ci_badge_is_not_the_lists() -> None:
    item = "- [A](https://a.org) - Tool. [![CI](https://github.com/a/a/actions/workflows/ci.yml/badge.svg)](https://a.org)\n"
    assert _codes("# Awesome A\n\n" + item, "AL511") == []


# --- properties ----------------------------------------------------------------------------

_HEADINGS = st.lists(
    st.tuples(st.integers(1, 6), st.sampled_from(["A", "B", "2023", "License", ""]), st.booleans()),
    max_size=12,
)


@settings(max_examples=150, deadline=None)
@given(_HEADINGS)
def test_outline_sections_nest_and_the_rules_never_fail(
    headings: list[tuple[int, str, bool]],
) -> None:
    text = "".join(
        f"{'#' * level} {name}\n" + ("text\n" if body else "") for level, name, body in headings
    )
    document = Document(text)
    sections = outline(document)
    assert len(sections) == len(document.structure.headings)
    for section in sections:
        assert section.body_line <= section.next_line <= section.end_line <= document.line_count
        if section.parent is not None:
            parent = sections[section.parent]
            assert parent.heading.level < section.heading.level
            assert parent.end_line >= section.end_line
    lint(document, Settings(), [*DOCUMENT_RULES, *(BY_CODE[c] for c in PRESETS["awesome"])])
