"""The inferred format: lists with no format block are checked against their own habits."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from awesome_lint.context import Context
from awesome_lint.model.document import Document
from awesome_lint.model.schema import find_schemas
from tests.conftest import FIXTURES, Result

CORPUS = FIXTURES / "corpus"


def _items(n: int, separator: str = " - ") -> list[str]:
    return [f"- [tool{i}](https://example.org/tool{i}){separator}Does thing {i}." for i in range(n)]


def test_show_schema_prints_the_inferred_template(cli: Callable[..., Result]) -> None:
    result = cli("--show-schema", str(CORPUS / "sindresorhus__awesome" / "README.md"))
    assert result.code == 0
    first = result.out.splitlines()[1]
    assert "[name](url) - description (capitalised, ending in a period)" in first
    assert "inferred from 603 of 603 items" in first


def test_show_schema_on_a_paper_list_without_descriptions(cli: Callable[..., Result]) -> None:
    result = cli("--show-schema", str(CORPUS / "louieworth__awesome-rlhf" / "README.md"))
    lines = result.out.splitlines()
    assert "depth 0: [name](url)  (inferred from" in lines[1]
    assert "depth 1: text" in lines[2]


def test_a_list_with_no_common_shape_gets_no_entry_diagnostics(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    mixed = [
        "- [a](https://a.org) - One.",
        "- Plain words",
        "- [b](https://b.org): Two",
        "- More words here",
        "- [c](https://c.org) – three",
        "- Words again",
    ]
    (tmp_path / "README.md").write_text("# List\n\n" + "\n".join(mixed) + "\n")
    result = cli("--select", "AL1", "--output-format", "concise", "README.md", cwd=tmp_path)
    assert result.out == "All checks passed!\n"
    assert "no common item shape" in result.err


def test_no_note_when_the_list_has_an_inferred_format(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    (tmp_path / "README.md").write_text("# List\n\n" + "\n".join(_items(6)) + "\n")
    result = cli("README.md", cwd=tmp_path)
    assert result.code == 0 and result.err == ""


def test_a_small_section_of_text_items_is_not_a_section_of_broken_links(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    text = "# List\n\n## Tools\n\n" + "\n".join(_items(8)) + "\n\n## Contributing\n\n- Fork it.\n"
    (tmp_path / "README.md").write_text(text)
    result = cli("--select", "AL101", "--output-format", "concise", "README.md", cwd=tmp_path)
    assert result.code == 0, result.out


def test_init_format_round_trips_through_the_block_reader(cli: Callable[..., Result]) -> None:
    names = ("avelino__awesome-go", "louieworth__awesome-rlhf", "atfortes__Awesome-LLM-Reasoning")
    for name in names:
        readme = CORPUS / name / "README.md"
        block = cli("--init-format", str(readme))
        assert block.code == 0, block.err
        assert block.out.startswith("```\nformat:\n- ")
        text = readme.read_bytes().decode()
        heading_end = text.index("\n", text.index("#")) + 1
        document = Document(text[:heading_end] + "\n" + block.out + "\n" + text[heading_end:])
        (schema,) = find_schemas(document)
        assert schema.problems == ()
        inferred = Context(Document(text)).templates.summary()[0][0]
        assert schema.title_is_link == (inferred.lead == "link")


def test_init_format_refuses_a_list_without_items(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    (tmp_path / "README.md").write_text("# Nothing here\n\nJust prose.\n")
    result = cli("--init-format", "README.md", cwd=tmp_path)
    assert result.code == 2
    assert "no common item shape" in result.err


_SEPARATORS = st.sampled_from([" - ", " - ", " - ", " – ", " — ", ": ", "- ", " "])
_ENDINGS = st.sampled_from([".", ".", ".", ""])


_OUTLIER = st.tuples(_SEPARATORS, _ENDINGS, st.booleans(), st.booleans())


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(_OUTLIER, min_size=1, max_size=12))
def test_style_fixes_are_idempotent_and_keep_every_item(
    cli: Callable[..., Result],
    outliers: list[tuple[str, str, bool, bool]],
) -> None:
    import tempfile

    lines = _items(20)
    for i, (separator, ending, lower, star) in enumerate(outliers):
        word = "does" if lower else "Does"
        bullet = "*" if star else "-"
        lines.insert(
            2 * i, f"{bullet} [x{i}](https://example.org/x{i}){separator}{word} it {i}{ending}"
        )
    source = "# List\n\n" + "\n".join(lines) + "\n"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "README.md"
        path.write_text(source)
        args = ("--fix", "--unsafe-fixes", "--select", "AL113,AL114,AL116", "README.md")
        first = cli(*args, cwd=Path(folder))
        assert first.code in (0, 1), first.err
        fixed = path.read_text()
        again = cli(*args, cwd=Path(folder))
        assert again.code in (0, 1), again.err
        assert path.read_text() == fixed
    before = Document(source).structure.items
    after = Document(fixed).structure.items
    assert [(i.depth, i.parent) for i in before] == [(i.depth, i.parent) for i in after]
    for n in range(len(outliers)):
        assert f"(https://example.org/x{n})" in fixed


def test_a_description_of_closing_marks_alone_is_not_judged(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    # Found by the fuzzer: "[name]():)" left a description of ")" alone, and the final-mark
    # check indexed an empty string.
    lines = [
        *_items(6),
        "- [Deep TAMER]():)",
        "- [x](https://x.org) - )",
        "- [y](https://y.org) - **",
    ]
    (tmp_path / "README.md").write_text("# List\n\n" + "\n".join(lines) + "\n")
    result = cli("--output-format", "concise", "README.md", cwd=tmp_path)
    assert result.code in (0, 1), result.err
    assert "internal error" not in result.err


def test_contents_items_written_as_absolute_links_are_not_entries() -> None:
    text = (
        "# Awesome Things\n\n## Contents\n\n"
        "- [Tools](https://github.com/owner/awesome-things#tools)\n"
        "  - [Command Line / Shell](https://github.com/owner/awesome-things#command-line--shell)\n"
        "- [Libraries](https://github.com/owner/awesome-things/blob/main/README.md#libraries)\n\n"
        "## Tools\n\n### Command Line / Shell\n\n"
        "- [fd](https://github.com/sharkdp/fd) - A simple alternative to find.\n"
        "- [Chemistry](https://github.com/other/project#chemistry-environment) - A benchmark.\n"
        "- [Readme](https://github.com/other/awesome-readme#readme) - Good READMEs.\n\n"
        "## Libraries\n\n- [regex](https://github.com/rust-lang/regex) - Regular expressions.\n"
    )
    names = [e.title.text for e in Context(Document(text)).entries if e.title is not None]
    assert names == ["fd", "Chemistry", "Readme", "regex"]
