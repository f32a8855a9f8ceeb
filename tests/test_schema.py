"""Format blocks read into schemas, and entries read against them."""

from __future__ import annotations

from collections.abc import Callable

from awesome_lint.config import Settings
from awesome_lint.context import Context
from awesome_lint.model.document import Document
from tests.conftest import FIXTURES, SEED, Result


def _ctx(text: str) -> Context:
    return Context(Document(text))


def test_seed_has_two_blocks_with_their_scopes() -> None:
    papers, codebases = _ctx(SEED.read_text(encoding="utf-8")).schemas
    assert papers.heading is not None and papers.heading.text == "Papers"
    assert [f.kind for f in papers.fields] == [
        "authors",
        "publisher",
        "keyword",
        "code",
        "environment",
    ]
    assert [f.kind for f in papers.fields if f.required] == ["authors", "keyword"]
    assert codebases.heading is not None and codebases.heading.text == "Codebases"
    assert papers.scope_end_line == codebases.scope_line


def test_labels_written_in_the_block_are_canonical() -> None:
    text = (FIXTURES / "corpus/opendilab__awesome-exploration-rl/README.md").read_text()
    [schema] = _ctx(text).schemas
    key, env = schema.fields[1:]
    assert key.kind == "keyword" and key.labels[0] == "Key"
    assert env.kind == "environment" and env.labels[0] == "ExpEnv"


def test_entries_across_indents_bullets_and_crlf() -> None:
    text = (
        "## P\n\n```\nformat:\n- [title](link)\n  - authors\n  - keyword\n```\n\n"
        "- [A](https://a.org) (NLPO)\n\t- Ann\n\t- Keyword: x\n"
        "* [B](https://b.org)\n    * Bob\n    * Keyword: y\n"
        "+ [C](https://c.org)\n  + Cy\n  + Keyword: z\n"
        "<!--\n- [Hidden](https://h.org)\n-->\n\n```\n- [Code](https://code.org)\n```\n"
        "<details>\n<summary>more</summary>\n\n"
        "- [D](https://d.org)\n  - Dee\n  - Keyword: w\n\n</details>\n"
    ).replace("\n", "\r\n")
    entries = _ctx(text).entries
    assert [e.title.text for e in entries if e.title] == ["A", "B", "C", "D"]
    for entry in entries:
        assert [f.spec.kind for f in entry.fields if f.spec] == ["authors", "keyword"]


def test_format_block_with_cjk_colon() -> None:
    text = "## 论文\n\n```\n格式：\n- [title](link)\n  - authors\n```\n\n"
    text += "- [A](https://a.org)\n  - Ann\n"
    [schema] = _ctx(text).schemas
    assert [f.kind for f in schema.fields] == ["authors"]


def test_an_alias_two_fields_share_goes_to_the_one_it_resembles() -> None:
    """``Env:`` is the "datasets or environment" field's, not the "task" field's above it."""
    text = (
        "## Papers\n\n```\nformat:\n- [title](paper link)\n  - author1, author2...\n"
        "  - task\n  - keyword\n  - datasets or environment or simulator\n```\n\n"
        "- [A](https://a.org)\n  - Ann Author\n  - Env: CARLA\n  - Benchmark: nuScenes\n"
    )
    ctx = Context(Document(text), Settings())
    (schema,) = ctx.schemas
    task, datasets = schema.fields[1], schema.fields[3]
    assert "Env" in datasets.labels and "Env" not in task.labels
    assert "ExpEnv" in datasets.labels and "Data" in datasets.labels
    assert "Benchmark" in task.labels  # resembles neither: the first field keeps it
    (entry,) = ctx.entries
    assert [f.spec.key if f.spec else None for f in entry.fields] == [
        "authors",
        datasets.key,
        task.key,
    ]


def test_a_label_mark_most_entries_write_is_one_finding_not_one_per_entry(
    cli: Callable[..., Result],
) -> None:
    folder = FIXTURES / "AL112-label-mark-habit"
    result = cli("--output-format", "concise", "--select", "AL105,AL112", "input.md", cwd=folder)
    lines = [line for line in result.out.splitlines() if ": AL1" in line]
    assert [line.split()[1] for line in lines] == ["AL112", "AL105"]
    assert 'Label "Summary;" should be "Summary:"' in lines[1]
