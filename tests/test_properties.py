"""Generated awesome lists: no exception, --fix is idempotent and loses no url, title or entry."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from awesome_lint.context import Context
from awesome_lint.document import Document
from tests.conftest import Result

FORMAT = "```\nformat:\n- [title](paper link) [links]\n  - author1, author2\n  - publisher\n  - Keyword: keywords\n  - Code: official\n```\n"  # noqa: E501
LABELS = ["Keyword:", "Keyowrd:", "keyword :", "Keyword;", "Code:", "Code：", "Key:", "Env :"]
WORDS = st.sampled_from(["RL", "强化学习", "diffusion", "DOmain", "world  model", "大模型", "x"])
TEXT = st.lists(WORDS, min_size=1, max_size=4).map(" ".join)
URL = re.compile(r"https?://[^\s)\]>\"'<）]+")
KEYS = {"code", "name", "message", "severity", "filename", "location", "end_location", "fix", "url"}


@st.composite
def entry(draw: st.DrawFn) -> str:
    number = draw(st.integers(0, 30))
    year = draw(st.sampled_from(["21", "22", "23", "24"]))
    title = draw(TEXT)
    lines = [f"- [{title}](https://arxiv.org/abs/{year}05.{number:05d})"]
    if draw(st.booleans()):
        lines.append(f"  - {draw(TEXT)},{draw(TEXT)}")
    for _ in range(draw(st.integers(0, 3))):
        indent = draw(st.sampled_from(["  ", "    ", "\t", "   "]))
        bullet = draw(st.sampled_from(["-", "*", "+"]))
        label = draw(st.sampled_from(LABELS))
        lines.append(f"{indent}{bullet} {label} {draw(TEXT)}{draw(st.sampled_from(['', '  ']))}")
    return "\n".join(lines) + "\n"


@st.composite
def awesome_list(draw: st.DrawFn) -> str:
    parts = ["# Awesome\n\n## Papers\n\n", FORMAT, "\n"]
    for year in draw(st.lists(st.sampled_from(["2024", "2023", "2022"]), max_size=3)):
        parts.append(f"### {year}\n\n")
        parts.extend(draw(st.lists(entry(), max_size=4)))
        parts.append("\n")
    text = "".join(parts)
    return text.replace("\n", "\r\n") if draw(st.booleans()) else text


def _entries(text: str) -> int:
    return len(Context(Document(text)).entries)


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(text=awesome_list())
def test_fix_is_idempotent_and_keeps_content(
    cli: Callable[..., Result], tmp_path_factory: object, text: str
) -> None:
    folder = Path(str(tmp_path_factory.mktemp("prop")))  # type: ignore[attr-defined]
    target = folder / "README.md"
    target.write_bytes(text.encode())
    checked = cli("--output-format", "json", "README.md", cwd=folder)
    assert checked.code in (0, 1), checked.err
    for item in json.loads(checked.out):
        assert set(item) >= KEYS
    safe = cli("--fix", "-q", "README.md", cwd=folder)
    assert safe.code in (0, 1), safe.err
    fixed = target.read_bytes().decode()
    assert set(URL.findall(text)) <= set(URL.findall(fixed))
    assert _entries(fixed) == _entries(text)
    again = cli("--fix", "-q", "README.md", cwd=folder)
    assert again.code in (0, 1), again.err
    assert target.read_bytes().decode() == fixed
    unsafe = cli("--fix", "--unsafe-fixes", "-q", "README.md", cwd=folder)
    assert unsafe.code in (0, 1), unsafe.err
    assert set(URL.findall(text)) <= set(URL.findall(target.read_bytes().decode()))
