"""The AL4 text rules: what they find in real lists, what they leave alone, and what they cost."""

from __future__ import annotations

import itertools
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from awesome_lint.config import Settings
from awesome_lint.context import Context
from awesome_lint.diagnostics import Diagnostic
from awesome_lint.linter import lint_text
from awesome_lint.model.document import Document
from awesome_lint.model.links import code_spans, find_links
from awesome_lint.model.prose import _CHUNK, cjk_patterns
from awesome_lint.registry import select_rules
from tests.conftest import FIXTURES, SEED, Result

TEXT_RULES = select_rules(["AL4"])
LISTS = sorted((FIXTURES / "corpus").glob("*/README.md"))

HEAD = """# List

```
format:
- [title](paper link)
  - authors
  - keyword
  - experiment environments and datasets
```

"""


def lint(body: str, select: str = "AL4", **settings: object) -> list[Diagnostic]:
    return lint_text(HEAD + body, Settings(**settings), select_rules([select]))  # type: ignore[arg-type]


def found(body: str, select: str = "AL4", **settings: object) -> list[tuple[str, str]]:
    """(code, flagged text) of each diagnostic, with offsets into the body."""
    text = HEAD + body
    return [(d.code, text[d.start : d.end]) for d in lint(body, select, **settings)]


SEED_EXPECTED = [
    (29, "AL405"),
    (72, "AL401"),  # Transformerbased
    (80, "AL405"),
    (108, "AL405"),
    (132, "AL403"),  # Kianté,Brantley
    (133, "AL404"),
    (135, "AL403"),  # (en-de)](...),[NarrativeQA]
    (171, "AL401"),  # selfimprovement
    (175, "AL401"),  # highquality
    (186, "AL402"),  # reference，
    (186, "AL402"),  # learning，
    (190, "AL404"),
    (194, "AL404"),
    (194, "AL406"),  # DOmain
    (222, "AL404"),
    (249, "AL404"),  # "Physical  descriptive"
    (264, "AL403"),  # Kianté,Brantley again
    (265, "AL404"),
    (286, "AL403"),  # dataset,18
    (287, "AL405"),
    (290, "AL404"),
    (291, "AL404"),
    (295, "AL404"),
    (307, "AL407"),  # [ Understanding
    (308, "AL411"),  # [Deepmind]
    (325, "AL408"),  # the seed has no final newline
]


def test_seed_reports_exactly_the_known_text_defects() -> None:
    text = SEED.read_text(encoding="utf-8")
    document = Document(text)
    diagnostics = lint_text(text, Settings(), TEXT_RULES)
    assert [(document.position(d.start)[0], d.code) for d in diagnostics] == SEED_EXPECTED


def test_seed_fix_clears_every_safe_text_fix_and_is_stable(
    cli: Callable[..., Result], seed_copy: Path
) -> None:
    first = cli(
        "--fix", "--select", "AL4", "--output-format", "concise", "README.md", cwd=seed_copy.parent
    )
    fixed = seed_copy.read_bytes()
    assert first.out.splitlines()[:-2] == [
        'README.md:194:138: AL406 "DOmain" has a stray capital; did you mean "Domain"?'
    ]
    cli("--fix", "--select", "AL4", "README.md", cwd=seed_copy.parent)
    assert seed_copy.read_bytes() == fixed
    assert b"self-improvement" in fixed and b"reference, Imitation learning, BC" in fixed


def test_spelling_data_loads_only_when_al401_runs() -> None:
    code = (
        "import sys\n"
        "from awesome_lint.cli import run\n"
        "run(['--select', 'AL4', '--ignore', 'AL401', '--output-format', 'concise', sys.argv[1]])\n"
        "assert 'awesome_lint.spelling.speller' not in sys.modules, 'speller imported'\n"
        "run(['--select', 'AL401', '--output-format', 'concise', sys.argv[1]])\n"
        "assert 'awesome_lint.spelling.speller' in sys.modules\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(SEED)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


# --- the prose model ---


def test_prose_leaves_out_code_urls_html_and_cjk() -> None:
    text = HEAD + (
        "- [Title Words](https://example.org/t) note\n"
        "  - Ann Author\n"
        "  - Keyword:  kept, `code,span`, https://bare.example/x,y <b>tag</b> 中文（注） end\n"
    )
    ctx = Context(Document(text))
    spans = {(span.kind, text[span.start : span.end]) for span in ctx.prose.spans()}
    assert ("title", "Title Words") in spans
    assert ("description", " note") in spans
    assert ("authors", "Ann Author") in spans
    prose = "".join(text[s.start : s.end] for s in ctx.prose.spans() if s.kind == "keyword")
    assert prose.startswith("  kept, ")  # spaces after the label are prose (AL404's)
    for left_out in ("code,span", "bare.example", "<b>", "中文", "（注）", "example.org"):
        assert left_out not in prose
    assert not any(s.spellable for s in ctx.prose.spans() if s.kind in ("title", "authors"))


@pytest.mark.parametrize("blank", [" ", "\t", "\u3000", "\u00a0", "\x85", "\u2028", "\x1c"])
def test_prose_chunks_split_where_the_word_scan_does(blank: str) -> None:
    # AL401 counts chunks with translate + split(), and locates words with _CHUNK: if the two
    # disagreed on a blank, a word could be counted under one spelling and sought under another.
    value = f"a{blank}b,c；“quoted”{blank}(x){blank}self-play{blank}{blank}end"
    ctx = Context(Document(HEAD + f"- [T](https://x.org)\n  - A B\n  - Keyword: {value}\n"))
    prose = ctx.prose
    for i in range(len(prose)):
        scanned = [
            m.group() for m in _CHUNK.finditer(prose.document.text, prose.starts[i], prose.ends[i])
        ]
        assert prose.chunks([i]) == scanned


def test_prose_spans_are_sorted_and_disjoint_so_offsets_map_to_one_span() -> None:
    text = SEED.read_text(encoding="utf-8")
    prose = Context(Document(text)).prose
    spans = list(prose.spans())
    assert all(a.end <= b.start for a, b in itertools.pairwise(spans))
    for i, span in enumerate(spans):
        assert prose.index_at(span.start) == i
        assert prose.index_at(span.end - 1) == i


def test_misspelling_far_down_a_long_list_is_found_at_its_own_offset() -> None:
    # AL401 counts words by batches of spans and seeks a word used once in its batch again.
    entry = (
        "- [Policy Title {n}](https://x.org/{n})\n  - Ann Author\n  - Keyword: policy learning\n"
    )
    body = "".join(entry.format(n=n) for n in range(400))
    body += "- [Last](https://x.org/z)\n  - Ann Author\n  - Keyword: reinforcment learning\n"
    body += "- [Reused Title](https://x.org/r)\n  - Ann Author\n  - Keyword: enviroment\n"
    body += "".join(entry.format(n=n) for n in range(400, 600))
    body += "- [Enviroment](https://x.org/e)\n  - Ann Author\n  - Keyword: policy\n"
    assert found(body, "AL401") == [("AL401", "reinforcment")]


# --- what each rule leaves alone ---


@pytest.mark.parametrize(
    "value",
    [
        "1,000 tasks and 0,5 ratios",
        "Q(s,a) values",
        "arXiv:2305.10425",
        "`a,b` in code",
        "lr=1e-3,bs=32",
        "TL;DR, key:value",
        "[A](https://x.org/a,b), [B](https://x.org/c)",
    ],
)
def test_missing_space_noop(value: str) -> None:
    assert found(f"- [T](https://x.org)\n  - A B\n  - Keyword: {value}\n", "AL403") == []


def test_missing_space_finds_names_numbers_and_links() -> None:
    body = (
        "- [Survey:A Review](https://x.org)\n"
        "  - Yan Zheng,Yujing Hu\n"
        "  - Keyword: dataset,18 areas\n"
        "  - Dataset: [A](https://x.org/a),[B](https://x.org/b)\n"
    )
    assert [code for code, _ in found(body, "AL403")] == ["AL403"] * 4


def test_full_width_punctuation_in_cjk_text_is_left_alone() -> None:
    body = "- [T](https://x.org)\n  - 张三，李四\n  - Keyword: 强化学习（RLHF），对齐\n"
    assert found(body, "AL402") == []


def test_full_width_mark_breaking_a_url_is_bad_urls_business() -> None:
    body = "- [T](https://x.org/a，b)\n  - A B\n  - Keyword: see https://x.org/c，d\n"
    assert found(body, "AL402") == []


def test_full_width_comma_gets_a_space_when_a_word_follows() -> None:
    (diagnostic,) = lint("- [T](https://x.org)\n  - A B\n  - Keyword: one，two\n", "AL402")
    assert diagnostic.fix is not None and diagnostic.fix.edits[0].content == ", "


def test_two_space_hard_break_is_left_alone_and_longer_ones_cut_to_two() -> None:
    # Exactly two trailing spaces are always left alone (DESIGN.md), even before a new item.
    body = "Some text  \nmore text    \nlast line\n- item  \n- next\n"
    assert found(body, "AL405") == [("AL405", "    ")]
    (longer,) = lint(body, "AL405")
    assert longer.fix is not None and longer.fix.edits[0].content == "  "


def test_trailing_whitespace_in_code_fences_is_left_alone() -> None:
    assert found("```\nx = 1   \n```\n", "AL405") == []


def test_crlf_file_has_no_trailing_whitespace_from_its_newlines() -> None:
    text = (HEAD + "- [T](https://x.org)\n  - A B\n  - Keyword: fine\n").replace("\n", "\r\n")
    assert lint_text(text, Settings(), select_rules(["AL405", "AL408"])) == []


def test_mixed_line_endings_become_the_majority() -> None:
    text = "a\r\nb\r\nc\nd\r\n"
    (diagnostic,) = lint_text(text, Settings(), select_rules(["AL408"]))
    assert diagnostic.fix is not None
    assert [(e.start, e.content) for e in diagnostic.fix.edits] == [(7, "\r\n")]


def test_repeated_space_leaves_indent_code_and_link_padding_alone() -> None:
    body = "- [ T ](https://x.org)\n  - A B\n  - Keyword: `a  b`, fine\n    continued here\n"
    assert found(body, "AL404") == []


@pytest.mark.parametrize(
    "word", ["MuJoCo", "PyTorch", "GPUs", "LLaMA", "ChatGPT", "DDPGfD", "RLHF-V", "MLLMs", "VLMs"]
)
def test_mixed_case_noop_on_known_names(word: str) -> None:
    assert found(f"- [T](https://x.org)\n  - A B\n  - Keyword: {word}\n", "AL406") == []


def test_mixed_case_leaves_titles_and_words_the_list_repeats() -> None:
    body = "- [DIffusion Title](https://x.org)\n  - A B\n  - Keyword: DIffusion, DOmain, DOmain\n"
    assert found(body, "AL406") == []


def test_misspelling_skips_names_code_and_the_lists_own_words() -> None:
    body = (
        "- [Reinforcment Title](https://x.org)\n"
        "  - Reinforcment Author\n"
        "  - Keyword: reinforcment, `enviroment`, agentbench, agentbench\n"
        "  - Code: [offical](https://x.org/enviroment)\n"
    )
    assert found(body, "AL401") == []


def test_misspelling_allowlist_and_safe_fix() -> None:
    body = "- [T](https://x.org)\n  - A B\n  - Keyword: selfimprovement, enviroment\n"
    diagnostics = lint(body, "AL401", words=frozenset({"selfimprovement"}))
    assert [(d.message, d.fix and d.fix.applicability.value) for d in diagnostics] == [
        ('Misspelt word "enviroment"; did you mean "environment"?', "safe")
    ]


# --- the corpus: never inside code, urls or CJK text ---


def _protected(line: str) -> list[tuple[int, int]]:
    """Ranges of a line that text rules must not report in: code spans, urls, CJK text."""
    ranges = list(code_spans(line))
    ranges += [(link.url_start, link.url_end) for link in find_links(line)]
    ranges += [m.span() for m in re.finditer(r"https?://[^\s()\[\]]+", line)]
    ranges += [m.span() for m in cjk_patterns()[0].finditer(line)]
    return ranges


@pytest.mark.parametrize("readme", LISTS, ids=[p.parent.name for p in LISTS])
def test_corpus_text_diagnostics_stay_out_of_code_urls_and_cjk(readme: Path) -> None:
    text = readme.read_text(encoding="utf-8")
    document = Document(text)
    code_lines = document.structure.code_lines
    for d in lint_text(text, Settings(), TEXT_RULES):
        n = document.line_of(d.start)
        line = document.line(n)
        assert n not in code_lines, (d.code, n + 1)
        if d.code in ("AL405", "AL408"):
            continue
        start, end = d.start - document.line_starts[n], d.end - document.line_starts[n]
        for s, e in _protected(line):
            assert not (start < e and s < end), (d.code, n + 1, line[start:end])
