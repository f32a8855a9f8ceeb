"""Generated awesome lists: every output format holds, and --fix loses no url, title or value.

The generator follows the grammar of the real lists (tests/fixtures/corpus, the seed): a
``format:`` block with positional authors/publisher lines and labelled fields, year sections
(``### 2023``, ``### NeurIPS 2023``, ``### 2020 and before``, or ``#### 2024`` under content
sections), entries in the wrong year, repeated entries, misspelt labels (``Keyowrd:``,
``Dataset;``, ``Code：``), full-width punctuation, double and trailing spaces, CJK text, tabs
and odd indents, CRLF or mixed line endings.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from awesome_lint.context import Context
from awesome_lint.model.document import Document
from awesome_lint.model.entries import Entry
from awesome_lint.model.urls import canonical_url
from awesome_lint.registry import BY_CODE
from tests.conftest import Result

SCHEMAS = Path(__file__).parent / "schemas"
JSON_SCHEMA = json.loads((SCHEMAS / "awesome-lint-json.json").read_text(encoding="utf-8"))
SARIF_SCHEMA = json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
RDJSON_SCHEMA = json.loads((SCHEMAS / "rdjson-DiagnosticResult.json").read_text(encoding="utf-8"))
GITLAB_SCHEMA = json.loads(
    (SCHEMAS / "gitlab-code-quality-report.json").read_text(encoding="utf-8")
)
FORMATS = ("full", "concise", "json", "json-lines", "github", "sarif", "rdjson", "gitlab")
URL = re.compile(r"https?://[^\s)\]>\"'<）]+")  # AL108 drops a typed "）", by design
GITHUB_LINE = re.compile(
    r"::error title=awesome-lint \(AL\d{3}\),file=[^,]+,line=\d+,col=\d+,"
    r"endLine=\d+,endColumn=\d+::[^\r\n]*"
)
# Modest by default (the suite stays fast); raise it to hunt: AWESOME_LINT_EXAMPLES=500 pytest ...
EXAMPLES = settings(
    max_examples=int(os.environ.get("AWESOME_LINT_EXAMPLES", "20")),
    deadline=None,
    suppress_health_check=list(HealthCheck),
)

# The format blocks of the corpus, as written there (seed, exploration-rl, a fully labelled one).
BLOCKS = (
    "```\nformat:\n- [title](paper link) [links]\n  - author1, author2, and author3...\n"
    "  - publisher\n  - keyword\n  - code\n  - experiment environments and datasets\n```\n",
    "```\nformat:\n- [title](paper link) (presentation type, openreview score [if the score "
    "is public])\n  - author1, author2, author3, ...\n  - Key: key problems and insights\n"
    "  - ExpEnv: experiment environments\n```\n",
    "```\nformat:\n- [title](paper link) [links]\n  - author1, author2\n  - publisher\n"
    "  - Keyword: keywords\n  - Code: official\n  - Dataset: datasets\n```\n",
)
# Year headings with the arXiv years an entry of theirs may have; the last is a catch-all.
YEARS = (("2024", (24,)), ("NeurIPS 2023", (23,)), ("2023", (23,)), ("2022", (22,)))
CATCH_ALL = ("2020 and before", (19, 20))
LABELS = {
    "keyword": ("Keyword:", "Keyword:", "Key:", "Keyowrd:", "Keyword;", "keyword :", "Keyword："),
    "code": ("Code:", "Code:", "Code：", "Code;", "code:", "Cdoe:"),
    "environment": ("Dataset:", "ExpEnv:", "Dataset;", "Env :", "Task:", "Datset:", "ExpEnv："),
}
# AL401's safe fix: the dictionary knows a single correction for these (checked below).
SAFE_SPELLING = {"reinforcment": "reinforcement", "enviroment": "environment", "Datset": "Dataset"}
# AL401's guesses (unsafe) at words of the generator; AL406 (unsafe) changes case only.
GUESSES = {**SAFE_SPELLING, "aligment": "alignment", "Keyowrd": "Keyword", "Cdoe": "Code"}
TITLE_WORDS = st.sampled_from(
    ["Reward", "Model", "强化学习", "Diffusion", "Policy", "Survey:A", "World  Model", "大模型",
     "RLHF", "（Preprint）", "Offline", "x", "Agents，Tools", "DOmain"]
)  # fmt: skip
VALUE_WORDS = st.sampled_from(
    ["RL", "preference learning", "reinforcment", "enviroment", "aligment", "DOmain",
     "world  model", "基于人类反馈的强化学习（RLHF），对齐", "reference， imitation",
     "Survey:Benchmark", "MuJoCo,Atari", "offline RL（D4RL）", "x"]
)  # fmt: skip
NAMES = st.sampled_from(["Jan Leike", "David Krueger", "张三", "Yan Zheng", "Yujing Hu", "A B"])
AUTHOR_SEPARATORS = st.sampled_from([", ", ", ", ",", "，", " ,  ", "，"])
VENUES = st.sampled_from(["NeurIPS 2023", "ICML 2024", "arXiv 2022", "ICLR  2021", "CoRL 2020 "])
LINKS = st.sampled_from(
    ["[official](https://github.com/OptimalScale/LMFlow)", "[D4RL](https://github.com/rail-berkeley/d4rl)",
     "[project](https://x.github.io/y/)", "[code](htps://github.com/a/b)",
     "[site](www.example.org/data)", "[MMLU]( https://paperswithcode.com/dataset/mmlu )"]
)  # fmt: skip
BLANKS = st.sampled_from(["", "", "", " ", "  ", "   ", "\t"])  # at a line's end


def _text(words: st.SearchStrategy[str], most: int = 4) -> st.SearchStrategy[str]:
    return st.lists(words, min_size=1, max_size=most).map(" ".join)


@st.composite
def paper_url(draw: st.DrawFn, years: tuple[int, ...]) -> str:
    year = draw(st.sampled_from(years))
    number = f"{year:02d}{draw(st.integers(1, 12)):02d}.{draw(st.integers(1, 40)):05d}"
    return draw(
        st.sampled_from(
            [f"https://arxiv.org/abs/{number}", f"https://arxiv.org/pdf/{number}.pdf",
             f"https://openreview.net/forum?id=X{number}", f"htps://arxiv.org/abs/{number}"]
        )
    )  # fmt: skip


@st.composite
def field_line(draw: st.DrawFn, kind: str) -> str:
    if kind == "authors":
        return draw(st.lists(NAMES, min_size=1, max_size=3).map(draw(AUTHOR_SEPARATORS).join))
    if kind == "publisher":
        return draw(VENUES)
    label = draw(st.sampled_from(LABELS[kind]))
    if kind == "keyword":
        value = draw(st.one_of(_text(VALUE_WORDS), st.just("")))  # an empty one is AL110's
    else:
        value = draw(
            st.lists(LINKS, min_size=1, max_size=2).map(draw(st.sampled_from([", ", " "])).join)
        )
    return label + draw(st.sampled_from([" ", " ", "  ", ""])) + value


@st.composite
def entry(draw: st.DrawFn, years: tuple[int, ...]) -> str:
    pad = draw(st.sampled_from(["", "", " "]))  # "[ Title ]" is AL407's
    close = draw(st.sampled_from([")", ")", ")", "）"]))  # AL108, then maybe AL108 again
    title = f"[{pad}{draw(_text(TITLE_WORDS))}{pad}]({draw(paper_url(years))}{close}"
    extra = draw(st.sampled_from(["", "", " [code](https://github.com/a/b)", " (NeurIPS 2023)"]))
    bullet = draw(st.sampled_from(["- ", "- ", "* ", "-  "]))
    lines = [f"{bullet}{title}{extra}{draw(BLANKS)}"]
    kinds = ["authors", "publisher", "keyword", "code", "environment"]
    kinds = [k for k in kinds if k in ("keyword", "authors") or draw(st.booleans())]
    if draw(st.integers(0, 4)) == 0:
        kinds = draw(st.permutations(kinds))  # AL104 puts them back in order
    usual = draw(st.sampled_from(["  - ", "  - ", "\t- ", "    - "]))
    odd = ["   - ", "  * ", "\t- ", "  + "]
    if bullet == "-  ":
        # Fields nest under "-  [" from three columns on (a tab, in the corpus); two-space
        # "fields" there are entries of their own, which moves and removals must keep apart.
        usual = draw(st.sampled_from(["\t- ", "   - ", "    - ", "  - "]))
        odd = ["    * ", "\t+ ", "   - "]
    for kind in kinds:
        prefix = draw(st.sampled_from([usual, usual, usual, *odd]))
        lines.append(f"{prefix}{draw(field_line(kind))}{draw(BLANKS)}")
    return "\n".join(lines) + "\n" + draw(st.sampled_from(["\n", "\n", "  \n", "\t\n", ""]))


@st.composite
def section(draw: st.DrawFn, level: str, earlier: list[str]) -> str:
    heading, years = draw(st.sampled_from((*YEARS, CATCH_ALL)))
    wrong = (24, 23, 22, 20)  # an entry of another year: AL202
    parts = [f"{level} {heading}\n\n"]
    details = draw(st.integers(0, 4)) == 0
    if details:
        parts.append("<details open>\n<summary>(Click to Collapse)</summary>\n\n")
    for _ in range(draw(st.integers(0, 4))):
        if earlier and draw(st.integers(0, 3)) == 0:
            copy = draw(st.sampled_from(earlier))  # a repeated entry: AL301
            if draw(st.booleans()):
                copy = copy.replace("arxiv.org/abs/", "arxiv.org/pdf/", 1)
            parts.append(copy if copy.endswith("\n\n") else copy + "\n")
            continue
        if draw(st.integers(0, 6)) == 0:
            parts.append("<!-- awesome-lint-disable-next-line AL105 -->\n")
        if draw(st.integers(0, 8)) == 0:  # code is never an entry, nor fixed
            parts.append("```\n- [Code  ](htps://example.org/a，b)  \n```\n\n")
        text = draw(entry(wrong if draw(st.integers(0, 5)) == 0 else years))
        earlier.append(text)
        parts.append(text)
    if details:
        parts.append("\n</details>\n")
    return "".join(parts) + "\n"


@st.composite
def awesome_list(draw: st.DrawFn) -> str:
    parts = ["# Awesome RLHF\n\n## Papers\n\n", draw(st.sampled_from(BLOCKS)), "\n"]
    earlier: list[str] = []
    if draw(st.integers(0, 3)) == 0:  # content sections holding year sections, as ui-agents does
        for name in ("Models", "Datasets"):
            parts.append(f"### {name}\n\n")
            parts.extend(draw(st.lists(section("####", earlier), max_size=2)))
    else:
        parts.extend(draw(st.lists(section("###", earlier), max_size=4)))
    parts.append("## License\n\nMIT  \n")
    text = "".join(parts)
    ending = draw(st.sampled_from(["lf", "crlf", "mixed", "no final newline"]))
    if ending == "crlf":
        text = text.replace("\n", "\r\n")
    elif ending == "mixed":
        step = draw(st.integers(2, 7))
        lines = text.split("\n")
        text = "\n".join(line + ("\r" if i % step == 0 else "") for i, line in enumerate(lines))
    elif ending == "no final newline":
        text = text.rstrip("\n")
    return text


# What a safe fix may change: full-width marks (AL402), spacing (AL403, AL404, AL405, AL407), a
# comma between links (AL109), a url's scheme or surrounding spaces (AL108), and in field values
# only, AL401's single known corrections. Nothing else: no word may change, vanish or merge.
_FULL_WIDTH = str.maketrans({"，": ",", "：": ":", "；": ";", "（": "(", "）": ")"})
_LINK_URL = re.compile(r"\]\(([^()]*)\)")


def _url(url: str) -> str:
    url = url.strip().translate(_FULL_WIDTH)
    if url.startswith("htps://"):
        url = "https://" + url.removeprefix("htps://")
    return "https://" + url if url.startswith("www.") else url


def _fold(text: str) -> str:
    text = _LINK_URL.sub(lambda m: f"]({_url(m.group(1))})", text.translate(_FULL_WIDTH))
    text = re.sub(r"([,:;]) ", r"\1", " ".join(text.split()))
    return re.sub(r"\) ?,?\[", ")[", text)


def _fold_value(text: str, corrections: dict[str, str] = SAFE_SPELLING) -> str:
    return re.sub(r"\w+", lambda m: corrections.get(m.group(), m.group()), _fold(text))


def _entries(text: str) -> tuple[Document, tuple[Entry, ...]]:
    document = Document(text)
    return document, Context(document).entries


def _contents(text: str) -> list[tuple[object, ...]]:
    """Each entry's title, the rest of its title line, and the multiset of its fields."""
    document, entries = _entries(text)
    contents: list[tuple[object, ...]] = []
    for entry in entries:
        title = entry.title
        head = (_fold(title.text), _url(title.url)) if title is not None else None
        rest_start = title.end if title is not None else entry.content_start
        rest = _fold_value(document.text[rest_start : entry.content_end])
        fields = Counter(
            (field.spec.kind if field.spec else None, _fold_value(field.value(document)))
            for field in entry.fields
        )
        contents.append((head, rest, sorted(fields.items(), key=repr)))
    return contents


def _paper_keys(text: str) -> Counter[tuple[str, str]]:
    """Entries as (title, canonical url), or (title-line text, "") for an entry with no link."""
    document, entries = _entries(text)
    keys: Counter[tuple[str, str]] = Counter()
    for entry in entries:
        if entry.title is None:
            line = document.text[entry.content_start : entry.content_end]
            keys[_fold_value(line, GUESSES).casefold(), ""] += 1
        else:
            keys[_fold(entry.title.text), canonical_url(_url(entry.title.url))] += 1
    return keys


def _urls(text: str) -> set[str]:
    return set(URL.findall(text))


def _write(tmp_path_factory: pytest.TempPathFactory, text: str) -> Path:
    folder = tmp_path_factory.mktemp("prop")
    (folder / "README.md").write_bytes(text.encode())
    return folder


def _fix(cli: Callable[..., Result], folder: Path, *args: str) -> str:
    result = cli("--fix", "-q", *args, "README.md", cwd=folder)
    assert result.code in (0, 1), result.err
    return (folder / "README.md").read_bytes().decode()


def test_generated_spelling_typos_have_a_single_known_correction() -> None:
    from awesome_lint.spelling import load_speller

    speller = load_speller(())
    for typo, correction in SAFE_SPELLING.items():
        suggestion = speller.check(typo)
        assert suggestion is not None and (suggestion.replacement, suggestion.single) == (
            correction,
            True,
        )


def _check_json_objects(objects: list[dict[str, Any]]) -> None:
    jsonschema.Draft202012Validator(JSON_SCHEMA).validate(objects)
    for item in objects:
        assert item["name"] == BY_CODE[item["code"]].name
        start, end = item["location"], item["end_location"]
        assert (start["row"], start["column"]) <= (end["row"], end["column"]), item
        kind = BY_CODE[item["code"]].fix  # the most the rule's fixes may do
        if kind == "none":
            assert item["fix"] is None, item
        elif kind == "safe" and item["fix"] is not None:
            assert item["fix"]["applicability"] == "safe", item


@EXAMPLES
@given(text=awesome_list())
def test_every_output_format_reports_the_same_diagnostics(
    cli: Callable[..., Result], tmp_path_factory: pytest.TempPathFactory, text: str
) -> None:
    folder = _write(tmp_path_factory, text)
    out: dict[str, str] = {}
    for name in FORMATS:
        result = cli("--output-format", name, "--no-color", "README.md", cwd=folder)
        assert result.code in (0, 1), f"{name}: {result.err}"
        out[name] = result.out
    objects = json.loads(out["json"])
    _check_json_objects(objects)
    assert [json.loads(line) for line in out["json-lines"].splitlines()] == objects
    assert result.code == (1 if objects else 0)
    github = out["github"].splitlines()
    assert len(github) == len(objects)
    assert all(GITHUB_LINE.fullmatch(line) for line in github), github
    log = json.loads(out["sarif"])
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    assert [r["ruleId"] for r in log["runs"][0]["results"]] == [o["code"] for o in objects]
    concise = [line for line in out["concise"].splitlines() if line.startswith("README.md:")]
    assert len(concise) == len(objects)
    review = json.loads(out["rdjson"])
    jsonschema.Draft4Validator(RDJSON_SCHEMA).validate(review)
    assert [d["code"]["value"] for d in review["diagnostics"]] == [o["code"] for o in objects]
    quality = json.loads(out["gitlab"])
    jsonschema.Draft202012Validator(GITLAB_SCHEMA).validate(quality)
    assert len({i["fingerprint"] for i in quality}) == len(objects)


@EXAMPLES
@given(text=awesome_list())
def test_safe_fixes_keep_every_url_title_and_field_value(
    cli: Callable[..., Result], tmp_path_factory: pytest.TempPathFactory, text: str
) -> None:
    folder = _write(tmp_path_factory, text)
    fixed = _fix(cli, folder)
    assert _urls(text) <= _urls(fixed), sorted(_urls(text) - _urls(fixed))
    assert _contents(fixed) == _contents(text)
    assert _fix(cli, folder) == fixed, "a second --fix changed the file"


@EXAMPLES
@given(text=awesome_list())
def test_unsafe_fixes_remove_only_repeated_entries(
    cli: Callable[..., Result], tmp_path_factory: pytest.TempPathFactory, text: str
) -> None:
    folder = _write(tmp_path_factory, text)
    _fix(cli, folder)  # so that AL301 judges repeats by their fixed urls, as the unsafe run does
    checked = cli("--output-format", "json", "README.md", cwd=folder)
    repeats = sum(1 for d in json.loads(checked.out) if d["code"] == "AL301")
    fixed = _fix(cli, folder, "--unsafe-fixes")
    # A removed repeat may have spelt its link another way (pdf for abs): compare canonical urls.
    lost = {canonical_url(u) for u in _urls(text)} - {canonical_url(u) for u in _urls(fixed)}
    assert not lost, sorted(lost)
    before, after = _paper_keys(text), _paper_keys(fixed)
    assert set(after) == set(before), "an entry was lost or changed its title or link"
    for key, count in after.items():
        assert count <= before[key] and (count == before[key] or before[key] > 1), key
    # A removal may free another (an entry whose removal would have handed the lines after
    # it to the entry before it), so count repeats, not first-round fixes; and none is left.
    assert sum(after.values()) >= sum(before.values()) - repeats
    left = cli("--output-format", "json", "--unsafe-fixes", "README.md", cwd=folder)
    assert not [d for d in json.loads(left.out) if d["code"] == "AL301" and d["fix"]]
    assert _fix(cli, folder, "--unsafe-fixes") == fixed, "a second --fix changed the file"


MERGING_REPEAT = (
    "# Awesome\n\n```\nformat:\n- [title](paper link)\n  - author1, author2\n"
    "  - Keyword: keywords\n```\n\n"
    "- [A](https://arxiv.org/abs/2401.00001)\n\n"
    "-  [A](https://arxiv.org/abs/2401.00001)\n"
    "  - Jan Leike\n"
)


def test_a_repeat_whose_removal_would_merge_entries_is_left_alone(
    cli: Callable[..., Result], tmp_path: Path
) -> None:
    # Removing "-  [A]" would nest the next line, an entry of its own, under the first [A].
    (tmp_path / "README.md").write_text(MERGING_REPEAT, encoding="utf-8")
    before = _paper_keys(MERGING_REPEAT)
    assert sum(before.values()) == 3  # [A], its repeat, and the title-less "Jan Leike"
    fixed = _fix(cli, tmp_path, "--unsafe-fixes")
    assert _paper_keys(fixed) == before
    result = cli("--select", "AL301", "--output-format", "concise", "README.md", cwd=tmp_path)
    assert "AL301 Entry repeats the paper of line 10" in result.out


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="[]()!ab `\\）-:", max_size=40), st.integers(0, 5))
def test_plain_link_fast_path_finds_what_the_full_scan_finds(line: str, base: int) -> None:
    import awesome_lint.model.links as links

    fast = links.find_links(line, base)
    original = links._simple_links
    links._simple_links = lambda _line, _base: None  # type: ignore[assignment]
    try:
        assert fast == links.find_links(line, base)
    finally:
        links._simple_links = original


# Lines of classic lists: names, crate tags, badges, and what breaks each of them.
_LINE_PIECES = st.sampled_from(
    [
        *("[", "]", "(", ")", "!", " ", "a", " - ", "`", "\\", "）", "![", "]("),
        *("[n](u)", "[[c](u)]", "[![b](s)](u)", "![i](s)", "[[![b](s)](u)]", "[t](u (x))"),
    ]
)


@settings(max_examples=2000, deadline=None)
@given(st.lists(_LINE_PIECES, max_size=10).map("".join), st.integers(0, 5))
def test_badges_and_tags_fast_path_finds_what_the_full_scan_finds(line: str, base: int) -> None:
    import awesome_lint.model.links as links

    fast = links._simple_links(line, base)
    original = links._simple_links
    links._simple_links = lambda _line, _base: None  # type: ignore[assignment]
    try:
        assert fast is None or fast == links.find_links(line, base)
    finally:
        links._simple_links = original
