"""Translations: which files are translations, translated format blocks, and AL305 on files."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from awesome_lint.config import Settings
from awesome_lint.context import Context
from awesome_lint.linter import lint
from awesome_lint.model.document import Document
from awesome_lint.model.locales import locale_key
from awesome_lint.model.schema import FORMAT_KEYWORDS
from awesome_lint.model.translations import (
    is_english,
    language_of,
    main_of,
    matches,
    missing,
    translated_stem,
    translations_of,
)
from awesome_lint.registry import BY_CODE, RULES
from tests.conftest import FIXTURES, Result

FIXTURE = FIXTURES / "AL305-translated-readme"
AL305 = [BY_CODE["AL305"]]


@pytest.mark.parametrize(
    ("name", "stem", "language"),
    [
        ("README_TU.md", "README", "TU"),
        ("README-zh.md", "README", "zh"),
        ("README.zh-CN.md", "README", "zh-CN"),
        ("README_zh_Hans.md", "README", "zh_Hans"),
        ("README_Chinese.md", "README", "Chinese"),
        ("readme.ja.markdown", "readme", "ja"),
        ("CONTRIBUTING_TU.md", "CONTRIBUTING", "TU"),
    ],
)
def test_translation_names(name: str, stem: str, language: str) -> None:
    assert translated_stem(name) == stem
    assert language_of(name) == language


@pytest.mark.parametrize("name", ["README.md", "README_v2.md", "README_OLD_NOTES.md", "notes.txt"])
def test_names_that_are_no_translation(name: str) -> None:
    assert translated_stem(name) is None


def test_main_and_translations_are_found_among_the_folder_names() -> None:
    names = ["README.md", "README_TU.md", "README.zh-CN.md", "CONTRIBUTING_TU.md", "LICENSE"]
    assert main_of("README_TU.md", names) == "README.md"
    assert main_of("CONTRIBUTING_TU.md", names) is None  # no CONTRIBUTING.md beside it
    assert translations_of("README.md", names) == ["README.zh-CN.md", "README_TU.md"]
    assert translations_of("LICENSE", names) == []
    assert main_of("awesome-go.md", ["awesome-go.md"]) is None


def test_english_languages() -> None:
    assert is_english("EN") and is_english("en-US") and is_english("English")
    assert not is_english("TU") and not is_english("zh-CN")


@pytest.mark.parametrize("keyword", [*FORMAT_KEYWORDS, "Format", "Biçim", "FORMATO"])
@pytest.mark.parametrize("colon", [":", "：", " :"])
def test_format_keywords_in_other_languages(keyword: str, colon: str) -> None:
    text = f"## P\n\n```\n{keyword}{colon}\n- [title](paper link)\n  - author1, author2...\n```\n"
    [schema] = Context(Document(text)).schemas
    assert [f.kind for f in schema.fields] == ["authors"]


def test_a_word_that_only_starts_like_a_keyword_is_no_block() -> None:
    text = "## P\n\n```\nformatting:\n- [title](paper link)\n  - authors\n```\n"
    assert Context(Document(text)).schemas == ()


def _files(tmp_path: Path, **files: str) -> Path:
    for name, text in files.items():
        (tmp_path / name.replace("__", ".")).write_text(text, encoding="utf-8")
    return tmp_path


def _context(path: Path) -> Context:
    return Context(Document.from_bytes(path.read_bytes(), path=str(path)), Settings())


def test_a_translated_block_takes_the_main_blocks_fields_by_position(tmp_path: Path) -> None:
    """README_TU.md's ``biçim:`` blocks (the shape of opendilab's) read as README.md's."""
    folder = _files(
        tmp_path,
        README__md=(FIXTURE / "README.md").read_text(encoding="utf-8"),
        README_TU__md=(FIXTURE / "README_TU.md").read_text(encoding="utf-8"),
    )
    main = _context(folder / "README.md").schemas
    papers, codebases = _context(folder / "README_TU.md").schemas
    assert [f.key for f in papers.fields] == [f.key for f in main[0].fields]
    assert [f.key for f in codebases.fields] == [f.key for f in main[1].fields]
    assert [f.positional for f in papers.fields] == [True, True, False, False, False]
    keyword = papers.fields[2]
    assert keyword.labels[0] == "Anahtar Kelime" and "Keyword" in keyword.labels
    assert papers.fields[3].labels[:2] == ("Kod", "Code")
    assert [f.required for f in papers.fields] == [f.required for f in main[0].fields]


def test_blocks_pair_in_order_skipping_a_main_block_of_another_shape(tmp_path: Path) -> None:
    block = "```\n{}:\n- [title](link)\n{}```\n\n"
    main = block.format("format", "  - authors\n") + block.format(
        "format", "  - author1, author2...\n  - keyword\n  - code\n"
    )
    translated = block.format("biçim", "  - yazarlar\n  - etiket\n  - depo\n")
    folder = _files(tmp_path, README__md=main, README_TU__md=translated)
    [schema] = _context(folder / "README_TU.md").schemas
    assert [f.kind for f in schema.fields] == ["authors", "keyword", "code"]
    assert schema.fields[1].labels[:2] == ("Etiket", "Keyword")


def test_a_translated_block_without_a_main_list_reads_the_table_of_names() -> None:
    text = (
        "## 论文\n\n```\n格式：\n- [标题](论文链接)\n  - 作者1, 作者2, 作者3...\n  - 发表会议\n"
        "  - 关键词\n  - 代码\n  - 数据集或环境\n  - 笔记\n```\n"
    )
    [schema] = Context(Document(text)).schemas
    assert [f.kind for f in schema.fields] == [
        "authors",
        "publisher",
        "keyword",
        "code",
        "environment",
        "笔记",
    ]
    assert schema.fields[4].labels[:2] == ("数据集", "环境")
    assert [f.positional for f in schema.fields] == [True, True, False, False, False, False]


def test_the_keywords_language_names_the_fields_and_their_other_labels() -> None:
    """``formato:`` is Spanish or Portuguese: ``Entorno:`` and ``Palabras Clave:`` are fields."""
    text = (
        "```\nformato:\n- [título](enlace)\n  - autores\n  - palabra clave\n  - entorno\n```\n\n"
        "- [A](https://a.org/1)\n  - Ana Autora\n  - Palabras Clave: aprendizaje\n"
        "  - Entorno: MuJoCo\n"
    )
    ctx = Context(Document(text))
    [schema] = ctx.schemas
    assert [f.kind for f in schema.fields] == ["authors", "keyword", "environment"]
    assert "Palabras Clave" in schema.fields[1].labels
    assert "Anahtar Sözcük" not in schema.fields[1].labels  # Turkish: not this block's language
    [entry] = ctx.entries
    assert [f.spec.kind for f in entry.fields if f.spec] == ["authors", "keyword", "environment"]


def test_an_english_block_is_left_as_it_is() -> None:
    text = "```\nformat:\n- [title](link)\n  - anahtar kelime\n```\n"
    [schema] = Context(Document(text)).schemas
    assert schema.fields[0].kind == "anahtar kelime"


def _run_cli(folder: Path, *args: str) -> Result:
    from tests.conftest import _run

    return _run(["--no-color", "--output-format", "concise", *args], cwd=folder)


def _copy_fixture(tmp_path: Path) -> Path:
    for name in ("README.md", "README_TU.md"):
        (tmp_path / name).write_bytes((FIXTURE / name).read_bytes())
    return tmp_path


def test_the_translation_reports_two_missing_and_one_extra_entry(tmp_path: Path) -> None:
    folder = _copy_fixture(tmp_path)
    out = _run_cli(folder, "README_TU.md").out.splitlines()
    assert out == [
        'README_TU.md:19:3: AL305 Entry "RAFT: Reward rAnked FineTuning for Generative '
        'Foundation Mo…" of README.md (line 28) is missing here; it comes after this entry there',
        'README_TU.md:25:3: AL305 Entry "Constitutional AI: Harmlessness from AI Feedback" of '
        "README.md (line 40) is missing here; it comes after this entry there",
        "README_TU.md:39:3: AL305 Entry not in the main list README.md",
        "Found 3 errors.",
    ]
    main = _run_cli(folder, "README.md").out.splitlines()
    assert main == [
        "README.md:28:3: AL305 Entry missing from the translation README_TU.md",
        "README.md:40:3: AL305 Entry missing from the translation README_TU.md",
        "Found 2 errors.",
    ]


def test_the_report_survives_a_fix_of_something_else(tmp_path: Path) -> None:
    """After --fix the remaining diagnostics come from a relint: AL305 must still see README.md."""
    folder = _copy_fixture(tmp_path)
    path = folder / "README_TU.md"
    path.write_text(path.read_text(encoding="utf-8").replace("Kod:", "Kod:  "), encoding="utf-8")
    result = _run_cli(folder, "--fix", "--select", "AL305,AL404", "README_TU.md")
    assert "AL404" not in result.out and result.out.count("AL305") == 3, result.out


def test_a_missing_entry_before_any_shared_one_is_placed_before_it(tmp_path: Path) -> None:
    block = "```\nformat:\n- [title](link)\n  - authors\n```\n\n"
    main = block + "- [A](https://a.org/1)\n  - Ann\n- [B](https://b.org/2)\n  - Bob\n"
    translated = block.replace("format", "formato") + "- [B bis](https://b.org/2/)\n  - Bob\n"
    folder = _files(tmp_path, README__md=main, README_es__md=translated)
    out = _run_cli(folder, "--select", "AL305", "README_es.md").out.splitlines()
    assert out[0] == (
        'README_es.md:7:3: AL305 Entry "A" of README.md (line 7) is missing here; '
        "it comes before this entry there"
    )


def test_files_without_entries_are_not_compared(tmp_path: Path) -> None:
    folder = _copy_fixture(tmp_path)
    (folder / "README_zh.md").write_text("# 中文\n\n只有介绍。\n", encoding="utf-8")
    (folder / "README_ja.md").write_bytes(b"\xff\xfe\x00bad")  # not text: as if absent
    out = _run_cli(folder, "--select", "AL305", "README.md").out
    assert "README_zh.md" not in out and "README_ja.md" not in out
    assert out.count("AL305") == 2


def test_no_folder_is_listed_unless_the_rule_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _copy_fixture(tmp_path)
    calls: list[str] = []
    real: Callable[..., list[str]] = os.listdir

    def counting(path: object = ".") -> list[str]:
        calls.append(str(path))
        return real(path)

    monkeypatch.setattr(os, "listdir", counting)
    readme = folder / "README.md"
    document = Document.from_bytes(readme.read_bytes(), path=str(readme))
    others = [r for r in RULES if r.code != "AL305" and r.default]
    lint(document, Settings(), others)
    assert calls == []
    lint(document, Settings(), AL305)
    assert len(calls) == 1


def test_a_translation_is_not_spell_checked_as_english(tmp_path: Path) -> None:
    block = "```\nformat:\n- [title](link)\n  - authors\n  - keyword\n```\n\n"
    entry = "- [A](https://a.org/1)\n  - Ann\n  - Keyword: {}\n"
    folder = _files(
        tmp_path,
        README__md=block + entry.format("reinforcment learning"),
        README_TU__md=block + entry.format("pekiştirmeli öğrenme, sinyaller, modelinin"),
    )
    misspelling = [BY_CODE["AL401"]]
    for name, expected in (("README.md", 1), ("README_TU.md", 0)):
        path = folder / name
        document = Document.from_bytes(path.read_bytes(), path=str(path))
        assert len(lint(document, Settings(), misspelling)) == expected, name


_BLOCK = "```\nformat:\n- [title](link)\n  - authors\n```\n\n"


def _list(urls: list[int], keyword: str = "format") -> str:
    body = "".join(f"- [Paper {n}](https://arxiv.org/abs/2301.{n:05d})\n  - Ann\n" for n in urls)
    return _BLOCK.replace("format", keyword) + body


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    main=st.lists(st.integers(0, 30), min_size=1, max_size=12, unique=True),
    translated=st.lists(st.integers(0, 30), min_size=1, max_size=12, unique=True),
)
def test_drift_counts_are_the_set_differences(
    tmp_path: Path, main: list[int], translated: list[int]
) -> None:
    folder = tmp_path / f"case{abs(hash((tuple(main), tuple(translated))))}"
    folder.mkdir()
    _files(folder, README__md=_list(main), README_TU__md=_list(translated, "biçim"))
    lacking, extra = set(main) - set(translated), set(translated) - set(main)
    contexts = {n: _context(folder / n) for n in ("README.md", "README_TU.md")}
    on_main = lint(contexts["README.md"].document, Settings(), AL305)
    on_translation = lint(contexts["README_TU.md"].document, Settings(), AL305)
    assert len(on_main) == len(lacking)
    assert len(on_translation) == len(lacking) + len(extra)
    assert sum("not in the main list" in d.message for d in on_translation) == len(extra)
    gaps = missing(contexts["README.md"].entries, contexts["README_TU.md"].entries)
    assert {g.entry.line for g in gaps} == {
        e.line for e in contexts["README.md"].entries if e.title and _number(e.title.url) in lacking
    }


def _number(url: str) -> int:
    return int(url.rsplit(".", 1)[1])


LOCALIZED = FIXTURES / "AL305-localized-links"


def test_localized_links_and_renamed_links_are_no_missing_entries(tmp_path: Path) -> None:
    for name in ("README.md", "README-zh.md"):
        (tmp_path / name).write_bytes((LOCALIZED / name).read_bytes())
    main = _run_cli(tmp_path, "--select", "AL305", "README.md").out.splitlines()
    assert main == [
        "README.md:25:3: AL305 Entry missing from the translation README-zh.md",
        "Found 1 error.",
    ]
    translated = _run_cli(tmp_path, "--select", "AL305", "README-zh.md").out
    assert translated.count("another page") == 1  # Wiretap: the old link, said once
    assert "(line 23: https://wiretap.cloud/)" in translated


@pytest.mark.parametrize(
    ("ours", "theirs"),
    [
        ("https://www.snipaste.example.com", "https://zh.snipaste.example.com/"),
        ("https://inkscape.example.org/en/", "https://inkscape.example.org/zh/"),
        ("https://www.apple.com/mac/garageband/", "https://www.apple.com.cn/mac/garageband/"),
        ("https://example.com/docs", "https://example.cn/docs/"),
        ("https://example.com/zh-CN/app", "https://example.com/ja-jp/app?hl=ja"),
        ("https://evernote.com/skitch/", "https://evernote.com/intl/zh-cn/skitch/"),
        ("https://apps.apple.com/us/app/x/id123456", "https://apps.apple.com/cn/app/%E5/id123456"),
    ],
)
def test_locale_keys_fold_a_localized_page(ours: str, theirs: str) -> None:
    assert locale_key(ours) == locale_key(theirs)


@pytest.mark.parametrize(
    ("ours", "theirs"),
    [
        ("https://github.com/zh/tool", "https://github.com/tool"),  # an owner, not a locale
        ("https://example.com/id/5", "https://example.com/5"),  # a word of paths
        ("https://example.io/", "https://example.com/"),  # .io is no country's here
        ("https://paw.cloud/", "https://luckymarmot.com/paw"),
        ("https://apps.apple.com/us/app/x/id123456", "https://apps.apple.com/us/app/x/id654321"),
    ],
)
def test_locale_keys_keep_other_pages_apart(ours: str, theirs: str) -> None:
    assert locale_key(ours) != locale_key(theirs)


def test_a_name_shared_by_two_entries_matches_only_in_its_section(tmp_path: Path) -> None:
    main = (
        "# List\n\n## One\n\n* [Tool](https://a.example.io/) - a.\n* [Keep](https://k.example.io/)"
        " - k.\n\n## Two\n\n* [Tool](https://b.example.io/) - b.\n* [Also](https://s.example.io/)"
        " - s.\n"
    )
    translated = (
        "# List\n\n## 一\n\n* [Keep](https://k.example.io/) - k.\n\n## 二\n\n"
        "* [Also](https://s.example.io/) - s.\n* [Tool](https://c.example.io/) - c.\n"
    )
    folder = _files(tmp_path, README__md=main, README_zh__md=translated)
    contexts = {n: _context(folder / n) for n in ("README.md", "README_zh.md")}
    matched = matches(contexts["README.md"].entries, contexts["README_zh.md"].entries)
    by_line = {line: (m.there.line, m.how) for line, m in matched.items()}
    assert by_line == {5: (4, "url"), 9: (9, "name"), 10: (8, "url")}
    gaps = missing(contexts["README.md"].entries, contexts["README_zh.md"].entries)
    assert [g.entry.line for g in gaps] == [4]  # the first Tool, of section One
